//! Model stage: the parsed files placed in a site (URLs, sections, order,
//! taxonomies, kinds checked) and the images its pages name, checked and resized.

use crate::build::BuildOptions;
use crate::error::Diagnostic;
use crate::site::{Site, assemble};

use super::inputs::Inputs;

/// The site of `inputs`, with every problem found on the way; `None` without a
/// usable configuration.
pub(crate) fn model(inputs: &Inputs, options: &BuildOptions) -> Option<(Site, Vec<Diagnostic>)> {
    let config = inputs.config.as_ref().ok()?;
    let (mut site, mut problems) = assemble(
        config.clone(),
        inputs.files(),
        inputs.assets.clone(),
        &inputs.root.join("content"),
        options.drafts,
        options.today,
    );
    problems.extend(crate::site::images::attach(&mut site, &inputs.root).1);
    Some((site, problems))
}
