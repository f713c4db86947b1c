/*
 * requests-map.js - the map of the public list of requests (/requests).
 *
 * Progressive enhancement only: the list (ol.rq-list) is the page; when
 * Leaflet (window.L, /static/leaflet/leaflet.js) has loaded, this shows the
 * hidden map section and draws a marker for every list item that carries a
 * point (data-lat, data-lon), labelled with its code and category
 * (data-code, data-category) and linking to its tracking page (data-url).
 * The map's settings are data attributes of #rq-list-map (data-tiles,
 * data-attribution, data-lat, data-lon, data-zoom).  Without JavaScript,
 * without Leaflet or without tiles the list alone says everything.  The
 * map is one Tab stop (Leaflet's keyboard panning), each marker another;
 * Tab always moves on, so the keyboard is never trapped, and a link before
 * the map skips to the list.  No other dependency; nothing is sent
 * anywhere but to the tile server.
 */
(function () {
	'use strict';

	function start() {
		var el = document.getElementById('rq-list-map');
		if (!el || !window.L || !el.dataset.tiles) {
			return;
		}
		var L = window.L;
		var items = document.querySelectorAll('.rq-item[data-lat][data-lon]');
		var points = [];
		var section = el.closest('[data-map-section]');
		if (section) {
			section.hidden = false;
		}
		var map = L.map(el, { keyboard: true, scrollWheelZoom: false });
		L.tileLayer(el.dataset.tiles, {
			maxZoom: 19,
			attribution: escapeText(el.dataset.attribution || '')
		}).addTo(map);
		var label = el.dataset.markerLabel || '';
		items.forEach(function (li) {
			var lat = parseFloat(li.dataset.lat);
			var lon = parseFloat(li.dataset.lon);
			if (!isFinite(lat) || !isFinite(lon)) {
				return;
			}
			var text = label + ' ' + li.dataset.code + ': ' + li.dataset.category;
			var marker = L.marker([lat, lon], { title: text, alt: text, keyboard: true });
			var link = document.createElement('a');
			link.href = li.dataset.url;
			link.textContent = text;
			marker.bindPopup(link);
			marker.addTo(map);
			points.push([lat, lon]);
		});
		if (points.length > 1) {
			map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
		} else if (points.length === 1) {
			map.setView(points[0], 16);
		} else {
			map.setView([parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)],
			            parseInt(el.dataset.zoom, 10) || 13);
		}
	}

	/* Leaflet puts the attribution in as HTML: give it text only. */
	function escapeText(s) {
		var d = document.createElement('div');
		d.textContent = s;
		return d.innerHTML;
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', start);
	} else {
		start();
	}
}());
