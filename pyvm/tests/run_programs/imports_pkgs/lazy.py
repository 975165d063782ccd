"""A module with __getattr__ (PEP 562)."""
eager = 1
__all__ = ["eager", "computed_x"]
def __getattr__(name):
    if name.startswith("computed"):
        return "computed " + name
    raise AttributeError("module " + repr(__name__) + " has no attribute " + repr(name))
