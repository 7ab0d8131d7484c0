import {
  evaluationSchema,
  type BasicData,
  type Evaluation,
  type EvaluationInput,
  type EvaluationKind,
  type Figure,
  type Section,
  type SelfEvaluation,
  type Source,
  type TableMeta,
} from '../../model/index.js';
import type { RawDocument, RawParagraph } from '../document.js';
import { isYearHeader, readBasicData } from './basic-data.js';
import { readProseFacts } from './facts.js';
import { rowText, tableRows, type RowView } from './grid.js';
import { materializeOnly, materializer } from './materialize.js';
import { metaFromText, type MetaTarget } from './meta.js';
import { headingOf, isTitleLike, parseTitle, type Para, type SectionNode, type TitleFacts } from './narrative.js';
import { asciiDigits, joinLines, labelKey, pad } from './normalize.js';
import { joinPath, Recorder } from './recorder.js';
import { isSelfEvaluationAnchor, readSelfEvaluation } from './self-evaluation.js';
import { basicRow } from './vocabulary.js';

export interface RecognizeOptions {
  /** force the kind instead of reading it from the title and tables */
  kind?: EvaluationKind;
  /** rule profile to record in the Evaluation (e.g. 'hunan') */
  profile?: string;
}

/** What the recogniser found, beside the Evaluation: used to tell a report from any other document. */
export interface RecognizeSummary {
  /** a 基础数据表 or 自评表 was found */
  tables: number;
  /** headings that name a known section */
  knownHeadings: number;
}

type SegmentKind = 'basic' | 'self' | 'unknown';

interface Segment {
  kind: SegmentKind;
  rows: RowView[];
  /** 1-based table index where it starts */
  table: number;
  source: Source;
  pre: Para[];
  post: Para[];
}

type Role = 'title' | 'pre' | 'post' | 'page';

/** Lines printed above a table: its title, its year, 填报单位 / 单位：万元. */
const PREAMBLE = /^(?:填报单位|单位名称|预算单位|预算单位名称|金额单位|单位)\s*[（(]?[^）)]*[）)]?\s*[：:]/;
const YEAR_LINE = /^[（(]?\s*\d{4}\s*年度?\s*[）)]?$/;
/** Lines printed under a table: 填表人 / 填报日期 / 联系电话, 说明 / 注. */
const POSTAMBLE = /^(?:说明|注|备注)\s*[：:]|填表人|填报人|制表人|联系电话|填报日期|填表日期/;
/** What a page break leaves in a PDF's text: a page number. */
const PAGE_NUMBER = /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?)$/;
const NUMBERED =
  /^(?:附件\s*\d*|\d{1,2}\s*[、.．]|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)])/;

function isTableTitle(text: string): boolean {
  const t = asciiDigits(pad(joinLines(text)));
  if (YEAR_LINE.test(t)) return true;
  if (NUMBERED.test(t)) return false;
  return t.length <= 50 && /(?:表|情况表|数据表)$/.test(t) && !/[。；，]/.test(t);
}

function titleHint(paras: readonly Para[]): SegmentKind | undefined {
  for (const p of paras) {
    const k = labelKey(p.text);
    if (/基础数据表/.test(k)) return 'basic';
    if (/自评表|评价表|绩效表/.test(k)) return 'self';
  }
  return undefined;
}

function basicAnchor(row: RowView): boolean {
  const first = row.filled[0];
  if (!first) return false;
  const k = basicRow.byKey(first.key);
  return k === 'staffingBlock' || k === 'fundsBlock' || isYearHeader(row.filled.slice(1));
}

/** evaluationSchema.parse, precompiled (the same output; zod's own error for invalid input). */
const parseEvaluation = materializer(evaluationSchema);
/** The parse of one value of the Evaluation's `sources` record, precompiled. */
const parseSource = materializeOnly(evaluationSchema.shape.sources.unwrap().valueType);

/**
 * evaluationSchema.parse of the Evaluation with its recorded sources — the same result, with the sources (hundreds
 * of them, all of one kind) parsed straight from the recorder rather than built into a record to be copied.
 */
function parseWithSources(input: EvaluationInput, rec: Recorder): Evaluation {
  const evaluation = parseEvaluation(input); // without sources: `sources` defaults to {}, in its place
  const sources = rec.parsedSources(parseSource);
  // an invalid Source: zod parses the whole, to throw its own error
  if (sources === undefined) return evaluationSchema.parse({ ...input, sources: rec.sources() });
  evaluation.sources = sources;
  return evaluation;
}

/** RawDocument (from any format) → Evaluation, plus a summary of what was found. */
export function recognizeWithSummary(
  doc: RawDocument,
  options: RecognizeOptions = {},
): { evaluation: Evaluation; summary: RecognizeSummary } {
  const rec = new Recorder();
  const blocks = doc.blocks;

  // ---------------------------------------------------------------- paragraphs around tables
  const roles = new Map<number, Role>();
  const pre = new Map<number, Para[]>();
  const post = new Map<number, Para[]>();
  blocks.forEach((b, i) => {
    if (b.type === 'paragraph' && PAGE_NUMBER.test(pad(b.text))) roles.set(i, 'page');
  });
  blocks.forEach((b, t) => {
    if (b.type !== 'table') return;
    const before: Para[] = [];
    for (let j = t - 1; j >= 0 && t - j <= 6; j--) {
      const p = blocks[j]!;
      if (p.type !== 'paragraph' || roles.has(j)) break;
      const text = pad(p.text);
      if (!(isTableTitle(text) || PREAMBLE.test(text))) break;
      roles.set(j, 'pre');
      before.unshift(para(p));
    }
    pre.set(t, before);
    const after: Para[] = [];
    for (let j = t + 1; j < blocks.length && j - t <= 6; j++) {
      const p = blocks[j]!;
      if (p.type !== 'paragraph' || roles.has(j)) break;
      if (!POSTAMBLE.test(pad(p.text))) break;
      roles.set(j, 'post');
      after.push(para(p));
    }
    post.set(t, after);
  });

  // ---------------------------------------------------------------- title and narrative sections
  let title: Para | undefined;
  let subtitleYear: { year: number; source: Source } | undefined;
  const nodes: SectionNode[] = [];
  const stack: number[] = [];
  let knownHeadings = 0;
  blocks.forEach((b, i) => {
    if (b.type !== 'paragraph' || roles.has(i)) return;
    const p = para(b);
    if (p.text === '') return;
    if (!title && nodes.length === 0 && isTitleLike(p.text)) {
      title = p;
      roles.set(i, 'title');
      return;
    }
    if (nodes.length === 0 && subtitleYear === undefined && YEAR_LINE.test(asciiDigits(p.text))) {
      // "（2023年度）" under the title
      subtitleYear = { year: Number(/\d{4}/.exec(asciiDigits(p.text))![0]), source: p.source };
      roles.set(i, 'title');
      return;
    }
    const previous = nodes.length > 0 ? nodes[nodes.length - 1]!.level : 0;
    const h = headingOf(p, previous);
    if (h) {
      while (stack.length > 0 && nodes[stack[stack.length - 1]!]!.level >= h.level) stack.pop();
      const parent = stack.length > 0 ? stack[stack.length - 1]! : -1;
      nodes.push({ key: h.key, heading: p.text, level: h.level, source: p.source, body: [], parent });
      stack.push(nodes.length - 1);
      if (h.key !== 'unknown') knownHeadings++;
      return;
    }
    const current = nodes[nodes.length - 1];
    if (current) current.body.push(p);
    else rec.paragraph(p.text, p.source, '位于第一个章节标题之前，未归入任何章节');
  });

  // ---------------------------------------------------------------- tables → segments
  const segments: Segment[] = [];
  let seg: Segment | null = null;
  let tableNo = 0;
  let lastTableBlock = -1;
  blocks.forEach((b, t) => {
    if (b.type !== 'table') return;
    tableNo++;
    const gapHasText = blocks
      .slice(lastTableBlock + 1, t)
      .some((x, k) => x.type === 'paragraph' && roles.get(lastTableBlock + 1 + k) !== 'page');
    lastTableBlock = t;
    const hint = titleHint(pre.get(t) ?? []);
    if (gapHasText) seg = null;
    const firstOfTable = segments.length;
    const rows = tableRows(b, tableNo);
    for (const row of rows) {
      const anchor: SegmentKind | undefined = basicAnchor(row)
        ? 'basic'
        : isSelfEvaluationAnchor(row)
          ? 'self'
          : undefined;
      // the first lines of a table that were not yet telling (a 单位名称 line, a bare header): adopted by the
      // kind of table the next anchor reveals
      if (seg !== null && seg.kind === 'unknown' && seg.rows.length <= 3) {
        const basicLabel = row.filled[0] !== undefined && basicRow.byKey(row.filled[0].key) !== undefined;
        const kind = anchor ?? (basicLabel ? 'basic' : undefined);
        if (kind) seg.kind = kind;
      }
      const restart =
        anchor !== undefined &&
        seg !== null &&
        (anchor !== seg.kind ||
          (anchor === 'self' && seg.rows.length > 3 && /^(预算单位名称|项目名称)$/.test(row.filled[0]?.key ?? '')));
      if (seg === null || restart) {
        let kind: SegmentKind = anchor ?? hint ?? 'unknown';
        if (kind === 'unknown' && row.filled[0] && basicRow.byKey(row.filled[0].key)) kind = 'basic';
        const source = (row.filled[0] ?? row.cells[0])?.raw.source ?? b.source;
        seg = { kind, rows: [], table: tableNo, source, pre: [], post: [] };
        segments.push(seg);
      }
      seg.rows.push(row);
    }
    const mine = segments.slice(firstOfTable);
    const head = mine[0] ?? (seg && seg.table <= tableNo ? seg : undefined);
    if (head) head.pre.push(...(pre.get(t) ?? []));
    const tail = mine[mine.length - 1] ?? seg;
    if (tail) tail.post.push(...(post.get(t) ?? []));
  });

  // ---------------------------------------------------------------- read the segments
  let basicData: BasicData | undefined;
  let selfEvaluation: SelfEvaluation | undefined;
  let projectName: string | undefined;
  let supervisingDepartment: string | undefined;
  let projectTitle = false;
  let tableYear: { year: number; source: Source } | undefined;
  for (const s of segments) {
    for (const p of s.pre) {
      const t = labelKey(p.text);
      if (/项目支出/.test(t) && /自评表|评价表/.test(t)) projectTitle = true;
      const y = /(\d{4})年/.exec(asciiDigits(p.text));
      if (y && tableYear === undefined) tableYear = { year: Number(y[1]), source: p.source };
    }
    if (s.kind === 'basic' && !basicData) {
      const meta: TableMeta = {};
      const target: MetaTarget = { meta, path: 'basicData.meta' };
      for (const p of s.pre) metaFromText(p.text, p.source, target, rec);
      basicData = readBasicData(s.rows, rec, target);
      for (const p of s.post) {
        if (/^(说明|注|备注)\s*[：:]/.test(pad(p.text))) {
          if (basicData.notes === undefined) {
            basicData.notes = pad(p.text).replace(/^(说明|注|备注)\s*[：:]\s*/, '');
            rec.at('basicData.notes', p.source);
          } else rec.paragraph(p.text, p.source, '基础数据表的“说明”已经读取过，这里多出的说明未能归入');
        } else if (!metaFromText(p.text, p.source, target, rec)) {
          rec.paragraph(p.text, p.source, '基础数据表下方的文字，未能归入');
        }
      }
      basicData.meta = meta;
    } else if (s.kind === 'self' && !selfEvaluation) {
      const meta: TableMeta = {};
      const target: MetaTarget = {
        meta,
        path: 'selfEvaluation.meta',
        other: (key, value, source) => {
          if (key === 'projectName' && projectName === undefined) {
            projectName = value;
            rec.at('project.name', source);
          } else if (key === 'supervisingDepartment' && supervisingDepartment === undefined) {
            supervisingDepartment = value;
            rec.at('unit.supervisingDepartment', source);
          }
        },
      };
      for (const p of s.pre) metaFromText(p.text, p.source, target, rec);
      selfEvaluation = readSelfEvaluation(s.rows, rec, target).sheet;
      for (const p of s.post) {
        if (!metaFromText(p.text, p.source, target, rec)) rec.paragraph(p.text, p.source, '自评表下方的文字，未能归入');
      }
      selfEvaluation.meta = meta;
    } else {
      const first = s.rows.find((r) => r.filled.length > 0);
      const what =
        s.kind === 'unknown'
          ? '未识别的表格：既不像基础数据表，也不像自评表'
          : s.kind === 'basic'
            ? '文档中多出的一张基础数据表，只读取了第一张'
            : '文档中多出的一张自评表，只读取了第一张';
      rec.table(first ? rowText(first, 400) : '', first?.filled[0]?.raw.source ?? s.source, what);
    }
  }

  // ---------------------------------------------------------------- prose
  const facts = readProseFacts(nodes, rec);
  const sections: Section[] = nodes.map((n, i) => {
    const path = joinPath('narrative.sections', i);
    rec.at(path, n.source);
    return {
      key: n.key,
      heading: n.heading,
      level: n.level,
      text: n.body.map((p) => p.text).join('\n'),
      sourceKey: path,
    };
  });

  const organisation: Record<string, unknown> = { functions: [] as string[] };
  const division = findDivisions(nodes, rec);
  if (division) organisation.internalDivisions = division;
  const functions = nodes.filter((n) => n.key === 'functions').flatMap((n) => n.body);
  organisation.functions = functions.map((p, i) => {
    rec.at(joinPath('organisation.functions', i), p.source);
    return p.text.replace(/^(?:\d{1,2}\s*[、.．](?!\d)|[（(]\s*\d{1,2}\s*[）)])\s*/, '');
  });

  const tree: Record<string, unknown> = { organisation, finances: {}, selfReported: {} };
  for (const [path, f] of facts) setPath(tree, path, path === 'selfReported.grade' ? f.text : f);

  // ---------------------------------------------------------------- title, kind, year, unit
  const tf: TitleFacts = title ? parseTitle(title.text) : {};
  let kind: EvaluationKind = options.kind ?? tf.kind ?? 'department';
  if (!options.kind && !tf.kind && (projectTitle || projectName !== undefined)) kind = 'project';
  if (title) {
    rec.at('title', title.source);
    if (tf.unit) rec.at('unit.name', title.source);
    if (tf.year) rec.at('year', title.source);
    if (tf.kind) rec.at('kind', title.source);
    if (tf.project && projectName === undefined) rec.at('project.name', title.source);
  }
  let year = tf.year;
  if (year === undefined && subtitleYear) {
    year = subtitleYear.year;
    rec.at('year', subtitleYear.source);
  }
  if (year === undefined && tableYear) {
    year = tableYear.year;
    rec.at('year', tableYear.source);
  }
  if (year === undefined && basicData) {
    // the current year of the 基础数据表's columns (2023年预算数 / 2023年决算数)
    for (const field of ['currentBudget', 'currentFinal'] as const) {
      const y = /(\d{4})年/.exec(asciiDigits(basicData.columnLabels[field] ?? ''));
      const src = rec.source(joinPath('basicData.columnLabels', field));
      if (y && src && year === undefined) {
        year = Number(y[1]);
        rec.at('year', src);
      }
    }
  }
  if (year !== undefined && (year < 1990 || year > 2100)) {
    year = undefined;
    rec.forget('year');
  }
  const unitName = tf.unit ?? selfEvaluation?.meta.unitName ?? basicData?.meta.unitName;
  if (!tf.unit && unitName) {
    const from = selfEvaluation?.meta.unitName ? 'selfEvaluation.meta.unitName' : 'basicData.meta.unitName';
    const src = rec.source(from);
    if (src) rec.at('unit.name', src);
  }

  const input: EvaluationInput = {
    kind,
    ...(title ? { title: title.text } : {}),
    unit: {
      ...(unitName ? { name: unitName } : {}),
      ...(supervisingDepartment ? { supervisingDepartment } : {}),
    },
    ...(kind === 'project' || projectName !== undefined
      ? { project: { ...((projectName ?? tf.project) ? { name: projectName ?? tf.project } : {}) } }
      : {}),
    ...(year !== undefined ? { year } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    organisation: tree.organisation as EvaluationInput['organisation'],
    finances: tree.finances as EvaluationInput['finances'],
    selfReported: tree.selfReported as EvaluationInput['selfReported'],
    ...(basicData ? { basicData } : {}),
    ...(selfEvaluation ? { selfEvaluation } : {}),
    narrative: { sections },
    unrecognised: rec.unrecognised,
  };
  const evaluation = parseWithSources(input, rec);
  return {
    evaluation,
    summary: { tables: (basicData ? 1 : 0) + (selfEvaluation ? 1 : 0), knownHeadings },
  };
}

/** RawDocument (from any format) → Evaluation: title, sections, prose facts, 基础数据表, 自评表, provenance. */
export function recognize(doc: RawDocument, options: RecognizeOptions = {}): Evaluation {
  return recognizeWithSummary(doc, options).evaluation;
}

function para(p: RawParagraph): Para {
  const text = pad(p.text);
  return p.headingLevel !== undefined
    ? { text, source: p.source, headingLevel: p.headingLevel }
    : { text, source: p.source };
}

/** 内设综合运行部、新闻采访部 → "综合运行部、新闻采访部"; otherwise the 机构设置 section's text. */
function findDivisions(nodes: readonly SectionNode[], rec: Recorder): string | undefined {
  const paras = nodes.filter((n) => n.key === 'organisation' || n.key === 'basicInfo').flatMap((n) => n.body);
  const re = /内设(?:机构)?(?:有|为|包括|共)?(?:\s*[\d一二三四五六七八九十]+\s*个)?(?:机构)?[：:，,]?\s*([^。；;]+)/;
  for (const p of paras) {
    const m = re.exec(p.text);
    // "内设办公室、业务股2个股室" → the list without its count
    const list = m
      ? pad(m[1]!.replace(/\s*[\d一二三四五六七八九十]+\s*个(?:股室|科室|部门|机构|处室|内设机构)?$/, ''))
      : '';
    if (m && list !== '') {
      rec.at('organisation.internalDivisions', p.source, m[0]);
      return list;
    }
  }
  const org = nodes.filter((n) => n.key === 'organisation').flatMap((n) => n.body);
  if (org.length > 0) {
    rec.at('organisation.internalDivisions', org[0]!.source);
    return org.map((p) => p.text).join('\n');
  }
  return undefined;
}

/** A path's parts, split once (the paths are the prose facts' few constants). */
const PATH_PARTS = new Map<string, readonly string[]>();

function setPath(tree: Record<string, unknown>, path: string, value: Figure | string): void {
  let parts = PATH_PARTS.get(path);
  if (parts === undefined) {
    parts = path.split('.');
    if (PATH_PARTS.size < 1000) PATH_PARTS.set(path, parts);
  }
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const next = node[part];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      node[part] = created;
      node = created;
    }
  }
  node[parts[parts.length - 1]!] = value;
}
