# gc-stress-interval: 64
# xml.etree, minidom, sax, plistlib and xmlrpc over pyexpat
import xml.etree.ElementTree as ET
import io
src = '''<?xml version="1.0"?>
<root xmlns:h="http://www.w3.org/TR/html4/" a="1">
  <h:table><h:tr><h:td>Apples &amp; pears</h:td></h:tr></h:table>
  <item id="2">text<sub/>tail</item>
  <!-- comment -->
</root>'''
root = ET.fromstring(src)
print(root.tag, root.attrib, [c.tag for c in root])
print(ET.tostring(root, encoding='unicode'))
for ev, el in ET.iterparse(io.BytesIO(src.encode()), events=('start', 'end', 'start-ns', 'end-ns')):
    print(ev, el if ev.endswith('-ns') else el.tag)
tree = ET.ElementTree(ET.fromstring('<a><b x="1">y</b><b>z</b></a>'))
print([b.text for b in tree.iter('b')], tree.find('b').get('x'))
p = ET.XMLPullParser(events=('start', 'end', 'comment', 'pi'))
for chunk in ['<a><b', '>t</b><!--c--', '><?p d?></a>']:
    p.feed(chunk)
    print([(e, getattr(x.tag, "__name__", x.tag)) for e, x in p.read_events()])
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
parser = ET.XMLParser(target=tb)
parser.feed('<r><!--x--><?pi y?></r>')
print(ET.tostring(parser.close()))
for bad in ['<a>', '<a></b>', '', '<a x="1" x="2"/>', '<a>&nope;</a>', 'text']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print('ParseError', e, e.code, e.position)
c = ET.canonicalize('<a  b="2"   a="1"><c/></a>')
print(c)
el = ET.XML('<x>\u00e9\u4e2d</x>')
print(ET.tostring(el), ET.tostring(el, encoding='unicode'))
print(ET.fromstring('<?xml version="1.0" encoding="iso-8859-1"?><x>\xe9</x>'.encode('latin-1')).text)
import xml.dom.minidom as md
doc = md.parseString('<?xml version="1.0"?><!DOCTYPE r><r xmlns:p="urn:p" a="1"><p:c p:x="2">hi &amp; bye</p:c><![CDATA[raw <stuff>]]><!--c--><?pi data?></r>')
print(doc.documentElement.tagName, doc.documentElement.getAttribute('a'))
c = doc.getElementsByTagNameNS('urn:p', 'c')[0]
print(c.namespaceURI, c.prefix, c.localName, c.getAttributeNS('urn:p', 'x'), c.firstChild.data)
print(doc.toxml())
print(doc.toprettyxml(indent=' '))
try:
    md.parseString('<a><b></a>')
except Exception as e:
    print(type(e).__name__, e)
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
import plistlib, datetime
d = {'a': 1, 'b': [1.5, True, 'x'], 'c': b'bytes', 'd': datetime.datetime(2020, 1, 2, 3, 4, 5), 'e': {'n': None and 1 or 0}}
s = plistlib.dumps(d)
print(s.decode())
print(plistlib.loads(s) == d, plistlib.loads(s))
import xmlrpc.client
req = xmlrpc.client.dumps((1, 'two', [3.0]), 'meth')
print(req)
print(xmlrpc.client.loads(req))
