//! Reference data of public facts, loaded once: administrative divisions
//! (GB/T 2260), regions, stock markets, agencies, well-known enterprises,
//! national high-tech zones, national economic and technological
//! development zones and the industry taxonomy.
//!
//! In: the files of `data/gazetteers/` and `ontology/industries.ttl`
//! (embedded, see [`crate::data`]). Out: a [`Gazetteer`] that finds every
//! known name in a text with one Aho-Corasick pass and tells, for each name,
//! which entries it may denote.

use crate::data;
use crate::extract::Kind;
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

/// The administrative level of a division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Province,
    City,
    County,
}

/// One administrative division.
#[derive(Debug, Clone)]
pub struct Division {
    pub code: String,
    pub name: String,
    pub short: String,
    pub level: Level,
    pub parent: Option<String>,
}

/// The reference list a zone is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneList {
    /// 国家高新区 and 省级高新区 (`national-hitech-zones.tsv`, `provincial-zones.tsv`).
    HighTech,
    /// 国家级经济技术开发区 (`national-etdz.tsv`).
    Development,
    /// Parks built under an agreement between China's government and
    /// another's (`cooperation-parks.tsv`: 中新广州知识城, 中德(沈阳)高端装备制造产业园).
    Cooperation,
}

/// One known name: what it denotes.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: Kind,
    /// The canonical (official, simplified) name.
    pub canonical: String,
    /// The English name, when known.
    pub en: Option<String>,
    /// GB/T 2260 code for places.
    pub code: Option<String>,
    /// Province and city of a national zone, as written in the reference table.
    pub province: Option<String>,
    pub city: Option<String>,
    /// `national` or `provincial` for zones of the reference tables.
    pub level: Option<&'static str>,
    /// Which list a zone of the reference tables is on: the high-tech zones
    /// (national or provincial) or the national economic and technological
    /// development zones.
    pub list: Option<ZoneList>,
    /// For markets: the exchange a board belongs to.
    pub exchange: Option<String>,
    /// For zones of the reference tables: the short name (襄阳高新区); their
    /// other names are former or unofficial ones (襄樊高新区).
    pub short: Option<String>,
}

/// A name found in a text.
#[derive(Debug, Clone)]
pub struct Hit<'g> {
    /// Byte offsets in the searched text.
    pub start: usize,
    pub end: usize,
    /// Indices into [`Gazetteer::entries`] of what the name may denote.
    pub entries: &'g [usize],
    /// Whether the surface form is a short form (南湖 for 南湖区).
    pub short: bool,
}

/// All reference data.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    pub divisions: HashMap<String, Division>,
    /// Division code → entry index.
    pub division_entry: HashMap<String, usize>,
    /// Canonical name (and every surface form) → entry indices.
    pub by_name: HashMap<String, Vec<usize>>,
    surfaces: Vec<(String, bool)>,
    surface_entries: Vec<Vec<usize>>,
    /// The surfaces by their first character, longest first.
    surface_index: FirstCharIndex,
    /// Industry label (any) → preferred label.
    pub industry_pref: HashMap<String, String>,
    /// Industry preferred label → English label.
    pub industry_en: HashMap<String, String>,
    /// Other English names of industries (automobile parts, new display):
    /// preferred label and English name.
    pub industry_en_alt: Vec<(String, String)>,
    /// City (as the reference table writes it) → its national high-tech zones.
    pub national_zones_by_city: HashMap<String, Vec<usize>>,
    /// Short names of enterprises that are also common words (小米, 美的,
    /// 地平线, Apple): a firm only where the document names it otherwise too.
    pub context_only: HashSet<String>,
}

impl Gazetteer {
    /// The gazetteer built from the embedded data files (built once).
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut b = Builder::default();
        for row in data::tsv_rows(data::DIVISIONS) {
            let code = data::field(&row, "code").to_string();
            let name = data::field(&row, "name").to_string();
            if code.len() != 6 || name.is_empty() {
                continue;
            }
            let level = match data::field(&row, "level") {
                "province" => Level::Province,
                "city" => Level::City,
                _ => Level::County,
            };
            let short = data::field(&row, "short").to_string();
            let parent = Some(data::field(&row, "parent").to_string()).filter(|p| p.len() == 6);
            let idx = b.add(
                Entry {
                    kind: Kind::Place,
                    canonical: name.clone(),
                    en: None,
                    code: Some(code.clone()),
                    province: None,
                    city: None,
                    level: None,
                    list: None,
                    exchange: None,
                    short: None,
                },
                &[&name],
            );
            if short.chars().count() >= 2 && short != name {
                b.surface(&short, idx, true);
            }
            b.division_entry.insert(code.clone(), idx);
            b.divisions.insert(
                code.clone(),
                Division {
                    code,
                    name,
                    short,
                    level,
                    parent,
                },
            );
        }
        for row in data::tsv_rows(data::REGIONS) {
            let name = data::field(&row, "name");
            if name.is_empty() {
                continue;
            }
            let aliases: Vec<&str> = data::list(data::field(&row, "aliases")).collect();
            let mut names = vec![name];
            names.extend(aliases);
            names.extend(Some(data::field(&row, "en")).filter(|e| !e.is_empty()));
            b.add(simple(Kind::Place, name, data::field(&row, "en")), &names);
        }
        for row in data::tsv_rows(data::MARKETS) {
            let name = data::field(&row, "name");
            if name.is_empty() {
                continue;
            }
            let mut names = vec![name];
            names.extend(data::list(data::field(&row, "aliases")));
            let mut e = simple(Kind::Market, name, data::field(&row, "en"));
            e.exchange = Some(data::field(&row, "exchange").to_string()).filter(|s| !s.is_empty());
            b.add(e, &names);
        }
        for row in data::tsv_rows(data::AGENCIES) {
            let name = data::field(&row, "name");
            if name.is_empty() {
                continue;
            }
            let kind = if data::field(&row, "kind") == "institute" {
                Kind::Institute
            } else {
                Kind::Agency
            };
            let mut names = vec![name];
            names.extend(data::list(data::field(&row, "aliases")));
            // English reports name them in English (Ministry of Science and Technology).
            names.extend(Some(data::field(&row, "en")).filter(|e| e.len() >= 12));
            b.add(simple(kind, name, data::field(&row, "en")), &names);
        }
        for row in data::tsv_rows(data::ENTERPRISES) {
            let name = data::field(&row, "name");
            if name.is_empty() {
                continue;
            }
            let mut names = vec![name];
            names.extend(data::list(data::field(&row, "aliases")));
            b.add(simple(Kind::Enterprise, name, data::field(&row, "en")), &names);
            b.context_only
                .extend(data::list(data::field(&row, "context_only")).map(str::to_string));
        }
        let zone_tables = [
            (data::NATIONAL_ZONES, "national", ZoneList::HighTech),
            (data::PROVINCIAL_ZONES, "provincial", ZoneList::HighTech),
            (data::NATIONAL_DEVELOPMENT_ZONES, "national", ZoneList::Development),
            (data::COOPERATION_PARKS, "national", ZoneList::Cooperation),
        ];
        for (row, level, list) in zone_tables
            .iter()
            .flat_map(|(table, level, list)| data::tsv_rows(table).into_iter().map(move |row| (row, *level, *list)))
        {
            let name = data::field(&row, "official_name");
            if name.is_empty() {
                continue;
            }
            let mut names = vec![name];
            let short = data::field(&row, "short_name");
            if !short.is_empty() {
                names.push(short);
            }
            names.extend(data::list(data::field(&row, "other_names")));
            let mut e = simple(Kind::Zone, name, "");
            e.province = Some(data::field(&row, "province").to_string()).filter(|s| !s.is_empty());
            e.city = Some(data::field(&row, "city").to_string()).filter(|s| !s.is_empty());
            e.level = Some(level);
            e.list = Some(list);
            e.short = Some(short.to_string()).filter(|s| !s.is_empty());
            b.add(e, &names);
        }
        let (pref, en, en_alt) = load_industries();
        for (label, p) in &pref {
            b.industry_pref.insert(label.clone(), p.clone());
        }
        b.industry_en = en;
        b.industry_en_alt = en_alt;
        b.finish()
    }

    /// Every known name in `text`, leftmost-longest, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit<'_>> {
        let mut hits = Vec::new();
        let mut at = 0;
        while let Some(hit) = self.next_hit(text, at) {
            at = hit.end;
            hits.push(hit);
        }
        hits
    }

    /// The first name [`find`](Self::find) would give, without looking
    /// further: the extractors ask it of many short spans.
    pub fn first(&self, text: &str) -> Option<Hit<'_>> {
        self.next_hit(text, 0)
    }

    /// The longest name that starts at `chars[0]`, if any: its length in
    /// characters and what it may denote.
    pub fn at_start(&self, chars: &[char]) -> Option<(usize, &[usize])> {
        let &c = chars.first()?;
        let p = self.surface_index.starting(c, chars.get(1).copied()).find(|&p| {
            let surface = &self.surfaces[p].0;
            surface.chars().count() <= chars.len() && surface.chars().zip(chars).all(|(s, &t)| s == t)
        })?;
        Some((self.surfaces[p].0.chars().count(), &self.surface_entries[p]))
    }

    /// The leftmost name that starts at byte `from` of `text` or after it,
    /// the longest of those that start there.
    fn next_hit(&self, text: &str, from: usize) -> Option<Hit<'_>> {
        let rest = text.get(from..)?;
        let mut chars = rest.char_indices().peekable();
        std::iter::from_fn(|| {
            let (i, c) = chars.next()?;
            Some((i, c, chars.peek().map(|&(_, next)| next)))
        })
        .find_map(|(i, c, next)| {
            let at = from + i;
            // A Latin name is a whole word (BOE, not the start of BOEING).
            let inside_word = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
            if c.is_ascii_alphanumeric() && inside_word(at.checked_sub(1).map(|b| &text.as_bytes()[b])) {
                return None;
            }
            let p = self.surface_index.starting(c, next).find(|&p| {
                let surface = self.surfaces[p].0.as_bytes();
                text.as_bytes()[at..].starts_with(surface)
                    && !(surface.last().is_some_and(u8::is_ascii_alphanumeric)
                        && inside_word(text.as_bytes().get(at + surface.len())))
            })?;
            Some(Hit {
                start: at,
                end: at + self.surfaces[p].0.len(),
                entries: &self.surface_entries[p],
                short: self.surfaces[p].1,
            })
        })
    }

    /// The division chain from a code upwards (the code itself first).
    pub fn ancestors(&self, code: &str) -> Vec<&Division> {
        let mut out = Vec::new();
        let mut cur = self.divisions.get(code);
        while let Some(d) = cur {
            if out.len() > 4 {
                break;
            }
            out.push(d);
            cur = d.parent.as_ref().and_then(|p| self.divisions.get(p));
        }
        out
    }

    /// The preferred label of an industry name, if the taxonomy knows it.
    pub fn industry(&self, name: &str) -> Option<&str> {
        self.industry_pref.get(name).map(String::as_str)
    }

    /// Entries whose canonical name or a surface form is exactly `name`.
    /// The longest division name (province, city, county) at byte `at` of
    /// `text`: its end and its entries that are divisions. Unlike [`find`],
    /// it sees 南湖 in 嘉兴南湖高新技术产业园区 even though the whole name is a
    /// zone the tables know.
    ///
    /// [`find`]: Self::find
    pub fn division_at(&self, text: &str, at: usize) -> Option<(usize, Vec<usize>)> {
        let rest = text.get(at..)?;
        let ends: Vec<usize> = rest
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain([rest.len()])
            .collect();
        ends.iter().rev().find_map(|&end| {
            let entries: Vec<usize> = self
                .lookup(&rest[..end])
                .iter()
                .copied()
                .filter(|&e| {
                    self.entries[e]
                        .code
                        .as_ref()
                        .is_some_and(|c| self.divisions.contains_key(c))
                })
                .collect();
            (!entries.is_empty()).then_some((at + end, entries))
        })
    }

    pub fn lookup(&self, name: &str) -> &[usize] {
        self.by_name.get(name).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Words grouped by their first two characters, longest first: the names
/// that can start at a position of a text are the few under its two
/// characters. Reading a text one character at a time and taking the first
/// (longest) word that matches is leftmost-longest search; it was an
/// Aho-Corasick automaton over the same words, which took 20 ms to build at
/// every start of the program.
struct FirstCharIndex {
    /// Word indices sorted by first character, then second (none first),
    /// then longest first.
    words: Vec<usize>,
    /// The second character of each word of `words` (0 for none).
    seconds: Vec<u32>,
    /// For each character of the Basic Multilingual Plane, where its words
    /// begin in `words` (and `starts[c + 1]` where they end).
    starts: Vec<u32>,
    /// The words of characters beyond the Basic Multilingual Plane, longest first.
    beyond: HashMap<char, Vec<usize>>,
}

/// The characters [`FirstCharIndex::starts`] has a slot for.
const BMP: usize = 0x10000;

impl FirstCharIndex {
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        use std::cmp::Reverse;
        let mut keyed: Vec<(char, u32, Reverse<usize>, usize)> = Vec::new();
        let mut beyond: HashMap<char, Vec<(Reverse<usize>, usize)>> = HashMap::default();
        for (i, w) in words.enumerate() {
            let mut chars = w.chars();
            let Some(c) = chars.next() else {
                continue;
            };
            let second = chars.next().map_or(0, u32::from);
            if (c as usize) < BMP {
                keyed.push((c, second, Reverse(w.len()), i));
            } else {
                beyond.entry(c).or_default().push((Reverse(w.len()), i));
            }
        }
        keyed.sort();
        let mut starts = vec![0u32; BMP + 1];
        for &(c, ..) in &keyed {
            starts[c as usize + 1] += 1;
        }
        for c in 0..BMP {
            starts[c + 1] += starts[c];
        }
        FirstCharIndex {
            seconds: keyed.iter().map(|&(_, second, ..)| second).collect(),
            words: keyed.into_iter().map(|(.., i)| i).collect(),
            starts,
            beyond: beyond
                .into_iter()
                .map(|(c, mut ws)| {
                    ws.sort();
                    (c, ws.into_iter().map(|(_, i)| i).collect())
                })
                .collect(),
        }
    }

    /// The words that may start where `c` and then `next` stand, longest
    /// first: those of two or more characters beginning `c` `next`, then
    /// those of `c` alone.
    fn starting(&self, c: char, next: Option<char>) -> impl Iterator<Item = usize> + '_ {
        let slot = c as usize;
        let (bmp, beyond): (&[usize], &[usize]) = if slot < BMP {
            let (lo, hi) = (self.starts[slot] as usize, self.starts[slot + 1] as usize);
            let seconds = &self.seconds[lo..hi];
            let key = next.map_or(0, u32::from);
            let from = seconds.partition_point(|&s| s < key);
            let to = seconds.partition_point(|&s| s <= key);
            let single = seconds.partition_point(|&s| s == 0);
            let longer = if key == 0 {
                &[][..]
            } else {
                &self.words[lo + from..lo + to]
            };
            (longer, &self.words[lo..lo + single])
        } else {
            (self.beyond.get(&c).map_or(&[], Vec::as_slice), &[])
        };
        bmp.iter().chain(beyond).copied()
    }
}

fn simple(kind: Kind, name: &str, en: &str) -> Entry {
    Entry {
        kind,
        canonical: name.to_string(),
        en: Some(en.to_string()).filter(|s| !s.is_empty()),
        code: None,
        province: None,
        city: None,
        level: None,
        list: None,
        exchange: None,
        short: None,
    }
}

#[derive(Default)]
struct Builder {
    entries: Vec<Entry>,
    divisions: HashMap<String, Division>,
    division_entry: HashMap<String, usize>,
    surface_index: HashMap<String, usize>,
    surfaces: Vec<(String, bool)>,
    surface_entries: Vec<Vec<usize>>,
    by_name: HashMap<String, Vec<usize>>,
    industry_pref: HashMap<String, String>,
    industry_en: HashMap<String, String>,
    industry_en_alt: Vec<(String, String)>,
    context_only: HashSet<String>,
}

impl Builder {
    fn add(&mut self, entry: Entry, names: &[&str]) -> usize {
        let idx = self.entries.len();
        self.entries.push(entry);
        for n in names {
            self.surface(n, idx, false);
        }
        idx
    }

    fn surface(&mut self, name: &str, idx: usize, short: bool) {
        let name = name.trim();
        if name.chars().count() < 2 {
            return;
        }
        let list = self.by_name.entry(name.to_string()).or_default();
        if !list.contains(&idx) {
            list.push(idx);
        }
        let p = *self.surface_index.entry(name.to_string()).or_insert_with(|| {
            self.surfaces.push((name.to_string(), short));
            self.surface_entries.push(Vec::new());
            self.surfaces.len() - 1
        });
        // A surface that is a full name of anything is not a short form.
        if !short {
            self.surfaces[p].1 = false;
        }
        if !self.surface_entries[p].contains(&idx) {
            self.surface_entries[p].push(idx);
        }
    }

    fn finish(self) -> Gazetteer {
        let surface_index = FirstCharIndex::new(self.surfaces.iter().map(|(s, _)| s.as_str()));
        let mut national_zones_by_city: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, e) in self.entries.iter().enumerate() {
            if let (Some("national"), Some(ZoneList::HighTech), Some(city)) = (e.level, e.list, &e.city) {
                national_zones_by_city.entry(city.clone()).or_default().push(i);
            }
        }
        Gazetteer {
            entries: self.entries,
            divisions: self.divisions,
            division_entry: self.division_entry,
            by_name: self.by_name,
            surfaces: self.surfaces,
            surface_entries: self.surface_entries,
            surface_index,
            industry_pref: self.industry_pref,
            industry_en: self.industry_en,
            industry_en_alt: self.industry_en_alt,
            national_zones_by_city,
            context_only: self.context_only,
        }
    }
}

/// Industry labels from the SKOS taxonomy: every label → preferred label,
/// preferred label → English label, and the other English labels.
type IndustryLabels = (HashMap<String, String>, HashMap<String, String>, Vec<(String, String)>);

fn load_industries() -> IndustryLabels {
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::Term;
    const PREF: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";
    const ALT: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
    let mut pref_of: HashMap<String, String> = HashMap::default(); // concept → zh pref
    let mut en_of: HashMap<String, String> = HashMap::default(); // concept → en pref
    let mut alts: Vec<(String, String)> = Vec::new(); // concept, zh alt
    let mut en_alts: Vec<(String, String)> = Vec::new(); // concept, en alt
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(data::INDUSTRIES.as_bytes()) {
        let Ok(q) = quad else { continue };
        let Term::Literal(lit) = &q.object else {
            continue;
        };
        let subject = q.subject.to_string();
        let lang = lit.language().unwrap_or("");
        match q.predicate.as_str() {
            PREF if lang.starts_with("zh") => {
                pref_of.insert(subject, lit.value().to_string());
            }
            PREF if lang.starts_with("en") => {
                en_of.insert(subject, lit.value().to_string());
            }
            ALT if lang.starts_with("zh") => alts.push((subject, lit.value().to_string())),
            ALT if lang.starts_with("en") => en_alts.push((subject, lit.value().to_string())),
            _ => {}
        }
    }
    let mut pref = HashMap::default();
    let mut en = HashMap::default();
    for (concept, label) in &pref_of {
        pref.insert(label.clone(), label.clone());
        if let Some(e) = en_of.get(concept) {
            en.insert(label.clone(), e.clone());
        }
    }
    for (concept, alt) in alts {
        if let Some(p) = pref_of.get(&concept) {
            pref.entry(alt).or_insert_with(|| p.clone());
        }
    }
    let en_alt = en_alts
        .into_iter()
        .filter_map(|(concept, alt)| Some((pref_of.get(&concept)?.clone(), alt)))
        .collect();
    (pref, en, en_alt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn industries_keep_their_other_english_names() {
        let gaz = Gazetteer::get();
        assert!(
            gaz.industry_en_alt
                .contains(&("汽车零部件".to_string(), "auto parts".to_string())),
            "{:?}",
            gaz.industry_en_alt
        );
        assert_eq!(
            gaz.industry_en.get("汽车零部件").map(String::as_str),
            Some("automotive parts")
        );
    }

    /// The index finds what a leftmost-longest Aho-Corasick automaton over
    /// the same names finds.
    #[test]
    fn development_zones_are_on_their_own_list() {
        let gaz = Gazetteer::get();
        let zones: Vec<&Entry> = gaz
            .lookup("广州开发区")
            .iter()
            .map(|&e| &gaz.entries[e])
            .filter(|e| e.kind == Kind::Zone)
            .collect();
        assert_eq!(zones.len(), 1);
        assert_eq!(zones[0].canonical, "广州经济技术开发区");
        assert_eq!(zones[0].city.as_deref(), Some("广州市"));
        assert_eq!(zones[0].level, Some("national"));
        assert_eq!(zones[0].list, Some(ZoneList::Development));
        // X高新区 stands for the city's high-tech zone: the development zone
        // of the same city is not a candidate.
        let kunming: Vec<&str> = gaz.national_zones_by_city["昆明市"]
            .iter()
            .map(|&e| gaz.entries[e].canonical.as_str())
            .collect();
        assert_eq!(kunming, ["昆明高新技术产业开发区"]);
    }

    #[test]
    fn singapore_s_boards_are_markets() {
        let gaz = Gazetteer::get();
        for name in ["Catalist board", "凯利板", "新交所主板"] {
            assert!(
                gaz.lookup(name).iter().any(|&e| gaz.entries[e].kind == Kind::Market),
                "{name}"
            );
        }
    }

    #[test]
    fn cooperation_parks_are_found_by_their_chinese_and_english_names() {
        let gaz = Gazetteer::get();
        for name in ["中新广州知识城", "Sino-Singapore Guangzhou Knowledge City", "中德园"] {
            let parks: Vec<&Entry> = gaz
                .lookup(name)
                .iter()
                .map(|&e| &gaz.entries[e])
                .filter(|e| e.kind == Kind::Zone)
                .collect();
            assert_eq!(parks.len(), 1, "{name}");
            assert_eq!(parks[0].list, Some(ZoneList::Cooperation), "{name}");
        }
        assert!(gaz
            .lookup("中德园")
            .iter()
            .any(|&e| gaz.entries[e].canonical == "中德(沈阳)高端装备制造产业园"));
    }

    #[test]
    fn names_are_found_leftmost_longest() {
        let gaz = Gazetteer::get();
        let matcher = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(gaz.surfaces.iter().map(|(s, _)| s.as_str()))
            .expect("names compile");
        for text in [
            "江苏省常州市武进区武进国家高新技术产业开发区",
            "嘉兴南湖高新技术产业园区位于浙江省嘉兴市南湖区",
            "南京市南京高新区,苏州工业园区和上海张江",
            "no Chinese here",
            "",
            "𠀀北京",
        ] {
            let expected: Vec<(usize, usize)> = matcher.find_iter(text).map(|m| (m.start(), m.end())).collect();
            let found: Vec<(usize, usize)> = gaz.find(text).iter().map(|h| (h.start, h.end)).collect();
            assert_eq!(found, expected, "{text}");
            assert_eq!(
                gaz.first(text).map(|h| (h.start, h.end)),
                expected.first().copied(),
                "{text}"
            );
        }
    }
}
