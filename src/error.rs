//! Typed errors at the library boundary.
//!
//! Noisy text is never an error: extraction returns what it found plus
//! diagnostics. Only I/O, undecodable input, configuration, queries and the
//! store fail with an [`Error`], and every variant names what it is about.

use std::path::PathBuf;

/// Everything the zonegraph library can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The input is not text (NUL bytes or control characters).
    #[error("{name}: not a text file ({reason})")]
    NotText { name: String, reason: String },
    /// The input holds no text at all.
    #[error("{name}: empty document (no text after decoding and clean-up)")]
    Empty { name: String },
    /// The input is larger than the configured limit.
    #[error("{name}: too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge { name: String, size: u64, limit: u64 },
    /// The input would take too long to process (too many mentions, …).
    #[error("{name}: too complex to process ({what}; the limit is {limit}): split it into several documents")]
    TooComplex { name: String, what: String, limit: String },
    /// A Word file or workbook that cannot be read (a damaged archive, XML
    /// that does not parse, an entry that inflates beyond the size limit).
    #[error("{name}: cannot read as a Word document or workbook ({reason})")]
    Office { name: String, reason: String },
    /// The bytes are not valid in any supported encoding.
    #[error("{name}: cannot decode as UTF-8, GB18030 or Big5 ({reason})")]
    Encoding { name: String, reason: String },
    /// A bug of the extractors, tripped by this input (caught, so that the
    /// other documents are still processed).
    #[error("{name}: internal error while extracting ({message}); the other documents were processed. Please report this file")]
    Internal { name: String, message: String },
    /// A data file shipped with the program (rules, gazetteers) is malformed.
    #[error("data file {file}: {message}")]
    Data { file: String, message: String },
    /// A SPARQL query could not be parsed.
    #[error("query {query}: syntax error: {message}")]
    QuerySyntax { query: String, message: String },
    /// A SPARQL query failed while running.
    #[error("query {query}: evaluation failed: {message}")]
    QueryEvaluation { query: String, message: String },
    /// A query parameter is missing, unknown or not a valid value.
    #[error("query {query}: {message}")]
    QueryParameter { query: String, message: String },
    /// A saved query name or query file was not found.
    #[error("query {0}: not a SPARQL query, a .rq file or the name of a saved query (see `zonegraph query --list`)")]
    UnknownQuery(String),
    /// The store could not be opened or written.
    #[error("store {path}: {message}")]
    Store { path: String, message: String },
    /// Results could not be serialized.
    #[error("cannot write results: {0}")]
    Output(String),
}

/// Shorthand for results of the zonegraph library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
