//! Zones in administrative divisions, and zone levels.
//!
//! **Divisions.** Resolution links a zone to the places its name and the
//! national-zone table put it in only when the text also names those places
//! (`zg:locatedIn`, with evidence). A zone's name alone often says where it
//! is: 嘉兴南湖高新区 lies in 南湖区 of 嘉兴市, 浙江省. [`zone_divisions`] reads
//! that from the name (leading division names, each a child of the one
//! before: 嘉兴 then 南湖 under 嘉兴市) and, for zones on the national list,
//! from the table's province and city; the model writes the result as
//! `zg:inDivision` links in the reference graph, to the most specific
//! division and each of its ancestors, with the divisions' codes and
//! `zg:partOf` chains.
//!
//! An ambiguous short name (鼓楼 is four districts) with nothing before it to
//! choose among them gives no link; a name whose divisions disagree with the
//! national table's city is not trusted beyond the table.
//!
//! **Levels.** Zones of the national list are `national` (set by
//! resolution). Otherwise a zone is `provincial` when one of its names
//! contains 省级, or when the text says so right after naming it, within the
//! same clause and before any other zone is named (青溪高新区于2015年获批省级
//! 高新区); and `national` when the text says it is or became a national zone
//! the same way (…升级为国家级高新区, …获批国家高新区). When a text says both
//! (a provincial zone later upgraded), national wins.

use crate::extract::{Extraction, Kind};
use crate::gazetteer::{Division, Gazetteer, Level};
use crate::normalize::NormalizedDoc;
use crate::resolve::{Entity, Resolved};
use std::collections::BTreeSet;

/// The division codes a name begins with, each a child of the previous
/// (嘉兴南湖高新区 → [330400 嘉兴市, 330402 南湖区]). Stops at the first name
/// that is not a division or that cannot be told apart from another one.
pub fn leading_divisions(name: &str) -> Vec<String> {
    let gaz = Gazetteer::get();
    let mut out: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some((end, entries)) = gaz.division_at(name, at) {
        let parent = out.last();
        let mut candidates: Vec<&Division> = entries
            .iter()
            .filter_map(|&e| gaz.entries[e].code.as_ref())
            .filter_map(|c| gaz.divisions.get(c))
            .filter(|d| match parent {
                // A later name must lie in the one before (not necessarily directly:
                // 浙江嘉兴 skips nothing, 浙江南湖 skips the city).
                Some(p) => gaz.ancestors(&d.code).iter().skip(1).any(|a| &a.code == p),
                None => true,
            })
            .collect();
        candidates.sort_by_key(|d| (d.level, d.code.clone()));
        candidates.dedup_by_key(|d| d.code.clone());
        let Some(first) = candidates.first() else { break };
        // Without context, a name must denote one division of its level.
        let same_level = candidates.iter().filter(|d| d.level == first.level).count();
        if same_level > 1 {
            break;
        }
        out.push(first.code.clone());
        at = end;
    }
    out
}

/// The division a zone lies in, most specific first, with its ancestors:
/// from its names and, for national zones, the table's province and city.
pub fn zone_divisions(zone: &Entity) -> Vec<String> {
    if zone.kind != Kind::Zone {
        return Vec::new();
    }
    let gaz = Gazetteer::get();
    // The table's city (or province) for a zone on the national list.
    let mut table: Option<String> = None;
    for name in std::iter::once(&zone.label).chain(&zone.alt_labels) {
        for &e in gaz.lookup(name) {
            let entry = &gaz.entries[e];
            if entry.kind != Kind::Zone || entry.level != Some("national") {
                continue;
            }
            let province = entry.province.as_deref().and_then(|p| division_named(p, None));
            let city = entry
                .city
                .as_deref()
                .and_then(|c| division_named(c, province.as_deref()));
            if let Some(code) = city.or(province) {
                table.get_or_insert(code);
            }
        }
    }
    let mut best: Option<String> = None;
    for name in std::iter::once(&zone.label).chain(&zone.alt_labels) {
        let Some(code) = leading_divisions(name).pop() else {
            continue;
        };
        let chain: Vec<String> = gaz.ancestors(&code).iter().map(|d| d.code.clone()).collect();
        if let Some(t) = &table {
            // The name must agree with the table.
            if !chain.contains(t) && !gaz.ancestors(t).iter().any(|d| d.code == code) {
                continue;
            }
        }
        let deeper = |a: &str, b: &str| gaz.ancestors(a).len() > gaz.ancestors(b).len();
        if best.as_deref().is_none_or(|b| deeper(&code, b)) {
            best = Some(code);
        }
    }
    let most_specific = match (best, table) {
        (Some(b), Some(t)) => {
            if gaz.ancestors(&b).iter().any(|d| d.code == t) {
                b
            } else {
                t
            }
        }
        (Some(b), None) => b,
        (None, Some(t)) => t,
        (None, None) => return Vec::new(),
    };
    gaz.ancestors(&most_specific).iter().map(|d| d.code.clone()).collect()
}

/// The code of the division with this full or short name, under `within` when given.
fn division_named(name: &str, within: Option<&str>) -> Option<String> {
    let gaz = Gazetteer::get();
    let mut codes: Vec<&Division> = gaz
        .lookup(name)
        .iter()
        .filter_map(|&e| gaz.entries[e].code.as_ref())
        .filter_map(|c| gaz.divisions.get(c))
        .filter(|d| within.is_none_or(|w| gaz.ancestors(&d.code).iter().any(|a| a.code == w)))
        .collect();
    codes.sort_by_key(|d| (d.level, d.code.clone()));
    match codes.as_slice() {
        [one] => Some(one.code.clone()),
        [first, second, ..] if first.level < second.level || first.level == Level::Province => Some(first.code.clone()),
        _ => None,
    }
}

/// Endings of zone names that a level word can qualify (省级高新区, 国家级开发区).
const ZONE_ENDINGS: &[&str] = &[
    "高新技术产业开发区",
    "高新技术产业园区",
    "高新区",
    "经济技术开发区",
    "经济开发区",
    "经开区",
    "开发区",
    "工业园区",
    "产业园区",
    "园区",
];

fn says_level(window: &str, word: &str) -> bool {
    let mut rest = window;
    while let Some(i) = rest.find(word) {
        let after = &rest[i + word.len()..];
        // The zone ending within a few characters after the level word.
        let near: String = after.chars().take(8).collect();
        if ZONE_ENDINGS.iter().any(|e| near.contains(e)) {
            return true;
        }
        rest = after;
    }
    false
}

/// The level the text gives a zone that resolution left without one:
/// `Some("provincial")` or `Some("national")` (see the module comment).
pub fn zone_levels(doc: &NormalizedDoc, ex: &Extraction, r: &Resolved) -> Vec<Option<&'static str>> {
    let zone_starts: BTreeSet<usize> = ex
        .mentions
        .iter()
        .filter(|m| m.kind == Kind::Zone)
        .map(|m| m.start)
        .collect();
    r.entities
        .iter()
        .map(|e| {
            if e.kind != Kind::Zone || e.level.is_some() {
                return None;
            }
            let names = std::iter::once(&e.label).chain(&e.alt_labels);
            let mut provincial = false;
            let mut national = false;
            for n in names {
                provincial |= n.contains("省级");
            }
            for &m in &e.mentions {
                let Some(mention) = ex.mentions.get(m) else { continue };
                let Some(text) = doc.text.get(mention.end..) else {
                    continue;
                };
                // The clause after the mention, up to the next zone named.
                let mut end = text
                    .find(['，', '。', '；', '！', '？', '\n', ',', ';'])
                    .unwrap_or(text.len());
                if let Some(next) = zone_starts.range(mention.end..).next() {
                    end = end.min(next - mention.end);
                }
                let window = &text[..end];
                provincial |= says_level(window, "省级");
                national |= says_level(window, "国家级") || says_level(window, "国家");
                // 省级 right before the name (省级青溪高新区).
                let before = doc.text.get(..mention.start).unwrap_or("");
                if before.ends_with("省级") {
                    provincial = true;
                }
            }
            if national {
                Some("national")
            } else if provincial {
                Some("provincial")
            } else {
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(codes: &[String]) -> Vec<String> {
        let gaz = Gazetteer::get();
        codes.iter().map(|c| gaz.divisions[c].name.clone()).collect()
    }

    fn zone(label: &str) -> Entity {
        Entity {
            kind: Kind::Zone,
            key: label.to_string(),
            label: label.to_string(),
            alt_labels: BTreeSet::new(),
            english: Vec::new(),
            division_code: None,
            level: None,
            mentions: Vec::new(),
        }
    }

    #[test]
    fn names_say_where_zones_are() {
        assert_eq!(names(&leading_divisions("嘉兴南湖高新区")), ["嘉兴市", "南湖区"]);
        assert_eq!(
            names(&zone_divisions(&zone("嘉兴南湖高新区"))),
            ["南湖区", "嘉兴市", "浙江省"]
        );
        assert_eq!(
            names(&zone_divisions(&zone("浙江省嘉兴市南湖高新技术产业园区"))),
            ["南湖区", "嘉兴市", "浙江省"]
        );
        assert_eq!(
            names(&zone_divisions(&zone("常州武进经济开发区"))),
            ["武进区", "常州市", "江苏省"]
        );
        // A national zone without a place in its name: the table's city.
        assert_eq!(names(&zone_divisions(&zone("中关村科技园区"))), ["北京市"]);
        // No place: nothing.
        assert!(zone_divisions(&zone("青溪高新区")).is_empty());
        // Ambiguous without context: 鼓楼 is several districts.
        assert!(leading_divisions("鼓楼科技园").is_empty());
        assert_eq!(names(&leading_divisions("南京鼓楼科技园")), ["南京市", "鼓楼区"]);
    }
}
