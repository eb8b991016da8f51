//! Plain-text page dumps: a page saved as text (headline lines, a teaser, the article,
//! the site's boilerplate around it), as in `../shared/seeds/`.
//!
//! The dump is cut into units: blocks separated by blank lines, or single lines when a
//! block holds one paragraph per line (hard-wrapped blocks are joined back). Each unit
//! is classified ([`classify`]): prose, headline-like line, timestamp, labelled teaser,
//! "Source:" credit, byline, or one of the site's own lines (read also / lire aussi /
//! lesen Sie auch, trends, latest, ©, privacy, disclaimers, app and newsletter promos,
//! per-day archive links) in several languages. The body is the run of units with the
//! most prose and the least boilerplate (a maximum-sum segment); the title, date,
//! teaser, byline and site name are read from the units around it.

mod classify;
mod credit;

use classify::{Kind, classify, looks_like_site_name, word_count};
use storyline_core::{Article, DateSource};

/// The least body score that makes an article: one paragraph of 80 characters or more,
/// or ten one-line sentences.
const MIN_BODY_SCORE: f64 = 1.0;

/// At most this many units are looked at; a dump longer than that is cut (bounded work).
const MAX_UNITS: usize = 50_000;

/// Extracts the article from a plain-text page dump. `base` is the page's address
/// when known (a date in its path is used when the text states none).
///
/// Never fails: a dump without article text gives an article without paragraphs, which
/// [`crate::extract`] reports as "no article".
pub fn extract_text_dump(text: &str, base: Option<&url::Url>) -> Article {
    let units = split_units(text);
    let mut kinds: Vec<Kind> = units.iter().map(|u| classify(u)).collect();
    mark_bare_bylines(&units, &mut kinds);
    let mut article = Article::default();
    let Some((start, end)) = body_span(&units, &kinds) else {
        return article;
    };

    let paragraphs: Vec<String> = (start..=end)
        .filter(|&i| {
            matches!(
                kinds[i],
                Kind::Prose | Kind::Heading | Kind::Fragment | Kind::Truncated
            )
        })
        .map(|i| units[i].clone())
        .collect();

    // The site's name: a short name line at the top (after any navigation), when a
    // headline follows it.
    let title_candidates: Vec<usize> = (0..start)
        .filter(|&i| kinds[i] == Kind::Heading && word_count(&units[i]) >= 3)
        .collect();
    let site_line = kinds
        .iter()
        .position(|k| !matches!(k, Kind::Boilerplate(_)))
        .filter(|&i| {
            i < start
                && kinds[i] == Kind::Heading
                && looks_like_site_name(&units[i])
                && title_candidates.iter().any(|&j| j > i)
        });
    article.outlet = match site_line {
        Some(i) => Some(units[i].clone()),
        None => {
            let promo: Vec<&str> = units
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| matches!(k, Kind::Boilerplate(_)))
                .map(|(u, _)| u.as_str())
                .collect();
            credit::repeated_site_name(&promo)
        }
    };

    let title_at = pick_title(&units, &title_candidates, site_line, &kinds, start);
    article.title = title_at.map(|i| strip_site_suffix(&units[i], article.outlet.as_deref()));

    article.teaser = teaser(&units, &kinds, title_at, start);

    // Dates: before the body first, else after it.
    let outside = (0..start).chain(end + 1..units.len());
    for i in outside {
        if let Kind::Timestamp { date, modified, .. } = &kinds[i] {
            if *modified {
                article.modified.get_or_insert_with(|| date.clone());
            } else if article.published.is_none() {
                article.published = Some(date.clone());
                article.published_from = Some(DateSource::Text);
            }
        }
    }

    // No date in the text: the page's address may carry one (`/2024/03/12/`).
    if article.published.is_none()
        && let Some(date) = base.and_then(crate::dates::date_from_url)
    {
        article.published = Some(date);
        article.published_from = Some(DateSource::Url);
    }

    if let Some(names) = (0..start)
        .chain(end + 1..units.len())
        .find_map(|i| match &kinds[i] {
            Kind::Byline(names) => Some(names.clone()),
            Kind::Timestamp { authors, .. } if !authors.is_empty() => Some(authors.clone()),
            _ => None,
        })
    {
        article.authors = names;
    }

    article.original_outlet = kinds
        .iter()
        .find_map(|k| match k {
            Kind::Credit(name) => {
                crate::outlet::outlet_from_credit(name).or_else(|| credit::named_outlet(name))
            }
            _ => None,
        })
        .or_else(|| credit::credited_outlet(&paragraphs, article.outlet.as_deref()))
        .filter(|o| Some(o.as_str()) != article.outlet.as_deref());

    article.set_paragraphs(paragraphs);
    article
}

/// A bare name line is a byline when a date follows it or a lone "By" precedes it
/// ("Kelia Losa Reinoso" / "August 25, 2025").
fn mark_bare_bylines(units: &[String], kinds: &mut [Kind]) {
    for i in 0..kinds.len() {
        if kinds[i] != Kind::Heading {
            continue;
        }
        let Some(name) = classify::person_name(&units[i]) else {
            continue;
        };
        // A title-case headline followed by its date is not a name: a name line sits
        // between the headline and the date.
        let headline_above = kinds[..i]
            .iter()
            .zip(&units[..i])
            .rev()
            .take(3)
            .find(|(k, _)| !matches!(k, Kind::Boilerplate(_)))
            .is_some_and(|(k, u)| *k == Kind::Heading && word_count(u) >= 3);
        let date_follows = headline_above
            && kinds[i + 1..]
                .iter()
                .take(3)
                .find(|k| !matches!(k, Kind::Boilerplate(_)))
                .is_some_and(|k| matches!(k, Kind::Timestamp { .. }));
        let by_precedes = i > 0
            && matches!(
                units[i - 1].to_lowercase().as_str(),
                "by" | "von" | "par" | "por" | "di" | "door" | "written by" | "author"
            );
        if date_follows || by_precedes {
            kinds[i] = Kind::Byline(vec![name]);
        }
    }
}

/// Cuts a dump into units, whitespace collapsed, blank units dropped.
fn split_units(text: &str) -> Vec<String> {
    let mut units = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    // `lines` handles "\r\n"; the final empty line closes the last block.
    for line in text.lines().chain(std::iter::once("")) {
        if units.len() >= MAX_UNITS {
            break;
        }
        let line = line.trim();
        if line.is_empty() {
            if !block.is_empty() {
                push_block(&block, &mut units);
                block.clear();
            }
        } else {
            block.push(line);
        }
    }
    units
}

/// Adds one block: joined when it is one hard-wrapped paragraph, else line by line.
fn push_block(block: &[&str], units: &mut Vec<String>) {
    let wrapped = is_hard_wrapped(block);
    if wrapped {
        units.push(crate::text::collapse_whitespace(&block.join(" ")));
    } else {
        let room = MAX_UNITS.saturating_sub(units.len());
        units.extend(
            block
                .iter()
                .map(|l| crate::text::collapse_whitespace(l))
                .filter(|u| !u.is_empty())
                .take(room),
        );
    }
}

/// A block of lines of similar, moderate width that mostly do not end a sentence is
/// one paragraph wrapped at a fixed column.
fn is_hard_wrapped(block: &[&str]) -> bool {
    if block.len() < 2 {
        return false;
    }
    let widths: Vec<usize> = block.iter().map(|l| l.chars().count()).collect();
    let max = widths.iter().copied().max().unwrap_or(0);
    let body = &block[..block.len() - 1];
    let body_widths = &widths[..widths.len() - 1];
    let sentence_ends = body
        .iter()
        .filter(|l| l.trim_end().ends_with(['.', '!', '?', '…', '"', '”']))
        .count();
    max <= 100
        && body_widths.iter().all(|&w| w >= 40 && w * 10 >= max * 6)
        && sentence_ends * 2 <= body.len()
}

/// The body: the maximum-score run of units, trimmed to start and end on prose.
fn body_span(units: &[String], kinds: &[Kind]) -> Option<(usize, usize)> {
    let mut best = (0.0_f64, 0, 0);
    let mut sum = 0.0_f64;
    let mut from = 0;
    for (i, (u, k)) in units.iter().zip(kinds).enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += k.score(u.chars().count());
        if sum > best.0 {
            best = (sum, from, i);
        }
    }
    // Less than one real paragraph's worth (a lone short sentence) is no article.
    if best.0 < MIN_BODY_SCORE {
        return None;
    }
    let (_, s, e) = best;
    let start = (s..=e).find(|&i| kinds[i] == Kind::Prose)?;
    let end = (start..=e).rev().find(|&i| kinds[i] == Kind::Prose)?;
    Some((start, end))
}

/// The headline among the headline-like lines before the body: the one followed by the
/// article's metadata (date, byline, teaser), else the one just before the body, else
/// the nearest; a line of five words or more is preferred to a shorter one.
fn pick_title(
    units: &[String],
    candidates: &[usize],
    site_line: Option<usize>,
    kinds: &[Kind],
    body_start: usize,
) -> Option<usize> {
    let next_meaningful = |i: usize| {
        (i + 1..body_start)
            .find(|&j| !matches!(kinds[j], Kind::Boilerplate(_) | Kind::Truncated))
            .unwrap_or(body_start)
    };
    candidates
        .iter()
        .copied()
        .filter(|&i| Some(i) != site_line)
        .max_by_key(|&i| {
            let next = next_meaningful(i);
            let place = if next == body_start {
                2
            } else {
                match kinds[next] {
                    Kind::Timestamp { .. } | Kind::Byline(_) | Kind::Teaser(_) => 3,
                    _ => 0,
                }
            };
            // Headlines run to several words; short lines are names, labels, kickers.
            let length = u8::from(word_count(&units[i]) >= 5);
            (place + length, i)
        })
}

/// The labelled teaser before the body, else an unlabelled standfirst: the last prose
/// unit between the title and the body.
fn teaser(
    units: &[String],
    kinds: &[Kind],
    title_at: Option<usize>,
    body_start: usize,
) -> Option<String> {
    let mut searched = false;
    for i in 0..body_start {
        if let Kind::Teaser(t) = &kinds[i] {
            if !t.is_empty() {
                return Some(t.clone());
            }
            // A label alone: the teaser is the next prose unit. One search is enough (a
            // later label finds nothing the first did not), which keeps this linear.
            if !searched {
                searched = true;
                if let Some(j) = (i + 1..body_start).find(|&j| kinds[j] == Kind::Prose) {
                    return Some(units[j].clone());
                }
            }
        }
    }
    let from = title_at.map_or(0, |t| t + 1);
    (from..body_start)
        .rev()
        .find(|&i| kinds[i] == Kind::Prose)
        .map(|i| units[i].clone())
}

/// "Dam gives way | The Valley Post" → "Dam gives way" when the suffix is the outlet.
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    if let Some(outlet) = outlet {
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some(head) = title.strip_suffix(outlet).and_then(|h| h.strip_suffix(sep))
                && !head.trim().is_empty()
            {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests;
