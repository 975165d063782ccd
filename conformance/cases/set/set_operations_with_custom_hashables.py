# Set algebra with user-defined hashable objects: equality decides membership, results keep first-seen elements.
class Color:
    def __init__(self, name, code):
        self.name, self.code = name, code
    def __eq__(self, other):
        return isinstance(other, Color) and self.code == other.code
    def __hash__(self):
        return hash(self.code)
    def __repr__(self):
        return self.name
warm = {Color("red", 1), Color("orange", 2), Color("yellow", 3)}
primary = {Color("RED", 1), Color("blue", 4), Color("YELLOW", 3)}
def show(s):
    return sorted(repr(c) for c in s)
print("union keeps left elements for equal codes:", show(warm | primary))
print("difference:", show(warm - primary), show(primary - warm))
print("symmetric difference:", show(warm ^ primary))
print("membership by code:", Color("anything", 2) in warm, Color("x", 9) in warm)
updated = set(warm)
updated.update(primary)
print("update keeps existing equal elements:", show(updated))
updated.discard(Color("?", 1))
print("discard by equality:", show(updated))
print("subset by equality:", {Color("r", 1)} <= warm, {Color("r", 1), Color("b", 4)} <= warm)
