# gc-stress-interval: 20
# _json's scanstring and encode_basestring(_ascii) under json: escapes, surrogates, CPython's error positions.
import json, _json
for s in ['"abc', '"a\x01"', '"\\x"', '"\\u12"', '"\\u12zz"', '"\\', '"\\ud800"', '"\\ud83d\\ude00"',
          '"\\ud83d\\u12"', '"\\ud83d\\u0041"', '"h\u00e9llo \\n \\t \\" \\\\ \\/ \\b \\f"', '["\u00e9", "\\u00e9", "x\u4e2d"]',
          '{"k\u00e9": ["a", {"b": "c\\u0000"}]}', '"\u00e9\x02"']:
    try:
        print(repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(e.msg), e.pos, e.lineno, e.colno)
print(_json.scanstring('ab"cd', 0), _json.scanstring('"x"', 1), _json.scanstring('\u00e9\u00e9"x', 1))
for bad in [lambda: _json.scanstring('abc', 5), lambda: _json.scanstring(1, 5), lambda: _json.scanstring('a"', -1),
            lambda: _json.encode_basestring_ascii(1), lambda: _json.scanstring('a"', 0, strict=False)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(_json.encode_basestring_ascii('h\xe9\U0001F600\x7f\n"\\\x00\x1f\ud800'))
print(_json.encode_basestring('h\xe9\x7f\n"\x00\U0001F600'))
print(json.dumps({"a": ["\u00e9", "x\ny", 1.5, None, True]}), json.dumps("\u00e9", ensure_ascii=False))
print(json.loads('"a\tb"', strict=False))
doc = json.dumps([{"name": "n%d" % i, "tags": ["t\u00e9", "x\"y"], "v": i * 0.5} for i in range(50)])
print(len(doc), json.loads(doc) == [{"name": "n%d" % i, "tags": ["t\u00e9", "x\"y"], "v": i * 0.5} for i in range(50)])
