import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError } from './document.js';

/**
 * Legacy binary Office files (.doc / .xls) are converted to .docx / .xlsx by LibreOffice, run headless in a
 * throw-away profile with a time limit, when `soffice` is installed. Without it the user gets an ImportError
 * (code 'needs-tool') that says how to install it.
 */
export interface LegacyOptions {
  /** the LibreOffice executable; found on PATH when not given */
  soffice?: string;
  /** the directories searched for soffice; default: PATH and LibreOffice's usual install folder */
  searchPath?: string[];
  /** milliseconds before the conversion is abandoned and LibreOffice killed; default 60 s */
  timeoutMs?: number;
  /** largest converted file accepted, in bytes; default 100 MB */
  maxOutputBytes?: number;
}

const INSTALL: Record<'docx' | 'xlsx', string> = {
  docx: 'apt-get install -y libreoffice-writer-nogui',
  xlsx: 'apt-get install -y libreoffice-calc-nogui',
};

const LEGACY_EXT: Record<'docx' | 'xlsx', string> = { docx: '.doc', xlsx: '.xls' };

export async function convertLegacy(
  bytes: Uint8Array,
  file: string,
  to: 'docx' | 'xlsx',
  options: LegacyOptions = {},
): Promise<Uint8Array> {
  if (bytes.length === 0) throw new ImportError(`${file}：文件是空的`, file, undefined, 'empty');
  const soffice = options.soffice ?? (await findSoffice(options.searchPath));
  const legacy = LEGACY_EXT[to];
  if (!soffice) {
    throw new ImportError(
      `${file}：读取旧版 ${legacy} 文件需要 LibreOffice，但本机没有安装。请先安装（Debian/Ubuntu：${INSTALL[to]}），` +
        `或用 Office/WPS 把文件另存为 .${to} 后再导入`,
      file,
      undefined,
      'needs-tool',
    );
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxOutput = options.maxOutputBytes ?? 100 * 1024 * 1024;
  const work = await mkdtemp(join(tmpdir(), 'jixiao-legacy-'));
  try {
    const home = join(work, 'home');
    const out = join(work, 'out');
    await mkdir(home);
    await mkdir(out);
    const ext = extname(file).toLowerCase();
    const inputName = `input${ext === '.doc' || ext === '.xls' || ext === '.rtf' || ext === '.wps' || ext === '.et' ? ext : legacy}`;
    const input = join(work, inputName);
    await writeFile(input, bytes);
    const args = [
      '--headless',
      '--invisible',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--convert-to',
      to,
      '--outdir',
      out,
      input,
    ];
    const result = await run(soffice, args, { ...process.env, HOME: home }, timeoutMs);
    if (result === 'timeout') {
      throw new ImportError(
        `${file}：LibreOffice 转换超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已中止`,
        file,
        undefined,
        'unreadable',
      );
    }
    if (result === 'spawn-error') {
      throw new ImportError(
        `${file}：无法启动 LibreOffice（${soffice}）。请检查安装（Debian/Ubuntu：${INSTALL[to]}）`,
        file,
        undefined,
        'needs-tool',
      );
    }
    const converted = join(out, `${basename(inputName, extname(inputName))}.${to}`);
    let size: number;
    try {
      size = (await stat(converted)).size;
    } catch {
      throw new ImportError(
        `${file}：LibreOffice 无法把这个 ${legacy} 文件转换为 .${to}（文件可能已损坏或加密）${result.stderr ? `：${result.stderr.slice(0, 200)}` : ''}`,
        file,
        undefined,
        'corrupt',
      );
    }
    if (size > maxOutput) {
      throw new ImportError(`${file}：转换后的文件过大（${size} 字节），已拒绝读取`, file, undefined, 'too-large');
    }
    return new Uint8Array(await readFile(converted));
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The LibreOffice executable on the search path, if any. */
export async function findSoffice(searchPath?: string[]): Promise<string | undefined> {
  const dirs = searchPath ?? [
    ...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean),
    '/usr/lib/libreoffice/program',
    '/opt/libreoffice/program',
    '/Applications/LibreOffice.app/Contents/MacOS',
  ];
  for (const dir of dirs) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

type RunResult = { code: number | null; stderr: string } | 'timeout' | 'spawn-error';

/** Run a command in its own process group; on timeout kill that group (LibreOffice forks soffice.bin). */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    let settled = false;
    let stderr = '';
    const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    const finish = (r: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
      finish('timeout');
    }, timeoutMs);
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString('utf8');
    });
    child.on('error', () => finish('spawn-error'));
    child.on('close', (code) => finish({ code, stderr }));
  });
}
