//! The `pyvm` command as a process: stdin programs, `-i`, options, exit
//! statuses, Ctrl-C in a tight loop, files complete at exit, `atexit`.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Output, Stdio};

fn pyvm() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_pyvm"));
    c.env_remove("PYVM_GC_STRESS");
    c
}

fn with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = pyvm()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyvm");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn run(args: &[&str]) -> Output {
    pyvm().args(args).output().expect("run pyvm")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn program_from_piped_stdin() {
    let out = with_stdin(&[], "import sys\nprint('piped', sys.argv)\n");
    assert_eq!(text(&out.stdout), "piped ['']\n");
    assert_eq!(out.status.code(), Some(0));
    let out = with_stdin(&["-", "a", "b"], "import sys\nprint(sys.argv)\n");
    assert_eq!(text(&out.stdout), "['-', 'a', 'b']\n");
}

#[test]
fn dash_c_gets_its_argv() {
    let out = run(&["-c", "import sys; print(sys.argv)", "x", "-y"]);
    assert_eq!(text(&out.stdout), "['-c', 'x', '-y']\n");
}

#[test]
fn exit_statuses_follow_cpython() {
    let cases: &[(&str, i32, &str)] = &[
        ("import sys; sys.exit('bye')", 1, "bye\n"),
        ("import sys; sys.exit(-1)", 255, ""),
        ("import sys; sys.exit(256)", 0, ""),
        ("raise SystemExit(1, 2)", 1, "(1, 2)\n"),
        ("raise SystemExit(None)", 0, ""),
        ("raise SystemExit(True)", 1, ""),
        ("import sys; sys.exit()", 0, ""),
    ];
    for &(code, status, err) in cases {
        let out = run(&["-c", code]);
        assert_eq!(out.status.code(), Some(status), "{code}");
        assert_eq!(text(&out.stderr), err, "{code}");
    }
}

#[test]
fn unknown_options_are_rejected_with_usage() {
    let out = run(&["-z"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.starts_with("Unknown option: -z\nusage: "), "{err}");
    let out = run(&["-c"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("Argument expected for the -c option\n"));
    let out = run(&["-V"]);
    assert!(text(&out.stdout).starts_with("Python 3.11"));
    // Accepted options that change nothing visible here.
    let out = run(&[
        "-u", "-E", "-B", "-S", "-X", "jit=off", "-W", "ignore", "-c", "print(1)",
    ]);
    assert_eq!(text(&out.stdout), "1\n");
    let out = run(&[
        "-OO",
        "-c",
        "assert False; import sys; print(sys.flags.optimize)",
    ]);
    assert_eq!(text(&out.stdout), "2\n");
}

#[test]
fn missing_script_is_status_two() {
    let out = run(&["/nonexistent/script.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).ends_with(
        "can't open file '/nonexistent/script.py': [Errno 2] No such file or directory\n"
    ));
}

#[test]
fn interactive_mode_after_a_command() {
    let out = with_stdin(
        &["-i", "-c", "x = 20"],
        "x + 1\nfor i in range(2):\n    print(i)\n\n1/0\n_ * 2\nimport sys; sys.exit(4)\n",
    );
    assert_eq!(text(&out.stdout), "21\n0\n1\n42\n");
    let err = text(&out.stderr);
    assert!(err.contains(">>> "), "{err}");
    assert!(
        err.contains(
            "  File \"<stdin>\", line 1, in <module>\nZeroDivisionError: division by zero\n"
        ),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(4));
}

#[test]
fn ctrl_c_interrupts_a_tight_loop() {
    let mut cmd = pyvm();
    // The child must not inherit an ignored SIGINT (a test run started in
    // the background has one): pyvm, like CPython, would keep ignoring it.
    // SAFETY: `signal` is async-signal-safe, as `pre_exec` requires.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = cmd
        .args([
            "-c",
            "import sys\nprint('ready', flush=True)\ntry:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\nprint('then', flush=True)\nwhile True:\n    pass\n",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let pid = child.id() as i32;
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    assert_eq!(lines.next().and_then(|l| l.ok()).as_deref(), Some("ready"));
    std::thread::sleep(std::time::Duration::from_millis(200));
    // SAFETY: signalling the child we spawned.
    unsafe { libc::kill(pid, libc::SIGINT) };
    assert_eq!(lines.next().and_then(|l| l.ok()).as_deref(), Some("caught"));
    assert_eq!(lines.next().and_then(|l| l.ok()).as_deref(), Some("then"));
    std::thread::sleep(std::time::Duration::from_millis(200));
    // SAFETY: as above.
    unsafe { libc::kill(pid, libc::SIGINT) };
    let out = child.wait_with_output().expect("wait");
    let err = text(&out.stderr);
    assert!(err.ends_with("KeyboardInterrupt\n"), "{err}");
    // As CPython: the process ends killed by SIGINT.
    assert_eq!(out.status.signal(), Some(libc::SIGINT));
}

#[test]
fn files_are_complete_at_exit() {
    let dir = std::env::temp_dir().join(format!("pyvm_cli_sysio_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    for (i, ending) in ["pass", "raise ValueError('end')", "import sys; sys.exit(3)"]
        .iter()
        .enumerate()
    {
        let path = dir.join(format!("out{i}.txt"));
        let code = format!(
            "f = open({:?}, 'w')\nfor i in range(20000):\n    f.write('line %d\\n' % i if False else 'line\\n')\n{ending}\n",
            path.to_string_lossy()
        );
        let _ = run(&["-c", &code]);
        let data = std::fs::read_to_string(&path).expect("file written");
        assert_eq!(data.len(), 20000 * 5, "{ending}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn atexit_callbacks_run_last_registered_first() {
    let out = run(&[
        "-c",
        "import atexit\natexit.register(print, 'first')\n@atexit.register\ndef second():\n    print('second')\ndef gone(): print('gone')\natexit.register(gone)\natexit.unregister(gone)\nprint('main')\n",
    ]);
    assert_eq!(text(&out.stdout), "main\nsecond\nfirst\n");
    assert_eq!(out.status.code(), Some(0));
}
