# A cycle between modules that only use each other inside functions works after both load.
import events
import handlers
print(events.fire("start"))
print(handlers.handled)
