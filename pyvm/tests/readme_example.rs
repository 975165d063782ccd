//! The README's example, kept compiling and passing.

use num_bigint::BigInt;
use pyvm::float_format::format_float;
use pyvm::float_repr::repr_f64;
use pyvm::int_parse::{MaxStrDigits, parse_int};
use pyvm::sort::sort_list_by_key;

#[test]
fn readme_example() {
    assert_eq!(repr_f64(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(format_float(1234.5, ",.2f").unwrap(), "1,234.50");

    let err = parse_int("12a", 10, MaxStrDigits::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "ValueError: invalid literal for int() with base 10: '12a'"
    );
    assert_eq!(
        parse_int("0x_ff", 0, MaxStrDigits::default()).unwrap(),
        BigInt::from(255)
    );

    // list.sort(key=len, reverse=True); a failing key or comparison returns Err
    // and leaves the list a permutation of its input.
    let mut v = vec!["bb", "a", "ccc", "dd"];
    sort_list_by_key(&mut v, |s| Ok::<_, ()>(s.len()), true, |a, b| Ok(a < b)).unwrap();
    assert_eq!(v, ["ccc", "bb", "dd", "a"]);
}
