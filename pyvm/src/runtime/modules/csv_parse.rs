//! `_csv._parse`: the reader's state machine over one line, natively
//! (the Python reader in `py/csv_module.py` keeps the record between
//! lines and calls this once per line). The states and transitions are
//! the ones `csv_module.py` documents; errors are `_csv.Error`.

use pyvm_objmodel::Value;

use crate::runtime::call::Args;
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::types::TypeId;

const START_RECORD: i64 = 0;
const START_FIELD: i64 = 1;
const ESCAPED_CHAR: i64 = 2;
const IN_FIELD: i64 = 3;
const IN_QUOTED_FIELD: i64 = 4;
const ESCAPE_IN_QUOTED_FIELD: i64 = 5;
const QUOTE_IN_QUOTED_FIELD: i64 = 6;
const EAT_CRNL: i64 = 7;
const AFTER_ESCAPED_CRNL: i64 = 8;

const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;

struct Dialect {
    delimiter: Option<char>,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
    quoting: i64,
}

struct Parser {
    d: Dialect,
    state: i64,
    field: String,
    field_len: usize,
    numeric: bool,
    limit: i64,
    /// Argument index of the record's list of fields.
    fields_arg: usize,
}

fn char_arg(vm: &Vm, v: Value) -> Option<char> {
    if vm.is_str(v) {
        vm.str_text(v).chars().next()
    } else {
        None
    }
}

fn csv_error(vm: &mut Vm, msg: &str) -> crate::runtime::exception::Raised {
    match super::pwd_grp::module_attr(vm, "_csv", "Error") {
        Ok(cls) => match vm.new_str(msg) {
            Ok(s) => match vm.call_value(cls, &[s]) {
                Ok(e) => vm.raise_value(e),
                Err(r) => r,
            },
            Err(r) => r,
        },
        Err(r) => r,
    }
}

impl Parser {
    fn save_field(&mut self, vm: &mut Vm, a: &Args) -> PyResult<()> {
        let mut v = vm.new_str(&self.field)?;
        self.field.clear();
        self.field_len = 0;
        if self.numeric {
            self.numeric = false;
            let float = vm.ty(TypeId::Float);
            v = vm.call_value(float, &[v])?;
        }
        let list = a.get(vm, self.fields_arg);
        vm.list_vec(list).push(v);
        // SAFETY: the list is an argument of this call, live and rooted.
        unsafe { vm.barrier(list) };
        Ok(())
    }

    fn add_char(&mut self, vm: &mut Vm, c: char) -> PyResult<()> {
        if self.field_len as i64 >= self.limit {
            let msg = format!("field larger than field limit ({})", self.limit);
            return Err(csv_error(vm, &msg));
        }
        self.field.push(c);
        self.field_len += 1;
        Ok(())
    }

    fn end_line(&mut self, c: Option<char>) {
        self.state = if c.is_none() { START_RECORD } else { EAT_CRNL };
    }

    /// One character, or `None` for the end of the line.
    fn process(&mut self, vm: &mut Vm, a: &Args, c: Option<char>) -> PyResult<()> {
        let nl = matches!(c, Some('\n' | '\r'));
        let quoting_on = self.d.quoting != QUOTE_NONE;
        let is = |x: Option<char>| c.is_some() && c == x;
        let mut state = self.state;
        if state == START_RECORD {
            if c.is_none() {
                return Ok(());
            }
            if nl {
                self.state = EAT_CRNL;
                return Ok(());
            }
            state = START_FIELD;
            self.state = START_FIELD;
        }
        match state {
            START_FIELD => {
                if c.is_none() || nl {
                    self.save_field(vm, a)?;
                    self.end_line(c);
                } else if is(self.d.quotechar) && quoting_on {
                    self.state = IN_QUOTED_FIELD;
                } else if is(self.d.escapechar) {
                    self.state = ESCAPED_CHAR;
                } else if c == Some(' ') && self.d.skipinitialspace {
                } else if is(self.d.delimiter) {
                    self.save_field(vm, a)?;
                } else {
                    if self.d.quoting == QUOTE_NONNUMERIC {
                        self.numeric = true;
                    }
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state = IN_FIELD;
                }
            }
            ESCAPED_CHAR => {
                if nl {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state = AFTER_ESCAPED_CRNL;
                    return Ok(());
                }
                self.add_char(vm, c.unwrap_or('\n'))?;
                self.state = IN_FIELD;
            }
            AFTER_ESCAPED_CRNL | IN_FIELD => {
                if state == AFTER_ESCAPED_CRNL && c.is_none() {
                    return Ok(());
                }
                if c.is_none() || nl {
                    self.save_field(vm, a)?;
                    self.end_line(c);
                } else if is(self.d.escapechar) {
                    self.state = ESCAPED_CHAR;
                } else if is(self.d.delimiter) {
                    self.save_field(vm, a)?;
                    self.state = START_FIELD;
                } else {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state = IN_FIELD;
                }
            }
            IN_QUOTED_FIELD => {
                if c.is_none() {
                } else if is(self.d.escapechar) {
                    self.state = ESCAPE_IN_QUOTED_FIELD;
                } else if is(self.d.quotechar) && quoting_on {
                    self.state = if self.d.doublequote {
                        QUOTE_IN_QUOTED_FIELD
                    } else {
                        IN_FIELD
                    };
                } else {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                }
            }
            ESCAPE_IN_QUOTED_FIELD => {
                self.add_char(vm, c.unwrap_or('\n'))?;
                self.state = IN_QUOTED_FIELD;
            }
            QUOTE_IN_QUOTED_FIELD => {
                if quoting_on && is(self.d.quotechar) {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state = IN_QUOTED_FIELD;
                } else if is(self.d.delimiter) {
                    self.save_field(vm, a)?;
                    self.state = START_FIELD;
                } else if c.is_none() || nl {
                    self.save_field(vm, a)?;
                    self.end_line(c);
                } else if !self.d.strict {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.state = IN_FIELD;
                } else {
                    let msg = format!(
                        "'{}' expected after '{}'",
                        self.d.delimiter.unwrap_or(','),
                        self.d.quotechar.unwrap_or('"')
                    );
                    return Err(csv_error(vm, &msg));
                }
            }
            EAT_CRNL => {
                if nl {
                } else if c.is_none() {
                    self.state = START_RECORD;
                } else {
                    return Err(csv_error(
                        vm,
                        "new-line character seen in unquoted field - do you need to \
                         open the file in universal-newline mode?",
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// `_parse(line, fields, field, state, numeric, delimiter, quotechar,
/// escapechar, doublequote, skipinitialspace, strict, quoting, limit)`:
/// runs `line` and its end through the state machine, appending finished
/// fields to `fields`; returns `(state, field, numeric)`.
pub(super) fn parse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.npos(vm) != 13 {
        return Err(vm.type_error("_parse() takes exactly 13 arguments"));
    }
    let truth = |vm: &Vm, i: usize| a.get(vm, i) == Value::TRUE;
    let d = Dialect {
        delimiter: char_arg(vm, a.get(vm, 5)),
        quotechar: char_arg(vm, a.get(vm, 6)),
        escapechar: char_arg(vm, a.get(vm, 7)),
        doublequote: truth(vm, 8),
        skipinitialspace: truth(vm, 9),
        strict: truth(vm, 10),
        quoting: a.get(vm, 11).as_int().unwrap_or(0),
    };
    let field = {
        let f = a.get(vm, 2);
        vm.str_text(f).into_owned()
    };
    let mut p = Parser {
        d,
        state: a.get(vm, 3).as_int().unwrap_or(START_RECORD),
        field_len: field.chars().count(),
        field,
        numeric: truth(vm, 4),
        limit: a.get(vm, 12).as_int().unwrap_or(i64::MAX),
        fields_arg: 1,
    };
    let line: Vec<char> = {
        let l = a.get(vm, 0);
        vm.str_text(l).chars().collect()
    };
    for c in line {
        p.process(vm, &a, Some(c))?;
    }
    p.process(vm, &a, None)?;
    let f = vm.new_str(&p.field)?;
    vm.new_tuple(&[
        Value::from_int(p.state).unwrap_or(Value::NONE),
        f,
        Value::from_bool(p.numeric),
    ])
}
