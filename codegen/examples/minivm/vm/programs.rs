//! The benchmark and test programs.

use super::*;

pub(crate) fn r(n: u32) -> Reg {
    Reg(n)
}

/// `s = 0; i = 0; while i < n: s = s + i; i = i + 1`
pub fn int_sum(n: i64) -> Program {
    Program {
        name: "numeric loop (int sum)",
        code: vec![
            Ins::Const(r(0), int(0)), // i
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), int(0)), // s
            Ins::Const(r(3), int(1)),
            Ins::JumpIfLt(r(0), r(1), 6), // 4: loop header
            Ins::Halt,
            Ins::Add(r(2), r(2), r(0)), // 6
            Ins::Add(r(0), r(0), r(3)),
            Ins::Jump(4),
        ],
        regs: 4,
    }
}

/// `x = 0.5; i = 0; while i < n: x = x * 0.999 + float(i) * 0.001; i += 1`
pub fn float_mix(n: i64) -> Program {
    Program {
        name: "float loop",
        code: vec![
            Ins::Const(r(0), int(0)),
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), float(0.5)),
            Ins::Const(r(3), float(0.999)),
            Ins::Const(r(4), float(0.001)),
            Ins::Const(r(5), int(1)),
            Ins::JumpIfLt(r(0), r(1), 8), // 6: loop header
            Ins::Halt,
            Ins::Mul(r(2), r(2), r(3)), // 8
            Ins::Mul(r(6), r(0), r(4)),
            Ins::Add(r(2), r(2), r(6)),
            Ins::Add(r(0), r(0), r(5)),
            Ins::Jump(6),
        ],
        regs: 7,
    }
}

/// `while i < n: if i % 3 == 0: a += i else: b = b * 1.5 - b * 0.5 + 1;
/// i += 1` -- a branch taken one time in three: the root trace follows
/// the common path, a side trace the other.
pub fn branchy(n: i64) -> Program {
    Program {
        name: "polymorphic branch (side trace)",
        code: vec![
            Ins::Const(r(0), int(0)), // i
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), int(0)),     // a
            Ins::Const(r(3), float(0.0)), // b
            Ins::Const(r(4), int(3)),
            Ins::Const(r(5), int(1)),
            Ins::Const(r(8), float(1.5)),
            Ins::Const(r(9), float(0.5)),
            Ins::JumpIfLt(r(0), r(1), 10), // 8: loop header
            Ins::Halt,
            Ins::Rem(r(6), r(0), r(4)), // 10
            Ins::JumpIfZero(r(6), 17),
            Ins::Mul(r(7), r(3), r(8)), // 12: common path
            Ins::Mul(r(6), r(3), r(9)),
            Ins::Sub(r(7), r(7), r(6)),
            Ins::Add(r(3), r(7), r(5)),
            Ins::Jump(18),
            Ins::Add(r(2), r(2), r(0)), // 17: one in three
            Ins::Add(r(0), r(0), r(5)), // 18
            Ins::Jump(8),
        ],
        regs: 10,
    }
}

/// `p = new; p.x = 0; p.y = 1.5; while i < n: p.x = p.x + i;
/// p.y = p.y * 0.999; i += 1` -- attribute loads and stores behind shape
/// guards.
pub fn attributes(n: i64) -> Program {
    let (x, y) = (0, 1);
    Program {
        name: "object attribute loop",
        code: vec![
            Ins::Const(r(0), int(0)),
            Ins::Const(r(1), int(n)),
            Ins::Const(r(3), int(1)),
            Ins::Const(r(4), float(1.5)),
            Ins::Const(r(5), float(0.999)),
            Ins::New(r(2)),
            Ins::SetAttr(r(2), x, r(0)),
            Ins::SetAttr(r(2), y, r(4)),
            Ins::JumpIfLt(r(0), r(1), 10), // 8: loop header
            Ins::Halt,
            Ins::GetAttr(r(6), r(2), x), // 10
            Ins::Add(r(6), r(6), r(0)),
            Ins::SetAttr(r(2), x, r(6)),
            Ins::GetAttr(r(6), r(2), y),
            Ins::Mul(r(6), r(6), r(5)),
            Ins::SetAttr(r(2), y, r(6)),
            Ins::Add(r(0), r(0), r(3)),
            Ins::Jump(8),
        ],
        regs: 7,
    }
}

/// `head = 0; while i < n: c = new; c.v = i; c.next = head; head = c;
/// i += 1; s = s + head.v` -- allocation in the loop: collections move
/// everything while the trace runs; storing `head` into the new cell needs
/// the write barrier once the cell is old.
pub fn linked_list(n: i64) -> Program {
    let (v, next) = (0, 1);
    Program {
        name: "allocation loop (linked list)",
        code: vec![
            Ins::Const(r(0), int(0)),
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), int(0)), // head
            Ins::Const(r(3), int(1)),
            Ins::Const(r(5), int(0)),     // s
            Ins::JumpIfLt(r(0), r(1), 7), // 5: loop header
            Ins::Halt,
            Ins::New(r(4)), // 7
            Ins::SetAttr(r(4), v, r(0)),
            Ins::SetAttr(r(4), next, r(2)),
            Ins::Move(r(2), r(4)),
            Ins::Add(r(0), r(0), r(3)),
            Ins::GetAttr(r(6), r(2), v),
            Ins::Add(r(5), r(5), r(6)),
            Ins::Jump(5),
        ],
        regs: 7,
    }
}

/// `while i < n: s = s + f(i, 3)` with `f(a, b) = a * b + a`: a call in
/// the loop, inlined into the trace.
pub fn calls(n: i64) -> Program {
    const F: Pc = 13;
    Program {
        name: "call-heavy loop",
        code: vec![
            Ins::Const(r(0), int(0)), // i
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), int(0)), // s
            Ins::Const(r(3), int(1)),
            Ins::JumpIfLt(r(0), r(1), 6), // 4: loop header
            Ins::Halt,
            Ins::Move(r(8), r(0)), // 6: arguments at the window base
            Ins::Const(r(9), int(3)),
            Ins::Call(r(4), F, r(8)),
            Ins::Add(r(2), r(2), r(4)),
            Ins::Add(r(0), r(0), r(3)),
            Ins::Jump(4),
            Ins::Halt,
            Ins::Mul(r(2), r(0), r(1)), // 13: f(a, b)
            Ins::Add(r(2), r(2), r(0)),
            Ins::Ret(r(2)),
        ],
        regs: 8,
    }
}

/// `while i < n: p = new; p.v = i; p.w = 2.5; s = s + p.v; i += 1` -- a
/// temporary object per iteration that never escapes the loop body: the
/// optimizer sinks the allocation, and the phi that carries `p` (still in
/// `r4`) from one iteration into the next, so exits must rebuild `p`.
pub fn temporaries(n: i64) -> Program {
    let (v, w) = (0, 1);
    Program {
        name: "temporary objects",
        code: vec![
            Ins::Const(r(0), int(0)), // i
            Ins::Const(r(1), int(n)),
            Ins::Const(r(2), int(0)), // s
            Ins::Const(r(3), int(1)),
            Ins::Const(r(5), float(2.5)),
            Ins::JumpIfLt(r(0), r(1), 7), // 5: loop header
            Ins::Halt,
            Ins::New(r(4)), // 7
            Ins::SetAttr(r(4), v, r(0)),
            Ins::SetAttr(r(4), w, r(5)),
            Ins::GetAttr(r(6), r(4), v),
            Ins::Add(r(2), r(2), r(6)),
            Ins::Add(r(0), r(0), r(3)),
            Ins::Jump(5),
        ],
        regs: 7,
    }
}

/// `i` counts up by 1 from near the 48-bit limit: the int add overflows
/// and the program fails with the same error with and without the JIT.
pub fn overflowing(start: i64) -> Program {
    Program {
        name: "int overflow",
        code: vec![
            Ins::Const(r(0), int(start)),
            Ins::Const(r(1), int(1)),
            Ins::Add(r(0), r(0), r(1)), // 2: loop header
            Ins::Jump(2),
        ],
        regs: 2,
    }
}

/// `p = new; p.v = i; while i < n: if i % 7 == 0: s += 1; p = new;
/// p.v = i; i += 1`, then `r4 = p.v` -- a fresh object carried around the
/// loop in a register the loop never reads: the optimizer sinks both
/// allocations and the phi that carries `p`, so the guard of the branch
/// taken one time in seven (mid-way through the body) and the loop test
/// must rebuild `p` on exit.
pub fn carried(n: i64) -> Program {
    let v = 0;
    Program {
        name: "loop-carried object",
        code: vec![
            Ins::Const(r(0), int(0)), // i
            Ins::Const(r(1), int(n)),
            Ins::Const(r(3), int(1)),
            Ins::Const(r(5), int(7)),
            Ins::Const(r(6), int(0)), // s
            Ins::New(r(2)),           // p
            Ins::SetAttr(r(2), v, r(0)),
            Ins::JumpIfLt(r(0), r(1), 10), // 7: loop header
            Ins::GetAttr(r(4), r(2), v),
            Ins::Halt,
            Ins::Rem(r(7), r(0), r(5)), // 10
            Ins::JumpIfZero(r(7), 13),
            Ins::Jump(14),
            Ins::Add(r(6), r(6), r(3)), // 13: one in seven
            Ins::New(r(2)),             // 14
            Ins::SetAttr(r(2), v, r(0)),
            Ins::Add(r(0), r(0), r(3)),
            Ins::Jump(7),
        ],
        regs: 8,
    }
}
