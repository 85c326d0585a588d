// ChartRAG page: ask → stream validated claims (SSE over fetch) → citation chips open the source.
// Every string from the server goes through textContent: nothing returned is executed or parsed as HTML.
(function () {
  "use strict";
  const root = document.querySelector("main.layout");
  const csrf = root.dataset.csrf;
  const form = document.getElementById("ask-form");
  const input = document.getElementById("question");
  const button = document.getElementById("ask-button");
  const answer = document.getElementById("answer");
  const panel = document.getElementById("source");

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function chips(row, citations) {
    for (const c of citations) {
      const chip = el("button", "chip", String(c.n));
      chip.type = "button";
      chip.title = c.reference + (c.date ? " · " + c.date : "");
      chip.setAttribute("aria-label", "Source " + c.n + ": " + chip.title);
      chip.setAttribute("aria-pressed", "false");
      chip.addEventListener("click", () => openSource(c.chunk_id, chip));
      row.appendChild(chip);
    }
  }

  function addClaim(claim) {
    const row = el("div", "claim", claim.text);
    chips(row, claim.citations);
    answer.appendChild(row);
  }

  function finish(done) {
    if (done.notice) answer.appendChild(el("p", "meta notice", done.notice));
    if (done.abstained) {
      answer.appendChild(el("div", "notfound", done.message || "Not found in this patient's chart."));
      if (done.closest && done.closest.length) {
        const row = el("div", "closest", "Closest evidence (does not answer the question): ");
        chips(row, done.closest);
        answer.appendChild(row);
      }
      return;
    }
    const box = el("div", "confidence", "Confidence ");
    const meter = document.createElement("meter");
    meter.min = 0; meter.max = 1; meter.value = done.confidence;
    box.appendChild(meter);
    box.appendChild(document.createTextNode(" " + Math.round(done.confidence * 100) + "%"));
    answer.appendChild(box);
  }

  async function ask(question) {
    panel.hidden = true;
    answer.replaceChildren(el("p", "meta", "Searching this patient's chart…"));
    button.disabled = true;
    try {
      const response = await fetch("/app/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ question: question }),
        credentials: "same-origin",
      });
      if (!response.ok) {
        const detail = await response.json().catch(() => ({}));
        answer.replaceChildren(el("p", "error", detail.detail || "ChartRAG could not answer (" + response.status + ")."));
        return;
      }
      answer.replaceChildren();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = (block.match(/^event: (.*)$/m) || [])[1];
          const data = JSON.parse((block.match(/^data: (.*)$/m) || [])[1] || "{}");
          if (event === "claim") addClaim(data);
          if (event === "done") finish(data);
        }
      }
    } catch (err) {
      answer.replaceChildren(el("p", "error", "Connection lost while answering. Please ask again."));
    } finally {
      button.disabled = false;
    }
  }

  async function openSource(chunkId, chip) {
    document.querySelectorAll(".chip[aria-pressed=true]").forEach((c) => c.setAttribute("aria-pressed", "false"));
    chip.setAttribute("aria-pressed", "true");
    const response = await fetch("/app/source/" + encodeURIComponent(chunkId), { credentials: "same-origin" });
    const data = await response.json();
    panel.hidden = false;
    document.getElementById("source-title").textContent = data.reference || "Source";
    document.getElementById("source-meta").textContent =
      [data.resource_type, data.effective_date, data.section].filter(Boolean).join(" · ");
    const pre = document.getElementById("source-text");
    pre.replaceChildren();
    if (data.highlight) {
      const [s, e] = data.highlight;
      pre.appendChild(document.createTextNode(data.text.slice(0, s)));
      const mark = el("mark", "", data.text.slice(s, e));
      pre.appendChild(mark);
      pre.appendChild(document.createTextNode(data.text.slice(e)));
      mark.scrollIntoView({ block: "center" });
    } else {
      pre.textContent = data.text || "";
    }
    pre.focus();
  }

  form.addEventListener("submit", (e) => { e.preventDefault(); if (input.value.trim()) ask(input.value.trim()); });
  document.querySelectorAll(".suggestion").forEach((b) =>
    b.addEventListener("click", () => { input.value = b.textContent; ask(b.textContent); }));
  document.getElementById("source-close").addEventListener("click", () => { panel.hidden = true; });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") panel.hidden = true; });
})();
