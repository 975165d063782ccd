//! Assembly: label resolution to word offsets (with `ExtendedArg` prefixes
//! sized by a fixed point), the exception table from the per-instruction
//! handler marks, and the location table.

use super::{CResult, Compiler, Unit};
use crate::code::{CodeObject, ExceptionEntry, Location};
use crate::encode::{encode_into, encoded_len};
use crate::opcode::*;

fn retarget(ins: &Instruction, f: impl Fn(u32) -> u32) -> Instruction {
    let op = ins.opcode();
    let mut raw = ins.raw_operands();
    for (i, (_, kind)) in op.operands().iter().enumerate() {
        if *kind == OperandKind::Target {
            raw[i] = f(raw[i]);
        }
    }
    Instruction::from_raw(op, raw)
}

pub(crate) fn assemble(c: &Compiler<'_>, unit: Unit<'_>) -> CResult<CodeObject> {
    let n = unit.instrs.len();
    // Label -> instruction index; unbound labels point at the end.
    let label_ins: Vec<u32> = unit
        .labels
        .iter()
        .map(|&l| if l == u32::MAX { n as u32 } else { l })
        .collect();
    let mut sizes = vec![1usize; n];
    let mut offsets = vec![0u32; n + 1];
    loop {
        let mut pos = 0u32;
        for i in 0..n {
            offsets[i] = pos;
            pos += sizes[i] as u32;
        }
        offsets[n] = pos;
        let mut changed = false;
        for (i, e) in unit.instrs.iter().enumerate() {
            let resolved = retarget(&e.ins, |l| offsets[label_ins[l as usize] as usize]);
            let s = encoded_len(&resolved);
            if s > sizes[i] {
                sizes[i] = s;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut code = Vec::with_capacity(offsets[n] as usize);
    let mut locations = Vec::with_capacity(offsets[n] as usize);
    for (i, e) in unit.instrs.iter().enumerate() {
        let resolved = retarget(&e.ins, |l| offsets[label_ins[l as usize] as usize]);
        let before = code.len();
        encode_into(&resolved, &mut code);
        // Pad to the size used for offsets (a prefix that turned out unneeded).
        while code.len() - before < sizes[i] {
            code.insert(before, crate::encode::pack(Opcode::Nop, [0; 4]));
        }
        let (line, col) = c.index.position(e.range.start());
        let (end_line, end_col) = c.index.position(e.range.end());
        let loc = Location {
            line,
            col,
            end_line,
            end_col,
        };
        for _ in 0..sizes[i] {
            locations.push(loc);
        }
    }
    // Exception table: runs of instructions with the same innermost handler.
    let mut table: Vec<ExceptionEntry> = Vec::new();
    let mut i = 0;
    while i < n {
        let Some(h) = unit.instrs[i].handler else {
            i += 1;
            continue;
        };
        let start = i;
        while i < n && unit.instrs[i].handler == Some(h) {
            i += 1;
        }
        let def = unit.handlers[h as usize];
        let handler = offsets[label_ins[def.label.0 as usize] as usize];
        table.push(ExceptionEntry {
            start: offsets[start],
            end: offsets[i],
            handler,
            exc: def.exc,
        });
    }
    Ok(CodeObject {
        name: unit.name,
        qualname: unit.qualname,
        filename: c.filename.clone(),
        first_line: unit.first_line,
        flags: unit.flags,
        arg_count: unit.arg_count,
        posonly_count: unit.posonly_count,
        kwonly_count: unit.kwonly_count,
        code,
        consts: unit.consts,
        names: unit.names,
        local_names: unit.local_names,
        nregs: unit.max_reg,
        cell_names: unit.cells,
        free_names: unit.frees,
        cell_args: unit.cell_args,
        locations,
        exception_table: table,
        ncaches: unit.ncaches,
        docstring: unit.docstring,
    })
}
