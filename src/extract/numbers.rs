//! Numbers as Chinese text writes them: Arabic digits with decimals and
//! thousands separators, Chinese numerals (一百二十, 两千), and exact scaling
//! to base units (634.21 亿 → 63421000000) without floating-point error.

/// A non-negative decimal number: `mantissa / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    pub mantissa: u128,
    pub scale: u32,
}

impl Decimal {
    /// Parse Arabic digits (`1,234.5`). `None` for empty or absurdly long numbers.
    pub fn parse_arabic(s: &str) -> Option<Decimal> {
        let s: String = s.chars().filter(|&c| c != ',').collect();
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s.as_str(), ""),
        };
        if int.is_empty() || int.len() + frac.len() > 30 || !int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let digits = format!("{int}{frac}");
        Some(Decimal {
            mantissa: digits.parse().ok()?,
            scale: frac.len() as u32,
        })
    }

    /// Multiply by an integer factor (a unit's multiplier).
    pub fn times(self, factor: u64) -> Option<Decimal> {
        let scaled = Decimal {
            mantissa: self.mantissa.checked_mul(factor as u128)?,
            scale: self.scale,
        };
        Some(scaled.reduced())
    }

    fn reduced(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa.is_multiple_of(10) {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    /// The canonical xsd:decimal lexical form (no exponent, no trailing zeros).
    pub fn to_lexical(self) -> String {
        let d = self.reduced();
        let digits = d.mantissa.to_string();
        if d.scale == 0 {
            return digits;
        }
        let scale = d.scale as usize;
        let padded = if digits.len() <= scale {
            format!("{}{}", "0".repeat(scale - digits.len() + 1), digits)
        } else {
            digits
        };
        let (i, f) = padded.split_at(padded.len() - scale);
        format!("{i}.{f}")
    }
}

/// The value of a Chinese numeral (一百二十 = 120, 两千 = 2000, 十 = 10, 百 = 100).
pub fn parse_chinese(s: &str) -> Option<u64> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as u64)
            .or(if c == '两' { Some(2) } else { None })
    };
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut number: u64 = 0;
    let mut any = false;
    for c in s.chars() {
        any = true;
        if let Some(d) = digit(c) {
            number = d;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section = (section + number).max(if section + number == 0 { 1 } else { 0 }) * unit;
            total = total.checked_add(section)?;
            section = 0;
        } else {
            let n = if number == 0 { 1 } else { number };
            section += n * unit;
        }
        number = 0;
    }
    if !any {
        return None;
    }
    Some(total + section + number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_is_exact() {
        let d = Decimal::parse_arabic("634.21").unwrap().times(100_000_000).unwrap();
        assert_eq!(d.to_lexical(), "63421000000");
        assert_eq!(
            Decimal::parse_arabic("4.08")
                .unwrap()
                .times(10_000)
                .unwrap()
                .to_lexical(),
            "40800"
        );
        assert_eq!(
            Decimal::parse_arabic("98.7").unwrap().times(1).unwrap().to_lexical(),
            "98.7"
        );
        assert_eq!(Decimal::parse_arabic("0.074").unwrap().to_lexical(), "0.074");
        assert_eq!(Decimal::parse_arabic("1,540").unwrap().to_lexical(), "1540");
    }

    #[test]
    fn absurd_numbers_are_refused() {
        assert!(Decimal::parse_arabic(&"9".repeat(400)).is_none());
        assert!(Decimal::parse_arabic("").is_none());
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese("一百二十"), Some(120));
        assert_eq!(parse_chinese("两千"), Some(2000));
        assert_eq!(parse_chinese("十"), Some(10));
        assert_eq!(parse_chinese("百"), Some(100));
        assert_eq!(parse_chinese("三"), Some(3));
        assert_eq!(parse_chinese("五万"), Some(50000));
        assert_eq!(parse_chinese("x"), None);
    }
}
