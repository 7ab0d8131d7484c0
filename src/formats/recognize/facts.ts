import type { Figure, SectionKey } from '../../model/index.js';
import type { Para, SectionNode } from './narrative.js';
import { paragraphsIn, paragraphsOutside } from './narrative.js';
import { asciiDigits, pad } from './normalize.js';
import type { Recorder } from './recorder.js';

/**
 * Facts read from the report's prose: each one a field path, the sections it is looked for in, and the phrasings
 * people use (group 1 = the value). Data, not code branches: a new phrasing is a new regular expression here.
 */

/** An amount of money as written: 120.50万元, 1,200元, 0.5亿元. */
const AMOUNT = String.raw`(-?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元))`;
/** optional quotes around a term: “三公” */
const Q = '[“”"‘’\']?';
const IS = String.raw`(?:为|是|共|计|合计|总计|达|达到)?[：:]?\s*`;
const HEADCOUNT = String.raw`(\d+\s*(?:人|名))`;
const RATE = String.raw`(-?\d+(?:\.\d+)?\s*[%％])`;

interface Scope {
  keys: readonly SectionKey[];
  exclude?: readonly SectionKey[];
  /** when no section of `keys` exists (or none holds the fact): look in all prose outside `exclude` */
  fallback?: boolean;
}

const SCOPES = {
  overall: {
    keys: ['budgetExecution'],
    exclude: [
      'basicExpenditure',
      'projectExpenditure',
      'threePublicCosts',
      'governmentFund',
      'stateCapital',
      'socialInsurance',
    ],
    fallback: true,
  },
  basic: { keys: ['basicExpenditure'] },
  project: { keys: ['projectExpenditure'] },
  threePublic: { keys: ['threePublicCosts'], fallback: true },
  staffing: { keys: ['staffing', 'organisation', 'basicInfo'], fallback: true },
  conclusion: { keys: ['conclusion', 'performance'], fallback: true },
  governmentFund: { keys: ['governmentFund'] },
  stateCapital: { keys: ['stateCapital'] },
  socialInsurance: { keys: ['socialInsurance'] },
} satisfies Record<string, Scope>;

type ScopeName = keyof typeof SCOPES;

interface ProseFact {
  path: string;
  scope: ScopeName;
  res: readonly RegExp[];
  /** phrasings that state there is none ("无政府性基金预算支出") → the figure 无 */
  none?: readonly RegExp[];
  /** store only the number (e.g. a score "95分" → "95") */
  numberOnly?: boolean;
}

const re = (s: string): RegExp => new RegExp(s);

const OPENING = re(String.raw`年初结转(?:和|及|与)?结余(?:资金)?${IS}${AMOUNT}`);
const CLOSING = re(String.raw`年末结转(?:和|及|与)?结余(?:资金)?${IS}${AMOUNT}`);
const INITIAL = re(String.raw`年初预算(?:数|金额)?${IS}${AMOUNT}`);
const ADJUSTED = re(String.raw`(?:全年|调整后|调整)预算(?:数|金额)?${IS}${AMOUNT}`);
const SPENT = re(String.raw`(?:本年|全年|实际|当年)(?:度)?支出(?:数|金额)?${IS}${AMOUNT}`);
const EXEC_RATE = re(String.raw`执行率${IS}${RATE}`);

export const PROSE_FACTS: readonly ProseFact[] = [
  { path: 'finances.openingBalance', scope: 'overall', res: [OPENING] },
  {
    path: 'finances.income',
    scope: 'overall',
    res: [re(String.raw`本年(?:度)?收入(?:合计|总计)?${IS}${AMOUNT}`), re(String.raw`收入(?:合计|总计)${IS}${AMOUNT}`)],
  },
  {
    path: 'finances.expenditure',
    scope: 'overall',
    res: [re(String.raw`本年(?:度)?支出(?:合计|总计)?${IS}${AMOUNT}`), re(String.raw`支出(?:合计|总计)${IS}${AMOUNT}`)],
  },
  { path: 'finances.closingBalance', scope: 'overall', res: [CLOSING] },

  { path: 'finances.basic.openingBalance', scope: 'basic', res: [OPENING] },
  { path: 'finances.basic.initialBudget', scope: 'basic', res: [INITIAL] },
  { path: 'finances.basic.adjustedBudget', scope: 'basic', res: [ADJUSTED] },
  { path: 'finances.basic.expenditure', scope: 'basic', res: [SPENT, re(String.raw`基本支出${IS}${AMOUNT}`)] },
  { path: 'finances.basic.executionRate', scope: 'basic', res: [EXEC_RATE] },
  { path: 'finances.basic.closingBalance', scope: 'basic', res: [CLOSING] },

  { path: 'finances.project.initialBudget', scope: 'project', res: [INITIAL] },
  { path: 'finances.project.adjustedBudget', scope: 'project', res: [ADJUSTED] },
  {
    path: 'finances.project.expenditure',
    scope: 'project',
    res: [re(String.raw`项目支出(?:合计|总计)?${IS}${AMOUNT}`), SPENT],
  },

  {
    path: 'finances.threePublicCosts.budget',
    scope: 'threePublic',
    res: [re(String.raw`三公${Q}经费(?:的)?(?:年初)?预算(?:数|金额)?${IS}${AMOUNT}`)],
  },
  {
    path: 'finances.threePublicCosts.actual',
    scope: 'threePublic',
    res: [re(String.raw`三公${Q}经费(?:的)?(?:实际|全年)?(?:支出|决算|使用)(?:数|金额)?${IS}${AMOUNT}`)],
  },
  {
    path: 'finances.threePublicCosts.officialReception',
    scope: 'threePublic',
    res: [re(String.raw`公务接待(?:费用|经费|费)?(?:支出)?${IS}${AMOUNT}`)],
  },
  {
    path: 'finances.threePublicCosts.officialVehicles',
    scope: 'threePublic',
    res: [re(String.raw`公务用车(?:购置)?(?:及|和|与)?(?:运行)?(?:维护)?(?:费用|经费|费)?(?:支出)?${IS}${AMOUNT}`)],
  },
  {
    path: 'finances.threePublicCosts.overseasTravel',
    scope: 'threePublic',
    res: [re(String.raw`出国[（(]?境?[)）]?(?:费用|经费|费)?(?:支出)?${IS}${AMOUNT}`)],
  },

  {
    path: 'finances.governmentFund',
    scope: 'governmentFund',
    res: [re(String.raw`政府性基金[^。；]{0,12}?${IS}${AMOUNT}`), re(AMOUNT)],
    none: [/无[^。；]{0,8}政府性基金|政府性基金[^。；]{0,12}(?:为零|为0|无|未安排)/],
  },
  {
    path: 'finances.stateCapital',
    scope: 'stateCapital',
    res: [re(String.raw`国有资本经营[^。；]{0,12}?${IS}${AMOUNT}`), re(AMOUNT)],
    none: [/无[^。；]{0,8}国有资本经营|国有资本经营[^。；]{0,12}(?:为零|为0|无|未安排)/],
  },
  {
    path: 'finances.socialInsurance',
    scope: 'socialInsurance',
    res: [re(String.raw`社会保险基金[^。；]{0,12}?${IS}${AMOUNT}`), re(AMOUNT)],
    none: [/无[^。；]{0,8}社会保险基金|社会保险基金[^。；]{0,12}(?:为零|为0|无|未安排)/],
  },

  {
    path: 'organisation.authorizedStaff',
    scope: 'staffing',
    res: [re(String.raw`编制(?:人数|数)?${IS}${HEADCOUNT}`)],
  },
  {
    path: 'organisation.actualStaff',
    scope: 'staffing',
    res: [re(String.raw`(?:实有|实际在职|在职|现有)(?:人员|人数|人员数|职工)?${IS}${HEADCOUNT}`)],
  },

  {
    path: 'selfReported.total',
    scope: 'conclusion',
    res: [
      re(String.raw`自评(?:分数|得分|总分|分值)${IS}(\d+(?:\.\d+)?)(?:\s*分|(?![\d.%％]))`),
      re(String.raw`(?:综合|总)(?:得分|评分|分数)${IS}(\d+(?:\.\d+)?)(?:\s*分|(?![\d.%％]))`),
    ],
    numberOnly: true,
  },
  {
    path: 'selfReported.grade',
    scope: 'conclusion',
    res: [
      re(
        String.raw`(?:等次|等级|评价结果|评定结果|评级|自评结果)${IS}[“"「『]?\s*(优秀|良好|不合格|合格|较差|中等|优|良|中|差)`,
      ),
    ],
  },
];

export interface FactHit {
  value: string;
  snippet: string;
  para: Para;
}

/** The first phrase in `paras` matching one of `res` (paragraph order first, then phrasing order). */
export function findFact(paras: readonly Para[], res: readonly RegExp[]): FactHit | undefined {
  for (const para of paras) {
    const text = (para.digits ??= asciiDigits(para.text));
    for (const r of res) {
      const m = r.exec(text);
      if (m && m[1] !== undefined) return { value: pad(m[1]), snippet: m[0], para };
    }
  }
  return undefined;
}

function findNone(paras: readonly Para[], res: readonly RegExp[]): FactHit | undefined {
  for (const para of paras) {
    for (const r of res) {
      const m = r.exec(para.text);
      if (m) return { value: '无', snippet: m[0], para };
    }
  }
  return undefined;
}

function scoped(sections: readonly SectionNode[], name: ScopeName): Para[][] {
  const scope: Scope = SCOPES[name];
  const primary = paragraphsIn(sections, scope.keys, scope.exclude ?? []);
  if (!scope.fallback) return [primary];
  return [primary, paragraphsOutside(sections, scope.exclude ?? [])];
}

/** Read every prose fact; returns FieldPath → Figure (sources recorded). */
export function readProseFacts(sections: readonly SectionNode[], rec: Recorder): Map<string, Figure> {
  const out = new Map<string, Figure>();
  const cache = new Map<ScopeName, Para[][]>();
  for (const fact of PROSE_FACTS) {
    let lists = cache.get(fact.scope);
    if (!lists) {
      lists = scoped(sections, fact.scope);
      cache.set(fact.scope, lists);
    }
    let hit: FactHit | undefined;
    for (const paras of lists) {
      hit = findFact(paras, fact.res) ?? (fact.none ? findNone(paras, fact.none) : undefined);
      if (hit) break;
    }
    if (!hit) continue;
    const value = fact.numberOnly ? (/\d+(?:\.\d+)?/.exec(hit.value)?.[0] ?? hit.value) : hit.value;
    const f = rec.figure(value);
    if (!f) continue;
    out.set(fact.path, f);
    rec.at(fact.path, hit.para.source, hit.snippet);
  }
  return out;
}
