//! `storyline eval`: score storyline (and its peers) on the labelled sets in `../shared/bench`.

use std::process::ExitCode;

/// Score storyline against labelled data in ../shared/bench, side by side with its peers.
#[derive(Debug, clap::Args)]
#[command(after_help = crate::EXIT_CODES)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("eval: not built yet")
}
