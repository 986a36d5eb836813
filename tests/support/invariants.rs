//! The invariants every input must keep, shared by the property tests
//! (`tests/properties.rs`), the fuzz targets (`fuzz/fuzz_targets/*.rs`) and
//! the random-input driver (`tests/fuzz_smoke.rs`). Each check panics with
//! the input when an invariant breaks.
//!
//! - cleaning never panics and is idempotent: `clean(clean(x).text).text == clean(x).text`;
//! - every character of the clean text maps into the original text;
//! - every offset of the extraction (sentences, mentions, statistics) lies
//!   within the clean text and on character boundaries, and maps to a span
//!   of the original text;
//! - no two entities lie in each other;
//! - every evidence offset written as `zg:charStart`/`zg:charEnd` lies within
//!   the original text;
//! - the quads serialize to N-Quads that parse back to the same set;
//! - the quads come in the order of their N-Quads lines, each once (so
//!   `extract` of a document gives the same bytes on every run and machine).

#![allow(dead_code)]

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::{Quad, Term};
use std::collections::BTreeSet;
use zonegraph::model::{to_quads, DocumentInfo};
use zonegraph::normalize::{clean, normalize, Markup, NormalizedDoc};
use zonegraph::{extract, resolve};

const CHAR_START: &str = "https://w3id.org/zonegraph/ontology#charStart";
const CHAR_END: &str = "https://w3id.org/zonegraph/ontology#charEnd";

/// A short, printable description of an input for failure messages.
pub fn show(s: &str) -> String {
    let head: String = s.chars().take(300).collect();
    if head.len() < s.len() {
        format!("{head:?}… ({} bytes)", s.len())
    } else {
        format!("{head:?}")
    }
}

/// Clean `original`, check idempotence and the character map; return the document.
pub fn check_clean(original: &str) -> NormalizedDoc {
    let doc = clean(original);
    let again = clean(&doc.text);
    assert_eq!(
        again.text,
        doc.text,
        "cleaning is not idempotent for {}",
        show(original)
    );
    check_map(&doc, original);
    doc
}

/// Every character of the clean text maps to a span of the original.
pub fn check_map(doc: &NormalizedDoc, what: &str) {
    let n = doc.original.chars().count();
    let mut last_start = 0;
    for (b, c) in doc.text.char_indices() {
        let (s, e) = doc.original_span(b, b + c.len_utf8());
        assert!(
            s <= e && e <= n,
            "character {c:?} at byte {b} maps to {s}..{e}, outside the original ({n} characters) of {}",
            show(what)
        );
        last_start = last_start.max(s);
    }
    let (s, e) = doc.original_span(0, doc.text.len());
    assert!(
        s <= e && e <= n,
        "whole text maps to {s}..{e} of {n} for {}",
        show(what)
    );
}

/// Check one byte range of the clean text.
fn check_range(doc: &NormalizedDoc, start: usize, end: usize, what: &str, input: &str) {
    let text = &doc.text;
    assert!(
        start <= end && end <= text.len(),
        "{what} {start}..{end} outside the text ({} bytes) of {}",
        text.len(),
        show(input)
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end} not on character boundaries of {}",
        show(input)
    );
    let n = doc.original.chars().count();
    let (s, e) = doc.original_span(start, end);
    assert!(
        s <= e && e <= n,
        "{what} {start}..{end} maps to {s}..{e}, outside the original ({n} characters) of {}",
        show(input)
    );
}

/// Extract, resolve and model a cleaned document; check every offset and the
/// RDF round trip. Returns the quads.
pub fn check_pipeline(name: &str, bytes: &[u8], doc: &NormalizedDoc) -> Vec<Quad> {
    let input = String::from_utf8_lossy(bytes);
    let ex = extract::extract(doc);
    for s in &ex.sentences {
        check_range(doc, s.start, s.end, "sentence", &input);
    }
    for m in &ex.mentions {
        check_range(doc, m.start, m.end, "mention", &input);
        assert!(
            m.sentence < ex.sentences.len(),
            "mention of a missing sentence in {}",
            show(&input)
        );
    }
    for s in &ex.statistics {
        check_range(doc, s.start, s.end, "statistic", &input);
    }
    for r in &ex.relations {
        assert!(
            r.subject < ex.mentions.len(),
            "relation subject out of range in {}",
            show(&input)
        );
        assert!(
            r.object.is_none_or(|o| o < ex.mentions.len()),
            "relation object out of range in {}",
            show(&input)
        );
    }
    let resolved = resolve::resolve(&ex);
    // Nothing lies in what lies in it.
    let located: BTreeSet<(usize, usize)> = resolved
        .relations
        .iter()
        .filter(|r| r.predicate == zonegraph::extract::Predicate::LocatedIn)
        .filter_map(|r| match r.object {
            resolve::Object::Entity(o) => Some((r.subject, o)),
            resolve::Object::Literal(_) => None,
        })
        .collect();
    assert!(
        !located.iter().any(|&(a, b)| located.contains(&(b, a))),
        "two things lie in each other in {}",
        show(&input)
    );
    let info = DocumentInfo::new(name, bytes);
    let quads = to_quads(&info, doc, &ex, &resolved);
    check_quads(&quads, doc.original.chars().count(), &input);
    quads
}

/// Evidence offsets within the original; N-Quads round trip.
pub fn check_quads(quads: &[Quad], original_chars: usize, input: &str) {
    for q in quads {
        let p = q.predicate.as_str();
        if p == CHAR_START || p == CHAR_END {
            let Term::Literal(l) = &q.object else {
                panic!("{p} is not a literal in {}", show(input));
            };
            let v: usize = l
                .value()
                .parse()
                .unwrap_or_else(|_| panic!("{p} {:?} is not a number in {}", l.value(), show(input)));
            assert!(
                v <= original_chars,
                "{p} {v} beyond the original ({original_chars} characters) of {}",
                show(input)
            );
        }
    }
    if let Some(w) = quads.windows(2).find(|w| w[0].to_string() >= w[1].to_string()) {
        panic!(
            "quads out of N-Quads order or repeated ({} then {}) for {}",
            w[0],
            w[1],
            show(input)
        );
    }
    let back = round_trip(quads);
    let expected: BTreeSet<String> = quads.iter().map(canonical).collect();
    let got: BTreeSet<String> = back.iter().map(canonical).collect();
    assert_eq!(got, expected, "N-Quads round trip changed the quads of {}", show(input));
}

/// A quad as N-Quads with its language tags in lower case. RDF 1.1: "the
/// value space of language tags is always in lower case", and oxigraph's
/// parser lowercases them, while the model writes `@zh-Hant`: the same
/// term, spelled differently.
fn canonical(q: &Quad) -> String {
    match &q.object {
        Term::Literal(l) if l.language().is_some_and(|t| t.chars().any(|c| c.is_ascii_uppercase())) => {
            let lower = oxigraph::model::Literal::new_language_tagged_literal_unchecked(
                l.value(),
                l.language().unwrap_or_default().to_ascii_lowercase(),
            );
            Quad::new(q.subject.clone(), q.predicate.clone(), lower, q.graph_name.clone()).to_string()
        }
        _ => q.to_string(),
    }
}

/// Serialize to N-Quads and parse back.
pub fn round_trip(quads: &[Quad]) -> Vec<Quad> {
    let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in quads {
        w.serialize_quad(q).expect("serializes");
    }
    let bytes = w.finish().expect("finishes");
    RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&bytes)
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| {
            panic!(
                "the N-Quads zonegraph wrote do not parse: {e}\n{}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(4000)])
            )
        })
}

/// The whole pipeline on raw bytes: `normalize` (an error is fine, a panic is
/// not), then the checks above, then `process` must give the same quads.
pub fn check_bytes(name: &str, bytes: &[u8]) {
    let markup = Markup::guess(name, bytes);
    let Ok(doc) = normalize(name, bytes, markup) else {
        assert!(
            zonegraph::process(name, bytes).is_err(),
            "normalize refused what process accepted"
        );
        return;
    };
    let again = clean(&doc.text);
    assert_eq!(
        again.text,
        doc.text,
        "normalizing the clean text changes it for {}",
        show(&String::from_utf8_lossy(bytes))
    );
    check_map(&doc, &doc.original);
    let quads = check_pipeline(name, bytes, &doc);
    match zonegraph::process(name, bytes) {
        Ok(processed) => {
            assert_eq!(processed.quads, quads, "process differs from the stages run one by one");
            // The N-Quads text is those quads, line by line.
            let text: String = quads.iter().map(|q| format!("{q} .\n")).collect();
            let as_text = zonegraph::process_to_nquads(name, bytes).expect("process accepted it");
            assert_eq!(as_text.quads, text, "process_to_nquads differs from process");
        }
        // process refuses what would take too long at full size (a number
        // of 1000+ digits, 20,000+ mentions); the stages above still ran.
        Err(zonegraph::Error::TooComplex { .. }) => {}
        Err(e) => panic!("process refused what normalize accepted: {e}"),
    }
}

/// Text through clean and the rest of the pipeline (no decoding).
pub fn check_text(text: &str) {
    let doc = check_clean(text);
    check_pipeline("fuzz.txt", text.as_bytes(), &doc);
}
