// help-intake.js - the phone operator's form (/admin/help/new), made
// faster where JavaScript runs; everything works without it.
//  - As the phone number is typed, the residents with that number are
//    listed (GET /admin/help/lookup, the same list the search button
//    shows), so a caller already in the registry is picked, not created
//    twice.
//  - Fields that do not apply to the chosen type of help are hidden, so
//    the Tab key skips them (prescriptions and AMKA for medicines only,
//    the kind of errand for errands only).
(function () {
  'use strict';
  var phone = document.getElementById('help-phone');
  var region = document.getElementById('help-matches');
  if (phone && region && window.fetch) {
    var timer = null, last = '';
    phone.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var v = phone.value.replace(/[^0-9]/g, '');
        if (v.length < 3 || v === last) return;
        last = v;
        fetch(phone.getAttribute('data-lookup') + '?phone=' + encodeURIComponent(v),
              { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) {
            if (html !== null && v === last) region.innerHTML = html;
          })
          .catch(function () {});
      }, 250);
    });
  }
  var type = document.getElementById('f-type');
  if (!type) return;
  var only = {
    'f-prescriptions': ['medicines'], 'f-amka': ['medicines'], 'f-pharmacy': ['medicines'],
    'f-errand': ['errand']
  };
  function field(id) {
    var el = document.getElementById(id);
    while (el && !(el.classList && el.classList.contains('field'))) el = el.parentNode;
    return el;
  }
  function apply() {
    Object.keys(only).forEach(function (id) {
      var f = field(id);
      if (!f || f.classList.contains('field-invalid')) return;
      f.hidden = type.value !== '' && only[id].indexOf(type.value) < 0;
    });
  }
  type.addEventListener('change', apply);
  apply();
})();
