//! Execution modes: the switches that put pyvm into each of its configurations.
//!
//! Other interpreters receive the same switches; CPython ignores unknown `-X`
//! options and unknown environment variables, so every mode runs there too.

use std::fmt;
use std::str::FromStr;

/// A configuration of the interpreter under test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// No switches.
    Default,
    /// The interpreter alone: `-X jit=off`.
    JitOff,
    /// Compile at the first iteration and take side exits eagerly: `-X jit=eager`.
    JitEager,
    /// Collect (moving everything) every N allocations: `PYVM_GC_STRESS`.
    GcStress,
}

/// The allocation period used by the GC stress mode.
pub const GC_STRESS_PERIOD: u32 = 1000;

impl Mode {
    /// Every mode, in the order reports list them.
    pub const ALL: [Mode; 4] = [Mode::Default, Mode::JitOff, Mode::JitEager, Mode::GcStress];

    /// The name used on the command line and for `xfail/<name>.txt`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Default => "default",
            Mode::JitOff => "jit-off",
            Mode::JitEager => "jit-eager",
            Mode::GcStress => "gc-stress",
        }
    }

    /// Interpreter arguments placed before the script.
    pub fn interpreter_args(self) -> Vec<String> {
        match self {
            Mode::Default | Mode::GcStress => vec![],
            Mode::JitOff => vec!["-X".into(), "jit=off".into()],
            Mode::JitEager => vec!["-X".into(), "jit=eager".into()],
        }
    }

    /// Environment variables added for this mode.
    pub fn extra_env(self) -> Vec<(String, String)> {
        match self {
            Mode::GcStress => vec![("PYVM_GC_STRESS".into(), GC_STRESS_PERIOD.to_string())],
            _ => vec![],
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Mode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Mode::ALL
            .into_iter()
            .find(|m| m.name() == s)
            .ok_or_else(|| format!("unknown mode {s:?} (default, jit-off, jit-eager, gc-stress)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_switches_match_pyvm() {
        for m in Mode::ALL {
            assert_eq!(m.name().parse::<Mode>().unwrap(), m);
        }
        assert!("turbo".parse::<Mode>().is_err());
        assert_eq!(Mode::JitOff.interpreter_args(), ["-X", "jit=off"]);
        assert_eq!(Mode::JitEager.interpreter_args(), ["-X", "jit=eager"]);
        assert_eq!(Mode::GcStress.extra_env()[0].0, "PYVM_GC_STRESS");
        assert!(
            Mode::Default.interpreter_args().is_empty() && Mode::Default.extra_env().is_empty()
        );
    }
}
