# finally blocks run (and print) before an uncaught exception ends the program.
def work():
    try:
        print("working")
        raise LookupError("no such item")
    finally:
        print("cleanup in finally")
try:
    work()
finally:
    print("outer finally")
