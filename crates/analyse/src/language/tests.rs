use super::*;
use std::collections::HashMap;

/// One news-like paragraph per supported language (written for these tests).
const NEWS: &[(&str, &str)] = &[
    (
        "en",
        "The government announced on Tuesday that fuel prices will rise by 12 percent next month. \
         Opposition leaders called the decision a betrayal of working families.",
    ),
    (
        "fr",
        "Le gouvernement a annoncé mardi une hausse de 12 % du prix des carburants le mois prochain. \
         Les dirigeants de l'opposition ont dénoncé une trahison envers les familles modestes.",
    ),
    (
        "de",
        "Die Regierung hat am Dienstag angekündigt, dass die Spritpreise im nächsten Monat um zwölf Prozent steigen. \
         Die Opposition sprach von einem Verrat an den arbeitenden Familien.",
    ),
    (
        "es",
        "El Gobierno anunció el martes que los precios del combustible subirán un 12 por ciento el próximo mes. \
         Los líderes de la oposición calificaron la decisión de traición a las familias trabajadoras.",
    ),
    (
        "it",
        "Il governo ha annunciato martedì che i prezzi del carburante aumenteranno del 12 per cento il mese prossimo. \
         I leader dell'opposizione hanno definito la decisione un tradimento delle famiglie che lavorano.",
    ),
    (
        "pt",
        "O governo anunciou na terça-feira que os preços dos combustíveis vão subir 12 por cento no próximo mês. \
         Os líderes da oposição chamaram a decisão de uma traição às famílias trabalhadoras.",
    ),
    (
        "nl",
        "De regering heeft dinsdag aangekondigd dat de brandstofprijzen volgende maand met twaalf procent stijgen. \
         Oppositieleiders noemden het besluit een verraad aan werkende gezinnen.",
    ),
    (
        "pl",
        "Rząd ogłosił we wtorek, że ceny paliw wzrosną w przyszłym miesiącu o dwanaście procent. \
         Przywódcy opozycji nazwali tę decyzję zdradą pracujących rodzin.",
    ),
    (
        "ru",
        "Правительство во вторник объявило, что цены на топливо в следующем месяце вырастут на двенадцать процентов. \
         Лидеры оппозиции назвали это решение предательством работающих семей.",
    ),
    (
        "uk",
        "Уряд у вівторок оголосив, що ціни на пальне наступного місяця зростуть на дванадцять відсотків. \
         Лідери опозиції назвали це рішення зрадою працюючих родин.",
    ),
    (
        "tr",
        "Hükümet salı günü yaptığı açıklamada akaryakıt fiyatlarının gelecek ay yüzde on iki artacağını duyurdu. \
         Muhalefet liderleri kararı çalışan ailelere ihanet olarak nitelendirdi.",
    ),
    (
        "ar",
        "أعلنت الحكومة يوم الثلاثاء أن أسعار الوقود سترتفع بنسبة اثني عشر بالمئة الشهر المقبل. \
         ووصف قادة المعارضة القرار بأنه خيانة للأسر العاملة.",
    ),
    (
        "fa",
        "دولت روز سه‌شنبه اعلام کرد که قیمت سوخت در ماه آینده دوازده درصد افزایش می‌یابد. \
         رهبران مخالفان این تصمیم را خیانت به خانواده‌های کارگر خواندند.",
    ),
    (
        "zh",
        "政府周二宣布，下个月燃油价格将上涨百分之十二。反对党领导人称这一决定是对工薪家庭的背叛。",
    ),
    (
        "ja",
        "政府は火曜日、来月から燃料価格が12パーセント上がると発表した。野党の指導者たちは、この決定を働く家庭への裏切りだと批判した。",
    ),
    (
        "ko",
        "정부는 화요일 다음 달부터 연료 가격이 12퍼센트 오른다고 발표했다. 야당 지도자들은 이 결정이 일하는 가정에 대한 배신이라고 비판했다.",
    ),
    (
        "cs",
        "Vláda v úterý oznámila, že ceny pohonných hmot příští měsíc vzrostou o dvanáct procent. \
         Představitelé opozice označili rozhodnutí za zradu pracujících rodin.",
    ),
    (
        "ro",
        "Guvernul a anunțat marți că prețurile carburanților vor crește luna viitoare cu douăsprezece procente. \
         Liderii opoziției au numit decizia o trădare a familiilor care muncesc.",
    ),
    (
        "bg",
        "Правителството обяви във вторник, че цените на горивата ще се повишат с дванадесет процента следващия месец. \
         Лидерите на опозицията нарекоха решението предателство към работещите семейства.",
    ),
    (
        "hr",
        "Vlada je u utorak objavila da će cijene goriva idućeg mjeseca porasti za dvanaest posto. \
         Čelnici oporbe nazvali su tu odluku izdajom obitelji koje rade.",
    ),
    (
        "sl",
        "Vlada je v torek sporočila, da se bodo cene goriv prihodnji mesec zvišale za dvanajst odstotkov. \
         Voditelji opozicije so odločitev označili za izdajo delavskih družin.",
    ),
    (
        "sk",
        "Vláda v utorok oznámila, že ceny pohonných látok budúci mesiac stúpnu o dvanásť percent. \
         Predstavitelia opozície označili rozhodnutie za zradu pracujúcich rodín.",
    ),
    (
        "da",
        "Regeringen meddelte tirsdag, at brændstofpriserne stiger med tolv procent i næste måned. \
         Oppositionens ledere kaldte beslutningen et svigt af de arbejdende familier.",
    ),
    (
        "sv",
        "Regeringen meddelade på tisdagen att bränslepriserna kommer att stiga med tolv procent nästa månad. \
         Oppositionens ledare kallade beslutet ett svek mot arbetande familjer.",
    ),
    (
        "el",
        "Η κυβέρνηση ανακοίνωσε την Τρίτη ότι οι τιμές των καυσίμων θα αυξηθούν κατά δώδεκα τοις εκατό τον επόμενο μήνα. \
         Οι ηγέτες της αντιπολίτευσης χαρακτήρισαν την απόφαση προδοσία των εργαζόμενων οικογενειών.",
    ),
    (
        "hu",
        "A kormány kedden bejelentette, hogy az üzemanyagárak a jövő hónapban tizenkét százalékkal emelkednek. \
         Az ellenzék vezetői a döntést a dolgozó családok elárulásának nevezték.",
    ),
    (
        "fi",
        "Hallitus ilmoitti tiistaina, että polttoaineen hinnat nousevat ensi kuussa kaksitoista prosenttia. \
         Opposition johtajat kutsuivat päätöstä työssäkäyvien perheiden pettämiseksi.",
    ),
    (
        "nb",
        "Regjeringen kunngjorde tirsdag at drivstoffprisene vil stige med tolv prosent neste måned. \
         Opposisjonslederne kalte beslutningen et svik mot arbeidende familier.",
    ),
    (
        "he",
        "הממשלה הודיעה ביום שלישי כי מחירי הדלק יעלו בשנים עשר אחוזים בחודש הבא. \
         מנהיגי האופוזיציה כינו את ההחלטה בגידה במשפחות העובדות.",
    ),
    (
        "hi",
        "सरकार ने मंगलवार को घोषणा की कि अगले महीने ईंधन की कीमतें बारह प्रतिशत बढ़ जाएंगी। \
         विपक्ष के नेताओं ने इस फैसले को कामकाजी परिवारों के साथ विश्वासघात बताया।",
    ),
    (
        "id",
        "Pemerintah mengumumkan pada hari Selasa bahwa harga bahan bakar akan naik dua belas persen bulan depan. \
         Para pemimpin oposisi menyebut keputusan itu sebagai pengkhianatan terhadap keluarga pekerja.",
    ),
    (
        "vi",
        "Chính phủ hôm thứ Ba thông báo rằng giá nhiên liệu sẽ tăng mười hai phần trăm vào tháng tới. \
         Các lãnh đạo phe đối lập gọi quyết định này là sự phản bội đối với các gia đình lao động.",
    ),
];

#[test]
fn every_supported_language_on_news() {
    let mut wrong = Vec::new();
    for (code, text) in NEWS {
        match detect(text) {
            Some(g) if g.code == *code => {
                assert!(
                    (0.0..=1.0).contains(&g.confidence),
                    "{code}: {}",
                    g.confidence
                );
                assert!(
                    g.confidence > 0.5,
                    "{code}: low confidence {}",
                    g.confidence
                );
            }
            other => wrong.push(format!("{code}: {other:?}")),
        }
    }
    assert!(wrong.is_empty(), "misdetected: {wrong:?}");
}

#[test]
fn narrowing_agrees_with_the_full_detector() {
    let mut narrowed = 0;
    let texts: Vec<String> = NEWS
        .iter()
        .map(|(_, t)| t.to_string())
        .chain(NEWS.iter().map(|(_, t)| format!("{t} {t}")))
        .collect();
    for text in &texts {
        let full = DETECTOR.compute_language_confidence_values(text.as_str());
        let near = match prefilter::vote(text) {
            prefilter::Vote::Decided(language, _) => Some(language),
            prefilter::Vote::Narrowed(detector) => detector
                .compute_language_confidence_values(text.as_str())
                .first()
                .map(|v| v.0),
            prefilter::Vote::Open => continue,
        };
        narrowed += 1;
        assert_eq!(near, full.first().map(|v| v.0), "{text}");
    }
    // the terse paragraphs here have few function words: about half are narrowed
    assert!(narrowed >= 12, "{narrowed}");
}

#[test]
fn the_list_covers_every_language_tested() {
    let codes = supported_codes();
    assert_eq!(codes.len(), NEWS.len());
    for (code, _) in NEWS {
        assert!(codes.iter().any(|c| c == code), "{code}");
    }
}

#[test]
fn main_language_of_a_mixed_text() {
    let text = "The French president spoke to reporters in Paris on Monday. \
        \"Nous ne céderons pas\", he said, meaning that the government would not give in. \
        His remarks came after a week of strikes that shut down railways and schools \
        across the country, and unions promised more protests on Thursday.";
    assert_eq!(detect(text).map(|g| g.code), Some("en".to_string()));

    let text = "Der Kanzler sagte am Montag in Berlin, die Regierung werde an ihrem Kurs festhalten. \
        Auf Englisch fügte er hinzu: \"We will not be intimidated.\" \
        Die Opposition kritisierte die Rede als leere Worte und forderte Neuwahlen im Herbst.";
    assert_eq!(detect(text).map(|g| g.code), Some("de".to_string()));

    let text = "Президент заявил журналистам, что переговоры продолжатся на следующей неделе. \
        По его словам, стороны обсудили обмен пленными и поставки зерна. \
        Reuters could not verify the claim. \
        Ранее министерство обороны сообщило о новых ударах по инфраструктуре.";
    assert_eq!(detect(text).map(|g| g.code), Some("ru".to_string()));
}

#[test]
fn nothing_to_tell() {
    for text in [
        "",
        "   \n\t ",
        "12 345 678,90 2023-11-10",
        "!!! ??? ... --- ***",
        "42 %",
        "OK",
        "https://x.y/1",
    ] {
        assert_eq!(detect(text), None, "{text:?}");
    }
}

#[test]
fn short_headlines_have_low_confidence() {
    for text in [
        "Putin grants amnesty",
        "Prisoners freed early",
        "Nouvelle grève lundi",
    ] {
        if let Some(g) = detect(text) {
            assert!(g.confidence < 0.5, "{text:?}: {g:?}");
        }
    }
}

#[test]
fn a_long_text_is_sampled_and_decided_fast() {
    let para = NEWS[2].1;
    let mut text = String::new();
    while text.len() < 10_000_000 {
        text.push_str(para);
        text.push_str("\n\n");
    }
    let t = std::time::Instant::now();
    let g = detect(&text).expect("a language");
    assert_eq!(g.code, "de");
    assert!(t.elapsed().as_secs_f64() < 2.0, "took {:?}", t.elapsed());
    let s = sample(&text);
    assert!(s.len() <= WINDOWS * (WINDOW_BYTES + 1), "{}", s.len());
}

#[test]
fn sampling_cuts_at_char_boundaries() {
    let text = "Привет мир, это тест. ".repeat(500) + &"日本語の文章です。".repeat(500);
    let s = sample(&text);
    assert!(!s.is_empty());
    assert!(s.len() <= WINDOWS * (WINDOW_BYTES + 1));
    let no_space = "é".repeat(10_000);
    assert!(!sample(&no_space).is_empty());
}

#[test]
fn forced_language() {
    assert_eq!(
        LanguageGuess::forced(" FR "),
        LanguageGuess {
            code: "fr".into(),
            confidence: 1.0
        }
    );
}

/// First-call and steady-state latency (run with --release --ignored --nocapture).
#[test]
#[ignore]
fn timing() {
    let t = std::time::Instant::now();
    let _ = detect(NEWS[0].1);
    println!("first call: {:?}", t.elapsed());
    let cases: Vec<(&str, String)> = vec![
        ("en paragraph", NEWS[0].1.to_string()),
        ("en 3 KB", NEWS[0].1.repeat(3000 / NEWS[0].1.len())),
        ("en 1 MB", NEWS[0].1.repeat(1_000_000 / NEWS[0].1.len())),
        ("ru 3 KB", NEWS[8].1.repeat(3000 / NEWS[8].1.len())),
        ("zh 3 KB", NEWS[13].1.repeat(3000 / NEWS[13].1.len())),
        (
            "all languages",
            NEWS.iter().map(|(_, t)| *t).collect::<Vec<_>>().join("\n"),
        ),
    ];
    for (name, text) in &cases {
        println!(
            "{name} ({} B): {:?} per call",
            text.len(),
            best_of(|| {
                detect(text);
            })
        );
    }
    for (code, text) in NEWS {
        println!("{code}: {:?}", detect(text));
    }
    // cost against the sample's size
    for lang in [0usize, 8] {
        let long = NEWS[lang].1.repeat(5);
        for size in [100usize, 200, 300, 400, 600] {
            let cut = floor_boundary(&long, size);
            let text = &long[..cut];
            println!(
                "{} {size} B: {:?}",
                NEWS[lang].0,
                best_of(|| {
                    DETECTOR.compute_language_confidence_values(text);
                })
            );
        }
    }
}

/// The fastest of 15 rounds of 10 calls (the machine is shared), per call.
fn best_of(mut f: impl FnMut()) -> std::time::Duration {
    (0..15)
        .map(|_| {
            let t = std::time::Instant::now();
            for _ in 0..10 {
                f();
            }
            t.elapsed() / 10
        })
        .min()
        .unwrap_or_default()
}

/// Peak memory of one English detection (run the test binary under `/usr/bin/time -v`).
#[test]
#[ignore]
fn memory_one_language() {
    let text = NEWS[0].1.repeat(20);
    println!("{:?}", detect(&text));
}

/// `LINGUA_BENCH=en:600` runs 200 detections of that much text (for `perf stat`).
#[test]
#[ignore]
fn cost_by_size() {
    let spec = std::env::var("LINGUA_BENCH").unwrap_or_else(|_| "en:600".into());
    let (code, size) = spec.split_once(':').unwrap_or(("en", "600"));
    let size: usize = size.parse().unwrap_or(600);
    let text = match std::env::var("LINGUA_BENCH_FILE") {
        Ok(path) => std::fs::read_to_string(path).unwrap_or_default(),
        Err(_) => NEWS
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(NEWS[0].1, |(_, t)| t)
            .repeat(40),
    };
    let text = &text[..floor_boundary(&text, size)];
    let calls: usize = std::env::var("LINGUA_BENCH_CALLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let full = std::env::var("LINGUA_BENCH_FULL").is_ok();
    for _ in 0..calls {
        if full {
            DETECTOR.compute_language_confidence_values(text);
        } else {
            detect(text);
        }
    }
}

/// `LINGUA_FILES=list.txt` (one path a line): how often the function-word vote decides
/// or narrows the candidates on real texts, whether the result differs from lingua's
/// over every language, and what detection costs.
#[test]
#[ignore]
fn vote_on_files() {
    let Ok(list) = std::fs::read_to_string(std::env::var("LINGUA_FILES").unwrap_or_default())
    else {
        println!("skipped: no LINGUA_FILES");
        return;
    };
    let texts: Vec<(&str, String)> = list
        .lines()
        .filter_map(|p| Some((p, std::fs::read_to_string(p).ok()?)))
        .collect();
    let (mut decided, mut narrowed, mut open, mut differ) = (0, 0, 0, 0);
    let mut by_language: HashMap<String, usize> = HashMap::new();
    for (path, text) in &texts {
        let s = sample(text);
        let full = DETECTOR
            .compute_language_confidence_values(s.as_str())
            .first()
            .map(|v| v.0);
        match prefilter::vote(&s) {
            prefilter::Vote::Decided(..) => decided += 1,
            prefilter::Vote::Narrowed(_) => narrowed += 1,
            prefilter::Vote::Open => open += 1,
        }
        let ours = detect(text).map(|g| g.code);
        *by_language.entry(format!("{ours:?}")).or_default() += 1;
        if ours != full.map(|l| l.iso_code_639_1().to_string()) {
            differ += 1;
            println!("{path}: {ours:?} vs lingua's {full:?}");
        }
    }
    println!(
        "{} texts: {decided} decided by the vote, {narrowed} narrowed, {open} open; \
         {differ} differ from lingua over every language; {by_language:?}",
        texts.len()
    );
    let t = std::time::Instant::now();
    for (_, text) in &texts {
        std::hint::black_box(detect(text));
    }
    println!("mean {:?} a text", t.elapsed() / texts.len().max(1) as u32);
}
