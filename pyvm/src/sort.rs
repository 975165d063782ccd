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
    let mut sorter = Sorter { min_gallop: MIN_GALLOP, tmp: Vec::new() };
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
            let mut run = Run { start: lo, len, power: 0 };
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
    fn merge_top<E, F>(&mut self, v: &mut [T], stack: &mut Vec<Run>, is_less: &mut F) -> Result<(), E>
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
        if mid <= nb { self.merge_lo(v, mid, is_less) } else { self.merge_hi(v, mid, is_less) }
    }

    /// Merge with A (the shorter run, first) copied out; fills from the left.
    fn merge_lo<E, F>(&mut self, v: &mut [T], na: usize, is_less: &mut F) -> Result<(), E>
    where
        F: FnMut(&T, &T) -> Result<bool, E>,
    {
        let mut nb = v.len() - na;
        let mut na = na;
        self.tmp.reserve(na);
        let base = v.as_mut_ptr();
        let tmp = self.tmp.as_mut_ptr();
        // SAFETY: `tmp` has capacity for `na` elements and does not overlap
        // `v`; the copies are owned by `hole`, which writes them back into
        // the gap when it is dropped (on success, error or panic).
        let mut hole = unsafe {
            ptr::copy_nonoverlapping(base, tmp, na);
            Hole { src: tmp, src_end: tmp.add(na), dest: base }
        };
        // SAFETY (for every block below): `pb` points at the `nb` remaining
        // elements of B, the `na` remaining copies of A live in
        // `hole.src..hole.src_end`, and `hole.dest + na == pb`; every move
        // keeps that invariant and the counts bound every pointer.
        let mut pb = unsafe { base.add(na) };
        let mut min_gallop = self.min_gallop;
        // A[0] > B[0] after the gallop in `merge_runs`.
        unsafe {
            ptr::copy_nonoverlapping(pb, hole.dest, 1);
            hole.dest = hole.dest.add(1);
            pb = pb.add(1);
        }
        nb -= 1;
        'outer: while nb > 0 && na > 1 {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                // SAFETY: na >= 1 and nb >= 1 here (see the loop conditions).
                let b_first = unsafe { is_less(&*pb, &*hole.src)? };
                unsafe {
                    if b_first {
                        ptr::copy_nonoverlapping(pb, hole.dest, 1);
                        pb = pb.add(1);
                        nb -= 1;
                        bcount += 1;
                        acount = 0;
                    } else {
                        ptr::copy_nonoverlapping(hole.src, hole.dest, 1);
                        hole.src = hole.src.add(1);
                        na -= 1;
                        acount += 1;
                        bcount = 0;
                    }
                    hole.dest = hole.dest.add(1);
                }
                if nb == 0 || na <= 1 {
                    break 'outer;
                }
                if acount.max(bcount) >= min_gallop {
                    break;
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                // SAFETY: na >= 2 and nb >= 1; the slices cover exactly the
                // remaining elements and are dead before the next write.
                let k = unsafe {
                    let a = std::slice::from_raw_parts(hole.src, na);
                    gallop_right(&*pb, a, 0, is_less)?
                };
                acount = k;
                unsafe {
                    ptr::copy_nonoverlapping(hole.src, hole.dest, k);
                    hole.src = hole.src.add(k);
                    hole.dest = hole.dest.add(k);
                }
                na -= k;
                if na <= 1 {
                    break 'outer;
                }
                unsafe {
                    ptr::copy_nonoverlapping(pb, hole.dest, 1);
                    pb = pb.add(1);
                    hole.dest = hole.dest.add(1);
                }
                nb -= 1;
                if nb == 0 {
                    break 'outer;
                }
                let k = unsafe {
                    let b = std::slice::from_raw_parts(pb, nb);
                    gallop_left(&*hole.src, b, 0, is_less)?
                };
                bcount = k;
                unsafe {
                    ptr::copy(pb, hole.dest, k);
                    pb = pb.add(k);
                    hole.dest = hole.dest.add(k);
                }
                nb -= k;
                if nb == 0 {
                    break 'outer;
                }
                unsafe {
                    ptr::copy_nonoverlapping(hole.src, hole.dest, 1);
                    hole.src = hole.src.add(1);
                    hole.dest = hole.dest.add(1);
                }
                na -= 1;
                if na <= 1 {
                    break 'outer;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
        }
        self.min_gallop = min_gallop.max(1);
        if na == 1 && nb > 0 {
            // The last element of A goes after everything left in B.
            // SAFETY: moves the `nb` remaining elements of B left into the
            // gap; the hole then holds exactly the slot after them.
            unsafe {
                ptr::copy(pb, hole.dest, nb);
                hole.dest = hole.dest.add(nb);
            }
        }
        drop(hole);
        Ok(())
    }

    /// Merge with B (the shorter run, second) copied out; fills from the
    /// right.
    fn merge_hi<E, F>(&mut self, v: &mut [T], na: usize, is_less: &mut F) -> Result<(), E>
    where
        F: FnMut(&T, &T) -> Result<bool, E>,
    {
        let mut nb = v.len() - na;
        let mut na = na;
        self.tmp.reserve(nb);
        let base = v.as_mut_ptr();
        let tmp = self.tmp.as_mut_ptr();
        // SAFETY: as in `merge_lo`, with B copied out. Remaining A is
        // `base[..na]`, remaining B is `tmp[..nb]`, the gap is
        // `base[na..na + nb]`, and `hole.dest == base + na`.
        let mut hole = unsafe {
            ptr::copy_nonoverlapping(base.add(na), tmp, nb);
            Hole { src: tmp, src_end: tmp.add(nb), dest: base.add(na) }
        };
        let mut min_gallop = self.min_gallop;
        // A's last > B's last after the gallop in `merge_runs`.
        // SAFETY (for every block below): the invariant above holds and the
        // counts bound every pointer.
        unsafe {
            ptr::copy_nonoverlapping(base.add(na - 1), base.add(na + nb - 1), 1);
            hole.dest = hole.dest.sub(1);
        }
        na -= 1;
        'outer: while na > 0 && nb > 1 {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                let b_last = unsafe { &*tmp.add(nb - 1) };
                let a_last = unsafe { &*base.add(na - 1) };
                if is_less(b_last, a_last)? {
                    unsafe {
                        ptr::copy_nonoverlapping(base.add(na - 1), base.add(na + nb - 1), 1);
                        hole.dest = hole.dest.sub(1);
                    }
                    na -= 1;
                    acount += 1;
                    bcount = 0;
                } else {
                    unsafe {
                        ptr::copy_nonoverlapping(tmp.add(nb - 1), base.add(na + nb - 1), 1);
                        hole.src_end = hole.src_end.sub(1);
                    }
                    nb -= 1;
                    bcount += 1;
                    acount = 0;
                }
                if na == 0 || nb <= 1 {
                    break 'outer;
                }
                if acount.max(bcount) >= min_gallop {
                    break;
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                let k = unsafe {
                    let a = std::slice::from_raw_parts(base, na);
                    na - gallop_right(&*tmp.add(nb - 1), a, na - 1, is_less)?
                };
                acount = k;
                unsafe {
                    ptr::copy(base.add(na - k), base.add(na + nb - k), k);
                    hole.dest = hole.dest.sub(k);
                }
                na -= k;
                if na == 0 {
                    break 'outer;
                }
                unsafe {
                    ptr::copy_nonoverlapping(tmp.add(nb - 1), base.add(na + nb - 1), 1);
                    hole.src_end = hole.src_end.sub(1);
                }
                nb -= 1;
                if nb <= 1 {
                    break 'outer;
                }
                let k = unsafe {
                    let b = std::slice::from_raw_parts(tmp, nb);
                    nb - gallop_left(&*base.add(na - 1), b, nb - 1, is_less)?
                };
                bcount = k;
                unsafe {
                    ptr::copy_nonoverlapping(tmp.add(nb - k), base.add(na + nb - k), k);
                    hole.src_end = hole.src_end.sub(k);
                }
                nb -= k;
                if nb <= 1 {
                    break 'outer;
                }
                unsafe {
                    ptr::copy_nonoverlapping(base.add(na - 1), base.add(na + nb - 1), 1);
                    hole.dest = hole.dest.sub(1);
                }
                na -= 1;
                if na == 0 {
                    break 'outer;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
        }
        self.min_gallop = min_gallop.max(1);
        if nb == 1 && na > 0 {
            // B's first element goes before everything left in A.
            // SAFETY: shifts the `na` remaining elements of A right by one
            // into the gap; the hole is then the first slot.
            unsafe {
                ptr::copy(base, base.add(1), na);
                hole.dest = base;
            }
        }
        drop(hole);
        Ok(())
    }
}

/// Bitwise copies `src..src_end` (in the scratch buffer) that belong in the
/// gap starting at `dest`; dropping the hole moves them there.
struct Hole<T> {
    src: *mut T,
    src_end: *mut T,
    dest: *mut T,
}

impl<T> Drop for Hole<T> {
    fn drop(&mut self) {
        // SAFETY: the merge invariant: the gap at `dest` has exactly
        // `src_end - src` free slots and does not overlap the scratch buffer.
        unsafe {
            let n = self.src_end.offset_from(self.src) as usize;
            ptr::copy_nonoverlapping(self.src, self.dest, n);
        }
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
        let (mut lo, mut hi) = (0, i);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if is_less(&v[i], &v[mid])? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
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
        let r = sort_list_by_key(&mut v, |x| if *x == 2 { Err("bad key") } else { Ok(*x) }, false, |a, b| Ok(a < b));
        assert_eq!(r, Err("bad key"));
        assert_eq!(v, [3, 1, 2]);
    }
}
