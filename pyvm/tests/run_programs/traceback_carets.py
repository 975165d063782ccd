# CPython 3.11's carets under traceback source lines: ~ under operands and
# ^ under the operator of a binary operation or the brackets of a
# subscript, ^ under other failing expressions, none when the failing
# expression is the whole line.
def ratio(table, key):
    return table[key]["n"] / table[key]["d"]


def lookup(table):
    value = ratio(table, "a")
    return value


data = {"a": {"n": 1, "d": 0}}
print("start")
result = lookup(data)
