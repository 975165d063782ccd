# Encode/decode round trips through many codecs for text they can represent; which codecs reject which text.
texts = {"ascii": "Hello!", "latin": "Grüße àé", "greek": "Καλημέρα", "cjk": "日本語", "emoji": "🙂"}
codecs = ["ascii", "latin-1", "cp1252", "iso8859-7", "utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-7", "shift_jis", "euc-jp", "gb2312", "big5", "koi8-r", "mac-roman", "cp437"]
for codec in codecs:
    row = []
    for label, t in texts.items():
        try:
            b = t.encode(codec)
            row.append(f"{label}:{len(b)}" if b.decode(codec) == t else f"{label}:lossy")
        except UnicodeEncodeError:
            row.append(f"{label}:x")
    print(f"{codec:10}", " ".join(row))
print("utf-7 sample:", "Hi Mom -☺-!".encode("utf-7"))
print("shift_jis bytes:", "日本".encode("shift_jis"), "euc-jp:", "日本".encode("euc-jp"))
