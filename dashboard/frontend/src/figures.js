// What the overview and the drill-down pages draw alike: the cards, a chart with its table, the
// monthly trend, the most viewed items, and ECharts, loaded once the figures are shown.
import {xxgk} from './common.js';

/**
 * The page's charts: ECharts is most of its weight, so it comes after the figures are shown
 * (CHARTS: its file, by the name the build gave it, build.mjs); each chart is drawn as SVG (the
 * numbers stay in the page, for screen readers and the browser test) and again when the window is
 * resized.
 */
export function charting() {
  const charts = {};
  const library = import(CHARTS).then(m => m.init);
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  return {
    library,
    chart(init, id) {
      charts[id] = charts[id] || init(document.getElementById(id), null, {renderer: 'svg'});
      return charts[id];
    },
  };
}

/**
 * A page of one year's figures (the overview, a channel's): the year picker (with the year the
 * address asks for), the answer for the chosen year fetched from {@code url(year)}, its figures
 * shown by {@code render}, then its charts by {@code draw} once ECharts has come, drawn again in
 * the colours of the moment (dark or light, screen or paper). The body's data-first-view-ms and
 * data-ready-ms say when, for the browser test. A page without an org to show has no picker, and nothing is asked.
 */
export function yearPage(charting, url, render, draw) {
  const select = document.getElementById('year');
  if (!select) {
    return;   // no org to show (尚无可查看的单位)
  }
  let shown = null;

  async function load() {
    const started = performance.now();
    const year = select.value;
    xxgk.remember({year});
    document.body.dataset.ready = 'false';
    xxgk.status('加载中…');
    try {
      const answer = await xxgk.fetchJson(url(year));
      render(answer);
      shown = answer;
      document.body.dataset.firstViewMs = String(Math.round(performance.now()));
      draw(await charting.library, answer);
      xxgk.status('');
    } catch (e) {
      xxgk.status(`无法加载：${e.message}`, true);
    }
    document.body.dataset.readyMs = String(Math.round(performance.now()));
    document.body.dataset.loadMs = String(Math.round(performance.now() - started));
    document.body.dataset.ready = 'true';
  }

  const asked = xxgk.query('year');
  if (asked) {
    xxgk.years(select, null, new Date().getFullYear(), asked);
  }
  xxgk.followSwitcher();
  select.addEventListener('change', load);
  const redraw = () => shown && charting.library.then(init => draw(init, shown));
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
  window.matchMedia('print').addEventListener('change', redraw);
  load();
}

/** What every chart shares: the page's colours and type, numbers the Chinese way with their unit on hover. */
export function base(palette, unit) {
  return {
    animation: false,
    aria: {enabled: true},
    color: [palette.now, palette.before, palette.line],
    // the page's own font: ECharts measures its labels with it (with another, CJK labels overlap)
    textStyle: {color: palette.ink, fontFamily: getComputedStyle(document.body).fontFamily},
    legend: {top: 0, textStyle: {color: palette.ink}},
    tooltip: {trigger: 'axis', valueFormatter: v => `${xxgk.number(v)} ${unit}`},
  };
}

export function valueAxis(palette, extra) {
  return {type: 'value', minInterval: 1, axisLabel: {formatter: v => xxgk.short(v), color: palette.muted},
    splitLine: {lineStyle: {color: palette.grid}}, ...extra};
}

/** A card's figure: 2281万 at a glance, exact below it, against the same days of last year. */
export function kpi(id, now, before, lastLabel, unit, hasData) {
  const card = document.getElementById(id);
  const value = card.querySelector('.value');
  value.textContent = hasData ? xxgk.short(now) : '无数据';
  value.title = hasData ? `${xxgk.number(now)} ${unit}` : '';
  card.querySelector('.exact').textContent = hasData ? `${xxgk.number(now)} ${unit}` : '';
  const change = before === 0 ? '' : `，${now >= before ? '增长' : '下降'}${Math.abs((now - before) / before * 100).toFixed(1)}%`;
  card.querySelector('.compare').textContent = `${lastLabel} ${xxgk.short(before)} ${unit}${hasData ? change : ''}`;
}

/** A chart, or in its place why there is none; and its numbers as a table (for screen readers, for copying). */
export function figure(id, empty, rows) {
  const card = document.getElementById(id);
  card.classList.toggle('is-empty', Boolean(empty));
  card.querySelector('.chart').setAttribute('aria-label', empty || `${card.querySelector('h2').textContent}：图表，数据见下方数据表`);
  card.dataset.empty = empty || '';
  xxgk.table(card.querySelector('table'), rows);
}

/** The months of a year and of the year before: items as bars, views as lines. */
export function monthsOption(months, palette) {
  return {
    ...base(palette, ''),
    tooltip: {trigger: 'axis', valueFormatter: undefined,
      formatter: ps => [ps[0].axisValue].concat(ps.map(p => `${p.marker}${p.seriesName} ${xxgk.number(p.value)} ${p.seriesIndex < 2 ? '条' : '次'}`)).join('<br>')},
    color: [palette.now, palette.before, palette.line, palette.muted],
    legend: {data: ['本年信息数', '上年信息数', '本年浏览量', '上年浏览量'], top: 0, textStyle: {color: palette.ink}},
    // the legend takes two rows on a phone
    grid: {left: 8, right: 8, top: window.innerWidth < 640 ? 80 : 56, bottom: 8, containLabel: true},
    xAxis: {type: 'category', data: months.map(m => `${m.month}月`), axisLabel: {color: palette.ink}},
    yAxis: [valueAxis(palette, {name: '条'}), valueAxis(palette, {name: '次', splitLine: {show: false}})],
    series: [
      {name: '本年信息数', type: 'bar', data: months.map(m => m.items)},
      {name: '上年信息数', type: 'bar', data: months.map(m => m.itemsLastYear)},
      {name: '本年浏览量', type: 'line', yAxisIndex: 1, data: months.map(m => m.views)},
      {name: '上年浏览量', type: 'line', yAxisIndex: 1, data: months.map(m => m.viewsLastYear), lineStyle: {type: 'dashed'}},
    ],
  };
}

/** The months as a table, under their chart. */
export function monthsTable(months) {
  return [['月份', '本年信息数（条）', '上年信息数（条）', '本年浏览量（次）', '上年浏览量（次）']]
    .concat(months.map(m => [`${m.month}月`, m.items, m.itemsLastYear, m.views, m.viewsLastYear]));
}

/**
 * The most viewed items as a table, each a link to the item where its publication gave an
 * address; {@code extra} columns ({title, value(item)}) after the item's.
 */
export function topItemsTable(table, items, extra = []) {
  xxgk.table(table, [['排名', '信息', ...extra.map(e => e.title), '浏览量（次）']].concat(items.length
    ? items.map((item, i) => [i + 1, item.title || item.item, ...extra.map(e => e.value(item)), item.views])
    : [['', '本年度没有浏览量数据', ...extra.map(() => ''), '']]));
  items.forEach((item, i) => {
    if (/^https?:\/\//.test(item.url)) {
      xxgk.link(table.tBodies[0].rows[i].cells[1], item.url, item.title || item.item).rel = 'noopener';
    }
  });
}
