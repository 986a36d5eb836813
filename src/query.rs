//! Stage 6: a question in, answers out.
//!
//! In: a SPARQL query given as text, as a `.rq` file, or as the name of a
//! saved query shipped in `queries/`. Out: the results in a W3C SPARQL 1.1
//! results format (JSON, XML, CSV, TSV) or an aligned text table; CONSTRUCT
//! and DESCRIBE results as Turtle, N-Triples or N-Quads.
//!
//! The default graph is the union of all graphs, so queries never need to
//! name document graphs.

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;
use std::path::Path;

/// The saved queries shipped with zonegraph: (name, text).
pub const SAVED: &[(&str, &str)] = &[
    ("chain-leaders", include_str!("../queries/chain-leaders.rq")),
    ("documents", include_str!("../queries/documents.rq")),
    ("enterprises-in-zone", include_str!("../queries/enterprises-in-zone.rq")),
    ("entity-sources", include_str!("../queries/entity-sources.rq")),
    ("evidence", include_str!("../queries/evidence.rq")),
    ("institutes-in-zone", include_str!("../queries/institutes-in-zone.rq")),
    ("listed-enterprises", include_str!("../queries/listed-enterprises.rq")),
    ("policies-by-zone", include_str!("../queries/policies-by-zone.rq")),
    ("renamed-zones", include_str!("../queries/renamed-zones.rq")),
    ("zone-statistics", include_str!("../queries/zone-statistics.rq")),
    (
        "zones-leading-industries",
        include_str!("../queries/zones-leading-industries.rq"),
    ),
    (
        "zones-sharing-industry",
        include_str!("../queries/zones-sharing-industry.rq"),
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
}

/// Run a query on the store (union default graph) and write the results.
pub fn run(store: &Store, query: &QuerySource, format: OutputFormat, out: &mut dyn Write) -> Result<()> {
    let syntax = |e: &dyn std::fmt::Display| Error::QuerySyntax {
        query: query.name.clone(),
        message: e.to_string(),
    };
    let eval = |e: &dyn std::fmt::Display| Error::QueryEvaluation {
        query: query.name.clone(),
        message: e.to_string(),
    };
    // Built without an HTTP client: SERVICE calls to other hosts are not made.
    let mut prepared = SparqlEvaluator::new()
        .parse_query(&query.text)
        .map_err(|e| syntax(&e))?;
    prepared.dataset_mut().set_default_graph_as_union();
    let results = prepared.on_store(store).execute().map_err(|e| eval(&e))?;
    let io = |e: std::io::Error| Error::Output(e.to_string());
    match results {
        QueryResults::Solutions(solutions) => {
            let variables: Vec<_> = solutions.variables().to_vec();
            if format == OutputFormat::Table {
                let mut rows: Vec<Vec<String>> = Vec::new();
                for s in solutions {
                    let s = s.map_err(|e| eval(&e))?;
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
            for s in solutions {
                let s = s.map_err(|e| eval(&e))?;
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
                _ => RdfFormat::Turtle,
            };
            let mut w = RdfSerializer::from_format(rdf)
                .with_prefix("zg", crate::vocab::ZG)
                .and_then(|s| s.with_prefix("id", crate::vocab::ID))
                .and_then(|s| s.with_prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#"))
                .and_then(|s| s.with_prefix("skos", "http://www.w3.org/2004/02/skos/core#"))
                .map_err(|e| Error::Output(e.to_string()))?
                .for_writer(out);
            for t in triples {
                let t = t.map_err(|e| eval(&e))?;
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
