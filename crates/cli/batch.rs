//! The batch loop shared by commands that turn inputs into JSON objects: inputs are
//! processed in parallel (rayon) in chunks, written in input order, failures reported as
//! they happen and summarised at the end.

use std::io::Write;
use std::process::ExitCode;

use rayon::prelude::*;

use crate::inputs::Input;
use crate::output::{self, Failures};

/// Why one input gave no object: the one-line reason, and what the input still told
/// (a page with no article keeps its title, dates and outlet), written beside the reason
/// as `found` in JSON Lines.
#[derive(Debug)]
pub struct Failed {
    pub reason: String,
    pub found: Option<serde_json::Value>,
}

impl From<String> for Failed {
    fn from(reason: String) -> Self {
        Failed {
            reason,
            found: None,
        }
    }
}

/// How many inputs are processed in parallel before their output is written, in order.
const CHUNK: usize = 256;

/// Runs `each` over `inputs` and prints one JSON object per input: pretty-printed when
/// there is one input and `jsonl` is false, else one line each (failures as
/// `{"input", "error"}` lines, with `found` when the failure kept something). Exit code 1
/// when any input failed.
pub fn run(
    inputs: &[Result<Input, (String, String)>],
    jsonl: bool,
    what: &str,
    each: impl Fn(&Input) -> Result<serde_json::Value, Failed> + Sync,
) -> anyhow::Result<ExitCode> {
    let jsonl = jsonl || inputs.len() > 1;
    let bar = output::progress(inputs.len() as u64, what);
    let mut failures = Failures::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<(String, Result<serde_json::Value, Failed>)> = chunk
            .par_iter()
            .map(|input| match input {
                Ok(input) => (input.name(), each(input)),
                Err((name, reason)) => (name.clone(), Err(Failed::from(reason.clone()))),
            })
            .collect();
        for (name, result) in results {
            bar.inc(1);
            match result {
                Ok(value) if jsonl => writeln!(out, "{}", serde_json::to_string(&value)?)?,
                Ok(value) => writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?,
                Err(Failed { reason, found }) => {
                    if jsonl {
                        let mut obj = serde_json::json!({ "input": name, "error": reason });
                        if let Some(found) = found {
                            obj["found"] = found;
                        }
                        writeln!(out, "{obj}")?;
                    }
                    failures.push(&bar, name, reason);
                }
            }
        }
        out.flush()?;
    }
    bar.finish_and_clear();
    failures.summarise(inputs.len());
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Checks `--url`: a single input and a valid absolute address.
pub fn check_url(url: Option<&str>, inputs: usize) -> anyhow::Result<()> {
    let Some(u) = url else { return Ok(()) };
    if inputs > 1 {
        anyhow::bail!("--url applies to a single input, but {inputs} were given");
    }
    url::Url::parse(u).map_err(|e| anyhow::anyhow!("--url {u}: {e}"))?;
    Ok(())
}
