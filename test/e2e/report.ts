/** The e2e test's input: the bundled demo report with faults planted in it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './harness.js';

function mode(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * The demo report, moved to another year, with two faults planted generically in the 自评表 rows that fell short of their
 * weight (得分 < 分值): the first claims its full weight as 得分 (the unit fixes it), the second loses its
 * 偏差原因分析及改进措施 (left for the reviewer to find).
 */
export function faultyReport(year: number): { text: string; weight: string; score: string } {
  const original = readFileSync(path.join(REPO, 'examples/shili-rongmeiti-2024.txt'), 'utf8');
  // moved to `year` consistently (every year written before 年, the report's own year being the most frequent),
  // so that only the planted faults are new
  const years = original.match(/20\d\d(?=年)/g) ?? [];
  const own = Number(mode(years));
  const text = original.replace(/(20\d\d)(?=年)/g, (y) => String(Number(y) - own + year));
  // a row's last cells: <分值>, <得分>, <偏差原因> (the 分值 cell starts with an ideographic space, U+3000)
  const short = [...text.matchAll(/\t\u3000(\d+(?:\.\d+)?)\n\t(\d+\.\d+)\n\t([^\n]+)\n/g)].filter(
    (m) => Number(m[2]) < Number(m[1]),
  );
  const [first, second] = short;
  if (!first || !second || first.index === undefined || second.index === undefined) {
    throw new Error('the demo report needs two indicator rows short of their weight');
  }
  const [, weight, score] = first as unknown as [string, string, string];
  const edits = [
    { at: first.index, length: first[0].length, with: `\t\u3000${weight}\n\t${weight}\n\t${first[3]}\n` },
    { at: second.index, length: second[0].length, with: `\t\u3000${second[1]}\n\t${second[2]}\n\t\n` },
  ].sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.with + out.slice(e.at + e.length);
  return { text: out, weight, score };
}
