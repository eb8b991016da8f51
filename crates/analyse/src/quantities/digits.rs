//! Numerals written with digits: locale separators ("1,234.5", "1.234,5", "40 000"),
//! exponents ("1e10", "1.1^23"), multiplier suffixes ("10k", "€3bn") and ordinal marks
//! ("17th", "1º").

use super::numbers::{Ctx, MAX_DIGITS, tok_at};
use super::scan::TokKind;

/// A digit numeral at token `k`.
pub(super) struct Numeral {
    pub(super) value: f64,
    pub(super) int: bool,
    pub(super) tok_end: usize,
    pub(super) glued: bool,
    pub(super) ordinal: bool,
}

pub(super) fn digits_value(ds: &[char]) -> f64 {
    let s: String = ds.iter().filter(|c| c.is_ascii_digit()).collect();
    s.parse().unwrap_or(0.0)
}

/// Reads "1,234.5", "1.234,5", "40 000", ".25", "1e10", "1.1^23", "10k", "17th" at token `k`.
pub(super) fn numeral(ctx: &Ctx, k: usize) -> Option<Numeral> {
    let chars = ctx.chars;
    let toks = ctx.toks;
    let t = toks.get(k)?;
    let dec_comma = ctx.lex.decimal_comma;
    let n = chars.len();
    let at = |p: usize| -> char { if p < n { chars[p] } else { '\0' } };
    let run = |p: usize| -> usize {
        let mut q = p;
        while q < n && chars[q].is_ascii_digit() {
            q += 1;
        }
        q - p
    };
    let mut p = t.start;
    let mut int_digits = String::new();
    let mut frac_digits = String::new();
    // "½", "¼", "¾".
    if t.kind == TokKind::Other {
        let v = match at(p) {
            '½' => Some(0.5),
            '¼' => Some(0.25),
            '¾' => Some(0.75),
            _ => None,
        };
        if let Some(value) = v {
            return Some(Numeral {
                value,
                int: false,
                tok_end: k + 1,
                glued: false,
                ordinal: false,
            });
        }
    }
    // Leading ".25" / ",08".
    if t.kind == TokKind::Other {
        let c = at(p);
        let is_dec = c == '.' || (c == ',' && dec_comma);
        if !is_dec || run(p + 1) == 0 || (p > 0 && (chars[p - 1].is_alphanumeric())) {
            return None;
        }
        if p > 0 && !chars[p - 1].is_whitespace() {
            return None;
        }
        let r = run(p + 1);
        frac_digits.extend(&chars[p + 1..p + 1 + r]);
        p += 1 + r;
    } else {
        if t.kind != TokKind::Digits {
            return None;
        }
        // Digits right after letters ("abc123") or inside dotted codes are not numbers.
        if t.start > 0 && is_word_letter(chars[t.start - 1]) {
            return None;
        }
        let r = run(p);
        if r > MAX_DIGITS {
            return None;
        }
        int_digits.extend(&chars[p..p + r]);
        let head = r;
        p += r;
        // Thousands groups; "1,111.11" in a comma locale (and "1.111,11" in English) swap
        // the marks: the last mark is the decimal one.
        let (primary, alt) = if dec_comma { ('.', ',') } else { (',', '.') };
        let swapped = head <= 3 && {
            let mut q = p;
            let mut groups = 0;
            while at(q) == alt && run(q + 1) == 3 {
                q += 4;
                groups += 1;
            }
            groups > 0 && at(q) == primary && run(q + 1) > 0 && run(q + 1) != 3
        };
        let group_seps: &[char] = if swapped {
            &[',', '.']
        } else if dec_comma {
            &['.', ' ', '\u{a0}', '\u{202f}']
        } else {
            &[',', ' ', '\u{a0}', '\u{202f}']
        };
        let group_seps: Vec<char> = if swapped {
            group_seps.iter().copied().filter(|&c| c == alt).collect()
        } else {
            group_seps.to_vec()
        };
        if head <= 3 && int_digits != "0" {
            let mut sep_used: Option<char> = None;
            loop {
                let c = at(p);
                if !group_seps.contains(&c) || sep_used.is_some_and(|s| s != c) {
                    break;
                }
                if run(p + 1) != 3 {
                    break;
                }
                // "1.000.000": dots only when the group is followed by a non-digit.
                if c == ' ' || c == '\u{a0}' || c == '\u{202f}' {
                    // A spaced group must not itself be followed by a decimal-less longer run.
                    if at(p + 4).is_ascii_digit() {
                        break;
                    }
                }
                if c == '.' && dec_comma {
                    // "1.5" is a decimal even in German; ".000" groups.
                } else if c == '.' || c == ',' {
                    // "192.168.1.2" style codes are split.
                }
                int_digits.extend(&chars[p + 1..p + 4]);
                sep_used = Some(c);
                p += 4;
                if int_digits.len() > MAX_DIGITS {
                    return None;
                }
            }
        }
        // Decimal part.
        let c = at(p);
        let dec_chars: &[char] = if dec_comma { &[',', '.'] } else { &['.', ','] };
        if dec_chars.contains(&c) && run(p + 1) > 0 {
            let r = run(p + 1);
            let after = at(p + 1 + r);
            let list_like = (after == c && at(p + 2 + r).is_ascii_digit())
                || (p >= 1
                    && t.start >= 2
                    && chars[t.start - 1] == c
                    && chars[t.start - 2].is_ascii_digit());
            // In English a comma is a decimal mark only for 1–2 digits ("1,3", "5,00").
            let comma_ok = swapped || if !dec_comma && c == ',' { r <= 2 } else { true };
            // In comma locales a dot with exactly three digits after a short head groups.
            let dot_group =
                !swapped && dec_comma && c == '.' && r == 3 && head <= 3 && int_digits != "0";
            if !list_like && comma_ok && !dot_group && r <= MAX_DIGITS {
                frac_digits.extend(&chars[p + 1..p + 1 + r]);
                p += 1 + r;
            } else if dot_group && !list_like {
                int_digits.extend(&chars[p + 1..p + 4]);
                p += 4;
            } else if list_like && (c == '.') {
                // Dotted code: this numeral stops here.
            }
        }
    }
    let mut value: f64 = if frac_digits.is_empty() {
        int_digits.parse().ok()?
    } else {
        format!(
            "{}.{}",
            if int_digits.is_empty() {
                "0"
            } else {
                &int_digits
            },
            frac_digits
        )
        .parse()
        .ok()?
    };
    let mut int = frac_digits.is_empty();
    // Exponent "e10", "e+14", "^23", "^-1".
    let c = at(p);
    if (c == 'e' || c == 'E') && !at(p + 1).is_alphabetic() {
        let mut q = p + 1;
        let mut esign = 1.0;
        if matches!(at(q), '+' | '-') {
            if at(q) == '-' {
                esign = -1.0;
            }
            q += 1;
        }
        let r = run(q);
        if r > 0 && r <= 4 && !at(q + r).is_alphabetic() {
            let e: f64 = chars[q..q + r]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0.0);
            value *= 10f64.powf(esign * e);
            int = value.fract() == 0.0;
            p = q + r;
        }
    } else if c == '^' {
        let mut q = p + 1;
        let mut minus = 0;
        while matches!(at(q), '+' | '-') {
            if at(q) == '-' {
                minus += 1;
            }
            q += 1;
        }
        let r = run(q);
        if r > 0 && r <= 4 {
            let e: f64 = chars[q..q + r]
                .iter()
                .collect::<String>()
                .parse()
                .unwrap_or(0.0);
            let e = if minus % 2 == 1 { -e } else { e };
            value = value.powf(e);
            int = value.fract() == 0.0;
            p = q + r;
        }
    }
    // Multiplier suffixes: "10k", "2.33 k", "1.2b", "10M", "1mm".
    let mut q = p;
    let spaced = {
        let mut s = p;
        while s < n && (chars[s] == ' ') {
            s += 1;
        }
        s
    };
    let word_end = |s: usize| -> usize {
        let mut e = s;
        while e < n && is_word_letter(chars[e]) {
            e += 1;
        }
        e
    };
    let glued_end = word_end(p);
    let suffix = |s: usize, e: usize| -> String { chars[s..e].iter().collect() };
    let mut glued = false;
    let mut ordinal = false;
    if glued_end > p && !at(glued_end).is_ascii_digit() {
        let sfx = suffix(p, glued_end);
        if let Some(m) = multiplier_suffix(&sfx, true, ctx.lex.code) {
            value *= m;
            int = value.fract() == 0.0;
            q = glued_end;
        } else if matches!(sfx.as_str(), "º" | "ºc" | "ºC" | "ºf" | "ºF") && {
            // "30º C", "99ºF": degrees, not an ordinal.
            let mut r = p + 1;
            while r < n && chars[r] == ' ' {
                r += 1;
            }
            r < n && matches!(chars[r], 'c' | 'C' | 'f' | 'F') && !at(r + 1).is_alphabetic()
        } {
            glued = true;
        } else if int && is_ordinal_suffix(ctx.lex.code, &sfx.to_lowercase()) {
            ordinal = true;
            q = glued_end;
        } else {
            glued = true;
        }
    } else if spaced > p && spaced - p <= 2 {
        let e = word_end(spaced);
        if e > spaced {
            let sfx = suffix(spaced, e);
            if let Some(m) = multiplier_suffix(&sfx, false, ctx.lex.code) {
                value *= m;
                int = value.fract() == 0.0;
                q = e;
            }
        }
    }
    // Ordinal marks "1º", "2ª", "3°" in Romance languages.
    if !glued && !ordinal && q == p && int && matches!(at(p), 'º' | 'ª') {
        ordinal = true;
        q = p + 1;
    }
    let tok_end = tok_at(toks, q);
    Some(Numeral {
        value,
        int,
        tok_end: tok_end.max(k + 1),
        glued,
        ordinal,
    })
}

/// Multipliers written after digits. `glued`: written without a space.
/// `lang`: "1mm", "2mil" are millions only in English; Italian glues "mila" (thousands)
/// and "mln"/"mld" to digits ("100mila", "35mila").
fn multiplier_suffix(s: &str, glued: bool, lang: &str) -> Option<f64> {
    let english = lang == "en";
    let spaced = match s {
        "k" | "K" => Some(1e3),
        "M" => Some(1e6),
        "G" => Some(1e9),
        "bn" | "bln" => Some(1e9),
        "mln" => Some(1e6),
        "tln" => Some(1e12),
        _ => None,
    };
    if spaced.is_some() || !glued {
        return spaced;
    }
    match s {
        "MM" => Some(1e6),
        "mil" if english => Some(1e6),
        "mila" if lang == "it" => Some(1e3),
        "mld" if lang == "it" => Some(1e9),
        "b" | "B" => Some(1e9),
        "T" | "tn" | "trn" => Some(1e12),
        _ => None,
    }
}

fn is_ordinal_suffix(lang: &str, s: &str) -> bool {
    match lang {
        "en" => matches!(s, "st" | "nd" | "rd" | "th"),
        "fr" => matches!(
            s,
            "er" | "re" | "e" | "ème" | "eme" | "è" | "ère" | "ere" | "nd" | "nde"
        ),
        "it" if matches!(s, "esimo" | "esima" | "esimi" | "esime") => true,
        "es" | "pt" | "it" if matches!(s, "º" | "ª" | "ro" | "vo") => true,
        "es" | "pt" | "it" => matches!(
            s,
            "o" | "a"
                | "er"
                | "ra"
                | "do"
                | "da"
                | "to"
                | "ta"
                | "mo"
                | "ma"
                | "vo"
                | "va"
                | "no"
                | "na"
        ),
        "nl" => matches!(s, "e" | "de" | "ste"),
        _ => false,
    }
}

/// Letters that glue to digits into one word ("abc123", "10km"). Chinese, Japanese and
/// Korean write numbers right against the words around them ("死者45人"), so their
/// scripts never glue.
fn is_word_letter(c: char) -> bool {
    c.is_alphabetic() && !is_cjk(c)
}

/// Han ideographs, kana, Hangul and the CJK punctuation and compatibility blocks.
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{1100}'..='\u{11ff}'
        | '\u{3130}'..='\u{318f}'
        | '\u{20000}'..='\u{2fa1f}')
}
