//! Stage 5: quads in, a persistent store out.
//!
//! In: the quads of one document (from [`crate::model`]). Out: the on-disk
//! Oxigraph store (RocksDB) holding them, one named graph per document.
//!
//! Guarantees: a document is written in one transaction (its old graph
//! removed and the new one inserted together), so it is either wholly in
//! the store or not at all, and re-ingesting a document replaces it.
//! Documents new to the store go in batches through Oxigraph's bulk loader
//! instead: it writes sorted files and adds them to RocksDB in one atomic
//! step at commit, so a batch too is wholly in the store or not at all,
//! at the speed of `oxigraph load` rather than of one transaction per
//! document (which reads before each write).
//!
//! One writer at a time: RocksDB locks the store. The writer also leaves a
//! note, `zonegraph.pid` in the store folder (its process id and command
//! line), so that a second writer can say which process holds the store.
//! Readers open the store read-only and may run while a writer does.

use crate::error::{Error, Result};
use oxigraph::model::{GraphNameRef, NamedNode, Quad};
use oxigraph::store::Store;
use std::path::{Path, PathBuf};

/// The default store location.
pub const DEFAULT_STORE: &str = "zonegraph.db";

/// The note a writer leaves in the store folder while it holds the store.
pub const WRITER_NOTE: &str = "zonegraph.pid";

/// How many batches of new quads the bulk loader sorts and writes at once.
pub const LOADER_THREADS: usize = 2;

/// How many quads the bulk loader sorts and writes in one batch.
pub const LOADER_BATCH_QUADS: usize = 50_000;

/// A zonegraph store on disk.
pub struct GraphStore {
    pub store: Store,
    pub path: PathBuf,
    /// Removes the writer's note when the store is closed (writers only).
    _note: Option<WriterNote>,
}

fn store_error(path: &Path, e: impl std::fmt::Display) -> Error {
    let message = e.to_string();
    let message = if is_lock_error(&message) {
        let holder = match read_writer_note(path) {
            Some((pid, command)) => format!("process {pid} ({command}) is writing to this store"),
            None => "another process is writing to this store".to_string(),
        };
        format!("{holder}; wait for it to finish, or use a read-only command (query, dump, export) [{message}]")
    } else {
        message
    };
    Error::Store {
        path: path.display().to_string(),
        message,
    }
}

/// Create a new, empty store so that it appears under `path` only once it is
/// complete: RocksDB creates its column families one after another, and a
/// process killed in between would leave a folder that no reader can open.
/// The store is made in a hidden sibling folder, closed, then renamed.
fn create_whole(path: &Path) -> Result<()> {
    let Some(name) = path.file_name() else {
        return Ok(()); // `/` or `..`: let RocksDB report what it makes of it
    };
    let making = path.with_file_name(format!(".{}.creating-{}", name.to_string_lossy(), std::process::id()));
    let _ = std::fs::remove_dir_all(&making);
    Store::open(&making)
        .and_then(|store| store.flush())
        .map_err(|e| store_error(path, e))?;
    if let Err(e) = std::fs::rename(&making, path) {
        let _ = std::fs::remove_dir_all(&making);
        if !path.exists() {
            return Err(store_error(path, e));
        }
        // Another process created the store meanwhile: use that one.
    }
    Ok(())
}

/// An error naming `path` unless a store (or anything) is there.
fn require_existing(path: &Path) -> Result<()> {
    if path.exists() {
        return Ok(());
    }
    Err(Error::Store {
        path: path.display().to_string(),
        message: "no store here; create one with `zonegraph ingest --store DIR FILE`".into(),
    })
}

fn is_lock_error(message: &str) -> bool {
    message.contains("LOCK") || message.contains("lock")
}

/// The writer's note: its process id and command line, while that process lives.
pub fn read_writer_note(store: &Path) -> Option<(u32, String)> {
    let text = std::fs::read_to_string(store.join(WRITER_NOTE)).ok()?;
    let mut lines = text.lines();
    let pid: u32 = lines.next()?.trim().parse().ok()?;
    let command = lines.next().unwrap_or("zonegraph").trim().to_string();
    // A note left by a process that was killed is stale (Linux: /proc).
    let proc_dir = Path::new("/proc");
    if proc_dir.is_dir() && !proc_dir.join(pid.to_string()).exists() {
        return None;
    }
    Some((pid, command))
}

/// `zonegraph.pid` while this process writes the store; removed on drop.
struct WriterNote {
    file: PathBuf,
    pid: u32,
}

impl WriterNote {
    fn write(store: &Path) -> Option<Self> {
        let pid = std::process::id();
        let mut args: Vec<String> = std::env::args().collect();
        if let Some(program) = args.first_mut() {
            if let Some(name) = Path::new(program.as_str()).file_name() {
                *program = name.to_string_lossy().into_owned();
            }
        }
        let mut command = args.join(" ").replace(['\n', '\r'], " ");
        if command.chars().count() > 200 {
            command = command.chars().take(200).chain("…".chars()).collect();
        }
        let file = store.join(WRITER_NOTE);
        let tmp = store.join(format!("{WRITER_NOTE}.{pid}.tmp"));
        // Written aside and renamed: a reader never sees half a note. The
        // note is only a courtesy: failing to write it is not an error.
        std::fs::write(&tmp, format!("{pid}\n{command}\n")).ok()?;
        std::fs::rename(&tmp, &file).ok()?;
        Some(WriterNote { file, pid })
    }
}

impl Drop for WriterNote {
    fn drop(&mut self) {
        let ours = std::fs::read_to_string(&self.file)
            .ok()
            .and_then(|t| t.lines().next().map(|l| l.trim() == self.pid.to_string()));
        if ours == Some(true) {
            let _ = std::fs::remove_file(&self.file);
        }
    }
}

impl GraphStore {
    /// Open the store for writing, creating it when missing. Fails with a
    /// message naming the process that holds the store when another writes it.
    pub fn open(path: &Path) -> Result<Self> {
        if !path.exists() {
            create_whole(path)?;
        }
        let store = Store::open(path).map_err(|e| store_error(path, e))?;
        Ok(GraphStore {
            store,
            path: path.to_path_buf(),
            _note: WriterNote::write(path),
        })
    }

    /// Open an existing store for writing; unlike [`open`](Self::open) it
    /// does not create one (for commands that change a store, not fill it).
    pub fn open_existing(path: &Path) -> Result<Self> {
        require_existing(path)?;
        Self::open(path)
    }

    /// Open an existing store for reading only (works while a writer runs).
    pub fn open_read_only(path: &Path) -> Result<Self> {
        require_existing(path)?;
        // While a writer runs, the files RocksDB lists can change under the
        // reader as it opens them: try again a few times before giving up.
        let mut tries = 0;
        let store = loop {
            match Store::open_read_only(path) {
                Ok(store) => break store,
                Err(e) if tries < 10 && !is_lock_error(&e.to_string()) && path.join("CURRENT").exists() => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20 * tries));
                }
                Err(e) => return Err(store_error(path, e)),
            }
        };
        Ok(GraphStore {
            store,
            path: path.to_path_buf(),
            _note: None,
        })
    }

    /// Replace one document's graph with `quads`, atomically. Quads of other
    /// graphs (the shared reference graph) are added. Only the difference is
    /// written: the old graph's quads that are not in `quads` are removed and
    /// the new ones added, in one transaction.
    pub fn replace_document(&self, doc: &NamedNode, quads: &[Quad]) -> Result<()> {
        let err = |e| store_error(&self.path, e);
        let mut t = self.store.start_transaction().map_err(err)?;
        // A document read again usually changed a little: write only the
        // difference (every quad written or removed costs a write in each of
        // the store's indexes), within the same transaction.
        let graph = GraphNameRef::NamedNode(doc.as_ref());
        let old: std::collections::HashSet<Quad> = t
            .quads_for_pattern(None, None, None, Some(graph))
            .collect::<std::result::Result<_, _>>()
            .map_err(err)?;
        let new: std::collections::HashSet<&Quad> = quads.iter().collect();
        for q in old.iter().filter(|q| !new.contains(q)) {
            t.remove(q);
        }
        for q in quads.iter().filter(|q| !old.contains(*q)) {
            t.insert(q);
        }
        t.commit().map_err(err)
    }

    /// Whether the store holds a graph for this document.
    pub fn contains_document(&self, doc: &NamedNode) -> Result<bool> {
        self.store
            .contains_named_graph(doc.as_ref())
            .map_err(|e| store_error(&self.path, e))
    }

    /// Add documents that are not in the store yet, all of them or none:
    /// Oxigraph's bulk loader, committed once (atomically) for the batch.
    /// Documents already in the store must go through
    /// [`replace_document`](Self::replace_document), which removes the old graph.
    ///
    /// The loader sorts and writes the quads in batches of
    /// [`LOADER_BATCH_QUADS`], [`LOADER_THREADS`] at a time: on two cores
    /// the 100 MB benchmark ingest took 33–37 s this way against 40–42 s
    /// with one batch on one thread (the extraction of the next documents
    /// needs little of the second core), and 350 MB at its peak against
    /// 410 MB.
    pub fn add_new_documents<'a>(&self, quads: impl IntoIterator<Item = &'a Quad>) -> Result<()> {
        // Oxigraph sizes a batch as (megabytes × 1000 / threads) quads.
        let megabytes = LOADER_BATCH_QUADS * LOADER_THREADS / 1000;
        let mut loader = self
            .store
            .bulk_loader()
            .with_num_threads(LOADER_THREADS)
            .with_max_memory_size_in_megabytes(megabytes);
        loader
            .load_quads(quads.into_iter().cloned())
            .map_err(|e| store_error(&self.path, e))?;
        loader.commit().map_err(|e| store_error(&self.path, e))
    }

    /// The number of quads in the store.
    pub fn len(&self) -> Result<usize> {
        self.store.len().map_err(|e| store_error(&self.path, e))
    }

    /// Whether the store holds no quad.
    pub fn is_empty(&self) -> Result<bool> {
        self.store.is_empty().map_err(|e| store_error(&self.path, e))
    }

    /// Compact the store (RocksDB's full compaction, Oxigraph's
    /// `Store::optimize`): fewer, larger files after bulk loads.
    pub fn optimize(&self) -> Result<()> {
        self.store.optimize().map_err(|e| store_error(&self.path, e))
    }

    /// Flush to disk.
    pub fn flush(&self) -> Result<()> {
        self.store.flush().map_err(|e| store_error(&self.path, e))
    }
}
