# Assignment expressions inside comprehensions bind in the containing scope.
data = [5, 12, 7, 20, 3]
big = [y for x in data if (y := x * 2) > 15]
print(big, y)
def running_total(xs):
    total = 0
    return [total := total + x for x in xs], total
print(running_total([1, 2, 3, 4]))
print(any((hit := v) > 10 for v in data), hit)
print(all((last := v) < 10 for v in data), last)
class C:
    try:
        exec("vals = [(k := i) for i in range(3)]")
    except SyntaxError as e:
        err = e.msg
print(getattr(C, "err", "no error"), getattr(C, "vals", None))
for src in ["[i := 1 for i in range(3)]", "[x for x in (y := [1, 2])]", "[[(j := i) for i in range(2)] for j in range(2)]"]:
    try:
        compile(src, "<w>", "exec")
        print("compiled:", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
