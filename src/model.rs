//! Stage 4: resolved entities in, RDF quads out.
//!
//! In: a [`Resolved`] document, its [`Extraction`] (for sentences) and its
//! [`NormalizedDoc`] (for offsets in the original text) and [`DocumentInfo`].
//! Out: the quads of the document's graph, plus reference quads (the
//! administrative parents of the places it names) in the shared reference
//! graph.
//!
//! IRIs are deterministic: entities are named by kind and canonical name
//! (`id:zone/嘉兴南湖高新技术产业园区`, places by division code), so the same
//! entity in two documents is one node; documents by a hash of their source
//! identifier, so re-ingesting a file replaces its graph. Evidence: every
//! relation is reified (`rdf:Statement`) and every observation points to a
//! `zg:Evidence` node holding the sentence and its character offsets in the
//! original text.

use crate::extract::{Extraction, Kind, Predicate};
use crate::gazetteer::Gazetteer;
use crate::normalize::NormalizedDoc;
use crate::resolve::{Object, Resolved};
use crate::vocab;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};

/// Facts about the source of a document.
#[derive(Debug, Clone)]
pub struct DocumentInfo {
    /// How the user named the source (a path, or `-` for standard input).
    pub source: String,
    /// SHA-256 of the raw bytes, hex.
    pub content_hash: String,
}

impl DocumentInfo {
    pub fn new(source: &str, bytes: &[u8]) -> Self {
        DocumentInfo {
            source: source.to_string(),
            content_hash: hex(&Sha256::digest(bytes)),
        }
    }

    /// The document's IRI: a hash of its source identifier (for standard
    /// input, of its content), so that re-ingesting a path replaces its graph.
    pub fn iri(&self) -> NamedNode {
        let id = if self.source == "-" {
            format!("stdin:{}", self.content_hash)
        } else {
            self.source.clone()
        };
        let h = hex(&Sha256::digest(id.as_bytes()));
        NamedNode::new_unchecked(format!("{}{}", vocab::DOC, &h[..16]))
    }
}

/// The graph holding reference data shared by all documents.
pub fn reference_graph() -> NamedNode {
    NamedNode::new_unchecked(format!("{}graph-reference", vocab::ID))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Percent-encode what may not stand in an IRI path segment; keep Chinese.
pub fn iri_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let ok = c.is_ascii_alphanumeric()
            || matches!(c, '-' | '_' | '~' | '·')
            || matches!(c, '\u{a0}'..='\u{d7ff}' | '\u{f900}'..='\u{fdcf}' | '\u{fdf0}'..='\u{ffef}' | '\u{10000}'..='\u{1fffd}' | '\u{20000}'..='\u{2fffd}')
                && !c.is_whitespace()
                && !matches!(c, '“' | '”' | '《' | '》' | '\u{3000}');
        if ok {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The IRI of an entity of a kind with a key.
pub fn entity_iri(kind: Kind, key: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{}-{}", vocab::ID, kind.slug(), iri_segment(key)))
}

fn nn(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

fn zh(s: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, "zh")
}

fn typed(value: &str, datatype: &str) -> Literal {
    Literal::new_typed_literal(value, nn(datatype))
}

/// A date literal of the right type for an ISO 8601 prefix (2022, 2022-06, 2022-06-01).
pub fn date_literal(d: &str) -> Literal {
    match d.len() {
        4 => typed(d, vocab::XSD_GYEAR),
        7 => typed(d, vocab::XSD_GYEAR_MONTH),
        _ => typed(d, vocab::XSD_DATE),
    }
}

struct Writer {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Writer {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: &str, o: impl Into<Term>) {
        self.quads.push(Quad::new(s, nn(p), o, self.graph.clone()));
    }
}

/// All quads for one document, sorted and without duplicates.
pub fn to_quads(info: &DocumentInfo, doc: &NormalizedDoc, ex: &Extraction, r: &Resolved) -> Vec<Quad> {
    sorted_unique(document_quads(info, doc, ex, r))
}

/// The quads of [`to_quads`] as an N-Quads document (each line ending in
/// " .\n"): the lines the quads were sorted by, not written a second time.
pub fn to_nquads(info: &DocumentInfo, doc: &NormalizedDoc, ex: &Extraction, r: &Resolved) -> String {
    let sorted = SortedLines::of(&document_quads(info, doc, ex, r));
    let mut out = String::with_capacity(sorted.text.len() + 3 * sorted.order.len());
    for &i in &sorted.order {
        out.push_str(sorted.line(i));
        out.push_str(" .\n");
    }
    out
}

/// All quads for one document, in the order the stages made them, with
/// duplicates.
fn document_quads(info: &DocumentInfo, doc: &NormalizedDoc, ex: &Extraction, r: &Resolved) -> Vec<Quad> {
    let doc_iri = info.iri();
    let doc_key = doc_iri.as_str().rsplit('/').next().unwrap_or("doc").to_string();
    let mut w = Writer {
        graph: GraphName::NamedNode(doc_iri.clone()),
        quads: Vec::new(),
    };
    w.add(doc_iri.clone(), vocab::RDF_TYPE, nn(vocab::DOCUMENT));
    w.add(
        doc_iri.clone(),
        vocab::SOURCE_PATH,
        Literal::new_simple_literal(&info.source),
    );
    w.add(
        doc_iri.clone(),
        vocab::CONTENT_HASH,
        Literal::new_simple_literal(&info.content_hash),
    );
    if let Some(t) = &doc.title {
        w.add(doc_iri.clone(), vocab::TITLE, zh(t));
    }
    if let Some(d) = &doc.published {
        w.add(doc_iri.clone(), vocab::PUBLISHED, date_literal(d));
    }

    let iris: Vec<NamedNode> = r.entities.iter().map(|e| entity_iri(e.kind, &e.key)).collect();
    let text_levels = crate::link::divisions::zone_levels(doc, ex, r);
    for (n, (e, iri)) in r.entities.iter().zip(&iris).enumerate() {
        w.add(iri.clone(), vocab::RDF_TYPE, nn(e.kind.class_iri()));
        let english_only = !e.label.chars().any(|c| c as u32 > 0x2e80);
        if !english_only {
            w.add(iri.clone(), vocab::RDFS_LABEL, zh(&e.label));
        }
        for a in &e.alt_labels {
            w.add(iri.clone(), vocab::SKOS_ALT_LABEL, zh(a));
        }
        let en = |s: &str| Literal::new_language_tagged_literal_unchecked(s, "en");
        let mut english = e.english.iter();
        if let Some(first) = english.next() {
            w.add(iri.clone(), vocab::RDFS_LABEL, en(first));
        } else if english_only {
            w.add(iri.clone(), vocab::RDFS_LABEL, en(&e.label));
        }
        for other in english {
            w.add(iri.clone(), vocab::SKOS_ALT_LABEL, en(other));
        }
        // The traditional-Chinese surface forms, kept as written.
        if doc.converted_traditional {
            for &m in &e.mentions {
                let mention = &ex.mentions[m];
                let original = doc.original_text(mention.start, mention.end);
                if original != mention.name
                    && !original.is_empty()
                    && original.chars().count() == mention.name.chars().count()
                {
                    w.add(
                        iri.clone(),
                        vocab::SKOS_ALT_LABEL,
                        Literal::new_language_tagged_literal_unchecked(&original, "zh-Hant"),
                    );
                }
            }
        }
        w.add(iri.clone(), vocab::MENTIONED_IN, doc_iri.clone());
        if let Some(level) = e.level.or(text_levels[n]) {
            w.add(iri.clone(), vocab::LEVEL, Literal::new_simple_literal(level));
        }
        if let Some(code) = &e.division_code {
            w.add(iri.clone(), vocab::DIVISION_CODE, Literal::new_simple_literal(code));
        }
    }

    // A sentence stating several facts is described once (its text is the
    // longest literal of the graph): later facts only point to it.
    let mut described: foldhash::HashMap<usize, NamedNode> = foldhash::HashMap::default();
    let mut evidence = |w: &mut Writer, sentence: usize| -> NamedNode {
        if let Some(ev) = described.get(&sentence) {
            return ev.clone();
        }
        let ev = nn(&format!("{}evidence-{}-{}", vocab::ID, doc_key, sentence));
        described.insert(sentence, ev.clone());
        if let Some(s) = ex.sentences.get(sentence) {
            let (start, end) = doc.original_span(s.start, s.end);
            w.add(ev.clone(), vocab::RDF_TYPE, nn(vocab::EVIDENCE));
            w.add(ev.clone(), vocab::IN_DOCUMENT, doc_iri.clone());
            w.add(
                ev.clone(),
                vocab::TEXT,
                Literal::new_simple_literal(doc.text[s.start..s.end].trim()),
            );
            w.add(
                ev.clone(),
                vocab::CHAR_START,
                typed(&start.to_string(), vocab::XSD_INTEGER),
            );
            w.add(ev.clone(), vocab::CHAR_END, typed(&end.to_string(), vocab::XSD_INTEGER));
        }
        ev
    };

    for (n, rel) in r.relations.iter().enumerate() {
        let s = iris[rel.subject].clone();
        let sentence = rel.sentences.iter().copied().min().unwrap_or(0);
        let (p, o): (&str, Term) = match (&rel.predicate, &rel.object) {
            (Predicate::FormerName, Object::Literal(l)) => (vocab::FORMER_NAME, zh(l).into()),
            (Predicate::ChainLeader | Predicate::ChainMember, Object::Entity(e)) => {
                let Some(ind) = rel.industry else { continue };
                let chain = nn(&format!(
                    "{}chain-{}-{}",
                    vocab::ID,
                    iri_segment(&r.entities[rel.subject].key),
                    iri_segment(&r.entities[ind].key)
                ));
                w.add(s.clone(), vocab::HAS_CHAIN, chain.clone());
                w.add(chain.clone(), vocab::RDF_TYPE, nn(vocab::INDUSTRY_CHAIN));
                w.add(chain.clone(), vocab::INDUSTRY_PROP, iris[ind].clone());
                w.add(
                    chain.clone(),
                    vocab::RDFS_LABEL,
                    zh(&format!(
                        "{}{}产业链",
                        r.entities[rel.subject].label, r.entities[ind].label
                    )),
                );
                let p = if rel.predicate == Predicate::ChainLeader {
                    vocab::LEADER
                } else {
                    vocab::MEMBER
                };
                w.add(chain.clone(), p, iris[*e].clone());
                let st = nn(&format!("{}statement-{}-{}", vocab::ID, doc_key, n));
                let ev = evidence(&mut w, sentence);
                w.add(st.clone(), vocab::RDF_TYPE, nn(vocab::RDF_STATEMENT));
                w.add(st.clone(), vocab::RDF_SUBJECT, chain);
                w.add(st.clone(), vocab::RDF_PREDICATE, nn(p));
                w.add(st.clone(), vocab::RDF_OBJECT, iris[*e].clone());
                w.add(st, vocab::EVIDENCE_PROP, ev);
                continue;
            }
            (pred, Object::Entity(e)) => {
                let p = match pred {
                    Predicate::LocatedIn => vocab::LOCATED_IN,
                    Predicate::LeadingIndustry => vocab::LEADING_INDUSTRY,
                    Predicate::ListedOn => vocab::LISTED_ON,
                    Predicate::Implements => vocab::IMPLEMENTS,
                    Predicate::IssuedBy => vocab::ISSUED_BY,
                    Predicate::CooperatesWith => vocab::COOPERATES_WITH,
                    _ => continue,
                };
                (p, iris[*e].clone().into())
            }
            _ => continue,
        };
        w.add(s.clone(), p, o.clone());
        if rel.predicate == Predicate::FormerName {
            if let Some(d) = &rel.date {
                w.add(s.clone(), vocab::RENAMED_ON, date_literal(d));
            }
        }
        let st = nn(&format!("{}statement-{}-{}", vocab::ID, doc_key, n));
        let ev = evidence(&mut w, sentence);
        w.add(st.clone(), vocab::RDF_TYPE, nn(vocab::RDF_STATEMENT));
        w.add(st.clone(), vocab::RDF_SUBJECT, s);
        w.add(st.clone(), vocab::RDF_PREDICATE, nn(p));
        w.add(st.clone(), vocab::RDF_OBJECT, o);
        w.add(st.clone(), vocab::EVIDENCE_PROP, ev);
        if let Some(d) = &rel.date {
            w.add(st, vocab::DATE, date_literal(d));
        }
    }

    for (n, obs) in r.observations.iter().enumerate() {
        let o = nn(&format!("{}obs-{}-{}", vocab::ID, doc_key, n));
        w.add(o.clone(), vocab::RDF_TYPE, nn(vocab::OBSERVATION));
        w.add(o.clone(), vocab::SUBJECT, iris[obs.subject].clone());
        w.add(o.clone(), vocab::VALUE, typed(&obs.value, vocab::XSD_DECIMAL));
        w.add(o.clone(), vocab::UNIT, Literal::new_simple_literal(&obs.unit));
        if !obs.metric.is_empty() {
            // A metric is in the words of its sentence: English ones are @en.
            let metric = if obs.metric.is_ascii() {
                Literal::new_language_tagged_literal_unchecked(&obs.metric, "en")
            } else {
                zh(&obs.metric)
            };
            w.add(o.clone(), vocab::METRIC, metric);
        }
        if let Some(y) = obs.year {
            w.add(o.clone(), vocab::YEAR, typed(&format!("{y:04}"), vocab::XSD_GYEAR));
        }
        if let Some(q) = obs.qualifier {
            w.add(o.clone(), vocab::QUALIFIER, Literal::new_simple_literal(q));
        }
        let ev = evidence(&mut w, obs.sentence);
        w.add(o, vocab::EVIDENCE_PROP, ev);
    }

    // Reference data: the administrative parents of the places named.
    let gaz = Gazetteer::get();
    let reference = GraphName::NamedNode(reference_graph());
    let mut refw = Writer {
        graph: reference,
        quads: Vec::new(),
    };
    // Zones in the divisions their names (or the national list) put them in.
    let place = |d: &crate::gazetteer::Division| entity_iri(Kind::Place, &format!("{}-{}", d.code, d.name));
    for (e, iri) in r.entities.iter().zip(&iris) {
        let codes = crate::link::divisions::zone_divisions(e);
        for code in &codes {
            let Some(d) = gaz.divisions.get(code) else { continue };
            refw.add(iri.clone(), vocab::IN_DIVISION, place(d));
            refw.add(place(d), vocab::RDF_TYPE, nn(vocab::PLACE));
            refw.add(place(d), vocab::RDFS_LABEL, zh(&d.name));
            refw.add(place(d), vocab::DIVISION_CODE, Literal::new_simple_literal(&d.code));
        }
        for pair in codes.windows(2) {
            if let (Some(child), Some(parent)) = (gaz.divisions.get(&pair[0]), gaz.divisions.get(&pair[1])) {
                refw.add(place(child), vocab::PART_OF, place(parent));
            }
        }
    }
    for e in &r.entities {
        let Some(code) = &e.division_code else {
            continue;
        };
        let chain = gaz.ancestors(code);
        for pair in chain.windows(2) {
            let child = entity_iri(Kind::Place, &format!("{}-{}", pair[0].code, pair[0].name));
            let parent = entity_iri(Kind::Place, &format!("{}-{}", pair[1].code, pair[1].name));
            refw.add(child, vocab::PART_OF, parent.clone());
            refw.add(parent.clone(), vocab::RDF_TYPE, nn(vocab::PLACE));
            refw.add(parent.clone(), vocab::RDFS_LABEL, zh(&pair[1].name));
            refw.add(parent, vocab::DIVISION_CODE, Literal::new_simple_literal(&pair[1].code));
        }
    }
    let mut quads = w.quads;
    quads.extend(refw.quads);
    quads
}

/// The quads in the order of their N-Quads lines, each once: the same
/// document gives the same bytes whatever order the stages produced them in.
fn sorted_unique(quads: Vec<Quad>) -> Vec<Quad> {
    let order = SortedLines::of(&quads).order;
    let mut slots: Vec<Option<Quad>> = quads.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Quads' N-Quads lines (without the final " ."), and the order that sorts
/// them without duplicates. The lines are written into one buffer without
/// the formatting machinery (they are the sort keys, a third of the time
/// of building a document's quads when each was a `to_string`).
struct SortedLines {
    text: String,
    /// Where each quad's line is in `text`.
    spans: Vec<std::ops::Range<usize>>,
    /// The quads whose lines, in this order, are sorted and each once.
    order: Vec<usize>,
}

impl SortedLines {
    fn of(quads: &[Quad]) -> Self {
        let mut text = String::with_capacity(quads.len() * 128);
        let mut spans = Vec::with_capacity(quads.len());
        for q in quads {
            let start = text.len();
            write_nquads_line(q, &mut text);
            spans.push(start..text.len());
        }
        // Sorted as (line, quad) pairs: comparing the lines themselves, not
        // looking them up by index at every comparison.
        let mut keyed: Vec<(&str, usize)> = spans
            .iter()
            .enumerate()
            .map(|(i, span)| (&text[span.clone()], i))
            .collect();
        keyed.sort_unstable();
        keyed.dedup_by(|a, b| a.0 == b.0);
        let order = keyed.into_iter().map(|(_, i)| i).collect();
        SortedLines { text, spans, order }
    }

    fn line(&self, i: usize) -> &str {
        &self.text[self.spans[i].clone()]
    }
}

/// A quad as its N-Quads line without the final " ." (appended to `out`),
/// exactly as `quad.to_string()` writes it.
fn write_nquads_line(q: &Quad, out: &mut String) {
    use std::fmt::Write;
    match &q.subject {
        NamedOrBlankNode::NamedNode(n) => write_iri(n.as_str(), out),
        NamedOrBlankNode::BlankNode(b) => {
            out.push_str("_:");
            out.push_str(b.as_str());
        }
    }
    out.push(' ');
    write_iri(q.predicate.as_str(), out);
    out.push(' ');
    match &q.object {
        Term::NamedNode(n) => write_iri(n.as_str(), out),
        Term::Literal(l) if l.language().is_none() => {
            write_quoted(l.value(), out);
            if l.datatype() != oxigraph::model::vocab::xsd::STRING {
                out.push_str("^^");
                write_iri(l.datatype().as_str(), out);
            }
        }
        // Blank nodes, language-tagged literals (and anything newer) as
        // oxrdf writes them.
        other => {
            let _ = write!(out, "{other}");
        }
    }
    match &q.graph_name {
        GraphName::NamedNode(n) => {
            out.push(' ');
            write_iri(n.as_str(), out);
        }
        GraphName::BlankNode(b) => {
            let _ = write!(out, " {b}");
        }
        GraphName::DefaultGraph => {}
    }
}

fn write_iri(iri: &str, out: &mut String) {
    out.push('<');
    out.push_str(iri);
    out.push('>');
}

/// A string in N-Quads quotes, escaped as oxrdf escapes it.
fn write_quoted(s: &str, out: &mut String) {
    let plain = |c: char| !matches!(c, '\0'..='\u{1F}' | '\u{7F}' | '\u{FFFE}' | '\u{FFFF}' | '"' | '\\');
    out.push('"');
    if s.chars().all(plain) {
        out.push_str(s);
    } else {
        for c in s.chars() {
            match c {
                '\u{8}' => out.push_str("\\b"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\u{C}' => out.push_str("\\f"),
                '\r' => out.push_str("\\r"),
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if !plain(c) => {
                    use std::fmt::Write;
                    let _ = write!(out, "\\u{:04X}", u32::from(c));
                }
                c => out.push(c),
            }
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::BlankNode;

    #[test]
    fn nquads_lines_are_written_as_oxrdf_writes_them() {
        let g = GraphName::NamedNode(nn("https://example.org/g"));
        let s = NamedOrBlankNode::from(nn("https://example.org/s"));
        let p = nn("https://example.org/p");
        let hard = "a\"b\\c\nd\te\r\u{8}\u{c}\u{0}\u{1f}\u{7f}\u{fffe}\u{ffff}“中”";
        let objects: Vec<Term> = vec![
            nn("https://example.org/o?x=1#y").into(),
            Literal::new_simple_literal("plain 文字").into(),
            Literal::new_simple_literal(hard).into(),
            zh(hard).into(),
            Literal::new_language_tagged_literal_unchecked("x", "zh-Hant").into(),
            typed("2023", vocab::XSD_GYEAR).into(),
            typed(hard, "https://example.org/dt").into(),
            BlankNode::new_unchecked("b1").into(),
        ];
        let graphs = [g, GraphName::DefaultGraph, BlankNode::new_unchecked("g2").into()];
        let subjects = [s, BlankNode::new_unchecked("s2").into()];
        for o in &objects {
            for g in &graphs {
                for s in &subjects {
                    let q = Quad::new(s.clone(), p.clone(), o.clone(), g.clone());
                    let mut line = String::new();
                    write_nquads_line(&q, &mut line);
                    assert_eq!(line, q.to_string());
                }
            }
        }
    }

    #[test]
    fn quads_are_sorted_by_line_and_unique() {
        let q = |o: &str| {
            Quad::new(
                nn("https://example.org/s"),
                nn("https://example.org/p"),
                Literal::new_simple_literal(o),
                GraphName::DefaultGraph,
            )
        };
        // "a/" sorts before "a\"" in N-Quads ('/' < '\\' once escaped), and
        // the repeated quad is kept once.
        let got = sorted_unique(vec![q("b"), q("a\""), q("a/"), q("b")]);
        let lines: Vec<String> = got.iter().map(|q| q.to_string()).collect();
        let mut expected = lines.clone();
        expected.sort();
        expected.dedup();
        assert_eq!(lines, expected);
        assert_eq!(got.len(), 3);
    }
}
