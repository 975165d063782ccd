//! Running one interpreter process: its own process group, captured output,
//! a deadline after which the whole group is killed.

use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Output beyond this many bytes per stream is read and dropped, so that a
/// runaway program cannot exhaust the runner's memory.
pub const OUTPUT_CAP: usize = 16 << 20;

/// What to run.
#[derive(Clone, Debug)]
pub struct Invocation {
    /// The program (an interpreter).
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<String>,
    /// Working directory.
    pub workdir: PathBuf,
    /// The complete environment (nothing is inherited beyond it).
    pub env: Vec<(String, String)>,
    /// How long it may run before its process group is killed.
    pub timeout: Duration,
}

/// How a process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// It exited with this status.
    Exited(i32),
    /// A signal killed it (not the runner's timeout kill).
    Signaled(i32),
    /// It outlived its timeout and was killed with its process group.
    TimedOut,
}

/// The result of running an [`Invocation`].
#[derive(Clone, Debug)]
pub struct Execution {
    /// How it ended.
    pub ending: Ending,
    /// Captured standard output (up to [`OUTPUT_CAP`]).
    pub stdout: Vec<u8>,
    /// Captured standard error (up to [`OUTPUT_CAP`]).
    pub stderr: Vec<u8>,
    /// Wall-clock time from spawn to end.
    pub elapsed: Duration,
}

unsafe extern "C" {
    fn kill(pid: i32, sig: i32) -> i32;
}

const SIGKILL: i32 = 9;

/// Runs the invocation to its end or its deadline. Fails only when the
/// program cannot be started.
pub fn run_invocation(inv: &Invocation) -> std::io::Result<Execution> {
    let start = Instant::now();
    let mut child = Command::new(&inv.program)
        .args(&inv.args)
        .current_dir(&inv.workdir)
        .env_clear()
        .envs(inv.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()?;
    let stdout = spawn_reader(child.stdout.take());
    let stderr = spawn_reader(child.stderr.take());
    let ending = wait_with_deadline(&mut child, start + inv.timeout)?;
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    Ok(Execution {
        ending,
        stdout,
        stderr,
        elapsed: start.elapsed(),
    })
}

fn spawn_reader<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let Some(mut pipe) = pipe else { return kept };
        let mut buf = [0u8; 8192];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = OUTPUT_CAP.saturating_sub(kept.len());
                    kept.extend_from_slice(&buf[..n.min(room)]);
                }
            }
        }
        kept
    })
}

fn wait_with_deadline(child: &mut Child, deadline: Instant) -> std::io::Result<Ending> {
    let mut pause = Duration::from_millis(1);
    loop {
        if let Some(status) = child.try_wait()? {
            // Leftover members of the group (daemon threads' subprocesses,
            // forks) would keep the pipes open; end them too.
            kill_group(child.id());
            return Ok(match (status.code(), status.signal()) {
                (Some(code), _) => Ending::Exited(code),
                (None, Some(sig)) => Ending::Signaled(sig),
                (None, None) => Ending::Exited(-1),
            });
        }
        if Instant::now() >= deadline {
            kill_group(child.id());
            child.wait()?;
            return Ok(Ending::TimedOut);
        }
        thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

fn kill_group(pid: u32) {
    let Ok(pid) = i32::try_from(pid) else { return };
    // SAFETY: `kill` has no memory-safety preconditions; the negative pid
    // names the process group this runner created for the child with
    // `process_group(0)`, so no unrelated process is signalled.
    unsafe {
        kill(-pid, SIGKILL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, timeout_ms: u64) -> Execution {
        run_invocation(&Invocation {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            workdir: std::env::temp_dir(),
            env: vec![("PATH".into(), "/usr/bin:/bin".into())],
            timeout: Duration::from_millis(timeout_ms),
        })
        .unwrap()
    }

    #[test]
    fn captures_both_streams_and_exit_status() {
        let e = sh("echo out; echo err >&2; exit 3", 10_000);
        assert_eq!(e.ending, Ending::Exited(3));
        assert_eq!(e.stdout, b"out\n");
        assert_eq!(e.stderr, b"err\n");
    }

    #[test]
    fn reports_death_by_signal() {
        let e = sh("kill -SEGV $$", 10_000);
        assert_eq!(e.ending, Ending::Signaled(11));
    }

    #[test]
    fn kills_the_whole_group_at_the_deadline() {
        // The grandchild `sleep` holds stdout open; only a group kill ends it.
        let e = sh("sleep 30 & echo started; wait", 300);
        assert_eq!(e.ending, Ending::TimedOut);
        assert_eq!(e.stdout, b"started\n");
        assert!(e.elapsed < Duration::from_secs(20), "{:?}", e.elapsed);
    }

    #[test]
    fn environment_is_exactly_the_given_one() {
        let e = sh("echo \"[$HOME]\"", 10_000);
        assert_eq!(e.stdout, b"[]\n");
    }

    #[test]
    fn missing_program_is_an_error() {
        let inv = Invocation {
            program: "/nonexistent/python".into(),
            args: vec![],
            workdir: std::env::temp_dir(),
            env: vec![],
            timeout: Duration::from_secs(1),
        };
        assert!(run_invocation(&inv).is_err());
    }
}
