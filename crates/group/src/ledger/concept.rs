//! What a figure counts, as a language-neutral key: a small multilingual lexicon of the
//! quantities news tracks (deaths, missing, injured, evacuated, recruited, arrested,
//! protesters, area burned, money by purpose…), else the stemmed words of the phrase.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

/// A tracked quantity: its key, its name in English, and the words that name it in
/// en fr de es it pt ru zh ja. A word ending in `*` matches as a prefix; words with
/// CJK characters match anywhere in the phrase.
struct Entry {
    key: &'static str,
    name: &'static str,
    /// True when the figures count persons (unit `people` or a person noun).
    persons: bool,
    /// True for amounts of money (the unit is a currency).
    money: bool,
    en: &'static [&'static str],
    other: &'static [&'static str],
}

const LEXICON: &[Entry] = &[
    Entry {
        key: "deaths",
        name: "people killed",
        persons: true,
        money: false,
        en: &[
            "dead",
            "death",
            "deaths",
            "killed",
            "kill",
            "died",
            "die",
            "toll",
            "fatalities",
            "fatality",
            "bodies",
            "lives",
            "drowned",
        ],
        other: &[
            "mort",
            "morts",
            "morte",
            "mortes",
            "tué*",
            "décès",
            "décédé*",
            "tote",
            "toten",
            "todesopfer",
            "getötet*",
            "gestorben",
            "umgekommen",
            "muerto*",
            "muerta*",
            "fallecido*",
            "fallecida*",
            "fallecieron",
            "murieron",
            "morti",
            "deceduti",
            "decedute",
            "uccis*",
            "mortos",
            "mortas",
            "погиб*",
            "убит*",
            "жертв*",
            "смерт*",
            "умер*",
            "死亡",
            "遇难",
            "罹难",
            "丧生",
            "死者",
            "遇難",
        ],
    },
    Entry {
        key: "missing",
        name: "people missing",
        persons: true,
        money: false,
        en: &["missing", "unaccounted"],
        other: &[
            "disparu*",
            "vermisst*",
            "vermisste*",
            "desaparecido*",
            "dispers*",
            "пропавш*",
            "пропал*",
            "неизвестн*",
            "失踪",
            "下落不明",
            "行方",
        ],
    },
    Entry {
        key: "injured",
        name: "people injured",
        persons: true,
        money: false,
        en: &["injured", "wounded", "hurt", "injuries"],
        other: &[
            "blessé*",
            "verletzt*",
            "verwundet*",
            "herido*",
            "herida*",
            "ferit*",
            "ранен*",
            "受伤",
            "負傷",
            "けが",
        ],
    },
    Entry {
        key: "evacuated",
        name: "people evacuated",
        persons: true,
        money: false,
        en: &[
            "evacuated",
            "evacuees",
            "displaced",
            "sheltered",
            "shelter",
            "shelters",
            "homeless",
            "moved",
            "rehoused",
        ],
        other: &[
            "évacué*",
            "déplacé*",
            "sinistré*",
            "relogé*",
            "evakuiert*",
            "obdachlos*",
            "zuflucht",
            "evacuado*",
            "desplazado*",
            "realojado*",
            "sfollat*",
            "evacuat*",
            "эвакуирован*",
            "撤离",
            "安置",
            "避難",
        ],
    },
    Entry {
        key: "recruited",
        name: "people recruited",
        persons: true,
        money: false,
        en: &[
            "recruited",
            "recruits",
            "recruit",
            "enlisted",
            "enrolled",
            "conscripted",
            // "hundreds … have been approached" (by recruiters).
            "approached",
        ],
        other: &[
            "recruté*",
            "rekrutiert*",
            "angeworben*",
            "reclutado*",
            "reclutat*",
            "завербован*",
            "завербовал*",
            "вербов*",
            "招募",
        ],
    },
    Entry {
        key: "arrested",
        name: "people arrested",
        persons: true,
        money: false,
        en: &["arrested", "detained", "arrests", "detentions", "jailed"],
        other: &[
            "arrêté*",
            "interpellé*",
            "festgenommen*",
            "verhaftet*",
            "detenido*",
            "arrestat*",
            "fermat*",
            "задержан*",
            "арестован*",
            "逮捕",
            "拘留",
        ],
    },
    Entry {
        key: "protesters",
        name: "protesters",
        persons: true,
        money: false,
        en: &[
            "protesters",
            "protestors",
            "demonstrators",
            "marchers",
            "strikers",
            "participants",
        ],
        other: &[
            "manifestant*",
            "grévistes",
            "demonstrant*",
            "manifestante*",
            "manifestanti",
            "scioperanti",
            "протестующ*",
            "митингующ*",
            "抗议者",
        ],
    },
    Entry {
        key: "casualties",
        name: "casualties",
        persons: true,
        money: false,
        en: &["casualties"],
        other: &["victimes", "opfer", "víctimas", "vittime", "потер*"],
    },
    Entry {
        key: "area burned",
        name: "area burned",
        persons: false,
        money: false,
        en: &["burned", "burnt", "scorched"],
        other: &["brûlé*", "verbrannt*", "quemada*", "bruciat*", "сгорел*"],
    },
    Entry {
        key: "payout",
        name: "payout",
        persons: false,
        money: true,
        en: &["payout", "payouts", "compensation", "payment", "indemnity"],
        other: &[
            "indemnité*",
            "indemnisation",
            "entschädigung*",
            "indemnización",
            "indennizz*",
            "компенсац*",
            "выплат*",
            "赔偿",
        ],
    },
    Entry {
        key: "pay",
        name: "pay",
        persons: false,
        money: true,
        en: &[
            "salary", "salaries", "pay", "wage", "wages", "month", "monthly",
        ],
        other: &[
            "salaire*",
            "gehalt",
            "lohn",
            "sold",
            "sueldo*",
            "salario*",
            "stipendi*",
            "зарплат*",
            "жалован*",
            "工资",
        ],
    },
    Entry {
        key: "aid",
        name: "aid",
        persons: false,
        money: true,
        en: &["aid", "assistance", "relief", "help"],
        other: &[
            "aide",
            "aides",
            "hilfe*",
            "soforthilfe",
            "ayuda*",
            "aiuti",
            "aiuto",
            "помощ*",
            "援助",
            "救助",
            "支援",
        ],
    },
    Entry {
        key: "budget",
        name: "budget",
        persons: false,
        money: true,
        en: &["budget", "budgets", "spending"],
        other: &[
            "budget*",
            "haushalt*",
            "presupuesto*",
            "bilancio",
            "бюджет*",
            "预算",
            "予算",
        ],
    },
    Entry {
        key: "fine",
        name: "fine",
        persons: false,
        money: true,
        en: &["fine", "fines", "penalty", "penalties"],
        other: &[
            "amende*",
            "geldstrafe*",
            "bußgeld*",
            "multa*",
            "штраф*",
            "罚款",
            "罰金",
        ],
    },
];

/// Words that start a circumstance ("in prison", "for recruitment"): the concept is read
/// before them.
const PREPOSITIONS: &[&str] = &[
    "in",
    "from",
    "for",
    "into",
    "on",
    "behind",
    "after",
    "since",
    "at",
    "of",
    "en",
    "dans",
    "pour",
    "depuis",
    "après",
    "im",
    "aus",
    "für",
    "seit",
    "nach",
    "desde",
    "para",
    "tras",
    "da",
    "per",
    "nel",
    "nella",
    "dopo",
    "в",
    "из",
    "после",
    "за",
];

/// Nouns that name one class of persons, so bare figures about them can meet a figure
/// that says what happened to them ("convicted criminals", "in prison").
const CLASSES: &[(&str, &[&str])] = &[(
    "prisoner",
    &[
        "prisoner",
        "prison",
        "inmat",
        "convict",
        "crimin",
        "detaine",
        "jail",
        "prisonni",
        "détenu",
        "häftling",
        "gefangen",
        "preso",
        "recluso",
        "detenut",
        "заключен",
        "осужден",
    ],
)];

/// Nouns that only say persons are counted: a bare figure of "people" joins no line.
pub(super) const GENERIC: &[&str] = &[
    "peopl",
    "person",
    "personn",
    "menschen",
    "persona",
    "human",
    "человек",
    "людей",
    "gens",
];

/// What a line is keyed on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Concept {
    /// A quantity of the lexicon ("deaths").
    Known(&'static str),
    /// A phrase that says what happened, outside the lexicon: its stemmed words.
    Phrase(String),
    /// A bare noun phrase: its stemmed head noun.
    Noun(String),
}

/// A claim's concept and what the grouping needs besides.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    pub concept: Concept,
    /// The lexicon word was English (the phrase may label the line).
    pub english: bool,
    /// Stems of all words of the phrase.
    pub stems: Vec<String>,
    /// Person classes its words name.
    pub classes: Vec<&'static str>,
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

fn term_matches(term: &str, word: &str, phrase: &str) -> bool {
    if term.chars().any(is_cjk) {
        return phrase.contains(term);
    }
    match term.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == term,
    }
}

/// The lexicon entry `word` names, with whether it is an English word.
fn lookup(word: &str, phrase: &str) -> Option<(&'static Entry, bool)> {
    LEXICON.iter().find_map(|e| {
        if e.en.iter().any(|t| term_matches(t, word, phrase)) {
            Some((e, true))
        } else if e.other.iter().any(|t| term_matches(t, word, phrase)) {
            Some((e, false))
        } else {
            None
        }
    })
}

/// The English name of a lexicon key.
pub(super) fn name(key: &str) -> Option<&'static str> {
    LEXICON.iter().find(|e| e.key == key).map(|e| e.name)
}

/// Whether a unit is a currency code ("RUB", "USD").
pub(super) fn is_currency(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()))
}

/// Whether a lexicon quantity counts persons.
pub(super) fn is_person_concept(key: &str) -> bool {
    LEXICON.iter().any(|e| e.key == key && e.persons)
}

/// Units that are neither money, time, percent nor a measure: counts of things or persons.
pub(super) fn is_count_unit(unit: Option<&str>) -> bool {
    match unit {
        None => true,
        Some(u) => {
            !is_currency(Some(u))
                && !matches!(u, "day" | "percent" | "percentage point")
                && u.chars().any(char::is_alphabetic)
                && u.chars().count() > 3
        }
    }
}

/// A past participle or verb form that says what happened ("applied", "selected",
/// "sélectionnés", "ausgewählt").
fn is_event_word(w: &str) -> bool {
    let n = w.chars().count();
    (n > 4 && w.ends_with("ed") && !w.ends_with("eed"))
        || (n > 4
            && ["és", "ées", "ados", "idos", "adas", "idas", "ati", "iti"]
                .iter()
                .any(|s| w.ends_with(s)))
        || (n > 5 && w.starts_with("ge") && w.ends_with('t'))
}

/// How a claim's `counts` (normalised) and `unit` are read.
pub(super) fn read(counts: &str, unit: Option<&str>) -> Reading {
    let words: Vec<&str> = counts.split_whitespace().collect();
    let stems: Vec<String> = words
        .iter()
        .map(|w| {
            STEMMER
                .stem(w.trim_matches(|c: char| !c.is_alphanumeric()))
                .into_owned()
        })
        .collect();
    let classes: Vec<&'static str> = CLASSES
        .iter()
        .filter(|(_, stems_of)| {
            words
                .iter()
                .any(|w| stems_of.iter().any(|s| w.starts_with(s)))
        })
        .map(|(c, _)| *c)
        .collect();
    // The concept is what the words before a circumstance say: "fighters recruited" in
    // "fighters recruited in prison", "prisoners selected" in "prisoners selected for
    // recruitment".
    let cut = words
        .iter()
        .position(|w| PREPOSITIONS.contains(w))
        .filter(|&k| k > 0)
        .unwrap_or(words.len());
    let head_words = &words[..cut];
    let head_phrase = head_words.join(" ");
    let money = is_currency(unit);
    let mut hits: Vec<(&'static Entry, bool)> = Vec::new();
    for w in head_words {
        if let Some((e, en)) = lookup(w, &head_phrase)
            && e.money == money
            && (money || is_count_unit(unit) || !e.persons)
        {
            hits.push((e, en));
        }
    }
    if hits.is_empty() && head_words.is_empty() {
        // CJK phrases have no spaces.
        if let Some((e, en)) = lookup(counts, counts) {
            hits.push((e, en));
        }
    }
    let has = |k: &str| hits.iter().any(|(e, _)| e.key == k);
    let known = if has("deaths") && has("injured") {
        // "killed or wounded".
        Some(("casualties", hits.iter().any(|(_, en)| *en)))
    } else {
        // The last word that names a quantity: "protesters arrested" counts arrests.
        hits.last().map(|(e, en)| (e.key, *en))
    };
    if let Some((key, english)) = known {
        return Reading {
            concept: Concept::Known(key),
            english,
            stems,
            classes,
        };
    }
    let head_stems: Vec<String> = stems[..cut.min(stems.len())].to_vec();
    // A participle before the noun is an adjective ("convicted criminals").
    let concept = if head_words.iter().skip(1).any(|w| is_event_word(w)) {
        Concept::Phrase(head_stems.join(" "))
    } else {
        Concept::Noun(head_stems.last().cloned().unwrap_or_default())
    };
    Reading {
        concept,
        english: false,
        stems,
        classes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(counts: &str, unit: Option<&str>) -> Concept {
        read(counts, unit).concept
    }

    #[test]
    fn deaths_in_many_languages() {
        for (c, u) in [
            ("people killed", Some("people")),
            ("death toll", None),
            ("personnes mortes", Some("people")),
            ("morts", Some("people")),
            ("toten", Some("people")),
            ("todesopfer", None),
            ("muertos", Some("muertos")),
            ("fallecidos", None),
            ("погибших", Some("people")),
            ("死亡人数", None),
            ("死者", None),
        ] {
            assert_eq!(key(c, u), Concept::Known("deaths"), "{c}");
        }
    }

    #[test]
    fn missing_injured_and_casualties_are_apart() {
        assert_eq!(
            key("personnes portées disparues", Some("people")),
            Concept::Known("missing")
        );
        assert_eq!(key("menschen vermisst", None), Concept::Known("missing"));
        assert_eq!(key("civilians wounded", None), Concept::Known("injured"));
        assert_eq!(
            key("russian troops killed or wounded", Some("people")),
            Concept::Known("casualties")
        );
    }

    #[test]
    fn circumstances_do_not_name_the_quantity() {
        assert_eq!(
            key("fighters recruited in prison", Some("people")),
            Concept::Known("recruited")
        );
        assert_eq!(
            key("prisoners selected for recruitment", Some("people")),
            Concept::Phrase("prison select".into())
        );
        assert_eq!(
            key("prisoners applied", Some("people")),
            Concept::Phrase("prison appli".into())
        );
        assert_eq!(
            key("fighters", Some("people")),
            Concept::Noun("fighter".into())
        );
    }

    #[test]
    fn money_by_purpose_and_not_persons() {
        assert_eq!(key("payout", Some("RUB")), Concept::Known("payout"));
        assert_eq!(key("per month", Some("RUB")), Concept::Known("pay"));
        assert_eq!(key("aide d'urgence", Some("EUR")), Concept::Known("aid"));
        // A person concept never reads money.
        assert_ne!(key("dead", Some("USD")), Concept::Known("deaths"));
    }
}
