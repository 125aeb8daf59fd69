//! The details of a posting beyond its place and pay: where the work is done
//! (`workplace`), the experience and education asked for, the start date, the hours,
//! the number of openings and the occupation code — their value types and checks.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::{FrontMatter, Location};
use crate::error::{Diagnostic, nearest};
use crate::kinds::Origin;
use crate::kinds::values::keywords;

keywords! {
    /// Where the work is done.
    Workplace {
        Onsite = "onsite",
        Hybrid = "hybrid",
        Remote = "remote",
    }
}

keywords! {
    /// The education a posting asks for, as Google's `educationRequirements` names it.
    Education {
        HighSchool = "high_school",
        AssociateDegree = "associate_degree",
        BachelorDegree = "bachelor_degree",
        ProfessionalCertificate = "professional_certificate",
        PostgraduateDegree = "postgraduate_degree",
    }
}

impl Education {
    /// The schema.org `credentialCategory` (`bachelor degree`).
    pub(crate) fn credential_category(self) -> String {
        self.as_str().replace('_', " ")
    }
}

/// `experience:`: a number of months, or a text (`Two seasons of festival work`).
#[derive(Debug, Clone, PartialEq, schemars::JsonSchema)]
#[schemars(untagged)]
pub(crate) enum Experience {
    Months(i64),
    Text(String),
}

impl<'de> Deserialize<'de> for Experience {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ExperienceVisitor)
    }
}

struct ExperienceVisitor;

impl Visitor<'_> for ExperienceVisitor {
    type Value = Experience;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number of months (e.g. 24) or a text")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Experience, E> {
        Ok(Experience::Months(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Experience, E> {
        i64::try_from(v)
            .map(Experience::Months)
            .map_err(|_| E::custom("the number of months is too large"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Experience, E> {
        Err(E::custom(format!(
            "`{v}` is not a whole number of months: write e.g. 18, or a text"
        )))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Experience, E> {
        Ok(Experience::Text(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Experience, E> {
        Err(E::custom(format!(
            "`{v}` is not an experience: write a number of months (e.g. 24) or a text"
        )))
    }
}

/// The places of a posting: `locations:`, else the one `location:`.
pub(crate) fn places(fm: &FrontMatter) -> Vec<&Location> {
    match (&fm.locations, &fm.location) {
        (Some(all), _) => all.iter().collect(),
        (None, Some(one)) => vec![one],
        (None, None) => Vec::new(),
    }
}

/// Where the work is done: `workplace:`, else remote when a place says `remote: true`,
/// else on site. Only called on checked postings (no disagreement left).
pub(crate) fn workplace_of(fm: &FrontMatter) -> Workplace {
    fm.workplace
        .as_deref()
        .and_then(Workplace::parse)
        .unwrap_or(if places(fm).iter().any(|l| l.remote) {
            Workplace::Remote
        } else {
            Workplace::Onsite
        })
}

/// The checks of `workplace`, `education`, `experience`, `openings` and `occupation`.
pub(super) fn check_details(fm: &FrontMatter, origin: Origin<'_>, problems: &mut Vec<Diagnostic>) {
    if let Some(w) = &fm.workplace {
        match Workplace::parse(w) {
            None => problems.push(keyword_error(origin, "workplace", w, Workplace::NAMES)),
            Some(Workplace::Remote) => {}
            Some(other) => {
                if let Some(i) = places(fm).iter().position(|l| l.remote) {
                    let index = i.to_string();
                    let path: Vec<&str> = match fm.locations {
                        Some(_) => vec!["locations", &index, "remote"],
                        None => vec!["location", "remote"],
                    };
                    problems.push(
                        origin
                            .error(
                                &path,
                                format!("`remote: true` disagrees with `workplace: {other}`"),
                            )
                            .with_help(
                                "write `workplace: remote`, or leave `remote` out of the place",
                            ),
                    );
                }
            }
        }
    }
    if let Some(e) = &fm.education
        && Education::parse(e).is_none()
    {
        problems.push(keyword_error(origin, "education", e, Education::NAMES));
    }
    if let Some(Experience::Months(m)) = fm.experience
        && m < 0
    {
        problems.push(
            origin
                .error(
                    &["experience"],
                    format!("`experience` is {m} months: it cannot be negative"),
                )
                .with_help("write a number of months such as 24, or a text"),
        );
    }
    if let Some(n) = fm.openings
        && n < 1
    {
        problems.push(
            origin
                .error(
                    &["openings"],
                    format!("`openings` is {n}: it must be a positive whole number"),
                )
                .with_help("openings: 2"),
        );
    }
    if let Some(code) = &fm.occupation
        && !is_occupation_code(code)
    {
        problems.push(
            origin
                .error(&["occupation"], format!("`{code}` is neither an ISCO-08 nor an O*NET-SOC code"))
                .with_help("an ISCO-08 code has one to four digits (2431); an O*NET-SOC code reads 13-1161.01 (or the SOC code 13-1161)"),
        );
    }
}

fn keyword_error(origin: Origin<'_>, key: &str, value: &str, names: &[&str]) -> Diagnostic {
    let d = origin.error(&[key], format!("unknown {key} `{value}`"));
    match nearest(
        &value.to_ascii_lowercase().replace([' ', '-'], "_"),
        names.iter().copied(),
    ) {
        Some(s) => d.with_help(format!("did you mean `{s}`?")),
        None => d.with_help(format!("expected one of {}", names.join(", "))),
    }
}

/// An ISCO-08 code (one to four digits) or an O*NET-SOC code (`13-1161`, `13-1161.01`).
pub(crate) fn is_occupation_code(code: &str) -> bool {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if (1..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let Some((major, rest)) = code.split_once('-') else {
        return false;
    };
    let (minor, detail) = match rest.split_once('.') {
        Some((minor, detail)) => (minor, Some(detail)),
        None => (rest, None),
    };
    digits(major, 2) && digits(minor, 4) && detail.is_none_or(|d| digits(d, 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occupation_codes() {
        for ok in ["2431", "24", "13-1161", "13-1161.01"] {
            assert!(is_occupation_code(ok), "{ok}");
        }
        for bad in ["24315", "13-116", "13-1161.1", "marketing", "", "13_1161"] {
            assert!(!is_occupation_code(bad), "{bad}");
        }
    }

    #[test]
    fn experience_is_months_or_text() {
        let months: Experience = serde_yaml::from_str("24").unwrap();
        assert_eq!(months, Experience::Months(24));
        let text: Experience = serde_yaml::from_str("two seasons").unwrap();
        assert_eq!(text, Experience::Text("two seasons".into()));
        assert!(serde_yaml::from_str::<Experience>("[1, 2]").is_err());
        assert!(serde_yaml::from_str::<Experience>("1.5").is_err());
    }
}
