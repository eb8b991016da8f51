//! Main-text extraction scoring on `../shared/bench/extraction` (WCXB dev split, by
//! Murrough Foley, CC-BY-4.0): storyline's extractor and a peer (trafilatura) scored by
//! the same functions in the same run.
//!
//! - [`load_truth`] reads `truth.jsonl`; [`find_bench`] locates the bench.
//! - [`run_storyline`] extracts every page, one after another on one thread, timing only
//!   the extractor call.
//! - [`run_peer`] / [`parse_peer_output`] run or read the trafilatura peer's JSON Lines.
//! - [`score`] scores a system's predictions; [`report::Report`] puts systems side by side.
//! - The metrics themselves are in [`metrics`].

pub mod metrics;
pub mod report;

#[cfg(test)]
mod bench_test;

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde::Deserialize;
use storyline_core::Page;
use storyline_extract::ExtractError;
use thiserror::Error;

use metrics::{Expected, PageScore, Predicted};

/// The bench folder below a `shared/` folder.
pub const BENCH_SUBDIR: &str = "bench/extraction";

/// Why an extraction evaluation could not run.
#[derive(Debug, Error)]
pub enum EvalError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of a JSON Lines file did not parse.
    #[error("{path}:{line}: {source}")]
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
    /// The peer runner failed.
    #[error("peer {peer}: {reason}")]
    Peer {
        /// The peer's name.
        peer: String,
        /// What went wrong.
        reason: String,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> EvalError + '_ {
    move |source| EvalError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// One labelled page of `truth.jsonl`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct TruthPage {
    /// Page id; the page is `html/<id>.html.gz`.
    pub id: String,
    /// Original URL.
    pub url: Option<String>,
    /// `article`, `service`, `product`, `collection`, `forum`, `listing` or `documentation`.
    pub page_type: String,
    /// Title.
    pub title: Option<String>,
    /// Author(s) as one string.
    pub author: Option<String>,
    /// Publication date, usually `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The ground-truth main text.
    pub text: String,
    /// Snippets a correct extraction contains.
    pub with: Vec<String>,
    /// Boilerplate snippets a correct extraction leaves out.
    pub without: Vec<String>,
}

impl TruthPage {
    /// The truth as the metrics see it.
    pub fn expected(&self) -> Expected<'_> {
        Expected {
            text: &self.text,
            title: self.title.as_deref(),
            date: self.date.as_deref(),
            with: &self.with,
            without: &self.without,
        }
    }
}

/// Reads a `truth.jsonl` (blank lines skipped).
pub fn load_truth(path: &Path) -> Result<Vec<TruthPage>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(io_err(path))?;
    parse_jsonl(&text, &path.display().to_string())
}

fn parse_jsonl<T: for<'de> Deserialize<'de>>(text: &str, name: &str) -> Result<Vec<T>, EvalError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|source| EvalError::Json {
                path: name.to_string(),
                line: i + 1,
                source,
            })
        })
        .collect()
}

/// The bench folder: `shared/bench/extraction` found beside `start` or beside one of its
/// ancestors (`<ancestor>/shared/…` or `<ancestor>/../shared/…`), whichever is nearest.
pub fn find_bench(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        for cand in [
            dir.join("shared").join(BENCH_SUBDIR),
            dir.join("../shared").join(BENCH_SUBDIR),
        ] {
            if cand.join("truth.jsonl").is_file() {
                return Some(cand);
            }
        }
    }
    None
}

/// The trafilatura runner beside a bench folder (`<shared>/peers/trafilatura/run`), if present.
pub fn peer_runner(bench: &Path) -> Option<PathBuf> {
    let run = bench.join("../../peers/trafilatura/run");
    run.is_file().then_some(run)
}

/// One system's output for one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prediction {
    /// Main text ("" when the system found none).
    pub text: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// Seconds inside the extractor for this page.
    pub seconds: f64,
    /// The error the system reported, if any (a "no article" is not an error).
    pub error: Option<String>,
}

/// Reads and gunzips `html/<id>.html.gz` (or `html/<id>.html`) below the bench folder.
pub fn read_page(bench: &Path, id: &str) -> Result<Vec<u8>, EvalError> {
    let html = bench.join("html");
    let gz = html.join(format!("{id}.html.gz"));
    if gz.is_file() {
        let file = std::fs::File::open(&gz).map_err(io_err(&gz))?;
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut out)
            .map_err(io_err(&gz))?;
        Ok(out)
    } else {
        let plain = html.join(format!("{id}.html"));
        std::fs::read(&plain).map_err(io_err(&plain))
    }
}

/// storyline's predictions with the HTML size of each page, in `pages` order.
#[derive(Debug, Clone, Default)]
pub struct StorylineRun {
    /// One prediction per page.
    pub predictions: Vec<Prediction>,
    /// Uncompressed HTML bytes per page (0 when the file could not be read).
    pub html_bytes: Vec<usize>,
}

/// Runs storyline's extractor over `pages`, one after another on this thread. Reading and
/// gunzipping happen outside the timer; only `storyline_extract::extract` is timed. A
/// "no article" result is an empty prediction; an unreadable file is an empty prediction
/// with an error. `on_page` is called after each page (for progress).
pub fn run_storyline(
    bench: &Path,
    pages: &[TruthPage],
    with_url: bool,
    mut on_page: impl FnMut(usize),
) -> StorylineRun {
    let mut run = StorylineRun::default();
    for (i, truth) in pages.iter().enumerate() {
        let (prediction, size) = match read_page(bench, &truth.id) {
            Ok(bytes) => {
                let size = bytes.len();
                let mut page = Page::new(bytes);
                if with_url && let Some(u) = &truth.url {
                    page = page.with_url(u.clone());
                }
                let t0 = Instant::now();
                let result = storyline_extract::extract(&page);
                let seconds = t0.elapsed().as_secs_f64();
                let prediction = match result {
                    Ok(a) => Prediction {
                        text: a.text,
                        title: a.title,
                        date: a.published,
                        seconds,
                        error: None,
                    },
                    // No text, but the page's title and date as storyline reports them.
                    Err(ExtractError::NoArticle { found, .. }) => Prediction {
                        title: found.title,
                        date: found.published,
                        seconds,
                        ..Prediction::default()
                    },
                    Err(e) => Prediction {
                        seconds,
                        error: Some(e.to_string()),
                        ..Prediction::default()
                    },
                };
                (prediction, size)
            }
            Err(e) => (
                Prediction {
                    error: Some(e.to_string()),
                    ..Prediction::default()
                },
                0,
            ),
        };
        run.predictions.push(prediction);
        run.html_bytes.push(size);
        on_page(i + 1);
    }
    run
}

/// One line of the peer runner's output.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct PeerLine {
    id: String,
    title: Option<String>,
    date: Option<String>,
    text: Option<String>,
    seconds: f64,
    error: Option<String>,
}

/// Parses a peer's JSON Lines (`{id, title, date, text, seconds[, error]}`) into
/// predictions by id.
pub fn parse_peer_output(text: &str, name: &str) -> Result<HashMap<String, Prediction>, EvalError> {
    let lines: Vec<PeerLine> = parse_jsonl(text, name)?;
    Ok(lines
        .into_iter()
        .map(|l| {
            (
                l.id,
                Prediction {
                    text: l.text.unwrap_or_default(),
                    title: l.title,
                    date: l.date,
                    seconds: l.seconds,
                    error: l.error,
                },
            )
        })
        .collect())
}

/// A finished peer run.
#[derive(Debug, Clone, Default)]
pub struct PeerRun {
    /// Predictions by page id.
    pub predictions: HashMap<String, Prediction>,
    /// The runner's stderr summary line(s).
    pub summary: String,
    /// The runner's raw JSON Lines output (to save for `--peer-output`).
    pub raw: String,
    /// Peak resident memory of the peer process, in KiB, when known.
    pub peak_rss_kib: Option<u64>,
}

/// Runs `runner` (the trafilatura peer's `run`) on the given pages of `bench` and reads its
/// output. When `pages` is a strict subset of the bench's truth, a temporary folder with
/// the subset's `truth.jsonl` and a link to the bench's `html/` is given to the runner.
/// Peak memory is read from `getrusage(RUSAGE_CHILDREN)` after the runner exits.
pub fn run_peer(
    runner: &Path,
    bench: &Path,
    pages: &[TruthPage],
    all_pages: usize,
    with_url: bool,
) -> Result<PeerRun, EvalError> {
    let peer_err = |reason: String| EvalError::Peer {
        peer: "trafilatura".into(),
        reason,
    };
    let mut temp = None;
    let truth = if pages.len() == all_pages {
        bench.join("truth.jsonl")
    } else {
        static RUNS: AtomicUsize = AtomicUsize::new(0);
        let n = RUNS.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("storyline-eval-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).map_err(io_err(&dir))?;
        temp = Some(TempDir(dir.clone()));
        let link = dir.join("html");
        let target =
            std::fs::canonicalize(bench.join("html")).map_err(io_err(&bench.join("html")))?;
        if !link.exists() {
            std::os::unix::fs::symlink(&target, &link).map_err(io_err(&link))?;
        }
        let mut lines = String::new();
        for p in pages {
            let row = serde_json::json!({ "id": p.id, "url": p.url });
            lines.push_str(&row.to_string());
            lines.push('\n');
        }
        let path = dir.join("truth.jsonl");
        std::fs::write(&path, lines).map_err(io_err(&path))?;
        path
    };
    let mut cmd = Command::new(runner);
    if with_url {
        cmd.arg("--with-url");
    }
    cmd.arg(&truth)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let out = cmd
        .output()
        .map_err(|e| peer_err(format!("{}: {e}", runner.display())))?;
    let peak_rss_kib = crate::rusage::children_peak_rss_kib();
    drop(temp);
    let summary = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if !out.status.success() {
        let tail: Vec<&str> = summary.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(peer_err(format!("{} ({})", out.status, tail.join(" / "))));
    }
    let raw = String::from_utf8_lossy(&out.stdout).into_owned();
    let predictions = parse_peer_output(&raw, "trafilatura output")?;
    Ok(PeerRun {
        predictions,
        summary,
        raw,
        peak_rss_kib,
    })
}

/// Removes a temporary folder when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Scores predictions (in `pages` order) against the truth.
pub fn score(pages: &[TruthPage], predictions: &[&Prediction]) -> Vec<PageScore> {
    pages
        .iter()
        .zip(predictions)
        .map(|(t, p)| {
            metrics::score_page(
                &Predicted {
                    text: &p.text,
                    title: p.title.as_deref(),
                    date: p.date.as_deref(),
                },
                &t.expected(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truth_lines_parse_with_nulls_and_extra_fields() {
        let text = r#"{"id":"0001","url":null,"page_type":"article","tags":["x"],"title":"T","date":null,"text":"a b","with":["a"],"without":[]}

{"id":"0002","page_type":"forum","text":""}"#;
        let pages: Vec<TruthPage> = parse_jsonl(text, "t").unwrap_or_default();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].title.as_deref(), Some("T"));
        assert_eq!(pages[0].with, ["a"]);
        assert_eq!(pages[1].page_type, "forum");
        assert!(pages[1].url.is_none());
    }

    #[test]
    fn bad_json_names_the_line() {
        let err = parse_jsonl::<TruthPage>("{}\n{oops", "f.jsonl").err();
        assert!(matches!(err, Some(EvalError::Json { line: 2, .. })));
    }

    #[test]
    fn peer_output_parses_errors_and_null_text() {
        let text = r#"{"id":"1","title":"T","date":"2024-01-02","text":"x y","seconds":0.5}
{"id":"2","title":null,"date":null,"text":null,"seconds":0.1,"error":"ValueError: x"}"#;
        let map = parse_peer_output(text, "peer").unwrap_or_default();
        assert_eq!(map.len(), 2);
        assert_eq!(map["1"].text, "x y");
        assert_eq!(map["1"].date.as_deref(), Some("2024-01-02"));
        assert_eq!(map["2"].text, "");
        assert_eq!(map["2"].error.as_deref(), Some("ValueError: x"));
    }

    /// A fake peer runner: records its arguments and whether its truth file's `html/`
    /// exists, prints one JSON line, and exits with `code`.
    fn fake_runner(dir: &Path, code: i32) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let script = dir.join(format!("run{code}"));
        let body = format!(
            "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\" >> \"{log}\"; done\n\
             for a in \"$@\"; do [ -f \"$a\" ] && [ -d \"$(dirname \"$a\")/html\" ] && echo html-ok >> \"{log}\"; done\n\
             echo '{{\"id\":\"1\",\"title\":\"T\",\"date\":null,\"text\":\"a b\",\"seconds\":0.25}}'\n\
             echo 'summary line' >&2\nexit {code}\n",
            log = dir.join("args.log").display()
        );
        let written = std::fs::write(&script, body).and_then(|_| {
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
        });
        assert!(written.is_ok());
        script
    }

    #[test]
    fn peer_runs_on_a_subset_and_failures_are_errors() {
        let dir = std::env::temp_dir().join(format!("storyline-eval-peer-{}", std::process::id()));
        let bench = dir.join("bench");
        assert!(std::fs::create_dir_all(bench.join("html")).is_ok());
        let pages = vec![
            TruthPage {
                id: "1".into(),
                ..TruthPage::default()
            },
            TruthPage {
                id: "2".into(),
                ..TruthPage::default()
            },
        ];
        let ok = fake_runner(&dir, 0);
        let run = run_peer(&ok, &bench, &pages[..1], 2, true);
        let run = match run {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(run.predictions.len(), 1);
        assert_eq!(run.predictions["1"].text, "a b");
        assert_eq!(run.predictions["1"].seconds, 0.25);
        assert_eq!(run.summary, "summary line");
        let log = std::fs::read_to_string(dir.join("args.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        assert_eq!(lines.first(), Some(&"--with-url"));
        // The subset's truth file was a temporary one, with html/ linked beside it.
        assert!(lines.get(1).is_some_and(
            |p| p.ends_with("truth.jsonl") && !p.starts_with(&*bench.to_string_lossy())
        ));
        assert_eq!(lines.get(2), Some(&"html-ok"));
        let bad = fake_runner(&dir, 3);
        assert!(matches!(
            run_peer(&bad, &bench, &pages, 2, false),
            Err(EvalError::Peer { .. })
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn find_bench_walks_up() {
        let root = std::env::temp_dir().join(format!("storyline-eval-find-{}", std::process::id()));
        let bench = root.join("shared").join(BENCH_SUBDIR);
        let deep = root.join("main/crates/eval");
        let made = std::fs::create_dir_all(&bench)
            .and_then(|_| std::fs::create_dir_all(&deep))
            .and_then(|_| std::fs::write(bench.join("truth.jsonl"), "{}\n"));
        assert!(made.is_ok());
        let found = find_bench(&deep).and_then(|p| std::fs::canonicalize(p).ok());
        assert_eq!(found, std::fs::canonicalize(&bench).ok());
        let _ = std::fs::remove_dir_all(&root);
    }
}
