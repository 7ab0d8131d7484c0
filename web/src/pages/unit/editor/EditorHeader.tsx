/** The editor's top bar: what is being edited, its state and version, the scores, save, export and workflow. */
import {
  ArrowLeftOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  LoadingOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Space, Tooltip, type MenuProps } from 'antd';
import { memo } from 'react';
import type { AnalysisState } from '../../../analysis/useAnalysis.js';
import { download, messageOf } from '../../../api/client.js';
import {
  TRANSITION_LABELS,
  type EvaluationRecord,
  type ExportFormat,
  type TransitionName,
} from '../../../api/types.js';
import { formatScore } from '../../../components/format.js';
import { StateTag } from '../../../components/StateTag.js';

const EXPORTS: { key: ExportFormat; label: string; icon: JSX.Element }[] = [
  { key: 'docx', label: 'Word 报告（.docx）', icon: <FileWordOutlined /> },
  { key: 'xlsx', label: 'Excel 表格（.xlsx）', icon: <FileExcelOutlined /> },
  { key: 'pdf', label: 'PDF', icon: <FilePdfOutlined /> },
];

/** Recomputed score and grade next to the self score; fixed width, so nothing moves while it updates. */
export const ScoreBox = memo(function ScoreBox({ analysis }: { analysis: AnalysisState }) {
  const r = analysis.result;
  const self = r?.score.selfReported;
  const rec = r?.score.recomputed;
  const differs =
    self?.total !== null && self?.total !== undefined && rec !== undefined && Math.abs(self.total - rec.total) >= 0.005;
  return (
    <Tooltip
      title={
        analysis.profileName
          ? `按“${analysis.profileName}”评分规则在本页即时重算（与命令行、服务器、导出报告使用同一套计分代码）${analysis.ms !== null ? `，用时 ${Math.round(analysis.ms)} 毫秒` : ''}`
          : '正在计分……'
      }
    >
      <div className={`score-box${analysis.pending ? ' score-box-pending' : ''}`} aria-live="polite">
        <div className="score-box-item">
          <span className="score-box-label">重算得分</span>
          <span className={`score-box-value${differs ? ' score-box-differs' : ''}`}>
            {rec ? formatScore(rec.total) : '—'}
          </span>
          <span className="score-box-grade">{rec?.grade ?? ''}</span>
        </div>
        <div className="score-box-sep" />
        <div className="score-box-item">
          <span className="score-box-label">自评得分</span>
          <span className="score-box-value score-box-self">{self ? formatScore(self.total) : '—'}</span>
          <span className="score-box-grade">{self?.grade ?? ''}</span>
        </div>
        <span className="score-box-spin">{analysis.pending ? <LoadingOutlined /> : null}</span>
      </div>
    </Tooltip>
  );
});

export const EditorHeader = memo(function EditorHeader({
  record,
  title,
  unitName,
  version,
  dirty,
  saving,
  editable,
  analysis,
  transitions,
  onSave,
  onTransition,
  onBack,
}: {
  record: EvaluationRecord;
  title: string;
  unitName: string;
  version: number;
  dirty: boolean;
  saving: boolean;
  editable: boolean;
  analysis: AnalysisState;
  transitions: TransitionName[];
  onSave: () => void;
  onTransition: (name: TransitionName) => void;
  onBack: () => void;
}) {
  const { message } = AntApp.useApp();
  const onExport: MenuProps['onClick'] = ({ key }) => {
    if (dirty) void message.warning('导出的是已保存的版本；本页尚未保存的修改不会出现在导出文件中');
    const hide = message.loading('正在生成文件……', 0);
    download(`/api/evaluations/${encodeURIComponent(record.id)}/export`, { format: key }, `evaluation.${key}`)
      .then((name) => void message.success(`已下载：${name}`))
      .catch((e: unknown) => void message.error(`导出失败：${messageOf(e)}`))
      .finally(hide);
  };
  // the unit side fires these; returns belong to the approver's or the bureau's screens
  const shown = transitions.filter((t) => t === 'submit' || t === 'approve' || t === 'unitReturn' || t === 'reopen');
  return (
    <div className="editor-header">
      <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回工作台" />
      <div className="editor-title">
        <div className="editor-title-main" title={title}>
          {title}
        </div>
        <div className="editor-title-sub">
          <span className="editor-unit">{unitName}</span>
          <StateTag state={record.state} />
          <span className="muted">第 {version} 版</span>
          <span className={`save-state ${dirty ? 'save-state-dirty' : ''}`}>
            {saving ? '保存中…' : dirty ? '有未保存的修改' : editable ? '已保存' : '只读'}
          </span>
        </div>
      </div>
      <ScoreBox analysis={analysis} />
      <Space size={8} className="editor-actions">
        {editable && (
          <Tooltip title="Ctrl+S">
            <Button
              icon={<SaveOutlined />}
              onClick={onSave}
              loading={saving}
              type={dirty ? 'primary' : 'default'}
              ghost={dirty}
            >
              保存
            </Button>
          </Tooltip>
        )}
        <Dropdown
          menu={{ items: EXPORTS.map((e) => ({ key: e.key, label: e.label, icon: e.icon })), onClick: onExport }}
          trigger={['click']}
        >
          <Button icon={<DownloadOutlined />}>导出</Button>
        </Dropdown>
        {shown.map((t) => (
          <Button
            key={t}
            type={t === 'unitReturn' ? 'default' : 'primary'}
            danger={t === 'unitReturn'}
            onClick={() => onTransition(t)}
          >
            {TRANSITION_LABELS[t]}
          </Button>
        ))}
      </Space>
    </div>
  );
});
