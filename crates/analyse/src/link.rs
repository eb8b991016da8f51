//! Ties each quote's speaker to who the speaker is.
//!
//! Quotes are found without knowing entities: a speaker is the words that attribute the
//! quote. Entities (with their resolved short forms, roles and pronouns) are found without
//! knowing quotes. Here the two meet:
//!
//! * a speaker mention that overlaps an entity mention takes that entity's id and
//!   canonical name;
//! * an unnamed source keeps a description, and its later references agree with it: a
//!   pronoun ("He stated …") whose nearest antecedent is an introduced description ("One
//!   prisoner spoke to CNN …") — nearer than any named person — becomes "one prisoner",
//!   and so does a definite reference to the same noun ("the prisoner said").

use std::sync::LazyLock;

use regex::Regex;

use crate::entities::Entity;
use crate::quotes::Quote;
use crate::sentences::Sentence;

/// Links every quote's speaker. `text` and `sentences` are those the quotes were found in.
pub fn speakers(text: &str, sentences: &[Sentence], quotes: &mut [Quote], entities: &[Entity]) {
    speakers_to_entities(quotes, entities);
    let intros = introductions(text, sentences);
    if intros.is_empty() {
        return;
    }
    // Where each introduced description was last referred to: a description stays the
    // likely antecedent while the text keeps referring to it.
    let mut last_ref: Vec<usize> = intros.iter().map(|i| i.start).collect();
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| {
        quotes[i]
            .speaker
            .as_ref()
            .and_then(|s| s.mention.as_ref())
            .map_or(quotes[i].start, |m| m.start)
    });
    for qi in order {
        let Some(speaker) = &mut quotes[qi].speaker else {
            continue;
        };
        let Some(mention) = &speaker.mention else {
            continue;
        };
        let words = mention.text.to_lowercase();
        let Some(k) = intros.iter().rposition(|i| i.start < mention.start) else {
            continue;
        };
        let intro = &intros[k];
        if is_pronoun(&words) {
            // A named person mentioned after the description is the nearer antecedent.
            let named_after = speaker.entity.is_some_and(|id| {
                entities.get(id).is_some_and(|e| {
                    e.mentions.iter().any(|m| {
                        m.start > last_ref[k]
                            && m.start < mention.start
                            && m.form != crate::MentionForm::Pronoun
                    })
                })
            });
            // Only a recent description: within a few sentences of its last reference.
            let near = sentence_distance(sentences, last_ref[k], mention.start) <= 3;
            if !named_after && near {
                speaker.name = intro.name.clone();
                speaker.entity = None;
                last_ref[k] = mention.start;
            }
        } else if speaker.entity.is_none()
            && let Some(head) = definite_head(&words)
            && let Some(k) = intros
                .iter()
                .rposition(|i| i.start < mention.start && i.head == head)
        {
            speaker.name = intros[k].name.clone();
            last_ref[k] = mention.start;
        }
    }
}

/// Sets `speaker.entity` and `speaker.name` from the entity mention the speaker mention
/// overlaps most (ties go to the earlier mention).
pub fn speakers_to_entities(quotes: &mut [Quote], entities: &[Entity]) {
    for quote in quotes {
        let Some(speaker) = &mut quote.speaker else {
            continue;
        };
        let Some(mention) = &speaker.mention else {
            continue;
        };
        let mut best: Option<(usize, &Entity)> = None;
        for entity in entities {
            for m in &entity.mentions {
                let shared = m
                    .end
                    .min(mention.end)
                    .saturating_sub(m.start.max(mention.start));
                if shared > 0 && best.is_none_or(|(b, _)| shared > b) {
                    best = Some((shared, entity));
                }
            }
        }
        if let Some((_, entity)) = best {
            speaker.entity = Some(entity.id);
            speaker.name = entity.name.clone();
        }
    }
}

/// An unnamed person introduced at the start of a sentence: "One prisoner spoke …".
#[derive(Debug)]
struct Intro {
    /// Code-point offset of the description.
    start: usize,
    /// The description, lowercased: "one prisoner".
    name: String,
    /// Its head noun: "prisoner".
    head: String,
}

/// Sentence-initial indefinite descriptions followed by a verb.
static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(One|A|An|Another)\s+((?:\p{Ll}[\p{Ll}-]*\s+)?\p{Ll}[\p{Ll}-]*)\s+(?:who\b|,|spoke|said|says|told|tells|stated|explained|described|added|recalled|wrote|asked|insisted|claimed|was|is|has|had|\p{Ll}+ed\b)|(Un|Une)\s+(\p{Ll}[\p{Ll}-]*)\s+(?:qui\b|,|a|avait|est|raconte|explique|témoigne|affirme|déclare)\b|(Ein|Eine|Einer)\s+(\p{Lu}\p{Ll}+)\s+(?:der|die|,|sagte|sagt|erzählte|erzählt|berichtete|berichtet|erklärte|erklärt|hat|hatte|ist|war)\b)",
    )
    .expect("introduction pattern")
});

fn introductions(text: &str, sentences: &[Sentence]) -> Vec<Intro> {
    let mut out = Vec::new();
    let mut chars = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    // Byte offsets of sentence starts, walking the char offsets once.
    let mut at = 0usize;
    let mut byte = chars.next().unwrap_or(0);
    for s in sentences {
        while at < s.start {
            byte = chars.next().unwrap_or(text.len());
            at += 1;
        }
        let head = &text[byte..];
        let head = &head[..floor_boundary(head, 120)];
        let Some(c) = INTRO.captures(head) else {
            continue;
        };
        let (det, words) = match (c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6)) {
            (Some(d), Some(w), ..) => (d.as_str(), w.as_str()),
            (_, _, Some(d), Some(w), ..) => (d.as_str(), w.as_str()),
            (.., Some(d), Some(w)) => (d.as_str(), w.as_str()),
            _ => continue,
        };
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        let Some(head_noun) = words.split(' ').next_back() else {
            continue;
        };
        if STOP_HEADS.contains(&head_noun.to_lowercase().as_str()) {
            continue;
        }
        out.push(Intro {
            start: s.start,
            name: format!("{} {}", det.to_lowercase(), words),
            head: head_noun.to_lowercase(),
        });
    }
    out
}

/// Heads that describe no one: "A lot said…", "One day…".
const STOP_HEADS: &[&str] = &[
    "day",
    "year",
    "week",
    "month",
    "time",
    "lot",
    "number",
    "few",
    "third",
    "half",
    "source",
    "report",
    "statement",
    "study",
    "survey",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// The largest char boundary of `s` not after `max` bytes.
fn floor_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    let mut i = max;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn is_pronoun(words: &str) -> bool {
    matches!(
        words,
        "he" | "she" | "him" | "her" | "il" | "elle" | "lui" | "er" | "sie" | "ihm" | "ihr"
    )
}

/// "the prisoner" → "prisoner"; "le détenu" → "détenu"; "der Häftling" → "häftling".
fn definite_head(words: &str) -> Option<String> {
    let mut it = words.split_whitespace();
    let det = it.next()?;
    let noun = it.next()?;
    if it.next().is_some() {
        return None;
    }
    matches!(det, "the" | "le" | "la" | "der" | "die").then(|| noun.to_string())
}

/// How many sentence starts lie in `(from, to]`.
fn sentence_distance(sentences: &[Sentence], from: usize, to: usize) -> usize {
    sentences
        .iter()
        .filter(|s| s.start > from && s.start <= to)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{EntityKind, EntityMention, MentionForm};
    use crate::mention::Mention;
    use crate::quotes::{QuoteKind, Speaker};
    use crate::sentences;

    fn quote_by(text: &str, content: &str, mention: &str, nth: usize) -> Quote {
        let cs = text[..text.find(content).expect("content")].chars().count();
        // The nth occurrence of the mention as whole words.
        let re = Regex::new(&format!(r"\b{}\b", regex::escape(mention))).unwrap();
        let byte = re.find_iter(text).nth(nth).expect("mention").start();
        let ms = text[..byte].chars().count();
        Quote {
            text: content.into(),
            start: cs,
            end: cs + content.chars().count(),
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                name: mention.into(),
                entity: None,
                mention: Some(Mention::of(text, ms, ms + mention.chars().count())),
            }),
            cue: None,
        }
    }

    #[test]
    fn pronoun_speaker_takes_the_entity_name() {
        let text = "Dmitry Peskov spoke. \"No,\" he said.";
        let entities = vec![Entity {
            id: 0,
            kind: EntityKind::Person,
            name: "Dmitry Peskov".into(),
            mentions: vec![
                EntityMention {
                    text: "Dmitry Peskov".into(),
                    start: 0,
                    end: 13,
                    form: MentionForm::Name,
                },
                EntityMention {
                    text: "he".into(),
                    start: 27,
                    end: 29,
                    form: MentionForm::Pronoun,
                },
            ],
        }];
        let mut quotes = vec![quote_by(text, "No,", "he", 0)];
        let sents = sentences::split(text, "en");
        speakers(text, &sents, &mut quotes, &entities);
        let s = quotes[0].speaker.as_ref().unwrap();
        assert_eq!((s.entity, s.name.as_str()), (Some(0), "Dmitry Peskov"));
    }

    #[test]
    fn unnamed_source_introduced_by_a_description() {
        let text = "His brother David Whelan said ten volunteers had left. One prisoner spoke to a reporter from his cell. He spoke on condition of anonymity. He stated, \"They will accept murderers.\" Later the prisoner said: \"I just want to go home.\"";
        // A careless pronoun resolution tied "He" to David Whelan, mentioned earlier.
        let he = text.match_indices("He stated").next().unwrap().0;
        let he = text[..he].chars().count();
        let entities = vec![Entity {
            id: 0,
            kind: EntityKind::Person,
            name: "David Whelan".into(),
            mentions: vec![
                EntityMention {
                    text: "David Whelan".into(),
                    start: 12,
                    end: 24,
                    form: MentionForm::Name,
                },
                EntityMention {
                    text: "He".into(),
                    start: he,
                    end: he + 2,
                    form: MentionForm::Pronoun,
                },
            ],
        }];
        let mut quotes = vec![
            quote_by(text, "They will accept murderers.", "He", 1),
            quote_by(text, "I just want to go home.", "the prisoner", 0),
        ];
        let sents = sentences::split(text, "en");
        speakers(text, &sents, &mut quotes, &entities);
        for q in &quotes {
            let s = q.speaker.as_ref().unwrap();
            assert_eq!((s.name.as_str(), s.entity), ("one prisoner", None), "{q:?}");
        }
    }

    #[test]
    fn a_description_stays_the_antecedent_while_it_is_referred_to() {
        let text = "One prisoner spoke to CNN. He spoke on condition of anonymity. He stated, \"It is hard.\" The food is bad. The cells are cold. According to him, the offer came in July. Guards came often. The days are long. While he had served, he stated that no experience was needed.";
        let mut quotes = vec![
            quote_by(text, "It is hard.", "He", 1),
            quote_by(text, "the offer came in July", "him", 0),
            quote_by(text, "no experience was needed", "he", 1),
        ];
        let sents = sentences::split(text, "en");
        speakers(text, &sents, &mut quotes, &[]);
        for q in &quotes {
            assert_eq!(q.speaker.as_ref().unwrap().name, "one prisoner", "{q:?}");
        }
    }

    #[test]
    fn a_named_person_after_the_description_wins() {
        let text = "One prisoner spoke to CNN. Vladimir Osechkin runs a charity. He said: \"It is illegal.\"";
        let he = text.find("He said").unwrap();
        let entities = vec![Entity {
            id: 0,
            kind: EntityKind::Person,
            name: "Vladimir Osechkin".into(),
            mentions: vec![
                EntityMention {
                    text: "Vladimir Osechkin".into(),
                    start: 27,
                    end: 44,
                    form: MentionForm::Name,
                },
                EntityMention {
                    text: "He".into(),
                    start: he,
                    end: he + 2,
                    form: MentionForm::Pronoun,
                },
            ],
        }];
        let mut quotes = vec![quote_by(text, "It is illegal.", "He", 0)];
        let sents = sentences::split(text, "en");
        speakers(text, &sents, &mut quotes, &entities);
        assert_eq!(
            quotes[0].speaker.as_ref().unwrap().name,
            "Vladimir Osechkin"
        );
    }

    #[test]
    fn days_and_reports_are_not_speakers() {
        let text = "One day passed. He said: \"No.\"";
        let mut quotes = vec![quote_by(text, "No.", "He", 0)];
        let sents = sentences::split(text, "en");
        speakers(text, &sents, &mut quotes, &[]);
        assert_eq!(quotes[0].speaker.as_ref().unwrap().name, "He");
    }
}
