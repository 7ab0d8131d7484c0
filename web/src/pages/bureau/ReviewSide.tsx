/**
 * The review page's side panel: the findings (from the API's check route, plus the review's own 自评不实 flag),
 * each in plain Chinese with its place and fix, clicking one jumps to its field; and the comments pinned to fields,
 * with a form to add one.
 */
import { CheckOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Segmented, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Finding, Severity } from '../../../../src/checks/types.js';
import type { Evaluation } from '../../../../src/model/evaluation.js';
import type { Comment } from '../../api/types.js';
import { formatDateTime } from './format.js';
import { countBySeverity, describePath, findingTouchesRow } from './review-data.js';

const SEVERITY_TAGS: Readonly<Record<Severity, { color: string; label: string }>> = {
  error: { color: 'red', label: '错误' },
  warning: { color: 'gold', label: '警告' },
  info: { color: 'blue', label: '提示' },
};

/** Where a finding's first place stood in the imported file, in words. */
function sourceOf(f: Finding): string | null {
  const s = f.where.find((w) => w.source)?.source;
  if (!s) return null;
  if (s.page !== undefined) return `原文第 ${s.page} 页`;
  if (s.sheet !== undefined) return `工作表“${s.sheet}”${s.cell ?? ''}`;
  if (s.table !== undefined) return `原文表 ${s.table}${s.row !== undefined ? ` 第 ${s.row} 行` : ''}`;
  if (s.line !== undefined) return `原文第 ${s.line} 行`;
  if (s.paragraph !== undefined) return `原文第 ${s.paragraph} 段`;
  return null;
}

export type SideTab = 'findings' | 'comments';

export interface ReviewSideProps {
  document: Evaluation;
  findings: readonly Finding[];
  comments: readonly Comment[];
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  /** show only the findings of this row (set by a row's warning button) */
  rowFilter: string | null;
  onClearRowFilter: () => void;
  onGo: (path: string) => void;
  canComment: boolean;
  canResolve: boolean;
  onAddComment: (fieldPath: string, body: string) => Promise<void>;
  onResolve: (id: string) => Promise<void>;
  /** the field a new comment is pinned to ('' = the whole evaluation) */
  pinPath: string;
  onPinPath: (path: string) => void;
}

export default function ReviewSide(props: ReviewSideProps) {
  const counts = countBySeverity(props.findings);
  const open = props.comments.filter((c) => !c.resolvedAt).length;
  return (
    <Tabs
      activeKey={props.tab}
      onChange={(k) => props.onTab(k as SideTab)}
      tabBarStyle={{ padding: '0 12px', marginBottom: 8 }}
      items={[
        {
          key: 'findings',
          label: (
            <span>
              核查发现 {counts.error > 0 ? <Tag color="red">{counts.error}</Tag> : null}
              {counts.warning > 0 ? <Tag color="gold">{counts.warning}</Tag> : null}
            </span>
          ),
          children: <FindingsList {...props} />,
        },
        {
          key: 'comments',
          label: <span>批注 {open > 0 ? <Tag color="orange">{open}</Tag> : null}</span>,
          children: <CommentsList {...props} />,
        },
      ]}
    />
  );
}

function FindingsList({ findings, document: doc, onGo, rowFilter, onClearRowFilter }: ReviewSideProps) {
  const [severity, setSeverity] = useState<Severity | 'all'>('all');
  const shownFindings = useMemo(
    () =>
      findings.filter(
        (f) =>
          (severity === 'all' || f.severity === severity) && (rowFilter === null || findingTouchesRow(f, rowFilter)),
      ),
    [findings, severity, rowFilter],
  );
  const counts = countBySeverity(findings);
  return (
    <div>
      <Segmented<Severity | 'all'>
        size="small"
        block
        value={severity}
        onChange={setSeverity}
        options={[
          { value: 'all', label: `全部 ${findings.length}` },
          { value: 'error', label: `错误 ${counts.error}` },
          { value: 'warning', label: `警告 ${counts.warning}` },
          { value: 'info', label: `提示 ${counts.info}` },
        ]}
        style={{ marginBottom: 8 }}
      />
      {rowFilter !== null && (
        <div style={{ marginBottom: 8 }}>
          <Tag closable onClose={onClearRowFilter} color="processing">
            仅看：{describePath(rowFilter, doc)}
          </Tag>
        </div>
      )}
      {shownFindings.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={findings.length === 0 ? '没有发现问题' : '没有符合条件的问题'}
        />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="核查发现">
          {shownFindings.map((f, i) => {
            const place = f.where[0]?.path;
            const src = sourceOf(f);
            return (
              <li key={`${f.rule}-${i}`}>
                <button
                  type="button"
                  className="review-finding"
                  data-rule={f.rule}
                  onClick={() => place !== undefined && onGo(place)}
                >
                  <Space size={4} align="start">
                    <Tag color={SEVERITY_TAGS[f.severity].color} style={{ marginRight: 0 }}>
                      {SEVERITY_TAGS[f.severity].label}
                    </Tag>
                    <span>{f.message}</span>
                  </Space>
                  {place !== undefined && (
                    <div className="review-finding-place">
                      {describePath(place, doc)}
                      {src ? `（${src}）` : ''}
                      {f.where.length > 1 ? ` 等 ${f.where.length} 处` : ''}
                    </div>
                  )}
                  {f.fix && <div className="review-finding-fix">如何修改：{f.fix}</div>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function CommentsList({
  comments,
  document: doc,
  onGo,
  canComment,
  canResolve,
  onAddComment,
  onResolve,
  pinPath,
  onPinPath,
}: ReviewSideProps) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const sorted = useMemo(
    () =>
      [...comments].sort(
        (a, b) => Number(!!a.resolvedAt) - Number(!!b.resolvedAt) || b.createdAt.localeCompare(a.createdAt),
      ),
    [comments],
  );
  const add = async () => {
    if (!body.trim()) return;
    setBusy(true);
    try {
      await onAddComment(pinPath, body.trim());
      setBody('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      {canComment && (
        <div className="review-block" style={{ padding: 8, border: '1px solid #f0f0f0' }}>
          <Select
            size="small"
            style={{ width: '100%', marginBottom: 6 }}
            aria-label="批注针对的字段"
            value={pinPath}
            onChange={onPinPath}
            options={[
              { value: '', label: '整份自评' },
              ...(pinPath !== '' ? [{ value: pinPath, label: describePath(pinPath, doc) }] : []),
            ]}
          />
          <Input.TextArea
            aria-label="批注内容"
            placeholder="写下需要单位说明或修改的内容"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={5000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <div style={{ textAlign: 'right', marginTop: 6 }}>
            <Button size="small" type="primary" loading={busy} disabled={!body.trim()} onClick={() => void add()}>
              添加批注
            </Button>
          </div>
        </div>
      )}
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无批注" />
      ) : (
        sorted.map((c) => (
          <div
            key={c.id}
            className={`review-comment${c.resolvedAt ? ' review-comment-resolved' : ''}`}
            data-comment={c.id}
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Link onClick={() => onGo(c.fieldPath)} style={{ fontSize: 12 }}>
                {describePath(c.fieldPath, doc)}
              </Typography.Link>
              {c.resolvedAt ? (
                <Tag color="green" style={{ marginRight: 0 }}>
                  已处理
                </Tag>
              ) : canResolve ? (
                <Button size="small" type="link" icon={<CheckOutlined />} onClick={() => void onResolve(c.id)}>
                  标记已处理
                </Button>
              ) : null}
            </div>
            <div style={{ whiteSpace: 'pre-wrap', margin: '2px 0' }}>{c.body}</div>
            <div className="bureau-muted" style={{ fontSize: 12 }}>
              第 {c.version} 版 · {formatDateTime(c.createdAt)}
            </div>
          </div>
        ))
      )}
    </div>
  );
}
