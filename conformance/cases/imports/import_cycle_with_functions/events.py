import handlers
def fire(name):
    return handlers.handle(name)
