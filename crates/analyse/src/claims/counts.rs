//! What a figure counts: the noun phrase after it ("Russian troops"), a participle and a
//! short prepositional phrase that say what happened to them ("killed or wounded", "in
//! prison"), or a verb before it ("has recruited 100,000 fighters").

use super::filter::Cand;
use super::lexicon::{AUX, DETERMINERS, PARTICIPLES, PEOPLE, RATES, SPEECH, STOP, TOTAL_OF};
use super::words::Tok;
use crate::quantities::Kind;

/// What the counted phrase says.
#[derive(Debug, Clone, Default)]
pub(super) struct Counted {
    /// The normalised phrase (≤ 6 words, lowercase).
    pub phrase: Option<String>,
    /// The noun phrase alone ("russian troops"), for figures that leave it out later.
    pub noun: Option<String>,
    /// The head noun ("troops").
    pub head: Option<String>,
    /// True when the noun counts persons.
    pub people: bool,
    /// True when nothing follows the figure that says what it counts.
    pub bare: bool,
    /// A participle or verb after a bare figure ("400 had applied"): the noun is borrowed.
    pub elided: Option<String>,
    /// The phrase is a participle alone ("200 injured"): it may borrow a noun.
    pub adjective_only: bool,
}

const MAX_WORDS: usize = 6;

fn strip_elision(w: &str) -> &str {
    for p in ["l'", "d'", "qu'"] {
        if let Some(rest) = w.strip_prefix(p)
            && !rest.is_empty()
        {
            return rest;
        }
    }
    w
}

fn romance(lang: &str) -> bool {
    matches!(lang, "fr" | "es" | "it" | "pt")
}

/// Whether a word reads as a past participle in `lang`.
pub(super) fn is_participle(w: &str, lang: &str) -> bool {
    match lang {
        "fr" => ["é", "és", "ée", "ées"].iter().any(|s| w.ends_with(s)) && w.chars().count() > 3,
        "es" | "pt" => {
            ["ado", "ados", "ada", "adas", "ido", "idos", "ida", "idas"]
                .iter()
                .any(|s| w.ends_with(s))
                && w.chars().count() > 4
        }
        "it" => {
            [
                "ato", "ati", "ata", "ate", "ito", "iti", "ita", "ite", "uto", "uti", "iso", "isi",
                "ise",
            ]
            .iter()
            .any(|s| w.ends_with(s))
                && w.chars().count() > 4
        }
        "de" => w.starts_with("ge") && (w.ends_with('t') || w.ends_with("en")) && w.len() > 5,
        "ru" => false,
        _ => {
            (w.ends_with("ed") && w.chars().count() > 3 && !w.ends_with("eed"))
                || PARTICIPLES.contains(w)
        }
    }
}

fn is_plural_like(w: &str) -> bool {
    w.chars().count() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
}

fn word(toks: &[Tok], i: usize) -> Option<&str> {
    toks.get(i)
        .filter(|t| t.is_word())
        .map(|t| t.lower.as_str())
}

/// Collects a noun phrase starting at token `i`; returns its words and the index after it.
fn noun_phrase(toks: &[Tok], mut i: usize, lang: &str) -> (Vec<String>, usize) {
    let mut out: Vec<String> = Vec::new();
    let limit = if lang == "en" { 4 } else { 3 };
    while i < toks.len() && out.len() < limit {
        let t = &toks[i];
        if !t.is_word() {
            break;
        }
        let w = strip_elision(&t.lower);
        if out.is_empty() && PEOPLE.contains(w) {
            out.push(w.to_string());
            i += 1;
            if lang == "en" || lang == "de" || lang == "ru" {
                break;
            }
            continue;
        }
        if STOP.contains(w) || STOP.contains(t.lower.as_str()) {
            break;
        }
        if !out.is_empty() && SPEECH.contains(w) {
            break;
        }
        match lang {
            "de" => {
                out.push(w.to_string());
                i += 1;
                if t.cap {
                    break;
                }
            }
            "ru" => {
                out.push(w.to_string());
                i += 1;
                let adjective = w.ends_with("ых") || w.ends_with("их");
                if PEOPLE.contains(w) || !adjective || out.len() >= 2 {
                    break;
                }
            }
            l if romance(l) => {
                if !out.is_empty() && is_participle(w, lang) {
                    break;
                }
                // After the noun only adjectives ("soldats russes"), not verbs ("murieron").
                let adjective_like = match l {
                    "fr" => w.ends_with('s') || w.ends_with('x') || w.ends_with('e'),
                    "es" | "pt" => w.ends_with('s'),
                    _ => true,
                };
                if !out.is_empty() && !adjective_like {
                    break;
                }
                out.push(w.to_string());
                i += 1;
            }
            _ => {
                if w.ends_with("ly") && w.len() > 4 {
                    break;
                }
                if !out.is_empty() && w.ends_with("ing") {
                    break;
                }
                if is_participle(w, "en") {
                    let next_noun = toks.get(i + 1).is_some_and(|n| {
                        n.is_word()
                            && !STOP.contains(n.lower.as_str())
                            && !is_participle(&n.lower, "en")
                    });
                    if !(out.is_empty() && next_noun) {
                        break;
                    }
                }
                out.push(w.to_string());
                i += 1;
                if PEOPLE.contains(w) || is_plural_like(w) {
                    break;
                }
            }
        }
    }
    (out, i)
}

/// Words that say what state the counted persons are in, read like participles after the
/// noun ("41 personnes sont mortes", "30 Menschen vermisst", "15 desaparecidos").
const STATES: &[&str] = &[
    "dead",
    "missing",
    "mortes",
    "morts",
    "mort",
    "morte",
    "disparus",
    "disparues",
    "disparu",
    "disparue",
    "tot",
    "tote",
    "vermisst",
    "muertos",
    "muertas",
    "desaparecidos",
    "desaparecidas",
    "morti",
    "dispersi",
    "mortos",
    "погибли",
    "пропали",
];

/// Adverbs and copulas between the noun and its participle ("sont toujours portées
/// disparues", "gelten weiterhin als vermisst", "are still missing").
const STILL: &[&str] = &[
    "still",
    "toujours",
    "encore",
    "noch",
    "immer",
    "weiterhin",
    "gelten",
    "galten",
    "als",
    "todavía",
    "aún",
    "siguen",
    "ancora",
    "ещё",
    "еще",
];

/// A participle tail after the noun ("have been killed or wounded"): its words and the
/// index after it. `any_aux` accepts active forms too ("had applied").
fn participle_tail(
    toks: &[Tok],
    mut i: usize,
    lang: &str,
    any_aux: bool,
    object_pos: bool,
) -> (Vec<String>, usize) {
    let start = i;
    let mut be = false;
    let mut n = 0;
    while let Some(w) = word(toks, i) {
        if STILL.contains(&w) && n < 4 {
            be = true;
            n += 1;
            i += 1;
            continue;
        }
        if !AUX.contains(w) || n >= 4 {
            break;
        }
        if !matches!(
            w,
            "have"
                | "has"
                | "had"
                | "already"
                | "also"
                | "now"
                | "reportedly"
                | "allegedly"
                | "ont"
                | "a"
                | "ha"
                | "hanno"
                | "han"
                | "hat"
                | "haben"
                | "avaient"
        ) {
            be = true;
        }
        n += 1;
        i += 1;
    }
    let mut out = Vec::new();
    // Without an auxiliary, a participle after the noun is a reduced relative only when
    // the figure is an object ("recruited 100,000 fighters held in …"); after a subject it
    // is the main verb ("hundreds gathered").
    let ok = be || (n == 0 && object_pos) || any_aux;
    if !ok {
        return (out, start);
    }
    while let Some(w) = word(toks, i) {
        let irregular_after_be =
            be && lang == "en" && matches!(w, "left" | "made" | "done" | "found" | "put" | "set");
        // "portées disparues": reported missing.
        if w.starts_with("porté") && word(toks, i + 1).is_some_and(|n| STATES.contains(&n)) {
            i += 1;
            continue;
        }
        // "missing school": a verb with its object, not a state.
        let state = STATES.contains(&w)
            && !(w == "missing" && word(toks, i + 1).is_some_and(|n| !STOP.contains(n)));
        if !(is_participle(w, lang) || irregular_after_be || state)
            || SPEECH.contains(w) && w != "counted"
        {
            break;
        }
        out.push(w.to_string());
        i += 1;
        if let Some(p @ ("down" | "up" | "out" | "off" | "away" | "back")) = word(toks, i) {
            out.push(p.to_string());
            i += 1;
        }
        match word(toks, i) {
            Some(
                c @ ("or" | "and" | "ou" | "et" | "o" | "y" | "e" | "oder" | "und" | "или" | "и"),
            ) if word(toks, i + 1).is_some_and(|w2| is_participle(w2, lang)) => {
                out.push(c.to_string());
                i += 1;
            }
            _ => break,
        }
    }
    if out.is_empty() {
        return (out, start);
    }
    (out, i)
}

const PREPS: &[&str] = &[
    "in", "from", "for", "into", "on", "behind", "en", "dans", "pour", "im", "aus", "für", "desde",
    "para", "da", "per", "nel", "nella", "в", "из",
];

/// A short prepositional phrase ("in prison", "for recruitment"): its words.
fn prep_phrase(toks: &[Tok], i: usize, room: usize) -> Vec<String> {
    let Some(p) = word(toks, i) else {
        return Vec::new();
    };
    if !PREPS.contains(&p) || room < 2 {
        return Vec::new();
    }
    let j0 = i + 1;
    // "in the strike", "from the town": circumstances, left out; "in prison", "for
    // recruitment" (no determiner) say what the figure counts.
    if word(toks, j0).is_some_and(|w| DETERMINERS.contains(w) || STOP.contains(w)) {
        return Vec::new();
    }
    let mut j = j0;
    let mut words = Vec::new();
    while let Some(w) = word(toks, j) {
        if STOP.contains(w) || words.len() >= 2 || words.len() + 2 > room {
            break;
        }
        if toks[j].cap && words.is_empty() {
            // Places and names ("in Ukraine") say where, not what.
            return Vec::new();
        }
        words.push(w.to_string());
        j += 1;
    }
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = vec![p.to_string()];
    out.extend(words);
    out
}

/// A verb just before the figure that says what happened to what it counts
/// ("has recruited a total of 100,000"): its word.
fn verb_before(toks: &[Tok], ci: usize, lang: &str) -> Option<String> {
    let mut k = ci;
    for total in TOTAL_OF {
        if k >= total.len()
            && total
                .iter()
                .enumerate()
                .all(|(n, w)| word(toks, k - total.len() + n) == Some(w))
        {
            k -= total.len();
            break;
        }
    }
    if lang == "es" && k >= 2 && word(toks, k - 1) == Some("a") {
        k -= 1;
    }
    let t = toks.get(k.checked_sub(1)?)?;
    if !t.is_word() || t.cap {
        return None;
    }
    let w = t.lower.as_str();
    if is_participle(w, lang) && !SPEECH.contains(w) && w != "estimated" {
        Some(w.to_string())
    } else {
        None
    }
}

fn join(words: &[String]) -> Option<String> {
    if words.is_empty() {
        None
    } else {
        Some(
            words
                .iter()
                .take(MAX_WORDS)
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

fn head_of(np: &[String], lang: &str) -> Option<String> {
    if let Some(p) = np.iter().find(|w| PEOPLE.contains(w.as_str())) {
        return Some(p.clone());
    }
    if romance(lang) {
        np.first().cloned()
    } else {
        np.last().cloned()
    }
}

/// A noun phrase after "of"/"de"/"in" that says what a duration or money is for; the head
/// alone when the phrase is long.
fn object_phrase(toks: &[Tok], i: usize, lang: &str) -> Vec<String> {
    let mut j = i;
    while word(toks, j).is_some_and(|w| DETERMINERS.contains(w)) {
        j += 1;
    }
    let mut words: Vec<String> = Vec::new();
    while let Some(t) = toks.get(j).filter(|t| t.is_word()) {
        let w = strip_elision(&t.lower);
        if (STOP.contains(w) && w != "and") || words.len() >= 5 {
            break;
        }
        if !words.is_empty() && w.len() < t.lower.len() {
            // "guerra l'esercito": an elided article starts another phrase.
            break;
        }
        if lang == "en" {
            if w.ends_with("ly") && w.len() > 4 {
                j += 1;
                continue;
            }
            if is_participle(w, "en") {
                let adjective = word(toks, j + 1)
                    .is_some_and(|n| n == "and" || !STOP.contains(n) && !is_participle(n, "en"));
                if !adjective {
                    break;
                }
            }
        }
        words.push(w.to_string());
        j += 1;
        if lang == "en" && (PEOPLE.contains(w) || is_plural_like(w)) && w != "and" {
            break;
        }
    }
    while words.last().is_some_and(|w| w == "and") {
        words.pop();
    }
    if words.len() > 2 {
        let head = if romance(lang) {
            words[0].clone()
        } else {
            words[words.len() - 1].clone()
        };
        return vec![head];
    }
    words
}

/// What the figure at tokens `ci..cj` counts. `hedge_start` is the first token of its
/// hedge (or `ci`).
pub(super) fn counted(
    toks: &[Tok],
    ci: usize,
    cj: usize,
    hedge_start: usize,
    c: &Cand,
    lang: &str,
) -> Counted {
    let mut out = Counted::default();
    match c.kind {
        Kind::Money => money(toks, ci, cj, hedge_start, lang, &mut out),
        Kind::Percentage => percent(toks, ci, cj, hedge_start, lang, &mut out),
        Kind::Duration => duration(toks, ci, cj, lang, c, &mut out),
        _ => count(toks, cj, hedge_start, lang, c, &mut out),
    }
    out
}

fn count(toks: &[Tok], cj: usize, hedge_start: usize, lang: &str, c: &Cand, out: &mut Counted) {
    if matches!(lang, "zh" | "ja")
        && let Some(term) = cjk_counted(toks, cj, hedge_start)
    {
        out.people = true;
        out.head = Some(term.to_string());
        out.noun = Some(term.to_string());
        out.phrase = Some(term.to_string());
        return;
    }
    let mut i = cj;
    // "dozens of prisons", "des dizaines de milliers de détenus", "decine di detenuti".
    if let Some(w) = word(toks, i)
        && matches!(w, "of" | "de" | "di" | "des" | "von")
        && (c.vague || c.kind == Kind::Range || lang != "en")
        && !word(toks, i + 1).is_some_and(|n| {
            DETERMINERS.contains(n)
                || matches!(n, "them" | "us" | "whom" | "which" | "eux" | "ellos")
        })
    {
        i += 1;
    } else if let Some(t) = toks.get(i)
        && t.is_word()
        && (t.lower.starts_with("d'") && t.lower.len() > 2)
        && (c.vague || lang != "en")
    {
        // "d'hommes": the tokenizer keeps the elision; noun_phrase strips it.
    }
    let (np, after) = noun_phrase(toks, i, lang);
    let verb = verb_before(toks, hedge_start, lang);
    let object_pos = hedge_start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| {
            t.is_word()
                && !SPEECH.contains(t.lower.as_str())
                && !matches!(
                    t.lower.as_str(),
                    "that"
                        | "que"
                        | "dass"
                        | "che"
                        | "что"
                        | "and"
                        | "but"
                        | "et"
                        | "und"
                        | "y"
                        | "e"
                        | "и"
                        | "while"
                        | "as"
                )
        });
    // "auf 27 gestiegen": a participle read as the noun.
    let generic = np.len() == 1
        && (GENERIC.contains(&np[0].as_str())
            || is_participle(&np[0], lang) && !PEOPLE.contains(np[0].as_str()));
    if (np.is_empty() || generic)
        && let Some((phrase, people)) = toll_subject(toks, hedge_start, lang)
    {
        out.people = people;
        out.head = phrase.split(' ').next_back().map(str::to_string);
        out.noun = Some(phrase.clone());
        out.phrase = Some(phrase);
        return;
    }
    if np.is_empty()
        && let Some((tail, people)) = after_apposition(toks, cj, lang)
    {
        // "hundreds, including murderers and drug offenders, have been approached".
        out.people = people;
        out.phrase = Some(tail);
        return;
    }
    if np.is_empty() {
        out.bare = true;
        let (tail, _) = participle_tail(toks, cj, lang, true, object_pos);
        if !tail.is_empty() {
            out.elided = Some(tail.join(" "));
        }
        return;
    }
    let mut words = np.clone();
    let (tail, after_tail) = participle_tail(toks, after, lang, false, object_pos);
    let had_tail = !tail.is_empty();
    if let Some(v) = &verb
        && !had_tail
    {
        words.push(v.clone());
    }
    words.extend(tail);
    if had_tail || verb.is_some() {
        let room = MAX_WORDS.saturating_sub(words.len());
        words.extend(prep_phrase(
            toks,
            if had_tail { after_tail } else { after },
            room,
        ));
    }
    out.people = np.iter().any(|w| PEOPLE.contains(w.as_str()));
    out.adjective_only =
        np.len() == 1 && lang == "en" && is_participle(&np[0], "en") && words.len() == 1;
    out.head = head_of(&np, lang);
    out.noun = join(&np);
    out.phrase = join(&words);
}

fn money(toks: &[Tok], ci: usize, cj: usize, hedge_start: usize, lang: &str, out: &mut Counted) {
    // A rate: "100,000 rubles a month", also after a conversion in parentheses.
    let mut r = cj;
    if toks.get(cj).and_then(Tok::punct) == Some('(')
        && let Some(close) =
            (cj + 1..toks.len().min(cj + 10)).find(|&k| toks[k].punct() == Some(')'))
    {
        r = close + 1;
    }
    for (seq, period) in RATES {
        if seq
            .iter()
            .enumerate()
            .all(|(n, w)| word(toks, r + n) == Some(w))
        {
            out.phrase = Some(format!("per {period}"));
            return;
        }
    }
    let _ = ci;
    // "a payout of five million rubles", "aid worth $5 billion".
    let k = hedge_start;
    if let Some(p) = k.checked_sub(1).and_then(|k| word(toks, k))
        && matches!(p, "of" | "worth" | "de" | "di" | "von" | "в" | "размере")
        && let Some(n) = k
            .checked_sub(2)
            .and_then(|k| toks.get(k))
            .filter(|t| t.is_word())
    {
        let w = strip_elision(&n.lower);
        if !STOP.contains(w) && !DETERMINERS.contains(w) {
            let mut words = vec![w.to_string()];
            if let Some(a) = k.checked_sub(3).and_then(|k| word(toks, k))
                && !STOP.contains(a)
                && !DETERMINERS.contains(a)
                && lang == "en"
                && k.checked_sub(4)
                    .and_then(|k| word(toks, k))
                    .is_some_and(|d| DETERMINERS.contains(d))
            {
                words.insert(0, a.to_string());
            }
            out.phrase = join(&words);
            out.head = Some(w.to_string());
            return;
        }
    }
    // "$5 billion in military aid", "$2 million for reconstruction".
    if let Some(p) = word(toks, cj)
        && matches!(
            p,
            "in" | "for" | "of" | "en" | "pour" | "für" | "para" | "per" | "на"
        )
    {
        let np = object_phrase(toks, cj + 1, lang);
        if !np.is_empty() {
            out.phrase = join(&np);
            return;
        }
    }
    // "$5 billion aid package".
    let (np, _) = noun_phrase(toks, cj, lang);
    if !np.is_empty()
        && !np
            .iter()
            .any(|w| w.chars().all(|ch| ch.is_alphabetic()) && is_participle(w, lang))
    {
        out.phrase = join(&np);
        return;
    }
    out.bare = true;
}

fn percent(toks: &[Tok], _ci: usize, cj: usize, hedge_start: usize, lang: &str, out: &mut Counted) {
    // "12 percent of voters".
    if let Some(p) = word(toks, cj)
        && matches!(
            p,
            "of" | "des" | "de" | "der" | "di" | "dei" | "delle" | "degli" | "del" | "du"
        )
    {
        let np = object_phrase(toks, cj + 1, lang);
        if !np.is_empty() {
            out.phrase = join(&np);
            return;
        }
    }
    // "inflation rose to 9.1%", "turnout was 67%".
    let mut k = hedge_start;
    let mut skipped = 0;
    while k > 0 && skipped < 4 {
        let Some(w) = word(toks, k - 1) else { break };
        let verbish = matches!(
            w,
            "to" | "at"
                | "by"
                | "was"
                | "is"
                | "were"
                | "are"
                | "stood"
                | "stands"
                | "reached"
                | "rose"
                | "fell"
                | "hit"
                | "climbed"
                | "jumped"
                | "dropped"
                | "grew"
                | "increased"
                | "decreased"
                | "declined"
                | "slipped"
                | "increase"
                | "rise"
                | "fall"
                | "grow"
                | "drop"
                | "decline"
                | "will"
                | "would"
                | "could"
                | "shrank"
                | "expanded"
                | "contracted"
                | "gained"
                | "won"
                | "received"
                | "of"
                | "à"
                | "de"
                | "est"
                | "a"
                | "atteint"
                | "auf"
                | "bei"
                | "liegt"
                | "lag"
                | "stieg"
                | "fiel"
                | "ist"
                | "war"
                | "es"
                | "fue"
                | "al"
                | "del"
                | "è"
                | "al."
                | "составила"
                | "составляет"
                | "достигла"
                | "до"
        );
        if !verbish {
            break;
        }
        k -= 1;
        skipped += 1;
    }
    if skipped == 0 {
        out.bare = true;
        return;
    }
    let mut words = Vec::new();
    while k > 0 && words.len() < 2 {
        let Some(t) = toks.get(k - 1).filter(|t| t.is_word()) else {
            break;
        };
        if STOP.contains(t.lower.as_str())
            || DETERMINERS.contains(t.lower.as_str())
            || is_participle(&t.lower, lang)
        {
            break;
        }
        words.insert(0, t.lower.clone());
        k -= 1;
    }
    if words.is_empty() {
        out.bare = true;
    } else {
        out.phrase = join(&words);
    }
}

fn duration(toks: &[Tok], ci: usize, cj: usize, lang: &str, c: &Cand, out: &mut Counted) {
    let _ = c;
    // The unit as said: the last word of the figure.
    let Some(unit) = toks
        .get(ci..cj)
        .and_then(|s| s.iter().rev().find(|t| t.is_word()))
    else {
        return;
    };
    let mut words = vec![unit.lower.clone()];
    let next = word(toks, cj);
    match (lang, next) {
        (_, Some("of" | "in" | "behind" | "de" | "di" | "d'" | "en" | "в")) => {
            let np = object_phrase(toks, cj + 1, lang);
            let place = next != Some("of") && toks.get(cj + 1).is_some_and(|t| t.cap);
            if !np.is_empty() && !place {
                words.push(next.unwrap_or_default().to_string());
                words.extend(np);
            }
        }
        ("de", Some(w)) if toks.get(cj).is_some_and(|t| t.cap) && !STOP.contains(w) => {
            words.push(w.to_string());
        }
        ("ru", Some(w)) if !STOP.contains(w) => {
            words.push(w.to_string());
        }
        (_, Some(w)) if w.starts_with("d'") && romance(lang) => {
            words.push("de".into());
            words.push(strip_elision(w).to_string());
        }
        _ => {}
    }
    out.phrase = join(&words);
    out.head = Some(unit.lower.clone());
}

/// Words that lead from a toll to its figure: "rose to", "put … at", "auf", "à", "до".
const TO_FIGURE: &[&str] = &[
    "to",
    "at",
    "reached",
    "reaches",
    "hit",
    "hits",
    "stood",
    "stands",
    "à",
    "atteint",
    "auf",
    "erreicht",
    "выросло",
    "возросло",
    "увеличилось",
    "достигло",
    "bei",
    "a",
    "alcanza",
    "alcanzó",
    "до",
    "составило",
    "составляет",
];

/// Words for a count of something ("the number of", "la cifra de"): the noun after them is
/// what is counted.
const NUMBER_OF: &[&str] = &[
    "number",
    "nombre",
    "zahl",
    "anzahl",
    "número",
    "cifra",
    "numero",
    "число",
    "количество",
];

/// Words for a death toll ("the toll", "le bilan", "die Bilanz").
const TOLL: &[&str] = &["toll", "tally", "bilan", "bilanz", "balance", "bilancio"];

/// For a figure with no noun after it ("the death toll rose to 41", "Die Zahl der Toten
/// steigt auf 27", "число погибших выросло до 41"), what its subject counts: the noun after
/// "number of" ("people killed", "toten", "погибших") or the toll ("death toll", "bilan");
/// with whether it counts persons.
fn toll_subject(toks: &[Tok], hedge_start: usize, lang: &str) -> Option<(String, bool)> {
    let before = word(toks, hedge_start.checked_sub(1)?)?;
    if !TO_FIGURE.contains(&before) {
        return None;
    }
    // The subject is at most 14 tokens back, within the clause.
    let from = hedge_start.saturating_sub(16);
    for k in (from..hedge_start.saturating_sub(1)).rev() {
        let t = toks.get(k)?;
        if !t.is_word() {
            if matches!(t.punct(), Some('.' | ';' | ':' | '!' | '?')) {
                return None;
            }
            continue;
        }
        let w = t.lower.as_str();
        if TOLL.contains(&w) {
            let death = k
                .checked_sub(1)
                .and_then(|j| word(toks, j))
                .is_some_and(|p| p == "death" || p == "casualty");
            let phrase = if death {
                format!("{} toll", word(toks, k - 1).unwrap_or("death"))
            } else {
                w.to_string()
            };
            return Some((phrase, true));
        }
        if NUMBER_OF.contains(&w) {
            let mut j = k + 1;
            while word(toks, j).is_some_and(|x| {
                matches!(
                    x,
                    "of" | "de" | "des" | "du" | "der" | "von" | "di" | "dei" | "degli" | "del"
                ) || DETERMINERS.contains(x)
            }) {
                j += 1;
            }
            let (np, after) = noun_phrase(toks, j, lang);
            if np.is_empty() || np.iter().any(|x| STOP.contains(x.as_str())) {
                return None;
            }
            let mut words = np.clone();
            let (tail, _) = participle_tail(toks, after, lang, false, true);
            words.extend(tail);
            let people = np.iter().any(|x| PEOPLE.contains(x.as_str()));
            return join(&words).map(|p| (p, people));
        }
    }
    None
}

/// Nouns that say only that persons are counted ("41 человека", "47 people"): the toll
/// before them says what.
const GENERIC: &[&str] = &[
    "people",
    "persons",
    "personnes",
    "menschen",
    "personen",
    "personas",
    "persone",
    "человек",
    "человека",
    "людей",
];

/// What the words glued around a Chinese or Japanese figure count: "死亡人数升至43人",
/// "死者が45人に", "15人下落不明", "13人の行方が分かっていない".
const CJK_COUNTED: &[&str] = &[
    "死亡",
    "遇难",
    "罹难",
    "死者",
    "下落不明",
    "失踪",
    "行方",
    "受伤",
    "負傷",
    "けが人",
    "撤离",
    "避難",
];

fn cjk_counted(toks: &[Tok], cj: usize, hedge_start: usize) -> Option<&'static str> {
    let before = hedge_start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .filter(|t| t.is_word());
    let after = toks.get(cj).filter(|t| t.is_word());
    // The nearest term: the end of the words before, the start of the words after.
    let tail = |t: &Tok| -> Option<&'static str> {
        let w: Vec<char> = t.lower.chars().collect();
        let last: String = w[w.len().saturating_sub(8)..].iter().collect();
        CJK_COUNTED
            .iter()
            .filter_map(|x| last.rfind(x).map(|p| (p, *x)))
            .max_by_key(|(p, _)| *p)
            .map(|(_, x)| x)
    };
    let head = |t: &Tok| -> Option<&'static str> {
        let w: String = t.lower.chars().take(8).collect();
        CJK_COUNTED
            .iter()
            .filter_map(|x| w.find(x).map(|p| (p, *x)))
            .min_by_key(|(p, _)| *p)
            .map(|(_, x)| x)
    };
    after.and_then(head).or_else(|| before.and_then(tail))
}

/// Words that open an apposition listing who a bare figure counts.
const INCLUDING: &[&str] = &[
    "including",
    "among",
    "dont",
    "darunter",
    "incluidos",
    "incluidas",
    "inclusi",
    "включая",
];

/// After a bare figure, ", including <persons>, have been <participle>": the participle
/// (and its tail) and whether the apposition names persons.
fn after_apposition(toks: &[Tok], cj: usize, lang: &str) -> Option<(String, bool)> {
    if toks.get(cj)?.punct() != Some(',') || !INCLUDING.contains(&word(toks, cj + 1)?) {
        return None;
    }
    let close = (cj + 2..toks.len().min(cj + 14)).find(|&k| toks[k].punct() == Some(','))?;
    let people = toks[cj + 2..close]
        .iter()
        .any(|t| t.is_word() && PEOPLE.contains(t.lower.as_str()));
    let (tail, _) = participle_tail(toks, close + 1, lang, false, false);
    // Only the passive: "have been approached", not "gathered".
    let passive = word(toks, close + 1).is_some_and(|w| AUX.contains(w));
    (passive && !tail.is_empty()).then(|| (tail.join(" "), people))
}
