//! Property tests on generated traces: the recorder produces verified
//! traces, the text format round-trips, and every optimizer pass (alone and
//! in the default pipeline) keeps the behaviour the reference interpreter
//! observes: which way the trace leaves, and the slot values it leaves.

use proptest::prelude::*;
use pyvm_tracer::interp::{FakeHeap, Outcome, run, run_deferring_exit_values};
use pyvm_tracer::opt::{DEFAULT_PIPELINE, PASSES, optimize, run_passes};
use pyvm_tracer::{Flags, HelperDecl, Op, RecordLimits, Recorder, Trace, TraceId, Type};

/// Slots 0..INTS hold integers, slots INTS..INTS+BOXES hold boxes (objects
/// with an integer at +8). Slot 0 is the loop counter.
const INTS: u32 = 4;
const BOXES: u32 = 2;
const LIMIT: i64 = 12;

#[derive(Clone, Debug)]
enum Step {
    Bin(usize, u32, u32, u32),
    BinK(usize, u32, i64, u32),
    Ov(usize, u32, u32, u32),
    Guard(usize, u32, i64, bool),
    GuardCmp(usize, u32, u32, bool),
    GuardEq(u32, i64),
    Box(u32, u32),
    Unbox(u32, u32),
    Store(u32, u32),
    Alias(u32, u32),
    Inline(u32, u32, i64),
    Version(u64),
    Bump(i64),
    CallPure(u32, u32),
    CallStore(u32),
    CallRaise(u32, u32),
}

/// A word the version guards read and `Bump` writes.
const VERSION_ADDR: u64 = 0x9000;

const BINS: [Op; 9] = [
    Op::Add,
    Op::Sub,
    Op::Mul,
    Op::And,
    Op::Or,
    Op::Xor,
    Op::Shl,
    Op::Shr,
    Op::Sar,
];
const OVS: [Op; 3] = [Op::AddOv, Op::SubOv, Op::MulOv];
const CMPS: [Op; 6] = [Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::Eq, Op::Ne];

fn step() -> impl Strategy<Value = Step> {
    let int = 1..INTS;
    let any_int = 0..INTS;
    let boxes = INTS..INTS + BOXES;
    let k = prop_oneof![
        Just(0i64),
        Just(1),
        Just(-1),
        Just(2),
        Just(3),
        Just(63),
        -100i64..100,
        any::<i64>()
    ];
    prop_oneof![
        (0..BINS.len(), any_int.clone(), any_int.clone(), int.clone())
            .prop_map(|(o, a, b, d)| Step::Bin(o, a, b, d)),
        (0..BINS.len(), any_int.clone(), k.clone(), int.clone())
            .prop_map(|(o, a, k, d)| Step::BinK(o, a, k, d)),
        (0..OVS.len(), any_int.clone(), any_int.clone(), int.clone())
            .prop_map(|(o, a, b, d)| Step::Ov(o, a, b, d)),
        (0..CMPS.len(), any_int.clone(), k.clone(), any::<bool>())
            .prop_map(|(o, a, k, t)| Step::Guard(o, a, k, t)),
        (any_int.clone(), k).prop_map(|(a, k)| Step::GuardEq(a, k)),
        (
            0..CMPS.len(),
            any_int.clone(),
            any_int.clone(),
            any::<bool>()
        )
            .prop_map(|(o, a, b, t)| Step::GuardCmp(o, a, b, t)),
        (any_int.clone(), boxes.clone()).prop_map(|(a, d)| Step::Box(a, d)),
        (boxes.clone(), int.clone()).prop_map(|(b, d)| Step::Unbox(b, d)),
        (boxes.clone(), any_int).prop_map(|(b, a)| Step::Store(b, a)),
        (boxes.clone(), boxes).prop_map(|(a, b)| Step::Alias(a, b)),
        (0..INTS, 1..INTS, -3i64..1000).prop_map(|(a, d, k)| Step::Inline(a, d, k)),
        (0u64..3).prop_map(Step::Version),
        (0i64..3).prop_map(Step::Bump),
        (0u64..3).prop_map(Step::Version),
        (0..INTS, 1..INTS).prop_map(|(a, d)| Step::CallPure(a, d)),
        (INTS..INTS + BOXES).prop_map(Step::CallStore),
        (0..INTS, 1..INTS).prop_map(|(a, d)| Step::CallRaise(a, d)),
    ]
}

fn record(steps: &[Step]) -> Trace {
    let mut r = Recorder::new(TraceId(0), 0, RecordLimits::default());
    let boxer = r.declare_helper(HelperDecl::new(
        "box",
        &[Type::I64],
        Type::Ref,
        Flags::ALLOC | Flags::COLLECT,
    ));
    let pure = r.declare_helper(HelperDecl::new(
        "pure",
        &[Type::I64],
        Type::I64,
        Flags::PURE,
    ));
    let poke = r.declare_helper(HelperDecl::new(
        "poke",
        &[Type::Ref],
        Type::Void,
        Flags::LOAD | Flags::STORE,
    ));
    let check = r.declare_helper(HelperDecl::new(
        "check",
        &[Type::I64],
        Type::I64,
        Flags::RAISE,
    ));
    // The loop counter: i = i + 1, exit when i >= LIMIT.
    r.set_pc(0);
    let i = r.slot(0, Type::I64);
    let one = r.kint(1);
    let i1 = r.arith_ov(Op::AddOv, i, one);
    let lim = r.kint(LIMIT);
    let c = r.emit(Op::Lt, Type::Bool, &[i1, lim]);
    r.guard_bool(c, true);
    r.set_slot(0, i1);
    for (pc, s) in steps.iter().enumerate() {
        r.set_pc(pc as u64 + 1);
        match *s {
            Step::Bin(o, a, b, d) => {
                let (a, b) = (r.slot(a, Type::I64), r.slot(b, Type::I64));
                let v = r.emit(BINS[o], Type::I64, &[a, b]);
                r.set_slot(d, v);
            }
            Step::BinK(o, a, k, d) => {
                let a = r.slot(a, Type::I64);
                let k = r.kint(k);
                let v = r.emit(BINS[o], Type::I64, &[a, k]);
                r.set_slot(d, v);
            }
            Step::Ov(o, a, b, d) => {
                let (a, b) = (r.slot(a, Type::I64), r.slot(b, Type::I64));
                let v = r.arith_ov(OVS[o], a, b);
                r.set_slot(d, v);
            }
            Step::Guard(o, a, k, t) => {
                let a = r.slot(a, Type::I64);
                let k = r.kint(k);
                let c = r.emit(CMPS[o], Type::Bool, &[a, k]);
                r.guard_bool(c, t);
            }
            Step::GuardCmp(o, a, b, t) => {
                let (a, b) = (r.slot(a, Type::I64), r.slot(b, Type::I64));
                let c = r.emit(CMPS[o], Type::Bool, &[a, b]);
                r.guard_bool(c, t);
            }
            Step::GuardEq(a, k) => {
                let a = r.slot(a, Type::I64);
                let k = r.kint(k);
                r.guard_eq(a, k);
            }
            Step::Box(a, d) => {
                let v = r.slot(a, Type::I64);
                let tag = r.kint(7);
                let b = r.new_object(boxer, &[tag]);
                r.fstore(b, 8, v);
                r.set_slot(d, b);
            }
            Step::Unbox(b, d) => {
                let b = r.slot(b, Type::Ref);
                let v = r.fload(b, 8, Type::I64);
                r.set_slot(d, v);
            }
            Step::Inline(a, d, k) => {
                // An inlined call: the callee's frame starts at slot 6; it
                // computes `x * 2 + k` with overflow checks (guards with
                // two frames in their snapshots) and returns it.
                let x = r.slot(a, Type::I64);
                r.push_frame(6, pc as u64 + 1, 1000);
                r.set_slot(0, x);
                let two = r.kint(2);
                let y = r.arith_ov(Op::MulOv, x, two);
                r.set_slot(1, y);
                r.set_pc(1001);
                let k = r.kint(k);
                let z = r.arith_ov(Op::AddOv, y, k);
                r.pop_frame();
                r.set_slot(d, z);
            }
            Step::Version(v) => r.guard_version(VERSION_ADDR, v),
            Step::Bump(k) => {
                let v = r.kint(k);
                let p = r.konst(Type::Ptr, VERSION_ADDR);
                r.pstore(p, 0, v);
            }
            Step::CallPure(a, d) => {
                let v = r.slot(a, Type::I64);
                let y = r.call(pure, &[v]);
                r.set_slot(d, y);
            }
            Step::CallStore(b) => {
                let o = r.slot(b, Type::Ref);
                r.call(poke, &[o]);
            }
            Step::CallRaise(a, d) => {
                let v = r.slot(a, Type::I64);
                let y = r.call(check, &[v]);
                r.set_slot(d, y);
            }
            Step::Alias(a, b) => {
                let v = r.slot(a, Type::Ref);
                r.set_slot(b, v);
            }
            Step::Store(b, a) => {
                let b = r.slot(b, Type::Ref);
                let v = r.slot(a, Type::I64);
                r.fstore(b, 8, v);
            }
        }
    }
    r.set_pc(0);
    r.close_loop().expect("recording")
}

/// Runs a trace from fresh inputs; returns how it left and the slots,
/// with boxes replaced by their contents (addresses may differ).
fn observe(t: &Trace, seed: &[i64]) -> (String, Vec<i64>, Vec<i64>) {
    observe_with(t, seed, run)
}

type Runner = fn(&Trace, &mut Vec<u64>, &mut dyn pyvm_tracer::interp::Heap, usize) -> Outcome;

fn observe_with(t: &Trace, seed: &[i64], run: Runner) -> (String, Vec<i64>, Vec<i64>) {
    let mut heap = FakeHeap::new();
    heap.define("box", |h, args| {
        let a = h.alloc(2);
        h.mem.insert(a, args[0]);
        a
    });
    heap.define("pure", |_, args| args[0].wrapping_mul(3).wrapping_add(1));
    heap.define("poke", |h, args| {
        let v = h.load(args[0] + 8);
        h.store(args[0] + 8, v.wrapping_add(1));
        0
    });
    // Raises (returns the error value 0) on 0.
    heap.define("check", |_, args| args[0]);
    heap.store(VERSION_ADDR, seed[1].rem_euclid(3) as u64);
    let mut slots: Vec<u64> = (0..INTS).map(|i| seed[i as usize] as u64).collect();
    slots[0] = (seed[0].rem_euclid(LIMIT)) as u64;
    let mut boxes = Vec::new();
    for b in 0..BOXES {
        let a = heap.alloc(2);
        heap.mem
            .insert(a + 8, seed[(INTS + b) as usize % seed.len()] as u64);
        slots.push(a);
        boxes.push(a);
    }
    // Sometimes both box slots start out as the same object, so that
    // different IR values may be the same object at run time.
    if seed[2].rem_euclid(2) == 0 {
        slots[INTS as usize + 1] = slots[INTS as usize];
    }
    let out = run(t, &mut slots, &mut heap, 100);
    let kind = match out {
        Outcome::Exit(_) => "exit".to_string(),
        Outcome::Link(t) => format!("link {t}"),
        Outcome::OutOfFuel => "fuel".to_string(),
    };
    let mut seen: Vec<i64> = slots[..INTS as usize].iter().map(|&v| v as i64).collect();
    for &s in &slots[INTS as usize..] {
        seen.push(heap.load(s + 8) as i64);
    }
    // The boxes the trace started with may have been written to.
    let mut originals: Vec<i64> = boxes.iter().map(|&a| heap.load(a + 8) as i64).collect();
    originals.push(heap.load(VERSION_ADDR) as i64);
    (kind, seen, originals)
}

use pyvm_tracer::interp::Heap as _;

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn recorded_traces_verify_and_round_trip(steps in prop::collection::vec(step(), 0..14)) {
        let t = record(&steps);
        prop_assert_eq!(t.verify(), Ok(()));
        let text = t.to_string();
        let back = Trace::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back.to_string(), text);
        let opt = optimize(&t);
        let text = opt.to_string();
        let back = Trace::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(back.to_string(), text);
    }

    #[test]
    fn passes_preserve_behaviour(
        steps in prop::collection::vec(step(), 0..14),
        seeds in prop::collection::vec(prop::collection::vec(prop_oneof![-5i64..20, any::<i64>()], 6), 3),
    ) {
        let t = record(&steps);
        let mut variants: Vec<(String, Trace)> = PASSES
            .iter()
            .map(|p| (p.name.to_string(), run_passes(&t, &[p.name])))
            .collect();
        variants.push(("default".into(), run_passes(&t, DEFAULT_PIPELINE)));
        variants.push(("loop+mem+sink+dce".into(), run_passes(&t, &["loop", "mem", "sink", "dce"])));
        // Exit-only values feed nothing that runs on the main path.
        for (_, v) in &variants {
            let only = v.exit_only();
            for (i, inst) in v.insts().iter().enumerate() {
                if !only[i] && !inst.sunk {
                    for r in v.uses(inst) {
                        prop_assert!(r.is_const() || !only[r.index()], "v{} uses exit-only {:?}\n{}", i, r, v);
                    }
                }
            }
        }
        for seed in &seeds {
            let want = observe(&t, seed);
            for (name, v) in &variants {
                prop_assert_eq!(v.verify(), Ok(()), "{}", name);
                let got = observe(v, seed);
                prop_assert_eq!(&got, &want, "pass {} on {:?}\nbefore:\n{}\nafter:\n{}", name, seed, t, v);
                let deferred = observe_with(v, seed, run_deferring_exit_values);
                prop_assert_eq!(&deferred, &want, "exit-only values after {} on {:?}\n{}", name, seed, v);
            }
        }
    }
}

/// Text that is almost a trace: a recorded trace's text with a few
/// characters replaced, lines dropped or swapped.
fn mangled() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(step(), 0..8),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                prop_oneof![
                    Just(' '),
                    Just(','),
                    Just('v'),
                    Just('1'),
                    Just('('),
                    Just('='),
                    Just('.'),
                    Just('-'),
                    Just('\n'),
                    Just('s'),
                    Just('x')
                ],
            ),
            0..4,
        ),
        prop::collection::vec(any::<prop::sample::Index>(), 0..3),
    )
        .prop_map(|(steps, edits, drops)| {
            let text = optimize(&record(&steps)).to_string();
            let mut chars: Vec<char> = text.chars().collect();
            for (i, c) in edits {
                let at = i.index(chars.len());
                chars[at] = c;
            }
            let text: String = chars.into_iter().collect();
            let mut lines: Vec<&str> = text.lines().collect();
            for d in drops {
                if !lines.is_empty() {
                    lines.remove(d.index(lines.len()));
                }
            }
            lines.join("\n")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Bad text gets an error, never a panic; what parses also verifies
    /// and prints back to text that parses to the same trace.
    #[test]
    fn parser_never_panics(text in mangled()) {
        if let Ok(t) = Trace::parse(&text) {
            prop_assert_eq!(t.verify(), Ok(()));
            let printed = t.to_string();
            let again = Trace::parse(&printed).map_err(|e| TestCaseError::fail(format!("{e}\n{printed}")))?;
            prop_assert_eq!(again.to_string(), printed);
            // Every pass accepts any valid trace.
            for p in PASSES {
                let out = run_passes(&t, &[p.name]);
                prop_assert_eq!(out.verify(), Ok(()), "{}", p.name);
            }
        }
    }
}
