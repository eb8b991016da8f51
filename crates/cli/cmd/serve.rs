//! `storyline serve`: the web pages, JSON API and feeds over a store.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::cmd::ingest::{STORE_EXIT_CODES, store_dir};

/// Serve the store's stories in a browser: web pages, a JSON API (/api/, described at
/// /api/openapi.json) and Atom / JSON feeds.
///
/// Read-only: it never writes the store and fetches nothing. It can run beside
/// `storyline ingest` on the same store: new articles show up within seconds. Stops
/// on Ctrl-C or SIGTERM, finishing the requests under way.
#[derive(Debug, clap::Args)]
#[command(after_help = STORE_EXIT_CODES)]
pub struct Args {
    /// The address to listen on (port 0: any free port; the address is printed).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = store_dir(args.db.as_deref());
    if !dir.join(storyline_store::DB_FILE).is_file() {
        anyhow::bail!(
            "{}: no store here (run `storyline ingest` first, or give --db DIR)",
            dir.display()
        );
    }
    let archive = storyline_web::Archive::open(&dir).with_context(|| dir.display().to_string())?;
    storyline_web::run(archive, args.addr, storyline_web::ServeOptions::default())?;
    Ok(ExitCode::SUCCESS)
}
