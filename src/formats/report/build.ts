import type { Finding } from '../../checks/types.js';
import type { Evaluation, Section, SectionKey } from '../../model/index.js';
import { DEFAULT_PROFILE_ID, getProfile, national2020 } from '../../rules/index.js';
import type { RuleProfile } from '../../rules/types.js';
import type { ScoreSheet } from '../../scoring/types.js';
import { outlineFor, type OutlineEntry, type ParagraphGenerator, type ReportOutline } from './outlines.js';
import { generateParagraph, mergeGenerated, textStatesFigures } from './prose.js';
import { reviewFindingsTable, reviewScoreTable, SEVERITY_LABELS } from './review.js';
import { basicDataTable, preparerLine, selfEvaluationTable } from './tables.js';
import type { AttachmentBlock, ReportBlock, ReportModel } from './types.js';

/** What the optional review sections print: the score sheet and the check findings, as produced elsewhere. */
export interface ReviewData {
  sheet?: ScoreSheet;
  findings?: readonly Finding[];
  /** the rule profile's name, for the review's caption */
  profileName?: string;
}

/**
 * How the narrative's figure paragraphs are written:
 * - 'auto' (default): the report's own text is kept while it still states the Evaluation's figures; a section whose
 *   figures were changed, or that has no text, gets the paragraph written from the figures;
 * - 'original': the report's own text, always;
 * - 'generated': every figure paragraph is written from the figures (the report's other sentences are kept after it).
 */
export type ProseMode = 'auto' | 'original' | 'generated';

export interface BuildOptions {
  /** the rule profile (for the spreadsheet formulas of the 执行率 score); default: the evaluation's, else national */
  profile?: RuleProfile;
  prose?: ProseMode;
  /** an outline id (see outlines.ts); default: chosen by kind, profile and year */
  outline?: string;
  /**
   * add the outline's sections the report leaves out, in their place, with generated paragraphs or a
   * "（待填写）" mark. Default: only when the Evaluation has no narrative at all.
   */
  completeOutline?: boolean;
  /** print the review (score sheet and findings) after the attached forms */
  review?: ReviewData;
}

/** The rule profile an evaluation is written for: the one given, its own, else the default. */
export function profileFor(evaluation: Evaluation, profile?: RuleProfile): RuleProfile {
  return profile ?? getProfile(evaluation.profile ?? '') ?? getProfile(DEFAULT_PROFILE_ID) ?? national2020;
}

function reportTitle(e: Evaluation, outline: ReportOutline): string {
  if (e.title) return e.title;
  const year = e.year !== undefined ? `${e.year}年` : '';
  const project = e.kind === 'project' ? (e.project?.name ?? '') : '';
  return `${e.unit.name ?? ''}${year}${project}${outline.titleSuffix}`;
}

/** Generators that write a section of their own in outline mode, never into a report's own text. */
const OUTLINE_ONLY: ReadonlySet<ParagraphGenerator> = new Set(['attachmentsList', 'indicatorSummary']);

/** A form's note as printed: "说明：…" (the label is added when the note as held has none). */
function noteLine(note: string | undefined): string {
  if (note === undefined || note.trim() === '') return '';
  return /^(说明|注|备注)\s*[：:]/.test(note) ? note : `说明：${note}`;
}

/** Body paragraphs of a section text: one per line, blank lines dropped. */
function bodyBlocks(text: string, generated: boolean): ReportBlock[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => ({ type: 'paragraph', text: l, role: 'body', generated }) as const);
}

interface Narrative {
  blocks: ReportBlock[];
  generated: SectionKey[];
}

/** The narrative: the report's own sections (with figure paragraphs per the prose mode), or the outline's. */
function narrativeBlocks(
  e: Evaluation,
  outline: ReportOutline,
  mode: ProseMode,
  complete: boolean,
  attachmentTitles: readonly string[],
): Narrative {
  const out: Narrative = { blocks: [], generated: [] };
  const own = e.narrative.sections;
  // the report's own sections get the figure paragraphs only; the summary of scores and the list of attachments
  // are written in outline mode only (a report words its analysis and lists its attachments as it likes)
  const generatorOf = (key: SectionKey) =>
    outline.sections.find((s) => s.key === key && s.generator && !OUTLINE_ONLY.has(s.generator))?.generator;

  // the section that carries a key's figure paragraph: the first with text, else the last with that key
  const target = new Map<SectionKey, Section>();
  for (const s of own) {
    const cur = target.get(s.key);
    if (!cur || cur.text.trim() === '') target.set(s.key, s);
  }

  const emitEntry = (entry: OutlineEntry) => {
    out.blocks.push({ type: 'heading', level: entry.level, text: entry.heading, sectionKey: entry.key });
    const g = entry.generator ? generateParagraph(entry.generator, e, outline, attachmentTitles) : undefined;
    if (g) {
      out.blocks.push(...bodyBlocks(g.text, true));
      out.generated.push(entry.key);
    } else if (entry.emptyText !== undefined) {
      out.blocks.push(...bodyBlocks(entry.emptyText, false));
    }
  };

  // the outline's top-level groups, for completing a report's own sections
  const groups: OutlineEntry[][] = [];
  for (const entry of outline.sections) {
    if (entry.level === 1 || groups.length === 0) groups.push([entry]);
    else groups[groups.length - 1]!.push(entry);
  }
  const groupOf = (key: SectionKey) => groups.findIndex((g) => g.some((entry) => entry.key === key));

  if (own.length === 0) {
    for (const group of groups) group.forEach(emitEntry);
    return out;
  }

  const present = new Set(own.map((s) => groupOf(s.key)).filter((i) => i >= 0));
  const emitted = new Set<number>();
  const emitMissingBefore = (limit: number) => {
    if (!complete) return;
    for (let i = 0; i < limit; i++) {
      if (present.has(i) || emitted.has(i)) continue;
      emitted.add(i);
      groups[i]!.forEach(emitEntry);
    }
  };

  for (const s of own) {
    const gi = groupOf(s.key);
    if (gi >= 0) emitMissingBefore(gi);
    out.blocks.push({ type: 'heading', level: s.level, text: s.heading, sectionKey: s.key });
    let text = s.text;
    let generated = false;
    const generator = generatorOf(s.key);
    if (generator && target.get(s.key) === s && mode !== 'original') {
      const g = generateParagraph(generator, e, outline, attachmentTitles);
      if (g) {
        if (text.trim() === '') {
          text = g.text;
          generated = true;
        } else if (mode === 'generated' || !textStatesFigures(text, g)) {
          text = mergeGenerated(text, g);
          generated = true;
        }
      }
    }
    if (generated) out.generated.push(s.key);
    out.blocks.push(...bodyBlocks(text, generated));
  }
  emitMissingBefore(groups.length);
  return out;
}

/** Build the format-neutral report model of an Evaluation. */
export function buildReport(evaluation: Evaluation, options: BuildOptions = {}): ReportModel {
  const e = evaluation;
  const outline = outlineFor(e, options.outline);
  const profile = profileFor(e, options.profile);
  const unitName = e.unit.name ?? e.selfEvaluation?.meta.unitName ?? e.basicData?.meta.unitName ?? '';
  const title = reportTitle(e, outline);

  // the attached forms the Evaluation has data for, numbered in order
  const attachments: AttachmentBlock[] = [];
  const subtitle = e.year !== undefined ? { subtitle: `（${e.year}年度）` } : {};
  for (const tpl of outline.attachments) {
    if (tpl.table === 'basicData' && e.basicData) {
      const bd = e.basicData;
      attachments.push({
        type: 'attachment',
        label: '',
        title: tpl.title,
        ...subtitle,
        metaLeft: `填报单位：${bd.meta.unitName ?? ''}`,
        metaRight: '单位：万元',
        table: basicDataTable(bd, e.year),
        notes: [noteLine(bd.notes ?? tpl.note), preparerLine(bd.meta)].filter((n) => n !== ''),
        sheetName: tpl.sheetName,
      });
    }
    if (tpl.table === 'selfEvaluation' && e.selfEvaluation) {
      const se = e.selfEvaluation;
      attachments.push({
        type: 'attachment',
        label: '',
        title: tpl.title,
        ...subtitle,
        table: selfEvaluationTable(se, profile),
        notes: [preparerLine(se.meta)],
        sheetName: tpl.sheetName,
      });
    }
  }
  const review = options.review;
  if (review?.sheet) {
    const t = review.sheet.total;
    attachments.push({
      type: 'attachment',
      label: '',
      title: '绩效自评计分复核表',
      table: reviewScoreTable(review.sheet),
      notes: [
        `按“${review.profileName ?? review.sheet.profileId}”规则逐项重算：重算总分${t.recomputed}分，` +
          `等次“${review.sheet.grade.recomputed.label}”。本表由 jixiao 生成，供复核参考。`,
      ],
      sheetName: '计分复核',
    });
  }
  if (review?.findings) {
    const count = (s: 'error' | 'warning' | 'info') => review.findings?.filter((f) => f.severity === s).length ?? 0;
    attachments.push({
      type: 'attachment',
      label: '',
      title: '核查结果',
      table: reviewFindingsTable(review.findings),
      notes: [
        `共${review.findings.length}条：${SEVERITY_LABELS.error}${count('error')}条，${SEVERITY_LABELS.warning}` +
          `${count('warning')}条，${SEVERITY_LABELS.info}${count('info')}条。本表由 jixiao 生成，供复核参考。`,
      ],
      sheetName: '核查结果',
      landscape: true,
    });
  }
  attachments.forEach((a, i) => (a.label = `附件${i + 1}`));

  const formTitles = attachments.filter((a) => a.table.id === 'basicData' || a.table.id === 'selfEvaluation');
  const complete = options.completeOutline ?? e.narrative.sections.length === 0;
  const narrative = narrativeBlocks(
    e,
    outline,
    options.prose ?? 'auto',
    complete,
    formTitles.map((a) => a.title),
  );

  const blocks: ReportBlock[] = [
    { type: 'paragraph', text: title, role: 'title', align: 'center' },
    ...narrative.blocks,
  ];
  for (const a of attachments) blocks.push({ type: 'pageBreak' }, a);

  const year = e.year !== undefined ? `${e.year}年度` : '';
  const model: ReportModel = {
    title,
    unitName,
    kind: e.kind,
    headerText: [unitName, `${year}${outline.titleSuffix}`].filter((s) => s !== '').join('\u3000'),
    blocks,
    outlineId: outline.id,
    generatedSections: narrative.generated,
  };
  if (e.year !== undefined) model.year = e.year;
  return model;
}
