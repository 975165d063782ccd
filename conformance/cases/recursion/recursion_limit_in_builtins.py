# Recursion through builtins that call back into Python: str(), sorted keys, map, dict lookups.
import sys
class ReprLoop:
    def __str__(self):
        return str(self)
try:
    str(ReprLoop())
except RecursionError:
    print("str() recursion")
class HashLoop:
    def __hash__(self):
        return hash(self)
try:
    {HashLoop(): 1}
except RecursionError:
    print("__hash__ recursion inside dict insertion")
def key(x):
    return sorted([x], key=key)
try:
    sorted([1], key=key)
except RecursionError:
    print("sort key recursion")
def mapper(x):
    return list(map(mapper, [x]))
try:
    mapper(1)
except RecursionError:
    print("map recursion")
class Iter:
    def __iter__(self):
        return iter(list(self))
try:
    list(Iter())
except RecursionError:
    print("__iter__ recursion through list()")
print("interpreter still healthy:", sum(range(10)))
