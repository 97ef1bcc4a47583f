/* adr-log site index: filters the table by status, folder and a search over
 * titles and full text (the #search-data island, one [key, text] per row),
 * rows whose id, title or path hold every word listed before the others.
 * The query lives in the URL hash (#q=words&status=a,b&folder=f), so a
 * filtered view can be linked; nothing is fetched, and repository text is
 * never put into the page as markup. */
(function () {
	"use strict";
	var data = JSON.parse(document.getElementById("search-data").textContent);
	var tbody = document.querySelector("#list tbody");
	var rows = Array.prototype.slice.call(document.querySelectorAll("#list tbody tr"));
	var moved = false;	/* rows are out of the table's order (a search ranked them) */
	var hay = data.map(function (d) { return [d[0].toLowerCase(), d[1].toLowerCase()]; });
	var q = document.getElementById("q");
	var folder = document.getElementById("folder");
	var boxes = Array.prototype.slice.call(document.querySelectorAll("#statuses input"));
	var count = document.getElementById("count");
	var none = document.getElementById("none");

	function params() {
		var out = {};
		location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
			var i = kv.indexOf("=");
			if (i > 0) {
				try { out[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1).replace(/\+/g, " ")); }
				catch (e) { /* a broken escape: ignore that part */ }
			}
		});
		return out;
	}
	function fromHash() {
		var p = params();
		q.value = p.q || "";
		if (folder) folder.value = p.folder || "";
		var want = p.status ? p.status.split(",") : null;
		boxes.forEach(function (b) { b.checked = !want || want.indexOf(b.value) >= 0; });
	}
	function toHash() {
		var parts = [];
		if (q.value.trim()) parts.push("q=" + encodeURIComponent(q.value.trim()));
		var on = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
		if (on.length !== boxes.length) parts.push("status=" + on.join(","));
		if (folder && folder.value) parts.push("folder=" + encodeURIComponent(folder.value));
		var h = parts.length ? "#" + parts.join("&") : " ";
		try { history.replaceState(null, "", h === " " ? location.pathname + location.search : h); }
		catch (e) { /* file:// in some browsers: the filter still applies */ }
	}
	function apply() {
		var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
		var on = {};
		boxes.forEach(function (b) { on[b.value] = b.checked; });
		var f = folder ? folder.value : "";
		var n = 0, rank = [];
		rows.forEach(function (r, i) {
			var h = hay[i] || ["", ""];
			var ok = on[r.getAttribute("data-status")] !== false &&
				(!f || r.getAttribute("data-folder") === f) &&
				words.every(function (w) { return h[0].indexOf(w) >= 0 || h[1].indexOf(w) >= 0; });
			/* 0: every word in the id, title or path; 1: some only in the text */
			rank[i] = words.every(function (w) { return h[0].indexOf(w) >= 0; }) ? 0 : 1;
			r.hidden = !ok;
			if (ok) n++;
		});
		/* title matches first, each group in the table's own order */
		var order = rows.map(function (r, i) { return i; });
		if (words.length) order.sort(function (x, y) { return rank[x] - rank[y] || x - y; });
		if (words.length || moved) order.forEach(function (i) { tbody.appendChild(rows[i]); });
		moved = words.length > 0;
		count.textContent = n === rows.length ? rows.length + " decisions" :
			n + " of " + rows.length + " decisions";
		none.hidden = n > 0 || !rows.length;
	}
	function changed() { toHash(); apply(); }
	q.addEventListener("input", changed);
	if (folder) folder.addEventListener("change", changed);
	boxes.forEach(function (b) { b.addEventListener("change", changed); });
	window.addEventListener("hashchange", function () { fromHash(); apply(); });
	fromHash();
	apply();
	document.body.setAttribute("data-ready", "1");
})();
