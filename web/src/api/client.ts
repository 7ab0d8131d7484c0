/**
 * Typed fetch wrapper for the jixiao HTTP API: same-origin cookies, the X-CSRF-Token header on unsafe methods,
 * JSON in and out, and one error type whose message is always Simplified Chinese (the server's own message when
 * it sent one, else a plain description of what went wrong).
 */

export const CSRF_HEADER = 'X-CSRF-Token';
const CSRF_COOKIE = 'jixiao_csrf';

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/** Remember the session's CSRF token (from login or GET /api/session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever the API answers 401 to a request that expected a session (the session expired). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function cookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** An API failure: HTTP status, the server's error code and details, and a zh-CN message. */
export class ApiRequestError extends Error {
  override readonly name = 'ApiRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
  /** the field-level problems of a 400 (details.issues), path → message */
  get issues(): { path: string; message: string }[] {
    const d = this.details;
    if (d && typeof d === 'object' && 'issues' in d && Array.isArray((d as { issues: unknown }).issues)) {
      return (d as { issues: unknown[] }).issues.filter(
        (i): i is { path: string; message: string } =>
          !!i &&
          typeof i === 'object' &&
          typeof (i as { path?: unknown }).path === 'string' &&
          typeof (i as { message?: unknown }).message === 'string',
      );
    }
    return [];
  }
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '请求有误，请检查填写的内容',
  401: '登录已过期，请重新登录',
  403: '没有权限执行此操作',
  404: '未找到请求的内容',
  409: '数据已被他人修改或状态已变化，请刷新后重试',
  413: '文件或内容过大',
  415: '不支持的文件类型',
  422: '内容无法处理',
  428: '缺少版本号，请刷新后重试',
  429: '操作过于频繁，请稍后再试',
  500: '服务器内部错误，请稍后重试',
  502: '服务器暂时无法访问，请稍后重试',
  503: '服务暂不可用，请稍后重试',
  504: '服务器响应超时，请稍后重试',
};

/** The zh-CN fallback message for an HTTP status. */
export function statusMessage(status: number): string {
  return STATUS_MESSAGES[status] ?? `请求失败（HTTP ${status}）`;
}

/** Turn a non-2xx response into an ApiRequestError, reading the `{ error: { code, message, details } }` body. */
export async function errorFromResponse(res: Response): Promise<ApiRequestError> {
  let code = 'http_' + res.status;
  let message = statusMessage(res.status);
  let details: unknown = null;
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'error' in body) {
      const e = (body as { error: unknown }).error;
      if (e && typeof e === 'object') {
        const obj = e as { code?: unknown; message?: unknown; details?: unknown };
        if (typeof obj.code === 'string') code = obj.code;
        if (typeof obj.message === 'string' && obj.message.trim() !== '') message = obj.message;
        details = obj.details ?? null;
      }
    }
  } catch {
    // not JSON: keep the status message
  }
  return new ApiRequestError(res.status, code, message, details);
}

export interface RequestOptions {
  /** JSON body (ignored when `form` is given) */
  body?: unknown;
  /** multipart body (file uploads) */
  form?: FormData;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** do not fire the session-expired listeners on 401 (the login and session probes) */
  quiet401?: boolean;
}

/** '/api/x' + query, skipping empty values. */
export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Send a request; resolves with the raw Response when it is 2xx, rejects with ApiRequestError otherwise. */
export async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE.has(method)) {
    const token = csrfToken ?? cookie(CSRF_COOKIE);
    if (token) headers[CSRF_HEADER] = token;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiRequestError(0, 'network', '无法连接服务器，请检查网络连接后重试');
  }
  if (!res.ok) {
    const err = await errorFromResponse(res);
    if (res.status === 401 && !options.quiet401) for (const l of unauthenticatedListeners) l();
    throw err;
  }
  return res;
}

/** A JSON request. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, options);
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiRequestError(res.status, 'bad_response', '服务器返回的内容无法解析');
  }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  upload: <T>(path: string, form: FormData, options?: RequestOptions) => request<T>('POST', path, { ...options, form }),
};

/** The file name in a Content-Disposition header (RFC 5987 filename* first). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** GET a file and hand it to the browser as a download (keeps the server's Chinese file name). */
export async function download(
  path: string,
  query?: RequestOptions['query'],
  fallbackName = 'download',
): Promise<string> {
  const res = await send('GET', path, { query, headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** A message for any thrown value, for notifications. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiRequestError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return '操作失败，请重试';
}
