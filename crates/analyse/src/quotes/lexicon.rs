//! Word lists: the verbs and phrases that attribute speech, and the small words the
//! attribution rules step over. Lowercase.

use std::collections::HashSet;
use std::sync::LazyLock;

fn set(words: &[&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

/// Speech and thought verbs (every form that heads an attribution).
static EN_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "called",
        "calls",
        "calling",
        "urges",
        "cited",
        "cites",
        "want",
        "demands",
        "endorses",
        "blasted",
        "blasts",
        "slammed",
        "slams",
        "proposes",
        "signaled",
        "hinted",
        "hoped",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "telling",
        "added",
        "adds",
        "adding",
        "stated",
        "states",
        "claimed",
        "claims",
        "claiming",
        "denied",
        "denies",
        "insisted",
        "insists",
        "insisting",
        "warned",
        "warns",
        "warning",
        "argued",
        "argues",
        "arguing",
        "believes",
        "believe",
        "believed",
        "announced",
        "announces",
        "confirmed",
        "confirms",
        "estimated",
        "estimates",
        "reported",
        "reports",
        "noted",
        "notes",
        "noting",
        "explained",
        "explains",
        "explaining",
        "wrote",
        "writes",
        "tweeted",
        "tweets",
        "acknowledged",
        "acknowledges",
        "admitted",
        "admits",
        "suggested",
        "suggests",
        "suggesting",
        "declared",
        "declares",
        "asserted",
        "asserts",
        "contended",
        "contends",
        "maintained",
        "maintains",
        "predicted",
        "predicts",
        "promised",
        "promises",
        "vowed",
        "vows",
        "pledged",
        "pledges",
        "concluded",
        "concludes",
        "recalled",
        "recalls",
        "replied",
        "replies",
        "responded",
        "responds",
        "stressed",
        "stresses",
        "emphasized",
        "emphasised",
        "emphasizes",
        "revealed",
        "reveals",
        "conceded",
        "concedes",
        "alleged",
        "alleges",
        "testified",
        "indicated",
        "indicates",
        "complained",
        "complains",
        "observed",
        "remarked",
        "speculated",
        "thinks",
        "hopes",
        "fears",
        "feared",
        "countered",
        "continued",
        "agreed",
        "agrees",
        "disclosed",
        "assured",
        "reiterated",
        "cautioned",
        "worried",
        "boasted",
        "joked",
        "quipped",
        "recounted",
        "conceded",
        "predicted",
        "acknowledging",
        "asked",
        "asks",
        "pointed",
        "points",
        "shows",
        "showed",
        "found",
        "finds",
        "showing",
        "estimating",
        "argue",
        "claim",
        "warn",
        "insist",
        "think",
        "contend",
        "predict",
        "fear",
        "hope",
        "tell",
        "explain",
        "announce",
        "confirm",
        "deny",
        "note",
        "report",
        "write",
        "agree",
        "suggest",
        "stating",
        "announcing",
        "confirming",
        "denying",
        "recalling",
        "explain",
        "writing",
        "spoke",
        "speaks",
        "speaking",
        "indicate",
        "indicated",
        "exclaimed",
        "responded",
        "opined",
        "proclaimed",
        "remarked",
        "urged",
        "remarking",
        "predicting",
        "insisting",
        "declaring",
        "added:",
        "wondered",
        "mused",
        "shouted",
        "yelled",
        "screamed",
        "chanted",
        "posted",
        "retorted",
        "interjected",
        "acknowledged",
        "summed",
        "acknowledge",
        "admit",
        "declaring",
        "urging",
        "believing",
        "thinking",
        // attitudes and stances, which PolNeAR attributes too ("Smith wants …")
        "wants",
        "wanted",
        "thought",
        "criticized",
        "criticised",
        "criticizes",
        "accused",
        "accuses",
        "praised",
        "endorsed",
        "rejected",
        "opposed",
        "defended",
        "dismissed",
        "denounced",
        "questioned",
        "expects",
        "expected",
        "doubts",
        "doubted",
        "described",
        "proposed",
        "recommended",
        "demanded",
        "acknowledges",
        "supports",
        "supported",
        "backed",
        "backs",
        "seeks",
        "sought",
        "favors",
        "favored",
        "blamed",
        "blames",
        "condemned",
        "attacked",
        "welcomed",
        "challenged",
        "telling",
    ])
});

/// Verbs that take an addressee before their content ("told reporters that …").
static TELL: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "told",
        "tells",
        "telling",
        "tell",
        "assured",
        "warned",
        "reminded",
        "informed",
        "sagte",
        "erklärte",
        "explained",
        "promised",
    ])
});

/// Verbs that take a direct quote but rarely a reported clause.
static EN_QUOTE_ONLY: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "wondered",
        "mused",
        "shouted",
        "yelled",
        "screamed",
        "chanted",
        "posted",
        "retorted",
        "interjected",
        "opined",
        "proclaimed",
        "asked",
        "asks",
        "continued",
        "replied",
        "countered",
        "joked",
        "quipped",
        "spoke",
    ])
});

static FR_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "déclaré",
        "dit",
        "affirmé",
        "ajouté",
        "expliqué",
        "estimé",
        "indiqué",
        "assuré",
        "souligné",
        "précisé",
        "annoncé",
        "confirmé",
        "démenti",
        "insisté",
        "averti",
        "prévenu",
        "reconnu",
        "répondu",
        "rappelé",
        "jugé",
        "martelé",
        "dénoncé",
        "regretté",
        "considéré",
        "lancé",
        "écrit",
        "raconté",
        "témoigné",
        "confié",
        "soutenu",
        "affirme",
        "déclare",
        "dit",
        "ajoute",
        "explique",
        "estime",
        "indique",
        "assure",
        "souligne",
        "précise",
        "annonce",
        "confirme",
        "dément",
        "insiste",
        "avertit",
        "reconnaît",
        "répond",
        "rappelle",
        "juge",
        "martèle",
        "dénonce",
        "regrette",
        "considère",
        "écrit",
        "raconte",
        "témoigne",
        "confie",
        "soutient",
        "déclarait",
        "affirmait",
        "disait",
        "expliquait",
        "estimait",
        "assurait",
        "a-t-il",
        "affirmant",
        "expliquant",
        "estimant",
        "assurant",
        "soulignant",
        "précisant",
        "ajoutant",
        "déclarant",
        "signalé",
        "signale",
        "prévient",
        "pense",
        "croit",
        "craint",
        "espère",
    ])
});

static DE_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "sagte",
        "sagt",
        "sagten",
        "sagen",
        "gesagt",
        "erklärte",
        "erklärt",
        "erklärten",
        "betonte",
        "betont",
        "meinte",
        "meint",
        "berichtete",
        "berichtet",
        "berichteten",
        "schrieb",
        "schreibt",
        "bestätigte",
        "bestätigt",
        "behauptete",
        "behauptet",
        "kritisierte",
        "kritisiert",
        "warnte",
        "warnt",
        "forderte",
        "fordert",
        "versicherte",
        "versichert",
        "entgegnete",
        "räumte",
        "glaubt",
        "glaubte",
        "hofft",
        "hoffte",
        "befürchtet",
        "befürchtete",
        "fürchtet",
        "fürchtete",
        "vermutet",
        "vermutete",
        "verkündete",
        "verkündet",
        "erläuterte",
        "erläutert",
        "ergänzte",
        "ergänzt",
        "fügte",
        "unterstrich",
        "bekräftigte",
        "bekräftigt",
        "mitteilte",
        "bekannt",
        "teilte",
        "teilt",
        "gab",
        "kündigte",
        "sprach",
        "äußerte",
        "schätzte",
        "schätzt",
        "dementierte",
        "bestritt",
        "bestreitet",
        "berichten",
        "meldete",
        "meldet",
        "zitiert",
        "hieß",
        "heißt",
        "wies",
        "stellte",
        "beklagte",
        "beklagt",
        "verwies",
        "argumentierte",
        "argumentiert",
        "vermeldete",
        "mahnte",
        "erinnerte",
        "nannte",
        "bezeichnete",
        "sieht",
        "sah",
        "geht",
        "ging",
        "antwortete",
        "rief",
        "fragte",
        "gefragt",
        "fügte",
        "kommentierte",
        "kommentiert",
        "resümierte",
        "sagt",
        "erwiderte",
        "urteilte",
        "schilderte",
        "erzählte",
        "berichtete",
        "beteuerte",
        "unterstrich",
        "mahnte",
        "appellierte",
        "bemerkte",
        "folgerte",
        "prophezeite",
        "twitterte",
        "schreiben",
        "meinen",
        "glauben",
        "befürchten",
        "warnen",
        "fordern",
        "erklären",
        "behaupten",
        "berichtet",
        "gestand",
        "räumt",
        "erklärt",
        "verlautete",
        "stellten",
        "kündigten",
        "räumten",
        "fügten",
        "wiesen",
        "hob",
        "hebt",
        "hoben",
        "führte",
        "führt",
        "führten",
        "legte",
        "legt",
        "legten",
        "deutete",
        "deutet",
        "deuteten",
        "hielt",
        "hält",
        "hielten",
        "machte",
        "macht",
        "machten",
        "prangerte",
        "prangerten",
        "gaben",
        "gibt",
        "teilten",
        "wirft",
        "warf",
        "warfen",
        "werfen",
        "schlug",
        "schlägt",
        "schlugen",
        "sicherte",
        "sichert",
        "sicherten",
        "zeigte",
        "zeigt",
        "zeigten",
        "hatte",
        "hat",
        "hatten",
        "haben",
        "hätte",
        "bestätigten",
        "erklärten",
        "erklärt",
    ])
});

/// German prepositions that open a phrase after a speaker ("so Littmann zu den
/// Beweggründen", "so der Minister im Interview").
pub fn de_trailing_prep(w: &str) -> bool {
    matches!(
        w,
        "zu" | "im"
            | "in"
            | "gegenüber"
            | "auf"
            | "bei"
            | "beim"
            | "am"
            | "laut"
            | "nach"
            | "über"
            | "vor"
            | "mit"
            | "vom"
            | "von"
            | "zum"
            | "zur"
            | "unter"
    )
}

/// Participles of German attributing verbs, after "hat"/"hatte" ("hatte … erklärt").
const DE_PARTICIPLES: &[&str] = &[
    "gesagt",
    "erklärt",
    "betont",
    "berichtet",
    "mitgeteilt",
    "angekündigt",
    "bestätigt",
    "gewarnt",
    "gefordert",
    "kritisiert",
    "behauptet",
    "bekräftigt",
    "versichert",
    "gemeldet",
    "geschrieben",
    "bekanntgegeben",
    "angegeben",
    "eingeräumt",
    "zugegeben",
    "dementiert",
    "bestritten",
    "verkündet",
    "entschieden",
    "beschlossen",
    "geäußert",
    "hervorgehoben",
    "unterstrichen",
    "vorgeworfen",
    "zurückgewiesen",
    "erläutert",
    "ergänzt",
    "argumentiert",
    "geklagt",
    "beklagt",
    "gedroht",
    "vorgeschlagen",
    "verlangt",
    "zugesagt",
    "versprochen",
];

/// A German attributing participle ("erklärt", "mitgeteilt").
pub fn de_participle(w: &str) -> bool {
    DE_PARTICIPLES.contains(&w)
}

/// A separable German attributing verb written as one word at the end of a subordinate
/// clause ("mitteilte", "bekanntgab", "ankündigte").
pub fn de_joined_separable(w: &str) -> bool {
    [
        "mit", "bekannt", "an", "ein", "hinzu", "hin", "hervor", "aus", "dar", "fest", "klar",
        "zu", "vor",
    ]
    .iter()
    .any(|p| {
        w.strip_prefix(p)
            .is_some_and(|rest| de_needs_particle(rest).is_some_and(|ps| ps.contains(p)))
    })
}

/// German verbs that attribute only with a particle later in the clause.
pub fn de_needs_particle(w: &str) -> Option<&'static [&'static str]> {
    match w {
        "teilte" | "teilt" | "teilten" => Some(&["mit"]),
        // separable cues in the plural and multi-word cues ("stellten … klar", "hob … hervor")
        "stellten" => Some(&["fest", "klar"]),
        "kündigten" => Some(&["an"]),
        "räumten" => Some(&["ein"]),
        "fügten" => Some(&["hinzu"]),
        "wiesen" => Some(&["hin"]),
        "hob" | "hebt" | "hoben" => Some(&["hervor"]),
        "führte" | "führt" | "führten" => Some(&["aus"]),
        "legte" | "legt" | "legten" => Some(&["dar"]),
        "deutete" | "deutet" | "deuteten" => Some(&["an"]),
        "hielt" | "hält" | "hielten" => Some(&["fest"]),
        "machte" | "macht" | "machten" => Some(&["deutlich", "klar"]),
        "prangerte" | "prangerten" => Some(&["an"]),
        "gab" | "gibt" | "gaben" => Some(&["bekannt", "an", "zu"]),
        "kündigte" | "kündigt" => Some(&["an"]),
        "räumte" | "räumt" => Some(&["ein"]),
        "fügte" | "fügt" => Some(&["hinzu"]),
        "wies" | "weist" => Some(&["hin", "zurück"]),
        "wirft" | "warf" | "warfen" | "werfen" => Some(&["vor"]),
        "schlug" | "schlägt" | "schlugen" => Some(&["vor"]),
        "sicherte" | "sichert" | "sicherten" => Some(&["zu"]),
        "zeigte" | "zeigt" | "zeigten" => Some(&["sich"]),
        "stellte" | "stellt" => Some(&["fest", "klar"]),
        "sprach" | "spricht" => Some(&["von"]),
        "geht" | "ging" => Some(&["aus", "hervor"]),
        "sieht" | "sah" => Some(&["darin"]),
        // the perfect and pluperfect: the participle later in the clause is the cue
        "hat" | "hatte" | "hatten" | "haben" | "hätte" => Some(DE_PARTICIPLES),
        "heißt" | "hieß" => Some(&["es"]),
        "äußerte" => Some(&["sich"]),
        _ => None,
    }
}

static ES_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "dijo",
        "afirmó",
        "declaró",
        "aseguró",
        "explicó",
        "señaló",
        "indicó",
        "añadió",
        "agregó",
        "manifestó",
        "sostuvo",
        "advirtió",
        "anunció",
        "confirmó",
        "negó",
        "dice",
        "afirma",
        "asegura",
        "explica",
        "señala",
        "indica",
        "añade",
        "considera",
        "consideró",
        "estimó",
        "reconoció",
        "subrayó",
        "destacó",
        "detalló",
        "insistió",
        "informó",
        // plural subjects ("dijeron los vecinos", "según informaron las autoridades")
        "dijeron",
        "afirmaron",
        "declararon",
        "aseguraron",
        "explicaron",
        "señalaron",
        "indicaron",
        "informaron",
        "anunciaron",
        "confirmaron",
        "negaron",
    ])
});

static IT_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "detto",
        "dichiarato",
        "affermato",
        "spiegato",
        "aggiunto",
        "sottolineato",
        "annunciato",
        "confermato",
        "negato",
        "precisato",
        "ribadito",
        "avvertito",
        "dice",
        "afferma",
        "spiega",
        "aggiunge",
        "sottolinea",
        "dichiara",
        "ha",
        "disse",
        "affermò",
        "dichiarò",
        "spiegò",
        "aggiunse",
        "scritto",
        "riferito",
        "assicurato",
    ])
});

static RU_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "сказал",
        "сказала",
        "сказали",
        "заявил",
        "заявила",
        "заявили",
        "сообщил",
        "сообщила",
        "сообщили",
        "отметил",
        "отметила",
        "отметили",
        "подчеркнул",
        "подчеркнула",
        "добавил",
        "добавила",
        "пояснил",
        "пояснила",
        "рассказал",
        "рассказала",
        "рассказали",
        "считает",
        "говорит",
        "утверждает",
        "утверждал",
        "признал",
        "признала",
        "написал",
        "написала",
        "подтвердил",
        "подтвердила",
        "предупредил",
        "опроверг",
        "объяснил",
        "уточнил",
    ])
});

static PT_VERBS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "disse",
        "afirmou",
        "declarou",
        "explicou",
        "acrescentou",
        "sublinhou",
        "garantiu",
        "adiantou",
        "referiu",
        "salientou",
        "alertou",
        "admitiu",
        "defendeu",
        "considerou",
        "assegurou",
        "anunciou",
        "confirmou",
        "negou",
        "indicou",
        "lembrou",
        "frisou",
        "reconheceu",
        "contou",
        "avisou",
        "revelou",
        "observou",
        "destacou",
        "insistiu",
        "respondeu",
        "reagiu",
        "afirmaram",
        "disseram",
        "declararam",
        "diz",
        "dizem",
        "afirma",
        "explica",
        "garante",
        "considera",
        "defende",
        "sublinha",
        "acrescenta",
        "declara",
    ])
});

/// German weak attributing verbs by stem: the finite forms are generated ("schätz" →
/// schätzt, schätzte, schätzten, schätzen). A stem ending in t, d or a consonant and n
/// takes an e before the endings ("bericht" → berichtet, berichtete). Participles are
/// no cues of their own (a passive "wurde gemeldet" reports nothing); the perfect's
/// are in [`DE_PARTICIPLES`].
const DE_WEAK_STEMS: &[&str] = &[
    "sag",
    "erklär",
    "beton",
    "mein",
    "bericht",
    "behaupt",
    "kritisier",
    "warn",
    "forder",
    "versicher",
    "glaub",
    "hoff",
    "befürcht",
    "fürcht",
    "vermut",
    "verkünd",
    "erläuter",
    "ergänz",
    "bekräftig",
    "schätz",
    "dementier",
    "meld",
    "beklag",
    "argumentier",
    "mahn",
    "erinner",
    "bezeichn",
    "antwort",
    "frag",
    "kommentier",
    "resümier",
    "erwider",
    "urteil",
    "schilder",
    "erzähl",
    "beteuer",
    "appellier",
    "bemerk",
    "folger",
    "prophezei",
    "twitter",
    "bestätig",
    "verlang",
    "spekulier",
    "charakterisier",
    "verteidig",
    "klag",
    "zitier",
    "plädier",
    "signalisier",
    "unterstell",
    "bezweifel",
    "präzisier",
    "protestier",
    "bilanzier",
    "konstatier",
    "lob",
    "bedauer",
    "monier",
    "bemängel",
    "rechtfertig",
    "mutmaß",
    "vermeld",
    "verlaut",
    "postulier",
    "schlussfolger",
    "berichtig",
    "beschuldig",
    "prognostizier",
];

/// Forms of strong and mixed German attributing verbs.
const DE_STRONG_FORMS: &[&str] = &[
    "schreibt",
    "schrieb",
    "schrieben",
    "geschrieben",
    "beschreibt",
    "beschrieb",
    "beschrieben",
    "nannte",
    "nannten",
    "bestreitet",
    "bestritt",
    "bestritten",
    "verwies",
    "verweist",
    "rief",
    "riet",
    "rät",
    "empfahl",
    "empfiehlt",
    "unterstrich",
    "unterstreicht",
    "widersprach",
    "widerspricht",
    "gestand",
    "gesteht",
    "beschloss",
    "beschlossen",
    "entschied",
    "entschieden",
];

fn de_weak_forms() -> Vec<String> {
    let mut out = Vec::new();
    for stem in DE_WEAK_STEMS {
        let e = stem.ends_with('t')
            || stem.ends_with('d')
            || stem.ends_with("chn")
            || stem.ends_with("ffn");
        let link = if e { "e" } else { "" };
        // "-eln"/"-ern" stems take -n, not -en, in the plural ("bezweifeln", "äußern")
        let plural = if stem.ends_with("el") || stem.ends_with("er") {
            "n"
        } else {
            "en"
        };
        out.push(format!("{stem}{link}t"));
        out.push(format!("{stem}{link}te"));
        out.push(format!("{stem}{link}ten"));
        out.push(format!("{stem}{plural}"));
    }
    out
}

static DE_GENERATED: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set: HashSet<String> = de_weak_forms().into_iter().collect();
    set.extend(DE_STRONG_FORMS.iter().map(|w| w.to_string()));
    set
});

/// True when `w` (lowercase) is a speech verb in `lang` (English is always tried too).
pub fn is_verb(lang: &str, w: &str) -> bool {
    let own = match lang {
        "fr" => FR_VERBS.contains(w),
        "de" => DE_VERBS.contains(w) || DE_GENERATED.contains(w),
        "es" => ES_VERBS.contains(w),
        "it" => IT_VERBS.contains(w) && w != "ha",
        "ru" => RU_VERBS.contains(w),
        "pt" => PT_VERBS.contains(w),
        _ => false,
    };
    own || (matches!(lang, "en" | "" | "und")
        || !matches!(lang, "fr" | "de" | "es" | "it" | "ru" | "pt"))
        && EN_VERBS.contains(w)
}

/// Verb forms that are also plural nouns ("estimates", "reports").
pub fn noun_like(w: &str) -> bool {
    matches!(
        w,
        "estimates"
            | "reports"
            | "claims"
            | "notes"
            | "states"
            | "fears"
            | "hopes"
            | "shows"
            | "finds"
            | "promises"
            | "believes"
            | "points"
            | "tweets"
            | "writes"
            | "predicts"
            | "suggests"
            | "indicates"
            | "says"
            | "tells"
            | "vows"
            | "pledges"
            | "estimate"
            | "report"
            | "claim"
            | "note"
            | "fear"
            | "hope"
            | "promise"
            | "tweet"
            | "found"
            | "agrees"
            | "denies"
    )
}

/// Forms of [`noun_like`] that are almost always verbs in news ("Trump says voter fraud
/// …"): only a determiner before them makes them nouns.
pub fn mostly_verb(w: &str) -> bool {
    matches!(
        w,
        "says"
            | "tells"
            | "believes"
            | "writes"
            | "predicts"
            | "suggests"
            | "indicates"
            | "vows"
            | "pledges"
            | "agrees"
            | "denies"
            | "finds"
    )
}

pub fn takes_addressee(w: &str) -> bool {
    TELL.contains(w)
}

pub fn quote_only(w: &str) -> bool {
    EN_QUOTE_ONLY.contains(w)
}

/// Auxiliaries and adverbs between a subject and its verb ("has also said").
static AUX: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "hingegen",
        "dennoch",
        "gestern",
        "heute",
        "allerdings",
        "nun",
        "damals",
        "indes",
        "really",
        "first",
        "also",
        "don't",
        "don’t",
        "didn't",
        "didn’t",
        "doesn't",
        "doesn’t",
        "won't",
        "won’t",
        "wouldn't",
        "wouldn’t",
        "can't",
        "can’t",
        "isn't",
        "isn’t",
        "wasn't",
        "wasn’t",
        "haven't",
        "haven’t",
        "hasn't",
        "hasn’t",
        "simply",
        "clearly",
        "strongly",
        "specifically",
        "immediately",
        "subsequently",
        "initially",
        "originally",
        "privately",
        "openly",
        "bluntly",
        "angrily",
        "candidly",
        "has",
        "was",
        "is",
        "were",
        "been",
        "being",
        "have",
        "had",
        "also",
        "later",
        "previously",
        "would",
        "will",
        "did",
        "does",
        "do",
        "then",
        "again",
        "recently",
        "repeatedly",
        "further",
        "only",
        "once",
        "often",
        "has",
        "always",
        "never",
        "just",
        "already",
        "reportedly",
        "publicly",
        "privately",
        "repeatedly",
        "earlier",
        "now",
        "still",
        "even",
        "flatly",
        "firmly",
        "quickly",
        "could",
        "might",
        "may",
        "should",
        "can",
        "must",
        "not",
        "frequently",
        "explicitly",
        "a",
        "ont",
        "avait",
        "avaient",
        "aurait",
        "auraient",
        "hat",
        "hatte",
        "haben",
        "hatten",
        "habe",
        "ha",
        "hanno",
        "aveva",
        "ha",
        "había",
        "han",
        "ya",
        "auch",
        "bereits",
        "zudem",
        "außerdem",
        "ebenfalls",
        "noch",
        "a",
        "aussi",
        "déjà",
        "encore",
        "également",
        "ensuite",
        "alors",
        "notamment",
        "même",
        "pourtant",
        "toutefois",
        "cependant",
        "enfin",
        "effectivement",
    ])
});

pub fn is_aux(w: &str) -> bool {
    AUX.contains(w)
}

/// Words that end a subject phrase when reading backwards from the verb.
static NP_STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "that", "which", "who", "whom", "when", "while", "because", "if", "as", "but", "and", "or",
        "is", "was", "are", "were", "be", "been", "being", "said", "says", "told", "where",
        "whether", "since", "after", "before", "although", "though", "than", "so", "what", "how",
        "why", "to", "into", "from", "with", "without", "by", "for", "about", "against", "during",
        "at", "on", "in", "dass", "daß", "und", "oder", "aber", "weil", "wenn", "als", "ob", "die",
        "der", "das", "que", "qu", "qui", "et", "ou", "mais", "parce", "quand", "lorsque", "si",
        "dont", "où", "y", "e", "o", "pero", "che", "ma", "что", "и", "а", "но", "wie", "sei",
        "ist", "war", "sind", "waren", "est", "était", "sont", "es", "son", "è", "sono", "until",
        "unless", "once", "also", "then", "whose", "ces", "cette",
    ])
});

/// Stop words, except determiners the backward walk must keep ("der Sprecher sagte").
pub fn np_stop(w: &str, lang: &str) -> bool {
    if lang == "de" && matches!(w, "die" | "der" | "das") {
        return false;
    }
    if lang == "es" && w == "es" {
        return true;
    }
    if lang == "de" && w == "es" {
        return false;
    }
    NP_STOP.contains(w)
}

/// Leading words trimmed off a subject ("But officials said" → "officials").
static LEAD_TRIM: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "but",
        "and",
        "so",
        "yet",
        "meanwhile",
        "however",
        "now",
        "also",
        "still",
        "then",
        "indeed",
        "instead",
        "earlier",
        "later",
        "separately",
        "previously",
        "moreover",
        "furthermore",
        "still",
        "and",
        "aber",
        "doch",
        "und",
        "auch",
        "jedoch",
        "zudem",
        "mais",
        "et",
        "puis",
        "donc",
        "or",
        "ensuite",
        "pero",
        "y",
        "ma",
        "e",
        "но",
        "и",
        "а",
        "thus",
        "hence",
        "today",
        "yesterday",
        "tonight",
        "finally",
        "last",
        "already",
        "weiter",
        "ferner",
        "zuvor",
        "später",
        "bisher",
        "inzwischen",
        "dann",
        "da",
    ])
});

pub fn lead_trim(w: &str) -> bool {
    LEAD_TRIM.contains(w)
}

/// Words that make a subject impersonal: no speaker ("it was reported").
pub fn impersonal(w: &str) -> bool {
    matches!(
        w,
        "it" | "this"
            | "that"
            | "there"
            | "which"
            | "what"
            | "es"
            | "il"
            | "on"
            | "ce"
            | "cela"
            | "ça"
            | "das"
            | "dies"
            | "man"
            | "si"
            | "se"
    )
}

/// Titles written with a full stop before a name ("Sen. Bernie Sanders").
pub fn title_abbrev(w: &str) -> bool {
    matches!(
        w,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "st"
            | "jr"
            | "sr"
            | "prof"
            | "pres"
            | "sgt"
            | "capt"
            | "maj"
            | "adm"
            | "rev"
            | "hon"
            | "lt.gov"
            | "atty"
            | "supt"
            | "det"
            | "insp"
            | "amb"
            | "sec"
            | "mme"
            | "m"
    )
}

/// Pronoun subjects.
pub fn pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "er"
            | "sie"
            | "wir"
            | "ich"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "nous"
            | "je"
            | "él"
            | "ella"
            | "ellos"
            | "lui"
            | "lei"
            | "loro"
            | "он"
            | "она"
            | "они"
    )
}

/// English nouns (and "familiar", "close") that a source phrase goes on from with a
/// preposition: "a spokesman for the buyer", "a person familiar with the planning",
/// "sources close to her campaign", "advocates for stem cell research".
pub fn en_source_head(w: &str) -> bool {
    matches!(
        w,
        "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "spokespeople"
            | "person"
            | "people"
            | "source"
            | "sources"
            | "official"
            | "officials"
            | "aide"
            | "aides"
            | "adviser"
            | "advisers"
            | "advisor"
            | "advisors"
            | "advocate"
            | "advocates"
            | "member"
            | "members"
            | "lawyer"
            | "lawyers"
            | "attorney"
            | "attorneys"
            | "representative"
            | "representatives"
            | "supporters"
            | "critics"
            | "familiar"
            | "close"
            | "researchers"
            | "experts"
            | "analysts"
            | "economists"
            | "executives"
            | "leaders"
            | "residents"
            | "voters"
            | "majority"
            | "half"
            | "third"
            | "quarter"
            | "most"
            | "majorities"
    )
}

/// English nouns of where something was said: "in an interview", "on Twitter".
pub fn en_medium(w: &str) -> bool {
    matches!(
        w,
        "interview"
            | "statement"
            | "tweet"
            | "tweets"
            | "letter"
            | "email"
            | "e-mail"
            | "speech"
            | "post"
            | "op-ed"
            | "memo"
            | "video"
            | "release"
            | "briefing"
            | "call"
            | "twitter"
            | "facebook"
            | "instagram"
            | "television"
            | "radio"
            | "podcast"
            | "remarks"
            | "testimony"
            | "rally"
    )
}

/// German finite verbs of naming and judging that take a judgement in quote marks
/// ("nannte den Plan „fahrlässig“", "sprach von einer „Katastrophe“"): the speech acts
/// and verbs of speaking of, seeing or holding something as something.
pub fn de_judging(w: &str) -> bool {
    de_speech_act(w)
        || matches!(
            w,
            "sprach"
                | "sprachen"
                | "spricht"
                | "beschrieb"
                | "beschrieben"
                | "beschreibt"
                | "wertete"
                | "werteten"
                | "wertet"
                | "sieht"
                | "sah"
                | "sahen"
                | "hält"
                | "hielt"
                | "hielten"
                | "nimmt"
                | "nahm"
                | "nahmen"
        )
}

/// German finite verbs of a speech act on an object: naming, criticising, praising,
/// demanding, warning ("nannte den Beschluss einen fairen Kompromiss").
pub fn de_speech_act(w: &str) -> bool {
    matches!(
        w,
        "nannte"
            | "nannten"
            | "nennt"
            | "nennen"
            | "bezeichnete"
            | "bezeichneten"
            | "bezeichnet"
            | "warnte"
            | "warnten"
            | "warnt"
            | "warf"
            | "warfen"
            | "wirft"
            | "werfen"
            | "kritisierte"
            | "kritisierten"
            | "kritisiert"
            | "lobte"
            | "lobten"
            | "lobt"
            | "würdigte"
            | "würdigten"
            | "würdigt"
            | "verurteilte"
            | "verurteilten"
            | "verurteilt"
            | "begrüßte"
            | "begrüßten"
            | "begrüßt"
            | "beklagte"
            | "beklagten"
            | "beklagt"
            | "bemängelte"
            | "bemängelten"
            | "bemängelt"
            | "forderte"
            | "forderten"
            | "fordert"
            | "attackierte"
            | "attackierten"
    )
}

/// Determiners and possessives that may open a noun phrase.
pub fn determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "one"
            | "some"
            | "many"
            | "several"
            | "another"
            | "other"
            | "most"
            | "few"
            | "all"
            | "both"
            | "each"
            | "every"
            | "no"
            | "two"
            | "three"
            | "four"
            | "der"
            | "die"
            | "das"
            | "ein"
            | "eine"
            | "einer"
            | "eines"
            | "einem"
            | "einen"
            | "den"
            | "dem"
            | "des"
            | "le"
            | "la"
            | "les"
            | "un"
            | "une"
            | "l"
            | "el"
            | "los"
            | "las"
            | "il"
            | "lo"
            | "gli"
            | "uno"
            | "una"
            | "mehrere"
            | "viele"
            | "einige"
            | "plusieurs"
            | "such"
            | "any"
            | "more"
            | "top"
            | "senior"
            | "former"
    )
}

/// Words that open an adverbial, not a content clause ("On Monday, …").
pub fn adverbial_start(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "since"
            | "for"
            | "by"
            | "with"
            | "without"
            | "following"
            | "despite"
            | "amid"
            | "speaking"
            | "asked"
            | "when"
            | "while"
            | "as"
            | "if"
            | "although"
            | "though"
            | "last"
            | "earlier"
            | "later"
            | "nowadays"
            | "yesterday"
            | "today"
            | "meanwhile"
            | "however"
            | "separately"
            | "previously"
            | "instead"
            | "still"
            | "also"
            | "but"
            | "and"
            | "under"
            | "from"
            | "to"
            | "of"
            | "over"
            | "about"
            | "across"
            | "once"
            | "now"
            | "then"
            | "back"
            | "late"
            | "early"
            | "am"
            | "im"
            | "bei"
            | "nach"
            | "vor"
            | "gegenüber"
            | "laut"
            | "dans"
            | "lors"
            | "après"
            | "avant"
            | "selon"
            | "pour"
            | "en"
            | "au"
            | "sur"
            | "tras"
            | "durante"
            | "según"
            | "secondo"
            | "dopo"
            | "per"
            | "con"
            | "wie"
            | "auf"
            | "zu"
            | "aus"
            | "mit"
    ) || english_weekday(w)
}

/// English weekday names (lower case).
pub fn english_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Complementizers that open a reported clause.
pub fn complementizer(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "whether"
            | "dass"
            | "daß"
            | "ob"
            | "que"
            | "qu"
            | "qu'il"
            | "qu'elle"
            | "che"
            | "что"
            | "чтобы"
            | "wonach"
    ) || w.starts_with("qu'")
        || w.starts_with("qu’")
}

/// Addressees after "told" ("told reporters").
pub fn addressee(w: &str) -> bool {
    matches!(
        w,
        "reporters"
            | "journalists"
            | "lawmakers"
            | "supporters"
            | "the"
            | "a"
            | "an"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "members"
            | "crowd"
            | "audience"
            | "listeners"
            | "viewers"
            | "readers"
            | "congress"
            | "parliament"
            | "delegates"
            | "students"
            | "voters"
            | "investors"
            | "analysts"
            | "senators"
            | "officials"
            | "colleagues"
            | "senior"
            | "local"
            | "state"
            | "news"
            | "television"
            | "radio"
            | "agency"
            | "conference"
            | "newspaper"
            | "magazine"
            | "broadcaster"
            | "station"
            | "channel"
            | "daily"
            | "weekly"
            | "press"
            | "briefing"
            | "interview"
            | "his"
            | "their"
            | "its"
            | "hundreds"
            | "thousands"
            | "people"
            | "fans"
    )
}

/// Prepositional source markers: the source follows ("according to X").
pub fn source_prep(lang: &str, w: &str, next: Option<&str>) -> Option<usize> {
    match (w, next) {
        ("according", Some("to")) => Some(2),
        ("citing", _) if lang == "en" => Some(1),
        ("selon", _) | ("d'après", _) | ("d’après", _) => Some(1),
        ("laut", _) | ("gemäß", _) | ("lt", _) if lang == "de" => Some(1),
        ("nach", Some("angaben"))
        | ("nach", Some("ansicht"))
        | ("nach", Some("auffassung"))
        | ("nach", Some("einschätzung"))
        | ("nach", Some("informationen"))
        | ("nach", Some("meinung"))
        | ("nach", Some("aussagen"))
        | ("nach", Some("darstellung"))
            if lang == "de" =>
        {
            Some(1)
        }
        ("según", _) | ("secondo", _) => Some(1),
        // Portuguese "segundo" is also "second": a source needs no number after it
        ("segundo", Some(n)) if lang == "pt" && !n.starts_with(|c: char| c.is_ascii_digit()) => {
            Some(1)
        }
        ("de", Some("acordo")) if lang == "pt" => Some(3),
        ("по", Some("словам")) | ("по", Some("данным")) | ("по", Some("мнению")) => {
            Some(2)
        }
        _ => None,
    }
}

/// German Konjunktiv I forms that mark reported speech.
pub fn konjunktiv(w: &str) -> bool {
    matches!(
        w,
        "sei"
            | "seien"
            | "habe"
            | "hätten"
            | "werde"
            | "könne"
            | "müsse"
            | "solle"
            | "wolle"
            | "dürfe"
            | "gebe"
            | "liege"
            | "stehe"
            | "gehe"
            | "komme"
            | "wisse"
            | "handle"
            | "handele"
            | "bleibe"
            | "seist"
            | "wäre"
            | "würden"
            | "befinde"
            | "lasse"
            | "sehe"
            | "brauche"
            | "fehle"
            | "trage"
            | "führe"
            | "mache"
            | "hätte"
    )
}

/// Konjunktiv I forms, which only reported speech uses (not the conditional "wäre").
pub fn konjunktiv_one(w: &str) -> bool {
    konjunktiv(w) && !matches!(w, "hätten" | "wäre" | "würden" | "hätte")
}

/// Determiners of a time phrase before its time word ("este miércoles", "ce mardi").
pub fn time_determiner(w: &str) -> bool {
    matches!(
        w,
        "este"
            | "esta"
            | "el"
            | "ce"
            | "cette"
            | "le"
            | "questo"
            | "questa"
            | "il"
            | "nesta"
            | "neste"
            | "na"
            | "no"
    )
}

/// Lowercase time words between a verb and an inverted subject ("a déclaré vendredi le
/// porte-parole", "disse ontem o ministro", "sagte am Montag", "dijo este martes").
pub fn time_word(w: &str) -> bool {
    matches!(
        w,
        "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "hier"
            | "aujourd'hui"
            | "aujourd’hui"
            | "matin"
            | "soir"
            | "dernier"
            | "lunes"
            | "martes"
            | "miércoles"
            | "jueves"
            | "viernes"
            | "sábado"
            | "domingo"
            | "ayer"
            | "hoy"
            | "lunedì"
            | "martedì"
            | "mercoledì"
            | "giovedì"
            | "venerdì"
            | "sabato"
            | "domenica"
            | "ieri"
            | "oggi"
            | "segunda-feira"
            | "terça-feira"
            | "quarta-feira"
            | "quinta-feira"
            | "sexta-feira"
            | "ontem"
            | "hoje"
            | "gestern"
            | "heute"
            | "vorgestern"
            | "montag"
            | "dienstag"
            | "mittwoch"
            | "donnerstag"
            | "freitag"
            | "samstag"
            | "sonntag"
            | "morgens"
            | "abends"
            | "вчера"
            | "сегодня"
    )
}

/// German nouns naming where information comes from, after "nach" ("nach jüngsten
/// Untersuchungen", "nach Angaben der Polizei", "nach Medienberichten").
pub fn de_source_noun(w: &str) -> bool {
    matches!(
        w,
        "angaben"
            | "ansicht"
            | "auffassung"
            | "einschätzung"
            | "einschätzungen"
            | "informationen"
            | "meinung"
            | "aussage"
            | "aussagen"
            | "darstellung"
            | "untersuchungen"
            | "untersuchung"
            | "bericht"
            | "berichten"
            | "meldung"
            | "meldungen"
            | "studie"
            | "schätzung"
            | "schätzungen"
            | "vorstellungen"
            | "erkenntnissen"
            | "ermittlungen"
            | "recherchen"
            | "umfrage"
            | "worten"
            | "auskunft"
            | "mitteilung"
            | "überzeugung"
            | "berechnungen"
            | "zählung"
            | "prognose"
            | "prognosen"
            | "stellungnahme"
            | "analyse"
            | "endergebnis"
            | "ergebnissen"
            | "planungen"
            | "medien"
            | "medienberichten"
    ) || [
        "angaben",
        "berichten",
        "informationen",
        "meldungen",
        "schätzungen",
        "aussagen",
        "meinung",
    ]
    .iter()
    .any(|s| w.len() > s.len() + 3 && w.ends_with(s))
}

/// English verbs of intention and refusal whose reported content is a to-infinitive
/// ("declined to comment", "plans to run", "vowed to fight"): the subject holds it.
pub fn to_stance(w: &str) -> bool {
    matches!(
        w,
        "declined"
            | "declines"
            | "declining"
            | "refused"
            | "refuses"
            | "refusing"
            | "plans"
            | "planned"
            | "planning"
            | "sought"
            | "seeks"
            | "seeking"
            | "wants"
            | "wanted"
            | "promised"
            | "promises"
            | "promising"
            | "pledged"
            | "pledges"
            | "pledging"
            | "vowed"
            | "vows"
            | "vowing"
            | "decided"
            | "decides"
            | "hopes"
            | "hoped"
            | "hoping"
            | "agreed"
            | "agrees"
            | "threatened"
            | "threatens"
            | "threatening"
            | "intends"
            | "intended"
            | "intending"
            | "aims"
            | "aimed"
    )
}

/// The bare forms of [`to_stance`] verbs, verbs only after a pronoun or an auxiliary
/// ("they want to", "did not want to"; not "a plan to").
pub fn to_stance_base(w: &str) -> bool {
    matches!(
        w,
        "decline"
            | "refuse"
            | "plan"
            | "seek"
            | "want"
            | "promise"
            | "pledge"
            | "vow"
            | "decide"
            | "hope"
            | "agree"
            | "threaten"
            | "intend"
            | "aim"
    )
}

/// English verbs that report an appearance or an expectation with no holder
/// ("the bill seems to have stalled", "the House is expected to vote"): the whole clause,
/// subject included, is what is reported. "expected" only after a form of "be".
pub fn raising(w: &str) -> bool {
    matches!(
        w,
        "seemed" | "seems" | "seem" | "appeared" | "appears" | "appear" | "expected"
    )
}

/// English month names (lowercase).
pub fn english_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// English time words and adverbs that may stand between a subject and its verb
/// ("Sanders on Tuesday said", "which together vowed", "who in 2010 said").
pub fn en_time_adverb(w: &str) -> bool {
    matches!(
        w,
        "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "together"
            | "again"
            | "once"
            | "then"
            | "later"
            | "earlier"
            | "often"
            | "also"
            | "too"
            | "still"
            | "now"
    )
}

/// English verbs that report speech or thought when a "that"-clause follows ("Trump
/// charges that …", "the city is demanding that …", "the court ruled that …"): lemmas,
/// whose -s, -ed and -ing forms [`en_that_verb`] generates. Outside [`is_verb`], so only a
/// following "that" makes them cues.
const EN_THAT_LEMMAS: &[&str] = &[
    "acknowledge",
    "add",
    "admit",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "anticipate",
    "argue",
    "assert",
    "assure",
    "boast",
    "brag",
    "calculate",
    "caution",
    "charge",
    "claim",
    "clarify",
    "complain",
    "concede",
    "conclude",
    "confess",
    "confirm",
    "contend",
    "counter",
    "declare",
    "demand",
    "deny",
    "determine",
    "disclose",
    "emphasise",
    "emphasize",
    "estimate",
    "explain",
    "fear",
    "grouse",
    "guarantee",
    "hint",
    "imply",
    "indicate",
    "insist",
    "intimate",
    "joke",
    "lament",
    "learn",
    "maintain",
    "mention",
    "note",
    "observe",
    "order",
    "predict",
    "proclaim",
    "promise",
    "propose",
    "reaffirm",
    "realize",
    "recall",
    "recognize",
    "recommend",
    "reiterate",
    "remark",
    "remind",
    "repeat",
    "reply",
    "report",
    "request",
    "respond",
    "reveal",
    "rule",
    "signal",
    "speculate",
    "state",
    "stipulate",
    "stress",
    "suggest",
    "suspect",
    "swear",
    "testify",
    "tweet",
    "underline",
    "underscore",
    "urge",
    "vow",
    "warn",
    "worry",
];

/// The -s, -ed and -ing forms of an English lemma ("deny" → "denies", "denied",
/// "denying"; "admit" → "admits", "admitted", "admitting"; "argue" → "argued", "arguing").
fn en_forms(lemma: &'static str, out: &mut HashSet<String>) {
    let l = lemma;
    out.insert(l.to_string());
    let bytes = l.as_bytes();
    let n = bytes.len();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if let Some(stem) = l
        .strip_suffix('y')
        .filter(|s| s.bytes().last().is_some_and(|c| !vowel(c)))
    {
        out.insert(format!("{stem}ies"));
        out.insert(format!("{stem}ied"));
        out.insert(format!("{l}ing"));
        return;
    }
    if l.ends_with('e') {
        let stem = &l[..n - 1];
        out.insert(format!("{l}s"));
        out.insert(format!("{l}d"));
        out.insert(format!("{stem}ing"));
        return;
    }
    if l.ends_with("ss") || l.ends_with("sh") || l.ends_with("ch") || l.ends_with('x') {
        out.insert(format!("{l}es"));
    } else {
        out.insert(format!("{l}s"));
    }
    // a short final syllable doubles its consonant ("admit", "commit", "regret")
    let double = matches!(l, "admit" | "commit" | "regret" | "submit" | "allot");
    if double {
        let c = bytes[n - 1] as char;
        out.insert(format!("{l}{c}ed"));
        out.insert(format!("{l}{c}ing"));
    } else {
        out.insert(format!("{l}ed"));
        out.insert(format!("{l}ing"));
    }
}

static EN_THAT_VERBS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut out = HashSet::new();
    for l in EN_THAT_LEMMAS {
        en_forms(l, &mut out);
    }
    // irregular forms
    for w in ["swore", "sworn", "swears", "swearing"] {
        out.insert(w.to_string());
    }
    out
});

/// A form of an [`EN_THAT_LEMMAS`] verb (lowercase).
pub fn en_that_verb(w: &str) -> bool {
    EN_THAT_VERBS.contains(w)
}

/// English auxiliaries, negation and subject pronouns: a clause, not an adverbial, stands between a
/// cue and a later "that" when one of them does ("said no decision had been made about
/// whether …").
pub fn en_clause_marker(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "being"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "could"
            | "might"
            | "may"
            | "should"
            | "can"
            | "must"
            | "not"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
    ) || w.ends_with("n't")
        || w.ends_with("n’t")
}
