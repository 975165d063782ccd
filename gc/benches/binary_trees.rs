//! The binary-trees benchmark on `pyvm-gc` and on `Box`, side by side.
//!
//! `cargo bench -p pyvm-gc --bench binary_trees` runs each variant in its
//! own child process (so that peak RSS is per variant), `BT_RUNS` times
//! (default 5), alternating, and prints the medians. `BT_DEPTH` sets the
//! maximum depth (default 18).

use std::process::Command;
use std::time::{Duration, Instant};

use pyvm_gc::{Config, Heap, Mutator, ObjectRef, Tracer, VMBinding};

// ---- the Box version: plain Rust -------------------------------------

struct Node {
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

fn box_make(depth: u32) -> Box<Node> {
    if depth == 0 {
        Box::new(Node {
            left: None,
            right: None,
        })
    } else {
        Box::new(Node {
            left: Some(box_make(depth - 1)),
            right: Some(box_make(depth - 1)),
        })
    }
}

fn box_check(n: &Node) -> u32 {
    1 + n.left.as_deref().map_or(0, box_check) + n.right.as_deref().map_or(0, box_check)
}

// ---- the pyvm-gc version ---------------------------------------------

/// Tree nodes: a payload of two words, left and right (0 = none).
struct Bt;

// SAFETY: every object has the same 16-byte payload of two reference slots.
unsafe impl VMBinding for Bt {
    type MutatorRoots = Vec<ObjectRef>;
    fn object_size(_: ObjectRef) -> usize {
        16
    }
    #[inline]
    fn trace_object<T: Tracer>(o: ObjectRef, t: &mut T) {
        let p = o.payload() as *mut usize;
        for i in 0..2 {
            // SAFETY: both slots are inside the payload.
            unsafe {
                if let Some(r) = ObjectRef::from_address(*p.add(i)) {
                    *p.add(i) = t.trace(r).address();
                }
            }
        }
    }
    fn scan_roots<T: Tracer>(roots: &mut Vec<ObjectRef>, t: &mut T) {
        roots.iter_mut().for_each(|r| t.trace_slot(r));
    }
}

/// Builds a tree bottom-up; children wait on the root stack while their
/// sibling and parent are allocated (allocation may move them). The parent
/// is initialised without a write barrier: it was just allocated, so it is
/// young (the usual barrier elision for fresh objects).
fn gc_make(m: &mut Mutator<Bt>, depth: u32) -> ObjectRef {
    if depth == 0 {
        return m.alloc(16).expect("heap limit").object_ref();
    }
    let l = gc_make(m, depth - 1);
    m.roots_mut().push(l);
    let r = gc_make(m, depth - 1);
    m.roots_mut().push(r);
    let p = m.alloc(16).expect("heap limit").object_ref();
    let roots = m.roots_mut();
    let (r, l) = (roots.pop().unwrap(), roots.pop().unwrap());
    // SAFETY: fresh object with two slots.
    unsafe {
        let s = p.payload() as *mut usize;
        *s = l.address();
        *s.add(1) = r.address();
    }
    p
}

fn gc_check(o: ObjectRef) -> u32 {
    let s = o.payload() as *const usize;
    // SAFETY: nodes have two slots; no allocation happens while checking.
    let (l, r) = unsafe { (*s, *s.add(1)) };
    1 + ObjectRef::from_address(l).map_or(0, gc_check)
        + ObjectRef::from_address(r).map_or(0, gc_check)
}

// ---- the benchmark driver ------------------------------------------

struct Outcome {
    checksum: u64,
    nodes: u64,
    max_minor_pause_us: f64,
    mean_minor_pause_us: f64,
    p99_minor_pause_us: f64,
    max_major_pause_us: f64,
    collections: u64,
}

fn run_box(max_depth: u32) -> Outcome {
    let mut checksum = 0u64;
    let mut nodes = 0u64;
    let stretch = box_make(max_depth + 1);
    checksum += u64::from(box_check(&stretch));
    nodes += u64::from(box_check(&stretch));
    drop(stretch);
    let long_lived = box_make(max_depth);
    nodes += u64::from(box_check(&long_lived));
    let mut d = 4;
    while d <= max_depth {
        let iterations = 1u32 << (max_depth - d + 4);
        for _ in 0..iterations {
            let t = box_make(d);
            let c = box_check(&t);
            checksum += u64::from(c);
            nodes += u64::from(c);
        }
        d += 2;
    }
    checksum += u64::from(box_check(&long_lived));
    Outcome {
        checksum,
        nodes,
        max_minor_pause_us: 0.0,
        mean_minor_pause_us: 0.0,
        p99_minor_pause_us: 0.0,
        max_major_pause_us: 0.0,
        collections: 0,
    }
}

/// This thread's CPU time (Linux `CLOCK_THREAD_CPUTIME_ID`), to time pauses
/// without the time the scheduler gives to other processes.
fn thread_cpu_time() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, out: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid out-parameter of the C layout clock_gettime uses.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0);
    Duration::new(t.sec as u64, t.nsec as u32)
}

fn run_gc(max_depth: u32, cpu_clock: bool, evacuate: bool) -> Outcome {
    let mut config = Config {
        compact: !evacuate,
        ..Config::default()
    };
    if cpu_clock {
        config.pause_clock = Some(thread_cpu_time);
    }
    if let Some(n) = std::env::var("BT_NURSERY")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        config.nursery_bytes = n;
    }
    let heap = Heap::<Bt>::new(config).unwrap();
    let mut m = heap.mutator(Vec::new()).unwrap();
    let mut checksum = 0u64;
    let mut nodes = 0u64;
    let stretch = gc_make(&mut m, max_depth + 1);
    let c = u64::from(gc_check(stretch));
    checksum += c;
    nodes += c;
    let long_lived = gc_make(&mut m, max_depth);
    m.roots_mut().push(long_lived);
    nodes += u64::from(gc_check(long_lived));
    let mut d = 4;
    while d <= max_depth {
        let iterations = 1u32 << (max_depth - d + 4);
        for _ in 0..iterations {
            let t = gc_make(&mut m, d);
            let c = gc_check(t);
            checksum += u64::from(c);
            nodes += u64::from(c);
        }
        d += 2;
    }
    checksum += u64::from(gc_check(m.roots()[0]));
    let s = m.stats();
    Outcome {
        checksum,
        nodes,
        max_minor_pause_us: s.max_minor_pause.as_secs_f64() * 1e6,
        mean_minor_pause_us: s.total_minor_pause.as_secs_f64() * 1e6
            / s.minor_collections.max(1) as f64,
        p99_minor_pause_us: s.minor_pause_percentile(99.0).as_secs_f64() * 1e6,
        max_major_pause_us: s.max_major_pause.as_secs_f64() * 1e6,
        collections: s.minor_collections + s.major_collections,
    }
}

fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn child(variant: &str, depth: u32) {
    let t0 = Instant::now();
    let o = match variant {
        "box" => run_box(depth),
        "pyvm-gc-cpu" => run_gc(depth, true, false),
        "pyvm-gc-evacuate" => run_gc(depth, false, true),
        _ => run_gc(depth, false, false),
    };
    let secs = t0.elapsed().as_secs_f64();
    // Node sizes: 16 bytes per Box allocation, 24 (8 header + 16) per GC object.
    println!(
        "{} {} {} {:.6} {} {:.1} {:.1} {} {:.1} {:.1}",
        variant,
        o.checksum,
        o.nodes,
        secs,
        peak_rss_kib(),
        o.max_minor_pause_us,
        o.max_major_pause_us,
        o.collections,
        o.mean_minor_pause_us,
        o.p99_minor_pause_us
    );
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--variant") {
        let depth = args[i + 2].parse().unwrap();
        child(&args[i + 1], depth);
        return;
    }
    let depth: u32 = std::env::var("BT_DEPTH")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(18);
    let runs: usize = std::env::var("BT_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let exe = std::env::current_exe().unwrap();
    let mut results: Vec<(&str, Vec<Vec<f64>>)> = vec![
        ("box", Vec::new()),
        ("pyvm-gc", Vec::new()),
        ("pyvm-gc-cpu", Vec::new()),
        ("pyvm-gc-evacuate", Vec::new()),
    ];
    let mut checksums = Vec::new();
    for _ in 0..runs {
        for (name, rows) in results.iter_mut() {
            let out = Command::new(&exe)
                .args(["--variant", name, &depth.to_string()])
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let line = String::from_utf8(out.stdout).unwrap();
            let f: Vec<&str> = line.split_whitespace().collect();
            checksums.push(f[1].to_string());
            rows.push(f[2..].iter().map(|x| x.parse::<f64>().unwrap()).collect());
        }
    }
    assert!(
        checksums.windows(2).all(|w| w[0] == w[1]),
        "variants disagree: {checksums:?}"
    );
    println!(
        "binary-trees, depth {depth}, median of {runs} runs (checksum {})",
        checksums[0]
    );
    println!(
        "| variant | time (s) | allocations/s (M) | MB/s allocated | mean minor pause (µs) | p99 minor pause (µs, ≤) | max minor pause (µs) | max major pause (µs) | collections | peak RSS (MiB) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut times = Vec::new();
    for (name, rows) in &results {
        let col = |k: usize| median(&mut rows.iter().map(|r| r[k]).collect::<Vec<_>>());
        let (nodes, secs) = (col(0), col(1));
        let bytes_per = if *name == "box" { 16.0 } else { 24.0 };
        times.push(secs);
        let pauses: Vec<String> = if *name == "box" {
            vec!["n/a".to_string(); 5]
        } else {
            vec![
                format!("{:.0}", col(6)),
                format!("{:.0}", col(7)),
                format!("{:.0}", col(3)),
                format!("{:.0}", col(4)),
                format!("{:.0}", col(5)),
            ]
        };
        println!(
            "| {} | {:.3} | {:.1} | {:.0} | {} | {} | {} | {} | {} | {:.1} |",
            name,
            secs,
            nodes / secs / 1e6,
            nodes * bytes_per / secs / 1e6,
            pauses[0],
            pauses[1],
            pauses[2],
            pauses[3],
            pauses[4],
            col(2) / 1024.0
        );
    }
    println!("time ratio pyvm-gc / box: {:.2}", times[1] / times[0]);
    println!("(pyvm-gc-cpu: same program, pauses timed with the thread's CPU-time clock)");
    println!("(pyvm-gc-evacuate: major collections evacuate instead of compacting)");
}
