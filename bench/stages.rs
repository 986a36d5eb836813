//! The pure stages of the pipeline, timed one by one on real files, without
//! a store (so it builds without RocksDB: `--no-default-features`).
//!
//! ```text
//! cargo run --release --example stages -- [--repeat N] [--threads N] [--nquads] PATHS...
//! ```
//!
//! Every input is read into memory first, then run through normalize →
//! extract → resolve → model (quads) `--repeat` times. Printed: the time of
//! the first call (loading the reference data and building the rule indexes),
//! then per stage milliseconds per MB and MB/s, and "extraction"
//! (normalize + extract + resolve: issue 5's definition) and the whole pure
//! pipeline. With `--threads N` (N > 1) the documents are spread over N
//! threads and only the whole is timed.
//!
//! `--nquads` writes instead, for every document in path order, a line
//! `# source` and its quads as sorted N-Quads (or `# error: …`) to standard
//! output: a stable text to compare two versions of the code with, since
//! a faster stage must give the same output byte for byte.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use zonegraph::model::{self, DocumentInfo};
use zonegraph::normalize::{normalize, Markup};
use zonegraph::pipeline::{collect_inputs, read_input};
use zonegraph::{extract, resolve};

struct Args {
    repeat: usize,
    threads: usize,
    nquads: bool,
    paths: Vec<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        repeat: 1,
        threads: 1,
        nquads: false,
        paths: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--repeat" | "--threads" => {
                let v = it.next().ok_or(format!("{a} needs a number"))?;
                let n: usize = v.parse().map_err(|_| format!("{a}: not a number: {v}"))?;
                if a == "--repeat" {
                    args.repeat = n.max(1);
                } else {
                    args.threads = n.max(1);
                }
            }
            "--nquads" => args.nquads = true,
            _ => args.paths.push(PathBuf::from(a)),
        }
    }
    if args.paths.is_empty() {
        return Err("usage: stages [--repeat N] [--threads N] [--nquads] PATHS...".into());
    }
    Ok(args)
}

fn main() -> Result<(), String> {
    let args = parse_args()?;
    let (files, errors) = collect_inputs(&args.paths);
    if let Some(e) = errors.first() {
        return Err(e.to_string());
    }
    let docs: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| read_input(p).map(|b| (p.display().to_string(), b)))
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    if args.nquads {
        return write_nquads(&docs).map_err(|e| e.to_string());
    }
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();
    let mb = bytes as f64 / 1e6;

    let first = Instant::now();
    let _ = zonegraph::process("warm-up.txt", "嘉兴高新区位于浙江省嘉兴市。".as_bytes());
    eprintln!(
        "first call (reference data, rule indexes): {:.1} ms",
        ms(first.elapsed())
    );
    eprintln!("{} documents, {mb:.2} MB, {} repeats", docs.len(), args.repeat);

    if args.threads > 1 {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(args.threads)
            .build()
            .map_err(|e| e.to_string())?;
        let started = Instant::now();
        for _ in 0..args.repeat {
            pool.install(|| {
                use rayon::prelude::*;
                docs.par_iter().for_each(|(name, b)| {
                    let _ = std::hint::black_box(zonegraph::process(name, b));
                });
            });
        }
        let t = started.elapsed() / args.repeat as u32;
        eprintln!(
            "whole, {} threads: {:.1} ms, {:.2} MB/s",
            args.threads,
            ms(t),
            mb / t.as_secs_f64()
        );
        return Ok(());
    }

    let mut times = [Duration::ZERO; 4];
    for _ in 0..args.repeat {
        for (name, b) in &docs {
            let t0 = Instant::now();
            let Ok(doc) = normalize(name, b, Markup::guess(name, b)) else {
                continue;
            };
            let t1 = Instant::now();
            let ex = extract::extract(&doc);
            let t2 = Instant::now();
            let resolved = resolve::resolve(&ex);
            let t3 = Instant::now();
            let quads = model::to_quads(&DocumentInfo::new(name, b), &doc, &ex, &resolved);
            let t4 = Instant::now();
            std::hint::black_box(quads);
            times[0] += t1 - t0;
            times[1] += t2 - t1;
            times[2] += t3 - t2;
            times[3] += t4 - t3;
        }
    }
    let per = |d: Duration| d / args.repeat as u32;
    let line = |label: &str, d: Duration| {
        let d = per(d);
        eprintln!(
            "{label:<40} {:>9.1} ms {:>8.1} ms/MB {:>8.2} MB/s",
            ms(d),
            ms(d) / mb,
            mb / d.as_secs_f64()
        );
    };
    line("normalize", times[0]);
    line("extract", times[1]);
    line("resolve", times[2]);
    line("rdf (to quads)", times[3]);
    line("extraction (normalize+extract+resolve)", times[0] + times[1] + times[2]);
    line("whole pure pipeline", times.iter().sum());
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn write_nquads(docs: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (name, b) in docs {
        writeln!(out, "# {name}")?;
        match zonegraph::process(name, b) {
            Ok(p) => {
                let mut lines: Vec<String> = p.quads.iter().map(|q| format!("{q} .")).collect();
                lines.sort();
                for l in lines {
                    writeln!(out, "{l}")?;
                }
                for d in p.diagnostics {
                    writeln!(out, "# diagnostic: {d}")?;
                }
            }
            Err(e) => writeln!(out, "# error: {e}")?,
        }
    }
    out.flush()
}

/// The allocator of the `zonegraph` binary (src/main.rs), so that the stages
/// are timed as the command runs them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
