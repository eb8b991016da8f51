//! `storyline search`: full-text search over the store, ranked, with snippets.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use storyline_store::SearchQuery;

use crate::cmd::ingest::{STORE_EXIT_CODES, open_existing};

/// Search the stored articles: titles, teasers, texts, entity names and quotes.
///
/// Words are matched in each article's language: stemmed for the languages the stemmer
/// knows (ar da de el en es fi fr hu it nl no pt ro ru sv ta tr), by character pairs for
/// Chinese, Japanese and Korean, as plain words otherwise. Every word must match
/// (`a OR b` for either, `"…"` for a phrase, `-word` to exclude). Results are ranked
/// (BM25, titles weigh more), one per article (its latest version), each with a snippet.
#[derive(Debug, clap::Args)]
#[command(after_help = STORE_EXIT_CODES)]
pub struct Args {
    /// The words to search for.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Only articles in this language (ISO 639-1: en, fr, zh…).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Only articles published (else ingested) on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub since: Option<String>,
    /// Only articles of this outlet (its name, any case).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// How many results to show.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
    /// Print the results as one JSON object (docs/json.md).
    #[arg(long)]
    pub json: bool,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

/// Parses a `--since` day: `YYYY-MM-DD` (a date-time keeps its day).
pub fn parse_day(s: &str) -> Result<String, String> {
    storyline_store::identity::day_of(s).ok_or_else(|| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(args.db.as_deref())?;
    let q = SearchQuery {
        text: args.query.join(" "),
        lang: args.lang.map(|l| l.trim().to_ascii_lowercase()),
        outlet: args.outlet,
        since: args.since,
        limit: args.limit.clamp(1, 10_000),
    };
    let results = store.search(&q)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&results)?)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let bold = std::io::stdout().is_terminal();
    for (i, h) in results.hits.iter().enumerate() {
        let title = h.title.as_deref().unwrap_or("(no title)");
        let mut meta = Vec::new();
        for part in [&h.outlet, &h.published, &h.language].into_iter().flatten() {
            meta.push(part.clone());
        }
        if h.versions > 1 {
            meta.push(format!("{} versions", h.versions));
        }
        writeln!(out, "{}. {title}", i + 1)?;
        writeln!(out, "   {}", meta.join(" · "))?;
        if let Some(u) = &h.url {
            writeln!(out, "   {u}")?;
        }
        writeln!(out, "   {}", mark(&h.snippet, &h.highlights, bold))?;
    }
    let about = if results.total_estimated {
        "about "
    } else {
        ""
    };
    writeln!(
        out,
        "{} of {about}{} matching articles",
        results.hits.len(),
        storyline_stories::views::thousands(results.total as u64)
    )?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The snippet on one line with its highlights in bold (a terminal) or `*…*`.
fn mark(snippet: &str, highlights: &[[usize; 2]], bold: bool) -> String {
    let (on, off) = if bold {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("*", "*")
    };
    let mut out = String::new();
    for (i, c) in snippet.chars().enumerate() {
        if highlights.iter().any(|h| h[0] == i) {
            out.push_str(on);
        }
        out.push(if c.is_whitespace() { ' ' } else { c });
        if highlights.iter().any(|h| h[1] == i + 1) {
            out.push_str(off);
        }
    }
    out
}
