//! A regular-expression engine for Python 3.11's compiled pattern programs:
//! what the `_sre` module runs. The stdlib's pure-Python `re` parses and
//! compiles a pattern to a list of integers ([`consts`]); [`Matcher`] runs
//! that program over a [`Subject`] (bytes or code points), with CPython's
//! semantics for groups, repeats, assertions and empty matches.
//!
//! ```
//! use pyvm::sre::{Matcher, consts::op};
//! // The program CPython compiles for `ab`: INFO block, two literals.
//! let code = [op::INFO, 10, 3, 2, 2, 2, 2, 97, 98, 0, 0, op::LITERAL, 97, op::LITERAL, 98, op::SUCCESS];
//! let subject = b"xxab";
//! assert_eq!(Matcher::new(&code, &subject[..], 4).search(0), Some((2, 4)));
//! ```

pub mod chars;
pub mod consts;
mod matcher;

pub use matcher::{Matcher, Subject};
