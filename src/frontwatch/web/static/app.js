// frontwatch dashboard: a map, a time slider and the event list with its sources.
// Plain browser JavaScript over the JSON API of frontwatch.web (no build step, no network).
"use strict";

const COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
  "front_position": "#d35400",
  "displacement": "#27ae60",
  "statement": "#95a5a6",
};
const SIDE_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf"];

const state = { days: [], articles: {}, eventLayer: null, controlLayer: null, markers: {}, selected: null };

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function colourOf(p) {
  if (p.fw_kind && p.fw_kind !== "event") return COLOURS[p.fw_kind] || "#555";
  return COLOURS[p.event_type] || "#555";
}

function sideColour(name) {
  let h = 0;
  for (const ch of String(name)) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return SIDE_COLOURS[h % SIDE_COLOURS.length];
}

async function getJSON(url) {
  const resp = await fetch(url);
  const body = await resp.json();
  if (!resp.ok) throw new Error(body.detail || resp.statusText);
  return body;
}

function isoDay(d) { return d.toISOString().slice(0, 10); }

function dayRange(first, last) {
  const out = [];
  for (let d = new Date(first + "T00:00:00Z"); isoDay(d) <= last; d.setUTCDate(d.getUTCDate() + 1)) out.push(isoDay(d));
  return out;
}

function label(p) {
  const what = p.fw_kind === "event" ? (p.sub_event_type || p.event_type) : p.fw_kind.replace("_", " ");
  const where = p.location ? ` — ${p.location}${p.admin1 ? ", " + p.admin1 : ""}` : "";
  return `${what}${where}`;
}

function showDetail(feature) {
  const p = feature.properties;
  const box = document.getElementById("detail");
  const reports = (p.fw_articles || []).map((id) => {
    const a = state.articles[id] || { origin: id, title: id };
    const link = a.url ? `<a href="${esc(a.url)}" rel="noreferrer">${esc(a.title || a.origin)}</a>` : esc(a.title || a.origin);
    return `<li>${link} <span class="meta">${esc(a.publisher || "")} ${esc(a.published || "")} · ${esc(a.origin)}</span></li>`;
  }).join("");
  const evidence = (p.fw_evidence_spans || []).map((e) => {
    const a = state.articles[e.article] || { origin: e.article };
    return `<blockquote>${esc(e.text)}<div class="meta">${esc(a.origin)} [${e.start}–${e.end}]</div></blockquote>`;
  }).join("");
  const contradictions = (p.contradictions || []).map((c) => `<li class="contradiction">${esc(c)}</li>`).join("");
  const dates = p.fw_date_end && p.fw_date_end !== p.event_date ? `${p.event_date} … ${p.fw_date_end}` : p.event_date;
  box.innerHTML = `
    <h2>${esc(label(p))}</h2>
    <div class="meta">${esc(dates)} (time precision ${esc(p.time_precision)}) · geo precision ${esc(p.geo_precision)}${p.fw_offset_km ? ` · ${esc(p.fw_offset_km)} km away` : ""}</div>
    <div><b>${esc(p.actor1)}</b>${p.assoc_actor_1 ? " with " + esc(p.assoc_actor_1) : ""}${p.actor2 ? " vs <b>" + esc(p.actor2) + "</b>" : ""}</div>
    ${p.fw_kind === "event" ? `<div>fatalities: ${esc(p.fatalities)} (${esc(p.fw_fatalities_basis)})</div>` : ""}
    ${p.notes ? `<div>${esc(p.notes)}</div>` : ""}
    <div>sources (${esc(p.fw_source_count)} independent): ${esc((p.sources || []).join("; "))}</div>
    ${p.fw_denied_by ? `<div class="contradiction">denied by ${esc(p.fw_denied_by)}</div>` : ""}
    ${contradictions ? `<ul>${contradictions}</ul>` : ""}
    ${evidence}
    <div>reports:</div><ul>${reports}</ul>`;
  box.hidden = false;
  document.querySelectorAll("#events li").forEach((li) => li.classList.toggle("selected", li.dataset.id === String(feature.id)));
  const marker = state.markers[feature.id];
  if (marker) marker.openPopup();
}

function renderEvents(collection) {
  state.eventLayer.clearLayers();
  state.markers = {};
  const list = document.getElementById("events");
  list.innerHTML = "";
  const features = collection.features.slice().sort((a, b) => String(b.properties.event_date).localeCompare(String(a.properties.event_date)));
  for (const f of features) {
    const p = f.properties;
    if (f.geometry) {
      const [lon, lat] = f.geometry.coordinates;
      const m = L.circleMarker([lat, lon], { radius: 6 + Math.min(10, Number(p.fw_source_count || 1)), color: colourOf(p), fillOpacity: 0.7, weight: 1 });
      m.bindPopup(esc(label(p)));
      m.on("click", () => showDetail(f));
      m.addTo(state.eventLayer);
      state.markers[f.id] = m;
    }
    const li = document.createElement("li");
    li.dataset.id = f.id;
    li.innerHTML = `<span style="color:${colourOf(p)}">●</span> ${esc(label(p))}<div class="meta">${[esc(p.event_date), esc(p.actor1) + (p.actor2 ? " vs " + esc(p.actor2) : ""), esc(p.fw_source_count) + " source(s)", f.geometry ? "" : "no coordinates"].filter(Boolean).join(" · ")}</div>`;
    li.addEventListener("click", () => showDetail(f));
    list.appendChild(li);
  }
  return features.length;
}

function renderControl(collection) {
  state.controlLayer.clearLayers();
  if (!document.getElementById("show-control").checked) return;
  for (const f of collection.features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const colour = sideColour(p.side || p.controller);
    L.circleMarker([lat, lon], { radius: 11, color: colour, weight: 3, fill: false, dashArray: p.contested ? "4 4" : null })
      .bindTooltip(`${esc(p.place)}: ${esc(p.controller)}${p.since ? " since " + esc(p.since) : ""}${p.contested ? " (contested)" : ""}`)
      .addTo(state.controlLayer);
  }
}

async function refresh() {
  const slider = document.getElementById("slider");
  const day = state.days[Number(slider.value)] || "";
  document.getElementById("day").textContent = day || "–";
  const width = Number(document.getElementById("window").value);
  const params = new URLSearchParams();
  if (day) params.set("until", day);
  if (day && width > 0) {
    const start = new Date(day + "T00:00:00Z");
    start.setUTCDate(start.getUTCDate() - (width - 1));
    params.set("since", isoDay(start));
  }
  const kind = document.getElementById("kind").value;
  if (kind) params.set("kind", kind);
  const [events, control] = await Promise.all([
    getJSON(`/api/events?${params}`),
    getJSON(`/api/control${day ? "?at=" + day : ""}`),
  ]);
  const n = renderEvents(events);
  renderControl(control);
  document.getElementById("summary").textContent = `${state.meta.articles} report(s), ${state.meta.events} event(s) in the database; ${n} shown`;
}

async function start() {
  const map = L.map("map", { worldCopyJump: true }).setView([30, 30], 3);
  map.attributionControl.addAttribution("Country outlines: Natural Earth via world-atlas");
  const world = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
  L.geoJSON(topojson.feature(world, world.objects.countries), { style: { color: "#888", weight: 0.6, fillColor: "#fbfaf5", fillOpacity: 1 } }).addTo(map);
  state.eventLayer = L.layerGroup().addTo(map);
  state.controlLayer = L.layerGroup().addTo(map);
  state.meta = await getJSON("/api/meta");
  for (const a of await getJSON("/api/articles")) state.articles[a.id] = a;
  state.days = state.meta.first_date ? dayRange(state.meta.first_date, state.meta.last_date) : [];
  const slider = document.getElementById("slider");
  slider.max = String(Math.max(0, state.days.length - 1));
  slider.value = slider.max;
  document.getElementById("legend").innerHTML = Object.entries(COLOURS).map(([k, c]) => `<span><i style="background:${c}"></i>${esc(k)}</span>`).join("");
  for (const id of ["slider", "window", "kind", "show-control"]) document.getElementById(id).addEventListener("change", refresh);
  slider.addEventListener("input", () => { document.getElementById("day").textContent = state.days[Number(slider.value)] || "–"; });
  await refresh();
  const all = await getJSON("/api/events");
  const pts = all.features.filter((f) => f.geometry).map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
  if (pts.length) map.fitBounds(pts, { padding: [30, 30], maxZoom: 8 });
}

start().catch((err) => { document.getElementById("summary").textContent = "error: " + err.message; });
