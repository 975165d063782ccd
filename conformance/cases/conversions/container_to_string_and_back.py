# Serializing containers to strings and back: repr/ast.literal_eval, json, str.join/split, csv.
import ast, json, csv, io
data = {"name": "Ann", "tags": ["a", "b"], "score": 9.5, "ok": True, "none": None, "pair": (1, 2)}
r = repr(data)
print("repr:", r)
print("literal_eval round trip:", ast.literal_eval(r) == data)
try:
    ast.literal_eval("__import__('os')")
except ValueError as e:
    print("literal_eval refuses calls:", type(e).__name__)
j = json.dumps(data, sort_keys=True)
print("json:", j)
back = json.loads(j)
print("json loses tuple type:", back["pair"], back == data)
print("json with separators/indent:", json.dumps([1, {"a": 2}], separators=(",", ":")), json.dumps({"k": [1]}, indent=1).count("\n"))
try:
    json.dumps({1, 2})
except TypeError as e:
    print("json set:", e)
print("json non-str keys coerced:", json.dumps({1: "a", None: "b", True: "c"}))
row = ["a,b", 'say "hi"', "plain", ""]
buf = io.StringIO()
csv.writer(buf).writerow(row)
print("csv line:", repr(buf.getvalue()))
print("csv parse back:", next(csv.reader(io.StringIO(buf.getvalue()))) == row)
print("join/split round trip fails with separator inside:", "|".join(["a|b", "c"]).split("|"))
