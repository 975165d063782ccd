import events
handled = []
def handle(name):
    handled.append(name)
    return f"handled {name} (events module has fire: {hasattr(events, 'fire')})"
