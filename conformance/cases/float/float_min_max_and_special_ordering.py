# Ordering-related behaviour of floats: sorted with nan, min/max with signed zeros, heapq, statistics.
import math, heapq, statistics
nan = float("nan")
print("sorted with nan in middle is not total:", sorted([3.0, nan, 1.0, 2.0])[0] in (1.0, 3.0))
print("min/max with signed zeros keep first:", repr(min(0.0, -0.0)), repr(min(-0.0, 0.0)), repr(max(0.0, -0.0)))
print("sort stable for equal zeros:", [repr(x) for x in sorted([0.0, -0.0, 0.0, -0.0])])
h = [2.5, 1.5, 3.5, -0.5]
heapq.heapify(h)
print("heap of floats:", [heapq.heappop(h) for _ in range(4)], heapq.nsmallest(2, [1e-300, -1e-300, 0.0]))
print("statistics:", statistics.median([1.5, 2.5, 10.0]), statistics.mean([0.1, 0.2, 0.3]), statistics.pstdev([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]))
print("inf ordering:", sorted([math.inf, -math.inf, 0.0, 1e308]), max([-math.inf]), min([math.inf, 1e308]))
print("total order via key:", sorted([nan, 1.0, -math.inf, 0.0], key=lambda x: (math.isnan(x), x)))
print("float vs int mixed sort:", sorted([2, 1.5, True, 0.9999999999999999, 1]))
