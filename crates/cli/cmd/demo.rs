//! `storyline demo`: the README's main job — build a store from the bundled sample
//! corpus (and `../shared/seeds` when present) and serve it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::cmd::ingest::{self, store_dir};

mod corpus {
    include!(concat!(env!("OUT_DIR"), "/demo_corpus.rs"));
}

/// Build a store from the bundled sample corpus and serve it in the browser.
///
/// The corpus (news pages we wrote: fictional outlets in several languages, stories over
/// months whose figures change and are claimed by different people, copies and
/// translations, unrelated news) is written to `DIR/sample-pages/` and ingested into the
/// store in DIR (`--db`, else $STORYLINE_DATA, else ./storyline-data), together with
/// `../shared/seeds` when that folder exists. A second run reuses the store (nothing is
/// ingested twice). Then the web UI is served and its address printed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
    /// The address to serve on (port 0: any free port; the address is printed).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Build the store and exit without serving.
    #[arg(long)]
    pub no_serve: bool,
}

/// The stamp file: which corpus (and seeds) the store was built from.
const STAMP: &str = "demo.stamp";
/// Where the corpus pages are written in the store folder.
const PAGES: &str = "sample-pages";

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = store_dir(args.db.as_deref());
    let code = build(&dir)?;
    if code != ExitCode::SUCCESS || args.no_serve {
        return Ok(code);
    }
    crate::cmd::serve::run(crate::cmd::serve::Args {
        addr: args.addr,
        db: Some(dir),
        watch: false,
        min_interval: 10,
        max_interval: 1440,
        user_agent: None,
    })
}

/// Builds (or reuses) the demo store in `dir`.
fn build(dir: &Path) -> anyhow::Result<ExitCode> {
    let pages = dir.join(PAGES);
    std::fs::create_dir_all(&pages).with_context(|| pages.display().to_string())?;
    for (name, bytes) in corpus::PAGES {
        let path = pages.join(name);
        if std::fs::read(&path).ok().as_deref() != Some(*bytes) {
            std::fs::write(&path, bytes).with_context(|| path.display().to_string())?;
        }
    }
    let seeds = Path::new("../shared/seeds");
    let mut paths = vec![pages.display().to_string()];
    if seeds.is_dir() {
        paths.push(seeds.display().to_string());
    }
    let stamp = stamp(&paths);
    let stamp_file = dir.join(STAMP);
    let built = dir.join(storyline_store::DB_FILE).is_file()
        && std::fs::read_to_string(&stamp_file).ok().as_deref() == Some(stamp.as_str());
    if built {
        eprintln!(
            "storyline: {}: the demo store is built; reusing it",
            dir.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "storyline: building the demo store in {} from {} sample pages{}",
        dir.display(),
        corpus::PAGES.len(),
        if seeds.is_dir() {
            " and ../shared/seeds"
        } else {
            ""
        }
    );
    let code = ingest::run(ingest::Args {
        paths,
        db: Some(dir.to_path_buf()),
        json: false,
        batch: 256,
        user_agent: None,
        extra: ingest::Extra::default(),
        store_only: false,
    })?;
    if code == ExitCode::SUCCESS {
        std::fs::write(&stamp_file, stamp).with_context(|| stamp_file.display().to_string())?;
    }
    Ok(code)
}

/// A digest of the corpus and of the seed files' names and sizes.
fn stamp(paths: &[String]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (name, bytes) in corpus::PAGES {
        eat(name.as_bytes());
        eat(bytes);
    }
    for p in paths.iter().skip(1) {
        let mut entries: Vec<_> = std::fs::read_dir(p)
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            eat(e.display().to_string().as_bytes());
            eat(&std::fs::metadata(&e)
                .map(|m| m.len())
                .unwrap_or(0)
                .to_le_bytes());
        }
    }
    format!("{} pages, {h:016x}\n", corpus::PAGES.len())
}
