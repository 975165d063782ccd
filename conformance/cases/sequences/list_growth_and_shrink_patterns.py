# Lists growing and shrinking through many operations; results summarised so the output stays small.
import hashlib
l = []
for i in range(10000):
    l.append(i)
    if i % 3 == 0:
        l.pop()
print("after appends/pops:", len(l), l[:5], l[-3:])
while len(l) > 10:
    del l[::2]
print("repeated extended-slice deletes:", l)
q = list(range(50))
order = []
while q:
    order.append(q.pop(0))
    if len(q) % 7 == 0 and q:
        q.append(q.pop(0) * 100)
print("queue via pop(0):", len(order), order[:8], order[-4:])
big = [0] * 1000
for i in range(0, 1000, 7):
    big[i] = i
big[100:900] = big[100:900][::-1]
big.insert(500, "mid")
big.extend(reversed(big[:3]))
print("checksum:", hashlib.sha256(repr(big).encode()).hexdigest()[:16], len(big), big.count(0))
stack = []
for ch in "(a[b{c}d]e)(f)":
    if ch in "([{":
        stack.append(ch)
    elif ch in ")]}":
        stack.pop()
print("bracket stack ends empty:", stack == [])
m = [[i * j for j in range(5)] for i in range(5)]
flat = [x for row in m for x in row if x % 2 == 0]
print("nested comprehension sizes:", len(flat), sum(flat), max(flat))
