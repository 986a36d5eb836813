//! `zonegraph link wikidata`: `owl:sameAs` links from zones, enterprises,
//! institutes and places to Wikidata items.
//!
//! In: the store and a SPARQL endpoint (default: the Wikidata Query
//! Service). Out: the linkset graph [`LINKSET_GRAPH`] holding, for each
//! confident match, `?entity owl:sameAs ?item`, the link reified with its
//! score and method (`zg:linkScore`, `zg:linkMethod`), and a VoID
//! description of the linkset; and a review file (TSV) of the candidates
//! below the threshold.
//!
//! How: every Chinese and English label and alternative label of those
//! entities is looked up in batches (`VALUES ?l { "…"@zh … }`, matched against
//! `rdfs:label|skos:altLabel`), fetching each candidate's classes
//! (`wdt:P31`), administrative location (`wdt:P131`, with that location's
//! China administrative division code `wdt:P442`), own division code and
//! country (`wdt:P17`). A candidate scores:
//!
//! | evidence | score |
//! |---|---|
//! | matched the entity's main label / another label | 0.5 / 0.4 |
//! | a class consistent with the entity's (`data/linking/wikidata-classes.tsv`) | +0.3 |
//! | only classes of another kind of entity | −0.3 |
//! | place: its division code equals the place's / differs | +0.5 / −0.5 |
//! | its P131 location's code is one of the entity's divisions / none is | +0.2 / −0.3 |
//! | a country other than China | −0.3 |
//!
//! clamped to [0, 1]. The best candidate is linked when it reaches the
//! threshold (default 0.8: the main label and a consistent class) and no
//! other candidate comes within 0.1 of it; every other candidate goes to
//! the review file with its score and the reasons.
//!
//! Politeness and robustness: one request at a time, at most one per
//! `delay` (default 1 s), a descriptive User-Agent, retries with back-off on
//! 429/5xx (honouring Retry-After); every answer is cached in the store
//! folder (`zonegraph-wikidata-cache.jsonl`, keyed by endpoint and query),
//! and a progress file (`zonegraph-wikidata-progress.json`) records the
//! batches done, so an interrupted run continues where it stopped and gives
//! the same result. The linkset graph is replaced in one transaction at the
//! end.

use crate::vocab;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The graph holding the Wikidata links and their VoID description.
pub const LINKSET_GRAPH: &str = "https://w3id.org/zonegraph/id/graph-linkset-wikidata";
/// The IRI of the linkset (described with VoID in [`LINKSET_GRAPH`]).
pub const LINKSET: &str = "https://w3id.org/zonegraph/id/linkset-wikidata";
/// The IRI naming the zonegraph dataset in VoID descriptions.
pub const DATASET: &str = "https://w3id.org/zonegraph/id/dataset";
/// The public Wikidata endpoint.
pub const WIKIDATA_ENDPOINT: &str = "https://query.wikidata.org/sparql";
/// Wikidata's entity namespace.
pub const WD: &str = "http://www.wikidata.org/entity/";
const WDT: &str = "http://www.wikidata.org/prop/direct/";
const CHINA: &str = "http://www.wikidata.org/entity/Q148";
/// The cache file, in the store folder.
pub const CACHE_FILE: &str = "zonegraph-wikidata-cache.jsonl";
/// The progress file, in the store folder.
pub const PROGRESS_FILE: &str = "zonegraph-wikidata-progress.json";

const CLASSES: &str = include_str!("../../data/linking/wikidata-classes.tsv");

/// How to link.
#[derive(Debug, Clone)]
pub struct LinkConfig {
    pub endpoint: String,
    pub threshold: f64,
    /// Labels per query.
    pub batch: usize,
    /// At least this long between two requests.
    pub delay: Duration,
    /// Timeout of one request.
    pub timeout: Duration,
    pub user_agent: String,
    /// Where to write the review TSV.
    pub review: Option<PathBuf>,
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig {
            endpoint: WIKIDATA_ENDPOINT.to_string(),
            threshold: 0.8,
            batch: 40,
            delay: Duration::from_secs(1),
            timeout: Duration::from_secs(60),
            user_agent: concat!(
                "zonegraph/",
                env!("CARGO_PKG_VERSION"),
                " (knowledge graph of China's high-tech zones; https://w3id.org/zonegraph; link wikidata)"
            )
            .to_string(),
            review: None,
        }
    }
}

/// Why linking failed.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error(
        "cannot reach the SPARQL endpoint {endpoint}: {message} (check the address and the network, or give another with --endpoint; answers received so far are cached, a rerun continues)"
    )]
    Unreachable { endpoint: String, message: String },
    #[error("the SPARQL endpoint {endpoint} answered {status}: {message}")]
    Endpoint {
        endpoint: String,
        status: u16,
        message: String,
    },
    #[error("the SPARQL endpoint {endpoint} sent an answer that is not SPARQL JSON results: {message}")]
    BadAnswer { endpoint: String, message: String },
    #[error("store: {0}")]
    Store(String),
    #[error("{path}: {message}")]
    File { path: String, message: String },
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct LinkReport {
    pub entities: usize,
    pub labels: usize,
    pub batches: usize,
    pub from_cache: usize,
    pub resumed_at: usize,
    pub linked: usize,
    pub review: usize,
}

/// An entity of the store to link.
#[derive(Debug, Clone, Default)]
struct Local {
    class: String,
    /// (text, lang, main label?)
    labels: BTreeSet<(String, String, bool)>,
    /// A place's own division code.
    own_code: Option<String>,
    /// The division codes the entity lies in (a place: its ancestors).
    codes: BTreeSet<String>,
}

/// A Wikidata candidate, as the endpoint describes it.
#[derive(Debug, Clone, Default)]
struct Candidate {
    /// The labels it matched: (text, lang).
    matched: BTreeSet<(String, String)>,
    types: BTreeSet<String>,
    location_codes: BTreeSet<String>,
    locations: BTreeSet<String>,
    codes: BTreeSet<String>,
    countries: BTreeSet<String>,
}

/// One scored pairing.
#[derive(Debug, Clone)]
pub struct Scored {
    pub entity: String,
    pub class: String,
    pub label: String,
    pub item: String,
    pub matched: String,
    pub score: f64,
    pub method: String,
}

fn store_err(e: impl std::fmt::Display) -> LinkError {
    LinkError::Store(e.to_string())
}

fn select(store: &Store, query: &str) -> Result<Vec<Vec<Option<Term>>>, LinkError> {
    let mut prepared = SparqlEvaluator::new().parse_query(query).map_err(store_err)?;
    prepared.dataset_mut().set_default_graph_as_union();
    let QueryResults::Solutions(solutions) = prepared.on_store(store).execute().map_err(store_err)? else {
        return Ok(Vec::new());
    };
    let vars: Vec<_> = solutions.variables().to_vec();
    let mut rows = Vec::new();
    for s in solutions {
        let s = s.map_err(store_err)?;
        rows.push(vars.iter().map(|v| s.get(v).cloned()).collect());
    }
    Ok(rows)
}

fn text(t: &Option<Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// The entities to link, by IRI.
fn local_entities(store: &Store) -> Result<BTreeMap<String, Local>, LinkError> {
    let zg = vocab::ZG;
    let prefixes = format!(
        "PREFIX zg: <{zg}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    );
    let mut out: BTreeMap<String, Local> = BTreeMap::new();
    let labels = format!(
        "{prefixes}SELECT ?e ?class ?l (LANG(?l) AS ?lang) ?main WHERE {{
  VALUES ?class {{ zg:Zone zg:Enterprise zg:Institute zg:Place }}
  ?e a ?class .
  {{ ?e rdfs:label ?l BIND(true AS ?main) }} UNION {{ ?e skos:altLabel ?l BIND(false AS ?main) }}
  FILTER(LANG(?l) = \"zh\" || LANG(?l) = \"en\")
}}"
    );
    for row in select(store, &labels)? {
        let e = text(&row[0]);
        let class = text(&row[1]).rsplit('#').next().unwrap_or("").to_string();
        let local = out.entry(e).or_default();
        local.class = class;
        local
            .labels
            .insert((text(&row[2]), text(&row[3]), text(&row[4]) == "true"));
    }
    let own = format!("{prefixes}SELECT ?e ?code WHERE {{ ?e a zg:Place ; zg:divisionCode ?code }}");
    for row in select(store, &own)? {
        if let Some(l) = out.get_mut(&text(&row[0])) {
            l.own_code = Some(text(&row[1]));
        }
    }
    let located = format!(
        "{prefixes}SELECT DISTINCT ?e ?code WHERE {{
  {{ ?e (zg:locatedIn|zg:inDivision)/(zg:locatedIn|zg:inDivision)?/zg:partOf*/zg:divisionCode ?code }}
  UNION {{ ?e a zg:Place ; zg:partOf+/zg:divisionCode ?code }}
}}"
    );
    for row in select(store, &located)? {
        if let Some(l) = out.get_mut(&text(&row[0])) {
            l.codes.insert(text(&row[1]));
        }
    }
    Ok(out)
}

/// A P442 value as a six-digit code ("33 04 02" → 330402, "11" → 110000);
/// longer codes (towns) keep their first six digits.
pub fn normalize_code(v: &str) -> Option<String> {
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 2 {
        return None;
    }
    let mut d: String = digits.chars().take(6).collect();
    while d.len() < 6 {
        d.push('0');
    }
    Some(d)
}

fn sparql_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The lookup query for a batch of labels.
fn batch_query(labels: &[(String, String)]) -> String {
    let mut values = String::new();
    for (t, lang) in labels {
        let langs: &[&str] = if lang == "zh" {
            &["zh", "zh-hans", "zh-cn"]
        } else {
            &["en"]
        };
        for l in langs {
            values.push_str(&format!("{}@{l} ", sparql_string(t)));
        }
    }
    format!(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX wdt: <{WDT}>
SELECT ?l ?item ?type ?loc ?locCode ?code ?country WHERE {{
  VALUES ?l {{ {values}}}
  ?item rdfs:label|skos:altLabel ?l .
  FILTER(STRSTARTS(STR(?item), \"{WD}Q\"))
  OPTIONAL {{ ?item wdt:P31 ?type }}
  OPTIONAL {{ ?item wdt:P131 ?loc OPTIONAL {{ ?loc wdt:P442 ?locCode }} }}
  OPTIONAL {{ ?item wdt:P442 ?code }}
  OPTIONAL {{ ?item wdt:P17 ?country }}
}}"
    )
}

fn key_of(endpoint: &str, query: &str) -> String {
    let h = Sha256::digest(format!("{endpoint}\n{query}").as_bytes());
    h.iter().map(|b| format!("{b:02x}")).collect()
}

/// The answers received so far, by key.
struct Cache {
    path: PathBuf,
    entries: HashMap<String, String>,
}

impl Cache {
    fn open(path: PathBuf) -> Cache {
        let mut entries = HashMap::new();
        if let Ok(text) = std::fs::read_to_string(&path) {
            // A line cut by an interruption does not parse and is ignored.
            for line in text.lines() {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                    if let (Some(k), Some(b)) = (v["key"].as_str(), v["body"].as_str()) {
                        entries.insert(k.to_string(), b.to_string());
                    }
                }
            }
        }
        Cache { path, entries }
    }

    fn add(&mut self, key: &str, body: &str) -> Result<(), LinkError> {
        let file_err = |e: std::io::Error| LinkError::File {
            path: self.path.display().to_string(),
            message: e.to_string(),
        };
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)
            .map_err(file_err)?;
        let line = serde_json::json!({ "key": key, "body": body }).to_string();
        // One write per line, after a newline in case a cut line precedes it.
        f.write_all(format!("\n{line}\n").as_bytes()).map_err(file_err)?;
        f.sync_data().map_err(file_err)?;
        self.entries.insert(key.to_string(), body.to_string());
        Ok(())
    }
}

/// One polite HTTP client.
struct Fetcher {
    client: crate::http::Client,
    endpoint: String,
    delay: Duration,
    last: Option<Instant>,
}

impl Fetcher {
    fn post(&mut self, query: &str) -> Result<String, LinkError> {
        let form: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("query", query)
            .finish();
        let mut attempt = 0u32;
        loop {
            if let Some(last) = self.last {
                let since = last.elapsed();
                if since < self.delay {
                    std::thread::sleep(self.delay - since);
                }
            }
            self.last = Some(Instant::now());
            let response = self
                .client
                .post(
                    &self.endpoint,
                    "application/x-www-form-urlencoded",
                    form.as_bytes(),
                    &[("Accept", "application/sparql-results+json")],
                )
                .map_err(|e| LinkError::Unreachable {
                    endpoint: self.endpoint.clone(),
                    message: e.to_string(),
                })?;
            let status = response.status;
            if (200..300).contains(&status) {
                return Ok(response.text());
            }
            let transient = matches!(status, 429 | 500 | 502 | 503 | 504);
            if transient && attempt < 4 {
                let wait = response
                    .header("retry-after")
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs)
                    .unwrap_or(Duration::from_secs(2u64 << attempt));
                eprintln!(
                    "zonegraph: {} answered {status}; retrying in {} s",
                    self.endpoint,
                    wait.as_secs()
                );
                std::thread::sleep(wait.min(Duration::from_secs(120)));
                attempt += 1;
                continue;
            }
            return Err(LinkError::Endpoint {
                endpoint: self.endpoint.clone(),
                status,
                message: response.text().chars().take(500).collect(),
            });
        }
    }
}

/// Parse an answer into candidates (by item IRI).
fn read_answer(endpoint: &str, body: &str, into: &mut BTreeMap<String, Candidate>) -> Result<(), LinkError> {
    let bad = |m: String| LinkError::BadAnswer {
        endpoint: endpoint.to_string(),
        message: m,
    };
    let v: serde_json::Value = serde_json::from_str(body).map_err(|e| bad(e.to_string()))?;
    let rows = v["results"]["bindings"]
        .as_array()
        .ok_or_else(|| bad("no results.bindings".into()))?;
    for row in rows {
        let get = |k: &str| row[k]["value"].as_str().map(str::to_string);
        let Some(item) = get("item") else { continue };
        let c = into.entry(item).or_default();
        if let Some(l) = get("l") {
            let lang = row["l"]["xml:lang"].as_str().unwrap_or("").to_ascii_lowercase();
            let lang = if lang.starts_with("zh") { "zh" } else { "en" };
            c.matched.insert((l, lang.to_string()));
        }
        if let Some(t) = get("type") {
            c.types.insert(t);
        }
        if let Some(l) = get("loc") {
            c.locations.insert(l);
        }
        if let Some(code) = get("locCode").and_then(|c| normalize_code(&c)) {
            c.location_codes.insert(code);
        }
        if let Some(code) = get("code").and_then(|c| normalize_code(&c)) {
            c.codes.insert(code);
        }
        if let Some(country) = get("country") {
            c.countries.insert(country);
        }
    }
    Ok(())
}

/// The Wikidata classes consistent with each zonegraph class (by local name).
fn class_table() -> BTreeMap<String, BTreeSet<String>> {
    let mut t: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in crate::data::tsv_rows(CLASSES) {
        let class = crate::data::field(&row, "class");
        let qid = crate::data::field(&row, "qid");
        if !class.is_empty() && qid.starts_with('Q') {
            t.entry(class.to_string()).or_default().insert(format!("{WD}{qid}"));
        }
    }
    t
}

fn short(iri: &str) -> &str {
    iri.strip_prefix(WD).unwrap_or(iri)
}

/// Score one candidate for one entity.
fn score(local: &Local, c: &Candidate, classes: &BTreeMap<String, BTreeSet<String>>) -> (f64, String, String) {
    let mut s: f64 = 0.0;
    let mut why: Vec<String> = Vec::new();
    // Labels.
    let main: Vec<&(String, String, bool)> = local.labels.iter().filter(|l| l.2).collect();
    let matched_main = main
        .iter()
        .any(|(t, lang, _)| c.matched.contains(&(t.clone(), lang.clone())));
    let matched: Vec<String> = local
        .labels
        .iter()
        .filter(|(t, lang, _)| c.matched.contains(&(t.clone(), lang.clone())))
        .map(|(t, lang, _)| format!("{t}@{lang}"))
        .collect();
    if matched.is_empty() {
        return (0.0, String::new(), "no label".into());
    }
    if matched_main {
        s += 0.5;
        why.push("label=main".into());
    } else {
        s += 0.4;
        why.push("label=alt".into());
    }
    // Classes.
    let own = classes.get(&local.class);
    if let Some(t) = c.types.iter().find(|t| own.is_some_and(|o| o.contains(*t))) {
        s += 0.3;
        why.push(format!("type={}", short(t)));
    } else if let Some(t) = c
        .types
        .iter()
        .find(|t| classes.iter().any(|(k, set)| *k != local.class && set.contains(*t)))
    {
        s -= 0.3;
        why.push(format!("type-conflict={}", short(t)));
    } else if local.class == "Place" && !c.codes.is_empty() {
        // Only administrative divisions carry a division code.
        s += 0.3;
        why.push("type=division".into());
    } else {
        why.push("type=?".into());
    }
    // A place's own code.
    if let (Some(code), false) = (&local.own_code, c.codes.is_empty()) {
        if c.codes.contains(code) {
            s += 0.5;
            why.push(format!("code={code}"));
        } else {
            s -= 0.5;
            why.push(format!(
                "code-conflict={}",
                c.codes.iter().next().cloned().unwrap_or_default()
            ));
        }
    }
    // Location.
    if !c.location_codes.is_empty() && !local.codes.is_empty() {
        if let Some(code) = c.location_codes.iter().find(|x| local.codes.contains(*x)) {
            s += 0.2;
            why.push(format!("location={code}"));
        } else {
            s -= 0.3;
            why.push(format!(
                "location-conflict={}",
                c.location_codes.iter().next().cloned().unwrap_or_default()
            ));
        }
    }
    if !c.countries.is_empty() && !c.countries.contains(CHINA) {
        s -= 0.3;
        why.push("country-not-China".into());
    }
    let s = (s.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    (s, why.join(";"), matched.join(" "))
}

fn read_progress(path: &Path) -> Option<serde_json::Value> {
    serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn write_progress(path: &Path, value: &serde_json::Value) -> Result<(), LinkError> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, value.to_string())
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| LinkError::File {
            path: path.display().to_string(),
            message: e.to_string(),
        })
}

/// Today's date (UTC) as YYYY-MM-DD.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Link the store's entities to Wikidata (see the module comment).
pub fn link(store: &Store, store_dir: &Path, config: &LinkConfig) -> Result<LinkReport, LinkError> {
    let locals = local_entities(store)?;
    let mut labels: BTreeSet<(String, String)> = BTreeSet::new();
    for l in locals.values() {
        for (t, lang, _) in &l.labels {
            if t.chars().count() >= 2 {
                labels.insert((t.clone(), lang.clone()));
            }
        }
    }
    let labels: Vec<(String, String)> = labels.into_iter().collect();
    let batches: Vec<String> = labels.chunks(config.batch.max(1)).map(batch_query).collect();
    let keys: Vec<String> = batches.iter().map(|q| key_of(&config.endpoint, q)).collect();
    let plan = key_of(&config.endpoint, &keys.join(","));

    let mut report = LinkReport {
        entities: locals.len(),
        labels: labels.len(),
        batches: batches.len(),
        ..Default::default()
    };
    let progress_path = store_dir.join(PROGRESS_FILE);
    let mut cache = Cache::open(store_dir.join(CACHE_FILE));
    if let Some(p) = read_progress(&progress_path) {
        if p["plan"].as_str() == Some(plan.as_str()) {
            report.resumed_at = p["done"].as_u64().unwrap_or(0) as usize;
            if report.resumed_at > 0 {
                eprintln!(
                    "zonegraph: resuming an interrupted run: {} of {} batches done",
                    report.resumed_at,
                    batches.len()
                );
            }
        }
    }
    let client = crate::http::Client::new(&config.user_agent, config.timeout);
    let mut fetcher = Fetcher {
        client,
        endpoint: config.endpoint.clone(),
        delay: config.delay,
        last: None,
    };
    let mut candidates: BTreeMap<String, Candidate> = BTreeMap::new();
    for (i, (query, key)) in batches.iter().zip(&keys).enumerate() {
        let body = match cache.entries.get(key) {
            Some(b) => {
                report.from_cache += 1;
                b.clone()
            }
            None => {
                let b = fetcher.post(query)?;
                // Check before caching: a bad answer is not kept.
                read_answer(&config.endpoint, &b, &mut BTreeMap::new())?;
                cache.add(key, &b)?;
                b
            }
        };
        read_answer(&config.endpoint, &body, &mut candidates)?;
        write_progress(
            &progress_path,
            &serde_json::json!({
                "endpoint": config.endpoint,
                "plan": plan,
                "total": batches.len(),
                "done": i + 1,
            }),
        )?;
    }

    // Candidates per entity.
    let classes = class_table();
    let mut by_label: HashMap<(String, String), Vec<&String>> = HashMap::new();
    for (item, c) in &candidates {
        for m in &c.matched {
            by_label.entry(m.clone()).or_default().push(item);
        }
    }
    let mut links: Vec<Scored> = Vec::new();
    let mut review: Vec<(Scored, &'static str)> = Vec::new();
    for (iri, local) in &locals {
        let mut items: BTreeSet<&String> = BTreeSet::new();
        for (t, lang, _) in &local.labels {
            if let Some(v) = by_label.get(&(t.clone(), lang.clone())) {
                items.extend(v.iter().copied());
            }
        }
        let label = local
            .labels
            .iter()
            .find(|l| l.2 && l.1 == "zh")
            .or_else(|| local.labels.iter().find(|l| l.2))
            .map(|l| l.0.clone())
            .unwrap_or_default();
        let mut scored: Vec<Scored> = items
            .into_iter()
            .map(|item| {
                let (score, method, matched) = score(local, &candidates[item], &classes);
                Scored {
                    entity: iri.clone(),
                    class: local.class.clone(),
                    label: label.clone(),
                    item: item.clone(),
                    matched,
                    score,
                    method,
                }
            })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.item.cmp(&b.item)));
        let mut rest = scored.into_iter();
        let Some(best) = rest.next() else { continue };
        let rest: Vec<Scored> = rest.collect();
        let ambiguous = rest.first().is_some_and(|s| best.score - s.score < 0.1);
        if best.score >= config.threshold && !ambiguous {
            links.push(best);
            review.extend(rest.into_iter().map(|s| (s, "below the linked candidate")));
        } else {
            let reason = if best.score >= config.threshold {
                "ambiguous"
            } else {
                "below threshold"
            };
            review.push((best, reason));
            review.extend(rest.into_iter().map(|s| (s, reason)));
        }
    }
    report.linked = links.len();
    report.review = review.len();

    write_linkset(store, &links, config)?;
    if let Some(path) = &config.review {
        write_review(path, &review)?;
    }
    let _ = std::fs::remove_file(&progress_path);
    Ok(report)
}

fn write_review(path: &Path, review: &[(Scored, &str)]) -> Result<(), LinkError> {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::from("entity\tclass\tlabel\tcandidate\tmatched\tscore\tmethod\treason\n");
    for (s, reason) in review {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{:.3}\t{}\t{}\n",
            s.entity,
            s.class,
            clean(&s.label),
            s.item,
            clean(&s.matched),
            s.score,
            s.method,
            reason
        ));
    }
    std::fs::write(path, out).map_err(|e| LinkError::File {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

fn nn(s: &str) -> NamedNode {
    NamedNode::new_unchecked(s)
}

/// Replace the linkset graph with these links, reified, and its VoID description.
fn write_linkset(store: &Store, links: &[Scored], config: &LinkConfig) -> Result<(), LinkError> {
    let graph = nn(LINKSET_GRAPH);
    let mut quads: Vec<Quad> = Vec::new();
    let mut add = |s: NamedNode, p: &str, o: Term| quads.push(Quad::new(s, nn(p), o, graph.clone()));
    for l in links {
        let entity = nn(&l.entity);
        let item = nn(&l.item);
        add(entity.clone(), vocab::OWL_SAME_AS, item.clone().into());
        let st = nn(&format!(
            "{}link-wikidata-{}",
            vocab::ID,
            &key_of(&l.entity, &l.item)[..16]
        ));
        add(st.clone(), vocab::RDF_TYPE, nn(vocab::RDF_STATEMENT).into());
        add(st.clone(), vocab::RDF_SUBJECT, entity.into());
        add(st.clone(), vocab::RDF_PREDICATE, nn(vocab::OWL_SAME_AS).into());
        add(st.clone(), vocab::RDF_OBJECT, item.into());
        add(
            st.clone(),
            vocab::LINK_SCORE,
            Literal::new_typed_literal(format!("{:.3}", l.score), nn(vocab::XSD_DECIMAL)).into(),
        );
        add(st, vocab::LINK_METHOD, Literal::new_simple_literal(&l.method).into());
    }
    let void = |t: &str| format!("{}{t}", vocab::VOID);
    let dct = |t: &str| format!("{}{t}", vocab::DCTERMS);
    let linkset = nn(LINKSET);
    let wikidata = nn("http://www.wikidata.org/");
    add(linkset.clone(), vocab::RDF_TYPE, nn(&void("Linkset")).into());
    add(
        linkset.clone(),
        vocab::RDFS_LABEL,
        Literal::new_language_tagged_literal_unchecked("zonegraph entities linked to Wikidata items", "en").into(),
    );
    add(linkset.clone(), &void("subjectsTarget"), nn(DATASET).into());
    add(linkset.clone(), &void("objectsTarget"), wikidata.clone().into());
    add(linkset.clone(), &void("linkPredicate"), nn(vocab::OWL_SAME_AS).into());
    add(
        linkset.clone(),
        &void("triples"),
        Literal::new_typed_literal(links.len().to_string(), nn(vocab::XSD_INTEGER)).into(),
    );
    add(
        linkset.clone(),
        &dct("description"),
        Literal::new_language_tagged_literal_unchecked(
            format!(
                "owl:sameAs links found by `zonegraph link wikidata`: labels looked up at the endpoint, candidates scored by label, class (wdt:P31), location (wdt:P131, wdt:P442) and country (wdt:P17); links at score {} or more, each reified with zg:linkScore and zg:linkMethod.",
                config.threshold
            ),
            "en",
        )
        .into(),
    );
    add(
        linkset.clone(),
        &dct("modified"),
        Literal::new_typed_literal(today(), nn(vocab::XSD_DATE)).into(),
    );
    add(linkset.clone(), &dct("source"), nn(&config.endpoint).into());
    add(nn(DATASET), vocab::RDF_TYPE, nn(&void("Dataset")).into());
    add(
        nn(DATASET),
        vocab::RDFS_LABEL,
        Literal::new_language_tagged_literal_unchecked("zonegraph knowledge graph", "en").into(),
    );
    add(
        nn(DATASET),
        &void("uriSpace"),
        Literal::new_simple_literal(vocab::ID).into(),
    );
    add(wikidata.clone(), vocab::RDF_TYPE, nn(&void("Dataset")).into());
    add(
        wikidata.clone(),
        &void("uriSpace"),
        Literal::new_simple_literal(WD).into(),
    );
    add(wikidata, &void("sparqlEndpoint"), nn(&config.endpoint).into());
    let mut t = store.start_transaction().map_err(store_err)?;
    t.clear_graph(GraphNameRef::NamedNode(graph.as_ref()))
        .map_err(store_err)?;
    t.extend(quads.iter());
    t.commit().map_err(store_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_codes_from_wikidata() {
        assert_eq!(normalize_code("31 01 10").as_deref(), Some("310110"));
        assert_eq!(normalize_code("11").as_deref(), Some("110000"));
        assert_eq!(normalize_code("330400").as_deref(), Some("330400"));
        assert_eq!(normalize_code("33 04 02 001").as_deref(), Some("330402"));
        assert_eq!(normalize_code(""), None);
    }

    #[test]
    fn labels_are_escaped_in_queries() {
        let q = batch_query(&[("A \"B\"".into(), "en".into()), ("青溪".into(), "zh".into())]);
        assert!(q.contains(r#""A \"B\""@en"#), "{q}");
        assert!(q.contains("\"青溪\"@zh-hans"), "{q}");
    }

    #[test]
    fn scores() {
        let classes = class_table();
        let local = Local {
            class: "Zone".into(),
            labels: [("青溪高新区".to_string(), "zh".to_string(), true)]
                .into_iter()
                .collect(),
            own_code: None,
            codes: ["330400".to_string(), "330000".to_string()].into_iter().collect(),
        };
        let mut c = Candidate::default();
        c.matched.insert(("青溪高新区".into(), "zh".into()));
        c.types.insert(format!("{WD}Q1147395"));
        c.location_codes.insert("330400".into());
        c.countries.insert(CHINA.into());
        assert_eq!(score(&local, &c, &classes).0, 1.0);
        c.location_codes = ["440300".to_string()].into_iter().collect();
        assert!(score(&local, &c, &classes).0 < 0.8);
        c.location_codes.clear();
        c.types = [format!("{WD}Q4830453")].into_iter().collect();
        assert!(score(&local, &c, &classes).0 < 0.5);
    }

    #[test]
    fn today_is_a_date() {
        let d = today();
        assert_eq!(d.len(), 10);
        assert!(d.starts_with("20"));
    }
}
