//! Story assignment speed against a real archive: opens a store's stories (its saved
//! index, say of 1 M articles), analyses N extracted articles from standard input
//! (JSON Lines, docs/json.md; in parallel, not timed), then adds them to a copy of the
//! index one after another on one thread and times only `StoryIndex::add`.
//!
//! ```sh
//! story_corpus 1100000 | tail -n 20000 | assign_bench STORE_DIR 20000
//! ```
//!
//! Prints articles/s of wall time and of the thread's CPU time (on a shared machine wall
//! time overstates the cost), and how the articles were assigned, with a digest of the
//! assignments (`ASSIGNMENTS=FILE` writes them, one JSON object a line) so that two
//! builds can be checked to assign alike.

use std::io::BufRead;
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use storyline_analyse::{Options, annotate};
use storyline_core::Article;
use storyline_group::ArticleFeatures;
use storyline_stories::Archive;

/// CPU seconds (user + system) this thread has used, from /proc (Linux); 0 elsewhere.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: assign_bench STORE_DIR N")?);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let t = Instant::now();
    let archive = Archive::open(&dir)?;
    let mut index = archive.index().clone();
    drop(archive);
    eprintln!(
        "opened {} articles, {} stories in {:.1} s",
        index.len(),
        index.stories().count(),
        t.elapsed().as_secs_f64()
    );
    let lines: Vec<String> = std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .take(n)
        .collect();
    let first_id = index.articles().map(|(id, _, _)| id).max().unwrap_or(0) + 1;
    let features: Vec<ArticleFeatures> = lines
        .par_iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let a: Article = serde_json::from_str(l).ok()?;
            let an = annotate(a, &Options::default());
            Some(ArticleFeatures::from_annotated(first_id + i as u64, &an))
        })
        .collect();
    eprintln!("analysed {} articles", features.len());
    let (mut copies, mut new) = (0usize, 0usize);
    let mut assignments = Vec::with_capacity(features.len());
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    for f in &features {
        let a = index.add(f);
        copies += usize::from(a.copy_of.is_some());
        new += usize::from(a.is_new);
        assignments.push(a);
    }
    let (wall, cpu) = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    // Every assignment (story, copy link, score), so that two builds can be compared:
    // a digest always, the assignments themselves to the file named by ASSIGNMENTS.
    let text: String = assignments
        .iter()
        .map(|a| serde_json::to_string(a).unwrap_or_default() + "\n")
        .collect();
    let digest = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    eprintln!("assignments digest {digest:016x}");
    if let Some(path) = std::env::var_os("ASSIGNMENTS") {
        std::fs::write(path, text)?;
    }
    let k = features.len().max(1) as f64;
    println!(
        "{} articles added to an index of {}: {:.0} articles/s wall ({:.0} µs each), {:.0} articles/s of CPU time; {copies} copies, {new} new stories",
        features.len(),
        index.len() - features.len(),
        k / wall,
        wall * 1e6 / k,
        if cpu > 0.0 { k / cpu } else { f64::NAN },
    );
    Ok(())
}
