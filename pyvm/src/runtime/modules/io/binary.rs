//! Binary-only methods of the `_io` types: `readinto`, `peek`, `readall`
//! and `BytesIO.getbuffer`. Reading and writing bytes themselves go
//! through the shared `read`/`write` in `methods.rs`.

use pyvm_objmodel::Value;

use super::methods::{check_open, check_readable, read, read_error};
use super::{IoState, io_box};
use crate::runtime::bytes_obj::ViewField;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

fn int(n: usize) -> Value {
    Value::from_int(n as i64).unwrap_or(Value::NONE)
}

/// AttributeError for a method a text stream does not have.
fn text_has_no(vm: &mut Vm, f: Value, name: &str) -> PyResult<()> {
    if matches!(
        io_box(vm, f).map(|b| &b.state),
        Some(IoState::Text(_) | IoState::Str(_))
    ) {
        let t = vm.type_name(f);
        return Err(vm.raise_msg(
            TypeId::AttributeError,
            &format!("'_io.{t}' object has no attribute '{name}'"),
        ));
    }
    Ok(())
}

/// `readinto(b)`: reads up to `len(b)` bytes into the writable buffer `b`
/// (a bytearray or a memoryview of one); returns the count.
pub fn readinto(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "readinto");
    text_has_no(vm, f, "readinto")?;
    crate::runtime::builtins::arity(vm, &a, "readinto", 2, 2)?;
    let b = a.get(vm, 1);
    let target = match vm.kind_of(b) {
        Some(Kind::ByteArray) => Some((b, 0, vm.bytearray_vec(b).len() as i64, 1)),
        Some(Kind::MemoryView) => {
            vm.view_check(b)?;
            let obj = vm.field(b, ViewField::Obj as usize);
            let (start, len, step) = vm.view_range(b);
            (vm.kind_of(obj) == Some(Kind::ByteArray)).then_some((obj, start, len, step))
        }
        _ => None,
    };
    let Some((obj, start, len, step)) = target else {
        let t = vm.type_name(b);
        return Err(vm.type_error(&format!(
            "readinto() argument must be read-write bytes-like object, not {t}"
        )));
    };
    check_readable(vm, f)?;
    let oi = vm.push_temp(obj);
    let waited = super::wait::wait_readable(vm, a.get(vm, 0));
    let obj = vm.temp(oi);
    vm.pop_temps(oi);
    waited?;
    let f = a.get(vm, 0);
    let got = match io_box(vm, f).map(|b| &mut b.state) {
        Some(IoState::File(file)) => file.borrow_mut().read(Some(len.max(0) as usize)),
        _ => Ok(Vec::new()),
    };
    let data = got.map_err(|e| read_error(vm, e))?;
    let v = vm.bytearray_vec(obj);
    for (i, &byte) in data.iter().enumerate() {
        if let Some(slot) = v.get_mut((start + step * i as i64) as usize) {
            *slot = byte;
        }
    }
    Ok(int(data.len()))
}

/// `peek(size=0)`: buffered bytes from the position, without moving it
/// (reads one chunk when nothing is buffered).
pub fn peek(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "peek");
    text_has_no(vm, f, "peek")?;
    check_readable(vm, f)?;
    let f = a.get(vm, 0);
    let got = match io_box(vm, f).map(|b| &mut b.state) {
        Some(IoState::File(file)) => {
            let mut file = file.borrow_mut();
            file.peek_more()
                .map(|_| file.rbuf[file.rpos.min(file.rbuf.len())..].to_vec())
        }
        _ => Ok(Vec::new()),
    };
    let data = got.map_err(|e| read_error(vm, e))?;
    vm.new_bytes(&data)
}

/// `readall()`: everything to end of file.
pub fn readall(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "readall");
    text_has_no(vm, f, "readall")?;
    read(vm, a)
}

/// `BytesIO.getbuffer()`: a memoryview of a copy of the contents (pyvm's
/// memoryviews cannot yet share the BytesIO's own storage, so writes
/// through it do not reach the BytesIO).
pub fn getbuffer(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "getbuffer");
    let data = match io_box(vm, f).map(|b| &b.state) {
        Some(IoState::File(file)) => {
            let mut file = file.borrow_mut();
            let _ = file.flush();
            file.mem.clone()
        }
        _ => None,
    };
    let Some(data) = data else {
        let t = vm.type_name(f);
        return Err(vm.raise_msg(
            TypeId::AttributeError,
            &format!("'_io.{t}' object has no attribute 'getbuffer'"),
        ));
    };
    check_open(vm, f)?;
    let n = data.len() as i64;
    let ba = vm.new_bytearray(&data)?;
    let view = vm.new_view(ba, 0, n, 1)?;
    // Writing to the BytesIO is refused while the view is exported.
    vm.register_export(view, a.get(vm, 0));
    Ok(view)
}

/// `f.__repr__()`.
pub fn io_repr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let f = io_recv!(vm, a, "__repr__");
    let text = io_repr_string(vm, f)?;
    vm.new_str(&text)
}

/// `repr(f)`: `<_io.TextIOWrapper name='x' mode='r' encoding='UTF-8'>`,
/// `<_io.FileIO name='x' mode='rb' closefd=True>`,
/// `<_io.BufferedReader name='x'>`, `<_io.BytesIO object at 0x...>`.
pub fn io_repr_string(vm: &mut Vm, f: Value) -> PyResult<String> {
    let t = vm.type_name(f).to_string();
    let fields: &[&str] = match t.as_str() {
        "TextIOWrapper" => &["name", "mode", "encoding"],
        "FileIO" => &["name", "mode", "closefd"],
        "BufferedReader" | "BufferedWriter" | "BufferedRandom" => &["name"],
        _ => &[],
    };
    if fields.is_empty() {
        return Ok(format!("<_io.{t} object at {:#x}>", vm.id_of(f)));
    }
    let fi = vm.push_temp(f);
    let d = vm.field(f, 0);
    // The key allocates: `f` is read again from its temp below.
    match vm.dict_get_str(d, "closed") {
        Ok(Some(Value::TRUE)) if t == "FileIO" => {
            vm.pop_temps(fi);
            return Ok("<_io.FileIO [closed]>".to_string());
        }
        Ok(_) => {}
        Err(e) => {
            vm.pop_temps(fi);
            return Err(e);
        }
    }
    let mut text = format!("<_io.{t}");
    let r = (|| {
        for name in fields {
            let d = vm.field(vm.temp(fi), 0);
            let Some(v) = vm.dict_get_str(d, name)? else {
                continue;
            };
            let r = vm.repr_string(v)?;
            text.push_str(&format!(" {name}={r}"));
        }
        Ok(())
    })();
    vm.pop_temps(fi);
    r?;
    text.push('>');
    Ok(text)
}
