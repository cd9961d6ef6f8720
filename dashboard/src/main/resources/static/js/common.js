// Shared by the pages: the org switcher, API paths, numbers in Chinese style, safe table building.
'use strict';

const xxgk = {
  org() {
    return document.getElementById('org').value;
  },

  /** The API path of the selected org, or of the province's roll-up. */
  api(resource, params) {
    const org = xxgk.org();
    const base = org === 'province' ? '/api/v1/province/' : `/api/v1/orgs/${encodeURIComponent(org)}/`;
    return base + resource + '?' + new URLSearchParams(params).toString();
  },

  fetchJson(url, accept) {
    return xxgk.send('GET', url, undefined, accept);
  },

  /**
   * A JSON request in the login session; a refusal becomes an Error naming each bad field.
   * Changes carry the CSRF token of pages that have one (meta csrf-header, csrf-token).
   */
  async send(method, url, body, accept) {
    // a page's own request: an ended session gets 401 without a password dialog, and the page reloads into the login form
    const headers = {Accept: accept || 'application/json', 'X-Requested-With': 'xxgk-page'};
    const csrfHeader = document.querySelector('meta[name=csrf-header]');
    if (csrfHeader) {
      headers[csrfHeader.content] = document.querySelector('meta[name=csrf-token]').content;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(url, {
      method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
      window.location.reload();
      throw new Error('登录已失效，正在转到登录页…');
    }
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const fields = (answer['invalid-params'] || []).map(p => `${p.name} ${p.reason}`).join('；');
      throw new Error(fields || answer.detail || `HTTP ${response.status}`);
    }
    return answer;
  },

  number(n) {
    return Number(n).toLocaleString('zh-CN');
  },

  /** Fills a table from rows of cells (the first row is the header); text only, never HTML. */
  table(table, rows) {
    table.replaceChildren();
    rows.forEach((cells, i) => {
      const row = (i === 0 ? table.createTHead() : (table.tBodies[0] || table.createTBody())).insertRow();
      cells.forEach(value => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        cell.textContent = typeof value === 'number' ? xxgk.number(value) : value;
        if (typeof value === 'number') {
          cell.className = 'num';
        }
        row.appendChild(cell);
      });
    });
  },

  status(text, error) {
    const status = document.getElementById('status');
    status.textContent = text;
    status.classList.toggle('error', Boolean(error));
  },

  /** Another org: the same page for it (the server checks the viewer may see it). */
  followSwitcher() {
    document.getElementById('org').addEventListener('change', () => {
      const url = new URL(window.location.href);
      url.searchParams.set('org', xxgk.org());
      window.location.assign(url.toString());
    });
  },
};
