//! The `%` operator's template language for `str` (`'%-8.3f|%(key)s' %
//! args`), scanned with CPython 3.11's rules.
//!
//! CPython interleaves scanning with fetching arguments, so which error a
//! bad template raises depends on the arguments (`'%y' % ()` is "not enough
//! arguments", `'%y' % (1,)` is "unsupported format character"). The scanner
//! therefore produces, per directive, the ordered [`Step`]s CPython performs;
//! the runtime executes them with its argument objects and gets CPython's
//! behaviour, errors included. The number formatting itself is
//! [`crate::float_format::format_float_printf`] and
//! [`crate::int_format::format_int_printf`].

use crate::error::PyError;
use crate::float_format::PrintfSpec;

/// One step of a directive, executed in order by the runtime.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Raise `TypeError: format requires a mapping` unless the right operand
    /// is a mapping (a `%(` was seen).
    RequireMapping,
    /// Look up `args[key]` (KeyError propagates). As in CPython, the value
    /// then stands for the whole argument list: the next fetch (a `*` or
    /// the conversion) takes it, a further fetch fails with "not enough
    /// arguments". Without any key, a mapping operand is itself that single
    /// argument.
    LookupKey(String),
    /// Take the next argument as the width: it must be an int
    /// (`TypeError: * wants int`) that fits a C `ssize_t` (`OverflowError:
    /// Python int too large to convert to C ssize_t`); a negative width
    /// means left-justify.
    StarWidth,
    /// Take the next argument as the precision: it must be an int
    /// (`TypeError: * wants int`) that fits a C `int` (`OverflowError:
    /// Python int too large to convert to C int`); negative counts as 0.
    StarPrecision,
    /// Raise this error (`incomplete format`, `width too big`, ...).
    Fail(PyError),
    /// Fetch the value (the looked-up key, else the next positional
    /// argument: `TypeError: not enough arguments for format string`) and
    /// convert it with this character, found at this index of the template
    /// (for [`unsupported_conversion`]).
    Convert(char, usize),
}

/// A `%` directive: its flags and literal width/precision, and its steps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// Flags, width and precision as written (`*` values are filled in by
    /// the runtime from [`Step::StarWidth`] / [`Step::StarPrecision`]).
    pub spec: PrintfSpec,
    /// What CPython does for this directive, in order.
    pub steps: Vec<Step>,
}

/// A piece of a `%` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PercentItem {
    /// Literal text (`%%` already collapsed to `%`).
    Literal(String),
    /// A conversion.
    Directive(Directive),
}

/// Whether `c` is a conversion `str % args` supports.
pub fn is_conversion(c: char) -> bool {
    "sradiuoxXeEfFgGc".contains(c)
}

/// `ValueError: unsupported format character 'y' (0x79) at index 1`
/// (characters outside printable ASCII are shown as `?`).
pub fn unsupported_conversion(c: char, index: usize) -> PyError {
    let v = c as u32;
    let shown = if (32..=126).contains(&v) { c } else { '?' };
    PyError::value(format!(
        "unsupported format character '{shown}' (0x{v:x}) at index {index}"
    ))
}

/// Scans a `%` template into literal text and directives.
pub fn parse_percent_format(template: &str) -> Vec<PercentItem> {
    let chars: Vec<char> = template.chars().collect();
    let mut items = Vec::new();
    let mut literal = String::new();
    let mut pos = 0;
    while pos < chars.len() {
        let c = chars[pos];
        pos += 1;
        if c != '%' {
            literal.push(c);
            continue;
        }
        if chars.get(pos) == Some(&'%') {
            literal.push('%');
            pos += 1;
            continue;
        }
        if !literal.is_empty() {
            items.push(PercentItem::Literal(std::mem::take(&mut literal)));
        }
        items.push(PercentItem::Directive(scan_directive(&chars, &mut pos)));
    }
    if !literal.is_empty() {
        items.push(PercentItem::Literal(literal));
    }
    items
}

/// Scans one directive after its `%`, stopping at the first failure.
fn scan_directive(chars: &[char], pos: &mut usize) -> Directive {
    let mut d = Directive {
        spec: PrintfSpec::default(),
        steps: Vec::new(),
    };
    let incomplete = || Step::Fail(PyError::value("incomplete format"));
    if chars.get(*pos) == Some(&'(') {
        d.steps.push(Step::RequireMapping);
        *pos += 1;
        let start = *pos;
        let mut depth = 1;
        while depth > 0 && *pos < chars.len() {
            match chars[*pos] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            *pos += 1;
        }
        if depth > 0 {
            d.steps
                .push(Step::Fail(PyError::value("incomplete format key")));
            return d;
        }
        d.steps
            .push(Step::LookupKey(chars[start..*pos - 1].iter().collect()));
    }
    // Flags.
    let mut c = loop {
        let Some(&c) = chars.get(*pos) else {
            d.steps.push(incomplete());
            return d;
        };
        *pos += 1;
        match c {
            '-' => d.spec.left = true,
            '+' => d.spec.plus = true,
            ' ' => d.spec.space = true,
            '#' => d.spec.alternate = true,
            '0' => d.spec.zero = true,
            _ => break c,
        }
    };
    // Each `next` returns the following character, or None at the end.
    let next = |pos: &mut usize| {
        let c = chars.get(*pos).copied();
        *pos += 1;
        c
    };
    let mut at_end = false;
    if c == '*' {
        d.steps.push(Step::StarWidth);
        match next(pos) {
            Some(n) => c = n,
            None => at_end = true,
        }
    } else if c.is_ascii_digit() {
        let mut width: usize = c as usize - '0' as usize;
        loop {
            match next(pos) {
                Some(n) if n.is_ascii_digit() => {
                    let digit = n as usize - '0' as usize;
                    if width > (isize::MAX as usize - digit) / 10 {
                        d.steps.push(Step::Fail(PyError::value("width too big")));
                        return d;
                    }
                    width = width * 10 + digit;
                }
                Some(n) => {
                    c = n;
                    break;
                }
                None => {
                    at_end = true;
                    break;
                }
            }
        }
        d.spec.width = Some(width);
    }
    if !at_end && c == '.' {
        d.spec.precision = Some(0);
        match next(pos) {
            Some(n) => c = n,
            None => at_end = true,
        }
        if !at_end && c == '*' {
            d.steps.push(Step::StarPrecision);
            match next(pos) {
                Some(n) => c = n,
                None => at_end = true,
            }
        } else if !at_end && c.is_ascii_digit() {
            let mut prec: usize = c as usize - '0' as usize;
            loop {
                match next(pos) {
                    Some(n) if n.is_ascii_digit() => {
                        let digit = n as usize - '0' as usize;
                        if prec > (i32::MAX as usize - digit) / 10 {
                            d.steps
                                .push(Step::Fail(PyError::value("precision too big")));
                            return d;
                        }
                        prec = prec * 10 + digit;
                    }
                    Some(n) => {
                        c = n;
                        break;
                    }
                    None => {
                        at_end = true;
                        break;
                    }
                }
            }
            d.spec.precision = Some(prec);
        }
    }
    // One length modifier is accepted and ignored (`%ld`).
    if !at_end && matches!(c, 'h' | 'l' | 'L') {
        match next(pos) {
            Some(n) => c = n,
            None => at_end = true,
        }
    }
    if at_end {
        d.steps.push(incomplete());
        return d;
    }
    d.steps.push(Step::Convert(c, *pos - 1));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(t: &str) -> Vec<Step> {
        let items = parse_percent_format(t);
        for item in items {
            if let PercentItem::Directive(d) = item {
                return d.steps;
            }
        }
        panic!("no directive in {t:?}")
    }

    #[test]
    fn literals_and_directives() {
        let items = parse_percent_format("a%%b%-08.3fc");
        assert_eq!(items.len(), 3);
        assert_eq!(items[0], PercentItem::Literal("a%b".into()));
        let PercentItem::Directive(d) = &items[1] else {
            panic!()
        };
        assert!(d.spec.left && d.spec.zero);
        assert_eq!((d.spec.width, d.spec.precision), (Some(8), Some(3)));
        assert_eq!(d.steps, vec![Step::Convert('f', 10)]);
        assert_eq!(items[2], PercentItem::Literal("c".into()));
    }

    #[test]
    fn steps_follow_cpython_order() {
        assert_eq!(
            steps("%(a)s"),
            vec![
                Step::RequireMapping,
                Step::LookupKey("a".into()),
                Step::Convert('s', 4)
            ]
        );
        assert_eq!(steps("%((a))s")[1], Step::LookupKey("(a)".into()));
        assert_eq!(
            steps("%*.*f"),
            vec![Step::StarWidth, Step::StarPrecision, Step::Convert('f', 4)]
        );
        assert_eq!(steps("%ld"), vec![Step::Convert('d', 2)]);
        assert_eq!(steps("%lld"), vec![Step::Convert('l', 2)]);
        assert_eq!(
            steps("%*"),
            vec![
                Step::StarWidth,
                Step::Fail(PyError::value("incomplete format"))
            ]
        );
        assert_eq!(
            steps("%(a"),
            vec![
                Step::RequireMapping,
                Step::Fail(PyError::value("incomplete format key"))
            ]
        );
        assert_eq!(
            steps("%99999999999999999999d"),
            vec![Step::Fail(PyError::value("width too big"))]
        );
        assert_eq!(steps("%5%"), vec![Step::Convert('%', 2)]);
    }

    #[test]
    fn unsupported_message() {
        assert_eq!(
            unsupported_conversion('y', 1).message,
            "unsupported format character 'y' (0x79) at index 1"
        );
        assert_eq!(
            unsupported_conversion('é', 1).message,
            "unsupported format character '?' (0xe9) at index 1"
        );
    }
}
