/// A page as it was collected: raw bytes plus what is known about where they came from.
///
/// Bytes are kept undecoded: the extractor decides the encoding (BOM, `<meta charset>`,
/// detection) and whether the bytes are gzip, HTML or a plain-text page dump.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The raw bytes as read from disk, stdin or the network.
    pub bytes: Vec<u8>,
    /// The page's address when known: the base for relative links and the outlet's host.
    pub url: Option<String>,
    /// Where the bytes came from: a path, `-` for stdin, or a URL.
    pub input: Option<String>,
    /// The `Content-Type` header's charset, when the page came over HTTP.
    pub charset_hint: Option<String>,
}

impl Page {
    /// A page from bytes alone.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Page {
            bytes: bytes.into(),
            ..Page::default()
        }
    }

    /// Sets the page's address.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets where the bytes came from.
    pub fn with_input(mut self, input: impl Into<String>) -> Self {
        self.input = Some(input.into());
        self
    }
}
