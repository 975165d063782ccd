# Exceptions raised in __init__, __new__ and property setters propagate with the right type.
class Positive:
    def __init__(self, v):
        if v <= 0:
            raise ValueError(f"{v} is not positive")
        self.v = v
class Singleton:
    _made = False
    def __new__(cls):
        if cls._made:
            raise RuntimeError("only one instance allowed")
        cls._made = True
        return super().__new__(cls)
class Temperature:
    def __init__(self):
        self._k = 0.0
    @property
    def kelvin(self):
        return self._k
    @kelvin.setter
    def kelvin(self, v):
        if v < 0:
            raise ValueError("below absolute zero")
        self._k = v
for make in [lambda: Positive(5).v, lambda: Positive(-1), lambda: Singleton() and "first ok", lambda: Singleton()]:
    try:
        print("ok:", make())
    except (ValueError, RuntimeError) as e:
        print(f"{type(e).__name__}: {e}")
t = Temperature()
try:
    t.kelvin = -5
except ValueError as e:
    print("ValueError:", e, "| kelvin still", t.kelvin)
try:
    Positive()
except TypeError as e:
    print("TypeError:", e)
