//! `storyline stories|story|trends|day`: what the stories stage found, read from the
//! store (its story index is kept in step by `storyline ingest`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use storyline_stories::views::{StoryArticle, StoryPage, StorySummary};
use storyline_stories::{Archive, StoryFilter};

use crate::cmd::ingest::store_dir;

/// List stories, the most recently active first.
///
/// A story is a set of articles about one event, across outlets, languages and months;
/// copies (syndicated, scraped, rewritten, translated) are folded under their originals
/// and counted apart. Each line: id, first and last publication day, original articles
/// (+ copies), outlets, languages and the headline.
#[derive(Debug, clap::Args)]
#[command(after_help = READ_EXIT_CODES)]
pub struct StoriesArgs {
    /// Only stories with an article published since then: a duration back from now
    /// (`24h`, `7d`, `2w`) or a date (`2023-11-10`, RFC 3339).
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Only stories with an article in this language (ISO 639-1).
    #[arg(long, value_name = "L")]
    pub lang: Option<String>,
    /// Only stories with an article from this outlet (its name, as `stats` lists it).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Most stories listed.
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
    /// Every story (no limit); with --json, each with the id, URL, outlet, date and
    /// `copy_of` of every article, so a grouping can be scored from outside.
    #[arg(long)]
    pub all: bool,
    /// Print JSON (docs/json.md, "Stories").
    #[arg(long)]
    pub json: bool,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

/// Show one story: articles by date and outlet (copies folded under their originals),
/// languages, highlights, the figure ledger, quotes by speaker, entities and related
/// stories.
#[derive(Debug, clap::Args)]
#[command(after_help = READ_EXIT_CODES)]
pub struct StoryArgs {
    /// The story's id (as `storyline stories` lists it).
    #[arg(value_name = "ID")]
    pub id: u32,
    /// Print JSON (docs/json.md, "Story page").
    #[arg(long)]
    pub json: bool,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

/// Trending stories: coverage by distinct outlets (copies folded) in the last 24 hours,
/// against the story's own previous week and the whole archive.
///
/// The 24 hours end now, or at the newest article's time when the archive stopped
/// growing earlier (an archive of last year still shows what was trending then).
#[derive(Debug, clap::Args)]
#[command(after_help = READ_EXIT_CODES)]
pub struct TrendsArgs {
    /// End the 24-hour window at this time (a date or RFC 3339) instead of now.
    #[arg(long, value_name = "WHEN")]
    pub now: Option<String>,
    /// Most stories listed.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Print JSON (docs/json.md, "Trends").
    #[arg(long)]
    pub json: bool,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

/// The per-day archive: the stories with articles published on one day (or ingested
/// that day when undated), with those articles.
#[derive(Debug, clap::Args)]
#[command(after_help = READ_EXIT_CODES)]
pub struct DayArgs {
    /// The day, `YYYY-MM-DD`.
    #[arg(value_name = "DAY")]
    pub day: String,
    /// Print JSON (docs/json.md, "Day").
    #[arg(long)]
    pub json: bool,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

/// The exit codes of the commands that read stories.
pub const READ_EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  no such story or day
  2  usage error (a bad date or duration), or the store cannot be opened";

/// Opens an existing store with its stories.
pub fn open_archive(db: Option<&Path>) -> anyhow::Result<Archive> {
    let dir = store_dir(db);
    if !dir.join(storyline_store::DB_FILE).is_file() {
        anyhow::bail!(
            "{}: no store here (run `storyline ingest` first, or give --db DIR)",
            dir.display()
        );
    }
    let archive = super::ingest::opening(&dir, true, || {
        Archive::open(&dir).with_context(|| dir.display().to_string())
    })?;
    if let Some(w) = &archive.store().index_warning {
        eprintln!(
            "storyline: {}: the search index could not be brought up to date: {w}",
            dir.display()
        );
    }
    Ok(archive)
}

/// Seconds since 1970 of `24h`, `7d`, `2w` back from `now`, or of a date / RFC 3339 time.
pub fn parse_when(s: &str, now: i64) -> Option<i64> {
    let s = s.trim();
    if let Some(t) = storyline_group::text::parse_date(s) {
        return Some(t);
    }
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit())?);
    let n: i64 = num.parse().ok()?;
    let secs = match unit.trim() {
        "m" | "min" => 60,
        "h" => 3_600,
        "d" => 86_400,
        "w" => 7 * 86_400,
        _ => return None,
    };
    Some(now - n.checked_mul(secs)?)
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn day_of(date: Option<&str>) -> String {
    date.and_then(|d| d.get(..10))
        .unwrap_or("undated   ")
        .to_string()
}

/// The date a ledger entry's figure is for (its own time reference: "in October 2022"),
/// padded to a day's width, with the article's day beside it when that differs.
fn figure_date(e: &storyline_group::ledger::LedgerEntry) -> String {
    let published = day_of(e.published.as_deref());
    match e.as_of.as_deref() {
        Some(d) if !published.starts_with(d) => format!("{d:<10} (published {published})"),
        _ => published,
    }
}

fn summary_line(s: &StorySummary) -> String {
    let copies = if s.copies > 0 {
        format!(" (+{} copies)", s.copies)
    } else {
        String::new()
    };
    let outlets: Vec<&str> = s.outlets.iter().take(3).map(String::as_str).collect();
    let more = s.outlets.len().saturating_sub(3);
    format!(
        "#{:<5} {} … {}  {:>3} articles{copies}  {}{}  [{}]  {}",
        s.id,
        day_of(s.first.as_deref()),
        day_of(s.last.as_deref()),
        s.articles,
        outlets.join(", "),
        if more > 0 {
            format!(" +{more}")
        } else {
            String::new()
        },
        s.languages.join(" "),
        s.title
    )
}

pub fn run_stories(args: StoriesArgs) -> anyhow::Result<ExitCode> {
    let since = match &args.since {
        Some(s) => Some(parse_when(s, now()).ok_or_else(|| {
            anyhow::anyhow!("--since {s}: not a duration (24h, 7d, 2w) or a date (2023-11-10)")
        })?),
        None => None,
    };
    let archive = open_archive(args.db.as_deref())?;
    let mut out = std::io::stdout().lock();
    if args.all && args.json {
        let all: Vec<_> = archive
            .all_stories()?
            .into_iter()
            .filter(|m| {
                since.is_none_or(|t| {
                    m.story
                        .last
                        .as_deref()
                        .and_then(storyline_group::text::parse_date)
                        .is_some_and(|l| l >= t)
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &all)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let filter = StoryFilter {
        since,
        language: args.lang.clone(),
        outlet: args.outlet.clone(),
        limit: if args.all { 0 } else { args.limit },
        offset: 0,
    };
    let stories = archive.stories(&filter)?;
    if args.json {
        serde_json::to_writer_pretty(&mut out, &stories)?;
        writeln!(out)?;
    } else {
        for s in &stories {
            writeln!(out, "{}", summary_line(s))?;
        }
        eprintln!(
            "storyline: {} of {} stories",
            stories.len(),
            archive.index().stories().count()
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_story(args: StoryArgs) -> anyhow::Result<ExitCode> {
    let archive = open_archive(args.db.as_deref())?;
    let Some(page) = archive.story(args.id)? else {
        eprintln!("storyline: story {}: no such story", args.id);
        return Ok(ExitCode::from(1));
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &page)?;
        writeln!(out)?;
    } else {
        out.write_all(render_story(&page).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A story page as text.
fn render_story(p: &StoryPage) -> String {
    use std::fmt::Write as _;
    let s = &p.summary;
    let mut o = String::new();
    let _ = writeln!(o, "# {}  (story #{})", s.title, s.id);
    let _ = writeln!(
        o,
        "{} … {} · {} articles, {} copies · outlets: {} · languages: {}",
        day_of(s.first.as_deref()),
        day_of(s.last.as_deref()),
        s.articles,
        s.copies,
        s.outlets.join(", "),
        s.languages.join(" ")
    );
    if !p.highlights.is_empty() {
        let _ = writeln!(o, "\n## Highlights");
        for h in &p.highlights {
            let _ = writeln!(o, "- {} ({})", h.text, h.outlet.as_deref().unwrap_or("?"));
        }
    }
    let _ = writeln!(o, "\n## Articles");
    for a in p.articles.iter().filter(|a| a.copy_of.is_none()) {
        let _ = writeln!(o, "{}", article_line(a, ""));
        for c in p
            .articles
            .iter()
            .filter(|c| c.copy_of == Some(a.article.id))
        {
            let _ = writeln!(o, "{}", article_line(c, "    copy: "));
        }
    }
    // Copies whose original is not in the list (should not happen): shown apart.
    for c in p.articles.iter().filter(|c| {
        c.copy_of
            .is_some_and(|of| !p.articles.iter().any(|a| a.article.id == of))
    }) {
        let _ = writeln!(o, "{}", article_line(c, "copy: "));
    }
    if !p.ledger.is_empty() {
        let _ = writeln!(o, "\n## Figure ledger");
        for line in &p.ledger {
            let unit = line
                .unit
                .as_deref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default();
            let _ = writeln!(o, "{}{unit}", line.counts);
            for e in &line.entries {
                let who = e.claimant.as_ref().map_or("?", |c| c.name.as_str());
                let hedge = e
                    .hedge
                    .as_deref()
                    .map(|h| format!(" [{h}]"))
                    .unwrap_or_default();
                let _ = writeln!(
                    o,
                    "  {}  {:<24} {who}, via {}{hedge}  (article {})",
                    figure_date(e),
                    e.text,
                    e.outlet.as_deref().unwrap_or("?"),
                    e.article
                );
            }
            for f in &line.flags {
                let _ = writeln!(o, "  ! {f}");
            }
        }
    }
    if !p.quotes.is_empty() {
        let _ = writeln!(o, "\n## Quotes by speaker");
        for sq in p.quotes.iter().take(12) {
            let _ = writeln!(o, "{} ({})", sq.speaker, sq.quotes.len());
            for q in sq.quotes.iter().take(3) {
                let text: String = q.text.chars().take(160).collect();
                let _ = writeln!(
                    o,
                    "  “{text}” — {}, {}",
                    q.outlet.as_deref().unwrap_or("?"),
                    day_of(q.published.as_deref())
                );
            }
        }
    }
    if !p.entities.is_empty() {
        let names: Vec<String> = p
            .entities
            .iter()
            .take(15)
            .map(|e| format!("{} ({})", e.name, e.articles))
            .collect();
        let _ = writeln!(o, "\n## Named\n{}", names.join(", "));
    }
    if !p.related.is_empty() {
        let _ = writeln!(o, "\n## Related stories");
        for r in &p.related {
            let _ = writeln!(
                o,
                "#{} {}  (shared: {})",
                r.story.id,
                r.story.title,
                r.shared.join(", ")
            );
        }
    }
    o
}

fn article_line(a: &StoryArticle, prefix: &str) -> String {
    let copy = a
        .copy
        .as_ref()
        .map(|c| {
            let kind = serde_json::to_value(c.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let differ = if c.figures_differ.is_empty() {
                String::new()
            } else {
                format!(", figures differ: {}", c.figures_differ.join(" "))
            };
            format!(" [{kind} {:.2}{differ}]", c.similarity)
        })
        .unwrap_or_default();
    format!(
        "{prefix}{}  {:<20} {}  {}  (article {}){copy}",
        day_of(a.article.published.as_deref()),
        a.article.outlet.as_deref().unwrap_or("?"),
        a.article.language.as_deref().unwrap_or("??"),
        a.article.title.as_deref().unwrap_or("(untitled)"),
        a.article.id
    )
}

pub fn run_trends(args: TrendsArgs) -> anyhow::Result<ExitCode> {
    let at = match &args.now {
        Some(s) => storyline_group::text::parse_date(s).ok_or_else(|| {
            anyhow::anyhow!("--now {s}: not a date (2023-11-10) or RFC 3339 time")
        })?,
        None => now(),
    };
    let archive = open_archive(args.db.as_deref())?;
    let trends = archive.trends(at, args.limit)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &trends)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    match &trends.now {
        Some(t) => writeln!(out, "Trending in the 24 hours before {t}:")?,
        None => writeln!(out, "The store has no dated stories.")?,
    }
    for t in &trends.stories {
        writeln!(
            out,
            "{:>5.2}  {} outlets  {}",
            t.score,
            t.outlets,
            summary_line(&t.story)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_day(args: DayArgs) -> anyhow::Result<ExitCode> {
    let archive = open_archive(args.db.as_deref())?;
    let Some(page) = archive.day(&args.day)? else {
        anyhow::bail!("{}: not a day (YYYY-MM-DD)", args.day);
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &page)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "# {}", page.day)?;
    if page.stories.is_empty() {
        writeln!(out, "No articles that day.")?;
    }
    for d in &page.stories {
        writeln!(out, "\n{}", summary_line(&d.story))?;
        for a in &d.articles {
            let prefix = if a.copy_of.is_some() {
                "    copy: "
            } else {
                "  "
            };
            writeln!(out, "{}", article_line(a, prefix))?;
        }
    }
    let nav = [
        page.previous.as_deref().map(|d| format!("previous: {d}")),
        page.next.as_deref().map(|d| format!("next: {d}")),
    ];
    let nav: Vec<String> = nav.into_iter().flatten().collect();
    if !nav.is_empty() {
        writeln!(out, "\n{}", nav.join(" · "))?;
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::{figure_date, parse_when};

    #[test]
    fn a_figure_is_dated_by_its_own_time_reference() {
        let mut e = storyline_group::ledger::LedgerEntry {
            value: Some(20_000.0),
            min: None,
            max: None,
            text: "20,000".into(),
            claimant: None,
            hedge: None,
            article: 1,
            outlet: None,
            published: Some("2023-11-10T17:03:27Z".into()),
            counts: None,
            as_of: Some("2022-10".into()),
        };
        assert_eq!(figure_date(&e), "2022-10    (published 2023-11-10)");
        e.as_of = Some("2023-11-10".into());
        assert_eq!(figure_date(&e), "2023-11-10");
        e.as_of = Some("2023-11".into());
        assert_eq!(figure_date(&e), "2023-11-10");
        e.as_of = None;
        assert_eq!(figure_date(&e), "2023-11-10");
        e.published = None;
        assert_eq!(figure_date(&e), "undated   ");
    }

    #[test]
    fn durations_and_dates() {
        let now = 1_700_000_000;
        assert_eq!(parse_when("24h", now), Some(now - 86_400));
        assert_eq!(parse_when("7d", now), Some(now - 7 * 86_400));
        assert_eq!(parse_when("2w", now), Some(now - 14 * 86_400));
        assert_eq!(parse_when("2023-11-10", now), Some(1_699_574_400));
        assert_eq!(parse_when("soon", now), None);
        assert_eq!(parse_when("12x", now), None);
        assert_eq!(parse_when("99999999999999999999d", now), None);
    }
}
