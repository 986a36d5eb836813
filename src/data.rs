//! The data files compiled into the program: rules and gazetteers.
//!
//! Rules and word lists live in `data/` and `ontology/` as TOML, TSV, plain
//! lists and Turtle, where a domain expert can read and extend them. They are
//! embedded at build time so that the binary needs nothing beside itself, and
//! parsed once, on first use.

pub const ENTITY_RULES: &str = include_str!("../data/rules/entities.toml");
pub const RELATION_RULES: &str = include_str!("../data/rules/relations.toml");
pub const STATISTIC_RULES: &str = include_str!("../data/rules/statistics.toml");
pub const JUNK_PHRASES: &str = include_str!("../data/rules/junk.txt");
pub const LINK_LIST_HEADERS: &str = include_str!("../data/rules/link-lists.txt");
pub const DEFINITION_RULES: &str = include_str!("../data/rules/definitions.toml");
pub const CELL_TABLE_RULES: &str = include_str!("../data/rules/cell-tables.toml");
pub const DIVISIONS: &str = include_str!("../data/gazetteers/divisions.tsv");
pub const REGIONS: &str = include_str!("../data/gazetteers/regions.tsv");
pub const MARKETS: &str = include_str!("../data/gazetteers/markets.tsv");
pub const AGENCIES: &str = include_str!("../data/gazetteers/agencies.tsv");
pub const ENTERPRISES: &str = include_str!("../data/gazetteers/enterprises.tsv");
pub const NATIONAL_ZONES: &str = include_str!("../data/gazetteers/national-hitech-zones.tsv");
pub const NATIONAL_DEVELOPMENT_ZONES: &str = include_str!("../data/gazetteers/national-etdz.tsv");
pub const PROVINCIAL_ZONES: &str = include_str!("../data/gazetteers/provincial-zones.tsv");
pub const COOPERATION_PARKS: &str = include_str!("../data/gazetteers/cooperation-parks.tsv");
pub const INDUSTRIES: &str = include_str!("../ontology/industries.ttl");
pub const ONTOLOGY: &str = include_str!("../ontology/zonegraph.ttl");

/// The non-empty, non-comment lines of a list file, trimmed.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The rows of a TSV file with a header: each row as (header → field) pairs,
/// comment lines skipped.
pub fn tsv_rows(text: &str) -> Vec<Vec<(&str, &str)>> {
    let mut rows = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let Some(header) = rows.next() else {
        return Vec::new();
    };
    let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
    rows.map(|row| {
        columns
            .iter()
            .copied()
            .zip(row.split('\t').map(str::trim).chain(std::iter::repeat("")))
            .collect()
    })
    .collect()
}

/// The field of a TSV row by column name ("" when absent).
pub fn field<'a>(row: &[(&str, &'a str)], column: &str) -> &'a str {
    row.iter().find(|(c, _)| *c == column).map(|(_, v)| *v).unwrap_or("")
}

/// Split a `;`-separated list field.
pub fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}
