# Ordering of try/except/else/finally side effects with nested functions.
order = []
def step(name, fail=False):
    order.append(name)
    if fail:
        raise RuntimeError(name)
def scenario(fail_body, fail_else):
    order.clear()
    try:
        try:
            step("body", fail_body)
        except RuntimeError:
            step("except")
        else:
            step("else", fail_else)
        finally:
            step("finally")
    except RuntimeError as e:
        order.append(f"outer caught {e}")
    return order[:]
for fb in (False, True):
    for fe in (False, True):
        print(fb, fe, scenario(fb, fe))
def loop_control():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_control())
