//! Property test of the trace manager: random sequences of loop headers,
//! exits, recordings (installed or aborted) and retirements keep its
//! promises: it runs only installed traces, never starts a second recording,
//! respects the side-trace depth limit, and stops recording blacklisted
//! loops.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use pyvm_tracer::{
    AbortReason, ExitAction, JitParams, LoopAction, Op, RecordLimits, Recorder, SnapId, Trace,
    TraceId, TraceManager, Type,
};

#[derive(Clone, Debug)]
enum Event {
    Header(u8),
    Exit(u8, u8),
    Retire(u8),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        4 => (0u8..3).prop_map(Event::Header),
        4 => (any::<u8>(), 0u8..2).prop_map(|(t, e)| Event::Exit(t, e)),
        1 => any::<u8>().prop_map(Event::Retire),
    ]
}

/// A trace with two guards (exits 0 and 1) plus the closing link.
fn finish(mut r: Recorder, link_to: Option<TraceId>) -> Result<Trace, AbortReason> {
    let x = r.slot(0, Type::I64);
    let k = r.kint(10);
    let c = r.emit(Op::Lt, Type::Bool, &[x, k]);
    r.guard_bool(c, true);
    r.set_pc(1);
    let d = r.emit(Op::Gt, Type::Bool, &[x, k]);
    r.guard_bool(d, false);
    match link_to {
        None => r.close_loop(),
        Some(t) => r.link_to(t),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn manager_keeps_its_promises(events in prop::collection::vec((event(), any::<bool>()), 1..80)) {
        let params = JitParams {
            hot_loop: 2,
            hot_exit: 2,
            max_aborts: 2,
            max_side_depth: 2,
            limits: RecordLimits::default(),
        };
        let mut m: TraceManager<u8> = TraceManager::new(params);
        let mut installed: HashMap<TraceId, (Trace, u32)> = HashMap::new();
        let mut root_of: HashMap<u8, TraceId> = HashMap::new();
        let mut aborts: HashMap<u8, u32> = HashMap::new();
        let mut retired: HashSet<TraceId> = HashSet::new();
        for (ev, succeed) in events {
            prop_assert!(!m.is_recording());
            match ev {
                Event::Header(key) => match m.at_loop_header(&key) {
                    LoopAction::Run(id) => {
                        prop_assert!(installed.contains_key(&id), "runs {id:?}, not installed");
                        prop_assert_eq!(root_of.get(&key), Some(&id));
                    }
                    LoopAction::Record => {
                        prop_assert!(aborts.get(&key).copied().unwrap_or(0) < params.max_aborts);
                        prop_assert!(!root_of.contains_key(&key));
                        let r = m.start_root(&key, 0);
                        if succeed {
                            let t = finish(r, None).unwrap();
                            m.install(&t);
                            root_of.insert(key, t.id);
                            installed.insert(t.id, (t, 0));
                        } else {
                            m.abort(AbortReason::Vm("test".into()));
                            *aborts.entry(key).or_default() += 1;
                        }
                    }
                    LoopAction::Interpret => {}
                },
                Event::Exit(pick, exit) => {
                    let mut ids: Vec<TraceId> = installed.keys().copied().collect();
                    ids.sort();
                    if ids.is_empty() {
                        continue;
                    }
                    let id = ids[pick as usize % ids.len()];
                    let (parent, depth) = installed[&id].clone();
                    let exit = exit as usize % parent.snap_count();
                    match m.at_exit(id, SnapId(exit as u32)) {
                        ExitAction::Run(side) => {
                            prop_assert!(installed.contains_key(&side));
                            prop_assert_eq!(installed[&side].0.parent, Some((id, SnapId(exit as u32))));
                        }
                        ExitAction::Record => {
                            prop_assert!(depth < params.max_side_depth);
                            let r = m.start_side(&parent, SnapId(exit as u32));
                            if succeed {
                                let root = root_of.values().next().copied().unwrap_or(id);
                                let t = finish(r, Some(root)).unwrap();
                                prop_assert_eq!(t.parent, Some((id, SnapId(exit as u32))));
                                m.install(&t);
                                prop_assert_eq!(m.trace_info(t.id).unwrap().depth, depth + 1);
                                installed.insert(t.id, (t, depth + 1));
                            } else {
                                m.abort(AbortReason::TooLong);
                            }
                        }
                        ExitAction::Interpret => {}
                    }
                }
                Event::Retire(pick) => {
                    let mut ids: Vec<TraceId> = installed.keys().copied().collect();
                    ids.sort();
                    if ids.is_empty() {
                        continue;
                    }
                    let id = ids[pick as usize % ids.len()];
                    let gone = m.retire(id);
                    prop_assert_eq!(gone.first(), Some(&id));
                    for g in gone {
                        prop_assert!(installed.remove(&g).is_some());
                        prop_assert!(retired.insert(g), "retired twice");
                        root_of.retain(|_, r| *r != g);
                    }
                    // Side traces whose parent is gone went with it.
                    for (t, _) in installed.values() {
                        if let Some((p, _)) = t.parent {
                            prop_assert!(installed.contains_key(&p));
                        }
                    }
                }
            }
        }
    }
}
