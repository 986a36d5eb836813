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

/// A Chinese numeral at `chars[i..]`, decimals included (一百二十,
/// 二十八点六, 三千): its value and where it ends. The numeral stops before
/// 万 or 亿 when `unit_at` says a unit starts there (十八|万平方米,
/// 三千|万元), else they scale it (三万五千).
pub fn chinese_number_at(chars: &[char], i: usize, unit_at: impl Fn(usize) -> bool) -> Option<(Decimal, usize)> {
    const DIGITS: &str = "零一二三四五六七八九";
    let digit = |c: char| DIGITS.chars().position(|d| d == c);
    let mut j = i;
    while j < chars.len() && j - i < 12 {
        let c = chars[j];
        let numeral = digit(c).is_some() || matches!(c, '十' | '百' | '千' | '两');
        let scale = matches!(c, '万' | '亿') && j > i && !unit_at(j);
        if !(numeral || scale) {
            break;
        }
        j += 1;
    }
    if j == i {
        return None;
    }
    let whole: String = chars[i..j].iter().collect();
    let integer = parse_chinese(&whole)?;
    // 点 and digits read one by one: the fraction.
    let mut end = j;
    let mut fraction: Vec<u32> = Vec::new();
    if chars.get(j) == Some(&'点') {
        let mut k = j + 1;
        while let Some(d) = chars.get(k).and_then(|&c| digit(c)) {
            fraction.push(d as u32);
            k += 1;
        }
        if !fraction.is_empty() && fraction.len() <= 6 {
            end = k;
        } else {
            fraction.clear();
        }
    }
    let mut mantissa = integer as u128;
    for d in &fraction {
        mantissa = mantissa.checked_mul(10)? + *d as u128;
    }
    Some((
        Decimal {
            mantissa,
            scale: fraction.len() as u32,
        },
        end,
    ))
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
    fn chinese_numerals_with_decimals_before_a_unit() {
        let at = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            let unit_at = |k: usize| {
                ["万元", "万平方米", "万个", "亿元"]
                    .iter()
                    .any(|u| chars[k..].starts_with(&u.chars().collect::<Vec<_>>()))
            };
            chinese_number_at(&chars, 0, unit_at).map(|(d, end)| (d.to_lexical(), end))
        };
        assert_eq!(at("二十八点六平方公里"), Some(("28.6".to_string(), 5)));
        assert_eq!(at("三千万元"), Some(("3000".to_string(), 2)));
        assert_eq!(at("十八万平方米"), Some(("18".to_string(), 2)));
        assert_eq!(at("一点二万个"), Some(("1.2".to_string(), 3)));
        assert_eq!(at("三万五千家"), Some(("35000".to_string(), 4)));
        assert_eq!(at("八十五点七亿元"), Some(("85.7".to_string(), 5)));
        // (A point with no digit after it is no decimal point.)
        assert_eq!(at("三点钟"), Some(("3".to_string(), 1)));
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
