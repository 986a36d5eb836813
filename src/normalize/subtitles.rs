//! A subtitle file (SRT, WebVTT: a video's script cut into timed cues) as
//! running text.
//!
//! In: the decoded file. Out: `None` when fewer than three lines are cue
//! timings (`00:00:05,200 --> 00:00:09,840`); else the cues' text without
//! their numbers, timings and sound cues ([音乐], (片尾音乐)), each run of
//! cues in one language one sentence: a sentence runs across cues, so the
//! Chinese lines of a run are joined by a comma (a cue's end is a pause,
//! and names never span two cues) and the run closed with 。; English lines
//! are joined by a space and closed with a full stop. A sound cue, a blank
//! run or a change of language ends a run.

use regex::Regex;
use std::sync::OnceLock;

fn timing() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}\s*-->\s*(\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}").expect("valid regex")
    })
}

/// The text of a subtitle file, or `None` when `decoded` is not one.
pub(super) fn subtitles_to_text(decoded: &str) -> Option<String> {
    if !decoded.contains("-->") {
        return None;
    }
    let lines: Vec<&str> = decoded
        .lines()
        .map(|l| l.trim_matches(['\u{feff}', '\r', ' ', '\t']))
        .collect();
    let is_timing: Vec<bool> = lines.iter().map(|l| timing().is_match(l)).collect();
    if is_timing.iter().filter(|&&t| t).count() < 3 {
        return None;
    }
    let mut out = String::with_capacity(decoded.len());
    let mut run: Vec<&str> = Vec::new();
    let mut run_english = false;
    for (k, line) in lines.iter().enumerate() {
        let cue_number =
            !line.is_empty() && line.chars().all(|c| c.is_ascii_digit()) && is_timing.get(k + 1) == Some(&true);
        if line.is_empty() || cue_number || is_timing[k] || *line == "WEBVTT" {
            continue;
        }
        let sound = (line.starts_with('[') && line.ends_with(']'))
            || (line.starts_with('【') && line.ends_with('】'))
            || (line.starts_with('(') && line.ends_with(')'))
            || (line.starts_with('（') && line.ends_with('）'));
        let english = !line.chars().any(super::is_cjk);
        if sound || english != run_english {
            close(&mut out, &mut run, run_english);
        }
        if sound {
            continue;
        }
        run_english = english;
        run.push(line);
    }
    close(&mut out, &mut run, run_english);
    Some(out)
}

/// Write a run of cue lines as one sentence (see the module's doc).
fn close(out: &mut String, run: &mut Vec<&str>, english: bool) {
    if run.is_empty() {
        return;
    }
    let (joint, stop, stops) = if english {
        (" ", ".", &['.', '!', '?', '"'][..])
    } else {
        ("，", "。", &['。', '！', '？', '”', '…'][..])
    };
    let mut sentence = String::new();
    for (k, line) in run.iter().enumerate() {
        let ends_clause = line.ends_with(['，', ',', '、', '；', ';', '：', ':', '。', '！', '？', '.', '!', '?']);
        sentence.push_str(line);
        if k + 1 < run.len() && !ends_clause {
            sentence.push_str(joint);
        } else if k + 1 < run.len() && english {
            sentence.push(' ');
        }
    }
    if !sentence.ends_with(stops) {
        sentence.push_str(stop);
    }
    out.push_str(&sentence);
    out.push('\n');
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::subtitles_to_text;

    const SRT: &str = "1\r\n00:00:01,000 --> 00:00:04,000\r\n[片头音乐]\r\n\r\n2\r\n00:00:05,200 --> 00:00:09,840\r\n青溪高新区的光电产业\r\n以白山光电股份有限公司为链主\r\n\r\n3\r\n00:00:09,920 --> 00:00:13,680\r\n已聚集企业60余家\r\n\r\n4\r\n00:00:13,900 --> 00:00:16,000\r\nQingxi zone hosts\r\nsixty photonics firms\r\n";

    #[test]
    fn cues_become_sentences_without_numbers_timings_or_sounds() {
        let text = subtitles_to_text(SRT).expect("subtitles");
        assert_eq!(
            text,
            "青溪高新区的光电产业，以白山光电股份有限公司为链主，已聚集企业60余家。\nQingxi zone hosts sixty photonics firms.\n"
        );
    }

    #[test]
    fn webvtt_timings_count_and_prose_is_no_subtitle_file() {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:04.000\n青溪高新区\n\n00:04.500 --> 00:06.000\n位于白山市\n\n00:06.500 --> 00:08.000\n[音乐]\n";
        assert_eq!(subtitles_to_text(vtt).as_deref(), Some("青溪高新区，位于白山市。\n"));
        assert!(subtitles_to_text("青溪高新区位于白山市。\n2023年产值12亿元。\n").is_none());
    }
}
