//! The proof VM (`examples/minivm`): every program gives the same result
//! (registers bit for bit, or the same error) with the interpreter alone,
//! with the JIT at default thresholds, and with the JIT compiling at the
//! first iteration and recording side traces at the first exit.

#[path = "../examples/minivm/vm.rs"]
mod vm;

use pyvm_tracer::JitParams;
use vm::{Mode, Program, run};

fn modes() -> Vec<Mode> {
    let eager = JitParams {
        hot_loop: 1,
        hot_exit: 1,
        ..JitParams::default()
    };
    vec![Mode::Jit(JitParams::default()), Mode::Jit(eager)]
}

fn check_same(program: &Program) -> vm::Stats {
    let want = run(program, Mode::Interpret);
    let mut last = vm::Stats::default();
    for mode in modes() {
        let got = run(program, mode);
        match (&want, &got) {
            (Ok((w, _)), Ok((g, stats))) => {
                assert_eq!(w, g, "{} with {mode:?}", program.name);
                last = stats.clone();
            }
            (Err(w), Err(g)) => assert_eq!(w, g, "{} with {mode:?}", program.name),
            _ => panic!("{} with {mode:?}: {want:?} vs {got:?}", program.name),
        }
    }
    last
}

#[test]
fn int_sums_agree_and_run_natively() {
    for n in [0, 1, 2, 3, 10, 100, 10_000] {
        let stats = check_same(&vm::int_sum(n));
        if n >= 3 {
            assert!(stats.traces >= 1, "n = {n}: a trace was compiled");
        }
    }
    let (regs, stats) = run(&vm::int_sum(100_000), modes()[0]).unwrap();
    assert_eq!(vm::int_of(regs[2]), 100_000 * 99_999 / 2);
    assert!(
        stats.interpreted < 1_000,
        "the loop ran natively: {stats:?}"
    );
}

#[test]
fn float_loops_agree_bit_for_bit() {
    for n in [0, 1, 5, 1000, 20_000] {
        check_same(&vm::float_mix(n));
    }
}

#[test]
fn a_polymorphic_branch_grows_a_side_trace() {
    for n in [0, 1, 4, 7, 100, 5000] {
        check_same(&vm::branchy(n));
    }
    let (_, stats) = run(&vm::branchy(30_000), modes()[0]).unwrap();
    assert!(stats.side_traces >= 1, "{stats:?}");
    assert!(
        stats.interpreted < 5_000,
        "both paths ran natively: {stats:?}"
    );
}

#[test]
fn integer_overflow_fails_the_same_way_with_the_jit() {
    let start = (1i64 << 47) - 500;
    let err = run(&vm::overflowing(start), Mode::Interpret).unwrap_err();
    assert_eq!(err, "integer overflow");
    check_same(&vm::overflowing(start));
}
