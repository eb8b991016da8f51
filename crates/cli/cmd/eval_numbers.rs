//! `storyline eval numbers`: the quantity recogniser on the Microsoft Recognizers-Text
//! spec cases, beside the Python Recognizers-Text package's pass rates.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use storyline_eval::numbers;

/// Number recognition: storyline's quantity recogniser on the Recognizers-Text specs.
///
/// Runs every spec case of the Number (numbers, ordinals, percentages, ranges),
/// NumberWithUnit (age, currency, dimension, temperature) and DateTime duration models
/// for the languages storyline reads (English, French, German, Spanish, Italian,
/// Portuguese, Dutch) and prints the pass rate per model and language next to the
/// Python Recognizers-Text package's, read from the bench's pass-rate table. A case
/// passes when we return as many results as the spec expects and each, in order,
/// matches on text, type and resolution value.
#[derive(Debug, clap::Args)]
pub struct NumbersArgs {
    /// The numbers bench folder (holding recognizers-specs/ and the peer's pass rates).
    /// Default: ../shared/bench/numbers; when absent, a message is printed and the exit
    /// code is 0.
    #[arg(long, value_name = "DIR")]
    pub bench: Option<PathBuf>,
    /// Only this recognizer (Number, NumberWithUnit, DateTime) or model (Currency, Age…).
    #[arg(long, value_name = "MODEL")]
    pub only: Option<String>,
    /// Only this spec language folder (English, French, German…).
    #[arg(long, value_name = "LANGUAGE")]
    pub lang: Option<String>,
}

pub fn run(args: NumbersArgs) -> anyhow::Result<ExitCode> {
    let bench = match &args.bench {
        Some(dir) if dir.join("recognizers-specs").is_dir() => dir.clone(),
        Some(dir) => anyhow::bail!("--bench {}: no recognizers-specs/ there", dir.display()),
        None => {
            let default = Path::new("../shared/bench/numbers");
            if !default.join("recognizers-specs").is_dir() {
                println!("../shared/bench/numbers not found: skipping");
                return Ok(ExitCode::SUCCESS);
            }
            default.to_path_buf()
        }
    };
    let report = numbers::run_specs(
        &bench.join("recognizers-specs"),
        args.only.as_deref(),
        args.lang.as_deref(),
    )?;
    let peer = std::fs::read_dir(&bench)?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("recognizers-passrates") && n.ends_with(".txt"))
        })
        .map(|p| numbers::read_peer(&p))
        .transpose()?
        .unwrap_or_default();
    print!("{}", report.table(&peer));
    Ok(ExitCode::SUCCESS)
}
