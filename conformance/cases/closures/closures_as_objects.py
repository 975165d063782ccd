# Closures standing in for objects: bank account with private state and dispatch dict.
def account(balance=0):
    history = []
    def deposit(amount):
        nonlocal balance
        if amount <= 0:
            raise ValueError("deposit must be positive")
        balance += amount
        history.append(("deposit", amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError(f"insufficient funds: {balance} < {amount}")
        balance -= amount
        history.append(("withdraw", amount))
        return balance
    def report():
        return balance, list(history)
    return {"deposit": deposit, "withdraw": withdraw, "report": report}
acct = account(100)
acct["deposit"](50)
acct["withdraw"](30)
for bad in [lambda: acct["withdraw"](500), lambda: acct["deposit"](-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
print(acct["report"]())
other = account()
print(other["report"](), acct["report"]()[0])
