//! The built-in word lists: function words, days and months, titles, roles, given names,
//! a small gazetteer of places (with their adjectives), well-known organisations and
//! acronyms, organisation keywords and cue words. All lower-case; built once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A fast hasher for the constant tables (their keys are fixed, so no flooding concern).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

const FX_K: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, b) in chunk.iter().enumerate() {
                v |= (*b as u64) << (i * 8);
            }
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(FX_K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(FX_K);
    }
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(FX_K);
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fx>>;

/// Grammatical gender a name, title or pronoun tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// Kind of a lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LexKind {
    Org,
    Place,
}

fn set(words: &[&'static str]) -> FastSet<&'static str> {
    let mut s = FastSet::default();
    for w in words {
        for x in w.split_whitespace() {
            s.insert(x);
        }
    }
    s
}

/// Function words and other common words that start sentences (all languages merged).
pub(crate) static STOPWORDS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        // en
        "the a an in on at but and or if when while after before this that these those it its \
         he she they we i you there here what who whom whose why how where which some many most \
         all one two three four five according however meanwhile also as for from with by to of \
         since so yet still then now last next not no yes his her their our my your despite during \
         under over about among although though because until unless once both each every either \
         neither other another such more less few several much any none nothing something someone \
         everyone everything nobody somebody anyone asked speaking earlier later today yesterday \
         tomorrow tonight instead indeed perhaps maybe thus hence therefore moreover furthermore \
         nevertheless nonetheless overall finally first second third initially eventually later \
         recently currently again only even just like unlike following amid amidst against \
         within without through throughout beyond above below near behind between into onto \
         upon toward towards do does did is are was were be been being have has had will would \
         can could shall should may might must let please dear read see watch photo \
         source sources highlights update updated breaking live video exclusive analysis opinion \
         comment editorial report i've i'm i'll i'd it's that's there's we're we've you're \
         they're don't can't won't isn't here's what's let's",
        // fr
        "le la les un une des du de d l au aux et ou mais donc or ni car dans sur sous avec sans \
         pour par en à ce cet cette ces il elle ils elles on nous vous je tu lui leur leurs son sa \
         ses mon ma mes notre nos votre vos qui que quoi dont où quand comme si selon depuis pendant \
         après avant alors ainsi aussi encore déjà toujours jamais plus moins très tout tous toute \
         toutes chaque certains certaines plusieurs autre autres même lors entre contre vers chez \
         malgré parmi cependant pourtant enfin puis ensuite lorsque puisque quelque quelques \
         aucun aucune ceci cela ça voici voilà oui non lire voir",
        // de
        "der die das den dem des ein eine einen einem einer eines und oder aber doch sondern denn \
         in im an am auf aus bei mit nach von vom zu zum zur für über unter vor hinter neben \
         zwischen durch gegen ohne um seit während wegen trotz er sie es wir ihr ich du man sein \
         seine seinen seinem seiner ihre ihren ihrem ihrer dies diese dieser dieses diesen jener \
         welche welcher welches wer wie wo wann warum was als wenn ob dass damit weil da so auch \
         noch schon nur nicht kein keine keinen doch dann danach zudem jedoch allerdings laut \
         bereits immer nie hier dort heute gestern morgen alle viele einige mehrere jeder jede \
         jedes beim ins vorher nachdem bevor obwohl sowie sowohl weder indes indessen",
        // es / it / pt
        "el los las lo una unos unas del al y o pero sin sobre entre tras desde hasta hacia según \
         durante mediante contra ante bajo este esta estos estas ese esa esos esas aquel aquella \
         su sus nuestro nuestra él ella ellos ellas nosotros usted quien quienes cuando donde \
         como porque aunque también tampoco ya muy más menos todo todos toda todas cada otro \
         otra otros otras mismo misma además sin embargo il lo gli i uno un' della dello delle \
         degli dei nel nella nei nelle sul sulla con per tra fra che chi cui questo questa questi \
         queste quello quella quelli anche ancora già sempre mai molto più meno tutti tutte ogni \
         altro altra altri secondo dopo prima mentre perché però quindi dunque inoltre os as um \
         uma não sim com sem seu sua seus suas ele eles elas",
        // ru / uk
        "в во на но и а или что это как он она оно они мы я вы ты его ее её их по при для из не \
         после до также однако кроме так когда если все всё с со о об у к ко за от под над между \
         через перед этот эта эти тот та те который которая которые где почему зачем уже еще ещё \
         только даже ни же ли бы то там тут здесь сейчас теперь потом затем поэтому хотя пока \
         согласно",
    ])
});

/// Days and months (all languages), never entities on their own.
pub(crate) static CALENDAR: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs \
         fri sat sun january february march april may june july august september october november \
         december jan feb mar apr jun jul aug sep sept oct nov dec",
        "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin \
         juillet août septembre octobre novembre décembre",
        "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag januar jänner \
         februar märz juni juli oktober dezember",
        "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio \
         julio agosto septiembre setiembre octubre noviembre diciembre lunedì martedì mercoledì \
         giovedì venerdì sabato domenica gennaio febbraio aprile maggio giugno luglio settembre \
         ottobre dicembre",
        "понедельник вторник среда четверг пятница суббота воскресенье январь февраль март \
         апрель май июнь июль август сентябрь октябрь ноябрь декабрь января февраля марта \
         апреля мая июня июля августа сентября октября ноября декабря",
        // other capitalised non-names
        "christmas easter ramadan covid coronavirus internet",
    ])
});

/// Honorifics: part of a person's mention ("Mr Peskov"), with the gender they tell.
pub(crate) static HONORIFICS: LazyLock<FastMap<&'static str, Option<Gender>>> =
    LazyLock::new(|| {
        let mut m = FastMap::default();
        for w in
            "mr mister sir lord herr m monsieur señor sr signor sig don господин г-н".split(' ')
        {
            m.insert(w, Some(Gender::Male));
        }
        for w in "mrs ms miss madam dame lady frau mme mlle madame mademoiselle señora sra \
                  señorita signora sig.ra donna госпожа г-жа"
            .split_whitespace()
        {
            m.insert(w, Some(Gender::Female));
        }
        for w in "dr prof professor doktor dott rev reverend sheikh imam rabbi rep sen gov gen \
                  col lt sgt capt adm maj pres insp supt cmdr brig"
            .split_whitespace()
        {
            m.insert(w, None);
        }
        m
    });

/// Abbreviations followed by a full stop that do not end a sentence.
pub(crate) static ABBREVIATIONS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "mr mrs ms dr prof st gen col lt sgt capt cpt maj adm sen rep gov pres m mme mlle sr \
          sra jr hr fr dott sig ing mag rev gov insp supt cmdr brig no vs",
    ])
});

/// A role: its canonical head, the key modifiers it carries and its gender if marked.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Role {
    pub head: &'static str,
    pub gender: Option<Gender>,
    /// A title that goes before a name in capitals ("President Putin") and marks a person.
    pub title: bool,
}

/// Role heads in every language: surface (lower case) → role.
pub(crate) static ROLES: LazyLock<FastMap<&'static str, Role>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    // (surfaces, head, gender, title)
    let table: &[(&str, &str, Option<Gender>, bool)] = &[
        ("spokesman", "spokesperson", Some(Gender::Male), false),
        ("spokeswoman", "spokesperson", Some(Gender::Female), false),
        (
            "spokesperson porte-parole portavoz portavoce пресс-секретарь",
            "spokesperson",
            None,
            false,
        ),
        ("sprecher", "spokesperson", Some(Gender::Male), false),
        ("sprecherin", "spokesperson", Some(Gender::Female), false),
        (
            "president président presidente президент",
            "president",
            None,
            true,
        ),
        ("präsident", "president", Some(Gender::Male), true),
        (
            "présidente präsidentin presidenta",
            "president",
            Some(Gender::Female),
            true,
        ),
        ("leader dirigeant líder лидер", "leader", None, false),
        ("dirigeante", "leader", Some(Gender::Female), false),
        ("chief chef jefe capo", "chief", None, false),
        ("cheffe chefin jefa", "chief", Some(Gender::Female), false),
        ("head leiter глава руководитель", "head", None, false),
        ("leiterin", "head", Some(Gender::Female), false),
        (
            "founder co-founder fondateur gründer fundador fondatore основатель",
            "founder",
            None,
            false,
        ),
        (
            "fondatrice gründerin fundadora",
            "founder",
            Some(Gender::Female),
            false,
        ),
        (
            "director directeur direktor direttore директор",
            "director",
            None,
            false,
        ),
        (
            "directrice direktorin directora direttrice",
            "director",
            Some(Gender::Female),
            false,
        ),
        ("minister ministre ministro министр", "minister", None, true),
        (
            "ministerin ministra",
            "minister",
            Some(Gender::Female),
            true,
        ),
        ("premier", "prime minister", None, true),
        (
            "chancellor chancelier kanzler canciller cancelliere канцлер",
            "chancellor",
            None,
            true,
        ),
        (
            "chancelière kanzlerin",
            "chancellor",
            Some(Gender::Female),
            true,
        ),
        (
            "secretary secrétaire sekretär secretario segretario секретарь",
            "secretary",
            None,
            true,
        ),
        (
            "ambassador ambassadeur botschafter embajador ambasciatore посол",
            "ambassador",
            None,
            true,
        ),
        (
            "envoy émissaire gesandter enviado inviato",
            "envoy",
            None,
            false,
        ),
        (
            "commander commandant kommandeur comandante командующий командир",
            "commander",
            None,
            true,
        ),
        ("general général generale генерал", "general", None, true),
        (
            "governor gouverneur gobernador governatore губернатор",
            "governor",
            None,
            true,
        ),
        (
            "mayor maire bürgermeister alcalde sindaco мэр",
            "mayor",
            None,
            true,
        ),
        (
            "bürgermeisterin alcaldesa",
            "mayor",
            Some(Gender::Female),
            true,
        ),
        (
            "senator sénateur senador senatore сенатор",
            "senator",
            None,
            true,
        ),
        (
            "lawyer attorney avocat anwalt abogado avvocato адвокат",
            "lawyer",
            None,
            false,
        ),
        (
            "avocate anwältin abogada avvocata",
            "lawyer",
            Some(Gender::Female),
            false,
        ),
        (
            "prosecutor procureur staatsanwalt fiscal procuratore прокурор",
            "prosecutor",
            None,
            false,
        ),
        ("judge juge richter juez giudice судья", "judge", None, true),
        (
            "adviser advisor conseiller berater asesor consigliere советник",
            "adviser",
            None,
            false,
        ),
        (
            "conseillère beraterin asesora",
            "adviser",
            Some(Gender::Female),
            false,
        ),
        ("aide", "aide", None, false),
        ("chairman", "chair", Some(Gender::Male), true),
        ("chairwoman", "chair", Some(Gender::Female), true),
        (
            "chair vorsitzender vorsitzende председатель",
            "chair",
            None,
            false,
        ),
        ("speaker", "speaker", None, true),
        ("justice", "judge", None, true),
        (
            "representative congressman congresswoman",
            "representative",
            None,
            true,
        ),
        ("ceo pdg", "ceo", None, false),
        ("boss patron", "boss", None, false),
        ("editor rédacteur", "editor", None, false),
        (
            "king roi könig rey re король",
            "king",
            Some(Gender::Male),
            true,
        ),
        (
            "queen reine königin reina regina королева",
            "queen",
            Some(Gender::Female),
            true,
        ),
        ("pope pape papst papa", "pope", Some(Gender::Male), true),
        (
            "prince prinz príncipe principe принц",
            "prince",
            Some(Gender::Male),
            true,
        ),
        (
            "princess princesse prinzessin princesa principessa",
            "princess",
            Some(Gender::Female),
            true,
        ),
        (
            "patriarch patriarche патриарх",
            "patriarch",
            Some(Gender::Male),
            true,
        ),
        (
            "journalist journaliste journalistin periodista giornalista журналист",
            "journalist",
            None,
            false,
        ),
        (
            "activist militant aktivist activista attivista активист",
            "activist",
            None,
            false,
        ),
        (
            "coach trainer entrenador allenatore тренер",
            "coach",
            None,
            false,
        ),
        (
            "captain capitaine kapitän capitán capitano капитан",
            "captain",
            None,
            true,
        ),
        (
            "colonel colonel oberst coronel colonnello полковник",
            "colonel",
            None,
            true,
        ),
        (
            "sergeant sergent sergeant sargento sergente сержант",
            "sergeant",
            None,
            true,
        ),
    ];
    for (surfaces, head, gender, title) in table {
        for s in surfaces.split_whitespace() {
            m.entry(s).or_insert(Role {
                head,
                gender: *gender,
                title: *title,
            });
        }
    }
    m
});

/// German compound endings that are roles ("Kremlsprecher", "Außenminister").
pub(crate) const DE_ROLE_SUFFIXES: &[&str] = &[
    "sprecherin",
    "sprecher",
    "präsidentin",
    "präsident",
    "ministerin",
    "minister",
    "kanzlerin",
    "kanzler",
    "chefin",
    "chef",
    "leiterin",
    "leiter",
    "botschafter",
    "vorsitzende",
    "vorsitzender",
    "bürgermeister",
];

/// Modifiers that are part of a role's identity ("foreign minister" ≠ "defence minister").
pub(crate) static ROLE_KEY_MODIFIERS: LazyLock<FastMap<&'static str, &'static str>> =
    LazyLock::new(|| {
        let mut m = FastMap::default();
        for (a, b) in [
            ("foreign", "foreign"),
            ("defence", "defence"),
            ("defense", "defence"),
            ("interior", "interior"),
            ("home", "interior"),
            ("finance", "finance"),
            ("prime", "prime"),
            ("premier", "prime"),
            ("primer", "prime"),
            ("vice", "vice"),
            ("deputy", "deputy"),
            ("press", "press"),
            ("former", "former"),
            ("ex", "former"),
            ("ancien", "former"),
            ("ancienne", "former"),
            ("ehemalige", "former"),
            ("ehemaliger", "former"),
            ("ehemaligen", "former"),
            ("expresidente", "former"),
            ("бывший", "former"),
            ("justice", "justice"),
            ("health", "health"),
            ("economy", "economy"),
            ("attorney", "attorney"),
            ("außen", "foreign"),
            ("verteidigungs", "defence"),
            ("innen", "interior"),
            ("finanz", "finance"),
            ("vize", "vice"),
            ("stellvertretende", "deputy"),
            ("stellvertretender", "deputy"),
            ("adjoint", "deputy"),
            ("adjointe", "deputy"),
        ] {
            m.insert(a, b);
        }
        m
    });

/// Modifiers a role phrase may carry without changing the role.
pub(crate) static ROLE_SKIP_MODIFIERS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "top senior acting new current longtime long-time then exiled veteran powerful \
          influential outspoken prominent chief official main general russian-installed \
          kremlin-backed self-proclaimed interim embattled jailed imprisoned late \
          nouveau nouvelle actuel actuelle neue neuer neuen amtierende amtierender",
    ])
});

/// Determiners that make a role definite ("the spokesman", "le porte-parole").
pub(crate) static DEFINITE: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| set(&["the le la l les der die des dem den el il lo"]));

/// Indefinite determiners (appositions "X, a 45-year-old prisoner").
pub(crate) static INDEFINITE: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| set(&["a an un une ein eine einer einem uno una"]));

/// "of" in the languages: links a role to its owner ("the head of Wagner").
pub(crate) static OF: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| set(&["of for at du de des d der des del della dello degli dei di"]));

/// Given names with their gender (None when used for both).
pub(crate) static GIVEN_NAMES: LazyLock<FastMap<&'static str, Option<Gender>>> =
    LazyLock::new(|| {
        let male = "james john robert michael william david richard joseph thomas charles \
            christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth \
            kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric \
            jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank \
            patrick raymond jack dennis jerry tyler aaron adam nathan henry douglas zachary \
            peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry \
            sean austin arthur lawrence jesse dylan bryan joe bruce albert gabriel logan alan \
            wayne roy ralph randy eugene vincent russell louis bobby philip johnny boris keir \
            rishi tony gordon nigel hugh liam oliver harry jim tom bill mike bob ted barack \
            bernie mitch chuck ron marco rudy lloyd antony jens jake ben sam dan nick steve \
            chris matt jon josh greg jeff rob andy pete simon ian neil graham colin martin \
            jeremy rex elon jared hunter jimmy ronald dwight lyndon gavin rupert \
            dmitry dmitri dmitriy dmytro vladimir volodymyr wladimir yevgeny yevgeniy evgeny \
            evgeni evgueni ievgueni jewgeni sergei sergey serhiy sergej serguei alexei alexey \
            aleksei oleksiy oleksii alexej alekseï oleksandr aleksandr alexandre mikhail mykhailo \
            michail mikhaïl andrei andriy andrey andrej andreï vladislav wladislaw viktor victor \
            yuri yury yuriy juri iouri ivan igor ihor nikolai nikolay mykola pavel pavlo maxim \
            maksim maksym anatoly anatoliy arkady gennady grigory konstantin leonid oleg pyotr \
            petro ruslan stanislav valery valeriy vasily vitaly vitali vitaliy vyacheslav \
            yaroslav denis kirill artem artyom anton ilya mikheil ramzan alexandr ales aliaksandr \
            sviatoslav bohdan taras vadim valentin yegor fyodor fedor arseniy arseny petr \
            jean pierre michel andré philippe alain jacques bernard nicolas christophe françois \
            laurent éric emmanuel olivier thierry gérard stéphane sébastien julien guillaume \
            antoine jérôme didier marc benoît édouard bruno xavier yannick lionel gérald \
            jean-luc jean-marie jean-pierre jean-yves jean-michel jean-noël jean-claude \
            jordan-bardella gabriel raphaël mathieu fabien cédric arnaud hervé \
            hans klaus jürgen wolfgang dieter helmut gerhard uwe günter werner horst manfred \
            heinz karl friedrich heinrich stefan andreas markus thomas jörg matthias olaf armin \
            lars hubertus joachim frank-walter winfried hendrik cem volker norbert felix lukas \
            jonas leon maximilian christoph florian tobias sebastian alexander hubert \
            josé juan carlos luis antonio manuel francisco javier pedro miguel alejandro \
            fernando jorge ricardo pablo sergio andrés diego gustavo alberto raúl emilio felipe \
            mariano alfonso iñigo nicolás gonzalo giuseppe giovanni mario luigi matteo giorgio \
            silvio enrico paolo francesco alessandro roberto stefano massimo luca lorenzo \
            mohammed muhammad mohamed mohammad ahmed ahmad ali hassan hussein omar abdullah \
            abdul ibrahim khalid mahmoud mustafa youssef yusuf hamza bashar recep tayyip ahmet \
            mehmet yahya ismail ismail yair naftali isaac ehud benny avigdor itamar bezalel \
            narendra rahul imran nawaz shehbaz jinping xi vladimír andrzej mateusz donald \
            lech viktor péter kyriakos alexis recep ilham nikol aleksandar \
            владимир дмитрий сергей алексей александр михаил андрей евгений юрий иван игорь \
            николай павел максим олег борис владислав виктор рамзан \
            henrik hugo davide karim nuno joaquim patrice anders erik johan nils mikael jan \
            piotr tomasz rafael joão rui tiago duarte afonso gonçalo sérgio vítor marcelo \
            henri rémi théo jules emil jakob moritz niklas fabian till jannik marcel dirk \
            ralf rainer bernd holger reinhard pieter jaap mats magnus";
        let female = "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen \
            lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda \
            dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela \
            shirley anna brenda pamela emma nicole helen samantha katherine christine debra \
            rachel carolyn janet catherine heather diane ruth julie olivia joyce virginia \
            victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah \
            jacqueline martha gloria teresa ann sara madison frances kathryn janice abigail \
            alice judy sophia grace denise amber doris marilyn danielle beverly isabella \
            theresa diana natalie charlotte marie kayla alexis lori jane liz kate ursula \
            annalena giorgia marine ségolène hillary penny priti suella kemi yvette kamala \
            nikki tulsi ilhan alexandria liz theresa jacinda sanna kaja \
            olga olha natalia natalya nataliya yulia yuliya julia elena yelena olena irina \
            iryna tatiana tatyana tetiana svetlana sviatlana maria ekaterina yekaterina \
            anastasia ksenia kseniya lyudmila ludmila larisa marina valentina vera nadezhda \
            galina oksana daria darya alina sofia sofiya viktoria viktoriya alla inna zoya \
            alexandra alexandrea margarita yana evgenia yevgenia maria-zakharova \
            élisabeth nathalie isabelle sylvie françoise valérie sandrine sophie céline aurélie \
            anne hélène agnès brigitte élise amélie claire camille manon chloé juliette \
            mathilde rachida najat aurore clémentine valérie \
            sabine petra monika renate gabriele katrin claudia birgit susanne kerstin ricarda \
            svenja franziska anke ute heike silke karin ilse greta hanna lena lea jana \
            isabel carmen dolores pilar ana lucía cristina marta begoña irene yolanda nadia \
            giulia chiara francesca federica alessandra simona elly \
            fatima aisha leila layla noura emine \
            ольга наталья юлия елена ирина татьяна светлана анна мария екатерина анастасия \
            lidia lídia helena joana inês beatriz mariana catarina rita paula sofia alessia \
            martina ginevra beatrice paola roberta leonie emilia johanna clara nina mara \
            ingrid astrid annika maja linnea elin";
        let mut m = FastMap::default();
        for w in male.split_whitespace() {
            m.insert(w, Some(Gender::Male));
        }
        for w in female.split_whitespace() {
            if m.contains_key(w) {
                m.insert(w, None);
            } else {
                m.insert(w, Some(Gender::Female));
            }
        }
        m
    });

/// Surnames of people often in the news: a single one is a person without other cues.
pub(crate) static KNOWN_PERSONS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "putin poutine путин zelensky zelenskyy zelenskiy zelenski selenskyj зеленский \
          зеленський biden trump macron scholz merkel sunak starmer modi erdogan erdoğan \
          netanyahu lavrov лавров peskov peskow песков shoigu schoigu шойгу prigozhin \
          prigojine prigoschin пригожин navalny navalni nawalny навальный lukashenko \
          loukachenko lukaschenko лукашенко medvedev medwedew медведев kadyrov kadyrow \
          кадыров blinken stoltenberg guterres orbán orban meloni obama clinton musk \
          zakharova zakharova sacharowa захарова gerasimov герасимов surovikin кириенко \
          kiriyenko podolyak podoliak yermak kuleba zaluzhny syrskyi budanov",
    ])
});

/// Organisation keywords: a name containing one is an organisation.
pub(crate) static ORG_KEYWORDS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "ministry department party group inc ltd llc plc corp corporation company agency council \
         court army forces parliament university college institute bank union committee \
         commission service services guard foundation federation league church news times post \
         journal herald telegraph tribune gazette radio tv television network airlines airways \
         motors holdings industries technologies fund association organisation organization \
         alliance coalition movement front brigade battalion regiment navy fleet assembly senate \
         congress duma authority board bureau museum hospital academy club fc watch \
         international pmc police office centre center cabinet government systems labs \
         press broadcasting media institution partners energy healthcare strategies forum",
        "ministère parti groupe agence conseil cour tribunal armée assemblée sénat université \
         banque société fondation association commission comité gouvernement mouvement brigade \
         régiment sa sas sarl institut union fédération ligue église",
        "gmbh ag kg se partei ministerium bundestag bundesrat bundeswehr regierung gericht \
         universität stiftung konzern gruppe verband verein kommission rat armee behörde amt \
         zeitung bund hydro energie werke holding pharma chemie solar",
        "ministerio partido gobierno ejército universidad banco grupo fundación comisión consejo \
         agencia asamblea congreso senado policía ministero partito governo esercito tribunale \
         università banca gruppo spa fondazione commissione consiglio agenzia",
        "министерство партия правительство армия суд университет банк группа компания служба \
         агентство совет комитет фонд",
    ])
});

/// Words that end place names ("Pacific Ocean", "Wall Street", "Kaneohe Bay").
pub(crate) static PLACE_KEYWORDS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "ocean sea bay river lake mountains island islands street avenue square hill valley \
          desert peninsula strait gulf canal county province atoll coast mall",
    ])
});

/// Party and similar descriptors written before a name ("Republican Donald Trump").
pub(crate) static PERSON_DESCRIPTORS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "republican democrat democratic conservative labour liberal socialist independent \
          tory gop",
    ])
});

/// German compound endings of organisations ("Verteidigungsministerium").
pub(crate) const DE_ORG_SUFFIXES: &[&str] = &[
    "ministerium",
    "partei",
    "konzern",
    "verband",
    "behörde",
    "zeitung",
    "werke",
    "bank",
    "versicherung",
    "gesellschaft",
];

/// Heads after which "of"/"de" continues a name ("Ministry of Defence", "Banque de France").
pub(crate) static OF_HEADS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "ministry department university bank council court republic kingdom union institute \
          office committee commission gulf bay sea isle isles strait province state states city \
          federation party league church museum school college academy agency organisation \
          organization association chamber house board tribunal minister secretary \
          ministère banque cour conseil république université assemblée tribunal institut \
          ministerio banco república universidad tribunal ministero banca repubblica \
          università bank museum",
    ])
});

/// Particles inside personal names ("Charles de Gaulle", "Ursula von der Leyen").
pub(crate) static NAME_PARTICLES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "de du da das do dos del della di van von bin ibn ben al el abu abd zu le la der den ter ten",
    ])
});

/// Words after a name that make it a place ("the Rostov region").
pub(crate) static PLACE_NOUNS_AFTER: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "region province oblast city county district state republic valley river mountains \
          peninsula island islands town village area border region's krai territory \
          région ville province département region stadt gebiet область край район город",
    ])
});

/// Words before a name (with "de"/"of") that make it a place ("la ville de Lyon").
pub(crate) static PLACE_NOUNS_BEFORE: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "city town village region province ville région village commune province ciudad \
          región città regione provincia город области",
    ])
});

/// Verbs of saying (a name before or after one is a person).
pub(crate) static SPEECH_VERBS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "said says told added stated explained wrote noted insisted argued warned asked replied \
         claimed declared stressed admitted recalled acknowledged confirmed denied urged \
         announced tweeted continued complained suggested believes thinks insists argues warns \
         tells adds explains notes writes",
        "déclare affirme explique ajoute estime souligne assure précise indique raconte rappelle \
         dit déclaré affirmé expliqué ajouté estimé souligné assuré précisé indiqué raconté \
         confié confie",
        "sagte sagt erklärte erklärt betonte betont meinte meint schrieb schreibt warnte warnt \
         forderte fordert berichtete berichtet",
        "dijo afirmó declaró señaló explicó aseguró añadió indicó dice afirma detto dichiarato \
         affermato spiega ha",
        "сказал сказала заявил заявила отметил отметила добавил добавила сообщил сообщила \
         пояснил пояснила подчеркнул подчеркнула",
    ])
});

/// Human nouns (singular): an unnamed person between a name and a pronoun blocks resolution.
pub(crate) static HUMAN_NOUNS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "man woman boy girl prisoner inmate convict soldier officer official resident witness \
         source mother father son daughter brother sister wife husband friend doctor teacher \
         student victim survivor fighter recruit veteran relative neighbour neighbor driver \
         worker farmer nurse patient child person detainee volunteer mercenary guard pilot \
         analyst expert researcher diplomat",
        "homme femme prisonnier détenu soldat responsable habitant témoin mère père fils fille \
         frère sœur ami amie médecin victime combattant",
        "mann häftling soldat gefangene gefangener zeuge mutter vater sohn tochter bruder \
         schwester",
    ])
});

/// Acronyms in capitals that are not names.
pub(crate) static NOT_ACRONYMS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    set(&[
        "i a ok tv ceo cfo coo cto gdp ai pm am id dna hiv aids covid sars lgbt lgbtq lgbtqi \
          vat cpi ipo usd eur rub gbp jpy chf cny uah utc gmt cet cest est edt pst bst pdf url \
          http https sms gps suv atm vip faq diy pr hr it cv mp mps ngo ngos pow pows phd usb \
          led co2 ram cpu gpu app api nb ps rip sos eta ufo ak rpg himars atacms icbm uav uavs \
          mlrs ii iii iv vi vii viii ix xi xii xiii xiv xv xx xxi new breaking update live watch \
          exclusive video photos photo read more news op ed oped km kg mph tnt et q pc \
          ok faq dr mr mrs st jr sr ltd inc co",
    ])
});

/// Known organisations and places by surface (lower case, tokens joined by a space):
/// surface → (group id, kind). The group id joins variants ("us", "united states").
pub(crate) static KNOWN: LazyLock<FastMap<String, (&'static str, LexKind)>> = LazyLock::new(|| {
    let mut m: FastMap<String, (&'static str, LexKind)> = FastMap::default();
    let orgs: &[&str] = &[
        "Kremlin|kremlin;кремль;kreml",
        "Pentagon|pentagon;пентагон",
        "White House|white house;maison blanche;weißes haus;casa blanca;casa bianca;белый дом",
        "Wagner|wagner;wagner group;groupe wagner;wagner-gruppe;gruppe wagner;grupo wagner;вагнер;чвк вагнер;pmc wagner",
        "NATO|nato;otan;нато",
        "United Nations|united nations;un;u.n.;onu;uno;оон;nations unies;vereinte nationen;naciones unidas;nazioni unite",
        "European Union|european union;eu;ue;union européenne;europäische union;unión europea;unione europea;ес;евросоюз",
        "European Commission|european commission;commission européenne;europäische kommission;comisión europea;commissione europea",
        "Hamas|hamas;хамас",
        "Hezbollah|hezbollah;hisbollah;hizbollah;хезболла",
        "Taliban|taliban;талибан",
        "Islamic State|islamic state;isis;isil;daesh;état islamique;islamischer staat",
        "Al-Qaeda|al-qaeda;al qaeda;al-qaïda;al-kaida",
        "Red Cross|red cross;croix-rouge;rotes kreuz;cruz roja;croce rossa;красный крест;icrc",
        "FSB|fsb;фсб",
        "KGB|kgb;кгб",
        "GRU|gru;гру",
        "CIA|cia;цру",
        "FBI|fbi;фбр",
        "CNN|cnn",
        "BBC|bbc;би-би-си",
        "Reuters|reuters;рейтер",
        "AFP|afp",
        "Associated Press|associated press;ap",
        "TASS|tass;тасс",
        "RIA Novosti|ria novosti;риа новости",
        "Interfax|interfax;интерфакс",
        "Al Jazeera|al jazeera;al-jazeera",
        "Meduza|meduza;медуза",
        "Memorial|memorial;мемориал",
        "Amnesty International|amnesty international",
        "Human Rights Watch|human rights watch;hrw",
        "Gazprom|gazprom;газпром",
        "Rosneft|rosneft;роснефть",
        "Google|google",
        "Apple|apple",
        "Microsoft|microsoft",
        "Meta|meta",
        "Facebook|facebook",
        "Telegram|telegram",
        "Bundestag|bundestag;бундестаг",
        "Bundeswehr|bundeswehr",
        "Élysée|élysée;elysée;elysee",
        "State Duma|state duma;duma;douma;госдума;государственная дума",
        "IMF|imf;fmi;iwf;мвф",
        "World Bank|world bank;banque mondiale;weltbank;banco mundial;banca mondiale",
        "WHO|who;oms;воз",
        "OSCE|osce;osze;обсе",
        "ICC|icc;cpi",
        "IAEA|iaea;aiea;magatE;магатэ",
        "OPEC|opec;opep",
        "G7|g7",
        "G20|g20",
        "UNESCO|unesco",
        "UNICEF|unicef",
        "Rosgvardia|rosgvardia;росгвардия",
        "Gulagu.net|gulagu.net",
        "Russia Behind Bars|russia behind bars;rus sidyashchaya;руси сидящая",
    ];
    for line in orgs {
        add_known(&mut m, line, LexKind::Org);
    }
    for line in PLACES {
        add_known(&mut m, line, LexKind::Place);
    }
    m
});

fn add_known(m: &mut FastMap<String, (&'static str, LexKind)>, line: &'static str, kind: LexKind) {
    let Some((id, variants)) = line.split_once('|') else {
        return;
    };
    for v in variants.split(';') {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        let key: Vec<String> = v
            .to_lowercase()
            .split(' ')
            .map(|t| norm_token(t).to_string())
            .collect();
        m.entry(key.join(" ")).or_insert((id, kind));
    }
}

/// True for a word in Cyrillic script.
pub(crate) fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// A lower-case token as used in keys: Cyrillic words lose their case endings.
pub(crate) fn norm_token(lower: &str) -> &str {
    if is_cyrillic(lower) {
        cyrillic_stem(lower)
    } else {
        lower
    }
}

static GIVEN_STEMS: LazyLock<FastMap<String, Option<Gender>>> = LazyLock::new(|| {
    GIVEN_NAMES
        .iter()
        .filter(|(k, _)| is_cyrillic(k))
        .map(|(k, g)| (cyrillic_stem(k).to_string(), *g))
        .collect()
});

/// Is `lower` a given name, and of which gender (inflected Cyrillic forms included)?
pub(crate) fn given_name(lower: &str) -> Option<Option<Gender>> {
    if let Some(g) = GIVEN_NAMES.get(lower) {
        return Some(*g);
    }
    if is_cyrillic(lower) {
        return GIVEN_STEMS.get(cyrillic_stem(lower)).copied();
    }
    // "Jean-Pierre": the first part
    if let Some((first, _)) = lower.split_once('-')
        && let Some(g) = GIVEN_NAMES.get(first)
    {
        return Some(*g);
    }
    None
}

/// Places: "Canonical|variant;variant;…" (en, fr, de, es, it, ru).
const PLACES: &[&str] = &[
    "Russia|russia;russian federation;russie;russland;rusia;россия;российская федерация;росія",
    "Ukraine|ukraine;ucrania;ucraina;украина;україна",
    "United States|united states;united states of america;us;u.s.;usa;u.s.a.;états-unis;etats-unis;vereinigte staaten;estados unidos;stati uniti;сша;соединенные штаты;america;amerika",
    "United Kingdom|united kingdom;uk;u.k.;britain;great britain;royaume-uni;grande-bretagne;großbritannien;vereinigtes königreich;reino unido;regno unito;великобритания;британия",
    "France|france;frankreich;francia;франция",
    "Germany|germany;allemagne;deutschland;alemania;germania;германия",
    "China|china;chine;cina;китай",
    "Japan|japan;japon;japón;giappone;япония",
    "India|india;inde;indien;индия",
    "Italy|italy;italie;italien;italia;италия",
    "Spain|spain;espagne;spanien;españa;spagna;испания",
    "Poland|poland;pologne;polen;polonia;польша",
    "Belarus|belarus;biélorussie;bélarus;weißrussland;bielorrusia;bielorussia;беларусь;белоруссия",
    "Moldova|moldova;moldavie;moldau;moldavia;молдавия;молдова",
    "Georgia|georgia;géorgie;georgien;грузия",
    "Armenia|armenia;arménie;armenien;армения",
    "Azerbaijan|azerbaijan;azerbaïdjan;aserbaidschan;azerbaiyán;azerbaigian;азербайджан",
    "Kazakhstan|kazakhstan;kasachstan;kazajistán;kazakistan;казахстан",
    "Uzbekistan|uzbekistan;ouzbékistan;usbekistan;uzbekistán;узбекистан",
    "Tajikistan|tajikistan;tadjikistan;tadschikistan;таджикистан",
    "Kyrgyzstan|kyrgyzstan;kirghizistan;kirgisistan;киргизия;кыргызстан",
    "Turkmenistan|turkmenistan;туркмения",
    "Turkey|turkey;türkiye;turquie;türkei;turquía;turchia;турция",
    "Iran|iran;irán;иран",
    "Iraq|iraq;irak;ирак",
    "Syria|syria;syrie;syrien;siria;сирия",
    "Israel|israel;israël;israele;израиль",
    "Palestine|palestine;palästina;palestina;палестина",
    "Gaza|gaza;gaza strip;bande de gaza;gazastreifen;franja de gaza;striscia di gaza;газа;сектор газа",
    "West Bank|west bank;cisjordanie;westjordanland;cisjordania;cisgiordania",
    "Lebanon|lebanon;liban;libanon;líbano;libano;ливан",
    "Jordan|jordan;jordanie;jordanien;jordania;giordania;иордания",
    "Egypt|egypt;égypte;ägypten;egipto;egitto;египет",
    "Saudi Arabia|saudi arabia;arabie saoudite;saudi-arabien;arabia saudita;arabia saudí;саудовская аравия",
    "Qatar|qatar;katar;катар",
    "United Arab Emirates|united arab emirates;uae;émirats arabes unis;vereinigte arabische emirate;emiratos árabes unidos;оаэ",
    "Yemen|yemen;yémen;jemen;йемен",
    "Afghanistan|afghanistan;afganistán;afghanistan;афганистан",
    "Pakistan|pakistan;pakistán;пакистан",
    "Bangladesh|bangladesh;bangladesch",
    "North Korea|north korea;corée du nord;nordkorea;corea del norte;corea del nord;кндр;северная корея",
    "South Korea|south korea;corée du sud;südkorea;corea del sur;corea del sud;южная корея",
    "Taiwan|taiwan;taïwan;taiwán;тайвань",
    "Vietnam|vietnam;viêt nam;вьетнам",
    "Thailand|thailand;thaïlande;tailandia;thailandia;таиланд",
    "Indonesia|indonesia;indonésie;indonesien;индонезия",
    "Philippines|philippines;philippinen;filipinas;filippine;филиппины",
    "Myanmar|myanmar;birmanie;burma;мьянма",
    "Australia|australia;australie;australien;австралия",
    "New Zealand|new zealand;nouvelle-zélande;neuseeland;nueva zelanda;nuova zelanda",
    "Canada|canada;kanada;canadá;канада",
    "Mexico|mexico;mexique;mexiko;méxico;messico;мексика",
    "Brazil|brazil;brésil;brasilien;brasil;brasile;бразилия",
    "Argentina|argentina;argentine;argentinien;аргентина",
    "Chile|chile;chili;чили",
    "Colombia|colombia;colombie;kolumbien;колумбия",
    "Venezuela|venezuela;венесуэла",
    "Cuba|cuba;kuba;куба",
    "Peru|peru;pérou;perú",
    "South Africa|south africa;afrique du sud;südafrika;sudáfrica;sudafrica;юар",
    "Nigeria|nigeria;nigéria;нигерия",
    "Kenya|kenya;kenia;кения",
    "Ethiopia|ethiopia;éthiopie;äthiopien;etiopía;etiopia;эфиопия",
    "Sudan|sudan;soudan;sudán;судан",
    "Libya|libya;libye;libyen;libia;ливия",
    "Algeria|algeria;algérie;algerien;argelia;алжир",
    "Morocco|morocco;maroc;marokko;marruecos;marocco;марокко",
    "Tunisia|tunisia;tunisie;tunesien;túnez;тунис",
    "Mali|mali;мали",
    "Niger|niger;нигер",
    "Somalia|somalia;somalie;сомали",
    "Congo|congo;kongo;dr congo;drc;rdc;демократическая республика конго",
    "Rwanda|rwanda;ruanda",
    "Greece|greece;grèce;griechenland;grecia;греция",
    "Cyprus|cyprus;chypre;zypern;chipre;cipro;кипр",
    "Bulgaria|bulgaria;bulgarie;bulgarien;болгария",
    "Romania|romania;roumanie;rumänien;rumania;румыния",
    "Hungary|hungary;hongrie;ungarn;hungría;ungheria;венгрия",
    "Serbia|serbia;serbie;serbien;сербия",
    "Croatia|croatia;croatie;kroatien;croacia;croazia;хорватия",
    "Bosnia|bosnia;bosnia and herzegovina;bosnie;bosnien;босния",
    "Kosovo|kosovo;kosova;косово",
    "Albania|albania;albanie;albanien;албания",
    "Slovakia|slovakia;slovaquie;slowakei;eslovaquia;slovacchia;словакия",
    "Slovenia|slovenia;slovénie;slowenien;eslovenia;словения",
    "Czech Republic|czech republic;czechia;république tchèque;tchéquie;tschechien;república checa;repubblica ceca;чехия",
    "Austria|austria;autriche;österreich;австрия",
    "Switzerland|switzerland;suisse;schweiz;suiza;svizzera;швейцария",
    "Belgium|belgium;belgique;belgien;bélgica;belgio;бельгия",
    "Netherlands|netherlands;the netherlands;holland;pays-bas;niederlande;países bajos;paesi bassi;нидерланды",
    "Luxembourg|luxembourg;luxemburg;luxemburgo;lussemburgo",
    "Denmark|denmark;danemark;dänemark;dinamarca;danimarca;дания",
    "Norway|norway;norvège;norwegen;noruega;norvegia;норвегия",
    "Sweden|sweden;suède;schweden;suecia;svezia;швеция",
    "Finland|finland;finlande;finnland;finlandia;финляндия",
    "Estonia|estonia;estonie;estland;эстония",
    "Latvia|latvia;lettonie;lettland;letonia;lettonia;латвия",
    "Lithuania|lithuania;lituanie;litauen;lituania;литва",
    "Iceland|iceland;islande;island;islandia;исландия",
    "Ireland|ireland;irlande;irland;irlanda;ирландия",
    "Portugal|portugal;portogallo;португалия",
    "Serbia|serbia",
    "Mongolia|mongolia;mongolie;mongolei;монголия",
    "Singapore|singapore;singapour;singapur;сингапур",
    "Europe|europe;europa;европа",
    "Africa|africa;afrique;afrika;африка",
    "Asia|asia;asie;asien;азия",
    "Middle East|middle east;moyen-orient;nahost;naher osten;oriente medio;medio oriente;ближний восток",
    "Latin America|latin america;amérique latine;lateinamerika;américa latina;america latina",
    "Balkans|balkans;balkan;balcanes;balcani;балканы",
    "Black Sea|black sea;mer noire;schwarzes meer;mar negro;mar nero;черное море;чёрное море",
    "Baltic Sea|baltic sea;baltic;mer baltique;ostsee;mar báltico;балтийское море",
    "Mediterranean|mediterranean;méditerranée;mittelmeer;mediterráneo;mediterraneo",
    "Arctic|arctic;arctique;arktis;ártico;artico;арктика",
    "Siberia|siberia;sibérie;sibirien;сибирь",
    "Crimea|crimea;crimée;krim;crimea;крым",
    "Donbas|donbas;donbass;донбасс",
    "Chechnya|chechnya;tchétchénie;tschetschenien;chechenia;cecenia;чечня",
    "Dagestan|dagestan;daghestan;дагестан",
    "Mordovia|mordovia;mordovie;mordwinien;мордовия",
    "Transnistria|transnistria;transnistrie;transnistrien;приднестровье",
    "Nagorno-Karabakh|nagorno-karabakh;haut-karabakh;bergkarabach;нагорный карабах;karabakh",
    "Abkhazia|abkhazia;abkhazie;abchasien;абхазия",
    "Moscow|moscow;moscou;moskau;moscú;mosca;москва",
    "Kyiv|kyiv;kiev;kiew;kyjiw;kiev;киев;київ",
    "St Petersburg|st petersburg;saint petersburg;st. petersburg;saint-pétersbourg;sankt petersburg;san petersburgo;san pietroburgo;санкт-петербург;петербург",
    "Kharkiv|kharkiv;kharkov;kharkiv;charkiw;járkov;харьков;харків",
    "Odesa|odesa;odessa;одесса;одеса",
    "Lviv|lviv;lvov;lwiw;lemberg;львов;львів",
    "Mariupol|mariupol;marioupol;мариуполь",
    "Bakhmut|bakhmut;bachmut;бахмут",
    "Avdiivka|avdiivka;avdiïvka;awdijiwka;авдеевка",
    "Donetsk|donetsk;donezk;донецк",
    "Luhansk|luhansk;lugansk;louhansk;luhansk;луганск",
    "Kherson|kherson;cherson;херсон",
    "Zaporizhzhia|zaporizhzhia;zaporijjia;saporischschja;zaporiyia;запорожье",
    "Dnipro|dnipro;dnepr;dnipropetrovsk;днепр",
    "Sevastopol|sevastopol;sébastopol;sewastopol;севастополь",
    "Belgorod|belgorod;белгород",
    "Kursk|kursk;koursk;курск",
    "Bryansk|bryansk;briansk;брянск",
    "Rostov|rostov;rostov-on-don;rostov-sur-le-don;rostow;rostow am don;ростов;ростов-на-дону",
    "Volgograd|volgograd;wolgograd;волгоград",
    "Kaliningrad|kaliningrad;калининград",
    "Novosibirsk|novosibirsk;nowosibirsk;новосибирск",
    "Yekaterinburg|yekaterinburg;ekaterinburg;iekaterinbourg;jekaterinburg;екатеринбург",
    "Kazan|kazan;kasan;казань",
    "Grozny|grozny;grosny;грозный",
    "Minsk|minsk;минск",
    "Warsaw|warsaw;varsovie;warschau;varsovia;varsavia;варшава",
    "Berlin|berlin;berlino;берлин",
    "Paris|paris;parigi;париж",
    "London|london;londres;londra;лондон",
    "Washington|washington;вашингтон",
    "New York|new york;nueva york;нью-йорк",
    "Los Angeles|los angeles",
    "Chicago|chicago",
    "San Francisco|san francisco",
    "Brussels|brussels;bruxelles;brüssel;bruselas;bruxelles;брюссель",
    "Rome|rome;rom;roma;рим",
    "Madrid|madrid;мадрид",
    "Barcelona|barcelona;barcelone",
    "Lisbon|lisbon;lisbonne;lissabon;lisboa;lisbona",
    "Vienna|vienna;vienne;wien;viena;вена",
    "Geneva|geneva;genève;genf;ginebra;ginevra;женева",
    "Zurich|zurich;zürich",
    "Bern|bern;berne",
    "Amsterdam|amsterdam",
    "The Hague|the hague;hague;la haye;den haag;la haya;l'aia;гаага",
    "Stockholm|stockholm;estocolmo;стокгольм",
    "Oslo|oslo",
    "Copenhagen|copenhagen;copenhague;kopenhagen;copenaghen",
    "Helsinki|helsinki;хельсинки",
    "Prague|prague;prag;praga;прага",
    "Budapest|budapest;будапешт",
    "Bucharest|bucharest;bucarest;bukarest",
    "Athens|athens;athènes;athen;atenas;atene;афины",
    "Istanbul|istanbul;estambul;стамбул",
    "Ankara|ankara;анкара",
    "Tehran|tehran;téhéran;teheran;тегеран",
    "Baghdad|baghdad;bagdad;багдад",
    "Damascus|damascus;damas;damaskus;damasco;дамаск",
    "Beirut|beirut;beyrouth;бейрут",
    "Jerusalem|jerusalem;jérusalem;jerusalén;gerusalemme;иерусалим",
    "Tel Aviv|tel aviv;tel-aviv;тель-авив",
    "Cairo|cairo;le caire;kairo;el cairo;каир",
    "Riyadh|riyadh;riyad;riad;эр-рияд",
    "Dubai|dubai;dubaï;дубай",
    "Doha|doha;доха",
    "Beijing|beijing;pékin;peking;pekín;pechino;пекин",
    "Shanghai|shanghai;шанхай",
    "Hong Kong|hong kong;hongkong;гонконг",
    "Tokyo|tokyo;tokio;токио",
    "Seoul|seoul;séoul;seúl;сеул",
    "Pyongyang|pyongyang;pjöngjang;пхеньян",
    "New Delhi|new delhi;delhi;new-delhi;нью-дели",
    "Mumbai|mumbai;bombay",
    "Islamabad|islamabad",
    "Kabul|kabul;kaboul;кабул",
    "Tbilisi|tbilisi;tiflis;тбилиси",
    "Yerevan|yerevan;erevan;eriwan;ереван",
    "Baku|baku;bakou;баку",
    "Astana|astana;астана",
    "Tashkent|tashkent;taschkent;ташкент",
    "Munich|munich;münchen;múnich;monaco di baviera;мюнхен",
    "Hamburg|hamburg;hambourg;hamburgo;amburgo;гамбург",
    "Frankfurt|frankfurt;francfort;fráncfort;francoforte;франкфурт",
    "Cologne|cologne;köln;colonia;кёльн",
    "Lyon|lyon;lyons;lione",
    "Marseille|marseille;marseilles;marsella;marsiglia;марсель",
    "Strasbourg|strasbourg;straßburg;estrasburgo;strasburgo;страсбург",
    "Milan|milan;milano;mailand;milán;милан",
    "Naples|naples;napoli;neapel;nápoles",
    "Sydney|sydney",
    "Toronto|toronto",
    "Ottawa|ottawa",
    "Montreal|montreal;montréal",
    "Buenos Aires|buenos aires",
    "Rio de Janeiro|rio de janeiro;río de janeiro",
    "São Paulo|são paulo;sao paulo",
    "Lagos|lagos",
    "Nairobi|nairobi",
    "Johannesburg|johannesburg;johannesbourg",
    "Khartoum|khartoum;khartum;jartum",
    "Tripoli|tripoli;trípoli",
    "Caracas|caracas",
    "Havana|havana;la havane;havanna;la habana;l'avana",
    "Bogotá|bogotá;bogota",
    "Manila|manila;manille",
    "Jakarta|jakarta;djakarta;yakarta",
    "Bangkok|bangkok",
    "Kashmir|kashmir;cachemire;kaschmir;cachemira",
    "Xinjiang|xinjiang",
    "Tibet|tibet;tíbet",
    "California|california;californie;kalifornien",
    "Texas|texas",
    "Florida|florida;floride",
    "Scotland|scotland;écosse;schottland;escocia;scozia;шотландия",
    "Wales|wales;pays de galles",
    "England|england;angleterre;inglaterra;inghilterra;англия",
    "Northern Ireland|northern ireland;irlande du nord;nordirland",
    "Bavaria|bavaria;bavière;bayern;baviera;бавария",
    "Catalonia|catalonia;catalogne;katalonien;cataluña;catalogna;каталония",
    "Sahel|sahel",
    "Sri Lanka|sri lanka",
    "St. Louis|st louis;st. louis;saint louis",
    "North America|north america;amérique du nord;nordamerika;norteamérica",
    "South America|south america;amérique du sud;südamerika;sudamérica",
    "Central Asia|central asia;asie centrale;zentralasien",
    "South Asia|south asia",
    "Wall Street|wall street",
    "Capitol Hill|capitol hill",
    "Pacific|pacific;pacifique;pazifik",
    "Atlantic|atlantic;atlantique;atlantik",
    "Alabama|alabama",
    "Alaska|alaska",
    "Arizona|arizona",
    "Arkansas|arkansas",
    "Colorado|colorado",
    "Connecticut|connecticut",
    "Delaware|delaware",
    "Hawaii|hawaii",
    "Idaho|idaho",
    "Illinois|illinois",
    "Indiana|indiana",
    "Iowa|iowa",
    "Kansas|kansas",
    "Kentucky|kentucky",
    "Louisiana|louisiana",
    "Maine|maine",
    "Maryland|maryland",
    "Massachusetts|massachusetts",
    "Michigan|michigan",
    "Minnesota|minnesota",
    "Mississippi|mississippi",
    "Missouri|missouri",
    "Montana|montana",
    "Nebraska|nebraska",
    "Nevada|nevada",
    "New Hampshire|new hampshire",
    "New Jersey|new jersey",
    "New Mexico|new mexico",
    "North Carolina|north carolina",
    "North Dakota|north dakota",
    "Ohio|ohio",
    "Oklahoma|oklahoma",
    "Oregon|oregon",
    "Pennsylvania|pennsylvania",
    "Rhode Island|rhode island",
    "South Carolina|south carolina",
    "South Dakota|south dakota",
    "Tennessee|tennessee",
    "Utah|utah",
    "Vermont|vermont",
    "Virginia|virginia",
    "West Virginia|west virginia",
    "Wisconsin|wisconsin",
    "Wyoming|wyoming",
    "Philadelphia|philadelphia",
    "Boston|boston",
    "Miami|miami",
    "Atlanta|atlanta",
    "Houston|houston",
    "Dallas|dallas",
    "Detroit|detroit",
    "Seattle|seattle",
    "Charlotte|charlotte",
    "Tulsa|tulsa",
    "Cleveland|cleveland",
    "Baltimore|baltimore",
    "Manhattan|manhattan",
    "Brooklyn|brooklyn",
    "Silicon Valley|silicon valley",
];

/// Adjectives of countries: exact forms (capitalised in English) and stems ('*': any
/// ending of up to three letters, for inflected fr/de/es/it/ru adjectives).
type AdjectiveTables = (
    FastMap<&'static str, &'static str>,
    FastMap<&'static str, &'static str>,
);

pub(crate) static ADJECTIVES: LazyLock<AdjectiveTables> = LazyLock::new(|| {
    let table: &[&str] = &[
        "Russia|russian;russe;russes;russisch*;ruso;rusa;rusos;rusas;russo;russa;russi;российск*;русск*",
        "Ukraine|ukrainian;ukrainien;ukrainienne;ukrainiens;ukrainiennes;ukrainisch*;ucraniano;ucraniana;ucraino;ucraina;украинск*",
        "United States|american;us;u.s.;américain;américaine;américains;américaines;amerikanisch*;us-amerikanisch*;estadounidense;estadounidenses;americano;americana;американск*",
        "United Kingdom|british;britannique;britanniques;britisch*;británico;británica;britannico;britannica;британск*",
        "France|french;français;française;françaises;französisch*;francés;francesa;francese;francesi;французск*",
        "Germany|german;allemand;allemande;allemands;allemandes;deutsch*;alemán;alemana;tedesco;tedesca;tedeschi;немецк*;германск*",
        "China|chinese;chinois;chinoise;chinesisch*;chino;china;cinese;cinesi;китайск*",
        "Israel|israeli;israélien;israélienne;israelisch*;israelí;israeliano;израильск*",
        "Iran|iranian;iranien;iranienne;iranisch*;iraní;iraniano;иранск*",
        "Turkey|turkish;turc;turque;türkisch*;turco;turca;турецк*",
        "Poland|polish;polonais;polonaise;polnisch*;polaco;polaca;polacco;польск*",
        "Belarus|belarusian;biélorusse;belarussisch*;weißrussisch*;bielorruso;белорусск*",
        "Italy|italian;italien;italienne;italienisch*;italiano;italiana;итальянск*",
        "Spain|spanish;espagnol;espagnole;spanisch*;español;española;spagnolo;испанск*",
        "Japan|japanese;japonais;japonaise;japanisch*;japonés;giapponese;японск*",
        "India|indian;indien;indienne;indisch*;indio;indiano;индийск*",
        "Syria|syrian;syrien;syrienne;syrisch*;sirio;siriano;сирийск*",
        "Palestine|palestinian;palestinien;palestinienne;palästinensisch*;palestino;palestinese;палестинск*",
        "North Korea|north korean;nord-coréen;nordkoreanisch*;norcoreano;северокорейск*",
        "Georgia|georgian;géorgien;georgisch*;грузинск*",
        "Europe|european;européen;européenne;europäisch*;europeo;europea;европейск*",
    ];
    let mut exact = FastMap::default();
    let mut stems = FastMap::default();
    for line in table {
        let Some((id, forms)) = line.split_once('|') else {
            continue;
        };
        for f in forms.split(';') {
            if let Some(stem) = f.strip_suffix('*') {
                stems.insert(stem, id);
            } else {
                exact.insert(f, id);
            }
        }
    }
    (exact, stems)
});

/// The country an adjective names ("Russian", "russische" → "Russia").
pub(crate) fn adjective_country(lower: &str) -> Option<&'static str> {
    let (exact, stems) = &*ADJECTIVES;
    if let Some(id) = exact.get(lower) {
        return Some(id);
    }
    let chars: Vec<(usize, char)> = lower.char_indices().collect();
    for cut in 0..=3usize {
        if chars.len() <= cut + 3 {
            break;
        }
        let at = if cut == 0 {
            lower.len()
        } else {
            chars[chars.len() - cut].0
        };
        if let Some(id) = stems.get(&lower[..at]) {
            return Some(id);
        }
    }
    None
}

/// The role a word names, including German compounds ("Kremlsprecher") whose first part
/// is returned as a prefix (a key modifier or the owner's name).
/// German compounds are looked at only when `compounds` (they cost a suffix scan).
pub(crate) fn role_in(lower: &str, compounds: bool) -> Option<(Role, Option<&str>)> {
    if let Some(r) = ROLES.get(lower) {
        return Some((*r, None));
    }
    // "vice-president", "ex-president", "kreml-sprecher"
    if let Some((pre, last)) = lower.rsplit_once('-') {
        if let Some(r) = ROLES.get(last) {
            return Some((*r, Some(pre)));
        }
        if compounds && let Some((r, _)) = de_compound(last) {
            return Some((r, Some(pre)));
        }
    }
    if !compounds {
        return None;
    }
    de_compound(lower).map(|(r, pre)| (r, Some(pre)))
}

fn de_compound(lower: &str) -> Option<(Role, &str)> {
    if lower.len() < 7 {
        return None;
    }
    for suf in DE_ROLE_SUFFIXES {
        if let Some(pre) = lower.strip_suffix(suf)
            && pre.chars().count() >= 3
        {
            let r = ROLES.get(suf).copied()?;
            return Some((r, pre));
        }
    }
    None
}

/// Strips common Russian case endings so inflected forms share a key ("Пескова" → "песков").
pub(crate) fn cyrillic_stem(lower: &str) -> &str {
    const ENDINGS: &[&str] = &[
        "ого", "ему", "ому", "ыми", "ими", "ием", "иям", "ями", "ами", "ией", "ею", "ея", "ия",
        "ий", "ию", "ии", "ой", "ым", "им", "ом", "ем", "ей", "ую", "ая", "яя", "ый", "ов", "а",
        "я", "у", "ю", "е", "ы", "и", "ь",
    ];
    let n = lower.chars().count();
    for e in ENDINGS {
        if let Some(stem) = lower.strip_suffix(e) {
            // "ов" is part of most surnames ("Песков"): only strip it from long plurals never.
            if *e == "ов" {
                continue;
            }
            if n - e.chars().count() >= 3 {
                return stem;
            }
        }
    }
    lower
}

/// The gender a surname's ending tells (Russian-style "-ova", "-ская").
pub(crate) fn surname_gender(lower: &str) -> Option<Gender> {
    const F: &[&str] = &[
        "ova", "eva", "ina", "skaya", "ová", "ова", "ева", "ина", "ская",
    ];
    const M: &[&str] = &["ov", "ev", "in", "sky", "skiy", "ов", "ев", "ин", "ский"];
    if lower.chars().count() < 5 {
        return None;
    }
    if F.iter().any(|e| lower.ends_with(e)) {
        return Some(Gender::Female);
    }
    if M.iter().any(|e| lower.ends_with(e)) {
        return Some(Gender::Male);
    }
    None
}
