# Invariants between split and join: sep.join(s.split(sep)) == s; whitespace split is lossy; rsplit vs split.
tests = ["a,b,,c", ",", "", "no-sep", ",,,", "a,b,"]
print("join(split(sep)) identity:", all(",".join(s.split(",")) == s for s in tests))
print("split counts:", [len(s.split(",")) for s in tests], [s.count(",") + 1 for s in tests])
ws = "  a \t b\n\nc  "
print("whitespace split lossy:", ws.split(), " ".join(ws.split()))
print("maxsplit splits from left/right:", "a b c d".split(" ", 2), "a b c d".rsplit(" ", 2))
print("rsplit with None collapses runs:", "  a  b  ".rsplit(None, 1), "  a  b  ".split(None, 1))
print("splitlines vs split('\\n'):", "x\ny\n".splitlines(), "x\ny\n".split("\n"))
print("partition always 3-tuple:", ["k=v".partition("="), "k".partition("="), "=v".partition("=")])
print("join with non-str separator types:", "-".join(["1", "2"]), b"-".join([b"1", b"2"]))
path = "/usr//local/bin/"
print("path parts:", path.split("/"), [p for p in path.split("/") if p], "/".join(p for p in path.split("/") if p))
print("csv-like with quotes is NOT handled by split:", 'a,"b,c",d'.split(","))
