//! German WikiNews quotation attribution (JSON lines) to the gold format.
//!
//! One gold quote per annotation: its spans are the `quote` spans (`charBegin`/`charEnd`),
//! the source the `speaker` (none when it has no span), the cue the `cue`, the kind the
//! annotation `type`. doc_id: the line's `doc_id`, else the number before " - " in `file`.

use std::path::Path;

use serde_json::Value;

use super::{Corpus, Error, GoldDoc, GoldQuote, GoldSet, normalize_spans};

fn spans_of(v: &Value) -> Vec<[usize; 2]> {
    v["spans"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| {
            let a = s["charBegin"].as_u64()? as usize;
            let b = s["charEnd"].as_u64()? as usize;
            Some([a, b])
        })
        .collect()
}

/// The document of one JSON line and the number of annotations dropped (no quote span,
/// or spans outside the text).
pub fn doc_of(v: &Value) -> Option<(GoldDoc, usize)> {
    let text = v["originalText"].as_str()?.to_string();
    let doc_id = match &v["doc_id"] {
        Value::String(s) if !s.is_empty() => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => v["file"].as_str()?.split(" - ").next()?.trim().to_string(),
    };
    let n = text.chars().count();
    let chars: Vec<char> = text.chars().collect();
    let inside = |s: &[[usize; 2]]| s.iter().all(|x| x[1] <= n);
    let mut quotes = Vec::new();
    let mut dropped = 0;
    for a in v["annotations"].as_array().into_iter().flatten() {
        let spans = normalize_spans(&spans_of(&a["quote"]));
        if spans.is_empty() || !inside(&spans) {
            dropped += 1;
            continue;
        }
        let speaker = normalize_spans(&spans_of(&a["speaker"]));
        let speaker = (!speaker.is_empty() && inside(&speaker)).then_some(speaker);
        let cue = normalize_spans(&spans_of(&a["cue"]));
        let cue = (!cue.is_empty() && inside(&cue)).then_some(cue);
        let source_text = speaker.as_ref().map(|s| {
            s.iter()
                .map(|x| chars[x[0]..x[1]].iter().collect::<String>())
                .collect::<Vec<_>>()
                .join(" ")
        });
        quotes.push(GoldQuote {
            start: spans[0][0],
            end: spans[spans.len() - 1][1],
            spans,
            source_start: speaker.as_ref().map(|s| s[0][0]),
            source_end: speaker.as_ref().map(|s| s[s.len() - 1][1]),
            source_text,
            source_spans: speaker.clone().filter(|s| s.len() > 1).unwrap_or_default(),
            cue_start: cue.as_ref().map(|s| s[0][0]),
            cue_end: cue.as_ref().map(|s| s[s.len() - 1][1]),
            kind: a["type"].as_str().unwrap_or("unknown").to_string(),
        });
    }
    quotes.sort_by_key(|q| (q.start, q.end));
    Some((
        GoldDoc {
            doc_id,
            lang: "de".into(),
            text,
            quotes,
        },
        dropped,
    ))
}

/// Reads one split file (`dev.jsonl`, `train.jsonl`).
pub fn load(path: &Path) -> Result<GoldSet, Error> {
    let data = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read(&data).map_err(|(line, source)| Error::Json {
        path: path.to_path_buf(),
        line,
        source,
    })
}

/// Converts the JSON lines of one split.
pub fn read(jsonl: &str) -> Result<GoldSet, (usize, serde_json::Error)> {
    let mut docs = Vec::new();
    let mut dropped = 0;
    let mut unreadable = 0;
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line).map_err(|e| (i + 1, e))?;
        match doc_of(&v) {
            Some((doc, d)) => {
                dropped += d;
                docs.push(doc);
            }
            None => unreadable += 1,
        }
    }
    let mut notes = Vec::new();
    if dropped > 0 {
        notes.push(format!(
            "{dropped} annotations without a usable quote span not scored"
        ));
    }
    if unreadable > 0 {
        notes.push(format!("{unreadable} lines without originalText skipped"));
    }
    Ok(GoldSet {
        corpus: Corpus::German,
        docs,
        notes,
    })
}
