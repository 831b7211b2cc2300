// The comparison panel's webview (src/extension/audit/comparisonPanel.ts). It renders the rows the host sends:
// a sortable, filterable table, a strip on the top-down ↔ enabling scale and a two-axis scatter (plain SVG). It
// builds its DOM with textContent and SVG attributes only (the CSP allows no inline styles or scripts) and names a
// document by its row index in the model shown. Messages: src/extension/audit/protocol.ts.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const SVG = 'http://www.w3.org/2000/svg';
  const saved = vscode.getState() || {};
  let model = null;
  let sortKey = saved.sortKey || 'score';
  let sortDir = saved.sortDir || 1;
  let filter = saved.filter || '';

  const { el } = window.PolicyLensDom; // media/shared/dom.js
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    for (const c of children) if (c) e.appendChild(c);
    return e;
  }
  function post(msg) {
    vscode.postMessage(msg);
  }
  function save() {
    vscode.setState({ sortKey, sortDir, filter });
  }
  function fmt(n, d) {
    if (typeof n !== 'number' || !isFinite(n)) return '–';
    return Number.isInteger(n) ? String(n) : n.toFixed(d === undefined ? 1 : d);
  }
  function signed(n) {
    const s = fmt(n, 0);
    return n > 0 ? '+' + s : s;
  }
  function open(i) {
    if (model) post({ type: 'open', model: model.id, index: i });
  }

  const L = () => model.labels;
  /** Columns: key, label, value of a row, text of the value, numeric. */
  function columns() {
    const l = L();
    const roles = (r) => r.district.roles;
    return [
      { key: 'name', label: l.document, value: (x) => x.name.toLowerCase(), text: (x) => x.name, num: false },
      { key: 'score', label: l.score, value: (x) => x.row.score.value, text: (x) => signed(x.row.score.value), num: true, title: (x) => x.row.score.label },
      { key: 'dirAxis', label: l.directiveAxis, value: (x) => x.row.score.axes.directive, text: (x) => fmt(x.row.score.axes.directive, 0), num: true },
      { key: 'enAxis', label: l.enablingAxis, value: (x) => x.row.score.axes.enabling, text: (x) => fmt(x.row.score.axes.enabling, 0), num: true },
      { key: 'dirDen', label: l.directiveDensity, value: (x) => x.row.density.directive, text: (x) => fmt(x.row.density.directive), num: true },
      { key: 'ctlDen', label: l.controlDensity, value: (x) => x.row.density.control, text: (x) => fmt(x.row.density.control), num: true },
      { key: 'enDen', label: l.enablingDensity, value: (x) => x.row.density.enabling, text: (x) => fmt(x.row.density.enabling), num: true },
      { key: 'words', label: l.words, value: (x) => x.row.words, text: (x) => String(x.row.words), num: true },
      { key: 'innov', label: l.innovation, value: (x) => x.row.innovationSentences, text: (x) => String(x.row.innovationSentences), num: true },
      { key: 'cocr', label: l.cocreation, value: (x) => x.row.cocreationSentences, text: (x) => String(x.row.cocreationSentences), num: true },
      { key: 'distM', label: l.districtMentions, value: (x) => x.row.district.mentions, text: (x) => String(x.row.district.mentions), num: true },
      {
        key: 'distR',
        label: l.districtRoles,
        value: (x) => roles(x.row).obligated + roles(x.row).enabled + roles(x.row).involved,
        text: (x) => [roles(x.row).obligated, roles(x.row).enabled, roles(x.row).involved, roles(x.row).mentioned].join(' / '),
        num: true,
        head: l.districtRolesTitle,
        title: () => l.districtRolesTitle,
      },
      { key: 'gap', label: l.gap, value: (x) => x.row.district.gap, text: (x) => x.row.district.gap + ' / ' + x.row.district.innovationOrCocreationSentences, num: true, head: l.gapTitle, title: () => l.gapTitle },
      ...['innovasjon', 'utvikling', 'samskaping', 'samarbeid', 'skal', 'må'].map((t) => ({
        key: 'term:' + t,
        label: '«' + t + '»',
        value: (x) => x.row.counts.exact[t] || 0,
        text: (x) => (x.row.counts.exact[t] || 0) + ' / ' + (x.row.counts.inflected[t] || 0),
        num: true,
        title: () => l.termTitle,
        head: l.termTitle,
      })),
    ];
  }

  function visibleRows() {
    const f = filter.trim().toLowerCase();
    const cols = columns();
    const col = cols.find((c) => c.key === sortKey) || cols[1];
    const rows = model.rows.filter((x) => !f || x.name.toLowerCase().includes(f) || x.row.score.label.toLowerCase().includes(f));
    rows.sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      return (va < vb ? -1 : va > vb ? 1 : a.index - b.index) * sortDir;
    });
    return rows;
  }

  function scoreClass(v) {
    return v <= -20 ? 'topdown' : v >= 20 ? 'enabling' : 'mixed';
  }

  function shortName(name, n) {
    const base = name.split('/').pop();
    return base.length > n ? base.slice(0, n - 1) + '…' : base;
  }

  function point(cx, cy, r, row, title) {
    const c = svg('circle', { cx, cy, r, class: 'point ' + scoreClass(row.row.score.value), tabindex: 0, 'data-index': row.index });
    const t = svg('title');
    t.textContent = title;
    c.appendChild(t);
    c.addEventListener('click', () => open(row.index));
    c.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') open(row.index);
    });
    return c;
  }

  /**
   * Every document on the top-down ↔ enabling scale: one labelled line per document (most top-down first) up to
   * 40 documents, a single strip with stacked points for more.
   */
  function strip(rows) {
    const byScore = rows.slice().sort((a, b) => a.row.score.value - b.row.score.value || a.index - b.index);
    const labelled = byScore.length <= 40;
    const W = 640, labelW = labelled ? 230 : 16, pad = 16, lineH = 16, top = 22;
    const H = labelled ? top + byScore.length * lineH + 30 : 70;
    const x = (v) => labelW + ((v + 100) / 200) * (W - labelW - pad);
    const axisY = H - 24;
    const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart strip', role: 'img', 'aria-label': L().scale });
    const zone = (from, to, cls) => g.appendChild(svg('rect', { x: x(from), y: top - 6, width: x(to) - x(from), height: axisY - top + 6, class: 'zone ' + cls }));
    zone(-100, -20, 'topdown');
    zone(20, 100, 'enabling');
    g.appendChild(svg('line', { x1: x(-100), x2: x(100), y1: axisY, y2: axisY, class: 'axis' }));
    g.appendChild(svg('line', { x1: x(0), x2: x(0), y1: top - 6, y2: axisY, class: 'zero' }));
    for (const t of [-100, -50, 0, 50, 100]) {
      g.appendChild(svg('line', { x1: x(t), x2: x(t), y1: axisY - 4, y2: axisY + 4, class: 'tick' }));
      const lab = svg('text', { x: x(t), y: axisY + 16, class: 'ticklabel', 'text-anchor': 'middle' });
      lab.textContent = signed(t);
      g.appendChild(lab);
    }
    const l1 = svg('text', { x: x(-100), y: 12, class: 'end' });
    l1.textContent = '← ' + L().topDown;
    const l2 = svg('text', { x: x(100), y: 12, class: 'end', 'text-anchor': 'end' });
    l2.textContent = L().enabling + ' →';
    g.append(l1, l2);
    const seen = new Map();
    byScore.forEach((r, i) => {
      const v = r.row.score.value;
      const title = `${r.name}: ${signed(v)} (${r.row.score.label})`;
      if (labelled) {
        const y = top + i * lineH + lineH / 2;
        g.appendChild(svg('line', { x1: x(-100), x2: x(100), y1: y, y2: y, class: 'guide' }));
        const name = svg('text', { x: labelW - 8, y: y + 4, class: 'name', 'text-anchor': 'end' });
        name.textContent = shortName(r.name, 34);
        g.appendChild(name);
        g.appendChild(svg('line', { x1: x(0), x2: x(v), y1: y, y2: y, class: 'stem ' + scoreClass(v) }));
        g.appendChild(point(x(v), y, 5, r, title));
        const val = svg('text', { x: x(v) + (v < 0 ? -9 : 9), y: y + 4, class: 'value', 'text-anchor': v < 0 ? 'end' : 'start' });
        val.textContent = signed(v);
        g.appendChild(val);
      } else {
        const k = Math.round(x(v) / 6);
        const n = seen.get(k) || 0;
        seen.set(k, n + 1);
        g.appendChild(point(x(v), axisY - 8 - (n % 5) * 7, 4.5, r, title));
      }
    });
    return g;
  }

  function scatter(rows) {
    const W = 320, H = 260, left = 40, bottom = 36, top = 10, right = 10;
    const x = (v) => left + (v / 100) * (W - left - right);
    const y = (v) => H - bottom - (v / 100) * (H - bottom - top);
    const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart scatter', role: 'img', 'aria-label': L().scatter });
    g.appendChild(svg('rect', { x: x(0), y: y(100), width: x(100) - x(0), height: y(0) - y(100), class: 'frame' }));
    for (const t of [0, 25, 50, 75, 100]) {
      g.appendChild(svg('line', { x1: x(t), x2: x(t), y1: y(0), y2: y(100), class: 'grid' }));
      g.appendChild(svg('line', { x1: x(0), x2: x(100), y1: y(t), y2: y(t), class: 'grid' }));
      const tx = svg('text', { x: x(t), y: y(0) + 14, class: 'ticklabel', 'text-anchor': 'middle' });
      tx.textContent = String(t);
      const ty = svg('text', { x: x(0) - 6, y: y(t) + 4, class: 'ticklabel', 'text-anchor': 'end' });
      ty.textContent = String(t);
      g.append(tx, ty);
    }
    const xl = svg('text', { x: (x(0) + x(100)) / 2, y: H - 4, class: 'axislabel', 'text-anchor': 'middle' });
    xl.textContent = L().enablingAxis + ' →';
    const yl = svg('text', { x: 12, y: (y(0) + y(100)) / 2, class: 'axislabel', 'text-anchor': 'middle', transform: `rotate(-90 12 ${(y(0) + y(100)) / 2})` });
    yl.textContent = L().directiveAxis + ' →';
    g.append(xl, yl);
    for (const r of rows) {
      const a = r.row.score.axes;
      g.appendChild(point(x(a.enabling), y(a.directive), 5, r, `${r.name}: ${L().directiveAxis} ${fmt(a.directive, 0)}, ${L().enablingAxis} ${fmt(a.enabling, 0)}`));
    }
    return g;
  }

  function table(rows) {
    const cols = columns();
    const head = el('tr');
    for (const c of cols) {
      const sorted = c.key === sortKey;
      const th = el('th', { class: (c.num ? 'num' : 'text') + (c.key.startsWith('term:') ? ' term' : '') + (sorted ? ' sorted' : ''), aria: { sort: sorted ? (sortDir > 0 ? 'ascending' : 'descending') : 'none' } });
      const b = el('button', { type: 'button', text: c.label + (sorted ? (sortDir > 0 ? ' ▲' : ' ▼') : ''), title: c.head });
      b.addEventListener('click', () => {
        if (sortKey === c.key) sortDir = -sortDir;
        else {
          sortKey = c.key;
          sortDir = c.num ? -1 : 1;
        }
        save();
        render();
      });
      th.appendChild(b);
      head.appendChild(th);
    }
    const body = el('tbody');
    for (const r of rows) {
      const tr = el('tr', { data: { index: r.index } });
      cols.forEach((c, i) => {
        const td = el('td', { class: c.num ? 'num' : 'text', title: c.title ? c.title(r) : undefined });
        if (i === 0) {
          const b = el('button', { type: 'button', class: 'doc', text: shortName(r.name, 40), title: L().open.replace('{0}', r.name) });
          b.addEventListener('click', () => open(r.index));
          td.appendChild(b);
        } else {
          td.textContent = c.text(r);
          if (c.key === 'score') td.classList.add(scoreClass(r.row.score.value));
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    }
    return el('div', { class: 'tablewrap' }, el('table', { class: 'rows' }, el('thead', {}, head), body));
  }

  function render() {
    root.textContent = '';
    if (!model) {
      root.appendChild(el('p', { class: 'empty', text: (saved.empty) || 'Run «Policy Lens: Audit Workspace».' }));
      return;
    }
    const l = L();
    const s = model.stats;
    const bar = el('div', { class: 'toolbar' });
    const input = el('input', { type: 'search', class: 'filter', aria: { label: l.filter } });
    input.placeholder = l.filter;
    input.value = filter;
    input.addEventListener('input', () => {
      filter = input.value;
      save();
      const pos = input.selectionStart;
      render();
      const again = root.querySelector('input.filter');
      if (again) {
        again.focus();
        again.setSelectionRange(pos, pos);
      }
    });
    bar.appendChild(input);
    for (const [fmtKey, label] of [['csv', l.exportCsv], ['json', l.exportJson], ['md', l.exportMd]]) {
      const b = el('button', { type: 'button', class: 'export', text: label, data: { format: fmtKey } });
      b.addEventListener('click', () => post({ type: 'export', format: fmtKey }));
      bar.appendChild(b);
    }
    const rows = visibleRows();
    root.append(
      el('h2', { text: l.title }),
      el('p', {
        class: 'summary',
        text: l.summary.replace('{0}', s.total).replace('{1}', s.analysed).replace('{2}', s.cached).replace('{3}', s.failed).replace('{4}', (s.ms / 1000).toFixed(1)),
      }),
      bar,
      el('div', { class: 'charts' }, el('figure', {}, el('figcaption', { text: l.scale }), strip(rows)), el('figure', {}, el('figcaption', { text: l.scatter }), scatter(rows))),
      table(rows),
    );
    if (model.failures.length) {
      const ul = el('ul', { class: 'failures' });
      for (const f of model.failures) ul.appendChild(el('li', { text: f.name + ': ' + f.message }));
      root.append(el('h3', { text: l.failed }), ul);
    }
    post({ type: 'rendered', model: model.id, rows: rows.length, points: root.querySelectorAll('circle.point').length });
  }

  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || m.type !== 'model') return;
    model = m.model;
    render();
  });
  post({ type: 'ready' });
})();
