/**
 * The editor's field inputs. Each keeps what is being typed locally (so that parsing never moves the caret or
 * drops a trailing space) and commits every change to the document at once; the canonical text comes back on blur.
 * Marks (findings, comments) show as the border colour and an icon of fixed width: nothing moves while typing.
 */
import { CommentOutlined, ExclamationCircleFilled, WarningFilled } from '@ant-design/icons';
import { Input, InputNumber, Select, Tooltip } from 'antd';
import { memo, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Figure } from '../../../../../src/model/index.js';
import { profiles } from '../../../../../src/rules/index.js';
import { figureFromText, getAt, moneyFigure, moneyText } from '../../../lib/doc.js';
import type { FieldSpec } from '../../../lib/fields.js';
import { parseMoneyInput } from '../../../lib/money.js';
import { markText, useEditor, type FieldMark } from './context.js';

/** Local text while focused; follows the document otherwise. */
export function useDraftText(external: string, commit: (text: string) => void) {
  const [text, setText] = useState(external);
  const focused = useRef(false);
  const [hasFocus, setHasFocus] = useState(false);
  useEffect(() => {
    if (!focused.current) setText(external);
  }, [external]);
  return {
    value: text,
    hasFocus,
    onChange: (t: string) => {
      setText(t);
      commit(t);
    },
    onFocus: () => {
      focused.current = true;
      setHasFocus(true);
    },
    onBlur: () => {
      focused.current = false;
      setHasFocus(false);
      setText(external);
    },
  };
}

export function MarkIcon({ mark }: { mark: FieldMark | undefined }) {
  const text = markText(mark);
  if (!mark || !text) return <span className="mark-icon" />;
  const icon =
    mark.severity === 'error' ? (
      <ExclamationCircleFilled style={{ color: '#cf1322' }} />
    ) : mark.severity === 'warning' ? (
      <WarningFilled style={{ color: '#d48806' }} />
    ) : mark.comments.length > 0 ? (
      <CommentOutlined style={{ color: '#1f5fbf' }} />
    ) : (
      <ExclamationCircleFilled style={{ color: '#8c8c8c' }} />
    );
  return (
    <Tooltip title={<div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>} placement="topRight">
      <span className="mark-icon" tabIndex={-1}>
        {icon}
        {mark.comments.length > 0 && mark.severity !== null && (
          <CommentOutlined style={{ color: '#1f5fbf', marginLeft: 2 }} />
        )}
      </span>
    </Tooltip>
  );
}

export function statusOf(mark: FieldMark | undefined): '' | 'error' | 'warning' {
  return mark?.severity === 'error' ? 'error' : mark?.severity === 'warning' ? 'warning' : '';
}

/** Label, input and mark icon of one field; `data-path` lets the editor find it to scroll and highlight. */
export function FieldShell({
  spec,
  mark,
  flash,
  children,
  wide,
}: {
  spec: FieldSpec;
  mark: FieldMark | undefined;
  flash: boolean;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div
      className={`field${wide ? ' field-wide' : ''}${flash ? ' field-flash' : ''}${mark?.comments.length ? ' field-commented' : ''}`}
      data-path={spec.path}
    >
      <label className="field-label">
        {spec.label}
        {spec.required && <span className="field-required">*</span>}
      </label>
      <div className="field-control">
        {children}
        <MarkIcon mark={mark} />
      </div>
      {spec.hint && <div className="field-hint">{spec.hint}</div>}
    </div>
  );
}

interface InputProps {
  spec: FieldSpec;
  value: unknown;
  mark: FieldMark | undefined;
  flash: boolean;
  readOnly: boolean;
  set: (path: string, value: unknown) => void;
  focus: (path: string) => void;
}

const TextInput = memo(function TextInput({ spec, value, mark, flash, readOnly, set, focus }: InputProps) {
  const external = typeof value === 'string' ? value : '';
  const d = useDraftText(external, (t) => set(spec.path, t === '' ? undefined : t));
  const multiline = spec.kind === 'textarea';
  const common = {
    value: d.value,
    onChange: (e: { target: { value: string } }) => d.onChange(e.target.value),
    onFocus: () => {
      d.onFocus();
      focus(spec.path);
    },
    onBlur: d.onBlur,
    readOnly,
    status: statusOf(mark),
    'aria-label': spec.label,
  };
  return (
    <FieldShell spec={spec} mark={mark} flash={flash} wide={multiline}>
      {multiline ? (
        <Input.TextArea {...common} rows={spec.rows ?? 4} style={{ resize: 'vertical' }} />
      ) : (
        <Input {...common} />
      )}
    </FieldShell>
  );
});

const LinesInput = memo(function LinesInput({ spec, value, mark, flash, readOnly, set, focus }: InputProps) {
  const external = Array.isArray(value) ? value.join('\n') : '';
  const d = useDraftText(external, (t) => {
    const lines = t
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    set(spec.path, lines);
  });
  return (
    <FieldShell spec={spec} mark={mark} flash={flash} wide>
      <Input.TextArea
        value={d.value}
        onChange={(e) => d.onChange(e.target.value)}
        onFocus={() => {
          d.onFocus();
          focus(spec.path);
        }}
        onBlur={d.onBlur}
        readOnly={readOnly}
        status={statusOf(mark)}
        rows={5}
        style={{ resize: 'vertical' }}
        aria-label={spec.label}
      />
    </FieldShell>
  );
});

const FigureInput = memo(function FigureInput({ spec, value, mark, flash, readOnly, set, focus }: InputProps) {
  const f = value as Figure | undefined;
  const d = useDraftText(f?.text ?? '', (t) => set(spec.path, figureFromText(t)));
  const unparsed = f?.q.kind === 'unparsed';
  return (
    <FieldShell spec={spec} mark={mark} flash={flash}>
      <Input
        value={d.value}
        onChange={(e) => d.onChange(e.target.value)}
        onFocus={() => {
          d.onFocus();
          focus(spec.path);
        }}
        onBlur={d.onBlur}
        readOnly={readOnly}
        status={statusOf(mark) || (unparsed ? 'warning' : '')}
        title={unparsed ? '未能识别这个值，请写成数字加单位，如 95%、1600篇' : undefined}
        aria-label={spec.label}
      />
    </FieldShell>
  );
});

/** Exact 万元 input: the text as typed; invalid entries are kept (and flagged), never rounded or dropped. */
export function useMoneyDraft(
  path: string,
  f: Figure | undefined,
  unitInText: boolean,
  set: (path: string, v: unknown) => void,
) {
  const d = useDraftText(moneyText(f), (t) => set(path, moneyFigure(parseMoneyInput(t), t, unitInText)));
  const parsed = parseMoneyInput(d.value);
  return { ...d, invalid: parsed.kind === 'invalid' ? parsed.message : null };
}

const MoneyInput = memo(function MoneyInput({ spec, value, mark, flash, readOnly, set, focus }: InputProps) {
  const d = useMoneyDraft(spec.path, value as Figure | undefined, !!spec.unitInText, set);
  return (
    <FieldShell spec={spec} mark={mark} flash={flash}>
      <Tooltip title={d.invalid} open={!!d.invalid && d.hasFocus} placement="topLeft">
        <Input
          className="money-input"
          value={d.value}
          onChange={(e) => d.onChange(e.target.value)}
          onFocus={() => {
            d.onFocus();
            focus(spec.path);
          }}
          onBlur={d.onBlur}
          readOnly={readOnly}
          inputMode="decimal"
          suffix="万元"
          status={d.invalid ? 'error' : statusOf(mark)}
          aria-label={`${spec.label}（万元）`}
          aria-invalid={d.invalid ? true : undefined}
        />
      </Tooltip>
    </FieldShell>
  );
});

const YearInput = memo(function YearInput({ spec, value, mark, flash, readOnly, set, focus }: InputProps) {
  return (
    <FieldShell spec={spec} mark={mark} flash={flash}>
      <InputNumber
        value={typeof value === 'number' ? value : null}
        min={1990}
        max={2100}
        precision={0}
        onChange={(v) => set(spec.path, typeof v === 'number' ? v : undefined)}
        onFocus={() => focus(spec.path)}
        readOnly={readOnly}
        status={statusOf(mark)}
        suffix="年"
        style={{ width: '100%' }}
        aria-label={spec.label}
      />
    </FieldShell>
  );
});

const PROFILE_OPTIONS = profiles.map((p) => ({ value: p.id, label: p.name }));

const ProfileInput = memo(function ProfileInput({ spec, value, mark, flash, readOnly, set, focus }: InputProps) {
  return (
    <FieldShell spec={spec} mark={mark} flash={flash}>
      <Select
        value={typeof value === 'string' && value !== '' ? value : undefined}
        placeholder="系统默认"
        allowClear
        options={PROFILE_OPTIONS}
        onChange={(v: string | undefined) => set(spec.path, v || undefined)}
        onFocus={() => focus(spec.path)}
        disabled={readOnly}
        status={statusOf(mark)}
        style={{ width: '100%' }}
        aria-label={spec.label}
      />
    </FieldShell>
  );
});

/** One field of the document by its spec. */
export function Field({ spec }: { spec: FieldSpec }) {
  const { doc, readOnly, marks, flash, dispatch, onFieldFocus } = useEditor();
  const props: InputProps = {
    spec,
    value: getAt(doc, spec.path),
    mark: marks.get(spec.path),
    flash: flash.has(spec.path),
    readOnly,
    set: useSetter(dispatch),
    focus: onFieldFocus,
  };
  switch (spec.kind) {
    case 'text':
    case 'textarea':
      return <TextInput {...props} />;
    case 'lines':
      return <LinesInput {...props} />;
    case 'figure':
      return <FigureInput {...props} />;
    case 'money':
      return <MoneyInput {...props} />;
    case 'year':
      return <YearInput {...props} />;
    case 'profile':
      return <ProfileInput {...props} />;
  }
}

const setters = new WeakMap<object, (path: string, value: unknown) => void>();

/** A stable `set(path, value)` for a dispatch function (so memoised inputs do not re-render). */
export function useSetter(dispatch: (a: { type: 'set'; path: string; value: unknown }) => void) {
  let s = setters.get(dispatch);
  if (!s) {
    s = (path, value) => dispatch({ type: 'set', path, value });
    setters.set(dispatch, s);
  }
  return s;
}
