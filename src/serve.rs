//! `zonegraph serve`: the store as a SPARQL 1.1 Protocol endpoint.
//!
//! In: a store and a [`ServeConfig`]. Out: an HTTP server (oxhttp, one
//! thread per connection) answering
//!
//! - `GET /`: a short HTML page saying what the endpoint is, with links
//!   running each saved query;
//! - `GET /query?query=…` and `POST /query` (`application/sparql-query`, or a
//!   form with `query=`): SPARQL queries, evaluated by [`crate::query`] with the
//!   union of all graphs as the default graph (unless `default-graph-uri` /
//!   `named-graph-uri` are given), results in the format the `Accept` header
//!   or the `format` parameter asks for;
//! - `POST /update`: SPARQL updates, only when the server was started with
//!   updates enabled and the request carries the bearer token.
//!
//! Safety rules, all on by default: bound to loopback; read-only (the store
//! is opened read-only, so no request can change it); a `SERVICE` (calls to
//! other endpoints) is refused unless allowed; `LOAD` is always refused, so
//! no request reads local files or fetches from other hosts;
//! every query is cancelled after a timeout and its answer is bounded in rows
//! and bytes; requests whose `Host` is not a loopback name are refused while
//! the server listens on loopback only (no DNS rebinding from web pages).

use crate::query::{self, FailureKind, OutputFormat, QueryFailure, QueryOptions, QuerySource};
use oxhttp::model::header::{HeaderValue, ACCEPT, AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, HOST, WWW_AUTHENTICATE};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::model::NamedNode;
use oxigraph::sparql::{CancellationToken, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::io::Read;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// The largest request body accepted (a query or an update).
pub const MAX_BODY: u64 = 1 << 20;

/// How the endpoint is run.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// Where to listen.
    pub bind: Vec<SocketAddr>,
    /// Accept `POST /update` (with the token).
    pub enable_update: bool,
    /// The bearer token updates must carry.
    pub token: Option<String>,
    /// Let queries call other endpoints with `SERVICE`.
    pub allow_service: bool,
    /// Cancel a query after this long.
    pub timeout: Duration,
    /// At most this many result rows (solutions or triples).
    pub max_results: usize,
    /// At most this many bytes in one answer.
    pub max_bytes: usize,
    /// At most this many connections served at once.
    pub max_connections: usize,
    /// Host names accepted besides loopback ones (when bound to loopback).
    pub allowed_hosts: Vec<String>,
}

impl Default for ServeConfig {
    fn default() -> Self {
        ServeConfig {
            bind: vec![SocketAddr::from(([127, 0, 0, 1], 7878))],
            enable_update: false,
            token: None,
            allow_service: false,
            timeout: Duration::from_secs(10),
            max_results: 100_000,
            max_bytes: 16 << 20,
            max_connections: 64,
            allowed_hosts: Vec::new(),
        }
    }
}

/// Parse a duration as people write it: `10s`, `500ms`, `2m`, `1h`, or a
/// number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let n: f64 = number
        .parse()
        .map_err(|_| format!("{s:?} is not a duration (write 10s, 500ms, 2m)"))?;
    let seconds = match unit.trim() {
        "" | "s" | "sec" | "secs" => n,
        "ms" => n / 1000.0,
        "m" | "min" => n * 60.0,
        "h" => n * 3600.0,
        other => return Err(format!("unknown unit {other:?} in {s:?} (use ms, s, m or h)")),
    };
    if !seconds.is_finite() || seconds < 0.0 {
        return Err(format!("{s:?}: a duration must not be negative"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// The deadlines of running queries, with the condition the watchdog waits on.
type Deadlines = (Mutex<BTreeMap<(Instant, u64), CancellationToken>>, Condvar);

/// Cancels queries whose time is up: one thread for all of them.
#[derive(Clone)]
struct Watchdog {
    inner: Arc<Deadlines>,
    next: Arc<AtomicU64>,
}

/// Removes its deadline when the query is done.
struct Armed {
    watchdog: Watchdog,
    key: (Instant, u64),
}

impl Drop for Armed {
    fn drop(&mut self) {
        let (lock, _) = &*self.watchdog.inner;
        if let Ok(mut map) = lock.lock() {
            map.remove(&self.key);
        }
    }
}

impl Watchdog {
    fn start() -> Watchdog {
        let w = Watchdog {
            inner: Arc::new((Mutex::new(BTreeMap::new()), Condvar::new())),
            next: Arc::new(AtomicU64::new(0)),
        };
        let inner = Arc::clone(&w.inner);
        std::thread::Builder::new()
            .name("zonegraph query timeouts".into())
            .spawn(move || {
                let (lock, cv) = &*inner;
                let Ok(mut map) = lock.lock() else { return };
                loop {
                    let now = Instant::now();
                    let first = map.keys().next().copied();
                    map = match first {
                        Some(key) if key.0 <= now => {
                            if let Some(token) = map.remove(&key) {
                                token.cancel();
                            }
                            map
                        }
                        Some(key) => match cv.wait_timeout(map, key.0 - now) {
                            Ok((m, _)) => m,
                            Err(_) => return,
                        },
                        None => match cv.wait(map) {
                            Ok(m) => m,
                            Err(_) => return,
                        },
                    };
                }
            })
            .expect("the timeout thread starts");
        w
    }

    /// A token cancelled `after` from now, unless the guard is dropped first.
    fn arm(&self, after: Duration) -> (CancellationToken, Armed) {
        let token = CancellationToken::new();
        let key = (Instant::now() + after, self.next.fetch_add(1, Ordering::Relaxed));
        let (lock, cv) = &*self.inner;
        if let Ok(mut map) = lock.lock() {
            map.insert(key, token.clone());
        }
        cv.notify_one();
        (
            token,
            Armed {
                watchdog: self.clone(),
                key,
            },
        )
    }
}

/// A running endpoint's shared state.
struct Endpoint {
    store: Store,
    config: ServeConfig,
    watchdog: Watchdog,
    loopback_only: bool,
}

type HttpError = (StatusCode, String);

fn error_response(status: StatusCode, message: &str) -> Response<Body> {
    let mut r = Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(format!("{message}\n")))
        .unwrap_or_else(|_| Response::new(Body::empty()));
    if status == StatusCode::UNAUTHORIZED {
        r.headers_mut()
            .insert(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"zonegraph\""));
    }
    r
}

/// Start the endpoint and serve until the process ends.
pub fn serve(store: Store, config: ServeConfig) -> std::io::Result<()> {
    let server = spawn(store, config)?;
    server.join()
}

/// Start the endpoint in background threads.
pub fn spawn(store: Store, config: ServeConfig) -> std::io::Result<oxhttp::ListeningServer> {
    if config.enable_update && config.token.as_deref().is_none_or(str::is_empty) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "updates need a bearer token: give --token or set ZONEGRAPH_TOKEN",
        ));
    }
    let loopback_only = config.bind.iter().all(|a| a.ip().is_loopback());
    let endpoint = Arc::new(Endpoint {
        store,
        watchdog: Watchdog::start(),
        loopback_only,
        config: config.clone(),
    });
    let mut server = oxhttp::Server::new(move |request| {
        endpoint
            .handle(request)
            .unwrap_or_else(|(status, message)| error_response(status, &message))
    })
    // Reading a request or writing an answer may not take longer than this.
    .with_global_timeout(config.timeout + Duration::from_secs(30))
    .with_max_concurrent_connections(config.max_connections.max(1));
    server = server
        .with_server_name(concat!("zonegraph/", env!("CARGO_PKG_VERSION")))
        .map_err(std::io::Error::other)?;
    for a in &config.bind {
        server = server.bind(*a);
    }
    server.spawn()
}

/// The parameters of a request (URL query and form body), in order.
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(bytes: &[u8]) -> Params {
        Params(
            form_urlencoded::parse(bytes)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    fn all(&self, key: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn single(&self, key: &str) -> Result<Option<&str>, HttpError> {
        match self.all(key).as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(one)),
            _ => Err(bad_request(&format!("the parameter {key} is given more than once"))),
        }
    }
}

fn bad_request(message: &str) -> HttpError {
    (StatusCode::BAD_REQUEST, message.to_string())
}

fn body(request: &mut Request<Body>) -> Result<Vec<u8>, HttpError> {
    let mut payload = Vec::new();
    request
        .body_mut()
        .take(MAX_BODY + 1)
        .read_to_end(&mut payload)
        .map_err(|e| bad_request(&format!("cannot read the request body: {e}")))?;
    if payload.len() as u64 > MAX_BODY {
        return Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request bodies are limited to {MAX_BODY} bytes"),
        ));
    }
    Ok(payload)
}

fn content_type(request: &Request<Body>) -> String {
    request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The media types each format answers to, preferred first.
const RESULT_TYPES: &[(OutputFormat, &[&str])] = &[
    (
        OutputFormat::Json,
        &["application/sparql-results+json", "application/json"],
    ),
    (
        OutputFormat::Xml,
        &["application/sparql-results+xml", "application/xml", "text/xml"],
    ),
    (OutputFormat::Csv, &["text/csv"]),
    (OutputFormat::Tsv, &["text/tab-separated-values"]),
    (OutputFormat::Table, &["text/plain"]),
];
const RDF_TYPES: &[(OutputFormat, &[&str])] = &[
    (OutputFormat::Turtle, &["text/turtle", "application/x-turtle"]),
    (OutputFormat::NTriples, &["application/n-triples", "text/plain"]),
    (OutputFormat::NQuads, &["application/n-quads"]),
    (
        OutputFormat::RdfXml,
        &["application/rdf+xml", "application/xml", "text/xml"],
    ),
];

/// The format an `Accept` header asks for among `offered` (preferred first);
/// `None` when it accepts none of them.
pub fn negotiate(accept: &str, offered: &[(OutputFormat, &[&str])]) -> Option<OutputFormat> {
    if accept.trim().is_empty() {
        return offered.first().map(|(f, _)| *f);
    }
    let ranges: Vec<(String, f32)> = accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim().to_ascii_lowercase();
            let mut q = 1.0f32;
            for p in parts {
                if let Some((k, v)) = p.split_once('=') {
                    if k.trim().eq_ignore_ascii_case("q") {
                        q = v.trim().parse().unwrap_or(0.0);
                    }
                }
            }
            (!range.is_empty()).then_some((range, q))
        })
        .collect();
    let mut best: Option<(OutputFormat, (f32, u8))> = None;
    for (format, types) in offered {
        // The most specific range matching one of the format's types decides its q.
        let mut score: Option<(u8, f32)> = None;
        for t in *types {
            let (major, _) = t.split_once('/').unwrap_or((t, ""));
            for (range, q) in &ranges {
                let specificity = if range == t {
                    3
                } else if range == &format!("{major}/*") {
                    2
                } else if range == "*/*" || range == "*" {
                    1
                } else {
                    continue;
                };
                if score.is_none_or(|(s, _)| specificity > s) {
                    score = Some((specificity, *q));
                }
            }
        }
        if let Some((specificity, q)) = score {
            if q > 0.0 && best.is_none_or(|(_, (bq, bs))| q > bq || (q == bq && specificity > bs)) {
                best = Some((*format, (q, specificity)));
            }
        }
    }
    best.map(|(f, _)| f)
}

/// The format a `format` (or `output`) parameter names: a short name or a media type.
fn named_format(name: &str) -> Option<OutputFormat> {
    let name = name.trim().to_ascii_lowercase();
    let by_name = match name.as_str() {
        "json" | "srj" => Some(OutputFormat::Json),
        "xml" | "srx" => Some(OutputFormat::Xml),
        "csv" => Some(OutputFormat::Csv),
        "tsv" => Some(OutputFormat::Tsv),
        "table" | "text" | "txt" => Some(OutputFormat::Table),
        "turtle" | "ttl" => Some(OutputFormat::Turtle),
        "ntriples" | "nt" | "n-triples" => Some(OutputFormat::NTriples),
        "nquads" | "nq" | "n-quads" => Some(OutputFormat::NQuads),
        "rdfxml" | "rdf" | "rdf+xml" => Some(OutputFormat::RdfXml),
        _ => None,
    };
    by_name.or_else(|| {
        RESULT_TYPES
            .iter()
            .chain(RDF_TYPES)
            .find(|(_, types)| types.contains(&name.as_str()))
            .map(|(f, _)| *f)
    })
}

fn status_of(f: &QueryFailure) -> StatusCode {
    match f.kind {
        FailureKind::Syntax => StatusCode::BAD_REQUEST,
        FailureKind::Refused => StatusCode::FORBIDDEN,
        FailureKind::Cancelled => StatusCode::SERVICE_UNAVAILABLE,
        FailureKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        FailureKind::Evaluation | FailureKind::Output => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Compare secrets in time independent of where they differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl Endpoint {
    fn handle(&self, request: &mut Request<Body>) -> Result<Response<Body>, HttpError> {
        self.check_host(request)?;
        let path = request.uri().path().to_string();
        let method = request.method().clone();
        match (path.as_str(), method) {
            ("/", Method::GET | Method::HEAD) => self.index(),
            ("/query", Method::GET) => {
                let params = Params::parse(request.uri().query().unwrap_or("").as_bytes());
                let Some(text) = params.single("query")? else {
                    return Err(bad_request(
                        "no query: send GET /query?query=… or POST a query (see / for examples)",
                    ));
                };
                let text = text.to_string();
                self.query(request, &params, text)
            }
            ("/query", Method::POST) => {
                let url_params = Params::parse(request.uri().query().unwrap_or("").as_bytes());
                match content_type(request).as_str() {
                    "application/sparql-query" => {
                        let text = String::from_utf8(body(request)?)
                            .map_err(|_| bad_request("the query is not UTF-8"))?;
                        self.query(request, &url_params, text)
                    }
                    "application/x-www-form-urlencoded" => {
                        let mut params = Params::parse(&body(request)?);
                        params.0.extend(url_params.0);
                        let text = params
                            .single("query")?
                            .ok_or_else(|| bad_request("the form has no query field"))?
                            .to_string();
                        self.query(request, &params, text)
                    }
                    other => Err((
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        format!(
                            "POST /query takes application/sparql-query or application/x-www-form-urlencoded, not {other:?}"
                        ),
                    )),
                }
            }
            ("/update", Method::POST) => self.update(request),
            ("/update", _) => Err((StatusCode::METHOD_NOT_ALLOWED, "updates are POST requests".to_string())),
            ("/query", _) | ("/", _) => Err((
                StatusCode::METHOD_NOT_ALLOWED,
                format!("{} {path} is not supported", request.method()),
            )),
            _ => Err((
                StatusCode::NOT_FOUND,
                format!("{path}: not here; the endpoint is /query (see /)"),
            )),
        }
    }

    /// While listening on loopback only, answer only requests addressed to a
    /// loopback name: a web page cannot reach the endpoint by DNS rebinding.
    fn check_host(&self, request: &Request<Body>) -> Result<(), HttpError> {
        if !self.loopback_only {
            return Ok(());
        }
        let host = request
            .uri()
            .host()
            .map(str::to_string)
            .or_else(|| {
                request
                    .headers()
                    .get(HOST)
                    .and_then(|h| h.to_str().ok())
                    .map(|h| h.rsplit_once(':').map_or(h, |(h, _)| h).to_string())
            })
            .unwrap_or_default();
        let host = host.trim_start_matches('[').trim_end_matches(']').to_ascii_lowercase();
        let loopback = host == "localhost"
            || host.ends_with(".localhost")
            || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
        if loopback || self.config.allowed_hosts.iter().any(|h| h.eq_ignore_ascii_case(&host)) {
            Ok(())
        } else {
            Err((
                StatusCode::FORBIDDEN,
                format!(
                    "host {host:?} refused: this endpoint listens on loopback and answers requests for localhost (start it with --allow-host {host} to accept this name)"
                ),
            ))
        }
    }

    fn options(&self, params: &Params) -> Result<QueryOptions, HttpError> {
        let iris = |key: &str| -> Result<Vec<NamedNode>, HttpError> {
            params
                .all(key)
                .into_iter()
                .map(|v| NamedNode::new(v).map_err(|e| bad_request(&format!("{key}: {e}"))))
                .collect()
        };
        Ok(QueryOptions {
            allow_service: self.config.allow_service,
            service_timeout: Some(self.config.timeout),
            cancel: None,
            max_rows: Some(self.config.max_results),
            max_bytes: Some(self.config.max_bytes),
            default_graphs: iris("default-graph-uri")?,
            named_graphs: iris("named-graph-uri")?,
        })
    }

    fn query(&self, request: &Request<Body>, params: &Params, text: String) -> Result<Response<Body>, HttpError> {
        let source = QuerySource {
            name: "(request)".to_string(),
            text,
        };
        let mut options = self.options(params)?;
        let parsed = query::parse_checked(&source, &options).map_err(|f| (status_of(&f), f.message))?;
        let graph_result = matches!(
            parsed,
            spargebra::Query::Construct { .. } | spargebra::Query::Describe { .. }
        );
        let offered = if graph_result { RDF_TYPES } else { RESULT_TYPES };
        let requested = match params.single("format")?.or(params.single("output")?) {
            Some(name) => {
                let f = named_format(name).ok_or_else(|| bad_request(&format!("unknown format {name:?}")))?;
                if !offered.iter().any(|(o, _)| *o == f) {
                    return Err((
                        StatusCode::NOT_ACCEPTABLE,
                        format!(
                            "format {name:?} does not fit a {} query",
                            if graph_result {
                                "CONSTRUCT or DESCRIBE"
                            } else {
                                "SELECT or ASK"
                            }
                        ),
                    ));
                }
                f
            }
            None => {
                let accept = request
                    .headers()
                    .get(ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("");
                negotiate(accept, offered).ok_or_else(|| {
                    (
                        StatusCode::NOT_ACCEPTABLE,
                        format!(
                            "none of the accepted types ({accept}) is offered; offered: {}",
                            offered.iter().map(|(_, t)| t[0]).collect::<Vec<_>>().join(", ")
                        ),
                    )
                })?
            }
        };
        let (token, _armed) = self.watchdog.arm(self.config.timeout);
        options.cancel = Some(token);
        let mut out = Vec::new();
        query::run_with(&self.store, &source, requested, &mut out, &options).map_err(|f| {
            let message = if f.kind == FailureKind::Cancelled {
                format!(
                    "query cancelled: it ran longer than the endpoint's timeout of {:?}",
                    self.config.timeout
                )
            } else {
                f.message.clone()
            };
            (status_of(&f), message)
        })?;
        Response::builder()
            .header(CONTENT_TYPE, requested.media_type())
            .header(CACHE_CONTROL, "no-store")
            .body(Body::from(out))
            .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
    }

    fn update(&self, request: &mut Request<Body>) -> Result<Response<Body>, HttpError> {
        if !self.config.enable_update {
            return Err((
                StatusCode::FORBIDDEN,
                "updates are disabled: this endpoint is read-only (start it with --enable-update and a --token)"
                    .to_string(),
            ));
        }
        let expected = self.config.token.as_deref().unwrap_or_default();
        let given = request
            .headers()
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        if expected.is_empty() || !same_secret(given.trim().as_bytes(), expected.as_bytes()) {
            return Err((
                StatusCode::UNAUTHORIZED,
                "updates need the header Authorization: Bearer <token>".to_string(),
            ));
        }
        let text = match content_type(request).as_str() {
            "application/sparql-update" => {
                String::from_utf8(body(request)?).map_err(|_| bad_request("the update is not UTF-8"))?
            }
            "application/x-www-form-urlencoded" => Params::parse(&body(request)?)
                .single("update")?
                .ok_or_else(|| bad_request("the form has no update field"))?
                .to_string(),
            other => {
                return Err((
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    format!(
                    "POST /update takes application/sparql-update or application/x-www-form-urlencoded, not {other:?}"
                ),
                ))
            }
        };
        let parsed = spargebra::SparqlParser::new()
            .parse_update(&text)
            .map_err(|e| bad_request(&format!("syntax error: {e}")))?;
        check_update(&parsed, self.config.allow_service).map_err(|m| (StatusCode::FORBIDDEN, m))?;
        let (token, _armed) = self.watchdog.arm(self.config.timeout);
        let mut evaluator = SparqlEvaluator::new().with_cancellation_token(token);
        if self.config.allow_service {
            evaluator = evaluator.with_default_service_handler(crate::query::HttpService::new(self.config.timeout));
        } else {
            evaluator = evaluator.with_default_service_handler(crate::query::NoService);
        }
        evaluator
            .parse_update(&text)
            .map_err(|e| bad_request(&format!("syntax error: {e}")))?
            .on_store(&self.store)
            .execute()
            .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, format!("update failed: {e}")))?;
        Response::builder()
            .status(StatusCode::NO_CONTENT)
            .body(Body::empty())
            .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
    }

    fn index(&self) -> Result<Response<Body>, HttpError> {
        Response::builder()
            .header(CONTENT_TYPE, "text/html; charset=utf-8")
            .body(Body::from(index_page(&self.config)))
            .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
    }
}

/// Refuse what an update may not do: `LOAD` (always: it would read local
/// files or other hosts; load data with `zonegraph ingest` or `INSERT DATA`)
/// and `SERVICE` (unless `allow_service`).
pub fn check_update(update: &spargebra::Update, allow_service: bool) -> Result<(), String> {
    use spargebra::GraphUpdateOperation as Op;
    for op in &update.operations {
        match op {
            Op::Load { source, .. } => {
                return Err(format!(
                    "LOAD <{}> refused: this endpoint does not load documents from files or other hosts (use INSERT DATA, or zonegraph ingest)",
                    source.as_str()
                ));
            }
            Op::DeleteInsert { pattern, .. } if !allow_service => {
                if let Some((name, _)) = query::services(pattern).into_iter().find(|(_, silent)| !silent) {
                    return Err(format!(
                        "SERVICE {name} refused: calls to other endpoints are disabled (allow them with --allow-service)"
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page at `/`.
fn index_page(config: &ServeConfig) -> String {
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let mut rows = String::new();
    for (name, text) in query::SAVED {
        let q = enc(text);
        rows.push_str(&format!(
            "<tr><td><a href=\"/query?query={q}&amp;format=table\">{name}</a></td><td>{}</td><td><a href=\"/query?query={q}&amp;format=json\">JSON</a> <a href=\"/query?query={q}&amp;format=csv\">CSV</a> <a href=\"/query?query={q}&amp;format=xml\">XML</a></td></tr>\n",
            html_escape(query::describe(text))
        ));
    }
    let mode = if config.enable_update {
        "Updates are enabled at <code>POST /update</code> with a bearer token."
    } else {
        "Read-only: <code>/update</code> is disabled."
    };
    let service = if config.allow_service {
        "SERVICE calls to other endpoints are allowed; LOAD is refused."
    } else {
        "SERVICE calls to other endpoints are refused; LOAD always is."
    };
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>zonegraph SPARQL endpoint</title></head>
<body>
<h1>zonegraph SPARQL endpoint</h1>
<p>A knowledge graph of China's high-tech zones and industrial parks, built by
<a href="https://w3id.org/zonegraph/ontology">zonegraph</a> from articles: zones, enterprises, institutes,
policies, industries, places and the statistics stated about them, each with the sentence it came from.</p>
<p>SPARQL 1.1 Protocol at <code>/query</code> (GET <code>?query=</code>, or POST
<code>application/sparql-query</code> or a form). The default graph is the union of all graphs.
Results as JSON, XML, CSV or TSV (SELECT, ASK) and Turtle, N-Triples, N-Quads or RDF/XML (CONSTRUCT, DESCRIBE),
chosen by the <code>Accept</code> header or a <code>format</code> parameter.
{mode} {service} Queries are cancelled after {timeout:?}; answers hold at most {max_rows} rows and {max_bytes} bytes.</p>
<pre>curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10' http://HOST/query</pre>
<h2>Saved queries</h2>
<table>
<tr><th>query</th><th>question</th><th>formats</th></tr>
{rows}</table>
<p>Vocabulary: <code>zg: &lt;https://w3id.org/zonegraph/ontology#&gt;</code>, entities <code>&lt;https://w3id.org/zonegraph/id/&gt;</code>.</p>
</body></html>
"#,
        timeout = config.timeout,
        max_rows = config.max_results,
        max_bytes = config.max_bytes,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("10s").unwrap(), Duration::from_secs(10));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse_duration("2m").unwrap(), Duration::from_secs(120));
        assert_eq!(parse_duration("3").unwrap(), Duration::from_secs(3));
        assert_eq!(parse_duration("0ms").unwrap(), Duration::ZERO);
        assert!(parse_duration("ten").is_err());
        assert!(parse_duration("5y").is_err());
    }

    #[test]
    fn content_negotiation() {
        use OutputFormat::*;
        assert_eq!(negotiate("", RESULT_TYPES), Some(Json));
        assert_eq!(negotiate("*/*", RESULT_TYPES), Some(Json));
        assert_eq!(negotiate("text/csv", RESULT_TYPES), Some(Csv));
        assert_eq!(
            negotiate("application/sparql-results+xml, application/rdf+xml", RESULT_TYPES),
            Some(Xml)
        );
        assert_eq!(
            negotiate("application/sparql-results+xml, application/rdf+xml", RDF_TYPES),
            Some(RdfXml)
        );
        assert_eq!(
            negotiate("text/csv;q=0.5, text/tab-separated-values", RESULT_TYPES),
            Some(Tsv)
        );
        // text/xml is a results-XML type, offered before CSV.
        assert_eq!(
            negotiate("text/*;q=0.9, application/json;q=0.1", RESULT_TYPES),
            Some(Xml)
        );
        assert_eq!(negotiate("image/png", RESULT_TYPES), None);
        assert_eq!(negotiate("application/json;q=0", RESULT_TYPES), None);
        assert_eq!(negotiate("text/turtle", RDF_TYPES), Some(Turtle));
        assert_eq!(negotiate("", RDF_TYPES), Some(Turtle));
    }

    #[test]
    fn updates_may_not_load_files_or_call_services() {
        let parse = |s: &str| spargebra::SparqlParser::new().parse_update(s).unwrap();
        assert!(check_update(&parse("LOAD <file:///etc/passwd>"), true).is_err());
        assert!(check_update(&parse("LOAD <http://example.org/x.ttl>"), false).is_err());
        assert!(check_update(&parse("LOAD <http://example.org/x.ttl>"), true).is_err());
        let service = "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.2:9/> { ?s ?p ?o } }";
        assert!(check_update(&parse(service), false).is_err());
        assert!(check_update(&parse("INSERT DATA { <http://a> <http://b> <http://c> }"), false).is_ok());
    }

    #[test]
    fn secrets_compare() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abc", b"abd"));
        assert!(!same_secret(b"abc", b"abcd"));
    }
}
