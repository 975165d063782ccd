import cmath, math
vals = [0j, 1+0j, -1+0j, 1j, -1j, 2+3j, -2.5+0.5j, 1e-310+1e-310j, 1e300+1e300j, complex(-4, -0.0), 0.5+0.5j, -3-4j, 1+1e-9j]
for name in ['sqrt', 'exp', 'log', 'log10', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh']:
    f = getattr(cmath, name)
    row = []
    for z in vals:
        try:
            row.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(row))
inf = math.inf
nan = math.nan
for z in [complex(inf, 0), complex(-inf, 1), complex(0, inf), complex(nan, 0), complex(inf, nan), complex(-inf, -inf), complex(nan, nan), complex(1, nan)]:
    for name in ['sqrt', 'exp', 'log']:
        try:
            print(name, z, getattr(cmath, name)(z))
        except ValueError as e:
            print(name, z, e)
print(cmath.polar(1+1j), cmath.rect(2, 0), cmath.rect(1, math.pi/2), cmath.phase(complex(-1, -0.0)), cmath.log(8, 2), cmath.infj, cmath.nanj)
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.exp(1000+0j) if False else 0)
