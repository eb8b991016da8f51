//! `storyline export`: every stored article with its analysis, streamed as JSON Lines or CSV.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use storyline_store::{Filter, StoreError, Stored};

use crate::cmd::ingest::{STORE_EXIT_CODES, open_existing};
use crate::cmd::search::parse_day;

/// Export the stored articles, in the order they were first stored.
///
/// JSON Lines: each line is the annotated article of docs/json.md (as `storyline analyse`
/// prints it) with the store's fields first: `id`, `identity`, `version`, `versions`,
/// `ingested_at`. CSV: one row per article with its metadata, counts of entities, quotes
/// and claims, and its text. Output streams: memory does not grow with the store.
#[derive(Debug, clap::Args)]
#[command(after_help = STORE_EXIT_CODES)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    /// Only articles published (else ingested) on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub since: Option<String>,
    /// Every version of every article, not only the latest.
    #[arg(long)]
    pub versions: bool,
    /// Only this article (its URL, or its identity as exported: `url:…`, `id:…`,
    /// `text:…`); with --versions, its history.
    #[arg(long, value_name = "URL|IDENTITY")]
    pub article: Option<String>,
    /// The store folder (default: $STORYLINE_DATA, else ./storyline-data).
    #[arg(long, value_name = "DIR")]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Jsonl,
    Csv,
}

/// The CSV columns.
const COLUMNS: &[&str] = &[
    "id",
    "identity",
    "version",
    "versions",
    "ingested_at",
    "url",
    "title",
    "outlet",
    "language",
    "published",
    "entities",
    "quotes",
    "claims",
    "text",
];

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let store = open_existing(args.db.as_deref())?;
    let filter = Filter {
        since: args.since,
        all_versions: args.versions,
        identity: args.article.as_deref().map(storyline_store::identity_key),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    if args.format == Format::Csv {
        writeln!(out, "{}", COLUMNS.join(","))?;
    }
    let result = store.each(&filter, &mut |s| {
        let line = match args.format {
            Format::Jsonl => jsonl(&s)?,
            Format::Csv => csv(&s)?,
        };
        out.write_all(line.as_bytes())
            .and_then(|_| out.write_all(b"\n"))
            .map_err(|e| StoreError::Io {
                path: "standard output".into(),
                error: e,
            })
    });
    match result {
        // A reader that stops early (`| head`) is not an error.
        Err(StoreError::Io { error, .. }) if error.kind() == std::io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS);
        }
        r => r?,
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The stored JSON with the store's fields spliced in front, without re-serialising it.
fn jsonl(s: &Stored) -> Result<String, StoreError> {
    let head = serde_json::json!({
        "id": s.article_id,
        "identity": s.identity,
        "version": s.version,
        "versions": s.versions,
        "ingested_at": s.ingested_at,
    })
    .to_string();
    let body = s.json.trim();
    let rest = body.strip_prefix('{').unwrap_or(body).trim_start();
    Ok(if rest == "}" {
        head
    } else {
        format!("{},{rest}", head.trim_end_matches('}'))
    })
}

fn csv(s: &Stored) -> Result<String, StoreError> {
    let v: serde_json::Value = serde_json::from_str(&s.json)?;
    let len = |k: &str| v[k].as_array().map_or(0, Vec::len).to_string();
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let fields = [
        s.article_id.to_string(),
        s.identity.clone(),
        s.version.to_string(),
        s.versions.to_string(),
        s.ingested_at.clone(),
        opt(&s.url),
        opt(&s.title),
        opt(&s.outlet),
        opt(&s.language),
        opt(&s.published),
        len("entities"),
        len("quotes"),
        len("claims"),
        v["text"].as_str().unwrap_or_default().to_string(),
    ];
    Ok(fields
        .iter()
        .map(|f| quote(f))
        .collect::<Vec<_>>()
        .join(","))
}

/// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\"\nnow"), "\"say \"\"hi\"\"\nnow\"");
    }
}
