// Shared by the pages: the org switcher, API paths, numbers in Chinese style, safe table building.
export const xxgk = {
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
   * A JSON request in the login session; a refusal becomes an Error naming each bad field, with
   * the answer's status and fields for a page to say in its own words. Changes carry the CSRF
   * token of pages that have one (meta csrf-header, csrf-token).
   */
  async send(method, url, body, accept, extraHeaders) {
    // a page's own request: an ended session gets 401 without a password dialog, and the page reloads into the login form
    const headers = {Accept: accept || 'application/json', 'X-Requested-With': 'xxgk-page', ...extraHeaders};
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
      const fields = answer['invalid-params'] || [];
      const error = new Error(fields.map(p => `${p.name} ${p.reason}`).join('；') || answer.detail || `HTTP ${response.status}`);
      error.status = response.status;
      error.fields = fields;
      throw error;
    }
    return answer;
  },

  /** Exact, with separators: 22,813,246. */
  number(n) {
    return Number(n).toLocaleString('zh-CN');
  },

  /**
   * The Chinese way for a glance: 2281万, 12.5万, 1.2亿; below 10 000 exact. One decimal where it
   * tells something (under 1000万 or 1000亿), none where it would be noise.
   */
  short(n) {
    const value = Number(n);
    const size = Math.abs(value);
    const scaled = (unit, word) => {
      const x = value / unit;
      return (Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('zh-CN') : String(Math.round(x * 10) / 10)) + word;
    };
    if (size >= 1e8) {
      return scaled(1e8, '亿');
    }
    return size >= 1e4 ? scaled(1e4, '万') : xxgk.number(value);
  },

  /** A date or time as people here write it: 2024年12月31日, 2024年12月31日 18:05. */
  date(iso) {
    const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
    return `${y}年${m}月${d}日`;
  },

  dateTime(iso) {
    return `${xxgk.date(iso)} ${iso.slice(11, 16)}`;
  },

  /** The page's state in its address (year, period, org…), so that a link opens the same view. */
  query(name) {
    return new URL(window.location.href).searchParams.get(name);
  },

  remember(params) {
    const url = new URL(window.location.href);
    Object.entries(params).forEach(([k, v]) => (v === null || v === undefined || v === '' ? url.searchParams.delete(k) : url.searchParams.set(k, v)));
    window.history.replaceState(null, '', url);
  },

  /** The colours of the charts, from the stylesheet (light or dark), each ≥ 3:1 against the page. */
  palette() {
    const css = getComputedStyle(document.documentElement);
    const v = name => css.getPropertyValue(name).trim();
    return {now: v('--series-now'), before: v('--series-before'), line: v('--series-line'), ink: v('--ink'), muted: v('--muted'), grid: v('--line')};
  },

  /**
   * A select's years: those given (the years with data; null: not known, the select's own), this
   * year, and the one asked for, newest first; the one asked for selected.
   */
  years(select, withData, current, asked) {
    const known = withData || [...select.options].map(o => Number(o.value));
    const years = [...new Set([...known, current, asked].filter(Boolean).map(Number))].sort((a, b) => b - a);
    select.replaceChildren(...years.map(y => {
      const option = new Option(!withData || withData.includes(y) ? `${y}年` : `${y}年（无数据）`, String(y));
      option.selected = y === Number(asked);
      return option;
    }));
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

  /** A cell's text as a link (a row's way to its own page). */
  link(cell, href, text) {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = text;
    cell.replaceChildren(link);
    return link;
  },

  status(text, error, where) {
    const status = where || document.getElementById('status');
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
