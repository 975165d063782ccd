# The import system: packages, relative imports, errors, module attributes.
import sys
import imports_pkgs.shop
shop = imports_pkgs.shop
print(shop.price(2), shop.cart.total([1, 2]), shop.TAX)
print(shop.__name__, shop.__package__, shop.__spec__.name, shop.__spec__.parent)
print(shop.__file__.endswith("shop/__init__.py"), len(shop.__path__))
print(shop.cart.__file__.endswith("cart.py"), shop.cart.__package__)
import imports_pkgs.shop.payment as pay
print(pay.RATE, pay is shop.payment, pay.__spec__.submodule_search_locations == pay.__path__)
from imports_pkgs.shop import payment, pricing
print(payment.RATE, pricing.price(5))

# Namespace packages (no __init__.py).
import imports_pkgs.ns_part.nsmod.leaf as leaf
ns = sys.modules["imports_pkgs.ns_part.nsmod"]
print(leaf.LEAF, hasattr(ns, "__file__"), len(ns.__path__), ns.__spec__.origin)

# Errors and their attributes.
for name in ["imports_pkgs.nothing_here", "imports_pkgs.lazy.sub", "no_such_top_module"]:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__ + ":", e, "| name:", e.name)
for name in ["imports_pkgs.shop.payment.too_far", "imports_pkgs.shop.payment.missing"]:
    try:
        __import__(name)
    except ImportError as e:
        print(type(e).__name__ + ":", e.msg.startswith("attempted relative import beyond"), e.msg.startswith("cannot import name 'not_there' from 'imports_pkgs.shop.payment' ("))
try:
    from . import anything
except ImportError as e:
    print("ImportError:", e)
try:
    import imports_pkgs.cyc.a
except ImportError as e:
    print("ImportError:", e.msg.startswith("cannot import name 'A' from partially initialized module 'imports_pkgs.cyc.a' (most likely due to a circular import) ("))
print("imports_pkgs.cyc.a" in sys.modules, "imports_pkgs.cyc.b" in sys.modules)

# A failing module leaves no trace in sys.modules and runs again next time.
for attempt in range(2):
    try:
        import imports_pkgs.broken
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e, "imports_pkgs.broken" in sys.modules)
import imports_pkgs.counter
print("counter:", imports_pkgs.counter.N)

# sys.modules entries: None blocks an import; a hand-made module is found.
sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__ + ":", e)
fake = type(sys)("fake_mod", "a hand-made module")
fake.answer = 42
sys.modules["fake_mod"] = fake
import fake_mod
print(fake_mod.answer, fake_mod.__doc__, fake_mod)

# PEP 562 and import *.
import imports_pkgs.lazy as lazy
print(lazy.eager, lazy.computed_y)
try:
    lazy.other
except AttributeError as e:
    print("AttributeError:", e)
from imports_pkgs.lazy import *
print(eager, computed_x)

# __import__ forms and module reprs.
print(__import__("imports_pkgs.shop.cart").__name__)
print(__import__("imports_pkgs.shop.cart", fromlist=["x"]).__name__)
print(__import__("shop", globals=vars(shop), fromlist=["price"], level=1).__name__ if False else "skipped")
print(__import__("pricing", {"__package__": "imports_pkgs.shop"}, None, ["price"], 1).__name__)
print(sys, repr(lazy).startswith("<module 'imports_pkgs.lazy' from '"))
print(__name__, __spec__, __package__, __file__.endswith("imports_packages.py"))
print(sys.modules["__main__"].__name__)
