# Comments, blank lines, backslash continuation inside expressions, and form feeds.
x = 1  # trailing comment
# full-line comment
y = (x +   # comment inside parentheses
     2)
z = [1,  # first
     2]  # second
s = "# not a comment"
t = 'also # not'
total = x \
    + y \
    + len(z)
print(x, y, z, s, t, total)
if True:

    # comment between blank lines inside a block

    print("block with blank lines and comments")
def f():  # comment after colon
    return "ok"  # comment after return
print(f())
print(eval("1 + \\\n 2"), compile("x = 1 # c\n", "<c>", "exec") is not None)
