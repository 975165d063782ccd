# sys.exit(n) sets the process exit status; finally blocks still run.
import sys
try:
    print("about to exit with status 7")
    sys.exit(7)
finally:
    print("finally before exit")
