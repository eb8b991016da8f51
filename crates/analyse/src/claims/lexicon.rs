//! Word lists the claims stage reads: hedges, nouns for persons, attribution cues, words
//! that make a number a reference rather than a figure. Lowercase; apostrophes as `'`.
//! Lists are shared by all languages when their words cannot be confused.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// FNV-1a: short words hash faster than with the default SipHash, and the tables are
/// constant (no untrusted keys to guard against).
#[derive(Default, Clone, Copy)]
pub(super) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of words with the FNV hasher.
pub(super) type Words = HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;

fn set(words: &[&'static str]) -> Words {
    words.iter().flat_map(|s| s.split_whitespace()).collect()
}

/// How a hedge bounds its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    /// "about", "nearly": the figure is approximate.
    Approx,
    /// "at least", "more than": the figure is a lower bound.
    Min,
    /// "up to", "as many as": the figure is an upper bound.
    Max,
    /// "reportedly", "allegedly": the figure itself is as said.
    Source,
}

/// Hedge phrases written just before a figure, per language (words separated by spaces).
const HEDGES: &[(&str, &[(&str, Bound)])] = &[
    (
        "en",
        &[
            ("as many as", Bound::Max),
            ("as much as", Bound::Max),
            ("up to", Bound::Max),
            ("at most", Bound::Max),
            ("no more than", Bound::Max),
            ("not more than", Bound::Max),
            ("fewer than", Bound::Max),
            ("less than", Bound::Max),
            ("just under", Bound::Max),
            ("under", Bound::Max),
            ("at least", Bound::Min),
            ("more than", Bound::Min),
            ("no fewer than", Bound::Min),
            ("no less than", Bound::Min),
            ("over", Bound::Min),
            ("just over", Bound::Min),
            ("well over", Bound::Min),
            ("upwards of", Bound::Min),
            ("in excess of", Bound::Min),
            ("nearly", Bound::Approx),
            ("almost", Bound::Approx),
            ("about", Bound::Approx),
            ("around", Bound::Approx),
            ("roughly", Bound::Approx),
            ("approximately", Bound::Approx),
            ("some", Bound::Approx),
            ("close to", Bound::Approx),
            ("an estimated", Bound::Approx),
            ("estimated", Bound::Approx),
            ("an approximate", Bound::Approx),
            ("circa", Bound::Approx),
            ("reportedly", Bound::Source),
            ("allegedly", Bound::Source),
        ],
    ),
    (
        "fr",
        &[
            ("jusqu'à", Bound::Max),
            ("moins de", Bound::Max),
            ("au plus", Bound::Max),
            ("au moins", Bound::Min),
            ("pas moins de", Bound::Min),
            ("plus de", Bound::Min),
            ("environ", Bound::Approx),
            ("près de", Bound::Approx),
            ("quelque", Bound::Approx),
            ("presque", Bound::Approx),
            ("quasiment", Bound::Approx),
            ("autour de", Bound::Approx),
            ("approximativement", Bound::Approx),
            ("une estimation de", Bound::Approx),
        ],
    ),
    (
        "de",
        &[
            ("bis zu", Bound::Max),
            ("höchstens", Bound::Max),
            ("weniger als", Bound::Max),
            ("maximal", Bound::Max),
            ("mindestens", Bound::Min),
            ("wenigstens", Bound::Min),
            ("mehr als", Bound::Min),
            ("über", Bound::Min),
            ("etwa", Bound::Approx),
            ("rund", Bound::Approx),
            ("ungefähr", Bound::Approx),
            ("circa", Bound::Approx),
            ("ca.", Bound::Approx),
            ("ca", Bound::Approx),
            ("knapp", Bound::Approx),
            ("fast", Bound::Approx),
            ("beinahe", Bound::Approx),
            ("schätzungsweise", Bound::Approx),
            ("angeblich", Bound::Source),
        ],
    ),
    (
        "es",
        &[
            ("hasta", Bound::Max),
            ("menos de", Bound::Max),
            ("como máximo", Bound::Max),
            ("al menos", Bound::Min),
            ("por lo menos", Bound::Min),
            ("como mínimo", Bound::Min),
            ("más de", Bound::Min),
            ("unos", Bound::Approx),
            ("unas", Bound::Approx),
            ("cerca de", Bound::Approx),
            ("alrededor de", Bound::Approx),
            ("casi", Bound::Approx),
            ("aproximadamente", Bound::Approx),
            ("un estimado de", Bound::Approx),
            ("supuestamente", Bound::Source),
        ],
    ),
    (
        "it",
        &[
            ("fino a", Bound::Max),
            ("meno di", Bound::Max),
            ("al massimo", Bound::Max),
            ("almeno", Bound::Min),
            ("più di", Bound::Min),
            ("oltre", Bound::Min),
            ("circa", Bound::Approx),
            ("quasi", Bound::Approx),
            ("intorno a", Bound::Approx),
            ("all'incirca", Bound::Approx),
            ("pressappoco", Bound::Approx),
            ("presumibilmente", Bound::Source),
        ],
    ),
    (
        "ru",
        &[
            ("до", Bound::Max),
            ("менее", Bound::Max),
            ("не более", Bound::Max),
            ("меньше", Bound::Max),
            ("не менее", Bound::Min),
            ("по меньшей мере", Bound::Min),
            ("как минимум", Bound::Min),
            ("более", Bound::Min),
            ("больше", Bound::Min),
            ("свыше", Bound::Min),
            ("около", Bound::Approx),
            ("почти", Bound::Approx),
            ("примерно", Bound::Approx),
            ("порядка", Bound::Approx),
            ("приблизительно", Bound::Approx),
            ("якобы", Bound::Source),
        ],
    ),
    (
        "pt",
        &[
            ("até", Bound::Max),
            ("menos de", Bound::Max),
            ("pelo menos", Bound::Min),
            ("mais de", Bound::Min),
            ("cerca de", Bound::Approx),
            ("quase", Bound::Approx),
            ("aproximadamente", Bound::Approx),
        ],
    ),
    (
        "nl",
        &[
            ("tot", Bound::Max),
            ("minder dan", Bound::Max),
            ("minstens", Bound::Min),
            ("ten minste", Bound::Min),
            ("meer dan", Bound::Min),
            ("ongeveer", Bound::Approx),
            ("bijna", Bound::Approx),
            ("circa", Bound::Approx),
            ("zo'n", Bound::Approx),
        ],
    ),
];

/// Hedge phrases of a language as word lists, longest first.
pub(super) type HedgeList = Vec<(Vec<&'static str>, &'static str, Bound)>;

static HEDGE_LISTS: LazyLock<HashMap<&'static str, HedgeList>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for (lang, list) in HEDGES {
        let mut v: HedgeList = list
            .iter()
            .map(|&(p, b)| (p.split(' ').collect(), p, b))
            .collect();
        v.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        m.insert(*lang, v);
    }
    m
});

/// The hedge phrases of `lang` (English for unknown codes), longest first.
pub(super) fn hedges(lang: &str) -> &'static HedgeList {
    HEDGE_LISTS
        .get(lang)
        .or_else(|| HEDGE_LISTS.get("en"))
        .expect("English hedges")
}

/// Nouns (and nominalised adjectives) that count persons: their figures get the unit `people`.
pub(super) static PEOPLE: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        // en
        "people persons person man men woman women child children kids boys girls babies infants",
        "civilians soldiers troops servicemen servicemembers fighters combatants militants rebels",
        "mercenaries recruits conscripts reservists volunteers prisoners inmates convicts detainees",
        "criminals offenders murderers prisoners-of-war pows hostages captives refugees migrants",
        "asylum-seekers evacuees residents inhabitants citizens nationals locals villagers",
        "dead wounded injured casualties victims fatalities deaths killed missing displaced",
        "survivors protesters demonstrators activists workers employees staff staffers miners",
        "voters students pupils teachers doctors nurses medics patients passengers tourists",
        "pilgrims journalists reporters officers policemen police officials members supporters",
        "guards sailors pilots marines paratroopers commandos personnel crew adults pensioners",
        "families households users subscribers customers participants delegates lawmakers",
        "deputies mps senators judges lawyers farmers fishermen athletes players fans spectators",
        "ukrainians russians palestinians israelis americans syrians afghans iraqis germans",
        "firefighters rescuers paramedics britons chechens belarusians georgians suspects attackers gunmen assailants settlers",
        "immigrants peacekeepers contractors cadets employees diplomats ministers monks nuns",
        // fr
        "personnes gens hommes femmes enfants civils soldats militaires combattants détenus",
        "prisonniers condamnés criminels volontaires réservistes mobilisés habitants résidents",
        "morts tués blessés victimes disparus réfugiés déplacés manifestants travailleurs",
        "salariés électeurs élèves étudiants patients otages migrants mercenaires recrues",
        // de
        "menschen personen männer frauen kinder zivilisten soldaten kämpfer häftlinge gefangene",
        "strafgefangene insassen verbrecher freiwillige reservisten einwohner bewohner tote toten",
        "verletzten vermissten todesopfern",
        "todesopfer verletzte verwundete opfer vermisste flüchtlinge vertriebene demonstranten",
        "arbeiter beschäftigte mitarbeiter wähler schüler studenten patienten geiseln migranten",
        "söldner rekruten wehrpflichtige",
        // es
        "personas hombres mujeres niños civiles soldados militares combatientes presos reclusos",
        "prisioneros detenidos convictos criminales voluntarios reservistas habitantes residentes",
        "muertos fallecidos heridos víctimas desaparecidos refugiados desplazados manifestantes",
        "trabajadores empleados votantes estudiantes pacientes rehenes migrantes mercenarios",
        // it
        "persone uomini donne bambini civili soldati militari combattenti detenuti carcerati",
        "prigionieri condannati criminali volontari riservisti abitanti residenti morti vittime",
        "feriti dispersi rifugiati sfollati manifestanti lavoratori dipendenti elettori studenti",
        "pazienti ostaggi migranti mercenari reclute",
        // ru
        "человек людей люди человека мужчин женщин детей ребенка ребёнка граждан жителей",
        "военных солдат военнослужащих бойцов боевиков заключенных заключённых",
        "осужденных осуждённых пленных арестантов добровольцев резервистов мобилизованных",
        "погибших убитых раненых пострадавших жертв пропавших беженцев переселенцев",
        "демонстрантов протестующих работников сотрудников избирателей студентов пациентов",
        "заложников мигрантов наемников наёмников",
        // pt, nl
        "pessoas soldados presos civis mortos feridos vítimas refugiados mensen soldaten",
        "gevangenen burgers doden gewonden slachtoffers vluchtelingen",
    ])
});

/// Words that end a counted noun phrase: function words, auxiliaries, pronouns.
pub(super) static STOP: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        // en
        "the a an this that these those who whom whose which what where when while and or but nor",
        "is are was were be been being am has have had having will would shall should can could",
        "may might must do does did not no to of in on at for with from by as than since during",
        "after before into onto over under across through throughout between among against",
        "about around per each every it its they them their he him his she her we us our you your",
        "i me my there here so if because although though also already now still just only even",
        "then yet including such like near within without toward towards via upon according",
        "across along behind beyond inside outside while whereas whether",
        // fr
        "le la les l' un une des du de d' et ou mais qui que qu' dont est sont ont a ont été",
        "sera seront était étaient avait avaient aux au en dans sur sous pour par avec sans selon",
        "depuis pendant après avant entre contre vers chez ce cette ces se sa son ses leur leurs",
        "il elle ils elles on ne pas plus",
        // de
        "der die das den dem des ein eine einen einem einer eines und oder aber wer wie was ist",
        "sind waren wurde wurden worden hat haben hatte hatten wird werden sei seien im in",
        "am an auf aus bei mit nach seit von vor zu zum zur für gegen um über unter durch laut",
        "sich er sie es wir ihr ihre ihren sein seine seit",
        // es
        "el los las lo del al y o pero que quien quienes cuyo es son fue fueron ha han había",
        "habían será en con sin por para desde durante tras ante sobre según entre hacia su sus",
        // it
        "il lo gli i della delle dei degli del dello dalla dalle dai e o ma che chi cui è sono",
        "erano stato stati stata state ha hanno aveva nel nella nei negli in con senza per",
        "da di su tra fra secondo durante dopo prima",
        // ru
        "и или но что который которые которых был была были было есть будет в во на из с со к",
        "ко по за от до для при без о об у через после перед между он она они его ее её их",
        "это этот эта эти также уже еще ещё",
    ])
});

/// Verbs and nouns that attribute a statement to its subject ("X said", "X estimates").
pub(super) static SPEECH: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        // en
        "said says say told tells stated states claimed claims estimated estimates estimate",
        "reported reports announced announces believe believes believed indicate indicates",
        "indicated wrote writes added adds noted notes confirmed confirms insisted insists",
        "warned warns acknowledged admitted asserted alleged alleges argued argues maintained",
        "maintains calculated calculates show shows showed suggest suggests suggested revealed",
        "reveals put puts expect expects predict predicts forecast forecasts found finds",
        // fr
        "déclaré affirmé indiqué estimé annoncé assuré précisé expliqué souligné rapporté",
        "affirme estime déclare indique assure précise explique rapporte dit compte recense",
        "recensé évalué évalue avancé avance",
        // de
        "sagte sagt erklärte erklärt schätzt schätzte berichtete berichtet behauptet behauptete",
        "teilte meldete meldet gab zählte zählt bezifferte beziffert",
        // es
        "dijo afirmó declaró aseguró señaló indicó estima estimó informó explicó afirma asegura",
        "dijeron afirmaron declararon aseguraron señalaron indicaron informaron explicaron",
        "señala indica calcula calculó cifra cifró contabiliza contabilizó",
        // it
        "detto dichiarato affermato spiegato riferito stimato stima dice afferma dichiara",
        "riferisce calcola conta contato",
        // ru
        "заявил заявила заявили сообщил сообщила сообщили сказал сказала сказали рассказал",
        "рассказала рассказали утверждает утверждают оценивает оценивают считает считают",
        "отметил отметила отметили подсчитал подсчитали насчитали",
    ])
});

/// Phrases that attribute what follows to their object ("according to X"), per language;
/// the object follows the phrase.
pub(super) const ACCORDING: &[&[&str]] = &[
    &["according", "to"],
    &["citing"],
    &["selon"],
    &["d'après"],
    &["laut"],
    &["nach", "angaben"],
    &["según"],
    &["de", "acuerdo", "con"],
    &["secondo"],
    &["stando", "a"],
    &["a", "detta", "di"],
    &["по", "данным"],
    &["по", "словам"],
    &["по", "оценкам"],
    &["по", "информации"],
    &["по", "сведениям"],
    &["согласно"],
    &["segundo"],
    &["volgens"],
];

/// Pronouns that may stand for a claimant.
pub(super) static PRONOUNS: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        "he she they him her them it il elle ils elles lui eux er sie él ella ellos ellas lei",
        "loro он она они него неё нее них ему ей им",
    ])
});

/// Determiners dropped at the start of a counted noun phrase or a claimant's name.
pub(super) static DETERMINERS: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        "the a an this these those le la les l' un une des du der die das den dem des el los las",
        "il lo gli i most recent latest new",
    ])
});

/// Words after which a number is a reference, not a figure ("page 12", "Article 328").
pub(super) static REFERENCE: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        // en
        "page pages p pp article articles art paragraph para section sections chapter clause no",
        "nr number item point resolution flight route bus room episode season vol volume issue",
        "line platform gate seat level grade stage step phase act verse figure fig table annex",
        "exhibit version model channel district ward block building unit highway road street",
        "zone sector division regiment battalion brigade team squad group code tier category",
        "formula apollo windows iphone boeing airbus class type category rule amendment",
        "part parts",
        // fr
        "article alinéa paragraphe chapitre numéro n° ligne saison épisode tome",
        // de
        "seite artikel absatz paragraf paragraph kapitel nummer teil abschnitt folge staffel",
        "linie",
        // es
        "página artículo apartado capítulo número núm párrafo temporada episodio línea",
        // it
        "pagina articolo comma capitolo numero paragrafo stagione episodio linea",
        // ru
        "статья статьи статье статьей статьёй ст части часть ч пункт пункта пунктом страница",
        "стр номер номера глава главы",
    ])
});

/// Month names (and common abbreviations): a number next to one is a date.
pub(super) static MONTHS: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        "january february march april may june july august september october november december",
        "jan feb mar apr jun jul aug sep sept oct nov dec",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "januar jänner februar märz april mai juni juli august september oktober november dezember",
        "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre",
        "diciembre gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre",
        "novembre dicembre января февраля марта апреля мая июня июля августа сентября октября",
        "ноября декабря январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь",
        "декабрь janeiro fevereiro março maio junho julho setembro outubro dezembro januari",
        "februari maart mei augustus oktober",
    ])
});

/// Words after a number that make it a time of day or a date part.
pub(super) static CLOCK: LazyLock<Words> = LazyLock::new(|| {
    set(&["am pm a.m p.m h hrs uhr heures heure o'clock gmt utc cet cest est bst час часов часа"])
});

/// Words before a duration that make it a point or span in time, not a figure
/// ("the last three weeks", "il y a deux ans").
pub(super) static TIME_FRAME_BEFORE: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        "last past next coming previous first recent following final",
        "derniers dernières prochains prochaines premiers premières",
        "letzten vergangenen nächsten ersten vor",
        "últimos últimas próximos próximas pasados primeros hace",
        "ultimi ultime prossimi prossime scorsi primi",
        "последние ближайшие прошлые первые через спустя",
    ])
});

/// Words after a duration that make it a point in time ("two months after", "a week ago").
pub(super) static TIME_FRAME_AFTER: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        "ago later earlier after before since hence",
        "après avant plus derniers dernières auparavant",
        "später früher danach zuvor",
        "después antes atrás",
        "fa dopo prima",
        "назад спустя позже раньше",
    ])
});

/// Participles used as nouns or adjectives that the phrase after a figure may hold
/// (irregular English forms; regular ones end in -ed).
pub(super) static PARTICIPLES: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        "taken held hurt shot driven given sent brought caught kept built drawn sworn thrown",
        "struck beaten stolen hidden slain bitten fled born lost paid sold spent cut hit",
        "freed forced chosen seen",
    ])
});

/// Auxiliaries between a counted noun and its participle ("have been killed").
pub(super) static AUX: LazyLock<Words> = LazyLock::new(|| {
    set(&[
        "have has had been were was are is being be already reportedly allegedly also now",
        "ont été sont a été avaient étaient wurden sind waren worden han sido",
        "fueron hanno sono stati state были был была было",
    ])
});

/// Rate phrases after money ("a month", "par mois"): the period.
pub(super) const RATES: &[(&[&str], &str)] = &[
    (&["a", "month"], "month"),
    (&["per", "month"], "month"),
    (&["monthly"], "month"),
    (&["a", "year"], "year"),
    (&["per", "year"], "year"),
    (&["annually"], "year"),
    (&["a", "week"], "week"),
    (&["per", "week"], "week"),
    (&["a", "day"], "day"),
    (&["per", "day"], "day"),
    (&["par", "mois"], "month"),
    (&["par", "an"], "year"),
    (&["par", "jour"], "day"),
    (&["im", "monat"], "month"),
    (&["pro", "monat"], "month"),
    (&["monatlich"], "month"),
    (&["im", "jahr"], "year"),
    (&["pro", "jahr"], "year"),
    (&["al", "mes"], "month"),
    (&["por", "mes"], "month"),
    (&["al", "año"], "year"),
    (&["al", "mese"], "month"),
    (&["al", "mese"], "month"),
    (&["all'anno"], "year"),
    (&["в", "месяц"], "month"),
    (&["в", "год"], "year"),
    (&["ежемесячно"], "month"),
];

/// Days in one unit of duration as the recogniser names them.
pub(super) fn days_per(unit: &str) -> Option<f64> {
    Some(match unit {
        "second" => 1.0 / 86400.0,
        "minute" => 1.0 / 1440.0,
        "hour" => 1.0 / 24.0,
        "day" => 1.0,
        "week" => 7.0,
        "fortnight" => 14.0,
        "month" => 30.0,
        "year" => 365.0,
        "decade" => 3650.0,
        "century" => 36500.0,
        _ => return None,
    })
}

/// Words that introduce a quantifier phrase before a figure ("a total of 100,000").
pub(super) const TOTAL_OF: &[&[&str]] = &[&["a", "total", "of"], &["total", "of"]];
