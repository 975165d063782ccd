//! Expected-failure lists: `xfail/<mode>.txt`, one case per line with the
//! reason after `#`.
//!
//! ```text
//! # comment lines and blank lines are ignored
//! generators/throw_into_suspended   # generator.throw not implemented yet
//! ```
//!
//! The lists are strict: a listed case that passes is an `xpass`, which fails
//! the run until the line is removed, so a list never hides progress.

use std::collections::BTreeMap;

use crate::case::CaseId;

/// Cases expected to fail in one mode, each with its reason.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct XfailList {
    entries: BTreeMap<CaseId, String>,
}

impl XfailList {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses the text form; every entry needs a reason, every case appears once.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut entries = BTreeMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (case, reason) = match line.split_once('#') {
                Some((c, r)) => (c.trim(), r.trim()),
                None => (line, ""),
            };
            let at = i + 1;
            let id = CaseId::parse(case)
                .ok_or_else(|| format!("line {at}: {case:?} is not area/name"))?;
            if reason.is_empty() {
                return Err(format!("line {at}: {id} has no reason after `#`"));
            }
            if entries.insert(id.clone(), reason.to_owned()).is_some() {
                return Err(format!("line {at}: {id} is listed twice"));
            }
        }
        Ok(XfailList { entries })
    }

    /// The reason a case is expected to fail, if it is listed.
    pub fn reason(&self, id: &CaseId) -> Option<&str> {
        self.entries.get(id).map(String::as_str)
    }

    /// Listed cases, sorted.
    pub fn cases(&self) -> impl Iterator<Item = &CaseId> {
        self.entries.keys()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries_with_reasons_and_skips_comments() {
        let list = XfailList::parse(
            "# header\n\ngrammar/walrus   # := not parsed yet\n  scope/global_decl#needs globals\n",
        )
        .unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(
            list.reason(&CaseId::new("grammar", "walrus")),
            Some(":= not parsed yet")
        );
        assert_eq!(
            list.reason(&CaseId::new("scope", "global_decl")),
            Some("needs globals")
        );
        assert_eq!(list.reason(&CaseId::new("scope", "other")), None);
    }

    #[test]
    fn rejects_entries_without_reason_duplicates_and_bad_names() {
        assert!(
            XfailList::parse("grammar/x\n")
                .unwrap_err()
                .contains("no reason")
        );
        assert!(
            XfailList::parse("grammar/x # a\ngrammar/x # b\n")
                .unwrap_err()
                .contains("twice")
        );
        assert!(
            XfailList::parse("grammar # a\n")
                .unwrap_err()
                .contains("area/name")
        );
    }
}
