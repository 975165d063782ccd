# An uncaught ExceptionGroup: the last stderr line is the group's tree bottom.
print("raising a group")
raise ExceptionGroup("several failures", [ValueError("first"), TypeError("second")])
