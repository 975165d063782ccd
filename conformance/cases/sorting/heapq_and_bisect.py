# heapq and bisect keep data ordered incrementally; results match full sorts.
import bisect
import heapq
data = [9, 4, 7, 1, 8, 2, 6]
h = list(data)
heapq.heapify(h)
print([heapq.heappop(h) for _ in range(len(data))])
print(heapq.nsmallest(3, data), heapq.nlargest(2, data), heapq.nlargest(2, data, key=lambda x: -x))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])))
h = []
for x in [5, 1, 3]:
    heapq.heappush(h, (x, str(x)))
print(heapq.heappushpop(h, (0, "0")), heapq.heapreplace(h, (4, "4")), sorted(h))
s = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(s, x)
print(s, bisect.bisect_left(s, 1), bisect.bisect_right(s, 1), bisect.bisect(s, 10))
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], sc)] for sc in [33, 99, 77, 70, 89, 90]])
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]))
