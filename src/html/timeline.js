/* adr-log timeline page: draws the lanes from the embedded JSON.
 * All repository text reaches the page through textContent only. */
(function () {
	"use strict";
	var NS = "http://www.w3.org/2000/svg";
	var STATUSES = ["draft", "proposed", "pending", "accepted", "implemented",
		"rejected", "withdrawn", "deprecated", "superseded", "amended",
		"unknown", "none", "deleted"];
	var data = JSON.parse(document.getElementById("adr-data").textContent);
	var adrs = data.adrs, events = data.events;
	var off = {};		/* status -> hidden */
	var query = "";
	var selected = null;	/* the pinned event */
	var LABEL_W = 300, ROW_H = 30, AXIS_H = 28, PAD_R = 24, BAR_H = 10;
	/* the id column fits the longest id ("17-1", "20210304") */
	var ID_W0 = 48, ID_W, TITLE_MAX;
	adrs.forEach(function (a) { ID_W0 = Math.max(ID_W0, 16 + 8 * Math.min(a.id.length, 10)); });
	/* The label column takes at most a third of a narrow screen (a phone
	 * gets a chart, not a 300 px list of names). */
	function layout(width) {
		LABEL_W = width >= 720 ? 300 : Math.max(72, Math.round(width * 0.34));
		ID_W = Math.min(ID_W0, LABEL_W - 8);
		TITLE_MAX = Math.max(0, Math.floor((LABEL_W - ID_W - 12) / 6.6));
	}

	function el(tag, attrs, parent) {
		var e = document.createElementNS(NS, tag);
		for (var k in attrs) e.setAttribute(k, attrs[k]);
		if (parent) parent.appendChild(e);
		return e;
	}
	function hel(tag, cls, text, parent) {
		var e = document.createElement(tag);
		if (cls) e.className = cls;
		if (text != null) e.textContent = text;
		if (parent) parent.appendChild(e);
		return e;
	}
	/* A link to the forge (adr-log wrote only http(s) URLs; checked again
	 * here so no other scheme can ever become an href). */
	function link(url, text, parent) {
		if (!url || !/^https?:\/\//.test(url)) return hel("span", null, text, parent);
		var a = hel("a", null, text, parent);
		a.href = url;
		a.rel = "noopener noreferrer";
		return a;
	}
	function color(s) { return "var(--s-" + (s || "none") + ")"; }
	function statusName(s) { return s || "no status"; }
	function shortSha(s) { return (s || "").slice(0, 7); }
	function day(d) { return (d || "").slice(0, 10); }

	/* Each ADR's events (data.events is in timeline order). */
	adrs.forEach(function (a) { a.events = []; });
	events.forEach(function (e) { adrs[e.adr].events.push(e); });
	/* A deletion undone by a restore to the same status (a branch reset,
	 * a revert, a folder moved away and back) is no status change: the
	 * pair is drawn as a gap in the bar, not as two markers.  A commit
	 * that does this to several ADRs at once gets one mark on the axis. */
	var resets = {};
	adrs.forEach(function (a) {
		var ev = a.events;
		for (var k = 0; k + 1 < ev.length; k++) {
			if (ev[k].to === "deleted" && ev[k + 1].to === ev[k].from && ev[k].from !== "deleted") {
				ev[k].gap = ev[k + 1].gap = true;
				ev[k + 1].restores = ev[k];
				var r = resets[ev[k].commit] || (resets[ev[k].commit] = { t: ev[k].time, n: 0,
					sha: ev[k].commit, back: ev[k + 1].time, subject: ev[k].subject });
				r.n++;
				k++;
			}
		}
	});
	var byId = {};
	adrs.forEach(function (a, i) { if (!(a.id in byId)) byId[a.id] = i; });

	var tMin = Infinity, tMax = -Infinity;
	events.forEach(function (e) {
		if (e.time < tMin) tMin = e.time;
		if (e.time > tMax) tMax = e.time;
	});
	if (data.now > tMax) tMax = data.now;
	if (!isFinite(tMin)) { tMin = data.now - 86400; tMax = data.now; }
	var span = Math.max(tMax - tMin, 86400);
	tMin -= span * 0.02;
	tMax += span * 0.02;

	function matches(a) {
		if (off[a.status || "none"]) return false;
		if (!query) return true;
		var hay = [a.id, "adr " + a.id, "adr-" + a.id, a.title, a.path];
		a.events.forEach(function (e) { hay.push(e.author, e.subject, e.commit, e.to); });
		return hay.join("\n").toLowerCase().indexOf(query) >= 0;
	}

	/* Month or year ticks between tMin and tMax. */
	function ticks() {
		var out = [], d0 = new Date(tMin * 1000), months = span / (86400 * 30.4);
		if (months < 2) {	/* a short history: days, or hours within a day */
			var unit = span > 2 * 86400 ? 86400 : 3600;
			var every = Math.max(1, Math.ceil(span / unit / 10));
			for (var t = Math.ceil(tMin / unit) * unit; t <= tMax; t += unit * every)
				out.push({ t: t, label: new Date(t * 1000).toISOString().slice(unit === 86400 ? 5 : 11,
					unit === 86400 ? 10 : 16) + (unit === 3600 ? " UTC" : "") });
			return out;
		}
		var step = months > 48 ? 12 : months > 18 ? 3 : 1;
		var d = new Date(Date.UTC(d0.getUTCFullYear(), step === 12 ? 0 : d0.getUTCMonth(), 1));
		while (d.getTime() / 1000 <= tMax) {
			var t = d.getTime() / 1000;
			if (t >= tMin) out.push({ t: t, label: step === 12 ? String(d.getUTCFullYear()) :
				d.toISOString().slice(0, 7) });
			d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1));
		}
		return out;
	}

	var tip = document.getElementById("tip");
	function eventLines(parent, e) {
		var a = adrs[e.adr];
		var h = hel("div", null, null, parent);
		hel("b", null, "ADR " + a.id + " " + a.title, h);
		hel("div", null, statusName(e.from) + " \u2192 " + statusName(e.to), parent);
		var c = hel("div", null, null, parent);
		hel("span", "sha", shortSha(e.commit), c);
		c.appendChild(document.createTextNode(" " + (e.subject || "")));
		hel("div", null, e.author + ", " + e.date, parent);
	}
	function showTip(ev, e) {
		tip.textContent = "";
		eventLines(tip, e);
		tip.style.display = "block";
		var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
		var y = ev.clientY + 14;
		if (y + tip.offsetHeight > window.innerHeight) y = ev.clientY - tip.offsetHeight - 10;
		tip.style.left = x + "px";
		tip.style.top = y + "px";
	}
	function hideTip() { tip.style.display = "none"; }

	/* The pinned panel sticks to the bottom of the window (CSS), so a click
	 * on the first lane of a long chart shows its details where one looks. */
	function closeButton(d) {
		var b = hel("button", "close", "\u00d7", d);
		b.type = "button";
		b.setAttribute("aria-label", "Close");
		b.addEventListener("click", function () { d.style.display = "none"; selected = null; draw(); });
	}
	function showDetail(e) {
		var d = document.getElementById("detail"), a = adrs[e.adr];
		selected = e;
		d.textContent = "";
		closeButton(d);
		hel("h2", null, "ADR " + a.id + ": " + a.title, d);
		var dl = hel("dl", null, null, d);
		function row(k, v, cls, url) {
			hel("dt", null, k, dl);
			if (url) link(url, v, hel("dd", cls, null, dl)); else hel("dd", cls, v, dl);
		}
		row("Change", statusName(e.from) + " \u2192 " + statusName(e.to));
		row("Commit", e.commit, "sha", e.url);
		if (e.landed && e.landed !== e.commit) row("Landed", e.landed, "sha");
		row("Subject", e.subject || "");
		row("Author", e.author);
		row("Date", e.date);
		row("Path", a.path, null, a.url);
		d.style.display = "block";
		draw();
	}

	/* The ADR itself: status, path, links and its changes, in the panel. */
	function showAdr(a) {
		var d = document.getElementById("detail");
		selected = null;
		d.textContent = "";
		closeButton(d);
		hel("h2", null, "ADR " + a.id + ": " + a.title, d);
		var dl = hel("dl", null, null, d);
		function row(k, v, cls, url) {
			hel("dt", null, k, dl);
			if (url) link(url, v, hel("dd", cls, null, dl)); else hel("dd", cls, v, dl);
		}
		row("Status", statusName(a.status));
		row("Path", a.path, null, a.url);
		[["Supersedes", a.supersedes], ["Superseded by", a.superseded_by],
		 ["Amends", a.amends], ["Amended by", a.amended_by]].forEach(function (l) {
			if (l[1] && l[1].length) row(l[0], l[1].map(function (id) { return "ADR " + id; }).join(", "));
		});
		a.events.forEach(function (e) {
			row(day(e.date), statusName(e.from) + " \u2192 " + statusName(e.to) + "  " +
				shortSha(e.commit) + " " + (e.subject || ""));
		});
		d.style.display = "block";
	}

	function draw() {
		var chart = document.getElementById("chart");
		var shown = adrs.filter(matches);
		chart.textContent = "";
		document.getElementById("count").textContent =
			shown.length + " of " + adrs.length + " ADRs, " + events.length + " status changes";
		if (!shown.length) {
			hel("div", "empty", adrs.length ? "No ADR matches the filters." : "No ADRs.", chart);
			return;
		}
		var width = Math.max(chart.clientWidth || 900, 280);
		layout(width);
		var plotW = width - LABEL_W - PAD_R;
		var height = AXIS_H + shown.length * ROW_H + 8;
		function x(t) { return LABEL_W + (t - tMin) / (tMax - tMin) * plotW; }
		var row = {};
		shown.forEach(function (a, i) { row[a.id] = i; });
		function y(i) { return AXIS_H + i * ROW_H + ROW_H / 2; }

		var svg = el("svg", { width: width, height: height, "class": "timeline",
			role: "img", "aria-label": "ADR status timeline" }, chart);
		var defs = el("defs", {}, svg);
		["supersedes", "amends"].forEach(function (k) {
			var m = el("marker", { id: "arrow-" + k, viewBox: "0 0 10 10", refX: 9, refY: 5,
				markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
			el("path", { d: "M0,0 L10,5 L0,10 z", fill: k === "amends" ? color("amended") :
				color("superseded") }, m);
		});

		var axis = el("g", { "class": "axis" }, svg);
		ticks().forEach(function (tk) {
			el("line", { x1: x(tk.t), x2: x(tk.t), y1: AXIS_H - 6, y2: height }, axis);
			if (x(tk.t) + 50 > width) return;	/* no room for the label */
			var t = el("text", { x: x(tk.t) + 3, y: AXIS_H - 10 }, axis);
			t.textContent = tk.label;
		});

		Object.keys(resets).forEach(function (sha) {
			var r = resets[sha];
			if (r.n < 2) return;
			var rx = x(r.t);
			var mark = el("path", { "class": "reset", d: "M" + (rx - 5) + "," + (AXIS_H - 8) + " L" +
				(rx + 5) + "," + (AXIS_H - 8) + " L" + rx + "," + (AXIS_H - 1) + " z" }, axis);
			el("title", {}, mark).textContent = r.n + " ADRs deleted by " + shortSha(sha) + " " +
				(r.subject || "") + " and restored unchanged on " + day(new Date(r.back * 1000).toISOString());
		});

		var lanes = el("g", { "class": "lanes" }, svg);
		shown.forEach(function (a, i) {
			var g = el("g", { "class": "lane", "data-adr": a.id }, lanes);
			var cy = y(i);
			el("rect", { "class": "lane-bg", x: 0, y: cy - ROW_H / 2, width: width, height: ROW_H }, g);
			var lg = a.page ? el("a", { href: a.page, "class": "page-link" }, g) : g;
			var lid = el("text", { "class": "label-id", x: 8, y: cy + 4 }, lg);
			lid.textContent = a.id;
			var lt = el("text", { "class": "label link-adr", x: ID_W + 8, y: cy + 4 }, lg);
			var title = a.title.length > TITLE_MAX ? (TITLE_MAX > 1 ?
				a.title.slice(0, TITLE_MAX - 1) + "\u2026" : "") : a.title;
			lt.textContent = title;
			if (!a.page) lt.addEventListener("click", function () { showAdr(a); });
			var full = el("title", {}, lt);
			full.textContent = "ADR " + a.id + ": " + a.title + "\n" + a.path +
				"\nstatus: " + statusName(a.status);
			el("line", { "class": "track", x1: LABEL_W, x2: width - PAD_R, y1: cy, y2: cy }, g);
			var ev = a.events, covered = {};
			for (var k = 0; k < ev.length; k++) {
				var e = ev[k];
				if (e.to === "deleted" || (e.restores && k > 0 && ev[k - 1].gap && covered[k])) continue;
				var nx = k + 1, gaps = [];
				/* the bar runs on across a deletion that was undone, dashed there */
				while (nx < ev.length && ev[nx].gap && ev[nx].to === "deleted" && nx + 1 < ev.length) {
					gaps.push([ev[nx].time, ev[nx + 1].time]);
					nx += 2;
				}
				for (var j = k + 2; j <= nx; j += 2) covered[j] = 1;
				var t1 = nx < ev.length ? ev[nx].time : tMax;
				var x0 = x(e.time), w = Math.max(x(t1) - x0, 2);
				var seg = el("rect", { "class": "seg s-" + e.to, x: x0, y: cy - BAR_H / 2,
					width: w, height: BAR_H, fill: color(e.to) }, g);
				el("title", {}, seg).textContent = statusName(e.to) + " since " + day(e.date);
				gaps.forEach(function (gp) {
					var gl = el("line", { "class": "gap", x1: x(gp[0]), x2: Math.max(x(gp[1]), x(gp[0]) + 3),
						y1: cy, y2: cy }, g);
					el("title", {}, gl).textContent = "deleted " + day(new Date(gp[0] * 1000).toISOString()) +
						", restored unchanged " + day(new Date(gp[1] * 1000).toISOString());
				});
			}
			if (!ev.length) {
				el("rect", { "class": "seg s-" + (a.status || "none"), x: LABEL_W,
					y: cy - 2, width: plotW, height: 4, fill: color(a.status), opacity: 0.5 }, g);
			}
			ev.forEach(function (e) {
				if (e.gap) return;	/* undone deletion: see resets */
				if (e.to === "deleted")
					el("line", { "class": "end", x1: x(e.time), x2: x(e.time),
						y1: cy - 8, y2: cy + 8 }, g);
				var c = el("circle", { "class": "marker" + (e === selected ? " sel" : ""),
					cx: x(e.time), cy: cy, r: 6, fill: color(e.to), tabindex: 0,
					"data-commit": e.commit }, g);
				c.addEventListener("mousemove", function (m) { showTip(m, e); });
				c.addEventListener("mouseleave", hideTip);
				c.addEventListener("click", function () { showDetail(e); });
				c.addEventListener("keydown", function (k) {
					if (k.key === "Enter" || k.key === " ") showDetail(e);
				});
			});
		});

		/* supersede/amend arrows, from the newer ADR's lane to the older's */
		var links = el("g", { "class": "links" }, svg), seen = {};
		function arrow(from, to, kind) {
			var key = from + ">" + to + ">" + kind;
			if (seen[key] || !(from in row) || !(to in row) || from === to) return;
			seen[key] = 1;
			var a = adrs[byId[from]], b = adrs[byId[to]], t = null;
			b.events.forEach(function (e) {
				if (t === null && (e.to === "superseded" || e.to === "amended")) t = e.time;
			});
			if (t === null && a.events.length) t = a.events[0].time;
			if (t === null) t = tMax;
			var x0 = x(t), y0 = y(row[from]), y1 = y(row[to]);
			var bend = Math.min(60, 12 + Math.abs(y1 - y0) / 4);
			var p = el("path", { "class": "link " + kind, "marker-end": "url(#arrow-" + kind + ")",
				d: "M" + (x0 - 6) + "," + y0 + " C" + (x0 - bend) + "," + y0 + " " + (x0 - bend) +
				"," + y1 + " " + (x0 - 8) + "," + (y1 + (y1 > y0 ? -6 : 6)) }, links);
			el("title", {}, p).textContent = "ADR " + from + " " + kind + " ADR " + to;
		}
		shown.forEach(function (a) {
			(a.supersedes || []).forEach(function (id) { arrow(a.id, id, "supersedes"); });
			(a.superseded_by || []).forEach(function (id) { arrow(id, a.id, "supersedes"); });
			(a.amends || []).forEach(function (id) { arrow(a.id, id, "amends"); });
			(a.amended_by || []).forEach(function (id) { arrow(id, a.id, "amends"); });
		});
	}

	/* status filter chips, with the number of ADRs currently in each */
	var counts = {};
	adrs.forEach(function (a) { var s = a.status || "none"; counts[s] = (counts[s] || 0) + 1; });
	var chips = document.getElementById("chips");
	STATUSES.forEach(function (s) {
		if (!counts[s]) return;
		var c = hel("span", "chip", null, chips);
		c.setAttribute("role", "checkbox");
		c.setAttribute("aria-checked", "true");
		c.tabIndex = 0;
		var dot = hel("span", "dot", null, c);
		dot.style.background = color(s);
		hel("span", null, statusName(s === "none" ? null : s), c);
		hel("span", "n", String(counts[s]), c);
		function toggle() {
			off[s] = !off[s];
			c.classList.toggle("off", off[s]);
			c.setAttribute("aria-checked", off[s] ? "false" : "true");
			draw();
		}
		c.addEventListener("click", toggle);
		c.addEventListener("keydown", function (k) {
			if (k.key === "Enter" || k.key === " ") { k.preventDefault(); toggle(); }
		});
	});
	document.getElementById("q").addEventListener("input", function (ev) {
		query = ev.target.value.trim().toLowerCase();
		draw();
	});
	var legend = document.getElementById("legend");
	[["supersedes", "supersedes"], ["amends", "amends"]].forEach(function (l) {
		var s = hel("span", null, null, legend);
		var svg = el("svg", { width: 28, height: 10 }, s);
		el("line", { "class": "link " + l[0], x1: 0, x2: 28, y1: 5, y2: 5 }, svg);
		s.appendChild(document.createTextNode(" " + l[1]));
	});
	hel("span", null, "\u25CF status change (hover for details, click to pin)", legend);
	var resizeTimer = null;
	window.addEventListener("resize", function () {
		clearTimeout(resizeTimer);
		resizeTimer = setTimeout(draw, 100);
	});
	draw();
	document.body.setAttribute("data-ready", "1");
})();
