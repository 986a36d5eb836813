//! Records: a list's entries written as fields, one a line, under a heading
//! (a provincial notice's list, a digest of signed projects):
//!
//! ```text
//! 1. 工程机械产业链
//! 链主企业:A重工股份有限公司
//! 所在园区:B高新技术产业开发区
//! 2024年链上主营业务收入:486.3亿元
//! ```
//!
//! In: the sentences (normalize keeps each field on its line) and the
//! mentions found in them. Out: the records ([`find_records`]); a company
//! field's bare value as a company (链主企业:湘驰汽车, [`add_field_companies`]); the
//! relations their fields state together ([`add_record_relations`]: the
//! entry's organisation or project lies in the zone of a location field,
//! that zone lies in the place of one, and a chain-leader field makes its
//! enterprise the zone's leader of the heading's industry); and for each
//! sentence of a record the entry's subject, whose figures a field naming
//! nothing states ([`subjects_by_sentence`], read by `statistics.rs`).

use super::rules::{Rules, WordSet};
use super::tables::relate_once;
use super::{Extraction, Kind, Mention, Predicate};
use std::ops::Range;

/// One entry: the sentence of its heading line (if any) and the sentences of its fields.
pub(super) struct Record {
    heading: Option<usize>,
    fields: Range<usize>,
}

/// The label of a field sentence (链主企业 of 链主企业:A公司), if it is one:
/// a colon after two to sixteen characters of a label.
fn field_label(sentence: &str) -> Option<&str> {
    let (label, value) = sentence.trim().split_once(':')?;
    (!value.trim().is_empty() && crate::normalize::is_field_label(label.chars())).then_some(label)
}

/// The records of a text: runs of consecutive field lines, two or more of
/// them a field alone,
/// with the line before them as their heading when it is a short line
/// that ends no sentence (1. 工程机械产业链).
pub(super) fn find_records(text: &str, ex: &Extraction) -> Vec<Record> {
    let n = ex.sentences.len();
    let opens_line = |si: usize| si == 0 || ex.sentences[si - 1].paragraph != ex.sentences[si].paragraph;
    // A field is a line that opens with a label; its value may run on over
    // several sentences (建设内容:新建厂房…。项目废气经处理后排放。).
    let field_line_end = |si: usize| {
        let s = &ex.sentences[si];
        if !opens_line(si) || field_label(&text[s.start..s.end]).is_none() {
            return None;
        }
        Some((si + 1..n).find(|&k| opens_line(k)).unwrap_or(n))
    };
    let mut out = Vec::new();
    let mut si = 0;
    while si < n {
        let Some(mut end) = field_line_end(si) else {
            si += 1;
            continue;
        };
        let start = si;
        // (Lines of one field each: a run of speakers' turns, 主持人:…。…。, is no record.)
        let mut single_lines = usize::from(end == start + 1);
        while let Some(next) = (end < n).then(|| field_line_end(end)).flatten() {
            single_lines += usize::from(next == end + 1);
            end = next;
        }
        si = end;
        if single_lines < 2 {
            continue;
        }
        let heading = start.checked_sub(1).filter(|&h| {
            let s = &ex.sentences[h];
            let line = text[s.start..s.end].trim();
            s.paragraph + 1 == ex.sentences[start].paragraph
                && line.chars().count() <= 30
                && !line.ends_with(['。', '!', '?', ':'])
        });
        out.push(Record {
            heading,
            fields: start..end,
        });
    }
    out
}

/// A company field's bare value (链主企业:湘驰汽车, a short name or a brand)
/// is a company when nothing was found in it: a list names its entries'
/// companies so. Call before the relations are found: the mentions are
/// renumbered.
pub(super) fn add_field_companies(text: &str, records: &[Record], ex: &mut Extraction) {
    let rules = &Rules::get().relations.records;
    let mut found = Vec::new();
    for (si, label, value) in fields(text, ex, records) {
        if !rules.company_labels.found_in(label)
            || ex.mentions.iter().any(|m| m.sentence == si && m.kind != Kind::Industry)
        {
            continue;
        }
        let name = text[value.clone()].trim().trim_matches(['“', '”', '"']);
        if !(2..=12).contains(&name.chars().count()) || !name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            continue;
        }
        let start = value.start + text[value.clone()].find(name).unwrap_or(0);
        ex.mentions
            .retain(|m| !(m.sentence == si && m.start >= start && m.end <= start + name.len()));
        found.push(Mention::from_layout(
            Kind::Enterprise,
            name,
            start..start + name.len(),
            si,
        ));
    }
    ex.insert_mentions(found);
}

/// The field lines of the records: each line's sentence, label and value (a
/// byte range of the text, after the colon).
fn fields<'t>(text: &'t str, ex: &Extraction, records: &[Record]) -> Vec<(usize, &'t str, Range<usize>)> {
    records
        .iter()
        .flat_map(|r| r.fields.clone())
        .filter_map(|si| {
            let s = &ex.sentences[si];
            let line = &text[s.start..s.end];
            let label = field_label(line)?;
            let colon = line.find(':')?;
            Some((si, label, s.start + colon + 1..s.end))
        })
        .collect()
}

/// The items of a leading-industry field (主导产业:铸造、五金机械) are
/// industries, those the taxonomy lacks too: a record lists its zone's
/// industries so. Call before the relations are found (the mentions are
/// renumbered).
pub(super) fn add_field_industries(text: &str, records: &[Record], ex: &mut Extraction) {
    let rules = &Rules::get().relations.records;
    let mut found = Vec::new();
    for (si, label, value) in fields(text, ex, records) {
        if !rules.leading_industry_labels.found_in(label) {
            continue;
        }
        let mut at = value.start;
        for item in text[value].split(['、', ',', ';', '；']) {
            let item_start = at;
            at += item.len() + item_separator_len(&text[at + item.len()..]);
            let name = item.trim();
            let start = item_start + item.find(name).unwrap_or(0);
            let end = start + name.len();
            let is_name = (2..=10).contains(&name.chars().count()) && name.chars().all(super::entities::is_cjk);
            if is_name && !ex.mentions.iter().any(|m| m.start < end && start < m.end) {
                found.push(Mention::from_layout(Kind::Industry, name, start..end, si));
            }
        }
    }
    ex.insert_mentions(found);
}

/// The length of the item separator `text` opens with (、 , ; ；), if any.
fn item_separator_len(text: &str) -> usize {
    text.chars()
        .next()
        .filter(|c| matches!(c, '、' | ',' | ';' | '；'))
        .map_or(0, char::len_utf8)
}

/// Whether a field's label holds a word of `words`.
fn labelled(text: &str, ex: &Extraction, si: usize, words: &WordSet) -> bool {
    let s = &ex.sentences[si];
    field_label(&text[s.start..s.end]).is_some_and(|l| words.found_in(l))
}

/// The first mention of `kind` in the sentences `range` whose field passes `field`.
fn first_of(ex: &Extraction, kind: Kind, range: Range<usize>, field: impl Fn(usize) -> bool) -> Option<usize> {
    ex.mentions
        .iter()
        .position(|m| m.kind == kind && range.contains(&m.sentence) && field(m.sentence))
}

/// The field that names the entry itself (园区名称:A高新区, 项目名称:B项目).
fn name_field(text: &str, ex: &Extraction, r: &Record) -> Option<usize> {
    let rules = &Rules::get().relations.records;
    r.fields.clone().find(|&si| {
        let s = &ex.sentences[si];
        field_label(&text[s.start..s.end]).is_some_and(|label| {
            rules.name_labels.iter().any(|w| label.ends_with(w.as_str())) && !rules.former_name_labels.found_in(label)
        })
    })
}

/// The entry's zone, organisation or project: what its figures are of and
/// what lies in its zone. The one its name field names, else its first
/// project, enterprise or institute.
fn entry_subject(text: &str, ex: &Extraction, r: &Record) -> Option<usize> {
    // (The name that ends the value: 郴州高新区白露塘有色金属产业园 is the
    // park, not the zone its name opens with.)
    let named = name_field(text, ex, r).and_then(|si| {
        ex.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.sentence == si && matches!(m.kind, Kind::Zone | Kind::Project | Kind::Enterprise | Kind::Institute)
            })
            .max_by_key(|(_, m)| (m.end, m.end - m.start))
            .map(|(i, _)| i)
    });
    named.or_else(|| {
        [Kind::Project, Kind::Enterprise, Kind::Institute]
            .into_iter()
            .find_map(|kind| first_of(ex, kind, r.fields.clone(), |_| true))
    })
}

/// A fact a field of a zone's record states (mentions by index).
enum ZoneFact {
    /// The zone was called by the name of this mention.
    FormerName(usize),
    /// This firm leads the zone's chain of this industry.
    Leads(usize, usize),
    Related(Predicate, usize, usize),
}

/// What the fields of a zone's own record state of it (a directory of
/// parks, an infobox): where it lies (places and a parent zone of its
/// location fields), its leading industries, its former names, its leading
/// firms (in it, and leaders of the chain of the industry written with
/// them), its sub-parks, and the organisations its other fields name.
fn add_zone_record_relations(text: &str, r: &Record, zone: usize, ex: &mut Extraction) {
    let rules = &Rules::get().relations.records;
    let mentions = &ex.mentions;
    let name_si = ex.mentions[zone].sentence;
    let zone_name = ex.mentions[zone].name.clone();
    let mut found: Vec<(ZoneFact, usize)> = Vec::new();
    for si in r.fields.clone().filter(|&si| si != name_si) {
        let s = &ex.sentences[si];
        let line = &text[s.start..s.end];
        let Some(label) = field_label(line) else { continue };
        let in_field: Vec<usize> = (0..ex.mentions.len())
            .filter(|&m| ex.mentions[m].sentence == si)
            .collect();
        let of_kind = |kind: Kind| in_field.iter().copied().filter(move |&m| mentions[m].kind == kind);
        if rules.former_name_labels.found_in(label) {
            for old in of_kind(Kind::Zone).filter(|&m| ex.mentions[m].name != zone_name) {
                found.push((ZoneFact::FormerName(old), si));
            }
        } else if rules.leading_industry_labels.found_in(label) {
            found.extend(of_kind(Kind::Industry).map(|i| (ZoneFact::Related(Predicate::LeadingIndustry, zone, i), si)));
        } else if rules.sub_zone_labels.found_in(label) {
            found.extend(of_kind(Kind::Zone).map(|sub| (ZoneFact::Related(Predicate::LocatedIn, sub, zone), si)));
        } else if rules.location_labels.found_in(label) {
            let wheres = in_field.iter().copied().filter(|&m| {
                matches!(ex.mentions[m].kind, Kind::Place | Kind::Zone) && ex.mentions[m].name != zone_name
            });
            found.extend(wheres.map(|place| (ZoneFact::Related(Predicate::LocatedIn, zone, place), si)));
        } else if !rules.service_labels.iter().any(|l| l == label) {
            let leaders = rules.leading_firm_labels.found_in(label);
            // The industry written last before a firm in its part of the
            // field (parts apart by ;), else one in brackets right after it.
            let mut industry: Option<usize> = None;
            let mut part_start = s.start;
            for &m in &in_field {
                let mention = &ex.mentions[m];
                if let Some(semicolon) = text[part_start..mention.start].rfind([';', '；']) {
                    part_start += semicolon + 1;
                    industry = None;
                }
                // (Not one in brackets after a firm: that is the firm's.)
                let bracketed_after_firm = text[..mention.start].ends_with('(');
                match mention.kind {
                    Kind::Industry if !bracketed_after_firm => industry = Some(m),
                    Kind::Enterprise | Kind::Institute => {
                        found.push((ZoneFact::Related(Predicate::LocatedIn, m, zone), si));
                        // (The bracket's words may be an industry the
                        // record's own industry field named: 食品医药.)
                        let in_brackets = text[mention.end..]
                            .strip_prefix('(')
                            .and_then(|rest| rest.split_once(')'))
                            .map(|(inside, _)| inside);
                        let bracketed = in_brackets.and_then(|inside| {
                            (0..ex.mentions.len()).find(|&i| {
                                let m = &ex.mentions[i];
                                m.kind == Kind::Industry
                                    && m.name == inside
                                    && (m.start == mention.end + 1 || r.fields.contains(&m.sentence))
                            })
                        });
                        if let Some(industry) = bracketed
                            .or(industry)
                            .filter(|_| leaders && mention.kind == Kind::Enterprise)
                        {
                            found.push((ZoneFact::Leads(m, industry), si));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    for (fact, si) in found {
        match fact {
            ZoneFact::FormerName(old) => {
                let literal = Some(ex.mentions[old].name.clone());
                ex.relations.push(super::RelationMention {
                    predicate: Predicate::FormerName,
                    subject: zone,
                    object: None,
                    literal,
                    industry: None,
                    date: None,
                    sentence: si,
                });
            }
            ZoneFact::Leads(leader, industry) => super::tables::lead_chain_once(ex, zone, leader, industry, si),
            ZoneFact::Related(predicate, subject, object) => relate_once(ex, predicate, subject, object, si),
        }
    }
}

/// Add what each record's fields state together (see the module doc).
pub(super) fn add_record_relations(text: &str, records: &[Record], ex: &mut Extraction) {
    let rules = &Rules::get().relations.records;
    for r in records {
        let subject = entry_subject(text, ex, r);
        if let Some(zone) = subject.filter(|&m| ex.mentions[m].kind == Kind::Zone) {
            add_zone_record_relations(text, r, zone, ex);
            continue;
        }
        let located = |si: usize| labelled(text, ex, si, &rules.location_labels) && Some(si) != name_field(text, ex, r);
        let zone = first_of(ex, Kind::Zone, r.fields.clone(), located);
        let place = first_of(ex, Kind::Place, r.fields.clone(), located);
        if let (Some(zone), Some(place)) = (zone, place) {
            relate_once(ex, Predicate::LocatedIn, zone, place, ex.mentions[place].sentence);
        }
        let Some(zone) = zone else { continue };
        if let Some(subject) = subject {
            relate_once(ex, Predicate::LocatedIn, subject, zone, ex.mentions[zone].sentence);
        }
        let leader = first_of(ex, Kind::Enterprise, r.fields.clone(), |si| {
            labelled(text, ex, si, &rules.chain_leader_labels)
        });
        let industry = r.heading.and_then(|h| first_of(ex, Kind::Industry, h..h + 1, |_| true));
        if let (Some(leader), Some(industry)) = (leader, industry) {
            super::tables::lead_chain_once(ex, zone, leader, industry, ex.mentions[leader].sentence);
        }
    }
}

/// For each sentence, the subject of the record it is a field of (if any).
pub(super) fn subjects_by_sentence(text: &str, ex: &Extraction, records: &[Record]) -> Vec<Option<usize>> {
    let mut out = vec![None; ex.sentences.len()];
    for r in records {
        let Some(subject) = entry_subject(text, ex, r) else {
            continue;
        };
        for si in r.fields.clone() {
            out[si] = Some(subject);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;
    use crate::normalize::clean;

    /// (zone, leader, industry) of each chain-leader relation.
    fn leads(ex: &crate::extract::Extraction) -> Vec<(&str, &str, &str)> {
        let name = |k: usize| ex.mentions[k].name.as_str();
        ex.relations
            .iter()
            .filter(|r| r.predicate == Predicate::ChainLeader)
            .filter_map(|r| Some((name(r.subject), name(r.object?), name(r.industry?))))
            .collect()
    }

    #[test]
    fn a_field_has_a_short_label_and_a_value() {
        assert_eq!(field_label("链主企业:青溪重工股份有限公司"), Some("链主企业"));
        assert_eq!(field_label("2024年营业收入:48.6亿元"), Some("2024年营业收入"));
        assert_eq!(field_label("主要做法:"), None);
        assert_eq!(field_label("据介绍,青溪高新区今年以来新签约项目:12个"), None);
    }

    #[test]
    fn the_fields_of_an_entry_are_read_together() {
        let text = "链主企业名单公示\n\n1. 工程机械产业链\n链主企业:青溪重工股份有限公司\n\
                    所在园区:宝川高新技术产业开发区\n2024年链上主营业务收入:48.6亿元\n\n\
                    2. 新能源汽车产业链\n链主企业:澜川汽车有限公司\n所在园区:蓝湾经济技术开发区\n";
        let ex = extract(&clean(text));
        let name = |k: usize| ex.mentions[k].name.as_str();
        let leads = leads(&ex);
        assert_eq!(
            leads,
            [
                ("宝川高新技术产业开发区", "青溪重工股份有限公司", "工程机械"),
                ("蓝湾经济技术开发区", "澜川汽车有限公司", "新能源汽车"),
            ]
        );
        let located: Vec<(&str, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::LocatedIn && ex.mentions[r.subject].kind == Kind::Enterprise)
            .filter_map(|r| Some((name(r.subject), name(r.object?))))
            .collect();
        assert_eq!(
            located,
            [
                ("青溪重工股份有限公司", "宝川高新技术产业开发区"),
                ("澜川汽车有限公司", "蓝湾经济技术开发区")
            ]
        );
        let figures: Vec<(&str, &str)> = ex
            .statistics
            .iter()
            .map(|s| (name(s.subject), s.value.as_str()))
            .collect();
        assert_eq!(figures, [("青溪重工股份有限公司", "4860000000")]);
    }

    #[test]
    fn a_company_field_s_bare_value_is_a_company() {
        let text = "链主企业名单公示\n\n1. 新能源汽车产业链\n链主企业:澜川汽车\n所在园区:蓝湾经济技术开发区\n\
                    2024年链上主营业务收入:153.8亿元\n";
        let ex = extract(&clean(text));
        let name = |k: usize| ex.mentions[k].name.as_str();
        let leads: Vec<(&str, &str)> = ex
            .relations
            .iter()
            .filter(|r| r.predicate == Predicate::ChainLeader)
            .filter_map(|r| Some((name(r.object?), name(r.industry?))))
            .collect();
        assert_eq!(leads, [("澜川汽车", "新能源汽车")]);
        let figures: Vec<&str> = ex.statistics.iter().map(|s| name(s.subject)).collect();
        assert_eq!(figures, ["澜川汽车"]);
    }

    #[test]
    fn a_project_s_fields_state_its_figures_even_over_several_sentences() {
        let text = "青溪高新区建设项目公示\n\n一、\n项目名称:年产500万片柔性线路板项目\n\
                    建设单位:青溪远山电子有限公司\n建设地点:青溪高新区云杉路8号\n\
                    总投资:36000万元,其中环保投资520万元\n\
                    建设内容:新建厂房2.4万平方米。项目废水经预处理后接入市政管网。\n\
                    环评单位:白鹭环境咨询有限公司\n";
        let ex = extract(&clean(text));
        let figures: Vec<(&str, &str)> = ex
            .statistics
            .iter()
            .map(|s| (ex.mentions[s.subject].name.as_str(), s.value.as_str()))
            .collect();
        for value in ["360000000", "5200000", "24000"] {
            assert!(
                figures.contains(&("年产500万片柔性线路板项目", value)),
                "{value}: {figures:?}"
            );
        }
    }

    #[test]
    fn a_firm_serving_the_entry_lies_nowhere_by_it_and_a_bureau_s_branch_is_an_agency() {
        let text = "青溪高新技术产业开发区建设项目公示\n\n\
                    青溪市生态环境局高新技术产业开发区分局拟对下列项目作出审批决定。\n\n一、\n\
                    项目名称:年产500万片柔性线路板项目\n建设单位:青溪远山电子有限公司\n\
                    建设地点:青溪高新区云杉路8号\n环评单位:白鹭环境咨询有限公司\n";
        let r = crate::resolve::resolve(&extract(&clean(text)));
        let located: Vec<&str> = r
            .relations
            .iter()
            .filter(|x| x.predicate == Predicate::LocatedIn)
            .map(|x| r.entities[x.subject].label.as_str())
            .collect();
        assert!(!located.contains(&"白鹭环境咨询有限公司"), "{located:?}");
        assert!(
            r.entities
                .iter()
                .any(|e| e.kind == Kind::Agency && e.label == "青溪市生态环境局高新技术产业开发区分局"),
            "{:?}",
            r.entities.iter().map(|e| &e.label).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_zone_s_record_in_a_directory_of_parks_states_its_facts() {
        let text = "青溪市产业园区名录\n\n【01】\n园区名称:青溪高新技术产业开发区\n简称:青溪高新区\n\
                    曾用名:青溪工业集中区(2006年设立)\n所在地:南湖区\n规划面积:32.60平方公里\n\
                    主导产业:新材料、锻铸、五金机械\n\
                    龙头企业:新材料——宝川新材料股份有限公司;五金机械——澜川机械有限公司\n\
                    特色园区:白鹭智造产业园\n2023年规上工业产值:486.7亿元\n规上工业企业:212家\n\
                    --------------------\n【02】\n园区名称:蓝湾经济开发区\n所在地:北湖区\n\
                    主导产业:食品医药\n龙头企业:云杉食品有限公司(食品医药)\n规上工业企业:56家\n";
        let ex = extract(&clean(text));
        let name = |k: usize| ex.mentions[k].name.as_str();
        let rels: Vec<(Predicate, &str, String)> = ex
            .relations
            .iter()
            .map(|r| {
                let object = match (r.object, &r.literal) {
                    (Some(o), _) => name(o).to_string(),
                    (None, Some(l)) => l.clone(),
                    _ => String::new(),
                };
                (r.predicate, name(r.subject), object)
            })
            .collect();
        let has = |p: Predicate, s: &str, o: &str| rels.iter().any(|r| r.0 == p && r.1 == s && r.2 == o);
        let qingxi = "青溪高新技术产业开发区";
        assert!(has(Predicate::FormerName, qingxi, "青溪工业集中区"), "{rels:?}");
        assert!(has(Predicate::LeadingIndustry, qingxi, "新材料"), "{rels:?}");
        // (An industry the taxonomy lacks, listed in the field.)
        assert!(has(Predicate::LeadingIndustry, qingxi, "锻铸"), "{rels:?}");
        assert!(has(Predicate::LocatedIn, "澜川机械有限公司", qingxi), "{rels:?}");
        assert!(has(Predicate::LocatedIn, "白鹭智造产业园", qingxi), "{rels:?}");
        let leads = leads(&ex);
        assert!(leads.contains(&(qingxi, "澜川机械有限公司", "五金机械")), "{leads:?}");
        assert!(
            leads.contains(&("蓝湾经济开发区", "云杉食品有限公司", "食品医药")),
            "{leads:?}"
        );
        // The figures are the zone's, not its leading firm's.
        let figures: Vec<(&str, &str)> = ex
            .statistics
            .iter()
            .map(|s| (name(s.subject), s.value.as_str()))
            .collect();
        assert!(figures.contains(&(qingxi, "48670000000")), "{figures:?}");
        assert!(figures.contains(&("蓝湾经济开发区", "56")), "{figures:?}");
    }

    #[test]
    fn speakers_turns_are_no_record() {
        let text = "青溪高新区新闻发布会\n\n主持人:请介绍远山电子有限公司的情况。谢谢。\n\
                    发言人:今年新签约项目18个。总投资达到120亿元。\n";
        let ex = extract(&clean(text));
        assert!(find_records(&clean(text).text, &ex).is_empty());
    }
}
