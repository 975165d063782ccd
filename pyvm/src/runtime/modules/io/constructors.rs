//! Constructors of `StringIO`, `BytesIO`, `FileIO`, `TextIOWrapper` and
//! the buffered classes.

use pyvm_objmodel::Value;

use super::methods::bytes_data;
use super::text::{Newline, StrBuf, TextState, errors_lookup, lookup_encoding};
use super::{IoState, io_box, new_io, set_io_attr};
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

pub(super) fn stringio_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let init = if a.npos(vm) > 0 {
        Some(a.get(vm, 0))
    } else {
        a.kwarg(vm, "initial_value")
    };
    let text = match init {
        None => String::new(),
        Some(v) if v.is_none() => String::new(),
        Some(v) if vm.is_str(v) => vm.str_text(v).into_owned(),
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("initial_value must be str or None, not {t}")));
        }
    };
    let nl = if a.npos(vm) > 1 {
        Some(a.get(vm, 1))
    } else {
        a.kwarg(vm, "newline")
    };
    let newline = match nl {
        None => Some("\n".to_string()),
        Some(v) if v.is_none() => None,
        Some(v) if vm.is_str(v) => {
            let s = vm.str_text(v).into_owned();
            if !matches!(s.as_str(), "" | "\n" | "\r" | "\r\n") {
                return Err(
                    vm.raise_msg(TypeId::ValueError, &format!("illegal newline value: {s}"))
                );
            }
            Some(s)
        }
        Some(v) => {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("newline must be str or None, not {t}")));
        }
    };
    let mut buf = StrBuf {
        text: String::new(),
        pos: 0,
        newline,
    };
    buf.write(&text);
    buf.pos = 0;
    let obj = new_io(vm, TypeId::StringIO, IoState::Str(buf), Value::NONE)?;
    let oi = vm.push_temp(obj);
    let r = (|| {
        set_io_attr(vm, vm.temp(oi), "closed", Value::FALSE)?;
        set_io_attr(vm, vm.temp(oi), "line_buffering", Value::FALSE)?;
        set_io_attr(vm, vm.temp(oi), "newlines", Value::NONE)?;
        Ok(vm.temp(oi))
    })();
    vm.pop_temps(oi);
    r
}

pub(super) fn bytesio_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let init = if a.npos(vm) > 0 {
        Some(a.get(vm, 0))
    } else {
        a.kwarg(vm, "initial_bytes")
    };
    let data = match init {
        None => Vec::new(),
        Some(v) if v.is_none() => Vec::new(),
        Some(v) => bytes_data(vm, v)?,
    };
    let file = std::rc::Rc::new(std::cell::RefCell::new(super::FdFile::memory(data)));
    let obj = new_io(vm, TypeId::BytesIO, IoState::File(file), Value::NONE)?;
    let oi = vm.push_temp(obj);
    let r = set_io_attr(vm, vm.temp(oi), "closed", Value::FALSE);
    let obj = vm.temp(oi);
    vm.pop_temps(oi);
    r.map(|_| obj)
}

pub(super) fn fileio_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    // FileIO(file, mode='r', closefd=True) is open(file, mode + 'b', 0).
    let mark = vm.temps_len();
    let file = if a.npos(vm) > 0 {
        a.get(vm, 0)
    } else {
        a.kwarg(vm, "file").unwrap_or(Value::NONE)
    };
    let mode = if a.npos(vm) > 1 {
        Some(a.get(vm, 1))
    } else {
        a.kwarg(vm, "mode")
    };
    let mut m = match mode {
        Some(v) if vm.is_str(v) => vm.str_text(v).into_owned(),
        _ => "r".to_string(),
    };
    if !m.contains('b') {
        m.push('b');
    }
    let closefd = if a.npos(vm) > 2 {
        Some(a.get(vm, 2))
    } else {
        a.kwarg(vm, "closefd")
    }
    .unwrap_or(Value::TRUE);
    vm.push_temp(file);
    let r = (|| {
        let mv = vm.new_str(&m)?;
        vm.push_temp(mv);
        vm.push_temp(Value::from_int(0).unwrap_or(Value::NONE));
        vm.push_temp(Value::NONE);
        vm.push_temp(Value::NONE);
        vm.push_temp(Value::NONE);
        vm.push_temp(closefd);
        super::open::open(
            vm,
            Args {
                start: mark,
                n: 7,
                kw: None,
            },
        )
    })();
    vm.pop_temps(mark);
    r
}

fn shared_file(vm: &mut Vm, v: Value) -> Option<std::rc::Rc<std::cell::RefCell<super::FdFile>>> {
    match io_box(vm, v).map(|b| &b.state) {
        Some(IoState::File(f)) => Some(f.clone()),
        _ => None,
    }
}

pub(super) fn textiowrapper_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(
            vm.type_error("TextIOWrapper.__init__() missing required argument 'buffer' (pos 1)")
        );
    }
    let buffer = a.get(vm, 0);
    let Some(file) = shared_file(vm, buffer) else {
        return super::pyio_fallback::construct(vm, a, "TextIOWrapper");
    };
    let get = |vm: &mut Vm, i: usize, name: &str| {
        if a.npos(vm) > i {
            Some(a.get(vm, i))
        } else {
            a.kwarg(vm, name)
        }
        .filter(|v| !v.is_none())
    };
    let enc = get(vm, 1, "encoding");
    let enc_name = match enc {
        Some(e) if vm.is_str(e) => vm.str_text(e).into_owned(),
        _ => "UTF-8".to_string(),
    };
    let Some(encoding) = lookup_encoding(&enc_name) else {
        return Err(vm.raise_msg(
            TypeId::LookupError,
            &format!("unknown encoding: {enc_name}"),
        ));
    };
    let errs = get(vm, 2, "errors");
    let errors_name = match errs {
        Some(e) if vm.is_str(e) => vm.str_text(e).into_owned(),
        _ => "strict".to_string(),
    };
    let errors = match errs {
        Some(e) if vm.is_str(e) => {
            errors_lookup(&vm.str_text(e)).unwrap_or(crate::runtime::text_codec::Handler::Strict)
        }
        _ => crate::runtime::text_codec::Handler::Strict,
    };
    let nl = get(vm, 3, "newline");
    let newline = match nl {
        None => Newline::Universal,
        Some(v) if vm.is_str(v) => match &*vm.str_text(v) {
            "" => Newline::UniversalRaw,
            s => Newline::Fixed(s.to_string()),
        },
        Some(_) => Newline::Universal,
    };
    let lb = match get(vm, 4, "line_buffering") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let state = TextState::new(file, encoding, errors, newline, lb);
    let obj = new_io(
        vm,
        TypeId::TextIOWrapper,
        IoState::Text(Box::new(state)),
        a.get(vm, 0),
    )?;
    let oi = vm.push_temp(obj);
    let r = (|| {
        set_io_attr(vm, vm.temp(oi), "closed", Value::FALSE)?;
        super::set_io_str(vm, vm.temp(oi), "encoding", &enc_name)?;
        super::set_io_str(vm, vm.temp(oi), "errors", &errors_name)?;
        set_io_attr(vm, vm.temp(oi), "newlines", Value::NONE)?;
        set_io_attr(vm, vm.temp(oi), "buffer", a.get(vm, 0))?;
        set_io_attr(vm, vm.temp(oi), "line_buffering", Value::from_bool(lb))?;
        let key = vm.new_str("name")?;
        if let Ok(n) = vm.get_attr(a.get(vm, 0), key) {
            set_io_attr(vm, vm.temp(oi), "name", n)?;
        } else {
            vm.take_raised();
        }
        Ok(vm.temp(oi))
    })();
    vm.pop_temps(oi);
    r
}

fn buffered_new(vm: &mut Vm, a: Args, t: TypeId, name: &str) -> PyResult<Value> {
    if a.npos(vm) == 0 {
        return Err(vm.type_error(&format!("{name}() missing required argument 'raw' (pos 1)")));
    }
    let raw = a.get(vm, 0);
    let Some(file) = shared_file(vm, raw) else {
        return super::pyio_fallback::construct(vm, a, name);
    };
    file.borrow_mut().buffered = true;
    let obj = new_io(vm, t, IoState::File(file), a.get(vm, 0))?;
    let oi = vm.push_temp(obj);
    let r = (|| {
        set_io_attr(vm, vm.temp(oi), "closed", Value::FALSE)?;
        set_io_attr(vm, vm.temp(oi), "raw", a.get(vm, 0))?;
        let key = vm.new_str("name")?;
        if let Ok(n) = vm.get_attr(a.get(vm, 0), key) {
            set_io_attr(vm, vm.temp(oi), "name", n)?;
        } else {
            vm.take_raised();
        }
        Ok(vm.temp(oi))
    })();
    vm.pop_temps(oi);
    r
}

pub(super) fn buffered_reader_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    buffered_new(vm, a, TypeId::BufferedReader, "BufferedReader")
}

pub(super) fn buffered_writer_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    buffered_new(vm, a, TypeId::BufferedWriter, "BufferedWriter")
}

pub(super) fn buffered_random_new(vm: &mut Vm, a: Args) -> PyResult<Value> {
    buffered_new(vm, a, TypeId::BufferedRandom, "BufferedRandom")
}
