//! Number recognition scoring on the Recognizers-Text specs in ../shared/bench/numbers.
//!
//! A spec case passes as in the peer runner (`shared/peers/recognizers/run_specs.py`): the
//! same number of results and, pairwise in order, equal text (compared case-insensitively:
//! Recognizers-Text lowercases its output), type name and resolution value (Number: value;
//! NumberWithUnit: value, unit and isoCurrency where the spec gives them; durations: timex,
//! type and value). Values are compared after formatting both sides the Recognizers way
//! (15 significant digits), so "0,05" in a French spec equals our 0.05. Cases marked
//! NotSupported / NotSupportedByDesign for python are skipped, as the peer does, so both
//! pass rates are over the same cases.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use storyline_analyse::quantities::{self, Kind, Quantity};

/// Why the specs could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A spec file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A spec file is not the JSON we expect.
    #[error("cannot parse {path}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: serde_json::Error,
    },
}

/// Pass counts for one model in one language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// `Number`, `NumberWithUnit` or `DateTime-duration`.
    pub recognizer: String,
    /// `Number`, `Ordinal`, `Percent`, `NumberRange`, `Age`, `Currency`, `Dimension`,
    /// `Temperature` or `DateTime`.
    pub model: String,
    /// The spec folder name (`English`, `French`…).
    pub language: String,
    /// Cases in the file (for durations: duration-only cases).
    pub cases: usize,
    /// Cases skipped because the peer skips them (NotSupported for python).
    pub skipped: usize,
    /// Cases run.
    pub run: usize,
    /// Cases passed.
    pub passed: usize,
    /// All cases run, including those the peer skips.
    pub run_all: usize,
    /// All cases passed, including those the peer skips.
    pub passed_all: usize,
    /// Failed cases by reason (`count`, `text`, `type`, `resolution`).
    pub fail_reasons: BTreeMap<String, usize>,
    /// Some failing inputs, for inspection.
    pub failures: Vec<String>,
}

impl Row {
    /// Pass rate in percent (NaN when nothing ran).
    pub fn rate(&self) -> f64 {
        if self.run == 0 {
            f64::NAN
        } else {
            100.0 * self.passed as f64 / self.run as f64
        }
    }
}

/// Pass rates per model and language.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One row per spec file scored.
    pub rows: Vec<Row>,
}

/// A peer's pass rate for one row, read from `recognizers-passrates-*.txt`.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerRow {
    /// Recognizer column.
    pub recognizer: String,
    /// Model column.
    pub model: String,
    /// Language column.
    pub language: String,
    /// Cases run by the peer.
    pub run: usize,
    /// Cases passed by the peer.
    pub passed: usize,
}

impl Report {
    /// Run and passed totals per recognizer.
    pub fn totals(&self) -> BTreeMap<String, (usize, usize)> {
        let mut t: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for r in &self.rows {
            let e = t.entry(r.recognizer.clone()).or_default();
            e.0 += r.run;
            e.1 += r.passed;
        }
        t
    }

    /// A text table: our pass rate next to the peer's where it ran the same row.
    pub fn table(&self, peer: &[PeerRow]) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<18} {:<11} {:<14} {:>5} {:>5} {:>5} {:>7} {:>9} {:>11}  top failure reasons",
            "recognizer", "model", "language", "run", "pass", "skip", "ours", "peer", "ours (all)"
        );
        for r in &self.rows {
            if r.run == 0 && r.skipped == 0 {
                continue; // a language folder without cases for this model
            }
            let p = peer.iter().find(|p| {
                p.recognizer == r.recognizer && p.model == r.model && p.language == r.language
            });
            let peer_s = match p {
                Some(p) if p.run > 0 => format!("{:.1}%", 100.0 * p.passed as f64 / p.run as f64),
                _ => "-".into(),
            };
            let mut reasons: Vec<(&String, &usize)> = r.fail_reasons.iter().collect();
            reasons.sort_by(|a, b| b.1.cmp(a.1));
            let reasons: Vec<String> = reasons
                .iter()
                .take(3)
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            let _ = writeln!(
                s,
                "{:<18} {:<11} {:<14} {:>5} {:>5} {:>5} {:>7} {:>9} {:>11}  {}",
                r.recognizer,
                r.model,
                r.language,
                r.run,
                r.passed,
                r.skipped,
                if r.run == 0 {
                    "-".to_string()
                } else {
                    format!("{:.1}%", r.rate())
                },
                peer_s,
                format!("{}/{}", r.passed_all, r.run_all),
                reasons.join(", ")
            );
        }
        let _ = writeln!(s);
        for (k, (run, passed)) in self.totals() {
            // The peer total over the rows we also ran.
            let (mut prun, mut ppass) = (0, 0);
            for r in self.rows.iter().filter(|r| r.recognizer == k) {
                if let Some(p) = peer.iter().find(|p| {
                    p.recognizer == r.recognizer && p.model == r.model && p.language == r.language
                }) {
                    prun += p.run;
                    ppass += p.passed;
                }
            }
            let ours = if run > 0 {
                100.0 * passed as f64 / run as f64
            } else {
                f64::NAN
            };
            let theirs = if prun > 0 {
                100.0 * ppass as f64 / prun as f64
            } else {
                f64::NAN
            };
            let _ = writeln!(
                s,
                "TOTAL {k:<18} ours {passed}/{run} = {ours:.1}%   peer on the same rows {ppass}/{prun} = {theirs:.1}%"
            );
        }
        s
    }
}

/// Reads the peer's pass-rate table (`recognizers-passrates-*.txt`).
pub fn read_peer(path: &Path) -> Result<Vec<PeerRow>, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.into(),
        source,
    })?;
    let mut rows = Vec::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 8 || f[0] == "recognizer" || f[0] == "TOTAL" {
            continue;
        }
        let (Ok(run), Ok(passed)) = (f[5].parse::<usize>(), f[6].parse::<usize>()) else {
            continue;
        };
        rows.push(PeerRow {
            recognizer: f[0].into(),
            model: f[1].into(),
            language: f[2].into(),
            run,
            passed,
        });
    }
    Ok(rows)
}

/// Our language code for a spec folder, or None when we do not support the language.
pub fn lang_code(folder: &str) -> Option<&'static str> {
    Some(match folder {
        "English" | "EnglishOthers" => "en",
        "French" => "fr",
        "German" => "de",
        "Spanish" | "SpanishMexican" => "es",
        "Italian" => "it",
        "Portuguese" => "pt",
        "Dutch" => "nl",
        _ => return None,
    })
}

const MODELS: &[(&str, &str)] = &[
    ("Number", "Number"),
    ("Number", "Ordinal"),
    ("Number", "Percent"),
    ("Number", "NumberRange"),
    ("NumberWithUnit", "Age"),
    ("NumberWithUnit", "Currency"),
    ("NumberWithUnit", "Dimension"),
    ("NumberWithUnit", "Temperature"),
    ("DateTime", "DateTime"),
];

/// Scores our recogniser on the spec files under `dir` (the `recognizers-specs` folder).
///
/// `model` keeps only one recognizer (`Number`, `NumberWithUnit`, `DateTime`) or model
/// (`Currency`…); `lang` only one language folder (`English`).
pub fn run_specs(dir: &Path, model: Option<&str>, lang: Option<&str>) -> Result<Report, Error> {
    let mut report = Report::default();
    for (recognizer, m) in MODELS {
        if let Some(f) = model
            && f != *recognizer
            && f != *m
            && !(f == "DateTime-duration" && *recognizer == "DateTime")
        {
            continue;
        }
        let rdir = dir.join(recognizer);
        let Ok(entries) = std::fs::read_dir(&rdir) else {
            continue;
        };
        let mut langs: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        langs.sort();
        for language in langs {
            if lang.is_some_and(|l| l != language) {
                continue;
            }
            let Some(code) = lang_code(&language) else {
                continue;
            };
            let path = rdir.join(&language).join(format!("{m}Model.json"));
            if !path.exists() {
                continue;
            }
            let raw = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let raw = raw.trim_start_matches('\u{feff}');
            let specs: Vec<Value> = serde_json::from_str(raw).map_err(|source| Error::Json {
                path: path.clone(),
                source,
            })?;
            let row_name = if *recognizer == "DateTime" {
                "DateTime-duration"
            } else {
                recognizer
            };
            let mut row = Row {
                recognizer: row_name.into(),
                model: (*m).into(),
                language: language.clone(),
                ..Row::default()
            };
            for spec in &specs {
                let results = spec
                    .get("Results")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                if *recognizer == "DateTime"
                    && (results.is_empty()
                        || !results.iter().all(|r| {
                            r.get("TypeName").and_then(Value::as_str) == Some("datetimeV2.duration")
                        }))
                {
                    continue;
                }
                row.cases += 1;
                let input = spec.get("Input").and_then(Value::as_str).unwrap_or("");
                let verdict = check_case(recognizer, m, code, input, &results);
                row.run_all += 1;
                row.passed_all += usize::from(verdict.is_ok());
                let skipped = skipped_for_python(spec);
                if let Err(why) = verdict
                    && row.failures.len() < 400
                {
                    let note = if skipped { " (the peer skips it)" } else { "" };
                    row.failures
                        .push(failure(recognizer, m, code, input, &results, why, note));
                }
                if skipped {
                    row.skipped += 1;
                    continue;
                }
                row.run += 1;
                match verdict {
                    Ok(()) => row.passed += 1,
                    Err(why) => *row.fail_reasons.entry(why.into()).or_default() += 1,
                }
            }
            report.rows.push(row);
        }
    }
    Ok(report)
}

/// One failing case, with what we found and what the spec wants.
fn failure(
    recognizer: &str,
    model: &str,
    lang: &str,
    input: &str,
    results: &[Value],
    why: &str,
    note: &str,
) -> String {
    let got: Vec<String> = ours(recognizer, model, lang, input)
        .into_iter()
        .map(|(t, _, r)| format!("{t:?} {r:?}"))
        .collect();
    let want: Vec<String> = results
        .iter()
        .map(|r| {
            format!(
                "{:?} {}",
                r.get("Text").and_then(Value::as_str).unwrap_or(""),
                r.get("Resolution")
                    .map(Value::to_string)
                    .unwrap_or_default()
            )
        })
        .collect();
    format!(
        "[{why}]{note} {input:?}\n    got:  {}\n    want: {}",
        got.join(" | "),
        want.join(" | ")
    )
}

fn skipped_for_python(spec: &Value) -> bool {
    ["NotSupported", "NotSupportedByDesign"].iter().any(|k| {
        spec.get(*k)
            .map(|v| v.to_string().to_lowercase().contains("python"))
            .unwrap_or(false)
    })
}

/// One result in spec terms: text, type name and resolution pairs.
type Spec = (String, String, Vec<(String, String)>);

/// Our results for one model, in spec terms: (text, type name, resolution pairs).
fn ours(recognizer: &str, model: &str, lang: &str, input: &str) -> Vec<Spec> {
    if model == "NumberRange" {
        return quantities::recognize_number_ranges(input, lang)
            .into_iter()
            .map(|r| {
                let f = |v: Option<f64>| v.map(quantities::format_value).unwrap_or_default();
                let value = format!(
                    "{}{},{}{}",
                    if r.min_inclusive { '[' } else { '(' },
                    f(r.quantity.min),
                    f(r.quantity.max),
                    if r.max_inclusive { ']' } else { ')' }
                );
                (
                    r.quantity.text,
                    "numberrange".to_string(),
                    vec![("value".to_string(), value)],
                )
            })
            .collect();
    }
    let qs: Vec<Quantity> = match model {
        "Number" | "Ordinal" => quantities::recognize_numbers(input, lang),
        "Age" | "Currency" | "Dimension" | "Temperature" => {
            quantities::recognize_with_unit_mentions(input, lang)
        }
        _ => quantities::recognize(input, lang),
    };
    let want = match model {
        "Number" => Kind::Number,
        "Ordinal" => Kind::Ordinal,
        "Percent" => Kind::Percentage,
        "NumberRange" => Kind::Range,
        "Age" => Kind::Age,
        "Currency" => Kind::Money,
        "Dimension" => Kind::Dimension,
        "Temperature" => Kind::Temperature,
        _ => Kind::Duration,
    };
    let _ = recognizer;
    // Recognizers-Text lists units named without a number after the measured amounts.
    let (mut qs, mentions): (Vec<Quantity>, Vec<Quantity>) = qs
        .into_iter()
        .partition(|q| q.value.is_some() || q.min.is_some());
    qs.extend(mentions);
    qs.into_iter()
        .filter(|q| q.kind == want)
        .filter(|q| !(want == Kind::Range && q.approximate))
        .map(|q| {
            let v = q.value.map(quantities::format_value).unwrap_or_default();
            let mut res = Vec::new();
            let type_name = match want {
                Kind::Number => "number",
                Kind::Ordinal => "ordinal",
                Kind::Percentage => {
                    res.push(("value".into(), format!("{v}%")));
                    "percentage"
                }
                Kind::Range => {
                    let lo = q.min.map(quantities::format_value).unwrap_or_default();
                    let hi = q.max.map(quantities::format_value).unwrap_or_default();
                    res.push(("value".into(), format!("[{lo},{hi})")));
                    "numberrange"
                }
                Kind::Age => "age",
                Kind::Money => "currency",
                Kind::Dimension => "dimension",
                Kind::Temperature => "temperature",
                Kind::Duration => "datetimeV2.duration",
            };
            if matches!(
                want,
                Kind::Number
                    | Kind::Ordinal
                    | Kind::Age
                    | Kind::Money
                    | Kind::Dimension
                    | Kind::Temperature
            ) {
                res.push(("value".into(), v.clone()));
            }
            let unit = q.unit.clone().unwrap_or_default();
            match want {
                Kind::Money => {
                    // Recognizers-Text names a dollar or pound without a country generically.
                    let unit = generic_currency(&unit, &q.text);
                    res.push(("unit".into(), currency_name(&unit, lang).to_string()));
                    if unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase()) {
                        res.push(("isoCurrency".into(), unit.clone()));
                    }
                }
                Kind::Dimension => res.push(("unit".into(), dimension_name_in(&unit, lang).into())),
                Kind::Temperature => {
                    res.push(("unit".into(), temperature_name(&unit, lang).into()))
                }
                Kind::Age => res.push(("unit".into(), age_name(&unit, lang).into())),
                Kind::Duration => {
                    res.push(("timex".into(), timex(&unit, q.value.unwrap_or(0.0))));
                    res.push(("type".into(), "duration".into()));
                    res.push((
                        "value".into(),
                        q.seconds.map(quantities::format_value).unwrap_or_default(),
                    ));
                }
                _ => {}
            }
            (q.text, type_name.to_string(), res)
        })
        .collect()
}

/// `USD`/`GBP` read from a bare "$", "dollars", "£" or "pounds" → the generic `DOLLAR`/`POUND`.
fn generic_currency(unit: &str, text: &str) -> String {
    let t = text.to_lowercase();
    let us = [
        "us",
        "u.s",
        "usd",
        "united states",
        "american",
        "américa",
        "estadounidense",
        "estadunidense",
        "états-unis",
        "u$",
    ]
    .iter()
    .any(|m| t.contains(m));
    let gb = ["british", "sterling", "gbp", "britannique", "esterlina"]
        .iter()
        .any(|m| t.contains(m));
    match unit {
        "USD" if !us => "DOLLAR".into(),
        "GBP" if !gb => "POUND".into(),
        _ => unit.into(),
    }
}

fn timex(unit: &str, v: f64) -> String {
    let n = quantities::format_value(v);
    match unit {
        "second" => format!("PT{n}S"),
        "minute" => format!("PT{n}M"),
        "hour" => format!("PT{n}H"),
        "day" | "night" => format!("P{n}D"),
        "week" => format!("P{n}W"),
        "fortnight" => format!("P{}W", quantities::format_value(v * 2.0)),
        "month" => format!("P{n}M"),
        "year" => format!("P{n}Y"),
        "decade" => format!("P{}Y", quantities::format_value(v * 10.0)),
        "century" => format!("P{}Y", quantities::format_value(v * 100.0)),
        _ => format!("P{n}"),
    }
}

fn age_name(unit: &str, lang: &str) -> &'static str {
    match (lang, unit) {
        ("fr", "year") => "Ans",
        ("fr", "month") => "Mois",
        ("fr", "week") => "Semaines",
        ("fr", "day") => "Jour",
        ("es", "year") => "Año",
        ("es", "month") => "Mes",
        ("es", "week") => "Semana",
        ("es", "day") => "Día",
        ("pt", "year") => "Ano",
        ("pt", "month") => "Mês",
        ("pt", "week") => "Semana",
        ("pt", "day") => "Dia",
        ("it", "year") => "Anno",
        ("it", "month") => "Mese",
        ("it", "week") => "Settimana",
        ("it", "day") => "Giorno",
        (_, "month") => "Month",
        (_, "week") => "Week",
        (_, "day") => "Day",
        _ => "Year",
    }
}

/// Recognizers-Text's display name of a currency (ISO code or our generic names).
fn currency_name(unit: &str, lang: &str) -> &'static str {
    let romance = matches!(lang, "es" | "pt");
    match unit {
        "DOLLAR" if romance => "Dólar",
        "DOLLAR" => "Dollar",
        "POUND" if romance => "Libra",
        "POUND" if lang == "fr" => "Livre",
        "POUND" => "Pound",
        "CENT" if romance => "Centavo",
        "CENT" => "Cent",
        "PENNY" if lang == "es" => "Penique",
        "PENNY" if lang == "pt" => "Pêni",
        "PENNY" => "Penny",
        "FRANC" if romance => "Franco",
        "FRANC" => "Franc",
        "USD" if lang == "es" => "Dólar estadounidense",
        "USD" if lang == "pt" => "Dólar estadunidense",
        "USD" if lang == "fr" => "Dollar États-Unis",
        "USD" => "United States dollar",
        "EUR" => "Euro",
        "CAD" if lang == "fr" => "Dollar Canadien",
        "HKD" if romance => "Dólar de Hong Kong",
        "AUD" if lang == "fr" => "Dollar Australien",
        "JPY" if romance => "Yen",
        "CNY" if lang == "fr" => "Yuan Chinois",
        "CNY" if lang == "es" => "Yuan chino",
        "CNY" if lang == "pt" => "Yuan chinês",
        "CHF" if lang == "fr" => "Franc Suisse",
        "CHF" if lang == "es" => "Franco suizo",
        "CHF" if lang == "pt" => "Franco suíço",
        "MARKKA" if lang == "fr" => "Mark Finlandais",
        "MARKKA" if lang == "es" => "Marco finlandés",
        "MARKKA" if lang == "pt" => "Marco finlandês",
        "GUILDER" if lang == "fr" => "Florins Néerlandais",
        "GUILDER" if lang == "es" => "Florín neerlandés",
        "GUILDER" if lang == "pt" => "Florim holandês",
        "PENCE" if lang == "es" => "Penique",
        "PENCE" if lang == "pt" => "Pêni",
        "CENTIME" => "Centimes",
        "GBP" => "British pound",
        "JPY" if lang == "fr" => "Yen Japonais",
        "JPY" => "Japanese yen",
        "CNY" => "Chinese yuan",
        "CAD" if lang == "fr" => "Dollar Canadien",
        "CAD" if lang == "es" => "Dólar canadiense",
        "CAD" if lang == "pt" => "Dólar canadense",
        "CAD" => "Canadian dollar",
        "AUD" if romance => "Dólar australiano",
        "AUD" => "Australian dollar",
        "HKD" if lang == "fr" => "Dollar de Hong Kong",
        "HKD" => "Hong Kong dollar",
        "NZD" => "New Zealand dollar",
        "RUB" => "Russian ruble",
        "UAH" => "Ukrainian hryvnia",
        "CHF" => "Swiss franc",
        "INR" => "Indian rupee",
        "KRW" => "South Korean won",
        "SEK" => "Swedish krona",
        "TRY" => "Turkish lira",
        "MXN" if romance => "Peso mexicano",
        "MXN" => "Mexican peso",
        "PLN" => "Polish złoty",
        "BRL" => "Brazilian real",
        "BTC" => "Bitcoin",
        "PENCE" => "Pence",
        "PESETA" => "Peseta",
        "MARKKA" => "Finnish markka",
        "GUILDER" => "Netherlands guilder",
        "RUPEE" => "Rupee",
        "CRC" => "Costa Rican colón",
        "GEL" => "Georgian lari",
        "LAK" => "Lao kip",
        _ => "",
    }
}

/// Recognizers-Text's display name of a temperature unit in a language.
fn temperature_name(unit: &str, lang: &str) -> &'static str {
    match (lang, unit) {
        ("es", "°C") => "Grado Celsius",
        ("es", "°F") => "Grado Fahrenheit",
        ("es", "°") => "Grado",
        ("pt", "°C") => "Grau Celsius",
        ("pt", "°F") => "Grau Fahrenheit",
        ("pt", "°") => "Grau",
        ("fr", "°") => "Degré",
        ("es" | "pt" | "fr", "K") => "Kelvin",
        (_, "°C") => "C",
        (_, "°F") => "F",
        (_, "K") => "K",
        _ => "Degree",
    }
}

/// Recognizers-Text's display name of a dimension unit in a language (English names
/// otherwise).
fn dimension_name_in(unit: &str, lang: &str) -> &'static str {
    let local = match lang {
        "es" => match unit {
            "ml" => "Mililitro",
            "in" => "Pulgada",
            "mi" => "Milla",
            "ft" => "Pie",
            "oz" => "Onza",
            "gal" => "Galón",
            "lb" => "Libra",
            "ft³" => "Pie cúbico",
            "m²" => "Metro cuadrado",
            "tonne" => "Tonelada",
            "t" => "Tonelada métrica",
            "bit" => "bit",
            "mph" => "Milla por hora",
            "m" => "Metro",
            "km" => "Kilómetro",
            "mm" => "Milímetro",
            "km²" => "Kilómetro cuadrado",
            "m³" => "Centímetro cúbico",
            "bbl" => "Barril",
            _ => "",
        },
        "pt" => match unit {
            "ml" => "Mililitro",
            "km" => "Quilômetro",
            "in" => "Polegada",
            "mi" => "Milha",
            "ft" => "Pé",
            "gal" => "Galão",
            "lb" => "Libra",
            "ft³" => "Pé cúbico",
            "m²" => "Metro quadrado",
            "tonne" => "Tonelada",
            "t" => "Tonelada métrica",
            "bit" => "bit",
            "mph" => "Milha por hora",
            "m" => "Metro",
            "mm" => "Milímetro",
            "km²" => "Quilômetro quadrado",
            "m³" => "Centímetro cúbico",
            "bbl" => "Barril",
            "oz" => "Onça",
            _ => "",
        },
        "fr" => match unit {
            "l" => "Litre",
            "ml" => "Millilitre",
            "in" => "Pouce",
            "dm" => "Décimètres",
            "mi" => "Mile",
            "bbl" => "Baril",
            "ft" => "Pied",
            "oz" => "Onces",
            "gal" => "Gallon",
            "lb" => "Livre",
            "µg" => "Microgramme",
            "ft³" => "Pieds cube",
            "m²" => "Mètre carré",
            "tonne" => "Tonne",
            "t" => "Tonne métrique",
            "mph" => "Miles par heure",
            "m" => "Mètres",
            "km" => "Kilomètres",
            "mm" => "Millimètres",
            "cm" => "Centimètres",
            "km²" => "Kilomètre carré",
            _ => "",
        },
        _ => "",
    };
    if local.is_empty() {
        dimension_name(unit)
    } else {
        local
    }
}

/// Recognizers-Text's (English) display name of a dimension unit symbol.
fn dimension_name(unit: &str) -> &'static str {
    match unit {
        "km" => "Kilometer",
        "m" => "Meter",
        "cm" => "Centimeter",
        "mm" => "Millimeter",
        "mi" => "Mile",
        "ft" => "Foot",
        "in" => "Inch",
        "yd" => "Yard",
        "kg" => "Kilogram",
        "g" => "Gram",
        "mg" => "Milligram",
        "t" => "Metric ton",
        "ton" => "Ton",
        "tonne" => "Ton",
        "bbl" => "Barrel",
        "ft³" => "Cubic foot",
        "m³" => "Cubic meter",
        "µg" => "Microgram",
        "dm" => "Decimeter",
        "nm" => "Nanometer",
        "µm" => "Micrometer",
        "bit" => "Bit",
        "lb" => "Pound",
        "oz" => "Ounce",
        "l" => "Liter",
        "ml" => "Milliliter",
        "gal" => "Gallon",
        "km²" => "Square kilometer",
        "m²" => "Square meter",
        "mi²" => "Square mile",
        "ft²" => "Square foot",
        "ha" => "Hectare",
        "acre" => "Acre",
        "km/h" => "Kilometer per hour",
        "mph" => "Mile per hour",
        "m/s" => "Meter per second",
        "kn" => "Knot",
        "B" => "Byte",
        "KB" => "Kilobyte",
        "MB" => "Megabyte",
        "GB" => "Gigabyte",
        "TB" => "Terabyte",
        "W" => "Watt",
        "kW" => "Kilowatt",
        "MW" => "Megawatt",
        "GW" => "Gigawatt",
        "kWh" => "Kilowatt hour",
        _ => "",
    }
}

/// A range value "(20,35]" with both bounds normalised like single values.
fn norm_range(s: &str) -> String {
    let (Some(open), Some(close)) = (s.chars().next(), s.chars().last()) else {
        return s.to_string();
    };
    let inner: String = s
        .chars()
        .skip(1)
        .take(s.chars().count().saturating_sub(2))
        .collect();
    match inner.split_once(',') {
        Some((a, b)) => {
            let f = |x: &str| {
                if x.trim().is_empty() {
                    String::new()
                } else {
                    norm_value(x.trim())
                }
            };
            format!("{open}{},{}{close}", f(a), f(b))
        }
        None => s.to_string(),
    }
}

/// A spec resolution value normalised for comparison ("0,05" → "0.05", "1E-07").
fn norm_value(s: &str) -> String {
    let (body, pct) = match s.strip_suffix('%') {
        Some(b) => (b, "%"),
        None => (s, ""),
    };
    let plain = body.replace(',', ".");
    match plain.parse::<f64>() {
        Ok(v) => format!("{}{pct}", quantities::format_value(v)),
        Err(_) => s.to_string(),
    }
}

fn value_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Runs one case; Err names the first difference.
fn check_case(
    recognizer: &str,
    model: &str,
    lang: &str,
    input: &str,
    expected: &[Value],
) -> Result<(), &'static str> {
    let got = ours(recognizer, model, lang, input);
    if got.len() != expected.len() {
        return Err("count");
    }
    for ((text, type_name, res), e) in got.iter().zip(expected) {
        let et = e.get("Text").and_then(Value::as_str).unwrap_or("");
        if text.to_lowercase() != et.to_lowercase() {
            return Err("text");
        }
        if e.get("TypeName").and_then(Value::as_str) != Some(type_name.as_str()) {
            return Err("type");
        }
        let Some(er) = e.get("Resolution").filter(|r| !r.is_null()) else {
            continue;
        };
        let get = |k: &str| res.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let keys: &[&str] = match recognizer {
            "Number" => &["value"],
            "NumberWithUnit" => &["value", "unit", "isoCurrency"],
            _ => &[],
        };
        for k in keys {
            let Some(ev) = er.get(*k) else { continue };
            let ev = value_str(ev);
            let ours = get(k).unwrap_or("");
            let same = if *k == "value" {
                if model == "NumberRange" {
                    norm_range(&ev) == norm_range(ours)
                } else {
                    norm_value(&ev) == norm_value(ours)
                }
            } else {
                ev == ours
            };
            if !same {
                return Err("resolution");
            }
        }
        if recognizer == "DateTime" {
            let vals = er
                .get("values")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            if vals.len() != 1 {
                return Err("resolution");
            }
            if let Some(obj) = vals[0].as_object() {
                for (k, v) in obj {
                    let ev = value_str(v);
                    if get(k) != Some(ev.as_str()) {
                        return Err("resolution");
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn specs_dir() -> Option<PathBuf> {
        let d = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/bench/numbers/recognizers-specs");
        d.is_dir().then_some(d)
    }

    #[test]
    fn normalises_locale_values() {
        assert_eq!(norm_value("0,05"), "0.05");
        assert_eq!(norm_value("1E-07"), "1E-07");
        assert_eq!(norm_value("20%"), "20%");
        assert_eq!(timex("week", 2.0), "P2W");
    }

    #[test]
    fn english_number_specs() {
        let Some(dir) = specs_dir() else {
            eprintln!("skipped: ../shared/bench/numbers/recognizers-specs not found");
            return;
        };
        let report = match run_specs(&dir, Some("Number"), Some("English")) {
            Ok(r) => r,
            Err(e) => panic!("cannot run the specs: {e}"),
        };
        let row = report.rows.iter().find(|r| r.model == "Number");
        let Some(row) = row else {
            panic!("no English NumberModel row")
        };
        eprintln!(
            "English NumberModel: {}/{} = {:.1}%",
            row.passed,
            row.run,
            row.rate()
        );
        assert!(row.run > 100);
        assert!(row.rate() > 50.0, "pass rate fell to {:.1}%", row.rate());
    }

    /// Prints the whole table beside the peer's (run with `--nocapture` to see it).
    #[test]
    fn all_specs_beside_the_peer() {
        let Some(dir) = specs_dir() else {
            eprintln!("skipped: ../shared/bench/numbers/recognizers-specs not found");
            return;
        };
        let report = match run_specs(&dir, None, None) {
            Ok(r) => r,
            Err(e) => panic!("cannot run the specs: {e}"),
        };
        let peer_file = dir.join("../recognizers-passrates-1.0.2a2.txt");
        let peer = read_peer(&peer_file).unwrap_or_default();
        eprintln!("{}", report.table(&peer));
        if let Ok(path) = std::env::var("STORYLINE_NUMBERS_FAILURES") {
            let mut s = String::new();
            for r in &report.rows {
                for f in &r.failures {
                    let _ = writeln!(s, "{} {} {}: {f}", r.recognizer, r.model, r.language);
                }
            }
            let _ = std::fs::write(path, s);
        }
        let (run, passed) = report.totals().get("Number").copied().unwrap_or((0, 0));
        assert!(
            run > 0 && passed * 2 > run,
            "Number pass rate {passed}/{run}"
        );
    }
}
