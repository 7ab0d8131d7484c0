/**
 * 自评汇总: every evaluation under the bureau with filters (year, department, state, grade, errors, unit name),
 * sorting and paging on the server; the batch check of all submissions (POST /api/bureau/batch-check) with its
 * result, and the summary workbook (.xlsx) from the API.
 */
import { DownloadOutlined, ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableProps,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, download, messageOf } from '../../api/client.js';
import type { EvaluationListItem, EvaluationState, Page, Task } from '../../api/types.js';
import { KIND_LABELS, STATE_COLORS, STATE_LABELS } from '../../api/types.js';
import { paths } from '../../paths.js';
import { Link, navigate, useQuery } from '../../router/router.js';
import type { PageProps } from '../types.js';
import { departmentsOf, type OrgNode } from './data.js';
import { formatDateTime, gradeColor, shown, WITH_BUREAU } from './format.js';
import './bureau.css';

interface BatchItem {
  id: string;
  unitName: string;
  state: string;
  totalSelf: string | null;
  totalRecomputed: string | null;
  grade: string | null;
  errors: number;
  warnings: number;
  infos: number;
  updated: boolean;
}

interface BatchResult {
  checked: number;
  updated: number;
  skipped: number;
  items: BatchItem[];
}

type SortField = 'unitName' | 'state' | 'totalSelf' | 'totalRecomputed' | 'grade' | 'errors' | 'warnings' | 'updatedAt';

const ALL_STATES: EvaluationState[] = ['draft', 'submitted', 'unitApproved', 'returned', 'accepted', 'published'];

export default function EvaluationsPage(_props: PageProps) {
  const { message } = AntApp.useApp();
  const query = useQuery();
  const [tree, setTree] = useState<OrgNode[]>([]);
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState<number | undefined>(query['year'] ? Number(query['year']) : undefined);
  const [department, setDepartment] = useState<string | undefined>(undefined);
  const [states, setStates] = useState<EvaluationState[]>(
    query['state'] ? (query['state'].split(',') as EvaluationState[]) : [...WITH_BUREAU],
  );
  const [grades, setGrades] = useState<string[]>([]);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ field: SortField; direction: 'asc' | 'desc' }>({
    field: 'unitName',
    direction: 'asc',
  });
  const [pageNo, setPageNo] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [page, setPage] = useState<Page<EvaluationListItem> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [tasks, setTasks] = useState<Task[]>([]);
  const [batchOpen, setBatchOpen] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([
      api.get<{ items: OrgNode[] }>('/api/organisations'),
      api.get<Page<EvaluationListItem>>('/api/evaluations', { query: { sort: 'year', direction: 'desc', limit: 1 } }),
      api.get<{ items: Task[] }>('/api/tasks'),
    ])
      .then(([orgs, latest, t]) => {
        if (!live) return;
        setTree(orgs.items);
        setTasks(t.items);
        const newest = latest.items[0]?.year ?? new Date().getFullYear() - 1;
        const set = new Set<number>(t.items.map((x) => x.year));
        for (let y = newest; y > newest - 5; y--) set.add(y);
        setYears([...set].sort((a, b) => b - a));
        setYear((y) => y ?? newest);
      })
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (year === undefined) return;
    let live = true;
    setLoading(true);
    api
      .get<Page<EvaluationListItem>>('/api/evaluations', {
        query: {
          year,
          departmentId: department,
          state: states.length ? states.join(',') : undefined,
          grade: grades.length ? grades.join(',') : undefined,
          hasErrors: onlyErrors ? 'true' : undefined,
          search: search.trim() || undefined,
          sort: sort.field,
          direction: sort.direction,
          limit: pageSize,
          offset: (pageNo - 1) * pageSize,
        },
      })
      .then((p) => {
        if (!live) return;
        setPage(p);
        setError(null);
      })
      .catch((e: unknown) => live && setError(messageOf(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [year, department, states, grades, onlyErrors, search, sort, pageNo, pageSize, reloadKey]);

  const departments = useMemo(() => departmentsOf(tree), [tree]);

  const onTableChange: TableProps<EvaluationListItem>['onChange'] = (pagination, _filters, sorter) => {
    setPageNo(pagination.current ?? 1);
    setPageSize(pagination.pageSize ?? 20);
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    if (s?.order && typeof s.field === 'string') {
      setSort({ field: s.field as SortField, direction: s.order === 'ascend' ? 'asc' : 'desc' });
    } else {
      setSort({ field: 'unitName', direction: 'asc' });
    }
  };

  const downloadSummary = useCallback(async () => {
    if (year === undefined) return;
    try {
      const name = await download('/api/bureau/summary.xlsx', { year }, `${year}年度绩效自评汇总.xlsx`);
      void message.success(`已下载：${name}`);
    } catch (e) {
      void message.error(messageOf(e));
    }
  }, [year, message]);

  const sortOrder = (field: SortField) =>
    sort.field === field ? (sort.direction === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  return (
    <div className="bureau-page">
      <div className="bureau-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          自评汇总
        </Typography.Title>
        <Space wrap>
          <Button icon={<SafetyCertificateOutlined />} onClick={() => setBatchOpen(true)} disabled={year === undefined}>
            批量核查
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadSummary()} disabled={year === undefined}>
            下载汇总表
          </Button>
          <Tooltip title="重新读取">
            <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={() => setReloadKey((k) => k + 1)} />
          </Tooltip>
        </Space>
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="年度"
          style={{ width: 110 }}
          value={year}
          options={years.map((y) => ({ value: y, label: `${y}年度` }))}
          onChange={(v: number) => {
            setYear(v);
            setPageNo(1);
          }}
        />
        <Select
          aria-label="主管部门"
          style={{ width: 200 }}
          allowClear
          placeholder="全部主管部门"
          value={department}
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          onChange={(v: string | undefined) => {
            setDepartment(v);
            setPageNo(1);
          }}
        />
        <Select
          aria-label="状态"
          mode="multiple"
          style={{ minWidth: 260 }}
          maxTagCount="responsive"
          placeholder="全部状态"
          value={states}
          options={ALL_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
          onChange={(v: EvaluationState[]) => {
            setStates(v);
            setPageNo(1);
          }}
        />
        <Select
          aria-label="等次"
          mode="multiple"
          style={{ minWidth: 140 }}
          placeholder="全部等次"
          value={grades}
          options={['优', '良', '中', '差'].map((g) => ({ value: g, label: g }))}
          onChange={(v: string[]) => {
            setGrades(v);
            setPageNo(1);
          }}
        />
        <Checkbox
          checked={onlyErrors}
          onChange={(e) => {
            setOnlyErrors(e.target.checked);
            setPageNo(1);
          }}
        >
          只看有错误的
        </Checkbox>
        <Input.Search
          aria-label="搜索单位或项目"
          allowClear
          placeholder="单位或项目名称"
          style={{ width: 200 }}
          onSearch={(v) => {
            setSearch(v);
            setPageNo(1);
          }}
        />
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table<EvaluationListItem>
        className="bureau-evaluations-table"
        size="middle"
        rowKey="id"
        loading={loading}
        dataSource={page?.items ?? []}
        onChange={onTableChange}
        scroll={{ x: 1100 }}
        onRow={(r) => ({
          onDoubleClick: () => navigate(paths.bureauReview(r.id)),
        })}
        pagination={{
          current: pageNo,
          pageSize,
          total: page?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 份`,
        }}
        columns={[
          {
            title: '单位',
            dataIndex: 'unitName',
            sorter: true,
            sortOrder: sortOrder('unitName'),
            ellipsis: true,
            render: (name: string, r) => (
              <Link to={paths.bureauReview(r.id)}>
                {name}
                {r.kind === 'project' && r.projectName ? `·${r.projectName}` : ''}
              </Link>
            ),
          },
          {
            title: '主管部门',
            dataIndex: 'departmentName',
            ellipsis: true,
            width: 180,
            render: (d: string | null) => d ?? '—',
          },
          { title: '类型', dataIndex: 'kind', width: 110, render: (k: 'department' | 'project') => KIND_LABELS[k] },
          {
            title: '状态',
            dataIndex: 'state',
            width: 110,
            sorter: true,
            sortOrder: sortOrder('state'),
            render: (s: EvaluationState) => <Tag color={STATE_COLORS[s]}>{STATE_LABELS[s]}</Tag>,
          },
          {
            title: '自评总分',
            dataIndex: 'totalSelf',
            width: 100,
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('totalSelf'),
            render: (v: string | null) => <span className="num">{shown(v)}</span>,
          },
          {
            title: '重算总分',
            dataIndex: 'totalRecomputed',
            width: 100,
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('totalRecomputed'),
            render: (v: string | null, r) => (
              <span
                className={`num${v !== null && r.totalSelf !== null && v !== r.totalSelf ? ' review-cell-diff' : ''}`}
              >
                {shown(v)}
              </span>
            ),
          },
          {
            title: '等次',
            dataIndex: 'grade',
            width: 80,
            sorter: true,
            sortOrder: sortOrder('grade'),
            render: (g: string | null) => (g ? <Tag color={gradeColor(g)}>{g}</Tag> : '—'),
          },
          {
            title: '错误',
            dataIndex: 'errors',
            width: 76,
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('errors'),
            render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : <span className="bureau-muted">0</span>),
          },
          {
            title: '警告',
            dataIndex: 'warnings',
            width: 76,
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('warnings'),
            render: (n: number) => (n > 0 ? <Tag color="gold">{n}</Tag> : <span className="bureau-muted">0</span>),
          },
          {
            title: '更新时间',
            dataIndex: 'updatedAt',
            width: 150,
            sorter: true,
            sortOrder: sortOrder('updatedAt'),
            render: (v: string) => formatDateTime(v),
          },
        ]}
      />
      <BatchCheckDialog
        open={batchOpen}
        year={year}
        tasks={tasks.filter((t) => t.year === year)}
        onClose={(changed) => {
          setBatchOpen(false);
          if (changed) setReloadKey((k) => k + 1);
        }}
      />
    </div>
  );
}

function BatchCheckDialog({
  open,
  year,
  tasks,
  onClose,
}: {
  open: boolean;
  year: number | undefined;
  tasks: Task[];
  onClose: (changed: boolean) => void;
}) {
  const { message } = AntApp.useApp();
  const [taskId, setTaskId] = useState<string | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<BatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setResult(null);
    setError(null);
    setTaskId(tasks[0]?.id);
  }, [open, tasks]);

  const run = async () => {
    if (year === undefined) return;
    setRunning(true);
    setError(null);
    try {
      const body = taskId ? { taskId } : { year };
      setResult(await api.post<BatchResult>('/api/bureau/batch-check', body));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setRunning(false);
    }
  };

  const downloadSummary = async () => {
    try {
      const name = await download(
        '/api/bureau/summary.xlsx',
        taskId ? { taskId } : { year },
        `${year ?? ''}年度绩效自评汇总.xlsx`,
      );
      void message.success(`已下载：${name}`);
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  return (
    <Modal
      title="批量核查"
      open={open}
      width={900}
      onCancel={() => onClose(!!result && result.updated > 0)}
      footer={[
        <Button key="download" icon={<DownloadOutlined />} onClick={() => void downloadSummary()} disabled={running}>
          下载汇总表（.xlsx）
        </Button>,
        <Button key="close" onClick={() => onClose(!!result && result.updated > 0)}>
          关闭
        </Button>,
        <Button key="run" type="primary" loading={running} onClick={() => void run()}>
          {result ? '重新核查' : '开始核查'}
        </Button>,
      ]}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          对所选范围内所有已提交的自评按现行规则重新计分、核查，并更新列表中的总分、等次和问题数。
        </Typography.Paragraph>
        <Space>
          <span>范围：</span>
          <Select
            style={{ width: 360 }}
            value={taskId ?? ''}
            onChange={(v: string) => setTaskId(v === '' ? undefined : v)}
            options={[
              ...tasks.map((t) => ({ value: t.id, label: `任务：${t.title}` })),
              { value: '', label: `${year ?? ''}年度全部已提交的自评` },
            ]}
          />
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        {result && (
          <>
            <Alert
              type={result.items.some((i) => i.errors > 0) ? 'warning' : 'success'}
              showIcon
              message={`已核查 ${result.checked} 份，更新 ${result.updated} 份${result.skipped ? `，跳过 ${result.skipped} 份（核查期间被修改）` : ''}；其中 ${
                result.items.filter((i) => i.errors > 0).length
              } 份有错误。`}
            />
            <Table<BatchItem>
              size="small"
              rowKey="id"
              dataSource={result.items}
              pagination={result.items.length > 10 ? { pageSize: 10, size: 'small' } : false}
              columns={[
                {
                  title: '单位',
                  dataIndex: 'unitName',
                  ellipsis: true,
                  render: (n: string, r) => <Link to={paths.bureauReview(r.id)}>{n}</Link>,
                },
                {
                  title: '状态',
                  dataIndex: 'state',
                  width: 110,
                  render: (s: EvaluationState) => <Tag color={STATE_COLORS[s]}>{STATE_LABELS[s] ?? s}</Tag>,
                },
                { title: '自评总分', dataIndex: 'totalSelf', width: 90, align: 'right', render: shown },
                { title: '重算总分', dataIndex: 'totalRecomputed', width: 90, align: 'right', render: shown },
                {
                  title: '等次',
                  dataIndex: 'grade',
                  width: 70,
                  render: (g: string | null) => (g ? <Tag color={gradeColor(g)}>{g}</Tag> : '—'),
                },
                {
                  title: '错误',
                  dataIndex: 'errors',
                  width: 60,
                  align: 'right',
                  sorter: (a, b) => a.errors - b.errors,
                  render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
                },
                { title: '警告', dataIndex: 'warnings', width: 60, align: 'right' },
                {
                  title: '结果',
                  dataIndex: 'updated',
                  width: 80,
                  render: (u: boolean) =>
                    u ? <Tag color="blue">已更新</Tag> : <span className="bureau-muted">无变化</span>,
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
