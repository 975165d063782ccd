# reverse(), reversed(), [::-1] and sort(reverse=True) compared on equal keys.
data = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(sorted(data, key=lambda p: p[0], reverse=True))
print(sorted(data, key=lambda p: p[0])[::-1])
lst = [3, 1, 2]
lst.reverse()
print(lst, list(reversed(lst)), lst[::-1])
nums = list(range(10))
nums.sort(key=lambda n: n % 3, reverse=True)
print(nums)
words = "The quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=str.lower)[:4])
