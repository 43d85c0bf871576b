// The suggestion list under the query box: an ARIA 1.2 combobox with a listbox
// popup. Requests to /api/v1/suggest are debounced and the stale ones aborted;
// arrows move the active option, Enter picks it, Escape closes the list, and
// the input keeps focus throughout (aria-activedescendant points at the option).

import { t } from "./i18n.js";

const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;
const LIMIT = 8;

export class SuggestBox {
  /**
   * @param {HTMLInputElement} input the combobox
   * @param {HTMLElement} listbox the popup (role=listbox)
   * @param {HTMLElement} status a polite live region announcing the count
   * @param {(item: {text: string, kind: string, id: ?string}) => void} onPick
   */
  constructor(input, listbox, status, onPick) {
    this.input = input;
    this.listbox = listbox;
    this.status = status;
    this.onPick = onPick;
    this.items = [];
    this.active = -1;
    this.timer = 0;
    this.controller = null;
    this.lastQuery = "";

    input.addEventListener("input", () => this.schedule());
    input.addEventListener("keydown", (event) => this.onKeyDown(event));
    input.addEventListener("blur", () => this.close());
    // mousedown would move focus away from the input and close the list
    // before the click lands; keep the focus where it is.
    listbox.addEventListener("mousedown", (event) => event.preventDefault());
    listbox.addEventListener("click", (event) => {
      const option = event.target.closest("[role=option]");
      if (option) this.pick(Number(option.dataset.index));
    });
  }

  /** Closes the list and forgets pending requests (the form was submitted). */
  cancel() {
    clearTimeout(this.timer);
    if (this.controller) this.controller.abort();
    this.controller = null;
    this.close();
  }

  schedule() {
    clearTimeout(this.timer);
    const query = this.input.value.trim();
    if ([...query].length < MIN_CHARS) {
      if (this.controller) this.controller.abort();
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.fetch(query), DEBOUNCE_MS);
  }

  async fetch(query) {
    if (this.controller) this.controller.abort();
    const controller = new AbortController();
    this.controller = controller;
    const params = new URLSearchParams({ q: query, limit: String(LIMIT) });
    let body;
    try {
      const response = await fetch("/api/v1/suggest?" + params, { signal: controller.signal });
      if (!response.ok) return this.close();
      body = await response.json();
    } catch (e) {
      return; // aborted by a newer request, or the network: no list either way
    }
    // Typing went on while the request was out: its answer is stale.
    if (controller !== this.controller || this.input.value.trim() !== query) return;
    this.controller = null;
    const items = [];
    if (body.layout_fixed && body.layout_fixed !== query) {
      items.push({ text: body.layout_fixed, kind: "layout", id: null });
    }
    for (const s of body.suggestions || []) {
      if (s && typeof s.text === "string" && s.text) items.push(s);
    }
    this.lastQuery = query;
    this.show(items);
  }

  show(items) {
    this.items = items;
    this.active = -1;
    this.listbox.replaceChildren();
    if (items.length === 0 || document.activeElement !== this.input) return this.close();
    items.forEach((item, index) => {
      const li = document.createElement("li");
      li.id = `suggestion-${index}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.index = String(index);
      li.dataset.kind = item.kind || "term";
      li.append(highlightPrefix(item.text, this.lastQuery));
      const kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = t(`kind.${item.kind || "term"}`);
      li.append(" ", kind);
      this.listbox.append(li);
    });
    this.listbox.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    this.status.textContent = t("suggestionCount", { n: items.length });
  }

  close() {
    this.listbox.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  isOpen() {
    return !this.listbox.hidden && this.items.length > 0;
  }

  moveTo(index) {
    const options = this.listbox.querySelectorAll("[role=option]");
    if (options.length === 0) return;
    this.active = (index + options.length) % options.length;
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === this.active)));
    const option = options[this.active];
    this.input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  onKeyDown(event) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!this.isOpen()) {
          if (this.items.length > 0) this.show(this.items);
          else this.schedule();
          return;
        }
        this.moveTo(this.active + 1);
        break;
      case "ArrowUp":
        if (!this.isOpen()) return;
        event.preventDefault();
        this.moveTo(this.active < 0 ? -1 : this.active - 1);
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.pick(this.active);
        } else {
          this.cancel(); // the form submits the typed text
        }
        break;
      case "Escape":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  }

  pick(index) {
    const item = this.items[index];
    if (!item) return;
    this.cancel();
    this.items = [];
    this.input.value = item.text;
    this.onPick(item);
  }
}

// The typed prefix in normal weight and the completion in bold, as text nodes
// (suggestions come from indexed text and are never inserted as HTML).
function highlightPrefix(text, typed) {
  const span = document.createElement("span");
  span.className = "text";
  const prefix = typed.toLocaleLowerCase();
  if (prefix && text.toLocaleLowerCase().startsWith(prefix)) {
    span.append(text.slice(0, typed.length));
    const rest = document.createElement("b");
    rest.textContent = text.slice(typed.length);
    span.append(rest);
  } else {
    span.textContent = text;
  }
  return span;
}
