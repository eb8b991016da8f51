use super::*;

fn one(text: &str, lang: &str) -> Quantity {
    let r = recognize(text, lang);
    assert_eq!(r.len(), 1, "{text}: {r:?}");
    r.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn num(text: &str, lang: &str) -> Vec<(String, f64)> {
    recognize_numbers(text, lang)
        .into_iter()
        .map(|q| (q.text, q.value.unwrap_or(f64::NAN)))
        .collect()
}

#[test]
fn formats_like_recognizers() {
    assert_eq!(format_value(192.0), "192");
    assert_eq!(format_value(103.0 + 2.0 / 3.0), "103.666666666667");
    assert_eq!(format_value(1e-12), "1E-12");
    assert_eq!(format_value(-1.2732e15), "-1.2732E+15");
    assert_eq!(format_value(123456789101231.0), "123456789101231");
    assert_eq!(format_value(0.08), "0.08");
}

#[test]
fn english_numbers() {
    assert_eq!(num("1,234,567", "en"), [("1,234,567".into(), 1234567.0)]);
    assert_eq!(num("one hundred and sixty-one", "en")[0].1, 161.0);
    assert_eq!(num("two hundred and two thousand", "en")[0].1, 202000.0);
    assert_eq!(num("1.5 million", "en")[0].1, 1.5e6);
    assert_eq!(num("a dozen", "en")[0].1, 12.0);
    assert!((num("two thirds", "en")[0].1 - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(num("one and a half", "en")[0].1, 1.5);
    assert_eq!(num("3/4", "en"), [("3/4".into(), 0.75)]);
    assert_eq!(num("on 5/17/2018", "en").len(), 3);
    assert_eq!(num("192.168.1.2", "en").len(), 4);
    assert!(num("the 180ml liquid", "en").is_empty());
    assert!(num("Which one do you prefer?", "en").is_empty());
    assert_eq!(num("10k", "en")[0].1, 10000.0);
}

#[test]
fn other_languages() {
    assert_eq!(num("cinq millions", "fr")[0].1, 5e6);
    assert_eq!(num("quatre-vingt-dix-neuf", "fr")[0].1, 99.0);
    assert_eq!(num("100 тысяч", "ru")[0].1, 1e5);
    assert_eq!(num("diecisiete", "es")[0].1, 17.0);
    assert_eq!(num("cento", "it")[0].1, 100.0);
    assert_eq!(num("duecentocinquantamila", "it")[0].1, 250000.0);
    assert_eq!(num("einhunderteinunddreißig", "de")[0].1, 131.0);
    assert_eq!(num("100.000", "de")[0].1, 100000.0);
    assert_eq!(num("1,5", "de")[0].1, 1.5);
    assert_eq!(num("100 000", "fr")[0].1, 100000.0);
}

#[test]
fn money_durations_and_more() {
    let q = one("paid $82,000 in cash", "en");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (Kind::Money, Some(82000.0), Some("USD"))
    );
    let q = one("five million rubles", "en");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (Kind::Money, Some(5e6), Some("RUB"))
    );
    let q = one("€3bn", "en");
    assert_eq!((q.kind, q.value), (Kind::Money, Some(3e9)));
    let q = one("two weeks of training", "en");
    assert_eq!(
        (q.kind, q.seconds, q.unit.as_deref()),
        (Kind::Duration, Some(1_209_600.0), Some("week"))
    );
    let q = one("zwei Wochen", "de");
    assert_eq!(q.kind, Kind::Duration);
    let q = one("a 45-year-old man", "en");
    assert_eq!((q.kind, q.value), (Kind::Age, Some(45.0)));
    let q = one("12 percent", "en");
    assert_eq!((q.kind, q.value), (Kind::Percentage, Some(12.0)));
    let q = one("20 °C", "en");
    assert_eq!((q.kind, q.unit.as_deref()), (Kind::Temperature, Some("°C")));
    let q = one("5 km", "en");
    assert_eq!((q.kind, q.unit.as_deref()), (Kind::Dimension, Some("km")));
    let q = one("between 50 and 60", "en");
    assert_eq!(
        (q.kind, q.min, q.max),
        (Kind::Range, Some(50.0), Some(60.0))
    );
    let q = one("tens of thousands", "en");
    assert_eq!(
        (q.kind, q.min, q.approximate),
        (Kind::Range, Some(2e4), true)
    );
    let q = one("several hundred thousand reservists", "en");
    assert_eq!((q.kind, q.min, q.max), (Kind::Range, Some(2e5), Some(9e5)));
}

#[test]
fn offsets_are_code_points() {
    let q = one("Über 17 Jahre", "de");
    assert_eq!((q.start, q.end, q.text.as_str()), (5, 13, "17 Jahre"));
}

#[test]
fn bad_input_is_bounded() {
    let big = "9".repeat(500);
    let _ = recognize(&big, "en");
    let long = "one two ".repeat(20_000);
    let r = recognize(&long, "en");
    assert!(!r.is_empty());
    let _ = recognize("- - -- ^^ 1^ 1e 1,,, ..5 $ € º", "en");
    // Look-ahead for fractions after "and" once chained down the whole text (quadratic).
    let chain = "one hundred and ".repeat(5000);
    assert_eq!(recognize(&chain, "en").len(), 5000);
}

#[test]
fn ranges_and_hedged_spans() {
    let q = one("from 5 to 10 percent", "en");
    assert_eq!(
        (q.kind, q.min, q.max, q.unit.as_deref()),
        (Kind::Range, Some(5.0), Some(10.0), Some("%"))
    );
    let q = one("between 50 and 60", "en");
    assert_eq!(q.text, "between 50 and 60");
    let q = one("prices rose 50-60 times", "en");
    assert_eq!(
        (q.kind, q.min, q.max),
        (Kind::Range, Some(50.0), Some(60.0))
    );
    // Dates are not ranges.
    assert!(
        recognize("on 2023-11-20", "en")
            .iter()
            .all(|q| q.kind != Kind::Range)
    );
    let q = one("a few weeks", "en");
    assert_eq!(
        (q.kind, q.value, q.approximate),
        (Kind::Duration, Some(3.0), true)
    );
    let q = one("hundreds of thousands", "en");
    assert_eq!((q.min, q.max), (Some(2e5), Some(1e6)));
    let q = one("des dizaines de milliers", "fr");
    assert_eq!((q.min, q.max), (Some(2e4), Some(1e5)));
    let q = one("сотни тысяч", "ru");
    assert_eq!((q.min, q.max), (Some(2e5), Some(1e6)));
}

#[test]
fn money_forms() {
    let q = one("c $ 16.4 million", "en");
    assert_eq!((q.value, q.unit.as_deref()), (Some(16.4e6), Some("CAD")));
    let q = one("it only cost thirteen dollars and forty-five cents", "en");
    assert_eq!(q.value, Some(13.45));
    let q = one("75 millions de dollars", "fr");
    assert_eq!((q.kind, q.value), (Kind::Money, Some(75e6)));
    let q = one("cinq millions de roubles", "fr");
    assert_eq!((q.kind, q.unit.as_deref()), (Kind::Money, Some("RUB")));
    let q = one("100 тысяч рублей", "ru");
    assert_eq!(
        (q.kind, q.value, q.unit.as_deref()),
        (Kind::Money, Some(1e5), Some("RUB"))
    );
    // Weight, not money, without talk of money.
    let q = one("she lost 25 pounds", "en");
    assert_eq!(q.kind, Kind::Dimension);
}

#[test]
fn ordinals_and_fractions() {
    let o: Vec<(Kind, Option<f64>)> = recognize_numbers("the 17th and the twenty-first", "en")
        .into_iter()
        .map(|q| (q.kind, q.value))
        .collect();
    assert_eq!(
        o,
        [(Kind::Ordinal, Some(17.0)), (Kind::Ordinal, Some(21.0))]
    );
    assert_eq!(num("vigésimo quinto", "es").len(), 1);
    assert_eq!(
        recognize_numbers("vigésimo quinto", "es")[0].value,
        Some(25.0)
    );
    assert_eq!(num("one hundred and three quarters", "en")[0].1, 100.75);
    assert_eq!(num("half a dozen", "en")[0].1, 6.0);
    assert_eq!(
        num("tres billones cuatrocientos mil millones", "es")[0].1,
        3.4e12
    );
    assert_eq!(
        num("0.683 y 1.111,11 y 1,111.11", "es")
            .iter()
            .map(|x| x.1)
            .collect::<Vec<_>>(),
        [0.683, 1111.11, 1111.11]
    );
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn offsets_and_texts_agree(s in "\\PC{0,120}", lang in prop::sample::select(vec!["en", "fr", "de", "es", "it", "ru", "pt", "nl"])) {
            let chars: Vec<char> = s.chars().collect();
            let mut last_end = 0;
            for q in recognize(&s, lang) {
                prop_assert!(q.start < q.end && q.end <= chars.len());
                prop_assert!(q.start >= last_end);
                last_end = q.end;
                let slice: String = chars[q.start..q.end].iter().collect();
                prop_assert_eq!(slice, q.text);
            }
        }

        #[test]
        fn every_entry_point_keeps_offsets(s in "[0-9 .,\\-/%$€a-zA-Zéñ]{0,80}", lang in prop::sample::select(vec!["en", "fr", "es", "de"])) {
            let chars: Vec<char> = s.chars().collect();
            let qs = recognize_numbers(&s, lang)
                .into_iter()
                .chain(recognize_with_unit_mentions(&s, lang))
                .chain(recognize_number_ranges(&s, lang).into_iter().map(|r| r.quantity));
            for q in qs {
                prop_assert!(q.start < q.end && q.end <= chars.len());
                let slice: String = chars[q.start..q.end].iter().collect();
                prop_assert_eq!(slice, q.text);
            }
        }

        #[test]
        fn numbery_text_never_panics(s in "[0-9 .,\\-/^eE%$€kKmM]{0,60}( (one|two|hundred|thousand|and|half|a|dozen|percent|million|years|cent|mille|tausend|und))*") {
            let _ = recognize(&s, "en");
            let _ = recognize(&s, "de");
            let _ = recognize(&s, "fr");
        }
    }
}

#[test]
fn comparative_ranges() {
    let r = recognize_number_ranges("There are at most 100 and at least 20 apples.", "en");
    assert_eq!(r.len(), 1);
    let q = &r[0];
    assert_eq!(
        (
            q.quantity.min,
            q.quantity.max,
            q.min_inclusive,
            q.max_inclusive
        ),
        (Some(20.0), Some(100.0), true, true)
    );
    let r = recognize_number_ranges("as many as 75,000 troops", "en");
    assert_eq!(
        (r[0].quantity.min, r[0].quantity.max, r[0].max_inclusive),
        (None, Some(75000.0), true)
    );
    let r = recognize_number_ranges("x>10 and y<20", "en");
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].quantity.min, r[0].min_inclusive), (Some(10.0), false));
    let r = recognize_number_ranges("plus de 300 millions d'euros", "fr");
    assert_eq!(
        (r[0].quantity.min, r[0].quantity.unit.as_deref()),
        (Some(3e8), Some("EUR"))
    );
    // Plain numbers are no ranges.
    assert!(recognize_number_ranges("he counted 20 apples", "en").is_empty());
}

#[test]
fn romance_ages_and_durations() {
    let kinds = |t: &str, l: &str| {
        recognize(t, l)
            .into_iter()
            .map(|q| q.kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds("Jean Dupont, 45 ans, a été arrêté", "fr"),
        [Kind::Age]
    );
    assert_eq!(kinds("condamné à 17 ans de prison", "fr"), [Kind::Duration]);
    assert_eq!(kinds("il y a deux ans", "fr"), [Kind::Duration]);
    assert_eq!(kinds("el niño de 12 años", "es"), [Kind::Age]);
    assert_eq!(kinds("desde hace 17 años", "es"), [Kind::Duration]);
    assert_eq!(kinds("tiene 29 años", "es"), [Kind::Age]);
}

#[test]
fn decades_are_not_seconds() {
    let r = recognize("in the 1990s and her 20s, 30 s later", "en");
    let kinds: Vec<Kind> = r.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [Kind::Number, Kind::Number, Kind::Number]);
    let r = recognize("it took 45s", "en");
    assert_eq!((r[0].kind, r[0].seconds), (Kind::Duration, Some(45.0)));
}

#[test]
fn hedged_figures_are_approximate() {
    let q = one("nearly six months", "en");
    assert_eq!((q.text.as_str(), q.approximate), ("six months", true));
    let q = one("an estimated 5,000 people", "en");
    assert!(q.approximate);
    let q = one("près de 500 soldats", "fr");
    assert!(q.approximate);
    let q = one("somebody talks about 100,000 rubles", "en");
    assert!(!q.approximate);
    let q = one("the toll was about 50", "en");
    assert!(q.approximate);
    let q = one("exactly 500 soldiers", "en");
    assert!(!q.approximate);
}

#[test]
fn digits_inside_chinese_and_japanese_text_are_numbers() {
    let texts: Vec<String> = recognize("死者は45人に増え、約1500人が避難した。", "ja")
        .into_iter()
        .map(|q| q.text)
        .collect();
    assert!(texts.contains(&"45".to_string()), "{texts:?}");
    assert!(texts.contains(&"1500".to_string()), "{texts:?}");
    // Latin letters still glue: a code is not a number.
    assert!(
        recognize("the A320neo", "en")
            .iter()
            .all(|q| q.text != "320")
    );
}

#[test]
fn at_least_is_not_a_minus_sign() {
    for (text, lang, value) in [
        (
            "Au moins cinq millions d'euros ont été versés.",
            "fr",
            5_000_000.0,
        ),
        ("Al menos 200 personas murieron.", "es", 200.0),
        ("Pelo menos 30 pessoas.", "pt", 30.0),
    ] {
        let q = recognize(text, lang);
        assert!(
            q.iter()
                .any(|q| q.value == Some(value) || q.min == Some(value)),
            "{text}: {q:?}"
        );
        assert!(
            q.iter().all(|q| q.value.is_none_or(|v| v >= 0.0)),
            "{text}: {q:?}"
        );
    }
    assert_eq!(recognize("moins cinq degrés", "fr")[0].value, Some(-5.0));
}

#[test]
fn italian_mila_milioni_miliardi() {
    let all = |t: &str| -> Vec<(String, Option<f64>)> {
        recognize(t, "it")
            .into_iter()
            .map(|q| (q.text, q.value))
            .collect()
    };
    // glued "mila" as Italian papers write it
    assert_eq!(
        all("i reclutati sarebbero circa 100mila"),
        [("100mila".to_string(), Some(100_000.0))]
    );
    assert_eq!(all("almeno 20mila reclutati")[0].1, Some(20_000.0));
    for t in [
        "le stime vanno da 35mila a 100mila",
        "le stime vanno da 35 mila a 100 mila",
    ] {
        let r = recognize(t, "it");
        assert_eq!(
            r.iter().map(|q| (q.kind, q.min, q.max)).collect::<Vec<_>>(),
            [(Kind::Range, Some(35_000.0), Some(100_000.0))],
            "{t}"
        );
    }
    assert_eq!(all("oggi 10 mila in più")[0].1, Some(10_000.0));
    assert_eq!(all("stanziato 2,5 milioni")[0].1, Some(2_500_000.0));
    assert_eq!(all("chiede 3 miliardi")[0].1, Some(3e9));
    assert_eq!(all("quattro milioni di metri cubi")[0].1, Some(4e6));
    // not a multiplier in other languages
    assert!(
        recognize("100mila", "en")
            .iter()
            .all(|q| q.value != Some(100_000.0))
    );
}

#[test]
fn french_pour_cent_is_one_percentage() {
    for (text, v) in [
        ("la hausse de cinq pour cent des salaires", 5.0),
        ("la hausse de 5 pour cent", 5.0),
        ("Cinq pour cent, c’est moins que l’inflation", 5.0),
        ("dix pour cent", 10.0),
        ("cinq pour cent", 5.0),
    ] {
        let r = recognize(text, "fr");
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        assert_eq!(
            (r[0].kind, r[0].value),
            (Kind::Percentage, Some(v)),
            "{text}"
        );
    }
}
