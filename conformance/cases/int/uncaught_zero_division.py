# An uncaught ZeroDivisionError ends the program with exit status 1.
def mean(values):
    return sum(values) // len(values)

print("mean of [4, 6]:", mean([4, 6]))
print("about to divide by an empty length")
mean([])
print("not reached")
