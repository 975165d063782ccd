//! A small line editor for the interactive prompt on a terminal: raw
//! termios input, left/right/home/end, backspace/delete, Ctrl-A/E/K/U/W,
//! Up/Down through the session's history, Ctrl-C (KeyboardInterrupt) and
//! Ctrl-D (end of input on an empty line). No dependency is worth it for
//! this much.

use std::io::Write;

use super::repl::Interrupted;

/// Restores the terminal settings when dropped.
struct RawMode(libc::termios);

impl RawMode {
    fn enter() -> Option<RawMode> {
        // SAFETY: tcgetattr/tcsetattr on fd 0 with a zeroed struct.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(0, &mut t) != 0 {
                return None;
            }
            let saved = t;
            t.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN);
            t.c_iflag &= !(libc::IXON | libc::ICRNL);
            t.c_cc[libc::VMIN] = 1;
            t.c_cc[libc::VTIME] = 0;
            if libc::tcsetattr(0, libc::TCSADRAIN, &t) != 0 {
                return None;
            }
            Some(RawMode(saved))
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restoring the saved settings of fd 0.
        unsafe {
            libc::tcsetattr(0, libc::TCSADRAIN, &self.0);
        }
    }
}

fn read_byte() -> Option<u8> {
    let mut b = [0u8; 1];
    loop {
        // SAFETY: reading one byte from fd 0.
        let n = unsafe { libc::read(0, b.as_mut_ptr().cast(), 1) };
        if n == 1 {
            return Some(b[0]);
        }
        if n < 0 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        return None;
    }
}

fn redraw(out: &mut impl Write, prompt: &str, line: &[char], cursor: usize) {
    let text: String = line.iter().collect();
    let _ = write!(out, "\r{prompt}{text}\x1b[K");
    let back = line.len() - cursor;
    if back > 0 {
        let _ = write!(out, "\x1b[{back}D");
    }
    let _ = out.flush();
}

/// Reads one line with editing; None at end of input (Ctrl-D on an empty
/// line). Non-empty lines are added to `history`.
pub fn read_line(prompt: &str, history: &mut Vec<String>) -> Result<Option<String>, Interrupted> {
    let Some(_raw) = RawMode::enter() else {
        // Not a terminal after all: read plainly.
        let mut s = String::new();
        print!("{prompt}");
        let _ = std::io::stdout().flush();
        return match std::io::stdin().read_line(&mut s) {
            Ok(0) | Err(_) => Ok(None),
            Ok(_) => Ok(Some(s.trim_end_matches('\n').to_string())),
        };
    };
    let mut out = std::io::stdout();
    let mut line: Vec<char> = Vec::new();
    let mut cursor = 0;
    let mut hist_pos = history.len();
    let mut saved = String::new();
    redraw(&mut out, prompt, &line, cursor);
    let mut utf8 = Vec::new();
    loop {
        let Some(b) = read_byte() else {
            let _ = writeln!(out);
            return Ok(None);
        };
        match b {
            b'\r' | b'\n' => {
                let _ = write!(out, "\r\n");
                let _ = out.flush();
                let s: String = line.iter().collect();
                if !s.trim().is_empty() && history.last() != Some(&s) {
                    history.push(s.clone());
                }
                return Ok(Some(s));
            }
            3 => {
                let _ = write!(out, "\r\n");
                let _ = out.flush();
                return Err(Interrupted);
            }
            4 => {
                if line.is_empty() {
                    let _ = write!(out, "\r\n");
                    let _ = out.flush();
                    return Ok(None);
                }
                if cursor < line.len() {
                    line.remove(cursor);
                }
            }
            127 | 8 if cursor > 0 => {
                cursor -= 1;
                line.remove(cursor);
            }
            1 => cursor = 0,
            5 => cursor = line.len(),
            11 => line.truncate(cursor),
            21 => {
                line.drain(..cursor);
                cursor = 0;
            }
            23 => {
                let mut start = cursor;
                while start > 0 && line[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && line[start - 1] != ' ' {
                    start -= 1;
                }
                line.drain(start..cursor);
                cursor = start;
            }
            b'\t' => {
                for _ in 0..4 - cursor % 4 {
                    line.insert(cursor, ' ');
                    cursor += 1;
                }
            }
            0x1b => {
                let (Some(b1), Some(b2)) = (read_byte(), read_byte()) else {
                    continue;
                };
                if b1 != b'[' && b1 != b'O' {
                    continue;
                }
                match b2 {
                    b'A' | b'B' => {
                        if hist_pos == history.len() {
                            saved = line.iter().collect();
                        }
                        if b2 == b'A' && hist_pos > 0 {
                            hist_pos -= 1;
                        } else if b2 == b'B' && hist_pos < history.len() {
                            hist_pos += 1;
                        }
                        let s = history.get(hist_pos).cloned().unwrap_or(saved.clone());
                        line = s.chars().collect();
                        cursor = line.len();
                    }
                    b'C' => cursor = (cursor + 1).min(line.len()),
                    b'D' => cursor = cursor.saturating_sub(1),
                    b'H' => cursor = 0,
                    b'F' => cursor = line.len(),
                    b'1'..=b'9' => {
                        let mut code = vec![b2];
                        while let Some(c) = read_byte() {
                            if c == b'~' {
                                break;
                            }
                            code.push(c);
                        }
                        match code.as_slice() {
                            b"3" if cursor < line.len() => {
                                line.remove(cursor);
                            }
                            b"1" | b"7" => cursor = 0,
                            b"4" | b"8" => cursor = line.len(),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            c if c >= 0x20 => {
                utf8.push(c);
                match std::str::from_utf8(&utf8) {
                    Ok(s) => {
                        for ch in s.chars() {
                            line.insert(cursor, ch);
                            cursor += 1;
                        }
                        utf8.clear();
                    }
                    Err(e) if e.error_len().is_some() => utf8.clear(),
                    Err(_) => continue,
                }
            }
            _ => {}
        }
        redraw(&mut out, prompt, &line, cursor);
    }
}
