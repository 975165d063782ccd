# __exit__ receives the exception triple; traceback identity and re-raising the same object.
class Capture:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.info = (et, ev, tb)
        return True
with Capture() as c:
    raise ValueError("payload")
et, ev, tb = c.info
print(et.__name__, ev.args, tb is ev.__traceback__, tb.tb_frame.f_code.co_name)
with Capture() as c:
    pass
print(c.info)
class Reraise:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is KeyError:
            raise ev
        return False
try:
    with Reraise():
        raise KeyError("same object")
except KeyError as e:
    print("re-raised:", repr(e), e.__context__)
class Convert:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        if et is ZeroDivisionError:
            raise ArithmeticError("converted") from ev
try:
    with Convert():
        1 / 0
except ArithmeticError as e:
    print(repr(e), repr(e.__cause__))
class ExitBaseException:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit sees", et.__name__)
        return True
with ExitBaseException():
    raise SystemExit(3)
print("SystemExit suppressed by __exit__")
