// Validates the structured data of built HTML pages with @adobe/structured-data-validator
// (Google's rich-result rules), offline: the validator is made without the schema.org
// vocabulary, which it would otherwise fetch. Usage: node validate.mjs <site folder>.
// Prints one JSON summary line; exits 1 when any page has an error.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Validator from '@adobe/structured-data-validator';
import WebAutoExtractor from '@marbec/web-auto-extractor';

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

// The validator reads `jobLocation.address.addressCountry` as a path through objects,
// so a posting with several places (a list of Place, as Google's documentation writes
// them) fails though every place has its country. Such a posting is checked once per
// place instead: every place still meets every rule.
function onePlaceEach(jsonld) {
  if (!jsonld.JobPosting) return;
  jsonld.JobPosting = jsonld.JobPosting.flatMap((posting) =>
    Array.isArray(posting.jobLocation) && posting.jobLocation.length > 1
      ? posting.jobLocation.map((place) => ({ ...posting, jobLocation: place }))
      : [posting]);
}

const root = process.argv[2];
const extractor = new WebAutoExtractor({ addLocation: true, embedSource: ['rdfa', 'microdata'] });
const validator = new Validator();
const summary = { pages: 0, pagesWithData: 0, objects: 0, types: {}, errors: [], warnings: [] };
for (const file of htmlFiles(root).sort()) {
  const html = readFileSync(file, 'utf8');
  if (html.startsWith('<!doctype html><meta http-equiv="refresh"')) continue;
  summary.pages += 1;
  const data = extractor.parse(html);
  const objects = data.jsonld ? Object.values(data.jsonld).flat() : [];
  if (objects.length === 0) continue;
  summary.pagesWithData += 1;
  for (const [type, list] of Object.entries(data.jsonld)) {
    summary.types[type] = (summary.types[type] || 0) + list.length;
    summary.objects += list.length;
  }
  onePlaceEach(data.jsonld);
  const page = relative(root, file);
  for (const issue of await validator.validate(data)) {
    const entry = { page, message: issue.issueMessage, fields: issue.fieldNames };
    (issue.severity === 'ERROR' ? summary.errors : summary.warnings).push(entry);
  }
}
console.log(JSON.stringify(summary));
process.exit(summary.errors.length > 0 ? 1 : 0);
