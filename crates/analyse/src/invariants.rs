//! The invariants every [`Analysis`] keeps, as a checkable function: property tests, the
//! fuzz target and the end-to-end tests call it on whatever they analysed.

use crate::Analysis;

/// Checks `analysis` against `text`: every span is in bounds, non-empty and names the
/// words it claims to; sentences are ordered, disjoint and trimmed; quantities are ordered
/// and disjoint; entity ids are their indices and every id reference is valid; each claim
/// lies inside its sentence. Returns the first violation found.
pub fn check(text: &str, analysis: &Analysis) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len();
    let span = |what: &str, start: usize, end: usize| -> Result<String, String> {
        if start >= end || end > len {
            return Err(format!(
                "{what}: bad span {start}..{end} (text has {len} chars)"
            ));
        }
        Ok(chars[start..end].iter().collect())
    };
    let named = |what: &str, words: &str, start: usize, end: usize| -> Result<(), String> {
        let got = span(what, start, end)?;
        if got != words {
            return Err(format!("{what}: {start}..{end} is {got:?}, not {words:?}"));
        }
        Ok(())
    };
    let mut last = 0;
    for s in &analysis.sentences {
        let words = span("sentence", s.start, s.end)?;
        if s.start < last {
            return Err(format!(
                "sentence {}..{} overlaps the one before",
                s.start, s.end
            ));
        }
        if words.trim() != words {
            return Err(format!("sentence {}..{} is not trimmed", s.start, s.end));
        }
        last = s.end;
    }
    let mut last = 0;
    for q in &analysis.quantities {
        named("quantity", &q.text, q.start, q.end)?;
        if q.start < last {
            return Err(format!("quantity {:?} overlaps the one before", q.text));
        }
        last = q.end;
    }
    for (i, e) in analysis.entities.iter().enumerate() {
        if e.id != i {
            return Err(format!("entity {:?} has id {} at index {i}", e.name, e.id));
        }
        if e.name.trim().is_empty() || e.mentions.is_empty() {
            return Err(format!("entity {i} has no name or no mention"));
        }
        for m in &e.mentions {
            named("entity mention", &m.text, m.start, m.end)?;
        }
    }
    let speaker = |what: &str, s: &crate::Speaker| -> Result<(), String> {
        if s.name.trim().is_empty() {
            return Err(format!("{what} without a name"));
        }
        if let Some(id) = s.entity
            && id >= analysis.entities.len()
        {
            return Err(format!(
                "{what} refers to entity {id}, which does not exist"
            ));
        }
        if let Some(m) = &s.mention {
            named(what, &m.text, m.start, m.end)?;
        }
        Ok(())
    };
    for q in &analysis.quotes {
        named("quote", &q.text, q.start, q.end)?;
        if let Some(s) = &q.speaker {
            speaker("quote speaker", s)?;
        }
        if let Some(c) = &q.cue {
            named("quote cue", &c.text, c.start, c.end)?;
        }
    }
    for c in &analysis.claims {
        named("claim", &c.text, c.start, c.end)?;
        let Some(s) = analysis.sentences.get(c.sentence) else {
            return Err(format!(
                "claim {:?} refers to sentence {}",
                c.text, c.sentence
            ));
        };
        if c.start < s.start || c.end > s.end {
            return Err(format!("claim {:?} lies outside its sentence", c.text));
        }
        if let Some(s) = &c.claimant {
            speaker("claimant", s)?;
        }
    }
    Ok(())
}
