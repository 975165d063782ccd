//! Collection statistics, readable by the VM at any time.

use std::time::Duration;

/// The kinds of collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CollectionKind {
    /// Copies the survivors of the nurseries and survivor space; old objects
    /// stay where they are.
    Minor,
    /// Traces the whole heap and evacuates every live object outside the
    /// large-object space into fresh old blocks.
    Major,
}

/// Counters of one heap since it was created.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Minor collections run.
    pub minor_collections: u64,
    /// Major collections run.
    pub major_collections: u64,
    /// Total time spent collecting (all threads stopped).
    pub total_pause: Duration,
    /// Time spent in minor collections.
    pub total_minor_pause: Duration,
    /// Longest minor collection.
    pub max_minor_pause: Duration,
    /// Longest major collection.
    pub max_major_pause: Duration,
    /// Bytes allocated (header included), counted when nurseries are
    /// collected and when large objects are allocated.
    pub bytes_allocated: u64,
    /// Bytes copied from the young generation into the old one.
    pub bytes_promoted: u64,
    /// Bytes of objects found dead.
    pub bytes_freed: u64,
    /// Bytes of objects in the old generation and the large-object space
    /// after the last collection (plus large objects allocated since).
    pub heap_bytes: u64,
    /// Bytes reserved from the system for old blocks, large objects,
    /// survivor spaces and nurseries.
    pub reserved_bytes: u64,
    /// Objects whose drop hook ran.
    pub objects_dropped: u64,
    /// Objects handed to the finalization queue.
    pub objects_finalized: u64,
    /// Weak references cleared.
    pub weak_refs_cleared: u64,
}

impl Stats {
    /// Records one collection's pause.
    pub(crate) fn record_pause(&mut self, kind: CollectionKind, pause: Duration) {
        self.total_pause += pause;
        match kind {
            CollectionKind::Minor => {
                self.minor_collections += 1;
                self.total_minor_pause += pause;
                self.max_minor_pause = self.max_minor_pause.max(pause);
            }
            CollectionKind::Major => {
                self.major_collections += 1;
                self.max_major_pause = self.max_major_pause.max(pause);
            }
        }
    }
}
