try:
    work()
except* ValueError as eg:
    handle(eg)
except* TypeError:
    pass
