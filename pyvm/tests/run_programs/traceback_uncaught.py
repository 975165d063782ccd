def check(n):
    if n == 0:
        raise ValueError("bad value")
    check(n - 1)

print("before")
check(2)
print("never")
