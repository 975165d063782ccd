//! Generates `INSTRUCTIONS.md` from the instruction table.

use std::fmt::Write;

use crate::opcode::{Opcode, OperandKind};

fn kind_name(k: OperandKind) -> &'static str {
    match k {
        OperandKind::Reg => "reg",
        OperandKind::Const => "const",
        OperandKind::Name => "name",
        OperandKind::Cell => "cell",
        OperandKind::Target => "target",
        OperandKind::Cache => "cache",
        OperandKind::Count => "count",
        OperandKind::Imm => "imm",
    }
}

/// The Markdown reference of every instruction, derived from the table.
pub fn instructions_markdown() -> String {
    let mut out = String::new();
    out.push_str("# pyvm bytecode instructions\n\n");
    out.push_str("Generated from the table in `src/opcode.rs` by `cargo test -p pyvm-bytecode --test instructions_doc`\n");
    out.push_str(
        "(run with `BLESS=1` to rewrite it after changing the table). Do not edit by hand.\n\n",
    );
    out.push_str("Encoding: 64-bit words, `opcode:8 | a:14 | b:14 | c:14 | d:14` (low bits first); operands fill\n");
    out.push_str("fields a..d in order; larger values use `ExtendedArg` prefix words (see `src/encode.rs`).\n");
    out.push_str("Every instruction reads all its operands before writing its destination.\n\n");
    out.push_str("Operand kinds: `reg` frame register, `const` constant index, `name` name index, `cell` cell/free\n");
    out.push_str(
        "index, `target` word offset, `cache` inline-cache slot, `count`, `imm` immediate.\n\n",
    );
    out.push_str("Flags: `raise` may raise; `call` may run Python code; `collect` may allocate (and so collect);\n");
    out.push_str("`branch` conditional jump; `jump` unconditional; `exit` leaves the frame; `suspend` generator\n");
    out.push_str("suspension point; `cache` owns an inline-cache slot; `prefix` modifies the next instruction.\n\n");
    let _ = writeln!(out, "{} instructions.\n", Opcode::ALL.len());
    out.push_str("| # | name | operands | flags | meaning |\n|---|---|---|---|---|\n");
    for (i, op) in Opcode::ALL.iter().enumerate() {
        let operands: Vec<String> = op
            .operands()
            .iter()
            .map(|(n, k)| format!("{n}:{}", kind_name(*k)))
            .collect();
        let doc = op.doc().trim().replace('\n', " ").replace('|', "\\|");
        let _ = writeln!(
            out,
            "| {i} | `{}` | {} | {} | {} |",
            op.name(),
            operands.join(", "),
            op.flags().names().join(", "),
            doc
        );
    }
    out
}
