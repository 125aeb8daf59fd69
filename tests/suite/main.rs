//! One integration-test binary: real sites built in temp dirs by the real `folio` binary.

mod chromium;
mod harness;

mod a11y;
mod brand;
mod browser;
mod build;
mod cache;
mod chart_layout;
mod cli;
mod closing;
mod demo;
mod demo_output;
mod errors;
mod front_matter;
mod hiring;
mod hostile;
mod job_feed;
mod kinds;
mod languages;
mod locale;
mod markdown;
mod output;
pub mod planning;
mod print;
mod properties;
mod reader;
mod registry;
mod safety;
mod search;
mod serve;
mod serve_load;
mod size;
mod taxonomies;
