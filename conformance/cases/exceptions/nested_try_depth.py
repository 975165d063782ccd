# Deeply nested try blocks and exceptions unwinding through many frames.
def level(n):
    if n == 0:
        raise LookupError("bottom reached")
    try:
        return level(n - 1)
    finally:
        trail.append(n)
trail = []
try:
    level(50)
except LookupError as e:
    print("caught:", e, len(trail), trail[:3], trail[-3:])
def nested_blocks():
    out = []
    try:
        try:
            try:
                try:
                    raise ValueError("innermost")
                except TypeError:
                    out.append("wrong handler")
            finally:
                out.append("finally 3")
        except ValueError as e:
            out.append(f"handled {e}")
            raise KeyError("from handler")
        finally:
            out.append("finally 2")
    except KeyError as e:
        out.append(f"outer {e!r}")
    return out
print(nested_blocks())
count = 0
for i in range(1000):
    try:
        if i % 2:
            raise ValueError(i)
    except ValueError:
        count += 1
print("caught", count, "exceptions in a loop")
