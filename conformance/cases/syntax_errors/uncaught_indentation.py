# An IndentationError in the main script reports IndentationError on the last stderr line.
def f():
    return 1
      return 2
