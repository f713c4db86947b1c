/*
 * request-form-map.js - the optional point on a map for the request form
 * (/requests/new).
 *
 * Progressive enhancement only: inside form#request it looks for
 * input[name=lat], input[name=lon] and an element #rq-map carrying the
 * map's settings (data-tiles, data-lat, data-lon, data-zoom,
 * data-attribution).  When Leaflet (window.L) has loaded it shows #rq-map
 * (it may start hidden), and then a click on the map or dragging the
 * marker writes the point into the two inputs (6 decimals, about 10 cm),
 * typing in the inputs moves the marker, and a "use my position" button
 * (added here, only where navigator.geolocation exists) asks the browser
 * for the position.  Without JavaScript, Leaflet or tiles the inputs and
 * the address field are the whole form: the address alone is enough.  The
 * map is one Tab stop (Leaflet's keyboard panning); Tab moves on, so the
 * keyboard is never trapped.  No other dependency.
 */
(function () {
	'use strict';

	function start() {
		var form = document.querySelector('form#request');
		var lat = form && form.querySelector('input[name=lat]');
		var lon = form && form.querySelector('input[name=lon]');
		var el = document.getElementById('rq-map');
		if (!form || !lat) {
			/* views/form.tpl may leave the id to a wrapper, or to none:
			 * then the form that posts to /requests/new. */
			lat = document.querySelector('#request input[name=lat]') ||
				document.querySelector('form[action$="/requests/new"] input[name=lat]');
			form = lat && lat.form;
			lon = form && form.querySelector('input[name=lon]');
		}
		if (!form || !lat || !lon || !el || !window.L || !el.dataset.tiles) {
			return;
		}
		var L = window.L;
		el.hidden = false;
		var map = L.map(el, { keyboard: true, scrollWheelZoom: false });
		L.tileLayer(el.dataset.tiles, {
			maxZoom: 19,
			attribution: escapeText(el.dataset.attribution || '')
		}).addTo(map);
		var marker = null;

		function typed() {
			var a = parseFloat(lat.value.replace(',', '.'));
			var b = parseFloat(lon.value.replace(',', '.'));
			if (!isFinite(a) || !isFinite(b) || a < -90 || a > 90 || b < -180 || b > 180) {
				return null;
			}
			return L.latLng(a, b);
		}

		function place(p, pan) {
			if (marker) {
				marker.setLatLng(p);
			} else {
				marker = L.marker(p, { draggable: true, keyboard: true,
				                       title: el.dataset.markerLabel || '',
				                       alt: el.dataset.markerLabel || '' });
				marker.on('dragend', function () { fill(marker.getLatLng()); });
				marker.addTo(map);
			}
			if (pan) {
				map.panTo(p);
			}
		}

		function fill(p) {
			lat.value = p.lat.toFixed(6);
			lon.value = p.lng.toFixed(6);
			lat.dispatchEvent(new Event('change', { bubbles: true }));
		}

		var initial = typed();
		if (initial) {
			map.setView(initial, 17);
			place(initial, false);
		} else {
			map.setView([parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)],
			            parseInt(el.dataset.zoom, 10) || 13);
		}
		map.on('click', function (e) {
			place(e.latlng, false);
			fill(e.latlng);
		});
		[lat, lon].forEach(function (input) {
			input.addEventListener('input', function () {
				var p = typed();
				if (p) {
					place(p, true);
				}
			});
		});

		if (navigator.geolocation) {
			var button = document.createElement('button');
			var status = document.createElement('span');
			button.type = 'button';
			button.className = 'secondary';
			button.textContent = el.dataset.locateLabel || 'Use my position';
			status.setAttribute('role', 'status');
			button.addEventListener('click', function () {
				status.textContent = el.dataset.locatingLabel || '';
				navigator.geolocation.getCurrentPosition(function (pos) {
					var p = L.latLng(pos.coords.latitude, pos.coords.longitude);
					status.textContent = '';
					place(p, false);
					map.setView(p, 17);
					fill(p);
				}, function () {
					status.textContent = el.dataset.locateFailedLabel || '';
				}, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
			});
			var tools = document.createElement('p');
			tools.className = 'rq-map-tools';
			tools.appendChild(button);
			tools.appendChild(document.createTextNode(' '));
			tools.appendChild(status);
			el.parentNode.insertBefore(tools, el);
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
