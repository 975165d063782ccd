//! The proof VM (`examples/minivm`): every program gives the same result
//! (registers bit for bit, objects compared by contents, or the same
//! error) with the interpreter alone, with the JIT at default thresholds,
//! and with the JIT compiling at the first iteration and recording side
//! traces at the first exit -- each also with `pyvm-gc` in stress mode (a
//! collection at every allocation, heap verified after each).

#[path = "../examples/minivm/vm/mod.rs"]
mod vm;

use pyvm_gc::Config;
use pyvm_tracer::JitParams;
use vm::{Mode, Program, run};

fn eager() -> JitParams {
    JitParams {
        hot_loop: 1,
        hot_exit: 1,
        ..JitParams::default()
    }
}

fn modes() -> Vec<Mode> {
    vec![Mode::Jit(JitParams::default()), Mode::Jit(eager())]
}

fn check_same_with(program: &Program, gc: fn() -> Config) -> vm::Stats {
    let want = run(program, Mode::Interpret, gc());
    let mut last = vm::Stats::default();
    for mode in modes() {
        let got = run(program, mode, gc());
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

fn check_same(program: &Program) -> vm::Stats {
    check_same_with(program, || Config::stress(1));
    check_same_with(program, Config::default)
}

#[test]
fn int_sums_agree_and_run_natively() {
    for n in [0, 1, 2, 3, 10, 100, 10_000] {
        let stats = check_same(&vm::int_sum(n));
        if n >= 3 {
            assert!(stats.traces >= 1, "n = {n}: a trace was compiled");
        }
    }
    let (regs, stats) = run(&vm::int_sum(100_000), modes()[0], Config::default()).unwrap();
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
    let (_, stats) = run(&vm::branchy(30_000), modes()[0], Config::default()).unwrap();
    assert!(stats.side_traces >= 1, "{stats:?}");
    assert!(
        stats.interpreted < 5_000,
        "both paths ran natively: {stats:?}"
    );
}

#[test]
fn attribute_loops_agree_and_run_natively() {
    for n in [0, 1, 3, 200, 5000] {
        check_same(&vm::attributes(n));
    }
    let (_, stats) = run(&vm::attributes(50_000), modes()[0], Config::default()).unwrap();
    assert!(stats.interpreted < 2_000, "{stats:?}");
}

#[test]
fn allocating_loops_agree_under_gc_stress() {
    for n in [0, 1, 2, 5, 60, 250] {
        check_same(&vm::linked_list(n));
    }
}

#[test]
fn calls_are_inlined_and_agree() {
    for n in [0, 1, 2, 50, 3000] {
        check_same(&vm::calls(n));
    }
    let (regs, stats) = run(&vm::calls(20_000), modes()[0], Config::default()).unwrap();
    assert_eq!(
        vm::int_of(regs[2]),
        (0..20_000i64).map(|i| 4 * i).sum::<i64>()
    );
    assert!(stats.interpreted < 2_000, "{stats:?}");
}

#[test]
fn temporary_objects_agree_whether_or_not_their_allocation_is_sunk() {
    for n in [0, 1, 2, 3, 80, 400] {
        check_same(&vm::temporaries(n));
    }
    let (regs, stats) = run(&vm::temporaries(5000), modes()[0], Config::default()).unwrap();
    assert_eq!(vm::int_of(regs[2]), 4999 * 5000 / 2);
    assert!(stats.interpreted < 1_000, "{stats:?}");
}

#[test]
fn integer_overflow_fails_the_same_way_with_the_jit() {
    let start = (1i64 << 47) - 500;
    let err = run(&vm::overflowing(start), Mode::Interpret, Config::default()).unwrap_err();
    assert_eq!(err, "integer overflow");
    check_same(&vm::overflowing(start));
}

#[test]
fn an_allocating_loop_runs_natively_while_every_allocation_moves_objects() {
    for mode in modes() {
        let (regs, stats) = run(&vm::linked_list(600), mode, Config::stress(1)).unwrap();
        assert_eq!(vm::int_of(regs[5]), 599 * 600 / 2);
        assert!(
            stats.traces >= 1 && stats.interpreted < 1_000,
            "{mode:?}: {stats:?}"
        );
    }
}

#[test]
fn a_fresh_object_carried_around_the_loop_is_rebuilt_on_exit() {
    for n in [0, 1, 2, 3, 8, 50, 700] {
        check_same(&vm::carried(n));
    }
    for mode in modes() {
        let (regs, stats) = run(&vm::carried(3000), mode, Config::stress(1)).unwrap();
        assert_eq!(vm::int_of(regs[4]), 2999, "{mode:?}: the last p.v");
        assert_eq!(
            vm::int_of(regs[6]),
            3000 / 7 + 1,
            "{mode:?}: multiples of 7"
        );
        assert!(stats.traces >= 1, "{mode:?}: {stats:?}");
    }
}
