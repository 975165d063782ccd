# join, concatenation, repetition, and their type errors.
print("join:", ",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(("one",)), "".join(map(str, range(5))))
print("join generator:", "+".join(str(i * i) for i in range(4)))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("non-str item:", e)
try:
    ",".join(5)
except TypeError as e:
    print("non-iterable:", e)
try:
    ",".join([b"a"])
except TypeError as e:
    print("bytes item:", e)
print("concat:", "ab" + "cd", "x" * 3, 2 * "yz", "a" * 0, "a" * -1)
try:
    "a" + 1
except TypeError as e:
    print("str + int:", e)
try:
    "a" * "b"
except TypeError as e:
    print("str * str:", e)
s = ""
for i in range(5):
    s += str(i)
print("+= loop:", s)
print("join dict keys:", "|".join({"k1": 1, "k2": 2}))
class S(str):
    pass
print("join subclass items:", type("".join([S("a"), S("b")])).__name__, type("".join([S("a")])).__name__)
print("implicit literal concat:", "abc" "def")
