# An uncaught exception: stdout so far is kept, the last stderr line names it.
print("before the error")
def parse(text):
    return int(text)
values = [parse(t) for t in ["1", "2"]]
print(values)
parse("not a number")
print("never printed")
