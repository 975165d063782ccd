# gc-stress-interval: 64
# xml.etree.ElementTree over pyexpat: parse, iterparse, pull parser, tostring, errors
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
