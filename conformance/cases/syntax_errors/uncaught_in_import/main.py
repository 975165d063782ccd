# A syntax error in an imported module is raised at the import statement.
print("importing a broken module")
try:
    import broken_syntax
except SyntaxError as e:
    print("caught:", e.msg, e.lineno, e.offset, e.filename.endswith("broken_syntax.py"))
import broken_syntax
