# ExitStack: LIFO unwinding, exceptions passed along the stack, pop_all, push and callbacks.
import contextlib
class Named:
    def __init__(self, name, suppress=False, log=None):
        self.name, self.suppress, self.log = name, suppress, log
    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self
    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.name} {et.__name__ if et else None}")
        return self.suppress
log = []
with contextlib.ExitStack() as st:
    st.enter_context(Named("a", log=log))
    st.enter_context(Named("b", suppress=True, log=log))
    st.enter_context(Named("c", log=log))
    raise TypeError
print(log)
log = []
with contextlib.ExitStack() as st:
    st.enter_context(Named("kept", log=log))
    moved = st.pop_all()
log.append("stack closed")
moved.close()
print(log)
def exit_callback(et, ev, tb):
    print("push callback saw", et.__name__ if et else None)
with contextlib.ExitStack() as st:
    st.push(exit_callback)
    st.callback(print, "plain callback", 1, sep="=")
print("done")
try:
    with contextlib.ExitStack() as st:
        st.callback(lambda: 1 / 0)
        raise KeyError("original")
except ZeroDivisionError as e:
    print("callback error replaced:", repr(e), "context:", repr(e.__context__))
