# sys.get_asyncgen_hooks / sys.set_asyncgen_hooks (PEP 525), run in the
# namespace of `sys` at its creation. The runtime calls
# get_asyncgen_hooks() when an async generator is first iterated.


def _asyncgen_hooks_api():
    hooks = [None, None]
    missing = object()

    class asyncgen_hooks(tuple):
        n_fields = 2
        n_sequence_fields = 2
        n_unnamed_fields = 0
        __match_args__ = ("firstiter", "finalizer")

        def __new__(cls, seq):
            return tuple.__new__(cls, seq)

        firstiter = property(lambda self: self[0])
        finalizer = property(lambda self: self[1])

        def __repr__(self):
            return "asyncgen_hooks(firstiter=%r, finalizer=%r)" % tuple(self)

        def __reduce__(self):
            return (asyncgen_hooks, (tuple(self),))

    asyncgen_hooks.__module__ = "sys"

    def get_asyncgen_hooks():
        """Return the installed asynchronous generators hooks.

This returns a namedtuple of the form (firstiter, finalizer)."""
        return asyncgen_hooks((hooks[0], hooks[1]))

    def set_asyncgen_hooks(firstiter=missing, finalizer=missing):
        """set_asyncgen_hooks(* [, firstiter] [, finalizer])

Set a finalizer for async generators objects."""
        if finalizer is not missing and finalizer is not None \
                and not callable(finalizer):
            raise TypeError("callable finalizer expected, got %s"
                            % type(finalizer).__name__)
        if firstiter is not missing and firstiter is not None \
                and not callable(firstiter):
            raise TypeError("callable firstiter expected, got %s"
                            % type(firstiter).__name__)
        if finalizer is not missing:
            hooks[1] = finalizer
        if firstiter is not missing:
            hooks[0] = firstiter

    return get_asyncgen_hooks, set_asyncgen_hooks


get_asyncgen_hooks, set_asyncgen_hooks = _asyncgen_hooks_api()
del _asyncgen_hooks_api
