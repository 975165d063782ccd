# Malformed input to json, ast.literal_eval and compile(): precise errors, no crashes.
import ast
import json
for text in ['{"a": 1,}', "[1, 2", '{"a" 1}', "nul", '"unterminated', "[1] x", "", '{"a": NaN}', "1e400"]:
    try:
        print(repr(text), "->", repr(json.loads(text)))
    except json.JSONDecodeError as e:
        print(repr(text), "-> JSONDecodeError:", e.msg, e.lineno, e.colno, e.pos)
for text in ["[1, 2, (3, 4)]", "{'a': {1, 2}}", "1 + 2", "x", "__import__('os')", "[1, 2", "-(3)", "b'x' + b'y'"]:
    try:
        print(repr(text), "->", repr(ast.literal_eval(text)))
    except (ValueError, SyntaxError) as e:
        print(repr(text), "->", type(e).__name__ + ":", e.msg if isinstance(e, SyntaxError) else str(e).split(" at ")[0])
try:
    compile("x = 1", "<s>", "exec", flags=0x7FFFFFFF)
except ValueError as e:
    print("ValueError:", e)
try:
    compile(42, "<s>", "exec")
except TypeError as e:
    print("TypeError:", e)
