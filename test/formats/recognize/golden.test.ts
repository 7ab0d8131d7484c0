import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/formats/import.js';
import { LAYOUTS, OFFICE_FIXTURES, SEED, officeFixturesExist, seedExists, warnMissing } from './helpers.js';

/**
 * Pins the whole import — the Evaluation and, for text, the RawDocument — of the seed report, the demo report, the
 * layout fixtures and the office-made fixtures as JSON, byte for byte. Written before the import was made fast, so
 * that no optimisation of the text reader, the quantity parser or the recogniser can change what an import gives.
 *
 * Each golden file also stores the SHA-256 of its input: a changed input is told apart from a changed output.
 * The demo report is frozen in golden/inputs/ (examples/ is edited by others); the layout fixtures are read in
 * place. Regenerate after an intended change with `JIXIAO_UPDATE_GOLDEN=1 npx vitest run test/formats/recognize/golden`.
 */

const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE = process.env.JIXIAO_UPDATE_GOLDEN === '1';

interface Golden {
  input: string;
  sha256: string;
  evaluation: unknown;
  raw?: unknown;
}

interface Case {
  name: string;
  path: string;
  /** the file name given to the importer (stored in every source) */
  file: string;
  /** also pin the RawDocument (text inputs: the text reader is part of the optimisation) */
  raw: boolean;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The JSON as compared: two-space indented, so that a failure shows a readable diff. */
const json = (value: unknown): string => JSON.stringify(value, null, 2);

async function check(c: Case): Promise<void> {
  const bytes = new Uint8Array(readFileSync(c.path));
  const { evaluation, raw } = await importFile(bytes, c.file);
  const golden: Golden = {
    input: c.file,
    sha256: sha256(bytes),
    evaluation,
    ...(c.raw ? { raw } : {}),
  };
  const goldenPath = `${GOLDEN}${c.name}.json`;
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(goldenPath, `${json(golden)}\n`);
    return;
  }
  expect(existsSync(goldenPath), `缺少基准文件 ${goldenPath}（用 JIXIAO_UPDATE_GOLDEN=1 生成）`).toBe(true);
  const expected = JSON.parse(readFileSync(goldenPath, 'utf8')) as Golden;
  expect(golden.sha256, `${c.name}：输入文件已改动，基准需重新生成`).toBe(expected.sha256);
  // byte-identical JSON (key order included): compared as the same serialisation of both
  expect(json(golden.evaluation)).toBe(json(expected.evaluation));
  if (c.raw) expect(json(golden.raw)).toBe(json(expected.raw));
}

const LAYOUT_FILES = ['central-anhui.txt', 'chongqing.tsv', 'hubei.txt', 'project-central.txt', 'sichuan-project.txt'];

describe('golden imports: text inputs give byte-identical JSON', () => {
  it('the demo report (frozen copy)', async () => {
    await check({
      name: 'demo-shili-rongmeiti-2024',
      path: `${GOLDEN}inputs/shili-rongmeiti-2024.txt`,
      file: 'shili-rongmeiti-2024.txt',
      raw: true,
    });
  });

  it.each(LAYOUT_FILES)('layout fixture %s', async (name) => {
    await check({ name: `layout-${name.replace(/\./g, '-')}`, path: `${LAYOUTS}${name}`, file: name, raw: true });
  });
});

warnMissing('种子报告', seedExists);
describe.skipIf(!seedExists)('golden imports: the seed report', () => {
  it('text', async () => {
    await check({ name: 'seed-text', path: SEED, file: 'beita-rongmeiti-2023.txt', raw: true });
  });
});

warnMissing('办公软件生成的样例文件', officeFixturesExist);
describe.skipIf(!officeFixturesExist)(
  'golden imports: office-made fixtures (the recogniser and quantity parser)',
  () => {
    it.each(['beita-rongmeiti-2023.docx', 'beita-rongmeiti-2023-tables.xlsx', 'beita-rongmeiti-2023.pdf'])(
      '%s',
      async (name) => {
        await check({
          name: `office-${name.replace(/\./g, '-')}`,
          path: `${OFFICE_FIXTURES}${name}`,
          file: name,
          raw: false,
        });
      },
    );
  },
);
