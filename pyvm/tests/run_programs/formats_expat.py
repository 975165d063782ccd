# gc-stress-interval: 16
# pyexpat: callbacks, positions, attributes and errors as CPython's expat gives them
from xml.parsers import expat
import pyexpat, io
print(expat.version_info, expat.EXPAT_VERSION, expat.native_encoding)
def trace(data, **kw):
    p = expat.ParserCreate(**kw)
    for h in ['StartElementHandler','EndElementHandler','CharacterDataHandler','CommentHandler','ProcessingInstructionHandler','XmlDeclHandler','StartDoctypeDeclHandler','EndDoctypeDeclHandler','StartNamespaceDeclHandler','EndNamespaceDeclHandler','EntityDeclHandler','DefaultHandler','StartCdataSectionHandler','EndCdataSectionHandler']:
        setattr(p, h, (lambda h: lambda *a: print(h, a, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))(h))
    try:
        if isinstance(data, list):
            for d in data: p.Parse(d, False)
            p.Parse(b'', True)
        else:
            p.Parse(data, True)
    except expat.ExpatError as e:
        print("ERR", e, e.code, e.lineno, e.offset)
trace('<?xml version="1.0"?>\n<a x="1" y=\'2\'>hi\nthere &amp; &#65;&lt;<b/><!-- c --><?pi data?><![CDATA[x<y]]></a>')
trace('<a>é<b></a>')
trace('<a>\n  é<b></a>')
trace('<a></b>')
trace('')
trace('<a>')
trace('x')
trace(' <a/>x')
trace(['<a>he', 'llo</a>'])
trace('<r xmlns="u" xmlns:p="v"><p:x p:a="1" b="2"/></r>', namespace_separator='}')
trace('<a>x]y]]z</a>')
trace('<a>x]]>y</a>')
trace('<a>a\r\nb\rc<![CDATA[p\nq]]></a>')
trace('<a b="x\ny&amp;z&#10;" c="&lt;"/>')
trace('<a b="x<y"/>')
trace('<a b="1" b="2"/>')
trace('<a>&foo;</a>')
trace('<!DOCTYPE a [<!ENTITY foo "bar&amp;baz"><!ENTITY ext SYSTEM "x.xml">]>\n<a>&foo;</a>')
trace('<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist/>\n')
trace('<a>\n<b>\n</a>')
trace('<a')
trace('<a><!-- x')
trace('<a>&#0;</a>')
trace('<?xml version="1.0" encoding="utf-8" standalone="yes"?><a/>')
trace('<a/><?xml version="1.0"?>')
trace('<a>< b</a>')
trace('<a x=1/>')
trace('<p:a/>', namespace_separator=' ')
trace('<a>&amp</a>')
trace('<a>\xe9t\xe9</a>'.encode('latin-1'))
trace('<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9t\xe9</a>'.encode('latin-1'))
trace('<a>&#xe9;&#233;</a>')
trace('<a><b', namespace_separator=None)
trace(['<a x="1', '">t', 'e&am', 'p;xt<', '/a>'])
trace(['<?xml version="1.0"', '?><a/>'])
trace('<a>\U0001f600 &#x1F600;</a>'.encode('utf-16'))
trace(b'\xef\xbb\xbf<a>x</a>')
trace('<?xml version="1.0" encoding="cp1252"?><a>\u20ac</a>'.encode('cp1252'))
trace('<a xmlns:p=""/>', namespace_separator='|')
trace('<a xmlns="u" xmlns:p="v"><p:b xml:lang="en"/></a>', namespace_separator='|')

def show(**opts):
    p = expat.ParserCreate(namespace_separator=opts.pop('sep', None))
    for k, v in opts.items():
        setattr(p, k, v)
    p.StartElementHandler = lambda n, a: print('start', n, a)
    p.CharacterDataHandler = lambda d: print('data', repr(d))
    p.Parse(b'<!DOCTYPE a [<!ENTITY e "E<i>x</i>">]><a xmlns:p="urn:p" p:k="v" z="1">one\ntwo&e;<![CDATA[three]]></a>', True)

show()
show(buffer_text=True)
show(buffer_text=True, buffer_size=3)
show(ordered_attributes=True, specified_attributes=True)
show(sep=' ', namespace_prefixes=True)

p = expat.ParserCreate()
print(p.buffer_size, p.buffer_text, p.ordered_attributes, p.intern, p.ErrorCode,
      p.CurrentLineNumber, p.CurrentColumnNumber, p.StartElementHandler)
print(p.Parse('<a>x</a>'), p.CurrentLineNumber, p.CurrentColumnNumber)
p = expat.ParserCreate()
names = []
p.StartElementHandler = lambda n, a: names.append(n)
p.ParseFile(io.BytesIO(b'<a>' + b'<bb/>' * 1000 + b'</a>'))
print(len(names), names[:3], sorted(p.intern))
print(expat.ParserCreate(intern=None).intern)
for bad in [lambda: p.Parse(1), lambda: expat.ParserCreate(namespace_separator='ab'),
            lambda: setattr(p, 'foo', 1), lambda: p.foo, lambda: p.ParseFile(1),
            lambda: setattr(p, 'buffer_size', 0), lambda: expat.ParserCreate(1),
            lambda: p.Parse('<b/>', True), lambda: p.Parse('<c/>', True)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
p = expat.ParserCreate()
try:
    p.Parse('<a>\n<b></a>', True)
except expat.ExpatError as e:
    print(repr(e), e.args, e.code, e.lineno, e.offset, p.ErrorCode, p.ErrorLineNumber,
          p.ErrorColumnNumber, p.ErrorByteIndex, expat.ErrorString(e.code))
    print(expat.errors.messages[e.code], expat.errors.codes['mismatched tag'],
          expat.errors.XML_ERROR_TAG_MISMATCH)
print(expat.error is expat.ExpatError, expat.ExpatError.__module__, type(p).__name__,
      expat.model.XML_CTYPE_SEQ, pyexpat.errors.__name__, expat.ErrorString(999))

def boom(name, attrs):
    raise KeyError(name)
p = expat.ParserCreate()
p.StartElementHandler = boom
try:
    p.Parse('<top/>', True)
except KeyError as e:
    print('handler raised', e)
