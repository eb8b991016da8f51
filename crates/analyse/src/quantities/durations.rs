//! Time: duration units and their length in seconds, spans without numbers ("an hour",
//! "all day", "several weeks") and ages told by a verb of having ("tiene 29 años").

use super::Kind;
use super::lexicon::Lexicon;
use super::scan::{Tok, TokKind};
use super::units::{Found, is_apostrophe, is_char, skip_space, unit_at};

pub(super) const DURATIONS: &[(&str, &str)] = &[
    (
        "second",
        "second seconds sec secs s seconde secondes sekunde sekunden segundo segundos secondo secondi секунда секунды секунд секунду seconden",
    ),
    (
        "minute",
        "minute minutes min mins minuten minuto minutos minuti минута минуты минут минуту minuut",
    ),
    (
        "hour",
        "hour hours hr hrs h heure heures stunde stunden hora horas ora ore час часа часов uur uren",
    ),
    (
        "day",
        "day d days jour jours journée journées tag tage tagen día días dia dias giorno giorni день дня дней сутки суток dag dagen",
    ),
    (
        "night",
        "night nights nuit nuits nacht nächte noche noches notte notti ночь ночи ночей noite noites",
    ),
    (
        "week",
        "week w weeks semaine semaines woche wochen semana semanas settimana settimane неделя недели недель неделю weken",
    ),
    ("fortnight", "fortnight fortnights"),
    (
        "month",
        "month months mois monat monate monaten mes meses mese mesi месяц месяца месяцев mês maand maanden",
    ),
    (
        "year",
        "year y years yr yrs an ans année années jahr jahre jahren año años anno anni год года лет ano anos jaar jaren",
    ),
    (
        "decade",
        "decade decades décennie décennies jahrzehnt jahrzehnte década décadas decennio decenni десятилетие десятилетия десятилетий",
    ),
    (
        "century",
        "century centuries siècle siècles jahrhundert jahrhunderte siglo siglos secolo secoli век века веков",
    ),
];

/// Seconds in each duration unit.
pub(super) fn unit_seconds(unit: &str) -> f64 {
    match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" | "night" => 86400.0,
        "week" => 604_800.0,
        "fortnight" => 1_209_600.0,
        "month" => 2_592_000.0,
        "year" => 31_536_000.0,
        "decade" => 315_360_000.0,
        "century" => 3_153_600_000.0,
        _ => 0.0,
    }
}

/// How a word before a unit of time counts: one ("an hour", "all day") or a few
/// ("several weeks": 3, between `min` and `max`, approximate).
#[derive(Clone, Copy)]
enum TimeQuant {
    One,
    Few(f64, f64),
}

fn time_quantifier(lang: &str, w: &str) -> Option<TimeQuant> {
    use TimeQuant::{Few, One};
    let q = match (lang, w) {
        ("en", "a" | "an" | "another" | "all" | "whole" | "entire") => One,
        ("en", "few") => Few(2.0, 5.0),
        ("en", "several" | "some") => Few(2.0, 9.0),
        ("fr", "un" | "une" | "toute" | "tout" | "entière") => One,
        ("fr", "quelques") => Few(2.0, 5.0),
        ("fr", "plusieurs") => Few(2.0, 9.0),
        ("es", "un" | "una" | "todo" | "toda" | "otro" | "otra") => One,
        ("es", "unos" | "unas" | "algunos" | "algunas") => Few(2.0, 5.0),
        ("es", "varios" | "varias") => Few(2.0, 9.0),
        ("pt", "um" | "uma" | "todo" | "toda" | "outro" | "outra") => One,
        ("pt", "alguns" | "algumas") => Few(2.0, 5.0),
        ("pt", "vários" | "várias") => Few(2.0, 9.0),
        ("it", "un" | "una" | "uno" | "tutto" | "tutta" | "altro" | "altra") => One,
        ("it", "qualche" | "alcuni" | "alcune") => Few(2.0, 5.0),
        ("it", "diversi" | "diverse" | "parecchi" | "parecchie") => Few(2.0, 9.0),
        ("de", "ein" | "eine" | "einen" | "ganze" | "ganzen" | "ganzer") => One,
        ("de", "paar") => Few(2.0, 5.0),
        ("de", "einige" | "mehrere") => Few(2.0, 9.0),
        ("nl", "een" | "hele" | "andere") => One,
        ("nl", "paar" | "enkele") => Few(2.0, 5.0),
        ("nl", "meerdere") => Few(2.0, 9.0),
        ("ru", "несколько") => Few(2.0, 9.0),
        _ => return None,
    };
    Some(q)
}

/// Articles between a quantifier and its unit ("all the day", "tutto il giorno").
fn is_article(w: &str) -> bool {
    matches!(
        w,
        "the" | "le" | "la" | "il" | "lo" | "el" | "o" | "a" | "der" | "die" | "das" | "den" | "de"
    )
}

/// "an hour", "all day", "several weeks": time spans without a number.
pub(super) fn article_durations(chars: &[char], toks: &[Tok], out: &mut Vec<Found>, lex: &Lexicon) {
    let mut extra: Vec<Found> = Vec::new();
    let mut oi = 0;
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.kind != TokKind::Word || extra.last().is_some_and(|x| i < x.tok_end) {
            continue;
        }
        let Some(mut quant) = time_quantifier(lex.code, &t.lower) else {
            continue;
        };
        let mut j = skip_space(toks, i + 1);
        // "a few hours".
        if matches!(quant, TimeQuant::One)
            && let Some(TimeQuant::Few(a, b)) = toks
                .get(j)
                .and_then(|n| time_quantifier(lex.code, &n.lower))
            && j == i + 2
        {
            quant = TimeQuant::Few(a, b);
            j = skip_space(toks, j + 1);
        }
        // "un'ora".
        if j == i + 1 && is_apostrophe(chars, toks, i + 1) {
            j = i + 2;
        } else if j == i + 1 {
            continue;
        }
        if toks
            .get(j)
            .is_some_and(|a| a.kind == TokKind::Word && is_article(&a.lower))
            && matches!(quant, TimeQuant::One)
            && !matches!(
                t.lower.as_str(),
                "a" | "an" | "un" | "une" | "una" | "uno" | "um" | "uma" | "ein" | "eine" | "een"
            )
        {
            j = skip_space(toks, j + 1);
        }
        let Some((d, e)) = unit_at(chars, toks, j) else {
            continue;
        };
        if d.kind != Kind::Duration || d.pieces.len() != 1 || d.pieces[0].chars().count() < 3 {
            continue;
        }
        // "a month-long investigation" is no duration of one month.
        if is_char(chars, toks, e, '-') {
            continue;
        }
        // Skip rates ("100 rubles a month") and overlaps.
        while oi < out.len() && out[oi].tok_end <= i {
            oi += 1;
        }
        if out.get(oi).is_some_and(|f| f.tok_start < e) {
            continue;
        }
        let prev_end = if oi > 0 { out[oi - 1].tok_end } else { 0 };
        if oi > 0 && i <= prev_end + 2 {
            continue;
        }
        if lex.code == "en" && i >= 2 && toks[i - 2].lower == "per" {
            continue;
        }
        let (value, min, max, approximate) = match quant {
            TimeQuant::One => (1.0, None, None, false),
            TimeQuant::Few(a, b) => (3.0, Some(a), Some(b), true),
        };
        extra.push(Found {
            start: t.start,
            end: toks[e - 1].end,
            kind: Kind::Duration,
            value: Some(value),
            min,
            max,
            unit: Some(d.unit.to_string()),
            seconds: Some(value * d.seconds),
            approximate,
            tok_start: i,
            tok_end: e,
        });
    }
    if !extra.is_empty() {
        out.extend(extra);
        out.sort_by_key(|f| f.start);
    }
}

/// A verb of having (or "aged") just before a number of years in Romance languages.
pub(super) fn age_verb_before(toks: &[Tok], i: usize, lang: &str) -> bool {
    let verbs: &[&str] = match lang {
        "fr" => &[
            "a", "ai", "as", "avait", "avais", "avaient", "ont", "avons", "avez", "aura", "âgé",
            "âgée", "âgés", "âgées", "âge",
        ],
        "es" => &[
            "tiene", "tengo", "tenía", "tenia", "tienen", "tenían", "tendrá", "cumple", "cumplió",
            "edad", "cuenta",
        ],
        "pt" => &[
            "tem",
            "tenho",
            "tinha",
            "tinham",
            "têm",
            "completa",
            "completou",
            "idade",
        ],
        "it" => &[
            "ha", "ho", "hanno", "aveva", "avevo", "compie", "compiuto", "età",
        ],
        "nl" => &["ben", "bent", "is", "was", "werd", "wordt", "leeftijd"],
        _ => return false,
    };
    let mut words = 0;
    let mut j = i;
    while j > 0 && words < 3 {
        j -= 1;
        let t = &toks[j];
        if t.kind == TokKind::Word {
            if verbs.contains(&t.lower.as_str()) {
                // "il y a deux ans" is "two years ago".
                let ago = lang == "fr"
                    && j >= 2
                    && toks[j - 1].kind == TokKind::Space
                    && toks[j - 2].lower == "y";
                return !ago;
            }
            words += 1;
        } else if t.kind == TokKind::Other {
            return false;
        }
    }
    false
}

/// In French, Spanish, Portuguese and Italian a bare "N ans / años / anos / anni" (or months,
/// weeks, days) is usually an age ("Jean Dupont, 45 ans"; "un niño de 12 años") unless a
/// preposition or verb of time comes before it ("depuis 17 ans", "condenado a 17 años",
/// "il y a deux ans") or words of time follow ("deux ans plus tard", "17 ans de prison").
pub(super) fn bare_romance_age(
    chars: &[char],
    toks: &[Tok],
    start: usize,
    end: usize,
    lang: &str,
    unit: &str,
) -> bool {
    let (before, after, of, age_nouns): (&[&str], &[&str], &[&str], &[&str]) = match lang {
        "fr" => (
            &[
                "pendant",
                "depuis",
                "durant",
                "en",
                "dans",
                "pour",
                "sur",
                "après",
                "avant",
                "à",
                "y",
                "dure",
                "duré",
                "durer",
                "derniers",
                "dernières",
                "prochains",
                "prochaines",
                "premiers",
                "premières",
                "ces",
                "les",
                "des",
                "quelques",
                "plusieurs",
                "fait",
                "passé",
                "passer",
                "tous",
                "toutes",
                "chaque",
                "par",
                "faudra",
                "faut",
                "prendra",
                "prend",
                "mettra",
                "met",
                "environ",
                "presque",
            ],
            &[
                "plus",
                "après",
                "auparavant",
                "avant",
                "durant",
                "de",
                "d",
                "par",
            ],
            &["de", "d"],
            &["âge", "age"],
        ),
        "es" => (
            &[
                "durante",
                "desde",
                "hace",
                "en",
                "dentro",
                "por",
                "para",
                "tras",
                "después",
                "antes",
                "a",
                "hasta",
                "duró",
                "dura",
                "lleva",
                "llevan",
                "pasó",
                "últimos",
                "últimas",
                "próximos",
                "próximas",
                "primeros",
                "primeras",
                "los",
                "las",
                "cada",
                "varios",
                "unos",
                "tomará",
                "tardará",
                "tarda",
                "tardó",
                "llevará",
                "requiere",
                "casi",
                "aproximadamente",
            ],
            &["después", "más", "atrás", "antes", "de", "por"],
            &["de"],
            &["edad"],
        ),
        "pt" => (
            &[
                "durante",
                "desde",
                "há",
                "em",
                "dentro",
                "por",
                "para",
                "após",
                "depois",
                "antes",
                "a",
                "até",
                "durou",
                "dura",
                "passou",
                "últimos",
                "últimas",
                "próximos",
                "próximas",
                "primeiros",
                "primeiras",
                "os",
                "as",
                "cada",
            ],
            &["depois", "mais", "atrás", "antes", "de", "por"],
            &["de"],
            &["idade"],
        ),
        "it" => (
            &[
                "per", "da", "in", "entro", "dopo", "prima", "a", "fino", "durato", "dura", "durò",
                "ultimi", "ultime", "prossimi", "prossime", "primi", "prime", "gli", "ogni",
            ],
            &["fa", "dopo", "prima", "di", "più", "per"],
            &["di"],
            &["età"],
        ),
        _ => return false,
    };
    if !matches!(unit, "year" | "month" | "week" | "day") {
        return false;
    }
    // "un año", "une semaine": one unit of time, not an age.
    if toks.get(start).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "un" | "une" | "una" | "uno" | "um" | "uma"
        )
    }) {
        return false;
    }
    // The word before the number (skipping spaces).
    let mut j = start;
    while j > 0 && toks[j - 1].kind == TokKind::Space {
        j -= 1;
    }
    if j > 0 {
        let p = &toks[j - 1];
        if p.kind == TokKind::Word && before.contains(&p.lower.as_str()) {
            return false;
        }
        // "il y a", "il y avait".
        if p.kind == TokKind::Word
            && matches!(p.lower.as_str(), "a" | "avait")
            && j >= 3
            && toks[j - 3].lower == "y"
        {
            return false;
        }
        // Ranges and lists of numbers ("40 - 50 ans") stay what they are.
        if p.kind == TokKind::Digits {
            return false;
        }
    }
    // The word after the unit: "de prison" is time, "d'âge" / "de edad" an age.
    let k = skip_space(toks, end);
    if let Some(t) = toks.get(k).filter(|t| t.kind == TokKind::Word) {
        if of.contains(&t.lower.as_str()) {
            let mut q = k + 1;
            if is_apostrophe(chars, toks, q) {
                q += 1;
            }
            let q = skip_space(toks, q);
            return toks
                .get(q)
                .is_some_and(|n| age_nouns.contains(&n.lower.as_str()));
        }
        if after.contains(&t.lower.as_str()) {
            return false;
        }
    }
    true
}
