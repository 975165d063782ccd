# Grid manipulation with nested lists: rotation, transpose, flood fill, neighbours, and rendering.
grid = [list(row) for row in ["#..#", "#..#", "####", "...."]]
def render(g):
    return "\n".join("".join(r) for r in g)
def rotate(g):
    return [list(r) for r in zip(*g[::-1])]
def transpose(g):
    return [list(r) for r in zip(*g)]
print(render(rotate(grid)))
print("---")
print(render(transpose(grid)))
print("rotate 4 times is identity:", rotate(rotate(rotate(rotate(grid)))) == grid)
def neighbours(g, r, c):
    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        rr, cc = r + dr, c + dc
        if 0 <= rr < len(g) and 0 <= cc < len(g[0]):
            yield rr, cc
def flood(g, r, c, new):
    old = g[r][c]
    stack, seen = [(r, c)], set()
    while stack:
        cell = stack.pop()
        if cell in seen or g[cell[0]][cell[1]] != old:
            continue
        seen.add(cell)
        g[cell[0]][cell[1]] = new
        stack.extend(neighbours(g, *cell))
    return len(seen)
g2 = [row[:] for row in grid]
print("filled cells:", flood(g2, 0, 1, "o"))
print(render(g2))
print("original untouched:", render(grid).count("o") == 0)
print("counts per row:", [r.count("#") for r in grid], "column sums:", [sum(c == "#" for c in col) for col in zip(*grid)])
