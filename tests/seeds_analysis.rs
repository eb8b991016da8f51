//! The analysis of the two seed pages (`../shared/seeds/`, read at run time, never copied
//! here): the quotes, speakers and claims issue 4 names. Skipped with a message when the
//! folder is absent.

mod common;

use common::*;
use serde_json::Value;

fn analysed(prefix: &str) -> Option<Value> {
    let path = seed(prefix)?;
    Some(analyse(&[&path.display().to_string()]))
}

fn items<'a>(a: &'a Value, field: &str) -> &'a Vec<Value> {
    a[field].as_array().expect("a list")
}

/// Quotes whose text contains `needle`.
fn quotes_with<'a>(a: &'a Value, needle: &str) -> Vec<&'a Value> {
    items(a, "quotes")
        .iter()
        .filter(|q| s(q, "text").contains(needle))
        .collect()
}

/// The claims whose text contains `needle`.
fn claims_with<'a>(a: &'a Value, needle: &str) -> Vec<&'a Value> {
    items(a, "claims")
        .iter()
        .filter(|c| s(c, "text").contains(needle))
        .collect()
}

fn speaker(q: &Value) -> &str {
    s(&q["speaker"], "name")
}

fn claimant(c: &Value) -> &str {
    s(&c["claimant"], "name")
}

#[test]
fn seed_000_peskov_romanova_and_the_missing_official_figure() {
    let Some(a) = analysed("000_") else { return };
    assert_eq!(s(&a, "language"), "en");

    // Dmitry Peskov's quotes, under his canonical name, linked to his entity.
    for needle in ["atone with blood", "expiating their crime with blood"] {
        let qs = quotes_with(&a, needle);
        assert!(!qs.is_empty(), "no quote with {needle:?}");
        for q in qs {
            assert_eq!(speaker(q), "Dmitry Peskov", "{q}");
            let id = q["speaker"]["entity"]
                .as_u64()
                .expect("linked to an entity") as usize;
            assert_eq!(s(&items(&a, "entities")[id], "name"), "Dmitry Peskov");
        }
    }
    // The role reference and the short form are mentions of Peskov.
    let peskov = items(&a, "entities")
        .iter()
        .find(|e| s(e, "name") == "Dmitry Peskov")
        .expect("Peskov is an entity");
    let forms: Vec<(&str, &str)> = peskov["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (s(m, "text"), s(m, "form")))
        .collect();
    assert!(forms.contains(&("Peskov", "short")), "{forms:?}");
    assert!(
        forms.contains(&("Vladimir Putin's spokesman", "role")),
        "{forms:?}"
    );

    // 100,000 fighters recruited in prison, claimed by Olga Romanova; the Kremlin never
    // gave an official figure.
    let c = claims_with(&a, "100,000")
        .into_iter()
        .find(|c| claimant(c) == "Olga Romanova")
        .expect("100,000 claimed by Olga Romanova");
    assert_eq!(c["value"].as_f64(), Some(100_000.0));
    assert_eq!(s(c, "unit"), "people");
    assert!(s(c, "counts").contains("fighters"), "{c}");
    assert!(
        s(c, "hedge").contains("never given an official figure"),
        "{c}"
    );

    // A 17-year sentence, and several hundred thousand reservists.
    let c = claims_with(&a, "17 years");
    assert_eq!(c.len(), 1, "{:#?}", items(&a, "claims"));
    assert!(s(c[0], "counts").contains("prison"), "{}", c[0]);
    let c = claims_with(&a, "several hundred thousand");
    assert_eq!(c.len(), 1);
    assert!(c[0]["approximate"].as_bool().unwrap());
    assert!(s(c[0], "counts").contains("reservists"));
    let (min, max) = (c[0]["min"].as_f64().unwrap(), c[0]["max"].as_f64().unwrap());
    assert!(min >= 100_000.0 && max < 1_000_000.0, "{min}..{max}");
}

#[test]
fn seed_001_one_prisoner_osechkin_and_the_figures() {
    let Some(a) = analysed("001_") else { return };
    assert_eq!(s(&a, "language"), "en");

    // The unnamed prisoner is "one prisoner", never a wrong name.
    for needle in [
        "They will accept murderers",
        "In my case, if it’s real",
        "50 prisoners had already been selected",
    ] {
        let qs = quotes_with(&a, needle);
        assert!(
            !qs.is_empty(),
            "no quote with {needle:?}: {:#}",
            a["quotes"]
        );
        for q in qs {
            assert_eq!(speaker(q), "one prisoner", "{q}");
            assert!(q["speaker"]["entity"].is_null());
        }
    }
    for needle in ["In the last three weeks", "There is no guarantee"] {
        let qs = quotes_with(&a, needle);
        assert!(!qs.is_empty(), "no quote with {needle:?}");
        for q in qs {
            assert_eq!(speaker(q), "Vladimir Osechkin", "{q}");
        }
    }

    // As many as 75,000 troops killed or wounded: Western estimates, denied by the Kremlin.
    let c = claims_with(&a, "75,000");
    assert_eq!(c.len(), 1);
    let c = c[0];
    assert_eq!(s(c, "text"), "as many as 75,000");
    assert_eq!(s(c, "unit"), "people");
    assert!(s(c, "counts").contains("killed or wounded"), "{c}");
    assert_eq!(claimant(c), "Western estimates");
    let hedge = s(c, "hedge");
    assert!(
        hedge.contains("as many as") && hedge.contains("Kremlin"),
        "{hedge}"
    );

    // Pay: 100,000 and 200,000 rubles a month; five million rubles ($82,000).
    let money = |needle: &str, value: f64, unit: &str| {
        let c = claims_with(&a, needle);
        assert_eq!(c.len(), 1, "{needle}: {:#}", a["claims"]);
        assert_eq!(c[0]["value"].as_f64(), Some(value), "{}", c[0]);
        assert_eq!(s(c[0], "unit"), unit);
    };
    money("100,000", 100_000.0, "RUB");
    money("200,000", 200_000.0, "RUB");
    money("five million rubles", 5_000_000.0, "RUB");
    money("$82,000", 82_000.0, "USD");

    // Counts and durations.
    let count = |needle: &str, value: f64, counted: &str| {
        let c = claims_with(&a, needle);
        assert!(!c.is_empty(), "no claim {needle:?}: {:#}", a["claims"]);
        assert_eq!(c[0]["value"].as_f64(), Some(value), "{}", c[0]);
        assert!(s(c[0], "counts").contains(counted), "{}", c[0]);
    };
    count("50", 50.0, "selected");
    count("400", 400.0, "applied");
    count("ten", 10.0, "volunteers");
    count("two weeks", 14.0, "training");
    let six = claims_with(&a, "six months");
    assert!(
        six.iter()
            .all(|c| s(c, "unit") == "day" && c["value"].as_f64() == Some(180.0))
    );
    assert!(six.len() >= 2, "nearly six months, six months: {six:?}");
}
