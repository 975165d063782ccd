//! Name resolution (CPython's `analyze_block`): every symbol gets its
//! [`SymScope`], cells and free variables are computed bottom-up.

use std::collections::HashSet;

use super::{Scope, ScopeError, ScopeId, ScopeKind, SymScope, err, flag};

/// Python's private name mangling: inside class `C`, `__x` becomes `_C__x`
/// (not dunder names, not dotted names, not when the class name is all
/// underscores).
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// Resolves every symbol of every scope (CPython's `analyze_block`).
pub(super) fn analyze(scopes: &mut [Scope]) -> Result<(), ScopeError> {
    let mut free = HashSet::new();
    analyze_block(scopes, ScopeId(0), None, &mut free, &HashSet::new())
}

fn analyze_block(
    scopes: &mut [Scope],
    id: ScopeId,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &HashSet<String>,
) -> Result<(), ScopeError> {
    let kind = scopes[id.0 as usize].kind;
    let mut local = HashSet::new();
    let mut bound_here: HashSet<String> = bound.cloned().unwrap_or_default();
    let mut global_here = global.clone();
    let mut resolved = Vec::new();
    for sym in &scopes[id.0 as usize].symbols {
        let name = &sym.name;
        let f = sym.flags;
        let scope = if f & flag::GLOBAL != 0 {
            global_here.insert(name.clone());
            bound_here.remove(name);
            SymScope::GlobalExplicit
        } else if f & flag::NONLOCAL != 0 {
            if !bound.is_some_and(|b| b.contains(name)) {
                let msg = format!("no binding for nonlocal '{name}' found");
                let range = scopes[id.0 as usize]
                    .decl_ranges
                    .get(name)
                    .copied()
                    .unwrap_or_default();
                return Err(err(msg, range));
            }
            free.insert(name.clone());
            SymScope::Free
        } else if f & flag::BOUND != 0 {
            local.insert(name.clone());
            global_here.remove(name);
            SymScope::Local
        } else if bound.is_some_and(|b| b.contains(name)) {
            free.insert(name.clone());
            SymScope::Free
        } else {
            SymScope::GlobalImplicit
        };
        resolved.push(scope);
    }
    for (sym, scope) in scopes[id.0 as usize].symbols.iter_mut().zip(resolved) {
        sym.scope = scope;
    }
    // What children see.
    let (child_bound, child_global) = if kind == ScopeKind::Class {
        let mut b = bound.cloned().unwrap_or_default();
        b.insert("__class__".to_string());
        (Some(b), global.clone())
    } else {
        let mut b = bound_here.clone();
        if kind != ScopeKind::Module {
            b.extend(local.iter().cloned());
        }
        let mut g = global_here.clone();
        g.extend(global.iter().cloned());
        (
            if kind == ScopeKind::Module {
                None
            } else {
                Some(b)
            },
            g,
        )
    };
    let mut all_free = HashSet::new();
    for child in scopes[id.0 as usize].children.clone() {
        let mut child_free = HashSet::new();
        analyze_block(
            scopes,
            child,
            child_bound.as_ref(),
            &mut child_free,
            &child_global,
        )?;
        all_free.extend(child_free);
    }
    let scope = &mut scopes[id.0 as usize];
    match kind {
        ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => {
            for sym in scope.symbols.iter_mut() {
                if sym.scope == SymScope::Local && all_free.remove(&sym.name) {
                    sym.scope = SymScope::Cell;
                }
            }
        }
        ScopeKind::Class => {
            if all_free.remove("__class__") {
                scope.needs_class_closure = true;
            }
        }
        ScopeKind::Module => {}
    }
    // Names free in children pass through this scope.
    let mut pass: Vec<&String> = all_free.iter().collect();
    pass.sort();
    for name in pass {
        match scope.index.get(name.as_str()) {
            Some(&i) => {
                let sym = &mut scope.symbols[i];
                if kind == ScopeKind::Class && sym.flags & (flag::BOUND | flag::GLOBAL) != 0 {
                    sym.flags |= flag::FREE_CLASS;
                } else if sym.scope == SymScope::GlobalImplicit {
                    sym.scope = SymScope::Free;
                }
            }
            None => {
                if kind != ScopeKind::Module {
                    scope.add(name, 0);
                    let last = scope.symbols.len() - 1;
                    scope.symbols[last].scope = SymScope::Free;
                }
            }
        }
    }
    free.extend(all_free);
    Ok(())
}
