# itertools are lazy and pull only what they need from their inputs.
import itertools as it
pulled = []
def source(n):
    for i in range(n):
        pulled.append(i)
        yield i
def show(label, result):
    print(f"{label:28} result={result!r:28} pulled={pulled}")
    pulled.clear()
show("islice(…, 3)", list(it.islice(source(10), 3)))
show("takewhile(<2)", list(it.takewhile(lambda x: x < 2, source(10))))
show("next(dropwhile(<5))", next(it.dropwhile(lambda x: x < 5, source(10))))
show("zip(short, long)", list(zip("ab", source(10))))
show("zip(long, short)", list(zip(source(10), "ab")))
show("chain first only", next(it.chain(source(3), source(3))))
show("compress", list(it.compress(source(4), [0, 1])))
g = it.groupby(source(6), key=lambda x: x // 2)
k, grp = next(g)
show("groupby first key", k)
show("first group", list(grp))
a, b = it.tee(source(4))
next(a); next(a)
show("tee advanced one", "a at 2")
show("other tee replays", list(b))
show("accumulate first", next(it.accumulate(source(5))))
show("product materializes", next(it.product(source(2), source(2))))
show("pairwise first", next(it.pairwise(source(5))))
