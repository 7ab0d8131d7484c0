import { describe, expect, it } from 'vitest';
import {
  ApiRequestError,
  errorFromResponse,
  fileNameOf,
  statusMessage,
  withQuery,
} from '../../../web/src/api/client.js';

describe('API client helpers', () => {
  it('reads the server error body into a zh-CN error with details', async () => {
    const res = new Response(
      JSON.stringify({
        error: {
          code: 'validation',
          message: '请求参数有误：year 应为数字',
          details: { issues: [{ path: 'year', message: '应为数字' }, { bad: 1 }] },
        },
      }),
      { status: 400, headers: { 'Content-Type': 'application/json' } },
    );
    const e = await errorFromResponse(res);
    expect(e).toBeInstanceOf(ApiRequestError);
    expect(e.status).toBe(400);
    expect(e.code).toBe('validation');
    expect(e.message).toBe('请求参数有误：year 应为数字');
    expect(e.issues).toEqual([{ path: 'year', message: '应为数字' }]);
  });

  it('falls back to a Chinese message when the body is not the error shape', async () => {
    const e = await errorFromResponse(new Response('<html>bad gateway</html>', { status: 502 }));
    expect(e.message).toBe('服务器暂时无法访问，请稍后重试');
    expect(e.code).toBe('http_502');
    expect(statusMessage(418)).toBe('请求失败（HTTP 418）');
    const empty = await errorFromResponse(
      new Response(JSON.stringify({ error: { code: 'x', message: '' } }), { status: 409 }),
    );
    expect(empty.message).toBe(statusMessage(409));
  });

  it('builds query strings, skipping empty values', () => {
    expect(withQuery('/api/evaluations', { year: 2024, state: undefined, search: '', hasErrors: false })).toBe(
      '/api/evaluations?year=2024&hasErrors=false',
    );
    expect(withQuery('/api/x?a=1', { b: '中' })).toBe('/api/x?a=1&b=%E4%B8%AD');
    expect(withQuery('/api/x')).toBe('/api/x');
  });

  it('reads the Chinese download name from Content-Disposition', () => {
    const name = '示例单位2024年部门整体支出绩效自评报告.docx';
    expect(
      fileNameOf(`attachment; filename="evaluation-2024.docx"; filename*=UTF-8''${encodeURIComponent(name)}`, 'x'),
    ).toBe(name);
    expect(fileNameOf('attachment; filename="a.pdf"', 'x')).toBe('a.pdf');
    expect(fileNameOf(null, 'fallback.xlsx')).toBe('fallback.xlsx');
  });
});
