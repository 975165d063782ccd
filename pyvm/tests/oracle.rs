//! Differential test against a live CPython 3.11: fresh random cases from a
//! fixed seed are computed by the library and by `tests/golden/oracle.py`
//! under `python3`, and must agree exactly.
//!
//! Skipped, with a message, when `python3` is missing or is not 3.11 (the
//! oracle's answers are version-specific). `PYVM_ORACLE_SEED=n` picks
//! another seed; `PYVM_ORACLE_CASES=n` changes the number of cases per kind.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{esc, float_bits, run_case, unesc};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn float(&mut self) -> f64 {
        match self.below(6) {
            0 => f64::from_bits(self.next()),
            1 => (self.below(2_000_001) as f64 - 1_000_000.0) / 10f64.powi(self.below(8) as i32),
            2 => (2 * self.below(1 << 20) + 1) as f64 / 2f64.powi(self.below(30) as i32),
            3 => self.below(1000) as f64 * 10f64.powi(self.below(40) as i32 - 20),
            4 => [
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                0.5,
                1.5,
                2.5,
            ][self.below(8) as usize],
            _ => f64::from_bits(self.next() >> 2 | 0x3000_0000_0000_0000),
        }
    }

    fn int(&mut self) -> String {
        let digits = match self.below(4) {
            0 => 1 + self.below(3),
            1 => 1 + self.below(12),
            2 => 1 + self.below(40),
            _ => 1 + self.below(90),
        };
        let mut s: String = (0..digits)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect();
        s = s.trim_start_matches('0').to_string();
        if s.is_empty() {
            s.push('0');
        }
        if self.chance(40) && s != "0" {
            format!("-{s}")
        } else {
            s
        }
    }

    fn spec(&mut self, types: &[&str]) -> String {
        let mut s = String::new();
        s += self.pick(&["", "", "", "<", ">", "^", "=", "*<", "x>", "0=", "é^", "_="]);
        s += self.pick(&["", "", "+", "-", " "]);
        if self.chance(10) {
            s.push('z');
        }
        if self.chance(20) {
            s.push('#');
        }
        if self.chance(20) {
            s.push('0');
        }
        if self.chance(50) {
            s += &(1 + self.below(30)).to_string();
        }
        s += self.pick(&["", "", "", ",", "_"]);
        if self.chance(50) {
            s += &format!(".{}", self.below(25));
        }
        s += self.pick(types);
        s
    }

    fn text(&mut self, alphabet: &[&str], max_len: u64) -> String {
        (0..1 + self.below(max_len))
            .map(|_| self.pick(alphabet))
            .collect()
    }
}

fn float_string(r: &mut Rng) -> String {
    let x = r.float();
    let mut s = match r.below(4) {
        0 => format!("{x:e}"),
        1 => format!("{x}"),
        2 => format!("{x:.3}"),
        _ => r.text(
            &[
                "1", "2", "0", "9", ".", "_", "e", "E", "+", "-", "i", "n", "f", "a", " ", "x",
            ],
            10,
        ),
    };
    if r.chance(20) && s.len() > 2 {
        let at = 1 + r.below(s.len() as u64 - 1) as usize;
        if s.is_char_boundary(at) {
            s.insert(at, '_');
        }
    }
    if r.chance(20) {
        s = format!(" {s}\t");
    }
    if r.chance(10) {
        s = s.to_uppercase();
    }
    s
}

fn hex_string(r: &mut Rng) -> String {
    let mut s = String::new();
    s += r.pick(&["", "-", "+", " "]);
    s += r.pick(&["0x", "0X", "", "0x"]);
    s += &r.text(&["0", "1", "f", "A", "8", "c", "."], 20);
    if r.chance(80) {
        s += &format!("p{}{}", r.pick(&["", "-", "+"]), r.below(1100));
    }
    s
}

/// A random `%` template with arguments that usually fit it.
fn percent_case(r: &mut Rng) -> Vec<String> {
    let mut template = String::new();
    let mut args: Vec<String> = Vec::new();
    for _ in 0..1 + r.below(4) {
        template += r.pick(&["", "a", "%%", " ", "é|"]);
        template.push('%');
        template += r.pick(&["", "", "-", "+", " ", "#", "0", "-0", "+#", " 0"]);
        match r.below(4) {
            0 => {
                template.push('*');
                args.push(format!("i:{}", r.below(30) as i64 - 15));
            }
            1 => template += &r.below(20).to_string(),
            _ => {}
        }
        match r.below(4) {
            0 => {
                template += ".*";
                args.push(format!("i:{}", r.below(20) as i64 - 5));
            }
            1 => template += &format!(".{}", r.below(15)),
            _ => {}
        }
        template += r.pick(&["", "", "", "l", "h"]);
        let conv = r.pick(&[
            "d", "i", "u", "o", "x", "X", "c", "e", "E", "f", "F", "g", "G", "s", "r", "y", "%",
        ]);
        template += conv;
        let value = match conv {
            "e" | "E" | "f" | "F" | "g" | "G" => {
                if r.chance(70) {
                    format!("f:{}", float_bits(r.float()))
                } else {
                    format!("i:{}", r.below(2_000_000) as i64 - 1_000_000)
                }
            }
            "s" | "r" => match r.below(3) {
                0 => format!("s:{}", r.text(&["a", "é", "'", "\"", "中", " "], 5)),
                1 => format!("f:{}", float_bits(r.float())),
                _ => format!("i:{}", r.below(2_000_000) as i64 - 1_000_000),
            },
            "c" => {
                // Lone surrogates are not Rust strings (a documented gap).
                let code = r.below(0x11_0010);
                let code = if (0xd800..0xe000).contains(&code) {
                    code - 0x800
                } else {
                    code
                };
                if r.chance(50) {
                    format!("i:{code}")
                } else {
                    format!("s:{}", r.pick(&["a", "é", "ab"]))
                }
            }
            _ => format!("i:{}", r.below(2_000_000) as i64 - 1_000_000),
        };
        args.push(value);
    }
    if r.chance(10) {
        args.pop();
    }
    if r.chance(10) {
        args.push("i:1".into());
    }
    vec![
        "percent".into(),
        template,
        format!("T{}", args.join("\u{1e}")),
    ]
}

fn cases(r: &mut Rng, per_kind: u64) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let float_types = ["", "", "e", "E", "f", "F", "g", "G", "n", "%", "x"];
    let int_types = [
        "", "d", "b", "o", "x", "X", "c", "n", "e", "f", "g", "%", "s",
    ];
    for _ in 0..per_kind {
        let x = r.float();
        out.push(vec!["float_repr".into(), float_bits(x)]);
        out.push(vec![
            "float_format".into(),
            float_bits(x),
            r.spec(&float_types),
        ]);
        let directive = format!(
            "%{}{}{}{}",
            r.pick(&["", "-", "+", " ", "#", "0", "-0", "+#0"]),
            r.pick(&["", "5", "12", "25"]),
            r.pick(&["", ".0", ".3", ".12", ".20"]),
            r.pick(&["e", "E", "f", "F", "g", "G"])
        );
        out.push(vec!["float_printf".into(), directive, float_bits(x)]);
        out.push(vec!["float_parse".into(), float_string(r)]);
        out.push(vec!["float_fromhex".into(), hex_string(r)]);
        out.push(vec!["float_hex".into(), float_bits(x)]);
        out.push(vec!["pack_half".into(), float_bits(x)]);
        out.push(vec![
            "pack_half".into(),
            float_bits((r.below(200_001) as f64 - 100_000.0) / 1.5),
        ]);
        out.push(vec!["pack_single".into(), float_bits(x)]);
        out.push(vec![
            "unpack_half".into(),
            format!("{:04x}", r.below(65536)),
        ]);
        out.push(vec![
            "unpack_single".into(),
            format!("{:08x}", r.below(1 << 32)),
        ]);
        out.push(vec![
            "float_round".into(),
            float_bits(x),
            (r.below(50) as i64 - 20).to_string(),
        ]);
        out.push(vec!["float_round_int".into(), float_bits(x)]);
        out.push(vec!["float_ratio".into(), float_bits(x)]);
        let y = r.float();
        out.push(vec!["complex_repr".into(), float_bits(x), float_bits(y)]);
        let ctext = r.text(
            &[
                "1", "2", ".", "e", "+", "-", "j", "J", " ", "(", ")", "_", "5", "i", "n", "f",
            ],
            9,
        );
        out.push(vec!["complex_parse".into(), ctext]);
        let cnum = format!("{x:e}{}{}j", r.pick(&["+", "-"]), y.abs());
        out.push(vec!["complex_parse".into(), cnum]);
        let (u, w) = (r.float(), r.float());
        for op in ["complex_mul", "complex_div", "complex_pow"] {
            out.push(vec![
                op.into(),
                float_bits(x),
                float_bits(y),
                float_bits(u),
                float_bits(w),
            ]);
        }
        let small_exp = float_bits((r.below(30) as f64 - 10.0) / [1.0, 2.0][r.below(2) as usize]);
        let base_re = float_bits((r.below(2001) as f64 - 1000.0) / 100.0);
        let base_im = float_bits((r.below(2001) as f64 - 1000.0) / 100.0);
        out.push(vec![
            "complex_pow".into(),
            base_re,
            base_im,
            small_exp,
            float_bits(0.0),
        ]);
        out.push(vec!["complex_abs".into(), float_bits(x), float_bits(y)]);
        let cspec = r.spec(&["", "", "e", "E", "f", "F", "g", "G", "n"]);
        out.push(vec![
            "complex_format".into(),
            float_bits(x),
            float_bits(y),
            cspec,
        ]);
        for op in [
            "float_mod",
            "float_floordiv",
            "float_divmod",
            "float_truediv",
            "float_pow",
        ] {
            out.push(vec![op.into(), float_bits(x), float_bits(y)]);
        }
        let small_float = (r.below(41) as f64 - 20.0) / [1.0, 2.0, 3.0][r.below(3) as usize];
        out.push(vec![
            "float_pow".into(),
            float_bits(x),
            float_bits(small_float),
        ]);
        let base = r.pick(&["0", "10", "2", "8", "16", "36", "7"]);
        let lit = r.text(
            &[
                "0", "1", "7", "9", "a", "f", "z", "x", "o", "b", "_", " ", "-", "+",
            ],
            10,
        );
        out.push(vec!["int_parse".into(), lit, base.into()]);
        let (a, b) = (r.int(), r.int());
        out.push(vec!["int_format".into(), a.clone(), r.spec(&int_types)]);
        for op in [
            "int_floordiv",
            "int_mod",
            "int_divmod",
            "int_truediv",
            "int_and",
            "int_or",
            "int_xor",
        ] {
            out.push(vec![op.into(), a.clone(), b.clone()]);
        }
        let small = (r.below(40) as i64 - 5).to_string();
        out.push(vec!["int_pow".into(), a.clone(), small.clone()]);
        out.push(vec!["int_powmod".into(), a.clone(), small.clone(), r.int()]);
        out.push(vec!["int_lshift".into(), a.clone(), small.clone()]);
        out.push(vec!["int_rshift".into(), a.clone(), small]);
        out.push(vec!["int_to_float".into(), a.clone()]);
        out.push(vec!["int_invert".into(), a.clone()]);
        out.push(vec![
            "int_round".into(),
            a.clone(),
            (r.below(30) as i64 - 25).to_string(),
        ]);
        let directive = format!(
            "%{}{}{}{}",
            r.pick(&["", "-", "+", " ", "#", "0", "-0", "+#0", "#0"]),
            r.pick(&["", "5", "12", "25"]),
            r.pick(&["", ".0", ".3", ".12"]),
            r.pick(&["d", "i", "u", "o", "x", "X", "c", "e", "g", "f"])
        );
        out.push(vec!["int_printf".into(), directive, a.clone()]);
        out.push(vec![
            "int_to_bytes".into(),
            a.clone(),
            r.below(12).to_string(),
            r.pick(&["big", "little"]).into(),
            r.pick(&["0", "1"]).into(),
        ]);
        out.push(vec!["hash_int".into(), a.clone()]);
        let decimal = format!(
            "{}{}.{}e{}",
            r.pick(&["", "-"]),
            r.below(100_000),
            r.below(1000),
            r.below(80) as i64 - 40
        );
        out.push(vec!["hash_decimal".into(), decimal]);
        let bytes: String = (0..r.below(12))
            .map(|_| format!("{:02x}", r.below(256)))
            .collect();
        out.push(vec![
            "int_from_bytes".into(),
            bytes,
            r.pick(&["big", "little"]).into(),
            r.pick(&["0", "1"]).into(),
        ]);
        for op in [
            "float_to_int",
            "float_floor",
            "float_ceil",
            "float_is_integer",
        ] {
            out.push(vec![op.into(), float_bits(x)]);
        }
        let prefixed = format!(
            "{}{}{}{}",
            r.pick(&["", " ", "-", "+", "\t"]),
            r.pick(&["", "0x", "0o", "0b", "0X", "0", "_"]),
            r.text(&["0", "1", "7", "f", "_", "9"], 8),
            r.pick(&["", " ", "_", "\n"])
        );
        out.push(vec![
            "int_parse".into(),
            prefixed,
            r.pick(&["0", "16", "8", "2", "10"]).into(),
        ]);
        if !x.is_nan() {
            out.push(vec!["hash_float".into(), float_bits(x)]);
            let y = r.float();
            if !y.is_nan() {
                out.push(vec!["hash_complex".into(), float_bits(x), float_bits(y)]);
            }
        }
        if b != "0" && !b.starts_with('-') {
            out.push(vec!["hash_fraction".into(), a.clone(), b.clone()]);
        }
        out.push(vec!["hash_tuple".into(), format!("{a},{b}")]);
        out.push(vec![
            "hash_frozenset".into(),
            format!("{a},{b},{}", r.int()),
        ]);
        out.push(vec!["int_cmp_float".into(), a.clone(), float_bits(x)]);
        let s = r.text(&["a", "b", "é", "中", " ", "z"], 6);
        out.push(vec!["hash_str".into(), "0".into(), s.clone()]);
        let long = r.text(&["a", "\u{ff}", "\u{100}", "\u{1f600}", "\u{7}", "q"], 40);
        out.push(vec!["hash_str".into(), "0".into(), long]);
        let any: String = (0..1 + r.below(6))
            .filter_map(|_| {
                let v = match r.below(3) {
                    0 => r.below(0x300) as u32,
                    1 => r.below(0x3_0000) as u32,
                    _ => r.below(0x11_0000) as u32,
                };
                char::from_u32(v)
            })
            .collect();
        out.push(vec!["str_repr".into(), any.clone()]);
        let data: String = (0..r.below(10))
            .map(|_| format!("{:02x}", r.below(256)))
            .collect();
        out.push(vec!["bytes_repr".into(), data.clone()]);
        let utf8ish: String = (0..r.below(8))
            .map(|_| {
                format!(
                    "{:02x}",
                    [
                        0x61, 0x80, 0xbf, 0xc2, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0xed, 0xff
                    ][r.below(11) as usize]
                )
            })
            .collect();
        let errors = r.pick(&["strict", "replace", "ignore", "backslashreplace"]);
        out.push(vec![
            "decode".into(),
            r.pick(&["utf-8", "ascii"]).into(),
            errors.into(),
            utf8ish,
        ]);
        let text = r.text(&["a", "é", "€", "😀", "ÿ", "Ā"], 6);
        out.push(vec![
            "encode".into(),
            r.pick(&["ascii", "latin-1"]).into(),
            errors.into(),
            text,
        ]);
        let sep = r.pick(&["", "=:", "=_", "= "]).to_string();
        out.push(vec![
            "bytes_hex".into(),
            data,
            sep,
            (r.below(9) as i64 - 4).to_string(),
        ]);
        let hexish = r.text(&["a", "F", "0", "9", " ", "\t", "g", "é"], 9);
        out.push(vec!["bytes_fromhex".into(), hexish]);
        out.push(vec!["str_ascii".into(), any]);
        let spaced = r.text(
            &[
                "a", "b", " ", "\t", "\n", "\r", "\r\n", "\u{1c}", "\u{85}", "\u{3000}",
                "\u{2028}", "\u{200b}",
            ],
            10,
        );
        let n = (r.below(4) as i64 - 1).to_string();
        out.push(vec!["str_split".into(), spaced.clone(), n.clone()]);
        out.push(vec!["str_rsplit".into(), spaced.clone(), n]);
        out.push(vec![
            "str_splitlines".into(),
            spaced.clone(),
            r.pick(&["0", "1"]).into(),
        ]);
        out.push(vec!["str_strip".into(), spaced]);
        let greek = r.text(
            &[
                "\u{3a3}", "\u{391}", "\u{3c3}", "a", "B", " ", "'", ".", "\u{301}", "\u{ad}", "1",
                "\u{1c5}", "ß", "İ",
            ],
            7,
        );
        out.push(vec!["str_lower".into(), greek.clone()]);
        let hay = r.text(&["a", "b", "ab", "é", ","], 8);
        let needle = r.text(&["a", "b", "é", ","], 2);
        let bound = |r: &mut Rng| {
            if r.chance(30) {
                "-".to_string()
            } else {
                (r.below(21) as i64 - 10).to_string()
            }
        };
        let (lo, hi) = (bound(r), bound(r));
        for op in ["str_find", "str_rfind", "str_count"] {
            out.push(vec![
                op.into(),
                hay.clone(),
                needle.clone(),
                lo.clone(),
                hi.clone(),
            ]);
        }
        let n = (r.below(5) as i64 - 1).to_string();
        out.push(vec![
            "str_replace".into(),
            hay.clone(),
            needle.clone(),
            "<>".into(),
            n.clone(),
        ]);
        if !needle.is_empty() {
            out.push(vec![
                "str_split_sep".into(),
                hay.clone(),
                needle.clone(),
                n.clone(),
            ]);
            out.push(vec![
                "str_rsplit_sep".into(),
                hay.clone(),
                needle.clone(),
                n,
            ]);
            out.push(vec!["str_rpartition".into(), hay, needle]);
        }
        out.push(vec!["str_upper".into(), greek.clone()]);
        for op in [
            "str_title",
            "str_capitalize",
            "str_swapcase",
            "str_case_flags",
            "str_casefold",
        ] {
            out.push(vec![op.into(), greek.clone()]);
        }
        let padded = r.text(&["a", "b", "-", "+", "\t", "\n", "é", "中"], 6);
        let w = r.below(12).to_string();
        out.push(vec![
            "str_center".into(),
            padded.clone(),
            w.clone(),
            r.pick(&[" ", "*", "é"]).into(),
        ]);
        out.push(vec!["str_zfill".into(), padded.clone(), w]);
        out.push(vec![
            "str_expandtabs".into(),
            padded,
            (r.below(12) as i64 - 2).to_string(),
        ]);
        out.push(vec!["str_format".into(), s, r.spec(&["", "s", "d"])]);
        out.push(percent_case(r));
        let template = r.text(
            &["{", "}", "0", "a", "!", "r", ":", "[", "]", ".", "x", ">"],
            12,
        );
        out.push(vec!["fmt_parse".into(), template]);
        let name = r.text(&["0", "1", "a", "[", "]", ".", "b", "9"], 8);
        out.push(vec!["fmt_split".into(), name]);
        let count = r.below(12);
        let xs: Vec<String> = (0..count).map(|_| float_bits(r.float())).collect();
        out.push(vec!["math_fsum".into(), xs.join(",")]);
        out.push(vec!["math_hypot".into(), xs.join(",")]);
        let ys: Vec<String> = (0..count).map(|_| float_bits(r.float())).collect();
        out.push(vec!["math_dist".into(), xs.join(","), ys.join(",")]);
        let scaled: Vec<String> = (0..1 + r.below(5))
            .map(|_| {
                float_bits((r.below(2001) as f64 - 1000.0) * 10f64.powi(r.below(40) as i32 - 20))
            })
            .collect();
        out.push(vec!["math_hypot".into(), scaled.join(",")]);
        let name = r.pick(&[
            "sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
            "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "cbrt",
            "erf", "erfc",
        ]);
        out.push(vec!["math_unary".into(), name.into(), float_bits(x)]);
        out.push(vec![
            "math_unary".into(),
            name.into(),
            float_bits((r.below(4001) as f64 - 2000.0) / 400.0),
        ]);
        out.push(vec![
            "math_log_int".into(),
            r.pick(&["log", "log2", "log10"]).into(),
            a.clone(),
        ]);
        for op in [
            "math_pow",
            "math_fmod",
            "math_atan2",
            "math_remainder",
            "math_nextafter",
        ] {
            out.push(vec![op.into(), float_bits(x), float_bits(y)]);
        }
        out.push(vec![
            "math_pow".into(),
            float_bits(x),
            float_bits(small_float),
        ]);
        out.push(vec![
            "math_ldexp".into(),
            float_bits(x),
            (r.below(4400) as i64 - 2200).to_string(),
        ]);
        for op in ["math_frexp", "math_modf", "math_ulp"] {
            out.push(vec![op.into(), float_bits(x)]);
        }
        let small_n = r.below(80).to_string();
        let small_k = r.below(40).to_string();
        out.push(vec!["math_comb".into(), small_n.clone(), small_k.clone()]);
        out.push(vec!["math_perm".into(), small_n, small_k]);
        out.push(vec![
            "math_isqrt".into(),
            a.trim_start_matches('-').to_string(),
        ]);
        out.push(vec!["math_gcd".into(), format!("{a},{b}")]);
        out.push(vec!["math_lcm".into(), format!("{a},{b}")]);
        if r.chance(10) {
            out.push(vec![
                "mt_state".into(),
                a.trim_start_matches('-').to_string(),
                r.below(700).to_string(),
            ]);
            out.push(vec!["mt_random".into(), a.clone(), "3".into()]);
            out.push(vec![
                "mt_getrandbits".into(),
                a,
                (1 + r.below(200)).to_string(),
            ]);
        }
    }
    out
}

fn python_is_311() -> bool {
    Command::new("python3")
        .args([
            "-c",
            "import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)",
        ])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn printable_table_matches_live_cpython() {
    if !python_is_311() {
        eprintln!("skipped: needs `python3` 3.11 as the oracle");
        return;
    }
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys; print(' '.join(str(c) for c in range(sys.maxunicode + 1) \
             if not 0xd800 <= c < 0xe000 and not chr(c).isprintable()))",
        ])
        .output()
        .expect("python3 runs");
    let want: Vec<u32> = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .split_whitespace()
        .map(|x| x.parse().expect("int"))
        .collect();
    let got: Vec<u32> = (0..=0x10_ffffu32)
        .filter_map(char::from_u32)
        .filter(|c| !pyvm::str_repr::is_printable(*c))
        .map(|c| c as u32)
        .collect();
    assert_eq!(got.len(), want.len());
    assert!(
        got == want,
        "is_printable differs from Python's str.isprintable"
    );
}

#[test]
fn character_classes_match_live_cpython() {
    if !python_is_311() {
        eprintln!("skipped: needs `python3` 3.11 as the oracle");
        return;
    }
    for (method, class) in [
        ("isdecimal", pyvm::str_class::is_decimal as fn(char) -> bool),
        ("isdigit", pyvm::str_class::is_digit),
        ("isnumeric", pyvm::str_class::is_numeric),
        ("isalpha", pyvm::str_class::is_alpha),
        ("isalnum", pyvm::str_class::is_alnum),
        ("isidentifier", |c: char| {
            pyvm::str_class::str_is_identifier(&c.to_string())
        }),
        ("isidentifier_continue", |c: char| {
            pyvm::str_class::str_is_identifier(&format!("a{c}"))
        }),
    ] {
        let test = match method {
            "isidentifier_continue" => "('a' + chr(c)).isidentifier()".to_string(),
            m => format!("chr(c).{m}()"),
        };
        let code = format!(
            "import sys; print(' '.join(str(c) for c in range(sys.maxunicode + 1) \
             if not 0xd800 <= c < 0xe000 and {test}))"
        );
        let out = Command::new("python3")
            .args(["-c", &code])
            .output()
            .expect("python3 runs");
        let want: Vec<u32> = String::from_utf8(out.stdout)
            .expect("UTF-8")
            .split_whitespace()
            .map(|x| x.parse().expect("int"))
            .collect();
        let got: Vec<u32> = (0..=0x10_ffffu32)
            .filter_map(char::from_u32)
            .filter(|c| class(*c))
            .map(|c| c as u32)
            .collect();
        assert!(got == want, "str.{method} differs from Python's");
    }
}

#[test]
fn case_mappings_match_live_cpython() {
    if !python_is_311() {
        eprintln!("skipped: needs `python3` 3.11 as the oracle");
        return;
    }
    let code = "import sys\n\
        for c in range(sys.maxunicode + 1):\n\
        \x20   if 0xd800 <= c < 0xe000: continue\n\
        \x20   s = chr(c)\n\
        \x20   m = (s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase())\n\
        \x20   f = (s.isupper(), s.islower(), s.istitle())\n\
        \x20   if any(t != s for t in m) or any(f):\n\
        \x20       print(c, *(','.join(str(ord(x)) for x in t) for t in m), *(int(b) for b in f))\n";
    let out = Command::new("python3")
        .args(["-c", code])
        .output()
        .expect("python3 runs");
    let want = String::from_utf8(out.stdout).expect("UTF-8");
    let codes = |t: &str| {
        t.chars()
            .map(|c| (c as u32).to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut got = String::new();
    for c in (0..=0x10_ffffu32).filter_map(char::from_u32) {
        use pyvm::str_case::*;
        let s = c.to_string();
        let m = [
            upper(&s),
            lower(&s),
            casefold(&s),
            title(&s),
            capitalize(&s),
            swapcase(&s),
        ];
        let f = [str_is_upper(&s), str_is_lower(&s), str_is_title(&s)];
        if m.iter().any(|t| *t != s) || f.iter().any(|b| *b) {
            let cols: Vec<String> = m.iter().map(|t| codes(t)).collect();
            let flags: Vec<String> = f.iter().map(|b| u8::from(*b).to_string()).collect();
            got.push_str(&format!(
                "{} {} {}\n",
                c as u32,
                cols.join(" "),
                flags.join(" ")
            ));
        }
    }
    let (want_lines, got_lines): (Vec<&str>, Vec<&str>) =
        (want.lines().collect(), got.lines().collect());
    let extra: Vec<_> = got_lines
        .iter()
        .filter(|l| !want_lines.contains(l))
        .take(40)
        .collect();
    let missing: Vec<_> = want_lines
        .iter()
        .filter(|l| !got_lines.contains(l))
        .take(40)
        .collect();
    assert!(
        want == got,
        "case data differs from Python's: extra {extra:?}, missing {missing:?}"
    );
}

#[test]
fn agrees_with_live_cpython() {
    if !python_is_311() {
        eprintln!("skipped: needs `python3` 3.11 as the oracle (golden files still run)");
        return;
    }
    let seed = std::env::var("PYVM_ORACLE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_121);
    let per_kind = std::env::var("PYVM_ORACLE_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let mut rng = Rng(seed | 1);
    let cases = cases(&mut rng, per_kind);
    let input: String = cases
        .iter()
        .map(|c| c.iter().map(|f| esc(f)).collect::<Vec<_>>().join("\t") + "\n")
        .collect();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/oracle.py");
    let mut child = Command::new("python3")
        .arg(script)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write cases");
    let output = child.wait_with_output().expect("oracle output");
    assert!(
        output.status.success(),
        "oracle failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answers: Vec<String> = String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(unesc)
        .collect();
    assert_eq!(answers.len(), cases.len(), "one answer per case");
    let mut failures = Vec::new();
    for (case, want) in cases.iter().zip(&answers) {
        if want.starts_with("skip:") {
            continue;
        }
        let got = run_case(case);
        if &got != want {
            failures.push(format!(
                "{}\n   want {}\n   got  {}",
                esc(&case.join(" | ")),
                esc(want),
                esc(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "seed {seed}: {} of {} cases differ from CPython:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
