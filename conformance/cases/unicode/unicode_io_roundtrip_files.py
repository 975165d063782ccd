# Writing and reading non-ASCII text through files with explicit encodings, newline translation and BOM handling.
import os, tempfile
text = "línea 1 — ünïcödé\nline 2: 日本語 😀\n"
with tempfile.TemporaryDirectory() as d:
    results = {}
    for enc in ("utf-8", "utf-8-sig", "utf-16", "utf-32-le", "latin-1", "cp1252"):
        path = os.path.join(d, enc + ".txt")
        try:
            with open(path, "w", encoding=enc, newline="\n") as f:
                f.write(text)
        except UnicodeEncodeError as e:
            results[enc] = f"cannot encode: {e.reason}"
            continue
        with open(path, "rb") as f:
            raw = f.read()
        with open(path, encoding=enc) as f:
            back = f.read()
        results[enc] = f"bytes={len(raw)} head={raw[:4].hex()} roundtrip={back == text}" if enc != "utf-16" else f"bytes={len(raw)} roundtrip={back == text}"
    for k, v in results.items():
        print(f"{k:10} {v}")
    path = os.path.join(d, "errors.txt")
    with open(path, "wb") as f:
        f.write(b"ok \xff\xfe bad\n")
    with open(path, encoding="utf-8", errors="replace") as f:
        print("errors=replace:", ascii(f.read()))
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        s = f.read()
    print("surrogateescape round trip:", s.encode("utf-8", "surrogateescape") == b"ok \xff\xfe bad\n")
    try:
        with open(path, encoding="utf-8") as f:
            f.read()
    except UnicodeDecodeError as e:
        print("strict read fails:", e.reason, e.start)
