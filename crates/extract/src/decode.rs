//! Bytes to text: gunzip, refuse binaries and oversized pages, choose the encoding.
//!
//! Order of evidence, as browsers do: a byte-order mark; the HTTP charset; a
//! `<meta charset>` / `http-equiv` / XML declaration in the first 8 KiB; then
//! chardetng's guess. A declared single-byte charset loses to UTF-8 when the bytes are
//! valid UTF-8 with multi-byte sequences (a common mislabel).

use std::io::Read;
use std::sync::LazyLock;

use encoding_rs::Encoding;
use regex::bytes::Regex;

use crate::{ExtractError, Limits};

/// A page decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding the bytes were decoded from.
    pub encoding: &'static Encoding,
    /// True when the bytes were gzip-compressed.
    pub was_gzip: bool,
}

/// Decodes a page's bytes. See the module docs for the order of evidence.
pub fn decode(
    bytes: &[u8],
    charset_hint: Option<&str>,
    limits: &Limits,
) -> Result<Decoded, ExtractError> {
    let (owned, was_gzip);
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        owned = gunzip(bytes, limits.max_page_bytes)?;
        was_gzip = true;
        &owned[..]
    } else {
        was_gzip = false;
        bytes
    };
    if bytes.len() > limits.max_page_bytes {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: limits.max_page_bytes,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ExtractError::Empty);
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(ExtractError::Binary(what));
    }
    let encoding = choose_encoding(bytes, charset_hint);
    let (text, _, _) = encoding.decode(bytes);
    let mut text = text.into_owned();
    if text.contains('\0') {
        text.retain(|c| c != '\0');
    }
    Ok(Decoded {
        text,
        encoding,
        was_gzip,
    })
}

fn gunzip(bytes: &[u8], limit: usize) -> Result<Vec<u8>, ExtractError> {
    let mut out = Vec::new();
    let reader = flate2::read::MultiGzDecoder::new(bytes);
    // Read one byte past the limit to tell "exactly at the limit" from "over it".
    match reader.take(limit as u64 + 1).read_to_end(&mut out) {
        Ok(_) if out.len() > limit => Err(ExtractError::TooLarge {
            size: out.len(),
            limit,
        }),
        Ok(_) => Ok(out),
        Err(e) => Err(ExtractError::Gzip(e.to_string())),
    }
}

/// Names the kind of a non-text file from its magic bytes, or from NUL bytes in its head.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
        (b"\x7FELF", "an ELF executable"),
        (b"MZ", "a Windows executable"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x28\xB5\x2F\xFD", "zstd-compressed data"),
        (b"BZh", "bzip2-compressed data"),
        (b"\xFD7zXZ", "xz-compressed data"),
        (b"SQLite format 3", "an SQLite database"),
        (b"\x00asm", "a WebAssembly module"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(what);
        }
    }
    if has_utf16_bom(bytes) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let nul = head.iter().filter(|&&b| b == 0).count();
    let control = head
        .iter()
        .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b))
        .count();
    if nul * 100 > head.len() || control * 10 > head.len() {
        return Some("binary data");
    }
    None
}

fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i-u)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{1,40})|<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-z0-9_:.\-]{1,40})"#,
    )
    .expect("valid regex")
});

/// Picks the encoding of an HTML or text page (see the module docs).
pub fn choose_encoding(bytes: &[u8], charset_hint: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    let declared = charset_hint
        .and_then(|c| Encoding::for_label(c.trim().as_bytes()))
        .or_else(|| {
            let head = &bytes[..bytes.len().min(8192)];
            META_CHARSET.captures(head).and_then(|c| {
                let label = c.get(1).or_else(|| c.get(2))?;
                Encoding::for_label(label.as_bytes())
            })
        })
        // A page cannot declare itself UTF-16 from inside an ASCII-compatible prefix.
        .map(|e| {
            if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                e
            }
        });
    let utf8 = std::str::from_utf8(bytes).is_ok();
    match declared {
        Some(enc) if enc == encoding_rs::UTF_8 => enc,
        Some(enc) if utf8 && !bytes.is_ascii() && enc.is_single_byte() => encoding_rs::UTF_8,
        Some(enc) => enc,
        None if utf8 => encoding_rs::UTF_8,
        None => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&bytes[..bytes.len().min(256 * 1024)], true);
            detector.guess(None, chardetng::Utf8Detection::Allow)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn dec(bytes: &[u8]) -> Result<Decoded, ExtractError> {
        decode(bytes, None, &Limits::default())
    }

    #[test]
    fn meta_charset_windows_1251() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode("<p>Привет, мир! Война в Украине</p>");
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body>".to_vec();
        page.extend_from_slice(&body);
        let d = dec(&page).unwrap();
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1251);
        assert!(d.text.contains("Привет, мир!"));
    }

    #[test]
    fn http_equiv_shift_jis() {
        let (body, _, _) = encoding_rs::SHIFT_JIS.encode("<p>東京で地震が発生しました。</p>");
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">".to_vec();
        page.extend_from_slice(&body);
        assert!(
            dec(&page)
                .unwrap()
                .text
                .contains("東京で地震が発生しました。")
        );
    }

    #[test]
    fn undeclared_gb18030_is_detected() {
        let text = "<html><body><p>北京时间今天上午，国家统计局发布了最新的经济数据，显示经济稳步增长。记者从多个部门了解到，相关政策正在落实之中。</p></body></html>";
        let (bytes, _, _) = encoding_rs::GB18030.encode(text);
        let d = dec(&bytes).unwrap();
        assert!(d.text.contains("国家统计局"), "{}", d.text);
    }

    #[test]
    fn undeclared_latin1_is_detected() {
        let text = "<p>Le président a déclaré à l'Assemblée nationale que la réforme était nécessaire, malgré les critiques des syndicats et de l'opposition.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        assert!(dec(&bytes).unwrap().text.contains("président a déclaré"));
    }

    #[test]
    fn bom_wins_over_meta() {
        let mut page = b"\xEF\xBB\xBF<meta charset=\"iso-8859-1\">".to_vec();
        page.extend_from_slice("<p>naïve café</p>".as_bytes());
        assert!(dec(&page).unwrap().text.contains("naïve café"));
    }

    #[test]
    fn utf8_beats_a_wrong_single_byte_label() {
        let page = "<meta charset=\"iso-8859-1\"><p>Zürich – Genève</p>".as_bytes();
        assert!(dec(page).unwrap().text.contains("Zürich – Genève"));
    }

    #[test]
    fn gzip_round_trip_and_truncation() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>hello gzip</p>").unwrap();
        let bytes = gz.finish().unwrap();
        let d = dec(&bytes).unwrap();
        assert!(d.was_gzip && d.text.contains("hello gzip"));
        let truncated = &bytes[..bytes.len() / 2];
        assert!(matches!(dec(truncated), Err(ExtractError::Gzip(_))));
    }

    #[test]
    fn binaries_and_empty_are_refused() {
        assert_eq!(
            dec(b"%PDF-1.7\n...").unwrap_err(),
            ExtractError::Binary("a PDF document")
        );
        assert_eq!(
            dec(b"\x7FELF\x02\x01\x01").unwrap_err(),
            ExtractError::Binary("an ELF executable")
        );
        assert_eq!(
            dec(b"\xFF\xD8\xFF\xE0\x00\x10JFIF").unwrap_err(),
            ExtractError::Binary("a JPEG image")
        );
        assert_eq!(dec(b"  \n\t").unwrap_err(), ExtractError::Empty);
        assert_eq!(dec(b"").unwrap_err(), ExtractError::Empty);
    }

    #[test]
    fn too_large_is_refused() {
        let limits = Limits { max_page_bytes: 10 };
        let err = decode(b"<p>more than ten bytes</p>", None, &limits).unwrap_err();
        assert!(matches!(err, ExtractError::TooLarge { .. }));
    }

    #[test]
    fn invalid_utf8_never_fails() {
        let d = dec(b"<p>caf\xC3 \xFF\xFE ok</p>").unwrap();
        assert!(d.text.contains("ok"));
    }
}
