# A small domain model using properties, class attributes, classmethods, __repr__, ordering and custom exceptions.
from functools import total_ordering
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed, self.available = needed, available
@total_ordering
class Account:
    _next_id = 1
    interest = 0.01
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    @classmethod
    def from_string(cls, text):
        owner, amount = text.split(":")
        return cls(owner.strip(), int(amount))
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount, self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self
    def __eq__(self, other):
        return isinstance(other, Account) and self.balance == other.balance
    def __lt__(self, other):
        return self.balance < other.balance
    def __repr__(self):
        return f"Account(#{self.id} {self.owner!r} {self.balance})"
class Savings(Account):
    interest = 0.03
    def add_interest(self):
        return self.deposit(round(self.balance * self.interest))
a = Account("ann", 100).deposit(50).withdraw(30)
b = Savings.from_string("bob: 200").add_interest()
print(a, b, type(b).__name__, b.interest, Account.interest)
try:
    a.withdraw(1000)
except InsufficientFunds as e:
    print("InsufficientFunds:", e, e.needed, e.available, isinstance(e, Exception))
try:
    a.balance = 5
except AttributeError as e:
    print("read-only balance:", type(e).__name__)
print("ordering:", sorted([b, a]), a < b, a >= b, max(a, b).owner)
print("history:", a.history, b.history)
