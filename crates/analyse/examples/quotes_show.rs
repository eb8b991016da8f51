//! Prints the quotes of text files.
//!
//! `cargo run -p storyline-analyse --example quotes_show -- [--lang en] FILE...`

fn main() {
    let mut lang = "en".to_string();
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => lang = args.next().unwrap_or_else(|| "en".into()),
            _ => files.push(a),
        }
    }
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            eprintln!("{f}: unreadable");
            continue;
        };
        for q in storyline_analyse::quotes::find(&text, &[], &lang) {
            println!(
                "{:?} [{}..{}] speaker={:?} cue={:?}\n    {}",
                q.kind,
                q.start,
                q.end,
                q.speaker.as_ref().map(|s| s.name.as_str()),
                q.cue.as_ref().map(|c| c.text.as_str()),
                q.text
            );
        }
    }
}
