use super::*;

// A made-up article in the style of a wire story.
const TEXT: &str = "The mayor said the budget was balanced. \"We will not raise taxes,\" Maria Lopez told reporters.\n\nOfficials, he added, expect a surplus.";

fn chars_of(s: &str, from: &str) -> (usize, usize) {
    let b = s.find(from).unwrap();
    let start = s[..b].chars().count();
    (start, start + from.chars().count())
}

#[test]
fn brat_parser_reads_discontinuous_spans_multiline_text_and_events() {
    let (a, b) = chars_of(TEXT, "Officials,");
    let (c, d) = chars_of(TEXT, "expect a surplus");
    let (q1, q2) = chars_of(TEXT, "We will not raise taxes,");
    let (s1, s2) = chars_of(TEXT, "Maria Lopez");
    let (k1, k2) = chars_of(TEXT, "told");
    let (m1, m2) = chars_of(TEXT, "balanced. \"We");
    let (h1, h2) = chars_of(TEXT, "he");
    let ann = format!(
        "T1\tContent {a} {b};{c} {d}\tOfficials, expect a surplus\n\
         T2\tSource {h1} {h2}\the\n\
         T3\tCue {}\tadded\n\
         T4\tAttribution {}\tadded\n\
         E1\tAttribution:T4 Source:T2 Cue:T3 Content:T1\n\
         T5\tContent {q1} {q2}\tWe will not raise taxes,\n\
         T6\tSource {s1} {s2}\tMaria Lopez\n\
         T7\tCue {k1} {k2}\ttold\n\
         T8\tDiscuss {m1} {}\tbalanced. \"We will not raise taxes,\" Maria Lopez told reporters.\n\
         \n\
         Officials\n\
         E2\tAttribution:T7 Content:T5 Source:T6 Cue:T7\n\
         #1\tAnnotatorNotes T5\tcheck\n\
         E3\tAttribution-no-source:T7\n",
        {
            let (x, y) = chars_of(TEXT, "added");
            format!("{x} {y}")
        },
        {
            let (x, y) = chars_of(TEXT, "added");
            format!("{x} {y}")
        },
        chars_of(TEXT, "Officials").1,
    );
    let _ = m2;
    let brat = polnear::parse(&ann);
    assert_eq!(brat.bad_lines, 0, "{brat:?}");
    assert_eq!(brat.text_bounds.len(), 8);
    assert_eq!(brat.text_bounds["T1"].spans, vec![[a, b], [c, d]]);
    assert!(
        brat.text_bounds["T8"]
            .text
            .ends_with("reporters.\n\nOfficials")
    );
    assert_eq!(brat.events.len(), 3);
    assert_eq!(brat.events[1].arg("Source"), Some("T6"));

    let (quotes, dropped) = polnear::gold_quotes(&brat, TEXT);
    assert_eq!(dropped, 1, "E3 has no content");
    assert_eq!(quotes.len(), 2);
    let direct = &quotes[0];
    assert_eq!((direct.start, direct.end), (q1, q2));
    assert_eq!(direct.source_text.as_deref(), Some("Maria Lopez"));
    assert_eq!((direct.cue_start, direct.cue_end), (Some(k1), Some(k2)));
    assert_eq!(direct.kind, "direct");
    let indirect = &quotes[1];
    assert_eq!(indirect.spans, vec![[a, b], [c, d]]);
    assert_eq!((indirect.start, indirect.end), (a, d));
    assert_eq!(indirect.source_text.as_deref(), Some("he"));
    assert_eq!(indirect.kind, "other");
}

#[test]
fn annotator_suffix_is_dropped() {
    assert_eq!(
        polnear::article_of("nyt_2016-04-18_for-news-outlets_4e07.ann"),
        Some("nyt_2016-04-18_for-news-outlets")
    );
    assert_eq!(polnear::article_of("x.txt"), None);
}

#[test]
fn german_reader_converts_annotations() {
    let text = "„Wir bleiben hier“, sagte die Ministerin. Laut Polizei gab es keine Verletzten.";
    let (q1, q2) = chars_of(text, "Wir bleiben hier");
    let (s1, s2) = chars_of(text, "die Ministerin");
    let (c1, c2) = chars_of(text, "sagte");
    let (p1, p2) = chars_of(text, "Polizei");
    let (r1, r2) = chars_of(text, "gab es keine Verletzten");
    let line = serde_json::json!({
        "doc_id": "4711",
        "file": "4711 - Ministerin bleibt (2010-01-01).pretty.json",
        "originalText": text,
        "annotations": [
            {"type": "Direct",
             "quote": {"spans": [{"charBegin": q1, "charEnd": q2}], "text": "Wir bleiben hier"},
             "speaker": {"spans": [{"charBegin": s1, "charEnd": s2}], "text": "die Ministerin"},
             "cue": {"spans": [{"charBegin": c1, "charEnd": c2}], "text": "sagte"}},
            {"type": "Indirect",
             "quote": {"spans": [{"charBegin": r1, "charEnd": r2}], "text": "gab es keine Verletzten"},
             "speaker": {"spans": [{"charBegin": p1, "charEnd": p2}], "text": "Polizei"},
             "cue": {"spans": [], "text": ""}},
            {"type": "Reported",
             "quote": {"spans": [], "text": ""},
             "speaker": {"spans": [], "text": ""},
             "cue": {"spans": [], "text": ""}}
        ]
    });
    let mut jsonl = line.to_string();
    jsonl.push('\n');
    let mut no_id = line.clone();
    no_id["doc_id"] = serde_json::Value::Null;
    jsonl.push_str(&no_id.to_string());
    let set = german::read(&jsonl).unwrap();
    assert_eq!(set.docs.len(), 2);
    assert_eq!(set.docs[1].doc_id, "4711", "from the file name");
    let d = &set.docs[0];
    assert_eq!(d.quotes.len(), 2);
    assert_eq!(set.notes.len(), 1, "{:?}", set.notes);
    assert_eq!((d.quotes[0].start, d.quotes[0].end), (q1, q2));
    assert_eq!(d.quotes[0].source_text.as_deref(), Some("die Ministerin"));
    assert_eq!(d.quotes[0].cue_start, Some(c1));
    assert_eq!(d.quotes[0].kind, "Direct");
    assert_eq!(d.quotes[1].cue_start, None);
    assert_eq!(d.quotes[1].source_text.as_deref(), Some("Polizei"));
}

#[test]
fn iou_uses_the_union_of_spans() {
    assert_eq!(iou((0, 10), &[[0, 10]]), 1.0);
    assert_eq!(iou((0, 10), &[[0, 5], [20, 25]]), 5.0 / 15.0);
    assert_eq!(iou((5, 5), &[]), 0.0);
    assert_eq!(
        normalize_spans(&[[5, 9], [0, 3], [2, 4], [7, 7]]),
        vec![[0, 4], [5, 9]]
    );
}

#[test]
fn matcher_applies_the_threshold_one_to_one() {
    // Gold 0 [0,100) and gold 1 [100,130); prediction 0 covers both, prediction 1 is gold 1.
    let gold = vec![vec![[0, 100]], vec![[100, 130]]];
    let m = match_quotes(&gold, &[(0, 130), (100, 130)], IOU_THRESHOLD);
    assert_eq!(m.len(), 2);
    assert_eq!((m[0].0, m[0].1), (0, 0));
    assert_eq!((m[1].0, m[1].1), (1, 1));
    // Two predictions on one gold quote: only one matches.
    let m = match_quotes(&[vec![[0, 100]]], &[(0, 90), (0, 100)], IOU_THRESHOLD);
    assert_eq!(m, vec![(0, 1, 1.0)]);
    // Exactly at the threshold matches; below does not.
    assert_eq!(match_quotes(&[vec![[0, 10]]], &[(0, 3)], 0.3).len(), 1);
    assert_eq!(match_quotes(&[vec![[0, 10]]], &[(0, 2)], 0.3).len(), 0);
}

#[test]
fn speaker_comparison() {
    let gold = vec!["Maria Lopez".to_string()];
    assert!(speaker_matches("maria lopez", &gold));
    assert!(speaker_matches("Lopez", &gold));
    assert!(speaker_matches(" LOPEZ, ", &gold));
    assert!(!speaker_matches("Maria", &gold));
    assert!(!speaker_matches("", &gold));
    assert!(!speaker_matches("he", &gold));
    assert!(speaker_matches(
        "Präsident",
        &["der venezolanische Präsident".into()]
    ));
}

fn doc() -> GoldDoc {
    let (q1, q2) = chars_of(TEXT, "We will not raise taxes,");
    let (s1, s2) = chars_of(TEXT, "Maria Lopez");
    let (a, b) = chars_of(TEXT, "the budget was balanced");
    GoldDoc {
        doc_id: "d".into(),
        lang: "en".into(),
        text: TEXT.into(),
        quotes: vec![
            GoldQuote {
                start: a,
                end: b,
                spans: vec![[a, b]],
                kind: "other".into(),
                ..GoldQuote::default()
            },
            GoldQuote {
                start: q1,
                end: q2,
                spans: vec![[q1, q2]],
                source_start: Some(s1),
                source_end: Some(s2),
                source_text: Some("Maria Lopez".into()),
                kind: "direct".into(),
                ..GoldQuote::default()
            },
        ],
    }
}

#[test]
fn a_document_is_scored() {
    let d = doc();
    let (q1, q2) = chars_of(TEXT, "\"We will not raise taxes,\"");
    let pred = vec![
        PredQuote {
            start: q1,
            end: q2,
            speaker: Some("Lopez".into()),
            kind: None,
        },
        PredQuote {
            start: 0,
            end: 3,
            speaker: None,
            kind: None,
        },
    ];
    let s = score_doc(&d, &pred);
    let c = &s.counts;
    assert_eq!((c.gold, c.predicted, c.matched), (2, 2, 1));
    assert_eq!(c.exact, 0, "the quote marks differ");
    assert_eq!(c.exact_trimmed, 1);
    assert_eq!((c.speaker_scored, c.speaker_correct), (1, 1));
    assert_eq!(s.missed, vec![0]);
    assert_eq!(s.spurious, vec![1]);
    assert_eq!(c.by_kind["direct"].matched, 1);
    assert_eq!(c.by_kind["other"].matched, 0);
    let m = c.metrics();
    assert_eq!(m.content.precision, 50.0);
    assert_eq!(m.content.recall, 50.0);
    assert_eq!(m.speaker_accuracy, 100.0);

    // Nothing predicted: zeros, no panic; precision undefined.
    let s = score_doc(&d, &[]);
    let m = s.counts.metrics();
    assert_eq!(m.content.recall, 0.0);
    assert_eq!(m.content.f1, 0.0);
    assert!(m.content.precision.is_nan());
    assert!(m.speaker_accuracy.is_nan());
}

#[test]
fn identical_gold_quotes_pair_with_the_prediction_naming_their_speaker() {
    let mut d = doc();
    let mut other = d.quotes[1].clone();
    other.source_text = Some("the mayor".into());
    d.quotes.insert(1, other);
    let q = &d.quotes[1];
    let pred = |s: &str| PredQuote {
        start: q.start,
        end: q.end,
        speaker: Some(s.into()),
        kind: None,
    };
    let c = score_doc(&d, &[pred("Maria Lopez"), pred("Mayor")]).counts;
    assert_eq!((c.matched, c.speaker_scored, c.speaker_correct), (2, 2, 2));
}

#[test]
fn matched_quotes_without_source_are_left_out_of_speaker_accuracy() {
    let d = doc();
    let q = &d.quotes[0];
    let pred = vec![PredQuote {
        start: q.start,
        end: q.end,
        speaker: Some("the mayor".into()),
        kind: None,
    }];
    let c = score_doc(&d, &pred).counts;
    assert_eq!(c.matched, 1);
    assert_eq!(c.exact, 1);
    assert_eq!(c.speaker_scored, 0);
    assert_eq!(c.matched_without_source, 1);
}

#[test]
fn predictions_are_read_in_every_accepted_form() {
    let d = doc();
    let jsonl = "{\"doc_id\":\"d\",\"quotes\":[{\"start\":1,\"end\":4,\"speaker\":\"x\"},{\"span\":[5,9]},{\"offsets\":[10,12]},{\"text\":\"Maria Lopez\"}]}\n\n";
    let p = parse_predictions(jsonl, std::slice::from_ref(&d)).unwrap();
    let q = &p["d"].quotes;
    assert_eq!(q.len(), 4);
    assert_eq!((q[0].start, q[0].end), (1, 4));
    assert_eq!(q[0].speaker.as_deref(), Some("x"));
    assert_eq!((q[1].start, q[1].end), (5, 9));
    assert_eq!((q[2].start, q[2].end), (10, 12));
    assert_eq!((q[3].start, q[3].end), chars_of(TEXT, "Maria Lopez"));
    assert!(parse_predictions("{", &[]).is_err());
}

#[test]
fn quote_mark_kinds() {
    let chars: Vec<char> = TEXT.chars().collect();
    let (a, b) = chars_of(TEXT, "We will not raise taxes,");
    assert_eq!(quote_mark_kind(&chars, &[[a, b]]), "direct");
    let (a, b) = chars_of(TEXT, "\"We will not raise taxes,\"");
    assert_eq!(quote_mark_kind(&chars, &[[a, b]]), "direct");
    let (a, b) = chars_of(TEXT, "budget was balanced. \"We will");
    assert_eq!(quote_mark_kind(&chars, &[[a, b]]), "mixed");
    let (a, b) = chars_of(TEXT, "expect a surplus");
    assert_eq!(quote_mark_kind(&chars, &[[a, b]]), "other");
    // A quote mark opening the next paragraph does not close this content.
    let text = "He doubted the very need for moderators.\n\n“We will see,” she said.";
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = chars_of(text, "the very need for moderators");
    assert_eq!(quote_mark_kind(&chars, &[[a, b]]), "other");
}

#[test]
fn context_marks_the_quote() {
    let (a, b) = chars_of(TEXT, "Officials");
    assert_eq!(context(TEXT, a, b, 5), "…rs.⏎⏎⟦Officials⟧, he …");
}

/// The dev splits of ../shared/bench/quotes: the gold counts of the README, and a full
/// scoring run of the pipeline (whatever it finds).
#[test]
fn dev_splits_convert_and_score() {
    let bench =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench/quotes");
    if !bench.join("polnear/dev").is_dir() || !bench.join("german-wikinews/dev").is_dir() {
        eprintln!("skipped: ../shared/bench/quotes not found");
        return;
    }
    let pol = Corpus::Polnear.load(&bench, "dev").unwrap();
    assert_eq!(pol.docs.len(), 84);
    // 2,193 E lines in the first annotator's files; one (Attribution-no-source, no
    // Content) is not a quote: 2,192, as the README counts.
    assert_eq!(pol.quotes(), 2192, "{:?}", pol.notes);
    assert_eq!(pol.quotes_with_source(), 2066);
    let ger = Corpus::German.load(&bench, "dev").unwrap();
    assert_eq!(ger.docs.len(), 150);
    assert_eq!(ger.quotes(), 653, "{:?}", ger.notes);
    for set in [&pol, &ger] {
        let mut total = Counts::default();
        for d in &set.docs {
            let n = d.text.chars().count();
            assert!(d.quotes.iter().all(|q| q.start < q.end && q.end <= n));
            let p = predict(d);
            total.add(&score_doc(d, &p.quotes).counts);
        }
        assert_eq!(total.gold, set.quotes());
        assert!(total.matched <= total.gold.min(total.predicted));
        let m = total.metrics();
        eprintln!("{:?}: {:?}", set.corpus, m.content);
        // floors a little below what the extractor reaches on dev (content F1, speaker
        // accuracy): PolNeAR 67.7 / 83.1, German 68.9 / 70.8
        let (f1, spk) = match set.corpus {
            Corpus::Polnear => (67.2, 82.6),
            Corpus::German => (68.4, 70.3),
        };
        assert!(
            m.content.f1 >= f1,
            "{:?}: content F1 {:?}",
            set.corpus,
            m.content
        );
        assert!(
            m.speaker_accuracy >= spk,
            "{:?}: speaker accuracy {}",
            set.corpus,
            m.speaker_accuracy
        );
    }
}
