# The 3.11 int/str conversion length limit (sys.int_info / set_int_max_str_digits).
import sys
print("default limit:", sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
ok = int("9" * 4300)
print("4300 digits parse:", ok % 1000)
try:
    int("9" * 4301)
except ValueError as e:
    print("4301 digits:", e)
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("str of big:", e)
try:
    repr(big)
except ValueError as e:
    print("repr of big:", type(e).__name__)
try:
    f"{big}"
except ValueError as e:
    print("format of big:", type(e).__name__)
print("hex unaffected:", len(hex(big)))
print("power-of-two bases unaffected:", int("f" * 5000, 16) % 16)
sys.set_int_max_str_digits(6000)
print("raised limit:", sys.get_int_max_str_digits(), len(str(big)))
sys.set_int_max_str_digits(0)
print("unlimited:", len(str(10 ** 7000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("below threshold:", e)
sys.set_int_max_str_digits(640)
try:
    int("1" * 641)
except ValueError as e:
    print("limit 640:", e)
try:
    print("640 digits with underscores:", int("1_" * 639 + "1") % 10)
except ValueError as e:
    print("640 digits with underscores:", type(e).__name__)
try:
    int("-" + "1" * 641)
except ValueError as e:
    print("641 digits with sign:", type(e).__name__)
print("ok at 640:", int("7" * 640) % 10)
