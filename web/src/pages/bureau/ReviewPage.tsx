/**
 * 复核: one evaluation, read-only, for the finance bureau. Findings come from the API's check route (the core's
 * own checks), the 复核得分 per row beside the self and recomputed scores are saved through the review route,
 * comments are pinned to fields; the reviewer returns the evaluation with a reason, accepts it, or publishes it.
 */
import { ArrowLeftOutlined, DownloadOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Dropdown,
  Empty,
  Input,
  Modal,
  Result,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckResult } from '../../../../src/checks/index.js';
import { api, ApiRequestError, download, messageOf } from '../../api/client.js';
import type { Comment, EvaluationView, ExportFormat, TransitionName, TransitionResult } from '../../api/types.js';
import { KIND_LABELS, STATE_COLORS, STATE_LABELS, TRANSITION_LABELS } from '../../api/types.js';
import { useSession } from '../../auth/session.js';
import { paths } from '../../paths.js';
import { addNavigationBlocker, navigate } from '../../router/router.js';
import type { PageProps } from '../types.js';
import { shown } from './format.js';
import { DocumentTab } from './ReviewDocument.js';
import ReviewSheet, { type ReviewSummary } from './ReviewSheet.js';
import ReviewSide, { type SideTab } from './ReviewSide.js';
import {
  changedScores,
  describePath,
  editProblems,
  FUNDING_PIN_FIELDS,
  INDICATOR_PIN_FIELDS,
  joinPath,
  pathPrefixes,
  splitPath,
  TAB_LABELS,
  tabOfPath,
  type ReviewEdit,
  type ReviewTab,
} from './review-data.js';
import './bureau.css';

interface Loaded {
  view: EvaluationView;
  check: CheckResult;
  review: ReviewSummary | null;
  comments: Comment[];
}

const EXPORTS: { key: ExportFormat; label: string }[] = [
  { key: 'docx', label: 'Word（.docx）' },
  { key: 'xlsx', label: 'Excel（.xlsx）' },
  { key: 'pdf', label: 'PDF' },
  { key: 'html', label: '网页（.html）' },
];

/** The reviewer's actions, in the order they are offered. */
const ACTIONS: TransitionName[] = ['return', 'accept', 'publish'];

export default function ReviewPage({ params }: PageProps) {
  const id = params['id'] ?? '';
  const { can } = useSession();
  const { message, modal } = AntApp.useApp();
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tab, setTab] = useState<ReviewTab>('sheet');
  const [sideTab, setSideTab] = useState<SideTab>('findings');
  const [rowFilter, setRowFilter] = useState<string | null>(null);
  const [edits, setEdits] = useState<Record<string, ReviewEdit>>({});
  const [saving, setSaving] = useState(false);
  const [pin, setPin] = useState<{ row: string } | null>(null);
  const [pinPath, setPinPath] = useState('');
  const [returning, setReturning] = useState(false);
  const [acting, setActing] = useState<TransitionName | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const enc = encodeURIComponent(id);
      const [view, check, comments] = await Promise.all([
        api.get<EvaluationView>(`/api/evaluations/${enc}`),
        api.get<CheckResult>(`/api/evaluations/${enc}/check`),
        api.get<{ items: Comment[] }>(`/api/evaluations/${enc}/comments`),
      ]);
      const review = can('review.read') ? await api.get<ReviewSummary>(`/api/evaluations/${enc}/review`) : null;
      setData({ view, check, review, comments: comments.items });
      setError(null);
    } catch (e) {
      setError(e instanceof ApiRequestError ? e : new ApiRequestError(0, 'unknown', messageOf(e)));
    } finally {
      setLoading(false);
    }
  }, [id, can]);

  useEffect(() => {
    void load();
  }, [load]);

  const editable = !!data && data.view.evaluation.state === 'unitApproved' && can('review.write');
  const rows = useMemo(() => data?.review?.rows ?? [], [data]);
  const problems = useMemo(() => editProblems(rows, edits), [rows, edits]);
  const changes = useMemo(() => changedScores(rows, edits), [rows, edits]);
  const dirty = changes.length > 0;

  // unsaved review scores: ask before leaving
  useEffect(() => addNavigationBlocker(() => (dirty ? '复核得分尚未保存，确定离开吗？' : null)), [dirty]);
  useEffect(() => {
    if (!dirty) return;
    const h = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', h);
    return () => window.removeEventListener('beforeunload', h);
  }, [dirty]);

  const onEdit = useCallback((indicatorId: string, edit: ReviewEdit) => {
    setEdits((prev) => ({ ...prev, [indicatorId]: edit }));
  }, []);

  /** Jump to the element showing a field: its tab, then the nearest element carrying the path, flashed. */
  const mainRef = useRef<HTMLDivElement>(null);
  const [jump, setJump] = useState<{ path: string; n: number } | null>(null);
  const goTo = useCallback((path: string) => {
    if (path === '') return;
    setTab(tabOfPath(path));
    setJump((j) => ({ path, n: (j?.n ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    if (!jump) return;
    // after the tab has rendered
    const timer = window.setTimeout(() => {
      for (const p of pathPrefixes(jump.path)) {
        const el = document.querySelector<HTMLElement>(`.review-page [data-path="${CSS.escape(p)}"]`);
        if (!el) continue;
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
        const cls = el.tagName === 'TR' ? 'review-row-flash' : 'review-flash';
        el.classList.remove(cls);
        void el.offsetWidth; // restart the animation
        el.classList.add(cls);
        window.setTimeout(() => el.classList.remove(cls), 2500);
        return;
      }
    }, 60);
    return () => window.clearTimeout(timer);
  }, [jump, tab]);

  const saveScores = async () => {
    if (!data || changes.length === 0) return;
    setSaving(true);
    try {
      const review = await api.put<ReviewSummary>(`/api/evaluations/${encodeURIComponent(id)}/review`, {
        scores: changes,
      });
      setData({ ...data, review });
      setEdits({});
      void message.success(`已保存 ${changes.length} 行复核得分`);
      if (review.findings.length > 0) setSideTab('findings');
    } catch (e) {
      void message.error(messageOf(e));
    } finally {
      setSaving(false);
    }
  };

  const addComment = async (fieldPath: string, body: string) => {
    try {
      const c = await api.post<Comment>(`/api/evaluations/${encodeURIComponent(id)}/comments`, { fieldPath, body });
      setData((d) => (d ? { ...d, comments: [...d.comments, c] } : d));
      void message.success('已添加批注');
    } catch (e) {
      void message.error(messageOf(e));
      throw e;
    }
  };

  const resolve = async (commentId: string) => {
    try {
      const c = await api.post<Comment>(`/api/comments/${encodeURIComponent(commentId)}/resolve`);
      setData((d) => (d ? { ...d, comments: d.comments.map((x) => (x.id === c.id ? c : x)) } : d));
    } catch (e) {
      void message.error(messageOf(e));
    }
  };

  const fire = async (name: TransitionName, body: { comment?: string; fieldPath?: string } = {}) => {
    if (!data) return;
    setActing(name);
    try {
      await api.post<TransitionResult>(`/api/evaluations/${encodeURIComponent(id)}/transitions/${name}`, {
        ...body,
        version: data.view.evaluation.currentVersion,
      });
      void message.success(`已${TRANSITION_LABELS[name]}`);
      setEdits({});
      await load();
    } catch (e) {
      void message.error(messageOf(e));
      if (e instanceof ApiRequestError && e.status === 409) await load();
    } finally {
      setActing(null);
    }
  };

  const confirmAction = (name: TransitionName) => {
    if (!data) return;
    if (name === 'return') {
      setReturning(true);
      return;
    }
    const review = data.review;
    const content =
      name === 'accept'
        ? [
            dirty ? '有未保存的复核得分，通过前请先保存。' : null,
            review && !review.complete
              ? `已复核 ${review.reviewedRows}/${review.rows.length} 行，未复核的行按自评得分计入复核总分（${review.reviewTotal} 分）。`
              : review
                ? `复核总分 ${review.reviewTotal} 分。`
                : null,
            data.check.summary.errors > 0 ? `该自评仍有 ${data.check.summary.errors} 个错误。` : null,
          ]
            .filter(Boolean)
            .join('')
        : '公开后，评价结果和报告将在“结果公开”页面对所有人可见。';
    if (name === 'accept' && dirty) {
      void message.warning('有未保存的复核得分，请先保存');
      return;
    }
    modal.confirm({
      title: `确定${TRANSITION_LABELS[name]}？`,
      content: content || undefined,
      okText: TRANSITION_LABELS[name],
      cancelText: '取消',
      onOk: () => fire(name),
    });
  };

  if (loading && !data) {
    return (
      <div className="page-loading">
        <Spin size="large" />
      </div>
    );
  }
  if (error && !data) {
    return (
      <Result
        status={error.status === 404 ? '404' : error.status === 403 ? '403' : 'error'}
        title={error.status === 404 ? '该自评不存在' : '无法打开该自评'}
        subTitle={error.message}
        extra={<Button onClick={() => navigate(paths.bureauEvaluations)}>返回自评汇总</Button>}
      />
    );
  }
  if (!data) return null;

  const { view, check, review, comments } = data;
  const record = view.evaluation;
  const doc = view.document;
  const findings = [...(review?.findings ?? []), ...check.findings];
  const actions = ACTIONS.filter((a) => view.transitions.includes(a));
  const hasSheet = check.score.items.length > 1 || !!doc.selfEvaluation;

  return (
    <div className="review-page">
      <div className="review-header">
        <Tooltip title="返回自评汇总">
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label="返回"
            onClick={() => navigate(paths.bureauEvaluations)}
          />
        </Tooltip>
        <div className="review-title">
          <Typography.Title level={4} title={record.unitName}>
            {record.unitName} {record.year}年{KIND_LABELS[record.kind]}绩效自评
            {record.projectName ? `·${record.projectName}` : ''}
          </Typography.Title>
          <Space size={6} wrap>
            <Tag color={STATE_COLORS[record.state]} data-state={record.state}>
              {STATE_LABELS[record.state]}
            </Tag>
            <span className="bureau-muted">第 {record.currentVersion} 版</span>
            {editable && <Tag color="processing">可填写复核得分</Tag>}
          </Space>
        </div>
        <div className="review-totals">
          <Total
            label="自评总分"
            value={shown(check.score.selfReported.total)}
            sub={check.score.selfReported.grade ?? undefined}
          />
          <Total label="重算总分" value={String(check.score.recomputed.total)} sub={check.score.recomputed.grade} />
          {review && (
            <Total
              label="复核总分"
              value={review.reviewTotal}
              sub={`已复核 ${review.reviewedRows}/${review.rows.length}`}
              warn={review.findings.length > 0}
            />
          )}
        </div>
        <Space wrap>
          {editable && (
            <Button
              icon={<SaveOutlined />}
              type={dirty ? 'primary' : 'default'}
              disabled={!dirty || Object.keys(problems).length > 0}
              loading={saving}
              onClick={() => void saveScores()}
            >
              保存复核得分{dirty ? `（${changes.length}）` : ''}
            </Button>
          )}
          {actions.map((a) => (
            <Button
              key={a}
              danger={a === 'return'}
              type={a === 'return' ? 'default' : 'primary'}
              loading={acting === a}
              onClick={() => confirmAction(a)}
            >
              {TRANSITION_LABELS[a]}
            </Button>
          ))}
          <Dropdown
            menu={{
              items: EXPORTS.map((x) => ({ key: x.key, label: x.label })),
              onClick: ({ key }) => {
                void download(
                  `/api/evaluations/${encodeURIComponent(id)}/export`,
                  { format: key, withReview: 'true' },
                  `export.${key}`,
                ).catch((e: unknown) => void message.error(messageOf(e)));
              },
            }}
          >
            <Button icon={<DownloadOutlined />}>导出</Button>
          </Dropdown>
          <Tooltip title="重新读取">
            <Button icon={<ReloadOutlined />} aria-label="刷新" onClick={() => void load()} loading={loading} />
          </Tooltip>
        </Space>
      </div>
      {check.summary.errors > 0 && (
        <Alert
          type="error"
          banner
          showIcon
          message={`核查发现 ${check.summary.errors} 个错误、${check.summary.warnings} 个警告；点击右侧的问题可定位到相应字段。`}
        />
      )}
      <div className="review-body">
        <div className="review-main" ref={mainRef}>
          <Tabs
            className="review-tabs"
            activeKey={tab}
            onChange={(k) => {
              setTab(k as ReviewTab);
              mainRef.current?.scrollTo({ top: 0 });
            }}
            items={(Object.keys(TAB_LABELS) as ReviewTab[]).map((k) => ({ key: k, label: TAB_LABELS[k] }))}
          />
          {tab === 'sheet' ? (
            hasSheet ? (
              <ReviewSheet
                document={doc}
                items={check.score.items}
                review={review}
                findings={findings}
                comments={comments}
                editable={editable}
                edits={edits}
                problems={problems}
                onEdit={onEdit}
                onPin={can('comment.create') ? (row) => setPin({ row }) : null}
                stickyContainer={() => mainRef.current ?? document.body}
                onShowFindings={(row) => {
                  setRowFilter(row);
                  setSideTab('findings');
                }}
                totals={{
                  self: check.score.selfReported.total,
                  recomputed: check.score.recomputed.total,
                  grade: check.score.recomputed.grade,
                }}
              />
            ) : (
              <Empty description="报告中没有自评表" />
            )
          ) : (
            <DocumentTab
              tab={tab}
              document={doc}
              findings={findings}
              comments={comments}
              onPin={can('comment.create') ? (row) => setPin({ row }) : null}
              execution={check.score.items[0]}
            />
          )}
        </div>
        <aside className="review-side" aria-label="核查发现与批注">
          <ReviewSide
            document={doc}
            findings={findings}
            comments={comments}
            tab={sideTab}
            onTab={setSideTab}
            rowFilter={rowFilter}
            onClearRowFilter={() => setRowFilter(null)}
            onGo={goTo}
            canComment={can('comment.create')}
            canResolve={can('comment.resolve')}
            onAddComment={addComment}
            onResolve={resolve}
            pinPath={pinPath}
            onPinPath={setPinPath}
          />
        </aside>
      </div>
      <PinDialog
        row={pin?.row ?? null}
        document={doc}
        onClose={() => setPin(null)}
        onSubmit={async (fieldPath, body) => {
          await addComment(fieldPath, body);
          setPin(null);
          setSideTab('comments');
        }}
      />
      <ReturnDialog
        open={returning}
        commentPaths={[...new Set(comments.filter((c) => !c.resolvedAt && c.fieldPath !== '').map((c) => c.fieldPath))]}
        document={doc}
        onClose={() => setReturning(false)}
        onSubmit={async (comment, fieldPath) => {
          await fire('return', { comment, ...(fieldPath ? { fieldPath } : {}) });
          setReturning(false);
        }}
      />
    </div>
  );
}

function Total({ label, value, sub, warn }: { label: string; value: string; sub?: string; warn?: boolean }) {
  return (
    <div className="review-total">
      <span className="review-total-label">{label}</span>
      <span className="review-total-value" style={warn ? { color: '#cf1322' } : undefined}>
        {value}
      </span>
      {sub && <span className="review-total-label">{sub}</span>}
    </div>
  );
}

function PinDialog({
  row,
  document: doc,
  onClose,
  onSubmit,
}: {
  row: string | null;
  document: EvaluationView['document'];
  onClose: () => void;
  onSubmit: (fieldPath: string, body: string) => Promise<void>;
}) {
  const [suffix, setSuffix] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setSuffix('');
    setBody('');
  }, [row]);
  if (row === null) return null;
  const p = splitPath(row);
  const fields =
    p[0] === 'selfEvaluation' && p[1] === 'indicators'
      ? INDICATOR_PIN_FIELDS
      : row === 'selfEvaluation.funding'
        ? FUNDING_PIN_FIELDS
        : [{ suffix: '', label: '整行' }];
  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit(joinPath(row, suffix), body.trim());
    } catch {
      // the message was shown; keep the dialog and the text
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`添加批注：${describePath(row, doc)}`}
      okText="添加批注"
      cancelText="取消"
      okButtonProps={{ disabled: !body.trim(), loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      {fields.length > 1 && (
        <Space style={{ marginBottom: 8 }}>
          <span>针对：</span>
          <Select
            style={{ width: 260 }}
            aria-label="批注针对的字段"
            value={suffix}
            onChange={setSuffix}
            options={fields.map((f) => ({ value: f.suffix, label: f.label }))}
          />
        </Space>
      )}
      <Input.TextArea
        aria-label="批注内容"
        autoFocus
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={5000}
        placeholder="写下需要单位说明或修改的内容"
        value={body}
        onChange={(e) => setBody(e.target.value)}
      />
    </Modal>
  );
}

function ReturnDialog({
  open,
  commentPaths,
  document: doc,
  onClose,
  onSubmit,
}: {
  open: boolean;
  commentPaths: string[];
  document: EvaluationView['document'];
  onClose: () => void;
  onSubmit: (comment: string, fieldPath: string) => Promise<void>;
}) {
  const [comment, setComment] = useState('');
  const [fieldPath, setFieldPath] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setComment('');
      setFieldPath('');
    }
  }, [open]);
  return (
    <Modal
      open={open}
      title="退回单位修改"
      okText="退回"
      okButtonProps={{ danger: true, disabled: !comment.trim(), loading: busy }}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => {
        setBusy(true);
        void onSubmit(comment.trim(), fieldPath).finally(() => setBusy(false));
      }}
    >
      <Typography.Paragraph type="secondary">
        退回后单位可重新编辑；退回原因和各字段上的批注会显示在单位的编辑页面中。
      </Typography.Paragraph>
      {commentPaths.length > 0 && (
        <Space style={{ marginBottom: 8 }}>
          <span>原因针对：</span>
          <Select
            style={{ width: 320 }}
            aria-label="退回原因针对的字段"
            value={fieldPath}
            onChange={setFieldPath}
            options={[
              { value: '', label: '整份自评' },
              ...commentPaths.map((p) => ({ value: p, label: describePath(p, doc) })),
            ]}
          />
        </Space>
      )}
      <Input.TextArea
        aria-label="退回原因"
        autoFocus
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={5000}
        placeholder="请写明需要修改的内容（必填）"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
    </Modal>
  );
}
