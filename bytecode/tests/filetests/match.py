def f(p):
    match p:
        case [1, *rest]:
            return rest
        case {"k": v, **others}:
            return v, others
        case Point(x=0, y=yy) | Point(0, yy):
            return yy
        case str() as s if s:
            return s
        case None:
            return 0
        case _:
            return p
