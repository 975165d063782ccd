# gc-stress-interval: 32
# pyexpat DTD declarations: ELEMENT models, ATTLIST (and default attributes), NOTATION, unparsed entities; minidom's getElementById
from xml.parsers import expat
def run(doc, **kw):
    p = expat.ParserCreate(**kw)
    p.ElementDeclHandler = lambda *a: print('element', a)
    p.AttlistDeclHandler = lambda *a: print('attlist', a)
    p.NotationDeclHandler = lambda *a: print('notation', a)
    p.StartElementHandler = lambda n, a: print('start', n, a)
    p.UnparsedEntityDeclHandler = lambda *a: print('unparsed', a)
    try:
        p.Parse(doc, True)
    except expat.ExpatError as e:
        print('error', e)
run('''<!DOCTYPE r [
<!ELEMENT r (a, b?, (c | d)*)+>
<!ELEMENT a EMPTY>
<!ELEMENT b ANY>
<!ELEMENT c (#PCDATA)>
<!ELEMENT d (#PCDATA | a | b)*>
<!ATTLIST r id ID #REQUIRED
            kind (x|y) "x"
            fixed CDATA #FIXED "f"
            opt NMTOKEN #IMPLIED>
<!ATTLIST a q CDATA 'dq'>
<!NOTATION gif SYSTEM "image/gif">
<!NOTATION png PUBLIC "-//png">
<!ENTITY pic SYSTEM "pic.gif" NDATA gif>
]>
<r id="i1"><a/><a q="given"/></r>''')
p = expat.ParserCreate()
p.specified_attributes = True
p.StartElementHandler = lambda n, a: print('spec', n, a)
p.Parse('<!DOCTYPE r [<!ATTLIST r d CDATA "v">]><r x="1"/>', True)
p = expat.ParserCreate()
p.ordered_attributes = True
p.StartElementHandler = lambda n, a: print('ord', n, a)
p.Parse('<!DOCTYPE r [<!ATTLIST r d CDATA "v" e CDATA "&amp;w">]><r x="1"/>', True)
import xml.dom.minidom as md
doc = md.parseString('<!DOCTYPE r [<!ATTLIST e key ID #IMPLIED>]><r><e key="k1">one</e><e key="k2">two</e></r>')
print(doc.getElementById('k2').firstChild.data, doc.getElementById('nope'))
