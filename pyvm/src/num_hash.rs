//! Numeric hashing exactly as CPython 3.11 (`sys.hash_info` on 64-bit
//! platforms: modulus `2**61 - 1`, `inf` 314159, `imag` 1000003), so that
//! `hash(1) == hash(1.0) == hash(Fraction(1)) == hash(Decimal(1))`, plus the
//! xxHash-derived tuple hash combiner.
//!
//! A number `x = ±m/n` hashes to `±(m · n⁻¹ mod P)`, with `-1` replaced by
//! `-2` (CPython reserves `-1` for errors).

use num_bigint::{BigInt, BigUint};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::float_ops::decompose;

/// A Python hash value (`Py_hash_t`).
pub type PyHash = i64;

/// The hash modulus `P = 2**61 - 1` (`sys.hash_info.modulus`).
pub const MODULUS: u64 = (1 << 61) - 1;
/// `hash(float('inf'))` (`sys.hash_info.inf`).
pub const HASH_INF: PyHash = 314_159;
/// The multiplier of the imaginary part (`sys.hash_info.imag`).
pub const HASH_IMAG: u64 = 1_000_003;
const BITS: u32 = 61;

fn fix_minus_one(h: PyHash) -> PyHash {
    if h == -1 { -2 } else { h }
}

/// `hash(n)` for a machine integer.
pub fn hash_i64(n: i64) -> PyHash {
    let r = (n.unsigned_abs() % MODULUS) as i64;
    fix_minus_one(if n < 0 { -r } else { r })
}

/// `hash(n)` for an int.
pub fn hash_int(n: &BigInt) -> PyHash {
    if let Some(v) = n.to_i64() {
        return hash_i64(v);
    }
    let r = (n.magnitude() % MODULUS)
        .to_u64()
        .expect("below the modulus") as i64;
    fix_minus_one(if n.is_negative() { -r } else { r })
}

/// `2^e mod P` for any integer `e` (2 has order 61 modulo P).
fn pow2_mod(e: i64) -> u64 {
    1u64 << e.rem_euclid(i64::from(BITS))
}

fn mul_mod(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) % u128::from(MODULUS)) as u64
}

/// CPython's hash of an object address (`_Py_HashPointer`): the address
/// rotated right by 4 bits. Used for NaN, whose hash in 3.11 depends on the
/// identity of the float object.
pub fn hash_pointer(addr: usize) -> PyHash {
    let y = (addr as u64).rotate_right(4) as i64;
    fix_minus_one(y)
}

/// `hash(x)` for a float. `nan_identity` is the identity (address) of the
/// float object: CPython 3.11 hashes NaN as [`hash_pointer`] of the object,
/// so two NaN objects usually hash differently.
pub fn hash_f64(x: f64, nan_identity: usize) -> PyHash {
    if x.is_nan() {
        return hash_pointer(nan_identity);
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (neg, m, e) = decompose(x);
    let r = mul_mod(m % MODULUS, pow2_mod(i64::from(e))) as i64;
    fix_minus_one(if neg { -r } else { r })
}

/// `hash(complex(re, im))`; `nan_identity` is the complex object's identity
/// (used only when a part is NaN).
pub fn hash_complex(re: f64, im: f64, nan_identity: usize) -> PyHash {
    let hr = hash_f64(re, nan_identity) as u64;
    let hi = hash_f64(im, nan_identity) as u64;
    fix_minus_one(hr.wrapping_add(HASH_IMAG.wrapping_mul(hi)) as i64)
}

/// `hash(Fraction(num, den))` (`den > 0`, the fraction in lowest terms), as
/// `fractions.Fraction.__hash__` computes it in 3.11.
pub fn hash_fraction(num: &BigInt, den: &BigInt) -> PyHash {
    let p = BigUint::from(MODULUS);
    let d = den.magnitude() % &p;
    let h = if d.is_zero() {
        HASH_INF
    } else {
        // d^(P-2) is d's inverse modulo the prime P.
        let inv = d.modpow(&(&p - 2u32), &p);
        let n = hash_int(&BigInt::from(num.magnitude().clone())) as u64;
        hash_int(&BigInt::from(BigUint::from(n) * inv))
    };
    fix_minus_one(if num.is_negative() { -h } else { h })
}

/// `hash(Decimal)` of the finite decimal `(-1)^negative × coefficient ×
/// 10^exp`, as `decimal.Decimal.__hash__` computes it. (Infinities hash as
/// `±HASH_INF`; a quiet NaN hashes by identity and a signaling NaN raises,
/// both left to the caller.)
pub fn hash_decimal(negative: bool, coefficient: &BigUint, exp: i64) -> PyHash {
    let p = BigUint::from(MODULUS);
    let base = if exp >= 0 {
        BigUint::from(10u32)
    } else {
        BigUint::from(10u32).modpow(&(&p - 2u32), &p)
    };
    let exp_hash = base.modpow(&BigUint::from(exp.unsigned_abs()), &p);
    let h = ((coefficient * exp_hash) % &p)
        .to_u64()
        .expect("below the modulus") as i64;
    let is_zero = coefficient.is_zero();
    fix_minus_one(if negative && !is_zero { -h } else { h })
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(tuple)` from the hashes of its items, CPython 3.11's combiner
/// (derived from xxHash64): `hash_tuple([hash(1), hash(2)])` is
/// `hash((1, 2))`.
pub fn hash_tuple(item_hashes: impl IntoIterator<Item = PyHash>) -> PyHash {
    let mut acc = XXPRIME_5;
    let mut len: u64 = 0;
    for h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
        len += 1;
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    }
}

/// `hash(frozenset)` from the hashes of its distinct items, CPython 3.11's
/// algorithm with the contribution of the hash table's empty and deleted
/// slots cancelled out (so the result depends only on the items):
/// `hash_frozenset([])` is `hash(frozenset())`.
pub fn hash_frozenset(item_hashes: impl IntoIterator<Item = PyHash>) -> PyHash {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash = 0u64;
    let mut len = 0u64;
    for h in item_hashes {
        hash ^= shuffle(h as u64);
        len += 1;
    }
    hash ^= (len + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        590_923_713
    } else {
        hash as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_and_floats_agree() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1), hash_f64(1.0, 0));
        assert_eq!(hash_i64(MODULUS as i64), 0);
        assert_eq!(hash_f64(0.5, 0), 1 << 60);
        assert_eq!(hash_f64(-0.0, 0), 0);
        assert_eq!(hash_f64(f64::NEG_INFINITY, 0), -314_159);
        assert_eq!(
            hash_f64(1e300, 0),
            hash_int(&crate::int_ops::f64_to_int(1e300).unwrap())
        );
        assert_eq!(hash_int(&(BigInt::from(1) << 100u32)), 1 << 39);
        assert_eq!(hash_f64(f64::NAN, 0x1000), 0x100);
    }

    #[test]
    fn fractions_and_decimals_agree_with_floats() {
        assert_eq!(
            hash_fraction(&BigInt::from(1), &BigInt::from(2)),
            hash_f64(0.5, 0)
        );
        assert_eq!(
            hash_fraction(&BigInt::from(-3), &BigInt::from(4)),
            hash_f64(-0.75, 0)
        );
        assert_eq!(
            hash_decimal(false, &BigUint::from(25u32), -1),
            hash_f64(2.5, 0)
        );
        assert_eq!(hash_decimal(true, &BigUint::from(1u32), 0), -2);
        assert_eq!(
            hash_fraction(&BigInt::from(1), &BigInt::from(MODULUS)),
            HASH_INF
        );
    }

    #[test]
    fn tuples() {
        // Published CPython 3.11 values: hash(()) and hash((1, 2)).
        assert_eq!(hash_tuple([]), 5_740_354_900_026_072_187);
        assert_eq!(hash_tuple([1, 2]), -3_550_055_125_485_641_917);
        assert_eq!(hash_complex(0.0, 1.0, 0), 1_000_003);
    }

    #[test]
    fn frozensets_ignore_order() {
        assert_eq!(hash_frozenset([1, 2, 3]), hash_frozenset([3, 1, 2]));
        assert_ne!(hash_frozenset([1, 2]), hash_frozenset([1, 3]));
    }
}
