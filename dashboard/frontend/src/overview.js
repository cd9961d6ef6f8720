// The overview: this year against last, per channel, per month, per department, checklist coverage.
import {xxgk} from './common.js';
import {base, charting, figure, kpi, monthsOption, monthsTable, valueAxis, yearPage} from './figures.js';

(() => {
  const charts = charting();
  const chart = charts.chart;

  /** A channel's or a department's own page, of the same org and year. */
  const channelPage = (o, c) => `/channel?${new URLSearchParams({org: xxgk.org(), channel: c.channel, year: o.year})}`;
  const departmentPage = (o, d) => `/department?${new URLSearchParams({org: xxgk.org(), department: d.department, year: o.year})}`;

  function heading(o) {
    const parts = [`${o.year}年度`, `统计至 ${xxgk.date(o.asOf)}`];
    parts.push(o.stored.newest ? `数据更新至 ${xxgk.dateTime(o.stored.newest)}` : '尚无已存储的数据');
    document.getElementById('as-of').textContent = parts.join(' · ');
  }

  /** The channels with items this year or last: a channel with neither would be an empty slot. */
  const shown = channels => channels.filter(c => c.items || c.itemsLastYear);

  /** The figures: heading, cards, and each chart's table (what a person can read before the charts come). */
  function render(o) {
    const hasData = o.stored.events > 0;
    heading(o);
    xxgk.years(document.getElementById('year'), o.stored.years, new Date().getFullYear(), o.year);
    const noData = document.getElementById('no-data');
    noData.hidden = hasData;
    noData.textContent = hasData ? '' : `无数据：${o.year}年尚无任何渠道报送的事件${o.stored.years.length
      ? `（有数据的年度：${o.stored.years.map(y => `${y}年`).join('、')}）` : ''}。`;

    kpi('kpi-items', o.current.items, o.previous.items, o.previous.label, '条', hasData);
    kpi('kpi-views', o.current.views, o.previous.views, o.previous.label, '次', hasData);
    kpi('kpi-followers', o.current.followers, o.previous.followers, o.previous.label, '人', hasData);

    const channels = shown(o.channels);
    figure('channels', !hasData ? '无数据' : channels.length ? '' : '本年度与上年度均无各渠道发布的信息',
      [['渠道', `${o.current.label}（条）`, `${o.previous.label}（条）`]].concat(channels.map(c => [c.name, c.items, c.itemsLastYear])));
    // each channel's row leads to its page, as its bar does
    [...document.querySelectorAll('#channels-table tbody tr')].forEach((row, i) => xxgk.link(row.cells[0], channelPage(o, channels[i]), channels[i].name));

    figure('months', hasData ? '' : '无数据', monthsTable(o.months));

    document.getElementById('coverage-total').textContent = `已公开 ${o.checklist.published} / ${o.checklist.total} 项`;
    const categories = o.checklist.categories;
    figure('checklist', categories.length ? '' : '本单位尚未设置清单',
      [['类别', '已公开（项）', '未公开（项）']].concat(categories.map(c => [c.category, c.published, c.total - c.published])));

    const departments = o.departments.length ? o.departments.map(d => [d.department, d.items, d.originalItems, d.views])
      : [[hasData ? '（本年度的信息未注明责任部门）' : '无数据', '', '', '']];
    const table = document.getElementById('departments-table');
    xxgk.table(table, [['责任部门', '信息数（条）', '原创（条）', '浏览量（次）']].concat(departments));
    o.departments.forEach((d, i) => xxgk.link(table.tBodies[0].rows[i].cells[0], departmentPage(o, d), d.department));
    institutions(o);
  }

  /**
   * The province's institutions, sortable by any column (most items first to begin with; coverage
   * by its share), each a link to its own overview of the same year.
   */
  function institutions(o) {
    const card = document.getElementById('institutions');
    card.hidden = o.institutions.length === 0;
    if (card.hidden) {
      return;
    }
    const change = (now, before) => (before === 0 ? null : (now - before) / before * 100);
    const columns = [
      {title: '单位', value: i => i.name},
      {title: '信息数（条）', value: i => i.items},
      {title: '上年同期（条）', value: i => i.itemsLastYear},
      {title: '增减', value: i => change(i.items, i.itemsLastYear), text: v => (v === null ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`)},
      {title: '原创（条）', value: i => i.originalItems},
      {title: '浏览量（次）', value: i => i.views, text: v => xxgk.short(v)},
      {title: '上年同期（次）', value: i => i.viewsLastYear, text: v => xxgk.short(v)},
      {title: '清单覆盖', value: i => (i.checklistTotal ? i.checklistPublished / i.checklistTotal : null),
        text: (v, i) => `${i.checklistPublished} / ${i.checklistTotal} 项`},
    ];
    let sortedBy = 1;
    let descending = true;
    const table = document.getElementById('institutions-table');
    function fill() {
      const rows = [...o.institutions].sort((a, b) => {
        const [x, y] = [columns[sortedBy].value(a), columns[sortedBy].value(b)];
        const order = typeof x === 'string' ? x.localeCompare(y, 'zh-CN') : (x ?? -Infinity) - (y ?? -Infinity);
        return descending ? -order : order;
      });
      table.replaceChildren();
      const head = table.createTHead().insertRow();
      columns.forEach((column, c) => {
        const th = document.createElement('th');
        th.scope = 'col';
        th.setAttribute('aria-sort', c === sortedBy ? (descending ? 'descending' : 'ascending') : 'none');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'sort';
        button.textContent = column.title + (c === sortedBy ? (descending ? ' ▼' : ' ▲') : '');
        button.addEventListener('click', () => {
          descending = c === sortedBy ? !descending : c !== 0;
          sortedBy = c;
          fill();
        });
        th.appendChild(button);
        head.appendChild(th);
      });
      const body = table.createTBody();
      for (const institution of rows) {
        const row = body.insertRow();
        columns.forEach((column, c) => {
          const cell = row.insertCell();
          const value = column.value(institution);
          if (c === 0) {
            xxgk.link(cell, `/?${new URLSearchParams({org: institution.org, year: o.year})}`, value);
          } else {
            cell.className = 'num';
            cell.textContent = column.text ? column.text(value, institution) : xxgk.number(value);
          }
        });
      }
    }
    fill();
  }

  /** The charts, drawn from the same answer once ECharts has come. */
  function draw(init, o) {
    const palette = xxgk.palette();
    const channels = shown(o.channels);
    const categories = o.checklist.categories;
    chart(init, 'channels-chart').setOption({
      ...base(palette, '条'),
      legend: {data: [o.current.label, o.previous.label], top: 0, textStyle: {color: palette.ink}},
      grid: {left: 8, right: 8, top: 40, bottom: 8, containLabel: true},
      xAxis: {type: 'category', data: channels.map(c => c.name), axisLabel: {interval: 0, rotate: 30, color: palette.ink}},
      yAxis: valueAxis(palette),
      series: [
        {name: o.current.label, type: 'bar', data: channels.map(c => c.items),
          label: {show: true, position: 'top', formatter: p => xxgk.short(p.value), color: palette.ink}},
        {name: o.previous.label, type: 'bar', data: channels.map(c => c.itemsLastYear)},
      ],
    }, true);
    chart(init, 'channels-chart').off('click');
    chart(init, 'channels-chart').on('click', p => window.location.assign(channelPage(o, channels[p.dataIndex])));
    chart(init, 'months-chart').setOption(monthsOption(o.months, palette), true);
    chart(init, 'checklist-chart').setOption({
      ...base(palette, '项'),
      legend: {data: ['已公开', '未公开'], top: 0, textStyle: {color: palette.ink}},
      grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true},
      xAxis: valueAxis(palette),
      yAxis: {type: 'category', data: categories.map(c => c.category), inverse: true, axisLabel: {color: palette.ink, width: 110, overflow: 'break'}},
      series: [
        {name: '已公开', type: 'bar', stack: 'all', data: categories.map(c => c.published),
          label: {show: true, formatter: p => (p.value > 0 ? p.value : ''), color: '#fff'}},
        {name: '未公开', type: 'bar', stack: 'all', data: categories.map(c => c.total - c.published)},
      ],
    }, true);
  }

  // the year's figures; the page's head asks for them already (the preload of the same address)
  yearPage(charts, year => xxgk.api('overview', {year}), render, draw);
})();
