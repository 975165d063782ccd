//! Finalization: unreachable finalizable objects are resurrected (with
//! everything they reach) and queued in an order where an object comes
//! before the objects its closure reaches.

use std::collections::{HashMap, VecDeque};

use crate::binding::VMBinding;
use crate::collect::Copier;
use crate::header::{self, CANDIDATE, FINALIZABLE};
use crate::object::{ObjectRef, Tracer};

impl<B: VMBinding> Copier<'_, B> {
    /// Keeps every unreachable finalizable object in `candidates` alive and
    /// appends them to `queue` in finalization order: if one candidate's
    /// closure reaches another, the first comes first (cycles in any order).
    pub(crate) fn resurrect(
        &mut self,
        candidates: Vec<ObjectRef>,
        queue: &mut VecDeque<ObjectRef>,
    ) -> u64 {
        for &c in &candidates {
            // SAFETY: candidates are registered objects, still allocated.
            unsafe { header::set_bits(c, CANDIDATE) };
        }
        let mut moved = Vec::with_capacity(candidates.len());
        for (i, c) in candidates.into_iter().enumerate() {
            // A candidate reached from an earlier one's closure was kept
            // alive then but left unscanned (`Copier::push_or_defer`): scan
            // it now, attributing what it reaches to it.
            let n = self.trace(c);
            if self.deferred.remove(&n) {
                self.worklist.push(n);
            }
            moved.push(n);
            self.current_candidate = i;
            self.finalizer_phase = true;
            self.drain();
            self.finalizer_phase = false;
        }
        debug_assert!(self.deferred.is_empty(), "only candidates are deferred");
        let index: HashMap<ObjectRef, usize> =
            moved.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let mut succ = vec![Vec::new(); moved.len()];
        for (from, to) in self.finalizer_edges.drain(..) {
            if let Some(&t) = index.get(&to)
                && t != from
            {
                succ[from].push(t);
            }
        }
        for i in topological_order(&succ) {
            let n = moved[i];
            // SAFETY: every `n` is a to-space copy or a marked large object.
            unsafe { header::clear_bits(n, CANDIDATE | FINALIZABLE) };
            queue.push_back(n);
        }
        moved.len() as u64
    }
}

/// Nodes ordered so that every edge goes forward, except edges closing a
/// cycle (reverse post-order of an iterative depth-first search).
fn topological_order(succ: &[Vec<usize>]) -> Vec<usize> {
    let mut seen = vec![false; succ.len()];
    let mut post = Vec::with_capacity(succ.len());
    for root in 0..succ.len() {
        if seen[root] {
            continue;
        }
        seen[root] = true;
        let mut stack = vec![(root, 0usize)];
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&s) = succ[node].get(*next) {
                *next += 1;
                if !seen[s] {
                    seen[s] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(node);
                stack.pop();
            }
        }
    }
    post.reverse();
    post
}

#[cfg(test)]
mod tests {
    use super::topological_order;

    #[test]
    fn topological_order_puts_referrers_first() {
        // 2 -> 1 -> 0, and 3 alone.
        let succ = vec![vec![], vec![0], vec![1], vec![]];
        let order = topological_order(&succ);
        let pos = |n| order.iter().position(|&x| x == n).unwrap();
        assert!(pos(2) < pos(1) && pos(1) < pos(0));
        assert_eq!(order.len(), 4);
        // A cycle still yields every node once.
        let order = topological_order(&[vec![1], vec![0]]);
        assert_eq!(order.len(), 2);
    }
}
