# How far builtins advance generators: zip stops early, any/all short-circuit, in stops at a match.
log = []
def g(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        yield i
print(list(zip(g("a", 2), g("b", 5))), log)
log.clear()
print(any(x > 0 for x in g("c", 5)), log)
log.clear()
print(all(x < 1 for x in g("d", 5)), log)
log.clear()
print(2 in g("e", 5), log)
log.clear()
it = g("f", 5)
print(next(it), next(it), list(it)[:1], log)
log.clear()
print(max(g("h", 3)), min(g("i", 2)), sorted(g("j", 2)), len(log))
print(dict(zip("xy", g("k", 9))), log[-3:])
