//! The builtin exception classes beyond `BaseException` itself: the parts
//! of the hierarchy the one-base table in `types.rs` cannot say
//! (`ExceptionGroup` has two bases, `IOError` is an alias), construction
//! rules per class (`OSError(errno, ...)` picks its subclass, exception
//! groups check their arguments) and the per-class attributes and `str()`.
//!
//! Attributes CPython keeps in C slots (`errno`, `filename`, `name`, ...)
//! live in the exception's instance dict; those CPython derives from
//! `args` (`StopIteration.value`, `SystemExit.code`, ...) are computed on
//! access unless the dict overrides them.

use pyvm_objmodel::Value;

use super::call::Args;
use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{ExcField, Kind, TypeField};
use super::types::{GlobalSlot, TypeId};

/// `errno` values that make `OSError(errno, ...)` a subclass (Linux numbers).
const ERRNO_CLASSES: &[(i64, TypeId)] = &[
    (11, TypeId::BlockingIOError),  // EAGAIN / EWOULDBLOCK
    (114, TypeId::BlockingIOError), // EALREADY
    (115, TypeId::BlockingIOError), // EINPROGRESS
    (10, TypeId::ChildProcessError),
    (32, TypeId::BrokenPipeError),
    (108, TypeId::BrokenPipeError), // ESHUTDOWN
    (103, TypeId::ConnectionAbortedError),
    (111, TypeId::ConnectionRefusedError),
    (104, TypeId::ConnectionResetError),
    (17, TypeId::FileExistsError),
    (2, TypeId::FileNotFoundError),
    (21, TypeId::IsADirectoryError),
    (20, TypeId::NotADirectoryError),
    (4, TypeId::InterruptedError),
    (13, TypeId::PermissionError),
    (1, TypeId::PermissionError),
    (3, TypeId::ProcessLookupError),
    (110, TypeId::TimeoutError),
];

/// Completes the exception hierarchy after the types are created.
pub fn fix_hierarchy(vm: &mut Vm) -> PyResult<()> {
    // class ExceptionGroup(BaseExceptionGroup, Exception)
    let ids = [
        TypeId::ExceptionGroup,
        TypeId::BaseExceptionGroup,
        TypeId::Exception,
        TypeId::BaseException,
        TypeId::Object,
    ];
    let mro: Vec<Value> = ids.iter().map(|&t| vm.ty(t)).collect();
    let mro = vm.new_tuple(&mro)?;
    let eg = vm.ty(TypeId::ExceptionGroup);
    vm.set_field(eg, TypeField::Mro as usize, mro);
    let bases = [vm.ty(TypeId::BaseExceptionGroup), vm.ty(TypeId::Exception)];
    let bases = vm.new_tuple(&bases)?;
    let eg = vm.ty(TypeId::ExceptionGroup);
    vm.set_field(eg, TypeField::Bases as usize, bases);
    for alias in ["EnvironmentError", "IOError"] {
        let b = vm.global(GlobalSlot::Builtins);
        let t = vm.ty(TypeId::OSError);
        vm.dict_set_str(b, alias, t)?;
    }
    Ok(())
}

impl Vm {
    /// Whether the class at `class` is builtin type `t` or a subclass.
    fn class_is(&self, class: Value, t: TypeId) -> bool {
        self.is_subclass(class, self.ty(t))
    }

    /// Creates an instance of the exception class at temp `callee` from
    /// `args` (what `BaseException.__new__` and the builtin `__init__`s of
    /// CPython do together); the caller then runs a user `__init__`.
    pub(crate) fn construct_exception(&mut self, callee: usize, args: Args) -> PyResult<Value> {
        let npos = args.npos(self);
        let nkw = args.nkw(self);
        let class = self.temp(callee);
        let user_init = match self.lookup_type_attr(class, "__init__")? {
            Some(f) => self.kind_of(f) == Some(Kind::Function),
            None => false,
        };
        let class = self.temp(callee);
        if class == self.ty(TypeId::OSError) && (2..=5).contains(&npos) {
            let errno = args.get(self, 0).as_int();
            if let Some(&(_, t)) = ERRNO_CLASSES.iter().find(|e| Some(e.0) == errno) {
                let sub = self.ty(t);
                self.roots().temps[callee] = sub;
            }
        }
        let class = self.temp(callee);
        if self.class_is(class, TypeId::BaseExceptionGroup) {
            return self.construct_group(callee, args, user_init);
        }
        // Keyword arguments: ImportError(name=, path=), AttributeError and
        // NameError (name=, obj=); others only when a user __init__ takes them.
        let kw_names: &[&str] = if self.class_is(class, TypeId::ImportError) {
            &["name", "path"]
        } else if self.class_is(class, TypeId::AttributeError) {
            &["name", "obj"]
        } else if self.class_is(class, TypeId::NameError) {
            &["name"]
        } else {
            &[]
        };
        if nkw > 0 && !user_init {
            let k = args.kw.expect("keywords");
            for j in 0..nkw {
                let name = self.tuple_items(self.temp(k))[j];
                let text = self.str_text(name).into_owned();
                if !kw_names.contains(&text.as_str()) {
                    let cn = self.class_name(self.temp(callee));
                    let msg = if kw_names.is_empty() {
                        format!("{cn}() takes no keyword arguments")
                    } else {
                        format!("'{text}' is an invalid keyword argument for {cn}()")
                    };
                    return Err(self.type_error(&msg));
                }
            }
        }
        let items: Vec<Value> = (0..npos).map(|i| args.get(self, i)).collect();
        let is_os = self.class_is(class, TypeId::OSError);
        let stored = if is_os && (3..=5).contains(&npos) {
            &items[..2]
        } else {
            &items[..]
        };
        let t = self.new_tuple(stored)?;
        let class = self.temp(callee);
        let exc = self.new_exception(class, t)?;
        let ei = self.push_temp(exc);
        let r = (|| {
            if is_os && (2..=5).contains(&npos) {
                let names = ["errno", "strerror", "filename", "", "filename2"];
                for (i, n) in names.iter().enumerate() {
                    if i < npos && !n.is_empty() {
                        let v = args.get(self, i);
                        self.exc_dict_set(ei, n, v)?;
                    }
                }
            }
            if nkw > 0 && !user_init {
                for n in kw_names {
                    if let Some(v) = args.kwarg(self, n) {
                        self.exc_dict_set(ei, n, v)?;
                    }
                }
            }
            Ok(self.temp(ei))
        })();
        self.pop_temps(ei);
        r
    }

    /// Sets an entry of the exception at temp `ei`'s instance dict.
    pub(crate) fn exc_dict_set(&mut self, ei: usize, name: &str, v: Value) -> PyResult<()> {
        let vi = self.push_temp(v);
        let r = (|| {
            let mut d = self.field(self.temp(ei), ExcField::Dict as usize);
            if d.is_empty() {
                d = self.new_dict()?;
                self.set_field(self.temp(ei), ExcField::Dict as usize, d);
            }
            self.dict_set_str(d, name, self.temp(vi))
        })();
        self.pop_temps(vi);
        r
    }

    /// An entry of an exception's instance dict.
    pub(crate) fn exc_dict_get(&mut self, exc: Value, name: &str) -> PyResult<Option<Value>> {
        let d = self.field(exc, ExcField::Dict as usize);
        if self.kind_of(d) != Some(Kind::Dict) {
            return Ok(None);
        }
        self.dict_get_str(d, name)
    }

    fn construct_group(&mut self, callee: usize, args: Args, user_init: bool) -> PyResult<Value> {
        let npos = args.npos(self);
        let cn = "BaseExceptionGroup.__new__()";
        if npos != 2 {
            return Err(self.type_error(&format!("{cn} takes exactly 2 arguments ({npos} given)")));
        }
        if args.nkw(self) > 0 && !user_init {
            let n = self.class_name(self.temp(callee));
            return Err(self.type_error(&format!("{n}() takes no keyword arguments")));
        }
        let msg = args.get(self, 0);
        if !self.is_str(msg) {
            let t = self.type_name(msg);
            return Err(self.type_error(&format!("{cn} argument 1 must be str, not {t}")));
        }
        let seq = args.get(self, 1);
        if !matches!(self.kind_of(seq), Some(Kind::List | Kind::Tuple)) {
            return Err(self.type_error("second argument (exceptions) must be a sequence"));
        }
        let items = self.collect_iterable(seq)?;
        if items.is_empty() {
            return Err(self.raise_msg(
                TypeId::ValueError,
                "second argument (exceptions) must be a non-empty sequence",
            ));
        }
        let mut all_exceptions = true;
        for (i, &e) in items.iter().enumerate() {
            if self.kind_of(e) != Some(Kind::Exception) {
                return Err(self.raise_msg(
                    TypeId::ValueError,
                    &format!("Item {i} of second argument (exceptions) is not an exception"),
                ));
            }
            if !self.isinstance_of(e, TypeId::Exception) {
                all_exceptions = false;
            }
        }
        let class = self.temp(callee);
        if class == self.ty(TypeId::BaseExceptionGroup) {
            if all_exceptions {
                let eg = self.ty(TypeId::ExceptionGroup);
                self.roots().temps[callee] = eg;
            }
        } else if self.class_is(class, TypeId::Exception) && !all_exceptions {
            let msg = if class == self.ty(TypeId::ExceptionGroup) {
                "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
            } else {
                format!("Cannot nest BaseExceptions in '{}'", self.class_name(class))
            };
            return Err(self.type_error(&msg));
        }
        let pair = [args.get(self, 0), args.get(self, 1)];
        let t = self.new_tuple(&pair)?;
        let class = self.temp(callee);
        self.new_exception(class, t)
    }

    /// `exc.args[i]` if present.
    fn exc_arg(&self, exc: Value, i: usize) -> Option<Value> {
        let args = self.field(exc, ExcField::Args as usize);
        if self.kind_of(args) != Some(Kind::Tuple) {
            return None;
        }
        self.tuple_items(args).get(i).copied()
    }

    fn exc_nargs(&self, exc: Value) -> usize {
        let args = self.field(exc, ExcField::Args as usize);
        if self.kind_of(args) != Some(Kind::Tuple) {
            return 0;
        }
        self.tuple_items(args).len()
    }

    /// Per-class attributes of exceptions (None when `name` is not one).
    pub(crate) fn exception_attr(&mut self, exc: Value, name: &[u8]) -> PyResult<Option<Value>> {
        let name = std::str::from_utf8(name).unwrap_or("");
        let class = self.class_of(exc);
        let slot_names: &[&str] = if self.class_is(class, TypeId::StopIteration) {
            &["value"]
        } else if self.class_is(class, TypeId::SystemExit) {
            &["code"]
        } else if self.class_is(class, TypeId::OSError) {
            &[
                "errno",
                "strerror",
                "filename",
                "filename2",
                "characters_written",
            ]
        } else if self.class_is(class, TypeId::ImportError) {
            &["msg", "name", "path"]
        } else if self.class_is(class, TypeId::AttributeError) {
            &["name", "obj"]
        } else if self.class_is(class, TypeId::NameError) {
            &["name"]
        } else if self.class_is(class, TypeId::SyntaxError) {
            &[
                "msg",
                "filename",
                "lineno",
                "offset",
                "text",
                "end_lineno",
                "end_offset",
                "print_file_and_line",
            ]
        } else if self.class_is(class, TypeId::UnicodeError) {
            &["encoding", "object", "start", "end", "reason"]
        } else if self.class_is(class, TypeId::BaseExceptionGroup) {
            &["message", "exceptions"]
        } else {
            &[]
        };
        if name == "__traceback__" {
            let tb = self.field(exc, ExcField::Traceback as usize);
            return Ok(Some(if tb.is_empty() { Value::NONE } else { tb }));
        }
        if !slot_names.contains(&name) {
            return Ok(None);
        }
        let ei = self.push_temp(exc);
        let r = (|| {
            if let Some(v) = self.exc_dict_get(self.temp(ei), name)? {
                return Ok(Some(v));
            }
            let exc = self.temp(ei);
            if name == "exceptions" {
                let seq = self.exc_arg(exc, 1).unwrap_or(Value::NONE);
                let items = match self.kind_of(seq) {
                    Some(Kind::List) => self.list_vec(seq).clone(),
                    Some(Kind::Tuple) => return Ok(Some(seq)),
                    _ => Vec::new(),
                };
                return self.new_tuple(&items).map(Some);
            }
            Ok(Some(
                self.exception_derived_attr(exc, name.as_bytes())
                    .unwrap_or(Value::NONE),
            ))
        })();
        self.pop_temps(ei);
        r
    }
}

/// Attribute values derived from `args` (looked up before the dict defaults).
impl Vm {
    /// Computes attributes CPython derives from `args` at construction.
    pub(crate) fn exception_derived_attr(&mut self, exc: Value, name: &[u8]) -> Option<Value> {
        let class = self.class_of(exc);
        let n = self.exc_nargs(exc);
        match name {
            b"value" if self.class_is(class, TypeId::StopIteration) => {
                Some(self.exc_arg(exc, 0).unwrap_or(Value::NONE))
            }
            b"code" if self.class_is(class, TypeId::SystemExit) => Some(match n {
                0 => Value::NONE,
                1 => self.exc_arg(exc, 0).unwrap_or(Value::NONE),
                _ => self.field(exc, ExcField::Args as usize),
            }),
            b"msg" if self.class_is(class, TypeId::ImportError) => Some(if n == 1 {
                self.exc_arg(exc, 0)?
            } else {
                Value::NONE
            }),
            b"message" if self.class_is(class, TypeId::BaseExceptionGroup) => self.exc_arg(exc, 0),
            b"msg" if self.class_is(class, TypeId::SyntaxError) => {
                Some(self.exc_arg(exc, 0).unwrap_or(Value::NONE))
            }
            b"filename" | b"lineno" | b"offset" | b"text" | b"end_lineno" | b"end_offset"
                if self.class_is(class, TypeId::SyntaxError) =>
            {
                let info = self.exc_arg(exc, 1)?;
                if self.kind_of(info) != Some(Kind::Tuple) {
                    return Some(Value::NONE);
                }
                let i = match name {
                    b"filename" => 0,
                    b"lineno" => 1,
                    b"offset" => 2,
                    b"text" => 3,
                    b"end_lineno" => 4,
                    _ => 5,
                };
                Some(
                    self.tuple_items(info)
                        .get(i)
                        .copied()
                        .unwrap_or(Value::NONE),
                )
            }
            b"encoding" | b"object" | b"start" | b"end" | b"reason"
                if self.class_is(class, TypeId::UnicodeError) =>
            {
                let t = self.class_is(class, TypeId::UnicodeTranslateError);
                let names: &[&[u8]] = if t {
                    &[b"object", b"start", b"end", b"reason"]
                } else {
                    &[b"encoding", b"object", b"start", b"end", b"reason"]
                };
                let i = names.iter().position(|x| *x == name)?;
                Some(self.exc_arg(exc, i).unwrap_or(Value::NONE))
            }
            _ => None,
        }
    }

    /// `str()` of exceptions whose class formats it specially; None for the
    /// generic rule.
    pub(crate) fn special_exc_str(&mut self, exc: Value) -> PyResult<Option<String>> {
        let class = self.class_of(exc);
        let n = self.exc_nargs(exc);
        if self.class_is(class, TypeId::OSError) {
            let ei = self.push_temp(exc);
            let r = self.os_error_str(ei);
            self.pop_temps(ei);
            return r;
        }
        if self.class_is(class, TypeId::BaseExceptionGroup) {
            let Some(m) = self.exc_arg(exc, 0) else {
                return Ok(None);
            };
            let m = self.str_string(m)?;
            let excs = self.exc_arg(exc, 1).unwrap_or(Value::NONE);
            let k = match self.kind_of(excs) {
                Some(Kind::List) => self.list_vec(excs).len(),
                Some(Kind::Tuple) => self.tuple_items(excs).len(),
                _ => 0,
            };
            let s = if k == 1 { "" } else { "s" };
            return Ok(Some(format!("{m} ({k} sub-exception{s})")));
        }
        if self.class_is(class, TypeId::SyntaxError) && n == 2 {
            let ei = self.push_temp(exc);
            let r = (|| {
                let msg = self.exc_arg(self.temp(ei), 0).unwrap_or(Value::NONE);
                let msg = self.str_string(msg)?;
                let file = self.exception_derived_attr(self.temp(ei), b"filename");
                let line = self.exception_derived_attr(self.temp(ei), b"lineno");
                let file = match file {
                    Some(f) if self.is_str(f) => {
                        let t = self.str_text(f).into_owned();
                        Some(t.rsplit('/').next().unwrap_or("").to_string())
                    }
                    _ => None,
                };
                let line = line.and_then(|l| l.as_int());
                Ok(Some(match (file, line) {
                    (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
                    (Some(f), None) => format!("{msg} ({f})"),
                    (None, Some(l)) => format!("{msg} (line {l})"),
                    (None, None) => msg,
                }))
            })();
            self.pop_temps(ei);
            return r;
        }
        if self.class_is(class, TypeId::ImportError) {
            if let Some(m) = self.exc_dict_get(exc, "msg")?
                && !m.is_none()
            {
                return self.str_string(m).map(Some);
            }
            return Ok(None);
        }
        Ok(None)
    }

    fn os_error_str(&mut self, ei: usize) -> PyResult<Option<String>> {
        let exc = self.temp(ei);
        let errno = self.exc_dict_get(exc, "errno")?;
        let Some(errno) = errno else {
            return Ok(None);
        };
        let strerror = self
            .exc_dict_get(self.temp(ei), "strerror")?
            .unwrap_or(Value::NONE);
        let si = self.push_temp(strerror);
        let filename = self
            .exc_dict_get(self.temp(ei), "filename")?
            .unwrap_or(Value::NONE);
        let fi = self.push_temp(filename);
        let filename2 = self
            .exc_dict_get(self.temp(ei), "filename2")?
            .unwrap_or(Value::NONE);
        let f2i = self.push_temp(filename2);
        let e = self.str_string(errno)?;
        let s = self.str_string(self.temp(si))?;
        let out = if !self.temp(fi).is_none() {
            let f = self.repr_string(self.temp(fi))?;
            if !self.temp(f2i).is_none() {
                let f2 = self.repr_string(self.temp(f2i))?;
                format!("[Errno {e}] {s}: {f} -> {f2}")
            } else {
                format!("[Errno {e}] {s}: {f}")
            }
        } else {
            format!("[Errno {e}] {s}")
        };
        Ok(Some(out))
    }
}

impl Vm {
    /// `with` needs `__enter__` and `__exit__` on the type.
    pub(crate) fn check_context_manager(&mut self, mgr: Value) -> PyResult<()> {
        let mi = self.push_temp(mgr);
        let r = (|| {
            let class = self.class_of(self.temp(mi));
            let enter = self.lookup_type_attr(class, "__enter__")?;
            let class = self.class_of(self.temp(mi));
            let exit = self.lookup_type_attr(class, "__exit__")?;
            if enter.is_none() || exit.is_none() {
                let t = self.type_name(self.temp(mi));
                return Err(self.type_error(&format!(
                    "'{t}' object does not support the context manager protocol"
                )));
            }
            Ok(())
        })();
        self.pop_temps(mi);
        r
    }
}
