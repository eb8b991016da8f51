//! The views: what [`Archive`] answers for lists and pages, assembled from the index,
//! the archive's facts and the stored articles with the grouping stage's pure functions
//! (highlights, ledger).

use std::collections::HashMap;

use storyline_analyse::AnnotatedArticle;
use storyline_analyse::entities::EntityKind;
use storyline_analyse::quotes::{Quote, QuoteKind};
use storyline_group::highlights;
use storyline_group::ledger::{self, LedgerArticle};
use storyline_group::text::{civil_from_days, parse_date};
use storyline_store::{SearchQuery, Stored};

use crate::ArchiveError;
use crate::archive::{Archive, StoryFilter};
use crate::views::*;

/// Most articles whose bodies a story page reads (the newest originals).
const PAGE_BODIES: usize = 400;
/// Related stories on a story page.
const RELATED: usize = 5;

/// An RFC 3339 date-time (UTC) of seconds since 1970.
pub(crate) fn rfc3339(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
        EntityKind::Place => "place",
    }
}

fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Mixed => "mixed",
    }
}

/// Names by how often they occur, most first (ties by name).
fn ranked<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for n in names {
        *counts.entry(n).or_default() += 1;
    }
    let mut v: Vec<(&str, u32)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().map(|(n, _)| n.to_string()).collect()
}

impl Archive {
    fn is_copy(&self, id: u64) -> bool {
        self.index.original_of(id).is_some()
    }

    fn article_ref(&self, s: &Stored) -> ArticleRef {
        ArticleRef {
            id: s.article_id,
            url: s.url.clone(),
            title: s.title.clone(),
            outlet: s.outlet.clone(),
            language: s.language.clone(),
            published: s.published.clone(),
            story: self.story_of(s.article_id),
        }
    }

    fn story_article(&self, s: &Stored, original_outlet: Option<String>) -> StoryArticle {
        let (copy_of, copy) = self.index.copy_of(s.article_id as u64).unzip();
        StoryArticle {
            article: self.article_ref(s),
            copy_of: copy_of.map(|of| of as i64),
            copy,
            original_outlet,
        }
    }

    /// A story's line in a list; None for an unknown id.
    pub fn summary(&self, story: u32) -> Result<Option<StorySummary>, ArchiveError> {
        let Some(s) = self.index.story(story) else {
            return Ok(None);
        };
        let members = self.members(s.id);
        let originals: Vec<u64> = members
            .iter()
            .copied()
            .filter(|&m| !self.is_copy(m))
            .collect();
        let headline = originals
            .iter()
            .copied()
            .min_by_key(|&m| (self.published_of(m).unwrap_or(i64::MAX), m))
            .or_else(|| members.first().copied());
        let title = match headline {
            Some(h) => self
                .store
                .meta_of(&[h as i64])?
                .pop()
                .and_then(|m| m.title)
                .unwrap_or_default(),
            None => String::new(),
        };
        let title = if title.trim().is_empty() {
            s.labels
                .iter()
                .take(4)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            title
        };
        Ok(Some(StorySummary {
            id: s.id,
            title,
            labels: s.labels.iter().take(8).cloned().collect(),
            articles: s.originals,
            copies: s.copies,
            outlets: ranked(originals.iter().filter_map(|&m| self.outlet_of(m))),
            languages: ranked(members.iter().filter_map(|&m| self.language_of(m))),
            first: s.first.map(rfc3339),
            last: s.last.map(rfc3339),
        }))
    }

    /// Stories, the most recently active first.
    pub fn stories(&self, filter: &StoryFilter) -> Result<Vec<StorySummary>, ArchiveError> {
        let mut live: Vec<(Option<i64>, u32)> = self
            .index
            .stories()
            .filter(|s| match filter.since {
                Some(t) => s.last.is_some_and(|l| l >= t),
                None => true,
            })
            .filter(|s| {
                let members = self.facts.members(s.id);
                filter.language.as_deref().is_none_or(|l| {
                    members.iter().any(|&m| {
                        self.language_of(m)
                            .is_some_and(|x| x.eq_ignore_ascii_case(l))
                    })
                }) && filter.outlet.as_deref().is_none_or(|o| {
                    members
                        .iter()
                        .any(|&m| self.outlet_of(m).is_some_and(|x| x.eq_ignore_ascii_case(o)))
                })
            })
            .map(|s| (s.last, s.id))
            .collect();
        live.sort_by(|a, b| b.cmp(a));
        let take = if filter.limit == 0 {
            usize::MAX
        } else {
            filter.limit
        };
        let mut out = Vec::new();
        for (_, id) in live.into_iter().skip(filter.offset).take(take) {
            if let Some(s) = self.summary(id)? {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// Every live story with all its articles' ids and URLs (`stories --all --json`: a
    /// grouping scored from outside).
    pub fn all_stories(&self) -> Result<Vec<StoryMembers>, ArchiveError> {
        let mut out = Vec::new();
        let mut ids: Vec<u32> = self.index.stories().map(|s| s.id).collect();
        ids.sort_unstable();
        for id in ids {
            let Some(summary) = self.summary(id)? else {
                continue;
            };
            let members: Vec<i64> = self.members(id).iter().map(|&m| m as i64).collect();
            let articles = self
                .store
                .meta_of(&members)?
                .iter()
                .map(|s| self.story_article(s, None))
                .collect();
            out.push(StoryMembers {
                story: summary,
                articles,
            });
        }
        Ok(out)
    }

    fn annotated(&self, id: i64) -> Result<Option<(Stored, AnnotatedArticle)>, ArchiveError> {
        let Some(s) = self.store.article(id)? else {
            return Ok(None);
        };
        let a: AnnotatedArticle =
            serde_json::from_str(&s.json).map_err(|e| ArchiveError::Json {
                id,
                reason: e.to_string(),
            })?;
        Ok(Some((s, a)))
    }

    /// A story's page; None for an unknown id.
    pub fn story(&self, story: u32) -> Result<Option<StoryPage>, ArchiveError> {
        let Some(summary) = self.summary(story)? else {
            return Ok(None);
        };
        let members: Vec<i64> = self.members(summary.id).iter().map(|&m| m as i64).collect();
        let metas = self.store.meta_of(&members)?;
        // Bodies of the newest originals (a story of thousands of articles stays bounded).
        let mut originals: Vec<&Stored> = metas
            .iter()
            .filter(|m| !self.is_copy(m.article_id as u64))
            .collect();
        originals.sort_by_key(|m| {
            std::cmp::Reverse((self.published_of(m.article_id as u64), m.article_id))
        });
        let mut bodies: Vec<(Stored, AnnotatedArticle)> = Vec::new();
        for m in originals.iter().take(PAGE_BODIES) {
            if let Some(x) = self.annotated(m.article_id)? {
                bodies.push(x);
            }
        }
        // Oldest first from here on.
        bodies.sort_by_key(|(s, _)| (self.published_of(s.article_id as u64), s.article_id));
        let original_outlets: HashMap<i64, Option<String>> = bodies
            .iter()
            .map(|(s, a)| (s.article_id, a.article.original_outlet.clone()))
            .collect();

        let mut articles: Vec<StoryArticle> = metas
            .iter()
            .map(|s| {
                let oo = original_outlets.get(&s.article_id).cloned().flatten();
                self.story_article(s, oo)
            })
            .collect();
        articles.sort_by(|a, b| {
            let key = |x: &StoryArticle| {
                (
                    x.article.published.as_deref().and_then(parse_date),
                    x.article.outlet.clone(),
                    x.article.id,
                )
            };
            key(a).cmp(&key(b))
        });

        let refs: Vec<&AnnotatedArticle> = bodies.iter().map(|(_, a)| a).collect();
        let highlights = highlights::story(&refs)
            .into_iter()
            .filter_map(|h| {
                let (s, _) = bodies.get(h.article)?;
                Some(StoryHighlight {
                    article: s.article_id,
                    outlet: s.outlet.clone(),
                    start: h.start,
                    end: h.end,
                    text: h.text,
                })
            })
            .collect();

        // Entities: by canonical name (case-folded) over originals.
        let mut ents: HashMap<String, EntityCount> = HashMap::new();
        for (_, a) in &bodies {
            for e in &a.entities {
                let c = ents
                    .entry(e.name.to_lowercase())
                    .or_insert_with(|| EntityCount {
                        name: e.name.clone(),
                        kind: kind_name(e.kind).to_string(),
                        articles: 0,
                        mentions: 0,
                    });
                c.articles += 1;
                c.mentions += e.mentions.len() as u32;
            }
        }
        let mut entities: Vec<EntityCount> = ents.into_values().collect();
        entities.sort_by(|a, b| {
            b.articles
                .cmp(&a.articles)
                .then(b.mentions.cmp(&a.mentions))
                .then(a.name.cmp(&b.name))
        });

        // Quotes by speaker.
        let mut by_speaker: HashMap<String, SpeakerQuotes> = HashMap::new();
        for (s, a) in &bodies {
            for q in outermost(&a.quotes) {
                let Some(sp) = &q.speaker else { continue };
                let e = by_speaker
                    .entry(sp.name.to_lowercase())
                    .or_insert_with(|| SpeakerQuotes {
                        speaker: sp.name.clone(),
                        named: sp.entity.is_some(),
                        quotes: Vec::new(),
                    });
                e.named |= sp.entity.is_some();
                e.quotes.push(QuoteRef {
                    article: s.article_id,
                    outlet: s.outlet.clone(),
                    published: s.published.clone(),
                    text: q.text.clone(),
                    start: q.start,
                    end: q.end,
                    cue: q.cue.as_ref().map(|c| c.text.clone()),
                    kind: quote_kind(q.kind).to_string(),
                    speaker: sp.name.clone(),
                });
            }
        }
        let mut quotes: Vec<SpeakerQuotes> = by_speaker.into_values().collect();
        quotes.sort_by(|a, b| {
            b.named
                .cmp(&a.named)
                .then(b.quotes.len().cmp(&a.quotes.len()))
                .then(a.speaker.cmp(&b.speaker))
        });

        let ledger_input: Vec<LedgerArticle<'_>> = bodies
            .iter()
            .map(|(s, a)| LedgerArticle {
                id: s.article_id as u64,
                outlet: s.outlet.as_deref(),
                published: s.published.as_deref(),
                copy_of: None,
                claims: &a.claims,
            })
            .collect();
        let ledger = ledger::build(&ledger_input);

        // Timeline: originals per day and outlet.
        let mut points: HashMap<(String, String), u32> = HashMap::new();
        for a in articles.iter().filter(|a| a.copy_of.is_none()) {
            let day = a
                .article
                .published
                .as_deref()
                .and_then(parse_date)
                .map(|t| civil_from_days(t.div_euclid(86_400)));
            if let Some(day) = day {
                let outlet = a.article.outlet.clone().unwrap_or_else(|| "unknown".into());
                *points.entry((day, outlet)).or_default() += 1;
            }
        }
        let mut timeline: Vec<TimelinePoint> = points
            .into_iter()
            .map(|((day, outlet), articles)| TimelinePoint {
                day,
                outlet,
                articles,
            })
            .collect();
        timeline.sort_by(|a, b| a.day.cmp(&b.day).then(a.outlet.cmp(&b.outlet)));

        let mut related = Vec::new();
        for r in self.index.related(summary.id, RELATED) {
            if let Some(story) = self.summary(r.story)? {
                related.push(RelatedStory {
                    story,
                    score: r.score,
                    shared: r.shared,
                });
            }
        }

        Ok(Some(StoryPage {
            summary,
            articles,
            highlights,
            entities,
            quotes,
            ledger,
            timeline,
            related,
        }))
    }

    /// An article's page; None for an unknown id.
    pub fn article(&self, id: i64) -> Result<Option<ArticlePage>, ArchiveError> {
        let Some((s, annotated)) = self.annotated(id)? else {
            return Ok(None);
        };
        let story = match self.story_of(id) {
            Some(st) => self.summary(st)?,
            None => None,
        };
        let copy = self.index.copy_of(id as u64);
        let copy_of = match copy {
            Some((of, _)) => self
                .store
                .meta_of(&[of as i64])?
                .first()
                .map(|m| self.article_ref(m)),
            None => None,
        };
        let copies: Vec<i64> = match story.as_ref() {
            Some(st) => self
                .members(st.id)
                .iter()
                .filter(|&&m| self.index.original_of(m) == Some(id as u64))
                .map(|&m| m as i64)
                .collect(),
            None => Vec::new(),
        };
        let copies = self
            .store
            .meta_of(&copies)?
            .iter()
            .map(|m| self.article_ref(m))
            .collect();
        let versions = self.store.versions(&s.identity)?;
        Ok(Some(ArticlePage {
            id,
            identity: s.identity.clone(),
            version: s.version,
            ingested_at: s.ingested_at.clone(),
            highlights: highlights::article(&annotated),
            annotated,
            story,
            copy_of,
            copy: copy.map(|(_, l)| l.clone()),
            copies,
            versions,
        }))
    }

    /// The newest article's time, or `now` when that is earlier: the clock of trends on
    /// an archive that stopped growing.
    pub fn clock(&self, now: i64) -> Option<i64> {
        let newest = self.index.stories().filter_map(|s| s.last).max()?;
        Some(newest.min(now))
    }

    /// Trending stories in the 24 hours before `now` (the archive's [`clock`](Self::clock)).
    pub fn trends(&self, now: i64, n: usize) -> Result<Trends, ArchiveError> {
        let Some(at) = self.clock(now) else {
            return Ok(Trends {
                now: None,
                stories: Vec::new(),
            });
        };
        let mut stories = Vec::new();
        for t in self.index.trends(at, n) {
            if let Some(story) = self.summary(t.story)? {
                stories.push(TrendRow {
                    story,
                    outlets: t.outlets,
                    own_baseline: t.own_baseline,
                    archive_baseline: t.archive_baseline,
                    score: t.score,
                });
            }
        }
        Ok(Trends {
            now: Some(rfc3339(at)),
            stories,
        })
    }

    /// The per-day archive: the stories with articles on `day` (`YYYY-MM-DD`); None when
    /// `day` is not a date.
    pub fn day(&self, day: &str) -> Result<Option<DayPage>, ArchiveError> {
        let Some(t) = parse_date(day).filter(|_| day.len() == 10) else {
            return Ok(None);
        };
        let day = civil_from_days(t.div_euclid(86_400));
        let ids = self.store.on_day(&day)?;
        let metas = self.store.meta_of(&ids)?;
        let mut by: HashMap<Option<u32>, Vec<StoryArticle>> = HashMap::new();
        for m in &metas {
            let a = self.story_article(m, None);
            by.entry(a.article.story).or_default().push(a);
        }
        let mut stories = Vec::new();
        for (story, mut articles) in by {
            let Some(story) = story else { continue };
            let Some(summary) = self.summary(story)? else {
                continue;
            };
            articles.sort_by(|a, b| {
                (a.article.published.as_deref(), a.article.id)
                    .cmp(&(b.article.published.as_deref(), b.article.id))
            });
            stories.push(DayStory {
                story: summary,
                articles,
            });
        }
        stories.sort_by(|a, b| {
            let originals =
                |d: &DayStory| d.articles.iter().filter(|a| a.copy_of.is_none()).count();
            originals(b)
                .cmp(&originals(a))
                .then(a.story.id.cmp(&b.story.id))
        });
        let (previous, next) = self.store.days_around(&day)?;
        Ok(Some(DayPage {
            day,
            stories,
            previous,
            next,
        }))
    }

    /// An outlet's page; None when the store has no article from it.
    pub fn outlet(&self, outlet: &str, recent: usize) -> Result<Option<OutletPage>, ArchiveError> {
        let (rows, total) = self.store.of_outlet(outlet, recent.max(1))?;
        if total == 0 {
            return Ok(None);
        }
        let languages = ranked(rows.iter().filter_map(|r| r.language.as_deref()));
        let mut story_ids: Vec<u32> = Vec::new();
        for r in &rows {
            if let Some(s) = self.story_of(r.article_id)
                && !story_ids.contains(&s)
            {
                story_ids.push(s);
            }
        }
        let mut stories = Vec::new();
        for id in story_ids {
            if let Some(s) = self.summary(id)? {
                stories.push(s);
            }
        }
        Ok(Some(OutletPage {
            outlet: outlet.to_string(),
            articles: total,
            languages,
            recent: rows.iter().map(|r| self.article_ref(r)).collect(),
            stories,
        }))
    }

    /// A person's, organisation's or place's page: the articles whose analysis names it
    /// (found through the search index), their stories and its quotes. None when no
    /// article names it.
    pub fn entity(&self, name: &str, most: usize) -> Result<Option<EntityPage>, ArchiveError> {
        let name = name.trim();
        if name.is_empty() {
            return Ok(None);
        }
        let phrase = name.replace('"', " ");
        let found = self.store.search(&SearchQuery {
            text: format!("\"{phrase}\""),
            lang: None,
            outlet: None,
            since: None,
            limit: most.max(1) * 4,
        })?;
        let mut kind = None;
        let mut articles: Vec<(Option<i64>, ArticleRef)> = Vec::new();
        let mut quotes: Vec<QuoteRef> = Vec::new();
        let mut canonical = None;
        for h in &found.hits {
            let Some((s, a)) = self.annotated(h.id)? else {
                continue;
            };
            let Some(e) = a
                .entities
                .iter()
                .find(|e| e.name.eq_ignore_ascii_case(name))
            else {
                continue;
            };
            kind.get_or_insert(kind_name(e.kind).to_string());
            canonical.get_or_insert(e.name.clone());
            for q in outermost(&a.quotes) {
                if let Some(sp) = &q.speaker
                    && sp.entity == Some(e.id)
                {
                    quotes.push(QuoteRef {
                        article: s.article_id,
                        outlet: s.outlet.clone(),
                        published: s.published.clone(),
                        text: q.text.clone(),
                        start: q.start,
                        end: q.end,
                        cue: q.cue.as_ref().map(|c| c.text.clone()),
                        kind: quote_kind(q.kind).to_string(),
                        speaker: sp.name.clone(),
                    });
                }
            }
            articles.push((
                s.published.as_deref().and_then(parse_date),
                self.article_ref(&s),
            ));
            if articles.len() >= most {
                break;
            }
        }
        if articles.is_empty() {
            return Ok(None);
        }
        articles.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.id.cmp(&a.1.id)));
        quotes.sort_by(|a, b| {
            b.published
                .as_deref()
                .and_then(parse_date)
                .cmp(&a.published.as_deref().and_then(parse_date))
        });
        let mut story_ids: Vec<u32> = Vec::new();
        for (_, a) in &articles {
            if let Some(s) = a.story
                && !story_ids.contains(&s)
            {
                story_ids.push(s);
            }
        }
        let mut stories = Vec::new();
        for id in story_ids {
            if let Some(s) = self.summary(id)? {
                stories.push(s);
            }
        }
        Ok(Some(EntityPage {
            name: canonical.unwrap_or_else(|| name.to_string()),
            kind,
            stories,
            quotes,
            articles: articles.into_iter().map(|(_, a)| a).collect(),
        }))
    }

    /// Full-text search; each hit with its story.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, ArchiveError> {
        let r = self.store.search(q)?;
        Ok(SearchResults {
            query: r.query,
            total: r.total,
            total_estimated: r.total_estimated,
            hits: r
                .hits
                .into_iter()
                .map(|hit| SearchHit {
                    story: self.story_of(hit.id),
                    hit,
                })
                .collect(),
        })
    }
}

/// An article's quotes without those inside another of its quotes (a fragment quoted
/// within a longer quote is listed once, as part of it), in text order.
fn outermost(quotes: &[Quote]) -> impl Iterator<Item = &Quote> {
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| (quotes[i].start, std::cmp::Reverse(quotes[i].end)));
    let mut covered_to = 0;
    let mut keep = vec![false; quotes.len()];
    for (n, &i) in order.iter().enumerate() {
        let q = &quotes[i];
        keep[i] = n == 0 || q.end > covered_to;
        covered_to = covered_to.max(q.end);
    }
    quotes.iter().zip(keep).filter(|(_, k)| *k).map(|(q, _)| q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(start: usize, end: usize) -> Quote {
        Quote {
            text: String::new(),
            start,
            end,
            kind: QuoteKind::Direct,
            speaker: None,
            cue: None,
        }
    }

    #[test]
    fn a_quote_inside_another_is_listed_once() {
        // A mixed quote (0–40) holding a quoted fragment (10–20), a duplicate span, a
        // quote overlapping its end (35–50) and one after it (60–70).
        let quotes = [
            quote(0, 40),
            quote(10, 20),
            quote(0, 40),
            quote(35, 50),
            quote(60, 70),
        ];
        let kept: Vec<(usize, usize)> = outermost(&quotes).map(|q| (q.start, q.end)).collect();
        assert_eq!(kept, [(0, 40), (35, 50), (60, 70)]);
        // Out of order, the container still wins over the fragment.
        let kept: Vec<(usize, usize)> = outermost(&[quote(10, 20), quote(0, 40)])
            .map(|q| (q.start, q.end))
            .collect();
        assert_eq!(kept, [(0, 40)]);
        assert_eq!(outermost(&[]).count(), 0);
    }
}
