// `npm run bench:lighthouse [url]`: Lighthouse (mobile: a mid-range phone on a slow 4G link, its
// defaults) against the login page of a running product (`npm start`; http://localhost:3000 unless a
// URL is given), with Debian's Chromium (CHROME_PATH, /usr/bin/chromium by default). Prints the
// performance and accessibility scores and the audits that cost points; exits 1 below the targets
// (performance 90, accessibility 95), so it can guard a release. The full report: tmp/lighthouse.html.
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const url = process.argv[2] ?? process.env.LIGHTHOUSE_URL ?? 'http://localhost:3000/';
const TARGETS = { performance: 90, accessibility: 95 };
const out = join(root, 'tmp', 'lighthouse');

await mkdir(dirname(out), { recursive: true });
const code = await new Promise((done) => {
  const child = spawn(
    process.execPath,
    [
      join(root, 'node_modules/lighthouse/cli/index.js'),
      url,
      '--quiet',
      '--only-categories=performance,accessibility',
      '--output=json',
      '--output=html',
      `--output-path=${out}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run',
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' },
    },
  );
  child.on('exit', done);
});
if (code !== 0) {
  console.error(`lighthouse exited with ${code}`);
  process.exit(1);
}

const report = JSON.parse(await readFile(`${out}.report.json`, 'utf8'));
const score = (id) => Math.round(report.categories[id].score * 100);
const metric = (id) => report.audits[id]?.displayValue ?? '—';
console.log(
  `Lighthouse ${report.lighthouseVersion}, ${report.configSettings.formFactor}, ${report.finalDisplayedUrl}`,
);
// Lighthouse scales the CPU time it observes (×4 for a mid-range phone): a busy machine scores lower.
console.log(
  `  machine: benchmarkIndex ${report.environment.benchmarkIndex}, load average ${loadavg()[0].toFixed(1)}`,
);
console.log(`  performance   ${score('performance')}  (target ${TARGETS.performance})`);
console.log(`  accessibility ${score('accessibility')}  (target ${TARGETS.accessibility})`);
console.log(
  `  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`,
);
console.log(`  transferred ${metric('total-byte-weight')}`);
const failing = Object.values(report.audits).filter(
  (a) =>
    a.score !== null && a.score < 0.9 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode),
);
for (const audit of failing)
  console.log(`  - ${audit.title}${audit.displayValue ? `: ${audit.displayValue}` : ''}`);
console.log(`  report: ${out}.report.html`);
const below = Object.entries(TARGETS).filter(([id, target]) => score(id) < target);
process.exit(below.length ? 1 : 0);
