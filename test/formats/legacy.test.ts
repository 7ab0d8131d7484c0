import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/formats/document.js';
import { docxToRaw } from '../../src/formats/docx/import.js';
import { convertLegacy, findSoffice } from '../../src/formats/legacy.js';

const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'jixiao-legacy-test-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A stand-in for soffice: a shell script that behaves as told. */
function fakeSoffice(body: string): string {
  const dir = tempDir();
  const path = join(dir, 'soffice');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A fake that "converts" by writing HOME and its arguments into the expected output file. */
const WRITES_OUTPUT = `
out=""; input=""; to=""
while [ $# -gt 0 ]; do
  case "$1" in
    --outdir) out="$2"; shift 2 ;;
    --convert-to) to="$2"; shift 2 ;;
    -*) shift ;;
    *) input="$1"; shift ;;
  esac
done
name=$(basename "$input"); stem="\${name%.*}"
printf 'HOME=%s TO=%s IN=%s' "$HOME" "$to" "$name" > "$out/$stem.$to"
`;

async function importError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    return err as ImportError;
  }
  throw new Error('expected an ImportError');
}

describe('convertLegacy without LibreOffice', () => {
  it('says in Chinese what to install, naming the file', async () => {
    const e = await importError(convertLegacy(ole, '旧报告.doc', 'docx', { searchPath: [tempDir()] }));
    expect(e.code).toBe('needs-tool');
    expect(e.message).toContain('旧报告.doc');
    expect(e.message).toContain('libreoffice-writer-nogui');
    const x = await importError(convertLegacy(ole, '旧表.xls', 'xlsx', { searchPath: [tempDir()] }));
    expect(x.message).toContain('libreoffice-calc-nogui');
  });

  it('refuses an empty file before looking for the tool', async () => {
    expect((await importError(convertLegacy(new Uint8Array(), 'e.doc', 'docx'))).code).toBe('empty');
  });

  it('finds an executable on the search path', async () => {
    const fake = fakeSoffice('exit 0');
    expect(await findSoffice([tempDir(), join(fake, '..')])).toBe(fake);
    expect(await findSoffice([tempDir()])).toBeUndefined();
  });
});

describe('convertLegacy with a stand-in soffice', () => {
  it('runs headless in a throw-away HOME and returns the converted file', async () => {
    const soffice = fakeSoffice(WRITES_OUTPUT);
    const out = new TextDecoder().decode(await convertLegacy(ole, 'a.xls', 'xlsx', { soffice }));
    expect(out).toMatch(/^HOME=\S*jixiao-legacy-\S*\/home TO=xlsx IN=input\.xls$/);
  });

  it('reports a conversion that produced nothing', async () => {
    const soffice = fakeSoffice('echo "Error: source file could not be loaded" >&2; exit 0');
    const e = await importError(convertLegacy(ole, 'bad.doc', 'docx', { soffice }));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('bad.doc');
    expect(e.message).toContain('could not be loaded');
  });

  it('kills a conversion that hangs, within the time limit', async () => {
    const soffice = fakeSoffice('sleep 30 & wait');
    const t0 = performance.now();
    const e = await importError(convertLegacy(ole, 'slow.doc', 'docx', { soffice, timeoutMs: 300 }));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(e.message).toContain('slow.doc');
    expect(e.message).toContain('中止');
  });

  it('reports a tool that cannot be started', async () => {
    const e = await importError(convertLegacy(ole, 'x.doc', 'docx', { soffice: join(tempDir(), 'missing') }));
    expect(e.code).toBe('needs-tool');
  });
});

const soffice = await findSoffice();
const fixture = fileURLToPath(new URL('../../../shared/fixtures/beita-rongmeiti-2023.docx', import.meta.url));
const canConvert = soffice !== undefined && existsSync(fixture);
if (!canConvert) console.warn('skipping the real LibreOffice conversion test: soffice or the .docx fixture is absent');

describe.skipIf(!canConvert)('convertLegacy with LibreOffice', () => {
  it('turns a .doc made from the fixture back into a readable .docx', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const home = join(dir, 'home');
    execFileSync(soffice!, ['--headless', '--convert-to', 'doc', '--outdir', dir, fixture], {
      env: { ...process.env, HOME: home },
      timeout: 120_000,
    });
    const doc = new Uint8Array(readFileSync(join(dir, 'beita-rongmeiti-2023.doc')));
    const docx = await convertLegacy(doc, 'beita.doc', 'docx', { timeoutMs: 120_000 });
    const raw = await docxToRaw(docx, 'beita.doc');
    expect(raw.blocks.filter((b) => b.type === 'table')).toHaveLength(2);
  });
});
