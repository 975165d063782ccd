//! Rooting for native code: raw references that borrow the mutator
//! ([`Gc`]), handle scopes whose handles the collector updates
//! ([`Scope`], [`Handle`]), and persistent roots ([`Persistent`]).

use core::marker::PhantomData;
use core::ops::{Deref, DerefMut};

use crate::binding::VMBinding;
use crate::config::AllocError;
use crate::heap::Shared;
use crate::mutator::Mutator;
use crate::object::ObjectRef;
use crate::sync::{Arc, lock};

/// A raw reference that is valid for as long as it borrows the mutator:
/// since every operation that can collect takes the mutator mutably, a `Gc`
/// can never be used after a collection moved its object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Gc<'m> {
    obj: ObjectRef,
    _borrow: PhantomData<&'m ()>,
}

impl<'m> Gc<'m> {
    #[inline]
    pub(crate) fn new(obj: ObjectRef) -> Gc<'m> {
        Gc {
            obj,
            _borrow: PhantomData,
        }
    }

    /// The underlying address, to store in a root or a field. Unlike `Gc`,
    /// it does not stop a collection from invalidating it.
    #[inline]
    pub fn object_ref(self) -> ObjectRef {
        self.obj
    }

    /// Pointer to the object's payload (the VM's data).
    #[inline]
    pub fn payload(self) -> *mut u8 {
        self.obj.payload()
    }

    /// Reads the word at `offset` bytes into the payload.
    ///
    /// # Safety
    /// `offset + 8` must lie inside the payload and be 8-aligned.
    #[inline]
    pub unsafe fn read_word(self, offset: usize) -> u64 {
        // SAFETY: the caller's bounds; the object is live while `'m` lasts.
        unsafe { (self.payload().add(offset) as *const u64).read() }
    }
}

/// The brand that ties handles to their scope (invariant in `'s`).
type Brand<'s> = PhantomData<fn(&'s ()) -> &'s ()>;

/// A rooted reference created in a [`Scope`]; the collector updates it when
/// the object moves. It cannot escape the closure of its scope.
#[derive(Clone, Copy, Debug)]
pub struct Handle<'s> {
    index: usize,
    _brand: Brand<'s>,
}

/// A handle scope: a window of the mutator's handle stack that is popped
/// when the closure given to [`Mutator::scope`] returns. Dereferences to the
/// [`Mutator`], so everything a mutator does is available inside; nested
/// scopes come from calling `scope` on it again.
pub struct Scope<'s, B: VMBinding> {
    mutator: &'s mut Mutator<B>,
    base: usize,
    _brand: Brand<'s>,
}

impl<B: VMBinding> Mutator<B> {
    /// Runs `f` with a new handle scope; handles created in it are roots
    /// until `f` returns, and cannot be used after (they do not outlive the
    /// closure).
    pub fn scope<R>(&mut self, f: impl for<'s> FnOnce(&mut Scope<'s, B>) -> R) -> R {
        let base = self.handles().len();
        let mut scope = Scope {
            mutator: self,
            base,
            _brand: PhantomData,
        };
        f(&mut scope)
    }
}

impl<B: VMBinding> Drop for Scope<'_, B> {
    fn drop(&mut self) {
        let base = self.base;
        self.mutator.handles_mut().truncate(base);
    }
}

impl<'s, B: VMBinding> Scope<'s, B> {
    /// Allocates a zeroed object and roots it in this scope.
    pub fn alloc(&mut self, payload_bytes: usize) -> Result<Handle<'s>, AllocError> {
        let obj = self.mutator.alloc(payload_bytes)?.object_ref();
        Ok(self.push_handle(obj))
    }

    /// Roots `obj` in this scope.
    ///
    /// # Safety
    /// `obj` must be a live object of this heap (allocated or read from a
    /// root, handle or field since the last safepoint).
    pub unsafe fn root(&mut self, obj: ObjectRef) -> Handle<'s> {
        self.push_handle(obj)
    }

    fn push_handle(&mut self, obj: ObjectRef) -> Handle<'s> {
        let handles = self.mutator.handles_mut();
        handles.push(obj);
        Handle {
            index: handles.len() - 1,
            _brand: PhantomData,
        }
    }

    /// The object `h` refers to now, borrowing the scope (so it cannot be
    /// held across an allocation).
    pub fn get(&self, h: Handle<'_>) -> Gc<'_> {
        Gc::new(self.mutator.handles()[h.index])
    }

    /// Makes `h` refer to `obj`.
    ///
    /// # Safety
    /// As [`Scope::root`].
    pub unsafe fn set(&mut self, h: Handle<'_>, obj: ObjectRef) {
        self.mutator.handles_mut()[h.index] = obj;
    }

    /// Takes the next object from the finalization queue, rooted in this
    /// scope, or `None` if the queue is empty. Objects come out in the order
    /// their finalizers should run: an object reachable from another queued
    /// object comes after it.
    pub fn pop_finalizable(&mut self) -> Option<Handle<'s>> {
        let obj = self.mutator.pop_finalizable_raw()?;
        Some(self.push_handle(obj))
    }
}

impl<B: VMBinding> Deref for Scope<'_, B> {
    type Target = Mutator<B>;
    fn deref(&self) -> &Mutator<B> {
        self.mutator
    }
}

impl<B: VMBinding> DerefMut for Scope<'_, B> {
    fn deref_mut(&mut self) -> &mut Mutator<B> {
        self.mutator
    }
}

/// Heap-wide roots with free-list reuse.
#[derive(Debug, Default)]
pub(crate) struct RootTable {
    slots: Vec<Option<ObjectRef>>,
    free: Vec<usize>,
}

impl RootTable {
    fn add(&mut self, obj: ObjectRef) -> usize {
        if let Some(i) = self.free.pop() {
            self.slots[i] = Some(obj);
            i
        } else {
            self.slots.push(Some(obj));
            self.slots.len() - 1
        }
    }

    fn remove(&mut self, i: usize) {
        self.slots[i] = None;
        self.free.push(i);
    }

    pub(crate) fn iter_mut(&mut self) -> impl Iterator<Item = &mut ObjectRef> {
        self.slots.iter_mut().flatten()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = ObjectRef> + '_ {
        self.slots.iter().flatten().copied()
    }
}

/// A root that lives until dropped, usable from any mutator of its heap.
pub struct Persistent<B: VMBinding> {
    shared: Arc<Shared<B>>,
    index: usize,
}

impl<B: VMBinding> Persistent<B> {
    pub(crate) fn new(shared: Arc<Shared<B>>, obj: ObjectRef) -> Persistent<B> {
        let index = lock(&shared.state).persistent.add(obj);
        Persistent { shared, index }
    }

    /// The object now, borrowing `m` (which must belong to the same heap).
    pub fn get<'m>(&self, m: &'m Mutator<B>) -> Gc<'m> {
        assert!(
            Arc::ptr_eq(&self.shared, m.shared()),
            "persistent root used with a mutator of another heap"
        );
        let st = lock(&self.shared.state);
        Gc::new(st.persistent.slots[self.index].expect("live persistent slot"))
    }

    /// Makes the root refer to `obj`.
    ///
    /// # Safety
    /// As [`Mutator::persist`].
    pub unsafe fn set(&self, obj: ObjectRef) {
        lock(&self.shared.state).persistent.slots[self.index] = Some(obj);
    }
}

impl<B: VMBinding> Drop for Persistent<B> {
    fn drop(&mut self) {
        lock(&self.shared.state).persistent.remove(self.index);
    }
}
