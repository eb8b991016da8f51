//! The two seed pages storyline grew out of (`../shared/seeds/`, read at run time, never
//! copied here): every requirement the extractor has on them. Skipped with a message
//! when the folder is absent.

mod common;

use common::*;
use serde_json::Value;

fn paragraphs(a: &Value) -> Vec<String> {
    strings(&a["paragraphs"])
}

#[test]
fn seed_000_aggregator_page() {
    let Some(path) = seed("000_") else { return };
    let a = extract(&path, None);
    assert_eq!(
        s(&a, "title"),
        "War in Ukraine: fighters recruited from Russian prisons may be granted amnesty"
    );
    assert_eq!(s(&a, "published"), "2023-11-10T17:03:27.543Z");
    assert_eq!(s(&a, "published_from"), "text");
    assert_eq!(s(&a, "outlet"), "The Limited Times");
    assert_eq!(s(&a, "original_outlet"), "Le Parisien");
    assert_eq!(s(&a, "language"), "en");
    let teaser = s(&a, "teaser");
    assert!(
        teaser.starts_with("Vladimir Putin's spokesman Dmitry Peskov said Russian fugitives"),
        "teaser keeps the text after \"Highlights:\": {teaser:?}"
    );
    assert!(teaser.ends_with("The Kremlin has never given an official figure."));
    assert!(!teaser.contains("Highlights"));

    let p = paragraphs(&a);
    assert!(
        p.first()
            .is_some_and(|x| x.starts_with("Their release in exchange for being sent to the front")),
        "{p:#?}"
    );
    assert!(
        p.last()
            .is_some_and(|x| x.ends_with("after leaving the army after being granted amnesty.")),
        "{p:#?}"
    );
    assert!(
        p.iter()
            .any(|x| x == "100,000 fighters recruited from prison"),
        "the in-body heading is its own paragraph: {p:#?}"
    );
    assert_eq!(p.len(), 8, "{p:#?}");
    for line in [
        "Now you can see non-English news",
        "These tens of thousands of men",
        "Read also",
        "Storm Z battalions",
        "Source: leparis",
        "All news articles on 2023-11-10",
        "Trends 24h",
        "Latest",
        "© Communities 2019 - Privacy",
        "The information on this site is from external sources",
        "does not necessarily imply a recommendation",
        "The Limited Times",
        "Highlights:",
    ] {
        assert!(
            !p.iter().any(|x| x.contains(line)),
            "site line {line:?} kept: {p:#?}"
        );
    }
}

#[test]
fn seed_001_rewrite_with_app_promos() {
    let Some(path) = seed("001_") else { return };
    let a = extract(&path, None);
    let title = s(&a, "title");
    assert!(
        [
            "Prisoners are offered freedom by Russia in exchange for fighting in Ukraine",
            "Russia offers freedom to prisoners if they fight in Ukraine war",
        ]
        .contains(&title),
        "title is a headline line, not the cut-off teaser: {title:?}"
    );
    assert_eq!(s(&a, "original_outlet"), "CNN");
    assert_eq!(s(&a, "outlet"), "The BOL News");
    assert_eq!(s(&a, "language"), "en");
    assert!(a["published"].is_null(), "the page states no date");
    assert!(a["published_from"].is_null());

    let p = paragraphs(&a);
    assert!(
        p.first().is_some_and(
            |x| x.starts_with("In cramped prison cells, prisoners are offered freedom")
        ),
        "{p:#?}"
    );
    let last = p.last().map(String::as_str).unwrap_or_default();
    assert!(
        last.starts_with("Osechkin stated that some workers were promised a payout"),
        "{last:?}"
    );
    assert!(
        last.contains("none of these promises will be honored.”There is no guarantee"),
        "{last:?}"
    );
    assert!(last.ends_with("he said."), "{last:?}");
    assert_eq!(p.len(), 14, "one paragraph per line: {p:#?}");
    for line in [
        "Catch all the World News",
        "Download The BOL News App",
        "Google News",
        "Over the...",
        "Prisoners are offered freedom by Russia in exchange for fighting in Ukraine",
        "Russia offers freedom to prisoners if they fight in Ukraine war",
    ] {
        assert!(!p.iter().any(|x| x.contains(line)), "{line:?} kept: {p:#?}");
    }
}

#[test]
fn seeds_as_one_batch() {
    let (Some(a), Some(b)) = (seed("000_"), seed("001_")) else {
        return;
    };
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let out = run(&["extract", &a, &b]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(s(&lines[0], "input"), a);
    assert_eq!(s(&lines[1], "input"), b);
    assert_eq!(s(&lines[0], "original_outlet"), "Le Parisien");
    assert_eq!(s(&lines[1], "original_outlet"), "CNN");
}
