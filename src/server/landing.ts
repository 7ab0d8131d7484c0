/** The small zh-CN page at / while there is no web app: what the server is, its API, and the demo logins. */
import { ROLE_LABELS } from './authz.js';
import type { Role } from '../store/index.js';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  organisation: string;
}

export interface LandingInfo {
  /** shown when the server seeded the demo data set */
  demoLogins?: readonly DemoLogin[];
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const ENDPOINTS: readonly [string, string][] = [
  ['POST /api/auth/login', '登录（用户名 + 密码），返回 csrfToken'],
  ['GET /api/session', '当前用户与 csrfToken'],
  ['GET /api/evaluations', '绩效自评列表（按年度、类型、状态、主管部门、等次、关键词、是否有错误筛选，分页）'],
  ['POST /api/evaluations/import', '上传报告文件（.txt .docx .xlsx .pdf）导入为绩效自评'],
  ['GET /api/evaluations/{id}', '读取（?version= 指定版本）'],
  ['PUT /api/evaluations/{id}', '保存新版本（If-Match 或 version 乐观锁）'],
  ['GET /api/evaluations/{id}/score | /check | /export', '计分、核查、导出（docx、xlsx、pdf、html）'],
  ['POST /api/evaluations/{id}/transitions/{name}', '流转：提交、审核、退回、复核通过、公开'],
  ['GET /api/tasks/{id}/progress', '任务进度：哪些单位已提交'],
  ['GET /api/bureau/summary.xlsx', '汇总表导出（每个单位一行）'],
  ['GET /api/public/results', '已公开的评价结果（无需登录）'],
  ['GET /openapi.json', '完整的接口说明（OpenAPI 3）'],
];

export function landingPage(info: LandingInfo): string {
  const rows = ENDPOINTS.map(([p, d]) => `<tr><td><code>${esc(p)}</code></td><td>${esc(d)}</td></tr>`).join('\n');
  const logins = info.demoLogins?.length
    ? `<h2>演示账号</h2>
<table><tr><th>角色</th><th>用户名</th><th>密码</th><th>姓名</th><th>所属机构</th></tr>
${info.demoLogins
  .map(
    (l) =>
      `<tr><td>${esc(ROLE_LABELS[l.role])}</td><td><code>${esc(l.username)}</code></td><td><code>${esc(l.password)}</code></td><td>${esc(l.displayName)}</td><td>${esc(l.organisation)}</td></tr>`,
  )
  .join('\n')}
</table>`
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>jixiao 绩效服务</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}code{font-size:.9em}</style>
</head><body>
<h1>jixiao 绩效服务</h1>
<p>预算绩效自评的填报、导入、计分、核查、审核、复核与公开。网页界面尚未构建；以下接口可直接调用（修改类请求须带 <code>X-CSRF-Token</code> 请求头）。</p>
<h2>接口</h2>
<table><tr><th>接口</th><th>用途</th></tr>
${rows}
</table>
${logins}
</body></html>
`;
}
