# pyvm's struct sequences for native modules (pwd.struct_passwd,
# grp.struct_group, resource.struct_rusage): tuples with named read-only
# fields, repr'd as CPython's structseq. Executed in a native module's
# namespace; the module calls _structseq to make each class.


def _structseq(module, name, fields, doc=None):
    n = len(fields)
    qual = module + "." + name

    def __new__(cls, sequence, dict=None):
        sequence = tuple(sequence)
        if len(sequence) != n:
            raise TypeError("%s() takes a %d-sequence (%d-sequence given)"
                            % (qual, n, len(sequence)))
        return tuple.__new__(cls, sequence)

    def __repr__(self):
        return qual + "(" + ", ".join(
            "%s=%r" % (f, v) for f, v in zip(fields, self)) + ")"

    def __reduce__(self):
        return (type(self), (tuple(self), {}))

    ns = {
        "__new__": __new__,
        "__repr__": __repr__,
        "__reduce__": __reduce__,
        "__doc__": doc,
        "__module__": module,
        "__slots__": (),
        "__match_args__": tuple(fields),
        "n_fields": n,
        "n_sequence_fields": n,
        "n_unnamed_fields": 0,
    }
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
    return type(name, (tuple,), ns)
