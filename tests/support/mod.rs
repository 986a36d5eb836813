//! Helpers shared by the end-to-end tests (`tests/serve.rs`, `tests/link.rs`, …):
//! fixture stores, `zonegraph serve` on a free loopback port, an HTTP client.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Duration;
pub use zonegraph::http::Client;

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_zonegraph"))
}

pub fn zonegraph(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(bin())
        .args(args)
        .env_remove("ZONEGRAPH_STORE")
        .env_remove("ZONEGRAPH_TOKEN")
        .output()
        .expect("zonegraph runs")
}

pub fn success(out: &Output) -> String {
    assert!(
        out.status.success(),
        "zonegraph failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A temporary store holding the fixture article.
pub struct Fixture {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::Builder::new().prefix("zonegraph-serve-").tempdir().unwrap();
        let path = dir.path().join("store.db");
        let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles/qingxi.txt");
        success(&zonegraph(&[
            "ingest".as_ref(),
            "--store".as_ref(),
            path.as_os_str(),
            article.as_os_str(),
        ]));
        Fixture { _dir: dir, path }
    }

    /// A path beside the store, for files a test writes.
    pub fn tmp(&self, name: &str) -> PathBuf {
        self._dir.path().join(name)
    }
}

/// One read-only fixture store shared by the tests that do not write.
pub fn shared_store() -> &'static Path {
    static STORE: OnceLock<Fixture> = OnceLock::new();
    &STORE.get_or_init(Fixture::new).path
}

/// A running `zonegraph serve`, killed when dropped.
pub struct Server {
    child: Child,
    pub base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Start `serve` on a free loopback port with extra arguments.
    pub fn start(store: &Path, extra: &[&str]) -> Server {
        Self::start_env(store, extra, &[])
    }

    pub fn start_env(store: &Path, extra: &[&str], env: &[(&str, &str)]) -> Server {
        for _attempt in 0..5 {
            let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
            let bind = format!("127.0.0.1:{port}");
            let mut cmd = Command::new(bin());
            cmd.args(["serve", "--bind", &bind, "--store"])
                .arg(store)
                .args(extra)
                .env_remove("ZONEGRAPH_STORE")
                .env_remove("ZONEGRAPH_TOKEN")
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped());
            for (k, v) in env {
                cmd.env(k, v);
            }
            let mut child = cmd.spawn().expect("zonegraph serve starts");
            let stderr = child.stderr.take().unwrap();
            let mut lines = BufReader::new(stderr).lines();
            let mut seen = String::new();
            let mut ready = false;
            for line in lines.by_ref() {
                let Ok(line) = line else { break };
                seen.push_str(&line);
                seen.push('\n');
                if line.contains("SPARQL endpoint") {
                    ready = true;
                    break;
                }
            }
            if ready {
                // Keep draining stderr so the server never blocks on it.
                std::thread::spawn(move || for _ in lines {});
                return Server {
                    child,
                    base: format!("http://{bind}"),
                };
            }
            let _ = child.kill();
            let _ = child.wait();
            assert!(
                seen.contains("in use") || seen.contains("cannot listen"),
                "serve did not start:\n{seen}"
            );
        }
        panic!("no free port found for serve");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

pub fn client() -> Client {
    Client::new("zonegraph-tests", Duration::from_secs(60))
}

pub fn request(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Answer {
    request_with(&client(), method, url, headers, body)
}

pub fn request_with(client: &Client, method: &str, url: &str, headers: &[(&str, &str)], body: Option<&[u8]>) -> Answer {
    let response = client
        .request(method, url, headers, body)
        .unwrap_or_else(|e| panic!("{url}: {e}"));
    Answer {
        status: response.status,
        content_type: response.header("content-type").unwrap_or("").to_string(),
        body: response.text(),
    }
}

pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// GET /query with this query and Accept header.
pub fn get_query(server: &Server, query: &str, accept: &str) -> Answer {
    let url = server.url(&format!("/query?query={}", enc(query)));
    let headers: Vec<(&str, &str)> = if accept.is_empty() {
        vec![]
    } else {
        vec![("Accept", accept)]
    };
    request("GET", &url, &headers, None)
}

pub fn post_update(server: &Server, update: &str, token: Option<&str>) -> Answer {
    let auth = token.map(|t| format!("Bearer {t}"));
    let mut headers = vec![("Content-Type", "application/sparql-update")];
    if let Some(a) = &auth {
        headers.push(("Authorization", a.as_str()));
    }
    request("POST", &server.url("/update"), &headers, Some(update.as_bytes()))
}

/// SPARQL JSON results as a sorted list of rows (variable → N-Triples-like term).
pub fn bindings(json: &str) -> Vec<BTreeMap<String, String>> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"));
    let mut rows: Vec<BTreeMap<String, String>> = v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            b.as_object()
                .unwrap()
                .iter()
                .map(|(k, t)| (k.clone(), t.to_string()))
                .collect()
        })
        .collect();
    rows.sort();
    rows
}

pub const PREFIXES: &str =
    "PREFIX zg: <https://w3id.org/zonegraph/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";

pub fn saved_queries() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_str()?.strip_suffix(".rq")?.to_string();
            Some((name, std::fs::read_to_string(e.path()).ok()?))
        })
        .collect();
    v.sort();
    v
}

/// The `p`-th percentile of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}
