// Fills the panel with the tests of the class under the pointer (or clicked); on load, the first failed class, else
// the longest, so that the page opened from a CI artifact shows at once what went wrong. Text only, never HTML: a
// test's message is the user's data.
(function () {
  var classes = JSON.parse(document.getElementById('classes').textContent);
  var panel = document.getElementById('panel');
  var bars = document.querySelectorAll('.bar');
  var lane = document.getElementById('timeline').getAttribute('data-lane') || 'fork';

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function show(i) {
    var c = classes[i];
    panel.textContent = '';
    panel.appendChild(el('h2', c.name));
    panel.appendChild(el('p', c.outcome + ', ' + c.duration + (c.fork ? ' on ' + lane + ' ' + c.fork + ', from ' + c.at : ', not run')));
    var table = el('table');
    c.tests.forEach(function (t) {
      var row = el('tr', undefined, 'test');
      row.appendChild(el('td', t.status, 'status'));
      row.appendChild(el('td', t.duration));
      var name = el('td', t.name);
      if (t.message) name.appendChild(el('pre', t.message, 'message'));
      row.appendChild(name);
      table.appendChild(row);
    });
    panel.appendChild(table);
    bars.forEach(function (b) { b.classList.toggle('selected', Number(b.dataset.i) === i); });
    document.body.setAttribute('data-selected', c.name);
  }

  bars.forEach(function (b) {
    var i = Number(b.dataset.i);
    b.addEventListener('mouseenter', function () { show(i); });
    b.addEventListener('click', function () { show(i); });
  });

  var first = -1;
  var longest = -1;
  classes.forEach(function (c, i) {
    if (first < 0 && (c.outcome === 'failed' || c.outcome === 'crashed')) first = i;
    if (c.fork && (longest < 0 || c.seconds > classes[longest].seconds)) longest = i;
  });
  var start = first >= 0 ? first : longest;
  if (start >= 0) show(start);
})();
