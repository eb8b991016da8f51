//! Tests with articles written for them (modelled on real news, not copied from any).

use proptest::prelude::*;
use storyline_analyse::{AnnotatedArticle, Options, annotate};
use storyline_core::Article;

use crate::highlights;
use crate::index::{CopyKind, StoryIndex};
use crate::ledger::{self, LedgerArticle};
use crate::{ArticleFeatures, Config};

fn article(title: &str, text: &str, date: &str, outlet: &str, lang: &str) -> AnnotatedArticle {
    let mut a = Article {
        title: Some(title.into()),
        published: Some(date.into()),
        outlet: Some(outlet.into()),
        language: Some(lang.into()),
        ..Article::default()
    };
    a.set_paragraphs(text.split("\n\n").map(str::to_string).collect());
    annotate(
        a,
        &Options {
            lang: Some(lang.into()),
            outlet: None,
        },
    )
}

fn feats(id: u64, a: &AnnotatedArticle) -> ArticleFeatures {
    ArticleFeatures::from_annotated(id, a)
}

const DAM: &str = "The death toll from the collapse of the Kessler dam above the town of \
Valbrook rose to 41 on Friday, regional governor Anna Reiter said, as rescuers searched \
flooded villages downstream for 17 people still missing.\n\nThe earthen dam, built in 1962, \
gave way early on Wednesday after three days of heavy rain, sending a wall of water through \
the Ostra valley. About 2,300 residents were evacuated to schools and sports halls in \
neighbouring districts.\n\nReiter said engineers had warned in 2019 that the spillway needed \
repairs costing 12 million euros, but the work was postponed twice. \"We will find out who \
decided to wait,\" she told reporters in Valbrook.\n\nThe national water authority said it \
had opened an inquiry and would inspect 28 other dams of the same design before the end of \
the month. Army helicopters dropped food and drinking water to farms cut off by the flood.";

const DAM_REWRITE: &str = "The number of dead after the failure of the Kessler dam above the \
town of Valbrook climbed to 41 on Friday, regional governor Anna Reiter said, as rescue teams \
searched inundated villages downstream for 17 people still missing.\n\nThe earthen dam, \
constructed in 1962, collapsed early on Wednesday after three days of torrential rain, \
sending a wall of water through the Ostra valley. Around 2,300 residents were moved to \
schools and sports halls in nearby districts.\n\nReiter said engineers had cautioned in 2019 \
that the spillway required repairs costing 12 million euros, but the work was delayed twice. \
\"We will find out who decided to wait,\" she told journalists in Valbrook.\n\nThe national \
water authority said it had launched an inquiry and would check 28 other dams of the same \
design before the end of the month. Army helicopters dropped food and drinking water to \
farms isolated by the flood.";

const DAM_FR: &str = "Le bilan de l'effondrement du barrage de Kessler, au-dessus de la ville \
de Valbrook, s'est alourdi à 41 morts vendredi, a déclaré la gouverneure régionale Anna \
Reiter, tandis que les secours recherchaient 17 disparus dans les villages inondés en aval.\n\n\
Le barrage en terre, construit en 1962, a cédé mercredi matin après trois jours de pluies \
torrentielles, envoyant une vague à travers la vallée de l'Ostra. Environ 2 300 habitants \
ont été évacués vers des écoles et des gymnases.\n\nSelon Reiter, des ingénieurs avaient \
averti en 2019 que le déversoir nécessitait des réparations de 12 millions d'euros, mais les \
travaux ont été reportés deux fois. « Nous trouverons qui a décidé d'attendre », a-t-elle \
dit aux journalistes à Valbrook.\n\nL'autorité nationale de l'eau a ouvert une enquête et \
inspectera 28 autres barrages du même modèle avant la fin du mois.";

const QUAKE_TR: &str = "A magnitude 7.8 earthquake struck southern Turkey near the city of \
Gaziantep before dawn on Monday, killing more than 1,500 people and toppling thousands of \
buildings, Turkish officials said.\n\nThe quake was felt as far away as Cyprus and Lebanon. \
Rescuers in Kahramanmaras and Hatay pulled survivors from the rubble in freezing \
temperatures, and President Recep Tayyip Erdogan declared seven days of national \
mourning.\n\nThe disaster agency AFAD said 2,818 buildings had collapsed and that more than \
9,000 rescue workers had been deployed. Aftershocks, one of them of magnitude 7.5, shook the \
region through the day.";

const QUAKE_NP: &str = "A magnitude 5.6 earthquake struck western Nepal late on Friday, \
killing at least 157 people in the remote districts of Jajarkot and Rukum West, officials \
said, as villagers dug through collapsed mud houses in the dark.\n\nPrime Minister Pushpa \
Kamal Dahal flew to the area on Saturday with a medical team. The army and police joined \
rescue efforts, and the tremor was felt as far away as New Delhi.\n\nThe National Disaster \
Risk Reduction and Management Authority said more than 3,000 houses were damaged. Many of \
the dead were asleep when their homes fell.";

#[test]
fn syndicated_and_scraped_copies_point_to_the_original() {
    let mut idx = StoryIndex::default();
    let orig = article(
        "Kessler dam collapse: death toll rises to 41",
        DAM,
        "2024-03-08T10:00:00Z",
        "Valley Courier",
        "en",
    );
    let synd = article(
        "Dam collapse toll rises to 41",
        DAM,
        "2024-03-08T12:00:00Z",
        "Daily Wire Copy",
        "en",
    );
    let scraped_text = format!(
        "{DAM}\n\nSubscribe to our newsletter for more news. Share this article with your friends."
    );
    let scraped = article(
        "Kessler dam: 41 dead",
        &scraped_text,
        "2024-03-09",
        "Aggregator",
        "en",
    );
    let a = idx.add(&feats(1, &orig));
    assert!(a.is_new && a.copy_of.is_none());
    let b = idx.add(&feats(2, &synd));
    assert_eq!(b.copy_of, Some(1));
    assert_eq!(b.story, a.story);
    assert_eq!(b.copy.as_ref().unwrap().kind, CopyKind::Duplicate);
    let c = idx.add(&feats(3, &scraped));
    assert_eq!(c.copy_of, Some(1));
    assert!(c.score >= 0.5, "{c:?}");
    let s = idx.story(a.story).unwrap();
    assert_eq!((s.originals, s.copies), (1, 2), "copies never count twice");
}

#[test]
fn a_partial_copy_and_a_rewrite_are_copies() {
    let mut idx = StoryIndex::default();
    let orig = article(
        "Kessler dam collapse: death toll rises to 41",
        DAM,
        "2024-03-08",
        "Valley Courier",
        "en",
    );
    let half: String = DAM.split("\n\n").take(2).collect::<Vec<_>>().join("\n\n");
    let partial = article("Dam toll at 41", &half, "2024-03-08", "Brief News", "en");
    let spun = article(
        "Kessler dam failure: 41 dead",
        DAM_REWRITE,
        "2024-03-09",
        "Spin Site",
        "en",
    );
    idx.add(&feats(1, &orig));
    let p = idx.add(&feats(2, &partial));
    assert_eq!(p.copy_of, Some(1), "{p:?}");
    let r = idx.add(&feats(3, &spun));
    assert_eq!(r.copy_of, Some(1), "{r:?}");
}

#[test]
fn a_translation_is_linked_with_low_confidence_and_a_changed_figure_is_flagged() {
    let mut idx = StoryIndex::default();
    let orig = article(
        "Kessler dam collapse: death toll rises to 41",
        DAM,
        "2024-03-08",
        "Valley Courier",
        "en",
    );
    // The translation garbles one figure: 17 missing becomes 71.
    let fr_text = DAM_FR.replace("17 disparus", "71 disparus");
    let fr = article(
        "Effondrement du barrage de Kessler : 41 morts",
        &fr_text,
        "2024-03-09",
        "Le Courrier",
        "fr",
    );
    let a = idx.add(&feats(1, &orig));
    let t = idx.add(&feats(2, &fr));
    assert_eq!(t.story, a.story, "{t:?} {:?}", idx.explain(&feats(3, &fr)));
    let link = t.copy.expect("linked as a translation");
    assert_eq!(link.kind, CopyKind::Translation);
    assert!(link.low_confidence);
    assert!(
        link.figures_differ.iter().any(|f| f.ends_with(":71")),
        "{link:?}"
    );
}

#[test]
fn two_earthquakes_do_not_merge() {
    let mut idx = StoryIndex::default();
    let tr = article(
        "Powerful earthquake kills more than 1,500 in Turkey",
        QUAKE_TR,
        "2023-02-06",
        "Wire",
        "en",
    );
    let np = article(
        "Earthquake in western Nepal kills at least 157",
        QUAKE_NP,
        "2023-11-04",
        "Wire",
        "en",
    );
    let a = idx.add(&feats(1, &tr));
    let b = idx.add(&feats(2, &np));
    assert!(b.is_new && a.story != b.story, "{b:?}");
    // Even on the same day.
    let mut idx = StoryIndex::default();
    let np_same = article(
        "Earthquake in western Nepal kills at least 157",
        QUAKE_NP,
        "2023-02-06",
        "Wire",
        "en",
    );
    idx.add(&feats(1, &tr));
    assert!(idx.add(&feats(2, &np_same)).is_new);
}

#[test]
fn a_story_resumes_after_months() {
    let mut idx = StoryIndex::default();
    let first = article(
        "Kessler dam collapse: death toll rises to 41",
        DAM,
        "2024-03-08",
        "Valley Courier",
        "en",
    );
    let later = article(
        "Kessler dam inquiry blames postponed spillway repairs",
        "Six months after the Kessler dam gave way above Valbrook, killing 41 people, the \
national water authority's inquiry concluded that postponed repairs to the spillway caused the \
collapse.\n\nThe report, presented on Tuesday, found that the repairs, estimated at 12 million \
euros in 2019, were postponed twice by the regional government. Governor Anna Reiter said she \
accepted the findings and that the Ostra valley would get a new flood warning system.\n\nFamilies \
of the victims in Valbrook called for criminal charges. Inspections of 28 other dams of the same \
design found cracks in four of them.",
        "2024-09-17",
        "Valley Courier",
        "en",
    );
    let a = idx.add(&feats(1, &first));
    let b = idx.add(&feats(2, &later));
    assert_eq!(a.story, b.story, "{:?}", idx.explain(&feats(3, &later)));
    assert!(!b.is_new && b.copy_of.is_none());
}

#[test]
fn the_named_original_outlet_and_the_earliest_article_are_the_original() {
    let mut idx = StoryIndex::default();
    let copy = article(
        "Dam collapse toll rises to 41",
        DAM,
        "2024-03-08T12:00:00Z",
        "Aggregator",
        "en",
    );
    let orig = article(
        "Kessler dam collapse: death toll rises to 41",
        DAM,
        "2024-03-08T09:00:00Z",
        "Valley Courier",
        "en",
    );
    idx.add(&feats(1, &copy));
    let b = idx.add(&feats(2, &orig));
    assert_eq!(b.copy_of, None, "the earlier article is the original");
    assert_eq!(idx.copy_of(1).map(|c| c.0), Some(2));
    // A copy that names its source links to it, even when another copy came first.
    let mut idx = StoryIndex::default();
    let mut credited = feats(3, &copy);
    credited.original_outlet = Some("Valley Courier".into());
    idx.add(&feats(1, &orig));
    idx.add(&feats(
        2,
        &article("x", DAM, "2024-03-08T10:00:00Z", "Third", "en"),
    ));
    let c = idx.add(&credited);
    assert_eq!(c.copy_of, Some(1));
}

#[test]
fn state_round_trips_and_replay_is_identical() {
    let docs = [
        article(
            "Kessler dam collapse: death toll rises to 41",
            DAM,
            "2024-03-08",
            "Valley Courier",
            "en",
        ),
        article(
            "Powerful earthquake kills more than 1,500 in Turkey",
            QUAKE_TR,
            "2023-02-06",
            "Wire",
            "en",
        ),
        article(
            "Earthquake in western Nepal kills at least 157",
            QUAKE_NP,
            "2023-11-04",
            "Wire",
            "en",
        ),
        article(
            "Kessler dam failure: 41 dead",
            DAM_REWRITE,
            "2024-03-09",
            "Spin Site",
            "en",
        ),
    ];
    let mut one = StoryIndex::new(Config::default());
    let first: Vec<_> = docs
        .iter()
        .take(2)
        .enumerate()
        .map(|(i, d)| one.add(&feats(i as u64, d)))
        .collect();
    let json = serde_json::to_string(&one).unwrap();
    let mut two: StoryIndex = serde_json::from_str(&json).unwrap();
    let rest_one: Vec<_> = docs
        .iter()
        .enumerate()
        .skip(2)
        .map(|(i, d)| one.add(&feats(i as u64, d)))
        .collect();
    let rest_two: Vec<_> = docs
        .iter()
        .enumerate()
        .skip(2)
        .map(|(i, d)| two.add(&feats(i as u64, d)))
        .collect();
    assert_eq!(rest_one, rest_two);
    let mut three = StoryIndex::default();
    let replay: Vec<_> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| three.add(&feats(i as u64, d)))
        .collect();
    assert_eq!(replay[..2], first[..]);
    assert_eq!(replay[2..], rest_one[..]);
    // Adding an id again changes nothing.
    assert_eq!(three.add(&feats(0, &docs[0])).story, replay[0].story);
    assert_eq!(three.len(), 4);
}

#[test]
fn related_trends_and_days() {
    let mut idx = StoryIndex::default();
    let dam = article(
        "Kessler dam collapse: death toll rises to 41",
        DAM,
        "2024-03-08T10:00:00Z",
        "Valley Courier",
        "en",
    );
    let tr = article(
        "Powerful earthquake kills more than 1,500 in Turkey",
        QUAKE_TR,
        "2024-03-08T11:00:00Z",
        "Wire",
        "en",
    );
    let a = idx.add(&feats(1, &dam));
    idx.add(&feats(2, &tr));
    let second = article(
        "Kessler dam: rescuers search for 17 missing in Valbrook",
        "Rescuers searched the Ostra valley below the collapsed Kessler dam on Friday for 17 people still missing, governor Anna Reiter said in Valbrook. The toll stands at 41.",
        "2024-03-08T15:00:00Z",
        "Ostra Herald",
        "en",
    );
    let b = idx.add(&feats(3, &second));
    assert_eq!(a.story, b.story);
    let now = crate::text::parse_date("2024-03-08T20:00:00Z").unwrap();
    let trends = idx.trends(now, 5);
    assert_eq!(
        trends.first().map(|t| (t.story, t.outlets)),
        Some((a.story, 2))
    );
    let day = crate::text::parse_date("2024-03-08").unwrap() / 86_400;
    let on_day = idx.day(day);
    assert_eq!(on_day[0], (a.story, vec![1, 3]));
    assert_eq!(idx.members(a.story), vec![1, 3]);
    for r in idx.related(a.story, 3) {
        assert_ne!(r.story, a.story);
    }
}

#[test]
fn highlights_skip_boilerplate_and_cut_quotes() {
    let text = format!(
        "{DAM}\n\nSubscribe to our newsletter: https://example.org/news\n\n\"We are still \
searching. Every hour counts for the families waiting in the schools,\n\nsaid a rescuer."
    );
    let a = article(
        "Kessler dam collapse: death toll rises to 41",
        &text,
        "2024-03-08",
        "Valley Courier",
        "en",
    );
    let h = highlights::article(&a);
    assert!((3..=5).contains(&h.len()), "{h:?}");
    for x in &h {
        assert!(
            !x.text.contains("Subscribe") && !highlights::cuts_a_quote(&x.text),
            "{x:?}"
        );
        let span: String = a
            .article
            .text
            .chars()
            .skip(x.start)
            .take(x.end - x.start)
            .collect();
        assert_eq!(span, x.text);
    }
    assert!(
        h.iter().any(|x| x.text.contains("41")),
        "the lead is central: {h:?}"
    );
    let s = highlights::story(&[&a, &a]);
    assert!(s.len() <= 5);
    let mut texts: Vec<&str> = s.iter().map(|x| x.text.as_str()).collect();
    texts.dedup();
    assert_eq!(texts.len(), s.len(), "no sentence twice");
}

#[test]
fn ledger_groups_orders_and_skips_copies() {
    use storyline_analyse::claims::Claim;
    use storyline_analyse::quantities::Kind;
    let claim = |text: &str, v: f64, counts: &str| Claim {
        text: text.into(),
        start: 0,
        end: 0,
        kind: Kind::Number,
        value: Some(v),
        min: None,
        max: None,
        approximate: false,
        unit: Some("people".into()),
        counts: Some(counts.into()),
        claimant: None,
        hedge: None,
        sentence: 0,
        as_of: None,
    };
    let c1 = [claim("hundreds", 500.0, "prisoners recruited")];
    let c2 = [
        claim("100,000", 100_000.0, "Prisoners recruited"),
        claim("41", 41.0, "dead"),
    ];
    let c3 = [claim("100,000", 100_000.0, "prisoners recruited")];
    let arts = [
        LedgerArticle {
            id: 2,
            outlet: Some("Le Parisien"),
            published: Some("2023-11-10"),
            copy_of: None,
            claims: &c2,
        },
        LedgerArticle {
            id: 1,
            outlet: Some("CNN"),
            published: Some("2022-08-06"),
            copy_of: None,
            claims: &c1,
        },
        LedgerArticle {
            id: 3,
            outlet: Some("Copy"),
            published: Some("2023-11-11"),
            copy_of: Some(2),
            claims: &c3,
        },
    ];
    let l = ledger::build(&arts);
    assert_eq!(l[0].counts, "prisoners recruited");
    assert_eq!(
        l[0].entries.iter().map(|e| e.article).collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert!(l[0].flags.iter().any(|f| f.starts_with("jump")));
    assert_eq!(l.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn arbitrary_text_never_panics(title in "\\PC{0,80}", text in "\\PC{0,600}", date in "\\PC{0,30}") {
        let mut a = Article { title: Some(title), published: Some(date), ..Article::default() };
        a.set_paragraphs(vec![text.clone(), text]);
        let an = annotate(a, &Options::default());
        let f = ArticleFeatures::from_annotated(1, &an);
        let mut idx = StoryIndex::default();
        idx.add(&f);
        let mut g = f.clone();
        g.id = 2;
        idx.add(&g);
        let _ = highlights::article(&an);
        let _ = idx.related(0, 3);
        let _ = idx.trends(0, 3);
    }
}

#[test]
fn memory_is_accounted_part_by_part_and_names_are_interned() {
    let mut idx = StoryIndex::default();
    let outlets = ["Valley Courier", "Daily Wire Copy", "Valley Courier"];
    for (i, (text, outlet)) in [DAM, DAM, DAM_REWRITE].iter().zip(outlets).enumerate() {
        let a = article("Kessler dam collapse", text, "2024-03-08", outlet, "en");
        idx.add(&feats(i as u64 + 1, &a));
    }
    let parts = idx.memory();
    let part = |name: &str| parts.iter().find(|p| p.name == name).expect(name).clone();
    for name in [
        "records", "recent", "lsh", "stories", "postings", "df", "symbols",
    ] {
        assert!(part(name).bytes > 0, "{name}: {parts:?}");
    }
    // Ids added in increasing order need no map: the records are searched.
    assert_eq!((part("ids").entries, part("ids").bytes), (0, 0));
    assert_eq!(part("records").entries, 3);
    assert_eq!(part("recent").entries, 3);
    assert_eq!(part("stories").entries, 1);
    // Two outlets and one language, each kept once however many articles name it.
    assert_eq!(part("symbols").entries, 3);
    assert!(
        parts.windows(2).all(|w| w[0].bytes >= w[1].bytes),
        "largest first"
    );
    // The state still round-trips with interned names, and a copy keeps its outlet's
    // comparison (the second article copies the first).
    let bytes = serde_json::to_vec(&idx).expect("serialize");
    let back: StoryIndex = serde_json::from_slice(&bytes).expect("deserialize");
    assert_eq!(back.memory().len(), parts.len());
    assert_eq!(back.copy_of(2).map(|(of, _)| of), Some(1));
}

#[test]
fn articles_are_found_by_id_in_any_order_of_adding() {
    let mut idx = StoryIndex::default();
    let dated = [
        (5, DAM, "2024-03-08", "Valley Courier", "en"),
        (9, DAM_REWRITE, "2024-03-09", "Daily Wire Copy", "en"),
    ];
    for (id, text, date, outlet, lang) in dated {
        let a = article("Kessler dam collapse", text, date, outlet, lang);
        idx.add(&feats(id, &a));
    }
    let facts = idx.article(9).expect("article 9");
    assert_eq!(facts.outlet, Some("Daily Wire Copy"));
    assert_eq!(facts.language, Some("en"));
    assert!(facts.published.is_some());
    assert_eq!(idx.article(7), None);
    let ids = |idx: &StoryIndex| idx.memory().into_iter().find(|p| p.name == "ids").unwrap();
    assert_eq!(ids(&idx).entries, 0);
    // An id below the last one switches to a map; every article is still found.
    let a = article(
        "Kessler dam collapse",
        DAM,
        "2024-03-07",
        "Hill Times",
        "de",
    );
    idx.add(&feats(3, &a));
    assert_eq!(ids(&idx).entries, 3);
    for id in [3, 5, 9] {
        assert!(idx.story_of(id).is_some(), "article {id}");
    }
    assert_eq!(idx.article(3).and_then(|f| f.language), Some("de"));
    assert_eq!(
        idx.article(5).and_then(|f| f.outlet),
        Some("Valley Courier")
    );
    // Adding an id again changes nothing, in either mode.
    let before = idx.len();
    idx.add(&feats(5, &article("Other", DAM, "2024-03-08", "X", "en")));
    assert_eq!(idx.len(), before);
    let back: StoryIndex = serde_json::from_slice(&serde_json::to_vec(&idx).unwrap()).unwrap();
    assert_eq!(back.article(3), idx.article(3));
}

/// Two events of one kind, a month apart in a real stream but here on consecutive days:
/// a club puts one player, then another, on the injured list. The second event's articles
/// name the first player too, and share the club, the coach and the words.
const BRENNER_1: &str = "Striker Tomas Brenner went on the injured list on Monday after scans \
showed a torn hamstring, ending his season with four matches left. Brenner, the league's second \
top scorer with 17 goals, was hurt in the first half of Saturday's win at Eastport.\n\n\
Coach Lidia Marsh said the Harbour Rovers would not rush him back. \"Tomas carried this team \
for months, and we will miss him in the run-in,\" Marsh said. The Rovers are third in the \
table, two points behind the leaders.";

const BRENNER_2: &str = "The season is over for striker Tomas Brenner, who went on the \
injured list on Monday with a torn hamstring suffered at Eastport. Brenner has scored 17 goals \
this season.\n\nWithout him the Harbour Rovers, third in the table, will lean on young forward \
Eli Sandor for the last four matches, coach Lidia Marsh said. The club said Brenner would \
begin rehabilitation next week and should be fit for the summer training camp.";

const BRENNER_3: &str = "A torn hamstring has ended the season of striker Tomas Brenner, put \
on the injured list on Monday two days after he limped off at Eastport. Brenner has 17 goals \
this season.\n\nCoach Lidia Marsh called his loss a heavy blow for a side chasing the title \
with four matches to play. He is expected to be fit again by the summer, the Harbour Rovers \
said in a statement.";

const OKAFOR_1: &str = "Defender Kwame Okafor went on the injured list on Tuesday after scans \
showed a broken foot, ending his season with four matches left. Okafor, who has started every \
match this season, was hurt in training on Monday.\n\nCoach Lidia Marsh said the Harbour Rovers \
would not rush him back, a week after striker Tomas Brenner tore a hamstring at Eastport. \
\"Kwame has been our rock for months, and we will miss him in the run-in,\" Marsh said. The \
Rovers are third in the table, two points behind the leaders.";

const OKAFOR_2: &str = "The season is over for defender Kwame Okafor, who broke a foot in \
training on Monday and went on the injured list on Tuesday. Okafor has started every league \
match this season.\n\nThe Harbour Rovers, third in the table with four matches left, had \
already lost striker Tomas Brenner to a torn hamstring, coach Lidia Marsh said.";

fn rovers() -> Vec<AnnotatedArticle> {
    let a = |title: &str, text: &str, date: &str, outlet: &str| {
        article(title, text, date, outlet, "en")
    };
    vec![
        a(
            "Brenner put on injured list",
            BRENNER_1,
            "2025-04-14",
            "Harbour Post",
        ),
        a(
            "Brenner out for the season with torn hamstring",
            BRENNER_2,
            "2025-04-14",
            "Sport Daily",
        ),
        a(
            "Hamstring tear ends season for top striker",
            BRENNER_3,
            "2025-04-15",
            "Coast Times",
        ),
        a(
            "Okafor put on injured list",
            OKAFOR_1,
            "2025-04-15",
            "Harbour Post",
        ),
        a(
            "Okafor out for the season with broken foot",
            OKAFOR_2,
            "2025-04-16",
            "Sport Daily",
        ),
    ]
}

#[test]
fn protagonists_are_the_people_of_the_headline_and_lead() {
    let docs = rovers();
    let brenner = feats(1, &docs[0]);
    assert!(
        brenner.protagonists.contains(&"brenner".to_string()),
        "{:?}",
        brenner.protagonists
    );
    // Okafor's lead names him; Brenner comes only later in the article.
    let okafor = feats(4, &docs[3]);
    assert!(
        okafor.protagonists.contains(&"okafor".to_string())
            && !okafor.protagonists.contains(&"brenner".to_string()),
        "{:?}",
        okafor.protagonists
    );
    assert!(okafor.names.iter().any(|(n, _)| n == "brenner"));
    // Without the analysis (bare fields) there are none.
    let bare = ArticleFeatures::from_parts(
        9,
        "Okafor put on injured list",
        OKAFOR_1,
        None,
        None,
        Some("en"),
    );
    assert!(bare.protagonists.is_empty());
}

#[test]
fn another_protagonist_opens_another_story() {
    let docs = rovers();
    let run = |config: Config| -> Vec<u32> {
        let mut idx = StoryIndex::new(config);
        for (i, d) in docs.iter().enumerate() {
            idx.add(&feats(i as u64 + 1, d));
        }
        (1..=docs.len() as u64)
            .map(|id| idx.story_of(id).unwrap_or(u32::MAX))
            .collect()
    };
    let off = Config {
        protagonist_penalty: 0.0,
        ..Config::default()
    };
    // Okafor's first article against Brenner's story: led by another protagonist, so
    // the threshold rises by the penalty.
    let mut idx = StoryIndex::new(Config::default());
    for (i, d) in docs.iter().take(3).enumerate() {
        idx.add(&feats(i as u64 + 1, d));
    }
    let okafor = idx.explain(&feats(4, &docs[3]));
    let brenner = idx.explain(&feats(9, &docs[2]));
    assert!(okafor[0].other_protagonist, "{okafor:?}");
    assert!(!brenner[0].other_protagonist, "{brenner:?}");
    let mut plain = StoryIndex::new(off);
    for (i, d) in docs.iter().take(3).enumerate() {
        plain.add(&feats(i as u64 + 1, d));
    }
    let before = plain.explain(&feats(4, &docs[3]))[0];
    let rise = okafor[0].threshold - before.threshold;
    assert!(
        (rise - Config::default().protagonist_penalty).abs() < 1e-6,
        "{rise}"
    );
    // Brenner's three articles together, Okafor's two in a story of their own.
    let with = run(Config::default());
    assert!(with[0] == with[1] && with[1] == with[2], "{with:?}");
    assert!(with[3] == with[4] && with[3] != with[0], "{with:?}");
}

#[test]
fn an_article_about_the_story_protagonist_faces_a_looser_cohesion_rule() {
    let docs = rovers();
    let c = Config::default();
    assert!(c.protagonist_cohesion < c.cohesion_ratio);
    // Brenner's first two articles: a story led by Brenner, with a cohesion.
    let mut idx = StoryIndex::new(c.clone());
    for (i, d) in docs.iter().take(2).enumerate() {
        idx.add(&feats(i as u64 + 1, d));
    }
    let brenner = feats(3, &docs[2]);
    assert!(brenner.protagonists.contains(&"brenner".to_string()));
    let cand = idx.explain(&brenner)[0];
    assert!(cand.cohesion > 0.0 && !cand.other_protagonist, "{cand:?}");
    let floor = c.threshold.max(c.protagonist_cohesion * cand.cohesion);
    assert!((cand.threshold - floor).abs() < 1e-6, "{cand:?}");
    // The same article without its protagonists faces the usual rule.
    let anonymous = ArticleFeatures {
        protagonists: Vec::new(),
        ..brenner.clone()
    };
    let plain = idx.explain(&anonymous)[0];
    let usual = c.threshold.max(c.cohesion_ratio * plain.cohesion);
    assert!((plain.threshold - usual).abs() < 1e-6, "{plain:?}");
    assert!(plain.threshold > cand.threshold, "{plain:?} {cand:?}");
    // Brenner and someone the story never led with: the usual rule (no penalty either).
    let mut with_other = brenner.clone();
    with_other.protagonists.push("okafor".to_string());
    let mixed = idx.explain(&with_other)[0];
    assert!(!mixed.other_protagonist, "{mixed:?}");
    let usual = c.threshold.max(c.cohesion_ratio * mixed.cohesion);
    assert!((mixed.threshold - usual).abs() < 1e-6, "{mixed:?}");
    // Another protagonist (Okafor) gets no relief, and the penalty on top.
    let okafor = idx.explain(&feats(4, &docs[3]))[0];
    assert!(okafor.other_protagonist, "{okafor:?}");
    let asked = c.threshold.max(c.cohesion_ratio * okafor.cohesion) + c.protagonist_penalty;
    assert!((okafor.threshold - asked).abs() < 1e-6, "{okafor:?}");
}
