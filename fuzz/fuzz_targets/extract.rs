//! Fuzz the whole pure pipeline: bytes → normalize → extract → resolve →
//! quads. Invariants (see ../../tests/support/invariants.rs): no panic;
//! every offset within the text and on character boundaries; evidence
//! offsets within the original; the N-Quads written parse back to the same
//! quads; `process` gives the same quads as the stages run one by one.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let name = if data.first().is_some_and(|b| b & 1 == 1) {
        "fuzz.html"
    } else {
        "fuzz.txt"
    };
    invariants::check_bytes(name, data);
    if let Ok(text) = std::str::from_utf8(data) {
        invariants::check_text(text);
    }
});
