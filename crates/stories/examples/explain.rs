//! Why each article of a store joined its story: replays the store's articles in order
//! and prints, for each, the best candidate stories with their scores.
//!
//! `cargo run --example explain -p storyline-stories -- STORE_DIR`

use storyline_analyse::AnnotatedArticle;
use storyline_group::{ArticleFeatures, Config, StoryIndex};
use storyline_store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: explain STORE_DIR")?;
    let store = Store::open(std::path::Path::new(&dir))?;
    let mut index = StoryIndex::new(Config::default());
    store.articles_after(0, &mut |s| {
        let a: AnnotatedArticle = serde_json::from_str(&s.json).unwrap_or_else(|_| {
            serde_json::from_str("{}").expect("an empty article")
        });
        let f = ArticleFeatures::from_annotated(s.article_id as u64, &a);
        let cands = index.explain(&f);
        let got = index.add(&f);
        println!(
            "article {} [{}] {} -> story {} (new: {}, copy of {:?})",
            s.article_id,
            s.language.as_deref().unwrap_or("??"),
            s.title.as_deref().unwrap_or(""),
            got.story,
            got.is_new,
            got.copy_of
        );
        println!("    names: {:?}", f.names.iter().take(8).collect::<Vec<_>>());
        for c in cands.iter().take(3) {
            println!(
                "    story {:>3}: score {:.3} / threshold {:.3}  text {:.3} names {:.3} figures {:.3} missing {:?}",
                c.story, c.score, c.threshold, c.text, c.names, c.figures, c.names_missing
            );
        }
        Ok(())
    })?;
    Ok(())
}
