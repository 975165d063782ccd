# gc-stress-interval: 64
# xml.dom.minidom over pyexpat
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
