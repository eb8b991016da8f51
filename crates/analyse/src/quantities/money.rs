//! Money around numbers: currency signs and codes before the amount ("$", "c $", "EUR"),
//! amounts with minor units ("3 dollars 50 cents"), and the default reading of bare
//! dollars and pounds.

use super::Kind;
use super::lexicon::Lexicon;
use super::scan::{Tok, TokKind};
use super::units::{CURRENCIES, Found, skip_space};

/// Currency signs written before (or after) the amount.
pub(super) const SIGNS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("R$", "BRL"),
    ("$", "DOLLAR"),
    ("€", "EUR"),
    ("£", "POUND"),
    ("¥", "JPY"),
    ("₽", "RUB"),
    ("₴", "UAH"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("Rs", "INR"),
    ("Rs.", "INR"),
    ("Mex$", "MXN"),
    ("MXN$", "MXN"),
    ("AUD$", "AUD"),
    ("CAD$", "CAD"),
    ("NZD$", "NZD"),
    ("U$D", "USD"),
    ("U$S", "USD"),
    ("USD$", "USD"),
    ("元", "CNY"),
    ("₡", "CRC"),
    ("₾", "GEL"),
    ("₭", "LAK"),
];

/// "c $", "us $", "hk $", "u.s $" before a dollar sign at `s` → (start char, ISO code).
fn dollar_country(chars: &[char], s: usize) -> Option<(usize, &'static str)> {
    let mut e = s;
    if e > 0 && chars[e - 1] == ' ' {
        e -= 1;
    }
    let from = e.saturating_sub(5);
    let before: String = chars[from..e].iter().collect::<String>().to_lowercase();
    for (tag, iso) in [
        ("u.s.", "USD"),
        ("u.s", "USD"),
        ("us", "USD"),
        ("c", "CAD"),
        ("ca", "CAD"),
        ("hk", "HKD"),
        ("nz", "NZD"),
        ("au", "AUD"),
    ] {
        if before.ends_with(tag) {
            let q = e - tag.chars().count();
            if q == 0 || !chars[q - 1].is_alphanumeric() {
                return Some((q, iso));
            }
        }
    }
    None
}

/// A currency sign right before token `i` → (its first token, ISO code).
pub(super) fn sign_before(chars: &[char], toks: &[Tok], i: usize) -> Option<(usize, &'static str)> {
    let mut j = i;
    // One optional space between sign and amount.
    if j > 0 && toks[j - 1].kind == TokKind::Space && toks[j - 1].end - toks[j - 1].start == 1 {
        j -= 1;
    }
    let end = toks.get(j.checked_sub(1)?)?.end;
    for (sign, iso) in SIGNS {
        let n = sign.chars().count();
        if end < n {
            continue;
        }
        let s = end - n;
        let written: String = chars[s..end].iter().collect();
        if written.eq_ignore_ascii_case(sign) {
            // The sign must not be the tail of a word ("ABC$"), except "c $".
            if s > 0 && chars[s - 1].is_alphanumeric() {
                continue;
            }
            let ti = toks.partition_point(|t| t.start < s);
            if toks.get(ti).is_some_and(|t| t.start == s) {
                if *sign == "$"
                    && let Some((q, iso2)) = dollar_country(chars, s)
                {
                    let tq = toks.partition_point(|t| t.start < q);
                    return Some((tq, iso2));
                }
                return Some((ti, iso));
            }
        }
    }
    // Letter codes before the amount: "USD 5", "EUR 3".
    if i >= 2 && toks[i - 1].kind == TokKind::Space {
        let w = &toks[i - 2];
        let common = matches!(
            w.lower.as_str(),
            "eur" | "usd" | "gbp" | "rub" | "chf" | "jpy" | "cny" | "uah"
        );
        if w.kind == TokKind::Word
            && w.lower.len() == 3
            && (chars[w.start].is_uppercase() || common)
        {
            let up = w.lower.to_uppercase();
            if CURRENCIES.iter().any(|(iso, _)| *iso == up) {
                let iso = CURRENCIES
                    .iter()
                    .find(|(iso, _)| *iso == up)
                    .map(|(iso, _)| *iso)?;
                return Some((i - 2, iso));
            }
        }
    }
    None
}

/// Whether the words before token `i` talk about money ("paid 500 pounds").
pub(super) fn money_context(toks: &[Tok], i: usize) -> bool {
    const MONEY: &[&str] = &[
        "pay", "paid", "pays", "cost", "costs", "price", "prices", "fine", "fined", "worth",
        "spend", "spent", "earn", "earned", "earns", "profit", "sold", "bought", "salary", "wage",
        "fee", "fees", "bid", "offer", "raised", "loan", "debt", "sterling", "share", "pagar",
        "pagó", "precio", "coste", "costo", "payer", "payé", "prix", "coût", "zahlen", "preis",
        "kosten", "prezzo", "costa", "pagato", "preço", "custo", "million", "billion",
    ];
    let from = i.saturating_sub(8);
    toks[from..i]
        .iter()
        .any(|t| MONEY.contains(&t.lower.as_str()))
        || toks[i..toks.len().min(i + 8)]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "share" | "sterling" | "each"))
}

/// Bare dollars are taken as US dollars and bare pounds as pounds sterling, as in most news.
pub(super) fn iso_default(unit: &mut Option<String>) {
    match unit.as_deref() {
        Some("DOLLAR") => *unit = Some("USD".into()),
        Some("POUND") => *unit = Some("GBP".into()),
        _ => {}
    }
}

/// "3 dollars 50 cents", "thirteen dollars and forty-five cents" → one amount.
pub(super) fn merge_cents(chars: &[char], toks: &[Tok], out: &mut Vec<Found>, lex: &Lexicon) {
    let minor = |u: &Option<String>| matches!(u.as_deref(), Some("CENT" | "PENNY" | "PENCE"));
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let major =
            a.kind == Kind::Money && !minor(&a.unit) && a.value.is_some_and(|v| v.fract() == 0.0);
        let small = b
            .value
            .is_some_and(|v| (0.0..100.0).contains(&v) && v.fract() == 0.0);
        let b_ok = (b.kind == Kind::Money && minor(&b.unit))
            || (b.kind == Kind::Number && {
                let n = skip_space(toks, b.tok_end);
                !toks.get(n).is_some_and(|t| {
                    t.kind == TokKind::Word && !lex.and_words.contains(&t.lower.as_str())
                })
            });
        let gap: Vec<&Tok> = toks[a.tok_end.min(b.tok_start)..b.tok_start]
            .iter()
            .filter(|t| t.kind != TokKind::Space)
            .collect();
        let gap_ok = gap.is_empty()
            || (gap.len() == 1
                && gap[0].kind == TokKind::Word
                && (lex.and_words.contains(&gap[0].lower.as_str()) || gap[0].lower == "con"));
        let spaced = b.tok_start > a.tok_end;
        let has_and = !gap.is_empty();
        let unit_word = chars[..a.end].last().is_some_and(|c| c.is_alphabetic());
        let bare = b.kind == Kind::Number;
        if major && small && b_ok && gap_ok && spaced && (!bare || has_and || unit_word) {
            let add = b.value.unwrap_or(0.0) / 100.0;
            let (end, tok_end) = (b.end, b.tok_end);
            let a = &mut out[i];
            a.value = a.value.map(|v| v + add);
            a.end = end;
            a.tok_end = tok_end;
            out.remove(i + 1);
            continue;
        }
        i += 1;
    }
}
