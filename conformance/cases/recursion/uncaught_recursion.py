# An uncaught RecursionError ends the program with status 1 and names itself last.
def down(n):
    return down(n + 1) + 1
print("recursing")
down(0)
