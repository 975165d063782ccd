//! The Mersenne Twister (MT19937) exactly as CPython's `_random.Random`:
//! `seed` from an int's 32-bit words, `random()` with 53 bits,
//! `getrandbits(k)` and the `getstate`/`setstate` layout, so that
//! `random.seed(42); random.random()` gives CPython's value (the pure-Python
//! `random.py` runs on top unchanged).
//!
//! The generator is the published algorithm of Matsumoto and Nishimura (1998)
//! with its `init_genrand` / `init_by_array` seeding.

use num_bigint::{BigInt, BigUint};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::error::{PyError, PyResult};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The state of one `_random.Random` object.
#[derive(Clone)]
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl std::fmt::Debug for Mt19937 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mt19937")
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

impl Mt19937 {
    /// A generator seeded like `random.seed(n)` for an int `n`.
    pub fn from_int_seed(n: &BigInt) -> Self {
        let mut mt = Mt19937 {
            state: [0; N],
            index: N,
        };
        mt.seed_int(n);
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// Seeds from a key of 32-bit words (`init_by_array`).
    pub fn seed_words(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = self.state[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(k)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    /// `_random.Random.seed(n)` for an int: the key is `abs(n)` as
    /// little-endian 32-bit words (one zero word for 0).
    pub fn seed_int(&mut self, n: &BigInt) {
        let mut key = n.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.seed_words(&key);
    }

    /// `_random.Random.seed(x)` for a non-int hashable `x` (a float, or a
    /// str/bytes when `random.py` is bypassed): the key is `hash(x)` taken
    /// as an unsigned 64-bit value, as CPython does.
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_int(&BigInt::from(hash as u64));
    }

    fn twist(&mut self) {
        for k in 0..N {
            let y = (self.state[k] & UPPER_MASK) | (self.state[(k + 1) % N] & LOWER_MASK);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// The next 32-bit output (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: a float in `[0, 1)` with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`; `ValueError: number of bits must be non-negative`.
    pub fn getrandbits(&mut self, k: i64) -> PyResult<BigInt> {
        if k < 0 {
            return Err(PyError::value("number of bits must be non-negative"));
        }
        if k == 0 {
            return Ok(BigInt::zero());
        }
        if k <= 32 {
            return Ok(BigInt::from(self.next_u32() >> (32 - k)));
        }
        let words = (k as usize).div_ceil(32);
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left -= 32;
        }
        Ok(BigInt::from(BigUint::new(out)))
    }

    /// `getstate()` of `_random.Random`: the 624 state words followed by the
    /// position, 625 values (`random.Random.getstate` wraps this in
    /// `(3, state, gauss_next)`).
    pub fn getstate(&self) -> Vec<u32> {
        let mut v = self.state.to_vec();
        v.push(self.index as u32);
        v
    }

    /// `setstate(state)`: exactly 625 ints, 624 state words (each converted
    /// like C `unsigned long`, then truncated to 32 bits, as CPython does)
    /// and a position in `0..=624`. Errors as CPython 3.11:
    /// `ValueError: state vector is the wrong size`,
    /// `OverflowError: can't convert negative value to unsigned int`,
    /// `OverflowError: Python int too large to convert to C unsigned long`,
    /// `ValueError: invalid state`.
    pub fn setstate(&mut self, state: &[BigInt]) -> PyResult<()> {
        if state.len() != N + 1 {
            return Err(PyError::value("state vector is the wrong size"));
        }
        let mut words = [0u32; N];
        for (dst, src) in words.iter_mut().zip(state) {
            if src.is_negative() {
                return Err(PyError::overflow(
                    "can't convert negative value to unsigned int",
                ));
            }
            let v = src.to_u64().ok_or_else(|| {
                PyError::overflow("Python int too large to convert to C unsigned long")
            })?;
            *dst = v as u32;
        }
        let index = state[N]
            .to_i64()
            .ok_or_else(|| PyError::overflow("Python int too large to convert to C long"))?;
        if !(0..=N as i64).contains(&index) {
            return Err(PyError::value("invalid state"));
        }
        self.state = words;
        self.index = index as usize;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_reference_outputs() {
        // The reference implementation's published first output for
        // init_by_array({0x123, 0x234, 0x345, 0x456}) is 1067595299.
        let mut mt = Mt19937::from_int_seed(&BigInt::zero());
        mt.seed_words(&[0x123, 0x234, 0x345, 0x456]);
        assert_eq!(mt.next_u32(), 1_067_595_299);
        assert_eq!(mt.next_u32(), 955_945_823);
    }

    #[test]
    fn python_seed_42() {
        // random.seed(42); random.random() in CPython.
        let mut mt = Mt19937::from_int_seed(&BigInt::from(42));
        assert_eq!(mt.random(), 0.6394267984578837);
    }

    #[test]
    fn python_seed_float() {
        // random.seed(-1.5); random.random() in CPython 3.11.
        let mut mt = Mt19937::from_int_seed(&BigInt::zero());
        mt.seed_hash(crate::num_hash::hash_f64(-1.5, 0));
        assert_eq!(mt.random(), 0.7101153317194698);
        mt.seed_hash(crate::num_hash::hash_f64(1.5, 0));
        assert_eq!(mt.random(), 0.551763726942059);
    }

    #[test]
    fn state_roundtrip_replays() {
        let mut a = Mt19937::from_int_seed(&BigInt::from(7));
        a.random();
        let saved: Vec<BigInt> = a.getstate().into_iter().map(BigInt::from).collect();
        let x = a.random();
        let mut b = Mt19937::from_int_seed(&BigInt::from(0));
        b.setstate(&saved).unwrap();
        assert_eq!(b.random(), x);
        let mut bad = saved.clone();
        bad[N] = BigInt::from(625);
        assert_eq!(b.setstate(&bad).unwrap_err().message, "invalid state");
        assert!(b.setstate(&saved[..10]).is_err());
        bad[N] = BigInt::from(624);
        bad[0] = BigInt::from(-1);
        assert_eq!(
            b.setstate(&bad).unwrap_err().message,
            "can't convert negative value to unsigned int"
        );
        bad[0] = BigInt::from(1u64 << 32);
        assert!(b.setstate(&bad).is_ok());
    }

    #[test]
    fn getrandbits_widths() {
        let mut mt = Mt19937::from_int_seed(&BigInt::from(1));
        assert_eq!(mt.getrandbits(0).unwrap(), BigInt::zero());
        for k in [1, 31, 32, 33, 64, 100] {
            assert!(mt.getrandbits(k).unwrap().bits() <= k as u64);
        }
        assert!(mt.getrandbits(-1).is_err());
    }
}
