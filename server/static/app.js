// The search page: the state lives in the query string (q, page, lang, from,
// to, sort, match, person/region/topic repeated, doc), so every view is a link
// and Back/Forward work. A user action pushes a history entry and runs the
// search; popstate re-reads the URL. No framework, no build step: ES modules
// served by izdeu-server from /static/.
//
// For the end-to-end test, <body> carries data-state ("idle", "loading",
// "ready", "error") and data-search-seq, which counts finished searches.

import { t, applyStaticStrings, onLanguageChange, setUiLanguage } from "./i18n.js";
import { SuggestBox } from "./suggest.js";
import { DocumentView } from "./document_view.js";
import {
  rememberLabels,
  renderNotices,
  renderActiveFilters,
  renderStatus,
  renderHits,
  renderFacets,
  renderPager,
} from "./render.js";

const PER_PAGE = 10;
const FACETS = "region,person,topic,year,lang";
const FACET_LIMIT = 8;
const LIST_FIELDS = ["person", "region", "topic"];
const DEFAULTS = { sort: "relevance", match: "auto" };
const SORTS = ["relevance", "date", "recency"];
const MATCHES = ["auto", "all", "any"];
// The article languages the server indexes (its language registry: kk, ru, en).
const ARTICLE_LANGUAGES = ["kk", "ru", "en"];

const $ = (id) => document.getElementById(id);

function emptyState() {
  return {
    q: "",
    page: 1,
    lang: "",
    from: "",
    to: "",
    sort: DEFAULTS.sort,
    match: DEFAULTS.match,
    person: [],
    region: [],
    topic: [],
    doc: "",
  };
}

function readState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = (params.get("q") || "").trim();
  state.page = Math.max(1, parseInt(params.get("page"), 10) || 1);
  const lang = params.get("lang") || "";
  state.lang = ARTICLE_LANGUAGES.includes(lang) ? lang : "";
  for (const key of ["from", "to"]) {
    const value = params.get(key) || "";
    state[key] = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : "";
  }
  if (SORTS.includes(params.get("sort"))) state.sort = params.get("sort");
  if (MATCHES.includes(params.get("match"))) state.match = params.get("match");
  for (const field of LIST_FIELDS) {
    state[field] = [...new Set(params.getAll(field).filter((v) => v.trim() !== ""))];
  }
  state.doc = params.get("doc") || "";
  return state;
}

/** The query string for `state`; without `doc` it is also the search's identity. */
function toParams(state, { withDoc = true } = {}) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.page > 1) params.set("page", String(state.page));
  for (const key of ["lang", "from", "to"]) if (state[key]) params.set(key, state[key]);
  for (const key of ["sort", "match"]) {
    if (state[key] !== DEFAULTS[key]) params.set(key, state[key]);
  }
  for (const field of LIST_FIELDS) for (const v of state[field]) params.append(field, v);
  if (withDoc && state.doc) params.set("doc", state.doc);
  return params;
}

/**
 * The search's parameters without page, sort and doc: what selects the
 * articles, for the feed, the export and the document view's highlighting.
 */
function searchParams(state) {
  const params = toParams(state, { withDoc: false });
  params.delete("page");
  params.delete("sort");
  return params;
}

function urlFor(state) {
  const query = toParams(state).toString();
  return query ? `/?${query}` : "/";
}

const ui = {
  form: $("search-form"),
  q: $("q"),
  lang: $("lang"),
  from: $("from"),
  to: $("to"),
  sort: $("sort"),
  match: $("match"),
  notices: $("notices"),
  filters: $("active-filters"),
  status: $("status"),
  hits: $("hits"),
  pager: $("pager"),
  facets: $("facets"),
  facetGroups: $("facet-groups"),
  welcome: $("welcome"),
  results: $("results"),
  follow: $("follow"),
  subscribe: $("subscribe"),
  exportCsv: $("export-csv"),
  exportJsonl: $("export-jsonl"),
};

const ctl = {
  state: readState(location.search),
  labels: new Map(),
  lastBody: null,
  lastSearchKey: null,
  searchController: null,
  searchSeq: 0,
  docPushed: false,

  href(changes) {
    return urlFor({ ...this.state, doc: "", ...changes });
  },

  /** The current search's selecting parameters (searchParams), for the document view. */
  searchParams() {
    return searchParams(this.state);
  },

  /** Applies `changes` (page 1 unless given), records a history entry and searches. */
  update(changes, { focusResults = false } = {}) {
    const next = { ...this.state, page: 1, doc: "", ...changes };
    this.state = next;
    fillForm(next);
    history.pushState(null, "", urlFor(next));
    this.docPushed = false;
    if (docView.isOpen()) docView.close();
    runSearch({ focusResults });
  },

  toggle(field, value) {
    if (LIST_FIELDS.includes(field)) {
      const values = this.state[field];
      const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
      this.update({ [field]: next });
    } else if (field === "lang") {
      this.update({ lang: this.state.lang === value ? "" : value });
    } else if (field === "year") {
      const from = `${value}-01-01`;
      const to = `${value}-12-31`;
      const active = this.state.from === from && this.state.to === to;
      this.update(active ? { from: "", to: "" } : { from, to });
    }
  },

  openDocument(id) {
    this.state = { ...this.state, doc: id };
    history.pushState(null, "", urlFor(this.state));
    this.docPushed = true;
    docView.open(id);
  },
};

const docView = new DocumentView($("document"), ctl, () => {
  // Closing the view leaves its history entry: step back over it if this page
  // pushed it, otherwise (a shared link) rewrite the URL without doc.
  if (!ctl.state.doc) return;
  ctl.state = { ...ctl.state, doc: "" };
  if (ctl.docPushed) {
    ctl.docPushed = false;
    history.back();
  } else {
    history.replaceState(null, "", urlFor(ctl.state));
  }
});

const suggest = new SuggestBox(ui.q, $("suggestions"), $("suggest-status"), (item) => {
  ctl.update({ q: item.text.trim() });
});

function fillForm(state) {
  if (ui.q.value.trim() !== state.q) ui.q.value = state.q;
  ui.lang.value = state.lang;
  ui.from.value = state.from;
  ui.to.value = state.to;
  ui.sort.value = state.sort;
  ui.match.value = state.match;
}

function setPageState(value) {
  document.body.dataset.state = value;
  ui.results.setAttribute("aria-busy", String(value === "loading"));
}

function finishSearch(value) {
  ctl.searchSeq += 1;
  document.body.dataset.searchSeq = String(ctl.searchSeq);
  setPageState(value);
}

function clearResults() {
  ui.notices.replaceChildren();
  ui.status.replaceChildren();
  ui.hits.replaceChildren();
  ui.pager.replaceChildren();
  ui.pager.hidden = true;
  ui.facets.hidden = true;
  renderFollow(null);
  renderActiveFilters(ui.filters, ctl);
}

/**
 * «Subscribe to this search» (the Atom feed of its newest matches, also
 * announced in <head> for feed readers) and the export of every match.
 */
function renderFollow(body) {
  const old = document.getElementById("feed-link");
  if (old) old.remove();
  if (!body || !ctl.state.q) {
    ui.follow.hidden = true;
    return;
  }
  const feed = "/api/v1/feed?" + searchParams(ctl.state);
  ui.subscribe.href = feed;
  const exportParams = toParams(ctl.state, { withDoc: false });
  exportParams.delete("page");
  exportParams.set("format", "csv");
  ui.exportCsv.href = "/api/v1/search/export?" + exportParams;
  exportParams.set("format", "jsonl");
  ui.exportJsonl.href = "/api/v1/search/export?" + exportParams;
  ui.follow.hidden = false;
  const link = document.createElement("link");
  link.id = "feed-link";
  link.rel = "alternate";
  link.type = "application/atom+xml";
  link.title = `izdeu: ${ctl.state.q}`;
  link.href = feed;
  document.head.append(link);
}

function apiParams(state) {
  const params = toParams(state, { withDoc: false });
  params.delete("q");
  params.set("q", state.q);
  params.set("per_page", String(PER_PAGE));
  params.set("facets", FACETS);
  params.set("facet_limit", String(FACET_LIMIT));
  params.set("explain", "true"); // each hit says which form of the query it holds
  return params;
}

async function runSearch({ focusResults = false } = {}) {
  const state = ctl.state;
  ctl.lastSearchKey = toParams(state, { withDoc: false }).toString();
  if (ctl.searchController) ctl.searchController.abort();
  suggest.cancel();
  if (!state.q) {
    ctl.searchController = null;
    ctl.lastBody = null;
    clearResults();
    ui.welcome.hidden = false;
    finishSearch("idle");
    return;
  }
  ui.welcome.hidden = true;
  const controller = new AbortController();
  ctl.searchController = controller;
  setPageState("loading");
  ui.status.textContent = t("searching");
  let response;
  let body;
  try {
    response = await fetch("/api/v1/search?" + apiParams(state), { signal: controller.signal });
    body = await response.json();
  } catch (e) {
    if (e.name === "AbortError" || controller !== ctl.searchController) return;
    clearResults();
    showError(t("networkError"));
    return;
  }
  if (controller !== ctl.searchController) return;
  ctl.searchController = null;
  if (!response.ok) {
    clearResults();
    const message = (body && body.error && body.error.message) || String(response.status);
    showError(t("error", { message }));
    return;
  }
  ctl.lastBody = body;
  rememberLabels(ctl.labels, body);
  render();
  finishSearch("ready");
  if (focusResults) {
    ui.results.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }
}

function showError(message) {
  ctl.lastBody = null;
  ui.status.replaceChildren();
  const p = document.createElement("p");
  p.className = "notice error";
  p.setAttribute("role", "alert");
  p.textContent = message;
  ui.notices.replaceChildren(p);
  finishSearch("error");
}

function render() {
  const body = ctl.lastBody;
  if (!body) {
    renderActiveFilters(ui.filters, ctl);
    return;
  }
  renderNotices(ui.notices, body, ctl);
  renderActiveFilters(ui.filters, ctl);
  renderStatus(ui.status, body);
  renderFollow(body);
  renderHits(ui.hits, body, ctl);
  renderPager(ui.pager, body, ctl);
  renderFacets(ui.facets, ui.facetGroups, body, ctl);
}

ui.form.addEventListener("submit", (event) => {
  event.preventDefault();
  suggest.cancel();
  ctl.update({ q: ui.q.value.trim() });
});

for (const key of ["lang", "sort", "match", "from", "to"]) {
  ui[key].addEventListener("change", () => {
    // A half-typed date is "" until it is complete; wait for a real value.
    if ((key === "from" || key === "to") && ui[key].validity.badInput) return;
    ctl.update({ [key]: ui[key].value });
  });
}

for (const button of document.querySelectorAll("[data-ui-lang]")) {
  button.addEventListener("click", () => setUiLanguage(button.dataset.uiLang));
}

onLanguageChange(() => {
  render();
  docView.render();
});

window.addEventListener("popstate", () => {
  const next = readState(location.search);
  ctl.state = next;
  ctl.docPushed = false;
  fillForm(next);
  if (toParams(next, { withDoc: false }).toString() !== ctl.lastSearchKey) runSearch();
  if (next.doc) {
    if (docView.id !== next.doc) docView.open(next.doc);
  } else if (docView.isOpen()) {
    docView.close();
  }
});

applyStaticStrings();
fillForm(ctl.state);
history.replaceState(null, "", urlFor(ctl.state));
runSearch();
if (ctl.state.doc) docView.open(ctl.state.doc);
