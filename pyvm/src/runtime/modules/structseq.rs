//! Struct sequences (CPython's `structseq`): `os.stat_result`,
//! `os.uname_result`, `time.struct_time`, `os.terminal_size`... are tuple
//! subclasses whose first `n_sequence_fields` items are the tuple and whose
//! other fields (`st_atime_ns`, `tm_zone`) are attributes only.
//!
//! One factory, written in Python and compiled into the defining native
//! module at its first import, makes every such type: a `tuple` subclass
//! with CPython's constructor (`T(sequence, dict=None)` and its "takes an
//! at least N-sequence" errors), named read-only properties for the
//! sequence fields, the extra fields in the instance dict, CPython's repr
//! (`os.stat_result(st_mode=..., ...)`), `__reduce__`, `__match_args__`,
//! `n_fields`/`n_sequence_fields`/`n_unnamed_fields`. Natives make
//! instances with [`new_structseq`] (a call of the type with a tuple).

use pyvm_objmodel::Value;

use super::ModuleRef;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

/// The factory (`_structseq`), deleted from the module once the types
/// are made.
const FACTORY: &str = r#"
def _structseq(qualname, fields, n_seq, doc=None):
    module, _, name = qualname.rpartition('.')
    n_fields = len(fields)
    n_unnamed = sum(1 for f in fields if f is None)
    named = tuple(f for f in fields if f is not None)
    # CPython's repr names the visible items after the named members, in
    # order (so stat_result's unnamed int times print as st_atime=...).
    repr_names = named[:n_seq]
    extra = tuple(fields[n_seq:])

    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        n = len(seq)
        if n < n_seq:
            if n_seq == n_fields:
                raise TypeError(f"{qualname}() takes a {n_seq}-sequence ({n}-sequence given)")
            raise TypeError(f"{qualname}() takes an at least {n_seq}-sequence ({n}-sequence given)")
        if n > n_fields:
            if n_seq == n_fields:
                raise TypeError(f"{qualname}() takes a {n_seq}-sequence ({n}-sequence given)")
            raise TypeError(f"{qualname}() takes an at most {n_fields}-sequence ({n}-sequence given)")
        if dict is not None and not isinstance(dict, type({})):
            raise TypeError(f"{qualname}() takes a dict as second arg, if any")
        self = tuple.__new__(cls, seq[:n_seq])
        d = self.__dict__
        for i, f in enumerate(extra):
            if n_seq + i < n:
                d[f] = seq[n_seq + i]
            elif dict is not None and f in dict:
                d[f] = dict[f]
            else:
                d[f] = None
        if qualname == 'os.stat_result':
            # The float times default to the int ones (posixmodule.c).
            for i, f in enumerate(('st_atime', 'st_mtime', 'st_ctime')):
                if d[f] is None:
                    d[f] = seq[7 + i]
        return self

    def __repr__(self):
        parts = []
        for f, v in zip(repr_names, self):
            parts.append(f + '=' + repr(v))
        return qualname + '(' + ', '.join(parts) + ')'

    def __reduce__(self):
        d = {}
        for f in extra:
            if f is not None:
                d[f] = self.__dict__[f]
        return (type(self), (tuple(self), d))

    ns = {
        '__new__': __new__,
        '__repr__': __repr__,
        '__reduce__': __reduce__,
        '__module__': module,
        '__doc__': doc,
        '__match_args__': tuple(f for f in fields[:n_seq] if f is not None),
        'n_fields': n_fields,
        'n_sequence_fields': n_seq,
        'n_unnamed_fields': n_unnamed,
    }
    for i, f in enumerate(fields):
        if f is not None:
            ns[f] = _field(i if i < n_seq else f)
    return type(name, (tuple,), ns)


class _field:
    """A read-only field: an index into the tuple or an extra field's name."""
    __slots__ = ('key',)

    def __init__(self, key):
        self.key = key

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        if self.key.__class__ is int:
            return tuple.__getitem__(obj, self.key)
        return obj.__dict__[self.key]

    def __set__(self, obj, value):
        raise AttributeError('readonly attribute')

    def __delete__(self, obj):
        raise AttributeError('readonly attribute')
"#;

/// One struct-sequence type: module attribute, qualified name (`os.X`),
/// field names (None for unnamed sequence fields), number of sequence
/// fields.
pub(crate) struct StructSeq<'a> {
    pub attr: &'a str,
    pub qualname: &'a str,
    pub fields: &'a [Option<&'a str>],
    pub n_sequence: usize,
}

/// Makes the struct-sequence types `specs` as attributes of module `m`.
pub(crate) fn define(vm: &mut Vm, m: ModuleRef, specs: &[StructSeq]) -> PyResult<()> {
    let mut src = String::from(FACTORY);
    for s in specs {
        let fields: Vec<String> = s
            .fields
            .iter()
            .map(|f| match f {
                Some(n) => format!("'{n}'"),
                None => "None".into(),
            })
            .collect();
        src.push_str(&format!(
            "{} = _structseq('{}', ({},), {})\n",
            s.attr,
            s.qualname,
            fields.join(", "),
            s.n_sequence
        ));
    }
    src.push_str("del _structseq, _field\n");
    super::time_mod::exec_in_module(vm, m, &src, "<structseq>")
}

/// An instance of the struct-sequence type `class` holding the values on
/// the temps from `items_at` (sequence fields, then the others).
pub(crate) fn new_structseq(vm: &mut Vm, class: Value, items_at: usize) -> PyResult<Value> {
    let ci = vm.push_temp(class);
    let r = (|| {
        let items = vm.m.roots().temps[items_at..ci].to_vec();
        let t = vm.new_tuple(&items)?;
        vm.call_value(vm.temp(ci), &[t])
    })();
    vm.pop_temps(ci);
    r
}
