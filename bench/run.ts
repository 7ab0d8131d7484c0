// `npm run bench`: every benchmark module's run(), one after another. Prints figures; asserts nothing.
import os from 'node:os';

const modules = [
  './scoring.js',
  './import-text.js',
  './import-binary.js',
  './checks.js',
  './export.js',
  './web.js',
  './server.js',
];
const only = process.argv.slice(2);

console.log(`jixiao benchmarks — node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}`);
for (const m of modules) {
  const name = m.replace(/^\.\/|\.js$/g, '');
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n## ${name}`);
  const mod = (await import(m)) as { run: () => Promise<void> };
  await mod.run();
}
