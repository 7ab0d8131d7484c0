// Text import throughput: the seed report (RawDocument only, and the whole import to an Evaluation) per second on
// one core, and time and peak memory for a generated 50 MB text. Prints figures; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importFile } from '../src/formats/import.js';
import { recognize } from '../src/formats/recognize/index.js';
import { textToRaw } from '../src/formats/text/import.js';

const SEED = fileURLToPath(new URL('../../shared/seed/beita-rongmeiti-2023.txt', import.meta.url));
const FALLBACK = fileURLToPath(new URL('../test/fixtures/layouts/hubei.txt', import.meta.url));

/**
 * Calls of `fn` per second on one core: after a warm-up, `rounds` rounds of about `roundMs` each; the best round
 * (other load on a shared machine only ever slows a round down) and the median round.
 */
async function perSecond(fn: () => unknown, rounds = 12, roundMs = 250): Promise<{ best: number; median: number }> {
  const warmUntil = performance.now() + 2000;
  while (performance.now() < warmUntil) await fn();
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < roundMs) {
      await fn();
      n++;
    }
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  return { best: rates[rates.length - 1]!, median: rates[Math.floor(rates.length / 2)]! };
}

const rate = (r: { best: number; median: number }): string =>
  `${r.best.toFixed(0)} 次/秒（最好的一轮；各轮中位数 ${r.median.toFixed(0)}）`;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function run(): Promise<void> {
  const path = existsSync(SEED) ? SEED : FALLBACK;
  const bytes = new Uint8Array(readFileSync(path));
  const name = path === SEED ? '种子报告' : '自带样例 hubei.txt（找不到 ../shared 的种子报告）';
  console.log(`输入：${name}，${bytes.length} 字节`);

  const rawRate = await perSecond(() => textToRaw(bytes, 'seed.txt'));
  const raw = textToRaw(bytes, 'seed.txt');
  const recRate = await perSecond(() => recognize(raw));
  const fullRate = await perSecond(() => importFile(bytes, 'seed.txt'));
  console.log(`文本 → RawDocument（textToRaw）：${rate(rawRate)}，单核`);
  console.log(`RawDocument → Evaluation（recognize，含按 zod 模式的完整校验）：${rate(recRate)}`);
  console.log(`完整导入（importFile：解码、分块、识别、校验）：${rate(fullRate)}；目标 ≥ 2000 次/秒`);

  // a generated 50 MB text: the report repeated, each copy with its two tables
  const text = new TextDecoder().decode(bytes);
  const copies = Math.ceil((50 * 1024 * 1024) / bytes.length);
  const big = new TextEncoder().encode(Array.from({ length: copies }, () => text).join('\n\n\n'));
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const bigRaw = textToRaw(big, 'big.txt');
  const t1 = performance.now();
  const peakAfterRaw = process.resourceUsage().maxRSS * 1024;
  const evaluation = recognize(bigRaw);
  const t2 = performance.now();
  const peak = process.resourceUsage().maxRSS * 1024;
  const tables = bigRaw.blocks.filter((b) => b.type === 'table').length;
  console.log(
    `50 MB 文本（${mb(big.length)}，${bigRaw.blocks.length} 个块，其中 ${tables} 张表）：` +
      `textToRaw ${(t1 - t0).toFixed(0)} ms，识别 ${(t2 - t1).toFixed(0)} ms`,
  );
  console.log(
    `内存：开始前 RSS ${mb(rssBefore)}，textToRaw 后峰值 ${mb(peakAfterRaw)}，识别后峰值 ${mb(peak)}` +
      `（识别结果：${evaluation.narrative.sections.length} 个章节，${evaluation.unrecognised.length} 条未识别内容）`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
