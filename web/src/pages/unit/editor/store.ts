/**
 * The editor's state: the document being edited, the last saved document and the version it was based on, the
 * record (state, transitions) and an undo stack for structural changes (rows added, moved, deleted). Pure reducer.
 */
import type { Evaluation, Indicator } from '../../../../../src/model/index.js';
import type { EvaluationRecord, TransitionName } from '../../../api/types.js';
import { basicDataSchema, selfEvaluationSchema } from '../../../../../src/model/index.js';
import { setAt } from '../../../lib/doc.js';

export interface EditorState {
  doc: Evaluation;
  /** the document as last loaded or saved (unchanged identity = nothing to save) */
  saved: Evaluation;
  /** the version `saved` is; a save is based on it (optimistic locking) */
  version: number;
  record: EvaluationRecord;
  transitions: TransitionName[];
  /** documents before each structural change, newest last */
  undo: Evaluation[];
}

export type EditorAction =
  | { type: 'set'; path: string; value: unknown }
  | { type: 'indicators'; update: (list: readonly Indicator[]) => Indicator[]; undoable?: boolean }
  /** any change to the whole document (rows added to a table, sections moved …) */
  | { type: 'update'; update: (doc: Evaluation) => Evaluation; undoable?: boolean }
  | { type: 'undo' }
  | { type: 'loaded'; doc: Evaluation; version: number; record: EvaluationRecord; transitions: TransitionName[] }
  /** the server stored `doc` as `version` */
  | { type: 'saved'; doc: Evaluation; version: number; record: EvaluationRecord }
  | { type: 'transitioned'; record: EvaluationRecord; transitions: TransitionName[] }
  /** put a document (e.g. a local backup) in place of the current edits, keeping the base version */
  | { type: 'replace'; doc: Evaluation; version?: number };

const UNDO_LIMIT = 50;

/**
 * The 基础数据表 and the 自评表 are optional parts of an Evaluation: when an edit creates one, fill in the
 * defaults their schemas give (empty lists …), as the server will, so that the checks see a well-formed part.
 */
export function withParts(before: Evaluation, after: Evaluation): Evaluation {
  let out = after;
  if (before.basicData === undefined && after.basicData !== undefined) {
    out = { ...out, basicData: basicDataSchema.parse(after.basicData) };
  }
  if (before.selfEvaluation === undefined && after.selfEvaluation !== undefined) {
    out = { ...out, selfEvaluation: selfEvaluationSchema.parse(after.selfEvaluation) };
  }
  return out;
}

export function initialState(
  doc: Evaluation,
  version: number,
  record: EvaluationRecord,
  transitions: TransitionName[],
): EditorState {
  return { doc, saved: doc, version, record, transitions, undo: [] };
}

function pushUndo(state: EditorState): Evaluation[] {
  const next = [...state.undo, state.doc];
  return next.length > UNDO_LIMIT ? next.slice(next.length - UNDO_LIMIT) : next;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'set': {
      const doc = withParts(state.doc, setAt(state.doc, action.path, action.value));
      return doc === state.doc ? state : { ...state, doc };
    }
    case 'indicators': {
      const se = state.doc.selfEvaluation;
      const list = se?.indicators ?? [];
      const next = action.update(list);
      if (next === list) return state;
      const doc = withParts(state.doc, setAt(state.doc, 'selfEvaluation.indicators', next));
      return { ...state, doc, undo: action.undoable ? pushUndo(state) : state.undo };
    }
    case 'update': {
      const doc = withParts(state.doc, action.update(state.doc));
      if (doc === state.doc) return state;
      return { ...state, doc, undo: action.undoable ? pushUndo(state) : state.undo };
    }
    case 'undo': {
      const prev = state.undo[state.undo.length - 1];
      if (!prev) return state;
      return { ...state, doc: prev, undo: state.undo.slice(0, -1) };
    }
    case 'loaded':
      return initialState(action.doc, action.version, action.record, action.transitions);
    case 'saved':
      // edits typed while the save was in flight stay unsaved: only the saved document becomes the base
      return { ...state, saved: action.doc, version: action.version, record: action.record };
    case 'transitioned':
      return { ...state, record: action.record, transitions: action.transitions };
    case 'replace':
      return { ...state, doc: action.doc, version: action.version ?? state.version, undo: pushUndo(state) };
  }
}

/** Are there edits not yet saved? */
export function isDirty(state: EditorState): boolean {
  return state.doc !== state.saved;
}

/** May the user edit the content now (draft state and the update permission)? */
export function isEditable(state: Pick<EditorState, 'record'>, canUpdate: boolean): boolean {
  return canUpdate && state.record.state === 'draft';
}
