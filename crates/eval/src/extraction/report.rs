//! Side-by-side figures of storyline and its peer: building them from page scores and
//! printing them as a table.

use std::fmt::Write;

use serde::Serialize;

use super::metrics::{self, PageScore, Summary};
use super::{Prediction, TruthPage};

/// Accuracy and speed of one system on one subset of pages.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Accuracy.
    #[serde(flatten)]
    pub summary: Summary,
    /// Seconds spent inside the extractor, summed over the pages.
    pub seconds: f64,
    /// Uncompressed HTML bytes of the pages.
    pub html_bytes: u64,
    /// Pages per second on one core (pages / `seconds`).
    pub pages_per_s: Option<f64>,
    /// HTML megabytes (10⁶ bytes) per second on one core.
    pub mb_per_s: Option<f64>,
    /// Pages where the system reported an error (other than "no article").
    pub errors: usize,
}

/// Figures of one system on some pages (indices into `scores`, `predictions`, `sizes`).
pub fn figures(
    idx: &[usize],
    scores: &[PageScore],
    predictions: &[&Prediction],
    sizes: &[usize],
) -> Figures {
    let picked: Vec<&PageScore> = idx.iter().filter_map(|&i| scores.get(i)).collect();
    let summary = metrics::summarise(&picked, metrics::BOOTSTRAP_ROUNDS, metrics::BOOTSTRAP_SEED);
    let seconds: f64 = idx
        .iter()
        .filter_map(|&i| predictions.get(i))
        .map(|p| p.seconds)
        .sum();
    let html_bytes: u64 = idx
        .iter()
        .filter_map(|&i| sizes.get(i))
        .map(|&s| s as u64)
        .sum();
    let per_s = |x: f64| (seconds > 0.0).then(|| x / seconds);
    Figures {
        pages_per_s: per_s(idx.len() as f64),
        mb_per_s: per_s(html_bytes as f64 / 1e6),
        errors: idx
            .iter()
            .filter_map(|&i| predictions.get(i))
            .filter(|p| p.error.is_some())
            .count(),
        summary,
        seconds,
        html_bytes,
    }
}

/// One system's figures on one subset.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SystemFigures {
    /// `storyline` or the peer's name.
    pub system: String,
    /// Its figures.
    #[serde(flatten)]
    pub figures: Figures,
}

/// All systems on one subset.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Subset {
    /// `article`, `all`, or a page type.
    pub name: String,
    /// Pages in the subset.
    pub pages: usize,
    /// One entry per system, storyline first.
    pub systems: Vec<SystemFigures>,
}

/// Facts about one system over the whole run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SystemInfo {
    /// Name.
    pub system: String,
    /// Peak resident memory of its process in KiB, when known (for storyline: the eval
    /// process, which also holds the truth file and the scores).
    pub peak_rss_kib: Option<u64>,
    /// How it was run.
    pub note: String,
}

/// One badly scored page, for debugging.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WorstPage {
    /// Page id.
    pub id: String,
    /// Page URL.
    pub url: Option<String>,
    /// Page type.
    pub page_type: String,
    /// storyline's page shingle F1.
    pub f1: f64,
    /// storyline's page precision.
    pub precision: f64,
    /// storyline's page recall.
    pub recall: f64,
    /// The peer's page F1 on the same page, if a peer ran.
    pub peer_f1: Option<f64>,
    /// storyline's error on the page, if any.
    pub error: Option<String>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// The bench folder used.
    pub bench: String,
    /// Whether the truth URL was passed to the extractors.
    pub with_url: bool,
    /// Bootstrap resamples and seed of the standard deviations.
    pub bootstrap: (usize, u64),
    /// Systems, storyline first.
    pub systems: Vec<SystemInfo>,
    /// Subsets: `article`, `all`, then page types when asked.
    pub subsets: Vec<Subset>,
    /// The worst pages by storyline's shingle F1, when asked.
    pub worst: Vec<WorstPage>,
    /// The pages where storyline's F1 trails the peer's most, when asked.
    pub behind: Vec<WorstPage>,
}

/// The `n` pages with storyline's lowest page F1 (ties: lower recall first, then id).
pub fn worst_pages(
    pages: &[TruthPage],
    ours: &[PageScore],
    our_predictions: &[&Prediction],
    peer: Option<&[PageScore]>,
    n: usize,
) -> Vec<WorstPage> {
    let mut idx: Vec<usize> = (0..pages.len().min(ours.len())).collect();
    idx.sort_by(|&a, &b| {
        ours[a]
            .f1()
            .total_cmp(&ours[b].f1())
            .then(ours[a].recall.total_cmp(&ours[b].recall))
            .then(pages[a].id.cmp(&pages[b].id))
    });
    idx.into_iter()
        .take(n)
        .map(|i| page_row(i, pages, ours, our_predictions, peer))
        .collect()
}

fn page_row(
    i: usize,
    pages: &[TruthPage],
    ours: &[PageScore],
    our_predictions: &[&Prediction],
    peer: Option<&[PageScore]>,
) -> WorstPage {
    WorstPage {
        id: pages[i].id.clone(),
        url: pages[i].url.clone(),
        page_type: pages[i].page_type.clone(),
        f1: ours[i].f1(),
        precision: ours[i].precision,
        recall: ours[i].recall,
        peer_f1: peer.and_then(|p| p.get(i)).map(PageScore::f1),
        error: our_predictions.get(i).and_then(|p| p.error.clone()),
    }
}

/// The `n` pages where the peer's page F1 exceeds storyline's the most (only pages where
/// it does; ties by id).
pub fn behind_peer(
    pages: &[TruthPage],
    ours: &[PageScore],
    our_predictions: &[&Prediction],
    peer: &[PageScore],
    n: usize,
) -> Vec<WorstPage> {
    let gap = |i: usize| peer[i].f1() - ours[i].f1();
    let mut idx: Vec<usize> = (0..pages.len().min(ours.len()).min(peer.len()))
        .filter(|&i| gap(i) > 0.0)
        .collect();
    idx.sort_by(|&a, &b| {
        gap(b)
            .total_cmp(&gap(a))
            .then(pages[a].id.cmp(&pages[b].id))
    });
    idx.into_iter()
        .take(n)
        .map(|i| page_row(i, pages, ours, our_predictions, Some(peer)))
        .collect()
}

fn num(x: Option<f64>, digits: usize) -> String {
    match x {
        Some(v) => format!("{v:.digits$}"),
        None => "n/a".into(),
    }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b != 0.0 => format!("{:.2}", a / b),
        _ => "n/a".into(),
    }
}

/// One table row: a label and one value per system, plus how to print it.
struct Row {
    label: String,
    values: Vec<Option<f64>>,
    sds: Option<Vec<f64>>,
    digits: usize,
}

fn rows(systems: &[&Figures], infos: &[&SystemInfo]) -> Vec<Row> {
    let col =
        |f: &dyn Fn(&Figures) -> Option<f64>| systems.iter().map(|s| f(s)).collect::<Vec<_>>();
    let sd = |f: &dyn Fn(&Figures) -> f64| Some(systems.iter().map(|s| f(s)).collect::<Vec<_>>());
    let titled = systems.first().map_or(0, |f| f.summary.titled_pages);
    let dated = systems.first().map_or(0, |f| f.summary.dated_pages);
    let row = |label: &str, values, digits| Row {
        label: label.to_string(),
        values,
        sds: None,
        digits,
    };
    vec![
        Row {
            label: "shingle F1".into(),
            values: col(&|f| Some(f.summary.f1.value)),
            sds: sd(&|f| f.summary.f1.sd),
            digits: 3,
        },
        Row {
            label: "shingle precision".into(),
            values: col(&|f| Some(f.summary.precision.value)),
            sds: sd(&|f| f.summary.precision.sd),
            digits: 3,
        },
        Row {
            label: "shingle recall".into(),
            values: col(&|f| Some(f.summary.recall.value)),
            sds: sd(&|f| f.summary.recall.sd),
            digits: 3,
        },
        row("bag-of-words F1", col(&|f| Some(f.summary.bow_f1)), 3),
        row("exact match", col(&|f| Some(f.summary.exact_match)), 3),
        row(
            "empty predictions",
            col(&|f| Some(f.summary.empty_predictions as f64)),
            0,
        ),
        row("errors", col(&|f| Some(f.errors as f64)), 0),
        row(
            &format!("title accuracy ({titled} titled)"),
            col(&|f| f.summary.title_accuracy),
            3,
        ),
        row(
            &format!("date accuracy ({dated} dated)"),
            col(&|f| f.summary.date_accuracy),
            3,
        ),
        row("`with` snippets found ↑", col(&|f| f.summary.with_rate), 3),
        row(
            "`without` snippets found ↓",
            col(&|f| f.summary.without_rate),
            3,
        ),
        row("pages/s (1 core)", col(&|f| f.pages_per_s), 1),
        row("MB/s HTML (1 core)", col(&|f| f.mb_per_s), 2),
        row(
            "peak RSS, MiB",
            infos
                .iter()
                .map(|i| i.peak_rss_kib.map(|k| k as f64 / 1024.0))
                .collect(),
            0,
        ),
    ]
}

/// The report as Markdown-style tables: metric | storyline | peer | ratio, for each subset.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let names: Vec<&str> = report.systems.iter().map(|s| s.system.as_str()).collect();
    for subset in &report.subsets {
        let _ = writeln!(out, "\n## {} ({} pages)\n", subset.name, subset.pages);
        let mut header = vec!["metric".to_string()];
        header.extend(names.iter().map(|n| n.to_string()));
        if names.len() == 2 {
            header.push("ratio".into());
        }
        let figs: Vec<&Figures> = subset.systems.iter().map(|s| &s.figures).collect();
        let infos: Vec<&SystemInfo> = report.systems.iter().collect();
        let mut table = vec![header];
        for r in rows(&figs, &infos) {
            let mut line = vec![r.label];
            for (k, v) in r.values.iter().enumerate() {
                let mut cell = num(*v, r.digits);
                if let (Some(sds), Some(_)) = (&r.sds, v)
                    && let Some(sd) = sds.get(k)
                {
                    let _ = write!(cell, " ± {sd:.3}");
                }
                line.push(cell);
            }
            if r.values.len() == 2 {
                line.push(ratio(r.values[0], r.values[1]));
            }
            table.push(line);
        }
        out.push_str(&markdown(&table, &[0]));
    }
    let peer_name = names.get(1).copied().unwrap_or("peer");
    if !report.worst.is_empty() {
        let _ = writeln!(out, "\n## worst pages by storyline's shingle F1\n");
        out.push_str(&page_table(&report.worst, peer_name));
    }
    if !report.behind.is_empty() {
        let _ = writeln!(out, "\n## pages where storyline trails {peer_name} most\n");
        out.push_str(&page_table(&report.behind, peer_name));
    }
    out
}

/// The table of a page list.
fn page_table(list: &[WorstPage], peer_name: &str) -> String {
    let peer_col = format!("{peer_name} F1");
    let mut table = vec![
        ["id", "type", "F1", "P", "R", &peer_col, "url / error"]
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>(),
    ];
    for w in list {
        table.push(vec![
            w.id.clone(),
            w.page_type.clone(),
            format!("{:.3}", w.f1),
            format!("{:.3}", w.precision),
            format!("{:.3}", w.recall),
            num(w.peer_f1, 3),
            match &w.error {
                Some(e) => format!("{} ({e})", w.url.as_deref().unwrap_or("-")),
                None => w.url.clone().unwrap_or_else(|| "-".into()),
            },
        ]);
    }
    markdown(&table, &[0, 1, 6])
}

/// A Markdown table with padded columns, right-aligned except the columns in `left`.
fn markdown(rows: &[Vec<String>], left: &[usize]) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| {
        rows.iter()
            .filter_map(|r| r.get(c))
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
            .max(3)
    };
    let widths: Vec<usize> = (0..cols).map(width).collect();
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        out.push('|');
        for (c, w) in widths.iter().enumerate() {
            let cell = r.get(c).map(String::as_str).unwrap_or("");
            let pad = w.saturating_sub(cell.chars().count());
            if left.contains(&c) {
                let _ = write!(out, " {cell}{} |", " ".repeat(pad));
            } else {
                let _ = write!(out, " {}{cell} |", " ".repeat(pad));
            }
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            for (c, w) in widths.iter().enumerate() {
                if left.contains(&c) {
                    let _ = write!(out, "{}|", "-".repeat(w + 2));
                } else {
                    let _ = write!(out, "{}:|", "-".repeat(w + 1));
                }
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extraction::score;

    fn truth(id: &str, text: &str) -> TruthPage {
        TruthPage {
            id: id.into(),
            page_type: "article".into(),
            text: text.into(),
            ..TruthPage::default()
        }
    }

    #[test]
    fn figures_time_and_size() {
        let pages = [truth("1", "a b c d"), truth("2", "e f g h")];
        let preds = [
            Prediction {
                text: "a b c d".into(),
                seconds: 0.5,
                ..Prediction::default()
            },
            Prediction {
                seconds: 1.5,
                error: Some("bad gzip".into()),
                ..Prediction::default()
            },
        ];
        let refs: Vec<&Prediction> = preds.iter().collect();
        let scores = score(&pages, &refs);
        let f = figures(&[0, 1], &scores, &refs, &[1_000_000, 3_000_000]);
        assert_eq!(f.pages_per_s, Some(1.0));
        assert_eq!(f.mb_per_s, Some(2.0));
        assert_eq!(f.errors, 1);
        assert_eq!(f.summary.empty_predictions, 1);
        // P = 1 (one non-empty prediction), R = (1 + 0) / 2.
        assert!((f.summary.f1.value - 2.0 / 3.0).abs() < 1e-9);
        let only_first = figures(&[0], &scores, &refs, &[1_000_000, 3_000_000]);
        assert_eq!(only_first.pages_per_s, Some(2.0));
    }

    #[test]
    fn worst_pages_come_first_and_table_renders() {
        let pages = [
            truth("1", "a b c d"),
            truth("2", "e f g h"),
            truth("3", "i j k l"),
        ];
        let preds = [
            Prediction {
                text: "a b c d".into(),
                ..Prediction::default()
            },
            Prediction::default(),
            Prediction {
                text: "i j k l m".into(),
                ..Prediction::default()
            },
        ];
        let refs: Vec<&Prediction> = preds.iter().collect();
        let scores = score(&pages, &refs);
        let worst = worst_pages(&pages, &scores, &refs, Some(&scores), 2);
        assert_eq!(
            worst.iter().map(|w| w.id.as_str()).collect::<Vec<_>>(),
            ["2", "3"]
        );
        assert_eq!(worst[0].peer_f1, Some(0.0));
        // A peer that gets page 2 right and page 3 right: storyline trails on 2 (by 1) and
        // on 3 (by 1 - 0.667), not on 1.
        let peer_preds = [
            Prediction {
                text: "a b c d".into(),
                ..Prediction::default()
            },
            Prediction {
                text: "e f g h".into(),
                ..Prediction::default()
            },
            Prediction {
                text: "i j k l".into(),
                ..Prediction::default()
            },
        ];
        let peer_refs: Vec<&Prediction> = peer_preds.iter().collect();
        let peer_scores = score(&pages, &peer_refs);
        let behind = behind_peer(&pages, &scores, &refs, &peer_scores, 5);
        assert_eq!(
            behind.iter().map(|w| w.id.as_str()).collect::<Vec<_>>(),
            ["2", "3"]
        );
        assert_eq!(behind[0].peer_f1, Some(1.0));
        let fig = figures(&[0, 1, 2], &scores, &refs, &[10, 10, 10]);
        let report = Report {
            systems: vec![
                SystemInfo {
                    system: "storyline".into(),
                    peak_rss_kib: Some(2048),
                    ..SystemInfo::default()
                },
                SystemInfo {
                    system: "peer".into(),
                    ..SystemInfo::default()
                },
            ],
            subsets: vec![Subset {
                name: "all".into(),
                pages: 3,
                systems: vec![
                    SystemFigures {
                        system: "storyline".into(),
                        figures: fig.clone(),
                    },
                    SystemFigures {
                        system: "peer".into(),
                        figures: fig,
                    },
                ],
            }],
            worst,
            behind,
            ..Report::default()
        };
        let text = render(&report);
        assert!(text.contains("## all (3 pages)"));
        assert!(text.contains("| metric"));
        let line = |label: &str| {
            text.lines()
                .find(|l| l.starts_with(&format!("| {label}")))
                .unwrap_or_default()
                .split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(line("shingle F1")[3], "1.00", "{text}");
        assert_eq!(line("peak RSS, MiB")[1..], ["2", "n/a", "n/a"]);
        assert_eq!(line("empty predictions")[1..], ["1", "1", "1.00"]);
        assert_eq!(
            line("title accuracy (0 titled)")[1..],
            ["n/a", "n/a", "n/a"]
        );
        assert!(text.contains("## worst pages"));
        assert!(text.contains("## pages where storyline trails peer most"));
        assert!(text.contains("| peer F1 |"));
    }
}
