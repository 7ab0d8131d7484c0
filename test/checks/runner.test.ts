import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogue, checkEvaluation, compareFindings, runChecks, summarise } from '../../src/checks/index.js';
import type { Check, Finding } from '../../src/checks/index.js';
import { figure } from '../../src/model/index.js';
import { score } from '../../src/scoring/index.js';
import { cleanInput } from './clean.js';
import { evaluation, f, national } from './helpers.js';

describe('the catalogue', () => {
  it('has unique, stable ids with a family prefix, zh-CN titles and a known severity', () => {
    const prefix = {
      structure: 'struct',
      arithmetic: 'arith',
      crossTable: 'xtable',
      narrative: 'narr',
      plausibility: 'plaus',
      completeness: 'compl',
    };
    const ids = catalogue.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of catalogue) {
      expect(c.id).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(c.id.split('.')[0]).toBe(prefix[c.family]);
      expect(c.title).toMatch(/[\u4e00-\u9fff]/);
      expect(['error', 'warning', 'info']).toContain(c.severity);
    }
  });

  it('implements every R-7 rule of rules.md', () => {
    const rules = new Set(catalogue.flatMap((c) => c.rules ?? []));
    for (let i = 1; i <= 13; i++) expect(rules.has(`R-7.${i}`), `R-7.${i}`).toBe(true);
  });

  it('no check reports a finding more severe than its own severity', () => {
    const rank = { error: 0, warning: 1, info: 2 };
    const input = cleanInput();
    input.selfEvaluation!.indicators![1]!.actual = f('125篇');
    const ev = evaluation(input);
    const sheet = score(ev, national());
    for (const c of catalogue) {
      for (const x of runChecks(ev, national(), sheet, [c]))
        expect(rank[x.severity]).toBeGreaterThanOrEqual(rank[c.severity]);
    }
  });

  it('src/checks holds nothing of the seed report (names, figures, phrases)', () => {
    const dir = fileURLToPath(new URL('../../src/checks/', import.meta.url));
    const seedWords = [
      '北塔',
      '邵阳',
      '融媒体',
      '李阳',
      '18608492',
      '312.95',
      '185.32',
      '182.32',
      '81.32',
      '331',
      '556',
      '0.30',
      '220.21',
      '107.90',
      '210.99',
      '9.45',
      '短视频',
      '优稿',
      '应急广播',
      '11月30日',
    ];
    for (const file of readdirSync(dir)) {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      for (const w of seedWords) expect(text.includes(w), `${file} contains “${w}”`).toBe(false);
    }
  });
});

describe('runChecks', () => {
  it('turns a check that throws into one internal info finding and runs the others', () => {
    const broken: Check = {
      id: 'test.broken',
      family: 'structure',
      severity: 'error',
      title: '测试用的出错检查',
      run() {
        throw new Error('boom');
      },
    };
    const ok: Check = { ...broken, id: 'test.ok', run: () => [] };
    const found = runChecks(evaluation(cleanInput()), national(), undefined, [broken, ok]);
    expect(found).toEqual([
      {
        rule: 'internal',
        severity: 'info',
        message: expect.stringContaining('test.broken') as string,
        where: [],
        values: { check: 'test.broken' },
      },
    ]);
  });

  it('sorts by severity, then by where the finding stands in the file, then by path', () => {
    const at = (severity: Finding['severity'], path: string, line?: number): Finding => ({
      rule: 'x',
      severity,
      message: '',
      values: {},
      where: [line === undefined ? { path } : { path, source: { file: 'a.txt', line, text: '' } }],
    });
    const list = [
      at('info', 'title', 1),
      at('warning', 'selfEvaluation.indicators.10', 300),
      at('warning', 'basicData.notes', 200),
      at('error', 'selfEvaluation.totalScore'),
      at('warning', 'selfEvaluation.indicators.2'),
      at('warning', 'finances.income'),
    ];
    expect(list.sort(compareFindings).map((x) => `${x.severity} ${x.where[0]?.path}`)).toEqual([
      'error selfEvaluation.totalScore',
      'warning basicData.notes',
      'warning selfEvaluation.indicators.10',
      'warning finances.income',
      'warning selfEvaluation.indicators.2',
      'info title',
    ]);
  });

  it('looks up each place’s source: its own, else its nearest recorded parent', () => {
    const input = cleanInput();
    input.sources = {
      'selfEvaluation.meta.contactPhone': { file: 'r.txt', line: 99, text: '联系电话：0731-1234568' },
      basicData: { file: 'r.txt', line: 40, text: '基础数据表' },
    };
    input.selfEvaluation!.meta = { ...input.selfEvaluation!.meta, contactPhone: '0731-1234568' };
    const [finding] = runChecks(evaluation(input), national());
    expect(finding?.rule).toBe('xtable.contact-phone');
    expect(finding?.where).toEqual([
      { path: 'basicData.meta.contactPhone', source: { file: 'r.txt', line: 40, text: '基础数据表' } },
      { path: 'selfEvaluation.meta.contactPhone', source: { file: 'r.txt', line: 99, text: '联系电话：0731-1234568' } },
    ]);
    expect(finding?.values).toEqual({
      'basicData.meta.contactPhone': '0731-1234567',
      'selfEvaluation.meta.contactPhone': '0731-1234568',
    });
  });

  it('never fails on odd cell contents (property: no internal findings)', () => {
    const cells = fc.constantFrom(
      '',
      '0',
      '-3',
      '无',
      '——',
      '……',
      '≥',
      '95',
      '95%',
      '≤12万元',
      '2023年12月31日前',
      '提升',
      '优',
      '1e5',
      '１２',
      '60%-80%',
      'abc',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom('target', 'actual', 'weight', 'selfScore'), cells),
          { maxLength: 6 },
        ),
        (edits) => {
          const input = cleanInput();
          for (const [i, field, text] of edits) input.selfEvaluation!.indicators![i]![field] = figure(text);
          const found = checkEvaluation(evaluation(input), national()).findings;
          expect(found.filter((x) => x.rule === 'internal')).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('checkEvaluation: the public JSON contract', () => {
  it('gives score, findings and summary, and survives a JSON round trip', () => {
    const input = cleanInput();
    input.selfEvaluation!.indicators![1]!.actual = f('90篇');
    const result = checkEvaluation(evaluation(input), national());
    expect(Object.keys(result).sort()).toEqual(['findings', 'score', 'summary']);
    expect(result.score.selfReported).toEqual({ total: 99.66, grade: '优' });
    expect(result.score.recomputed).toEqual({ total: 98.66, grade: '优' });
    expect(result.score.items[0]?.label).toBe('预算执行率');
    expect(result.score.items).toHaveLength(10);
    expect(result.summary).toEqual(summarise(result.findings));
    expect(result.summary.errors).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    for (const x of result.findings) {
      expect(Object.keys(x).every((k) => ['rule', 'severity', 'message', 'where', 'values', 'fix'].includes(k))).toBe(
        true,
      );
    }
  });
});
