// A department's page, drilled into from the overview: its year against last, its months beside
// last year's, its most viewed items, the checklist items it published or answers for. Org,
// department and year live in the address.
import {xxgk} from './common.js';
import {charting, figure, kpi, monthsOption, monthsTable, topItemsTable, yearPage} from './figures.js';

(() => {
  const charts = charting();

  function render(o) {
    const [now, before] = [o.current, o.previous];
    document.getElementById('page-title').textContent = o.department;
    document.title = `${o.department} · 信息公开统计`;
    document.getElementById('as-of').textContent = `${o.year}年度 · 统计至 ${xxgk.date(o.asOf)}`;
    document.getElementById('back').href = `/?${new URLSearchParams({org: o.org, year: o.year})}`;
    const hasData = now.items > 0 || now.views > 0;
    kpi('kpi-items', now.items, before.items, before.label, '条', true);
    kpi('kpi-original', now.originalItems, before.originalItems, before.label, '条', true);
    kpi('kpi-views', now.views, before.views, before.label, '次', true);
    kpi('kpi-readers', now.readers, before.readers, before.label, '人', true);
    figure('months', hasData || before.items > 0 || before.views > 0 ? '' : '本年度与上年度均无数据', monthsTable(o.months));
    topItemsTable(document.getElementById('top-table'), o.topItems, [{title: '渠道', value: item => item.channelName}]);
    const role = c => [c.published ? '发布' : '', c.responsible ? '负责' : ''].filter(Boolean).join('、');
    xxgk.table(document.getElementById('checklist-table'), [['序号', '清单事项', '本部门', '状态']].concat(o.checklist.length
      ? o.checklist.map(c => [String(c.item), c.title, role(c), c.status]) : [['', '本年度本部门未发布、也不负责清单事项', '', '']]));
  }

  function draw(init, o) {
    charts.chart(init, 'months-chart').setOption(monthsOption(o.months, xxgk.palette()), true);
  }

  yearPage(charts, year => xxgk.api(`departments/${encodeURIComponent(document.body.dataset.subject)}/overview`, {year}), render, draw);
})();
