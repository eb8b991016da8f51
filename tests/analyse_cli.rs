//! End-to-end tests of `storyline analyse` on our own fixtures: the analysis contract on
//! every page (offsets into `text`, ids), plain-text input, forced language, batches.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn every_fixture_page_keeps_the_analysis_contract() {
    let dir = fixture("pages").display().to_string();
    let out = run(&["analyse", &dir]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 11);
    for a in &lines {
        check_contract(a);
        check_analysis(a);
        assert!(
            !a["sentences"].as_array().unwrap().is_empty(),
            "{}",
            s(a, "input")
        );
        assert!(
            !a["quantities"].as_array().unwrap().is_empty(),
            "{}",
            s(a, "input")
        );
    }
}

#[test]
fn text_input_is_analysed_as_given_with_offsets_into_it() {
    let text = "Officials said on Monday that 47 people had died.\r\n\r\nRescuers — about 300 of them — kept searching for two weeks.";
    let out = run_with_stdin(&["analyse", "--text", "--lang", "en", "-"], text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_analysis(&a);
    assert_eq!(s(&a, "text"), text, "--text keeps the input unchanged");
    assert_eq!(s(&a, "language"), "en");
    assert_eq!(a["language_confidence"].as_f64(), Some(1.0));
    assert_eq!(s(&a, "input"), "-");
    let q: Vec<&str> = a["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| s(q, "text"))
        .collect();
    assert!(q.contains(&"47"), "{q:?}");
    assert!(q.contains(&"two weeks"), "{q:?}");
}

#[test]
fn forced_language_is_used_by_every_stage() {
    let text = "Le bilan est passé à cinq millions d'euros en deux semaines.";
    let out = run_with_stdin(&["analyse", "--text", "--lang", "fr", "-"], text.as_bytes());
    assert!(out.status.success());
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s(&a, "language"), "fr");
    let money = a["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| s(q, "kind") == "money")
        .expect("French money read with the forced language");
    assert_eq!(money["value"].as_f64(), Some(5_000_000.0));
    assert_eq!(s(money, "unit"), "EUR");
}

#[test]
fn a_bad_language_code_is_a_usage_error() {
    let out = run(&["analyse", "--text", "--lang", "french", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ISO 639-1"));
}

#[test]
fn batches_go_on_after_a_bad_input_and_report_it() {
    let good = fixture("pages/en_lisna_valley_courier.html")
        .display()
        .to_string();
    let bad = fixture("non_articles/does-not-exist.html")
        .display()
        .to_string();
    let out = run(&["analyse", &good, &bad]);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    check_analysis(&lines[0]);
    assert!(lines[1]["error"].is_string());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does-not-exist.html"));
}

#[test]
fn text_without_sentences_or_with_huge_numbers_is_handled() {
    let mut text = "9".repeat(400);
    text.push_str(" « unbalanced \" quote „ marks ");
    text.push_str(&"word ".repeat(20_000));
    let out = run_with_stdin(&["analyse", "--text", "-"], text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    check_analysis(&a);
}
