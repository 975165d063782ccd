# bisect and heapq operate on plain lists: insertion points, key= (3.10+), heap invariants, nlargest/nsmallest.
import bisect, heapq
s = [1, 3, 3, 3, 7, 9]
print("bisect_left/right:", bisect.bisect_left(s, 3), bisect.bisect_right(s, 3), bisect.bisect(s, 0), bisect.bisect(s, 10))
bisect.insort(s, 5)
bisect.insort_left(s, 3)
print("insort:", s)
print("with lo/hi:", bisect.bisect_left(s, 3, 2), bisect.bisect_right(s, 9, 0, 4))
recs = [("a", 1), ("b", 4), ("c", 9)]
print("key= lookup:", bisect.bisect_left(recs, 4, key=lambda r: r[1]))
def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print("grades:", [grade(x) for x in (33, 60, 75, 89, 90, 100)])
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print("heap root and invariant:", h[0], all(h[i] <= h[c] for i in range(len(h)) for c in (2 * i + 1, 2 * i + 2) if c < len(h)))
print("pop order:", [heapq.heappop(h) for _ in range(len(h))])
data = [7, 2, 9, 4, 1]
heapq.heapify(data)
print("heapify root:", data[0], "pushpop:", heapq.heappushpop(data, 0), "replace:", heapq.heapreplace(data, 10), sorted(data))
print("nlargest/nsmallest:", heapq.nlargest(2, [5, 1, 9, 7]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
print("merge sorted:", list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 8])))
try:
    heapq.heappop([])
except IndexError as e:
    print("pop empty:", e)
