// The Framing view's webview (src/extension/framing/view.ts). It renders the model the extension sends and tells it
// which sentence or section was clicked, by index. It builds its DOM with textContent only (the model holds text
// from the document), sets sizes through CSSOM (the CSP allows no inline styles), and keeps no state but which
// components are open. Messages: src/extension/framing/protocol.ts.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const open = new Set((vscode.getState() && vscode.getState().open) || []);
  let model = null;

  const { el } = window.PolicyLensDom; // media/shared/dom.js

  function post(msg) {
    vscode.postMessage(msg);
  }

  function reveal(kind, index) {
    if (model) post({ type: 'reveal', model: model.id, kind, index });
  }

  /** A clickable sentence: where it is, and its text. */
  function sentenceButton(ref) {
    const b = el('button', { class: 'sentence', type: 'button', data: { sentence: ref.index } },
      el('span', { class: 'where', text: ref.where }),
      el('span', { class: 'snippet', text: ref.text }));
    b.addEventListener('click', () => reveal('sentence', ref.index));
    return b;
  }

  function sentenceList(refs, more, emptyText) {
    const ol = el('ol', { class: 'sentences' });
    for (const r of refs) ol.appendChild(el('li', null, sentenceButton(r)));
    const frag = document.createDocumentFragment();
    if (refs.length === 0) frag.appendChild(el('p', { class: 'hint', text: emptyText }));
    else frag.appendChild(ol);
    if (more > 0) frag.appendChild(el('p', { class: 'hint', text: model.strings.more.replace('{0}', String(more)) }));
    return frag;
  }

  function heading(text, level) {
    return el(level === 4 ? 'h4' : 'h3', { text });
  }

  function gauge(m) {
    const marker = el('div', { class: 'gauge-marker' });
    marker.style.left = (m.score.position * 100).toFixed(2) + '%';
    return el('section', { class: 'gauge-block' },
      el('div', { class: 'score-row' },
        el('span', { class: 'score-value', text: m.score.text, data: { score: m.score.value } }),
        el('span', { class: 'score-label', text: m.score.label })),
      el('div', { class: 'gauge', role: 'img', aria: { label: m.strings.gaugeAria } },
        el('div', { class: 'gauge-track' }),
        el('div', { class: 'gauge-zero' }),
        marker),
      el('div', { class: 'gauge-ends', aria: { hidden: 'true' } },
        el('span', { text: '−100 ' + m.strings.gaugeLeft }),
        el('span', { text: m.strings.gaugeRight + ' +100' })));
  }

  function axes(m) {
    const s = el('section', { class: 'axes' }, heading(m.strings.axes));
    for (const a of m.axes) {
      const fill = el('div', { class: 'meter-fill axis-' + a.id });
      fill.style.width = Math.max(0, Math.min(100, a.value)).toFixed(1) + '%';
      s.appendChild(el('div', { class: 'axis', title: a.description },
        el('div', { class: 'axis-row' }, el('span', { text: a.label }), el('span', { class: 'num', text: a.text })),
        el('div', { class: 'meter', role: 'meter', aria: { label: a.label, valuemin: 0, valuemax: 100, valuenow: Math.round(a.value) } }, fill)));
    }
    return s;
  }

  function components(m) {
    const s = el('section', { class: 'components' }, heading(m.strings.components), el('p', { class: 'hint', text: m.strings.componentsHint }));
    for (const c of m.components) {
      const bar = el('div', { class: 'contrib-bar ' + (c.contribution < 0 ? 'neg' : 'pos') });
      const w = Math.min(50, (Math.abs(c.contribution) / 40) * 50);
      bar.style.width = w.toFixed(2) + '%';
      bar.style.left = c.contribution < 0 ? (50 - w).toFixed(2) + '%' : '50%';
      const details = el('details', { class: 'component', data: { component: c.id } },
        el('summary', null,
          el('span', { class: 'component-head' },
            el('span', { class: 'component-label', text: c.label }),
            el('span', { class: 'num contribution ' + (c.contribution < 0 ? 'neg' : c.contribution > 0 ? 'pos' : ''), text: c.contributionText })),
          el('span', { class: 'contrib', aria: { hidden: 'true' } }, el('span', { class: 'contrib-axis' }), bar),
          el('span', { class: 'measured', text: c.measured })),
        el('p', { class: 'hint', text: c.description }),
        sentenceList(c.sentences, c.more, m.strings.noSentences));
      if (open.has(c.id)) details.open = true;
      details.addEventListener('toggle', () => {
        if (details.open) open.add(c.id);
        else open.delete(c.id);
        vscode.setState({ open: [...open] });
      });
      s.appendChild(details);
    }
    return s;
  }

  /** The study's checklist: each item ticked or not, opened to show the sentences that decide it. */
  function checklist(m) {
    const s = el('section', { class: 'checklist' }, heading(m.strings.checklist), el('p', { class: 'hint', text: m.strings.checklistHint }));
    for (const item of m.checklist) {
      const key = 'check:' + item.id;
      const details = el('details', { class: 'check ' + (item.ok ? 'ok' : 'missing'), data: { check: item.id } },
        el('summary', null,
          el('span', { class: 'check-mark', aria: { hidden: 'true' }, text: item.ok ? '✓' : '✗' }),
          el('span', { class: 'check-label', text: item.label }),
          el('span', { class: 'visually-hidden', text: item.ok ? m.strings.ticked : m.strings.notTicked }),
          el('span', { class: 'badge', text: item.sentences.length + item.more })),
        el('p', { class: 'hint', text: item.hint }));
      if (item.sentences.length > 0 || item.more > 0) details.appendChild(sentenceList(item.sentences, item.more, m.strings.noSentences));
      if (open.has(key)) details.open = true;
      details.addEventListener('toggle', () => {
        if (details.open) open.add(key);
        else open.delete(key);
        vscode.setState({ open: [...open] });
      });
      s.appendChild(details);
    }
    return s;
  }

  function counts(m) {
    const tbody = el('tbody');
    for (const r of m.counts) {
      tbody.appendChild(el('tr', null, el('th', { text: '«' + r.term + '»', aria: { label: r.term } }), el('td', { class: 'num', text: r.exact }), el('td', { class: 'num', text: r.inflected })));
    }
    return el('section', { class: 'counts' }, heading(m.strings.counts),
      el('table', null,
        el('thead', null, el('tr', null, el('th', { text: m.strings.term }), el('th', { class: 'num', text: m.strings.exact }), el('th', { class: 'num', text: m.strings.inflected }))),
        tbody));
  }

  function district(m) {
    const d = m.district;
    const tbody = el('tbody');
    for (const r of d.rows) tbody.appendChild(el('tr', null, el('th', { text: r.label }), el('td', { class: 'num', text: r.value })));
    const gap = el('div', { class: 'gap' },
      el('h4', null, el('span', { text: m.strings.gap + ' ' }), el('span', { class: 'badge', text: d.gapCount })),
      el('p', { class: 'hint', text: m.strings.gapHint }));
    gap.appendChild(sentenceList(d.gap, d.gapMore, m.strings.noGap));
    return el('section', { class: 'district' }, heading(m.strings.district), el('p', { class: 'summary', text: d.summary }), el('table', null, tbody), gap);
  }

  function sections(m) {
    const s = el('section', { class: 'sections' }, heading(m.strings.sectionsTitle), el('p', { class: 'hint', text: m.strings.sectionsHint }));
    if (m.sections.length === 0) {
      s.appendChild(el('p', { class: 'hint', text: m.strings.noSections }));
      return s;
    }
    const strip = el('div', { class: 'strip', role: 'list' });
    m.sections.forEach((sec, i) => {
      const cell = el('button', { class: 'cell step-' + sec.step, type: 'button', title: sec.tooltip, role: 'listitem', aria: { label: sec.tooltip }, data: { section: i } });
      cell.style.flexGrow = String(Math.max(20, sec.words));
      cell.addEventListener('click', () => reveal('section', i));
      strip.appendChild(cell);
    });
    s.appendChild(strip);
    if (m.topSections.length > 0) {
      s.appendChild(heading(m.strings.topSections, 4));
      const ol = el('ol', { class: 'top-sections' });
      for (const i of m.topSections) {
        const sec = m.sections[i];
        const b = el('button', { class: 'section-link', type: 'button', title: sec.tooltip, data: { section: i } },
          el('span', { class: 'swatch step-' + sec.step, aria: { hidden: 'true' } }),
          el('span', { class: 'snippet', text: sec.title }),
          el('span', { class: 'num where', text: String(sec.directiveDensity) }));
        b.addEventListener('click', () => reveal('section', i));
        ol.appendChild(el('li', null, b));
      }
      s.appendChild(ol);
    }
    return s;
  }

  function render(msg) {
    model = msg.model;
    root.replaceChildren();
    if (!model) {
      const empty = msg.empty || { message: '' };
      const box = el('div', { class: 'empty' }, el('p', { text: empty.message }));
      if (empty.action) {
        const b = el('button', { class: 'primary', type: 'button', text: empty.action.label });
        b.addEventListener('click', () => post({ type: 'command', command: empty.action.command }));
        box.appendChild(b);
      }
      root.appendChild(box);
      return;
    }
    const head = el('header', null, el('h2', { text: model.title, title: model.title }), el('p', { class: 'subtitle', text: model.subtitle }));
    if (model.status) head.appendChild(el('p', { class: 'status', text: model.status }));
    root.append(head, gauge(model), axes(model), checklist(model), components(model), counts(model), district(model), sections(model));
    // Tell the extension what was drawn (read back from the DOM).
    post({
      type: 'rendered',
      model: model.id,
      score: root.querySelector('.score-value').textContent,
      components: root.querySelectorAll('details.component').length,
      sections: root.querySelectorAll('.strip .cell').length,
    });
    post({
      type: 'checklist',
      model: model.id,
      items: root.querySelectorAll('details.check').length,
      ticked: root.querySelectorAll('details.check.ok').length,
    });
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'model') render(msg);
  });
  post({ type: 'ready' });
})();
