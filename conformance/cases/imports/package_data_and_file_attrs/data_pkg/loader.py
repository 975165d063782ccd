import os
HERE = os.path.dirname(os.path.abspath(__file__))
def read_greeting():
    with open(os.path.join(HERE, "greeting.txt")) as f:
        return f.read().strip()
