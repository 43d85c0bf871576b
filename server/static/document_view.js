// The document view: a modal <dialog> that shows one stored article from
// /api/v1/documents/{id} with its main people, regions and topics. With a
// search on the page, the article is asked for with that search's
// parameters, and the server marks every form the query matched in the whole
// text (title_html, body_html); «next match» steps through the marks. Under
// the article, related articles from /api/v1/documents/{id}/similar. Escape
// and the close button close it; the dialog's state is reported in
// data-state ("loading", "ready", "error") for the end-to-end test, the
// related list's in #doc-similar's data-state.

import { t, formatNumber, formatDate } from "./i18n.js";
import { renderEntities, rememberLabels } from "./render.js";

export class DocumentView {
  /**
   * @param {HTMLDialogElement} dialog
   * @param {object} ctl the page controller (see app.js)
   * @param {() => void} onClosed called after the dialog closed, however it closed
   */
  constructor(dialog, ctl, onClosed) {
    this.dialog = dialog;
    this.ctl = ctl;
    this.id = null;
    this.article = null;
    this.controller = null;
    this.title = dialog.querySelector("#doc-title");
    this.meta = dialog.querySelector("#doc-meta");
    this.entities = dialog.querySelector("#doc-entities");
    this.body = dialog.querySelector("#doc-body");
    this.link = dialog.querySelector("#doc-link");
    this.matches = dialog.querySelector("#doc-matches");
    this.matchCount = dialog.querySelector("#doc-match-count");
    this.similar = dialog.querySelector("#doc-similar");
    this.similarList = dialog.querySelector("#doc-similar-list");
    this.similarHits = null;
    this.current = -1;
    dialog.querySelector("#doc-next-match").addEventListener("click", () => this.nextMatch());
    dialog.querySelector("#doc-close").addEventListener("click", () => dialog.close());
    // A click on the backdrop lands on the dialog element itself.
    dialog.addEventListener("click", (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener("close", () => {
      if (this.controller) this.controller.abort();
      this.id = null;
      onClosed();
    });
  }

  isOpen() {
    return this.dialog.open;
  }

  close() {
    if (this.dialog.open) this.dialog.close();
  }

  async open(id) {
    if (this.controller) this.controller.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.id = id;
    this.article = null;
    this.dialog.dataset.state = "loading";
    this.dialog.dataset.id = id;
    this.title.textContent = t("loading");
    this.meta.textContent = "";
    this.entities.replaceChildren();
    this.body.replaceChildren();
    this.link.replaceChildren();
    this.matches.hidden = true;
    this.similar.hidden = true;
    this.similar.dataset.state = "loading";
    this.similarList.replaceChildren();
    this.similarHits = null;
    if (!this.dialog.open) this.dialog.showModal();
    const params = this.ctl.searchParams();
    const query = params.has("q") ? "?" + params : "";
    this.loadSimilar(id, controller);
    try {
      const response = await fetch("/api/v1/documents/" + encodeURIComponent(id) + query, {
        signal: controller.signal,
      });
      const body = await response.json();
      if (controller !== this.controller) return;
      if (!response.ok) {
        const message = (body && body.error && body.error.message) || String(response.status);
        return this.showError(t("error", { message }));
      }
      this.article = body;
      this.render();
    } catch (e) {
      if (controller === this.controller && e.name !== "AbortError") {
        this.showError(t("networkError"));
      }
    }
  }

  async loadSimilar(id, controller) {
    try {
      const response = await fetch(
        "/api/v1/documents/" + encodeURIComponent(id) + "/similar?limit=5",
        { signal: controller.signal },
      );
      const body = await response.json();
      if (controller !== this.controller) return;
      this.similarHits = response.ok ? body.similar || [] : [];
    } catch (e) {
      if (controller !== this.controller || e.name === "AbortError") return;
      this.similarHits = [];
    }
    this.renderSimilar();
  }

  renderSimilar() {
    const hits = this.similarHits;
    if (!hits) return;
    this.similarList.replaceChildren(
      ...hits.map((hit) => {
        const li = document.createElement("li");
        li.dataset.id = hit.id;
        const a = document.createElement("a");
        a.href = this.ctl.href({ doc: hit.id });
        a.textContent = hit.title || hit.id;
        a.addEventListener("click", (event) => {
          if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          this.ctl.openDocument(hit.id);
        });
        const meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = " · " + [formatDate(hit.date), hit.source].filter(Boolean).join(" · ");
        li.append(a, meta);
        return li;
      }),
    );
    this.similar.hidden = hits.length === 0;
    this.similar.dataset.state = "ready";
  }

  /** Moves to the next marked form (after the last, the first) and shows it. */
  nextMatch() {
    const marks = [...this.dialog.querySelectorAll("#doc-title mark, #doc-body mark")];
    if (marks.length === 0) return;
    if (this.current >= 0 && this.current < marks.length) {
      marks[this.current].classList.remove("current");
    }
    this.current = (this.current + 1) % marks.length;
    const mark = marks[this.current];
    mark.classList.add("current");
    mark.scrollIntoView({ block: "center" });
    this.matchCount.textContent = t("matchOf", { n: this.current + 1, total: marks.length });
  }

  showError(message) {
    this.title.textContent = message;
    this.dialog.dataset.state = "error";
  }

  /** Draws the loaded article again (after an interface language switch). */
  render() {
    const doc = this.article;
    if (!doc) return;
    rememberLabels(this.ctl.labels, { hits: [doc] });
    // title_html and body_html are escaped by the server, <mark> their only markup.
    if (typeof doc.title_html === "string" && doc.title_html) {
      this.title.innerHTML = doc.title_html;
    } else {
      this.title.textContent = doc.title || doc.id;
    }
    const meta = [formatDate(doc.date)];
    if (doc.lang) meta.push(t(`lang.${doc.lang}`));
    if (doc.source) meta.push(doc.source);
    if (doc.section) meta.push(doc.section);
    if (typeof doc.views === "number") meta.push(t("views", { n: formatNumber(doc.views) }));
    this.meta.textContent = meta.filter(Boolean).join(" · ");
    // Choosing one filters the search; ctl.update() closes this view.
    renderEntities(this.entities, doc, this.ctl);
    const marked = typeof doc.body_html === "string";
    const paragraphs = String(marked ? doc.body_html : doc.body || "")
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    this.body.replaceChildren(
      ...paragraphs.map((text) => {
        const p = document.createElement("p");
        if (marked) {
          p.innerHTML = text;
        } else {
          p.textContent = text;
        }
        return p;
      }),
    );
    const marks = this.dialog.querySelectorAll("#doc-title mark, #doc-body mark").length;
    this.current = -1;
    this.matches.hidden = marks === 0;
    this.matchCount.textContent = t("matchCount", { total: marks });
    this.renderSimilar();
    this.link.replaceChildren();
    if (typeof doc.url === "string" && /^https?:\/\//i.test(doc.url)) {
      const a = document.createElement("a");
      a.href = doc.url;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      a.textContent = t("original");
      this.link.append(a);
    }
    this.dialog.dataset.state = "ready";
  }
}
