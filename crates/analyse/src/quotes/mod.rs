//! Quotes — direct, indirect and mixed — with their speaker and the verb or phrase that
//! attributes them.
//!
//! Rule-based, one linear pass over tokens:
//! 1. quote marks are paired within lines (an unbalanced mark is dropped, apostrophes are
//!    never marks), and sentences are cut where no quote is open;
//! 2. every speech verb or source phrase ("said", "according to", "a déclaré", "sagte",
//!    "laut") outside quote marks attributes the clause on its other side (the reported
//!    clause after it, or the sentence part before "…, X said"), with the subject phrase
//!    before it or the inverted one after it ("said Peskov") as the speaker;
//! 3. direct quotes no verb claimed take their speaker from the neighbouring sentence of the
//!    paragraph ("Peskov spoke to reporters. “…”") or the previous quote's speaker;
//! 4. in German, a Konjunktiv sentence right after a quote continues it (free indirect).
//!
//! The speaker is the words as written (a pronoun stays a pronoun: linking is a later step).

#![allow(clippy::collapsible_if, clippy::type_complexity)]

pub(crate) mod lexicon;
mod scan;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::mention::Mention;
use crate::sentences::Sentence;
use scan::{Doc, Kind, Tok};

/// How a quote is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The speaker's words between quote marks.
    Direct,
    /// Reported speech without quote marks ("X said that …", "according to X, …").
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
}

/// Who a quote (or claim) is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The canonical name of the entity, or a description when no name is given
    /// ("one prisoner", "Western estimates").
    pub name: String,
    /// The speaker's entity id, when it is a known entity.
    pub entity: Option<usize>,
    /// The words in the text that attribute the quote ("he", "Putin's spokesman").
    pub mention: Option<Mention>,
}

/// One quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted content (for direct quotes, without the quote marks).
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    /// Who said it; None when the text does not say.
    pub speaker: Option<Speaker>,
    /// The attributing verb or phrase ("said", "according to", "denied").
    pub cue: Option<Mention>,
}

/// "“A,” he said. “B.”" is one quote from A to B (as PolNeAR annotates it), not two.
const MERGE_CONTINUATIONS: bool = true;

/// A quote being built: token ranges and code-point spans.
#[derive(Debug, Clone)]
struct Draft {
    start: usize,
    end: usize,
    kind: QuoteKind,
    /// Speaker span (code points).
    speaker: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
    /// Index of the sentence the quote is in.
    sent: usize,
    /// The pair of quote marks of a direct quote.
    pair: Option<usize>,
}

/// The quotes of `text`, in order of their start.
///
/// Sentences are re-cut internally so that a quote spanning several sentences stays
/// whole; `_sentences` is not needed.
pub fn find(text: &str, _sentences: &[Sentence], lang: &str) -> Vec<Quote> {
    let lang = lang.get(..2).unwrap_or(lang).to_ascii_lowercase();
    let doc = Doc::new(text);
    let mut ex = Extractor {
        doc: &doc,
        lang: &lang,
        drafts: Vec::new(),
        used_pairs: vec![false; doc.pairs.len()],
        intro: vec![None; doc.sents.len()],
        mid_caps: std::cell::OnceCell::new(),
    };
    for si in 0..doc.sents.len() {
        ex.sentence(si);
    }
    ex.neighbours();
    if lang == "de" {
        ex.free_indirect();
        ex.de_judgements();
    }
    let mut drafts = std::mem::take(&mut ex.drafts);
    drafts.sort_by_key(|d| (d.start, d.end));
    let mut out: Vec<Quote> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if d.end <= d.start {
            continue;
        }
        // Overlapping drafts: keep the first (longer wins on equal starts via sort above).
        if out.last().is_some_and(|q| q.end > d.start) {
            continue;
        }
        let speaker = d.speaker.map(|(s, e)| {
            let (s, e) = match lang.as_str() {
                "de" => de_speaker_span(&doc, s, e),
                "en" => en_speaker_span(&doc, s, e),
                _ => (s, e),
            };
            let m = Mention {
                text: doc.text(s, e),
                start: s,
                end: e,
            };
            // The mention may go on with an apposition after a comma (a name found by
            // the scan never holds one): the name is the words before it. A relative
            // pronoun ("who said") is named by its antecedent.
            let name = ex
                .antecedent(s, e)
                .map(|(x, y)| speaker_name(&doc.text(x, y)))
                .unwrap_or_else(|| speaker_name(&m.text));
            Speaker {
                name,
                entity: None,
                mention: Some(m),
            }
        });
        out.push(Quote {
            text: doc.text(d.start, d.end),
            start: d.start,
            end: d.end,
            kind: d.kind,
            speaker,
            cue: d.cue.map(|(s, e)| Mention {
                text: doc.text(s, e),
                start: s,
                end: e,
            }),
        });
    }
    if lang == "de" {
        out = with_fragments(out, &doc);
    }
    out
}

/// German: the quoted fragments inside a mixed quote are direct quotes of their own, nested
/// in it, with its speaker and cue ("Er nannte den Plan „einen Irrweg“ und …" gives the
/// mixed quote and „einen Irrweg“). Linear: the pairs are in text order.
fn with_fragments(quotes: Vec<Quote>, doc: &Doc) -> Vec<Quote> {
    let mut out = Vec::with_capacity(quotes.len());
    let mut k = 0;
    for q in quotes {
        let mixed = q.kind == QuoteKind::Mixed;
        let (start, end) = (q.start, q.end);
        let (speaker, cue) = (q.speaker.clone(), q.cue.clone());
        // "Er nannte den Plan „fahrlässig“ und …": after a verb of naming or judging a
        // judgement of one word in quote marks is a quote too
        let judging = mixed
            && cue
                .as_ref()
                .is_some_and(|c| lexicon::de_judging(&c.text.to_lowercase()));
        out.push(q);
        if !mixed {
            continue;
        }
        while doc.pairs.get(k).is_some_and(|p| p.open < start) {
            k += 1;
        }
        let mut j = k;
        while let Some(p) = doc.pairs.get(j) {
            if p.open >= end {
                break;
            }
            j += 1;
            if p.close >= end {
                continue;
            }
            let (mut s, mut e) = (p.open + p.open_len, p.close);
            while s < e && doc.chars.get(s).is_some_and(|c| c.is_whitespace()) {
                s += 1;
            }
            while e > s && doc.chars.get(e - 1).is_some_and(|c| c.is_whitespace()) {
                e -= 1;
            }
            let letters = doc
                .chars
                .get(s..e)
                .is_some_and(|cs| cs.iter().any(|c| c.is_alphabetic()));
            // one word in quote marks is a term or a scare quote more often than a quote
            let words = doc.chars.get(s..e).map_or(0, |cs| {
                cs.split(|c| c.is_whitespace())
                    .filter(|w| !w.is_empty())
                    .count()
            });
            if !letters || words < 2 && !judging || (s <= start && e >= end) {
                continue;
            }
            out.push(Quote {
                text: doc.text(s, e),
                start: s,
                end: e,
                kind: QuoteKind::Direct,
                speaker: speaker.clone(),
                cue: cue.clone(),
            });
        }
    }
    out
}

/// English speaker words cut to the subject: no subordinator before it ("When Trump" →
/// "Trump"), no verb or adverb after it ("Sanders supporters have long" → "Sanders
/// supporters"), no aside after a comma (", meanwhile", ", in a statement"). An apposition
/// stays ("Jane Roe, a lawyer for the city", "Jane Roe, 59"). Code points in and out.
fn en_speaker_span(doc: &Doc, s: usize, e: usize) -> (usize, usize) {
    let i0 = doc.toks.partition_point(|t| t.start < s);
    let mut i1 = i0;
    while doc.toks.get(i1).is_some_and(|t| t.end <= e) {
        i1 += 1;
    }
    if i1 <= i0 + 1 {
        // "He’s not saying …": the pronoun without its clitic
        if let Some(t) = doc.toks.get(i0).filter(|_| i1 == i0 + 1)
            && let Some((pronoun, _)) = ["’", "'"].iter().find_map(|m| t.lower.split_once(m))
            && lexicon::pronoun(pronoun)
        {
            return (t.start.max(s), (t.start + pronoun.chars().count()).min(e));
        }
        return (s, e);
    }
    let word = |k: usize| doc.toks.get(k).filter(|t| t.is_word());
    let mut a = i0;
    while a + 1 < i1
        && word(a).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "while"
                    | "when"
                    | "as"
                    | "after"
                    | "before"
                    | "if"
                    | "because"
                    | "although"
                    | "though"
                    | "only"
                    | "but"
                    | "and"
                    | "so"
                    | "meanwhile"
                    | "however"
                    | "then"
            )
        })
        && word(a + 1).is_some()
    {
        a += 1;
    }
    let mut z = i1;
    let mut k = a + 1;
    while k < i1 {
        let Some(t) = doc.toks.get(k) else { break };
        if t.punct(',') {
            let next = word(k + 1);
            let aside = next.is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "meanwhile"
                        | "however"
                        | "though"
                        | "too"
                        | "instead"
                        | "also"
                        | "in"
                        | "speaking"
                        | "writing"
                        | "according"
                )
            });
            if aside {
                z = k;
            }
            break;
        }
        // "exit polls reported by CNN", "a post getting clicks": a participle in the phrase
        let participle =
            t.lower.ends_with("ing") || word(k + 1).is_some_and(|n| n.is("by") || n.is("in"));
        let only_det = (a..k).all(|x| word(x).is_some_and(|w| lexicon::determiner(&w.lower)));
        // "The town released a statement saying …", "Clinton paused, then revealed …": a
        // past tense after the phrase's noun (an adjective in -ed comes before it: "the
        // retired general", "an unnamed official")
        let past_tense = t.lower.len() > 4
            && t.lower.ends_with("ed")
            && word(k - 1).is_some_and(|p| {
                !lexicon::determiner(&p.lower)
                    && !p.lower.ends_with("'s")
                    && !p.lower.ends_with("’s")
                    && !p.lower.ends_with("ly")
                    && !matches!(
                        p.lower.as_str(),
                        "former" | "most" | "more" | "less" | "so" | "well" | "much" | "very"
                    )
            });
        if t.is_word()
            && !t.cap
            && t.inside.is_none()
            && !participle
            && !only_det
            && (lexicon::is_aux(&t.lower)
                || past_tense
                || lexicon::is_verb("en", &t.lower) && !lexicon::noun_like(&t.lower)
                || matches!(
                    t.lower.as_str(),
                    "soon"
                        | "however"
                        | "herself"
                        | "himself"
                        | "themselves"
                        | "itself"
                        | "goes"
                        | "continues"
                        | "includes"
                        | "cannot"
                        | "issued"
                        | "sent"
                        | "put"
                        | "made"
                        | "took"
                        | "gave"
                        | "gives"
                        | "struck"
                        | "long"
                        | "recently"
                        | "meanwhile"
                        | "later"
                        | "now"
                        | "still"
                        | "already"
                        | "again"
                        | "too"
                        | "then"
                        | "often"
                        | "never"
                        | "always"
                        | "once"
                        | "even"
                        | "just"
                        | "ever"
                        | "previously"
                        | "repeatedly"
                        | "earlier"
                        | "has"
                        | "have"
                        | "had"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "will"
                        | "would"
                        | "could"
                        | "did"
                        | "does"
                        | "do"
                ))
        {
            z = k;
            break;
        }
        k += 1;
    }
    let (Some(first), Some(last)) = (doc.toks.get(a), doc.toks.get(z.saturating_sub(1))) else {
        return (s, e);
    };
    if z <= a || !(first.is_word() || matches!(first.kind, Kind::Open(_))) {
        return (s, e);
    }
    (first.start.max(s), last.end.min(e))
}

/// German speaker words cut to the noun phrase: a pronoun alone ("er sagte …" → "er"), no
/// relative clause (", der …"), no words after the phrase ("Henderson weiter",
/// "Wolfgang Gerhardt hat sich bereit", "el-Baradei die Bearbeitung …"). Code points in,
/// code points out; unchanged when nothing of a name is left.
fn de_speaker_span(doc: &Doc, s: usize, e: usize) -> (usize, usize) {
    let i0 = doc.toks.partition_point(|t| t.start < s);
    let mut i1 = i0;
    while doc.toks.get(i1).is_some_and(|t| t.end <= e) {
        i1 += 1;
    }
    let Some(first) = doc.toks.get(i0).filter(|_| i1 > i0) else {
        return (s, e);
    };
    // a pronoun alone; "Ihr Vorsitzender …" is a possessive before its noun
    let possessive = first.is("ihr")
        && doc
            .toks
            .get(i0 + 1)
            .is_some_and(|n| n.is_word() && n.cap && n.end <= e);
    if first.is_word()
        && !possessive
        && matches!(
            first.lower.as_str(),
            "er" | "sie" | "es" | "man" | "wir" | "ich" | "ihr"
        )
    {
        return (first.start, first.end);
    }
    let article = |w: &str| {
        matches!(
            w,
            "der"
                | "die"
                | "das"
                | "den"
                | "dem"
                | "des"
                | "ein"
                | "eine"
                | "einer"
                | "einem"
                | "einen"
                | "eines"
        )
    };
    let link = |w: &str| {
        matches!(
            w,
            "des"
                | "der"
                | "von"
                | "vom"
                | "für"
                | "im"
                | "in"
                | "aus"
                | "zur"
                | "zum"
                | "und"
                | "de"
                | "van"
                | "el"
                | "al"
                | "bin"
                | "am"
                | "bei"
                | "beim"
                | "da"
                | "di"
                | "del"
                | "du"
                | "la"
                | "le"
                | "y"
        )
    };
    let mut good_end: Option<usize> = None;
    let mut k = i0;
    while k < i1 {
        let Some(t) = doc.toks.get(k) else { break };
        match t.kind {
            Kind::Word => {
                let w = t.lower.as_str();
                // the noun after this word and any further adjectives ("die staatliche
                // libanesische Nachrichtenagentur")
                let mut j = k + 1;
                while j < i1
                    && doc
                        .toks
                        .get(j)
                        .is_some_and(|n| n.is_word() && !n.cap && de_adjective_ending(&n.lower))
                {
                    j += 1;
                }
                let next_cap = doc
                    .toks
                    .get(j)
                    .filter(|_| j < i1)
                    .is_some_and(|n| n.is_word() && n.cap);
                if t.cap || w.starts_with(|c: char| c.is_ascii_digit()) {
                    good_end = Some(t.end);
                } else if article(w)
                    && (k == i0
                        || doc.toks.get(k - 1).is_some_and(|p| {
                            // an apposition or a preposition's object: "Emily Lau, die
                            // Vorsitzende", "das Patent für den Motorwagen"
                            p.punct(',') || p.is_word() && link(&p.lower) && !article(&p.lower)
                        }))
                    || link(w)
                    || k > i0 && matches!(w, "eines" | "einer")
                {
                    // "nach Auffassung eines chinesischen Gerichtes": a genitive
                } else if next_cap && !article(w) && de_adjective_ending(w) {
                    // an adjective before its noun ("der stellvertretende Sprecher")
                } else if k + 1 == i1
                    && k > i0
                    && doc.toks.get(k - 1).is_some_and(|p| article(&p.lower))
                    && !lexicon::is_verb("de", w)
                    && !de_finite(w)
                {
                    // a name in lower case, last: "Die taz berichtete"
                    good_end = Some(t.end);
                } else {
                    break;
                }
            }
            Kind::Punct => {
                if t.punct(',') {
                    // a relative clause ends the phrase; an apposition goes on
                    let rel = doc.toks.get(k + 1).is_some_and(|n| {
                        n.is_word()
                            && !n.cap
                            && match n.lower.as_str() {
                                "welche" | "welcher" | "dessen" | "deren" => true,
                                // "der sich …", "der zur Zeit …"; not "der Minister"
                                "der" | "die" | "das" => {
                                    doc.toks.get(k + 2).is_some_and(|x| !(x.is_word() && x.cap))
                                }
                                _ => false,
                            }
                    });
                    if rel {
                        break;
                    }
                } else if t.punct(')') {
                    good_end = Some(t.end);
                }
            }
            Kind::Close(_) => good_end = Some(t.end),
            Kind::Open(_) => {}
            Kind::Break => break,
        }
        k += 1;
    }
    match good_end {
        Some(ge) if ge > s => (s, ge.min(e)),
        _ => (s, e),
    }
}

/// German prepositions that end a subject after the verb ("sagte Georg Ratzinger zur
/// Nachrichtenagentur dpa", "sagte Leung am Sonntag").
fn de_np_after_stop(w: &str) -> bool {
    matches!(
        w,
        "zur"
            | "zum"
            | "am"
            | "unter"
            | "gegenüber"
            | "auf"
            | "mit"
            | "bei"
            | "nach"
            | "vor"
            | "über"
            | "seit"
            | "laut"
    )
}

/// German prepositions that end a subject read backwards from the verb ("… zum eigenen
/// Erfolgskriterium erklärt"); "von", "vom", "aus" may stay inside a name phrase.
fn de_np_before_stop(w: &str) -> bool {
    matches!(
        w,
        "zum"
            | "zur"
            | "im"
            | "am"
            | "beim"
            | "bei"
            | "mit"
            | "nach"
            | "vor"
            | "über"
            | "unter"
            | "gegen"
            | "auf"
            | "seit"
            | "durch"
            | "ohne"
            | "um"
            | "gegenüber"
            | "laut"
            | "als"
    )
}

/// German articles and possessives of the accusative, dative or genitive: they open an
/// object, never the subject.
fn de_object_article(w: &str) -> bool {
    matches!(
        w,
        "den"
            | "dem"
            | "des"
            | "einen"
            | "einem"
            | "eines"
            | "seinen"
            | "seinem"
            | "seines"
            | "ihren"
            | "ihrem"
            | "ihres"
            | "diesen"
            | "diesem"
            | "dieses"
    )
}

/// German finite forms of the auxiliaries and modals ("wurden", "ist", "soll").
fn de_finite(w: &str) -> bool {
    matches!(
        w,
        "wurde"
            | "wurden"
            | "wird"
            | "werden"
            | "ist"
            | "sind"
            | "war"
            | "waren"
            | "sei"
            | "seien"
            | "hat"
            | "haben"
            | "hatte"
            | "hatten"
            | "kann"
            | "können"
            | "konnte"
            | "konnten"
            | "soll"
            | "sollen"
            | "sollte"
            | "sollten"
            | "muss"
            | "müssen"
            | "musste"
            | "mussten"
            | "will"
            | "wollen"
            | "wollte"
            | "wollten"
            | "darf"
            | "dürfen"
            | "gibt"
            | "gab"
            | "gebe"
            | "blieben"
            | "blieb"
            | "bleibt"
    )
}

/// A German word with an adjective's ending ("staatliche", "neuen", "früherer").
fn de_adjective_ending(w: &str) -> bool {
    ["e", "en", "er", "es", "em"].iter().any(|x| w.ends_with(x))
}

/// The name in a speaker's words: the words before an apposition ("Jane Roe, a lawyer"),
/// or the name after a role ("the ministry's spokesman, Anton Meyer" → "Anton Meyer").
fn speaker_name(words: &str) -> String {
    let mut parts = words.split(',').map(str::trim);
    let first = parts.next().unwrap_or(words).trim();
    // a capitalised word that is not an institution after "of" ("o ministro do Interior")
    let named = |p: &str| {
        let ws: Vec<&str> = p.split_whitespace().collect();
        (1..ws.len()).any(|i| {
            ws[i].starts_with(char::is_uppercase)
                && !matches!(
                    ws[i - 1],
                    "of" | "de" | "do" | "da" | "du" | "des" | "del" | "della" | "di" | "la"
                )
        }) || ws.len() == 1 && p.starts_with(char::is_uppercase)
    };
    if !named(first) {
        if let Some(name) = parts.find(|p| {
            !p.is_empty()
                && p.split_whitespace().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || matches!(w, "de" | "da" | "do" | "von" | "van" | "del" | "di")
                })
        }) {
            return name.to_string();
        }
    }
    first.to_string()
}

struct Extractor<'a> {
    doc: &'a Doc,
    lang: &'a str,
    drafts: Vec<Draft>,
    used_pairs: Vec<bool>,
    /// Per sentence: a speaker introduced without content ("Peskov told reporters:").
    intro: Vec<Option<((usize, usize), Option<(usize, usize)>)>>,
    /// Words the text capitalises inside a sentence (nouns and names, not a fronted
    /// adverb), lower-cased; built on first use.
    mid_caps: std::cell::OnceCell<std::collections::HashSet<&'a str>>,
}

/// A subject or source phrase: token range `[s, e)`.
#[derive(Debug, Clone, Copy)]
struct Np {
    s: usize,
    e: usize,
    /// No speaker despite the phrase ("it was reported").
    impersonal: bool,
    /// The attributing phrase goes on to this token (exclusive) after the name: an
    /// apposition ("Jane Roe, a lawyer for the city,"), part of the speaker's mention.
    ext: Option<usize>,
}

impl<'a> Extractor<'a> {
    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.doc.toks.get(i)
    }

    fn word_outside(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.is_word() && t.inside.is_none())
    }

    fn sentence(&mut self, si: usize) {
        let Some(&sent) = self.doc.sents.get(si) else {
            return;
        };
        let (a, b) = (sent.a, sent.b);
        if self.lang == "en" && self.label_colon(si, a, b) {
            return;
        }
        let mut i = a;
        let mut last_end_tok = a; // content before a later cue starts after earlier attributions
        while i < b {
            let Some(t) = self.tok(i) else { break };
            if !t.is_word() || t.inside.is_some() {
                i += 1;
                continue;
            }
            let next = self
                .tok(i + 1)
                .filter(|n| n.is_word())
                .map(|n| n.lower.as_str());
            if let Some(len) = lexicon::source_prep(self.lang, &t.lower, next)
                .filter(|_| self.source_prep_ok(i))
                .or_else(|| {
                    (self.lang == "de" && t.is("nach") && self.de_nach_source(i)).then_some(1)
                })
            {
                if let Some(end) = self.source_prep(si, a, b, i, len, last_end_tok) {
                    last_end_tok = end;
                    i = end.max(i + 1);
                    continue;
                }
            }
            if self.lang == "de" {
                if let Some(end) = self.de_marker(si, a, b, i, last_end_tok) {
                    last_end_tok = end;
                    i = end.max(i + 1);
                    continue;
                }
            }
            if self.lang == "de"
                && t.is("so")
                && i > a
                && self.tok(i - 1).is_some_and(|p| p.punct(','))
            {
                if self.so_x(si, a, b, i, last_end_tok) {
                    i += 1;
                    continue;
                }
            }
            if self.lang == "en" {
                if let Some(end) = self
                    .infinitive_cue(si, a, b, i, last_end_tok)
                    .or_else(|| self.asked_question(si, a, b, i, last_end_tok))
                {
                    last_end_tok = end;
                    i = end.max(i + 1);
                    continue;
                }
            }
            if let Some((cs, ce, pron)) = self.verb_cue(i, b) {
                if let Some(end) = self.attribute(si, a, b, cs, ce, pron, last_end_tok) {
                    last_end_tok = end;
                    i = end.max(ce);
                    continue;
                }
                // a cue spread over the clause ("hat nach Polizeiangaben … gefordert")
                // that attributed nothing may hold another source: read on inside it
                i = if ce > i + 2 { i + 1 } else { ce };
                continue;
            }
            i += 1;
        }
    }

    /// German source words at token `i`: "Demnach …", "Wie X mitteilte, …", a source
    /// before "nach" ("Seiner Meinung nach …", "Dem Vernehmen nach …") or "zufolge".
    /// The token after what was consumed.
    fn de_marker(
        &mut self,
        si: usize,
        a: usize,
        b: usize,
        i: usize,
        region_start: usize,
    ) -> Option<usize> {
        let t = self.tok(i)?;
        if t.is("demnach") {
            return self.demnach(si, a, b, i, region_start);
        }
        if t.is("wie") {
            return self.de_wie_clause(si, a, b, i, region_start);
        }
        let source_before = t.is("nach")
            && i > a
            && self.tok(i - 1).is_some_and(|p| {
                p.is_word() && p.cap && (lexicon::de_source_noun(&p.lower) || p.is("vernehmen"))
            });
        if t.is("zufolge") || source_before {
            return self.zufolge(si, a, b, i);
        }
        None
    }

    /// "Pat Caddell: Democrat Voters Worried …" (a headline) and "PENCE: Well, look, …" (a
    /// transcript): one to three capitalised words and a colon open the paragraph; the
    /// rest of the sentence (of the paragraph, for a speaker in capitals) is theirs.
    fn label_colon(&mut self, si: usize, a: usize, b: usize) -> bool {
        let first_of_para = si == 0
            || self
                .doc
                .sents
                .get(si - 1)
                .is_none_or(|p| p.para != self.doc.sents[si].para);
        if !first_of_para {
            return false;
        }
        let mut k = a;
        if self
            .tok(k)
            .is_some_and(|t| matches!(t.kind, Kind::Open(_) | Kind::Punct))
        {
            k += 1; // a stray opening mark in transcripts
        }
        let s0 = k;
        while k < b && k < s0 + 3 && self.tok(k).is_some_and(|t| t.is_word() && t.cap) {
            k += 1;
        }
        if k == s0 || !self.tok(k).is_some_and(|t| t.punct(':')) {
            return false;
        }
        let label = self.doc.text(
            self.tok(s0).map_or(0, |t| t.start),
            self.tok(k - 1).map_or(0, |t| t.end),
        );
        let l = label.to_lowercase();
        let bad = [
            "highlights",
            "summary",
            "breaking",
            "exclusive",
            "opinion",
            "analysis",
            "live",
            "latest",
            "background",
            "factbox",
            "explainer",
            "context",
            "key",
            "points",
            "contact",
            "email",
            "tags",
            "note",
            "update",
            "updated",
            "photo",
            "video",
            "source",
            "correction",
            "editor",
            "related",
            "read",
            "watch",
            "transcript",
            "caption",
            "warning",
            "disclosure",
            "q",
            "a",
            "more",
            "listen",
            "see",
            "follow",
            "credit",
            "getty",
        ];
        if l.split_whitespace()
            .any(|w| bad.contains(&w.trim_end_matches(['’', '\'', 's'])))
            || l.split_whitespace().any(|w| bad.contains(&w))
        {
            return false;
        }
        let from = k + 1;
        if self.words_until_punct(from, b) < 2
            && (from..b).filter(|&x| self.word_outside(x)).count() < 3
        {
            return false;
        }
        let caps = self.tok(s0).is_some_and(|t| {
            t.end - t.start > 1
                && self
                    .doc
                    .chars
                    .get(t.start..t.end)
                    .is_some_and(|cs| cs.iter().all(|c| !c.is_alphabetic() || c.is_uppercase()))
        });
        // "Highlights: Putin's spokesman said …": a section label before a sentence that
        // attributes itself (a transcript's speaker in capitals may go on with any verb)
        if !caps
            && (from..b).any(|x| {
                self.tok(x).is_some_and(|t| {
                    t.is_word() && !t.cap && t.inside.is_none() && lexicon::is_verb("en", &t.lower)
                })
            })
        {
            return false;
        }
        let mut to = b;
        let mut last = si;
        if caps {
            while let Some(n) = self.doc.sents.get(last + 1) {
                if n.para != self.doc.sents[si].para {
                    break;
                }
                last += 1;
                to = n.b;
            }
        }
        let Some((cs, ce, kind, pair)) = self.content(from, to) else {
            return false;
        };
        self.use_pairs_in(from, to);
        self.push(Draft {
            start: cs,
            end: ce,
            kind,
            speaker: self.span(s0, k),
            cue: self.span(k, k + 1),
            sent: si,
            pair,
        });
        true
    }

    /// Portuguese guards: "de acordo com" needs its "com"; "o segundo semestre" is an
    /// ordinal, not "segundo X".
    fn source_prep_ok(&self, i: usize) -> bool {
        if self.lang != "pt" {
            return true;
        }
        let Some(t) = self.tok(i) else { return false };
        if t.is("de") {
            return self.tok(i + 2).is_some_and(|x| x.is("com"));
        }
        if t.is("segundo") && i > 0 {
            return !self.tok(i - 1).is_some_and(|p| {
                p.is_word()
                    && matches!(
                        p.lower.as_str(),
                        "o" | "no"
                            | "do"
                            | "ao"
                            | "um"
                            | "pelo"
                            | "este"
                            | "esse"
                            | "seu"
                            | "neste"
                    )
            });
        }
        true
    }

    /// A speech verb at token `i`: the cue's token range and, for "a-t-il"/"dit-il", the
    /// pronoun's code-point span.
    fn verb_cue(&self, i: usize, b: usize) -> Option<(usize, usize, Option<(usize, usize)>)> {
        let t = self.tok(i)?;
        let w = t.lower.as_str();
        if self.lang == "fr" {
            // "a-t-il déclaré", "dit-il", "estime-t-elle"
            let parts: Vec<&str> = w.split(['-', '‐']).collect();
            if parts.len() >= 2 {
                let last = parts[parts.len() - 1];
                if matches!(last, "il" | "elle" | "ils" | "elles" | "on") {
                    let pron_len = last.chars().count();
                    let pron = (t.end - pron_len, t.end);
                    let first = parts[0];
                    if matches!(first, "a" | "ont" | "avait" | "avaient") {
                        if self
                            .tok(i + 1)
                            .is_some_and(|n| n.is_word() && lexicon::is_verb("fr", &n.lower))
                        {
                            return Some((i, i + 2, Some(pron)));
                        }
                        return None;
                    }
                    if lexicon::is_verb("fr", first) {
                        return Some((i, i + 1, Some(pron)));
                    }
                }
                return None;
            }
            if matches!(w, "a" | "ont" | "avait" | "avaient") {
                return None;
            }
        }
        if self.lang == "it" && w == "ha" {
            return None;
        }
        if t.cap {
            return None;
        }
        if !lexicon::is_verb(self.lang, w) {
            // "Trump charges that …", "the city is demanding that …": a verb of saying
            // outside the list counts before a "that"-clause; not a noun ("the charges that")
            if !(self.lang == "en" && lexicon::en_that_verb(w) && self.that_clause_at(i, b)
                || self.lang == "en" && w == "show" && self.plural_subject_at(i))
            {
                return None;
            }
        }
        if lexicon::noun_like(w) {
            // "Western estimates indicate": a noun when a non-clause word follows
            let next = self.tok(i + 1);
            let clause_follows = next.is_none_or(|n| {
                !n.is_word()
                    || lexicon::complementizer(&n.lower)
                    || lexicon::determiner(&n.lower)
                    || lexicon::pronoun(&n.lower)
                    || n.cap
            });
            let prev_det = i > 0
                && self.tok(i - 1).is_some_and(|p| {
                    matches!(
                        p.lower.as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "these"
                            | "those"
                            | "of"
                            | "in"
                            | "recent"
                            | "new"
                            | "media"
                            | "news"
                            | "press"
                    ) || p.lower.ends_with("'s")
                        || p.lower.ends_with("’s") // "Editor's note:"
                });
            // "says", "tells", "believes" are verbs unless a determiner says otherwise
            if prev_det || !clause_follows && !lexicon::mostly_verb(w) {
                return None;
            }
        }
        // "bekannt" ending a sentence after a noun is an adjective ("als Bürgerrechtler an
        // der Seite von Jesse Jackson bekannt."), not "wurde bekannt, dass" or "gab … bekannt"
        if self.lang == "de"
            && w == "bekannt"
            && self.tok(i + 1).is_none_or(|n| n.punct('.'))
            && i > 0
            && self.tok(i - 1).is_some_and(|p| p.is_word() && p.cap)
        {
            return None;
        }
        if self.lang == "de" {
            if let Some(parts) = lexicon::de_needs_particle(w) {
                // The particle must come before the next comma or the sentence's end.
                let mut j = i + 1;
                let mut ok = false;
                while j < b && j < i + 15 {
                    let Some(n) = self.tok(j) else { break };
                    if n.punct(',') || n.punct(':') || n.punct('.') {
                        break;
                    }
                    if parts.contains(&n.lower.as_str()) {
                        ok = true;
                        break;
                    }
                    j += 1;
                }
                if !ok {
                    return None;
                }
                return Some((i, j + 1, None));
            }
        }
        // French/Italian/Spanish compound past: the auxiliary belongs to the cue.
        let mut cs = i;
        if matches!(self.lang, "fr" | "it" | "es") && i > 0 {
            if let Some(p) = self.tok(i - 1) {
                if matches!(
                    p.lower.as_str(),
                    "a" | "ont" | "avait" | "avaient" | "ha" | "hanno" | "aveva" | "han" | "había"
                ) {
                    cs = i - 1;
                }
            }
        }
        // English "pointed out", "pointed to"
        let mut ce = i + 1;
        if matches!(w, "called" | "calls" | "calling") {
            // "called for a ban", "called on Congress to act"; not "called him a liar"
            if self.tok(i + 1).is_some_and(|n| n.is("for") || n.is("on")) {
                ce = i + 2;
            } else {
                // "Clinton called half of Trump's supporters “deplorables”", "she called it a
                // ploy": a subject right before, an object after (not "a group called X")
                // … or a comma before a participle, "and" or "who" before a verb ("…,
                // calling him “a total stiff”", "and called the system “rotten”")
                let subject = i > 0
                    && self.tok(i - 1).is_some_and(|p| {
                        p.is_word() && p.inside.is_none() && (p.cap || lexicon::pronoun(&p.lower))
                            || self.lang == "en"
                                && p.inside.is_none()
                                && if w == "calling" {
                                    p.punct(',')
                                } else {
                                    p.is("and") || p.is("who")
                                }
                    });
                let object = self.tok(i + 1).is_some_and(|n| {
                    n.is_word()
                        && n.inside.is_none()
                        && !n.cap
                        && (lexicon::determiner(&n.lower)
                            || matches!(n.lower.as_str(), "it" | "him" | "her" | "them" | "half"))
                });
                // "Bolton called Obama's plan “reckless”", "Trump called Cruz the “ultimate
                // hypocrite”": a name or a possessive as the object, and the
                // judgment in quote marks before the clause ends
                let named_object = self.tok(i + 1).is_some_and(|n| {
                    n.is_word()
                        && n.inside.is_none()
                        && (n.cap || n.lower.ends_with("'s") || n.lower.ends_with("’s"))
                }) && (self.lang == "en"
                    && self.tok(i + 2).is_some_and(|x| x.is("a") || x.is("an"))
                    || (i + 2..(i + 20).min(b))
                        .take_while(|&k| {
                            self.tok(k)
                                .is_some_and(|t| !(t.punct('.') || t.punct(';') || t.punct(':')))
                        })
                        .any(|k| self.tok(k).is_some_and(|t| matches!(t.kind, Kind::Open(_)))));
                if !(subject && (object || named_object)) {
                    return None;
                }
            }
        }
        if matches!(w, "pointed" | "points") {
            if self.tok(i + 1).is_some_and(|n| n.is("out")) {
                ce = i + 2;
            } else {
                return None;
            }
        }
        Some((cs, ce, None))
    }

    /// English: a "that"-clause follows the word at `i` (over an addressee or a short
    /// adverbial), and no determiner or possessive before `i` makes it a noun.
    fn that_clause_at(&self, i: usize, b: usize) -> bool {
        let noun = i > 0
            && self.tok(i - 1).is_some_and(|p| {
                p.is_word()
                    && (lexicon::determiner(&p.lower)
                        || p.lower.ends_with("'s")
                        || p.lower.ends_with("’s")
                        || matches!(p.lower.as_str(), "of" | "no" | "any" | "such"))
            });
        if noun {
            return false;
        }
        let w = self.tok(i).map(|t| t.lower.as_str()).unwrap_or_default();
        let (j, explicit) = self.after_start(i + 1, b, w);
        explicit
            && self
                .tok(j)
                .is_some_and(|t| t.is("that") && t.inside.is_none())
    }

    /// English "polls show", "the data show", "records show …": a plural noun right
    /// before `i`, and a clause or an object (not "show up") after it.
    fn plural_subject_at(&self, i: usize) -> bool {
        let plural = i > 0
            && self.tok(i - 1).is_some_and(|p| {
                p.is_word()
                    && p.inside.is_none()
                    && (p.lower.ends_with('s')
                        && !p.lower.ends_with("ss")
                        && !p.lower.ends_with("'s")
                        && !p.lower.ends_with("’s")
                        && !lexicon::pronoun(&p.lower)
                        && !lexicon::determiner(&p.lower)
                        && !lexicon::is_aux(&p.lower)
                        && !lexicon::en_clause_marker(&p.lower)
                        || matches!(p.lower.as_str(), "data"))
            });
        plural
            && self.tok(i + 1).is_some_and(|n| {
                n.is_word()
                    && n.inside.is_none()
                    && !matches!(
                        n.lower.as_str(),
                        "up" | "off" | "me" | "us" | "you" | "him" | "her" | "them" | "to"
                    )
            })
    }

    fn span(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        if e <= s {
            return None;
        }
        let a = self.tok(s)?.start;
        let b = self.tok(e - 1)?.end;
        Some((a, b))
    }

    /// An initial or a dotted abbreviation inside a name ("G.K", "J").
    fn initial(&self, w: &Tok) -> bool {
        w.cap && (w.end - w.start == 1 || w.lower.contains('.') && w.end - w.start <= 5)
    }

    /// A bracket of at most six tokens opening at `k`: the index of its ")".
    fn short_parenthesis(&self, k: usize, b: usize) -> Option<usize> {
        if !self
            .tok(k)
            .is_some_and(|t| t.punct('(') && t.inside.is_none())
        {
            return None;
        }
        (k + 1..(k + 8).min(b)).find(|&j| self.tok(j).is_some_and(|t| t.punct(')')))
    }

    /// The subject phrase that ends right before token `end` (aux and adverbs skipped).
    fn np_before(&self, a: usize, end: usize) -> Option<Np> {
        let mut e = end;
        while e > a
            && self.tok(e - 1).is_some_and(|t| {
                t.is_word()
                    && !t.cap
                    && (lexicon::is_aux(&t.lower) || t.lower.ends_with("ly") && t.lower.len() > 4)
            })
        {
            e -= 1;
        }
        if self.lang == "en" {
            // "Sanders on Tuesday said", "which together vowed": a time adverbial between
            // the subject and the verb is not the subject
            e = self.en_time_before(a, e);
            // "Trump in an interview said": nor is where it was said
            e = self.en_medium_before(a, e);
            // "economists who argue that …", "Trump, who says he is honored": the
            // relative pronoun is the speaker's mention (PolNeAR's source), its antecedent
            // the name
            if let Some(r) = self.relative_subject(a, e) {
                return Some(r);
            }
        }
        // "something she said": a pronoun right before the verb is the subject
        if e > a
            && self
                .tok(e - 1)
                .is_some_and(|t| t.is_word() && lexicon::pronoun(&t.lower))
        {
            return Some(Np {
                s: e - 1,
                e,
                impersonal: false,
                ext: None,
            });
        }
        // "Rep. Stephen Lynch (D-Mass.) said": a short parenthesis after the name belongs
        // to the subject
        let mut s = e;
        if s > a
            && self
                .tok(s - 1)
                .is_some_and(|t| t.punct(')') && t.inside.is_none())
        {
            if let Some(open) = (s.saturating_sub(8).max(a)..s - 1)
                .rev()
                .find(|&k| self.tok(k).is_some_and(|t| t.punct('(')))
            {
                if open > a && self.tok(open - 1).is_some_and(|t| t.is_word() && t.cap) {
                    s = open;
                }
            }
        }
        let paren_end = s < e;
        let mut n = 0;
        while s > a && n < 12 {
            let Some(t) = self.tok(s - 1) else { break };
            if t.punct('.')
                && s >= 2
                && self.tok(s - 2).is_some_and(|w| {
                    w.is_word() && (lexicon::title_abbrev(&w.lower) || self.initial(w))
                })
            {
                s -= 1; // "Sen. Bernie Sanders", "Rep. G.K. Butterfield"
                continue;
            }
            if t.inside.is_some() || !t.is_word() {
                break;
            }
            // an initial is no stop word ("Loretta E. Lynch": not the Italian "e")
            let initial = self.initial(t) && self.tok(s).is_some_and(|n| n.punct('.'));
            // "Mr. Grassley and Mr. Leahy said": two names joined by "and"
            let names_joined = matches!(t.lower.as_str(), "and" | "und")
                && s < e
                && n < 8
                && self.tok(s).is_some_and(|x| x.is_word() && x.cap)
                && s >= a + 2
                && self.tok(s - 2).is_some_and(|x| {
                    x.is_word()
                        && x.cap
                        && x.inside.is_none()
                        && !lexicon::determiner(&x.lower)
                        && !lexicon::pronoun(&x.lower)
                })
                && {
                    // the first conjunct is a name too, with nothing of a clause before it
                    // ("Trump visited Ohio and Pence said" is two clauses)
                    let mut k = s - 2;
                    while k > a
                        && self.tok(k - 1).is_some_and(|x| {
                            x.inside.is_none() && (x.is_word() && x.cap || x.punct('.'))
                        })
                    {
                        k -= 1;
                    }
                    k == a
                        || self.tok(k - 1).is_some_and(|x| {
                            !x.is_word()
                                || lexicon::np_stop(&x.lower, self.lang)
                                || lexicon::lead_trim(&x.lower)
                        })
                };
            // "The Commission on Presidential Debates", "A spokeswoman for Hillary Clinton":
            // a preposition inside a name, or after a role noun with its determiner, before a
            // name
            let name_after = self.tok(s).is_some_and(|x| x.is_word() && x.cap)
                || self.tok(s).is_some_and(|x| x.is("a") || x.is("the"))
                    && self.tok(s + 1).is_some_and(|x| x.is_word() && x.cap);
            let prep_in_name = self.lang == "en"
                && matches!(t.lower.as_str(), "for" | "on" | "of" | "to" | "at")
                && s < e
                && n < 8
                && name_after
                && s >= a + 2
                && self.tok(s - 2).is_some_and(|x| {
                    x.is_word()
                        && x.inside.is_none()
                        && !lexicon::pronoun(&x.lower)
                        && (x.cap && !lexicon::determiner(&x.lower)
                            || !x.cap
                                && !lexicon::np_stop(&x.lower, self.lang)
                                && !lexicon::is_verb(self.lang, &x.lower)
                                && s >= a + 3
                                && self
                                    .tok(s - 3)
                                    .is_some_and(|d| d.is_word() && lexicon::determiner(&d.lower)))
                });
            // "A spokesman for the buyer", "sources close to her campaign": a source noun
            // goes on over its preposition
            let source_prep = self.lang == "en"
                && matches!(
                    t.lower.as_str(),
                    "for" | "of" | "with" | "to" | "at" | "from"
                )
                && s < e
                && n < 8
                && s >= a + 2
                && self.tok(s - 2).is_some_and(|x| {
                    x.is_word() && !x.cap && x.inside.is_none() && lexicon::en_source_head(&x.lower)
                });
            // "Six in 10 Virginia voters"
            let number = |x: &Tok| {
                x.is_word()
                    && (x.lower.chars().all(|c| c.is_ascii_digit())
                        || matches!(
                            x.lower.as_str(),
                            "one"
                                | "two"
                                | "three"
                                | "four"
                                | "five"
                                | "six"
                                | "seven"
                                | "eight"
                                | "nine"
                        ))
            };
            let n_in_m = self.lang == "en"
                && t.is("in")
                && s < e
                && s >= a + 2
                && self.tok(s).is_some_and(number)
                && self.tok(s - 2).is_some_and(number);
            let crossed = initial
                || prep_in_name
                || source_prep
                || n_in_m
                || names_joined
                || t.cap && s - 1 == a && lexicon::determiner(&t.lower);
            if (lexicon::np_stop(&t.lower, self.lang)
                || self.lang == "de" && de_np_before_stop(&t.lower))
                && !crossed
            {
                break;
            }
            if lexicon::is_verb(self.lang, &t.lower)
                && !t.cap
                && !(s == e && lexicon::noun_like(&t.lower))
            {
                break; // ("Western estimates indicate": a noun right before the verb)
            }
            s -= 1;
            n += 1;
        }
        if paren_end && self.tok(s).is_some_and(|t| t.punct('(')) {
            return None;
        }
        if s == e {
            // "X, the mayor, said": an appositive chain before the verb.
            if s > a && self.tok(s - 1).is_some_and(|t| t.punct(',')) {
                return self.appositive(a, s - 1).map(|np| Np {
                    s: self
                        .role_before_name(a, np.s)
                        .or_else(|| self.de_apposition_chain(a, np.s))
                        .unwrap_or(np.s),
                    ext: Some(s - 1),
                    ..np
                });
            }
            // "Peskov, who …, said"
            if s > a && self.tok(s - 1).is_some_and(|t| t.is("who")) && s >= 2 {
                let mut k = s - 1;
                if k > a && self.tok(k - 1).is_some_and(|t| t.punct(',')) {
                    k -= 1;
                    return self.np_before(a, k).filter(|np| !np.impersonal);
                }
            }
            return None;
        }
        // Trim leading conjunctions and adverbs.
        while s < e && self.tok(s).is_some_and(|t| lexicon::lead_trim(&t.lower)) {
            s += 1;
        }
        if s == e {
            return None;
        }
        // A long run without a stop word is rarely one subject: keep its tail.
        if e - s > 8 {
            s = e - 4;
        }
        let first = self.tok(s)?;
        let impersonal = e - s == 1
            && lexicon::impersonal(&first.lower)
            && !(self.lang == "de" && first.is("die"));
        Some(Np {
            s,
            e,
            impersonal,
            ext: None,
        })
    }

    /// English: the start of a time adverbial of at most four tokens that ends right
    /// before `e` ("on Tuesday", "in 2010", "early Friday", "together"), when a subject
    /// word comes before it; else `e`.
    fn en_time_before(&self, a: usize, e: usize) -> usize {
        let mut k = e;
        let mut core = false;
        while k > a && k + 4 > e {
            let Some(t) = self.tok(k - 1) else { break };
            if !t.is_word() || t.inside.is_some() {
                break;
            }
            let w = t.lower.as_str();
            let year = w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.chars().all(|c| c.is_ascii_digit());
            if lexicon::english_weekday(w)
                || t.cap && lexicon::english_month(w)
                || year
                || lexicon::en_time_adverb(w)
            {
                core = true;
            } else if !(matches!(
                w,
                "on" | "in"
                    | "at"
                    | "during"
                    | "last"
                    | "this"
                    | "early"
                    | "late"
                    | "earlier"
                    | "later"
                    | "the"
                    | "past"
                    | "that"
            ) || w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 2)
            {
                break;
            }
            k -= 1;
        }
        if !core || k == e || k <= a {
            return e;
        }
        // the adverbial opens with a preposition or a time word, not a dangling "the"/"that"
        let Some(first) = self.tok(k) else { return e };
        if matches!(first.lower.as_str(), "the" | "that") {
            return e;
        }
        // a subject's last word before it: a name, a pronoun, a relative pronoun, a noun
        let subject_end = self.tok(k - 1).is_some_and(|p| {
            p.is_word()
                && p.inside.is_none()
                && (p.cap
                    || lexicon::pronoun(&p.lower)
                    || matches!(p.lower.as_str(), "who" | "which")
                    || !lexicon::np_stop(&p.lower, self.lang)
                        && !lexicon::is_verb(self.lang, &p.lower)
                        && !lexicon::is_aux(&p.lower)
                        && !lexicon::determiner(&p.lower))
        });
        if subject_end { k } else { e }
    }

    /// Where the words of a phrase like "in an interview", "in a statement", "on
    /// Twitter" begin when they end right before token `e` after a subject's last word
    /// (a name, a pronoun, a noun); else `e`.
    fn en_medium_before(&self, a: usize, e: usize) -> usize {
        let Some(last) = self.tok(e.wrapping_sub(1)).filter(|t| e > a && t.is_word()) else {
            return e;
        };
        if !lexicon::en_medium(&last.lower) {
            return e;
        }
        let mut k = e - 1;
        while k > a
            && k + 4 > e
            && self.tok(k - 1).is_some_and(|t| {
                t.is_word()
                    && t.inside.is_none()
                    && !matches!(t.lower.as_str(), "in" | "on" | "during")
                    && (lexicon::determiner(&t.lower)
                        || !t.cap && !lexicon::np_stop(&t.lower, "en"))
            })
        {
            k -= 1;
        }
        let opens = self
            .tok(k.wrapping_sub(1))
            .is_some_and(|t| k > a && matches!(t.lower.as_str(), "in" | "on" | "during"));
        let subject_end = k >= a + 2
            && self.tok(k - 2).is_some_and(|p| {
                p.is_word()
                    && p.inside.is_none()
                    && (p.cap
                        || lexicon::pronoun(&p.lower)
                        || !lexicon::np_stop(&p.lower, "en")
                            && !lexicon::is_verb("en", &p.lower)
                            && !lexicon::is_aux(&p.lower)
                            && !lexicon::determiner(&p.lower))
            });
        if opens && subject_end { k - 1 } else { e }
    }

    /// The antecedent's words (code points) of a speaker mention that is an English
    /// relative pronoun at `[s, e)` ("Republicans, who said" → "Republicans").
    fn antecedent(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        if self.lang != "en" {
            return None;
        }
        let i = self.doc.toks.partition_point(|t| t.start < s);
        let t = self.tok(i)?;
        if t.end != e || !matches!(t.lower.as_str(), "who" | "which" | "that") {
            return None;
        }
        let si = self.doc.sents.partition_point(|x| x.b <= i);
        let a = self.doc.sents.get(si).map_or(0, |x| x.a);
        let mut k = i;
        if k > a && self.tok(k - 1).is_some_and(|x| x.punct(',')) {
            k -= 1;
        }
        let np = self.np_before(a, k).filter(|np| !np.impersonal)?;
        self.head(np)
    }

    /// English: a relative pronoun right before the verb ("officials who said", "a group
    /// that plans to", "Trump, who says"): its own token as the subject, with the
    /// antecedent's words recorded as the speaker's name.
    fn relative_subject(&self, a: usize, e: usize) -> Option<Np> {
        if e <= a + 1 {
            return None;
        }
        let r = self.tok(e - 1)?;
        if !r.is_word()
            || r.cap
            || r.inside.is_some()
            || !matches!(r.lower.as_str(), "who" | "which" | "that")
        {
            return None;
        }
        let mut k = e - 1;
        if self.tok(k - 1).is_some_and(|t| t.punct(',')) {
            k -= 1;
        }
        // the antecedent: a noun phrase right before ("a super PAC that", "Republicans,
        // who"); "that" after a verb or a stop word is a complementizer ("said that")
        let prev = self.tok(k - 1)?;
        if !prev.is_word()
            || prev.inside.is_some()
            || lexicon::np_stop(&prev.lower, self.lang)
            || lexicon::is_verb(self.lang, &prev.lower) && !prev.cap
            || lexicon::is_aux(&prev.lower)
        {
            return None;
        }
        if r.is("that") && k < e - 1 {
            return None; // ", that" is no relative pronoun
        }
        Some(Np {
            s: e - 1,
            e,
            impersonal: false,
            ext: None,
        })
    }

    /// The subject at the start of the sentence: capitalised words, determiners and the
    /// nouns after them ("The campaign issued …" → "The campaign").
    fn sentence_subject(&self, a: usize, limit: usize) -> Option<Np> {
        let mut s = a;
        while s < limit
            && self
                .tok(s)
                .is_some_and(|t| t.is_word() && lexicon::lead_trim(&t.lower))
        {
            s += 1;
        }
        self.subject_from(s, limit)
    }

    /// [`Self::sentence_subject`] for the subject of a participle, a coordinated verb or a
    /// to-infinitive cue later in the sentence: in English over a fronted adverbial.
    fn clause_subject(&self, a: usize, limit: usize) -> Option<Np> {
        let mut s = a;
        while s < limit
            && self
                .tok(s)
                .is_some_and(|t| t.is_word() && lexicon::lead_trim(&t.lower))
        {
            s += 1;
        }
        // English "On Thursday, however, Trump spoke …, promising …": the subject follows
        // a fronted adverbial and its comma
        if self.lang == "en"
            && self.tok(s).is_some_and(|t| {
                t.is_word()
                    && t.inside.is_none()
                    && (lexicon::adverbial_start(&t.lower)
                        || t.lower.ends_with("ly") && t.lower.len() > 4)
            })
        {
            if let Some(c) = (s + 1..limit.min(s + 14)).find(|&k| {
                self.tok(k)
                    .is_some_and(|t| t.punct(',') && t.inside.is_none())
            }) {
                let mut n = c + 1;
                while n + 1 < limit
                    && self.tok(n).is_some_and(|t| {
                        t.is_word()
                            && (lexicon::adverbial_start(&t.lower) || lexicon::lead_trim(&t.lower))
                    })
                    && self.tok(n + 1).is_some_and(|t| t.punct(','))
                {
                    n += 2;
                }
                if n < limit
                    && self
                        .tok(n)
                        .is_some_and(|t| t.is_word() && t.inside.is_none())
                {
                    if let Some(np) = self.subject_from(n, limit) {
                        return Some(np);
                    }
                }
            }
        }
        self.subject_from(s, limit)
    }

    /// The subject phrase starting at `s`, before `limit` (see [`Self::sentence_subject`]).
    fn subject_from(&self, s: usize, limit: usize) -> Option<Np> {
        let mut e = s;
        let mut after_det = false;
        let mut lower_run = 0;
        while e < limit && e < s + 7 {
            let Some(t) = self.tok(e) else { break };
            if t.punct('.')
                && e > s
                && self
                    .tok(e - 1)
                    .is_some_and(|w| w.is_word() && lexicon::title_abbrev(&w.lower))
                && self.tok(e + 1).is_some_and(|x| x.is_word() && x.cap)
            {
                e += 1; // "Mr. Cruz"
                continue;
            }
            if !t.is_word() || t.inside.is_some() {
                break;
            }
            if lexicon::determiner(&t.lower) && !(t.cap && e > s) {
                after_det = true;
                lower_run = 0;
            } else if t.cap && after_det && self.lang == "en" {
                // "The Florida senator": a name inside the determiner's phrase, then one noun
                lower_run = 1;
            } else if t.cap || lexicon::pronoun(&t.lower) && e == s {
                after_det = false;
            } else if lexicon::determiner(&t.lower) {
                after_det = true;
                lower_run = 0;
            } else if after_det
                && !lexicon::np_stop(&t.lower, self.lang)
                && !lexicon::is_verb(self.lang, &t.lower)
                && !t.lower.ends_with("ed")
                && lower_run < 2
            {
                lower_run += 1; // a noun or adjective after a determiner
            } else {
                break;
            }
            e += 1;
            if lexicon::pronoun(&t.lower) {
                break;
            }
        }
        if e == s {
            return None;
        }
        let first = self.tok(s)?;
        let impersonal = e - s == 1 && lexicon::impersonal(&first.lower);
        Some(Np {
            s,
            e,
            impersonal,
            ext: None,
        })
    }

    /// "The state’s campaign chairman, Phil Lovas, said": the role that opens the sentence
    /// before a name in apposition (part of the speaker's words); its first token.
    fn role_before_name(&self, a: usize, name_s: usize) -> Option<usize> {
        if name_s < a + 2 || !self.tok(name_s - 1).is_some_and(|t| t.punct(',')) {
            return None;
        }
        let mut s = a;
        while s < name_s - 1 && self.tok(s).is_some_and(|t| lexicon::lead_trim(&t.lower)) {
            s += 1;
        }
        let words = name_s - 1 - s;
        if !(1..=6).contains(&words) {
            return None;
        }
        let role_like = (s..name_s - 1).all(|k| {
            self.tok(k).is_some_and(|t| {
                t.is_word()
                    && t.inside.is_none()
                    && !lexicon::is_verb(self.lang, &t.lower)
                    && !lexicon::np_stop(&t.lower, self.lang)
                    && (!t.cap || k == s)
            })
        });
        role_like.then_some(s)
    }

    /// German "Der Leiter des Programms, Klaus Stöhr, sagte …", "Hans-Jürgen Papier,
    /// Präsident des Gerichts, sagte …": when every chunk before the one at `name_s` back
    /// to the clause's start at `a` is a noun phrase (an article, a possessive or a
    /// capital first, no verb), the chain is the speaker: its first token.
    fn de_apposition_chain(&self, a: usize, name_s: usize) -> Option<usize> {
        if self.lang != "de" {
            return None;
        }
        let mut start = a;
        while start < name_s
            && self
                .tok(start)
                .is_some_and(|t| lexicon::lead_trim(&t.lower))
        {
            start += 1;
        }
        let mut end = name_s;
        for _ in 0..3 {
            if end <= start + 1 || !self.tok(end - 1).is_some_and(|t| t.punct(',')) {
                return None;
            }
            let mut s = end - 1;
            while s > start && !self.tok(s - 1).is_some_and(|t| t.punct(',')) {
                s -= 1;
            }
            let words = end - 1 - s;
            let first = self.tok(s)?;
            let noun_phrase = (1..=10).contains(&words)
                && first.is_word()
                && (first.cap && !lexicon::adverbial_start(&first.lower)
                    || lexicon::determiner(&first.lower))
                && (s..end - 1).all(|k| {
                    self.tok(k).is_some_and(|t| {
                        t.inside.is_none()
                            && (t.is_word()
                                && (t.cap && k > s
                                    || k == s
                                    || !lexicon::is_verb("de", &t.lower)
                                        && !lexicon::is_aux(&t.lower)
                                        && !lexicon::konjunktiv(&t.lower)
                                        && !matches!(
                                            t.lower.as_str(),
                                            "und" | "oder" | "als" | "wie" | "dass" | "weil"
                                        ))
                                || t.punct('.')
                                || t.punct('(')
                                || t.punct(')'))
                    })
                });
            if !noun_phrase {
                return None;
            }
            if s == start {
                return Some(s);
            }
            end = s;
        }
        None
    }

    /// Before a comma that precedes the verb: walk back over appositive chunks
    /// ("Vladimir Osechkin, the director of Gulagu.net, a prisoner advocacy group, stated").
    fn appositive(&self, a: usize, comma: usize) -> Option<Np> {
        let mut end = comma;
        for _ in 0..4 {
            // chunk = (previous comma or a) .. end
            let mut s = end;
            while s > a {
                let t = self.tok(s - 1)?;
                if t.punct(',')
                    || t.punct(';')
                    || t.punct(':')
                    || !matches!(t.kind, Kind::Word | Kind::Punct)
                {
                    break;
                }
                s -= 1;
                if end - s > 14 {
                    return None;
                }
            }
            let first = self.tok(s)?;
            // "Rep. Jim Jordan (R-Ohio)": at most six tokens, a bracket aside
            let mut depth = 0usize;
            let words = (s..end)
                .filter(|&k| {
                    let Some(t) = self.tok(k) else { return false };
                    if t.punct('(') {
                        depth += 1;
                    } else if t.punct(')') {
                        depth = depth.saturating_sub(1);
                        return false;
                    }
                    depth == 0
                })
                .count();
            if s < end
                && first.is_word()
                && first.cap
                && !lexicon::determiner(&first.lower)
                && words <= 6
            {
                let mut s2 = s;
                while s2 < end && self.tok(s2).is_some_and(|t| lexicon::lead_trim(&t.lower)) {
                    s2 += 1;
                }
                // the chain may follow a closing mark: "“…,” Quina Jones, 25, said"
                if s2 < end
                    && (s2 == a
                        || self.tok(s2 - 1).is_some_and(|t| {
                            t.punct(',') || matches!(t.kind, Kind::Close(_)) || s2 > s
                        }))
                {
                    return Some(Np {
                        s: s2,
                        e: end,
                        impersonal: false,
                        ext: None,
                    });
                }
                return None;
            }
            if s <= a || !self.tok(s - 1).is_some_and(|t| t.punct(',')) {
                return None;
            }
            end = s - 1;
        }
        None
    }

    /// The inverted subject right after the verb ("said Peskov", "sagte der Minister").
    fn np_after(&self, from: usize, b: usize) -> Option<Np> {
        let mut from = from;
        while from < b
            && self.lang != "en"
            && self.tok(from).is_some_and(|t| {
                t.is_word()
                    && !t.cap
                    && lexicon::is_aux(&t.lower)
                    && !(self.lang == "pt" && lexicon::determiner(&t.lower))
            })
        {
            from += 1; // "erklärte gestern ein Sprecher"
        }
        // "a déclaré vendredi (soir) le porte-parole", "dijo este martes el ministro"
        if self.lang != "en" {
            let mut k = from;
            if self.tok(k).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "este" | "esta" | "na" | "no" | "ce" | "am"
                )
            }) && self
                .tok(k + 1)
                .is_some_and(|t| lexicon::time_word(&t.lower))
            {
                k += 1;
            }
            let mut skipped = false;
            while k < b
                && self.tok(k).is_some_and(|t| {
                    t.is_word()
                        && (!t.cap || self.lang == "de")
                        && t.inside.is_none()
                        && lexicon::time_word(&t.lower)
                })
            {
                k += 1;
                skipped = true;
            }
            if skipped {
                from = k;
            }
        }
        let mut e = from;
        let mut n = 0;
        while e < b && n < 9 {
            let Some(t) = self.tok(e) else { break };
            if t.punct('.')
                && e > from
                && self.tok(e - 1).is_some_and(|w| {
                    w.is_word() && (lexicon::title_abbrev(&w.lower) || self.initial(w))
                })
                && self.tok(e + 1).is_some_and(|x| x.cap)
            {
                e += 1; // "said Sen. Bernie Sanders", "said Rep. G.K. Butterfield"
                continue;
            }
            if !t.is_word() || t.inside.is_some() {
                // "Putin's" is one word; stop at any punctuation
                break;
            }
            let w = t.lower.as_str();
            if e > from {
                let prev_det = self
                    .tok(e - 1)
                    .is_some_and(|p| lexicon::determiner(&p.lower));
                if !prev_det
                    && (lexicon::adverbial_start(w)
                        || lexicon::complementizer(w)
                        || matches!(w, "who" | "which" | "der" | "die" | "das" if self.lang != "de"))
                {
                    // "of" / "de" / "von" inside a name phrase: keep when a capital follows
                    // (German also "ein Reporter aus Leeds", "Kempf vom Institut")
                    let de_prep = self.lang == "de"
                        && matches!(w, "aus" | "vom" | "im" | "für" | "beim")
                        && self.tok(e - 1).is_some_and(|p| p.cap);
                    if (matches!(w, "of" | "de" | "von" | "du" | "des" | "della" | "del")
                        || de_prep)
                        && self
                            .tok(e + 1)
                            .is_some_and(|x| x.cap || lexicon::determiner(&x.lower))
                    {
                        e += 1;
                        n += 1;
                        continue;
                    }
                    break;
                }
                if lexicon::is_verb(self.lang, w)
                    || lexicon::np_stop(w, self.lang) && !lexicon::determiner(w)
                    || self.lang == "de" && de_np_after_stop(w)
                {
                    break;
                }
            } else if lexicon::complementizer(w)
                || lexicon::adverbial_start(w) && !lexicon::determiner(w)
            {
                return None;
            }
            e += 1;
            n += 1;
        }
        if e == from {
            return None;
        }
        // "said Rep. Jim Clyburn (D-S.C.), …", "sagte ein Sprecher des Südwestrundfunks
        // (SWR)": the party tag or abbreviation belongs to the name
        if matches!(self.lang, "en" | "de") && self.tok(e - 1).is_some_and(|t| t.cap) {
            if let Some(close) = self.short_parenthesis(e, b) {
                e = close + 1;
            } else if self.lang == "de"
                && let Some(close) = self.quoted_name(e, b)
            {
                e = close + 1; // "sagte ein Sprecher der Organisation „DotAsia“"
            }
        }
        // A subject after the verb starts with a capital, a determiner or a pronoun.
        let first = self.tok(from)?;
        let det = |w: &str| {
            lexicon::determiner(w)
                || self.lang == "pt" && matches!(w, "o" | "os" | "a" | "as" | "um" | "uma")
        };
        if !(first.cap || det(&first.lower) || lexicon::pronoun(&first.lower)) {
            return None;
        }
        // a lone determiner is no subject
        if e - from == 1 && det(&first.lower) && !first.cap {
            return None;
        }
        // nor, in German, a phrase in another case ("bestätigte den Verdacht, …")
        if self.lang == "de" && de_object_article(&first.lower) {
            return None;
        }
        Some(Np {
            s: from,
            e,
            impersonal: false,
            ext: None,
        })
    }

    /// The speaker's words inside a subject phrase: the trailing name after a role
    /// ("Vladimir Putin's spokesman Dmitry Peskov" → "Dmitry Peskov").
    fn head(&self, np: Np) -> Option<(usize, usize)> {
        let (hs, he) = self.head_name(np)?;
        match np
            .ext
            .and_then(|x| x.checked_sub(1))
            .and_then(|x| self.tok(x))
        {
            Some(t) if t.end > he => Some((hs, t.end)),
            _ => Some((hs, he)),
        }
    }

    /// An apposition after an inverted subject ("said Jane Roe, a lawyer for the city."):
    /// the token where it ends (exclusive), when there is one.
    fn apposition_after(&self, e: usize, b: usize) -> Option<usize> {
        if !self.tok(e).is_some_and(|t| t.punct(',')) {
            return None;
        }
        let first = self.tok(e + 1)?;
        if !first.is_word() || first.inside.is_some() {
            return None;
        }
        let starter = matches!(
            first.lower.as_str(),
            "a" | "an" | "the" | "who" | "whose" | "who's" | "who’s" | "former" | "one"
        ) || self.lang == "de"
            // "Arni Finnsson, ein Vertreter der …", "Louis Gallois, der Nachfolger …"
            && matches!(
                first.lower.as_str(),
                "ein" | "eine" | "einer" | "einem"
            )
            && self.tok(e + 2).is_some_and(|n| {
                n.is_word()
                    && (n.cap
                        || ["e", "en", "er"].iter().any(|x| n.lower.ends_with(x))
                            && self.tok(e + 3).is_some_and(|m| m.is_word() && m.cap))
            })
            || first.lower.starts_with(|c: char| c.is_ascii_digit())
            || !first.cap && self.tok(e + 2).is_some_and(|t| t.is("of")); // ", head of …"
        // "said Daryl Kimball, executive director of the …." / ", now a consultant …": a
        // lower-case role without a verb, only when it runs to the sentence's end
        let role = !starter
            && !first.cap
            && self.lang == "en"
            && !first.lower.ends_with("ing")
            && !first.lower.ends_with("ed")
            && !first.lower.ends_with("ly");
        if !starter && !first.cap && !role {
            return None;
        }
        let mut k = e + 1;
        while k < b && k < e + 30 {
            let t = self.tok(k)?;
            if t.inside.is_some() || matches!(t.kind, Kind::Open(_) | Kind::Close(_)) {
                return None;
            }
            // "a spokesman for Mrs. Clinton", "an adviser to George W. Bush": the dot of a
            // title or an initial before a name does not end the apposition
            let abbrev_dot = t.punct('.')
                && self.tok(k - 1).is_some_and(|p| {
                    p.is_word() && (lexicon::title_abbrev(&p.lower) || self.initial(p))
                })
                && self.tok(k + 1).is_some_and(|n| n.is_word() && n.cap);
            if !abbrev_dot
                && (t.punct(',') || t.punct(';') || t.punct('.') || t.punct('—') || t.punct('('))
            {
                break;
            }
            if !starter && t.is_word() && !t.cap && lexicon::is_verb(self.lang, &t.lower) {
                return None;
            }
            k += 1;
        }
        if k >= e + 30 || k <= e + 1 {
            return None;
        }
        let at_end = k >= b || self.tok(k).is_some_and(|t| t.punct('.')) && k + 1 >= b;
        // A capitalised chunk ("said Smith, Jones and Lee") only when it ends the sentence.
        if !starter && !at_end {
            return None;
        }
        Some(k)
    }

    /// A name in apposition after a role ("said the ministry's spokesman, Anton Meyer,",
    /// "a déclaré le porte-parole de la présidence, Anton Belik, interrogé …"): the token
    /// after the name, when the phrase `np` names no one itself.
    fn name_after_role(&self, np: Np, b: usize) -> Option<usize> {
        // the phrase opens with a role noun (after a determiner): "le porte-parole de la
        // présidence", "o ministro do Interior", "the ministry's spokesman"
        let first = if self.tok(np.s).is_some_and(|t| {
            lexicon::determiner(&t.lower) || matches!(t.lower.as_str(), "o" | "a" | "os" | "as")
        }) {
            np.s + 1
        } else {
            np.s
        };
        let role_only = first < np.e
            && self.tok(first).is_some_and(|t| t.is_word() && !t.cap)
            && !(np.e >= first + 2 && (np.e - 2..np.e).all(|k| self.tok(k).is_some_and(|t| t.cap)));
        if !role_only || !self.tok(np.e).is_some_and(|t| t.punct(',')) {
            return None;
        }
        let mut k = np.e + 1;
        let mut caps = 0;
        while k < b && k < np.e + 7 {
            let t = self.tok(k)?;
            if t.is_word() && t.inside.is_none() && t.cap {
                caps += 1;
            } else if !(t.is_word()
                && caps > 0
                && matches!(
                    t.lower.as_str(),
                    "de" | "da" | "do" | "von" | "van" | "del" | "di"
                ))
            {
                break;
            }
            k += 1;
        }
        if caps == 0 || caps > 4 {
            return None;
        }
        let last = self.tok(k - 1)?;
        if !last.cap {
            return None;
        }
        let closes = k >= b
            || self.tok(k).is_some_and(|t| {
                t.punct(',') || t.punct('.') || t.punct(';') || t.punct('—') || t.punct('(')
            });
        closes.then_some(k)
    }

    fn head_name(&self, np: Np) -> Option<(usize, usize)> {
        if np.impersonal {
            return None;
        }
        // "The most recent Western estimates" → "Western estimates"
        let mut np = np;
        if self.tok(np.s).is_some_and(|t| t.is("the")) {
            let mut k = np.s + 1;
            while k < np.e
                && self.tok(k).is_some_and(|t| {
                    // not a name's own word: "The New York Times"
                    !t.cap
                        && matches!(
                            t.lower.as_str(),
                            "most" | "latest" | "recent" | "new" | "last" | "first" | "previous"
                        )
                })
            {
                k += 1;
            }
            if k > np.s + 1 && k + 1 < np.e && self.tok(k).is_some_and(|t| t.cap) {
                np.s = k;
            }
        }
        let mut k = np.e;
        while k > np.s && self.tok(k - 1).is_some_and(|t| t.cap) {
            k -= 1;
        }
        if k > np.s && k < np.e {
            let p = self.tok(k - 1)?;
            let role_word = p.is_word()
                && !lexicon::determiner(&p.lower)
                && !matches!(
                    p.lower.as_str(),
                    "of" | "de" | "von" | "du" | "des" | "la" | "le"
                );
            if role_word && (self.lang != "de") {
                // "Florida delegate John Archer": the whole phrase, unless capitalised
                // words before the name (another entity: "Putin's spokesman Dmitry
                // Peskov") could outweigh the name when speakers are linked to entities.
                let name_len: usize = (k..np.e)
                    .filter_map(|i| self.tok(i))
                    .map(|t| t.end - t.start)
                    .sum();
                let prefix_caps: usize = (np.s..k)
                    .filter_map(|i| self.tok(i))
                    .filter(|t| t.cap)
                    .map(|t| t.end - t.start)
                    .sum();
                let possessive = (np.s..k).filter_map(|i| self.tok(i)).any(|t| {
                    t.lower.ends_with("'s")
                        || t.lower.ends_with("’s")
                        || t.lower.ends_with('\'')
                        || t.lower.ends_with('’')
                });
                if possessive || prefix_caps >= name_len {
                    return self.span(k, np.e);
                }
            }
        }
        self.span(np.s, np.e)
    }

    fn push(&mut self, d: Draft) {
        if d.end <= d.start {
            return;
        }
        // no letters: nothing said
        let has_letter = self
            .doc
            .chars
            .get(d.start..d.end)
            .is_some_and(|cs| cs.iter().any(|c| c.is_alphabetic()));
        if !has_letter {
            return;
        }
        if let Some(p) = d.pair {
            if let Some(u) = self.used_pairs.get_mut(p) {
                *u = true;
            }
        }
        self.drafts.push(d);
    }

    /// Marks every pair of quote marks inside `[ts, te)` tokens as used.
    fn use_pairs_in(&mut self, ts: usize, te: usize) {
        for i in ts..te {
            if let Some(Kind::Open(k)) = self.tok(i).map(|t| t.kind) {
                if let Some(u) = self.used_pairs.get_mut(k) {
                    *u = true;
                }
            }
        }
    }

    /// Content of tokens `[ts, te)`: trimmed of punctuation at the edges; a single pair
    /// of quote marks around everything makes it direct (without the marks).
    /// Records tokens `j..end` as a quote of `speaker` after `cue` in sentence `sent`,
    /// and their quote marks as used; returns `end` (None when they hold no content).
    fn quote_in(
        &mut self,
        j: usize,
        end: usize,
        speaker: Option<(usize, usize)>,
        cue: Option<(usize, usize)>,
        sent: usize,
    ) -> Option<usize> {
        let (start, content_end, kind, pair) = self.content(j, end)?;
        self.use_pairs_in(j, end);
        self.push(Draft {
            start,
            end: content_end,
            kind,
            speaker,
            cue,
            sent,
            pair,
        });
        Some(end)
    }

    fn content(&self, ts: usize, te: usize) -> Option<(usize, usize, QuoteKind, Option<usize>)> {
        let mut s = ts;
        let mut e = te;
        let edge = |t: &Tok| {
            t.kind == Kind::Punct
                && !matches!(
                    t.lower.as_str(),
                    "(" | ")" | "[" | "]" | "$" | "€" | "£" | "%"
                )
        };
        while s < e
            && self
                .tok(s)
                .is_some_and(|t| edge(t) || t.kind == Kind::Break)
        {
            s += 1;
        }
        while e > s
            && self
                .tok(e - 1)
                .is_some_and(|t| edge(t) || t.kind == Kind::Break)
        {
            e -= 1;
        }
        if s >= e {
            return None;
        }
        let first = self.tok(s)?;
        let last = self.tok(e - 1)?;
        if let (Kind::Open(k), Kind::Close(k2)) = (first.kind, last.kind) {
            if k == k2 {
                let (cs, ce) = self.inner(k)?;
                return Some((cs, ce, QuoteKind::Direct, Some(k)));
            }
        }
        if let (Kind::Open(k), Kind::Close(k2)) = (first.kind, last.kind) {
            // several quotes in a row, only punctuation between them: one direct quote
            let only_marks = (s..e).all(|i| {
                self.tok(i)
                    .is_some_and(|t| t.inside.is_some() || !matches!(t.kind, Kind::Word))
            });
            if only_marks {
                let (cs, _) = self.inner(k)?;
                let (_, ce) = self.inner(k2)?;
                return Some((cs, ce, QuoteKind::Direct, Some(k)));
            }
        }
        let has_quote =
            (s..e).any(|i| self.tok(i).is_some_and(|t| matches!(t.kind, Kind::Open(_))));
        // An unclosed quote reaching in from outside is ignored.
        let kind = if has_quote {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        };
        Some((first.start, last.end, kind, None))
    }

    /// The inner span of a pair of marks, trimmed of whitespace.
    fn inner(&self, k: usize) -> Option<(usize, usize)> {
        let p = self.doc.pairs.get(k)?;
        let mut s = p.open + p.open_len;
        let mut e = p.close;
        while s < e && self.doc.chars.get(s).is_some_and(|c| c.is_whitespace()) {
            s += 1;
        }
        while e > s && self.doc.chars.get(e - 1).is_some_and(|c| c.is_whitespace()) {
            e -= 1;
        }
        Some((s, e))
    }

    /// Where a reported clause after the cue starts: after an addressee ("told
    /// reporters"), a short adverbial ("on Friday") and a comma or colon; the
    /// complementizer is kept ("that …", as PolNeAR and the German corpus annotate).
    /// Returns (start token, explicit: whether a complementizer, colon or quote opens it).
    fn after_start(&self, ce: usize, b: usize, cue_word: &str) -> (usize, bool) {
        let mut j = ce;
        // look ahead for a complementizer within a few tokens
        let mut k = j;
        let en_wide = self.lang == "en";
        let reach = if en_wide { 12 } else { 8 };
        while k < b && k < j + reach {
            let Some(t) = self.tok(k) else { break };
            if t.inside.is_some() || matches!(t.kind, Kind::Open(_)) {
                break;
            }
            if t.is_word() && lexicon::complementizer(&t.lower) {
                // only over an addressee or a short adverbial ("told reporters on Monday
                // that"), not over a clause ("said no decision had been made about whether")
                let ok = (j..k).all(|x| {
                    self.tok(x).is_some_and(|t| {
                        !t.punct('.')
                            && !(t.is_word()
                                && (if en_wide {
                                    lexicon::en_clause_marker(&t.lower)
                                } else {
                                    lexicon::is_aux(&t.lower)
                                } || lexicon::np_stop(&t.lower, self.lang)
                                    && !lexicon::adverbial_start(&t.lower)))
                    })
                }) && (k == j || !t.is("whether"))
                    && !(k > j
                        && self.tok(k + 1).is_some_and(|n| {
                            n.is_word()
                                && (lexicon::is_aux(&n.lower)
                                    || matches!(
                                        n.lower.as_str(),
                                        "was" | "were" | "is" | "are" | "has" | "had" | "have"
                                    ))
                        }));
                if ok {
                    return (k, true);
                }
            }
            if t.punct(',')
                && self
                    .tok(k + 1)
                    .is_some_and(|n| n.is_word() && n.lower.ends_with("ing"))
            {
                break; // "…,” the mayor said, adding that …": the participle is a cue of its own
            }
            if t.punct(':') {
                return (k + 1, true);
            }
            if t.punct('.') || t.punct(';') || t.punct(',') && k > ce && self.lang == "en" {
                break; // ", repeating a refrain that …" is not the reported clause
            }
            k += 1;
        }
        // "says at a campaign stop in Toledo, Ohio, that …"
        if self.lang == "en"
            && self
                .tok(ce)
                .is_some_and(|t| lexicon::adverbial_start(&t.lower))
        {
            let mut k = ce + 1;
            while k < b && k < ce + 16 {
                let Some(t) = self.tok(k) else { break };
                if t.inside.is_some()
                    || matches!(t.kind, Kind::Open(_))
                    || t.punct('.')
                    || t.punct(';')
                {
                    break;
                }
                if t.is("that") && self.tok(k - 1).is_some_and(|p| p.punct(',')) {
                    return (k, true);
                }
                if t.is_word()
                    && !t.cap
                    && !lexicon::determiner(&t.lower)
                    && (lexicon::is_aux(&t.lower) || lexicon::is_verb(self.lang, &t.lower))
                {
                    break;
                }
                k += 1;
            }
        }
        if lexicon::takes_addressee(cue_word) {
            // told reporters / told the BBC / told CNN
            let mut n = 0;
            while j < b && n < 5 {
                let Some(t) = self.tok(j) else { break };
                if !t.is_word() || t.inside.is_some() {
                    break;
                }
                let det_ok = !lexicon::determiner(&t.lower)
                    || self
                        .tok(j + 1)
                        .is_some_and(|x| x.cap || lexicon::addressee(&x.lower));
                if det_ok && (lexicon::addressee(&t.lower) || (t.cap && n < 4)) {
                    j += 1;
                    n += 1;
                } else {
                    break;
                }
            }
            if j > ce && self.tok(j).is_some_and(|t| t.is("on") || t.is("in")) {
                // told reporters on Monday
                let mut m = j + 1;
                while m < b
                    && m < j + 4
                    && self
                        .tok(m)
                        .is_some_and(|t| t.is_word() && !lexicon::complementizer(&t.lower))
                {
                    m += 1;
                }
                if self.tok(m).is_some_and(|t| t.punct(',') || t.punct(':')) {
                    j = m;
                }
            }
        }
        // German "sagte gestern vor der Presse, …": a short adverbial between the cue and
        // the comma that opens the reported clause (no object: "erklärte seinen Rücktritt,")
        if self.lang == "de" {
            if let Some(k) = self.de_adverbial_to_comma(j, b) {
                return (k + 1, true);
            }
        }
        // English "says of Clinton, “If she …”", "said in a statement: “…”": a short
        // adverbial or addressee, then a comma or colon and a direct quote
        if self.lang == "en" {
            let mut k = j;
            while k < b && k < j + 10 {
                let Some(t) = self.tok(k) else { break };
                if t.inside.is_some() {
                    break;
                }
                if (t.punct(',') || t.punct(':')) && k > j {
                    if self
                        .tok(k + 1)
                        .is_some_and(|n| matches!(n.kind, Kind::Open(_)))
                    {
                        return (k + 1, true);
                    }
                    break;
                }
                if !t.is_word()
                    || !t.cap
                        && (lexicon::en_clause_marker(&t.lower)
                            || lexicon::is_verb(self.lang, &t.lower)
                            || lexicon::complementizer(&t.lower))
                {
                    break;
                }
                k += 1;
            }
        }
        // English "said on Friday he met …", "told CNN in an interview she would …": a
        // short adverbial, then a clause opened by a subject pronoun
        if self.lang == "en"
            && self.tok(j).is_some_and(|t| {
                t.inside.is_none()
                    && matches!(
                        t.lower.as_str(),
                        "on" | "in"
                            | "at"
                            | "during"
                            | "last"
                            | "earlier"
                            | "late"
                            | "early"
                            | "this"
                    )
            })
        {
            let mut k = j + 1;
            while k < b && k < j + 8 {
                let Some(t) = self.tok(k) else { break };
                if !t.is_word() || t.inside.is_some() {
                    break;
                }
                if !t.cap && matches!(t.lower.as_str(), "he" | "she" | "they" | "we" | "there") {
                    if k > j + 1 {
                        return (k, false);
                    }
                    break;
                }
                if !t.cap
                    && (lexicon::en_clause_marker(&t.lower)
                        || lexicon::is_verb(self.lang, &t.lower)
                        || lexicon::complementizer(&t.lower)
                        || t.lower.ends_with("ed"))
                {
                    break;
                }
                k += 1;
            }
        }
        // English "said Thursday he would …": a weekday or "yesterday" before the clause
        if self.lang == "en"
            && self.tok(j).is_some_and(|t| {
                t.inside.is_none()
                    && (lexicon::english_weekday(&t.lower)
                        || matches!(t.lower.as_str(), "yesterday" | "today"))
            })
            && self.tok(j + 1).is_some_and(|n| {
                n.is_word()
                    && n.inside.is_none()
                    && (lexicon::pronoun(&n.lower) && !n.cap
                        || lexicon::determiner(&n.lower)
                        || matches!(n.lower.as_str(), "there" | "it"))
            })
        {
            return (j + 1, false);
        }
        let t = self.tok(j);
        if t.is_some_and(|t| t.punct(',') || t.punct(':')) {
            let n = self.tok(j + 1);
            if n.is_some_and(|n| matches!(n.kind, Kind::Open(_))) {
                return (j + 1, true);
            }
            if t.is_some_and(|t| t.punct(':')) {
                return (j + 1, true);
            }
            if matches!(self.lang, "de" | "ru") {
                return (j + 1, true);
            }
            return (j + 1, false);
        }
        if t.is_some_and(|t| matches!(t.kind, Kind::Open(_))) {
            return (j, true);
        }
        (j, false)
    }

    /// German: from `j`, a run of at most six words that is an adverbial (time words,
    /// prepositional phrases; a determiner only after a preposition, no verb, no object)
    /// ending at a comma before at least two words: the comma's token.
    fn de_adverbial_to_comma(&self, j: usize, b: usize) -> Option<usize> {
        let mut k = j;
        let mut prep = false;
        while k < b && k < j + 7 {
            let t = self.tok(k)?;
            if t.punct(',') {
                let ok = k > j
                    && !self.tok(k - 1).is_some_and(|p| p.is("ab"))
                    && self.words_until_punct(k + 1, b) >= 2;
                return ok.then_some(k);
            }
            if !t.is_word() || t.inside.is_some() {
                return None;
            }
            let w = t.lower.as_str();
            if matches!(
                w,
                "gegenüber"
                    | "vor"
                    | "bei"
                    | "beim"
                    | "in"
                    | "im"
                    | "am"
                    | "auf"
                    | "nach"
                    | "während"
                    | "an"
                    | "zum"
                    | "zur"
                    | "mit"
                    | "vom"
                    | "über"
                    | "anlässlich"
            ) {
                prep = true;
            } else if lexicon::time_word(w)
                || matches!(
                    w,
                    "abend"
                        | "morgen"
                        | "nachmittag"
                        | "vormittag"
                        | "mittag"
                        | "nacht"
                        | "zudem"
                        | "außerdem"
                        | "weiter"
                        | "ferner"
                        | "auch"
                        | "jedoch"
                        | "aber"
                        | "dazu"
                        | "darüber"
                        | "hinaus"
                        | "noch"
                        | "später"
                        | "erneut"
                        | "bereits"
                        | "zuvor"
                        | "dort"
                        | "damals"
                )
            {
            } else if !prep
                || lexicon::is_verb("de", w)
                || lexicon::is_aux(w)
                || lexicon::complementizer(w)
                || matches!(w, "nichts" | "kein" | "keine" | "keinen" | "es" | "sich")
            {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether the words from `j` run to the sentence's end with no comma, semicolon or
    /// dash (a final full stop allowed).
    fn clause_to_end(&self, j: usize, b: usize) -> bool {
        let mut k = j;
        while k < b {
            let Some(t) = self.tok(k) else { break };
            if t.inside.is_none() && (t.punct(',') || t.punct(';') || t.punct('—')) {
                return false;
            }
            if t.inside.is_none() && t.punct('.') && !self.abbrev_dot(k, b) {
                return k + 1 >= b;
            }
            k += 1;
        }
        true
    }

    /// The full stop at `k` closes a title or an initial inside a name ("Mr. Trump", "G.K.
    /// Butterfield"), not a sentence: a capitalised word follows in the sentence.
    fn abbrev_dot(&self, k: usize, b: usize) -> bool {
        k > 0
            && k + 1 < b
            && self.tok(k).is_some_and(|t| t.punct('.'))
            && self.tok(k - 1).is_some_and(|w| {
                w.is_word() && (lexicon::title_abbrev(&w.lower) || self.initial(w))
            })
            && self.tok(k + 1).is_some_and(|n| n.is_word() && n.cap)
    }

    /// How many words follow `j` before the next comma, semicolon or sentence end.
    fn words_until_punct(&self, j: usize, b: usize) -> usize {
        let mut n = 0;
        let mut k = j;
        while k < b {
            let Some(t) = self.tok(k) else { break };
            if t.inside.is_none()
                && (t.punct(',')
                    || t.punct(';')
                    || t.punct('.') && !self.abbrev_dot(k, b)
                    || t.punct('—'))
            {
                break;
            }
            if t.is_word() {
                n += 1;
            }
            k += 1;
        }
        n
    }

    /// Where a reported clause after the cue ends: the sentence's end, or before a tail
    /// that starts another attribution (", adding …", ", according to …", ", he said").
    fn after_end(&self, j: usize, b: usize) -> usize {
        let mut k = j;
        while k < b {
            let Some(t) = self.tok(k) else { break };
            if matches!(t.kind, Kind::Close(_))
                && k > j
                && self.tok(k - 1).is_some_and(|p| p.is_word())
                && self.tok(k + 1).is_some_and(|n| n.is_word() && n.cap)
                && self.tok(k + 2).is_some_and(|n| n.is_word())
            {
                return k + 1; // a missing full stop after a closing mark
            }
            if t.inside.is_none() && t.punct(';') && k > j {
                return k;
            }
            // "…, but he said …", "… though she noted …": another attribution starts
            if self.lang == "en"
                && t.inside.is_none()
                && k > j
                && matches!(
                    t.lower.as_str(),
                    "but" | "though" | "although" | "while" | "yet" | "and"
                )
                && self.tok(k + 1).is_some_and(|n| {
                    n.is_word()
                        && n.inside.is_none()
                        && (lexicon::pronoun(&n.lower) && !n.lower.ends_with("'s"))
                })
                && self.coordinated_cue(k + 2).is_some()
            {
                return if self.tok(k - 1).is_some_and(|p| p.punct(',')) {
                    k - 1
                } else {
                    k
                };
            }
            // "…, and Jane Roe, the mayor, said …", "…, but the agency noted …": a
            // second attribution with a subject of its own
            if self.lang == "en"
                && t.inside.is_none()
                && k > j + 1
                && matches!(t.lower.as_str(), "and" | "but")
                && self.tok(k - 1).is_some_and(|p| p.punct(','))
                && self.second_subject_cue(k + 1, b)
            {
                return k - 1;
            }
            // "… and said she would …", "… but noted that …": a second attribution
            if self.lang == "en"
                && t.inside.is_none()
                && k > j
                && matches!(t.lower.as_str(), "and" | "but")
                && self.coordinated_cue(k + 1).is_some()
            {
                return k;
            }
            if t.inside.is_none() && t.punct(',') {
                if let Some(n) = self.tok(k + 1) {
                    if matches!(
                        n.lower.as_str(),
                        "adding"
                            | "saying"
                            | "noting"
                            | "according"
                            | "citing"
                            | "selon"
                            | "laut"
                            | "so"
                            | "sagte"
                            | "ajoutant"
                            | "a-t-il"
                            | "a-t-elle"
                    ) || self.lang == "en"
                        && n.lower.ends_with("ing")
                        && lexicon::is_verb("en", &n.lower)
                    {
                        return k;
                    }
                    // "… the final bill, which includes …" to the sentence's end: a
                    // relative clause on the content's last noun, not what was said
                    if self.lang == "en"
                        && k > j + 1
                        && n.inside.is_none()
                        && (matches!(n.lower.as_str(), "which" | "who" | "whom" | "whose")
                            && !(k + 2..b).any(|x| {
                                self.tok(x)
                                    .is_some_and(|t| t.inside.is_none() && t.punct(','))
                            }))
                    {
                        return k;
                    }
                    // ", he said." at the end
                    if n.is_word() && k + 3 >= b {
                        if let Some(m) = self.tok(k + 2) {
                            if lexicon::is_verb(self.lang, &m.lower) {
                                return k;
                            }
                        }
                    }
                }
            }
            k += 1;
        }
        b
    }

    /// English: from `k`, a subject (a name or a determiner phrase, an apposition in
    /// commas allowed) and a speech verb in the past or present tense within twelve tokens.
    fn second_subject_cue(&self, k: usize, b: usize) -> bool {
        if !self.tok(k).is_some_and(|t| {
            t.is_word()
                && t.inside.is_none()
                && (t.cap || lexicon::determiner(&t.lower))
                && !lexicon::pronoun(&t.lower)
        }) {
            return false;
        }
        let mut m = k + 1;
        while m < b && m < k + 12 {
            let Some(t) = self.tok(m) else { break };
            if t.inside.is_some() || !(t.is_word() || t.punct(',') || t.punct('.')) {
                return false;
            }
            if t.is_word() && !t.cap {
                let w = t.lower.as_str();
                if lexicon::is_verb(self.lang, w)
                    && (w.ends_with("ed")
                        || w.ends_with('s')
                        || matches!(w, "said" | "told" | "wrote"))
                    && (!lexicon::noun_like(w) || lexicon::mostly_verb(w))
                {
                    return true;
                }
                if lexicon::complementizer(w) || lexicon::en_clause_marker(w) && !lexicon::is_aux(w)
                {
                    return false;
                }
            }
            m += 1;
        }
        false
    }

    /// English: a finite "be", "have" or modal before the next punctuation from `k` ("the
    /// turmoil at the convention was …": a clause, not "said Peskov on Friday.").
    fn finite_before_punct(&self, k: usize, b: usize) -> bool {
        let mut m = k;
        while m < b && m < k + 16 {
            let Some(t) = self.tok(m) else { break };
            if !t.is_word() {
                return false;
            }
            if !t.cap
                && matches!(
                    t.lower.as_str(),
                    "is" | "are"
                        | "was"
                        | "were"
                        | "has"
                        | "have"
                        | "had"
                        | "would"
                        | "will"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "should"
                        | "must"
                )
            {
                return true;
            }
            m += 1;
        }
        false
    }

    /// After "However," / "Meanwhile," / "In fact,": where the clause itself starts.
    fn skip_sentence_adverbs(&self, start: usize, boundary: usize) -> usize {
        let mut f = start;
        while f + 2 < boundary
            && self.tok(f).is_some_and(|t| {
                t.is_word()
                    && t.inside.is_none()
                    && (lexicon::adverbial_start(&t.lower) || lexicon::lead_trim(&t.lower))
            })
            && self.tok(f + 1).is_some_and(|t| t.punct(','))
        {
            f += 2;
        }
        f
    }

    /// A speech verb right at `k` (or after an adverb: "and also said"), past or present
    /// tense, as the second verb of a coordination: its token index.
    fn coordinated_cue(&self, k: usize) -> Option<usize> {
        let mut k = k;
        if self
            .tok(k)
            .is_some_and(|t| t.is_word() && (lexicon::is_aux(&t.lower) || t.lower.ends_with("ly")))
        {
            k += 1;
        }
        let t = self.tok(k)?;
        let w = t.lower.as_str();
        (t.is_word()
            && t.inside.is_none()
            && !t.cap
            && lexicon::is_verb(self.lang, w)
            && (w.ends_with("ed") || w.ends_with('s') || matches!(w, "said" | "told" | "wrote")))
        .then_some(k)
    }

    /// A comma between `start` and `boundary` after which a clause runs to the boundary:
    /// a subject-like word (not an adverbial, a relative pronoun or a participle), then at
    /// least three words with a lower-case verb-like word among them. English.
    fn clause_after_comma(&self, start: usize, boundary: usize) -> bool {
        let Some(c) = (start + 1..boundary).rev().find(|&k| {
            self.tok(k)
                .is_some_and(|t| t.punct(',') && t.inside.is_none())
        }) else {
            return false;
        };
        let words: Vec<&Tok> = (c + 1..boundary)
            .filter_map(|k| self.tok(k))
            .filter(|t| t.is_word())
            .collect();
        let Some(first) = words.first() else {
            return false;
        };
        if words.len() < 3
            || lexicon::adverbial_start(&first.lower)
            || lexicon::lead_trim(&first.lower)
            || matches!(
                first.lower.as_str(),
                "who" | "which" | "whose" | "where" | "when"
            )
            || first.lower.ends_with("ing")
            || first.lower.ends_with("ed")
        {
            return false;
        }
        words.iter().skip(1).any(|t| {
            !t.cap
                && (lexicon::is_aux(&t.lower)
                    || matches!(
                        t.lower.as_str(),
                        "is" | "are" | "was" | "were" | "has" | "have" | "had"
                    )
                    || t.lower.ends_with("ed"))
        })
    }

    /// Does the clause before `boundary` (a comma or closing mark) look like reported
    /// content, not an adverbial ("On Monday,")?
    fn pre_content(&self, start: usize, boundary: usize) -> bool {
        if boundary <= start {
            return false;
        }
        let words = (start..boundary)
            .filter(|&i| self.word_outside(i) || self.tok(i).is_some_and(|t| t.is_word()))
            .count();
        let has_quote = (start..=boundary).any(|i| {
            self.tok(i)
                .is_some_and(|t| matches!(t.kind, Kind::Close(_)))
        });
        if has_quote {
            return true;
        }
        let mut f = self.skip_sentence_adverbs(start, boundary);
        while f + 1 < boundary
            && self
                .tok(f)
                .is_some_and(|t| matches!(t.lower.as_str(), "but" | "and" | "yet" | "so"))
        {
            f += 1; // "But this strategy can prove dangerous, NGOs warned."
        }
        let Some(first) = self.tok(f) else {
            return false;
        };
        if lexicon::adverbial_start(&first.lower) {
            // "In all, the senator has raised $73 million, aides said": a clause of its
            // own after the adverbial's comma
            return self.lang == "en" && self.clause_after_comma(f, boundary);
        }
        // "Giving a speech in Toledo, Clinton says …": a participle opens an adverbial
        if self.lang == "en" && first.cap && f == start && first.lower.ends_with("ing") {
            return false;
        }
        if matches!(first.lower.as_str(), "this" | "that" | "next") {
            // "This week, …" is an adverbial; "This strategy can prove …" is content
            let time = self.tok(f + 1).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "week"
                        | "month"
                        | "year"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "weekend"
                        | "summer"
                        | "spring"
                        | "fall"
                        | "autumn"
                        | "winter"
                        | "time"
                        | "day"
                )
            });
            if time {
                return false;
            }
        }
        words >= 3
    }

    #[allow(clippy::too_many_arguments)]
    fn attribute(
        &mut self,
        si: usize,
        a: usize,
        b: usize,
        cs: usize,
        ce: usize,
        pron: Option<(usize, usize)>,
        region_start: usize,
    ) -> Option<usize> {
        let cue_word = self
            .tok(ce - 1)
            .map(|t| t.lower.clone())
            .unwrap_or_default();
        let cue = self.span(cs, ce);
        // The verb right after a comma or a closing quote mark: the subject may follow it.
        let mut p = cs;
        while p > a
            && self
                .tok(p - 1)
                .is_some_and(|t| t.is_word() && lexicon::is_aux(&t.lower))
        {
            p -= 1;
        }
        let before_is_boundary = p == a
            || self.tok(p - 1).is_some_and(|t| {
                t.punct(',') || matches!(t.kind, Kind::Close(_)) || t.punct('—') || t.punct('–')
            });
        // "X issued a statement, saying …": the participle's subject is the clause's.
        if self.lang == "en"
            && cue_word.ends_with("ing")
            && p > a
            && self.tok(p - 1).is_some_and(|t| t.punct(','))
        {
            let (j, _) = self.after_start(ce, b, &cue_word);
            let subject = self.clause_subject(a, p - 1);
            let end = self.after_end(j, b);
            let (s, e, kind, pair) = self.content(j, end)?;
            self.use_pairs_in(j, end);
            // "“…,” the mayor said, adding that …": the speaker of the clause before
            let before = self
                .drafts
                .last()
                .filter(|d| d.sent == si && d.speaker.is_some())
                .and_then(|d| d.speaker);
            let speaker = before.or_else(|| subject.and_then(|np| self.head(np)));
            self.push(Draft {
                start: s,
                end: e,
                kind,
                speaker,
                cue,
                sent: si,
                pair,
            });
            return Some(end);
        }
        let mut speaker_np: Option<Np> = None;
        let mut speaker_span: Option<(usize, usize)> = pron;
        let mut inverted = false;
        let mut after_np_end = ce;
        if pron.is_some() {
            inverted = true;
        } else if before_is_boundary {
            if let Some(np) = self.np_after(ce, b) {
                // "…, said Peskov." / German V2 "Weiter sagte er, …"
                let ok = if self.lang == "en" {
                    // English inverts only before the clause's end ("said Peskov on
                    // Friday."), and not after an apposition ("X, a spokesman, says Y …").
                    let ends = self.tok(np.e).is_none_or(|t| {
                        np.e >= b
                            || !t.is_word()
                            || lexicon::adverbial_start(&t.lower)
                                && !self.finite_before_punct(np.e, b)
                            || matches!(t.lower.as_str(), "who" | "which" | "whose")
                    });
                    let short = (np.s..np.e)
                        .filter(|&k| self.tok(k).is_some_and(|t| t.is_word()))
                        .count()
                        <= 7;
                    // "said he." inverts; "said he cannot comment" is a clause
                    let pronoun_clause = self
                        .tok(np.s)
                        .is_some_and(|t| lexicon::pronoun(&t.lower) && !t.cap)
                        && (np.e > np.s + 1 || self.tok(np.e).is_some_and(|t| t.is_word()));
                    let short = short && !pronoun_clause;
                    let apposition = p > a
                        && self.tok(p - 1).is_some_and(|t| t.punct(','))
                        && self
                            .appositive(a, p - 1)
                            .is_some_and(|ap| !self.pre_content(a, ap.s.saturating_sub(1).max(a)));
                    ends && short && !apposition
                } else if matches!(self.lang, "fr" | "es" | "it" | "pt") {
                    // "le ministre, Hugo Lemaire, a annoncé une hausse": the name before the
                    // comma is the subject, what follows the verb its object
                    !(p >= a + 2
                        && self.tok(p - 1).is_some_and(|t| t.punct(','))
                        && self.tok(p - 2).is_some_and(|t| t.is_word() && t.cap))
                } else {
                    true
                };
                if ok {
                    let ext = if matches!(self.lang, "en" | "de") {
                        self.apposition_after(np.e, b)
                    } else {
                        None
                    }
                    .or_else(|| self.name_after_role(np, b));
                    speaker_np = Some(Np { ext, ..np });
                    inverted = true;
                    after_np_end = ext.unwrap_or(np.e);
                }
            } else if self.lang == "de" && ce > cs + 1 {
                // "„…“, hatte VW-Chef Winterkorn in einem Interview erklärt.": the subject
                // stands between the auxiliary and the participle that ends the clause
                if let Some(np) = self.np_after(cs + 1, ce - 1).filter(|np| np.s == cs + 1) {
                    speaker_np = Some(np);
                    inverted = true;
                    after_np_end = ce;
                }
            }
        } else if matches!(self.lang, "de" | "fr" | "es" | "it" | "ru") {
            // V2 inversion after an adverbial: "Am Montag sagte der Minister, …"
            let prev = self.tok(cs - 1);
            let prev_is_subject_like = prev.is_some_and(|t| t.cap || lexicon::pronoun(&t.lower));
            if let Some(np) = self.np_after(ce, b) {
                let then = self.tok(np.e);
                let np_then_clause = then.is_some_and(|t| {
                    t.punct(',') || t.punct(':') || t.is("dass") || t.is("que") || t.punct('.')
                });
                let first = self.tok(np.s);
                let strong = first
                    .is_some_and(|f| lexicon::pronoun(&f.lower) || lexicon::determiner(&f.lower));
                let first_constituent_adverbial = self.tok(region_start.max(a)).is_some_and(|t| {
                    t.is_word()
                        && (lexicon::adverbial_start(&t.lower)
                            || !t.cap
                            || t.lower.starts_with(|c: char| c.is_numeric())
                            || lexicon::is_aux(&t.lower))
                });
                if self.lang == "de"
                    && (np_then_clause
                        && (strong || !prev_is_subject_like || first_constituent_adverbial)
                        || first_constituent_adverbial && strong)
                {
                    let ext = self
                        .apposition_after(np.e, b)
                        .or_else(|| self.name_after_role(np, b));
                    speaker_np = Some(Np { ext, ..np });
                    inverted = true;
                    after_np_end = ext.unwrap_or(np.e);
                }
            }
            // "Am Abend gab er jedoch bekannt, …", "Erst vergangene Woche kündigte der
            // Konzern an, …": the subject stands between the verb and its particle
            if self.lang == "de" && !inverted && ce > cs + 1 {
                if let Some(np) = self.np_after(cs + 1, ce - 1) {
                    let first = self.tok(np.s);
                    let pronoun = first.is_some_and(|f| {
                        matches!(f.lower.as_str(), "er" | "sie" | "wir" | "ich" | "es")
                    });
                    let det = first.is_some_and(|f| lexicon::determiner(&f.lower));
                    let first_constituent_adverbial =
                        self.tok(region_start.max(a)).is_some_and(|t| {
                            t.is_word()
                                && (lexicon::adverbial_start(&t.lower)
                                    || lexicon::is_aux(&t.lower)
                                    || t.lower.starts_with(|c: char| c.is_numeric())
                                    || de_np_before_stop(&t.lower)
                                    || matches!(
                                        t.lower.as_str(),
                                        "offiziell"
                                            | "zudem"
                                            | "außerdem"
                                            | "inzwischen"
                                            | "mittlerweile"
                                            | "daraufhin"
                                            | "deshalb"
                                            | "allerdings"
                                            | "jedoch"
                                            | "zunächst"
                                            | "zuletzt"
                                            | "bereits"
                                            | "bisher"
                                            | "erst"
                                            | "dabei"
                                            | "danach"
                                            | "später"
                                            | "zuvor"
                                            | "dann"
                                            | "damals"
                                            | "nun"
                                            | "jetzt"
                                            | "vor"
                                            | "nach"
                                            | "seit"
                                            | "bis"
                                            | "bei"
                                            | "anschließend"
                                            | "gestern"
                                            | "heute"
                                    ))
                        });
                    // only before an explicit clause ("…, er wolle", "…, dass"); else the
                    // subject-before-the-verb reading below stays
                    let explicit = self.after_start(ce, b, &cue_word).1;
                    // ("Im September hatte Englands Premier David Cameron angekündigt, …":
                    // a name too, after a fronted adverbial)
                    let name = first.is_some_and(|f| f.cap && !de_object_article(&f.lower));
                    if np.s == cs + 1
                        && explicit
                        && (pronoun || (det || name) && first_constituent_adverbial)
                    {
                        speaker_np = Some(np);
                        inverted = true;
                        after_np_end = ce;
                    }
                }
            }
        }
        if inverted {
            if let Some(np) = speaker_np {
                speaker_span = self.head(np);
            }
            // Content: after the subject when a clause follows ("sagte er, …"), else before.
            let (j, explicit) = self.after_start(after_np_end, b, &cue_word);
            let n_after = self.words_until_punct(j, b);
            let before_ok = self.pre_content(region_start, p.saturating_sub(1).max(region_start))
                || (p > a
                    && self
                        .tok(p - 1)
                        .is_some_and(|t| matches!(t.kind, Kind::Close(_))));
            // German "„…“, sagte der General der Truppen im Irak, George Casey.": a
            // direct quote right before the verb is what is said, whatever follows
            // (unless the quote goes on after the speaker: "„…“, sagte er, „…“")
            let quote_before = self.lang == "de"
                && p >= a + 2
                && self.tok(p - 1).is_some_and(|t| t.punct(','))
                && self
                    .tok(p - 2)
                    .is_some_and(|t| matches!(t.kind, Kind::Close(_)))
                && !self.tok(j).is_some_and(|t| matches!(t.kind, Kind::Open(_)));
            if !quote_before && (explicit || n_after >= 3 && self.lang == "de" && !before_ok) {
                return self.quote_in(j, self.after_end(j, b), speaker_span, cue, si);
            }
            if p > region_start {
                let (s, e, kind, pair) = self.content(region_start, p)?;
                self.use_pairs_in(region_start, p);
                self.push(Draft {
                    start: s,
                    end: e,
                    kind,
                    speaker: speaker_span,
                    cue,
                    sent: si,
                    pair,
                });
                return Some(after_np_end);
            }
            if speaker_span.is_some() {
                if let Some(slot) = self.intro.get_mut(si) {
                    *slot = Some((speaker_span?, cue));
                }
            }
            return None;
        }
        // "Merrill says … and said she would …": the coordinated verb shares the subject.
        if self.lang == "en"
            && p > a
            && self
                .tok(p - 1)
                .is_some_and(|t| t.inside.is_none() && (t.is("and") || t.is("but")))
            && !lexicon::quote_only(&cue_word)
        {
            let speaker = self
                .drafts
                .last()
                .filter(|d| d.sent == si)
                .and_then(|d| d.speaker)
                .or_else(|| {
                    self.clause_subject(a, p - 1)
                        .filter(|np| !np.impersonal)
                        .and_then(|np| self.head(np))
                });
            let (j, explicit) = self.after_start(ce, b, &cue_word);
            let adverbial = self
                .tok(j)
                .is_some_and(|t| lexicon::adverbial_start(&t.lower));
            if speaker.is_some() && (explicit || !adverbial && self.words_until_punct(j, b) >= 3) {
                return self.quote_in(j, self.after_end(j, b), speaker, cue, si);
            }
        }
        // Subject before the verb.
        let np = self.np_before(region_start.max(a), cs)?;
        let speaker_span = if np.impersonal { None } else { self.head(np) };
        let speaker_span =
            if self.lang == "de" && matches!(cue_word.as_str(), "zitiert" | "zitierte") {
                self.de_quoted_person(a, cs, ce, b).or(speaker_span)
            } else {
                speaker_span
            };
        // "it was reported" has no speaker but still reports
        let boundary = np.s; // tokens before the subject
        let mut bnd = boundary;
        while bnd > region_start
            && self
                .tok(bnd - 1)
                .is_some_and(|t| t.is_word() && lexicon::lead_trim(&t.lower))
        {
            bnd -= 1;
        }
        let pre_tok = if bnd > region_start {
            self.tok(bnd - 1)
        } else {
            None
        };
        let pre_is_sep = pre_tok.is_some_and(|t| {
            t.punct(',') || matches!(t.kind, Kind::Close(_)) || t.punct('—') || t.punct('–')
        });
        let has_pre =
            pre_is_sep && self.pre_content(region_start, bnd.saturating_sub(1).max(region_start));
        let (j, explicit) = self.after_start(ce, b, &cue_word);
        let n_after = self.words_until_punct(j, b);
        let first_after = self.tok(j);
        // "Cruz said if elected he would …": a conditional opens the reported clause
        let reported_if = self.lang == "en"
            && matches!(
                cue_word.as_str(),
                "said" | "says" | "say" | "told" | "tells"
            )
            && first_after.is_some_and(|t| t.is("if") && t.inside.is_none());
        let after_adverbial =
            !reported_if && first_after.is_some_and(|t| lexicon::adverbial_start(&t.lower));
        let quote_only = lexicon::quote_only(&cue_word);
        let opens_quote = self.tok(j).is_some_and(|t| matches!(t.kind, Kind::Open(_)));
        // "Long before the vote, in a city where …, Smith said the count was flawed.": a
        // clause of its own after the verb, running to the sentence's end, is what is
        // reported, not the adverbial before the subject.
        let long_after = self.lang == "en"
            && has_pre
            && n_after >= 4
            // not a participle after a comma: "…, he said, adding that …" reports what
            // comes before
            && !(self.tok(ce).is_some_and(|t| t.punct(','))
                && self.tok(ce + 1).is_some_and(|t| t.is_word() && t.lower.ends_with("ing")))
            && !after_adverbial
            && !quote_only
            && self
                .tok(j)
                .is_some_and(|t| t.is_word() && t.inside.is_none())
            && self.clause_to_end(j, b)
            && !(region_start..bnd).any(|k| {
                self.tok(k)
                    .is_some_and(|t| matches!(t.kind, Kind::Close(_)))
            });
        if (explicit || long_after || (!has_pre && n_after >= 2 && !after_adverbial && !quote_only))
            && !(quote_only && !opens_quote && has_pre)
        {
            let end = self.after_end(j, b);
            let found = if quote_only && !opens_quote {
                None
            } else {
                self.content(j, end)
            };
            let Some((s, e, kind, pair)) = found else {
                // "Dr. Ward stated:" with the quote in the next paragraph
                if let (Some(sp), Some(slot)) = (speaker_span, self.intro.get_mut(si)) {
                    *slot = Some((sp, cue));
                }
                return None;
            };
            self.use_pairs_in(j, end);
            self.push(Draft {
                start: s,
                end: e,
                kind,
                speaker: speaker_span,
                cue,
                sent: si,
                pair,
            });
            return Some(end);
        }
        if has_pre {
            let cut = bnd - 1;
            // The separator may be a closing mark: keep it inside the content.
            let cut = if self
                .tok(cut)
                .is_some_and(|t| matches!(t.kind, Kind::Close(_)))
            {
                cut + 1
            } else {
                cut
            };
            let from = self.skip_sentence_adverbs(region_start, cut);
            let (s, e, kind, pair) = self.content(from, cut)?;
            self.use_pairs_in(region_start, cut);
            self.push(Draft {
                start: s,
                end: e,
                kind,
                speaker: speaker_span,
                cue,
                sent: si,
                pair,
            });
            return Some(ce);
        }
        // No content in this sentence: it may introduce the next ("X told reporters:").
        if let (Some(sp), Some(slot)) = (speaker_span, self.intro.get_mut(si)) {
            *slot = Some((sp, cue));
        }
        None
    }

    /// English "X declined to comment", "X plans to run", "…, vowing to fight" (the
    /// subject holds the to-infinitive, which is the content) and "the House is expected
    /// to vote", "the bill seems to have stalled" (the clause itself, subject included, is
    /// reported, with no holder). A look-back of at most 24 tokens. Returns the token after
    /// the content.
    fn infinitive_cue(
        &mut self,
        si: usize,
        a: usize,
        b: usize,
        i: usize,
        region_start: usize,
    ) -> Option<usize> {
        let t = self.tok(i)?;
        if !t.is_word() || t.cap || t.inside.is_some() {
            return None;
        }
        let w = t.lower.as_str();
        let raising = lexicon::raising(w);
        let base = lexicon::to_stance_base(w);
        if !(raising || base || lexicon::to_stance(w)) {
            return None;
        }
        // "promised Monday to", "sought on Wednesday to": a day between the verb and "to"
        let d = if self.lang == "en" && !raising {
            let day = |k: usize| {
                self.tok(k).is_some_and(|x| {
                    x.is_word()
                        && x.inside.is_none()
                        && (lexicon::english_weekday(&x.lower)
                            || matches!(x.lower.as_str(), "yesterday" | "today"))
                })
            };
            if day(i + 1) {
                1
            } else if self.tok(i + 1).is_some_and(|x| x.is("on")) && day(i + 2) {
                2
            } else {
                0
            }
        } else {
            0
        };
        // "to" and a verb: a lowercase word, not a determiner, pronoun or number
        if !self
            .tok(i + 1 + d)
            .is_some_and(|n| n.is("to") && n.inside.is_none())
        {
            return None;
        }
        let v = self.tok(i + 2 + d)?;
        if !v.is_word()
            || v.cap
            || v.inside.is_some()
            || lexicon::determiner(&v.lower)
            || lexicon::pronoun(&v.lower)
            || v.lower.starts_with(|c: char| c.is_numeric())
            || matches!(
                v.lower.as_str(),
                "it" | "him"
                    | "her"
                    | "them"
                    | "me"
                    | "us"
                    | "his"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
            )
        {
            return None;
        }
        let lo = region_start.max(a);
        // auxiliaries, negation and adverbs before the verb ("did not want", "is widely
        // expected", "has repeatedly pledged")
        let mut p = i;
        let mut be = false;
        let mut aux = false;
        while p > lo
            && self.tok(p - 1).is_some_and(|x| {
                x.is_word()
                    && x.inside.is_none()
                    && !x.cap
                    && (lexicon::is_aux(&x.lower)
                        || matches!(
                            x.lower.as_str(),
                            "is" | "are"
                                | "was"
                                | "were"
                                | "be"
                                | "been"
                                | "being"
                                | "not"
                                | "never"
                                | "widely"
                                | "still"
                                | "now"
                                | "already"
                                | "also"
                        )
                        || x.lower.ends_with("ly") && x.lower.len() > 4)
            })
        {
            p -= 1;
            if let Some(x) = self.tok(p) {
                be |= matches!(
                    x.lower.as_str(),
                    "is" | "are" | "was" | "were" | "be" | "been" | "being"
                );
                aux |= !x.lower.ends_with("ly");
            }
        }
        let prev = if p > lo { self.tok(p - 1) } else { None };
        let cue = self.span(i, i + 1);
        // the content ends at the clause's first comma, semicolon, dash or bracket
        let clause_end = |from: usize| {
            let mut k = from;
            while k < b {
                let Some(x) = self.tok(k) else { break };
                if x.inside.is_none()
                    && (x.punct(',')
                        || x.punct(';')
                        || x.punct('—')
                        || x.punct('–')
                        || x.punct('(')
                        || x.punct(':'))
                {
                    break;
                }
                k += 1;
            }
            k.min(self.after_end(from, b))
        };
        if raising {
            if w == "expected" && !be {
                return None;
            }
            if be && w != "expected" {
                return None; // "was seen to", not a raising verb
            }
            // the clause's start: back to a comma, colon, dash or the region's start
            let mut s = p;
            while s > lo && s + 24 > p {
                let Some(x) = self.tok(s - 1) else { break };
                if x.inside.is_some()
                    || !x.is_word()
                        && (x.punct(',')
                            || x.punct(';')
                            || x.punct(':')
                            || x.punct('—')
                            || x.punct('–')
                            || x.punct('(')
                            || matches!(x.kind, Kind::Open(_) | Kind::Close(_) | Kind::Break))
                {
                    break;
                }
                s -= 1;
            }
            while s < p
                && self
                    .tok(s)
                    .is_some_and(|x| x.is_word() && lexicon::lead_trim(&x.lower))
            {
                s += 1;
            }
            if s == p || !(s..p).any(|k| self.tok(k).is_some_and(|x| x.is_word())) {
                return None;
            }
            let end = clause_end(i + 2 + d);
            let (cs, ce, kind, pair) = self.content(s, end)?;
            self.use_pairs_in(s, end);
            self.push(Draft {
                start: cs,
                end: ce,
                kind,
                speaker: None,
                cue,
                sent: si,
                pair,
            });
            return Some(end);
        }
        // a noun, not a verb: "a plan to", "his promise to", "the party's plans to"
        let prev_noun_marker = prev.is_some_and(|x| {
            x.is_word()
                && (lexicon::determiner(&x.lower)
                    || x.lower.ends_with("'s")
                    || x.lower.ends_with("’s")
                    || matches!(
                        x.lower.as_str(),
                        "his" | "her" | "their" | "its" | "our" | "my" | "your" | "of" | "new"
                    ))
        });
        if prev_noun_marker && !aux {
            return None;
        }
        if base && !aux && !prev.is_some_and(|x| x.is_word() && lexicon::pronoun(&x.lower)) {
            return None;
        }
        // plural nouns as often as verbs ("expansive plans to", "his vows to"): a verb only
        // after a name, a pronoun or a relative pronoun
        if !aux
            && matches!(
                w,
                "plans" | "vows" | "pledges" | "promises" | "hopes" | "aims"
            )
            && !prev.is_some_and(|x| {
                x.is_word() && (x.cap || lexicon::pronoun(&x.lower) || x.is("who") || x.is("that"))
            })
        {
            return None;
        }
        // a participle modifies a noun ("a company seeking to expand") unless a comma or an
        // auxiliary comes before it
        if w.ends_with("ing") && !aux && !prev.is_some_and(|x| x.punct(',')) {
            return None;
        }
        let speaker = if prev.is_some_and(|x| x.punct(',')) {
            // "…, vowing to fight": the participle's subject is the sentence's
            if !w.ends_with("ing") {
                return None;
            }
            self.clause_subject(a, p - 1)
                .filter(|np| !np.impersonal)
                .and_then(|np| self.head(np))
        } else if prev.is_some_and(|x| x.is("who") || x.is("that")) {
            // "a donor who wants to give more": the noun before the relative pronoun
            let mut k = p - 1;
            if k > lo && self.tok(k - 1).is_some_and(|x| x.punct(',')) {
                k -= 1;
            }
            self.np_before(lo, k)
                .filter(|np| !np.impersonal)
                .and_then(|np| self.head(np))
        } else {
            let np = self.np_before(lo, p)?;
            if np.impersonal { None } else { self.head(np) }
        };
        speaker?;
        let j = i + 1 + d;
        self.quote_in(j, clause_end(i + 2 + d), speaker, cue, si)
    }

    /// English "X asked (Y) whether/if/how …" and "X asked Y to …": the indirect question
    /// or request is the content, the asker the speaker. "Asked what …," opening the
    /// sentence has no asker. The addressee is at most four words.
    fn asked_question(
        &mut self,
        si: usize,
        a: usize,
        b: usize,
        i: usize,
        region_start: usize,
    ) -> Option<usize> {
        let t = self.tok(i)?;
        if !t.is_word() || t.inside.is_some() || !matches!(t.lower.as_str(), "asked" | "asks") {
            return None;
        }
        let lo = region_start.max(a);
        let opening = t.cap;
        if opening && i != lo {
            return None;
        }
        // the addressee: names, object pronouns, "reporters", "the crowd"
        let mut j = i + 1;
        while j < b && j < i + 5 {
            let Some(x) = self.tok(j) else { break };
            let addressee = x.is_word()
                && x.inside.is_none()
                && (x.cap
                    || matches!(
                        x.lower.as_str(),
                        "him" | "her" | "them" | "me" | "us" | "you" | "the" | "his" | "their"
                    )
                    || lexicon::addressee(&x.lower)
                    || self.tok(j - 1).is_some_and(|d| {
                        j > i + 1 && matches!(d.lower.as_str(), "the" | "his" | "their")
                    })
                    // "asked voters whether", "asked residents to"
                    || j == i + 1
                        && !lexicon::determiner(&x.lower)
                        && self.tok(j + 1).is_some_and(|n| {
                            matches!(n.lower.as_str(), "whether" | "if" | "to")
                        }));
            if !addressee {
                break;
            }
            j += 1;
        }
        let w = self.tok(j)?;
        if !w.is_word() || w.inside.is_some() {
            return None;
        }
        let question = matches!(
            w.lower.as_str(),
            "whether" | "if" | "how" | "what" | "why" | "who" | "which" | "when"
        );
        let request = w.is("to")
            && j > i + 1
            && self
                .tok(j + 1)
                .is_some_and(|v| v.is_word() && !v.cap && !lexicon::determiner(&v.lower));
        if !(question || request) {
            return None;
        }
        // at least two words in the question or request
        if self.words_until_punct(j, b) < 2 {
            return None;
        }
        let speaker = if opening {
            None
        } else {
            let mut p = i;
            while p > lo
                && self
                    .tok(p - 1)
                    .is_some_and(|x| x.is_word() && !x.cap && lexicon::is_aux(&x.lower))
            {
                p -= 1;
            }
            // "When asked whether …": no asker in the sentence
            let bare = p > lo
                && self.tok(p - 1).is_some_and(|x| {
                    x.is_word()
                        && x.inside.is_none()
                        && matches!(x.lower.as_str(), "when" | "if" | "after" | "once")
                });
            if bare {
                None
            } else {
                let np = self.np_before(lo, p)?;
                if np.impersonal {
                    None
                } else {
                    Some(self.head(np)?)
                }
            }
        };
        let mut end = j + 1;
        while end < b {
            let Some(x) = self.tok(end) else { break };
            if x.inside.is_none()
                && (x.punct(',') || x.punct(';') || x.punct('—') || x.punct('–') || x.punct(':'))
            {
                break;
            }
            end += 1;
        }
        let end = end.min(self.after_end(j, b));
        let cue = self.span(i, i + 1);
        self.quote_in(j, end, speaker, cue, si)
    }

    /// "according to X, …" / "…, according to X" / "selon X" / "laut X".
    fn source_prep(
        &mut self,
        si: usize,
        a: usize,
        b: usize,
        i: usize,
        len: usize,
        region_start: usize,
    ) -> Option<usize> {
        let ce = i + len;
        let cue = self.span(i, ce);
        // German "nach Angaben (von|des|der) X": skip to after "Angaben"
        // (the German corpus counts "Angaben" as part of the source)
        let mut from = ce;
        // "según informaron este miércoles las autoridades": a speech verb and a time
        // phrase between the marker and the source.
        if matches!(self.lang, "es" | "fr" | "it" | "pt")
            && self
                .tok(from)
                .is_some_and(|t| t.is_word() && lexicon::is_verb(self.lang, &t.lower))
        {
            from += 1;
            while from < b {
                let Some(t) = self.tok(from) else { break };
                let next_is_time = self
                    .tok(from + 1)
                    .is_some_and(|n| lexicon::time_word(&n.lower));
                if lexicon::time_word(&t.lower) {
                    from += 1;
                } else if lexicon::time_determiner(&t.lower) && next_is_time {
                    from += 2;
                } else {
                    break;
                }
            }
        }
        // The source: up to a comma, a stop word or the sentence's end; a name in quote
        // marks is the source whole ("laut „Welt“ soll er …")
        let mut e = from;
        let mut n = 0;
        if let Some(close) = self.quoted_name(from, b) {
            e = close + 1;
            n = 8;
        }
        while e < b && n < 8 {
            let Some(t) = self.tok(e) else { break };
            if !t.is_word() || t.inside.is_some() {
                break;
            }
            if e > from
                && (lexicon::complementizer(&t.lower)
                    || matches!(t.lower.as_str(), "who" | "which"))
            {
                break;
            }
            // "Secondo Marenko almeno 300 …": a lower-case word after a name ends the source
            if matches!(self.lang, "fr" | "es" | "it" | "pt")
                && e > from
                && !t.cap
                && self.tok(e - 1).is_some_and(|p| p.cap)
                && (matches!(
                    t.lower.as_str(),
                    "almeno"
                        | "circa"
                        | "oltre"
                        | "quasi"
                        | "environ"
                        | "plus"
                        | "près"
                        | "presque"
                        | "cerca"
                        | "casi"
                        | "más"
                        | "mais"
                        | "quase"
                        | "unos"
                        | "unas"
                        | "alrededor"
                        | "pelo"
                        | "il"
                        | "i"
                        | "gli"
                        | "le"
                        | "la"
                        | "les"
                        | "los"
                        | "las"
                        | "el"
                        | "os"
                        | "as"
                        | "o"
                        | "a"
                        | "un"
                        | "une"
                        | "uno"
                        | "una"
                        | "um"
                        | "uma"
                        | "des"
                        | "ci"
                        | "si"
                        | "se"
                ) || self
                    .tok(e + 1)
                    .is_some_and(|n| n.lower.starts_with(|c: char| c.is_ascii_digit())))
            {
                break;
            }
            let de_link = matches!(
                t.lower.as_str(),
                "von" | "vom" | "zur" | "zum" | "seines" | "ihres" | "seiner" | "ihrer"
            ) || t.is("für")
                && self.tok(e + 1).is_some_and(|n| {
                    // "Gesellschaft für bedrohte Völker", not "… für diese Transporte"
                    n.is_word()
                        && (n.cap
                            || de_adjective_ending(&n.lower)
                                && !lexicon::determiner(&n.lower)
                                && !n.lower.starts_with("dies")
                                && !n.lower.starts_with("jen"))
                });
            if self.lang == "de" && e > from && de_finite(&t.lower) {
                break; // "nach Angaben der Hacker wurden …"
            }
            if self.lang == "de"
                && e > from
                && !t.cap
                && !lexicon::determiner(&t.lower)
                && !de_link
                && !t.lower.ends_with("en")
                && !t.lower.ends_with("er")
                && !t.lower.ends_with("es")
                && !t.lower.ends_with('e')
            {
                break;
            }
            // "nach Meinung politischer Beobachter": an inflected adjective before its noun
            // (right after a noun only a genitive plural's "-er" / "-en": "lebte" there is
            // the verb)
            let after_noun = e > from && self.tok(e - 1).is_some_and(|p| p.cap);
            let adjective = self.lang == "de"
                && !t.cap
                && !lexicon::is_aux(&t.lower)
                && !lexicon::konjunktiv(&t.lower)
                && !lexicon::is_verb(self.lang, &t.lower)
                && if after_noun {
                    t.lower.ends_with("er") || t.lower.ends_with("en")
                } else {
                    de_adjective_ending(&t.lower)
                }
                && self
                    .tok(e + 1)
                    .is_some_and(|n| n.is_word() && n.cap && n.inside.is_none());
            if self.lang == "de"
                && e > from
                && !t.cap
                && !adjective
                && !lexicon::determiner(&t.lower)
                && !de_link
                && self.tok(e - 1).is_some_and(|p| p.cap)
            {
                break; // a lowercase word after a noun: the verb
            }
            // "nach Ansicht von Beobachtern die Frage": after a noun, an article that
            // is not genitive opens the object
            if self.lang == "de"
                && e > from
                && self.tok(e - 1).is_some_and(|p| p.cap)
                && matches!(
                    t.lower.as_str(),
                    "den"
                        | "die"
                        | "das"
                        | "dem"
                        | "ein"
                        | "eine"
                        | "einen"
                        | "einem"
                        | "sein"
                        | "seine"
                        | "seinen"
                        | "seinem"
                        | "ihre"
                        | "ihren"
                        | "ihrem"
                )
            {
                break;
            }
            e += 1;
            n += 1;
        }
        if e == from {
            return None;
        }
        // "nach Angaben des Südwestrundfunks (SWR)", "laut einem Bericht des Magazins
        // „Der Spiegel“": an abbreviation in brackets or a name in quote marks after the
        // noun belongs to the source
        if self.lang == "de" && self.tok(e - 1).is_some_and(|t| t.cap) {
            if let Some(close) = self
                .short_parenthesis(e, b)
                .or_else(|| self.quoted_name(e, b))
            {
                e = close + 1;
            }
        }
        let np = Np {
            s: from,
            e,
            impersonal: false,
            ext: None,
        };
        let speaker = self.head(np);
        let at_start = (region_start..i).all(|k| {
            self.tok(k)
                .is_some_and(|t| !t.is_word() || lexicon::lead_trim(&t.lower))
        });
        if at_start {
            // content after the source phrase
            let mut j = e;
            if self.tok(j).is_some_and(|t| t.punct(',')) {
                j += 1;
                // "According to X, an exiled journalist who …, Moscow has …": skip the apposition
                if self.tok(j).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "a" | "an"
                            | "who"
                            | "which"
                            | "qui"
                            | "che"
                            | "que"
                            | "un"
                            | "une"
                            | "uno"
                            | "una"
                            | "um"
                            | "uma"
                            | "ancienne"
                            | "ancien"
                            | "ex"
                    ) || !t.cap
                        && ["ata", "ato", "ée", "ado", "ada", "ed"]
                            .iter()
                            .any(|e| t.lower.ends_with(e))
                }) {
                    let mut k = j;
                    while k < b && k < j + 40 {
                        if self
                            .tok(k)
                            .is_some_and(|t| t.punct(',') && t.inside.is_none())
                        {
                            j = k + 1;
                            break;
                        }
                        k += 1;
                    }
                }
            }
            return self.quote_in(j, self.after_end(j, b), speaker, cue, si);
        }
        // content before the phrase ("…, according to X.")
        let mut cut = i;
        if cut > a
            && self
                .tok(cut - 1)
                .is_some_and(|t| t.punct(',') || t.punct('(') || t.punct('—'))
        {
            cut -= 1;
        } else if self.lang == "de" {
            // "Dabei wurden laut Polizei drei Menschen verletzt.": the whole sentence
            let (s, ce2, kind, pair) = self.content(region_start, b)?;
            self.push(Draft {
                start: s,
                end: ce2,
                kind,
                speaker,
                cue,
                sent: si,
                pair,
            });
            return Some(b);
        } else {
            return None; // in the middle of a clause: the scope is unclear
        }
        let (s, ce2, kind, pair) = self.content(region_start, cut)?;
        self.use_pairs_in(region_start, cut);
        // the rest of the sentence after the source may continue it (", X said, …"): ignore
        self.push(Draft {
            start: s,
            end: ce2,
            kind,
            speaker,
            cue,
            sent: si,
            pair,
        });
        Some(e)
    }

    /// German "Wie das Ministerium mitteilte, wird …" and "…, wie EADS gestern bekannt
    /// gab.": a clause opened by "wie" and closed by an attributing verb reports the main
    /// clause, after it at the sentence's start, before it at its end. Returns the token
    /// after what was consumed.
    fn de_wie_clause(
        &mut self,
        si: usize,
        a: usize,
        b: usize,
        i: usize,
        region_start: usize,
    ) -> Option<usize> {
        let at_start = (region_start.max(a)..i).all(|k| {
            self.tok(k)
                .is_some_and(|t| !t.is_word() || lexicon::lead_trim(&t.lower))
        });
        let after_comma = i > region_start.max(a) && self.tok(i - 1).is_some_and(|t| t.punct(','));
        if !at_start && !after_comma {
            return None;
        }
        // the clause runs to the next comma or the sentence's end
        let mut end = i + 1;
        while end < b {
            let t = self.tok(end)?;
            if t.inside.is_some() || matches!(t.kind, Kind::Open(_)) {
                return None;
            }
            if !t.is_word() && !t.punct('-') {
                break;
            }
            end += 1;
            if end > i + 14 {
                return None;
            }
        }
        if end < i + 3 {
            return None;
        }
        // verb-final: an attributing verb ("mitteilte", "bekannt gab", "berichtet"),
        // perhaps before an auxiliary ("gesagt hatte", "berichtet wurde")
        let mut v = end - 1;
        if self
            .tok(v)
            .is_some_and(|t| t.is_word() && lexicon::is_aux(&t.lower))
            && v > i + 2
        {
            v -= 1;
        }
        let vt = self.tok(v)?;
        let split_particle = v > i + 2
            && lexicon::de_needs_particle(&vt.lower).is_some_and(|ps| {
                self.tok(v - 1)
                    .is_some_and(|p| ps.contains(&p.lower.as_str()))
            });
        let verb = vt.is_word()
            && !vt.cap
            && (lexicon::is_verb("de", &vt.lower)
                && lexicon::de_needs_particle(&vt.lower).is_none()
                || lexicon::de_participle(&vt.lower)
                || lexicon::de_joined_separable(&vt.lower)
                || split_particle);
        if !verb {
            return None;
        }
        let cue_start = if split_particle { v - 1 } else { v };
        // the subject after "wie", over a short adverb ("Wie schon die WHO sagte")
        let mut from = i + 1;
        while from < cue_start
            && from < i + 3
            && self.tok(from).is_some_and(|t| {
                t.is_word()
                    && !t.cap
                    && !lexicon::determiner(&t.lower)
                    && !lexicon::pronoun(&t.lower)
            })
        {
            from += 1;
        }
        let np = self.np_after(from, cue_start)?;
        let impersonal = self
            .tok(np.s)
            .is_some_and(|t| matches!(t.lower.as_str(), "es" | "man"));
        let speaker = if impersonal { None } else { self.head(np) };
        let cue = self.span(cue_start, end);
        if at_start {
            if !self.tok(end).is_some_and(|t| t.punct(',')) {
                return None;
            }
            let j = end + 1;
            return self.quote_in(j, self.after_end(j, b), speaker, cue, si);
        }
        // "…, wie EADS mitteilte." ends the sentence
        if self.tok(end).is_some_and(|t| t.punct(',')) {
            return None;
        }
        self.quote_in(region_start.max(a), i - 1, speaker, cue, si)
            .map(|_| end)
    }

    /// German "zitiert": the person quoted is the speaker, not who quotes them — the
    /// object ("Die Agentur zitiert dazu Kirchner mit den Worten: …") or, in the passive,
    /// the subject ("Freiberg wird in einer Erklärung mit den Worten zitiert: …").
    fn de_quoted_person(&self, a: usize, cs: usize, ce: usize, b: usize) -> Option<(usize, usize)> {
        let passive = (a..cs).any(|k| {
            self.tok(k).is_some_and(|t| {
                t.is_word() && matches!(t.lower.as_str(), "wird" | "wurde" | "werden" | "wurden")
            })
        });
        if passive {
            let np = self.np_after(a, cs)?;
            return self.head(np);
        }
        let mut k = ce;
        while self.tok(k).is_some_and(|t| {
            t.is_word() && matches!(t.lower.as_str(), "dazu" | "auch" | "ebenfalls" | "erneut")
        }) {
            k += 1;
        }
        let np = self.np_after(k, b)?;
        // the quote follows: "mit den Worten", a colon or a comma before the content
        let follows = self
            .tok(np.e)
            .is_some_and(|t| t.is("mit") || t.punct(':') || t.punct(','));
        if !follows {
            return None;
        }
        self.head(np)
    }

    /// A short name in quote marks opening at token `k` ("„Welt“", "„BBC News“"): one to
    /// four words, the first capitalised, closing before `b`. The closing mark's token.
    fn quoted_name(&self, k: usize, b: usize) -> Option<usize> {
        let Kind::Open(pi) = self.tok(k)?.kind else {
            return None;
        };
        let pair = self.doc.pairs.get(pi)?;
        let close = pair.close_tok;
        if close >= b || close <= k + 1 || close > k + 8 {
            return None;
        }
        let words = (k + 1..close)
            .filter(|&x| self.tok(x).is_some_and(|t| t.is_word()))
            .count();
        let first_cap = self.tok(k + 1).is_some_and(|t| t.is_word() && t.cap);
        (first_cap && (1..=4).contains(&words)).then_some(close)
    }

    /// German "nach jüngsten Untersuchungen", "nach einem Bericht der Zeitung", "nach
    /// eigener Aussage": "nach" and a source noun within three words.
    fn de_nach_source(&self, i: usize) -> bool {
        for k in i + 1..i + 4 {
            let Some(t) = self.tok(k) else { return false };
            if !t.is_word() || t.inside.is_some() {
                return false;
            }
            if t.cap && lexicon::de_source_noun(&t.lower) {
                return true;
            }
            if t.cap {
                return false; // another noun first: "nach Berlin", "nach dem Spiel"
            }
        }
        false
    }

    /// German "Demnach …": what the source just named says; the speaker is not named here.
    fn demnach(
        &mut self,
        si: usize,
        a: usize,
        b: usize,
        i: usize,
        region_start: usize,
    ) -> Option<usize> {
        let cue = self.span(i, i + 1);
        let first = (region_start..i).all(|k| self.tok(k).is_some_and(|t| !t.is_word()));
        let (from, to) = if first {
            (i + 1, b)
        } else {
            (region_start.max(a), b)
        };
        if first && self.words_until_punct(from, b) < 2 {
            return None;
        }
        let (s, e, kind, pair) = self.content(from, to)?;
        self.use_pairs_in(from, to);
        self.push(Draft {
            start: s,
            end: e,
            kind,
            speaker: None,
            cue,
            sent: si,
            pair,
        });
        Some(b)
    }

    /// German "X zufolge": the source precedes the postposition.
    fn zufolge(&mut self, si: usize, a: usize, b: usize, i: usize) -> Option<usize> {
        let mut s = i;
        while s > a
            && self.tok(s - 1).is_some_and(|t| {
                t.is_word()
                    && (t.cap
                        || lexicon::determiner(&t.lower)
                        || t.lower.ends_with("en")
                            && !lexicon::is_aux(&t.lower)
                            && !lexicon::np_stop(&t.lower, "de")
                        || matches!(t.lower.as_str(), "seiner" | "ihrer" | "unserer" | "eigener"))
                    // "Einer Meldung von Xinhua zufolge": a preposition between nouns
                    || t.is_word()
                        && matches!(t.lower.as_str(), "von" | "vom" | "aus" | "des" | "im" | "bei")
                        && s >= 2
                        && self.tok(s - 2).is_some_and(|p| p.is_word() && p.cap)
            })
            && i - s < 8
        {
            s -= 1;
        }
        if s == i {
            return None;
        }
        let speaker = self.head(Np {
            s,
            e: i,
            impersonal: false,
            ext: None,
        });
        let cue = self.span(i, i + 1);
        let mut j = i + 1;
        if self.tok(j).is_some_and(|t| t.punct(',')) {
            j += 1;
        }
        let (cs, ce, kind, pair) = if s == a {
            self.content(j, b)?
        } else if self.tok(s - 1).is_some_and(|t| t.punct(',')) {
            self.content(a, s - 1)?
        } else {
            // inside the clause ("Die Aufsicht hätte seiner Meinung nach …"): the sentence
            self.content(a, b)?
        };
        self.push(Draft {
            start: cs,
            end: ce,
            kind,
            speaker,
            cue,
            sent: si,
            pair,
        });
        Some(b)
    }

    /// German "…, so der Sprecher."
    fn so_x(&mut self, si: usize, a: usize, b: usize, i: usize, region_start: usize) -> bool {
        let Some(np) = self.np_after(i + 1, b) else {
            return false;
        };
        // the phrase must end the sentence, but for a prepositional phrase ("so Littmann
        // zu den Beweggründen", "so Celebi im Kölner Stadt-Anzeiger") or a relative clause
        // about the speaker ("so Celebi, die auch angab, …")
        let rest_words = (np.e..b).filter(|&k| self.word_outside(k)).count();
        let trailer = self.tok(np.e).is_some_and(|t| {
            t.is_word() && !t.cap && lexicon::de_trailing_prep(&t.lower)
                || t.punct(',')
                    && self.tok(np.e + 1).is_some_and(|r| {
                        r.is_word()
                            && matches!(
                                r.lower.as_str(),
                                "der" | "die" | "das" | "dem" | "den" | "deren" | "dessen"
                            )
                            && self.tok(np.e + 2).is_some_and(|n| n.is_word() && !n.cap)
                    })
        });
        if rest_words > 0 && !trailer {
            return false;
        }
        let _ = a;
        let Some((s, e, kind, pair)) = self.content(region_start, i - 1) else {
            return false;
        };
        let speaker = self.head(np);
        let cue = self.span(i, i + 1);
        self.use_pairs_in(region_start, i - 1);
        self.push(Draft {
            start: s,
            end: e,
            kind,
            speaker,
            cue,
            sent: si,
            pair,
        });
        true
    }

    /// Direct quotes no cue claimed: the speaker from the neighbouring sentence, or the
    /// previous quote's speaker in the same or the previous paragraph.
    fn neighbours(&mut self) {
        // Speaker of the latest quote by position, to inherit from.
        let mut by_sent: Vec<Option<(usize, usize)>> = vec![None; self.doc.sents.len()];
        for d in &self.drafts {
            if let (Some(sp), Some(slot)) = (d.speaker, by_sent.get_mut(d.sent)) {
                if slot.is_none() {
                    *slot = Some(sp);
                }
            }
        }
        // The direct quote (by draft index) each sentence ends with.
        let mut direct_in: Vec<Option<usize>> = vec![None; self.doc.sents.len()];
        for (idx, d) in self.drafts.iter().enumerate() {
            if d.kind == QuoteKind::Direct && d.pair.is_some() {
                if let Some(slot) = direct_in.get_mut(d.sent) {
                    if slot.is_none_or(|o| self.drafts.get(o).is_none_or(|x| x.start < d.start)) {
                        *slot = Some(idx);
                    }
                }
            }
        }
        let mut pending: Vec<Draft> = Vec::new();
        let mut merged: Vec<usize> = Vec::new();
        for (k, pair) in self.doc.pairs.iter().enumerate() {
            if self.used_pairs.get(k).copied().unwrap_or(true) {
                continue;
            }
            let Some((s, e)) = self.inner(k) else {
                continue;
            };
            // the sentence containing the opening mark
            let si = match self.doc.sents.binary_search_by(|st| {
                if st.b <= pair.open_tok {
                    std::cmp::Ordering::Less
                } else if st.a > pair.open_tok {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            }) {
                Ok(x) => x,
                Err(_) => continue,
            };
            let Some(sent) = self.doc.sents.get(si).copied() else {
                continue;
            };
            let wc = |x: usize, y: usize| {
                let a = self.doc.words_before.get(x).copied().unwrap_or(0);
                let b = self.doc.words_before.get(y).copied().unwrap_or(a);
                b.saturating_sub(a)
            };
            let words_in = wc(pair.open_tok, pair.close_tok);
            let words_out = wc(sent.a, pair.open_tok) + wc(pair.close_tok + 1, sent.b);
            // "“…” ― Pamela Padilla": a name after a dash signs the quote
            if let Some(sp) = self.dash_signature(pair.close_tok + 1) {
                pending.push(Draft {
                    start: s,
                    end: e,
                    kind: QuoteKind::Direct,
                    speaker: Some(sp),
                    cue: None,
                    sent: si,
                    pair: Some(k),
                });
                continue;
            }
            // A quote inside a sentence of other words without a cue: a title or a scare quote.
            let standalone = words_out == 0 || (words_out <= 2 && words_in >= 4);
            // "X sprach von seinen Plänen: „…“": a clause ending in a colon introduces the
            // quote that ends the sentence; its subject is the speaker.
            let colon_intro = !standalone
                && words_in >= 3
                && wc(pair.close_tok + 1, sent.b) == 0
                && pair.open_tok > sent.a
                && self
                    .tok(pair.open_tok - 1)
                    .is_some_and(|t| t.punct(':') && t.inside.is_none());
            if colon_intro {
                let subject = self
                    .sentence_subject(sent.a, pair.open_tok - 1)
                    .filter(|np| !np.impersonal)
                    .filter(|np| {
                        self.tok(np.s).is_some_and(|t| {
                            !lexicon::pronoun(&t.lower) || t.cap && np.e == np.s + 1
                        })
                    });
                if let Some(sp) = subject.and_then(|np| self.head(np)) {
                    if let Some(slot) = by_sent.get_mut(si) {
                        if slot.is_none() {
                            *slot = Some(sp);
                        }
                    }
                    pending.push(Draft {
                        start: s,
                        end: e,
                        kind: QuoteKind::Direct,
                        speaker: Some(sp),
                        cue: None,
                        sent: si,
                        pair: Some(k),
                    });
                }
                continue;
            }
            if !standalone || words_in < 3 {
                continue;
            }
            let mut speaker = None;
            let mut cue = None;
            // The previous sentence in the paragraph introduces it, or had a quote.
            if si > 0 {
                if let Some(prev) = self.doc.sents.get(si - 1) {
                    let same_para = prev.para == sent.para;
                    let adjacent_para = prev.para + 1 == sent.para;
                    if same_para || adjacent_para {
                        if let Some(Some((sp, c))) = self.intro.get(si - 1) {
                            speaker = Some(*sp);
                            cue = *c;
                        } else if let Some(Some(sp)) = by_sent.get(si - 1).copied() {
                            speaker = Some(sp);
                            // "“A,” he said. “B.”": B continues the same quote
                            if MERGE_CONTINUATIONS && same_para && words_out == 0 {
                                if let Some(Some(idx)) = direct_in.get(si - 1).copied() {
                                    if let Some(d) = self.drafts.get_mut(idx) {
                                        if d.end < s {
                                            d.end = e;
                                            if let Some(slot) = direct_in.get_mut(si) {
                                                *slot = Some(idx);
                                            }
                                            if let Some(slot) = by_sent.get_mut(si) {
                                                *slot = Some(sp);
                                            }
                                            merged.push(k);
                                            continue;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // The next sentence in the paragraph says who ("“…” That is what Peskov said.")
            if speaker.is_none() {
                if let (Some(next), Some(Some(sp))) =
                    (self.doc.sents.get(si + 1), by_sent.get(si + 1))
                {
                    if next.para == sent.para {
                        let _ = sp;
                    }
                }
            }
            if let (Some(sp), Some(slot)) = (speaker, by_sent.get_mut(si)) {
                if slot.is_none() {
                    *slot = Some(sp);
                }
            }
            pending.push(Draft {
                start: s,
                end: e,
                kind: QuoteKind::Direct,
                speaker,
                cue,
                sent: si,
                pair: Some(k),
            });
        }
        self.drafts.extend(pending);
        for k in merged {
            if let Some(u) = self.used_pairs.get_mut(k) {
                *u = true;
            }
        }
    }

    /// A German Konjunktiv I verb at `i`: a known form, or a third-person form in "-e"
    /// beside its subject pronoun ("nehme er", "er gebe", "man wisse").
    fn konjunktiv_at(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.is_word() || t.inside.is_some() || t.cap {
            return false;
        }
        if lexicon::konjunktiv(&t.lower) {
            return true;
        }
        let w = t.lower.as_str();
        if !w.ends_with('e') || w.chars().count() < 4 || w.ends_with("ie") {
            return false;
        }
        let subj = |k: Option<usize>| {
            k.and_then(|k| self.tok(k)).is_some_and(|x| {
                x.is_word() && matches!(x.lower.as_str(), "er" | "sie" | "es" | "man")
            })
        };
        subj(Some(i + 1))
            || subj(i.checked_sub(1)) && !self.tok(i + 1).is_some_and(|n| n.is_word() && n.cap)
    }

    /// A signature after a closing mark: a dash, then one to four capitalised words that
    /// end the line or the sentence ("“…” ― Carla Sanchez."). The name's span.
    fn dash_signature(&self, k: usize) -> Option<(usize, usize)> {
        let d = self.tok(k)?;
        if !(d.punct('―') || d.punct('—') || d.punct('–')) || d.inside.is_some() {
            return None;
        }
        let mut e = k + 1;
        let mut limit = k + 6;
        loop {
            if e >= limit {
                break;
            }
            if self
                .tok(e)
                .is_some_and(|t| t.is_word() && t.cap && t.inside.is_none())
            {
                e += 1;
            } else if self.lang == "en"
                && e > k + 1
                && self.tok(e).is_some_and(|t| t.punct('.'))
                && self.tok(e - 1).is_some_and(|p| self.initial(p))
                && self
                    .tok(e + 1)
                    .is_some_and(|n| n.is_word() && n.cap && n.inside.is_none())
            {
                // an initial inside the name ("― Edwin G. Monroy")
                e += 1;
                limit += 1;
            } else {
                break;
            }
        }
        if e == k + 1 || e >= limit {
            return None;
        }
        let ends = self
            .tok(e)
            .is_none_or(|t| t.kind == Kind::Break || t.punct('.') || t.punct(','));
        if !ends {
            return None;
        }
        self.span(k + 1, e)
    }

    /// German: a Konjunktiv sentence with no cue right after a quote continues it.
    /// German judgements in quote marks after a verb of naming or judging that no
    /// attribution covered ("Der Verband nannte den Plan „fahrlässig“", "Key sprach von
    /// einer „vollständigen Zerstörung“", "Die Opposition warf der Regierung
    /// „Wortbruch“ vor"), and words in quote marks in lower case inside a clause ("…
    /// würdigte den Einsatz zur „Stärkung der Diplomatie“"): direct quotes of the
    /// clause's subject.
    fn de_judgements(&mut self) {
        // the drafts by start, with the furthest end so far: whether a span overlaps one
        // is a binary search
        let mut spans: Vec<(usize, usize)> = self.drafts.iter().map(|d| (d.start, d.end)).collect();
        spans.sort_unstable();
        let furthest: Vec<usize> = spans
            .iter()
            .scan(0, |m, &(_, e)| {
                *m = e.max(*m);
                Some(*m)
            })
            .collect();
        let covered = |a: usize, b: usize| {
            let n = spans.partition_point(|&(s, _)| s < b);
            n > 0 && furthest.get(n - 1).is_some_and(|&e| e > a)
        };
        let mut out = Vec::new();
        let mut si = 0;
        for (pi, pair) in self.doc.pairs.iter().enumerate() {
            if self.used_pairs.get(pi).copied().unwrap_or(true) {
                continue;
            }
            let Some((s, e)) = self.inner(pi) else {
                continue;
            };
            let letters = self
                .doc
                .chars
                .get(s..e)
                .is_some_and(|cs| cs.iter().any(|c| c.is_alphabetic()));
            if !letters || covered(pair.open, pair.close) {
                continue;
            }
            while self.doc.sents.get(si).is_some_and(|x| x.b <= pair.open_tok) {
                si += 1;
            }
            let Some(sent) = self.doc.sents.get(si).copied() else {
                break;
            };
            if pair.close_tok >= sent.b || pair.open_tok < sent.a {
                continue;
            }
            // the verb: before the mark in the same clause, within twelve tokens
            let Some(vi) = (sent.a.max(pair.open_tok.saturating_sub(12))..pair.open_tok)
                .rev()
                .take_while(|&k| {
                    self.tok(k).is_some_and(|t| {
                        !(t.punct(',') || t.punct(';') || t.punct(':') || t.inside.is_some())
                    })
                })
                .find(|&k| {
                    self.tok(k)
                        .is_some_and(|t| t.is_word() && !t.cap && lexicon::de_judging(&t.lower))
                })
            else {
                // "Das Nobelkomitee würdigte Obamas Einsatz zur „Stärkung der
                // internationalen Diplomatie“": words of several, in lower case, inside a
                // clause are the subject's words
                let words = self.doc.chars.get(s..e).map_or(0, |cs| {
                    cs.split(|c| c.is_whitespace())
                        .filter(|w| !w.is_empty())
                        .count()
                });
                let lower = self.doc.chars.get(s).is_some_and(|c| c.is_lowercase());
                let inside = pair.open_tok > sent.a + 2
                    && self
                        .tok(pair.open_tok - 1)
                        .is_some_and(|t| t.is_word() && t.inside.is_none());
                if words >= 2
                    && lower
                    && inside
                    && let Some(speaker) = self.reported_subject(si)
                {
                    out.push((
                        pi,
                        Draft {
                            start: s,
                            end: e,
                            kind: QuoteKind::Direct,
                            speaker: Some(speaker),
                            cue: None,
                            sent: si,
                            pair: Some(pi),
                        },
                    ));
                }
                continue;
            };
            let before = self.np_before(sent.a, vi).filter(|np| {
                !(np.s > sent.a
                    && self.tok(np.s - 1).is_some_and(|t| {
                        t.is_word()
                            && (de_np_before_stop(&t.lower)
                                || matches!(t.lower.as_str(), "in" | "von" | "für" | "wegen"))
                    }))
                    && self
                        .tok(np.s)
                        .is_some_and(|t| !de_object_article(&t.lower) && !t.is("es"))
            });
            // "Key hat sich informiert und sprach von einer „…“": the sentence's subject
            let coordinated = || {
                (vi > sent.a && self.tok(vi - 1).is_some_and(|t| t.is("und")))
                    .then(|| self.reported_subject(si))
                    .flatten()
            };
            let np = before.or_else(|| {
                self.np_after(vi + 1, pair.open_tok).filter(|np| {
                    self.tok(np.s).is_some_and(|t| {
                        !de_object_article(&t.lower)
                            && (lexicon::pronoun(&t.lower)
                                || t.cap
                                || lexicon::determiner(&t.lower))
                    })
                })
            });
            let speaker = match np.filter(|np| !np.impersonal) {
                Some(np) => self.span(np.s, np.e),
                None => coordinated(),
            };
            let Some(speaker) = speaker else {
                continue;
            };
            out.push((
                pi,
                Draft {
                    start: s,
                    end: e,
                    kind: QuoteKind::Direct,
                    speaker: Some(speaker),
                    cue: self.span(vi, vi + 1),
                    sent: si,
                    pair: Some(pi),
                },
            ));
        }
        for (pi, d) in out {
            if let Some(u) = self.used_pairs.get_mut(pi) {
                *u = true;
            }
            self.drafts.push(d);
        }
        self.de_reported_acts();
    }

    /// German sentences that report a speech act on an object ("Der Kommissar nannte den
    /// Beschluss einen fairen Kompromiss.", "Der Rat stufte das Gesetz als
    /// verfassungswidrig ein."): with no quote of their own, the words after the verb are
    /// what the subject said, as the German corpus's "Reported" kind counts them.
    fn de_reported_acts(&mut self) {
        let mut has = vec![false; self.doc.sents.len()];
        for d in &self.drafts {
            if let Some(h) = has.get_mut(d.sent) {
                *h = true;
            }
        }
        let mut out = Vec::new();
        for (si, sent) in self.doc.sents.iter().enumerate() {
            if has.get(si).copied().unwrap_or(true) || sent.b < sent.a + 5 {
                continue;
            }
            // the subject opens the sentence and the verb follows it
            let Some(np) = self.sentence_subject(sent.a, sent.b) else {
                continue;
            };
            let vi = np.e;
            let Some(verb) = self.tok(vi) else { continue };
            if !(verb.is_word()
                && !verb.cap
                && verb.inside.is_none()
                && lexicon::de_speech_act(&verb.lower))
            {
                continue;
            }
            if self.tok(np.s).is_none_or(|t| {
                np.impersonal || de_object_article(&t.lower) || de_np_before_stop(&t.lower)
            }) {
                continue;
            }
            let mut end = sent.b;
            while end > vi + 1 && self.tok(end - 1).is_some_and(|t| !t.is_word()) {
                end -= 1;
            }
            if end < vi + 4 {
                continue;
            }
            let (Some(content), Some(speaker)) = (self.span(vi + 1, end), self.span(np.s, np.e))
            else {
                continue;
            };
            out.push(Draft {
                start: content.0,
                end: content.1,
                kind: QuoteKind::Indirect,
                speaker: Some(speaker),
                cue: self.span(vi, vi + 1),
                sent: si,
                pair: None,
            });
        }
        self.drafts.extend(out);
    }

    /// The subject of sentence `k` when it can be whose speech the next sentence reports:
    /// a pronoun, an article's noun phrase, a name of several words, or one word the text
    /// also capitalises inside a sentence (a noun or a name, not a fronted adverb).
    fn reported_subject(&self, k: usize) -> Option<(usize, usize)> {
        let sent = self.doc.sents.get(k)?;
        let np = self.sentence_subject(sent.a, sent.b)?;
        let first = self.tok(np.s)?;
        if np.impersonal
            || first.inside.is_some()
            || de_object_article(&first.lower)
            || de_np_before_stop(&first.lower)
            || first.is("es")
            || first.is("man")
        {
            return None;
        }
        // the finite verb follows
        if !self
            .tok(np.e)
            .is_some_and(|t| t.is_word() && !t.cap && t.inside.is_none())
        {
            return None;
        }
        let words = np.e - np.s;
        let capitals = (np.s..np.e).all(|i| self.tok(i).is_some_and(|t| t.cap));
        let noun_elsewhere = || {
            self.mid_caps
                .get_or_init(|| {
                    let toks = &self.doc.toks;
                    toks.iter()
                        .zip(toks.iter().skip(1))
                        .filter(|(p, t)| p.is_word() && t.is_word() && t.cap)
                        .map(|(_, t)| t.lower.as_str())
                        .collect()
                })
                .contains(first.lower.as_str())
        };
        let plausible = lexicon::determiner(&first.lower)
            || lexicon::pronoun(&first.lower)
            || words >= 2 && capitals
            || words == 1 && first.cap && noun_elsewhere();
        if plausible {
            return self.span(np.s, np.e);
        }
        // "Langfristig strebt das neue Unternehmen …": after a fronted adverb, the subject
        // follows the verb
        if words != 1 {
            return None;
        }
        let inverted = self.np_after(np.e + 1, sent.b)?;
        let head = self.tok(inverted.s)?;
        (lexicon::determiner(&head.lower) || lexicon::pronoun(&head.lower))
            .then(|| self.span(inverted.s, inverted.e))
            .flatten()
    }

    fn free_indirect(&mut self) {
        let mut quoted: Vec<Option<(usize, usize)>> = vec![None; self.doc.sents.len()];
        let mut has: Vec<bool> = vec![false; self.doc.sents.len()];
        for d in &self.drafts {
            if let Some(h) = has.get_mut(d.sent) {
                *h = true;
            }
            if let (Some(sp), Some(slot)) = (d.speaker, quoted.get_mut(d.sent)) {
                *slot = Some(sp);
            }
        }
        let mut out = Vec::new();
        for si in 1..self.doc.sents.len() {
            if has.get(si).copied().unwrap_or(true) {
                continue;
            }
            let Some(sent) = self.doc.sents.get(si).copied() else {
                continue;
            };
            let Some(prev) = self.doc.sents.get(si - 1).copied() else {
                continue;
            };
            if prev.para != sent.para && prev.para + 1 != sent.para {
                continue;
            }
            let konj = (sent.a..sent.b).any(|i| self.konjunktiv_at(i));
            // "soll"/"sollen" in a main clause reports hearsay ("Daran soll Lenz beteiligt
            // gewesen sein.")
            let main_clause =
                |k: usize| !(sent.a..k).any(|x| self.tok(x).is_some_and(|t| t.punct(',')));
            let hearsay = (sent.a..sent.b).any(|i| {
                self.tok(i).is_some_and(|t| {
                    t.is_word() && t.inside.is_none() && (t.is("soll") || t.is("sollen"))
                }) && main_clause(i)
            });
            if !konj && !hearsay {
                continue;
            }
            // a Konjunktiv I (not the conditional "wäre", "hätte") or hearsay in the main
            // clause reports speech by itself, with no speaker named
            let reported = hearsay
                || (sent.a..sent.b).any(|i| {
                    main_clause(i)
                        && self.tok(i).is_some_and(|t| {
                            t.is_word() && t.inside.is_none() && lexicon::konjunktiv_one(&t.lower)
                        })
                });
            // After a sentence without a quote, the reported speech goes on from its
            // subject ("Der Dekan sieht den Streit gelassen. Man habe nichts gewusst.")
            let sp = match quoted.get(si - 1).copied().flatten() {
                Some(sp) => Some(sp),
                None if !konj => None,
                None => {
                    // The Konjunktiv in the main clause: before it no comma, which would
                    // end a clause of its own ("Die Behörde argumentierte, er sei …" has a
                    // cue the lexicon does not know, and its own speaker).
                    let main = (sent.a..sent.b)
                        .take_while(|&i| !self.tok(i).is_some_and(|t| t.punct(',')))
                        .any(|i| self.konjunktiv_at(i));
                    if !main && !reported {
                        continue;
                    }
                    // the speaker of a quote two sentences back, in this paragraph
                    let two_back = si.checked_sub(2).and_then(|k| {
                        let p = self.doc.sents.get(k)?;
                        (p.para == sent.para).then_some(())?;
                        quoted.get(k).copied().flatten()
                    });
                    if two_back.is_none() && !reported {
                        continue;
                    }
                    two_back.filter(|_| main)
                }
            };
            if sp.is_none() && !reported {
                continue;
            }
            // hearsay and Konjunktiv with no quote just before: the subject of the
            // sentence before ("Der Wetterdienst warnte vor Sturm. Deutschland liege am
            // Rand eines Tiefs."), else the last speaker of this paragraph or the one before
            // (a hearsay "soll" alone reports no one in particular: "Der Flughafen war
            // gesperrt. Mehrere Maschinen sollen umgeleitet worden sein.")
            let sp = sp
                .or_else(|| konj.then(|| self.reported_subject(si - 1)).flatten())
                .or_else(|| {
                    (0..si)
                        .rev()
                        .take_while(|&k| {
                            self.doc
                                .sents
                                .get(k)
                                .is_some_and(|p| p.para + 1 >= sent.para)
                        })
                        .find_map(|k| quoted.get(k).copied().flatten())
                });
            let Some((s, e, kind, _)) = self.content(sent.a, sent.b) else {
                continue;
            };
            if let (Some(slot), Some(sp)) = (quoted.get_mut(si), sp) {
                *slot = Some(sp);
            }
            if let Some(h) = has.get_mut(si) {
                *h = true;
            }
            let kind = if kind == QuoteKind::Direct {
                QuoteKind::Direct
            } else {
                QuoteKind::Indirect
            };
            out.push(Draft {
                start: s,
                end: e,
                kind,
                speaker: sp,
                cue: None,
                sent: si,
                pair: None,
            });
        }
        self.drafts.extend(out);
    }
}
