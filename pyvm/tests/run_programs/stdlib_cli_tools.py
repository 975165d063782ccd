# gc-stress-interval: 500
# The standard library's command-line tools, run in-process with runpy as
# `python -m <tool> args...` would run them.
import os
import runpy
import sys
import tempfile

def run(module, *args):
    print(f"== python -m {module} {' '.join(args)}", flush=True)
    saved = sys.argv
    sys.argv = [module] + list(args)
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        status = 0
    except SystemExit as e:
        status = e.code
    finally:
        sys.argv = saved
    sys.stdout.flush()
    print("-> exit status", status)

def show(path):
    with open(path) as f:
        print(f.read(), end="")

d = tempfile.mkdtemp()
here = os.getcwd()
os.chdir(d)
try:
    with open("data.json", "w") as f:
        f.write('{"b": [1, 2.5, null, true], "a": {"x": "\\u00e9", "y": []}}')
    with open("a.txt", "w") as f:
        f.write("line one\nline two\nthree\n")
    with open("b.txt", "w") as f:
        f.write("line one\nline 2\nthree\nfour\n")
    run("json.tool", "data.json", "out.json")
    show("out.json")
    run("json.tool", "--sort-keys", "--indent", "1", "data.json", "out.json")
    show("out.json")
    run("json.tool", "--compact", "data.json", "out.json")
    show("out.json")
    run("json.tool", "a.txt", "out.json")
    run("calendar", "2024", "2")
    run("calendar", "-t", "text", "2023", "12")
    run("zipfile", "-c", "z.zip", "a.txt", "b.txt")
    run("zipfile", "-t", "z.zip")
    run("zipfile", "-e", "z.zip", "out")
    print(sorted(os.listdir("out")), open(os.path.join("out", "b.txt")).read() == open("b.txt").read())
    run("tarfile", "-c", "t.tar", "a.txt", "b.txt")
    run("tarfile", "-l", "t.tar")
    run("tarfile", "-e", "t.tar", "tout")
    print(sorted(os.listdir("tout")))
    run("gzip", "a.txt")
    run("gzip", "-d", "a.txt.gz")
    print(open("a.txt").read() == "line one\nline two\nthree\n")
    run("base64", "-e", "b.txt")
    run("quopri", "a.txt")
    run("tokenize", "a.txt")
finally:
    os.chdir(here)
    import shutil
    shutil.rmtree(d)
