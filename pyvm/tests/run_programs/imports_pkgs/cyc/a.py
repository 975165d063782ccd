from . import b
A = "a"
