# Pattern matching with dataclasses (auto __match_args__), enums and nested class patterns.
from dataclasses import dataclass
from enum import Enum, auto
class Op(Enum):
    ADD = auto()
    MUL = auto()
@dataclass
class Num:
    value: int
@dataclass
class BinOp:
    op: Op
    left: object
    right: object
def ev(e):
    match e:
        case Num(v):
            return v
        case BinOp(Op.ADD, l, r):
            return ev(l) + ev(r)
        case BinOp(Op.MUL, Num(0), _) | BinOp(Op.MUL, _, Num(0)):
            return 0
        case BinOp(Op.MUL, l, r):
            return ev(l) * ev(r)
    raise TypeError(e)
expr = BinOp(Op.ADD, Num(2), BinOp(Op.MUL, Num(3), Num(4)))
print(ev(expr), ev(BinOp(Op.MUL, Num(0), expr)), Num.__match_args__, BinOp.__match_args__)
def simplify(e):
    match e:
        case BinOp(Op.ADD, Num(0), x) | BinOp(Op.ADD, x, Num(0)):
            return simplify(x)
        case BinOp(op, l, r):
            return BinOp(op, simplify(l), simplify(r))
        case _:
            return e
print(simplify(BinOp(Op.ADD, Num(0), BinOp(Op.ADD, Num(5), Num(0)))))
