//! The story index saved beside the store (`stories.snapshot`): written to a temporary
//! file and renamed, so a crash leaves the old snapshot or the new one, never half of
//! one. A snapshot that does not load (missing, corrupt, from another layout or another
//! grouping configuration) is ignored: the index is rebuilt from the stored articles.

use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use storyline_group::StoryIndex;

use crate::ArchiveError;
use crate::archive::Facts;

/// The snapshot's file name in the store folder.
pub const FILE: &str = "stories.snapshot";
/// The first bytes of a snapshot: the layout's name and version.
/// Version 2: records and recent articles keep interned outlet and language symbols.
/// Version 3: records keep the language; the archive's per-article facts are gone, and
/// the id map is kept only for ids added out of order.
const MAGIC: &[u8] = b"storyline-stories-snapshot-3\n";
/// Scratch space for reading: it must hold the longest string in a snapshot (outlet,
/// language and label names; a longer one makes the snapshot not load, and the index is
/// then rebuilt).
const SCRATCH: usize = 1 << 20;

/// What a snapshot holds.
#[derive(Serialize, Deserialize)]
pub(crate) struct Snapshot {
    /// Articles with ids up to this one were added to the index, in id order.
    pub grouped_through: i64,
    pub index: StoryIndex,
    pub facts: Facts,
}

/// What a snapshot holds, borrowed from the archive to be saved (the same layout as
/// [`Snapshot`]: serde writes a reference as the value).
#[derive(Serialize)]
pub(crate) struct SnapshotRef<'a> {
    pub grouped_through: i64,
    pub index: &'a StoryIndex,
    pub facts: &'a Facts,
}

pub(crate) fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// Loads the snapshot in `dir`; None when there is none or it does not load. Streams
/// from the file: the snapshot is never held twice in memory (as bytes and as values).
pub(crate) fn load(dir: &Path) -> Option<Snapshot> {
    let mut reader = BufReader::with_capacity(1 << 16, std::fs::File::open(path(dir)).ok()?);
    let mut magic = vec![0; MAGIC.len()];
    reader.read_exact(&mut magic).ok()?;
    if magic != MAGIC {
        return None;
    }
    let mut scratch = vec![0; SCRATCH];
    let (snap, _) = postcard::from_io((reader, scratch.as_mut_slice())).ok()?;
    Some(snap)
}

/// Whether the snapshot in `dir` would load for `config` with articles up to `last`
/// stored: its layout and its configuration match (read from its first bytes only, not
/// the whole snapshot) and it does not go past the store.
pub(crate) fn fits(dir: &Path, config: &storyline_group::Config, last: i64) -> bool {
    let Ok(file) = std::fs::File::open(path(dir)) else {
        return false;
    };
    let mut reader = BufReader::with_capacity(1 << 12, file);
    let mut magic = vec![0; MAGIC.len()];
    if reader.read_exact(&mut magic).is_err() || magic != MAGIC {
        return false;
    }
    // A snapshot begins with `grouped_through`, then the index, whose first field is its
    // configuration.
    let mut scratch = vec![0; 1 << 12];
    match postcard::from_io::<(i64, storyline_group::Config), _>((reader, scratch.as_mut_slice())) {
        Ok(((through, saved), _)) => &saved == config && through <= last,
        Err(_) => false,
    }
}

/// Saves a snapshot atomically (temporary file, fsync, rename).
pub(crate) fn save(dir: &Path, snap: &SnapshotRef) -> Result<(), ArchiveError> {
    let target = path(dir);
    let fail = |reason: String| ArchiveError::Snapshot {
        path: target.clone(),
        reason,
    };
    // One temporary file per process: a server and an ingest may both save at once, and
    // each renames a whole snapshot of its own.
    let tmp = dir.join(format!("{FILE}.{}.tmp", std::process::id()));
    // Streamed to the file: a snapshot is never built as one buffer in memory.
    let write = || -> Result<(), String> {
        let file = std::fs::File::create(&tmp).map_err(|e| e.to_string())?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        out.write_all(MAGIC).map_err(|e| e.to_string())?;
        let out = postcard::to_io(snap, out).map_err(|e| e.to_string())?;
        let file = out.into_inner().map_err(|e| e.error().to_string())?;
        file.sync_all().map_err(|e| e.to_string())?;
        std::fs::rename(&tmp, &target).map_err(|e| e.to_string())
    };
    write().map_err(fail)
}
