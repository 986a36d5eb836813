//! Fuzz the normalizer: arbitrary bytes through decoding and cleaning.
//! Invariants (see ../../tests/support/invariants.rs): no panic; an error or
//! a document whose clean text normalizes to itself and maps every character
//! into the original. Arbitrary UTF-8 text through `clean` with the same checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let markup = if data.first().is_some_and(|b| b & 1 == 1) {
        zonegraph::normalize::Markup::Html
    } else {
        zonegraph::normalize::Markup::Plain
    };
    if let Ok(doc) = zonegraph::normalize::normalize("fuzz", data, markup) {
        let again = zonegraph::normalize::clean(&doc.text);
        assert_eq!(again.text, doc.text, "normalizing the clean text changes it");
        invariants::check_map(&doc, &doc.original);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        invariants::check_clean(text);
    }
});
