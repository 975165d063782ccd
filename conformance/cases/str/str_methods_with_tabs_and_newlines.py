# Whitespace handling: expandtabs column logic, splitlines vs \r\n, strip of mixed whitespace, textwrap of tabs.
s = "a\tbb\tccc\tdddd\te"
for ts in (1, 2, 4, 8):
    print(ts, repr(s.expandtabs(ts)))
print("tabs after newline reset column:", repr("ab\tc\nd\te".expandtabs(4)))
print("\\r also resets column:", repr("abc\r\tx".expandtabs(4)))
text = "line1\r\nline2\rline3\nline4\r\n"
print("splitlines:", text.splitlines())
print("split('\\n'):", text.split("\n"))
print("keepends:", text.splitlines(keepends=True))
print("strip mixed:", repr(" \t\r\n\x0b\x0cx\x1f ".strip()), repr("\x1c\x1d\x1e\x1fx".strip()))
print("str.isspace for \\x1c-\\x1f:", [chr(c).isspace() for c in range(0x1c, 0x20)])
print("rstrip newlines only:", repr("data\r\n\n".rstrip("\r\n")))
print("count lines:", text.count("\n"), len(text.splitlines()))
