//! One integration-test binary: real sites built in temp dirs by the real `folio` binary.

mod chromium;
mod harness;

mod browser;
mod build;
mod cache;
mod cli;
mod demo;
mod errors;
mod kinds;
mod languages;
mod markdown;
mod output;
mod search;
mod serve;
