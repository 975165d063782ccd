# An observer registry using WeakSet: observers vanish when no longer referenced.
import gc
import weakref
class Subject:
    def __init__(self):
        self.observers = weakref.WeakSet()
    def notify(self, event):
        return sorted(o.receive(event) for o in self.observers)
class Observer:
    def __init__(self, name):
        self.name = name
    def receive(self, event):
        return f"{self.name} got {event}"
subject = Subject()
a, b, c = Observer("a"), Observer("b"), Observer("c")
for o in (a, b, c):
    subject.observers.add(o)
print(subject.notify("e1"))
del b
gc.collect()
print(subject.notify("e2"), len(subject.observers))
subject.observers.discard(a)
print(subject.notify("e3"), a in subject.observers, c in subject.observers)
del c, o
gc.collect()
print(subject.notify("e4"))
