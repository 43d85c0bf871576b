// Renders one /api/v1/search response: notices (did you mean, relaxed words),
// active filters, the count, hits, facets and the pager. Everything is built
// with textContent except the two fields the server sends as HTML: a hit's
// `snippet` and `title_html` (text escaped there, matched words in <mark>).
//
// `ctl` is the page controller from app.js: state, update(), toggle(), href(),
// openDocument() and labels (field:value -> label, remembered across responses).

import { t, localized, formatNumber, formatDate } from "./i18n.js";

const ENTITY_FIELDS = ["person", "region", "topic"];
const FACET_ORDER = ["region", "person", "topic", "year", "lang"];
const PAGE_WINDOW = 2;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

/** An entity reference from a hit or document: {key,name}, {id,name}, or a bare id. */
export function entityRef(field, ref) {
  if (typeof ref === "string") return { value: ref, label: null };
  if (!ref || typeof ref !== "object") return null;
  const value = field === "person" ? ref.key ?? ref.id : ref.id ?? ref.key;
  if (typeof value !== "string" || !value) return null;
  return { value, label: ref.name ?? ref.label ?? null };
}

/** Remembers labels seen in a response so that filter chips can name their values. */
export function rememberLabels(labels, body) {
  for (const hit of body.hits || []) {
    for (const field of ENTITY_FIELDS) {
      for (const ref of hit[field === "person" ? "people" : `${field}s`] || []) {
        const entity = entityRef(field, ref);
        if (entity && entity.label) labels.set(`${field}:${entity.value}`, entity.label);
      }
    }
  }
  for (const [field, facet] of Object.entries(body.facets || {})) {
    for (const v of (facet && facet.values) || []) {
      if (v && v.label != null) labels.set(`${field}:${v.value}`, v.label);
    }
  }
}

function labelFor(ctl, field, value) {
  if (field === "lang") return t(`lang.${value}`);
  return localized(ctl.labels.get(`${field}:${value}`), value);
}

export function renderNotices(container, body, ctl) {
  container.replaceChildren();
  if (typeof body.did_you_mean === "string" && body.did_you_mean) {
    const suggestion = body.did_you_mean;
    container.append(
      el(
        "p",
        { class: "notice did-you-mean" },
        t("didYouMean") + " ",
        el("a", {
          href: ctl.href({ q: suggestion, page: 1 }),
          text: suggestion,
          onclick: (event) => {
            event.preventDefault();
            ctl.update({ q: suggestion, page: 1 });
          },
        }),
      ),
    );
  }
  if (body.relaxed === true) {
    const words = (body.optional_words || []).filter((w) => typeof w === "string");
    const notice = el("p", { class: "notice relaxed" }, t("relaxed") + " ");
    words.forEach((word, i) => {
      if (i > 0) notice.append(", ");
      notice.append(el("s", { class: "optional-word", text: word }));
    });
    notice.append(
      " · ",
      el("a", {
        href: ctl.href({ match: "all", page: 1 }),
        text: t("requireAll"),
        onclick: (event) => {
          event.preventDefault();
          ctl.update({ match: "all", page: 1 });
        },
      }),
    );
    container.append(notice);
  }
}

export function renderActiveFilters(container, ctl) {
  const s = ctl.state;
  const chips = [];
  const chip = (kind, name, remove) =>
    el(
      "span",
      { class: "chip", dataset: { filter: kind } },
      el("span", { class: "chip-kind", text: t(`filter.${kind}`) + ":" }),
      " ",
      el("span", { class: "chip-name", text: name }),
      el("button", {
        type: "button",
        class: "chip-remove",
        "aria-label": t("removeFilter", { name }),
        title: t("removeFilter", { name }),
        text: "×",
        onclick: remove,
      }),
    );
  for (const field of ENTITY_FIELDS) {
    for (const value of s[field]) {
      chips.push(chip(field, labelFor(ctl, field, value), () => ctl.toggle(field, value)));
    }
  }
  if (s.lang) chips.push(chip("lang", t(`lang.${s.lang}`), () => ctl.update({ lang: "", page: 1 })));
  if (s.from || s.to) {
    const name = t("dateRange", { from: formatDate(s.from) || "…", to: formatDate(s.to) || "…" });
    chips.push(chip("dates", name, () => ctl.update({ from: "", to: "", page: 1 })));
  }
  container.replaceChildren(...chips);
  if (chips.length > 1) {
    container.append(
      el("button", {
        type: "button",
        class: "link clear-filters",
        text: t("clearFilters"),
        onclick: () =>
          ctl.update({ person: [], region: [], topic: [], lang: "", from: "", to: "", page: 1 }),
      }),
    );
  }
  container.hidden = chips.length === 0;
}

export function renderStatus(container, body) {
  if (!body.hits || body.hits.length === 0) {
    container.replaceChildren(
      el("strong", { text: t("nothing") }),
      " ",
      el("span", { text: t("nothingHint") }),
    );
    return;
  }
  const total = formatNumber(body.total ?? body.hits.length);
  const found = t(body.total_exact === false ? "foundApprox" : "found", { total });
  const took = typeof body.took_ms === "number" ? t("took", { ms: body.took_ms.toFixed(1) }) : "";
  container.textContent = [found, took].filter(Boolean).join(" · ");
}

function entityButtons(field, refs, ctl) {
  const out = [];
  for (const ref of refs || []) {
    const entity = entityRef(field, ref);
    if (!entity) continue;
    const active = ctl.state[field].includes(entity.value);
    out.push(
      el("button", {
        type: "button",
        class: `entity entity-${field}`,
        "aria-pressed": String(active),
        dataset: { field, value: entity.value },
        title: t(`filter.${field}`),
        text: localized(entity.label, entity.value),
        onclick: () => ctl.toggle(field, entity.value),
      }),
    );
  }
  return out;
}

/** The buttons for a document's or hit's people, regions and topics. */
export function renderEntities(container, item, ctl) {
  const buttons = [
    ...entityButtons("person", item.people, ctl),
    ...entityButtons("region", item.regions, ctl),
    ...entityButtons("topic", item.topics, ctl),
  ];
  container.replaceChildren(...buttons);
  container.hidden = buttons.length === 0;
}

function keysOf(field, refs) {
  return (refs || []).map((ref) => entityRef(field, ref)).filter(Boolean).map((e) => e.value);
}

function renderHit(hit, ctl) {
  const title = el("a", {
    // An untitled article's title is its first words (title_generated).
    class: hit.title_generated ? "hit-title hit-title-generated" : "hit-title",
    href: ctl.href({ doc: hit.id }),
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      ctl.openDocument(hit.id);
    },
  });
  if (typeof hit.title_html === "string" && hit.title_html) {
    title.innerHTML = hit.title_html; // server-escaped, <mark> only
  } else {
    title.textContent = hit.title || hit.id;
  }
  const meta = [formatDate(hit.date)];
  if (hit.lang) meta.push(t(`lang.${hit.lang}`));
  if (hit.source) meta.push(hit.source);
  if (typeof hit.views === "number") meta.push(t("views", { n: formatNumber(hit.views) }));
  if (hit.duplicates > 0) meta.push(t("duplicates", { n: hit.duplicates }));

  const li = el(
    "li",
    {
      class: "hit",
      dataset: {
        id: hit.id,
        lang: hit.lang || "",
        date: hit.date || "",
        people: JSON.stringify(keysOf("person", hit.people)),
        regions: JSON.stringify(keysOf("region", hit.regions)),
        topics: JSON.stringify(keysOf("topic", hit.topics)),
      },
    },
    el("h3", {}, title),
    el("p", { class: "meta", text: meta.filter(Boolean).join(" · ") }),
  );
  if (typeof hit.snippet === "string" && hit.snippet) {
    const snippet = el("p", { class: "snippet" });
    snippet.innerHTML = hit.snippet; // server-escaped, <mark> only
    li.append(snippet);
  }
  const matched = renderMatched(hit);
  if (matched) li.append(matched);
  const entities = el("div", { class: "entities" });
  renderEntities(entities, hit, ctl);
  if (!entities.hidden) li.append(entities);
  return li;
}

// Why the hit matched (explain=true): each form of a query word the article
// holds, once, with how it reads the word when not as typed («сапарова» —
// another form of «Сапаров»), and whether it is in the title.
function renderMatched(hit) {
  if (!Array.isArray(hit.matched) || hit.matched.length === 0) return null;
  const seen = new Map();
  for (const m of hit.matched) {
    if (!m || typeof m.form !== "string") continue;
    const entry = seen.get(m.form) || { match: m, title: false };
    entry.title = entry.title || m.field === "title";
    seen.set(m.form, entry);
  }
  const line = el("p", { class: "matched" }, t("matchedAs") + " ");
  let first = true;
  for (const { match, title } of seen.values()) {
    if (!first) line.append(", ");
    first = false;
    line.append(el("span", { class: "matched-form", dataset: { class: match.class }, text: match.form }));
    const notes = [];
    if (match.class && match.class !== "exact") notes.push(`${t("reading." + match.class)} «${match.word}»`);
    if (title) notes.push(t("field.title"));
    if (notes.length) line.append(` (${notes.join(", ")})`);
  }
  return line;
}

export function renderHits(container, body, ctl) {
  const first = ((body.page || 1) - 1) * (body.per_page || 10) + 1;
  container.start = first;
  container.replaceChildren(...(body.hits || []).map((hit) => renderHit(hit, ctl)));
}

function facetValueLabel(ctl, field, v) {
  if (field === "lang") return t(`lang.${v.value}`);
  if (field === "year") return String(v.value);
  return localized(v.label, labelFor(ctl, field, v.value));
}

function facetActive(state, field, value) {
  if (ENTITY_FIELDS.includes(field)) return state[field].includes(value);
  if (field === "lang") return state.lang === value;
  if (field === "year") return state.from === `${value}-01-01` && state.to === `${value}-12-31`;
  return false;
}

export function renderFacets(aside, container, body, ctl) {
  const facets = body.facets && typeof body.facets === "object" ? body.facets : {};
  const groups = [];
  for (const field of FACET_ORDER) {
    const facet = facets[field];
    const values = ((facet && facet.values) || []).filter((v) => v && v.value != null);
    if (values.length === 0) continue;
    if (field === "year") values.sort((a, b) => String(b.value).localeCompare(String(a.value)));
    const headingId = `facet-${field}-heading`;
    const heading = el("h3", { id: headingId, text: t(`facet.${field}`) });
    if (facet.exact === false) {
      heading.append(" ", el("span", { class: "approx", text: `(${t("facet.approximate")})` }));
    }
    const list = el("ul", { class: "facet-values" });
    for (const v of values) {
      const value = String(v.value);
      const active = facetActive(ctl.state, field, value);
      list.append(
        el(
          "li",
          {},
          el(
            "button",
            {
              type: "button",
              class: "facet-value",
              "aria-pressed": String(active),
              dataset: { facet: field, value },
              onclick: () => ctl.toggle(field, value),
            },
            el("span", { class: "facet-label", text: facetValueLabel(ctl, field, v) }),
            el("span", { class: "count", text: formatNumber(v.count ?? 0) }),
          ),
        ),
      );
    }
    groups.push(
      el(
        "section",
        { class: "facet", "aria-labelledby": headingId, dataset: { facet: field } },
        heading,
        list,
      ),
    );
  }
  container.replaceChildren(...groups);
  aside.hidden = groups.length === 0;
}

export function renderPager(nav, body, ctl) {
  const page = body.page || ctl.state.page || 1;
  const perPage = body.per_page || 10;
  const total = Number(body.total) || 0;
  let last = Math.max(1, Math.ceil(total / perPage));
  const hasNext = page < last || (body.total_exact === false && body.next_cursor != null);
  if (hasNext && last <= page) last = page + 1;
  nav.replaceChildren();
  if (last <= 1) {
    nav.hidden = true;
    return;
  }
  const link = (target, text, extra = {}) =>
    el("a", {
      href: ctl.href({ page: target }),
      text,
      dataset: { page: String(target) },
      onclick: (event) => {
        event.preventDefault();
        ctl.update({ page: target }, { focusResults: true });
      },
      ...extra,
    });
  if (page > 1) nav.append(link(page - 1, t("prev"), { rel: "prev", class: "step" }));
  const numbers = new Set([1, last]);
  for (let p = page - PAGE_WINDOW; p <= page + PAGE_WINDOW; p++) {
    if (p >= 1 && p <= last) numbers.add(p);
  }
  let previous = 0;
  for (const p of [...numbers].sort((a, b) => a - b)) {
    if (p - previous > 1) nav.append(el("span", { class: "gap", text: "…" }));
    if (p === page) {
      nav.append(el("span", { class: "current", "aria-current": "page", text: String(p) }));
    } else {
      nav.append(link(p, String(p), { "aria-label": t("page", { n: p }) }));
    }
    previous = p;
  }
  if (hasNext) nav.append(link(page + 1, t("next"), { rel: "next", class: "step" }));
  nav.hidden = false;
}
