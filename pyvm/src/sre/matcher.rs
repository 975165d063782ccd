//! The backtracking matcher: runs a compiled Python 3.11 regular-expression
//! program (`re._compiler._code`) against a subject string.
//!
//! The matcher is written as a recursive interpreter in continuation style:
//! `run(pc, pos)` executes the program from `pc` to a `SUCCESS` and returns
//! the end position, trying alternatives (branches, repeat counts) by
//! recursing and undoing group marks through a trail on failure. Deep
//! recursion (one level per iteration of a general repeat) runs on stack
//! segments grown on the heap (`stacker`), so long subjects cannot
//! overflow the Rust stack.

use super::chars::{
    ascii_tolower, in_category, in_charset, is_word, loc_ignore_eq, unicode_tolower,
};
use super::consts::{MAXREPEAT, at, info, op};

/// A subject the matcher can read: a sequence of code points (or bytes).
pub trait Subject {
    /// Number of characters.
    fn len(&self) -> usize;
    /// Character `i` (`i < len()`).
    fn at(&self, i: usize) -> u32;
    /// Whether there are no characters.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Subject for [u8] {
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}

impl Subject for [u32] {
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

/// A general repeat being matched (`REPEAT` … `MAX_UNTIL`/`MIN_UNTIL`).
struct Repeat {
    /// Iterations matched so far (-1 before the first).
    count: i64,
    /// Program index of the `REPEAT` instruction.
    pc: usize,
    /// Position at which the last iteration started (stops empty loops).
    last_pos: Option<usize>,
    /// The enclosing repeat.
    prev: Option<usize>,
}

/// One undo record of the mark trail.
struct Undo {
    index: usize,
    old: Option<usize>,
    lastmark: isize,
    lastindex: isize,
}

/// Matching state for one subject and program.
pub struct Matcher<'a, S: Subject + ?Sized> {
    code: &'a [u32],
    s: &'a S,
    /// The end of the subject as far as matching may look (`endpos`).
    end: usize,
    /// Group marks: `2 * (g - 1)` is the start of group `g`, `+ 1` its end.
    marks: Vec<Option<usize>>,
    lastmark: isize,
    lastindex: isize,
    trail: Vec<Undo>,
    repeats: Vec<Repeat>,
    current: Option<usize>,
    /// `fullmatch`: the top-level `SUCCESS` requires the end of the subject.
    pub match_all: bool,
    /// The next match may not be empty at its start (`findall`, `sub`...
    /// after an empty match).
    pub must_advance: bool,
    attempt_start: usize,
}

impl<'a, S: Subject + ?Sized> Matcher<'a, S> {
    /// A matcher of `code` over `s[..end]`.
    pub fn new(code: &'a [u32], s: &'a S, end: usize) -> Self {
        Matcher {
            code,
            s,
            end: end.min(s.len()),
            marks: Vec::new(),
            lastmark: -1,
            lastindex: -1,
            trail: Vec::new(),
            repeats: Vec::new(),
            current: None,
            match_all: false,
            must_advance: false,
            attempt_start: 0,
        }
    }

    /// The span of group `g` (1-based) after a successful match.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let i = 2 * (g - 1);
        if (i + 1) as isize > self.lastmark {
            return None;
        }
        match (self.marks.get(i), self.marks.get(i + 1)) {
            (Some(Some(a)), Some(Some(b))) => Some((*a, *b)),
            _ => None,
        }
    }

    /// `Match.lastindex` (None when no group closed).
    pub fn lastindex(&self) -> Option<usize> {
        (self.lastindex >= 0).then_some(self.lastindex as usize)
    }

    fn w(&self, i: usize) -> u32 {
        self.code.get(i).copied().unwrap_or(op::FAILURE)
    }

    fn reset(&mut self) {
        self.marks.clear();
        self.lastmark = -1;
        self.lastindex = -1;
        self.trail.clear();
        self.repeats.clear();
        self.current = None;
    }

    /// Matches at exactly `pos`; the end of the match.
    pub fn match_at(&mut self, pos: usize) -> Option<usize> {
        self.reset();
        self.attempt_start = pos;
        if pos > self.end {
            return None;
        }
        self.run(0, pos, true)
    }

    /// Finds the first match starting at `pos` or later: (start, end).
    pub fn search(&mut self, pos: usize) -> Option<(usize, usize)> {
        if pos > self.end {
            return None;
        }
        let (first, info_end) = self.first_char_filter();
        for p in pos..=self.end {
            if let Some(first) = &first
                && (p >= self.end || !self.first_ok(first, self.s.at(p)))
            {
                self.must_advance = false;
                continue;
            }
            self.reset();
            self.attempt_start = p;
            let r = self.run(info_end, p, true);
            self.must_advance = false;
            if let Some(e) = r {
                return Some((p, e));
            }
            // `^` (not multiline) can only match at the beginning.
            if self.w(info_end) == op::AT
                && matches!(self.w(info_end + 1), at::BEGINNING | at::BEGINNING_STRING)
                && info_end > 0
                && self.min_width() > 0
            {
                return None;
            }
        }
        None
    }

    fn min_width(&self) -> u32 {
        if self.w(0) == op::INFO { self.w(3) } else { 0 }
    }

    /// What the first character of a match must be, from the INFO block,
    /// and where matching starts. The INFO block is kept (for its minimum
    /// width check) unless a filter makes it redundant.
    fn first_char_filter(&self) -> (Option<First>, usize) {
        if self.w(0) != op::INFO {
            return (None, 0);
        }
        let flags = self.w(2);
        if flags & info::PREFIX != 0 && self.w(5) > 0 {
            return (Some(First::Literal(self.w(7))), 0);
        }
        if flags & info::CHARSET != 0 {
            return (Some(First::Set(5)), 0);
        }
        (None, 0)
    }

    fn first_ok(&self, f: &First, c: u32) -> bool {
        match *f {
            First::Literal(l) => c == l,
            First::Set(pc) => in_charset(self.code, pc, c),
        }
    }

    fn checkpoint(&self) -> usize {
        self.trail.len()
    }

    fn restore(&mut self, cp: usize) {
        while self.trail.len() > cp {
            let u = self.trail.pop().expect("trail entry");
            self.marks[u.index] = u.old;
            self.lastmark = u.lastmark;
            self.lastindex = u.lastindex;
        }
    }

    fn set_mark(&mut self, i: usize, pos: usize) {
        if self.marks.len() <= i {
            self.marks.resize(i + 1, None);
        }
        self.trail.push(Undo {
            index: i,
            old: self.marks[i],
            lastmark: self.lastmark,
            lastindex: self.lastindex,
        });
        if i & 1 == 1 {
            self.lastindex = (i / 2 + 1) as isize;
        }
        if i as isize > self.lastmark {
            // Marks between the old last mark and this one are unset.
            for j in (self.lastmark + 1) as usize..i {
                self.marks[j] = None;
            }
            self.lastmark = i as isize;
        }
        self.marks[i] = Some(pos);
    }

    /// Whether the single-character instruction at `pc` accepts `c`.
    fn unit_ok(&self, pc: usize, c: u32) -> Option<bool> {
        let a = self.w(pc + 1);
        Some(match self.w(pc) {
            op::ANY => c != '\n' as u32,
            op::ANY_ALL => true,
            op::LITERAL => c == a,
            op::NOT_LITERAL => c != a,
            op::LITERAL_IGNORE => ascii_tolower(c) == a,
            op::NOT_LITERAL_IGNORE => ascii_tolower(c) != a,
            op::LITERAL_UNI_IGNORE => unicode_tolower(c) == a,
            op::NOT_LITERAL_UNI_IGNORE => unicode_tolower(c) != a,
            op::LITERAL_LOC_IGNORE => loc_ignore_eq(a, c),
            op::NOT_LITERAL_LOC_IGNORE => !loc_ignore_eq(a, c),
            op::CATEGORY => in_category(a, c),
            op::IN => in_charset(self.code, pc + 2, c),
            op::IN_IGNORE => in_charset(self.code, pc + 2, ascii_tolower(c)),
            op::IN_UNI_IGNORE => in_charset(self.code, pc + 2, unicode_tolower(c)),
            op::IN_LOC_IGNORE => {
                in_charset(self.code, pc + 2, c)
                    || in_charset(self.code, pc + 2, ascii_tolower(c))
                    || in_charset(self.code, pc + 2, ascii_tolower(c).to_ascii_uppercase_u32())
            }
            _ => return None,
        })
    }

    /// Length of the single-character instruction at `pc`.
    fn unit_len(&self, pc: usize) -> usize {
        match self.w(pc) {
            op::ANY | op::ANY_ALL => 1,
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                1 + self.w(pc + 1) as usize
            }
            _ => 2,
        }
    }

    /// How many times (up to `max`) the repeat body at `pc` matches one
    /// character after another from `pos`.
    fn count(&mut self, pc: usize, pos: usize, max: u32) -> usize {
        let avail = self.end - pos;
        let max = if max == MAXREPEAT {
            avail
        } else {
            (max as usize).min(avail)
        };
        let mut n = 0;
        if self.unit_ok(pc, 0).is_some() && self.w(pc + self.unit_len(pc)) == op::SUCCESS {
            while n < max && self.unit_ok(pc, self.s.at(pos + n)) == Some(true) {
                n += 1;
            }
            return n;
        }
        // A body that is not one plain instruction: match it repeatedly.
        while n < max {
            match self.run(pc, pos + n, false) {
                Some(e) if e == pos + n + 1 => n += 1,
                _ => break,
            }
        }
        n
    }

    fn at_position(&self, code: u32, pos: usize) -> bool {
        let (end, s) = (self.end, self.s);
        let nl = '\n' as u32;
        match code {
            at::BEGINNING | at::BEGINNING_STRING => pos == 0,
            at::BEGINNING_LINE => pos == 0 || s.at(pos - 1) == nl,
            at::END => pos == end || (pos + 1 == end && s.at(pos) == nl),
            at::END_LINE => pos == end || s.at(pos) == nl,
            at::END_STRING => pos == end,
            at::BOUNDARY | at::LOC_BOUNDARY | at::UNI_BOUNDARY => {
                if end == 0 {
                    return false;
                }
                let uni = code == at::UNI_BOUNDARY;
                let that = pos > 0 && is_word(uni, s.at(pos - 1));
                let this = pos < end && is_word(uni, s.at(pos));
                this != that
            }
            at::NON_BOUNDARY | at::LOC_NON_BOUNDARY | at::UNI_NON_BOUNDARY => {
                if end == 0 {
                    return false;
                }
                let uni = code == at::UNI_NON_BOUNDARY;
                let that = pos > 0 && is_word(uni, s.at(pos - 1));
                let this = pos < end && is_word(uni, s.at(pos));
                this == that
            }
            _ => false,
        }
    }

    fn groupref(&self, g: usize, pos: usize, fold: fn(u32) -> u32) -> Option<usize> {
        let (a, b) = self.group_span(g + 1)?;
        if b < a || pos + (b - a) > self.end {
            return None;
        }
        for k in 0..b - a {
            if fold(self.s.at(a + k)) != fold(self.s.at(pos + k)) {
                return None;
            }
        }
        Some(pos + (b - a))
    }

    /// Runs the program from `pc` at `pos` to a `SUCCESS`: the end
    /// position, or `None` when no way through matches.
    fn run(&mut self, pc: usize, pos: usize, toplevel: bool) -> Option<usize> {
        stacker::maybe_grow(32 * 1024, 1024 * 1024, || self.run_inner(pc, pos, toplevel))
    }

    fn run_inner(&mut self, mut pc: usize, mut pos: usize, toplevel: bool) -> Option<usize> {
        loop {
            let opc = self.w(pc);
            match opc {
                op::FAILURE => return None,
                op::SUCCESS => {
                    if toplevel
                        && ((self.match_all && pos != self.end)
                            || (self.must_advance && pos == self.attempt_start))
                    {
                        return None;
                    }
                    return Some(pos);
                }
                op::AT => {
                    if !self.at_position(self.w(pc + 1), pos) {
                        return None;
                    }
                    pc += 2;
                }
                op::INFO => {
                    if ((self.end - pos) as u64) < self.w(pc + 3) as u64 {
                        return None;
                    }
                    pc += 1 + self.w(pc + 1) as usize;
                }
                op::JUMP => pc += 1 + self.w(pc + 1) as usize,
                op::MARK => {
                    self.set_mark(self.w(pc + 1) as usize, pos);
                    pc += 2;
                }
                op::BRANCH => return self.branch(pc, pos, toplevel),
                op::REPEAT_ONE => return self.repeat_one(pc, pos, toplevel),
                op::MIN_REPEAT_ONE => return self.min_repeat_one(pc, pos, toplevel),
                op::POSSESSIVE_REPEAT_ONE => {
                    let (min, max) = (self.w(pc + 2), self.w(pc + 3));
                    if pos as u64 + min as u64 > self.end as u64 {
                        return None;
                    }
                    let n = self.count(pc + 4, pos, max);
                    if (n as u64) < min as u64 {
                        return None;
                    }
                    pos += n;
                    pc += 1 + self.w(pc + 1) as usize;
                }
                op::REPEAT => return self.repeat(pc, pos, toplevel),
                op::MAX_UNTIL => return self.max_until(pc, pos, toplevel),
                op::MIN_UNTIL => return self.min_until(pc, pos, toplevel),
                op::POSSESSIVE_REPEAT => {
                    pos = self.possessive_repeat(pc, pos)?;
                    pc += 1 + self.w(pc + 1) as usize;
                }
                op::ATOMIC_GROUP => {
                    pos = self.run(pc + 2, pos, false)?;
                    pc += 1 + self.w(pc + 1) as usize;
                }
                op::ASSERT => {
                    let back = self.w(pc + 2) as usize;
                    let p = pos.checked_sub(back)?;
                    self.run(pc + 3, p, false)?;
                    pc += 1 + self.w(pc + 1) as usize;
                }
                op::ASSERT_NOT => {
                    let back = self.w(pc + 2) as usize;
                    if let Some(p) = pos.checked_sub(back) {
                        let cp = self.checkpoint();
                        let hit = self.run(pc + 3, p, false).is_some();
                        self.restore(cp);
                        if hit {
                            return None;
                        }
                    }
                    pc += 1 + self.w(pc + 1) as usize;
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    let fold: fn(u32) -> u32 = match opc {
                        op::GROUPREF => |c| c,
                        op::GROUPREF_UNI_IGNORE => unicode_tolower,
                        _ => ascii_tolower,
                    };
                    pos = self.groupref(self.w(pc + 1) as usize, pos, fold)?;
                    pc += 2;
                }
                op::GROUPREF_EXISTS => {
                    let g = self.w(pc + 1) as usize;
                    if self.group_span(g + 1).is_some() {
                        pc += 3;
                    } else {
                        pc += 1 + self.w(pc + 2) as usize;
                    }
                }
                _ => {
                    // A single-character instruction.
                    if pos >= self.end {
                        return None;
                    }
                    match self.unit_ok(pc, self.s.at(pos)) {
                        Some(true) => {
                            pos += 1;
                            pc += self.unit_len(pc);
                        }
                        _ => return None,
                    }
                }
            }
        }
    }

    fn branch(&mut self, pc: usize, pos: usize, toplevel: bool) -> Option<usize> {
        let mut alt = pc + 1;
        while self.w(alt) != 0 {
            let body = alt + 1;
            // Skip alternatives whose first literal cannot match here.
            let hopeless = self.w(body) == op::LITERAL
                && (pos >= self.end || self.s.at(pos) != self.w(body + 1));
            if !hopeless {
                let cp = self.checkpoint();
                if let Some(e) = self.run(body, pos, toplevel) {
                    return Some(e);
                }
                self.restore(cp);
            }
            alt += self.w(alt) as usize;
        }
        None
    }

    /// Whether the tail at `pc` can start with the character at `pos`
    /// (a cheap filter before trying it).
    fn tail_may_match(&self, pc: usize, pos: usize) -> bool {
        if self.w(pc) == op::LITERAL {
            return pos < self.end && self.s.at(pos) == self.w(pc + 1);
        }
        true
    }

    fn repeat_one(&mut self, pc: usize, pos: usize, toplevel: bool) -> Option<usize> {
        let (min, max) = (self.w(pc + 2) as u64, self.w(pc + 3));
        if pos as u64 + min > self.end as u64 {
            return None;
        }
        let tail = pc + 1 + self.w(pc + 1) as usize;
        let mut n = self.count(pc + 4, pos, max) as u64;
        if n < min {
            return None;
        }
        loop {
            let p = pos + n as usize;
            if self.tail_may_match(tail, p) {
                let cp = self.checkpoint();
                if let Some(e) = self.run(tail, p, toplevel) {
                    return Some(e);
                }
                self.restore(cp);
            }
            if n == min {
                return None;
            }
            n -= 1;
        }
    }

    fn min_repeat_one(&mut self, pc: usize, pos: usize, toplevel: bool) -> Option<usize> {
        let (min, max) = (self.w(pc + 2), self.w(pc + 3));
        if pos as u64 + min as u64 > self.end as u64 {
            return None;
        }
        let tail = pc + 1 + self.w(pc + 1) as usize;
        let mut n = 0usize;
        if min > 0 {
            n = self.count(pc + 4, pos, min);
            if n < min as usize {
                return None;
            }
        }
        loop {
            let p = pos + n;
            if self.tail_may_match(tail, p) {
                let cp = self.checkpoint();
                if let Some(e) = self.run(tail, p, toplevel) {
                    return Some(e);
                }
                self.restore(cp);
            }
            if max != MAXREPEAT && n as u64 >= max as u64 {
                return None;
            }
            if self.count(pc + 4, p, 1) != 1 {
                return None;
            }
            n += 1;
        }
    }

    fn repeat(&mut self, pc: usize, pos: usize, toplevel: bool) -> Option<usize> {
        let idx = self.repeats.len();
        self.repeats.push(Repeat {
            count: -1,
            pc,
            last_pos: None,
            prev: self.current,
        });
        self.current = Some(idx);
        let r = self.run(pc + 1 + self.w(pc + 1) as usize, pos, toplevel);
        self.current = self.repeats[idx].prev;
        self.repeats.truncate(idx);
        r
    }

    fn bounds(&self, idx: usize) -> (i64, u32, usize) {
        let rpc = self.repeats[idx].pc;
        (self.w(rpc + 2) as i64, self.w(rpc + 3), rpc + 4)
    }

    fn below_max(count: i64, max: u32) -> bool {
        max == MAXREPEAT || count < max as i64
    }

    fn max_until(&mut self, pc: usize, pos: usize, toplevel: bool) -> Option<usize> {
        let idx = self.current?;
        let (min, max, body) = self.bounds(idx);
        let count = self.repeats[idx].count + 1;
        if count < min {
            self.repeats[idx].count = count;
            let r = self.run(body, pos, toplevel);
            if r.is_none() {
                self.repeats[idx].count = count - 1;
            }
            return r;
        }
        if Self::below_max(count, max) && self.repeats[idx].last_pos != Some(pos) {
            self.repeats[idx].count = count;
            let old = self.repeats[idx].last_pos.replace(pos);
            let cp = self.checkpoint();
            if let Some(e) = self.run(body, pos, toplevel) {
                return Some(e);
            }
            self.restore(cp);
            self.repeats[idx].last_pos = old;
            self.repeats[idx].count = count - 1;
        }
        // Enough iterations: go on with the rest of the pattern.
        self.current = self.repeats[idx].prev;
        let r = self.run(pc + 1, pos, toplevel);
        if r.is_none() {
            self.current = Some(idx);
        }
        r
    }

    fn min_until(&mut self, pc: usize, pos: usize, toplevel: bool) -> Option<usize> {
        let idx = self.current?;
        let (min, max, body) = self.bounds(idx);
        let count = self.repeats[idx].count + 1;
        if count < min {
            self.repeats[idx].count = count;
            let r = self.run(body, pos, toplevel);
            if r.is_none() {
                self.repeats[idx].count = count - 1;
            }
            return r;
        }
        // Try the rest of the pattern first.
        let cp = self.checkpoint();
        self.current = self.repeats[idx].prev;
        if let Some(e) = self.run(pc + 1, pos, toplevel) {
            return Some(e);
        }
        self.current = Some(idx);
        self.restore(cp);
        if !Self::below_max(count, max) || self.repeats[idx].last_pos == Some(pos) {
            return None;
        }
        self.repeats[idx].count = count;
        let old = self.repeats[idx].last_pos.replace(pos);
        let r = self.run(body, pos, toplevel);
        if r.is_none() {
            self.repeats[idx].count = count - 1;
            self.repeats[idx].last_pos = old;
        }
        r
    }

    /// `POSSESSIVE_REPEAT`: the body (ended by `SUCCESS`) as many times as
    /// it matches, never giving iterations back; the position after them.
    fn possessive_repeat(&mut self, pc: usize, mut pos: usize) -> Option<usize> {
        let (min, max) = (self.w(pc + 2) as i64, self.w(pc + 3));
        let body = pc + 4;
        let mut count = 0i64;
        while count < min {
            pos = self.run(body, pos, false)?;
            count += 1;
        }
        while Self::below_max(count, max) {
            let cp = self.checkpoint();
            match self.run(body, pos, false) {
                Some(e) if e != pos => {
                    pos = e;
                    count += 1;
                }
                Some(_) => break,
                None => {
                    self.restore(cp);
                    break;
                }
            }
        }
        Some(pos)
    }
}

/// A filter on the first character of a match, from the INFO block.
enum First {
    /// The match starts with this literal.
    Literal(u32),
    /// The first character is in the set program at this index.
    Set(usize),
}

trait AsciiUpper {
    fn to_ascii_uppercase_u32(self) -> u32;
}

impl AsciiUpper for u32 {
    fn to_ascii_uppercase_u32(self) -> u32 {
        if self < 128 {
            (self as u8).to_ascii_uppercase() as u32
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(pattern: &str) -> Vec<u32> {
        // Programs printed by CPython 3.11:
        //   re._compiler._code(re._parser.parse(p, 0), 0)
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import re,sys; print(' '.join(str(int(x)) for x in re._compiler._code(re._parser.parse(sys.argv[1], 0), 0)))",
                pattern,
            ])
            .output();
        match out {
            Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .map(|w| w.parse().expect("int"))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn search(pattern: &str, s: &str) -> Option<(usize, usize)> {
        let c = code(pattern);
        assert!(!c.is_empty(), "python3 is needed to compile {pattern}");
        let v: Vec<u32> = s.chars().map(|c| c as u32).collect();
        Matcher::new(&c, &v[..], v.len()).search(0)
    }

    #[test]
    fn searches_like_cpython() {
        if std::process::Command::new("python3")
            .arg("-V")
            .output()
            .is_err()
        {
            return;
        }
        assert_eq!(search("b+", "aabbbc"), Some((2, 5)));
        assert_eq!(search("(a|ab)(c|bcd)(d*)", "abcd"), Some((0, 4)));
        assert_eq!(search("x*?y", "xxy"), Some((0, 3)));
        assert_eq!(search("(?:ab)*c", "ababc"), Some((0, 5)));
        assert_eq!(search(r"(a)\1", "baa"), Some((1, 3)));
        assert_eq!(search(r"(?<=a)b", "ab"), Some((1, 2)));
        assert_eq!(search(r"a(?!b)", "abac"), Some((2, 3)));
        assert_eq!(search(r"\bfoo\b", "a foo."), Some((2, 5)));
        assert_eq!(search("^b", "ab"), None);
        assert_eq!(search("(?:a|b)*+b", "aab"), None);
        assert_eq!(search("(?>a*)a", "aaa"), None);
    }

    #[test]
    fn long_subjects_do_not_overflow_the_stack() {
        if std::process::Command::new("python3")
            .arg("-V")
            .output()
            .is_err()
        {
            return;
        }
        let s = "ab".repeat(200_000);
        assert_eq!(search("(?:ab)*$", &s), Some((0, s.len())));
    }
}
