//! Stage 6: a question in, answers out.
//!
//! In: a SPARQL query given as text, as a `.rq` file, or as the name of a
//! saved query shipped in `queries/`. Out: the results in a W3C SPARQL 1.1
//! results format (JSON, XML, CSV, TSV) or an aligned text table; CONSTRUCT
//! and DESCRIBE results as Turtle, N-Triples or N-Quads.
//!
//! The default graph is the union of all graphs, so queries never need to
//! name document graphs.

pub mod params;

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::NamedNode;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use spargebra::algebra::{Expression, GraphPattern, OrderExpression};
use spargebra::term::NamedNodePattern;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// The saved queries shipped with zonegraph: (name, text).
pub const SAVED: &[(&str, &str)] = &[
    ("chain-leaders", include_str!("../queries/chain-leaders.rq")),
    ("documents", include_str!("../queries/documents.rq")),
    ("enterprises-in-zone", include_str!("../queries/enterprises-in-zone.rq")),
    ("entity-evidence", include_str!("../queries/entity-evidence.rq")),
    ("entity-sources", include_str!("../queries/entity-sources.rq")),
    ("evidence", include_str!("../queries/evidence.rq")),
    ("institutes-in-zone", include_str!("../queries/institutes-in-zone.rq")),
    ("listed-enterprises", include_str!("../queries/listed-enterprises.rq")),
    ("policies-by-zone", include_str!("../queries/policies-by-zone.rq")),
    ("renamed-zones", include_str!("../queries/renamed-zones.rq")),
    ("zone-profile", include_str!("../queries/zone-profile.rq")),
    ("zone-statistics", include_str!("../queries/zone-statistics.rq")),
    (
        "zones-leading-industries",
        include_str!("../queries/zones-leading-industries.rq"),
    ),
    (
        "zones-sharing-industry",
        include_str!("../queries/zones-sharing-industry.rq"),
    ),
    (
        "zones-wikidata-coordinates",
        include_str!("../queries/zones-wikidata-coordinates.rq"),
    ),
];

/// The first comment line of a saved query: the question it answers.
pub fn describe(text: &str) -> &str {
    text.lines()
        .find_map(|l| l.strip_prefix('#'))
        .map(str::trim)
        .unwrap_or("")
}

/// A query ready to run: its text and how to name it in messages.
#[derive(Debug, Clone)]
pub struct QuerySource {
    pub name: String,
    pub text: String,
}

/// Turn the user's QUERY argument into query text: a saved query name, a
/// `.rq` file, or SPARQL itself.
pub fn resolve_query(arg: &str) -> Result<QuerySource> {
    if let Some((name, text)) = SAVED.iter().find(|(n, _)| *n == arg || format!("{n}.rq") == arg) {
        return Ok(QuerySource {
            name: (*name).to_string(),
            text: (*text).to_string(),
        });
    }
    let path = Path::new(arg);
    if arg.ends_with(".rq") || arg.ends_with(".sparql") || (path.is_file() && !arg.contains('{')) {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        return Ok(QuerySource {
            name: arg.to_string(),
            text,
        });
    }
    let upper = arg.to_ascii_uppercase();
    if ["SELECT", "CONSTRUCT", "ASK", "DESCRIBE", "PREFIX", "BASE"]
        .iter()
        .any(|k| upper.contains(k))
    {
        return Ok(QuerySource {
            name: "(command line)".to_string(),
            text: arg.to_string(),
        });
    }
    Err(Error::UnknownQuery(arg.to_string()))
}

/// How to print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Table,
    Json,
    Xml,
    Csv,
    Tsv,
    Turtle,
    NTriples,
    NQuads,
    RdfXml,
}

impl OutputFormat {
    /// The media type of this format (for HTTP).
    pub fn media_type(self) -> &'static str {
        match self {
            OutputFormat::Table => "text/plain; charset=utf-8",
            OutputFormat::Json => "application/sparql-results+json",
            OutputFormat::Xml => "application/sparql-results+xml",
            OutputFormat::Csv => "text/csv; charset=utf-8",
            OutputFormat::Tsv => "text/tab-separated-values; charset=utf-8",
            OutputFormat::Turtle => "text/turtle",
            OutputFormat::NTriples => "application/n-triples",
            OutputFormat::NQuads => "application/n-quads",
            OutputFormat::RdfXml => "application/rdf+xml",
        }
    }

    /// Whether this format writes RDF (CONSTRUCT and DESCRIBE results).
    pub fn is_rdf(self) -> bool {
        matches!(
            self,
            OutputFormat::Turtle | OutputFormat::NTriples | OutputFormat::NQuads | OutputFormat::RdfXml
        )
    }
}

/// Permissions and limits of one query run. The default is what
/// `zonegraph query` always did: no SERVICE calls, no limits, the union of
/// all graphs as the default graph.
#[derive(Clone, Default)]
pub struct QueryOptions {
    /// Let `SERVICE` call other endpoints over HTTP(S). When off, a `SERVICE`
    /// is refused before evaluation and a `SERVICE SILENT` contributes
    /// nothing (the service is not called; SILENT ignores the failure).
    pub allow_service: bool,
    /// Timeout of each HTTP request a `SERVICE` makes (when allowed).
    pub service_timeout: Option<Duration>,
    /// Cancels the evaluation from outside (timeouts).
    pub cancel: Option<CancellationToken>,
    /// At most this many solutions (SELECT) or triples (CONSTRUCT, DESCRIBE).
    pub max_rows: Option<usize>,
    /// At most this many bytes of output.
    pub max_bytes: Option<usize>,
    /// The SPARQL protocol's `default-graph-uri`: when given, the default
    /// graph is the merge of these graphs instead of the union of all.
    pub default_graphs: Vec<NamedNode>,
    /// The SPARQL protocol's `named-graph-uri`.
    pub named_graphs: Vec<NamedNode>,
}

/// Why a query run failed, for callers that answer differently to each
/// (the HTTP endpoint maps them to status codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The text is not SPARQL.
    Syntax,
    /// The query asks for something the options do not allow (SERVICE, LOAD).
    Refused,
    /// Cancelled, usually by a timeout.
    Cancelled,
    /// More rows or bytes than the limits allow.
    TooLarge,
    /// Evaluation failed.
    Evaluation,
    /// The results could not be written.
    Output,
}

/// A failed query run: what kind of failure, which query, and the message.
#[derive(Debug, Clone)]
pub struct QueryFailure {
    pub kind: FailureKind,
    pub query: String,
    pub message: String,
}

impl std::fmt::Display for QueryFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "query {}: {}", self.query, self.message)
    }
}

impl std::error::Error for QueryFailure {}

impl From<QueryFailure> for Error {
    fn from(f: QueryFailure) -> Error {
        match f.kind {
            FailureKind::Syntax => Error::QuerySyntax {
                query: f.query,
                message: f.message,
            },
            FailureKind::Output => Error::Output(f.message),
            _ => Error::QueryEvaluation {
                query: f.query,
                message: f.message,
            },
        }
    }
}

/// The `SERVICE` clauses of a graph pattern: (endpoint IRI or variable, SILENT).
pub fn services(pattern: &GraphPattern) -> Vec<(String, bool)> {
    fn expr(e: &Expression, out: &mut Vec<(String, bool)>) {
        match e {
            Expression::Exists(p) => pat(p, out),
            Expression::Or(a, b)
            | Expression::And(a, b)
            | Expression::Equal(a, b)
            | Expression::SameTerm(a, b)
            | Expression::Greater(a, b)
            | Expression::GreaterOrEqual(a, b)
            | Expression::Less(a, b)
            | Expression::LessOrEqual(a, b)
            | Expression::Add(a, b)
            | Expression::Subtract(a, b)
            | Expression::Multiply(a, b)
            | Expression::Divide(a, b) => {
                expr(a, out);
                expr(b, out);
            }
            Expression::UnaryPlus(a) | Expression::UnaryMinus(a) | Expression::Not(a) => expr(a, out),
            Expression::In(a, list) => {
                expr(a, out);
                list.iter().for_each(|x| expr(x, out));
            }
            Expression::If(a, b, c) => {
                expr(a, out);
                expr(b, out);
                expr(c, out);
            }
            Expression::Coalesce(list) | Expression::FunctionCall(_, list) => list.iter().for_each(|x| expr(x, out)),
            _ => {}
        }
    }
    fn pat(p: &GraphPattern, out: &mut Vec<(String, bool)>) {
        match p {
            GraphPattern::Service { name, inner, silent } => {
                let name = match name {
                    NamedNodePattern::NamedNode(n) => n.as_str().to_string(),
                    NamedNodePattern::Variable(v) => v.to_string(),
                };
                out.push((name, *silent));
                pat(inner, out);
            }
            GraphPattern::Join { left, right }
            | GraphPattern::Union { left, right }
            | GraphPattern::Minus { left, right } => {
                pat(left, out);
                pat(right, out);
            }
            GraphPattern::LeftJoin {
                left,
                right,
                expression,
            } => {
                pat(left, out);
                pat(right, out);
                if let Some(e) = expression {
                    expr(e, out);
                }
            }
            GraphPattern::Filter { expr: e, inner } => {
                expr(e, out);
                pat(inner, out);
            }
            GraphPattern::Extend { inner, expression, .. } => {
                expr(expression, out);
                pat(inner, out);
            }
            GraphPattern::OrderBy { inner, expression } => {
                for o in expression {
                    match o {
                        OrderExpression::Asc(e) | OrderExpression::Desc(e) => expr(e, out),
                    }
                }
                pat(inner, out);
            }
            GraphPattern::Group { inner, aggregates, .. } => {
                for (_, a) in aggregates {
                    if let spargebra::algebra::AggregateExpression::FunctionCall { expr: e, .. } = a {
                        expr(e, out);
                    }
                }
                pat(inner, out);
            }
            GraphPattern::Graph { inner, .. }
            | GraphPattern::Project { inner, .. }
            | GraphPattern::Distinct { inner }
            | GraphPattern::Reduced { inner }
            | GraphPattern::Slice { inner, .. } => pat(inner, out),
            GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => {}
            // Patterns of optional syntax extensions: look for SERVICE in their text.
            #[allow(unreachable_patterns)]
            other => {
                if other.to_string().to_ascii_uppercase().contains("SERVICE") {
                    out.push((other.to_string(), false));
                }
            }
        }
    }
    let mut out = Vec::new();
    pat(pattern, &mut out);
    out
}

/// The graph pattern of a parsed query.
pub fn query_pattern(q: &spargebra::Query) -> &GraphPattern {
    match q {
        spargebra::Query::Select { pattern, .. }
        | spargebra::Query::Construct { pattern, .. }
        | spargebra::Query::Describe { pattern, .. }
        | spargebra::Query::Ask { pattern, .. } => pattern,
    }
}

/// Parse a query and check it against the options: a `SERVICE` (not
/// SILENT) is refused unless `allow_service`.
pub fn parse_checked(query: &QuerySource, options: &QueryOptions) -> Result<spargebra::Query, QueryFailure> {
    let parsed = spargebra::SparqlParser::new()
        .parse_query(&query.text)
        .map_err(|e| QueryFailure {
            kind: FailureKind::Syntax,
            query: query.name.clone(),
            message: format!("syntax error: {e}"),
        })?;
    if !options.allow_service {
        if let Some((name, _)) = services(query_pattern(&parsed)).into_iter().find(|(_, silent)| !silent) {
            return Err(QueryFailure {
                kind: FailureKind::Refused,
                query: query.name.clone(),
                message: format!(
                    "SERVICE {name} refused: calls to other endpoints are disabled (allow them with --allow-service; SERVICE SILENT skips the call instead)"
                ),
            });
        }
    }
    Ok(parsed)
}

/// The service handler used when SERVICE is not allowed: it calls nothing.
pub(crate) struct NoService;

impl oxigraph::sparql::DefaultServiceHandler for NoService {
    type Error = std::io::Error;

    fn handle(
        &self,
        service_name: &NamedNode,
        _pattern: &GraphPattern,
        _base_iri: Option<&oxiri::Iri<String>>,
    ) -> std::result::Result<oxigraph::sparql::QuerySolutionIter<'static>, Self::Error> {
        Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("SERVICE {service_name} not called: calls to other endpoints are disabled"),
        ))
    }
}

/// The service handler used when SERVICE is allowed: the pattern is sent
/// as a SELECT query to the service IRI over HTTP(S).
pub(crate) struct HttpService {
    client: crate::http::Client,
}

impl HttpService {
    pub(crate) fn new(timeout: Duration) -> HttpService {
        HttpService {
            client: crate::http::Client::new(
                concat!(
                    "zonegraph/",
                    env!("CARGO_PKG_VERSION"),
                    " (SPARQL SERVICE; https://w3id.org/zonegraph)"
                ),
                timeout,
            ),
        }
    }
}

impl oxigraph::sparql::DefaultServiceHandler for HttpService {
    type Error = std::io::Error;

    fn handle(
        &self,
        service_name: &NamedNode,
        pattern: &GraphPattern,
        base_iri: Option<&oxiri::Iri<String>>,
    ) -> std::result::Result<oxigraph::sparql::QuerySolutionIter<'static>, Self::Error> {
        use oxigraph::sparql::results::{QueryResultsParser, ReaderQueryResultsParserOutput};
        let query = spargebra::Query::Select {
            dataset: None,
            pattern: pattern.clone(),
            base_iri: base_iri.cloned(),
        }
        .to_string();
        let response = self.client.post(
            service_name.as_str(),
            "application/sparql-query",
            query.as_bytes(),
            &[(
                "Accept",
                "application/sparql-results+json, application/sparql-results+xml;q=0.9",
            )],
        )?;
        if !(200..300).contains(&response.status) {
            return Err(std::io::Error::other(format!(
                "SERVICE {service_name} answered {}: {}",
                response.status,
                response.text().chars().take(300).collect::<String>()
            )));
        }
        let media_type = response
            .header("content-type")
            .unwrap_or("application/sparql-results+json");
        let format = QueryResultsFormat::from_media_type(media_type).ok_or_else(|| {
            std::io::Error::other(format!(
                "SERVICE {service_name} answered in {media_type}, not SPARQL results"
            ))
        })?;
        let ReaderQueryResultsParserOutput::Solutions(reader) = QueryResultsParser::from_format(format)
            .for_reader(std::io::Cursor::new(response.body))
            .map_err(std::io::Error::other)?
        else {
            return Err(std::io::Error::other(format!(
                "SERVICE {service_name} answered a boolean, not solutions"
            )));
        };
        Ok(oxigraph::sparql::QuerySolutionIter::new(
            reader.variables().into(),
            Box::new(reader.map(|s| s.map_err(|e| QueryEvaluationError::Service(Box::new(e))))),
        ))
    }
}

/// A writer that fails once more than `limit` bytes were written to it.
struct Limited<'a> {
    inner: &'a mut dyn Write,
    written: usize,
    limit: usize,
}

const TOO_MANY_BYTES: &str = "zonegraph: result size limit";

impl Write for Limited<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written + buf.len() > self.limit {
            return Err(std::io::Error::other(TOO_MANY_BYTES));
        }
        let n = self.inner.write(buf)?;
        self.written += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Run a query on the store (union default graph) and write the results.
pub fn run(store: &Store, query: &QuerySource, format: OutputFormat, out: &mut dyn Write) -> Result<()> {
    run_with(store, query, format, out, &QueryOptions::default()).map_err(Error::from)
}

/// Run a query with permissions and limits, writing the results in `format`.
/// Nothing is written when the query is refused or does not parse; when a
/// limit or the cancellation strikes, what was written is incomplete.
pub fn run_with(
    store: &Store,
    query: &QuerySource,
    format: OutputFormat,
    out: &mut dyn Write,
    options: &QueryOptions,
) -> std::result::Result<(), QueryFailure> {
    let failure = |kind: FailureKind, message: String| QueryFailure {
        kind,
        query: query.name.clone(),
        message,
    };
    let eval = |e: &QueryEvaluationError| match e {
        QueryEvaluationError::Cancelled => failure(FailureKind::Cancelled, "cancelled (timeout)".into()),
        e => failure(FailureKind::Evaluation, format!("evaluation failed: {e}")),
    };
    let rows_exceeded = |n: usize| {
        failure(
            FailureKind::TooLarge,
            format!("more than {n} results (the limit); narrow the query or add a LIMIT"),
        )
    };
    let max_rows = options.max_rows.unwrap_or(usize::MAX);
    let mut limited = Limited {
        inner: out,
        written: 0,
        limit: options.max_bytes.unwrap_or(usize::MAX),
    };
    let max_bytes = limited.limit;
    let io = |e: std::io::Error| {
        if e.to_string() == TOO_MANY_BYTES {
            failure(
                FailureKind::TooLarge,
                format!("the results exceed {max_bytes} bytes (the limit); narrow the query or add a LIMIT"),
            )
        } else {
            failure(FailureKind::Output, e.to_string())
        }
    };
    let out: &mut dyn Write = &mut limited;
    parse_checked(query, options)?;
    let mut evaluator = SparqlEvaluator::new();
    if options.allow_service {
        evaluator = evaluator.with_default_service_handler(HttpService::new(
            options.service_timeout.unwrap_or(Duration::from_secs(60)),
        ));
    } else {
        evaluator = evaluator.with_default_service_handler(NoService);
    }
    if let Some(token) = &options.cancel {
        evaluator = evaluator.with_cancellation_token(token.clone());
    }
    let mut prepared = evaluator
        .parse_query(&query.text)
        .map_err(|e| failure(FailureKind::Syntax, format!("syntax error: {e}")))?;
    if options.default_graphs.is_empty() && options.named_graphs.is_empty() {
        prepared.dataset_mut().set_default_graph_as_union();
    } else {
        let dataset = prepared.dataset_mut();
        if !options.default_graphs.is_empty() {
            dataset.set_default_graph(options.default_graphs.iter().cloned().map(Into::into).collect());
        }
        if !options.named_graphs.is_empty() {
            dataset.set_available_named_graphs(options.named_graphs.iter().cloned().map(Into::into).collect());
        }
    }
    let results = prepared.on_store(store).execute().map_err(|e| eval(&e))?;
    match results {
        QueryResults::Solutions(solutions) => {
            let variables: Vec<_> = solutions.variables().to_vec();
            if format == OutputFormat::Table {
                let mut rows: Vec<Vec<String>> = Vec::new();
                for s in solutions {
                    let s = s.map_err(|e| eval(&e))?;
                    if rows.len() >= max_rows {
                        return Err(rows_exceeded(max_rows));
                    }
                    rows.push(
                        variables
                            .iter()
                            .map(|v| s.get(v).map(term_text).unwrap_or_default())
                            .collect(),
                    );
                }
                let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
                write_table(out, &header, &rows).map_err(io)?;
                return Ok(());
            }
            let rf = results_format(format);
            let mut w = QueryResultsSerializer::from_format(rf)
                .serialize_solutions_to_writer(out, variables)
                .map_err(io)?;
            for (n, s) in solutions.enumerate() {
                let s = s.map_err(|e| eval(&e))?;
                if n >= max_rows {
                    return Err(rows_exceeded(max_rows));
                }
                w.serialize(&s).map_err(io)?;
            }
            w.finish().map_err(io)?;
        }
        QueryResults::Boolean(b) => {
            if format == OutputFormat::Table {
                writeln!(out, "{b}").map_err(io)?;
            } else {
                QueryResultsSerializer::from_format(results_format(format))
                    .serialize_boolean_to_writer(out, b)
                    .map_err(io)?;
            }
        }
        QueryResults::Graph(triples) => {
            let rdf = match format {
                OutputFormat::NTriples => RdfFormat::NTriples,
                OutputFormat::NQuads => RdfFormat::NQuads,
                OutputFormat::RdfXml => RdfFormat::RdfXml,
                _ => RdfFormat::Turtle,
            };
            let mut w = RdfSerializer::from_format(rdf)
                .with_prefix("zg", crate::vocab::ZG)
                .and_then(|s| s.with_prefix("id", crate::vocab::ID))
                .and_then(|s| s.with_prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#"))
                .and_then(|s| s.with_prefix("skos", "http://www.w3.org/2004/02/skos/core#"))
                .map_err(|e| failure(FailureKind::Output, e.to_string()))?
                .for_writer(out);
            for (n, t) in triples.enumerate() {
                let t = t.map_err(|e| eval(&e))?;
                if n >= max_rows {
                    return Err(rows_exceeded(max_rows));
                }
                w.serialize_triple(&t).map_err(io)?;
            }
            w.finish().map_err(io)?;
        }
    }
    Ok(())
}

fn results_format(format: OutputFormat) -> QueryResultsFormat {
    match format {
        OutputFormat::Xml => QueryResultsFormat::Xml,
        OutputFormat::Csv => QueryResultsFormat::Csv,
        OutputFormat::Tsv => QueryResultsFormat::Tsv,
        _ => QueryResultsFormat::Json,
    }
}

/// A term as a person reads it: literals by value, IRIs shortened.
fn term_text(t: &oxigraph::model::Term) -> String {
    use oxigraph::model::Term;
    match t {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => {
            let s = n.as_str();
            for (p, ns) in [
                ("zg:", crate::vocab::ZG),
                ("id:", crate::vocab::ID),
                ("doc:", crate::vocab::DOC),
            ] {
                if let Some(rest) = s.strip_prefix(ns) {
                    return format!("{p}{rest}");
                }
            }
            s.to_string()
        }
        other => other.to_string(),
    }
}

fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| if matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}' | '\u{20000}'..='\u{3fffd}') { 2 } else { 1 })
        .sum()
}

fn write_table(out: &mut dyn Write, header: &[String], rows: &[Vec<String>]) -> std::io::Result<()> {
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(display_width(c).min(60));
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let c: String = if display_width(c) > 60 {
                c.chars().take(29).chain("…".chars()).collect()
            } else {
                c.clone()
            };
            s.push_str(&c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(widths[i].saturating_sub(display_width(&c)) + 2));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, header)?;
    writeln!(
        out,
        "{}",
        widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("  ")
    )?;
    for r in rows {
        line(out, r)?;
    }
    writeln!(out, "({} rows)", rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_queries_is_a_saved_query_with_a_question() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/queries");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("queries/ exists")
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                e.file_name()
                    .to_str()
                    .and_then(|n| n.strip_suffix(".rq"))
                    .map(str::to_string)
            })
            .collect();
        files.sort();
        let saved: Vec<String> = SAVED.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(files, saved, "queries/ and query::SAVED differ");
        for (name, text) in SAVED {
            assert!(!describe(text).is_empty(), "{name} has no question comment");
        }
    }

    #[test]
    fn query_arguments_resolve() {
        assert_eq!(resolve_query("chain-leaders").unwrap().name, "chain-leaders");
        assert!(resolve_query("SELECT * WHERE { ?s ?p ?o }").is_ok());
        assert!(matches!(resolve_query("no-such-thing"), Err(Error::UnknownQuery(_))));
    }

    #[test]
    fn malformed_sparql_names_the_query() {
        let store = Store::new().unwrap();
        let q = QuerySource {
            name: "bad.rq".into(),
            text: "SELECT WHERE {".into(),
        };
        let err = run(&store, &q, OutputFormat::Json, &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("bad.rq"), "{err}");
    }
}
