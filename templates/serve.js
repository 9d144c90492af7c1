// bookish serve: live reload, the diagnostics overlay and the PDF's state. Injected only by `bookish serve`;
// a built page never loads this file.
(() => {
  'use strict';
  const me = document.currentScript;
  const page = me?.dataset.page ?? 'index';
  const version = Number(me?.dataset.version ?? 0);
  const scrollKey = 'bookish-serve-scroll:' + location.pathname;
  let dismissed = null;

  // Scroll position survives the reload: saved just before it, restored once the new page is laid out.
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    const { y, x } = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    restore();
    addEventListener('load', restore, { once: true });
    document.fonts?.ready.then(restore);
  }
  const reload = () => {
    sessionStorage.setItem(scrollKey, JSON.stringify({ x: scrollX, y: scrollY }));
    location.reload();
  };

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // The status chip (bottom right): connection, warnings, the PDF's state.
  const chip = el('div', 'bookish-serve-chip');
  chip.setAttribute('role', 'status');
  chip.setAttribute('aria-live', 'polite');
  const overlay = el('section', 'bookish-serve-overlay');
  overlay.setAttribute('role', 'alert');
  overlay.hidden = true;

  function showOverlay(state) {
    const errors = state.diagnostics.filter(d => d.severity === 'error');
    const key = JSON.stringify(errors);
    overlay.replaceChildren();
    if (errors.length === 0 || dismissed === key) { overlay.hidden = true; return; }
    const head = el('header');
    head.append(el('strong', null, errors.length === 1 ? '1 error' : `${errors.length} errors`),
      el('span', 'bookish-serve-note', state.built ? ' — the page below is the latest build' : ' — the page below is the last good build'));
    const close = el('button', 'bookish-serve-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Hide until the next change');
    close.addEventListener('click', () => { dismissed = key; overlay.hidden = true; });
    head.append(close);
    const list = el('ol');
    for (const d of errors) {
      const li = el('li', 'bookish-serve-diagnostic');
      const where = d.href ? el('a', 'bookish-serve-where', d.where) : el('span', 'bookish-serve-where', d.where);
      if (d.href) { where.href = d.href; where.target = '_blank'; }
      li.append(where, el('span', 'bookish-serve-id', ` ${d.severity} ${d.id}: `), el('span', 'bookish-serve-message', d.message));
      list.append(li);
    }
    overlay.append(head, list);
    overlay.hidden = false;
  }

  function showChip(state, live) {
    chip.replaceChildren();
    const dot = el('span', live ? 'bookish-serve-dot on' : 'bookish-serve-dot', '●');
    dot.title = live ? 'live: the page reloads when you save' : 'not connected to bookish serve';
    chip.append(dot);
    const warnings = state.diagnostics.filter(d => d.severity === 'warning').length;
    if (warnings > 0) chip.append(el('span', 'bookish-serve-warnings', ` ${warnings} warning${warnings === 1 ? '' : 's'}`));
    const pdf = state.pdf;
    if (pdf.state !== 'off') {
      const words = { waiting: 'PDF waiting', building: 'PDF building…', ready: 'PDF ready', failed: 'PDF failed' }[pdf.state] ?? pdf.state;
      const p = pdf.href && pdf.state !== 'building' && pdf.state !== 'waiting' ? el('a', null, words) : el('span', null, words);
      if (pdf.href) { p.href = pdf.href; p.target = '_blank'; }
      p.className = 'bookish-serve-pdf ' + pdf.state + (pdf.current ? '' : ' behind');
      p.dataset.state = pdf.state;
      if (pdf.message) p.title = pdf.message;
      chip.append(' ', p);
    }
  }

  let live = false;
  let last = null;
  async function refresh() {
    let state;
    try { state = await (await fetch('/__bookish/state', { cache: 'no-store' })).json(); } catch { return; }
    const mine = state.pages[page];
    if (mine !== undefined && mine !== version) { reload(); return; }
    last = state;
    showOverlay(state);
    showChip(state, live);
  }

  function connect() {
    const source = new EventSource('/__bookish/events');
    source.addEventListener('open', () => { live = true; refresh(); });
    source.addEventListener('error', () => { live = false; if (last) showChip(last, false); });
    source.addEventListener('hello', refresh);
    source.addEventListener('build', () => { dismissed = null; refresh(); });
    source.addEventListener('pdf', refresh);
  }

  const start = () => {
    document.body.append(overlay, chip);
    connect();
  };
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
