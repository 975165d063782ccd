SETTING = "initial"
try:
    RUNS += 1
except NameError:
    RUNS = 1
def describe():
    return f"describe from run {RUNS}"
