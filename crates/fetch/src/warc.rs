//! A streaming WARC 1.0/1.1 reader: `response` records (the HTTP status line and headers
//! stripped, the Content-Type and its charset passed on) and `resource` records, with
//! their target URI. Whole-file gzip and gzip per record (multi-member) are both read,
//! member by member: a corrupt gzip member yields one error naming its byte offset in the
//! file, and reading goes on at the next member. A broken record yields an error naming
//! its number, and reading goes on at the next `WARC/1.x` line; other record types
//! (warcinfo, request, metadata…) are counted and skipped.

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
/// gzip or one gzip member per record), member by member.
pub fn open<R: Read + 'static>(source: R, max_record: u64) -> WarcFile {
    let mut buffered = BufReader::with_capacity(1 << 16, Box::new(source) as Box<dyn Read>);
    let gz = matches!(buffered.fill_buf(), Ok(b) if b.starts_with(&GZIP_MAGIC[..2]));
    let source = if gz {
        Source::Gzip(Box::new(GzMembers {
            raw: Some(Counting::new(
                buffered,
                usize::try_from(max_record).unwrap_or(usize::MAX),
            )),
            current: None,
            lookahead: None,
            start: 0,
            resyncing: false,
            number: 0,
            skipped: 0,
            max_record,
        }))
    } else {
        Source::Plain(WarcReader::new(buffered, max_record))
    };
    WarcFile { source }
}

/// The first bytes of a gzip member (magic and the deflate method).
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

type Raw = BufReader<Box<dyn Read>>;
type Member = WarcReader<BufReader<Flagged<flate2::bufread::GzDecoder<Counting<Raw>>>>>;

/// The records of a WARC file (see [`open`]).
pub struct WarcFile {
    source: Source,
}

enum Source {
    Plain(WarcReader<Raw>),
    Gzip(Box<GzMembers>),
}

impl WarcFile {
    /// Records of other types skipped so far (warcinfo, request, metadata, revisit…).
    pub fn skipped(&self) -> u64 {
        match &self.source {
            Source::Plain(r) => r.skipped,
            Source::Gzip(g) => g.skipped + g.current.as_ref().map_or(0, |c| c.skipped),
        }
    }
}

impl Iterator for WarcFile {
    type Item = Result<WarcRecord, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.source {
            Source::Plain(r) => r.next(),
            Source::Gzip(g) => g.next(),
        }
    }
}

/// A buffered reader that counts the bytes consumed (the offset in the file) and can go
/// back to just after the start of the current gzip member: it keeps what the member
/// consumed (up to `cap` bytes). A truncated member's decoder reads on into the next
/// member before it fails; going back lets the search for the next member start inside
/// the bad one, so the member after it is not lost.
struct Counting<R> {
    inner: R,
    pos: u64,
    /// Bytes to read again before `inner` (after going back), and how many were read.
    replay: Vec<u8>,
    replayed: usize,
    /// What the current member consumed; None when not kept (no member, or over `cap`).
    history: Option<Vec<u8>>,
    cap: usize,
}

impl<R: BufRead> Counting<R> {
    fn new(inner: R, cap: usize) -> Counting<R> {
        Counting {
            inner,
            pos: 0,
            replay: Vec::new(),
            replayed: 0,
            history: None,
            cap,
        }
    }

    /// Starts keeping what is consumed (a member starts here).
    fn keep(&mut self) {
        self.history = Some(Vec::new());
    }

    /// Stops keeping what is consumed.
    fn forget(&mut self) {
        self.history = None;
    }

    /// Goes back to one byte after `start`, where the kept bytes began; false when they
    /// were not kept (over the cap) or none were consumed.
    fn rewind(&mut self, start: u64) -> bool {
        match self.history.take() {
            Some(mut kept) if !kept.is_empty() => {
                kept.drain(..1);
                kept.extend_from_slice(&self.replay[self.replayed..]);
                self.replay = kept;
                self.replayed = 0;
                self.pos = start + 1;
                true
            }
            _ => false,
        }
    }
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.replayed < self.replay.len() {
            return Ok(&self.replay[self.replayed..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        let replaying = self.replayed < self.replay.len();
        if let Some(mut kept) = self.history.take() {
            // The bytes being consumed are the front of what fill_buf last gave (a
            // buffered reader gives them again without reading).
            let avail: &[u8] = if replaying {
                &self.replay[self.replayed..]
            } else {
                self.inner.fill_buf().unwrap_or(&[])
            };
            if n <= avail.len() && kept.len() + n <= self.cap {
                kept.extend_from_slice(&avail[..n]);
                self.history = Some(kept);
            }
        }
        self.pos += n as u64;
        if replaying {
            self.replayed += n;
            if self.replayed >= self.replay.len() {
                self.replay = Vec::new();
                self.replayed = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

/// A reader that remembers its first error (a corrupt gzip member).
struct Flagged<R> {
    inner: R,
    error: Option<String>,
}

impl<R: Read> Read for Flagged<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf).inspect_err(|e| {
            self.error.get_or_insert_with(|| e.to_string());
        })
    }
}

/// The gzip members of a file, each read as a WARC stream of its own.
struct GzMembers {
    /// The file, when no member is being read.
    raw: Option<Counting<Raw>>,
    current: Option<Member>,
    /// What the current member gave after a broken record (looked at to tell a broken
    /// record from a corrupt member).
    lookahead: Option<Option<Result<WarcRecord, WarcError>>>,
    /// Where the current member starts.
    start: u64,
    /// The current member was found by skipping past a corrupt one.
    resyncing: bool,
    number: u64,
    skipped: u64,
    max_record: u64,
}

impl GzMembers {
    fn gz_error(&self, reason: &str) -> String {
        format!(
            "a corrupt gzip member at byte {} ({reason}): skipped to the next member",
            self.start
        )
    }

    /// Ends the current member; its gzip error, if it was corrupt (and not reported yet).
    fn end_member(&mut self) -> Option<String> {
        let member = self.current.take()?;
        self.number = member.number;
        self.skipped += member.skipped;
        let flagged = member.reader.into_inner();
        let error = flagged.error;
        let mut raw = flagged.inner.into_inner();
        // A corrupt member: look for the next one from just after its start (its decoder
        // may have read on into the next member), and never where it started.
        if error.is_some() && !raw.rewind(self.start) && raw.pos <= self.start {
            raw.consume(1);
        }
        raw.forget();
        self.raw = Some(raw);
        error
    }

    /// Skips to the next gzip magic; returns how many bytes were passed over.
    fn seek_magic(raw: &mut Counting<Raw>) -> u64 {
        let mut passed = 0u64;
        loop {
            let (found, used) = match raw.fill_buf() {
                Ok([]) | Err(_) => return passed,
                Ok(buf) => match buf.windows(3).position(|w| w == GZIP_MAGIC) {
                    Some(i) => (true, i),
                    // Keep the last two bytes: the magic may straddle the buffer's end.
                    None if buf.len() > 2 => (false, buf.len() - 2),
                    None => (false, buf.len()),
                },
            };
            if used == 0 && !found {
                // Fewer than three bytes left, none a magic: the end.
                let rest = raw.fill_buf().map(<[u8]>::len).unwrap_or(0);
                raw.consume(rest);
                return passed + rest as u64;
            }
            raw.consume(used);
            passed += used as u64;
            if found {
                return passed;
            }
        }
    }

    fn next(&mut self) -> Option<Result<WarcRecord, WarcError>> {
        loop {
            if let Some(member) = &mut self.current {
                let next = match self.lookahead.take() {
                    Some(n) => n,
                    None => member.next(),
                };
                let mut gz = member.reader.get_mut().error.take();
                let mut next = next;
                if let (Some(Err(_)), None) = (&next, &gz) {
                    // A corrupt member often shows first as a broken record: look at
                    // what follows before telling which it was.
                    let ahead = member.next();
                    gz = member.reader.get_mut().error.take();
                    if gz.is_none() {
                        self.lookahead = Some(ahead);
                    } else if let Some(Ok(_)) = ahead {
                        // (Cannot happen: a read error ends the member's records.)
                        next = ahead;
                    }
                }
                match (next, gz) {
                    (Some(Ok(r)), _) => {
                        // (A record complete before a broken trailer: the error comes
                        // with the next read.)
                        self.resyncing = false;
                        return Some(Ok(r));
                    }
                    (Some(Err(e)), None) => return Some(Err(e)),
                    (next, Some(gz)) => {
                        let number = match next {
                            Some(Err(e)) => e.number,
                            _ => member.number,
                        };
                        // The member's reader holds the error; the member is given up.
                        member.reader.get_mut().error = Some(gz.clone());
                        self.lookahead = None;
                        self.end_member();
                        let reported = std::mem::replace(&mut self.resyncing, true);
                        if !reported {
                            return Some(Err(WarcError {
                                number,
                                reason: self.gz_error(&gz),
                            }));
                        }
                        continue;
                    }
                    (None, None) => {
                        self.end_member();
                        self.resyncing = false;
                        continue;
                    }
                }
            }
            let mut raw = self.raw.take()?;
            let at = raw.pos;
            let passed = match raw.fill_buf() {
                Ok([]) | Err(_) => return None,
                Ok(buf) if buf.starts_with(&GZIP_MAGIC) => 0,
                Ok(_) => Self::seek_magic(&mut raw),
            };
            let at_end = matches!(raw.fill_buf(), Ok([]) | Err(_));
            self.start = raw.pos;
            if !at_end {
                raw.keep();
                let mut member = WarcReader::new(
                    BufReader::with_capacity(
                        1 << 16,
                        Flagged {
                            inner: flate2::bufread::GzDecoder::new(raw),
                            error: None,
                        },
                    ),
                    self.max_record,
                );
                member.number = self.number;
                self.current = Some(member);
            }
            // Bytes between members that are not gzip (after a clean member: a corrupt
            // one skipped past is already reported).
            if passed > 0 && !self.resyncing {
                self.resyncing = true;
                return Some(Err(WarcError {
                    number: self.number,
                    reason: format!("{passed} bytes that are not gzip at byte {at}: skipped"),
                }));
            }
            if at_end {
                return None;
            }
        }
    }
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
        let skipped = r.skipped();
        (ok, bad, skipped)
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
    fn a_corrupt_gzip_member_costs_only_its_record() {
        let recs = sample();
        let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
        // Member 2 (the first response): its deflate data overwritten in the middle.
        let mut bad_member = members[1].clone();
        let mid = bad_member.len() / 2;
        for b in &mut bad_member[mid - 8..mid + 8] {
            *b = 0xff;
        }
        let offset = members[0].len();
        let mut bytes = members[0].clone();
        bytes.extend_from_slice(&bad_member);
        for m in &members[2..] {
            bytes.extend_from_slice(m);
        }
        let (ok, bad, skipped) = read_all(bytes);
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert!(
            bad[0]
                .reason
                .starts_with(&format!("a corrupt gzip member at byte {offset} (")),
            "{bad:?}"
        );
        assert_eq!(ok.len(), 2, "{ok:?}");
        assert_eq!(ok[0].body, b"hello world");
        assert_eq!(ok[1].body, b"plain");
        assert_eq!(skipped, 2);
        // The next record's number counts the lost one.
        assert_eq!(ok[0].number, 3);

        // Junk between good members: reported once, the members after it are read.
        let mut bytes = members[1].clone();
        bytes.extend_from_slice(b"junk between members");
        bytes.extend_from_slice(&members[2]);
        bytes.extend_from_slice(&members[4]);
        let (ok, bad, _) = read_all(bytes);
        assert_eq!(ok.len(), 3, "{ok:?} {bad:?}");
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert_eq!(
            bad[0].reason,
            format!(
                "20 bytes that are not gzip at byte {}: skipped",
                members[1].len()
            )
        );

        // Gzip magic bytes inside junk never stall the reader.
        let mut bytes = members[1].clone();
        bytes.extend_from_slice(&[0x1f, 0x8b, 0x08, 0x1f, 0x8b, 0x08, 0xff, 0x1f, 0x8b]);
        let (ok, bad, _) = read_all(bytes);
        assert_eq!(ok.len(), 1);
        assert_eq!(bad.len(), 1, "one report for the bad tail: {bad:?}");
    }

    #[test]
    fn a_truncated_gzip_member_does_not_swallow_the_next() {
        let recs = sample();
        let members: Vec<Vec<u8>> = recs.iter().map(|r| gz(r)).collect();
        for cut in [8, 10, 16, 30] {
            // Member 2 loses its last bytes (the trailer, then deflate data too): a
            // download cut short and concatenated with the rest.
            let truncated = &members[1][..members[1].len() - cut];
            let offset = members[0].len();
            let mut bytes = members[0].clone();
            bytes.extend_from_slice(truncated);
            for m in &members[2..] {
                bytes.extend_from_slice(m);
            }
            let (ok, bad, skipped) = read_all(bytes);
            // The members after it are all read (the truncated one's record too, when
            // only its trailer was lost).
            let bodies: Vec<&[u8]> = ok.iter().map(|r| r.body.as_slice()).collect();
            let after = [b"hello world".as_slice(), b"plain".as_slice()];
            assert!(bodies.ends_with(&after), "cut {cut}: {bodies:?} {bad:?}");
            assert!(bodies.len() <= 3, "cut {cut}: {bodies:?}");
            assert_eq!(bad.len(), 1, "cut {cut}: {bad:?}");
            assert!(
                bad[0]
                    .reason
                    .starts_with(&format!("a corrupt gzip member at byte {offset} (")),
                "cut {cut}: {bad:?}"
            );
            assert_eq!(skipped, 2, "cut {cut}: warcinfo and request");
        }
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
            b"\x1f\x8b",
            b"\x1f\x8b\x08",
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
