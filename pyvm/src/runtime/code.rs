//! Code objects on the heap: bytecode plus materialized constants and names.

use std::sync::Arc;

use pyvm_bytecode::{CodeObject, Constant};
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::TypeId;

/// One pre-decoded instruction: the instruction and the word index of the
/// next one. Indexed by the word index of the instruction's first word.
pub type Decoded = (pyvm_bytecode::Instruction, u32);

/// What a code object owns off the heap: the bytecode and its instructions
/// decoded once (the dispatch loop indexes this instead of decoding words
/// at every step).
pub struct CodeBox {
    /// The compiled code.
    pub code: Arc<CodeObject>,
    /// `decoded[pc]` for every instruction start `pc`; words inside an
    /// instruction (after `ExtendedArg` prefixes) hold a `Nop` that is never
    /// a jump target.
    pub decoded: Arc<[Decoded]>,
    /// The inline caches, one per `CacheIdx` of the instructions.
    pub caches: Box<[std::cell::Cell<Option<GlobalCache>>]>,
    /// Caches of `LoadName`/`StoreName` (which have no `CacheIdx`), indexed
    /// by instruction word; allocated when such an instruction first runs.
    pub name_caches: std::cell::OnceCell<Box<[std::cell::Cell<Option<NameCache>>]>>,
    /// Caches of `LoadAttr`/`StoreAttr`/`LoadMethod` by `CacheIdx`
    /// (`interp/attr_cache.rs`); allocated at the first specialization.
    pub attr_caches: crate::runtime::interp::AttrCaches,
}

/// The cache of a `LoadName` or `StoreName` site: where the name was found,
/// valid while the keys-versions of the dicts searched are unchanged.
#[derive(Clone, Copy, Debug)]
pub struct NameCache {
    /// Keys-version of the locals (or, for a store, the target namespace).
    pub locals_version: u64,
    /// Keys-version of the globals (when found in globals or builtins).
    pub globals_version: u64,
    /// Keys-version of the builtins (when found there).
    pub builtins_version: u64,
    /// Entry of the name in the dict it was found in.
    pub at: pyvm_objmodel::EntryIndex,
    /// 0: locals, 1: globals, 2: builtins.
    pub place: u8,
}

/// The inline cache of a `LoadGlobal`: where the name was found, valid
/// while the dicts' keys-versions (process-unique PEP 509 tags, so they
/// also identify the dicts) are unchanged; rebinding a global keeps it
/// valid, adding or deleting a key invalidates it.
#[derive(Clone, Copy, Debug)]
pub struct GlobalCache {
    /// Keys-version of the globals dict when cached.
    pub globals_version: u64,
    /// Keys-version of the builtins dict (when found there).
    pub builtins_version: u64,
    /// Entry of the name.
    pub at: pyvm_objmodel::EntryIndex,
    /// Whether the name was found in the builtins.
    pub in_builtins: bool,
}

/// Decodes every instruction of `code`, indexed by word.
pub fn decode_code(code: &CodeObject) -> Option<Arc<[Decoded]>> {
    let all = pyvm_bytecode::encode::decode_all(&code.code).ok()?;
    let mut out: Vec<Decoded> = (0..code.code.len())
        .map(|i| (pyvm_bytecode::Instruction::Nop {}, i as u32 + 1))
        .collect();
    for (k, &(pc, instr)) in all.iter().enumerate() {
        let next = all.get(k + 1).map(|n| n.0).unwrap_or(code.code.len());
        out[pc] = (instr, next as u32);
    }
    Some(out.into())
}

impl Vm {
    /// Wraps a compiled code object (and, recursively, its nested ones).
    pub fn new_code(&mut self, code: Arc<CodeObject>) -> PyResult<Value> {
        let mark = self.temps_len();
        let r = self.new_code_inner(&code, mark);
        self.pop_temps(mark);
        r
    }

    fn new_code_inner(&mut self, code: &Arc<CodeObject>, mark: usize) -> PyResult<Value> {
        for c in &code.consts {
            let v = self.new_constant(c)?;
            self.push_temp(v);
        }
        let items = self.m.roots().temps[mark..].to_vec();
        let consts = self.new_tuple(&items)?;
        self.pop_temps(mark);
        self.push_temp(consts);
        for n in &code.names {
            let v = self.new_str(n)?;
            let v = self.intern(v)?;
            self.push_temp(v);
        }
        let items = self.m.roots().temps[mark + 1..].to_vec();
        let names = self.new_tuple(&items)?;
        let consts = self.temp(mark);
        let class = self.ty(TypeId::Code);
        let Some(decoded) = decode_code(code) else {
            return Err(self.raise_msg(TypeId::SystemError, "invalid bytecode"));
        };
        let boxed = Box::into_raw(Box::new(CodeBox {
            code: code.clone(),
            decoded,
            caches: (0..code.ncaches)
                .map(|_| std::cell::Cell::new(None))
                .collect(),
            name_caches: std::cell::OnceCell::new(),
            attr_caches: std::cell::OnceCell::new(),
        }));
        let r = self.alloc_record(Kind::Code, class, &[consts, names], boxed as u64);
        if r.is_err() {
            // SAFETY: the box was not handed to any object.
            drop(unsafe { Box::from_raw(boxed) });
        }
        r
    }

    /// The value of one constant.
    pub fn new_constant(&mut self, c: &Constant) -> PyResult<Value> {
        Ok(match c {
            Constant::None => Value::NONE,
            Constant::Bool(b) => Value::from_bool(*b),
            Constant::Int(i) => self.new_i64(*i)?,
            Constant::BigInt(b) => self.new_int((**b).clone())?,
            Constant::Float(f) => Value::from_float(*f),
            Constant::Ellipsis => Value::ELLIPSIS,
            Constant::Str(s) => self.alloc_str_bytes(s.as_bytes(), s.char_len())?,
            Constant::Tuple(items) => {
                let mark = self.temps_len();
                for it in items.iter() {
                    let v = match self.new_constant(it) {
                        Ok(v) => v,
                        Err(e) => {
                            self.pop_temps(mark);
                            return Err(e);
                        }
                    };
                    self.push_temp(v);
                }
                let vals = self.m.roots().temps[mark..].to_vec();
                let t = self.new_tuple(&vals);
                self.pop_temps(mark);
                t?
            }
            Constant::Code(code) => self.new_code(code.clone())?,
            Constant::Complex { re, im } => self.new_complex(*re, *im)?,
            Constant::Bytes(b) => self.new_bytes(b)?,
            Constant::FrozenSet(items) => {
                let mark = self.temps_len();
                let r = (|| {
                    for it in items.iter() {
                        let v = self.new_constant(it)?;
                        self.push_temp(v);
                    }
                    let s = self.new_set_like(true)?;
                    let si = self.push_temp(s);
                    for i in mark..si {
                        self.set_add_value(self.temp(si), self.temp(i))?;
                    }
                    Ok(self.temp(si))
                })();
                self.pop_temps(mark);
                r?
            }
        })
    }
}
