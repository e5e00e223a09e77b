import { formatFen, parseAmount } from "../common/money";
import { ZONE_AUTHORITY, ZONE_REGION } from "../common/zone";
import { percent } from "../common/percent";
import type {
  Bundle,
  BundleAsset,
  BundleClaim,
  BundleEconomicLine,
  BundleIncomeLine,
  BundleIndicator,
  BundleNamedAmount,
  BundleProject,
  BundleSubjectLine,
  BundleSubjectRowTotal,
  BundleThreePublic,
  FundingSourceCode,
} from "../ingest/bundle/bundle.types";

/**
 * A deterministic generator of department budgets shaped like the real 2023 HR bureau disclosure
 * (samples/007-2023.bundle.json), for benchmarks and tests.
 *
 * Every amount is a bigint count of 0.1 万元 and is printed with one decimal; nothing passes
 * through a float. Each department has its own PRNG stream derived from (seed, department index),
 * so department 101 is the same whether 3 or 300 departments are generated, and year N does not
 * depend on how many later years are asked for. Stated totals are the exact sums of the lines,
 * except that about 1 in 10 department-years states projectExpenditure 0.1 below its lines (a
 * rounding difference, as real documents have).
 */
export interface GenerateOptions {
  departments: number;
  years: number;
  seed: number;
  /** Default 2021; years are consecutive from it. */
  firstYear?: number;
}


/** One department-year in ROUNDING_IN (per mille) states projectExpenditure 0.1 below its lines. */
const ROUNDING_PER_MILLE = 100;
const MIN_SUBJECT = 200n; // 20.0 万元: a project subject line never shrinks below this
const MAX_PROJECTS = 25;
const MIN_PROJECTS = 5;

// ---------------------------------------------------------------------------------------------
// PRNG: mulberry32 on unsigned 32-bit integers; draws use integer modulo only.

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** Next unsigned 32-bit integer. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    if (hi <= lo) return lo;
    return lo + (this.u32() % (hi - lo + 1));
  }
  big(lo: number, hi: number): bigint {
    return BigInt(this.int(lo, hi));
  }
  /** true with probability perMille / 1000. */
  chance(perMille: number): boolean {
    return this.u32() % 1000 < perMille;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}

/** A well-mixed 32-bit seed for one department's stream. */
function mixSeed(seed: number, index: number): number {
  let h = (seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Exact amounts in 0.1 万元.

type Tenths = bigint;
const FEN_PER_TENTH = 100_000n;

/** 84n → "8.4"; -18n → "-1.8"; always one decimal, as the documents print 万元. */
function formatTenths(t: Tenths): string {
  return formatFen(t * FEN_PER_TENTH, "WAN_YUAN", 1);
}

/** part / whole × 100 to one decimal, as the narrative prints shares and rates. */
function percentOneDecimal(part: bigint, whole: bigint): string {
  const p = percent(part, whole, 1);
  if (p === null) throw new RangeError("percent of zero");
  return p;
}

/** Grows by g‰, g in [−150, 200]; rounds toward the old value so the change stays inside the band. */
function grow(old: Tenths, g: number): Tenths {
  const num = old * BigInt(1000 + g);
  const next = g < 0 ? (num + 999n) / 1000n : num / 1000n;
  return next < 1n ? 1n : next;
}

const sum = (xs: bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

// ---------------------------------------------------------------------------------------------
// Code lists and name pools.

interface SubjectDef {
  name: string;
  projects: string[];
  fund?: FundingSourceCode;
}

/** 2023 功能分类 项 the generator uses, with plausible project names under each. */
const SUBJECTS: Record<string, SubjectDef> = {
  // 201 一般公共服务支出
  "2010301": { name: "行政运行", projects: [] },
  "2010302": { name: "一般行政管理事务", projects: ["机关综合事务保障经费", "政务服务大厅运行经费", "公文处理及督查督办经费"] },
  "2010306": { name: "政务公开审批", projects: ["政务公开及审批服务经费", "一网通办平台运维经费"] },
  "2010308": { name: "信访事务", projects: ["信访维稳工作经费", "矛盾纠纷排查化解经费"] },
  "2010350": { name: "事业运行", projects: ["机关后勤服务中心运行经费", "机关食堂运营补助"] },
  "2010399": { name: "其他政府办公厅（室）及相关机构事务支出", projects: ["重大活动保障经费", "应急值守经费"] },
  "2010401": { name: "行政运行", projects: [] },
  "2010402": { name: "一般行政管理事务", projects: ["重大项目谋划及前期工作经费", "经济运行监测分析经费"] },
  "2010408": { name: "物价管理", projects: ["价格监测及成本调查经费"] },
  "2010499": { name: "其他发展与改革事务支出", projects: ["“十四五”规划中期评估经费", "营商环境评价经费"] },
  "2010501": { name: "行政运行", projects: [] },
  "2010502": { name: "一般行政管理事务", projects: ["统计执法检查经费", "统计数据质量核查经费"] },
  "2010507": { name: "专项普查活动", projects: ["经济普查工作经费", "人口抽样调查经费"] },
  "2010508": { name: "统计抽样调查", projects: ["劳动力调查经费", "住户收支调查经费"] },
  "2010601": { name: "行政运行", projects: [] },
  "2010602": { name: "一般行政管理事务", projects: ["财政评审及绩效评价经费", "预算编制及决算审核经费", "会计监督检查经费"] },
  "2010607": { name: "信息化建设", projects: ["预算管理一体化系统运维经费", "财政信息化建设经费"] },
  "2010699": { name: "其他财政事务支出", projects: ["政府债务管理经费", "国有资产清查经费"] },
  "2010801": { name: "行政运行", projects: [] },
  "2010802": { name: "一般行政管理事务", projects: ["审计业务外包经费", "政府投资项目审计经费"] },
  "2010804": { name: "审计业务", projects: ["经济责任审计经费", "专项资金审计经费"] },
  "2011101": { name: "行政运行", projects: [] },
  "2011102": { name: "一般行政管理事务", projects: ["廉政教育基地运行经费", "党风廉政宣传教育经费"] },
  "2011104": { name: "大案要案查处", projects: ["案件查办专项经费", "留置场所运行保障经费"] },
  "2011301": { name: "行政运行", projects: [] },
  "2011302": { name: "一般行政管理事务", projects: ["外贸外资促进工作经费", "商务运行监测经费"] },
  "2011308": { name: "招商引资", projects: ["招商引资活动经费", "产业链精准招商经费", "驻外招商联络处经费"] },
  "2013201": { name: "行政运行", projects: [] },
  "2013202": { name: "一般行政管理事务", projects: ["干部教育培训经费", "人才引进服务经费", "基层党建工作经费"] },
  "2013299": { name: "其他组织事务支出", projects: ["党员教育管理经费", "非公企业党建工作经费"] },
  "2013801": { name: "行政运行", projects: [] },
  "2013802": { name: "一般行政管理事务", projects: ["市场监管执法装备经费", "12315投诉举报处置经费"] },
  "2013805": { name: "市场秩序执法", projects: ["打击侵权假冒专项经费", "网络市场监管经费"] },
  "2013816": { name: "食品安全监管", projects: ["食品安全抽检经费", "创建国家食品安全示范城市经费"] },
  "2019999": { name: "其他一般公共服务支出", projects: ["档案数字化整理经费", "法律顾问服务经费", "政府购买服务经费"] },
  // 204 公共安全支出
  "2040601": { name: "行政运行", projects: [] },
  "2040602": { name: "一般行政管理事务", projects: ["法治政府建设经费", "行政复议应诉经费"] },
  "2040604": { name: "基层司法业务", projects: ["人民调解员补贴经费", "基层司法所运行经费"] },
  "2040605": { name: "普法宣传", projects: ["“八五”普法宣传经费", "法治文化阵地建设经费"] },
  "2040610": { name: "社区矫正", projects: ["社区矫正工作经费"] },
  // 205 教育支出
  "2050101": { name: "行政运行", projects: [] },
  "2050102": { name: "一般行政管理事务", projects: ["教育质量监测经费", "中小学招生入学服务经费", "教育督导评估经费"] },
  "2050201": { name: "学前教育", projects: ["普惠性幼儿园奖补资金", "学前教育生均公用经费"] },
  "2050202": { name: "小学教育", projects: ["小学义务教育公用经费", "小学校舍维修改造经费", "课后服务补助经费"] },
  "2050203": { name: "初中教育", projects: ["初中义务教育公用经费", "初中学校信息化设备购置经费"] },
  "2050204": { name: "高中教育", projects: ["普通高中生均公用经费", "高中学生资助经费"] },
  "2050803": { name: "培训支出", projects: ["教师全员培训经费", "名师工作室建设经费"] },
  "2059999": { name: "其他教育支出", projects: ["校园安全保障经费", "民办教育扶持资金"] },
  // 206 科学技术支出
  "2060101": { name: "行政运行", projects: [] },
  "2060102": { name: "一般行政管理事务", projects: ["科技项目评审经费", "科技统计及监测经费"] },
  "2060499": { name: "其他技术研究与开发支出", projects: ["高新技术企业培育奖补资金", "研发费用后补助资金", "重点实验室建设补助"] },
  "2060503": { name: "科技条件专项", projects: ["大型科研仪器共享补助", "科技企业孵化器奖补资金"] },
  "2060702": { name: "科普活动", projects: ["科技活动周经费", "科普基地建设经费"] },
  "2069999": { name: "其他科学技术支出", projects: ["创新创业大赛经费", "技术合同登记奖补资金"] },
  // 207 文化旅游体育与传媒支出
  "2070101": { name: "行政运行", projects: [] },
  "2070102": { name: "一般行政管理事务", projects: ["文化市场综合执法经费", "文旅宣传推介经费"] },
  "2070109": { name: "群众文化", projects: ["群众文化活动经费", "公益电影放映经费", "基层综合文化服务中心运行经费"] },
  "2070199": { name: "其他文化和旅游支出", projects: ["非物质文化遗产保护经费", "文物保护经费"] },
  "2070308": { name: "群众体育", projects: ["全民健身运动会经费", "健身路径维护经费"] },
  "2296003": { name: "用于体育事业的彩票公益金支出", projects: ["体育彩票公益金全民健身项目"], fund: "GOVERNMENT_FUND" },
  // 208 社会保障和就业支出
  "2080201": { name: "行政运行", projects: [] },
  "2080208": { name: "基层政权建设和社区治理", projects: ["社区治理能力提升经费", "社区工作者补贴经费", "村（居）委会换届选举经费"] },
  "2080501": { name: "行政单位离退休", projects: ["离退休人员经费"] },
  "2080505": { name: "机关事业单位基本养老保险缴费支出", projects: ["机关事业单位基本养老保险"] },
  "2080506": { name: "机关事业单位职业年金缴费支出", projects: ["机关事业单位职业年金"] },
  "2080805": { name: "义务兵优待", projects: ["义务兵家庭优待金"] },
  "2080899": { name: "其他优抚支出", projects: ["优抚对象医疗保障经费", "重点优抚对象慰问经费"] },
  "2080901": { name: "退役士兵安置", projects: ["退役士兵安置经费", "退役士兵自主就业一次性经济补助"] },
  "2081002": { name: "老年福利", projects: ["高龄津贴", "社区养老服务中心运营补贴", "居家养老服务补贴"] },
  "2081107": { name: "残疾人生活和护理补贴", projects: ["困难残疾人生活补贴", "重度残疾人护理补贴"] },
  "2081902": { name: "农村最低生活保障金支出", projects: ["农村低保资金"] },
  "2082001": { name: "临时救助支出", projects: ["临时救助资金", "“救急难”专项资金"] },
  "2082801": { name: "行政运行", projects: [] },
  "2089999": { name: "其他社会保障和就业支出", projects: ["困难群众慰问经费", "社会救助信息化经费"] },
  "2296002": { name: "用于社会福利的彩票公益金支出", projects: ["福利彩票公益金养老服务项目"], fund: "GOVERNMENT_FUND" },
  // 210 卫生健康支出
  "2100101": { name: "行政运行", projects: [] },
  "2100102": { name: "一般行政管理事务", projects: ["卫生监督执法经费", "医疗机构绩效考核经费"] },
  "2100302": { name: "乡镇卫生院", projects: ["社区卫生服务中心运行补助", "基层医疗机构设备购置经费"] },
  "2100401": { name: "疾病预防控制机构", projects: ["疾病预防控制中心运行经费", "免疫规划冷链设备经费"] },
  "2100408": { name: "基本公共卫生服务", projects: ["基本公共卫生服务项目资金", "家庭医生签约服务经费"] },
  "2100409": { name: "重大公共卫生服务", projects: ["重大传染病防控经费", "妇女“两癌”筛查经费"] },
  "2100410": { name: "突发公共卫生事件应急处理", projects: ["突发公共卫生事件应急物资储备经费"] },
  "2100717": { name: "计划生育服务", projects: ["计划生育家庭奖励扶助资金", "婴幼儿照护服务补助"] },
  "2101101": { name: "行政单位医疗", projects: ["行政单位医疗保险"] },
  "2109999": { name: "其他卫生健康支出", projects: ["健康城市建设经费", "爱国卫生运动经费"] },
  // 211 节能环保支出
  "2110101": { name: "行政运行", projects: [] },
  "2110102": { name: "一般行政管理事务", projects: ["环境执法监测经费", "环境影响评价技术审查经费"] },
  "2110104": { name: "生态环境保护宣传", projects: ["“六五”环境日宣传经费"] },
  "2110301": { name: "大气", projects: ["大气污染防治攻坚经费", "扬尘在线监测运维经费", "散煤治理补助资金"] },
  "2110302": { name: "水体", projects: ["水环境治理经费", "河长制工作经费"] },
  // 212 城乡社区支出
  "2120101": { name: "行政运行", projects: [] },
  "2120102": { name: "一般行政管理事务", projects: ["建设工程质量安全监督经费", "城市建设档案管理经费"] },
  "2120104": { name: "城管执法", projects: ["城市管理综合执法经费", "违法建设治理经费"] },
  "2120201": { name: "城乡社区规划与管理", projects: ["国土空间规划编制经费", "城市设计导则编制经费"] },
  "2120303": { name: "小城镇基础设施建设", projects: ["背街小巷改造经费", "市政道路维修养护经费"] },
  "2120399": { name: "其他城乡社区公共设施支出", projects: ["路灯维护及电费", "智慧城管平台运维经费", "公共停车设施建设经费"] },
  "2120501": { name: "城乡社区环境卫生", projects: ["道路清扫保洁经费", "垃圾分类推进经费", "公厕管护经费"] },
  "2120801": { name: "征地和拆迁补偿支出", projects: ["征地拆迁补偿资金"], fund: "GOVERNMENT_FUND" },
  "2120802": { name: "土地开发支出", projects: ["土地一级开发经费", "储备土地管护经费"], fund: "GOVERNMENT_FUND" },
  "2129999": { name: "其他城乡社区支出", projects: ["老旧小区改造配套经费", "城市更新项目前期经费"] },
  // 213 农林水支出
  "2130101": { name: "行政运行", projects: [] },
  "2130102": { name: "一般行政管理事务", projects: ["农产品质量安全监管经费", "动物防疫经费"] },
  "2130122": { name: "农业生产发展", projects: ["高标准农田建设补助", "农机购置补贴"] },
  "2130199": { name: "其他农业农村支出", projects: ["美丽乡村建设经费", "农村人居环境整治经费"] },
  "2130306": { name: "水利工程运行与维护", projects: ["防汛抗旱物资储备经费", "河道堤防维护经费"] },
  "2130705": { name: "对村民委员会和村党支部的补助", projects: ["村级组织运转经费", "村干部补贴"] },
  // 214 交通运输支出
  "2140101": { name: "行政运行", projects: [] },
  "2140102": { name: "一般行政管理事务", projects: ["交通运输执法经费", "道路运输安全监管经费"] },
  "2140104": { name: "公路建设", projects: ["农村公路提质改造经费", "公路建设前期经费"] },
  "2140106": { name: "公路养护", projects: ["公路日常养护经费", "桥梁检测经费"] },
  "2140199": { name: "其他公路水路运输支出", projects: ["公交线网优化补贴", "交通设施维护经费"] },
  // 216 商业服务业等支出
  "2160299": { name: "其他商业流通事务支出", projects: ["促消费活动经费", "电子商务发展扶持资金"] },
  // 217 金融支出
  "2170302": { name: "利息费用补贴支出", projects: ["中小企业贷款贴息资金"] },
  "2170399": { name: "其他金融发展支出", projects: ["企业上市奖励资金", "科技金融风险补偿资金"] },
  // 220 自然资源海洋气象等支出
  "2200101": { name: "行政运行", projects: [] },
  "2200102": { name: "一般行政管理事务", projects: ["自然资源执法监察经费", "不动产登记服务经费"] },
  "2200106": { name: "自然资源利用与保护", projects: ["耕地保护补偿经费", "地质灾害防治经费"] },
  "2200109": { name: "自然资源调查与确权登记", projects: ["国土变更调查经费", "自然资源确权登记经费"] },
  // 221 住房保障支出
  "2210108": { name: "老旧小区改造", projects: ["老旧小区综合改造资金"] },
  "2210201": { name: "住房公积金", projects: ["住房公积金"] },
  // 224 灾害防治及应急管理支出
  "2240101": { name: "行政运行", projects: [] },
  "2240102": { name: "一般行政管理事务", projects: ["安全生产宣传培训经费", "应急预案编制及演练经费"] },
  "2240106": { name: "安全监管", projects: ["安全生产执法检查经费", "危化品企业安全评估经费", "安全生产专家服务经费"] },
  "2240108": { name: "应急救援", projects: ["应急救援队伍建设经费", "应急物资储备经费"] },
};

interface DomainDef {
  short: string;
  /** The 行政运行 项 carrying basic expenditure. */
  admin: string;
  /** Project 项; the first is always used. */
  pool: string[];
  /** 部门整体绩效 重点工作任务: name and target. */
  tasks: [string, string][];
  /** Enforcement departments run more vehicles. */
  enforcement?: boolean;
}

const DOMAINS: DomainDef[] = [
  { short: "财政金融局", admin: "2010601", pool: ["2010602", "2010607", "2010699", "2170302", "2170399"], tasks: [["深化预算管理制度改革", "完成"], ["防范化解政府债务风险", "有效"]] },
  { short: "教育局", admin: "2050101", pool: ["2050102", "2050201", "2050202", "2050203", "2050204", "2050803", "2059999"], tasks: [["推进学前教育普惠发展", "提升"], ["义务教育优质均衡发展", "推进"]] },
  { short: "卫生健康局", admin: "2100101", pool: ["2100102", "2100302", "2100401", "2100408", "2100409", "2100410", "2100717", "2109999"], tasks: [["提升基层医疗服务能力", "提升"], ["做好重大疾病防控", "有效"]] },
  { short: "建设局", admin: "2120101", pool: ["2120102", "2120201", "2120303", "2120399", "2120801", "2120802", "2129999", "2210108"], tasks: [["保障重点项目建设", "保障"], ["提升建设工程质量安全", "提升"]] },
  { short: "科技局", admin: "2060101", pool: ["2060102", "2060499", "2060503", "2060702", "2069999"], tasks: [["培育高新技术企业", "增长"], ["优化创新创业生态", "优化"]], },
  { short: "城市管理局", admin: "2120101", pool: ["2120104", "2120303", "2120399", "2120501", "2129999", "2110301"], tasks: [["提升城市精细化管理水平", "提升"], ["推进生活垃圾分类", "推进"]], enforcement: true },
  { short: "生态环境分局", admin: "2110101", pool: ["2110102", "2110104", "2110301", "2110302", "2019999"], tasks: [["打好污染防治攻坚战", "完成"], ["改善辖区空气质量", "改善"]], enforcement: true },
  { short: "社会事业局", admin: "2080201", pool: ["2080208", "2081002", "2081107", "2081902", "2082001", "2296002", "2089999"], tasks: [["兜牢基本民生底线", "保障"], ["完善养老服务体系", "健全"]] },
  { short: "市场监督管理局", admin: "2013801", pool: ["2013802", "2013805", "2013816", "2019999"], tasks: [["守住食品安全底线", "保障"], ["优化市场准入环境", "优化"]], enforcement: true },
  { short: "审计局", admin: "2010801", pool: ["2010802", "2010804", "2019999"], tasks: [["完成年度审计项目计划", "完成"], ["推动审计整改落实", "落实"]] },
  { short: "党政办公室", admin: "2010301", pool: ["2010302", "2010306", "2010308", "2010350", "2010399", "2019999"], tasks: [["保障机关高效运转", "保障"], ["推进政务公开", "公开"]] },
  { short: "经济发展局", admin: "2010401", pool: ["2010402", "2010408", "2010499", "2160299"], tasks: [["推动重大项目谋划落地", "推进"], ["稳定经济运行", "稳定"]] },
  { short: "投资促进局", admin: "2011301", pool: ["2011302", "2011308", "2160299"], tasks: [["完成年度招商引资任务", "完成"], ["引进重点产业项目", "增长"]] },
  { short: "应急管理局", admin: "2240101", pool: ["2240102", "2240106", "2240108", "2130306"], tasks: [["遏制较大生产安全事故", "有效"], ["提升应急救援能力", "提升"]], enforcement: true },
  { short: "党群工作部", admin: "2013201", pool: ["2013202", "2013299", "2019999"], tasks: [["加强基层党组织建设", "加强"], ["做好干部人才工作", "保障"]] },
  { short: "统计局", admin: "2010501", pool: ["2010502", "2010507", "2010508"], tasks: [["完成统计调查任务", "完成"], ["提升统计数据质量", "提升"]] },
  { short: "农业农村工作办公室", admin: "2130101", pool: ["2130102", "2130122", "2130199", "2130306", "2130705"], tasks: [["巩固拓展脱贫攻坚成果", "巩固"], ["推进乡村振兴", "推进"]] },
  { short: "文化旅游体育局", admin: "2070101", pool: ["2070102", "2070109", "2070199", "2070308", "2296003"], tasks: [["丰富群众文化生活", "丰富"], ["推进全民健身", "推进"]] },
  { short: "纪工委监察室", admin: "2011101", pool: ["2011102", "2011104", "2019999"], tasks: [["加强党风廉政建设", "加强"], ["推进全面从严治党", "推进"]] },
  { short: "规划资源局", admin: "2200101", pool: ["2200102", "2200106", "2200109", "2120201"], tasks: [["落实耕地保护任务", "落实"], ["推进不动产登记便民", "推进"]] },
  { short: "交通运输局", admin: "2140101", pool: ["2140102", "2140104", "2140106", "2140199"], tasks: [["保障道路畅通", "保障"], ["提升公路养护水平", "提升"]], enforcement: true },
  { short: "政法委员会", admin: "2040601", pool: ["2040602", "2040604", "2040605", "2040610", "2010308"], tasks: [["维护社会和谐稳定", "稳定"], ["推进法治建设", "推进"]] },
  { short: "退役军人事务局", admin: "2082801", pool: ["2080901", "2080805", "2080899", "2089999"], tasks: [["落实优抚安置政策", "落实"], ["做好退役军人服务保障", "保障"]] },
  { short: "石佛办事处", admin: "2010301", pool: ["2010302", "2080208", "2120501", "2130705", "2081002", "2019999"], tasks: [["提升社区治理水平", "提升"], ["改善辖区人居环境", "改善"]] },
  { short: "沟赵办事处", admin: "2010301", pool: ["2010302", "2080208", "2120501", "2130705", "2120399", "2089999"], tasks: [["提升社区治理水平", "提升"], ["做好为民服务", "保障"]] },
  { short: "枫杨办事处", admin: "2010301", pool: ["2010302", "2080208", "2120501", "2082001", "2019999"], tasks: [["提升社区治理水平", "提升"], ["推进老旧小区改造", "推进"]] },
  { short: "梧桐办事处", admin: "2010301", pool: ["2010302", "2080208", "2120501", "2130705", "2130199"], tasks: [["提升社区治理水平", "提升"], ["推进美丽乡村建设", "推进"]] },
  { short: "双桥办事处", admin: "2010301", pool: ["2010302", "2080208", "2120501", "2120303", "2129999"], tasks: [["提升社区治理水平", "提升"], ["做好征迁安置服务", "保障"]] },
];

/** 行政事业单位养老/医疗/住房 items almost every department carries as projects (208, 210, 221). */
const CROSS_CUTTING = ["2080505", "2080506", "2101101", "2210201", "2080501"];
/** Catch-all items that fill a department up to its number of codes. */
const MISC = ["2019999", "2089999", "2129999"];

const GENERIC_PROJECTS = [
  "信息化建设及运维经费",
  "政府购买服务经费",
  "档案数字化工作经费",
  "业务培训经费",
  "宣传工作经费",
  "专项督查检查经费",
  "第三方评估服务经费",
  "办公场所租赁经费",
  "网络安全等级保护经费",
  "法律顾问服务经费",
  "专家咨询论证经费",
  "重点工作专班经费",
  "安全生产专项整治经费",
  "数据共享平台建设经费",
  "课题研究经费",
  "年度考核奖励经费",
  "基层服务站点运行经费",
  "志愿服务活动经费",
  "公共服务平台运营经费",
  "专项调研经费",
];

const LABEL: Record<string, string> = {
  GENERAL_PUBLIC_BUDGET: "一般公共预算",
  GOVERNMENT_FUND: "政府性基金预算",
  UNIT_FUNDS: "单位资金",
};

interface EconomicDef {
  deptCode: string;
  deptName: string;
  govCode: string;
  govName: string;
  /** First-year amount range in 0.1 万元. */
  lo: number;
  hi: number;
  /** Name the 机构运转经费 table prints, where it differs. */
  itemName?: string;
}

const ECONOMIC: EconomicDef[] = [
  { deptCode: "30101", deptName: "基本工资", govCode: "50101", govName: "工资奖金津补贴", lo: 1500, hi: 8000 },
  { deptCode: "30102", deptName: "津贴补贴", govCode: "50101", govName: "工资奖金津补贴", lo: 800, hi: 5000 },
  { deptCode: "30103", deptName: "奖金", govCode: "50101", govName: "工资奖金津补贴", lo: 400, hi: 2500 },
  { deptCode: "30107", deptName: "绩效工资", govCode: "50101", govName: "工资奖金津补贴", lo: 400, hi: 3000 },
  { deptCode: "30108", deptName: "机关事业单位基本养老保险缴费", govCode: "50102", govName: "社会保障缴费", lo: 400, hi: 1200 },
  { deptCode: "30109", deptName: "职业年金缴费", govCode: "50102", govName: "社会保障缴费", lo: 150, hi: 600 },
  { deptCode: "30110", deptName: "职工基本医疗保险缴费", govCode: "50102", govName: "社会保障缴费", lo: 300, hi: 1100 },
  { deptCode: "30112", deptName: "其他社会保障缴费", govCode: "50102", govName: "社会保障缴费", lo: 20, hi: 150 },
  { deptCode: "30113", deptName: "住房公积金", govCode: "50103", govName: "住房公积金", lo: 400, hi: 1000 },
  { deptCode: "30199", deptName: "其他工资福利支出", govCode: "50199", govName: "其他工资福利支出", lo: 500, hi: 30000 },
  { deptCode: "30201", deptName: "办公费", govCode: "50201", govName: "办公经费", lo: 50, hi: 300 },
  { deptCode: "30202", deptName: "印刷费", govCode: "50201", govName: "办公经费", lo: 10, hi: 80 },
  { deptCode: "30205", deptName: "水费", govCode: "50201", govName: "办公经费", lo: 5, hi: 50 },
  { deptCode: "30206", deptName: "电费", govCode: "50201", govName: "办公经费", lo: 20, hi: 150 },
  { deptCode: "30207", deptName: "邮电费", govCode: "50201", govName: "办公经费", lo: 10, hi: 60 },
  { deptCode: "30209", deptName: "物业管理费", govCode: "50201", govName: "办公经费", lo: 20, hi: 300 },
  { deptCode: "30211", deptName: "差旅费", govCode: "50201", govName: "办公经费", lo: 20, hi: 100 },
  { deptCode: "30213", deptName: "维修(护)费", govCode: "50209", govName: "维修(护)费", lo: 20, hi: 100, itemName: "日常维修费" },
  { deptCode: "30215", deptName: "会议费", govCode: "50202", govName: "会议费", lo: 10, hi: 50 },
  { deptCode: "30216", deptName: "培训费", govCode: "50203", govName: "培训费", lo: 20, hi: 80 },
  { deptCode: "30217", deptName: "公务接待费", govCode: "50206", govName: "公务接待费", lo: 5, hi: 30 },
  { deptCode: "30227", deptName: "委托业务费", govCode: "50205", govName: "委托业务费", lo: 50, hi: 300 },
  { deptCode: "30228", deptName: "工会经费", govCode: "50201", govName: "办公经费", lo: 50, hi: 200 },
  { deptCode: "30229", deptName: "福利费", govCode: "50201", govName: "办公经费", lo: 20, hi: 80 },
  { deptCode: "30231", deptName: "公务用车运行维护费", govCode: "50208", govName: "公务用车运行维护费", lo: 20, hi: 150 },
  { deptCode: "30239", deptName: "其他交通费用", govCode: "50201", govName: "办公经费", lo: 50, hi: 250, itemName: "其他交通费" },
  { deptCode: "30299", deptName: "其他商品和服务支出", govCode: "50299", govName: "其他商品和服务支出", lo: 20, hi: 100 },
  { deptCode: "30302", deptName: "退休费", govCode: "50905", govName: "离退休费", lo: 10, hi: 100 },
  { deptCode: "30305", deptName: "生活补助", govCode: "50901", govName: "社会福利和救助", lo: 10, hi: 100 },
  { deptCode: "30399", deptName: "其他对个人和家庭的补助", govCode: "50999", govName: "其他对个人和家庭补助", lo: 5, hi: 50 },
];
const ECONOMIC_REQUIRED = ["30101", "30108", "30113", "30201", "30211"];

interface IndicatorTemplate {
  name: string;
  target: string;
}
const OUTPUT_INDICATORS: IndicatorTemplate[] = [
  { name: "工作任务完成率", target: "100%" },
  { name: "资金拨付及时率", target: "及时" },
  { name: "项目验收合格率", target: "100%" },
  { name: "开展专项检查次数", target: "≥3次" },
  { name: "服务覆盖人数", target: "≥500人" },
  { name: "组织培训场次", target: "≥4次" },
  { name: "设备完好率", target: "≥95%" },
  { name: "政策知晓率", target: "≥90%" },
  { name: "资金使用合规率", target: "100%" },
  { name: "任务按期完成率", target: "≥90%" },
  { name: "补助发放准确率", target: "100%" },
  { name: "宣传活动次数", target: "≥6次" },
  { name: "系统正常运行率", target: "≥98%" },
  { name: "问题整改完成率", target: "≥90%" },
  { name: "受益企业数量", target: "≥50家" },
  { name: "档案归档率", target: "100%" },
  { name: "工作完成时效", target: "及时" },
  { name: "服务对象覆盖率", target: "≥90%" },
];
const BENEFIT_INDICATORS: IndicatorTemplate[] = [
  { name: "社会效益", target: "显著提升" },
  { name: "服务对象受益人数", target: "≥500人" },
  { name: "营商环境", target: "持续优化" },
  { name: "群众获得感", target: "提升" },
  { name: "工作效率", target: "提高" },
  { name: "可持续影响", target: "长期" },
  { name: "辖区环境质量", target: "改善" },
  { name: "保障水平", target: "提升" },
];
const SATISFACTION_NAMES = ["服务对象满意度", "群众满意度", "受益对象满意度", "企业满意度", "主管部门满意度", "参与人员满意度"];
const SATISFACTION_HIGH = ["≥90%", "≥95%", "100%"];
const SATISFACTION_LOW = ["≥80%", "≥85%"];

const INPUT_MANAGEMENT: BundleIndicator[] = [
  { level1: "投入管理指标", level2: "工作目标管理", name: "年度履职目标相关性", target: "相关" },
  { level1: "投入管理指标", level2: "工作目标管理", name: "绩效指标合理性", target: "合理" },
  { level1: "投入管理指标", level2: "预算和财务管理", name: "预算编制完整性", target: "完整" },
  { level1: "投入管理指标", level2: "预算和财务管理", name: "预算执行率", target: "≥90%", explanation: "预算执行率=（预算完成数/预算数）×100%。" },
  { level1: "投入管理指标", level2: "预算和财务管理", name: "结转结余率", target: "≤20%", explanation: "结转结余率=结转结余总额/预算数*100%。" },
  { level1: "投入管理指标", level2: "预算和财务管理", name: "“三公经费”控制率", target: "≤100%", explanation: "“三公经费”控制率=本年度“三公经费”实际支出数/“三公经费”预算数*100%" },
  { level1: "投入管理指标", level2: "预算和财务管理", name: "资金使用合规性", target: "合规" },
  { level1: "投入管理指标", level2: "绩效管理", name: "绩效自评完成率", target: "100%" },
];

// ---------------------------------------------------------------------------------------------
// Department plan and its evolution across years.

interface SubjectState {
  code: string;
  fund: FundingSourceCode;
  category: "SPECIFIC" | "OPERATING";
  amount: Tenths;
  /** Domain items take extra projects; cross-cutting and fund items keep their single project. */
  domain: boolean;
  unusedNames: string[];
}

interface ProjectState {
  code: string;
  name: string;
  subject: string;
  anchor: boolean;
  weight: bigint;
  active: boolean;
  indicators: BundleIndicator[];
}

interface EconomicState {
  def: EconomicDef;
  amount: Tenths;
}

interface ThreePublicState {
  overseas: Tenths;
  purchase: Tenths;
  operation: Tenths;
  reception: Tenths;
}

interface Previous {
  total: Tenths;
  operating: Tenths;
  threePublic: Tenths;
}

class Department {
  readonly code: string;
  readonly short: string;
  readonly domain: DomainDef;
  readonly subjects: SubjectState[] = [];
  readonly projects: ProjectState[] = [];
  readonly economic: EconomicState[] = [];
  readonly indicators: BundleIndicator[];
  readonly assets: BundleAsset[];
  readonly hasThreePublic: boolean;
  readonly three: ThreePublicState;
  readonly hasProcurement: boolean;
  private serial = 0;
  private genericUsed = 0;
  private readonly generic: string[];
  private prev: Previous | null = null;

  constructor(
    private readonly rng: Rng,
    index: number,
  ) {
    this.code = String(101 + index).padStart(3, "0");
    this.domain = DOMAINS[index % DOMAINS.length]!;
    const round = Math.floor(index / DOMAINS.length);
    this.short = round === 0 ? this.domain.short : `${this.domain.short}${round + 1}`;
    this.generic = rng.shuffle(GENERIC_PROJECTS);

    this.planSubjects();

    const vehicles = this.domain.enforcement ? rng.int(1, 6) : rng.chance(500) ? rng.int(1, 2) : 0;
    this.assets = [
      { kind: "VEHICLE", name: "一般公务用车", count: vehicles > 0 && !this.domain.enforcement ? vehicles : rng.int(0, 1) },
      { kind: "VEHICLE", name: "一般执法执勤用车", count: this.domain.enforcement ? vehicles : 0 },
      { kind: "VEHICLE", name: "特种专业技术用车", count: this.domain.enforcement && rng.chance(300) ? rng.int(1, 2) : 0 },
      { kind: "VEHICLE", name: "其他用车", count: 0 },
      { kind: "EQUIPMENT", name: "单位价值50万元以上通用设备", count: rng.chance(200) ? rng.int(1, 3) : 0 },
      { kind: "EQUIPMENT", name: "单位价值100万元以上专用设备", count: rng.chance(100) ? 1 : 0 },
    ];
    const anyVehicle = this.assets.some((a) => a.kind === "VEHICLE" && a.count > 0);
    this.hasThreePublic = anyVehicle || rng.chance(400);
    this.three = {
      overseas: this.hasThreePublic && rng.chance(100) ? rng.big(50, 300) : 0n,
      purchase: 0n,
      operation: this.hasThreePublic && anyVehicle ? rng.big(20, 200) : 0n,
      reception: this.hasThreePublic && rng.chance(700) ? rng.big(5, 80) : 0n,
    };
    this.hasProcurement = rng.chance(600);
    // 公务用车运行维护费 and 公务接待费 only where the department has cars or receptions.
    const excluded = new Set<string>();
    if (this.three.operation === 0n) excluded.add("30231");
    if (this.three.reception === 0n) excluded.add("30217");
    this.planEconomic(excluded);
    this.indicators = this.planIndicators();
  }

  private planSubjects(): void {
    const rng = this.rng;
    const n = rng.int(4, 15); // 项 codes in all, 行政运行 included
    const projectCodes = n - 1;
    const pool = this.domain.pool;
    const chosen: string[] = [pool[0]!];
    const cross = rng.shuffle(CROSS_CUTTING);
    const crossFirst = rng.int(1, Math.min(3, projectCodes - 1));
    const order = [...cross.slice(0, crossFirst), ...rng.shuffle(pool.slice(1)), ...cross.slice(crossFirst), ...rng.shuffle(MISC)];
    for (const c of order) {
      if (chosen.length >= projectCodes) break;
      if (!chosen.includes(c) && c !== this.domain.admin) chosen.push(c);
    }
    chosen.sort();
    // About one department in ten has one domain item paid from the unit's own funds.
    const unitFunds = rng.chance(100) ? rng.pick(chosen.filter((c) => !SUBJECTS[c]!.fund && !CROSS_CUTTING.includes(c))) : undefined;
    for (const code of chosen) {
      const def = SUBJECTS[code]!;
      const business = !CROSS_CUTTING.includes(code);
      const big = business && rng.chance(def.fund ? 500 : 200);
      this.subjects.push({
        code,
        fund: def.fund ?? (code === unitFunds ? "UNIT_FUNDS" : "GENERAL_PUBLIC_BUDGET"),
        category: business && rng.chance(250) ? "OPERATING" : "SPECIFIC",
        amount: 10n * rng.big(20, business ? 300 : 150) * (big ? 5n : 1n),
        domain: business && !def.fund,
        unusedNames: rng.shuffle(def.projects),
      });
    }
  }

  private planEconomic(excluded: Set<string>): void {
    const rng = this.rng;
    const count = rng.int(8, 18);
    const codes = new Set(ECONOMIC_REQUIRED);
    codes.add(rng.pick(["30302", "30399"]));
    for (const d of rng.shuffle(ECONOMIC)) {
      if (codes.size >= count) break;
      if (!excluded.has(d.deptCode)) codes.add(d.deptCode);
    }
    for (const def of ECONOMIC) if (codes.has(def.deptCode)) this.economic.push({ def, amount: rng.big(def.lo, def.hi) });
  }

  /** 5–10 rows: the first key task, 年度履职目标 and 满意度 always, the rest drawn, all in the sample's order. */
  private planIndicators(): BundleIndicator[] {
    const rng = this.rng;
    const n = rng.int(5, 10);
    const [task0, task1] = this.domain.tasks.map(([name, target]): BundleIndicator => ({ level1: "产出指标", level2: "重点工作任务完成", name, target }));
    const goal: BundleIndicator = { level1: "产出指标", level2: "履职目标实现", name: "年度履职目标", target: "完成" };
    const impact: BundleIndicator = { level1: "效益指标", level2: "履职效益", name: "社会正面影响", target: "持续" };
    const satisfaction: BundleIndicator = { level1: "效益指标", level2: "满意度", name: "满意度", target: rng.pick(["≥80%", "≥85%", "≥90%"]) };
    const ordered = [...INPUT_MANAGEMENT, task0!, task1!, goal, impact, satisfaction];
    const required = new Set([task0!, goal, satisfaction]);
    const optional = rng.shuffle(ordered.filter((i) => !required.has(i))).slice(0, n - required.size);
    const keep = new Set([...required, ...optional]);
    return ordered.filter((i) => keep.has(i)).map((i) => ({ ...i }));
  }

  private projectIndicators(): BundleIndicator[] {
    const rng = this.rng;
    const k = rng.int(2, 6);
    const outputs = k >= 3 ? k - 2 : 1;
    const out: BundleIndicator[] = rng
      .shuffle(OUTPUT_INDICATORS)
      .slice(0, outputs)
      .map((t) => ({ category: "OUTPUT", name: t.name, target: t.target }));
    if (k >= 3) {
      const b = rng.pick(BENEFIT_INDICATORS);
      out.push({ category: "BENEFIT", name: b.name, target: b.target });
    }
    out.push({ category: "SATISFACTION", name: rng.pick(SATISFACTION_NAMES), target: rng.chance(250) ? rng.pick(SATISFACTION_LOW) : rng.pick(SATISFACTION_HIGH) });
    return out;
  }

  private newProject(subject: SubjectState, year: number, anchor: boolean): void {
    const used = new Set(this.projects.map((p) => p.name));
    let name = subject.unusedNames.shift();
    while (name === undefined || used.has(name)) {
      if (name !== undefined) name = subject.unusedNames.shift();
      else {
        const base = this.generic[this.genericUsed % this.generic.length]!;
        const round = Math.floor(this.genericUsed / this.generic.length);
        this.genericUsed++;
        name = round === 0 ? base : `${base}（${round + 1}期）`;
      }
    }
    this.serial++;
    const serial = (Number(this.code) * 100_000 + this.serial).toString().padStart(13, "0");
    this.projects.push({
      code: `${ZONE_REGION}${String(year % 100).padStart(2, "0")}${serial}`,
      name,
      subject: subject.code,
      anchor,
      weight: anchor ? this.rng.big(10, 20) : this.rng.big(1, 10),
      active: true,
      indicators: this.projectIndicators(),
    });
  }

  private activeCount(): number {
    return this.projects.filter((p) => p.active).length;
  }

  private addExtra(year: number): void {
    const open = this.subjects.filter((s) => s.domain && this.projects.filter((p) => p.active && p.subject === s.code).length < 4);
    if (open.length) this.newProject(this.rng.pick(open), year, false);
  }

  /** This year's projects: all anchors, surviving extras, some new ones. */
  private evolveProjects(year: number, first: boolean): void {
    const rng = this.rng;
    if (first) {
      for (const s of this.subjects) this.newProject(s, year, true);
      const p = this.subjects.length;
      const extras = rng.int(Math.max(0, MIN_PROJECTS - p), Math.max(0, Math.min(MAX_PROJECTS - p, 8)));
      for (let i = 0; i < extras; i++) this.addExtra(year);
    } else {
      for (const p of this.projects) if (p.active && !p.anchor && rng.chance(120)) p.active = false;
      const adds = rng.chance(400) ? rng.int(1, 3) : 0;
      for (let i = 0; i < adds && this.activeCount() < MAX_PROJECTS; i++) this.addExtra(year);
    }
    let guard = 0;
    while (this.activeCount() < MIN_PROJECTS && guard++ < 100) this.addExtra(year);
  }

  private evolveAmounts(): void {
    const rng = this.rng;
    for (const s of this.subjects) s.amount = grow(s.amount, s.amount < MIN_SUBJECT ? rng.int(0, 200) : rng.int(-150, 200));
    for (const e of this.economic) e.amount = grow(e.amount, rng.int(-150, 200));
    const t = this.three;
    if (t.overseas > 0n) t.overseas = grow(t.overseas, rng.int(-150, 200));
    if (t.operation > 0n) t.operation = grow(t.operation, rng.int(-150, 200));
    if (t.reception > 0n) t.reception = grow(t.reception, rng.int(-150, 200));
    t.purchase = 0n;
  }

  /** One department-year, advancing the department's state. */
  bundle(year: number, first: boolean): Bundle {
    const rng = this.rng;
    if (!first) this.evolveAmounts();
    this.evolveProjects(year, first);
    if (this.hasThreePublic && this.three.operation > 0n && rng.chance(150)) this.three.purchase = rng.big(150, 300);

    const unit = `${this.code}001`;
    const fullName = `${ZONE_AUTHORITY}${this.short}`;
    const basic = this.basicExpenditure(unit);
    const subjectLines = [...basic.subjectLines, ...this.subjects.map((s): BundleSubjectLine => ({ unit, subject: s.code, subjectName: SUBJECTS[s.code]!.name, kind: "PROJECT", category: s.category, fundingSource: s.fund, amount: formatTenths(s.amount) }))];
    const projectSum = sum(this.subjects.map((s) => s.amount));
    const total = basic.total + projectSum;
    const statedProject = rng.chance(ROUNDING_PER_MILLE) ? projectSum - 1n : projectSum;
    const three = this.threePublic();
    const procurement = this.procurement();
    const claims = this.claims(total, basic.total, statedProject, basic.publicPart, three.total, procurement.total);
    const operatingFunds = this.operatingFunds(basic.publicPart);
    this.prev = { total, operating: basic.publicPart, threePublic: three.total };

    return {
      format: "budget-bundle/1",
      department: { code: this.code, name: fullName, shortName: this.short, regionCode: ZONE_REGION, units: [{ code: unit, name: fullName, isSelf: true }] },
      year,
      stage: "BUDGET",
      amountUnit: "WAN_YUAN",
      title: `${year} 年${this.short}部门预算公开`,
      stated: {
        incomeTotal: formatTenths(total),
        expenditureTotal: formatTenths(total),
        basicExpenditure: formatTenths(basic.total),
        projectExpenditure: formatTenths(statedProject),
        personnelExpenditure: formatTenths(basic.personnel),
        publicExpenditure: formatTenths(basic.publicPart),
      },
      subjectLines,
      subjectRowTotals: rowTotals(subjectLines),
      economicLines: basic.economicLines,
      incomeLines: this.incomeLines(basic.total),
      projects: this.projectList(unit),
      departmentIndicators: this.indicators.map((i) => ({ ...i })),
      threePublic: three.bundle,
      operatingFunds,
      procurement: procurement.bundle,
      assets: this.assets.map((a) => ({ ...a })),
      claims,
    };
  }

  /** Economic lines and the basic subject lines (行政运行) they add up to. */
  private basicExpenditure(unit: string) {
    const byClass = (cls: string) => sum(this.economic.filter((e) => e.def.deptCode.startsWith(cls)).map((e) => e.amount));
    const wages = byClass("301");
    const goods = byClass("302");
    const household = byClass("303");
    const personnel = wages + household;
    const publicPart = goods;
    const adminName = SUBJECTS[this.domain.admin]!.name;
    const line = (kind: "PERSONNEL" | "PUBLIC", category: BundleSubjectLine["category"], amount: Tenths): BundleSubjectLine => ({
      unit, subject: this.domain.admin, subjectName: adminName, kind, category, fundingSource: "GENERAL_PUBLIC_BUDGET", amount: formatTenths(amount),
    });
    const economicLines: BundleEconomicLine[] = this.economic.map((e) => ({
      unit,
      deptCode: e.def.deptCode,
      deptName: e.def.deptName,
      govCode: e.def.govCode,
      govName: e.def.govName,
      kind: e.def.deptCode.startsWith("302") ? "PUBLIC" : "PERSONNEL",
      fundingSource: "GENERAL_PUBLIC_BUDGET",
      amount: formatTenths(e.amount),
    }));
    return {
      subjectLines: [line("PERSONNEL", "WAGES_AND_WELFARE", wages), line("PERSONNEL", "HOUSEHOLD_SUBSIDIES", household), line("PUBLIC", "GOODS_AND_SERVICES", goods)],
      economicLines,
      personnel,
      publicPart,
      total: personnel + publicPart,
    };
  }

  private incomeLines(basic: Tenths): BundleIncomeLine[] {
    const bySource = new Map<FundingSourceCode, Tenths>([["GENERAL_PUBLIC_BUDGET", basic]]);
    for (const s of this.subjects) bySource.set(s.fund, (bySource.get(s.fund) ?? 0n) + s.amount);
    return (["GENERAL_PUBLIC_BUDGET", "GOVERNMENT_FUND", "UNIT_FUNDS"] as const)
      .filter((src) => bySource.has(src))
      .map((src) => ({ source: src, label: LABEL[src]!, amount: formatTenths(bySource.get(src)!) }));
  }

  /** Each subject's amount split among its active projects by weight; the anchor project takes the rest. */
  private projectAmounts(): Map<ProjectState, Tenths> {
    const projectAmount = new Map<ProjectState, Tenths>();
    for (const s of this.subjects) {
      const ps = this.projects.filter((p) => p.active && p.subject === s.code);
      const totalWeight = sum(ps.map((p) => p.weight));
      let rest = s.amount;
      for (const p of ps) {
        if (p.anchor) continue;
        let a = (s.amount * p.weight) / totalWeight;
        if (a < 1n) a = 1n;
        projectAmount.set(p, a);
        rest -= a;
      }
      const anchor = ps.find((p) => p.anchor)!;
      if (rest < 1n) throw new Error(`generator: subject ${s.code} of ${this.code} cannot cover its projects`);
      projectAmount.set(anchor, rest);
    }
    return projectAmount;
  }

  private projectList(unit: string): BundleProject[] {
    const amounts = this.projectAmounts();
    return this.subjects.flatMap((s) =>
      this.projects
        .filter((p) => p.active && p.subject === s.code)
        .map((p) => ({
          code: p.code,
          name: p.name,
          category: s.category,
          unit,
          subject: s.code,
          lines: [{ fundingSource: "GENERAL_PUBLIC_BUDGET" as const, amount: formatTenths(amounts.get(p)!) }],
          indicators: p.indicators.map((i) => ({ ...i })),
        })),
    );
  }

  private threePublic(): { total: Tenths; bundle: BundleThreePublic } {
    const t = this.three;
    const vehicles = t.purchase + t.operation;
    const total = t.overseas + vehicles + t.reception;
    return {
      total,
      bundle: {
        total: formatTenths(total),
        overseasTravel: formatTenths(t.overseas),
        vehicles: formatTenths(vehicles),
        vehiclePurchase: formatTenths(t.purchase),
        vehicleOperation: formatTenths(t.operation),
        reception: formatTenths(t.reception),
      },
    };
  }

  /** 机构运转经费: the 302 items, and the change against last year's with its reason. */
  private operatingFunds(publicPart: Tenths): NonNullable<Bundle["operatingFunds"]> {
    const items: BundleNamedAmount[] = this.economic
      .filter((e) => e.def.deptCode.startsWith("302"))
      .map((e) => ({ name: e.def.itemName ?? e.def.deptName, amount: formatTenths(e.amount) }));
    const out: NonNullable<Bundle["operatingFunds"]> = { total: formatTenths(publicPart), items };
    if (this.prev) {
      const change = publicPart - this.prev.operating;
      out.change = formatTenths(change);
      out.reason = change > 0n ? "增加办公费、委托业务费等日常运转支出" : change < 0n ? "落实过紧日子要求，压减一般性支出" : "与上年持平";
    }
    return out;
  }

  private procurement(): { total: Tenths; bundle: NonNullable<Bundle["procurement"]> } {
    const rng = this.rng;
    let goods = 0n;
    let works = 0n;
    let services = 0n;
    if (this.hasProcurement) {
      goods = rng.chance(700) ? rng.big(10, 500) : 0n;
      works = rng.chance(250) ? 10n * rng.big(20, 300) : 0n;
      services = rng.chance(800) ? rng.big(20, 1500) : 0n;
    }
    const total = goods + works + services;
    return { total, bundle: { total: formatTenths(total), goods: formatTenths(goods), works: formatTenths(works), services: formatTenths(services) } };
  }

  private claims(total: Tenths, basic: Tenths, statedProject: Tenths, operating: Tenths, threeTotal: Tenths, procurement: Tenths): BundleClaim[] {
    const prev = this.prev;
    const s1 = "一、收入支出预算总体情况说明";
    const totalChange = (): Partial<BundleClaim> => {
      if (!prev) return {};
      const change = total - prev.total;
      return {
        change: formatTenths(change),
        ratePercent: percentOneDecimal(change, prev.total),
        reason: change >= 0n ? "重点项目支出增加" : "响应政府过紧日子要求，进一步收紧支出",
      };
    };
    const claims: BundleClaim[] = [
      { topic: "INCOME_TOTAL", section: s1, amount: formatTenths(total), ...totalChange() },
      { topic: "EXPENDITURE_TOTAL", section: s1, amount: formatTenths(total), ...totalChange() },
      { topic: "BASIC_SHARE", section: "三、支出预算总体情况说明", amount: formatTenths(basic), sharePercent: percentOneDecimal(basic, total) },
      { topic: "PROJECT_SHARE", section: "三、支出预算总体情况说明", amount: formatTenths(statedProject), sharePercent: percentOneDecimal(statedProject, total) },
    ];
    const three: BundleClaim = { topic: "THREE_PUBLIC_TOTAL", section: "七、一般公共预算“三公”经费支出预算情况说明", amount: formatTenths(threeTotal) };
    if (prev) three.change = formatTenths(threeTotal - prev.threePublic);
    claims.push(three);
    const of: BundleClaim = { topic: "OPERATING_FUNDS_TOTAL", section: "十、其他重要事项情况说明 （一）行政（事业）单位机构运转经费支出预算情况", amount: formatTenths(operating) };
    if (prev) of.change = formatTenths(operating - prev.operating);
    claims.push(of);
    claims.push({ topic: "PROCUREMENT_TOTAL", section: "十、其他重要事项情况说明 （二）政府采购支出预算情况", amount: formatTenths(procurement) });
    return claims;
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Departments are numbered from 101; past 999 their codes grow a digit (1000, 1001 …), up to the
 * six digits a department code may have, and a unit's code is its department's and three more.
 */
export const MAX_DEPARTMENTS = 999_999 - 100;

/**
 * Department-years ordered by department, then year. Pure: the same options always give
 * byte-identical JSON.
 */
export function generateBundles(opts: GenerateOptions): Bundle[] {
  const { departments, years, seed } = opts;
  const firstYear = opts.firstYear ?? 2021;
  if (!Number.isInteger(departments) || departments < 0 || departments > MAX_DEPARTMENTS) throw new RangeError(`departments must be a whole number from 0 to ${MAX_DEPARTMENTS}, got ${departments}`);
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`years must be a whole number of at least 1, got ${years}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(firstYear) || firstYear < 1990 || firstYear + years - 1 > 2100) throw new RangeError(`years must lie within 1990–2100, got ${firstYear}+${years}`);
  const out: Bundle[] = [];
  for (let i = 0; i < departments; i++) {
    const dept = new Department(new Rng(mixSeed(seed, i)), i);
    for (let y = 0; y < years; y++) out.push(dept.bundle(firstYear + y, y === 0));
  }
  return out;
}

/** The 合计 each subject row prints: here exactly what its lines add up to (the generator's amounts are exact tenths). */
function rowTotals(lines: BundleSubjectLine[]): BundleSubjectRowTotal[] {
  const rows = new Map<string, { unit?: string; subject: string; tenths: Tenths }>();
  for (const l of lines) {
    const key = `${l.unit ?? ""}|${l.subject}`;
    const row = rows.get(key) ?? { unit: l.unit, subject: l.subject, tenths: 0n };
    row.tenths += parseAmount(l.amount, "WAN_YUAN") / FEN_PER_TENTH;
    rows.set(key, row);
  }
  return [...rows.values()].map((r) => ({ unit: r.unit, subject: r.subject, amount: formatTenths(r.tenths) }));
}
