//! The `zonegraph` command: parses arguments and dispatches to the library.

mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{Cli, Command, DiagramOut, ExportCommand, GraphOut, QueryOut, RdfOut};
use oxigraph::io::{RdfFormat, RdfSerializer};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use zonegraph::pipeline::{collect_inputs, process, read_input};
use zonegraph::query::{self, OutputFormat};
use zonegraph::store::GraphStore;

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
        Command::Ingest { store, paths } => ingest(&store.store, &paths),
        Command::Extract { paths, format } => extract(&paths, format),
        Command::Query {
            store,
            format,
            list,
            query,
        } => {
            if list {
                for (name, text) in query::SAVED {
                    println!("{name:<26} {}", query::describe(text));
                }
                return Ok(ExitCode::SUCCESS);
            }
            let q = query::resolve_query(query.as_deref().unwrap_or_default())?;
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
            query::run(&graph.store, &q, format, &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
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

fn ingest(store_path: &Path, paths: &[PathBuf]) -> Result<ExitCode> {
    let started = Instant::now();
    let (files, mut failures) = collect_inputs(paths);
    for e in &failures {
        eprintln!("zonegraph: {e}");
    }
    let graph = GraphStore::open(store_path)?;
    let bar = indicatif::ProgressBar::new(files.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed_precise} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    if files.len() < 20 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let (mut docs, mut entities, mut relations, mut statistics) = (0usize, 0usize, 0usize, 0usize);
    for batch in files.chunks(BATCH) {
        let results: Vec<_> = batch
            .par_iter()
            .map(|path| {
                let name = path.display().to_string();
                read_input(path).and_then(|bytes| process(&name, &bytes))
            })
            .collect();
        for result in results {
            bar.inc(1);
            match result.and_then(|p| graph.replace_document(&p.document, &p.quads).map(|_| p)) {
                Ok(p) => {
                    docs += 1;
                    entities += p.entities;
                    relations += p.relations;
                    statistics += p.statistics;
                }
                Err(e) => {
                    bar.suspend(|| eprintln!("zonegraph: {e}"));
                    failures.push(e);
                }
            }
        }
    }
    bar.finish_and_clear();
    graph.flush()?;
    eprintln!(
        "ingested {docs} documents: {entities} entities, {relations} relations, {statistics} statistics in {:.2} s{}",
        started.elapsed().as_secs_f64(),
        if failures.is_empty() {
            String::new()
        } else {
            format!("; {} inputs failed", failures.len())
        }
    );
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn extract(paths: &[PathBuf], format: RdfOut) -> Result<ExitCode> {
    let (files, mut failures) = collect_inputs(paths);
    for e in &failures {
        eprintln!("zonegraph: {e}");
    }
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::new(stdout.lock());
    let mut w = serializer(format).for_writer(out);
    for batch in files.chunks(BATCH) {
        let results: Vec<_> = batch
            .par_iter()
            .map(|path| {
                let name = path.display().to_string();
                read_input(path).and_then(|bytes| process(&name, &bytes))
            })
            .collect();
        for result in results {
            match result {
                Ok(p) => {
                    for q in &p.quads {
                        if matches!(format, RdfOut::Turtle) {
                            w.serialize_triple(q.as_ref())?;
                        } else {
                            w.serialize_quad(q)?;
                        }
                    }
                }
                Err(e) => {
                    eprintln!("zonegraph: {e}");
                    failures.push(e);
                }
            }
        }
    }
    w.finish()?.flush()?;
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
