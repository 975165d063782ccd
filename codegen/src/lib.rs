//! Cranelift backend for the trace IR of `pyvm-tracer`.
//!
//! **Not built yet.** It will lower optimized traces to machine code for the host ISA (chosen through target-lexicon and cranelift-native), with exit stubs, inline write barriers and a code cache with safe reclamation.
//!
//! The work is tracked in issue 8. Until it lands this crate exports
//! nothing, so nothing can depend on behaviour that does not exist.
