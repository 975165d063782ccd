# A tokenizer written as a generator-based state machine fed with send().
def tokenizer():
    tokens = []
    buf = ""
    while True:
        ch = yield tokens
        tokens = []
        if ch is None:
            if buf:
                tokens.append(buf)
            return
        if ch.isalnum():
            buf += ch
        else:
            if buf:
                tokens.append(buf)
                buf = ""
            if not ch.isspace():
                tokens.append(ch)
t = tokenizer()
next(t)
out = []
for ch in "x1 = foo(bar, 42)":
    out.extend(t.send(ch))
try:
    t.send(None)
except StopIteration:
    pass
print(out)
