//! The time reference a figure's sentence gives it ("contre 27 la veille", "officials had
//! put the toll at 45 on Thursday", "in October 2022", "据当地政府13日通报"), written
//! language-neutrally for the ledger to resolve against the article's date: `YYYY`,
//! `YYYY-MM`, `YYYY-MM-DD`, `day-1` (the day before), `weekday:N` (Monday..Sunday = 1..7),
//! `monthday:N` (day N of the month), `month:N` (a month without a year), `year-1` (last
//! year). The reference nearest to the figure wins; one after "since"/"depuis"/"seit"/
//! "desde" (a starting point, not a date for the figure) is not one.

use std::sync::LazyLock;

use regex::Regex;

static WHEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?P<since>\b(?:since|depuis|seit|desde|dal|dall'|с|со)\s+(?:the\s+|le\s+|la\s+|el\s+)?)?
        (?:
          (?P<yesterday>\byesterday\b|\bthe\s+day\s+before\b|\bla\s+veille\b|\bhier\b|\bgestern\b|\bvortag\b|\bayer\b|\bla\s+víspera\b|\bel\s+día\s+anterior\b|\bieri\b|накануне|вчера|昨日|前日)
        | (?P<lastyear>\blast\s+year\b|\bl'an\s+dernier\b|\bl'année\s+dernière\b|\bletztes\s+jahr\b|\bvorjahr\b|\bel\s+año\s+pasado\b|\bl'anno\s+scorso\b|в\s+прошлом\s+году)
        | \b(?:in|en|im|в)\s+(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)(?:\s+(?:de\s+|del\s+)?(?P<monthyear>(?:19|20)\d\d))?\b
        | \b(?:in|en|im|nel|в)\s+(?:(?:the\s+)?year\s+|jahr\s+|l'année\s+)?(?P<year>(?:19|20)\d\d)\b
        | (?P<weekday>\b(?:on\s+|le\s+|am\s+|el\s+|este\s+|во?\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))
        | (?P<cjkday>(?:[0-9]{1,2}|[０-９]{1,2})日)
        )",
    )
    .expect("time reference pattern")
});

/// Every branch of [`WHEN`] needs one of these words (or a year, or 日): without word
/// boundaries or capture groups the regex crate answers this from its fast literal and
/// DFA engines, so most sentences never reach the captures.
static WHEN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)yesterday|day\s+before|veille|hier|gestern|vortag|ayer|víspera|día\s+anterior|ieri|накануне|вчера|昨日|前日|last\s+year|l'an\s+dernier|l'année\s+dernière|letztes\s+jahr|vorjahr|año\s+pasado|anno\s+scorso|прошлом\s+году|january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|(?:19|20)\d\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|日",
    )
    .expect("time word pattern")
});

fn month_number(m: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["january", "janvier", "januar", "enero", "gennaio", "январе"],
        &[
            "february",
            "février",
            "februar",
            "febrero",
            "febbraio",
            "феврале",
        ],
        &["march", "mars", "märz", "marzo", "марте"],
        &["april", "avril", "abril", "aprile", "апреле"],
        &["may", "mai", "mayo", "maggio", "мае"],
        &["june", "juin", "juni", "junio", "giugno", "июне"],
        &["july", "juillet", "juli", "julio", "luglio", "июле"],
        &["august", "août", "agosto", "августе"],
        &[
            "september",
            "septembre",
            "septiembre",
            "settembre",
            "сентябре",
        ],
        &[
            "october",
            "octobre",
            "oktober",
            "octubre",
            "ottobre",
            "октябре",
        ],
        &["november", "novembre", "noviembre", "ноябре"],
        &[
            "december",
            "décembre",
            "dezember",
            "diciembre",
            "dicembre",
            "декабре",
        ],
    ];
    let m = m.to_lowercase();
    NAMES
        .iter()
        .position(|names| names.contains(&m.as_str()))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn weekday_number(w: &str) -> Option<u32> {
    let w = w.to_lowercase();
    let last = w.split_whitespace().last().unwrap_or("");
    const NAMES: [&[&str]; 7] = [
        &[
            "monday",
            "lundi",
            "montag",
            "lunes",
            "lunedì",
            "понедельник",
        ],
        &[
            "tuesday",
            "mardi",
            "dienstag",
            "martes",
            "martedì",
            "вторник",
        ],
        &[
            "wednesday",
            "mercredi",
            "mittwoch",
            "miércoles",
            "mercoledì",
            "среду",
        ],
        &[
            "thursday",
            "jeudi",
            "donnerstag",
            "jueves",
            "giovedì",
            "четверг",
        ],
        &[
            "friday",
            "vendredi",
            "freitag",
            "viernes",
            "venerdì",
            "пятницу",
        ],
        &[
            "saturday",
            "samedi",
            "samstag",
            "sábado",
            "sabato",
            "субботу",
        ],
        &[
            "sunday",
            "dimanche",
            "sonntag",
            "domingo",
            "domenica",
            "воскресенье",
        ],
    ];
    NAMES
        .iter()
        .position(|names| names.iter().any(|n| last.starts_with(n)))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A time reference: (char start, char end, reference).
pub(super) type Ref = (usize, usize, String);

/// The time references of `text` (a sentence).
pub(super) fn references(text: &str) -> Vec<Ref> {
    if !WHEN_WORDS.is_match(text) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in WHEN.captures_iter(text) {
        let Some(all) = m.get(0) else { continue };
        if m.name("since").is_some() {
            continue;
        }
        let reference = if m.name("yesterday").is_some() {
            Some("day-1".to_string())
        } else if m.name("lastyear").is_some() {
            Some("year-1".to_string())
        } else if let Some(mo) = m.name("month") {
            month_number(mo.as_str()).map(|n| match m.name("monthyear") {
                Some(y) => format!("{}-{n:02}", y.as_str()),
                None => format!("month:{n}"),
            })
        } else if let Some(y) = m.name("year") {
            Some(y.as_str().to_string())
        } else if let Some(w) = m.name("weekday") {
            weekday_number(w.as_str()).map(|n| format!("weekday:{n}"))
        } else if let Some(d) = m.name("cjkday") {
            let digits: String = d
                .as_str()
                .chars()
                .filter_map(|c| {
                    c.to_digit(10).or_else(|| {
                        let v = c as u32;
                        (0xFF10..=0xFF19).contains(&v).then(|| v - 0xFF10)
                    })
                })
                .map(|v| char::from_digit(v, 10).unwrap_or('0'))
                .collect();
            digits
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=31).contains(n))
                .map(|n| format!("monthday:{n}"))
        } else {
            None
        };
        if let Some(r) = reference {
            let start = text[..all.start()].chars().count();
            let end = start + all.as_str().chars().count();
            out.push((start, end, r));
        }
    }
    out
}

/// The reference nearest to the figure at `[start, end)` (char offsets within the same
/// text as `refs`).
pub(super) fn nearest(refs: &[Ref], start: usize, end: usize) -> Option<String> {
    refs.iter()
        .filter(|(s, e, _)| *e <= start || *s >= end)
        .min_by_key(|(s, e, _)| if *e <= start { start - e } else { s - end })
        .map(|(_, _, r)| r.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, figure: &str) -> Option<String> {
        let start = text[..text.find(figure).unwrap()].chars().count();
        let end = start + figure.chars().count();
        nearest(&references(text), start, end)
    }

    #[test]
    fn the_nearest_reference_dates_the_figure() {
        let fr = "Le bilan de la rupture du barrage, survenue dimanche à l'aube, s'est encore alourdi mardi : 41 personnes sont mortes, selon la préfecture, contre 27 la veille.";
        assert_eq!(at(fr, "41").as_deref(), Some("weekday:2"));
        assert_eq!(at(fr, "27").as_deref(), Some("day-1"));
        let en = "Officials had put the toll at 45 on Thursday.";
        assert_eq!(at(en, "45").as_deref(), Some("weekday:4"));
        let es = "ha ascendido a 43, según informaron este miércoles las autoridades";
        assert_eq!(at(es, "43").as_deref(), Some("weekday:3"));
        assert_eq!(
            at("Накануне официальные лица говорили о 27 погибших.", "27").as_deref(),
            Some("day-1")
        );
        assert_eq!(
            at("据当地政府13日通报，遇难人数已上升至43人", "43").as_deref(),
            Some("monthday:13")
        );
        assert_eq!(
            at(
                "In October 2022, the group said 20,000 had been recruited.",
                "20,000"
            )
            .as_deref(),
            Some("2022-10")
        );
        assert_eq!(
            at(
                "Tens of thousands have been recruited since last year.",
                "Tens of thousands"
            ),
            None
        );
        assert_eq!(at("Some 300 people marched.", "300"), None);
    }

    #[test]
    fn the_word_prefilter_lets_every_kind_of_reference_through() {
        for text in [
            "They met yesterday.",
            "Il est arrivé la veille.",
            "Sie kamen am Vortag.",
            "Llegó el día anterior.",
            "Они приехали накануне.",
            "Sales fell last year.",
            "Les ventes ont baissé l'année dernière.",
            "It happened in March 2023.",
            "Es geschah im Oktober.",
            "Это случилось в марте.",
            "The law passed in 2019.",
            "The vote is on Friday.",
            "Die Wahl ist am Sonntag.",
            "La votación es el miércoles.",
            "Выборы в воскресенье.",
            "会議は13日に開かれた。",
        ] {
            assert!(WHEN.is_match(text), "{text}");
            assert!(WHEN_WORDS.is_match(text), "{text}");
            assert!(!references(text).is_empty(), "{text}");
        }
        assert!(references("Some 300 people marched.").is_empty());
    }
}
