# Common itertools recipes built from the primitives (written here, not imported).
from itertools import islice, chain, groupby, zip_longest, tee, count, accumulate, repeat, starmap
def take(n, it):
    return list(islice(it, n))
def chunked(it, n):
    it = iter(it)
    while chunk := list(islice(it, n)):
        yield chunk
def flatten(list_of_lists):
    return chain.from_iterable(list_of_lists)
def unique_justseen(it):
    return [k for k, _ in groupby(it)]
def grouper(it, n, fill=None):
    args = [iter(it)] * n
    return list(zip_longest(*args, fillvalue=fill))
def sliding(it, n):
    its = tee(it, n)
    for i, t in enumerate(its):
        for _ in range(i):
            next(t, None)
    return list(zip(*its))
print("take:", take(3, count(7)))
print("chunked:", list(chunked(range(7), 3)))
print("flatten:", list(flatten([[1, 2], [], [3]])))
print("unique_justseen:", unique_justseen("AAAABBBCCDAABBB"))
print("grouper:", grouper("ABCDEFG", 3, "x"))
print("sliding:", sliding(range(5), 3))
print("running totals:", list(accumulate(range(1, 6))))
print("triangular via starmap:", list(starmap(lambda a, b: a * b // 2, zip(range(1, 5), range(2, 6)))))
print("repeat in map:", list(map(pow, range(5), repeat(2))))
print("nth:", next(islice("abcdef", 3, None), None))
print("all_equal:", next(g := groupby("aaa"), True) and not next(g, False), next(g2 := groupby("aab"), True) and not next(g2, False))
