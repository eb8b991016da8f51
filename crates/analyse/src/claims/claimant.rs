//! Who claims a figure: an attribution in its sentence ("according to X", "X said",
//! "X estimates", "…, X told reporters"), read from the words alone; entities found by the
//! entity stage give the claimant its canonical name and id.

use super::lexicon::{ACCORDING, DETERMINERS, PRONOUNS, SPEECH, STOP};
use super::words::{Tok, is_quote_mark};
use crate::entities::Entity;
use crate::mention::Mention;
use crate::quotes::Speaker;

/// Entity mentions sorted by start, for overlap look-ups.
pub(super) struct EntityIndex<'a> {
    spans: Vec<(usize, usize, usize)>,
    entities: &'a [Entity],
}

impl<'a> EntityIndex<'a> {
    pub fn new(entities: &'a [Entity]) -> Self {
        let mut spans: Vec<(usize, usize, usize)> = entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (m.start, m.end, e.id)))
            .collect();
        spans.sort_unstable();
        EntityIndex { spans, entities }
    }

    /// The entity (id, canonical name) whose mention overlaps `[start, end)`; the longest
    /// overlap wins.
    pub fn overlapping(&self, start: usize, end: usize) -> Option<(usize, String)> {
        let upto = self.spans.partition_point(|s| s.0 < end);
        let mut best: Option<(usize, usize)> = None;
        for &(s, e, id) in self.spans[..upto].iter().rev().take(32) {
            if e > start && s < end {
                let overlap = e.min(end) - s.max(start);
                if best.is_none_or(|(o, _)| overlap > o) {
                    best = Some((overlap, id));
                }
            }
        }
        let (_, id) = best?;
        let name = self
            .entities
            .get(id)
            .filter(|e| e.id == id)
            .or_else(|| self.entities.iter().find(|e| e.id == id))
            .map(|e| e.name.clone())?;
        Some((id, name))
    }
}

/// The words of a claimant found in the text: tokens `a..b`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Np {
    pub a: usize,
    pub b: usize,
}

fn is_boundary(t: &Tok) -> bool {
    !t.is_word()
}

/// Whether the tokens `a..b` match the phrase `words`.
fn matches_at(toks: &[Tok], a: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(n, w)| {
        toks.get(a + n)
            .is_some_and(|t| t.is_word() && t.lower == *w)
    })
}

/// The noun phrase after an "according to": up to a punctuation mark, a function word or
/// six words. Leading determiners are skipped.
fn np_after(toks: &[Tok], mut i: usize) -> Option<Np> {
    let a0 = i;
    let mut n = 0;
    while let Some(t) = toks.get(i) {
        if is_boundary(t) || n >= 6 {
            break;
        }
        let w = t.lower.as_str();
        let inner_of = matches!(
            w,
            "of" | "de"
                | "du"
                | "des"
                | "von"
                | "der"
                | "di"
                | "the"
                | "for"
                | "and"
                | "et"
                | "und"
        ) && n > 0
            && toks.get(i - 1).is_some_and(|x| x.cap)
            && toks.get(i + 1).is_some_and(|x| x.cap);
        if n > 0 && STOP.contains(w) && !inner_of && !DETERMINERS.contains(w) {
            break;
        }
        if n > 0
            && matches!(
                w,
                "said" | "says" | "told" | "stated" | "claimed" | "claims"
            )
        {
            break;
        }
        let acronym = t.upper;
        if n > 0 && STOP.contains(w) && acronym {
            n += 1;
            i += 1;
            continue;
        }
        n += 1;
        i += 1;
    }
    (i > a0).then_some(Np { a: a0, b: i })
}

/// The subject before a verb at `k`: back over auxiliaries, then words up to a boundary;
/// "X, the director of Y, stated": the first segment when the last is an apposition.
fn np_before(toks: &[Tok], k: usize, floor: usize) -> Option<Np> {
    let mut b = k;
    while b > floor
        && toks.get(b - 1).is_some_and(|t| {
            t.is_word()
                && (matches!(
                    t.lower.as_str(),
                    "has"
                        | "have"
                        | "had"
                        | "also"
                        | "previously"
                        | "later"
                        | "a"
                        | "ont"
                        | "ha"
                        | "hanno"
                        | "hat"
                        | "haben"
                        | "then"
                        | "earlier"
                        | "recently"
                        | "reportedly"
                        | "again"
                ) || t.lower.ends_with("ly") && t.lower.len() > 4 && !t.cap)
        })
    {
        b -= 1;
    }
    // "X, the spokesman, said": the subject ends before the comma.
    if b > floor + 1 && toks[b - 1].punct() == Some(',') && toks[b - 2].is_word() {
        b -= 1;
    }
    let mut a = b;
    let mut n = 0;
    while a > floor && n < 8 {
        let t = &toks[a - 1];
        if is_boundary(t) {
            break;
        }
        let w = t.lower.as_str();
        let inner_of =
            matches!(w, "of" | "de" | "von" | "der" | "di") && toks.get(a).is_some_and(|x| x.cap);
        let possessive = matches!(w, "his" | "her" | "their" | "its" | "our" | "my");
        let acronym = t.upper;
        if STOP.contains(w)
            && !DETERMINERS.contains(w)
            && !inner_of
            && !PRONOUNS.contains(w)
            && !possessive
            && !acronym
        {
            break;
        }
        a -= 1;
        n += 1;
        if PRONOUNS.contains(w) || possessive {
            break;
        }
    }
    if a == b {
        return None;
    }
    // Apposition: "Vladimir Osechkin, the director of Gulagu.net, a prisoner advocacy
    // organisation, stated": the segment at the start of the clause names the speaker.
    let starts_det = toks.get(a).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "a" | "an" | "the" | "un" | "une" | "le" | "la" | "der" | "die" | "el" | "il"
        )
    });
    if starts_det && a > floor && toks[a - 1].lower == "," {
        let mut seg_end = a - 1;
        for _ in 0..3 {
            // The previous comma-separated segment.
            let mut s = seg_end;
            while s > floor && toks[s - 1].is_word() {
                s -= 1;
            }
            if s < seg_end && toks[s].cap && toks[seg_end - 1].cap {
                let boundary_before = s == floor || toks[s - 1].lower != ",";
                if boundary_before {
                    return Some(Np { a: s, b: seg_end });
                }
            }
            if s == floor || toks[s - 1].lower != "," || s == 0 {
                break;
            }
            seg_end = s - 1;
        }
    }
    Some(Np { a, b })
}

fn quote_marks(toks: &[Tok], a: usize, b: usize) -> Vec<usize> {
    (a..b.min(toks.len()))
        .filter(|&i| toks[i].punct().is_some_and(is_quote_mark))
        .collect()
}

/// Where the source of "según informaron este miércoles las autoridades" starts: past a
/// speech verb and the time phrase after it (the source is the subject after them).
fn past_verb_and_time(toks: &[Tok], i: usize) -> usize {
    use crate::quotes::lexicon::{time_determiner, time_word};
    let Some(t) = toks.get(i) else { return i };
    if !t.is_word() || !SPEECH.contains(t.lower.as_str()) {
        return i;
    }
    let mut k = i + 1;
    while let Some(t) = toks.get(k) {
        let next_is_time = toks.get(k + 1).is_some_and(|n| time_word(&n.lower));
        if time_word(&t.lower) {
            k += 1;
        } else if time_determiner(&t.lower) && next_is_time {
            k += 2;
        } else {
            break;
        }
    }
    k
}

/// The attribution of the figure at tokens `ci..cj` in the window `toks` (which ends at
/// the sentence's end when `at_end`).
pub(super) fn attribution(toks: &[Tok], ci: usize, cj: usize, at_end: bool) -> Option<Np> {
    // "according to X, …" before the figure: the nearest.
    let mut best: Option<Np> = None;
    for m in (0..ci).rev() {
        for phrase in ACCORDING {
            if m + phrase.len() <= ci
                && matches_at(toks, m, phrase)
                && let Some(np) = np_after(toks, past_verb_and_time(toks, m + phrase.len()))
                && np.b <= ci
            {
                best = Some(np);
            }
        }
        if best.is_some() {
            return best;
        }
    }
    // "…, according to X." after the figure, closing the sentence.
    for m in cj..toks.len() {
        for phrase in ACCORDING {
            if matches_at(toks, m, phrase) {
                let Some(np) = np_after(toks, past_verb_and_time(toks, m + phrase.len())) else {
                    continue;
                };
                let closes = match toks.get(np.b) {
                    None => at_end,
                    Some(t) => t
                        .punct()
                        .is_some_and(|p| matches!(p, '.' | ')' | ';' | '!' | '?')),
                };
                if closes {
                    return Some(np);
                }
            }
        }
    }
    // "X said (that) …" before the figure.
    for k in (0..ci).rev() {
        let t = &toks[k];
        if !t.is_word() || !SPEECH.contains(t.lower.as_str()) {
            continue;
        }
        if matches!(t.lower.as_str(), "put" | "puts" | "placed")
            && !(k + 1..ci).any(|i| toks[i].lower == "at")
        {
            continue;
        }
        let marks = quote_marks(toks, k + 1, ci);
        let opened = marks.len() == 1 && marks[0] <= k + 2;
        if !(marks.is_empty() || opened) {
            continue;
        }
        if let Some(np) = np_before(toks, k, 0)
            && !toks[np.a..np.b]
                .iter()
                .all(|t| DETERMINERS.contains(t.lower.as_str()))
        {
            return Some(np);
        }
        // ", said X" with the figure before — not this case; try the next verb back.
    }
    // "…, X said." / "…, said X." after the figure.
    for k in cj..toks.len().min(cj + 48) {
        let t = &toks[k];
        if !t.is_word() || !SPEECH.contains(t.lower.as_str()) || t.cap {
            continue;
        }
        if quote_marks(toks, cj, k).len() > 1 {
            return None;
        }
        let prev = k.checked_sub(1).and_then(|p| toks.get(p));
        if prev.is_some_and(|p| {
            p.punct()
                .is_some_and(|c| c == ',' || c == '—' || c == '–' || is_quote_mark(c))
        }) {
            // Inverted: ", said Dmitry Peskov".
            return np_after(toks, k + 1);
        }
        if let Some(np) = np_before(toks, k, cj)
            && np.a > cj
            && toks
                .get(np.a - 1)
                .and_then(Tok::punct)
                .is_some_and(|c| c == ',' || c == '—' || c == '–' || c == '(' || is_quote_mark(c))
        {
            return Some(np);
        }
        // A verb of the figure's own clause ("were found"): look on.
    }
    None
}

/// The claimant a phrase names: an entity when the words overlap one, else the words
/// themselves (without a leading "the", "most recent"…; the trailing name of "his brother
/// David").
pub(super) fn speaker(chars: &[char], toks: &[Tok], np: Np, ents: &EntityIndex<'_>) -> Speaker {
    let start = toks[np.a].start;
    let end = toks[np.b - 1].end;
    let mention = Mention::of_chars(chars, start, end);
    if let Some((id, name)) = ents.overlapping(start, end) {
        return Speaker {
            name,
            entity: Some(id),
            mention: Some(mention),
        };
    }
    let words = &toks[np.a..np.b];
    // A trailing proper name after a description: "his brother David".
    let mut run = words.len();
    while run > 0
        && (words[run - 1].cap
            || run >= 2
                && run < words.len()
                && words[run - 2].cap
                && matches!(
                    words[run - 1].lower.as_str(),
                    "the" | "of" | "for" | "and" | "de" | "du" | "des" | "von" | "der"
                ))
    {
        run -= 1;
    }
    let from = if run > 0 && run < words.len() {
        run
    } else {
        let mut a = 0;
        while a + 1 < words.len()
            && !words[a].upper
            && DETERMINERS.contains(words[a].lower.as_str())
        {
            a += 1;
        }
        a
    };
    let mut s = words[from].start;
    // "l'ONU", "d'Amnesty": the name without the elided article.
    let first = &words[from].lower;
    if (first.starts_with("l'") || first.starts_with("d'")) && first.chars().count() > 2 {
        s += 2;
    }
    let mut name = Mention::of_chars(chars, s, end).text;
    if from == 0 && words.len() == 1 && PRONOUNS.contains(words[0].lower.as_str()) {
        name = name.to_lowercase();
    }
    Speaker {
        name,
        entity: None,
        mention: Some(mention),
    }
}

/// Mention constructor on a char slice (the text is already split into chars).
trait OfChars {
    fn of_chars(chars: &[char], start: usize, end: usize) -> Mention;
}

impl OfChars for Mention {
    fn of_chars(chars: &[char], start: usize, end: usize) -> Mention {
        let end = end.min(chars.len());
        let start = start.min(end);
        Mention {
            text: chars[start..end].iter().collect(),
            start,
            end,
        }
    }
}
