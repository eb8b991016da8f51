//! `storyline eval stories`: online story clustering on ECB+ and BASIL.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use storyline_eval::stories::{self, Order};

/// Which set to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SetArg {
    /// ECB+ topics 1–35: each topic mixes two events of one kind.
    Ecbplus,
    /// BASIL 2010–2014: events covered by Fox News, the New York Times and HuffPost.
    Basil,
    /// Both.
    All,
}

/// Stories: group a labelled set one article at a time and score it.
///
/// Each document becomes an article from its title, text, date, URL and outlet only (the
/// gold `event`/`topic`/`subtopic` fields are never given to the engine), is analysed
/// (`storyline_analyse::annotate`), and is fed one at a time into an empty story index
/// with the default configuration (the same for every set). Order: by date when every
/// document of the set is dated (BASIL), else file order (ECB+); `--shuffle` uses a
/// seeded permutation instead. Prints pairwise and BCubed P/R/F1, the TF-IDF
/// baselines and the grouping stage's documents/s (one core). Metrics:
/// ../shared/bench/clustering/README.md.
#[derive(Debug, clap::Args)]
pub struct StoriesArgs {
    /// The set to score.
    #[arg(long, value_enum, default_value = "all")]
    pub set: SetArg,
    /// The clustering bench folder. Default: ../shared/bench/clustering; when absent, a
    /// message is printed and the exit code is 0.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Feed the documents in a seeded random order instead.
    #[arg(long, value_name = "SEED")]
    pub shuffle: Option<u64>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: StoriesArgs) -> anyhow::Result<ExitCode> {
    let dir = match &args.data {
        Some(d) => d.clone(),
        None => Path::new("../shared/bench/clustering").to_path_buf(),
    };
    let wanted: Vec<&(&str, &str)> = stories::SETS
        .iter()
        .filter(|(name, _)| match args.set {
            SetArg::All => true,
            SetArg::Ecbplus => *name == "ecbplus",
            SetArg::Basil => *name == "basil",
        })
        .collect();
    let present: Vec<&(&str, &str)> = wanted
        .iter()
        .copied()
        .filter(|(_, file)| dir.join(file).is_file())
        .collect();
    if present.is_empty() {
        if args.data.is_some() {
            anyhow::bail!("--data {}: no clustering set there", dir.display());
        }
        println!("{} not found: skipping", dir.display());
        return Ok(ExitCode::SUCCESS);
    }
    let order = args.shuffle.map_or(Order::DateOrFile, Order::Shuffled);
    let config = storyline_group::Config::default();
    let mut reports = Vec::new();
    for (name, file) in present {
        let docs = stories::load(&dir.join(file)).map_err(|e| anyhow::anyhow!(e))?;
        reports.push(stories::run_set(name, &docs, order, &config));
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&reports)?);
    } else {
        println!("# Stories: {}", dir.display());
        print!("{}", stories::render(&reports));
    }
    Ok(ExitCode::SUCCESS)
}
