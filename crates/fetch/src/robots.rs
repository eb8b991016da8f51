//! robots.txt (RFC 9309): the group for our product token (else `*`), Allow/Disallow
//! by the longest matching pattern (`*` wildcards, `$` end anchor; a tie goes to Allow),
//! and the non-standard but common `Crawl-delay`. Pure: parsing and matching only.

/// The rules that apply to us on one host.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Robots {
    /// `(allow, pattern)` in file order.
    rules: Vec<(bool, String)>,
    /// Seconds to wait between requests, when the group asks for it.
    pub crawl_delay: Option<f64>,
}

impl Robots {
    /// Everything allowed (no robots.txt, or a 4xx for it).
    pub fn allow_all() -> Robots {
        Robots::default()
    }

    /// Everything disallowed (robots.txt unreachable: a 5xx or a network error, RFC 9309
    /// §2.3.1.4).
    pub fn disallow_all() -> Robots {
        Robots {
            rules: vec![(false, "/".into())],
            crawl_delay: None,
        }
    }

    /// Parses a robots.txt for the product token `agent` (e.g. `storyline`): the groups
    /// naming it (case-insensitively) apply, else the `*` groups.
    pub fn parse(text: &str, agent: &str) -> Robots {
        let agent = agent.to_ascii_lowercase();
        // Each group: its user agents, rules and crawl delay.
        struct Group {
            agents: Vec<String>,
            rules: Vec<(bool, String)>,
            delay: Option<f64>,
        }
        let mut groups: Vec<Group> = Vec::new();
        let mut in_agents = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !in_agents {
                        groups.push(Group {
                            agents: Vec::new(),
                            rules: Vec::new(),
                            delay: None,
                        });
                        in_agents = true;
                    }
                    if let Some(g) = groups.last_mut() {
                        g.agents.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut()
                        && !value.is_empty()
                    {
                        g.rules.push((key == "allow", value.to_string()));
                    }
                }
                "crawl-delay" => {
                    in_agents = false;
                    if let Some(g) = groups.last_mut()
                        && let Ok(d) = value.parse::<f64>()
                        && d.is_finite()
                        && d >= 0.0
                    {
                        g.delay = Some(d);
                    }
                }
                _ => {}
            }
        }
        let ours = |g: &&Group| {
            g.agents
                .iter()
                .any(|a| a != "*" && !a.is_empty() && agent.contains(a.as_str()))
        };
        let chosen: Vec<&Group> = if groups.iter().any(|g| ours(&g)) {
            groups.iter().filter(ours).collect()
        } else {
            groups
                .iter()
                .filter(|g| g.agents.iter().any(|a| a == "*"))
                .collect()
        };
        let mut robots = Robots::default();
        for g in chosen {
            robots.rules.extend(g.rules.iter().cloned());
            if g.delay.is_some() {
                robots.crawl_delay = g.delay;
            }
        }
        robots
    }

    /// Whether we may fetch this path (with its query, e.g. `/a/b?c=d`).
    pub fn allowed(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for (allow, pattern) in &self.rules {
            if matches(pattern, path) {
                let len = pattern.len();
                best = match best {
                    Some((l, a)) if l > len || (l == len && a) => Some((l, a)),
                    _ => Some((len, *allow)),
                };
            }
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Whether a robots pattern matches the start of `path`: `*` matches any run of
/// characters, a final `$` anchors the end. Greedy-free: pieces between stars are found
/// left to right, which is exact for this pattern language.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let pieces: Vec<&str> = pattern.split('*').collect();
    let last = pieces.len() - 1;
    let mut pos = 0usize;
    for (i, piece) in pieces.iter().enumerate() {
        let rest = &path[pos..];
        if i == 0 {
            if !rest.starts_with(piece) {
                return false;
            }
            pos += piece.len();
            if last == 0 {
                return !anchored || pos == path.len();
            }
            continue;
        }
        if i == last && anchored {
            // The last piece must end the path.
            return rest.len() >= piece.len()
                && path.ends_with(piece)
                && path.len() - piece.len() >= pos;
        }
        match rest.find(piece) {
            Some(at) => pos += at + piece.len(),
            None => return false,
        }
    }
    !anchored || pos == path.len() || pattern.ends_with('*')
}

#[cfg(test)]
mod tests {
    use super::*;

    const TXT: &str = "# comment
User-agent: Googlebot
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Crawl-delay: 2

User-agent: storyline
User-agent: other
Disallow: /nostoryline
Allow: /nostoryline/but-this
Crawl-delay: 0.5
";

    #[test]
    fn our_group_wins_over_star() {
        let r = Robots::parse(TXT, "storyline/0.1 (+https://example.org)");
        assert!(!r.allowed("/nostoryline/x"));
        assert!(r.allowed("/nostoryline/but-this/y"));
        assert!(r.allowed("/private/x"), "the * group does not apply to us");
        assert_eq!(r.crawl_delay, Some(0.5));
    }

    #[test]
    fn star_group_longest_match() {
        let r = Robots::parse(TXT, "somebot");
        assert!(!r.allowed("/private/x"));
        assert!(r.allowed("/private/open/x"));
        assert!(r.allowed("/public"));
        assert!(!r.allowed("/a/b.pdf"));
        assert!(r.allowed("/a/b.pdf?x=1"));
        assert!(r.allowed("/robots.txt"));
        assert_eq!(r.crawl_delay, Some(2.0));
    }

    #[test]
    fn tie_goes_to_allow_and_empty_disallow_allows() {
        let r = Robots::parse("User-agent: *\nDisallow: /a\nAllow: /a\n", "x");
        assert!(r.allowed("/a"));
        let r = Robots::parse("User-agent: *\nDisallow:\n", "x");
        assert!(r.allowed("/anything"));
        assert!(!Robots::disallow_all().allowed("/x"));
        assert!(Robots::allow_all().allowed("/x"));
    }

    #[test]
    fn wildcards() {
        assert!(matches("/a*c", "/abc"));
        assert!(matches("/a*c", "/abcd"));
        assert!(!matches("/a*c$", "/abcd"));
        assert!(matches("/a*c$", "/abcc"));
        assert!(matches("*", "/x"));
        assert!(matches("/$", "/"));
        assert!(!matches("/$", "/x"));
        assert!(!matches("/x*y", "/x"));
    }

    #[test]
    fn garbage_does_not_panic() {
        let r = Robots::parse("\u{0}\u{ffff}:::\nuser-agent\nDisallow: /*$*$\n", "x");
        let _ = r.allowed("/é/😀");
    }
}
