//! The disassembler: one line per instruction with its line number, word
//! offset, name and resolved operands, then nested code objects.
//!
//! ```text
//! <module> (exec, 4 regs, 2 caches)
//!   1      0 LoadGlobal        r0, 'print' #0
//! ```

use std::fmt::Write;

use crate::code::CodeObject;
use crate::encode::decode_all;
use crate::opcode::{Instruction, Opcode, OperandKind};

/// Disassembles a code object and, after it, every nested code object.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn reg_name(code: &CodeObject, r: u32) -> String {
    match code.local_names.get(r as usize) {
        Some(n) => n.to_string(),
        None => format!("r{r}"),
    }
}

/// Formats one operand with the names and constants it refers to.
pub fn format_operand(code: &CodeObject, kind: OperandKind, raw: u32) -> String {
    match kind {
        OperandKind::Reg => reg_name(code, raw),
        OperandKind::Const => code
            .consts
            .get(raw as usize)
            .map_or(format!("const#{raw}"), |c| c.repr()),
        OperandKind::Name => code
            .names
            .get(raw as usize)
            .map_or(format!("name#{raw}"), |n| format!("'{n}'")),
        OperandKind::Cell => code
            .cell_name(crate::opcode::CellIdx(raw))
            .map_or(format!("cell#{raw}"), |n| format!("cell '{n}'")),
        OperandKind::Target => format!("-> {raw}"),
        OperandKind::Cache => format!("#{raw}"),
        OperandKind::Count | OperandKind::Imm => raw.to_string(),
    }
}

/// Formats one instruction (without line and offset).
pub fn format_instruction(code: &CodeObject, ins: &Instruction) -> String {
    let op = ins.opcode();
    let raw = ins.raw_operands();
    let ops: Vec<String> = op
        .operands()
        .iter()
        .enumerate()
        .map(|(i, (_, kind))| format_operand(code, *kind, raw[i]))
        .collect();
    if ops.is_empty() {
        op.name().to_string()
    } else {
        format!("{:<17} {}", op.name(), ops.join(", "))
    }
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let _ = writeln!(
        out,
        "{} ({} args, {} regs, {} cells, {} frees, {} caches, flags 0x{:x})",
        code.qualname,
        code.arg_count,
        code.nregs,
        code.cell_names.len(),
        code.free_names.len(),
        code.ncaches,
        code.flags.0
    );
    match decode_all(&code.code) {
        Ok(instrs) => {
            let mut last_line = 0;
            for (pc, ins) in instrs {
                let line = code.locations.get(pc).map_or(0, |l| l.line);
                let line_col = if line != last_line {
                    line.to_string()
                } else {
                    String::new()
                };
                last_line = line;
                if ins.opcode() == Opcode::Nop {
                    let _ = writeln!(out, "{line_col:>4} {pc:>5} Nop");
                    continue;
                }
                let _ = writeln!(
                    out,
                    "{line_col:>4} {pc:>5} {}",
                    format_instruction(code, &ins)
                );
            }
        }
        Err(e) => {
            let _ = writeln!(out, "  <undecodable: {e:?}>");
        }
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "  exception table:");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "    {} to {} -> {} [exc {}]",
                e.start,
                e.end,
                e.handler,
                reg_name(code, e.exc.0)
            );
        }
    }
    for nested in code.nested() {
        out.push('\n');
        disassemble_into(nested, out);
    }
}
