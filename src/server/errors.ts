/**
 * The API's one error shape: `{ error: { code, message (zh-CN), details } }` with the right HTTP status.
 * Every failure a handler can meet is mapped here; anything unknown becomes a generic 500 whose stack is logged
 * server-side only.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ImportError } from '../formats/document.js';
import { ExportError } from '../formats/report/errors.js';
import {
  MissingReferenceError,
  NotFoundError,
  STATE_LABELS,
  StateConflictError,
  StoreError,
  UniqueViolationError,
  VersionConflictError,
} from '../store/index.js';

export type ErrorCode =
  | 'validation'
  | 'malformed_json'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'version_conflict'
  | 'state_conflict'
  | 'already_exists'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'import_failed'
  | 'rate_limited'
  | 'precondition_required'
  | 'unavailable'
  | 'internal';

/** A JSON value in error details. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** An error a handler throws on purpose; onError turns it into the JSON error body. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details: Json = null,
    /** extra response headers (Retry-After, ETag …) */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation' }),
      message: z.string().openapi({ example: '请求参数有误' }),
      details: z.unknown(),
    }),
  })
  .openapi('Error');
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Shorthands for the common errors. */
export const unauthenticated = (message = '请先登录'): ApiError => new ApiError(401, 'unauthenticated', message);
export const forbidden = (message = '没有权限执行此操作'): ApiError => new ApiError(403, 'forbidden', message);
export const notFound = (what = '资源'): ApiError => new ApiError(404, 'not_found', `未找到${what}`);
export const badRequest = (message: string, details: Json = null): ApiError =>
  new ApiError(400, 'validation', message, details);

/** "selfEvaluation.indicators[3].weight" from a zod issue path. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** A zod failure as a 400 naming every path in zh-CN (at most 50 issues in the details). */
export function validationError(error: z.ZodError, where?: string): ApiError {
  const issues = error.issues.slice(0, 50).map((i) => ({ path: issuePath(i.path), message: i.message }));
  const first = issues[0];
  const place = where ? `${where}：` : '';
  const message = first
    ? `${place}请求参数有误：${first.path === '' ? '' : `${first.path} `}${first.message}${
        error.issues.length > 1 ? `（共 ${error.issues.length} 处）` : ''
      }`
    : `${place}请求参数有误`;
  return new ApiError(400, 'validation', message, { issues });
}

const VALIDATION_TARGET_LABELS: Record<string, string> = {
  json: '请求正文',
  form: '表单',
  query: '查询参数',
  param: '路径参数',
  header: '请求头',
  cookie: 'Cookie',
};

/** The zod-openapi default hook: validation failures throw a 400 ApiError (onError renders it). */
export function validationHook(
  result: { success: true } | { success: false; error: z.ZodError; target?: string },
): void {
  if (!result.success) throw validationError(result.error, VALIDATION_TARGET_LABELS[result.target ?? ''] ?? undefined);
}

/** Map a known error type to an ApiError; undefined for the unknown (a 500). */
export function toApiError(e: unknown): ApiError | undefined {
  if (e instanceof ApiError) return e;
  if (e instanceof z.ZodError) return validationError(e);
  if (e instanceof VersionConflictError) {
    return new ApiError(409, 'version_conflict', e.message, {
      expectedVersion: e.expectedVersion,
      currentVersion: e.currentVersion,
    });
  }
  if (e instanceof StateConflictError) {
    return new ApiError(409, 'state_conflict', e.message, {
      currentState: e.currentState,
      currentStateLabel: STATE_LABELS[e.currentState],
      expected: [...e.expected],
    });
  }
  if (e instanceof UniqueViolationError) return new ApiError(409, 'already_exists', e.message, { entity: e.entity });
  if (e instanceof NotFoundError) return new ApiError(404, 'not_found', e.message, { entity: e.entity, id: e.id });
  if (e instanceof MissingReferenceError) return new ApiError(422, 'unprocessable', e.message, { entity: e.entity });
  if (e instanceof StoreError && e.code === 'INVALID_INPUT') return new ApiError(400, 'validation', e.message);
  if (e instanceof ImportError) {
    if (e.code === 'too-large') return new ApiError(413, 'payload_too_large', e.message, { file: e.file });
    return new ApiError(422, 'import_failed', e.message, { file: e.file, place: e.place ?? null, reason: e.code });
  }
  if (e instanceof ExportError) {
    return e.code === 'needs-tool'
      ? new ApiError(503, 'unavailable', e.message)
      : new ApiError(422, 'unprocessable', e.message);
  }
  if (e instanceof HTTPException) return fromHttpException(e);
  return undefined;
}

function fromHttpException(e: HTTPException): ApiError {
  switch (e.status) {
    case 400:
      if (/JSON/i.test(e.message)) return new ApiError(400, 'malformed_json', '请求正文不是有效的 JSON');
      return new ApiError(400, 'validation', '请求格式有误');
    case 413:
      return new ApiError(413, 'payload_too_large', '请求内容过大');
    case 415:
      return new ApiError(415, 'unsupported_media_type', '不支持的请求内容类型');
    case 401:
      return unauthenticated();
    case 403:
      return forbidden();
    case 404:
      return notFound();
    default:
      return new ApiError(e.status >= 500 ? 500 : (e.status as ContentfulStatusCode), 'internal', '请求无法处理');
  }
}

/** Render an ApiError as the JSON error body. */
export function errorResponse(c: Context, error: ApiError): Response {
  for (const [k, v] of Object.entries(error.headers)) c.header(k, v);
  const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
  return c.json(body, error.status);
}

export type ErrorLogger = (message: string, error: unknown) => void;

/** The app's onError: known errors get their status; anything else a generic 500, the stack logged here only. */
export function makeErrorHandler(log: ErrorLogger): (err: unknown, c: Context) => Response {
  return (err, c) => {
    const known = toApiError(err);
    if (known) return errorResponse(c, known);
    log(`${c.req.method} ${new URL(c.req.url).pathname} 处理失败`, err);
    return errorResponse(c, new ApiError(500, 'internal', '服务器内部错误，请稍后重试；如果问题持续，请联系管理员'));
  };
}
