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
      const guideline = c.kind === "guideline";
      const chip = el("button", guideline ? "chip guideline" : "chip", guideline ? "G" + c.n : String(c.n));
      chip.type = "button";
      chip.title = guideline ? c.label : c.reference + (c.date ? " · " + c.date : "");
      chip.setAttribute("aria-label", (guideline ? "Guideline source " : "Source ") + chip.textContent + ": " + chip.title);
      chip.setAttribute("aria-pressed", "false");
      chip.addEventListener("click", () => openSource(c.chunk_id, chip));
      row.appendChild(chip);
    }
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A trend as a small chart: one point per cited value (as recorded), the recorded reference range as a
  // band, the lab's own flag beside a point. Points are keyboard-focusable and open their source.
  function addSeries(series) {
    const pts = series.points.filter((p) => isFinite(Number(p.value)) && !isNaN(Date.parse(p.day)));
    if (pts.length < 2) return;
    const W = 560, H = 210, L = 56, R = 16, T = 14, B = 34;
    const xs = pts.map((p) => Date.parse(p.day));
    const ys = pts.map((p) => Number(p.value));
    const low = series.range_low !== null && series.range_low !== undefined ? Number(series.range_low) : null;
    const high = series.range_high !== null && series.range_high !== undefined ? Number(series.range_high) : null;
    let y0 = Math.min(...ys, ...(low !== null ? [low] : [])), y1 = Math.max(...ys, ...(high !== null ? [high] : []));
    // never magnify a trivial change into a cliff: the axis spans at least 10 % of the largest value
    const minSpan = Math.max(Math.abs(y0), Math.abs(y1)) * 0.1 || 1;
    if (y1 - y0 < minSpan) { const mid = (y0 + y1) / 2; y0 = mid - minSpan / 2; y1 = mid + minSpan / 2; }
    const pad = (y1 - y0) * 0.08; y0 -= pad; y1 += pad;
    const x0 = Math.min(...xs), x1 = Math.max(...xs) === x0 ? x0 + 1 : Math.max(...xs);
    const X = (t) => L + ((t - x0) / (x1 - x0)) * (W - L - R);
    const Y = (v) => T + (1 - (v - y0) / (y1 - y0)) * (H - T - B);
    const figure = el("figure", "series");
    const caption = series.name + (series.unit ? " (" + series.unit + ")" : "") + ", " + pts.length + " values from " +
      pts[0].day + " to " + pts[pts.length - 1].day + (series.reference_range ? "; reference range " + series.reference_range + " as recorded" : "");
    const chart = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "group", "aria-label": "Chart: " + caption });
    if (low !== null && high !== null) {
      chart.appendChild(svg("rect", { x: L, y: Y(high), width: W - L - R, height: Math.max(1, Y(low) - Y(high)), class: "band" }));
    }
    chart.appendChild(svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, class: "axis" }));
    chart.appendChild(svg("line", { x1: L, y1: T, x2: L, y2: H - B, class: "axis" }));
    const lowest = pts[ys.indexOf(Math.min(...ys))], highest = pts[ys.indexOf(Math.max(...ys))];
    for (const p of [highest, lowest]) {
      chart.appendChild(svg("text", { x: L - 6, y: Y(Number(p.value)) + 4, "text-anchor": "end", class: "tick" }, p.value));
    }
    chart.appendChild(svg("text", { x: L, y: H - 10, class: "tick" }, pts[0].day));
    chart.appendChild(svg("text", { x: W - R, y: H - 10, "text-anchor": "end", class: "tick" }, pts[pts.length - 1].day));
    chart.appendChild(svg("polyline", { points: pts.map((p) => X(Date.parse(p.day)) + "," + Y(Number(p.value))).join(" "), class: "trend" }));
    for (const p of pts) {
      const flagged = p.flag && !/^(N|Normal)$/i.test(p.flag);
      const label = (p.n ? "Source " + p.n + ": " : "") + p.shown + " on " + p.day + (p.flag ? " (" + p.flag + ")" : "");
      const dot = svg("circle", { cx: X(Date.parse(p.day)), cy: Y(Number(p.value)), r: 5, tabindex: 0, role: "button",
        class: flagged ? "point flagged" : "point", "aria-label": label });
      dot.appendChild(svg("title", {}, label));
      const open = () => openSource(p.chunk_id, null);
      dot.addEventListener("click", open);
      dot.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
      chart.appendChild(dot);
      if (flagged) chart.appendChild(svg("text", { x: X(Date.parse(p.day)) + 7, y: Y(Number(p.value)) - 7, class: "flag" }, p.flag.slice(0, 1).toUpperCase()));
    }
    figure.appendChild(chart);
    figure.appendChild(el("figcaption", "meta", caption + ". Select a point to open its source."));
    answer.insertBefore(figure, answer.firstChild);  // the picture first, the cited values below it
  }

  function ended(detail) {
    const box = el("div", "ended");
    box.setAttribute("role", "alert");
    box.appendChild(el("h2", "", (detail && detail.title) || "Your EHR session ended"));
    box.appendChild(el("p", "", (detail && detail.detail) || "ChartRAG has stopped answering for this session."));
    if (detail && detail.ehr_said) box.appendChild(el("p", "meta", detail.ehr_said));
    if (!/relaunch/i.test((detail && detail.detail) || "")) {
      box.appendChild(el("p", "", "Relaunch ChartRAG from the patient's chart in your EHR to continue."));
    }
    answer.replaceChildren(box);
    input.disabled = true;
    button.disabled = true;
    document.querySelectorAll(".suggestion").forEach((b) => { b.disabled = true; });
  }

  const ABSENCE = {
    not_recorded: "Not recorded",
    outside_window: "Not in the period asked",
    withheld: "Withheld by this session's access",
  };

  // Guideline passages come after the chart's facts, under their own heading, with "G" chips and a label
  // naming issuer, title, version and section: a guideline sentence never reads as a fact of this chart.
  function addClaim(claim) {
    const guideline = claim.source === "guideline";
    if (guideline && !answer.querySelector(".guideline-heading")) {
      answer.appendChild(el("h3", "guideline-heading", "What the guidelines say (not facts of this chart)"));
    }
    const row = el("div", guideline ? "claim guideline" : "claim", claim.text);
    if (guideline && claim.citations.length) {
      row.appendChild(el("span", "guideline-label", claim.citations[0].label));
    }
    chips(row, claim.citations);
    answer.appendChild(row);
  }

  function finish(done) {
    if (done.notice) answer.appendChild(el("p", "meta notice", done.notice));
    if (!done.abstained && done.absence && done.absence_message) {
      const part = el("div", "notfound " + done.absence);
      part.appendChild(el("strong", "", (ABSENCE[done.absence] || "Not found") + ": "));
      part.appendChild(document.createTextNode(done.absence_message));
      answer.appendChild(part);
    }
    if (done.abstained) {
      const box = el("div", "notfound " + (done.absence || "not_recorded"));
      box.appendChild(el("strong", "absence", ABSENCE[done.absence] || "Not found"));
      box.appendChild(el("p", "", done.message || "Not found in this patient's chart."));
      answer.appendChild(box);
      if (done.closest && done.closest.length) {
        const row = el("div", "closest", "Closest evidence (does not answer the question): ");
        chips(row, done.closest);
        answer.appendChild(row);
      }
      return;
    }
    // No confidence figure: measured on questions written blind it is not calibrated (an answer shown at
    // "100 %" was right 87 % of the time; README, reliability table), so it is not shown. Each claim is cited.
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
        if (response.status === 401 || detail.relaunch) { ended(detail); return; }
        answer.replaceChildren(el("p", "error", typeof detail.detail === "string" ? detail.detail
          : "ChartRAG could not answer this question (HTTP " + response.status + "). Please try again."));
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
          if (event === "series") addSeries(data);
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
    if (chip) chip.setAttribute("aria-pressed", "true");
    const response = await fetch("/app/source/" + encodeURIComponent(chunkId), { credentials: "same-origin" });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      if (response.status === 401 || data.relaunch) ended(data);
      return;
    }
    panel.hidden = false;
    document.getElementById("source-title").textContent =
      (data.guideline ? "Guideline — " : "") + (data.reference || "Source");
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

  // Similar past cases: case ids and de-identified summaries from the anonymized library only.
  const similarButton = document.getElementById("similar-button");
  const similarList = document.getElementById("similar-list");
  async function similar() {
    similarButton.disabled = true;
    similarList.replaceChildren(el("li", "meta", "Searching the case library…"));
    try {
      const response = await fetch("/app/similar-cases", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: "{}",
        credentials: "same-origin",
      });
      const data = await response.json().catch(() => ({}));
      if (response.status === 401 || data.relaunch) { similarList.replaceChildren(); ended(data); return; }
      if (!response.ok) {
        similarList.replaceChildren(el("li", "error", "The case library could not be searched (HTTP " +
          response.status + ")."));
        return;
      }
      if (!data.cases || !data.cases.length) {
        similarList.replaceChildren(el("li", "meta", data.profile_found
          ? "No similar case in the library." : "No active problems or medications this session may read."));
        return;
      }
      similarList.replaceChildren();
      for (const c of data.cases) {
        const item = el("li", "case");
        const head = el("p", "case-head");
        head.appendChild(el("code", "case-id", c.case_id));
        const who = [c.age_group ? "age " + c.age_group : "", c.sex || ""].filter(Boolean).join(", ");
        if (who) head.appendChild(el("span", "meta", " " + who));
        item.appendChild(head);
        item.appendChild(el("pre", "case-summary", c.summary.split("\n").slice(1).join("\n")));
        similarList.appendChild(item);
      }
    } finally {
      similarButton.disabled = false;
    }
  }
  similarButton.addEventListener("click", similar);

  form.addEventListener("submit", (e) => { e.preventDefault(); if (input.value.trim()) ask(input.value.trim()); });
  document.querySelectorAll(".suggestion").forEach((b) =>
    b.addEventListener("click", () => { input.value = b.textContent; ask(b.textContent); }));
  document.getElementById("source-close").addEventListener("click", () => { panel.hidden = true; });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") panel.hidden = true; });
})();
