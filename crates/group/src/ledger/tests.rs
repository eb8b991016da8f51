use storyline_analyse::Speaker;
use storyline_analyse::claims::Claim;
use storyline_analyse::quantities::Kind;

use super::{LedgerArticle, LedgerLine, build};

fn claim(text: &str, v: f64, counts: &str, unit: Option<&str>, who: &str) -> Claim {
    Claim {
        text: text.into(),
        start: 0,
        end: 0,
        kind: Kind::Number,
        value: Some(v),
        min: None,
        max: None,
        approximate: false,
        unit: unit.map(str::to_string),
        counts: Some(counts.into()),
        claimant: Some(Speaker {
            name: who.into(),
            entity: None,
            mention: None,
        }),
        hedge: None,
        sentence: 0,
        as_of: None,
    }
}

fn vague(text: &str, min: f64, max: f64, counts: Option<&str>, who: &str) -> Claim {
    let mut c = claim(text, 0.0, counts.unwrap_or(""), Some("people"), who);
    c.value = None;
    c.min = Some(min);
    c.max = Some(max);
    c.kind = Kind::Range;
    c.counts = counts.map(str::to_string);
    c
}

fn article<'a>(
    id: u64,
    outlet: &'a str,
    day: Option<&'a str>,
    claims: &'a [Claim],
) -> LedgerArticle<'a> {
    LedgerArticle {
        id,
        outlet: Some(outlet),
        published: day,
        copy_of: None,
        claims,
    }
}

fn line<'a>(l: &'a [LedgerLine], concept: &str) -> &'a LedgerLine {
    l.iter()
        .find(|x| x.concept.as_deref() == Some(concept))
        .unwrap_or_else(|| panic!("no {concept} line: {l:#?}"))
}

fn values(l: &LedgerLine) -> Vec<f64> {
    l.entries.iter().filter_map(|e| e.value).collect()
}

#[test]
fn death_tolls_meet_across_languages_and_missing_stays_apart() {
    let en = [
        claim(
            "At least 12",
            12.0,
            "people killed",
            Some("people"),
            "regional officials",
        ),
        claim("about 40", 40.0, "missing", None, "regional officials"),
    ];
    let de = [
        claim("27", 27.0, "zahl der toten", None, "Kessinger Tagblatt"),
        claim(
            "30",
            30.0,
            "menschen vermisst",
            Some("people"),
            "Kessinger Tagblatt",
        ),
    ];
    let mut fr_27 = claim("27", 27.0, "morts", None, "la préfecture");
    fr_27.as_of = Some("day-1".into());
    let fr = [
        claim(
            "41",
            41.0,
            "personnes mortes",
            Some("people"),
            "la préfecture",
        ),
        fr_27,
        claim(
            "Dix-sept",
            17.0,
            "personnes portées disparues",
            Some("people"),
            "Le Courrier",
        ),
    ];
    let es = [claim(
        "43",
        43.0,
        "muertos",
        Some("muertos"),
        "autoridades regionales",
    )];
    let ru = [claim(
        "41",
        41.0,
        "погибших",
        Some("people"),
        "региональные власти",
    )];
    let arts = [
        article(4, "El Diario del Valle", Some("2024-03-13"), &es),
        article(
            1,
            "The Lisna Valley Courier",
            Some("2024-03-10T09:15:00+01:00"),
            &en,
        ),
        article(
            3,
            "Le Courrier du Val",
            Some("2024-03-12T10:05:00+01:00"),
            &fr,
        ),
        article(2, "Kessinger Tagblatt", Some("2024-03-11"), &de),
        article(5, "Вести Долины", Some("2024-03-12T14:20:00+03:00"), &ru),
    ];
    let l = build(&arts);
    let deaths = line(&l, "deaths");
    assert_eq!(
        deaths.counts, "people killed",
        "the English wording labels it"
    );
    assert_eq!(deaths.unit.as_deref(), Some("people"));
    assert_eq!(
        values(deaths),
        vec![12.0, 27.0, 27.0, 41.0, 41.0, 43.0],
        "{deaths:#?}"
    );
    // "contre 27 la veille": the figure is for the day before the article.
    let fr27 = deaths
        .entries
        .iter()
        .find(|e| e.article == 3 && e.value == Some(27.0));
    assert_eq!(fr27.and_then(|e| e.as_of.as_deref()), Some("2024-03-11"));
    // Same figures on one day are no contradiction; 12 → 27 more than doubles.
    assert_eq!(
        deaths.flags,
        vec!["jump: At least 12 → 27 (2024-03-10 → 2024-03-11)"]
    );
    let missing = line(&l, "missing");
    assert_eq!(values(missing), vec![40.0, 30.0, 17.0]);
    assert!(
        !deaths.entries.iter().any(|e| e.value == Some(17.0)),
        "missing is not dead"
    );
}

#[test]
fn a_contradiction_is_two_claimants_on_one_day() {
    let a = [claim(
        "40",
        40.0,
        "people killed",
        Some("people"),
        "the governor",
    )];
    let b = [claim("75", 75.0, "dead", None, "a hospital source")];
    let c = [claim(
        "12",
        12.0,
        "people missing",
        Some("people"),
        "the governor",
    )];
    let l = build(&[
        article(1, "A", Some("2024-03-10"), &a),
        article(2, "B", Some("2024-03-10"), &b),
        article(3, "C", Some("2024-03-10"), &c),
    ]);
    let deaths = line(&l, "deaths");
    assert_eq!(deaths.entries.len(), 2);
    assert!(
        deaths.flags.iter().any(|f| f.starts_with("contradiction")),
        "{:?}",
        deaths.flags
    );
    assert!(line(&l, "missing").flags.is_empty());
}

#[test]
fn copies_and_repeats_are_not_counted() {
    let orig = [
        claim(
            "100,000",
            100_000.0,
            "fighters recruited in prison",
            Some("people"),
            "Olga Romanova",
        ),
        // The highlights repeat the text's sentence.
        claim(
            "100,000",
            100_000.0,
            "fighters recruited in prison",
            Some("people"),
            "Olga Romanova",
        ),
    ];
    let copy = [claim(
        "100,000",
        100_000.0,
        "fighters recruited in prison",
        Some("people"),
        "Olga Romanova",
    )];
    let mut arts = vec![
        article(1, "Le Parisien", Some("2023-11-10"), &orig),
        article(2, "The Limited Times", Some("2023-11-10"), &copy),
    ];
    arts[1].copy_of = Some(1);
    let l = build(&arts);
    let r = line(&l, "recruited");
    assert_eq!(r.entries.len(), 1, "{r:#?}");
    assert_eq!(r.entries[0].article, 1);
}

#[test]
fn the_seed_drift_reads_as_one_line_with_a_jump() {
    // Hundreds approached (activists, August 2022), 20,000 (a rights group, late 2022),
    // 35,000 (officials, 2023), 100,000 (Olga Romanova, November 2023) — one quantity
    // under four wordings; the prison's own 50 selected / 400 applied stay apart.
    let cnn = [
        vague(
            "hundreds",
            200.0,
            900.0,
            Some("prisoners recruited"),
            "Activists",
        ),
        claim(
            "50",
            50.0,
            "prisoners selected for recruitment",
            Some("people"),
            "one prisoner",
        ),
        claim(
            "400",
            400.0,
            "prisoners applied",
            Some("people"),
            "one prisoner",
        ),
        vague(
            "thousands",
            2000.0,
            9000.0,
            Some("russian prisoners"),
            "Vladimir Osechkin",
        ),
    ];
    let mut g = claim(
        "20,000",
        20_000.0,
        "inmates recruited",
        Some("people"),
        "Russia Behind Bars",
    );
    g.as_of = Some("2022-12".into());
    let rights = [g];
    let officials = [claim(
        "35,000",
        35_000.0,
        "convicted criminals",
        Some("people"),
        "officials",
    )];
    let parisien = [
        claim(
            "100,000",
            100_000.0,
            "fighters recruited in prison",
            Some("people"),
            "Olga Romanova",
        ),
        claim(
            "100,000",
            100_000.0,
            "fighters",
            Some("people"),
            "The Limited Times",
        ),
        claim(
            "five million rubles",
            5e6,
            "payout",
            Some("RUB"),
            "Osechkin",
        ),
    ];
    let l = build(&[
        article(4, "Le Parisien", Some("2023-11-10T17:03:27Z"), &parisien),
        article(1, "CNN", Some("2022-08-06"), &cnn),
        article(2, "Meduza", Some("2023-01-15"), &rights),
        article(3, "Reuters", Some("2023-06-01"), &officials),
    ]);
    let r = line(&l, "recruited");
    let got: Vec<(&str, &str)> = r
        .entries
        .iter()
        .map(|e| {
            (
                e.text.as_str(),
                e.claimant.as_ref().map_or("", |c| c.name.as_str()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("hundreds", "Activists"),
            ("thousands", "Vladimir Osechkin"),
            ("20,000", "Russia Behind Bars"),
            ("35,000", "officials"),
            ("100,000", "Olga Romanova"),
            ("100,000", "The Limited Times"),
        ],
        "{r:#?}"
    );
    assert_eq!(r.entries[2].as_of.as_deref(), Some("2022-12"));
    assert!(
        r.flags.iter().any(|f| f.starts_with("jump")),
        "{:?}",
        r.flags
    );
    // The prison's own figures and the money are other lines.
    for other in ["prisoners selected for recruitment", "prisoners applied"] {
        assert!(
            l.iter().any(|x| x.counts == other && x.entries.len() == 1),
            "{other}: {l:#?}"
        );
    }
    let pay = line(&l, "payout");
    assert_eq!(pay.unit.as_deref(), Some("RUB"));
}

#[test]
fn units_keep_lines_apart() {
    let a = [
        claim(
            "100,000",
            100_000.0,
            "per month",
            Some("RUB"),
            "one prisoner",
        ),
        claim(
            "100,000",
            100_000.0,
            "fighters",
            Some("people"),
            "Olga Romanova",
        ),
        claim("12", 12.0, "tanks destroyed", Some("tanks"), "the army"),
        claim("40", 40.0, "people killed", Some("people"), "the army"),
    ];
    let l = build(&[article(1, "A", Some("2023-11-10"), &a)]);
    assert_eq!(l.len(), 4, "{l:#?}");
    assert_eq!(line(&l, "pay").unit.as_deref(), Some("RUB"));
}
