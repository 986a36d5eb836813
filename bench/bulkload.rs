//! Oxigraph's own bulk loader, as `oxigraph load` runs it: N-Quads files
//! into a fresh store with `Store::bulk_loader`. The peer `bench/run.sh`
//! compares `zonegraph ingest` with (`zonegraph extract` + this).
//!
//! ```sh
//! cargo run --release --example bulkload -- STORE_DIR quads.nq
//! ```

use oxigraph::io::RdfFormat;
use oxigraph::store::Store;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: bulkload STORE_DIR FILE.nq...");
        std::process::exit(2);
    }
    if let Err(e) = run(&args[0], &args[1..]) {
        eprintln!("bulkload: {e}");
        std::process::exit(2);
    }
}

fn run(store: &str, files: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::open(store)?;
    let mut loader = store.bulk_loader();
    for f in files {
        loader.parallel_load_from_file(RdfFormat::NQuads, f)?;
    }
    loader.commit()?;
    store.flush()?;
    Ok(())
}
