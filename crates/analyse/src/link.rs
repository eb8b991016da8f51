//! Ties each quote's speaker to the entity its mention refers to.
//!
//! Quotes are found without knowing entities: a speaker is the words that attribute the
//! quote. Entities (with their resolved short forms, roles and pronouns) are found without
//! knowing quotes. Here the two meet: a speaker mention that overlaps an entity mention
//! takes that entity's id and canonical name.

use crate::entities::Entity;
use crate::quotes::Quote;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{EntityKind, EntityMention, MentionForm};
    use crate::mention::Mention;
    use crate::quotes::{QuoteKind, Speaker};

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
        let mut quotes = vec![Quote {
            text: "No,".into(),
            start: 22,
            end: 25,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                name: "he".into(),
                entity: None,
                mention: Some(Mention::of(text, 27, 29)),
            }),
            cue: None,
        }];
        speakers_to_entities(&mut quotes, &entities);
        let s = quotes[0].speaker.as_ref().unwrap();
        assert_eq!((s.entity, s.name.as_str()), (Some(0), "Dmitry Peskov"));
    }

    #[test]
    fn unnamed_speaker_keeps_its_description() {
        let text = "\"It was hell,\" one prisoner said.";
        let mut quotes = vec![Quote {
            text: "It was hell,".into(),
            start: 1,
            end: 13,
            kind: QuoteKind::Direct,
            speaker: Some(Speaker {
                name: "one prisoner".into(),
                entity: None,
                mention: Some(Mention::of(text, 15, 27)),
            }),
            cue: None,
        }];
        speakers_to_entities(&mut quotes, &[]);
        assert_eq!(quotes[0].speaker.as_ref().unwrap().name, "one prisoner");
    }
}
