/** The sections as a task list across the top, each with its status (not started / in progress / has errors / done). */
import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined, EditOutlined } from '@ant-design/icons';
import { memo, useMemo } from 'react';
import type { Finding } from '../../../../../src/checks/index.js';
import { STATUS_LABELS, type SectionStatus } from '../../../lib/fields.js';
import { SECTION_LABELS, SECTION_ORDER, sectionOfPath, type EditorSection } from '../../../lib/paths.js';

const ICONS: Record<SectionStatus, JSX.Element> = {
  notStarted: <MinusCircleOutlined />,
  inProgress: <EditOutlined />,
  hasErrors: <CloseCircleFilled />,
  done: <CheckCircleFilled />,
};

export const SectionTabs = memo(function SectionTabs({
  active,
  statuses,
  findings,
  onChange,
}: {
  active: EditorSection;
  statuses: Record<EditorSection, SectionStatus>;
  findings: readonly Finding[];
  onChange: (s: EditorSection) => void;
}) {
  const errorCounts = useMemo(() => {
    const c: Partial<Record<EditorSection, number>> = {};
    for (const f of findings) {
      if (f.severity !== 'error') continue;
      const s = f.where[0] ? sectionOfPath(f.where[0].path) : undefined;
      if (s) c[s] = (c[s] ?? 0) + 1;
    }
    return c;
  }, [findings]);
  return (
    <nav className="section-tabs" aria-label="填报步骤">
      {SECTION_ORDER.map((s, i) => {
        const st = statuses[s];
        return (
          <button
            key={s}
            type="button"
            className={`section-tab section-tab-${st}${active === s ? ' section-tab-active' : ''}`}
            onClick={() => onChange(s)}
            aria-current={active === s ? 'step' : undefined}
          >
            <span className="section-tab-icon">{ICONS[st]}</span>
            <span className="section-tab-text">
              <span className="section-tab-name">
                {i + 1}. {SECTION_LABELS[s]}
              </span>
              <span className="section-tab-status">
                {STATUS_LABELS[st]}
                {errorCounts[s] ? ` · ${errorCounts[s]} 个错误` : ''}
              </span>
            </span>
          </button>
        );
      })}
    </nav>
  );
});
