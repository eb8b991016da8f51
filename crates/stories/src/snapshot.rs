//! The story index saved beside the store (`stories.snapshot`): written to a temporary
//! file and renamed, so a crash leaves the old snapshot or the new one, never half of
//! one. A snapshot that does not load (missing, corrupt, from another layout or another
//! grouping configuration) is ignored: the index is rebuilt from the stored articles.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use storyline_group::StoryIndex;

use crate::ArchiveError;
use crate::archive::Facts;

/// The snapshot's file name in the store folder.
pub const FILE: &str = "stories.snapshot";
/// The first bytes of a snapshot: the layout's name and version.
const MAGIC: &[u8] = b"storyline-stories-snapshot-1\n";

/// What a snapshot holds.
#[derive(Serialize, Deserialize)]
pub(crate) struct Snapshot {
    /// Articles with ids up to this one were added to the index, in id order.
    pub grouped_through: i64,
    pub index: StoryIndex,
    pub facts: Facts,
}

pub(crate) fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

/// Loads the snapshot in `dir`; None when there is none or it does not load.
pub(crate) fn load(dir: &Path) -> Option<Snapshot> {
    let bytes = std::fs::read(path(dir)).ok()?;
    let body = bytes.strip_prefix(MAGIC)?;
    postcard::from_bytes(body).ok()
}

/// Saves a snapshot atomically (temporary file, fsync, rename).
pub(crate) fn save(dir: &Path, snap: &Snapshot) -> Result<(), ArchiveError> {
    let target = path(dir);
    let fail = |reason: String| ArchiveError::Snapshot {
        path: target.clone(),
        reason,
    };
    let body = postcard::to_stdvec(snap).map_err(|e| fail(e.to_string()))?;
    let tmp = dir.join(format!("{FILE}.tmp"));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(MAGIC)?;
        f.write_all(&body)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    write().map_err(|e| fail(e.to_string()))
}
