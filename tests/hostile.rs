//! Hostile inputs: the real `zonegraph` binary on every file of
//! `tests/hostile/inputs/` (written by `tests/hostile/generate.py`, listed
//! with what must happen in `tests/hostile/MANIFEST.tsv`), on huge inputs
//! written here at test time (a 50 MB single line, a million-item
//! enumeration, HTML nested 100,000 levels deep, names of 5,000 and 50,000
//! characters, a million-digit number, …) and on special files (a FIFO,
//! a device, dangling symbolic links, oversized standard input).
//!
//! For each: the process ends by itself within 20 s (it is killed
//! and the test fails otherwise), never panics (exit code 0 or 1, never 101
//! or a signal; no "panicked" on standard error), stays under
//! 3 GiB of memory, writes N-Quads that parse when it succeeds and
//! names the file when it refuses it. `ingest` leaves the store unchanged
//! for a refused input and adds exactly what `extract` gives for an
//! accepted one.
//!
//! Run: `cargo test --release --test hostile`.

#[path = "support/run.rs"]
mod support;

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use support::{nquads, run, run_with, Run};

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// The tests of this file run one at a time: each measures time, and two
/// heavy runs side by side on a 2-core machine would measure each other.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// What the manifest says must happen to an input.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    Ok,
    Refused,
    Any,
}

fn manifest() -> Vec<(PathBuf, Expect, String)> {
    let text = std::fs::read_to_string(hostile_dir().join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.splitn(3, '\t');
            let name = f.next().unwrap();
            let expect = match f.next().unwrap() {
                "ok" => Expect::Ok,
                "refused" => Expect::Refused,
                "any" => Expect::Any,
                other => panic!("MANIFEST.tsv: unknown expectation {other}"),
            };
            (
                hostile_dir().join("inputs").join(name),
                expect,
                f.next().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// Check one `extract` run against what the manifest expects; the quads when it succeeded.
fn check_extract(path: &Path, expect: Expect, what: &str) -> Option<BTreeSet<String>> {
    let name = path.display().to_string();
    let r = run(
        &format!("extract {name} ({what})"),
        ["extract".as_ref(), path.as_os_str()],
    );
    r.assert_sane();
    match (expect, r.code) {
        (Expect::Ok, Some(0)) | (Expect::Any, Some(0)) => {
            let quads = nquads(&r.what, &r.stdout);
            assert!(!quads.is_empty(), "{}: accepted but no quads", r.what);
            Some(quads)
        }
        (Expect::Refused, Some(1)) | (Expect::Any, Some(1)) => {
            r.assert_refused_naming(&name);
            assert!(r.stdout.is_empty(), "{}: refused but wrote quads", r.what);
            None
        }
        _ => panic!(
            "{}: expected {expect:?}, exit code {:?}\nstderr:\n{}",
            r.what, r.code, r.stderr
        ),
    }
}

#[test]
fn the_generated_files_are_the_committed_ones() {
    let _serial = serial();
    let listed: BTreeSet<String> = manifest()
        .iter()
        .map(|(p, _, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let present: BTreeSet<String> = std::fs::read_dir(hostile_dir().join("inputs"))
        .expect("tests/hostile/inputs")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(listed, present, "run python3 tests/hostile/generate.py");
    assert!(listed.len() >= 40, "only {} hostile inputs", listed.len());
}

#[test]
fn every_committed_input_is_extracted_or_clearly_refused() {
    let _serial = serial();
    let inputs = manifest();
    let (mut ok, mut refused, mut slowest) = (0, 0, (Duration::ZERO, String::new()));
    for (path, expect, what) in &inputs {
        let started = Instant::now();
        match check_extract(path, *expect, what) {
            Some(_) => ok += 1,
            None => refused += 1,
        }
        if started.elapsed() > slowest.0 {
            slowest = (started.elapsed(), path.display().to_string());
        }
    }
    eprintln!(
        "{} hostile inputs: {ok} extracted, {refused} refused; slowest {:.2} s ({})",
        inputs.len(),
        slowest.0.as_secs_f64(),
        slowest.1
    );
}

/// A store holding one ordinary article, in a temporary folder.
struct Store {
    dir: tempfile::TempDir,
    path: PathBuf,
}

const ARTICLE: &str = "枫桥高新技术产业开发区(简称枫桥高新区)位于浙江省嘉兴市,以新材料、智能装备为主导产业。\n\
2023年,枫桥高新区实现规上工业产值210.5亿元,拥有高新技术企业96家。\n\
园区以晨光材料为龙头,打造新材料产业链。\n";

impl Store {
    fn with_article() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("store.db");
        let article = dir.path().join("base.txt");
        std::fs::write(&article, ARTICLE).unwrap();
        let s = Store { dir, path };
        let r = s.ingest(&[&article]);
        r.assert_sane();
        assert_eq!(r.code, Some(0), "base ingest failed: {}", r.stderr);
        s
    }

    fn ingest(&self, paths: &[&Path]) -> Run {
        let mut args: Vec<&OsStr> = vec!["ingest".as_ref(), "--store".as_ref(), self.path.as_os_str()];
        args.extend(paths.iter().map(|p| p.as_os_str()));
        run(&format!("ingest {paths:?}"), args)
    }

    fn dump(&self) -> BTreeSet<String> {
        support::dump(&self.path)
    }
}

#[test]
fn ingest_leaves_the_store_unchanged_or_adds_exactly_what_extract_gives() {
    let _serial = serial();
    let store = Store::with_article();
    let _ = &store.dir;
    let mut before = store.dump();
    // One input at a time for a subset, with the store checked after each.
    let subset = [
        "empty.txt",
        "binary-png.txt",
        "nul-one.txt",
        "truncated-utf8.txt",
        "utf16le-no-bom.txt",
        "bom-utf16be.txt",
        "bom-utf32le.txt",
        "zero-width-joiners.txt",
        "compatibility-chars.txt",
        "digits-400.txt",
        "malformed-dates.txt",
        "iri-hostile-names.txt",
        "html-scripts.html",
        "long-name-1000.txt",
        "mixed-utf8-gb18030.txt",
    ];
    let inputs = manifest();
    for name in subset {
        let (path, expect, what) = inputs
            .iter()
            .find(|(p, _, _)| p.ends_with(name))
            .unwrap_or_else(|| panic!("{name} not in MANIFEST.tsv"));
        let expected = check_extract(path, *expect, what);
        let r = store.ingest(&[path]);
        r.assert_sane();
        let after = store.dump();
        match expected {
            None => {
                r.assert_refused_naming(&path.display().to_string());
                assert_eq!(after, before, "{}: refused, yet the store changed", r.what);
            }
            Some(quads) => {
                assert_eq!(
                    r.code,
                    Some(0),
                    "{}: extract accepted it, ingest did not:\n{}",
                    r.what,
                    r.stderr
                );
                let want: BTreeSet<String> = before.union(&quads).cloned().collect();
                assert_eq!(
                    after, want,
                    "{}: the store is not the old one plus the extraction",
                    r.what
                );
            }
        }
        before = after;
    }
    // Then the whole folder in one run: the good inputs are all in, the bad
    // ones are named, the exit code is 1.
    let dir = hostile_dir().join("inputs");
    let extracted = run("extract inputs/", ["extract".as_ref(), dir.as_os_str()]);
    extracted.assert_sane();
    let quads = nquads("extract inputs/", &extracted.stdout);
    let r = store.ingest(&[&dir]);
    r.assert_sane();
    assert_eq!(r.code, Some(1), "{}: some inputs are refused:\n{}", r.what, r.stderr);
    for (path, expect, _) in &inputs {
        if *expect == Expect::Refused {
            assert!(
                r.stderr.contains(&path.display().to_string()),
                "{} not named:\n{}",
                path.display(),
                r.stderr
            );
        }
    }
    let want: BTreeSet<String> = before.union(&quads).cloned().collect();
    assert_eq!(store.dump(), want, "ingest of the folder differs from extract of it");
}

/// Write a generated input into `dir`.
fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write input");
    p
}

#[test]
fn huge_inputs_are_refused_or_processed_in_bounded_time_and_memory() {
    let _serial = serial();
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let sentence = "白沙高新区实现产值100亿元,赤岩科技股份有限公司入驻。";
    let mut cases: Vec<(PathBuf, Expect)> = Vec::new();

    // 50 MB on one line: over the size limit, refused before it is read.
    let n = 50 * 1024 * 1024 / sentence.len() + 1;
    cases.push((write(d, "line-50mb.txt", sentence.repeat(n)), Expect::Refused));
    // Just under the 8 MiB limit on one line, a figure every 12 characters:
    // the slowest text of that size (split into lines, then refused for its
    // number of statistics).
    let line = "园区产值100亿元,同比增长8%".repeat((8 * 1024 * 1024 - 64) / 36);
    cases.push((
        write(d, "line-8mb.txt", format!("白沙高新区位于常州市。{line}")),
        Expect::Any,
    ));
    // A million-item enumeration: A1、A2、…等1000000家企业 (11 MB: over the
    // size limit), and 600,000 items (under it).
    for n in [1_000_000, 600_000] {
        let mut e = (1..=n).map(|i| format!("A{i}")).collect::<Vec<_>>().join("、");
        e.push_str(&format!("等{n}家企业落户白沙高新区。\n"));
        cases.push((write(d, &format!("enumeration-{n}.txt"), e), Expect::Any));
    }
    // A million company names in one enumeration, and one per sentence.
    let companies = (0..60_000)
        .map(|i| format!("赤岩{}科技有限公司", cjk(i)))
        .collect::<Vec<_>>();
    cases.push((
        write(
            d,
            "companies-listed.txt",
            companies.join("、") + "等企业入驻白沙高新区。",
        ),
        Expect::Any,
    ));
    cases.push((
        write(d, "companies-sentences.txt", companies.join("入驻白沙高新区。")),
        Expect::Any,
    ));
    // HTML nested 100,000 levels deep, and 100,000 unclosed tags.
    let deep = format!(
        "<html><body>{}白沙高新区产值100亿元。{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    cases.push((write(d, "deep-100k.html", deep), Expect::Ok));
    let unclosed = format!("<html><body>{}白沙高新区位于常州市。", "<div><span>".repeat(100_000));
    cases.push((write(d, "unclosed-100k.html", unclosed), Expect::Ok));
    // Names thousands of characters long.
    for len in [5_000, 50_000] {
        let text = format!(
            "白沙{}高新技术产业开发区位于常州市,产值100亿元。\n赤岩{}科技股份有限公司在创业板上市。\n",
            "云".repeat(len),
            "杉".repeat(len)
        );
        cases.push((write(d, &format!("name-{len}.txt"), text), Expect::Ok));
    }
    // A number of a million digits, with units: refused (numbers are read
    // at every digit of a run). 900 digits are read.
    let digits: String = (0..1_000_000).map(|i| char::from(b'0' + (i * 7 % 10) as u8)).collect();
    cases.push((
        write(
            d,
            "digits-million.txt",
            format!("白沙高新区实现产值{digits}亿元,拥有企业{digits}家。"),
        ),
        Expect::Refused,
    ));
    cases.push((
        write(
            d,
            "digits-900.txt",
            format!(
                "白沙高新区实现产值{}亿元,拥有企业{}家。",
                &digits[..900],
                &digits[..900]
            ),
        ),
        Expect::Ok,
    ));
    // A million empty lines; a million one-character lines.
    cases.push((
        write(
            d,
            "newlines-million.txt",
            "\n".repeat(1_000_000) + "白沙高新区位于常州市。",
        ),
        Expect::Ok,
    ));
    cases.push((
        write(d, "short-lines-million.txt", "园\n".repeat(1_000_000)),
        Expect::Any,
    ));
    // Nested brackets and quotes a million deep.
    let nested = format!(
        "白沙高新区{}赤岩科技{}位于常州市。",
        "(“《".repeat(300_000),
        "》”)".repeat(300_000)
    );
    cases.push((write(d, "nested-million.txt", nested), Expect::Any));

    let mut report = Vec::new();
    for (path, expect) in &cases {
        let name = path.display().to_string();
        let r = run(&format!("extract {name}"), ["extract".as_ref(), path.as_os_str()]);
        r.assert_sane();
        match (expect, r.code) {
            (Expect::Refused, _) => r.assert_refused_naming(&name),
            (Expect::Ok, _) => {
                assert_eq!(r.code, Some(0), "{}: refused:\n{}", r.what, r.stderr);
                nquads(&r.what, &r.stdout);
            }
            (Expect::Any, Some(0)) => {
                nquads(&r.what, &r.stdout);
            }
            (Expect::Any, _) => r.assert_refused_naming(&name),
        }
        report.push(format!(
            "{:<28} exit {:?} {:>6.2} s {:>6} MiB {}",
            path.file_name().unwrap().to_string_lossy(),
            r.code,
            r.elapsed.as_secs_f64(),
            r.peak_rss_kb / 1024,
            r.stderr
                .lines()
                .last()
                .unwrap_or("")
                .chars()
                .take(100)
                .collect::<String>()
        ));
    }
    eprintln!("{}", report.join("\n"));
}

/// A CJK character for a number (distinct names).
fn cjk(i: usize) -> String {
    let a = char::from_u32(0x4e00 + (i % 5000) as u32).unwrap();
    let b = char::from_u32(0x4e00 + (i / 5000 % 5000) as u32).unwrap();
    format!("{a}{b}")
}

#[test]
fn special_files_are_refused_without_blocking() {
    let _serial = serial();
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let good = write(d, "good.txt", ARTICLE);
    let mut bad: Vec<PathBuf> = Vec::new();
    // A FIFO nobody writes to: reading it would block for ever.
    let fifo = d.join("fifo.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if made {
        bad.push(fifo);
    } else {
        eprintln!("mkfifo failed: the FIFO case is skipped");
    }
    // A device that never ends.
    if Path::new("/dev/zero").exists() {
        bad.push(PathBuf::from("/dev/zero"));
    }
    // A file removed between listing and reading: a dangling symbolic link.
    let dangling = d.join("removed.txt");
    std::os::unix::fs::symlink(d.join("no-such-file.txt"), &dangling).unwrap();
    bad.push(dangling);
    // A symbolic link loop.
    let loop_a = d.join("loop-a.txt");
    std::os::unix::fs::symlink(d.join("loop-b.txt"), &loop_a).unwrap();
    std::os::unix::fs::symlink(&loop_a, d.join("loop-b.txt")).unwrap();
    bad.push(loop_a);
    // A folder named like a file, linked from where files are expected.
    std::fs::create_dir(d.join("folder.d")).unwrap();
    let folder_link = d.join("folder.txt");
    std::os::unix::fs::symlink(d.join("folder.d"), &folder_link).unwrap();

    for b in &bad {
        let name = b.display().to_string();
        let r = run_with(
            &format!("extract {name}"),
            ["extract".as_ref(), b.as_os_str(), good.as_os_str()],
            None,
            Duration::from_secs(10),
        );
        r.assert_refused_naming(&name);
        assert!(
            String::from_utf8_lossy(&r.stdout).contains("枫桥"),
            "{}: the good file beside it was not extracted",
            r.what
        );
    }
    // The folder walked: the dangling links, the loop and the linked folder
    // are reported, the good file ingested, the FIFO not waited for.
    let store = d.join("store.db");
    let r = run_with(
        "ingest folder with special files",
        ["ingest".as_ref(), "--store".as_ref(), store.as_os_str(), d.as_os_str()],
        None,
        Duration::from_secs(20),
    );
    r.assert_sane();
    assert_eq!(r.code, Some(1), "{}:\n{}", r.what, r.stderr);
    assert!(r.stderr.contains("ingested 1 documents"), "{}:\n{}", r.what, r.stderr);
    for name in ["removed.txt", "loop-a.txt", "folder.txt"] {
        assert!(r.stderr.contains(name), "{}: {name} not named:\n{}", r.what, r.stderr);
    }
    // Standard input larger than the limit is refused, not read into memory.
    let big = write(d, "big.bin", vec![b'a'; 33 * 1024 * 1024]);
    let r = run_with(
        "extract - (33 MB)",
        ["extract", "-"],
        Some(&big),
        Duration::from_secs(20),
    );
    r.assert_refused_naming("too large");
}
