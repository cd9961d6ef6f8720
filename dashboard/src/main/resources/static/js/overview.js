// The overview: this year against last, per channel, per month, per department, checklist coverage.
'use strict';

(() => {
  const charts = {};

  function chart(id) {
    // SVG keeps the numbers in the page (readable by people with screen readers and by the browser test)
    charts[id] = charts[id] || echarts.init(document.getElementById(id), null, {renderer: 'svg'});
    return charts[id];
  }

  function kpi(id, now, before, lastLabel) {
    const card = document.getElementById(id);
    card.querySelector('.value').textContent = xxgk.number(now);
    const change = before === 0 ? '' : `，${now >= before ? '增长' : '下降'}${Math.abs((now - before) / before * 100).toFixed(1)}%`;
    card.querySelector('.compare').textContent = `${lastLabel} ${xxgk.number(before)}${change}`;
  }

  function render(o) {
    kpi('kpi-items', o.current.items, o.previous.items, o.previous.label);
    kpi('kpi-views', o.current.views, o.previous.views, o.previous.label);
    kpi('kpi-followers', o.current.followers, o.previous.followers, o.previous.label);

    chart('channels-chart').setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {data: [o.current.label, o.previous.label], top: 0},
      grid: {left: 50, right: 20, top: 40, bottom: 70},
      xAxis: {type: 'category', data: o.channels.map(c => c.name), axisLabel: {interval: 0, rotate: 30}},
      yAxis: {type: 'value'},
      series: [
        {name: o.current.label, type: 'bar', data: o.channels.map(c => c.items), label: {show: true, position: 'top'}},
        {name: o.previous.label, type: 'bar', data: o.channels.map(c => c.itemsLastYear)},
      ],
    }, true);

    chart('months-chart').setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {data: ['信息数', '浏览量'], top: 0},
      grid: {left: 50, right: 60, top: 40, bottom: 30},
      xAxis: {type: 'category', data: o.months.map(m => `${m.month}月`)},
      yAxis: [{type: 'value', name: '条'}, {type: 'value', name: '次'}],
      series: [
        {name: '信息数', type: 'bar', data: o.months.map(m => m.items)},
        {name: '浏览量', type: 'line', yAxisIndex: 1, data: o.months.map(m => m.views)},
      ],
    }, true);

    document.getElementById('coverage-total').textContent = `已公开 ${o.checklist.published} / ${o.checklist.total} 项`;
    chart('checklist-chart').setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {data: ['已公开', '未公开'], top: 0},
      grid: {left: 140, right: 30, top: 40},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: o.checklist.categories.map(c => c.category), inverse: true},
      series: [
        {name: '已公开', type: 'bar', stack: 'all', data: o.checklist.categories.map(c => c.published),
          label: {show: true, formatter: p => (p.value > 0 ? p.value : '')}},
        {name: '未公开', type: 'bar', stack: 'all', data: o.checklist.categories.map(c => c.total - c.published)},
      ],
    }, true);

    const departments = o.departments.length ? o.departments.map(d => [d.department, d.items, d.originalItems])
      : [['（本年度的信息未注明责任部门）', '', '']];
    xxgk.table(document.getElementById('departments-table'), [['责任部门', '信息数（条）', '原创（条）']].concat(departments));
  }

  async function load() {
    const started = performance.now();
    document.body.dataset.ready = 'false';
    xxgk.status('加载中…');
    try {
      render(await xxgk.fetchJson(xxgk.api('overview', {year: document.getElementById('year').value})));
      xxgk.status(`更新于 ${new Date().toLocaleTimeString('zh-CN')}`);
    } catch (e) {
      xxgk.status(`无法加载：${e.message}`, true);
    }
    // when the page first became usable, for the browser test's "ready in under a second"
    document.body.dataset.readyMs = String(Math.round(performance.now()));
    document.body.dataset.loadMs = String(Math.round(performance.now() - started));
    document.body.dataset.ready = 'true';
  }

  if (document.getElementById('year')) {
    xxgk.followSwitcher();
    document.getElementById('year').addEventListener('change', load);
    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    load();
  }
})();
