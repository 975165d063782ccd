//! `types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)` and
//! assignment to `tb_next` (the only writable attribute), with CPython's
//! checks (no loops in the chain).

use pyvm_objmodel::Value;

use super::builtins::{NativeTable, Place};
use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{Kind, TB_FIELDS, TbField};
use super::types::TypeId;

/// The traceback constructor.
pub(crate) const TB_NATIVES: NativeTable = &[(
    "traceback",
    Place::Constructor(TypeId::Traceback),
    traceback_new,
)];

const PARAMS: [&str; 4] = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];

fn traceback_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let npos = a.npos(vm);
    if npos > 4 {
        return Err(vm.type_error(&format!(
            "TracebackType() takes at most 4 arguments ({npos} given)"
        )));
    }
    if let Some(k) = a.kw {
        let names = vm.tuple_items(vm.temp(k)).to_vec();
        for n in names {
            let t = vm.str_text(n).into_owned();
            match PARAMS.iter().position(|p| *p == t) {
                None => {
                    return Err(vm.type_error(&format!(
                        "TracebackType() got an unexpected keyword argument '{t}'"
                    )));
                }
                Some(i) if i < npos => {
                    return Err(vm.type_error(&format!(
                        "argument for TracebackType() given by name ('{t}') and position ({})",
                        i + 1
                    )));
                }
                _ => {}
            }
        }
    }
    let mut args = [Value::EMPTY; 4];
    for (i, slot) in args.iter_mut().enumerate() {
        let v = if i < npos {
            Some(a.get(vm, i))
        } else {
            a.kwarg(vm, PARAMS[i])
        };
        match v {
            Some(v) => *slot = v,
            None => {
                return Err(vm.type_error(&format!(
                    "TracebackType() missing required argument '{}' (pos {})",
                    PARAMS[i],
                    i + 1
                )));
            }
        }
    }
    let [next, frame, _, _] = args;
    if !next.is_none() && vm.kind_of(next) != Some(Kind::Traceback) {
        let t = vm.type_name(next);
        return Err(vm.type_error(&format!("expected traceback object or None, got '{t}'")));
    }
    let Some((code, globals)) = vm.frame_code_globals(frame) else {
        let t = vm.type_name(frame);
        return Err(vm.type_error(&format!(
            "TracebackType() argument 'tb_frame' must be frame, not {t}"
        )));
    };
    let pick = |vm: &Vm, i: usize| {
        if i < npos {
            a.get(vm, i)
        } else {
            a.kwarg(vm, PARAMS[i]).unwrap_or(Value::NONE)
        }
    };
    let mark = vm.temps_len();
    vm.roots()
        .temps
        .extend_from_slice(&[next, frame, code, globals]);
    let r = (|| {
        let lasti = vm.index_isize(pick(vm, 2))?;
        let lineno = vm.index_isize(pick(vm, 3))?;
        let mut f = [Value::NONE; TB_FIELDS];
        f[TbField::Next as usize] = vm.temp(mark);
        f[TbField::Frame as usize] = vm.temp(mark + 1);
        f[TbField::Code as usize] = vm.temp(mark + 2);
        f[TbField::Globals as usize] = vm.temp(mark + 3);
        f[TbField::Lasti as usize] = vm.new_i64(lasti / 2)?;
        f[TbField::Lineno as usize] = vm.new_i64(lineno)?;
        let class = vm.ty(TypeId::Traceback);
        vm.alloc_record(Kind::Traceback, class, &f, 0)
    })();
    vm.pop_temps(mark);
    r
}

impl Vm {
    /// `tb.<key> = value` (`value` EMPTY: `del`); `false` when `key` is
    /// not a traceback attribute.
    pub(crate) fn set_traceback_attr(
        &mut self,
        tb: Value,
        key: Value,
        value: Value,
    ) -> PyResult<bool> {
        let name = self.str_bytes(key);
        if matches!(name, b"tb_frame" | b"tb_lasti" | b"tb_lineno") {
            let n = self.str_text(key).into_owned();
            return Err(self.raise_msg(
                TypeId::AttributeError,
                &format!("attribute '{n}' of 'traceback' objects is not writable"),
            ));
        }
        if name != b"tb_next" {
            return Ok(false);
        }
        if value.is_empty() {
            return Err(self.type_error("can't delete tb_next attribute"));
        }
        if !value.is_none() {
            if self.kind_of(value) != Some(Kind::Traceback) {
                let t = self.type_name(value);
                return Err(self.type_error(&format!("expected traceback object, got '{t}'")));
            }
            let mut t = value;
            while self.kind_of(t) == Some(Kind::Traceback) {
                if t == tb {
                    return Err(self.raise_msg(TypeId::ValueError, "traceback loop detected"));
                }
                t = self.field(t, TbField::Next as usize);
            }
        }
        self.set_field(tb, TbField::Next as usize, value);
        Ok(true)
    }
}
