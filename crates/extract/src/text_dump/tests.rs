//! Unit tests for text dumps, on dumps written for these tests (a fictional dam
//! collapse in the Lisna valley, told by fictional outlets in several languages).

use super::*;

fn has_line(a: &Article, needle: &str) -> bool {
    a.paragraphs.iter().any(|p| p.contains(needle))
        || a.title.as_deref().is_some_and(|t| t.contains(needle))
        || a.teaser.as_deref().is_some_and(|t| t.contains(needle))
}

const AGGREGATOR_EN: &str = "The Daily Relay

Now you can read translated news...

Vardena dam collapse: death toll rises to 27 as rescuers reach Orvalle

2024-03-11T09:41:02.118Z

Highlights: Rescuers reached the flooded town of Orvalle on Monday, a day after the Vardena dam gave way. The regional governor said 27 people had died and 30 were still missing. Engineers had warned of cracks in the spillway in 2019.


Rescue boats reached the last flooded streets of the town before dawn, some residents still waiting on roofs. Orvalle


The death toll from the collapse of the Vardena dam rose to 27 on Monday, the regional governor said, as rescue teams reached the centre of Orvalle for the first time since the water swept through the valley.

\"We are still finding people in attics and on rooftops,\" governor Ilse Maren told reporters. \"The number will rise, I am afraid.\"

About 30 people are still missing, according to the civil protection office, which has set up a shelter for 1,200 residents in the sports hall of Kessing, ten kilometres downstream.

Cracks reported in 2019

An inspection report seen by local media had flagged cracks in the spillway of the 61-metre dam in 2019. The operator, Lisna Hydro, said on Monday that the repairs had been scheduled for this spring.

Read alsoFloods in the Lisna valley: what insurers will and will not pay

Prosecutors in Kessing have opened an inquiry into possible negligence. The operator said it would cooperate fully with the investigation and had set up a hotline for families.

Source: The Valley Post

All news articles on 2024-03-11

Trends 24h

Latest

© Relay Media 2021 - Privacy

The information on this site is from external sources that are not under our control.
The inclusion of any links does not necessarily imply a recommendation or endorse the views expressed within them.
";

#[test]
fn aggregator_dump_in_english() {
    let a = extract_text_dump(AGGREGATOR_EN, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Vardena dam collapse: death toll rises to 27 as rescuers reach Orvalle")
    );
    assert_eq!(a.published.as_deref(), Some("2024-03-11T09:41:02.118Z"));
    assert_eq!(a.published_from, Some(DateSource::Text));
    assert_eq!(a.outlet.as_deref(), Some("The Daily Relay"));
    assert_eq!(a.original_outlet.as_deref(), Some("The Valley Post"));
    let teaser = a.teaser.as_deref().unwrap_or_default();
    assert!(
        teaser.starts_with("Rescuers reached the flooded town"),
        "{teaser}"
    );
    assert!(teaser.ends_with("in the spillway in 2019."), "{teaser}");
    assert_eq!(a.paragraphs.len(), 6, "{:#?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("The death toll from the collapse"));
    assert!(a.paragraphs[4].starts_with("An inspection report seen by local media"));
    assert_eq!(a.paragraphs[3], "Cracks reported in 2019");
    assert!(a.paragraphs[5].ends_with("had set up a hotline for families."));
    for boilerplate in [
        "Now you can read",
        "Rescue boats reached",
        "Read also",
        "Source:",
        "All news articles",
        "Trends 24h",
        "Latest",
        "Privacy",
        "external sources",
        "does not necessarily imply",
    ] {
        assert!(
            !a.paragraphs.iter().any(|p| p.contains(boilerplate)),
            "{boilerplate}"
        );
    }
    assert_eq!(a.text, a.paragraphs.join("\n\n"));
}

const LINES_EN: &str = "Dam operator ignored repeated warnings, inspection records show
Engineers say cracks in the Vardena spillway were reported years before. Over the...
Vardena dam: warnings about cracks went unheeded for five years
In the weeks before the Vardena dam gave way, engineers who had inspected it say they could do little but wait. Their warnings, written into three inspection reports, never reached the regional water board.
Over a two-week investigation, Reuters spoke with six engineers who worked on the dam, as well as officials at the operator, Lisna Hydro, and at the water board.
Reuters has reviewed inspection reports from 2019, 2021 and 2023 that describe widening cracks in the concrete of the spillway and a drainage gallery that was never repaired.
One engineer, who asked not to be named because he still works in the sector, told Reuters that the operator had cut the maintenance budget by a third after 2020.
“We wrote it down every time,” he said. “Nobody wanted to read it.”
The death toll from the collapse rose to 41 on Tuesday. Lisna Hydro did not answer detailed questions but said it had “always met its legal obligations”, a spokeswoman said.
Get the latest World News, Breaking News and Live Updates on The Harbour Ledger
Download The Harbour Ledger App to get Daily News Updates & Follow us on Google News.
";

#[test]
fn one_paragraph_per_line_with_promo_lines_and_credited_reporting() {
    let a = extract_text_dump(LINES_EN, None);
    let title = a.title.as_deref().unwrap_or_default();
    assert!(
        [
            "Dam operator ignored repeated warnings, inspection records show",
            "Vardena dam: warnings about cracks went unheeded for five years"
        ]
        .contains(&title),
        "{title}"
    );
    assert_eq!(a.original_outlet.as_deref(), Some("Reuters"));
    assert_eq!(a.outlet.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(a.paragraphs.len(), 6, "{:#?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("In the weeks before the Vardena dam"));
    assert!(a.paragraphs[5].ends_with("a spokeswoman said."));
    assert!(!has_line(&a, "Over the..."));
    assert!(!a.paragraphs.iter().any(|p| p.contains("Harbour Ledger")));
    assert_eq!(a.published, None);
    assert_eq!(a.published_from, None);
}

const FRENCH: &str = "Le Courrier du Val

Accueil

Monde

Rupture du barrage de Vardena : le bilan s'alourdit à 41 morts

Par Claire Martin et Hugo Benali

Publié le mardi 12 mars 2024 à 10h05

L'essentiel : Le bilan de la rupture du barrage de Vardena est passé à 41 morts mardi. Les secours fouillent toujours les maisons d'Orvalle, et dix-sept personnes restent portées disparues.

Le bilan de la rupture du barrage de Vardena, survenue dimanche dans la vallée de la Lisna, s'est encore alourdi mardi : 41 personnes sont mortes, selon la préfecture, contre 27 la veille.

« Nous continuons à chercher maison par maison », a déclaré le chef des secours, Marc Dalbray, lors d'un point presse à Kessing.

Lire aussi : Barrage de Vardena : les fissures signalées dès 2019

Dix-sept personnes sont toujours portées disparues. Près de 1 500 habitants ont passé une troisième nuit dans des gymnases et des écoles de la vallée.

Avec AFP

Partager

Suivez-nous sur les réseaux sociaux

© Le Courrier du Val 2024 – Mentions légales – Confidentialité
";

#[test]
fn french_dump_with_byline_date_and_agency_credit() {
    let a = extract_text_dump(FRENCH, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Rupture du barrage de Vardena : le bilan s'alourdit à 41 morts")
    );
    assert_eq!(a.outlet.as_deref(), Some("Le Courrier du Val"));
    assert_eq!(a.authors, vec!["Claire Martin", "Hugo Benali"]);
    assert_eq!(a.published.as_deref(), Some("2024-03-12"));
    assert_eq!(a.published_from, Some(DateSource::Text));
    assert!(
        a.teaser.as_deref().is_some_and(
            |t| t.starts_with("Le bilan de la rupture du barrage de Vardena est passé")
        )
    );
    assert_eq!(a.original_outlet.as_deref(), Some("AFP"));
    assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
    assert!(a.paragraphs[0].contains("41 personnes sont mortes"));
    assert!(a.paragraphs[2].starts_with("Dix-sept personnes"));
    for b in [
        "Lire aussi",
        "Avec AFP",
        "Partager",
        "Suivez-nous",
        "Confidentialité",
    ] {
        assert!(!has_line(&a, b), "{b}");
    }
}

const GERMAN: &str = "Dammbruch im Lisnatal: Zahl der Toten steigt auf 41
Von Anna Keller | 12.03.2024, 10:05 Uhr
Aktualisiert am 12.03.2024
Die Zahl der Todesopfer nach dem Bruch der Vardena-Talsperre ist auf 41 gestiegen. Das teilte die Bezirksregierung am Dienstag in Kessing mit.
Noch immer werden 17 Menschen vermisst. Rettungskräfte durchsuchen die überfluteten Häuser in Orvalle Straße für Straße.
Lesen Sie auch: Warum die Risse im Überlauf jahrelang ignoriert wurden
Die Staatsanwaltschaft ermittelt wegen des Verdachts der fahrlässigen Tötung gegen Verantwortliche des Betreibers Lisna Hydro.
Quelle: dpa
Datenschutz · Impressum · Kontakt
";

#[test]
fn german_dump_with_combined_byline_and_date_line() {
    let a = extract_text_dump(GERMAN, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Dammbruch im Lisnatal: Zahl der Toten steigt auf 41")
    );
    assert_eq!(a.published.as_deref(), Some("2024-03-12"));
    assert_eq!(a.modified.as_deref(), Some("2024-03-12"));
    assert_eq!(a.authors, vec!["Anna Keller"]);
    assert_eq!(a.original_outlet.as_deref(), Some("dpa"));
    assert_eq!(a.paragraphs.len(), 3, "{:#?}", a.paragraphs);
    assert!(a.paragraphs[2].starts_with("Die Staatsanwaltschaft ermittelt"));
    assert!(!has_line(&a, "Lesen Sie auch"));
    assert!(!has_line(&a, "Quelle"));
}

const SPANISH: &str = "Rotura de la presa de Vardena: el número de muertos asciende a 41

12 de marzo de 2024

El número de fallecidos por la rotura de la presa de Vardena ha ascendido a 41, según informaron este martes las autoridades regionales.

Leer también: Las grietas de la presa, señaladas desde 2019

Los equipos de rescate siguen buscando a 17 desaparecidos en las casas inundadas de Orvalle, mientras 1.500 vecinos duermen en polideportivos.

Fuente: EFE

Lo más leído

Síguenos en redes sociales
";

#[test]
fn spanish_dump() {
    let a = extract_text_dump(SPANISH, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Rotura de la presa de Vardena: el número de muertos asciende a 41")
    );
    assert_eq!(a.published.as_deref(), Some("2024-03-12"));
    assert_eq!(a.original_outlet.as_deref(), Some("EFE"));
    assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
    assert!(!has_line(&a, "Leer también"));
    assert!(!has_line(&a, "Síguenos"));
}

#[test]
fn credit_handles_go_through_the_outlet_table() {
    let dump = "Reservoir levels fall after Vardena collapse\n\nWater levels in the three reservoirs above the Lisna valley fell sharply on Monday as engineers opened their gates.\n\nSource: reuters\n";
    let a = extract_text_dump(dump, None);
    assert_eq!(
        a.original_outlet,
        crate::outlet::outlet_from_credit("reuters")
    );
    assert!(a.original_outlet.is_some());
}

#[test]
fn bare_author_line_before_the_date_is_a_byline() {
    let dump = "Home\n\nRegion\n\nOrvalle begins to rebuild after the Vardena flood\n\nHanna Roost\n\nMarch 20, 2024\n\nTen days after the Vardena dam gave way, the first shops on Market Street in Orvalle opened their doors again on Wednesday.\n\nThe bakery run by Petra Lind was among them, its window still marked by the line the water left.\n";
    let a = extract_text_dump(dump, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Orvalle begins to rebuild after the Vardena flood")
    );
    assert_eq!(a.authors, vec!["Hanna Roost"]);
    assert_eq!(a.published.as_deref(), Some("2024-03-20"));
    assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
}

#[test]
fn title_case_headline_before_its_date_stays_the_title() {
    let dump = "Orvalle Mourns Victims\n\n2024-03-13\n\nHundreds gathered in the main square of Orvalle on Wednesday to remember the people who died when the Vardena dam gave way.\n";
    let a = extract_text_dump(dump, None);
    assert_eq!(a.title.as_deref(), Some("Orvalle Mourns Victims"));
    assert!(a.authors.is_empty());
}

#[test]
fn date_from_the_address_only_when_the_text_has_none() {
    let url = url::Url::parse("https://ledger.example/world/2024/03/14/vardena-warnings").ok();
    let a = extract_text_dump(LINES_EN, url.as_ref());
    assert_eq!(a.published.as_deref(), Some("2024-03-14"));
    assert_eq!(a.published_from, Some(DateSource::Url));
    let a = extract_text_dump(AGGREGATOR_EN, url.as_ref());
    assert_eq!(a.published.as_deref(), Some("2024-03-11T09:41:02.118Z"));
    assert_eq!(a.published_from, Some(DateSource::Text));
}

#[test]
fn site_name_after_navigation_lines() {
    let dump = "Home\n\nLatest\n\nThe Valley Post\n\nOrvalle begins to rebuild after the Vardena flood\n\nTen days after the Vardena dam gave way, the first shops on Market Street in Orvalle opened their doors again on Wednesday.\n";
    let a = extract_text_dump(dump, None);
    assert_eq!(a.outlet.as_deref(), Some("The Valley Post"));
    assert_eq!(
        a.title.as_deref(),
        Some("Orvalle begins to rebuild after the Vardena flood")
    );
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let dump = "Vardena dam: the valley counts its losses

The water reached the first houses of Orvalle about forty minutes
after the dam gave way, according to the civil protection office,
which says its sirens sounded twenty minutes after the breach.

Residents who fled uphill described a roar like a train. Many had
no time to take anything with them, and some returned on Monday to
find their houses gone from their foundations entirely.
";
    let a = extract_text_dump(dump, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Vardena dam: the valley counts its losses")
    );
    assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
    assert!(a.paragraphs[0].ends_with("twenty minutes after the breach."));
    assert!(a.paragraphs[1].contains("Many had no time"));
}

#[test]
fn crlf_and_title_suffix() {
    let dump = "The Valley Post\r\n\r\nOrvalle mourns its dead | The Valley Post\r\n\r\nPublished: 2024-03-13\r\n\r\nHundreds gathered in the main square of Orvalle on Wednesday to remember the 41 people who died when the Vardena dam gave way.\r\n\r\nThe mayor read out every name.\r\n";
    let a = extract_text_dump(dump, None);
    assert_eq!(a.title.as_deref(), Some("Orvalle mourns its dead"));
    assert_eq!(a.outlet.as_deref(), Some("The Valley Post"));
    assert_eq!(a.published.as_deref(), Some("2024-03-13"));
    assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
}

#[test]
fn listing_dumps_have_no_article() {
    let dump = "The Valley Post\n\nHome\n\nLatest\n\nDam collapse: death toll rises to 41\n\nOrvalle mourns its dead\n\nInsurers brace for claims\n\nMost read\n\n© The Valley Post 2024 - Privacy\n";
    assert!(extract_text_dump(dump, None).paragraphs.is_empty());
    let not_found = "The Valley Post\n\n404\n\nSorry, we can't find that page\n\nThe page you were looking for may have been moved or deleted.\n\nGo to the home page\n";
    assert!(extract_text_dump(not_found, None).paragraphs.is_empty());
    // One short sentence is not enough to call a dump an article.
    let scrap = "Power restored in Orvalle\n\nElectricity returned on Friday.\n";
    assert!(extract_text_dump(scrap, None).paragraphs.is_empty());
    for odd in [
        "",
        " \n\n \t",
        "\r\r\r",
        "...",
        "©",
        "Source:",
        "Highlights:",
    ] {
        let a = extract_text_dump(odd, None);
        assert!(a.paragraphs.is_empty(), "{odd:?}");
        assert_eq!(a.published.is_some(), a.published_from.is_some());
    }
}

#[test]
fn large_dumps_stay_bounded() {
    let line = "The water rose quickly through the streets of Orvalle that night.\n";
    let dump = line.repeat(200_000);
    let a = extract_text_dump(&dump, None);
    assert!(!a.paragraphs.is_empty());
    assert!(a.paragraphs.len() <= MAX_UNITS);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lines that dumps are made of, in any order.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("The Valley Post".to_string()),
            Just("Vardena dam collapse: death toll rises to 41".to_string()),
            Just("2024-03-12T11:20:45.310Z".to_string()),
            Just("Highlights:".to_string()),
            Just(
                "Highlights: The toll rose again on Tuesday as rescuers searched Orvalle."
                    .to_string()
            ),
            Just(
                "Rescuers searched the flooded houses of Orvalle street by street on Tuesday."
                    .to_string()
            ),
            Just("Reuters spoke with engineers; one told Reuters the cracks were old.".to_string()),
            Just("Read alsoWhat insurers will pay".to_string()),
            Just("Source: leparis".to_string()),
            Just("Source:".to_string()),
            Just("By Jane Doe and".to_string()),
            Just("Hanna Roost".to_string()),
            Just("© Relay 2024 - Privacy".to_string()),
            Just("Download The Valley Post App".to_string()),
            Just("Over the...".to_string()),
            Just(String::new()),
            "[a-zA-Z ,.:|«»„“”'…-]{0,120}",
            "\\PC{0,60}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn dumps_keep_the_article_invariants(lines in proptest::collection::vec(line(), 0..40),
                                             blank in any::<bool>()) {
            let sep = if blank { "\n\n" } else { "\n" };
            let dump = lines.join(sep);
            let a = extract_text_dump(&dump, None);
            prop_assert_eq!(&a.text, &a.paragraphs.join("\n\n"));
            prop_assert_eq!(a.published.is_some(), a.published_from.is_some());
            // Paragraphs and title come from the dump: nothing is invented.
            let collapsed = crate::text::collapse_whitespace(&dump);
            for p in &a.paragraphs {
                prop_assert!(!p.trim().is_empty());
                prop_assert!(collapsed.contains(p.as_str()));
            }
            if let Some(t) = &a.title {
                prop_assert!(collapsed.contains(t.as_str()));
            }
            prop_assert!(a.original_outlet.is_none() || a.original_outlet != a.outlet);
        }
    }
}
