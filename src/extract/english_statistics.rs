//! Statistics stated in English (`2,000 high-tech enterprises`, `380 billion
//! yuan`, `US$1.2 billion`, `8.5%`, `25 square kilometers`): the number,
//! its scale word and unit (`[english]` of `data/rules/statistics.toml`),
//! about the zone the sentence is about, with the year the sentence names.
//!
//! In: the English sentences of an extraction (Chinese ones are
//! `statistics.rs`'s). Out: more statistic mentions.

use super::english::translated_mentions;
use super::numbers::Decimal;
use super::rules::{EnglishStatisticRules, EnglishUnit, Rules};
use super::{Extraction, Kind, StatisticMention};
use regex::Regex;
use std::sync::OnceLock;

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?").expect("valid number pattern"))
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?-u:\b)((?:19|20)\d{2})(?-u:\b)").expect("valid year pattern"))
}

/// The unit whose word starts `rest` (case-insensitive, whole words): its
/// rule and the length of the word.
fn unit_at<'r>(rest: &str, units: &'r [EnglishUnit]) -> Option<(&'r EnglishUnit, usize)> {
    let lower = rest.to_ascii_lowercase();
    units
        .iter()
        .flat_map(|u| u.words.iter().map(move |w| (u, w)))
        .filter(|(_, w)| {
            lower.starts_with(&w.to_ascii_lowercase())
                && (w.ends_with('%') || !lower[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric()))
        })
        .max_by_key(|(_, w)| w.len())
        .map(|(u, w)| (u, w.len()))
}

/// The last words of `clause` that name what a figure measures: the verbs,
/// bounds and currency signs before the number, articles and possessives
/// (the zone's) in front dropped; at most six words.
fn metric_words(clause: &str, rules: &EnglishStatisticRules) -> String {
    let mut words: Vec<&str> = clause.split_whitespace().collect();
    let drop_end = |words: &[&str]| {
        rules.metric_trim_end.iter().find_map(|t| {
            let n = t.split_whitespace().count();
            (words.len() >= n && words[words.len() - n..].join(" ").eq_ignore_ascii_case(t)).then_some(n)
        })
    };
    while let Some(n) = drop_end(&words) {
        words.truncate(words.len() - n);
    }
    // What follows `with` (… plant with a total investment of) or a
    // possessive (the Zone's industrial output).
    let after_cut = words
        .iter()
        .rposition(|w| w.ends_with("'s") || rules.metric_after.iter().any(|c| c.eq_ignore_ascii_case(w)))
        .filter(|&k| k + 1 < words.len())
        .map_or(0, |k| k + 1);
    // A metric is in lower case after the name of what it measures (the
    // Hefei National High-Tech Industrial Development Zone reported
    // industrial output of …).
    // (The first word may be capitalized only because it starts the sentence.)
    let after_name = words
        .iter()
        .rposition(|w| w.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .filter(|&k| k > 0 && k + 1 < words.len())
        .map_or(0, |k| k + 1);
    let start = words.len().saturating_sub(6).max(after_cut).max(after_name);
    let mut words = &words[start..];
    while let Some((first, rest)) = words.split_first() {
        let article = rules.metric_trim_start.iter().any(|t| t.eq_ignore_ascii_case(first));
        if article || first.ends_with("'s") {
            words = rest;
        } else {
            break;
        }
    }
    words.join(" ")
}

/// Whether sentence `s` speaks of a policy's grants (`grant_words`): its
/// amounts and shares are no figures of the zone.
fn speaks_of_grants(s: &str, rules: &EnglishStatisticRules) -> bool {
    let lower = s.to_ascii_lowercase();
    rules.grant_words.iter().any(|w| {
        lower.match_indices(w.as_str()).any(|(p, _)| {
            let before = lower[..p].chars().next_back();
            let after = lower[p + w.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric()) && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        })
    })
}

pub(super) fn find_english_statistics(text: &str, ex: &mut Extraction) {
    let rules = &Rules::get().statistics.english;
    let mut paragraph_year: (usize, Option<i32>) = (usize::MAX, None);
    let mut found = Vec::new();
    for (si, sentence) in ex.sentences.iter().enumerate() {
        let s = &text[sentence.start..sentence.end];
        if sentence.paragraph != paragraph_year.0 {
            paragraph_year = (sentence.paragraph, None);
        }
        if !sentence.english {
            continue;
        }
        let years: Vec<(usize, i32)> = year_re()
            .captures_iter(s)
            .filter_map(|c| Some((c.get(1)?.start(), c[1].parse().ok()?)))
            .collect();
        // A translation states the figures of its Chinese paragraph.
        if !translated_mentions(ex, sentence.paragraph).is_empty() {
            continue;
        }
        let Some(zone) = ex.topic[si] else {
            if let Some(&(_, y)) = years.last() {
                paragraph_year.1 = Some(y);
            }
            continue;
        };
        // (Asked once per sentence, only if a figure needs it.)
        let grants = std::cell::OnceCell::new();
        for m in number_re().find_iter(s) {
            // A figure after an enterprise, institute or project of its
            // sentence is that one's (… Co., Ltd. invested US$1.2 billion).
            let number_at = sentence.start + m.start();
            let subject = ex
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.sentence == si
                        && e.end <= number_at
                        && matches!(e.kind, Kind::Enterprise | Kind::Institute | Kind::Project)
                })
                .map(|(i, _)| i)
                .next_back()
                .unwrap_or(zone);
            let before = &s[..m.start()];
            // Part of a word or code (G60, 5G), or a year.
            if before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.') {
                continue;
            }
            let Some(mut value) = Decimal::parse_arabic(m.as_str()) else {
                continue;
            };
            let mut rest = &s[m.end()..];
            // A scale word (billion) after the number.
            let trimmed = rest.trim_start();
            if let Some((word, factor)) = rules.scales.iter().find(|(w, _)| {
                trimmed.to_ascii_lowercase().starts_with(w.as_str())
                    && !trimmed[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
            }) {
                let Some(v) = value.times(*factor) else { continue };
                value = v;
                rest = &trimmed[word.len()..];
            }
            // A currency written before the number (US$1.2 billion, RMB 50 million).
            let currency = rules
                .currency_before
                .iter()
                .find(|(w, _)| before.trim_end().ends_with(w.as_str()))
                .map(|(_, unit)| unit.as_str());
            let after = rest.trim_start();
            let (unit, factor, end) = match (currency, unit_at(after, &rules.unit)) {
                (_, Some((u, len))) => (u.unit.as_str(), u.factor, s.len() - after.len() + len),
                (Some(cur), None) => (cur, 1, s.len() - rest.len()),
                (None, None) => {
                    // A count: the number before a counted noun, at most
                    // three words on (2,000 high-tech enterprises).
                    let words: Vec<&str> = after
                        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                        .take_while(|w| !w.is_empty())
                        .take(4)
                        .collect();
                    let Some(k) = words
                        .iter()
                        .position(|w| rules.count_nouns.iter().any(|n| n.eq_ignore_ascii_case(w)))
                    else {
                        continue;
                    };
                    let len: usize = words[..=k].iter().map(|w| w.len() + 1).sum::<usize>() - 1;
                    ("count", 1, s.len() - after.len() + len)
                }
            };
            // A four-digit year is no count (in 2023 enterprises…).
            if unit == "count" && years.iter().any(|&(at, _)| at == m.start()) {
                continue;
            }
            // (A named company's grant stays its figure: A Co., Ltd. received
            // a subsidy of RMB 12 million.)
            if subject == zone
                && matches!(unit, "CNY" | "USD" | "percent")
                && *grants.get_or_init(|| speaks_of_grants(s, rules))
            {
                continue;
            }
            let Some(value) = value.times(factor) else { continue };
            let lower_before = before.to_ascii_lowercase();
            let ends = |list: &[String]| list.iter().any(|w| lower_before.trim_end().ends_with(w.as_str()));
            let qualifier = if unit == "percent" && ends(&rules.growth_before) {
                Some("growth")
            } else if ends(&rules.at_least_before) {
                Some("atLeast")
            } else if ends(&rules.at_most_before) {
                Some("atMost")
            } else if ends(&rules.approx_before) {
                Some("approx")
            } else {
                None
            };
            // The year right after the figure (218 billion yuan in 2023),
            // else the nearest before it, else the paragraph's.
            let after_figure = s[end..].trim_start();
            let year_after = after_figure
                .strip_prefix("in ")
                .and_then(|r| years.iter().find(|&&(at, _)| at == s.len() - r.len()))
                .map(|&(_, y)| y);
            let year = year_after
                .or(years
                    .iter()
                    .filter(|&&(at, _)| at < m.start())
                    .map(|&(_, y)| y)
                    .next_back())
                .or(paragraph_year.1);
            // The metric: what a count counts (high-tech enterprises), else
            // the words before the number in its clause without verbs,
            // bounds and articles (industrial output, total investment).
            let metric = if unit == "count" {
                s[s.len() - after.len()..end.min(s.len())].trim().to_string()
            } else {
                let clause = before.rsplit([',', ';', ':']).next().unwrap_or(before);
                metric_words(clause, rules)
            };
            found.push(StatisticMention {
                subject,
                value: value.to_lexical(),
                unit: unit.to_string(),
                metric,
                year,
                qualifier,
                sentence: si,
                start: sentence.start + m.start(),
                end: sentence.start + end.min(s.len()),
            });
        }
        if let Some(&(_, y)) = years.last() {
            paragraph_year.1 = Some(y);
        }
    }
    ex.statistics.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::normalize::clean;

    fn figures(text: &str) -> Vec<(String, String, Option<&'static str>)> {
        let ex = extract(&clean(text));
        ex.statistics
            .iter()
            .map(|s| (s.value.clone(), s.unit.clone(), s.qualifier))
            .collect()
    }

    #[test]
    fn scale_words_currencies_and_counts() {
        let f = figures(
            "The Qingxi High-Tech Zone hosts nearly 300 innovative companies. \
             The zone attracted RMB 45 million of venture capital and US$2.5 billion of foreign investment.",
        );
        assert!(f.contains(&("300".into(), "count".into(), Some("approx"))), "{f:?}");
        assert!(f.contains(&("45000000".into(), "CNY".into(), None)), "{f:?}");
        assert!(f.contains(&("2500000000".into(), "USD".into(), None)), "{f:?}");
        // A machine translation counts enterprises in households (户).
        let f = figures("The Qingxi High-tech Zone has gathered storage enterprises 64 households.");
        assert!(f.contains(&("64".into(), "count".into(), None)), "{f:?}");
    }

    #[test]
    fn a_policy_s_grants_are_no_figures_of_the_zone_but_a_named_company_s_are_its_own() {
        let text = "The Qingxi High-Tech Zone issued new measures. \
                    Founders receive a housing subsidy of up to RMB 1 million per person. \
                    Design firms may recover 30% of tape-out costs, capped at RMB 10 million. \
                    Baichuan Optics Co., Ltd. received a subsidy of RMB 12 million. \
                    The Qingxi High-Tech Zone reported industrial output of RMB 380 billion in 2023.";
        let ex = extract(&clean(text));
        let found: Vec<(&str, &str)> = ex
            .statistics
            .iter()
            .map(|s| (ex.mentions[s.subject].name.as_str(), s.value.as_str()))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found.iter().any(|&(s, v)| s.starts_with("Baichuan") && v == "12000000"),
            "{found:?}"
        );
        assert!(found.iter().any(|&(_, v)| v == "380000000000"), "{found:?}");
    }

    #[test]
    fn metrics_name_what_is_measured() {
        let ex = extract(&clean(
            "In 2022, the Qingxi High-Tech Zone's industrial output reached 210.5 billion yuan. \
             The Qingxi High-Tech Zone is home to more than 1,500 high-tech enterprises.",
        ));
        let metrics: Vec<&str> = ex.statistics.iter().map(|s| s.metric.as_str()).collect();
        assert_eq!(metrics, ["industrial output", "high-tech enterprises"]);
        let ex = extract(&clean(
            "The Qingxi National High-Tech Industrial Development Zone reported industrial output of 218 billion yuan.",
        ));
        let metrics: Vec<&str> = ex.statistics.iter().map(|s| s.metric.as_str()).collect();
        assert_eq!(metrics, ["industrial output"]);
        // A year right after the figure dates it.
        let ex = extract(&clean(
            "The Qingxi High-Tech Zone reported industrial output of 218 billion yuan in 2023.",
        ));
        assert_eq!(ex.statistics.iter().map(|s| s.year).collect::<Vec<_>>(), [Some(2023)]);
        // The metric starts after the verb that reports it.
        let ex = extract(&clean(
            "The Qingxi High-Tech Zone grew. In 2023 the zone generated industrial output of RMB 1.2 trillion.",
        ));
        let metrics: Vec<&str> = ex.statistics.iter().map(|s| s.metric.as_str()).collect();
        assert_eq!(metrics, ["industrial output"]);
    }

    #[test]
    fn codes_years_and_plain_numbers_are_no_figures() {
        let f =
            figures("The Qingxi High-Tech Zone built 5G networks in 2021 and opened 3 roads along the G60 corridor.");
        assert!(f.is_empty(), "{f:?}");
    }
}
