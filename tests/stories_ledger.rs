//! End-to-end: the figure ledger of the stories `storyline ingest` groups — the Vardena
//! dam's death toll across en/fr/de/es/ru/zh/ja fixtures in date order, the missing kept
//! apart; and, when `../shared/seeds` is there, the seeds' prisoners-recruited line.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn ingest(db: &Path, paths: &[&str]) {
    let d = db.display().to_string();
    let mut args = vec!["ingest", "--json", "--db", d.as_str()];
    args.extend_from_slice(paths);
    let out = run(&args);
    assert!(
        out.status.success(),
        "ingest failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// Every story page of the store.
fn pages(db: &Path) -> Vec<Value> {
    let d = db.display().to_string();
    let list = json(&["stories", "--all", "--json", "--db", &d]);
    let items = list
        .as_array()
        .cloned()
        .or_else(|| list["stories"].as_array().cloned())
        .unwrap_or_else(|| panic!("no story list: {list}"));
    items
        .iter()
        .map(|s| {
            let id = s["id"]
                .as_u64()
                .or_else(|| s["story"]["id"].as_u64())
                .unwrap_or_else(|| panic!("no id: {s}"))
                .to_string();
            json(&["story", &id, "--json", "--db", &d])
        })
        .collect()
}

fn lines<'a>(page: &'a Value, concept: &str) -> Vec<&'a Value> {
    page["ledger"]
        .as_array()
        .map(|l| {
            l.iter()
                .filter(|x| x["concept"].as_str() == Some(concept))
                .collect()
        })
        .unwrap_or_default()
}

fn outlets(page: &Value) -> Vec<String> {
    page["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| {
            a["article"]["outlet"]
                .as_str()
                .or_else(|| a["outlet"].as_str())
                .map(str::to_string)
        })
        .collect()
}

/// (value, as_of, outlet) of a ledger line's entries.
fn entries(line: &Value) -> Vec<(f64, String, String)> {
    line["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e["value"].as_f64().unwrap_or(f64::NAN),
                e["as_of"].as_str().unwrap_or("").to_string(),
                e["outlet"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

const DEATHS: [f64; 6] = [12.0, 27.0, 41.0, 43.0, 45.0, 47.0];
const MISSING: [f64; 6] = [40.0, 30.0, 17.0, 15.0, 13.0, 11.0];

#[test]
fn the_dam_death_toll_reads_in_date_order_across_languages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("store");
    ingest(&db, &[&fixture("pages").display().to_string()]);
    let all = pages(&db);
    let english = all
        .iter()
        .find(|p| outlets(p).iter().any(|o| o == "The Lisna Valley Courier"))
        .expect("a story holds the Courier's article");
    let deaths = lines(english, "deaths");
    assert_eq!(deaths.len(), 1, "one deaths line: {:#}", english["ledger"]);
    let got = entries(deaths[0]);
    println!("the English story's deaths line: {got:?}");
    assert_eq!(got.first().map(|e| e.0), Some(12.0), "{got:?}");
    // Copies are not counted: the Daily Relay's copy adds no entry.
    assert!(got.iter().all(|e| e.2 != "The Daily Relay"), "{got:?}");
    let mut every: Vec<(f64, String, String)> = Vec::new();
    for p in &all {
        let d = lines(p, "deaths");
        assert!(d.len() <= 1, "one deaths line a story: {:#}", p["ledger"]);
        for l in d {
            let e = entries(l);
            // Within a line: date order, the toll only grows, no missing count in it.
            // Undated entries (a text dump without a date) come last.
            let dated: Vec<&(f64, String, String)> = e.iter().filter(|x| !x.1.is_empty()).collect();
            assert!(
                e[..dated.len()].iter().all(|x| !x.1.is_empty()),
                "undated last: {e:?}"
            );
            for w in dated.windows(2) {
                assert!(w[0].1 <= w[1].1, "date order: {e:?}");
                assert!(w[0].0 <= w[1].0, "the toll only grows: {e:?}");
            }
            for x in &e {
                assert!(DEATHS.contains(&x.0), "not a death toll: {x:?} in {e:?}");
            }
            every.extend(e);
        }
        for l in lines(p, "missing") {
            for x in entries(l) {
                assert!(MISSING.contains(&x.0), "not a missing count: {x:?}");
            }
        }
    }
    every.sort_by(|a, b| a.1.cmp(&b.1));
    println!("deaths over all stories: {every:?}");
    for (value, outlet) in [
        (12.0, "The Lisna Valley Courier"),
        (27.0, "Kessinger Tagblatt"),
        (41.0, "Le Courrier du Val"),
        (43.0, "El Diario del Valle"),
    ] {
        assert!(
            every.iter().any(|e| e.0 == value && e.2 == outlet),
            "{value} from {outlet} in a deaths line: {every:?}"
        );
    }
}

#[test]
fn the_seeds_prisoners_recruited_line() {
    let seeds = root().join("../shared/seeds");
    if !seeds.is_dir() {
        println!("skipped: {} is absent", seeds.display());
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("store");
    ingest(&db, &[&seeds.display().to_string()]);
    let all = pages(&db);
    let recruited: Vec<&Value> = all.iter().flat_map(|p| lines(p, "recruited")).collect();
    assert!(!recruited.is_empty(), "no recruited line: {all:#?}");
    let line = recruited
        .iter()
        .find(|l| {
            l["entries"].as_array().into_iter().flatten().any(|e| {
                e["value"].as_f64() == Some(100_000.0)
                    && e["claimant"]["name"].as_str() == Some("Olga Romanova")
            })
        })
        .unwrap_or_else(|| panic!("100,000 from Olga Romanova: {recruited:#?}"));
    let texts: Vec<&str> = line["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["text"].as_str())
        .collect();
    println!("prisoners recruited: {texts:?}");
    assert!(
        texts.contains(&"Tens of thousands"),
        "convicted criminals recruited: {line:#}"
    );
    // The BOL page's "hundreds" (activists; "have been approached") is on a recruited line:
    // the same line when the two pages share a story, else its own story's.
    let all_texts: Vec<&str> = recruited
        .iter()
        .flat_map(|l| l["entries"].as_array().into_iter().flatten())
        .filter_map(|e| e["text"].as_str())
        .collect();
    println!("recruited lines over all stories: {all_texts:?}");
    assert!(all_texts.contains(&"hundreds"), "{recruited:#?}");
    // The prison's own 50 selected and 400 applied are other lines.
    assert!(
        !all_texts.contains(&"50") && !all_texts.contains(&"400"),
        "{recruited:#?}"
    );
}
