COUNT = 0
print("counter module executed")
def bump():
    global COUNT
    COUNT += 1
    return COUNT
