//! CPython-exact pure algorithms for the pyvm runtime.
//!
//! The interpreter is not built yet. What exists are the algorithms the core
//! types will call, each giving exactly CPython 3.11's results and error
//! messages: float repr/format/parse, int parse/format/arithmetic, the
//! format-spec mini-language, numeric hashing, a fallible timsort and the
//! Mersenne Twister behind `random`.
//!
//! ```
//! use pyvm::float_repr::repr_f64;
//! use pyvm::float_format::format_float;
//!
//! assert_eq!(repr_f64(1e16), "1e+16");
//! assert_eq!(repr_f64(0.1 + 0.2), "0.30000000000000004");
//! assert_eq!(format_float(1234.5, ",.2f").unwrap(), "1,234.50");
//! ```

pub mod error;
pub mod float_arith;
pub mod float_format;
pub mod float_ops;
pub mod float_parse;
pub mod float_repr;
pub mod format_spec;
pub mod int_format;
pub mod int_ops;
pub mod int_parse;
pub mod mt19937;
pub mod num_hash;
pub mod numeric_text;
pub mod sort;
pub mod str_hash;

pub use error::{ErrorKind, PyError, PyResult};
