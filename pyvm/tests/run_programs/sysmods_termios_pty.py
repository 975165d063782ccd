# gc-stress-interval: 32
# termios on a pty pair: attributes, tty.setraw/setcbreak, reading back, winsize,
# termios.error and the argument errors; pty.fork runs a child on a pty.
import getpass
import os, termios, tty, pty, getpass
m, s = os.openpty()
print(os.isatty(s), os.ttyname(s).startswith("/dev/pts/"))
attrs = termios.tcgetattr(s)
print(len(attrs), len(attrs[6]), type(attrs[6][0]).__name__)
old = termios.tcgetattr(s)
tty.setraw(s)
raw = termios.tcgetattr(s)
print(raw[3] & termios.ECHO, raw[3] & termios.ICANON, raw[6][termios.VMIN], raw[6][termios.VTIME])
os.write(m, b"hello\r\n")
print(os.read(s, 100))
os.write(s, b"out\n")
print(os.read(m, 100))
termios.tcsetattr(s, termios.TCSAFLUSH, old)
print(termios.tcgetattr(s) == old)
tty.setcbreak(s)
print(termios.tcgetattr(s)[3] & termios.ICANON)
termios.tcsetattr(s, termios.TCSANOW, old)
os.write(m, b"line\n")
print(os.read(s, 100))
termios.tcdrain(s); termios.tcflush(s, termios.TCIOFLUSH); termios.tcflow(s, termios.TCOON)
termios.tcsetwinsize(s, (24, 80)); print(termios.tcgetwinsize(s))
print(os.get_terminal_size(s))
r, w = os.pipe()
for f, args in [(termios.tcgetattr, (r,)), (termios.tcgetattr, ("x",)),
                (termios.tcsetattr, (s, 0, [1, 2])), (termios.tcsetattr, (s, 0, old[:6] + [[1]])),
                (termios.tcsetattr, (s, 0, old[:6] + [[1.5] * termios.NCCS])),
                (termios.tcdrain, (-1,)), (termios.tcsetwinsize, (s, 5))]:
    try:
        f(*args)
    except (termios.error, TypeError, ValueError) as e:
        print(f.__name__, type(e).__name__, e)
print(termios.error.__module__, issubclass(termios.error, Exception), termios.B38400, termios.TCSANOW)
pid, fd = pty.fork()
if pid == 0:
    print("child", os.isatty(0))
    os._exit(0)
data = b""
while True:
    try:
        chunk = os.read(fd, 100)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
os.waitpid(pid, 0)
print(data)
for x in (m, s, r, w, fd): os.close(x)
