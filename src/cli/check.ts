import { SingleBar } from 'cli-progress';
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Source } from '../model/index.js';
import type { Finding } from '../checks/types.js';
import { checkFile, isFailure, type FileResult } from './check-file.js';
import { CliError } from './errors.js';
import { expandInputs, resolveProfile } from './load.js';

export interface CheckOptions {
  format: string;
  profile: string;
  jobs?: number;
  summary?: string;
}

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;
const SEVERITY_COLOUR = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' } as const;

/** Which part of the report a field path belongs to, for grouping findings. */
export function partOf(fieldPath: string): string {
  const head = fieldPath.split('.')[0] ?? '';
  if (head === 'basicData') return '附件1 基础数据表';
  if (head === 'selfEvaluation') return '附件2 自评表';
  if (['finances', 'organisation', 'narrative', 'selfReported'].includes(head)) return '报告正文';
  return '报告基本信息';
}

/** "seed.txt 第12行", "tables.xlsx Sheet1!C7", "report.pdf 第3页" … */
export function formatSource(source: Source): string {
  const parts: string[] = [path.basename(source.file)];
  if (source.sheet !== undefined) parts.push(`${source.sheet}!${source.cell ?? ''}`);
  if (source.page !== undefined) parts.push(`第${source.page}页`);
  if (source.table !== undefined) {
    parts.push(
      `表${source.table}${source.row !== undefined ? ` 第${source.row}行` : ''}${source.col !== undefined ? `第${source.col}列` : ''}`,
    );
  } else if (source.paragraph !== undefined) parts.push(`第${source.paragraph}段`);
  if (source.line !== undefined) parts.push(`第${source.line}行`);
  return parts.join(' ');
}

function renderFinding(f: Finding, colour: boolean): string {
  const label = SEVERITY_LABEL[f.severity];
  const tag = colour ? `${SEVERITY_COLOUR[f.severity]}[${label}]\x1b[0m` : `[${label}]`;
  const lines = [`  ${tag} ${f.message}（${f.rule}）`];
  for (const w of f.where) {
    const at = w.source ? `${formatSource(w.source)}：“${w.source.text.replace(/\s+/g, ' ').slice(0, 60)}”` : '';
    lines.push(`      位置：${w.path}${at ? ` — ${at}` : ''}`);
  }
  if (f.fix) lines.push(`      修改建议：${f.fix}`);
  return lines.join('\n');
}

/** The human-readable report of one file: totals side by side, then findings by severity and part. */
export function renderFileResult(r: FileResult, colour: boolean): string {
  if (isFailure(r)) return `${r.file}\n  无法读取：${r.error.message}`;
  const e = r.evaluation;
  const lines: string[] = [];
  lines.push(`${r.file} — ${[e.unit.name, e.year ? `${e.year}年` : ''].filter(Boolean).join(' ') || '（未识别单位）'}`);
  const s = r.score;
  lines.push(
    `  总分：自评 ${s.selfReported.total ?? '未填写'}，重算 ${s.recomputed.total}；等次：自评 ${s.selfReported.grade ?? '未填写'}，重算 ${s.recomputed.grade}`,
  );
  for (const severity of ['error', 'warning', 'info'] as const) {
    const ofSeverity = r.findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    lines.push(`${SEVERITY_LABEL[severity]}（${ofSeverity.length}）`);
    const parts = new Map<string, Finding[]>();
    for (const f of ofSeverity) {
      const part = partOf(f.where[0]?.path ?? '');
      parts.set(part, [...(parts.get(part) ?? []), f]);
    }
    for (const [part, findings] of parts) {
      lines.push(` ${part}`);
      for (const f of findings) lines.push(renderFinding(f, colour));
    }
  }
  const { errors, warnings, infos } = r.summary;
  lines.push(`  合计：${errors} 个错误，${warnings} 个警告，${infos} 个提示`);
  return lines.join('\n');
}

async function checkInPool(
  files: string[],
  profileId: string,
  jobs: number,
  onDone: () => void,
): Promise<FileResult[]> {
  const results = new Array<FileResult>(files.length);
  const bootUrl = new URL('./worker-boot.mjs', import.meta.url);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(jobs, files.length) },
    () => new Worker(bootUrl, { workerData: { profileId } }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= files.length) {
                resolve();
                return;
              }
              const id = next++;
              worker.postMessage({ id, file: files[id] });
            };
            worker.on('message', (msg: { id: number; result: FileResult }) => {
              results[msg.id] = msg.result;
              onDone();
              send();
            });
            worker.on('error', reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** One row per report, for a finance bureau reviewing many units. */
export function summaryRows(results: readonly FileResult[]): (string | number | null)[][] {
  const head = [
    '文件',
    '单位',
    '年度',
    '自评总分',
    '重算总分',
    '自评等次',
    '重算等次',
    '错误',
    '警告',
    '提示',
    '主要问题',
  ];
  const rows: (string | number | null)[][] = [head];
  for (const r of results) {
    if (isFailure(r)) {
      rows.push([r.file, null, null, null, null, null, null, null, null, null, `无法读取：${r.error.message}`]);
      continue;
    }
    const top = r.findings
      .filter((f) => f.severity !== 'info')
      .slice(0, 3)
      .map((f) => f.message)
      .join('；');
    rows.push([
      r.file,
      r.evaluation.unit.name ?? null,
      r.evaluation.year ?? null,
      r.score.selfReported.total,
      r.score.recomputed.total,
      r.score.selfReported.grade,
      r.score.recomputed.grade,
      r.summary.errors,
      r.summary.warnings,
      r.summary.infos,
      top,
    ]);
  }
  return rows;
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function writeSummary(file: string, results: readonly FileResult[]): Promise<void> {
  const rows = summaryRows(results);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    // BOM so that Excel opens the UTF-8 CSV with the right encoding
    await writeFile(file, `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
    return;
  }
  if (ext !== '.xlsx') throw new CliError(`--summary 的文件应以 .xlsx 或 .csv 结尾：${file}`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('核查汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRows(rows);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = [36, 28, 8, 10, 10, 10, 10, 8, 8, 8, 80][i] ?? 12;
  });
  ws.autoFilter = { from: 'A1', to: 'K1' };
  await wb.xlsx.writeFile(file);
}

/** `jixiao check`: returns the exit code (0 no errors, 1 errors, 2 an input could not be read). */
export async function runCheckCommand(inputs: string[], opts: CheckOptions): Promise<number> {
  if (opts.format !== 'text' && opts.format !== 'json') {
    throw new CliError(`--format 应为 text 或 json，而不是“${opts.format}”`);
  }
  resolveProfile(opts.profile);
  const files = await expandInputs(inputs);
  if (files.length === 0) throw new CliError(`在 ${inputs.join('、')} 中没有找到报告文件`);
  const tty = process.stderr.isTTY === true;
  const bar =
    tty && files.length > 1 ? new SingleBar({ format: '核查 {bar} {value}/{total}', hideCursor: true }) : null;
  bar?.start(files.length, 0);
  let results: FileResult[];
  try {
    const jobs = opts.jobs ?? 1;
    if (jobs > 1 && files.length > 1) {
      results = await checkInPool(files, opts.profile, jobs, () => bar?.increment());
    } else {
      results = [];
      for (const file of files) {
        results.push(await checkFile(file, opts.profile));
        bar?.increment();
      }
    }
  } finally {
    bar?.stop();
  }
  if (opts.format === 'json') {
    const value = results.length === 1 && inputs.length === 1 && files[0] === inputs[0] ? results[0] : results;
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  } else {
    const colour = process.stdout.isTTY === true;
    process.stdout.write(`${results.map((r) => renderFileResult(r, colour)).join('\n\n')}\n`);
    if (results.length > 1) {
      const ok = results.filter((r) => !isFailure(r));
      const errs = ok.reduce((n, r) => n + (isFailure(r) ? 0 : r.summary.errors), 0);
      process.stdout.write(
        `\n共核查 ${results.length} 份报告：${ok.length} 份读取成功，${results.length - ok.length} 份无法读取，共 ${errs} 个错误\n`,
      );
    }
  }
  if (opts.summary) await writeSummary(opts.summary, results);
  if (results.some(isFailure)) return 2;
  return results.some((r) => !isFailure(r) && r.summary.errors > 0) ? 1 : 0;
}
