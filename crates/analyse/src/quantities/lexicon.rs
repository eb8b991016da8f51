//! Number words per language: cardinals, multipliers, ordinals, fraction denominators and
//! the little words between them.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The grammatical role of a number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// 0.
    Zero,
    /// 1–9.
    Unit,
    /// 10–19 and other fixed two-digit words that take no unit after them.
    Teen,
    /// 20, 30 … 90 (a unit may follow).
    Ten,
    /// A fixed hundreds word ("doscientos", "двести").
    Hund,
    /// The multiplier hundred.
    H100,
    /// thousand, million, billion…
    Big,
    /// dozen: multiplies what is before it.
    Dozen,
    /// "a"/"an": one, but only before a multiplier or a denominator.
    Article,
    /// A connector inside compound words ("und", "en").
    Conn,
    /// "einhalb": adds one half.
    Half,
}

/// A number word: its value and role.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Morph {
    pub value: f64,
    pub class: Class,
}

/// The number vocabulary of one language.
pub(crate) struct Lexicon {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Cardinal words and multipliers.
    pub words: HashMap<String, Morph>,
    /// Pieces that only occur inside compound words (Italian "vent", German "und").
    pub inner: HashMap<String, Morph>,
    /// Ordinal words: value and the class of the cardinal they stand for.
    pub ords: HashMap<String, Morph>,
    /// Fraction denominators ("thirds" → 3, "quarter" → 4).
    pub denoms: HashMap<String, f64>,
    /// Words joining parts of one number ("and", "et", "y").
    pub and_words: &'static [&'static str],
    /// Whether number words are written as one word ("dreihundertzwölf").
    pub compounds: bool,
    /// Whether the decimal mark is a comma ("1,5") and dots group thousands.
    pub decimal_comma: bool,
    /// "point", "virgule", "coma"… between a whole part and spelled decimals.
    pub point_words: &'static [&'static str],
    /// "minus", "negative".
    pub minus_words: &'static [&'static str],
    /// "over", "sur", "sobre": numerator over denominator.
    pub over_words: &'static [&'static str],
    /// Nouns for one half ("half", "demi", "medio").
    pub half_words: &'static [&'static str],
    /// Words after which "one" is a pronoun, not a number ("the one").
    pub one_blockers: &'static [&'static str],
    /// The first two letters of every number word: a quick filter before splitting compounds.
    pub starts: HashSet<String>,
}

impl Lexicon {
    /// Whether `w` may begin with a number word (cheap test before splitting compounds).
    pub(crate) fn may_start(&self, w: &str) -> bool {
        let head: String = w.chars().take(2).collect();
        self.starts.contains(&head)
    }

    fn finish(mut self) -> Self {
        let keys: Vec<String> = self
            .words
            .keys()
            .chain(self.inner.keys())
            .map(|k| k.chars().take(2).collect())
            .collect();
        self.starts.extend(keys);
        self
    }
}

fn add(map: &mut HashMap<String, Morph>, spec: &str, class: Class) {
    for item in spec.split_whitespace() {
        if let Some((w, v)) = item.split_once('=')
            && let Ok(value) = v.parse::<f64>()
        {
            map.insert(w.to_string(), Morph { value, class });
        }
    }
}

fn add_denoms(map: &mut HashMap<String, f64>, spec: &str) {
    for item in spec.split_whitespace() {
        if let Some((w, v)) = item.split_once('=')
            && let Ok(value) = v.parse::<f64>()
        {
            map.insert(w.to_string(), value);
        }
    }
}

/// Ordinals, also registered as denominators (singular and plural) from 3 upwards.
fn add_ords(lex: &mut Lexicon, spec: &str, plural: &[&str]) {
    for item in spec.split_whitespace() {
        let Some((w, v)) = item.split_once('=') else {
            continue;
        };
        let Ok(value) = v.parse::<f64>() else {
            continue;
        };
        let class = class_of(value);
        lex.ords.insert(w.to_string(), Morph { value, class });
        if value >= 3.0 {
            lex.denoms.insert(w.to_string(), value);
            for p in plural {
                lex.denoms.insert(format!("{w}{p}"), value);
            }
        }
    }
}

fn class_of(v: f64) -> Class {
    if v == 0.0 {
        Class::Zero
    } else if v < 10.0 {
        Class::Unit
    } else if v == 10.0 {
        // "décimo primeiro": ten takes a unit after it in ordinals.
        Class::Ten
    } else if v < 20.0 {
        Class::Teen
    } else if v < 100.0 {
        Class::Ten
    } else if v == 100.0 {
        Class::H100
    } else if v < 1000.0 {
        Class::Hund
    } else {
        Class::Big
    }
}

fn empty(code: &'static str) -> Lexicon {
    Lexicon {
        code,
        words: HashMap::new(),
        inner: HashMap::new(),
        ords: HashMap::new(),
        denoms: HashMap::new(),
        and_words: &[],
        compounds: false,
        decimal_comma: true,
        point_words: &[],
        minus_words: &[],
        over_words: &[],
        half_words: &[],
        one_blockers: &[],
        starts: HashSet::new(),
    }
}

fn english() -> Lexicon {
    let mut l = empty("en");
    l.decimal_comma = false;
    let w = &mut l.words;
    add(w, "zero=0 nought=0 naught=0 nil=0", Class::Zero);
    add(
        w,
        "one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9",
        Class::Unit,
    );
    add(
        w,
        "ten=10 eleven=11 twelve=12 thirteen=13 fourteen=14 fifteen=15 sixteen=16 \
         seventeen=17 eighteen=18 nineteen=19",
        Class::Teen,
    );
    add(
        w,
        "twenty=20 thirty=30 forty=40 fourty=40 fifty=50 sixty=60 seventy=70 eighty=80 ninety=90",
        Class::Ten,
    );
    add(w, "hundred=100", Class::H100);
    add(
        w,
        "thousand=1e3 million=1e6 billion=1e9 trillion=1e12 lakh=1e5 lakhs=1e5 crore=1e7 crores=1e7",
        Class::Big,
    );
    add(
        w,
        "dozen=12 dozens=12 dz=12 dzs=12 doz=12 dozs=12",
        Class::Dozen,
    );
    add(w, "a=1 an=1", Class::Article);
    add_ords(
        &mut l,
        "first=1 second=2 third=3 fourth=4 fifth=5 sixth=6 seventh=7 eighth=8 ninth=9 \
         tenth=10 eleventh=11 twelfth=12 thirteenth=13 fourteenth=14 fifteenth=15 \
         sixteenth=16 seventeenth=17 eighteenth=18 nineteenth=19 twentieth=20 thirtieth=30 \
         fortieth=40 fiftieth=50 sixtieth=60 seventieth=70 eightieth=80 ninetieth=90 \
         hundredth=100 thousandth=1e3 millionth=1e6 billionth=1e9 trillionth=1e12",
        &["s"],
    );
    add_denoms(
        &mut l.denoms,
        "half=2 halves=2 quarter=4 quarters=4 firsts=1",
    );
    l.and_words = &["and"];
    l.point_words = &["point"];
    l.minus_words = &["minus", "negative"];
    l.over_words = &["over", "out of"];
    l.half_words = &["half"];
    l.one_blockers = &[
        "the", "this", "that", "which", "each", "every", "any", "no", "another", "some", "no",
        "little", "only", "other", "last", "next", "first", "new", "big", "good",
    ];
    l
}

fn french() -> Lexicon {
    let mut l = empty("fr");
    let w = &mut l.words;
    add(w, "zéro=0 zero=0", Class::Zero);
    add(
        w,
        "un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9",
        Class::Unit,
    );
    add(
        w,
        "onze=11 douze=12 treize=13 quatorze=14 quinze=15 seize=16",
        Class::Teen,
    );
    add(
        w,
        "dix=10 vingt=20 vingts=20 trente=30 quarante=40 cinquante=50 soixante=60 septante=70 \
         huitante=80 octante=80 nonante=90",
        Class::Ten,
    );
    add(w, "cent=100 cents=100", Class::H100);
    add(
        w,
        "mille=1e3 mil=1e3 million=1e6 millions=1e6 milliard=1e9 milliards=1e9 billion=1e12 \
         billions=1e12",
        Class::Big,
    );
    add(w, "douzaine=12 douzaines=12", Class::Dozen);
    add_ords(
        &mut l,
        "premier=1 première=1 premiere=1 deuxième=2 deuxieme=2 second=2 seconde=2 troisième=3 \
         troisieme=3 quatrième=4 quatrieme=4 cinquième=5 cinquieme=5 sixième=6 sixieme=6 \
         septième=7 septieme=7 huitième=8 huitieme=8 neuvième=9 neuvieme=9 dixième=10 \
         dixieme=10 onzième=11 onzieme=11 douzième=12 douzieme=12 treizième=13 treizieme=13 \
         quatorzième=14 quinzième=15 seizième=16 vingtième=20 vingtieme=20 trentième=30 \
         trentieme=30 quarantième=40 cinquantième=50 soixantième=60 centième=100 centieme=100 \
         millième=1000 millieme=1000 millionième=1e6 millionieme=1e6 milliardième=1e9 \
         milliardieme=1e9 billionième=1e12 billionieme=1e12 unième=1 unieme=1 tierce=3 \
         septantième=70 septantieme=70 huitantième=80 octantième=80 octantieme=80 \
         nonantième=90 nonantieme=90 quatorzieme=14 quinzieme=15 seizieme=16",
        &["s"],
    );
    add_denoms(
        &mut l.denoms,
        "demi=2 demie=2 demis=2 tiers=3 quart=4 quarts=4",
    );
    l.and_words = &["et"];
    l.point_words = &["virgule"];
    l.minus_words = &["moins", "négatif"];
    l.over_words = &["sur"];
    l.half_words = &["demi", "demie"];
    l.one_blockers = &["l", "chaque", "ce", "cet", "quelqu", "aucun"];
    l
}

fn spanish() -> Lexicon {
    let mut l = empty("es");
    let w = &mut l.words;
    add(w, "cero=0", Class::Zero);
    add(
        w,
        "uno=1 un=1 una=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9",
        Class::Unit,
    );
    add(
        w,
        "diez=10 once=11 doce=12 trece=13 catorce=14 quince=15 dieciséis=16 dieciseis=16 \
         diecisiete=17 dieciocho=18 diecinueve=19 veintiuno=21 veintiún=21 veintiun=21 \
         veintiuna=21 veintidós=22 veintidos=22 veintitrés=23 veintitres=23 veinticuatro=24 \
         veinticinco=25 veintiséis=26 veintiseis=26 veintisiete=27 veintiocho=28 \
         veintinueve=29",
        Class::Teen,
    );
    add(
        w,
        "veinte=20 treinta=30 cuarenta=40 cincuenta=50 sesenta=60 setenta=70 ochenta=80 \
         noventa=90",
        Class::Ten,
    );
    add(w, "cien=100 ciento=100 cientos=100", Class::H100);
    add(
        w,
        "doscientos=200 doscientas=200 trescientos=300 trescientas=300 cuatrocientos=400 \
         cuatrocientas=400 quinientos=500 quinientas=500 seiscientos=600 seiscientas=600 \
         setecientos=700 setecientas=700 ochocientos=800 ochocientas=800 novecientos=900 \
         novecientas=900",
        Class::Hund,
    );
    add(
        w,
        "mil=1e3 millón=1e6 millon=1e6 millones=1e6 millardo=1e9 millardos=1e9 billón=1e12 \
         billon=1e12 billones=1e12",
        Class::Big,
    );
    add(w, "docena=12 docenas=12", Class::Dozen);
    add(&mut l.inner, "i=0", Class::Conn);
    add_ords(
        &mut l,
        "primero=1 primera=1 primer=1 segundo=2 segunda=2 tercero=3 tercera=3 tercer=3 \
         cuarto=4 cuarta=4 quinto=5 quinta=5 sexto=6 sexta=6 séptimo=7 septimo=7 séptima=7 \
         octavo=8 octava=8 noveno=9 novena=9 décimo=10 decimo=10 décima=10 decima=10 \
         undécimo=11 undecimo=11 duodécimo=12 duodecimo=12 vigésimo=20 vigesimo=20 vigésima=20 \
         trigésimo=30 trigesimo=30 cuadragésimo=40 cuadragesimo=40 quincuagésimo=50 \
         quincuagesimo=50 sexagésimo=60 sexagesimo=60 septuagésimo=70 septuagesimo=70 \
         octogésimo=80 octogesimo=80 nonagésimo=90 nonagesimo=90 centésimo=100 \
         ducentésimo=200 ducentesimo=200 tricentésimo=300 tricentesimo=300 \
         cuadringentésimo=400 cuadringentesimo=400 quingentésimo=500 quingentesimo=500 \
         sexcentésimo=600 sexcentesimo=600 septingentésimo=700 septingentesimo=700 \
         octingentésimo=800 octingentesimo=800 noningentésimo=900 noningentesimo=900 \
         centesimo=100 milésimo=1000 milesimo=1000 millonésimo=1e6 millonesimo=1e6 \
         billonésimo=1e12 billonesimo=1e12",
        &["s"],
    );
    add_denoms(&mut l.denoms, "medio=2 media=2 medios=2 tercio=3 tercios=3");
    l.and_words = &["y"];
    l.point_words = &["coma", "punto"];
    l.minus_words = &["menos", "negativo"];
    l.over_words = &["sobre"];
    l.half_words = &["medio", "media", "mitad"];
    l.one_blockers = &["el", "la", "cada", "ese", "este", "ningún", "algún"];
    l
}

fn portuguese() -> Lexicon {
    let mut l = empty("pt");
    let w = &mut l.words;
    add(w, "zero=0", Class::Zero);
    add(
        w,
        "um=1 uma=1 dois=2 duas=2 três=3 tres=3 quatro=4 cinco=5 seis=6 sete=7 oito=8 nove=9",
        Class::Unit,
    );
    add(
        w,
        "dez=10 onze=11 doze=12 treze=13 catorze=14 quatorze=14 quinze=15 dezesseis=16 \
         dezasseis=16 dezessete=17 dezassete=17 dezoito=18 dezenove=19 dezanove=19",
        Class::Teen,
    );
    add(
        w,
        "vinte=20 trinta=30 quarenta=40 cinquenta=50 cinqüenta=50 sessenta=60 setenta=70 \
         oitenta=80 noventa=90",
        Class::Ten,
    );
    add(w, "cem=100 cento=100", Class::H100);
    add(
        w,
        "duzentos=200 duzentas=200 trezentos=300 trezentas=300 quatrocentos=400 \
         quatrocentas=400 quinhentos=500 quinhentas=500 seiscentos=600 seiscentas=600 \
         setecentos=700 setecentas=700 oitocentos=800 oitocentas=800 novecentos=900 \
         novecentas=900",
        Class::Hund,
    );
    add(
        w,
        "mil=1e3 milhão=1e6 milhao=1e6 milhões=1e6 milhoes=1e6 bilhão=1e9 bilhao=1e9 \
         bilhões=1e9 bilhoes=1e9 trilhão=1e12 trilhao=1e12 trilhões=1e12 trilhoes=1e12",
        Class::Big,
    );
    add(w, "dúzia=12 duzia=12 dúzias=12 duzias=12", Class::Dozen);
    add_ords(
        &mut l,
        "primeiro=1 primeira=1 segundo=2 segunda=2 terceiro=3 terceira=3 quarto=4 quarta=4 \
         quinto=5 quinta=5 sexto=6 sexta=6 sétimo=7 setimo=7 sétima=7 oitavo=8 oitava=8 \
         nono=9 nona=9 décimo=10 decimo=10 décima=10 undécimo=11 undecimo=11 duodécimo=12 \
         duodecimo=12 vigésimo=20 vigesimo=20 vigésima=20 trigésimo=30 trigesimo=30 \
         quadragésimo=40 quadragesimo=40 quadragésima=40 quinquagésimo=50 quinquagesimo=50 \
         sexagésimo=60 sexagesimo=60 septuagésimo=70 septuagesimo=70 octogésimo=80 \
         octogesimo=80 nonagésimo=90 nonagesimo=90 centésimo=100 ducentésimo=200 \
         ducentesimo=200 tricentésimo=300 tricentesimo=300 quadringentésimo=400 \
         quadringentesimo=400 quingentésimo=500 quingentesimo=500 sexcentésimo=600 \
         sexcentesimo=600 septingentésimo=700 septingentesimo=700 octingentésimo=800 \
         octingentesimo=800 noningentésimo=900 noningentesimo=900 centesimo=100 milésimo=1000 milesimo=1000 milionésimo=1e6 milionesimo=1e6 \
         bilionésimo=1e9 bilionesimo=1e9",
        &["s"],
    );
    add_denoms(
        &mut l.denoms,
        "meio=2 meia=2 meios=2 terço=3 terco=3 terços=3 tercos=3",
    );
    l.and_words = &["e"];
    l.point_words = &["vírgula", "virgula", "ponto"];
    l.minus_words = &["menos", "negativo"];
    l.over_words = &["sobre"];
    l.half_words = &["meio", "meia"];
    l.one_blockers = &["o", "a", "cada", "esse", "este", "nenhum", "algum"];
    l
}

fn italian() -> Lexicon {
    let mut l = empty("it");
    l.compounds = true;
    let w = &mut l.words;
    add(w, "zero=0", Class::Zero);
    add(
        w,
        "uno=1 un=1 una=1 due=2 tre=3 tré=3 quattro=4 cinque=5 sei=6 sette=7 otto=8 nove=9",
        Class::Unit,
    );
    add(
        w,
        "dieci=10 undici=11 dodici=12 tredici=13 quattordici=14 quindici=15 sedici=16 \
         diciassette=17 diciotto=18 diciannove=19",
        Class::Teen,
    );
    add(
        w,
        "venti=20 trenta=30 quaranta=40 cinquanta=50 sessanta=60 settanta=70 ottanta=80 \
         novanta=90",
        Class::Ten,
    );
    add(w, "cento=100", Class::H100);
    add(
        w,
        "mille=1e3 mila=1e3 milione=1e6 milioni=1e6 miliardo=1e9 miliardi=1e9 bilione=1e12 \
         bilioni=1e12",
        Class::Big,
    );
    add(w, "dozzina=12 dozzine=12", Class::Dozen);
    let i = &mut l.inner;
    add(
        i,
        "vent=20 trent=30 quarant=40 cinquant=50 sessant=60 settant=70 ottant=80 novant=90",
        Class::Ten,
    );
    add(i, "cent=100", Class::H100);
    add(i, "un=1", Class::Unit);
    add_ords(
        &mut l,
        "primo=1 prima=1 secondo=2 seconda=2 terzo=3 terza=3 quarto=4 quarta=4 quinto=5 \
         quinta=5 sesto=6 sesta=6 settimo=7 settima=7 ottavo=8 ottava=8 nono=9 nona=9 \
         decimo=10 decima=10 undicesimo=11 dodicesimo=12 tredicesimo=13 quattordicesimo=14 \
         quindicesimo=15 sedicesimo=16 diciassettesimo=17 diciottesimo=18 diciannovesimo=19 \
         ventesimo=20 trentesimo=30 quarantesimo=40 cinquantesimo=50 sessantesimo=60 \
         settantesimo=70 ottantesimo=80 novantesimo=90 centesimo=100 \
         millesimo=1000 milionesimo=1e6 miliardesimo=1e9 bilionesimo=1e12",
        &[],
    );
    add_denoms(
        &mut l.denoms,
        "mezzo=2 mezza=2 mezzi=2 terzi=3 quarti=4 quinti=5 sesti=6 settimi=7 ottavi=8 noni=9 \
         decimi=10 centesimi=100 millesimi=1000 milionesimi=1e6 miliardesimi=1e9 \
         bilionesimi=1e12",
    );
    l.and_words = &["e"];
    l.point_words = &["virgola", "punto"];
    l.minus_words = &["meno", "negativo"];
    l.over_words = &["su"];
    l.half_words = &["mezzo", "mezza"];
    l.one_blockers = &["l", "ogni", "quello", "questo", "nessun", "qualcun"];
    l
}

fn german() -> Lexicon {
    let mut l = empty("de");
    l.compounds = true;
    let w = &mut l.words;
    add(w, "null=0", Class::Zero);
    add(
        w,
        "eins=1 zwei=2 zwo=2 drei=3 vier=4 fünf=5 fuenf=5 sechs=6 sieben=7 acht=8 neun=9",
        Class::Unit,
    );
    add(
        w,
        "zehn=10 elf=11 zwölf=12 zwoelf=12 dreizehn=13 vierzehn=14 fünfzehn=15 fuenfzehn=15 \
         sechzehn=16 siebzehn=17 achtzehn=18 neunzehn=19",
        Class::Teen,
    );
    add(
        w,
        "zwanzig=20 dreißig=30 dreissig=30 vierzig=40 fünfzig=50 fuenfzig=50 sechzig=60 \
         siebzig=70 achtzig=80 neunzig=90",
        Class::Ten,
    );
    add(w, "hundert=100", Class::H100);
    add(
        w,
        "tausend=1e3 million=1e6 millionen=1e6 mio=1e6 milliarde=1e9 milliarden=1e9 mrd=1e9 \
         billion=1e12 billionen=1e12",
        Class::Big,
    );
    add(w, "dutzend=12", Class::Dozen);
    add(w, "ein=1 eine=1", Class::Unit);
    add(w, "einen=1 einem=1 einer=1", Class::Article);
    add(w, "anderthalb=1.5 eineinhalb=1.5", Class::Unit);
    let i = &mut l.inner;
    add(i, "ein=1", Class::Unit);
    add(i, "und=0", Class::Conn);
    add(i, "einhalb=0.5", Class::Half);
    // Ordinals: a stem and an ending ("zweit-er", "dritt-en", "siebenundzwanzigst-e").
    for (stem, value) in [
        ("erst", 1.0),
        ("zweit", 2.0),
        ("dritt", 3.0),
        ("viert", 4.0),
        ("fünft", 5.0),
        ("fuenft", 5.0),
        ("sechst", 6.0),
        ("siebt", 7.0),
        ("siebent", 7.0),
        ("acht", 8.0),
        ("neunt", 9.0),
        ("zehnt", 10.0),
        ("elft", 11.0),
        ("zwölft", 12.0),
        ("zwoelft", 12.0),
        ("dreizehnt", 13.0),
        ("vierzehnt", 14.0),
        ("fünfzehnt", 15.0),
        ("sechzehnt", 16.0),
        ("siebzehnt", 17.0),
        ("achtzehnt", 18.0),
        ("neunzehnt", 19.0),
        ("zwanzigst", 20.0),
        ("dreißigst", 30.0),
        ("dreissigst", 30.0),
        ("vierzigst", 40.0),
        ("fünfzigst", 50.0),
        ("sechzigst", 60.0),
        ("siebzigst", 70.0),
        ("achtzigst", 80.0),
        ("neunzigst", 90.0),
        ("hundertst", 100.0),
        ("tausendst", 1e3),
        ("millionst", 1e6),
        ("milliardst", 1e9),
    ] {
        for ending in ["e", "er", "en", "es", "em"] {
            let class = class_of(value);
            l.ords
                .insert(format!("{stem}{ending}"), Morph { value, class });
        }
    }
    add_denoms(
        &mut l.denoms,
        "drittel=3 viertel=4 fünftel=5 sechstel=6 siebtel=7 achtel=8 neuntel=9 zehntel=10 \
         hundertstel=100 tausendstel=1000 millionstel=1e6",
    );
    add_denoms(
        &mut l.denoms,
        "halb=2 halbe=2 hälfte=2 drittel=3 viertel=4 fünftel=5 zehntel=10",
    );
    l.and_words = &["und"];
    l.point_words = &["komma"];
    l.minus_words = &["minus"];
    l.over_words = &[];
    l.half_words = &["halb", "halbe", "halbes", "halben"];
    l
}

fn dutch() -> Lexicon {
    let mut l = empty("nl");
    l.compounds = true;
    let w = &mut l.words;
    add(w, "nul=0", Class::Zero);
    add(
        w,
        "één=1 eén=1 twee=2 drie=3 vier=4 vijf=5 zes=6 zeven=7 acht=8 negen=9",
        Class::Unit,
    );
    add(
        w,
        "tien=10 elf=11 twaalf=12 dertien=13 veertien=14 vijftien=15 zestien=16 zeventien=17 \
         achttien=18 negentien=19",
        Class::Teen,
    );
    add(
        w,
        "twintig=20 dertig=30 veertig=40 vijftig=50 zestig=60 zeventig=70 tachtig=80 negentig=90",
        Class::Ten,
    );
    add(w, "honderd=100", Class::H100);
    add(
        w,
        "duizend=1e3 miljoen=1e6 miljoenen=1e6 miljard=1e9 miljarden=1e9 biljoen=1e12",
        Class::Big,
    );
    add(w, "dozijn=12", Class::Dozen);
    add(
        w,
        "anderhalf=1.5 anderhalve=1.5 driekwart=0.75",
        Class::Unit,
    );
    add(w, "een=1", Class::Article);
    let i = &mut l.inner;
    add(i, "een=1", Class::Unit);
    add(i, "en=0 ën=0", Class::Conn);
    add_ords(
        &mut l,
        "eerste=1 tweede=2 derde=3 vierde=4 vijfde=5 zesde=6 zevende=7 achtste=8 negende=9 \
         tiende=10 elfde=11 twaalfde=12 twintigste=20 honderdste=100 duizendste=1000",
        &["n"],
    );
    add_denoms(&mut l.denoms, "half=2 helft=2 kwart=4");
    l.and_words = &["en"];
    l.point_words = &["komma"];
    l.minus_words = &["min", "negatief"];
    l.over_words = &[];
    l.half_words = &["half", "halve"];
    l
}

fn russian() -> Lexicon {
    let mut l = empty("ru");
    let w = &mut l.words;
    add(w, "ноль=0 нуль=0", Class::Zero);
    add(
        w,
        "один=1 одна=1 одно=1 одного=1 одной=1 одному=1 два=2 две=2 двух=2 двум=2 три=3 трёх=3 \
         трех=3 трем=3 четыре=4 четырёх=4 четырех=4 пять=5 пяти=5 шесть=6 шести=6 семь=7 \
         семи=7 восемь=8 восьми=8 девять=9 девяти=9",
        Class::Unit,
    );
    add(
        w,
        "десять=10 десяти=10 одиннадцать=11 одиннадцати=11 двенадцать=12 двенадцати=12 \
         тринадцать=13 тринадцати=13 четырнадцать=14 четырнадцати=14 пятнадцать=15 \
         пятнадцати=15 шестнадцать=16 шестнадцати=16 семнадцать=17 семнадцати=17 \
         восемнадцать=18 восемнадцати=18 девятнадцать=19 девятнадцати=19 полтора=1.5",
        Class::Teen,
    );
    add(
        w,
        "двадцать=20 двадцати=20 тридцать=30 тридцати=30 сорок=40 сорока=40 пятьдесят=50 \
         пятидесяти=50 шестьдесят=60 шестидесяти=60 семьдесят=70 семидесяти=70 \
         восемьдесят=80 восьмидесяти=80 девяносто=90 девяноста=90",
        Class::Ten,
    );
    add(
        w,
        "сто=100 ста=100 двести=200 двухсот=200 триста=300 трехсот=300 трёхсот=300 \
         четыреста=400 пятьсот=500 пятисот=500 шестьсот=600 семьсот=700 восемьсот=800 \
         девятьсот=900",
        Class::Hund,
    );
    add(
        w,
        "тысяча=1e3 тысячи=1e3 тысяч=1e3 тысячу=1e3 тысячей=1e3 тыс=1e3 миллион=1e6 \
         миллиона=1e6 миллионов=1e6 млн=1e6 миллиард=1e9 миллиарда=1e9 миллиардов=1e9 \
         млрд=1e9 триллион=1e12 триллиона=1e12 триллионов=1e12 трлн=1e12",
        Class::Big,
    );
    add(w, "дюжина=12 дюжины=12", Class::Dozen);
    add_ords(
        &mut l,
        "первый=1 первая=1 первое=1 второй=2 вторая=2 третий=3 третья=3 четвёртый=4 \
         четвертый=4 пятый=5 шестой=6 седьмой=7 восьмой=8 девятый=9 десятый=10 двадцатый=20 \
         сотый=100 тысячный=1000",
        &[],
    );
    l.and_words = &["и"];
    l.point_words = &["запятая"];
    l.minus_words = &["минус"];
    l.half_words = &["половина"];
    l
}

static LEXICONS: LazyLock<Vec<Lexicon>> = LazyLock::new(|| {
    vec![
        english().finish(),
        french().finish(),
        spanish().finish(),
        portuguese().finish(),
        italian().finish(),
        german().finish(),
        dutch().finish(),
        russian().finish(),
    ]
});

/// The lexicon for an ISO 639-1 code (also accepts English language names); English otherwise.
pub(crate) fn get(lang: &str) -> &'static Lexicon {
    let code = match lang.to_ascii_lowercase().as_str() {
        "fr" | "french" => "fr",
        "es" | "spanish" | "spanishmexican" => "es",
        "pt" | "portuguese" => "pt",
        "it" | "italian" => "it",
        "de" | "german" => "de",
        "nl" | "dutch" => "nl",
        "ru" | "russian" => "ru",
        _ => "en",
    };
    LEXICONS
        .iter()
        .find(|l| l.code == code)
        .unwrap_or(&LEXICONS[0])
}
