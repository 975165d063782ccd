# pyvm's types.GenericAlias (list[int]) and types.UnionType (int | None).
# Compiled once per VM by generic_alias.rs; `type(list[int])` is the class
# below, which the stdlib's types.py exports as types.GenericAlias.


def _type_repr(obj):
    if obj is ...:
        return "..."
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    return repr(obj)


def _parameters(args):
    params = []
    for t in args:
        if isinstance(t, type):
            continue
        if hasattr(t, "__typing_subst__"):
            if t not in params:
                params.append(t)
        else:
            for x in getattr(t, "__parameters__", ()):
                if x not in params:
                    params.append(x)
    return tuple(params)


def _substitute(alias, item):
    params = alias.__parameters__
    if not params:
        raise TypeError(f"{alias!r} is not a generic class")
    if not isinstance(item, tuple):
        item = (item,)
    if len(item) != len(params):
        many = "many" if len(item) > len(params) else "few"
        raise TypeError(f"Too {many} arguments for {alias!r}; "
                        f"actual {len(item)}, expected {len(params)}")
    subst = dict(zip(params, item))
    new = []
    for a in alias.__args__:
        if hasattr(a, "__typing_subst__"):
            new.append(a.__typing_subst__(subst[a]))
            continue
        sub = getattr(a, "__parameters__", None)
        if sub and not isinstance(a, type):
            a = a[tuple(subst[x] for x in sub)]
        new.append(a)
    return tuple(new)


# Attribute names a GenericAlias answers itself instead of its origin.
_OWN = frozenset(["__origin__", "__args__", "__unpacked__", "__parameters__",
                  "__typing_unpacked_tuple_args__", "__mro_entries__",
                  "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__"])


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    __module__ = "types"
    __slots__ = ("__origin__", "__args__", "__parameters__", "__unpacked__")

    def __new__(cls, origin, args, /):
        self = object.__new__(cls)
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _parameters(args)
        self.__unpacked__ = False
        return self

    def __getattr__(self, name):
        if name in _OWN:
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __repr__(self):
        if not self.__args__:
            args = "()"
        else:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        return f"{_type_repr(self.__origin__)}[{args}]"

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__
                and self.__unpacked__ == other.__unpacked__)

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getitem__(self, item):
        return GenericAlias(self.__origin__, _substitute(self, item))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | _OWN)


def _unionable(x):
    return x is None or isinstance(x, (type, GenericAlias, UnionType))


def _union(a, b):
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in (a, b):
        items = x.__args__ if isinstance(x, UnionType) else (x,)
        for t in items:
            if t is None:
                t = type(None)
            if t not in args:
                args.append(t)
    if len(args) == 1:
        return args[0]
    return UnionType._make(tuple(args))


class UnionType:
    """Represent a PEP 604 union type

E.g. for int | str"""

    __module__ = "types"
    __slots__ = ("__args__", "__parameters__")

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'types.UnionType' instances")

    @classmethod
    def _make(cls, args):
        self = object.__new__(cls)
        self.__args__ = args
        self.__parameters__ = _parameters(args)
        return self

    def __repr__(self):
        return " | ".join("None" if a is type(None) else _type_repr(a)
                          for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __getitem__(self, item):
        result = None
        for t in _substitute(self, item):
            result = t if result is None else result | t
        return result

    def __instancecheck__(self, obj):
        for t in self.__args__:
            if isinstance(t, GenericAlias):
                raise TypeError("isinstance() argument 2 cannot be a parameterized generic")
        return any(isinstance(obj, t) for t in self.__args__)

    def __subclasscheck__(self, cls):
        for t in self.__args__:
            if isinstance(t, GenericAlias):
                raise TypeError("issubclass() argument 2 cannot be a parameterized generic")
        return any(issubclass(cls, t) for t in self.__args__)
