//! Constant word lists of the segmenter: abbreviations by how they behave before a
//! capitalised word, the words that often start a sentence, month names, speech verbs.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How an abbreviation's full stop behaves when a capitalised word or a digit follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A title or connective always followed by more of the sentence ("Dr.", "z. B.").
    Strong,
    /// Followed by a number inside the sentence ("No. 4", "Jan. 5"); else an ordinary word.
    Numeric,
    /// Often ends a sentence ("Inc.", "etc.", "U.S."): a boundary when a usual sentence
    /// opener follows ("The", "Il", "Der").
    Weak,
}

/// Titles and connectives; `Strong`.
#[rustfmt::skip]
const STRONG: &[&str] = &[
    // English titles and ranks
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt",
    "Sgt", "Cpl", "Pvt", "Adm", "Cmdr", "Cdr", "Brig", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
    "Pres", "Rev", "Hon", "St", "Ste", "Mt", "Ft", "Supt", "Insp", "Det", "Amb", "Atty", "Lieut",
    "Cmdt", "Fr", "Sra", "Srta", "Sres", "Sras", "vs", "cf", "viz", "approx", "ca", "Ca", "Approx",
    "Vs",
    // French
    "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Pr", "av", "apr",
    // German
    "Hr", "Hrn", "Frl", "Dipl", "Ing", "bzw", "vgl", "Vgl", "sog", "evtl", "ggf", "inkl", "exkl",
    "zzgl", "abzgl", "Mio", "Mrd", "Tsd", "geb", "gest", "gegr", "Str", "Verf", "Hrsg",
    // Spanish, Portuguese, Italian
    "Dra", "Dña", "Lic", "Arq", "Av", "Avda", "Gral", "Excmo", "Excma", "Exmo", "Exma", "Ilmo",
    "Pdte", "Ud", "Uds", "Vd", "Vds", "aprox", "Sig", "Sigg", "Dott", "Avv", "On",
    // Dutch
    "dhr", "Dhr", "mevr", "Mevr", "drs", "ir", "prof", "dr", "mr",
    // Polish, Czech
    "np", "tzw",
    // Russian, Ukrainian
    "им", "ул", "просп", "пер", "пл", "рис", "см", "напр", "проф", "акад", "ген", "св", "Св",
    "тов", "гр", "вул", "ім",
];

/// Followed by a number inside the sentence; `Numeric`.
#[rustfmt::skip]
const NUMERIC: &[&str] = &[
    "No", "Nos", "no", "Nr", "Nrn", "nr", "Art", "Arts", "art", "Fig", "fig", "Figs", "Vol", "vol",
    "Vols", "Ch", "ch", "Sec", "sec", "Sect", "Para", "para", "pp", "Pt", "pt", "Bd", "Abs", "núm",
    "Núm", "pág", "Pág", "pag", "Tel", "tel", "Ziff", "Kap", "Nº", "стр", "кв", "ст", "ok", "env",
    "Env",
    // months
    "Jan", "Feb", "Febr", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Okt", "Nov",
    "Dec", "Dez", "Mär", "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "ene", "abr",
    "ago", "dic", "янв", "февр", "апр", "авг", "сент", "окт", "нояб", "дек",
];

/// Often at the end of a sentence; `Weak`.
#[rustfmt::skip]
const WEAK: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "Cos", "Jr", "Bros", "plc", "Plc", "Esq", "etc", "usw", "Cía",
    "гг", "др", "Sr",
    // US states in AP style ("Boston, Mass.")
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
    "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Written with inner full stops and never at a sentence's end ("e.g.", "z.B.").
#[rustfmt::skip]
const STRONG_DOTTED: &[&str] = &[
    "e.g", "i.e", "z.B", "d.h", "u.a", "z.T", "o.ä", "u.U", "v.a", "p.ex", "т.е", "т.к", "т.н",
    "т.ч", "и.о", "Sig.ra", "Dott.ssa", "S.E", "a.k.a",
];

/// Two-token abbreviations, the first token's full stop included: "z. B.".
#[rustfmt::skip]
const STRONG_PAIRS: &[&str] = &[
    "z. B", "d. h", "u. a", "z. T", "o. ä", "u. U", "v. a", "s. o", "s. u", "m. E", "p. ex",
    "av. J.-C", "apr. J.-C", "e. g", "i. e", "т. е", "т. к", "т. н", "т. ч", "и. о", "в. о",
    "p. ej",
];
const WEAK_PAIRS: &[&str] = &["т. д", "т. п", "EE. UU", "a. m", "p. m", "a. C", "d. C"];

/// Capitalised words that often open a sentence: after a `Weak` abbreviation they mark
/// a boundary.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    // English
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their",
    "Our", "My", "This", "That", "These", "Those", "There", "Here", "But", "And", "Or", "So",
    "Yet", "In", "On", "At", "For", "From", "By", "With", "As", "After", "Before", "When", "While",
    "Since", "Although", "Though", "If", "However", "Meanwhile", "Still", "Also", "Then", "Now",
    "Today", "Yesterday", "Last", "Earlier", "Later", "Officials", "Police", "Some", "Many",
    "Most", "Both", "All", "No", "One", "Such", "What", "Why", "How", "Who", "Where", "According",
    "Despite", "During", "Under", "Over", "Shares", "Analysts",
    // French
    "Le", "La", "Les", "L'", "Un", "Une", "Il", "Elle", "Ils", "Elles", "Nous", "Vous", "Ce",
    "Cette", "Ces", "Mais", "Et", "Donc", "En", "Au", "Aux", "Selon", "Pour", "Dans", "Depuis",
    // German
    "Der", "Die", "Das", "Ein", "Eine", "Er", "Sie", "Es", "Wir", "Ich", "Ihr", "Man", "Dies",
    "Diese", "Dieser", "Aber", "Und", "Doch", "Auch", "Im", "Am", "Nach", "Seit", "Laut", "Bei",
    // Spanish, Italian, Portuguese
    "El", "Los", "Las", "Una", "Él", "Ella", "Ellos", "Esto", "Este", "Esta", "Pero", "Y", "Según",
    "Para", "Por", "Desde", "Lo", "Gli", "Questo", "Ma", "Os", "As", "Ele", "Mas",
    // Russian, Ukrainian
    "Он", "Она", "Они", "Оно", "Мы", "Я", "Это", "Этот", "Эта", "В", "На", "По", "Но", "И", "А",
    "При", "После", "Как", "Также", "Потом", "Затем", "Однако", "Сейчас", "Теперь", "Ранее",
    "Позже", "Вчера", "Сегодня", "Кроме", "Він", "Вона", "Вони", "Це", "У", "Потім",
];

/// Month names that follow an ordinal ("3. Oktober"), lower-cased.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember", "january", "february", "march", "may", "june", "july",
    "october", "december", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
    "nov", "dez",
];

/// German words before an ordinal ("am 3.", "der 1. FC", "im 20. Jahrhundert").
#[rustfmt::skip]
const DE_ORDINAL_BEFORE: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "am", "im", "zum", "zur", "vom", "beim", "ab",
    "seit", "bis", "ihr", "ihre", "ihrem", "ihren", "ihres", "sein", "seine", "seinem", "seinen",
    "seines", "Der", "Die", "Das", "Den", "Dem", "Am", "Im", "Zum", "Ab", "Seit", "Bis", "jeder",
    "jede", "jedem", "jeden", "und", "oder", "zwischen",
];

/// English verbs of saying: `"Why?" Smith asked.` stays one sentence.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes",
    "replied", "replies", "explained", "insisted", "continued", "shouted", "recalled", "noted",
    "stated", "tweeted", "posted", "warned", "argued", "claimed", "cried", "answered", "admitted",
    "declared", "announced", "concluded", "exclaimed", "wondered", "whispered", "screamed",
    "yelled", "responded", "remarked", "sighed", "laughed", "joked", "demanded", "pressed",
    "countered", "snapped", "urged", "pleaded", "mused", "conceded", "observed", "charged",
    "quipped", "asserted", "boasted", "complained",
];

static ABBREVIATIONS: LazyLock<HashMap<&'static str, Kind>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for w in WEAK {
        m.insert(*w, Kind::Weak);
    }
    for w in NUMERIC {
        m.insert(*w, Kind::Numeric);
    }
    for w in STRONG.iter().chain(STRONG_DOTTED) {
        m.insert(*w, Kind::Strong);
    }
    m
});

static PAIRS: LazyLock<HashMap<&'static str, Kind>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for w in STRONG_PAIRS {
        m.insert(*w, Kind::Strong);
    }
    for w in WEAK_PAIRS {
        m.insert(*w, Kind::Weak);
    }
    m
});

static STARTER_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| STARTERS.iter().copied().collect());
static MONTH_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| MONTHS.iter().copied().collect());
static DE_ORDINAL_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| DE_ORDINAL_BEFORE.iter().copied().collect());
static SPEECH_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SPEECH_VERBS.iter().copied().collect());

/// The kind of the abbreviation `token` (without its final full stop) in `lang`.
pub(super) fn lookup(token: &str, lang: &str) -> Option<Kind> {
    match (token, lang) {
        // Spanish and Portuguese "Sr." is a title; English "Sr." closes a name.
        ("Sr", "es" | "pt" | "it") => Some(Kind::Strong),
        _ => ABBREVIATIONS.get(token).copied(),
    }
}

/// The kind of the two-token abbreviation `"first. second"` ("z. B").
pub(super) fn lookup_pair(pair: &str) -> Option<Kind> {
    PAIRS.get(pair).copied()
}

pub(super) fn is_starter(word: &str) -> bool {
    STARTER_SET.contains(word)
}

pub(super) fn is_month(word: &str) -> bool {
    word.len() <= 12 && MONTH_SET.contains(word.to_lowercase().as_str())
}

pub(super) fn is_de_ordinal_before(word: &str) -> bool {
    DE_ORDINAL_SET.contains(word)
}

pub(super) fn is_speech_verb(word: &str) -> bool {
    SPEECH_SET.contains(word)
}
