//! Hand-over to other stores: a local store's graphs in, the same graphs in a
//! remote SPARQL store out, through the SPARQL 1.1 Graph Store HTTP Protocol.
//!
//! In: an Oxigraph store (one named graph per document, plus the shared
//! graphs such as `id:graph-reference`). Out: one `PUT {graph-store}?graph=IRI`
//! per named graph, its triples as N-Triples. A PUT replaces the remote graph,
//! so pushing twice leaves the remote store as pushing once does, and a
//! re-ingested document replaces its old version there too.
//!
//! Graphs are read and sent in batches; a request that fails on the way
//! (connection error, HTTP 5xx, 429) is retried with a growing pause, one the
//! server refuses (other 4xx) is reported for its graph and the push goes on.
//! A server that cannot be reached at all after the retries stops the push.

use crate::http::Client;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode};
use oxigraph::store::Store;
use std::time::{Duration, Instant};

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct PushConfig {
    /// The Graph Store Protocol URL (`http://host:7878/store` for Oxigraph).
    pub graph_store: String,
    /// Graphs read from the store and sent per batch.
    pub batch: usize,
    /// Retries of a request that failed on the way.
    pub retries: u32,
    /// First pause before a retry; doubled at each one.
    pub backoff: Duration,
    /// Timeout of connecting and of each read and write.
    pub timeout: Duration,
    /// `Authorization: Bearer …` for servers that ask for it.
    pub token: Option<String>,
    /// Push only these graphs (IRIs); all named graphs when empty.
    pub only: Vec<String>,
}

/// A graph the remote store did not accept.
#[derive(Debug, Clone)]
pub struct PushFailure {
    pub graph: String,
    pub message: String,
}

/// What a push did.
#[derive(Debug, Clone, Default)]
pub struct PushReport {
    pub graphs: usize,
    pub triples: usize,
    pub bytes: usize,
    pub retries: usize,
    pub failures: Vec<PushFailure>,
    pub seconds: f64,
}

/// Errors that stop a push.
#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error("cannot read the local store: {0}")]
    Store(String),
    #[error(
        "graph <{graph}>: PUT {url}: the server cannot be reached ({message}); is it running, and is the URL right?"
    )]
    Unreachable {
        graph: String,
        url: String,
        message: String,
    },
    #[error(
        "{0}: no Graph Store Protocol URL known for this endpoint; give it with --graph-store \
         (Oxigraph: http://HOST:7878/store, Fuseki: http://HOST:3030/DATASET/data, \
         Virtuoso: http://HOST:8890/sparql-graph-crud, GraphDB: http://HOST:7200/repositories/REPO/rdf-graphs/service)"
    )]
    UnknownGraphStore(String),
}

/// The Graph Store Protocol URL for a SPARQL endpoint URL, when its layout is
/// known: Oxigraph's server answers queries at `/query` and graphs at
/// `/store`, and a bare server root (`http://host:7878`) is taken as Oxigraph.
pub fn graph_store_url(endpoint: &str) -> Result<String, PushError> {
    let trimmed = endpoint.trim_end_matches('/');
    if let Some(base) = trimmed.strip_suffix("/query") {
        return Ok(format!("{base}/store"));
    }
    if trimmed.ends_with("/store") {
        return Ok(trimmed.to_string());
    }
    let after_scheme = trimmed.split_once("://").map(|(_, rest)| rest).unwrap_or(trimmed);
    if !after_scheme.contains('/') {
        return Ok(format!("{trimmed}/store"));
    }
    Err(PushError::UnknownGraphStore(endpoint.to_string()))
}

/// The URL of one graph in the graph store.
fn graph_url(graph_store: &str, graph: &NamedNode) -> String {
    let separator = if graph_store.contains('?') { '&' } else { '?' };
    let encoded: String = form_urlencoded::byte_serialize(graph.as_str().as_bytes()).collect();
    format!("{graph_store}{separator}graph={encoded}")
}

/// The named graphs to push, in IRI order (so that runs are repeatable).
fn graphs_to_push(store: &Store, only: &[String]) -> Result<Vec<NamedNode>, PushError> {
    if !only.is_empty() {
        return only
            .iter()
            .map(|g| NamedNode::new(g.clone()).map_err(|e| PushError::Store(format!("graph <{g}>: {e}"))))
            .collect();
    }
    let mut graphs = Vec::new();
    for g in store.named_graphs() {
        match g.map_err(|e| PushError::Store(e.to_string()))? {
            NamedOrBlankNode::NamedNode(n) => graphs.push(n),
            NamedOrBlankNode::BlankNode(_) => {} // not addressable through the protocol
        }
    }
    graphs.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    Ok(graphs)
}

/// One graph as N-Triples, and its number of triples.
fn serialize_graph(store: &Store, graph: &NamedNode) -> Result<(Vec<u8>, usize), PushError> {
    let mut writer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    let mut count = 0;
    for quad in store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph.as_ref()))) {
        let quad = quad.map_err(|e| PushError::Store(e.to_string()))?;
        writer
            .serialize_triple(quad.as_ref())
            .map_err(|e| PushError::Store(e.to_string()))?;
        count += 1;
    }
    let body = writer.finish().map_err(|e| PushError::Store(e.to_string()))?;
    Ok((body, count))
}

/// How one PUT ended.
enum Sent {
    Done,
    Refused(String),
}

/// PUT one graph, retrying what failed on the way.
fn put_graph(
    client: &Client,
    config: &PushConfig,
    graph: &NamedNode,
    url: &str,
    body: &[u8],
    retries: &mut usize,
) -> Result<Sent, PushError> {
    let mut headers: Vec<(&str, &str)> = vec![("Content-Type", "application/n-triples")];
    let bearer = config.token.as_ref().map(|t| format!("Bearer {t}"));
    if let Some(b) = &bearer {
        headers.push(("Authorization", b.as_str()));
    }
    let mut pause = config.backoff;
    let mut attempt = 0;
    loop {
        let outcome = client.request("PUT", url, &headers, Some(body));
        let retry_reason = match &outcome {
            Ok(r) if (200..300).contains(&r.status) => return Ok(Sent::Done),
            Ok(r) if r.status >= 500 || r.status == 429 => format!("HTTP {}: {}", r.status, excerpt(&r.text())),
            Ok(r) => return Ok(Sent::Refused(format!("HTTP {}: {}", r.status, excerpt(&r.text())))),
            Err(e) => e.to_string(),
        };
        if attempt >= config.retries {
            return match outcome {
                Err(_) => Err(PushError::Unreachable {
                    graph: graph.as_str().to_string(),
                    url: url.to_string(),
                    message: retry_reason,
                }),
                Ok(_) => Ok(Sent::Refused(format!(
                    "{retry_reason} (after {} retries)",
                    config.retries
                ))),
            };
        }
        attempt += 1;
        *retries += 1;
        std::thread::sleep(pause);
        pause = pause.saturating_mul(2);
    }
}

/// The start of a server's answer, on one line.
fn excerpt(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

/// Push the store's named graphs to `config.graph_store`. `progress` is
/// called after each graph with (graphs done, graphs in all).
pub fn push(
    store: &Store,
    config: &PushConfig,
    mut progress: impl FnMut(usize, usize),
) -> Result<PushReport, PushError> {
    let started = Instant::now();
    let client = Client::new(concat!("zonegraph/", env!("CARGO_PKG_VERSION")), config.timeout);
    let graphs = graphs_to_push(store, &config.only)?;
    let mut report = PushReport::default();
    let mut done = 0;
    for batch in graphs.chunks(config.batch.max(1)) {
        let bodies = batch
            .iter()
            .map(|g| serialize_graph(store, g).map(|(body, n)| (g, body, n)))
            .collect::<Result<Vec<_>, _>>()?;
        for (graph, body, triples) in bodies {
            let url = graph_url(&config.graph_store, graph);
            match put_graph(&client, config, graph, &url, &body, &mut report.retries)? {
                Sent::Done => {
                    report.graphs += 1;
                    report.triples += triples;
                    report.bytes += body.len();
                }
                Sent::Refused(message) => report.failures.push(PushFailure {
                    graph: graph.as_str().to_string(),
                    message: format!("{url}: {message}"),
                }),
            }
            done += 1;
            progress(done, graphs.len());
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_store_urls_of_known_layouts() {
        assert_eq!(
            graph_store_url("http://127.0.0.1:7878/query").unwrap(),
            "http://127.0.0.1:7878/store"
        );
        assert_eq!(
            graph_store_url("http://127.0.0.1:7878/").unwrap(),
            "http://127.0.0.1:7878/store"
        );
        assert_eq!(graph_store_url("http://h:7878/store").unwrap(), "http://h:7878/store");
        assert!(matches!(
            graph_store_url("http://h:3030/ds/sparql"),
            Err(PushError::UnknownGraphStore(_))
        ));
    }

    #[test]
    fn graph_iris_are_percent_encoded_in_the_query_string() {
        let g = NamedNode::new("https://w3id.org/zonegraph/doc/abc?x=1&y").unwrap();
        assert_eq!(
            graph_url("http://h/store", &g),
            "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fzonegraph%2Fdoc%2Fabc%3Fx%3D1%26y"
        );
        assert_eq!(
            graph_url("http://h/ds?x=1", &g),
            "http://h/ds?x=1&graph=https%3A%2F%2Fw3id.org%2Fzonegraph%2Fdoc%2Fabc%3Fx%3D1%26y"
        );
    }

    #[test]
    fn long_answers_are_cut_to_one_line() {
        let long = "a\nb ".repeat(300);
        let e = excerpt(&long);
        assert!(!e.contains('\n'));
        assert!(e.ends_with('…'));
    }

    /// A server on loopback answering successive connections with the given
    /// statuses; it returns the request lines it saw.
    fn scripted_server(statuses: Vec<u16>) -> (String, std::thread::JoinHandle<Vec<String>>) {
        use std::io::{BufRead, BufReader, Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}/store", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let mut seen = Vec::new();
            for status in statuses {
                let (stream, _) = listener.accept().unwrap();
                let mut reader = BufReader::new(stream);
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                seen.push(line.trim_end().to_string());
                let mut length = 0;
                loop {
                    let mut header = String::new();
                    reader.read_line(&mut header).unwrap();
                    if header.trim().is_empty() {
                        break;
                    }
                    if let Some(v) = header.to_ascii_lowercase().strip_prefix("content-length:") {
                        length = v.trim().parse().unwrap();
                    }
                    if header.to_ascii_lowercase().starts_with("authorization:") {
                        seen.push(header.trim_end().to_string());
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                let text = format!("answer {status}");
                let answer = format!(
                    "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                    text.len()
                );
                reader.get_mut().write_all(answer.as_bytes()).unwrap();
            }
            seen
        });
        (base, handle)
    }

    fn one_graph_store() -> Store {
        let store = Store::new().unwrap();
        let g = NamedNode::new("https://w3id.org/zonegraph/doc/x").unwrap();
        let s = NamedNode::new("https://w3id.org/zonegraph/id/a").unwrap();
        store.insert(oxigraph::model::QuadRef::new(&s, &s, &s, &g)).unwrap();
        store
    }

    fn config(graph_store: String, retries: u32) -> PushConfig {
        PushConfig {
            graph_store,
            batch: 10,
            retries,
            backoff: Duration::from_millis(1),
            timeout: Duration::from_secs(5),
            token: Some("t0k".into()),
            only: Vec::new(),
        }
    }

    #[test]
    fn server_errors_are_retried_and_refusals_are_not() {
        let store = one_graph_store();
        let (url, server) = scripted_server(vec![503, 500, 204]);
        let report = push(&store, &config(url, 3), |_, _| {}).unwrap();
        assert_eq!((report.graphs, report.triples, report.retries), (1, 1, 2));
        assert!(report.failures.is_empty());
        let seen = server.join().unwrap();
        let put = "PUT /store?graph=https%3A%2F%2Fw3id.org%2Fzonegraph%2Fdoc%2Fx HTTP/1.1";
        assert_eq!(seen, [put, "Authorization: Bearer t0k"].repeat(3));

        let (url, server) = scripted_server(vec![400]);
        let report = push(&store, &config(url.clone(), 3), |_, _| {}).unwrap();
        assert_eq!((report.graphs, report.retries, report.failures.len()), (0, 0, 1));
        let f = &report.failures[0];
        assert_eq!(f.graph, "https://w3id.org/zonegraph/doc/x");
        assert!(
            f.message.contains(&url) && f.message.contains("HTTP 400: answer 400"),
            "{}",
            f.message
        );
        assert_eq!(server.join().unwrap().len(), 2);

        // Server errors to the end: a failure after the retries, not a stop.
        let (url, server) = scripted_server(vec![502, 502]);
        let report = push(&store, &config(url, 1), |_, _| {}).unwrap();
        assert_eq!((report.graphs, report.retries), (0, 1));
        assert!(report.failures[0].message.contains("HTTP 502"));
        server.join().unwrap();
    }
}
