//! `Dict` against CPython's `dict`: random operation sequences (insertions,
//! deletions, `popitem`, `setdefault`, `clear`, and forward and reversed
//! iterators stepped while the dict changes) run here and in `python3`, the
//! project's semantic oracle; the traces must match line for line.
//!
//! Python leaves one thing to the implementation: what an iterator yields
//! after the dict's keys changed while its size stayed the same (CPython's
//! answer depends on when its table was last compacted). Such an iterator is
//! marked and its later steps are not compared; everything else is.
//!
//! The test needs `python3` on `PATH` (pyvm's CI and developer machines have
//! CPython 3.11); without it the test prints why and checks nothing else.

use pyvm_objmodel::{Dict, DictIter, IterError, KeyOps, ShapeTree, Symbol, Symbols, Value};
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::sync::Arc;

/// Keys: ints (Python's hash: the int) or interned names `k0`, `k1`, …
/// living at fake heap addresses `NAMES + 8*i`, which become shape symbols.
struct Keys;
const NAMES: usize = 0x1000;

/// The number a key stands for (`n` for the int `n` and for the name `kn`).
fn key_id(k: Value) -> i64 {
    match k.as_int() {
        Some(i) => i,
        None => ((k.heap_addr().unwrap() - NAMES) / 8) as i64,
    }
}

impl Symbols for Keys {
    fn symbol_of(&mut self, key: Value) -> Option<Symbol> {
        key.heap_addr()
            .map(|a| Symbol::new(((a - NAMES) / 8) as u32))
    }
    fn symbol_key(&self, sym: Symbol) -> Value {
        Value::from_heap_addr(NAMES + 8 * sym.index() as usize).unwrap()
    }
}
impl KeyOps for Keys {
    type Error = ();
    fn hash(&mut self, key: Value) -> Result<u64, ()> {
        Ok(match key.as_int() {
            Some(i) => i as u64,
            None => (key_id(key) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
        })
    }
    fn eq(&mut self, a: Value, b: Value) -> Result<bool, ()> {
        Ok(a.is_int() == b.is_int() && key_id(a) == key_id(b))
    }
    fn is_interned(&self, key: Value) -> bool {
        key.is_heap()
    }
}

const PYTHON: &str = r#"
import sys
d, its, snap = {}, [], {}
strings = False
key = lambda n: f"k{n}" if strings and n < 10 else n
kid = lambda k: int(k[1:]) if isinstance(k, str) else k
for line in sys.stdin:
    op, *a = line.split()
    a = [int(x) for x in a]
    if op == "reset":
        d, its, snap = {}, [], {}
        strings = bool(a[0])
        print("reset")
    elif op == "set":
        d[key(a[0])] = a[1]; print("ok")
    elif op == "del":
        try:
            del d[key(a[0])]; print("ok")
        except KeyError:
            print("KeyError")
    elif op == "get":
        print(d.get(key(a[0]), "missing"))
    elif op == "setdefault":
        print(d.setdefault(key(a[0]), a[1]))
    elif op == "popitem":
        try:
            k, v = d.popitem(); print(kid(k), v)
        except KeyError:
            print("KeyError")
    elif op == "snap":
        snap = dict(d); print("ok")
    elif op == "eq":
        print(d == snap)
    elif op == "clear":
        d.clear(); print("ok")
    elif op == "iter":
        its.append(reversed(d.items()) if a[0] else iter(d.items())); print("ok")
    elif op == "next":
        try:
            k, v = next(its[a[0]]); print(kid(k), v)
        except StopIteration:
            print("stop")
        except RuntimeError as e:
            print("changed size" if "size" in str(e) else "keys changed")
    elif op == "items":
        print(",".join(f"{kid(k)}:{v}" for k, v in d.items()))
    elif op == "len":
        print(len(d))
"#;

/// xorshift64*: a small seeded generator, so failures reproduce.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 32) % n
    }
}

fn int(i: i64) -> Value {
    Value::from_int(i).unwrap()
}

fn items_line(d: &Dict) -> String {
    let items: Vec<String> = d
        .items(&Keys)
        .map(|(k, v)| format!("{}:{}", key_id(k), v.as_int().unwrap()))
        .collect();
    items.join(",")
}

fn show(item: Option<(Value, Value)>) -> String {
    match item {
        Some((k, v)) => format!("{} {}", key_id(k), v.as_int().unwrap()),
        None => "stop".into(),
    }
}

/// An iterator and what decides whether its results are comparable.
struct Iter {
    it: DictIter,
    keys_version: u64,
    len: usize,
    /// Stopped or failed: both implementations stay that way.
    finished: bool,
    /// Keys changed at the same size before it finished: implementation-defined.
    undefined: bool,
}

/// The trace line for a step whose result Python leaves to the implementation.
const UNDEFINED: &str = "?";

/// One sequence's state on our side.
struct Run {
    d: Dict,
    snap: Dict,
    its: Vec<Iter>,
    strings: bool,
}

impl Run {
    /// In string mode, keys 10 and 11 stay ints: a non-string key that
    /// moves an instance dict to dictionary mode.
    fn key(&self, n: i64) -> Value {
        if self.strings && n < 10 {
            Value::from_heap_addr(NAMES + 8 * n as usize).unwrap()
        } else {
            int(n)
        }
    }
}

/// Run one op, append its trace line to `out`, and return the op's text.
fn step(rng: &mut Rng, run: &mut Run, out: &mut String) -> String {
    let (n, v) = (rng.below(12) as i64, rng.below(100) as i64);
    let k = run.key(n);
    let Run { d, snap, its, .. } = run;
    let choice = if its.is_empty() {
        rng.below(13)
    } else {
        rng.below(18)
    };
    match choice {
        0..=3 => {
            d.insert(&mut Keys, k, int(v)).unwrap();
            out.push_str("ok\n");
            format!("set {n} {v}")
        }
        4 | 5 => {
            let r = d.remove(&mut Keys, k).unwrap();
            out.push_str(if r.is_some() { "ok\n" } else { "KeyError\n" });
            format!("del {n}")
        }
        6 => {
            let r = d.get(&mut Keys, k).unwrap();
            match r {
                Some(v) => writeln!(out, "{}", v.as_int().unwrap()).unwrap(),
                None => out.push_str("missing\n"),
            }
            format!("get {n}")
        }
        7 => {
            let r = d.set_default(&mut Keys, k, int(v)).unwrap();
            writeln!(out, "{}", r.as_int().unwrap()).unwrap();
            format!("setdefault {n} {v}")
        }
        8 => {
            match d.pop_item(&Keys) {
                Some(item) => writeln!(out, "{}", show(Some(item))).unwrap(),
                None => out.push_str("KeyError\n"),
            }
            "popitem".into()
        }
        9 if rng.below(4) == 0 => {
            d.clear();
            out.push_str("ok\n");
            "clear".into()
        }
        9 | 10 if its.len() < 4 => {
            let rev = rng.below(3) == 0;
            its.push(Iter {
                it: if rev {
                    d.iter_rev_start()
                } else {
                    d.iter_start()
                },
                keys_version: d.keys_version(),
                len: d.len(),
                finished: false,
                undefined: false,
            });
            out.push_str("ok\n");
            format!("iter {}", rev as u8)
        }
        9 | 10 => {
            writeln!(out, "{}", items_line(d)).unwrap();
            "items".into()
        }
        11 => {
            *snap = d.clone();
            out.push_str("ok\n");
            "snap".into()
        }
        12 => {
            let eq = d.equals(snap, &mut Keys).unwrap();
            out.push_str(if eq { "True\n" } else { "False\n" });
            "eq".into()
        }
        _ => {
            let j = rng.below(its.len() as u64) as usize;
            let it = &mut its[j];
            if !it.finished && d.len() == it.len && d.keys_version() != it.keys_version {
                it.undefined = true;
            }
            let line = match it.it.next(d, &Keys) {
                Ok(Some(item)) => show(Some(item)),
                Ok(None) => {
                    it.finished = true;
                    show(None)
                }
                Err(IterError::ChangedSize) => {
                    it.finished = true;
                    "changed size".into()
                }
                Err(IterError::KeysChanged) => {
                    it.finished = true;
                    "keys changed".into()
                }
            };
            if it.undefined {
                out.push_str(UNDEFINED);
            } else {
                out.push_str(&line);
            }
            out.push('\n');
            format!("next {j}")
        }
    }
}

#[test]
fn dict_traces_match_cpython() {
    let mut rng = Rng(0x5EED_0BAD_C0DE_F00D);
    let (mut script, mut expected_ops) = (String::new(), Vec::new());
    let mut ours = String::new();
    let tree = Arc::new(ShapeTree::new());
    let mut split_seen = 0;
    for seq in 0..400 {
        // Odd sequences use (mostly) string keys in an instance (split) dict.
        let strings = seq % 2 == 1;
        writeln!(script, "reset {}", strings as u8).unwrap();
        ours.push_str("reset\n");
        expected_ops.push("reset".to_string());
        let d = if strings {
            Dict::new_split(tree.clone(), tree.root())
        } else {
            Dict::new()
        };
        let mut run = Run {
            d,
            snap: Dict::new(),
            its: Vec::new(),
            strings,
        };
        for _ in 0..60 {
            let op = step(&mut rng, &mut run, &mut ours);
            script.push_str(&op);
            script.push('\n');
            expected_ops.push(op);
            split_seen += run.d.is_split() as usize;
        }
        script.push_str("items\nlen\n");
        writeln!(ours, "{}\n{}", items_line(&run.d), run.d.len()).unwrap();
        expected_ops.push("items".into());
        expected_ops.push("len".into());
        run.d.check_invariants().unwrap();
    }
    assert!(
        split_seen > 2000,
        "split dicts took only {split_seen} steps"
    );

    let child = Command::new("python3")
        .args(["-c", PYTHON])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("python3 not found: the CPython comparison cannot run here");
        return;
    };
    // Feed stdin from another thread: Python's answers fill the stdout pipe
    // while the script is still being written.
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(script.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success(), "python3 failed");
    let theirs = String::from_utf8(output.stdout).unwrap();
    let (ours, theirs): (Vec<&str>, Vec<&str>) = (ours.lines().collect(), theirs.lines().collect());
    let mut compared_steps = 0;
    for n in 0..ours.len().min(theirs.len()) {
        if ours[n] == UNDEFINED {
            continue;
        }
        if expected_ops[n].starts_with("next") {
            compared_steps += 1;
        }
        if ours[n] != theirs[n] {
            // Show the sequence from its reset up to the difference.
            let start = (0..n)
                .rev()
                .find(|&i| expected_ops[i] == "reset")
                .unwrap_or(0);
            let mut history = String::new();
            for i in start..=n {
                writeln!(
                    history,
                    "{:<16} Dict: {:<12} CPython: {}",
                    expected_ops[i], ours[i], theirs[i]
                )
                .unwrap();
            }
            panic!("op #{n} differs:\n{history}");
        }
    }
    assert_eq!(ours.len(), theirs.len());
    eprintln!("{compared_steps} iterator steps compared with CPython");
    assert!(
        compared_steps > 1000,
        "only {compared_steps} iterator steps compared"
    );
}
