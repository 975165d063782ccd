# zip_longest and chain with empty and infinite inputs, fillvalue variants, and chain.from_iterable laziness.
from itertools import zip_longest, chain, count, islice, repeat
print("all empty:", list(zip_longest([], [])), list(zip_longest()))
print("one empty:", list(zip_longest("ab", [], fillvalue=0)))
print("with infinite (bounded by islice):", list(islice(zip_longest(count(), "ab"), 4)))
print("fillvalue object shared:", (lambda r: r[0][1] is r[1][1])(list(zip_longest("ab", [], fillvalue=[]))))
print("chain empties:", list(chain()), list(chain([], (), "")), list(chain("a", [], "b")))
def gen_of_gens():
    for i in range(3):
        print(f"  producing iterable {i}")
        yield range(i)
c = chain.from_iterable(gen_of_gens())
print("first item:", next(c))
print("rest:", list(c))
print("chain of strings joins characters:", "".join(chain("ab", "cd")))
print("chain + repeat:", list(islice(chain("xy", repeat("-")), 5)))
