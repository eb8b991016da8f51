//! Sentence segmentation by hand.
//!
//! `cargo run --release -p storyline-analyse --example sentences -- FILE [LANG]` prints
//! the sentences of FILE, one a line; without FILE it prints the segmenter's throughput
//! (and language detection's) on a few MB of generated news-like text.

use std::time::Instant;

use storyline_analyse::{language, sentences};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(path) = args.first() {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let lang = args
            .get(1)
            .cloned()
            .or_else(|| language::detect(&text).map(|g| g.code))
            .unwrap_or_else(|| "en".into());
        let chars: Vec<char> = text.chars().collect();
        for s in sentences::split(&text, &lang) {
            let t: String = chars[s.start..s.end].iter().collect();
            println!("[{}..{}] {}", s.start, s.end, t.replace('\n', "⏎"));
        }
        return;
    }
    let text = news_like(4_000_000);
    let mb = text.len() as f64 / 1e6;
    for _ in 0..3 {
        let t = Instant::now();
        let n = sentences::split(&text, "en").len();
        let secs = t.elapsed().as_secs_f64();
        println!("sentences: {n} in {mb:.1} MB: {:.1} MB/s", mb / secs);
    }
    let t = Instant::now();
    let g = language::detect(&text);
    println!("language (first call): {g:?} in {:?}", t.elapsed());
    let article = &text[..5000];
    let runs = 200;
    let t = Instant::now();
    for _ in 0..runs {
        let _ = language::detect(article);
    }
    println!(
        "language of a 5 KB article: {:?} per call",
        t.elapsed() / runs
    );
}

fn news_like(bytes: usize) -> String {
    const PARTS: &[&str] = &[
        "The U.S. Treasury said on Jan. 5 that sanctions would follow.",
        "\"It was hell. We had no food,\" Mr. Smith told reporters in Kyiv.",
        "Prices rose 3.5 percent, according to Dr. Jane Doe of Acme Inc.",
        "Is this the end? Nobody knows...",
        "Read more at https://example.com/news/2023/11/10/story.html today.",
        "Moscow has recruited 100,000 fighters, i.e. about 2.5 times more than in 2022.",
        "\n\nHeadline without a full stop\n",
    ];
    let mut out = String::with_capacity(bytes + 200);
    let mut i = 0;
    while out.len() < bytes {
        out.push_str(PARTS[i % PARTS.len()]);
        out.push(' ');
        i += 1;
    }
    out
}
