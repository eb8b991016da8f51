//! Measures the analysis on one core: throughput of the whole pipeline (`analyse`, as
//! `storyline analyse` calls it) and the time of each stage, over real article texts.
//!
//! `cargo run --release -p storyline-analyse --example analyse_speed -- [--lang L] [--rounds N] PATH...`
//!
//! A PATH is a `.txt` file (one article), a folder (its `.txt` files), or a `.jsonl` file
//! whose lines hold the article in `text` or `originalText`. Without --lang every text's
//! language is detected, as in `storyline analyse`.

use std::time::{Duration, Instant};

use storyline_analyse::{claims, entities, language, quantities, quotes, sentences};

fn main() {
    let mut lang: Option<String> = None;
    let mut rounds = 1usize;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => lang = args.next(),
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            _ => paths.push(a),
        }
    }
    let texts = load(&paths);
    let bytes: usize = texts.iter().map(String::len).sum();
    if texts.is_empty() {
        eprintln!("no texts: give .txt files, folders or .jsonl files");
        std::process::exit(2);
    }
    let mut t = [Duration::ZERO; 7];
    let mut counts = [0usize; 6];
    for _ in 0..rounds.max(1) {
        for text in &texts {
            let clock = Instant::now();
            let guess = match &lang {
                Some(l) => Some(language::LanguageGuess::forced(l)),
                None => language::detect(text),
            };
            let l = guess.as_ref().map_or("en", |g| g.code.as_str()).to_string();
            t[0] += clock.elapsed();
            let clock = Instant::now();
            let sents = sentences::split(text, &l);
            t[1] += clock.elapsed();
            let clock = Instant::now();
            let qs = quantities::recognize(text, &l);
            t[2] += clock.elapsed();
            let clock = Instant::now();
            let ents = entities::find(text, &sents, &l);
            t[3] += clock.elapsed();
            let clock = Instant::now();
            let quotes = quotes::find(text, &sents, &l);
            t[4] += clock.elapsed();
            let clock = Instant::now();
            let cl = claims::find(&claims::Input {
                text,
                lang: &l,
                sentences: &sents,
                quantities: &qs,
                entities: &ents,
                quotes: &quotes,
                outlet: Some("The Courier"),
            });
            t[5] += clock.elapsed();
            counts[0] += sents.len();
            counts[1] += qs.len();
            counts[2] += ents.len();
            counts[3] += quotes.len();
            counts[4] += cl.len();
            counts[5] += 1;
        }
    }
    // The whole analysis as the CLI runs it (the stages above plus linking speakers to
    // entities), timed on its own.
    let options = storyline_analyse::Options {
        lang: lang.clone(),
        outlet: Some("The Courier".into()),
    };
    let clock = Instant::now();
    for _ in 0..rounds.max(1) {
        for text in &texts {
            std::hint::black_box(storyline_analyse::analyse(text, &options));
        }
    }
    let whole = clock.elapsed();
    let total: Duration = t[..6].iter().sum();
    let mb = (bytes * rounds.max(1)) as f64 / 1e6;
    println!(
        "{} texts, {:.2} MB x {} rounds: analyse() {:.2} s = {:.2} MB/s on one core ({:.2} ms per text)",
        texts.len(),
        bytes as f64 / 1e6,
        rounds.max(1),
        whole.as_secs_f64(),
        mb / whole.as_secs_f64(),
        whole.as_secs_f64() * 1e3 / counts[5] as f64
    );
    println!(
        "stages timed one by one: {:.2} s = {:.2} MB/s",
        total.as_secs_f64(),
        mb / total.as_secs_f64()
    );
    let names = [
        "language",
        "sentences",
        "quantities",
        "entities",
        "quotes",
        "claims",
    ];
    for (i, name) in names.iter().enumerate() {
        println!(
            "  {name:<10} {:>7.3} s  {:>5.1}%  {:>8.1} MB/s",
            t[i].as_secs_f64(),
            100.0 * t[i].as_secs_f64() / total.as_secs_f64(),
            mb / t[i].as_secs_f64().max(1e-9)
        );
    }
    println!(
        "  found: {} sentences, {} quantities, {} entities, {} quotes, {} claims",
        counts[0], counts[1], counts[2], counts[3], counts[4]
    );
}

fn load(paths: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for p in paths {
        let path = std::path::Path::new(p);
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            out.extend(files.iter().filter_map(|f| std::fs::read_to_string(f).ok()));
        } else if p.ends_with(".jsonl") {
            let Ok(data) = std::fs::read_to_string(path) else {
                eprintln!("{p}: cannot read");
                continue;
            };
            for line in data.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                if let Some(t) = v["text"].as_str().or(v["originalText"].as_str()) {
                    out.push(t.to_string());
                }
            }
        } else {
            match std::fs::read_to_string(path) {
                Ok(t) => out.push(t),
                Err(e) => eprintln!("{p}: {e}"),
            }
        }
    }
    out
}
