# Deeply nested functions, recursion through closures, and name resolution.
def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            c = 3
            def level4():
                return a + b + c
            return level4
        return level3
    return level2
print(level1()()()())
def fib_maker():
    memo = {}
    def fib(n):
        if n in memo:
            return memo[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        memo[n] = r
        return r
    return fib, memo
fib, memo = fib_maker()
print(fib(50), len(memo))
def even_odd():
    def is_even(n):
        return True if n == 0 else is_odd(n - 1)
    def is_odd(n):
        return False if n == 0 else is_even(n - 1)
    return is_even, is_odd
ev, od = even_odd()
print(ev(10), od(7), ev(3))
print(level1.__qualname__, level1().__qualname__, level1()().__qualname__)
