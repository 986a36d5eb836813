//! One document through the pure stages: bytes in, quads out.
//!
//! [`process`] runs normalize → extract → resolve → model. It is a pure
//! function of the source name and the bytes: the same input gives the same
//! quads, byte for byte, so a corpus can be split across machines and the
//! outputs concatenated. Finding input files is here too.

use crate::error::{Error, Result};
use crate::model::{self, DocumentInfo};
use crate::normalize::{self, Markup};
use crate::{extract, resolve};
use oxigraph::model::{NamedNode, Quad};
use std::path::{Path, PathBuf};

/// The result of processing one document.
#[derive(Debug, Clone)]
pub struct Processed {
    pub source: String,
    pub document: NamedNode,
    pub quads: Vec<Quad>,
    pub entities: usize,
    pub relations: usize,
    pub statistics: usize,
    pub diagnostics: Vec<String>,
}

/// Process one document given by name (a path, or `-`) and its bytes.
pub fn process(source: &str, bytes: &[u8]) -> Result<Processed> {
    let markup = Markup::guess(source, bytes);
    let doc = normalize::normalize(source, bytes, markup)?;
    let ex = extract::extract(&doc);
    let resolved = resolve::resolve(&ex);
    let info = DocumentInfo::new(source, bytes);
    let quads = model::to_quads(&info, &doc, &ex, &resolved);
    Ok(Processed {
        source: source.to_string(),
        document: info.iri(),
        quads,
        entities: resolved.entities.len(),
        relations: resolved.relations.len(),
        statistics: resolved.observations.len(),
        diagnostics: ex.diagnostics,
    })
}

/// File name endings zonegraph reads when given a folder.
pub const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

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

/// Read one input (a path or `-` for standard input).
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        return Ok(buf);
    }
    let meta = std::fs::metadata(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.len() > normalize::MAX_DOCUMENT_BYTES {
        return Err(Error::TooLarge {
            name: path.display().to_string(),
            size: meta.len(),
            limit: normalize::MAX_DOCUMENT_BYTES,
        });
    }
    std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}
