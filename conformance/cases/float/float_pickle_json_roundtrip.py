# Floats survive pickle, json, repr and marshal round trips exactly; json's handling of nan/inf.
import pickle, json, marshal
vals = [0.1, -0.0, 1e308, 5e-324, 1 / 3, 123456789.123456789]
print("pickle:", all(pickle.loads(pickle.dumps(v, p)) == v for v in vals for p in range(pickle.HIGHEST_PROTOCOL + 1)))
print("marshal:", all(marshal.loads(marshal.dumps(v)) == v for v in vals))
print("json dumps:", json.dumps(vals))
print("json loads:", json.loads(json.dumps(vals)) == vals)
print("json specials:", json.dumps([float("inf"), float("-inf"), float("nan")]))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("allow_nan=False:", e)
print("json parse specials:", json.loads("[Infinity, -Infinity]"), str(json.loads("NaN")))
print("json ints stay ints:", json.loads("[1, 1.0, 1e2, -0.0]"), [type(x).__name__ for x in json.loads("[1, 1.0, 1e2]")])
print("json parse_float hook:", json.loads("[0.1]", parse_float=lambda s: ("raw", s)))
print("signed zero via pickle:", str(pickle.loads(pickle.dumps(-0.0))))
