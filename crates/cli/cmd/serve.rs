//! `storyline serve`: the web pages, JSON API and feeds over a store; with `--watch`, the
//! collector runs in the same process.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;

use crate::cmd::fetching;
use crate::cmd::ingest::{STORE_EXIT_CODES, store_dir};
use crate::cmd::watch;

/// Serve the store's stories in a browser: web pages, a JSON API (/api/, described at
/// /api/openapi.json) and Atom / JSON feeds.
///
/// Without --watch it never writes the store and fetches nothing; it can run beside
/// `storyline ingest` or `storyline watch` on the same store: new articles show up
/// within seconds. With --watch the collector of `storyline watch` runs inside the
/// server (on its own thread, writing the same store): the subscribed feeds
/// (`storyline feeds add`) are polled on their schedules and their new articles appear
/// in the pages, the API and the feeds within seconds of being collected (the collector
/// only stores them; the server groups them into stories and keeps the store's story
/// snapshot, so one story index is in memory, not two). Stops on
/// Ctrl-C or SIGTERM, finishing the requests under way (a collection round cut short
/// loses nothing: it is picked up by the next start).
#[derive(Debug, clap::Args)]
#[command(after_help = STORE_EXIT_CODES)]
pub struct Args {
    /// The address to listen on (port 0: any free port; the address is printed).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
    /// Also collect: run `storyline watch` on the store inside the server.
    #[arg(long)]
    pub watch: bool,
    /// With --watch: the shortest wait between two polls of a feed, in minutes.
    #[arg(long, value_name = "MINUTES", default_value_t = 10, requires = "watch")]
    pub min_interval: u32,
    /// With --watch: the longest wait between two polls of a feed, in minutes.
    #[arg(
        long,
        value_name = "MINUTES",
        default_value_t = 1440,
        requires = "watch"
    )]
    pub max_interval: u32,
    /// With --watch:
    #[arg(long, value_name = "TEXT", long_help = fetching::USER_AGENT_HELP, requires = "watch")]
    pub user_agent: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = store_dir(args.db.as_deref());
    if !dir.join(storyline_store::DB_FILE).is_file() {
        anyhow::bail!(
            "{}: no store here (run `storyline ingest` or `storyline feeds add` first, or give --db DIR)",
            dir.display()
        );
    }
    let mut archive = super::ingest::opening(&dir, true, || {
        storyline_web::Archive::open(&dir).with_context(|| dir.display().to_string())
    })?;
    if args.watch {
        // The collector stores without grouping; this archive groups what it finds on
        // each refresh and keeps the snapshot: one story index in memory, not two.
        archive.keep_snapshot();
    }
    let stop = Arc::new(AtomicBool::new(false));
    let collector = args.watch.then(|| {
        let stop = stop.clone();
        let watch_args = watch::Args {
            db: Some(dir.clone()),
            once: false,
            all: false,
            min_interval: args.min_interval,
            max_interval: args.max_interval,
            max_items: 200,
            user_agent: args.user_agent.clone(),
            store_only: true,
        };
        let dir = dir.clone();
        std::thread::spawn(move || {
            loop {
                if let Err(e) = watch::run_until(watch_args.clone(), &stop) {
                    eprintln!(
                        "storyline: {}: watch: {e:#} (trying again in a minute)",
                        dir.display()
                    );
                }
                for _ in 0..300 {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(200));
                }
            }
        })
    });
    let served = storyline_web::run(archive, args.addr, storyline_web::ServeOptions::default());
    stop.store(true, Ordering::Relaxed);
    if let Some(c) = collector {
        // Waiting for the collector is brief when it sleeps between rounds; a round under
        // way is left (its uncommitted pages are fetched again by the next start).
        for _ in 0..20 {
            if c.is_finished() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    served?;
    Ok(ExitCode::SUCCESS)
}
