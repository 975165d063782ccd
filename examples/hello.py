print("hello from pyvm")
