//! The seed pages (../shared/seeds, read when present) through the whole pipeline: the
//! figures the product is built for must come out with what they count, who claims them
//! and how they are hedged.
//!
//! Only what the claims stage finds on its own is asserted. Claimants that the quote and
//! entity stages will refine are marked: the assertions there accept the refined names
//! ("Osechkin" or "Vladimir Osechkin").

use std::path::PathBuf;

use storyline_analyse::{Analysis, Claim, Options, analyse, quantities::Kind};

fn seed(prefix: &str) -> Option<String> {
    let dir = std::env::var_os("STORYLINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
        .join("seeds");
    let entries = std::fs::read_dir(&dir).ok()?;
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with(prefix) && name.ends_with(".txt") {
            return std::fs::read_to_string(e.path()).ok();
        }
    }
    None
}

fn run(prefix: &str) -> Option<(String, Analysis)> {
    let Some(text) = seed(prefix) else {
        println!("seed {prefix}* not found under ../shared/seeds: skipped");
        return None;
    };
    let a = analyse(
        &text,
        &Options {
            lang: Some("en".into()),
            outlet: None,
        },
    );
    Some((text, a))
}

fn claims_with(a: &Analysis, pred: impl Fn(&Claim) -> bool) -> Vec<&Claim> {
    a.claims.iter().filter(|c| pred(c)).collect()
}

fn name(c: &Claim) -> String {
    c.claimant
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_default()
}

fn sentence_text(text: &str, a: &Analysis, i: usize) -> String {
    let s = a.sentences[i];
    text.chars().skip(s.start).take(s.end - s.start).collect()
}

#[test]
fn seed_000_prison_recruits() {
    let Some((text, a)) = run("000_") else { return };
    for c in &a.claims {
        println!(
            "{:?} {:?} {:?} {:?} {:?}",
            c.text,
            c.counts,
            name(c),
            c.hedge,
            c.unit
        );
    }
    // 100,000 fighters recruited in prison, claimed by Olga Romanova; the Kremlin has
    // never given an official figure.
    let romanova = claims_with(&a, |c| {
        c.value == Some(100_000.0) && c.counts.as_deref() == Some("fighters recruited in prison")
    });
    assert!(!romanova.is_empty(), "100,000 fighters recruited in prison");
    for c in &romanova {
        assert_eq!(c.unit.as_deref(), Some("people"));
        assert!(name(c).contains("Olga Romanova"), "claimant {:?}", name(c));
        let h = c.hedge.as_deref().unwrap_or_default();
        assert!(h.contains("never given an official figure"), "hedge {h:?}");
    }
    // "a man sentenced to 17 years in prison": in the sentence about Vladislav Kaniouss.
    let years = claims_with(&a, |c| c.text == "17 years");
    assert_eq!(years.len(), 1);
    let y = years[0];
    assert_eq!(
        (y.kind, y.value, y.unit.as_deref()),
        (Kind::Duration, Some(6205.0), Some("day"))
    );
    assert_eq!(y.counts.as_deref(), Some("years in prison"));
    assert!(sentence_text(&text, &a, y.sentence).contains("Vladislav Kaniouss"));
    // "several hundred thousand reservists".
    let res = claims_with(&a, |c| c.text == "several hundred thousand");
    assert_eq!(res.len(), 1);
    let r = res[0];
    assert_eq!(
        (r.min, r.max, r.approximate),
        (Some(200_000.0), Some(900_000.0), true)
    );
    assert_eq!(
        (r.unit.as_deref(), r.counts.as_deref()),
        (Some("people"), Some("reservists"))
    );
    // "Tens of thousands of convicted criminals".
    assert!(a.claims.iter().any(|c| c.text == "Tens of thousands"
        && c.counts.as_deref() == Some("convicted criminals")
        && c.approximate));
    // Not claims: the dates, the year, "24h" of the page furniture.
    for c in &a.claims {
        assert!(
            !matches!(
                c.text.as_str(),
                "2022" | "2023" | "2019" | "24h" | "11" | "10"
            ),
            "{:?}",
            c.text
        );
    }
}

#[test]
fn seed_001_prisoners_offered_freedom() {
    let Some((text, a)) = run("001_") else { return };
    let _ = text;
    for c in &a.claims {
        println!(
            "{:?} {:?} {:?} {:?} {:?}",
            c.text,
            c.counts,
            name(c),
            c.hedge,
            c.unit
        );
    }
    // As many as 75,000 Russian troops killed or wounded, by Western estimates, which the
    // Kremlin denied.
    let t = claims_with(&a, |c| c.text == "as many as 75,000");
    assert_eq!(t.len(), 1);
    let t = t[0];
    assert_eq!(
        (t.value, t.max, t.approximate),
        (Some(75_000.0), Some(75_000.0), true)
    );
    assert_eq!(t.unit.as_deref(), Some("people"));
    assert_eq!(
        t.counts.as_deref(),
        Some("russian troops killed or wounded")
    );
    assert_eq!(name(t), "Western estimates");
    let h = t.hedge.as_deref().unwrap_or_default();
    assert!(
        h.contains("as many as") && h.contains("denied by the Kremlin"),
        "{h:?}"
    );
    // 100,000 and 200,000 rubles a month (the claimant, the prisoner, comes with the quote
    // stage: the figures are inside his quote).
    let rub = claims_with(&a, |c| {
        c.kind == Kind::Money
            && c.unit.as_deref() == Some("RUB")
            && c.counts.as_deref() == Some("per month")
    });
    let values: Vec<f64> = rub.iter().filter_map(|c| c.value).collect();
    assert!(
        values.contains(&100_000.0) && values.contains(&200_000.0),
        "{values:?}"
    );
    // Five million rubles ($82,000): the conversion shares the counts.
    let five = claims_with(&a, |c| c.text == "five million rubles");
    let usd = claims_with(&a, |c| c.text == "$82,000");
    assert_eq!((five.len(), usd.len()), (1, 1));
    assert_eq!(
        (five[0].value, five[0].unit.as_deref()),
        (Some(5_000_000.0), Some("RUB"))
    );
    assert_eq!(
        (usd[0].value, usd[0].unit.as_deref()),
        (Some(82_000.0), Some("USD"))
    );
    assert_eq!(five[0].counts.as_deref(), Some("payout"));
    assert_eq!(usd[0].counts, five[0].counts);
    // Osechkin (the entity stage may give his full name).
    assert!(name(five[0]).contains("Osechkin") && name(usd[0]).contains("Osechkin"));
    // 50 selected, 400 applied, claimed by the prisoner (the quote and link stages may
    // name him "one prisoner").
    let fifty = claims_with(&a, |c| c.text == "50");
    let four = claims_with(&a, |c| c.text == "400");
    assert_eq!((fifty.len(), four.len()), (1, 1));
    assert_eq!(
        fifty[0].counts.as_deref(),
        Some("prisoners selected for recruitment")
    );
    assert_eq!(four[0].counts.as_deref(), Some("prisoners applied"));
    assert_eq!(four[0].unit.as_deref(), Some("people"));
    assert!(name(fifty[0]).contains("prisoner") && name(four[0]).contains("prisoner"));
    // Ten volunteers, according to his brother David (entities may complete the name).
    let ten = claims_with(&a, |c| c.text == "ten");
    assert_eq!(ten.len(), 1);
    assert_eq!(
        (
            ten[0].value,
            ten[0].unit.as_deref(),
            ten[0].counts.as_deref()
        ),
        (Some(10.0), Some("people"), Some("volunteers"))
    );
    assert!(name(ten[0]).contains("David"));
    // Two weeks of training; six months (nearly six months of war, amnesty in six months).
    let weeks = claims_with(&a, |c| c.text == "two weeks");
    assert_eq!(weeks.len(), 1);
    assert_eq!(
        (weeks[0].value, weeks[0].counts.as_deref()),
        (Some(14.0), Some("weeks of training"))
    );
    let six = claims_with(&a, |c| c.kind == Kind::Duration && c.value == Some(180.0));
    assert!(six.len() >= 2);
    assert!(
        six.iter()
            .any(|c| c.text == "nearly six months" && c.approximate)
    );
    // Not claims: "IK17", "the first half of July".
    assert!(!a.claims.iter().any(|c| c.text == "17" || c.text == "half"));
}
