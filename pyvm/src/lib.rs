//! The pyvm runtime: the interpreter in [`runtime`], and the CPython-exact
//! pure algorithms it calls.
//!
//! The algorithm modules below need no objects, heap or interpreter; each
//! gives exactly CPython 3.11's results and error messages, checked against
//! CPython itself (golden files and a live differential test):
//!
//! | module | Python behaviour |
//! |---|---|
//! | [`float_repr`] | `repr(float)` / `str(float)` |
//! | [`float_format`] | `format(float, spec)`, `'%.3f' % x` |
//! | [`float_parse`] | `float(str)`, `float.fromhex` |
//! | [`float_ops`] | `round(x, n)`, `float.hex`, `as_integer_ratio`, `is_integer` |
//! | [`float_pack`] | `struct` packing of half/single floats (`e`, `f`) |
//! | [`float_arith`] | float `/ % // divmod **` |
//! | [`bytes_text`] | `repr(bytes)`, `repr(bytearray)`, `bytes.hex`, `bytes.fromhex` |
//! | [`codec`] | UTF-8/ASCII/Latin-1 decode and encode with CPython's errors |
//! | [`complex_arith`] | complex `+ - * / **`, `abs` |
//! | [`complex_parse`] | `complex(str)` |
//! | [`complex_format`] | `repr(complex)`, `format(complex, spec)` |
//! | [`format_spec`] | the format-spec mini-language, `str.__format__` |
//! | [`percent_format`] | `str % args` templates, as steps the runtime executes |
//! | [`format_string`] | `str.format` templates: fields, names, auto-numbering |
//! | [`int_parse`] | `int(str, base)`, `sys.set_int_max_str_digits` |
//! | [`int_format`] | `str(int)`, `bin/oct/hex`, `format(int, spec)`, `'%d' % n` |
//! | [`int_ops`] | `// % divmod pow << >> / round`, `to_bytes`/`from_bytes`, int↔float (conversions, exact comparison) |
//! | [`num_hash`] | `hash()` of int, float, complex, Fraction, Decimal, tuple, frozenset |
//! | [`str_repr`] | `repr(str)`, `ascii(str)`, `str.isprintable()` (Unicode 14.0) |
//! | [`str_case`] | `upper`, `lower` (final sigma), `casefold`, `title`, `capitalize`, `swapcase`, `is*` |
//! | [`str_class`] | `isdecimal`, `isdigit`, `isnumeric`, `isalpha`, `isalnum`, `isidentifier` |
//! | [`str_search`] | `find`, `rfind`, `count`, `replace`, `split(sep)`, `partition` |
//! | [`str_split`] | whitespace `split`/`rsplit`, `splitlines`, default `strip` |
//! | [`str_pad`] | `center`, `ljust`, `rjust`, `zfill`, `expandtabs` |
//! | [`str_hash`] | `hash()` of str and bytes (SipHash-1-3, `PYTHONHASHSEED`) |
//! | [`math_float`] | `math` float functions with CPython's domain/range errors, `log` of big ints |
//! | [`math_gamma`] | `math.gamma`, `math.lgamma` (CPython's Lanczos code) |
//! | [`math_exact`] | `math.fsum`, `isqrt`, `factorial`, `comb`, `perm`, `gcd`, `lcm` |
//! | [`sort`] | `list.sort(key=, reverse=)` over a fallible comparison |
//! | [`mt19937`] | `_random.Random` (the Mersenne Twister) |
//!
//! Errors are data: a [`PyError`] names the exception class and carries
//! CPython's exact message; the interpreter raises it.
//!
//! ```
//! use num_bigint::BigInt;
//! use pyvm::float_format::format_float;
//! use pyvm::float_repr::repr_f64;
//! use pyvm::int_parse::{MaxStrDigits, parse_int};
//! use pyvm::num_hash::{hash_int, hash_tuple};
//!
//! assert_eq!(repr_f64(1e16), "1e+16");
//! assert_eq!(repr_f64(0.1 + 0.2), "0.30000000000000004");
//! assert_eq!(format_float(1234.5, ",.2f").unwrap(), "1,234.50");
//!
//! let n = parse_int("0x_ff", 0, MaxStrDigits::default()).unwrap();
//! assert_eq!(n, BigInt::from(255));
//! let err = parse_int("12a", 10, MaxStrDigits::default()).unwrap_err();
//! assert_eq!(err.to_string(), "ValueError: invalid literal for int() with base 10: '12a'");
//!
//! // hash((1, 2)) in CPython 3.11:
//! let h = hash_tuple([hash_int(&BigInt::from(1)), hash_int(&BigInt::from(2))]);
//! assert_eq!(h, -3550055125485641917);
//! ```

pub mod bytes_text;
pub mod cmath_float;
pub mod codec;
pub mod complex_arith;
pub mod complex_format;
pub mod complex_parse;
pub mod error;
pub mod float_arith;
pub mod float_format;
pub mod float_ops;
pub mod float_pack;
pub mod float_parse;
pub mod float_repr;
pub mod format_spec;
pub mod format_string;
pub mod int_format;
pub mod int_ops;
pub mod int_parse;
pub mod math_exact;
pub mod math_float;
pub mod math_gamma;
pub mod mt19937;
pub mod num_hash;
pub mod numeric_text;
pub mod percent_format;
pub mod runtime;
pub mod sort;
pub mod sre;
pub mod str_case;
pub mod str_class;
pub mod str_hash;
pub mod str_pad;
pub mod str_repr;
pub mod str_search;
pub mod str_split;
pub mod unicode_db;

pub use error::{ErrorKind, PyError, PyResult};
