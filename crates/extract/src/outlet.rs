//! Outlet names: from the host, from metadata, and from "Source: …" credits.

/// Well-known outlets: registrable domains (first is the main one) and the name.
/// Extra names (`ALIASES`) cover how credits abbreviate them.
const OUTLETS: &[(&[&str], &str)] = &[
    (&["cnn.com"], "CNN"),
    (&["bbc.co.uk", "bbc.com"], "BBC"),
    (&["nytimes.com"], "The New York Times"),
    (&["theguardian.com", "guardian.co.uk"], "The Guardian"),
    (&["washingtonpost.com"], "The Washington Post"),
    (&["wsj.com"], "The Wall Street Journal"),
    (&["foxnews.com"], "Fox News"),
    (&["huffpost.com", "huffingtonpost.com"], "HuffPost"),
    (&["nbcnews.com"], "NBC News"),
    (&["cbsnews.com"], "CBS News"),
    (&["abcnews.go.com", "abcnews.com"], "ABC News"),
    (&["npr.org"], "NPR"),
    (&["usatoday.com"], "USA Today"),
    (&["politico.com", "politico.eu"], "Politico"),
    (&["bloomberg.com"], "Bloomberg"),
    (&["ft.com"], "Financial Times"),
    (&["economist.com"], "The Economist"),
    (&["independent.co.uk"], "The Independent"),
    (&["telegraph.co.uk"], "The Telegraph"),
    (&["dailymail.co.uk"], "Daily Mail"),
    (&["thetimes.co.uk"], "The Times"),
    (&["sky.com", "news.sky.com"], "Sky News"),
    (&["reuters.com"], "Reuters"),
    (&["apnews.com", "ap.org"], "AP"),
    (&["afp.com"], "AFP"),
    (&["aljazeera.com", "aljazeera.net"], "Al Jazeera"),
    (&["dw.com"], "DW"),
    (&["france24.com"], "France 24"),
    (&["euronews.com"], "Euronews"),
    (&["bolnews.com"], "The BOL News"),
    (&["dawn.com"], "Dawn"),
    (
        &["timesofindia.indiatimes.com", "indiatimes.com"],
        "The Times of India",
    ),
    (&["hindustantimes.com"], "Hindustan Times"),
    (&["thehindu.com"], "The Hindu"),
    (&["scmp.com"], "South China Morning Post"),
    (&["japantimes.co.jp"], "The Japan Times"),
    (&["abc.net.au"], "ABC News (Australia)"),
    (&["smh.com.au"], "The Sydney Morning Herald"),
    (&["cbc.ca"], "CBC News"),
    (&["theglobeandmail.com"], "The Globe and Mail"),
    (&["lemonde.fr"], "Le Monde"),
    (&["leparisien.fr"], "Le Parisien"),
    (&["lefigaro.fr"], "Le Figaro"),
    (&["liberation.fr"], "Libération"),
    (&["francetvinfo.fr"], "franceinfo"),
    (&["20minutes.fr"], "20 Minutes"),
    (&["ouest-france.fr"], "Ouest-France"),
    (&["lesechos.fr"], "Les Echos"),
    (&["spiegel.de"], "Der Spiegel"),
    (&["zeit.de"], "Die Zeit"),
    (&["faz.net"], "Frankfurter Allgemeine Zeitung"),
    (&["sueddeutsche.de"], "Süddeutsche Zeitung"),
    (&["bild.de"], "Bild"),
    (&["tagesschau.de"], "tagesschau"),
    (&["welt.de"], "Die Welt"),
    (&["elpais.com"], "El País"),
    (&["elmundo.es"], "El Mundo"),
    (&["abc.es"], "ABC (España)"),
    (&["lavanguardia.com"], "La Vanguardia"),
    (&["corriere.it"], "Corriere della Sera"),
    (&["repubblica.it"], "la Repubblica"),
    (&["lastampa.it"], "La Stampa"),
    (&["ansa.it"], "ANSA"),
    (&["publico.pt"], "Público"),
    (&["globo.com", "oglobo.globo.com"], "O Globo"),
    (&["folha.uol.com.br"], "Folha de S.Paulo"),
    (&["nos.nl"], "NOS"),
    (&["nrc.nl"], "NRC"),
    (&["volkskrant.nl"], "de Volkskrant"),
    (&["tass.ru", "tass.com"], "TASS"),
    (&["ria.ru"], "RIA Novosti"),
    (&["interfax.ru", "interfax.com"], "Interfax"),
    (&["kommersant.ru"], "Kommersant"),
    (&["rbc.ru"], "RBC"),
    (&["meduza.io"], "Meduza"),
    (&["novayagazeta.ru", "novayagazeta.eu"], "Novaya Gazeta"),
    (&["themoscowtimes.com"], "The Moscow Times"),
    (&["rt.com"], "RT"),
    (&["kyivindependent.com"], "The Kyiv Independent"),
    (&["kyivpost.com"], "Kyiv Post"),
    (&["pravda.com.ua"], "Ukrainska Pravda"),
    (&["ukrinform.net", "ukrinform.ua"], "Ukrinform"),
    (&["unian.net", "unian.info"], "UNIAN"),
    (&["rferl.org"], "Radio Free Europe/Radio Liberty"),
    (&["haaretz.com"], "Haaretz"),
    (&["timesofisrael.com"], "The Times of Israel"),
    (&["xinhuanet.com", "news.cn"], "Xinhua"),
    (&["lalibre.be"], "La Libre Belgique"),
    (&["lesoir.be"], "Le Soir"),
    (&["rts.ch"], "RTS"),
    (&["nzz.ch"], "Neue Zürcher Zeitung"),
    (&["thelimitedtimes.com", "newsrnd.com"], "The Limited Times"),
];

/// Other ways credits name the outlets above (normalised: lower case, letters and digits).
const ALIASES: &[(&str, &str)] = &[
    ("associatedpress", "AP"),
    ("theassociatedpress", "AP"),
    ("agencefrancepresse", "AFP"),
    ("agencefrancepress", "AFP"),
    ("nyt", "The New York Times"),
    ("newyorktimes", "The New York Times"),
    ("wapo", "The Washington Post"),
    ("washingtonpost", "The Washington Post"),
    ("guardian", "The Guardian"),
    ("bbcnews", "BBC"),
    ("cnnwire", "CNN"),
    ("foxnews", "Fox News"),
    ("huffingtonpost", "HuffPost"),
    ("aljazeera", "Al Jazeera"),
    ("deutschewelle", "DW"),
    ("spiegel", "Der Spiegel"),
    ("derspiegel", "Der Spiegel"),
    ("spiegelonline", "Der Spiegel"),
    ("figaro", "Le Figaro"),
    ("francetvinfo", "franceinfo"),
    ("ria", "RIA Novosti"),
    ("rianovosti", "RIA Novosti"),
    ("riaru", "RIA Novosti"),
    ("tass", "TASS"),
    ("itartass", "TASS"),
    ("reutersagency", "Reuters"),
    ("dpa", "dpa"),
    ("efe", "EFE"),
    ("ansa", "ANSA"),
    ("xinhua", "Xinhua"),
    ("kyodo", "Kyodo News"),
    ("upi", "UPI"),
    ("bloombergnews", "Bloomberg"),
    ("ap", "AP"),
    ("afp", "AFP"),
    ("elpais", "El País"),
    ("corriere", "Corriere della Sera"),
    ("corrieredellasera", "Corriere della Sera"),
    ("larepubblica", "la Repubblica"),
    ("repubblica", "la Repubblica"),
    ("sz", "Süddeutsche Zeitung"),
    ("faz", "Frankfurter Allgemeine Zeitung"),
];

/// Two-label public suffixes (a small list: enough for news hosts).
const TWO_LABEL_SUFFIXES: &[&str] = &[
    "co.uk",
    "org.uk",
    "ac.uk",
    "gov.uk",
    "me.uk",
    "ltd.uk",
    "plc.uk",
    "com.au",
    "net.au",
    "org.au",
    "edu.au",
    "gov.au",
    "co.nz",
    "org.nz",
    "co.jp",
    "or.jp",
    "ne.jp",
    "co.in",
    "org.in",
    "com.br",
    "org.br",
    "gov.br",
    "uol.com.br",
    "co.za",
    "org.za",
    "com.mx",
    "com.ar",
    "com.tr",
    "com.ua",
    "org.ua",
    "com.pk",
    "com.cn",
    "com.hk",
    "com.sg",
    "com.my",
    "co.kr",
    "co.il",
    "org.il",
    "com.eg",
    "com.sa",
    "com.ng",
    "co.ke",
    "com.ph",
    "com.tw",
    "com.co",
    "com.pe",
    "com.ve",
    "com.es",
    "co.id",
    "com.pl",
    "com.ru",
    "spb.ru",
    "msk.ru",
    "go.com",
    // Hosting platforms: each subdomain is its own publication.
    "substack.com",
    "medium.com",
    "wordpress.com",
    "blogspot.com",
    "github.io",
    "tumblr.com",
    "wixsite.com",
    "ghost.io",
    "beehiiv.com",
    "netlify.app",
    "vercel.app",
    "pages.dev",
];

/// Lower case letters and digits only: how names are compared.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(fold_accent)
        .collect()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        c => c,
    }
}

/// A host without `www.`, `m.`, `amp.`, `mobile.` and the trailing dot, lower case.
fn clean_host(host: &str) -> String {
    let mut h = host.trim_end_matches('.').to_ascii_lowercase();
    for p in [
        "www.", "m.", "amp.", "mobile.", "edition.", "www1.", "www2.",
    ] {
        if let Some(rest) = h.strip_prefix(p)
            && rest.contains('.')
        {
            h = rest.to_string();
        }
    }
    h
}

/// The registrable domain of a host ("news.bbc.co.uk" → "bbc.co.uk").
pub fn registrable_domain(host: &str) -> String {
    let h = clean_host(host);
    let labels: Vec<&str> = h.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() <= 2 {
        return labels.join(".");
    }
    let last2 = labels[labels.len() - 2..].join(".");
    let last3 = labels[labels.len() - 3..].join(".");
    if TWO_LABEL_SUFFIXES.contains(&last3.as_str()) && labels.len() >= 4 {
        return labels[labels.len() - 4..].join(".");
    }
    if TWO_LABEL_SUFFIXES.contains(&last2.as_str()) {
        return last3;
    }
    last2
}

/// The registrable domain without its public suffix ("bbc.co.uk" → "bbc").
pub fn host_stem(host: &str) -> String {
    let reg = registrable_domain(host);
    reg.split('.').next().unwrap_or("").to_string()
}

/// A known outlet by host: tries the cleaned host, then each parent domain.
fn known_by_host(host: &str) -> Option<&'static str> {
    let h = clean_host(host);
    let mut rest = h.as_str();
    loop {
        if let Some((_, name)) = OUTLETS.iter().find(|(domains, _)| domains.contains(&rest)) {
            return Some(name);
        }
        let (_, parent) = rest.split_once('.')?;
        if !parent.contains('.') {
            return None;
        }
        rest = parent;
    }
}

/// The outlet's name guessed from a URL's host ("www.lemonde.fr" → "Le Monde" when
/// known, else the registrable domain, "scratchculinary.com").
pub fn outlet_from_host(url: &url::Url) -> Option<String> {
    let host = url.host_str()?;
    if url
        .host()
        .is_some_and(|h| !matches!(h, url::Host::Domain(_)))
    {
        return None;
    }
    if let Some(name) = known_by_host(host) {
        return Some(name.to_string());
    }
    let reg = registrable_domain(host);
    (reg.contains('.') && reg != "localhost").then_some(reg)
}

/// The known name of an outlet given by host, if any (no fallback to the domain).
pub fn known_outlet_from_host(url: &url::Url) -> Option<&'static str> {
    url.host_str().and_then(known_by_host)
}

/// Every normalised key of a known outlet: its name, aliases, host stems.
fn keys() -> impl Iterator<Item = (String, &'static str)> {
    let names = OUTLETS.iter().flat_map(|(domains, name)| {
        std::iter::once((norm(name), *name)).chain(
            domains
                .iter()
                .flat_map(move |d| [(norm(&host_stem(d)), *name), (norm(d), *name)]),
        )
    });
    let aliases = ALIASES.iter().map(|(k, name)| ((*k).to_string(), *name));
    names.chain(aliases)
}

/// One credit part, normalised, matched against the known outlets.
fn match_credit_part(part: &str) -> Option<&'static str> {
    let p = part.trim();
    if p.contains('.') && !p.contains(' ') {
        let host = p
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        let host = host.split('/').next().unwrap_or(host);
        if let Some(name) = known_by_host(host) {
            return Some(name);
        }
    }
    let key = norm(p);
    if key.is_empty() || key.len() > 60 {
        return None;
    }
    if let Some((_, name)) = keys().find(|(k, _)| *k == key) {
        return Some(name);
    }
    // An unambiguous prefix of a known outlet's key ("leparis" → "leparisien").
    if key.chars().count() >= 5 {
        let mut found: Option<&'static str> = None;
        for (k, name) in keys() {
            if k.starts_with(&key) {
                match found {
                    Some(f) if f != name => return None,
                    _ => found = Some(name),
                }
            }
        }
        return found;
    }
    None
}

/// Words that introduce a credit and are not part of the outlet's name.
const CREDIT_PREFIXES: &[&str] = &[
    "source:",
    "sources:",
    "source",
    "quelle:",
    "fuente:",
    "fonte:",
    "bron:",
    "источник:",
    "copyright",
    "(c)",
    "©",
    "with",
    "via",
    "by",
    "from",
    "avec",
    "mit",
    "con",
    "credit:",
    "photo:",
    "read more at",
    "originally published by",
    "originally published in",
    "originally published at",
    "published by",
    "this article first appeared on",
    "this story first appeared on",
];

/// The outlet named by a credit such as "Source: leparis", "AFP", "(c) Reuters":
/// "leparis" → "Le Parisien". `None` when the credit names no outlet we can tell.
///
/// An outlet not in the table comes back as written when the credit spells out its
/// full name ("Source: The Lisna Valley Courier"); see [`known_outlet_from_credit`] for
/// the table alone.
pub fn outlet_from_credit(credit: &str) -> Option<String> {
    credit_outlet(credit, true)
}

/// Like [`outlet_from_credit`], for the outlets of the table only.
pub fn known_outlet_from_credit(credit: &str) -> Option<String> {
    credit_outlet(credit, false)
}

fn credit_outlet(credit: &str, written_out: bool) -> Option<String> {
    let mut c = crate::text::collapse_whitespace(credit);
    if c.is_empty() || c.chars().count() > 120 {
        return None;
    }
    loop {
        let lower = c.to_lowercase();
        let Some(p) = CREDIT_PREFIXES.iter().find(|p| {
            let next = lower.get(p.len()..).and_then(|r| r.chars().next());
            let last = p.chars().last();
            lower.starts_with(*p)
                && (next.is_none_or(|n| !n.is_alphanumeric())
                    || last.is_some_and(|l| !l.is_alphanumeric()))
        }) else {
            break;
        };
        let Some(rest) = c.get(p.len()..) else {
            break;
        };
        c = rest
            .trim_start_matches([' ', ':', '-', '–', '—'])
            .to_string();
    }
    // Trailing punctuation and a copyright year ("Reuters 2023.").
    let c = c
        .trim_end_matches(|ch: char| ch.is_ascii_digit() || " .,;)-–".contains(ch))
        .trim();
    if let Some(name) = match_credit_part(c) {
        return Some(name.to_string());
    }
    // "AFP/Reuters", "AP and Reuters", "CNN, AFP": the first outlet named.
    let lower = c.to_lowercase();
    for sep in ["/", ",", " and ", " & ", " et ", " und ", " y ", " e "] {
        if lower.contains(sep) {
            for part in lower.split(sep) {
                if let Some(name) = match_credit_part(part) {
                    return Some(name.to_string());
                }
            }
        }
    }
    if written_out {
        written_out_outlet(c)
    } else {
        None
    }
}

/// Articles that open an outlet's name ("The Lisna Valley Courier", "Le Courrier du Val").
const NAME_ARTICLES: &[&str] = &[
    "the", "le", "la", "les", "l'", "l’", "el", "los", "las", "der", "die", "das", "il", "lo",
    "de", "het", "o",
];

/// Words that name a kind of outlet ("… Courier", "… Zeitung", "Вести …").
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "courier",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "daily",
    "press",
    "chronicle",
    "telegraph",
    "observer",
    "express",
    "mail",
    "mirror",
    "standard",
    "record",
    "register",
    "magazine",
    "weekly",
    "radio",
    "tv",
    "television",
    "broadcasting",
    "network",
    "agency",
    "wire",
    "dispatch",
    "ledger",
    "bulletin",
    "reporter",
    "examiner",
    "sentinel",
    "monitor",
    "globe",
    "independent",
    "inquirer",
    "argus",
    "zeitung",
    "tagblatt",
    "tageblatt",
    "nachrichten",
    "rundschau",
    "anzeiger",
    "kurier",
    "allgemeine",
    "presse",
    "courrier",
    "quotidien",
    "dépêche",
    "républicain",
    "diario",
    "periódico",
    "noticias",
    "crónica",
    "heraldo",
    "gaceta",
    "correo",
    "gazzetta",
    "corriere",
    "giornale",
    "notizie",
    "jornal",
    "folha",
    "notícias",
    "вести",
    "новости",
    "газета",
    "известия",
    "ведомости",
    "агентство",
    "правда",
];

/// Heads of phrases that are sources but not outlets ("The Government", "The Ministry of …").
const NOT_OUTLET_WORDS: &[&str] = &[
    "government",
    "ministry",
    "minister",
    "police",
    "office",
    "department",
    "council",
    "company",
    "authorities",
    "authority",
    "court",
    "state",
    "city",
    "president",
    "army",
    "statement",
    "staff",
    "team",
    "editors",
    "editorial",
    "family",
    "images",
    "image",
    "photo",
    "photos",
    "pictures",
    "archive",
    "archives",
    "wikipedia",
    "commons",
];

/// An outlet we do not know, written out in full as a proper name: two to seven
/// capitalised words (connectives aside) that open with an article or hold a word naming
/// a kind of outlet: "The Lisna Valley Courier", "Le Courrier du Val", "Kessinger
/// Tagblatt". Person names ("John Smith"), photo agencies ("Getty Images") and plain
/// sources ("official statement", "The Ministry of Health") are not outlets.
fn written_out_outlet(c: &str) -> Option<String> {
    let name = c.trim().trim_end_matches(['.', ',', ';', ':']).trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=7).contains(&words.len()) || name.chars().count() > 60 {
        return None;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let connective = |w: &str| {
        matches!(
            w,
            "of" | "the"
                | "du"
                | "de"
                | "des"
                | "la"
                | "le"
                | "del"
                | "der"
                | "di"
                | "y"
                | "et"
                | "and"
                | "und"
                | "&"
                | "am"
                | "im"
                | "an"
                | "on"
                | "für"
                | "dei"
                | "della"
        )
    };
    let first = words.first()?;
    if !capitalised(first)
        || !words.iter().all(|w| capitalised(w) || connective(w))
        || words.iter().filter(|w| capitalised(w)).count() < 2
        || name
            .chars()
            .any(|ch| ch.is_ascii_digit() || matches!(ch, '@' | '/' | '(' | ')'))
    {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().any(|w| NOT_OUTLET_WORDS.contains(&w.as_str())) {
        return None;
    }
    let article = lower.first().is_some_and(|w| {
        NAME_ARTICLES.contains(&w.as_str())
            || NAME_ARTICLES
                .iter()
                .any(|a| a.ends_with(['\'', '’']) && w.starts_with(a) && w.len() > a.len())
    });
    let kind = lower.iter().any(|w| {
        let w = w.trim_matches(|ch: char| !ch.is_alphanumeric());
        OUTLET_WORDS.contains(&w)
    });
    (article || kind).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(s: &str) -> Option<String> {
        url::Url::parse(s).ok().as_ref().and_then(outlet_from_host)
    }

    #[test]
    fn known_hosts() {
        assert_eq!(
            host("https://www.lemonde.fr/x").as_deref(),
            Some("Le Monde")
        );
        assert_eq!(host("https://edition.cnn.com/x").as_deref(), Some("CNN"));
        assert_eq!(host("https://www.bbc.co.uk/news/x").as_deref(), Some("BBC"));
        assert_eq!(host("https://news.bbc.co.uk/x").as_deref(), Some("BBC"));
        assert_eq!(
            host("https://amp.theguardian.com/x").as_deref(),
            Some("The Guardian")
        );
        assert_eq!(
            host("https://www.bolnews.com/x").as_deref(),
            Some("The BOL News")
        );
    }

    #[test]
    fn unknown_hosts_give_the_registrable_domain() {
        assert_eq!(
            host("https://blog.example.co.uk/x").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            host("https://www.scratchculinary.com/x").as_deref(),
            Some("scratchculinary.com")
        );
        assert_eq!(host("http://127.0.0.1/x"), None);
    }

    #[test]
    fn credits() {
        let c = |s: &str| outlet_from_credit(s);
        assert_eq!(c("leparis").as_deref(), Some("Le Parisien"));
        assert_eq!(c("Source: leparis").as_deref(), Some("Le Parisien"));
        assert_eq!(c("AFP").as_deref(), Some("AFP"));
        assert_eq!(c("(c) Reuters").as_deref(), Some("Reuters"));
        assert_eq!(c("© Reuters 2023").as_deref(), Some("Reuters"));
        assert_eq!(c("with AP").as_deref(), Some("AP"));
        assert_eq!(c("CNN").as_deref(), Some("CNN"));
        assert_eq!(c("Associated Press").as_deref(), Some("AP"));
        assert_eq!(c("lemonde.fr").as_deref(), Some("Le Monde"));
        assert_eq!(
            c("Source: The New York Times").as_deref(),
            Some("The New York Times")
        );
        assert_eq!(c("AFP/Reuters").as_deref(), Some("AFP"));
        assert_eq!(c("Source: spiegel").as_deref(), Some("Der Spiegel"));
    }

    #[test]
    fn unknown_outlets_written_out_come_back_as_written() {
        let c = |s: &str| outlet_from_credit(s);
        assert_eq!(
            c("Source: The Lisna Valley Courier").as_deref(),
            Some("The Lisna Valley Courier")
        );
        assert_eq!(
            c("Le Courrier du Val").as_deref(),
            Some("Le Courrier du Val")
        );
        assert_eq!(
            c("Kessinger Tagblatt").as_deref(),
            Some("Kessinger Tagblatt")
        );
        assert_eq!(c("Источник: Вести Долины").as_deref(), Some("Вести Долины"));
        assert_eq!(
            c("El Diario del Valle").as_deref(),
            Some("El Diario del Valle")
        );
        for s in [
            "Source: official statement",
            "Getty Images",
            "John Smith",
            "The Ministry of Health",
            "Source: The Government",
            "Photo: Jane Doe",
            "the lisna valley courier",
        ] {
            assert_eq!(c(s), None, "{s}");
        }
    }

    #[test]
    fn non_outlets() {
        for s in [
            "",
            "John Smith",
            "Staff",
            "Read more",
            "the",
            "Source:",
            "apple",
        ] {
            assert_eq!(outlet_from_credit(s), None, "{s}");
        }
    }

    #[test]
    fn ambiguous_prefix_is_refused() {
        // "lesechos" and "lesoir" share "leso"… but "le" prefixes many outlets.
        assert_eq!(outlet_from_credit("lefig").as_deref(), Some("Le Figaro"));
        assert_eq!(outlet_from_credit("thetimes").as_deref(), Some("The Times"));
        assert_eq!(outlet_from_credit("theti"), None);
    }

    #[test]
    fn domains() {
        assert_eq!(registrable_domain("news.bbc.co.uk"), "bbc.co.uk");
        assert_eq!(registrable_domain("www.lemonde.fr"), "lemonde.fr");
        assert_eq!(
            registrable_domain("aimaker.substack.com"),
            "aimaker.substack.com"
        );
        assert_eq!(registrable_domain("substack.com"), "substack.com");
        assert_eq!(host_stem("www.theguardian.com"), "theguardian");
    }
}
