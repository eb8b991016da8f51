//! Open and closed number ranges written with comparatives: "more than 20", "at most 100",
//! "5 or more", ">10", "larger than 10 and smaller than 20", "au moins 3", "bis zu 50".

use super::Quantity;
use super::scan::{Tok, TokKind};
use super::units::Found;
use super::{Kind, lexicon::Lexicon};

/// A range with its bounds' inclusivity ("at least 5" → `[5, ∞)`).
#[derive(Debug, Clone, PartialEq)]
pub struct NumberRange {
    /// The range as a quantity of kind `range` (`min` and/or `max`).
    pub quantity: Quantity,
    /// Whether `min` belongs to the range.
    pub min_inclusive: bool,
    /// Whether `max` belongs to the range.
    pub max_inclusive: bool,
}

/// Which side a comparative bounds and whether the bound is included.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cmp {
    /// "more than": (x, ∞).
    Above,
    /// "at least": [x, ∞).
    AtLeast,
    /// "less than": (−∞, x).
    Below,
    /// "at most": (−∞, x].
    AtMost,
    /// "equal to": [x, x].
    Equal,
}

/// Comparatives written before the number, per language (longest first within a language).
fn before_words(lang: &str) -> &'static [(&'static str, Cmp)] {
    use Cmp::*;
    match lang {
        "en" => &[
            ("higher or equal than", AtLeast),
            ("bigger or equal than", AtLeast),
            ("larger or equal than", AtLeast),
            ("greater or equal than", AtLeast),
            ("greater than or equal to", AtLeast),
            ("more than or equal to", AtLeast),
            ("less than or equal to", AtMost),
            ("smaller or equal than", AtMost),
            ("lower or equal than", AtMost),
            ("less or equal than", AtMost),
            ("no less than", AtLeast),
            ("not less than", AtLeast),
            ("no fewer than", AtLeast),
            ("no more than", AtMost),
            ("not more than", AtMost),
            ("as many as", AtMost),
            ("as much as", AtMost),
            ("in excess of", Above),
            ("more than", Above),
            ("greater than", Above),
            ("larger than", Above),
            ("bigger than", Above),
            ("higher than", Above),
            ("less than", Below),
            ("fewer than", Below),
            ("lower than", Below),
            ("smaller than", Below),
            ("at least", AtLeast),
            ("at most", AtMost),
            ("up to", AtMost),
            ("equal to", Equal),
            ("equaling to", Equal),
            ("equals", Equal),
            ("over", Above),
            ("above", Above),
            ("exceeding", Above),
            ("under", Below),
            ("below", Below),
        ],
        "fr" => &[
            ("supérieur ou égal à", AtLeast),
            ("inférieur ou égal à", AtMost),
            ("pas moins de", AtLeast),
            ("pas plus de", AtMost),
            ("plus grand que", Above),
            ("plus haut que", Above),
            ("plus petit que", Below),
            ("plus bas que", Below),
            ("plus de", Above),
            ("plus que", Above),
            ("supérieur à", Above),
            ("au-dessus de", Above),
            ("au moins", AtLeast),
            ("moins de", Below),
            ("moins que", Below),
            ("inférieur à", Below),
            ("au plus", AtMost),
            ("jusqu'à", AtMost),
            ("égal à", Equal),
        ],
        "es" => &[
            ("mayor o igual que", AtLeast),
            ("menor o igual que", AtMost),
            ("no menos de", AtLeast),
            ("no más de", AtMost),
            ("por encima de", Above),
            ("por debajo de", Below),
            ("por lo menos", AtLeast),
            ("como máximo", AtMost),
            ("más de", Above),
            ("más que", Above),
            ("mayor que", Above),
            ("al menos", AtLeast),
            ("menos de", Below),
            ("menos que", Below),
            ("menor que", Below),
            ("hasta", AtMost),
            ("igual a", Equal),
        ],
        "pt" => &[
            ("maior ou igual a", AtLeast),
            ("menor ou igual a", AtMost),
            ("não menos de", AtLeast),
            ("não mais de", AtMost),
            ("mais de", Above),
            ("mais que", Above),
            ("maior que", Above),
            ("acima de", Above),
            ("pelo menos", AtLeast),
            ("no mínimo", AtLeast),
            ("menos de", Below),
            ("menos que", Below),
            ("menor que", Below),
            ("abaixo de", Below),
            ("no máximo", AtMost),
            ("até", AtMost),
            ("igual a", Equal),
        ],
        "it" => &[
            ("più di", Above),
            ("maggiore di", Above),
            ("almeno", AtLeast),
            ("meno di", Below),
            ("minore di", Below),
            ("al massimo", AtMost),
            ("fino a", AtMost),
            ("oltre", Above),
            ("uguale a", Equal),
        ],
        "de" => &[
            ("mehr als", Above),
            ("größer als", Above),
            ("weniger als", Below),
            ("kleiner als", Below),
            ("bis zu", AtMost),
            ("mindestens", AtLeast),
            ("wenigstens", AtLeast),
            ("höchstens", AtMost),
            ("über", Above),
            ("unter", Below),
        ],
        "nl" => &[
            ("meer dan", Above),
            ("groter dan", Above),
            ("minder dan", Below),
            ("kleiner dan", Below),
            ("ten minste", AtLeast),
            ("minstens", AtLeast),
            ("hoogstens", AtMost),
            ("maximaal", AtMost),
            ("boven", Above),
            ("onder", Below),
        ],
        "ru" => &[
            ("не менее", AtLeast),
            ("не более", AtMost),
            ("как минимум", AtLeast),
            ("более", Above),
            ("больше", Above),
            ("свыше", Above),
            ("менее", Below),
            ("меньше", Below),
            ("до", AtMost),
        ],
        _ => &[],
    }
}

/// Comparatives written after the number ("5 or more").
fn after_words(lang: &str) -> &'static [(&'static str, Cmp)] {
    use Cmp::*;
    match lang {
        "en" => &[
            ("or more", AtLeast),
            ("and more", AtLeast),
            ("or greater", AtLeast),
            ("or above", AtLeast),
            ("or higher", AtLeast),
            ("or less", AtMost),
            ("or fewer", AtMost),
            ("or below", AtMost),
            ("or lower", AtMost),
        ],
        "fr" => &[("ou plus", AtLeast), ("ou moins", AtMost)],
        "es" => &[("o más", AtLeast), ("o menos", AtMost)],
        "pt" => &[("ou mais", AtLeast), ("ou menos", AtMost)],
        "it" => &[("o più", AtLeast), ("o meno", AtMost)],
        "de" => &[("oder mehr", AtLeast), ("oder weniger", AtMost)],
        "nl" => &[("of meer", AtLeast), ("of minder", AtMost)],
        _ => &[],
    }
}

/// Words of a phrase as the tokenizer sees them ("jusqu'à" → jusqu ' à).
fn pieces(phrase: &str) -> Vec<String> {
    let chars: Vec<char> = phrase.chars().collect();
    super::scan::tokenize(&chars)
        .into_iter()
        .filter(|t| t.kind != TokKind::Space)
        .map(|t| {
            if t.kind == TokKind::Word {
                t.lower
            } else {
                chars[t.start..t.end].iter().collect()
            }
        })
        .collect()
}

fn piece(chars: &[char], t: &Tok) -> String {
    if t.kind == TokKind::Word {
        t.lower.clone()
    } else {
        chars[t.start..t.end].iter().collect()
    }
}

/// The comparative ending just before token `i` → (its first token, comparison).
fn cmp_before(chars: &[char], toks: &[Tok], i: usize, lang: &str) -> Option<(usize, Cmp)> {
    // Symbols: ">10", "< = 100", ">= 5", "≤ 3".
    let mut j = i;
    while j > 0 && toks[j - 1].kind == TokKind::Space {
        j -= 1;
    }
    let sym = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Other)
            .map(|t| chars[t.start])
    };
    if j > 0 {
        let mut k = j - 1;
        let last = sym(k);
        let mut eq = false;
        if last == Some('=') {
            eq = true;
            let mut q = k;
            while q > 0 && toks[q - 1].kind == TokKind::Space {
                q -= 1;
            }
            if q > 0 && matches!(sym(q - 1), Some('>' | '<')) {
                k = q - 1;
            }
        }
        match (sym(k), eq) {
            (Some('>'), false) => return Some((k, Cmp::Above)),
            (Some('>'), true) | (Some('≥'), _) => return Some((k, Cmp::AtLeast)),
            (Some('<'), false) => return Some((k, Cmp::Below)),
            (Some('<'), true) | (Some('≤'), _) => return Some((k, Cmp::AtMost)),
            _ => {}
        }
    }
    // Words: match each phrase backwards, allowing "the" before ordinals ("higher than the tenth").
    for (phrase, cmp) in before_words(lang) {
        let ps = pieces(phrase);
        let mut k = i;
        let mut ok = true;
        for p in ps.iter().rev() {
            while k > 0 && toks[k - 1].kind == TokKind::Space {
                k -= 1;
            }
            if k == 0 || piece(chars, &toks[k - 1]) != *p {
                ok = false;
                break;
            }
            k -= 1;
        }
        if ok {
            return Some((k, *cmp));
        }
    }
    None
}

/// The comparative starting just after token `e` → (token after it, comparison).
fn cmp_after(chars: &[char], toks: &[Tok], e: usize, lang: &str) -> Option<(usize, Cmp)> {
    'outer: for (phrase, cmp) in after_words(lang) {
        let mut k = e;
        for p in pieces(phrase) {
            while k < toks.len() && toks[k].kind == TokKind::Space {
                k += 1;
            }
            if k >= toks.len() || piece(chars, &toks[k]) != p {
                continue 'outer;
            }
            k += 1;
        }
        return Some((k, *cmp));
    }
    None
}

/// Bounds of one comparison of `v`: (min, max, min inclusive, max inclusive).
fn bounds(cmp: Cmp, v: f64) -> (Option<f64>, Option<f64>, bool, bool) {
    match cmp {
        Cmp::Above => (Some(v), None, false, false),
        Cmp::AtLeast => (Some(v), None, true, false),
        Cmp::Below => (None, Some(v), false, false),
        Cmp::AtMost => (None, Some(v), false, true),
        Cmp::Equal => (Some(v), Some(v), true, true),
    }
}

/// Ranges in a chunk: the closed ones already found ("between 5 and 10") and comparatives
/// around numbers. `found` is the output of the unit and range passes.
pub(crate) fn ranges(
    chars: &[char],
    toks: &[Tok],
    found: &[Found],
    lex: &Lexicon,
) -> Vec<(Found, bool, bool)> {
    let lang = lex.code;
    let mut out: Vec<(Found, bool, bool)> = Vec::new();
    for f in found {
        if f.kind == Kind::Range {
            if !f.approximate {
                out.push((f.clone(), true, false));
            }
            continue;
        }
        if !matches!(
            f.kind,
            Kind::Number
                | Kind::Ordinal
                | Kind::Money
                | Kind::Percentage
                | Kind::Dimension
                | Kind::Temperature
                | Kind::Duration
                | Kind::Age
        ) {
            continue;
        }
        let Some(v) = f.value else { continue };
        let before = cmp_before(chars, toks, f.tok_start, lang);
        let after = cmp_after(chars, toks, f.tok_end, lang);
        let (start_tok, end_tok, cmp) = match (before, after) {
            (Some((s, c)), _) => (s, f.tok_end, c),
            (None, Some((e, c))) => (f.tok_start, e, c),
            (None, None) => continue,
        };
        let (min, max, lo_in, hi_in) = bounds(cmp, v);
        let r = Found {
            start: toks[start_tok].start,
            end: toks[end_tok - 1].end,
            kind: Kind::Range,
            value: None,
            min,
            max,
            unit: if f.kind == Kind::Number || f.kind == Kind::Ordinal {
                None
            } else {
                f.unit.clone()
            },
            seconds: None,
            approximate: false,
            tok_start: start_tok,
            tok_end: end_tok,
        };
        // "larger than 10 and smaller than 20": one lower and one upper bound joined;
        // "at most 100 and at least 20" the other way round.
        if let Some((prev, lo_prev, hi_prev)) = out.last_mut()
            && joined(chars, toks, prev.tok_end, start_tok, lex)
        {
            if prev.max.is_none() && prev.min.is_some() && r.min.is_none() && r.max.is_some() {
                prev.max = r.max;
                prev.end = r.end;
                prev.tok_end = r.tok_end;
                *hi_prev = hi_in;
                continue;
            }
            if prev.min.is_none() && prev.max.is_some() && r.max.is_none() && r.min.is_some() {
                prev.min = r.min;
                prev.end = r.end;
                prev.tok_end = r.tok_end;
                *lo_prev = lo_in;
                continue;
            }
        }
        out.push((r, lo_in, hi_in));
    }
    out
}

/// Whether only "and", "but" or a comma stand between tokens `a` and `b`.
fn joined(chars: &[char], toks: &[Tok], a: usize, b: usize, lex: &Lexicon) -> bool {
    if b < a {
        return false;
    }
    let between: Vec<String> = toks[a..b]
        .iter()
        .filter(|t| t.kind != TokKind::Space)
        .map(|t| piece(chars, t))
        .collect();
    match between.as_slice() {
        [] => true,
        [w] => w == "," || w == "but" || lex.and_words.contains(&w.as_str()),
        [c, w] => c == "," && (w == "but" || lex.and_words.contains(&w.as_str())),
        _ => false,
    }
}
