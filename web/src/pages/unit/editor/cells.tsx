/**
 * Compact cell inputs for the editor's tables (基础数据表, the 自评表 money block): a bare input inside a table
 * cell, with the same local-draft behaviour, money parsing and marks as the form fields.
 */
import { Tooltip } from 'antd';
import { memo } from 'react';
import type { Figure } from '../../../../../src/model/index.js';
import { figureFromText, getAt } from '../../../lib/doc.js';
import { markText, useEditor, type FieldMark } from './context.js';
import { useDraftText, useMoneyDraft, useSetter } from './fields.js';

export type CellKind = 'money' | 'figure' | 'text';

interface CellProps {
  path: string;
  kind: CellKind;
  value: unknown;
  mark: FieldMark | undefined;
  flash: boolean;
  readOnly: boolean;
  label: string;
  /** money: write 万元 into the stored text */
  unitInText?: boolean;
  set: (path: string, value: unknown) => void;
  focus: (path: string) => void;
}

function cellClass(mark: FieldMark | undefined, flash: boolean, invalid: boolean, kind: CellKind): string {
  const c = ['cell-input'];
  if (kind !== 'text') c.push('num');
  if (invalid || mark?.severity === 'error') c.push('cell-error');
  else if (mark?.severity === 'warning') c.push('cell-warning');
  if (mark?.comments.length) c.push('cell-commented');
  if (flash) c.push('field-flash');
  return c.join(' ');
}

const MoneyCellInput = memo(function MoneyCellInput(p: CellProps) {
  const d = useMoneyDraft(p.path, p.value as Figure | undefined, !!p.unitInText, p.set);
  const tip = [d.invalid, markText(p.mark)].filter(Boolean).join('\n');
  return (
    <Tooltip title={tip ? <div style={{ whiteSpace: 'pre-wrap' }}>{tip}</div> : undefined} mouseEnterDelay={0.3}>
      <input
        className={cellClass(p.mark, p.flash, !!d.invalid, 'money')}
        data-path={p.path}
        value={d.value}
        inputMode="decimal"
        readOnly={p.readOnly}
        aria-label={`${p.label}（万元）`}
        aria-invalid={d.invalid ? true : undefined}
        onChange={(e) => d.onChange(e.target.value)}
        onFocus={() => {
          d.onFocus();
          p.focus(p.path);
        }}
        onBlur={d.onBlur}
      />
    </Tooltip>
  );
});

const TextCellInput = memo(function TextCellInput(p: CellProps) {
  const f = p.value;
  const external = p.kind === 'figure' ? ((f as Figure | undefined)?.text ?? '') : typeof f === 'string' ? f : '';
  const d = useDraftText(external, (t) =>
    p.set(p.path, p.kind === 'figure' ? figureFromText(t) : t === '' ? undefined : t),
  );
  const tip = markText(p.mark);
  return (
    <Tooltip title={tip ? <div style={{ whiteSpace: 'pre-wrap' }}>{tip}</div> : undefined} mouseEnterDelay={0.3}>
      <input
        className={cellClass(p.mark, p.flash, false, p.kind)}
        data-path={p.path}
        value={d.value}
        readOnly={p.readOnly}
        aria-label={p.label}
        onChange={(e) => d.onChange(e.target.value)}
        onFocus={() => {
          d.onFocus();
          p.focus(p.path);
        }}
        onBlur={d.onBlur}
      />
    </Tooltip>
  );
});

/** A table cell bound to a document path. */
export function Cell({
  path,
  kind,
  label,
  unitInText,
}: {
  path: string;
  kind: CellKind;
  label: string;
  unitInText?: boolean;
}) {
  const { doc, readOnly, marks, flash, dispatch, onFieldFocus } = useEditor();
  const props: CellProps = {
    path,
    kind,
    label,
    value: getAt(doc, path),
    mark: marks.get(path),
    flash: flash.has(path),
    readOnly,
    set: useSetter(dispatch),
    focus: onFieldFocus,
    ...(unitInText ? { unitInText } : {}),
  };
  return kind === 'money' ? <MoneyCellInput {...props} /> : <TextCellInput {...props} />;
}
