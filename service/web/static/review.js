// The review page: edit, approve, split and merge segments. No inline script (CSP);
// text from the server is only ever set with textContent or as server-escaped markup.
"use strict";

(function () {
  const review = document.getElementById("review");
  if (!review) return;
  const articleId = review.dataset.article;
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const message = document.getElementById("message");
  let open = null; // the row being edited: {row, textarea, original}

  function say(text, isError) {
    message.textContent = text;
    message.classList.toggle("error", Boolean(isError));
  }

  async function post(path, body) {
    const response = await fetch(`/articles/${articleId}/segments/${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body || {}),
      credentials: "same-origin",
    });
    if (response.status === 401) {
      window.location.assign(`/login?next=${encodeURIComponent(window.location.pathname)}`);
      throw new Error("log in first");
    }
    const data = await response.json().catch(() => ({}));
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

  async function save(row, status) {
    if (!open || open.row !== row) return row;
    const target = open.textarea.value;
    const body = {};
    if (target !== open.original) body.target = target;
    if (status) body.status = status;
    if (!("target" in body) && !status) {
      closeEditor();
      return row;
    }
    try {
      const data = await post(row.dataset.segment, body);
      closeEditor();
      const fresh = replaceRow(row, data.row);
      document.getElementById("segment-count").textContent = data.article.segments;
      document.getElementById("approved-count").textContent = data.article.approved;
      document.getElementById("flagged-count").textContent = data.article.flagged;
      const badge = document.getElementById("article-status");
      badge.textContent = data.article.status.replace("_", " ");
      badge.className = `badge status-${data.article.status}`;
      say(status === "approved" ? "Approved." : "Saved.");
      return fresh;
    } catch (error) {
      say(error.message, true);
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
    return range.toString().length;
  }

  async function split(row) {
    const offset = Number(row.dataset.splitAt || 0);
    if (!offset) {
      say("Click in the German sentence where the second sentence starts, then Split.", true);
      return;
    }
    try {
      await post(`${row.dataset.segment}/split`, { offset });
      window.location.reload();
    } catch (error) {
      say(error.message, true);
    }
  }

  async function merge(row) {
    try {
      await post(`${row.dataset.segment}/merge`);
      window.location.reload();
    } catch (error) {
      say(error.message, true);
    }
  }

  review.addEventListener("click", (event) => {
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
    if (offset === null || offset <= 0 || offset >= source.textContent.length) return;
    row.dataset.splitAt = String(offset);
    const text = source.textContent;
    say(`Split point: “…${text.slice(Math.max(0, offset - 20), offset)} | ${text.slice(offset, offset + 20)}…”`);
    openEditor(row);
  });
})();
