# Value patterns look names up at match time; captures never compare; dotted names are required.
class Limits:
    LOW = 1
    HIGH = 10
def classify(v):
    match v:
        case Limits.LOW:
            return "low"
        case Limits.HIGH:
            return "high"
        case other:
            return f"captured {other}"
print(classify(1), classify(10), classify(5))
Limits.HIGH = 5
print("after changing Limits.HIGH:", classify(5), classify(10))
LOW = 1
def bare_name(v):
    match v:
        case LOW:
            return f"bare name captures anything: {LOW}"
print(bare_name(99))
class Eq:
    def __eq__(self, other):
        print("__eq__ called with", other)
        return True
class Holder:
    VALUE = Eq()
match 42:
    case Holder.VALUE:
        print("value pattern uses ==")
