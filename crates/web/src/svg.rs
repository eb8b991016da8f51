//! Inline SVG charts, drawn on the server: a story's coverage by day and outlet, and a
//! quantity's figures over time. Presentation attributes only (no `style`: the CSP
//! forbids inline styles); every text goes through maud's escaping.

use std::collections::BTreeMap;

use maud::{Markup, html};
use storyline_group::ledger::LedgerLine;
use storyline_stories::views::TimelinePoint;

use crate::params::date_of;

/// Colours of the outlets in a timeline (the last one is "other outlets").
pub const PALETTE: [&str; 9] = [
    "#1b6ca8", "#d1495b", "#edae49", "#00798c", "#6a4c93", "#3a7d44", "#c06014", "#8d6a9f",
    "#7f7f7f",
];

/// Most outlets drawn in their own colour.
const OUTLETS: usize = 8;
/// Most days a timeline spans (older days are left out).
const MAX_DAYS: i64 = 120;

/// The outlets of a timeline in drawing order (most articles first) and their colours;
/// the rest share the last colour.
pub fn outlet_colours(points: &[TimelinePoint]) -> Vec<(String, &'static str)> {
    let mut totals: BTreeMap<&str, u32> = BTreeMap::new();
    for p in points {
        *totals.entry(p.outlet.as_str()).or_default() += p.articles;
    }
    let mut v: Vec<(&str, u32)> = totals.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut out: Vec<(String, &'static str)> = v
        .iter()
        .take(OUTLETS)
        .enumerate()
        .map(|(i, (o, _))| (o.to_string(), PALETTE[i]))
        .collect();
    if v.len() > OUTLETS {
        out.push(("other outlets".to_string(), PALETTE[OUTLETS]));
    }
    out
}

/// A stacked bar chart of articles per day, coloured by outlet.
pub fn timeline(points: &[TimelinePoint]) -> Option<Markup> {
    let dated: Vec<(chrono::NaiveDate, &TimelinePoint)> = points
        .iter()
        .filter_map(|p| Some((date_of(&p.day)?, p)))
        .collect();
    let last = dated.iter().map(|(d, _)| *d).max()?;
    let first = dated
        .iter()
        .map(|(d, _)| *d)
        .min()?
        .max(last - chrono::Duration::days(MAX_DAYS - 1));
    let days = (last - first).num_days() + 1;
    let colours = outlet_colours(points);
    let colour = |o: &str| {
        colours
            .iter()
            .find(|(n, _)| n == o)
            .map_or(PALETTE[OUTLETS], |(_, c)| *c)
    };
    // Per day: (outlet colour, count) stacked.
    let mut by_day: BTreeMap<i64, Vec<(&str, &str, u32)>> = BTreeMap::new();
    for (d, p) in &dated {
        if *d < first {
            continue;
        }
        by_day.entry((*d - first).num_days()).or_default().push((
            p.outlet.as_str(),
            colour(&p.outlet),
            p.articles,
        ));
    }
    let max = by_day
        .values()
        .map(|v| v.iter().map(|x| x.2).sum::<u32>())
        .max()
        .unwrap_or(1)
        .max(1);
    let (w, h, left, bottom, top) = (640.0_f64, 180.0_f64, 32.0, 24.0, 8.0);
    let plot_w = w - left - 8.0;
    let plot_h = h - bottom - top;
    let slot = plot_w / days as f64;
    let bar = (slot * 0.8).max(1.0);
    let total: u32 = points.iter().map(|p| p.articles).sum();
    let label = format!(
        "Coverage by day: {total} articles from {} outlets between {} and {}",
        colours.len(),
        first,
        last
    );
    let mut rects: Vec<(f64, f64, f64, &str, String)> = Vec::new();
    for (day, stack) in &by_day {
        let x = left + *day as f64 * slot + (slot - bar) / 2.0;
        let mut y = top + plot_h;
        for (outlet, c, n) in stack {
            let bh = plot_h * *n as f64 / max as f64;
            y -= bh;
            let plural = if *n == 1 { "" } else { "s" };
            let tip = format!(
                "{}: {outlet}, {n} article{plural}",
                first + chrono::Duration::days(*day)
            );
            rects.push((x, y, bh, c, tip));
        }
    }
    Some(html! {
        svg class="chart timeline" viewBox={"0 0 " (w) " " (h)} role="img" aria-label=(label) xmlns="http://www.w3.org/2000/svg" {
            title { (label) }
            line x1=(left) y1=(top + plot_h) x2=(w - 8.0) y2=(top + plot_h) stroke="#888" {}
            text x=(left - 4.0) y=(top + 10.0) text-anchor="end" font-size="11" fill="currentColor" { (max) }
            text x=(left - 4.0) y=(top + plot_h) text-anchor="end" font-size="11" fill="currentColor" { "0" }
            @for (x, y, bh, c, tip) in &rects {
                rect x=(fmt(*x)) y=(fmt(*y)) width=(fmt(bar)) height=(fmt(*bh)) fill=(c) {
                    title { (tip) }
                }
            }
            text x=(left) y=(h - 6.0) font-size="11" fill="currentColor" { (first) }
            @if days > 1 {
                text x=(w - 8.0) y=(h - 6.0) text-anchor="end" font-size="11" fill="currentColor" { (last) }
            }
        }
    })
}

fn fmt(x: f64) -> String {
    format!("{x:.1}")
}

/// A figure's value for a chart: its value, else the middle of its range.
fn value_of(e: &storyline_group::ledger::LedgerEntry) -> Option<f64> {
    e.value
        .or_else(|| Some((e.min? + e.max?) / 2.0))
        .filter(|v| v.is_finite())
}

/// A small line chart of one quantity's dated figures; None with fewer than one.
pub fn ledger_line(line: &LedgerLine) -> Option<Markup> {
    let points: Vec<(chrono::NaiveDate, f64, &str)> = line
        .entries
        .iter()
        .filter_map(|e| {
            Some((
                date_of(e.published.as_deref()?)?,
                value_of(e)?,
                e.text.as_str(),
            ))
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let t0 = points.iter().map(|p| p.0).min()?;
    let t1 = points.iter().map(|p| p.0).max()?;
    let lo = points
        .iter()
        .map(|p| p.1)
        .fold(f64::INFINITY, f64::min)
        .min(0.0);
    let hi = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let span_t = (t1 - t0).num_days().max(1) as f64;
    let span_v = if hi > lo { hi - lo } else { 1.0 };
    let (w, h, left, pad) = (320.0_f64, 90.0_f64, 56.0, 10.0);
    let xy = |d: chrono::NaiveDate, v: f64| {
        let x = if t0 == t1 {
            left + (w - left - pad) / 2.0
        } else {
            left + (w - left - pad) * (d - t0).num_days() as f64 / span_t
        };
        let y = pad + (h - 2.0 * pad) * (1.0 - (v - lo) / span_v);
        (x, y)
    };
    let path: Vec<String> = points
        .iter()
        .map(|&(d, v, _)| {
            let (x, y) = xy(d, v);
            format!("{},{}", fmt(x), fmt(y))
        })
        .collect();
    let label = format!(
        "{}: {} figures from {} ({}) to {} ({})",
        line.counts,
        points.len(),
        number(points[0].1),
        points[0].0,
        number(points[points.len() - 1].1),
        points[points.len() - 1].0
    );
    Some(html! {
        svg class="chart figure" viewBox={"0 0 " (w) " " (h)} role="img" aria-label=(label) xmlns="http://www.w3.org/2000/svg" {
            title { (label) }
            text x=(left - 6.0) y=(pad + 4.0) text-anchor="end" font-size="10" fill="currentColor" { (number(hi)) }
            text x=(left - 6.0) y=(h - pad) text-anchor="end" font-size="10" fill="currentColor" { (number(lo)) }
            line x1=(left) y1=(h - pad) x2=(w - pad) y2=(h - pad) stroke="#888" {}
            polyline points=(path.join(" ")) fill="none" stroke="#1b6ca8" stroke-width="2" {}
            @for (d, v, text) in &points {
                @let (x, y) = xy(*d, *v);
                circle cx=(fmt(x)) cy=(fmt(y)) r="3.5" fill="#d1495b" {
                    title { (d) ": " (text) }
                }
            }
        }
    })
}

/// A figure as people write it: 75000 → "75,000", 12.5 → "12.5".
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    if v.fract() != 0.0 && v.abs() < 1e15 {
        let s = format!("{v:.2}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let neg = v < 0.0;
    let digits = format!("{:.0}", v.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if neg { format!("-{out}") } else { out }
}
