//! HTML pages: one parse, then metadata and main content from the same tree.
//!
//! Before parsing, [`prepass::strip_raw_text`] empties script/style/svg bodies (JSON-LD
//! scripts are kept for the metadata) and drops comments: they never hold article text
//! and are often most of a page's bytes.

pub mod content;
pub mod metadata;
pub mod prepass;

use storyline_core::Article;

/// Extracts the article from an HTML document.
pub fn extract_html(html: &str, base: Option<&url::Url>) -> Article {
    let cleaned = prepass::strip_raw_text(html);
    let doc = scraper::Html::parse_document(&cleaned);
    let meta = metadata::extract_metadata(&doc, base);
    let canonical = meta
        .canonical_url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok());
    let link_base = base.or(canonical.as_ref());
    let content = content::extract_content_with(
        &doc,
        link_base,
        meta.title.as_deref(),
        meta.description.as_deref(),
    );

    let mut article = Article {
        canonical_url: meta.canonical_url,
        title: meta.title,
        authors: meta.authors,
        modified: meta.modified,
        outlet: meta.site_name,
        language: meta.language.map(str::to_owned),
        links: content.links,
        warnings: content.warnings,
        ..Article::default()
    };
    if let Some((date, source)) = meta.published {
        article.published = Some(date);
        article.published_from = Some(source);
    }
    // A byline/dateline line dropped from the body fills what metadata lacks.
    if article.authors.is_empty()
        && let Some(line) = content.byline.as_deref()
    {
        let outlets: Vec<String> = article.outlet.iter().cloned().collect();
        article.authors = metadata::byline::split_byline_with(line, &outlets, true);
    }
    if article.published.is_none()
        && let Some(d) = [content.byline.as_deref(), content.dateline.as_deref()]
            .into_iter()
            .flatten()
            .find_map(crate::dates::find_date_in_text)
    {
        article.published = Some(d);
        article.published_from = Some(storyline_core::DateSource::Text);
    }
    // A credit naming the page's own outlet is no credit of another's work.
    article.original_outlet = content.original_outlet.filter(|o| {
        article
            .outlet
            .as_deref()
            .is_none_or(|site| metadata::byline::norm(site) != metadata::byline::norm(o))
    });
    article.teaser = content
        .teaser
        .or_else(|| teaser_from_description(meta.description.as_deref(), &content.paragraphs));
    article.set_paragraphs(content.paragraphs);
    article
}

/// The meta description is the teaser when it is the opening of the body (a
/// description that is just a cut copy of the first paragraph) or a full sentence
/// on its own that is not a truncated excerpt.
fn teaser_from_description(description: Option<&str>, paragraphs: &[String]) -> Option<String> {
    let d = crate::text::collapse_whitespace(description?);
    if d.chars().count() < 30 {
        return None;
    }
    let first = paragraphs.first()?;
    let stem = d.trim_end_matches(['.', '…', ' ']);
    let stem: String = stem.chars().take(80).collect();
    (first.starts_with(&stem)).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_matching_first_paragraph_is_teaser() {
        let p = vec!["The storm reached the coast on Tuesday night, flooding streets.".to_owned()];
        assert_eq!(
            teaser_from_description(Some("The storm reached the coast on Tuesday night…"), &p)
                .as_deref(),
            Some("The storm reached the coast on Tuesday night…")
        );
        assert_eq!(
            teaser_from_description(Some("Something else entirely, not the body."), &p),
            None
        );
    }

    #[test]
    fn extract_html_fills_paragraphs_and_text() {
        let html = "<html><head><title>T</title><script>var a='<p>x</p>';</script></head><body>\
            <article><p>The storm reached the coast on Tuesday night, flooding streets and cutting power.</p>\
            <p>Officials said the damage could take weeks to repair, and warned residents to stay away.</p></article></body></html>";
        let a = extract_html(html, None);
        assert_eq!(a.paragraphs.len(), 2, "{:?}", a.paragraphs);
        assert_eq!(a.text, a.paragraphs.join("\n\n"));
    }

    #[test]
    fn hundred_thousand_nested_divs_through_the_whole_pipeline() {
        let n = 100_000;
        let body = "<p>The storm reached the coast on Tuesday night, flooding streets and cutting power to thousands of homes.</p>";
        let html = format!(
            "<html><body>{}{body}{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let t = std::time::Instant::now();
        let a = extract_html(&html, None);
        assert_eq!(a.paragraphs.len(), 1, "{:?}", a.paragraphs);
        assert!(t.elapsed().as_secs() < 60, "took {:?}", t.elapsed());
    }

    /// Runs the extractor over the extraction bench pages, one thread, and prints the
    /// throughput. `STORYLINE_BENCH_OUT=/tmp/pred.jsonl` also writes `{id, text}` lines.
    /// `cargo test --release -p storyline-extract -- --ignored bench_pages --nocapture`
    #[test]
    #[ignore]
    fn bench_pages() {
        use std::io::{Read, Write};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/bench/extraction/html");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: bench pages not found at {}", dir.display());
            return;
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        let mut pages = Vec::new();
        for f in &files {
            let Ok(gz) = std::fs::read(f) else { continue };
            let mut bytes = Vec::new();
            if flate2::read::GzDecoder::new(&gz[..])
                .read_to_end(&mut bytes)
                .is_err()
            {
                continue;
            }
            let id = f
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.split('.').next())
                .unwrap_or("")
                .to_owned();
            pages.push((id, bytes));
        }
        let total_bytes: usize = pages.iter().map(|p| p.1.len()).sum();
        let mut out = std::env::var("STORYLINE_BENCH_OUT")
            .ok()
            .and_then(|p| std::fs::File::create(p).ok())
            .map(std::io::BufWriter::new);
        let mut elapsed = std::time::Duration::ZERO;
        let mut parse = std::time::Duration::ZERO;
        let mut stages = [std::time::Duration::ZERO; 7];
        for (id, bytes) in &pages {
            let page = storyline_core::Page {
                bytes: bytes.clone(),
                ..Default::default()
            };
            let t = std::time::Instant::now();
            let r = crate::extract(&page);
            elapsed += t.elapsed();
            if std::env::var_os("STORYLINE_BENCH_PARSE").is_some() {
                let t0 = std::time::Instant::now();
                let Ok(dec) = crate::decode::decode(bytes, None, &crate::Limits::default()) else {
                    continue;
                };
                let t1 = std::time::Instant::now();
                let cleaned = prepass::strip_raw_text(&dec.text);
                let t2 = std::time::Instant::now();
                let d = scraper::Html::parse_document(&cleaned);
                let t3 = std::time::Instant::now();
                let m = metadata::extract_metadata(&d, None);
                let t4 = std::time::Instant::now();
                let c = content::extract_content(&d, None, m.title.as_deref());
                let t5 = std::time::Instant::now();
                let text = c.paragraphs.join("\n\n");
                let _ = crate::language::detect(&text);
                let t6 = std::time::Instant::now();
                drop(d);
                let t7 = std::time::Instant::now();
                for (k, (a, b)) in [
                    (t0, t1),
                    (t1, t2),
                    (t2, t3),
                    (t3, t4),
                    (t4, t5),
                    (t5, t6),
                    (t6, t7),
                ]
                .into_iter()
                .enumerate()
                {
                    stages[k] += b - a;
                }
                parse += t3 - t2;
            }
            if let Some(o) = out.as_mut() {
                let (text, teaser, warnings) = r
                    .map(|a| (a.text, a.teaser, a.warnings))
                    .unwrap_or_default();
                let line = serde_json::json!({"id": id, "text": text, "teaser": teaser, "warnings": warnings});
                let _ = writeln!(o, "{line}");
            }
        }
        let n = pages.len() as f64;
        eprintln!(
            "{} pages, {:.1} MB: {:.1} pages/s, {:.2} ms/page (parse only: {:.2} ms/page)",
            pages.len(),
            total_bytes as f64 / 1e6,
            n / elapsed.as_secs_f64(),
            elapsed.as_secs_f64() * 1000.0 / n,
            parse.as_secs_f64() * 1000.0 / n
        );
        let names = [
            "decode", "prepass", "parse", "metadata", "content", "language", "drop",
        ];
        for (name, d) in names.iter().zip(stages) {
            eprintln!("  {name}: {:.3} ms/page", d.as_secs_f64() * 1000.0 / n);
        }
    }
}
