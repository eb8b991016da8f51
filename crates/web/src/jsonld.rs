//! schema.org JSON-LD for story and article pages: a `NewsArticle`, and a `Claim` per
//! figure of the ledger. Serialized with serde_json and made safe inside
//! `<script type="application/ld+json">`.

use maud::{Markup, PreEscaped, html};
use serde_json::{Value, json};
use storyline_group::ledger::LedgerLine;
use storyline_stories::views::{ArticlePage, StoryPage};

use crate::params::safe_url;

/// JSON that cannot end its `<script>` element or open a comment: `<`, `>` and `&` as
/// `\u003c`, `\u003e`, `\u0026` (still the same JSON), and U+2028/9 escaped.
pub fn script_safe(v: &Value) -> String {
    let s = serde_json::to_string(v).unwrap_or_else(|_| "{}".into());
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The `<script type="application/ld+json">` element.
pub fn element(v: &Value) -> Markup {
    html! { script type="application/ld+json" { (PreEscaped(script_safe(v))) } }
}

fn claims(ledger: &[LedgerLine], base: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for line in ledger {
        for e in &line.entries {
            let mut c = json!({
                "@type": "Claim",
                "text": e.text,
                "about": line.counts,
                "appearance": {"@type": "NewsArticle", "url": format!("{base}/article/{}", e.article)},
            });
            if let Some(d) = &e.published {
                c["datePublished"] = json!(d);
            }
            if let Some(who) = &e.claimant {
                c["author"] = json!({"@type": "Thing", "name": who.name});
            }
            out.push(c);
        }
    }
    out
}

/// A story page's JSON-LD.
pub fn story(page: &StoryPage, base: &str) -> Value {
    let s = &page.summary;
    let mut article = json!({
        "@type": "NewsArticle",
        "headline": s.title,
        "url": format!("{base}/story/{}", s.id),
        "inLanguage": s.languages,
        "keywords": s.labels,
        "publisher": s.outlets.iter().map(|o| json!({"@type": "Organization", "name": o})).collect::<Vec<_>>(),
        "about": page.entities.iter().take(10).map(|e| json!({"@type": "Thing", "name": e.name})).collect::<Vec<_>>(),
    });
    if let Some(f) = &s.first {
        article["datePublished"] = json!(f);
    }
    if let Some(l) = &s.last {
        article["dateModified"] = json!(l);
    }
    let mut graph = vec![article];
    graph.extend(claims(&page.ledger, base));
    json!({"@context": "https://schema.org", "@graph": graph})
}

/// An article page's JSON-LD.
pub fn article(page: &ArticlePage, base: &str) -> Value {
    let a = &page.annotated.article;
    let mut article = json!({
        "@type": "NewsArticle",
        "headline": a.title.clone().unwrap_or_default(),
        "url": format!("{base}/article/{}", page.id),
        "author": a.authors.iter().map(|n| json!({"@type": "Person", "name": n})).collect::<Vec<_>>(),
    });
    if let Some(u) = a.url.as_deref().and_then(safe_url) {
        article["sameAs"] = json!(u);
    }
    if let Some(l) = &a.language {
        article["inLanguage"] = json!(l);
    }
    if let Some(p) = &a.published {
        article["datePublished"] = json!(p);
    }
    if let Some(m) = &a.modified {
        article["dateModified"] = json!(m);
    }
    if let Some(o) = &a.outlet {
        article["publisher"] = json!({"@type": "Organization", "name": o});
    }
    if let Some(o) = &a.original_outlet {
        article["isBasedOn"] = json!({"@type": "Organization", "name": o});
    }
    if let Some(c) = &page.copy_of {
        article["isBasedOn"] = json!(format!("{base}/article/{}", c.id));
    }
    let mut graph = vec![article];
    for c in &page.annotated.claims {
        let mut v = json!({
            "@type": "Claim",
            "text": c.text,
            "appearance": {"@type": "NewsArticle", "url": format!("{base}/article/{}", page.id)},
        });
        if let Some(what) = &c.counts {
            v["about"] = json!(what);
        }
        if let Some(who) = &c.claimant {
            v["author"] = json!({"@type": "Thing", "name": who.name});
        }
        graph.push(v);
    }
    json!({"@context": "https://schema.org", "@graph": graph})
}
