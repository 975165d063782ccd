__all__ = ["public_name"]
public_name = "exported"
other = "not in __all__"
_private = "underscore"
