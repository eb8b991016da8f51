//! A clean article becomes facts a reader can follow: its language, sentences, named
//! entities (with their short forms, role references and pronouns), quotes with their
//! speakers, every number expression (quantities) and the figures worth tracking (claims)
//! with what they count, who claims them and how they are hedged.
//!
//! Everything here is a pure function of the text: no I/O, no globals that change.
//! Offsets are Unicode code-point offsets into the text, half-open (`[start, end)`).
//!
//! The pipeline ([`analyse`]) runs the stages in the order their inputs allow:
//! language → sentences → quantities → entities → quotes → (link speakers to entities)
//! → claims.

pub mod claims;
pub mod entities;
pub mod invariants;
pub mod language;
mod link;
mod mention;
pub mod quantities;
pub mod quotes;
pub mod sentences;

use serde::{Deserialize, Serialize};
use storyline_core::Article;

pub use claims::Claim;
pub use entities::{Entity, EntityKind, EntityMention, MentionForm};
pub use language::LanguageGuess;
pub use mention::Mention;
pub use quantities::Quantity;
pub use quotes::{Quote, QuoteKind, Speaker};
pub use sentences::Sentence;

/// What the caller knows beyond the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Forces the language (ISO 639-1) instead of detecting it.
    pub lang: Option<String>,
    /// The outlet that published the text: the claimant of unattributed figures.
    pub outlet: Option<String>,
}

/// Everything the analysis finds in one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The language the stages used: forced, else detected (None when undecidable).
    pub language: Option<LanguageGuess>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
}

/// Analyses `text`: every stage, in order, each using the decided language.
pub fn analyse(text: &str, options: &Options) -> Analysis {
    let language = match &options.lang {
        Some(code) => Some(LanguageGuess::forced(code)),
        None => language::detect(text),
    };
    let lang = language.as_ref().map_or("en", |l| l.code.as_str());
    let sentences = sentences::split(text, lang);
    let quantities = quantities::recognize(text, lang);
    let entities = entities::find(text, &sentences, lang);
    let mut quotes = quotes::find(text, &sentences, lang);
    link::speakers(text, &sentences, &mut quotes, &entities);
    let claims = claims::find(&claims::Input {
        text,
        lang,
        sentences: &sentences,
        quantities: &quantities,
        entities: &entities,
        quotes: &quotes,
        outlet: options.outlet.as_deref(),
    });
    Analysis {
        language,
        sentences,
        entities,
        quotes,
        quantities,
        claims,
    }
}

/// An article with its analysis: the output of `storyline analyse` (see `docs/json.md`).
///
/// The article's `language` is the analysis's decision; `language_confidence` says how
/// sure it is (1.0 when forced).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnnotatedArticle {
    #[serde(flatten)]
    pub article: Article,
    pub language_confidence: Option<f64>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
}

/// Analyses an article's `text`; the outlet claims its unattributed figures. Without a
/// forced language, the article's own language is used when the text alone cannot tell.
pub fn annotate(mut article: Article, options: &Options) -> AnnotatedArticle {
    let mut options = options.clone();
    if options.outlet.is_none() {
        options.outlet = article.outlet.clone();
    }
    let mut analysis = analyse(&article.text, &options);
    if analysis.language.is_none()
        && let Some(code) = article.language.clone()
    {
        // Re-run with the page's declared language: short texts cannot be told apart.
        options.lang = Some(code);
        analysis = analyse(&article.text, &options);
        if let Some(l) = &mut analysis.language {
            l.confidence = 0.0;
        }
    }
    article.language = analysis.language.as_ref().map(|l| l.code.clone());
    AnnotatedArticle {
        article,
        language_confidence: analysis.language.map(|l| l.confidence),
        sentences: analysis.sentences,
        entities: analysis.entities,
        quotes: analysis.quotes,
        quantities: analysis.quantities,
        claims: analysis.claims,
    }
}
