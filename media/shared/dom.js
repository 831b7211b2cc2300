// What the webviews that draw a model the host sends have in common (the Framing view, the «Compare Framing with…»
// report, the audit's comparison panel): el(), which builds their DOM with textContent only (the models hold text
// from the documents). src/extension/webviewPage.ts loads this script by nonce before each view's own; it defines
// `PolicyLensDom` and nothing else.
(function () {
  'use strict';

  /** An element: el('div', { class: 'x', text: 'y', aria: { label: 'z' } }, ...children). */
  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    const p = props || {};
    if (p.class) e.className = p.class;
    if (p.text !== undefined) e.textContent = String(p.text);
    if (p.title) e.title = p.title;
    if (p.role) e.setAttribute('role', p.role);
    if (p.aria) for (const [k, v] of Object.entries(p.aria)) e.setAttribute('aria-' + k, String(v));
    if (p.data) for (const [k, v] of Object.entries(p.data)) e.dataset[k] = String(v);
    if (p.type) e.type = p.type;
    for (const c of children) if (c) e.appendChild(c);
    return e;
  }

  window.PolicyLensDom = Object.freeze({ el });
})();
