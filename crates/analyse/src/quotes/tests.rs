use super::*;

fn q(text: &str, lang: &str) -> Vec<Quote> {
    find(text, &[], lang)
}

#[test]
fn smoke() {
    let v = q("\"We will win,\" Peskov said.", "en");
    assert_eq!(v.len(), 1);
}
