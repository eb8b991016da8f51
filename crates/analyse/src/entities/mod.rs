//! Named entities — people, organisations, places — with a canonical name and every
//! mention: full names, later short forms, role references and pronouns resolved within
//! the article.
//!
//! A careful rule-based finder (no model): capitalised word sequences (with name particles,
//! hyphens, apostrophes and initials) that survive the sentence-initial test, split from
//! their titles and nationality adjectives, classified by built-in lexicons (given names,
//! titles, organisation keywords, a gazetteer, known organisations and acronyms) and by
//! context cues ("X said", "in X", "X, a 45-year-old prisoner"). Short forms ("Peskov",
//! "Mr Peskov", "Wagner", acronyms defined in brackets) join the fullest form; roles the
//! article ties to a person ("Vladimir Putin's spokesman Dmitry Peskov") make later role
//! phrases ("Putin's spokesman", "the spokesman") mentions of that person; speaker-like
//! subject pronouns ("he said", "Er sagte", "a-t-il") join the one recent person they can
//! mean. Precision is preferred over recall throughout.
//!
//! Mentions of one entity never overlap; a role mention may contain the mention of its
//! owner ("Vladimir Putin's spokesman" contains "Vladimir Putin").

mod lexicon;
mod tokens;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::sentences::Sentence;

use lexicon::{Gender, LexKind};
use tokens::Tok;

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// The full name ("Dmitry Peskov").
    Name,
    /// A later short form ("Peskov", "the Kremlin" for "the Russian Kremlin").
    Short,
    /// A role or description ("Vladimir Putin's spokesman"), when the article ties it to the entity.
    Role,
    /// A pronoun ("he", "she", "il", "er"), resolved to the last person introduced where unambiguous.
    Pronoun,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub form: MentionForm,
}

/// A person, organisation or place named in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Its index in the article's `entities` list.
    pub id: usize,
    pub kind: EntityKind,
    /// The canonical name: the fullest form the article uses ("Dmitry Peskov").
    pub name: String,
    /// Every mention, in text order.
    pub mentions: Vec<EntityMention>,
}

/// The entities of `text`, ids in order of first mention.
pub fn find(text: &str, sentences: &[Sentence], lang: &str) -> Vec<Entity> {
    let lang = lang.get(..2).unwrap_or(lang);
    if matches!(lang, "zh" | "ja" | "ko" | "th" | "lo" | "km" | "my") {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut toks = tokens::tokenize(&chars, lang);
    tokens::mark(&mut toks, sentences);
    let finder = Finder::new(&chars, &toks, lang);
    finder.run()
}

const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, Default)]
struct Votes {
    person: i32,
    org: i32,
    place: i32,
    /// Two plain capitalised words: a person if the last is also used alone.
    plain: i32,
}

/// Whose role it is: a lexicon entry (country, "Kremlin") or an entity found at a token.
#[derive(Debug, Clone, Copy)]
enum Owner {
    Lex(&'static str),
    Tok(usize),
}

/// A title or role written inside a name's run ("Russian President", "Kremlin-Sprecher").
#[derive(Debug, Clone)]
struct RunRole {
    start: usize,
    end: usize,
    key: String,
    owner: Option<Owner>,
}

/// One capitalised name in the text.
#[derive(Debug, Clone)]
struct Span {
    /// Token indices of the name (particles included).
    toks: Vec<usize>,
    /// Where the mention starts (an honorific "Mr" included).
    start: usize,
    end: usize,
    honorific: bool,
    role: Option<RunRole>,
    gender: Option<Gender>,
    key: String,
    /// Name words (particles excluded).
    words: usize,
    cand: usize,
}

/// All spans with one key.
#[derive(Debug, Clone, Default)]
struct Cand {
    key: String,
    words: usize,
    first_tok: String,
    last_tok: String,
    votes: Votes,
    known: Option<(&'static str, LexKind)>,
    gender: Option<Gender>,
    gender_conflict: bool,
    count: usize,
    /// The strongest evidence one occurrence gives.
    max_single: i32,
    /// A single word in capitals ("SPD").
    acronym: bool,
    surfaces: HashMap<String, usize>,
    single_initial_only: bool,
}

#[derive(Debug, Clone)]
struct Ent {
    kind: EntityKind,
    group: String,
    /// Candidate giving the canonical name.
    best: Option<usize>,
    gender: Option<Gender>,
    gender_conflict: bool,
    mentions: Vec<(usize, usize, MentionForm)>,
}

#[derive(Debug, Clone, Copy)]
struct Bind {
    ent: usize,
    pos: usize,
    ambiguous: bool,
}

struct Finder<'a> {
    chars: &'a [char],
    toks: &'a [Tok],
    lang: &'a str,
    lower_seen: HashSet<&'a str>,
    cap_mid: HashSet<&'a str>,
}

fn is_name_tok(t: &Tok) -> bool {
    t.word && (t.cap || t.initial) && (!t.digit || lexicon::KNOWN.contains_key(t.lower.as_str()))
}

fn add_gender(g: &mut Option<Gender>, conflict: &mut bool, new: Option<Gender>) {
    if let Some(n) = new {
        match g {
            None => *g = Some(n),
            Some(old) if *old != n => *conflict = true,
            _ => {}
        }
    }
}

impl<'a> Finder<'a> {
    fn new(chars: &'a [char], toks: &'a [Tok], lang: &'a str) -> Self {
        let mut lower_seen = HashSet::new();
        let mut cap_mid = HashSet::new();
        for t in toks.iter().filter(|t| t.word) {
            if t.ch.is_lowercase() && !t.cap {
                lower_seen.insert(t.lower.as_str());
            } else if t.cap && !t.sent_initial && !t.headline {
                cap_mid.insert(t.lower.as_str());
                // "al-Assad" makes "Assad" a name too
                if let Some((pre, rest)) = t.lower.split_once('-')
                    && matches!(pre, "al" | "el" | "ad" | "ar" | "as" | "an" | "at" | "az")
                {
                    cap_mid.insert(rest);
                }
            }
        }
        Finder {
            chars,
            toks,
            lang,
            lower_seen,
            cap_mid,
        }
    }

    /// The role a word names (German compounds only in German).
    fn role<'b>(&self, lower: &'b str) -> Option<(lexicon::Role, Option<&'b str>)> {
        lexicon::role_in(lower, self.lang == "de")
    }

    fn text(&self, start: usize, end: usize) -> String {
        self.chars
            .get(start..end.min(self.chars.len()))
            .map(|s| s.iter().collect())
            .unwrap_or_default()
    }

    fn word_known(&self, lower: &str) -> bool {
        lexicon::KNOWN.contains_key(lexicon::norm_token(lower))
            || lexicon::given_name(lower).is_some()
            || lexicon::KNOWN_PERSONS.contains(lower)
            || lexicon::HONORIFICS.contains_key(lower)
            || self.role(lower).is_some_and(|(r, _)| r.title)
            || (lower.chars().count() > 3 && lexicon::adjective_country(lower).is_some())
    }

    /// A sentence-initial capitalised word counts only when it is a known name, is
    /// capitalised mid-sentence elsewhere or starts a longer name.
    fn initial_ok(&self, t: &Tok, next: Option<&Tok>) -> bool {
        let l = t.lower.as_str();
        if lexicon::STOPWORDS.contains(l) {
            return false;
        }
        if self.word_known(l) {
            return true;
        }
        if self.lower_seen.contains(l) {
            return false;
        }
        if t.all_caps && !lexicon::NOT_ACRONYMS.contains(l) {
            return true;
        }
        if self.cap_mid.contains(l) {
            return true;
        }
        // "Defence Minister …", "Putins Sprecher …", "Kremlsprecher Dmitri Peskow"
        let is_role = |x: &str| self.role(x).is_some();
        if next.is_some_and(|n| is_role(&n.lower)) || (is_role(l) && next.is_some_and(|n| n.cap)) {
            return true;
        }
        let _ = next;
        false
    }

    fn prev_word(&self, k: usize) -> Option<&Tok> {
        if k == 0 {
            return None;
        }
        let t = &self.toks[k - 1];
        if t.word { Some(t) } else { None }
    }

    fn place_preposition(&self, l: &str) -> bool {
        match self.lang {
            "fr" => matches!(l, "à" | "en" | "au" | "aux" | "dans" | "vers"),
            "de" => matches!(l, "in" | "nach" | "aus" | "bei" | "im"),
            "es" | "pt" => matches!(l, "en" | "desde" | "hacia" | "em"),
            "it" => matches!(l, "in" | "a" | "da" | "verso"),
            "ru" | "uk" => matches!(l, "в" | "во" | "из" | "у"),
            _ => matches!(
                l,
                "in" | "near" | "across" | "throughout" | "outside" | "inside"
            ),
        }
    }

    fn run(&self) -> Vec<Entity> {
        let toks = self.toks;
        let n = toks.len();
        // 1. runs of capitalised words → spans
        let mut spans: Vec<Span> = Vec::new();
        let mut headline_runs: Vec<Vec<usize>> = Vec::new();
        let mut i = 0;
        while i < n {
            if !is_name_tok(&toks[i]) {
                i += 1;
                continue;
            }
            let (run, j) = self.build_run(i);
            if run.iter().any(|&k| toks[k].headline) {
                headline_runs.push(run);
            } else {
                self.process_run(&run, &mut spans);
            }
            i = j + 1;
        }
        // 2. candidates by key, with context votes
        let mut cands: Vec<Cand> = Vec::new();
        let mut cand_of: HashMap<String, usize> = HashMap::new();
        for sp in spans.iter_mut() {
            let votes = self.votes(sp);
            let existing = cand_of.get(&sp.key).copied();
            let idx = existing.unwrap_or_else(|| {
                let words: Vec<&str> = sp
                    .toks
                    .iter()
                    .filter(|&&k| toks[k].cap || toks[k].initial)
                    .map(|&k| toks[k].lower.as_str())
                    .collect();
                cands.push(Cand {
                    key: sp.key.clone(),
                    words: sp.words,
                    first_tok: lexicon::norm_token(words.first().copied().unwrap_or(""))
                        .to_string(),
                    last_tok: lexicon::norm_token(words.last().copied().unwrap_or("")).to_string(),
                    known: lexicon::KNOWN.get(&sp.key).copied().or_else(|| {
                        // German genitive "Frankreichs"
                        (self.lang == "de" && sp.words == 1 && sp.key.chars().count() >= 5)
                            .then(|| sp.key.strip_suffix('s'))
                            .flatten()
                            .and_then(|k| lexicon::KNOWN.get(k).copied())
                    }),
                    single_initial_only: true,
                    ..Cand::default()
                });
                let idx = cands.len() - 1;
                cand_of.insert(sp.key.clone(), idx);
                idx
            });
            let c = &mut cands[idx];
            c.votes.person += votes.person;
            c.votes.org += votes.org;
            c.votes.place += votes.place;
            c.votes.plain += votes.plain;
            c.max_single = c
                .max_single
                .max(votes.person.max(votes.org).max(votes.place));
            c.count += 1;
            let first = &toks[sp.toks[0]];
            if sp.words == 1 && first.all_caps {
                c.acronym = true;
            }
            if !(first.sent_initial && sp.words == 1) {
                c.single_initial_only = false;
            }
            add_gender(&mut c.gender, &mut c.gender_conflict, sp.gender);
            *c.surfaces
                .entry(self.text(first.start, toks[*sp.toks.last().unwrap_or(&0)].end))
                .or_insert(0) += 1;
            sp.cand = idx;
        }
        // a multi-word name borrows the evidence of its last word used alone ("Romney said")
        for ci in 0..cands.len() {
            if cands[ci].words >= 2
                && cands[ci].known.is_none()
                && let Some(&si) = cand_of.get(&cands[ci].last_tok)
                && cands[si].words == 1
            {
                let v = cands[si].votes;
                let c = &mut cands[ci];
                c.votes.person += v.person.min(2);
                c.votes.place += v.place.min(1);
                if c.votes.plain > 0 {
                    c.votes.person += 1;
                }
            }
        }
        // acronyms defined in brackets after a multi-word name
        let mut bracket: HashMap<String, usize> = HashMap::new();
        for sp in &spans {
            let last = *sp.toks.last().unwrap_or(&0);
            if sp.words >= 2
                && last + 3 < n
                && !toks[last + 1].word
                && toks[last + 1].ch == '('
                && toks[last + 2].all_caps
                && !toks[last + 3].word
                && toks[last + 3].ch == ')'
            {
                bracket.insert(toks[last + 2].lower.replace('.', ""), sp.cand);
            }
        }
        // 3. entities: known groups and decided multi-word names first
        let mut ents: Vec<Ent> = Vec::new();
        let mut ent_of_group: HashMap<String, usize> = HashMap::new();
        let mut ent_of_cand: Vec<u32> = vec![NONE; cands.len()];
        let mut order: Vec<usize> = (0..cands.len()).collect();
        order.sort_by_key(|&c| std::cmp::Reverse(cands[c].words));
        for &ci in &order {
            let c = &cands[ci];
            if lexicon::KNOWN_PERSONS.contains(c.key.as_str()) && c.words == 1 {
                continue; // may be a surname of a fuller name: decided below
            }
            if c.words == 1 && bracket.contains_key(&c.key.replace('.', "")) {
                continue; // an acronym the text defines: decided below
            }
            let (group, kind) = if let Some((id, k)) = c.known {
                (format!("lex:{id}"), lexkind(k))
            } else if c.words >= 2 {
                match self.decide(c) {
                    Some(k) => (c.key.clone(), k),
                    None => continue,
                }
            } else {
                continue;
            };
            let e = self.ent_for(&mut ents, &mut ent_of_group, group, kind);
            ent_of_cand[ci] = e as u32;
        }
        // merge "Vladimir Putin" into "Vladimir Vladimirovich Putin"
        let mut first_last: HashMap<(String, String), usize> = HashMap::new();
        for &ci in &order {
            let e = ent_of_cand[ci];
            if e == NONE || ents[e as usize].kind != EntityKind::Person || cands[ci].words < 2 {
                continue;
            }
            let fl = (cands[ci].first_tok.clone(), cands[ci].last_tok.clone());
            match first_last.get(&fl) {
                Some(&other) if other != e as usize => ent_of_cand[ci] = other as u32,
                Some(_) => {}
                None => {
                    first_last.insert(fl, e as usize);
                }
            }
        }
        // alias maps from multi-word entities
        let mut surname: HashMap<String, Vec<usize>> = HashMap::new();
        let mut given: HashMap<String, Vec<usize>> = HashMap::new();
        let mut short_org: HashMap<String, Vec<usize>> = HashMap::new();
        let mut acronym: HashMap<String, usize> = HashMap::new();
        for ci in 0..cands.len() {
            let e = ent_of_cand[ci];
            if e == NONE || cands[ci].words < 2 {
                continue;
            }
            let e = e as usize;
            let c = &cands[ci];
            match ents[e].kind {
                EntityKind::Person => {
                    push_unique(surname.entry(c.last_tok.clone()).or_default(), e);
                    if let Some((pre, rest)) = c.last_tok.split_once('-')
                        && matches!(pre, "al" | "el" | "ad" | "ar" | "as" | "an" | "at" | "az")
                    {
                        push_unique(surname.entry(rest.to_string()).or_default(), e);
                    }
                    if lexicon::given_name(&c.first_tok).is_some() {
                        push_unique(given.entry(c.first_tok.clone()).or_default(), e);
                    }
                    // family name first: "Ban Ki-moon" → "Mr. Ban", "Kim Jong-un" → "Kim"
                    let east_asian = c.words == 2
                        && c.last_tok.split_once('-').is_some_and(|(a, b)| {
                            (2..=4).contains(&a.chars().count())
                                && (2..=4).contains(&b.chars().count())
                        })
                        && (2..=4).contains(&c.first_tok.chars().count());
                    if east_asian {
                        push_unique(surname.entry(c.first_tok.clone()).or_default(), e);
                    }
                }
                EntityKind::Organisation => {
                    let words: Vec<&str> = c.key.split(' ').collect();
                    let mut keep = words.len();
                    while keep > 0 && lexicon::ORG_KEYWORDS.contains(words[keep - 1]) {
                        keep -= 1;
                    }
                    let mut from = 0;
                    while from < keep && matches!(words[from], "the" | "le" | "la" | "der" | "die")
                    {
                        from += 1;
                    }
                    if keep == from + 1 && keep < words.len() {
                        let w = words[from];
                        if !self.lower_seen.contains(w) && !lexicon::STOPWORDS.contains(w) {
                            push_unique(short_org.entry(w.to_string()).or_default(), e);
                        }
                    }
                    let initials: String = words
                        .iter()
                        .filter(|w| {
                            !matches!(
                                **w,
                                "of" | "the"
                                    | "for"
                                    | "and"
                                    | "de"
                                    | "des"
                                    | "du"
                                    | "la"
                                    | "le"
                                    | "et"
                                    | "und"
                                    | "der"
                            )
                        })
                        .filter_map(|w| w.chars().next())
                        .collect();
                    if initials.chars().count() >= 2 {
                        acronym.entry(initials).or_insert(e);
                    }
                }
                EntityKind::Place => {}
            }
        }
        // acronyms defined in brackets: "Federal Security Service (FSB)"
        for (acr, &definer) in &bracket {
            let e = ent_of_cand[definer];
            if e != NONE && ents[e as usize].kind != EntityKind::Person {
                acronym.insert(acr.clone(), e as usize);
            }
        }
        // 4. single words: short forms, else entities of their own when decided
        for &ci in &order {
            if ent_of_cand[ci] != NONE || cands[ci].words != 1 {
                continue;
            }
            let c = &cands[ci];
            let k = c.key.as_str();
            let alias = surname
                .get(k)
                .filter(|v| v.len() == 1)
                .or_else(|| {
                    given
                        .get(k)
                        .filter(|v| v.len() == 1 && !surname.contains_key(k))
                })
                .or_else(|| short_org.get(k).filter(|v| v.len() == 1))
                .map(|v| v[0])
                .or_else(|| acronym.get(&k.replace('.', "")).copied())
                .or_else(|| {
                    // German genitive "Putins"
                    (self.lang == "de")
                        .then(|| k.strip_suffix('s'))
                        .flatten()
                        .and_then(|s| surname.get(s))
                        .filter(|v| v.len() == 1)
                        .map(|v| v[0])
                });
            if let Some(e) = alias {
                ent_of_cand[ci] = e as u32;
                continue;
            }
            if surname.get(k).is_some_and(|v| v.len() > 1) {
                continue; // resolved per mention below
            }
            if let Some(kind) = self.decide(c) {
                let e = self.ent_for(&mut ents, &mut ent_of_group, c.key.clone(), kind);
                ent_of_cand[ci] = e as u32;
            }
        }
        // canonical candidates and genders
        for (ci, c) in cands.iter().enumerate() {
            let e = ent_of_cand[ci];
            if e == NONE {
                continue;
            }
            let ent = &mut ents[e as usize];
            let better = match ent.best {
                None => true,
                Some(b) => {
                    let bc = &cands[b];
                    let alias_b = bc.words < c.words;
                    alias_b || (bc.words == c.words && bc.count < c.count)
                }
            };
            // a short form (surname) never becomes canonical over a fuller name
            if better {
                ent.best = Some(ci);
            }
            if !c.gender_conflict {
                add_gender(&mut ent.gender, &mut ent.gender_conflict, c.gender);
            } else {
                ent.gender_conflict = true;
            }
            if c.words >= 2 {
                if let Some(Some(g)) = lexicon::given_name(&c.first_tok) {
                    add_gender(&mut ent.gender, &mut ent.gender_conflict, Some(g));
                } else if lexicon::given_name(&c.first_tok).is_none() {
                    let sg = lexicon::surname_gender(&c.last_tok);
                    add_gender(&mut ent.gender, &mut ent.gender_conflict, sg);
                }
            }
        }
        // 5. mentions of spans, in text order (ambiguous surnames take the latest person)
        let mut tok_ent: Vec<u32> = vec![NONE; n];
        let mut last_seen: Vec<usize> = vec![usize::MAX; ents.len()];
        let mut span_ent: Vec<u32> = vec![NONE; spans.len()];
        for (si, sp) in spans.iter().enumerate() {
            let mut e = ent_of_cand[sp.cand];
            if e == NONE
                && let Some(list) = surname.get(sp.key.as_str()).filter(|v| v.len() > 1)
            {
                let best = list
                    .iter()
                    .filter(|&&x| last_seen[x] != usize::MAX)
                    .max_by_key(|&&x| last_seen[x]);
                if let Some(&b) = best {
                    e = b as u32;
                }
            }
            if e == NONE {
                continue;
            }
            let eu = e as usize;
            let canonical = ents[eu].best == Some(sp.cand);
            let form = if canonical && !sp.honorific {
                MentionForm::Name
            } else {
                MentionForm::Short
            };
            ents[eu].mentions.push((sp.start, sp.end, form));
            last_seen[eu] = sp.start;
            span_ent[si] = e;
            for &k in &sp.toks {
                tok_ent[k] = e;
            }
            // honorific tokens belong to the mention too
            let mut k = sp.toks[0];
            while k > 0 && toks[k - 1].start >= sp.start {
                k -= 1;
                tok_ent[k] = e;
            }
        }
        // headlines: known names only
        let mut key_ent: HashMap<&str, usize> = HashMap::new();
        for (ci, c) in cands.iter().enumerate() {
            if ent_of_cand[ci] != NONE {
                key_ent.insert(c.key.as_str(), ent_of_cand[ci] as usize);
            }
        }
        for run in &headline_runs {
            self.match_headline(
                run,
                &key_ent,
                &surname,
                &cands,
                &ent_of_cand,
                &mut ents,
                &mut tok_ent,
            );
        }
        // 6. roles
        self.roles(&spans, &span_ent, &mut ents, &mut tok_ent);
        // 7. pronouns
        self.pronouns(&mut ents);
        // 8. output
        self.output(ents, &cands)
    }

    fn ent_for(
        &self,
        ents: &mut Vec<Ent>,
        ent_of_group: &mut HashMap<String, usize>,
        group: String,
        kind: EntityKind,
    ) -> usize {
        if let Some(&e) = ent_of_group.get(&group) {
            return e;
        }
        ents.push(Ent {
            kind,
            group: group.clone(),
            best: None,
            gender: None,
            gender_conflict: false,
            mentions: Vec::new(),
        });
        ent_of_group.insert(group, ents.len() - 1);
        ents.len() - 1
    }

    /// The kind a candidate's evidence supports, if strong enough.
    fn decide(&self, c: &Cand) -> Option<EntityKind> {
        if let Some((_, k)) = c.known {
            return Some(lexkind(k));
        }
        if c.words == 1 && lexicon::KNOWN_PERSONS.contains(c.key.as_str()) {
            return Some(EntityKind::Person);
        }
        let v = c.votes;
        let best = v.person.max(v.org).max(v.place);
        let mut need = 1;
        if self.lang == "de" || c.single_initial_only {
            need = 2;
        }
        if best < need {
            return None;
        }
        // German nouns are capitalised: weak cues do not add up to a name
        if self.lang == "de" && c.max_single < 2 {
            return None;
        }
        // a single German word needs a title, a given name or capitals
        if self.lang == "de" && c.words == 1 && !c.acronym && c.max_single < 3 {
            return None;
        }
        if v.person == best {
            Some(EntityKind::Person)
        } else if v.org == best {
            Some(EntityKind::Organisation)
        } else {
            Some(EntityKind::Place)
        }
    }

    /// A run of capitalised tokens from `i` (particles and "of" inside names included);
    /// returns the token indices and the last index consumed.
    fn build_run(&self, i: usize) -> (Vec<usize>, usize) {
        let toks = self.toks;
        let n = toks.len();
        let mut run = vec![i];
        let mut j = i;
        loop {
            let cur = &toks[j];
            if cur.poss {
                break;
            }
            let mut k = j + 1;
            let mut abbr = false;
            if k < n
                && !toks[k].word
                && toks[k].ch == '.'
                && toks[k].start == cur.end
                && !cur.initial
                && lexicon::ABBREVIATIONS.contains(cur.lower.as_str())
                && (lexicon::HONORIFICS.contains_key(cur.lower.as_str()) || cur.lower == "st")
            {
                k += 1;
                abbr = true;
            }
            if k >= n {
                break;
            }
            let t = &toks[k];
            if t.nl_before || t.quoted != cur.quoted {
                break;
            }
            let same_sentence = t.sent == cur.sent || cur.initial || abbr;
            if is_name_tok(t) && same_sentence {
                run.push(k);
                j = k;
                continue;
            }
            if t.word && !t.cap && same_sentence && !t.poss {
                let l = t.lower.as_str();
                let first_ok = (lexicon::NAME_PARTICLES.contains(l)
                    && !matches!(l, "le" | "la" | "der" | "den" | "ter" | "ten"))
                    || (lexicon::OF_HEADS.contains(cur.lower.as_str()) && lexicon::OF.contains(l));
                if first_ok {
                    let mut m = k + 1;
                    if m < n
                        && toks[m].word
                        && !toks[m].cap
                        && matches!(
                            (l, toks[m].lower.as_str()),
                            ("von" | "van", "der" | "den" | "dem")
                                | ("de" | "di" | "da", "la" | "le" | "los" | "las")
                                | ("of" | "for", "the")
                        )
                    {
                        m += 1;
                    }
                    if m < n
                        && is_name_tok(&toks[m])
                        && !toks[m].nl_before
                        && toks[m].sent == t.sent
                        && !toks[m].all_caps
                    {
                        run.extend(k..=m);
                        j = m;
                        continue;
                    }
                }
            }
            // "Securities and Exchange Commission"
            if t.word
                && matches!(t.lower.as_str(), "and" | "und" | "et" | "y")
                && same_sentence
                && !lexicon::ORG_KEYWORDS.contains(cur.lower.as_str())
            {
                let mut m = k + 1;
                while m < n && m <= k + 3 && is_name_tok(&toks[m]) && toks[m].sent == t.sent {
                    if lexicon::ORG_KEYWORDS.contains(toks[m].lower.as_str()) {
                        run.extend(k..=m);
                        j = m;
                        break;
                    }
                    m += 1;
                }
                if j >= k {
                    continue;
                }
                break;
            }
            if !t.word && t.ch == '&' && k + 1 < n && is_name_tok(&toks[k + 1]) {
                run.push(k);
                run.push(k + 1);
                j = k + 1;
                continue;
            }
            break;
        }
        (run, j)
    }

    /// Trims a run (sentence-initial common words, stopwords, days), peels titles,
    /// honorifics and nationality adjectives and records the names left.
    fn process_run(&self, run: &[usize], spans: &mut Vec<Span>) {
        let toks = self.toks;
        let mut run: &[usize] = run;
        loop {
            let Some(&f) = run.first() else { return };
            let t = &toks[f];
            let next = run.get(1).map(|&k| &toks[k]);
            let l = t.lower.as_str();
            if !t.cap && !t.initial || !t.word {
                run = &run[1..];
                continue;
            }
            let known_multi = (2..=3).any(|w| {
                run.len() >= w && {
                    let key: Vec<&str> = run[..w]
                        .iter()
                        .map(|&k| lexicon::norm_token(&toks[k].lower))
                        .collect();
                    lexicon::KNOWN.contains_key(&key.join(" "))
                }
            });
            if lexicon::STOPWORDS.contains(l)
                && !known_multi
                && (t.sent_initial || !lexicon::NAME_PARTICLES.contains(l))
                && !lexicon::HONORIFICS.contains_key(l)
            {
                run = &run[1..];
                continue;
            }
            if t.sent_initial && !known_multi && !self.initial_ok(t, next) {
                run = &run[1..];
                continue;
            }
            break;
        }
        // a name particle leads one or two name words at most ("von der Leyen", not
        // "von der Nationalen Umwelt Behörde Ugandas"); in German only after a given name
        if let Some(p) = (1..run.len()).find(|&p| {
            let t = &toks[run[p]];
            t.word
                && !t.cap
                && lexicon::NAME_PARTICLES.contains(t.lower.as_str())
                && !lexicon::OF_HEADS.contains(toks[run[p - 1]].lower.as_str())
        }) {
            let after = run[p..].iter().filter(|&&k| toks[k].cap).count();
            let german_ok = self.lang != "de" || lexicon::given_name(&toks[run[0]].lower).is_some();
            let org_after = run[p + 1..].iter().any(|&k| {
                let l = toks[k].lower.as_str();
                self.is_org_word(l) || matches!(l, "of" | "for")
            });
            if after > 2 || !german_ok || org_after {
                run = &run[..p];
            }
        }
        // German nouns before a name: "der Politiker Max Müller"
        if self.lang == "de"
            && run.len() >= 2
            && !self.word_known(&toks[run[0]].lower)
            && !run.iter().any(|&k| self.role(&toks[k].lower).is_some())
            && let Some(p) =
                (1..run.len()).find(|&p| lexicon::given_name(&toks[run[p]].lower).is_some())
        {
            run = &run[p..];
        }
        // split at days and months ("Friday", but "Theresa May" stays)
        let mut piece_start = 0;
        for p in 0..=run.len() {
            let split = p == run.len() || {
                let t = &toks[run[p]];
                lexicon::CALENDAR.contains(t.lower.as_str())
                    && !(p > 0 && lexicon::given_name(&toks[run[p - 1]].lower).is_some())
            };
            if split {
                if p > piece_start {
                    self.peel(&run[piece_start..p], spans);
                }
                piece_start = p + 1;
            }
        }
    }

    fn peel(&self, run: &[usize], spans: &mut Vec<Span>) {
        let toks = self.toks;
        let len = run.len();
        let mut gender: Option<Gender> = None;
        let mut role: Option<RunRole> = None;
        // org_from[p]: an organisation keyword at p or later (one pass, no rescans)
        let mut org_from = vec![false; len + 1];
        for p in (0..len).rev() {
            org_from[p] = org_from[p + 1] || self.is_org_word(&toks[run[p]].lower);
        }
        let has_org_kw = |from: usize| org_from.get(from).copied().unwrap_or(false);
        let is_honorific = |k: usize| {
            let t = &toks[k];
            let l = t.lower.as_str();
            (!t.initial || (l == "m" && self.lang == "fr")) && lexicon::HONORIFICS.contains_key(l)
        };
        // the last title or role before a name: "Russian President | Vladimir Putin",
        // "Putins Sprecher | Dmitri Peskow", "White House Press Secretary | Karine Jean-Pierre"
        let mut r_at: Option<usize> = None;
        for p in (0..len.saturating_sub(1)).rev() {
            let t = &toks[run[p]];
            if t.word && !t.initial && self.role(&t.lower).is_some() && !has_org_kw(p + 1) {
                r_at = Some(p);
                break;
            }
        }
        let mut idx = 0;
        if let Some(r) = r_at {
            let t = &toks[run[r]];
            let Some((rl, pre)) = self.role(&t.lower) else {
                return;
            };
            let mut mods: Vec<&'static str> = Vec::new();
            let mut owner: Option<Owner> = None;
            if let Some(p) = pre {
                let p = p.trim_end_matches('-');
                if let Some(m) = lexicon::ROLE_KEY_MODIFIERS.get(p) {
                    mods.push(m);
                } else if let Some((id, _)) = lexicon::KNOWN.get(lexicon::norm_token(p)) {
                    owner = Some(Owner::Lex(id));
                } else if let Some(c) = lexicon::adjective_country(p) {
                    owner = Some(Owner::Lex(c));
                }
            }
            let mut m = r;
            while m > 0 {
                let l = toks[run[m - 1]].lower.as_str();
                if let Some(x) = lexicon::ROLE_KEY_MODIFIERS.get(l) {
                    mods.push(x);
                    m -= 1;
                } else {
                    break;
                }
            }
            let mut role_start = toks[run[m]].start;
            let mut seg_end = m;
            if seg_end > 0 {
                let l = toks[run[seg_end - 1]].lower.as_str();
                if toks[run[seg_end - 1]].cap
                    && (l.chars().count() > 3 || l == "us")
                    && let Some(c) = lexicon::adjective_country(l)
                {
                    if owner.is_none() {
                        owner = Some(Owner::Lex(c));
                    }
                    role_start = toks[run[seg_end - 1]].start;
                    seg_end -= 1;
                }
            }
            if seg_end > 0 {
                // the owner is a name of its own ("Kremlin", "Putins", "Wagner")
                let mut seg = &run[..seg_end];
                while let Some(&f) = seg.first() {
                    if lexicon::STOPWORDS.contains(toks[f].lower.as_str()) || !toks[f].cap {
                        seg = &seg[1..];
                    } else {
                        break;
                    }
                }
                if !seg.is_empty() {
                    role_start = toks[seg[0]].start;
                    self.push_span(seg, None, false, None, None, spans);
                    if owner.is_none() {
                        owner = Some(Owner::Tok(seg[seg.len() - 1]));
                    }
                }
            }
            if rl.gender.is_some() {
                gender = rl.gender;
            }
            role = Some(RunRole {
                start: role_start,
                end: t.end,
                key: role_key(rl.head, &mods),
                owner,
            });
            idx = r + 1;
        }
        // "Massachusetts Sen. Elizabeth Warren": a name before an honorific is its own
        if role.is_none()
            && let Some(h) = (1..len.saturating_sub(1))
                .rev()
                .find(|&p| is_honorific(run[p]))
            && !is_honorific(run[0])
        {
            let mut seg = &run[..h];
            while let Some(&f) = seg.first() {
                if lexicon::STOPWORDS.contains(toks[f].lower.as_str()) || !toks[f].cap {
                    seg = &seg[1..];
                } else {
                    break;
                }
            }
            if !seg.is_empty() {
                self.push_span(seg, None, false, None, None, spans);
            }
            idx = h;
        }
        let mut honor_start: Option<usize> = None;
        while idx + 1 < len && is_honorific(run[idx]) {
            let t = &toks[run[idx]];
            honor_start.get_or_insert(t.start);
            if let Some(g) = lexicon::HONORIFICS.get(t.lower.as_str()).copied().flatten() {
                gender = Some(g);
            }
            idx += 1;
        }
        // a nationality adjective before a name: "American Paul Whelan"
        while role.is_none() && honor_start.is_none() && idx + 1 < len {
            let t = &toks[run[idx]];
            let l = t.lower.as_str();
            if t.cap
                && (l.chars().count() > 3 || l == "us")
                && (lexicon::adjective_country(l).is_some()
                    || lexicon::PERSON_DESCRIPTORS.contains(l))
                && !has_org_kw(idx + 1)
                && !lexicon::KNOWN.contains_key(l)
            {
                idx += 1;
            } else {
                break;
            }
        }
        let mut name = &run[idx..];
        while let Some(&last) = name.last() {
            if toks[last].cap || toks[last].initial {
                break;
            }
            name = &name[..name.len() - 1];
        }
        while let Some(&first) = name.first() {
            if toks[first].cap || toks[first].initial {
                break;
            }
            name = &name[1..];
        }
        if name.is_empty() {
            return;
        }
        self.push_span(
            name,
            honor_start,
            honor_start.is_some(),
            role,
            gender,
            spans,
        );
    }

    fn push_span(
        &self,
        name: &[usize],
        honor_start: Option<usize>,
        honorific: bool,
        role: Option<RunRole>,
        gender: Option<Gender>,
        spans: &mut Vec<Span>,
    ) {
        let toks = self.toks;
        let (Some(&f), Some(&l)) = (name.first(), name.last()) else {
            return;
        };
        let mut key_parts: Vec<&str> = Vec::new();
        let mut words = 0;
        for &k in name {
            let t = &toks[k];
            if !t.word {
                key_parts.push("&");
                continue;
            }
            key_parts.push(lexicon::norm_token(&t.lower));
            if t.cap || t.initial {
                words += 1;
            }
        }
        let mut key = key_parts.join(" ");
        if let Some(stripped) = key.strip_prefix("the ") {
            key = stripped.to_string();
        }
        // a single word in capitals that is not a name ("TV", "II")
        if words == 1 && name.len() == 1 {
            let t = &toks[f];
            if t.all_caps && lexicon::NOT_ACRONYMS.contains(t.lower.as_str()) {
                return;
            }
            if t.lower.chars().count() < 2 {
                return;
            }
            if lexicon::STOPWORDS.contains(t.lower.as_str()) {
                return;
            }
        }
        let mut gender = gender;
        if gender.is_none()
            && words == 1
            && let Some(Some(g)) = lexicon::given_name(&toks[f].lower)
        {
            gender = Some(g);
        }
        spans.push(Span {
            toks: name.to_vec(),
            start: honor_start.unwrap_or(toks[f].start),
            end: toks[l].end,
            honorific,
            role,
            gender,
            key,
            words,
            cand: 0,
        });
    }

    fn is_org_word(&self, l: &str) -> bool {
        lexicon::ORG_KEYWORDS.contains(l)
            || (self.lang == "de"
                && lexicon::DE_ORG_SUFFIXES
                    .iter()
                    .any(|s| l.ends_with(s) && l.len() > s.len() + 2))
    }

    /// The evidence a span's own words and context give.
    fn votes(&self, sp: &Span) -> Votes {
        let toks = self.toks;
        let n = toks.len();
        let mut v = Votes::default();
        let f = sp.toks[0];
        let l = *sp.toks.last().unwrap_or(&f);
        let first = &toks[f];
        let last = &toks[l];
        // own words
        if sp.honorific || sp.role.is_some() {
            v.person += 3;
        }
        if sp.words >= 2 && !first.initial && lexicon::given_name(&first.lower).is_some() {
            v.person += 3;
        }
        if sp.words >= 2 && first.initial {
            v.person += 2;
        }
        if sp.words == 1 && lexicon::given_name(&first.lower).is_some() {
            v.person += 1;
        }
        // two plain capitalised words mid-sentence ("Mitt Romney"): most likely a person
        if sp.words == 2
            && sp.toks.len() == 2
            && self.lang != "de"
            && !first.sent_initial
            && sp.toks.iter().all(|&k| {
                let t = &toks[k];
                let l = t.lower.as_str();
                !t.all_caps
                    && !t.initial
                    && l.chars().count() >= 3
                    && l.chars()
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
                    && !self.lower_seen.contains(l)
                    && !lexicon::STOPWORDS.contains(l)
                    && !lexicon::CALENDAR.contains(l)
                    && !self.is_org_word(l)
                    && !lexicon::PLACE_NOUNS_AFTER.contains(l)
                    && lexicon::adjective_country(l).is_none()
                    && self.role(l).is_none()
            })
        {
            v.plain += 1;
        }
        if lexicon::KNOWN_PERSONS.contains(last.lower.as_str()) {
            v.person += 3;
        }
        // a keyword counts at the end ("Wagner Group"), before "of" ("Ministry of
        // Defence") or first in Romance languages ("Banco Santander")
        let romance = matches!(self.lang, "fr" | "es" | "it" | "pt");
        let org_words = sp
            .toks
            .iter()
            .enumerate()
            .filter(|&(p, &k)| {
                self.is_org_word(&toks[k].lower)
                    && (p + 1 == sp.toks.len() || !toks[sp.toks[p + 1]].cap || (p == 0 && romance))
            })
            .count();
        if org_words > 0 {
            v.org += if sp.words > org_words {
                4
            } else if self.lang == "de" {
                0
            } else {
                1
            };
        }
        if sp.words == 1 && first.lower.contains('.') && !first.all_caps {
            v.org += 3;
        }
        if sp.words == 1
            && first.all_caps
            && (2..=6).contains(&first.lower.chars().count())
            && !first.lower.contains(['.', '-'])
            && !lexicon::NOT_ACRONYMS.contains(first.lower.as_str())
        {
            // "FLINT, Mich. —": a dateline
            if first.nl_before && toks.get(l + 1).is_some_and(|t| !t.word && t.ch == ',') {
                v.place += 3;
            } else {
                v.org += 2;
            }
        }
        if sp.words >= 2 && lexicon::PLACE_KEYWORDS.contains(last.lower.as_str()) {
            v.place += 3;
        }
        // context after
        let mut a = l + 1;
        if last.poss {
            // "Putin's spokesman"
            if toks
                .get(a)
                .is_some_and(|t| t.word && self.role(&t.lower).is_some())
            {
                v.person += 1;
            }
            return v;
        }
        if let Some(t) = toks.get(a) {
            if t.word {
                let tl = t.lower.as_str();
                let plural = sp.words == 1
                    && ["ans", "ats", "ists", "ers", "ens"]
                        .iter()
                        .any(|e| first.lower.ends_with(e));
                if lexicon::SPEECH_VERBS.contains(tl) && tl != "ha" && !plural {
                    v.person += 1;
                }
                if lexicon::PLACE_NOUNS_AFTER.contains(tl) && !t.cap {
                    v.place += 2;
                }
            } else if t.ch == ',' {
                a += 1;
                // apposition: ", a 45-year-old prisoner", ", the director of", ", 45,", ", who"
                let mut steps = 0;
                let mut k = a;
                while k < n && steps < 6 {
                    let t = &toks[k];
                    if !t.word {
                        if t.ch == ',' && steps == 1 && toks[k - 1].digit {
                            v.person += 2;
                        }
                        break;
                    }
                    let tl = t.lower.as_str();
                    if steps == 0 && matches!(tl, "who" | "qui" | "quien" | "который" | "которая")
                    {
                        v.person += 2;
                        break;
                    }
                    if tl.contains("year-old")
                        || tl.ends_with("-jährige")
                        || tl.ends_with("-jähriger")
                    {
                        v.person += 2;
                        break;
                    }
                    if lexicon::HUMAN_NOUNS.contains(tl) || self.role(tl).is_some() {
                        if steps > 0 || !t.cap {
                            v.person += 2;
                        }
                        break;
                    }
                    if t.cap && steps == 0 {
                        break;
                    }
                    steps += 1;
                    k += 1;
                }
            } else if t.ch == '('
                && toks.get(a + 1).is_some_and(|x| x.digit)
                && toks.get(a + 2).is_some_and(|x| !x.word && x.ch == ')')
            {
                v.person += 2;
            }
        }
        // context before
        if f > 0 {
            let p = &toks[f.saturating_sub(1)];
            let start_tok = if sp.honorific { None } else { Some(p) };
            if let Some(p) = start_tok.filter(|p| p.word) {
                let pl = p.lower.as_str();
                if self.place_preposition(pl) {
                    v.place += 1;
                    if self.lang == "de" && self.de_bare_place(sp, pl) {
                        v.place += 2;
                    }
                }
                if !p.cap && self.role(pl).is_some() {
                    v.person += 2;
                }
                if lexicon::SPEECH_VERBS.contains(pl) && pl != "ha" {
                    // '"...," said Peskov'
                    if f >= 2 && !toks[f - 2].word {
                        v.person += 1;
                    }
                }
                if lexicon::OF.contains(pl)
                    && f >= 2
                    && let Some(pp) = self.prev_word(f - 1)
                    && lexicon::PLACE_NOUNS_BEFORE.contains(pp.lower.as_str())
                {
                    v.place += 2;
                }
            }
        }
        v
    }

    /// German "in Orvalle", "aus Lisna": every noun is capitalised, but a common noun after
    /// "in"/"aus"/"nach" takes an article ("in der Stadt") or is one of a few bare
    /// phrases ("in Kraft", "aus Angst"); a bare word that no noun ending marks and the
    /// text never writes in lower case is a place.
    fn de_bare_place(&self, sp: &Span, prep: &str) -> bool {
        if !matches!(prep, "in" | "aus" | "nach") || sp.words != 1 || sp.toks.len() != 1 {
            return false;
        }
        let t = &self.toks[sp.toks[0]];
        let l = t.lower.as_str();
        if t.all_caps || l.chars().count() < 4 || self.lower_seen.contains(l) {
            return false;
        }
        if lexicon::STOPWORDS.contains(l) || lexicon::CALENDAR.contains(l) || self.role(l).is_some()
        {
            return false;
        }
        const NOUN_ENDINGS: &[&str] = &[
            "ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "tum", "ei", "ik",
            "enz", "anz", "ment", "chen", "lein", "ling", "ität", "ur", "sicht", "zeit", "haft",
            "fall", "lage", "kraft", "sache", "weise", "angst", "teil",
        ];
        if NOUN_ENDINGS.iter().any(|e| l.ends_with(e)) {
            return false;
        }
        const BARE: &[&str] = &[
            "kraft",
            "frage",
            "angst",
            "gefahr",
            "haft",
            "betrieb",
            "sicherheit",
            "zukunft",
            "ruhe",
            "hause",
            "sorge",
            "panik",
            "eile",
            "kürze",
            "summe",
            "folge",
            "form",
            "höhe",
            "richtung",
            "bezug",
            "anbetracht",
            "erwägung",
            "kauf",
            "gang",
            "ordnung",
            "planung",
            "arbeit",
            "not",
            "wut",
            "trauer",
            "protest",
            "rente",
            "urlaub",
            "quarantäne",
            "rekordzeit",
            "zeiten",
            "mode",
            "sachen",
            "teilen",
            "ländern",
            "städten",
            "gesprächen",
            "interviews",
        ];
        if BARE.contains(&l) {
            return false;
        }
        // a dative plural ("in Gesprächen", "aus Kreisen") is a common noun
        if l.ends_with("en") && !l.ends_with("ven") && l.chars().count() > 6 {
            return false;
        }
        // followed by a verb, punctuation or a small word, not a genitive noun chain
        self.toks
            .get(sp.toks[0] + 1)
            .is_none_or(|n| !n.word || !n.cap)
    }

    #[allow(clippy::too_many_arguments)]
    fn match_headline(
        &self,
        run: &[usize],
        key_ent: &HashMap<&str, usize>,
        surname: &HashMap<String, Vec<usize>>,
        cands: &[Cand],
        _ent_of_cand: &[u32],
        ents: &mut [Ent],
        tok_ent: &mut [u32],
    ) {
        let toks = self.toks;
        let mut p = 0;
        while p < run.len() {
            let mut matched = false;
            for len in (1..=4.min(run.len() - p)).rev() {
                let part = &run[p..p + len];
                if part.iter().any(|&k| !toks[k].word) {
                    continue;
                }
                let key: Vec<&str> = part
                    .iter()
                    .map(|&k| lexicon::norm_token(&toks[k].lower))
                    .collect();
                let key = key.join(" ");
                if len == 1 && lexicon::STOPWORDS.contains(key.as_str()) {
                    continue;
                }
                let e = key_ent
                    .get(key.as_str())
                    .copied()
                    .or_else(|| surname.get(&key).filter(|v| v.len() == 1).map(|v| v[0]));
                if let Some(e) = e {
                    let (s, en) = (toks[part[0]].start, toks[part[len - 1]].end);
                    let canonical = ents[e].best.is_some_and(|b| cands[b].key == key);
                    let form = if canonical {
                        MentionForm::Name
                    } else {
                        MentionForm::Short
                    };
                    ents[e].mentions.push((s, en, form));
                    for &k in part {
                        tok_ent[k] = e as u32;
                    }
                    p += len;
                    matched = true;
                    break;
                }
            }
            if !matched {
                p += 1;
            }
        }
    }

    /// The start of the mention whose last token is `k` (its owner's full extent).
    fn mention_start(&self, k: usize, tok_ent: &[u32]) -> usize {
        let e = tok_ent[k];
        let mut s = k;
        while s > 0
            && k - s < 12
            && tok_ent[s - 1] == e
            && self.toks[s].sent == self.toks[s - 1].sent
        {
            s -= 1;
        }
        self.toks[s].start
    }

    fn owner_key(&self, owner: Option<Owner>, tok_ent: &[u32], ents: &[Ent]) -> Option<String> {
        match owner? {
            Owner::Lex(id) => Some(format!("lex:{id}")),
            Owner::Tok(k) => {
                let e = *tok_ent.get(k)?;
                (e != NONE).then(|| ents[e as usize].group.clone())
            }
        }
    }

    /// Ties roles to people where the text does, then finds later role references.
    fn roles(&self, spans: &[Span], span_ent: &[u32], ents: &mut [Ent], tok_ent: &mut [u32]) {
        let toks = self.toks;
        let n = toks.len();
        let mut binds: HashMap<(String, String), Bind> = HashMap::new();
        let mut consumed: Vec<bool> = vec![false; n];
        let bind = |binds: &mut HashMap<(String, String), Bind>,
                    key: &str,
                    owner: Option<String>,
                    e: usize,
                    pos: usize| {
            let mut keys = vec![(key.to_string(), String::new())];
            if let Some(o) = owner {
                keys.push((key.to_string(), o));
            }
            for k in keys {
                binds
                    .entry(k)
                    .and_modify(|b| {
                        if b.ent != e {
                            b.ambiguous = true;
                        }
                    })
                    .or_insert(Bind {
                        ent: e,
                        pos,
                        ambiguous: false,
                    });
            }
        };
        let mut role_mentions: Vec<(usize, usize, usize)> = Vec::new();
        for (si, sp) in spans.iter().enumerate() {
            let e = span_ent[si];
            if e == NONE || ents[e as usize].kind != EntityKind::Person {
                continue;
            }
            let e = e as usize;
            let f = sp.toks[0];
            // (1) a title in the run: "Russian President Vladimir Putin"
            if let Some(r) = &sp.role {
                let owner = self.owner_key(r.owner, tok_ent, ents);
                bind(&mut binds, &r.key, owner, e, r.start);
                role_mentions.push((r.start, r.end, e));
            }
            // (2) before the name: "Vladimir Putin's spokesman Dmitry Peskov",
            //     "le porte-parole du Kremlin, Dmitri Peskov", "the former leader of the group, X"
            let mut first_k = f;
            while first_k > 0 && toks[first_k - 1].start >= sp.start {
                first_k -= 1;
            }
            if sp.role.is_none()
                && let Some((key, owner, s, en, from)) = self.role_before(first_k, tok_ent, ents)
            {
                bind(&mut binds, &key, owner, e, s);
                role_mentions.push((s, en, e));
                for c in consumed.iter_mut().take(first_k).skip(from) {
                    *c = true;
                }
            }
            // (3) apposition after: "Dmitry Peskov, the Kremlin's spokesman"
            let l = *sp.toks.last().unwrap_or(&f);
            if !toks[l].poss
                && let Some((key, owner, s, en, to)) = self.role_after(l, tok_ent, ents)
            {
                bind(&mut binds, &key, owner, e, s);
                role_mentions.push((s, en, e));
                for c in consumed.iter_mut().take(to + 1).skip(l + 1) {
                    *c = true;
                }
            }
        }
        for (s, en, e) in role_mentions {
            ents[e].mentions.push((s, en, MentionForm::Role));
        }
        // later references: "the spokesman", "Putin's spokesman", "the Kremlin spokesman"
        for k in 0..n {
            let t = &toks[k];
            if !t.word || consumed[k] || tok_ent[k] != NONE || t.quoted || t.headline {
                continue;
            }
            let Some((r, pre)) = self.role(&t.lower) else {
                continue;
            };
            let mut mods: Vec<&'static str> = Vec::new();
            let mut owner: Option<String> = None;
            if let Some(p) = pre {
                let p = p.trim_end_matches('-');
                if let Some(m) = lexicon::ROLE_KEY_MODIFIERS.get(p) {
                    mods.push(m);
                } else if let Some((id, _)) = lexicon::KNOWN.get(lexicon::norm_token(p)) {
                    owner = Some(format!("lex:{id}"));
                }
            }
            // followed by a name: a binding site already handled, or a different person
            if toks
                .get(k + 1)
                .is_some_and(|x| is_name_tok(x) && !x.sent_initial)
                && !t.poss
            {
                continue;
            }
            if toks.get(k + 1).is_some_and(|x| {
                x.word
                    && matches!(
                        x.lower.as_str(),
                        "office"
                            | "election"
                            | "elections"
                            | "administration"
                            | "candidate"
                            | "race"
                            | "post"
                            | "role"
                            | "seat"
                            | "palace"
                            | "residence"
                            | "campaign"
                            | "ship"
                            | "of"
                            | "for"
                    )
            }) {
                // "the president of France" needs its owner
                let of = toks[k + 1].lower.as_str();
                if of != "of" && of != "for" {
                    continue;
                }
            }
            let mut start = t.start;
            let mut definite = false;
            let mut b = k;
            let mut steps = 0;
            while b > 0 && steps < 5 {
                let p = &toks[b - 1];
                if !p.word {
                    break;
                }
                let pl = p.lower.as_str();
                if tok_ent[b - 1] != NONE {
                    let oe = tok_ent[b - 1] as usize;
                    owner = Some(ents[oe].group.clone());
                    start = self.mention_start(b - 1, tok_ent);
                    break;
                }
                if lexicon::DEFINITE.contains(pl) {
                    definite = true;
                    break;
                }
                if let Some(m) = lexicon::ROLE_KEY_MODIFIERS.get(pl) {
                    mods.push(m);
                } else if let Some(c) = lexicon::adjective_country(pl) {
                    owner = Some(format!("lex:{c}"));
                } else if !lexicon::ROLE_SKIP_MODIFIERS.contains(pl) {
                    break;
                }
                start = p.start;
                b -= 1;
                steps += 1;
            }
            let mut end = t.end;
            // post-nominal owner: "le porte-parole du Kremlin", "the head of Wagner", "le président russe"
            if owner.is_none() && !t.poss {
                let mut a = k + 1;
                if let Some(x) = toks.get(a).filter(|x| x.word) {
                    if let Some(c) = lexicon::adjective_country(&x.lower).filter(|_| !x.cap) {
                        owner = Some(format!("lex:{c}"));
                        end = x.end;
                    } else if lexicon::OF.contains(x.lower.as_str()) {
                        a += 1;
                        if toks
                            .get(a)
                            .is_some_and(|y| y.word && lexicon::DEFINITE.contains(y.lower.as_str()))
                        {
                            a += 1;
                        }
                        if a < n && tok_ent[a] != NONE {
                            let oe = tok_ent[a] as usize;
                            owner = Some(ents[oe].group.clone());
                            let mut z = a;
                            while z + 1 < n && z < a + 12 && tok_ent[z + 1] == tok_ent[a] {
                                z += 1;
                            }
                            end = toks[z].end;
                        }
                    }
                }
            }
            if owner.is_none() && !definite {
                continue;
            }
            let key = role_key(r.head, &mods);
            let bk = (key, owner.clone().unwrap_or_default());
            let Some(bd) = binds.get(&bk) else { continue };
            if bd.ambiguous || bd.pos >= t.start {
                continue;
            }
            if owner.as_deref() == Some(ents[bd.ent].group.as_str()) {
                continue;
            }
            ents[bd.ent].mentions.push((start, end, MentionForm::Role));
            tok_ent[k] = bd.ent as u32;
        }
    }

    /// A role phrase right before token `f` (the name's first token). Returns the role
    /// key, owner, char span and the first token of the phrase.
    fn role_before(
        &self,
        f: usize,
        tok_ent: &[u32],
        ents: &[Ent],
    ) -> Option<(String, Option<String>, usize, usize, usize)> {
        let toks = self.toks;
        if f == 0 {
            return None;
        }
        let sent = toks[f].sent;
        let lo = f.saturating_sub(9);
        let mut k = f; // exclusive upper bound of tokens examined
        let mut comma = false;
        let mut of_owner: Option<usize> = None;
        let mut post_adj: Option<&'static str> = None;
        let mut end_tok = f - 1;
        // walk back to the role head
        let mut head: Option<usize> = None;
        let mut free = 0;
        while k > lo {
            let p = &toks[k - 1];
            if p.sent != sent && !(k == f && p.sent + 1 == sent) {
                return None;
            }
            if !p.word {
                if p.ch == ',' && k == f {
                    comma = true;
                    end_tok = k.saturating_sub(2);
                    k -= 1;
                    continue;
                }
                return None;
            }
            let pl = p.lower.as_str();
            if tok_ent[k - 1] != NONE && !p.poss {
                of_owner = Some(k - 1);
                k -= 1;
                continue;
            }
            if self.role(pl).is_some() && !p.cap {
                head = Some(k - 1);
                break;
            }
            if self.role(pl).is_some() && p.cap && !p.sent_initial {
                head = Some(k - 1);
                break;
            }
            if !p.cap
                && let Some(c) = lexicon::adjective_country(pl)
            {
                post_adj = Some(c);
                k -= 1;
                continue;
            }
            if lexicon::OF.contains(pl) || lexicon::DEFINITE.contains(pl) {
                k -= 1;
                continue;
            }
            // "leader of the paramilitary group, X": common words inside an of-phrase
            if comma && !p.cap && free < 3 {
                free += 1;
                k -= 1;
                continue;
            }
            return None;
        }
        let h = head?;
        // words between the head and the name must start with "of" when any
        if h + 1 < f {
            let nx = &toks[h + 1];
            let ok = (nx.word
                && (lexicon::OF.contains(nx.lower.as_str())
                    || lexicon::adjective_country(&nx.lower).is_some()))
                || (!nx.word && nx.ch == ',' && h + 2 == f);
            if !ok {
                return None;
            }
        }
        let (r, pre) = self.role(&toks[h].lower)?;
        let mut mods: Vec<&'static str> = Vec::new();
        let mut owner: Option<String> = None;
        if let Some(p) = pre {
            let p = p.trim_end_matches('-');
            if let Some(m) = lexicon::ROLE_KEY_MODIFIERS.get(p) {
                mods.push(m);
            } else if let Some((id, _)) = lexicon::KNOWN.get(lexicon::norm_token(p)) {
                owner = Some(format!("lex:{id}"));
            }
        }
        if let Some(o) = of_owner {
            owner = Some(ents[tok_ent[o] as usize].group.clone());
        } else if let Some(c) = post_adj {
            owner = Some(format!("lex:{c}"));
        }
        // before the head: modifiers and a (possessive) owner
        let mut start = toks[h].start;
        let mut from = h;
        let mut b = h;
        let mut steps = 0;
        while b > 0 && steps < 5 {
            let p = &toks[b - 1];
            if !p.word || p.sent != sent {
                break;
            }
            let pl = p.lower.as_str();
            if tok_ent[b - 1] != NONE {
                let oe = tok_ent[b - 1] as usize;
                if owner.is_none() {
                    owner = Some(ents[oe].group.clone());
                }
                start = self.mention_start(b - 1, tok_ent);
                let mut z = b - 1;
                while z > 0 && z + 12 > b && tok_ent[z - 1] == tok_ent[b - 1] {
                    z -= 1;
                }
                from = z;
                break;
            }
            if let Some(m) = lexicon::ROLE_KEY_MODIFIERS.get(pl) {
                mods.push(m);
            } else if let Some(c) = lexicon::adjective_country(pl) {
                if owner.is_none() {
                    owner = Some(format!("lex:{c}"));
                }
            } else if !lexicon::ROLE_SKIP_MODIFIERS.contains(pl) {
                break;
            }
            start = p.start;
            from = b - 1;
            b -= 1;
            steps += 1;
        }
        let end = if comma {
            toks[end_tok.max(h)].end
        } else {
            toks[f - 1].end.max(toks[h].end)
        };
        let end = end.min(toks[f].start);
        Some((role_key(r.head, &mods), owner, start, end, from))
    }

    /// An apposition after the name's last token `l`: ", the Kremlin's spokesman",
    /// ", porte-parole du Kremlin", ", the director of Gulagu.net".
    fn role_after(
        &self,
        l: usize,
        tok_ent: &[u32],
        ents: &[Ent],
    ) -> Option<(String, Option<String>, usize, usize, usize)> {
        let toks = self.toks;
        let n = toks.len();
        if l + 2 >= n || toks[l + 1].word || toks[l + 1].ch != ',' {
            return None;
        }
        let sent = toks[l].sent;
        let mut k = l + 2;
        let mut start: Option<usize> = None;
        let mut mods: Vec<&'static str> = Vec::new();
        let mut owner: Option<String> = None;
        let mut steps = 0;
        let mut head: Option<usize> = None;
        while k < n && steps < 7 {
            let t = &toks[k];
            if !t.word || t.sent != sent {
                return None;
            }
            let tl = t.lower.as_str();
            if steps == 0 && (lexicon::DEFINITE.contains(tl) || lexicon::INDEFINITE.contains(tl)) {
                k += 1;
                steps += 1;
                continue;
            }
            if tok_ent[k] != NONE {
                let oe = tok_ent[k] as usize;
                owner = Some(ents[oe].group.clone());
                start.get_or_insert(t.start);
                k += 1;
                steps += 1;
                continue;
            }
            if self.role(tl).is_some() {
                head = Some(k);
                start.get_or_insert(t.start);
                break;
            }
            if let Some(m) = lexicon::ROLE_KEY_MODIFIERS.get(tl) {
                mods.push(m);
            } else if let Some(c) = lexicon::adjective_country(tl) {
                owner = Some(format!("lex:{c}"));
            } else if !lexicon::ROLE_SKIP_MODIFIERS.contains(tl) {
                return None;
            }
            start.get_or_insert(t.start);
            k += 1;
            steps += 1;
        }
        let h = head?;
        let (r, pre) = self.role(&toks[h].lower)?;
        if let Some(p) = pre
            && let Some(m) = lexicon::ROLE_KEY_MODIFIERS.get(p.trim_end_matches('-'))
        {
            mods.push(m);
        }
        let mut end = toks[h].end;
        let mut to = h;
        // "of Gulagu.net", "du Kremlin", "russe"
        if owner.is_none() {
            let mut a = h + 1;
            if let Some(x) = toks.get(a).filter(|x| x.word) {
                if let Some(c) = lexicon::adjective_country(&x.lower).filter(|_| !x.cap) {
                    owner = Some(format!("lex:{c}"));
                    end = x.end;
                    to = a;
                } else if lexicon::OF.contains(x.lower.as_str()) {
                    a += 1;
                    if toks
                        .get(a)
                        .is_some_and(|y| y.word && lexicon::DEFINITE.contains(y.lower.as_str()))
                    {
                        a += 1;
                    }
                    if a < n && tok_ent[a] != NONE {
                        owner = Some(ents[tok_ent[a] as usize].group.clone());
                        let mut z = a;
                        while z + 1 < n && z < a + 12 && tok_ent[z + 1] == tok_ent[a] {
                            z += 1;
                        }
                        end = toks[z].end;
                        to = z;
                    }
                }
            }
        }
        Some((role_key(r.head, &mods), owner, start?, end, to))
    }

    /// Subject pronouns of likely speakers, resolved to the one recent compatible person.
    fn pronouns(&self, ents: &mut [Ent]) {
        let toks = self.toks;
        let n = toks.len();
        // person mentions (start token, sentence, entity), text order
        let mut pm: Vec<(usize, usize, usize, usize)> = Vec::new(); // (start, end_tok, sent, ent)
        for (e, ent) in ents.iter().enumerate() {
            if ent.kind != EntityKind::Person {
                continue;
            }
            for &(s, en, _) in &ent.mentions {
                let k = toks.partition_point(|t| t.start < s);
                if k >= n || toks[k].start != s {
                    continue;
                }
                let t = &toks[k];
                if t.quoted {
                    continue;
                }
                // the last token of the mention: possessive owners are no subjects
                let mut z = k;
                while z + 1 < n && toks[z + 1].end <= en {
                    z += 1;
                }
                if toks[z].poss && toks[z].end == en {
                    continue;
                }
                pm.push((s, z, t.sent, e));
            }
        }
        pm.sort_unstable();
        // human nouns (unnamed people) between a name and a pronoun block it
        let mut person_end = vec![false; n];
        for m in &pm {
            person_end[m.1] = true;
        }
        let mut humans = vec![0u32; n + 1];
        for (k, t) in toks.iter().enumerate() {
            let mut h = t.word && !t.quoted && lexicon::HUMAN_NOUNS.contains(t.lower.as_str());
            if h {
                // "Dean, a medical doctor, …": the noun describes the named person
                let lo = k.saturating_sub(5);
                if (lo..k).any(|c| !toks[c].word && toks[c].ch == ',' && c > 0 && person_end[c - 1])
                {
                    h = false;
                }
            }
            humans[k + 1] = humans[k] + h as u32;
        }
        let mut resolved: Vec<(usize, usize, usize, usize)> = Vec::new(); // (start, tok, sent, ent)
        for k in 0..n {
            let t = &toks[k];
            if !t.word || t.quoted || t.headline {
                continue;
            }
            let Some((gender, s, e)) = self.pronoun_at(k) else {
                continue;
            };
            // candidates in this and the two previous sentences
            let lo_sent = t.sent.saturating_sub(2);
            let mut found: Vec<(usize, usize)> = Vec::new(); // (ent, last token)
            let consider = |ent: usize, tok: usize, found: &mut Vec<(usize, usize)>| {
                if let Some(x) = found.iter_mut().find(|x| x.0 == ent) {
                    x.1 = x.1.max(tok);
                } else {
                    found.push((ent, tok));
                }
            };
            let upto = pm.partition_point(|m| m.0 < s);
            let mut q = upto;
            let mut guard = 0;
            while q > 0 && guard < 64 {
                let m = pm[q - 1];
                if m.2 < lo_sent {
                    break;
                }
                consider(m.3, m.1, &mut found);
                q -= 1;
                guard += 1;
            }
            let mut q = resolved.len();
            while q > 0 {
                let m = resolved[q - 1];
                if m.2 < lo_sent {
                    break;
                }
                consider(m.3, m.1, &mut found);
                q -= 1;
            }
            if found.is_empty() {
                continue;
            }
            let compatible: Vec<(usize, usize)> = found
                .iter()
                .copied()
                .filter(|&(en, _)| {
                    let ent = &ents[en];
                    ent.gender_conflict || ent.gender.is_none() || ent.gender == Some(gender)
                })
                .collect();
            if compatible.len() != 1 {
                continue;
            }
            let (en, last_tok) = compatible[0];
            if last_tok < k && humans[k] - humans[last_tok + 1] > 0 {
                continue;
            }
            ents[en].mentions.push((s, e, MentionForm::Pronoun));
            resolved.push((s, k, t.sent, en));
        }
    }

    /// A speaker-like subject pronoun at token `k`: its gender and char span.
    fn pronoun_at(&self, k: usize) -> Option<(Gender, usize, usize)> {
        let toks = self.toks;
        let t = &toks[k];
        let l = t.lower.as_str();
        let next = toks.get(k + 1).filter(|x| x.word);
        let next2 = toks.get(k + 2).filter(|x| x.word);
        let prev = if k > 0 { Some(&toks[k - 1]) } else { None };
        let speech =
            |x: Option<&Tok>| x.is_some_and(|x| lexicon::SPEECH_VERBS.contains(x.lower.as_str()));
        let adverb = |x: Option<&Tok>| {
            x.is_some_and(|x| {
                x.lower.ends_with("ly")
                    || matches!(
                        x.lower.as_str(),
                        "also" | "later" | "then" | "again" | "further" | "has" | "had"
                    )
            })
        };
        match self.lang {
            "fr" => {
                // "a-t-il ajouté", "dit-elle", "Il a déclaré": verbs of saying only (French
                // "il"/"elle" also stand for masculine and feminine things, and "il y a")
                let inverted = [("-t-il", Gender::Male, 2), ("-il", Gender::Male, 2)]
                    .into_iter()
                    .chain([("-t-elle", Gender::Female, 4), ("-elle", Gender::Female, 4)])
                    .find_map(|(suf, g, len)| l.strip_suffix(suf).map(|verb| (verb, g, len)));
                if let Some((verb, g, len)) = inverted {
                    let says = lexicon::SPEECH_VERBS.contains(verb)
                        || matches!(
                            verb,
                            "poursuit"
                                | "conclut"
                                | "lance"
                                | "insiste"
                                | "résume"
                                | "note"
                                | "martèle"
                                | "reconnaît"
                                | "admet"
                                | "avertit"
                                | "glisse"
                        )
                        || (matches!(verb, "a" | "avait") && speech(next));
                    let y_a = prev.is_some_and(|p| p.word && p.lower == "y");
                    return (says && !y_a).then_some((g, t.end - len, t.end));
                }
                let g = match l {
                    "il" => Gender::Male,
                    "elle" => Gender::Female,
                    _ => return None,
                };
                let verb = speech(next)
                    || (next.is_some_and(|x| matches!(x.lower.as_str(), "a" | "avait"))
                        && speech(next2));
                verb.then_some((g, t.start, t.end))
            }
            "de" => {
                let g = match l {
                    "er" => Gender::Male,
                    "sie" => Gender::Female,
                    _ => return None,
                };
                let sing = |x: Option<&Tok>| {
                    x.is_some_and(|x| {
                        matches!(
                            x.lower.as_str(),
                            "sagte"
                                | "sagt"
                                | "erklärte"
                                | "erklärt"
                                | "betonte"
                                | "betont"
                                | "meinte"
                                | "meint"
                                | "schrieb"
                                | "warnte"
                                | "forderte"
                                | "fügte"
                                | "so"
                                | "berichtete"
                                | "ergänzte"
                                | "kritisierte"
                        )
                    })
                };
                let after_verb = prev.is_some_and(|p| p.word) && sing(prev);
                if g == Gender::Female {
                    // "sie" is also "they" and "you": only "Sie sagte", "sagte sie"
                    (sing(next) && t.sent_initial || after_verb).then_some((g, t.start, t.end))
                } else {
                    // "er" also stands for masculine things: verbs of saying only
                    (after_verb || sing(next) || speech(next)).then_some((g, t.start, t.end))
                }
            }
            "ru" | "uk" => {
                let g = match l {
                    "он" => Gender::Male,
                    "она" => Gender::Female,
                    _ => return None,
                };
                (t.sent_initial || speech(next) || speech(prev.filter(|p| p.word)))
                    .then_some((g, t.start, t.end))
            }
            "es" | "it" | "pt" => None,
            _ => {
                let g = match l {
                    "he" => Gender::Male,
                    "she" => Gender::Female,
                    _ => return None,
                };
                let verb = speech(next) || (adverb(next) && speech(next2));
                // '"…," said he' is rare; '"…," he said' is the common case
                (t.sent_initial || verb).then_some((g, t.start, t.end))
            }
        }
    }

    fn output(&self, ents: Vec<Ent>, cands: &[Cand]) -> Vec<Entity> {
        let mut out: Vec<Entity> = Vec::new();
        for ent in ents {
            let mut ms = ent.mentions;
            if ms.is_empty() {
                continue;
            }
            ms.sort_by_key(|m| (m.0, std::cmp::Reverse(m.1)));
            let mut kept: Vec<(usize, usize, MentionForm)> = Vec::with_capacity(ms.len());
            for m in ms {
                if m.0 >= m.1 {
                    continue;
                }
                if let Some(last) = kept.last()
                    && m.0 < last.1
                {
                    continue; // overlaps a longer or earlier mention of the same entity
                }
                kept.push(m);
            }
            if kept.is_empty() {
                continue;
            }
            let name = match ent.best {
                Some(b) => cands[b]
                    .surfaces
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(s, _)| s.clone())
                    .unwrap_or_default(),
                None => String::new(),
            };
            let name = if name.is_empty() {
                self.text(kept[0].0, kept[0].1)
            } else {
                name
            };
            let name = name
                .strip_prefix("The ")
                .map(str::to_string)
                .unwrap_or(name);
            let mentions = kept
                .into_iter()
                .map(|(s, e, form)| EntityMention {
                    text: self.text(s, e),
                    start: s,
                    end: e,
                    form,
                })
                .collect();
            out.push(Entity {
                id: 0,
                kind: ent.kind,
                name,
                mentions,
            });
        }
        out.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.start));
        for (i, e) in out.iter_mut().enumerate() {
            e.id = i;
        }
        out
    }
}

fn lexkind(k: LexKind) -> EntityKind {
    match k {
        LexKind::Org => EntityKind::Organisation,
        LexKind::Place => EntityKind::Place,
    }
}

fn role_key(head: &str, mods: &[&str]) -> String {
    let mut m: Vec<&str> = mods.to_vec();
    m.sort_unstable();
    m.dedup();
    let mut k = head.to_string();
    for x in m {
        k.push('+');
        k.push_str(x);
    }
    k
}

fn push_unique(v: &mut Vec<usize>, e: usize) {
    if !v.contains(&e) {
        v.push(e);
    }
}
