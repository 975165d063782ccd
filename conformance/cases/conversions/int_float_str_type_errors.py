# Mixing str and numbers without explicit conversion fails; the fixes (str(), int(), f-strings).
age = 30
try:
    "age: " + age
except TypeError as e:
    print("str + int:", e)
print("fixed with str():", "age: " + str(age), "f-string:", f"age: {age}")
try:
    age + "1"
except TypeError as e:
    print("int + str:", e)
print("fixed with int():", age + int("1"))
try:
    "3" * "2"
except TypeError as e:
    print("str * str:", e)
print("str * int repeats:", "3" * 2, int("3") * 2)
try:
    int("3.0")
except ValueError as e:
    print("int of float string:", e)
print("via float:", int(float("3.0")))
try:
    float("1,000.5")
except ValueError as e:
    print("comma thousands:", e)
print("strip separators first:", float("1,000.5".replace(",", "")))
print("comparisons don't coerce:", "10" == 10, sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
try:
    max(1, "2")
except TypeError as e:
    print("max mixed:", e)
print("sum of numeric strings:", sum(map(int, "1 2 3".split())), sum(float(x) for x in ["0.5", "1e1"]))
print("round trip through str preserves value:", float(str(0.1)) == 0.1, int(str(2**100)) == 2**100)
