import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Evaluation, Figure, FundingRow, Indicator } from '../../../src/model/index.js';
import { importFile } from '../../../src/formats/import.js';
import { LAYOUTS, storedPaths } from './helpers.js';

/**
 * One fictional report per 自评表 layout seen in practice (test/fixtures/layouts), each in a different text
 * notation: Word's tab layout (central/Anhui, Hubei), pipe tables (Sichuan, the 项目支出绩效自评表) and
 * tab-separated rows (Chongqing). Each is checked field by field.
 */

async function load(name: string): Promise<Evaluation> {
  const file = `${LAYOUTS}${name}`;
  return (await importFile(readFileSync(file), name)).evaluation;
}

const t = (f: Figure | undefined): string | undefined => f?.text;
const money = (r: FundingRow | undefined): (string | undefined)[] => [
  r?.label,
  t(r?.initialBudget),
  t(r?.adjustedBudget),
  t(r?.executed),
  t(r?.weight),
  t(r?.executionRate),
  t(r?.score),
];
const tree = (inds: readonly Indicator[]): (string | boolean | undefined)[][] =>
  inds.map((i) => [
    i.categoryKey,
    i.subcategoryKey,
    i.name,
    t(i.target),
    t(i.actual),
    t(i.weight),
    t(i.selfScore),
    i.placeholder ?? false,
  ]);

function expectProvenance(e: Evaluation): void {
  for (const path of storedPaths(e)) expect(e.sources[path], path).toBeDefined();
  for (const s of Object.values(e.sources)) expect(s.file).not.toBe('');
}

describe('central / Anhui layout (Word tab layout): 年度资金总额 / 其中：本年财政拨款 / 上年结转资金 / 其他资金', () => {
  it('is recognised field by field', async () => {
    const e = await load('central-anhui.txt');
    expect([e.kind, e.unit.name, e.year, e.unit.supervisingDepartment]).toEqual([
      'department',
      '青禾县农业技术推广中心',
      2023,
      '青禾县农业农村局',
    ]);
    expect(e.organisation.internalDivisions).toBe('办公室、农技推广股、植保股、土肥站');
    expect([t(e.organisation.authorizedStaff), t(e.organisation.actualStaff)]).toEqual(['28名', '26名']);
    expect(e.organisation.functions).toHaveLength(3);
    expect([t(e.finances.openingBalance), t(e.finances.income), t(e.finances.expenditure)]).toEqual([
      '12.50万元',
      '618.40万元',
      '605.20万元',
    ]);
    expect(t(e.finances.closingBalance)).toBe('25.70万元');
    expect([t(e.finances.basic.initialBudget), t(e.finances.basic.executionRate)]).toEqual(['402.00万元', '99.45%']);
    expect([t(e.finances.project.adjustedBudget), t(e.finances.project.expenditure)]).toEqual([
      '199.80万元',
      '188.90万元',
    ]);
    expect([t(e.finances.threePublicCosts.budget), t(e.finances.threePublicCosts.actual)]).toEqual([
      '6.00万元',
      '4.82万元',
    ]);
    expect(t(e.finances.threePublicCosts.officialVehicles)).toBe('3.62万元');
    expect([t(e.selfReported.total), e.selfReported.grade]).toEqual(['98.66', '优秀']);

    const s = e.selfEvaluation!;
    expect(s.meta).toEqual({
      unitName: '青禾县农业技术推广中心',
      preparer: '王晓燕',
      preparedOn: '2024年3月20日',
      contactPhone: '0551-62880000',
    });
    expect(money(s.funding)).toEqual(['年度资金总额', '562.00', '618.40', '605.20', '10', '97.87%', '9.79']);
    expect(money(s.bySource.currentYearAppropriation)).toEqual([
      '本年财政拨款',
      '549.50',
      '592.70',
      '582.10',
      '—',
      '—',
      '—',
    ]);
    expect(money(s.bySource.carryOver).slice(0, 4)).toEqual(['上年结转资金', '12.50', '12.50', '12.50']);
    expect(money(s.bySource.other).slice(0, 4)).toEqual(['其他资金', '0', '13.20', '10.60']);
    expect(s.overallGoal.expected).toMatch(/^完成全县主要农作物新技术示范推广面积10万亩/);
    expect(s.overallGoal.actual).toMatch(/11\.2万亩/);
    expect(tree(s.indicators)).toEqual([
      ['output', 'quantity', '新技术示范推广面积', '≥10万亩', '11.2万亩', '10', '10', false],
      ['output', 'quantity', '农民技术培训期数', '≥30期', '32期', '10', '10', false],
      ['output', 'quality', '示范区亩均增产率', '≥5%', '6.1%', '10', '10', false],
      ['output', 'timeliness', '培训按期完成率', '100%', '100%', '10', '10', false],
      ['output', 'cost', '示范推广成本', '≤120万元', '118.4万元', '10', '10', false],
      ['outcome', 'economic', '带动农户增收', '≥800万元', '760万元', '10', '9.5', false],
      ['outcome', 'social', '技术入户率', '≥90%', '92%', '10', '10', false],
      ['outcome', 'sustainability', '新技术持续应用比例', '≥80%', '75%', '10', '9.37', false],
      ['satisfaction', 'satisfaction', '农户满意度', '≥90%', '93%', '10', '10', false],
    ]);
    // a cell's own blank line kept as one line break
    expect(s.indicators[5]!.deviationNote).toBe('受汛期影响部分示范区减产，\n明年加强防灾减灾技术指导。');
    expect([t(s.totalWeight), t(s.totalScore)]).toEqual(['100', '98.66']);
    expect(s.categoryWeights.output?.text).toBe('50');
    expect(e.basicData).toBeUndefined();
    expect(e.unrecognised).toEqual([]);
    expectProvenance(e);
  });
});

describe('Hubei layout (Word tab layout): 预算执行 20 分 + 指标 80 分, with a 基础数据表 using other words', () => {
  it('is recognised field by field', async () => {
    const e = await load('hubei.txt');
    expect([e.kind, e.unit.name, e.year]).toEqual(['department', '青禾市图书馆', 2022]);
    expect([t(e.organisation.authorizedStaff), t(e.organisation.actualStaff)]).toEqual(['45人', '43人']);
    expect([t(e.selfReported.total), e.selfReported.grade]).toEqual(['96.97', '优']);

    const b = e.basicData!;
    expect(b.meta.unitName).toBe('青禾市图书馆');
    expect(b.meta.preparer).toBe('赵敏');
    expect([t(b.staffing.authorizedStaff), t(b.staffing.actualStaff), t(b.staffing.staffControlRate)]).toEqual([
      '45',
      '43',
      '95.56%',
    ]);
    expect(b.columnLabels.previousFinal).toBe('2021年决算数');
    const c = b.threePublicCosts;
    expect([c.total?.label, t(c.total?.currentFinal)]).toEqual(['“三公”经费合计', '6.90']);
    expect([c.officialVehicles?.label, t(c.officialVehicles?.currentBudget)]).toEqual([
      '1、公务用车购置及运行维护费',
      '4.50',
    ]);
    expect(t(c.vehiclePurchase?.currentFinal)).toBe('0');
    expect(t(c.vehicleOperation?.previousFinal)).toBe('5.10');
    expect(c.overseasTravel?.label).toBe('2、因公出国（境）费');
    expect(t(c.officialReception?.currentFinal)).toBe('2.70');
    expect(b.projectExpenditure.items.map((i) => i.label)).toEqual(['1、图书采购专项', '2、数字图书馆运维']);
    expect(b.publicFunds.items).toHaveLength(3);
    expect(t(b.basicBudgetAdjustment?.currentFinal)).toBe('1186.50');
    expect(b.buildings.label).toBe('楼堂馆所控制情况（2021年完工项目）');
    expect(b.buildings.items).toHaveLength(1);
    expect(b.buildings.items[0]).toMatchObject({
      name: '少儿阅览室改造',
      approvedArea: { text: '600' },
      actualArea: { text: '580' },
      areaControlRate: { text: '96.67%' },
      budgetInvestment: { text: '120.00' },
      actualInvestment: { text: '116.50' },
      investmentControlRate: { text: '97.08%' },
    });
    // the last cell's numbered list goes on after a blank line: still the cell's
    expect(b.frugalityMeasures).toBe('1.严格执行公务接待标准。\n2.压缩会议和培训规模。');
    expect(b.notes).toBe('“项目支出”填报基本支出以外的所有项目支出。');

    const s = e.selfEvaluation!;
    expect(money(s.funding)).toEqual(['年度资金总额', '1150.00', '1186.50', '1153.70', '20', '97.24%', '19.45']);
    expect(money(s.bySource.currentYearAppropriation).slice(0, 4)).toEqual([
      '财政拨款',
      '1100.00',
      '1130.00',
      '1100.20',
    ]);
    expect(money(s.bySource.carryOver).slice(0, 4)).toEqual(['上年结转', '50.00', '56.50', '53.50']);
    expect(Object.fromEntries(Object.entries(s.categoryWeights).map(([k, v]) => [k, v?.text]))).toEqual({
      output: '40',
      outcome: '30',
      satisfaction: '10',
    });
    expect(tree(s.indicators)).toEqual([
      ['output', 'quantity', '接待读者人次', '≥60万人次', '63.2万人次', '10', '10', false],
      ['output', 'quantity', '新增馆藏图书', '≥4万册', '4.1万册', '10', '10', false],
      ['output', 'quality', '图书外借差错率', '≤0.5%', '0.3%', '10', '10', false],
      ['output', 'timeliness', '新书上架周期', '≤30天', '35天', '10', '8.57', false],
      ['outcome', 'social', '全民阅读活动场次', '≥120场', '131场', '15', '15', false],
      ['outcome', 'sustainability', '数字资源访问量', '≥200万次', '186万次', '15', '13.95', false],
      ['satisfaction', 'satisfaction', '读者满意度', '≥90%', '96%', '10', '10', false],
      ['satisfaction', 'satisfaction', '……', undefined, undefined, undefined, undefined, true],
    ]);
    expect([t(s.totalWeight), t(s.totalScore), s.grade]).toEqual(['100', '96.97', '优']);
    expect(s.meta.contactPhone).toBe('027-50001234');
    expect(e.unrecognised).toEqual([]);
    expectProvenance(e);
  });
});

describe('Sichuan layout (pipe tables): 预算执行情况(10分) + 绩效指标(90分), 指标性质 and 度量单位, 权重', () => {
  it('is recognised field by field', async () => {
    const e = await load('sichuan-project.txt');
    expect([e.kind, e.unit.name, e.project?.name, e.year]).toEqual([
      'project',
      '青禾县农田建设服务中心',
      '高标准农田建设项目',
      2023,
    ]);
    expect(e.unit.supervisingDepartment).toBe('青禾县农业农村局');
    expect([t(e.selfReported.total), e.selfReported.grade]).toEqual(['96.75', '优']);
    const s = e.selfEvaluation!;
    expect(s.meta).toEqual({
      unitName: '青禾县农田建设服务中心',
      contactPhone: '0833-5550000',
      preparer: '陈思远',
      preparedOn: '2024年2月28日',
    });
    // no 分值 column: the 10 points come from the block's heading
    expect(money(s.funding)).toEqual([undefined, '1200.00', '1260.00', '1215.90', '10', '96.50%', '9.65']);
    expect(s.overallGoal.expected).toBe('新建高标准农田12000亩，配套灌排渠道35公里。');
    expect(s.overallGoal.actual).toBe('新建高标准农田12500亩，配套灌排渠道33.6公里。');
    expect(tree(s.indicators)).toEqual([
      ['output', 'quantity', '新建高标准农田面积', '≥12000', '12500', '15', '15', false],
      ['output', 'quantity', '新建灌排渠道长度', '≥35', '33.6', '10', '9.6', false],
      ['output', 'quality', '工程验收合格率', '100', '100', '10', '10', false],
      ['output', 'timeliness', '项目完工时间', '2023年12月底前', '2023年12月20日', '5', '5', false],
      ['output', 'cost', '亩均建设成本', '≤1050', '1008', '10', '10', false],
      ['outcome', 'economic', '亩均粮食产能提升', '≥100', '105', '10', '10', false],
      ['outcome', 'social', '受益农户数', '≥3000', '3260', '10', '10', false],
      ['outcome', 'ecological', '节水灌溉效果', '明显改善', '部分达成年度指标并具有一定效果', '10', '7.5', false],
      ['satisfaction', 'satisfaction', '受益农户满意度', '≥90', '94', '10', '10', false],
    ]);
    expect(s.indicators.map((i) => i.nature)).toEqual([
      'quantitative',
      'quantitative',
      'quantitative',
      'qualitative',
      'quantitative',
      'quantitative',
      'quantitative',
      'qualitative',
      'quantitative',
    ]);
    expect(s.indicators.map((i) => i.unit)).toEqual([
      '亩',
      '公里',
      '%',
      undefined,
      '元/亩',
      '公斤',
      '户',
      undefined,
      '%',
    ]);
    expect(s.indicators[1]!.deviationNote).toBe('两处渠段因征地协调延后，已列入次年计划');
    expect([t(s.totalWeight), t(s.totalScore), s.grade]).toEqual(['100', '96.75', '优']);
    expect(e.sources['selfEvaluation.funding.weight']).toMatchObject({ text: '预算执行情况（10分）' });
    expect(e.unrecognised).toEqual([]);
    expectProvenance(e);
  });
});

describe('Chongqing layout (tab-separated rows): 年初/调整指标值, 全年完成值, 得分系数, 指标权重, 是否核心指标', () => {
  it('is recognised field by field', async () => {
    const e = await load('chongqing.tsv');
    expect([e.kind, e.unit.name, e.year]).toEqual(['department', '青禾区文化馆', 2023]);
    expect(e.organisation.internalDivisions).toBe('办公室、群文活动部、非遗保护部');
    expect([t(e.organisation.authorizedStaff), t(e.organisation.actualStaff)]).toEqual(['18人', '17人']);
    expect([t(e.finances.income), t(e.finances.expenditure)]).toEqual(['402.50万元', '396.80万元']);
    expect([t(e.selfReported.total), e.selfReported.grade]).toEqual(['98.86', '优秀']);
    const s = e.selfEvaluation!;
    expect(s.meta).toEqual({ unitName: '青禾区文化馆', preparer: '刘洋', contactPhone: '023-66660000' });
    expect(money(s.funding)).toEqual(['年度资金总额', '380.00', '402.50', '396.80', '10', '98.58%', '9.86']);
    expect(
      s.indicators.map((i) => [
        i.categoryKey,
        i.subcategoryKey,
        i.name,
        i.unit,
        i.comparator ?? i.nature,
        t(i.target),
        t(i.adjustedTarget),
        t(i.actual),
        t(i.scoreCoefficient),
        t(i.weight),
        t(i.selfScore),
        i.core,
      ]),
    ).toEqual([
      ['output', 'quantity', '公益展演场次', '场', '>=', '40', '45', '47', '1.00', '15', '15', true],
      ['output', 'quantity', '免费开放天数', '天', '>=', '300', '300', '305', '1.00', '10', '10', false],
      ['output', 'quality', '群众文化活动覆盖率', '%', '>=', '90', '90', '91', '1.00', '10', '10', false],
      [
        'output',
        'timeliness',
        '年度活动完成时限',
        undefined,
        'qualitative',
        '2023年12月31日前',
        '2023年12月31日前',
        '按期完成',
        '1.00',
        '5',
        '5',
        false,
      ],
      ['output', 'cost', '公用经费控制率', '%', '<=', '100', '100', '98.2', '1.00', '10', '10', true],
      ['outcome', 'social', '参与群众人次', '万人次', '>=', '12', '12', '11.4', '0.95', '20', '19', true],
      ['outcome', 'sustainability', '文化志愿者队伍建设', '支', '>=', '8', '8', '8', '1.00', '10', '10', false],
      ['satisfaction', 'satisfaction', '群众满意度', '%', '>=', '90', '90', '95', '1.00', '10', '10', true],
    ]);
    expect(s.categoryWeights).toEqual({});
    expect([t(s.totalWeight), t(s.totalScore)]).toEqual(['100', '98.86']);
    expect(e.unrecognised).toEqual([]);
    expectProvenance(e);
  });
});

describe('项目支出绩效自评表 (pipe table, no report around it)', () => {
  it('is recognised field by field, and its extra column is reported, not dropped', async () => {
    const e = await load('project-central.txt');
    expect(e.kind).toBe('project');
    expect(e.title).toBeUndefined();
    expect(e.year).toBe(2023);
    expect(e.sources.year).toMatchObject({ text: '（2023年度）' });
    expect(e.project?.name).toBe('乡村书屋提质改造');
    expect(e.unit).toEqual({ name: '青禾县图书馆', supervisingDepartment: '青禾县文化旅游广电局' });
    const s = e.selfEvaluation!;
    expect(s.meta).toEqual({ unitName: '青禾县图书馆', preparer: '周倩', contactPhone: '0730-8880000' });
    expect(money(s.funding)).toEqual(['年度资金总额', '80.00', '85.00', '81.60', '10', '96.00%', '9.60']);
    expect(money(s.bySource.currentYearAppropriation).slice(0, 4)).toEqual(['当年财政拨款', '80.00', '85.00', '81.60']);
    expect(s.bySource.currentYearAppropriation?.weight?.q.kind).toBe('none');
    expect(s.overallGoal.actual).toBe('完成20个乡村书屋提质改造，新增图书1.05万册。');
    expect(tree(s.indicators)).toEqual([
      ['output', 'quantity', '提质改造书屋数量', '=20个', '20个', '15', '15', false],
      ['output', 'quantity', '新增图书册数', '≥10000册', '10500册', '10', '10', false],
      ['output', 'quality', '书屋建设达标率', '≥95%', '100%', '10', '10', false],
      ['output', 'timeliness', '改造完成时间', '2023年10月底前', '2023年11月15日', '5', '3', false],
      ['output', 'cost', '单个书屋改造成本', '≤4万元', '3.9万元', '10', '10', false],
      ['output', 'cost', '……', undefined, undefined, undefined, undefined, true],
      ['outcome', 'social', '书屋月均借阅人次', '≥300人次', '320人次', '15', '15', false],
      ['outcome', 'sustainability', '书屋管理员持续在岗率', '≥90%', '85%', '15', '14.17', false],
      ['satisfaction', 'satisfaction', '村民满意度', '≥90%', '92%', '10', '10', false],
    ]);
    expect([t(s.totalWeight), t(s.totalScore)]).toEqual(['100', '96.77']);
    expect(s.conclusion).toBe('项目总体完成较好，改造进度略有滞后。');
    expect(e.unrecognised.map((u) => [u.what, u.text, u.source?.line])).toEqual([
      ['column', '备注', 12],
      ['cell', '已完工', 16],
    ]);
    for (const u of e.unrecognised) expect(u.reason).toMatch(/[\u4e00-\u9fff]/);
    expectProvenance(e);
  });
});

const DEMO = fileURLToPath(new URL('../../../examples/shili-rongmeiti-2024.txt', import.meta.url));

describe.skipIf(!existsSync(DEMO))('the bundled demo report (examples/, seed layout, written by someone else)', () => {
  it('is recognised completely: nothing left over, figures and tree in place', async () => {
    const e = (await importFile(readFileSync(DEMO), 'shili-rongmeiti-2024.txt')).evaluation;
    expect([e.unit.name, e.year, e.kind]).toEqual(['示例市示例区融媒体中心', 2024, 'department']);
    expect(e.organisation.internalDivisions).toBe('办公室、采编中心、新媒体运营部、技术保障部');
    const s = e.selfEvaluation!;
    expect(money(s.funding)).toEqual(['年度资金总额', '452.80', '499.00', '487.53', '10', '97.70%', '9.77']);
    expect(s.indicators.filter((i) => !i.placeholder)).toHaveLength(14);
    expect([t(s.totalWeight), t(s.totalScore), t(e.selfReported.total), e.selfReported.grade]).toEqual([
      '100',
      '98.54',
      '98.54',
      '优秀',
    ]);
    expect(e.basicData?.projectExpenditure.items).toHaveLength(4);
    expect(e.unrecognised).toEqual([]);
    expectProvenance(e);
  });
});
