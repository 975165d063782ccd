from .a import A
B = "b"
