//! Stage 3: mentions in, entities out (document-level resolution).
//!
//! In: an [`Extraction`]. Out: a [`Resolved`] document: entities (one per
//! thing, with a canonical label and every other surface form), relations
//! and observations between entities, deduplicated.
//!
//! Merging rules, all general: the same canonical name (reference data maps
//! 嘉兴 to 嘉兴市, 科技部火炬中心 to its full name); names given as another's
//! name in parentheses or with 简称; zones whose names differ only by their
//! ending or a leading place name (南湖高新区, 嘉兴南湖高新技术产业园区);
//! enterprises with and without legal suffix or with a shortened name
//! (斯达半导, 斯达半导体); a board and the same board with its exchange
//! (科创板, 上海证券交易所科创板). Zones are linked to the places their
//! names and the reference table put them in, when the text names them.

use crate::extract::rules::Rules;
use crate::extract::{Extraction, Kind, Mention, Predicate};
use crate::gazetteer::{Gazetteer, Level};
use foldhash::HashMap;
use std::collections::{BTreeMap, BTreeSet};

/// One resolved entity.
#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: Kind,
    /// The key its IRI is made from (stable across documents).
    pub key: String,
    /// Canonical name, simplified Chinese.
    pub label: String,
    /// Every other surface form.
    pub alt_labels: BTreeSet<String>,
    /// English names, the first the English label.
    pub english: Vec<String>,
    /// GB/T 2260 code for places.
    pub division_code: Option<String>,
    /// `national` for zones on the national list.
    pub level: Option<&'static str>,
    /// Mention indices.
    pub mentions: Vec<usize>,
}

/// The object of a relation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Object {
    Entity(usize),
    Literal(String),
}

/// One resolved relation with its evidence sentences.
#[derive(Debug, Clone)]
pub struct Relation {
    pub predicate: Predicate,
    pub subject: usize,
    pub object: Object,
    pub industry: Option<usize>,
    pub date: Option<String>,
    pub sentences: Vec<usize>,
}

/// One resolved statistic.
#[derive(Debug, Clone)]
pub struct Observation {
    pub subject: usize,
    pub value: String,
    pub unit: String,
    pub metric: String,
    pub year: Option<i32>,
    pub qualifier: Option<&'static str>,
    pub sentence: usize,
}

/// A resolved document.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    pub observations: Vec<Observation>,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let next = self.0[y];
            self.0[y] = r;
            y = next;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// A name without quotes and white space, for comparing.
pub fn bare(name: &str) -> String {
    let dropped = |c: char| {
        c.is_whitespace() || matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’' | '《' | '》' | '「' | '」' | '·')
    };
    // Most names are bare already: copied whole, not character by character.
    if !name.contains(dropped) {
        return name.to_string();
    }
    name.chars().filter(|&c| !dropped(c)).collect()
}

/// A zone name's core: its family (the 高新 family, else its ending) and
/// its name without ending, 国家 and leading place names. Two zones with the
/// same core are one (南湖高新区, 嘉兴南湖高新技术产业园区); a 科创城 and a
/// 科技创新带 of the same place are not.
fn zone_core(name: &str, rules: &Rules, gaz: &Gazetteer) -> String {
    let name = bare(name);
    let Some((head, suffix)) = split_zone_ending(&name, rules) else {
        return format!("name:{name}");
    };
    let family = zone_family(suffix, rules);
    let mut core = head.to_string();
    // A place in parentheses is a gloss, not part of the name
    // (西部(重庆)科学城 is 西部科学城, 德州(禹城)高新区 德州高新区).
    if let (Some(open), Some(close)) = (core.find('('), core.find(')')) {
        let without = format!("{}{}", &core[..open], &core[close + 1..]);
        if open < close && without.chars().count() >= 2 {
            core = without;
        }
    }
    // Strip leading place names while a name of two characters or more remains.
    while let Some(h) = gaz.first(&core).filter(|h| {
        h.start == 0
            && core[h.end..].chars().count() >= 2
            && h.entries.iter().any(|&e| gaz.entries[e].kind == Kind::Place)
    }) {
        core = core[h.end..].to_string();
    }
    format!("{family}:{core}")
}

/// A zone name without its ending (the longest that fits) and a 国家 before
/// it, and the ending; `None` when no zone ending ends the name.
fn split_zone_ending<'a>(name: &'a str, rules: &'a Rules) -> Option<(&'a str, &'a str)> {
    let suffix = rules
        .zone_suffixes_longest_first
        .iter()
        .find(|s| name.ends_with(s.as_str()) && name.len() > s.len())?;
    let head = &name[..name.len() - suffix.len()];
    Some((head.strip_suffix("国家").unwrap_or(head), suffix))
}

/// Zone endings that name the same kind of zone: the 高新 family
/// (高新区, 高新技术产业开发区, 国家高新区 …) is one, so is each group of
/// `same_endings` in entities.toml (经济技术开发区, 经济开发区, 经开区); any
/// other ending is its own (广州开发区 and 广州高新区 are two zones).
fn zone_family(suffix: &str, rules: &Rules) -> String {
    // 新技术(产业)开发区 is the older name of a 高新技术产业开发区
    // (武汉东湖新技术开发区 is 武汉东湖高新区), and a few keep 高技术
    // (厦门火炬高技术产业开发区 is 火炬高新区): `high_tech_marks`.
    if rules.entities.zone.high_tech(suffix) {
        return "高新".into();
    }
    match rules
        .entities
        .zone
        .same_endings
        .iter()
        .find(|g| g.iter().any(|e| e == suffix))
    {
        Some(group) => group[0].clone(),
        None => suffix.to_string(),
    }
}

/// The names one zone may go by, to look it up by any of them: the name
/// itself and, when its ending is of the 高新 family, its core with every
/// ending of that family, with and without 国家 (松岭高新区 →
/// 松岭高新技术产业开发区, 松岭国家高新区, …): the same zones
/// [`zone_core`] makes one.
pub fn zone_name_variants(name: &str) -> Vec<String> {
    let rules = Rules::get();
    let name = bare(name);
    let mut variants = vec![name.clone()];
    let Some((core, suffix)) = split_zone_ending(&name, rules) else {
        return variants;
    };
    let family = zone_family(suffix, rules);
    for s in rules
        .zone_suffixes_longest_first
        .iter()
        .filter(|s| zone_family(s, rules) == family)
    {
        for v in [format!("{core}{s}"), format!("{core}国家{s}")] {
            if !variants.contains(&v) && !v.contains("国家国家") {
                variants.push(v);
            }
        }
    }
    variants
}

fn enterprise_core(name: &str, rules: &Rules, gaz: &Gazetteer) -> String {
    let mut core = bare(name);
    // A leading place name is often dropped in later mentions (厦门快快网络 → 快快网络).
    if let Some(h) = gaz.find(&core).first() {
        if h.start == 0 && core.len() - h.end >= 6 && h.entries.iter().any(|&e| gaz.entries[e].kind == Kind::Place) {
            core = core[h.end..].to_string();
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for s in &rules.entities.enterprise.legal_suffixes {
            if core.ends_with(s.as_str()) && core.len() > s.len() + 3 {
                core.truncate(core.len() - s.len());
                changed = true;
            }
        }
    }
    core
}

/// A company's legal form by its name's ending, limited by shares
/// (股份有限公司) or limited (有限公司, 有限责任公司), and the name before it.
fn legal_form(name: &str) -> Option<(&'static str, &str)> {
    if let Some(base) = name.strip_suffix("股份有限公司") {
        Some(("shares", base))
    } else {
        name.strip_suffix("有限公司")
            .or_else(|| name.strip_suffix("有限责任公司"))
            .map(|base| ("limited", base))
    }
}

/// The text of a sentence, from the mentions' document (kept by the extraction).
fn text_of<'a>(ex: &'a Extraction, s: &crate::extract::Sentence) -> &'a str {
    &ex.text[s.start..s.end]
}

/// Resolve one document's mentions into entities.
pub fn resolve(ex: &Extraction) -> Resolved {
    let gaz = Gazetteer::get();
    let rules = Rules::get();
    let n = ex.mentions.len();
    let mut uf = UnionFind((0..n).collect());
    let key_of = |m: &Mention| -> String {
        match m.entry {
            Some(e) => match &gaz.entries[e].code {
                Some(code) => format!("code:{code}"),
                None => bare(&gaz.entries[e].canonical),
            },
            None => {
                let k = bare(m.canonical.as_deref().unwrap_or(&m.name));
                // A project named with or without 项目 is one project.
                match (m.kind, k.strip_suffix("项目")) {
                    (Kind::Project, Some(core)) if core.chars().count() >= 2 => core.to_string(),
                    _ => k,
                }
            }
        }
    };
    // Same kind and key; aliases given in the text.
    let mut by_key: HashMap<(Kind, String), usize> = HashMap::default();
    let mut by_name: HashMap<(Kind, String), Vec<usize>> = HashMap::default();
    for (i, m) in ex.mentions.iter().enumerate() {
        let k = (m.kind, key_of(m));
        match by_key.get(&k) {
            Some(&j) => uf.union(i, j),
            None => {
                by_key.insert(k, i);
            }
        }
        for name in std::iter::once(&m.name).chain(&m.aliases) {
            by_name.entry((m.kind, bare(name))).or_default().push(i);
        }
    }
    for ((kind, name), group) in &by_name {
        // A policy's shorter names drop its owner (无锡高新区“十四五”规划 →
        // “十四五”规划), and two policies of different owners share them:
        // they join policies only to a mention named just that.
        if *kind == Kind::Policy {
            if let Some(&named) = group.iter().find(|&&i| bare(&ex.mentions[i].name) == *name) {
                for &i in group {
                    uf.union(named, i);
                }
            }
            continue;
        }
        for w in group.windows(2) {
            uf.union(w[0], w[1]);
        }
    }
    let by_name_kind = by_name;
    // A designation given to a zone (A被认定为B, A获批为B) is another name of
    // it: B is merged into A, the first zone of the sentence.
    let mut zones_by_sentence: Vec<Vec<usize>> = vec![Vec::new(); ex.sentences.len()];
    for (i, m) in ex.mentions.iter().enumerate() {
        if let Some(zones) = zones_by_sentence.get_mut(m.sentence).filter(|_| m.kind == Kind::Zone) {
            zones.push(i);
        }
    }
    for (si, sentence) in ex.sentences.iter().enumerate() {
        let zones = &zones_by_sentence[si];
        let Some(&first) = zones.first() else { continue };
        for &z in &zones[1..] {
            let before = &text_of(ex, sentence)[..ex.mentions[z].start - sentence.start];
            let words = &Rules::get().entities.zone.designation_words;
            // …or a later item of a list of designations (A获批为B、C), in
            // the designation's clause: 获批为国家级高新区,洪山园、仓山园…
            // lists other zones.
            let in_listed_designation = || {
                words
                    .iter()
                    .filter_map(|c| before.rfind(c.as_str()).map(|p| p + c.len()))
                    .any(|p| !before[p..].contains([',', ';', ':', '。']))
            };
            let designated =
                words.iter().any(|c| before.ends_with(c.as_str())) || before.ends_with('、') && in_listed_designation();
            if designated {
                uf.union(first, z);
            }
        }
    }
    // A former name (A更名为B) names the same zone: it is an alias, and the
    // relation keeps it as zg:formerName.
    for r in &ex.relations {
        if r.predicate == Predicate::FormerName {
            if let Some(old) = &r.literal {
                for (i, m) in ex.mentions.iter().enumerate() {
                    if m.kind == Kind::Zone && (&m.name == old || m.canonical.as_ref() == Some(old)) {
                        uf.union(i, r.subject);
                    }
                }
            }
        }
    }
    // Kind-specific variants.
    let mut zone_cores: HashMap<String, usize> = HashMap::default();
    // Zones of the reference tables named in a form the tables lack.
    let mut official: HashMap<usize, usize> = HashMap::default();
    // A zone's body named after two names of the zone (A高新区管委会,
    // A高新技术产业开发区管理委员会) is one body.
    let mut agency_cores: HashMap<String, usize> = HashMap::default();
    let mut ent_cores: Vec<(String, usize)> = Vec::new();
    let mut markets: Vec<usize> = Vec::new();
    for (i, m) in ex.mentions.iter().enumerate() {
        match m.kind {
            Kind::Zone => {
                let mut core = zone_core(m.canonical.as_deref().unwrap_or(&m.name), rules, gaz);
                // (Only the reference tables' kinds of zone have such names.)
                let listed_kind = core.starts_with("高新:") || core.starts_with("经济技术开发区:");
                if m.entry.is_none() && listed_kind {
                    if let Some(e) = official_zone(&m.name, gaz) {
                        core = zone_core(&gaz.entries[e].canonical, rules, gaz);
                        official.insert(i, e);
                    }
                }
                if core.ends_with(':') {
                    continue;
                }
                match zone_cores.get(&core) {
                    Some(&j) => uf.union(i, j),
                    None => {
                        zone_cores.insert(core, i);
                    }
                }
            }
            Kind::Enterprise => ent_cores.push((enterprise_core(&m.name, rules, gaz), i)),
            Kind::Agency => {
                let name = m.canonical.as_deref().unwrap_or(&m.name);
                let Some((len, body)) = rules.agency_ending(name) else {
                    continue;
                };
                let zone = &name[..name.len() - len];
                if split_zone_ending(zone, rules).is_none() {
                    continue;
                }
                let core = format!("{}|{body}", zone_core(zone, rules, gaz));
                match agency_cores.get(&core) {
                    Some(&j) => uf.union(i, j),
                    None => {
                        agency_cores.insert(core, i);
                    }
                }
            }
            Kind::Institute => {
                if let Some(rest) = m.name.strip_prefix("中国") {
                    if let Some(group) = by_name_kind.get(&(Kind::Institute, bare(rest))) {
                        uf.union(i, group[0]);
                    }
                }
            }
            Kind::Market => markets.push(i),
            _ => {}
        }
    }
    // Names of one firm with and without its legal ending, and a short name
    // that starts a full one (沃森生物, 云南沃森生物技术股份有限公司). A short
    // name that starts two firms' different names (A光电: 武汉A光电科技股份
    // 有限公司, 合肥A光电技术有限公司) makes them no one firm: it is only the
    // one whose short name the text declared it, if any.
    // (Not a company limited by shares and a limited company of the same
    // words: a group and its subsidiary, 冠翔光电股份有限公司 and
    // 厦门冠翔光电科技有限公司, nor short names the text declared for the
    // two, 冠翔 and 厦门冠翔. A limited company that became one limited by
    // shares keeps its words: 武汉A光电科技有限公司, now 武汉A光电科技股份有限公司.)
    let full_names: Vec<Option<(&str, (&str, &str))>> = ent_cores
        .iter()
        .map(|&(_, i)| {
            let m = &ex.mentions[i];
            std::iter::once(&m.name)
                .chain(&m.aliases)
                .find_map(|n| legal_form(n).map(|form| (n.as_str(), form)))
        })
        .collect();
    let distinct_firms = |a: usize, b: usize| match (full_names[a], full_names[b]) {
        (Some((f, (f_form, f_base))), Some((g, (g_form, g_base)))) => {
            let group_and_subsidiary = f_form != g_form && f_base != g_base;
            let declared_for_two =
                f != g && (ex.mentions[ent_cores[a].1].name != f || ex.mentions[ent_cores[b].1].name != g);
            group_and_subsidiary || declared_for_two
        }
        _ => false,
    };
    for a in 0..ent_cores.len() {
        let (x, i) = (&ent_cores[a].0, ent_cores[a].1);
        let mut longer: Vec<usize> = Vec::new();
        for (b, (y, j)) in ent_cores.iter().enumerate() {
            if b == a {
                continue;
            }
            if x == y {
                if b > a && !distinct_firms(a, b) {
                    uf.union(i, *j);
                }
            } else if y.starts_with(x.as_str()) && x.chars().count() >= 3 && !distinct_firms(a, b) {
                longer.push(b);
            }
        }
        let firms: BTreeSet<&str> = longer.iter().map(|&b| ent_cores[b].0.as_str()).collect();
        for b in longer {
            let j = ent_cores[b].1;
            let declared = ex.mentions[i].aliases.contains(&ex.mentions[j].name);
            if firms.len() == 1 || declared {
                uf.union(i, j);
            }
        }
    }
    // An institute named by the start of another's name, same ending, is that
    // institute (微芯研究院, 北京微芯区块链与边缘计算研究院).
    let institutes: Vec<(String, String, usize)> = ex
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Institute)
        .filter_map(|(i, m)| {
            let name = bare(&m.name);
            let ending = rules
                .entities
                .institute
                .same_institute_endings
                .iter()
                .find(|e| name.ends_with(e.as_str()))?;
            let mut core = name.trim_end_matches(ending.as_str()).to_string();
            if let Some(h) = gaz
                .find(&core)
                .first()
                .filter(|h| h.start == 0 && core.len() - h.end >= 6)
            {
                core = core[h.end..].to_string();
            }
            Some((ending.to_string(), core, i))
        })
        .collect();
    for (ea, a, i) in &institutes {
        for (eb, b, j) in &institutes {
            if ea == eb && a.chars().count() >= 2 && a.len() < b.len() && b.starts_with(a.as_str()) {
                uf.union(*i, *j);
            }
        }
    }
    // A project named by the end of another's name is that project
    // (中晶大硅片项目, 年产1200万片300毫米中晶大硅片项目).
    let projects: Vec<(String, usize)> = ex
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Project)
        .map(|(i, m)| (bare(&m.name).trim_end_matches("项目").to_string(), i))
        .collect();
    for (a, i) in &projects {
        for (b, j) in &projects {
            if a.len() < b.len() && a.chars().count() >= 4 && b.ends_with(a.as_str()) {
                uf.union(*i, *j);
            }
        }
    }
    for &a in &markets {
        for &b in &markets {
            let (x, y) = (&ex.mentions[a].name, &ex.mentions[b].name);
            if a != b
                && x.len() < y.len()
                && (y.ends_with(x.as_str()) || y.trim_end_matches("市场").ends_with(x.as_str()))
            {
                uf.union(a, b);
            }
        }
    }

    // Build entities.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut entity_of = vec![usize::MAX; n];
    let mut entities = Vec::new();
    for (_, members) in groups {
        let kind = ex.mentions[members[0]].kind;
        let mut names: BTreeSet<String> = BTreeSet::new();
        let mut english_names: BTreeMap<String, usize> = BTreeMap::new();
        let mut gaz_entry = None;
        for &i in &members {
            let m = &ex.mentions[i];
            if let Some(e) = &m.english {
                *english_names.entry(e.clone()).or_default() += 1;
            }
            names.insert(m.name.clone());
            names.extend(m.aliases.iter().cloned());
            if let Some(c) = &m.canonical {
                names.insert(c.clone());
            }
            if m.entry.is_some() {
                gaz_entry = m.entry;
            } else if let Some(&e) = official.get(&i) {
                gaz_entry = gaz_entry.or(Some(e));
            }
        }
        let former: BTreeSet<&String> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::FormerName && members.contains(&r.subject))
            .filter_map(|r| r.literal.as_ref())
            .collect();
        let current: BTreeSet<String> = names.iter().filter(|n| !former.contains(n)).cloned().collect();
        let label = match gaz_entry {
            Some(e) => gaz.entries[e].canonical.clone(),
            None if kind == Kind::Industry => industry_label(&names, gaz),
            None => {
                let candidates = if current.is_empty() { &names } else { &current };
                // A park is labelled by its own name, not with its zone's
                // before it (交子金融商务区, also written 成都高新区交子金融商务区):
                // the label makes the IRI, and other texts name the park alone.
                let own: BTreeSet<String> = candidates
                    .iter()
                    .filter(|n| kind != Kind::Zone || !zone_before_park(n, candidates, rules))
                    .cloned()
                    .collect();
                best_label(if own.is_empty() { candidates } else { &own })
            }
        };
        // A quoted name is labelled without its quote marks (“青苗计划” → 青苗计划).
        let label = if kind == Kind::Policy && label.contains(['“', '”']) {
            names.insert(label.clone());
            label.replace(['“', '”'], "")
        } else {
            label
        };
        // English surface forms are English labels, not Chinese ones.
        let ascii = |x: &String| !x.chars().any(|c| c as u32 > 0x2e80);
        let names: BTreeSet<String> = if names.iter().all(ascii) {
            names
        } else {
            // (… which the text gives: Hong Kong Stock Exchange beside 香港联合交易所.)
            // (Not a numbered short name: “2+X”, 315.)
            let words =
                |x: &String| x.chars().filter(char::is_ascii_alphabetic).count() >= 3 && !x.contains(['“', '”']);
            for x in names.iter().filter(|x| ascii(x) && words(x)) {
                english_names.entry(x.clone()).or_default();
            }
            names.into_iter().filter(|x| !ascii(x)).collect()
        };
        let label = if ascii(&label) {
            names.iter().find(|x| !ascii(x)).cloned().unwrap_or(label)
        } else {
            label
        };
        let mut alt: BTreeSet<String> = names.into_iter().filter(|x| *x != label).collect();

        let (division_code, level, english) = match gaz_entry {
            Some(e) => (
                gaz.entries[e].code.clone(),
                gaz.entries[e].level,
                gaz.entries[e].en.clone(),
            ),
            None => (None, None, None),
        };
        let english = english.or_else(|| {
            if kind == Kind::Industry {
                gaz.industry_en.get(&label).cloned()
            } else {
                None
            }
        });
        // The reference name first, then the names the text gives, longest first.
        // The name the text uses most, then the longest.
        let mut text_english: Vec<(String, usize)> = english_names.into_iter().collect();
        text_english.sort_by_key(|(e, n)| (std::cmp::Reverse(*n), std::cmp::Reverse(e.len()), e.clone()));
        let text_english: Vec<String> = text_english.into_iter().map(|(e, _)| e).collect();
        let english: Vec<String> = english.into_iter().chain(text_english).fold(Vec::new(), |mut v, e| {
            if !v.contains(&e) {
                v.push(e);
            }
            v
        });
        if ascii(&label) {
            alt.retain(|a| !english.contains(a));
        }
        let key = match &division_code {
            Some(c) => format!("{c}-{}", label),
            None => bare(&label),
        };
        let idx = entities.len();
        for &i in &members {
            entity_of[i] = idx;
        }
        entities.push(Entity {
            kind,
            key,
            label,
            alt_labels: alt,
            english,
            division_code,
            level,
            mentions: members,
        });
    }

    // Relations, deduplicated, evidence kept.
    let mut rels: BTreeMap<(Predicate, usize, Object, Option<usize>), Relation> = BTreeMap::new();
    let add = |rels: &mut BTreeMap<_, Relation>, r: Relation| {
        let key = (r.predicate, r.subject, r.object.clone(), r.industry);
        rels.entry(key)
            .and_modify(|e: &mut Relation| {
                e.sentences.extend(&r.sentences);
                if e.date.is_none() {
                    e.date.clone_from(&r.date);
                }
            })
            .or_insert(r);
    };
    for r in &ex.relations {
        let s = entity_of[r.subject];
        let object = match (r.object, &r.literal) {
            (Some(o), _) => Object::Entity(entity_of[o]),
            (None, Some(l)) => Object::Literal(l.clone()),
            (None, None) => continue,
        };
        if object == Object::Entity(s) {
            continue;
        }
        let predicate = r.predicate;
        let mut object = object;
        let mut subject = s;
        if predicate == Predicate::CooperatesWith {
            // Symmetric: one direction only.
            if let Object::Entity(o) = object {
                if o < s {
                    subject = o;
                    object = Object::Entity(s);
                }
            }
        }
        add(
            &mut rels,
            Relation {
                predicate,
                subject,
                object,
                industry: r.industry.map(|i| entity_of[i]),
                date: r.date.clone(),
                sentences: vec![r.sentence],
            },
        );
    }
    // Zones in the places their names and the national list put them, when named.
    let place_by_code: HashMap<&str, usize> = entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.division_code.as_deref().map(|c| (c, i)))
        .collect();
    for (zi, zone) in entities.iter().enumerate() {
        // Only zones an article is about: parks inside them are located in the zone.
        if !major_zone(zone, rules) {
            continue;
        }
        // (… and the places the text puts it in: a county's zone lies in
        // the county's city too, 所在地:桂阳县 in a directory of 郴州市.)
        let stated = rels.keys().filter_map(|(p, s, o, _)| match o {
            Object::Entity(place) if *p == Predicate::LocatedIn && *s == zi => entities[*place].division_code.clone(),
            _ => None,
        });
        let codes: Vec<String> = zone_codes(zone, ex, gaz).into_iter().chain(stated).collect();
        let mut all: BTreeSet<String> = BTreeSet::new();
        for c in codes {
            for d in gaz.ancestors(&c) {
                all.insert(d.code.clone());
            }
        }
        let sentence = zone.mentions.first().map(|&m| ex.mentions[m].sentence).unwrap_or(0);
        // A province is the zone's place where a paragraph names both: one
        // named only in a list of a report's scope (山西、安徽…六省的国家高新区)
        // is not said to hold each zone.
        let paragraphs: BTreeSet<usize> = zone
            .mentions
            .iter()
            .map(|&m| ex.sentences[ex.mentions[m].sentence].paragraph)
            .collect();
        let named_with_zone = |p: usize| {
            entities[p]
                .mentions
                .iter()
                .any(|&m| paragraphs.contains(&ex.sentences[ex.mentions[m].sentence].paragraph))
        };
        for code in all {
            let province = gaz.divisions.get(&code).is_some_and(|d| d.level == Level::Province);
            // (A place the text states keeps the sentence that states it.)
            let stated = |p: usize| rels.contains_key(&(Predicate::LocatedIn, zi, Object::Entity(p), None));
            if let Some(&p) = place_by_code
                .get(code.as_str())
                .filter(|&&p| (!province || named_with_zone(p)) && !stated(p))
            {
                add(
                    &mut rels,
                    Relation {
                        predicate: Predicate::LocatedIn,
                        subject: zi,
                        object: Object::Entity(p),
                        industry: None,
                        date: None,
                        sentences: vec![sentence],
                    },
                );
            }
        }
    }
    // A chain leader is also located in the zone.
    let leaders: Vec<Relation> = rels
        .values()
        .filter(|r| r.predicate == Predicate::ChainLeader)
        .cloned()
        .collect();
    for r in leaders {
        if let Object::Entity(e) = r.object {
            add(
                &mut rels,
                Relation {
                    predicate: Predicate::LocatedIn,
                    subject: e,
                    object: Object::Entity(r.subject),
                    industry: None,
                    date: None,
                    sentences: r.sentences.clone(),
                },
            );
        }
    }

    // A zone's own report (the document names no other zone an article can
    // be about): what it names in sentences about the zone, and places
    // nowhere else, lies in the zone.
    let mut majors = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| major_zone(e, rules))
        .map(|(i, _)| i);
    if let (Some(z), None) = (majors.next(), majors.next()) {
        // (One pass over the relations, not one per project.)
        let mut holds_placed_project = vec![false; ex.sentences.len()];
        for (pred, p, _, _) in rels.keys() {
            if *pred == Predicate::LocatedIn && entities[*p].kind == Kind::Project {
                for &m in &entities[*p].mentions {
                    holds_placed_project[ex.mentions[m].sentence] = true;
                }
            }
        }
        for (ei, e) in entities.iter().enumerate() {
            if !matches!(e.kind, Kind::Enterprise | Kind::Project) {
                continue;
            }
            let placed_or_partner = rels.keys().any(|(p, s, o, _)| {
                *p == Predicate::LocatedIn && *s == ei
                    || *p == Predicate::CooperatesWith && (*s == ei || *o == Object::Entity(ei))
            });
            let about_zone = e
                .mentions
                .iter()
                .all(|&m| ex.topic[ex.mentions[m].sentence].is_some_and(|t| entity_of[t] == z));
            // (Not a firm a record names as serving its entry: 环评单位:A公司.)
            let serving = e
                .mentions
                .iter()
                .all(|&m| crate::extract::serves_an_entry(text_of(ex, &ex.sentences[ex.mentions[m].sentence]), rules));
            // (Nor an investor named beside a project placed in its own
            // sentence, a row of a list of signed projects: where the
            // project lies is said, where its investor lies is not.)
            let investor = e.kind == Kind::Enterprise
                && e.mentions
                    .iter()
                    .all(|&m| holds_placed_project[ex.mentions[m].sentence]);
            if !placed_or_partner && about_zone && !serving && !investor {
                let sentence = ex.mentions[e.mentions[0]].sentence;
                add(
                    &mut rels,
                    Relation {
                        predicate: Predicate::LocatedIn,
                        subject: ei,
                        object: Object::Entity(z),
                        industry: None,
                        date: None,
                        sentences: vec![sentence],
                    },
                );
            }
        }
    }

    // An enterprise registered in another province or city is an investor
    // of the zone's project, not a resident, unless a sentence settles it
    // there (落户, 入驻).
    let investors: Vec<_> = rels
        .iter()
        .filter(|((p, s, o, _), r)| {
            let Object::Entity(z) = o else { return false };
            *p == Predicate::LocatedIn
                && entities[*s].kind == Kind::Enterprise
                && entities[*z].kind == Kind::Zone
                && !r.sentences.iter().any(|&si| {
                    rules
                        .relations
                        .located_in
                        .joint_settle_words
                        .found_in(text_of(ex, &ex.sentences[si]))
                })
                && registered_elsewhere(&entities[*s], &zone_codes(&entities[*z], ex, gaz), rules, gaz)
        })
        .map(|(k, _)| k.clone())
        .collect();
    for k in investors {
        rels.remove(&k);
    }

    // Nothing lies in what lies in it: of two things said to lie in each
    // other, a zone an article can be about holds the other (a sub-park
    // named as the subject of a zone's sentence had made the zone its own);
    // when neither or both are such zones, neither statement stands.
    let cycles: Vec<_> = rels
        .keys()
        .filter(|(p, s, o, _)| {
            let Object::Entity(b) = o else { return false };
            let back = rels
                .keys()
                .any(|(p2, s2, o2, _)| *p2 == Predicate::LocatedIn && s2 == b && *o2 == Object::Entity(*s));
            *p == Predicate::LocatedIn
                && back
                && (major_zone(&entities[*s], rules) || !major_zone(&entities[*b], rules))
        })
        .cloned()
        .collect();
    for k in cycles {
        rels.remove(&k);
    }

    let mut seen_obs = BTreeSet::new();
    let observations = ex
        .statistics
        .iter()
        .filter_map(|s| {
            let subject = entity_of[s.subject];
            seen_obs
                .insert((subject, s.value.clone(), s.unit.clone(), s.sentence, s.start))
                .then(|| Observation {
                    subject,
                    value: s.value.clone(),
                    unit: s.unit.clone(),
                    metric: s.metric.clone(),
                    year: s.year,
                    qualifier: s.qualifier,
                    sentence: s.sentence,
                })
        })
        .collect();
    Resolved {
        entities,
        relations: rels.into_values().collect(),
        observations,
    }
}

/// Whether an entity is a zone an article can be about (a zone of the
/// national lists, or one with a major ending), not a park inside one.
fn major_zone(e: &Entity, rules: &Rules) -> bool {
    e.kind == Kind::Zone
        && (e.level.is_some()
            || rules
                .entities
                .zone
                .major_suffixes
                .iter()
                .any(|s| e.label.ends_with(s.as_str())))
}

/// The zone of the reference tables that a name the tables lack denotes:
/// a place and a name of one of its zones (武汉东湖高新区 is 武汉 and
/// 东湖高新区, a zone of 武汉市; 东湖国家高新区 too), else a city and 高新区
/// when the city has exactly one national zone (天津高新区 is 天津滨海).
fn official_zone(name: &str, gaz: &Gazetteer) -> Option<usize> {
    let name = bare(name);
    if let Some(hit) = gaz.first(&name).filter(|h| h.start == 0 && h.end < name.len()) {
        let places: Vec<&str> = hit
            .entries
            .iter()
            .filter_map(|&e| gaz.entries[e].code.as_ref())
            .filter_map(|c| gaz.divisions.get(c))
            .map(|d| d.name.as_str())
            .collect();
        // (Most names without an entry start with no place: a park's own name.)
        if places.is_empty() {
            return city_zone(&name, gaz);
        }
        let of_place = |e: &usize| {
            let entry = &gaz.entries[*e];
            entry.kind == Kind::Zone
                && [&entry.city, &entry.province]
                    .iter()
                    .any(|p| p.as_deref().is_some_and(|p| places.contains(&p)))
        };
        let rest = &name[hit.end..];
        if let Some(e) = zone_name_variants(rest)
            .iter()
            .find_map(|v| gaz.lookup(v).iter().find(|e| of_place(e)))
        {
            return Some(*e);
        }
    }
    city_zone(&name, gaz)
}

/// For `X高新区` where X is a city with exactly one national zone, that zone.
fn city_zone(name: &str, gaz: &Gazetteer) -> Option<usize> {
    let prefix = name
        .strip_suffix("国家高新区")
        .or_else(|| name.strip_suffix("高新区"))?;
    let mut cities: Vec<&str> = gaz
        .lookup(prefix)
        .iter()
        .filter_map(|&e| gaz.entries[e].code.as_ref())
        .filter_map(|c| gaz.divisions.get(c))
        .filter(|d| d.level != crate::gazetteer::Level::County)
        .map(|d| d.name.as_str())
        .collect();
    cities.sort_unstable();
    cities.dedup();
    let mut zones = cities
        .iter()
        .filter_map(|c| gaz.national_zones_by_city.get(*c))
        .flatten();
    match (zones.next(), zones.next()) {
        (Some(&one), None) => Some(one),
        _ => None,
    }
}

/// An industry's label: the taxonomy's preferred label, else the shortest
/// name without 产业 / 产业链 (the guidelines' form).
fn industry_label(names: &BTreeSet<String>, gaz: &Gazetteer) -> String {
    let stripped: BTreeSet<String> = names
        .iter()
        .map(|n| {
            let mut n = n.clone();
            for s in &Rules::get().entities.industry.label_suffixes {
                if let Some(x) = n.strip_suffix(s.as_str()) {
                    if x.chars().count() >= 2 {
                        n = x.to_string();
                        break;
                    }
                }
            }
            n
        })
        .collect();
    stripped
        .iter()
        .find(|n| gaz.industry(n) == Some(n.as_str()))
        .or_else(|| stripped.iter().min_by_key(|n| (n.chars().count(), (*n).clone())))
        .cloned()
        .unwrap_or_default()
}

/// The canonical label among surface forms: the longest, preferring names
/// without quotes' asymmetry; ties broken by text order for determinism.
/// Whether `name` is another of `names` with a zone's name before it
/// (成都高新区交子金融商务区 and 交子金融商务区).
fn zone_before_park(name: &str, names: &BTreeSet<String>, rules: &Rules) -> bool {
    names.iter().any(|park| {
        name.len() > park.len()
            && name.strip_suffix(park.as_str()).is_some_and(|zone| {
                rules
                    .entities
                    .zone
                    .parks_after
                    .iter()
                    .any(|z| zone.ends_with(z.as_str()))
            })
    })
}

fn best_label(names: &BTreeSet<String>) -> String {
    names
        .iter()
        .max_by(|a, b| {
            let ka = (bare(a).chars().count(), !a.contains('('));
            let kb = (bare(b).chars().count(), !b.contains('('));
            ka.cmp(&kb).then(b.cmp(a))
        })
        .cloned()
        .unwrap_or_default()
}

/// The divisions a zone's names and the reference tables put it in.
fn zone_codes(zone: &Entity, ex: &Extraction, gaz: &Gazetteer) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for name in std::iter::once(&zone.label).chain(&zone.alt_labels) {
        codes.extend(place_prefix_codes(name, gaz));
    }
    if let Some(&e) = zone
        .mentions
        .iter()
        .filter_map(|&m| ex.mentions[m].entry.as_ref())
        .next()
    {
        let entry = &gaz.entries[e];
        for name in [&entry.city, &entry.province].into_iter().flatten() {
            for &d in gaz.lookup(name) {
                if let Some(c) = &gaz.entries[d].code {
                    codes.push(c.clone());
                }
            }
        }
    }
    codes
}

/// Whether an enterprise's name says it is registered in a province or city
/// that is not the zone's: 深圳市A科技有限公司 in a Hunan zone's list of
/// signed projects is the investor, not a resident. A branch or subsidiary
/// names where it is further in (星途感知(芜湖)科技有限公司, A公司株洲分公司).
/// Unknown places say no.
fn registered_elsewhere(enterprise: &Entity, zone_codes: &[String], rules: &Rules, gaz: &Gazetteer) -> bool {
    // Provinces and cities only: county names are too often words (光明, 南山).
    let region = |name: &str| {
        place_prefix_codes(name, gaz)
            .into_iter()
            .next()
            .filter(|c| gaz.divisions.get(c).is_some_and(|d| d.level != Level::County))
    };
    let name = &enterprise.label;
    // Only a registered (legal) name says where it is registered: 德州仪器
    // is Texas Instruments, not a firm of 德州.
    let legal = rules
        .entities
        .enterprise
        .legal_suffixes
        .iter()
        .any(|l| !l.is_ascii() && name.ends_with(l.as_str()));
    let Some(own) = region(name).filter(|_| legal) else {
        return false;
    };
    let within = |a: &str, b: &str| gaz.ancestors(a).iter().any(|d| d.code == b);
    // Any place further in the name may be the zone's (A汽车股份有限公司株洲分公司).
    let further = name.char_indices().skip(1).filter_map(|(p, _)| region(&name[p..]));
    !zone_codes.is_empty()
        && !std::iter::once(own)
            .chain(further)
            .any(|o| zone_codes.iter().any(|z| within(&o, z) || within(z, &o)))
}

/// The division codes a name begins with (嘉兴南湖高新区 → 嘉兴市, 南湖区).
fn place_prefix_codes(name: &str, gaz: &Gazetteer) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut parent: Option<String> = None;
    while let Some((end, entries)) = gaz.division_at(name, at) {
        let mut chosen = None;
        for &e in &entries {
            let Some(code) = &gaz.entries[e].code else {
                continue;
            };
            let Some(d) = gaz.divisions.get(code) else {
                continue;
            };
            let fits = match &parent {
                Some(p) => d.parent.as_deref() == Some(p.as_str()),
                None => true,
            };
            if fits && chosen.as_ref().is_none_or(|(_, l)| d.level < *l) {
                chosen = Some((code.clone(), d.level));
            }
        }
        let Some((code, _)) = chosen else { break };
        out.push(code.clone());
        parent = Some(code);
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::normalize::clean;

    fn entities(text: &str) -> Vec<(Kind, String, Vec<String>)> {
        let r = resolve(&extract(&clean(text)));
        r.entities
            .iter()
            .map(|e| (e.kind, e.label.clone(), e.alt_labels.iter().cloned().collect()))
            .collect()
    }

    #[test]
    fn a_zone_in_a_county_the_text_names_lies_in_its_city_and_keeps_the_stating_sentence() {
        let text = "郴州市产业园区名录\n\n【01】\n园区名称:湖南桂阳工业园区\n所在地:桂阳县\n主导产业:智能家居\n\n\
                    郴州市统筹推进各园区建设。";
        let got = located_in(text);
        assert!(got.contains(&("湖南桂阳工业园区".into(), "桂阳县".into())), "{got:?}");
        assert!(got.contains(&("湖南桂阳工业园区".into(), "郴州市".into())), "{got:?}");
        let r = resolve(&extract(&clean(
            "洛阳快讯\n\n洛阳高新区位于洛阳市西部,是国家级高新区。",
        )));
        let stated = r
            .relations
            .iter()
            .find(|x| {
                x.predicate == Predicate::LocatedIn
                    && matches!(x.object, Object::Entity(o) if r.entities[o].label == "洛阳市")
            })
            .expect("located in 洛阳市");
        assert_eq!(stated.sentences, vec![1]);
    }

    fn located_in(text: &str) -> Vec<(String, String)> {
        let r = resolve(&extract(&clean(text)));
        r.relations
            .iter()
            .filter(|x| x.predicate == Predicate::LocatedIn)
            .filter_map(|x| match x.object {
                Object::Entity(o) => Some((r.entities[x.subject].label.clone(), r.entities[o].label.clone())),
                Object::Literal(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_market_s_english_name_in_the_text_is_one_of_its_english_labels() {
        let r = resolve(&extract(&clean(
            "Qingxi Photonics Co., Ltd. has been listed on the Hong Kong Stock Exchange since 2021.",
        )));
        let market = r.entities.iter().find(|e| e.kind == Kind::Market);
        assert!(
            market.is_some_and(|m| m.english.iter().any(|e| e == "Hong Kong Stock Exchange")),
            "{:?}",
            market.map(|m| (&m.label, &m.english))
        );
    }

    #[test]
    fn what_a_zone_s_own_report_names_lies_in_the_zone_but_not_its_partners() {
        let report = "宝川高新区前三季度经济运行情况通报。全区规上工业产值增长8%。\n\
                      泓岭精工股份有限公司订单饱满,产量增长三成。\n\
                      星澜电子有限公司与宁州大学签署合作协议。";
        let located = located_in(report);
        assert!(
            located.contains(&("泓岭精工股份有限公司".into(), "宝川高新区".into())),
            "{located:?}"
        );
        assert!(!located.iter().any(|(s, _)| s.starts_with("星澜")), "{located:?}");
        // Two zones an article can be about: no zone is the document's own.
        let two = "宝川高新区与宁州高新区联合发布年报。\n泓岭精工股份有限公司订单饱满,产量增长三成。";
        let located = located_in(two);
        assert!(!located.iter().any(|(s, _)| s.starts_with("泓岭")), "{located:?}");
    }

    #[test]
    fn a_group_and_its_subsidiary_of_the_same_words_stay_two_firms() {
        let text = "宝川光电股份有限公司(宝川)2004年在青溪高新区设立厦门宝川光电科技有限公司(厦门宝川)。\n\
                    2021年,厦门宝川在深圳证券交易所创业板挂牌,宝川的营收增长两成。";
        let firms: Vec<(String, Vec<String>)> = entities(text)
            .into_iter()
            .filter(|(k, _, _)| *k == Kind::Enterprise)
            .map(|(_, label, alt)| (label, alt))
            .collect();
        assert_eq!(
            firms,
            [
                ("宝川光电股份有限公司".to_string(), vec!["宝川".to_string()]),
                ("厦门宝川光电科技有限公司".to_string(), vec!["厦门宝川".to_string()]),
            ]
        );
        // One firm named with and without its place stays one.
        let one = entities("云南星澜生物技术股份有限公司今年上市。星澜生物技术股份有限公司营收增长。");
        assert_eq!(
            one.iter().filter(|(k, _, _)| *k == Kind::Enterprise).count(),
            1,
            "{one:?}"
        );
        // A limited company that became one limited by shares is one firm.
        let converted = entities("青溪澜星光电科技有限公司成立于2014年,2021年整体变更为青溪澜星光电科技股份有限公司。");
        assert_eq!(
            converted.iter().filter(|(k, _, _)| *k == Kind::Enterprise).count(),
            1,
            "{converted:?}"
        );
    }

    #[test]
    fn an_investor_in_a_zone_s_table_of_placed_projects_lies_nowhere_by_it() {
        let table = "宝川高新区签约项目清单\n\
                     序号 项目名称 投资方 总投资(亿元) 落户园区\n\
                     1 年产5万吨负极材料项目 泓岭新材料有限公司 12.50 宝川新材料产业园\n\
                     2 智能装备制造基地项目 星澜精工有限公司 8.60 宝川智造产业园\n\
                     宝川高新区近三年新增企业120家。";
        let located = located_in(table);
        assert!(
            located
                .iter()
                .any(|(s, o)| s == "年产5万吨负极材料项目" && o == "宝川新材料产业园"),
            "{located:?}"
        );
        assert!(
            !located
                .iter()
                .any(|(s, _)| s == "泓岭新材料有限公司" || s == "星澜精工有限公司"),
            "{located:?}"
        );
    }

    #[test]
    fn a_zone_lies_in_its_province_where_a_paragraph_names_both() {
        let located = located_in("湖北省的孝感高新区新增企业120家。");
        assert!(
            located.contains(&("孝感高新技术产业开发区".into(), "湖北省".into())),
            "{located:?}"
        );
        // A province named only in the report's scope, elsewhere.
        let scope = "评价对象为湖北、湖南两省的高新区。\n\n孝感高新区新增企业120家。";
        let located = located_in(scope);
        assert!(!located.iter().any(|(_, o)| o == "湖北省"), "{located:?}");
    }

    #[test]
    fn an_enterprise_registered_in_another_province_invests_but_does_not_reside() {
        let signed = "湖南青溪高新区举行项目集中签约。\n\
                      深圳市远山电路科技有限公司在湖南青溪高新区建设电路板生产基地。\n\
                      湖南星澜材料有限公司在湖南青溪高新区建设负极材料项目。\n\
                      浙江蓝河电子股份有限公司株洲分公司在湖南青溪高新区建设线束项目。\n\
                      江苏白鹭玻纤有限公司落户湖南青溪高新区。";
        let located = located_in(signed);
        let lies = |firm: &str| located.iter().any(|(s, o)| s == firm && o == "湖南青溪高新区");
        // Registered in Shenzhen: the investor of a project, not a resident.
        assert!(!lies("深圳市远山电路科技有限公司"), "{located:?}");
        // Registered in the zone's province; a branch named for a city of
        // it; one settled there (落户): residents.
        assert!(lies("湖南星澜材料有限公司"), "{located:?}");
        assert!(lies("浙江蓝河电子股份有限公司株洲分公司"), "{located:?}");
        assert!(lies("江苏白鹭玻纤有限公司"), "{located:?}");
        // No place of the name known: no judgement.
        let plain = located_in("湖南青溪高新区举行项目签约。远山电路科技有限公司在湖南青溪高新区建设基地。");
        assert!(plain.iter().any(|(s, _)| s == "远山电路科技有限公司"), "{plain:?}");
    }

    #[test]
    fn a_place_before_a_reference_zone_s_short_name_is_that_zone() {
        let zones = |text: &str| -> Vec<String> {
            entities(text)
                .into_iter()
                .filter(|x| x.0 == Kind::Zone)
                .map(|x| x.1)
                .collect()
        };
        // The city and the zone's own short name, with or without 国家.
        assert_eq!(zones("武汉东湖高新区新增企业120家。"), ["武汉东湖新技术开发区"]);
        assert_eq!(zones("武汉东湖国家高新区新增企业120家。"), ["武汉东湖新技术开发区"]);
        // A municipality's 高新区 is its one national zone; with two, no guess.
        assert_eq!(zones("天津高新区新增企业120家。"), ["天津滨海高新技术产业开发区"]);
        assert_eq!(zones("上海高新区新增企业120家。"), ["上海高新区"]);
        // A province's 高新区 are its zones, no zone.
        assert!(zones("浙江高新区新增企业120家。").is_empty());
    }

    #[test]
    fn an_economic_development_zone_s_short_and_long_names_and_its_province_are_one() {
        let zones: Vec<_> = entities("安徽青溪经济开发区扩区获批。青溪经开区以新材料为主导产业。")
            .into_iter()
            .filter(|x| x.0 == Kind::Zone)
            .collect();
        assert_eq!(zones.len(), 1, "{zones:?}");
        // A high-tech zone and a development zone of one place stay two.
        let zones: Vec<_> = entities("青溪经开区与青溪高新区签约。")
            .into_iter()
            .filter(|x| x.0 == Kind::Zone)
            .collect();
        assert_eq!(zones.len(), 2, "{zones:?}");
    }

    #[test]
    fn a_park_written_after_its_zone_keeps_its_own_name_as_label() {
        let e = entities("齐鲁制药在青溪高新区生命健康产业园建设三期项目。");
        let park = e
            .iter()
            .find(|x| x.0 == Kind::Zone && x.1 == "生命健康产业园")
            .expect("the park");
        assert!(park.2.contains(&"青溪高新区生命健康产业园".to_string()), "{e:?}");
    }

    #[test]
    fn a_high_technology_zone_is_its_high_tech_zone() {
        let zones: Vec<_> = entities("白山火炬高技术产业开发区成立于1991年。火炬高新区已集聚企业300家。")
            .into_iter()
            .filter(|x| x.0 == Kind::Zone)
            .collect();
        assert_eq!(zones.len(), 1, "{zones:?}");
    }

    #[test]
    fn a_declared_byname_is_another_name_of_the_zone() {
        for text in [
            "青溪高新区素有“东方芯谷”之称,集成电路是其主导产业。",
            "青溪高新区被誉为“东方芯谷”。",
        ] {
            let zones: Vec<_> = entities(text).into_iter().filter(|x| x.0 == Kind::Zone).collect();
            assert_eq!(zones.len(), 1, "{text}: {zones:?}");
            assert!(
                zones[0].2.iter().chain([&zones[0].1]).any(|n| n.contains("东方芯谷")),
                "{zones:?}"
            );
        }
    }

    #[test]
    fn an_agency_named_by_its_level_is_the_document_s_agency_at_that_level() {
        let e = entities("浙江省科学技术厅公布名单。省科技厅此前出台《青溪评价办法》,省发改委表示支持。");
        let agencies: Vec<_> = e.iter().filter(|x| x.0 == Kind::Agency).collect();
        let science = agencies
            .iter()
            .find(|a| a.1 == "浙江省科学技术厅")
            .expect("the full name");
        assert!(science.2.contains(&"省科技厅".to_string()), "{agencies:?}");
        // With no full name of that body in the text, the body of the one
        // province the text's names lie in.
        let reform = agencies
            .iter()
            .find(|a| a.1 == "浙江省发展和改革委员会")
            .expect("the province's body");
        assert!(reform.2.contains(&"省发改委".to_string()), "{agencies:?}");
        // With names in two provinces, whose it is stays unknown: no agency
        // (省发改委 would join every province's).
        let e = entities("浙江省科学技术厅与江苏省科学技术厅签约,省发改委表示支持。");
        assert!(
            !e.iter()
                .any(|a| a.0 == Kind::Agency && a.2.iter().any(|n| n.contains("发改委"))),
            "{e:?}"
        );
        // The zone's body named by its ending alone (管委会表示…).
        let e = entities("青溪高新技术产业开发区管理委员会发布通知。管委会与白山大学合作共建学院。");
        let agencies: Vec<_> = e.iter().filter(|x| x.0 == Kind::Agency).collect();
        assert_eq!(agencies.len(), 1, "{agencies:?}");
        assert!(agencies[0].2.contains(&"管委会".to_string()), "{agencies:?}");
        // A zone's body named after two names of the zone is one body.
        let e = entities("青溪高新技术产业开发区管理委员会发布通知,青溪高新区管委会表示欢迎。");
        let agencies: Vec<_> = e.iter().filter(|x| x.0 == Kind::Agency).collect();
        assert_eq!(agencies.len(), 1, "{agencies:?}");
        // Nor with two bodies of that level and ending.
        let e = entities("浙江省人民政府与江苏省人民政府签约,省政府表示欢迎。");
        let agencies: Vec<_> = e.iter().filter(|x| x.0 == Kind::Agency).collect();
        assert_eq!(agencies.len(), 2, "{agencies:?}");
        assert!(
            !agencies.iter().any(|a| a.2.contains(&"省政府".to_string())),
            "{agencies:?}"
        );
    }

    #[test]
    fn zone_short_forms_and_parenthesised_names_merge() {
        let e = entities("青溪高新技术产业开发区(简称青溪高新区)成立于2001年。青溪高新区拥有企业。");
        let zones: Vec<_> = e.iter().filter(|x| x.0 == Kind::Zone).collect();
        assert_eq!(zones.len(), 1, "{e:?}");
        assert_eq!(zones[0].1, "青溪高新技术产业开发区");
    }

    #[test]
    fn zones_listed_after_a_designation_s_clause_are_zones_of_their_own() {
        let e = entities("福州高新技术产业开发区1991年获批为国家级高新区,仓山园、长乐园两个分园分布在福州市。");
        let zones: Vec<&str> = e.iter().filter(|x| x.0 == Kind::Zone).map(|x| x.1.as_str()).collect();
        assert!(zones.contains(&"仓山园") && zones.contains(&"长乐园"), "{zones:?}");
    }

    #[test]
    fn the_older_new_technology_zone_name_is_the_high_tech_zone() {
        let e = entities("青溪新技术开发区是国家级高新区。2023年,青溪高新区实现产值88亿元。");
        let zones: Vec<_> = e.iter().filter(|x| x.0 == Kind::Zone).collect();
        assert_eq!(zones.len(), 1, "{e:?}");
    }

    #[test]
    fn a_short_title_after_a_document_number_is_the_same_policy() {
        let e = entities(
            "青溪市科技局印发《关于支持青溪高新区创新发展的若干意见》(青科发〔2024〕3号,以下简称《若干意见》)。《若干意见》提出十条措施。",
        );
        let policies: Vec<_> = e.iter().filter(|x| x.0 == Kind::Policy).collect();
        assert_eq!(policies.len(), 1, "{e:?}");
    }

    #[test]
    fn a_place_in_parentheses_is_a_gloss_of_the_zone_name() {
        let e = entities("白山(青溪)科学城建设提速。白山科学城管委会表示,白山科学城将引进企业。");
        let zones: Vec<_> = e.iter().filter(|x| x.0 == Kind::Zone).collect();
        assert_eq!(zones.len(), 1, "{e:?}");
    }

    #[test]
    fn a_short_name_two_firms_start_with_joins_them_not() {
        // The parent declares the short name; a subsidiary's name in another
        // city starts with it too, and stays a firm of its own.
        let e = entities(
            "青禾光电科技股份有限公司(以下简称“公司”、“青禾光电”)位于合肥高新区。合肥青禾光电技术有限公司系公司全资子公司。青禾光电营业收入5亿元。",
        );
        let ents: Vec<_> = e.iter().filter(|x| x.0 == Kind::Enterprise).collect();
        let parent = ents.iter().find(|x| x.1 == "青禾光电科技股份有限公司");
        assert!(
            parent.is_some_and(|p| p.2.contains(&"青禾光电".to_string())),
            "{ents:?}"
        );
        assert!(ents.iter().any(|x| x.1 == "合肥青禾光电技术有限公司"), "{ents:?}");
    }

    #[test]
    fn enterprise_with_and_without_legal_suffix_merge() {
        let e = entities("远山科技股份有限公司在科创板上市。园区已集聚远山科技、蓝河材料为龙头的新材料产业链。");
        let ents: Vec<_> = e
            .iter()
            .filter(|x| x.0 == Kind::Enterprise)
            .map(|x| x.1.clone())
            .collect();
        assert!(ents.contains(&"远山科技股份有限公司".to_string()), "{ents:?}");
        assert!(!ents.contains(&"远山科技".to_string()), "{ents:?}");
    }

    #[test]
    fn policies_of_different_owners_stay_apart() {
        let e = entities("专家解读了青溪市“十四五”发展规划。根据青溪高新区“十四五”规划,园区将发展新材料。");
        let policies: Vec<_> = e.iter().filter(|x| x.0 == Kind::Policy).map(|x| x.1.clone()).collect();
        assert_eq!(policies.len(), 2, "{e:?}");
        // A mention by the shorter name alone is the policy it names.
        let e = entities("园区实施科技型企业“双倍增”行动。“双倍增”行动已见成效。");
        let policies: Vec<_> = e.iter().filter(|x| x.0 == Kind::Policy).collect();
        assert_eq!(policies.len(), 1, "{e:?}");
    }

    #[test]
    fn brand_names_of_the_zone_tables_merge_with_the_official_name() {
        // provincial-zones.tsv: 嘉兴科技城 is another name of 嘉兴南湖高新技术产业园区.
        let e = entities("嘉兴南湖高新技术产业园区去年排名上升。今年嘉兴科技城又引进了一批项目。");
        let zones: Vec<_> = e.iter().filter(|x| x.0 == Kind::Zone).collect();
        assert_eq!(zones.len(), 1, "{e:?}");
        assert_eq!(zones[0].1, "嘉兴南湖高新技术产业园区");
    }

    #[test]
    fn a_zone_of_the_tables_lies_in_the_districts_its_name_starts_with() {
        let gaz = Gazetteer::get();
        let codes = place_prefix_codes("嘉兴南湖高新技术产业园区", gaz);
        assert_eq!(codes, vec!["330400".to_string(), "330402".to_string()]);
    }
}
