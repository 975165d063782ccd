# gc-stress-interval: 100
# The csv module on pyvm's _csv: reader, writer, dialects, DictReader/Writer, Sniffer, errors.
import csv, io, sys
data = 'a,b,c\r\n1,"two, too","say ""hi"""\r\n\r\n"multi\nline",x,\r\nlast,row'
for row in csv.reader(io.StringIO(data, newline='')):
    print(row)
r = csv.reader(['x;y', '"q;1";2'], delimiter=';')
print(list(r), r.line_num, r.dialect.delimiter)
print(list(csv.reader(['1,2.5,"s"'], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(['a\\,b,c'], escapechar='\\')))
print(list(csv.reader(['  a,  b'], skipinitialspace=True)))
print(list(csv.reader(['"unterminated'])))
out = io.StringIO()
w = csv.writer(out)
w.writerow(['a', 'b,c', 'say "hi"', None, 1, 2.5, ''])
w.writerow([''])
w.writerows([[1, 2], ['line\nbreak', 'cr\rx']])
w2 = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator='\n')
w2.writerow(['x', 1])
w3 = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC)
w3.writerow(['x', 1, 2.0, None])
w4 = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar='\\')
w4.writerow(['a,b', 'c"d'])
w5 = csv.writer(out, doublequote=False, escapechar='\\')
w5.writerow(['q"q'])
print(repr(out.getvalue()))
sio = io.StringIO()
dw = csv.DictWriter(sio, fieldnames=['name', 'age'])
dw.writeheader()
dw.writerow({'name': 'Ann', 'age': 3})
print(repr(sio.getvalue()))
for d in csv.DictReader(io.StringIO(sio.getvalue())):
    print(d)
print(sorted(csv.list_dialects()))
csv.register_dialect('pipes', delimiter='|')
print(list(csv.reader(['a|b'], 'pipes')))
print(csv.get_dialect('pipes').delimiter, csv.field_size_limit())
d = csv.Sniffer().sniff('a;b;c\n1;2;3\n')
print(d.delimiter)
print(csv.Sniffer().has_header('name,age\nann,3\nbob,4\n'))
for bad in [dict(delimiter='ab'), dict(delimiter=1), dict(quoting=9), dict(quotechar=None),
            dict(lineterminator=3), dict(escapechar='xx'), dict(bogus=1), dict(quoting='x'), dict(delimiter=None)]:
    try:
        csv.writer(io.StringIO(), **bad)
    except Exception as e:
        print(type(e).__name__, e)
for call in [lambda: csv.get_dialect('nope'), lambda: csv.writer(1),
             lambda: list(csv.reader([b'x'])), lambda: csv.writer(io.StringIO()).writerow(5),
             lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']),
             lambda: list(csv.reader(['a"b,"c"d'], strict=True)),
             lambda: list(csv.reader(['a\rb'])), lambda: csv.field_size_limit('x'),
             lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([''])]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
old = csv.field_size_limit(5)
try:
    list(csv.reader(['abcdefgh']))
except csv.Error as e:
    print(e)
try:
    list(csv.reader(['"abcdefgh"']))
except csv.Error as e:
    print(e)
csv.field_size_limit(old)
print(type(csv.reader([])).__name__, type(csv.writer(io.StringIO())).__name__, csv.Dialect, csv.excel.delimiter)
print(csv.__version__, csv.QUOTE_NONE)
# The state machine's rarer paths: escapes inside quotes, escaped line
# ends, numeric fields, strict mode, a record spread over lines.
print(list(csv.reader(['"a\\"b",c'], escapechar='\\')))
print(list(csv.reader(['a\\\n', 'b,c'], escapechar='\\')))
print(list(csv.reader(['"x",1.5,"y"'], quoting=csv.QUOTE_NONNUMERIC)))
try:
    list(csv.reader(['abc,1'], quoting=csv.QUOTE_NONNUMERIC))
except ValueError as e:
    print("ValueError", e)
try:
    list(csv.reader(['"a"b,c'], strict=True))
except csv.Error as e:
    print("Error", e)
try:
    list(csv.reader(['"never closed'], strict=True))
except csv.Error as e:
    print("Error", e)
print(list(csv.reader(['"one\n', 'two\n', 'three",4\n', '5,"6"""\n'])))
print(list(csv.reader(['"a""b" c,d'])))
print(list(csv.reader(['x\ty\t"z\tz"'], dialect='excel-tab')))
