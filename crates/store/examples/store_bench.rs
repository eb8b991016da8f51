//! Scale tests of the store, run by hand (see docs/BENCHMARKS.md):
//!
//! ```sh
//! # A realistic corpus from our own fixture pages: many outlets, languages, copies, dates.
//! cargo run --release -p storyline-store --example store_bench -- pages 5000 /tmp/corpus/pages
//! cargo run --release -p storyline-store --example store_bench -- jsonl 100000 > /tmp/corpus/100k.jsonl
//! # Search latency over a store (in-process, after one warm-up pass).
//! cargo run --release -p storyline-store --example store_bench -- search /tmp/store
//! ```
//!
//! `pages N DIR` writes N HTML/text pages: each fixture page with its ASCII dates moved
//! (2022–2025), a canonical URL of its own on one of 200 outlet hosts, and (text dumps) a
//! reference line, so that every page is a distinct article. `jsonl N` prints N extracted
//! articles (docs/json.md) built from the fixtures' texts: 500 outlets, 8 languages, dates
//! over four years, each text mixed with a sentence of words drawn from its language's
//! vocabulary so that the index sees a realistic spread of terms.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use storyline_core::{Article, Page};
use storyline_store::{SearchQuery, Store};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pages");
    let res = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["pages", n, dir] => pages(&fixtures, parse(n), Path::new(dir)),
        ["jsonl", n] => jsonl(&fixtures, parse(n)),
        ["search", dir] => search(Path::new(dir), None),
        ["search", dir, queries] => search(Path::new(dir), Some(Path::new(queries))),
        _ => {
            Err("usage: store_bench pages N DIR | jsonl N | search STORE_DIR [QUERIES_FILE]".into())
        }
    };
    if let Err(e) = res {
        eprintln!("store_bench: {e}");
        std::process::exit(2);
    }
}

fn parse(n: &str) -> usize {
    n.replace('_', "").parse().unwrap_or(1000)
}

/// A tiny deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn fixture_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let raw = std::fs::read(&p).map_err(|e| e.to_string())?;
        let bytes = if name.ends_with(".gz") {
            let mut v = Vec::new();
            flate2::read::GzDecoder::new(&raw[..])
                .read_to_end(&mut v)
                .map_err(|e| e.to_string())?;
            v
        } else {
            raw
        };
        out.push((name.trim_end_matches(".gz").to_string(), bytes));
    }
    Ok(out)
}

/// Replaces every `2024-03-DD` (ASCII, in any of our encodings) with the copy's date.
fn move_dates(bytes: &[u8], date: &str) -> Vec<u8> {
    let pat = b"2024-03-";
    let mut out = Vec::with_capacity(bytes.len() + 64);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(pat) && bytes.len() >= i + 10 {
            out.extend_from_slice(date.as_bytes());
            i += 10;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn date_of(rng: &mut Rng) -> String {
    format!(
        "{}-{:02}-{:02}",
        2022 + rng.below(4),
        1 + rng.below(12),
        1 + rng.below(28)
    )
}

fn pages(fixtures: &Path, n: usize, out: &Path) -> Result<(), String> {
    let files = fixture_files(fixtures)?;
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    let mut rng = Rng(0x5eed);
    for i in 0..n {
        let (name, bytes) = &files[i % files.len()];
        let date = date_of(&mut rng);
        let mut page = move_dates(bytes, &date);
        let host = format!("outlet{}.example", rng.below(200));
        if name.ends_with(".html") {
            let link = format!(
                "<link rel=\"canonical\" href=\"https://{host}/{}/{name}-{i}\">",
                date.replace('-', "/")
            );
            if let Some(at) = find(&page, b"<head>") {
                page.splice(at + 6..at + 6, link.into_bytes());
            }
        } else {
            page.extend_from_slice(format!("\n\nRef. {i} ({host}).\n").as_bytes());
        }
        let path = out.join(format!("{i:07}-{name}"));
        std::fs::write(&path, page).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!("{n} pages in {}", out.display());
    Ok(())
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn jsonl(fixtures: &Path, n: usize) -> Result<(), String> {
    let mut articles: Vec<Article> = Vec::new();
    for (name, bytes) in fixture_files(fixtures)? {
        let page = Page::new(bytes).with_input(name);
        if let Ok(a) = storyline_extract::extract(&page) {
            articles.push(a);
        }
    }
    // Each language's vocabulary: the words of its fixture texts.
    let vocab: Vec<Vec<String>> = articles
        .iter()
        .map(|a| {
            let same: Vec<&Article> = articles
                .iter()
                .filter(|b| b.language == a.language)
                .collect();
            let mut words: Vec<String> = same
                .iter()
                .flat_map(|b| b.text.split_whitespace().map(str::to_string))
                .collect();
            words.sort();
            words.dedup();
            words
        })
        .collect();
    let mut rng = Rng(0xc0ffee);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for i in 0..n {
        let k = i % articles.len();
        let mut a = articles[k].clone();
        let date = date_of(&mut rng);
        let outlet = rng.below(500);
        let words = &vocab[k];
        let extra: Vec<&str> = (0..12)
            .map(|_| words[rng.below(words.len())].as_str())
            .collect();
        let mut paragraphs = a.paragraphs.clone();
        let at = rng.below(paragraphs.len() + 1);
        paragraphs.insert(at, format!("{} ({i}).", extra.join(" ")));
        a.set_paragraphs(paragraphs);
        a.url = Some(format!(
            "https://outlet{outlet}.example/{}/story-{i}",
            date.replace('-', "/")
        ));
        a.canonical_url = None;
        a.outlet = Some(format!(
            "{} {outlet}",
            a.outlet.as_deref().unwrap_or("Outlet")
        ));
        a.published = Some(date);
        a.input = None;
        let line = serde_json::to_string(&a).map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Times searches over a store: the fixtures' words, or the queries of a file (one per
/// line, optionally `LANG<TAB>QUERY`), each asked once as a warm-up and then five times.
fn search(dir: &Path, file: Option<&Path>) -> Result<(), String> {
    let t = Instant::now();
    let store = Store::open(dir).map_err(|e| e.to_string())?;
    eprintln!(
        "opened in {:.2} s ({} articles)",
        t.elapsed().as_secs_f64(),
        store.stats().map_err(|e| e.to_string())?.articles
    );
    let fixture_queries: &[(&str, Option<&str>)] = &[
        ("dam", None),
        ("death toll", None),
        ("Vardena dam collapse", None),
        ("inquiry regulator", None),
        ("\"death toll\"", None),
        ("engineers warnings", Some("en")),
        ("barrage", None),
        ("secours", Some("fr")),
        ("Talsperre", None),
        ("Rettungskräfte", Some("de")),
        ("плотина", None),
        ("спасатели", Some("ru")),
        ("大坝", None),
        ("遇难人数", None),
        ("決壊", None),
        ("行方不明", Some("ja")),
        ("presa", None),
        ("Orvalle", None),
        ("Kessing", None),
        ("helicopters", None),
    ];
    let listed = match file {
        Some(f) => std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?,
        None => String::new(),
    };
    let from_file: Vec<(&str, Option<&str>)> = listed
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| match l.split_once('\t') {
            Some((lang, q)) => (q, Some(lang)),
            None => (l, None),
        })
        .collect();
    let queries = if file.is_some() {
        &from_file[..]
    } else {
        fixture_queries
    };
    let mut times = Vec::new();
    let mut slowest: Vec<(f64, &str)> = Vec::new();
    let mut hits = 0usize;
    let mut cpu_ms = 0.0;
    for round in 0..6 {
        for (text, lang) in queries {
            let q = SearchQuery {
                text: (*text).into(),
                lang: lang.map(str::to_string),
                limit: 10,
                ..SearchQuery::default()
            };
            let t = Instant::now();
            let cpu = thread_cpu_ms();
            let r = store.search(&q).map_err(|e| e.to_string())?;
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            if round > 0 {
                cpu_ms += thread_cpu_ms() - cpu;
                times.push(ms);
                hits += r.hits.len();
                slowest.push((ms, text));
            }
        }
    }
    times.sort_by(f64::total_cmp);
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.dedup_by(|a, b| a.1 == b.1);
    let worst: Vec<String> = slowest
        .iter()
        .take(5)
        .map(|(ms, q)| format!("{q:?} {ms:.1} ms"))
        .collect();
    println!("slowest: {}", worst.join(", "));
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{} searches (top 10 with snippets, {} hits): p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        hits,
        pct(0.5),
        pct(0.9),
        pct(0.99),
        times[times.len() - 1]
    );
    // The searching thread's own CPU time: what a search costs, whatever else the
    // machine is doing.
    println!(
        "CPU per search: {:.3} ms (mean of the {} timed searches)",
        cpu_ms / times.len() as f64,
        times.len()
    );
    Ok(())
}

/// This thread's CPU time in milliseconds (`CLOCK_THREAD_CPUTIME_ID`).
fn thread_cpu_ms() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return 0.0;
    }
    ts.tv_sec as f64 * 1000.0 + ts.tv_nsec as f64 / 1e6
}
