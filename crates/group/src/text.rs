//! Words: tokens, stop words, stems per language, a stop-word language guess, and dates.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::hash::Set;

/// A word of the text: its lower-cased form, whether it was capitalised, and whether it
/// starts a sentence (so its capital says nothing about it being a name).
#[derive(Debug, Clone)]
pub struct Token {
    pub lower: String,
    pub capitalised: bool,
    pub all_caps: bool,
    pub sentence_start: bool,
    pub numeric: bool,
}

/// Splits `text` into word tokens: runs of letters and digits (an apostrophe or hyphen
/// inside a word splits it). Bounded: linear in the text.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut first_upper = false;
    let mut upper = 0usize;
    let mut letters = 0usize;
    let mut digits = 0usize;
    let mut at_start = true;
    let mut word_start = true;
    let flush = |word: &mut String,
                 first_upper: bool,
                 upper: usize,
                 letters: usize,
                 digits: usize,
                 start: bool,
                 out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token {
                lower: std::mem::take(word),
                capitalised: first_upper,
                all_caps: letters >= 2 && upper == letters,
                sentence_start: start,
                numeric: letters == 0 && digits > 0,
            });
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                first_upper = c.is_uppercase();
                upper = 0;
                letters = 0;
                digits = 0;
                word_start = at_start;
                at_start = false;
            }
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            } else {
                digits += 1;
            }
            if word.len() < 64 {
                word.extend(c.to_lowercase());
            }
        } else {
            flush(
                &mut word,
                first_upper,
                upper,
                letters,
                digits,
                word_start,
                &mut out,
            );
            if matches!(c, '.' | '!' | '?' | '\n' | '\u{3002}' | ':' | '•') {
                at_start = true;
            }
        }
    }
    flush(
        &mut word,
        first_upper,
        upper,
        letters,
        digits,
        word_start,
        &mut out,
    );
    out
}

/// Stop words per language: function words, reporting verbs and calendar words that say
/// nothing about which story an article belongs to.
const STOP: &[(&str, &str)] = &[
    (
        "en",
        "a about above after again against all also am an and any are as at be because been \
         before being below between both but by can could did do does doing down during each \
         few for from further had has have having he her here hers herself him himself his how \
         i if in into is it its itself just me more most my myself no nor not now of off on once \
         only or other our ours out over own same she should so some such than that the their \
         theirs them themselves then there these they this those through to too under until up \
         very was we were what when where which while who whom why will with would you your \
         yours said says say told according would also new one two three four five six seven \
         eight nine ten first last year years week weeks day days month months time monday \
         tuesday wednesday thursday friday saturday sunday today yesterday tomorrow mr mrs ms \
         dr percent people may might must just like get got make made including since around \
         another many much well back still even us news report reported reports via per \
         january february march april june july august september october november december \
         s t don didn isn wasn ve ll re m d",
    ),
    (
        "fr",
        "au aux avec ce ces dans de des du elle en et eux il je la le les leur lui ma mais me \
         même mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta \
         te tes toi ton tu un une vos votre vous c d j l à m n s t y été était étaient est sont \
         ont a ai avait avaient être avoir fait plus comme aussi selon dit déclaré cette cet \
         lors après avant depuis entre sans sous chez très tout tous toute toutes leurs dont \
         où ans an jours jour mois semaine lundi mardi mercredi jeudi vendredi samedi dimanche",
    ),
    (
        "de",
        "aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei \
         bin bis bist da damit dann der den des dem die das dass daß du er es ein eine einem \
         einen einer eines für hat hatte hatten haben hier ich ihr ihre im in ist ja jede jedem \
         jeden jeder kann kein keine mit muss nach nicht noch nun nur ob oder ohne sehr sein \
         seine sich sie sind so soll über um und uns unter vom von vor war waren was weil \
         wenn werden wie wieder will wir wird wurde wurden zu zum zur sagte sagt laut jahr \
         jahre jahren tag tage tagen monat monate woche montag dienstag mittwoch donnerstag \
         freitag samstag sonntag seit bereits",
    ),
    (
        "es",
        "a al algo como con de del el ella ellas ellos en entre era es esa ese eso esta este \
         esto están fue fueron ha han hay la las le les lo los más me mi muy no nos o para \
         pero por que qué se ser si sin sobre su sus también te tiene un una uno unos y ya \
         dijo según año años día días mes meses semana lunes martes miércoles jueves viernes \
         sábado domingo desde tras",
    ),
    (
        "it",
        "a ad al alla alle agli ai anche che chi ci come con da dal dalla dei del della delle \
         di e è ed era gli ha hanno i il in la le lo loro ma mi ne nel nella non o per più \
         quale questo questa se si sono su sua suo tra un una uno detto secondo anno anni \
         giorno giorni mese mesi settimana lunedì martedì mercoledì giovedì venerdì sabato \
         domenica dopo stato stata",
    ),
    (
        "pt",
        "a ao aos as com como da das de do dos e é ela ele eles em entre era essa esse foi \
         foram há isso mais mas na nas no nos o os ou para pela pelo por que se sem ser seu \
         sua são também tem um uma disse segundo ano anos dia dias mês meses semana após",
    ),
    (
        "nl",
        "aan al als bij daar dan dat de der deze die dit door een en er geen had heeft hem het \
         hij hoe hun ik in is je kan maar me met mij na naar niet nog nu of om ook op over te \
         tot uit van voor was wat we werd wij wordt zal ze zei zich zij zijn jaar jaren dag \
         dagen maand week volgens",
    ),
    (
        "ru",
        "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по \
         только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если \
         уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей \
         может они тут где есть надо ней для мы тебя их чем была сам чтобы без будто чего раз \
         тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом \
         один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец \
         два об другой хоть после над больше тот через эти нас про всего них какая много \
         разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой \
         им более всегда конечно всю между заявил сообщил году года лет",
    ),
];

static STOPS: LazyLock<Vec<(&'static str, Set<&'static str>)>> = LazyLock::new(|| {
    STOP.iter()
        .map(|(lang, words)| (*lang, words.split_whitespace().collect()))
        .collect()
});

static ALL_STOPS: LazyLock<Set<&'static str>> = LazyLock::new(|| {
    STOP.iter()
        .flat_map(|(_, words)| words.split_whitespace())
        .collect()
});

/// True when `word` (lower case) is a stop word of `lang`.
pub fn is_stop(lang: &str, word: &str) -> bool {
    STOPS
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or_else(|| ALL_STOPS.contains(word), |(_, s)| s.contains(word))
}

/// True when `word` is a stop word in any language we know: a capitalised stop word is
/// never taken for a name.
pub fn is_any_stop(word: &str) -> bool {
    ALL_STOPS.contains(word)
}

/// The language of a text from its stop words, when it has no declared language: the
/// language with most stop-word hits among the first 400 tokens, if at least 5 hit.
pub fn guess_language(tokens: &[Token]) -> Option<&'static str> {
    let mut best: Option<(&'static str, usize)> = None;
    for (lang, set) in STOPS.iter() {
        let hits = tokens
            .iter()
            .take(400)
            .filter(|t| set.contains(t.lower.as_str()))
            .count();
        if hits >= 5 && best.is_none_or(|(_, b)| hits > b) {
            best = Some((lang, hits));
        }
    }
    best.map(|(l, _)| l)
}

/// A stemmer for `lang` (ISO 639-1), when Snowball has one.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match lang {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Seconds since 1970-01-01T00:00:00Z of an RFC 3339 date or date-time
/// (`2023-11-10`, `2023-11-10T17:03:27.543Z`, `2023-11-10T17:03:27+01:00`); None when it
/// does not parse. A bare date is taken at midnight UTC.
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = b.get(from..from + len)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let year = num(0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let month = num(5, 2)?;
    let day = num(8, 2)?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let mut secs = days * 86_400;
    if matches!(b.get(10), Some(b'T' | b't' | b' '))
        && let (Some(h), Some(m)) = (num(11, 2), num(14, 2))
    {
        secs += h.min(23) * 3600 + m.min(59) * 60 + num(17, 2).unwrap_or(0).min(60);
        // A UTC offset: the last "+hh:mm" / "-hh:mm" after the time.
        let tail = s.get(16..).unwrap_or("");
        if let Some(pos) = tail.rfind(['+', '-']) {
            let off = tail.as_bytes().get(pos..).unwrap_or_default();
            if off.len() >= 6 {
                let digits = |r: std::ops::Range<usize>| {
                    std::str::from_utf8(off.get(r)?).ok()?.parse::<i64>().ok()
                };
                if let (Some(oh), Some(om)) = (digits(1..3), digits(4..6)) {
                    let sign = if off[0] == b'-' { -1 } else { 1 };
                    secs -= sign * (oh * 3600 + om * 60);
                }
            }
        }
    }
    Some(secs)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` of a day number (days since 1970-01-01).
pub fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse() {
        assert_eq!(parse_date("1970-01-02"), Some(86_400));
        assert_eq!(
            parse_date("2023-11-10T17:03:27.543Z"),
            parse_date("2023-11-10").map(|d| d + 17 * 3600 + 3 * 60 + 27)
        );
        assert_eq!(
            parse_date("2023-11-10T18:00:00+01:00"),
            parse_date("2023-11-10T17:00:00Z")
        );
        assert_eq!(parse_date("garbage"), None);
        assert_eq!(parse_date("2023-1é-10"), None);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), "2024-02-29");
    }

    #[test]
    fn tokens_mark_names_and_sentence_starts() {
        let t = tokens("The quake hit Turkey. Rescuers from NATO came.");
        let turkey = t.iter().find(|t| t.lower == "turkey").unwrap();
        assert!(turkey.capitalised && !turkey.sentence_start);
        let rescuers = t.iter().find(|t| t.lower == "rescuers").unwrap();
        assert!(rescuers.sentence_start);
        assert!(t.iter().find(|t| t.lower == "nato").unwrap().all_caps);
    }

    #[test]
    fn language_from_stop_words() {
        let t =
            tokens("Le président a dit que les prisonniers sont dans la guerre et il a été clair.");
        assert_eq!(guess_language(&t), Some("fr"));
    }
}
