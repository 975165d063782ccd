def f():
    for i in range(3):
        try:
            if i:
                break
            g()
        except (KeyError, ValueError) as e:
            return e
        finally:
            h()
