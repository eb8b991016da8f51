//! Claims: the figures a reader would track — counts of people and things, money,
//! durations, percentages, ranges and vague magnitudes — with what they count, who claims
//! them and how they are hedged.
//!
//! PLACEHOLDER: being written; finds nothing yet.

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

/// The claims of a text, in order of position.
pub fn find(_input: &Input<'_>) -> Vec<Claim> {
    Vec::new()
}
