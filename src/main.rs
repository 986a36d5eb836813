//! The `zonegraph` command: parses arguments and dispatches to the library.

mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{Cli, Command, DiagramOut, ExportCommand, GraphOut, LinkCommand, LinksOut, QueryOut, RdfOut};
use oxigraph::io::{RdfFormat, RdfSerializer};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use zonegraph::pipeline::{collect_inputs, process, read_input};
use zonegraph::query::{self, OutputFormat};
use zonegraph::store::GraphStore;

/// Extraction allocates many short strings and vectors per sentence; mimalloc
/// serves them faster than the system allocator (bench/stages.rs, same
/// corpus, same minute: extraction 142.6 → 126.4 ms/MB when it came in).
/// Cargo features of the dependency, each for a reason:
/// - `override`: mimalloc also replaces `malloc` and `free` for the C++ of
///   RocksDB. One allocator for the whole process is required, not a choice:
///   Oxigraph takes RocksDB's error messages (allocated by C) into a Rust
///   `CString`, which Rust frees; with two allocators that free crashed
///   (a second writer on a locked store, tests/crash.rs).
/// - `v2`: mimalloc's segment design; against v3 on the 100 MB ingest, peak
///   resident memory 415 against 466 MB for the same time, and the pure
///   stages 107 against 113 ms/MB.
/// - `no_thp`: no transparent huge pages, which added 60–90 MB of resident
///   memory to an ingest.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("zonegraph: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.to_string().contains("Broken pipe")
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest {
            store,
            paths,
            commit_quads,
        } => ingest(&store.store, &paths, commit_quads),
        Command::Extract { paths, format } => extract(&paths, format),
        Command::Query {
            store,
            format,
            list,
            query,
            params,
            allow_service,
            timeout,
        } => {
            if list {
                // Written, not printed: `println!` panics when the reader
                // has gone (`zonegraph query --list | head`).
                let mut out = std::io::stdout().lock();
                for (name, text) in query::SAVED {
                    let needs: String = query::params::declared(text)
                        .iter()
                        .map(|p| format!(" (--param {}=…)", p.name))
                        .collect();
                    writeln!(out, "{name:<26} {}{needs}", query::describe(text))?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            let q = query::resolve_query(query.as_deref().unwrap_or_default())?;
            let q = query::params::bind(&q, &params)?;
            let graph = GraphStore::open_read_only(&store.store)?;
            let format = match format {
                QueryOut::Table => OutputFormat::Table,
                QueryOut::Json => OutputFormat::Json,
                QueryOut::Xml => OutputFormat::Xml,
                QueryOut::Csv => OutputFormat::Csv,
                QueryOut::Tsv => OutputFormat::Tsv,
                QueryOut::Turtle => OutputFormat::Turtle,
                QueryOut::Ntriples => OutputFormat::NTriples,
                QueryOut::Nquads => OutputFormat::NQuads,
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let mut options = query::QueryOptions {
                allow_service,
                service_timeout: timeout,
                ..Default::default()
            };
            if let Some(t) = timeout {
                let token = oxigraph::sparql::CancellationToken::new();
                options.cancel = Some(token.clone());
                std::thread::spawn(move || {
                    std::thread::sleep(t);
                    token.cancel();
                });
            }
            query::run_with(&graph.store, &q, format, &mut out, &options).map_err(zonegraph::Error::from)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            store,
            bind,
            enable_update,
            token,
            allow_service,
            timeout,
            max_results,
            max_bytes,
            max_connections,
            allow_host,
        } => serve(
            &store.store,
            &bind,
            zonegraph::serve::ServeConfig {
                bind: Vec::new(),
                enable_update,
                token,
                allow_service,
                timeout,
                max_results,
                max_bytes,
                max_connections,
                allowed_hosts: allow_host,
            },
        ),
        Command::Export(ExportCommand::Dot {
            store,
            zone,
            industry,
            format,
            output,
        }) => {
            let graph = GraphStore::open_read_only(&store.store)?;
            let filter = zonegraph::export::ChainFilter { zone, industry };
            let diagram = zonegraph::export::chain_diagram(&graph.store, &filter)?;
            let dot = diagram.to_string();
            let text = match format {
                DiagramOut::Dot => dot,
                DiagramOut::Svg => zonegraph::export::render_svg(&dot)?,
            };
            write_output(output.as_deref(), &text)
        }
        Command::Push {
            store,
            endpoint,
            graph_store,
            batch,
            retries,
            timeout,
            token,
            only,
        } => {
            let graph_store = match graph_store {
                Some(g) => g,
                None => zonegraph::push::graph_store_url(&endpoint)?,
            };
            let config = zonegraph::push::PushConfig {
                graph_store,
                batch,
                retries,
                backoff: std::time::Duration::from_millis(500),
                timeout: std::time::Duration::from_secs(timeout),
                token,
                only,
            };
            push(&store.store, &config)
        }
        Command::Export(ExportCommand::Links { store, format, output }) => {
            let graph = GraphStore::open_read_only(&store.store)?;
            let format = match format {
                LinksOut::Nt => zonegraph::link::export::LinksFormat::NTriples,
                LinksOut::Tsv => zonegraph::link::export::LinksFormat::Tsv,
                LinksOut::Void => zonegraph::link::export::LinksFormat::Void,
            };
            let mut buf = Vec::new();
            zonegraph::link::export::export_links(&graph.store, format, &mut buf)?;
            write_output(output.as_deref(), &String::from_utf8_lossy(&buf))
        }
        Command::Link(LinkCommand::Wikidata {
            store,
            endpoint,
            review,
            threshold,
            batch,
            delay,
            timeout,
        }) => {
            let graph = GraphStore::open(&store.store)?;
            let config = zonegraph::link::wikidata::LinkConfig {
                endpoint,
                threshold,
                batch,
                delay,
                timeout,
                review,
                ..Default::default()
            };
            let started = Instant::now();
            let report = zonegraph::link::wikidata::link(&graph.store, &store.store, &config)?;
            graph.flush()?;
            eprintln!(
                "linked {} of {} entities to Wikidata ({} labels in {} batches, {} from the cache); {} candidates for review{} in {:.1} s",
                report.linked,
                report.entities,
                report.labels,
                report.batches,
                report.from_cache,
                report.review,
                config
                    .review
                    .as_ref()
                    .map(|p| format!(" in {}", p.display()))
                    .unwrap_or_default(),
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(ExportCommand::Graph { store, format, output }) => {
            let graph = GraphStore::open_read_only(&store.store)?;
            let g = zonegraph::export::entity_graph(&graph.store)?;
            let text = match format {
                GraphOut::Graphml => g.to_graphml(),
                GraphOut::Json => g.to_json(),
                GraphOut::Dot => g.to_dot(),
            };
            write_output(output.as_deref(), &text)
        }
        Command::Optimize { store } => {
            let started = Instant::now();
            let graph = GraphStore::open_existing(&store.store)?;
            graph.optimize()?;
            eprintln!(
                "optimized {} in {:.1} s",
                store.store.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Dump { store, format } => {
            let graph = GraphStore::open_read_only(&store.store)?;
            let stdout = std::io::stdout();
            let out = std::io::BufWriter::new(stdout.lock());
            let mut w = serializer(format).for_writer(out);
            for q in graph.store.iter() {
                let q = q.context("reading the store")?;
                w.serialize_quad(&q)?;
            }
            w.finish()?.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn push(store_path: &Path, config: &zonegraph::push::PushConfig) -> Result<ExitCode> {
    let graph = GraphStore::open_read_only(store_path)?;
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} graphs {elapsed_precise}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let report = zonegraph::push::push(&graph.store, config, |done, all| {
        bar.set_length(all as u64);
        bar.set_position(done as u64);
    })
    .with_context(|| format!("push to {}", config.graph_store))?;
    bar.finish_and_clear();
    for f in &report.failures {
        eprintln!("zonegraph: push: graph <{}> refused: {}", f.graph, f.message);
    }
    eprintln!(
        "pushed {} graphs, {} triples ({:.1} MB) to {} in {:.2} s ({:.0} triples/s){}{}",
        report.graphs,
        report.triples,
        report.bytes as f64 / 1e6,
        config.graph_store,
        report.seconds,
        report.triples as f64 / report.seconds.max(1e-9),
        if report.retries > 0 {
            format!("; {} retries", report.retries)
        } else {
            String::new()
        },
        if report.failures.is_empty() {
            String::new()
        } else {
            format!("; {} graphs refused", report.failures.len())
        }
    );
    Ok(if report.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn serve(store_path: &Path, bind: &[String], mut config: zonegraph::serve::ServeConfig) -> Result<ExitCode> {
    use std::net::ToSocketAddrs;
    for b in bind {
        let addrs = b
            .to_socket_addrs()
            .with_context(|| format!("--bind {b}: not an address and port (like 127.0.0.1:7878)"))?;
        config.bind.extend(addrs);
    }
    if config.enable_update && config.token.as_deref().is_none_or(str::is_empty) {
        anyhow::bail!("--enable-update needs a bearer token: give --token or set ZONEGRAPH_TOKEN");
    }
    if let Some(public) = config.bind.iter().find(|a| !a.ip().is_loopback()) {
        eprintln!("zonegraph: warning: listening on {public}, which other machines can reach");
    }
    let graph = if config.enable_update {
        GraphStore::open(store_path)?
    } else {
        GraphStore::open_read_only(store_path)?
    };
    let addresses: Vec<String> = config.bind.iter().map(|a| format!("http://{a}/")).collect();
    let server = zonegraph::serve::spawn(graph.store, config.clone())
        .with_context(|| format!("cannot listen on {}", bind.join(", ")))?;
    eprintln!(
        "zonegraph: SPARQL endpoint for {} at {} ({}{}, timeout {:?})",
        store_path.display(),
        addresses.join(" "),
        if config.enable_update {
            "updates enabled"
        } else {
            "read-only"
        },
        if config.allow_service { ", SERVICE allowed" } else { "" },
        config.timeout
    );
    server.join()?;
    Ok(ExitCode::SUCCESS)
}

fn write_output(path: Option<&Path>, text: &str) -> Result<ExitCode> {
    match path {
        Some(p) => std::fs::write(p, text).with_context(|| format!("{}: cannot write", p.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn serializer(format: RdfOut) -> RdfSerializer {
    let f = match format {
        RdfOut::Nquads => RdfFormat::NQuads,
        RdfOut::Trig => RdfFormat::TriG,
        RdfOut::Turtle => RdfFormat::Turtle,
    };
    let s = RdfSerializer::from_format(f);
    if matches!(format, RdfOut::Nquads) {
        return s;
    }
    [
        ("zg", zonegraph::vocab::ZG),
        ("id", zonegraph::vocab::ID),
        ("doc", zonegraph::vocab::DOC),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ]
    .into_iter()
    .fold(s, |s, (p, ns)| s.clone().with_prefix(p, ns).unwrap_or(s))
}

/// How many documents are processed in parallel before they are written.
const BATCH: usize = 64;

/// How one document is processed: [`process`], or
/// [`zonegraph::process_to_nquads`] for its N-Quads text.
type ProcessFn<Q> = fn(&str, &[u8]) -> zonegraph::Result<zonegraph::Processed<Q>>;

/// Read and process a batch of files in parallel, results in input order.
fn process_batch<Q: Send>(batch: &[PathBuf], process: ProcessFn<Q>) -> Vec<zonegraph::Result<zonegraph::Processed<Q>>> {
    batch
        .par_iter()
        .map(|path| {
            let name = path.display().to_string();
            read_input(path).and_then(|bytes| process(&name, &bytes))
        })
        .collect()
}

/// Process `files` in batches on a thread of `scope`, one batch ahead of the
/// receiver: the next batch is extracted while the caller writes this one.
/// The thread stops when the receiver is dropped (the writer failed).
fn extract_ahead<'scope, Q: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    files: &'scope [PathBuf],
    process: ProcessFn<Q>,
) -> std::sync::mpsc::Receiver<Vec<zonegraph::Result<zonegraph::Processed<Q>>>> {
    let (batches_tx, batches_rx) = std::sync::mpsc::sync_channel(1);
    scope.spawn(move || {
        for batch in files.chunks(BATCH) {
            if batches_tx.send(process_batch(batch, process)).is_err() {
                break; // the writer stopped
            }
        }
    });
    batches_rx
}

/// What one ingest run has written so far.
#[derive(Default)]
struct Tally {
    docs: usize,
    entities: usize,
    relations: usize,
    statistics: usize,
}

impl Tally {
    fn add(&mut self, p: &zonegraph::Processed, bar: &indicatif::ProgressBar) {
        for d in &p.diagnostics {
            bar.suspend(|| eprintln!("zonegraph: {}: warning: {d}", p.source));
        }
        self.docs += 1;
        self.entities += p.entities;
        self.relations += p.relations;
        self.statistics += p.statistics;
    }
}

/// Bulk-load the pending new documents (all or none of them).
fn write_pending(
    graph: &GraphStore,
    pending: &mut Vec<zonegraph::Processed>,
    tally: &mut Tally,
    bar: &indicatif::ProgressBar,
) -> zonegraph::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    graph.add_new_documents(pending.iter().flat_map(|p| p.quads.iter()))?;
    for p in pending.drain(..) {
        tally.add(&p, bar);
    }
    Ok(())
}

/// Documents new to the store are written together once they hold
/// `commit_quads` quads (one atomic bulk-load commit): fewer, larger sorted
/// files for RocksDB.
fn ingest(store_path: &Path, paths: &[PathBuf], commit_quads: usize) -> Result<ExitCode> {
    let started = Instant::now();
    let (files, mut failures) = collect_inputs(paths);
    for e in &failures {
        eprintln!("zonegraph: {e}");
    }
    // Opening a large store and building the extractors' tables take tens
    // of milliseconds each: do them at the same time (a one-document
    // re-ingest is mostly these two waits).
    let warming = std::thread::spawn(zonegraph::pipeline::warm_up);
    let graph = GraphStore::open(store_path)?;
    let _ = warming.join();
    let bar = indicatif::ProgressBar::new(files.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed_precise} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    if files.len() < 20 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let mut tally = Tally::default();
    let mut pending: Vec<zonegraph::Processed> = Vec::new();
    let mut pending_quads = 0usize;
    // Extraction of the next batch runs while this one is written.
    let written: Result<()> = std::thread::scope(|scope| {
        let batches_rx = extract_ahead(scope, &files, process);
        let stop = |e: zonegraph::Error, docs: usize| -> anyhow::Error {
            // The store cannot be written (disk full, I/O error): the
            // documents after this one would all fail the same way.
            anyhow::anyhow!("{e}\nstopped after writing {docs} documents (each of them whole)")
        };
        for results in batches_rx {
            for result in results {
                bar.inc(1);
                let p = match result {
                    Ok(p) => p,
                    Err(e) => {
                        bar.suspend(|| eprintln!("zonegraph: {e}"));
                        failures.push(e);
                        continue;
                    }
                };
                match graph.contains_document(&p.document) {
                    Ok(false) => {
                        pending_quads += p.quads.len();
                        pending.push(p);
                    }
                    Ok(true) => match graph.replace_document(&p.document, &p.quads) {
                        Ok(()) => tally.add(&p, &bar),
                        Err(e) => return Err(stop(e, tally.docs)),
                    },
                    Err(e) => return Err(stop(e, tally.docs)),
                }
            }
            if pending_quads >= commit_quads {
                write_pending(&graph, &mut pending, &mut tally, &bar).map_err(|e| stop(e, tally.docs))?;
                pending_quads = 0;
            }
        }
        write_pending(&graph, &mut pending, &mut tally, &bar).map_err(|e| stop(e, tally.docs))
    });
    if let Err(e) = written {
        bar.finish_and_clear();
        return Err(e);
    }
    let Tally {
        docs,
        entities,
        relations,
        statistics,
    } = tally;
    bar.finish_and_clear();
    // No explicit flush: new documents were bulk-loaded as sorted files
    // (durable at commit), and replaced ones are in RocksDB's write-ahead
    // log, which any later open (a reader's too) replays. A flush here wrote
    // a file per index for a one-document change: a fifth of a re-ingest.
    eprintln!(
        "ingested {docs} documents: {entities} entities, {relations} relations, {statistics} statistics in {:.2} s{}",
        started.elapsed().as_secs_f64(),
        if failures.is_empty() {
            String::new()
        } else {
            format!("; {} inputs failed", failures.len())
        }
    );
    if docs >= OPTIMIZE_HINT_DOCS {
        eprintln!(
            "hint: `zonegraph optimize --store {}` compacts the store after a large ingest (faster queries and re-ingests)",
            store_path.display()
        );
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// From this many documents in one ingest, suggest compacting the store
/// (each bulk-load commit of ~200,000 quads, some 400 documents, leaves
/// its own set of files).
const OPTIMIZE_HINT_DOCS: usize = 1000;

fn extract(paths: &[PathBuf], format: RdfOut) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let failed = match format {
        // Each document's sorted lines, as the model wrote them to sort them.
        RdfOut::Nquads => extract_documents(paths, zonegraph::process_to_nquads, |text| {
            out.write_all(text.as_bytes())
        })?,
        // Oxigraph's serializer for the formats with prefixes.
        RdfOut::Trig | RdfOut::Turtle => {
            let triples = matches!(format, RdfOut::Turtle);
            let mut serializer = serializer(format).for_writer(&mut out);
            let failed = extract_documents(paths, process, |quads| {
                quads.iter().try_for_each(|q| {
                    if triples {
                        serializer.serialize_triple(q.as_ref())
                    } else {
                        serializer.serialize_quad(q)
                    }
                })
            })?;
            serializer.finish()?;
            failed
        }
    };
    out.flush()?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Process the documents of `paths` and hand each one's RDF to `write`, in
/// input order; errors of single inputs are reported and counted, an error
/// of `write` stops. Returns whether any input failed.
fn extract_documents<Q: Send>(
    paths: &[PathBuf],
    process: ProcessFn<Q>,
    mut write: impl FnMut(&Q) -> std::io::Result<()>,
) -> Result<bool> {
    let (files, failures) = collect_inputs(paths);
    for e in &failures {
        eprintln!("zonegraph: {e}");
    }
    let mut failed = !failures.is_empty();
    // The next batch is extracted (on every core) while this one is
    // written: writing is one thread's work, and the other cores would
    // otherwise wait for it.
    std::thread::scope(|scope| {
        let batches_rx = extract_ahead(scope, &files, process);
        for results in batches_rx {
            for result in results {
                match result {
                    Ok(p) => {
                        for d in &p.diagnostics {
                            eprintln!("zonegraph: {}: warning: {d}", p.source);
                        }
                        write(&p.quads)?;
                    }
                    Err(e) => {
                        eprintln!("zonegraph: {e}");
                        failed = true;
                    }
                }
            }
        }
        Ok(failed)
    })
}
