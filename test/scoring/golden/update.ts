// Rewrites the golden pins of score() (pins.json, demo.json). Run only when a change to the output is intended:
//   npx tsx test/scoring/golden/update.ts
import { writeFile } from 'node:fs/promises';
import {
  CORPUS,
  DEMO,
  DEMO_FILE,
  PINS_FILE,
  SOURCES,
  available,
  corpus,
  demoSheets,
  importSource,
  pinOf,
} from './golden.js';
import type { Pins } from './golden.js';

const pins: Pins = {};
for (const s of SOURCES) {
  if (!available(s)) {
    console.warn(`跳过：未找到 ${s.file}`);
    continue;
  }
  const ev = await importSource(s);
  pins[s.name] = pinOf([ev]);
  if (s === DEMO) await writeFile(DEMO_FILE, demoSheets(ev));
}
pins[CORPUS.name] = pinOf(corpus());
await writeFile(PINS_FILE, `${JSON.stringify(pins, null, 2)}\n`);
console.log(`已写入 ${Object.keys(pins).length} 组金标准：${PINS_FILE}`);
