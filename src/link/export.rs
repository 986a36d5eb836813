//! `zonegraph export links`: the links of every linkset graph.
//!
//! Linkset graphs are the named graphs `id:graph-linkset-{target}` (written
//! by `zonegraph link …`). Out: their `owl:sameAs` links as N-Triples, as a
//! TSV table with each link's score and method, or the VoID descriptions of
//! the linksets as Turtle.

use crate::vocab;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinksFormat {
    /// The `owl:sameAs` triples, N-Triples.
    NTriples,
    /// One row per link: entity, class, label, target, score, method, linkset graph.
    Tsv,
    /// The VoID descriptions of the linksets, Turtle.
    Void,
}

/// The IRI prefix of linkset graphs.
pub const LINKSET_GRAPH_PREFIX: &str = "https://w3id.org/zonegraph/id/graph-linkset-";

fn err(e: impl std::fmt::Display) -> crate::Error {
    crate::Error::Output(e.to_string())
}

fn rows(store: &Store, query: &str) -> crate::Result<Vec<Vec<Option<Term>>>> {
    let q = SparqlEvaluator::new().parse_query(query).map_err(err)?;
    let QueryResults::Solutions(solutions) = q.on_store(store).execute().map_err(err)? else {
        return Ok(Vec::new());
    };
    let vars: Vec<_> = solutions.variables().to_vec();
    let mut out = Vec::new();
    for s in solutions {
        let s = s.map_err(err)?;
        out.push(vars.iter().map(|v| s.get(v).cloned()).collect());
    }
    Ok(out)
}

fn value(t: &Option<Term>) -> String {
    match t {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().replace(['\t', '\n', '\r'], " "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// Write the links of every linkset graph, sorted.
pub fn export_links(store: &Store, format: LinksFormat, out: &mut dyn Write) -> crate::Result<()> {
    let io = |e: std::io::Error| crate::Error::Output(e.to_string());
    let zg = vocab::ZG;
    match format {
        LinksFormat::NTriples | LinksFormat::Tsv => {
            let query = format!(
                "PREFIX zg: <{zg}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?e ?target ?g (SAMPLE(?c) AS ?class) (SAMPLE(?l) AS ?label) (SAMPLE(?s) AS ?score) (SAMPLE(?m) AS ?method) WHERE {{
  GRAPH ?g {{ ?e owl:sameAs ?target }}
  FILTER(STRSTARTS(STR(?g), \"{LINKSET_GRAPH_PREFIX}\"))
  OPTIONAL {{ GRAPH ?g {{ ?st rdf:subject ?e ; rdf:object ?target ; zg:linkScore ?s ; zg:linkMethod ?m }} }}
  OPTIONAL {{ GRAPH ?dg {{ ?e a ?c }} FILTER(STRSTARTS(STR(?c), \"{zg}\")) }}
  OPTIONAL {{ GRAPH ?lg {{ ?e rdfs:label ?l }} FILTER(LANG(?l) = \"zh\") }}
}} GROUP BY ?e ?target ?g ORDER BY ?e ?target ?g"
            );
            let rows = rows(store, &query)?;
            if format == LinksFormat::Tsv {
                writeln!(out, "entity\tclass\tlabel\ttarget\tscore\tmethod\tlinkset").map_err(io)?;
                for r in &rows {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        value(&r[0]),
                        value(&r[3]).rsplit('#').next().unwrap_or(""),
                        value(&r[4]),
                        value(&r[1]),
                        value(&r[5]),
                        value(&r[6]),
                        value(&r[2])
                    )
                    .map_err(io)?;
                }
            } else {
                let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(out);
                let same_as = oxigraph::model::NamedNode::new_unchecked(vocab::OWL_SAME_AS);
                let mut seen = std::collections::BTreeSet::new();
                for r in &rows {
                    if let (Some(Term::NamedNode(s)), Some(Term::NamedNode(o))) = (&r[0], &r[1]) {
                        if seen.insert((s.clone(), o.clone())) {
                            w.serialize_triple(&Triple::new(s.clone(), same_as.clone(), o.clone()))
                                .map_err(io)?;
                        }
                    }
                }
                w.finish().map_err(io)?;
            }
        }
        LinksFormat::Void => {
            let query = format!(
                "PREFIX void: <{void}>
CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  GRAPH ?g {{ ?ls a void:Linkset . ?s ?p ?o FILTER(?s = ?ls || EXISTS {{ ?ls void:subjectsTarget|void:objectsTarget ?s }}) }}
  FILTER(STRSTARTS(STR(?g), \"{LINKSET_GRAPH_PREFIX}\"))
}}",
                void = vocab::VOID
            );
            let q = SparqlEvaluator::new().parse_query(&query).map_err(err)?;
            let QueryResults::Graph(triples) = q.on_store(store).execute().map_err(err)? else {
                return Ok(());
            };
            let mut all: Vec<Triple> = Vec::new();
            for t in triples {
                all.push(t.map_err(err)?);
            }
            all.sort_by_cached_key(|t| t.to_string());
            all.dedup();
            let mut w = RdfSerializer::from_format(RdfFormat::Turtle)
                .with_prefix("void", vocab::VOID)
                .and_then(|s| s.with_prefix("dcterms", vocab::DCTERMS))
                .and_then(|s| s.with_prefix("owl", "http://www.w3.org/2002/07/owl#"))
                .and_then(|s| s.with_prefix("id", vocab::ID))
                .and_then(|s| s.with_prefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#"))
                .map_err(err)?
                .for_writer(out);
            for t in &all {
                w.serialize_triple(t).map_err(io)?;
            }
            w.finish().map_err(io)?;
        }
    }
    Ok(())
}
