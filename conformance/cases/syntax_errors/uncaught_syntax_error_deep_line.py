# A syntax error on a later line: nothing runs, the message names the problem.
def fine():
    return 1

def also_fine(x):
    return x * 2

values = [1, 2, 3
print(values)
