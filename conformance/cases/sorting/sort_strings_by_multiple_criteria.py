# Sorting words by length descending then alphabetically, by last letter, and by vowel count.
words = "banana Apple cherry date fig grape kiwi lemon mango nectarine Orange pear".split()
print(sorted(words, key=lambda w: (-len(w), w.lower())))
print(sorted(words, key=lambda w: (w[-1], w)))
print(sorted(words, key=lambda w: (sum(c in "aeiouAEIOU" for c in w), w)))
print(sorted(words, key=str.swapcase)[:4])
print(sorted(set(w[0].lower() for w in words)))
print(max(words, key=len), min(words, key=lambda w: (len(w), w)))
