//! Development aid for the story grouping: analyses the clustering sets once (cached as
//! JSON Lines in a folder), then scores one or more configurations on every set in file
//! or date order and in a few shuffled orders, so that changes to `storyline-group` can be
//! measured in seconds.
//!
//! `cargo run --release -p storyline-eval --example tune_stories -- CACHE_DIR [CONFIG_JSON ...]`
//!
//! Each CONFIG_JSON overrides fields of `Config::default()` (`'{"threshold":0.3}'`); none
//! scores the defaults. `ERRORS=ecbplus` prints the wrong joins of the first configuration
//! (file order), with each article's protagonists; with it, `DUMP=FILE` writes that run's
//! assignments (`doc_id gold_event story`, one a line) for an analysis of the pairs, and
//! `ERRORS_SEED=N` lists the errors of the shuffled order N instead. `ERRORS=basil` lists
//! BASIL's; `TRACE=EVENT` (a gold event, `1_ecbplus`) lists every article of that event.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use storyline_analyse::{AnnotatedArticle, Options, annotate};
use storyline_eval::stories::{self, Doc};
use storyline_group::{ArticleFeatures, Config, StoryIndex};

const SEEDS: &[u64] = &[1, 2, 3];

fn annotated(cache: &Path, name: &str, docs: &[Doc]) -> Vec<AnnotatedArticle> {
    let file = cache.join(format!("{name}.jsonl"));
    if let Ok(text) = std::fs::read_to_string(&file) {
        let v: Vec<AnnotatedArticle> = text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect();
        if v.len() == docs.len() {
            return v;
        }
    }
    let v: Vec<AnnotatedArticle> = docs
        .iter()
        .map(|d| annotate(d.article.clone(), &Options::default()))
        .collect();
    let _ = std::fs::create_dir_all(cache);
    if let Ok(mut out) = std::fs::File::create(&file) {
        for a in &v {
            let _ = writeln!(out, "{}", serde_json::to_string(a).unwrap_or_default());
        }
    }
    v
}

/// The same permutation as `storyline eval stories --shuffle SEED`.
fn order(docs: &[Doc], seed: Option<u64>) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..docs.len()).collect();
    match seed {
        None => {
            if docs.iter().all(|d| d.article.published.is_some()) {
                idx.sort_by(|&a, &b| docs[a].article.published.cmp(&docs[b].article.published));
            }
        }
        Some(s) => stories::shuffle(&mut idx, s),
    }
    idx
}

fn run(
    docs: &[Doc],
    feats: &[ArticleFeatures],
    idx: &[usize],
    config: &Config,
    errors: bool,
) -> (stories::Prf, f64, usize) {
    let mut index = StoryIndex::new(config.clone());
    for &i in idx {
        let f = &feats[i];
        let cands = if errors { index.explain(f) } else { Vec::new() };
        let got = index.add(f);
        if errors && got.copy_of.is_none() {
            // Which gold event holds most of the story's earlier members?
            let members = index.members(got.story);
            let mut count: std::collections::BTreeMap<&str, usize> = Default::default();
            for m in &members {
                if *m != i as u64 {
                    *count.entry(docs[*m as usize].event.as_str()).or_default() += 1;
                }
            }
            let own = docs[i].event.as_str();
            let major = count.iter().max_by_key(|x| *x.1).map(|x| *x.0);
            let wrong_join = !got.is_new && major.is_some_and(|m| m != own);
            // A new story although the gold event already has a live story.
            let wrong_new = got.is_new
                && idx
                    .iter()
                    .take_while(|&&j| j != i)
                    .any(|&j| docs[j].event == own);
            let traced = std::env::var("TRACE").is_ok_and(|t| own == t);
            if wrong_join || wrong_new || traced {
                println!(
                    "{} {} ({}) -> story {} [{}] {}",
                    if wrong_join {
                        "JOIN"
                    } else if wrong_new {
                        "NEW "
                    } else {
                        "ok  "
                    },
                    docs[i].doc_id,
                    own,
                    got.story,
                    major.unwrap_or("-"),
                    docs[i]
                        .article
                        .title
                        .as_deref()
                        .unwrap_or("")
                        .chars()
                        .take(90)
                        .collect::<String>()
                );
                println!(
                    "    names: {:?}",
                    f.names.iter().take(10).collect::<Vec<_>>()
                );
                println!("    protagonists: {:?}", f.protagonists);
                for c in cands.iter().take(3) {
                    let ev = index
                        .members(c.story)
                        .first()
                        .map(|m| docs[*m as usize].event.clone())
                        .unwrap_or_default();
                    println!(
                        "    story {:>3} ({ev}): score {:.3} / thr {:.3}  text {:.3} names {:.3} fig {:.3} coh {:.3} miss {:?} other {}",
                        c.story,
                        c.score,
                        c.threshold,
                        c.text,
                        c.names,
                        c.figures,
                        c.cohesion,
                        c.names_missing,
                        c.other_protagonist
                    );
                }
            }
        }
    }
    let mut pred = vec![u32::MAX; docs.len()];
    for (id, story, _) in index.articles() {
        pred[id as usize] = story;
    }
    if errors && let Ok(path) = std::env::var("DUMP") {
        let lines: Vec<String> = docs
            .iter()
            .zip(&pred)
            .map(|(d, p)| format!("{} {} {p}", d.doc_id, d.event))
            .collect();
        let _ = std::fs::write(path, lines.join("\n"));
    }
    let gold: Vec<&str> = docs.iter().map(|d| d.event.as_str()).collect();
    let mut ps = pred.clone();
    ps.sort_unstable();
    ps.dedup();
    (
        stories::pairwise(&gold, &pred),
        stories::bcubed(&gold, &pred).f1,
        ps.len(),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let cache = PathBuf::from(
        args.next()
            .ok_or("usage: tune_stories CACHE_DIR [CONFIG_JSON ...]")?,
    );
    let mut configs: Vec<(String, Config)> = Vec::new();
    for a in args {
        configs.push((a.clone(), serde_json::from_str(&a)?));
    }
    if configs.is_empty() {
        configs.push(("default".into(), Config::default()));
    }
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/clustering");
    let errors = std::env::var("ERRORS").ok();
    let errors_seed: Option<u64> = std::env::var("ERRORS_SEED")
        .ok()
        .and_then(|s| s.parse().ok());
    let mut sets = Vec::new();
    for (name, file) in stories::SETS {
        let docs = stories::load(&data.join(file))?;
        let ann = annotated(&cache, name, &docs);
        let feats: Vec<ArticleFeatures> = ann
            .iter()
            .enumerate()
            .map(|(i, a)| ArticleFeatures::from_annotated(i as u64, a))
            .collect();
        sets.push((*name, docs, feats));
    }
    for (ci, (label, config)) in configs.iter().enumerate() {
        let mut line = format!("{label:<40}");
        for (name, docs, feats) in &sets {
            let show = ci == 0 && errors.as_deref() == Some(*name);
            if show && let Some(seed) = errors_seed {
                // The errors of a shuffled order, printed before the scores.
                run(docs, feats, &order(docs, Some(seed)), config, true);
            }
            let (p, b, n) = run(
                docs,
                feats,
                &order(docs, None),
                config,
                show && errors_seed.is_none(),
            );
            line += &format!(
                " | {name} {:.3} (P {:.3} R {:.3}, b3 {b:.3}, {n})",
                p.f1, p.precision, p.recall
            );
            let mut shuffled = Vec::new();
            for &s in SEEDS {
                shuffled.push(run(docs, feats, &order(docs, Some(s)), config, false).0.f1);
            }
            line += &format!(
                " sh {}",
                shuffled
                    .iter()
                    .map(|x| format!("{x:.3}"))
                    .collect::<Vec<_>>()
                    .join("/")
            );
        }
        println!("{line}");
    }
    Ok(())
}
