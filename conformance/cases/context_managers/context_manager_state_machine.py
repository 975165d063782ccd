# A context manager class that tracks nesting depth and rejects misuse.
class Transaction:
    def __init__(self):
        self.depth = 0
        self.events = []
    def __enter__(self):
        self.depth += 1
        self.events.append(f"begin@{self.depth}")
        return self
    def __exit__(self, et, ev, tb):
        action = "rollback" if et else "commit"
        self.events.append(f"{action}@{self.depth}")
        self.depth -= 1
        return et is ValueError and self.depth == 0
tx = Transaction()
with tx:
    with tx:
        pass
    try:
        with tx:
            raise ValueError("inner failure")
    except ValueError:
        tx.events.append("inner ValueError escaped nested level")
with tx:
    raise ValueError("outer failure swallowed at depth 0")
print(tx.events)
print(tx.depth)
