//! `cargo bench`: each pipeline stage on its own (criterion), on a fixed
//! corpus from the deterministic generator of `bench/gencorpus.rs` (1 MB,
//! seed 42): normalize, extract, resolve, RDF building, the whole pure
//! pipeline, store writes (a fresh bulk load, and the re-ingest of one
//! document into a store of the whole corpus) and the saved queries on that
//! store. Throughput is reported per byte of input text where text goes in.
//!
//! Filter by name: `cargo bench --bench pipeline -- extract`.
//! The whole-process figures at 1-100 MB are `bench/run.sh`'s.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;
use zonegraph::model::DocumentInfo;
use zonegraph::normalize::{normalize, Markup};
use zonegraph::store::GraphStore;
use zonegraph::{extract, model, query, resolve};

#[allow(dead_code)]
#[path = "../bench/gencorpus.rs"]
mod gencorpus;

struct Corpus {
    _dir: tempfile::TempDir,
    docs: Vec<(String, Vec<u8>)>,
    bytes: u64,
}

fn corpus() -> Corpus {
    let dir = tempfile::tempdir().expect("temporary folder");
    gencorpus::generate(dir.path(), 1 << 20, 42).expect("corpus written");
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.path().to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable folder") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let docs: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).expect("readable file")))
        .collect();
    let bytes = docs.iter().map(|(_, b)| b.len() as u64).sum();
    Corpus { _dir: dir, docs, bytes }
}

fn stages(c: &mut Criterion) {
    let corpus = corpus();
    let normalized: Vec<_> = corpus
        .docs
        .iter()
        .map(|(n, b)| normalize(n, b, Markup::guess(n, b)).expect("generated text decodes"))
        .collect();
    let extracted: Vec<_> = normalized.iter().map(extract::extract).collect();
    let resolved: Vec<_> = extracted.iter().map(resolve::resolve).collect();
    let infos: Vec<_> = corpus.docs.iter().map(|(n, b)| DocumentInfo::new(n, b)).collect();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(corpus.bytes));
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for (n, bytes) in &corpus.docs {
                black_box(normalize(n, bytes, Markup::guess(n, bytes)).ok());
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &normalized {
                black_box(extract::extract(d));
            }
        })
    });
    g.bench_function("resolve", |b| {
        b.iter(|| {
            for e in &extracted {
                black_box(resolve::resolve(e));
            }
        })
    });
    g.bench_function("rdf", |b| {
        b.iter(|| {
            for i in 0..normalized.len() {
                black_box(model::to_quads(&infos[i], &normalized[i], &extracted[i], &resolved[i]));
            }
        })
    });
    g.bench_function("whole pure pipeline", |b| {
        b.iter(|| {
            for (n, bytes) in &corpus.docs {
                black_box(zonegraph::process(n, bytes).ok());
            }
        })
    });
    g.finish();

    let processed: Vec<_> = corpus
        .docs
        .iter()
        .map(|(n, b)| zonegraph::process(n, b).expect("generated text processes"))
        .collect();
    let quads: usize = processed.iter().map(|p| p.quads.len()).sum();
    let mut g = c.benchmark_group("store");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.throughput(Throughput::Elements(quads as u64));
    g.bench_function("bulk load of the corpus into a new store", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temporary folder"),
            |dir| {
                let store = GraphStore::open(&dir.path().join("s.db")).expect("store opens");
                store
                    .add_new_documents(processed.iter().flat_map(|p| p.quads.iter()))
                    .expect("store written");
                dir
            },
            BatchSize::PerIteration,
        )
    });
    let dir = tempfile::tempdir().expect("temporary folder");
    let store = GraphStore::open(&dir.path().join("s.db")).expect("store opens");
    store
        .add_new_documents(processed.iter().flat_map(|p| p.quads.iter()))
        .expect("store written");
    let one = &processed[processed.len() / 2];
    g.throughput(Throughput::Elements(one.quads.len() as u64));
    g.bench_function("re-ingest of one document into the corpus store", |b| {
        b.iter(|| store.replace_document(&one.document, &one.quads).expect("replaced"))
    });
    g.finish();

    let mut g = c.benchmark_group("saved queries");
    g.sample_size(10).measurement_time(Duration::from_secs(3));
    for (name, _) in query::SAVED {
        if *name == "zones-wikidata-coordinates" {
            continue; // a SERVICE call to Wikidata: not a local cost
        }
        let q = query::resolve_query(name).expect("saved query");
        // A parameterised query (zone-profile) runs for the corpus's most
        // named zone: the largest answer.
        let q = query::params::bind(&q, &params_for(&store.store, &q)).expect("parameters bind");
        g.bench_function(*name, |b| {
            b.iter(|| {
                let mut out = Vec::new();
                query::run(&store.store, &q, query::OutputFormat::Tsv, &mut out).expect("query runs");
                black_box(out)
            })
        });
    }
    g.finish();
}

/// Values for a query's declared parameters: the zone the most documents name.
fn params_for(store: &oxigraph::store::Store, q: &query::QuerySource) -> Vec<(String, String)> {
    let declared = query::params::declared(&q.text);
    if declared.is_empty() {
        return Vec::new();
    }
    let top = query::resolve_query(
        "PREFIX zg: <https://w3id.org/zonegraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
         SELECT ?l WHERE { { SELECT ?z (COUNT(?g) AS ?n) WHERE { GRAPH ?g { ?z a zg:Zone } } GROUP BY ?z ORDER BY DESC(?n) ?z LIMIT 1 } \
         ?z rdfs:label ?l FILTER(lang(?l) = \"zh\") } ORDER BY DESC(STRLEN(?l)) ?l LIMIT 1",
    )
    .expect("query text");
    let mut out = Vec::new();
    query::run(store, &top, query::OutputFormat::Tsv, &mut out).expect("query runs");
    let text = String::from_utf8(out).expect("UTF-8 results");
    let zone = text
        .lines()
        .nth(1)
        .unwrap_or("")
        .trim_start_matches('"')
        .trim_end_matches("\"@zh");
    declared.iter().map(|p| (p.name.clone(), zone.to_string())).collect()
}

criterion_group!(benches, stages);
criterion_main!(benches);
