//! `storyline feeds`: the subscriptions kept in the store (add, import and export OPML,
//! list with each feed's polling status, remove).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use storyline_fetch::opml;
use storyline_store::feeds::Feeds;

use crate::cmd::fetching;
use crate::cmd::ingest::{STORE_EXIT_CODES, store_dir};

/// Manage feed subscriptions: RSS, Atom, JSON Feed, sitemaps and Google News sitemaps.
///
/// Subscriptions live in the store (`--db DIR`, else $STORYLINE_DATA, else
/// ./storyline-data). `storyline watch` polls them, each on its own schedule.
#[derive(Debug, clap::Args)]
#[command(after_help = STORE_EXIT_CODES)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR", global = true)]
    pub db: Option<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Subscribe to feeds (http or https URLs of RSS, Atom, JSON Feed or sitemaps). They
    /// are due at once; a URL already subscribed is left as it is.
    Add {
        #[arg(required = true, value_name = "URL")]
        urls: Vec<String>,
        /// The folder to file them under (`News/Europe`).
        #[arg(long, value_name = "PATH")]
        folder: Option<String>,
    },
    /// Subscribe to every feed of an OPML 1.0/2.0 file (folders kept).
    Import {
        #[arg(value_name = "FILE.opml")]
        file: PathBuf,
    },
    /// Print the subscriptions as OPML 2.0 on standard output (folders kept).
    Export,
    /// List the subscriptions: folder, URL, title, items seen, last success, last error
    /// and next poll.
    List {
        /// One JSON object per feed, as JSON Lines (docs/json.md).
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe (the feed's items are forgotten; the articles and the fetch log stay).
    Remove {
        #[arg(required = true, value_name = "URL")]
        urls: Vec<String>,
    },
}

fn valid(url: &str) -> Result<String, String> {
    match url::Url::parse(url.trim()) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host_str().is_some() => {
            Ok(u.to_string())
        }
        Ok(_) => Err("not an http(s) URL".into()),
        Err(e) => Err(format!("not a URL ({e})")),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = store_dir(args.db.as_deref());
    let feeds = Feeds::open(&dir).with_context(|| dir.display().to_string())?;
    let now = fetching::now();
    let mut failed = 0usize;
    match args.command {
        Command::Add { urls, folder } => {
            let mut added = 0;
            for u in &urls {
                match valid(u) {
                    Ok(url) => {
                        if feeds
                            .add(&url, None, folder.as_deref(), &now)
                            .with_context(|| dir.display().to_string())?
                        {
                            added += 1;
                        }
                    }
                    Err(reason) => {
                        eprintln!("storyline: {u}: {reason}");
                        failed += 1;
                    }
                }
            }
            eprintln!(
                "storyline: {}: {added} feeds added, {} already there, {failed} failed",
                dir.display(),
                urls.len() - added - failed
            );
        }
        Command::Import { file } => {
            let text = std::fs::read(&file).with_context(|| file.display().to_string())?;
            let subs = opml::parse(&String::from_utf8_lossy(&text))
                .with_context(|| file.display().to_string())?;
            let mut added = 0;
            for s in &subs {
                match valid(&s.url) {
                    Ok(url) => {
                        if feeds
                            .add(&url, s.title.as_deref(), s.folder.as_deref(), &now)
                            .with_context(|| dir.display().to_string())?
                        {
                            added += 1;
                        }
                    }
                    Err(reason) => {
                        eprintln!("storyline: {}: {}: {reason}", file.display(), s.url);
                        failed += 1;
                    }
                }
            }
            eprintln!(
                "storyline: {}: {} feeds in the file: {added} added, {} already there, {failed} failed",
                file.display(),
                subs.len(),
                subs.len() - added - failed
            );
        }
        Command::Export => {
            let subs: Vec<opml::Subscription> = feeds
                .list()?
                .into_iter()
                .map(|f| opml::Subscription {
                    url: f.url,
                    title: f.title,
                    folder: f.folder,
                })
                .collect();
            std::io::stdout()
                .lock()
                .write_all(opml::write("storyline subscriptions", &subs).as_bytes())?;
        }
        Command::List { json } => {
            let mut out = std::io::stdout().lock();
            for f in feeds.list()? {
                if json {
                    writeln!(out, "{}", serde_json::to_string(&f)?)?;
                    continue;
                }
                let status = match (&f.last_error, &f.last_success) {
                    (Some(e), _) => format!("failing ×{}: {e}", f.failures),
                    (None, Some(s)) => format!("ok {s}"),
                    (None, None) => "never polled".into(),
                };
                writeln!(
                    out,
                    "{}{}\t{}\t{} items\t{status}\tnext {}",
                    f.folder
                        .as_deref()
                        .map(|x| format!("{x}/ "))
                        .unwrap_or_default(),
                    f.url,
                    f.title.as_deref().unwrap_or("-"),
                    f.items,
                    f.next_poll
                )?;
            }
        }
        Command::Remove { urls } => {
            for u in &urls {
                let url = valid(u).unwrap_or_else(|_| u.clone());
                if !feeds.remove(&url)? && !feeds.remove(u)? {
                    eprintln!("storyline: {u}: not subscribed");
                    failed += 1;
                }
            }
        }
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
