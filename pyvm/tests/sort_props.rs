//! Property tests of the fallible timsort against `slice::sort_by`, and of
//! its guarantee that errors, panics and inconsistent comparisons leave a
//! permutation of the input.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use proptest::prelude::*;
use pyvm::sort::{sort_by, sort_list, sort_list_by_key};

/// Inputs with structure timsort cares about: concatenated ascending and
/// descending runs of random lengths over a small key range (many ties).
fn runs() -> impl Strategy<Value = Vec<u16>> {
    prop::collection::vec((0u16..300, 1usize..200, any::<bool>(), 1u16..50), 0..12).prop_map(
        |chunks| {
            let mut out = Vec::new();
            for (start, len, up, step) in chunks {
                for i in 0..len as u16 {
                    let x = if up {
                        start + i / step
                    } else {
                        start.saturating_sub(i / step)
                    };
                    out.push(x % 97);
                }
            }
            out
        },
    )
}

fn tagged(v: &[u16]) -> Vec<(u16, usize)> {
    v.iter().copied().zip(0..).collect()
}

fn sorted_multiset(v: &[(u16, usize)]) -> Vec<(u16, usize)> {
    let mut s = v.to_vec();
    s.sort();
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn stable_like_std(v in prop_oneof![runs(), prop::collection::vec(0u16..20, 0..600)]) {
        let mut got = tagged(&v);
        sort_by(&mut got, |a, b| Ok::<_, ()>(a.0 < b.0)).unwrap();
        let mut want = tagged(&v);
        want.sort_by_key(|x| x.0);
        prop_assert_eq!(got, want);
    }

    #[test]
    fn reverse_is_stable(v in runs()) {
        let mut got = tagged(&v);
        sort_list(&mut got, true, |a, b| Ok::<_, ()>(a.0 < b.0)).unwrap();
        let mut want = tagged(&v);
        want.sort_by_key(|x| std::cmp::Reverse(x.0));
        prop_assert_eq!(got, want);
    }

    #[test]
    fn key_sort_matches_std(v in runs(), reverse in any::<bool>()) {
        let mut got = tagged(&v);
        sort_list_by_key(&mut got, |x| Ok::<_, ()>(x.0 / 3), reverse, |a, b| Ok(a < b)).unwrap();
        let mut want = tagged(&v);
        if reverse {
            want.sort_by_key(|x| std::cmp::Reverse(x.0 / 3));
        } else {
            want.sort_by_key(|x| x.0 / 3);
        }
        prop_assert_eq!(got, want);
    }

    #[test]
    fn error_leaves_permutation(v in runs(), fail_at in 0usize..3000) {
        let input = tagged(&v);
        let mut got = input.clone();
        let mut calls = 0;
        let r = sort_by(&mut got, |a, b| {
            calls += 1;
            if calls > fail_at { Err("boom") } else { Ok(a.0 < b.0) }
        });
        if r.is_err() {
            prop_assert_eq!(calls, fail_at + 1, "stopped at the first error");
        }
        prop_assert_eq!(sorted_multiset(&got), sorted_multiset(&input));
    }

    #[test]
    fn inconsistent_comparison_leaves_permutation(v in runs(), seed in any::<u64>()) {
        let input = tagged(&v);
        let mut got = input.clone();
        let mut s = seed | 1;
        sort_by(&mut got, |_, _| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            Ok::<_, ()>(s & 1 == 1)
        })
        .unwrap();
        prop_assert_eq!(sorted_multiset(&got), sorted_multiset(&input));
    }
}

/// Counts drops so double drops or leaks show up.
struct Counted {
    key: u16,
    drops: Rc<Cell<usize>>,
    _heap: Box<u64>,
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.drops.set(self.drops.get() + 1);
    }
}

#[test]
fn panic_in_comparison_leaves_every_element_once() {
    let pattern: Vec<u16> = (0..3000u32).map(|i| ((i * 7919) % 211) as u16).collect();
    for panic_at in [1usize, 10, 100, 1000, 5000, 20000] {
        let drops = Rc::new(Cell::new(0));
        let mut v: Vec<Counted> = pattern
            .iter()
            .map(|&key| Counted {
                key,
                drops: drops.clone(),
                _heap: Box::new(u64::from(key)),
            })
            .collect();
        let mut calls = 0;
        let r = catch_unwind(AssertUnwindSafe(|| {
            sort_by(&mut v, |a, b| {
                calls += 1;
                assert!(calls < panic_at, "comparison panics");
                Ok::<_, ()>(a.key < b.key)
            })
        }));
        let mut keys: Vec<u16> = v.iter().map(|c| c.key).collect();
        keys.sort();
        let mut want = pattern.clone();
        want.sort();
        assert_eq!(
            keys,
            want,
            "permutation after panic at {panic_at} (panicked: {})",
            r.is_err()
        );
        assert_eq!(drops.get(), 0, "nothing dropped during the sort");
        drop(v);
        assert_eq!(
            drops.get(),
            pattern.len(),
            "each element dropped exactly once"
        );
    }
}

#[test]
fn gallops_on_interleaved_blocks() {
    // Two long runs whose blocks interleave: the merge must gallop.
    let mut v: Vec<u32> = (0..20_000).filter(|x| (x / 500) % 2 == 0).collect();
    v.extend((0..20_000).filter(|x| (x / 500) % 2 == 1));
    let mut calls = 0u64;
    sort_by(&mut v, |a, b| {
        calls += 1;
        Ok::<_, ()>(a < b)
    })
    .unwrap();
    assert!(v.windows(2).all(|w| w[0] < w[1]));
    // Finding the two runs costs n - 1 = 19 999 comparisons; a
    // one-pair-at-a-time merge would add about 20 000 more, galloping
    // through the 40 blocks of 500 needs under 2 000.
    assert!(
        calls < 19_999 + 2_000,
        "galloping merge used {} comparisons",
        calls - 19_999
    );
}
