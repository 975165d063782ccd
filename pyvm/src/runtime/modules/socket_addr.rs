//! Socket addresses: Python address objects to C `sockaddr`s and back,
//! with CPython's errors. `AF_INET` is `(host, port)`, `AF_INET6`
//! `(host, port[, flowinfo[, scope_id]])`, `AF_UNIX` a str or bytes path
//! (a leading NUL byte names the Linux abstract namespace).

use pyvm_objmodel::Value;

use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

/// A C socket address and its length.
#[derive(Clone, Copy)]
pub(super) struct SockAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    /// An empty address with room for any family.
    pub fn empty() -> SockAddr {
        SockAddr {
            // SAFETY: sockaddr_storage is plain bytes; all zero is valid.
            storage: unsafe { std::mem::zeroed() },
            len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }

    pub fn ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }

    pub fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }

    fn from_raw<T>(raw: &T) -> SockAddr {
        let mut a = SockAddr::empty();
        let n = std::mem::size_of::<T>();
        // SAFETY: T is a sockaddr_* structure no larger than sockaddr_storage.
        unsafe {
            std::ptr::copy_nonoverlapping(
                (raw as *const T).cast::<u8>(),
                a.mut_ptr().cast::<u8>(),
                n,
            );
        }
        a.len = n as libc::socklen_t;
        a
    }
}

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

/// An int argument as `PyArg_ParseTuple`'s `i` reads it.
pub(super) fn c_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let n = match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
        Some(n) => n,
        None => match vm.index_value(v) {
            Some(n) => n,
            None if vm.kind_of(v) == Some(Kind::BigInt) => {
                return Err(vm.raise_msg(
                    TypeId::OverflowError,
                    "Python int too large to convert to C long",
                ));
            }
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    if n > i32::MAX as i64 {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "signed integer is greater than maximum",
        ));
    }
    if n < i32::MIN as i64 {
        return Err(vm.raise_msg(TypeId::OverflowError, "signed integer is less than minimum"));
    }
    Ok(n)
}

/// The bytes of a host name argument (str, bytes or bytearray).
pub(super) fn host_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if vm.is_str(v) {
        return Ok(vm.str_text(v).as_bytes().to_vec());
    }
    match vm.kind_of(v) {
        Some(Kind::Bytes) => Ok(vm.bytes_data(v).to_vec()),
        Some(Kind::ByteArray) => Ok(vm.bytearray_vec(v).clone()),
        _ => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("str, bytes or bytearray expected, not {t}")))
        }
    }
}

/// Raises `socket.gaierror` for a `getaddrinfo`/`getnameinfo` error code
/// (an OSError for `EAI_SYSTEM`).
pub(super) fn gai_error(vm: &mut Vm, code: i32) -> crate::runtime::exception::Raised {
    if code == libc::EAI_SYSTEM {
        let e = super::syscall::errno();
        return vm.raise_os_error(e, None);
    }
    // SAFETY: gai_strerror returns a static NUL-terminated message.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    raise_module_error(vm, "gaierror", code, &msg)
}

/// Raises `_socket.<class>(code, msg)` (`gaierror`, `herror`).
pub(super) fn raise_module_error(
    vm: &mut Vm,
    class: &str,
    code: i32,
    msg: &str,
) -> crate::runtime::exception::Raised {
    let made = (|| -> PyResult<Value> {
        let cls = super::pwd_grp::module_attr(vm, "_socket", class)?;
        let ci = vm.push_temp(cls);
        let m = vm.new_str(msg);
        let r = m.and_then(|m| vm.call_value(vm.temp(ci), &[int(code as i64), m]));
        vm.pop_temps(ci);
        r
    })();
    match made {
        Ok(e) => vm.raise_value(e),
        Err(e) => e,
    }
}

/// Resolves `host` for `family` as CPython's `setipaddr`: `''` is the
/// wildcard, `'<broadcast>'` the broadcast address, numeric addresses are
/// parsed, other names looked up.
fn resolve(vm: &mut Vm, host: &[u8], family: i32) -> PyResult<SockAddr> {
    if host.is_empty() {
        return lookup(vm, None, family, libc::AI_PASSIVE);
    }
    if family == libc::AF_INET && (host == b"<broadcast>" || host == b"255.255.255.255") {
        return Ok(inet(u32::MAX.to_be_bytes(), 0));
    }
    let text = String::from_utf8_lossy(host);
    if family == libc::AF_INET
        && let Ok(a) = text.parse::<std::net::Ipv4Addr>()
    {
        return Ok(inet(a.octets(), 0));
    }
    if family == libc::AF_INET6
        && let Ok(a) = text.parse::<std::net::Ipv6Addr>()
    {
        return Ok(inet6(a.octets(), 0, 0, 0));
    }
    lookup(vm, Some(host), family, 0)
}

/// The first address `getaddrinfo` gives for `host`.
fn lookup(vm: &mut Vm, host: Option<&[u8]>, family: i32, flags: i32) -> PyResult<SockAddr> {
    if host.is_some_and(|h| h.contains(&0)) {
        return Err(vm.raise_msg(TypeId::ValueError, "embedded null character"));
    }
    let c = host.map(|h| std::ffi::CString::new(h).unwrap_or_default());
    // SAFETY: zeroed hints are valid; we set the fields we need.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = family;
    hints.ai_flags = flags;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let service = c"0";
    let rc = super::syscall::blocking(vm, || {
        // SAFETY: NUL-terminated strings, valid hints, `res` receives a list we free.
        unsafe {
            libc::getaddrinfo(
                c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
                if host.is_none() {
                    service.as_ptr()
                } else {
                    std::ptr::null()
                },
                &hints,
                &mut res,
            )
        }
    });
    if rc != 0 {
        return Err(gai_error(vm, rc));
    }
    let mut out = SockAddr::empty();
    // SAFETY: getaddrinfo succeeded, so `res` is a non-empty list.
    unsafe {
        let ai = &*res;
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), out.mut_ptr().cast::<u8>(), n);
        out.len = n as libc::socklen_t;
        libc::freeaddrinfo(res);
    }
    Ok(out)
}

fn inet(ip: [u8; 4], port: u16) -> SockAddr {
    // SAFETY: all-zero is a valid sockaddr_in.
    let mut sa: libc::sockaddr_in = unsafe { std::mem::zeroed() };
    sa.sin_family = libc::AF_INET as libc::sa_family_t;
    sa.sin_port = port.to_be();
    sa.sin_addr.s_addr = u32::from_ne_bytes(ip);
    SockAddr::from_raw(&sa)
}

fn inet6(ip: [u8; 16], port: u16, flowinfo: u32, scope: u32) -> SockAddr {
    // SAFETY: all-zero is a valid sockaddr_in6.
    let mut sa: libc::sockaddr_in6 = unsafe { std::mem::zeroed() };
    sa.sin6_family = libc::AF_INET6 as libc::sa_family_t;
    sa.sin6_port = port.to_be();
    sa.sin6_flowinfo = flowinfo.to_be();
    sa.sin6_scope_id = scope;
    sa.sin6_addr.s6_addr = ip;
    SockAddr::from_raw(&sa)
}

/// The tuple items of an address, or CPython's "must be tuple" error.
fn tuple_items(vm: &mut Vm, v: Value, caller: &str, fam: &str) -> PyResult<Vec<Value>> {
    if vm.kind_of(v) != Some(Kind::Tuple) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("{caller}(): {fam} address must be tuple, not {t}")));
    }
    Ok(vm.tuple_items(v).to_vec())
}

fn port_of(vm: &mut Vm, v: Value, caller: &str) -> PyResult<u16> {
    let p = c_int(vm, v)?;
    if !(0..=65535).contains(&p) {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            &format!("{caller}(): port must be 0-65535."),
        ));
    }
    Ok(p as u16)
}

/// Converts the address object `v` of `family` (CPython's
/// `getsockaddrarg`; `caller` names the method in errors).
pub(super) fn parse(vm: &mut Vm, family: i32, v: Value, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_INET => {
            let items = tuple_items(vm, v, caller, "AF_INET")?;
            if items.len() != 2 {
                return Err(vm.type_error("AF_INET address must be a pair (host, port)"));
            }
            let host = host_bytes(vm, items[0])?;
            let port = port_of(vm, items[1], caller)?;
            let mut a = resolve(vm, &host, libc::AF_INET)?;
            set_port(&mut a, port);
            Ok(a)
        }
        libc::AF_INET6 => {
            let items = tuple_items(vm, v, caller, "AF_INET6")?;
            if !(2..=4).contains(&items.len()) {
                return Err(vm.type_error(
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])",
                ));
            }
            let host = host_bytes(vm, items[0])?;
            let port = port_of(vm, items[1], caller)?;
            let flow = match items.get(2) {
                Some(&f) => unsigned(vm, f)?,
                None => 0,
            };
            let scope = match items.get(3) {
                Some(&s) => unsigned(vm, s)?,
                None => 0,
            };
            if flow > 0xfffff {
                return Err(vm.raise_msg(
                    TypeId::OverflowError,
                    &format!("{caller}(): flowinfo must be 0-1048575."),
                ));
            }
            let mut a = resolve(vm, &host, libc::AF_INET6)?;
            if a.storage.ss_family as i32 == libc::AF_INET6 {
                // SAFETY: the storage holds a sockaddr_in6.
                let sa = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_in6) };
                sa.sin6_port = port.to_be();
                sa.sin6_flowinfo = (flow as u32).to_be();
                sa.sin6_scope_id = scope as u32;
            }
            Ok(a)
        }
        libc::AF_UNIX => {
            let path: Vec<u8> = if vm.is_str(v) {
                vm.str_text(v).as_bytes().to_vec()
            } else {
                match vm.buffer_copy(v)? {
                    Some(b) => b,
                    None => {
                        let t = vm.type_name(v);
                        return Err(
                            vm.type_error(&format!("a bytes-like object is required, not '{t}'"))
                        );
                    }
                }
            };
            // SAFETY: all-zero is a valid sockaddr_un.
            let mut sa: libc::sockaddr_un = unsafe { std::mem::zeroed() };
            if path.len() >= sa.sun_path.len() + usize::from(path.first() == Some(&0)) {
                return Err(vm.raise_msg(TypeId::OSError, "AF_UNIX path too long"));
            }
            sa.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, &s) in sa.sun_path.iter_mut().zip(&path) {
                *d = s as libc::c_char;
            }
            let mut a = SockAddr::from_raw(&sa);
            let base = std::mem::size_of::<libc::sa_family_t>();
            a.len = (base + path.len() + usize::from(path.first() != Some(&0))) as libc::socklen_t;
            if path.first() == Some(&0) {
                a.len = (base + path.len()) as libc::socklen_t;
            }
            Ok(a)
        }
        _ => Err(vm.raise_msg(TypeId::OSError, &format!("{caller}(): bad family"))),
    }
}

/// An unsigned C int (`I`), for flowinfo and scope id.
fn unsigned(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let n = match v.as_int() {
        Some(n) => n,
        None => {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    if !(0..=u32::MAX as i64).contains(&n) {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "Python int too large to convert to C unsigned long",
        ));
    }
    Ok(n)
}

fn set_port(a: &mut SockAddr, port: u16) {
    match a.storage.ss_family as i32 {
        libc::AF_INET => {
            // SAFETY: the storage holds a sockaddr_in.
            let sa = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_in) };
            sa.sin_port = port.to_be();
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a sockaddr_in6.
            let sa = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_in6) };
            sa.sin6_port = port.to_be();
        }
        _ => {}
    }
}

/// The address text of an IPv4 or IPv6 socket address.
pub(super) fn ip_text(a: &SockAddr) -> Option<String> {
    match a.storage.ss_family as i32 {
        libc::AF_INET => {
            // SAFETY: the storage holds a sockaddr_in.
            let sa = unsafe { &*(a.ptr() as *const libc::sockaddr_in) };
            Some(std::net::Ipv4Addr::from(sa.sin_addr.s_addr.to_ne_bytes()).to_string())
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a sockaddr_in6.
            let sa = unsafe { &*(a.ptr() as *const libc::sockaddr_in6) };
            Some(std::net::Ipv6Addr::from(sa.sin6_addr.s6_addr).to_string())
        }
        _ => None,
    }
}

/// The Python object for a C socket address (CPython's `makesockaddr`).
pub(super) fn to_value(vm: &mut Vm, a: &SockAddr) -> PyResult<Value> {
    if (a.len as usize) < std::mem::size_of::<libc::sa_family_t>() {
        return Ok(Value::NONE);
    }
    match a.storage.ss_family as i32 {
        libc::AF_INET => {
            // SAFETY: the storage holds a sockaddr_in.
            let sa = unsafe { &*(a.ptr() as *const libc::sockaddr_in) };
            let port = u16::from_be(sa.sin_port);
            let h = vm.new_str(&ip_text(a).unwrap_or_default())?;
            vm.new_tuple(&[h, int(port as i64)])
        }
        libc::AF_INET6 => {
            // SAFETY: the storage holds a sockaddr_in6.
            let sa = unsafe { &*(a.ptr() as *const libc::sockaddr_in6) };
            let (port, flow, scope) = (
                u16::from_be(sa.sin6_port),
                u32::from_be(sa.sin6_flowinfo),
                sa.sin6_scope_id,
            );
            let h = vm.new_str(&ip_text(a).unwrap_or_default())?;
            vm.new_tuple(&[h, int(port as i64), int(flow as i64), int(scope as i64)])
        }
        libc::AF_UNIX => {
            // SAFETY: the storage holds a sockaddr_un.
            let sa = unsafe { &*(a.ptr() as *const libc::sockaddr_un) };
            let base = std::mem::size_of::<libc::sa_family_t>();
            let n = (a.len as usize).saturating_sub(base).min(sa.sun_path.len());
            let raw: Vec<u8> = sa.sun_path[..n].iter().map(|&c| c as u8).collect();
            if raw.first() == Some(&0) {
                return vm.new_bytes(&raw);
            }
            let end = raw.iter().position(|&c| c == 0).unwrap_or(raw.len());
            vm.new_str(&String::from_utf8_lossy(&raw[..end]))
        }
        fam => {
            let data: Vec<u8> = {
                // SAFETY: the storage holds `len` bytes of address.
                let bytes =
                    unsafe { std::slice::from_raw_parts(a.ptr().cast::<u8>(), a.len as usize) };
                bytes[std::mem::size_of::<libc::sa_family_t>()..].to_vec()
            };
            let b = vm.new_bytes(&data)?;
            vm.new_tuple(&[int(fam as i64), b])
        }
    }
}
