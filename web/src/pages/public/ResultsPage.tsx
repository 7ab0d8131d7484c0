/**
 * 结果公开 (no login): the published self-evaluation results — unit, year, totals, grade — with the reports to
 * download (PDF, Word, Excel) straight from the public API.
 */
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, messageOf } from '../../api/client.js';
import type { EvaluationKind } from '../../api/types.js';
import { KIND_LABELS } from '../../api/types.js';
import { homePath } from '../../auth/roles.js';
import { useSession } from '../../auth/session.js';
import { paths } from '../../paths.js';
import { Link } from '../../router/router.js';
import { fetchAllPages, gradeDistribution } from '../bureau/data.js';
import { formatDate, gradeColor, shown } from '../bureau/format.js';
import type { PageProps } from '../types.js';
import './public.css';

/** One row of GET /api/public/results. */
export interface PublicResult {
  id: string;
  unitName: string;
  year: number;
  kind: EvaluationKind;
  projectName: string | null;
  total: string | null;
  recomputedTotal: string | null;
  grade: string | null;
  publishedAt: string;
}

const reportUrl = (id: string, format: 'pdf' | 'docx' | 'xlsx' | 'html') =>
  `/api/public/results/${encodeURIComponent(id)}/report?format=${format}`;

export default function ResultsPage(_props: PageProps) {
  const { status, session } = useSession();
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [kind, setKind] = useState<EvaluationKind | undefined>(undefined);
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<PublicResult[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    document.title = '绩效自评结果公开';
  }, []);

  // the years with published results
  useEffect(() => {
    let live = true;
    fetchAllPages(
      (offset, limit) =>
        api.get<{ items: PublicResult[]; total: number }>('/api/public/results', { query: { offset, limit } }),
      5000,
      500,
    )
      .then((r) => {
        if (!live) return;
        const ys = [...new Set(r.items.map((i) => i.year))].sort((a, b) => b - a);
        setYears(ys);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setRows(null);
    fetchAllPages(
      (offset, limit) =>
        api.get<{ items: PublicResult[]; total: number }>('/api/public/results', {
          query: { year, kind, search: search.trim() || undefined, offset, limit },
        }),
      5000,
      500,
    )
      .then((r) => {
        if (!live) return;
        // the newest year first, then by unit
        setRows([...r.items].sort((a, b) => b.year - a.year || a.unitName.localeCompare(b.unitName, 'zh-CN')));
        setTruncated(r.truncated);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setRows([]);
        setError(messageOf(e));
      });
    return () => {
      live = false;
    };
  }, [year, kind, search]);

  const dist = useMemo(() => gradeDistribution(rows ?? []), [rows]);
  const units = useMemo(() => new Set((rows ?? []).map((r) => r.unitName)).size, [rows]);

  return (
    <div className="public-page">
      <header className="public-header">
        <div className="public-header-inner">
          <div>
            <div className="public-title">预算绩效自评结果公开</div>
            <div className="public-subtitle">部门整体支出及项目支出绩效自评 · 评价结果与报告</div>
          </div>
          {status === 'authenticated' && session ? (
            <Link to={homePath(session.user.role)} className="public-login">
              返回工作台
            </Link>
          ) : (
            <Link to={paths.login} className="public-login">
              工作人员登录
            </Link>
          )}
        </div>
      </header>
      <main className="public-main">
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="已公开的自评" value={rows?.length ?? '—'} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="涉及单位" value={rows ? units : '—'} />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={<span className="public-card-title">等次分布</span>}>
              <Space size={[8, 8]} wrap>
                {dist.map((d) => (
                  <Tag
                    key={d.name}
                    color={d.name === '未评定' ? 'default' : gradeColor(d.name)}
                    className="public-grade-tag"
                  >
                    {d.name} {d.count}
                  </Tag>
                ))}
              </Space>
            </Card>
          </Col>
        </Row>
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              aria-label="年度"
              style={{ width: 130 }}
              allowClear
              placeholder="全部年度"
              value={year}
              onChange={(v: number | undefined) => setYear(v)}
              options={years.map((y) => ({ value: y, label: `${y}年度` }))}
            />
            <Select
              aria-label="类型"
              style={{ width: 150 }}
              allowClear
              placeholder="全部类型"
              value={kind}
              onChange={(v: EvaluationKind | undefined) => setKind(v)}
              options={(['department', 'project'] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            />
            <Input.Search
              aria-label="搜索单位或项目"
              allowClear
              placeholder="单位或项目名称"
              enterButton={<SearchOutlined />}
              style={{ width: 260 }}
              onSearch={(v) => setSearch(v)}
            />
          </Space>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
          {truncated && (
            <Alert
              type="info"
              showIcon
              message="结果较多，仅显示前 5000 条；请按年度或名称筛选。"
              style={{ marginBottom: 12 }}
            />
          )}
          <Table<PublicResult>
            size="middle"
            rowKey="id"
            loading={rows === null}
            dataSource={rows ?? []}
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description="暂无已公开的评价结果" image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            pagination={{
              pageSize: 20,
              showSizeChanger: false,
              showTotal: (t) => `共 ${t} 条`,
              hideOnSinglePage: true,
            }}
            columns={[
              {
                title: '单位',
                dataIndex: 'unitName',
                sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'),
                render: (n: string, r) => (
                  <span>
                    {n}
                    {r.kind === 'project' && r.projectName ? (
                      <span className="public-muted">·{r.projectName}</span>
                    ) : null}
                  </span>
                ),
              },
              {
                title: '年度',
                dataIndex: 'year',
                width: 90,
                sorter: (a, b) => a.year - b.year,
                render: (y: number) => `${y}年`,
              },
              { title: '类型', dataIndex: 'kind', width: 120, render: (k: EvaluationKind) => KIND_LABELS[k] },
              {
                title: '自评总分',
                dataIndex: 'total',
                width: 100,
                align: 'right',
                render: (v: string | null) => <span className="num">{shown(v)}</span>,
              },
              {
                title: (
                  <Tooltip title="按评分规则对自评表重新计算的总分">
                    <span>核算总分</span>
                  </Tooltip>
                ),
                dataIndex: 'recomputedTotal',
                width: 100,
                align: 'right',
                sorter: (a, b) => Number(a.recomputedTotal ?? -1) - Number(b.recomputedTotal ?? -1),
                render: (v: string | null) => <span className="num">{shown(v)}</span>,
              },
              {
                title: '等次',
                dataIndex: 'grade',
                width: 80,
                render: (g: string | null) => (g ? <Tag color={gradeColor(g)}>{g}</Tag> : '—'),
              },
              { title: '公开日期', dataIndex: 'publishedAt', width: 110, render: (d: string) => formatDate(d) },
              {
                title: '报告下载',
                key: 'download',
                width: 220,
                render: (_: unknown, r) => (
                  <Space size={2}>
                    <Button
                      size="small"
                      type="link"
                      icon={<FilePdfOutlined />}
                      href={reportUrl(r.id, 'pdf')}
                      target="_blank"
                      rel="noopener"
                    >
                      PDF
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      icon={<FileWordOutlined />}
                      href={reportUrl(r.id, 'docx')}
                      download
                    >
                      Word
                    </Button>
                    <Button
                      size="small"
                      type="link"
                      icon={<FileExcelOutlined />}
                      href={reportUrl(r.id, 'xlsx')}
                      download
                    >
                      Excel
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        <Typography.Paragraph type="secondary" className="public-footnote">
          自评总分为单位自评报告中填报的得分；核算总分按所适用的评分规则对自评表重新计算，等次按核算总分确定。
        </Typography.Paragraph>
      </main>
    </div>
  );
}
