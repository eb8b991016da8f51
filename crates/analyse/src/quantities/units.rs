//! Units after (or currency signs before) a number: percentages, money, durations, ages,
//! dimensions and temperatures.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::durations::{
    DURATIONS, age_verb_before, article_durations, bare_romance_age, unit_seconds,
};
use super::lexicon::Lexicon;
use super::money::{SIGNS, iso_default, merge_cents, money_context, sign_before};
use super::numbers::NumHit;
use super::scan::{Tok, TokKind};
use super::{Kind, Quantity};

/// An expression found in a chunk, offsets in chars of the chunk.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: Option<String>,
    pub seconds: Option<f64>,
    pub approximate: bool,
    /// Token range, for the range pass.
    pub tok_start: usize,
    pub tok_end: usize,
}

impl Found {
    /// A plain number or ordinal.
    pub(crate) fn simple(start: usize, end: usize, kind: Kind, value: f64) -> Found {
        Found {
            start,
            end,
            kind,
            value: Some(value),
            min: None,
            max: None,
            unit: None,
            seconds: None,
            approximate: false,
            tok_start: 0,
            tok_end: 0,
        }
    }

    /// The public form, with text and offsets in the whole text.
    pub(crate) fn into_quantity(self, chars: &[char], base: usize) -> Quantity {
        let end = self.end.min(chars.len());
        let start = self.start.min(end);
        Quantity {
            text: chars[start..end].iter().collect(),
            start: base + start,
            end: base + end,
            kind: self.kind,
            value: self.value.map(round15),
            min: self.min.map(round15),
            max: self.max.map(round15),
            unit: self.unit,
            seconds: self.seconds.map(round15),
            approximate: self.approximate,
        }
    }
}

/// Rounds to 15 significant digits, dropping binary noise (16.4 × 10⁶ = 16 400 000).
fn round15(v: f64) -> f64 {
    if !v.is_finite() || v == 0.0 {
        return v;
    }
    super::format_value(v).parse().unwrap_or(v)
}

/// One unit phrase: its tokens (lowercase), the kind it makes and the unit name.
#[derive(Debug)]
pub(super) struct UnitDef {
    pub(super) pieces: Vec<String>,
    pub(super) kind: Kind,
    pub(super) unit: &'static str,
    /// Seconds per unit for durations.
    pub(super) seconds: f64,
}

/// Currency words and codes → ISO 4217 (or a generic name for "dollar"/"pound" without country).
pub(super) const CURRENCIES: &[(&str, &str)] = &[
    (
        "USD",
        "$ usd|$ us|dollars us|dollars américains|dólares americanos|dólares estadunidenses|usd|us dollar|us dollars|u.s. dollar|u.s. dollars|united states dollar|united states dollars|american dollars|dollars américains|dólares estadounidenses|us-dollar|доллар сша|долларов сша",
    ),
    (
        "DOLLAR",
        "dolares|dolar|dollar|dollars|dólar|dólares|dollaro|dollari|доллар|доллара|долларов|долларах|bucks",
    ),
    ("EUR", "eur|euro|euros|евро"),
    (
        "RUB",
        "rub|ruble|rubles|rouble|roubles|rubel|rubeln|rublo|rublos|rublo|rubli|рубль|рубля|рублей|рублях|руб",
    ),
    (
        "GBP",
        "gbp|british pound|british pounds|pounds sterling|pound sterling|sterling|livres sterling|sterline",
    ),
    (
        "POUND",
        "pound|pounds|livre|livres|libra|libras|pfund|фунт|фунта|фунтов",
    ),
    ("JPY", "ienes|yens|jpy|yen|yens|japanese yen|yenes|иен|иены"),
    (
        "CNY",
        "yuans|yuanes|cny|yuan|renminbi|rmb|chinese yuan|юань|юаня|юаней",
    ),
    (
        "UAH",
        "uah|hryvnia|hryvnias|hryvnya|hryvnas|гривна|гривны|гривен|hrywnja|hrywnja",
    ),
    (
        "CHF",
        "francs suisses|franc suisse|francos suizos|francos suicos|francos suíços|chf|swiss franc|swiss francs|francs suisses|franchi svizzeri|schweizer franken|franken",
    ),
    ("FRANC", "franc|francs|franco|francos|franchi"),
    (
        "CAD",
        "kanadische dollar|kanadischen dollar|kanadische dollars|$ c|$cad|$ ca|$ can|dollars canadiens|dollar canadien|dólares canadienses|dólares canadenses|cad|canadian dollar|canadian dollars",
    ),
    (
        "AUD",
        "dollars australiens|dólares australianos|aud|australian dollar|australian dollars",
    ),
    (
        "INR",
        "indische rupien|indischen rupien|inr|indian rupee|indian rupees",
    ),
    ("RUPEE", "rupien|rupee|rupees|roupie|roupies|рупий"),
    ("CENTIME", "centime|centimes"),
    (
        "HKD",
        "hkd|$ hk|hong kong dollars|hong kong dollar|dollars de hong kong|dólares de hong kong",
    ),
    ("PENCE", "penies|peniques|pence"),
    ("PESETA", "peseta|pesetas"),
    (
        "MARKKA",
        "finnische mark|finnischen mark|mark finlandais|marcos finlandeses|finnish markka|markka",
    ),
    (
        "GUILDER",
        "florins hollandais|florines neerlandeses|florins holandeses|dutch guilders|dutch guilder|guilders|guilder",
    ),
    ("KRW", "krw|won"),
    ("SEK", "sek|swedish krona|swedish kronor|kronor|kronen"),
    ("TRY", "try|turkish lira|turkish liras|lira|liras"),
    ("MXN", "mxn|mexican peso|mexican pesos|pesos mexicanos"),
    ("PLN", "pln|zloty|zlotys|złoty|злотых"),
    ("BTC", "btc|bitcoin|bitcoins"),
    (
        "CENT",
        "céntimo|céntimos|centimos|cent|cents|centime|centimes|centavo|centavos|centesimi|копеек|копейки|копейка",
    ),
    ("PENNY", "penny|pennies"),
];

const DIMENSIONS: &[(&str, &str)] = &[
    (
        "km",
        "quilometro|quilometros|quilómetro|km|kms|kilometre|kilometres|kilometer|kilometers|kilomètre|kilomètres|kilómetro|kilómetros|chilometro|chilometri|quilômetro|quilômetros|kilometer|kilometern|километр|километра|километров|км",
    ),
    (
        "m",
        "m|metre|metres|meter|meters|mètre|mètres|metro|metros|metri|metern|метр|метра|метров",
    ),
    (
        "cm",
        "cm|centimetre|centimetres|centimeter|centimeters|centimètre|centimètres|centímetro|centímetros|centimetri|сантиметров|см",
    ),
    (
        "mm",
        "mm|millimetre|millimetres|millimeter|millimeters|millimètres|milímetros|millimetri|миллиметров|мм",
    ),
    (
        "mi",
        "mijl|milha|milhas|milla|mi|mile|miles|milles|millas|miglia|meilen|миль|мили",
    ),
    (
        "ft",
        "pieds|pied|pies|pie|pés|pé|pes|voet|ft|foot|feet|pies|piedi|фут|футов",
    ),
    (
        "in",
        "pulgadas|polegada|polegadas|inch|duim|inch|inches|pouce|pouces|pulgada|pulgadas|pollici|zoll|дюйм|дюймов",
    ),
    ("yd", "yd|yds|yard|yards"),
    (
        "kg",
        "kg|kgs|kilo|kilos|kilogram|kilograms|kilogramme|kilogrammes|kilogramm|kilogramos|chilogrammi|килограмм|килограммов|кг",
    ),
    (
        "g",
        "g|gr|gram|grams|gramme|grammes|gramm|gramos|grammi|грамм|граммов|г",
    ),
    ("mg", "mg|milligram|milligrams|milligrammes|miligramos"),
    (
        "t",
        "toneladas métricas|tonelada métrica|tonnes métriques|tonne métrique|metrische ton|t métricas|metric ton|metric tons|metric tonne|metric tonnes",
    ),
    ("ton", "ton|tons"),
    (
        "tonne",
        "tonne|tonnes|tonelada|toneladas|tonnellata|tonnellate|тонн|тонны|тонна|tonnen",
    ),
    (
        "bbl",
        "barris|vaten|barrel|barrels|bbl|barils|barriles|barili",
    ),
    (
        "ft³",
        "pies cúbicos|pés cúbicos|pieds cubes|kubieke voet|cubic foot|cubic feet",
    ),
    (
        "m³",
        "kubikmeter|kubikmetern|kuub|cc|centímetros cúbicos|cubic metre|cubic metres|cubic meter|cubic meters",
    ),
    (
        "µg",
        "ug|microgrammes|µg|μg|mcg|microgram|micrograms|microgramme|microgrammes",
    ),
    (
        "nm",
        "nm|nanometer|nanometern|nanometre|nanometres|nanometers",
    ),
    (
        "µm",
        "µm|μm|mikrometer|micrometer|micrometre|micrometres|micrometers",
    ),
    (
        "dm",
        "décimètres|décimètre|dm|decimetre|decimetres|decimeter|decimeters",
    ),
    ("bit", "bit|bits"),
    ("lb", "pond|libras|livres|libbre|lb|lbs|pound|pounds"),
    (
        "oz",
        "onzas|onza|oncas|onças|ons|oz|ounce|ounces|onces|onzas",
    ),
    (
        "l",
        "l|litre|litres|liter|liters|litro|litros|litri|литр|литра|литров",
    ),
    (
        "ml",
        "ml|millilitre|millilitres|milliliter|milliliters|mililitros|миллилитров|мл",
    ),
    (
        "gal",
        "galones|galón|galão|galões|galoes|gal|gallon|gallons|galones",
    ),
    (
        "km²",
        "kilomètre carré|kilómetros cuadrados|quilômetros quadrados|km2|km²|sq km|square kilometres|square kilometers|square kilometre|square kilometer|kilomètres carrés|квадратных километров|кв км",
    ),
    (
        "m²",
        "quadratmeter|quadratmetern|qm|metros quadrados|vierkante meter|mètre carré|metro cuadrado|metro quadrado|m2|m²|sq m|square metres|square meters|mètres carrés|metros cuadrados|квадратных метров",
    ),
    ("mi²", "sq mi|square miles|square mile"),
    ("ft²", "sq ft|square feet|square foot"),
    (
        "ha",
        "ha|hectare|hectares|hectárea|hectáreas|ettari|hektar|гектаров|гектара",
    ),
    ("acre", "acre|acres"),
    (
        "km/h",
        "kilometer pro stunde|stundenkilometer|km/u|kilometer per uur|kilómetros por hora|quilômetros por hora|kilomètres par heure|km/h|km/hr|kmph|kmh|kph|kilometres per hour|kilometers per hour|km per hour|км/ч",
    ),
    (
        "mph",
        "millas por hora|milhas por hora|mi por hora|mijl per uur|miles a l'heure|mph|miles per hour|mile per hour|miles an hour|mile an hour",
    ),
    (
        "m/s",
        "meter pro sekunde|metern pro sekunde|meter je sekunde|m/s|metres per second|meters per second",
    ),
    ("kn", "knot|knots|nœuds"),
    ("B", "byte|bytes"),
    ("KB", "kb|kilobyte|kilobytes"),
    ("MB", "mb|megabyte|megabytes"),
    ("GB", "gb|gigabyte|gigabytes"),
    ("TB", "tb|terabyte|terabytes"),
    ("W", "w|watt|watts"),
    ("kW", "kw|kilowatt|kilowatts"),
    ("MW", "mw|megawatt|megawatts|мвт"),
    ("GW", "gw|gigawatt|gigawatts"),
    ("kWh", "kwh|kilowatt hour|kilowatt hours"),
];

const TEMPERATURES: &[(&str, &str)] = &[
    (
        "°C",
        "grados centígrados|graus centígrados|centígrados|centígrado|centigrados|centigrado|grados celsius|grados c|graus celsius|graus c|graden celsius|graden c|degrés c|grad c|grau celsius|ºc|º c|°c|° c|º c|ºc|degrees celsius|degree celsius|degrees centigrade|deg celsius|deg centigrade|deg c|degree c|degrees c|celsius|celcius|centigrade|centigrate|grad celsius|grados celsius|degrés celsius|gradi celsius|градусов цельсия|градуса цельсия|°с",
    ),
    (
        "°F",
        "grados f|graus fahrenheit|graus f|graden fahrenheit|graden f|degrés f|grau fahrenheit|°f|º f|°f|° f|ºf|degrees fahrenheit|degree fahrenheit|deg fahrenheit|deg f|degree f|degrees f|fahrenheit|farenheit|degrees farenheit|degree farenheit|grados fahrenheit|degrés fahrenheit|gradi fahrenheit",
    ),
    ("K", "kelvin|kelvins|degrees kelvin"),
    (
        "°",
        "graus|grau|graden|°|º|degree|degrees|deg.|deg|degrés|degré|grados|grado|gradi|grad|градусов|градуса|градус",
    ),
];

const PERCENTS: &str = "%|percent|percents|per cent|percentage|percentages|pct|pour cent|pourcent|pourcents|pourcentage|pourcentages|por cien|por ciento|por cento|per cento|prozent|procent|процент|процента|процентов|процентах";

/// All unit phrases, indexed by their first piece.
static UNITS: LazyLock<HashMap<String, Vec<UnitDef>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<UnitDef>> = HashMap::new();
    let mut put = |phrase: &str, kind: Kind, unit: &'static str, seconds: f64| {
        let pieces = pieces_of(phrase);
        if let Some(first) = pieces.first().cloned() {
            map.entry(first).or_default().push(UnitDef {
                pieces,
                kind,
                unit,
                seconds,
            });
        }
    };
    for p in PERCENTS.split('|') {
        put(p, Kind::Percentage, "%", 0.0);
    }
    for (unit, words) in DURATIONS {
        for w in words.split(' ') {
            put(w, Kind::Duration, unit, unit_seconds(unit));
        }
    }
    for (iso, words) in CURRENCIES {
        for w in words.split('|') {
            put(w, Kind::Money, iso, 0.0);
        }
    }
    for (sign, iso) in SIGNS {
        if sign.chars().count() == 1 {
            put(sign, Kind::Money, iso, 0.0);
        }
    }
    for (sym, words) in DIMENSIONS {
        for w in words.split('|') {
            put(w, Kind::Dimension, sym, 0.0);
        }
    }
    for (sym, words) in TEMPERATURES {
        for w in words.split('|') {
            put(w, Kind::Temperature, sym, 0.0);
        }
    }
    for defs in map.values_mut() {
        defs.sort_by_key(|d| std::cmp::Reverse(d.pieces.len()));
    }
    map
});

/// Splits a unit phrase into the pieces the tokenizer makes (words, single symbols).
fn pieces_of(phrase: &str) -> Vec<String> {
    let chars: Vec<char> = phrase.chars().collect();
    super::scan::tokenize(&chars)
        .into_iter()
        .filter(|t| t.kind != TokKind::Space)
        .map(|t| {
            if t.kind == TokKind::Word {
                t.lower
            } else {
                chars[t.start..t.end]
                    .iter()
                    .flat_map(|c| c.to_lowercase())
                    .collect()
            }
        })
        .collect()
}

fn piece(chars: &[char], t: &Tok) -> String {
    if t.kind == TokKind::Word {
        t.lower.clone()
    } else {
        chars[t.start..t.end]
            .iter()
            .flat_map(|c| c.to_lowercase())
            .collect()
    }
}

/// The longest unit phrase starting at token `i` → (definition, token after it).
pub(super) fn unit_at<'a>(chars: &[char], toks: &[Tok], i: usize) -> Option<(&'a UnitDef, usize)> {
    let t = toks.get(i)?;
    if t.kind == TokKind::Space {
        return None;
    }
    let first = piece(chars, t);
    let defs: &'a Vec<UnitDef> = UNITS.get(&first)?;
    'defs: for d in defs {
        let mut j = i + 1;
        for p in &d.pieces[1..] {
            let mut k = j;
            while k < toks.len() && toks[k].kind == TokKind::Space && k - j < 1 {
                k += 1;
            }
            let Some(tk) = toks.get(k) else {
                continue 'defs;
            };
            if piece(chars, tk) != *p {
                continue 'defs;
            }
            j = k + 1;
        }
        // "d'euros", "l'an": a letter before an apostrophe is an elided word.
        if d.pieces.len() == 1
            && t.kind == TokKind::Word
            && t.end - t.start == 1
            && is_apostrophe(chars, toks, j)
        {
            continue;
        }
        // A unit word must end at a word boundary ("m" is not the start of "men").
        if let Some(next) = toks.get(j)
            && (next.kind == TokKind::Word || next.kind == TokKind::Digits)
        {
            continue;
        }
        return Some((d, j));
    }
    None
}

/// "percent of" / "pourcentage de" right before token `i` → the first token of the phrase.
fn percent_before(toks: &[Tok], i: usize) -> Option<usize> {
    let mut j = i;
    let back = |j: usize| -> Option<usize> {
        let k = j.checked_sub(1)?;
        if toks[k].kind == TokKind::Space {
            k.checked_sub(1)
        } else {
            None
        }
    };
    j = back(j)?;
    if !matches!(toks[j].lower.as_str(), "of" | "de" | "des" | "du") {
        return None;
    }
    j = back(j)?;
    let w = toks[j].lower.as_str();
    if matches!(
        w,
        "percent" | "percents" | "pourcent" | "pourcents" | "pourcentage" | "pourcentages"
    ) {
        return Some(j);
    }
    if w == "cent" {
        let p = back(j)?;
        if toks[p].lower == "per" || toks[p].lower == "pour" {
            return Some(p);
        }
    }
    None
}

pub(super) fn is_apostrophe(chars: &[char], toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == TokKind::Other && matches!(chars[t.start], '\'' | '’'))
}

pub(super) fn is_char(chars: &[char], toks: &[Tok], i: usize, c: char) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == TokKind::Other && chars[t.start] == c)
}

pub(super) fn skip_space(toks: &[Tok], i: usize) -> usize {
    let mut j = i;
    while j < toks.len() && toks[j].kind == TokKind::Space {
        j += 1;
    }
    j
}

/// Turns numbers into measured expressions where a unit goes with them.
pub(crate) fn attach(chars: &[char], toks: &[Tok], nums: &[NumHit], lex: &Lexicon) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(nums.len());
    let lang = lex.code;
    for n in nums {
        // A number inside the unit of the expression before it ("cinq pour cent": the
        // "cent" of the percentage is no 100 of its own).
        if out.last().is_some_and(|p| n.tok_start < p.tok_end) {
            continue;
        }
        let mut f = n.to_found();
        f.tok_start = n.tok_start;
        f.tok_end = n.tok_end;
        if n.ordinal {
            out.push(f);
            continue;
        }
        let value = n.value;
        // "percent of 10", "pourcentage de vingt".
        if let Some(s) = percent_before(toks, n.tok_start) {
            f.kind = Kind::Percentage;
            f.unit = Some("%".into());
            f.start = toks[s].start;
            f.tok_start = s;
            out.push(f);
            continue;
        }
        // Money sign before the amount.
        if let Some((s, iso)) = sign_before(chars, toks, n.tok_start) {
            let prev_end = out.last().map_or(0, |p| p.tok_end);
            if s >= prev_end {
                f.kind = Kind::Money;
                f.unit = Some(iso.to_string());
                f.start = toks[s].start;
                f.tok_start = s;
                // "$5 million dollars" is rare; "€3bn" is handled by the numeral.
                out.push(f);
                continue;
            }
        }
        // "aged 45".
        if lang == "en" && n.tok_start >= 2 {
            let p = n.tok_start - 1;
            if toks[p].kind == TokKind::Space && toks[p - 1].lower == "aged" {
                f.kind = Kind::Age;
                f.unit = Some("year".into());
                f.start = toks[p - 1].start;
                f.tok_start = p - 1;
                out.push(f);
                continue;
            }
        }
        // German and Dutch ages: "ein 45-jähriger Mann", "op 6-jarige leeftijd".
        if matches!(lang, "de" | "nl")
            && is_char(chars, toks, n.tok_end, '-')
            && toks
                .get(n.tok_end + 1)
                .is_some_and(|t| t.lower.starts_with("jährig") || t.lower.starts_with("jarig"))
        {
            f.kind = Kind::Age;
            f.unit = Some("year".into());
            f.end = toks[n.tok_end + 1].end;
            f.tok_end = n.tok_end + 2;
            out.push(f);
            continue;
        }
        // Unit after the number: directly, after one space, or after a hyphen ("3-inch").
        let mut j = n.tok_end;
        let direct = j;
        let mut hyphen = false;
        if is_char(chars, toks, j, '-') && toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Word)
        {
            j += 1;
            hyphen = true;
        } else {
            j = skip_space(toks, j);
            if j > direct + 1 || (j > direct && toks[direct].end - toks[direct].start > 3) {
                j = direct;
            }
        }
        // "75 millions de dollars", "5 milioni di euro", "2 million of them" (money only).
        let mut unit = unit_at(chars, toks, j);
        // "20 (kg)", "20 [kg]".
        if unit.is_none()
            && j > direct
            && let Some(open) = toks.get(j).filter(|t| t.kind == TokKind::Other)
        {
            let close = match chars[open.start] {
                '(' => Some(')'),
                '[' => Some(']'),
                '{' => Some('}'),
                '<' => Some('>'),
                _ => None,
            };
            if let Some(close) = close
                && let Some((d, e)) = unit_at(chars, toks, j + 1)
                && is_char(chars, toks, e, close)
                && d.kind == Kind::Dimension
            {
                unit = Some((d, e + 1));
            }
        }
        let ends_big = toks
            .get(n.tok_end.saturating_sub(1))
            .and_then(|t| lex.words.get(t.lower.as_str()))
            .is_some_and(|m| m.class == super::lexicon::Class::Big);
        if unit.is_none()
            && (ends_big || (value > 0.0 && value < 1.0))
            && j > direct
            && let Some(w) = toks
                .get(j)
                .filter(|t| matches!(t.lower.as_str(), "de" | "d" | "di" | "of" | "с"))
        {
            let mut k = j + 1;
            if w.lower == "d" && is_apostrophe(chars, toks, k) {
                k += 1;
            } else {
                k = skip_space(toks, k);
            }
            if let Some((d, e)) = unit_at(chars, toks, k)
                && matches!(d.kind, Kind::Money | Kind::Dimension)
            {
                unit = Some((d, e));
            }
        }
        // "SCP-173m": a code, not a measure.
        let in_code =
            n.start >= 2 && chars[n.start - 1] == '-' && chars[n.start - 2].is_alphanumeric();
        // "%2020%" in a web address.
        let after_percent = n.start >= 1 && chars[n.start - 1] == '%';
        if in_code || (after_percent && unit.is_some_and(|(d, _)| d.kind == Kind::Percentage)) {
            unit = None;
        }
        match unit {
            Some((d, e)) => {
                let mut kind = d.kind;
                let mut end_tok = e;
                let mut unit_name = d.unit.to_string();
                // A bare "°" is a temperature only for numbers; "degrees" alone too.
                if kind == Kind::Duration {
                    // Ages: "45-year-old", "five years old", "ninety five years of age".
                    let k = skip_space(toks, e);
                    if hyphen
                        && is_char(chars, toks, e, '-')
                        && toks.get(e + 1).is_some_and(|t| t.lower == "old")
                    {
                        kind = Kind::Age;
                        end_tok = e + 2;
                    } else if toks.get(k).is_some_and(|t| t.lower == "old") && k > e {
                        kind = Kind::Age;
                        end_tok = k + 1;
                    } else if toks.get(k).is_some_and(|t| t.lower == "of") {
                        let a = skip_space(toks, k + 1);
                        if toks.get(a).is_some_and(|t| t.lower == "age") {
                            kind = Kind::Age;
                            end_tok = a + 1;
                        }
                    } else if ((lang == "de" && toks.get(k).is_some_and(|t| t.lower == "alt"))
                        || (lang == "nl" && toks.get(k).is_some_and(|t| t.lower == "oud")))
                        && k > e
                    {
                        kind = Kind::Age;
                        end_tok = k + 1;
                    } else if matches!(lang, "es" | "pt")
                        && toks.get(k).is_some_and(|t| t.lower == "de")
                    {
                        let a = skip_space(toks, k + 1);
                        if toks
                            .get(a)
                            .is_some_and(|t| t.lower == "edad" || t.lower == "idade")
                        {
                            // The age is "18 meses"; "de edad" only says so.
                            kind = Kind::Age;
                        }
                    }
                    // "tiene 29 años", "a dix ans": years had are an age.
                    if kind == Kind::Duration
                        && (age_verb_before(toks, n.tok_start, lang)
                            || bare_romance_age(chars, toks, n.tok_start, e, lang, d.unit))
                    {
                        kind = Kind::Age;
                    }
                    // Hyphenated durations ("two-week") are adjectives; keep them.
                    // Very short unit symbols after a space ("5 s", "3 h") only glued.
                    if matches!(d.pieces[0].as_str(), "s" | "h" | "an" | "d" | "y" | "w")
                        && j > direct
                        && (lang != "fr" || d.pieces[0] != "an")
                    {
                        out.push(f);
                        continue;
                    }
                    // "the 1990s", "in her 20s": decades, not seconds.
                    if d.pieces[0] == "s" && j == direct && value >= 10.0 && value % 10.0 == 0.0 {
                        out.push(f);
                        continue;
                    }
                }
                if unit_name == "POUND" && !money_context(toks, n.tok_start) && !ends_big {
                    // "lost 25 pounds": weight unless money is talked about.
                    kind = Kind::Dimension;
                    unit_name = "lb".into();
                }
                // Single-letter units written after a space are too ambiguous ("5 g" ok, "a 5 m" ok).
                if kind == Kind::Dimension
                    && d.pieces.len() == 1
                    && d.pieces[0].chars().count() == 1
                    && toks[j].kind == TokKind::Word
                    && j > direct
                    && !chars[toks[j].start].is_lowercase()
                    && chars[toks[j].start] != 'L'
                {
                    out.push(f);
                    continue;
                }
                f.kind = kind;
                f.end = toks[end_tok - 1].end;
                f.tok_end = end_tok;
                let mut value = value;
                if kind == Kind::Duration {
                    // "one hour and a half", "a year and a quarter".
                    let k = skip_space(toks, end_tok);
                    if k > end_tok
                        && toks
                            .get(k)
                            .is_some_and(|t| lex.and_words.contains(&t.lower.as_str()))
                    {
                        let mut a = skip_space(toks, k + 1);
                        if toks
                            .get(a)
                            .is_some_and(|t| t.lower == "a" || t.lower == "an")
                        {
                            a = skip_space(toks, a + 1);
                        }
                        let frac = match toks.get(a).map(|t| t.lower.as_str()) {
                            Some(w) if lex.half_words.contains(&w) => 0.5,
                            Some("quarter") => 0.25,
                            _ => 0.0,
                        };
                        if frac > 0.0 && a > k + 1 {
                            value += frac;
                            end_tok = a + 1;
                            f.value = Some(value);
                        }
                    }
                    f.seconds = Some(value * d.seconds);
                }
                if kind == Kind::Age {
                    unit_name = d.unit.to_string();
                }
                f.end = toks[end_tok - 1].end;
                f.tok_end = end_tok;
                f.unit = Some(unit_name);
                out.push(f);
            }
            None => {
                if n.glued {
                    continue;
                }
                // Sign after the amount: "5 €", "100$".
                if let Some(t) = toks.get(j)
                    && t.kind == TokKind::Other
                {
                    let c = chars[t.start];
                    if let Some((_, iso)) = SIGNS
                        .iter()
                        .find(|(s, _)| s.chars().count() == 1 && s.starts_with(c))
                    {
                        f.kind = Kind::Money;
                        f.unit = Some((*iso).to_string());
                        f.end = t.end;
                        f.tok_end = j + 1;
                    }
                }
                out.push(f);
            }
        }
    }
    merge_cents(chars, toks, &mut out, lex);
    article_durations(chars, toks, &mut out, lex);
    for f in &mut out {
        if f.kind == Kind::Money {
            iso_default(&mut f.unit);
        }
    }
    out
}

/// Units named without a number ("convert 10 celsius to fahrenheit", "the dollar fell"):
/// Recognizers-Text reports them with no value. Only unit names of three letters or more;
/// "pound", "livre" and "libra" are left out (weight or money cannot be told).
pub(crate) fn unit_mentions(chars: &[char], toks: &[Tok], found: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut fi = 0;
    let mut i = 0;
    while i < toks.len() {
        while fi < found.len() && found[fi].tok_end <= i {
            fi += 1;
        }
        if found.get(fi).is_some_and(|f| f.tok_start <= i) {
            i = found[fi].tok_end.max(i + 1);
            continue;
        }
        let t = &toks[i];
        let prev_ok = i == 0
            || !toks[i - 1].kind.eq(&TokKind::Word) && !toks[i - 1].kind.eq(&TokKind::Digits);
        if t.kind != TokKind::Word || t.lower.chars().count() < 3 || !prev_ok {
            i += 1;
            continue;
        }
        if let Some((d, e)) = unit_at(chars, toks, i)
            && matches!(d.kind, Kind::Money | Kind::Dimension | Kind::Temperature)
            && !matches!(d.unit, "POUND" | "lb" | "CENT" | "PENCE" | "PENNY" | "°")
            && (d.pieces.len() > 1 || !is_mention_stopword(&t.lower))
            && found.get(fi).is_none_or(|f| e <= f.tok_start)
        {
            let mut unit = Some(d.unit.to_string());
            if d.kind == Kind::Money {
                iso_default(&mut unit);
            }
            out.push(Found {
                start: t.start,
                end: toks[e - 1].end,
                kind: d.kind,
                value: None,
                min: None,
                max: None,
                unit,
                seconds: None,
                approximate: false,
                tok_start: i,
                tok_end: e,
            });
            i = e;
            continue;
        }
        i += 1;
    }
    out
}

/// Words that name a unit but are too often something else to report alone ("won", "try").
fn is_mention_stopword(w: &str) -> bool {
    matches!(
        w,
        "won"
            | "try"
            | "real"
            | "rand"
            | "mark"
            | "marks"
            | "sen"
            | "lira"
            | "pie"
            | "pies"
            | "pied"
            | "pieds"
            | "foot"
            | "feet"
            | "inch"
            | "mile"
            | "miles"
            | "yard"
            | "yards"
            | "grade"
            | "grad"
            | "grado"
            | "grados"
            | "grau"
            | "graus"
    )
}
