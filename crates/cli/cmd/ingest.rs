//! `storyline ingest`: pages and JSON Lines of articles in, the store updated. Extraction
//! and analysis run in parallel (rayon); one writer thread commits each batch in one
//! transaction.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

use anyhow::Context;
use rayon::prelude::*;
use storyline_analyse::Options;
use storyline_core::{Article, Page};
use storyline_extract::Limits;
use storyline_store::{Outcome, Store};
use storyline_stories::{Archive, Prepared};

use crate::cmd::extract::extract_one;
use crate::cmd::fetching;
use crate::inputs::{self, Input};
use crate::output::{self, Failures};

/// Ingest news pages into the store: extract, analyse and archive them.
///
/// Inputs are those of `storyline extract` (files, folders, `-`, gzip) plus JSON Lines of
/// already-extracted articles (files named *.jsonl, *.ndjson, optionally .gz, or standard
/// input starting with `{`): one article object of docs/json.md a line, with at least
/// `text`, `title` and `url` or `id`. Web addresses (`https://…`) are fetched politely
/// (robots.txt, one request at a time per host): a page is ingested with its URL; a feed
/// or sitemap (told by content, not by Content-Type) has its items' pages fetched and
/// ingested. WARC archives (*.warc, *.warc.gz: WARC 1.0/1.1, whole-file gzip or gzip
/// per record) have their response records ingested with their target URI. Every fetch
/// attempt is kept in the store's fetch log. An article's identity is its canonical URL (else its
/// URL, else the record's id, else a hash of its text): ingesting the same page again
/// changes nothing; a changed page becomes a new version of its article. Each batch is
/// one transaction: an interrupted ingest loses nothing it reported and is resumed by
/// running it again. Bad inputs are reported and skipped; a summary ends the run.
#[derive(Debug, clap::Args)]
#[command(after_help = STORE_EXIT_CODES)]
pub struct Args {
    /// Files, folders (walked recursively, in name order), JSON Lines files, WARC
    /// archives (*.warc, *.warc.gz), `-`, or http(s) URLs of pages, feeds and sitemaps.
    #[arg(required = true, value_name = "PATH|URL")]
    pub paths: Vec<String>,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
    /// Print the summary as JSON on standard output.
    #[arg(long)]
    pub json: bool,
    #[arg(long, value_name = "TEXT", long_help = fetching::USER_AGENT_HELP)]
    pub user_agent: Option<String>,
    /// Articles per transaction.
    #[arg(long, value_name = "N", default_value_t = 256, hide = true)]
    pub batch: usize,
    /// Pages another command (`watch`) hands over, ingested after the paths.
    #[arg(skip)]
    pub extra: Extra,
    /// Store without grouping (`serve --watch`: the server groups what it finds).
    #[arg(skip)]
    pub store_only: bool,
}

/// A page fetched from the web or read from a WARC archive: its URL is known (the
/// `--url` of `storyline extract`).
#[derive(Debug)]
pub struct WebPage {
    /// The name in messages and in the `input` field (the URL asked for, or
    /// `archive.warc.gz#N`).
    pub name: String,
    pub url: Option<String>,
    pub bytes: Vec<u8>,
    /// The charset of the HTTP Content-Type.
    pub charset: Option<String>,
}

/// A page, or a failure to get it (input name, reason).
pub type WebItem = Result<WebPage, (String, String)>;

/// Pages handed to ingest by another command, as a stream.
#[derive(Default)]
pub struct Extra(std::sync::Mutex<Option<ExtraInner>>);

/// Called by the writer with the names of the pages a batch held, once that batch is
/// committed (pages that failed to extract included: they were dealt with).
pub type Ack = Box<dyn FnMut(&[String]) + Send>;

struct ExtraInner {
    pages: Box<dyn Iterator<Item = WebItem> + Send>,
    ack: Option<Ack>,
}

impl Extra {
    /// Pages whose handing-over is acknowledged after each commit (`watch` marks its
    /// feed items collected only then).
    pub fn with_ack(pages: impl Iterator<Item = WebItem> + Send + 'static, ack: Ack) -> Extra {
        Extra(std::sync::Mutex::new(Some(ExtraInner {
            pages: Box::new(pages),
            ack: Some(ack),
        })))
    }

    fn take(&self) -> Option<ExtraInner> {
        self.0.lock().ok()?.take()
    }
}

impl std::fmt::Debug for Extra {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Extra")
    }
}

/// The exit codes of the store commands.
pub const STORE_EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  some inputs failed (each failure is printed as `storyline: INPUT: REASON`, then a summary)
  2  usage error, or the store cannot be opened or written (`storyline: DIR: REASON`)";

/// The store folder: `--db`, else `$STORYLINE_DATA`, else `./storyline-data`.
pub fn store_dir(db: Option<&Path>) -> PathBuf {
    db.map(Path::to_path_buf)
        .unwrap_or_else(storyline_store::default_dir)
}

/// Opens a store with `open`, saying first what will take a while: building the search
/// index from the database (missing, or from another version), and, when `stories`,
/// grouping every stored article into stories (no saved stories, or saved by another
/// version) — minutes on a large store — and then how long it took.
pub fn opening<T>(
    dir: &Path,
    stories: bool,
    open: impl FnOnce() -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let index = storyline_store::rebuilds_search_index(dir);
    let regroup = stories && Archive::regroups(dir);
    if index {
        eprintln!(
            "storyline: {}: building the search index from the database (it is missing or from another version; about 5 minutes per million articles)",
            dir.display()
        );
    }
    if regroup {
        eprintln!(
            "storyline: {}: grouping the stored articles into stories (the saved stories are missing or from another version; about 10 minutes per million articles)",
            dir.display()
        );
    }
    let started = Instant::now();
    let opened = open()?;
    let took = started.elapsed().as_secs_f64();
    match (index, regroup) {
        (true, true) => eprintln!(
            "storyline: {}: search index built and stories grouped in {took:.1} s",
            dir.display()
        ),
        (true, false) => eprintln!(
            "storyline: {}: search index built in {took:.1} s",
            dir.display()
        ),
        (false, true) => eprintln!(
            "storyline: {}: stories grouped in {took:.1} s",
            dir.display()
        ),
        (false, false) => {}
    }
    Ok(opened)
}

/// Opens an existing store for reading (search, export, stats).
pub fn open_existing(db: Option<&Path>) -> anyhow::Result<Store> {
    let dir = store_dir(db);
    if !dir.join(storyline_store::DB_FILE).is_file() {
        anyhow::bail!(
            "{}: no store here (run `storyline ingest` first, or give --db DIR)",
            dir.display()
        );
    }
    let store = opening(&dir, false, || {
        Store::open(&dir).with_context(|| dir.display().to_string())
    })?;
    if let Some(w) = &store.index_warning {
        eprintln!(
            "storyline: {}: the search index could not be brought up to date: {w}",
            dir.display()
        );
    }
    Ok(store)
}

/// One unit of work: a page to extract, or a JSON Lines record.
enum Item {
    Page(Input),
    Stdin(Vec<u8>),
    Record {
        name: String,
        line: String,
    },
    Failed {
        name: String,
        reason: String,
    },
    /// A fetched page or a WARC record.
    Web(WebPage),
}

impl Item {
    fn name(&self) -> String {
        match self {
            Item::Page(i) => i.name(),
            Item::Stdin(_) => "-".into(),
            Item::Record { name, .. } | Item::Failed { name, .. } => name.clone(),
            Item::Web(p) => p.name.clone(),
        }
    }
}

/// What the writer counted.
#[derive(Debug, Default)]
struct Tally {
    added: u64,
    updated: u64,
    unchanged: u64,
    failures: Failures,
    failed: Vec<(String, String)>,
    /// Time the writer spent in the store (database, search index, story index).
    write_secs: f64,
    /// Of which grouping (the story index) and saving its snapshots.
    group_secs: f64,
    snapshot_secs: f64,
    /// Stories in the store at the end, and how many this run opened.
    stories: usize,
    new_stories: usize,
    /// Articles stored before but not yet grouped (an interrupted ingest), grouped now.
    replayed: usize,
    /// False when stored without grouping (`serve --watch`).
    grouped: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = store_dir(args.db.as_deref());
    let archive = opening(&dir, !args.store_only, || {
        if args.store_only {
            Archive::open_storing(&dir)
        } else {
            Archive::open_writer(&dir)
        }
        .with_context(|| dir.display().to_string())
    })?;
    let started = Instant::now();
    let (urls, paths): (Vec<String>, Vec<String>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| fetching::is_url(p));
    let inputs = inputs::expand(&paths);
    let pages = inputs
        .iter()
        .filter(|i| !is_jsonl(i) && !matches!(i, Ok(x) if fetching::is_warc(&x.name())))
        .count() as u64;
    let bar = output::progress(pages, "pages");
    let limits = Limits::default();
    let options = Options::default();
    let batch = args.batch.max(1);

    let extra = args.extra.take();
    let (extra_pages, mut ack) = match extra {
        Some(e) => (Some(e.pages), e.ack),
        None => (None, None),
    };
    // Each batch: its prepared articles or failures, and the names of its web pages.
    type Chunk = (Vec<Result<Prepared, (String, String)>>, Vec<String>);
    let (tx, rx) = mpsc::sync_channel::<Chunk>(2);
    let writer_bar = bar.clone();
    let args_store_only = args.store_only;
    let writer = std::thread::spawn(move || -> anyhow::Result<Tally> {
        let mut archive = archive;
        let stories_before = archive.index().stories().count();
        let mut tally = Tally::default();
        for (chunk, web_names) in rx {
            let mut records = Vec::with_capacity(chunk.len());
            for r in chunk {
                match r {
                    Ok(rec) => records.push(rec),
                    Err((name, reason)) => {
                        writer_bar.inc(1);
                        tally.failed.push((name.clone(), reason.clone()));
                        tally.failures.push(&writer_bar, name, reason);
                        writer_bar.set_message(format!("{} failed", tally.failed.len()));
                    }
                }
            }
            let dir = archive.store().dir().display().to_string();
            let n = records.len() as u64;
            let t = Instant::now();
            let written = archive.write(records).with_context(|| dir.clone())?;
            tally.write_secs += t.elapsed().as_secs_f64();
            // Committed: now (never before) the pages may be counted as collected.
            if let Some(ack) = ack.as_mut()
                && !web_names.is_empty()
            {
                ack(&web_names);
            }
            for w in &written {
                match w.outcome {
                    Outcome::Added => tally.added += 1,
                    Outcome::Updated => tally.updated += 1,
                    Outcome::Unchanged => tally.unchanged += 1,
                }
            }
            writer_bar.inc(n);
        }
        let dir = archive.store().dir().display().to_string();
        tally.stories = archive.index().stories().count();
        tally.new_stories = tally.stories.saturating_sub(stories_before);
        tally.replayed = archive.replayed;
        tally.grouped = !args_store_only;
        let t = Instant::now();
        let timings = archive.finish().with_context(|| dir)?;
        tally.write_secs += t.elapsed().as_secs_f64();
        tally.group_secs = timings.group.as_secs_f64();
        tally.snapshot_secs = timings.snapshot.as_secs_f64();
        Ok(tally)
    });

    let process = |item: &Item| -> Result<Prepared, (String, String)> {
        let name = item.name();
        let work = || -> Result<Prepared, String> {
            let (article, id) = match item {
                Item::Page(input) => (extract_one(input, None, &limits)?, None),
                Item::Stdin(bytes) => {
                    let page = Page::new(bytes.clone()).with_input("-");
                    let a = storyline_extract::extract_with(&page, &limits)
                        .map_err(|e| e.to_string())?;
                    (a, None)
                }
                Item::Record { name, line } => {
                    let (mut a, id) = storyline_store::article_from_json(line)?;
                    if a.input.is_none() {
                        a.input = Some(name.clone());
                    }
                    (a, id)
                }
                Item::Failed { reason, .. } => return Err(reason.clone()),
                Item::Web(p) => {
                    let mut page = Page::new(p.bytes.clone()).with_input(p.name.clone());
                    page.url = p.url.clone();
                    page.charset_hint = p.charset.clone();
                    let a = storyline_extract::extract_with(&page, &limits)
                        .map_err(|e| e.to_string())?;
                    (a, None)
                }
            };
            analyse(article, id.as_deref(), &options)
        };
        work().map_err(|reason| (name, reason))
    };

    let mut pending: Vec<Item> = Vec::with_capacity(batch);
    let send = |items: &mut Vec<Item>| -> bool {
        let results: Vec<_> = items.par_iter().map(&process).collect();
        let web_names = items
            .iter()
            .filter_map(|i| match i {
                Item::Web(p) => Some(p.name.clone()),
                _ => None,
            })
            .collect();
        items.clear();
        tx.send((results, web_names)).is_ok()
    };
    let mut stopped = false;
    'inputs: for input in inputs {
        let mut each = |item: Item| -> bool {
            pending.push(item);
            pending.len() < batch || send(&mut pending)
        };
        let ok = match input {
            Err((name, reason)) => each(Item::Failed { name, reason }),
            Ok(input) if is_jsonl_input(&input) => read_jsonl(&input, &limits, &bar, &mut each),
            Ok(input) if fetching::is_warc(&input.name()) => {
                read_warc(&input, &limits, &bar, &mut each)
            }
            Ok(Input::Stdin) => read_stdin(&limits, &bar, &mut each),
            Ok(input) => each(Item::Page(input)),
        };
        if !ok {
            stopped = true;
            break 'inputs;
        }
    }
    if !stopped {
        // Web pages: the URLs given, then what another command hands over.
        let from_urls = (!urls.is_empty()).then(|| {
            fetching::web_pages(urls, &dir, fetching::user_agent(args.user_agent.as_deref()))
        });
        let web = from_urls
            .into_iter()
            .flatten()
            .chain(extra_pages.into_iter().flatten());
        for w in web {
            bar.inc_length(1);
            pending.push(match w {
                Ok(p) => Item::Web(p),
                Err((name, reason)) => Item::Failed { name, reason },
            });
            if pending.len() >= batch && !send(&mut pending) {
                stopped = true;
                break;
            }
        }
    }
    if !stopped && !pending.is_empty() {
        send(&mut pending);
    }
    drop(tx);
    let tally = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the writer thread panicked"))??;
    bar.finish_and_clear();
    summarise(&dir, &tally, started, args.json)?;
    Ok(if tally.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Analyses an article and prepares its record and grouping features; a panic in a stage
/// is a failure of this input, not of the batch.
fn analyse(article: Article, id: Option<&str>, options: &Options) -> Result<Prepared, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let annotated = storyline_analyse::annotate(article, options);
        Prepared::new(&annotated, id)
    }))
    .map_err(|_| "internal error: the analysis failed on this article".to_string())?
}

fn summarise(dir: &Path, t: &Tally, started: Instant, json: bool) -> anyhow::Result<()> {
    let failed = t.failed.len() as u64;
    let total = t.added + t.updated + t.unchanged + failed;
    let secs = started.elapsed().as_secs_f64();
    if json {
        let failures: Vec<_> = t
            .failed
            .iter()
            .map(|(i, e)| serde_json::json!({ "input": i, "error": e }))
            .collect();
        let obj = serde_json::json!({
            "store": dir.display().to_string(),
            "inputs": total,
            "added": t.added,
            "updated": t.updated,
            "unchanged": t.unchanged,
            "failed": failed,
            "failures": failures,
            "stories": t.stories,
            "new_stories": t.new_stories,
            "seconds": (secs * 1000.0).round() / 1000.0,
            "write_seconds": (t.write_secs * 1000.0).round() / 1000.0,
            "group_seconds": (t.group_secs * 1000.0).round() / 1000.0,
            "snapshot_seconds": (t.snapshot_secs * 1000.0).round() / 1000.0,
        });
        let mut out = std::io::stdout().lock();
        writeln!(out, "{obj}")?;
    }
    t.failures.summarise(total as usize);
    let stories = if t.grouped {
        format!("{} stories ({} new)", t.stories, t.new_stories)
    } else {
        "grouped into stories by the server".to_string()
    };
    eprintln!(
        "storyline: {}: {total} inputs: {} added, {} updated, {} unchanged, {failed} failed ({secs:.1} s, {:.0}/s); {stories}",
        dir.display(),
        t.added,
        t.updated,
        t.unchanged,
        total as f64 / secs.max(1e-9),
    );
    if t.replayed > 0 {
        eprintln!(
            "storyline: {}: grouped {} articles an earlier ingest had stored but not grouped",
            dir.display(),
            t.replayed
        );
    }
    Ok(())
}

fn is_jsonl(input: &Result<Input, (String, String)>) -> bool {
    matches!(input, Ok(i) if is_jsonl_input(i))
}

fn is_jsonl_input(input: &Input) -> bool {
    let Input::File(p) = input else { return false };
    let name = p.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.ends_with(".jsonl") || name.ends_with(".ndjson")
}

/// Streams the records of a JSON Lines file (gzip when named .gz); a line longer than
/// the page limit is a failed record. `each` returns false to stop.
fn read_jsonl(
    input: &Input,
    limits: &Limits,
    bar: &indicatif::ProgressBar,
    each: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let name = input.name();
    let Input::File(path) = input else {
        return true;
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return each(Item::Failed {
                name,
                reason: e.to_string(),
            });
        }
    };
    let reader: Box<dyn Read> = if name.to_ascii_lowercase().ends_with(".gz") {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    read_lines(&name, BufReader::new(reader), limits, bar, each)
}

/// Standard input: JSON Lines when it starts with `{`, else one page.
fn read_stdin(
    limits: &Limits,
    bar: &indicatif::ProgressBar,
    each: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let mut reader = BufReader::new(std::io::stdin().lock());
    let first = match reader.fill_buf() {
        Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()).copied(),
        Err(e) => {
            return each(Item::Failed {
                name: "-".into(),
                reason: e.to_string(),
            });
        }
    };
    if first == Some(b'{') {
        return read_lines("-", reader, limits, bar, each);
    }
    bar.inc_length(1);
    let mut bytes = Vec::new();
    match reader
        .take(limits.max_page_bytes as u64 + 1)
        .read_to_end(&mut bytes)
    {
        Ok(_) => each(Item::Stdin(bytes)),
        Err(e) => each(Item::Failed {
            name: "-".into(),
            reason: e.to_string(),
        }),
    }
}

fn read_lines(
    name: &str,
    mut reader: impl BufRead,
    limits: &Limits,
    bar: &indicatif::ProgressBar,
    each: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let cap = limits.max_page_bytes as u64;
    let mut n = 0u64;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        n += 1;
        let item_name = format!("{name}:{n}");
        let read = (&mut reader).take(cap + 1).read_until(b'\n', &mut buf);
        let item = match read {
            Ok(0) => return true,
            Ok(_) if buf.len() as u64 > cap && buf.last() != Some(&b'\n') => {
                // Skip the rest of the overlong line.
                let mut sink = Vec::new();
                let _ = reader.read_until(b'\n', &mut sink);
                Item::Failed {
                    name: item_name,
                    reason: format!("record longer than {cap} bytes"),
                }
            }
            Ok(_) => {
                let line = String::from_utf8_lossy(&buf);
                let line = line.trim();
                if line.is_empty() {
                    continue;
                }
                Item::Record {
                    name: item_name,
                    line: line.to_string(),
                }
            }
            Err(e) => {
                bar.inc_length(1);
                each(Item::Failed {
                    name: item_name,
                    reason: e.to_string(),
                });
                return true;
            }
        };
        bar.inc_length(1);
        if !each(item) {
            return false;
        }
    }
}

/// Streams the response records of a WARC archive (gzip or not) as pages with their
/// target URI; a broken record is a failed input and reading goes on. `each` returns
/// false to stop.
fn read_warc(
    input: &Input,
    limits: &Limits,
    bar: &indicatif::ProgressBar,
    each: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let name = input.name();
    let Input::File(path) = input else {
        return true;
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return each(Item::Failed {
                name,
                reason: e.to_string(),
            });
        }
    };
    // A record may hold a page with its HTTP headers: twice the page limit.
    let records = storyline_fetch::warc::open(file, 2 * limits.max_page_bytes as u64);
    for record in records {
        bar.inc_length(1);
        let item = match record {
            Ok(r) => {
                let item_name = format!("{name}#{}", r.number);
                match r.status {
                    Some(s) if !(200..300).contains(&s) => Item::Failed {
                        name: item_name,
                        reason: format!("an HTTP {s} response in the archive"),
                    },
                    _ => Item::Web(WebPage {
                        name: item_name,
                        url: r.url,
                        bytes: r.body,
                        charset: r.charset,
                    }),
                }
            }
            Err(e) => Item::Failed {
                name: format!("{name}#{}", e.number),
                reason: e.reason,
            },
        };
        if !each(item) {
            return false;
        }
    }
    true
}
