//! One document through the pure stages: bytes in, quads out.
//!
//! [`process`] runs normalize → extract → resolve → model. It is a pure
//! function of the source name and the bytes: the same input gives the same
//! quads, byte for byte, so a corpus can be split across machines and the
//! outputs concatenated ([`process_to_nquads`] gives them as N-Quads text).
//! Finding input files is here too.

use crate::error::{Error, Result};
use crate::model::{self, DocumentInfo};
use crate::normalize::{self, Markup};
use crate::{extract, resolve};
use oxigraph::model::{NamedNode, Quad};
use std::path::{Path, PathBuf};

/// The result of processing one document: its quads as `Q`, a
/// `Vec<Quad>` ([`process`]) or an N-Quads document ([`process_to_nquads`]).
#[derive(Debug, Clone)]
pub struct Processed<Q = Vec<Quad>> {
    pub source: String,
    pub document: NamedNode,
    pub quads: Q,
    pub entities: usize,
    pub relations: usize,
    pub statistics: usize,
    pub diagnostics: Vec<String>,
}

/// Process one document given by name (a path, or `-`) and its bytes.
pub fn process(source: &str, bytes: &[u8]) -> Result<Processed> {
    process_with(source, bytes, model::to_quads)
}

/// [`process`], with the quads as an N-Quads document: their sorted lines,
/// written once (what `zonegraph extract` prints).
pub fn process_to_nquads(source: &str, bytes: &[u8]) -> Result<Processed<String>> {
    process_with(source, bytes, model::to_nquads)
}

type ModelFn<Q> = fn(&DocumentInfo, &normalize::NormalizedDoc, &extract::Extraction, &resolve::Resolved) -> Q;

fn process_with<Q>(source: &str, bytes: &[u8], to_rdf: ModelFn<Q>) -> Result<Processed<Q>> {
    // A bug the input trips in a rule is this document's error, not the
    // end of a run over thousands: the others are still processed and
    // stored, and the file is named for a report.
    std::panic::catch_unwind(|| process_unguarded(source, bytes, to_rdf)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|m| m.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        Err(Error::Internal {
            name: source.to_string(),
            message: message.chars().take(300).collect(),
        })
    })
}

fn process_unguarded<Q>(source: &str, bytes: &[u8], to_rdf: ModelFn<Q>) -> Result<Processed<Q>> {
    let markup = Markup::guess(source, bytes);
    let doc = normalize::normalize(source, bytes, markup)?;
    // Numbers are read at every digit of a run: a run of a million digits
    // would take hours. No real figure is that long.
    let longest = longest_number(&doc.text);
    if longest > MAX_NUMBER_CHARS {
        return Err(Error::TooComplex {
            name: source.to_string(),
            what: format!("a number {longest} characters long"),
            limit: format!("{MAX_NUMBER_CHARS} characters"),
        });
    }
    let ex = extract::extract(&doc);
    // Resolving compares mentions pairwise, and every fact becomes a dozen
    // quads with its sentence: bound the time and memory per document.
    let facts = ex.statistics.len() + ex.relations.len();
    if ex.mentions.len() > MAX_MENTIONS || facts > MAX_FACTS {
        return Err(Error::TooComplex {
            name: source.to_string(),
            what: format!(
                "{} entity mentions, {facts} relations and statistics",
                ex.mentions.len()
            ),
            limit: format!("{MAX_MENTIONS} mentions and {MAX_FACTS} relations and statistics"),
        });
    }
    let resolved = resolve::resolve(&ex);
    let info = DocumentInfo::new(source, bytes);
    let quads = to_rdf(&info, &doc, &ex, &resolved);
    Ok(Processed {
        source: source.to_string(),
        document: info.iri(),
        quads,
        entities: resolved.entities.len(),
        relations: resolved.relations.len(),
        statistics: resolved.observations.len(),
        diagnostics: doc.warnings.into_iter().chain(ex.diagnostics).collect(),
    })
}

/// Load the reference data and build the rules' indexes now, rather than
/// in the first document processed (`bench/stages.rs` prints
/// it as "first call"; 10.8 ms on the fixtures). A command that also opens a
/// store runs this beside the opening, so that the two waits overlap.
pub fn warm_up() {
    // Processing a short text touches every lazily built table: gazetteer,
    // rules, junk phrases, conversion tables (營業 is traditional), patterns.
    let _ = process(
        "warm-up.txt",
        "青溪高新区位于浙江省嘉兴市,2023年營業收入10亿元。".as_bytes(),
    );
}

/// The most entity mentions one document may have. Resolution compares
/// mentions pairwise, so its time grows with the square of their number;
/// real articles have hundreds. A document over the limit is refused with
/// [`Error::TooComplex`] (split it into several files).
pub const MAX_MENTIONS: usize = 20_000;

/// The longest run of digits (with `.` and `,`) one document may hold.
pub const MAX_NUMBER_CHARS: usize = 1000;

/// The length in characters of the longest run of digits, `.` and `,`.
fn longest_number(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        if c.is_ascii_digit() || matches!(c, '.' | ',') {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

/// The most relations and statistics one document may state (each becomes
/// about a dozen quads held in memory until the document is written). The
/// longest article of the development corpus states a few hundred.
pub const MAX_FACTS: usize = 20_000;

/// File name endings zonegraph reads when given a folder: text, Markdown,
/// HTML, spreadsheets saved as CSV, JSON records of news APIs and scrapers,
/// subtitle files, feeds, saved e-mails, Word files and workbooks.
pub const EXTENSIONS: &[&str] = &[
    "txt", "md", "html", "htm", "csv", "json", "jsonl", "ndjson", "srt", "vtt", "xml", "rss", "atom", "eml", "docx",
    "docm", "xlsx", "xlsm", "xlsb", "xls", "ods",
];

/// The files to read for the given paths: files as given, folders walked
/// recursively for [`EXTENSIONS`], sorted. `-` stands for standard input.
/// Paths that do not exist are errors, reported per path.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut errors),
            Ok(_) => files.push(p.clone()),
            Err(source) => errors.push(Error::Read {
                path: p.clone(),
                source,
            }),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Error>) {
    let mut stack = vec![dir.to_path_buf()];
    let mut found = Vec::new();
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(source) => {
                errors.push(Error::Read {
                    path: d.clone(),
                    source,
                });
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(path),
                Ok(_) => {
                    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
                    if ext.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
                        found.push(path);
                    }
                }
                Err(_) => {}
            }
        }
    }
    found.sort();
    files.extend(found);
}

/// Read one input (a path or `-` for standard input). Only regular files
/// are read (a FIFO would block, a device never end), and never more than
/// [`normalize::MAX_DOCUMENT_BYTES`]: a larger input is refused with
/// [`Error::TooLarge`] without being read into memory.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let limit = normalize::MAX_DOCUMENT_BYTES;
    let too_large = |size: u64| Error::TooLarge {
        name: path.display().to_string(),
        size,
        limit,
    };
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(read_error)?;
        if buf.len() as u64 > limit {
            return Err(too_large(buf.len() as u64));
        }
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(read_error)?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder, not a file"
        } else {
            "not a regular file (a FIFO, socket or device is not read)"
        };
        return Err(read_error(std::io::Error::other(what)));
    }
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut buf = Vec::with_capacity(meta.len() as usize);
    // The file may grow after its size was read.
    file.take(limit + 1).read_to_end(&mut buf).map_err(read_error)?;
    if buf.len() as u64 > limit {
        return Err(too_large(buf.len() as u64));
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_articles_records_tables_and_subtitles() {
        let dir = tempfile::tempdir().expect("temp dir");
        for name in ["a.txt", "b.json", "c.srt", "d.csv", "e.png", "f.vtt"] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        let (files, errors) = collect_inputs(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<String> = files
            .iter()
            .filter_map(|f| f.file_name()?.to_str().map(str::to_string))
            .collect();
        assert_eq!(names, ["a.txt", "b.json", "c.srt", "d.csv", "f.vtt"]);
    }

    #[test]
    fn a_bug_a_document_trips_is_that_document_s_error() {
        fn broken(
            _: &DocumentInfo,
            _: &normalize::NormalizedDoc,
            _: &extract::Extraction,
            _: &resolve::Resolved,
        ) -> Vec<Quad> {
            panic!("a rule sliced past the text")
        }
        let Err(error) = process_with("bulletin.txt", "青溪高新区新增企业120家。".as_bytes(), broken) else {
            panic!("the panic is an error");
        };
        assert!(matches!(error, Error::Internal { .. }), "{error}");
        let message = error.to_string();
        assert!(message.starts_with("bulletin.txt: internal error"), "{message}");
        assert!(message.contains("a rule sliced past the text"), "{message}");
        // The next document is processed as ever.
        assert!(process("next.txt", "青溪高新区新增企业120家。".as_bytes()).is_ok());
    }
}
