//! Prints the quantities of text files, or measures throughput.
//!
//! `cargo run --release -p storyline-analyse --example quantities -- [--lang en] [--bench N] FILE...`

use std::time::Instant;

fn main() {
    let mut lang = "en".to_string();
    let mut bench: Option<usize> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => lang = args.next().unwrap_or_else(|| "en".into()),
            "--bench" => bench = args.next().and_then(|n| n.parse().ok()),
            _ => files.push(a),
        }
    }
    for f in &files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{f}: {e}");
                continue;
            }
        };
        if let Some(n) = bench {
            let t0 = Instant::now();
            let mut count = 0;
            for _ in 0..n.max(1) {
                count += storyline_analyse::quantities::recognize(&text, &lang).len();
            }
            let secs = t0.elapsed().as_secs_f64();
            let mb = (text.len() * n.max(1)) as f64 / 1e6;
            println!(
                "{f}: {:.1} MB in {secs:.2} s = {:.2} MB/s ({count} quantities)",
                mb,
                mb / secs
            );
            continue;
        }
        for q in storyline_analyse::quantities::recognize(&text, &lang) {
            println!("{}", serde_json::to_string(&q).unwrap_or_default());
        }
    }
}
