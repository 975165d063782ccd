//! Whole-heap verification, run after every collection in stress mode.
//!
//! Checks: every object in every space is parsable and has a consistent
//! header (not forwarded, generation bits matching its space, collector
//! scratch bits clear); every reference held by an object or a root points
//! at the start of a live object (so nothing points into evacuated or freed
//! memory); and the generational invariant: an old object whose unlogged
//! bit is set points to no young object (otherwise a write barrier is
//! missing).

use std::collections::HashMap;
use std::fmt::Write;

use crate::binding::VMBinding;
use crate::header::{self, CANDIDATE, FORWARDED, LARGE, MARK, OLD, UNLOGGED};
use crate::heap::HeapState;
use crate::object::{ObjectRef, Tracer};
use crate::space::walk_range;

/// What a successful verification saw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct VerifyReport {
    /// Objects in the young generation (nurseries and survivor space),
    /// dead or alive: the young generation is not swept.
    pub young_objects: usize,
    /// Objects in old blocks.
    pub old_objects: usize,
    /// Objects in the large-object space.
    pub large_objects: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Space {
    Young,
    Old,
    Large,
}

struct Checker<'a> {
    objects: &'a HashMap<usize, Space>,
    errors: String,
    context: String,
    /// The object being checked is old and unlogged.
    src_unlogged_old: bool,
}

impl Checker<'_> {
    fn fail(&mut self, msg: std::fmt::Arguments<'_>) {
        if self.errors.lines().count() < 20 {
            let _ = writeln!(self.errors, "{}: {msg}", self.context);
        }
    }
}

impl Tracer for Checker<'_> {
    fn trace(&mut self, r: ObjectRef) -> ObjectRef {
        match self.objects.get(&r.address()) {
            None => self.fail(format_args!(
                "reference {:#x} is not the start of a live object",
                r.address()
            )),
            Some(Space::Young) if self.src_unlogged_old => self.fail(format_args!(
                "old unlogged object points to young object {:#x} (missing write barrier?)",
                r.address()
            )),
            Some(_) => {}
        }
        r
    }
}

/// Verifies the heap; every mutator must be stopped.
pub(crate) fn verify_heap<B: VMBinding>(st: &mut HeapState<B>) -> Result<VerifyReport, String> {
    let mut objects = HashMap::new();
    let mut report = VerifyReport::default();
    for m in &st.mutators {
        // SAFETY: every mutator is stopped; its state is ours to read.
        let m = unsafe { m.as_ref() };
        walk_range::<B>(m.eden.start(), m.buf.cursor, |o| {
            objects.insert(o.address(), Space::Young);
        });
    }
    let surv = &st.spaces.survivors;
    walk_range::<B>(surv.current().start(), surv.cursor, |o| {
        objects.insert(o.address(), Space::Young);
    });
    st.spaces.old.walk::<B>(|o| {
        objects.insert(o.address(), Space::Old);
    });
    st.spaces.los.walk(|o| {
        objects.insert(o.address(), Space::Large);
    });

    let mut c = Checker {
        objects: &objects,
        errors: String::new(),
        context: String::new(),
        src_unlogged_old: false,
    };
    let mut addrs: Vec<_> = objects.iter().map(|(&a, &s)| (a, s)).collect();
    addrs.sort_unstable_by_key(|&(a, _)| a);
    for (addr, space) in addrs {
        let obj = ObjectRef::from_address_unchecked(addr);
        // SAFETY: `obj` was found by walking a space.
        let h = unsafe { header::load(obj) };
        c.context = format!("object {addr:#x} ({space:?}, header {h:#x})");
        match space {
            Space::Young => report.young_objects += 1,
            Space::Old => report.old_objects += 1,
            Space::Large => report.large_objects += 1,
        }
        if h & FORWARDED != 0 {
            c.fail(format_args!("forwarded object left in a live space"));
            continue;
        }
        let expect = match space {
            Space::Young => 0,
            Space::Old => OLD,
            Space::Large => OLD | LARGE,
        };
        if h & (OLD | LARGE) != expect {
            c.fail(format_args!("generation bits do not match the space"));
        }
        if space == Space::Young && h & UNLOGGED != 0 {
            c.fail(format_args!("young object carries the unlogged bit"));
        }
        if h & (MARK | CANDIDATE) != 0 {
            c.fail(format_args!("collector scratch bits left set"));
        }
        c.src_unlogged_old = space != Space::Young && h & UNLOGGED != 0;
        B::trace_object(obj, &mut c);
        c.src_unlogged_old = false;
    }

    let check_root = |c: &mut Checker<'_>, what: &str, r: ObjectRef| {
        c.context = what.to_string();
        c.trace(r);
    };
    for m in &st.mutators {
        let m = m.as_ptr();
        // SAFETY: every mutator is stopped.
        let m = unsafe { &mut *m };
        if let Some(roots) = m.roots.as_mut() {
            c.context = "mutator roots".into();
            B::scan_roots(roots, &mut c);
        }
        for &h in &m.handles {
            check_root(&mut c, "handle", h);
        }
        for &r in &m.remset {
            check_root(&mut c, "remembered set", r);
        }
    }
    for r in st.persistent.iter() {
        check_root(&mut c, "persistent root", r);
    }
    for &r in &st.finalize_queue {
        check_root(&mut c, "finalization queue", r);
    }
    for r in st.weak.referents() {
        check_root(&mut c, "weak reference", r);
    }
    for &r in st.finalizable_young.iter().chain(&st.finalizable_old) {
        check_root(&mut c, "finalizable list", r);
    }
    for &r in st.drop_young.iter().chain(&st.drop_old) {
        check_root(&mut c, "drop list", r);
    }
    for &r in &st.remset_carry {
        check_root(&mut c, "carried remembered set", r);
    }
    if c.errors.is_empty() {
        Ok(report)
    } else {
        Err(c.errors)
    }
}
