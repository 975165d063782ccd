# import forms: as-aliases, dotted imports, from-import of submodules and attributes.
import os.path as osp
import collections.abc
from json import dumps as to_json, loads
from pkg import mod as m, VALUE
from pkg.mod import func as f
print(osp.basename("/a/b.txt"), collections.abc.Mapping.__name__, to_json([1]), loads("2"))
print(m.__name__, VALUE, f())
import pkg.mod
print(pkg.mod is m, "collections" in dir(), "abc" in dir())
from pkg import (
    VALUE as V2,
    mod,
)
print(V2, mod is m)
