//! Ranges ("between 50 and 60", "50-60", "from 5 to 10 percent") and vague magnitudes
//! ("hundreds", "tens of thousands", "several hundred thousand").

use super::Kind;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::lexicon::{Class, Lexicon};
use super::numbers::NumHit;
use super::scan::{Tok, TokKind};
use super::units::Found;

/// Words that open a range, its joiner, per language: (opener, joiners).
const RANGE_WORDS: &[(&str, &str, &[&str])] = &[
    ("en", "between", &["and"]),
    ("en", "from", &["to", "-"]),
    ("fr", "entre", &["et"]),
    ("fr", "de", &["à"]),
    ("es", "entre", &["y"]),
    ("es", "de", &["a"]),
    ("es", "desde", &["hasta"]),
    ("it", "tra", &["e"]),
    ("it", "fra", &["e"]),
    ("it", "da", &["a"]),
    ("pt", "entre", &["e"]),
    ("pt", "de", &["a"]),
    ("de", "zwischen", &["und"]),
    ("de", "von", &["bis"]),
    ("nl", "tussen", &["en"]),
    ("nl", "van", &["tot"]),
    ("ru", "от", &["до"]),
];

/// Plural magnitude words and the order of magnitude they stand for.
const VAGUE: &[(&str, f64)] = &[
    ("dozens", 12.0),
    ("tens", 10.0),
    ("scores", 20.0),
    ("hundreds", 100.0),
    ("thousands", 1e3),
    ("millions", 1e6),
    ("billions", 1e9),
    ("dizaines", 10.0),
    ("douzaines", 12.0),
    ("centaines", 100.0),
    ("milliers", 1e3),
    ("decenas", 10.0),
    ("docenas", 12.0),
    ("cientos", 100.0),
    ("centenares", 100.0),
    ("miles", 1e3),
    ("millones", 1e6),
    ("decine", 10.0),
    ("centinaia", 100.0),
    ("migliaia", 1e3),
    ("milioni", 1e6),
    ("dezenas", 10.0),
    ("centenas", 100.0),
    ("milhares", 1e3),
    ("milhões", 1e6),
    ("dutzende", 12.0),
    ("hunderte", 100.0),
    ("tausende", 1e3),
    ("zehntausende", 1e4),
    ("hunderttausende", 1e5),
    ("honderden", 100.0),
    ("duizenden", 1e3),
    ("tientallen", 10.0),
    ("десятки", 10.0),
    ("десятков", 10.0),
    ("сотни", 100.0),
    ("сотен", 100.0),
    ("тысячи", 1e3),
    ("тысяч", 1e3),
    ("миллионы", 1e6),
];

/// "several", "a few", "many" before a multiplier: (first word, low, high factor).
const SEVERAL: &[(&str, f64, f64)] = &[
    ("several", 2.0, 9.0),
    ("few", 2.0, 5.0),
    ("many", 2.0, 9.0),
    ("plusieurs", 2.0, 9.0),
    ("quelques", 2.0, 5.0),
    ("varios", 2.0, 9.0),
    ("varias", 2.0, 9.0),
    ("unos", 2.0, 9.0),
    ("vari", 2.0, 9.0),
    ("alcune", 2.0, 5.0),
    ("mehrere", 2.0, 9.0),
    ("einige", 2.0, 9.0),
    ("enkele", 2.0, 5.0),
    ("несколько", 2.0, 9.0),
    ("várias", 2.0, 9.0),
    ("vários", 2.0, 9.0),
];

/// Whether a word is a plural magnitude ("hundreds", "тысячи") read as a vague amount.
pub(crate) fn is_vague_word(w: &str) -> bool {
    VAGUE_MAP.contains_key(w)
}

static VAGUE_MAP: LazyLock<HashMap<&'static str, f64>> =
    LazyLock::new(|| VAGUE.iter().copied().collect());
static SEVERAL_MAP: LazyLock<HashMap<&'static str, (f64, f64)>> =
    LazyLock::new(|| SEVERAL.iter().map(|&(w, a, b)| (w, (a, b))).collect());

fn skip_space(toks: &[Tok], i: usize) -> usize {
    let mut j = i;
    while j < toks.len() && toks[j].kind == TokKind::Space {
        j += 1;
    }
    j
}

fn word_at(toks: &[Tok], i: usize) -> Option<&str> {
    toks.get(i)
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| t.lower.as_str())
}

/// Merges number pairs into ranges and adds vague magnitudes.
pub(crate) fn apply(
    chars: &[char],
    toks: &[Tok],
    _nums: &[NumHit],
    found: &mut Vec<Found>,
    lex: &Lexicon,
) {
    merge_ranges(chars, toks, found, lex);
    add_vague(chars, toks, found, lex);
    mark_hedges(toks, found, lex);
}

/// Words before a figure that make it approximate ("about 50", "nearly six months").
fn hedge_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "en" => &[
            "about",
            "around",
            "roughly",
            "approximately",
            "nearly",
            "almost",
            "some",
            "circa",
            "ca",
            "estimated",
            "approx",
            "reportedly",
        ],
        "fr" => &[
            "environ",
            "presque",
            "quelque",
            "approximativement",
            "quasiment",
            "près",
            "autour",
        ],
        "es" => &[
            "unos",
            "unas",
            "alrededor",
            "cerca",
            "aproximadamente",
            "casi",
        ],
        "pt" => &["cerca", "aproximadamente", "quase", "uns", "umas", "perto"],
        "it" => &["circa", "quasi", "intorno", "all'incirca", "pressappoco"],
        "de" => &[
            "etwa",
            "rund",
            "ungefähr",
            "fast",
            "knapp",
            "circa",
            "ca",
            "zirka",
        ],
        "nl" => &["ongeveer", "bijna", "circa", "ca", "zo'n", "rond"],
        "ru" => &["около", "почти", "примерно", "приблизительно", "порядка"],
        _ => &[],
    }
}

/// "talks about 100,000 rubles": "about" after a verb of speech or thought is a preposition.
fn about_as_preposition(toks: &[Tok], j: usize) -> bool {
    if toks[j].lower != "about" {
        return false;
    }
    let mut k = j;
    while k > 0 && toks[k - 1].kind == TokKind::Space {
        k -= 1;
    }
    let Some(prev) = k.checked_sub(1).map(|k| toks[k].lower.as_str()) else {
        return false;
    };
    const STEMS: &[&str] = &[
        "talk", "speak", "spoke", "think", "thought", "know", "knew", "care", "worr", "ask",
        "said", "say", "wr", "learn", "heard", "hear", "read", "argu", "complain", "jok", "tell",
        "told", "story", "stories", "news", "question", "report", "concern", "feel", "felt",
        "joke", "dream", "forget", "forgot", "remind", "warn",
    ];
    STEMS.iter().any(|s| prev.starts_with(s))
}

/// Marks figures after a hedge word as approximate; the hedge stays outside the text.
fn mark_hedges(toks: &[Tok], found: &mut [Found], lex: &Lexicon) {
    let words = hedge_words(lex.code);
    for f in found.iter_mut() {
        if f.kind == Kind::Ordinal {
            continue;
        }
        // Up to two words back ("près de 500", "cerca de 500", "an estimated 5,000").
        let mut j = f.tok_start;
        let mut seen = 0;
        while j > 0 && seen < 2 {
            j -= 1;
            match toks[j].kind {
                TokKind::Space => continue,
                TokKind::Word => {
                    if words.contains(&toks[j].lower.as_str()) {
                        f.approximate = !about_as_preposition(toks, j);
                        break;
                    }
                    if !matches!(toks[j].lower.as_str(), "de" | "a" | "an" | "di" | "à") {
                        break;
                    }
                    seen += 1;
                }
                _ => break,
            }
        }
    }
}

fn range_from(a: &Found, b: &Found, start: usize, start_tok: usize) -> Option<Found> {
    if !matches!(
        a.kind,
        Kind::Number
            | Kind::Money
            | Kind::Percentage
            | Kind::Dimension
            | Kind::Duration
            | Kind::Temperature
            | Kind::Age
    ) || b.kind == Kind::Ordinal
        || a.kind == Kind::Ordinal
        || b.kind == Kind::Range
    {
        return None;
    }
    // The first may be bare ("5 to 10 percent") and take the second's unit.
    if a.kind != Kind::Number && a.kind != b.kind {
        return None;
    }
    let (lo, hi) = (a.value?, b.value?);
    if lo > hi {
        return None;
    }
    let unit = b.unit.clone().or_else(|| a.unit.clone());
    Some(Found {
        start,
        end: b.end,
        kind: Kind::Range,
        value: None,
        min: Some(lo),
        max: Some(hi),
        unit: if b.kind == Kind::Number { None } else { unit },
        seconds: None,
        approximate: a.approximate || b.approximate,
        tok_start: start_tok,
        tok_end: b.tok_end,
    })
}

fn merge_ranges(chars: &[char], toks: &[Tok], found: &mut Vec<Found>, lex: &Lexicon) {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    let mut i = 0;
    while i < found.len() {
        let a = &found[i];
        if let Some(b) = found.get(i + 1) {
            let gap_start = a.tok_end;
            let gap_end = b.tok_start;
            // "50-60", "50–60": digits only, no spaces or one on each side of a dash.
            let gap: Vec<&Tok> = toks[gap_start.min(gap_end)..gap_end].iter().collect();
            let dash = gap.iter().filter(|t| t.kind == TokKind::Other).count() == 1
                && gap.iter().all(|t| {
                    t.kind == TokKind::Space
                        || (t.kind == TokKind::Other
                            && matches!(chars[t.start], '-' | '–' | '—' | '~'))
                })
                && gap.len() <= 3;
            // Opener before a: "between", "from".
            let mut opener: Option<(usize, &[&str])> = None;
            if a.tok_start >= 2 {
                let p = a.tok_start - 1;
                if toks[p].kind == TokKind::Space
                    && let Some(w) = word_at(toks, p - 1)
                {
                    for (l, o, joiners) in RANGE_WORDS {
                        if *l == lex.code && *o == w {
                            opener = Some((p - 1, joiners));
                        }
                    }
                }
            }
            let joiner_ok = |joiners: &[&str]| -> bool {
                let words: Vec<String> = gap
                    .iter()
                    .filter(|t| t.kind != TokKind::Space)
                    .map(|t| {
                        if t.kind == TokKind::Word {
                            t.lower.clone()
                        } else {
                            chars[t.start].to_string()
                        }
                    })
                    .collect();
                words.len() == 1 && joiners.contains(&words[0].as_str())
            };
            let mut merged = None;
            if let Some((o, joiners)) = opener {
                if joiner_ok(joiners) {
                    merged = range_from(a, b, toks[o].start, o);
                }
            } else if dash && a.kind == Kind::Number && gap_end > gap_start {
                // Dates and codes like 2019-2020 stay ranges; phone numbers do not have two parts.
                let a_digits = !chars[a.start..a.end].iter().any(|c| c.is_alphabetic());
                let b_digits = !chars[b.start..b.end].iter().any(|c| c.is_alphabetic());
                // Not inside dates or codes ("2023-11-20", "+1-222-2222").
                let chained = (a.start >= 2 && matches!(chars[a.start - 1], '-' | '/' | '+'))
                    || (b.end + 1 < chars.len()
                        && matches!(chars[b.end], '-' | '/')
                        && chars[b.end + 1].is_ascii_digit());
                if a_digits && b_digits && !chained {
                    merged = range_from(a, b, a.start, a.tok_start);
                }
            } else if lex.code == "en"
                && ((joiner_ok(&["to"]) && b.kind != Kind::Number && a.kind == Kind::Number)
                    || joiner_ok(&["through", "thru"]))
            {
                merged = range_from(a, b, a.start, a.tok_start);
            }
            if let Some(m) = merged {
                out.push(m);
                i += 2;
                continue;
            }
        }
        out.push(found[i].clone());
        i += 1;
    }
    *found = out;
}

fn add_vague(chars: &[char], toks: &[Tok], found: &mut Vec<Found>, lex: &Lexicon) {
    let mut extra: Vec<Found> = Vec::new();
    let mut covered = 0usize;
    let mut fi = 0usize;
    let mut i = 0;
    while i < toks.len() {
        while fi < found.len() && found[fi].tok_end <= i {
            covered = covered.max(found[fi].tok_end);
            fi += 1;
        }
        let inside = found
            .get(fi)
            .is_some_and(|f| f.tok_start <= i && i < f.tok_end);
        if inside || i < covered || toks[i].kind != TokKind::Word {
            i += 1;
            continue;
        }
        let w = toks[i].lower.as_str();
        let mut hit: Option<(usize, f64, f64)> = None;
        if let Some(&mag) = VAGUE_MAP.get(w) {
            // "tens of thousands", "hundreds of thousands", "des dizaines de milliers".
            let mut lo = if mag == 12.0 { 24.0 } else { mag * 2.0 };
            let mut hi = if mag == 12.0 { 100.0 } else { mag * 10.0 };
            let mut end = i + 1;
            let j = skip_space(toks, i + 1);
            // "tens of thousands", "des dizaines de milliers", "сотни тысяч" (no connector).
            let k = if matches!(word_at(toks, j), Some("of" | "de" | "di" | "d")) {
                skip_space(toks, j + 1)
            } else {
                j
            };
            if k > i + 1
                && let Some(&m2) = word_at(toks, k).and_then(|w2| VAGUE_MAP.get(w2))
                && m2 > mag
            {
                lo = 2.0 * mag.max(10.0) * m2;
                hi = mag.max(10.0) * m2 * 10.0;
                if mag == 12.0 {
                    lo = 24.0 * m2;
                    hi = 100.0 * m2;
                }
                end = k + 1;
            }
            // "millions" as a noun only when vague: not after a number ("two millions").
            if mag >= 1e6
                && i >= 2
                && toks[i - 1].kind == TokKind::Space
                && lex.words.contains_key(toks[i - 2].lower.as_str())
            {
                i += 1;
                continue;
            }
            hit = Some((end, lo, hi));
        } else if let Some(&(f_lo, f_hi)) = SEVERAL_MAP.get(w) {
            // "several hundred thousand", "a few thousand".
            let mut j = skip_space(toks, i + 1);
            let mut mult = 1.0;
            let mut end = i;
            while let Some(m) = word_at(toks, j).and_then(|w2| lex.words.get(w2)) {
                if !matches!(m.class, Class::H100 | Class::Big) {
                    break;
                }
                mult *= m.value;
                end = j + 1;
                j = skip_space(toks, j + 1);
            }
            if end > i {
                hit = Some((end, f_lo * mult, f_hi * mult));
            }
        }
        if let Some((end, lo, hi)) = hit {
            // Include "a few" article.
            let mut start = i;
            if w == "few"
                && i >= 2
                && toks[i - 1].kind == TokKind::Space
                && toks[i - 2].lower == "a"
            {
                start = i - 2;
            }
            let _ = chars;
            extra.push(Found {
                start: toks[start].start,
                end: toks[end - 1].end,
                kind: Kind::Range,
                value: None,
                min: Some(lo),
                max: Some(hi),
                unit: None,
                seconds: None,
                approximate: true,
                tok_start: start,
                tok_end: end,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    if extra.is_empty() {
        return;
    }
    // Drop numbers swallowed by a vague phrase ("several hundred thousand").
    found.retain(|f| {
        !extra
            .iter()
            .any(|e| f.tok_start < e.tok_end && e.tok_start < f.tok_end)
    });
    found.extend(extra);
    found.sort_by_key(|f| f.start);
}
