import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Evaluation } from '../model/index.js';
import type { RawDocument } from '../formats/document.js';
import { ImportError } from '../formats/document.js';
import { importFile } from '../formats/import.js';
import { getProfile, profiles } from '../rules/index.js';
import type { RuleProfile } from '../rules/types.js';
import { CliError, readError } from './errors.js';

/** File endings `jixiao check <dir>` picks up. */
export const REPORT_EXTENSIONS = ['.txt', '.docx', '.xlsx', '.pdf', '.json', '.doc', '.xls', '.md', '.tsv'];

export interface Loaded {
  file: string;
  evaluation: Evaluation;
  raw: RawDocument;
}

/** Read and import one file; every failure becomes a CliError (exit 2) naming the file and the place. */
export async function loadEvaluation(file: string): Promise<Loaded> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw readError(file, e);
  }
  try {
    const { evaluation, raw } = await importFile(bytes, file);
    return { file, evaluation, raw };
  } catch (e) {
    if (e instanceof ImportError) {
      throw new CliError(e.message.includes(e.file) ? e.message : `${file}：${e.message}`);
    }
    throw e;
  }
}

/** Expand directories (recursively) into the report files they hold, sorted; plain files pass through. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let s;
    try {
      s = await stat(input);
    } catch {
      throw new CliError(`${input}：文件或目录不存在`);
    }
    if (s.isDirectory()) out.push(...(await walk(input)));
    else out.push(input);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (REPORT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) files.push(full);
  }
  return files;
}

/** The profile named on the command line, or a CliError listing the known ones. */
export function resolveProfile(id: string): RuleProfile {
  const profile = getProfile(id);
  if (!profile) {
    const known = profiles.map((p) => `${p.id}（${p.name}）`).join('、');
    throw new CliError(`未知的规则配置“${id}”。可用的配置：${known}`);
  }
  return profile;
}
