# Sets in algorithms: graph edges as frozensets, visited sets in BFS, connected components, set comprehensions.
from collections import deque
edges = [("a", "b"), ("b", "c"), ("d", "e"), ("c", "a"), ("f", "f")]
undirected = {frozenset(e) for e in edges}
print("unique undirected edges:", sorted(sorted(e) for e in undirected))
graph = {}
for u, v in edges:
    graph.setdefault(u, set()).add(v)
    graph.setdefault(v, set()).add(u)
def bfs(start):
    seen, q = {start}, deque([start])
    while q:
        n = q.popleft()
        for m in sorted(graph[n] - seen):
            seen.add(m)
            q.append(m)
    return seen
components, remaining = [], set(graph)
while remaining:
    comp = bfs(min(remaining))
    components.append(sorted(comp))
    remaining -= comp
print("components:", components)
print("self loop:", "f" in graph["f"])
print("degree:", {n: len(graph[n]) for n in sorted(graph)})
tri = {frozenset((a, b, c)) for a in graph for b in graph[a] for c in graph[b] if a in graph[c] and len({a, b, c}) == 3}
print("triangles:", [sorted(t) for t in tri])
print("neighbors intersection:", sorted(graph["a"] & graph["c"]), sorted(graph["a"] | graph["d"]))
