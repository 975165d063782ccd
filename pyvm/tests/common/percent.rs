//! A miniature `str % args` on top of `pyvm::percent_format`, executing the
//! scanner's steps the way the runtime will, for ints, floats and strs.

use num_bigint::BigInt;
use pyvm::error::repr_str;
use pyvm::float_format::format_float_printf;
use pyvm::float_repr::repr_f64;
use pyvm::format_spec::{Align, pad_aligned};
use pyvm::int_format::{format_int_printf, int_to_str};
use pyvm::int_ops::{f64_to_int, int_to_f64};
use pyvm::int_parse::MaxStrDigits;
use pyvm::percent_format::{
    PercentItem, Step, is_conversion, parse_percent_format, unsupported_conversion,
};

use super::float_arg;

/// A Python value in the tests: `i:<decimal>`, `f:<bits>`, `s:<text>`
/// (and the mapping operand itself, which only appears as a value when a
/// template takes a positional value from a mapping).
#[derive(Clone, Debug)]
pub enum Val {
    Int(BigInt),
    Float(f64),
    Str(String),
    Dict,
}

impl Val {
    pub fn decode(s: &str) -> Val {
        let (t, v) = s.split_at(2);
        match t {
            "i:" => Val::Int(v.parse().expect("int")),
            "f:" => Val::Float(float_arg(v)),
            _ => Val::Str(v.to_string()),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Val::Int(_) => "int",
            Val::Float(_) => "float",
            Val::Str(_) => "str",
            Val::Dict => "dict",
        }
    }
}

/// The right operand of `%`: a tuple or a dict.
pub enum Args {
    Tuple(Vec<Val>),
    Map(Vec<(String, Val)>),
}

type Fail = (String, String);

fn err(e: pyvm::PyError) -> Fail {
    (e.kind.name().to_string(), e.message)
}

fn type_error(msg: impl Into<String>) -> Fail {
    ("TypeError".into(), msg.into())
}

/// `template % args`, or the exception class and message.
pub fn percent(template: &str, args: &Args) -> Result<String, Fail> {
    let limit = MaxStrDigits::default();
    let mut out = String::new();
    // CPython's argument source: the tuple and a position, or a single value
    // fetched at most once (the mapping itself, or the value of the last
    // `%(key)` lookup).
    let mut next = 0usize;
    let mut single: Option<Val> = match args {
        Args::Tuple(_) => None,
        Args::Map(_) => Some(Val::Dict),
    };
    let pop = |next: &mut usize, single: &mut Option<Val>| -> Result<Val, Fail> {
        let not_enough = || type_error("not enough arguments for format string");
        match args {
            Args::Tuple(v) if single.is_none() => {
                let x = v.get(*next).cloned().ok_or_else(not_enough)?;
                *next += 1;
                Ok(x)
            }
            _ => single.take().ok_or_else(not_enough),
        }
    };
    for item in parse_percent_format(template) {
        let d = match item {
            PercentItem::Literal(s) => {
                out.push_str(&s);
                continue;
            }
            PercentItem::Directive(d) => d,
        };
        let mut spec = d.spec;
        for step in &d.steps {
            match step {
                Step::RequireMapping => {
                    if !matches!(args, Args::Map(_)) {
                        return Err(type_error("format requires a mapping"));
                    }
                }
                Step::LookupKey(k) => {
                    let Args::Map(m) = args else {
                        unreachable!("checked by RequireMapping")
                    };
                    let v = m.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
                    single = Some(v.ok_or_else(|| ("KeyError".to_string(), repr_str(k)))?);
                }
                Step::StarWidth | Step::StarPrecision => {
                    let Val::Int(n) = pop(&mut next, &mut single)? else {
                        return Err(type_error("* wants int"));
                    };
                    if matches!(step, Step::StarWidth) {
                        let n: i64 = n.try_into().map_err(|_| {
                            (
                                "OverflowError".to_string(),
                                "Python int too large to convert to C ssize_t".to_string(),
                            )
                        })?;
                        spec.left |= n < 0;
                        spec.width = Some(n.unsigned_abs() as usize);
                    } else {
                        let n: i32 = n.try_into().map_err(|_| {
                            (
                                "OverflowError".to_string(),
                                "Python int too large to convert to C int".to_string(),
                            )
                        })?;
                        spec.precision = Some(n.max(0) as usize);
                    }
                }
                Step::Fail(e) => return Err(err(e.clone())),
                Step::Convert(c, index) => {
                    let v = pop(&mut next, &mut single)?;
                    if !is_conversion(*c) {
                        return Err(err(unsupported_conversion(*c, *index)));
                    }
                    out.push_str(&convert(*c, &v, &spec, limit)?);
                }
            }
        }
    }
    if let Args::Tuple(v) = args
        && next < v.len()
    {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(out)
}

fn convert(
    c: char,
    v: &Val,
    spec: &pyvm::float_format::PrintfSpec,
    limit: MaxStrDigits,
) -> Result<String, Fail> {
    let align = if spec.left { Align::Left } else { Align::Right };
    match c {
        's' | 'r' => {
            let text = match (c, v) {
                (_, Val::Int(n)) => int_to_str(n, limit).map_err(err)?,
                (_, Val::Float(x)) => repr_f64(*x),
                ('s', Val::Str(s)) => s.clone(),
                (_, Val::Str(s)) => repr_str(s),
                (_, Val::Dict) => return Err(type_error("test cases never print the mapping")),
            };
            let text: String = match spec.precision {
                Some(p) => text.chars().take(p).collect(),
                None => text,
            };
            Ok(pad_aligned(&text, spec.width, ' ', align))
        }
        'c' => {
            let ch = match v {
                Val::Int(n) => format_int_printf(n, 'c', spec, limit).map_err(err)?,
                Val::Str(s) if s.chars().count() == 1 => pad_aligned(s, spec.width, ' ', align),
                _ => return Err(type_error("%c requires int or char")),
            };
            Ok(ch)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = match v {
                Val::Int(n) => n.clone(),
                Val::Float(x) if "diu".contains(c) => f64_to_int(*x).map_err(err)?,
                other if "diu".contains(c) => {
                    return Err(type_error(format!(
                        "%{c} format: a real number is required, not {}",
                        other.type_name()
                    )));
                }
                other => {
                    return Err(type_error(format!(
                        "%{c} format: an integer is required, not {}",
                        other.type_name()
                    )));
                }
            };
            format_int_printf(&n, c, spec, limit).map_err(err)
        }
        _ => {
            let x = match v {
                Val::Int(n) => int_to_f64(n).map_err(err)?,
                Val::Float(x) => *x,
                other => {
                    return Err(type_error(format!(
                        "must be real number, not {}",
                        other.type_name()
                    )));
                }
            };
            format_float_printf(x, c, spec).map_err(err)
        }
    }
}
