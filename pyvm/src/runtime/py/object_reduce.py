# object.__reduce_ex__, object.__reduce__ and object.__getstate__ (the
# pickle and copy protocols' defaults), compiled once per VM by
# object_reduce.rs.


def getstate(obj):
    state = getattr(obj, "__dict__", None)
    state = dict(state) if state else None
    import copyreg
    names = copyreg._slotnames(type(obj))
    if names:
        slots = {}
        for name in names:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _newargs(obj):
    getnewargs_ex = getattr(obj, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        r = getnewargs_ex()
        if not isinstance(r, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, "
                            f"not '{type(r).__name__}'")
        if len(r) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, "
                             f"not {len(r)}")
        args, kwargs = r
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ "
                            f"must be a tuple, not '{type(args).__name__}'")
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ "
                            f"must be a dict, not '{type(kwargs).__name__}'")
        return args, kwargs
    getnewargs = getattr(obj, "__getnewargs__", None)
    if getnewargs is not None:
        args = getnewargs()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, "
                            f"not '{type(args).__name__}'")
        return args, None
    return (), None


def _container_reduce(obj):
    # The reductions CPython's set, frozenset, bytearray, deque and
    # defaultdict define in C (their __reduce__/__reduce_ex__).
    cls = type(obj)
    state = getattr(obj, "__dict__", None) or None
    if isinstance(obj, (set, frozenset)):
        return (cls, (list(obj),), state)
    if isinstance(obj, bytearray):
        return (cls, (bytes(obj),), state)
    import _collections
    if isinstance(obj, _collections.deque):
        args = () if obj.maxlen is None else ((), obj.maxlen)
        return (cls, args, state, iter(obj))
    if isinstance(obj, _collections.defaultdict):
        factory = obj.default_factory
        args = () if factory is None else (factory,)
        return (cls, args, None, None, iter(obj.items()))
    return None


def reduce_ex(obj, proto):
    import copyreg
    special = _container_reduce(obj)
    if special is not None:
        return special
    if proto < 2:
        return copyreg._reduce_ex(obj, proto)
    cls = type(obj)
    args, kwargs = _newargs(obj)
    state = obj.__getstate__()
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if not kwargs:
        return (copyreg.__newobj__, (cls,) + args, state, listitems, dictitems)
    return (copyreg.__newobj_ex__, (cls, args, kwargs), state, listitems, dictitems)
