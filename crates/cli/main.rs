//! `storyline`: the command-line front of storyline. Thin glue: every command parses
//! its arguments, calls a library crate, and prints.

mod batch;
mod cmd;
mod inputs;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// storyline — a self-hosted news-intelligence engine.
///
/// Pages in (HTML in any encoding, gzip, plain-text page dumps), clean articles out, then
/// analysed: language, sentences, entities, quotes with speakers, quantities and claims;
/// archived in a store (SQLite + a full-text index) that groups them into stories across
/// outlets, languages and months, with copies folded and a ledger of each figure.
#[derive(Debug, Parser)]
#[command(name = "storyline", version, about, long_about = None, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Printed under every `--help`.
pub(crate) const EXIT_CODES: &str = "\
Exit codes:
  0  every input succeeded
  1  some inputs failed (each failure is printed as `storyline: INPUT: REASON`, then a summary)
  2  usage error (unknown option, --url with several inputs, an invalid --url)";

#[derive(Debug, Subcommand)]
enum Command {
    Demo(cmd::demo::Args),
    Extract(cmd::extract::Args),
    Analyse(cmd::analyse::Args),
    Eval(cmd::eval::Args),
    Ingest(cmd::ingest::Args),
    Search(cmd::search::Args),
    Serve(cmd::serve::Args),
    Export(cmd::export::Args),
    Stats(cmd::stats::Args),
    Stories(cmd::stories::StoriesArgs),
    Story(cmd::stories::StoryArgs),
    Trends(cmd::stories::TrendsArgs),
    Day(cmd::stories::DayArgs),
    Feeds(cmd::feeds::Args),
    Watch(cmd::watch::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo(args) => cmd::demo::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Analyse(args) => cmd::analyse::run(args),
        Command::Eval(args) => cmd::eval::run(args),
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Search(args) => cmd::search::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Stats(args) => cmd::stats::run(args),
        Command::Stories(args) => cmd::stories::run_stories(args),
        Command::Story(args) => cmd::stories::run_story(args),
        Command::Trends(args) => cmd::stories::run_trends(args),
        Command::Day(args) => cmd::stories::run_day(args),
        Command::Feeds(args) => cmd::feeds::run(args),
        Command::Watch(args) => cmd::watch::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("storyline: {err:#}");
            ExitCode::from(2)
        }
    }
}
