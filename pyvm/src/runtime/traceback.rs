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
    /// causes and contexts, and exception groups as boxed trees), reading
    /// source lines from `file` names.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut out = String::new();
        let mi = self.push_temp(exc);
        let mut ctx = PrintCtx::default();
        self.format_exc(mi, &mut ctx, &mut out);
        self.pop_temps(mi);
        out
    }

    /// Formats the exception at temp `ei` and its chain (CPython's
    /// `TracebackException.format`).
    fn format_exc(&mut self, ei: usize, ctx: &mut PrintCtx, out: &mut String) {
        let mark = self.temps_len();
        let mut chain: Vec<(Option<&'static str>, usize)> = Vec::new();
        let mut cur = ei;
        let first = self.temp(ei);
        if self.kind_of(first) == Some(Kind::Exception) {
            ctx.seen.push(self.id_of(first));
        }
        while chain.len() < 1000 {
            let exc = self.temp(cur);
            if self.kind_of(exc) != Some(Kind::Exception) {
                chain.push((None, cur));
                break;
            }
            let cause = self.field(exc, ExcField::Cause as usize);
            let context = self.field(exc, ExcField::Context as usize);
            let suppress = self.field(exc, ExcField::SuppressContext as usize) == Value::TRUE;
            let next = if self.kind_of(cause) == Some(Kind::Exception) {
                Some((CAUSE_MSG, cause))
            } else if !suppress && self.kind_of(context) == Some(Kind::Exception) {
                Some((CONTEXT_MSG, context))
            } else {
                None
            };
            match next {
                Some((msg, n)) if !ctx.seen.contains(&self.id_of(n)) => {
                    chain.push((Some(msg), cur));
                    ctx.seen.push(self.id_of(n));
                    cur = self.push_temp(n);
                }
                _ => {
                    chain.push((None, cur));
                    break;
                }
            }
        }
        for &(msg, idx) in chain.iter().rev() {
            if let Some(m) = msg {
                emit(ctx, out, m, '|');
            }
            let exc = self.temp(idx);
            let is_group = self.kind_of(exc) == Some(Kind::Exception)
                && self.isinstance_of(exc, super::types::TypeId::BaseExceptionGroup);
            let (stack, tail) = self.format_parts(idx);
            if !is_group {
                if !stack.is_empty() {
                    emit(ctx, out, "Traceback (most recent call last):\n", '|');
                    emit(ctx, out, &stack, '|');
                }
                emit(ctx, out, &tail, '|');
            } else if ctx.depth > MAX_GROUP_DEPTH {
                emit(
                    ctx,
                    out,
                    &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                    '|',
                );
            } else {
                self.format_group(idx, ctx, out, &stack, &tail);
            }
        }
        self.pop_temps(mark);
    }

    fn format_group(
        &mut self,
        gi: usize,
        ctx: &mut PrintCtx,
        out: &mut String,
        stack: &str,
        tail: &str,
    ) {
        let top = ctx.depth == 0;
        if top {
            ctx.depth += 1;
        }
        if !stack.is_empty() {
            let margin = if top { '+' } else { '|' };
            emit(
                ctx,
                out,
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            emit(ctx, out, stack, '|');
        }
        emit(ctx, out, tail, '|');
        let items = self.group_items(self.temp(gi));
        let mark = self.temps_len();
        self.roots().temps.extend_from_slice(&items);
        let total = items.len();
        let n = if total <= MAX_GROUP_WIDTH {
            total
        } else {
            MAX_GROUP_WIDTH + 1
        };
        ctx.need_close = false;
        for i in 0..n {
            let last = i + 1 == n;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&ctx.indent());
            out.push_str(if i == 0 { "+-" } else { "  " });
            out.push_str(&format!("+---------------- {title} ----------------\n"));
            ctx.depth += 1;
            if truncated {
                let rest = total - MAX_GROUP_WIDTH;
                let s = if rest > 1 { "s" } else { "" };
                emit(ctx, out, &format!("and {rest} more exception{s}\n"), '|');
            } else {
                self.format_exc(mark + i, ctx, out);
            }
            if last && ctx.need_close {
                out.push_str(&ctx.indent());
                out.push_str("+------------------------------------\n");
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        self.pop_temps(mark);
        if top {
            ctx.depth = 0;
        }
    }

    /// The stack lines and the exception line (with notes) of the
    /// exception at temp `ei`, without its chain.
    fn format_parts(&mut self, ei: usize) -> (String, String) {
        let exc = self.temp(ei);
        if self.kind_of(exc) != Some(Kind::Exception) {
            return (
                String::new(),
                "SystemError: exception of a non-exception type\n".into(),
            );
        }
        let entries = self.traceback_entries(exc);
        let mut stack = String::new();
        let out = &mut stack;
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
            if let Some(raw) = raw_source_line(&e.file, e.line) {
                let src = raw.trim();
                if !src.is_empty() {
                    out.push_str(&format!("    {src}\n"));
                    if let Some(loc) = e.loc
                        && let Some(c) = pyvm_bytecode::carets::caret_line(&raw, e.line, loc)
                    {
                        out.push_str(&c);
                        out.push('\n');
                    }
                }
            }
            last = Some(key);
        }
        flush_repeats(out, repeats);
        let exc = self.temp(ei);
        let mut tail = match self.syntax_error_tail(exc) {
            Some(t) => t,
            None => self.exception_line(self.temp(ei)),
        };
        if let Some(s) = self.name_error_suggestion(ei) {
            tail.push_str(&format!(". Did you mean: '{s}'?"));
        } else if let Some(s) = self.attribute_error_suggestion(ei) {
            tail.push_str(&format!(". Did you mean: '{s}'?"));
        }
        tail.push('\n');
        self.format_notes(ei, &mut tail);
        (stack, tail)
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
        // CPython omits the module for builtins and `__main__`. Reading the
        // names allocates: `exc` is rooted across it.
        let ei = self.push_temp(exc);
        let qual = self.exception_qualified_name(exc).unwrap_or(name);
        let exc = self.temp(ei);
        self.pop_temps(ei);
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

    /// `module.qualname` of the exception's class, as CPython prints it
    /// (None when the class does not say: the plain name is used).
    fn exception_qualified_name(&mut self, exc: Value) -> Option<String> {
        let mark = self.temps_len();
        let ci = self.push_temp(self.class_of(exc));
        let mut failed = false;
        let mut attr = |vm: &mut Vm, name: &str| match vm.get_attr_str(vm.temp(ci), name) {
            Ok(v) if vm.is_str(v) => Some(vm.str_text(v).into_owned()),
            Ok(_) => None,
            Err(_) => {
                failed = true;
                None
            }
        };
        let module = attr(self, "__module__");
        let qual = attr(self, "__qualname__");
        if failed {
            self.take_raised();
        }
        let r = match (module, qual) {
            (Some(m), Some(q)) if m == "builtins" || m == "__main__" => Some(q),
            (Some(m), Some(q)) => Some(format!("{m}.{q}")),
            _ => None,
        };
        self.pop_temps(mark);
        r
    }

    fn exception_message(&mut self, exc: Value) -> Option<String> {
        let is_key_error = self.exc_matches(exc, super::types::TypeId::KeyError);
        if is_key_error {
            let args = self.field(exc, ExcField::Args as usize);
            if self.tuple_items(args).len() == 1 {
                let a0 = self.tuple_items(args)[0];
                let r = self.repr_text(a0).ok();
                if r.is_none() {
                    self.take_raised();
                }
                return r;
            }
        }
        // `str(exc)`: a user `__str__` is called.
        match self.str_value(exc) {
            Ok(s) => Some(self.str_text(s).into_owned()),
            Err(_) => {
                self.take_raised();
                None
            }
        }
    }
}

const CAUSE_MSG: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MSG: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";
/// Nesting and width limits of printed exception groups (CPython's).
const MAX_GROUP_DEPTH: usize = 10;
const MAX_GROUP_WIDTH: usize = 15;

/// Exception-group printing state (CPython's `_ExceptionPrintContext`).
#[derive(Default)]
struct PrintCtx {
    /// Group nesting: the margin is two spaces per level.
    depth: usize,
    /// The last sub-exception still needs the closing rule.
    need_close: bool,
    /// Ids of exceptions already printed in a chain.
    seen: Vec<u64>,
}

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
}

/// Appends `text` with the group margin in front of every line.
fn emit(ctx: &PrintCtx, out: &mut String, text: &str, margin: char) {
    let mut prefix = ctx.indent();
    if ctx.depth > 0 {
        prefix.push(margin);
        prefix.push(' ');
    }
    for line in text.split_inclusive('\n') {
        out.push_str(&prefix);
        out.push_str(line);
    }
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let more = repeats - 2;
        let s = if more == 1 { "" } else { "s" };
        out.push_str(&format!("  [Previous line repeated {more} more time{s}]\n"));
    }
}

/// Line `line` of file `file` as written, if the file is readable.
fn raw_source_line(file: &str, line: u32) -> Option<String> {
    if file.starts_with('<') {
        return None;
    }
    let text = std::fs::read(file).ok()?;
    let text = String::from_utf8_lossy(&text);
    Some(text.lines().nth(line.checked_sub(1)? as usize)?.to_string())
}

impl Vm {
    /// The name CPython suggests for an uncaught NameError: the closest of
    /// the innermost frame's local names, then its globals, then the
    /// builtins (`crate::suggestions`).
    /// (The exception is at temp `ei`.)
    fn name_error_suggestion(&mut self, ei: usize) -> Option<String> {
        use super::types::{GlobalSlot, TypeId};
        if self.class_of(self.temp(ei)) != self.ty(TypeId::NameError) {
            return None;
        }
        let msg = self.exception_message(self.temp(ei))?;
        let name = msg
            .strip_prefix("name '")?
            .strip_suffix("' is not defined")?;
        // Nothing below allocates on the heap.
        let mut tb = self.field(self.temp(ei), ExcField::Traceback as usize);
        if self.kind_of(tb) != Some(Kind::Traceback) {
            return None;
        }
        while self.kind_of(self.field(tb, TbField::Next as usize)) == Some(Kind::Traceback) {
            tb = self.field(tb, TbField::Next as usize);
        }
        let code = self
            .code_arc(self.field(tb, TbField::Code as usize))
            .clone();
        let locals: Vec<&str> = code.local_names.iter().map(String::as_str).collect();
        if let Some(s) = crate::suggestions::closest(name, &locals) {
            return Some(s.to_string());
        }
        for d in [
            self.field(tb, TbField::Globals as usize),
            self.global(GlobalSlot::Builtins),
        ] {
            if self.kind_of(d) != Some(Kind::Dict) {
                continue;
            }
            let keys: Vec<String> = self
                .set_keys(d)
                .into_iter()
                .filter(|k| self.is_str(*k))
                .map(|k| self.str_text(k).into_owned())
                .collect();
            let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
            if let Some(s) = crate::suggestions::closest(name, &refs) {
                return Some(s.to_string());
            }
        }
        None
    }
}
