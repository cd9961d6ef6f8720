// The report writers' page: pick a period, preview the paragraph and tables, download the files.
'use strict';

(() => {
  const form = document.getElementById('period');

  function period() {
    const kind = form.querySelector('input[name=kind]:checked').value;
    const year = document.getElementById('period-year').value;
    if (kind === 'range') {
      return {from: document.getElementById('period-from').value, to: document.getElementById('period-to').value};
    }
    return {[kind]: year};
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
    const query = Object.assign(period(), {numbers: document.getElementById('numbers').value});
    xxgk.status('生成中…');
    try {
      const p = await xxgk.fetchJson(xxgk.api('report', query), 'application/vnd.xxgk.report-preview+json');
      document.getElementById('report-title').textContent = `${p.period.label}统计（${p.period.from} 至 ${p.period.to}）`;
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
      xxgk.status('');
    } catch (e) {
      xxgk.status(`无法生成：${e.message}`, true);
    }
    document.body.dataset.ready = 'true';
  }

  if (form) {
    xxgk.followSwitcher();
    form.querySelectorAll('input[name=kind]').forEach(r => r.addEventListener('change', kindChanged));
    form.addEventListener('submit', preview);
    preview();
  }
})();
