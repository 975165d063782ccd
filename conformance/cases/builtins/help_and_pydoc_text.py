# help() and pydoc plain-text rendering of user-defined objects (independent of pagers: rendered to a string).
import pydoc
def area(width: float, height: float = 1.0) -> float:
    """Return the area of a rectangle.

    Both sides must be non-negative.
    """
    return width * height
class Shape:
    """A shape with a name."""
    sides = 0
    def __init__(self, name):
        self.name = name
    def describe(self):
        """Describe the shape."""
        return self.name
text = pydoc.render_doc(area, renderer=pydoc.plaintext)
print(text.rstrip())
print("-" * 20)
shape_doc = pydoc.render_doc(Shape, renderer=pydoc.plaintext)
lines = [l.rstrip() for l in shape_doc.splitlines()]
print(lines[0])
print("mentions:", [w for w in ("class Shape", "A shape with a name.", "describe(self)", "Describe the shape.", "sides = 0") if any(w in l for l in lines)])
print("pydoc.getdoc strips indentation:", repr(pydoc.getdoc(area)))
print("help is callable and documented by its repr:", callable(help), "help(" in repr(help))
