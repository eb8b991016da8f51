//! What the analysis finds in our own fixture pages (tests/fixtures/pages: one fictional
//! dam-collapse story told by several outlets in several languages): the speakers of
//! direct and indirect quotes, the entities behind them, and the figures with their
//! hedges and claimants.

mod common;

use common::*;
use serde_json::Value;

fn page(name: &str) -> Value {
    let p = fixture(&format!("pages/{name}")).display().to_string();
    analyse(&[&p])
}

/// The quote whose text contains `needle`.
fn quote<'a>(a: &'a Value, needle: &str) -> &'a Value {
    a["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| s(q, "text").contains(needle))
        .unwrap_or_else(|| panic!("no quote containing {needle:?} in {:#}", a["quotes"]))
}

/// The claim whose text contains `needle`.
fn claim<'a>(a: &'a Value, needle: &str) -> &'a Value {
    a["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| s(c, "text").contains(needle))
        .unwrap_or_else(|| panic!("no claim containing {needle:?} in {:#}", a["claims"]))
}

fn speaker(q: &Value) -> &str {
    s(&q["speaker"], "name")
}

fn entity_names(a: &Value, kind: &str) -> Vec<String> {
    a["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| s(e, "kind") == kind)
        .map(|e| s(e, "name").to_string())
        .collect()
}

#[test]
fn english_page_quotes_entities_and_claims() {
    let a = page("en_lisna_valley_courier.html");
    assert_eq!(s(&a, "language"), "en");
    assert!(a["language_confidence"].as_f64().unwrap() > 0.5);

    let q = quote(&a, "We heard a roar like a freight train");
    assert_eq!(s(q, "kind"), "direct");
    assert_eq!(speaker(q), "Petra Lind");
    assert!(
        q["speaker"]["entity"].is_u64(),
        "the speaker is an entity: {q}"
    );
    let people = entity_names(&a, "person");
    assert!(people.contains(&"Petra Lind".to_string()), "{people:?}");
    assert!(people.contains(&"Ilse Maren".to_string()), "{people:?}");
    let places = entity_names(&a, "place");
    assert!(places.contains(&"Orvalle".to_string()), "{places:?}");

    let c = claim(&a, "12");
    assert_eq!(c["value"].as_f64(), Some(12.0));
    assert_eq!(s(c, "unit"), "people");
    assert!(s(c, "hedge").contains("at least"), "{c}");
    assert!(s(c, "counts").contains("killed"), "{c}");
    let c = claim(&a, "1,200");
    assert_eq!(c["value"].as_f64(), Some(1200.0));
    assert!(c["approximate"].as_bool().unwrap(), "about 1,200: {c}");
    assert!(
        a["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| s(c, "text") != "1968"),
        "a year is not a claim"
    );
}

/// Known gaps of the quote extractor (issue 4), kept as expectations: run with
/// `cargo test --test analyse_fixtures -- --ignored`.
#[test]
#[ignore = "known quote-extractor gaps: an unattributed follow-up quote in the same paragraph; 'X, apposition, said the number…' read as inversion"]
fn english_page_follow_up_quote_and_subject_with_apposition() {
    let a = page("en_lisna_valley_courier.html");
    let q = quote(&a, "We watched cars float past the window");
    assert_eq!(
        speaker(q),
        "Petra Lind",
        "a second quote of the same speaker"
    );
    let q = quote(&a, "the number of dead was likely to rise");
    assert_eq!(s(q, "kind"), "indirect");
    assert_eq!(speaker(q), "Ilse Maren");
}

#[test]
fn french_page_quotes_and_claims() {
    let a = page("fr_courrier_du_val.html");
    assert_eq!(s(&a, "language"), "fr");
    let q = quote(&a, "Nous continuons à chercher maison par maison");
    assert_eq!(s(q, "kind"), "direct");
    assert_eq!(speaker(q), "Marc Dalbray");
    let c = claim(&a, "41");
    assert_eq!(c["value"].as_f64(), Some(41.0));
    assert_eq!(s(c, "unit"), "people");
    assert!(
        s(&c["claimant"], "name").contains("préfecture"),
        "selon la préfecture: {c}"
    );
    let c = claim(&a, "5 millions d'euros");
    assert_eq!(c["value"].as_f64(), Some(5_000_000.0));
    assert_eq!(s(c, "unit"), "EUR");
}

#[test]
fn german_page_quotes_and_claims() {
    let a = page("de_kessinger_tagblatt.html");
    assert_eq!(s(&a, "language"), "de");
    let q = quote(&a, "Wir finden Menschen auf Dachböden");
    assert_eq!(s(q, "kind"), "direct");
    assert_eq!(speaker(q), "Jonas Vogt");
    let c = claim(&a, "30");
    assert_eq!(c["value"].as_f64(), Some(30.0));
    assert!(c["approximate"].as_bool().unwrap(), "etwa 30: {c}");
}
