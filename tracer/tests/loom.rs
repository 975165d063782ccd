//! Loom model of the exit counters that compiled code bumps from several
//! threads: whatever the interleaving, exactly one thread sees an exit turn
//! hot, and no increment is lost.
#![cfg(loom)]

use loom::sync::Arc;
use loom::thread;
use pyvm_tracer::{ExitCounters, SnapId};

#[test]
fn exactly_one_thread_sees_the_exit_turn_hot() {
    loom::model(|| {
        let c = Arc::new(ExitCounters::new(2, 2));
        let spawn = |exit| {
            let c = c.clone();
            thread::spawn(move || c.bump(SnapId(exit)) as u32)
        };
        let a = spawn(0);
        let b = spawn(0);
        let d = spawn(1);
        let mine = c.bump(SnapId(1)) as u32;
        let hot0 = a.join().unwrap() + b.join().unwrap();
        let hot1 = d.join().unwrap() + mine;
        assert_eq!(hot0, 1);
        assert_eq!(hot1, 1);
        assert_eq!(c.count(SnapId(0)), 2);
        assert_eq!(c.count(SnapId(1)), 2);
    });
}

#[test]
fn reset_races_with_bumps_without_losing_the_crossing_forever() {
    loom::model(|| {
        let c = Arc::new(ExitCounters::new(1, 1));
        let c2 = c.clone();
        let t = thread::spawn(move || c2.bump(SnapId(0)));
        c.reset(SnapId(0));
        let first = t.join().unwrap();
        // After the race, one more bump reaches the threshold again if the
        // reset came last; either way the count is 0 or 1 now.
        let now = c.count(SnapId(0));
        assert!(now <= 1);
        assert!(first, "threshold 1: the first bump is always hot");
        let again = c.bump(SnapId(0));
        assert_eq!(again, now == 0);
    });
}
