//! The interpreter: each instruction executed and, when recording,
//! recorded, in one place.

use super::*;

/// Records: the object in register `r` (guarding its tag and shape).
pub(crate) fn rec_obj(rec: &mut Recorder, r: Reg, shape: ShapeId) -> IrRef {
    let o = rec.slot(r.0, Type::Ref);
    // `vm_new` always returns an object word: a fresh object needs no tag
    // guard (which would also keep the optimizer from sinking it).
    if o.is_const() || rec.trace().inst(o).op != Op::New {
        rec.guard_tag(o, TAG_MASK, OBJ_TAG);
    }
    rec.guard_shape(o, SHAPE_OFF, shape.as_u32() as u64);
    o
}

/// Records: guards on the type class of word `v` as seen now, returning it
/// typed `ref` for objects (so the backend keeps it GC-safe), else `i64`.
pub(crate) fn rec_classify(rec: &mut Recorder, v: IrRef, seen: u64) -> IrRef {
    if is_obj(seen) {
        let v = rec.cast(v, Type::Ref);
        rec.guard_tag(v, TAG_MASK, OBJ_TAG);
        v
    } else if is_int(seen) {
        rec.guard_tag(v, TAG_MASK, INT_TAG);
        v
    } else {
        rec_not_tagged(rec, v);
        v
    }
}

/// Records: guards that word `w` is a float (neither tag).
pub(crate) fn rec_not_tagged(rec: &mut Recorder, w: IrRef) {
    let m = rec.kint(TAG_MASK as i64);
    let tag = rec.emit(Op::And, Type::I64, &[w, m]);
    for t in [INT_TAG, OBJ_TAG] {
        let k = rec.kint(t as i64);
        rec.emit(Op::GNe, Type::Void, &[tag, k]);
    }
}

/// Records: the int payload of register `r` (guarding that it is an int).
pub(crate) fn rec_int(rec: &mut Recorder, r: Reg) -> IrRef {
    let w = rec.slot(r.0, Type::I64);
    rec.guard_tag(w, TAG_MASK, INT_TAG);
    let s = rec.kint(PAYLOAD_SHIFT);
    let up = rec.emit(Op::Shl, Type::I64, &[w, s]);
    rec.emit(Op::Sar, Type::I64, &[up, s])
}

/// Records: register `r` as an f64 (guarding its type as seen now).
pub(crate) fn rec_float(rec: &mut Recorder, r: Reg, was_int: bool) -> IrRef {
    if was_int {
        let i = rec_int(rec, r);
        return rec.emit(Op::I2F, Type::F64, &[i]);
    }
    let w = rec.slot(r.0, Type::I64);
    rec_not_tagged(rec, w);
    rec.emit(Op::Bits2F, Type::F64, &[w])
}

/// Records: box an int payload (already known to fit in 48 bits).
pub(crate) fn rec_box_int(rec: &mut Recorder, payload: IrRef) -> IrRef {
    let m = rec.kint(!TAG_MASK as i64);
    let low = rec.emit(Op::And, Type::I64, &[payload, m]);
    let t = rec.kint(INT_TAG as i64);
    rec.emit(Op::Or, Type::I64, &[low, t])
}

/// Executes instruction `pc` (recording it if `rec` is given) and returns
/// the next pc (`None` at `Halt`).
pub fn step(
    code: &[Ins],
    pc: Pc,
    vm: &mut Vm,
    rec: Option<&mut Recorder>,
) -> Result<Option<Pc>, String> {
    let base = vm.frames.last().map_or(0, |f| f.base);
    let mut rec = rec;
    let regs = &mut vm.regs;
    if let Some(r) = rec.as_deref_mut() {
        r.set_pc(pc as u64);
    }
    match code[pc] {
        Ins::Const(d, v) => {
            regs[base + d.0 as usize] = v;
            if let Some(r) = rec {
                let k = r.konst(Type::I64, v);
                r.set_slot(d.0, k);
            }
        }
        Ins::Add(d, a, b) | Ins::Sub(d, a, b) | Ins::Mul(d, a, b) => {
            let (x, y) = (regs[base + a.0 as usize], regs[base + b.0 as usize]);
            let ins = code[pc];
            if is_obj(x) || is_obj(y) {
                return Err("arithmetic on an object".into());
            }
            if is_int(x) && is_int(y) {
                let (i, j) = (int_of(x), int_of(y));
                // 48-bit overflow is 64-bit overflow of the payloads
                // shifted to the top.
                let (hi, hj) = (i << PAYLOAD_SHIFT, j << PAYLOAD_SHIFT);
                let res = match ins {
                    Ins::Add(..) => hi.checked_add(hj),
                    Ins::Sub(..) => hi.checked_sub(hj),
                    _ => i.checked_mul(hj),
                }
                .ok_or("integer overflow")?;
                regs[base + d.0 as usize] = int(res >> PAYLOAD_SHIFT);
                if let Some(r) = rec {
                    let (pi, pj) = (rec_int(r, a), rec_int(r, b));
                    let s = r.kint(PAYLOAD_SHIFT);
                    let hj = r.emit(Op::Shl, Type::I64, &[pj, s]);
                    let hres = match ins {
                        Ins::Add(..) => {
                            let hi = r.emit(Op::Shl, Type::I64, &[pi, s]);
                            r.arith_ov(Op::AddOv, hi, hj)
                        }
                        Ins::Sub(..) => {
                            let hi = r.emit(Op::Shl, Type::I64, &[pi, s]);
                            r.arith_ov(Op::SubOv, hi, hj)
                        }
                        _ => r.arith_ov(Op::MulOv, pi, hj),
                    };
                    let res = r.emit(Op::Sar, Type::I64, &[hres, s]);
                    let v = rec_box_int(r, res);
                    r.set_slot(d.0, v);
                }
            } else {
                let (f, g) = (float_of(x), float_of(y));
                let res = match ins {
                    Ins::Add(..) => f + g,
                    Ins::Sub(..) => f - g,
                    _ => f * g,
                };
                regs[base + d.0 as usize] = float(res);
                if let Some(r) = rec {
                    let (ff, fg) = (rec_float(r, a, is_int(x)), rec_float(r, b, is_int(y)));
                    let op = match ins {
                        Ins::Add(..) => Op::FAdd,
                        Ins::Sub(..) => Op::FSub,
                        _ => Op::FMul,
                    };
                    let v = r.emit(op, Type::F64, &[ff, fg]);
                    let w = r.emit(Op::F2Bits, Type::I64, &[v]);
                    r.set_slot(d.0, w);
                }
            }
        }
        Ins::Rem(d, a, b) => {
            let (x, y) = (regs[base + a.0 as usize], regs[base + b.0 as usize]);
            if !is_int(x) || !is_int(y) {
                return Err("% needs ints".into());
            }
            if int_of(y) == 0 {
                return Err("integer modulo by zero".into());
            }
            regs[base + d.0 as usize] = int(vm_rem(std::ptr::null_mut(), int_of(x), int_of(y)));
            if let Some(r) = rec {
                let (pi, pj) = (rec_int(r, a), rec_int(r, b));
                let zero = r.kint(0);
                r.emit(Op::GNe, Type::Void, &[pj, zero]);
                let h = r.declare_helper(rem_helper());
                let res = r.call(h, &[pi, pj]);
                let v = rec_box_int(r, res);
                r.set_slot(d.0, v);
            }
        }
        Ins::JumpIfLt(a, b, target) => {
            let (x, y) = (regs[base + a.0 as usize], regs[base + b.0 as usize]);
            if is_obj(x) || is_obj(y) {
                return Err("comparison with an object".into());
            }
            let ints = is_int(x) && is_int(y);
            let taken = if ints {
                int_of(x) < int_of(y)
            } else {
                float_of(x) < float_of(y)
            };
            if let Some(r) = rec {
                let c = if ints {
                    let (pi, pj) = (rec_int(r, a), rec_int(r, b));
                    r.emit(Op::Lt, Type::Bool, &[pi, pj])
                } else {
                    let (f, g) = (rec_float(r, a, is_int(x)), rec_float(r, b, is_int(y)));
                    r.emit(Op::FLt, Type::Bool, &[f, g])
                };
                r.guard_bool(c, taken);
            }
            return Ok(Some(if taken { target } else { pc + 1 }));
        }
        Ins::JumpIfZero(a, target) => {
            let x = regs[base + a.0 as usize];
            if !is_int(x) {
                return Err("test of a non-int".into());
            }
            let taken = int_of(x) == 0;
            if let Some(r) = rec {
                let w = r.slot(a.0, Type::I64);
                let z = r.kint(int(0) as i64);
                let c = r.emit(Op::Eq, Type::Bool, &[w, z]);
                r.guard_bool(c, taken);
            }
            return Ok(Some(if taken { target } else { pc + 1 }));
        }
        Ins::Jump(target) => return Ok(Some(target)),
        Ins::Halt => return Ok(None),
        Ins::Call(d, entry, b) => {
            if vm.frames.len() >= MAX_FRAMES {
                return Err("call stack too deep".into());
            }
            vm.frames.push(Frame {
                base: base + b.0 as usize,
                ret_pc: pc + 1,
                dest: d,
            });
            let top = vm.frames.last().expect("just pushed").base + FRAME_REGS;
            vm.grow_regs(top);
            if let Some(r) = rec {
                r.push_frame(b.0, (pc + 1) as u64, entry as u64);
            }
            return Ok(Some(entry));
        }
        Ins::Ret(a) => {
            let v = regs[base + a.0 as usize];
            let Some(frame) = vm.frames.pop() else {
                return Err("return from the main program".into());
            };
            let caller = vm.frames.last().map_or(0, |f| f.base);
            vm.regs[caller + frame.dest.0 as usize] = v;
            if let Some(r) = rec {
                let rv = r.slot(a.0, if is_obj(v) { Type::Ref } else { Type::I64 });
                let rv = rec_classify(r, rv, v);
                r.pop_frame();
                r.set_slot(frame.dest.0, rv);
            }
            return Ok(Some(frame.ret_pc));
        }
        Ins::Move(d, a) => {
            let v = regs[base + a.0 as usize];
            regs[base + d.0 as usize] = v;
            if let Some(r) = rec {
                let rv = r.slot(a.0, if is_obj(v) { Type::Ref } else { Type::I64 });
                let rv = rec_classify(r, rv, v);
                r.set_slot(d.0, rv);
            }
        }
        Ins::New(d) => {
            let o = vm.new_object();
            vm.regs[base + d.0 as usize] = o;
            if let Some(r) = rec {
                let h = r.declare_helper(new_helper());
                let v = r.new_object(h, &[]);
                // `vm_new` wrote the root shape; recording the store lets
                // the optimizer know it (and fold the shape guard).
                let k = r.kint(vm.shapes.root().as_u32() as i64);
                r.fstore(v, SHAPE_OFF, k);
                r.set_slot(d.0, v);
            }
        }
        Ins::GetAttr(d, o, name) => {
            let obj = regs[base + o.0 as usize];
            if !is_obj(obj) {
                return Err("attribute of a non-object".into());
            }
            let shape = shape_of(obj);
            let slot = vm
                .shapes
                .get(shape)
                .slot_of(Symbol::new(name))
                .ok_or_else(|| format!("no attribute {name}"))?;
            // SAFETY: `obj` is a live object and `slot` one of its slots.
            let v = unsafe { *slot_ptr(obj, slot) };
            vm.regs[base + d.0 as usize] = v;
            if let Some(r) = rec {
                let ro = rec_obj(r, o, shape);
                let off = SLOT0_OFF + 8 * slot.as_usize() as i32;
                let ty = if is_obj(v) { Type::Ref } else { Type::I64 };
                let rv = r.fload(ro, off, ty);
                let rv = rec_classify(r, rv, v);
                r.set_slot(d.0, rv);
            }
        }
        Ins::SetAttr(o, name, v) => {
            let (obj, val) = (regs[base + o.0 as usize], regs[base + v.0 as usize]);
            if !is_obj(obj) {
                return Err("attribute of a non-object".into());
            }
            let shape = shape_of(obj);
            let sym = Symbol::new(name);
            let (slot, new_shape) = match vm.shapes.get(shape).slot_of(sym) {
                Some(slot) => (slot, None),
                None => {
                    let to = vm.shapes.add_key(shape, sym).ok_or("too many attributes")?;
                    let slot = vm.shapes.get(to).slot_of(sym).expect("just added");
                    if slot.as_usize() >= OBJ_SLOTS {
                        return Err("too many attributes".into());
                    }
                    (slot, Some(to))
                }
            };
            // SAFETY: `obj` is a live object; `slot` is within its payload.
            unsafe {
                if let Some(to) = new_shape {
                    *payload_of(obj) = to.as_u32() as u64;
                }
                *slot_ptr(obj, slot) = val;
            }
            if is_obj(val) {
                let target = ObjectRef::from_address((obj & ADDR_MASK) as usize).expect("object");
                // SAFETY: `target` is a live object read from a register
                // since the last safepoint.
                unsafe { vm.mutator.write_barrier(target) };
            }
            if let Some(r) = rec {
                let ro = rec_obj(r, o, shape);
                let rv = r.slot(v.0, if is_obj(val) { Type::Ref } else { Type::I64 });
                let rv = rec_classify(r, rv, val);
                if let Some(to) = new_shape {
                    let k = r.kint(to.as_u32() as i64);
                    r.fstore(ro, SHAPE_OFF, k);
                }
                r.fstore(ro, SLOT0_OFF + 8 * slot.as_usize() as i32, rv);
            }
        }
    }
    Ok(Some(pc + 1))
}
