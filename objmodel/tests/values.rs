//! Round-trip properties of the `Value` encoding over edge values and
//! random bit patterns.

use proptest::prelude::*;
use pyvm_objmodel::value::{
    CANONICAL_NEG_NAN, FLOAT_RAW_LIMIT, HEAP_END, INT_MAX, INT_MIN, INT_TAG,
};
use pyvm_objmodel::{Value, ValueKind};

/// Exactly one type test holds for every word a constructor produces.
fn assert_one_kind(v: Value) {
    let tests = [
        v.is_int(),
        v.is_float(),
        v.is_heap(),
        v.is_immediate(),
        v.is_empty(),
    ];
    assert_eq!(
        tests.iter().filter(|t| **t).count(),
        1,
        "{:#x}: {tests:?}",
        v.to_bits()
    );
}

fn check_float(f: f64) {
    let v = Value::from_float(f);
    assert_one_kind(v);
    let back = v.as_float().expect("a boxed float is a float");
    if f.to_bits() < FLOAT_RAW_LIMIT {
        assert_eq!(back.to_bits(), f.to_bits(), "{f:?} did not round-trip");
    } else {
        assert!(f.is_nan() && f.is_sign_negative());
        assert_eq!(back.to_bits(), CANONICAL_NEG_NAN);
    }
    assert_eq!(back.is_sign_negative(), f.is_sign_negative());
    assert_eq!(back.is_nan(), f.is_nan());
}

#[test]
fn float_edge_values_round_trip() {
    let edges = [
        0.0,
        -0.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
        f64::MIN,
        f64::MAX,
        f64::MIN_POSITIVE,
        -f64::MIN_POSITIVE,
        f64::EPSILON,
        f64::from_bits(1),                     // smallest subnormal
        f64::from_bits(0x8000_0000_0000_0001), // negative subnormal
        f64::from_bits(0x7FF0_0000_0000_0001), // signalling NaN
        f64::from_bits(0x7FFF_FFFF_FFFF_FFFF), // NaN, all payload bits
        f64::from_bits(0xFFF0_0000_0000_0001), // negative signalling NaN
        f64::from_bits(FLOAT_RAW_LIMIT - 1),   // last negative NaN kept exactly
        f64::from_bits(FLOAT_RAW_LIMIT),       // first canonicalized
        f64::from_bits(u64::MAX),
    ];
    for f in edges {
        check_float(f);
    }
}

#[test]
fn int_edges_and_overflow() {
    for i in [0, 1, -1, INT_MIN, INT_MAX, 1 << 47, -(1 << 47), 1 << 48] {
        let v = Value::from_int(i).unwrap();
        assert_one_kind(v);
        assert_eq!(v.as_int(), Some(i));
        assert_eq!(v.kind(), ValueKind::Int(i));
    }
    for i in [
        INT_MAX + 1,
        INT_MIN - 1,
        i64::MAX,
        i64::MIN,
        1 << 49,
        -(1 << 49) - 1,
    ] {
        assert_eq!(Value::from_int(i), None, "{i} must be reported as overflow");
    }
    // At least 48-bit signed, as the design requires.
    const { assert!(INT_MIN <= -(1 << 47) && INT_MAX >= (1 << 47) - 1) };
}

#[test]
fn the_sum_of_two_immediates_fits_i64_and_reboxes_or_overflows() {
    let a = Value::from_int(INT_MAX).unwrap().as_int().unwrap();
    let b = Value::from_int(1).unwrap().as_int().unwrap();
    assert_eq!(Value::from_int(a + b), None);
    assert_eq!(
        Value::from_int(a + b - 2).unwrap().as_int(),
        Some(INT_MAX - 1)
    );
}

#[test]
fn singletons_and_heap_are_disjoint_from_numbers() {
    for v in [
        Value::EMPTY,
        Value::NONE,
        Value::TRUE,
        Value::FALSE,
        Value::NOT_IMPLEMENTED,
        Value::ELLIPSIS,
        Value::from_heap_addr(8).unwrap(),
        Value::from_heap_addr((HEAP_END - 8) as usize).unwrap(),
    ] {
        assert_one_kind(v);
        assert!(v.as_int().is_none() && v.as_float().is_none());
    }
}

proptest! {
    #[test]
    fn every_f64_bit_pattern_boxes(bits in any::<u64>()) {
        check_float(f64::from_bits(bits));
    }

    #[test]
    fn every_immediate_int_round_trips(i in INT_MIN..=INT_MAX) {
        let v = Value::from_int(i).unwrap();
        prop_assert!(v.is_int() && !v.is_float() && !v.is_heap());
        prop_assert_eq!(v.as_int(), Some(i));
    }

    #[test]
    fn out_of_range_ints_are_reported(i in any::<i64>()) {
        let fits = (INT_MIN..=INT_MAX).contains(&i);
        prop_assert_eq!(Value::from_int(i).is_some(), fits);
    }

    #[test]
    fn aligned_addresses_round_trip(a in 1u64..(HEAP_END / 8)) {
        let addr = (a * 8) as usize;
        let v = Value::from_heap_addr(addr).unwrap();
        prop_assert!(v.is_heap() && !v.is_int() && !v.is_float());
        prop_assert_eq!(v.heap_addr(), Some(addr));
    }

    #[test]
    fn random_words_classify_consistently(bits in any::<u64>()) {
        let v = Value::from_bits(bits);
        prop_assert_eq!(v.is_int(), bits >= INT_TAG);
        let kinds = [v.is_int(), v.is_float(), v.is_heap()];
        prop_assert!(kinds.iter().filter(|k| **k).count() <= 1);
        if let Some(f) = v.as_float() {
            // A float word re-boxes to itself unless it was canonicalized.
            prop_assert_eq!(Value::from_float(f), v);
        }
        if let Some(i) = v.as_int() {
            prop_assert_eq!(Value::from_int(i), Some(v));
        }
    }
}
