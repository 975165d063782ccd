//! A stable merge sort of timsort quality — natural runs, binary insertion
//! for short runs, the powersort merge policy CPython 3.11 uses, galloping
//! merges with an adaptive threshold — over a **fallible** less-than.
//!
//! `list.sort` calls `__lt__`, which can raise or be inconsistent. Here an
//! `Err` from the comparison stops the sort at once and returns it; whatever
//! happens (error, panic, a comparison that contradicts itself) the slice is
//! left holding a permutation of its input: nothing lost, nothing duplicated,
//! no out-of-bounds access.
//!
//! The algorithm is the one described in Tim Peters' `listsort.txt` and in
//! Munro & Wild, "Nearly-Optimal Mergesorts" (2018); the code is our own.

use std::ptr;

/// Initial galloping threshold (`MIN_GALLOP` in `listsort.txt`).
const MIN_GALLOP: usize = 7;

/// Sorts `v` stably by the fallible less-than `is_less`.
///
/// ```
/// let mut v = vec![3, 1, 2];
/// pyvm::sort::sort_by(&mut v, |a: &i32, b: &i32| Ok::<_, ()>(a < b)).unwrap();
/// assert_eq!(v, [1, 2, 3]);
/// ```
pub fn sort_by<T, E, F>(v: &mut [T], mut is_less: F) -> Result<(), E>
where
    F: FnMut(&T, &T) -> Result<bool, E>,
{
    let mut sorter = Sorter {
        min_gallop: MIN_GALLOP,
        tmp: Vec::new(),
    };
    sorter.sort(v, &mut is_less)
}

/// `list.sort(reverse=reverse)` without a key: stable in both directions
/// (equal elements keep their order also when reversed), as CPython does by
/// reversing before and after sorting. On error the slice is a permutation.
pub fn sort_list<T, E, F>(v: &mut [T], reverse: bool, is_less: F) -> Result<(), E>
where
    F: FnMut(&T, &T) -> Result<bool, E>,
{
    if reverse {
        v.reverse();
    }
    let r = sort_by(v, is_less);
    if reverse {
        v.reverse();
    }
    r
}

/// `list.sort(key=key, reverse=reverse)`: computes every key first (if one
/// fails the slice is untouched), sorts the keys stably with `is_less`, then
/// permutes `v` to match. On a comparison error `v` is a permutation.
pub fn sort_list_by_key<T, K, E, KF, F>(
    v: &mut [T],
    mut key: KF,
    reverse: bool,
    mut is_less: F,
) -> Result<(), E>
where
    KF: FnMut(&T) -> Result<K, E>,
    F: FnMut(&K, &K) -> Result<bool, E>,
{
    let mut keyed: Vec<(K, usize)> = Vec::with_capacity(v.len());
    for (i, x) in v.iter().enumerate() {
        keyed.push((key(x)?, i));
    }
    let r = sort_list(&mut keyed, reverse, |a, b| is_less(&a.0, &b.0));
    let perm: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    apply_permutation(v, &perm);
    r
}

/// Rearranges `v` so that `v[i]` becomes the old `v[perm[i]]` (swaps only).
fn apply_permutation<T>(v: &mut [T], perm: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        let mut cur = start;
        loop {
            done[cur] = true;
            let next = perm[cur];
            if next == start {
                break;
            }
            v.swap(cur, next);
            cur = next;
        }
    }
}

/// The minimum run length for `n` elements: `n` itself below 64, else a
/// value in `32..=64` such that `n / minrun` is (close to) a power of two.
fn compute_minrun(mut n: usize) -> usize {
    let mut extra = 0;
    while n >= 64 {
        extra |= n & 1;
        n >>= 1;
    }
    n + extra
}

/// The powersort "power" of the boundary between the run `[s1, s1 + n1)`
/// and the run that follows it, of length `n2`, in an array of `n`: the
/// first bit where the binary expansions of the runs' midpoints (as
/// fractions of `n`) differ.
fn boundary_power(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let den = 2 * n as u128;
    let mut a = 2 * s1 as u128 + n1 as u128;
    let mut b = a + n1 as u128 + n2 as u128;
    let mut power = 0;
    loop {
        power += 1;
        a *= 2;
        b *= 2;
        let (da, db) = (a >= den, b >= den);
        if da != db {
            return power;
        }
        if da {
            a -= den;
            b -= den;
        }
    }
}

/// A run on the merge stack: start, length, and the power of its boundary
/// with the run before it.
#[derive(Clone, Copy, Debug)]
struct Run {
    start: usize,
    len: usize,
    power: u32,
}

struct Sorter<T> {
    min_gallop: usize,
    /// Scratch memory for merges; its length is always 0 (elements are only
    /// ever bitwise copies owned by the slice being sorted).
    tmp: Vec<T>,
}

impl<T> Sorter<T> {
    fn sort<E, F>(&mut self, v: &mut [T], is_less: &mut F) -> Result<(), E>
    where
        F: FnMut(&T, &T) -> Result<bool, E>,
    {
        let n = v.len();
        // Zero-sized values are indistinguishable: every order is sorted.
        if n < 2 || size_of::<T>() == 0 {
            return Ok(());
        }
        let minrun = compute_minrun(n);
        let mut stack: Vec<Run> = Vec::new();
        let mut lo = 0;
        while lo < n {
            let mut len = count_run(&mut v[lo..], is_less)?;
            if len < minrun {
                let forced = minrun.min(n - lo);
                binary_insertion_sort(&mut v[lo..lo + forced], len, is_less)?;
                len = forced;
            }
            let mut run = Run {
                start: lo,
                len,
                power: 0,
            };
            if let Some(top) = stack.last() {
                let p = boundary_power(top.start, top.len, len, n);
                while stack.len() >= 2 && stack[stack.len() - 1].power > p {
                    self.merge_top(v, &mut stack, is_less)?;
                }
                run.power = p;
            }
            stack.push(run);
            lo += len;
        }
        while stack.len() >= 2 {
            self.merge_top(v, &mut stack, is_less)?;
        }
        Ok(())
    }

    /// Merges the two topmost runs of the stack.
    fn merge_top<E, F>(
        &mut self,
        v: &mut [T],
        stack: &mut Vec<Run>,
        is_less: &mut F,
    ) -> Result<(), E>
    where
        F: FnMut(&T, &T) -> Result<bool, E>,
    {
        let b = stack.pop().expect("two runs");
        let a = stack.last_mut().expect("two runs");
        debug_assert_eq!(a.start + a.len, b.start);
        let (start, len_a) = (a.start, a.len);
        a.len += b.len;
        self.merge_runs(&mut v[start..start + len_a + b.len], len_a, is_less)
    }

    /// Merges the sorted `v[..mid]` and `v[mid..]`.
    fn merge_runs<E, F>(&mut self, v: &mut [T], mid: usize, is_less: &mut F) -> Result<(), E>
    where
        F: FnMut(&T, &T) -> Result<bool, E>,
    {
        // Elements of A not greater than B[0] are already in place, and so
        // are elements of B not less than A's last.
        let k = gallop_right(&v[mid], &v[..mid], 0, is_less)?;
        let v = &mut v[k..];
        let mid = mid - k;
        if mid == 0 {
            return Ok(());
        }
        let nb = gallop_left(&v[mid - 1], &v[mid..], v.len() - mid - 1, is_less)?;
        if nb == 0 {
            return Ok(());
        }
        let v = &mut v[..mid + nb];
        if mid <= nb {
            self.merge_lo(v, mid, is_less)
        } else {
            self.merge_hi(v, mid, is_less)
        }
    }

    /// Merge with A (the shorter run, first) copied out; fills from the left.
    fn merge_lo<E, F>(&mut self, v: &mut [T], na: usize, is_less: &mut F) -> Result<(), E>
    where
        F: FnMut(&T, &T) -> Result<bool, E>,
    {
        let mut m = MergeLo::new(v, na, &mut self.tmp);
        let mut min_gallop = self.min_gallop;
        // A[0] > B[0] after the gallop in `merge_runs`.
        m.move_b(1);
        'outer: while m.nb > 0 && m.na > 1 {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                // Branch-free bookkeeping: the comparison is the only
                // unpredictable branch on random data.
                let from_b = is_less(&m.b()[0], &m.a()[0])?;
                m.move_one(from_b);
                bcount = (bcount + 1) * usize::from(from_b);
                acount = (acount + 1) * usize::from(!from_b);
                if m.nb == 0 || m.na <= 1 {
                    break 'outer;
                }
                if acount.max(bcount) >= min_gallop {
                    break;
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                acount = gallop_right(&m.b()[0], m.a(), 0, is_less)?;
                m.move_a(acount);
                if m.na <= 1 {
                    break 'outer;
                }
                m.move_b(1);
                if m.nb == 0 {
                    break 'outer;
                }
                bcount = gallop_left(&m.a()[0], m.b(), 0, is_less)?;
                m.move_b(bcount);
                if m.nb == 0 {
                    break 'outer;
                }
                m.move_a(1);
                if m.na <= 1 {
                    break 'outer;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
        }
        self.min_gallop = min_gallop.max(1);
        if m.na == 1 {
            // The last element of A goes after everything left in B; dropping
            // `m` puts it there.
            m.move_b(m.nb);
        }
        Ok(())
    }

    /// Merge with B (the shorter run, second) copied out; fills from the
    /// right.
    fn merge_hi<E, F>(&mut self, v: &mut [T], na: usize, is_less: &mut F) -> Result<(), E>
    where
        F: FnMut(&T, &T) -> Result<bool, E>,
    {
        let mut m = MergeHi::new(v, na, &mut self.tmp);
        let mut min_gallop = self.min_gallop;
        // A's last > B's last after the gallop in `merge_runs`.
        m.move_a(1);
        'outer: while m.na > 0 && m.nb > 1 {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                let from_a = is_less(&m.b()[m.nb - 1], &m.a()[m.na - 1])?;
                m.move_one(from_a);
                acount = (acount + 1) * usize::from(from_a);
                bcount = (bcount + 1) * usize::from(!from_a);
                if m.na == 0 || m.nb <= 1 {
                    break 'outer;
                }
                if acount.max(bcount) >= min_gallop {
                    break;
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                acount = m.na - gallop_right(&m.b()[m.nb - 1], m.a(), m.na - 1, is_less)?;
                m.move_a(acount);
                if m.na == 0 {
                    break 'outer;
                }
                m.move_b(1);
                if m.nb <= 1 {
                    break 'outer;
                }
                bcount = m.nb - gallop_left(&m.a()[m.na - 1], m.b(), m.nb - 1, is_less)?;
                m.move_b(bcount);
                if m.nb <= 1 {
                    break 'outer;
                }
                m.move_a(1);
                if m.na == 0 {
                    break 'outer;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
        }
        self.min_gallop = min_gallop.max(1);
        if m.nb == 1 {
            // B's first element goes before everything left in A; dropping
            // `m` puts it there.
            m.move_a(m.na);
        }
        Ok(())
    }
}

/// `ptr::copy_nonoverlapping`, with single elements (the common case in
/// merges) moved directly instead of through a `memcpy` call.
///
/// # Safety
///
/// As for `ptr::copy_nonoverlapping(src, dst, k)`.
#[inline(always)]
unsafe fn copy_elems<T>(src: *const T, dst: *mut T, k: usize) {
    if k == 1 {
        // SAFETY: the caller guarantees one readable `src` and one writable,
        // non-overlapping `dst`.
        unsafe { ptr::write(dst, ptr::read(src)) }
    } else {
        // SAFETY: forwarded from the caller.
        unsafe { ptr::copy_nonoverlapping(src, dst, k) }
    }
}

/// A merge filling `v` from the left, with run A copied out to scratch
/// memory.
///
/// Invariant: the `na` remaining elements of A are bitwise copies at
/// `a..a + na` in the scratch buffer (owned by this struct); the `nb`
/// remaining elements of B are at `b..b + nb` in `v`; the gap
/// `dest..dest + na` (with `dest + na == b`) holds no live values. Dropping
/// the struct moves what is left of A into the gap, so `v` is a permutation
/// of its input whenever the merge stops (success, error or panic).
struct MergeLo<'a, T> {
    a: *mut T,
    na: usize,
    b: *mut T,
    nb: usize,
    dest: *mut T,
    _v: std::marker::PhantomData<&'a mut [T]>,
}

impl<'a, T> MergeLo<'a, T> {
    fn new(v: &'a mut [T], na: usize, tmp: &'a mut Vec<T>) -> Self {
        assert!(na <= v.len() && tmp.is_empty());
        tmp.reserve(na);
        let base = v.as_mut_ptr();
        let a = tmp.as_mut_ptr();
        // SAFETY: `tmp` has room for `na` elements and is a separate
        // allocation; after the copy, `v[..na]` is the gap and the values
        // are owned by the copies in `tmp` (whose length stays 0).
        unsafe { ptr::copy_nonoverlapping(base, a, na) };
        // SAFETY: `na <= v.len()`.
        let b = unsafe { base.add(na) };
        MergeLo {
            a,
            na,
            b,
            nb: v.len() - na,
            dest: base,
            _v: std::marker::PhantomData,
        }
    }

    fn a(&self) -> &[T] {
        // SAFETY: by the invariant, `a..a + na` are initialized values.
        unsafe { std::slice::from_raw_parts(self.a, self.na) }
    }

    fn b(&self) -> &[T] {
        // SAFETY: by the invariant, `b..b + nb` are initialized values.
        unsafe { std::slice::from_raw_parts(self.b, self.nb) }
    }

    /// Moves the next `k` elements of A to the output.
    fn move_a(&mut self, k: usize) {
        assert!(k <= self.na);
        // SAFETY: `k <= na`: the source is `k` values of A in scratch memory,
        // the destination the first `k` slots of the gap in `v`.
        unsafe {
            copy_elems(self.a, self.dest, k);
            self.a = self.a.add(k);
            self.dest = self.dest.add(k);
        }
        self.na -= k;
    }

    /// Moves the next element of B (if `from_b`) or of A to the output.
    #[inline(always)]
    fn move_one(&mut self, from_b: bool) {
        assert!(self.na >= 1 && self.nb >= 1);
        let src = if from_b { self.b } else { self.a };
        // SAFETY: both runs are non-empty, so `src` is a live element (in
        // `v` or in scratch memory) and `dest` the first slot of the gap,
        // which is disjoint from both (the gap has `na >= 1` slots before
        // `b`); the pointers advance within their ranges.
        unsafe {
            ptr::copy_nonoverlapping(src, self.dest, 1);
            self.dest = self.dest.add(1);
            self.b = self.b.add(usize::from(from_b));
            self.a = self.a.add(usize::from(!from_b));
        }
        self.nb -= usize::from(from_b);
        self.na -= usize::from(!from_b);
    }

    /// Moves the next `k` elements of B to the output.
    fn move_b(&mut self, k: usize) {
        assert!(k <= self.nb);
        // SAFETY: `k <= nb`: both ranges lie in `v`, and they overlap only
        // when the gap (of size `na`) is shorter than `k`, in which case
        // `copy` is used; afterwards the gap has moved `k` slots right and
        // keeps its size `na`.
        unsafe {
            if k <= self.na {
                copy_elems(self.b, self.dest, k);
            } else {
                ptr::copy(self.b, self.dest, k);
            }
            self.b = self.b.add(k);
            self.dest = self.dest.add(k);
        }
        self.nb -= k;
    }
}

impl<T> Drop for MergeLo<'_, T> {
    fn drop(&mut self) {
        // SAFETY: by the invariant the gap at `dest` has exactly `na` free
        // slots, and `a..a + na` are the values that belong there.
        unsafe { ptr::copy_nonoverlapping(self.a, self.dest, self.na) };
    }
}

/// A merge filling `v` from the right, with run B copied out to scratch
/// memory.
///
/// Invariant: the `na` remaining elements of A are at `v[..na]`; the `nb`
/// remaining elements of B are bitwise copies at `b..b + nb` in the scratch
/// buffer (owned by this struct); the gap `v[na..na + nb]` holds no live
/// values. Dropping the struct moves what is left of B into the gap.
struct MergeHi<'a, T> {
    base: *mut T,
    na: usize,
    b: *mut T,
    nb: usize,
    _v: std::marker::PhantomData<&'a mut [T]>,
}

impl<'a, T> MergeHi<'a, T> {
    fn new(v: &'a mut [T], na: usize, tmp: &'a mut Vec<T>) -> Self {
        assert!(na <= v.len() && tmp.is_empty());
        let nb = v.len() - na;
        tmp.reserve(nb);
        let base = v.as_mut_ptr();
        let b = tmp.as_mut_ptr();
        // SAFETY: `tmp` has room for `nb` elements and is a separate
        // allocation; after the copy `v[na..]` is the gap.
        unsafe { ptr::copy_nonoverlapping(base.add(na), b, nb) };
        MergeHi {
            base,
            na,
            b,
            nb,
            _v: std::marker::PhantomData,
        }
    }

    fn a(&self) -> &[T] {
        // SAFETY: by the invariant, `v[..na]` are initialized values.
        unsafe { std::slice::from_raw_parts(self.base, self.na) }
    }

    fn b(&self) -> &[T] {
        // SAFETY: by the invariant, `b..b + nb` are initialized values.
        unsafe { std::slice::from_raw_parts(self.b, self.nb) }
    }

    /// Moves the last element of A (if `from_a`) or of B to the end of the
    /// gap.
    #[inline(always)]
    fn move_one(&mut self, from_a: bool) {
        assert!(self.na >= 1 && self.nb >= 1);
        // SAFETY: both runs are non-empty: the source is A's last element
        // (`v[na - 1]`) or B's last copy in scratch memory, the destination
        // the gap's last slot `v[na + nb - 1]`, distinct from `v[na - 1]`
        // because `nb >= 1`.
        unsafe {
            let src = if from_a {
                self.base.add(self.na - 1)
            } else {
                self.b.add(self.nb - 1)
            };
            ptr::copy_nonoverlapping(src, self.base.add(self.na + self.nb - 1), 1);
        }
        self.na -= usize::from(from_a);
        self.nb -= usize::from(!from_a);
    }

    /// Moves the last `k` elements of A to the end of the gap.
    fn move_a(&mut self, k: usize) {
        assert!(k <= self.na);
        // SAFETY: `k <= na`: both ranges lie in `v`, `nb` slots apart, so
        // they overlap only when `k > nb` (then `copy` is used); afterwards
        // the gap is `v[na - k..na - k + nb]`.
        unsafe {
            let from = self.base.add(self.na - k);
            if k <= self.nb {
                copy_elems(from, from.add(self.nb), k);
            } else {
                ptr::copy(from, from.add(self.nb), k);
            }
        }
        self.na -= k;
    }

    /// Moves the last `k` elements of B to the end of the gap.
    fn move_b(&mut self, k: usize) {
        assert!(k <= self.nb);
        // SAFETY: `k <= nb`: the source is the last `k` values of B in
        // scratch memory, the destination the last `k` slots of the gap.
        unsafe {
            copy_elems(
                self.b.add(self.nb - k),
                self.base.add(self.na + self.nb - k),
                k,
            );
        }
        self.nb -= k;
    }
}

impl<T> Drop for MergeHi<'_, T> {
    fn drop(&mut self) {
        // SAFETY: by the invariant the gap `v[na..na + nb]` is free and
        // `b..b + nb` are the values that belong there.
        unsafe { ptr::copy_nonoverlapping(self.b, self.base.add(self.na), self.nb) };
    }
}

/// Length of the run at the start of `v`: a non-descending run, or a
/// strictly descending one (which is reversed in place, keeping stability).
fn count_run<T, E, F>(v: &mut [T], is_less: &mut F) -> Result<usize, E>
where
    F: FnMut(&T, &T) -> Result<bool, E>,
{
    let n = v.len();
    if n < 2 {
        return Ok(n);
    }
    let mut i = 2;
    if is_less(&v[1], &v[0])? {
        while i < n && is_less(&v[i], &v[i - 1])? {
            i += 1;
        }
        v[..i].reverse();
    } else {
        while i < n && !is_less(&v[i], &v[i - 1])? {
            i += 1;
        }
    }
    Ok(i)
}

/// Sorts `v` given that `v[..sorted]` is sorted, inserting each further
/// element after its equals (binary search, then one rotation).
fn binary_insertion_sort<T, E, F>(v: &mut [T], sorted: usize, is_less: &mut F) -> Result<(), E>
where
    F: FnMut(&T, &T) -> Result<bool, E>,
{
    for i in sorted.max(1)..v.len() {
        // Find the first element greater than v[i] in v[..i]; the updates
        // are written so the compiler can use conditional moves.
        let (mut lo, mut size) = (0, i);
        while size > 0 {
            let half = size / 2;
            let mid = lo + half;
            let right = !is_less(&v[i], &v[mid])?;
            lo = if right { mid + 1 } else { lo };
            size = if right { size - half - 1 } else { half };
        }
        v[lo..=i].rotate_right(1);
    }
    Ok(())
}

/// The index `k` in the sorted `a` with `a[..k] < key <= a[k..]`, searched
/// by galloping from `hint`.
fn gallop_left<T, E, F>(key: &T, a: &[T], hint: usize, is_less: &mut F) -> Result<usize, E>
where
    F: FnMut(&T, &T) -> Result<bool, E>,
{
    gallop(a, hint, |x| is_less(x, key))
}

/// The index `k` in the sorted `a` with `a[..k] <= key < a[k..]`, searched
/// by galloping from `hint`.
fn gallop_right<T, E, F>(key: &T, a: &[T], hint: usize, is_less: &mut F) -> Result<usize, E>
where
    F: FnMut(&T, &T) -> Result<bool, E>,
{
    gallop(a, hint, |x| is_less(key, x).map(|b| !b))
}

/// The first index `k` where `goes_before(a[k])` is false, assuming it is
/// true on a prefix of `a` and false after: an exponential search from
/// `hint` followed by a binary search. Always returns `k <= a.len()`.
fn gallop<T, E>(
    a: &[T],
    hint: usize,
    mut goes_before: impl FnMut(&T) -> Result<bool, E>,
) -> Result<usize, E> {
    let n = a.len();
    debug_assert!(hint < n);
    // Find lo < hi with goes_before(a[lo - 1]) (or lo == 0) and
    // !goes_before(a[hi]) (or hi == n), then bisect in lo..hi.
    let (mut lo, mut hi);
    if goes_before(&a[hint])? {
        let (mut last, mut ofs) = (0usize, 1usize);
        let max = n - hint;
        while ofs < max && goes_before(&a[hint + ofs])? {
            last = ofs;
            ofs = ofs.saturating_mul(2).saturating_add(1);
        }
        lo = hint + last + 1;
        hi = hint + ofs.min(max);
    } else {
        let (mut last, mut ofs) = (0usize, 1usize);
        let max = hint + 1;
        while ofs < max && !goes_before(&a[hint - ofs])? {
            last = ofs;
            ofs = ofs.saturating_mul(2).saturating_add(1);
        }
        hi = hint - last;
        lo = if ofs >= max { 0 } else { hint - ofs + 1 };
    }
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if goes_before(&a[mid])? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lt(a: &i64, b: &i64) -> Result<bool, ()> {
        Ok(a < b)
    }

    #[test]
    fn sorts_like_std() {
        let mut seed = 0x1234_5678_u64;
        for n in [0, 1, 2, 5, 63, 64, 65, 200, 1000, 5000] {
            let v: Vec<i64> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 100) as i64
                })
                .collect();
            let mut got = v.clone();
            sort_by(&mut got, lt).unwrap();
            let mut want = v;
            want.sort();
            assert_eq!(got, want, "n = {n}");
        }
    }

    #[test]
    fn gallop_finds_boundaries() {
        let a = [1, 2, 2, 2, 3, 5, 8, 8, 9];
        for key in 0..11 {
            for hint in 0..a.len() {
                let l = gallop_left(&key, &a, hint, &mut lt).unwrap();
                let r = gallop_right(&key, &a, hint, &mut lt).unwrap();
                assert_eq!(l, a.partition_point(|x| *x < key), "left {key} {hint}");
                assert_eq!(r, a.partition_point(|x| *x <= key), "right {key} {hint}");
            }
        }
    }

    #[test]
    fn minrun_and_power() {
        assert_eq!(compute_minrun(63), 63);
        assert_eq!(compute_minrun(64), 32);
        assert_eq!(compute_minrun(65), 33);
        assert_eq!(compute_minrun(2112), 33);
        assert_eq!(boundary_power(0, 50, 50, 100), 1);
        assert_eq!(boundary_power(0, 25, 25, 100), 2);
    }

    #[test]
    fn key_and_reverse_keep_stability() {
        let mut v = vec![(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')];
        sort_list_by_key(&mut v, |x| Ok::<_, ()>(x.0), true, |a, b| Ok(a < b)).unwrap();
        assert_eq!(v, [(1, 'a'), (1, 'c'), (0, 'b'), (0, 'd')]);
        let mut w = vec![(1, 'a'), (0, 'b'), (1, 'c')];
        sort_list(&mut w, true, |a, b| Ok::<_, ()>(a.0 < b.0)).unwrap();
        assert_eq!(w, [(1, 'a'), (1, 'c'), (0, 'b')]);
    }

    #[test]
    fn key_error_leaves_list_untouched() {
        let mut v = vec![3, 1, 2];
        let r = sort_list_by_key(
            &mut v,
            |x| if *x == 2 { Err("bad key") } else { Ok(*x) },
            false,
            |a, b| Ok(a < b),
        );
        assert_eq!(r, Err("bad key"));
        assert_eq!(v, [3, 1, 2]);
    }
}
