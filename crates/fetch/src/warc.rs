//! A streaming WARC 1.0/1.1 reader: `response` records (the HTTP status line and headers
//! stripped, the Content-Type and its charset passed on) and `resource` records, with
//! their target URI. Whole-file gzip and gzip per record (multi-member) are both read
//! as one stream. A broken record yields an error naming its offset, and reading goes on
//! at the next `WARC/1.x` line; other record types (warcinfo, request, metadata…) are
//! counted and skipped.

use std::io::{BufRead, BufReader, Read};

/// Header lines: lower-cased names and their values, in order.
type Headers = Vec<(String, String)>;

/// A page from a WARC record.
#[derive(Debug, Clone, PartialEq)]
pub struct WarcRecord {
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// The HTTP status (`response` records).
    pub status: Option<u16>,
    /// The page's Content-Type (the HTTP header, or the record's for `resource`).
    pub content_type: Option<String>,
    /// The charset named by that Content-Type.
    pub charset: Option<String>,
    /// The payload: the HTTP body, de-chunked.
    pub body: Vec<u8>,
    /// The record's number in the file (1-based), for messages.
    pub number: u64,
}

/// A broken record: reading goes on after it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("WARC record {number}: {reason}")]
pub struct WarcError {
    pub number: u64,
    pub reason: String,
}

/// Reads records one at a time; the file is never held whole.
pub struct WarcReader<R> {
    reader: R,
    /// A `WARC/1.x` line found while skipping a broken record.
    pending: Option<String>,
    number: u64,
    max_record: u64,
    done: bool,
    /// Records of other types skipped (warcinfo, request, metadata, revisit…).
    pub skipped: u64,
}

/// Opens a WARC stream, gunzipping it when it starts with the gzip magic (a whole-file
/// gzip or one gzip member per record: both read as one stream).
pub fn open<R: Read + 'static>(source: R, max_record: u64) -> WarcReader<Box<dyn BufRead>> {
    let mut buffered = BufReader::with_capacity(1 << 16, source);
    let gz = matches!(buffered.fill_buf(), Ok(b) if b.starts_with(&[0x1f, 0x8b]));
    let reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    };
    WarcReader::new(reader, max_record)
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(reader: R, max_record: u64) -> WarcReader<R> {
        WarcReader {
            reader,
            pending: None,
            number: 0,
            max_record,
            done: false,
            skipped: 0,
        }
    }

    /// One line (without its CR LF), at most 64 KiB; `None` at the end.
    fn line(&mut self) -> std::io::Result<Option<String>> {
        let mut buf = Vec::new();
        let n = (&mut self.reader)
            .take(64 << 10)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        while matches!(buf.last(), Some(b'\n' | b'\r')) {
            buf.pop();
        }
        Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
    }

    /// Skips to the next `WARC/1.x` line (kept as pending).
    fn resync(&mut self) {
        loop {
            match self.line() {
                Ok(Some(l)) if l.starts_with("WARC/1.") => {
                    self.pending = Some(l);
                    return;
                }
                Ok(Some(_)) => continue,
                _ => {
                    self.done = true;
                    return;
                }
            }
        }
    }

    /// Reads one record of any type: `Ok(None)` at the end of the stream.
    fn next_record(&mut self) -> Result<Option<(Headers, Vec<u8>)>, String> {
        // The version line, after any blank lines between records.
        let version = match self.pending.take() {
            Some(l) => l,
            None => loop {
                match self.line().map_err(|e| e.to_string())? {
                    None => return Ok(None),
                    Some(l) if l.trim().is_empty() => continue,
                    Some(l) => break l,
                }
            },
        };
        self.number += 1;
        if !version.starts_with("WARC/1.") {
            return Err(format!(
                "expected a WARC/1.x line, found {:?}",
                clip(&version)
            ));
        }
        let mut headers: Headers = Vec::new();
        loop {
            let Some(l) = self.line().map_err(|e| e.to_string())? else {
                return Err("the file ends inside the record's headers".into());
            };
            if l.is_empty() {
                break;
            }
            if headers.len() > 1000 {
                return Err("more than 1,000 header lines".into());
            }
            if l.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(l.trim());
                }
                continue;
            }
            match l.split_once(':') {
                Some((k, v)) => headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string())),
                None => return Err(format!("a header line without a colon: {:?}", clip(&l))),
            }
        }
        let length: u64 = header(&headers, "content-length")
            .and_then(|v| v.parse().ok())
            .ok_or("no valid Content-Length")?;
        if length > self.max_record {
            // Skip the block; the record is reported, the next ones are read.
            let skipped = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink())
                .map_err(|e| e.to_string())?;
            if skipped < length {
                self.done = true;
            }
            return Err(format!(
                "the record holds {length} bytes, over the limit of {}",
                self.max_record
            ));
        }
        let mut block = Vec::with_capacity(length as usize);
        (&mut self.reader)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|e| e.to_string())?;
        if (block.len() as u64) < length {
            self.done = true;
            return Err(format!(
                "truncated: {} of {length} bytes in the file",
                block.len()
            ));
        }
        Ok(Some((headers, block)))
    }
}

fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The charset parameter of a Content-Type.
pub fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|v| !v.is_empty())
    })
}

/// Splits an HTTP response into status, headers (lower-cased names) and body.
fn split_http(block: &[u8]) -> Result<(u16, Headers, &[u8]), String> {
    let end = memfind(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memfind(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("the HTTP headers do not end")?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    if !status_line.starts_with("HTTP/") {
        return Err(format!("not an HTTP response: {:?}", clip(status_line)));
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no HTTP status in {:?}", clip(status_line)))?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok((status, headers, &block[end.1..]))
}

fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes a chunked body; what cannot be decoded is kept as it is.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let Some(eol) = memfind(rest, b"\r\n") else {
            return body.to_vec();
        };
        let size_text = String::from_utf8_lossy(&rest[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            return body.to_vec();
        };
        rest = &rest[eol + 2..];
        if size == 0 {
            return out;
        }
        if rest.len() < size {
            return body.to_vec();
        }
        out.extend_from_slice(&rest[..size]);
        rest = rest.get(size + 2..).unwrap_or(&[]);
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcRecord, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let (headers, block) = match self.next_record() {
                Ok(Some(r)) => r,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(reason) => {
                    let number = self.number;
                    if !self.done {
                        self.resync();
                    }
                    return Some(Err(WarcError { number, reason }));
                }
            };
            let number = self.number;
            let kind = header(&headers, "warc-type")
                .unwrap_or("")
                .to_ascii_lowercase();
            let url =
                header(&headers, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
            let date = header(&headers, "warc-date").map(str::to_string);
            let record = match kind.as_str() {
                "response" => {
                    let (status, http, body) = match split_http(&block) {
                        Ok(x) => x,
                        Err(reason) => return Some(Err(WarcError { number, reason })),
                    };
                    let chunked = header(&http, "transfer-encoding")
                        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
                    let content_type = header(&http, "content-type").map(str::to_string);
                    WarcRecord {
                        url,
                        date,
                        status: Some(status),
                        charset: content_type.as_deref().and_then(charset_of),
                        content_type,
                        body: if chunked {
                            dechunk(body)
                        } else {
                            body.to_vec()
                        },
                        number,
                    }
                }
                "resource" => {
                    let content_type = header(&headers, "content-type").map(str::to_string);
                    WarcRecord {
                        url,
                        date,
                        status: None,
                        charset: content_type.as_deref().and_then(charset_of),
                        content_type,
                        body: block,
                        number,
                    }
                }
                _ => {
                    self.skipped += 1;
                    continue;
                }
            };
            return Some(Ok(record));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    pub(crate) fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn sample() -> Vec<Vec<u8>> {
        vec![
            record("warcinfo", "", b"software: test\r\n"),
            record(
                "response",
                "https://valley.example/dam",
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<html><p>caf\xe9</p></html>",
            ),
            record(
                "response",
                "https://valley.example/chunked",
                b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
            ),
            record("request", "https://valley.example/dam", b"GET /dam HTTP/1.1\r\n\r\n"),
            record("resource", "file:///notes.txt", b"plain"),
        ]
    }

    fn read_all(bytes: Vec<u8>) -> (Vec<WarcRecord>, Vec<WarcError>, u64) {
        let mut r = open(std::io::Cursor::new(bytes), 1 << 20);
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        for x in &mut r {
            match x {
                Ok(rec) => ok.push(rec),
                Err(e) => bad.push(e),
            }
        }
        (ok, bad, r.skipped)
    }

    #[test]
    fn plain_gzip_whole_and_per_record() {
        let recs = sample();
        let plain: Vec<u8> = recs.concat();
        let whole = gz(&plain);
        let per: Vec<u8> = recs.iter().flat_map(|r| gz(r)).collect();
        for bytes in [plain, whole, per] {
            let (ok, bad, skipped) = read_all(bytes);
            assert!(bad.is_empty(), "{bad:?}");
            assert_eq!(skipped, 2);
            assert_eq!(ok.len(), 3);
            assert_eq!(ok[0].url.as_deref(), Some("https://valley.example/dam"));
            assert_eq!(ok[0].charset.as_deref(), Some("ISO-8859-1"));
            assert_eq!(ok[0].status, Some(200));
            assert_eq!(ok[0].body, b"<html><p>caf\xe9</p></html>");
            assert_eq!(ok[1].body, b"hello world");
            assert_eq!(ok[2].body, b"plain");
        }
    }

    #[test]
    fn broken_records_do_not_stop_the_rest() {
        let recs = sample();
        let mut bytes = recs[1].clone();
        bytes.extend_from_slice(
            b"WARC/1.0\r\nWARC-Type: response\r\nno colon here\r\n\r\njunk\r\n\r\n",
        );
        bytes.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\n");
        bytes.extend_from_slice(&record("response", "https://x.example/notHttp", b"garbage"));
        bytes.extend_from_slice(&recs[2]);
        // Truncated last record.
        bytes.extend_from_slice(
            b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort",
        );
        let (ok, bad, _) = read_all(bytes);
        assert_eq!(ok.len(), 2, "{bad:?}");
        assert_eq!(bad.len(), 4, "{bad:?}");
        assert!(
            bad[0]
                .to_string()
                .starts_with("WARC record 2: a header line without a colon")
        );
        assert!(bad[3].reason.contains("truncated"));
    }

    #[test]
    fn oversized_record_is_skipped() {
        let recs = sample();
        let big = record("response", "https://x.example/big", &vec![b'a'; 5000]);
        let bytes = [big, recs[1].clone()].concat();
        let mut r = WarcReader::new(std::io::Cursor::new(bytes), 1000);
        assert!(
            r.next()
                .unwrap()
                .unwrap_err()
                .reason
                .contains("over the limit")
        );
        assert!(r.next().unwrap().is_ok());
        assert!(r.next().is_none());
    }

    #[test]
    fn junk_never_panics() {
        for junk in [
            &b""[..],
            b"WARC/1.0",
            b"WARC/1.0\r\n",
            b"\x1f\x8b\x08\x00junk",
            b"\n\n\n",
        ] {
            let _ = read_all(junk.to_vec());
        }
        assert_eq!(dechunk(b"zz\r\nabc"), b"zz\r\nabc");
        assert_eq!(
            charset_of("text/html; Charset=\"utf-8\""),
            Some("utf-8".into())
        );
    }
}
