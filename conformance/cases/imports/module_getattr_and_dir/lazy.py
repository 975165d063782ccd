eager = "defined normally"
def __getattr__(name):
    if name.startswith("computed"):
        return f"computed on demand: {name}"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ["eager", "computed_value"]
