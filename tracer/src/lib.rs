//! Trace recorder, trace IR and optimizer for tracing JITs.
//!
//! **Not built yet.** It will hold a typed SSA trace IR defined in one table, a recorder API a VM's interpreter drives, guards with snapshots, trace trees with side exits, and optimizer passes with filetests. It knows nothing of Python.
//!
//! The work is tracked in issue 8. Until it lands this crate exports
//! nothing, so nothing can depend on behaviour that does not exist.
