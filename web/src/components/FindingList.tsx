/**
 * A list of findings in plain Chinese: severity, message, how to fix; clicking one calls `onSelect` (the editor
 * jumps to the field). Long lists are cut to `pageSize` with a "show more" button so the panel stays quick.
 */
import { AimOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Tag, Typography } from 'antd';
import { memo, useMemo, useState } from 'react';
import type { Finding, Severity } from '../../../src/checks/index.js';

export const SEVERITY_TEXT: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };
export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  error: 'error',
  warning: 'warning',
  info: 'default',
};

type Filter = 'all' | Severity;

export interface FindingListProps {
  findings: readonly Finding[];
  onSelect?: (finding: Finding) => void;
  /** the finding last selected (highlighted) */
  selected?: Finding | null;
  pageSize?: number;
  /** describe where a finding's first place is (e.g. the section name) */
  placeOf?: (finding: Finding) => string | undefined;
  compact?: boolean;
}

const FindingItem = memo(function FindingItem({
  finding,
  onSelect,
  active,
  place,
}: {
  finding: Finding;
  onSelect: ((f: Finding) => void) | undefined;
  active: boolean;
  place: string | undefined;
}) {
  const clickable = !!onSelect && finding.where.length > 0;
  return (
    <li
      className={`finding finding-${finding.severity}${active ? ' finding-active' : ''}${clickable ? ' finding-clickable' : ''}`}
      onClick={clickable ? () => onSelect(finding) : undefined}
      onKeyDown={
        clickable
          ? (e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(finding);
              }
            }
          : undefined
      }
      tabIndex={clickable ? 0 : undefined}
      role={clickable ? 'button' : undefined}
      title={clickable ? '点击定位到相关字段' : undefined}
    >
      <div className="finding-head">
        <Tag color={SEVERITY_COLOR[finding.severity]} bordered={false}>
          {SEVERITY_TEXT[finding.severity]}
        </Tag>
        {place && <span className="finding-place">{place}</span>}
        {clickable && <AimOutlined className="finding-aim" />}
      </div>
      <div className="finding-message">{finding.message}</div>
      {finding.fix && <div className="finding-fix">建议：{finding.fix}</div>}
    </li>
  );
});

export function FindingList({ findings, onSelect, selected, pageSize = 60, placeOf, compact }: FindingListProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const [shown, setShown] = useState(pageSize);
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);
  const visible = useMemo(
    () => (filter === 'all' ? findings : findings.filter((f) => f.severity === filter)),
    [findings, filter],
  );

  return (
    <div className={compact ? 'finding-list finding-list-compact' : 'finding-list'}>
      <Segmented<Filter>
        size="small"
        block
        value={filter}
        onChange={(v) => {
          setFilter(v);
          setShown(pageSize);
        }}
        options={[
          { value: 'all', label: `全部 ${findings.length}` },
          { value: 'error', label: `错误 ${counts.error}` },
          { value: 'warning', label: `警告 ${counts.warning}` },
          { value: 'info', label: `提示 ${counts.info}` },
        ]}
      />
      {visible.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={findings.length === 0 ? '没有发现问题' : '此类没有发现'}
        />
      ) : (
        <ul className="finding-items">
          {visible.slice(0, shown).map((f, i) => (
            <FindingItem
              key={`${f.rule}:${i}`}
              finding={f}
              onSelect={onSelect}
              active={f === selected}
              place={placeOf?.(f)}
            />
          ))}
        </ul>
      )}
      {visible.length > shown && (
        <Button block type="link" onClick={() => setShown((n) => n + pageSize)}>
          显示更多（还有 {visible.length - shown} 条）
        </Button>
      )}
      {!compact && findings.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          核查规则与命令行、导出报告完全一致。
        </Typography.Text>
      )}
    </div>
  );
}
