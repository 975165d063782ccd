//! `sys.path` entries that are files (zip archives: `lib.zip`, `app.pyz`)
//! are searched through `sys.path_hooks` and `sys.path_importer_cache`,
//! as CPython's `PathFinder` does; directories stay with the native search
//! (`find.rs`). The front (`frozen_importlib.py`) puts
//! `zipimport.zipimporter` in `sys.path_hooks` ahead of the `FileFinder`
//! hook, so the hooks are only asked once a file entry is met.

use pyvm_objmodel::Value;

use super::find::{Found, find_in};
use crate::runtime::exception::PyResult;
use crate::runtime::heap::Vm;
use crate::runtime::layout::Kind;
use crate::runtime::types::TypeId;

thread_local! {
    /// Set while a path hook runs: the imports it makes (`zipimport`
    /// itself) skip file entries instead of asking the hooks again.
    static IN_HOOK: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether `entry` names a file or a place inside one (`lib.zip`,
/// `lib.zip/pkg`), and no path hook is running.
pub(super) fn is_file_entry(entry: &str) -> bool {
    if entry.is_empty() || IN_HOOK.with(|f| f.get()) {
        return false;
    }
    let p = std::path::Path::new(entry);
    if p.is_dir() {
        return false;
    }
    p.ancestors()
        .any(|a| !a.as_os_str().is_empty() && a.is_file())
}

impl Vm {
    /// The search of `dirs` (some of them files) for module `name`:
    /// directories natively, files through their path-entry finder; the
    /// first module or package found wins, namespace portions gather.
    pub(super) fn find_spec_with_hooks(&mut self, name: &str, dirs: &[String]) -> PyResult<Value> {
        let last = name.rsplit('.').next().unwrap_or(name);
        let mut portions = Vec::new();
        let mut run: Vec<String> = Vec::new();
        for (i, entry) in dirs.iter().enumerate() {
            let file = is_file_entry(entry);
            if !file {
                run.push(entry.clone());
            }
            if !run.is_empty() && (file || i + 1 == dirs.len()) {
                match find_in(last, &run) {
                    Some(Found::Namespace(p)) => portions.extend(p),
                    Some(found) => return self.spec_for_found(name, found),
                    None => {}
                }
                run.clear();
            }
            if file {
                let spec = self.entry_find_spec(name, entry)?;
                if !spec.is_none() {
                    return Ok(spec);
                }
            }
        }
        if portions.is_empty() {
            return Ok(Value::NONE);
        }
        self.spec_for_found(name, Found::Namespace(portions))
    }

    /// `finder.find_spec(name)` of the path-entry finder for `entry`; a
    /// spec without a loader (a namespace portion) counts as not found.
    fn entry_find_spec(&mut self, name: &str, entry: &str) -> PyResult<Value> {
        let finder = self.path_entry_finder(entry)?;
        if finder.is_none() {
            return Ok(Value::NONE);
        }
        let fi = self.push_temp(finder);
        let r = (|| {
            let Some(f) = self.attr_str(self.temp(fi), "find_spec")? else {
                return Ok(Value::NONE);
            };
            let mi = self.push_temp(f);
            let n = self.new_str(name)?;
            let spec = self.call_value(self.temp(mi), &[n])?;
            if spec.is_none() {
                return Ok(spec);
            }
            let si = self.push_temp(spec);
            let loader = self.attr_str(self.temp(si), "loader")?;
            Ok(match loader {
                Some(l) if !l.is_none() => self.temp(si),
                _ => Value::NONE,
            })
        })();
        self.pop_temps(fi);
        r
    }

    /// CPython's `PathFinder._path_importer_cache(entry)`: the cached
    /// finder, or the first `sys.path_hooks` entry that accepts `entry`
    /// (an ImportError means "not mine"); None when none does.
    fn path_entry_finder(&mut self, entry: &str) -> PyResult<Value> {
        let mark = self.temps_len();
        let r = (|| {
            let key = self.new_str(entry)?;
            self.push_temp(key);
            let cache = self.sys_attr("path_importer_cache")?;
            let cache = match cache {
                Some(c) if self.kind_of(c) == Some(Kind::Dict) => Some(c),
                _ => None,
            };
            if let Some(c) = cache
                && let Some(f) = self.dict_get(c, self.temp(mark))?
            {
                return Ok(f);
            }
            // The front installs the hooks (zipimporter first).
            self.import_front()?;
            let hooks = match self.sys_attr("path_hooks")? {
                Some(h) => self.collect_iterable(h)?,
                None => Vec::new(),
            };
            let hi = self.temps_len();
            self.roots().temps.extend_from_slice(&hooks);
            let mut finder = Value::NONE;
            for i in 0..hooks.len() {
                let outer = IN_HOOK.with(|f| f.replace(true));
                let r = self.call_value(self.temp(hi + i), &[self.temp(mark)]);
                IN_HOOK.with(|f| f.set(outer));
                match r {
                    Ok(f) => {
                        finder = f;
                        break;
                    }
                    Err(e) => {
                        let exc = self.raised();
                        if self.exc_matches(exc, TypeId::ImportError) {
                            self.take_raised();
                            continue;
                        }
                        return Err(e);
                    }
                }
            }
            let fi = self.push_temp(finder);
            if let Some(c) = self.sys_attr("path_importer_cache")?
                && self.kind_of(c) == Some(Kind::Dict)
            {
                self.dict_set(c, self.temp(mark), self.temp(fi))?;
            }
            Ok(self.temp(fi))
        })();
        self.pop_temps(mark);
        r
    }
}
