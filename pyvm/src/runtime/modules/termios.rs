//! `termios`: terminal attributes (`tcgetattr`/`tcsetattr`), line control
//! (`tcdrain`, `tcflush`, `tcflow`, `tcsendbreak`), window sizes and the
//! constants, for `tty`, `pty` and `getpass`. The natives take a
//! descriptor and return the errno (an int) on failure; the Python layer
//! (`py/termios_module.py`) resolves `fileno()`, checks the attribute
//! list and raises `termios.error(errno, strerror)` as CPython does.

use pyvm_objmodel::Value;

use super::{ModuleRef, NativeModule};
use crate::runtime::builtins::arity;
use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;

const SRC: &str = include_str!("../py/termios_module.py");

/// The `termios` module.
pub(crate) const MODULE: NativeModule = NativeModule {
    name: "termios",
    functions: &[
        ("_tcgetattr", tcgetattr),
        ("_tcsetattr", tcsetattr),
        ("_tcsendbreak", tcsendbreak),
        ("_tcdrain", tcdrain),
        ("_tcflush", tcflush),
        ("_tcflow", tcflow),
        ("_tcgetwinsize", tcgetwinsize),
        ("_tcsetwinsize", tcsetwinsize),
    ],
    init: Some(init),
};

fn int(n: i64) -> Value {
    Value::from_int(n).unwrap_or(Value::NONE)
}

fn init(vm: &mut Vm, m: ModuleRef) -> PyResult<()> {
    for &(name, v) in CONSTANTS {
        m.set(vm, name, int(v))?;
    }
    super::time_mod::exec_in_module(vm, m, SRC, "<pyvm termios>")
}

/// Integer argument `i` (the Python layer has checked the types).
fn iarg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    let v = a.get(vm, i);
    match v.as_int() {
        Some(n) => Ok(n),
        None => vm.index_isize(v),
    }
}

fn errno_value() -> Value {
    int(super::syscall::errno() as i64)
}

/// `_tcgetattr(fd)`: `[iflag, oflag, cflag, lflag, ispeed, ospeed, cc]`
/// with `cc` a list of 1-byte bytes (ints at VMIN/VTIME when not
/// canonical), or the errno.
fn tcgetattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "tcgetattr", 1, 1)?;
    let fd = iarg(vm, &a, 0)? as i32;
    // SAFETY: a zeroed termios is a valid buffer for tcgetattr to fill.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: tcgetattr writes into our struct.
    if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
        return Ok(errno_value());
    }
    // SAFETY: reading the speeds of our struct.
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&t), libc::cfgetospeed(&t)) };
    let canonical = t.c_lflag & libc::ICANON != 0;
    let mark = vm.temps_len();
    let r = (|| {
        for (i, &c) in t.c_cc.iter().enumerate() {
            let v = if !canonical && (i == libc::VMIN || i == libc::VTIME) {
                int(c as i64)
            } else {
                vm.new_bytes(&[c])?
            };
            vm.push_temp(v);
        }
        let items = vm.m.roots().temps[mark..].to_vec();
        let cc = vm.new_list(&items)?;
        vm.pop_temps(mark);
        vm.push_temp(cc);
        let fields = [
            int(t.c_iflag as i64),
            int(t.c_oflag as i64),
            int(t.c_cflag as i64),
            int(t.c_lflag as i64),
            int(ispeed as i64),
            int(ospeed as i64),
            vm.temp(mark),
        ];
        vm.new_list(&fields)
    })();
    vm.pop_temps(mark);
    r
}

/// `_tcsetattr(fd, when, iflag, oflag, cflag, lflag, ispeed, ospeed, cc)`
/// with `cc` a list of ints: None, or the errno.
fn tcsetattr(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "tcsetattr", 9, 9)?;
    let fd = iarg(vm, &a, 0)? as i32;
    let when = iarg(vm, &a, 1)? as i32;
    let mut f = [0i64; 6];
    for (i, x) in f.iter_mut().enumerate() {
        *x = iarg(vm, &a, 2 + i)?;
    }
    let cc = {
        let v = a.get(vm, 8);
        vm.collect_iterable(v)?
    };
    // SAFETY: a zeroed termios is a valid buffer for tcgetattr to fill.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: tcgetattr writes into our struct (fields we do not set keep
    // the terminal's values).
    if unsafe { libc::tcgetattr(fd, &mut t) } != 0 {
        return Ok(errno_value());
    }
    t.c_iflag = f[0] as libc::tcflag_t;
    t.c_oflag = f[1] as libc::tcflag_t;
    t.c_cflag = f[2] as libc::tcflag_t;
    t.c_lflag = f[3] as libc::tcflag_t;
    for (i, c) in cc.iter().enumerate().take(t.c_cc.len()) {
        t.c_cc[i] = c.as_int().unwrap_or(0) as libc::cc_t;
    }
    // SAFETY: setting the speeds of our struct, then the terminal's attributes.
    unsafe {
        if libc::cfsetispeed(&mut t, f[4] as libc::speed_t) != 0
            || libc::cfsetospeed(&mut t, f[5] as libc::speed_t) != 0
            || libc::tcsetattr(fd, when, &t) != 0
        {
            return Ok(errno_value());
        }
    }
    Ok(Value::NONE)
}

/// The one-call natives: None, or the errno.
macro_rules! simple {
    ($f:ident, $name:literal, $n:literal, |$v:ident| $call:expr) => {
        fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> {
            arity(vm, &a, $name, $n, $n)?;
            let mut $v = [0i64; 2];
            for i in 0..$n {
                $v[i] = iarg(vm, &a, i)?;
            }
            // SAFETY: a terminal call on plain integers.
            let r = unsafe { $call };
            Ok(if r != 0 { errno_value() } else { Value::NONE })
        }
    };
}

simple!(tcsendbreak, "tcsendbreak", 2, |v| libc::tcsendbreak(
    v[0] as i32,
    v[1] as i32
));
simple!(tcdrain, "tcdrain", 1, |v| libc::tcdrain(v[0] as i32));
simple!(tcflush, "tcflush", 2, |v| libc::tcflush(
    v[0] as i32,
    v[1] as i32
));
simple!(tcflow, "tcflow", 2, |v| libc::tcflow(
    v[0] as i32,
    v[1] as i32
));

/// `_tcgetwinsize(fd)`: `(rows, columns)`, or the errno.
fn tcgetwinsize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "tcgetwinsize", 1, 1)?;
    let fd = iarg(vm, &a, 0)? as i32;
    // SAFETY: a zeroed winsize is a valid buffer for the ioctl to fill.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes a winsize into our struct.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } != 0 {
        return Ok(errno_value());
    }
    vm.new_tuple(&[int(w.ws_row as i64), int(w.ws_col as i64)])
}

/// `_tcsetwinsize(fd, rows, columns)`: None, or the errno.
fn tcsetwinsize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    arity(vm, &a, "tcsetwinsize", 3, 3)?;
    let fd = iarg(vm, &a, 0)? as i32;
    let rows = iarg(vm, &a, 1)?;
    let cols = iarg(vm, &a, 2)?;
    // SAFETY: a zeroed winsize is a valid buffer for the ioctl to fill.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ/TIOCSWINSZ read and write our struct.
    unsafe {
        if libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) != 0 {
            return Ok(errno_value());
        }
        w.ws_row = rows as u16;
        w.ws_col = cols as u16;
        if libc::ioctl(fd, libc::TIOCSWINSZ, &w) != 0 {
            return Ok(errno_value());
        }
    }
    Ok(Value::NONE)
}

const CONSTANTS: &[(&str, i64)] = &[
    ("B0", libc::B0 as i64),
    ("B1000000", libc::B1000000 as i64),
    ("B110", libc::B110 as i64),
    ("B115200", libc::B115200 as i64),
    ("B1152000", libc::B1152000 as i64),
    ("B1200", libc::B1200 as i64),
    ("B134", libc::B134 as i64),
    ("B150", libc::B150 as i64),
    ("B1500000", libc::B1500000 as i64),
    ("B1800", libc::B1800 as i64),
    ("B19200", libc::B19200 as i64),
    ("B200", libc::B200 as i64),
    ("B2000000", libc::B2000000 as i64),
    ("B230400", libc::B230400 as i64),
    ("B2400", libc::B2400 as i64),
    ("B2500000", libc::B2500000 as i64),
    ("B300", libc::B300 as i64),
    ("B3000000", libc::B3000000 as i64),
    ("B3500000", libc::B3500000 as i64),
    ("B38400", libc::B38400 as i64),
    ("B4000000", libc::B4000000 as i64),
    ("B460800", libc::B460800 as i64),
    ("B4800", libc::B4800 as i64),
    ("B50", libc::B50 as i64),
    ("B500000", libc::B500000 as i64),
    ("B57600", libc::B57600 as i64),
    ("B576000", libc::B576000 as i64),
    ("B600", libc::B600 as i64),
    ("B75", libc::B75 as i64),
    ("B921600", libc::B921600 as i64),
    ("B9600", libc::B9600 as i64),
    ("BRKINT", libc::BRKINT as i64),
    ("BS0", libc::BS0 as i64),
    ("BS1", libc::BS1 as i64),
    ("BSDLY", libc::BSDLY as i64),
    ("CBAUD", libc::CBAUD as i64),
    ("CBAUDEX", libc::CBAUDEX as i64),
    ("CDSUSP", 25),
    ("CEOF", 4),
    ("CEOL", 0),
    ("CEOT", 4),
    ("CERASE", 127),
    ("CFLUSH", 15),
    ("CIBAUD", libc::CIBAUD as i64),
    ("CINTR", 3),
    ("CKILL", 21),
    ("CLNEXT", 22),
    ("CLOCAL", libc::CLOCAL as i64),
    ("CQUIT", 28),
    ("CR0", libc::CR0 as i64),
    ("CR1", libc::CR1 as i64),
    ("CR2", libc::CR2 as i64),
    ("CR3", libc::CR3 as i64),
    ("CRDLY", libc::CRDLY as i64),
    ("CREAD", libc::CREAD as i64),
    ("CRPRNT", 18),
    ("CRTSCTS", libc::CRTSCTS as i64),
    ("CS5", libc::CS5 as i64),
    ("CS6", libc::CS6 as i64),
    ("CS7", libc::CS7 as i64),
    ("CS8", libc::CS8 as i64),
    ("CSIZE", libc::CSIZE as i64),
    ("CSTART", 17),
    ("CSTOP", 19),
    ("CSTOPB", libc::CSTOPB as i64),
    ("CSUSP", 26),
    ("CWERASE", 23),
    ("ECHO", libc::ECHO as i64),
    ("ECHOCTL", libc::ECHOCTL as i64),
    ("ECHOE", libc::ECHOE as i64),
    ("ECHOK", libc::ECHOK as i64),
    ("ECHOKE", libc::ECHOKE as i64),
    ("ECHONL", libc::ECHONL as i64),
    ("ECHOPRT", libc::ECHOPRT as i64),
    ("EXTA", libc::EXTA as i64),
    ("EXTB", libc::EXTB as i64),
    ("FF0", libc::FF0 as i64),
    ("FF1", libc::FF1 as i64),
    ("FFDLY", libc::FFDLY as i64),
    ("FIOASYNC", libc::FIOASYNC as i64),
    ("FIOCLEX", libc::FIOCLEX as i64),
    ("FIONBIO", libc::FIONBIO as i64),
    ("FIONCLEX", libc::FIONCLEX as i64),
    ("FIONREAD", libc::FIONREAD as i64),
    ("FLUSHO", libc::FLUSHO as i64),
    ("HUPCL", libc::HUPCL as i64),
    ("ICANON", libc::ICANON as i64),
    ("ICRNL", libc::ICRNL as i64),
    ("IEXTEN", libc::IEXTEN as i64),
    ("IGNBRK", libc::IGNBRK as i64),
    ("IGNCR", libc::IGNCR as i64),
    ("IGNPAR", libc::IGNPAR as i64),
    ("IMAXBEL", libc::IMAXBEL as i64),
    ("INLCR", libc::INLCR as i64),
    ("INPCK", libc::INPCK as i64),
    ("IOCSIZE_MASK", 1073676288),
    ("IOCSIZE_SHIFT", 16),
    ("ISIG", libc::ISIG as i64),
    ("ISTRIP", libc::ISTRIP as i64),
    ("IUCLC", libc::IUCLC as i64),
    ("IXANY", libc::IXANY as i64),
    ("IXOFF", libc::IXOFF as i64),
    ("IXON", libc::IXON as i64),
    ("NCC", 8),
    ("NCCS", libc::NCCS as i64),
    ("NL0", libc::NL0 as i64),
    ("NL1", libc::NL1 as i64),
    ("NLDLY", libc::NLDLY as i64),
    ("NOFLSH", libc::NOFLSH as i64),
    ("N_MOUSE", 2),
    ("N_PPP", 3),
    ("N_SLIP", 1),
    ("N_STRIP", 4),
    ("N_TTY", 0),
    ("OCRNL", libc::OCRNL as i64),
    ("OFDEL", libc::OFDEL as i64),
    ("OFILL", libc::OFILL as i64),
    ("OLCUC", libc::OLCUC as i64),
    ("ONLCR", libc::ONLCR as i64),
    ("ONLRET", libc::ONLRET as i64),
    ("ONOCR", libc::ONOCR as i64),
    ("OPOST", libc::OPOST as i64),
    ("PARENB", libc::PARENB as i64),
    ("PARMRK", libc::PARMRK as i64),
    ("PARODD", libc::PARODD as i64),
    ("PENDIN", libc::PENDIN as i64),
    ("TAB0", libc::TAB0 as i64),
    ("TAB1", libc::TAB1 as i64),
    ("TAB2", libc::TAB2 as i64),
    ("TAB3", libc::TAB3 as i64),
    ("TABDLY", libc::TABDLY as i64),
    ("TCFLSH", libc::TCFLSH as i64),
    ("TCGETA", libc::TCGETA as i64),
    ("TCGETS", libc::TCGETS as i64),
    ("TCIFLUSH", libc::TCIFLUSH as i64),
    ("TCIOFF", libc::TCIOFF as i64),
    ("TCIOFLUSH", libc::TCIOFLUSH as i64),
    ("TCION", libc::TCION as i64),
    ("TCOFLUSH", libc::TCOFLUSH as i64),
    ("TCOOFF", libc::TCOOFF as i64),
    ("TCOON", libc::TCOON as i64),
    ("TCSADRAIN", libc::TCSADRAIN as i64),
    ("TCSAFLUSH", libc::TCSAFLUSH as i64),
    ("TCSANOW", libc::TCSANOW as i64),
    ("TCSBRK", libc::TCSBRK as i64),
    ("TCSBRKP", libc::TCSBRKP as i64),
    ("TCSETA", libc::TCSETA as i64),
    ("TCSETAF", libc::TCSETAF as i64),
    ("TCSETAW", libc::TCSETAW as i64),
    ("TCSETS", libc::TCSETS as i64),
    ("TCSETSF", libc::TCSETSF as i64),
    ("TCSETSW", libc::TCSETSW as i64),
    ("TCXONC", libc::TCXONC as i64),
    ("TIOCCONS", libc::TIOCCONS as i64),
    ("TIOCEXCL", libc::TIOCEXCL as i64),
    ("TIOCGETD", libc::TIOCGETD as i64),
    ("TIOCGICOUNT", libc::TIOCGICOUNT as i64),
    ("TIOCGLCKTRMIOS", libc::TIOCGLCKTRMIOS as i64),
    ("TIOCGPGRP", libc::TIOCGPGRP as i64),
    ("TIOCGSERIAL", libc::TIOCGSERIAL as i64),
    ("TIOCGSOFTCAR", libc::TIOCGSOFTCAR as i64),
    ("TIOCGWINSZ", libc::TIOCGWINSZ as i64),
    ("TIOCINQ", libc::TIOCINQ as i64),
    ("TIOCLINUX", libc::TIOCLINUX as i64),
    ("TIOCMBIC", libc::TIOCMBIC as i64),
    ("TIOCMBIS", libc::TIOCMBIS as i64),
    ("TIOCMGET", libc::TIOCMGET as i64),
    ("TIOCMIWAIT", libc::TIOCMIWAIT as i64),
    ("TIOCMSET", libc::TIOCMSET as i64),
    ("TIOCM_CAR", libc::TIOCM_CAR as i64),
    ("TIOCM_CD", libc::TIOCM_CD as i64),
    ("TIOCM_CTS", libc::TIOCM_CTS as i64),
    ("TIOCM_DSR", libc::TIOCM_DSR as i64),
    ("TIOCM_DTR", libc::TIOCM_DTR as i64),
    ("TIOCM_LE", libc::TIOCM_LE as i64),
    ("TIOCM_RI", libc::TIOCM_RI as i64),
    ("TIOCM_RNG", libc::TIOCM_RNG as i64),
    ("TIOCM_RTS", libc::TIOCM_RTS as i64),
    ("TIOCM_SR", libc::TIOCM_SR as i64),
    ("TIOCM_ST", libc::TIOCM_ST as i64),
    ("TIOCNOTTY", libc::TIOCNOTTY as i64),
    ("TIOCNXCL", libc::TIOCNXCL as i64),
    ("TIOCOUTQ", libc::TIOCOUTQ as i64),
    ("TIOCPKT", libc::TIOCPKT as i64),
    ("TIOCPKT_DATA", 0),
    ("TIOCPKT_DOSTOP", 32),
    ("TIOCPKT_FLUSHREAD", 1),
    ("TIOCPKT_FLUSHWRITE", 2),
    ("TIOCPKT_NOSTOP", 16),
    ("TIOCPKT_START", 8),
    ("TIOCPKT_STOP", 4),
    ("TIOCSCTTY", libc::TIOCSCTTY as i64),
    ("TIOCSERCONFIG", libc::TIOCSERCONFIG as i64),
    ("TIOCSERGETLSR", libc::TIOCSERGETLSR as i64),
    ("TIOCSERGETMULTI", libc::TIOCSERGETMULTI as i64),
    ("TIOCSERGSTRUCT", libc::TIOCSERGSTRUCT as i64),
    ("TIOCSERGWILD", libc::TIOCSERGWILD as i64),
    ("TIOCSERSETMULTI", libc::TIOCSERSETMULTI as i64),
    ("TIOCSERSWILD", libc::TIOCSERSWILD as i64),
    ("TIOCSER_TEMT", 1),
    ("TIOCSETD", libc::TIOCSETD as i64),
    ("TIOCSLCKTRMIOS", libc::TIOCSLCKTRMIOS as i64),
    ("TIOCSPGRP", libc::TIOCSPGRP as i64),
    ("TIOCSSERIAL", libc::TIOCSSERIAL as i64),
    ("TIOCSSOFTCAR", libc::TIOCSSOFTCAR as i64),
    ("TIOCSTI", libc::TIOCSTI as i64),
    ("TIOCSWINSZ", libc::TIOCSWINSZ as i64),
    ("TOSTOP", libc::TOSTOP as i64),
    ("VDISCARD", libc::VDISCARD as i64),
    ("VEOF", libc::VEOF as i64),
    ("VEOL", libc::VEOL as i64),
    ("VEOL2", libc::VEOL2 as i64),
    ("VERASE", libc::VERASE as i64),
    ("VINTR", libc::VINTR as i64),
    ("VKILL", libc::VKILL as i64),
    ("VLNEXT", libc::VLNEXT as i64),
    ("VMIN", libc::VMIN as i64),
    ("VQUIT", libc::VQUIT as i64),
    ("VREPRINT", libc::VREPRINT as i64),
    ("VSTART", libc::VSTART as i64),
    ("VSTOP", libc::VSTOP as i64),
    ("VSUSP", libc::VSUSP as i64),
    ("VSWTC", libc::VSWTC as i64),
    ("VSWTCH", 7),
    ("VT0", libc::VT0 as i64),
    ("VT1", libc::VT1 as i64),
    ("VTDLY", libc::VTDLY as i64),
    ("VTIME", libc::VTIME as i64),
    ("VWERASE", libc::VWERASE as i64),
    ("XCASE", libc::XCASE as i64),
    ("XTABS", libc::XTABS as i64),
];
