//! Faults around the store, with the real binary:
//!
//! - `kill`: `ingest` of ~300 generated articles killed with SIGKILL at
//!   random points (seeded); after each kill the store opens, every document
//!   graph in it is whole (its `zg:contentHash` is the SHA-256 of the file
//!   its `zg:sourcePath` names, and its quads are what `extract` gives for
//!   that file), and the same `ingest` run again gives the store one clean
//!   run builds. `ZONEGRAPH_KILL_POINTS=50` tries more kill points (default 5);
//!   `ZONEGRAPH_KILL_SEED` changes the points.
//! - `concurrency`: a second writer is refused with a message naming the
//!   process that holds the store; queries (read-only) work while an ingest
//!   writes.
//! - `disk_full`: on a small tmpfs mounted by the test (root only; skipped
//!   otherwise), a full disk fails the run with a clear error, the store
//!   still opens with only whole documents, and the ingest completes once
//!   there is room again.
//! - `idempotence`: the same corpus ingested twice, or in another order, or
//!   in two halves, gives the identical dataset (sorted N-Quads: zonegraph
//!   writes no blank nodes, so this is the canonical form).
//!
//! Run: `cargo test --release --test crash -- --nocapture` (the figures are
//! printed on standard error).

#[path = "support/rng.rs"]
mod rng;
#[path = "support/run.rs"]
mod support;
use rng::Rng;

use oxigraph::model::{GraphName, Term};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;
use support::{dump, parse_nquads, run, start};

const ZG: &str = "https://w3id.org/zonegraph/ontology#";
const REFERENCE_GRAPH: &str = "https://w3id.org/zonegraph/id/graph-reference";

/// Write `n` small articles (template text written for these tests; every
/// zone, company and institute invented) into `dir`; their paths, sorted.
fn write_corpus(dir: &Path, n: usize, seed: u64) -> Vec<PathBuf> {
    const FIRST: &[&str] = &["青", "白", "云", "赤", "松", "枫", "石", "雾", "星", "金", "柳", "桐"];
    const SECOND: &[&str] = &["溪", "沙", "杉", "岩", "岭", "林", "门", "川", "湖", "港", "塘", "坪"];
    const PLACES: &[(&str, &str)] = &[
        ("浙江省", "嘉兴市"),
        ("江苏省", "常州市"),
        ("安徽省", "合肥市"),
        ("湖北省", "襄阳市"),
        ("四川省", "绵阳市"),
    ];
    const INDUSTRIES: &[&str] = &["新材料", "生物医药", "集成电路", "智能装备", "新能源", "数字经济"];
    const ENDINGS: &[&str] = &["科技股份有限公司", "材料有限公司", "药业有限公司", "智能装备有限公司"];
    const MARKETS: &[&str] = &["上海证券交易所科创板", "深圳证券交易所创业板", "北京证券交易所"];
    let mut rng = Rng(seed);
    std::fs::create_dir_all(dir).unwrap();
    let mut paths = Vec::new();
    for i in 0..n {
        let zone = format!("{}{}", rng.pick(FIRST), rng.pick(SECOND));
        let (province, city) = PLACES[rng.below(PLACES.len())];
        let ind: Vec<&str> = (0..3).map(|_| rng.pick(INDUSTRIES)).collect();
        let ent1 = format!("{}{}{}", rng.pick(FIRST), rng.pick(SECOND), rng.pick(ENDINGS));
        let ent2 = format!("{}{}{}", rng.pick(SECOND), rng.pick(FIRST), rng.pick(ENDINGS));
        let year = 2015 + rng.below(9);
        let text = format!(
            "{zone}高新区{year}年工作简报(第{i}期)\n\
             发布时间: {}-{:02}-{:02}\n\
             {zone}高新技术产业开发区(简称{zone}高新区)位于{province}{city},{}年由{zone}经济开发区更名而来。\n\
             园区以{}、{}、{}为三大主导产业,形成了以{ent1}、{ent2}为龙头的{}产业链。\n\
             {year}年,{zone}高新区实现规上工业产值{}.{}亿元,同比增长{}.{}%,拥有高新技术企业{}家。\n\
             {ent2}于{}年{}月在{}上市。\n\
             {zone}大学与园区共建{zone}{}研究院,研究院已落户{zone}高新区。\n\
             本期简报编号{}。\n",
            year + 1,
            1 + rng.below(12),
            1 + rng.below(28),
            2005 + rng.below(15),
            ind[0],
            ind[1],
            ind[2],
            ind[0],
            50 + rng.below(900),
            rng.below(10),
            rng.below(20),
            rng.below(10),
            10 + rng.below(400),
            2016 + rng.below(8),
            1 + rng.below(12),
            rng.pick(MARKETS),
            rng.pick(INDUSTRIES),
            rng.next() % 1_000_000,
        );
        let path = dir.join(format!("brief-{i:04}.txt"));
        std::fs::write(&path, text).unwrap();
        paths.push(path);
    }
    paths.sort();
    paths
}

/// N-Quads lines grouped by graph IRI.
fn by_graph(what: &str, lines: &BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> {
    let text = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    let quads = parse_nquads(what, text.as_bytes());
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (q, line) in quads.iter().zip(lines) {
        let g = match &q.graph_name {
            GraphName::NamedNode(n) => n.as_str().to_string(),
            other => panic!("{what}: a quad outside a named graph: {other}"),
        };
        out.entry(g).or_default().insert(line.clone());
    }
    out
}

/// `zonegraph extract` of a folder, grouped by graph.
fn extract_by_graph(corpus: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let r = run("extract corpus", ["extract".as_ref(), corpus.as_os_str()]);
    let lines = support::nquads("extract corpus", r.success().as_bytes());
    by_graph("extract corpus", &lines)
}

/// The literal value of the first quad with this predicate in these lines.
fn literal_of(lines: &BTreeSet<String>, local: &str) -> Option<String> {
    let text = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    parse_nquads("graph", text.as_bytes())
        .into_iter()
        .find(|q| q.predicate.as_str() == format!("{ZG}{local}"))
        .and_then(|q| match q.object {
            Term::Literal(l) => Some(l.value().to_string()),
            _ => None,
        })
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The store opens; every document graph in it is whole. Returns how many
/// documents it holds.
fn check_whole(store: &Path, expected: &BTreeMap<String, BTreeSet<String>>, when: &str) -> usize {
    let lines = dump(store);
    let graphs = by_graph(when, &lines);
    let mut docs = 0;
    for (g, quads) in &graphs {
        if g == REFERENCE_GRAPH {
            let want = expected.get(g).cloned().unwrap_or_default();
            assert!(
                quads.is_subset(&want),
                "{when}: reference graph has quads no document gives"
            );
            continue;
        }
        docs += 1;
        let source =
            literal_of(quads, "sourcePath").unwrap_or_else(|| panic!("{when}: graph {g} has no zg:sourcePath"));
        let hash =
            literal_of(quads, "contentHash").unwrap_or_else(|| panic!("{when}: graph {g} has no zg:contentHash"));
        let bytes = std::fs::read(&source).unwrap_or_else(|e| panic!("{when}: {source}: {e}"));
        assert_eq!(
            hash,
            sha256_hex(&bytes),
            "{when}: {g} ({source}): content hash does not match the file"
        );
        let want = expected
            .get(g)
            .unwrap_or_else(|| panic!("{when}: graph {g} ({source}) is not a document of the corpus"));
        assert_eq!(
            quads,
            want,
            "{when}: graph {g} ({source}) is not what extract gives: {} quads instead of {}",
            quads.len(),
            want.len()
        );
    }
    docs
}

fn ingest_args<'a>(store: &'a Path, paths: &'a [&'a Path]) -> Vec<&'a std::ffi::OsStr> {
    // Small commits (one batch of 64 documents each), so that kills land between them.
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "ingest".as_ref(),
        "--store".as_ref(),
        store.as_os_str(),
        "--commit-quads".as_ref(),
        "2000".as_ref(),
    ];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    args
}

mod kill {
    use super::*;

    #[test]
    fn ingest_killed_at_random_points_leaves_only_whole_documents() {
        let points: usize = std::env::var("ZONEGRAPH_KILL_POINTS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(5);
        let seed: u64 = std::env::var("ZONEGRAPH_KILL_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(6);
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        write_corpus(&corpus, 300, 42);
        let expected = extract_by_graph(&corpus);

        // One clean run: the store every interrupted run must end up as.
        let clean = tmp.path().join("clean.db");
        let r = run("clean ingest", ingest_args(&clean, &[&corpus]));
        r.success();
        let full_time = r.elapsed;
        let clean_dump = dump(&clean);
        assert_eq!(check_whole(&clean, &expected, "clean run"), 300);

        let store = tmp.path().join("killed.db");
        let mut rng = Rng(seed);
        let (mut landed, mut partial) = (0, 0);
        let mut seen = Vec::new();
        for k in 0..points {
            // Every other kill point starts from no store at all, so that
            // kills also land while the store is being created.
            if k % 2 == 0 {
                let _ = std::fs::remove_dir_all(&store);
            }
            let delay = Duration::from_micros(rng.next() % (full_time.as_micros() as u64 * 11 / 10).max(1));
            let running = start("ingest to kill", ingest_args(&store, &[&corpus]), Stdio::null());
            std::thread::sleep(delay.saturating_sub(running.started.elapsed()));
            let r = running.kill();
            if r.code.is_none() {
                landed += 1;
            } else {
                assert_eq!(r.code, Some(0), "ingest failed before the kill: {}", r.stderr);
            }
            assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
            let docs = if store.exists() {
                check_whole(&store, &expected, &format!("after kill {k} at {delay:?}"))
            } else {
                0
            };
            if docs > 0 && docs < 300 {
                partial += 1;
            }
            seen.push(format!("{:.0} ms: {docs}", delay.as_secs_f64() * 1000.0));
        }
        // The same ingest again completes the store.
        let r = run("ingest after the kills", ingest_args(&store, &[&corpus]));
        r.success();
        assert_eq!(check_whole(&store, &expected, "after the last ingest"), 300);
        assert_eq!(
            dump(&store),
            clean_dump,
            "the store differs from one built in one clean run"
        );
        eprintln!(
            "kill points: {points} tried ({landed} killed a running ingest, {partial} left a partial store; \
             a full ingest of 300 documents takes {:.0} ms); documents in the store after each: {}",
            full_time.as_secs_f64() * 1000.0,
            seen.join(", ")
        );
    }
}

mod concurrency {
    use super::*;
    use std::io::Write;

    const ARTICLE: &str = "松岭高新区位于湖北省襄阳市,以智能装备为主导产业。\n";

    #[test]
    fn a_second_writer_is_told_which_process_holds_the_store() {
        let tmp = tempfile::tempdir().unwrap();
        let store = tmp.path().join("store.db");
        let one = tmp.path().join("one.txt");
        std::fs::write(&one, ARTICLE).unwrap();
        run("first ingest", ingest_args(&store, &[&one])).success();
        // A writer that holds the store while it waits for standard input.
        let mut holder = start(
            "holding ingest",
            ["ingest".as_ref(), "--store".as_ref(), store.as_os_str(), "-".as_ref()],
            Stdio::piped(),
        );
        let note = store.join("zonegraph.pid");
        while !note.exists() {
            assert!(holder.poll().is_none(), "the holding ingest ended early");
            assert!(holder.started.elapsed() < Duration::from_secs(20), "no writer note");
            std::thread::sleep(Duration::from_millis(10));
        }
        let pid = holder.id();
        let second = run("second writer", ingest_args(&store, &[&one]));
        second.assert_no_panic();
        assert_eq!(second.code, Some(2), "{}", second.stderr);
        for needle in [
            format!("process {pid}"),
            "ingest --store".to_string(),
            store.display().to_string(),
        ] {
            assert!(
                second.stderr.contains(&needle),
                "the message does not say {needle:?}:\n{}",
                second.stderr
            );
        }
        eprintln!("second writer: {}", second.stderr.trim());
        // Readers are not blocked by the writer.
        let q = run(
            "query while held",
            [
                "query".as_ref(),
                "--store".as_ref(),
                store.as_os_str(),
                "SELECT * { ?s ?p ?o } LIMIT 1".as_ref(),
            ],
        );
        q.success();
        // The writer finishes its input; its note goes with it.
        let mut stdin = holder.child.stdin.take().unwrap();
        stdin.write_all("枫林高新区位于四川省绵阳市。\n".as_bytes()).unwrap();
        drop(stdin);
        let r = holder.finish(Duration::from_secs(20));
        r.success();
        assert!(!note.exists(), "the writer note was not removed");
        run("third writer", ingest_args(&store, &[&one])).success();
    }

    #[test]
    fn queries_keep_working_while_an_ingest_writes() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        write_corpus(&corpus, 300, 7);
        let store = tmp.path().join("store.db");
        let first: Vec<PathBuf> = write_corpus(&tmp.path().join("first"), 20, 8);
        let first_refs: Vec<&Path> = first.iter().map(PathBuf::as_path).collect();
        run("first ingest", ingest_args(&store, &first_refs)).success();

        let mut writer = start("ingest", ingest_args(&store, &[&corpus]), Stdio::null());
        let (mut ok, mut refused, mut counts) = (0, 0, Vec::new());
        let query = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?d a <https://w3id.org/zonegraph/ontology#Document> } }";
        while writer.poll().is_none() || ok + refused == 0 {
            let q = run(
                "query during ingest",
                [
                    "query".as_ref(),
                    "--store".as_ref(),
                    store.as_os_str(),
                    "--format".as_ref(),
                    "csv".as_ref(),
                    query.as_ref(),
                ],
            );
            q.assert_no_panic();
            match q.code {
                Some(0) => {
                    ok += 1;
                    let n: usize = String::from_utf8_lossy(&q.stdout)
                        .lines()
                        .nth(1)
                        .and_then(|l| l.trim().parse().ok())
                        .unwrap_or_else(|| panic!("query output: {}", String::from_utf8_lossy(&q.stdout)));
                    counts.push(n);
                }
                _ => {
                    // Refusing is allowed only with a clear message about the store.
                    assert!(q.stderr.contains("store"), "unclear failure: {}", q.stderr);
                    refused += 1;
                }
            }
            assert!(writer.started.elapsed() < Duration::from_secs(120), "ingest too slow");
        }
        let r = writer.finish(Duration::from_secs(120));
        r.success();
        assert!(ok > 0, "no query succeeded while the ingest ran");
        // Counts never go down and stay within what is being written.
        assert!(
            counts.windows(2).all(|w| w[0] <= w[1]),
            "document counts went down: {counts:?}"
        );
        assert!(counts.iter().all(|&n| (20..=320).contains(&n)), "{counts:?}");
        eprintln!(
            "queries during one ingest: {ok} answered, {refused} refused; documents seen: {:?}",
            counts
        );
    }
}

mod idempotence {
    use super::*;

    #[test]
    fn the_same_corpus_twice_or_in_another_order_gives_the_same_dataset() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        let paths = write_corpus(&corpus, 120, 99);
        let once = tmp.path().join("once.db");
        run("ingest", ingest_args(&once, &[&corpus])).success();
        let first = dump(&once);
        run("ingest again", ingest_args(&once, &[&corpus])).success();
        assert_eq!(
            dump(&once),
            first,
            "ingesting the same corpus twice changed the dataset"
        );
        // In reverse order, in two halves, one of them twice.
        let other = tmp.path().join("other.db");
        let reversed: Vec<&Path> = paths.iter().rev().map(PathBuf::as_path).collect();
        let (a, b) = reversed.split_at(60);
        run("second half", ingest_args(&other, a)).success();
        run("first half", ingest_args(&other, b)).success();
        run("second half again", ingest_args(&other, a)).success();
        assert_eq!(dump(&other), first, "another order gives another dataset");
        // A changed document replaces its old version, nothing else changes.
        std::fs::write(&paths[0], "白沙高新区位于江苏省常州市。\n").unwrap();
        run("changed document", ingest_args(&other, &[&paths[0]])).success();
        let changed = dump(&other);
        assert_ne!(changed, first);
        run("rebuild", ingest_args(&once, &[&corpus])).success();
        assert_eq!(
            dump(&once),
            changed,
            "a re-ingested changed file differs from a rebuild"
        );
    }
}

mod disk_full {
    use super::*;
    use std::process::Command;

    /// A tmpfs of `size` mounted at a fresh folder, unmounted on drop.
    struct Tmpfs {
        dir: tempfile::TempDir,
    }

    impl Tmpfs {
        fn mount(size: &str) -> Option<Tmpfs> {
            let dir = tempfile::tempdir().ok()?;
            let ok = Command::new("mount")
                .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
                .arg(dir.path())
                .stderr(Stdio::null())
                .status()
                .map(|s| s.success())
                .unwrap_or(false);
            ok.then_some(Tmpfs { dir })
        }

        fn path(&self) -> &Path {
            self.dir.path()
        }
    }

    impl Drop for Tmpfs {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(self.dir.path()).status();
        }
    }

    /// Fill the file system until it has no room left but `reserve` bytes.
    fn fill(path: &Path, reserve: u64) {
        fill_up(path);
        let f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        let len = f.metadata().unwrap().len();
        f.set_len(len.saturating_sub(reserve)).unwrap();
    }

    fn fill_up(path: &Path) {
        use std::io::Write;
        let mut f = std::fs::File::create(path).unwrap();
        let block = vec![0x5au8; 64 * 1024];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
        let mut small = vec![0x5au8; 1024];
        while small.len() > 1 {
            if f.write_all(&small).is_err() {
                small.truncate(small.len() / 2);
            }
        }
    }

    #[test]
    fn a_full_disk_fails_the_run_clearly_and_loses_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        let paths = write_corpus(&corpus, 80, 5);
        let expected = extract_by_graph(&corpus);
        let Some(fs) = Tmpfs::mount("64m") else {
            eprintln!("disk_full: cannot mount a tmpfs here (not root?): skipped; see README, Reliability");
            return;
        };
        let store = fs.path().join("store.db");
        let first: Vec<&Path> = paths[..10].iter().map(PathBuf::as_path).collect();
        run("ingest before the disk fills", ingest_args(&store, &first)).success();
        let before = check_whole(&store, &expected, "before the disk filled");
        assert_eq!(before, 10);
        let filler = fs.path().join("filler");
        // No room at all (the store cannot even open), then a little room
        // (documents are written until the disk fills in the middle of the run).
        for reserve in [0, 2 * 1024 * 1024] {
            fill(&filler, reserve);
            let before = check_whole(&store, &expected, "before the disk filled");
            let r = run("ingest on a full disk", ingest_args(&store, &[&corpus]));
            r.assert_no_panic();
            assert_ne!(r.code, Some(0), "ingest on a full disk succeeded?\n{}", r.stderr);
            assert!(
                r.stderr.contains("No space left"),
                "the error does not say the disk is full:\n{}",
                r.stderr
            );
            assert!(
                r.stderr.contains(&store.display().to_string()),
                "the error does not name the store:\n{}",
                r.stderr
            );
            let lines = r.stderr.lines().count();
            assert!(lines <= 3, "one error, not one per document:\n{}", r.stderr);
            let after = check_whole(&store, &expected, "after the disk was full");
            assert!(after >= before, "documents were lost: {after} < {before}");
            eprintln!(
                "full disk ({reserve} bytes free): exit {:?}, {lines} lines on stderr, documents {before} -> {after}; first line: {}",
                r.code,
                r.stderr.lines().next().unwrap_or("")
            );
            std::fs::remove_file(&filler).unwrap();
        }
        run("ingest with room again", ingest_args(&store, &[&corpus])).success();
        assert_eq!(check_whole(&store, &expected, "after the disk had room again"), 80);
    }
}
