//! `storyline stats`: what the store holds — counts per outlet, language and day — and
//! its size.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use storyline_store::Count;

use crate::cmd::ingest::{STORE_EXIT_CODES, open_existing};

/// Show what the store holds: articles and versions, counts per outlet, language and
/// publication day (else ingestion day) over each article's latest version, and the size
/// of the database and of the search index.
#[derive(Debug, clap::Args)]
#[command(after_help = STORE_EXIT_CODES)]
pub struct Args {
    /// Print one JSON object (docs/json.md).
    #[arg(long)]
    pub json: bool,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(args.db.as_deref())?;
    let st = store.stats()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut v = serde_json::to_value(&st)?;
        v["store"] = store.dir().display().to_string().into();
        writeln!(out, "{v}")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "store       {}", store.dir().display())?;
    writeln!(
        out,
        "size        {} (database {}, index {})",
        bytes(st.store_bytes),
        bytes(st.database_bytes),
        bytes(st.index_bytes)
    )?;
    writeln!(
        out,
        "articles    {} ({} versions)",
        st.articles, st.versions
    )?;
    let list = |c: &[Count], limit: usize| -> String {
        let mut s: Vec<String> = c
            .iter()
            .take(limit)
            .map(|c| format!("{} {}", c.key.as_deref().unwrap_or("(unknown)"), c.articles))
            .collect();
        if c.len() > limit {
            s.push(format!("… {} more", c.len() - limit));
        }
        s.join(", ")
    };
    writeln!(out, "languages   {}", list(&st.by_language, 30))?;
    writeln!(out, "outlets     {}", list(&st.by_outlet, 20))?;
    let days: Vec<&Count> = st.by_day.iter().rev().take(14).collect();
    writeln!(
        out,
        "days        ({} in all, latest first)",
        st.by_day.len()
    )?;
    for d in days {
        writeln!(
            out,
            "  {}  {}",
            d.key.as_deref().unwrap_or_default(),
            d.articles
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn bytes(n: u64) -> String {
    const UNITS: &[&str] = &["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u + 1 < UNITS.len() {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", UNITS[u])
    }
}
