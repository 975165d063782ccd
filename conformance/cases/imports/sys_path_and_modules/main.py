# sys.path[0] is the script directory; sys.modules caching; inserting into sys.path.
import os
import sys
print(os.path.basename(sys.path[0]))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "extra"))
import extra_mod
print(extra_mod.WHERE)
import types
fake = types.ModuleType("fake_module", "made by hand")
fake.answer = 42
sys.modules["fake_module"] = fake
import fake_module
print(fake_module.answer, fake_module.__doc__)
sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print("ImportError:", type(e).__name__, e)
