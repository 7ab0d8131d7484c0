/**
 * The evaluation workflow as data:
 *
 *   draft ──submit──► submitted ──approve──► unitApproved ──accept──► accepted ──publish──► published
 *     ▲                   │                      │
 *     └────unitReturn─────┘                      └──return──► returned ──reopen──► draft
 *
 * Who may fire a transition is the authorisation matrix's business (authz.ts, action `evaluation.<name>`); this
 * file says only from which states it is legal, where it leads and whether it needs a comment.
 */
import { STATE_LABELS, type EvaluationState } from '../store/index.js';
import type { Action } from './authz.js';

export const STATES: readonly EvaluationState[] = [
  'draft',
  'submitted',
  'unitApproved',
  'returned',
  'accepted',
  'published',
];

export { STATE_LABELS };

export interface Transition {
  from: readonly EvaluationState[];
  to: EvaluationState;
  /** zh-CN, the button's words */
  label: string;
  /** the authorisation action */
  action: Action;
  /** a comment (the reason) must be given */
  commentRequired: boolean;
}

export const TRANSITIONS = {
  submit: {
    from: ['draft'],
    to: 'submitted',
    label: '提交单位审核',
    action: 'evaluation.submit',
    commentRequired: false,
  },
  approve: {
    from: ['submitted'],
    to: 'unitApproved',
    label: '审核通过并报送财政',
    action: 'evaluation.approve',
    commentRequired: false,
  },
  unitReturn: {
    from: ['submitted'],
    to: 'draft',
    label: '退回填报人修改',
    action: 'evaluation.unitReturn',
    commentRequired: true,
  },
  return: {
    from: ['unitApproved'],
    to: 'returned',
    label: '退回单位修改',
    action: 'evaluation.return',
    commentRequired: true,
  },
  accept: {
    from: ['unitApproved'],
    to: 'accepted',
    label: '复核通过',
    action: 'evaluation.accept',
    commentRequired: false,
  },
  reopen: { from: ['returned'], to: 'draft', label: '重新编辑', action: 'evaluation.reopen', commentRequired: false },
  publish: { from: ['accepted'], to: 'published', label: '公开', action: 'evaluation.publish', commentRequired: false },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** States in which the content may be edited (nobody edits a submitted evaluation except by returning it). */
export const EDITABLE_STATES: readonly EvaluationState[] = ['draft'];
/** States in which the bureau records 复核得分. */
export const REVIEWABLE_STATES: readonly EvaluationState[] = ['unitApproved'];
/** States a unit's report counts as handed in (task progress). */
export const HANDED_IN_STATES: readonly EvaluationState[] = ['submitted', 'unitApproved', 'accepted', 'published'];
/** States the bureau sees in its review queue and batch checks. */
export const WITH_BUREAU_STATES: readonly EvaluationState[] = ['unitApproved', 'returned', 'accepted', 'published'];

export function isTransitionName(s: string): s is TransitionName {
  return Object.prototype.hasOwnProperty.call(TRANSITIONS, s);
}

/** Is the transition legal from `state`? */
export function canFire(name: TransitionName, state: EvaluationState): boolean {
  return (TRANSITIONS[name].from as readonly EvaluationState[]).includes(state);
}

/** The transitions legal from a state (for the UI's buttons). */
export function transitionsFrom(state: EvaluationState): TransitionName[] {
  return TRANSITION_NAMES.filter((n) => canFire(n, state));
}

const quote = (s: EvaluationState): string => `“${STATE_LABELS[s]}”`;

/** zh-CN message for an illegal transition, naming the current state. */
export function illegalTransitionMessage(name: TransitionName, state: EvaluationState): string {
  const t = TRANSITIONS[name];
  return `当前状态为${quote(state)}，不能执行“${t.label}”（仅可在${t.from.map(quote).join('或')}状态下执行）`;
}

/** zh-CN message for an edit outside the editable states. */
export function notEditableMessage(state: EvaluationState): string {
  const hint =
    state === 'returned'
      ? '请先“重新编辑”，将其转为草稿后再修改'
      : state === 'draft'
        ? ''
        : '已提交的自评只能在退回后修改';
  return `当前状态为${quote(state)}，不能修改${hint ? `：${hint}` : ''}`;
}
