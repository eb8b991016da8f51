//! Units after (or currency signs before) a number: percentages, money, durations, ages,
//! dimensions and temperatures.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::lexicon::Lexicon;
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
struct UnitDef {
    pieces: Vec<String>,
    kind: Kind,
    unit: &'static str,
    /// Seconds per unit for durations.
    seconds: f64,
}

/// Seconds in each duration unit.
fn unit_seconds(unit: &str) -> f64 {
    match unit {
        "second" => 1.0,
        "minute" => 60.0,
        "hour" => 3600.0,
        "day" | "night" => 86400.0,
        "week" => 604_800.0,
        "fortnight" => 1_209_600.0,
        "month" => 2_592_000.0,
        "year" => 31_536_000.0,
        "decade" => 315_360_000.0,
        "century" => 3_153_600_000.0,
        _ => 0.0,
    }
}

const DURATIONS: &[(&str, &str)] = &[
    (
        "second",
        "second seconds sec secs s seconde secondes sekunde sekunden segundo segundos secondo secondi секунда секунды секунд секунду seconden",
    ),
    (
        "minute",
        "minute minutes min mins minuten minuto minutos minuti минута минуты минут минуту minuut",
    ),
    (
        "hour",
        "hour hours hr hrs h heure heures stunde stunden hora horas ora ore час часа часов uur uren",
    ),
    (
        "day",
        "day d days jour jours journée journées tag tage tagen día días dia dias giorno giorni день дня дней сутки суток dag dagen",
    ),
    (
        "night",
        "night nights nuit nuits nacht nächte noche noches notte notti ночь ночи ночей noite noites",
    ),
    (
        "week",
        "week w weeks semaine semaines woche wochen semana semanas settimana settimane неделя недели недель неделю weken",
    ),
    ("fortnight", "fortnight fortnights"),
    (
        "month",
        "month months mois monat monate monaten mes meses mese mesi месяц месяца месяцев mês maand maanden",
    ),
    (
        "year",
        "year y years yr yrs an ans année années jahr jahre jahren año años anno anni год года лет ano anos jaar jaren",
    ),
    (
        "decade",
        "decade decades décennie décennies jahrzehnt jahrzehnte década décadas decennio decenni десятилетие десятилетия десятилетий",
    ),
    (
        "century",
        "century centuries siècle siècles jahrhundert jahrhunderte siglo siglos secolo secoli век века веков",
    ),
];

/// Currency words and codes → ISO 4217 (or a generic name for "dollar"/"pound" without country).
const CURRENCIES: &[(&str, &str)] = &[
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
        "$ c|$cad|$ ca|$ can|dollars canadiens|dollar canadien|dólares canadienses|dólares canadenses|cad|canadian dollar|canadian dollars",
    ),
    (
        "AUD",
        "dollars australiens|dólares australianos|aud|australian dollar|australian dollars",
    ),
    ("INR", "inr|indian rupee|indian rupees"),
    ("RUPEE", "rupee|rupees|roupie|roupies|рупий"),
    ("CENTIME", "centime|centimes"),
    (
        "HKD",
        "hkd|$ hk|hong kong dollars|hong kong dollar|dollars de hong kong|dólares de hong kong",
    ),
    ("PENCE", "penies|peniques|pence"),
    ("PESETA", "peseta|pesetas"),
    (
        "MARKKA",
        "mark finlandais|marcos finlandeses|finnish markka|markka",
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

/// Currency signs written before (or after) the amount.
const SIGNS: &[(&str, &str)] = &[
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
    ("U$D", "USD"),
    ("U$S", "USD"),
    ("USD$", "USD"),
    ("元", "CNY"),
    ("₡", "CRC"),
    ("₾", "GEL"),
    ("₭", "LAK"),
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
        "kuub|cc|centímetros cúbicos|cubic metre|cubic metres|cubic meter|cubic meters",
    ),
    (
        "µg",
        "ug|microgrammes|µg|μg|mcg|microgram|micrograms|microgramme|microgrammes",
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
        "metros quadrados|vierkante meter|mètre carré|metro cuadrado|metro quadrado|m2|m²|sq m|square metres|square meters|mètres carrés|metros cuadrados|квадратных метров",
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
        "km/u|kilometer per uur|kilómetros por hora|quilômetros por hora|kilomètres par heure|km/h|km/hr|kmph|kmh|kph|kilometres per hour|kilometers per hour|km per hour|км/ч",
    ),
    (
        "mph",
        "millas por hora|milhas por hora|mi por hora|mijl per uur|miles a l'heure|mph|miles per hour|mile per hour|miles an hour|mile an hour",
    ),
    ("m/s", "m/s|metres per second|meters per second"),
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
        "grados centígrados|graus centígrados|centígrados|centígrado|centigrados|centigrado|grados celsius|grados c|graus celsius|graus c|graden celsius|graden c|degrés c|grad c|grau celsius|ºc|º c|°c|° c|º c|ºc|degrees celsius|degree celsius|degrees centigrade|deg celsius|deg c|degree c|degrees c|celsius|celcius|centigrade|centigrate|grad celsius|grados celsius|degrés celsius|gradi celsius|градусов цельсия|градуса цельсия|°с",
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
fn unit_at<'a>(chars: &[char], toks: &[Tok], i: usize) -> Option<(&'a UnitDef, usize)> {
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

/// Bare dollars are taken as US dollars and bare pounds as pounds sterling, as in most news.
fn iso_default(unit: &mut Option<String>) {
    match unit.as_deref() {
        Some("DOLLAR") => *unit = Some("USD".into()),
        Some("POUND") => *unit = Some("GBP".into()),
        _ => {}
    }
}

/// Whether the words before token `i` talk about money ("paid 500 pounds").
fn money_context(toks: &[Tok], i: usize) -> bool {
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

fn is_apostrophe(chars: &[char], toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == TokKind::Other && matches!(chars[t.start], '\'' | '’'))
}

fn is_char(chars: &[char], toks: &[Tok], i: usize, c: char) -> bool {
    toks.get(i)
        .is_some_and(|t| t.kind == TokKind::Other && chars[t.start] == c)
}

fn skip_space(toks: &[Tok], i: usize) -> usize {
    let mut j = i;
    while j < toks.len() && toks[j].kind == TokKind::Space {
        j += 1;
    }
    j
}

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
fn sign_before(chars: &[char], toks: &[Tok], i: usize) -> Option<(usize, &'static str)> {
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

/// Turns numbers into measured expressions where a unit goes with them.
pub(crate) fn attach(chars: &[char], toks: &[Tok], nums: &[NumHit], lex: &Lexicon) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(nums.len());
    let lang = lex.code;
    for n in nums {
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
        // German ages: "ein 45-jähriger Mann".
        if lang == "de"
            && is_char(chars, toks, n.tok_end, '-')
            && toks
                .get(n.tok_end + 1)
                .is_some_and(|t| t.lower.starts_with("jährig"))
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
            && ends_big
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
                    } else if lang == "de" && toks.get(k).is_some_and(|t| t.lower == "alt") && k > e
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
                            kind = Kind::Age;
                            end_tok = a + 1;
                        }
                    }
                    // "tiene 29 años", "a dix ans": years had are an age.
                    if kind == Kind::Duration && age_verb_before(toks, n.tok_start, lang) {
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

/// "3 dollars 50 cents", "thirteen dollars and forty-five cents" → one amount.
fn merge_cents(chars: &[char], toks: &[Tok], out: &mut Vec<Found>, lex: &Lexicon) {
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

/// How a word before a unit of time counts: one ("an hour", "all day") or a few
/// ("several weeks": 3, between `min` and `max`, approximate).
#[derive(Clone, Copy)]
enum TimeQuant {
    One,
    Few(f64, f64),
}

fn time_quantifier(lang: &str, w: &str) -> Option<TimeQuant> {
    use TimeQuant::{Few, One};
    let q = match (lang, w) {
        ("en", "a" | "an" | "another" | "all" | "whole" | "entire") => One,
        ("en", "few") => Few(2.0, 5.0),
        ("en", "several" | "some") => Few(2.0, 9.0),
        ("fr", "un" | "une" | "toute" | "tout" | "entière") => One,
        ("fr", "quelques") => Few(2.0, 5.0),
        ("fr", "plusieurs") => Few(2.0, 9.0),
        ("es", "un" | "una" | "todo" | "toda" | "otro" | "otra") => One,
        ("es", "unos" | "unas" | "algunos" | "algunas") => Few(2.0, 5.0),
        ("es", "varios" | "varias") => Few(2.0, 9.0),
        ("pt", "um" | "uma" | "todo" | "toda" | "outro" | "outra") => One,
        ("pt", "alguns" | "algumas") => Few(2.0, 5.0),
        ("pt", "vários" | "várias") => Few(2.0, 9.0),
        ("it", "un" | "una" | "uno" | "tutto" | "tutta" | "altro" | "altra") => One,
        ("it", "qualche" | "alcuni" | "alcune") => Few(2.0, 5.0),
        ("it", "diversi" | "diverse" | "parecchi" | "parecchie") => Few(2.0, 9.0),
        ("de", "ein" | "eine" | "einen" | "ganze" | "ganzen" | "ganzer") => One,
        ("de", "paar") => Few(2.0, 5.0),
        ("de", "einige" | "mehrere") => Few(2.0, 9.0),
        ("nl", "een" | "hele" | "andere") => One,
        ("nl", "paar" | "enkele") => Few(2.0, 5.0),
        ("nl", "meerdere") => Few(2.0, 9.0),
        ("ru", "несколько") => Few(2.0, 9.0),
        _ => return None,
    };
    Some(q)
}

/// Articles between a quantifier and its unit ("all the day", "tutto il giorno").
fn is_article(w: &str) -> bool {
    matches!(
        w,
        "the" | "le" | "la" | "il" | "lo" | "el" | "o" | "a" | "der" | "die" | "das" | "den" | "de"
    )
}

/// "an hour", "all day", "several weeks": time spans without a number.
fn article_durations(chars: &[char], toks: &[Tok], out: &mut Vec<Found>, lex: &Lexicon) {
    let mut extra: Vec<Found> = Vec::new();
    let mut oi = 0;
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.kind != TokKind::Word || extra.last().is_some_and(|x| i < x.tok_end) {
            continue;
        }
        let Some(mut quant) = time_quantifier(lex.code, &t.lower) else {
            continue;
        };
        let mut j = skip_space(toks, i + 1);
        // "a few hours".
        if matches!(quant, TimeQuant::One)
            && let Some(TimeQuant::Few(a, b)) = toks
                .get(j)
                .and_then(|n| time_quantifier(lex.code, &n.lower))
            && j == i + 2
        {
            quant = TimeQuant::Few(a, b);
            j = skip_space(toks, j + 1);
        }
        // "un'ora".
        if j == i + 1 && is_apostrophe(chars, toks, i + 1) {
            j = i + 2;
        } else if j == i + 1 {
            continue;
        }
        if toks
            .get(j)
            .is_some_and(|a| a.kind == TokKind::Word && is_article(&a.lower))
            && matches!(quant, TimeQuant::One)
            && !matches!(
                t.lower.as_str(),
                "a" | "an" | "un" | "une" | "una" | "uno" | "um" | "uma" | "ein" | "eine" | "een"
            )
        {
            j = skip_space(toks, j + 1);
        }
        let Some((d, e)) = unit_at(chars, toks, j) else {
            continue;
        };
        if d.kind != Kind::Duration || d.pieces.len() != 1 || d.pieces[0].chars().count() < 3 {
            continue;
        }
        // "a month-long investigation" is no duration of one month.
        if is_char(chars, toks, e, '-') {
            continue;
        }
        // Skip rates ("100 rubles a month") and overlaps.
        while oi < out.len() && out[oi].tok_end <= i {
            oi += 1;
        }
        if out.get(oi).is_some_and(|f| f.tok_start < e) {
            continue;
        }
        let prev_end = if oi > 0 { out[oi - 1].tok_end } else { 0 };
        if oi > 0 && i <= prev_end + 2 {
            continue;
        }
        if lex.code == "en" && i >= 2 && toks[i - 2].lower == "per" {
            continue;
        }
        let (value, min, max, approximate) = match quant {
            TimeQuant::One => (1.0, None, None, false),
            TimeQuant::Few(a, b) => (3.0, Some(a), Some(b), true),
        };
        extra.push(Found {
            start: t.start,
            end: toks[e - 1].end,
            kind: Kind::Duration,
            value: Some(value),
            min,
            max,
            unit: Some(d.unit.to_string()),
            seconds: Some(value * d.seconds),
            approximate,
            tok_start: i,
            tok_end: e,
        });
    }
    if !extra.is_empty() {
        out.extend(extra);
        out.sort_by_key(|f| f.start);
    }
}

/// A verb of having (or "aged") just before a number of years in Romance languages.
fn age_verb_before(toks: &[Tok], i: usize, lang: &str) -> bool {
    let verbs: &[&str] = match lang {
        "fr" => &[
            "a", "ai", "as", "avait", "avais", "avaient", "ont", "avons", "avez", "aura", "âgé",
            "âgée", "âgés", "âgées", "âge",
        ],
        "es" => &[
            "tiene", "tengo", "tenía", "tenia", "tienen", "tenían", "tendrá", "cumple", "cumplió",
            "edad", "cuenta",
        ],
        "pt" => &[
            "tem",
            "tenho",
            "tinha",
            "tinham",
            "têm",
            "completa",
            "completou",
            "idade",
        ],
        "it" => &[
            "ha", "ho", "hanno", "aveva", "avevo", "compie", "compiuto", "età",
        ],
        _ => return false,
    };
    let mut words = 0;
    let mut j = i;
    while j > 0 && words < 3 {
        j -= 1;
        let t = &toks[j];
        if t.kind == TokKind::Word {
            if verbs.contains(&t.lower.as_str()) {
                return true;
            }
            words += 1;
        } else if t.kind == TokKind::Other {
            return false;
        }
    }
    false
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
            && !matches!(
                t.lower.as_str(),
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
