//! Stage 5: quads in, a persistent store out.
//!
//! In: the quads of one document (from [`crate::model`]). Out: the on-disk
//! Oxigraph store (RocksDB) holding them, one named graph per document.
//!
//! Guarantees: a document is written in one transaction (its old graph
//! removed and the new one inserted together), so it is either wholly in
//! the store or not at all, and re-ingesting a document replaces it.

use crate::error::{Error, Result};
use oxigraph::model::{GraphNameRef, NamedNode, Quad};
use oxigraph::store::Store;
use std::path::{Path, PathBuf};

/// The default store location.
pub const DEFAULT_STORE: &str = "zonegraph.db";

/// A zonegraph store on disk.
pub struct GraphStore {
    pub store: Store,
    pub path: PathBuf,
}

fn store_error(path: &Path, e: impl std::fmt::Display) -> Error {
    let message = e.to_string();
    let message = if message.contains("LOCK") || message.contains("lock") {
        format!("{message} (another zonegraph process is writing to this store; wait for it to finish, or use a read-only command)")
    } else {
        message
    };
    Error::Store {
        path: path.display().to_string(),
        message,
    }
}

impl GraphStore {
    /// Open the store for writing, creating it when missing.
    pub fn open(path: &Path) -> Result<Self> {
        let store = Store::open(path).map_err(|e| store_error(path, e))?;
        Ok(GraphStore {
            store,
            path: path.to_path_buf(),
        })
    }

    /// Open an existing store for reading only (works while a writer runs).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        if !path.exists() {
            return Err(Error::Store {
                path: path.display().to_string(),
                message: "no store here; create one with `zonegraph ingest --store DIR FILE`".into(),
            });
        }
        let store = Store::open_read_only(path).map_err(|e| store_error(path, e))?;
        Ok(GraphStore {
            store,
            path: path.to_path_buf(),
        })
    }

    /// Replace one document's graph with `quads`, atomically. Quads of other
    /// graphs (the shared reference graph) are added.
    pub fn replace_document(&self, doc: &NamedNode, quads: &[Quad]) -> Result<()> {
        let mut t = self.store.start_transaction().map_err(|e| store_error(&self.path, e))?;
        t.clear_graph(GraphNameRef::NamedNode(doc.as_ref()))
            .map_err(|e| store_error(&self.path, e))?;
        t.extend(quads.iter());
        t.commit().map_err(|e| store_error(&self.path, e))
    }

    /// The number of quads in the store.
    pub fn len(&self) -> Result<usize> {
        self.store.len().map_err(|e| store_error(&self.path, e))
    }

    /// Whether the store holds no quad.
    pub fn is_empty(&self) -> Result<bool> {
        self.store.is_empty().map_err(|e| store_error(&self.path, e))
    }

    /// Flush to disk.
    pub fn flush(&self) -> Result<()> {
        self.store.flush().map_err(|e| store_error(&self.path, e))
    }
}
