//! Substring operations of `str` with CPython 3.11's index rules: `find`,
//! `rfind`, `count` (with `start`/`end` adjusted like slices), `replace`
//! (including the empty pattern), `split`/`rsplit` with a separator and
//! `maxsplit`, `partition`/`rpartition`. Indices count code points.

use crate::error::{PyError, PyResult};

/// Python's slice adjustment of optional `start`/`end` for a length `len`.
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Positions of `sub` in `hay[start..end]`, non-overlapping, left to right.
fn matches(hay: &[char], sub: &[char], start: usize, end: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while i + sub.len() <= end {
        if hay[i..i + sub.len()] == *sub {
            out.push(i);
            i += sub.len().max(1);
        } else {
            i += 1;
        }
    }
    out
}

/// `s.find(sub, start, end)`: the lowest index, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (hay, needle) = (chars(s), chars(sub));
    let (start, end) = adjust(start, end, hay.len());
    if end - start < needle.len() as i64 {
        return -1;
    }
    let (start, end) = (start as usize, end as usize);
    (start..=end - needle.len())
        .find(|&i| hay[i..i + needle.len()] == *needle)
        .map_or(-1, |i| i as i64)
}

/// `s.rfind(sub, start, end)`: the highest index, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (hay, needle) = (chars(s), chars(sub));
    let (start, end) = adjust(start, end, hay.len());
    if end - start < needle.len() as i64 {
        return -1;
    }
    let (start, end) = (start as usize, end as usize);
    (start..=end - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()] == *needle)
        .map_or(-1, |i| i as i64)
}

/// `s.count(sub, start, end)`: non-overlapping occurrences (`len + 1` for
/// the empty string within range).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let (hay, needle) = (chars(s), chars(sub));
    let (start, end) = adjust(start, end, hay.len());
    if end - start < needle.len() as i64 {
        return 0;
    }
    if needle.is_empty() {
        return (end - start + 1) as usize;
    }
    matches(&hay, &needle, start as usize, end as usize).len()
}

/// `s.replace(old, new, count)`: at most `count` replacements (negative:
/// all), left to right; an empty `old` inserts `new` before every character
/// and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        let mut out = String::new();
        let mut done = 0;
        for c in s.chars() {
            if done < limit {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < limit {
            out.push_str(new);
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut done = 0;
    while done < limit {
        let Some(at) = rest.find(old) else { break };
        out.push_str(&rest[..at]);
        out.push_str(new);
        rest = &rest[at + old.len()..];
        done += 1;
    }
    out.push_str(rest);
    out
}

fn check_sep(sep: &str) -> PyResult<()> {
    if sep.is_empty() {
        Err(PyError::value("empty separator"))
    } else {
        Ok(())
    }
}

/// `s.split(sep, maxsplit)` with a separator (`ValueError: empty
/// separator`); negative `maxsplit` means no limit.
pub fn split_sep<'a>(s: &'a str, sep: &str, maxsplit: i64) -> PyResult<Vec<&'a str>> {
    check_sep(sep)?;
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    let mut rest = s;
    while out.len() < limit {
        let Some(at) = rest.find(sep) else { break };
        out.push(&rest[..at]);
        rest = &rest[at + sep.len()..];
    }
    out.push(rest);
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)` with a separator.
pub fn rsplit_sep<'a>(s: &'a str, sep: &str, maxsplit: i64) -> PyResult<Vec<&'a str>> {
    check_sep(sep)?;
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    let mut rest = s;
    while out.len() < limit {
        let Some(at) = rest.rfind(sep) else { break };
        out.push(&rest[at + sep.len()..]);
        rest = &rest[..at];
    }
    out.push(rest);
    out.reverse();
    Ok(out)
}

/// `s.partition(sep)`: `(before, sep, after)`, or `(s, "", "")`.
pub fn partition<'a>(s: &'a str, sep: &'a str) -> PyResult<(&'a str, &'a str, &'a str)> {
    check_sep(sep)?;
    Ok(match s.find(sep) {
        Some(at) => (&s[..at], sep, &s[at + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`: `(before, sep, after)` at the last occurrence, or
/// `("", "", s)`.
pub fn rpartition<'a>(s: &'a str, sep: &'a str) -> PyResult<(&'a str, &'a str, &'a str)> {
    check_sep(sep)?;
    Ok(match s.rfind(sep) {
        Some(at) => (&s[..at], sep, &s[at + sep.len()..]),
        None => ("", "", s),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searching_like_python() {
        assert_eq!(find("abcabc", "c", None, None), 2);
        assert_eq!(find("abc", "", Some(3), None), 3);
        assert_eq!(find("abc", "", Some(4), None), -1);
        assert_eq!(find("abc", "", Some(2), Some(1)), -1);
        assert_eq!(rfind("abcabc", "abc", Some(-4), None), 3);
        assert_eq!(count("aaaa", "aa", None, None), 2);
        assert_eq!(count("abc", "", None, None), 4);
        assert_eq!(count("abc", "", Some(4), None), 0);
        assert_eq!(count("éé", "é", Some(-1), None), 1);
    }

    #[test]
    fn replacing_and_splitting() {
        assert_eq!(replace("abc", "", "-", -1), "-a-b-c-");
        assert_eq!(replace("abc", "", "-", 2), "-a-bc");
        assert_eq!(replace("aaa", "a", "b", 2), "bba");
        assert_eq!(split_sep("a,b,,c", ",", -1).unwrap(), ["a", "b", "", "c"]);
        assert_eq!(split_sep("a,b,c", ",", 1).unwrap(), ["a", "b,c"]);
        assert_eq!(rsplit_sep("a,b,c", ",", 1).unwrap(), ["a,b", "c"]);
        assert_eq!(
            split_sep("a", "", -1).unwrap_err().message,
            "empty separator"
        );
        assert_eq!(partition("a=b=c", "=").unwrap(), ("a", "=", "b=c"));
        assert_eq!(rpartition("abc", "=").unwrap(), ("", "", "abc"));
    }
}
