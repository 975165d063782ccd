//! The pyvm runtime: objects on the `pyvm-gc` heap, values from
//! `pyvm-objmodel`, and an interpreter for `pyvm-bytecode` code objects.
//!
//! See `ARCHITECTURE-runtime.md` in the crate for the design: object
//! layout ([`layout`]), the collector binding ([`binding`]), the frame stack
//! ([`frame`], [`call`]), exceptions ([`exception`], [`traceback`]), and the
//! dispatch loop ([`interp`]) with its executor hook for the trace recorder.
//!
//! Running a program (what the `pyvm` command does, minus error printing):
//!
//! ```
//! use pyvm::runtime::Vm;
//! use pyvm::str_hash::HashSecret;
//! use pyvm_bytecode::{Mode, compile};
//! use pyvm_gc::Config;
//!
//! let src = "def sq(n):\n    return n * n\nprint([sq(i) for i in range(4)], 2 ** 70)\n";
//! let code = compile(src, "<doc>", Mode::Exec).unwrap();
//! let mut vm = Vm::new(Config::default(), HashSecret::from_seed(0)).unwrap();
//! vm.run_main(code).unwrap();
//! // `print` buffers into `vm.out` (the command flushes it to stdout).
//! assert_eq!(vm.out, b"[0, 1, 4, 9] 1180591620717411303424\n");
//!
//! // An uncaught exception comes back as `Err(Raised)`, the object rooted
//! // in the VM; `format_exception` renders CPython's traceback text.
//! let code = compile("x = {}\nx['k']\n", "<doc>", Mode::Exec).unwrap();
//! assert!(vm.run_main(code).is_err());
//! let exc = vm.take_raised();
//! assert!(vm.format_exception(exc).ends_with("KeyError: 'k'\n"));
//! ```

mod abstract_new;
pub(crate) mod ast;
pub(crate) mod async_builtins;
pub mod attr;
mod attr_error;
mod augmented;
pub mod binding;
pub mod bootstrap;
pub(crate) mod buffer_exports;
mod builtin_binding;
mod builtin_descrs;
pub mod builtins;
pub mod bytes_obj;
pub mod bytes_ops;
pub mod call;
mod call_unpack;
pub mod class_create;
pub mod cli;
pub mod code;
pub(crate) mod code_positions;
pub(crate) mod code_replace;
pub mod codec_callback;
pub mod compile_warn;
pub mod complex_obj;
pub mod coroutine;
pub mod descr;
mod embedded;
pub mod exc_types;
pub mod exception;
mod exec_builtins;
pub mod frame;
pub(crate) mod frame_obj;
mod gen_finalize;
pub mod generator;
mod generic_alias;
pub mod gil;
pub mod heap;
pub mod import;
pub mod instance_shapes;
pub mod intern;
pub mod interp;
pub mod items;
pub mod iterkinds;
pub mod keys;
pub mod layout;
pub mod lineedit;
pub(crate) mod memview_cast;
mod module_sub;
pub mod modules;
pub mod names;
pub mod native_state;
pub mod numbers;
pub(crate) mod object_reduce;
pub mod ops;
pub mod pattern;
pub mod py_keys;
pub mod range_big;
pub mod recursion;
pub mod repl;
pub mod seqops;
pub mod set_order;
pub mod setobj;
mod slice_cmp;
pub mod special;
mod stdlib_fixups;
pub mod subclass;
pub mod super_type;
mod syntax_error_print;
pub mod sysstate;
pub mod text;
pub mod text_codec;
pub mod traceback;
pub(crate) mod traceback_obj;
pub mod type_cache;
mod type_flags_attr;
pub mod types;
pub mod utf7;
pub mod views;

pub use exception::{PyResult, Raised};
pub use heap::Vm;
pub use interp::{Counting, Executor, Run};
