# Builtins that consult __len__/__length_hint__/__iter__/__getitem__: list(), len(), reversed(), operator.length_hint.
import operator
class Hinted:
    def __iter__(self):
        return iter([1, 2, 3])
    def __length_hint__(self):
        return 100
print("list ignores wrong hint:", list(Hinted()), operator.length_hint(Hinted()))
class BadHint:
    def __iter__(self):
        return iter("ab")
    def __length_hint__(self):
        return -1
try:
    operator.length_hint(BadHint())
except ValueError as e:
    print("negative hint:", e)
print("list() with a negative hint: ", end="")
try:
    print(list(BadHint()))
except ValueError as e:
    print("ValueError:", e)
class NotImplHint:
    def __iter__(self):
        return iter("xyz")
    def __length_hint__(self):
        return NotImplemented
print("NotImplemented hint uses default:", operator.length_hint(NotImplHint(), 7), list(NotImplHint()))
class LenRaises:
    def __len__(self):
        raise RuntimeError("len failed")
    def __iter__(self):
        return iter([1])
try:
    list(LenRaises())
    print("list() survived __len__ error")
except RuntimeError as e:
    print("list() propagated:", e)
try:
    len(LenRaises())
except RuntimeError as e:
    print("len() propagates:", e)
class GetItemOnly:
    def __getitem__(self, i):
        if i < 3:
            return chr(97 + i)
        raise IndexError
print("getitem iteration:", list(GetItemOnly()), "b" in GetItemOnly(), "".join(GetItemOnly()))
print("enumerate/zip/sorted on getitem seq:", list(enumerate(GetItemOnly())), sorted(GetItemOnly(), reverse=True))
