// The «Compare Framing with…» report's webview (src/extension/draft/comparePanel.ts). It renders the model the host
// sends and tells it which sentence was clicked, by item index and side. It builds its DOM with textContent only (the
// model holds text from the documents), sets positions through CSSOM (the CSP allows no inline styles), and keeps
// no state. Messages: src/extension/draft/compareProtocol.ts.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  let model = null;

  const { el } = window.PolicyLensDom; // media/shared/dom.js

  const signClass = (d) => (d > 0 ? 'pos' : d < 0 ? 'neg' : '');

  function gauge(m) {
    const oldMark = el('div', { class: 'mark old', title: m.strings.old + ' ' + m.score.oldText });
    oldMark.style.left = (m.score.oldPosition * 100).toFixed(2) + '%';
    const newMark = el('div', { class: 'mark new', title: m.strings.new + ' ' + m.score.newText });
    newMark.style.left = (m.score.newPosition * 100).toFixed(2) + '%';
    return el('section', { class: 'score' },
      el('div', { class: 'score-row' },
        el('span', { class: 'label', text: m.strings.score }),
        el('span', { class: 'value old', text: m.score.oldText, title: m.score.oldLabel }),
        el('span', { class: 'arrow', text: '→', aria: { hidden: 'true' } }),
        el('span', { class: 'value new', text: m.score.newText, title: m.score.newLabel }),
        el('span', { class: 'delta ' + signClass(m.score.delta), text: '(' + m.score.deltaText + ')' }),
        el('span', { class: 'score-labels', text: m.score.oldLabel + ' → ' + m.score.newLabel })),
      el('div', { class: 'gauge', role: 'img', aria: { label: m.strings.score + ' ' + m.score.oldText + ' → ' + m.score.newText } },
        el('div', { class: 'track' }), el('div', { class: 'zero' }), oldMark, newMark),
      el('div', { class: 'gauge-ends', aria: { hidden: 'true' } },
        el('span', { text: '−100 ' + m.strings.gaugeLeft }), el('span', { text: m.strings.gaugeRight + ' +100' })));
  }

  function measures(m) {
    const tbody = el('tbody');
    for (const r of m.rows) {
      tbody.appendChild(el('tr', null,
        el('th', { text: r.label }),
        el('td', { class: 'num', text: r.oldText }),
        el('td', { class: 'num', text: r.newText }),
        el('td', { class: 'num ' + signClass(r.delta), text: r.deltaText })));
    }
    return el('table', { class: 'measures' },
      el('thead', null, el('tr', null, el('th', { text: m.strings.measure }), el('th', { class: 'num', text: m.strings.old }), el('th', { class: 'num', text: m.strings.new }), el('th', { class: 'num', text: m.strings.change }))),
      tbody);
  }

  /** One version of a sentence: where it is (a link into its document), its framing, its words (changed marked). */
  function side(item, index, which, m) {
    const s = item[which];
    if (!s) return el('div', { class: 'side empty', text: which === 'old' ? m.strings.newOnly : m.strings.oldOnly });
    const text = el('span', { class: 'text' });
    for (const seg of s.segments) text.appendChild(seg.changed ? el('mark', { class: which === 'old' ? 'del' : 'ins', text: seg.text }) : document.createTextNode(seg.text));
    const b = el('button', { class: 'side ' + which, type: 'button', title: m.strings.open, data: { item: index, side: which } },
      el('span', { class: 'meta' },
        el('span', { class: 'where', text: s.where }),
        el('span', { class: 'chip ' + s.framing, text: s.framingLabel }),
        el('span', { class: 'sscore', text: s.scoreText })),
      text);
    b.addEventListener('click', () => vscode.postMessage({ type: 'reveal', model: m.id, item: index, side: which }));
    return b;
  }

  function groups(m) {
    const frag = document.createDocumentFragment();
    for (const g of m.groups) {
      const s = el('section', { class: 'group', data: { group: g.id } },
        el('h3', null, el('span', { text: g.title + ' ' }), el('span', { class: 'badge', text: g.items.length })),
        el('p', { class: 'hint', text: g.hint }));
      if (g.items.length === 0) s.appendChild(el('p', { class: 'hint none', text: m.strings.none }));
      else {
        const head = el('div', { class: 'pair head', aria: { hidden: 'true' } }, el('span', { text: m.oldLabel }), el('span', { text: m.newLabel }), el('span'));
        s.appendChild(head);
        for (const i of g.items) {
          const item = m.items[i];
          s.appendChild(el('div', { class: 'pair item' },
            side(item, i, 'old', m),
            side(item, i, 'new', m),
            el('div', { class: 'change' },
              el('span', { class: 'delta ' + (item.deltaText.startsWith('+') ? 'pos' : item.deltaText.startsWith('\u2212') ? 'neg' : ''), text: item.deltaText }),
              el('span', { class: 'note', text: item.note }))));
        }
      }
      frag.appendChild(s);
    }
    return frag;
  }

  function terms(m) {
    const tbody = el('tbody');
    for (const t of m.terms) tbody.appendChild(el('tr', null, el('th', { text: '«' + t.term + '»' }), el('td', { class: 'num', text: t.oldText }), el('td', { class: 'num', text: t.newText })));
    const s = el('section', { class: 'terms' }, el('h3', { text: m.strings.terms }),
      el('table', { class: 'measures' },
        el('thead', null, el('tr', null, el('th', { text: m.strings.term }), el('th', { class: 'num', text: m.strings.old }), el('th', { class: 'num', text: m.strings.new }))),
        tbody));
    if (m.termsAdded) s.appendChild(el('p', null, el('strong', { text: m.strings.termsAdded + ' ' }), el('span', { text: m.termsAdded })));
    if (m.termsRemoved) s.appendChild(el('p', null, el('strong', { text: m.strings.termsRemoved + ' ' }), el('span', { text: m.termsRemoved })));
    return s;
  }

  function render(m) {
    model = m;
    const head = el('header', null, el('h2', { text: m.title }), el('p', { class: 'summary', text: m.summary }));
    root.replaceChildren(head, gauge(m), measures(m), groups(m), terms(m));
    vscode.postMessage({ type: 'rendered', model: m.id, items: root.querySelectorAll('.pair.item').length, groups: root.querySelectorAll('section.group').length });
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'model' && msg.model) render(msg.model);
  });
  vscode.postMessage({ type: 'ready' });
})();
