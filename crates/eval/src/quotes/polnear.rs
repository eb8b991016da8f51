//! PolNeAR (brat standoff) to the gold format.
//!
//! `T<n>\t<Type> <start> <end>[;<start> <end>…]\t<text>`: a text-bound annotation; when its
//! text holds a line break it continues on the following lines of the `.ann` (read until
//! the text has the length the spans give: their lengths plus one space between pieces).
//! `E<n>\t<Trigger>:T.. Source:T.. Cue:T.. Content:T.. [Content2:T..]`: one attribution.
//! Other lines (`#` notes, `A`/`R`/`M`/`N`) are ignored.

use std::collections::HashMap;
use std::path::Path;

use super::{Corpus, Error, GoldDoc, GoldQuote, GoldSet, normalize_spans, quote_mark_kind};

/// A text-bound annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    /// Source, Cue, Content, Attribution…
    pub kind: String,
    /// `[start, end)` pieces in file order.
    pub spans: Vec<[usize; 2]>,
    /// The text as written in the `.ann` (pieces joined by a space).
    pub text: String,
}

/// An event line: its arguments `(role, target id)`, the trigger first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub id: String,
    pub args: Vec<(String, String)>,
}

impl Event {
    /// The target of the first argument with this role.
    pub fn arg(&self, role: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(r, _)| r == role)
            .map(|(_, t)| t.as_str())
    }
}

/// A parsed `.ann` file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Brat {
    pub text_bounds: HashMap<String, TextBound>,
    pub events: Vec<Event>,
    /// Lines that could not be read.
    pub bad_lines: usize,
}

fn looks_like_annotation(line: &str) -> bool {
    let Some((id, _)) = line.split_once('\t') else {
        return false;
    };
    let mut c = id.chars();
    matches!(c.next(), Some('T' | 'E' | 'R' | 'A' | 'M' | 'N' | '#'))
        && !c.as_str().is_empty()
        && c.all(|d| d.is_ascii_digit())
}

fn parse_spans(s: &str) -> Option<Vec<[usize; 2]>> {
    s.split(';')
        .map(|piece| {
            let mut it = piece.split_whitespace();
            let a = it.next()?.parse().ok()?;
            let b = it.next()?.parse().ok()?;
            if it.next().is_some() || b < a {
                return None;
            }
            Some([a, b])
        })
        .collect()
}

/// Parses a brat `.ann` file.
pub fn parse(ann: &str) -> Brat {
    let lines: Vec<&str> = ann.lines().collect();
    let mut out = Brat::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with('T') && looks_like_annotation(line) {
            let mut fields = line.splitn(3, '\t');
            let id = fields.next().unwrap_or_default();
            let head = fields.next().unwrap_or_default();
            let mut text = fields.next().unwrap_or_default().to_string();
            let parsed = head
                .split_once(' ')
                .and_then(|(kind, offs)| Some((kind, parse_spans(offs)?)));
            let Some((kind, spans)) = parsed else {
                out.bad_lines += 1;
                continue;
            };
            let expected: usize =
                spans.iter().map(|s| s[1] - s[0]).sum::<usize>() + spans.len().saturating_sub(1);
            let mut have = text.chars().count();
            while have < expected && i < lines.len() && !looks_like_annotation(lines[i]) {
                text.push('\n');
                text.push_str(lines[i]);
                have += 1 + lines[i].chars().count();
                i += 1;
            }
            out.text_bounds.insert(
                id.to_string(),
                TextBound {
                    kind: kind.to_string(),
                    spans,
                    text,
                },
            );
        } else if line.starts_with('E') && looks_like_annotation(line) {
            let (id, rest) = line.split_once('\t').unwrap_or_default();
            let args = rest
                .split_whitespace()
                .filter_map(|a| a.split_once(':'))
                .map(|(r, t)| (r.to_string(), t.to_string()))
                .collect();
            out.events.push(Event {
                id: id.to_string(),
                args,
            });
        } else if !looks_like_annotation(line) {
            out.bad_lines += 1;
        }
    }
    out
}

fn slice(chars: &[char], spans: &[[usize; 2]]) -> String {
    spans
        .iter()
        .map(|s| chars[s[0]..s[1]].iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The gold quotes of one article: one per attribution with a Content (its spans: the
/// Content's and any Content2's). Returns the quotes and the number of attributions
/// dropped (no Content, a missing T, or spans outside the text).
pub fn gold_quotes(brat: &Brat, text: &str) -> (Vec<GoldQuote>, usize) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let inside = |spans: &[[usize; 2]]| spans.iter().all(|s| s[0] <= s[1] && s[1] <= n);
    let mut quotes = Vec::new();
    let mut dropped = 0;
    for ev in &brat.events {
        let mut spans = Vec::new();
        let mut ok = true;
        let mut has_content = false;
        for (role, target) in &ev.args {
            if role.starts_with("Content") {
                has_content = true;
                match brat.text_bounds.get(target) {
                    Some(tb) => spans.extend_from_slice(&tb.spans),
                    None => ok = false,
                }
            }
        }
        let spans = normalize_spans(&spans);
        if !has_content || !ok || spans.is_empty() || !inside(&spans) {
            dropped += 1;
            continue;
        }
        let source = ev
            .arg("Source")
            .and_then(|t| brat.text_bounds.get(t))
            .map(|tb| normalize_spans(&tb.spans))
            .filter(|s| !s.is_empty() && inside(s));
        let cue = ev
            .arg("Cue")
            .and_then(|t| brat.text_bounds.get(t))
            .map(|tb| normalize_spans(&tb.spans))
            .filter(|s| !s.is_empty() && inside(s));
        let first = |s: &Option<Vec<[usize; 2]>>| s.as_ref().and_then(|v| v.first()).map(|x| x[0]);
        let last = |s: &Option<Vec<[usize; 2]>>| s.as_ref().and_then(|v| v.last()).map(|x| x[1]);
        quotes.push(GoldQuote {
            start: spans[0][0],
            end: spans[spans.len() - 1][1],
            kind: quote_mark_kind(&chars, &spans).to_string(),
            source_start: first(&source),
            source_end: last(&source),
            source_text: source.as_ref().map(|s| slice(&chars, s)),
            source_spans: source.clone().filter(|s| s.len() > 1).unwrap_or_default(),
            cue_start: first(&cue),
            cue_end: last(&cue),
            spans,
        });
    }
    quotes.sort_by_key(|q| (q.start, q.end));
    (quotes, dropped)
}

/// The article id of an `.ann` file name: `<article>_<annotator>.ann` → `<article>`.
pub fn article_of(file_name: &str) -> Option<&str> {
    let stem = file_name.strip_suffix(".ann")?;
    Some(stem.rsplit_once('_').map_or(stem, |(a, _)| a))
}

/// Reads `<split dir>/text/*.txt` and `<split dir>/attributions/*.ann`, one annotator per
/// article: the first `.ann` in name order.
pub fn load(dir: &Path) -> Result<GoldSet, Error> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let ann_dir = dir.join("attributions");
    let mut names: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(io(&ann_dir))?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    // (article, chosen file, number of files)
    let mut chosen: Vec<(String, String, usize)> = Vec::new();
    for name in &names {
        let Some(article) = article_of(name) else {
            continue;
        };
        match chosen.last_mut() {
            Some((a, _, n)) if a == article => *n += 1,
            _ => chosen.push((article.to_string(), name.clone(), 1)),
        }
    }
    let multi = chosen.iter().filter(|c| c.2 > 1).count();
    let other_annotators: usize = chosen.iter().map(|c| c.2 - 1).sum();
    let mut docs = Vec::new();
    let mut notes = Vec::new();
    let mut dropped = 0;
    let mut bad_lines = 0;
    let mut no_text = 0;
    for (article, name, _) in chosen {
        let txt = dir.join("text").join(format!("{article}.txt"));
        let text = match std::fs::read_to_string(&txt) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                no_text += 1;
                continue;
            }
            Err(e) => return Err(io(&txt)(e)),
        };
        let path = ann_dir.join(&name);
        let ann = std::fs::read_to_string(&path).map_err(io(&path))?;
        let brat = parse(&ann);
        bad_lines += brat.bad_lines;
        let (quotes, d) = gold_quotes(&brat, &text);
        dropped += d;
        docs.push(GoldDoc {
            doc_id: article,
            lang: "en".into(),
            text,
            quotes,
        });
    }
    notes.push(format!(
        "one annotator per article (the first .ann in name order): {multi} articles have \
         several, {other_annotators} .ann files not read"
    ));
    if dropped > 0 {
        notes.push(format!(
            "{dropped} attributions without a usable Content not scored"
        ));
    }
    if bad_lines > 0 {
        notes.push(format!("{bad_lines} unreadable .ann lines skipped"));
    }
    if no_text > 0 {
        notes.push(format!("{no_text} .ann files without their .txt skipped"));
    }
    Ok(GoldSet {
        corpus: Corpus::Polnear,
        docs,
        notes,
    })
}
