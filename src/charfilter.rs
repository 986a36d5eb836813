//! A quick "certainly not" test for characters, used before a costlier
//! lookup at every character of a text.
//!
//! In: the characters of a set (the first or last characters of a word
//! list). Out: [`CharFilter::may_contain`], one load and one shift: `false`
//! means the character is not in the set; `true` that it may be (it is, or
//! it lies beyond the filter's bits, which cover the Basic Multilingual
//! Plane and the supplementary ideographic planes).

/// The characters [`CharFilter`] keeps a bit for: U+0000 to U+2FFFF.
const COVERED: usize = 0x30000;

/// A bit set of characters (see the module doc).
#[derive(Debug, Clone)]
pub struct CharFilter {
    bits: Vec<u64>,
}

impl Default for CharFilter {
    fn default() -> Self {
        CharFilter {
            bits: vec![0; COVERED / 64],
        }
    }
}

impl CharFilter {
    /// Add `c` to the set (a character beyond the bits is always "may").
    pub fn insert(&mut self, c: char) {
        if let Some(word) = self.bits.get_mut(c as usize / 64) {
            *word |= 1 << (c as usize % 64);
        }
    }

    /// `false` when `c` is certainly not in the set.
    pub fn may_contain(&self, c: char) -> bool {
        self.bits
            .get(c as usize / 64)
            .is_none_or(|word| word & (1 << (c as usize % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_may_be_in_it_others_not_except_beyond_its_bits() {
        let mut f = CharFilter::default();
        for c in ['区', 'a', '\u{2f800}'] {
            f.insert(c);
        }
        assert!(f.may_contain('区') && f.may_contain('a') && f.may_contain('\u{2f800}'));
        assert!(!f.may_contain('园') && !f.may_contain('b'));
        // Beyond the bits: always "may".
        assert!(f.may_contain('\u{e0041}'));
    }
}
