//! Facets: how many articles the archive holds per language and per outlet (the web
//! home page's filters), counted from the archive's facts without reading the database.

use std::collections::HashMap;

use serde::Serialize;

use crate::archive::Archive;

/// Articles (copies included) per language and per outlet, most first (ties by name).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Facets {
    pub languages: Vec<(String, usize)>,
    pub outlets: Vec<(String, usize)>,
}

fn ranked(counts: HashMap<&str, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(n, c)| (n.to_string(), c))
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

impl Archive {
    /// Articles per language and per outlet over every live story.
    pub fn facets(&self) -> Facets {
        let mut languages: HashMap<&str, usize> = HashMap::new();
        let mut outlets: HashMap<&str, usize> = HashMap::new();
        for s in self.index.stories() {
            for &m in self.facts.members(s.id) {
                if let Some(l) = self.language_of(m) {
                    *languages.entry(l).or_default() += 1;
                }
                if let Some(o) = self.outlet_of(m) {
                    *outlets.entry(o).or_default() += 1;
                }
            }
        }
        Facets {
            languages: ranked(languages),
            outlets: ranked(outlets),
        }
    }
}
