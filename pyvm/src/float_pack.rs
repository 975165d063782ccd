//! IEEE 754 half and single precision packing as CPython's `struct` module
//! does it (`struct.pack('<e', x)`, `'<f'`): round half to even, the
//! `float too large to pack with e/f format` OverflowError, NaN kept quiet
//! with its sign.

use crate::error::{PyError, PyResult};

/// `struct.pack('<e', x)` as a little-endian `u16` bit pattern.
pub fn pack_half(x: f64) -> PyResult<u16> {
    let overflow = || PyError::overflow("float too large to pack with e format");
    let sign = u16::from(x.is_sign_negative());
    let (e, bits): (u16, u16) = if x == 0.0 {
        (0, 0)
    } else if x.is_infinite() {
        (0x1f, 0)
    } else if x.is_nan() {
        // The quiet NaN with only the top fraction bit set.
        (0x1f, 512)
    } else {
        let (f, e) = crate::math_float::math_frexp(x.abs());
        // Normalize f to [1, 2).
        let (mut f, mut e) = (f * 2.0, e - 1);
        if e >= 16 {
            return Err(overflow());
        } else if e < -25 {
            // Underflows to zero.
            f = 0.0;
            e = 0;
        } else if e < -14 {
            // Subnormal.
            f = crate::float_parse::scale_pow2(f, i64::from(14 + e));
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        let mut bits = f as u16;
        let rest = f - f64::from(bits);
        let mut e = e as u16;
        if rest > 0.5 || (rest == 0.5 && bits % 2 == 1) {
            bits += 1;
            if bits == 1024 {
                bits = 0;
                e += 1;
                if e == 31 {
                    return Err(overflow());
                }
            }
        }
        (e, bits)
    };
    Ok(bits | (e << 10) | (sign << 15))
}

/// `struct.unpack('<e', ..)` of a half-precision bit pattern.
pub fn unpack_half(h: u16) -> f64 {
    let sign = h >> 15 == 1;
    let e = i64::from((h >> 10) & 0x1f);
    let f = f64::from(h & 0x3ff);
    let x = if e == 0x1f {
        if f == 0.0 { f64::INFINITY } else { f64::NAN }
    } else if e == 0 {
        crate::float_parse::scale_pow2(f / 1024.0, -14)
    } else {
        crate::float_parse::scale_pow2(f / 1024.0 + 1.0, e - 15)
    };
    if sign { -x } else { x }
}

/// `struct.pack('<f', x)` as a `u32` bit pattern (C's double-to-float
/// conversion, round half to even).
pub fn pack_single(x: f64) -> PyResult<u32> {
    let y = x as f32;
    if y.is_infinite() && !x.is_infinite() {
        return Err(PyError::overflow("float too large to pack with f format"));
    }
    Ok(y.to_bits())
}

/// `struct.unpack('<f', ..)` of a single-precision bit pattern.
pub fn unpack_single(bits: u32) -> f64 {
    f64::from(f32::from_bits(bits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision() {
        assert_eq!(pack_half(1.0).unwrap(), 0x3c00);
        assert_eq!(pack_half(-0.0).unwrap(), 0x8000);
        assert_eq!(pack_half(65504.0).unwrap(), 0x7bff);
        assert_eq!(pack_half(65519.99).unwrap(), 0x7bff);
        assert_eq!(
            pack_half(65520.0).unwrap_err().message,
            "float too large to pack with e format"
        );
        assert_eq!(pack_half(2f64.powi(-24)).unwrap(), 0x0001);
        assert_eq!(pack_half(2f64.powi(-25)).unwrap(), 0x0000);
        assert_eq!(pack_half(3.0 * 2f64.powi(-26)).unwrap(), 0x0001);
        assert_eq!(pack_half(f64::NAN).unwrap(), 0x7e00);
        assert_eq!(pack_half(-f64::NAN).unwrap(), 0xfe00);
        assert_eq!(pack_half(0.1).unwrap(), 0x2e66);
        assert_eq!(unpack_half(0x3c00), 1.0);
        assert_eq!(unpack_half(0x0001), 2f64.powi(-24));
        assert!(unpack_half(0x7c01).is_nan());
    }

    #[test]
    fn single_precision() {
        assert_eq!(pack_single(0.1).unwrap(), 0x3dcc_cccd);
        assert_eq!(
            pack_single(1e300).unwrap_err().message,
            "float too large to pack with f format"
        );
        assert_eq!(pack_single(f64::INFINITY).unwrap(), 0x7f80_0000);
        assert_eq!(unpack_single(0x3f80_0000), 1.0);
    }
}
