# gc-stress-interval: 128
# xml.sax's expat reader over pyexpat (imports urllib: heavier)
import xml.sax, xml.sax.handler
class H(xml.sax.handler.ContentHandler):
    def startElement(self, name, attrs):
        print('start', name, dict(attrs), self._locator.getLineNumber(), self._locator.getColumnNumber())
    def endElement(self, name):
        print('end', name)
    def characters(self, content):
        print('chars', repr(content))
xml.sax.parseString(b'<a x="1">\n<b>t</b></a>', H())
class NS(xml.sax.handler.ContentHandler):
    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, dict(attrs))
    def startPrefixMapping(self, prefix, uri):
        print('prefix', prefix, uri)
p = xml.sax.make_parser()
p.setFeature(xml.sax.handler.feature_namespaces, True)
p.setContentHandler(NS())
import io
p.parse(io.BytesIO(b'<a xmlns="urn:a" xmlns:q="urn:q"><q:b q:y="1"/></a>'))
try:
    xml.sax.parseString(b'<a>', H())
except xml.sax.SAXParseException as e:
    print('SAX', e, e.getLineNumber(), e.getColumnNumber())
