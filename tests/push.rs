//! `zonegraph push` against a real, independently written server: Oxigraph's
//! own `oxigraph serve` (crate oxigraph-cli), started on loopback by the test.
//!
//! The server binary is found through `OXIGRAPH_SERVER`, else at
//! `target/oxcli-bin/bin/oxigraph` (where `.ci/run` installs it). Without it
//! the test says it is skipped, unless `ZONEGRAPH_REQUIRE_OXIGRAPH` is set
//! (as in CI), when it fails.
//!
//! Run with `cargo test --release --test push`.

mod support;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use support::*;

fn oxigraph_server() -> Option<PathBuf> {
    let path = std::env::var_os("OXIGRAPH_SERVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/oxcli-bin/bin/oxigraph"));
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("ZONEGRAPH_REQUIRE_OXIGRAPH").is_none(),
        "no Oxigraph server at {} (install: cargo install oxigraph-cli --root target/oxcli-bin)",
        path.display()
    );
    eprintln!(
        "skipped: no Oxigraph server at {} (install it with `cargo install oxigraph-cli --version 0.5.13 --root target/oxcli-bin`, or set OXIGRAPH_SERVER)",
        path.display()
    );
    None
}

/// `oxigraph serve` on a free loopback port, killed when dropped.
struct Remote {
    child: Child,
    base: String,
}

impl Remote {
    fn start(server: &Path, location: &Path) -> Remote {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(server)
            .args(["serve", "--location"])
            .arg(location)
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("oxigraph serve starts");
        let remote = Remote {
            child,
            base: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        let ask = format!("{}/query?query={}", remote.base, enc("ASK {}"));
        while client().get(&ask, &[]).map(|r| r.status).ok() != Some(200) {
            assert!(
                Instant::now() < deadline,
                "oxigraph serve did not answer at {}",
                remote.base
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        remote
    }

    /// Every quad of the remote store's named graphs, as sorted rows.
    fn quads(&self) -> Vec<std::collections::BTreeMap<String, String>> {
        let url = format!("{}/query?query={}", self.base, enc(ALL_QUADS));
        let answer = request("GET", &url, &[("Accept", "application/sparql-results+json")], None);
        assert_eq!(answer.status, 200, "{}", answer.body);
        bindings(&answer.body)
    }
}

impl Drop for Remote {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const REFERENCE: &str = "https://w3id.org/zonegraph/id/graph-reference";

const ALL_QUADS: &str = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }";

fn local_quads(store: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let out = zonegraph(&[
        "query".as_ref(),
        "--store".as_ref(),
        store.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
        ALL_QUADS.as_ref(),
    ]);
    bindings(&success(&out))
}

fn ingest(store: &Path, docs: &Path) {
    success(&zonegraph(&[
        "ingest".as_ref(),
        "--store".as_ref(),
        store.as_os_str(),
        docs.as_os_str(),
    ]));
}

fn push(store: &Path, endpoint: &str, extra: &[&str]) -> std::process::Output {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        std::ffi::OsStr::new("push"),
        "--store".as_ref(),
        store.as_os_str(),
        "--endpoint".as_ref(),
        endpoint.as_ref(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    zonegraph(&args)
}

#[test]
fn push_puts_every_graph_replaces_changed_ones_and_is_idempotent() {
    let Some(server) = oxigraph_server() else { return };
    let dir = tempfile::Builder::new().prefix("zonegraph-push-").tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    for name in ["qingxi.txt", "songling.html", "fenglin-pdf.txt"] {
        std::fs::copy(fixtures.join(name), docs.join(name)).unwrap();
    }
    let store = dir.path().join("local.db");
    ingest(&store, &docs);
    let remote = Remote::start(&server, &dir.path().join("remote"));
    let endpoint = format!("{}/query", remote.base);
    let local = local_quads(&store);
    assert!(local.len() > 100, "{} quads", local.len());

    // One graph only: the shared reference graph, and nothing else.
    success(&push(&store, &endpoint, &["--only-graph", REFERENCE]));
    let quoted = format!("\"{REFERENCE}\"");
    let only: Vec<_> = local.iter().filter(|q| q["g"].contains(&quoted)).cloned().collect();
    assert!(!only.is_empty(), "the local store has a reference graph");
    assert_eq!(remote.quads(), only);

    // A URL that refuses PUT (4xx): the graph is named with the URL and the
    // server's answer, not retried, and the exit code is 1.
    let started = Instant::now();
    let out = push(
        &store,
        &endpoint,
        &["--graph-store", &endpoint, "--graph", REFERENCE, "--retries", "5"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("graph <{REFERENCE}> refused"))
            && err.contains(&format!("{endpoint}?graph="))
            && err.contains("HTTP 404")
            && err.contains("PUT /query is not supported")
            && !err.contains("retries"),
        "{err}"
    );
    assert!(started.elapsed() < Duration::from_secs(5), "a 4xx is not retried");

    let out = push(&store, &endpoint, &[]);
    success(&out);
    let report = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(
        report.contains("pushed 4 graphs"),
        "three documents and the reference graph: {report}"
    );
    assert_eq!(remote.quads(), local, "the remote store holds what the local one does");

    // Again: PUT replaces, nothing doubles.
    success(&push(&store, &endpoint, &["--batch", "1"]));
    assert_eq!(remote.quads(), local);

    // A changed document: its graph is replaced remotely too.
    let changed = docs.join("qingxi.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\n青溪高新区今年又迎来了白鹭光电有限公司落户。\n");
    std::fs::write(&changed, text).unwrap();
    ingest(&store, &changed);
    let changed_local = local_quads(&store);
    assert_ne!(changed_local, local, "the re-ingested document changed the local store");
    success(&push(&store, &format!("{}/", remote.base), &[]));
    assert_eq!(
        remote.quads(),
        changed_local,
        "the old version of the document is gone remotely"
    );
}

#[test]
fn an_unreachable_server_is_a_clear_error() {
    let dir = tempfile::Builder::new().prefix("zonegraph-push-").tempdir().unwrap();
    let store = dir.path().join("local.db");
    ingest(
        &store,
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/qingxi.txt"),
    );
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let endpoint = format!("http://127.0.0.1:{port}/query");
    let out = push(&store, &endpoint, &["--retries", "1"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot be reached")
            && err.contains(&format!("127.0.0.1:{port}/store?graph="))
            && err.contains("graph <https://w3id.org/zonegraph/"),
        "{err}"
    );

    // An endpoint whose graph store URL is not known asks for --graph-store.
    let out = push(&store, "http://127.0.0.1:1/ds/sparql", &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--graph-store"));
}
