/**
 * The 自评表 on the review page: every scored row (预算执行率 first, then each 三级指标) with the unit's figures,
 * its self score, the recomputed score (the formula on hover) and the bureau's 复核得分 with a note, editable while
 * the evaluation awaits review. Rows carry `data-path` so that findings and comments can jump to them.
 */
import { WarningOutlined } from '@ant-design/icons';
import { Badge, Button, Input, Table, Tag, Tooltip } from 'antd';
import { memo, useMemo, type HTMLAttributes } from 'react';
import type { Finding } from '../../../../src/checks/types.js';
import type { Evaluation, Indicator } from '../../../../src/model/evaluation.js';
import { FLAG_NAMES } from '../../../../src/scoring/names.js';
import type { ScoreItem } from '../../../../src/scoring/types.js';
import type { Comment } from '../../api/types.js';
import { shown } from './format.js';
import PinButton from './PinButton.js';
import { commentsInRow, findingsInRow, splitPath, type ReviewEdit } from './review-data.js';

/** One row of the review API (GET /api/evaluations/{id}/review). */
export interface ReviewRow {
  indicatorId: string;
  label: string;
  category: string | null;
  weight: string | null;
  selfScore: string | null;
  recomputed: string | null;
  reviewScore: string | null;
  note: string | null;
  reviewerId: string | null;
  updatedAt: string | null;
}

export interface ReviewSummary {
  rows: ReviewRow[];
  selfTotal: string | null;
  reviewTotal: string;
  reviewedRows: number;
  complete: boolean;
  gap: string | null;
  threshold: string;
  findings: Finding[];
}

interface SheetRow {
  key: string;
  path: string;
  item: ScoreItem;
  indicator: Indicator | undefined;
  review: ReviewRow | undefined;
  findings: Finding[];
  comments: Comment[];
}

export interface ReviewSheetProps {
  document: Evaluation;
  items: readonly ScoreItem[];
  review: ReviewSummary | null;
  findings: readonly Finding[];
  comments: readonly Comment[];
  editable: boolean;
  edits: Readonly<Record<string, ReviewEdit>>;
  problems: Readonly<Record<string, string>>;
  onEdit: (indicatorId: string, edit: ReviewEdit) => void;
  onPin: ((rowPath: string) => void) | null;
  onShowFindings: (rowPath: string) => void;
  /** the scrolling element the header sticks in (below the tab bar) */
  stickyContainer: () => HTMLElement;
  totals: { self: number | null; recomputed: number; grade: string };
}

function rowIdOf(item: ScoreItem): string {
  return item.indicatorId ?? 'execution';
}

function indicatorOf(doc: Evaluation, path: string): Indicator | undefined {
  const p = splitPath(path);
  if (p[0] !== 'selfEvaluation' || p[1] !== 'indicators' || p[2] === undefined) return undefined;
  return doc.selfEvaluation?.indicators[Number(p[2])];
}

const ScoreCell = memo(function ScoreCell({
  id,
  value,
  note,
  problem,
  weight,
  onEdit,
}: {
  id: string;
  value: string;
  note: string;
  problem: string | undefined;
  weight: string | null;
  onEdit: (indicatorId: string, edit: ReviewEdit) => void;
}) {
  return (
    <Tooltip title={problem} open={problem ? undefined : false} color="red">
      <Input
        className="review-score-input num"
        size="small"
        inputMode="decimal"
        aria-label="复核得分"
        data-review-score={id}
        status={problem ? 'error' : undefined}
        placeholder={weight ?? ''}
        value={value}
        onChange={(e) => onEdit(id, { reviewScore: e.target.value, note })}
        onKeyDown={(e) => {
          // Enter / Shift+Enter: the next / previous row's review score, as in a spreadsheet
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const all = [...document.querySelectorAll<HTMLInputElement>('input[data-review-score]')];
          const next = all[all.indexOf(e.currentTarget) + (e.shiftKey ? -1 : 1)];
          next?.focus();
          next?.select();
        }}
      />
    </Tooltip>
  );
});

const NoteCell = memo(function NoteCell({
  id,
  value,
  score,
  onEdit,
}: {
  id: string;
  value: string;
  score: string;
  onEdit: (indicatorId: string, edit: ReviewEdit) => void;
}) {
  return (
    <Input
      size="small"
      aria-label="复核说明"
      placeholder="复核说明"
      value={value}
      maxLength={2000}
      onChange={(e) => onEdit(id, { reviewScore: score, note: e.target.value })}
    />
  );
});

/** A row's findings (click: show them in the side panel) and comments (click: add one). */
function RowMarks({
  path,
  findings,
  comments,
  onPin,
  onShowFindings,
}: {
  path: string;
  findings: readonly Finding[];
  comments: readonly Comment[];
  onPin: ((rowPath: string) => void) | null;
  onShowFindings: (rowPath: string) => void;
}) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <span style={{ display: 'inline-flex', gap: 4 }}>
      {findings.length > 0 && (
        <Tooltip title={findings.map((f) => f.message).join('\n')}>
          <Button
            size="small"
            type="text"
            aria-label="查看本行的问题"
            onClick={() => onShowFindings(path)}
            icon={
              <Badge count={findings.length} size="small" color={errors ? '#cf1322' : '#faad14'} offset={[4, -2]}>
                <WarningOutlined style={{ color: errors ? '#cf1322' : '#faad14' }} />
              </Badge>
            }
          />
        </Tooltip>
      )}
      <PinButton path={path} count={comments.length} onPin={onPin} />
    </span>
  );
}

export default function ReviewSheet(props: ReviewSheetProps) {
  const {
    document: doc,
    items,
    review,
    findings,
    comments,
    editable,
    edits,
    problems,
    onEdit,
    onPin,
    onShowFindings,
  } = props;

  const rows = useMemo<SheetRow[]>(() => {
    const byId = new Map((review?.rows ?? []).map((r) => [r.indicatorId, r]));
    return items.map((item) => {
      const path = item.indicatorId === undefined ? 'selfEvaluation.funding' : item.path;
      return {
        key: rowIdOf(item),
        path,
        item,
        indicator: indicatorOf(doc, item.path),
        review: byId.get(rowIdOf(item)),
        findings: findingsInRow(findings, path),
        comments: commentsInRow(
          comments.filter((c) => !c.resolvedAt),
          path,
        ),
      };
    });
  }, [doc, items, review, findings, comments]);

  const se = doc.selfEvaluation;
  const funding = se?.funding;

  return (
    <Table<SheetRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: editable ? 1180 : 1000 }}
      sticky={{ offsetHeader: 54, getContainer: props.stickyContainer }}
      onRow={(r) => ({ 'data-path': r.path }) as HTMLAttributes<HTMLElement>}
      rowClassName={(r) => (r.findings.some((f) => f.severity === 'error') ? 'review-row-error' : '')}
      columns={[
        {
          title: '指标',
          key: 'name',
          width: 230,
          fixed: 'left',
          render: (_: unknown, r) => (
            <div>
              {r.indicator ? (
                <div className="bureau-muted" style={{ fontSize: 12 }}>
                  {[r.indicator.category, r.indicator.subcategory].filter(Boolean).join(' / ')}
                </div>
              ) : null}
              <div>{r.item.label || '（未填指标名称）'}</div>
              {r.item.flags.length > 0 && (
                <div style={{ marginTop: 2 }}>
                  {r.item.flags.map((f) => (
                    <Tag key={f} color="orange" style={{ fontSize: 11, marginBottom: 2 }}>
                      {FLAG_NAMES[f]}
                    </Tag>
                  ))}
                </div>
              )}
            </div>
          ),
        },
        {
          title: '年度指标值',
          key: 'target',
          width: 120,
          render: (_: unknown, r) =>
            r.indicator
              ? shown(r.indicator.target?.text)
              : funding
                ? `全年预算数 ${shown(funding.adjustedBudget?.text)}`
                : '—',
        },
        {
          title: '实际完成值',
          key: 'actual',
          width: 120,
          render: (_: unknown, r) =>
            r.indicator
              ? shown(r.indicator.actual?.text)
              : funding
                ? `全年执行数 ${shown(funding.executed?.text)}`
                : '—',
        },
        {
          title: '分值',
          key: 'weight',
          width: 60,
          align: 'right',
          render: (_: unknown, r) => <span className="num">{shown(r.review?.weight ?? r.item.weight)}</span>,
        },
        {
          title: '自评得分',
          key: 'self',
          width: 76,
          align: 'right',
          render: (_: unknown, r) => <span className="num">{shown(r.review?.selfScore ?? r.item.selfScore)}</span>,
        },
        {
          title: '重算得分',
          key: 'recomputed',
          width: 84,
          align: 'right',
          render: (_: unknown, r) => {
            const differs = r.item.difference !== null && r.item.difference !== 0;
            return (
              <Tooltip title={r.item.unscorableReason ?? r.item.formula}>
                <span className={`num${differs ? ' review-cell-diff' : ''}`} tabIndex={0} data-formula={r.key}>
                  {shown(r.review?.recomputed ?? r.item.recomputed)}
                </span>
              </Tooltip>
            );
          },
        },
        {
          title: '复核得分',
          key: 'review',
          width: editable ? 96 : 80,
          align: 'right',
          render: (_: unknown, r) => {
            const saved = r.review?.reviewScore ?? null;
            if (!editable) return <span className="num">{shown(saved)}</span>;
            const edit = edits[r.key];
            return (
              <ScoreCell
                id={r.key}
                value={edit ? edit.reviewScore : (saved ?? '')}
                note={edit ? edit.note : (r.review?.note ?? '')}
                problem={problems[r.key]}
                weight={r.review?.weight ?? null}
                onEdit={onEdit}
              />
            );
          },
        },
        {
          title: '复核说明',
          key: 'note',
          width: editable ? 200 : 160,
          render: (_: unknown, r) => {
            if (!editable) return r.review?.note ?? '';
            const edit = edits[r.key];
            return (
              <NoteCell
                id={r.key}
                value={edit ? edit.note : (r.review?.note ?? '')}
                score={edit ? edit.reviewScore : (r.review?.reviewScore ?? '')}
                onEdit={onEdit}
              />
            );
          },
        },
        {
          title: '偏差原因',
          key: 'deviation',
          width: 200,
          ellipsis: { showTitle: false },
          render: (_: unknown, r) =>
            r.indicator?.deviationNote ? (
              <Tooltip title={r.indicator.deviationNote} placement="topLeft">
                {r.indicator.deviationNote}
              </Tooltip>
            ) : (
              ''
            ),
        },
        {
          title: '问题/批注',
          key: 'marks',
          width: 96,
          fixed: 'right',
          render: (_: unknown, r) => (
            <RowMarks
              path={r.path}
              findings={r.findings}
              comments={r.comments}
              onPin={onPin}
              onShowFindings={onShowFindings}
            />
          ),
        },
      ]}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row data-path="selfEvaluation.totalScore">
            <Table.Summary.Cell index={0} colSpan={3}>
              <strong>总分</strong>
              <span className="bureau-muted" style={{ marginLeft: 8 }}>
                表中总分 {shown(se?.totalScore?.text)}；等次 {shown(se?.grade ?? doc.selfReported.grade)}
              </span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <span className="num">{shown(se?.totalWeight?.text)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <strong className="num">{shown(props.totals.self)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <Tooltip title={`重算等次：${props.totals.grade}`}>
                <strong className="num">{props.totals.recomputed}</strong>
              </Tooltip>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              <strong className="num">{shown(review?.reviewTotal)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} colSpan={2}>
              <span className="bureau-muted">
                {review ? `已复核 ${review.reviewedRows}/${review.rows.length} 行；未复核的行按自评得分计` : ''}
              </span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={9}>
              <RowMarks
                path="selfEvaluation.totalScore"
                findings={findingsInRow(findings, 'selfEvaluation.totalScore')}
                comments={commentsInRow(
                  comments.filter((c) => !c.resolvedAt),
                  'selfEvaluation.totalScore',
                )}
                onPin={onPin}
                onShowFindings={onShowFindings}
              />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
