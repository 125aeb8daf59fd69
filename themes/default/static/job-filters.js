// Filters of the jobs page. The page lists every open posting, grouped by
// department; this script asks the site's search index (Pagefind) for the values
// of the filters open postings carry (department, location, workplace, employment
// type, seniority), shows one choice per filter, and hides the postings and groups
// the chosen values leave out. Without it, or without an index, the page stays the
// grouped list.
(() => {
  const FILTERS = ["department", "location", "workplace", "employment_type", "seniority"];
  const form = document.querySelector("form.job-filters");
  if (!form) return;
  const none = document.querySelector(".job-filters-none");
  const items = [...document.querySelectorAll("li[data-job-url]")];
  const groups = [...document.querySelectorAll(".job-group")];
  const path = (url) => decodeURI(new URL(url, window.location.href).pathname);
  const lang = document.documentElement.lang || "en";

  // The language's index: the first shard is the bundle Pagefind's script loads,
  // the others (on a large site, listed in shards.json) are merged into it.
  async function openIndex(base) {
    let shards = [""];
    try {
      const listed = await (await fetch(`${base}shards.json`)).json();
      const code = lang.toLowerCase();
      shards = listed[code] || listed[code.split("-")[0]] || shards;
    } catch (_) {
      // One bundle in pagefind/.
    }
    const pagefind = await import(`${base}${shards[0]}pagefind.js`);
    await pagefind.options({ basePath: `${base}${shards[0]}` });
    for (const shard of shards.slice(1)) await pagefind.mergeIndex(`${base}${shard}`);
    return pagefind;
  }

  function field(name, counts) {
    const collator = new Intl.Collator(lang, { numeric: true });
    const values = Object.keys(counts).sort(collator.compare);
    const label = document.createElement("label");
    label.className = "job-filter";
    const caption = document.createElement("span");
    caption.textContent = form.dataset[`label-${name}`.replace(/-([a-z])/g, (_, c) => c.toUpperCase())];
    const select = document.createElement("select");
    select.name = name;
    select.add(new Option(form.dataset.any, ""));
    for (const value of values) select.add(new Option(`${value} (${counts[value]})`, value));
    label.append(caption, select);
    return label;
  }

  async function narrow(pagefind, run) {
    const filters = { kind: "job" };
    for (const select of form.querySelectorAll("select")) {
      if (select.value) filters[select.name] = select.value;
    }
    const found = await pagefind.search(null, { filters });
    const data = await Promise.all(found.results.map((r) => r.data()));
    if (run !== form.dataset.run) return;
    const urls = new Set(data.map((d) => path(d.url)));
    for (const item of items) item.hidden = !urls.has(path(item.dataset.jobUrl));
    for (const group of groups) group.hidden = !group.querySelector("li[data-job-url]:not([hidden])");
    if (none) none.hidden = items.some((item) => !item.hidden);
    form.dataset.shown = String(items.filter((item) => !item.hidden).length);
  }

  (async () => {
    let pagefind;
    try {
      pagefind = await openIndex(form.dataset.bundlePath);
    } catch (_) {
      return; // No index (search off, or not built yet): the list stays whole.
    }
    const all = await pagefind.filters();
    const fields = form.querySelector(".job-filters-fields");
    for (const name of FILTERS) {
      const counts = all[name] || {};
      if (Object.keys(counts).length > 1) fields.append(field(name, counts));
    }
    if (!fields.children.length) return;
    // Chosen values are kept in the address (`?department=Design`), to share a list.
    const params = new URLSearchParams(window.location.search);
    for (const select of form.querySelectorAll("select")) {
      const wanted = params.get(select.name);
      if ([...select.options].some((o) => o.value && o.value === wanted)) select.value = wanted;
    }
    let runs = 0;
    const update = () => {
      form.dataset.run = String(++runs);
      const chosen = new URL(window.location.href);
      for (const select of form.querySelectorAll("select")) {
        if (select.value) chosen.searchParams.set(select.name, select.value);
        else chosen.searchParams.delete(select.name);
      }
      window.history.replaceState(null, "", chosen);
      narrow(pagefind, form.dataset.run);
    };
    form.addEventListener("change", update);
    form.addEventListener("reset", () => setTimeout(update));
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
    if ([...form.querySelectorAll("select")].some((select) => select.value)) update();
    form.dataset.ready = "true";
  })();
})();
