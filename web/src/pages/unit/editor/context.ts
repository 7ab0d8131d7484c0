/**
 * What every field of the editor needs: the document, whether it may be edited, how to change it, and the marks
 * (findings, comments, highlight) on each field.
 */
import { createContext, useContext } from 'react';
import type { Finding, Severity } from '../../../../../src/checks/index.js';
import type { Comment } from '../../../api/types.js';
import type { EditorAction } from './store.js';
import type { Evaluation } from '../../../../../src/model/index.js';

export interface FieldMark {
  /** the worst severity of the findings on the field, null when only comments */
  severity: Severity | null;
  findings: Finding[];
  comments: Comment[];
}

export interface EditorContextValue {
  doc: Evaluation;
  readOnly: boolean;
  dispatch: (action: EditorAction) => void;
  marks: ReadonlyMap<string, FieldMark>;
  /** fields briefly highlighted after a jump */
  flash: ReadonlySet<string>;
  /** remember the field the user is in (for pinning a comment to it) */
  onFieldFocus: (path: string) => void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const v = useContext(EditorContext);
  if (!v) throw new Error('useEditor 须在编辑器内使用');
  return v;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Build the marks per field from the findings and comments already resolved to fields. */
export function buildMarks(
  findingsByField: ReadonlyMap<string, Finding[]>,
  commentsByField: ReadonlyMap<string, Comment[]>,
): Map<string, FieldMark> {
  const out = new Map<string, FieldMark>();
  for (const [path, findings] of findingsByField) {
    const severity = findings.reduce<Severity | null>(
      (w, f) => (w === null || RANK[f.severity] < RANK[w] ? f.severity : w),
      null,
    );
    out.set(path, { severity, findings, comments: [] });
  }
  for (const [path, comments] of commentsByField) {
    const m = out.get(path);
    if (m) m.comments = comments;
    else out.set(path, { severity: null, findings: [], comments });
  }
  return out;
}

/** The tooltip text of a field's mark: each finding, then each comment. */
export function markText(mark: FieldMark | undefined): string | undefined {
  if (!mark) return undefined;
  const lines = [
    ...mark.findings.map(
      (f) => `【${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}】${f.message}`,
    ),
    ...mark.comments.map((c) => `【批注】${c.body}`),
  ];
  return lines.length > 0 ? lines.join('\n') : undefined;
}
