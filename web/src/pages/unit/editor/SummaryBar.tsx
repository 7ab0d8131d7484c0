import { memo } from 'react';
/**
 * The error summary above the form, always one line high (it never pushes the form down while typing): what must
 * be fixed before submitting, with the first errors clickable; or why the evaluation is read-only.
 */
import { CheckCircleFilled, CloseCircleFilled, InfoCircleFilled, LoadingOutlined } from '@ant-design/icons';
import type { Finding } from '../../../../../src/checks/index.js';
import type { EvaluationRecord, Role } from '../../../api/types.js';

const READ_ONLY_REASONS: Record<string, string> = {
  submitted: '已提交单位审核，内容不能修改；单位审核人可审核通过或退回修改。',
  unitApproved: '单位已审核并报送财政，等待财政复核。',
  returned: '财政已退回，请查看右侧批注；点“重新编辑”后可修改。',
  accepted: '财政复核已通过。',
  published: '已公开。',
};

export const SummaryBar = memo(function SummaryBar({
  record,
  editable,
  errors,
  warnings,
  analysing,
  analysisError,
  onSelect,
  role,
}: {
  record: EvaluationRecord;
  editable: boolean;
  errors: readonly Finding[];
  warnings: number;
  analysing: boolean;
  analysisError: string | null;
  onSelect: (f: Finding) => void;
  role: Role | undefined;
}) {
  if (!editable) {
    const reason =
      READ_ONLY_REASONS[record.state] ??
      (role === 'unitApprover' ? '单位审核人只能查看和审核，不能修改内容。' : '您没有修改这份自评的权限。');
    return (
      <div className="summary-bar summary-bar-info" role="status">
        <InfoCircleFilled /> <span>只读：{reason}</span>
        <span className="summary-bar-counts">
          错误 {errors.length} · 警告 {warnings}
        </span>
      </div>
    );
  }
  if (analysisError) {
    return (
      <div className="summary-bar summary-bar-error" role="status">
        <CloseCircleFilled /> <span>{analysisError}</span>
      </div>
    );
  }
  if (errors.length === 0) {
    return (
      <div className="summary-bar summary-bar-ok" role="status">
        {analysing ? <LoadingOutlined /> : <CheckCircleFilled />}{' '}
        <span>未发现错误{warnings > 0 ? `，有 ${warnings} 条警告或提示可在右侧查看` : ''}。可以提交单位审核。</span>
      </div>
    );
  }
  return (
    <div className="summary-bar summary-bar-error" role="status">
      <CloseCircleFilled />
      <span className="summary-bar-title">提交前请处理 {errors.length} 个错误：</span>
      <span className="summary-bar-links">
        {errors.slice(0, 3).map((f, i) => (
          <button key={i} type="button" className="summary-bar-link" onClick={() => onSelect(f)} title={f.message}>
            {f.message}
          </button>
        ))}
      </span>
      <span className="summary-bar-counts">{analysing ? <LoadingOutlined /> : `警告 ${warnings}`}</span>
    </div>
  );
});
