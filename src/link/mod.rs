//! Stage 8: links to reference datasets.
//!
//! In: entities from [`crate::resolve`]. Out: their division codes and
//! administrative parents (GB/T 2260, from `data/gazetteers/divisions.tsv`)
//! and their level on the national high-tech zone list. Resolution already
//! attaches codes and levels while building entities; this module answers
//! questions about the reference data for other stages and for users.
//!
//! - [`divisions`]: zones in the divisions their names say (`zg:inDivision`)
//!   and zone levels (national, provincial), written by the model stage.
//! - [`wikidata`]: `zonegraph link wikidata`, `owl:sameAs` links to Wikidata
//!   in a linkset graph, with a VoID description.
//! - [`export`]: `zonegraph export links`.

pub mod divisions;
pub mod export;
pub mod wikidata;

use crate::gazetteer::Gazetteer;

/// The names of a division and its parents, nearest first (南湖区 → 嘉兴市 → 浙江省).
pub fn division_chain(code: &str) -> Vec<(String, String)> {
    Gazetteer::get()
        .ancestors(code)
        .into_iter()
        .map(|d| (d.code.clone(), d.name.clone()))
        .collect()
}

/// The official name of a national high-tech zone for any of its names.
pub fn national_zone(name: &str) -> Option<String> {
    let gaz = Gazetteer::get();
    gaz.lookup(name)
        .iter()
        .map(|&e| &gaz.entries[e])
        .find(|e| e.level == Some("national"))
        .map(|e| e.canonical.clone())
}
