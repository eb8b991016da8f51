//! The scorer on five real bench pages, when `../shared/bench/extraction` is present.

use std::path::Path;

use super::metrics::{self, Predicted};
use super::{Prediction, find_bench, load_truth, run_storyline, score};

#[test]
fn scores_five_bench_pages() {
    let Some(bench) = find_bench(Path::new(env!("CARGO_MANIFEST_DIR"))) else {
        println!("skipping: ../shared/bench/extraction not found");
        return;
    };
    let truth = match load_truth(&bench.join("truth.jsonl")) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    assert!(truth.len() >= 5);
    let pages = &truth[..5];

    // The truth scored against itself is perfect on every metric that applies.
    for p in pages {
        let s = metrics::score_page(
            &Predicted {
                text: &p.text,
                title: p.title.as_deref(),
                date: p.date.as_deref(),
            },
            &p.expected(),
        );
        assert!(s.exact, "{}", p.id);
        assert!(s.title_ok.unwrap_or(true), "{}", p.id);
        assert!(s.date_ok.unwrap_or(true), "{}", p.id);
        assert_eq!(s.with_found, s.with_total, "{}", p.id);
    }

    let run = run_storyline(&bench, pages, false, |_| {});
    assert_eq!(run.predictions.len(), 5);
    assert!(run.html_bytes.iter().all(|&b| b > 0), "every page read");
    assert!(run.predictions.iter().all(|p| p.seconds > 0.0));
    let refs: Vec<&Prediction> = run.predictions.iter().collect();
    let scores = score(pages, &refs);
    let picked: Vec<_> = scores.iter().collect();
    let sum = metrics::summarise(&picked, 100, metrics::BOOTSTRAP_SEED);
    assert_eq!(sum.pages, 5);
    for v in [
        sum.f1.value,
        sum.precision.value,
        sum.recall.value,
        sum.bow_f1,
    ] {
        assert!((0.0..=1.0).contains(&v), "{v}");
    }
    println!(
        "storyline on 5 bench pages: shingle F1 {:.3} ± {:.3} (P {:.3}, R {:.3}), BoW F1 {:.3}, empty {}",
        sum.f1.value,
        sum.f1.sd,
        sum.precision.value,
        sum.recall.value,
        sum.bow_f1,
        sum.empty_predictions
    );
}
