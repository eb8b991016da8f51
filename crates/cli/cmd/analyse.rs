//! `storyline analyse`: pages (or plain text) in, articles with their analysis out.

use std::process::ExitCode;

use storyline_analyse::Options;
use storyline_core::Article;
use storyline_extract::Limits;

use crate::batch;
use crate::cmd::extract::extract_found;
use crate::inputs::{self, Input};

/// Analyse news pages: the extracted article plus its language (with confidence),
/// sentences, named entities with all their mentions, quotes with their speakers, every
/// number expression (quantities) and the figures worth tracking (claims) with what they
/// count, who claims them and how they are hedged.
///
/// Inputs and output modes are those of `storyline extract`: one input prints one pretty
/// JSON object; several inputs (or --jsonl) one object per line in input order, each with
/// `input`. Offsets (`start`, `end`) are Unicode code-point offsets into the `text` field,
/// half-open. With --text the input is taken as the article's plain text, unchanged (no
/// extraction): offsets then point into the input itself. The JSON contract is documented
/// in docs/json.md.
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
    /// Take each input as the article's plain text (any encoding), without extraction.
    #[arg(long)]
    pub text: bool,
    /// Force the language (ISO 639-1: en, fr, de…) instead of detecting it; every stage
    /// then uses it. For short texts and evaluations.
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<String>,
    /// The outlet that published the text: the claimant of figures the text does not
    /// attribute (default: the extracted outlet; none with --text).
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
}

fn parse_lang(s: &str) -> Result<String, String> {
    let code = s.trim().to_ascii_lowercase();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(code)
    } else {
        Err(format!(
            "{s:?} is not an ISO 639-1 code (two letters, e.g. en, fr, de)"
        ))
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = inputs::expand(&args.paths);
    batch::check_url(args.url.as_deref(), inputs.len())?;
    let limits = Limits::default();
    let options = Options {
        lang: args.lang.clone(),
        outlet: args.outlet.clone(),
    };
    batch::run(&inputs, args.jsonl, "pages", |input| {
        let article = if args.text {
            text_article(input, args.url.as_deref(), &limits)?
        } else {
            extract_found(input, args.url.as_deref(), &limits)?
        };
        let annotated = storyline_analyse::annotate(article, &options);
        Ok(serde_json::to_value(&annotated).map_err(|e| e.to_string())?)
    })
}

/// An article whose `text` is the input, decoded but otherwise unchanged; its paragraphs
/// are the blocks between blank lines.
fn text_article(input: &Input, url: Option<&str>, limits: &Limits) -> Result<Article, String> {
    let bytes = input
        .read(limits.max_page_bytes)
        .map_err(|e| e.to_string())?;
    let decoded =
        storyline_extract::decode::decode(&bytes, None, limits).map_err(|e| e.to_string())?;
    let text = decoded
        .text
        .strip_prefix('\u{feff}')
        .unwrap_or(&decoded.text)
        .to_string();
    let paragraphs = text
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    Ok(Article {
        url: url.map(str::to_string),
        input: Some(input.name()),
        paragraphs,
        text,
        ..Article::default()
    })
}
