// Scoring throughput: score() on a demo-sized evaluation (12 indicators) and on a generated one with 300.
// Every score sheet is complete: each row's formula text is built eagerly, so nothing is left for later.
import { evaluationSchema, figure } from '../src/model/index.js';
import type { CategoryKey, Evaluation, EvaluationInput, SubcategoryKey } from '../src/model/index.js';
import { getProfile, profiles } from '../src/rules/index.js';
import type { RuleProfile } from '../src/rules/types.js';
import { score } from '../src/scoring/score.js';

type Row = [CategoryKey, SubcategoryKey, string, string, string, string, string];

/** A typical 部门整体支出 self-evaluation: every scoring variant once or twice, some rows short of target. */
const DEMO_ROWS: Row[] = [
  ['output', 'quantity', '发布稿件数', '≥2200篇', '2859篇', '10', '10'],
  ['output', 'quantity', '制作短视频', '≥300个', '276个', '5', '5'],
  ['output', 'quality', '稿件采用率', '≥95%', '96%', '5', '5'],
  ['output', 'quality', '安全播出事故', '≤0次', '0次', '5', '5'],
  ['output', 'quality', '宣传质量', '提升', '部分达成年度指标并具有一定效果', '5', '7'],
  ['output', 'timeliness', '工作完成时间', '2023年12月31日前', '当年已完成', '10', '10'],
  ['output', 'cost', '运行经费', '≤120万元', '126万元', '10', '10'],
  ['outcome', 'social', '舆论引导能力', '提升', '明显提升', '10', '9'],
  ['outcome', 'social', '媒体融合覆盖率', '60%-80%', '85%', '10', '10'],
  ['outcome', 'economic', '服务收入', '≥50万元', '480000元', '5', '5'],
  ['outcome', 'sustainability', '长效机制', '优良中低差', '良', '5', '5'],
  ['satisfaction', 'satisfaction', '群众满意度', '≥90%', '92', '10', '10'],
];

const CATEGORY: Record<CategoryKey, string> = {
  output: '产出指标',
  outcome: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
  other: '其他指标',
};

function evaluationOf(rows: readonly Row[]): Evaluation {
  const input: EvaluationInput = {
    kind: 'department',
    year: 2023,
    selfEvaluation: {
      funding: {
        initialBudget: figure('420'),
        adjustedBudget: figure('500'),
        executed: figure('485'),
        weight: figure('10'),
        score: figure('9.7'),
      },
      categoryWeights: { output: figure('50'), outcome: figure('30'), satisfaction: figure('10') },
      indicators: rows.map(([categoryKey, subcategoryKey, name, target, actual, weight, self], i) => ({
        id: String(i + 1),
        category: CATEGORY[categoryKey],
        categoryKey,
        subcategory: subcategoryKey,
        subcategoryKey,
        name,
        target: figure(target),
        actual: figure(actual),
        weight: figure(weight),
        selfScore: figure(self),
      })),
      totalScore: figure('95'),
      grade: '优秀',
    },
    selfReported: { total: figure('95'), grade: '优秀' },
  };
  return evaluationSchema.parse(input);
}

/** 300 rows: the demo rows over and over, with varied figures so that nothing repeats exactly. */
function generatedRows(n: number): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const [c, s, name, target, actual, weight, self] = DEMO_ROWS[i % DEMO_ROWS.length]!;
    const vary = (text: string): string => text.replace(/\d+(\.\d+)?/, (m) => String(Number(m) + (i % 7)));
    rows.push([c, s, `${name}${i + 1}`, vary(target), vary(actual), weight, self]);
  }
  return rows;
}

/**
 * Score `ev` repeatedly for at least `minMs` and print scorings per second, both by the wall clock and by
 * the CPU time this process used (user + system): on a shared, loaded machine the second is the one-core figure.
 */
function measure(label: string, ev: Evaluation, profile: RuleProfile, minMs = 1000): void {
  // warm up until the optimising compiler is done with the hot code: 2000 scorings and at least 300 ms
  const warm = performance.now();
  for (let i = 0; i < 2000 || performance.now() - warm < 300; i++) score(ev, profile);
  let n = 0;
  let sink = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 200; i++) {
      const sheet = score(ev, profile);
      sink += sheet.total.recomputed;
    }
    n += 200;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const rows = ev.selfEvaluation?.indicators.length ?? 0;
  const rate = (ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');
  console.log(
    `${label.padEnd(40)} ${String(rows).padStart(4)} 指标  ${rate(elapsed).padStart(9)} 次/秒（墙钟）` +
      `  ${rate(cpuMs).padStart(9)} 次/秒（CPU）  ${((cpuMs * 1000) / n).toFixed(2).padStart(8)} µs/次 CPU` +
      `  (${n} 次${sink > 0 ? '' : '，结果为 0'})`,
  );
}

/** The evaluations the benchmark scores: demo-sized (12 indicators) and generated (300). */
export function benchEvaluations(): { demo: Evaluation; generated: Evaluation } {
  return { demo: evaluationOf(DEMO_ROWS), generated: evaluationOf(generatedRows(300)) };
}

export async function run(): Promise<void> {
  const { demo, generated: big } = benchEvaluations();
  const national = getProfile('national-2020')!;
  measure('demo, national-2020', demo, national);
  for (const p of profiles.filter((x) => x.id !== national.id)) measure(`demo, ${p.id}`, demo, p, 500);
  measure('generated, national-2020', big, national);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
