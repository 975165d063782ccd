# Descriptors of builtin types: method/wrapper/member/getset descriptor behaviour via __get__ and __objclass__.
import types
md = str.__dict__["upper"]
print("method descriptor:", type(md) is types.MethodDescriptorType, md.__objclass__ is str, md.__get__("abc")(), md("xyz"))
wd = int.__dict__["__add__"]
print("slot wrapper:", type(wd) is types.WrapperDescriptorType, wd(2, 3), wd.__get__(10, int)(5))
gd = type(lambda: 0).__dict__["__name__"]
print("getset descriptor:", type(gd) is types.GetSetDescriptorType)
def f(): pass
print("  get:", gd.__get__(f, type(f)))
gd.__set__(f, "renamed")
print("  set:", f.__name__)
class S:
    __slots__ = ("v",)
mem = S.__dict__["v"]
s = S()
mem.__set__(s, 42)
print("member descriptor:", type(mem) is types.MemberDescriptorType, mem.__get__(s, S), s.v, mem.__objclass__ is S)
mem.__delete__(s)
print("deleted:", hasattr(s, "v"))
try:
    md.__get__(5)
except TypeError as e:
    print("wrong instance type:", e)
try:
    mem.__get__("not S", str)
except TypeError as e:
    print("member descriptor wrong type:", e)
cm = dict.__dict__["fromkeys"]
print("classmethod descriptor:", type(cm) is types.ClassMethodDescriptorType, cm.__get__(None, dict)("ab"))
