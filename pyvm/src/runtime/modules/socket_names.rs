//! `_socket`'s module functions: name resolution (`getaddrinfo`,
//! `getnameinfo`, `gethostby*`, `getservby*`, `getprotobyname`), address
//! text conversions (`inet_*`), byte order (`htons`...), interface names
//! and `CMSG_LEN`/`CMSG_SPACE`. Lookups that may wait on the network run
//! through `syscall::blocking`.

use std::ffi::{CStr, CString};

use pyvm_objmodel::Value;

use super::socket_addr::{self, SockAddr, c_int, gai_error, host_bytes, raise_module_error};
use super::syscall::blocking;
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

fn cstring(vm: &mut Vm, b: &[u8]) -> PyResult<CString> {
    CString::new(b).map_err(|_| vm.raise_msg(TypeId::ValueError, "embedded null character"))
}

/// Positional-or-keyword argument `i` named `name`, if given.
fn opt_arg(vm: &Vm, a: &Args, i: usize, name: &str) -> Option<Value> {
    if i < a.npos(vm) {
        Some(a.get(vm, i))
    } else {
        a.kwarg(vm, name)
    }
}

/// Runs `getaddrinfo` and returns the entries (family, type, proto,
/// canonical name, address).
#[allow(clippy::type_complexity)]
fn addrinfo(
    vm: &mut Vm,
    host: Option<&CString>,
    port: Option<&CString>,
    hints: &libc::addrinfo,
) -> PyResult<Vec<(i32, i32, i32, String, SockAddr)>> {
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    let rc = blocking(vm, || {
        // SAFETY: NUL-terminated strings or NULL, valid hints; we free `res`.
        unsafe {
            libc::getaddrinfo(
                host.map_or(std::ptr::null(), |h| h.as_ptr()),
                port.map_or(std::ptr::null(), |p| p.as_ptr()),
                hints,
                &mut res,
            )
        }
    });
    if rc != 0 {
        return Err(gai_error(vm, rc));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: walking the list getaddrinfo returned.
        let ai = unsafe { &*p };
        let mut sa = SockAddr::empty();
        let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        // SAFETY: copying `n` bytes of the entry's address.
        unsafe {
            std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), sa.mut_ptr().cast::<u8>(), n)
        };
        sa.len = n as libc::socklen_t;
        let canon = if ai.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a NUL-terminated name owned by the list.
            unsafe { CStr::from_ptr(ai.ai_canonname) }
                .to_string_lossy()
                .into_owned()
        };
        out.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, canon, sa));
        p = ai.ai_next;
    }
    // SAFETY: freeing the list getaddrinfo allocated.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
pub(super) fn getaddrinfo(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let names = ["host", "port", "family", "type", "proto", "flags"];
    if a.npos(vm) > 6 {
        let n = a.npos(vm);
        return Err(vm.type_error(&format!(
            "getaddrinfo() takes at most 6 arguments ({n} given)"
        )));
    }
    let mut vals = [Value::EMPTY; 6];
    for (i, n) in names.iter().enumerate() {
        if let Some(v) = opt_arg(vm, &a, i, n) {
            vals[i] = v;
        }
    }
    if vals[0].is_empty() || vals[1].is_empty() {
        let which = if vals[0].is_empty() { "host" } else { "port" };
        let pos = if vals[0].is_empty() { 1 } else { 2 };
        return Err(vm.type_error(&format!(
            "getaddrinfo() missing required argument '{which}' (pos {pos})"
        )));
    }
    let host = if vals[0].is_none() {
        None
    } else {
        let b = host_bytes(vm, vals[0])?;
        Some(cstring(vm, &b)?)
    };
    let pv = a.kwarg(vm, "port").unwrap_or_else(|| a.get(vm, 1));
    let port = if pv.is_none() {
        None
    } else if let Some(n) = pv.as_int() {
        Some(cstring(vm, n.to_string().as_bytes())?)
    } else if vm.is_str(pv) || vm.kind_of(pv) == Some(Kind::Bytes) {
        let b = if vm.is_str(pv) {
            vm.str_text(pv).as_bytes().to_vec()
        } else {
            vm.bytes_data(pv).to_vec()
        };
        Some(cstring(vm, &b)?)
    } else {
        return Err(vm.raise_msg(TypeId::OSError, "Int or String expected"));
    };
    // SAFETY: zeroed hints are valid.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    let mut nums = [0i32; 4];
    for (k, slot) in nums.iter_mut().enumerate() {
        let v = match k {
            0 => opt_arg(vm, &a, 2, "family"),
            1 => opt_arg(vm, &a, 3, "type"),
            2 => opt_arg(vm, &a, 4, "proto"),
            _ => opt_arg(vm, &a, 5, "flags"),
        };
        if let Some(v) = v {
            *slot = c_int(vm, v)? as i32;
        }
    }
    hints.ai_family = nums[0];
    hints.ai_socktype = nums[1];
    hints.ai_protocol = nums[2];
    hints.ai_flags = nums[3];
    let entries = addrinfo(vm, host.as_ref(), port.as_ref(), &hints)?;
    let mark = vm.temps_len();
    let r = (|| {
        for (fam, ty, proto, canon, sa) in &entries {
            let c = vm.new_str(canon)?;
            let ci = vm.push_temp(c);
            let av = socket_addr::to_value(vm, sa)?;
            let t = vm.new_tuple(&[
                int(*fam as i64),
                int(*ty as i64),
                int(*proto as i64),
                vm.temp(ci),
                av,
            ])?;
            vm.pop_temps(ci);
            vm.push_temp(t);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_list(&items)
    })();
    vm.pop_temps(mark);
    r
}

/// `getnameinfo(sockaddr, flags)`: `(host, port)` as text.
pub(super) fn getnameinfo(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getnameinfo", 2, 2)?;
    let sa = a.get(vm, 0);
    if vm.kind_of(sa) != Some(Kind::Tuple) {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    }
    let items = vm.tuple_items(sa).to_vec();
    if !(2..=4).contains(&items.len()) {
        return Err(vm.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let flags = {
        let v = a.get(vm, 1);
        c_int(vm, v)? as i32
    };
    let host = host_bytes(vm, items[0])?;
    let port = c_int(vm, items[1])?;
    let hc = cstring(vm, &host)?;
    let ps = cstring(vm, port.to_string().as_bytes())?;
    // SAFETY: zeroed hints are valid.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_socktype = libc::SOCK_DGRAM;
    hints.ai_flags = libc::AI_NUMERICHOST;
    let entries = addrinfo(vm, Some(&hc), Some(&ps), &hints)?;
    let Some(mut addr) = entries.first().map(|e| e.4) else {
        return Err(vm.raise_msg(TypeId::OSError, "sockaddr resolved to nothing"));
    };
    if entries.len() > 1 {
        return Err(vm.raise_msg(TypeId::OSError, "sockaddr resolved to multiple addresses"));
    }
    if addr.storage.ss_family as i32 == libc::AF_INET6 {
        let flow = items.get(2).and_then(|v| v.as_int()).unwrap_or(0);
        let scope = items.get(3).and_then(|v| v.as_int()).unwrap_or(0);
        // SAFETY: the storage holds a sockaddr_in6.
        let s6 = unsafe { &mut *(addr.mut_ptr() as *mut libc::sockaddr_in6) };
        s6.sin6_flowinfo = (flow as u32).to_be();
        s6.sin6_scope_id = scope as u32;
    } else if items.len() != 2 {
        return Err(vm.raise_msg(TypeId::OSError, "IPv4 sockaddr must be 2 tuple"));
    }
    let mut hbuf = [0 as libc::c_char; 1025];
    let mut sbuf = [0 as libc::c_char; 32];
    let rc = blocking(vm, || {
        // SAFETY: our own buffers with their sizes.
        unsafe {
            libc::getnameinfo(
                addr.ptr(),
                addr.len,
                hbuf.as_mut_ptr(),
                hbuf.len() as libc::socklen_t,
                sbuf.as_mut_ptr(),
                sbuf.len() as libc::socklen_t,
                flags,
            )
        }
    });
    if rc != 0 {
        return Err(gai_error(vm, rc));
    }
    // SAFETY: getnameinfo wrote NUL-terminated strings.
    let (h, s) = unsafe {
        (
            CStr::from_ptr(hbuf.as_ptr()).to_string_lossy().into_owned(),
            CStr::from_ptr(sbuf.as_ptr()).to_string_lossy().into_owned(),
        )
    };
    let hv = vm.new_str(&h)?;
    let hi = vm.push_temp(hv);
    let r = vm
        .new_str(&s)
        .and_then(|sv| vm.new_tuple(&[vm.temp(hi), sv]));
    vm.pop_temps(hi);
    r
}

/// `gethostname()`.
pub(super) fn gethostname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "gethostname", 0, 0)?;
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: writing into our own buffer.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) } < 0 {
        return Err(vm.raise_os_error(super::syscall::errno(), None));
    }
    // SAFETY: gethostname NUL-terminated the buffer.
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned();
    vm.new_str(&s)
}

/// The IPv4 addresses and canonical name of `name`.
fn host_v4(vm: &mut Vm, name: Value) -> PyResult<(String, Vec<String>)> {
    let b = host_bytes(vm, name)?;
    if let Ok(a) = String::from_utf8_lossy(&b).parse::<std::net::Ipv4Addr>() {
        return Ok((a.to_string(), vec![a.to_string()]));
    }
    let hc = cstring(vm, &b)?;
    // SAFETY: zeroed hints are valid.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = libc::AF_INET;
    hints.ai_flags = libc::AI_CANONNAME;
    hints.ai_socktype = libc::SOCK_STREAM;
    let entries = addrinfo(vm, Some(&hc), None, &hints)?;
    let canon = entries
        .iter()
        .map(|e| e.3.clone())
        .find(|c| !c.is_empty())
        .unwrap_or_else(|| String::from_utf8_lossy(&b).into_owned());
    let mut ips: Vec<String> = Vec::new();
    for e in &entries {
        if let Some(t) = socket_addr::ip_text(&e.4)
            && !ips.contains(&t)
        {
            ips.push(t);
        }
    }
    Ok((canon, ips))
}

fn str_list(vm: &mut Vm, items: &[String]) -> PyResult<Value> {
    let mark = vm.temps_len();
    for s in items {
        match vm.new_str(s) {
            Ok(v) => {
                vm.push_temp(v);
            }
            Err(e) => {
                vm.pop_temps(mark);
                return Err(e);
            }
        }
    }
    let vals = vm.m.roots().temps[mark..].to_vec();
    let r = vm.new_list(&vals);
    vm.pop_temps(mark);
    r
}

/// `gethostbyname(name)`: an IPv4 address as text.
pub(super) fn gethostbyname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "gethostbyname", 1, 1)?;
    let n = a.get(vm, 0);
    let (_, ips) = host_v4(vm, n)?;
    vm.new_str(ips.first().map_or("", |s| s.as_str()))
}

/// `gethostbyname_ex(name)`: `(name, aliases, addresses)`.
pub(super) fn gethostbyname_ex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "gethostbyname_ex", 1, 1)?;
    let n = a.get(vm, 0);
    let (canon, ips) = host_v4(vm, n)?;
    let mark = vm.temps_len();
    let r = (|| {
        let c = vm.new_str(&canon)?;
        vm.push_temp(c);
        let al = vm.new_list(&[])?;
        vm.push_temp(al);
        let l = str_list(vm, &ips)?;
        vm.new_tuple(&[vm.temp(mark), vm.temp(mark + 1), l])
    })();
    vm.pop_temps(mark);
    r
}

/// `gethostbyaddr(ip)`: `(name, aliases, addresses)` by reverse lookup.
pub(super) fn gethostbyaddr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "gethostbyaddr", 1, 1)?;
    let n = a.get(vm, 0);
    let b = host_bytes(vm, n)?;
    let hc = cstring(vm, &b)?;
    // SAFETY: zeroed hints are valid.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_socktype = libc::SOCK_STREAM;
    let entries = addrinfo(vm, Some(&hc), None, &hints)?;
    let Some(addr) = entries.first().map(|e| e.4) else {
        return Err(raise_module_error(vm, "herror", 1, "Unknown host"));
    };
    let mut hbuf = [0 as libc::c_char; 1025];
    let rc = blocking(vm, || {
        // SAFETY: our own buffer with its size.
        unsafe {
            libc::getnameinfo(
                addr.ptr(),
                addr.len,
                hbuf.as_mut_ptr(),
                hbuf.len() as libc::socklen_t,
                std::ptr::null_mut(),
                0,
                libc::NI_NAMEREQD,
            )
        }
    });
    if rc != 0 {
        return Err(raise_module_error(vm, "herror", 1, "Unknown host"));
    }
    // SAFETY: getnameinfo NUL-terminated the name.
    let name = unsafe { CStr::from_ptr(hbuf.as_ptr()) }
        .to_string_lossy()
        .into_owned();
    let ip = socket_addr::ip_text(&addr).unwrap_or_default();
    let mark = vm.temps_len();
    let r = (|| {
        let c = vm.new_str(&name)?;
        vm.push_temp(c);
        let al = vm.new_list(&[])?;
        vm.push_temp(al);
        let l = str_list(vm, &[ip])?;
        vm.new_tuple(&[vm.temp(mark), vm.temp(mark + 1), l])
    })();
    vm.pop_temps(mark);
    r
}

fn opt_proto(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<Option<CString>> {
    match opt_arg(vm, a, i, "protocolname") {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) if vm.is_str(v) => {
            let s = vm.str_text(v).into_owned();
            cstring(vm, s.as_bytes()).map(Some)
        }
        Some(v) => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "{fname}() argument {} must be str, not {t}",
                i + 1
            )))
        }
    }
}

/// `getservbyname(servicename[, protocolname])`: the port number.
pub(super) fn getservbyname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if !(1..=2).contains(&n) {
        return Err(vm.type_error(&format!(
            "getservbyname() takes at least 1 argument ({n} given)"
        )));
    }
    let sv = a.get(vm, 0);
    if !vm.is_str(sv) {
        let t = vm.type_name(sv);
        return Err(vm.type_error(&format!("getservbyname() argument 1 must be str, not {t}")));
    }
    let s = vm.str_text(sv).into_owned();
    let sc = cstring(vm, s.as_bytes())?;
    let pc = opt_proto(vm, &a, 1, "getservbyname")?;
    // SAFETY: NUL-terminated strings; the result points to static data.
    let ent = unsafe {
        libc::getservbyname(
            sc.as_ptr(),
            pc.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        )
    };
    if ent.is_null() {
        return Err(vm.raise_msg(TypeId::OSError, "service/proto not found"));
    }
    // SAFETY: a valid servent.
    let port = u16::from_be(unsafe { (*ent).s_port } as u16);
    Ok(int(port as i64))
}

/// `getservbyport(port[, protocolname])`: the service name.
pub(super) fn getservbyport(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = a.npos(vm);
    if !(1..=2).contains(&n) {
        return Err(vm.type_error(&format!(
            "getservbyport() takes at least 1 argument ({n} given)"
        )));
    }
    let pv = a.get(vm, 0);
    let port = c_int(vm, pv)?;
    if !(0..=65535).contains(&port) {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            "getservbyport: port must be 0-65535.",
        ));
    }
    let pc = opt_proto(vm, &a, 1, "getservbyport")?;
    // SAFETY: the result points to static data or is NULL.
    let ent = unsafe {
        libc::getservbyport(
            (port as u16).to_be() as libc::c_int,
            pc.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
        )
    };
    if ent.is_null() {
        return Err(vm.raise_msg(TypeId::OSError, "port/proto not found"));
    }
    // SAFETY: a valid servent with a NUL-terminated name.
    let name = unsafe { CStr::from_ptr((*ent).s_name) }
        .to_string_lossy()
        .into_owned();
    vm.new_str(&name)
}

/// `getprotobyname(name)`: the protocol number.
pub(super) fn getprotobyname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "getprotobyname", 1, 1)?;
    let v = a.get(vm, 0);
    if !vm.is_str(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!("getprotobyname() argument must be str, not {t}")));
    }
    let s = vm.str_text(v).into_owned();
    let c = cstring(vm, s.as_bytes())?;
    // SAFETY: a NUL-terminated name; the result is static data or NULL.
    let ent = unsafe { libc::getprotobyname(c.as_ptr()) };
    if ent.is_null() {
        return Err(vm.raise_msg(TypeId::OSError, "protocol not found"));
    }
    // SAFETY: a valid protoent.
    Ok(int(unsafe { (*ent).p_proto } as i64))
}

fn str_arg(vm: &mut Vm, a: &Args, i: usize, fname: &str) -> PyResult<String> {
    let v = a.get(vm, i);
    if !vm.is_str(v) {
        let t = vm.type_name(v);
        return Err(vm.type_error(&format!(
            "{fname}() argument {} must be str, not {t}",
            i + 1
        )));
    }
    Ok(vm.str_text(v).into_owned())
}

fn bytes_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<Vec<u8>> {
    let v = a.get(vm, i);
    match vm.buffer_copy(v)? {
        Some(b) => Ok(b),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")))
        }
    }
}

/// `inet_aton(text)`: 4 packed bytes (the C library's lenient parser:
/// `1.2.3` is accepted).
pub(super) fn inet_aton(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "inet_aton", 1, 1)?;
    let s = str_arg(vm, &a, 0, "inet_aton")?;
    let c = cstring(vm, s.as_bytes())?;
    let mut addr = libc::in_addr { s_addr: 0 };
    // SAFETY: a NUL-terminated string and our own in_addr.
    if unsafe { inet_aton_c(c.as_ptr(), &mut addr) } == 0 {
        return Err(vm.raise_msg(
            TypeId::OSError,
            "illegal IP address string passed to inet_aton",
        ));
    }
    vm.new_bytes(&addr.s_addr.to_ne_bytes())
}

unsafe extern "C" {
    #[link_name = "inet_aton"]
    fn inet_aton_c(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
}

/// `inet_ntoa(packed)`: dotted text of 4 bytes.
pub(super) fn inet_ntoa(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "inet_ntoa", 1, 1)?;
    let b = bytes_arg(vm, &a, 0)?;
    let Ok(q) = <[u8; 4]>::try_from(b.as_slice()) else {
        return Err(vm.raise_msg(TypeId::OSError, "packed IP wrong length for inet_ntoa"));
    };
    vm.new_str(&std::net::Ipv4Addr::from(q).to_string())
}

/// `inet_pton(family, text)`.
pub(super) fn inet_pton(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "inet_pton", 2, 2)?;
    let fam = {
        let v = a.get(vm, 0);
        c_int(vm, v)? as i32
    };
    let s = str_arg(vm, &a, 1, "inet_pton")?;
    let bad = |vm: &mut Vm| {
        vm.raise_msg(
            TypeId::OSError,
            "illegal IP address string passed to inet_pton",
        )
    };
    match fam {
        libc::AF_INET => match s.parse::<std::net::Ipv4Addr>() {
            Ok(ip) => vm.new_bytes(&ip.octets()),
            Err(_) => Err(bad(vm)),
        },
        libc::AF_INET6 => match s.parse::<std::net::Ipv6Addr>() {
            Ok(ip) => vm.new_bytes(&ip.octets()),
            Err(_) => Err(bad(vm)),
        },
        _ => Err(vm.raise_os_error(libc::EAFNOSUPPORT, None)),
    }
}

/// `inet_ntop(family, packed)`.
pub(super) fn inet_ntop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "inet_ntop", 2, 2)?;
    let fam = {
        let v = a.get(vm, 0);
        c_int(vm, v)? as i32
    };
    let b = bytes_arg(vm, &a, 1)?;
    let bad = |vm: &mut Vm| {
        vm.raise_msg(
            TypeId::ValueError,
            "invalid length of packed IP address string",
        )
    };
    match fam {
        libc::AF_INET => match <[u8; 4]>::try_from(b.as_slice()) {
            Ok(q) => vm.new_str(&std::net::Ipv4Addr::from(q).to_string()),
            Err(_) => Err(bad(vm)),
        },
        libc::AF_INET6 => match <[u8; 16]>::try_from(b.as_slice()) {
            Ok(q) => vm.new_str(&std::net::Ipv6Addr::from(q).to_string()),
            Err(_) => Err(bad(vm)),
        },
        _ => Err(vm.raise_msg(TypeId::ValueError, &format!("unknown address family {fam}"))),
    }
}

/// An unsigned argument of `bits` bits for the byte-order functions.
fn uint_arg(vm: &mut Vm, a: &Args, fname: &str, bits: u32) -> PyResult<u64> {
    arity(vm, a, fname, 1, 1)?;
    let v = a.get(vm, 0);
    let n = match v.as_int().or_else(|| v.as_bool().map(i64::from)) {
        Some(n) => n,
        None if vm.kind_of(v) == Some(Kind::BigInt) => i64::MAX,
        None => {
            let t = vm.type_name(v);
            return Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")));
        }
    };
    if n < 0 {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            &format!("{fname}: can't convert negative Python int to C {bits}-bit unsigned integer"),
        ));
    }
    if n as u64 >= 1u64 << bits {
        return Err(vm.raise_msg(
            TypeId::OverflowError,
            &format!("{fname}: Python int too large to convert to C {bits}-bit unsigned integer"),
        ));
    }
    Ok(n as u64)
}

/// `htons(x)` / `ntohs(x)`: swaps the two bytes (little-endian host).
pub(super) fn htons(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = uint_arg(vm, &a, "htons", 16)?;
    Ok(int((n as u16).to_be() as i64))
}

/// `htonl(x)` / `ntohl(x)`.
pub(super) fn htonl(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = uint_arg(vm, &a, "htonl", 32)?;
    Ok(int((n as u32).to_be() as i64))
}

/// `if_nameindex()`: `[(index, name), ...]`.
pub(super) fn if_nameindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "if_nameindex", 0, 0)?;
    // SAFETY: the list is freed below.
    let list = unsafe { libc::if_nameindex() };
    if list.is_null() {
        return Err(vm.raise_os_error(super::syscall::errno(), None));
    }
    let mut entries = Vec::new();
    let mut p = list;
    // SAFETY: the list ends with an entry of index 0.
    unsafe {
        while (*p).if_index != 0 {
            let name = CStr::from_ptr((*p).if_name).to_string_lossy().into_owned();
            entries.push(((*p).if_index, name));
            p = p.add(1);
        }
        libc::if_freenameindex(list);
    }
    let mark = vm.temps_len();
    let r = (|| {
        for (i, n) in &entries {
            let s = vm.new_str(n)?;
            let t = vm.new_tuple(&[int(*i as i64), s])?;
            vm.push_temp(t);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        vm.new_list(&items)
    })();
    vm.pop_temps(mark);
    r
}

/// `if_nametoindex(name)`.
pub(super) fn if_nametoindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "if_nametoindex", 1, 1)?;
    let s = str_arg(vm, &a, 0, "if_nametoindex")?;
    let c = cstring(vm, s.as_bytes())?;
    // SAFETY: a NUL-terminated name.
    let i = unsafe { libc::if_nametoindex(c.as_ptr()) };
    if i == 0 {
        return Err(vm.raise_msg(TypeId::OSError, "no interface with this name"));
    }
    Ok(int(i as i64))
}

/// `if_indextoname(index)`.
pub(super) fn if_indextoname(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "if_indextoname", 1, 1)?;
    let v = a.get(vm, 0);
    let i = c_int(vm, v)?;
    let mut buf = [0 as libc::c_char; libc::IF_NAMESIZE];
    // SAFETY: writing at most IF_NAMESIZE bytes into our buffer.
    if unsafe { libc::if_indextoname(i as u32, buf.as_mut_ptr()) }.is_null() {
        return Err(vm.raise_os_error(super::syscall::errno(), None));
    }
    // SAFETY: NUL-terminated by the call.
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_string_lossy()
        .into_owned();
    vm.new_str(&s)
}

fn cmsg_arg(vm: &mut Vm, a: &Args, fname: &str) -> PyResult<u64> {
    arity(vm, a, fname, 1, 1)?;
    let v = a.get(vm, 0);
    match v.as_int() {
        Some(n) if (0..=i32::MAX as i64 - 64).contains(&n) => Ok(n as u64),
        Some(_) => Err(vm.raise_msg(
            TypeId::OverflowError,
            &format!("{fname}() argument out of range"),
        )),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!("'{t}' object cannot be interpreted as an integer")))
        }
    }
}

/// `CMSG_LEN(length)`.
pub(super) fn cmsg_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = cmsg_arg(vm, &a, "CMSG_LEN")?;
    // SAFETY: a pure size computation.
    Ok(int(unsafe { libc::CMSG_LEN(n as u32) } as i64))
}

/// `CMSG_SPACE(length)`.
pub(super) fn cmsg_space(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let n = cmsg_arg(vm, &a, "CMSG_SPACE")?;
    // SAFETY: a pure size computation.
    Ok(int(unsafe { libc::CMSG_SPACE(n as u32) } as i64))
}
