# A module's body runs once however many times and ways it is imported.
import registry
import registry as again
from registry import register, ITEMS
import plugin_a
import plugin_b
import plugin_a
print(again is registry, ITEMS, registry.LOADS)
register("main")
print(registry.ITEMS)
import importlib
importlib.import_module("plugin_b")
print(registry.ITEMS, registry.LOADS)
