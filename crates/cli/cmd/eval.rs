//! `storyline eval`: score storyline (and its peers) on the labelled sets in `../shared/bench`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use storyline_eval::extraction::report::{self, Report, Subset, SystemFigures, SystemInfo};
use storyline_eval::extraction::{self, Prediction, TruthPage, metrics};
use storyline_eval::rusage;

use crate::output;

/// Exit codes of `storyline eval`.
const EVAL_EXIT_CODES: &str = "\
Exit codes:
  0  scored (or the bench is absent: a message says so and nothing is scored)
  2  usage error, or the bench, a saved peer run or the peer could not be read";

/// Score storyline against labelled data in ../shared/bench, side by side with its peers.
#[derive(Debug, clap::Args)]
#[command(after_help = EVAL_EXIT_CODES)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

/// What to evaluate.
#[derive(Debug, clap::Subcommand)]
pub enum What {
    Extraction(ExtractionArgs),
    Numbers(super::eval_numbers::NumbersArgs),
    Quotes(super::eval_quotes::QuotesArgs),
    Stories(super::eval_stories::StoriesArgs),
}

/// Peers that can run beside storyline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Peer {
    /// trafilatura 2.0.0 (Python), via ../shared/peers/trafilatura/run.
    Trafilatura,
}

/// Main-text extraction: storyline and trafilatura on the WCXB dev pages, side by side.
///
/// WCXB by Murrough Foley, CC-BY-4.0 (github.com/Murrough-Foley/web-content-extraction-benchmark).
/// Both systems are scored by the same functions in the same run. Shingle F1 (the ScrapingHub article-extraction-benchmark metric: 4-token windows of
/// `\w+` tokens), bag-of-words F1 (the WCXB metric), exact match, empty predictions,
/// title and date accuracy, `with`/`without` snippet rates, pages/s and MB/s on one
/// core (only the extractor call is timed, pages one after another), peak memory.
/// Subsets: `article` (the headline) and all pages. Metrics: ../shared/bench/extraction/README.md.
#[derive(Debug, clap::Args)]
#[command(after_help = EVAL_EXIT_CODES)]
pub struct ExtractionArgs {
    /// The bench folder (holding truth.jsonl and html/). Default: ../shared/bench/extraction,
    /// else `shared/bench/extraction` beside the nearest ancestor of the current folder or
    /// of this executable; when none exists, a message is printed and the exit code is 0.
    #[arg(long, value_name = "DIR")]
    pub bench: Option<PathBuf>,
    /// Run this peer beside storyline (default: trafilatura, when its runner exists).
    #[arg(long, value_enum, conflicts_with = "no_peer")]
    pub peer: Option<Peer>,
    /// Score storyline only.
    #[arg(long)]
    pub no_peer: bool,
    /// Reuse a saved peer run (JSON Lines {id, title, date, text, seconds}) instead of
    /// running the peer.
    #[arg(long, value_name = "FILE", conflicts_with = "no_peer")]
    pub peer_output: Option<PathBuf>,
    /// Save the peer's JSON Lines output to FILE, for a later --peer-output.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["no_peer", "peer_output"])]
    pub save_peer_output: Option<PathBuf>,
    /// Pass each page's URL from the truth file to storyline and to the peer (off by
    /// default, as in the ScrapingHub benchmark's trafilatura run).
    #[arg(long)]
    pub with_url: bool,
    /// Only the first N pages (in truth-file order, after --type).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Only pages of this type (article, service, product, collection, forum, listing,
    /// documentation).
    #[arg(long = "type", value_name = "TYPE")]
    pub page_type: Option<String>,
    /// Also report each page type on its own.
    #[arg(long)]
    pub by_type: bool,
    /// List the N pages where storyline's shingle F1 is lowest, with id and URL.
    #[arg(long, value_name = "N")]
    pub worst: Option<usize>,
    /// List the N pages where storyline's shingle F1 trails the peer's most.
    #[arg(long, value_name = "N")]
    pub behind: Option<usize>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write every page's scores to FILE as JSON Lines (id, url, type, HTML bytes, and
    /// per system: shingle P/R/F1, bag-of-words F1, title/date right, seconds, error), to
    /// compare two runs page by page.
    #[arg(long, value_name = "FILE")]
    pub pages_out: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Extraction(a) => run_extraction(a),
        What::Numbers(a) => super::eval_numbers::run(a),
        What::Quotes(a) => super::eval_quotes::run(a),
        What::Stories(a) => super::eval_stories::run(a),
    }
}

/// The bench folder: --bench, else ../shared/bench/extraction, else found upward from the
/// current folder or the executable.
fn locate_bench(explicit: Option<&Path>) -> anyhow::Result<Option<PathBuf>> {
    if let Some(dir) = explicit {
        if dir.join("truth.jsonl").is_file() {
            return Ok(Some(dir.to_path_buf()));
        }
        anyhow::bail!("--bench {}: no truth.jsonl there", dir.display());
    }
    let default = Path::new("../shared").join(extraction::BENCH_SUBDIR);
    if default.join("truth.jsonl").is_file() {
        return Ok(Some(default));
    }
    let from_cwd = std::env::current_dir()
        .ok()
        .and_then(|d| extraction::find_bench(&d));
    let from_exe = || {
        std::env::current_exe()
            .ok()
            .and_then(|e| e.parent().and_then(extraction::find_bench))
    };
    Ok(from_cwd.or_else(from_exe))
}

fn run_extraction(args: ExtractionArgs) -> anyhow::Result<ExitCode> {
    let Some(bench) = locate_bench(args.bench.as_deref())? else {
        println!("../shared/bench/extraction not found: skipping");
        return Ok(ExitCode::SUCCESS);
    };
    let all_truth = extraction::load_truth(&bench.join("truth.jsonl"))?;
    let all_count = all_truth.len();
    let mut pages: Vec<TruthPage> = all_truth
        .into_iter()
        .filter(|p| args.page_type.as_deref().is_none_or(|t| p.page_type == t))
        .collect();
    if let Some(n) = args.limit {
        pages.truncate(n);
    }
    if pages.is_empty() {
        anyhow::bail!("no pages to score in {}", bench.display());
    }

    // storyline first, alone, so its peak memory is not the peer's output.
    let bar = output::progress(pages.len() as u64, "pages");
    let ours = extraction::run_storyline(&bench, &pages, args.with_url, |_| bar.inc(1));
    bar.finish_and_clear();
    let our_rss = rusage::self_peak_rss_kib();

    let peer = load_peer(&args, &bench, &pages, all_count)?;

    let our_preds: Vec<&Prediction> = ours.predictions.iter().collect();
    let our_scores = extraction::score(&pages, &our_preds);
    let empty = Prediction::default();
    let mut systems = vec![SystemInfo {
        system: "storyline".into(),
        peak_rss_kib: our_rss,
        note: format!(
            "storyline_extract::extract, one thread, {}",
            if args.with_url { "with URL" } else { "no URL" }
        ),
    }];
    let mut peer_scored: Option<(Vec<&Prediction>, Vec<metrics::PageScore>)> = None;
    if let Some(run) = &peer {
        let preds: Vec<&Prediction> = pages
            .iter()
            .map(|p| run.predictions.get(&p.id).unwrap_or(&empty))
            .collect();
        let missing = pages
            .iter()
            .filter(|p| !run.predictions.contains_key(&p.id))
            .count();
        if missing > 0 {
            eprintln!(
                "storyline: eval: the peer output lacks {missing} of {} pages (scored as empty)",
                pages.len()
            );
        }
        let scores = extraction::score(&pages, &preds);
        systems.push(SystemInfo {
            system: "trafilatura".into(),
            peak_rss_kib: run.peak_rss_kib,
            note: run.note.clone(),
        });
        peer_scored = Some((preds, scores));
    }

    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let articles: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].page_type == "article")
        .collect();
    if !articles.is_empty() && articles.len() < pages.len() {
        groups.push(("article".into(), articles));
    }
    let all_name = match &args.page_type {
        Some(t) => t.clone(),
        None => "all".into(),
    };
    groups.push((all_name, (0..pages.len()).collect()));
    if args.by_type {
        let mut types: Vec<&str> = pages.iter().map(|p| p.page_type.as_str()).collect();
        types.sort_unstable();
        types.dedup();
        if types.len() > 1 {
            // `article` is already a subset of its own.
            for t in types.into_iter().filter(|&t| t != "article") {
                let idx = (0..pages.len())
                    .filter(|&i| pages[i].page_type == t)
                    .collect();
                groups.push((format!("type {t}"), idx));
            }
        }
    }
    let subsets = groups
        .into_iter()
        .map(|(name, idx)| {
            let mut systems = vec![SystemFigures {
                system: "storyline".into(),
                figures: report::figures(&idx, &our_scores, &our_preds, &ours.html_bytes),
            }];
            if let Some((preds, scores)) = &peer_scored {
                systems.push(SystemFigures {
                    system: "trafilatura".into(),
                    figures: report::figures(&idx, scores, preds, &ours.html_bytes),
                });
            }
            Subset {
                name,
                pages: idx.len(),
                systems,
            }
        })
        .collect();
    if let Some(file) = &args.pages_out {
        write_pages(
            file,
            &pages,
            &ours.html_bytes,
            &our_preds,
            &our_scores,
            peer_scored
                .as_ref()
                .map(|(p, s)| (p.as_slice(), s.as_slice())),
        )
        .map_err(|e| anyhow::anyhow!("--pages-out {}: {e}", file.display()))?;
    }
    let worst = match args.worst {
        Some(n) => report::worst_pages(
            &pages,
            &our_scores,
            &our_preds,
            peer_scored.as_ref().map(|(_, s)| s.as_slice()),
            n,
        ),
        None => Vec::new(),
    };
    let behind = match (args.behind, &peer_scored) {
        (Some(n), Some((_, peer))) => report::behind_peer(&pages, &our_scores, &our_preds, peer, n),
        _ => Vec::new(),
    };
    let report = Report {
        bench: bench.display().to_string(),
        with_url: args.with_url,
        bootstrap: (metrics::BOOTSTRAP_ROUNDS, metrics::BOOTSTRAP_SEED),
        systems,
        subsets,
        worst,
        behind,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "# Extraction: {} ({} pages; WCXB by Murrough Foley, CC-BY-4.0)",
            report.bench,
            pages.len()
        );
        for s in &report.systems {
            println!("- {}: {}", s.system, s.note);
        }
        print!("{}", report::render(&report));
        println!(
            "\nshingle F1 = harmonic mean of mean page P (non-empty predictions) and mean page R \
             (non-empty truths), ± bootstrap sd ({} resamples, fixed seed); ratio = storyline / peer.",
            metrics::BOOTSTRAP_ROUNDS
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// One JSON object per page with each system's page scores.
fn write_pages(
    file: &Path,
    pages: &[TruthPage],
    sizes: &[usize],
    ours: &[&Prediction],
    our_scores: &[metrics::PageScore],
    peer: Option<(&[&Prediction], &[metrics::PageScore])>,
) -> std::io::Result<()> {
    use std::io::Write;
    let system = |p: Option<&&Prediction>, s: Option<&metrics::PageScore>| match (p, s) {
        (Some(p), Some(s)) => serde_json::json!({
            "precision": s.precision,
            "recall": s.recall,
            "f1": s.f1(),
            "bow_f1": s.bow_f1,
            "empty": s.predicted_empty,
            "exact": s.exact,
            "title_ok": s.title_ok,
            "date_ok": s.date_ok,
            "with": [s.with_found, s.with_total],
            "without": [s.without_found, s.without_total],
            "seconds": p.seconds,
            "error": p.error,
        }),
        _ => serde_json::Value::Null,
    };
    let mut out = std::io::BufWriter::new(std::fs::File::create(file)?);
    for (i, t) in pages.iter().enumerate() {
        let mut row = serde_json::json!({
            "id": t.id,
            "url": t.url,
            "page_type": t.page_type,
            "html_bytes": sizes.get(i),
            "storyline": system(ours.get(i), our_scores.get(i)),
        });
        if let Some((preds, scores)) = peer {
            row["trafilatura"] = system(preds.get(i), scores.get(i));
        }
        writeln!(out, "{row}")?;
    }
    out.flush()
}

/// A peer run to compare with: from --peer-output, by running the peer, or none.
struct PeerResult {
    predictions: std::collections::HashMap<String, Prediction>,
    peak_rss_kib: Option<u64>,
    note: String,
}

fn load_peer(
    args: &ExtractionArgs,
    bench: &Path,
    pages: &[TruthPage],
    all_count: usize,
) -> anyhow::Result<Option<PeerResult>> {
    if args.no_peer {
        return Ok(None);
    }
    if let Some(file) = &args.peer_output {
        let text = std::fs::read_to_string(file)
            .map_err(|e| anyhow::anyhow!("--peer-output {}: {e}", file.display()))?;
        let predictions = extraction::parse_peer_output(&text, &file.display().to_string())?;
        return Ok(Some(PeerResult {
            predictions,
            peak_rss_kib: None,
            note: format!("saved run {}", file.display()),
        }));
    }
    let Some(runner) =
        extraction::peer_runner(bench).map(|r| std::fs::canonicalize(&r).unwrap_or(r))
    else {
        if args.peer.is_some() {
            anyhow::bail!(
                "--peer trafilatura: no runner at {}",
                bench.join("../../peers/trafilatura/run").display()
            );
        }
        eprintln!("storyline: eval: no peer runner beside the bench; scoring storyline only");
        return Ok(None);
    };
    eprintln!(
        "storyline: eval: running {} on {} pages (one core; the first run builds its venv)…",
        runner.display(),
        pages.len()
    );
    let run = extraction::run_peer(&runner, bench, pages, all_count, args.with_url)?;
    if !run.summary.is_empty() {
        eprintln!("{}", run.summary);
    }
    if let Some(file) = &args.save_peer_output {
        std::fs::write(file, &run.raw)
            .map_err(|e| anyhow::anyhow!("--save-peer-output {}: {e}", file.display()))?;
    }
    Ok(Some(PeerResult {
        predictions: run.predictions,
        peak_rss_kib: run.peak_rss_kib,
        note: format!(
            "trafilatura 2.0.0 via {} ({}), one process, one page at a time",
            runner.display(),
            if args.with_url { "with URL" } else { "no URL" }
        ),
    }))
}
