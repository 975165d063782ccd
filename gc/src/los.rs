//! The large-object space: one system allocation per object, never moved,
//! marked and swept by major collections.

use crate::header;
use crate::object::ObjectRef;
use crate::space::Region;

/// Large objects, each in its own region.
pub(crate) struct LargeSpace {
    objects: Vec<Region>,
    bytes: usize,
}

impl LargeSpace {
    pub(crate) fn new() -> LargeSpace {
        LargeSpace {
            objects: Vec::new(),
            bytes: 0,
        }
    }

    /// Bytes held by large objects.
    pub(crate) fn bytes(&self) -> usize {
        self.bytes
    }

    /// Allocates a zeroed large object of `bytes` with header
    /// `OLD | UNLOGGED | LARGE`; `None` if the system refuses.
    pub(crate) fn alloc(&mut self, bytes: usize) -> Option<ObjectRef> {
        let region = Region::new(bytes)?;
        let obj = ObjectRef::from_address_unchecked(region.start());
        // SAFETY: the region is freshly allocated and holds the object.
        unsafe { header::store(obj, header::OLD | header::UNLOGGED | header::LARGE) };
        self.bytes += region.len();
        self.objects.push(region);
        Some(obj)
    }

    /// Frees every object whose mark bit is clear (poisoning it first if
    /// asked) and clears the mark bit of the others. Returns the bytes freed.
    pub(crate) fn sweep(&mut self, poison: bool) -> usize {
        let before = self.bytes;
        self.objects.retain(|r| {
            let obj = ObjectRef::from_address_unchecked(r.start());
            // SAFETY: every region holds one object whose header is at its start.
            let h = unsafe { header::clear_bits(obj, header::MARK) };
            let live = h & header::MARK != 0;
            if !live && poison {
                r.scrub(r.start(), r.end(), true);
            }
            live
        });
        self.bytes = self.objects.iter().map(Region::len).sum();
        before - self.bytes
    }

    #[cfg(test)]
    pub(crate) fn contains(&self, obj: ObjectRef) -> bool {
        self.objects.iter().any(|r| r.start() == obj.address())
    }

    pub(crate) fn walk(&self, mut f: impl FnMut(ObjectRef)) {
        for r in &self.objects {
            f(ObjectRef::from_address_unchecked(r.start()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sweep_frees_unmarked() {
        let mut los = LargeSpace::new();
        let a = los.alloc(4096).unwrap();
        let b = los.alloc(4096).unwrap();
        assert_eq!(los.bytes(), 8192);
        // SAFETY: `a` is a live large object.
        unsafe { header::set_bits(a, header::MARK) };
        assert_eq!(los.sweep(true), 4096);
        assert!(los.contains(a) && !los.contains(b));
        // SAFETY: `a` survived the sweep.
        assert_eq!(unsafe { header::load(a) } & header::MARK, 0);
    }
}
