//! Claims: the figures a reader would track — counts of people and things, money,
//! durations, percentages, ranges and vague magnitudes — with what they count, who claims
//! them and how they are hedged.
//!
//! Built on the recogniser's quantities ([`crate::quantities`]), which already find the
//! numbers, money, durations, percentages, ranges and most vague magnitudes; this stage
//! decides which are tracked figures and reads the words around them:
//!
//! * **Not claims**: ordinals, ages ("a 45-year-old man", "aged 45", "at age 16"), decades
//!   ("the 1960s", "in her 20's"), temperatures, street numbers, dates
//!   and years ("10 November", "in 2022", "2023 года"), times of day ("10:30", "10 am"),
//!   page, article and other reference numbers ("page 12", "Article 328", "No. 5"), numbers
//!   glued into codes and names ("Covid-19", "IK17", "555-123-4567") or just after a
//!   capitalised word mid-sentence ("Formula 1"), a lone "un"/"ein"/"one", and durations
//!   that place an event in time rather than measure it ("two months after", "three days
//!   ago", "the last three weeks", "il y a deux ans").
//! * **Text and offsets** cover the figure with the hedge written just before it ("as many
//!   as 75,000", "au moins cinq millions de roubles").
//! * **Unit**: `people` when the counted noun is a person noun (prisoners, troops, dead…,
//!   in en fr de es it ru); the ISO 4217 code for money; `day` for durations, whose `value`
//!   (and `min`/`max`) are then in days (seconds / 86400: "17 years" → 6205, "six months" →
//!   180) while `text` keeps the words as said; `percent` for percentages; the unit symbol
//!   for dimensions; otherwise the counted noun as written ("tanks", "prisons").
//! * **Value, min, max**: `value` as said; a lower-bound hedge ("at least", "more than",
//!   "au moins", "mindestens", "не менее") also sets `min`, an upper-bound one ("up to",
//!   "as many as", "jusqu'à", "bis zu", "до") sets `max`; ranges and vague magnitudes have
//!   no `value`, only `min`/`max`.
//! * **Approximate**: vague magnitudes, approximating hedges ("about", "nearly", "some",
//!   "environ", "etwa", "около"…) and figures given as estimates.
//! * **Counts**: a lowercase phrase of at most six words, without determiners: the noun
//!   phrase after the figure ("russian troops"), a participle that says what happened to
//!   them ("killed or wounded") or a verb just before the figure ("has recruited … 100,000
//!   fighters in prison" → "fighters recruited in prison"), and a short prepositional
//!   phrase after the participle ("in prison", "for recruitment"). Durations count their
//!   unit as said with what it is of ("years in prison", "weeks of training"); money a
//!   rate ("per month"), the noun it is "of" ("a payout of …" → "payout") or what it is
//!   "in"/"for" ("military aid"); percentages what they are "of" ("voters") or the subject
//!   of "rose to"/"was" ("inflation").
//! * **Figures that borrow**: a bare number after money in the same sentence ("100,000
//!   rubles a month, another 200,000") becomes money with the same currency and counts; a
//!   bare number followed by a participle ("more than 200 injured", "400 had applied")
//!   borrows the noun of the previous count in its sentence ("people injured",
//!   "prisoners applied"); a money figure in parentheses right after another one is its
//!   conversion ("five million rubles ($82,000)"): its own claim with the same counts and
//!   hedge.
//! * **Claimant**: the speaker of the quote that holds the figure; else an attribution in
//!   its sentence ("according to X", "selon X", "laut X", "по данным X", "X said", "X
//!   estimates", "X indicate that", "…, X told reporters", "…, said X"), named by the entity
//!   its words overlap (canonical name and id) or by the words themselves (without a
//!   leading "the", "most recent"; a trailing name: "his brother David" → "David");
//!   else the outlet; else none.
//! * **Hedge**: the hedge words before the figure, then sentence-wide cues ("estimate" when
//!   the sentence speaks of estimates; "reportedly", "allegedly"; "denied by X" when X
//!   denied it), then a disclaimer in the next (or previous) sentence of the same paragraph
//!   ("The Kremlin has never given an official figure", "has not confirmed", "could not be
//!   independently verified", and the like in fr de es it ru), quoted as written. Several
//!   are joined with "; ".
//!
//! Work is linear in the text: each figure reads a window of at most 300 characters on
//! either side within its sentence.

mod claimant;
mod counts;
mod filter;
mod lexicon;
mod when;
mod words;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::entities::Entity;
use crate::quantities::{Kind, Quantity};
use crate::quotes::{Quote, Speaker};
use crate::sentences::Sentence;

/// One tracked figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The figure's words as written ("as many as 75,000").
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The kind of the underlying quantity.
    pub kind: Kind,
    /// The value; None for ranges and vague magnitudes.
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// True for vague magnitudes ("hundreds") and approximate figures.
    pub approximate: bool,
    /// `people`, an ISO 4217 code, `day` for durations, `percent`, or the counted noun.
    pub unit: Option<String>,
    /// What the figure counts, as a short normalised noun phrase ("fighters recruited in prison").
    pub counts: Option<String>,
    /// Who claims it; the outlet when the text does not attribute it.
    pub claimant: Option<Speaker>,
    /// How it is hedged ("as many as", "at least", "estimate", "denied by the Kremlin").
    pub hedge: Option<String>,
    /// Index of the sentence that holds it.
    pub sentence: usize,
    /// The time reference its sentence gives it, nearest to the figure, language-neutral:
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `day-1` ("la veille", "yesterday"), `weekday:N`
    /// ("on Thursday": 1 = Monday), `monthday:N` ("13日"), `month:N` ("in August"),
    /// `year-1` ("last year"); null when it gives none ("since last year" is none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

/// What claims are built from.
pub struct Input<'a> {
    pub text: &'a str,
    pub lang: &'a str,
    pub sentences: &'a [Sentence],
    pub quantities: &'a [Quantity],
    pub entities: &'a [Entity],
    pub quotes: &'a [Quote],
    /// The outlet that published the text: the claimant of unattributed figures.
    pub outlet: Option<&'a str>,
}

/// Characters read on either side of a figure, within its sentence.
const WINDOW: usize = 300;

/// What the post-pass needs beyond the claim.
struct Extra {
    bare: bool,
    elided: Option<String>,
    noun: Option<String>,
    people: bool,
    head: Option<String>,
    adjective_only: bool,
    /// Where the hedge-less figure starts (for conversions in parentheses).
    figure_start: usize,
}

/// The claims of a text, in order of position.
pub fn find(input: &Input<'_>) -> Vec<Claim> {
    let chars: Vec<char> = input.text.chars().collect();
    let lang_owned = input
        .lang
        .get(..2)
        .unwrap_or(input.lang)
        .to_ascii_lowercase();
    let lang = lang_owned.as_str();
    let ents = claimant::EntityIndex::new(input.entities);
    let mut quotes: Vec<&Quote> = input.quotes.iter().collect();
    quotes.sort_by_key(|q| q.start);
    let cands = candidates(input, &chars);
    let mut out: Vec<Claim> = Vec::with_capacity(cands.len());
    let mut extras: Vec<Extra> = Vec::with_capacity(cands.len());
    let mut cache: Option<(usize, usize, Vec<words::Tok>)> = None;
    let mut refs: Option<(usize, Vec<when::Ref>)> = None;
    for c in &cands {
        let Some((si, s_start, s_end)) = sentence_of(input.sentences, c.start, c.end) else {
            continue;
        };
        let ws = s_start.max(c.start.saturating_sub(WINDOW));
        let we = s_end.min(c.end + WINDOW).max(c.end);
        // Figures of one short sentence share its tokens.
        if cache.as_ref().is_none_or(|(a, b, _)| (*a, *b) != (ws, we)) {
            cache = Some((ws, we, words::tokenize(&chars, ws, we)));
        }
        let Some((_, _, toks)) = cache.as_ref() else {
            continue;
        };
        let toks = toks.as_slice();
        let ci = toks.partition_point(|t| t.start < c.start);
        let cj = toks.partition_point(|t| t.start < c.end);
        let hedge = adjacent_hedge(toks, ci, lang, c);
        let hedge_tok = hedge.as_ref().map_or(ci, |h| h.0);
        if !filter::is_tracked(&chars, c, toks, ci, cj, hedge.is_some()) {
            continue;
        }
        let start = toks
            .get(hedge_tok)
            .map_or(c.start, |t| t.start.min(c.start))
            .max(s_start);
        let counted = counts::counted(toks, ci, cj, hedge_tok, c, lang);
        let mut hedges: Vec<String> = Vec::new();
        let mut approximate = c.approximate || c.vague;
        let (mut min, mut max) = (c.min, c.max);
        if let Some((_, words, bound)) = &hedge {
            hedges.push(words.clone());
            match bound {
                lexicon::Bound::Approx => approximate = true,
                lexicon::Bound::Min => min = min.or(c.value),
                lexicon::Bound::Max => max = max.or(c.value),
                lexicon::Bound::Source => {}
            }
        }
        let at_end = we >= s_end;
        for h in sentence_hedges(&chars, toks, ci, cj) {
            if h == "estimate" {
                approximate = true;
            }
            if !hedges
                .iter()
                .any(|x| x.contains(h.as_str()) || h.contains(x.as_str()))
            {
                hedges.push(h);
            }
        }
        // Claimant: the quote, the sentence's attribution, the outlet.
        let mut claimant = quote_speaker(&quotes, c.start, c.end);
        if claimant.is_none()
            && let Some(np) = claimant::attribution(toks, hedge_tok, cj, at_end)
        {
            claimant = Some(claimant::speaker(&chars, toks, np, &ents));
        }
        if claimant.is_none() {
            claimant = input
                .outlet
                .filter(|o| !o.trim().is_empty())
                .map(|o| Speaker {
                    name: o.to_string(),
                    entity: None,
                    mention: None,
                });
        }
        let (kind, value, unit, min, max) = unit_and_value(c, &counted, min, max);
        if refs.as_ref().is_none_or(|(i, _)| *i != si) {
            let text: String = chars.get(s_start..s_end).unwrap_or(&[]).iter().collect();
            refs = Some((si, when::references(&text)));
        }
        let as_of = refs.as_ref().and_then(|(_, r)| {
            when::nearest(
                r,
                c.start.saturating_sub(s_start),
                c.end.saturating_sub(s_start),
            )
        });
        out.push(Claim {
            text: chars.get(start..c.end).unwrap_or(&[]).iter().collect(),
            start,
            end: c.end,
            kind,
            value,
            min,
            max,
            approximate,
            unit,
            counts: counted.phrase.clone(),
            claimant,
            hedge: if hedges.is_empty() {
                None
            } else {
                Some(hedges.join("; "))
            },
            sentence: si,
            as_of,
        });
        extras.push(Extra {
            bare: counted.bare,
            elided: counted.elided,
            noun: counted.noun,
            people: counted.people,
            head: counted.head,
            adjective_only: counted.adjective_only,
            figure_start: c.start,
        });
    }
    borrow(&chars, &mut out, &extras);
    disclaimers(&chars, input, &mut out);
    out
}

/// The sentence that holds `[start, end)`: its index and bounds; None when the figure
/// is not inside one sentence.
fn sentence_of(sentences: &[Sentence], start: usize, end: usize) -> Option<(usize, usize, usize)> {
    let k = sentences.partition_point(|s| s.start <= start);
    let i = k.checked_sub(1)?;
    let s = sentences.get(i)?;
    (end <= s.end).then_some((i, s.start, s.end))
}

/// The speaker of the innermost quote that holds `[start, end)`.
fn quote_speaker(quotes: &[&Quote], start: usize, end: usize) -> Option<Speaker> {
    let upto = quotes.partition_point(|q| q.start <= start);
    quotes[..upto]
        .iter()
        .rev()
        .take(16)
        .filter(|q| q.end >= end && q.speaker.is_some())
        .max_by_key(|q| q.start)
        .and_then(|q| q.speaker.clone())
}

/// The hedge written just before the figure: (first token, words as written, bound).
fn adjacent_hedge(
    toks: &[words::Tok],
    ci: usize,
    lang: &str,
    c: &filter::Cand,
) -> Option<(usize, String, lexicon::Bound)> {
    for (phrase, _, bound) in lexicon::hedges(lang) {
        let n = phrase.len();
        if n > ci {
            continue;
        }
        let a = ci - n;
        let hit = phrase.iter().enumerate().all(|(k, w)| {
            toks[a + k].is_word() && toks[a + k].lower == *w
                || *w == "ca." && toks[a + k].lower == "ca"
        });
        if !hit {
            continue;
        }
        // "talks about 100,000 rubles": the recogniser reads "about" after speech as a preposition.
        // But "said about 2,000 people attended": after "said" it is a hedge.
        if phrase.as_slice() == ["about"]
            && !c.approximate
            && !a.checked_sub(1).and_then(|k| toks.get(k)).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "said"
                        | "says"
                        | "say"
                        | "told"
                        | "estimated"
                        | "estimate"
                        | "estimates"
                        | "believe"
                        | "believes"
                )
            })
        {
            continue;
        }
        // "до 2025 года", "over the past": hedges only before figures, not dates.
        let words: String = toks[a..ci]
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        return Some((a, words, *bound));
    }
    None
}

static ESTIMATE: LazyLock<lexicon::Words> = LazyLock::new(|| {
    [
        "estimate",
        "estimates",
        "estimated",
        "estimation",
        "estimations",
        "estimé",
        "estimée",
        "estimés",
        "estime",
        "estiment",
        "schätzung",
        "schätzungen",
        "geschätzt",
        "geschätzte",
        "schätzt",
        "schätzen",
        "estimación",
        "estimaciones",
        "estima",
        "estiman",
        "estimó",
        "stima",
        "stime",
        "stimato",
        "stimati",
        "оценкам",
        "оценке",
        "оценки",
        "оценивает",
        "оценивают",
        "estimativa",
        "estimativas",
        "schattingen",
        "schatting",
    ]
    .into_iter()
    .collect()
});

static REPORTED: LazyLock<lexicon::Words> = LazyLock::new(|| {
    [
        "reportedly",
        "allegedly",
        "unconfirmed",
        "unverified",
        "prétendument",
        "angeblich",
        "mutmaßlich",
        "supuestamente",
        "presuntamente",
        "presumibilmente",
        "якобы",
        "предположительно",
    ]
    .into_iter()
    .collect()
});

static DENY: LazyLock<lexicon::Words> = LazyLock::new(|| {
    [
        "denied",
        "denies",
        "deny",
        "démenti",
        "dément",
        "démentent",
        "nié",
        "dementiert",
        "bestritten",
        "bestreitet",
        "negado",
        "negó",
        "desmentido",
        "desmintió",
        "smentito",
        "smentisce",
        "negato",
        "опроверг",
        "опровергли",
        "опровергает",
        "отрицает",
        "отрицают",
    ]
    .into_iter()
    .collect()
});

/// Hedges from the figure's sentence: estimates, "reportedly", denials.
fn sentence_hedges(chars: &[char], toks: &[words::Tok], ci: usize, cj: usize) -> Vec<String> {
    let _ = (ci, cj);
    let mut out = Vec::new();
    if toks
        .iter()
        .any(|t| t.is_word() && ESTIMATE.contains(t.lower.as_str()))
    {
        out.push("estimate".to_string());
    }
    for t in toks {
        if t.is_word() && REPORTED.contains(t.lower.as_str()) && !out.contains(&t.lower) {
            out.push(t.lower.clone());
        }
    }
    for (k, t) in toks.iter().enumerate() {
        if !t.is_word() || !DENY.contains(t.lower.as_str()) {
            continue;
        }
        // "denied by the Kremlin" / "démenti par Moscou".
        if let Some(b) = toks.get(k + 1)
            && matches!(b.lower.as_str(), "by" | "par" | "von" | "por" | "da")
        {
            let mut e = k + 2;
            while toks.get(e).is_some_and(|t| t.is_word()) && e < k + 6 {
                e += 1;
            }
            if e > k + 2 {
                let who = words::span_text(chars, toks[k + 2].start, toks[e - 1].end);
                out.push(format!("denied by {}", lower_first(&who)));
                break;
            }
        }
        // "(a claim the Kremlin has denied)", "Moscow denies".
        let mut b = k;
        while b > 0
            && toks[b - 1].is_word()
            && matches!(
                toks[b - 1].lower.as_str(),
                "has"
                    | "have"
                    | "had"
                    | "a"
                    | "hat"
                    | "ha"
                    | "has also"
                    | "also"
                    | "repeatedly"
                    | "strongly"
            )
        {
            b -= 1;
        }
        let mut run = b;
        while run > 0 && b - run < 4 && toks[run - 1].is_word() && toks[run - 1].cap {
            run -= 1;
        }
        if run < b && !(run == 0 && b - run == 1) {
            // "a figure Kyiv denied", "Moscow denies".
            let mut from = run;
            if from > 0 && matches!(toks[from - 1].lower.as_str(), "the") {
                from -= 1;
            }
            let who = words::span_text(chars, toks[from].start, toks[b - 1].end);
            out.push(format!("denied by {}", lower_first(&who)));
            break;
        }
        let mut a = b;
        let mut determined = false;
        while a > 0 && b - a < 4 && toks[a - 1].is_word() {
            let w = toks[a - 1].lower.as_str();
            if lexicon::STOP.contains(w) && !lexicon::DETERMINERS.contains(w) {
                break;
            }
            a -= 1;
            if matches!(
                w,
                "the" | "le" | "la" | "les" | "der" | "die" | "das" | "el" | "il"
            ) {
                determined = true;
                break;
            }
        }
        if a < b && (determined || toks[a..b].iter().all(|t| t.cap)) {
            let who = words::span_text(chars, toks[a].start, toks[b - 1].end);
            out.push(format!("denied by {}", lower_first(&who)));
        } else {
            out.push("denied".to_string());
        }
        break;
    }
    out
}

/// "The Kremlin" → "the Kremlin": a leading determiner in lower case.
fn lower_first(s: &str) -> String {
    let first = s.split(' ').next().unwrap_or("");
    if lexicon::DETERMINERS.contains(first.to_lowercase().as_str()) {
        let mut out = first.to_lowercase();
        out.push_str(&s[first.len()..]);
        out
    } else {
        s.to_string()
    }
}

/// Kind, value, unit and bounds of a claim from its figure and what it counts.
fn unit_and_value(
    c: &filter::Cand,
    counted: &counts::Counted,
    min: Option<f64>,
    max: Option<f64>,
) -> (Kind, Option<f64>, Option<String>, Option<f64>, Option<f64>) {
    let said = c.unit.as_deref();
    let noun_unit = || {
        if counted.people {
            Some("people".to_string())
        } else {
            counted.head.clone()
        }
    };
    match c.kind {
        Kind::Money => (c.kind, c.value, c.unit.clone(), min, max),
        Kind::Percentage => {
            let unit = if said == Some("percentage point") {
                said
            } else {
                Some("percent")
            };
            (c.kind, c.value, unit.map(str::to_string), min, max)
        }
        Kind::Duration => {
            let per = said.and_then(lexicon::days_per);
            let days = match (c.seconds, c.value, per) {
                (Some(s), _, _) => Some(s / 86400.0),
                (None, Some(v), Some(p)) => Some(v * p),
                _ => c.value,
            };
            let scale = |x: Option<f64>| match (x, c.value, days) {
                (Some(x), Some(v), Some(d)) if v != 0.0 => Some(x * d / v),
                (Some(x), _, _) => per.map(|p| x * p).or(Some(x)),
                _ => None,
            };
            (c.kind, days, Some("day".into()), scale(min), scale(max))
        }
        Kind::Range => match said {
            Some("%") => (c.kind, None, Some("percent".into()), min, max),
            Some(u) if lexicon::days_per(u).is_some() => {
                let p = lexicon::days_per(u).unwrap_or(1.0);
                (
                    c.kind,
                    None,
                    Some("day".into()),
                    min.map(|x| x * p),
                    max.map(|x| x * p),
                )
            }
            Some(u) => (c.kind, None, Some(u.to_string()), min, max),
            None => (c.kind, None, noun_unit(), min, max),
        },
        Kind::Dimension => (c.kind, c.value, c.unit.clone(), min, max),
        _ => (c.kind, c.value, noun_unit(), min, max),
    }
}

/// Bare figures borrow from the figure before them in their sentence; conversions in
/// parentheses share the counts of the amount they convert.
fn borrow(chars: &[char], out: &mut [Claim], extras: &[Extra]) {
    for k in 1..out.len() {
        let (prev_part, rest) = out.split_at_mut(k);
        let cur = &mut rest[0];
        let ex = &extras[k];
        // The nearest claim before in the same sentence.
        let pi = k - 1;
        if prev_part[pi].sentence != cur.sentence {
            continue;
        }
        let prev = prev_part[pi].clone();
        // Conversion: "five million rubles ($82,000)".
        if cur.kind == Kind::Money && prev.kind == Kind::Money && ex.figure_start <= prev.end + 24 {
            let between = words::span_text(chars, prev.end, ex.figure_start);
            let between = between.trim();
            if between == "("
                || between == "(about"
                || between == "(around"
                || between == "(roughly"
                || between == "(some"
                || between == "(or"
                || between == "(approximately"
            {
                if cur.counts.is_none() {
                    cur.counts = prev.counts.clone();
                } else if prev_part[pi].counts.is_none() {
                    prev_part[pi].counts = cur.counts.clone();
                }
                if cur.hedge.is_none() {
                    cur.hedge = prev.hedge.clone();
                }
                cur.approximate |= prev.approximate;
                continue;
            }
        }
        // "2,300 dead and more than 10,000 injured" keeps "injured"; "40 people were killed
        // and more than 200 injured" borrows "people".
        if ex.adjective_only
            && let Some(i) = (0..k)
                .rev()
                .take(64)
                .take_while(|&i| out_sentence(prev_part, i) == cur.sentence)
                .find(|&i| extras[i].noun.is_some())
            && !extras[i].adjective_only
            && extras[i].people
            && extras[i].noun.as_deref().is_some_and(|n| {
                n.split(' ').any(|w| {
                    !matches!(
                        w,
                        "dead" | "injured" | "wounded" | "killed" | "missing" | "displaced"
                    )
                })
            })
        {
            let noun = extras[i].noun.clone().unwrap_or_default();
            if let Some(c) = &cur.counts
                && !noun.split(' ').any(|w| counts::is_participle(w, "en"))
            {
                cur.counts = Some(format!("{noun} {c}"));
            }
            continue;
        }
        // "41 personnes sont mortes, … contre 27 la veille": the earlier figure of the same thing.
        if ex.bare && cur.counts.is_none() && prev.counts.is_some() && prev.kind == cur.kind {
            let from = ex.figure_start.saturating_sub(12);
            let before = words::span_text(chars, from, ex.figure_start).to_lowercase();
            if before.split_whitespace().last().is_some_and(|w| {
                matches!(
                    w,
                    "contre" | "against" | "versus" | "vs" | "gegenüber" | "frente"
                )
            }) {
                cur.counts = prev.counts.clone();
                cur.unit = prev.unit.clone();
                continue;
            }
        }
        if !ex.bare || cur.kind != Kind::Number && cur.kind != Kind::Range {
            continue;
        }
        // "100,000 rubles a month, another 200,000".
        if prev.kind == Kind::Money && ex.elided.is_none() {
            cur.kind = Kind::Money;
            cur.unit = prev.unit.clone();
            cur.counts = prev.counts.clone();
            continue;
        }
        // "at least 40 people were killed and more than 200 injured".
        if let Some(verb) = &ex.elided {
            let src = (0..k)
                .rev()
                .take(64)
                .take_while(|&i| out_sentence(prev_part, i) == cur.sentence)
                .find(|&i| extras[i].noun.is_some());
            if let Some(i) = src {
                let noun = extras[i].noun.clone().unwrap_or_default();
                let phrase: Vec<&str> = noun.split(' ').chain(verb.split(' ')).take(6).collect();
                cur.counts = Some(phrase.join(" "));
                cur.unit = if extras[i].people {
                    Some("people".into())
                } else {
                    extras[i].head.clone()
                };
            }
        }
    }
}

fn out_sentence(claims: &[Claim], i: usize) -> usize {
    claims[i].sentence
}

static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        never\s+(?:given|gave|give|gives|provided|provide|published|publish|released|release|disclosed|disclose|confirmed|issued|offered|announced|revealed)\s+(?:an?\s+|any\s+)?(?:official\s+)?(?:figure|figures|number|numbers|toll|tally|data|estimate|count)
        | (?:has|have|had)\s+not\s+(?:given|provided|published|released|disclosed|confirmed|commented)
        | (?:declined|refused)\s+to\s+(?:confirm|comment|give|provide|disclose|release)
        | (?:could|can)\s*(?:not|n't)\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)
        | not\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)
        | (?-u:\b)(?:denied|denies)(?-u:\b)
        | n['’]\s*(?:a|ont|avait|avaient)\s+jamais\s+(?:donné|communiqué|publié|confirmé|fourni|avancé|divulgué|annoncé|rendu\s+public)
        | n['’]\s*(?:a|ont)\s+pas\s+(?:confirmé|communiqué|donné)
        | ne\s+(?:confirme|commente)\s+pas | démenti | dément
        | keine\s+(?:offiziellen?\s+)?(?:zahlen|zahl|angaben)\b | nie\s+bestätigt | nicht\s+bestätigt
        | \bnie(?:mals)?\s+(?:eine\s+|offizielle\s+|offiziellen\s+|konkrete\s+)*(?:zahl|zahlen|angaben|schätzung)\b
        | (?:zahl|zahlen|angaben)\b[^.]{0,60}\bnie(?:mals)?\s+(?:genannt|mitgeteilt|veröffentlicht|bekanntgegeben|bekannt\s+gegeben|offengelegt)
        | nicht\s+unabhängig\s+(?:überprüft|bestätigt|überprüfen) | dementiert | bestreitet
        | nunca\s+(?:ha|han|había|habían)\s+(?:dado|confirmado|publicado|facilitado|comunicado|ofrecido|divulgado|proporcionado)
        | no\s+ha\s+(?:confirmado|dado|facilitado)
        | no\s+(?:pudo|puede|pudieron|han\s+podido)\s+ser\s+verificad | desmentido | desmintió | negó
        | non\s+(?:ha|hanno|aveva|avevano)\s+mai\s+(?:fornito|confermato|dato|comunicato|diffuso|reso\s+not|pubblicato)
        | non\s+(?:ha|hanno)\s+confermato
        | smentito | smentisce
        | не\s+(?:раскрывает|раскрывают|называет|называл|называли|подтверждает|подтвердил|подтвердили|комментирует|приводит)
        | никогда\s+не\s+(?:называл|называли|называла|раскрывал|раскрывали|публиковал|публиковали|приводил|приводили|давал|давали|сообщал|сообщали)
        | опроверг | отрицает | официальных\s+данных\s+нет
        | nunca\s+(?:deu|deram|divulgou|divulgaram|forneceu|forneceram|confirmou|publicou|apresentou|comunicou|avançou)
        | (?:não|nao)\s+(?:divulgou|divulgaram|confirmou|confirmaram|forneceu)
        | desmentiu | desmente | negou
        ",
    )
    .expect("disclaimer pattern")
});

/// Disclaimers in a neighbouring sentence of the same paragraph ("The Kremlin has never
/// given an official figure") hedge the figures of the sentence before (or after) them.
fn disclaimers(chars: &[char], input: &Input<'_>, out: &mut [Claim]) {
    if out.is_empty() {
        return;
    }
    let sentences = input.sentences;
    let mut cache: std::collections::HashMap<usize, Option<String>> =
        std::collections::HashMap::new();
    let mut disclaimer = |i: usize| -> Option<String> {
        cache
            .entry(i)
            .or_insert_with(|| {
                let s = sentences.get(i)?;
                let end = s.end.min(s.start + 600);
                let text = words::span_text(chars, s.start, end);
                if !DISCLAIMER.is_match(&text) {
                    return None;
                }
                let t = text.trim_end_matches(['.', '!', ' ']);
                Some(t.to_string())
            })
            .clone()
    };
    let same_paragraph = |a: usize, b: usize| -> bool {
        let (Some(x), Some(y)) = (sentences.get(a), sentences.get(b)) else {
            return false;
        };
        let (from, to) = if x.end <= y.start {
            (x.end, y.start)
        } else {
            (y.end, x.start)
        };
        !chars
            .get(from..to.min(chars.len()))
            .unwrap_or(&[])
            .contains(&'\n')
    };
    let has_claims: std::collections::HashSet<usize> = out.iter().map(|c| c.sentence).collect();
    let mut hedge_of: std::collections::HashMap<usize, String> = std::collections::HashMap::new();
    let mut sentences_with: Vec<usize> = has_claims.iter().copied().collect();
    sentences_with.sort_unstable();
    for &s in &sentences_with {
        if let Some(d) =
            disclaimer(s + 1).filter(|_| same_paragraph(s, s + 1) && !has_claims.contains(&(s + 1)))
        {
            hedge_of.insert(s, d);
            continue;
        }
        if s > 0
            && !has_claims.contains(&(s - 1))
            && same_paragraph(s - 1, s)
            && (s < 2 || !has_claims.contains(&(s - 2)) || !same_paragraph(s - 2, s - 1))
            && let Some(d) = disclaimer(s - 1)
        {
            hedge_of.insert(s, d);
        }
    }
    for c in out.iter_mut() {
        if c.kind == Kind::Duration {
            continue;
        }
        if let Some(d) = hedge_of.get(&c.sentence) {
            c.hedge = Some(match c.hedge.take() {
                Some(h) => format!("{h}; {d}"),
                None => d.clone(),
            });
        }
    }
}

/// Vague magnitudes the recogniser leaves out or cuts short ("several dozen", "a handful",
/// "plusieurs centaines", "mehrere hunderttausend", "несколько сотен").
static VAGUE_EXTRA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(several|a\s+few|many|plusieurs|quelques|mehrere|einige|несколько|varios|varias|alcune|diverse|parecchie)\s+(dozen|hundred|thousand|centaines|dizaines|milliers|dutzend|hunderttausend|zehntausend|hundert|tausend|десятков|сотен|тысяч|cientos|decenas|miles|centinaia|decine|migliaia)(\s+(?:de\s+milliers|тысяч|de\s+miles|di\s+migliaia|thousand))?|(a\s+handful)",
    )
    .expect("vague pattern")
});

fn magnitude(w: &str) -> f64 {
    match w {
        "dozen" | "dutzend" => 12.0,
        "hundred" | "centaines" | "hundert" | "сотен" | "cientos" | "centinaia" => 100.0,
        "dizaines" | "десятков" | "decenas" | "decine" => 10.0,
        "hunderttausend" => 1e5,
        "zehntausend" => 1e4,
        _ => 1e3,
    }
}

/// Whether the words around an age-like figure make it a person's age: "de"/"di"/"âgé"
/// just before it, "old"/"de edad"/"d'età" just after.
fn age_context(chars: &[char], start: usize, end: usize) -> bool {
    let from = start.saturating_sub(24);
    let before: String = chars
        .get(from..start)
        .unwrap_or(&[])
        .iter()
        .collect::<String>()
        .to_lowercase();
    let prev = before.split_whitespace().last().unwrap_or("");
    let after: String = chars
        .get(end..(end + 12).min(chars.len()))
        .unwrap_or(&[])
        .iter()
        .collect::<String>()
        .to_lowercase();
    matches!(
        prev,
        "de" | "di"
            | "âgé"
            | "âgée"
            | "agé"
            | "aged"
            | "age"
            | "von"
            | "alter"
            | "età"
            | "edad"
            | "возрасте"
    ) || after.starts_with(" old")
        || after.starts_with(" de edad")
        || after.starts_with(" d'età")
        || after.starts_with(",")
}

/// The end of one of `words` just after `pos` (one space), when it is there.
fn word_after(chars: &[char], pos: usize, words: &[&str]) -> Option<usize> {
    if chars.get(pos) != Some(&' ') {
        return None;
    }
    let mut end = pos + 1;
    while chars.get(end).is_some_and(|c| c.is_alphabetic()) && end < pos + 16 {
        end += 1;
    }
    let w: String = chars
        .get(pos + 1..end)?
        .iter()
        .collect::<String>()
        .to_lowercase();
    let next_ok = chars.get(end).is_none_or(|c| !c.is_alphanumeric());
    (words.contains(&w.as_str()) && next_ok).then_some(end)
}

/// A Russian unit of time just after `pos` (one space): (unit, days, end offset).
fn russian_unit_after(chars: &[char], pos: usize) -> Option<(&'static str, f64, usize)> {
    if chars.get(pos) != Some(&' ') {
        return None;
    }
    let mut end = pos + 1;
    while chars.get(end).is_some_and(|c| c.is_alphabetic()) && end < pos + 12 {
        end += 1;
    }
    let w: String = chars
        .get(pos + 1..end)?
        .iter()
        .collect::<String>()
        .to_lowercase();
    let (unit, per) = match w.as_str() {
        "год" | "года" | "лет" | "годам" | "годах" | "годами" | "году" => {
            ("year", 365.0)
        }
        "месяц" | "месяца" | "месяцев" | "месяцам" | "месяцах" => {
            ("month", 30.0)
        }
        "неделя" | "недели" | "недель" | "неделям" | "неделю" => {
            ("week", 7.0)
        }
        "день" | "дня" | "дней" | "дням" | "суток" => ("day", 1.0),
        _ => return None,
    };
    Some((unit, per, end))
}

/// The quantities that may be claims, fixed where the recogniser reads them wrongly.
fn candidates(input: &Input<'_>, chars: &[char]) -> Vec<filter::Cand> {
    let mut out: Vec<filter::Cand> = Vec::with_capacity(input.quantities.len());
    for q in input.quantities {
        let mut c = filter::Cand {
            start: q.start,
            end: q.end,
            kind: q.kind,
            value: q.value,
            min: q.min,
            max: q.max,
            unit: q.unit.clone(),
            seconds: q.seconds,
            approximate: q.approximate,
            vague: q.kind == Kind::Range && q.approximate && q.value.is_none(),
        };
        let lower = q.text.to_lowercase();
        // "au moins cinq millions" read as minus five million: the hedge is "au moins".
        for minus in ["moins ", "menos "] {
            if lower.starts_with(minus) && q.value.is_some_and(|v| v < 0.0) && q.start >= 3 {
                c.start = q.start + minus.chars().count();
                c.value = q.value.map(f64::abs);
            }
        }
        // "к 17 годам колонии": Russian durations in oblique cases read as bare numbers.
        if q.kind == Kind::Number
            && input.lang.starts_with("ru")
            && let Some((unit, per, end)) = russian_unit_after(chars, q.end)
        {
            c.kind = Kind::Duration;
            c.end = end;
            c.unit = Some(unit.to_string());
            c.seconds = q.value.map(|v| v * per * 86400.0);
        }
        // "neuf ans derrière les barreaux", "nove anni in carcere" read as ages: durations
        // unless said of a person ("un homme âgé de 45 ans", "un uomo di 45 anni", "aged 45").
        if q.kind == Kind::Age
            && q.unit.as_deref() == Some("year")
            && !lower.contains('-')
            && !lower.contains("old")
            && !lower.starts_with("aged")
            && !age_context(chars, q.start, q.end)
        {
            c.kind = Kind::Duration;
            c.seconds = q.value.map(|v| v * 365.0 * 86400.0);
        }
        // "0.5 percentage points": points, not percent.
        if q.kind == Kind::Percentage
            && let Some(end) = word_after(chars, q.end, &["points", "point"])
        {
            c.end = end;
            c.unit = Some("percentage point".into());
        }
        // "sei mesi", "dos semanas" read as ages: durations unless written as an age.
        if q.kind == Kind::Age
            && matches!(q.unit.as_deref(), Some("week" | "month" | "day"))
            && !lower.contains('-')
            && !lower.contains("old")
        {
            c.kind = Kind::Duration;
            let per = q.unit.as_deref().and_then(lexicon::days_per).unwrap_or(1.0);
            c.seconds = q.value.map(|v| v * per * 86400.0);
        }
        let _ = chars;
        out.push(c);
    }
    // Vague magnitudes the recogniser misses; they replace what they overlap.
    let mut extra: Vec<filter::Cand> = Vec::new();
    let text = input.text;
    let mut byte = 0usize;
    let mut ch = 0usize;
    for m in VAGUE_EXTRA.captures_iter(text) {
        let Some(all) = m.get(0) else { continue };
        // Whole words only (checked here: Unicode word boundaries slow the regex down).
        let glued_before = text[..all.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let glued_after = text[all.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if glued_before || glued_after {
            continue;
        }
        ch += text.get(byte..all.start()).map_or(0, |s| s.chars().count());
        let start = ch;
        let len = all.as_str().chars().count();
        byte = all.start();
        let (lo, hi) = if m.get(4).is_some() {
            (2.0, 9.0)
        } else {
            let first = m.get(1).map_or("", |x| x.as_str()).to_lowercase();
            let few = first.starts_with("a") && first.ends_with("few") || first == "quelques";
            let base = magnitude(&m.get(2).map_or("", |x| x.as_str()).to_lowercase());
            let mult = if m.get(3).is_some() { 1e3 } else { 1.0 };
            let (f_lo, f_hi) = if few { (2.0, 5.0) } else { (2.0, 9.0) };
            (f_lo * base * mult, f_hi * base * mult)
        };
        extra.push(filter::Cand {
            start,
            end: start + len,
            kind: Kind::Range,
            value: None,
            min: Some(lo),
            max: Some(hi),
            unit: None,
            seconds: None,
            approximate: true,
            vague: true,
        });
    }
    if !extra.is_empty() {
        // Both lists are in order: drop what a vague phrase covers in one pass.
        let mut k = 0;
        out.retain(|c| {
            while k < extra.len() && extra[k].end <= c.start {
                k += 1;
            }
            let covered = extra
                .get(k)
                .is_some_and(|e| e.start < c.end && c.start < e.end);
            !covered || c.kind == Kind::Money
        });
        out.extend(extra);
        out.sort_by_key(|c| c.start);
    }
    out
}
