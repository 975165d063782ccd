//! Round trips that must hold for every value: what `repr`/`str`/`hex`
//! print, the parsers read back exactly.

use num_bigint::BigInt;
use proptest::prelude::*;
use pyvm::complex_format::repr_complex;
use pyvm::complex_parse::parse_complex;
use pyvm::float_ops::hex_f64;
use pyvm::float_pack::{pack_half, unpack_half};
use pyvm::float_parse::{parse_float, parse_float_hex};
use pyvm::float_repr::repr_f64;
use pyvm::int_format::{format_int, int_to_str};
use pyvm::int_parse::{MaxStrDigits, parse_int};

fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn float_repr_and_hex_read_back(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assert!(same(parse_float(&repr_f64(x)).unwrap(), x), "repr {}", repr_f64(x));
        prop_assert!(same(parse_float_hex(&hex_f64(x)).unwrap(), x), "hex {}", hex_f64(x));
    }

    #[test]
    fn complex_repr_reads_back(re in any::<u64>(), im in any::<u64>()) {
        let (re, im) = (f64::from_bits(re), f64::from_bits(im));
        let (r, i) = parse_complex(&repr_complex(re, im)).unwrap();
        // `complex('-0j')` has a +0.0 real part, as in CPython.
        prop_assert!(same(r, re) || (re == 0.0 && r == 0.0));
        prop_assert!(same(i, im));
    }

    #[test]
    fn ints_read_back_in_every_base(digits in "[0-9]{1,60}", negative in any::<bool>()) {
        let n: BigInt = digits.parse().unwrap();
        let n = if negative { -n } else { n };
        let limit = MaxStrDigits::default();
        prop_assert_eq!(parse_int(&int_to_str(&n, limit).unwrap(), 10, limit).unwrap(), n.clone());
        for (spec, base) in [("#x", 16), ("#o", 8), ("#b", 2), ("_d", 10), ("#_x", 0)] {
            let text = format_int(&n, spec, limit).unwrap();
            prop_assert_eq!(parse_int(&text, base, limit).unwrap(), n.clone(), "{} base {}", text, base);
        }
    }
}

#[test]
fn every_half_float_unpacks_and_packs_back() {
    for h in 0..=u16::MAX {
        let x = unpack_half(h);
        let back = pack_half(x).unwrap();
        if x.is_nan() {
            // NaN payloads are not kept: the quiet NaN of the same sign.
            assert_eq!(back, (h & 0x8000) | 0x7e00);
        } else {
            assert_eq!(back, h, "{h:#06x}");
        }
    }
}
