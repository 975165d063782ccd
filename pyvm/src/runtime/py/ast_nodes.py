# The node classes of the `_ast` module, made from one table when `_ast` is
# first imported (pyvm's own code, run by runtime/ast/mod.rs in the module's
# namespace). The table is Python 3.11's abstract grammar: each line is
# "name = alternatives" (a sum: one subclass per alternative) or
# "name(fields)" (a product: one class). Fields are "type name" with "?"
# (optional: the class attribute is None) or "*" (a list). "@pos" after a
# sum or product gives it the source-position attributes; "@pos!" the same
# with required end positions (patterns).

_GRAMMAR = """
mod = Module(stmt* body, type_ignore* type_ignores) | Interactive(stmt* body) | Expression(expr body) | FunctionType(expr* argtypes, expr returns)
stmt @pos = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment) | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment) | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list) | Return(expr? value) | Delete(expr* targets) | Assign(expr* targets, expr value, string? type_comment) | AugAssign(expr target, operator op, expr value) | AnnAssign(expr target, expr annotation, expr? value, int simple) | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment) | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment) | While(expr test, stmt* body, stmt* orelse) | If(expr test, stmt* body, stmt* orelse) | With(withitem* items, stmt* body, string? type_comment) | AsyncWith(withitem* items, stmt* body, string? type_comment) | Match(expr subject, match_case* cases) | Raise(expr? exc, expr? cause) | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody) | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody) | Assert(expr test, expr? msg) | Import(alias* names) | ImportFrom(identifier? module, alias* names, int? level) | Global(identifier* names) | Nonlocal(identifier* names) | Expr(expr value) | Pass | Break | Continue
expr @pos = BoolOp(boolop op, expr* values) | NamedExpr(expr target, expr value) | BinOp(expr left, operator op, expr right) | UnaryOp(unaryop op, expr operand) | Lambda(arguments args, expr body) | IfExp(expr test, expr body, expr orelse) | Dict(expr* keys, expr* values) | Set(expr* elts) | ListComp(expr elt, comprehension* generators) | SetComp(expr elt, comprehension* generators) | DictComp(expr key, expr value, comprehension* generators) | GeneratorExp(expr elt, comprehension* generators) | Await(expr value) | Yield(expr? value) | YieldFrom(expr value) | Compare(expr left, cmpop* ops, expr* comparators) | Call(expr func, expr* args, keyword* keywords) | FormattedValue(expr value, int conversion, expr? format_spec) | JoinedStr(expr* values) | Constant(constant value, string? kind) | Attribute(expr value, identifier attr, expr_context ctx) | Subscript(expr value, expr slice, expr_context ctx) | Starred(expr value, expr_context ctx) | Name(identifier id, expr_context ctx) | List(expr* elts, expr_context ctx) | Tuple(expr* elts, expr_context ctx) | Slice(expr? lower, expr? upper, expr? step)
expr_context = Load | Store | Del
boolop = And | Or
operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv
unaryop = Invert | Not | UAdd | USub
cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn
comprehension(expr target, expr iter, expr* ifs, int is_async)
excepthandler @pos = ExceptHandler(expr? type, identifier? name, stmt* body)
arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)
arg @pos (identifier arg, expr? annotation, string? type_comment)
keyword @pos (identifier? arg, expr value)
alias @pos (identifier name, identifier? asname)
withitem(expr context_expr, expr? optional_vars)
match_case(pattern pattern, expr? guard, stmt* body)
pattern @pos! = MatchValue(expr value) | MatchSingleton(constant value) | MatchSequence(pattern* patterns) | MatchMapping(expr* keys, pattern* patterns, identifier? rest) | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns) | MatchStar(identifier? name) | MatchAs(pattern? pattern, identifier? name) | MatchOr(pattern* patterns)
type_ignore = TypeIgnore(int lineno, string tag)
"""

PyCF_ONLY_AST = 0x400
PyCF_TYPE_COMMENTS = 0x1000
PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()
    __module__ = "ast"

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(f"{type(self).__name__} constructor takes at most "
                            f"{n} positional argument{'' if n == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        if kwargs:
            given = fields[:len(args)]
            for name, value in kwargs.items():
                if name in given:
                    raise TypeError(f"{type(self).__name__} got multiple "
                                    f"values for argument '{name}'")
                setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), getattr(self, "__dict__", {})


def _parse_fields(text):
    fields = []
    for item in text.split(","):
        item = item.strip()
        if item:
            kind, name = item.split()
            fields.append((kind, name))
    return fields


def _signature(name, fields):
    if not fields:
        return name
    return name + "(" + ", ".join(k + " " + n for k, n in fields) + ")"


def _make(name, base, fields, doc, extra):
    ns = {
        "_fields": tuple(n for _, n in fields),
        "__match_args__": tuple(n for _, n in fields),
        "__module__": "ast",
        "__doc__": doc,
    }
    ns.update(extra)
    for kind, n in fields:
        if kind.endswith("?"):
            ns[n] = None
    cls = type(name, (base,), ns)
    globals()[name] = cls
    return cls


def _abstract_extra(pos):
    if not pos:
        return {"_attributes": ()}
    extra = {"_attributes": ("lineno", "col_offset", "end_lineno", "end_col_offset")}
    if pos == "@pos":
        extra["end_lineno"] = None
        extra["end_col_offset"] = None
    return extra


def _build():
    for line in _GRAMMAR.strip().splitlines():
        if "=" in line.split("(")[0]:
            head, _, alts = line.partition("=")
            name, *pos = head.split()
            pos = pos[0] if pos else ""
            parsed = []
            for alt in alts.split("|"):
                alt = alt.strip()
                if "(" in alt:
                    cname, _, rest = alt.partition("(")
                    parsed.append((cname, _parse_fields(rest.rstrip(")"))))
                else:
                    parsed.append((alt, []))
            sep = "\n" + " " * (len(name) + 1) + "| "
            if not any(f for _, f in parsed):
                sep = " | "
            doc = name + " = " + sep.join(_signature(c, f) for c, f in parsed)
            base = _make(name, AST, [], doc, _abstract_extra(pos))
            for cname, fields in parsed:
                _make(cname, base, fields, _signature(cname, fields), {})
        else:
            head, _, rest = line.partition("(")
            name, *pos = head.split()
            pos = pos[0] if pos else ""
            fields = _parse_fields(rest.rstrip(")"))
            _make(name, AST, fields, _signature(name, fields), _abstract_extra(pos))


_build()


# compile(tree, ...): the checks CPython's validator makes that matter in
# practice (required fields and positions, expression contexts), then the
# tree's source text (runtime/ast/mod.rs compiles it).

_STORE_TARGETS = {"Assign": "targets", "AugAssign": "target", "AnnAssign": "target",
                  "For": "target", "AsyncFor": "target", "withitem": "optional_vars",
                  "comprehension": "target", "NamedExpr": "target"}
_CTX_NODES = ("Name", "Attribute", "Subscript", "Starred", "List", "Tuple")


def _pyvm_check(node, want):
    cls = type(node)
    kind = cls.__mro__[-3].__name__
    for name in cls._fields:
        if not hasattr(node, name) and not hasattr(cls, name):
            raise TypeError(f'required field "{name}" missing from {cls.__name__}')
    for name in cls._attributes:
        if name in ("lineno", "col_offset") and not hasattr(node, name):
            raise TypeError(f'required field "{name}" missing from {kind}')
    cname = cls.__name__
    if cname in _CTX_NODES:
        ctx = type(node.ctx).__name__
        if ctx != want:
            raise ValueError(f"expression must have {want} context but has {ctx} instead")
    for name in cls._fields:
        value = getattr(node, name, None)
        if cname == "Delete" and name == "targets":
            sub = "Del"
        elif _STORE_TARGETS.get(cname) == name:
            sub = "Store"
        elif cname in ("Starred", "List", "Tuple") and name == "elts" or cname == "Starred" and name == "value":
            sub = want
        else:
            sub = "Load"
        for child in value if isinstance(value, list) else (value,):
            if isinstance(child, AST):
                _pyvm_check(child, sub)


def _pyvm_compile_source(tree, mode):
    want = {"exec": Module, "eval": Expression, "single": Interactive}[mode]
    if not isinstance(tree, want):
        raise TypeError(f"expected {want.__name__} node, got {type(tree).__name__}")
    _pyvm_check(tree, "Load")
    import ast

    class LineUnparser(ast._Unparser):
        # Puts each statement on its `lineno` (blank lines before it), so
        # that tracebacks and co_firstlineno match the tree's positions.
        _want = None
        _counted = None

        def traverse(self, node):
            if isinstance(node, stmt) and isinstance(getattr(node, "lineno", None), int):
                self._want = node.lineno - len(getattr(node, "decorator_list", ()))
                if isinstance(node, (FunctionDef, AsyncFunctionDef, ClassDef)):
                    self._want -= 1  # their fill() starts one more line
            super().traverse(node)

        def maybe_newline(self):
            super().maybe_newline()
            want, self._want = self._want, None
            if want is None:
                return
            if self._counted is None or self._counted[0] is not self._source:
                self._counted = [self._source, 0, 0]
            src, done, lines = self._counted
            for piece in src[done:]:
                lines += piece.count("\n")
            self._counted[1:] = [len(src), lines]
            line = lines + 1
            if want > line:
                self.write("\n" * (want - line))

    return LineUnparser().visit(tree)


del _build, _make, _abstract_extra, _signature, _parse_fields, _GRAMMAR
