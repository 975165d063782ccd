//! How an uncaught `SyntaxError` instance is printed (CPython's
//! `print_exception` for syntax errors): instead of `SyntaxError: msg
//! (file, line N)`, the location line, the offending source text and the
//! carets, then `SyntaxError: msg`, exactly as a compile-time error of
//! the main program is printed (`cli::format_syntax_error`; carets only
//! when the offset falls after the line's indentation, as CPython).

use pyvm_objmodel::Value;

use super::heap::Vm;
use super::types::TypeId;

impl Vm {
    /// The tail CPython prints for the SyntaxError (or subclass) `exc`,
    /// without the final newline; `None` for other exceptions, or when
    /// the attributes are not what the format needs.
    pub(crate) fn syntax_error_tail(&mut self, exc: Value) -> Option<String> {
        if !self.exc_matches(exc, TypeId::SyntaxError) {
            return None;
        }
        let ei = self.push_temp(exc);
        let r = self.syntax_error_tail_inner(ei);
        self.pop_temps(ei);
        if r.is_none() {
            self.take_raised();
        }
        r
    }

    fn syntax_error_tail_inner(&mut self, ei: usize) -> Option<String> {
        let get =
            |vm: &mut Vm, name: &str| -> Option<Value> { vm.get_attr_str(vm.temp(ei), name).ok() };
        let line = get(self, "lineno")?.as_int()?;
        let filename = get(self, "filename")?;
        let filename = if self.is_str(filename) {
            self.str_text(filename).into_owned()
        } else {
            "<string>".to_string()
        };
        let msg = get(self, "msg")?;
        let msg = if self.is_str(msg) {
            self.str_text(msg).into_owned()
        } else {
            let mi = self.push_temp(msg);
            let s = self.str_string(self.temp(mi)).ok();
            self.pop_temps(mi);
            s?
        };
        let int_or = |v: Option<Value>, d: i64| v.and_then(|v| v.as_int()).unwrap_or(d);
        let col = int_or(get(self, "offset"), 0);
        let end_line = int_or(get(self, "end_lineno"), line);
        let end_col = int_or(get(self, "end_offset"), 0);
        let text = get(self, "text").filter(|t| self.is_str(*t));
        let text = text.map(|t| self.str_text(t).into_owned());
        // Only the line the error is on is printed (CPython skips the
        // lines of a multi-line `text` before the offset).
        let (text, col) = match text {
            Some(t) if col > 0 => {
                let mut rest = t.as_str();
                let mut col = col;
                while let Some(nl) = rest.find('\n') {
                    let n = rest[..nl].chars().count() as i64;
                    if n + 1 >= col || nl + 1 >= rest.len() {
                        break;
                    }
                    rest = &rest[nl + 1..];
                    col -= n + 1;
                }
                (Some(rest.to_string()), col)
            }
            t => (t, col),
        };
        let msg = if msg.is_empty() {
            "<no detail available>".to_string()
        } else {
            msg
        };
        let mut s = format!("  File \"{filename}\", line {line}\n");
        if let Some(t) = text {
            let rtext = t.trim_end_matches(['\n', '\r']);
            let ltext = rtext.trim_start_matches([' ', '\t', '\x0c']);
            let spaces = (rtext.chars().count() - ltext.chars().count()) as i64;
            s.push_str(&format!("    {ltext}\n"));
            if col > 0 {
                let end = if end_line == line && end_col > col {
                    end_col
                } else {
                    col + 1
                };
                let (colno, end_colno) = (col - 1 - spaces, end - 1 - spaces);
                if colno >= 0 {
                    let pad: String = ltext
                        .chars()
                        .take(colno as usize)
                        .map(|c| if c.is_whitespace() { c } else { ' ' })
                        .collect();
                    let width = (end_colno - colno).max(1) as usize;
                    s.push_str(&format!("    {pad}{}\n", "^".repeat(width)));
                }
            }
        }
        let class = self.type_name(self.temp(ei));
        s.push_str(&format!("{class}: {msg}"));
        Some(s)
    }
}
