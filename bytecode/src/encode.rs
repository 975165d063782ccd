//! The instruction word format and its encoder/decoder.
//!
//! Every instruction is one or more 64-bit words. A word holds an 8-bit
//! opcode and four 14-bit operand fields:
//!
//! ```text
//!  63          50 49          36 35          22 21           8 7        0
//! +--------------+--------------+--------------+--------------+----------+
//! |   field d    |   field c    |   field b    |   field a    |  opcode  |
//! +--------------+--------------+--------------+--------------+----------+
//! ```
//!
//! Operands are assigned to fields `a, b, c, d` in table order. An operand
//! that does not fit in 14 bits is carried by `ExtendedArg` prefix words
//! placed before the instruction: each prefix shifts the value accumulated so
//! far for every field left by 14 bits and adds its own field. Jump targets
//! and exception-table offsets always name the first word of an instruction
//! (its first prefix, if any). A dispatch loop reads `word as u8` to pick the
//! case and extracts fields with [`field`]; the case for `ExtendedArg`
//! accumulates and dispatches the next word.

use crate::opcode::{Instruction, Opcode};

/// One instruction word.
pub type Word = u64;

/// Bits per operand field.
pub const FIELD_BITS: u32 = 14;
/// Largest value a field holds without a prefix.
pub const FIELD_MAX: u32 = (1 << FIELD_BITS) - 1;

/// Extracts operand field `i` (0..4) of a word.
#[inline(always)]
pub const fn field(word: Word, i: u32) -> u32 {
    ((word >> (8 + FIELD_BITS * i)) as u32) & FIELD_MAX
}

/// Packs an opcode and four field values (each at most [`FIELD_MAX`]).
#[inline]
pub const fn pack(op: Opcode, f: [u32; 4]) -> Word {
    (op as u64)
        | ((f[0] as u64) << 8)
        | ((f[1] as u64) << (8 + FIELD_BITS))
        | ((f[2] as u64) << (8 + 2 * FIELD_BITS))
        | ((f[3] as u64) << (8 + 3 * FIELD_BITS))
}

/// Number of words `instr` takes once encoded (prefixes included).
pub fn encoded_len(instr: &Instruction) -> usize {
    let max = instr.raw_operands().into_iter().max().unwrap_or(0);
    let mut n = 1;
    let mut v = max >> FIELD_BITS;
    while v != 0 {
        n += 1;
        v >>= FIELD_BITS;
    }
    n
}

/// Appends the words of `instr` to `out`; returns how many were written.
pub fn encode_into(instr: &Instruction, out: &mut Vec<Word>) -> usize {
    let raw = instr.raw_operands();
    let n = encoded_len(instr);
    for k in (1..n).rev() {
        let shift = FIELD_BITS * k as u32;
        let f = raw.map(|v| (v >> shift) & FIELD_MAX);
        out.push(pack(Opcode::ExtendedArg, f));
    }
    out.push(pack(instr.opcode(), raw.map(|v| v & FIELD_MAX)));
    n
}

/// An error found while decoding words that were not produced by the encoder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The low byte is not an opcode.
    BadOpcode {
        /// Word index.
        at: usize,
    },
    /// The code ends inside an instruction.
    Truncated,
}

/// Decodes the instruction starting at word `pc`; returns it with the index
/// of the next instruction.
pub fn decode_at(code: &[Word], mut pc: usize) -> Result<(Instruction, usize), DecodeError> {
    let mut acc = [0u32; 4];
    loop {
        let word = *code.get(pc).ok_or(DecodeError::Truncated)?;
        let op = Opcode::from_u8(word as u8).ok_or(DecodeError::BadOpcode { at: pc })?;
        for (i, a) in acc.iter_mut().enumerate() {
            *a = (*a << FIELD_BITS) | field(word, i as u32);
        }
        pc += 1;
        if op != Opcode::ExtendedArg {
            return Ok((Instruction::from_raw(op, acc), pc));
        }
    }
}

/// Decodes a whole code array into `(word index, instruction)` pairs.
pub fn decode_all(code: &[Word]) -> Result<Vec<(usize, Instruction)>, DecodeError> {
    let mut out = Vec::new();
    let mut pc = 0;
    while pc < code.len() {
        let (i, next) = decode_at(code, pc)?;
        out.push((pc, i));
        pc = next;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcode::*;

    #[test]
    fn small_operands_take_one_word() {
        let i = Instruction::LoadAttr {
            dst: Reg(3),
            obj: Reg(0),
            name: NameIdx(7),
            cache: CacheIdx(1),
        };
        let mut out = Vec::new();
        assert_eq!(encode_into(&i, &mut out), 1);
        assert_eq!(out[0] as u8, Opcode::LoadAttr as u8);
        assert_eq!(field(out[0], 2), 7);
        assert_eq!(decode_at(&out, 0), Ok((i, 1)));
    }

    #[test]
    fn large_operands_use_prefixes() {
        for v in [FIELD_MAX, FIELD_MAX + 1, 1 << 28, (1 << 28) + 5, u32::MAX] {
            let i = Instruction::Call {
                dst: Reg(v),
                base: Reg(1),
                argc: Count(2),
                cache: CacheIdx(v / 2),
            };
            let mut out = vec![0];
            let n = encode_into(&i, &mut out);
            assert_eq!(n, encoded_len(&i));
            assert_eq!(decode_at(&out, 1), Ok((i, 1 + n)), "{v}");
        }
    }

    #[test]
    fn bad_words_are_errors_not_panics() {
        assert_eq!(decode_at(&[255], 0), Err(DecodeError::BadOpcode { at: 0 }));
        let prefix = pack(Opcode::ExtendedArg, [1, 0, 0, 0]);
        assert_eq!(decode_at(&[prefix], 0), Err(DecodeError::Truncated));
    }
}
