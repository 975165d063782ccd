# threading.Timer cancellation and Condition.notify_all waking every waiter.
import threading
fired = []
t = threading.Timer(10.0, lambda: fired.append("late"))
t.start()
t.cancel()
t.join()
print("cancelled timer fired:", fired)
quick = threading.Timer(0.0, lambda: fired.append("quick"))
quick.start(); quick.join()
print(fired)
cond = threading.Condition()
ready = 0
released = []
def waiter(i):
    global ready
    with cond:
        ready += 1
        cond.notify_all()
        cond.wait_for(lambda: go)
        released.append(i)
go = False
ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws: w.start()
with cond:
    cond.wait_for(lambda: ready == 4)
    go = True
    cond.notify_all()
for w in ws: w.join()
print(sorted(released))
