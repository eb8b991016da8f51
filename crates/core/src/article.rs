use serde::{Deserialize, Serialize};

/// One clean article: what the extractor makes of one page.
///
/// See `docs/json.md` for the JSON contract. Dates are RFC 3339 strings: a
/// `date-time` (`2023-11-10T17:03:27.543Z`) when the source gives a time, else a
/// `full-date` (`2023-11-10`); a date is never invented.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// The page's address as given (`--url`, the fetch URL, or `og:url` when nothing was given).
    pub url: Option<String>,
    /// The page's own `<link rel=canonical>` (or `og:url`), made absolute.
    pub canonical_url: Option<String>,
    /// The article's headline, without the " | Site name" suffix.
    pub title: Option<String>,
    /// The standfirst / highlights paragraph, when the page has one.
    pub teaser: Option<String>,
    /// Author names, in byline order, without "By" and without the outlet's name.
    pub authors: Vec<String>,
    /// Publication time (RFC 3339 date-time or full-date), or null.
    pub published: Option<String>,
    /// Where `published` was read from; null exactly when `published` is null.
    pub published_from: Option<DateSource>,
    /// Last modification time (RFC 3339), or null.
    pub modified: Option<String>,
    /// The site's name ("The Limited Times"), from metadata, the page itself or its host.
    pub outlet: Option<String>,
    /// The outlet whose work this page republishes ("Le Parisien", "CNN"), else null.
    pub original_outlet: Option<String>,
    /// ISO 639-1 code of the article's language, or null when it cannot be told.
    pub language: Option<String>,
    /// Body paragraphs in order; in-body headings are paragraphs of their own.
    pub paragraphs: Vec<String>,
    /// The paragraphs joined by a blank line (`"\n\n"`).
    pub text: String,
    /// Links inside the body: anchor text and absolute address.
    pub links: Vec<Link>,
    /// The path, `-` or URL the page came from.
    pub input: Option<String>,
    /// Things the extractor could not find or had to guess ("no date found").
    pub warnings: Vec<String>,
}

impl Article {
    /// Sets `paragraphs` and derives `text` from them, keeping the two in step.
    pub fn set_paragraphs(&mut self, paragraphs: Vec<String>) {
        self.text = paragraphs.join("\n\n");
        self.paragraphs = paragraphs;
    }
}

/// Where a publication date was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// schema.org JSON-LD (`datePublished`).
    Jsonld,
    /// `<meta>` tags: OpenGraph `article:published_time`, Dublin Core, `pubdate`, …
    Meta,
    /// A `<time datetime>` element.
    Time,
    /// A date in the page's address (`/2023/11/10/`).
    Url,
    /// A date written in the page's text (a leading timestamp, "Published 10 November 2023").
    Text,
}

/// A link inside the article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The anchor text, whitespace collapsed.
    pub text: String,
    /// The absolute address (relative links resolved against the page's URL).
    pub href: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_follows_paragraphs() {
        let mut a = Article::default();
        a.set_paragraphs(vec!["One.".into(), "Two.".into()]);
        assert_eq!(a.text, "One.\n\nTwo.");
    }

    #[test]
    fn json_round_trip_uses_snake_case_and_lowercase_sources() {
        let a = Article {
            published: Some("2023-11-10T17:03:27.543Z".into()),
            published_from: Some(DateSource::Jsonld),
            ..Article::default()
        };
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["published_from"], "jsonld");
        assert!(json.get("canonical_url").is_some());
        let back: Article = serde_json::from_value(json).unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn missing_fields_default() {
        let a: Article = serde_json::from_str(r#"{"title":"t","text":"x"}"#).unwrap();
        assert_eq!(a.title.as_deref(), Some("t"));
        assert!(a.paragraphs.is_empty());
    }
}
