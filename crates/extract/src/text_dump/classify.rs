//! Line classification for text dumps: what each unit of a dump looks like (prose,
//! headline, timestamp, teaser, credit, byline or one of the site's own lines).

use std::sync::LazyLock;

use regex::Regex;

/// How strongly a boilerplate line says "not the article".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Strength {
    /// Lines that also appear inside article bodies ("Read also…", "Share", an app promo).
    Inline,
    /// Lines that end an article or belong to the page's frame ("©", "Privacy", "Trends").
    Footer,
}

/// What one unit (a line or a blank-line separated block) of a dump is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// A paragraph of running text: ends like a sentence.
    Prose,
    /// A short line without sentence punctuation: a headline, an in-body heading, a name.
    Heading,
    /// A long line that does not end like a sentence (a caption, a cut fragment).
    Fragment,
    /// A line cut off with "..." / "…" (a teaser card, a notice).
    Truncated,
    /// A date line; `modified` when it is labelled as an update; with the authors when
    /// the line also holds a byline ("Von Anna Keller | 12.03.2024").
    Timestamp {
        date: String,
        modified: bool,
        authors: Vec<String>,
    },
    /// A labelled standfirst ("Highlights: …"), with the label removed; empty when
    /// the label stands alone on its line and the teaser follows.
    Teaser(String),
    /// A credit naming the outlet whose work the page republishes ("Source: leparis").
    Credit(String),
    /// A byline ("By Jane Doe and John Roe"), with the author names.
    Byline(Vec<String>),
    /// One of the site's own lines.
    Boilerplate(Strength),
}

impl Kind {
    /// The unit's weight in the search for the body: prose counts for it, the rest against.
    pub(super) fn score(&self, chars: usize) -> f64 {
        match self {
            // A one-line sentence counts little: menus and card lists are made of them.
            Kind::Prose if chars < 80 => 0.1,
            Kind::Prose => 1.0 + (chars.min(600) as f64) / 200.0,
            Kind::Heading => -0.15,
            Kind::Fragment => -0.4,
            Kind::Truncated => -1.0,
            Kind::Byline(_) => -1.0,
            Kind::Timestamp { .. } => -2.0,
            Kind::Boilerplate(Strength::Inline) => -1.5,
            Kind::Teaser(_) | Kind::Credit(_) => -3.0,
            Kind::Boilerplate(Strength::Footer) => -4.0,
        }
    }
}

/// Compiles one of this module's constant patterns (checked by the unit tests).
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern compiles")
}

/// Lines that appear inside bodies as well as around them (matched at the start of a
/// line of up to 200 characters).
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&r"(?ix)^(?:
        (?-x:READ_ALSO_PHRASES)|read\ more|
        (?:catch|get)\ (?:all\ )?the\ (?:latest|world|breaking|\p{L}+\ news)\b|
        download\ (?:the\ |our\ )?.{0,40}\bapp\b|get\ the\ app|install\ (?:the\ |our\ )?app|
        t[ée]l[ée]charge[rz]?\ (?:l'|l’|notre\ )?appli|descarg[aue]\ (?:la\ |nuestra\ )?app|
        (?:lade|laden\ sie)\ (?:die\ |unsere\ )?app|app\ herunterladen|скачайте\ приложение|
        follow\ us|suivez[- ]nous|s[íi]guenos|folgen\ sie\ uns|подписывайтесь|
        (?:sign\ up|subscribe)\ (?:to|for|now)\b|abonnez[- ]vous|inscrivez[- ]vous|
        suscr[íi]bete|abonnieren\ sie|jetzt\ abonnieren|подпишитесь
    )"
    .replace("READ_ALSO_PHRASES", crate::lines::READ_ALSO))
});

/// Short lines (up to 60 characters, not sentences) that are buttons, labels and
/// credits: words that may also start a real sentence ("Share prices fell…").
static SHORT_INLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)^(?:
        share\b|partager\b|compartir\b|teilen\b|поделиться|tweet\b|
        advertisement|advertising|publicité|anzeige|publicidad|реклама|sponsored|
        click\ here|tap\ here|newsletter|sign\ up\b|subscribe\b|
        (?:photo|image|picture|video|foto|bild|credit|crédit)\s*:|
        watch\s*:|listen\s*:|écouter\b|
        (?:\d+\ )?comments?\b|leave\ a\ comment|commentaires?\b|kommentare?\b|comentarios?\b|комментари
    )")
});

/// Whole short lines that belong to the site's navigation.
static NAV_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)^(?:
        home|menu|search|login|log\ in|sign\ in|(?:error\ |erreur\ |fehler\ )?404|not\ found|
        latest(?:\ news)?|most\ (?:read|popular|viewed)|top\ stories|trending(?:\ now)?|
        trends?(?:\ \d+\ ?h)?|more\ (?:stories|news)|
        (?:les\ )?derni[èe]res?\ (?:infos|actualités|nouvelles)|à\ la\ une|les\ plus\ lus|tendances|
        lo\ último|últimas\ noticias|lo\ más\ leído|tendencias|
        neueste(?:\ artikel)?|meistgelesen|am\ meisten\ gelesen|im\ trend|
        последние\ новости|популярное|главное|
        related(?:\ (?:articles|stories|news))?|you\ may\ also\ like|recommended(?:\ for\ you)?|
        sur\ le\ même\ sujet|noticias\ relacionadas|das\ könnte\ sie\ auch\ interessieren|
        \d+\ ?min(?:ute)?s?\.?\ read|(?:reading\ time|temps\ de\ lecture|lesezeit|tiempo\ de\ lectura)\b.*|
        (?:lecture|lectura)\s*:?\ \d+\ ?min.*|\d+\ ?min\.?\ (?:lesezeit|de\ lecture|de\ lectura)
    )\s*[:.]?$")
});

/// Phrases anywhere in a line (of up to 300 characters) that mark the page's frame:
/// copyright notices, disclaimers, per-day archive links.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)(?:
        ©|\(c\)\ ?\d{4}|all\ rights\ reserved|tous\ droits\ réservés|
        alle\ rechte\ vorbehalten|todos\ los\ derechos\ reservados|все\ права\ защищены|
        information\ on\ this\ (?:site|website|page)|not\ under\ our\ control|
        do(?:es)?\ not\ necessarily\ (?:imply|reflect|represent)|views\ expressed\ (?:here|within)|
        ne\ reflètent\ pas\ nécessairement|no\ reflejan\ necesariamente|
        geben\ nicht\ (?:unbedingt|notwendigerweise)|
        ^all\ (?:the\ )?(?:news\ )?(?:articles|stories|news)\ (?:on|from|of)\b|
        ^tous\ les\ articles\ du\b|^toutes\ les\ (?:infos|actualités)\ du\b|
        ^alle\ (?:artikel|nachrichten)\ vom\b|^todas\ las\ noticias\ del\b|^все\ новости\ за\b|
        \bpage\ not\ found\b|can['’]t\ find\ (?:that|this|the)\ page|
        the\ page\ you\ (?:were\ looking\ for|requested)|page\ (?:introuvable|demandée)|
        seite\ nicht\ gefunden|(?:gesuchte|angeforderte)\ seite|página\ no\ encontrada|
        la\ página\ que\ (?:buscas|busca)|страница\ не\ найдена
    )")
});

/// Words of the page's frame (privacy, cookies, terms, imprint) in a short line that is
/// not a sentence, or that addresses the reader ("We use cookies…").
static FOOTER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)(?:
        \bprivacy\b|\bcookies?\b|\bcopyright\b|terms\ of\ (?:use|service)|\bdisclaimer\b|
        confidentialité|mentions\ légales|conditions\ générales|
        datenschutz|impressum|privacidad|aviso\ legal|политика\ конфиденциальности|
        ^archives?\b|^archiv\b|^archivo\b
    )")
});

/// A line that speaks to the reader as the site does.
static ADDRESSES_READER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:we|our|you|your|this\ (?:site|website)|nous|notre|vous|votre|wir|unsere|ihre|usted|nuestra|nuestro)\b",
    )
});

/// "With AFP", "Avec AFP", "Mit Material von dpa", "Con información de EFE".
static WITH_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\(?(?:with|avec|mit(?:\ material\ von)?|con(?:\ información\ de)?)\s+(.{2,40}?)\)?\.?$",
    )
});

/// "Highlights: …", "L'essentiel : …", "Das Wichtigste in Kürze: …", "Главное: …".
static TEASER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)^(?:
        highlights|summary|key\ points|in\ brief|at\ a\ glance|the\ essentials|tl;dr|
        en\ bref|l['’]essentiel|résumé|
        das\ wichtigste(?:\ in\ kürze)?|zusammenfassung|in\ kürze|
        en\ resumen|resumen|lo\ más\ destacado|claves|
        in\ sintesi|em\ resumo|коротко|кратко|要点|摘要|ポイント
    )\s*(?:[:：]\s*(.*))?$")
});

/// Labels before a date: "Published:", "Publié le", "Aktualisiert am", "Обновлено".
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?ix)^(?:
        (?P<upd>last\ updated|updated|modified|mis\ à\ jour|actualisé|aktualisiert|
            geändert|actualizado|обновлено)|
        published|posted|publication|date|publié|veröffentlicht|stand|publicado|опубликовано
    )(?:\ (?:on|at|le|am|um|el|the))?\s*[:：]?\s*")
});

/// "By Jane Doe", "Von Anna Keller", "Par Claire Martin", "Por Lucía Gómez", "Автор: …".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:(?i:(?:written|reviewed|medically\ reviewed|fact[- ]checked|edited|words|reporting)\s+by)|[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|Автор:?|Текст:?)\s+(.{3,100})$",
    )
});

/// Separators between the parts of a meta line ("10 March 2024 | By Jane Doe").
static META_SPLIT: LazyLock<Regex> = LazyLock::new(|| re(r"\s+[|·•—–]\s+"));

/// Separators between author names.
static AUTHOR_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\bи\b)\s*"));

/// Characters that close a sentence.
fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』' | '）' | '*'
        ) || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';', '：'])
}

/// "…at dawn. Orvalle": a sentence ends inside the line (headings hold no sentence end).
fn has_inner_sentence_break(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars
        .windows(3)
        .any(|w| matches!(w[0], '.' | '!' | '?' | '。') && w[1] == ' ' && w[2].is_uppercase())
}

fn is_truncated(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with("...") || t.ends_with('…') || t.ends_with("[…]") || t.ends_with("[...]")
}

/// Counts words; a run of CJK characters counts as one word per two characters, so
/// that headline and paragraph sizes compare across scripts.
pub(super) fn word_count(s: &str) -> usize {
    let mut words = 0;
    let mut cjk = 0;
    for w in s.split_whitespace() {
        let n = w.chars().filter(|c| is_cjk(*c)).count();
        if n > 0 {
            cjk += n;
        } else {
            words += 1;
        }
    }
    words + cjk.div_ceil(2)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// Classifies one unit (whitespace already collapsed, not empty).
pub(super) fn classify(unit: &str) -> Kind {
    let chars = unit.chars().count();
    if chars <= 160 {
        if let Some(c) = crate::lines::CREDIT_LINE.captures(unit) {
            let name = c.get(1).map_or("", |m| m.as_str()).trim();
            return Kind::Credit(name.trim_end_matches('.').to_string());
        }
        if let Some(c) = WITH_AGENCY.captures(unit) {
            let name = c.get(1).map_or("", |m| m.as_str());
            if super::credit::known_outlet(name).is_some() {
                return Kind::Credit(name.to_string());
            }
        }
    }
    if let Some(c) = TEASER.captures(unit) {
        let rest = c.get(1).map_or("", |m| m.as_str()).trim();
        if rest.is_empty() || word_count(rest) >= 5 {
            return Kind::Teaser(rest.to_string());
        }
    }
    if chars <= 60 && NAV_LINE.is_match(unit) {
        return Kind::Boilerplate(Strength::Footer);
    }
    if FOOTER.is_match(unit) && (chars <= 300 || word_count(unit) <= 50) {
        return Kind::Boilerplate(Strength::Footer);
    }
    if chars <= 120
        && FOOTER_WORD.is_match(unit)
        && (!ends_like_sentence(unit) || ADDRESSES_READER.is_match(unit))
    {
        return Kind::Boilerplate(Strength::Footer);
    }
    if (chars <= 200 && INLINE.is_match(unit))
        || (chars <= 60
            && (!ends_like_sentence(unit) || word_count(unit) <= 4)
            && SHORT_INLINE.is_match(unit))
    {
        return Kind::Boilerplate(Strength::Inline);
    }
    if chars <= 120
        && let Some(kind) = meta_line(unit)
    {
        return kind;
    }
    if is_truncated(unit) {
        return Kind::Truncated;
    }
    if ends_like_sentence(unit) && (word_count(unit) >= 6 || chars >= 40) {
        return Kind::Prose;
    }
    if word_count(unit) <= 20 && chars <= 160 && !has_inner_sentence_break(unit) {
        Kind::Heading
    } else if ends_like_sentence(unit) {
        Kind::Prose
    } else {
        Kind::Fragment
    }
}

/// A line made of a date and/or a byline ("Published 10 March 2024, 14:05",
/// "By Jane Doe | 2024-03-10").
fn meta_line(unit: &str) -> Option<Kind> {
    let mut date = None;
    let mut authors = Vec::new();
    let mut other = 0;
    for part in META_SPLIT.split(unit) {
        let part = part.trim();
        if let Some(d) = timestamp(part) {
            date.get_or_insert(d);
        } else if let Some(names) = byline(part) {
            authors.extend(names);
        } else if word_count(part) <= 3 {
            // A short label beside a date ("by whova | Apr 21, 2025", "World | …").
            other += 1;
        } else {
            return None;
        }
    }
    match (date, authors.is_empty()) {
        (Some((date, modified)), _) => Some(Kind::Timestamp {
            date,
            modified,
            authors,
        }),
        (None, false) if other == 0 => Some(Kind::Byline(authors)),
        _ => None,
    }
}

/// A line that is a date, optionally labelled; the date as RFC 3339 and whether the
/// label says it is an update.
fn timestamp(part: &str) -> Option<(String, bool)> {
    let (rest, modified) = match DATE_LABEL.captures(part) {
        Some(c) => {
            let end = c.get(0).map_or(0, |m| m.end());
            (&part[end..], c.name("upd").is_some())
        }
        // Unlabelled, a sentence is not a date line ("It happened on 10 March 2024.").
        None if part.ends_with('.') && word_count(part) >= 5 => return None,
        None => (part, false),
    };
    let rest = rest.trim().trim_end_matches(['.', ',']);
    if rest.chars().count() > 60 || rest.chars().filter(char::is_ascii_digit).count() < 5 {
        return None;
    }
    // A date line holds little but the date: a weekday, "at", a zone; not a sentence
    // that happens to mention a date ("Orvalle, 10 March 2024: the night the water came").
    let other_words = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3 && crate::dates::month_from_name(w).is_none())
        .count();
    if other_words > 2 {
        return None;
    }
    crate::dates::parse_date(rest).map(|d| (d, modified))
}

/// Author names from a byline part, or `None` when the part is not a byline.
fn byline(part: &str) -> Option<Vec<String>> {
    let c = BYLINE.captures(part)?;
    let names = c.get(1)?.as_str();
    let mut out = Vec::new();
    for name in AUTHOR_SPLIT.split(names) {
        let name = name.trim().trim_end_matches('.');
        if name.is_empty() || super::credit::known_outlet(name).is_some() {
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let looks_like_name = (1..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(
                        *w,
                        "de" | "van" | "von" | "der" | "da" | "del" | "la" | "le"
                    )
            });
        if !looks_like_name {
            return None;
        }
        out.push(name.to_string());
    }
    if out.is_empty() { None } else { Some(out) }
}

/// A bare author line: "Kelia Losa Reinoso", "Dylan Bailey, MS, RD" (credentials after
/// the first comma are dropped). Returns the name.
pub(super) fn person_name(unit: &str) -> Option<String> {
    let name = unit.split(',').next()?.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '’' | '.'))
        });
    ok.then(|| name.to_string())
}

/// Is this unit a short site-name line ("The Limited Times", "Le Courrier du Val")?
pub(super) fn looks_like_site_name(unit: &str) -> bool {
    let words: Vec<&str> = unit.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && unit.chars().count() <= 40
        && !unit.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || CONNECTORS.contains(&w.to_lowercase().as_str())
        })
}

const CONNECTORS: &[&str] = &[
    "of", "the", "and", "de", "du", "des", "la", "le", "les", "el", "los", "las", "der", "die",
    "das", "und", "y", "et", "di", "del",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        for r in [
            &*INLINE,
            &*SHORT_INLINE,
            &*NAV_LINE,
            &*FOOTER,
            &*FOOTER_WORD,
            &*ADDRESSES_READER,
            &*crate::lines::CREDIT_LINE,
            &*WITH_AGENCY,
            &*TEASER,
            &*DATE_LABEL,
            &*BYLINE,
            &*META_SPLIT,
            &*AUTHOR_SPLIT,
        ] {
            assert!(!r.as_str().is_empty());
        }
    }

    #[test]
    fn boilerplate_in_several_languages() {
        for line in [
            "Read alsoFloods: what the insurers will pay",
            "Lire aussi Inondations : ce que paieront les assureurs",
            "Leer también: las aseguradoras y la riada",
            "Lesen Sie auch: Was die Versicherer zahlen",
            "Download the Valley Post app for breaking news",
            "Suivez-nous sur les réseaux sociaux",
            "Abonnez-vous à notre newsletter",
            "Share on Facebook",
        ] {
            assert_eq!(
                classify(line),
                Kind::Boilerplate(Strength::Inline),
                "{line}"
            );
        }
        for line in [
            "Trends 24h",
            "Latest",
            "Lo más leído",
            "© Example Media 2024 - Privacy",
            "Datenschutz · Impressum",
            "All news articles on 2024-03-10",
            "The information on this site is from external sources that are not under our control.",
        ] {
            assert_eq!(
                classify(line),
                Kind::Boilerplate(Strength::Footer),
                "{line}"
            );
        }
    }

    #[test]
    fn news_sentences_with_frame_words_stay_prose() {
        for line in [
            "Share prices of Lisna Hydro fell by a third on Monday.",
            "Comments by the minister drew criticism from residents.",
            "The privacy regulator fined the operator on Monday.",
            "Archives show the spillway was last repaired in 1994.",
            "Sponsored by the region, the shelters will stay open until April.",
            "Subscribers to the flood-alert service received no warning.",
        ] {
            assert_eq!(classify(line), Kind::Prose, "{line}");
        }
        for line in [
            "We use cookies to improve your experience.",
            "Privacy policy",
            "Share",
            "12 comments",
            "Photo: Courier staff",
            "Subscribe to our newsletter",
        ] {
            assert!(matches!(classify(line), Kind::Boilerplate(_)), "{line}");
        }
    }

    #[test]
    fn kinds_of_lines() {
        assert_eq!(
            classify("Source: valleypost"),
            Kind::Credit("valleypost".into())
        );
        assert_eq!(classify("Fuente : EFE"), Kind::Credit("EFE".into()));
        assert_eq!(classify("Avec AFP"), Kind::Credit("AFP".into()));
        assert_eq!(
            classify(
                "Highlights: The dam gave way at dawn and the valley was flooded within the hour."
            ),
            Kind::Teaser(
                "The dam gave way at dawn and the valley was flooded within the hour.".into()
            )
        );
        assert_eq!(classify("L'essentiel"), Kind::Teaser(String::new()));
        assert_eq!(
            classify("Dam collapse: death toll rises to 41"),
            Kind::Heading
        );
        assert_eq!(
            classify(
                "Rescuers worked through the night in the flooded valley below the reservoir."
            ),
            Kind::Prose
        );
        assert_eq!(
            classify("Rescuers in boats reached the village at dawn. Orvalle"),
            Kind::Fragment
        );
        assert_eq!(
            classify("Dam survivors describe the night the water came. Over the..."),
            Kind::Truncated
        );
        assert_eq!(
            classify("Written By Hanna Roost"),
            Kind::Byline(vec!["Hanna Roost".into()])
        );
        for line in ["16 min read", "Temps de lecture : 3 min", "4 Min. Lesezeit"] {
            assert!(matches!(classify(line), Kind::Boilerplate(_)), "{line}");
        }
        assert_eq!(
            classify("By Jane Doe and John Roe"),
            Kind::Byline(vec!["Jane Doe".into(), "John Roe".into()])
        );
        assert_eq!(
            classify("Von Anna Keller | 12.03.2024, 10:05 Uhr"),
            Kind::Timestamp {
                date: "2024-03-12".into(),
                modified: false,
                authors: vec!["Anna Keller".into()]
            }
        );
        assert_eq!(
            classify("Updated: 2024-03-11T08:00:00Z"),
            Kind::Timestamp {
                date: "2024-03-11T08:00:00Z".into(),
                modified: true,
                authors: vec![]
            }
        );
        for (line, date) in [
            ("Published: mardi 12 mars 2024 à 10h05", "2024-03-12"),
            ("12 de marzo de 2024", "2024-03-12"),
            ("Опубликовано: 10 марта 2024", "2024-03-10"),
            ("2024年03月13日 09:00", "2024-03-13"),
            ("Sunday 10 March 2024, 09:15", "2024-03-10"),
        ] {
            assert_eq!(
                classify(line),
                Kind::Timestamp {
                    date: date.into(),
                    modified: false,
                    authors: vec![]
                },
                "{line}"
            );
        }
        assert_eq!(classify("It all began on 10 March 2024."), Kind::Prose);
        assert_eq!(
            classify("Orvalle, 10 March 2024: the night the water came"),
            Kind::Heading
        );
        assert_eq!(
            classify("100,000 fighters recruited from prison"),
            Kind::Heading
        );
    }

    #[test]
    fn site_names() {
        assert!(looks_like_site_name("The Valley Post"));
        assert!(looks_like_site_name("Le Courrier du Val"));
        assert!(!looks_like_site_name(
            "Dam collapse: death toll rises to 41"
        ));
        assert!(!looks_like_site_name("the valley post"));
    }
}
