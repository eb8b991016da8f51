//! End-to-end test of the demo corpus (crates/cli/demo/pages, described in
//! crates/cli/demo/README.md): `storyline extract --jsonl` reads every page cleanly —
//! title, date, authors, outlet, language, the body without the site's boilerplate, no
//! warnings — and the corpus holds what the demo needs: several languages and outlets,
//! copies that name their source, translations, and recent articles.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use serde_json::Value;

const PAGES: &str = "crates/cli/demo/pages";

/// The site lines the outlet templates put around the articles (outlets.py).
const BOILERPLATE: &[&str] = &[
    "We use cookies",
    "Accept all",
    "Sign up to The Morning Meridian",
    "All rights reserved",
    "Read also",
    "Share on Facebook",
    "This website uses cookies",
    "Get the Harbour Times Daily",
    "Most read",
    "More from Harbour Times",
    "Advertisement",
    "We use cookies for analytics",
    "Get The World Digest newsletter",
    "Related posts",
    "NewsPulse uses cookies",
    "Never miss a story",
    "Read next",
    "Nous utilisons des cookies",
    "inscrivez-vous à la lettre du Courrier",
    "Tous droits réservés",
    "Lire aussi",
    "Partager sur Facebook",
    "Wir verwenden Cookies",
    "Der Rundschau-Newsletter",
    "Alle Rechte vorbehalten",
    "Mehr zum Thema",
    "Utilizamos cookies propias",
    "suscríbete gratis a nuestro boletín",
    "Todos los derechos reservados",
    "Te puede interesar",
    "Questo sito utilizza cookie",
    "Iscriviti alla newsletter del Corriere Alpino",
    "Tutti i diritti riservati",
    "Leggi anche",
    "Este site utiliza cookies",
    "Receba a newsletter do Jornal do Atlântico",
    "Todos os direitos reservados",
    "Leia também",
];

/// The articles of the corpus, keyed by file name ("001-meridian-….html").
fn corpus() -> BTreeMap<String, Value> {
    let out = run(&["extract", "--jsonl", PAGES]);
    assert!(
        out.status.success(),
        "extract --jsonl {PAGES} failed ({:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages = BTreeMap::new();
    for a in json_lines(&out.stdout) {
        assert!(a.get("error").is_none(), "a page failed: {a}");
        let name = std::path::Path::new(s(&a, "input"))
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert!(pages.insert(name.clone(), a).is_none(), "{name} read twice");
    }
    pages
}

/// The one page whose file name starts with `prefix` ("039-").
fn page<'a>(pages: &'a BTreeMap<String, Value>, prefix: &str) -> &'a Value {
    let mut found = pages.iter().filter(|(name, _)| name.starts_with(prefix));
    let (_, a) = found
        .next()
        .unwrap_or_else(|| panic!("no page {prefix}* in the corpus"));
    assert!(found.next().is_none(), "several pages {prefix}*");
    a
}

/// Seconds since 1970 of an RFC 3339 date-time with a UTC offset
/// ("2026-11-28T13:25:00+01:00", "2026-11-27T15:02:00Z").
fn unix_seconds(t: &str) -> i64 {
    let num = |r: std::ops::Range<usize>| -> i64 {
        t.get(r.clone())
            .and_then(|x| x.parse().ok())
            .unwrap_or_else(|| panic!("bad date-time {t:?} at {r:?}"))
    };
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    let secs = num(11..13) * 3600 + num(14..16) * 60 + num(17..19);
    let offset = match t.get(19..) {
        Some("Z") => 0,
        Some(o) if o.len() == 6 => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            sign * (num(20..22) * 3600 + num(23..25) * 60)
        }
        _ => panic!("no UTC offset in {t:?}"),
    };
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    days * 86_400 + secs - offset
}

#[test]
fn unix_seconds_reads_offsets() {
    assert_eq!(unix_seconds("1970-01-01T00:00:00Z"), 0);
    assert_eq!(
        unix_seconds("2026-11-28T13:25:00+01:00"),
        unix_seconds("2026-11-28T12:25:00Z")
    );
    assert_eq!(
        unix_seconds("2026-11-27T13:40:00-05:00") - unix_seconds("2026-11-27T17:05:00+01:00"),
        155 * 60
    );
}

#[test]
fn every_page_is_extracted_cleanly() {
    let pages = corpus();
    assert!(
        (40..=50).contains(&pages.len()),
        "the corpus has about 40–50 pages, not {}",
        pages.len()
    );
    for (i, (name, a)) in pages.iter().enumerate() {
        // File names: NNN-outlet-slug.html, numbered from 001 without gaps.
        assert!(
            name.starts_with(&format!("{:03}-", i + 1)) && name.ends_with(".html"),
            "unexpected file name {name}"
        );
        check_contract(a);
        assert!(!s(a, "title").is_empty(), "{name}: no title");
        assert!(
            !s(a, "title").contains(" | ") && !s(a, "title").contains(" - "),
            "{name}: the site name is left in the title {:?}",
            s(a, "title")
        );
        let published = s(a, "published");
        assert!(
            published.starts_with("2026-") && published.len() >= 20,
            "{name}: published {published:?} is not a 2026 date-time"
        );
        assert!(
            ("2026-03-01".."2026-11-29").contains(&published),
            "{name}: published {published:?} outside March–November 2026"
        );
        assert_eq!(s(a, "published_from"), "jsonld", "{name}");
        assert!(!strings(&a["authors"]).is_empty(), "{name}: no author");
        assert!(!s(a, "outlet").is_empty(), "{name}: no outlet");
        assert!(!s(a, "language").is_empty(), "{name}: no language");
        assert!(
            s(a, "canonical_url").starts_with("https://")
                && s(a, "canonical_url")
                    .split('/')
                    .nth(2)
                    .is_some_and(|h| h.ends_with(".example")),
            "{name}: canonical URL {:?} is not under .example",
            s(a, "canonical_url")
        );
        assert!(
            a["warnings"].as_array().is_some_and(|w| w.is_empty()),
            "{name}: warnings {}",
            a["warnings"]
        );
        let paragraphs = strings(&a["paragraphs"]);
        assert!(
            paragraphs.len() >= 3,
            "{name}: only {} paragraphs",
            paragraphs.len()
        );
        let words: usize = paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum();
        assert!(
            (250..=700).contains(&words),
            "{name}: the body has {words} words"
        );
        assert_absent(a, BOILERPLATE);
    }
}

#[test]
fn corpus_has_languages_outlets_and_recent_news() {
    let pages = corpus();
    let languages: BTreeSet<&str> = pages.values().map(|a| s(a, "language")).collect();
    assert!(
        languages.len() >= 4,
        "at least 4 languages, got {languages:?}"
    );
    for lang in ["en", "fr", "de", "es", "it", "pt"] {
        assert!(languages.contains(lang), "no page in {lang}: {languages:?}");
    }
    let outlets: BTreeSet<&str> = pages.values().map(|a| s(a, "outlet")).collect();
    assert!(outlets.len() >= 6, "at least 6 outlets, got {outlets:?}");

    // Several outlets publish in the 24 hours before the newest article ("trending").
    let times: Vec<(i64, &str)> = pages
        .values()
        .map(|a| (unix_seconds(s(a, "published")), s(a, "outlet")))
        .collect();
    let newest = times.iter().map(|(t, _)| *t).max().unwrap_or_default();
    let recent: Vec<&(i64, &str)> = times
        .iter()
        .filter(|(t, _)| newest - t <= 24 * 3600)
        .collect();
    let recent_outlets: BTreeSet<&str> = recent.iter().map(|(_, o)| *o).collect();
    assert!(
        recent.len() >= 6 && recent_outlets.len() >= 4,
        "{} articles from {recent_outlets:?} in the last 24 hours",
        recent.len()
    );
}

#[test]
fn copies_name_their_source_and_wire_copies_share_their_text() {
    let pages = corpus();
    // The aggregator's translation ("Source: Le Courrier de Lorval") and the two others.
    for prefix in ["039-", "042-", "044-"] {
        let a = page(&pages, prefix);
        assert_eq!(
            s(a, "original_outlet"),
            "Le Courrier de Lorval",
            "{prefix}: {}",
            s(a, "input")
        );
        assert!(
            !s(a, "text").contains("Le Courrier de Lorval"),
            "{prefix}: the credit line is not body text"
        );
    }
    let original = page(&pages, "038-");
    assert_eq!(s(original, "outlet"), "Le Courrier de Lorval");
    assert!(original["original_outlet"].is_null());
    assert_eq!(s(page(&pages, "039-"), "outlet"), "The World Digest");
    assert_eq!(s(page(&pages, "039-"), "language"), "en");
    assert_eq!(s(page(&pages, "042-"), "language"), "de");
    assert_eq!(s(page(&pages, "044-"), "language"), "es");

    // The translations keep the original's structure, paragraph for paragraph; the
    // German machine translation garbles one figure.
    let n = strings(&original["paragraphs"]).len();
    for prefix in ["039-", "042-", "044-"] {
        assert_eq!(
            strings(&page(&pages, prefix)["paragraphs"]).len(),
            n,
            "{prefix}"
        );
    }
    assert!(s(original, "text").contains("au total 100 000 combattants"));
    assert!(s(page(&pages, "039-"), "text").contains("a total of 100,000 fighters"));
    assert!(s(page(&pages, "042-"), "text").contains("insgesamt 10.000 Kämpfer"));
    assert!(s(page(&pages, "044-"), "text").contains("en total a 100.000 combatientes"));

    // One wire story, verbatim on three outlets.
    let wire: Vec<&Value> = ["007-", "008-", "009-"]
        .iter()
        .map(|p| page(&pages, p))
        .collect();
    let outlets: BTreeSet<&str> = wire.iter().map(|a| s(a, "outlet")).collect();
    assert_eq!(outlets.len(), 3, "{outlets:?}");
    for a in &wire[1..] {
        assert_eq!(s(a, "text"), s(wire[0], "text"), "{}", s(a, "input"));
        assert_eq!(s(a, "title"), s(wire[0], "title"));
    }
    assert!(s(wire[0], "text").starts_with("PIEVE DI SORRA, Montevera (CPA) —"));

    // The rewrite tells the investigation's facts in other words.
    let investigation = s(page(&pages, "001-"), "text");
    let rewrite = s(page(&pages, "002-"), "text");
    assert_ne!(investigation, rewrite);
    for fact in [
        "Ustrel",
        "Svetlana Orlik",
        "Zoren Group",
        "Selvan",
        "60,000",
    ] {
        assert!(
            investigation.contains(fact) && rewrite.contains(fact),
            "{fact}"
        );
    }
}
