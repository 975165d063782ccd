# str() of floats in various contexts, float methods and attributes.
print(str(1.0), str(1e-7), str(123456789.123), str(-1e50), str(1e16 + 2))
print("concatenated via f-string:", f"{0.1 + 0.2}", f"{1e21}", f"{-0.0}")
print("%s and %r:", "%s %r" % (2.5, 2.5))
print("int-like floats:", 3.0 == 3, (3.0).is_integer(), int(3.0))
print("conjugate/real:", (1.5).conjugate(), (1.5).real)
print("float(str(x)) round trip:", all(float(str(v)) == v for v in [1e-300, 1.5e300, 123.456, 2 ** -30]))
print("float arithmetic results type:", type(1.0 + 1).__name__, type(2 * 1.5).__name__, type(True + 0.5).__name__)
print("floordiv returns float:", 7.0 // 2, type(7.0 // 2).__name__, 7 // 2.0)
print("abs/neg:", abs(-2.5), -(2.5), +(-0.0), abs(-0.0))
print("bool:", bool(0.0), bool(-0.0), bool(float("nan")), bool(1e-320))
print("divmod inexact:", divmod(1.0, 0.1), 1.0 // 0.1, 1.0 % 0.1)
print("sum of floats order:", sum([1e16, 1.0, -1e16]), sum([1.0, 1e16, -1e16]))
class F(float):
    def __repr__(self):
        return "F!"
print("subclass repr/str:", repr(F(1.5)), str(F(1.5)), f"{F(1.5)}", F(1.5) + 1)
