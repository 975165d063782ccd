//! `re.Pattern` methods and the scanner behind `finditer`.

use pyvm_objmodel::Value;

use super::subject::{Found, Mode};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

/// Pattern fields.
pub(super) const P_PATTERN: usize = 0;
pub(super) const P_FLAGS: usize = 1;
const P_CODE: usize = 2;
pub(super) const P_GROUPS: usize = 3;
pub(super) const P_GROUPINDEX: usize = 4;
pub(super) const P_INDEXGROUP: usize = 5;

/// Scanner fields.
const S_PATTERN: usize = 0;
const S_STRING: usize = 1;
const S_POS: usize = 2;
const S_ENDPOS: usize = 3;
const S_ADVANCE: usize = 4;

fn receiver(vm: &mut Vm, a: &Args, kind: Kind, meth: &str) -> PyResult<Value> {
    if a.npos(vm) == 0 || vm.kind_of(a.get(vm, 0)) != Some(kind) {
        let t = if kind == Kind::SrePattern {
            "re.Pattern"
        } else {
            "_sre.SRE_Scanner"
        };
        return Err(vm.type_error(&format!("descriptor '{meth}' requires a '{t}' object")));
    }
    Ok(a.get(vm, 0))
}

/// Argument `i` (counting the receiver) given by position or keyword.
pub(super) fn arg(vm: &Vm, a: &Args, i: usize, name: &str) -> Option<Value> {
    if i < a.npos(vm) {
        Some(a.get(vm, i))
    } else {
        a.kwarg(vm, name)
    }
}

fn code_of(vm: &Vm, p: Value) -> Vec<u32> {
    let code = vm.field(p, P_CODE);
    vm.tuple_items(code)
        .iter()
        .map(|v| v.as_int().unwrap_or(0) as u32)
        .collect()
}

fn groups_of(vm: &Vm, p: Value) -> usize {
    vm.field(p, P_GROUPS).as_int().unwrap_or(0).max(0) as usize
}

/// Checks the subject against the pattern's type; its length.
fn check_subject(vm: &mut Vm, p: Value, s: Value) -> PyResult<usize> {
    let Some((is_str, len)) = vm.sre_subject_kind(s) else {
        let t = vm.type_name(s);
        return Err(vm.type_error(&format!("expected string or bytes-like object, got '{t}'")));
    };
    let pat = vm.field(p, P_PATTERN);
    let pat_is_str = pat.is_none() || vm.kind_of(pat) == Some(Kind::Str);
    if pat_is_str != is_str {
        return Err(vm.type_error(if pat_is_str {
            "cannot use a string pattern on a bytes-like object"
        } else {
            "cannot use a bytes pattern on a string-like object"
        }));
    }
    Ok(len)
}

fn clamp_index(vm: &mut Vm, v: Option<Value>, default: i64, len: usize) -> PyResult<usize> {
    let i = match v {
        None => default,
        Some(v) => match vm.index_value(v) {
            Some(i) => i,
            None if vm.kind_of(v) == Some(Kind::BigInt) => {
                if vm.truthy(v)?
                    && !matches!(
                        vm.compare(
                            crate::runtime::ops::CmpOp::Lt,
                            v,
                            Value::from_int(0).unwrap_or(Value::NONE)
                        )?
                        .as_bool(),
                        Some(true)
                    )
                {
                    i64::MAX
                } else {
                    0
                }
            }
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    Ok(i.clamp(0, len as i64) as usize)
}

/// `(pattern, string, pos, endpos)` of a match-like call, all rooted:
/// returns the temp mark (pattern at `mark`, string at `mark + 1`).
fn match_args(vm: &mut Vm, a: &Args, meth: &str) -> PyResult<(usize, usize, usize)> {
    let p = receiver(vm, a, Kind::SrePattern, meth)?;
    let Some(s) = arg(vm, a, 1, "string") else {
        return Err(vm.type_error(&format!(
            "{meth}() missing required argument 'string' (pos 1)"
        )));
    };
    let len = check_subject(vm, p, s)?;
    let pos = clamp_index(vm, arg(vm, a, 2, "pos"), 0, len)?;
    let end = clamp_index(vm, arg(vm, a, 3, "endpos"), i64::MAX, len)?;
    let mark = vm.push_temp(a.get(vm, 0));
    let s = arg(vm, a, 1, "string").unwrap_or(Value::NONE);
    vm.push_temp(s);
    Ok((mark, pos, end))
}

/// Runs the pattern at temp `mark` over the string at `mark + 1`.
fn run_at(
    vm: &mut Vm,
    mark: usize,
    pos: usize,
    end: usize,
    mode: Mode,
    adv: bool,
) -> Option<Found> {
    let (p, s) = (vm.temp(mark), vm.temp(mark + 1));
    let code = code_of(vm, p);
    let groups = groups_of(vm, p);
    let text = vm.sre_text(s);
    if pos > end {
        return None;
    }
    vm.sre_run(&code, s, &text, pos, end, mode, adv, groups)
}

/// A `re.Match` for `found` (pattern at temp `mark`, string at `mark + 1`).
pub(super) fn new_match(
    vm: &mut Vm,
    mark: usize,
    pos: usize,
    end: usize,
    found: &Found,
) -> PyResult<Value> {
    let mut regs = Vec::with_capacity(found.spans.len() * 2);
    for span in &found.spans {
        let (a, b) = span.map(|(a, b)| (a as i64, b as i64)).unwrap_or((-1, -1));
        regs.push(Value::from_int(a).unwrap_or(Value::NONE));
        regs.push(Value::from_int(b).unwrap_or(Value::NONE));
    }
    let regs = vm.new_tuple(&regs)?;
    let lastindex = match found.lastindex {
        Some(i) => Value::from_int(i as i64).unwrap_or(Value::NONE),
        None => Value::NONE,
    };
    let fields = [
        vm.temp(mark + 1),
        vm.temp(mark),
        Value::from_int(pos as i64).unwrap_or(Value::NONE),
        Value::from_int(end as i64).unwrap_or(Value::NONE),
        regs,
        lastindex,
    ];
    let class = vm.ty(TypeId::SreMatch);
    vm.alloc_record(Kind::SreMatch, class, &fields, 0)
}

fn do_match(vm: &mut Vm, a: Args, meth: &str, mode: Mode) -> PyResult<Value> {
    let (mark, pos, end) = match_args(vm, &a, meth)?;
    let r = match run_at(vm, mark, pos, end, mode, false) {
        Some(found) => new_match(vm, mark, pos, end, &found),
        None => Ok(Value::NONE),
    };
    vm.pop_temps(mark);
    r
}

/// `Pattern.match(string, pos=0, endpos=sys.maxsize)`.
pub(super) fn match_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_match(vm, a, "match", Mode::Match)
}

/// `Pattern.fullmatch(string, pos=0, endpos=sys.maxsize)`.
pub(super) fn fullmatch(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_match(vm, a, "fullmatch", Mode::FullMatch)
}

/// `Pattern.search(string, pos=0, endpos=sys.maxsize)`.
pub(super) fn search(vm: &mut Vm, a: Args) -> PyResult<Value> {
    do_match(vm, a, "search", Mode::Search)
}

fn list_push(vm: &mut Vm, li: usize, x: Value) {
    let l = vm.temp(li);
    vm.list_vec(l).push(x);
    // SAFETY: the list is live, rooted at temp `li`.
    unsafe { vm.barrier(l) };
}

/// Group `g` of `found` as a string (`default` when unset).
fn group_value(
    vm: &mut Vm,
    s_at: usize,
    found: &Found,
    g: usize,
    default: Value,
) -> PyResult<Value> {
    match found.spans.get(g).copied().flatten() {
        Some((a, b)) => {
            let s = vm.temp(s_at);
            vm.sre_slice(s, a, b)
        }
        None => Ok(default),
    }
}

/// `Pattern.findall(string, pos=0, endpos=sys.maxsize)`.
pub(super) fn findall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (mark, pos, end) = match_args(vm, &a, "findall")?;
    let r = findall_inner(vm, mark, pos, end);
    vm.pop_temps(mark);
    r
}

fn findall_inner(vm: &mut Vm, mark: usize, mut pos: usize, end: usize) -> PyResult<Value> {
    let list = vm.new_list(&[])?;
    let li = vm.push_temp(list);
    let groups = groups_of(vm, vm.temp(mark));
    let empty = vm.sre_slice(vm.temp(mark + 1), 0, 0)?;
    let ei = vm.push_temp(empty);
    let mut adv = false;
    while let Some(found) = run_at(vm, mark, pos, end, Mode::Search, adv) {
        let (start, stop) = found.spans[0].unwrap_or((pos, pos));
        let item = match groups {
            0 => group_value(vm, mark + 1, &found, 0, Value::NONE)?,
            1 => group_value(vm, mark + 1, &found, 1, vm.temp(ei))?,
            _ => {
                let t0 = vm.temps_len();
                for g in 1..=groups {
                    let v = group_value(vm, mark + 1, &found, g, vm.temp(ei))?;
                    vm.push_temp(v);
                }
                let items: Vec<Value> = (t0..vm.temps_len()).map(|i| vm.temp(i)).collect();
                let t = vm.new_tuple(&items);
                vm.pop_temps(t0);
                t?
            }
        };
        list_push(vm, li, item);
        adv = stop == start;
        pos = stop;
    }
    Ok(vm.temp(li))
}

/// `Pattern.finditer(string, pos=0, endpos=sys.maxsize)`: the matches are
/// found up front (pyvm has no callable-iterator over the scanner yet).
pub(super) fn finditer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (mark, mut pos, end) = match_args(vm, &a, "finditer")?;
    let r = (|| {
        let list = vm.new_list(&[])?;
        let li = vm.push_temp(list);
        let mut adv = false;
        while let Some(found) = run_at(vm, mark, pos, end, Mode::Search, adv) {
            let (start, stop) = found.spans[0].unwrap_or((pos, pos));
            let m = new_match(vm, mark, pos, end, &found)?;
            list_push(vm, li, m);
            adv = stop == start;
            pos = stop;
        }
        let l = vm.temp(li);
        vm.get_iter(l)
    })();
    vm.pop_temps(mark);
    r
}

/// `Pattern.split(string, maxsplit=0)`.
pub(super) fn split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = receiver(vm, &a, Kind::SrePattern, "split")?;
    let Some(s) = arg(vm, &a, 1, "string") else {
        return Err(vm.type_error("split() missing required argument 'string' (pos 1)"));
    };
    let len = check_subject(vm, p, s)?;
    let maxsplit = match arg(vm, &a, 2, "maxsplit") {
        Some(v) => vm.index_value(v).unwrap_or(0),
        None => 0,
    };
    let mark = vm.push_temp(a.get(vm, 0));
    let s = arg(vm, &a, 1, "string").unwrap_or(Value::NONE);
    vm.push_temp(s);
    let r = (|| {
        let list = vm.new_list(&[])?;
        let li = vm.push_temp(list);
        let groups = groups_of(vm, vm.temp(mark));
        let (mut last, mut pos, mut adv, mut n) = (0usize, 0usize, false, 0i64);
        while maxsplit <= 0 || n < maxsplit {
            let Some(found) = run_at(vm, mark, pos, len, Mode::Search, adv) else {
                break;
            };
            let (start, stop) = found.spans[0].unwrap_or((pos, pos));
            let piece = vm.sre_slice(vm.temp(mark + 1), last, start)?;
            list_push(vm, li, piece);
            for g in 1..=groups {
                let v = group_value(vm, mark + 1, &found, g, Value::NONE)?;
                list_push(vm, li, v);
            }
            n += 1;
            adv = stop == start;
            last = stop;
            pos = stop;
        }
        let piece = vm.sre_slice(vm.temp(mark + 1), last, len)?;
        list_push(vm, li, piece);
        Ok(vm.temp(li))
    })();
    vm.pop_temps(mark);
    r
}

/// `Pattern.sub(repl, string, count=0)`.
pub(super) fn sub(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, _) = subx(vm, a, "sub")?;
    Ok(s)
}

/// `Pattern.subn(repl, string, count=0)`.
pub(super) fn subn(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (s, n) = subx(vm, a, "subn")?;
    let si = vm.push_temp(s);
    let n = vm.new_i64(n as i64)?;
    let t = vm.new_tuple(&[vm.temp(si), n]);
    vm.pop_temps(si);
    t
}

fn subx(vm: &mut Vm, a: Args, meth: &str) -> PyResult<(Value, usize)> {
    let p = receiver(vm, &a, Kind::SrePattern, meth)?;
    let (Some(repl), Some(s)) = (arg(vm, &a, 1, "repl"), arg(vm, &a, 2, "string")) else {
        return Err(vm.type_error(&format!(
            "{meth}() missing required argument 'string' (pos 2)"
        )));
    };
    let len = check_subject(vm, p, s)?;
    let count = match arg(vm, &a, 3, "count") {
        Some(v) => vm.index_value(v).unwrap_or(0),
        None => 0,
    };
    let mark = vm.push_temp(p);
    vm.push_temp(s);
    vm.push_temp(repl);
    let r = subx_inner(vm, mark, len, count);
    vm.pop_temps(mark);
    r
}

fn subx_inner(vm: &mut Vm, mark: usize, len: usize, count: i64) -> PyResult<(Value, usize)> {
    // A template with backslashes goes through `re._subx`, which gives a
    // literal or a function of the match (as CPython does).
    let repl = vm.temp(mark + 2);
    // A bytes subject takes bytes pieces (same layout as str).
    let text_kind = if vm.kind_of(vm.temp(mark + 1)) == Some(Kind::Bytes) {
        Kind::Bytes
    } else {
        Kind::Str
    };
    let is_str = vm.kind_of(repl) == Some(text_kind);
    if (is_str && vm.str_bytes(repl).contains(&b'\\')) || (!is_str && !is_callable(vm, repl)?) {
        let re = vm.import_module("re")?;
        let f = vm.new_str("_subx")?;
        let f = vm.get_attr(re, f)?;
        let filter = vm.call_value(f, &[vm.temp(mark), vm.temp(mark + 2)])?;
        vm.roots().temps[mark + 2] = filter;
    }
    let repl = vm.temp(mark + 2);
    let literal = vm.kind_of(repl) == Some(text_kind);
    let mut out: Vec<u8> = Vec::new();
    let mut chars = 0usize;
    let (mut last, mut pos, mut adv, mut n) = (0usize, 0usize, false, 0usize);
    while count <= 0 || (n as i64) < count {
        let Some(found) = run_at(vm, mark, pos, len, Mode::Search, adv) else {
            break;
        };
        let (start, stop) = found.spans[0].unwrap_or((pos, pos));
        let piece = vm.sre_slice(vm.temp(mark + 1), last, start)?;
        out.extend_from_slice(vm.str_bytes(piece));
        chars += start - last;
        let item = if literal {
            vm.temp(mark + 2)
        } else {
            let m = new_match(vm, mark, 0, len, &found)?;
            vm.call_value(vm.temp(mark + 2), &[m])?
        };
        if !item.is_none() {
            if vm.kind_of(item) != Some(text_kind) {
                let t = vm.type_name(item);
                let want = if text_kind == Kind::Bytes {
                    "a bytes-like object"
                } else {
                    "str instance"
                };
                return Err(vm.type_error(&format!(
                    "sequence item {}: expected {want}, {t} found",
                    2 * n + 1
                )));
            }
            out.extend_from_slice(vm.str_bytes(item));
            chars += vm.str_chars(item);
        }
        n += 1;
        adv = stop == start;
        last = stop;
        pos = stop;
    }
    let piece = vm.sre_slice(vm.temp(mark + 1), last, len)?;
    out.extend_from_slice(vm.str_bytes(piece));
    chars += len - last;
    if text_kind == Kind::Bytes {
        return Ok((vm.new_bytes(&out)?, n));
    }
    Ok((vm.alloc_str_bytes(&out, chars)?, n))
}

/// `Pattern.scanner(string, pos=0, endpos=sys.maxsize)`.
pub(super) fn scanner(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (mark, pos, end) = match_args(vm, &a, "scanner")?;
    let fields = [
        vm.temp(mark),
        vm.temp(mark + 1),
        Value::from_int(pos as i64).unwrap_or(Value::NONE),
        Value::from_int(end as i64).unwrap_or(Value::NONE),
        Value::FALSE,
    ];
    let class = vm.ty(TypeId::SreScanner);
    let r = vm.alloc_record(Kind::SreScanner, class, &fields, 0);
    vm.pop_temps(mark);
    r
}

fn scanner_step(vm: &mut Vm, a: Args, mode: Mode) -> PyResult<Value> {
    let sc = receiver(vm, &a, Kind::SreScanner, "search")?;
    let pos = vm.field(sc, S_POS).as_int().unwrap_or(0);
    let end = vm.field(sc, S_ENDPOS).as_int().unwrap_or(0);
    if pos < 0 || pos > end {
        return Ok(Value::NONE);
    }
    let (pos, end) = (pos as usize, end as usize);
    let adv = vm.field(sc, S_ADVANCE).as_bool() == Some(true);
    let mark = vm.push_temp(vm.field(sc, S_PATTERN));
    vm.push_temp(vm.field(sc, S_STRING));
    let r = match run_at(vm, mark, pos, end, mode, adv) {
        Some(found) => {
            let (start, stop) = found.spans[0].unwrap_or((pos, pos));
            let m = new_match(vm, mark, pos, end, &found);
            let sc = a.get(vm, 0);
            vm.set_field(
                sc,
                S_POS,
                Value::from_int(stop as i64).unwrap_or(Value::NONE),
            );
            vm.set_field(sc, S_ADVANCE, Value::from_bool(stop == start));
            m
        }
        None => {
            let sc = a.get(vm, 0);
            vm.set_field(sc, S_POS, Value::from_int(-1).unwrap_or(Value::NONE));
            Ok(Value::NONE)
        }
    };
    vm.pop_temps(mark);
    r
}

/// `SRE_Scanner.match()`.
pub(super) fn scanner_match(vm: &mut Vm, a: Args) -> PyResult<Value> {
    scanner_step(vm, a, Mode::Match)
}

/// `SRE_Scanner.search()`.
pub(super) fn scanner_search(vm: &mut Vm, a: Args) -> PyResult<Value> {
    scanner_step(vm, a, Mode::Search)
}

const FLAG_NAMES: [(i64, &str); 9] = [
    (1, "re.TEMPLATE"),
    (2, "re.IGNORECASE"),
    (4, "re.LOCALE"),
    (8, "re.MULTILINE"),
    (16, "re.DOTALL"),
    (32, "re.UNICODE"),
    (64, "re.VERBOSE"),
    (128, "re.DEBUG"),
    (256, "re.ASCII"),
];

/// `repr(pattern)`: `re.compile('a+', re.IGNORECASE)`.
pub(super) fn repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = receiver(vm, &a, Kind::SrePattern, "__repr__")?;
    let s = repr_text(vm, p)?;
    vm.new_str(&s)
}

pub(super) fn repr_text(vm: &mut Vm, p: Value) -> PyResult<String> {
    let mut flags = vm.field(p, P_FLAGS).as_int().unwrap_or(0);
    let pat = vm.field(p, P_PATTERN);
    let is_str = vm.kind_of(pat) == Some(Kind::Str);
    let text = vm.repr_string(pat)?;
    let text: String = text.chars().take(200).collect();
    if is_str && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut names = Vec::new();
    for (bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    Ok(if names.is_empty() {
        format!("re.compile({text})")
    } else {
        format!("re.compile({text}, {})", names.join("|"))
    })
}

/// `pattern == other`: same pattern, flags and program.
pub(super) fn eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = receiver(vm, &a, Kind::SrePattern, "__eq__")?;
    let o = a.get(vm, 1);
    if vm.kind_of(o) != Some(Kind::SrePattern) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if p == o {
        return Ok(Value::TRUE);
    }
    if vm.field(p, P_FLAGS) != vm.field(o, P_FLAGS) || code_of(vm, p) != code_of(vm, o) {
        return Ok(Value::FALSE);
    }
    let (x, y) = (vm.field(p, P_PATTERN), vm.field(o, P_PATTERN));
    Ok(Value::from_bool(vm.eq_values(x, y)?))
}

/// `hash(pattern)`: from the pattern text and flags.
pub(super) fn hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let p = receiver(vm, &a, Kind::SrePattern, "__hash__")?;
    let flags = vm.field(p, P_FLAGS).as_int().unwrap_or(0);
    let pat = vm.field(p, P_PATTERN);
    let h = vm.hash_value(pat)?;
    let mut x = h ^ flags.wrapping_mul(1_000_003);
    if x == -1 {
        x = -2;
    }
    vm.new_i64(x)
}

fn is_callable(vm: &mut Vm, v: Value) -> PyResult<bool> {
    Ok(match vm.kind_of(v) {
        Some(Kind::Function | Kind::Builtin | Kind::BoundMethod | Kind::Type) => true,
        Some(Kind::Str) | None => false,
        Some(_) => {
            let class = vm.class_of(v);
            vm.lookup_type_attr(class, "__call__")?.is_some()
        }
    })
}
