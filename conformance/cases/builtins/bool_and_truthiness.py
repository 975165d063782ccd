# bool(): truthiness rules for builtins and user types; bool is an int subclass.
values = [0, 1, -1, 0.0, -0.0, float("nan"), 0j, "", " ", "0", b"", b"\x00", [], [0], (), ((),), {}, {0: 0},
          set(), frozenset([0]), range(0), range(1), None, Ellipsis, bool, object()]
print([bool(v) for v in values])
print("bool is int:", isinstance(True, int), True + 1, True * 3, issubclass(bool, int), bool.__mro__[1].__name__)
print("repr/str:", repr(True), str(False), f"{True}", format(True, "d"), True == 1, False == 0)
print("bool(): ", bool(), bool(bool))
try:
    class B(bool):
        pass
except TypeError as e:
    print("subclass bool:", e)
class Len0:
    def __len__(self): return 0
class BoolRaises:
    def __bool__(self): raise RuntimeError("boom")
class LenHuge:
    def __len__(self): return 2**70
print("len-based:", bool(Len0()), not Len0())
try:
    bool(BoolRaises())
except RuntimeError as e:
    print("__bool__ raising:", e)
try:
    bool(LenHuge())
except OverflowError as e:
    print("huge __len__:", e)
print("and/or return operands:", 0 or "x", "a" and "b", [] and 1, None or 0, 1 and 0)
print("not:", not 0, not [1], not None)
print("bool ops on bools:", True & False, True | False, True ^ True, ~True, -True)
print("count of Trues:", sum([True, False, True]), [1, 2, 3].count(True))
