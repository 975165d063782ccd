# An uncaught IndexError from a list index, after partial output.
data = [10, 20, 30]
for i in range(len(data) + 1):
    print(i, data[i])
