//! The corpus on disk: finding cases and naming them.
//!
//! A case is either `cases/<area>/<name>.py` (run with `cases/<area>/` as the
//! working directory) or a directory `cases/<area>/<name>/` holding `main.py`
//! (run with that directory as the working directory, hence `sys.path[0]`).
//! Its expectation is the sibling file `cases/<area>/<name>.expected`.
//! Entries whose name starts with `.` or `_` are not cases (`__pycache__`).
//! `regen.py` follows the same rules; keep the two in step.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// The name of a case, `area/name`: how lists, reports and JSON refer to it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CaseId {
    area: String,
    name: String,
}

impl CaseId {
    /// A case id from its area and name.
    pub fn new(area: impl Into<String>, name: impl Into<String>) -> Self {
        CaseId {
            area: area.into(),
            name: name.into(),
        }
    }

    /// Parses `area/name`; `None` unless there is exactly one `/` with text on
    /// both sides.
    pub fn parse(text: &str) -> Option<Self> {
        let (area, name) = text.split_once('/')?;
        if area.is_empty() || name.is_empty() || name.contains('/') {
            return None;
        }
        Some(CaseId::new(area, name))
    }

    /// The area (a directory under `cases/`).
    pub fn area(&self) -> &str {
        &self.area
    }

    /// The case's name within its area.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for CaseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.area, self.name)
    }
}

/// One program of the corpus and where to run it.
#[derive(Clone, Debug)]
pub struct Case {
    /// Its `area/name`.
    pub id: CaseId,
    /// The script, relative to `workdir` (`name.py` or `main.py`).
    pub script: PathBuf,
    /// The working directory to run the script in.
    pub workdir: PathBuf,
    /// The `.expected` file holding CPython's output.
    pub expected: PathBuf,
}

/// Which cases to select from the corpus.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only these areas (all when empty).
    pub areas: Vec<String>,
    /// Only these cases (all when empty).
    pub cases: Vec<CaseId>,
}

impl Selection {
    fn wants_area(&self, area: &str) -> bool {
        self.areas.is_empty() || self.areas.iter().any(|a| a == area)
    }

    fn wants_case(&self, id: &CaseId) -> bool {
        self.cases.is_empty() || self.cases.contains(id)
    }
}

/// Lists the corpus under `root` (the `cases/` directory), sorted by area and
/// name, keeping what `selection` asks for.
pub fn discover_cases(root: &Path, selection: &Selection) -> io::Result<Vec<Case>> {
    let mut cases = Vec::new();
    for area_dir in sorted_entries(root)? {
        if !area_dir.is_dir() {
            continue;
        }
        let area = file_name(&area_dir);
        if area.starts_with(['.', '_']) || !selection.wants_area(&area) {
            continue;
        }
        for entry in sorted_entries(&area_dir)? {
            let name = file_name(&entry);
            if name.starts_with(['.', '_']) {
                continue;
            }
            let case = if entry.is_file() && name.ends_with(".py") {
                let stem = name.trim_end_matches(".py").to_owned();
                Case {
                    id: CaseId::new(area.clone(), stem.clone()),
                    script: PathBuf::from(&name),
                    workdir: area_dir.clone(),
                    expected: area_dir.join(format!("{stem}.expected")),
                }
            } else if entry.is_dir() && entry.join("main.py").is_file() {
                Case {
                    id: CaseId::new(area.clone(), name.clone()),
                    script: PathBuf::from("main.py"),
                    workdir: entry.clone(),
                    expected: area_dir.join(format!("{name}.expected")),
                }
            } else {
                continue;
            };
            if selection.wants_case(&case.id) {
                cases.push(case);
            }
        }
    }
    Ok(cases)
}

fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<Vec<_>>>()?;
    entries.sort();
    Ok(entries)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The `cases/` directory shipped with this crate.
pub fn bundled_cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_id_parses_area_slash_name_only() {
        let id = CaseId::parse("scope/nonlocal").unwrap();
        assert_eq!((id.area(), id.name()), ("scope", "nonlocal"));
        assert_eq!(id.to_string(), "scope/nonlocal");
        assert!(CaseId::parse("scope").is_none());
        assert!(CaseId::parse("/x").is_none());
        assert!(CaseId::parse("a/b/c").is_none());
    }

    #[test]
    fn discovery_finds_files_and_directories_and_skips_helpers() {
        let root = crate::testutil::temp_dir("discover");
        let area = root.join("imports");
        std::fs::create_dir_all(area.join("pkg_case/pkg")).unwrap();
        std::fs::create_dir_all(area.join("__pycache__")).unwrap();
        std::fs::create_dir_all(area.join("not_a_case")).unwrap();
        std::fs::write(area.join("pkg_case/main.py"), "").unwrap();
        std::fs::write(area.join("pkg_case/pkg/__init__.py"), "").unwrap();
        std::fs::write(area.join("b_single.py"), "").unwrap();
        std::fs::write(area.join("_helper.py"), "").unwrap();
        std::fs::write(area.join("b_single.expected"), "").unwrap();
        std::fs::create_dir_all(root.join("grammar")).unwrap();
        std::fs::write(root.join("grammar/a.py"), "").unwrap();

        let all = discover_cases(&root, &Selection::default()).unwrap();
        let ids: Vec<String> = all.iter().map(|c| c.id.to_string()).collect();
        assert_eq!(ids, ["grammar/a", "imports/b_single", "imports/pkg_case"]);
        assert_eq!(all[2].script, PathBuf::from("main.py"));
        assert_eq!(all[2].workdir, area.join("pkg_case"));
        assert_eq!(all[2].expected, area.join("pkg_case.expected"));
        assert_eq!(all[1].workdir, area);

        let only = Selection {
            areas: vec!["imports".into()],
            cases: vec![CaseId::new("imports", "pkg_case")],
        };
        let some = discover_cases(&root, &only).unwrap();
        assert_eq!(some.len(), 1);
        assert_eq!(some[0].id.name(), "pkg_case");
    }
}
