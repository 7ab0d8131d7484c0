import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportEvaluation } from '../../../src/formats/export.js';
import { importFile } from '../../../src/formats/import.js';
import type { Evaluation } from '../../../src/model/index.js';
import { differences, projectEvaluation } from './compare.js';
import { sampleEvaluation } from './fixture.js';
import { DEMO, hasDemo, hasSeed, SEED, warnSkip } from './tools.js';

/*
 * export → import gives back the same Evaluation: every figure (by value: 104 and 104.00 are the same amount), every
 * label, the indicator tree and, for .docx, the narrative. A workbook holds only the two forms, so for .xlsx the
 * forms are compared.
 */

const FORMS = ['basicData', 'selfEvaluation'] as const;

function formsOf(e: Evaluation, withIds = true): Record<string, unknown> {
  const p = projectEvaluation(e);
  const forms = Object.fromEntries(FORMS.map((k) => [k, p[k]]));
  if (!withIds) {
    // an importer numbers the indicators its own way
    const se = forms['selfEvaluation'] as { indicators?: { id?: string }[] } | undefined;
    for (const i of se?.indicators ?? []) delete i.id;
  }
  return forms;
}

async function roundTrip(e: Evaluation, format: 'docx' | 'xlsx'): Promise<Evaluation> {
  const bytes = await exportEvaluation(e, format);
  return (await importFile(bytes, `roundtrip.${format}`)).evaluation;
}

async function load(file: string): Promise<Evaluation> {
  return (await importFile(new Uint8Array(readFileSync(file)), file)).evaluation;
}

const cases = [
  { name: 'the demo report', file: DEMO, present: hasDemo },
  { name: 'the seed report', file: SEED, present: hasSeed },
];

for (const c of cases) {
  describe.skipIf(warnSkip(!c.present, `round trip on ${c.name}: ${c.file} is absent`))(`round trip: ${c.name}`, () => {
    it('.docx → import gives the same Evaluation (figures, indicator tree, narrative)', async () => {
      const e = await load(c.file);
      const back = await roundTrip(e, 'docx');
      expect(differences(projectEvaluation(e), projectEvaluation(back))).toEqual([]);
    });

    it('.xlsx → import gives the same forms (基础数据表, 自评表)', async () => {
      const e = await load(c.file);
      const back = await roundTrip(e, 'xlsx');
      expect(differences(formsOf(e), formsOf(back))).toEqual([]);
    });
  });
}

describe('round trip: an Evaluation made without any importer', () => {
  it('.docx and .xlsx keep the forms; .docx keeps the narrative', async () => {
    const e = sampleEvaluation();
    const docx = await roundTrip(e, 'docx');
    expect(differences(formsOf(e, false), formsOf(docx, false))).toEqual([]);
    expect(docx.narrative.sections.map((s) => [s.key, s.heading, s.text])).toEqual(
      e.narrative.sections.map((s) => [s.key, s.heading, s.text]),
    );
    const xlsx = await roundTrip(e, 'xlsx');
    expect(differences(formsOf(e, false), formsOf(xlsx, false))).toEqual([]);
  });
});

describe.skipIf(warnSkip(!hasDemo, `generated prose: ${DEMO} is absent`))('generated prose', () => {
  it('states the same figures the Evaluation holds, and exporting it again changes nothing', async () => {
    const e = await load(DEMO);
    const once = (await importFile(await exportEvaluation(e, 'docx', { prose: 'generated' }), 'g1.docx')).evaluation;
    for (const k of ['finances', 'organisation', 'selfReported', 'basicData', 'selfEvaluation'] as const) {
      expect(differences(projectEvaluation(e)[k], projectEvaluation(once)[k]), k).toEqual([]);
    }
    const twice = (await importFile(await exportEvaluation(once, 'docx', { prose: 'generated' }), 'g2.docx'))
      .evaluation;
    expect(differences(projectEvaluation(once), projectEvaluation(twice))).toEqual([]);
  });
});
