//! Outlet names: from the host, from metadata, and from "Source: …" credits.

/// The outlet's name guessed from a URL's host ("www.lemonde.fr" → "Le Monde" when
/// known, else a readable form of the registrable domain).
pub fn outlet_from_host(url: &url::Url) -> Option<String> {
    let host = url.host_str()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    Some(host.to_string())
}
