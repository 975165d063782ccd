# isdecimal/isdigit/isnumeric/int()/float() over digits from several scripts and numeric symbols.
chars = ["7", "٧", "۷", "७", "৭", "๗", "７", "²", "⁷", "₇", "⑦", "⓻", "Ⅶ", "ⅶ", "½", "七", "𝟕", "🄇", "a"]
print(f"{'char':6} {'dec':5} {'dig':5} {'num':5} {'int':>5} {'float':>6}")
for c in chars:
    try:
        iv = int(c)
    except ValueError:
        iv = "-"
    try:
        fv = float(c)
    except ValueError:
        fv = "-"
    print(f"{ascii(c):10} {c.isdecimal()!s:5} {c.isdigit()!s:5} {c.isnumeric()!s:5} {iv!s:>5} {fv!s:>6}")
print("mixed-script numbers parse:", int("٧7७"), float("１２.５"))
print("unicodedata.numeric for non-decimals:", [__import__("unicodedata").numeric(c) for c in "½Ⅶ七"])
