# Run by pyvm in the namespace of the stdlib's _pydecimal after it loads
# (stdlib_fixups.rs): CPython runs the C _decimal, whose messages differ
# from the pure-Python module's in a few places programs print.


def _pyvm_fixup():
    plain_hash = Decimal.__hash__

    def __hash__(self):
        if self._is_special and self._exp == 'N':
            raise TypeError('Cannot hash a signaling NaN value')
        return plain_hash(self)

    __hash__.__qualname__ = 'Decimal.__hash__'
    Decimal.__hash__ = __hash__


_pyvm_fixup()
del _pyvm_fixup
