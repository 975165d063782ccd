//! The tree builder: node classes looked up once per parse, nodes made on
//! the VM's temps (every converter pushes exactly one value, so children
//! stay rooted while their parent is allocated), positions from byte
//! offsets.

use std::collections::HashMap;

use pyvm_bytecode::parse_tree::ruff_text_size::{TextRange, TextSize};
use pyvm_bytecode::source::LineIndex;
use pyvm_objmodel::Value;

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

/// The classes the converters instantiate (all of `_ast`'s concrete ones).
const CLASS_NAMES: &[&str] = &[
    "Module",
    "Interactive",
    "Expression",
    "FunctionDef",
    "AsyncFunctionDef",
    "ClassDef",
    "Return",
    "Delete",
    "Assign",
    "AugAssign",
    "AnnAssign",
    "For",
    "AsyncFor",
    "While",
    "If",
    "With",
    "AsyncWith",
    "Match",
    "Raise",
    "Try",
    "TryStar",
    "Assert",
    "Import",
    "ImportFrom",
    "Global",
    "Nonlocal",
    "Expr",
    "Pass",
    "Break",
    "Continue",
    "BoolOp",
    "NamedExpr",
    "BinOp",
    "UnaryOp",
    "Lambda",
    "IfExp",
    "Dict",
    "Set",
    "ListComp",
    "SetComp",
    "DictComp",
    "GeneratorExp",
    "Await",
    "Yield",
    "YieldFrom",
    "Compare",
    "Call",
    "FormattedValue",
    "JoinedStr",
    "Constant",
    "Attribute",
    "Subscript",
    "Starred",
    "Name",
    "List",
    "Tuple",
    "Slice",
    "Load",
    "Store",
    "Del",
    "And",
    "Or",
    "Add",
    "Sub",
    "Mult",
    "MatMult",
    "Div",
    "Mod",
    "Pow",
    "LShift",
    "RShift",
    "BitOr",
    "BitXor",
    "BitAnd",
    "FloorDiv",
    "Invert",
    "Not",
    "UAdd",
    "USub",
    "Eq",
    "NotEq",
    "Lt",
    "LtE",
    "Gt",
    "GtE",
    "Is",
    "IsNot",
    "In",
    "NotIn",
    "comprehension",
    "ExceptHandler",
    "arguments",
    "arg",
    "keyword",
    "alias",
    "withitem",
    "match_case",
    "MatchValue",
    "MatchSingleton",
    "MatchSequence",
    "MatchMapping",
    "MatchClass",
    "MatchStar",
    "MatchAs",
    "MatchOr",
];

/// Converts one parsed source into `_ast` nodes.
pub(crate) struct Builder<'s> {
    pub(crate) src: &'s str,
    index: LineIndex,
    /// Temp holding the list of classes (in `CLASS_NAMES` order).
    classes: usize,
    /// Temp holding, per class, the tuple `_fields + _attributes`.
    keys: usize,
    by_name: HashMap<&'static str, usize>,
}

impl<'s> Builder<'s> {
    /// Looks the classes up in the `_ast` module `module` and roots them
    /// on the temps (two entries, popped by the caller's mark).
    pub(crate) fn new(vm: &mut Vm, module: Value, src: &'s str) -> PyResult<Builder<'s>> {
        let mi = vm.push_temp(module);
        let start = vm.temps_len();
        for name in CLASS_NAMES {
            let c = vm.get_attr_str(vm.temp(mi), name)?;
            vm.push_temp(c);
        }
        for (i, cname) in CLASS_NAMES.iter().enumerate() {
            let f = vm.get_attr_str(vm.temp(start + i), "_fields")?;
            let fi = vm.push_temp(f);
            let a = vm.get_attr_str(vm.temp(start + i), "_attributes")?;
            let ai = vm.push_temp(a);
            let (f, a) = (vm.temp(fi), vm.temp(ai));
            if vm.kind_of(f) != Some(crate::runtime::layout::Kind::Tuple)
                || vm.kind_of(a) != Some(crate::runtime::layout::Kind::Tuple)
            {
                return Err(vm.raise_msg(
                    TypeId::TypeError,
                    &format!("_ast.{cname}._fields and _attributes must be tuples"),
                ));
            }
            let mut all: Vec<Value> = vm.tuple_items(f).to_vec();
            all.extend_from_slice(vm.tuple_items(a));
            let t = vm.new_tuple(&all)?;
            vm.pop_temps(fi);
            vm.push_temp(t);
        }
        let n = CLASS_NAMES.len();
        let classes: Vec<Value> = (start..start + n).map(|i| vm.temp(i)).collect();
        let cl = vm.new_list(&classes)?;
        let cli = vm.push_temp(cl);
        let keys: Vec<Value> = (start + n..start + 2 * n).map(|i| vm.temp(i)).collect();
        let kl = vm.new_list(&keys)?;
        let cl = vm.temp(cli);
        vm.pop_temps(mi);
        let classes = vm.push_temp(cl);
        let keys = vm.push_temp(kl);
        let by_name = CLASS_NAMES
            .iter()
            .enumerate()
            .map(|(i, n)| (*n, i))
            .collect();
        Ok(Builder {
            src,
            index: LineIndex::new(src),
            classes,
            keys,
            by_name,
        })
    }

    /// (line, UTF-8 column) of a byte offset.
    pub(crate) fn position(&self, at: TextSize) -> (u32, u32) {
        self.index.position(at)
    }

    /// Makes a node of class `name` whose fields are the temps from
    /// `mark` on (in `_fields` order); pops them and pushes the node.
    pub(crate) fn finish(
        &mut self,
        vm: &mut Vm,
        name: &str,
        mark: usize,
        range: Option<TextRange>,
    ) -> PyResult<()> {
        let Some(&ci) = self.by_name.get(name) else {
            return Err(vm.raise_msg(TypeId::SystemError, &format!("no _ast class {name}")));
        };
        let cls = vm.list_vec(vm.temp(self.classes))[ci];
        let inst = vm.alloc_instance(cls)?;
        let ii = vm.push_temp(inst);
        let nfields = ii - mark;
        let positions = range.map(|r| {
            let (l1, c1) = self.position(r.start());
            let (l2, c2) = self.position(r.end());
            [l1, c1, l2, c2]
        });
        let total = nfields + positions.map_or(0, |_| 4);
        let nkeys = vm.tuple_items(vm.list_vec(vm.temp(self.keys))[ci]).len();
        if total > nkeys {
            return Err(vm.raise_msg(
                TypeId::SystemError,
                &format!("_ast.{name}: {total} values for {nkeys} fields"),
            ));
        }
        for i in 0..total {
            let keys = vm.list_vec(vm.temp(self.keys))[ci];
            let key = vm.tuple_items(keys)[i];
            let value = match positions {
                Some(p) if i >= nfields => Value::from_int(i64::from(p[i - nfields])).unwrap(),
                _ => vm.temp(mark + i),
            };
            let d = vm.field(vm.temp(ii), 0);
            vm.dict_set(d, key, value)?;
        }
        let node = vm.temp(ii);
        vm.pop_temps(mark);
        vm.push_temp(node);
        Ok(())
    }

    /// Pushes a node without fields (`Load()`, `Add()`...).
    pub(crate) fn singleton(&mut self, vm: &mut Vm, name: &str) -> PyResult<()> {
        let mark = vm.temps_len();
        self.finish(vm, name, mark, None)
    }

    /// Pushes a list of what `f` pushes for each item.
    pub(crate) fn seq<'a, T: 'a>(
        &mut self,
        vm: &mut Vm,
        items: impl IntoIterator<Item = &'a T>,
        mut f: impl FnMut(&mut Self, &mut Vm, &'a T) -> PyResult<()>,
    ) -> PyResult<()> {
        let mark = vm.temps_len();
        for it in items {
            f(self, vm, it)?;
        }
        let vals: Vec<Value> = (mark..vm.temps_len()).map(|i| vm.temp(i)).collect();
        let l = vm.new_list(&vals)?;
        vm.pop_temps(mark);
        vm.push_temp(l);
        Ok(())
    }

    /// Pushes a str.
    pub(crate) fn text(&mut self, vm: &mut Vm, s: &str) -> PyResult<()> {
        let v = vm.new_str(s)?;
        vm.push_temp(v);
        Ok(())
    }

    /// Pushes a str, or None.
    pub(crate) fn opt_text(&mut self, vm: &mut Vm, s: Option<&str>) -> PyResult<()> {
        match s {
            Some(s) => self.text(vm, s),
            None => {
                vm.push_temp(Value::NONE);
                Ok(())
            }
        }
    }

    /// Pushes an int.
    pub(crate) fn int(&mut self, vm: &mut Vm, i: i64) {
        vm.push_temp(Value::from_int(i).unwrap_or(Value::NONE));
    }

    /// The end of a compound statement whose block ends at `end`: CPython
    /// counts a trailing `;` of the block's last line.
    pub(crate) fn block_end(&self, end: TextSize) -> TextSize {
        let b = self.src.as_bytes();
        let mut i = u32::from(end) as usize;
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
            i += 1;
        }
        if b.get(i) == Some(&b';') {
            TextSize::from(i as u32 + 1)
        } else {
            end
        }
    }

    /// The offset of the first character other than a space at or after
    /// `at`.
    pub(crate) fn skip_spaces(&self, at: TextSize) -> TextSize {
        let b = self.src.as_bytes();
        let mut i = u32::from(at) as usize;
        while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c' | b'\n' | b'\r') {
            i += 1;
        }
        TextSize::from(i as u32)
    }

    /// The start of the keyword `kw` written before byte offset `at`
    /// (across spaces, tabs and line continuations), or `at`.
    pub(crate) fn keyword_before(&self, at: TextSize, kw: &str) -> TextSize {
        let b = self.src.as_bytes();
        let mut i = (u32::from(at) as usize).min(b.len());
        while i > 0 && matches!(b[i - 1], b' ' | b'\t' | b'\x0c' | b'\\' | b'\n' | b'\r') {
            i -= 1;
        }
        if b[..i].ends_with(kw.as_bytes()) {
            TextSize::from((i - kw.len()) as u32)
        } else {
            at
        }
    }
}
