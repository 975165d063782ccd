//! Target selection: the host ISA with its detected CPU features, or an
//! explicit target triple for ahead-of-time / cross compilation.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use cranelift_codegen::isa::{self, OwnedTargetIsa};
use cranelift_codegen::settings::{self, Configurable};
use target_lexicon::Triple;

/// Why a target ISA could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsaError(pub String);

impl fmt::Display for IsaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot build target ISA: {}", self.0)
    }
}

impl std::error::Error for IsaError {}

/// Shared Cranelift flags for traces: optimise for speed, keep frame
/// pointers (so `perf` can walk through compiled traces), verify the
/// generated IR in debug builds.
fn build_flags() -> Result<settings::Flags, IsaError> {
    let mut flags = settings::builder();
    let set = |flags: &mut settings::Builder, name: &str, value: &str| {
        flags
            .set(name, value)
            .map_err(|e| IsaError(format!("setting {name}={value}: {e}")))
    };
    set(&mut flags, "opt_level", "speed")?;
    set(&mut flags, "preserve_frame_pointers", "true")?;
    set(&mut flags, "unwind_info", "false")?;
    set(
        &mut flags,
        "enable_verifier",
        if cfg!(debug_assertions) {
            "true"
        } else {
            "false"
        },
    )?;
    Ok(settings::Flags::new(flags))
}

/// The ISA of the machine we are running on, with the CPU features
/// (SSE4.2, AVX, BMI, LSE, ...) detected by `cranelift-native`.
pub fn host_isa() -> Result<OwnedTargetIsa, IsaError> {
    let builder = cranelift_native::builder().map_err(|e| IsaError(e.to_string()))?;
    builder
        .finish(build_flags()?)
        .map_err(|e| IsaError(e.to_string()))
}

/// The ISA named by a target triple such as `"aarch64-unknown-linux-gnu"`,
/// with baseline CPU features. Code built for a foreign triple can be
/// inspected (size, disassembly) but not run.
pub fn isa_for_triple(triple: &str) -> Result<OwnedTargetIsa, IsaError> {
    let triple = Triple::from_str(triple).map_err(|e| IsaError(e.to_string()))?;
    let builder = isa::lookup(triple).map_err(|e| IsaError(e.to_string()))?;
    builder
        .finish(build_flags()?)
        .map_err(|e| IsaError(e.to_string()))
}

/// Whether code built for `isa` can run on this machine.
pub fn is_host(isa: &Arc<dyn isa::TargetIsa>) -> bool {
    isa.triple().architecture == Triple::host().architecture
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_isa_matches_the_running_machine() {
        let isa = host_isa().unwrap();
        assert!(is_host(&isa));
        assert_eq!(isa.pointer_bits(), 64);
    }

    #[test]
    fn aarch64_is_available_from_any_host() {
        let isa = isa_for_triple("aarch64-unknown-linux-gnu").unwrap();
        assert_eq!(isa.name(), "aarch64");
    }

    #[test]
    fn bad_triple_is_an_error_not_a_panic() {
        assert!(isa_for_triple("no-such-cpu-at-all").is_err());
    }
}
