# gc-stress-interval: 64
# imp (deprecated, imports in 3.11) and _imp's frozen-module calls; stringprep and
# the idna codec on unicodedata.ucd_3_2_0 (Unicode 3.2.0 differences).
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    import imp
print(imp.get_magic(), imp.PY_SOURCE, imp.C_EXTENSION)
print(any(s[0] == ".py" for s in imp.get_suffixes()))
m = imp.new_module("fresh")
print(type(m).__name__, m.__name__)
print(imp.is_builtin("sys"), imp.is_builtin("nope"), imp.is_builtin("posix"), imp.is_frozen("zzz"))
print(imp.cache_from_source("/a/b.py").startswith("/a/__pycache__/b."))
f, path, desc = imp.find_module("json")
print(f, path.endswith("json"), desc)
f, path, desc = imp.find_module("colorsys")
print(type(f).__name__, path.endswith("colorsys.py"), desc)
f.close()
try:
    imp.find_module("no_such_module_x")
except ImportError as e:
    print("ImportError", e)
import _imp
for fn in (_imp.get_frozen_object, _imp.is_frozen_package):
    try:
        fn("zzz")
    except ImportError as e:
        print("ImportError", e)
print(_imp.init_frozen("zzz"), _imp.find_frozen("zzz"), type(_imp._frozen_module_names()).__name__)
import json
print(imp.reload(json) is json)
import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, "srcmod.py")
with open(p, "w") as fh:
    fh.write("VALUE = 42\n")
mod = imp.load_source("srcmod", p)
print(mod.VALUE, mod.__name__)
os.unlink(p); os.rmdir(d)
import stringprep, unicodedata
print(unicodedata.ucd_3_2_0.unidata_version, unicodedata.unidata_version != "3.2.0")
print(stringprep.in_table_a1("\u0221"), stringprep.in_table_a1("a"), stringprep.in_table_b1("\u00ad"))
print(stringprep.map_table_b2("\u00c5"), stringprep.map_table_b3("A"), stringprep.in_table_c12("\u00a0"))
print(stringprep.in_table_c21("\x7f"), stringprep.in_table_d1("\u05be"), stringprep.in_table_d2("a"))
u = unicodedata.ucd_3_2_0
print(u.category("\u0221"), unicodedata.category("\u0221"), u.bidirectional("\u05be"), u.decimal("9"), u.numeric("\u00bd"))
print(u.normalize("NFKC", "\ufb01"), u.name("a"), u.lookup("LATIN SMALL LETTER A"), u.mirrored("("), u.combining("\u0301"))
print(u.east_asian_width("a"), u.decomposition("\u00c5"), u.digit("7"), u.is_normalized("NFC", "a"))
print("xn--bcher-kva".encode().decode("idna"), "bücher.example".encode("idna"))
