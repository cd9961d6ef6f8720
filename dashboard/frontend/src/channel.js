// A channel's page, drilled into from the overview: its year against last, its months beside last
// year's, its most viewed items, its items per checklist category. Org, channel and year live in
// the address.
import {xxgk} from './common.js';
import {charting, figure, kpi, monthsOption, monthsTable, topItemsTable, yearPage} from './figures.js';

(() => {
  const charts = charting();

  function render(o) {
    document.getElementById('page-title').textContent = o.name;
    document.title = `${o.name} · 信息公开统计`;
    document.getElementById('as-of').textContent = `${o.year}年度 · 统计至 ${xxgk.date(o.asOf)}`;
    document.getElementById('back').href = `/?${new URLSearchParams({org: o.org, year: o.year})}`;
    const hasData = o.current.items > 0 || o.current.views > 0;
    kpi('kpi-items', o.current.items, o.previous.items, o.previous.label, '条', true);
    kpi('kpi-original', o.current.originalItems, o.previous.originalItems, o.previous.label, '条', true);
    kpi('kpi-views', o.current.views, o.previous.views, o.previous.label, '次', true);
    kpi('kpi-followers', o.current.followers, o.previous.followers, o.previous.label, '人', true);
    figure('months', hasData || o.previous.items > 0 ? '' : '本年度与上年度均无数据', monthsTable(o.months));

    topItemsTable(document.getElementById('top-table'), o.topItems);
    xxgk.table(document.getElementById('categories-table'), [['清单类别', '信息数（条）']].concat(o.categories.length
      ? o.categories.map(c => [c.category, c.items]) : [['本年度的信息未关联清单事项', '']]));
  }

  function draw(init, o) {
    charts.chart(init, 'months-chart').setOption(monthsOption(o.months, xxgk.palette()), true);
  }

  yearPage(charts, year => xxgk.api(`channels/${encodeURIComponent(document.body.dataset.subject)}/overview`, {year}), render, draw);
})();
