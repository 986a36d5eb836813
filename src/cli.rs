//! Command-line definitions (clap). Only argument shapes and help texts
//! live here; `main.rs` turns them into calls of the library.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const AFTER_HELP: &str = "\
Examples:
  zonegraph ingest examples/                      read every article in a folder into ./zonegraph.db
  zonegraph query chain-leaders                   which enterprises lead which zone's industry chains
  zonegraph export dot -o chains.dot              a GraphViz diagram of the industry chains
  zonegraph extract article.txt --format turtle   extract without a store, to standard output

Exit codes: 0 success, 1 some inputs could not be processed (the rest were), 2 error.";

/// zonegraph turns articles about China's high-tech zones and industrial
/// parks into a knowledge graph you can query: zones, enterprises,
/// institutes, policies and industries, the relations between them and the
/// statistics stated about them, each with the sentence it came from.
#[derive(Debug, Parser)]
#[command(name = "zonegraph", version, about, long_about = None, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles into the graph store (created when missing).
    ///
    /// Files (.txt, .md, .html, .htm, .csv, .json, .jsonl, .ndjson, .srt,
    /// .vtt, .xml, .rss, .atom, .eml, .docx, .xlsx, .xls, .ods) or folders
    /// (read recursively), or `-`
    /// for standard input. Each document is stored in one transaction; a
    /// document ingested again replaces its earlier version.
    #[command(after_help = "Example:\n  zonegraph ingest --store zonegraph.db examples/ news/2024-03.txt")]
    Ingest {
        #[command(flatten)]
        store: StoreArg,
        /// Files, folders, or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Documents new to the store are committed together (all or none)
        /// once they hold this many quads: larger is faster, smaller holds
        /// less memory and loses less work to a crash.
        #[arg(long, default_value_t = 200_000, value_name = "QUADS")]
        commit_quads: usize,
    },
    /// Extract from articles without a store, writing RDF to standard output.
    ///
    /// The output is a pure function of the input: the same file gives the
    /// same quads, so extraction can run in any batch system.
    #[command(after_help = "Example:\n  zonegraph extract article.txt --format trig > article.trig")]
    Extract {
        /// Files, folders, or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// RDF format of the output.
        #[arg(long, value_enum, default_value_t = RdfOut::Nquads)]
        format: RdfOut,
    },
    /// Ask the graph a question in SPARQL.
    ///
    /// QUERY is the name of a saved query (see --list), a .rq file, or
    /// SPARQL text. The default graph is the union of all documents.
    #[command(
        after_help = "Examples:\n  zonegraph query chain-leaders\n  zonegraph query --format csv my-question.rq\n  zonegraph query 'SELECT ?zone WHERE { ?zone a <https://w3id.org/zonegraph/ontology#Zone> }'"
    )]
    Query {
        #[command(flatten)]
        store: StoreArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = QueryOut::Table)]
        format: QueryOut,
        /// List the saved queries and what each answers.
        #[arg(long)]
        list: bool,
        /// A saved query name, a .rq file, or SPARQL text.
        #[arg(required_unless_present = "list")]
        query: Option<String>,
        /// A value for one of the query's parameters (`--list` shows them):
        /// it replaces the example in the query's one-variable VALUES block
        /// of that name. Give it once per parameter.
        #[arg(long = "param", value_name = "NAME=VALUE", value_parser = zonegraph::query::params::parse_assignment)]
        params: Vec<(String, String)>,
        /// Let SERVICE clauses call other SPARQL endpoints over the network
        /// (off: a SERVICE is refused, a SERVICE SILENT contributes nothing).
        #[arg(long)]
        allow_service: bool,
        /// Cancel the query after this long (10s, 500ms, 2m).
        #[arg(long, value_parser = parse_duration)]
        timeout: Option<std::time::Duration>,
    },
    /// Serve the store as a SPARQL 1.1 Protocol endpoint over HTTP.
    ///
    /// Queries at /query (GET ?query=, or POST), results in the format the
    /// Accept header or a `format` parameter asks for; a page listing the
    /// saved queries at /. Loopback and read-only unless told otherwise:
    /// the store is opened read-only (it shows the store as it was when the
    /// server started; restart it to see later ingests), SERVICE is refused
    /// (LOAD always), every query is cancelled after --timeout and its answer
    /// bounded by --max-results and --max-bytes.
    #[command(
        after_help = "Examples:\n  zonegraph serve --store zonegraph.db\n  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/query\n  ZONEGRAPH_TOKEN=secret zonegraph serve --enable-update"
    )]
    Serve {
        #[command(flatten)]
        store: StoreArg,
        /// Address and port to listen on (give it more than once for several).
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: Vec<String>,
        /// Accept SPARQL updates at POST /update (opens the store for writing;
        /// requests must carry `Authorization: Bearer TOKEN`).
        #[arg(long)]
        enable_update: bool,
        /// The bearer token updates must carry.
        #[arg(long, env = "ZONEGRAPH_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// Let queries call other endpoints with SERVICE (LOAD is always refused).
        #[arg(long)]
        allow_service: bool,
        /// Cancel a query after this long (10s, 500ms, 2m).
        #[arg(long, default_value = "10s", value_parser = parse_duration)]
        timeout: std::time::Duration,
        /// At most this many result rows (solutions or triples) per answer.
        #[arg(long, default_value_t = 100_000)]
        max_results: usize,
        /// At most this many bytes per answer.
        #[arg(long, default_value_t = 16 << 20)]
        max_bytes: usize,
        /// At most this many connections served at once.
        #[arg(long, default_value_t = 64)]
        max_connections: usize,
        /// Accept requests for this host name too (when listening on loopback,
        /// only requests for localhost and loopback addresses are answered).
        #[arg(long)]
        allow_host: Vec<String>,
    },
    /// Link entities to external datasets (Wikidata).
    #[command(
        subcommand,
        after_help = "Example:\n  zonegraph link wikidata --store zonegraph.db --review review.tsv"
    )]
    Link(LinkCommand),
    /// Export diagrams and graphs.
    #[command(
        subcommand,
        after_help = "Examples:\n  zonegraph export dot -o chains.dot && dot -Tsvg chains.dot -o chains.svg\n  zonegraph export graph --format graphml -o zones.graphml"
    )]
    Export(ExportCommand),
    /// Send the store's graphs to a remote SPARQL store (Graph Store Protocol).
    ///
    /// One HTTP PUT per named graph (each document, and the shared graphs),
    /// its triples as N-Triples: a PUT replaces the remote graph, so pushing
    /// again is harmless and a re-ingested document replaces its old version.
    #[command(
        after_help = "Examples:\n  zonegraph push --endpoint http://localhost:7878/query\n  \
        zonegraph push --endpoint http://localhost:3030/ds/sparql --graph-store http://localhost:3030/ds/data"
    )]
    Push {
        #[command(flatten)]
        store: StoreArg,
        /// The remote SPARQL endpoint (for Oxigraph's server, http://HOST:7878/query).
        #[arg(long)]
        endpoint: String,
        /// The remote Graph Store Protocol URL, when it cannot be derived from
        /// the endpoint (see README, Pushing to a remote store).
        #[arg(long)]
        graph_store: Option<String>,
        /// Graphs read and sent per batch.
        #[arg(long, default_value_t = 100)]
        batch: usize,
        /// Retries of a request that failed on the way (connection, HTTP 5xx, 429).
        #[arg(long, default_value_t = 3)]
        retries: u32,
        /// Seconds to wait for the server on each request.
        #[arg(long, default_value_t = 60)]
        timeout: u64,
        /// A bearer token for the remote store.
        #[arg(long, env = "ZONEGRAPH_PUSH_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// Push only this graph (an IRI; repeatable).
        #[arg(long = "graph", visible_alias = "only-graph", value_name = "IRI")]
        only: Vec<String>,
    },
    /// Compact the store: queries and re-ingests get faster after a large ingest.
    ///
    /// A large ingest leaves the store in many sorted files (one set per
    /// bulk-load commit); compacting merges them, so that opening the store
    /// and looking a name up read fewer files (on the 100 MB benchmark store
    /// from 154 files to 66 in 17 s; a parameterised query 5x faster). It
    /// needs the store to itself, like ingest.
    #[command(
        after_help = "Example:\n  zonegraph ingest --store zonegraph.db news/ && zonegraph optimize --store zonegraph.db"
    )]
    Optimize {
        #[command(flatten)]
        store: StoreArg,
    },
    /// Write the whole store as RDF to standard output.
    #[command(after_help = "Example:\n  zonegraph dump --format trig > backup.trig")]
    Dump {
        #[command(flatten)]
        store: StoreArg,
        /// RDF format of the output.
        #[arg(long, value_enum, default_value_t = RdfOut::Nquads)]
        format: RdfOut,
    },
}

#[derive(Debug, Subcommand)]
pub enum LinkCommand {
    /// Find Wikidata items for zones, enterprises, institutes and places and
    /// write confident matches as owl:sameAs into the linkset graph
    /// <https://w3id.org/zonegraph/id/graph-linkset-wikidata>.
    ///
    /// Labels are looked up in batches at the SPARQL endpoint; candidates are
    /// scored by label, class, location and country (see README, Linking).
    /// Answers are cached in the store folder and progress is recorded, so an
    /// interrupted run continues where it stopped.
    #[command(
        after_help = "Examples:\n  zonegraph link wikidata --store zonegraph.db --review review.tsv\n  zonegraph link wikidata --endpoint http://127.0.0.1:7878/query --threshold 0.9"
    )]
    Wikidata {
        #[command(flatten)]
        store: StoreArg,
        /// The SPARQL endpoint to ask.
        #[arg(long, default_value = zonegraph::link::wikidata::WIKIDATA_ENDPOINT)]
        endpoint: String,
        /// Write the candidates below the threshold (and ambiguous ones) here, as TSV.
        #[arg(long)]
        review: Option<PathBuf>,
        /// Link candidates scoring at least this (0 to 1).
        #[arg(long, default_value_t = 0.8)]
        threshold: f64,
        /// Labels per query.
        #[arg(long, default_value_t = 40)]
        batch: usize,
        /// Wait at least this long between two requests (rate limit).
        #[arg(long, default_value = "1s", value_parser = parse_duration)]
        delay: std::time::Duration,
        /// Give up on a request after this long.
        #[arg(long, default_value = "60s", value_parser = parse_duration)]
        timeout: std::time::Duration,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The links of every linkset graph (written by `zonegraph link`).
    #[command(
        after_help = "Examples:\n  zonegraph export links --format tsv -o links.tsv\n  zonegraph export links --format void"
    )]
    Links {
        #[command(flatten)]
        store: StoreArg,
        /// nt: the owl:sameAs triples; tsv: with scores and methods; void: the linksets' VoID descriptions (Turtle).
        #[arg(long, value_enum, default_value_t = LinksOut::Nt)]
        format: LinksOut,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// A GraphViz diagram of industry chains: per zone, one cluster per
    /// industry with its leading enterprises, other members and policies.
    #[command(
        after_help = "Examples:\n  zonegraph export dot -o chains.dot && dot -Tsvg chains.dot -o chains.svg\n  zonegraph export dot --zone 南湖高新区 --format svg -o nanhu.svg"
    )]
    Dot {
        #[command(flatten)]
        store: StoreArg,
        /// Only zones whose name contains this.
        #[arg(long)]
        zone: Option<String>,
        /// Only chains whose industry name contains this.
        #[arg(long)]
        industry: Option<String>,
        /// DOT text, or SVG rendered without external programs.
        #[arg(long, value_enum, default_value_t = DiagramOut::Dot)]
        format: DiagramOut,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// The whole entity graph (entities and the relations between them).
    #[command(after_help = "Example:\n  zonegraph export graph --format graphml -o zones.graphml")]
    Graph {
        #[command(flatten)]
        store: StoreArg,
        #[arg(long, value_enum, default_value_t = GraphOut::Graphml)]
        format: GraphOut,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    zonegraph::serve::parse_duration(s)
}

#[derive(Debug, Args)]
pub struct StoreArg {
    /// The store folder (an embedded Oxigraph database).
    #[arg(long, default_value = zonegraph::store::DEFAULT_STORE, env = "ZONEGRAPH_STORE")]
    pub store: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RdfOut {
    Nquads,
    Trig,
    Turtle,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QueryOut {
    Table,
    Json,
    Xml,
    Csv,
    Tsv,
    Turtle,
    Ntriples,
    Nquads,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LinksOut {
    Nt,
    Tsv,
    Void,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DiagramOut {
    Dot,
    Svg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GraphOut {
    Graphml,
    Json,
    Dot,
}
