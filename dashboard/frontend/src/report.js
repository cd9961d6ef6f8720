// The report writers' page: pick a period, preview the paragraph and tables, download the files,
// and shape the paragraph with the org's report template, previewed as it is edited.
import {xxgk} from './common.js';

(() => {
  const form = document.getElementById('period');
  const PREVIEW = 'application/vnd.xxgk.report-preview+json';

  function period() {
    const kind = form.querySelector('input[name=kind]:checked').value;
    const year = document.getElementById('period-year').value;
    if (kind === 'range') {
      return {from: document.getElementById('period-from').value, to: document.getElementById('period-to').value};
    }
    return {[kind]: year};
  }

  /**
   * The period and number style asked for, in the address (a link opens the same report) and
   * back into the controls from it.
   */
  function rememberPeriod() {
    const kind = form.querySelector('input[name=kind]:checked').value;
    const range = kind === 'range';
    xxgk.remember({kind, year: range ? null : document.getElementById('period-year').value,
      from: range ? document.getElementById('period-from').value : null, to: range ? document.getElementById('period-to').value : null,
      numbers: document.getElementById('numbers').value || null});
  }

  function periodFromAddress() {
    const kind = xxgk.query('kind');
    const radio = kind && form.querySelector(`input[name=kind][value="${CSS.escape(kind)}"]`);
    if (radio) {
      radio.checked = true;
    }
    const year = xxgk.query('year');
    if (year && [...document.getElementById('period-year').options].some(o => o.value === year)) {
      document.getElementById('period-year').value = year;
    }
    for (const [param, id] of [['from', 'period-from'], ['to', 'period-to']]) {
      if (xxgk.query(param)) {
        document.getElementById(id).value = xxgk.query(param);
      }
    }
    const numbers = xxgk.query('numbers');
    if (numbers && [...document.getElementById('numbers').options].some(o => o.value === numbers)) {
      document.getElementById('numbers').value = numbers;
    }
    kindChanged();
  }

  /**
   * Controls changed and not yet previewed (or a preview refused): the text and tables shown are
   * another period's, so they are marked so and the files cannot be downloaded until 预览.
   */
  function stale(isStale) {
    document.getElementById('report').classList.toggle('stale', isStale);
    document.getElementById('report-stale').hidden = !isStale;
    document.querySelectorAll('.downloads a').forEach(link => {
      if (isStale) {
        link.removeAttribute('href');
        link.setAttribute('aria-disabled', 'true');
      } else {
        link.removeAttribute('aria-disabled');
      }
    });
  }

  function kindChanged() {
    const range = form.querySelector('input[name=kind]:checked').value === 'range';
    document.getElementById('period-year').disabled = range;
    document.getElementById('period-from').disabled = !range;
    document.getElementById('period-to').disabled = !range;
  }

  async function preview(event) {
    if (event) {
      event.preventDefault();
    }
    document.body.dataset.ready = 'false';
    const query = period();
    const numbers = document.getElementById('numbers').value;
    if (numbers) {
      query.numbers = numbers;
    }
    xxgk.status('生成中…');
    try {
      // an edited template is previewed as a draft; the files follow the saved one
      const edited = template.edited();
      const p = edited ? await xxgk.send('POST', xxgk.api('report/preview', query), edited, PREVIEW)
        : await xxgk.fetchJson(xxgk.api('report', query), PREVIEW);
      // the heading names the institution, the period and the day the figures stand at: it is what a print shows
      document.getElementById('report-title').textContent = `${p.orgName} ${p.period.label}统计（${p.period.from} 至 ${p.period.to}，数据截至 ${p.asOf}）`;
      // a paragraph a section, as the files have them
      document.getElementById('report-text').replaceChildren(...p.text.split('\n').map(line => {
        const paragraph = document.createElement('p');
        paragraph.className = 'paragraph';
        paragraph.textContent = line;
        return paragraph;
      }));
      // a kind of figure nobody has sent is left out of the text: the writer should know, not be told 未收到
      const missing = p.sections.filter(s => !s.reported).map(s => s.title);
      const warning = document.getElementById('report-missing');
      warning.hidden = missing.length === 0;
      warning.textContent = missing.length ? `以下部分没有任何数据接入，未写入报告文字（不是“未收到”）：${missing.join('、')}` : '';
      xxgk.table(document.getElementById('summary-table'), p.tables.summary);
      xxgk.table(document.getElementById('channels-table'), p.tables.channels);
      xxgk.table(document.getElementById('checklist-table'), p.tables.checklist);
      xxgk.table(document.getElementById('departments-table'), p.tables.departments);
      for (const format of ['csv', 'xlsx', 'docx']) {
        const link = document.getElementById(`download-${format}`);
        if (link) {
          link.href = xxgk.api('report', Object.assign({}, query, {format}));
        }
      }
      for (const format of ['xlsx', 'docx']) {
        const link = document.getElementById(`download-checklist-${format}`);
        if (link) {
          link.href = xxgk.api('checklist-table', Object.assign(period(), {format}));
        }
      }
      stale(false);
      rememberPeriod();
      xxgk.status(edited ? '预览按未保存的模板；下载的文件按已保存的模板' : '');
    } catch (e) {
      stale(true);
      xxgk.status(`无法生成：${e.message}`, true);
    }
    document.body.dataset.ready = 'true';
  }

  /** The template editor: what the writer changed, saved with the version it started from. */
  const template = (() => {
    const card = document.getElementById('template');
    const FIGURES = {items: '信息数', originalItems: '原创', views: '浏览量', readers: '阅读人数', followers: '订阅人数', issues: '期数'};
    const STYLES = {'': '默认', exact: '精确', rounded: '约数', off: '不写'};
    const SECTIONS = {period: '数据统计期限', proactive: '主动公开情况', requests: '依申请公开和不予公开情况',
      complaints: '举报、复议、诉讼', service: '信息公开服务情况'};
    let loaded = null;
    let savedDraft = '';
    let timer = null;

    function select(options, value, label) {
      const element = document.createElement('select');
      element.setAttribute('aria-label', label);
      for (const [v, text] of Object.entries(options)) {
        element.add(new Option(text, v, false, v === (value || '')));
      }
      return element;
    }

    function input(value, label, size) {
      const element = document.createElement('input');
      element.value = value || '';
      element.size = size;
      element.setAttribute('aria-label', label);
      return element;
    }

    function cell(row, ...children) {
      const td = row.insertCell();
      td.append(...children);
      return td;
    }

    function move(row, by) {
      const sibling = by < 0 ? row.previousElementSibling : row.nextElementSibling;
      if (sibling) {
        row.parentNode.insertBefore(row, by < 0 ? sibling : sibling.nextElementSibling);
        changed();
      }
    }

    function button(text, label, action) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = text;
      b.setAttribute('aria-label', label);
      b.addEventListener('click', action);
      return b;
    }

    function render(t) {
      loaded = t;
      document.getElementById('template-version').textContent = t.version
        ? `（第 ${t.version} 版，${t.changedBy} 保存于 ${new Date(t.changedAt).toLocaleString('zh-CN')}）` : '（默认，尚未保存）';
      document.getElementById('template-numbers').value = t.numbers;
      const total = document.getElementById('template-total');
      total.replaceChildren(...Object.entries(STYLES).map(([v, text]) => new Option(text, v, false, v === (t.total || ''))));
      document.getElementById('template-academic-year').value = t.academicYearLabel;
      document.getElementById('template-sections').replaceChildren(...Object.entries(SECTIONS).map(([id, title]) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.dataset.section = id;
        box.checked = t.sections[id] !== false;
        label.append(box, ' ', title);
        return label;
      }));
      const table = document.getElementById('template-channels');
      xxgk.table(table, [['顺序', '渠道', '名称', '动词', '浏览量称谓', '浏览量约数', '接上一渠道', ...Object.values(FIGURES)]]);
      const body = table.createTBody();
      for (const c of t.channels) {
        const row = body.insertRow();
        row.dataset.channel = c.channel;
        row.dataset.readersLabel = c.readersLabel;
        row.dataset.followersLabel = c.followersLabel;
        cell(row, button('↑', `${c.label} 上移`, () => move(row, -1)), button('↓', `${c.label} 下移`, () => move(row, 1)));
        cell(row, c.channel);
        cell(row, input(c.label, `${c.channel} 名称`, 10)).dataset.field = 'label';
        cell(row, input(c.verb, `${c.channel} 动词`, 4)).dataset.field = 'verb';
        cell(row, input(c.viewsLabel, `${c.channel} 浏览量称谓`, 10)).dataset.field = 'viewsLabel';
        cell(row, select({'余': '190余万', '多': '2000万多'}, c.viewsRoundWith, `${c.channel} 浏览量约数`)).dataset.field = 'viewsRoundWith';
        const join = document.createElement('input');
        join.type = 'checkbox';
        join.checked = c.joinPrevious === true;
        join.setAttribute('aria-label', `${c.channel} 接上一渠道（电子政务平台达1259条）`);
        cell(row, join).dataset.field = 'joinPrevious';
        for (const [figure, name] of Object.entries(FIGURES)) {
          cell(row, select(STYLES, c[figure], `${c.channel} ${name}`)).dataset.field = figure;
        }
      }
      savedDraft = JSON.stringify(draft());
    }

    /** The template as the editor shows it, with the version it was loaded at. */
    function draft() {
      const channels = [...document.querySelectorAll('#template-channels tbody tr')].map(row => {
        const c = {channel: row.dataset.channel, readersLabel: row.dataset.readersLabel, followersLabel: row.dataset.followersLabel};
        row.querySelectorAll('td[data-field]').forEach(td => {
          const control = td.firstElementChild;
          const value = control.type === 'checkbox' ? control.checked : control.value;
          if (value !== '') {
            c[td.dataset.field] = value;
          }
        });
        return c;
      });
      const sections = {};
      document.querySelectorAll('#template-sections input').forEach(box => { sections[box.dataset.section] = box.checked; });
      const total = document.getElementById('template-total').value;
      return Object.assign({
        version: loaded.version,
        numbers: document.getElementById('template-numbers').value,
        academicYearLabel: document.getElementById('template-academic-year').value,
        sections, channels,
      }, total ? {total} : {});
    }

    function changed() {
      clearTimeout(timer);
      timer = setTimeout(preview, 300);
    }

    function status(text, error) {
      const element = document.getElementById('template-status');
      element.textContent = text;
      element.classList.toggle('error', Boolean(error));
    }

    async function load() {
      render(await xxgk.fetchJson(xxgk.api('report-template', {})));
    }

    async function save() {
      status('保存中…');
      try {
        render(await xxgk.send('PUT', xxgk.api('report-template', {}), draft()));
        status(`已保存第 ${loaded.version} 版`);
      } catch (e) {
        // 409: someone saved meanwhile; the writer reloads and edits again rather than overwrite it
        status(`未保存：${e.message}`, true);
      }
      preview();
    }

    if (card) {
      card.addEventListener('input', changed);
      card.addEventListener('change', changed);
      document.getElementById('template-save').addEventListener('click', save);
      document.getElementById('template-reset').addEventListener('click', async () => {
        await load();
        status('');
        preview();
      });
    }

    return {
      load: () => (card ? load().catch(e => status(`无法读取模板：${e.message}`, true)) : Promise.resolve()),
      /** The edited template, or null when it is as saved (or there is no editor). */
      edited: () => {
        if (!loaded) {
          return null;
        }
        const now = draft();
        return JSON.stringify(now) === savedDraft ? null : now;
      },
    };
  })();

  /** The whole annual report's draft for the chosen year: the writer's text of each section, saved with its version. */
  const draft = (() => {
    const card = document.getElementById('draft');
    let loaded = null;

    function status(text, error) {
      const element = document.getElementById('draft-status');
      element.textContent = text;
      element.classList.toggle('error', Boolean(error));
    }

    function render(d) {
      loaded = d;
      document.getElementById('draft-year').textContent = `${d.year}年度`;
      document.getElementById('draft-version').textContent = d.version
        ? `（第 ${d.version} 版，${d.changedBy} 保存于 ${new Date(d.changedAt).toLocaleString('zh-CN')}）`
        : d.carriedFrom ? `（尚未保存，文字沿用${d.carriedFrom}年度）` : '（尚未保存）';
      document.getElementById('draft-sections').replaceChildren(...d.sections.map(s => {
        const part = document.createElement('div');
        part.className = 'draft-section';
        const heading = document.createElement('h3');
        heading.textContent = s.title;
        const text = document.createElement('textarea');
        text.dataset.section = s.id;
        text.rows = 4;
        text.value = s.text;
        text.placeholder = s.hint;
        text.setAttribute('aria-label', `${s.title} 正文`);
        part.append(heading, text);
        if (s.statistics) {
          const statistics = document.createElement('p');
          statistics.className = 'paragraph note';
          statistics.textContent = `统计数据（自动生成）：${s.statistics}`;
          part.append(statistics);
        }
        return part;
      }));
      document.getElementById('draft-download').href = xxgk.api('annual-report', {year: d.year, format: 'docx'});
      document.getElementById('draft-history').textContent = d.versions.length
        ? `历史版本：${d.versions.map(v => `第${v.version}版 ${v.changedBy} ${new Date(v.changedAt).toLocaleString('zh-CN')}`).join('；')}` : '';
    }

    async function load() {
      if (!card) {
        return;
      }
      try {
        render(await xxgk.fetchJson(xxgk.api('annual-report', {year: document.getElementById('period-year').value})));
        status('');
      } catch (e) {
        status(`无法读取：${e.message}`, true);
      }
    }

    async function save() {
      status('保存中…');
      const sections = [...document.querySelectorAll('#draft-sections textarea')].map(t => ({id: t.dataset.section, text: t.value}));
      try {
        render(await xxgk.send('PUT', xxgk.api('annual-report', {year: loaded.year}), {version: loaded.version, sections}));
        status(`已保存第 ${loaded.version} 版`);
      } catch (e) {
        // 409: someone saved meanwhile; nothing is overwritten
        status(`未保存：${e.message}`, true);
      }
    }

    if (card) {
      document.getElementById('draft-save').addEventListener('click', save);
    }
    return {load};
  })();

  if (form) {
    xxgk.followSwitcher();
    periodFromAddress();
    form.querySelectorAll('input[name=kind]').forEach(r => r.addEventListener('change', kindChanged));
    form.addEventListener('change', () => stale(true));
    form.addEventListener('submit', preview);
    document.getElementById('period-year').addEventListener('change', () => draft.load());
    template.load().then(() => preview());
    draft.load();
  }
})();
