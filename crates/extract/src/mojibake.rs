//! Repairs text that was encoded as UTF-8 and then decoded again as Latin-1 or
//! windows-1252 ("Investorâ€™s", "CafÃ©", "ÐŸÑƒÑ‚Ð¸Ð½"): a page saved twice, a CMS that
//! double-encodes its titles, a feed relayed by a scraper. The page declares UTF-8 and is
//! valid UTF-8, so decoding cannot catch it; the damage is inside the characters.
//!
//! Each damaged character is a run of two to four characters that are, read back as
//! windows-1252 bytes, one valid UTF-8 sequence. Runs are repaired one by one, so text
//! that is partly damaged is repaired where it is. To leave real text alone:
//! - a three- or four-byte sequence needs two or three continuation characters in a row
//!   after its lead (`â€™`), which real words do not have;
//! - a two-byte sequence is repaired only when its lead is one mojibake makes all the
//!   time — `Â`/`Ã`/`Å` (Latin-1 and Latin Extended-A letters), `Î`/`Ï` (Greek), `Ð`/`Ñ`
//!   (Cyrillic), `×` (Hebrew), `Ø`/`Ù` (Arabic) — so a capital letter before a dash or a
//!   quote (`CAFÉ—`, `GRÜN“`) stays as it is, and only when the whole word looks damaged
//!   (see [`repair`]).

use std::borrow::Cow;

/// The windows-1252 byte of a character, when it has one (Latin-1 characters are their
/// own byte; the C1 controls U+0080–U+009F too, as a Latin-1 decoder leaves them).
fn byte_of(c: char) -> Option<u8> {
    let b = match c {
        '\u{0}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    };
    Some(b)
}

fn is_continuation(b: u8) -> bool {
    (0x80..=0xbf).contains(&b)
}

/// Leads of two-byte sequences repaired (see the module doc).
fn is_common_two_byte_lead(b: u8) -> bool {
    matches!(
        b,
        0xc2 | 0xc3 | 0xc5 | 0xce | 0xcf | 0xd0 | 0xd1 | 0xd7 | 0xd8 | 0xd9
    )
}

/// The character a run starting at `chars[i]` stands for, and the run's length.
fn sequence_at(chars: &[char], i: usize) -> Option<(char, usize)> {
    let lead = byte_of(chars[i])?;
    let len = match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    if len == 2 && !is_common_two_byte_lead(lead) {
        return None;
    }
    let mut bytes = [lead, 0, 0, 0];
    for (slot, &c) in bytes[1..len].iter_mut().zip(chars.get(i + 1..i + len)?) {
        let b = byte_of(c)?;
        if !is_continuation(b) {
            return None;
        }
        *slot = b;
    }
    let s = std::str::from_utf8(&bytes[..len]).ok()?;
    let c = s.chars().next()?;
    // A C1 control is no repair.
    (!c.is_control()).then_some((c, len))
}

/// A scan over the bytes for a lead character (U+00C2–U+00F4, UTF-8 `C3 82`–`C3 B4`)
/// followed by a continuation character (U+0080–U+00BF, or a windows-1252 punctuation
/// or letter: UTF-8 starting `C2`, `C5`, `C6`, `CB` or `E2`). Most pages have none, and
/// this is the only work done on them.
fn may_be_damaged(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(0xc3, b).any(|i| {
        matches!(b.get(i + 1), Some(0x82..=0xb4))
            && matches!(b.get(i + 2), Some(0xc2 | 0xc5 | 0xc6 | 0xcb | 0xe2))
    })
}

/// Text with its double-encoded characters repaired; borrowed when there is nothing to
/// repair (the common case: one scan for a lead character).
///
/// Two-byte runs (`Ã©`) are repaired only in a word where every character above U+007F
/// is part of a run: a real `Ã` in "SÃO" is followed by a letter, not a run, and a
/// word mixing real accented letters with runs is left alone.
pub fn repair(s: &str) -> Cow<'_, str> {
    if !may_be_damaged(s) {
        return Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    // Repairs found: (start, length, character).
    let mut runs: Vec<(usize, usize, char)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match sequence_at(&chars, i) {
            Some((c, len)) => {
                runs.push((i, len, c));
                i += len;
            }
            None => i += 1,
        }
    }
    if runs.is_empty() {
        return Cow::Borrowed(s);
    }
    // Drop two-byte runs in words that also hold non-ASCII characters outside any run.
    let in_run = {
        let mut v = vec![false; chars.len()];
        for &(start, len, _) in &runs {
            v[start..start + len].iter_mut().for_each(|x| *x = true);
        }
        v
    };
    let word_of = |i: usize| {
        let mut a = i;
        while a > 0 && !chars[a - 1].is_whitespace() {
            a -= 1;
        }
        let mut b = i;
        while b < chars.len() && !chars[b].is_whitespace() {
            b += 1;
        }
        a..b
    };
    runs.retain(|&(start, len, _)| {
        len > 2
            || word_of(start)
                .all(|k| in_run[k] || chars[k].is_ascii() || byte_of(chars[k]).is_none())
    });
    if runs.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut next = runs.iter().peekable();
    let mut i = 0;
    while i < chars.len() {
        if let Some(&&(start, len, c)) = next.peek()
            && start == i
        {
            out.push(c);
            i += len;
            next.next();
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::repair;

    #[test]
    fn double_encoded_punctuation_and_letters_are_repaired() {
        for (damaged, fixed) in [
            ("A DIY Investorâ€™s Guide", "A DIY Investor’s Guide"),
            // Decoded as Latin-1 rather than windows-1252: C1 controls in the run.
            (
                "A DIY Investor\u{e2}\u{80}\u{99}s Guide",
                "A DIY Investor’s Guide",
            ),
            (
                "â€œWe will rebuild,â€\u{9d} she said",
                "“We will rebuild,” she said",
            ),
            ("CafÃ© de la Gare", "Café de la Gare"),
            ("MÃ¼nchen, StraÃŸe", "München, Straße"),
            ("ÐŸÑƒÑ‚Ð¸Ð½ Ð·Ð°Ñ\u{8f}Ð²Ð¸Ð»", "Путин заявил"),
            ("Ã‰lysÃ©e", "Élysée"),
            ("20 Â°C", "20 °C"),
        ] {
            assert_eq!(repair(damaged), fixed, "{damaged}");
        }
    }

    #[test]
    fn real_text_is_left_alone() {
        for text in [
            "Le CAFÉ—fermé",
            "„GRÜN“ sagte er",
            "SÃO PAULO",
            "Ñandú»",
            "café» et thé«",
            "Ärger über Öl",
            "5 × 3 ÷ 2",
            "Путин заявил",
            "Investor’s guide",
            "日本語のテキスト",
            "",
        ] {
            assert_eq!(repair(text), text);
            assert!(
                matches!(repair(text), std::borrow::Cow::Borrowed(_)),
                "{text}"
            );
        }
    }

    #[test]
    fn partly_damaged_text_is_repaired_where_it_is_damaged() {
        assert_eq!(
            repair("Élysée: Macronâ€™s speech"),
            "Élysée: Macron’s speech"
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = repair(&s);
        }

        #[test]
        fn repairs_what_a_double_decoding_damaged(text in "[a-z éüßçñ’“”—€П-Яа-я]{0,40}") {
            // Each UTF-8 byte read back as a windows-1252 character, as a mis-declared
            // page or a double decoding does.
            let damaged: String = text
                .bytes()
                .map(|b| encoding_rs::WINDOWS_1252.decode_without_bom_handling(&[b]).0.into_owned())
                .collect();
            proptest::prop_assert_eq!(repair(&damaged), text.as_str());
        }
    }
}
