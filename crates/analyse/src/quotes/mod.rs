//! Quotes — direct, indirect and mixed — with their speaker and the verb or phrase that
//! attributes them.
//!
//! PLACEHOLDER: being written; finds nothing yet.

use serde::{Deserialize, Serialize};

use crate::mention::Mention;
use crate::sentences::Sentence;

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

/// The quotes of `text`, in order of their start.
pub fn find(_text: &str, _sentences: &[Sentence], _lang: &str) -> Vec<Quote> {
    Vec::new()
}
