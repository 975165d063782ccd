LOADS = 0
LOADS += 1
def describe():
    return f"I am {__name__}"
if __name__ == "__main__":
    print("never printed when imported")
else:
    print("helper imported as", __name__)
