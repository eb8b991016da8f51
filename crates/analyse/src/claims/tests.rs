//! Unit tests of the claims stage: the quote and entity paths (with hand-made quotes and
//! entities), the fallbacks, hedges in several languages, and inputs that must not hurt.

use super::*;
use crate::entities::{EntityKind, EntityMention, MentionForm};
use crate::mention::Mention;
use crate::quotes::QuoteKind;
use crate::{quantities, sentences};

fn run(
    text: &str,
    lang: &str,
    entities: &[Entity],
    quotes: &[Quote],
    outlet: Option<&str>,
) -> Vec<Claim> {
    let sents = sentences::split(text, lang);
    let qs = quantities::recognize(text, lang);
    find(&Input {
        text,
        lang,
        sentences: &sents,
        quantities: &qs,
        entities,
        quotes,
        outlet,
    })
}

fn en(text: &str) -> Vec<Claim> {
    run(text, "en", &[], &[], None)
}

/// Code-point span of the first occurrence of `needle`.
fn span(text: &str, needle: &str) -> (usize, usize) {
    let b = text.find(needle).expect("needle in text");
    let start = text[..b].chars().count();
    (start, start + needle.chars().count())
}

fn entity(id: usize, name: &str, text: &str, mentions: &[&str]) -> Entity {
    Entity {
        id,
        kind: EntityKind::Person,
        name: name.into(),
        mentions: mentions
            .iter()
            .map(|m| {
                let (start, end) = span(text, m);
                EntityMention {
                    text: (*m).into(),
                    start,
                    end,
                    form: MentionForm::Short,
                }
            })
            .collect(),
    }
}

#[test]
fn the_quote_that_holds_a_figure_gives_its_claimant() {
    let text =
        "\"Somebody talks about 100,000 rubles a month, another 200,000,\" the prisoner said.";
    let (start, end) = span(
        text,
        "Somebody talks about 100,000 rubles a month, another 200,000,",
    );
    let speaker = Speaker {
        name: "one prisoner".into(),
        entity: None,
        mention: Some(Mention::of(
            text,
            span(text, "the prisoner").0,
            span(text, "the prisoner").1,
        )),
    };
    let quote = Quote {
        text: "Somebody talks about 100,000 rubles a month, another 200,000,".into(),
        start,
        end,
        kind: QuoteKind::Direct,
        speaker: Some(speaker.clone()),
        cue: None,
    };
    let claims = run(text, "en", &[], &[quote], Some("The Courier"));
    assert_eq!(claims.len(), 2);
    for c in &claims {
        assert_eq!(c.claimant.as_ref(), Some(&speaker));
        assert_eq!(
            (c.unit.as_deref(), c.counts.as_deref()),
            (Some("RUB"), Some("per month"))
        );
    }
}

#[test]
fn an_attribution_overlapping_an_entity_takes_its_id_and_name() {
    let text = "Osechkin stated that some workers were promised a payout of five million rubles ($82,000).";
    let ents = [entity(0, "Vladimir Osechkin", text, &["Osechkin"])];
    let claims = run(text, "en", &ents, &[], None);
    assert_eq!(claims.len(), 2);
    for c in &claims {
        let s = c.claimant.as_ref().expect("claimant");
        assert_eq!((s.name.as_str(), s.entity), ("Vladimir Osechkin", Some(0)));
        assert_eq!(
            s.mention.as_ref().map(|m| m.text.as_str()),
            Some("Osechkin")
        );
        assert_eq!(c.counts.as_deref(), Some("payout"));
    }
}

#[test]
fn a_pronoun_claimant_resolved_by_the_entity_stage() {
    let text = "Peskov spoke on Friday. He said 300 men had been recruited.";
    let (s, e) = span(text, "He");
    let mut ent = entity(0, "Dmitry Peskov", text, &["Peskov"]);
    ent.mentions.push(EntityMention {
        text: "He".into(),
        start: s,
        end: e,
        form: MentionForm::Pronoun,
    });
    let claims = run(text, "en", &[ent], &[], None);
    assert_eq!(claims.len(), 1);
    let sp = claims[0].claimant.as_ref().expect("claimant");
    assert_eq!((sp.name.as_str(), sp.entity), ("Dmitry Peskov", Some(0)));
    // Without entities, the pronoun itself.
    let claims = en(text);
    assert_eq!(
        claims[0].claimant.as_ref().map(|s| s.name.as_str()),
        Some("he")
    );
}

#[test]
fn unattributed_figures_belong_to_the_outlet_or_nobody() {
    let text = "Fifteen soldiers were killed overnight.";
    let c = run(text, "en", &[], &[], Some("The Courier"));
    let s = c[0].claimant.as_ref().expect("outlet");
    assert_eq!(
        (s.name.as_str(), s.entity, s.mention.is_none()),
        ("The Courier", None, true)
    );
    assert!(en(text)[0].claimant.is_none());
    assert!(run(text, "en", &[], &[], Some("  "))[0].claimant.is_none());
}

#[test]
fn hedges_bound_the_value_and_widen_the_text() {
    let c = &en("As many as 75,000 Russian troops have been killed or wounded.")[0];
    assert_eq!(
        (c.text.as_str(), c.start, c.max, c.min),
        ("As many as 75,000", 0, Some(75000.0), None)
    );
    let c = &en("At least 40 people died.")[0];
    assert_eq!(
        (c.min, c.max, c.hedge.as_deref()),
        (Some(40.0), None, Some("at least"))
    );
    // "talks about": a preposition; "said about": a hedge.
    let c = &en("He talks about 100,000 rubles a month.")[0];
    assert_eq!((c.text.as_str(), c.approximate), ("100,000 rubles", false));
    let c = &en("Police said about 2,000 people attended.")[0];
    assert_eq!((c.text.as_str(), c.approximate), ("about 2,000", true));
}

#[test]
fn french_and_spanish_at_least_are_not_minus() {
    let c = &run(
        "Au moins cinq millions de roubles ont été versés.",
        "fr",
        &[],
        &[],
        None,
    )[0];
    assert_eq!(
        (c.text.as_str(), c.value, c.min),
        ("Au moins cinq millions de roubles", Some(5e6), Some(5e6))
    );
    let c = &run("Al menos 200 personas murieron.", "es", &[], &[], None)[0];
    assert_eq!(
        (c.text.as_str(), c.value, c.unit.as_deref()),
        ("Al menos 200", Some(200.0), Some("people"))
    );
}

#[test]
fn a_disclaimer_in_the_next_sentence_hedges_the_figures_before_it() {
    let text = "Moscow has recruited 100,000 fighters in prison. The Kremlin has never given an official figure.\n\nThe war has lasted two years.";
    let claims = en(text);
    assert_eq!(
        claims[0].hedge.as_deref(),
        Some("The Kremlin has never given an official figure")
    );
    // Not across paragraphs, not durations.
    assert!(claims[1].hedge.is_none());
    let text =
        "The Kremlin has not confirmed the figure. Activists say 45 protesters died in custody.";
    assert!(
        en(text)[0]
            .hedge
            .as_deref()
            .is_some_and(|h| h.contains("not confirmed"))
    );
}

#[test]
fn durations_are_counted_in_days() {
    let c = &en("He was sentenced to 17 years in prison.")[0];
    assert_eq!(
        (c.kind, c.value, c.unit.as_deref()),
        (Kind::Duration, Some(6205.0), Some("day"))
    );
    let c = &run("Он приговорен к 17 годам колонии.", "ru", &[], &[], None)[0];
    assert_eq!((c.text.as_str(), c.value), ("17 годам", Some(6205.0)));
}

#[test]
fn claims_stay_inside_their_sentences_and_name_their_words() {
    let texts = [
        "About. 5,000 people. As many as\n\n75,000 troops.",
        "«Au moins» 40 « personnes » \" \" 1,000 (\"$5\") 2019-2020 ",
        "according to according to 50 said said 60 Peskov said, said 70",
        "",
        "5",
        "a, , ,, 1",
    ];
    for text in texts {
        for lang in ["en", "fr", "de", "ru", "zh"] {
            let sents = sentences::split(text, lang);
            for c in run(text, lang, &[], &[], Some("X")) {
                let words: String = text.chars().skip(c.start).take(c.end - c.start).collect();
                assert_eq!(words, c.text);
                let s = sents[c.sentence];
                assert!(s.start <= c.start && c.end <= s.end, "{c:?} in {text:?}");
                if let Some(m) = c.claimant.and_then(|s| s.mention) {
                    let w: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                    assert_eq!(w, m.text);
                }
            }
        }
    }
}

#[test]
fn hostile_inputs_finish_fast() {
    let started = std::time::Instant::now();
    // A long text without a full stop, full of figures and attributions.
    let piece = "according to Olga Romanova, as many as 75,000 troops said \"100,000 rubles a month, \u{ab} ";
    let long: String = piece.repeat(20_000);
    let claims = run(&long, "en", &[], &[], Some("X"));
    assert!(claims.len() > 10_000);
    // Huge numbers, unbalanced quotes, mixed scripts.
    let digits = "9".repeat(400);
    let text = format!("\"{digits} people «около 100 тысяч» 死者は45人 {digits}");
    let _ = run(&text, "ru", &[], &[], None);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn ages_in_apposition_to_a_name_are_not_claims() {
    let texts = [
        "“We watched the cars float past,” said Petra Lind, 54, who escaped with her husband.",
        "The driver, Jonas Vogt (45), was taken to hospital.",
    ];
    for text in texts {
        let claims = en(text);
        assert!(
            claims.iter().all(|c| c.text != "54" && c.text != "45"),
            "{text}: {claims:?}"
        );
    }
    // A count after a comma is still a figure.
    let claims = en("In Orvalle, 54 homes were destroyed.");
    assert!(claims.iter().any(|c| c.text == "54"), "{claims:?}");
}

#[test]
fn never_giving_an_official_figure_hedges_in_seven_languages() {
    let cases = [
        (
            "en",
            "Activists say 35,000 prisoners were sent to the front. The government never gave an official figure.",
            "never gave an official figure",
        ),
        (
            "fr",
            "Selon l’ONG, 35 000 détenus ont été envoyés au front. Le pouvoir n’a jamais donné de chiffre officiel.",
            "n’a jamais donné de chiffre officiel",
        ),
        (
            "fr",
            "L’ONG avance le chiffre de 35 000 détenus. Les autorités n’ont jamais communiqué de chiffre officiel.",
            "n’ont jamais communiqué",
        ),
        (
            "de",
            "Laut der Organisation wurden 35.000 Häftlinge an die Front geschickt. Die Regierung hat nie eine offizielle Zahl genannt.",
            "nie eine offizielle Zahl genannt",
        ),
        (
            "de",
            "Die Organisation zählte 35.000 Häftlinge an der Front. Eine offizielle Zahl hat die Regierung in Varensk nie genannt.",
            "nie genannt",
        ),
        (
            "es",
            "Según la ONG, 35.000 presos fueron enviados al frente. El Gobierno nunca ha dado una cifra oficial.",
            "nunca ha dado una cifra oficial",
        ),
        (
            "it",
            "Secondo l’associazione, 35.000 detenuti sono stati mandati al fronte. Il governo non ha mai fornito una cifra ufficiale.",
            "non ha mai fornito",
        ),
        (
            "ru",
            "По данным правозащитников, на фронт отправлены 35 000 заключённых. Власти никогда не называли официальных цифр.",
            "никогда не называли",
        ),
        (
            "pt",
            "Segundo a ONG, 35.000 presos foram enviados para a frente. O governo nunca divulgou um número oficial.",
            "nunca divulgou um número oficial",
        ),
    ];
    for (lang, text, words) in cases {
        let claims = run(text, lang, &[], &[], None);
        let c = claims
            .iter()
            .find(|c| c.value == Some(35000.0))
            .unwrap_or_else(|| panic!("{lang}: no claim 35,000 in {claims:?}"));
        assert!(
            c.hedge.as_deref().is_some_and(|h| h.contains(words)),
            "{lang}: hedge {:?}",
            c.hedge
        );
    }
    // A German "Linie" is no "nie", and a plain fact is no disclaimer.
    let claims = run(
        "Auf der Linie eine Zahl von 35.000 Fahrgästen. Der Zug fährt nie eine Stunde zu spät.",
        "de",
        &[],
        &[],
        None,
    );
    assert!(claims.iter().all(|c| c.hedge.is_none()), "{claims:?}");
}
