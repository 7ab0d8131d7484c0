import type { z } from 'zod';

/** An error the CLI reports as one zh-CN line and a fixed exit code, never as a stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}

/** "selfEvaluation.indicators[3].weight" from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '（根）' : out;
}

/** zod issues as zh-CN lines naming the path and what was expected (at most `limit` lines). */
export function formatZodIssues(error: z.ZodError, limit = 20): string {
  const lines = error.issues.slice(0, limit).map((i) => `  - ${formatIssuePath(i.path)}：${i.message}`);
  if (error.issues.length > limit) lines.push(`  …… 另有 ${error.issues.length - limit} 处问题`);
  return lines.join('\n');
}

/** A file-system error on `file` as a CliError in zh-CN; anything else is returned unchanged. */
export function readError(file: string, e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return e;
  const why =
    code === 'ENOENT'
      ? '文件不存在'
      : code === 'EISDIR'
        ? '这是一个目录，不是文件'
        : code === 'EACCES'
          ? '没有读取权限'
          : `无法读取（${code}）`;
  return new CliError(`${file}：${why}`);
}
