//! Finalization: unreachable finalizable objects are resurrected (with
//! everything they reach) and queued in an order where an object comes
//! before the objects its closure reaches: the subgraph the resurrection
//! traces is recorded, and candidates are sorted by the topological order
//! of its strongly connected components.

use std::collections::VecDeque;

use crate::binding::VMBinding;
use crate::collect::Copier;
use crate::header::{self, CANDIDATE, FINALIZABLE};
use crate::object::{ObjectRef, Tracer};

impl<B: VMBinding> Copier<'_, B> {
    /// Keeps every unreachable finalizable object in `candidates` alive and
    /// appends them to `queue` in finalization order: if one candidate
    /// reaches another (through any path in the resurrected objects), the
    /// first comes first, unless they are in a cycle (then in any order).
    pub(crate) fn resurrect(
        &mut self,
        candidates: Vec<ObjectRef>,
        queue: &mut VecDeque<ObjectRef>,
    ) -> u64 {
        for &c in &candidates {
            // SAFETY: candidates are registered objects, still allocated.
            unsafe { header::set_bits(c, CANDIDATE) };
        }
        // Trace every candidate's closure, recording the subgraph it
        // resurrects (each object is scanned once, whichever candidate
        // reaches it first, so the order comes from the whole subgraph and
        // not from who traced what).
        self.finalizer_phase = true;
        let mut moved = Vec::with_capacity(candidates.len());
        for c in candidates {
            moved.push(self.trace(c));
            self.drain();
        }
        self.finalizer_phase = false;
        let mut succ = vec![Vec::new(); self.resurrected.len()];
        for (from, to) in self.resurrected_edges.drain(..) {
            if let Some(&t) = self.resurrected.get(&to) {
                succ[from as usize].push(t);
            }
        }
        let component = components_in_reference_order(&succ);
        let rank = |n: &ObjectRef| {
            self.resurrected
                .get(n)
                .map_or(u32::MAX, |&i| component[i as usize])
        };
        let mut order: Vec<(u32, ObjectRef)> = moved.iter().map(|n| (rank(n), *n)).collect();
        order.sort_by_key(|&(r, _)| r);
        self.resurrected.clear();
        for (_, n) in order {
            // SAFETY: every `n` is a to-space copy or a marked object.
            unsafe { header::clear_bits(n, CANDIDATE | FINALIZABLE) };
            queue.push_back(n);
        }
        moved.len() as u64
    }
}

/// The strongly connected components of the graph `succ` (Tarjan's
/// algorithm, iterative), as one number per node: a component's number is
/// smaller than the number of every other component it reaches.
fn components_in_reference_order(succ: &[Vec<u32>]) -> Vec<u32> {
    const UNSEEN: u32 = u32::MAX;
    let n = succ.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut component = vec![0u32; n];
    let mut emitted = 0u32;
    let mut next = 0u32;
    let mut calls: Vec<(u32, usize)> = Vec::new();
    for root in 0..n as u32 {
        if index[root as usize] != UNSEEN {
            continue;
        }
        index[root as usize] = next;
        low[root as usize] = next;
        next += 1;
        stack.push(root);
        on_stack[root as usize] = true;
        calls.push((root, 0));
        while let Some(&(v, i)) = calls.last() {
            let vu = v as usize;
            if let Some(&w) = succ[vu].get(i) {
                if let Some(top) = calls.last_mut() {
                    top.1 += 1;
                }
                let wu = w as usize;
                if index[wu] == UNSEEN {
                    index[wu] = next;
                    low[wu] = next;
                    next += 1;
                    stack.push(w);
                    on_stack[wu] = true;
                    calls.push((w, 0));
                } else if on_stack[wu] {
                    low[vu] = low[vu].min(index[wu]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(p, _)) = calls.last() {
                low[p as usize] = low[p as usize].min(low[vu]);
            }
            if low[vu] == index[vu] {
                while let Some(w) = stack.pop() {
                    on_stack[w as usize] = false;
                    component[w as usize] = emitted;
                    if w == v {
                        break;
                    }
                }
                emitted += 1;
            }
        }
    }
    // Tarjan's algorithm emits a component after every component it
    // reaches; number them the other way round.
    for c in &mut component {
        *c = emitted - 1 - *c;
    }
    component
}

#[cfg(test)]
mod tests {
    use super::components_in_reference_order;

    #[test]
    fn components_put_referrers_first() {
        // 2 -> 1 -> 0, and 3 alone.
        let c = components_in_reference_order(&[vec![], vec![0], vec![1], vec![]]);
        assert!(c[2] < c[1] && c[1] < c[0]);
        // 0 -> {1, 2 cycle} -> 3, with 4 -> 2: the cycle shares a number,
        // and comes after both its referrers and before what it reaches.
        let c = components_in_reference_order(&[vec![1], vec![2], vec![1, 3], vec![], vec![2]]);
        assert_eq!(c[1], c[2]);
        assert!(c[0] < c[1] && c[4] < c[1] && c[2] < c[3]);
        assert_ne!(c[0], c[4]);
    }
}
