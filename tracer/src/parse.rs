//! The IR text format, reading side (see [`crate::print`] for the format).
//!
//! `;` starts a comment. Instructions may be numbered freely in hand-written
//! text (`v10 = ...` after `v3`): names are mapped to positions in order, so
//! a parsed trace prints back with `v0, v1, ...`. Forward references are
//! allowed only as the second operand of a `phi`.

use std::collections::HashMap;

use crate::ir::{Flags, HelperId, Inst, IrRef, Kind, Op, Operand, SlotIdx, SnapId, TraceId, Type};
use crate::snapshot::{SnapEntry, SnapFrame};
use crate::trace::{HelperDecl, IrError, Trace};

struct Parser<'a> {
    trace: Trace,
    line: usize,
    names: HashMap<&'a str, IrRef>,
    /// phi back edges naming values not defined yet: (inst index, name).
    pending: Vec<(usize, &'a str)>,
}

fn fail<T>(line: usize, message: impl Into<String>) -> Result<T, IrError> {
    Err(IrError {
        at: line,
        message: message.into(),
    })
}

fn parse_num<T: TryFrom<u64> + std::str::FromStr>(s: &str) -> Option<T> {
    match s.strip_prefix("0x") {
        Some(h) => u64::from_str_radix(h, 16)
            .ok()
            .and_then(|v| T::try_from(v).ok()),
        None => s.parse().ok(),
    }
}

fn prefixed<T: TryFrom<u64> + std::str::FromStr>(s: &str, prefix: &str) -> Option<T> {
    s.strip_prefix(prefix).and_then(parse_num)
}

/// Splits `a, b(c, d), e` at top-level commas.
fn split_operands(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, ch) in s.char_indices() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = s[start..].trim();
    if !last.is_empty() {
        out.push(last);
    }
    out
}

impl<'a> Parser<'a> {
    fn constant(&mut self, tok: &str) -> Option<IrRef> {
        let t = &mut self.trace;
        if let Some(v) = tok.strip_prefix("ref:").and_then(parse_num::<u64>) {
            return Some(t.konst(Type::Ref, v));
        }
        if let Some(v) = tok.strip_prefix("ptr:").and_then(parse_num::<u64>) {
            return Some(t.konst(Type::Ptr, v));
        }
        if let Some(v) = tok.strip_prefix("f64:").and_then(parse_num::<u64>) {
            return Some(t.konst(Type::F64, v));
        }
        match tok {
            "true" => return Some(t.kbool(true)),
            "false" => return Some(t.kbool(false)),
            _ => {}
        }
        let body = tok.strip_prefix('-').unwrap_or(tok);
        let looks_float = body.contains(['.', 'e', 'E']) || body == "inf" || body == "NaN";
        if looks_float && !body.starts_with("0x") {
            return tok.parse::<f64>().ok().map(|f| t.kfloat(f));
        }
        if let Some(h) = tok.strip_prefix("0x") {
            return u64::from_str_radix(h, 16)
                .ok()
                .map(|v| t.konst(Type::I64, v));
        }
        tok.parse::<i64>().ok().map(|v| t.kint(v))
    }

    fn value(&mut self, tok: &'a str) -> Result<IrRef, IrError> {
        if let Some(&r) = self.names.get(tok) {
            return Ok(r);
        }
        if let Some(r) = self.constant(tok) {
            return Ok(r);
        }
        fail(self.line, format!("unknown value `{tok}`"))
    }

    fn snapshot(&mut self, rest: &'a str) -> Result<(), IrError> {
        let (id, body) = rest.split_once(' ').unwrap_or((rest, ""));
        let want = self.trace.snap_count();
        if prefixed::<u32>(id, "snap") != Some(want as u32) {
            return fail(self.line, format!("expected snap{want}"));
        }
        let mut frames = Vec::new();
        let mut entries = Vec::new();
        let mut body = body.trim();
        while let Some(r) = body.strip_prefix('[') {
            let Some((inner, after)) = r.split_once(']') else {
                return fail(self.line, "unclosed frame");
            };
            let parts: Vec<&str> = inner.split_whitespace().collect();
            match parts.as_slice() {
                [base, "pc", pc] => {
                    let (Some(base), Some(pc)) = (prefixed::<u32>(base, "s"), parse_num::<u64>(pc))
                    else {
                        return fail(self.line, "bad frame");
                    };
                    frames.push(SnapFrame {
                        base: SlotIdx(base),
                        pc,
                    });
                }
                _ => return fail(self.line, "frame is `[sN pc N]`"),
            }
            body = after.trim_start();
        }
        for item in body.split_whitespace() {
            let Some((slot, val)) = item.split_once('=') else {
                return fail(self.line, format!("bad snapshot entry `{item}`"));
            };
            let Some(slot) = prefixed::<u32>(slot, "s") else {
                return fail(self.line, format!("bad slot `{slot}`"));
            };
            let value = self.value(val)?;
            entries.push(SnapEntry {
                slot: SlotIdx(slot),
                value,
            });
        }
        if frames.is_empty() {
            return fail(self.line, "a snapshot needs a frame");
        }
        let at = self.trace.len();
        self.trace.push_snapshot_unshared(at, &entries, &frames);
        Ok(())
    }

    fn helper(&mut self, rest: &str) -> Result<(), IrError> {
        // h0 name(t, t) -> t [flags] error 0x..
        let err = || IrError {
            at: self.line,
            message: "helper is `hN name(types) -> type [effects]`".into(),
        };
        let (id, rest) = rest.split_once(' ').ok_or_else(err)?;
        let (name, rest) = rest.split_once('(').ok_or_else(err)?;
        let (params, rest) = rest.split_once(')').ok_or_else(err)?;
        let rest = rest.trim().strip_prefix("->").ok_or_else(err)?.trim();
        let (ret, rest) = rest.split_once('[').ok_or_else(err)?;
        let (effects, rest) = rest.split_once(']').ok_or_else(err)?;
        let mut decl = HelperDecl::new(
            name.trim(),
            &[],
            Type::from_name(ret.trim()).ok_or_else(err)?,
            Flags::NONE,
        );
        for p in params.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            decl.params.push(Type::from_name(p).ok_or_else(err)?);
        }
        for e in effects.split_whitespace() {
            decl.effects |= Flags::from_name(e).ok_or_else(err)?;
        }
        if let Some(v) = rest.trim().strip_prefix("error") {
            decl.error_value = parse_num(v.trim()).ok_or_else(err)?;
        }
        let expect = self.trace.helpers().len() as u32;
        if prefixed::<u32>(id, "h") != Some(expect) {
            return fail(self.line, format!("expected h{expect}"));
        }
        self.trace.push_helper(decl);
        Ok(())
    }

    fn instruction(&mut self, line: &'a str) -> Result<(), IrError> {
        let (name, rhs) = match line.split_once(" = ") {
            Some((n, r)) => (Some(n.trim()), r.trim()),
            None => (None, line),
        };
        let (opty, mut rest) = rhs.split_once(' ').unwrap_or((rhs, ""));
        let (opname, ty) = match opty.split_once('.') {
            Some((o, t)) => match Type::from_name(t) {
                Some(t) => (o, t),
                None => return fail(self.line, format!("unknown type `{t}`")),
            },
            None => (opty, Type::Void),
        };
        let Some(op) = Op::from_name(opname) else {
            return fail(self.line, format!("unknown op `{opname}`"));
        };
        if name.is_some() != (ty != Type::Void) {
            return fail(self.line, "a result needs a name and a type");
        }
        let mut inst = Inst::new(op, ty, &[]);
        // Trailing words: `snapN`, `sunk`.
        loop {
            rest = rest.trim_end();
            if let Some(r) = rest
                .strip_suffix("sunk")
                .filter(|r| r.is_empty() || r.ends_with(' '))
            {
                inst.sunk = true;
                rest = r;
                continue;
            }
            if let Some((head, last)) = rest.rsplit_once(' ').or(Some(("", rest)))
                && let Some(s) = prefixed::<u32>(last, "snap")
            {
                if s as usize >= self.trace.snap_count() {
                    return fail(self.line, format!("snap{s} is not defined yet"));
                }
                inst.snap = Some(SnapId(s));
                rest = head;
                continue;
            }
            break;
        }
        let ops = split_operands(rest);
        let kinds = op.info().operands;
        let mut pos = 0;
        for (k, text) in ops.iter().enumerate() {
            if pos >= kinds.len() {
                return fail(self.line, format!("too many operands for {op}"));
            }
            let kind = kinds[pos];
            if kind == Kind::Helper {
                let Some((h, args)) = text.split_once('(') else {
                    return fail(self.line, "call is `hN(args)`");
                };
                let Some(h) = prefixed::<u32>(h, "h") else {
                    return fail(self.line, format!("bad helper `{h}`"));
                };
                if h as usize >= self.trace.helpers().len() {
                    return fail(self.line, format!("h{h} is not declared"));
                }
                let args = args.strip_suffix(')').unwrap_or(args);
                let mut refs = Vec::new();
                for a in split_operands(args) {
                    refs.push(self.value(a)?);
                }
                inst.args[0] = Operand::Helper(HelperId(h));
                inst.args[1] = Operand::Args(self.trace.add_args(&refs));
                pos += 2;
                continue;
            }
            inst.args[pos] = match kind {
                Kind::Slot => match prefixed::<u32>(text, "s") {
                    Some(s) => Operand::Slot(SlotIdx(s)),
                    None => return fail(self.line, format!("bad slot `{text}`")),
                },
                Kind::Off => match text.strip_prefix('+').unwrap_or(text).parse::<i32>() {
                    Ok(o) => Operand::Off(o),
                    Err(_) => return fail(self.line, format!("bad offset `{text}`")),
                },
                Kind::Trace => match prefixed::<u32>(text, "t") {
                    Some(t) => Operand::Trace(TraceId(t)),
                    None => return fail(self.line, format!("bad trace `{text}`")),
                },
                _ if op == Op::Phi
                    && k == 1
                    && !self.names.contains_key(text)
                    && text.starts_with('v') =>
                {
                    self.pending.push((self.trace.len(), text));
                    Operand::Ref(IrRef::inst(0))
                }
                _ => Operand::Ref(self.value(text)?),
            };
            pos += 1;
        }
        if pos != kinds.len() {
            return fail(self.line, format!("{op} takes {} operands", kinds.len()));
        }
        let r = self.trace.push(inst);
        if let Some(n) = name
            && self.names.insert(n, r).is_some()
        {
            return fail(self.line, format!("`{n}` defined twice"));
        }
        Ok(())
    }
}

impl Trace {
    /// Parses a trace from the text format and verifies it.
    pub fn parse(text: &str) -> Result<Trace, IrError> {
        let mut p = Parser {
            trace: Trace::new(TraceId(0)),
            line: 0,
            names: HashMap::new(),
            pending: Vec::new(),
        };
        for (n, raw) in text.lines().enumerate() {
            p.line = n + 1;
            let line = raw.split(';').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
            match word {
                "trace" => match prefixed::<u32>(rest.trim(), "t") {
                    Some(t) => p.trace.id = TraceId(t),
                    None => return fail(p.line, "trace header is `trace tN`"),
                },
                "parent" => {
                    let parts: Vec<&str> = rest.split_whitespace().collect();
                    match parts.as_slice() {
                        [t, s] => match (prefixed::<u32>(t, "t"), prefixed::<u32>(s, "snap")) {
                            (Some(t), Some(s)) => p.trace.parent = Some((TraceId(t), SnapId(s))),
                            _ => return fail(p.line, "parent is `parent tN snapN`"),
                        },
                        _ => return fail(p.line, "parent is `parent tN snapN`"),
                    }
                }
                "mask" => match parse_num(rest.trim()) {
                    Some(m) => p.trace.ref_addr_mask = m,
                    None => return fail(p.line, "bad mask"),
                },
                "helper" => p.helper(rest.trim())?,
                w if w.starts_with("snap") => p.snapshot(line)?,
                _ => p.instruction(line)?,
            }
        }
        let pending = std::mem::take(&mut p.pending);
        for (at, name) in pending {
            let Some(&r) = p.names.get(name) else {
                return fail(0, format!("phi names undefined `{name}`"));
            };
            p.trace.insts_mut()[at].args[1] = Operand::Ref(r);
        }
        p.trace.verify()?;
        Ok(p.trace)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
trace t2
parent t1 snap0
helper h0 box(f64) -> ref [alloc collect]
helper h1 slow(ref, i64) -> ref [load store collect raise] error 0x7
snap0 [s0 pc 4]
v0 = sload.i64 s1
v1 = sload.f64 s2
v2 = addov.i64 v0, 1 snap0
snap1 [s0 pc 5] [s4 pc 9] s1=v2 s5=-3
v3 = fadd.f64 v1, 1.5
v4 = new.ref h0(v3) sunk
fstore v4, +8, v3 sunk
v5 = call.ref h1(ref:0x10, 0) snap1
gtag v0, 0x7fff, 3 snap1
v6 = fload.ref v5, -16
gver ptr:0x1000, 12 snap1
loop
v7 = phi.i64 v2, v8
v8 = add.i64 v7, 1
v9 = eq.bool v8, 1000
gfalse v9 snap1
again
";

    #[test]
    fn sample_round_trips() {
        let t = Trace::parse(SAMPLE).unwrap();
        let printed = t.to_string();
        let again = Trace::parse(&printed).unwrap();
        assert_eq!(printed, again.to_string());
        assert!(printed.contains("gtag v0, 32767, 3 snap1"));
        assert!(printed.contains("v11 = phi.i64 v2, v12"), "{printed}");
        assert_eq!(t.snap_frames(SnapId(1)).len(), 2);
        assert_eq!(
            t.summary(),
            "t2 (side of t1 at snap0): 16 ops, loop of 5, 5 guards, 2 exits, 2 sunk"
        );
    }

    #[test]
    fn float_constants_keep_their_bits() {
        for bits in [
            0u64,
            (-0.0f64).to_bits(),
            f64::INFINITY.to_bits(),
            f64::NEG_INFINITY.to_bits(),
            f64::NAN.to_bits(),
            0x7ff4_0000_0000_0001,
            1.0e300f64.to_bits(),
            5e-324f64.to_bits(),
            0.1f64.to_bits(),
        ] {
            let mut t = Trace::new(TraceId(0));
            let k = t.konst(Type::F64, bits);
            let text = crate::print::format_const(t.get_const(k).unwrap());
            let mut p = Parser {
                trace: Trace::new(TraceId(0)),
                line: 0,
                names: HashMap::new(),
                pending: Vec::new(),
            };
            let r = p.constant(&text).unwrap();
            assert_eq!(p.trace.get_const(r).unwrap().bits, bits, "{text}");
        }
    }

    #[test]
    fn errors_name_the_line() {
        let e = Trace::parse("trace t0\nv0 = frob.i64 1\n").unwrap_err();
        assert_eq!(e.at, 2);
        assert!(e.message.contains("frob"));
        let e = Trace::parse("trace t0\nv0 = add.i64 v9, 1\n").unwrap_err();
        assert!(e.message.contains("v9"));
        let e = Trace::parse("trace t0\nsnap0 [s0 pc 1]\ngtrue true\n").unwrap_err();
        assert!(e.message.contains("snapshot"), "{e}");
    }
}
