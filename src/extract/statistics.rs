//! Statistics: a number with a unit (`634.21亿元`, `280家`, `98.7%`,
//! `24平方公里`), its subject (the entity the clause is about, else the
//! sentence's zone), its metric (the words before it), its year (`截至2023年底`,
//! `2022年`, carried through a paragraph) and qualifiers (约, 以上, 力争).

use super::numbers::{chinese_number_at, Decimal};
use super::rules::{ends_with, starts_with, Cue, Rules, StatisticRules};
use super::{Extraction, Kind, StatisticMention};
use std::sync::OnceLock;

fn year_re() -> &'static regex::Regex {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    RE.get_or_init(|| regex::Regex::new(r"((?:19|20)\d{2})年").expect("valid year pattern"))
}

/// The years `text` gives to figures, in order: `2023年`, but not the date
/// of an event (`1991年经国务院批准设立`, `2010年3月成立`; see
/// `event_after_year` in statistics.toml).
fn figure_years<'a>(text: &'a str, rules: &'a StatisticRules) -> impl Iterator<Item = i32> + 'a {
    static MONTH_DAY: OnceLock<regex::Regex> = OnceLock::new();
    let month_day =
        MONTH_DAY.get_or_init(|| regex::Regex::new(r"^(?:\d{1,2}月)?(?:\d{1,2}日)?").expect("valid date pattern"));
    years_in(text).filter_map(move |(year, end)| {
        let rest = &text[end..];
        let rest = &rest[month_day.find(rest).map_or(0, |m| m.end())..];
        if rules.event_after_year.iter().any(|w| rest.starts_with(w.as_str())) {
            return None;
        }
        Some(year)
    })
}

/// The matches of [`year_re`] in `text` (the year and the byte after 年),
/// found from each 年: the same matches (four digits and 年 cannot overlap),
/// without running the regex over every sentence.
pub(super) fn years_in(text: &str) -> impl Iterator<Item = (i32, usize)> + '_ {
    text.match_indices('年').filter_map(move |(at, _)| {
        let digits = text.as_bytes().get(at.checked_sub(4)?..at)?;
        let century_ok = matches!(&digits[..2], b"19" | b"20");
        if !century_ok || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let year = digits.iter().fold(0, |y, d| y * 10 + i32::from(d - b'0'));
        Some((year, at + '年'.len_utf8()))
    })
}

/// `record_subjects`: for each sentence that is a field of a list's entry,
/// the entry's subject (see `records.rs`), whose figures the field states
/// when it names nothing else.
pub(super) fn find_statistics(
    text: &str,
    char_index: &super::CharIndex,
    record_subjects: &[Option<usize>],
    ex: &mut Extraction,
) {
    let rules = Rules::get();
    let sr = &rules.statistics;
    let mut out = Vec::new();
    let mut paragraph_year: (usize, Option<i32>) = (usize::MAX, None);
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); ex.sentences.len()];
    for (i, m) in ex.mentions.iter().enumerate() {
        by_sentence[m.sentence].push(i);
    }
    // Tables of figures (指标名称 单位 数值 同比增长(%)): the last year the
    // document named (a table's title gives its year), and whether a header
    // announced a growth column.
    let mut document_year: Option<i32> = None;
    let mut growth_column = false;
    let mut table_header = false;
    // The zone of the last sentence that had one, and of the table's header.
    let (mut last_zone, mut table_zone): (Option<usize>, Option<usize>) = (None, None);
    // The company or institute whose figures the paragraph's last figures
    // were: a sentence that names nothing goes on with it (A股价走高。截至
    // 收盘,报36.04元/股…).
    let mut firm: Option<(usize, usize)> = None;
    for (si, sentence) in ex.sentences.iter().enumerate() {
        if sentence.paragraph != paragraph_year.0 {
            paragraph_year = (sentence.paragraph, None);
        }
        let s = &text[sentence.start..sentence.end];
        firm = firm.filter(|&(p, _)| p == sentence.paragraph);
        // Asked only while a company's figures may go on (most sentences
        // have none pending).
        let names_something = || {
            by_sentence[si].iter().any(|&k| {
                matches!(
                    ex.mentions[k].kind,
                    Kind::Zone | Kind::Enterprise | Kind::Institute | Kind::Project | Kind::Place
                )
            }) || rules.subject_words().any(|w| s.contains(w.as_str()))
        };
        let mut carried = None;
        if let Some((_, f)) = firm {
            if names_something() {
                firm = None;
            } else if !sr.no_carry_words.iter().any(|w| s.contains(w.as_str())) {
                carried = Some(f);
            }
        }
        if let Some(subject) = record_subjects.get(si).copied().flatten() {
            if !names_something() {
                carried = Some(subject);
            }
        }
        let topic = ex.topic.get(si).copied().flatten();
        if let Some(row) = table_header.then(|| table_row(s, rules)).flatten() {
            // Each row is a line of its own, which ends the section of a
            // heading's zone: the rows are the zone's the table's title names.
            if let Some(subject) = topic.or(table_zone) {
                let figures = [(row.value, row.unit.as_str(), row.metric.clone(), None)]
                    .into_iter()
                    .chain(
                        row.growth
                            .filter(|_| growth_column || row.growth_marked)
                            .map(|g| (g, "percent", format!("{}同比增长", row.metric), Some("growth"))),
                    );
                for ((value, start, end), unit, metric, qualifier) in figures {
                    out.push(StatisticMention {
                        subject,
                        value: value.to_lexical(),
                        unit: unit.to_string(),
                        metric,
                        year: document_year,
                        qualifier,
                        sentence: si,
                        start: sentence.start + start,
                        end: sentence.start + end,
                    });
                }
            }
            continue;
        }
        // The last year the sentence gives its figures (a year is four
        // digits: most sentences have none to look for).
        let last_year = s
            .bytes()
            .any(|b| b.is_ascii_digit())
            .then(|| figure_years(s, sr).last())
            .flatten();
        if let Some(y) = last_year {
            document_year = Some(y);
        }
        growth_column |= sentence.cues.has(Cue::GrowthColumnHeader);
        if sentence.cues.has(Cue::TableHeader) {
            table_header = true;
            table_zone = topic.or(last_zone);
        }
        last_zone = topic.or(last_zone);
        // English sentences are english_statistics.rs's (the year they name
        // still carries over to the paragraph's next sentences).
        if sentence.english {
            if let Some(y) = last_year {
                paragraph_year.1 = Some(y);
            }
            continue;
        }
        // A sentence without a character a number starts with has no figure.
        if !s.chars().any(starts_number) {
            carry_paragraph_year(last_year, s, sr, &mut paragraph_year);
            continue;
        }
        let (chars, byte_of) = char_index.span(sentence.start, sentence.end);
        // What a metric may start with that names its zone, not what is measured.
        let zone_names: Vec<&str> = by_sentence[si]
            .iter()
            .map(|&k| &ex.mentions[k])
            .filter(|m| m.kind == Kind::Zone)
            .map(|m| &text[m.start..m.end])
            .chain(rules.entities.zone.coreference.iter().map(String::as_str))
            .collect();
        // The clause (its first byte) and subject of the last figure: a
        // segment without a subject of its own continues it.
        let mut previous: Option<(usize, usize)> = carried.map(|f| (usize::MAX, f));
        // The clause (its first byte) whose figures are a group of zones'.
        let mut group_clause: Option<(usize, Option<usize>)> = None;
        // A和B…分别…X和Y: the figures after 分别 are the listed ones', in order.
        let mut respective = respective_list(text, ex, &by_sentence[si], sentence.start, sentence.end);
        let mut i = 0;
        while i < chars.len() {
            let Some(Number {
                value,
                end: num_end,
                percent,
            }) = number_at(chars, i, rules)
            else {
                i += 1;
                continue;
            };
            // Skip numbers glued to a preceding digit or letter (part of a code).
            if i > 0 && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.') {
                i = num_end;
                continue;
            }
            let mut j = num_end;
            let mut qualifier = None;
            for w in &sr.approx_after {
                if starts_with(chars, j, w) {
                    j += w.chars().count();
                    qualifier = Some("approx");
                    break;
                }
            }
            let found = if percent {
                rules.units.iter().find(|(_, u, _)| u == "percent").map(|u| (u, 0))
            } else {
                rules
                    .units
                    .iter()
                    .find(|(w, _, _)| starts_with(chars, j, w))
                    .map(|u| (u, u.0.chars().count()))
            };
            let Some(((_, unit, factor), unit_len)) = found else {
                i = num_end;
                continue;
            };
            let unit_end = j + unit_len;
            let unit = unit.as_str();
            // 580亿港元: Hong Kong dollars, not yuan.
            if unit == "CNY" && sr.other_currencies.iter().any(|w| starts_with(chars, unit_end, w)) {
                i = unit_end;
                continue;
            }
            if unit == "count" && sr.not_after.iter().any(|w| starts_with(chars, unit_end, w)) {
                i = unit_end;
                continue;
            }
            if sr.not_before.iter().any(|w| ends_with(chars, i, w)) {
                i = unit_end;
                continue;
            }
            // The first number of a range (1至2家) is not a figure either.
            if ["至", "~", "—"].iter().any(|w| starts_with(chars, num_end, w)) {
                i = unit_end;
                continue;
            }
            // Thresholds (超10亿元项目), counts of zones as a group, numbers in quoted names (“1%工作法”).
            let money = matches!(unit, "CNY" | "USD");
            if money && sr.threshold_after.iter().any(|w| starts_with(chars, unit_end, w)) || inside_quotes(chars, i) {
                i = unit_end;
                continue;
            }
            if (money || unit == "percent") && grant_terms(chars, i, unit_end, sr) {
                i = unit_end;
                continue;
            }
            // Counts of time (20天) are not in the unit list; counts of
            // people met at an event are still counts. Years (2022年) never match a unit.
            let Some(value) = value.times(*factor) else {
                i = unit_end;
                continue;
            };
            let growth = sr
                .growth_words
                .iter()
                .any(|w| ends_with(chars, i, w) || i > 0 && chars[i - 1] == '了' && ends_with(chars, i - 1, w));
            if growth && unit == "percent" {
                qualifier = Some("growth");
            } else if sr
                .at_least
                .iter()
                .any(|w| ends_with(chars, i, w) || starts_with(chars, unit_end, w))
            {
                qualifier = Some("atLeast");
            } else if sr
                .at_most
                .iter()
                .any(|w| ends_with(chars, i, w) || starts_with(chars, unit_end, w))
            {
                qualifier = Some("atMost");
            }
            let clause_start = (0..i)
                .rev()
                .find(|&k| matches!(chars[k], ';' | '。' | '!' | '?'))
                .map(|k| k + 1)
                .unwrap_or(0);
            let clause = &text[byte_of[clause_start]..byte_of[i]];
            if qualifier.is_none() && sr.target_words.found_in(clause) {
                qualifier = Some("target");
            }
            let start_byte = byte_of[i];
            let end_byte = byte_of[unit_end];
            // A number inside a name (A公司年产30万套电驱系统项目) is no figure.
            if by_sentence[si].iter().any(|&k| {
                let m = &ex.mentions[k];
                m.start <= start_byte && end_byte <= m.end
            }) {
                i = unit_end;
                continue;
            }
            let at = FigureSpan {
                clause_start: byte_of[clause_start],
                start: start_byte,
                end: end_byte,
            };
            // 无锡高新区、常州高新区营业收入均超过2000亿元: each listed subject's
            // figure; a list without 均 gives its sum or a share of it, no one's.
            let in_respective = respective
                .as_ref()
                .is_some_and(|r| r.from <= at.start && !text[r.from..at.start].contains(['。', ';', '!', '?']));
            let respective_subject = respective.as_mut().filter(|_| in_respective).and_then(|r| {
                r.next += 1;
                r.list.get(r.next - 1).copied()
            });
            let subjects: Vec<usize> = match respective_subject
                .map(|s| vec![s])
                .or_else(|| listed_subjects(text, ex, &by_sentence[si], at))
            {
                Some(list) => list,
                // 178家国家高新区共实现营业收入…,同比增长6.9%: figures of a group
                // of zones, and the figures of the clause that follow it: no
                // one's, or the province's or city's whose zones they are
                // (全省高新区实现营业收入…, 全省48家高新区).
                None => match group_of_zones_leads(text, ex, &by_sentence[si], at, sr).or_else(|| {
                    group_clause
                        .filter(|g| g.0 == at.clause_start && !names_a_zone(text, ex, &by_sentence[si], at))
                        .map(|g| g.1)
                }) {
                    Some(area) => {
                        group_clause = Some((at.clause_start, area));
                        area.into_iter().collect()
                    }
                    None => subject_for(
                        text,
                        ex,
                        &by_sentence[si],
                        si,
                        at,
                        // A company's or institute's figures go on across the
                        // sentence's semicolons (公司营业收入4.86亿元;净利润7820万元).
                        previous
                            .filter(|p| {
                                // (usize::MAX: carried into the sentence, a list entry's project too.)
                                p.0 == byte_of[clause_start]
                                    || p.0 == usize::MAX
                                    || matches!(ex.mentions[p.1].kind, Kind::Enterprise | Kind::Institute | Kind::Place)
                            })
                            .map(|p| p.1),
                    )
                    .into_iter()
                    .collect(),
                },
            };
            // The year: the nearest year before the number in the sentence, else the paragraph's.
            let before_text = &text[sentence.start..start_byte];
            let relative = sr.relative_years.found_in(before_text);
            let year = figure_years(before_text, sr)
                .last()
                .or(paragraph_year.1.filter(|_| !relative));
            for subject in subjects {
                // A count of zones as a group (与会21家国家高新区) is no figure of one zone.
                if unit == "count"
                    && ex.mentions[subject].kind == Kind::Zone
                    && sr.group_nouns.iter().any(|w| starts_with(chars, unit_end, w))
                {
                    continue;
                }
                // Nor with the name of what it measures.
                let subject_name = &text[ex.mentions[subject].start..ex.mentions[subject].end];
                let names: Vec<&str> = zone_names
                    .iter()
                    .copied()
                    .chain([subject_name])
                    .chain(sr.project_references.iter().map(String::as_str))
                    .collect();
                let metric = metric_for(chars, clause_start, i, unit_end, &names);
                // Nor is a count of zones (国家高新区数量达到200家) a figure of one.
                let counted = sr
                    .group_count_words
                    .iter()
                    .find_map(|w| metric.strip_suffix(w.as_str()))
                    .unwrap_or(&metric);
                if unit == "count"
                    && ex.mentions[subject].kind == Kind::Zone
                    && sr.group_nouns.iter().any(|w| counted.ends_with(w.as_str()))
                {
                    continue;
                }
                previous = Some((byte_of[clause_start], subject));
                if matches!(ex.mentions[subject].kind, Kind::Enterprise | Kind::Institute) {
                    firm = Some((sentence.paragraph, subject));
                }
                out.push(StatisticMention {
                    subject,
                    value: value.to_lexical(),
                    unit: unit.to_string(),
                    metric,
                    year,
                    qualifier,
                    sentence: si,
                    start: start_byte,
                    end: end_byte,
                });
            }
            i = unit_end;
        }
        carry_paragraph_year(last_year, s, sr, &mut paragraph_year);
    }
    ex.statistics = out;
}

/// After a Chinese sentence `s`, the year its paragraph's next figures
/// take: the last year it gives them (`last_year`, from [`figure_years`]),
/// none after a relative year (去年), else the one before.
fn carry_paragraph_year(
    last_year: Option<i32>,
    s: &str,
    sr: &StatisticRules,
    paragraph_year: &mut (usize, Option<i32>),
) {
    if let Some(y) = last_year {
        paragraph_year.1 = Some(y);
    } else if sr.relative_years.found_in(s) {
        paragraph_year.1 = None;
    }
}

/// One row of a table of figures as PDF and web extraction leave it: a
/// metric, its unit, the value and perhaps a growth rate, separated by
/// spaces (规模以上工业总产值 亿元 812.6 9.2).
struct TableRow {
    metric: String,
    unit: String,
    /// The value in base units, with its byte span in the line.
    value: (Decimal, usize, usize),
    growth: Option<(Decimal, usize, usize)>,
    /// Whether the growth cell carries its own % (7.4%): a growth column
    /// whatever the header says.
    growth_marked: bool,
}

fn table_row(line: &str, rules: &Rules) -> Option<TableRow> {
    // Normalizing squeezes the spaces next to Chinese characters, so the
    // metric and its unit run into the number: 规模以上工业总产值亿元812.6 9.2.
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(
            r"^\s*([\p{Han}A-Z][\p{Han}A-Za-z&()、% ]{2,30}?)\s*(-?\d[\d,]*(?:\.\d+)?)(?:\s+(?:(-?\d+(?:\.\d+)?)(%)?|[—/-]))?\s*$",
        )
            .expect("valid table row pattern")
    });
    let c = re.captures(line)?;
    // (A row of four cells or more keeps its cells apart: 指标 亿元 812.6 9.2.)
    let words = c[1].replace(' ', "");
    let words = words.as_str();
    let (metric, unit, factor) = if let Some(metric) = words.strip_suffix('%') {
        (metric, "percent", 1)
    } else {
        rules
            .units
            .iter()
            .find_map(|(w, u, f)| words.strip_suffix(w.as_str()).map(|m| (m, u.as_str(), *f)))?
    };
    if metric.chars().count() < 2 {
        return None;
    }
    let number = |m: regex::Match| {
        let value = Decimal::parse_arabic(&m.as_str().replace(',', ""))?;
        Some((value, m.start(), m.end()))
    };
    let (value, start, end) = number(c.get(2)?)?;
    Some(TableRow {
        metric: metric.to_string(),
        unit: unit.to_string(),
        value: (value.times(factor)?, start, end),
        growth: c.get(3).and_then(number),
        growth_marked: c.get(4).is_some(),
    })
}

/// Whether the amount or share at `start..end` is a policy's term, not a
/// figure (see `grant_before` in statistics.toml): a grant, or a
/// condition's threshold.
fn grant_terms(chars: &[char], start: usize, end: usize, sr: &StatisticRules) -> bool {
    let is_break = |c: &char| matches!(c, ',' | ';' | '。' | ':');
    let clause_start = chars[..start].iter().rposition(is_break).map_or(0, |k| k + 1);
    let clause_end = chars[end..].iter().position(is_break).map_or(chars.len(), |k| end + k);
    let in_clause = |w: &String| (clause_start..clause_end).any(|k| starts_with(&chars[..clause_end], k, w));
    if sr.grant_before.iter().any(|w| ends_with(chars, start, w))
        || sr.grant_after.iter().any(|w| starts_with(chars, end, w))
        || sr.grant_clause_words.iter().any(in_clause)
    {
        return true;
    }
    // (The first amounts of a list, 突破50亿元、100亿元的, are conditions as the last is.)
    let listed = chars.get(end) == Some(&'、') && chars[end..clause_end].contains(&'的');
    if chars.get(end) != Some(&'的') && !listed {
        return false;
    }
    // ((一)对… opens a condition as 对… does.)
    let opening: String = chars[clause_start..clause_end]
        .iter()
        .skip_while(|c| matches!(c, '(' | ')') || is_chinese_numeral(**c) || c.is_whitespace())
        .collect();
    !listed && end + 1 == clause_end || sr.condition_openings.iter().any(|w| opening.starts_with(w.as_str()))
}

/// Whether position `i` is inside “…”.
fn inside_quotes(chars: &[char], i: usize) -> bool {
    let open = chars[..i].iter().rposition(|&c| c == '“');
    let close = chars[..i].iter().rposition(|&c| c == '”');
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// A digit or power of ten written in Chinese (一 … 九, 两, 十, 百, 千, 万).
/// A `matches!` rather than a `str::contains`: it is asked of nearly every
/// character of every sentence.
fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万'
    )
}

/// Whether a number can start with `c` (see [`number_at`]): an Arabic
/// digit, or a Chinese numeral other than 万 (which does not begin one).
fn starts_number(c: char) -> bool {
    c.is_ascii_digit() || is_chinese_numeral(c) && c != '万'
}

/// A number found in the text: its value, where it ends, and whether it
/// was written as a share (百分之十五点六: the unit is then percent).
struct Number {
    value: Decimal,
    end: usize,
    percent: bool,
}

/// A number starting at `i`: Arabic (with decimals and thousands commas), a
/// Chinese numeral (decimals too: 二十八点六) before a unit of `units`
/// (after 余, 多 or 左右, if any), or a share written 百分之X.
fn number_at(chars: &[char], i: usize, rules: &Rules) -> Option<Number> {
    let c = chars[i];
    if c.is_ascii_digit() {
        let mut j = i;
        while j < chars.len()
            && (chars[j].is_ascii_digit()
                || (matches!(chars[j], '.' | ',')
                    && chars.get(j + 1).is_some_and(|d| d.is_ascii_digit())
                    && (chars[j] == '.'
                        || j + 3 < chars.len() && chars[j + 1..j + 4].iter().all(|d| d.is_ascii_digit()))))
        {
            j += 1;
        }
        let s: String = chars[i..j].iter().collect();
        return Decimal::parse_arabic(&s).map(|value| Number {
            value,
            end: j,
            percent: false,
        });
    }
    if !starts_number(c) {
        return None;
    }
    // Chinese numerals only when they begin a word: not inside 一批, 三大;
    // nor after 数 and 几, which make them vague (数十个, 几百家).
    if i > 0 && (is_chinese_numeral(chars[i - 1]) || matches!(chars[i - 1], '亿' | '第' | '数' | '几')) {
        return None;
    }
    let unit_at = |k: usize| rules.units.iter().any(|(w, _, _)| starts_with(chars, k, w));
    // 百分之十一点四: a share.
    if starts_with(chars, i, "百分之") {
        let (value, end) = chinese_number_at(chars, i + 3, |_| false)?;
        return Some(Number {
            value,
            end,
            percent: true,
        });
    }
    let (value, j) = chinese_number_at(chars, i, unit_at)?;
    // A single digit character is too often part of a word (一批, 三大);
    // 十, 百 and 千 alone count only firms, items and people or sum money
    // (百余家, 千亿元): before other units they rank (百亿企业, 千亿产业,
    // “科创十条”).
    if j - i < 2 {
        let next = chars.get(j).copied().unwrap_or(' ');
        let money = chars
            .get(j..j + 2)
            .is_some_and(|w| w == ['亿', '元'] || w == ['万', '元']);
        let counted = matches!(next, '余' | '多' | '家' | '个' | '名' | '项');
        if !matches!(c, '十' | '百' | '千') || !(money || counted) {
            return None;
        }
    }
    let approx = rules
        .statistics
        .approx_after
        .iter()
        .find(|w| starts_with(chars, j, w))
        .map_or(0, |w| w.chars().count());
    unit_at(j + approx).then_some(Number {
        value,
        end: j,
        percent: false,
    })
}

/// Whether a zone is named in the figure's segment, before the number.
fn names_a_zone(text: &str, ex: &Extraction, ms: &[usize], at: FigureSpan) -> bool {
    let segment_start = at.segment_start(text);
    ms.iter().any(|&m| {
        let m = &ex.mentions[m];
        m.kind == Kind::Zone && m.start >= segment_start && m.end <= at.start
    })
}

/// Whether the figure's segment is about a group of zones, and whose zones
/// they are: a count or 全国/全省/全市/各 right before a group noun
/// (178家国家高新区共实现…: no one's; 全省高新区实现…, 江西省开发区实现…:
/// the province's), or a count of zones after a whole-area word (全省48家
/// 高新区: the province's). `None` when the segment is not so; `Some(None)`
/// for a group of no place we know.
fn group_of_zones_leads(
    text: &str,
    ex: &Extraction,
    ms: &[usize],
    at: FigureSpan,
    sr: &StatisticRules,
) -> Option<Option<usize>> {
    let segment_start = at.segment_start(text);
    let lead = &text[segment_start..at.start];
    let whole_area = |before: &str, at_byte: usize| {
        let place = ms.iter().copied().find(|&m| {
            let m = &ex.mentions[m];
            m.kind == Kind::Place && m.end == at_byte && m.start >= segment_start
        });
        if place.is_some() {
            return Some(place);
        }
        sr.whole_area_words
            .iter()
            .find(|w| before.ends_with(w.as_str()))
            .map(|w| place_of_level(ex, w, at_byte))
    };
    // 全省48家高新区: the count itself.
    let counted_zones = || {
        let after = &text[at.end..];
        let after = sr
            .group_qualifiers
            .iter()
            .find_map(|q| after.strip_prefix(q.as_str()))
            .unwrap_or(after);
        sr.group_nouns.iter().any(|noun| after.starts_with(noun.as_str()))
    };
    if counted_zones() {
        if let Some(area) = whole_area(lead, at.start) {
            return Some(area);
        }
        // 全省12家国家级高新区、22家省级高新区: the list goes on (the clause's group).
        if lead.ends_with(['、', '和', '及']) {
            return None;
        }
    }
    sr.group_nouns.iter().find_map(|noun| {
        lead.match_indices(noun.as_str()).find_map(|(p, _)| {
            let before = &lead[..p];
            let before = sr
                .group_qualifiers
                .iter()
                .find_map(|q| before.strip_suffix(q.as_str()))
                .unwrap_or(before);
            let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百千".contains(c);
            let uncounted = before.trim_end_matches(['家', '个']);
            let counted = uncounted.len() < before.len() && uncounted.ends_with(numeral);
            if counted {
                // 湖南省41家高新区, 全省9家国家高新区: the place's.
                let count_start = uncounted.trim_end_matches(numeral);
                let count_at = segment_start + count_start.len();
                return Some(whole_area(count_start, count_at).flatten());
            }
            let at_byte = segment_start + before.len();
            whole_area(before, at_byte).or_else(|| ["全国", "各"].iter().any(|w| before.ends_with(w)).then_some(None))
        })
    })
}

/// The subjects of a figure stated for a list of zones (A、B营业收入均超过…):
/// when the figure's segment opens with two or more zones joined by
/// 、/和/及, each of them if 均/都 stands between the list and the number,
/// else none (their total is no one zone's figure). `None` when the segment
/// opens with no such list. (A list of enterprises or projects counted,
/// A、B2家企业入选…, is a figure of the zone the sentence is about.)
/// The subjects a sentence lists before 分别 (湖北光谷实验室和九峰山实验室,
/// 今年分别…46项和38项): the figures after the word are theirs, one each in
/// order. `from` is where 分别 ends, `next` the list's next subject.
struct Respective {
    from: usize,
    list: Vec<usize>,
    next: usize,
}

/// The list of two or more names of one kind, joined by `item_joiners` of
/// relations.toml (、, 和, 及, 与 …),
/// that ends last before the sentence's first 分别.
fn respective_list(text: &str, ex: &Extraction, ms: &[usize], start: usize, end: usize) -> Option<Respective> {
    // (The words that join a list's items, as for items settled together.)
    let joiners = &Rules::get().relations.located_in.item_joiners;
    // (Looked for by its first character: no searcher built per sentence.)
    let at = start
        + text[start..end]
            .match_indices('分')
            .map(|(p, _)| p)
            .find(|&p| text[start + p..end].starts_with("分别"))?;
    let m = |j: usize| &ex.mentions[j];
    let last = ms.iter().copied().rfind(|&j| {
        m(j).end <= at
            && matches!(
                m(j).kind,
                Kind::Institute | Kind::Enterprise | Kind::Zone | Kind::Project
            )
    })?;
    let mut list = vec![last];
    let mut first = last;
    while let Some(&j) = ms.iter().find(|&&j| {
        m(j).kind == m(last).kind
            && m(j).end < m(first).start
            && text
                .get(m(j).end..m(first).start)
                .is_some_and(|gap| joiners.iter().any(|w| w == gap))
    }) {
        list.insert(0, j);
        first = j;
    }
    (list.len() >= 2).then_some(Respective {
        from: at + "分别".len(),
        list,
        next: 0,
    })
}

fn listed_subjects(text: &str, ex: &Extraction, ms: &[usize], at: FigureSpan) -> Option<Vec<usize>> {
    let segment_start = at.segment_start(text);
    let lead = text[segment_start..at.start].trim_start();
    let mut pos = at.start - lead.len();
    let mut list = Vec::new();
    while let Some(&j) = ms.iter().find(|&&j| {
        let m = &ex.mentions[j];
        m.start == pos && m.kind == Kind::Zone
    }) {
        list.push(j);
        pos = ex.mentions[j].end;
        match ['、', '和', '及'].iter().find(|&&c| text[pos..at.start].starts_with(c)) {
            Some(c) => pos += c.len_utf8(),
            None => break,
        }
    }
    if list.len() < 2 {
        return None;
    }
    let between = &text[pos..at.start];
    let each = &Rules::get().statistics.each_words;
    Some(if each.iter().any(|w| between.contains(w.as_str())) {
        list
    } else {
        Vec::new()
    })
}

/// Where a figure stands in the text (byte offsets): its clause's start,
/// and the number with its unit.
#[derive(Clone, Copy)]
struct FigureSpan {
    clause_start: usize,
    start: usize,
    end: usize,
}

impl FigureSpan {
    /// Where the segment (between commas and colons) that holds the number starts.
    fn segment_start(&self, text: &str) -> usize {
        text[self.clause_start..self.start]
            .rfind([',', ':'])
            .map(|p| self.clause_start + p + 1)
            .unwrap_or(self.clause_start)
    }
}

/// The subject of a statistic: the entity right after 总投资N的, else the
/// nearest entity before the number in the clause that is not a member of
/// what is counted, else the subject of the clause's previous figure
/// (A项目总投资15亿元,达产后年产值30亿元), else the sentence's zone.
fn subject_for(
    text: &str,
    ex: &Extraction,
    ms: &[usize],
    si: usize,
    at: FigureSpan,
    previous: Option<usize>,
) -> Option<usize> {
    let FigureSpan {
        clause_start,
        start,
        end,
    } = at;
    let after = &text[end..];
    if after.starts_with('的') {
        let at = end + '的'.len_utf8();
        if let Some(&m) = ms
            .iter()
            .find(|&&m| ex.mentions[m].start == at && matches!(ex.mentions[m].kind, Kind::Project | Kind::Enterprise))
        {
            return Some(m);
        }
    }
    let rules = Rules::get();
    let project_at = |at: usize| {
        ms.iter()
            .copied()
            .find(|&m| ex.mentions[m].start == at && ex.mentions[m].kind == Kind::Project)
    };
    // 投资18亿元建设B项目: the project built with the money.
    let after_unit = after.trim_start_matches([',', ' ']);
    // (A place may stand before the verb: 投资21亿元,在A产业园建设B项目.)
    let after_place = after_unit
        .strip_prefix('在')
        .and_then(|rest| {
            let clause = &rest[..rest.find([',', ';', '。']).unwrap_or(rest.len())];
            rules
                .statistics
                .builds_after
                .iter()
                .filter_map(|v| clause.find(v.as_str()))
                .min()
                .map(|p| &rest[p..])
        })
        .unwrap_or(after_unit);
    if let Some(verb) = rules
        .statistics
        .builds_after
        .iter()
        .find(|v| after_place.starts_with(v.as_str()))
    {
        if let Some(p) = project_at(text.len() - after_place.len() + verb.len()) {
            return Some(p);
        }
    }
    // The segment (between commas) that holds the number.
    let segment_start = at.segment_start(text);
    // A签约建设B项目,总投资22亿元: the investment of the project named last
    // in the sentence.
    let lead_words = text[segment_start..start].trim();
    if rules
        .statistics
        .investment_words
        .iter()
        .any(|w| lead_words == w.as_str())
    {
        let sentence_start = ex.sentences[si].start;
        if let Some(p) = ms
            .iter()
            .copied()
            .filter(|&m| {
                let m = &ex.mentions[m];
                m.kind == Kind::Project && m.start >= sentence_start && m.end <= start
            })
            .max_by_key(|&m| ex.mentions[m].start)
        {
            return Some(p);
        }
    }
    // 该项目总投资…: the project named last (a headline's project is the
    // article's project).
    let lead = text[segment_start..start].trim_start();
    if Rules::get()
        .statistics
        .project_references
        .iter()
        .any(|w| lead.starts_with(w.as_str()))
    {
        let project = ex
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == Kind::Project && m.end <= start && m.sentence <= si)
            .max_by_key(|(_, m)| m.start)
            .map(|(k, _)| k);
        if project.is_some() {
            return project;
        }
    }
    // 共建A研究院,首期投入2亿元: the institute or project just set up;
    // 建设B项目,达产后年产值200亿元: the project.
    let named_last = |kinds: &[Kind]| {
        let sentence_start = ex.sentences[si].start;
        ms.iter()
            .copied()
            .filter(|&m| {
                let m = &ex.mentions[m];
                kinds.contains(&m.kind) && m.start >= sentence_start && m.end <= segment_start
            })
            .max_by_key(|&m| ex.mentions[m].start)
    };
    let opens_with = |words: &[String]| words.iter().any(|w| lead.starts_with(w.as_str()));
    if opens_with(&rules.statistics.first_phase_words) {
        if let Some(m) = named_last(&[Kind::Institute, Kind::Project]) {
            return Some(m);
        }
    }
    if opens_with(&rules.statistics.project_phase_words) {
        if let Some(m) = named_last(&[Kind::Project]) {
            return Some(m);
        }
    }
    // 全市实现地区生产总值…, 无锡全市…: a figure of the whole city, not of
    // the zone the article is about.
    if let Some(place) = whole_area(text, ex, ms, segment_start, start) {
        return place;
    }
    // 该公司营业收入…, 该研究院投入…: the enterprise or institute named last.
    if let Some(e) = super::referred_entity(text, &ex.mentions, segment_start, start) {
        return Some(e);
    }
    let candidate = ms.iter().copied().rev().find(|&m| {
        let e = &ex.mentions[m];
        if e.end > start || e.start < clause_start {
            return false;
        }
        // A company opening a project's name (A公司年产20GWh电池项目总投资…): the project's.
        let inside_project = ms.iter().any(|&p| {
            let p = &ex.mentions[p];
            p.kind == Kind::Project && p.start <= e.start && e.end < p.end
        });
        if inside_project {
            return false;
        }
        // Outside the number's segment, only a segment's subject (at its start) counts.
        if e.start < segment_start {
            let seg = text[clause_start..e.start]
                .rfind([',', ':'])
                .map(|p| clause_start + p + 1)
                .unwrap_or(clause_start);
            let lead = text[seg..e.start].trim();
            // 老牌装备企业A(…)扮演着…: words that describe the subject.
            // …, or a clause that ends in 的 (位于园区南部的A实验室现有…人),
            // unless the number's segment speaks of the zone (…,拉动园区产值增长14.6%).
            let described = || {
                let nouns = &rules.entities.boundary.descriptor_nouns;
                let of_zone = || {
                    let own = &text[segment_start..start];
                    rules.entities.zone.coreference.iter().any(|w| own.contains(w.as_str()))
                };
                nouns.iter().any(|n| lead.ends_with(n.as_str())) || lead.ends_with('的') && !of_zone()
            };
            // (The numbering of a list's item is no word: 1.A公司,研发费用后补助85万元.)
            let numbered = || super::is_item_numbering(lead);
            if !lead.is_empty() && !year_re().is_match(lead) && !described() && !numbered() {
                return false;
            }
        }
        let follow = &text[e.end..];
        // (A list's 、, not an item's numbering: 1、A公司,….)
        let after_numbering = || super::is_item_numbering(&text[clause_start.min(e.start)..e.start]);
        let listed = follow.starts_with('、')
            || follow.starts_with('等')
            || text[..e.start].ends_with('、') && !after_numbering()
            || follow.starts_with('和');
        match e.kind {
            Kind::Enterprise | Kind::Institute | Kind::Project | Kind::Zone => !listed,
            // A place opening the number's segment is its subject (湖南省共有
            // 开发区143家), unless a zone is named on the way (A市B高新区…).
            Kind::Place => {
                // (Only time words before it: 2023年底,白山市共有…)
                let opens = || {
                    text.get(segment_start.max(clause_start)..e.start)
                        .is_some_and(|lead| after_time(lead).trim().is_empty())
                };
                // (… or a zone's ending on the way, of a name not found: 鹤岗高新园区.)
                let zone_between = || {
                    ms.iter().any(|&z| {
                        ex.mentions[z].kind == Kind::Zone
                            && ex.mentions[z].start >= e.end
                            && ex.mentions[z].end <= start
                    }) || {
                        let next: String = text[e.end..start].chars().take(6).collect();
                        rules.entities.zone.suffixes.iter().any(|z| next.contains(z.as_str()))
                    }
                };
                !listed
                    && (text[e.end..start].chars().count() <= 1
                        || e.start >= segment_start && opens() && !zone_between())
            }
            _ => false,
        }
    });
    // 该公司成立于1998年,…,2023年实现营业收入…: an earlier segment's
    // reference, unless the number's own segment names its subject with a
    // word (园区入库企业42家, 公司数量300家), or speaks of the zone
    // (…,拉动园区产值增长14.6%).
    let own_subject_word = rules.subject_words().any(|w| lead.starts_with(w.as_str()))
        || rules
            .entities
            .zone
            .coreference
            .iter()
            .any(|w| lead.contains(w.as_str()));
    // ▶ A二期项目 / 由B公司投资建设,总投资6.2亿元: a paragraph under a
    // project's heading gives its figures to the project, also the amount
    // its investor (由B公司投资12亿元) puts in.
    let heading_project = || super::heading_mention(text, ex, si, Kind::Project, 40, true);
    let investor = |c: usize| {
        let m = &ex.mentions[c];
        m.kind == Kind::Enterprise && text[..m.start].ends_with('由')
    };
    if let Some(p) = candidate.filter(|&c| investor(c)).and_then(|_| heading_project()) {
        return Some(p);
    }
    candidate
        .or_else(|| (!own_subject_word).then(|| item_subject(text, ex, si)).flatten())
        .or_else(|| {
            (!own_subject_word)
                .then(|| super::referred_entity(text, &ex.mentions, clause_start, segment_start).or(previous))
                .flatten()
        })
        .or_else(heading_project)
        .or(ex.topic.get(si).copied().flatten())
}

/// The firm or institute a numbered item's paragraph opens with, a colon
/// after it ((四)昱泰智能:民国108年进驻…。112年营收年增31.5%。): the figures
/// of the item's sentences that name no subject are its own.
fn item_subject(text: &str, ex: &Extraction, si: usize) -> Option<usize> {
    let paragraph = ex.sentences.get(si)?.paragraph;
    let first = (0..=si)
        .rev()
        .take_while(|&k| ex.sentences[k].paragraph == paragraph)
        .last()?;
    let opening = &ex.sentences[first];
    ex.mentions.iter().position(|m| {
        m.sentence == first
            && matches!(m.kind, Kind::Enterprise | Kind::Institute)
            && text[m.end..].starts_with(':')
            && super::is_item_numbering(&text[opening.start..m.start])
    })
}

/// `lead` without the time words that open it: a year (2023年, 2023年底),
/// a month or a month range (1—4月, 5月份), a period (前三季度), each with
/// the comma after it.
fn after_time(lead: &str) -> &str {
    let mut lead = lead.trim_start();
    if let Some(year) = year_re().find(lead).filter(|y| y.start() == 0) {
        lead = lead[year.end()..].trim_start_matches(['底', '末', ',', ' ']);
    }
    let months = lead.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '—' | '–' | '~' | '至'));
    if months.len() < lead.len() {
        if let Some(rest) = months.strip_prefix('月') {
            lead = rest.trim_start_matches('份').trim_start_matches([',', ' ']);
        }
    }
    if let Some(rest) = Rules::get()
        .statistics
        .period_openings
        .iter()
        .find_map(|p| lead.strip_prefix(p.as_str()))
    {
        lead = rest.trim_start_matches([',', ' ']);
    }
    lead
}

/// The subject of a figure whose segment opens with a word for a whole city
/// or province (`whole_area_words`, after time words): the place named right
/// before the word (无锡全市), else the place of that level named last
/// before it, else none (`Some(None)`: the figure is no one's we know).
/// `None` when the segment does not open so.
fn whole_area(text: &str, ex: &Extraction, ms: &[usize], segment_start: usize, start: usize) -> Option<Option<usize>> {
    let rules = Rules::get();
    let lead = after_time(&text[segment_start..start]);
    // `lead` ends where the figure starts.
    let lead_start = start - lead.len();
    let place_before = ms
        .iter()
        .copied()
        .find(|&m| ex.mentions[m].kind == Kind::Place && ex.mentions[m].start == lead_start);
    let after_place = place_before.map_or(lead, |m| &text[ex.mentions[m].end..start]);
    let word = rules
        .statistics
        .whole_area_words
        .iter()
        .find(|w| after_place.starts_with(w.as_str()))?;
    if place_before.is_some() {
        return Some(place_before);
    }
    Some(place_of_level(ex, word, lead_start))
}

/// The place a whole-area word (全省, 全市) at byte `at` stands for: the
/// place of its level (省, 市) named last before it, else first after it.
fn place_of_level(ex: &Extraction, word: &str, at: usize) -> Option<usize> {
    let level = word.chars().last()?;
    let gaz = crate::gazetteer::Gazetteer::get();
    let of_level = |m: &super::Mention| {
        m.kind == Kind::Place
            && m.entry
                .map_or(m.name.as_str(), |e| gaz.entries[e].canonical.as_str())
                .ends_with(level)
    };
    let places = || ex.mentions.iter().enumerate().filter(|(_, m)| of_level(m));
    places()
        .filter(|(_, m)| m.end <= at)
        .max_by_key(|(_, m)| m.start)
        .or_else(|| places().filter(|(_, m)| m.start >= at).min_by_key(|(_, m)| m.start))
        .map(|(k, _)| k)
}

/// `metric` after one of `names` it starts with, when at least two
/// characters remain.
fn after_leading_name<'a>(metric: &'a str, names: &[&str]) -> Option<&'a str> {
    names
        .iter()
        .filter_map(|z| metric.strip_prefix(z))
        .filter(|rest| rest.chars().count() >= 2)
        .min_by_key(|rest| rest.len())
}

/// The words before a figure without what does not name its measure: the
/// verbs and fillers of `metric_trim` at either end (实现, 约), a reference
/// word for the subject (该公司), a year and a name of the subject
/// (去年该区实现营业收入 → 营业收入).
fn trim_metric(mut before: String, leading_names: &[&str]) -> String {
    let sr = &Rules::get().statistics;
    let mut changed = true;
    while changed {
        changed = false;
        for w in &sr.metric_trim {
            // 约 is a filler in 约12个, not in 集中签约 (checked only when it ends the words).
            if let Some(rest) = before.strip_suffix(w.as_str()) {
                let kept = sr
                    .metric_words
                    .iter()
                    .any(|k| k.ends_with(w.as_str()) && before.ends_with(k.as_str()));
                if !kept {
                    before = rest.to_string();
                    changed = true;
                }
            }
            // 有 is a filler in 有企业, not in 有效发明专利.
            if let Some(rest) = before.strip_prefix(w.as_str()) {
                let kept = sr
                    .metric_words
                    .iter()
                    .any(|k| k.starts_with(w.as_str()) && before.starts_with(k.as_str()));
                if !kept {
                    before = rest.to_string();
                    changed = true;
                }
            }
        }
        // 该公司营业收入, 该研究院首期投入: the word that names the subject.
        let refs = &Rules::get().entities.references;
        if let Some((_, rest)) = refs.opening(&before).filter(|(_, rest)| rest.chars().count() >= 2) {
            before = rest.to_string();
            changed = true;
        }
        if let Some(m) = year_re().find(&before) {
            if m.start() == 0 {
                before = before[m.end()..].to_string();
                changed = true;
            }
        }
        if let Some(rest) = after_leading_name(&before, leading_names) {
            before = rest.to_string();
            changed = true;
        } else if leading_names.contains(&before.as_str()) {
            // Only a name: what is counted follows the number (青溪高新区拥有3个街道).
            before.clear();
        }
    }
    before
}

/// The words that say what a figure measures. A metric does not start with
/// one of `leading_names`: the names of the sentence's zones, the words for
/// a zone, the figure's subject and the words for "this project"
/// (东湖高新区地区生产总值 → 地区生产总值, 全区企业总数 → 企业总数).
fn metric_for(
    chars: &[char],
    clause_start: usize,
    num_start: usize,
    unit_end: usize,
    leading_names: &[&str],
) -> String {
    let sr = &Rules::get().statistics;
    // Words before the number back to a comma or clause start (not a
    // thousands separator: 员工从3,000人精简到1,100人).
    let separates = |k: usize| {
        matches!(chars[k], ',' | ':' | '、' | '(' | ')')
            && !(chars[k] == ','
                && k > 0
                && chars[k - 1].is_ascii_digit()
                && chars.get(k + 1).is_some_and(|c| c.is_ascii_digit()))
    };
    let separator_before = |end: usize| {
        (clause_start..end)
            .rev()
            .find(|&k| separates(k))
            .map(|k| k + 1)
            .unwrap_or(clause_start)
    };
    let mut from = separator_before(num_start);
    // A field's value (营业收入:48.6亿元): what it measures is its label.
    if from == num_start && from > clause_start + 1 && chars[from - 1] == ':' {
        let label = separator_before(from - 1);
        if (2..=16).contains(&(from - 1 - label)) && chars[label..from - 1].iter().all(|c| c.is_alphanumeric()) {
            from = label;
        }
    }
    let mut before: String = chars[from..num_start].iter().filter(|&&c| c != ':').collect();
    // A growth rate right after a figure (产值512亿元,同比增长9%) is the growth of that figure's metric.
    if sr.growth_words.contains(&before) && from > clause_start + 1 {
        let prev_from = (clause_start..from - 1)
            .rev()
            .find(|&k| separates(k))
            .map(|k| k + 1)
            .unwrap_or(clause_start);
        let prev: String = chars[prev_from..from - 1]
            .iter()
            .take_while(|c| !c.is_ascii_digit())
            .collect();
        let prev = trim_metric(prev, leading_names);
        if prev.chars().count() >= 2 {
            return format!("{}{before}", prev.chars().take(20).collect::<String>());
        }
    }
    // A、B等10家企业获评…: the number counts the list, and what it counts
    // follows the number.
    let counts_a_list = before.ends_with('等');
    // 由A公司投资建设的B项目总投资: the words after the subject's name
    // (a full name, not a word for a zone) inside them.
    if let Some(cut) = leading_names
        .iter()
        .filter(|n| n.len() < before.len() && n.chars().count() >= 4)
        .filter_map(|n| before.rfind(n).map(|p| p + n.len()))
        .filter(|&cut| before[cut..].chars().count() >= 2)
        .max()
    {
        before = before[cut..].to_string();
    }
    let mut before = trim_metric(before, leading_names);
    if counts_a_list {
        before.clear();
    }
    // What a list was an example of is what is counted (集聚了A、B等规上企业156家).
    if let Some((_, counted)) = before.rsplit_once('等') {
        if counted.chars().count() >= 2 {
            before = counted.to_string();
        }
    }
    if before.chars().count() >= 2 {
        return before.chars().take(24).collect();
    }
    // Else the words after the unit (18个项目).
    chars[unit_end..]
        .iter()
        .take_while(|&&c| !matches!(c, ',' | '。' | ';' | '、' | ':' | '(' | ')'))
        .take(16)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::normalize::clean;

    #[test]
    fn years_are_found_as_the_year_pattern_finds_them() {
        for text in [
            "2023年营业收入",
            "1991年和2020年",
            "12023年",
            "2023 年",
            "18年",
            "3019年",
            "年2023年年",
            "２０２３年",
        ] {
            let by_regex: Vec<(i32, usize)> = super::year_re()
                .captures_iter(text)
                .map(|c| (c[1].parse().unwrap_or(0), c.get(0).map_or(0, |m| m.end())))
                .collect();
            assert_eq!(super::years_in(text).collect::<Vec<_>>(), by_regex, "{text}");
        }
    }

    fn stats(text: &str) -> Vec<(String, String, String)> {
        let doc = clean(text);
        let ex = extract(&doc);
        ex.statistics
            .iter()
            .map(|s| (ex.mentions[s.subject].name.clone(), s.value.clone(), s.unit.clone()))
            .collect()
    }

    #[test]
    fn the_zone_s_whole_year_after_an_institute_s_figures_is_the_zone_s() {
        let s = stats(
            "青溪高新区年鉴\n\n【科技创新】青溪高新区创新能力持续增强。孵化器青溪创新创业服务中心年末在孵企业163家。\
             全年专利授权1862件,技术合同成交额41.5亿元。",
        );
        assert!(
            s.contains(&("青溪创新创业服务中心".into(), "163".into(), "count".into())),
            "{s:?}"
        );
        for value in ["1862", "4150000000"] {
            assert!(s.iter().any(|x| x.1 == value && x.0 == "青溪高新区"), "{value}: {s:?}");
        }
    }

    #[test]
    fn the_bare_word_for_the_zone_s_kind_brings_the_zone_back() {
        let s = stats(
            "标题\n\n青溪高新技术产业开发区发展迅速。青溪高新区位于白山市。\
             白山综合保税区就设在高新区内,进出口总额86亿元。高新区每年安排人才专项资金5亿元。",
        );
        assert!(
            s.iter().any(|x| x.1 == "8600000000" && x.0.contains("综合保税区")),
            "{s:?}"
        );
        assert!(s.iter().any(|x| x.1 == "500000000" && x.0.starts_with("青溪")), "{s:?}");
    }

    #[test]
    fn a_whole_city_s_figure_after_a_month_range_or_a_period_is_the_city_s() {
        for text in [
            "标题\n\n白山市经济发展迅速,青溪高新区贡献突出。据市统计局数据,1—4月全市规上工业增加值同比增长9.6%。",
            "标题\n\n白山市经济发展迅速,青溪高新区贡献突出。前三季度,全市规上工业增加值同比增长9.6%。",
        ] {
            let s = stats(text);
            assert_eq!(
                s,
                [("白山市".to_string(), "9.6".to_string(), "percent".to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn a_place_opening_the_figure_s_clause_is_its_subject() {
        let s = stats("标题\n\n青溪高新区发展迅速。截至2023年底,白山市共有高新技术企业320家。");
        assert!(s.contains(&("白山市".into(), "320".into(), "count".into())), "{s:?}");
        // … but not across a zone named on the way.
        let s = stats("标题\n\n青溪高新区发展迅速。白山市青溪高新区共有高新技术企业320家。");
        assert!(!s.iter().any(|x| x.0 == "白山市"), "{s:?}");
    }

    #[test]
    fn the_figures_of_a_numbered_item_about_a_firm_are_the_firm_s() {
        let got = stats("(四)青岚智能科技有限公司:2019年进驻青溪高新区,生产精密减速机。2023年营业收入增长31.5%。\n");
        assert!(
            got.iter().any(|(s, v, _)| s == "青岚智能科技有限公司" && v == "31.5"),
            "{got:?}"
        );
    }

    #[test]
    fn figures_written_in_chinese_numerals() {
        let s = stats(
            "青溪经开区完成规模以上工业总产值三百一十二亿元,同比增长百分之十一点四;\
             规划面积二十八点六平方公里,新建标准厂房十八万平方米,新增就业岗位一点二万个,\
             安排专项资金三千万元。",
        );
        let values: Vec<(&str, &str)> = s.iter().map(|(_, v, u)| (v.as_str(), u.as_str())).collect();
        assert_eq!(
            values,
            [
                ("31200000000", "CNY"),
                ("11.4", "percent"),
                ("28.6", "km2"),
                ("180000", "m2"),
                ("12000", "count"),
                ("30000000", "CNY"),
            ]
        );
        // 十, 百, 千 alone rank (百亿级企业, “科创十条”), except before
        // firms, items or money (百余家, 千亿元).
        assert!(stats("青溪高新区将培育百亿级企业,出台“科创十条”。").is_empty());
        assert_eq!(stats("青溪高新区集聚企业百余家。").len(), 1);
    }

    #[test]
    fn figures_after_respectively_go_to_the_listed_names_in_order() {
        let s = stats("青溪高新区的白鹭实验室和云杉实验室,今年分别承担攻关项目46项和38项。");
        assert_eq!(
            s,
            vec![
                ("白鹭实验室".into(), "46".into(), "count".into()),
                ("云杉实验室".into(), "38".into(), "count".into()),
            ]
        );
    }

    #[test]
    fn money_counts_and_percentages() {
        let s = stats("2023年,青溪高新区规上工业产值达512.3亿元,拥有高新技术企业186家,研发投入占比3.5%。");
        assert_eq!(
            s,
            vec![
                ("青溪高新区".into(), "51230000000".into(), "CNY".into()),
                ("青溪高新区".into(), "186".into(), "count".into()),
                ("青溪高新区".into(), "3.5".into(), "percent".into()),
            ]
        );
    }

    #[test]
    fn a_listed_company_s_figures_go_on_until_something_else_is_named() {
        let text = "白山高新区又添一家上市企业。\n\
                    远山材料股份有限公司(证券简称“远山材料”)今日上市。开盘后,远山材料股价走高,盘中最高触及39.80元。\
                    截至收盘,报36.04元/股,全天成交额6.71亿元。财务数据显示,公司营业收入4.86亿元;归母净利润7820万元。\
                    以上3个项目合计投资9亿元。\n\
                    全区拥有上市企业9家。";
        let s = stats(text);
        let of = |name: &str, value: &str| s.iter().any(|(n, v, _)| n == name && v == value);
        for value in ["39.8", "36.04", "671000000", "486000000", "78200000"] {
            assert!(
                of("远山材料", value) || of("远山材料股份有限公司", value),
                "{value}: {s:?}"
            );
        }
        // A sum of other things, and a new paragraph's figures, are not the company's.
        assert!(
            !of("远山材料股份有限公司", "900000000") && !of("远山材料", "900000000"),
            "{s:?}"
        );
        assert!(of("白山高新区", "9"), "{s:?}");
    }

    #[test]
    fn an_organisation_described_by_a_clause_is_the_subject_of_the_figures_after_it() {
        let text = "白山高新区发展迅速。位于园区南部的青溪材料实验室于2018年挂牌,现有科研人员约1200人。\
                    区内的远山药业有限公司营收突破百亿元,拉动园区生物医药产值增长14.6%。";
        let s = stats(text);
        assert!(
            s.contains(&("青溪材料实验室".into(), "1200".into(), "count".into())),
            "{s:?}"
        );
        // The zone's figure, when its segment speaks of the zone.
        assert!(
            s.contains(&("白山高新区".into(), "14.6".into(), "percent".into())),
            "{s:?}"
        );
    }

    #[test]
    fn a_reference_to_the_company_makes_it_the_subject() {
        let text = "白山高新区的远山材料股份有限公司上市。据介绍,该公司成立于2001年,主要生产膜材料,\
                    2023年实现营业收入9.6亿元。公司研发投入占比5.2%,园区入库企业42家,公司数量达300家。";
        let s = stats(text);
        for (value, unit) in [("960000000", "CNY"), ("5.2", "percent")] {
            assert!(
                s.contains(&("远山材料股份有限公司".into(), value.into(), unit.into())),
                "{value} {unit}: {s:?}"
            );
        }
        // A figure of the zone, and a count of companies, stay the zone's.
        assert!(s.contains(&("白山高新区".into(), "42".into(), "count".into())), "{s:?}");
        assert!(
            s.contains(&("白山高新区".into(), "300".into(), "count".into())),
            "{s:?}"
        );
    }

    #[test]
    fn a_reference_to_the_project_makes_it_the_subject_but_not_a_rate_of_projects() {
        let text = "白山高新区将建设远山光电传感模组生产基地项目。本项目计划总投资约18.6亿元,\
                    项目拟用地约126亩。全区签约项目31个,项目开工率达到66%。";
        let s = stats(text);
        for (value, unit) in [("1860000000", "CNY"), ("126", "mu")] {
            assert!(
                s.contains(&("远山光电传感模组生产基地项目".into(), value.into(), unit.into())),
                "{value} {unit}: {s:?}"
            );
        }
        assert!(
            s.contains(&("白山高新区".into(), "66".into(), "percent".into())),
            "{s:?}"
        );
    }

    #[test]
    fn a_reference_after_a_year_and_to_an_institute() {
        let text = "青溪高新区的远山材料股份有限公司是龙头企业。2023年该企业产值突破50亿元。\
                    园区与白山大学共建的青溪光电研究院揭牌。该研究院首期投入1.2亿元,计划组建科研团队150人。";
        let s = stats(text);
        for (subject, value, unit) in [
            ("远山材料股份有限公司", "5000000000", "CNY"),
            ("青溪光电研究院", "120000000", "CNY"),
            ("青溪光电研究院", "150", "count"),
        ] {
            assert!(
                s.contains(&(subject.into(), value.into(), unit.into())),
                "{subject} {value} {unit}: {s:?}"
            );
        }
    }

    #[test]
    fn a_project_named_inside_the_words_keeps_its_later_figures() {
        let text = "青溪高新区签约一批项目。其中,由远山材料股份有限公司投资建设的高性能膜材料项目总投资15亿元,达产后年产值30亿元。";
        let ex = extract(&clean(text));
        let got: Vec<(&str, &str, &str)> = ex
            .statistics
            .iter()
            .map(|s| {
                (
                    ex.mentions[s.subject].name.as_str(),
                    s.value.as_str(),
                    s.metric.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("高性能膜材料项目", "1500000000", "总投资"),
                ("高性能膜材料项目", "3000000000", "年产值"),
            ]
        );
    }

    #[test]
    fn a_count_after_a_list_counts_what_follows_the_number() {
        let ex = extract(&clean(
            "青溪高新区的远山材料股份有限公司、白鹭药业股份有限公司等10家企业获评领军企业。",
        ));
        let metrics: Vec<&str> = ex.statistics.iter().map(|s| s.metric.as_str()).collect();
        assert_eq!(metrics, vec!["企业获评领军企业"]);
    }

    #[test]
    fn now_takes_no_earlier_year_and_a_signing_keeps_its_word() {
        let ex = extract(&clean(
            "青溪高新区是1991年国务院批准的首批国家高新区之一。目前,全区拥有上市企业28家。青溪高新区集中签约12个项目。",
        ));
        let got: Vec<(&str, Option<i32>, &str)> = ex
            .statistics
            .iter()
            .map(|s| (s.value.as_str(), s.year, s.metric.as_str()))
            .collect();
        assert_eq!(got, vec![("28", None, "上市企业"), ("12", None, "集中签约")]);
    }

    #[test]
    fn a_figure_for_each_zone_of_a_list() {
        let s = stats(
            "其中,青溪高新区营业收入达到4200亿元,白山高新区、蓝湾高新区营业收入均超过2000亿元,\
             松岭高新区、竹洲高新区营业收入合计3000亿元。",
        );
        assert_eq!(
            s,
            vec![
                ("青溪高新区".into(), "420000000000".into(), "CNY".into()),
                ("白山高新区".into(), "200000000000".into(), "CNY".into()),
                ("蓝湾高新区".into(), "200000000000".into(), "CNY".into()),
            ]
        );
        let s = stats("2024年青溪高新区安排工业用地不少于1500亩,白山经开区、蓝湾经开区各不少于800亩。");
        assert_eq!(
            s,
            vec![
                ("青溪高新区".into(), "1500".into(), "mu".into()),
                ("白山经开区".into(), "800".into(), "mu".into()),
                ("蓝湾经开区".into(), "800".into(), "mu".into()),
            ]
        );
    }

    #[test]
    fn rows_of_a_table_of_figures() {
        let text = "青溪高新区2023年主要经济指标\n指标名称 单位 本年累计 同比增长(%)\n\
                    规模以上工业总产值 亿元 812.6 9.2\n高新技术企业 家 356\n研发投入强度 % 3.1\n";
        let ex = extract(&clean(text));
        let got: Vec<(&str, &str, &str, Option<i32>)> = ex
            .statistics
            .iter()
            .map(|s| (s.metric.as_str(), s.value.as_str(), s.unit.as_str(), s.year))
            .collect();
        assert_eq!(
            got,
            vec![
                ("规模以上工业总产值", "81260000000", "CNY", Some(2023)),
                ("规模以上工业总产值同比增长", "9.2", "percent", Some(2023)),
                ("高新技术企业", "356", "count", Some(2023)),
                ("研发投入强度", "3.1", "percent", Some(2023)),
            ]
        );
        // A growth cell with its own % is a growth column whatever the
        // header says; a row without a growth (—) has its value alone, and
        // a metric may start with Latin letters.
        let ex = extract(&clean(
            "青溪高新区2024年主要经济指标\n指标 单位 数值 同比增长\n地区生产总值 亿元 326.8 7.4%\nR&D经费投入强度 % 3.46 —\n",
        ));
        let got: Vec<(&str, &str, &str)> = ex
            .statistics
            .iter()
            .map(|s| (s.metric.as_str(), s.value.as_str(), s.unit.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("地区生产总值", "32680000000", "CNY"),
                ("地区生产总值同比增长", "7.4", "percent"),
                ("R&D经费投入强度", "3.46", "percent"),
            ]
        );
        // Without a header naming the unit column, such a line is no row.
        let ex = extract(&clean(
            "青溪高新区2023年主要经济指标\n规模以上工业总产值 亿元 812.6 9.2\n",
        ));
        assert!(ex.statistics.is_empty(), "{:?}", ex.statistics);
    }

    #[test]
    fn a_policy_s_grants_and_thresholds_are_no_figures() {
        let s = stats(
            "青溪高新区印发若干措施。对首次认定的高新技术企业给予20万元奖励,单个企业每年最高200万元;\
             按技术合同成交额的2%给予补助。对年营业收入首次突破50亿元、100亿元的链主企业,分别给予200万元、\
             500万元一次性奖励。采购额超过1亿元的,按新增部分的1%给予奖励。全年兑现奖补资金2860万元。",
        );
        assert_eq!(s, vec![("青溪高新区".into(), "28600000".into(), "CNY".into())]);
    }

    #[test]
    fn figures_of_a_group_of_zones_are_no_zones() {
        let s = stats(
            "青溪高新区位列第六。评价显示,178家国家高新区共实现营业收入56.5万亿元,同比增长6.9%;\
             青溪高新区营业收入达1200亿元。",
        );
        assert_eq!(s, vec![("青溪高新区".into(), "120000000000".into(), "CNY".into())]);
    }

    #[test]
    fn figures_of_a_provinces_zones_are_the_provinces() {
        let s = stats(
            "青海省发布评价结果。2023年,全省高新区实现营业收入2100亿元,同比增长8.5%;拥有高新技术企业620家,\
             占全省总数的55.2%。评价覆盖全省3家国家级高新区、5家省级高新区,青溪高新区在全省8家高新区中位列第一。",
        );
        let got: Vec<(String, String)> = s.into_iter().map(|(s, v, _)| (s, v)).collect();
        let province = |v: &str| ("青海省".to_string(), v.to_string());
        // A province's counted zones: the count and the figures after it.
        let s = stats("2023年,青海省41家高新区实现营业收入2930亿元。");
        let got2: Vec<(String, String)> = s.into_iter().map(|(s, v, _)| (s, v)).collect();
        assert_eq!(got2, vec![province("41"), province("293000000000")]);
        assert_eq!(
            got,
            vec![
                province("210000000000"),
                province("8.5"),
                province("620"),
                province("55.2"),
                province("3"),
                province("5"),
                province("8"),
            ]
        );
    }

    #[test]
    fn a_project_opened_by_its_company_has_the_figures_and_its_name_s_numbers_are_none() {
        let s = stats("签约现场,青溪动力电池有限公司年产20万套电驱系统项目总投资105亿元。");
        assert_eq!(
            s,
            vec![(
                "青溪动力电池有限公司年产20万套电驱系统项目".into(),
                "10500000000".into(),
                "CNY".into()
            )]
        );
    }

    #[test]
    fn a_province_s_own_notice_calls_it_wo_sheng() {
        let s = stats("湖南省召开推进会。长沙高新区入选7家。截至目前,我省累计认定“小巨人”企业1286家。");
        let got: Vec<(String, String)> = s.into_iter().map(|(s, v, _)| (s, v)).collect();
        assert!(got.contains(&("湖南省".to_string(), "1286".to_string())), "{got:?}");
        assert!(!got.iter().any(|(s, v)| s != "湖南省" && v == "1286"), "{got:?}");
    }

    #[test]
    fn a_numbered_item_s_company_is_the_subject_of_its_figure() {
        let s = stats(
            "青溪高新区兑现研发补助资金,其中:\n1.白山精工轴承股份有限公司,研发费用后补助85万元;\n2、蓝河新材料科技有限公司,研发费用后补助72万元;\n(3)青禾智控装备有限公司,首台(套)奖励150万元。",
        );
        let got: Vec<(String, String)> = s.into_iter().map(|(s, v, _)| (s, v)).collect();
        for (company, value) in [
            ("白山精工轴承股份有限公司", "850000"),
            ("蓝河新材料科技有限公司", "720000"),
            ("青禾智控装备有限公司", "1500000"),
        ] {
            assert!(
                got.contains(&(company.to_string(), value.to_string())),
                "{company}: {got:?}"
            );
        }
    }

    #[test]
    fn a_paragraph_under_a_project_s_heading_gives_it_its_figures() {
        let s = stats(
            "青溪高新区三个项目集中开工。\n▶白山电池二期项目\n由青溪动力有限公司投资建设,总投资6.2亿元,占地236亩。\n\
             (二)招商引资与项目\n全年新签约项目92个。",
        );
        let got: Vec<(String, String)> = s.into_iter().map(|(s, v, _)| (s, v)).collect();
        assert_eq!(
            got[..2],
            [
                ("白山电池二期项目".to_string(), "620000000".to_string()),
                ("白山电池二期项目".to_string(), "236".to_string()),
            ]
        );
        // A heading whose words only end like a project's name gives nothing.
        assert!(got[2..].iter().all(|(s, _)| !s.ends_with("项目")), "{got:?}");
    }

    #[test]
    fn ordinals_and_dates_are_not_statistics() {
        assert!(stats("青溪高新区位列全省第5位,2021年成立,连续12年增长。").is_empty());
    }

    fn years(text: &str) -> Vec<(String, Option<i32>, Option<&'static str>)> {
        let ex = extract(&clean(text));
        ex.statistics
            .iter()
            .map(|s| (s.value.clone(), s.year, s.qualifier))
            .collect()
    }

    #[test]
    fn amounts_in_other_currencies_are_no_yuan() {
        let s = stats("青溪高新区企业上半年在香港集资260亿港元,另获境外投资3万欧元,实现营收52亿元。");
        let got: Vec<(String, String)> = s.into_iter().map(|(_, v, u)| (v, u)).collect();
        assert_eq!(got, vec![("5200000000".into(), "CNY".into())]);
    }

    #[test]
    fn units_and_scales() {
        let s = stats(
            "青溪高新区实际利用外资8046万美元,腾退土地600亩,规划面积24平方公里,新建厂房12万平方米,引进人才百余名。",
        );
        let got: Vec<(String, String)> = s.into_iter().map(|(_, v, u)| (v, u)).collect();
        assert_eq!(
            got,
            vec![
                ("80460000".into(), "USD".into()),
                ("600".into(), "mu".into()),
                ("24".into(), "km2".into()),
                ("120000".into(), "m2".into()),
                ("100".into(), "count".into()),
            ]
        );
    }

    #[test]
    fn years_from_context_and_qualifiers() {
        let y = years("截至2023年底,青溪高新区拥有高新技术企业186家。全年实现产值88亿元,同比增长9.5%。");
        assert_eq!(
            y,
            vec![
                ("186".into(), Some(2023), None),
                ("8800000000".into(), Some(2023), None),
                ("9.5".into(), Some(2023), Some("growth"))
            ]
        );
    }

    #[test]
    fn metrics_do_not_name_their_zone_and_relative_years_take_no_other_year() {
        let ex = extract(&clean(
            "到2026年,青溪高新区产值将突破2500亿元。去年,青溪高新区实现地区生产总值2700亿元,全区高新技术企业总数突破600家。",
        ));
        let got: Vec<(&str, Option<i32>)> = ex.statistics.iter().map(|s| (s.metric.as_str(), s.year)).collect();
        assert_eq!(
            got,
            vec![("产值", Some(2026)), ("地区生产总值", None), ("高新技术企业总数", None)]
        );
    }

    #[test]
    fn this_project_is_the_project_named_last() {
        let s = stats("蓝河新材料项目落户青溪高新区。11月,双方举行签约仪式,该项目总投资50亿元。");
        assert_eq!(s, vec![("蓝河新材料项目".into(), "5000000000".into(), "CNY".into())]);
    }

    #[test]
    fn a_count_of_zones_is_no_figure_of_one() {
        let s = stats("青溪高新区发展迅速。到2030年,国家高新区数量达到200家左右。");
        assert!(s.is_empty(), "{s:?}");
    }

    #[test]
    fn a_count_after_examples_counts_what_they_are_examples_of() {
        let ex = extract(&clean("青溪高新区集聚了白鹭光电科技有限公司等规上企业156家。"));
        let metrics: Vec<&str> = ex.statistics.iter().map(|s| s.metric.as_str()).collect();
        assert_eq!(metrics, vec!["规上企业"]);
    }

    #[test]
    fn fillers_leave_words_that_start_with_them() {
        let ex = extract(&clean("青溪高新区拥有有效发明专利1.2万件,现辖3个街道。"));
        let metrics: Vec<&str> = ex.statistics.iter().map(|s| s.metric.as_str()).collect();
        assert_eq!(metrics, vec!["有效发明专利", "街道"]);
    }

    #[test]
    fn a_growth_rate_takes_the_trimmed_metric_of_its_figure() {
        let ex = extract(&clean(
            "青溪高新区发展迅速。去年该区实现营业收入1200亿元,同比增长8.5%。",
        ));
        let metrics: Vec<&str> = ex.statistics.iter().map(|s| s.metric.as_str()).collect();
        assert_eq!(metrics, vec!["营业收入", "营业收入同比增长"]);
    }

    #[test]
    fn a_thousands_separator_parts_no_metric_and_a_trade_s_big_firm_is_described() {
        let ex = extract(&clean(
            "青溪高新区发展迅速。模具大厂宝川精密股份有限公司投资6.8亿元兴建新厂,员工从3,000人精简到1,100人。",
        ));
        let found: Vec<(&str, &str)> = ex
            .statistics
            .iter()
            .map(|s| (ex.mentions[s.subject].name.as_str(), s.metric.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("宝川精密股份有限公司", "投资"),
                ("宝川精密股份有限公司", "员工从"),
                ("宝川精密股份有限公司", "员工从3,000人精简到")
            ]
        );
    }

    #[test]
    fn a_described_company_opening_the_clause_is_the_subject_and_vague_counts_are_none() {
        let s = stats(
            "青溪高新区发展迅速。老牌装备企业青溪船舶设备集团有限公司(青船集团)扮演着龙头角色,\
             其产品已进入数十个项目,2023年主营业务收入超过40亿元。",
        );
        assert_eq!(
            s,
            vec![("青溪船舶设备集团有限公司".into(), "4000000000".into(), "CNY".into())]
        );
    }

    #[test]
    fn money_invested_to_build_a_project_is_the_project_s() {
        let s = stats(
            "青溪高新区举行签约仪式。远山科技股份有限公司将投资18亿元建设青溪芯片封装测试基地项目;\
             白鹭药业股份有限公司签约建设白鹭生物制剂产业化项目,总投资22亿元。",
        );
        assert_eq!(
            s,
            vec![
                ("青溪芯片封装测试基地项目".into(), "1800000000".into(), "CNY".into()),
                ("白鹭生物制剂产业化项目".into(), "2200000000".into(), "CNY".into()),
            ]
        );
    }

    #[test]
    fn counts_in_ten_thousands() {
        let s = stats("青溪高新区拥有科技型中小企业1.2万家,从业人员3万人。");
        let got: Vec<(String, String)> = s.into_iter().map(|(_, v, u)| (v, u)).collect();
        assert_eq!(
            got,
            vec![("12000".into(), "count".into()), ("30000".into(), "count".into())]
        );
    }

    #[test]
    fn the_year_of_a_founding_is_not_the_year_of_the_figures() {
        let y = years("青溪高新区于1992年5月经国务院批准设立,规划面积36平方公里。2023年实现产值88亿元。");
        assert_eq!(
            y,
            vec![("36".into(), None, None), ("8800000000".into(), Some(2023), None)]
        );
        // A year that dates the figures still does after a founding clause.
        let y = years("青溪高新区2001年成立,2022年拥有企业300家。");
        assert_eq!(y, vec![("300".into(), Some(2022), None)]);
    }

    #[test]
    fn ranges_thresholds_and_quoted_names_are_not_figures() {
        assert!(
            stats("青溪高新区力争推动1至2家企业上市,引进超10亿元项目,推行“1%工作法”。")
                .iter()
                .all(|(_, v, _)| v != "1" && v != "1000000000")
        );
    }

    #[test]
    fn the_subject_is_the_entity_the_clause_is_about() {
        let s = stats("青溪高新区发展迅速。2022年,青溪投资发展集团有限公司发行债券6只,募集资金30亿元。");
        assert!(
            s.iter().all(|(subject, _, _)| subject == "青溪投资发展集团有限公司"),
            "{s:?}"
        );
    }

    #[test]
    fn the_park_a_sentence_ends_with_is_what_the_next_one_s_园区_means() {
        let s = stats("青溪高新区生物医药板块的主阵地是青溪生物医药产业园。园区占地约2400亩,已入驻企业38家。");
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s.iter().all(|(subject, _, _)| subject == "青溪生物医药产业园"), "{s:?}");
        // A park named mid-sentence leaves 园区 to the zone.
        let s = stats("青溪高新区新建青溪生物医药产业园,投入运营。园区占地约2400亩。");
        assert!(s.iter().all(|(subject, _, _)| subject == "青溪高新区"), "{s:?}");
    }

    #[test]
    fn a_zone_that_places_something_else_is_not_what_the_next_sentences_are_about() {
        let s = stats(
            "青溪高新区去年营业收入达到500亿元。区内设计企业依托的是位于白河高新区的白河封测科技有限公司。高新区新增上市企业4家。",
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s.iter().all(|(subject, _, _)| subject == "青溪高新区"), "{s:?}");
    }

    #[test]
    fn a_figure_of_the_whole_city_is_the_city_s() {
        let s = stats(
            "2024年,青溪高新区营业收入达到500亿元。2024年,苏州全市实现地区生产总值2.6万亿元,同比增长5.8%;全市实际使用外资58亿美元,高新区占三成。",
        );
        let of = |subject: &str| s.iter().filter(|(x, _, _)| x == subject).count();
        assert_eq!((of("青溪高新区"), of("苏州")), (1, 3), "{s:?}");
        // With no place named before, 全市 leaves the figure to no one.
        let s = stats("青溪高新区营业收入达到500亿元;全市实际使用外资58亿美元。");
        assert_eq!(s.len(), 1, "{s:?}");
    }

    #[test]
    fn a_company_described_by_this_is_the_one_named_last_or_named_in_it() {
        let s = stats(
            "白山芯测科技股份有限公司在科创板挂牌。这家成立于2015年的企业主营测试设备,2023年营业收入7.82亿元,同比增长31.5%。",
        );
        assert!(
            s.len() == 2 && s.iter().all(|(x, _, _)| x == "白山芯测科技股份有限公司"),
            "{s:?}"
        );
        let s = stats("白山精工登陆北交所。这家全称为白山精密机械股份有限公司的企业是核心供应商,此次募资2.36亿元。");
        assert_eq!(
            s,
            [(
                "白山精密机械股份有限公司".to_string(),
                "236000000".to_string(),
                "CNY".to_string()
            )]
        );
    }

    #[test]
    fn a_first_phase_figure_is_the_new_institute_s() {
        let s = stats("白山大学与青溪高新区管委会签订协议,双方将共建白山大学青溪转化医学研究院,首期投入2亿元。");
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].0, "白山大学青溪转化医学研究院", "{s:?}");
    }

    #[test]
    fn the_project_built_somewhere_and_its_output_after_completion() {
        let s = stats(
            "蓝河电子股份有限公司投资35亿元建设蓝河智算装备产业园项目,主要生产服务器,达产后预计年产值超过200亿元;\
             白山制药有限公司投资21亿元,在青溪生命健康产业园建设生物药产业化基地三期项目。",
        );
        let of = |v: &str| s.iter().find(|x| x.1 == v).map(|x| x.0.as_str());
        assert_eq!(of("3500000000"), Some("蓝河智算装备产业园项目"), "{s:?}");
        assert_eq!(of("20000000000"), Some("蓝河智算装备产业园项目"), "{s:?}");
        assert_eq!(of("2100000000"), Some("生物药产业化基地三期项目"), "{s:?}");
    }

    #[test]
    fn investment_belongs_to_the_project() {
        let s = stats("青溪高新区签约总投资2.5亿元的蓝河新材料项目。");
        assert_eq!(s, vec![("蓝河新材料项目".into(), "250000000".into(), "CNY".into())]);
    }
}
