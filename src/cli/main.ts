import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { evaluationSchema } from '../model/index.js';
import { DEFAULT_PROFILE_ID } from '../rules/index.js';
import { score } from '../scoring/score.js';
import { ImportError } from '../formats/document.js';
import { EXPORT_FORMATS, ExportError, runExport } from '../formats/export.js';
import { runCheckCommand } from './check.js';
import { CliError, readError } from './errors.js';
import { loadEvaluation, resolveProfile } from './load.js';
import { renderScoreSheet } from './render-score.js';
import { DEFAULT_PORT, serveCommand } from './serve.js';

z.config(z.locales.zhCN());

/** The bundled demo report (`npm start`, `jixiao demo`). */
export const DEMO_FILE = fileURLToPath(new URL('../../examples/shili-rongmeiti-2024.txt', import.meta.url));

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function scoreCommand(file: string, opts: { json?: boolean; profile: string }): Promise<void> {
  const profile = resolveProfile(opts.profile);
  const { evaluation } = await loadEvaluation(file);
  const sheet = score(evaluation, profile);
  if (opts.json) {
    out(JSON.stringify(sheet, null, 2));
    return;
  }
  const who = [evaluation.unit.name, evaluation.year ? `${evaluation.year}年` : undefined].filter(Boolean).join(' ');
  out(
    renderScoreSheet(sheet, `${who || file} — 按“${profile.name}”重算`, {
      width: process.stdout.columns,
      colour: process.stdout.isTTY === true,
    }),
  );
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('应为 1 到 64 之间的整数');
  return n;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('jixiao')
    .description('绩效：预算绩效自评报告的导入、计分、核查与导出')
    .showHelpAfterError('（用 --help 查看用法）')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('score')
    .description('按规则重算自评表得分，逐项说明算式')
    .argument('<file>', '报告文件（.txt .docx .xlsx .pdf）或 Evaluation JSON')
    .option('--json', '以 JSON 输出计分表')
    .option('--profile <id>', '规则配置', DEFAULT_PROFILE_ID)
    .action(scoreCommand);

  program
    .command('check')
    .description('核查报告中的每个数字：结构、算术、表间一致、正文与表格、合理性、完整性')
    .argument('<inputs...>', '报告文件或目录')
    .option('--format <format>', '输出格式：text 或 json', 'text')
    .option('--profile <id>', '规则配置', DEFAULT_PROFILE_ID)
    .option('--jobs <n>', '并行处理的线程数', parseJobs)
    .option('--summary <file>', '把每份报告一行的汇总写入 .xlsx 或 .csv 文件')
    .action(async (inputs: string[], opts: { format: string; profile: string; jobs?: number; summary?: string }) => {
      process.exitCode = await runCheckCommand(inputs, opts);
    });

  program
    .command('convert')
    .description('把报告文件读成一份结构化的 Evaluation（JSON）')
    .argument('<file>', '报告文件（.txt .docx .xlsx .pdf .doc .xls）')
    .option('-o, --out <file>', '写入文件（默认输出到屏幕）')
    .action(async (file: string, opts: { out?: string }) => {
      const { evaluation } = await loadEvaluation(file);
      const json = JSON.stringify(evaluation, null, 2);
      if (opts.out) await writeFile(opts.out, `${json}\n`);
      else out(json);
    });

  program
    .command('export')
    .description('导出报告及附表：Word、Excel、PDF、HTML 或 JSON，数字全部来自同一份评价数据')
    .argument('<input>', '报告文件或 Evaluation JSON')
    .requiredOption('--to <format>', `导出格式：${EXPORT_FORMATS.join('、')}`)
    .option('-o, --out <file>', '输出文件（“-”表示输出到屏幕；默认写在输入文件旁）')
    .option('--with-review', '附上重算得分表和核查结果')
    .option('--profile <id>', '规则配置')
    .action(async (input: string, opts: { to: string; out?: string; withReview?: boolean; profile?: string }) => {
      try {
        const r = await runExport(input, opts);
        if (r.output !== '-') process.stderr.write(`已导出：${r.output}（${r.bytes} 字节）\n`);
      } catch (e) {
        if (e instanceof ExportError || e instanceof ImportError) throw new CliError(e.message);
        throw readError(input, e);
      }
    });

  program
    .command('schema')
    .description('输出 Evaluation 的 JSON Schema')
    .action(() => {
      out(JSON.stringify(z.toJSONSchema(evaluationSchema, { io: 'input' }), null, 2));
    });

  program
    .command('demo')
    .description('对内置的示例报告重算得分并打印计分表')
    .option('--profile <id>', '规则配置', 'hunan')
    .action(async (opts: { profile: string }) => {
      await scoreCommand(DEMO_FILE, { profile: opts.profile });
    });

  program
    .command('serve')
    .description('启动服务：HTTP 接口（及网页），空数据库时写入演示数据')
    .option('--port <n>', '端口', (v) => parsePort(v), DEFAULT_PORT)
    .option('--host <address>', '监听地址（0.0.0.0 表示对局域网开放）', '127.0.0.1')
    .option(
      '--db <file-or-url>',
      'SQLite 文件或 postgres:// 地址（默认 $JIXIAO_DATABASE_URL，否则 ./data/jixiao.sqlite）',
    )
    .option('--no-demo', '空数据库时不写入演示数据')
    .option('--profile <id>', '未注明规则配置的自评按此配置计分')
    .option('--secure-cookies <mode>', 'Cookie 的 Secure 属性：auto、always 或 never', 'auto')
    .option('--trust-proxy', '信任反向代理的 X-Forwarded-For / X-Forwarded-Proto')
    .action(serveCommand);

  return program;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('应为 0 到 65535 之间的整数');
  return n;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; usage errors were already printed by commander
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`错误：${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    return 3;
  }
}
