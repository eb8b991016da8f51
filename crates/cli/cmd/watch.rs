//! `storyline watch`: the collector. Each round polls the feeds that are due (many hosts
//! at once, each host politely), records what each poll did, fetches the pages of new
//! items and hands them to ingest's pipeline.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use anyhow::Context;
use storyline_fetch::feed;
use storyline_fetch::schedule::Schedule;
use storyline_fetch::{FetchError, Fetcher, Validators};
use storyline_store::feeds::{Feed, Feeds, Poll};

use crate::cmd::fetching::{self, fetch_many, log_entries, to_item, write_log};
use crate::cmd::ingest::{self, Extra, STORE_EXIT_CODES, WebItem, store_dir};

/// Collect: poll the subscribed feeds and ingest their new items' pages.
///
/// Each feed is polled on its own schedule: half its typical interval between items,
/// between --min-interval and --max-interval; a feed that fails waits twice as long
/// after each failure in a row. Polls are conditional (ETag, Last-Modified). Requests
/// honour robots.txt (the user agent's product token, Crawl-delay; robots.txt redirects are
/// followed, up to five), go one at a time per host with a delay between them, and are retried
/// with backoff on 5xx, 429 (Retry-After) and network errors. Every attempt is kept in
/// the store's fetch log; `storyline feeds list` shows each feed's last success, last
/// error and next poll.
///
/// Runs until stopped (Ctrl-C: each batch is one transaction, nothing reported is lost),
/// or one round with --once (for cron). It can run beside `storyline serve` on the same
/// store: serve only reads.
#[derive(Debug, Clone, clap::Args)]
#[command(after_help = STORE_EXIT_CODES)]
pub struct Args {
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
    /// One round over every due feed, then exit (exit code 1 when a feed or a page
    /// failed).
    #[arg(long)]
    pub once: bool,
    /// Poll every feed in the first round, due or not (conditional GETs still apply).
    #[arg(long)]
    pub all: bool,
    /// The shortest wait between two polls of a feed, in minutes.
    #[arg(long, value_name = "MINUTES", default_value_t = 10)]
    pub min_interval: u32,
    /// The longest wait between two polls of a feed, in minutes.
    #[arg(long, value_name = "MINUTES", default_value_t = 1440)]
    pub max_interval: u32,
    /// The most item pages fetched per feed and round (the rest wait for the next round).
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub max_items: usize,
    #[arg(long, value_name = "TEXT", long_help = fetching::USER_AGENT_HELP)]
    pub user_agent: Option<String>,
    /// Store the pages without grouping them (inside `serve`, whose archive groups them).
    #[arg(skip)]
    pub store_only: bool,
}

/// What one round did.
#[derive(Debug, Default)]
struct Round {
    polled: usize,
    unchanged: usize,
    failed_feeds: usize,
    new_items: usize,
    pages: usize,
    failed_pages: usize,
}

/// Failed tries after which an item's page is given up.
const MAX_TRIES: i64 = 3;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    run_until(args, &AtomicBool::new(false))
}

/// Runs the collector until `stop` is set (checked between rounds and while waiting), or
/// one round with --once.
pub fn run_until(args: Args, stop: &AtomicBool) -> anyhow::Result<ExitCode> {
    let dir = store_dir(args.db.as_deref());
    let schedule = Schedule {
        floor: chrono::Duration::minutes(args.min_interval.max(1).into()),
        ceiling: chrono::Duration::minutes(args.max_interval.max(args.min_interval).into()),
    };
    let mut all = args.all;
    // The first round also fetches the items left unfinished by an earlier run (a crash
    // between fetching a page and committing its article).
    let mut recover = true;
    let user_agent = fetching::user_agent(args.user_agent.as_deref());
    while !stop.load(Ordering::Relaxed) {
        let feeds = Feeds::open(&dir).with_context(|| dir.display().to_string())?;
        let due = if std::mem::take(&mut all) {
            feeds.list()?
        } else {
            feeds.due(&fetching::now())?
        };
        let leftovers = recover && !feeds.pending_all(MAX_TRIES, 1)?.is_empty();
        if due.is_empty() && !leftovers {
            if args.once {
                eprintln!("storyline: {}: no feed is due", dir.display());
                return Ok(ExitCode::SUCCESS);
            }
        } else {
            drop(feeds);
            let ok = round(
                &dir,
                due,
                schedule,
                args.max_items,
                std::mem::take(&mut recover),
                &user_agent,
                args.store_only,
            )?;
            if args.once {
                return Ok(if ok {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(1)
                });
            }
            continue;
        }
        recover = false;
        // Sleep until the next feed is due (re-reading the list at least every minute:
        // `feeds add` may run meanwhile).
        let wait = feeds
            .next_due()?
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| (t.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_milliseconds())
            .unwrap_or(60_000)
            .clamp(1_000, 60_000);
        let until = std::time::Instant::now() + Duration::from_millis(wait as u64);
        while !stop.load(Ordering::Relaxed) && std::time::Instant::now() < until {
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Feed items by page URL: (feed id, item key).
type Owners = Arc<Mutex<HashMap<String, Vec<(i64, String)>>>>;

/// One round: polls `due`, ingests the new items' pages (with `recover`, every feed's
/// unfinished items too). True when nothing failed.
fn round(
    dir: &Path,
    due: Vec<Feed>,
    schedule: Schedule,
    max_items: usize,
    recover: bool,
    user_agent: &str,
    store_only: bool,
) -> anyhow::Result<bool> {
    let stats = Arc::new(Mutex::new(Round::default()));
    let owners: Owners = Arc::default();
    let pages = collect(
        dir.to_path_buf(),
        due,
        Plan {
            schedule,
            max_items,
            recover,
            user_agent: user_agent.to_string(),
        },
        stats.clone(),
        owners.clone(),
    );
    // An item is marked collected only once its article's batch is committed: a crash
    // before that leaves it pending for the next run.
    let ack_dir = dir.to_path_buf();
    let mut ack_feeds: Option<Feeds> = None;
    let ack: ingest::Ack = Box::new(move |names: &[String]| {
        if ack_feeds.is_none() {
            match Feeds::open(&ack_dir) {
                Ok(f) => ack_feeds = Some(f),
                Err(e) => return eprintln!("storyline: {}: {e}", ack_dir.display()),
            }
        }
        let items: Vec<(i64, String)> = {
            let o = owners.lock().unwrap_or_else(|e| e.into_inner());
            names
                .iter()
                .filter_map(|n| o.get(n))
                .flatten()
                .cloned()
                .collect()
        };
        if let Some(f) = &ack_feeds
            && let Err(e) = f.items_done(&items, &fetching::now())
        {
            eprintln!("storyline: {}: {e}", ack_dir.display());
        }
    });
    let code = ingest::run(ingest::Args {
        paths: Vec::new(),
        db: Some(dir.to_path_buf()),
        json: false,
        batch: 64,
        user_agent: None,
        extra: Extra::with_ack(pages, ack),
        store_only,
    })?;
    let s = stats.lock().unwrap_or_else(|e| e.into_inner());
    eprintln!(
        "storyline: {}: watch: {} feeds polled ({} unchanged, {} failed), {} new items, {} pages fetched, {} failed",
        dir.display(),
        s.polled,
        s.unchanged,
        s.failed_feeds,
        s.new_items,
        s.pages,
        s.failed_pages
    );
    Ok(code == ExitCode::SUCCESS && s.failed_feeds == 0 && s.failed_pages == 0)
}

/// Whether an item's page is worth another try in a later round.
fn transient(e: &FetchError) -> bool {
    match e {
        FetchError::Status(s) => *s >= 500 || *s == 429,
        FetchError::Timeout(_) | FetchError::Network(_) | FetchError::RetryLater(_) => true,
        _ => false,
    }
}

/// The producer: a thread running the fetcher, yielding pages as they come.
/// How a round goes.
struct Plan {
    schedule: Schedule,
    max_items: usize,
    recover: bool,
    user_agent: String,
}

fn collect(
    dir: PathBuf,
    due: Vec<Feed>,
    plan: Plan,
    stats: Arc<Mutex<Round>>,
    owners: Owners,
) -> impl Iterator<Item = WebItem> + Send {
    let Plan {
        schedule,
        max_items,
        recover,
        user_agent,
    } = plan;
    let (tx, rx) = mpsc::sync_channel::<WebItem>(32);
    std::thread::spawn(move || {
        let fail_all = |reason: String| {
            eprintln!("storyline: {}: watch: {reason}", dir.display());
        };
        let feeds = match Feeds::open(&dir) {
            Ok(f) => f,
            Err(e) => return fail_all(e.to_string()),
        };
        let rt = match fetching::runtime() {
            Ok(rt) => rt,
            Err(e) => return fail_all(e.to_string()),
        };
        let fetcher = match Fetcher::new(fetching::config(&user_agent)) {
            Ok(f) => f,
            Err(e) => return fail_all(e.to_string()),
        };
        let stat = |f: &dyn Fn(&mut Round)| f(&mut stats.lock().unwrap_or_else(|e| e.into_inner()));
        let db_error = |e: storyline_store::StoreError| {
            eprintln!("storyline: {}: {e}", dir.display());
        };
        rt.block_on(async {
            let by_url: HashMap<String, Feed> =
                due.into_iter().map(|f| (f.url.clone(), f)).collect();
            let polls: Vec<(String, Validators)> = by_url
                .values()
                .map(|f| {
                    (
                        f.url.clone(),
                        Validators {
                            etag: f.etag.clone(),
                            last_modified: f.last_modified.clone(),
                        },
                    )
                })
                .collect();
            let mut polled_ids = Vec::new();
            let mut children: Vec<(String, Validators)> = Vec::new();
            let mut child_of: HashMap<String, i64> = HashMap::new();
            fetch_many(&fetcher, polls, |url, fetched| {
                write_log(Some(&feeds), &log_entries(&fetched, "feed"));
                let Some(f) = by_url.get(&url) else { return };
                let now = chrono::Utc::now();
                stat(&|s| s.polled += 1);
                let mut poll = Poll {
                    now: fetching::stamp(now),
                    ..Poll::default()
                };
                let parsed = match fetched.result {
                    Err(e) => Err(e.to_string()),
                    Ok(r) if r.not_modified() => {
                        stat(&|s| s.unchanged += 1);
                        Ok((r, None))
                    }
                    Ok(r) => match feed::parse(&r.body, &r.final_url) {
                        Ok(parsed) => Ok((r, Some(parsed))),
                        Err(e) => Err(e.to_string()),
                    },
                };
                match parsed {
                    Err(e) => {
                        eprintln!("storyline: {url}: {e}");
                        stat(&|s| s.failed_feeds += 1);
                        let wait = schedule.after_failure((f.failures + 1).clamp(1, 1000) as u32);
                        poll.next_poll = fetching::stamp(now + wait);
                        poll.error = Some(e);
                    }
                    Ok((r, parsed)) => {
                        poll.etag = r.validators.etag;
                        poll.last_modified = r.validators.last_modified;
                        let dates: Vec<_> = parsed
                            .as_ref()
                            .map(|p| p.items.iter().filter_map(|i| i.published).collect())
                            .unwrap_or_default();
                        poll.next_poll = fetching::stamp(now + schedule.after_success(&dates));
                        if let Some(p) = parsed {
                            poll.title = p.title.clone();
                            poll.kind = Some(p.kind.as_str().to_string());
                            for c in p.sitemaps.iter().take(fetching::MAX_CHILD_SITEMAPS) {
                                child_of.insert(c.clone(), f.id);
                                children.push((c.clone(), Validators::default()));
                            }
                            let items: Vec<_> =
                                p.items.into_iter().map(|i| (i.key, i.url)).collect();
                            match feeds.add_items(f.id, &items, &poll.now) {
                                Ok(n) => stat(&|s| s.new_items += n),
                                Err(e) => db_error(e),
                            }
                        }
                        polled_ids.push(f.id);
                    }
                }
                if let Err(e) = feeds.polled(f.id, &poll) {
                    db_error(e);
                }
            })
            .await;
            // A sitemap index's sitemaps: their URLs are the index feed's items.
            fetch_many(&fetcher, children, |url, fetched| {
                write_log(Some(&feeds), &log_entries(&fetched, "sitemap"));
                let Some(id) = child_of.get(&url) else { return };
                match fetched.result.map(|r| feed::parse(&r.body, &r.final_url)) {
                    Ok(Ok(p)) => {
                        let items: Vec<_> = p.items.into_iter().map(|i| (i.key, i.url)).collect();
                        match feeds.add_items(*id, &items, &fetching::now()) {
                            Ok(n) => stat(&|s| s.new_items += n),
                            Err(e) => db_error(e),
                        }
                    }
                    Ok(Err(e)) => eprintln!("storyline: {url}: {e}"),
                    Err(e) => eprintln!("storyline: {url}: {e}"),
                }
            })
            .await;
            // The pages of the items not fetched yet (after a restart: every feed's).
            let shared = owners;
            let mut owners: HashMap<String, Vec<(i64, String)>> = HashMap::new();
            if recover {
                match feeds.pending_all(MAX_TRIES, max_items) {
                    Ok(items) => {
                        for (id, key, url) in items {
                            owners.entry(url).or_default().push((id, key));
                        }
                    }
                    Err(e) => db_error(e),
                }
            } else {
                for id in polled_ids {
                    match feeds.pending_items(id, MAX_TRIES) {
                        Ok(items) => {
                            for (key, url) in items.into_iter().take(max_items) {
                                owners.entry(url).or_default().push((id, key));
                            }
                        }
                        Err(e) => db_error(e),
                    }
                }
            }
            let urls: Vec<_> = owners
                .keys()
                .map(|u| (u.clone(), Validators::default()))
                .collect();
            *shared.lock().unwrap_or_else(|e| e.into_inner()) = owners.clone();
            fetch_many(&fetcher, urls, |url, fetched| {
                write_log(Some(&feeds), &log_entries(&fetched, "item"));
                match &fetched.result {
                    // Marked collected by ingest's acknowledgement, after the commit.
                    Ok(_) => stat(&|s| s.pages += 1),
                    Err(e) => {
                        stat(&|s| s.failed_pages += 1);
                        let now = fetching::now();
                        for (id, key) in owners.get(&url).into_iter().flatten() {
                            if let Err(e) = feeds.item_tried(*id, key, !transient(e), &now) {
                                db_error(e);
                            }
                        }
                    }
                }
                let _ = tx.send(to_item(&url, fetched));
            })
            .await;
        });
    });
    rx.into_iter()
}
