//! Timing helpers shared by the benchmarks: median of several runs, in
//! nanoseconds per operation (the machine is shared and noisy; medians
//! resist that better than means).

use std::time::Instant;

/// Run `f` (which performs `ops` operations) `runs` times after one warm-up
/// and return the median time per operation in nanoseconds.
pub fn median_ns_per_op(runs: usize, ops: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_nanos() as f64 / ops as f64
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Like [`median_ns_per_op`], with a fresh input built (untimed) by `setup`
/// before each run and dropped (untimed) after it.
#[allow(dead_code)] // used by some benchmarks only
pub fn median_ns_per_op_with<T>(
    runs: usize,
    ops: usize,
    mut setup: impl FnMut() -> T,
    mut f: impl FnMut(&mut T),
) -> f64 {
    f(&mut setup());
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let mut input = setup();
            let t = Instant::now();
            f(&mut input);
            let ns = t.elapsed().as_nanos() as f64 / ops as f64;
            drop(input);
            ns
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
