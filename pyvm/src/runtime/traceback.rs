//! Printing an uncaught exception as CPython 3.11 does.

use pyvm_objmodel::Value;

use super::heap::Vm;
use super::layout::{ExcField, Kind, TbField};

/// One traceback entry.
struct Entry {
    file: String,
    line: u32,
    name: String,
    /// Source span of the failing instruction (for the carets).
    #[allow(dead_code)]
    loc: Option<pyvm_bytecode::Location>,
}

impl Vm {
    fn traceback_entries(&self, exc: Value) -> Vec<Entry> {
        let mut tb = self.field(exc, ExcField::Traceback as usize);
        let mut out = Vec::new();
        // The chain starts at the outermost frame.
        while self.kind_of(tb) == Some(Kind::Traceback) && out.len() < 100_000 {
            let code = self.code_arc(self.field(tb, TbField::Code as usize));
            let lasti = self
                .field(tb, TbField::Lasti as usize)
                .as_int()
                .unwrap_or(0) as usize;
            out.push(Entry {
                file: code.filename.to_string(),
                line: self
                    .field(tb, TbField::Lineno as usize)
                    .as_int()
                    .unwrap_or(0) as u32,
                name: code.name.clone(),
                loc: code.locations.get(lasti).copied(),
            });
            tb = self.field(tb, TbField::Next as usize);
        }
        out
    }

    /// The text CPython prints for an uncaught exception (with chained
    /// causes and contexts), reading source lines from `file` names.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut out = String::new();
        let mi = self.push_temp(exc);
        self.format_chain(self.temp(mi), &mut out, 0);
        self.pop_temps(mi);
        out
    }

    fn format_chain(&mut self, exc: Value, out: &mut String, depth: usize) {
        let ei = self.push_temp(exc);
        self.format_one(ei, out, depth);
        self.pop_temps(ei);
    }

    fn format_one(&mut self, ei: usize, out: &mut String, depth: usize) {
        let exc = self.temp(ei);
        if self.kind_of(exc) != Some(Kind::Exception) {
            out.push_str("SystemError: exception of a non-exception type\n");
            return;
        }
        if depth < 100 {
            let cause = self.field(exc, ExcField::Cause as usize);
            let context = self.field(exc, ExcField::Context as usize);
            let suppress = self.field(exc, ExcField::SuppressContext as usize) == Value::TRUE;
            if self.kind_of(cause) == Some(Kind::Exception) {
                self.format_chain(cause, out, depth + 1);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !suppress && self.kind_of(context) == Some(Kind::Exception) {
                self.format_chain(context, out, depth + 1);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        let exc = self.temp(ei);
        let entries = self.traceback_entries(exc);
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
        }
        let mut last: Option<(String, u32, String)> = None;
        let mut repeats = 0;
        for e in &entries {
            let key = (e.file.clone(), e.line, e.name.clone());
            if last.as_ref() == Some(&key) {
                repeats += 1;
                if repeats >= 3 {
                    continue;
                }
            } else {
                flush_repeats(out, repeats);
                repeats = 0;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                e.file, e.line, e.name
            ));
            if let Some(src) = source_line(&e.file, e.line) {
                out.push_str(&format!("    {src}\n"));
            }
            last = Some(key);
        }
        flush_repeats(out, repeats);
        let exc = self.temp(ei);
        out.push_str(&self.exception_line(exc));
        out.push('\n');
        self.format_notes(ei, out);
    }

    /// The `__notes__` lines printed after the exception line.
    fn format_notes(&mut self, ei: usize, out: &mut String) {
        let notes = match self.exc_dict_get(self.temp(ei), "__notes__") {
            Ok(Some(n)) => n,
            Ok(None) => return,
            Err(_) => {
                self.take_raised();
                return;
            }
        };
        let items = match self.kind_of(notes) {
            Some(Kind::List) => self.list_vec(notes).clone(),
            Some(Kind::Tuple) => self.tuple_items(notes).to_vec(),
            _ => {
                let ni = self.push_temp(notes);
                match self.repr_string(self.temp(ni)) {
                    Ok(s) => out.push_str(&s),
                    Err(_) => {
                        self.take_raised();
                        out.push_str("<__notes__ repr() failed>");
                    }
                }
                self.pop_temps(ni);
                out.push('\n');
                return;
            }
        };
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&items);
        for i in 0..items.len() {
            let n = self.temp(mark + i);
            let text = if self.is_str(n) {
                Ok(self.str_text(n).into_owned())
            } else {
                self.str_string(n)
            };
            match text {
                Ok(t) => out.push_str(&t),
                Err(_) => {
                    self.take_raised();
                    out.push_str("<note str() failed>");
                }
            }
            out.push('\n');
        }
        self.pop_temps(mark);
    }

    /// `TypeName: message` (or just the type name for an empty message).
    pub fn exception_line(&mut self, exc: Value) -> String {
        let name = self.type_name(exc);
        // CPython omits the module for builtins and `__main__`.
        let qual = name;
        let msg = match self.exception_message(exc) {
            Some(m) => m,
            None => "<exception str() failed>".into(),
        };
        if msg.is_empty() {
            qual
        } else {
            format!("{qual}: {msg}")
        }
    }

    fn exception_message(&mut self, exc: Value) -> Option<String> {
        let is_key_error = self.exc_matches(exc, super::types::TypeId::KeyError);
        if is_key_error {
            let args = self.field(exc, ExcField::Args as usize);
            if self.tuple_items(args).len() == 1 {
                let a0 = self.tuple_items(args)[0];
                return self.repr_string(a0).ok();
            }
        }
        match self.str_string(exc) {
            Ok(s) => Some(s),
            Err(_) => {
                self.take_raised();
                None
            }
        }
    }
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let more = repeats - 2;
        let s = if more == 1 { "" } else { "s" };
        out.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
    }
}

/// Line `line` of file `file`, stripped, if the file is readable.
fn source_line(file: &str, line: u32) -> Option<String> {
    if file.starts_with('<') {
        return None;
    }
    let text = std::fs::read(file).ok()?;
    let text = String::from_utf8_lossy(&text);
    let l = text.lines().nth(line.checked_sub(1)? as usize)?;
    let t = l.trim();
    (!t.is_empty()).then(|| t.to_string())
}
