//! Running a program: compile, execute as `__main__`, report errors as
//! CPython does, and choose the exit status.

use pyvm_bytecode::{Mode, SyntaxError, compile};
use pyvm_gc::Config;
use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::{ExcField, Kind};
use super::types::TypeId;
use crate::str_hash::HashSecret;

/// What `pyvm` was asked to run.
pub enum Program {
    /// A script file.
    File(String),
    /// `-c CODE`.
    Command(String),
    /// `-m MODULE` (the import system runs it: `import/main_module.rs`).
    Module(String),
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

/// Runs a program; returns the process exit status.
pub fn run_program(p: Program) -> i32 {
    let (source, filename) = match &p {
        Program::File(path) => match std::fs::read(path) {
            // CPython reports the script by its absolute path.
            Ok(b) => (
                b,
                std::path::absolute(path)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or_else(|_| path.clone()),
            ),
            Err(e) => {
                let exe = "pyvm";
                eprintln!(
                    "{exe}: can't open file '{path}': [Errno {}] {}",
                    e.raw_os_error().unwrap_or(0),
                    describe_io_error(&e)
                );
                return 2;
            }
        },
        Program::Command(c) => (c.clone().into_bytes(), "<string>".to_string()),
        Program::Module(name) => return run_module_program(name),
    };
    let code = match pyvm_bytecode::compile_bytes(&source, &filename, Mode::Exec) {
        Ok(c) => c,
        Err(e) => {
            eprint!("{}", format_syntax_error(&e));
            return 1;
        }
    };
    let _ = compile;
    let mut vm = match Vm::new(gc_config_from_env(), hash_secret_from_env()) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("pyvm: cannot start: {e}");
            return 1;
        }
    };
    let main_kind = match &p {
        Program::File(f) => super::import::main_module::MainKind::File(f),
        _ => super::import::main_module::MainKind::Command,
    };
    super::import::main_module::prepare(&mut vm, main_kind);
    let file = matches!(p, Program::File(_)).then_some(filename.as_str());
    let status = match vm.run_main_file(code, file) {
        Ok(_) => 0,
        Err(_) => vm.report_uncaught(),
    };
    vm.flush_out();
    status
}

/// `pyvm -m NAME`.
fn run_module_program(name: &str) -> i32 {
    let mut vm = match Vm::new(gc_config_from_env(), hash_secret_from_env()) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("pyvm: cannot start: {e}");
            return 1;
        }
    };
    super::import::main_module::prepare(
        &mut vm,
        super::import::main_module::MainKind::Module(name),
    );
    let status = match vm.run_module_as_main(name) {
        Ok(Ok(())) => 0,
        Ok(Err(msg)) => {
            vm.flush_out();
            eprintln!("pyvm: {msg}");
            1
        }
        Err(_) => vm.report_uncaught(),
    };
    vm.flush_out();
    status
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
        let depth = self.m.roots().frames.len();
        self.push_code_frame(self.temp(ci), self.temp(gi), self.temp(gi), Value::EMPTY)?;
        let r = self.run_frames(depth);
        let g = self.temp(gi);
        self.pop_temps(ci);
        r.map(|_| g)
    }

    /// Prints the raised exception as CPython does; returns the exit status.
    pub fn report_uncaught(&mut self) -> i32 {
        let exc = self.take_raised();
        self.flush_out();
        if self.kind_of(exc) == Some(Kind::Exception) && self.exc_matches(exc, TypeId::SystemExit) {
            let args = self.field(exc, ExcField::Args as usize);
            let items = self.tuple_items(args).to_vec();
            return match items.first() {
                None => 0,
                Some(v) if v.is_none() => 0,
                Some(v) => match v.as_int() {
                    Some(i) => i as i32,
                    None => {
                        let s = self.str_string(*v).unwrap_or_default();
                        eprintln!("{s}");
                        1
                    }
                },
            };
        }
        let text = self.format_exception(exc);
        eprint!("{text}");
        1
    }
}
