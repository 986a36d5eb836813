//! Reference names written in English, for articles (or paragraphs) in
//! English about Chinese zones: provinces and prefecture cities by their
//! pinyin (Jiangsu, Wuxi City), industries by the taxonomy's English labels
//! (integrated circuits, biomedicine), and national high-tech zones by the
//! pinyin of their place (Wuxi National High-Tech Zone → 无锡高新技术产业开发区).
//! Each becomes a mention of the Chinese entity with the English words as
//! its English name, so an English and a Chinese article name one entity.
//!
//! In: the English sentences of an extraction. Out: more mentions.

use super::rules::Rules;
use super::{Kind, Mention, Via};
use crate::gazetteer::{Gazetteer, Level, ZoneList};
use aho_corasick::{AhoCorasick, MatchKind};
use foldhash::HashMap;
use pinyin::{ToPinyin, ToPinyinMulti};
use std::sync::OnceLock;

/// The English forms of the reference data, built once on first use.
struct EnglishReference {
    /// Capitalized pinyin of a province or prefecture city (Jiangsu, Wuxi)
    /// → its gazetteer entry. Spellings shared by two divisions are left out
    /// unless the rule file spells them (Shaanxi / Shanxi).
    places: HashMap<String, usize>,
    /// Lowercase English industry labels, singular and plural.
    industry_matcher: AhoCorasick,
    /// Pattern index of `industry_matcher` → the industry's Chinese label.
    industry_labels: Vec<String>,
    /// Lowercase pinyin of a national zone's place part (wuxi, zhongguancun)
    /// → its gazetteer entries.
    zones: HashMap<String, Vec<usize>>,
}

/// Toneless pinyin spellings of the Chinese characters of `name`, joined,
/// lowercase: every reading of characters with several (成都 is chengdu,
/// not only chengdou; 重庆 chongqing), at most 16 spellings.
fn pinyin_keys(name: &str) -> Vec<String> {
    let mut keys = vec![String::new()];
    for readings in name.to_pinyin_multi().flatten() {
        let mut plains: Vec<&str> = readings.into_iter().map(|p| p.plain()).collect();
        plains.dedup();
        let mut next = Vec::new();
        for k in &keys {
            for p in &plains {
                if next.len() < 16 {
                    next.push(format!("{k}{p}"));
                }
            }
        }
        keys = next;
    }
    keys.sort();
    keys.dedup();
    keys
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

fn reference() -> &'static EnglishReference {
    static R: OnceLock<EnglishReference> = OnceLock::new();
    R.get_or_init(|| {
        let gaz = Gazetteer::get();
        let rules = &Rules::get().entities.english;
        // Spelling → (from the usual reading, the division or None when two
        // share it). A usual reading wins over another reading of a
        // character (长沙 is Changsha; 长 read zhang spells nothing else).
        let mut places: HashMap<String, (bool, Option<usize>)> = HashMap::default();
        let mut divisions: Vec<_> = gaz.divisions.values().collect();
        divisions.sort_by(|a, b| a.code.cmp(&b.code));
        for usual in [true, false] {
            for d in &divisions {
                if d.level == Level::County || d.short.chars().count() < 2 {
                    continue;
                }
                let Some(&entry) = gaz.division_entry.get(&d.code) else {
                    continue;
                };
                let keys = if usual {
                    vec![d
                        .short
                        .as_str()
                        .to_pinyin()
                        .flatten()
                        .map(|p| p.plain())
                        .collect::<String>()]
                } else {
                    pinyin_keys(&d.short)
                };
                for key in keys {
                    let slot = places.entry(capitalize(&key)).or_insert((usual, Some(entry)));
                    if slot.1 != Some(entry) && slot.0 == usual {
                        slot.1 = None;
                    }
                }
            }
        }
        let mut places: HashMap<String, usize> = places.into_iter().filter_map(|(k, (_, e))| Some((k, e?))).collect();
        for (spelling, name) in &rules.place_spellings {
            if let Some(&e) = gaz
                .lookup(name)
                .iter()
                .find(|&&e| gaz.entries[e].code.is_some() && gaz.entries[e].kind == Kind::Place)
            {
                places.insert(spelling.clone(), e);
            }
        }
        let mut patterns = Vec::new();
        let mut industry_labels = Vec::new();
        for (zh, en) in gaz
            .industry_en
            .iter()
            .chain(gaz.industry_en_alt.iter().map(|(a, b)| (a, b)))
        {
            let en = en.to_lowercase();
            let singular = en.strip_suffix('s').filter(|s| s.len() >= 4).map(str::to_string);
            let plural = (!en.ends_with('s')).then(|| format!("{en}s"));
            for form in std::iter::once(en.clone()).chain(singular).chain(plural) {
                patterns.push(form);
                industry_labels.push(zh.clone());
            }
        }
        let industry_matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .unwrap_or_else(|e| panic!("English industry labels compile: {e}"));
        let mut zones: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, e) in gaz.entries.iter().enumerate() {
            if e.kind != Kind::Zone || e.level != Some("national") {
                continue;
            }
            // 深圳市高新技术产业园区 is the Shenzhen zone: without 市 too.
            let place = zone_place_part(&e.canonical, rules_zone_suffixes());
            let bare = place.trim_end_matches(['市', '区', '县']).to_string();
            for key in pinyin_keys(&place).into_iter().chain(pinyin_keys(&bare)) {
                if key.len() >= 4 {
                    let list = zones.entry(key).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        EnglishReference {
            places,
            industry_matcher,
            industry_labels,
            zones,
        }
    })
}

fn rules_zone_suffixes() -> &'static [String] {
    &Rules::get().zone_suffixes_longest_first
}

/// The place part of a zone's name: without its ending and 国家 (无锡 of
/// 无锡高新技术产业开发区, 中关村 of 中关村科技园区).
pub(super) fn zone_place_part(name: &str, suffixes_longest_first: &[String]) -> String {
    let core = suffixes_longest_first
        .iter()
        .find_map(|s| name.strip_suffix(s.as_str()))
        .unwrap_or(name);
    core.trim_end_matches("国家").to_string()
}

/// The national zone an English zone name stands for: the one whose place
/// part has the pinyin of the name's proper words (Wuxi, Zhongguancun), when
/// exactly one national zone has it and the name says what kind of zone it
/// is (High-Tech / Hi-Tech for 高新 zones).
pub(super) fn national_zone(proper: &[&str], phrase: &str) -> Option<usize> {
    let wanted: String = proper
        .iter()
        .map(|w| w.to_ascii_lowercase().replace(['-', '\''], ""))
        .collect();
    let candidates = reference().zones.get(&wanted)?;
    let gaz = Gazetteer::get();
    let hi_tech = names_high_tech(phrase);
    let development = names_development_zone(phrase);
    // The name must say which list: High-Tech for a high-tech zone, Economic
    // and Technological Development for a development zone; a name that says
    // neither (Industrial Park, Science City) can only be a zone of the
    // high-tech list whose name says neither (苏州工业园区, 中关村科技园区).
    let fits: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&e| {
            let entry = &gaz.entries[e];
            let entry_development = entry.list == Some(ZoneList::Development);
            entry_development == development
                && (entry_development
                    || super::rules::Rules::get().entities.zone.high_tech(&entry.canonical) == hi_tech)
        })
        .collect();
    match fits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Whether an English zone name says it is a high-tech zone (High-Tech,
/// Hi-tech, New and High…: `[english] high_tech_words`).
pub(super) fn names_high_tech(phrase: &str) -> bool {
    says_any(phrase, &Rules::get().entities.english.high_tech_words)
}

/// Whether an English zone name says it is an economic and technological
/// development zone (`[english] development_zone_words`).
fn names_development_zone(phrase: &str) -> bool {
    says_any(phrase, &Rules::get().entities.english.development_zone_words)
}

/// Whether `phrase` holds one of the lower-case `words`, in any case.
fn says_any(phrase: &str, words: &[String]) -> bool {
    let lower = phrase.to_ascii_lowercase();
    words.iter().any(|w| lower.contains(w.as_str()))
}

/// Places and industries named in English in sentence `si` (`s` starts at
/// byte `base` of the text).
pub(super) fn reference_mentions(s: &str, base: usize, si: usize, out: &mut Vec<Mention>) {
    let r = reference();
    let gaz = Gazetteer::get();
    let bytes = s.as_bytes();
    for m in r.industry_matcher.find_iter(s) {
        let whole_words = (m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric())
            && (m.end() >= bytes.len() || !bytes[m.end()].is_ascii_alphanumeric());
        if !whole_words {
            continue;
        }
        let zh = &r.industry_labels[m.pattern().as_usize()];
        out.push(Mention {
            kind: Kind::Industry,
            name: zh.clone(),
            start: base + m.start(),
            end: base + m.end(),
            sentence: si,
            via: Via::Context,
            canonical: None,
            entry: None,
            aliases: Vec::new(),
            english: Some(s[m.start()..m.end()].to_string()),
        });
    }
    // Capitalized words that spell a province or city (Jiangsu, Wuxi).
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_uppercase() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let mut end = i + s[i..].bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        // Xi'an: an apostrophe parts pinyin syllables (not a possessive 's).
        while end + 1 < bytes.len()
            && bytes[end] == b'\''
            && bytes[end + 1].is_ascii_lowercase()
            && !(bytes[end + 1] == b's' && bytes.get(end + 2).is_none_or(|b| !b.is_ascii_alphabetic()))
        {
            end += 1 + s[end + 1..].bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        }
        let spelled = |e: usize| {
            let word = &s[i..e];
            if word.contains('\'') {
                r.places.get(&word.replace('\'', "")).copied()
            } else {
                r.places.get(word).copied()
            }
        };
        // Two-word spellings first (Inner Mongolia).
        let two_end = (end < bytes.len() && bytes[end] == b' ')
            .then(|| end + 1 + s[end + 1..].bytes().take_while(|b| b.is_ascii_alphabetic()).count());
        let found = two_end
            .and_then(|e| spelled(e).map(|entry| (e, entry)))
            .or_else(|| spelled(end).map(|entry| (end, entry)));
        if let Some((e, entry)) = found {
            let e = e + super::rules::Rules::get()
                .entities
                .english
                .place_type_words
                .iter()
                .find(|w| s[e..].starts_with(w.as_str()))
                .map_or(0, |w| w.len());
            let division = &gaz.entries[entry];
            out.push(Mention {
                kind: Kind::Place,
                name: division.canonical.clone(),
                start: base + i,
                end: base + e,
                sentence: si,
                via: Via::Gazetteer,
                canonical: Some(division.canonical.clone()),
                entry: Some(entry),
                aliases: Vec::new(),
                english: Some(s[i..e].to_string()),
            });
            i = e;
        } else {
            i = end.max(i + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_cities_and_industries_in_english() {
        let mut out = Vec::new();
        reference_mentions(
            "The zone in Wuxi, Jiangsu Province, focuses on integrated circuits and biomedicine.",
            0,
            0,
            &mut out,
        );
        let names: Vec<(Kind, &str)> = out.iter().map(|m| (m.kind, m.name.as_str())).collect();
        assert!(names.contains(&(Kind::Place, "无锡市")), "{names:?}");
        assert!(names.contains(&(Kind::Place, "江苏省")), "{names:?}");
        assert!(names.contains(&(Kind::Industry, "集成电路")), "{names:?}");
        let mut out = Vec::new();
        reference_mentions("Chongqing, Chengdu, Shaanxi and Shanxi.", 0, 0, &mut out);
        let names: Vec<&str> = out.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["重庆市", "成都市", "陕西省", "山西省"]);
        // The word that says what kind of division it is belongs to the name.
        let mut out = Vec::new();
        reference_mentions(
            "It lies in Jiangsu province and the Guangxi Zhuang Autonomous Region.",
            0,
            0,
            &mut out,
        );
        let spelled: Vec<&str> = out.iter().filter_map(|m| m.english.as_deref()).collect();
        assert_eq!(spelled, ["Jiangsu province", "Guangxi Zhuang Autonomous Region"]);
        // An apostrophe parts syllables (Xi'an), a possessive does not (Xi'an's).
        let mut out = Vec::new();
        reference_mentions("Xi'an and Xi'an's zone.", 0, 0, &mut out);
        let spelled: Vec<(&str, &str)> = out
            .iter()
            .filter_map(|m| Some((m.name.as_str(), m.english.as_deref()?)))
            .collect();
        assert_eq!(spelled, [("西安市", "Xi'an"), ("西安市", "Xi'an")]);
    }

    #[test]
    fn national_zones_by_the_pinyin_of_their_place() {
        let gaz = Gazetteer::get();
        let e = national_zone(&["Wuxi"], "Wuxi National High-Tech Zone").map(|e| gaz.entries[e].canonical.clone());
        assert_eq!(e.as_deref(), Some("无锡高新技术产业开发区"));
        // Characters with several readings (都 du/dou), and 市 in the name.
        let e = national_zone(&["Chengdu"], "Chengdu Hi-tech Zone").map(|e| gaz.entries[e].canonical.clone());
        assert_eq!(e.as_deref(), Some("成都高新技术产业开发区"));
        let e = national_zone(&["Shenzhen"], "Shenzhen High-Tech Industrial Park")
            .map(|e| gaz.entries[e].canonical.clone());
        assert_eq!(e.as_deref(), Some("深圳市高新技术产业园区"));
        // Not a high-tech zone: no national high-tech zone is meant.
        assert_eq!(national_zone(&["Wuxi"], "Wuxi Industrial Park"), None);
    }

    #[test]
    fn development_zones_are_told_from_the_high_tech_zone_of_their_city() {
        let gaz = Gazetteer::get();
        let canonical =
            |proper: &[&str], phrase: &str| national_zone(proper, phrase).map(|e| gaz.entries[e].canonical.clone());
        assert_eq!(
            canonical(&["Guangzhou"], "Guangzhou Development District").as_deref(),
            Some("广州经济技术开发区")
        );
        assert_eq!(
            canonical(&["Kunming"], "Kunming Economic and Technological Development Zone").as_deref(),
            Some("昆明经济技术开发区")
        );
        assert_eq!(
            canonical(&["Kunming"], "Kunming National High-tech Industrial Development Zone").as_deref(),
            Some("昆明高新技术产业开发区")
        );
        assert_eq!(
            canonical(&["Kunshan"], "Kunshan ETDZ").as_deref(),
            Some("昆山经济技术开发区")
        );
        // A name that says neither is neither the city's development zone
        // nor its high-tech zone.
        assert_eq!(
            national_zone(&["Mianyang"], "China (Mianyang) Science and Technology City"),
            None
        );
    }
}
