# Blocks containing only pass, docstrings or ellipsis; empty class and function bodies.
class Empty:
    pass
class OnlyDoc:
    "Just a docstring."
def nothing():
    pass
def only_doc():
    "Docstring only."
def only_ellipsis():
    ...
for _ in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
with open(__file__):
    pass
print(isinstance(Empty(), Empty), OnlyDoc.__doc__, nothing(), only_doc(), only_doc.__doc__, only_ellipsis())
print(type(Empty()).__name__, Empty.__dict__.get("__doc__"))
