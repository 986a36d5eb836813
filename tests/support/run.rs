//! Running the real `zonegraph` binary from tests: with a time limit (the
//! child is killed when it overruns), its peak memory sampled from
//! `/proc/PID/status`, standard output and error in files (so that large
//! outputs cannot block it). Shared by `tests/hostile.rs` and `tests/crash.rs`.

#![allow(dead_code)]

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Longest a single run may take.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// Most memory a single run may use (peak resident set, KiB).
pub const MAX_RSS_KB: u64 = 3 * 1024 * 1024;

/// One finished run of the binary.
pub struct Run {
    pub what: String,
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub elapsed: Duration,
    pub peak_rss_kb: u64,
}

impl Run {
    /// No panic, no signal, no timeout, bounded memory.
    pub fn assert_sane(&self) {
        assert!(
            matches!(self.code, Some(0) | Some(1)),
            "{}: exit code {:?} (0 or 1 expected; 101 is a panic, None a signal)\nstderr:\n{}",
            self.what,
            self.code,
            self.stderr
        );
        self.assert_no_panic();
    }

    /// No panic message, bounded memory (any exit code).
    pub fn assert_no_panic(&self) {
        assert!(
            !self.stderr.contains("panicked") && self.code != Some(101),
            "{}: panicked\nstderr:\n{}",
            self.what,
            self.stderr
        );
        assert!(
            self.peak_rss_kb <= MAX_RSS_KB,
            "{}: used {} MiB of memory",
            self.what,
            self.peak_rss_kb / 1024
        );
    }

    /// Refused with a message naming `name`.
    pub fn assert_refused_naming(&self, name: &str) {
        self.assert_sane();
        assert_eq!(
            self.code,
            Some(1),
            "{}: should be refused\nstderr:\n{}",
            self.what,
            self.stderr
        );
        assert!(
            self.stderr.contains(name),
            "{}: the message does not name {name}:\n{}",
            self.what,
            self.stderr
        );
    }

    /// Exit code 0; the standard output as text.
    pub fn success(&self) -> String {
        assert_eq!(self.code, Some(0), "{}: failed\nstderr:\n{}", self.what, self.stderr);
        String::from_utf8(self.stdout.clone()).expect("UTF-8 output")
    }
}

/// A running child with its output files.
pub struct Running {
    pub what: String,
    pub child: Child,
    pub started: Instant,
    dir: tempfile::TempDir,
    peak: u64,
}

/// Start `zonegraph` with these arguments; standard input from a file or
/// a pipe (`Stdio::piped()`, then write to `child.stdin`).
pub fn start<I, S>(what: &str, args: I, stdin: Stdio) -> Running
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let dir = tempfile::tempdir().expect("temp dir");
    let out = std::fs::File::create(dir.path().join("stdout")).expect("stdout file");
    let err = std::fs::File::create(dir.path().join("stderr")).expect("stderr file");
    let child = Command::new(env!("CARGO_BIN_EXE_zonegraph"))
        .args(args)
        .env_remove("ZONEGRAPH_STORE")
        .env("RUST_BACKTRACE", "0")
        .stdin(stdin)
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("zonegraph starts");
    Running {
        what: what.to_string(),
        child,
        started: Instant::now(),
        dir,
        peak: 0,
    }
}

impl Running {
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Sample memory; `Some` once the child has exited.
    pub fn poll(&mut self) -> Option<std::process::ExitStatus> {
        if let Some(status) = self.child.try_wait().expect("wait") {
            return Some(status);
        }
        let status_file = PathBuf::from(format!("/proc/{}/status", self.child.id()));
        if let Some(kb) = std::fs::read_to_string(status_file).ok().and_then(|s| vm_hwm_kb(&s)) {
            self.peak = self.peak.max(kb);
        }
        None
    }

    /// Wait for the end, killing the child after `timeout` (then panic).
    pub fn finish(mut self, timeout: Duration) -> Run {
        let status = loop {
            if let Some(status) = self.poll() {
                break status;
            }
            if self.started.elapsed() > timeout {
                let _ = self.child.kill();
                let _ = self.child.wait();
                let stderr = std::fs::read_to_string(self.dir.path().join("stderr")).unwrap_or_default();
                panic!(
                    "{}: still running after {timeout:?}: killed\nstderr:\n{stderr}",
                    self.what
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        self.collect(status.code())
    }

    /// SIGKILL now; the run as it was. `code` is `None` when the kill
    /// landed, the exit code when the child had already finished.
    pub fn kill(mut self) -> Run {
        let _ = self.child.kill();
        let status = self.child.wait().expect("wait");
        self.collect(status.code())
    }

    fn collect(self, code: Option<i32>) -> Run {
        Run {
            what: self.what,
            code,
            stdout: std::fs::read(self.dir.path().join("stdout")).unwrap_or_default(),
            stderr: String::from_utf8_lossy(&std::fs::read(self.dir.path().join("stderr")).unwrap_or_default())
                .into_owned(),
            elapsed: self.started.elapsed(),
            peak_rss_kb: self.peak,
        }
    }
}

/// Run `zonegraph` with these arguments (and standard input from a file),
/// killing it after `timeout`.
pub fn run_with<I, S>(what: &str, args: I, stdin: Option<&Path>, timeout: Duration) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let input = match stdin {
        Some(p) => Stdio::from(std::fs::File::open(p).expect("stdin file")),
        None => Stdio::null(),
    };
    start(what, args, input).finish(timeout)
}

/// Run with the default [`TIMEOUT`] and no standard input.
pub fn run<I, S>(what: &str, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run_with(what, args, None, TIMEOUT)
}

/// The peak resident set size from /proc/PID/status.
fn vm_hwm_kb(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Parse N-Quads (panics with `what` when they do not parse).
pub fn parse_nquads(what: &str, bytes: &[u8]) -> Vec<Quad> {
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{what}: the output is not valid N-Quads: {e}"))
}

/// N-Quads text as a set of lines, after checking that it parses.
pub fn nquads(what: &str, bytes: &[u8]) -> BTreeSet<String> {
    parse_nquads(what, bytes);
    String::from_utf8(bytes.to_vec())
        .unwrap_or_else(|_| panic!("{what}: N-Quads not UTF-8"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

/// The whole store as N-Quads lines (`zonegraph dump`, read-only).
pub fn dump(store: &Path) -> BTreeSet<String> {
    let r = run("dump", ["dump".as_ref(), "--store".as_ref(), store.as_os_str()]);
    assert_eq!(r.code, Some(0), "dump of {} failed: {}", store.display(), r.stderr);
    nquads("dump", &r.stdout)
}
