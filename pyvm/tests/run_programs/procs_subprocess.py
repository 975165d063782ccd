# gc-stress-interval: 200
# subprocess on _posixsubprocess.fork_exec, select.poll and os.waitpid.
import os
import select
import subprocess
import sys

r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(r)
r = subprocess.run("echo out; echo err >&2; exit 3", shell=True,
                   capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(["printf", "a\\nb\\n"]).splitlines())
r = subprocess.run(["sh", "-c", "echo to-stderr >&2"], stderr=subprocess.STDOUT,
                   stdout=subprocess.PIPE)
print("merged", r.stdout)

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(b"through cat\n")
print(p.returncode, out)
with subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE, text=True) as p:
    p.stdin.write("line\n")
    p.stdin.close()
    print(p.stdout.read().strip(), p.wait())

try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e)
try:
    subprocess.run(["/nonexistent/prog"])
except FileNotFoundError as e:
    print("FileNotFoundError", e)
try:
    subprocess.run(["ls"], cwd="/nonexistent-dir")
except FileNotFoundError as e:
    print("cwd:", e)
try:
    subprocess.run(["true"], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

env = {"FOO": "bar", "PATH": os.environ["PATH"]}
print(subprocess.run(["sh", "-c", "echo $FOO"], env=env, stdout=subprocess.PIPE).stdout)
print(subprocess.getoutput("echo got it"))
print(subprocess.getstatusoutput("exit 2"))
print("killed", subprocess.run(["sh", "-c", "kill -9 $$"]).returncode)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("timeout", e.cmd, round(e.timeout, 1))
print("call", subprocess.call(["true"]), subprocess.call("exit 4", shell=True))
r = subprocess.run([sys.executable, "-c", "print(6*7)"], capture_output=True, text=True)
print("self", r.stdout.strip())
print(subprocess.run(["pwd"], cwd="/", capture_output=True, text=True).stdout.strip())
print(subprocess.run(["cat"], input="via input\n", capture_output=True, text=True).stdout, end="")
# A descriptor passed on with pass_fds stays open in the child.
rfd, wfd = os.pipe()
subprocess.run(["sh", "-c", f"echo passed >&{wfd}"], pass_fds=[wfd])
os.close(wfd)
print(os.read(rfd, 100))
os.close(rfd)

# select.poll and select.select on a pipe.
rfd, wfd = os.pipe()
po = select.poll()
po.register(rfd, select.POLLIN)
print("poll empty", po.poll(0))
os.write(wfd, b"x")
print("poll ready", po.poll(1000) == [(rfd, select.POLLIN)])
print("select", select.select([rfd], [wfd], [], 0) == ([rfd], [wfd], []))
po.unregister(rfd)
try:
    po.unregister(rfd)
except KeyError as e:
    print("KeyError", e.args == (rfd,))
try:
    select.select([-1], [], [])
except ValueError as e:
    print("ValueError", e)
os.close(rfd)
os.close(wfd)

# os.fork and os.waitpid.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(7)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status),
      os.waitstatus_to_exitcode(status))
try:
    os.waitpid(pid, 0)
except ChildProcessError as e:
    print("ChildProcessError", e)
