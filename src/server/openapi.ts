/**
 * OpenAPI set-up: every router is an OpenAPIHono whose validation failures become the API's 400 error body, and
 * the document (generated from the zod schemas) is served at /openapi.json.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { errorBodySchema, validationHook } from './errors.js';
import type { AppEnv } from './context.js';
import { SESSION_COOKIE, CSRF_HEADER } from './auth/session.js';

/** A router with the API's validation hook. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      const r = result as { success: boolean; error?: ZodError; target?: string };
      if (!r.success && r.error) validationHook({ success: false, error: r.error, target: r.target });
    },
  });
}

const err = (description: string) => ({ description, content: { 'application/json': { schema: errorBodySchema } } });

/** The error responses every route may give, for the document. */
export const ERROR_RESPONSES = {
  400: err('请求参数有误（details.issues 列出每个字段路径）'),
  401: err('未登录或会话已过期'),
  403: err('没有权限（角色或单位不符），或缺少 CSRF 令牌'),
  404: err('资源不存在'),
  409: err('冲突：版本已变化（details.currentVersion）、状态不允许此操作，或记录已存在'),
  415: err('不支持的请求内容类型'),
} as const;

export const UPLOAD_ERROR_RESPONSES = {
  ...ERROR_RESPONSES,
  413: err('上传文件过大'),
  422: err('文件无法读取为绩效自评报告'),
} as const;

export const RATE_LIMIT_RESPONSE = { 429: err('失败次数过多，请稍后再试（见 Retry-After 响应头）') } as const;
export const PRECONDITION_RESPONSE = { 428: err('缺少版本号：请带 If-Match 请求头或 version 字段') } as const;
export const UNAVAILABLE_RESPONSE = { 503: err('所需的外部工具（如生成 PDF 的 Chromium）不可用') } as const;

/** Register /openapi.json and the cookie security scheme. */
export function registerDocument(app: OpenAPIHono<AppEnv>, version: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: `登录后获得的会话 Cookie；所有修改类请求（POST/PUT/PATCH/DELETE）还须带 ${CSRF_HEADER} 请求头（值为登录或 GET /api/session 返回的 csrfToken）`,
  });
  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'jixiao 绩效 API',
      version,
      description:
        '预算绩效自评的填报、导入、计分、核查、审核、复核与公开。错误统一为 { error: { code, message, details } }，message 为中文。',
    },
    security: [{ sessionCookie: [] }],
  });
}
