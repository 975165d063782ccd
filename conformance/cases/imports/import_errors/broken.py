print("broken module starts")
x = 1 / 0
