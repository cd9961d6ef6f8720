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
      document.getElementById('report-text').textContent = p.text;
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
