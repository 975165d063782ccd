# SystemExit codes: integers, None, strings (printed to stderr, status 1).
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("caught", e.code, type(e.code).__name__)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code)
try:
    raise SystemExit("message", "extra")
except SystemExit as e:
    print("caught", e.code, e.args)
print(issubclass(SystemExit, Exception))
try:
    try:
        sys.exit(4)
    except Exception:
        print("not caught by Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__)
print("exiting with a message")
sys.exit("fatal: configuration missing")
