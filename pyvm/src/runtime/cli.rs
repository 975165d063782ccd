//! Running a program: compile, execute as `__main__`, report errors as
//! CPython does, and choose the exit status.

use pyvm_bytecode::{Mode, SyntaxError};
use pyvm_gc::Config;
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{ExcField, Kind};
use super::types::{GlobalSlot, TypeId};
use crate::str_hash::HashSecret;

/// What `pyvm` was asked to run.
#[derive(Clone, Debug)]
pub enum Program {
    /// A script file.
    File(String),
    /// `-c CODE`.
    Command(String),
    /// `-m MODULE` (the import system runs it: `import/main_module.rs`).
    Module(String),
    /// `-`: the program read from stdin.
    Stdin,
}

/// The hash secret for `PYTHONHASHSEED` (unset or `random`: from the clock
/// and process id, as no OS random crate is a dependency yet).
pub fn hash_secret_from_env() -> HashSecret {
    match std::env::var("PYTHONHASHSEED") {
        Ok(s) if s != "random" => HashSecret::from_seed(s.trim().parse().unwrap_or(0)),
        _ => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            let mut bytes = [0u8; 16];
            let mix = (t ^ ((std::process::id() as u128) << 64)).to_le_bytes();
            bytes.copy_from_slice(&mix);
            HashSecret::from_bytes(bytes)
        }
    }
}

/// The collector configuration for `PYVM_GC_STRESS`.
pub fn gc_config_from_env() -> Config {
    match std::env::var("PYVM_GC_STRESS") {
        Ok(s) => Config::from_stress_setting(&s),
        Err(_) => Config::default(),
    }
}

/// CPython's rendering of a syntax error.
pub fn format_syntax_error(e: &SyntaxError) -> String {
    let mut out = format!("  File \"{}\", line {}\n", e.filename, e.line);
    if let Some(text) = &e.text {
        let line = text.trim_end_matches(['\n', '\r']);
        let stripped = line.trim_start();
        let indent = line.chars().count() - stripped.chars().count();
        out.push_str(&format!("    {stripped}\n"));
        let col = (e.col as usize).saturating_sub(1).saturating_sub(indent);
        let width = if e.end_line == e.line && e.end_col > e.col {
            (e.end_col - e.col) as usize
        } else {
            1
        };
        out.push_str(&format!(
            "    {}{}\n",
            " ".repeat(col),
            "^".repeat(width.max(1))
        ));
    }
    let class = e.to_string();
    let class = class.split(':').next().unwrap_or("SyntaxError");
    out.push_str(&format!("{class}: {}\n", e.msg));
    out
}

/// The parsed command line.
#[derive(Default)]
pub struct Options {
    /// What to run (None: stdin, interactively if it is a terminal).
    pub program: Option<Program>,
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// The whole command line (`sys.orig_argv`).
    pub orig_argv: Vec<String>,
    /// `-i`.
    pub inspect: bool,
    /// `-O` count.
    pub optimize: u8,
    /// `-u`.
    pub unbuffered: bool,
    /// `-E`.
    pub ignore_env: bool,
    /// `-I`.
    pub isolated: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-s`.
    pub no_user_site: bool,
    /// `-B`.
    pub dont_write_bytecode: bool,
    /// `-q`.
    pub quiet: bool,
    /// `-v` count.
    pub verbose: u8,
    /// `-b` count.
    pub bytes_warning: u8,
    /// `-W` options.
    pub warnoptions: Vec<String>,
    /// `-X` options.
    pub xoptions: Vec<(String, Option<String>)>,
}

/// CPython's usage line.
fn usage(exe: &str) -> String {
    format!("usage: {exe} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

const HELP: &str = "Options:
-B     : don't write .pyc files on import
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-OO    : do -O changes and also discard docstrings
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-v     : verbose
-V     : print the Python version number and exit (also --version)
-W arg : warning control
-x     : skip first line of source
-X opt : implementation-specific option (-X jit=off runs the interpreter alone)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
";

/// Parses the command line as CPython does; `Err(status)` when the
/// process should exit right away (after `-V`, `-h`, or a usage error).
pub fn parse_args(args: &[String]) -> Result<Options, u8> {
    let exe = args.first().cloned().unwrap_or_else(|| "pyvm".into());
    let mut o = Options {
        orig_argv: args.to_vec(),
        ..Options::default()
    };
    let bad = |msg: String| -> Result<Options, u8> {
        eprintln!("{msg}");
        eprintln!("{}", usage(&exe));
        eprintln!("Try `python -h' for more information.");
        Err(2)
    };
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        if a == "--version" {
            println!("Python 3.11.0 (pyvm {})", env!("CARGO_PKG_VERSION"));
            return Err(0);
        }
        if a == "--help" {
            println!("{}\n{HELP}", usage(&exe));
            return Err(0);
        }
        if a == "--" {
            i += 1;
            break;
        }
        if !a.starts_with('-') || a == "-" {
            break;
        }
        if a.starts_with("--") {
            return bad(format!("unknown option {a}"));
        }
        let chars: Vec<char> = a[1..].chars().collect();
        let mut j = 0;
        while j < chars.len() {
            let c = chars[j];
            // Options taking an argument: the rest of this word or the next.
            if matches!(c, 'c' | 'm' | 'W' | 'X') {
                let rest: String = chars[j + 1..].iter().collect();
                let value = if !rest.is_empty() {
                    rest
                } else if i + 1 < args.len() {
                    i += 1;
                    args[i].clone()
                } else {
                    return bad(format!("Argument expected for the -{c} option"));
                };
                match c {
                    'c' => {
                        o.program = Some(Program::Command(value));
                        o.argv = vec!["-c".to_string()];
                        o.argv.extend(args[i + 1..].iter().cloned());
                        return Ok(o);
                    }
                    'm' => {
                        o.program = Some(Program::Module(value));
                        o.argv = vec!["-m".to_string()];
                        o.argv.extend(args[i + 1..].iter().cloned());
                        return Ok(o);
                    }
                    'W' => o.warnoptions.push(value),
                    _ => {
                        let (k, v) = match value.split_once('=') {
                            Some((k, v)) => (k.to_string(), Some(v.to_string())),
                            None => (value.clone(), None),
                        };
                        o.xoptions.push((k, v));
                    }
                }
                break;
            }
            match c {
                'V' => {
                    println!("Python 3.11.0 (pyvm {})", env!("CARGO_PKG_VERSION"));
                    return Err(0);
                }
                'h' | '?' => {
                    println!("{}\n{HELP}", usage(&exe));
                    return Err(0);
                }
                'i' => o.inspect = true,
                'O' => o.optimize = o.optimize.saturating_add(1).min(2),
                'u' => o.unbuffered = true,
                'E' => o.ignore_env = true,
                'I' => {
                    o.isolated = true;
                    o.ignore_env = true;
                    o.no_user_site = true;
                }
                'S' => o.no_site = true,
                's' => o.no_user_site = true,
                'B' => o.dont_write_bytecode = true,
                'q' => o.quiet = true,
                'v' => o.verbose = o.verbose.saturating_add(1),
                'b' => o.bytes_warning = o.bytes_warning.saturating_add(1),
                'd' | 'x' | 'P' | 'R' => {}
                _ => return bad(format!("Unknown option: -{c}")),
            }
            j += 1;
        }
        i += 1;
    }
    if i < args.len() {
        let a = args[i].clone();
        o.argv = args[i..].to_vec();
        if a != "-" {
            o.program = Some(Program::File(a));
        } else {
            o.program = Some(Program::Stdin);
        }
    } else {
        o.argv = vec![String::new()];
    }
    Ok(o)
}

/// Runs a program; returns the process exit status.
pub fn run_program(p: Program) -> i32 {
    let argv = match &p {
        Program::File(f) => vec![f.clone()],
        Program::Command(_) => vec!["-c".to_string()],
        _ => vec![String::new()],
    };
    run(Options {
        program: Some(p),
        argv,
        ..Options::default()
    })
}

/// Runs what the command line asked for; returns the exit status.
pub fn run(o: Options) -> i32 {
    let stdin_tty = {
        // SAFETY: isatty on fd 0.
        unsafe { libc::isatty(0) == 1 }
    };
    let program = o.program.clone();
    let interactive_only = program.is_none() && stdin_tty;
    let program = match program {
        None if !stdin_tty => Some(Program::Stdin),
        p => p,
    };
    // The source and its file name (None for the bare interactive prompt).
    let mut path0 = Some(String::new());
    let mut source: Option<(Vec<u8>, String)> = None;
    let app =
        matches!(&program, Some(Program::File(p)) if super::import::archive_main::is_app_path(p));
    match &program {
        // A zip archive or a directory: its `__main__` runs (below).
        Some(Program::File(path)) if app => {
            path0 = Some(
                std::path::absolute(path)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| path.clone()),
            );
        }
        Some(Program::File(path)) => match std::fs::read(path) {
            Ok(b) => {
                let abs = std::path::absolute(path)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| path.clone());
                path0 = Some(
                    std::path::Path::new(&abs)
                        .parent()
                        .map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
                // CPython reports the script by its absolute path.
                source = Some((b, abs));
            }
            Err(e) => {
                let exe = o.orig_argv.first().map(String::as_str).unwrap_or("pyvm");
                let abs = std::path::absolute(path)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| path.clone());
                let shown = if e.kind() == std::io::ErrorKind::NotFound {
                    &abs
                } else {
                    path
                };
                eprintln!(
                    "{exe}: can't open file '{shown}': [Errno {}] {}",
                    e.raw_os_error().unwrap_or(0),
                    describe_io_error(&e)
                );
                return 2;
            }
        },
        Some(Program::Command(c)) => source = Some((c.clone().into_bytes(), "<string>".into())),
        Some(Program::Stdin) => {
            if !stdin_tty || !o.inspect {
                let mut buf = Vec::new();
                if std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).is_err() {
                    buf.clear();
                }
                source = Some((buf, "<stdin>".into()));
            }
        }
        Some(Program::Module(_)) | None => {}
    }
    if o.isolated {
        path0 = None;
    }
    let mut vm = match Vm::new(gc_config_from_env(), hash_secret_from_env()) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("pyvm: cannot start: {e}");
            return 1;
        }
    };
    let s = &mut vm.sysio;
    s.argv = o.argv.clone();
    s.orig_argv = o.orig_argv.clone();
    s.path0 = path0;
    s.optimize = o.optimize;
    s.unbuffered = o.unbuffered
        || (!o.ignore_env && std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()));
    s.ignore_env = o.ignore_env;
    s.isolated = o.isolated;
    s.no_site = o.no_site;
    s.no_user_site = o.no_user_site;
    s.dont_write_bytecode = o.dont_write_bytecode
        || (!o.ignore_env && std::env::var_os("PYTHONDONTWRITEBYTECODE").is_some());
    s.inspect = o.inspect || interactive_only;
    s.quiet = o.quiet;
    s.verbose = o.verbose;
    s.bytes_warning = o.bytes_warning;
    s.warnoptions = o.warnoptions.clone();
    s.xoptions = o.xoptions.clone();
    if !o.no_site && vm.install_site_builtins().is_err() {
        vm.take_raised();
    }
    if o.optimize > 0 && vm.set_builtin("__debug__", Value::FALSE).is_err() {
        vm.take_raised();
    }
    super::sysstate::install_sigint_handler();
    // The import system's view of the command line (`sys.path[0]`, argv).
    vm.import.path0 = match &program {
        Some(Program::Module(_)) => std::env::current_dir()
            .ok()
            .map(|p| p.to_string_lossy().into_owned()),
        _ => vm.sysio.path0.clone().or(Some(String::new())),
    };
    vm.import.argv = vm.sysio.argv.clone();
    vm.import.dont_write_bytecode = vm.sysio.dont_write_bytecode;
    vm.import.ignore_environment = vm.sysio.ignore_env;
    let main_file = match (&program, &source) {
        (Some(Program::File(_)), Some((_, f))) => Some(f.clone()),
        _ => None,
    };
    let mut status = match (&program, source) {
        (_, Some((src, filename))) => {
            let code = pyvm_bytecode::compile_with(
                &match pyvm_bytecode::source::decode_source(&src, &filename) {
                    Ok(t) => t,
                    Err(e) => {
                        eprint!("{}", format_syntax_error(&e));
                        return 1;
                    }
                },
                &filename,
                Mode::Exec,
                &pyvm_bytecode::CompileOptions {
                    optimize: o.optimize,
                    ..Default::default()
                },
            );
            match code {
                Ok(c) => match vm.run_main_file(c, main_file.as_deref()) {
                    Ok(_) => None,
                    Err(_) => Some(vm.report_uncaught()),
                },
                Err(e) => {
                    eprint!("{}", format_syntax_error(&e));
                    Some(1)
                }
            }
        }
        (Some(Program::Module(name)), None) => run_module(&mut vm, name),
        (Some(Program::File(_)), None) if app => run_archive(&mut vm),
        _ => None,
    };
    if (o.inspect || interactive_only) && !matches!(status, Some(s) if s >= 1000) {
        let exit = super::repl::run_repl(&mut vm, interactive_only);
        status = exit.or(status);
    }
    let status = status.unwrap_or(0);
    vm.finish();
    if status == KEYBOARD_INTERRUPT_STATUS {
        // As CPython: exit "killed by SIGINT" so shells see the interrupt.
        super::sysstate::default_sigint();
        // SAFETY: sending SIGINT to ourselves with its default action.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGINT);
        }
        return 130;
    }
    status
}

/// Status meaning "ended by an uncaught KeyboardInterrupt".
pub const KEYBOARD_INTERRUPT_STATUS: i32 = 0x1_0000 + 130;

/// `-m MOD`: runs a module (or a package's `__main__`) as `__main__`
/// through the import system (`import/main_module.rs`); the exit status.
pub fn run_module(vm: &mut Vm, name: &str) -> Option<i32> {
    match vm.run_module_as_main(name) {
        Ok(Ok(())) => None,
        Ok(Err(msg)) => {
            vm.flush_out();
            let exe = vm
                .sysio
                .orig_argv
                .first()
                .cloned()
                .unwrap_or_else(|| "pyvm".into());
            eprintln!("{exe}: {msg}");
            Some(1)
        }
        Err(_) => Some(vm.report_uncaught()),
    }
}

/// `pyvm app.pyz` / `pyvm dir`: runs the archive's or directory's
/// `__main__` (`import/archive_main.rs`); the exit status.
fn run_archive(vm: &mut Vm) -> Option<i32> {
    let path = vm.import.path0.clone().unwrap_or_default();
    match vm.run_archive_main(&path) {
        Ok(Ok(())) => None,
        Ok(Err(msg)) => {
            vm.flush_out();
            let exe = vm
                .sysio
                .orig_argv
                .first()
                .cloned()
                .unwrap_or_else(|| "pyvm".into());
            eprintln!("{exe}: {msg}");
            Some(1)
        }
        Err(_) => Some(vm.report_uncaught()),
    }
}

fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

impl Vm {
    /// Runs module code as `__main__`; returns the module's globals.
    pub fn run_main(&mut self, code: std::sync::Arc<pyvm_bytecode::CodeObject>) -> PyResult<Value> {
        self.run_main_file(code, None)
    }

    /// Runs module code as `__main__` (entered in `sys.modules`, with
    /// `__file__` when given); returns the module's globals.
    pub fn run_main_file(
        &mut self,
        code: std::sync::Arc<pyvm_bytecode::CodeObject>,
        file: Option<&str>,
    ) -> PyResult<Value> {
        let code_obj = self.new_code(code)?;
        let ci = self.push_temp(code_obj);
        let globals = self.new_main_module(file)?;
        let gi = self.push_temp(globals);
        let ann = self.new_dict()?;
        self.dict_set_str(self.temp(gi), "__annotations__", ann)?;
        // CPython's `__main__.__builtins__` is the module.
        let b = self.builtins_module()?;
        self.dict_set_str(self.temp(gi), "__builtins__", b)?;
        if file.is_some() {
            self.dict_set_str(self.temp(gi), "__cached__", Value::NONE)?;
        }
        let depth = self.m.roots().frames.len();
        self.push_code_frame(self.temp(ci), self.temp(gi), self.temp(gi), Value::EMPTY)?;
        let r = self.run_frames(depth);
        let g = self.temp(gi);
        self.pop_temps(ci);
        r.map(|_| g)
    }

    /// Makes `sys.modules['__main__']` a module whose namespace is `globals`.
    pub fn register_main_module(&mut self, globals: Value) -> PyResult<()> {
        let gi = self.push_temp(globals);
        let r = (|| {
            let m = self.new_module("__main__")?;
            self.set_field(m, 0, self.temp(gi));
            let modules = self.global(GlobalSlot::Modules);
            self.dict_set_str(modules, "__main__", m)
        })();
        self.pop_temps(gi);
        r
    }

    /// Prints the raised exception as CPython does (through
    /// `sys.excepthook` when a program replaced it); returns the exit status.
    pub fn report_uncaught(&mut self) -> i32 {
        let exc = self.take_raised();
        self.flush_out();
        let ei = self.push_temp(exc);
        let status = self.report_uncaught_inner(ei);
        self.pop_temps(ei);
        status
    }

    fn report_uncaught_inner(&mut self, ei: usize) -> i32 {
        let exc = self.temp(ei);
        if self.kind_of(exc) == Some(Kind::Exception) && self.exc_matches(exc, TypeId::SystemExit) {
            return self.system_exit_status(ei);
        }
        let _ = super::modules::io::flush_stdout(self);
        if self.raised() != Value::EMPTY {
            self.take_raised();
        }
        let is_kbd = self.exc_matches(self.temp(ei), TypeId::KeyboardInterrupt);
        // A replaced sys.excepthook is called; the default prints here.
        if let Ok(Some(hook)) = super::modules::io::sys_attr(self, "excepthook")
            && self.kind_of(hook) != Some(Kind::Builtin)
            && !hook.is_none()
        {
            let exc = self.temp(ei);
            let class = self.class_of(exc);
            let tb = self.exc_traceback(exc);
            if self.call_value(hook, &[class, exc, tb]).is_err() {
                let e = self.take_raised();
                let text = self.format_exception(e);
                eprint!("Error in sys.excepthook:\n{text}\nOriginal exception was:\n");
                let text = self.format_exception(self.temp(ei));
                eprint!("{text}");
            }
        } else {
            let text = self.format_exception(self.temp(ei));
            if super::modules::sys::write_stderr(self, &text).is_err() {
                self.take_raised();
                eprint!("{text}");
            }
        }
        let _ = super::modules::io::flush_std_streams(self);
        if is_kbd { KEYBOARD_INTERRUPT_STATUS } else { 1 }
    }

    /// The exit status for an uncaught SystemExit (printing a non-int code).
    pub fn system_exit_status(&mut self, ei: usize) -> i32 {
        let exc = self.temp(ei);
        let code = match super::modules::sys::exc_attr(self, exc, "code") {
            Ok(Some(c)) => c,
            _ => {
                let exc = self.temp(ei);
                let args = self.field(exc, ExcField::Args as usize);
                let items = self.tuple_items(args).to_vec();
                match items.len() {
                    0 => Value::NONE,
                    1 => items[0],
                    _ => args,
                }
            }
        };
        if code.is_none() {
            return 0;
        }
        if let Some(i) = code.as_int() {
            return i as i32;
        }
        if let Some(b) = code.as_bool() {
            return b as i32;
        }
        let text = match self.str_string(code) {
            Ok(s) => s,
            Err(_) => {
                self.take_raised();
                String::new()
            }
        };
        let _ = super::modules::io::flush_stdout(self);
        if super::modules::sys::write_stderr(self, &format!("{text}\n")).is_err() {
            self.take_raised();
            eprintln!("{text}");
        }
        let _ = super::modules::io::flush_std_streams(self);
        1
    }
}
