//! List slice assignment and deletion (simple and extended slices, with
//! CPython's errors) and the search loops shared by `list`/`tuple`
//! methods (`index`, `count`, `remove`).

use pyvm_objmodel::Value;

use super::exception::PyResult;
use super::heap::Vm;
use super::layout::Kind;
use super::types::TypeId;

impl Vm {
    /// `list[slice] = src`.
    pub fn list_set_slice(&mut self, list: Value, s: Value, src: Value) -> PyResult<()> {
        let mark = self.temps_len();
        self.push_temp(list);
        self.push_temp(s);
        let r = (|| {
            let items = if self.iterable_kind(src) {
                self.collect_iterable(src)?
            } else {
                let step = self.field(self.temp(mark + 1), 2);
                let simple = step.is_none() || self.index_value(step) == Some(1);
                return Err(self.type_error(if simple {
                    "can only assign an iterable"
                } else {
                    "must assign iterable to extended slice"
                }));
            };
            let n = items.len();
            self.roots().temps.extend_from_slice(&items);
            let len = self.list_vec(self.temp(mark)).len();
            let (start, stop, step, count) = self.slice_indices(self.temp(mark + 1), len)?;
            let items: Vec<Value> = self.m.roots().temps[mark + 2..mark + 2 + n].to_vec();
            let list = self.temp(mark);
            if step == 1 {
                let (a, b) = (start as usize, (stop.max(start)) as usize);
                self.list_vec(list).splice(a..b, items);
            } else {
                if count != n {
                    return Err(self.raise_msg(
                        TypeId::ValueError,
                        &format!(
                            "attempt to assign sequence of size {n} to extended slice of size {count}"
                        ),
                    ));
                }
                let v = self.list_vec(list);
                for (k, x) in items.into_iter().enumerate() {
                    v[(start + step * k as i64) as usize] = x;
                }
            }
            // SAFETY: `list` was just read from the temps (live).
            unsafe { self.barrier(list) };
            Ok(())
        })();
        self.pop_temps(mark);
        r
    }

    /// `del list[slice]`.
    pub fn list_del_slice(&mut self, list: Value, s: Value) -> PyResult<()> {
        let li = self.push_temp(list);
        let len = self.list_vec(list).len();
        let r = self.slice_indices(s, len);
        let list = self.temp(li);
        self.pop_temps(li);
        let (start, stop, step, count) = r?;
        let v = self.list_vec(list);
        if step == 1 {
            if start < stop {
                v.drain(start as usize..stop as usize);
            }
        } else if count > 0 {
            let mut drop = vec![false; v.len()];
            for k in 0..count {
                drop[(start + step * k as i64) as usize] = true;
            }
            let mut i = 0;
            v.retain(|_| {
                i += 1;
                !drop[i - 1]
            });
        }
        Ok(())
    }

    /// The items of a list or tuple (a snapshot).
    fn seq_snapshot(&self, seq: Value) -> Vec<Value> {
        match self.kind_of(seq) {
            Some(Kind::List) => self.list_vec(seq).clone(),
            Some(Kind::Tuple) => self.tuple_items(seq).to_vec(),
            _ => Vec::new(),
        }
    }

    /// Index of the first item of list/tuple `seq` in `lo..hi` equal to
    /// `x` (comparing against the live sequence, which `__eq__` may change).
    pub fn seq_find(
        &mut self,
        seq: Value,
        x: Value,
        lo: usize,
        hi: usize,
    ) -> PyResult<Option<usize>> {
        let mark = self.temps_len();
        self.push_temp(seq);
        self.push_temp(x);
        let r = (|| {
            let mut i = lo;
            while i < hi {
                let Some(item) = self.seq_item(self.temp(mark), i) else {
                    break;
                };
                if self.eq_values(item, self.temp(mark + 1))? {
                    return Ok(Some(i));
                }
                i += 1;
            }
            Ok(None)
        })();
        self.pop_temps(mark);
        r
    }

    /// How many items of list/tuple `seq` equal `x`.
    pub fn seq_count(&mut self, seq: Value, x: Value) -> PyResult<usize> {
        let mark = self.temps_len();
        let items = self.seq_snapshot(seq);
        self.push_temp(x);
        self.roots().temps.extend_from_slice(&items);
        let r = (|| {
            let mut n = 0;
            for i in 0..items.len() {
                if self.eq_values(self.temp(mark + 1 + i), self.temp(mark))? {
                    n += 1;
                }
            }
            Ok(n)
        })();
        self.pop_temps(mark);
        r
    }

    /// Clamps `start`/`stop` arguments of `index()` as CPython does
    /// (negative from the end, then into `0..=len`).
    pub fn clamp_index_args(
        &mut self,
        v: Option<Value>,
        len: usize,
        default: usize,
    ) -> PyResult<usize> {
        let Some(v) = v else { return Ok(default) };
        let Some(i) = self.index_value(v) else {
            return Err(
                self.type_error("slice indices must be integers or have an __index__ method")
            );
        };
        let len = len as i64;
        let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
        Ok(j as usize)
    }
}
