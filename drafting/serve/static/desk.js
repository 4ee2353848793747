// draft 写稿台: the form is generated from the pack's JSON Schema; every edit is
// sent to the server, which builds the speech with draft's own pipeline and
// answers with the preview (HTML written from the document model) and the
// problems by field path. Plain modern JavaScript, no build step, no network.
"use strict";

const token = document.querySelector('meta[name="draft-token"]').content;
const state = { schema: null, data: null, copy: "file", dirty: false, closed: new Set(), seq: 0 };
const $ = (id) => document.getElementById(id);

// ---------------------------------------------------------------- server

async function call(path, body) {
  const response = await fetch(path, {
    method: body === undefined ? "GET" : "POST",
    headers: { "X-Draft-Token": token, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const reply = await response.json();
  return { ok: response.ok, reply };
}

function say(text, error = false, extra = null) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", error);
  if (extra) status.append(extra);
}

// ---------------------------------------------------------------- data paths

function formatPath(path) {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : (out ? "." : "") + part;
  return out;
}

function getAt(path) {
  let node = state.data;
  for (const part of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = node[part];
  }
  return node;
}

function parentOf(path) {
  let node = state.data;
  for (const part of path.slice(0, -1)) node = node[part];
  return node;
}

function setAt(path, value, schemaOrder) {
  const parent = parentOf(path);
  const key = path[path.length - 1];
  if (Array.isArray(parent) || key in parent) {
    parent[key] = value;
  } else {
    insertKey(parent, key, value, schemaOrder || []);
  }
  changed();
}

function deleteAt(path) {
  const parent = parentOf(path);
  const key = path[path.length - 1];
  if (Array.isArray(parent)) parent.splice(key, 1);
  else delete parent[key];
}

// A key the file did not have goes where the schema puts it, so the YAML keeps its order.
function insertKey(object, key, value, order) {
  const entries = Object.entries(object);
  const rank = (k) => { const n = order.indexOf(k); return n < 0 ? order.length : n; };
  let at = entries.length;
  for (let i = 0; i < entries.length; i++) {
    if (rank(entries[i][0]) > rank(key)) { at = i; break; }
  }
  entries.splice(at, 0, [key, value]);
  for (const k of Object.keys(object)) delete object[k];
  for (const [k, v] of entries) object[k] = v;
}

// ---------------------------------------------------------------- schema

function resolve(node) {
  let seen = 0;
  while (node && node.$ref && seen++ < 20) {
    const name = node.$ref.replace("#/$defs/", "");
    const { $ref, ...own } = node;
    node = { ...state.schema.$defs[name], ...own };
  }
  return node || {};
}

function alternatives(node) {
  if (node.properties || node.type === "object") return null; // a table's oneOf only says which keys
  const list = node.anyOf || node.oneOf;
  return list ? list.map(resolve) : null;
}

function types(node) {
  return Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
}

function fits(alt, value) {
  const t = types(alt);
  if (Array.isArray(value)) return t.includes("array");
  if (value !== null && typeof value === "object") {
    if (!t.includes("object") && !alt.properties) return false;
    const props = alt.properties || {};
    return (alt.required || []).every((k) => k in value) && Object.keys(value).every((k) => k in props);
  }
  if (typeof value === "string") return t.includes("string") || alt.enum !== undefined;
  if (typeof value === "number") return t.includes("number") || t.includes("integer");
  return false;
}

function chosen(alts, value) {
  const found = alts.findIndex((alt) => fits(alt, value));
  return found < 0 ? 0 : found;
}

function starting(node) {
  node = resolve(node);
  if (node.default !== undefined) return structuredClone(node.default);
  if (node.enum) return node.enum[0];
  const alts = alternatives(node);
  if (alts) return starting(alts[0]);
  const t = types(node);
  if (t.includes("object") || node.properties) {
    const out = {};
    for (const key of node.required || []) out[key] = starting(node.properties[key]);
    return out;
  }
  if (t.includes("array")) return [];
  if (t.includes("string")) return "";
  return "";
}

function titleOf(node, key) {
  return node.title || String(key);
}

// ---------------------------------------------------------------- form

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function renderForm() {
  const form = $("form");
  const root = resolve(state.schema);
  form.replaceChildren(...objectFields(root, [], state.data, true));
  showMessages();
}

function objectFields(node, path, value, top = false) {
  const props = node.properties || {};
  const order = Object.keys(props);
  const out = [];
  for (const key of order) {
    const child = resolve(props[key]);
    const present = value && key in value;
    const field = fieldFor(child, [...path, key], present ? value[key] : undefined, {
      required: (node.required || []).includes(key), order, present,
    });
    if (top && isContainer(child)) field.querySelector(":scope > label").remove(); // the section says it
    out.push(top && isContainer(child) ? section(titleOf(child, key), [...path, key], child, field) : field);
  }
  return out;
}

function isContainer(node) {
  const t = types(node);
  return t.includes("object") || t.includes("array") || !!node.properties;
}

function section(title, path, node, content) {
  const key = formatPath(path);
  const details = el("details", { "data-section": key, open: !state.closed.has(key) },
    el("summary", {}, title), el("div", { class: "body" }, content));
  details.addEventListener("toggle", () => {
    if (details.open) state.closed.delete(key); else state.closed.add(key);
  });
  return details;
}

function fieldFor(node, path, value, opts) {
  const key = formatPath(path);
  const wrap = el("div", { class: "field", "data-field": key });
  const label = el("label", { for: "f-" + key }, titleOf(node, path[path.length - 1]) + (opts.required ? " *" : ""));
  wrap.append(label);
  if (node.description) wrap.append(el("p", { class: "desc" }, node.description));
  const alts = alternatives(node);
  if (alts) {
    wrap.append(variantControl(node, alts, path, value, opts));
  } else if (node.enum) {
    wrap.append(enumControl(node, path, value, opts));
  } else if (types(node).includes("array")) {
    wrap.append(listControl(node, path, value, opts));
  } else if (types(node).includes("object") || node.properties) {
    if (node.properties) {
      if (value === undefined) wrap.append(addButton("填写" + titleOf(node, ""), () => setAndRender(path, starting(node), opts.order)));
      else wrap.append(el("div", { class: "object" }, ...objectFields(node, path, value)));
    } else {
      wrap.append(pairsControl(node, path, value, opts));
    }
  } else {
    wrap.append(scalarControl(node, path, value, opts));
  }
  if (!opts.required && opts.present && !opts.inList) {
    wrap.append(el("div", { class: "tools" }, el("button", {
      type: "button", title: "从文件中删去这一项（恢复默认）",
      onclick: () => { deleteAt(path); changed(); renderForm(); },
    }, "删去此项")));
  }
  return wrap;
}

function setAndRender(path, value, order) {
  setAt(path, value, order);
  renderForm();
}

function addButton(text, onclick) {
  return el("div", { class: "tools" }, el("button", { type: "button", onclick }, text));
}

function isNumeric(node) {
  const t = types(node);
  return t.includes("number") || t.includes("integer");
}

function scalarControl(node, path, value, opts) {
  const key = formatPath(path);
  const shown = value === undefined || value === null ? "" : String(value);
  const long = opts.paragraph || shown.includes("\n") || shown.length > 36;
  const control = long
    ? el("textarea", { id: "f-" + key, "data-path": key, rows: Math.min(12, Math.max(3, Math.ceil(shown.length / 34))) })
    : el("input", { id: "f-" + key, "data-path": key, type: "text", inputmode: isNumeric(node) && !types(node).includes("string") ? "decimal" : undefined });
  control.value = shown;
  const examples = node.examples && node.examples.length && typeof node.examples[0] !== "object" ? node.examples[0] : null;
  if (examples !== null) control.placeholder = "例如：" + examples;
  else if (node.default !== undefined && typeof node.default !== "object") control.placeholder = "默认：" + node.default;
  control.addEventListener("input", () => {
    const text = control.value;
    if (text === "" && !opts.required && !opts.present && !opts.inList) return; // nothing typed into an absent field
    setAt(path, convert(node, text), opts.order);
    opts.present = true;
  });
  return control;
}

// Numbers typed as numbers; anything else is kept as typed, so the validator can say what is wrong.
function convert(node, text) {
  if (isNumeric(node) && /^\s*-?\d+(\.\d+)?\s*$/.test(text)) return Number(text);
  if (isNumeric(node) && text.trim() === "" && types(node).includes("null")) return null;
  return text;
}

function enumControl(node, path, value, opts) {
  const key = formatPath(path);
  const select = el("select", { id: "f-" + key, "data-path": key });
  if (!opts.required && value === undefined) {
    select.append(el("option", { value: "" }, node.default !== undefined ? `（默认：${node.default}）` : "（不填）"));
  }
  for (const option of node.enum) select.append(el("option", { value: String(option) }, String(option)));
  select.value = value === undefined ? "" : String(value);
  select.addEventListener("change", () => {
    if (select.value === "") { deleteAt(path); changed(); return; }
    const picked = node.enum.find((o) => String(o) === select.value);
    setAt(path, picked, opts.order);
    opts.present = true;
  });
  return select;
}

function variantControl(node, alts, path, value, opts) {
  const key = formatPath(path);
  const box = el("div", { class: "variant" });
  const index = value === undefined ? 0 : chosen(alts, value);
  if (alts.length > 1) {
    const select = el("select", { "data-variant": key, "aria-label": "类型" });
    alts.forEach((alt, n) => select.append(el("option", { value: String(n) }, alt.title || `第${n + 1}种`)));
    select.value = String(index);
    select.addEventListener("change", () => setAndRender(path, starting(alts[Number(select.value)]), opts.order));
    box.append(select);
  }
  const alt = { ...alts[index], title: undefined, description: undefined };
  const inner = fieldFor(alt, path, value, { ...opts, paragraph: opts.paragraph || alts.some((a) => a.title === "文字") });
  inner.querySelector(":scope > label").remove();
  inner.classList.remove("field");
  box.append(inner);
  return box;
}

function listControl(node, path, value, opts) {
  const items = resolve(node.items || {});
  const list = Array.isArray(value) ? value : [];
  const box = el("div", { class: "list", "data-list": formatPath(path) });
  const isParagraph = (items.title || "") === "段落" || alternatives(items)?.some((a) => a.title === "文字");
  list.forEach((item, n) => {
    const itemPath = [...path, n];
    const label = titleOf(items, "") + " " + (n + 1) + summaryOf(item);
    const folded = isContainer(items) && !isParagraph; // then the section's summary names the item
    const tools = el("div", { class: "item-tools" },
      el("span", { class: "title" }, folded ? "" : label),
      el("button", { type: "button", title: "上移", disabled: n === 0, onclick: () => move(path, n, -1) }, "上移"),
      el("button", { type: "button", title: "下移", disabled: n === list.length - 1, onclick: () => move(path, n, 1) }, "下移"),
      el("button", { type: "button", title: "删除", onclick: () => { list.splice(n, 1); changed(); renderForm(); } }, "删除"));
    const field = fieldFor(items, itemPath, item, { required: true, inList: true, paragraph: isParagraph, order: [] });
    field.querySelector(":scope > label").remove();
    const desc = field.querySelector(":scope > .desc");
    if (desc) desc.remove();
    const body = folded
      ? section(label, itemPath, items, el("div", {}, tools, field))
      : el("div", {}, tools, field);
    box.append(el("div", { class: "item", "data-item": formatPath(itemPath) }, body));
  });
  box.append(addButton("添加" + titleOf(items, "一项"), () => {
    if (!Array.isArray(getAt(path))) setAt(path, [], opts.order);
    getAt(path).push(starting(items));
    changed();
    renderForm();
  }));
  return box;
}

function summaryOf(item) {
  if (item && typeof item === "object" && !Array.isArray(item)) {
    const text = wordsOf(item.heading) || wordsOf(item.lead) || item.name || item.caption || "";
    return text ? "：" + String(text).slice(0, 24) : "";
  }
  return "";
}

// a heading or lead may hold statistics ({before, indicators, after}): named by its words and names
function wordsOf(value) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const names = (value.indicators || []).map((i) => (i && i.name) || "");
    return [value.before, ...names, value.after].filter((t) => typeof t === "string").join("");
  }
  return value || "";
}

function move(path, n, step) {
  const list = getAt(path);
  [list[n], list[n + step]] = [list[n + step], list[n]];
  changed();
  renderForm();
}

function pairsControl(node, path, value, opts) {
  const box = el("div", { class: "pairs", "data-path": formatPath(path) });
  const entries = value ? Object.entries(value) : [];
  const write = () => {
    const out = {};
    for (const row of box.querySelectorAll(".pair")) {
      const [k, v] = row.querySelectorAll("input");
      if (k.value) out[k.value] = v.value;
    }
    setAt(path, out, opts.order);
  };
  for (const [k, v] of entries) {
    const row = el("div", { class: "pair" },
      el("input", { type: "text", value: k, "aria-label": "词语", oninput: write }),
      el("input", { type: "text", value: v, "aria-label": "读音", oninput: write }),
      el("button", { type: "button", onclick: () => { row.remove(); write(); } }, "删除"));
    box.append(row);
  }
  box.append(addButton("添加一条", () => {
    box.insertBefore(el("div", { class: "pair" },
      el("input", { type: "text", "aria-label": "词语", oninput: write }),
      el("input", { type: "text", "aria-label": "读音", oninput: write })), box.lastChild);
  }));
  return box;
}

// ---------------------------------------------------------------- problems

let lastProblems = [];

function controlFor(field) {
  let path = field;
  while (path) {
    const found = document.querySelector(`[data-field="${CSS.escape(path)}"]`);
    if (found) return found;
    const shorter = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (shorter === path) break;
    path = shorter;
  }
  return null;
}

function showMessages() {
  for (const old of document.querySelectorAll(".field > .message")) old.remove();
  for (const field of document.querySelectorAll(".field.has-problem")) field.classList.remove("has-problem");
  $("problems").replaceChildren();
  $("findings").replaceChildren();
  const findings = lastProblems.filter((p) => p.finding).length;
  $("findings-box").hidden = !findings;
  $("findings-title").textContent = `draft check 发现 ${findings} 处（已标在各项下方）`;
  for (const problem of lastProblems) {
    const list = problem.finding ? $("findings") : $("problems");
    const target = problem.field ? controlFor(problem.field) : null;
    const where = problem.line ? `第 ${problem.line} 行` : "";
    if (target) {
      target.classList.toggle("has-problem", !problem.finding);
      target.append(el("div", { class: "message" + (problem.finding ? " finding" : ""), "data-message-for": problem.field },
        problem.message + (where ? `（${where}）` : "")));
    }
    const item = el("li", { class: problem.finding ? "finding" : "", title: "点击跳到该项" }, problem.text);
    item.addEventListener("click", () => {
      const control = target && target.querySelector("input, textarea, select");
      if (control) { control.focus(); control.scrollIntoView({ block: "center" }); }
    });
    list.append(item);
  }
}

// ---------------------------------------------------------------- preview

let timer = null;

function changed() {
  state.dirty = true;
  $("preview").classList.add("stale");
  clearTimeout(timer);
  timer = setTimeout(refresh, 250);
}

async function refresh() {
  const seq = ++state.seq;
  const { ok, reply } = await call("/api/preview", { data: state.data, copy: state.copy });
  if (seq !== state.seq) return; // a newer edit is on its way
  const preview = $("preview");
  preview.classList.remove("stale");
  if (!ok) { say(reply.error ? reply.error.text : "预览失败", true); return; }
  if (reply.schema) switchPack(reply);
  if (reply.html) { preview.innerHTML = reply.html; state.pages = paginate(); fitPreview(); }
  preview.classList.toggle("stale", !reply.html);
  $("summary").textContent = reply.summary + (reply.html ? `；${state.pages} 页` : "");
  lastProblems = [
    ...reply.problems.map((p) => ({ ...p, finding: false })),
    ...reply.findings.map((p) => ({ ...p, finding: true })),
  ];
  if (reply.problems.length) say(`数据有 ${reply.problems.length} 处问题，预览为上一次有效的内容。`, true);
  else if ($("status").classList.contains("error") && !state.keepStatus) say("");
  showMessages();
}

// The writer changed pack: the form becomes the new pack's, the field being typed in keeps focus.
function switchPack(reply) {
  const typing = document.activeElement && document.activeElement.getAttribute("data-path");
  state.schema = reply.schema;
  renderForm();
  const again = typing && document.querySelector(`[data-path="${CSS.escape(typing)}"]`);
  if (again) { again.focus(); if (again.setSelectionRange && again.value) again.setSelectionRange(again.value.length, again.value.length); }
  say(`已换用模板包 ${reply.pack}，表单已按它的栏目重新排列。`);
}

// ---------------------------------------------------------------- buttons

// ---------------------------------------------------------------- pages

// Where the .docx's pages end, worked out as Word and LibreOffice set them: the type area
// holds what fits of its height; a paragraph breaks between lines (widow control is off),
// a block marked data-keep="next" (a heading) goes over with the first line of what follows,
// "lines" (a picture, a short run-in item) is never split, a table breaks between rows.
// Each page end is drawn as a rule; a block moved over gets the empty rest of its page
// above it. Returns the number of pages.
function paginate() {
  const page = document.querySelector("#preview .draft-page");
  if (!page || !page.dataset.typePt) return 0;
  const cap = parseFloat(page.dataset.typePt) * 96 / 72, pitch = parseFloat(page.dataset.pitchPt) * 96 / 72, EPS = 0.5;
  // fractional positions in the page's own (unscaled) pixels: offsetTop rounds to whole
  // pixels, and a line lost to rounding on every page would add up
  const origin = page.getBoundingClientRect();
  const scale = origin.height / page.offsetHeight || 1;
  const y = (rect) => (rect.top - origin.top) / scale - page.clientTop;
  const blocks = [...page.children].map((el, i, all) => {
    const cs = getComputedStyle(el);
    const top = y(el.getBoundingClientRect()), start = top - parseFloat(cs.marginTop);
    const next = all[i + 1];
    const end = next ? y(next.getBoundingClientRect()) - parseFloat(getComputedStyle(next).marginTop)
                     : top + el.getBoundingClientRect().height / scale + parseFloat(cs.marginBottom);
    const line = parseFloat(cs.lineHeight) || el.getBoundingClientRect().height / scale;
    const rows = el.tagName === "TABLE" ? [...el.rows].map((r) => y(r.getBoundingClientRect()) + r.getBoundingClientRect().height / scale) : null;
    return { el, start, size: end - start, top, line, rows, keep: el.dataset.keep || "",
             margin: parseFloat(cs.marginTop), grid: el.dataset.grid !== "off",
             widows: parseInt(el.dataset.widows || "1", 10), breakBefore: el.dataset.break === "before" };
  });
  const linesOf = (b) => Math.round((b.size - (b.top - b.start)) / b.line);
  // the least of a block that may end a page: all of it when it may not be split (or
  // is too short to leave two lines on each side under widow control)
  const firstPiece = (b) => b.keep === "lines" || (b.widows > 1 && linesOf(b) < 2 * b.widows) ? b.size
    : b.rows ? b.rows[Math.min(b.el.tHead ? 1 : 0, b.rows.length - 1)] - b.start
    : b.top - b.start + b.widows * b.line;
  const breaks = [];
  let used = 0, shift = 0;
  // a paragraph on the grid starts on its next line (LibreOffice; after a 35 pt title, say)
  const onGrid = (b, y) => b.grid && pitch ? Math.ceil(y / pitch - 1e-3) * pitch : y;
  blocks.forEach((b, i) => {
    const snapped = onGrid(b, used);
    if (snapped > used + EPS) { b.el.style.marginTop = `${b.margin + snapped - used}px`; shift += snapped - used; used = snapped; }
    let need = firstPiece(b);
    if (b.keep === "next") {
      need = b.size;
      let j = i + 1;
      for (; j < blocks.length && blocks[j].keep === "next"; j++) need += blocks[j].size;
      if (j < blocks.length) need += firstPiece(blocks[j]);
    }
    if (used > EPS && (used + need > cap + EPS || b.breakBefore)) {  // over to the next page, the rest left empty
      const room = cap - used;
      b.el.style.marginTop = `${parseFloat(b.el.style.marginTop || b.margin) + room}px`;
      shift += room;
      breaks.push(b.start + shift);
      used = 0;
    }
    if (used + b.size <= cap + EPS) { used += b.size; return; }
    // it runs past the page: break it where the page ends (between lines or rows)
    let at = b.start, rest = b.size;
    while (used + rest > cap + EPS) {
      const room = cap - used, fresh = used <= EPS;
      let cut = fresh ? room : 0;                      // taller than a page: cut where the page ends
      if (b.rows) {
        const fitting = b.rows.filter((bottom) => bottom > at + EPS && bottom - at <= room + EPS);
        if (fitting.length) cut = fitting[fitting.length - 1] - at;
      } else if (b.keep !== "lines") {
        const before = Math.max(0, b.top - at);      // the margin above the first line
        let fit = Math.floor((room - before) / b.line + 0.01);
        const left = Math.round((rest - before) / b.line) - fit;
        if (b.widows > 1 && left > 0 && left < b.widows) fit -= b.widows - left;  // no widow overleaf
        if (fit > 0 || fresh) cut = before + Math.max(fit, 1) * b.line;
      }
      at += cut; rest -= cut;
      breaks.push(at + shift);
      used = 0;
    }
    used = rest;
  });
  for (const [k, y] of breaks.entries()) {
    page.append(el("div", { class: "draft-break", style: `top:${y}px`, "data-page": k + 2 }, `第 ${k + 2} 页`));
  }
  return breaks.length + 1;
}

// The page is shown at print size, scaled down (never up) when the pane is narrower:
// a transform leaves the line breaks exactly as at full size.
function fitPreview() {
  const page = document.querySelector("#preview .draft-page");
  if (!page) return;
  const pane = $("preview");
  const scale = Math.min(1, (pane.clientWidth - 4) / page.offsetWidth);
  page.style.transform = scale < 1 ? `scale(${scale})` : "";
  pane.style.height = scale < 1 ? `${page.offsetHeight * scale}px` : "";
}

function busy(on) {
  for (const id of ["save", "build", "build-pdf"]) $(id).disabled = on;
}

async function save() {
  busy(true);
  try {
    const { ok, reply } = await call("/api/save", { data: state.data });
    if (!ok) {
      state.keepStatus = true;
      say(reply.error.text, true);
      $("reload").hidden = false;
      return false;
    }
    state.dirty = false;
    state.keepStatus = false;
    $("reload").hidden = true;
    say(reply.message);
    return true;
  } finally {
    busy(false);
  }
}

async function build(format, force = false) {
  if ((state.dirty || state.isNew) && !(await save())) return;
  state.isNew = false;
  busy(true);
  try {
    const { ok, reply } = await call("/api/build", { copy: state.copy, format, force });
    if (!ok) {
      state.keepStatus = true;
      const again = reply.refused
        ? el("a", { href: "#", onclick: (e) => { e.preventDefault(); build(format, true); } }, "仍要覆盖（先备份原文件）")
        : null;
      say(reply.error.text, true, again);
      return;
    }
    state.keepStatus = false;
    const links = el("span", {});
    for (const name of reply.files) {
      links.append(el("a", { href: `/api/download?name=${encodeURIComponent(name)}&token=${encodeURIComponent(token)}`,
        download: name, "data-download": name }, "下载 " + name));
    }
    say(reply.messages.join("\n"), false, links);
  } finally {
    busy(false);
  }
}

async function reload() {
  const { ok, reply } = await call("/api/reload", {});
  if (!ok) { say(reply.error.text, true); return; }
  start(reply);
  say("已重新载入磁盘上的版本。");
  $("reload").hidden = true;
}

function start(initial) {
  state.schema = initial.schema;
  state.data = initial.data;
  state.isNew = initial.new;
  state.dirty = false;
  $("file-name").textContent = initial.file + (initial.new ? "（新文件，尚未保存）" : "");
  document.title = initial.file + " — draft 写稿台";
  $("build-pdf").hidden = !initial.pdf;
  renderForm();
  refresh();
}

window.addEventListener("DOMContentLoaded", async () => {
  $("save").addEventListener("click", save);
  $("build").addEventListener("click", () => build("docx"));
  $("build-pdf").addEventListener("click", () => build("pdf"));
  $("reload").addEventListener("click", reload);
  $("copy").addEventListener("change", () => { state.copy = $("copy").value; refresh(); });
  window.addEventListener("resize", fitPreview);
  window.addEventListener("beforeunload", (e) => { if (state.dirty) e.preventDefault(); });
  const { ok, reply } = await call("/api/state");
  if (!ok) { say(reply.error ? reply.error.text : "无法载入", true); return; }
  start(reply);
});
