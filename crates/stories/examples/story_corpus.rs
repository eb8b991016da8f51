//! A generated corpus of *stories* for scale tests (run by hand; see docs/BENCHMARKS.md).
//!
//! ```sh
//! cargo run --release -p storyline-stories --example story_corpus -- 1000000 > /tmp/1m.jsonl
//! storyline ingest --db /tmp/s1m /tmp/1m.jsonl
//! ```
//!
//! Prints N extracted articles (JSON Lines, docs/json.md) in publication order, grouped in
//! stories the way news is: each story is an event of one kind (a dam failure, a strike,
//! a trial, a wildfire …) with its own made-up people, organisation and place, a start date
//! between 2019 and 2026 and a life of days to months, covered by a heavy-tailed number of
//! articles (most stories have a few, some have hundreds) from 500 outlets, in English
//! mostly and in French, German and Spanish; its figures drift from article to article and
//! are claimed by its people; one article in six is a copy of an earlier one from another
//! outlet (a new headline, a trimmed ending). The same seed gives the same corpus.

use std::io::Write;

use storyline_core::Article;
use storyline_stories::views::thousands;

/// splitmix64: small, deterministic, good enough for a corpus.
#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const ONSETS: &[&str] = &[
    "b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st",
    "t", "tr", "v", "w", "z", "sh", "ch", "j",
];
const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "ie", "ae", "y",
];
const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "m", "nd", "rt", "st", "v", "k"];

/// A made-up proper name of 2–3 syllables, capitalised.
fn name(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(2);
    let mut s = String::new();
    for i in 0..syllables {
        s.push_str(rng.pick::<&str>(ONSETS));
        s.push_str(rng.pick::<&str>(VOWELS));
        if i + 1 == syllables || rng.below(3) == 0 {
            s.push_str(rng.pick::<&str>(CODAS));
        }
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// One kind of event: how each language names it, what its figure counts and the
/// figure's usual size.
struct Kind {
    en: &'static str,
    fr: &'static str,
    de: &'static str,
    es: &'static str,
    counts_en: &'static str,
    counts_fr: &'static str,
    counts_de: &'static str,
    counts_es: &'static str,
    scale: u64,
}

const KINDS: &[Kind] = &[
    Kind {
        en: "dam collapse",
        fr: "rupture du barrage",
        de: "Dammbruch",
        es: "colapso de la presa",
        counts_en: "people dead",
        counts_fr: "morts",
        counts_de: "Tote",
        counts_es: "muertos",
        scale: 60,
    },
    Kind {
        en: "dock strike",
        fr: "grève des dockers",
        de: "Hafenstreik",
        es: "huelga portuaria",
        counts_en: "workers on strike",
        counts_fr: "grévistes",
        counts_de: "Streikende",
        counts_es: "huelguistas",
        scale: 4000,
    },
    Kind {
        en: "wildfire",
        fr: "incendie de forêt",
        de: "Waldbrand",
        es: "incendio forestal",
        counts_en: "hectares burned",
        counts_fr: "hectares brûlés",
        counts_de: "Hektar verbrannt",
        counts_es: "hectáreas quemadas",
        scale: 9000,
    },
    Kind {
        en: "bribery trial",
        fr: "procès pour corruption",
        de: "Korruptionsprozess",
        es: "juicio por soborno",
        counts_en: "million euros in bribes",
        counts_fr: "millions d'euros de pots-de-vin",
        counts_de: "Millionen Euro Schmiergeld",
        counts_es: "millones de euros en sobornos",
        scale: 40,
    },
    Kind {
        en: "flood",
        fr: "inondation",
        de: "Hochwasser",
        es: "inundación",
        counts_en: "people evacuated",
        counts_fr: "personnes évacuées",
        counts_de: "Menschen evakuiert",
        counts_es: "personas evacuadas",
        scale: 12000,
    },
    Kind {
        en: "mine explosion",
        fr: "explosion dans la mine",
        de: "Grubenexplosion",
        es: "explosión en la mina",
        counts_en: "miners missing",
        counts_fr: "mineurs disparus",
        counts_de: "Bergleute vermisst",
        counts_es: "mineros desaparecidos",
        scale: 30,
    },
    Kind {
        en: "bank merger",
        fr: "fusion bancaire",
        de: "Bankenfusion",
        es: "fusión bancaria",
        counts_en: "jobs cut",
        counts_fr: "emplois supprimés",
        counts_de: "Stellen gestrichen",
        counts_es: "empleos recortados",
        scale: 3000,
    },
    Kind {
        en: "ferry sinking",
        fr: "naufrage du ferry",
        de: "Fährunglück",
        es: "naufragio del ferry",
        counts_en: "passengers rescued",
        counts_fr: "passagers secourus",
        counts_de: "Passagiere gerettet",
        counts_es: "pasajeros rescatados",
        scale: 400,
    },
    Kind {
        en: "election dispute",
        fr: "contestation électorale",
        de: "Wahlstreit",
        es: "disputa electoral",
        counts_en: "ballots contested",
        counts_fr: "bulletins contestés",
        counts_de: "Stimmzettel angefochten",
        counts_es: "papeletas impugnadas",
        scale: 80000,
    },
    Kind {
        en: "measles outbreak",
        fr: "épidémie de rougeole",
        de: "Masernausbruch",
        es: "brote de sarampión",
        counts_en: "cases confirmed",
        counts_fr: "cas confirmés",
        counts_de: "bestätigte Fälle",
        counts_es: "casos confirmados",
        scale: 900,
    },
    Kind {
        en: "prison recruitment",
        fr: "recrutement dans les prisons",
        de: "Rekrutierung in Gefängnissen",
        es: "reclutamiento en cárceles",
        counts_en: "prisoners recruited",
        counts_fr: "détenus recrutés",
        counts_de: "Häftlinge rekrutiert",
        counts_es: "presos reclutados",
        scale: 20000,
    },
    Kind {
        en: "data breach",
        fr: "fuite de données",
        de: "Datenleck",
        es: "filtración de datos",
        counts_en: "customer records exposed",
        counts_fr: "dossiers clients exposés",
        counts_de: "Kundendaten offengelegt",
        counts_es: "registros de clientes expuestos",
        scale: 2_000_000,
    },
];

const ROLES_EN: &[&str] = &[
    "the mayor",
    "the interior minister",
    "a police spokesman",
    "the company's chief executive",
    "the union leader",
    "a regional governor",
    "the chief prosecutor",
    "a rescue coordinator",
];
const HEDGES_EN: &[&str] = &["at least", "as many as", "about", "more than", "nearly", ""];
const DAYS_EN: &[&str] = &[
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
];

/// Sentences any story of any kind may carry (English): the filler of real reports.
const FILLER_EN: &[&str] = &[
    "Officials said the situation remained fluid and that more information would be released later in the day.",
    "Local residents described scenes of confusion as emergency services arrived.",
    "The government has faced growing criticism over its handling of similar cases in recent years.",
    "Analysts said the episode could have lasting consequences for the region's economy.",
    "Opposition politicians called for an independent inquiry.",
    "The authorities have not said when a full report will be published.",
    "Several international organisations offered assistance.",
    "Shares in companies linked to the affair fell sharply in early trading.",
    "Human rights groups urged the authorities to be transparent.",
    "It was not immediately clear how the figures had been compiled.",
    "Journalists were kept away from the site for most of the day.",
    "The case has drawn comparisons with an incident a decade ago.",
    "A parliamentary committee is expected to hear evidence next month.",
    "Insurers have begun to assess the cost of the damage.",
    "Volunteers set up temporary shelters in schools and sports halls.",
    "The news agency could not independently verify the claims.",
];
const FILLER_FR: &[&str] = &[
    "Les autorités ont indiqué que la situation restait incertaine.",
    "Des habitants ont décrit des scènes de confusion à l'arrivée des secours.",
    "L'opposition réclame une commission d'enquête indépendante.",
    "Aucun rapport complet n'a encore été publié.",
    "Plusieurs organisations internationales ont proposé leur aide.",
    "Il n'était pas possible de vérifier ces chiffres de source indépendante.",
];
const FILLER_DE: &[&str] = &[
    "Die Behörden erklärten, die Lage sei weiterhin unübersichtlich.",
    "Anwohner schilderten chaotische Szenen, als die Rettungskräfte eintrafen.",
    "Die Opposition fordert eine unabhängige Untersuchung.",
    "Ein vollständiger Bericht liegt noch nicht vor.",
    "Mehrere internationale Organisationen boten Hilfe an.",
    "Die Angaben ließen sich zunächst nicht unabhängig überprüfen.",
];
const FILLER_ES: &[&str] = &[
    "Las autoridades dijeron que la situación seguía siendo confusa.",
    "Los vecinos describieron escenas de caos a la llegada de los servicios de emergencia.",
    "La oposición pidió una investigación independiente.",
    "Todavía no se ha publicado un informe completo.",
    "Varias organizaciones internacionales ofrecieron ayuda.",
    "No fue posible verificar las cifras de forma independiente.",
];

/// One story: its event and cast.
struct Story {
    kind: usize,
    place: String,
    person: String,
    official: String,
    org: String,
    role: usize,
    start: i64,
    /// Seconds over which its articles spread.
    span: i64,
    figure: u64,
    lang: &'static str,
}

fn story(rng: &mut Rng) -> Story {
    let kind = rng.below(KINDS.len());
    let start = 1_546_300_800 + rng.below(7 * 365 * 86_400) as i64; // 2019 → 2026
    // Most stories last days; some weeks; a few months to years.
    let span = match rng.below(20) {
        0 => (60 + rng.below(600)) as i64 * 86_400,
        1..=4 => (7 + rng.below(50)) as i64 * 86_400,
        _ => (1 + rng.below(6)) as i64 * 86_400,
    };
    let lang = match rng.below(20) {
        0..=1 => "fr",
        2 => "de",
        3 => "es",
        _ => "en",
    };
    let scale = KINDS[kind].scale;
    Story {
        kind,
        place: name(rng),
        person: format!("{} {}", name(rng), name(rng)),
        official: format!("{} {}", name(rng), name(rng)),
        org: format!(
            "{} {}",
            name(rng),
            rng.pick(&["Group", "Holdings", "Energy", "Transport", "Bank", "Mining"])
        ),
        role: rng.below(ROLES_EN.len()),
        start,
        span,
        figure: scale / 2 + rng.below(scale as usize + 1) as u64,
        lang,
    }
}

fn surname(full: &str) -> &str {
    full.rsplit(' ').next().unwrap_or(full)
}

/// The `k`th article of story `s`, published at `when`.
fn article(s: &Story, k: usize, rng: &mut Rng) -> (String, String, Vec<String>) {
    let kind = &KINDS[s.kind];
    // The figure drifts as the story goes on.
    let figure = s.figure
        + (s.figure / 10).max(1) * k as u64 / 2
        + rng.below((s.figure / 20 + 1) as usize) as u64;
    let day = *rng.pick(DAYS_EN);
    match s.lang {
        "fr" => {
            let title = format!(
                "{} à {} : {} {} selon {}",
                capital(kind.fr),
                s.place,
                figure,
                kind.counts_fr,
                surname(&s.official)
            );
            let teaser = format!(
                "Le bilan de la {} de {} continue de s'alourdir.",
                kind.fr, s.place
            );
            let mut p = vec![
                format!(
                    "Au moins {} {}, a déclaré {} lors d'une conférence de presse à {}.",
                    figure, kind.counts_fr, s.official, s.place
                ),
                format!(
                    "« Nous faisons tout notre possible », a affirmé {}, qui dirige {}.",
                    s.person, s.org
                ),
                format!(
                    "Selon {}, l'enquête sur la {} durera plusieurs semaines.",
                    surname(&s.official),
                    kind.fr
                ),
            ];
            for _ in 0..3 + rng.below(4) {
                p.push(rng.pick(FILLER_FR).to_string());
            }
            (title, teaser, p)
        }
        "de" => {
            let title = format!("{} in {}: {} {}", kind.de, s.place, figure, kind.counts_de);
            let teaser = format!(
                "Nach dem {} in {} steigt die Zahl weiter.",
                kind.de, s.place
            );
            let mut p = vec![
                format!(
                    "Nach Angaben von {} sind es inzwischen {} {}.",
                    s.official, figure, kind.counts_de
                ),
                format!(
                    "„Wir tun alles, was wir können“, sagte {}, Chef von {}.",
                    s.person, s.org
                ),
                format!("Die Ermittlungen zum {} in {} dauern an.", kind.de, s.place),
            ];
            for _ in 0..3 + rng.below(4) {
                p.push(rng.pick(FILLER_DE).to_string());
            }
            (title, teaser, p)
        }
        "es" => {
            let title = format!(
                "{} en {}: {} {}",
                capital(kind.es),
                s.place,
                figure,
                kind.counts_es
            );
            let teaser = format!(
                "Las cifras del {} en {} siguen aumentando.",
                kind.es, s.place
            );
            let mut p = vec![
                format!(
                    "Al menos {} {}, dijo {} en una rueda de prensa en {}.",
                    figure, kind.counts_es, s.official, s.place
                ),
                format!(
                    "«Estamos haciendo todo lo posible», afirmó {}, director de {}.",
                    s.person, s.org
                ),
                format!(
                    "Según {}, la investigación sobre el {} durará semanas.",
                    surname(&s.official),
                    kind.es
                ),
            ];
            for _ in 0..3 + rng.below(4) {
                p.push(rng.pick(FILLER_ES).to_string());
            }
            (title, teaser, p)
        }
        _ => {
            let hedge = *rng.pick(HEDGES_EN);
            let hedge = if hedge.is_empty() {
                String::new()
            } else {
                format!("{hedge} ")
            };
            let title = match rng.below(4) {
                0 => format!(
                    "{} {}: {}{} {}",
                    s.place,
                    kind.en,
                    hedge,
                    thousands(figure),
                    kind.counts_en
                ),
                1 => format!(
                    "{} says {} {} toll has reached {}",
                    surname(&s.official),
                    s.place,
                    kind.en,
                    thousands(figure)
                ),
                2 => format!("{} under pressure after {} {}", s.org, s.place, kind.en),
                _ => format!("What we know about the {} in {}", kind.en, s.place),
            };
            let teaser = format!(
                "{} figures in the {} {} keep changing, and {} is under scrutiny.",
                capital(kind.counts_en),
                s.place,
                kind.en,
                s.org
            );
            let mut p = vec![
                format!(
                    "{}{} {} were counted by {} after the {} in {}, said {}, {}.",
                    capital(&hedge),
                    thousands(figure),
                    kind.counts_en,
                    day.trim_start_matches("on "),
                    kind.en,
                    s.place,
                    s.official,
                    ROLES_EN[s.role]
                ),
                format!(
                    "\"We are doing everything we can,\" said {}, who runs {}.",
                    s.person, s.org
                ),
                format!(
                    "{} told reporters that the {} in {} would be investigated in full.",
                    surname(&s.official),
                    kind.en,
                    s.place
                ),
            ];
            if k > 0 {
                p.push(format!(
                    "{} had earlier put the figure at {}, a number {} disputed.",
                    surname(&s.official),
                    thousands(s.figure),
                    surname(&s.person)
                ));
            }
            for _ in 0..4 + rng.below(6) {
                p.push(rng.pick(FILLER_EN).to_string());
            }
            // The story's own sentences first, the filler shuffled after them.
            let tail = p.split_off(3);
            let mut tail = tail;
            for i in (1..tail.len()).rev() {
                tail.swap(i, rng.below(i + 1));
            }
            p.extend(tail);
            (title, teaser, p)
        }
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn outlet_name(i: usize) -> String {
    let mut rng = Rng(i as u64 * 7919 + 3);
    match i % 4 {
        0 => format!("The {} Times", name(&mut rng)),
        1 => format!("{} Herald", name(&mut rng)),
        2 => format!("Radio {}", name(&mut rng)),
        _ => format!("{} Daily News", name(&mut rng)),
    }
}

fn rfc3339(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.replace('_', ""))
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let mut rng = Rng(0x5707_11e5);
    // Stories with heavy-tailed sizes until there are n articles: (time, story, k).
    let mut stories: Vec<Story> = Vec::new();
    let mut plan: Vec<(i64, u32, u32)> = Vec::with_capacity(n);
    while plan.len() < n {
        let s = story(&mut rng);
        // Pareto-like: mostly 1–6 articles, a tail up to ~1,000.
        let size = ((1.0 / (1.0 - rng.unit() * 0.999)).powf(1.1) * 1.5) as usize;
        let size = size.clamp(1, 1000).min(n - plan.len());
        let id = stories.len() as u32;
        for k in 0..size {
            let at = s.start + (rng.unit() * rng.unit() * s.span as f64) as i64;
            plan.push((at, id, k as u32));
        }
        stories.push(s);
    }
    plan.sort_unstable();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // The last articles of each story, for copies.
    let mut previous: Vec<Option<Article>> = (0..stories.len()).map(|_| None).collect();
    let mut order = vec![0usize; stories.len()];
    for (i, (at, sid, _)) in plan.iter().enumerate() {
        let s = &stories[*sid as usize];
        let k = order[*sid as usize];
        order[*sid as usize] += 1;
        let outlet = rng.below(500);
        let mut a = match (&previous[*sid as usize], rng.below(6)) {
            (Some(prev), 0) => {
                // A copy: another outlet's headline, the same text with its ending trimmed.
                let mut c = prev.clone();
                let mut paragraphs = c.paragraphs.clone();
                if paragraphs.len() > 4 {
                    paragraphs.truncate(paragraphs.len() - 1);
                }
                c.set_paragraphs(paragraphs);
                c.title = c.title.map(|t| format!("{t} (report)"));
                c.original_outlet = prev.outlet.clone();
                c
            }
            _ => {
                let (title, teaser, paragraphs) = article(s, k, &mut rng);
                let mut a = Article {
                    title: Some(title),
                    teaser: Some(teaser),
                    language: Some(s.lang.to_string()),
                    ..Article::default()
                };
                a.set_paragraphs(paragraphs);
                a
            }
        };
        a.url = Some(format!(
            "https://outlet{outlet}.example/{}/{}-{i}",
            rfc3339(*at).get(..10).unwrap_or("").replace('-', "/"),
            KINDS[s.kind].en.replace(' ', "-")
        ));
        a.outlet = Some(outlet_name(outlet));
        a.published = Some(rfc3339(*at));
        previous[*sid as usize] = Some(a.clone());
        match serde_json::to_string(&a) {
            Ok(line) => {
                if writeln!(out, "{line}").is_err() {
                    return;
                }
            }
            Err(e) => {
                eprintln!("story_corpus: {e}");
                std::process::exit(2);
            }
        }
    }
    let _ = out.flush();
    eprintln!(
        "story_corpus: {} articles in {} stories",
        plan.len(),
        stories.len()
    );
}
