//! `zonegraph link wikidata` and `zonegraph export links`, over the real
//! HTTP path: the Wikidata-shaped fixture `tests/fixtures/wikidata.ttl`
//! (invented items, see its header) is loaded into a second store and
//! served by `zonegraph serve` on loopback; the linker asks it.
//!
//! Run with `cargo test --release --test link`.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::*;

const WD: &str = "http://www.wikidata.org/entity/";

/// A store holding the Wikidata fixture, served on loopback.
fn wikidata_endpoint() -> (tempfile::TempDir, Server) {
    let dir = tempfile::Builder::new().prefix("zonegraph-wd-").tempdir().unwrap();
    let path = dir.path().join("wd.db");
    {
        let store = oxigraph::store::Store::open(&path).unwrap();
        let ttl = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wikidata.ttl")).unwrap();
        store
            .load_from_reader(
                oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
                    .with_default_graph(oxigraph::model::NamedNode::new("http://www.wikidata.org/").unwrap()),
                ttl.as_slice(),
            )
            .unwrap();
        store.flush().unwrap();
    }
    let server = Server::start(&path, &[]);
    (dir, server)
}

fn link_args<'a>(store: &'a Path, endpoint: &'a str, review: &'a Path, extra: &[&'a str]) -> Vec<&'a std::ffi::OsStr> {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "link".as_ref(),
        "wikidata".as_ref(),
        "--store".as_ref(),
        store.as_os_str(),
        "--endpoint".as_ref(),
        endpoint.as_ref(),
        "--review".as_ref(),
        review.as_os_str(),
    ];
    args.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
    args
}

fn export(store: &Path, format: &str) -> String {
    success(&zonegraph(&[
        "export".as_ref(),
        "links".as_ref(),
        "--store".as_ref(),
        store.as_os_str(),
        "--format".as_ref(),
        format.as_ref(),
    ]))
}

/// entity label → Wikidata Q-id, from `export links --format tsv`.
fn links(store: &Path) -> Vec<(String, String)> {
    let tsv = export(store, "tsv");
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next(),
        Some("entity\tclass\tlabel\ttarget\tscore\tmethod\tlinkset")
    );
    let mut v: Vec<(String, String)> = lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[2].to_string(), f[3].trim_start_matches(WD).to_string())
        })
        .collect();
    v.sort();
    v
}

fn review_rows(path: &Path) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("entity\tclass\tlabel\tcandidate"));
    lines
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[2].to_string(),
                f[3].trim_start_matches(WD).to_string(),
                f[7].to_string(),
            )
        })
        .collect()
}

#[test]
fn links_confident_matches_and_lists_the_rest_for_review() {
    let (_wd, endpoint) = wikidata_endpoint();
    let store = Fixture::new();
    let review = store.tmp("review.tsv");
    let url = endpoint.url("/query");
    let out = zonegraph(&link_args(&store.path, &url, &review, &["--delay", "0ms"]));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("linked 5 of"),
        "{err}\n{}\n{}",
        export(&store.path, "tsv"),
        std::fs::read_to_string(&review).unwrap_or_default()
    );

    let got = links(&store.path);
    let want: Vec<(String, String)> = [
        ("嘉兴市", "Q990000001"),
        ("星桥半导体有限公司", "Q990000050"),
        ("浙江省", "Q16967"),
        ("远山科技股份有限公司", "Q990000020"),
        ("青溪高新技术产业开发区", "Q990000010"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let mut want = want;
    want.sort();
    assert_eq!(got, want);

    let review = review_rows(&review);
    for (label, item) in [
        ("蓝河材料", "Q990000021"),
        // Two universities of that name and nothing in the store says where
        // 青溪大学 is: ambiguous, both for review.
        ("青溪大学", "Q990000030"),
        ("青溪大学", "Q990000031"),
        ("青溪新材料研究院", "Q990000060"),
        ("嘉兴市", "Q990000002"),
    ] {
        assert!(
            review.iter().any(|(l, i, _)| l == label && i == item),
            "{label} {item} not in the review file: {review:?}"
        );
    }
    assert!(
        !review.iter().any(|(_, i, _)| i == "Q990000010"),
        "a linked item is not for review"
    );

    // Scores and methods as provenance, and the VoID description, in the linkset graph.
    let tsv = export(&store.path, "tsv");
    let zone = tsv.lines().find(|l| l.contains("Q990000010")).unwrap();
    assert!(zone.contains("\t1\t"), "{zone}");
    assert!(
        zone.contains("type=Q1147395") && zone.contains("location=330400"),
        "{zone}"
    );
    assert!(zone.contains("graph-linkset-wikidata"), "{zone}");
    let nt = export(&store.path, "nt");
    assert_eq!(nt.lines().count(), 5, "{nt}");
    assert!(nt
        .lines()
        .all(|l| l.contains("<http://www.w3.org/2002/07/owl#sameAs>") && l.ends_with(" .")));
    let void = export(&store.path, "void");
    assert!(
        void.contains("void:Linkset") && void.contains("void:linkPredicate owl:sameAs"),
        "{void}"
    );
    assert!(void.contains("\"5\"^^") || void.contains("void:triples 5"), "{void}");
    let in_graph = query_csv(
        &store.path,
        "SELECT ?ls ?n WHERE { GRAPH <https://w3id.org/zonegraph/id/graph-linkset-wikidata> { ?ls a <http://rdfs.org/ns/void#Linkset> ; <http://rdfs.org/ns/void#triples> ?n } }",
    );
    assert!(in_graph.contains("linkset-wikidata,5"), "{in_graph}");

    // The saved federated query, without permission to call Wikidata: each
    // zone label once with its item (no copy per document restating them).
    let coordinates = query_csv(&store.path, "zones-wikidata-coordinates");
    let rows: Vec<&str> = coordinates.lines().skip(1).collect();
    let zone_rows: Vec<&&str> = rows.iter().filter(|r| r.contains("青溪高新技术产业开发区")).collect();
    assert_eq!(zone_rows.len(), 1, "{coordinates}");
    assert!(
        zone_rows[0].ends_with("http://www.wikidata.org/entity/Q990000010,"),
        "{coordinates}"
    );
    let mut unique = rows.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), rows.len(), "duplicate rows: {coordinates}");

    // Run again: everything from the cache, the same links (the graph is replaced, not added to).
    let out = zonegraph(&link_args(&store.path, &url, &store.tmp("r2.tsv"), &["--delay", "0ms"]));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{err}");
    assert!(err.contains("from the cache"), "{err}");
    assert_eq!(links(&store.path), want);
    assert_eq!(export(&store.path, "nt").lines().count(), 5);
}

#[test]
fn an_unreachable_endpoint_is_a_clear_error() {
    let store = Fixture::new();
    let review = store.tmp("review.tsv");
    let out = zonegraph(&link_args(
        &store.path,
        "http://127.0.0.1:1/sparql",
        &review,
        &["--delay", "0ms", "--timeout", "5s"],
    ));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot reach the SPARQL endpoint http://127.0.0.1:1/sparql"),
        "{err}"
    );
    assert!(links(&store.path).is_empty());
}

#[test]
fn an_interrupted_run_continues_where_it_stopped() {
    let (_wd, endpoint) = wikidata_endpoint();
    let url = endpoint.url("/query");

    // The reference: one uninterrupted run.
    let reference = Fixture::new();
    let ref_review = reference.tmp("review.tsv");
    success(&zonegraph(&link_args(
        &reference.path,
        &url,
        &ref_review,
        &["--delay", "0ms", "--batch", "2"],
    )));

    // Killed after its first batch, then run again.
    let store = Fixture::new();
    let review = store.tmp("review.tsv");
    let progress = store.path.join("zonegraph-wikidata-progress.json");
    let mut child = Command::new(bin())
        .args(link_args(
            &store.path,
            &url,
            &review,
            &["--delay", "400ms", "--batch", "2"],
        ))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        let done = std::fs::read_to_string(&progress)
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .and_then(|v| v["done"].as_u64())
            .unwrap_or(0);
        if done >= 1 {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended before it could be interrupted"
        );
        assert!(started.elapsed() < Duration::from_secs(60), "no batch done in 60 s");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(progress.exists(), "the progress file stays after an interruption");
    assert!(links(&store.path).is_empty(), "nothing linked before the run completes");

    let out = zonegraph(&link_args(
        &store.path,
        &url,
        &review,
        &["--delay", "0ms", "--batch", "2"],
    ));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("resuming an interrupted run"), "{err}");
    assert!(!progress.exists(), "the progress file is removed when done");
    assert_eq!(links(&store.path), links(&reference.path));
    assert_eq!(
        export(&store.path, "nt"),
        export(&reference.path, "nt"),
        "the same links as an uninterrupted run"
    );
    let strip = |p: &Path| {
        let mut v = review_rows(p);
        v.sort();
        v
    };
    assert_eq!(strip(&review), strip(&ref_review), "the same review file");
}

/// A query's answer in CSV (a saved query's name or SPARQL text).
fn query_csv(store: &std::path::Path, query: &str) -> String {
    success(&zonegraph(&[
        "query".as_ref(),
        "--store".as_ref(),
        store.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        query.as_ref(),
    ]))
}
