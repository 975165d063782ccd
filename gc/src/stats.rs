//! Collection statistics, readable by the VM at any time.

use std::time::Duration;

/// The kinds of collection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CollectionKind {
    /// Copies the survivors of the nurseries and survivor space; old objects
    /// stay where they are.
    Minor,
    /// Traces the whole heap, promotes every young survivor, and compacts
    /// (or evacuates) the old blocks; large objects are marked and swept.
    Major,
}

/// Number of buckets of [`Stats::minor_pause_histogram`].
pub const PAUSE_BUCKETS: usize = 24;

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
    /// Minor pauses by duration: bucket `i` counts pauses of at least
    /// `2^i - 1` and less than `2^(i+1) - 1` microseconds (the last bucket
    /// also counts everything longer).
    pub minor_pause_histogram: [u64; PAUSE_BUCKETS],
    /// Longest major collection.
    pub max_major_pause: Duration,
    /// Bytes allocated (header included), counted when nurseries are
    /// collected and when large objects are allocated.
    pub bytes_allocated: u64,
    /// Bytes copied from the young generation into the old one (by minor
    /// collections, and by major ones, which empty the young generation).
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
    /// An upper bound of the `p`-th percentile (0 to 100) of minor pauses,
    /// from the histogram (within a factor of two); zero if none ran.
    pub fn minor_pause_percentile(&self, p: f64) -> Duration {
        let total: u64 = self.minor_pause_histogram.iter().sum();
        if total == 0 {
            return Duration::ZERO;
        }
        let rank = ((p / 100.0) * total as f64).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (i, &n) in self.minor_pause_histogram.iter().enumerate() {
            seen += n;
            if seen >= rank {
                let upper = Duration::from_micros((1u64 << (i + 1)) - 1);
                return upper.min(self.max_minor_pause);
            }
        }
        self.max_minor_pause
    }

    /// Records one collection's pause.
    pub(crate) fn record_pause(&mut self, kind: CollectionKind, pause: Duration) {
        self.total_pause += pause;
        match kind {
            CollectionKind::Minor => {
                self.minor_collections += 1;
                self.total_minor_pause += pause;
                let us = pause.as_micros().min(u128::from(u64::MAX)) as u64;
                let bucket = (63 - (us + 1).leading_zeros()) as usize;
                self.minor_pause_histogram[bucket.min(PAUSE_BUCKETS - 1)] += 1;
                self.max_minor_pause = self.max_minor_pause.max(pause);
            }
            CollectionKind::Major => {
                self.major_collections += 1;
                self.max_major_pause = self.max_major_pause.max(pause);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_and_percentiles() {
        let mut s = Stats::default();
        for us in [0, 1, 2, 3, 100, 100, 100, 100, 100, 5000] {
            s.record_pause(CollectionKind::Minor, Duration::from_micros(us));
        }
        assert_eq!(s.minor_collections, 10);
        assert_eq!(s.minor_pause_histogram[0], 1); // 0 µs
        assert_eq!(s.minor_pause_histogram[1], 2); // 1, 2 µs
        assert_eq!(s.minor_pause_histogram[2], 1); // 3 µs
        assert_eq!(s.minor_pause_histogram[6], 5); // 100 µs in [63, 127)
        assert_eq!(s.minor_pause_percentile(50.0), Duration::from_micros(127));
        assert_eq!(s.minor_pause_percentile(100.0), Duration::from_micros(5000));
        assert_eq!(s.max_minor_pause, Duration::from_micros(5000));
        s.record_pause(CollectionKind::Major, Duration::from_millis(3));
        assert_eq!(s.major_collections, 1);
        assert_eq!(s.total_pause, Duration::from_micros(5506 + 3000));
    }
}
