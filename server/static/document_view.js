// The document view: a modal <dialog> that shows one stored article from
// /api/v1/documents/{id} with its people, regions and topics. Escape and the
// close button close it; the dialog's state is reported in data-state
// ("loading", "ready", "error") for the end-to-end test.

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
    if (!this.dialog.open) this.dialog.showModal();
    try {
      const response = await fetch("/api/v1/documents/" + encodeURIComponent(id), {
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

  showError(message) {
    this.title.textContent = message;
    this.dialog.dataset.state = "error";
  }

  /** Draws the loaded article again (after an interface language switch). */
  render() {
    const doc = this.article;
    if (!doc) return;
    rememberLabels(this.ctl.labels, { hits: [doc] });
    this.title.textContent = doc.title || doc.id;
    const meta = [formatDate(doc.date)];
    if (doc.lang) meta.push(t(`lang.${doc.lang}`));
    if (doc.source) meta.push(doc.source);
    if (doc.section) meta.push(doc.section);
    if (typeof doc.views === "number") meta.push(t("views", { n: formatNumber(doc.views) }));
    this.meta.textContent = meta.filter(Boolean).join(" · ");
    // Choosing one filters the search; ctl.update() closes this view.
    renderEntities(this.entities, doc, this.ctl);
    const paragraphs = String(doc.body || "")
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    this.body.replaceChildren(
      ...paragraphs.map((text) => {
        const p = document.createElement("p");
        p.textContent = text;
        return p;
      }),
    );
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
