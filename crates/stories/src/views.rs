//! What readers see: the serde types of every view (`storyline stories|story|trends|day
//! --json`, the web pages and the JSON API). Documented in `docs/json.md` ("Stories").

use serde::Serialize;
use storyline_analyse::AnnotatedArticle;
use storyline_group::CopyLink;
use storyline_group::ledger::LedgerLine;
use storyline_store::VersionInfo;

/// A story in a list: enough to show a line of the home page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct StorySummary {
    pub id: u32,
    /// The headline: the title of the story's earliest original article.
    pub title: String,
    /// The story's heaviest words and names (for people: what it is about).
    pub labels: Vec<String>,
    /// Original articles (copies folded).
    pub articles: u32,
    /// Copies folded under their originals.
    pub copies: u32,
    /// Distinct outlets of the originals, most articles first.
    pub outlets: Vec<String>,
    /// Languages of all its articles (ISO 639-1), most articles first.
    pub languages: Vec<String>,
    /// Publication time of the earliest and the latest original (RFC 3339).
    pub first: Option<String>,
    pub last: Option<String>,
}

/// An article as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleRef {
    /// The article's id in this store.
    pub id: i64,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    /// The story it belongs to.
    pub story: Option<u32>,
}

/// An article of a story page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryArticle {
    #[serde(flatten)]
    pub article: ArticleRef,
    /// The id of the article this one copies (its original), when it is a copy.
    pub copy_of: Option<i64>,
    /// How it copies: kind, similarity, figures that differ from the original's.
    pub copy: Option<CopyLink>,
    /// The outlet the article says it republishes ("Source: Le Parisien").
    pub original_outlet: Option<String>,
}

/// A story with every article's id, URL, outlet, date and copy link (`storyline stories
/// --all --json`: a grouping scored from outside).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryMembers {
    #[serde(flatten)]
    pub story: StorySummary,
    pub articles: Vec<StoryArticle>,
}

/// A highlight of a story: a sentence of one of its articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryHighlight {
    pub article: i64,
    pub outlet: Option<String>,
    /// Code-point offsets into that article's text, half-open.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A person, organisation or place named in a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityCount {
    pub name: String,
    /// `person`, `organisation`, `place` (as the analysis names them).
    pub kind: String,
    /// Original articles naming it, and mentions over them.
    pub articles: u32,
    pub mentions: u32,
}

/// A quote with where it was published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRef {
    pub article: i64,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub text: String,
    /// Code-point offsets into the article's text.
    pub start: usize,
    pub end: usize,
    /// said, told, according to, denied…
    pub cue: Option<String>,
    /// direct, indirect, mixed.
    pub kind: String,
    /// The speaker's name or description.
    pub speaker: String,
}

/// The quotes of one speaker in a story, in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerQuotes {
    pub speaker: String,
    /// True when the speaker is a named entity of the article (not a description).
    pub named: bool,
    pub quotes: Vec<QuoteRef>,
}

/// Coverage of a story on one day by one outlet (copies folded).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelinePoint {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub outlet: String,
    pub articles: u32,
}

/// A story near another ("read also").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelatedStory {
    pub story: StorySummary,
    /// Centroid similarity, 0–1.
    pub score: f32,
    /// The names and words the two stories share: the reason they are related.
    pub shared: Vec<String>,
}

/// Everything a story page shows (`storyline story ID --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryPage {
    #[serde(flatten)]
    pub summary: StorySummary,
    /// Every article, by publication date then outlet; copies carry `copy_of`.
    pub articles: Vec<StoryArticle>,
    /// 3–5 sentences from the originals.
    pub highlights: Vec<StoryHighlight>,
    /// Named people, organisations and places, most articles first.
    pub entities: Vec<EntityCount>,
    /// Quotes of the originals grouped by speaker, most quoted first.
    pub quotes: Vec<SpeakerQuotes>,
    /// The figure ledger: each quantity's figures over time, copies left out.
    pub ledger: Vec<LedgerLine>,
    /// Coverage by day and outlet, oldest first.
    pub timeline: Vec<TimelinePoint>,
    /// Related stories, nearest first.
    pub related: Vec<RelatedStory>,
}

/// Everything an article page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticlePage {
    pub id: i64,
    /// The identity key (`url:…`, `id:…`, `text:…`).
    pub identity: String,
    /// The latest version's number and when it was ingested.
    pub version: i64,
    pub ingested_at: String,
    /// The annotated article (docs/json.md), latest version.
    pub annotated: AnnotatedArticle,
    /// The article's own 3–5 highlights.
    pub highlights: Vec<storyline_group::highlights::Highlight>,
    pub story: Option<StorySummary>,
    /// The original it copies, and how.
    pub copy_of: Option<ArticleRef>,
    pub copy: Option<CopyLink>,
    /// Articles copying this one.
    pub copies: Vec<ArticleRef>,
    /// Every version, oldest first.
    pub versions: Vec<VersionInfo>,
}

/// A trending story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendRow {
    pub story: StorySummary,
    /// Distinct outlets (copies folded) in the 24 hours before `now`.
    pub outlets: usize,
    /// The story's own mean outlets per day over the week before, and the archive's mean.
    pub own_baseline: f32,
    pub archive_baseline: f32,
    pub score: f32,
}

/// Trending stories and the clock they were measured at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trends {
    /// The end of the 24-hour window (RFC 3339): the newest article's time, or the
    /// wall clock when that is earlier.
    pub now: Option<String>,
    pub stories: Vec<TrendRow>,
}

/// The stories of one day with that day's articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayStory {
    pub story: StorySummary,
    pub articles: Vec<StoryArticle>,
}

/// The per-day archive (`storyline day 2023-11-10`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayPage {
    pub day: String,
    /// Stories with most articles that day first.
    pub stories: Vec<DayStory>,
    /// The nearest earlier and later days with articles.
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// An outlet's page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletPage {
    pub outlet: String,
    pub articles: i64,
    pub languages: Vec<String>,
    /// Its latest articles, newest first.
    pub recent: Vec<ArticleRef>,
    /// The stories it covered, latest first.
    pub stories: Vec<StorySummary>,
}

/// A person's, organisation's or place's page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityPage {
    pub name: String,
    pub kind: Option<String>,
    /// Stories naming it, latest first.
    pub stories: Vec<StorySummary>,
    /// Its quotes (when it speaks), newest first.
    pub quotes: Vec<QuoteRef>,
    /// Articles naming it, newest first.
    pub articles: Vec<ArticleRef>,
}

/// A search hit with its story.
#[derive(Debug, Clone, Serialize)]
pub struct SearchHit {
    #[serde(flatten)]
    pub hit: storyline_store::Hit,
    pub story: Option<u32>,
}

/// A search's answer.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub query: String,
    pub total: usize,
    /// `total` is an estimate (see `storyline_store::Results`).
    pub total_estimated: bool,
    pub hits: Vec<SearchHit>,
}

/// A count with its thousands grouped by commas, as the pages and the CLI show it
/// (`910000` → `910,000`).
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod thousands_tests {
    #[test]
    fn thousands_are_grouped() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_000), "1,000");
        assert_eq!(super::thousands(910_000), "910,000");
        assert_eq!(super::thousands(12_345_678), "12,345,678");
    }
}
