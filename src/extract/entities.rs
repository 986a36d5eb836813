//! Entity mentions: gazetteer names, names by their endings (scanning left
//! to the start of the name), quoted and titled names, and members of
//! enumerations typed by what the enumeration is said to be.

use super::rules::{ends_with, starts_with, Cue, Rules, SuffixKind};
use super::{Extraction, Kind, Mention, Via};
use crate::gazetteer::{Gazetteer, Hit, Level};
use foldhash::{HashMap, HashSet};
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// A candidate mention inside one sentence (char offsets in the sentence).
#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    kind: Kind,
    via: Via,
    name: String,
    canonical: Option<String>,
    entry: Option<usize>,
    aliases: Vec<String>,
    score: i32,
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Characters that can be inside a name.
fn is_name_char(c: char) -> bool {
    is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, '·' | '-' | '+' | '&')
}

fn is_delim(c: char) -> bool {
    !is_name_char(c) && !matches!(c, '“' | '”' | '(' | ')' | '《' | '》')
}

pub(super) fn find_mentions(text: &str, char_index: &super::CharIndex, ex: &mut Extraction) {
    let gaz = Gazetteer::get();
    let rules = Rules::get();
    // One scan of the whole text for reference names serves the document
    // context and every sentence: no name holds a sentence end (。!?… or a
    // line break), so a sentence's names are the whole text's names inside it.
    let doc_hits = gaz.find(text);
    let context = DocContext::new(&doc_hits, gaz);
    let mut next_hit = 0;
    for (si, sentence) in ex.sentences.iter().enumerate() {
        let s = &text[sentence.start..sentence.end];
        while next_hit < doc_hits.len() && doc_hits[next_hit].start < sentence.start {
            next_hit += 1;
        }
        let first_hit = next_hit;
        while next_hit < doc_hits.len() && doc_hits[next_hit].end <= sentence.end {
            next_hit += 1;
        }
        let sentence_hits = &doc_hits[first_hit..next_hit];
        let (chars, byte_of) = char_index.span(sentence.start, sentence.end);
        let mut cands = Vec::new();
        gazetteer_candidates(s, sentence.start, sentence_hits, chars, gaz, &context, &mut cands);
        suffix_candidates(chars, rules, gaz, &mut cands);
        quote_candidates(chars, rules, &mut cands);
        list_candidates(chars, rules, gaz, &mut cands);
        industry_candidates(chars, rules, gaz, &mut cands);
        numbered_heading_industry(chars, gaz, &mut cands);
        if sentence.cues.has(Cue::LeadingIndustry) {
            let cues = industry_cues_in(chars, rules);
            industries_after_cue(chars, &cues, rules, gaz, &mut cands);
            industries_framed_before_cue(chars, &cues, rules, gaz, &mut cands);
            industries_counted_before_cue(chars, &cues, gaz, &mut cands);
        }
        village_candidates(chars, rules, &mut cands);
        stock_code_candidates(chars, rules, &mut cands);
        projects_named_after_organisations(chars, &mut cands);
        let organisations: Vec<Cand> = cands
            .iter()
            .filter(|c| matches!(c.kind, Kind::Enterprise | Kind::Institute) && c.via == Via::Suffix)
            .cloned()
            .collect();
        let mut chosen = select(cands);
        // A board no exchange is named with (主板) is a market only where a
        // listing is told (主板上市); else a common noun (a computer's 主板).
        chosen.retain(|c| {
            let unspecified_board = c.kind == Kind::Market
                && c.entry.is_some_and(|e| {
                    let entry = &gaz.entries[e];
                    entry.exchange.is_none() && entry.canonical.ends_with('板')
                });
            !unspecified_board || rules.relations.listed_on.cues.found_in(s)
        });
        add_organisations_opening_projects(organisations, &mut chosen);
        let first = ex.mentions.len();
        for mut c in chosen {
            // (一)A有限公司…: the list's numbering opens no name.
            let numbering = enumerator_len(&c.name);
            if numbering > 0 && c.end - c.start > numbering + 1 {
                c.start += numbering;
                c.name = c.name.chars().skip(numbering).collect();
            }
            // A firm found by a list or its ending under a name the reference
            // list knows (英特尔、德州仪器、京东方) is that firm.
            if c.kind == Kind::Enterprise && c.entry.is_none() {
                if let [e] = gaz.lookup(&c.name) {
                    if gaz.entries[*e].kind == Kind::Enterprise {
                        c.entry = Some(*e);
                        c.canonical = Some(gaz.entries[*e].canonical.clone()).filter(|n| *n != c.name);
                    }
                }
            }
            ex.mentions.push(Mention {
                kind: c.kind,
                name: c.name,
                start: byte_of[c.start],
                end: byte_of[c.end],
                sentence: si,
                via: c.via,
                canonical: c.canonical,
                entry: c.entry,
                aliases: c.aliases,
                english: None,
            });
        }
        link_aliases(text, &mut ex.mentions[first..], rules);
        link_title_issuers(gaz, si, &mut ex.mentions, first);
        distribute_zone_ending(text, &mut ex.mentions[first..], rules);
    }
    let shorts = short_names(ex, rules, gaz);
    add_repeated_names(text, ex, rules, shorts);
    name_agencies_of_a_level(ex, rules);
    type_branches_of_agencies(ex, gaz);
    drop_unconfirmed_common_words(ex, gaz);
    defer_to_declared_firms(ex, gaz);
}

/// Where the document gives a firm's short name to a firm of its own (东风汽车
/// for 东风汽车股份有限公司, 阿斯利康 before 阿斯利康制药有限公司), that short
/// name means the document's firm, not the group the reference list knows
/// by it: the mentions lose the list's entry and join the document's firm as
/// its short names always did.
pub(super) fn defer_to_declared_firms(ex: &mut Extraction, gaz: &Gazetteer) {
    let known_firm = |m: &Mention| is_listed_firm(m) && m.entry.is_some();
    if !ex.mentions.iter().any(known_firm) {
        return;
    }
    let own_firms: Vec<&Mention> = ex
        .mentions
        .iter()
        .filter(|m| m.kind == Kind::Enterprise && m.entry.is_none())
        .collect();
    let gives_name = |own: &Mention, short: &str, entry: usize| {
        let full = own.canonical.as_deref().unwrap_or(&own.name);
        // (Not the listed firm itself: 华为 beside 华为技术有限公司.)
        !gaz.lookup(full).contains(&entry)
            && (opens_name(without_leading_place(gaz, &own.name), short) && own.name != short
                || own.aliases.iter().any(|a| a == short)
                || own.canonical.is_some() && own.name == short)
    };
    let deferred: Vec<usize> = ex
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| known_firm(m))
        .filter(|(_, m)| {
            let entry = m.entry.unwrap_or(usize::MAX);
            own_firms.iter().any(|own| gives_name(own, &m.name, entry))
        })
        .map(|(i, _)| i)
        .collect();
    for i in deferred {
        ex.mentions[i].entry = None;
        ex.mentions[i].canonical = None;
    }
}

/// Whether a mention is a firm the reference list of enterprises read.
fn is_listed_firm(m: &Mention) -> bool {
    m.kind == Kind::Enterprise && m.via == Via::Gazetteer
}

/// Whether `short` opens `name` (as a whole word, in English: Intel opens
/// Intel Products (Chengdu) Ltd., not Intelligent Ltd.).
fn opens_name(name: &str, short: &str) -> bool {
    name.strip_prefix(short).is_some_and(|rest| {
        !(short.ends_with(|c: char| c.is_ascii_alphanumeric()) && rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
    })
}

/// A firm's name without the place that opens it (厦门正新橡胶工业有限公司 →
/// 正新橡胶工业有限公司).
fn without_leading_place<'a>(gaz: &Gazetteer, name: &'a str) -> &'a str {
    match gaz.first(name) {
        Some(h) if h.start == 0 && h.entries.iter().any(|&e| gaz.entries[e].kind == Kind::Place) => &name[h.end..],
        _ => name,
    }
}

/// Whether the reference lists know `name` as nothing but a firm, if at
/// all: a document may make it the short name of a firm of its own (东风汽车
/// for 东风汽车股份有限公司), which a place or zone name cannot be.
fn only_firms_named(gaz: &Gazetteer, name: &str) -> bool {
    gaz.lookup(name)
        .iter()
        .all(|&e| gaz.entries[e].kind == Kind::Enterprise)
}

/// A firm's short name that is also a common word (小米 millet, 美的
/// beautiful, 地平线 horizon, Apple) names the firm only where the document
/// also names it by a name that is no common word (小米集团, 美的集团股份有限公司).
fn drop_unconfirmed_common_words(ex: &mut Extraction, gaz: &Gazetteer) {
    let is_common_word = |m: &Mention| is_listed_firm(m) && gaz.context_only.contains(&m.name);
    if !ex.mentions.iter().any(is_common_word) {
        return;
    }
    let confirmed: HashSet<usize> = ex
        .mentions
        .iter()
        .filter(|m| m.kind == Kind::Enterprise && !is_common_word(m))
        .flat_map(|m| m.entry.into_iter().chain(gaz.lookup(&m.name).iter().copied()))
        .collect();
    ex.mentions
        .retain(|m| !is_common_word(m) || m.entry.is_some_and(|e| confirmed.contains(&e)));
}

/// A branch of a body the reference lists know as an agency is an agency
/// too: the central bank's 中国人民银行自贡市分行 is not a commercial bank's
/// branch (中国农业银行荆门分行, an enterprise).
fn type_branches_of_agencies(ex: &mut Extraction, gaz: &Gazetteer) {
    for m in ex.mentions.iter_mut().filter(|m| m.kind == Kind::Enterprise) {
        if !(m.name.ends_with("分行") || m.name.ends_with("支行")) {
            continue;
        }
        let chars: Vec<char> = m.name.chars().collect();
        let parent_is_agency = gaz.at_start(&chars).is_some_and(|(len, entries)| {
            len + 2 < chars.len() && entries.iter().any(|&e| gaz.entries[e].kind == Kind::Agency)
        });
        if parent_is_agency {
            m.kind = Kind::Agency;
        }
    }
}

/// Places listed before a zone named by its place and a zone ending share
/// the ending (长沙、株洲、湘潭高新区: three zones): each place of the list
/// becomes the zone of that place.
fn distribute_zone_ending(text: &str, mentions: &mut [Mention], rules: &Rules) {
    for z in (1..mentions.len()).rev() {
        if mentions[z].kind != Kind::Zone {
            continue;
        }
        let surface = &text[mentions[z].start..mentions[z].end];
        let Some(ending) = rules
            .entities
            .zone
            .major_suffixes
            .iter()
            .filter(|e| surface.ends_with(e.as_str()))
            .max_by_key(|e| e.len())
        else {
            continue;
        };
        let own = surface.len() - ending.len();
        if !(2..=4).contains(&surface[..own].chars().count()) {
            continue;
        }
        // The places of the list, right before the zone, each followed by 、.
        let mut at = mentions[z].start;
        let mut k = z;
        while k > 0 {
            let p = &mentions[k - 1];
            let joined = text[..at].strip_suffix('、').is_some_and(|t| t.len() == p.end);
            // (Bare names as the zone's own: 长沙, not 黄埔区 of 广州市黄埔区、广州开发区.)
            let bare = text[p.start..p.end]
                .chars()
                .last()
                .is_some_and(|c| !"省市区县镇乡".contains(c));
            if p.kind != Kind::Place || !joined || !bare || !(2..=4).contains(&text[p.start..p.end].chars().count()) {
                break;
            }
            at = p.start;
            k -= 1;
        }
        for p in &mut mentions[k..z] {
            let name = format!("{}{ending}", &text[p.start..p.end]);
            *p = Mention {
                kind: Kind::Zone,
                name,
                via: Via::List,
                canonical: None,
                entry: None,
                aliases: Vec::new(),
                english: None,
                ..p.clone()
            };
        }
    }
}

/// The length in characters of the numbering of a list's item that opens
/// `name`: (一), (12); else 0.
fn enumerator_len(name: &str) -> usize {
    let mut chars = name.chars();
    if chars.next() != Some('(') {
        return 0;
    }
    let digits = chars
        .by_ref()
        .take_while(|&c| c != ')')
        .map(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        .collect::<Vec<bool>>();
    let closed = name.chars().nth(digits.len() + 1) == Some(')');
    if closed && (1..=3).contains(&digits.len()) && digits.iter().all(|&d| d) {
        digits.len() + 2
    } else {
        0
    }
}

/// An agency named by its level (省科技厅, 市政府) is the one agency of the
/// document at that level with that ending (湖北省科学技术厅): it takes that
/// name as its canonical one. Without one, a province's or city's body is
/// that of the one province or city the document's names lie in (省发展改革委
/// in a text whose other names are all in 江苏省: 江苏省发展和改革委员会).
/// Else the mention is dropped: whose it is stays unknown, and a name such
/// as 省政府 would join the agencies of every province in the graph.
fn name_agencies_of_a_level(ex: &mut Extraction, rules: &Rules) {
    let gaz = Gazetteer::get();
    let agency = &rules.entities.agency;
    let ending_of = |name: &str| rules.agency_ending(name);
    let level_of = |name: &str| -> Option<(usize, &str)> {
        let (len, body) = ending_of(name)?;
        let level = &name[..name.len() - len];
        let bare = level.is_empty() && agency.bare_endings.iter().any(|e| e == name);
        (bare || agency.level_words.iter().any(|w| w == level)).then_some((len, body))
    };
    let mut drop = Vec::new();
    for i in 0..ex.mentions.len() {
        let m = &ex.mentions[i];
        if m.kind != Kind::Agency {
            continue;
        }
        let Some((len, body)) = level_of(&m.name) else { continue };
        let level = &m.name[..m.name.len() - len];
        let full: BTreeSet<&str> = ex
            .mentions
            .iter()
            .filter(|o| o.kind == Kind::Agency && level_of(&o.name).is_none())
            .filter(|o| {
                ending_of(&o.name).is_some_and(|(l, b)| b == body && o.name[..o.name.len() - l].ends_with(level))
            })
            .map(|o| o.canonical.as_deref().unwrap_or(&o.name))
            .collect();
        let division = match level {
            "省" => Some(Level::Province),
            "市" => Some(Level::City),
            _ => None,
        };
        // Two names of one body (A高新区管委会, A高新技术产业开发区管理委员会) are
        // one agency: the same owner, by the gazetteer's canonical name, and
        // the same ending. The longest name is the official one.
        let owner_key = |name: &str| -> Option<String> {
            let (l, b) = ending_of(name)?;
            let owner = &name[..name.len() - l];
            let owner = gaz
                .lookup(owner)
                .first()
                .map_or(owner, |&e| gaz.entries[e].canonical.as_str());
            Some(format!("{owner}{b}"))
        };
        let one_body = full.len() > 1 && full.iter().map(|n| owner_key(n)).collect::<BTreeSet<_>>().len() == 1;
        let longest = full.iter().max_by_key(|n| (n.chars().count(), **n));
        let name = match full
            .first()
            .filter(|_| full.len() == 1)
            .or(longest.filter(|_| one_body))
        {
            Some(name) => Some(name.to_string()),
            None if full.is_empty() => division
                .and_then(|d| document_division(ex, gaz, d, &|n: &str| level_of(n).is_some()))
                .map(|place| format!("{place}{body}")),
            None => None,
        };
        match name {
            Some(name) => ex.mentions[i].canonical = Some(name),
            None => drop.push(i),
        }
    }
    for i in drop.into_iter().rev() {
        ex.mentions.remove(i);
    }
}

/// The one division at `level` (a province, a city) that the document's
/// places, national zones and agencies named with a place lie in, if they
/// all lie in one.
fn document_division(
    ex: &Extraction,
    gaz: &Gazetteer,
    level: Level,
    level_named: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let mut found: BTreeSet<&str> = BTreeSet::new();
    let mut add_code = |code: &str| {
        if let Some(d) = gaz.ancestors(code).into_iter().find(|d| d.level == level) {
            found.insert(d.name.as_str());
        }
    };
    for m in &ex.mentions {
        match m.kind {
            Kind::Place => {
                if let Some(code) = m.entry.and_then(|e| gaz.entries[e].code.as_deref()) {
                    add_code(code);
                }
            }
            Kind::Zone => {
                if let Some(e) = m.entry {
                    let entry = &gaz.entries[e];
                    let place = if level == Level::Province {
                        &entry.province
                    } else {
                        &entry.city
                    };
                    if let Some(code) = place
                        .as_deref()
                        .and_then(|p| gaz.lookup(p).iter().find_map(|&d| gaz.entries[d].code.as_deref()))
                    {
                        add_code(code);
                    }
                }
            }
            Kind::Agency if !level_named(&m.name) => {
                if let Some((_, entries)) = gaz.division_at(&m.name, 0) {
                    if let Some(code) = entries.iter().find_map(|&d| gaz.entries[d].code.as_deref()) {
                        add_code(code);
                    }
                }
            }
            _ => {}
        }
    }
    let mut found = found.into_iter();
    let one = found.next()?;
    found.next().is_none().then(|| one.to_string())
}

/// The short names of the companies the document names in full
/// (云南沃森生物技术股份有限公司 → 沃森生物): see `short_name_*` in
/// entities.toml. A mention already named so gets the full name as alias;
/// the names returned are searched for by `add_repeated_names`, and each
/// found where no other name stands becomes a mention of the company (the
/// full name its alias, so that resolution makes them one).
fn short_names(ex: &mut Extraction, rules: &Rules, gaz: &Gazetteer) -> Vec<NameAgain> {
    let ent = &rules.entities.enterprise;
    let mut shorts: Vec<(String, String)> = Vec::new();
    for m in ex.mentions.iter().filter(|m| m.kind == Kind::Enterprise) {
        let Some(base) = ent
            .legal_suffixes
            .iter()
            .filter(|s| s.ends_with("公司") && s.chars().count() >= 4 && !s.contains("集团"))
            .filter_map(|s| m.name.strip_suffix(s.as_str()))
            .min_by_key(|b| b.len())
        else {
            continue;
        };
        // A parenthesised place is a gloss: 中国北方稀土(集团)高科技 → 中国北方稀土高科技.
        let mut short: String = match (base.find('('), base.find(')')) {
            (Some(open), Some(close)) if open < close => format!("{}{}", &base[..open], &base[close + 1..]),
            _ => base.to_string(),
        };
        short = without_leading_place(gaz, &short).to_string();
        // The trade words go one after another, and so does an industry the
        // taxonomy knows before them (汉江智行汽车科技 → 汉江智行汽车 → 汉江智行):
        // each form is a short name, down to `short_name_min` characters.
        let mut forms = Vec::new();
        loop {
            let trade = ent
                .short_name_trade_words
                .iter()
                .find_map(|w| short.strip_suffix(w.as_str()))
                .map(str::to_string);
            let industry = || {
                let chars: Vec<char> = short.chars().collect();
                industry_ending_at(&chars, chars.len(), gaz)
                    .map(|(start, _, _)| chars[..start].iter().collect::<String>())
            };
            let Some(rest) = trade.or_else(|| (!forms.is_empty()).then(industry).flatten()) else {
                break;
            };
            if rest.chars().count() < ent.short_name_min {
                break;
            }
            forms.push(rest.clone());
            short = rest;
        }
        if forms.is_empty() {
            forms.push(short);
        }
        for short in forms {
            let n = short.chars().count();
            if n >= ent.short_name_min
                && short != m.name
                && !short.chars().any(|c| !is_cjk(c))
                && gaz.industry(&short).is_none()
                && only_firms_named(gaz, &short)
                && !generic(&short, rules)
            {
                shorts.push((short, m.name.clone()));
            }
        }
    }
    if shorts.is_empty() {
        return Vec::new();
    }
    // A short name two companies share is neither's.
    shorts.sort();
    shorts.dedup();
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for (short, _) in &shorts {
        *counts.entry(short.as_str()).or_default() += 1;
    }
    let shorts: Vec<(String, String)> = shorts
        .iter()
        .filter(|(short, _)| counts[short.as_str()] == 1)
        .cloned()
        .collect();
    for m in ex.mentions.iter_mut().filter(|m| m.kind == Kind::Enterprise) {
        if let Some((_, full)) = shorts.iter().find(|(short, _)| *short == m.name) {
            m.aliases.push(full.clone());
        }
    }
    shorts
        .into_iter()
        .map(|(short, full)| NameAgain {
            kind: Kind::Enterprise,
            name: short,
            canonical: None,
            aliases: vec![full],
            declared: false,
        })
        .collect()
}

/// The names the document gives its parks, companies and institutes in one
/// place only (a list typed by its head: 白鹭园、云杉园两个分园; a quoted
/// name), found again wherever else they stand alone (白鹭园坐落于…): the
/// patterns that recognised them hold in their own sentence only.
fn add_repeated_names(text: &str, ex: &mut Extraction, rules: &Rules, shorts: Vec<NameAgain>) {
    let mut again: Vec<NameAgain> = ex
        .mentions
        .iter()
        .filter(|m| {
            // Names with an ending (A科技有限公司, B高新区) are found
            // wherever they stand by that ending; the others only where the
            // list, quote or context that typed them is.
            // An industry a list typed (平板显示、集成电路是三大主导产业) is
            // found again too: 其中平板显示由A领军 names its chain.
            (matches!(m.kind, Kind::Zone | Kind::Enterprise | Kind::Institute)
                && matches!(m.via, Via::List | Via::Quote | Via::Context)
                || m.kind == Kind::Industry && m.via == Via::List)
                && m.english.is_none()
                && m.name.chars().count() >= 3
                && m.name.chars().all(is_cjk)
                && text[m.start..m.end] == m.name
        })
        .map(|m| NameAgain {
            kind: m.kind,
            name: m.name.clone(),
            canonical: m.canonical.clone(),
            aliases: Vec::new(),
            declared: false,
        })
        .collect();
    again.extend(declared_short_names(text, ex, rules));
    again.extend(shorts);
    // Of names alike, dedup keeps the first: a declared one, else a short
    // name (which knows its full name), else the name itself.
    again.sort_by(|a, b| {
        a.name
            .cmp(&b.name)
            .then(b.declared.cmp(&a.declared))
            .then(b.aliases.len().cmp(&a.aliases.len()))
    });
    again.dedup_by(|a, b| a.name == b.name);
    add_found_again(text, ex, rules, again);
}

/// The short names the text declares in parentheses right after a company's,
/// an institute's or a zone's name (A股份有限公司(证券简称“B”,…), A(以下简称B)):
/// each becomes an alias of the name, and a name to find again.
fn declared_short_names(text: &str, ex: &mut Extraction, rules: &Rules) -> Vec<NameAgain> {
    let cues = &rules.entities.enterprise.declared_short_name_cues;
    let mut out = Vec::new();
    for m in ex.mentions.iter_mut() {
        if !matches!(m.kind, Kind::Enterprise | Kind::Institute | Kind::Zone) || !text[m.end..].starts_with('(') {
            continue;
        }
        let inside = &text[m.end + 1..];
        let Some(close) = inside.char_indices().take(100).find(|&(_, c)| c == ')').map(|(p, _)| p) else {
            continue;
        };
        let inside = &inside[..close];
        // A bare short name of a company, made of its name's characters in
        // their order (无锡先导智能装备股份有限公司(先导智能)), is declared too;
        // a place (无锡) is not one.
        let bare = || {
            let mut rest = m.name.chars();
            let n = inside.chars().count();
            m.kind == Kind::Enterprise
                && (2..=8).contains(&n)
                && inside.chars().all(is_cjk)
                && inside.chars().all(|c| rest.any(|r| r == c))
                && only_firms_named(Gazetteer::get(), inside)
        };
        let Some(after_cue) = cues
            .iter()
            .find_map(|c| inside.find(c.as_str()).map(|p| &inside[p + c.len()..]))
            .or_else(|| bare().then_some(inside))
        else {
            continue;
        };
        // Several names may be declared, each in quotes (以下简称“公司”或“A光电”,
        // 以下简称“发行人”、“公司”).
        let mut rest = after_cue;
        loop {
            let quoted = rest.starts_with(['“', '"']);
            rest = rest.trim_start_matches([':', '：', '“', '"', ' ']);
            let short: String = rest.chars().take_while(|&c| is_name_char(c)).collect();
            rest = &rest[short.len()..];
            let n = short.chars().count();
            if (2..=12).contains(&n) && short != m.name && !generic(&short, rules) {
                if !m.aliases.contains(&short) {
                    m.aliases.push(short.clone());
                }
                out.push(NameAgain {
                    kind: m.kind,
                    name: short,
                    canonical: None,
                    aliases: vec![m.name.clone()],
                    declared: true,
                });
            }
            let Some(after_quote) = rest.strip_prefix(['”', '"']).filter(|_| quoted) else {
                break;
            };
            let next = rules
                .entities
                .enterprise
                .declared_short_name_joiners
                .iter()
                .find_map(|j| after_quote.strip_prefix(j.as_str()))
                .filter(|next| next.starts_with(['“', '"']));
            match next {
                Some(next) => rest = next,
                None => break,
            }
        }
    }
    out
}

/// A name the document gave something, to be found again elsewhere in it.
struct NameAgain {
    kind: Kind,
    name: String,
    canonical: Option<String>,
    aliases: Vec<String>,
    /// Declared by the text (简称B): found even where it does not end a word.
    declared: bool,
}

/// Each name of `names` where it stands alone in the text (no other mention
/// there, and the name ends there) becomes a mention.
fn add_found_again(text: &str, ex: &mut Extraction, rules: &Rules, names: Vec<NameAgain>) {
    if names.is_empty() {
        return;
    }
    // One search of the text for all names (a document may name thousands
    // of companies).
    // A contiguous NFA: built for each document, it must be cheap to build
    // (a DFA costs more to build than one short text takes to search).
    let Ok(finder) = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(names.iter().map(|n| &n.name))
    else {
        return;
    };
    // A name the document itself gives (华为终端, 友达光电 for its Xiamen
    // company) wins over a well-known firm's short name the reference list
    // read at the same place (华为, 友达光电 the Taiwanese parent).
    let known_firm = is_listed_firm;
    let known_firms: Vec<(usize, usize)> = ex
        .mentions
        .iter()
        .filter(|m| known_firm(m))
        .map(|m| (m.start, m.end))
        .collect();
    let crosses_known_firm = |start: usize, end: usize| {
        known_firms
            .iter()
            .any(|&(s, e)| s < end && start < e && !(start <= s && e <= end))
    };
    // Whether a name stands in start..end: of the names starting before
    // `end`, the furthest end reaches past `start`.
    let mut spans: Vec<(usize, usize)> = ex
        .mentions
        .iter()
        .filter(|m| !known_firm(m))
        .map(|m| (m.start, m.end))
        .collect();
    spans.sort_unstable();
    let furthest_end: Vec<usize> = spans
        .iter()
        .scan(0, |far, &(_, e)| {
            *far = e.max(*far);
            Some(*far)
        })
        .collect();
    let covered = |start: usize, end: usize| {
        let before_end = spans.partition_point(|&(s, _)| s < end);
        before_end > 0 && furthest_end[before_end - 1] > start
    };
    let mut found: Vec<Mention> = Vec::new();
    for hit in finder.find_iter(text) {
        let (start, end) = (hit.start(), hit.end());
        let si = ex.sentences.partition_point(|s| s.start <= start).saturating_sub(1);
        let Some(sentence) = ex.sentences.get(si).filter(|s| !s.english && end <= s.end) else {
            continue;
        };
        // The name ends there: not the start of a longer name
        // (A材料软件和信息服务项目), but before a figure, a mark or a stop
        // word (中联重科2000年, 沃森生物是…, 北方稀土作为…).
        let next: Vec<char> = text[end..sentence.end].chars().take(8).collect();
        let ends_here = next.first().is_none_or(|&c| !is_cjk(c))
            || rules
                .entities
                .boundary
                .stop_words
                .iter()
                .any(|w| starts_with(&next, 0, w));
        let name = &names[hit.pattern().as_usize()];
        // (An industry ends before the word for an industry: 新型材料|产业以A为链主.)
        let industry_ends = || {
            name.kind == Kind::Industry
                && rules
                    .entities
                    .industry
                    .label_suffixes
                    .iter()
                    .any(|w| starts_with(&next, 0, w))
        };
        // (A declared name may open with a place the text names alone:
        // 厦门冠翔 declared for 厦门冠翔光电科技有限公司 holds 厦门; not where
        // the brackets declare it.)
        let only_places_inside = || {
            let declaring = || {
                let mut from = start.saturating_sub(40);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                text[from..start]
                    .rfind('(')
                    .is_some_and(|open| !text[from + open..start].contains(')'))
            };
            name.declared
                && !declaring()
                && ex
                    .mentions
                    .iter()
                    .filter(|m| m.start < end && start < m.end)
                    .all(|m| m.kind == Kind::Place && start <= m.start && m.end <= end)
        };
        if !(ends_here || name.declared || industry_ends())
            || covered(start, end) && !only_places_inside()
            || crosses_known_firm(start, end)
        {
            continue;
        }
        found.push(Mention {
            kind: name.kind,
            name: name.name.clone(),
            start,
            end,
            sentence: si,
            via: Via::Context,
            canonical: name.canonical.clone(),
            entry: None,
            aliases: name.aliases.clone(),
            english: None,
        });
    }
    if found.is_empty() {
        return;
    }
    // Keep the mentions in text order within each sentence.
    found.sort_by_key(|m| (m.sentence, m.start));
    let mut old = std::mem::take(&mut ex.mentions);
    old.retain(|m| {
        !((m.kind == Kind::Place || known_firm(m)) && found.iter().any(|f| f.start <= m.start && m.end <= f.end))
    });
    let mut found = found.into_iter().peekable();
    for m in old {
        while let Some(f) = found.next_if(|f| (f.sentence, f.start) < (m.sentence, m.start)) {
            ex.mentions.push(f);
        }
        ex.mentions.push(m);
    }
    ex.mentions.extend(found);
}

/// What the whole document names: used to accept short place names only
/// under a city or province the text names.
struct DocContext {
    named_codes: HashSet<String>,
}

impl DocContext {
    fn new(hits: &[Hit<'_>], gaz: &Gazetteer) -> Self {
        let mut named_codes = HashSet::default();
        for hit in hits {
            for &e in hit.entries {
                let Some(code) = &gaz.entries[e].code else {
                    continue;
                };
                let level = gaz.divisions.get(code).map(|d| d.level);
                if !hit.short || level != Some(Level::County) {
                    named_codes.insert(code.clone());
                }
            }
        }
        DocContext { named_codes }
    }
}

/// Candidates from the reference names found in sentence `s`, which begins
/// at byte `offset` of the text the `hits` were found in.
fn gazetteer_candidates(
    s: &str,
    offset: usize,
    hits: &[Hit<'_>],
    chars: &[char],
    gaz: &Gazetteer,
    ctx: &DocContext,
    out: &mut Vec<Cand>,
) {
    let firm = &Rules::get().entities.enterprise;
    // The place just read (its characters), for a firm named after it.
    let mut place_before: Option<(usize, usize)> = None;
    for hit in hits {
        let (hit_start, hit_end) = (hit.start - offset, hit.end - offset);
        let start = s[..hit_start].chars().count();
        let end = start + s[hit_start..hit_end].chars().count();
        // Pick the entry: a division whose parent the document names, else the highest level.
        let mut best: Option<(usize, i32)> = None;
        for &e in hit.entries {
            let entry = &gaz.entries[e];
            let mut score = 0;
            if let Some(code) = &entry.code {
                let Some(div) = gaz.divisions.get(code) else {
                    continue;
                };
                if div.level == Level::County {
                    let parent_named = div.parent.as_ref().is_some_and(|p| ctx.named_codes.contains(p));
                    if !parent_named {
                        continue;
                    }
                    score += 2;
                }
                score += match div.level {
                    Level::Province => 3,
                    Level::City => 2,
                    Level::County => 1,
                };
                if div.parent.as_ref().is_some_and(|p| ctx.named_codes.contains(p)) {
                    score += 4;
                }
            } else {
                score += 5;
            }
            if best.is_none_or(|(_, b)| score > b) {
                best = Some((e, score));
            }
        }
        let Some((e, _)) = best else { continue };
        let entry = &gaz.entries[e];
        if entry.kind == Kind::Enterprise && inside_english_name(s, hit_start, hit_end) {
            continue;
        }
        // A well-known firm's short name after a place names its company
        // there (厦门天马微电子, 合肥京东方): one firm, not the group.
        if let Some((place_start, _)) = place_before.filter(|&(_, end)| end == start && entry.kind == Kind::Enterprise)
        {
            out.push(Cand {
                start: place_start,
                end,
                kind: Kind::Enterprise,
                via: Via::Context,
                name: chars[place_start..end].iter().collect(),
                canonical: None,
                entry: None,
                aliases: Vec::new(),
                score: 4,
            });
        }
        place_before = (entry.kind == Kind::Place).then_some((start, end));
        // … and before a word of business its unit there (华为终端, 比亚迪汽车).
        if entry.kind == Kind::Enterprise {
            let unit_end = firm
                .unit_words
                .iter()
                .chain(&firm.soft_suffixes)
                .filter(|w| starts_with(chars, end, w))
                .map(|w| end + w.chars().count())
                .max();
            if let Some(unit_end) = unit_end {
                let name: String = chars[start..unit_end].iter().collect();
                // (Unless the firm's own name opens so: 信达生物制药 is
                // 信达生物制药(苏州)有限公司, 京东方科技 京东方科技集团.)
                let own_name = entry.canonical.starts_with(&name);
                out.push(Cand {
                    start,
                    end: unit_end,
                    kind: Kind::Enterprise,
                    via: if own_name { Via::Gazetteer } else { Via::Context },
                    canonical: own_name.then(|| entry.canonical.clone()),
                    entry: own_name.then_some(e),
                    name,
                    aliases: Vec::new(),
                    score: 4,
                });
            }
        }
        // A short place name glued to a following name character is usually
        // part of another word (南湖柔性…): keep only clean ones.
        if hit.short
            && entry.kind == Kind::Place
            && chars
                .get(end)
                .is_some_and(|&c| "市区县江河湖山路街道村镇桥港湾岛".contains(c))
        {
            continue;
        }
        let surface: String = chars[start..end].iter().collect();
        // A place and 园 name a zone's sub-park (一区多园: 仓山园, 马尾园),
        // not 园区, 园林, 园艺 or 园地 (but 仓山园地处…).
        let garden_word = |k: usize| {
            chars.get(k).is_some_and(|c| "区林艺".contains(*c))
                || chars.get(k) == Some(&'地') && chars.get(k + 1) != Some(&'处')
        };
        if entry.kind == Kind::Place && chars.get(end) == Some(&'园') && !garden_word(end + 1) {
            out.push(Cand {
                start,
                end: end + 1,
                kind: Kind::Zone,
                via: Via::Context,
                name: format!("{surface}园"),
                canonical: None,
                entry: None,
                aliases: Vec::new(),
                score: 3,
            });
        }
        let canonical = (entry.canonical != surface).then(|| entry.canonical.clone());
        out.push(Cand {
            start,
            end,
            kind: entry.kind,
            via: Via::Gazetteer,
            name: surface,
            canonical,
            entry: Some(e),
            aliases: Vec::new(),
            score: if hit.short { 1 } else { 4 },
        });
    }
}

/// Whether a firm's English short name found at `s[start..end]` is a word
/// of a longer English name (Samsung (China) Semiconductor Co., Ltd., Wuhan
/// BOE Optoelectronics): capitalised words or a bracket go on after it, or a
/// capitalised word other than an article or preposition stands before it.
fn inside_english_name(s: &str, start: usize, end: usize) -> bool {
    if !s[start..end].is_ascii() {
        return false;
    }
    let after = s[end..].strip_prefix(' ').unwrap_or("");
    if after.starts_with(|c: char| c.is_ascii_uppercase() || c == '(') {
        return true;
    }
    let Some(before) = s[..start].strip_suffix(' ') else {
        return false;
    };
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && !matches!(
            word,
            "The" | "A" | "An" | "In" | "At" | "By" | "For" | "And" | "With" | "From" | "To" | "Of" | "As" | "On"
        )
}

/// Where a name ending at `suffix_start` begins: scan left over name
/// characters, through balanced quotes and parentheses, until a delimiter or
/// a stop word.
fn left_edge(chars: &[char], suffix_start: usize, max_len: usize, rules: &Rules) -> usize {
    left_edge_with(chars, suffix_start, max_len, rules, Edge::default())
}

/// How a left scan treats quotes and stop words.
#[derive(Debug, Clone, Copy, Default)]
struct Edge {
    /// Step over a quoted part (七牛云“中国总部”项目).
    through_quotes: bool,
    /// Stop only at the short list of hard stop words (long official names).
    hard: bool,
    /// Step over 与 / 及 joining two parts of one name (区块链与边缘计算研究院),
    /// but not 与 after a complete organisation name (浙江省人民政府与清华大学).
    through_and: bool,
    /// Step over a one-character stop word inside a firm's name before a
    /// merely descriptive rest (华都|科技有限公司), and over a stop word that
    /// opens one of `name_phrases` (城市建设|投资集团有限公司).
    through_inner: bool,
    /// Step over one dash joining a joint laboratory's partners
    /// (河科大—凯晟高端轴承联合实验室).
    through_dash: bool,
}

/// The start of a place or zone name the gazetteer knows that begins before
/// `chars[from..to]` and covers it, looked for up to four characters back.
fn place_around(chars: &[char], from: usize, to: usize) -> Option<usize> {
    let gaz = Gazetteer::get();
    (from.saturating_sub(4)..from).find(|&p| {
        gaz.at_start(&chars[p..]).is_some_and(|(len, entries)| {
            len >= to - p
                && entries
                    .iter()
                    .any(|&e| matches!(gaz.entries[e].kind, Kind::Place | Kind::Zone))
        })
    })
}

fn left_edge_with(chars: &[char], suffix_start: usize, max_len: usize, rules: &Rules, edge: Edge) -> usize {
    let mut b = suffix_start;
    while b > 0 && suffix_start - b < max_len {
        let c = chars[b - 1];
        if c == ')' || (c == '”' && edge.through_quotes) {
            let open = if c == ')' { '(' } else { '“' };
            let lo = b.saturating_sub(14);
            match (lo..b - 1).rev().find(|&k| chars[k] == open) {
                // Not through a byline or other words no name opens with (本报讯(记者…)).
                Some(k)
                    if chars[k + 1..b - 1].iter().all(|&x| is_name_char(x) || x == ',')
                        && k + 1 < b - 1
                        && !rules.long_stop_word_at(chars, k + 1) =>
                {
                    b = k;
                    continue;
                }
                _ => break,
            }
        }
        if edge.through_dash && matches!(c, '—' | '－') && b >= 3 && is_cjk(chars[b - 2]) && is_cjk(chars[b - 3]) {
            b -= 1;
            continue;
        }
        if !is_name_char(c) {
            break;
        }
        // No name starts with a date (自2013年桐溪工业园更名为…, 2023年度A).
        let date_end = |k: usize| matches!(chars[k], '年' | '月' | '日') && k >= 1 && chars[k - 1].is_ascii_digit();
        // (A match, not a search of a string of them: asked at every step.)
        if date_end(b - 1) || matches!(c, '度' | '底' | '初' | '末') && b >= 2 && date_end(b - 2) {
            break;
        }
        // No name holds an amount of money (园区再添15亿元项目).
        if c == '元' {
            let money = rules.money_words().find(|u| ends_with(chars, b, u));
            if money.is_some_and(|u| b > u.chars().count() && chars[b - u.chars().count() - 1].is_ascii_digit()) {
                break;
            }
        }
        // (Not after a date: 管委会5月与A大学签约.)
        let after_date = || {
            b >= 3
                && matches!(chars[b - 2], '年' | '月' | '日' | '号')
                && (chars[b - 3].is_ascii_digit() || "一二三四五六七八九十".contains(chars[b - 3]))
        };
        if edge.through_and
            && matches!(chars[b - 1], '与' | '及')
            && b - 1 > 0
            && is_cjk(chars[b - 2])
            && !after_date()
            // (A second part of two characters or more: not 结果与|高新区.)
            && (2..=6).contains(&(suffix_start - b))
        {
            let before: String = chars[b.saturating_sub(6)..b - 1].iter().collect();
            let org_before = rules
                .entities
                .boundary
                .organisation_endings
                .iter()
                .any(|e| before.ends_with(e.as_str()));
            // Nor when a place opens the second part: a name of its own
            // (天合光能与|常州大学签约), not a second field of one name.
            let gaz = Gazetteer::get();
            let place_after = gaz
                .at_start(&chars[b..suffix_start])
                .is_some_and(|(_, entries)| entries.iter().any(|&e| gaz.entries[e].kind == Kind::Place));
            // Nor after a word that cannot end a name's first half
            // (公司先后与A研究所: 先后 is an adverb, 与 the preposition).
            if !org_before && !place_after && rules.stop_word_before(chars, b - 1, false).is_none() {
                b -= 1;
                continue;
            }
        }
        // A describing noun before a long official name is not part of it
        // (科技企业A有限公司), unless the name goes on from it (A企业管理有限公司).
        if edge.hard {
            let boundary = &rules.entities.boundary;
            let described = boundary.descriptor_nouns.iter().any(|d| ends_with(chars, b, d))
                && !boundary
                    .descriptor_continuations
                    .iter()
                    .any(|w| starts_with(chars, b, w));
            if described && b < suffix_start {
                break;
            }
        }
        // 像A这样的企业: 像 opening a clause is the preposition (inside a
        // name, as in 影像, it is no stop word of an official name).
        if chars[b - 1] == '像' && (b == 1 || !is_name_char(chars[b - 2])) {
            break;
        }
        // 以 in 以色列 is a name, not the preposition.
        let israel = chars[b - 1] == '以' && (chars.get(b) == Some(&'色') || b >= 2 && chars[b - 2] == '中');
        if let (false, Some(n)) = (israel, rules.stop_word_before(chars, b, edge.hard)) {
            // (建设|投资有限公司: the stop word opens a word of a firm's name.)
            if edge.through_inner
                && rules
                    .entities
                    .boundary
                    .name_phrases
                    .iter()
                    .any(|p| p.chars().count() > n && starts_with(chars, b - n, p))
            {
                b -= n;
                continue;
            }
            // A one-character word right after 、 or a clause start, in front
            // of a one-character rest, belongs to the name (、和剂药业).
            let before = b - n;
            let after_list_mark = before > 0 && chars[before - 1] == '、';
            // Nor is 和/与/及 a conjunction right after the particle 了
            // (集聚了和光生物、白鹭药业): it starts the name.
            let after_particle =
                n == 1 && before > 0 && chars[before - 1] == '了' && matches!(chars[before], '和' | '与' | '及');
            if n == 1 && (after_list_mark && suffix_start - b == 1 || after_particle) {
                b -= 1;
                break;
            }
            // 华都|科技有限公司, 恒为|科技股份有限公司: a one-character stop word
            // inside a firm's own name, when all that follows it describes
            // (a name is more than its trade) and a name character, not
            // another stop word, stands before it.
            let inner = edge.through_inner
                && n == 1
                && before > 0
                && is_cjk(chars[before - 1])
                && rules.entities.boundary.name_inner_chars.contains(&chars[before])
                && rules.stop_word_before(chars, before, true).is_none()
                && {
                    let rest: String = chars[b..suffix_start].iter().collect();
                    let gaz = Gazetteer::get();
                    // (A trade is a few words: longer rests are not looked up;
                    // nor is a category standing alone one: 以|特专科技公司.)
                    rest.is_empty()
                        || rest.chars().count() <= 8
                            && descriptive(&rest, rules, gaz)
                            && (!rules.entities.boundary.generic_prefixes.contains(&rest)
                                || trade_word(&rest, rules, gaz))
                };
            if inner {
                b -= 1;
                continue;
            }
            // Nor is a word inside a place name a stop word (都 in 成都,
            // 和 in 呼和浩特): the name goes on to the place's first character.
            if let Some(p) = place_around(chars, before, b) {
                b = p;
                continue;
            }
            break;
        }
        b -= 1;
    }
    // Drop a leading date (2022年, 3月27日) or time word.
    let mut b2 = b;
    loop {
        let mut moved = false;
        let mut k = b2;
        while k < suffix_start && chars[k].is_ascii_digit() {
            k += 1;
        }
        if k > b2 && k < suffix_start && matches!(chars[k], '年' | '月' | '日') {
            b2 = k + 1;
            if chars.get(b2) == Some(&'度') && b2 + 1 < suffix_start {
                b2 += 1;
            }
            moved = true;
        }
        // … or a bare year opening an event's title (2025中国(绵阳)科技城…).
        if k == b2 + 4 && k < suffix_start && is_cjk(chars[k]) && !"年月日度".contains(chars[k]) {
            let year: String = chars[b2..k].iter().collect();
            if year.parse::<u32>().is_ok_and(|y| (1949..=2100).contains(&y)) {
                b2 = k;
                moved = true;
            }
        }
        // … or an amount of money (52亿元储能电池项目: the project's size).
        let mut k = b2;
        while k < suffix_start && (chars[k].is_ascii_digit() || k > b2 && chars[k] == '.') {
            k += 1;
        }
        if k > b2 {
            if let Some(unit) = rules.money_words().find(|u| starts_with(chars, k, u)) {
                if k + unit.chars().count() < suffix_start {
                    b2 = k + unit.chars().count();
                    moved = true;
                }
            }
        }
        for w in &rules.entities.boundary.leading_trim {
            if starts_with(chars, b2, w) && b2 + w.chars().count() < suffix_start {
                b2 += w.chars().count();
                moved = true;
            }
        }
        // … or a zone's name when a place opens what follows (京山经开区|京山
        // 华彩包装科技有限公司: the firm in the zone, not a firm of the zone's
        // name; 苏州高新区经济发展集团 goes on with no place and keeps it).
        if let Some(end) = edge
            .through_inner
            .then(|| zone_before_placed_name(chars, b2, suffix_start, rules))
            .flatten()
        {
            b2 = end;
            moved = true;
        }
        if !moved {
            break;
        }
    }
    b2
}

/// Where a zone's name that opens `chars[from..to]` ends, when a place's name
/// follows it right away.
fn zone_before_placed_name(chars: &[char], from: usize, to: usize, rules: &Rules) -> Option<usize> {
    let gaz = Gazetteer::get();
    // (Asked of every firm's name: the last characters of zone endings are
    // few, and most positions end with none of them.)
    static LAST_CHARS: OnceLock<HashSet<char>> = OnceLock::new();
    let last_chars = LAST_CHARS.get_or_init(|| {
        rules
            .entities
            .zone
            .suffixes
            .iter()
            .filter_map(|z| z.chars().next_back())
            .collect()
    });
    (from + 3..=(from + 12).min(to.saturating_sub(2))).find(|&end| {
        last_chars.contains(&chars[end - 1])
            && rules
                .entities
                .zone
                .suffixes
                .iter()
                .any(|z| ends_with(chars, end, z) && end - from > z.chars().count())
            && gaz
                .at_start(&chars[end..to])
                .is_some_and(|(len, entries)| len >= 2 && entries.iter().any(|&e| gaz.entries[e].kind == Kind::Place))
    })
}

fn generic(prefix: &str, rules: &Rules) -> bool {
    prefix.is_empty()
        || rules.entities.boundary.generic_prefixes.contains(prefix)
        // 各设区市, 各国家级: every one of a kind, no one name; 区域总部或独立法人:
        // a choice of kinds.
        || prefix.starts_with('各')
        || prefix.contains('或')
        || prefix
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十百千万第".contains(c))
}

/// Whether `prefix` is made only of words of two or more characters that
/// describe rather than name: generic prefixes, trades (the enterprise
/// endings) and industries. One-character words are left out: they start
/// real names (三一重工, 新大陆).
fn descriptive(prefix: &str, rules: &Rules, gaz: &Gazetteer) -> bool {
    made_of_words(prefix, |w| {
        rules.entities.boundary.generic_prefixes.contains(w) || trade_word(w, rules, gaz)
    })
}

/// Whether `w` names a trade: an enterprise ending (科技, 股份) or an industry.
fn trade_word(w: &str, rules: &Rules, gaz: &Gazetteer) -> bool {
    let e = &rules.entities.enterprise;
    e.soft_suffixes.iter().any(|x| x == w) || e.legal_suffixes.iter().any(|x| x == w) || gaz.industry(w).is_some()
}

/// Whether `text` is a run of words of 2 to 8 characters that `is_word` knows.
fn made_of_words(text: &str, is_word: impl Fn(&str) -> bool) -> bool {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let mut reachable = vec![false; n + 1];
    reachable[0] = n > 0;
    for i in 0..n {
        if !reachable[i] {
            continue;
        }
        for len in 2..=8.min(n - i) {
            if is_word(&text[byte(i)..byte(i + len)]) {
                reachable[i + len] = true;
            }
        }
    }
    reachable[n]
}

/// Candidates that end in a name ending of the rule files (高新区, 有限公司,
/// 研究院 …) in a sentence's characters.
fn suffix_candidates(chars: &[char], rules: &Rules, gaz: &Gazetteer, out: &mut Vec<Cand>) {
    let mut seen: HashSet<(usize, usize)> = HashSet::default();
    // Only the longest ending that ends at a position counts (高新区, not 新区).
    let endings = rules.endings.longest_in(chars);
    // Where agencies' endings end: a document's header lists its issuers
    // one after another (A省科学技术厅 A省发展和改革委员会, glued once spaces
    // are squeezed), and one agency's name starts after the one before.
    let agency_ends: Vec<usize> = endings
        .iter()
        .filter(|(_, _, p)| rules.suffix_kinds[*p].1 == SuffixKind::Agency)
        .map(|&(_, se, _)| se)
        .collect();
    for (ss, se, pattern) in endings {
        let (suffix, kind) = &rules.suffix_kinds[pattern];
        let (target, max_len) = match kind {
            SuffixKind::Zone => (Kind::Zone, 16),
            SuffixKind::LegalEnterprise => (Kind::Enterprise, 20),
            SuffixKind::SoftEnterprise => (Kind::Enterprise, 6),
            SuffixKind::Institute | SuffixKind::InstituteBranch => (Kind::Institute, 22),
            SuffixKind::Agency => (Kind::Agency, 20),
            SuffixKind::Project => (Kind::Project, 28),
            SuffixKind::UnquotedPolicy => (Kind::Policy, 14),
        };
        let edge = Edge {
            through_quotes: matches!(kind, SuffixKind::Project),
            hard: matches!(
                kind,
                SuffixKind::LegalEnterprise
                    | SuffixKind::Institute
                    | SuffixKind::InstituteBranch
                    | SuffixKind::Agency
                    | SuffixKind::Project
            ),
            // (航空与燃机产业园: a park's name joins two trades too.)
            through_and: matches!(
                kind,
                SuffixKind::Institute | SuffixKind::InstituteBranch | SuffixKind::Project | SuffixKind::Zone
            ),
            through_inner: matches!(kind, SuffixKind::LegalEnterprise),
            through_dash: matches!(kind, SuffixKind::Institute)
                && rules
                    .relations
                    .located_in
                    .joint_institute_words
                    .iter()
                    .any(|w| ends_with(chars, se, w)),
        };
        let ent = &rules.entities.enterprise;
        if kind == &SuffixKind::LegalEnterprise
            && ent.common_noun_suffixes.contains(suffix)
            && ent.common_noun_before.iter().any(|w| ends_with(chars, ss, w))
        {
            continue;
        }
        let mut b = left_edge_with(chars, ss, max_len, rules, edge);
        // Zones and agencies start at the first place name in them, unless a
        // national prefix (中国, 中) stands before it: 书写贵阳高新区 → 贵阳高新区;
        // an agency also at the zone it is of (秘书长单位淄博高新区党工委).
        if matches!(kind, SuffixKind::Zone | SuffixKind::Agency) && b < ss {
            let span: String = chars[b..ss].iter().collect();
            let starts_name = |k: Kind| k == Kind::Place || (k == Kind::Zone && kind == &SuffixKind::Agency);
            if let Some(h) = gaz
                .find(&span)
                .into_iter()
                .find(|h| h.entries.iter().any(|&e| starts_name(gaz.entries[e].kind)))
            {
                let p = span[..h.start].chars().count();
                let head: String = span[..h.start].to_string();
                // (One character glued before a district's short form is a
                // word of the name: 艾溪湖电子信息产业园 is not at 溪湖, for 溪湖区;
                // a city's short form is the place: 如上海张江科学城.)
                let county = |e: &usize| {
                    gaz.entries[*e]
                        .code
                        .as_ref()
                        .and_then(|c| gaz.divisions.get(c))
                        .is_some_and(|d| d.level == Level::County)
                };
                let glued = p == 1 && h.short && h.entries.iter().all(county);
                if p > 0 && !glued && !head.starts_with("中国") && !head.starts_with('中') && !head.contains('(') {
                    b += p;
                }
            }
        }
        // A place named before a zone's own name (乐山市乐山高新区, 江苏省苏州
        // 工业园区, as a table's site column writes it): the zone starts
        // after the place when the rest opens with a place's name too.
        // (Only a span holding a full name's last character is looked up.)
        const FULL_NAME_ENDINGS: [&str; 6] = ["省", "市", "县", "自治州", "盟", "自治区"];
        let ends_full_name = |c: &char| FULL_NAME_ENDINGS.iter().any(|w| w.ends_with(*c));
        if kind == &SuffixKind::Zone && b < ss && chars[b..ss].iter().any(ends_full_name) {
            let span: String = chars[b..ss].iter().collect();
            if let Some((end, _)) = gaz.division_at(&span, 0) {
                let (place, rest) = span.split_at(end);
                let full_name = FULL_NAME_ENDINGS.iter().any(|w| place.ends_with(w));
                if full_name && (gaz.division_at(rest, 0).is_some() || rest.starts_with("中国")) {
                    b += place.chars().count();
                }
            }
        }
        // 经 is "by way of" before an agency (经省政府批准), not its name,
        // nor is what stands before it (A工业园区经省政府批准更名).
        // (经湖南省人民政府批准: a place's agency too.) Nor does a date
        // stand in an agency's name (A高新区2018年8月经…).
        if kind == &SuffixKind::Agency {
            // (Whether a place's name opens chars[k..ss].)
            let place_at = |k: usize| gaz.division_at(&chars[k..ss].iter().collect::<String>(), 0).is_some();
            if let Some(via) = (b..ss).rev().find(|&k| {
                chars[k] == '经'
                    && (rules
                        .entities
                        .agency
                        .via_before
                        .iter()
                        .any(|w| starts_with(chars, k + 1, w))
                        || place_at(k + 1))
            }) {
                b = via + 1;
            }
            if let Some(date_end) = (b + 1..ss)
                .rev()
                .find(|&k| "年月日".contains(chars[k]) && chars[k - 1].is_ascii_digit())
            {
                b = date_end + 1;
            }
            if let Some(&before) = agency_ends.iter().filter(|&&e| b < e && e < ss && place_at(e)).max() {
                b = before;
            }
        }
        // A university's name does not end where a park's name goes on
        // (岳麓山大学科技城 is a park, not a university). A company's does:
        // its park is named after it, and both are named.
        if matches!(kind, SuffixKind::Institute)
            && rules
                .entities
                .zone
                .suffixes
                .iter()
                .any(|z| z.chars().count() >= 3 && starts_with(chars, se, z))
        {
            continue;
        }
        // 原A: A is a former name, 原 no part of it (but 原阳 is a county).
        if kind == &SuffixKind::Zone {
            if let Some(w) = rules
                .entities
                .zone
                .former_words
                .iter()
                .find(|w| starts_with(chars, b, w))
            {
                let n = w.chars().count();
                let prefix: String = chars[b..ss].iter().collect();
                if b + n + 2 <= ss && gaz.division_at(&prefix, 0).is_none() {
                    b += n;
                }
            }
        }
        // A park named after its zone starts after the zone (成都高新区交子金融商务区).
        let mut after_zone = false;
        let with_zone = b;
        if kind == &SuffixKind::Zone && b < ss {
            let span: String = chars[b..ss].iter().collect();
            if let Some(p) = rules
                .entities
                .zone
                .parks_after
                .iter()
                .filter_map(|z| span.rfind(z.as_str()).map(|i| i + z.len()))
                .max()
            {
                b += span[..p].chars().count();
                after_zone = true;
            }
        }
        // Counted phrases are not names (173个国家高新区管委会, 首批4家…工作站,
        // 已建成离岸创新中心3个).
        // (But a count that a word for parks follows sums up a list of
        // them: A产业园和B产业园4个专业园区.)
        let summed_up = || {
            let digits = chars[se..].iter().take_while(|c| c.is_ascii_digit()).count();
            let rest: String = chars[(se + digits + 1).min(chars.len())..]
                .iter()
                .take_while(|&&c| is_cjk(c))
                .take(8)
                .collect();
            kind == &SuffixKind::Zone
                && rules
                    .entities
                    .zone
                    .coreference
                    .iter()
                    .any(|w| rest.ends_with(w.as_str()))
        };
        if chars[b..se]
            .windows(2)
            .any(|w| w[0].is_ascii_digit() && "家个名所项批".contains(w[1]))
            || rules.counted_before(chars, b)
            || matches!(kind, SuffixKind::Institute | SuffixKind::Zone)
                && rules.counted_after(chars, se)
                && !summed_up()
        {
            continue;
        }
        if !seen.insert((b, se)) {
            continue;
        }
        let prefix: String = chars[b..ss].iter().collect();
        let park_of_zone = after_zone && rules.entities.zone.park_names_after_zone.contains(&prefix);
        // 省科技厅, 市政府: an agency named by its level (resolution finds whose).
        let agency = &rules.entities.agency;
        let agency_of_level = *kind == SuffixKind::Agency
            && (agency.level_words.contains(&prefix) || prefix.is_empty() && agency.bare_endings.contains(suffix));
        if (generic(&prefix, rules) && !park_of_zone && !agency_of_level) || prefix.is_empty() && !agency_of_level {
            continue;
        }
        // 最新一轮国家(高新区): generic words one after another name no zone
        // (an institute's may: 中国科技大学).
        let generic_word = |w: &str| rules.entities.boundary.generic_prefixes.contains(w);
        // (Shorter prefixes are one word or none: `generic` answered.)
        if kind == &SuffixKind::Zone && !park_of_zone && prefix.len() >= 12 && made_of_words(&prefix, generic_word) {
            continue;
        }
        // An official name has a name of its own before its trade and form
        // (专业科技保险公司 is a description: generic words and trades only).
        if kind == &SuffixKind::LegalEnterprise && descriptive(&prefix, rules, gaz) {
            continue;
        }
        let name: String = chars[b..se].iter().collect();
        let mut score = 3;
        match kind {
            SuffixKind::SoftEnterprise => {
                // Brand names without a legal ending: 2–4 characters of brand
                // after an enterprise word, or at a clause edge followed by
                // what companies do (成功登陆, 上市, 入围, 研制 …).
                // (An item's numbering the scan took in is no part of it.)
                let numbering = enumerator_len(&prefix);
                let prefix: String = prefix.chars().skip(numbering).collect();
                let n = prefix.chars().count();
                let after_enterprise_word = ["企业", "公司", "龙头"].iter().any(|w| ends_with(chars, b, w));
                let acts = rules
                    .entities
                    .boundary
                    .enterprise_verbs
                    .iter()
                    .any(|v| starts_with(chars, se, v));
                // … or the heading of a numbered item about it
                // ((二)群曜光电:民国92年进驻…).
                let item_heading = chars.get(se) == Some(&':') && numbering > 0 && b == 0;
                if !(2..=4).contains(&n)
                    || !after_enterprise_word && !acts && !item_heading
                    || gaz.industry(&name).is_some()
                    || generic(&prefix, rules)
                {
                    continue;
                }
                if prefix.chars().any(|c| !is_cjk(c)) {
                    continue;
                }
                score = 0;
            }
            SuffixKind::InstituteBranch => {
                // An organisation's branch at a place (中汽中心常州基地): the
                // ending needs a place right before it, and an organisation before that.
                let place_start = gaz
                    .find(&prefix)
                    .iter()
                    .filter(|h| h.end == prefix.len() && h.entries.iter().any(|&e| gaz.entries[e].kind == Kind::Place))
                    .map(|h| h.start)
                    .min();
                let parent_named = place_start.is_some_and(|p| {
                    let parent = &prefix[..p];
                    parent.chars().count() >= 3
                        && rules
                            .entities
                            .institute
                            .branch_parent_endings
                            .iter()
                            .any(|e| parent.ends_with(e.as_str()))
                });
                if !parent_named {
                    continue;
                }
            }
            SuffixKind::UnquotedPolicy => {
                if prefix.chars().count() < 2 {
                    continue;
                }
                // 战略性…, 战略引擎: the ending runs on into another word.
                if chars.get(se).is_some_and(|&c| is_cjk(c))
                    && !rules.stop_word_after(chars, se)
                    && !starts_with(chars, se, "实施")
                {
                    continue;
                }
                // Only after a policy verb or at a clause edge.
                let after_verb = rules.entities.policy.verbs.iter().any(|v| ends_with(chars, b, v));
                if !(after_verb || b == 0 || is_delim(chars[b - 1]) || ends_with(chars, b, "和")) {
                    continue;
                }
            }
            SuffixKind::Zone => {
                if prefix.chars().count() < 2 && !["高新区", "开发区"].contains(&suffix.as_str()) {
                    continue;
                }
                // (… unless the word opens a longer industry's name: 三山先进材料产业园.)
                let opens_industry = |p: usize, d: &str| {
                    let rest: Vec<char> = prefix[p..].chars().collect();
                    (d.chars().count() + 1..=rest.len().min(8))
                        .any(|n| gaz.industry(&rest[..n].iter().collect::<String>()).is_some())
                };
                if rules.entities.zone.description_words.iter().any(|d| {
                    // (contains first: its search of a short word is the fast one.)
                    prefix.contains(d.as_str()) && prefix.match_indices(d.as_str()).any(|(p, _)| !opens_industry(p, d))
                }) {
                    continue;
                }
                // Zones with a generic ending are named after their place (武进高新区).
                let generic_ending = [
                    "高新区",
                    "国家高新区",
                    "开发区",
                    "经济开发区",
                    "经济技术开发区",
                    "高新技术产业开发区",
                    "高新技术产业园区",
                    "高新技术产业园",
                    "工业园区",
                ]
                .contains(&suffix.as_str());
                let starts_with_place = gaz.first(&prefix).is_some_and(|h| {
                    h.start == 0
                        && h.entries
                            .iter()
                            .any(|&e| matches!(gaz.entries[e].kind, Kind::Place | Kind::Zone))
                });
                // A short name of its own is fine too (青溪高新区); long unplaced
                // prefixes are phrases (逐步覆盖…高新区).
                let short_own_name = (2..=4).contains(&prefix.chars().count()) && prefix.chars().all(is_cjk);
                if generic_ending && !starts_with_place && !short_own_name && !prefix.starts_with("中国") {
                    continue;
                }
                // 浙江省高新区 means the province's zones, not one zone; a
                // municipality's (天津高新区, 上海高新区) is its city's zone.
                let province = gaz.lookup(&prefix).iter().any(|&e| {
                    gaz.entries[e]
                        .code
                        .as_ref()
                        .and_then(|c| gaz.divisions.get(c))
                        .is_some_and(|d| d.level == Level::Province && !d.name.ends_with('市'))
                });
                if province && generic_ending {
                    continue;
                }
            }
            SuffixKind::Agency if rules.entities.agency.place_bound_suffixes.contains(suffix.as_str()) => {
                // Village and street committees are below what the graph tracks.
                if prefix.ends_with('村') || prefix.ends_with("街道") || prefix.ends_with("社区") {
                    continue;
                }
                // 各设区市工业和信息化局, 各国家级高新区管委会: every body of a kind.
                let every = rules.entities.agency.every_words.iter().any(|w| ends_with(chars, b, w));
                if prefix.contains('各') || every {
                    continue;
                }
                let placed =
                    gaz.find(&prefix).iter().any(|h| {
                        h.end == prefix.len() && h.entries.iter().any(|&e| gaz.entries[e].kind == Kind::Place)
                    }) || ["高新区", "园区", "开发区", "省", "市", "区", "县", "镇", "街道", "村"]
                        .iter()
                        .any(|z| prefix.ends_with(z));
                if !placed && !agency_of_level {
                    continue;
                }
            }
            // Named projects carry a name of their own, not a description:
            // nor an industry's alone (风电装备项目), nor 项目 in another
            // word (项目融资) or counted (补链项目41个).
            SuffixKind::Project
                if prefix.chars().count() < 4
                    || rules
                        .entities
                        .project
                        .generic_words
                        .iter()
                        .any(|g| prefix.contains(g.as_str()))
                    || suffix == "项目"
                        && (rules
                            .entities
                            .project
                            .not_after
                            .iter()
                            .any(|w| starts_with(chars, se, w))
                            || chars.get(se).is_some_and(|c| c.is_ascii_digit())
                            || gaz.industry(&prefix).is_some()) =>
            {
                continue
            }
            _ => {}
        }
        // A branch in parentheses right after (启迪之星(嘉兴), 实验小学(科技城校区)).
        let mut end = se;
        if chars.get(se) == Some(&'(') && matches!(target, Kind::Institute | Kind::Enterprise) {
            if let Some(k) = (se + 1..chars.len().min(se + 10)).find(|&k| chars[k] == ')') {
                let inner: String = chars[se + 1..k].iter().collect();
                if inner.ends_with("校区") || inner.ends_with("分院") {
                    end = k + 1;
                }
            }
        }
        let name_full: String = if end > se { chars[b..end].iter().collect() } else { name };
        // The park with its zone's name before it is a name of it too
        // (济南高新区生命健康产业园).
        let aliases = if after_zone {
            vec![chars[with_zone..end].iter().collect()]
        } else {
            Vec::new()
        };
        out.push(Cand {
            start: b,
            end,
            kind: target,
            via: Via::Suffix,
            name: name_full,
            canonical: None,
            entry: None,
            aliases,
            score,
        });
    }
}

/// Quoted names: “X”计划 (policy), “X”项目 (project), “X”科技创新中心
/// (institute), “中国信创谷” (zone), and titles 《X》 (policy).
fn quote_candidates(chars: &[char], rules: &Rules, out: &mut Vec<Cand>) {
    let pr = &rules.entities.policy;
    let mut i = 0;
    while i < chars.len() {
        let open = chars[i];
        let close = match open {
            '“' => '”',
            '《' => '》',
            _ => {
                i += 1;
                continue;
            }
        };
        let Some(j) = (i + 1..chars.len().min(i + 60)).find(|&k| chars[k] == close) else {
            i += 1;
            continue;
        };
        let inner: String = chars[i + 1..j].iter().collect();
        let sentence_like =
            inner.contains(['。', '!', '?', '‘', ':']) || inner.contains(',') && inner.chars().count() > 16;
        if inner.chars().count() < 2 || sentence_like {
            i = j + 1;
            continue;
        }
        if open == '《' {
            if !rules
                .entities
                .policy
                .publication_endings
                .iter()
                .any(|m| inner.ends_with(m.as_str()))
            {
                // A short name in parentheses right after the title (7号文).
                let mut aliases = Vec::new();
                if chars.get(j + 1) == Some(&'(') {
                    if let Some(close) = (j + 2..chars.len().min(j + 12)).find(|&x| chars[x] == ')') {
                        let short: String = chars[j + 2..close].iter().collect();
                        if short.ends_with('文') || short.ends_with('号') || short.ends_with("意见") {
                            aliases.push(short);
                        }
                    }
                }
                out.push(Cand {
                    start: i,
                    end: j + 1,
                    kind: Kind::Policy,
                    via: Via::Title,
                    name: inner.clone(),
                    canonical: None,
                    entry: None,
                    aliases,
                    score: 8,
                });
            }
            i = j + 1;
            continue;
        }
        // Text right after the closing quote, up to a delimiter (at most 12
        // characters); a parenthetical gloss right after the quote is skipped
        // (“三湖一坝”(黑沙湖、…)项目).
        let mut after_start = j + 1;
        if chars.get(after_start) == Some(&'(') {
            if let Some(close) = (after_start..chars.len().min(after_start + 40)).find(|&x| chars[x] == ')') {
                after_start = close + 1;
            }
        }
        let mut k = after_start;
        while k < chars.len() && k < after_start + 12 && (is_name_char(chars[k]) || matches!(chars[k], '(' | ')')) {
            k += 1;
        }
        let after: String = chars[after_start..k].iter().collect();
        let mut kind = None;
        let mut end = j + 1;
        // The longest known ending of any kind within the text after the quote.
        let after_chars: Vec<char> = after.chars().collect();
        let mut best_end = 0;
        for (h, kd) in &rules.quote_endings {
            let hn = h.len();
            for e in hn..=after_chars.len() {
                if after_chars[e - hn..e] == h[..] && e > best_end {
                    // The text between the quote and the ending must not hold a stop word.
                    let between: String = after_chars[..e - hn].iter().collect();
                    let de_ok = *kd == Kind::Policy && between.chars().count() <= 6 && between.starts_with('的');
                    if (between.contains('的') && !de_ok) || between.contains('等') || between.chars().count() > 7 {
                        continue;
                    }
                    // Nor, before a zone's ending, a verb or any word no name
                    // holds (“升级”为国家高新区, “药谷”落户泰州高新区).
                    let between_chars = &after_chars[..e - hn];
                    if *kd == Kind::Zone
                        && (1..=between_chars.len()).any(|x| rules.stop_word_before(between_chars, x, false).is_some())
                    {
                        continue;
                    }
                    best_end = e;
                    kind = Some(*kd);
                }
            }
        }
        if best_end > 0 {
            end = after_start + best_end;
        } else if pr.heads.iter().any(|h| inner.ends_with(h.as_str())) {
            kind = Some(Kind::Policy);
        } else if rules
            .entities
            .zone
            .quoted_suffixes
            .iter()
            .chain(&rules.entities.zone.suffixes)
            .any(|h| inner.ends_with(h.as_str()))
        {
            kind = Some(Kind::Zone);
        } else if is_formula(&inner) && pr.verbs.iter().any(|v| ends_with(chars, i, v)) {
            kind = Some(Kind::Policy);
        }
        let Some(kind) = kind else {
            i = j + 1;
            continue;
        };
        if kind == Kind::Zone {
            let whole: String = chars[i..end].iter().collect();
            let generic_end = ["高新区", "开发区", "园区"].iter().any(|g| after.starts_with(g));
            if generic_end
                || rules
                    .entities
                    .zone
                    .description_words
                    .iter()
                    .any(|d| whole.contains(d.as_str()))
            {
                i = j + 1;
                continue;
            }
        }
        // A zone's name quoted whole (由“A高新区”更名为“B高新区”) is the
        // name; the quote marks are the sentence's.
        if kind == Kind::Zone && best_end == 0 {
            out.push(Cand {
                start: i + 1,
                end: j,
                kind,
                via: Via::Quote,
                name: inner,
                canonical: None,
                entry: None,
                aliases: Vec::new(),
                score: 3,
            });
            i = j + 1;
            continue;
        }
        if pr.not_heads.iter().any(|h| inner.ends_with(h.as_str())) && best_end == 0 {
            i = j + 1;
            continue;
        }
        // A short noun phrase right before the quote belongs to the name
        // (科技型企业“双倍增”行动, 江苏省“双创计划”).
        let mut start = i;
        let b = left_edge_with(
            chars,
            i,
            8,
            rules,
            Edge {
                hard: true,
                ..Edge::default()
            },
        );
        let mut b = b;
        while b < i && matches!(chars[b], '年' | '月' | '日' | '度') {
            b += 1;
        }
        // (Not a body that runs the policy: 市政府“河洛英才计划”.)
        let body = || rules.agency_ending(&chars[b..i].iter().collect::<String>()).is_some();
        if b < i
            && chars[b..i].iter().all(|&c| is_cjk(c))
            && !pr.verbs.iter().any(|v| ends_with(chars, i, v))
            && !body()
        {
            start = b;
        }
        // The name without a parenthetical gloss after the quote.
        let name: String = chars[start..j + 1]
            .iter()
            .chain(chars[after_start.min(end)..end].iter())
            .collect();
        let mut aliases = Vec::new();
        let quoted: String = chars[i..j + 1]
            .iter()
            .chain(chars[after_start.min(end)..end].iter())
            .collect();
        if quoted != name {
            aliases.push(quoted);
        }
        let bare: String = chars[i..j + 1].iter().collect();
        let joined_by_de = chars.get(after_start) == Some(&'的');
        let bare_is_name = pr
            .heads
            .iter()
            .chain(&rules.entities.zone.suffixes)
            .any(|h| inner.ends_with(h.as_str()))
            || is_formula(&inner)
            || joined_by_de;
        if bare_is_name && !aliases.contains(&bare) && bare != name {
            aliases.push(bare);
        }
        out.push(Cand {
            start,
            end,
            kind,
            via: Via::Quote,
            name,
            canonical: None,
            entry: None,
            aliases,
            score: 7,
        });
        i = j + 1;
    }
}

/// A short formula of numerals and single characters (四送一服, 一院一策, 5910, 6+1).
fn is_formula(s: &str) -> bool {
    let n = s.chars().count();
    let numerals = s
        .chars()
        .filter(|c| c.is_ascii_digit() || "一二三四五六七八九十百千万双两".contains(*c) || *c == '+')
        .count();
    (2..=8).contains(&n) && numerals * 2 >= n
}

/// Items of enumerations (A、B和C等), typed by what follows them.
fn list_candidates(chars: &[char], rules: &Rules, gaz: &Gazetteer, out: &mut Vec<Cand>) {
    // A 、 right after a leading-industry cue parts two clauses, not two
    // items (以A为首位产业、以B和C为支柱产业).
    let after_cue = |i: usize| {
        rules
            .relations
            .leading_industry
            .cues
            .iter()
            .any(|c| i > 0 && c.ends_with(chars[i - 1]) && ends_with(chars, i, c))
    };
    let seps: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i] == '、' && !after_cue(i))
        .collect();
    if seps.is_empty() {
        return;
    }
    // Group separators whose items are short runs of name characters.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &p in &seps {
        if let Some(g) = groups.last_mut() {
            let last = g[g.len() - 1];
            let between = &chars[last + 1..p];
            let text: String = between.iter().collect();
            let leaders = &rules.entities.enterprise.chain_leader_words;
            let clean = !text.contains('的')
                && !text.contains("产业链和")
                && !text.contains('等')
                && !text.match_indices('为').any(|(p, _)| {
                    leaders
                        .iter()
                        .any(|w| text[p + '为'.len_utf8()..].starts_with(w.as_str()))
                });
            if between.len() <= 16
                && clean
                && between
                    .iter()
                    .all(|&c| is_name_char(c) || matches!(c, '“' | '”' | '(' | ')'))
            {
                g.push(p);
                continue;
            }
        }
        groups.push(vec![p]);
    }
    for g in groups {
        let mut items: Vec<(usize, usize)> = Vec::new();
        let first_end = g[0];
        // A first item with a legal ending is an official name: its edge is
        // found as for any such name (有限 and 公司 stop no scan there).
        let legal = rules
            .entities
            .enterprise
            .legal_suffixes
            .iter()
            .filter(|l| ends_with(chars, first_end, l))
            .map(|l| l.chars().count())
            .max();
        let first_start = match legal {
            Some(n) if first_end > n => {
                let hard = Edge {
                    hard: true,
                    ..Edge::default()
                };
                left_edge_with(chars, first_end - n, 20, rules, hard)
            }
            _ => left_edge(chars, first_end, 16, rules),
        };
        items.push((first_start, first_end));
        for w in g.windows(2) {
            items.push((w[0] + 1, w[1]));
        }
        // The last item runs to a stop word, a terminator or a delimiter.
        let ls = g[g.len() - 1] + 1;
        let mut le = ls;
        while le < chars.len() && is_name_char(chars[le]) && le - ls < 22 {
            // A legal ending belongs to the item (远山科技股份有限公司为龙头).
            if let Some(legal) = rules
                .entities
                .enterprise
                .legal_suffixes
                .iter()
                .filter(|l| starts_with(chars, le, l))
                .max_by_key(|l| l.len())
            {
                le += legal.chars().count();
                continue;
            }
            if le > ls + 1
                && (terminator_at(chars, le) || (rules.stop_word_after(chars, le) && !starts_with(chars, le, "和")))
            {
                break;
            }
            if le > ls + 1 && starts_with(chars, le, "和")
                || starts_with(chars, le, "及")
                || starts_with(chars, le, "与")
            {
                // A final conjunction: A、B和C.
                if le > ls {
                    items.push((ls, le));
                }
                let conj = if starts_with(chars, le, "以及") { 2 } else { 1 };
                let ns = le + conj;
                let mut ne = ns;
                while ne < chars.len() && is_name_char(chars[ne]) && ne - ns < 22 {
                    if ne > ns + 1 && (terminator_at(chars, ne) || rules.stop_word_after(chars, ne)) {
                        break;
                    }
                    ne += 1;
                }
                items.push((ns, ne));
                le = usize::MAX;
                break;
            }
            le += 1;
        }
        if le != usize::MAX {
            items.push((ls, le));
        }
        let mut items: Vec<(usize, usize)> = items.into_iter().filter(|(a, b)| b > a && b - a >= 2).collect();
        if items.len() < 2 {
            continue;
        }
        let tail_start = items.last().map(|x| x.1).unwrap_or(0);
        // The count checked against the list: in `A、B和C等2家企业` the list
        // has one item too many, and the extra one is at the left, where the
        // list's first edge was guessed.
        if let Some(n) = stated_count(chars, tail_start) {
            if n >= 2 && items.len() > n {
                items.drain(..items.len() - n);
            }
        }
        let mut head = list_head(chars, items[0].0, tail_start, rules, gaz);
        // Parks of a zone: 主园区、鲤城园、石狮园.
        let park = |a: usize, b: usize| {
            chars[b - 1] == '园'
                && b - a >= 3
                && gaz
                    .first(&chars[a..b].iter().collect::<String>())
                    .is_some_and(|h| h.start == 0)
        };
        if head.is_none() && items.iter().filter(|&&(a, b)| park(a, b)).count() >= 2 {
            head = Some((Kind::Zone, ""));
        }
        // Items are of one kind: when most of three or more short names
        // end as companies do (理想汽车、中创新航、蜂巢能源入选…), the
        // others are companies too. Industries the taxonomy knows are not.
        if head.is_none() && items.len() >= 3 {
            let item = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
            let short = items
                .iter()
                .all(|&(a, b)| (3..=8).contains(&(b - a)) && chars[a..b].iter().all(|&c| is_cjk(c)));
            let firms = items
                .iter()
                .filter(|&&(a, b)| {
                    let name = item(a, b);
                    rules
                        .entities
                        .enterprise
                        .soft_suffixes
                        .iter()
                        .any(|x| name.ends_with(x.as_str()))
                })
                .count();
            let industry = items
                .iter()
                .any(|&(a, b)| gaz.industry(&strip_industry(&item(a, b), rules)).is_some());
            // (Trades before the word for their firms are no firms' names:
            // 钼钨材料、钛合金及先进耐火材料企业.)
            let trades = ["企业", "类企业", "行业", "产业", "领域"]
                .iter()
                .any(|w| starts_with(chars, tail_start, w));
            if short && !industry && !trades && firms * 2 > items.len() {
                head = Some((Kind::Enterprise, ""));
            }
        }
        let Some((kind, add_suffix)) = head else {
            continue;
        };
        // An industry joined to the first by 及/和/与 (以A及B、C为主导产业)
        // is an item too, when the taxonomy knows it.
        // With a count after the list (A及B、C、D三大主导产业), industries a
        // conjunction joins are one when the count says so (汽车及零部件).
        let count = (kind == Kind::Industry)
            .then(|| count_after(chars, tail_start))
            .flatten();
        if kind == Kind::Industry {
            let first = items[0].0;
            if first >= 3 && matches!(chars[first - 1], '及' | '和' | '与') {
                let start = left_edge(chars, first - 1, 16, rules);
                let joined: String = chars[start..first - 1].iter().collect();
                if first - 1 - start >= 2 && gaz.industry(&strip_industry(&joined, rules)).is_some() {
                    if count == Some(items.len()) {
                        items[0].0 = start;
                    } else {
                        items.insert(0, (start, first - 1));
                    }
                }
            }
            let n = items.len();
            if n >= 3 && count == Some(n - 1) {
                let (a, b) = (items[n - 2], items[n - 1]);
                let between: String = chars[a.1..b.0].iter().collect();
                if ["和", "及", "与", "以及"].contains(&between.as_str()) {
                    items.truncate(n - 2);
                    items.push((a.0, b.1));
                }
            }
        }
        // An industry list must name at least one industry the taxonomy knows.
        if kind == Kind::Industry
            && !items.iter().any(|&(a, b)| {
                gaz.industry(&strip_industry(&chars[a..b].iter().collect::<String>(), rules))
                    .is_some()
            })
        {
            continue;
        }
        // Each item of a list of zones is a place or a zone's own name
        // (济南、东湖等国家高新区), not a count (12家国家级高新区、22家省级高新区).
        if kind == Kind::Zone && items.iter().any(|&(a, b)| chars[a..b].iter().any(char::is_ascii_digit)) {
            continue;
        }
        for (a, b) in items {
            if chars[a..b].iter().any(|&c| c.is_ascii_digit() || c == '“' || c == '”') && kind == Kind::Enterprise {
                continue;
            }
            if kind == Kind::Zone && add_suffix.is_empty() && !park(a, b) {
                continue;
            }
            let park_ending = || {
                let n = b - a;
                rules.entities.list.park_endings.iter().any(|e| ends_with(chars, b, e))
                    && (3..=8).contains(&n)
                    && chars[a..b].iter().all(|&c| is_cjk(c))
            };
            if add_suffix == PARKS && !park_ending() {
                continue;
            }
            let item: String = chars[a..b].iter().collect();
            if kind == Kind::Project
                && rules
                    .entities
                    .project
                    .not_project
                    .iter()
                    .any(|w| item.contains(w.as_str()))
            {
                continue;
            }
            let mut aliases = Vec::new();
            // A park named after its zone (长沙高新区麓谷软件产业园、…): its own
            // name, after the zone's, is another name of it (其中麓谷软件产业园…).
            if kind == Kind::Zone {
                let own = rules
                    .entities
                    .zone
                    .parks_after
                    .iter()
                    .filter_map(|z| item.rfind(z.as_str()).map(|p| &item[p + z.len()..]))
                    .min_by_key(|own| own.len());
                // (Not a park named by its trade alone, 储能产业园: every zone
                // may have one, and it would be labelled so.)
                let by_trade = |own: &str| {
                    let stem = ["产业园区", "产业园", "园区", "园"]
                        .iter()
                        .find_map(|e| own.strip_suffix(e))
                        .unwrap_or(own);
                    gaz.industry(stem).is_some()
                };
                if let Some(own) = own.filter(|own| own.chars().count() >= 3 && !by_trade(own)) {
                    aliases.push(own.to_string());
                }
            }
            let surface: String = chars[a..b].iter().collect();
            let mut name = surface.clone();
            match kind {
                Kind::Industry => {
                    let mut stripped = strip_industry(&name, rules);
                    if gaz.industry(&stripped).is_none() {
                        // 无锡高新区物联网 → 物联网: the longest known industry it ends with.
                        let cs: Vec<char> = stripped.chars().collect();
                        if let Some(k) = (1..cs.len().saturating_sub(1))
                            .find(|&k| gaz.industry(&cs[k..].iter().collect::<String>()).is_some())
                        {
                            let head: String = cs[..k].iter().collect();
                            if gaz.first(&head).is_some_and(|h| h.start == 0)
                                || head.ends_with("高新区")
                                || head.ends_with('区')
                            {
                                stripped = cs[k..].iter().collect();
                            }
                        }
                    }
                    if stripped.chars().count() < 2 || stripped.chars().count() > 10 {
                        continue;
                    }
                    if stripped != name {
                        aliases.push(name.clone());
                    }
                    name = stripped;
                }
                Kind::Zone
                    if !add_suffix.is_empty()
                        && add_suffix != PARKS
                        && !rules.entities.zone.suffixes.iter().any(|s| name.ends_with(s.as_str())) =>
                {
                    aliases.push(name.clone());
                    name = format!("{name}{add_suffix}");
                }
                _ => {}
            }
            if generic(&name, rules) {
                continue;
            }
            let canonical = if kind == Kind::Industry {
                gaz.industry(&name).filter(|p| *p != name).map(str::to_string)
            } else {
                None
            };
            out.push(Cand {
                start: a,
                end: b,
                kind,
                via: Via::List,
                name,
                canonical,
                entry: None,
                aliases,
                score: 5,
            });
        }
    }
}

impl Rules {
    /// Whether a stop word starts at `at`.
    fn stop_word_after(&self, chars: &[char], at: usize) -> bool {
        // The stop-word set by the characters at `at`, not every word tried in turn.
        self.long_stop_word_at(chars, at)
            || matches!(
                chars.get(at),
                Some('等' | '为' | '的' | '在' | '已' | '均' | '都' | '分')
            )
    }
}

/// Words that end an enumeration's last item.
fn terminator_at(chars: &[char], at: usize) -> bool {
    let c = chars[at];
    if c.is_ascii_digit() {
        return true;
    }
    if "两三四五六七八九十".contains(c) && chars.get(at + 1).is_some_and(|n| "大个家所项座条".contains(*n))
    {
        return true;
    }
    if ["产业园", "产业平台", "产业基地", "产业项目", "产业示范"]
        .iter()
        .any(|w| starts_with(chars, at, w))
    {
        return false;
    }
    [
        "产业",
        "等",
        "为龙头",
        "为领军",
        "为头雁",
        "为链主",
        "行业",
        "领域",
        "集群",
    ]
    .iter()
    .any(|w| starts_with(chars, at, w))
}

/// The exact count an enumeration states right after its last item
/// (`等3家`, `等三个`, `共5家`); none for approximate counts (`等200多家`).
fn stated_count(chars: &[char], tail: usize) -> Option<usize> {
    let after: String = chars[tail..chars.len().min(tail + 12)].iter().collect();
    let after = after
        .strip_prefix('等')
        .or_else(|| after.strip_prefix("共"))
        .or_else(|| after.strip_prefix("这"))?;
    let digits: String = after
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(*c))
        .collect();
    if digits.is_empty() {
        return None;
    }
    let rest = &after[digits.len()..];
    if !rest.starts_with(['家', '个', '项', '所', '大', '批', '座', '条']) {
        return None;
    }
    let n = if digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse().ok()?
    } else {
        super::numbers::parse_chinese(&digits.replace('两', "二"))?
    };
    usize::try_from(n).ok()
}

fn starts_with_any(text: &str, words: &[String]) -> bool {
    words.iter().any(|w| text.starts_with(w.as_str()))
}

/// The head `list_head` gives a list of a zone's parks, whose items keep
/// their names (a marker, not a suffix to add).
const PARKS: &str = "(parks)";

/// What an enumeration is, from the words after it (and a few before).
fn list_head(
    chars: &[char],
    start: usize,
    tail: usize,
    rules: &Rules,
    gaz: &Gazetteer,
) -> Option<(Kind, &'static str)> {
    let after: String = chars[tail..chars.len().min(tail + 16)].iter().collect();
    let _ = (start, gaz);
    let has_deng = after.starts_with('等');
    let after = after.trim_start_matches('等');
    let after = match rules
        .entities
        .list
        .scope_words
        .iter()
        .find_map(|w| after.strip_prefix(w.as_str()))
    {
        Some(rest) if has_deng => rest,
        _ => after,
    };
    // 以A、B为三大主导产业: 为 introduces what the list is.
    let leaders = &rules.entities.enterprise.chain_leader_words;
    let leader_after_wei = after
        .strip_prefix('为')
        .is_some_and(|r| leaders.iter().any(|w| r.starts_with(w.as_str())));
    let after = after
        .strip_prefix("作为")
        .or_else(|| after.strip_prefix('为').filter(|_| !leader_after_wei))
        .unwrap_or(after);
    let after_digits =
        after.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十两多余".contains(c));
    let counted = after_digits.len() < after.len();
    let a = if counted {
        after_digits.trim_start_matches(['家', '个', '大', '项', '所', '批', '条'])
    } else {
        after_digits
    };
    if starts_with_any(a, &rules.entities.list.city_zone_heads) {
        return Some((Kind::Zone, "高新区"));
    }
    if leader_after_wei {
        return Some((Kind::Enterprise, ""));
    }
    let heads = &rules.entities.list;
    let starts = |list: &[String], text: &str| list.iter().any(|w| text.starts_with(w.as_str()));
    // 科大讯飞、华米科技等人工智能企业: an industry may stand before the head,
    // and the word for an industry after it (等光电子信息产业链龙头企业).
    let industry_len = (2..=8)
        .rev()
        .filter_map(|n| a.char_indices().nth(n).map(|(b, _)| b))
        .find(|&b| gaz.industry(&a[..b]).is_some());
    let after_industry = |b: usize| {
        let rest = &a[b..];
        rules
            .entities
            .industry
            .label_suffixes
            .iter()
            .find_map(|w| rest.strip_prefix(w.as_str()))
            .unwrap_or(rest)
    };
    let a = match industry_len {
        Some(b) if starts(&heads.enterprise_heads, after_industry(b)) => after_industry(b),
        _ => a,
    };
    if (has_deng || counted) && starts(&heads.enterprise_heads, a)
        || a.starts_with("一批") && after.contains("企业")
        || has_deng && a.starts_with("享誉") && after.contains("品牌")
    {
        return Some((Kind::Enterprise, ""));
    }
    if starts(&heads.project_heads, a) {
        return Some((Kind::Project, ""));
    }
    if (has_deng || counted) && starts(&heads.park_heads, a) {
        return Some((Kind::Zone, PARKS));
    }
    if (starts(&heads.industry_heads, a) || after.starts_with("产业"))
        && !(starts(&heads.not_industry_heads, a) || starts(&heads.not_industry_heads, after))
    {
        return Some((Kind::Industry, ""));
    }
    if has_deng && starts(&heads.institute_heads, a) {
        return Some((Kind::Institute, ""));
    }
    None
}

/// Where the name of the chain headed at `i` starts when two industries
/// joined by 及 or 与 name it (汽车及零部件产业链, 新材料及应用产业链: one
/// chain, one industry): before the first, else `start`.
fn joined_chain_start(chars: &[char], i: usize, head_len: usize, mn: usize, start: usize, rules: &Rules) -> usize {
    let chain = mn == 0 && head_len == 2 && chars.get(i + 2) == Some(&'链');
    if !chain || start < 3 || !matches!(chars[start - 1], '及' | '与') {
        return start;
    }
    let first = left_edge(chars, start - 1, 6, rules);
    if first + 2 < start && chars[first..start - 1].iter().all(|&c| is_cjk(c)) {
        first
    } else {
        start
    }
}

/// An industry name without 产业 / 产业链 / 行业 (the name as the text uses it otherwise).
fn strip_industry(name: &str, rules: &Rules) -> String {
    let mut n = name.to_string();
    for s in &rules.entities.industry.label_suffixes {
        if let Some(x) = n.strip_suffix(s.as_str()) {
            if x.chars().count() >= 2 {
                n = x.to_string();
                break;
            }
        }
    }
    n
}

/// An industry found by context whose label the taxonomy knows (`pref`
/// its preferred label, the canonical name when it differs).
fn taxonomy_industry(start: usize, end: usize, name: String, pref: String) -> Cand {
    Cand {
        start,
        end,
        kind: Kind::Industry,
        via: Via::Context,
        canonical: (pref != name).then_some(pref),
        name,
        entry: None,
        aliases: Vec::new(),
        score: 4,
    }
}

/// The longest taxonomy label ending at `end`: its start, the label and
/// the taxonomy's preferred label.
fn industry_ending_at(chars: &[char], end: usize, gaz: &Gazetteer) -> Option<(usize, String, String)> {
    (2..=8.min(end)).rev().find_map(|len| {
        let label: String = chars[end - len..end].iter().collect();
        let pref = gaz.industry(&label)?.to_string();
        Some((end - len, label, pref))
    })
}

/// An item's heading that is an industry the taxonomy knows and nothing else
/// but its numbering (2.智能装备。, (三)生物医药:, 四、新材料): the sections
/// of a zone's profile are its industries, whatever follows.
fn numbered_heading_industry(chars: &[char], gaz: &Gazetteer, out: &mut Vec<Cand>) {
    let numeral = |c: char| {
        c.is_ascii_digit() || matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
    };
    let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
    let digits = chars[lead..].iter().take_while(|&&c| numeral(c)).count();
    let start = match chars.get(lead) {
        Some('(') => {
            let inner = chars[lead + 1..].iter().take_while(|&&c| numeral(c)).count();
            (inner > 0 && chars.get(lead + 1 + inner) == Some(&')')).then_some(lead + inner + 2)
        }
        _ if digits > 0 && matches!(chars.get(lead + digits), Some('.' | '、' | ')')) => Some(lead + digits + 1),
        _ => None,
    };
    let Some(start) = start else {
        return;
    };
    let end = chars.len()
        - chars
            .iter()
            .rev()
            .take_while(|&&c| matches!(c, '。' | ':' | '.' | ';') || c.is_whitespace())
            .count();
    if end <= start + 1 || end - start > 10 {
        return;
    }
    let label: String = chars[start..end].iter().collect();
    if let Some(pref) = gaz.industry(&label) {
        out.push(taxonomy_industry(start, end, label, pref.to_string()));
    }
}

/// Industries named as such: a taxonomy label right before 产业 / 产业链 /
/// 行业 / 集群 (skipping 首位 / 主导 / 支柱 … in between), or before a chain
/// role (电子信息的头雁).
fn industry_candidates(chars: &[char], rules: &Rules, gaz: &Gazetteer, out: &mut Vec<Cand>) {
    let modifiers = rules.entities.industry.modifiers.iter().map(String::as_str).chain([""]);
    for i in 0..chars.len() {
        if chars[i] == '的'
            && rules
                .entities
                .industry
                .role_heads
                .iter()
                .any(|h| starts_with(chars, i, h))
        {
            if let Some((start, name, pref)) = industry_ending_at(chars, i, gaz) {
                out.push(taxonomy_industry(start, i, name, pref));
            }
            continue;
        }
        // 产业, 行业, and 链 for a chain named without 产业 (量子信息链上).
        let is_head = matches!(chars[i], '产' | '行') && chars.get(i + 1) == Some(&'业')
            || chars[i] == '链' && !ends_with(chars, i, "产业");
        let head_len = if chars[i] == '链' { 1 } else { 2 };
        if !is_head {
            continue;
        }
        for m in modifiers.clone() {
            let mn = m.chars().count();
            if mn > i || !ends_with(chars, i, m) {
                continue;
            }
            let end = i - mn;
            let found = industry_ending_at(chars, end, gaz);
            let not_a_chain = |(_, label, _): &(usize, String, String)| {
                head_len == 1 && rules.entities.industry.not_chains.contains(label)
            };
            if let Some((start, label, pref)) = found.filter(|f| !not_a_chain(f)) {
                // 纺织新材料产业: the qualified industry is its own, narrower one.
                let qualified =
                    joined_chain_start(chars, i, head_len, mn, qualifier_start(chars, start, rules, gaz), rules);
                let (start, label, canonical) = if qualified < start {
                    (qualified, chars[qualified..end].iter().collect(), None)
                } else {
                    (start, label.clone(), (pref != label).then_some(pref))
                };
                // With 产业 attached when no modifier separates them: both forms are names.
                let mut aliases = Vec::new();
                let with_head_end = if mn == 0 { i + head_len } else { end };
                if mn == 0 {
                    aliases.push(chars[start..with_head_end].iter().collect());
                }
                out.push(Cand {
                    start,
                    end,
                    kind: Kind::Industry,
                    via: Via::Context,
                    name: label,
                    canonical,
                    entry: None,
                    aliases,
                    score: 4,
                });
                break;
            }
            // X产业链链主, X产业链的龙头: a chain's leader names X as an
            // industry, known to the taxonomy or not (电子电路产业链链主).
            if mn == 0 && head_len == 2 && chars.get(i + 2) == Some(&'链') {
                let after = i + 3 + usize::from(chars.get(i + 3) == Some(&'的'));
                let industry_rules = &rules.entities.industry;
                // (… or the clause goes on to name its leader: X产业链由A担任链主,
                // X产业链:A、B入选链主企业.)
                let clause_end = chars[after.min(chars.len())..]
                    .iter()
                    .position(|c| matches!(c, '。' | ';' | '!' | '?'))
                    .map_or(chars.len(), |p| after + p);
                let leader_in_clause = || {
                    industry_rules
                        .chain_leader_openers
                        .iter()
                        .any(|w| starts_with(chars, after, w))
                        && {
                            let rest: String = chars[after..clause_end].iter().collect();
                            industry_rules
                                .chain_leader_verbs
                                .iter()
                                .any(|w| rest.contains(w.as_str()))
                        }
                };
                let leads = rules
                    .entities
                    .enterprise
                    .chain_leader_words
                    .iter()
                    .any(|w| starts_with(chars, after, w))
                    || leader_in_clause();
                if !leads {
                    continue;
                }
                let start = joined_chain_start(chars, i, head_len, mn, left_edge(chars, end, 8, rules), rules);
                // A zone or place before the chain is where it is, not what
                // (苏州高新区光子产业链的龙头: 光子).
                let start = (start + 1..end.saturating_sub(1))
                    .rev()
                    .find(|&k| names_place_or_zone(&chars[start..k], gaz))
                    .unwrap_or(start);
                let name: String = chars[start..end].iter().collect();
                let generic_start = rules
                    .entities
                    .industry
                    .chain_reference_openers
                    .iter()
                    .any(|w| name.starts_with(w.as_str()));
                if end >= start + 2 && name.chars().all(is_cjk) && !generic_start {
                    out.push(Cand {
                        start,
                        end,
                        kind: Kind::Industry,
                        via: Via::Context,
                        name,
                        canonical: None,
                        entry: None,
                        aliases: Vec::new(),
                        score: 3,
                    });
                    break;
                }
            }
        }
    }
}

/// Whether the reference lists know `words` as a place's or a zone's name.
fn names_place_or_zone(words: &[char], gaz: &Gazetteer) -> bool {
    let words: String = words.iter().collect();
    gaz.lookup(&words)
        .iter()
        .any(|&e| matches!(gaz.entries[e].kind, Kind::Place | Kind::Zone))
}

/// Where the words qualifying the known industry that starts at `start`
/// begin (纺织新材料: the start of 纺织), or `start` when nothing bounds them
/// within `qualifier_max` characters (see `[industry]` of entities.toml).
fn qualifier_start(chars: &[char], start: usize, rules: &Rules, gaz: &Gazetteer) -> usize {
    let ind = &rules.entities.industry;
    // A place or zone before the industry is where it is, not what kind
    // (南湖柔性电子产业): its name is no qualifier.
    let names_a_place = |from: usize| (from + 1..=start).any(|to| names_place_or_zone(&chars[from..to], gaz));
    let bounded = |k: usize| {
        k == 0
            || !is_cjk(chars[k - 1])
            || ind.qualifier_stop_chars.contains(chars[k - 1])
            || rules.stop_word_before(chars, k, false).is_some()
            || ind.qualifier_stops.iter().any(|w| ends_with(chars, k, w))
    };
    for k in (start.saturating_sub(ind.qualifier_max)..=start).rev() {
        if bounded(k) {
            return if k < start && names_a_place(k) { start } else { k };
        }
        if "一二两三四五六七八九十百千万亿".contains(chars[k - 1]) {
            break;
        }
    }
    start
}

/// The leading-industry cues written in Chinese in `chars` (主导产业 …): where
/// each starts, and the cue. Callers ask only of sentences that hold one.
fn industry_cues_in<'r>(chars: &[char], rules: &'r Rules) -> Vec<(usize, &'r String)> {
    let lead = &rules.relations.leading_industry;
    (0..chars.len())
        .flat_map(|i| {
            lead.cues
                .iter()
                .filter(move |c| !c.is_ascii() && starts_with(chars, i, c))
                .map(move |c| (i, c))
        })
        .collect()
}

/// Where a leading-industry cue is followed by one of its `list_after_cue`
/// words (主导产业为, 重点产业包括), or is one the list follows right away
/// (重点发展): the position where the list starts.
fn list_after_industry_cue(chars: &[char], cues: &[(usize, &String)], rules: &Rules) -> Vec<usize> {
    let lead = &rules.relations.leading_industry;
    let mut starts = Vec::new();
    for &(i, cue) in cues {
        let after = i + cue.chars().count();
        if lead.list_cues.contains(cue) {
            starts.push(after);
        } else if let Some(w) = lead.list_after_cue.iter().find(|w| starts_with(chars, after, w)) {
            starts.push(after + w.chars().count());
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// Industries listed after a leading-industry cue (主导产业为A、B和C,
/// 重点产业包括A和B): each item of the enumeration, when the taxonomy knows
/// at least one of them and every item is a plain name (no 以, 的 …: the
/// words after the cue are then a sentence, not a list).
fn industries_after_cue(
    chars: &[char],
    cues: &[(usize, &String)],
    rules: &Rules,
    gaz: &Gazetteer,
    out: &mut Vec<Cand>,
) {
    for start in list_after_industry_cue(chars, cues, rules) {
        let mut end = start;
        while end < chars.len() && (is_cjk(chars[end]) || chars[end] == '、') && chars[end] != '等' {
            end += 1;
        }
        // 重点发展A、B和C三大产业: the count and 产业 close the list.
        let count = count_before(chars, before_head(chars, start, end)).map(|(c, _)| c);
        let end = before_counted_tail(chars, start, end);
        industry_list(chars, start, end, count, rules, gaz, true, out);
    }
}

/// As many industries of the taxonomy as a count before a cue says, joined
/// by 、, 和, 及 or 与 right before it (聚焦生物医药和新材料两大主导产业): the
/// count closes the list, and each item is the longest industry the
/// taxonomy knows ending where the next joiner starts.
fn industries_counted_before_cue(chars: &[char], cues: &[(usize, &String)], gaz: &Gazetteer, out: &mut Vec<Cand>) {
    for &(cue, _) in cues {
        let Some((count, count_len)) = count_before(chars, cue) else {
            continue;
        };
        if !(2..=6).contains(&count) {
            continue;
        }
        let mut end = cue - count_len;
        let mut items = Vec::new();
        while items.len() < count {
            let Some((start, name, pref)) = industry_ending_at(chars, end, gaz) else {
                break;
            };
            items.push((start, end, name, pref));
            if items.len() == count {
                break;
            }
            let joiner = ['、', '和', '及', '与'];
            if start == 0 || !joiner.contains(&chars[start - 1]) {
                break;
            }
            end = start - 1;
        }
        if items.len() != count {
            continue;
        }
        out.extend(
            items
                .into_iter()
                .map(|(start, end, name, pref)| taxonomy_industry(start, end, name, pref)),
        );
    }
}

/// Industries framed right before a leading-industry cue (以A为主导产业,
/// 把A、B作为首位产业; the frames are `frames_before_cue` in relations.toml):
/// one industry or a list of them, known to the taxonomy or not.
fn industries_framed_before_cue(
    chars: &[char],
    cues: &[(usize, &String)],
    rules: &Rules,
    gaz: &Gazetteer,
    out: &mut Vec<Cand>,
) {
    let lead = &rules.relations.leading_industry;
    let mut starts: Vec<usize> = cues.iter().map(|&(i, _)| i).collect();
    starts.dedup();
    for i in starts {
        // 将A、B确定为三大主导产业: the count between the frame and the cue,
        // and a word for the zone before it (列为合作区四大主导产业, 作为园区的…).
        let framed_end = i - count_before(chars, i).map_or(0, |(_, n)| n);
        let framed_end = framed_end - usize::from(framed_end > 0 && chars[framed_end - 1] == '的');
        let framed_end = rules
            .entities
            .zone
            .coreference
            .iter()
            .find(|w| ends_with(chars, framed_end, w))
            .map_or(framed_end, |w| framed_end - w.chars().count());
        for (open, close) in &lead.frames_before_cue {
            if !ends_with(chars, framed_end, close) {
                continue;
            }
            let list_end = framed_end - close.chars().count();
            let opened = (list_end.saturating_sub(30)..list_end)
                .rev()
                .take_while(|&k| !matches!(chars[k], ',' | '。' | ';' | ':' | '!' | '?'))
                .find(|&k| starts_with(chars, k, open));
            if let Some(k) = opened {
                let list_end = before_counted_tail(chars, k + open.chars().count(), list_end);
                let count = count_before(chars, i).map(|(c, _)| c);
                industry_list(chars, k + open.chars().count(), list_end, count, rules, gaz, false, out);
                break;
            }
        }
        let mut clause_start = (0..i)
            .rev()
            .find(|&k| matches!(chars[k], ',' | '。' | ';' | ':' | '!' | '?'))
            .map_or(0, |k| k + 1);
        // 其中A是…, 目前A是…: the clause's opening word is not an industry's.
        while let Some(w) = rules
            .entities
            .boundary
            .stop_words
            .iter()
            .find(|w| w.chars().count() >= 2 && starts_with(chars, clause_start, w))
        {
            clause_start += w.chars().count();
        }
        // …是园区的两大主导产业: the count before the cue.
        let counted = i >= 2 && chars[i - 1] == '大' && "两二三四五六七八九十几".contains(chars[i - 2]);
        let close_end = if counted { i - 2 } else { i };
        for (copula, close) in &lead.copula_frames {
            if !ends_with(chars, close_end, close) {
                continue;
            }
            let copula_at = (clause_start.max(i.saturating_sub(lead.copula_frame_gap))..i).find(|&k| {
                starts_with(chars, k, copula)
                    && !(k > 0 && lead.copula_not_after.iter().any(|v| ends_with(chars, k, v)))
            });
            if let Some(k) = copula_at.filter(|&k| k > clause_start) {
                industry_list(
                    chars,
                    clause_start,
                    before_counted_tail(chars, clause_start, k),
                    counted.then(|| count_before(chars, i).map(|(c, _)| c)).flatten(),
                    rules,
                    gaz,
                    false,
                    out,
                );
                break;
            }
        }
    }
}

/// The count right after a list's last item at `at` (三大主导产业, 等5个产业).
fn count_after(chars: &[char], at: usize) -> Option<usize> {
    let at = if chars.get(at) == Some(&'等') { at + 1 } else { at };
    let k = (at..chars.len())
        .find(|&k| !(chars[k].is_ascii_digit() || "两二三四五六七八九十".contains(chars[k])))
        .unwrap_or(chars.len());
    (k > at && chars.get(k).is_some_and(|c| "大个条项".contains(*c)))
        .then(|| count_before(chars, k + 1))
        .flatten()
        .map(|(n, _)| n)
}

/// Where the numerals of a count that ends right before `at` with a measure
/// word start (三大, 3个, 几条), not before `lo`.
fn count_start(chars: &[char], lo: usize, at: usize) -> Option<usize> {
    if at < lo + 2 || !"大个条项".contains(chars[at - 1]) {
        return None;
    }
    let mut k = at - 1;
    while k > lo && (chars[k - 1].is_ascii_digit() || "两二三四五六七八九十几".contains(chars[k - 1])) {
        k -= 1;
    }
    (k < at - 1).then_some(k)
}

/// The count right before `at` (三大|主导产业, 3个|重点产业, 五条|产业链): its
/// value and length in characters (none for a vague count: 几大).
fn count_before(chars: &[char], at: usize) -> Option<(usize, usize)> {
    let k = count_start(chars, 0, at)?;
    let digits: String = chars[k..at - 1].iter().collect();
    let n = if digits.chars().all(|c| c.is_ascii_digit()) {
        digits.parse().ok()?
    } else {
        usize::try_from(super::numbers::parse_chinese(&digits.replace('两', "二"))?).ok()?
    };
    Some((n, at - k))
}

/// Where an industry head (产业, 主导产业 … of `[list] industry_heads`, or
/// 领域) starts at the end of `chars[start..end]`, or `end`: a count
/// stands before it.
fn before_head(chars: &[char], start: usize, end: usize) -> usize {
    // (The longest head: 三大主导产业 ends at 三大, not at 主导.)
    Rules::get()
        .entities
        .list
        .industry_heads
        .iter()
        .map(String::as_str)
        .chain(["领域"])
        .filter(|h| end >= start + h.chars().count() && ends_with(chars, end, h))
        .map(|h| h.chars().count())
        .max()
        .map_or(end, |n| end - n)
}

/// Where a list in `chars[start..end]` ends before the words that count or
/// close it: 等, 两大, 3大, then 产业 / 行业 / 领域 (以A、B两大产业为主导产业).
fn before_counted_tail(chars: &[char], start: usize, end: usize) -> usize {
    let mut e = before_head(chars, start, end);
    if e > start + 1 && chars[e - 1] == '大' {
        if let Some(k) = count_start(chars, start, e) {
            e = k;
        }
    }
    if e > start && chars[e - 1] == '等' {
        e -= 1;
    }
    if e > start {
        e
    } else {
        end
    }
}

/// The items of an enumeration of industries in `chars[start..end]` (A、B和C):
/// each a candidate when every item is a plain name (two to ten characters,
/// none of 以, 的 …: else the words are a sentence, not a list), there are six
/// at most, and, if `known_needed`, the taxonomy knows one of them.
#[allow(clippy::too_many_arguments)]
fn industry_list(
    chars: &[char],
    start: usize,
    end: usize,
    count: Option<usize>,
    rules: &Rules,
    gaz: &Gazetteer,
    known_needed: bool,
    out: &mut Vec<Cand>,
) {
    let mut items: Vec<(usize, usize)> = Vec::new();
    // Whether each item after the first follows a conjunction (A及B), not 、.
    let mut joined: Vec<bool> = Vec::new();
    let mut item_start = start;
    let mut i = start;
    while i <= end {
        let conj = if i == end || chars[i] == '、' {
            Some(usize::from(i < end))
        } else if starts_with(chars, i, "以及") {
            Some(2)
        } else if matches!(chars[i], '和' | '及' | '与') {
            Some(1)
        } else {
            None
        };
        match conj {
            Some(n) => {
                items.push((item_start, i));
                joined.push(i < end && chars[i] != '、');
                item_start = i + n;
                i += n.max(1);
            }
            None => i += 1,
        }
    }
    // 软件和信息服务: items a conjunction joins that the taxonomy knows
    // together are one industry.
    let mut k = 1;
    while k < items.len() {
        let whole: String = chars[items[k - 1].0..items[k].1].iter().collect();
        if joined[k - 1] && gaz.industry(&strip_industry(&whole, rules)).is_some() {
            items[k - 1].1 = items[k].1;
            items.remove(k);
            joined.remove(k - 1);
        } else {
            k += 1;
        }
    }
    // 汽车及零部件、生物医药和光电信息三大产业: when the count says so, the
    // items a conjunction joins are one industry.
    if let Some(n) = count {
        let conjunctions = joined[..joined.len().saturating_sub(1)].iter().filter(|&&j| j).count();
        if n >= 2 && items.len() > n && items.len() - conjunctions == n {
            let mut merged: Vec<(usize, usize)> = Vec::new();
            for (k, &item) in items.iter().enumerate() {
                match merged.last_mut() {
                    Some(last) if k > 0 && joined[k - 1] => last.1 = item.1,
                    _ => merged.push(item),
                }
            }
            items = merged;
        }
    }
    let named: Vec<(usize, usize, String)> = items
        .into_iter()
        .map(|(a, b)| (a, b, strip_industry(&chars[a..b].iter().collect::<String>(), rules)))
        .collect();
    let plain = |n: &str| {
        (2..=10).contains(&n.chars().count())
            && n.chars().all(is_cjk)
            && !n.contains(['以', '的', '为', '在', '是', '将', '从'])
            && !generic(n, rules)
    };
    // An item the taxonomy knows, or one of a kind it knows (磷基新材料 is
    // 新材料 of one kind).
    let known = |n: &str| {
        gaz.industry(n).is_some()
            || n.char_indices()
                .skip(1)
                .any(|(p, _)| n[p..].chars().count() >= 3 && gaz.industry(&n[p..]).is_some())
    };
    if named.len() > 6
        || !named.iter().all(|(_, _, n)| plain(n))
        || known_needed && !named.iter().any(|(_, _, n)| known(n))
    {
        return;
    }
    for (a, b, name) in named {
        let surface: String = chars[a..b].iter().collect();
        out.push(Cand {
            start: a,
            end: b,
            kind: Kind::Industry,
            via: Via::List,
            canonical: gaz.industry(&name).filter(|p| *p != name).map(str::to_string),
            aliases: if surface != name { vec![surface] } else { Vec::new() },
            name,
            entry: None,
            score: 5,
        });
    }
}

/// Villages, towns and streets: two or three characters of name before 村 /
/// 镇 / 街道 / 乡, at a clause edge or after a place or zone (由桥村,
/// 白马街道, 泾河村, 位于咸安区横沟桥镇).
fn village_candidates(chars: &[char], rules: &Rules, out: &mut Vec<Cand>) {
    let village = &rules.entities.village;
    // Most characters begin no ending: they are passed over with one look.
    let firsts: Vec<char> = village.endings.iter().filter_map(|e| e.chars().next()).collect();
    for i in 2..chars.len() {
        if !firsts.contains(&chars[i]) {
            continue;
        }
        for e in &village.endings {
            if !starts_with(chars, i, e) {
                continue;
            }
            // Two characters of name, else three (横沟桥镇), at a clause edge.
            let name_start = [2, 3].into_iter().filter(|&n| n <= i).map(|n| i - n).find(|&start| {
                let prefix: String = chars[start..i].iter().collect();
                // A verb is not a name either (结合街道实际), nor a phrase
                // (全市各乡镇, 漫步在村).
                let plain = chars[start..i].iter().all(|&c| {
                    is_cjk(c)
                        && !village.not_name_chars.contains(c)
                        && !village.after_words.iter().any(|w| w.starts_with(c))
                }) && !village.not_names.contains(&prefix)
                    && !rules.is_stop_word(&chars[start..i]);
                let edge = start == 0
                    || is_delim(chars[start - 1])
                    || village.after_words.iter().any(|w| ends_with(chars, start, w));
                plain && edge
            });
            let Some(name_start) = name_start else { continue };
            let end = i + e.chars().count();
            out.push(Cand {
                start: name_start,
                end,
                kind: Kind::Place,
                via: Via::Suffix,
                name: chars[name_start..end].iter().collect(),
                canonical: None,
                entry: None,
                aliases: Vec::new(),
                score: 2,
            });
        }
    }
}

/// Non-overlapping candidates: the longest first, then the higher score.
/// A project named after an organisation starts where that name starts,
/// even when the project's own scan stopped inside it at a stop word
/// (A材料技术与工程研究所科技成果转化基地项目 stopped at 与): the project
/// candidate is extended over the organisation's, so that the longer name wins.
/// Companies named by the stock code after them (上市的新易盛(300502),
/// 极米科技(688696.SH), 康诺亚(2162.HK), A(股票代码:300750)): only a listed
/// company is followed so.
fn stock_code_candidates(chars: &[char], rules: &Rules, out: &mut Vec<Cand>) {
    for at in (1..chars.len()).filter(|&i| chars[i] == '(') {
        if stock_code_len(chars, at, &rules.entities.enterprise).is_none() {
            continue;
        }
        let b = left_edge_with(chars, at, 10, rules, Edge::default());
        let name: String = chars[b..at].iter().collect();
        let len = at - b;
        if !(2..=10).contains(&len) || !chars[b..at].iter().any(|&c| is_cjk(c)) || generic(&name, rules) {
            continue;
        }
        out.push(Cand {
            start: b,
            end: at,
            kind: Kind::Enterprise,
            via: Via::Suffix,
            name,
            canonical: None,
            entry: None,
            aliases: Vec::new(),
            score: 3,
        });
    }
}

/// The length of a stock code in brackets at `at` ((300502), (2162.HK),
/// (股票代码:688696), (SZ300502)), or `None`.
fn stock_code_len(chars: &[char], at: usize, rules: &super::rules::EnterpriseRules) -> Option<usize> {
    let mut i = at + 1;
    let starts = |i: usize, w: &str| starts_with(chars, i, w);
    if let Some(label) = rules.stock_code_labels.iter().find(|l| starts(i, l)) {
        i += label.chars().count();
        if chars.get(i) == Some(&':') {
            i += 1;
        }
    }
    let mark = |i: usize| {
        rules
            .stock_exchange_marks
            .iter()
            .find(|m| starts(i, m))
            .map(|m| m.chars().count())
    };
    let marked_before = mark(i);
    i += marked_before.unwrap_or(0);
    let digits = chars[i.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if !(4..=6).contains(&digits) {
        return None;
    }
    i += digits;
    let marked_after = if chars.get(i) == Some(&'.') {
        i += 1 + mark(i + 1)?;
        true
    } else {
        false
    };
    // (A year in brackets, 去(2023)年, is no code: a short code has its exchange's mark.)
    if digits < 6 && marked_before.is_none() && !marked_after {
        return None;
    }
    (chars.get(i) == Some(&')')).then_some(i + 1 - at)
}

fn projects_named_after_organisations(chars: &[char], cands: &mut [Cand]) {
    let organisations: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| matches!(c.kind, Kind::Institute | Kind::Enterprise))
        .map(|c| (c.start, c.end))
        .collect();
    for c in cands.iter_mut().filter(|c| c.kind == Kind::Project) {
        if let Some(&(start, _)) = organisations
            .iter()
            .filter(|&&(s, e)| s < c.start && c.start < e && e < c.end)
            .min_by_key(|&&(s, _)| s)
        {
            c.start = start;
            c.name = chars[start..c.end].iter().collect();
        }
    }
}

/// The company or institute a project's name opens with (A科技有限公司二期
///项目) is named too: its mention lies inside the project's, the one place
/// where mentions overlap.
fn add_organisations_opening_projects(organisations: Vec<Cand>, chosen: &mut Vec<Cand>) {
    let mut inner = Vec::new();
    for p in chosen.iter().filter(|c| c.kind == Kind::Project) {
        let opening = organisations
            .iter()
            .filter(|o| o.start == p.start && o.end < p.end)
            .max_by_key(|o| o.end);
        if let Some(o) = opening {
            inner.push(o.clone());
        }
    }
    if inner.is_empty() {
        return;
    }
    chosen.extend(inner);
    chosen.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
}

fn select(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        let la = (a.end - a.start) as i32 * 10 + a.score * 4;
        let lb = (b.end - b.start) as i32 * 10 + b.score * 4;
        lb.cmp(&la).then(a.start.cmp(&b.start))
    });
    let mut taken: Vec<Cand> = Vec::new();
    for c in cands {
        if c.end <= c.start {
            continue;
        }
        if taken.iter().any(|t| c.start < t.end && t.start < c.end) {
            continue;
        }
        taken.push(c);
    }
    taken.sort_by_key(|c| c.start);
    taken
}

/// Titles and their issuers: 国务院《关于…》 gives the title the alias
/// 国务院关于…; 《国务院关于…》 names its issuer inside, which becomes a
/// mention of its own (for the issued-by relation).
fn link_title_issuers(gaz: &Gazetteer, sentence: usize, mentions: &mut Vec<Mention>, first: usize) {
    let mut extra = Vec::new();
    for i in first..mentions.len() {
        if mentions[i].via != Via::Title {
            continue;
        }
        let title_start = mentions[i].start + '《'.len_utf8();
        if i > first && mentions[i - 1].kind == Kind::Agency && mentions[i - 1].end == mentions[i].start {
            let full = format!("{}{}", mentions[i - 1].name, mentions[i].name);
            mentions[i].aliases.push(full);
            continue;
        }
        let name = mentions[i].name.clone();
        let Some(hit) = gaz.first(&name).filter(|h| h.start == 0) else {
            continue;
        };
        let agency = hit.entries.iter().find(|&&e| gaz.entries[e].kind == Kind::Agency);
        // The issuer: an agency of the reference data (国务院关于…), or a
        // place's body named by an agency ending (河南省人民政府关于…).
        let (end, entry) = match agency {
            Some(&e) if name[hit.end..].starts_with("关于") => (hit.end, Some(e)),
            None if hit.entries.iter().any(|&e| gaz.entries[e].kind == Kind::Place) => {
                let Some(end) = name.find("关于") else { continue };
                let agency_suffixes = &Rules::get().entities.agency.suffixes;
                if end > 60 || !agency_suffixes.iter().any(|x| name[..end].ends_with(x.as_str())) {
                    continue;
                }
                (end, None)
            }
            _ => continue,
        };
        mentions[i].aliases.push(name[end..].to_string());
        extra.push(Mention {
            kind: Kind::Agency,
            name: name[..end].to_string(),
            start: title_start,
            end: title_start + end,
            sentence,
            via: if entry.is_some() { Via::Gazetteer } else { Via::Suffix },
            canonical: entry
                .map(|e| gaz.entries[e].canonical.clone())
                .filter(|c| c != &name[..end]),
            entry,
            aliases: Vec::new(),
            english: None,
        });
    }
    mentions.extend(extra);
}

/// `A(B)` where A and B are mentions of the same kind: B is another name of A.
/// `A(简称B)` likewise, and a byname: A被誉为“B”, A素有“B”之称.
fn link_aliases(text: &str, mentions: &mut [Mention], rules: &Rules) {
    for i in 0..mentions.len() {
        for j in i + 1..mentions.len().min(i + 3) {
            // A company inside its project's name is no gloss of it.
            if mentions[j].start < mentions[i].end {
                continue;
            }
            let between = &text[mentions[i].end..mentions[j].start];
            let closes = text[mentions[j].end..].starts_with(')');
            // (简称B), (以下简称B), and after a document number
            // (国科发火〔2024〕36号,以下简称《B》).
            let short_name_after = |inner: &str| {
                ["简称", "又称", "下称"].iter().any(|w| inner.ends_with(w)) && inner.chars().count() <= 40
            };
            let is_paren =
                between == "(" || between.strip_prefix('(').is_some_and(short_name_after) || between == ",简称";
            let declared = (is_paren && (closes || between.starts_with(',')))
                || rules.entities.nicknames.declares(between, &text[mentions[j].end..]);
            if declared && mentions[i].kind == mentions[j].kind {
                let alias = mentions[j].name.clone();
                mentions[i].aliases.push(alias);
                let main = mentions[i].name.clone();
                mentions[j].aliases.push(main);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stated_count;
    use crate::extract::{extract, Kind};
    use crate::normalize::clean;

    fn names(text: &str, kind: Kind) -> Vec<String> {
        let doc = clean(text);
        let ex = extract(&doc);
        ex.mentions
            .iter()
            .filter(|m| m.kind == kind)
            .map(|m| m.name.clone())
            .collect()
    }

    fn firm<'a>(ex: &'a crate::extract::Extraction, name: &str) -> Option<&'a crate::extract::Mention> {
        ex.mentions
            .iter()
            .find(|m| m.kind == Kind::Enterprise && m.name == name)
    }

    #[test]
    fn a_numbered_item_about_a_brand_names_a_firm() {
        let ex = extract(&clean(
            "(二)青岚光电:2003年进驻青溪高新区光电产业园,生产面板驱动芯片。\n(三)澜硕生技:2017年进驻青溪高新区。",
        ));
        assert!(firm(&ex, "青岚光电").is_some());
        assert!(firm(&ex, "澜硕生技").is_some());
    }

    #[test]
    fn a_well_known_firm_is_named_by_its_short_name_alone() {
        let ex = extract(&clean("园区引进京东方、宁德时代等龙头，并与BYD签约。"));
        let boe = firm(&ex, "京东方").expect("京东方");
        assert_eq!(boe.canonical.as_deref(), Some("京东方科技集团股份有限公司"));
        assert!(firm(&ex, "宁德时代").is_some());
        assert_eq!(
            firm(&ex, "BYD").and_then(|m| m.canonical.as_deref()),
            Some("比亚迪股份有限公司")
        );
        // A Latin name is a whole word.
        let ex = extract(&clean("A BOEING 737 landed at the airport of the zone."));
        assert!(ex.mentions.iter().all(|m| m.kind != Kind::Enterprise));
    }

    #[test]
    fn a_firm_whose_short_name_is_a_common_word_needs_another_name_in_the_text() {
        let ex = extract(&clean("农户在园区种植小米和高粱，亩产稳定。"));
        assert!(firm(&ex, "小米").is_none());
        let ex = extract(&clean("小米集团在园区设立研发中心。小米还将建设智能工厂。"));
        assert!(firm(&ex, "小米").is_some());
    }

    #[test]
    fn a_short_name_the_text_gives_its_own_firm_means_that_firm() {
        let ex = extract(&clean(
            "东风汽车股份有限公司(以下简称“东风汽车”)在襄阳高新区投产。东风汽车今年销量增长。",
        ));
        let shorts: Vec<_> = ex.mentions.iter().filter(|m| m.name == "东风汽车").collect();
        assert!(!shorts.is_empty());
        // Not 东风汽车集团有限公司, the group the reference list knows by that name.
        assert!(shorts.iter().all(|m| m.entry.is_none()));
    }

    #[test]
    fn a_place_or_a_business_word_beside_a_well_known_firm_names_its_unit() {
        let ex = extract(&clean("合肥京东方第10.5代线满产，华为终端总部位于松山湖。"));
        let hefei = firm(&ex, "合肥京东方").expect("合肥京东方");
        assert!(hefei.entry.is_none());
        assert!(firm(&ex, "华为终端").is_some_and(|m| m.entry.is_none()));
        assert!(firm(&ex, "华为").is_none());
        // A unit the firm's own name opens with is the firm.
        let ex = extract(&clean("信达生物制药在苏州工业园区扩产。"));
        assert_eq!(
            firm(&ex, "信达生物制药").and_then(|m| m.canonical.as_deref()),
            Some("信达生物制药（苏州）有限公司")
        );
    }

    #[test]
    fn an_english_short_name_inside_a_longer_english_name_is_no_firm_of_its_own() {
        let ex = extract(&clean(
            "Samsung (China) Semiconductor Co., Ltd. runs a memory fab in the zone, and Samsung plans more.",
        ));
        let samsung: Vec<usize> = ex
            .mentions
            .iter()
            .filter(|m| m.name == "Samsung")
            .map(|m| m.start)
            .collect();
        // The second, alone; not the first word of the subsidiary's name.
        assert_eq!(samsung.len(), 1);
        assert!(samsung[0] > 0);
    }

    #[test]
    fn a_listed_park_named_after_its_zone_is_also_named_by_its_own_name() {
        let ex = extract(&clean(
            "重点推进长沙高新区鹭山软件产业园、株洲高新区储能产业园和湘潭高新区新材料产业园建设。",
        ));
        let park = |name: &str| ex.mentions.iter().find(|m| m.kind == Kind::Zone && m.name == name);
        let lushan = park("长沙高新区鹭山软件产业园").expect("the park");
        assert_eq!(lushan.aliases, vec!["鹭山软件产业园"]);
        // A park named by its trade alone is no name of its own.
        assert!(park("株洲高新区储能产业园").expect("the park").aliases.is_empty());
    }

    #[test]
    fn a_park_two_places_build_together_is_a_zone() {
        let zones = names(
            "两区将在白鹭高新区内合作共建青白数智合作产业园,并对合作园区给予倾斜。",
            Kind::Zone,
        );
        assert!(zones.contains(&"青白数智合作产业园".to_string()), "{zones:?}");
        assert!(!zones.iter().any(|z| z.ends_with("合作园区")), "{zones:?}");
    }

    #[test]
    fn groups_of_zones_a_study_compares_are_no_zones() {
        let zones = names(
            "本文选取青溪高新区、白鹭高新区两地国家高新区为样本,比较中西部国家高新区与头部高新区、\
             中等规模高新区的差异,青溪大学国家大学科技园也在其中。",
            Kind::Zone,
        );
        assert!(zones.contains(&"青溪高新区".to_string()), "{zones:?}");
        for generic in ["中西部", "头部", "规模", "两地"] {
            assert!(!zones.iter().any(|z| z.contains(generic)), "{generic}: {zones:?}");
        }
        // (A university's own park is a name.)
        assert!(!zones.contains(&"大学科技园".to_string()), "{zones:?}");
        let agencies = names("管委会与中共青溪高新区工作委员会合署办公。", Kind::Agency);
        assert!(
            agencies.contains(&"中共青溪高新区工作委员会".to_string()),
            "{agencies:?}"
        );
    }

    #[test]
    fn a_listed_industry_is_found_again_before_the_word_for_an_industry() {
        let leads = crate::extract::chain_leads(
            "青溪高新区以青瓷文创、新型材料为主导产业。新型材料产业以白鹭新材料集团有限公司为链主企业。",
        );
        assert_eq!(
            leads,
            vec![("白鹭新材料集团有限公司".to_string(), "新型材料".to_string())]
        );
    }

    #[test]
    fn a_bare_body_is_the_zone_s_one_body_under_either_of_its_names() {
        let doc = clean(
            "绵阳高新技术产业开发区管理委员会发布公告。绵阳高新区管委会表示将加大投入。区管委会与青川大学签约共建研究院。",
        );
        let ex = extract(&doc);
        let bare = ex
            .mentions
            .iter()
            .find(|m| m.kind == Kind::Agency && m.name == "区管委会");
        assert_eq!(
            bare.and_then(|m| m.canonical.as_deref()),
            Some("绵阳高新技术产业开发区管理委员会"),
            "{:?}",
            ex.mentions
        );
    }

    #[test]
    fn what_a_text_covers_or_pushes_and_the_mainland_name_no_zone() {
        for text in [
            "报道指出,大陆高新区发展迅速。",
            "新规内容涵盖高新区的考核办法。",
            "广东发文推高新区提质。",
        ] {
            assert!(
                names(text, Kind::Zone).is_empty(),
                "{text}: {:?}",
                names(text, Kind::Zone)
            );
        }
    }

    #[test]
    fn a_heading_s_verb_glued_to_an_industry_is_no_part_of_it() {
        // (The space of 链主引领 新能源汽车产业链 is squeezed away.)
        assert_eq!(
            names("【青溪高新区】链主引领 新能源汽车产业链再加长。", Kind::Industry),
            ["新能源汽车"]
        );
    }

    #[test]
    fn landing_in_a_zone_is_no_part_of_its_name() {
        assert_eq!(names("带动27个上下游项目落地宁乡高新区。", Kind::Zone), ["宁乡高新区"]);
        // Nor is striving to become one.
        assert_eq!(names("支持青溪高新区争创国家高新区。", Kind::Zone), ["青溪高新区"]);
    }

    #[test]
    fn a_name_before_a_stock_code_is_a_listed_company() {
        assert_eq!(
            names(
                "园区上市企业包括:在深交所上市的青禾光电(300999);登陆港交所的白鹭医药(2999.HK);澜湾股份(股票代码:688999)。",
                Kind::Enterprise
            ),
            ["青禾光电", "白鹭医药", "澜湾股份"]
        );
        // A year in brackets is no code.
        assert!(names("园区去(2023)年工业总产值增长。", Kind::Enterprise).is_empty());
    }

    #[test]
    fn no_reference_name_holds_a_sentence_end() {
        // find_mentions scans the whole text once and hands each sentence
        // the names inside it: that is exact only if no name spans a
        // sentence end (split_sentences ends sentences at these).
        let gaz = crate::gazetteer::Gazetteer::get();
        let bad: Vec<&String> = gaz
            .by_name
            .keys()
            .filter(|k| k.contains(['。', '!', '?', '…', '\n']))
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn a_board_without_its_exchange_is_a_market_only_in_a_listing() {
        let canonical = |text: &str| -> Vec<String> {
            let ex = extract(&clean(text));
            ex.mentions
                .iter()
                .filter(|m| m.kind == Kind::Market)
                .map(|m| m.canonical.clone().unwrap_or_else(|| m.name.clone()))
                .collect()
        };
        assert!(canonical("整机厂带动主板、电源、机壳等配套厂商集聚。").is_empty());
        assert_eq!(canonical("白山储能于3月在主板上市。"), ["主板"]);
        assert_eq!(canonical("白山储能在香港交易所主板挂牌上市。"), ["香港联合交易所主板"]);
        // A province's regional equity market is a market, not the province.
        assert_eq!(canonical("对在湖南股权交易所挂牌的企业给予奖励。"), ["湖南股权交易所"]);
        assert!(names("对在湖南股权交易所挂牌的企业给予奖励。", Kind::Place).is_empty());
    }

    #[test]
    fn what_reform_texts_do_to_zones_and_every_body_of_a_level_name_nothing() {
        let text = "各市州、县市区人民政府:\n推行管委会+公司模式,剥离开发区社会事务管理职能,赋予开发区更大改革自主权,整合后统一使用青溪经济技术开发区名称。";
        assert!(names(text, Kind::Agency).is_empty(), "{:?}", names(text, Kind::Agency));
        assert_eq!(names(text, Kind::Zone), ["青溪经济技术开发区"]);
    }

    #[test]
    fn places_listed_before_a_zone_ending_share_it() {
        let zones = names("标题\n\n支持长沙、株洲、湘潭高新区率先落实链长制。", Kind::Zone);
        assert_eq!(zones.len(), 3, "{zones:?}");
        assert!(
            zones.contains(&"长沙高新区".to_string()) && zones.contains(&"株洲高新区".to_string()),
            "{zones:?}"
        );
        // A district before a city's zone is a place of its own.
        let zones = names("标题\n\n广州市黄埔区、广州开发区举行大会。", Kind::Zone);
        assert_eq!(zones, ["广州开发区"]);
    }

    #[test]
    fn hong_kong_press_words_open_no_name() {
        let text = "内地硬科技企业扎堆来港 高新区上市军团扩容。\n总部位于内地高新区的企业接连上市。公司前称青溪澜川科技有限公司,拟以特专科技公司身份上市。";
        assert!(names(text, Kind::Zone).is_empty(), "{:?}", names(text, Kind::Zone));
        assert_eq!(names(text, Kind::Enterprise), ["青溪澜川科技有限公司"]);
    }

    #[test]
    fn a_stop_character_inside_a_firm_s_own_name_stays_in_it() {
        // 都, 为, 和 end no name whose rest only describes the trade.
        assert_eq!(
            names(
                "青溪高新区动态。\n2024年,江西澜都科技有限公司营收5亿元。",
                Kind::Enterprise
            ),
            ["江西澜都科技有限公司"]
        );
        assert_eq!(
            names(
                "青溪高新区动态。\n恒为光电股份有限公司与白山大学签约。",
                Kind::Enterprise
            ),
            ["恒为光电股份有限公司"]
        );
        // … but still end a description or a clause before a firm with a name.
        assert!(names("青溪高新区动态。\n园区的科技有限公司达到120家。", Kind::Enterprise).is_empty());
        assert_eq!(
            names("青溪高新区动态。\n园区和澜川科技有限公司签约。", Kind::Enterprise),
            ["澜川科技有限公司"]
        );
    }

    #[test]
    fn names_stop_at_a_date_a_chain_role_and_joint_action() {
        assert_eq!(
            names("青溪高新区管委会5月与白山大学签署合作协议。", Kind::Institute),
            ["白山大学"]
        );
        assert_eq!(
            names("青溪高新区管委会今年5月与白山大学签约。", Kind::Institute),
            ["白山大学"]
        );
        assert_eq!(
            names("光子产业链链主青溪长光芯片股份有限公司于2022年上市。", Kind::Enterprise),
            ["青溪长光芯片股份有限公司"]
        );
        assert_eq!(
            names("浙江省工业和信息化厅会同省科技厅开展评估。", Kind::Agency),
            ["浙江省工业和信息化厅", "省科技厅"]
        );
        // An amount of money, 上市公司 before a company, and 再生 inside a name.
        assert!(names("青溪生物产业园再添15亿元项目。", Kind::Project).is_empty());
        assert_eq!(
            names(
                "白山储能是创业板上市公司青溪华储科技股份有限公司的全资子公司。",
                Kind::Enterprise
            ),
            ["青溪华储科技股份有限公司"]
        );
        assert_eq!(
            names("园区内的白河再生金属产业园集聚了60%的企业。", Kind::Zone),
            ["白河再生金属产业园"]
        );
        // Every one of a kind, or some, is no name.
        assert!(names("部分高新区链主企业遴选偏重营收规模。", Kind::Zone).is_empty());
        assert!(names("在最新一轮国家高新区评价中位列第九。", Kind::Zone).is_empty());
        assert_eq!(
            names(
                "本土创新药企白河康源生物医药股份有限公司在港交所挂牌。",
                Kind::Enterprise
            ),
            ["白河康源生物医药股份有限公司"]
        );
        assert!(names("送:各设区市工业和信息化局,各国家级高新区管委会。", Kind::Agency).is_empty());
        // A district's short form (溪湖 of 溪湖区) inside a park's name does not start it.
        assert_eq!(
            names("艾溪湖电子信息产业园新建厂房。", Kind::Zone),
            ["艾溪湖电子信息产业园"]
        );
    }

    #[test]
    fn a_bare_short_name_in_brackets_after_a_company_is_declared() {
        assert_eq!(
            names(
                "白山先导智能装备股份有限公司(先导智能)是链主。先导智能今年营收20亿元。",
                Kind::Enterprise
            ),
            ["白山先导智能装备股份有限公司", "先导智能", "先导智能"]
        );
        // A place in brackets is no short name.
        assert_eq!(
            names("白山精工股份有限公司(白山)是链主。白山今年降雪偏多。", Kind::Enterprise),
            ["白山精工股份有限公司"]
        );
    }

    #[test]
    fn an_investor_s_question_calls_the_company_公司() {
        for text in [
            "看到新闻说公司被青溪高新区评为链主企业了。",
            "2023年前三季度公司研发投入1.36亿元。",
            "网上看到名单里有公司名字。",
        ] {
            assert!(names(text, Kind::Enterprise).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_declared_short_name_opening_with_a_place_is_found_again() {
        assert_eq!(
            names(
                "青溪高新区引进厦门宝川光电科技有限公司(厦门宝川)。2021年,厦门宝川在创业板挂牌。",
                Kind::Enterprise
            ),
            ["厦门宝川光电科技有限公司", "厦门宝川"]
        );
    }

    #[test]
    fn a_cooperation_zone_is_a_zone() {
        assert_eq!(
            names("澜湾青溪科技创新合作区今年引进项目30个。", Kind::Zone),
            ["澜湾青溪科技创新合作区"]
        );
        assert!(names("双方将在合作区域内共建实验室。", Kind::Zone).is_empty());
        // The body that runs such a zone, and one that promotes a trade.
        assert_eq!(
            names("澜湾管理局与澜湾生产力促进局签署协议。", Kind::Agency),
            ["澜湾管理局", "澜湾生产力促进局"]
        );
    }

    #[test]
    fn two_framed_lists_of_industries_are_no_list_of_their_own() {
        assert_eq!(
            names(
                "青溪高新区形成了以新材料为首位产业、以智能装备和生物医药为两大支柱产业的格局。",
                Kind::Industry
            ),
            ["新材料", "智能装备", "生物医药"]
        );
    }

    #[test]
    fn a_city_before_a_zone_s_own_name_and_a_park_after_a_new_area_are_apart() {
        // A table's site column: the city, then the zone named after it.
        assert_eq!(names("乐山市乐山高新区", Kind::Zone), vec!["乐山高新区"]);
        assert!(names("乐山市乐山高新区", Kind::Place).contains(&"乐山市".to_string()));
        // (A city's short form ending in 州 is no full name: 广州南沙新区 stays.)
        assert_eq!(names("位于广州南沙新区的实验室。", Kind::Zone), vec!["广州南沙新区"]);
        assert_eq!(
            names("白山新区青溪科学城引进项目。", Kind::Zone),
            vec!["白山新区", "青溪科学城"]
        );
        // Two trades joined in a park's name; not a noun before 与 and the zone.
        assert_eq!(
            names("白山高新区航空与燃机产业园建成。", Kind::Zone),
            vec!["白山高新区", "航空与燃机产业园"]
        );
        assert!(!names("评价结果与高新区挂钩。", Kind::Zone)
            .iter()
            .any(|z| z.contains('与')));
    }

    #[test]
    fn a_count_before_the_cue_closes_a_list_of_industries() {
        // As many industries as the count says, joined by 和 (no 、 to make
        // a list of it), and no count or cue word inside the last one.
        let text = "标题\n\n青溪高新区聚焦生物医药和新材料两大主导产业。\
                    白山高新区重点发展光电子信息、生命健康、高端装备三大主导产业。";
        let mut industries = names(text, Kind::Industry);
        industries.sort();
        assert_eq!(
            industries,
            vec!["光电子信息", "新材料", "生命健康", "生物医药", "高端装备"]
        );
    }

    #[test]
    fn a_word_for_the_zone_may_stand_between_the_frame_and_the_count() {
        let text = "标题\n\n白鹭深度合作区今年招商。执委会把集成电路、中医药大健康、文旅会展及现代金融列为合作区四大主导产业。";
        let mut industries = names(text, Kind::Industry);
        industries.sort();
        assert_eq!(industries, vec!["中医药大健康", "文旅会展", "现代金融", "集成电路"]);
    }

    #[test]
    fn a_city_s_investment_company_keeps_its_whole_name() {
        assert_eq!(
            names("青溪城市建设投资集团有限公司参与建设。", Kind::Enterprise),
            vec!["青溪城市建设投资集团有限公司"]
        );
        // A WeChat account's 原创 mark is no part of the zone's name.
        assert_eq!(names("原创 青溪高新区发布", Kind::Zone), vec!["青溪高新区"]);
    }

    #[test]
    fn zone_names_stop_at_verbs() {
        assert_eq!(
            names("国务院批复同意青溪高新技术产业开发区更名。", Kind::Zone),
            vec!["青溪高新技术产业开发区"]
        );
    }

    #[test]
    fn a_stop_word_inside_a_place_name_does_not_cut_a_name() {
        // 都 (all) in 成都, 和 (and) in 呼和浩特.
        assert_eq!(
            names("成都高新技术产业开发区管理委员会发布通知。", Kind::Agency),
            vec!["成都高新技术产业开发区管理委员会"]
        );
        assert_eq!(
            names("中国科学院成都生物研究所与园区签约。", Kind::Institute),
            vec!["中国科学院成都生物研究所"]
        );
        assert!(names("呼和浩特金山高新区新开工项目8个。", Kind::Zone).contains(&"呼和浩特金山高新区".to_string()));
        // The conjunction before a place name still ends the name before it.
        assert_eq!(
            names("园区与成都高新区管委会签约。", Kind::Agency),
            vec!["成都高新区管委会"]
        );
    }

    #[test]
    fn enterprise_lists_with_leader_words() {
        let n = names(
            "园区已集聚蓝河材料、远山科技、和光药业为龙头的新材料产业链。",
            Kind::Enterprise,
        );
        assert_eq!(n, vec!["蓝河材料", "远山科技", "和光药业"]);
    }

    #[test]
    fn an_organisations_branch_at_a_place_is_an_institute() {
        let n = names("北辰检测中心苏州基地落户青溪高新区。", Kind::Institute);
        assert_eq!(n, vec!["北辰检测中心苏州基地"]);
        // Without an organisation before the place, 基地 is a common noun.
        assert!(names("青溪高新区建成苏州基地。", Kind::Institute).is_empty());
        assert!(names("园区打造新材料产业基地。", Kind::Institute).is_empty());
    }

    #[test]
    fn counted_phrases_are_not_names() {
        assert!(names("青溪高新区联合多家银行推出贷款产品。", Kind::Enterprise).is_empty());
        assert!(names("园区新设一家孵化器。", Kind::Institute).is_empty());
        assert!(names("会议邀请了12个国家高新区管委会。", Kind::Agency).is_empty());
        // 百/千/万 start brands: 万家 is a name here.
        assert_eq!(
            names("万家乐股份有限公司落户青溪高新区。", Kind::Enterprise),
            vec!["万家乐股份有限公司"]
        );
    }

    #[test]
    fn villages_and_streets_are_named_not_verbs() {
        assert_eq!(names("青溪高新区白沙街道新建一座公园。", Kind::Place), vec!["白沙街道"]);
        assert!(names("我们将结合街道实际,做好服务。", Kind::Place).is_empty());
        // Three characters of name at a clause edge; a phrase is none.
        assert_eq!(
            names("白山产业园位于青溪区横沟桥镇。", Kind::Place).last(),
            Some(&"横沟桥镇".to_string())
        );
        assert_eq!(names("白山产业园位于贺胜桥镇。", Kind::Place), vec!["贺胜桥镇"]);
        assert!(names("经验在全市各乡镇推广。", Kind::Place).is_empty());
        assert_eq!(names("记者到达由桥村。", Kind::Place), vec!["由桥村"]);
    }

    #[test]
    fn enterprises_need_a_name_of_their_own() {
        // Generic words and trades only: a description.
        assert!(names("园区引进新型科技保险公司。", Kind::Enterprise).is_empty());
        assert!(names("园区设立新能源汽车有限公司。", Kind::Enterprise).is_empty());
        // A trade name, even of one-character words, is a name.
        assert_eq!(
            names("三一重工股份有限公司落户青溪高新区。", Kind::Enterprise),
            vec!["三一重工股份有限公司"]
        );
        assert_eq!(
            names("青溪科技保险公司成立。", Kind::Enterprise),
            vec!["青溪科技保险公司"]
        );
    }

    #[test]
    fn a_joint_laboratory_named_for_both_partners_keeps_both_and_a_time_phrase_is_no_name() {
        assert_eq!(
            names("青溪高新区签约共建“白大—远山高端轴承联合实验室”。", Kind::Institute),
            ["白大—远山高端轴承联合实验室"]
        );
        assert!(
            names("近五年来学校在高新区转化成果126项。", Kind::Institute).is_empty(),
            "{:?}",
            names("近五年来学校在高新区转化成果126项。", Kind::Institute)
        );
    }

    #[test]
    fn a_kind_counted_and_a_question_s_opening_are_no_names() {
        assert!(names("青溪高新区已建成离岸创新中心3个。", Kind::Institute).is_empty());
        let agencies = names(
            "白山市召开发布会。\n记者:请问市工信局在推动企业方面有哪些政策?",
            Kind::Agency,
        );
        assert_eq!(agencies, ["市工信局"]);
    }

    #[test]
    fn a_company_s_announcement_calling_itself_the_company_names_no_company() {
        let notice = "本次投资有利于完善公司产能布局,不会损害公司及股东利益。资金来源为公司自有资金,\
                      约占公司净资产的41%。本公司董事会保证公告内容真实。";
        assert!(
            names(notice, Kind::Enterprise).is_empty(),
            "{:?}",
            names(notice, Kind::Enterprise)
        );
        // A name that ends as a preposition does is still a name.
        assert_eq!(names("华为公司落户青溪高新区。", Kind::Enterprise), ["华为公司"]);
    }

    #[test]
    fn industries_the_taxonomy_knows_with_their_conjunction_stay_whole() {
        assert_eq!(
            names("青溪高新区以软件和信息服务、生物医药为主导产业。", Kind::Industry),
            ["软件和信息服务", "生物医药"]
        );
    }

    #[test]
    fn a_zone_before_a_chain_or_a_verb_of_aim_before_a_list_is_no_part_of_the_industry() {
        assert_eq!(
            names("迈睿光电是苏州高新区光子产业链的龙头企业之一。", Kind::Industry),
            vec!["光子"]
        );
        assert_eq!(
            names("本次签约项目紧扣新能源汽车、高端装备两大主导产业。", Kind::Industry),
            vec!["新能源汽车", "高端装备"]
        );
    }

    #[test]
    fn talk_s_words_and_companies_in_general_open_no_name() {
        for text in ["青溪高新区和白鹭高新区,哪个高新区发展更好?", "别只盯着高新区的产值。"]
        {
            let zones = names(text, Kind::Zone);
            assert!(zones.iter().all(|z| !z.starts_with(['哪', '别'])), "{text}: {zones:?}");
        }
        for text in [
            "他跳到一家做激光器的小公司,园区初创公司多。",
            "竞得人须在出让地块所在地设立项目公司,或由其全资项目公司开发建设。",
        ] {
            assert!(
                names(text, Kind::Enterprise).is_empty(),
                "{:?}",
                names(text, Kind::Enterprise)
            );
        }
    }

    #[test]
    fn research_tasks_are_no_projects() {
        let text = "研究院力争服务区内企业技术攻关项目不少于50项。";
        assert!(
            names(text, Kind::Project).is_empty(),
            "{:?}",
            names(text, Kind::Project)
        );
    }

    #[test]
    fn trades_before_the_word_for_their_firms_are_no_firms() {
        let text = "其中钼钨材料、钛合金及先进耐火材料企业营业收入占比超过七成。";
        assert!(
            names(text, Kind::Enterprise).is_empty(),
            "{:?}",
            names(text, Kind::Enterprise)
        );
    }

    #[test]
    fn a_word_of_scope_between_deng_and_the_head_leaves_the_list_typed() {
        assert_eq!(
            names(
                "本批企业集中在工程机械、电子信息、新材料等我省重点产业链。",
                Kind::Industry
            ),
            vec!["工程机械", "电子信息", "新材料"]
        );
    }

    #[test]
    fn industry_lists_before_leading_industry() {
        let n = names(
            "青溪高新区重点培育新材料、生物医药、高端装备三大主导产业。",
            Kind::Industry,
        );
        assert_eq!(n, vec!["新材料", "生物医药", "高端装备"]);
    }

    #[test]
    fn datelines_bylines_and_quoted_words_before_a_verb_are_no_part_of_a_zone() {
        for (text, zone) in [
            ("新华社青溪3月12日电 青溪高新区今年新增项目60个。", "青溪高新区"),
            ("本报讯(记者 李明)青溪高新区今年新增项目60个。", "青溪高新区"),
            ("“小巨人”企业扎堆青溪高新区。", "青溪高新区"),
            ("青溪高新区正式“升级”为国家高新区。", "青溪高新区"),
        ] {
            let zones = names(text, Kind::Zone);
            assert!(
                zones.iter().all(|z| z.ends_with(zone) || z == "国家高新区"),
                "{text}: {zones:?}"
            );
            assert!(zones.contains(&zone.to_string()), "{text}: {zones:?}");
        }
    }

    #[test]
    fn describing_nouns_and_verbs_before_a_company_are_no_part_of_it() {
        for (text, name) in [
            ("龙头企业有远山机电股份有限公司。", "远山机电股份有限公司"),
            ("园区还有科技企业蓝芯量子科技有限公司。", "蓝芯量子科技有限公司"),
            ("另一家企业青溪蓝芯量子科技有限公司上市。", "青溪蓝芯量子科技有限公司"),
            // The name goes on from 企业 here.
            ("青溪远山企业管理有限公司落户园区。", "青溪远山企业管理有限公司"),
            (
                "两位青年在园区创办湾峤智控(东莞)科技有限公司。",
                "湾峤智控(东莞)科技有限公司",
            ),
            (
                "覆铜板生产商远山生益科技股份有限公司连同子公司在区内。",
                "远山生益科技股份有限公司",
            ),
            ("青溪高新区集聚远山光电科技有限公司等一批企业。", "远山光电科技有限公司"),
            (
                "二期项目达产,其母公司远山永磁科技股份有限公司已上市。",
                "远山永磁科技股份有限公司",
            ),
        ] {
            assert_eq!(names(text, Kind::Enterprise), vec![name], "{text}");
        }
        assert_eq!(names("园区紧邻青溪大学。", Kind::Institute), vec!["青溪大学"]);
        // A site's menu: 走进 is no part of the zone's name.
        assert_eq!(names("首页 走进青溪高新区 新闻中心", Kind::Zone), vec!["青溪高新区"]);
        assert_eq!(
            names("新型研发机构青溪光电子信息产业技术研究院揭牌。", Kind::Institute),
            vec!["青溪光电子信息产业技术研究院"]
        );
    }

    #[test]
    fn a_verb_before_a_quoted_policy_is_no_part_of_it() {
        let text = "青溪高新区实行“一区多园”管理模式。";
        assert_eq!(names(text, Kind::Policy), vec!["“一区多园”管理模式"]);
        assert_eq!(names(text, Kind::Zone), vec!["青溪高新区"]);
    }

    #[test]
    fn industries_before_a_copula_and_chains_named_without_industry() {
        assert_eq!(
            names("稀土新材料是青溪高新区的首位产业,发展势头良好。", Kind::Industry),
            vec!["稀土新材料"]
        );
        assert_eq!(
            names("其中,新材料和生物医药是园区的两大主导产业。", Kind::Industry),
            vec!["新材料", "生物医药"]
        );
        assert_eq!(
            names(
                "注:所列项目均在青溪高新区,声学器件、功能糖为园区两大主导产业。",
                Kind::Industry
            ),
            vec!["声学器件", "功能糖"]
        );
        assert_eq!(
            names("白山镁合金、轻纺为主导产业。", Kind::Industry),
            vec!["白山镁合金", "轻纺"]
        );
        // A kind of an industry the taxonomy knows (磷基新材料) makes the list one.
        assert_eq!(
            names(
                "白河经开区位于白河市,重点发展磷基新材料和绿色食品加工。",
                Kind::Industry
            ),
            vec!["磷基新材料", "绿色食品加工"]
        );
        // 作为 is another frame's (把A作为…), never this copula.
        assert_eq!(
            names("白山高新区把先进硬质材料作为首位产业。", Kind::Industry),
            vec!["先进硬质材料"]
        );
        assert_eq!(
            names("在量子信息链上,园区已集聚企业70家。", Kind::Industry),
            vec!["量子信息"]
        );
        // The links of 产业链、创新链、金融链 are no industries.
        assert!(names("促进产业链、创新链、金融链融合。", Kind::Industry).is_empty());
    }

    #[test]
    fn a_kind_of_ownership_is_no_firm_s_name() {
        let firms = names("青岚控股系由白山高新区管委会出资设立的国有独资公司。", Kind::Enterprise);
        assert!(!firms.iter().any(|n| n.contains("独资")), "{firms:?}");
        assert!(names("对在境内外证券交易所首发上市的企业给予奖励。", Kind::Enterprise).is_empty());
    }

    #[test]
    fn a_zone_before_a_firm_named_after_a_place_is_no_part_of_it() {
        assert_eq!(
            names(
                "支持白山经开区白山华彩包装科技有限公司实施智能化改造。",
                Kind::Enterprise
            ),
            vec!["白山华彩包装科技有限公司"]
        );
        // A firm that bears its zone's name keeps it.
        assert_eq!(
            names("苏州高新区经济发展集团有限公司发行债券。", Kind::Enterprise),
            vec!["苏州高新区经济发展集团有限公司"]
        );
    }

    #[test]
    fn a_place_and_yuan_name_a_sub_park() {
        let text = "福州市的青溪高新区以仓山园为核心区,长乐园地处东部。市民常去西湖公园和仓山园林。";
        assert_eq!(names(text, Kind::Zone), vec!["青溪高新区", "仓山园", "长乐园"]);
    }

    #[test]
    fn a_list_of_parks_names_them_and_the_names_are_found_again() {
        let text = "青溪高新区下辖白鹭园、云杉园两个分园。白鹭园坐落于城东,云杉园以制造为主。";
        assert_eq!(
            names(text, Kind::Zone),
            vec!["青溪高新区", "白鹭园", "云杉园", "白鹭园", "云杉园"]
        );
        // Without a head that says they are parks, no names.
        assert_eq!(
            names("游客常去白鹭园、云杉园两个景点。", Kind::Zone),
            Vec::<String>::new()
        );
        // A name found again only where it ends (白鹭园区 is no 白鹭园).
        let text = "青溪高新区下辖白鹭园、云杉园两个分园。白鹭园区企业增多。";
        assert_eq!(names(text, Kind::Zone).len(), 3, "{:?}", names(text, Kind::Zone));
    }

    #[test]
    fn stop_characters_inside_name_words_and_firms_opening_projects() {
        let text = "白山天和材料股份有限公司和青溪华为电子有限公司签约,国有平台白山发展投资集团有限公司出资。";
        assert_eq!(
            names(text, Kind::Enterprise),
            vec![
                "白山天和材料股份有限公司",
                "青溪华为电子有限公司",
                "白山发展投资集团有限公司"
            ]
        );
        // A company a project's name opens with is named too.
        let text = "青溪远山(白山)科技有限公司二期项目开工。";
        assert_eq!(names(text, Kind::Project), vec!["青溪远山(白山)科技有限公司二期项目"]);
        assert_eq!(names(text, Kind::Enterprise), vec!["青溪远山(白山)科技有限公司"]);
    }

    #[test]
    fn joint_labs_pilot_plants_and_testing_centres_are_institutes() {
        let text =
            "公司与白山大学共建青溪光学材料联合实验室,园区建成青溪生物医药中试基地,园区内的白山汽车检测中心投用。";
        assert_eq!(
            names(text, Kind::Institute),
            vec![
                "白山大学",
                "青溪光学材料联合实验室",
                "青溪生物医药中试基地",
                "白山汽车检测中心"
            ]
        );
    }

    #[test]
    fn prepositions_and_reportage_verbs_are_no_part_of_a_firm_s_name() {
        let text = "像白山智驰电控有限公司这样的企业在成长。记者走进园区,正赶上青溪生物技术股份有限公司投产。";
        assert_eq!(
            names(text, Kind::Enterprise),
            vec!["白山智驰电控有限公司", "青溪生物技术股份有限公司"]
        );
        // Nor are verbs of pulling and fostering a firm.
        assert_eq!(
            names(
                "白山重工产值突破百亿元,带动青溪智能装备有限公司等配套企业发展。",
                Kind::Enterprise
            ),
            vec!["青溪智能装备有限公司"]
        );
        // Nor are words of having or placing a body, and a choice of kinds is no name.
        assert_eq!(
            names(
                "区内建有青溪功率半导体创新中心,集中布局白山科技创业服务中心。",
                Kind::Institute
            ),
            vec!["青溪功率半导体创新中心", "白山科技创业服务中心"]
        );
        assert!(names("对新认定的科技企业孵化器或众创空间给予奖励。", Kind::Institute).is_empty());
        // An incubator named as a 科技创业中心, after the kind it is.
        assert_eq!(
            names(
                "国家级科技企业孵化器白山高新区科技创业中心新增在孵企业53家。",
                Kind::Institute
            ),
            vec!["白山高新区科技创业中心"]
        );
        // 像 inside a name (影像) is no preposition.
        assert_eq!(
            names("白山影像科技有限公司成立。", Kind::Enterprise),
            vec!["白山影像科技有限公司"]
        );
    }

    #[test]
    fn project_as_part_of_another_word_or_counted_names_no_project() {
        let text = "集团年内完成项目融资50亿元,入选团队可获得2000万元项目资助,全年引进稀土补链项目41个,\
                    青溪光电年产50万套模组扩产项目开工。";
        assert_eq!(names(text, Kind::Project), vec!["青溪光电年产50万套模组扩产项目"]);
    }

    #[test]
    fn words_of_reason_place_and_speech_open_no_name() {
        assert!(names("白山的配套,加上高新区“一个项目一个专班”的服务,是关键。", Kind::Zone).is_empty());
        assert_eq!(
            names("引导园内白山新材料有限公司扩产。", Kind::Enterprise),
            vec!["白山新材料有限公司"]
        );
        assert_eq!(
            names("我代表青溪县人民政府作报告。", Kind::Agency),
            vec!["青溪县人民政府"]
        );
        // A bank's branch is named whole.
        assert_eq!(
            names("此外,中国农业银行白山分行与高新区签订合作协议。", Kind::Enterprise),
            vec!["中国农业银行白山分行"]
        );
        // Nor does a date.
        let zones = names(
            "自2013年白山工业园更名为白山经济开发区以来,2023年度白山高新区发展很快。",
            Kind::Zone,
        );
        assert!(zones.contains(&"白山工业园".to_string()), "{zones:?}");
        assert!(zones.contains(&"白山高新区".to_string()), "{zones:?}");
        // The central bank's branch is an agency.
        assert_eq!(
            names("金融数据来自中国人民银行白山市分行。", Kind::Agency),
            vec!["中国人民银行白山市分行"]
        );
    }

    #[test]
    fn a_numbered_heading_of_a_known_industry_names_it() {
        assert_eq!(names("2.智能装备。", Kind::Industry), vec!["智能装备"]);
        assert_eq!(names("(三)生物医药", Kind::Industry), vec!["生物医药"]);
        // Not without numbering, nor a heading of other words.
        assert!(names("智能装备。", Kind::Industry).is_empty());
        assert!(names("2.招商引资。", Kind::Industry).is_empty());
    }

    #[test]
    fn an_industry_keeps_the_words_that_qualify_it() {
        for (text, industry) in [
            ("青溪高新区发展迅速,园区的纺织新材料产业链不断延伸。", "纺织新材料"),
            ("青溪高新区园区先进装备制造产业链加快成型。", "先进装备制造"),
            // Verbs, places, numbers and years are no qualifiers.
            ("青溪高新区大力发展生物医药产业。", "生物医药"),
            ("青溪高新区着力壮大新材料产业。", "新材料"),
            ("苏州生物医药产业规模扩大。", "生物医药"),
            ("青溪高新区打造千亿级新材料产业。", "新材料"),
            ("2024年生物医药产业实现产值120亿元。", "生物医药"),
        ] {
            assert_eq!(names(text, Kind::Industry), vec![industry], "{text}");
        }
    }

    #[test]
    fn industries_framed_before_a_leading_industry_cue() {
        // One industry, known to the taxonomy or not, and lists closed by a count.
        assert_eq!(
            names("青溪高新区以电子信息为主导产业。", Kind::Industry),
            vec!["电子信息"]
        );
        assert_eq!(
            names("白山高新区把先进硬质材料作为首位产业。", Kind::Industry),
            vec!["先进硬质材料"]
        );
        assert_eq!(
            names("蓝湾高新区以航空动力、精密仪器两大产业为主导产业。", Kind::Industry),
            vec!["航空动力", "精密仪器"]
        );
        // A frame that holds a clause, not names, gives none.
        assert!(names("园区以企业的需求为重点产业方向。", Kind::Industry).is_empty());
    }

    #[test]
    fn the_stated_count_trims_a_list_that_took_one_item_too_many() {
        let n = names("落户的有山东路、青山信息和远帆科技等2家企业。", Kind::Enterprise);
        assert!(
            n.contains(&"青山信息".to_string()) && n.contains(&"远帆科技".to_string()),
            "{n:?}"
        );
        assert!(!n.contains(&"山东路".to_string()), "{n:?}");
        let chars: Vec<char> = "等3家企业".chars().collect();
        assert_eq!(stated_count(&chars, 0), Some(3));
        let chars: Vec<char> = "等两个项目".chars().collect();
        assert_eq!(stated_count(&chars, 0), Some(2));
        let chars: Vec<char> = "等200多家".chars().collect();
        assert_eq!(stated_count(&chars, 0), None);
    }

    #[test]
    fn zone_lists_with_shared_ending() {
        let n = names("青溪、白山和蓝湾等3家国家高新区作了交流。", Kind::Zone);
        assert_eq!(n, vec!["青溪高新区", "白山高新区", "蓝湾高新区"]);
    }

    #[test]
    fn quoted_policies() {
        let n = names(
            "园区深入实施“青苗人才计划”,开展科技型企业“双倍增”行动,推行“三送一服”。",
            Kind::Policy,
        );
        assert_eq!(n, vec!["“青苗人才计划”", "科技型企业“双倍增”行动", "“三送一服”"]);
    }

    #[test]
    fn quoted_campaign_years_are_policies() {
        let n = names(
            "新区把今年定为“营商环境优化提升年”,全力推进“重点项目攻坚年”。",
            Kind::Policy,
        );
        assert_eq!(n, vec!["“营商环境优化提升年”", "“重点项目攻坚年”"]);
        // A campaign (活动) named in quotes.
        let n = names("全区深入开展“千人访千企”活动。", Kind::Policy);
        assert_eq!(n, vec!["“千人访千企”活动"]);
    }

    #[test]
    fn enterprise_lists_after_an_official_name_and_under_any_enterprise_head() {
        let n = names(
            "园区集聚了远山科技股份有限公司、白鹭药业等龙头企业,以及和光生物、蓝河材料等一批领军企业。",
            Kind::Enterprise,
        );
        for want in ["远山科技股份有限公司", "白鹭药业", "蓝河材料"] {
            assert!(n.iter().any(|x| x == want), "{want} not in {n:?}");
        }
        // 和 right after 了 starts a name; it is no conjunction there.
        let n = names("青溪高新区集聚了和光生物、白鹭药业等龙头企业。", Kind::Enterprise);
        assert_eq!(n, vec!["和光生物", "白鹭药业"]);
    }

    #[test]
    fn an_industry_joined_to_the_first_of_a_list_is_listed() {
        let n = names(
            "青溪高新区以新能源汽车及汽车零部件、智能装备为主导产业。",
            Kind::Industry,
        );
        assert_eq!(n.len(), 3, "{n:?}");
    }

    #[test]
    fn an_industry_may_stand_before_an_enterprise_list_head() {
        let n = names(
            "青溪高新区已集聚远山智能、白鹭云图等人工智能企业500余家。",
            Kind::Enterprise,
        );
        assert_eq!(n, vec!["远山智能", "白鹭云图"]);
    }

    #[test]
    fn items_of_a_list_are_of_one_kind() {
        let n = names("远山汽车、中创新航、白鹭能源入选产业链链主企业名单。", Kind::Enterprise);
        assert_eq!(n, vec!["远山汽车", "中创新航", "白鹭能源"]);
        // Industries the taxonomy knows stay industries.
        assert!(names("园区重点发展新能源、清洁能源、智能汽车。", Kind::Enterprise).is_empty());
        // 实行 is a verb: no zone is named 实行现行国家高新区.
        let z = names(
            "批复同意青溪高新区升级为国家高新区,实行现行国家高新区的政策。",
            Kind::Zone,
        );
        assert!(!z.iter().any(|x| x.starts_with("实行")), "{z:?}");
    }

    #[test]
    fn circumstances_end_a_name_and_a_policy_designation_is_no_zone() {
        let z = names(
            "在数字化变革条件下科技园区加快转型。青溪市建设共同富裕示范区。",
            Kind::Zone,
        );
        assert!(z.is_empty(), "{z:?}");
    }

    #[test]
    fn a_project_named_after_an_institute_and_this_rounds_projects() {
        let n = names(
            "此次集中开工项目共15个。青溪大学材料技术与工程研究所科技成果转化基地项目总投资8亿元。",
            Kind::Project,
        );
        assert_eq!(n, vec!["青溪大学材料技术与工程研究所科技成果转化基地项目"]);
    }

    #[test]
    fn science_parks_are_zones() {
        assert_eq!(names("白山科学园区厂商共有212家。", Kind::Zone), vec!["白山科学园区"]);
        // A sub-park's core and innovation parks (一区四园).
        assert_eq!(names("白山科创核心园位于青溪区。", Kind::Zone), vec!["白山科创核心园"]);
        // A description word is none when it opens an industry's name
        // (先进材料); it still makes a description of the rest (世界一流科技园区).
        assert_eq!(
            names("白山先进材料产业园规划面积21.7平方公里。", Kind::Zone),
            vec!["白山先进材料产业园"]
        );
        assert!(names("青溪要建设世界一流科技园区。", Kind::Zone).is_empty());
    }

    #[test]
    fn future_science_cities_and_bio_cities_are_parks() {
        let n = names(
            "青溪高新区加快建设白山国际生物城和未来科技城,布局未来产业园。",
            Kind::Zone,
        );
        for want in ["白山国际生物城", "未来科技城", "未来产业园"] {
            assert!(n.contains(&want.to_string()), "{want} not in {n:?}");
        }
        assert!(!n.iter().any(|x| x.starts_with("布局")), "{n:?}");
    }

    #[test]
    fn a_university_park_is_a_park_and_via_is_no_agency_name() {
        let text = "青溪高新区白山大学科技城与青溪大学共建创新中心。2017年经省政府批准升格。";
        assert_eq!(names(text, Kind::Institute), vec!["青溪大学"]);
        assert!(names(text, Kind::Zone).contains(&"白山大学科技城".to_string()));
        assert!(names(text, Kind::Agency).is_empty(), "{:?}", names(text, Kind::Agency));
    }

    #[test]
    fn the_numbering_of_a_list_item_opens_no_name() {
        let text = "(一)青溪蓝河材料有限公司年产5万吨正极材料项目,总投资12亿元。\n(二)白山电子(青溪)有限公司扩产。";
        assert_eq!(
            names(text, Kind::Project),
            vec!["青溪蓝河材料有限公司年产5万吨正极材料项目"]
        );
        assert!(names(text, Kind::Enterprise).contains(&"白山电子(青溪)有限公司".to_string()));
        assert_eq!(super::enumerator_len("(十二)某某"), 4);
        assert_eq!(super::enumerator_len("(长沙)某某"), 0);
    }

    #[test]
    fn words_of_distance_and_ownership_open_no_name() {
        let text = "白山电子旗下青溪光电(青溪)有限公司距离青溪高新区不到10公里,毗邻青溪台商投资区。";
        assert_eq!(names(text, Kind::Enterprise), vec!["青溪光电(青溪)有限公司"]);
        assert_eq!(names(text, Kind::Zone), vec!["青溪高新区", "青溪台商投资区"]);
        let n = names("浙江省科学技术厅审核后报请省人民政府同意。", Kind::Agency);
        assert!(!n.iter().any(|a| a.starts_with("报请")), "{n:?}");
        assert_eq!(n.len(), 2, "{n:?}");
    }

    #[test]
    fn an_agency_starts_at_the_zone_it_is_of() {
        // A zone of the reference tables (淄博高新区).
        let n = names("论坛主办方淄博高新区党工委负责人出席。", Kind::Agency);
        assert_eq!(n, vec!["淄博高新区党工委"]);
        // A zone's own bureau.
        let n = names("来源:淄博高新区经济运行局", Kind::Agency);
        assert_eq!(n, vec!["淄博高新区经济运行局"]);
        // The ending alone is no name.
        assert!(names("经济运行局负责人介绍。", Kind::Agency).is_empty());
    }

    #[test]
    fn brand_names_without_legal_ending_from_context() {
        // A listing verb after the name, an enterprise word before it, a list led by 等…企业.
        assert_eq!(names("蓝河光学成功登陆科创板。", Kind::Enterprise), vec!["蓝河光学"]);
        assert_eq!(names("园区企业白鹭电子持续发力。", Kind::Enterprise), vec!["白鹭电子"]);
        assert_eq!(
            names("已培育孵化了青山信息、远帆科技等企业200多家。", Kind::Enterprise),
            vec!["青山信息", "远帆科技"]
        );
        // Slogans with the same endings are not companies.
        assert!(names("营商环境持续优化,科技创新不断加强。", Kind::Enterprise).is_empty());
    }

    #[test]
    fn names_do_not_swallow_verbs_dates_or_places_around_them() {
        assert_eq!(names("2022年嘉兴市政府印发通知。", Kind::Agency), vec!["嘉兴市政府"]);
        // A date is no part of an agency's name, nor is a zone before 经 and a place's agency.
        assert_eq!(
            names("青溪高新区2018年8月经浙江省人民政府批准更名。", Kind::Agency),
            vec!["浙江省人民政府"]
        );
        assert_eq!(
            names("奋力书写青溪高新区高质量发展新篇章。", Kind::Zone),
            vec!["青溪高新区"]
        );
        assert_eq!(
            names("与会代表参观了北京微芯区块链与边缘计算研究院。", Kind::Institute),
            vec!["北京微芯区块链与边缘计算研究院"]
        );
        assert_eq!(
            names("浙江省人民政府与清华大学签约。", Kind::Institute),
            vec!["清华大学"]
        );
        // A prospectus's role words and a change of a firm's form name no firm.
        assert_eq!(
            names("东莞青禾精密光学有限公司,系发行人控股子公司。", Kind::Enterprise),
            vec!["东莞青禾精密光学有限公司"]
        );
        assert!(names("2021年9月整体变更为股份有限公司。", Kind::Enterprise).is_empty());
        // A firm's short name before 与 and a university named after its city.
        assert_eq!(
            names("5月，青禾光电与宁波大学签约共建联合实验室。", Kind::Institute),
            vec!["宁波大学"]
        );
    }

    #[test]
    fn province_wide_phrases_are_not_zones() {
        assert!(names("在浙江省高新区评价中名列前茅。", Kind::Zone).is_empty());
    }

    #[test]
    fn a_list_before_an_industry_s_leading_firms_is_of_firms() {
        let n = names(
            "青溪高新区集聚了远山光纤、白鹭激光等光电子信息产业链龙头企业。",
            Kind::Enterprise,
        );
        assert_eq!(n, vec!["远山光纤", "白鹭激光"]);
    }

    #[test]
    fn a_bare_year_opening_a_title_is_no_part_of_the_name() {
        assert_eq!(
            names("2025青溪科技城招商推介会在白山举行。", Kind::Zone),
            vec!["青溪科技城"]
        );
    }

    #[test]
    fn parks_summed_up_by_a_count_are_parks() {
        let n = names("青溪高新区下辖白鹭食品产业园和装备制造产业园2个专业园区。", Kind::Zone);
        assert!(n.contains(&"装备制造产业园".to_string()), "{n:?}");
        assert!(names("全区已建成标准化产业园4个。", Kind::Zone).is_empty());
    }

    #[test]
    fn parks_listed_by_place() {
        // Parks named after the places they lie in, listed together, are zones.
        let n = names("常州某高新区包括武进园、新北园等两个园区。", Kind::Zone);
        assert!(
            n.contains(&"武进园".to_string()) && n.contains(&"新北园".to_string()),
            "{n:?}"
        );
    }

    #[test]
    fn a_referred_project_a_kind_of_projects_and_a_verb_make_no_project_name() {
        for text in [
            "本项目尚需办理项目备案手续。",
            "全年确保续建项目按期推进。",
            "申报省级科技计划项目12项。",
        ] {
            assert!(
                names(text, Kind::Project).is_empty(),
                "{text}: {:?}",
                names(text, Kind::Project)
            );
        }
        assert_eq!(
            names("白山经开区签下储能系统智能制造基地项目。", Kind::Project),
            vec!["储能系统智能制造基地项目"]
        );
    }

    #[test]
    fn a_body_before_a_quoted_policy_is_no_part_of_its_name() {
        assert_eq!(
            names("落实市政府“青溪英才计划”。", Kind::Policy),
            vec!["“青溪英才计划”"]
        );
    }

    #[test]
    fn projects_with_quoted_parts_and_glosses() {
        assert_eq!(
            names("七叶云“华东总部”项目签约。", Kind::Project),
            vec!["七叶云“华东总部”项目"]
        );
        assert_eq!(
            names("推进“两湖一坝”(东湖、西湖、石坝)项目建设。", Kind::Project),
            vec!["“两湖一坝”项目"]
        );
    }

    #[test]
    fn titled_documents_are_policies() {
        let n = names("园区出台《青溪高新区促进人才集聚若干措施》。", Kind::Policy);
        assert_eq!(n, vec!["青溪高新区促进人才集聚若干措施"]);
    }
}
