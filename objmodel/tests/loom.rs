//! Loom models of the shape tree's transition tables: concurrent transitions
//! and lock-free lookups while a table is replaced.
//!
//! Run with
//! `RUSTFLAGS="--cfg loom" LOOM_MAX_PREEMPTIONS=2 cargo test --release -p pyvm-objmodel --test loom`.
//! Under loom the crate's `sync` module swaps in loom's atomics and mutex, and
//! retired tables are kept until the tree drops (crossbeam-epoch itself is
//! not modelled); what is checked is the publication protocol: a reader that
//! sees a shape id also sees the shape and the arena chunk it lives in, and
//! racing writers agree on one child per name.
//!
//! Each model spawns the reader first and writes from the main thread: loom's
//! DPOR tracks only the last access per atomic, and this order lets it see
//! the reader's loads racing with the writer's stores (checked by weakening
//! the release/acquire pairs to relaxed, which these models then catch).
#![cfg(loom)]

use loom::sync::Arc;
use loom::thread;
use pyvm_objmodel::{ShapeTree, SlotIndex, Symbol};

fn s(i: u32) -> Symbol {
    Symbol::new(i)
}

#[test]
fn racing_adders_of_one_name_share_the_child() {
    loom::model(|| {
        let tree = Arc::new(ShapeTree::new());
        let t2 = tree.clone();
        let h = thread::spawn(move || t2.add_key(t2.root(), s(1)).unwrap());
        let mine = tree.add_key(tree.root(), s(1)).unwrap();
        let theirs = h.join().unwrap();
        assert_eq!(mine, theirs);
        assert_eq!(tree.shape_count(), 2);
        assert_eq!(tree.get(mine).key_at(SlotIndex::new(0)), Some(s(1)));
    });
}

#[test]
fn racing_adders_of_two_names_both_land() {
    loom::model(|| {
        let tree = Arc::new(ShapeTree::new());
        let t2 = tree.clone();
        let h = thread::spawn(move || {
            let b = t2.add_key(t2.root(), s(2)).unwrap();
            assert_eq!(t2.get(b).slot_of(s(2)), Some(SlotIndex::new(0)));
            b
        });
        let a = tree.add_key(tree.root(), s(1)).unwrap();
        let b = h.join().unwrap();
        assert_ne!(a, b);
        assert_eq!(tree.lookup_transition(tree.root(), s(1)), Some(a));
        assert_eq!(tree.lookup_transition(tree.root(), s(2)), Some(b));
        assert_eq!(tree.shape_count(), 3);
    });
}

#[test]
fn lookups_see_old_or_new_table_while_it_is_replaced() {
    loom::model(|| {
        let tree = Arc::new(ShapeTree::new());
        let first = tree.add_key(tree.root(), s(1)).unwrap();
        let t2 = tree.clone();
        let reader = thread::spawn(move || {
            // The entry present before the replacement is always found.
            assert_eq!(t2.lookup_transition(t2.root(), s(1)), Some(first));
            // The new one is either not there yet or complete.
            if let Some(id) = t2.lookup_transition(t2.root(), s(2)) {
                let shape = t2.get(id);
                assert_eq!(shape.parent(), Some(t2.root()));
                assert_eq!(shape.slot_of(s(2)), Some(SlotIndex::new(0)));
            }
        });
        let second = tree.add_key(tree.root(), s(2)).unwrap();
        reader.join().unwrap();
        assert_eq!(tree.lookup_transition(tree.root(), s(2)), Some(second));
        assert_eq!(tree.lookup_transition(tree.root(), s(1)), Some(first));
    });
}

#[test]
fn a_shape_seen_through_a_transition_is_fully_built() {
    loom::model(|| {
        let tree = Arc::new(ShapeTree::new());
        let t2 = tree.clone();
        let reader = thread::spawn(move || {
            if let Some(a) = t2.lookup_transition(t2.root(), s(1))
                && let Some(ab) = t2.lookup_transition(a, s(2))
            {
                let shape = t2.get(ab);
                assert_eq!(shape.len(), 2);
                assert_eq!(shape.slot_of(s(1)), Some(SlotIndex::new(0)));
                assert_eq!(shape.slot_of(s(2)), Some(SlotIndex::new(1)));
            }
        });
        let a = tree.add_key(tree.root(), s(1)).unwrap();
        // Under loom's two-slot first chunk this shape lands in a new chunk.
        tree.add_key(a, s(2)).unwrap();
        reader.join().unwrap();
    });
}

#[test]
fn two_writers_and_a_reader_on_one_table() {
    loom::model(|| {
        let tree = Arc::new(ShapeTree::new());
        let first = tree.add_key(tree.root(), s(1)).unwrap();
        let (ta, tb) = (tree.clone(), tree.clone());
        let reader = thread::spawn(move || {
            for name in [1, 2, 3] {
                if let Some(id) = tb.lookup_transition(tb.root(), s(name)) {
                    assert_eq!(tb.get(id).key_at(SlotIndex::new(0)), Some(s(name)));
                }
            }
            assert_eq!(tb.lookup_transition(tb.root(), s(1)), Some(first));
        });
        let writer = thread::spawn(move || ta.add_key(ta.root(), s(2)).unwrap());
        let third = tree.add_key(tree.root(), s(3)).unwrap();
        let second = writer.join().unwrap();
        reader.join().unwrap();
        assert_eq!(tree.lookup_transition(tree.root(), s(2)), Some(second));
        assert_eq!(tree.lookup_transition(tree.root(), s(3)), Some(third));
        assert_eq!(tree.shape_count(), 4);
    });
}
