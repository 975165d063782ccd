//! `pyexpat`: the XML parser behind `xml.parsers.expat`, `xml.etree`,
//! `xml.dom.minidom`, `xml.sax` and `plistlib`. The module is Python
//! (`py/pyexpat.py`, pyvm's own: `xmlparser`, its handlers and
//! attributes, `ExpatError`, the `errors` and `model` submodules); the
//! tokenizer is Rust (`expat_tok.rs`), reached through the private natives
//! below. A feed returns the whole list of callbacks it found, which the
//! Python side then calls one by one, so no native holds a heap value
//! while Python code runs.

use pyvm_objmodel::Value;

use super::expat_tok::{Ev, Pos, Tok};
use super::native_types::NativeType;
use super::{ModuleRef, NativeModule};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

const SRC: &str = include_str!("../py/pyexpat.py");

/// The `pyexpat` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "pyexpat",
    functions: &[
        ("_new", new_state),
        ("_feed", feed),
        ("_set_table", set_table),
        ("_pos", position),
    ],
    init: Some(init),
};

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    super::time_mod::exec_in_module(vm, m, SRC, "<pyvm pyexpat>")
}

/// A parser's tokenizer state (a [`Tok`] off the heap).
pub(crate) static STATE: NativeType = NativeType {
    module: "pyexpat",
    name: "_state",
    ..NativeType::EMPTY
};

fn opt_str(vm: &Vm, v: Value) -> Option<String> {
    if vm.is_str(v) {
        Some(vm.str_text(v).into_owned())
    } else {
        None
    }
}

/// `_new(namespace_separator or None, encoding or None)`.
fn new_state(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let sep = opt_str(vm, a.get(vm, 0));
    let enc = opt_str(vm, a.get(vm, 1));
    vm.new_native_cell(&STATE, &[], Box::new(Tok::new(sep, enc)))
}

fn tok(vm: &mut Vm, v: Value) -> PyResult<&mut Tok> {
    if vm.native_rust::<Tok>(v).is_none() {
        return Err(vm.type_error("expected a pyexpat parser state"));
    }
    vm.native_rust::<Tok>(v)
        .ok_or_else(|| unreachable!("checked above"))
}

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap_or(Value::NONE)
}

/// One argument of an event tuple.
enum Item<'a> {
    S(&'a str),
    O(&'a Option<String>),
    I(i64),
    L(&'a [String]),
}

/// Appends `(kind, line, col, byte, items...)` to the list at temp `list`.
fn push_event(vm: &mut Vm, list: usize, kind: i64, p: Pos, items: &[Item]) -> PyResult<()> {
    let mark = vm.temps_len();
    let r = (|| {
        for v in [kind, p.line, p.col, p.byte] {
            vm.push_temp(int(v));
        }
        for it in items {
            let v = match it {
                Item::S(s) => vm.new_str(s)?,
                Item::O(Some(s)) => vm.new_str(s)?,
                Item::O(None) => Value::NONE,
                Item::I(i) => int(*i),
                Item::L(l) => {
                    let li = vm.new_list(&[])?;
                    let t = vm.push_temp(li);
                    for s in l.iter() {
                        let sv = vm.new_str(s)?;
                        let li = vm.temp(t);
                        vm.list_vec(li).push(sv);
                        // SAFETY: the list is rooted at temp `t`.
                        unsafe { vm.barrier(li) };
                    }
                    continue;
                }
            };
            vm.push_temp(v);
        }
        let items: Vec<Value> = (mark..vm.temps_len()).map(|i| vm.temp(i)).collect();
        let tuple = vm.new_tuple(&items)?;
        let l = vm.temp(list);
        vm.list_vec(l).push(tuple);
        // SAFETY: the list is rooted at temp `list`.
        unsafe { vm.barrier(l) };
        Ok(())
    })();
    vm.pop_temps(mark);
    r
}

/// `_feed(state, data: bytes, isfinal, namespace_prefixes, data was str)` →
/// `(events, error or None, encoding wanting a table or None)`.
fn feed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let data = vm.buffer_copy(a.get(vm, 1))?.unwrap_or_default();
    let fin = a.get(vm, 2) == Value::TRUE;
    let nsp = a.get(vm, 3) == Value::TRUE;
    let is_str = a.n > 4 && a.get(vm, 4) == Value::TRUE;
    let st = a.get(vm, 0);
    let t = tok(vm, st)?;
    t.ns_prefixes = nsp;
    if is_str {
        t.forced = Some("utf-8".into());
    }
    let mut evs = Vec::new();
    t.feed(&data, fin, &mut evs);
    let err = t.error;
    let want = t.want_table.clone().filter(|_| t.table.len() != 256);
    let list = vm.new_list(&[])?;
    let li = vm.push_temp(list);
    let r = (|| {
        for (p, ev) in &evs {
            use Item::*;
            match ev {
                Ev::Start(n, attrs, nspec) => {
                    push_event(vm, li, 0, *p, &[S(n), L(attrs), I(*nspec as i64)])?
                }
                Ev::End(n) => push_event(vm, li, 1, *p, &[S(n)])?,
                Ev::Chars(s) => push_event(vm, li, 2, *p, &[S(s)])?,
                Ev::Pi(t, d) => push_event(vm, li, 3, *p, &[S(t), S(d)])?,
                Ev::Comment(s) => push_event(vm, li, 4, *p, &[S(s)])?,
                Ev::StartCdata => push_event(vm, li, 5, *p, &[])?,
                Ev::EndCdata => push_event(vm, li, 6, *p, &[])?,
                Ev::XmlDecl(v, e, s) => push_event(vm, li, 7, *p, &[S(v), O(e), I(*s)])?,
                Ev::StartDoctype(n, s, pb, i) => {
                    push_event(vm, li, 8, *p, &[S(n), O(s), O(pb), I(*i as i64)])?
                }
                Ev::EndDoctype => push_event(vm, li, 9, *p, &[])?,
                Ev::NsStart(pf, u) => push_event(vm, li, 10, *p, &[O(pf), O(u)])?,
                Ev::NsEnd(pf) => push_event(vm, li, 11, *p, &[O(pf)])?,
                Ev::Default(s) => push_event(vm, li, 12, *p, &[S(s)])?,
                Ev::EntityDecl(n, par, v, sy, pb, no) => push_event(
                    vm,
                    li,
                    13,
                    *p,
                    &[S(n), I(*par as i64), O(v), O(&None), O(sy), O(pb), O(no)],
                )?,
                Ev::EntStart(raw) => push_event(vm, li, 14, *p, &[S(raw)])?,
                Ev::EntEnd => push_event(vm, li, 15, *p, &[])?,
                Ev::ElementDecl(n, spec) => push_event(vm, li, 16, *p, &[S(n), S(spec)])?,
                Ev::AttlistDecl(e, n, t, d, r) => {
                    push_event(vm, li, 17, *p, &[S(e), S(n), S(t), O(d), I(*r as i64)])?
                }
                Ev::NotationDecl(n, sy, pb) => {
                    push_event(vm, li, 18, *p, &[S(n), O(&None), O(sy), O(pb)])?
                }
            }
        }
        let e = match err {
            None => Value::NONE,
            Some((code, p)) => vm.new_tuple(&[int(code), int(p.line), int(p.col), int(p.byte)])?,
        };
        let ei = vm.push_temp(e);
        let w = match &want {
            Some(n) => vm.new_str(n)?,
            None => Value::NONE,
        };
        let wi = vm.push_temp(w);
        let items = [vm.temp(li), vm.temp(ei), vm.temp(wi)];
        vm.new_tuple(&items)
    })();
    vm.pop_temps(li);
    r
}

/// `_set_table(state, str of 256 characters)`: a single-byte encoding.
fn set_table(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = opt_str(vm, a.get(vm, 1)).unwrap_or_default();
    let st = a.get(vm, 0);
    let t = tok(vm, st)?;
    t.table = s.chars().collect();
    Ok(Value::NONE)
}

/// `_pos(state)` → `(line, column, byte index)` after the consumed input.
fn position(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let st = a.get(vm, 0);
    let p = tok(vm, st)?.current();
    vm.new_tuple(&[int(p.line), int(p.col), int(p.byte)])
}
