// Golden pins: score() must give byte-identical JSON for the demo, the seed report and its office-made twins,
// the layout fixtures and a random corpus, under every profile and variant (see golden/golden.ts). The seed
// files live in ../shared and are skipped, visibly, when absent.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profiles } from '../../src/rules/index.js';
import {
  CORPUS,
  DEMO,
  DEMO_FILE,
  PINS_FILE,
  SOURCES,
  available,
  corpus,
  importSource,
  pinOf,
  sheetJson,
} from './golden/golden.js';
import type { Pins } from './golden/golden.js';

const pins = JSON.parse(readFileSync(PINS_FILE, 'utf8')) as Pins;

/**
 * Every profile's sheet must hash as pinned. When one does not, the message says whether the input moved too (an
 * importer, a sample or the model changed: not necessarily scoring); an input that moved while every sheet stayed
 * the same only warns.
 */
function expectPinned(name: string, actual: ReturnType<typeof pinOf>): void {
  const pinned = pins[name];
  expect(pinned, `金标准中没有 ${name}`).toBeDefined();
  const inputMoved = actual.evaluation !== pinned!.evaluation;
  const why = inputMoved
    ? '（计分的输入 Evaluation 也与金标准不同：导入、样本或模型变了，请先确认是否是计分的问题）'
    : '（输入与金标准相同：计分结果变了）';
  expect(Object.keys(actual.sheets)).toEqual(Object.keys(pinned!.sheets));
  for (const [profile, hash] of Object.entries(actual.sheets))
    expect(hash, `${name} 按 ${profile} 计分的 JSON 与金标准不同${why}`).toBe(pinned!.sheets[profile]);
  if (inputMoved) console.warn(`${name}：输入 Evaluation 与金标准不同，但各规则下的计分结果未变`);
}

describe('golden score sheets', () => {
  it(`a random corpus of ${CORPUS.size} evaluations, every profile variant`, () => {
    expectPinned(CORPUS.name, pinOf(corpus()));
  });

  it('the demo, full JSON under every real profile', async () => {
    const ev = await importSource(DEMO);
    // parsed and printed again: the file's layout (indentation, a formatter's line breaks) does not matter, the
    // JSON of score() must be the same byte for byte
    const pinned = JSON.parse(readFileSync(DEMO_FILE, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(pinned)).toEqual(profiles.map((p) => p.id));
    for (const p of profiles) {
      const json = sheetJson(ev, p);
      expect(JSON.parse(json), p.id).toEqual(pinned[p.id]);
      expect(json, p.id).toBe(JSON.stringify(pinned[p.id]));
    }
  });

  for (const source of SOURCES) {
    const present = available(source);
    if (!present) console.warn(`跳过：未找到 ${source.file}，其计分金标准未核对`);
    it.skipIf(!present)(source.name, async () => {
      expectPinned(source.name, pinOf([await importSource(source)]));
    });
  }
});
