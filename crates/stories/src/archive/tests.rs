use std::path::Path;

use storyline_analyse::{Options, annotate};
use storyline_core::Article;

use super::*;
use crate::snapshot;

fn article(url: &str, outlet: &str, lang: &str, date: &str, title: &str, text: &str) -> Prepared {
    let paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    let a = Article {
        url: Some(url.to_string()),
        title: Some(title.to_string()),
        outlet: Some(outlet.to_string()),
        language: Some(lang.to_string()),
        published: Some(date.to_string()),
        text: paragraphs.join("\n\n"),
        paragraphs,
        ..Article::default()
    };
    Prepared::new(&annotate(a, &Options::default()), None).expect("record")
}

const DAM_1: &str = "At least 12 people were killed after the Vardena dam gave way on Sunday, \
sending a wall of water through the town of Orvalle, regional governor Ilse Maren said.\n\n\
Rescuers from the Lisna valley searched flooded streets. \"We heard a roar like a train,\" \
said Petra Lind, who escaped to the upper floor of her bakery.\n\n\
Lisna Hydro, the operator of the Vardena dam, said it would cooperate with investigators.";

const DAM_2: &str = "The death toll from the Vardena dam collapse rose to 41 on Tuesday, \
governor Ilse Maren said, as prosecutors opened an inquiry into Lisna Hydro.\n\n\
Rescuers in Orvalle kept searching the flooded streets of the Lisna valley for the missing. \
Maren said the Vardena dam had been inspected in 2019.";

const CHESS: &str = "The grandmaster Oskar Venn won the Harbour Chess Open on Saturday after \
a tense final game against the defending champion, Mila Strand.\n\n\
Venn, 19, sacrificed a rook on move 31 and forced resignation eleven moves later. \
\"I did not sleep at all,\" Venn told reporters after the game.";

fn batch() -> Vec<Prepared> {
    vec![
        article(
            "https://courier.example/dam-1",
            "The Valley Courier",
            "en",
            "2024-03-10T09:00:00Z",
            "Vardena dam collapse: 12 dead in Orvalle",
            DAM_1,
        ),
        article(
            "https://relay.example/dam-1-copy",
            "The Daily Relay",
            "en",
            "2024-03-10T11:00:00Z",
            "Vardena dam collapse: 12 dead in Orvalle",
            DAM_1,
        ),
        article(
            "https://dispatch.example/dam-2",
            "The Northern Dispatch",
            "en",
            "2024-03-12T08:00:00Z",
            "Vardena dam: death toll rises to 41",
            DAM_2,
        ),
        article(
            "https://sport.example/chess",
            "Sport Daily",
            "en",
            "2024-03-11T18:00:00Z",
            "Venn wins the Harbour Chess Open",
            CHESS,
        ),
    ]
}

fn ingest(dir: &Path, items: Vec<Prepared>) {
    let mut a = Archive::open_writer(dir).expect("open writer");
    a.write(items).expect("write");
    a.finish().expect("finish");
}

/// Every article's story and copy link, by URL (what must not depend on how the index
/// was built).
fn grouping(a: &Archive) -> Vec<(String, Option<u32>, Option<i64>)> {
    let mut out = Vec::new();
    for m in a.all_stories().expect("stories") {
        for x in m.articles {
            out.push((
                x.article.url.unwrap_or_default(),
                Some(m.story.id),
                x.copy_of,
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn copies_fold_and_stories_split() {
    let dir = tempfile::tempdir().expect("tempdir");
    ingest(dir.path(), batch());
    let a = Archive::open(dir.path()).expect("open");
    assert_eq!(a.len(), 4);
    assert_eq!(a.replayed, 0, "the snapshot held everything");
    let stories = a.stories(&StoryFilter::default()).expect("stories");
    assert_eq!(stories.len(), 2, "{stories:#?}");
    let dam = stories
        .iter()
        .find(|s| s.title.contains("Vardena"))
        .expect("dam story");
    assert_eq!(dam.articles, 2);
    assert_eq!(dam.copies, 1);
    assert_eq!(dam.title, "Vardena dam collapse: 12 dead in Orvalle");
    assert_eq!(
        dam.outlets.len(),
        2,
        "the copy's outlet is not counted: {dam:?}"
    );
    let page = a.story(dam.id).expect("page").expect("exists");
    let copy = page
        .articles
        .iter()
        .find(|x| x.article.outlet.as_deref() == Some("The Daily Relay"))
        .expect("copy listed");
    let original = page
        .articles
        .iter()
        .find(|x| x.article.outlet.as_deref() == Some("The Valley Courier"))
        .expect("original listed");
    assert_eq!(copy.copy_of, Some(original.article.id));
    // One line for the death toll, across wordings ("people were killed", "the death
    // toll rose to"), by date; the copy's figure is not counted again.
    let killed = page
        .ledger
        .iter()
        .find(|l| l.concept.as_deref() == Some("deaths"))
        .expect("the death toll is in the ledger");
    let texts: Vec<&str> = killed.entries.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["At least 12", "41"], "{killed:#?}");
    assert!(
        killed
            .entries
            .iter()
            .all(|e| e.article != copy.article.id as u64),
        "{killed:#?}"
    );
    assert!(
        page.quotes.iter().any(|q| q.speaker == "Petra Lind"),
        "{:#?}",
        page.quotes
    );
    assert!(!page.highlights.is_empty());
    assert_eq!(page.timeline.iter().map(|p| p.articles).sum::<u32>(), 2);
    // Unknown ids are None, not errors.
    assert!(a.story(9_999).expect("ok").is_none());
    assert!(a.article(9_999).expect("ok").is_none());
}

#[test]
fn the_index_is_rebuilt_the_same_without_a_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    ingest(dir.path(), batch());
    let saved = Archive::open(dir.path()).expect("open");
    assert!(!saved.rebuilt, "the snapshot written by the ingest loads");
    assert_eq!(saved.replayed, 0);
    let before = grouping(&saved);
    // A snapshot of an older layout is ignored: the index is rebuilt from the store.
    let bytes = std::fs::read(snapshot::path(dir.path())).expect("snapshot");
    let mut old = b"storyline-stories-snapshot-1\n".to_vec();
    old.extend_from_slice(&bytes[bytes.iter().position(|&b| b == b'\n').expect("magic") + 1..]);
    std::fs::write(snapshot::path(dir.path()), old).expect("write");
    let a = Archive::open(dir.path()).expect("reopen");
    assert!(a.rebuilt);
    assert_eq!(grouping(&a), before);
    std::fs::remove_file(snapshot::path(dir.path())).expect("remove snapshot");
    let a = Archive::open(dir.path()).expect("reopen");
    assert!(a.rebuilt);
    assert_eq!(a.replayed, 4);
    assert_eq!(grouping(&a), before);
    // A corrupt snapshot is ignored the same way.
    std::fs::write(
        snapshot::path(dir.path()),
        b"storyline-stories-snapshot-2\n\xff\xff",
    )
    .unwrap();
    let a = Archive::open(dir.path()).expect("reopen");
    assert!(a.rebuilt);
    assert_eq!(grouping(&a), before);
}

#[test]
fn an_ingest_that_never_finished_is_grouped_on_the_next_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut items = batch();
    let last = items.pop().expect("four");
    ingest(dir.path(), items);
    // A writer that stores an article and dies before saving the snapshot.
    {
        let mut a = Archive::open_writer(dir.path()).expect("writer");
        a.write(vec![last]).expect("write");
        std::mem::forget(a);
    }
    let a = Archive::open(dir.path()).expect("open");
    assert_eq!(a.replayed, 1, "the article the snapshot lacks is replayed");
    assert_eq!(a.len(), 4);
    let full = tempfile::tempdir().expect("tempdir");
    ingest(full.path(), batch());
    assert_eq!(
        grouping(&a),
        grouping(&Archive::open(full.path()).expect("open"))
    );
}

#[test]
fn a_reader_sees_a_later_ingest_after_refresh() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut items = batch();
    let chess = items.pop().expect("four");
    ingest(dir.path(), items);
    let mut reader = Archive::open(dir.path()).expect("reader");
    assert_eq!(reader.len(), 3);
    ingest(dir.path(), vec![chess]);
    assert_eq!(reader.refresh().expect("refresh"), 1);
    assert_eq!(reader.len(), 4);
    assert_eq!(
        reader
            .stories(&StoryFilter::default())
            .expect("stories")
            .len(),
        2
    );
}

#[test]
fn stored_without_grouping_then_grouped_and_saved_by_a_reader() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut items = batch();
    let chess = items.pop().expect("four");
    ingest(dir.path(), items);
    let mut reader = Archive::open(dir.path()).expect("reader");
    reader.keep_snapshot();
    reader.save_every = Duration::ZERO;
    let before = snapshot::load(dir.path())
        .expect("snapshot")
        .grouped_through;
    // A collector stores without grouping: no index, no snapshot written.
    {
        let mut storing = Archive::open_storing(dir.path()).expect("storing");
        assert_eq!(storing.len(), 0, "no story index is loaded");
        let written = storing.write(vec![chess]).expect("write");
        assert_eq!(written[0].outcome, Outcome::Added);
        assert_eq!(storing.len(), 0, "nothing is grouped");
        storing.finish().expect("finish");
    }
    assert_eq!(
        snapshot::load(dir.path())
            .expect("snapshot")
            .grouped_through,
        before
    );
    // The reader groups the new article on its refresh and saves the snapshot.
    assert_eq!(reader.refresh().expect("refresh"), 1);
    assert!(reader.save_if_due().expect("save"));
    assert!(!reader.save_if_due().expect("nothing new"), "saved once");
    let saved = snapshot::load(dir.path()).expect("snapshot");
    assert!(saved.grouped_through > before);
    // The same grouping as an ingest that grouped everything itself.
    let full = tempfile::tempdir().expect("tempdir");
    ingest(full.path(), batch());
    let reopened = Archive::open(dir.path()).expect("open");
    assert_eq!(
        reopened.replayed, 0,
        "the saved snapshot holds every article"
    );
    assert_eq!(
        grouping(&reopened),
        grouping(&Archive::open(full.path()).expect("open"))
    );
    // A plain reader never saves.
    let plain = Archive::open(dir.path()).expect("reader");
    assert!(!plain.save_if_due().expect("no save"));
}

#[test]
fn reingesting_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    ingest(dir.path(), batch());
    let before = grouping(&Archive::open(dir.path()).expect("open"));
    ingest(dir.path(), batch());
    let a = Archive::open(dir.path()).expect("open");
    assert_eq!(a.len(), 4);
    assert_eq!(grouping(&a), before);
}

#[test]
fn filters_days_outlets_entities_trends() {
    let dir = tempfile::tempdir().expect("tempdir");
    ingest(dir.path(), batch());
    let a = Archive::open(dir.path()).expect("open");
    let by_outlet = a
        .stories(&StoryFilter {
            outlet: Some("Sport Daily".into()),
            ..StoryFilter::default()
        })
        .expect("stories");
    assert_eq!(by_outlet.len(), 1);
    assert!(by_outlet[0].title.contains("Chess"));
    let since = storyline_group::text::parse_date("2024-03-12").unwrap();
    let recent = a
        .stories(&StoryFilter {
            since: Some(since),
            ..StoryFilter::default()
        })
        .expect("stories");
    assert_eq!(
        recent.len(),
        1,
        "only the dam story has an article on the 12th"
    );
    assert!(
        a.stories(&StoryFilter {
            language: Some("fr".into()),
            ..StoryFilter::default()
        })
        .expect("stories")
        .is_empty()
    );

    let day = a.day("2024-03-10").expect("day").expect("a date");
    assert_eq!(day.stories.len(), 1);
    assert_eq!(
        day.stories[0].articles.len(),
        2,
        "the original and its copy"
    );
    assert_eq!(day.next.as_deref(), Some("2024-03-11"));
    assert_eq!(day.previous, None);
    assert!(a.day("2024-13-40").expect("ok").is_none());
    assert!(a.day("yesterday").expect("ok").is_none());

    let outlet = a
        .outlet("The Northern Dispatch", 10)
        .expect("outlet")
        .expect("known");
    assert_eq!(outlet.articles, 1);
    assert_eq!(outlet.stories.len(), 1);
    assert!(a.outlet("Nobody", 10).expect("ok").is_none());

    let maren = a.entity("Ilse Maren", 20).expect("entity").expect("named");
    assert_eq!(maren.kind.as_deref(), Some("person"));
    assert_eq!(maren.stories.len(), 1);
    assert!(maren.articles.len() >= 2);
    assert!(a.entity("Nobody Known", 20).expect("ok").is_none());

    // The archive stopped on the 12th: trends are measured there, not at the wall clock.
    let t = a.trends(i64::MAX / 2, 10).expect("trends");
    assert_eq!(t.now.as_deref(), Some("2024-03-12T08:00:00Z"));
}
