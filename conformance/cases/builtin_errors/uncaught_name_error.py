# An uncaught NameError with a suggestion for a close name.
counter = 1
print(counter)
print(countr)
