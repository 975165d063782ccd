//! The IR text format, printing side. [`crate::parse`] reads it back.
//!
//! ```text
//! trace t0                                   ; header: this trace's number
//! parent t3 snap2                            ; side traces only
//! mask 0xffffffffffff                        ; only if not all ones
//! helper h0 box_f64(f64) -> ref [alloc collect]
//! snap0 [s0 pc 12] s1=v2 s3=7                ; frames, then changed slots
//! v0 = sload.i64 s1
//! v1 = addov.i64 v0, 1 snap0                 ; a guard names its snapshot
//! v2 = new.ref h0(1.5) sunk                  ; removed allocation
//! fstore v2, +8, 1.5 sunk
//! link t0 snap1
//! ```
//!
//! Constants are written inline: `42`, `-1`, `0x7ffc000000000000` (i64), `1.5`, `1e300`, `inf`,
//! `NaN` or `f64:0x7ff4000000000000` (f64), `true`/`false`, `ref:0x10`,
//! `ptr:0x10`. A snapshot line comes right before the first instruction
//! that uses it.

use std::fmt::{self, Write};

use crate::ir::{IrRef, Operand, SnapId, Type};
use crate::trace::{Const, Trace};

/// Formats a constant in the text format.
pub fn format_const(c: Const) -> String {
    match c.ty {
        // Small values in decimal, masks and tags in hex.
        Type::I64 if (c.bits as i64).unsigned_abs() < 1 << 32 => format!("{}", c.bits as i64),
        Type::I64 => format!("{:#x}", c.bits),
        Type::Bool => if c.bits != 0 { "true" } else { "false" }.to_string(),
        Type::Ref => format!("ref:{:#x}", c.bits),
        Type::Ptr => format!("ptr:{:#x}", c.bits),
        Type::Void => "void".to_string(),
        Type::F64 => {
            let f = f64::from_bits(c.bits);
            if f.is_nan() {
                if c.bits == f64::NAN.to_bits() {
                    "NaN".to_string()
                } else {
                    format!("f64:{:#x}", c.bits)
                }
            } else {
                // `{:?}` prints the shortest string that parses back to the
                // same bits, always with a `.`, an `e` or as `inf`.
                format!("{f:?}")
            }
        }
    }
}

impl Trace {
    /// Formats a value reference: `v3` or the constant inline.
    pub fn format_ref(&self, r: IrRef) -> String {
        match self.get_const(r) {
            Some(c) => format_const(c),
            None => format!("v{}", r.index()),
        }
    }

    fn format_snapshot(&self, id: SnapId) -> String {
        let mut s = format!("{id}");
        for fr in self.snap_frames(id) {
            write!(s, " [{} pc {}]", fr.base, fr.pc).unwrap();
        }
        for e in self.snap_entries(id) {
            write!(s, " {}={}", e.slot, self.format_ref(e.value)).unwrap();
        }
        s
    }

    fn format_inst(&self, i: usize) -> String {
        let inst = &self.insts()[i];
        let mut s = String::new();
        if inst.ty != Type::Void {
            write!(s, "v{i} = {}.{}", inst.op, inst.ty).unwrap();
        } else {
            write!(s, "{}", inst.op).unwrap();
        }
        let mut first = true;
        let mut helper = None;
        for a in inst.args.iter() {
            let text = match *a {
                Operand::None => continue,
                Operand::Ref(r) => self.format_ref(r),
                Operand::Slot(sl) => format!("{sl}"),
                Operand::Off(o) => format!("{o:+}"),
                Operand::Trace(t) => format!("{t}"),
                Operand::Helper(h) => {
                    helper = Some(h);
                    continue;
                }
                Operand::Args(args) => {
                    let list: Vec<String> = self
                        .args(args)
                        .iter()
                        .map(|r| self.format_ref(*r))
                        .collect();
                    let h = helper.expect("args follow a helper");
                    format!("{h}({})", list.join(", "))
                }
            };
            s.push_str(if first { " " } else { ", " });
            first = false;
            s.push_str(&text);
        }
        if let Some(snap) = inst.snap {
            write!(s, " {snap}").unwrap();
        }
        if inst.sunk {
            s.push_str(" sunk");
        }
        s
    }
}

impl Trace {
    /// A one-line summary for JIT logs, e.g.
    /// `t3 (side of t1 at snap2): 40 ops, loop of 17, 8 guards, 6 exits, 2 sunk`.
    pub fn summary(&self) -> String {
        let mut s = format!("{}", self.id);
        if let Some((p, e)) = self.parent {
            write!(s, " (side of {p} at {e})").unwrap();
        }
        write!(s, ": {} ops", self.len()).unwrap();
        if let Some(l) = self.loop_index() {
            write!(s, ", loop of {}", self.len() - l - 1).unwrap();
        }
        let guards = self
            .insts()
            .iter()
            .filter(|i| !i.sunk && self.flags_of(i).contains(crate::Flags::GUARD))
            .count();
        let sunk = self.insts().iter().filter(|i| i.sunk).count();
        write!(
            s,
            ", {guards} guards, {} exits, {sunk} sunk",
            self.snap_count()
        )
        .unwrap();
        s
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "trace {}", self.id)?;
        if let Some((t, s)) = self.parent {
            writeln!(f, "parent {t} {s}")?;
        }
        if self.ref_addr_mask != u64::MAX {
            writeln!(f, "mask {:#x}", self.ref_addr_mask)?;
        }
        for (i, h) in self.helpers().iter().enumerate() {
            let params: Vec<&str> = h.params.iter().map(|t| t.name()).collect();
            let effects: Vec<&str> = h.effects.names().collect();
            write!(
                f,
                "helper h{i} {}({}) -> {} [{}]",
                h.name,
                params.join(", "),
                h.ret,
                effects.join(" ")
            )?;
            if h.error_value != 0 {
                write!(f, " error {:#x}", h.error_value)?;
            }
            writeln!(f)?;
        }
        let mut next_snap = 0;
        for i in 0..self.len() {
            while next_snap < self.snap_count()
                && self.snap(SnapId(next_snap as u32)).at as usize <= i
            {
                writeln!(f, "{}", self.format_snapshot(SnapId(next_snap as u32)))?;
                next_snap += 1;
            }
            writeln!(f, "{}", self.format_inst(i))?;
        }
        while next_snap < self.snap_count() {
            writeln!(f, "{}", self.format_snapshot(SnapId(next_snap as u32)))?;
            next_snap += 1;
        }
        Ok(())
    }
}

impl fmt::Debug for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}
