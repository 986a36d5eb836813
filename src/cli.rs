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
    /// Files (.txt, .md, .html, .htm) or folders (read recursively), or `-`
    /// for standard input. Each document is stored in one transaction; a
    /// document ingested again replaces its earlier version.
    #[command(after_help = "Example:\n  zonegraph ingest --store zonegraph.db examples/ news/2024-03.txt")]
    Ingest {
        #[command(flatten)]
        store: StoreArg,
        /// Files, folders, or `-` for standard input.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
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
    },
    /// Export diagrams and graphs.
    #[command(
        subcommand,
        after_help = "Examples:\n  zonegraph export dot -o chains.dot && dot -Tsvg chains.dot -o chains.svg\n  zonegraph export graph --format graphml -o zones.graphml"
    )]
    Export(ExportCommand),
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
pub enum ExportCommand {
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
