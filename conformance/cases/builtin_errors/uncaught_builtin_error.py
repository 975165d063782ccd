# An uncaught TypeError from a builtin call ends the program.
values = [1, 2, 3]
print(sum(values))
print(len(values, values))
