//! `storyline extract`: pages in, clean articles out as JSON.

use std::io::Write;
use std::process::ExitCode;

use rayon::prelude::*;
use storyline_core::Page;
use storyline_extract::Limits;

use crate::inputs::{self, Input};
use crate::output::{self, Failures};

/// Extract the article from news pages: title, teaser, authors, dates, outlet, original
/// outlet, language, paragraphs and in-body links, without the site's boilerplate.
///
/// Inputs are HTML in any encoding (BOM, HTTP/meta charset, else detected), gzip-compressed
/// HTML (.gz) and plain-text page dumps. One input prints one pretty JSON article; several
/// inputs (or --jsonl) print one JSON object per line in input order, each with `input`.
/// A failed input prints `storyline: INPUT: REASON` on stderr (and, in JSON Lines, an object
/// `{"input": …, "error": …}` in its place); the batch goes on and a summary of failures
/// ends it. The JSON contract is documented in docs/json.md.
#[derive(Debug, clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {
    /// Files, folders (walked recursively, in name order) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// The page's address, when known: base for relative links, outlet from its host.
    /// Only with a single input.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// Print one JSON object per line even for a single input.
    #[arg(long)]
    pub jsonl: bool,
}

/// How many inputs are extracted in parallel before their output is written, in order.
const CHUNK: usize = 256;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = inputs::expand(&args.paths);
    if args.url.is_some() && inputs.len() > 1 {
        anyhow::bail!(
            "--url applies to a single input, but {} were given",
            inputs.len()
        );
    }
    if let Some(u) = &args.url {
        url::Url::parse(u).map_err(|e| anyhow::anyhow!("--url {u}: {e}"))?;
    }
    let jsonl = args.jsonl || inputs.len() > 1;
    let limits = Limits::default();
    let bar = output::progress(inputs.len() as u64, "pages");
    let mut failures = Failures::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let total = inputs.len();
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<(String, Result<serde_json::Value, String>)> = chunk
            .par_iter()
            .map(|input| match input {
                Ok(input) => (
                    input.name(),
                    extract_one(input, args.url.as_deref(), &limits),
                ),
                Err((name, reason)) => (name.clone(), Err(reason.clone())),
            })
            .collect();
        for (name, result) in results {
            bar.inc(1);
            match result {
                Ok(article) if jsonl => writeln!(out, "{}", serde_json::to_string(&article)?)?,
                Ok(article) => writeln!(out, "{}", serde_json::to_string_pretty(&article)?)?,
                Err(reason) => {
                    if jsonl {
                        let obj = serde_json::json!({ "input": name, "error": reason });
                        writeln!(out, "{obj}")?;
                    }
                    failures.push(&bar, name, reason);
                }
            }
        }
        out.flush()?;
    }
    bar.finish_and_clear();
    failures.summarise(total);
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn extract_one(
    input: &Input,
    url: Option<&str>,
    limits: &Limits,
) -> Result<serde_json::Value, String> {
    // Gzip may inflate far beyond its size; the extractor bounds the inflated size.
    let bytes = input
        .read(limits.max_page_bytes)
        .map_err(|e| e.to_string())?;
    let mut page = Page::new(bytes).with_input(input.name());
    if let Some(u) = url {
        page = page.with_url(u);
    }
    let article = storyline_extract::extract_with(&page, limits).map_err(|e| e.to_string())?;
    serde_json::to_value(&article).map_err(|e| e.to_string())
}
