# Objects that break the iterator protocol in various ways.
class NoNext:
    def __iter__(self):
        return self
class IterReturnsInt:
    def __iter__(self):
        return 5
class GetItemRaises:
    def __getitem__(self, i):
        raise KeyError(i)
class NextRaises:
    def __iter__(self):
        return self
    def __next__(self):
        raise ValueError("next failed")
for obj in [NoNext(), IterReturnsInt(), GetItemRaises(), NextRaises(), 3.5, None]:
    try:
        print("ok:", list(obj))
    except (TypeError, KeyError, ValueError) as e:
        print(f"{type(obj).__name__}: {type(e).__name__}: {e}")
class LenNegative:
    def __len__(self):
        return -1
class LenFloat:
    def __len__(self):
        return 1.5
class LenHuge:
    def __len__(self):
        return 2 ** 100
for obj in [LenNegative(), LenFloat(), LenHuge()]:
    try:
        print(len(obj))
    except (ValueError, TypeError, OverflowError) as e:
        print(f"{type(obj).__name__}: {type(e).__name__}: {e}")
class BoolBad:
    def __bool__(self):
        return 1
try:
    bool(BoolBad())
except TypeError as e:
    print("TypeError:", e)
