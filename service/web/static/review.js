// The review page: edit, approve, split and merge segments. No inline script (CSP);
// text from the server is only ever set with textContent or as server-escaped markup.
"use strict";

(function () {
  const review = document.getElementById("review");
  if (!review) return;
  const articleId = review.dataset.article;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const message = document.getElementById("message");
  // On a phone the glossary's terms would fill the first screen: they start folded.
  const legend = document.querySelector("details.legend");
  if (legend && window.matchMedia("(max-width: 720px)").matches) legend.open = false;
  let open = null; // the row being edited: {row, textarea, original}

  // The page shows an invisible character (a bidi control, a zero-width space) as the
  // text ⟨U+202E⟩, never the character itself: the editor holds that text too, and a
  // save turns each marker back into its character, so text is kept as it is unless
  // the reviewer deletes the marker.
  const HIDDEN_MARK = /\u27e8U\+([0-9A-F]{4,6})\u27e9/g;
  function raw(text) {
    return text.replace(HIDDEN_MARK, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));
  }
  const HIDDEN = /\p{Cf}/gu; // as the server marks them (service/web/render.py)
  function marked(text) {
    return text.replace(HIDDEN, (c) => `\u27e8U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}\u27e9`);
  }

  function say(text, isError) {
    message.textContent = text;
    message.classList.toggle("error", Boolean(isError));
  }

  // What went wrong, in words: a 412's message names internal ids, so it is never shown.
  const SAVED_BY_OTHER =
    "Another editor saved this sentence since you opened the page: reload to see their text.";
  function problem(error) {
    return error instanceof Conflict ? SAVED_BY_OTHER : error.message;
  }

  // A 412: another editor saved the segment since this page loaded it.
  class Conflict extends Error {
    constructor(message, detail) {
      super(message);
      this.detail = detail;
    }
  }

  // `version`: the segment's version as the page shows it, sent as If-Match.
  async function post(path, body, version) {
    const headers = { "Content-Type": "application/json", "X-CSRF-Token": csrf };
    if (version) headers["If-Match"] = `"${version}"`;
    const response = await fetch(`/articles/${articleId}/segments/${path}`, {
      method: "POST",
      headers,
      body: JSON.stringify(body || {}),
      credentials: "same-origin",
    });
    if (response.status === 401) {
      window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
      throw new Error("log in first");
    }
    const data = await response.json().catch(() => ({}));
    if (response.status === 412 && data.error) {
      throw new Conflict(data.error.message, data.error.detail);
    }
    if (!response.ok) {
      throw new Error((data.error && data.error.message) || `request failed (${response.status})`);
    }
    return data;
  }

  function rows() {
    return Array.from(review.querySelectorAll(".seg"));
  }

  function button(label, action, title) {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    if (title) element.title = title;
    element.addEventListener("click", action);
    return element;
  }

  function openEditor(row) {
    if (open && open.row === row) return;
    closeEditor();
    const cell = row.querySelector(".tgt");
    const original = cell.querySelector(".tgt-text").textContent;
    const textarea = document.createElement("textarea");
    textarea.className = "editor";
    textarea.value = original;
    textarea.rows = Math.max(2, Math.ceil(original.length / 60));
    textarea.setAttribute("aria-label", `English for segment ${row.dataset.segment}`);
    const actions = document.createElement("div");
    actions.className = "actions";
    actions.append(
      button("Save", () => save(row), "keep the edit as a draft"),
      button("Approve", () => save(row, "approved"), "Ctrl+Enter"),
      button("Split", () => split(row), "split the German where you clicked in it"),
    );
    if (row.nextElementSibling) {  // merging stays within a paragraph
      actions.append(button("Merge with next", () => merge(row)));
    }
    actions.append(button("Cancel", closeEditor, "Esc"));
    actions.firstChild.classList.add("primary");
    row.classList.add("editing");
    cell.append(textarea, actions);
    textarea.addEventListener("keydown", (event) => onKey(event, row));
    textarea.focus();
    open = { row, textarea, original, actions };
  }

  function closeEditor() {
    if (!open) return;
    if (open.conflict) open.conflict.remove();
    open.textarea.remove();
    open.actions.remove();
    open.row.classList.remove("editing");
    open = null;
  }

  function replaceRow(row, html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim(); // rendered and escaped by the server
    const fresh = template.content.firstElementChild;
    row.replaceWith(fresh);
    return fresh;
  }

  // Theirs beside yours: keep yours (saved over theirs, knowingly) or take theirs.
  function showConflict(row, detail, status) {
    if (open.conflict) open.conflict.remove();
    const box = document.createElement("div");
    box.className = "conflict";
    box.setAttribute("role", "alert");
    const intro = document.createElement("p");
    intro.textContent = "Another editor saved this sentence since you opened the page.";
    const texts = document.createElement("div");
    texts.className = "conflict-texts";
    for (const [label, text, name] of [
      ["Theirs", detail.target, "theirs"],
      ["Yours", open.textarea.value, "yours"],
    ]) {
      const side = document.createElement("div");
      side.className = `conflict-${name}`;
      const heading = document.createElement("h3");
      heading.textContent = label;
      const body = document.createElement("p");
      body.textContent = marked(text); // never an invisible character itself
      side.append(heading, body);
      texts.append(side);
    }
    const choices = document.createElement("div");
    choices.className = "actions";
    choices.append(
      button("Keep mine", () => {
        row.dataset.version = String(detail.version);
        open.original = null; // send the text even if it equals what was loaded
        save(row, status);
      }),
      button("Use theirs", () => window.location.reload()),
    );
    box.append(intro, texts, choices);
    open.actions.after(box);
    open.conflict = box;
  }

  async function save(row, status) {
    if (!open || open.row !== row) return row;
    const target = raw(open.textarea.value);
    const body = {};
    if (open.original === null || target !== raw(open.original)) body.target = target;
    if (status) body.status = status;
    if (!("target" in body) && !status) {
      closeEditor();
      return row;
    }
    try {
      const data = await post(row.dataset.segment, body, row.dataset.version);
      closeEditor();
      const fresh = replaceRow(row, data.row);
      document.getElementById("segment-count").textContent = data.article.segments;
      document.getElementById("segment-noun").textContent =
        data.article.segments === 1 ? "segment" : "segments";
      document.getElementById("approved-count").textContent = data.article.approved;
      document.getElementById("flagged-count").textContent = data.article.flagged;
      const badge = document.getElementById("article-status");
      badge.textContent = data.article.status.replace("_", " ");
      badge.className = `badge status-${data.article.status}`;
      say(status === "approved" ? "Approved." : "Saved.");
      return fresh;
    } catch (error) {
      if (error instanceof Conflict && open && open.row === row) {
        say(""); // said in the row, beside theirs and yours
        showConflict(row, error.detail, status);
      } else {
        say(problem(error), true);
      }
      return null;
    }
  }

  async function move(row, step) {
    const index = rows().indexOf(row);
    const saved = await save(row);
    if (!saved) return;
    const next = rows()[rows().indexOf(saved) + step] || rows()[index + step];
    if (next) openEditor(next);
  }

  function onKey(event, row) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save(row, "approved");
    } else if (event.key === "Tab") {
      event.preventDefault();
      move(row, event.shiftKey ? -1 : 1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      const cell = row.querySelector(".tgt");
      closeEditor();
      cell.focus();
    }
  }

  // Where the reviewer clicked in the German: the offset a split uses.
  function caretOffset(source) {
    const selection = window.getSelection();
    if (!selection.rangeCount || !source.contains(selection.anchorNode)) return null;
    const range = document.createRange();
    range.setStart(source, 0);
    range.setEnd(selection.anchorNode, selection.anchorOffset);
    return raw(range.toString()).length; // offsets count an invisible character once
  }

  async function split(row) {
    const offset = Number(row.dataset.splitAt || 0);
    if (!offset) {
      say("Click in the German sentence where the second sentence starts, then Split.", true);
      return;
    }
    try {
      await post(`${row.dataset.segment}/split`, { offset }, row.dataset.version);
      window.location.reload();
    } catch (error) {
      say(problem(error), true);
    }
  }

  async function merge(row) {
    try {
      await post(`${row.dataset.segment}/merge`, {}, row.dataset.version);
      window.location.reload();
    } catch (error) {
      say(problem(error), true);
    }
  }

  // One localisation change undone: the English before it, saved as an edit.
  async function undo(row, change) {
    closeEditor();
    try {
      const data = await post(
        `${row.dataset.segment}/undo`, { change: Number(change) }, row.dataset.version,
      );
      replaceRow(row, data.row);
      document.getElementById("flagged-count").textContent = data.article.flagged;
      say("Change undone.");
    } catch (error) {
      say(problem(error), true);
    }
  }

  review.addEventListener("click", (event) => {
    const undoButton = event.target.closest("button.undo");
    if (undoButton) {
      undo(undoButton.closest(".seg"), undoButton.dataset.change);
      return;
    }
    const cell = event.target.closest(".tgt");
    if (cell && !event.target.closest(".editor, .actions")) openEditor(cell.closest(".seg"));
  });
  review.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.classList.contains("tgt")) {
      event.preventDefault();
      openEditor(event.target.closest(".seg"));
    }
  });
  review.addEventListener("mouseup", (event) => {
    const source = event.target.closest(".src");
    if (!source) return;
    const offset = caretOffset(source);
    const row = source.closest(".seg");
    if (offset === null || offset <= 0 || offset >= raw(source.textContent).length) return;
    row.dataset.splitAt = String(offset);
    const text = raw(source.textContent);
    say(`Split point: “…${marked(text.slice(Math.max(0, offset - 20), offset))} | ${marked(text.slice(offset, offset + 20))}…”`);
    openEditor(row);
  });

  // Word alignment: a word under the pointer or focus lights up the words it is aligned
  // to on the other side (and itself), within its row.
  function lightWords(word) {
    for (const lit of review.querySelectorAll(".w.lit, .w.lit-self")) {
      lit.classList.remove("lit", "lit-self");
    }
    if (!word) return;
    const row = word.closest(".seg");
    for (const part of row.querySelectorAll(`.w[data-w="${word.dataset.w}"]`)) {
      part.classList.add("lit-self");
    }
    for (const key of (word.dataset.links || "").split(" ").filter(Boolean)) {
      for (const partner of row.querySelectorAll(`.w[data-w="${key}"]`)) {
        partner.classList.add("lit");
      }
    }
  }
  review.addEventListener("mouseover", (event) => lightWords(event.target.closest(".w")));
  review.addEventListener("focusin", (event) => lightWords(event.target.closest(".w")));
  review.addEventListener("mouseleave", () => lightWords(null));

  // j / k: the next / previous flagged segment (outside the editor and form fields).
  let current = -1;
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== "j" && event.key !== "k") return;
    if (event.target.closest("textarea, input, select, [contenteditable]")) return;
    const all = rows();
    const flagged = all.filter((row) => row.classList.contains("flagged"));
    if (!flagged.length) {
      say("No flagged segments.");
      return;
    }
    event.preventDefault();
    const here = event.target.closest && event.target.closest(".seg");
    const from = here ? all.indexOf(here) : current;
    const next = event.key === "j"
      ? flagged.find((row) => all.indexOf(row) > from) || flagged[0]
      : [...flagged].reverse().find((row) => all.indexOf(row) < from) || flagged[flagged.length - 1];
    current = all.indexOf(next);
    const target = next.querySelector(".tgt");
    target.focus();
    next.scrollIntoView({ block: "center" });
  });
})();

// The paste form: the German is translated streamed, each sentence's row filled in as it
// comes, then the review page opens. Without the script the form posts as usual.
(function () {
  const form = document.querySelector("#new form");
  const progress = document.getElementById("progress");
  if (!form || !progress) return;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;

  function addRow(segment) {
    const row = document.createElement("tr");
    for (const text of [segment.source, segment.target]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    document.getElementById("progress-rows").append(row);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { text: form.elements.text.value };
    const title = form.elements.title.value.trim();
    if (title) body.title = title;
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    progress.hidden = false;
    document.getElementById("progress-rows").replaceChildren();
    const status = progress.querySelector("[role=status]");
    try {
      const response = await fetch("/articles/stream", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-CSRF-Token": csrf,
          Accept: "application/x-ndjson",
        },
        body: JSON.stringify(body),
        credentials: "same-origin",
      });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        throw new Error((data.error && data.error.message) || `request failed (${response.status})`);
      }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
        let newline;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = JSON.parse(buffer.slice(0, newline));
          buffer = buffer.slice(newline + 1);
          if (line.segment) {
            addRow(line.segment);
            document.getElementById("progress-count").textContent = line.done;
            document.getElementById("progress-total").textContent = line.total;
          } else if (line.document) {
            window.location.assign(`/articles/${line.document.id}`);
            return;
          } else if (line.error) {
            throw new Error(line.error.message);
          }
        }
        if (done) break;
      }
      throw new Error("the translation ended early");
    } catch (error) {
      status.textContent = error.message;
      status.classList.add("error");
      button.disabled = false;
    }
  });
})();
