# itertools building blocks consuming generators lazily.
import itertools
def gen(n):
    for i in range(n):
        yield i
print(list(itertools.chain(gen(2), gen(3))), list(itertools.islice(gen(100), 3, 7, 2)))
print(list(itertools.accumulate(gen(5))), list(itertools.compress(gen(5), [1, 0, 1, 0, 1])))
print([(k, list(g)) for k, g in itertools.groupby(["a", "a", "b", "a"])])
a, b = itertools.tee(gen(3))
print(list(a), list(b))
print(list(itertools.zip_longest(gen(2), gen(3), fillvalue="-")))
print(list(itertools.pairwise(gen(4))), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.dropwhile(lambda x: x < 3, gen(6))), list(itertools.filterfalse(lambda x: x % 2, gen(6))))
print(next(itertools.cycle(gen(2))), list(itertools.repeat("r", 3)))
print(list(itertools.product(gen(2), repeat=2)), len(list(itertools.permutations(gen(4), 2))))
print(list(itertools.combinations(gen(4), 3)), list(itertools.combinations_with_replacement("ab", 2)))
