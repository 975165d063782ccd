# Raising SystemExit with an int sets the exit status; output before it is kept.
import sys
print("starting")
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit:", repr(e.code))
try:
    raise SystemExit("message")
except SystemExit as e:
    print("caught with message:", e.code)
sys.stdout.flush()
print("exiting with status 3")
raise SystemExit(3)
