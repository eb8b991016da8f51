//! `storyline extract`: pages in, clean articles out as JSON.

use std::process::ExitCode;

use storyline_core::{Article, Page};
use storyline_extract::{ExtractError, Limits};

use crate::batch::{self, Failed};
use crate::inputs::{self, Input};

/// Extract the article from news pages: title, teaser, authors, dates, outlet, original
/// outlet, language, paragraphs and in-body links, without the site's boilerplate.
///
/// Inputs are HTML in any encoding (BOM, HTTP/meta charset, else detected), gzip-compressed
/// HTML (.gz) and plain-text page dumps. One input prints one pretty JSON article; several
/// inputs (or --jsonl) print one JSON object per line in input order, each with `input`.
/// A failed input prints `storyline: INPUT: REASON` on stderr (and, in JSON Lines, an object
/// `{"input": …, "error": …}` in its place, with `found`: the title, dates, outlet and
/// language of a page that holds no article); the batch goes on and a summary of failures
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

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = inputs::expand(&args.paths);
    batch::check_url(args.url.as_deref(), inputs.len())?;
    let limits = Limits::default();
    batch::run(&inputs, args.jsonl, "pages", |input| {
        let article = extract_found(input, args.url.as_deref(), &limits)?;
        Ok(serde_json::to_value(&article).map_err(|e| e.to_string())?)
    })
}

/// Reads and extracts one input; a page with no article fails with its metadata as
/// `found` (also used by `storyline analyse`).
pub fn extract_found(input: &Input, url: Option<&str>, limits: &Limits) -> Result<Article, Failed> {
    // Gzip may inflate far beyond its size; the extractor bounds the inflated size.
    let bytes = input
        .read(limits.max_page_bytes)
        .map_err(|e| e.to_string())?;
    let mut page = Page::new(bytes).with_input(input.name());
    if let Some(u) = url {
        page = page.with_url(u);
    }
    storyline_extract::extract_with(&page, limits).map_err(|e| {
        let reason = e.to_string();
        match e {
            ExtractError::NoArticle { found, .. } => Failed {
                reason,
                found: serde_json::to_value(&found).ok(),
            },
            _ => Failed::from(reason),
        }
    })
}

/// Reads and extracts one input; the reason alone when it fails.
pub fn extract_one(input: &Input, url: Option<&str>, limits: &Limits) -> Result<Article, String> {
    extract_found(input, url, limits).map_err(|f| f.reason)
}
