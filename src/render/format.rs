//! Render stage helper: numbers and amounts as text. English formatting for now; the
//! locale-aware version (ICU4X) replaces these when languages arrive.

/// `12400` → `12,400`; `3.25` → `3.25`; at most two decimals, trailing zeros dropped.
pub fn number(n: f64) -> String {
    let rounded = (n * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let frac = frac.trim_end_matches('0');
    let sign = if negative { "−" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

/// A value with its unit: `12,400`, `3.2 %`, `45 UAH`.
pub fn with_unit(n: f64, unit: Option<&str>) -> String {
    match unit {
        Some("%") => format!("{}%", number(n)),
        Some(u) if !u.is_empty() => format!("{} {u}", number(n)),
        _ => number(n),
    }
}

/// `per month` for a schema.org salary unit.
pub fn per_unit(unit: &str) -> &'static str {
    match unit {
        "HOUR" => "per hour",
        "DAY" => "per day",
        "WEEK" => "per week",
        "MONTH" => "per month",
        _ => "per year",
    }
}

/// `Full-time` for `FULL_TIME`.
pub fn employment_type(code: &str) -> String {
    match code {
        "FULL_TIME" => "Full-time".into(),
        "PART_TIME" => "Part-time".into(),
        "CONTRACTOR" => "Contractor".into(),
        "TEMPORARY" => "Temporary".into(),
        "INTERN" => "Internship".into(),
        "VOLUNTEER" => "Volunteer".into(),
        "PER_DIEM" => "Per diem".into(),
        _ => "Other".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number(12400.0), "12,400");
        assert_eq!(number(1234567.5), "1,234,567.5");
        assert_eq!(number(3.256), "3.26");
        assert_eq!(number(-12.0), "−12");
        assert_eq!(number(0.0), "0");
        assert_eq!(with_unit(3.2, Some("%")), "3.2%");
        assert_eq!(with_unit(45000.0, Some("UAH")), "45,000 UAH");
    }
}
