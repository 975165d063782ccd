//! Preallocated special-method names, so that looking up `__get__` or
//! `__init__` on a class allocates nothing (and the str hash is cached).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::types::GlobalSlot;

macro_rules! names {
    ($($variant:ident = $text:literal,)*) => {
        /// A preallocated name (index into the `GlobalSlot::Names` tuple).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Name { $($variant,)* }
        /// The text of each [`Name`], in order.
        pub const NAME_TEXT: &[&str] = &[$($text,)*];
    };
}

names! {
    Get = "__get__",
    Set = "__set__",
    Delete = "__delete__",
    Getattr = "__getattr__",
    Getattribute = "__getattribute__",
    Setattr = "__setattr__",
    Delattr = "__delattr__",
    Init = "__init__",
    New = "__new__",
    Call = "__call__",
    Hash = "__hash__",
    Eq = "__eq__",
    Ne = "__ne__",
    SetName = "__set_name__",
    InitSubclass = "__init_subclass__",
    ClassGetitem = "__class_getitem__",
    Prepare = "__prepare__",
    Instancecheck = "__instancecheck__",
    Subclasscheck = "__subclasscheck__",
    Class = "__class__",
    Dict = "__dict__",
    Slots = "__slots__",
    Classcell = "__classcell__",
    Qualname = "__qualname__",
    Module = "__module__",
    Doc = "__doc__",
    Name = "__name__",
    Index = "__index__",
    Metaclass = "metaclass",
    Repr = "__repr__",
    Str = "__str__",
    Format = "__format__",
    Len = "__len__",
    Bool = "__bool__",
    Iter = "__iter__",
    Next = "__next__",
    Contains = "__contains__",
    Getitem = "__getitem__",
    Setitem = "__setitem__",
    Delitem = "__delitem__",
    Enter = "__enter__",
    Exit = "__exit__",
    Mro = "mro",
    Int = "__int__",
    Float = "__float__",
    Dir = "__dir__",
    Missing = "__missing__",
    Reversed = "__reversed__",
    Abstractmethods = "__abstractmethods__",
    Weakref = "__weakref__",
    MroEntries = "__mro_entries__",
    Subclasshook = "__subclasshook__",
    Builtins = "__builtins__",
}

/// Allocates the names tuple into `Roots::globals`.
pub fn create_names(vm: &mut Vm) -> PyResult<()> {
    let mark = vm.temps_len();
    for t in NAME_TEXT {
        let s = vm.new_str(t);
        match s {
            Ok(s) => {
                vm.push_temp(s);
            }
            Err(e) => {
                vm.pop_temps(mark);
                return Err(e);
            }
        }
    }
    let items = vm.m.roots().temps[mark..].to_vec();
    let t = vm.new_tuple(&items);
    vm.pop_temps(mark);
    vm.roots().globals[GlobalSlot::Names as usize] = t?;
    Ok(())
}

impl Vm {
    /// The preallocated str for `n`.
    #[inline]
    pub fn name(&self, n: Name) -> Value {
        self.tuple_items(self.global(GlobalSlot::Names))[n as usize]
    }

    /// Whether the str `key` is the name `n` (by identity or by bytes).
    pub fn is_name(&self, key: Value, n: Name) -> bool {
        key == self.name(n) || self.str_bytes(key) == NAME_TEXT[n as usize].as_bytes()
    }
}
