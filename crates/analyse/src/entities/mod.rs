//! Named entities — people, organisations, places — with a canonical name and every
//! mention: full names, later short forms, role references and pronouns resolved within
//! the article.
//!
//! PLACEHOLDER: being written; finds nothing yet.

use serde::{Deserialize, Serialize};

use crate::sentences::Sentence;

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
pub fn find(_text: &str, _sentences: &[Sentence], _lang: &str) -> Vec<Entity> {
    Vec::new()
}
