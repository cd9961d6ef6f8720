// Bundles the pages' scripts and the stylesheet with esbuild, into the jar's static/assets/, each
// beside its brotli and gzip copies: the server sends a compressed copy the browser accepts and
// names each file by a hash of its content (Spring's resource chain; the charts' file carries
// esbuild's), so the browser keeps it for a year and fetches it again only when it changed.
import {build} from 'esbuild';
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {brotliCompressSync, constants, gzipSync} from 'node:zlib';

const outdir = process.argv[2];
if (!outdir) {
  throw new Error('usage: node build.mjs <output directory>');
}
// a build's files only: no file of an earlier build left to be served
rmSync(outdir, {recursive: true, force: true});
const common = {bundle: true, minify: true, format: 'esm', target: ['es2020', 'chrome100', 'safari15'], outdir, logLevel: 'warning',
  legalComments: 'none'};
// ECharts apart, named by esbuild's hash of it; each page's code one file (nothing shared to wait
// for after it), the overview importing the charts by that name once its figures are shown
const charts = await build({...common, entryPoints: ['src/charts.js'], entryNames: '[name]-[hash]', metafile: true});
const chartsFile = Object.keys(charts.metafile.outputs).map(path => basename(path)).find(name => name.endsWith('.js'));
await build({...common, entryPoints: ['src/overview.js', 'src/channel.js', 'src/department.js', 'src/report.js', 'src/admin.js', 'src/dashboard.css'],
  external: ['./charts-*'], define: {CHARTS: JSON.stringify(`./${chartsFile}`)}});
for (const name of readdirSync(outdir).filter(n => n.endsWith('.js') || n.endsWith('.css'))) {
  const content = readFileSync(join(outdir, name));
  writeFileSync(join(outdir, name + '.br'), brotliCompressSync(content, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}));
  writeFileSync(join(outdir, name + '.gz'), gzipSync(content, {level: 9}));
}
