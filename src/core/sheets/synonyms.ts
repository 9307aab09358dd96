/**
 * The synonym dictionary: for each sheet kind and field, the header texts dealers and DMS exports use
 * (Chinese and English). Headers are compared after normalisation (see normaliseHeader.ts), so full-width
 * characters, case, spaces, punctuation and bracketed units do not matter here.
 *
 * Order matters: when two columns both match a field exactly, the one matching the synonym listed first wins.
 *
 * `exclude`: words that, when contained in a header, stop the field from matching by containment (an exact
 * synonym still matches). They keep look-alike columns apart, e.g. 最后进站日期 is never a purchase date and
 * 预约日期 is never a call date.
 */
import type { CallField, CustomerField, Field, ProspectField, RegisterField, SheetKind } from './types';

export interface FieldSynonyms {
  synonyms: readonly string[];
  exclude?: readonly string[];
  /**
   * Concept tags (concepts.ts) that stop containment as `exclude` does, when the header's concepts hold one of `any`
   * and none of `unless`: a header naming a member of staff (SA Name, 顾问姓名) is no customer's name unless it
   * names the customer too.
   */
  excludeConcepts?: { any: readonly string[]; unless?: readonly string[] };
}

const NAME: FieldSynonyms = {
  synonyms: ['客户姓名', '姓名', '车主', '车主姓名', '客户名称', '客户名', '客户', '用户姓名', '用户名称', '联系人', '联系人姓名',
    'customer', 'customer name', 'name', 'owner', 'owner name', 'client', 'client name', 'full name'],
  exclude: ['顾问', '回访', '招揽', '跟进人', '跟踪人', '接待', '坐席', '客服', '专员', '编号', '来源', '级别', '等级', '类型', '电话', '手机',
    '地址', '性别', '经销商', '公司', '单位', '销售'],
  excludeConcepts: { any: ['PERSON'], unless: ['CUSTOMER'] },
};
const PHONE: FieldSynonyms = {
  synonyms: ['联系电话', '电话', '手机', '手机号', '手机号码', '电话号码', '移动电话', '联系方式', '客户电话', '车主电话', '车主手机',
    '客户手机', '联系手机', '联系号码', '手机电话', '固定电话', '住宅电话', 'mobile', 'mobile phone', 'phone', 'phone number', 'tel',
    'telephone', 'contact', 'contact number', 'cell', 'cellphone'],
  exclude: ['回访', '顾问', '坐席', '客服', '来电时间', '来电日期', '电话回访'],
};
const PLATE: FieldSynonyms = {
  synonyms: ['车牌号', '车牌', '车牌号码', '牌照号', '牌照', '牌照号码', '号牌', '号牌号码', '车号', 'plate', 'plate no', 'plate number',
    'license plate', 'licence plate', 'registration', 'registration no', 'reg no'],
};
const VIN: FieldSynonyms = {
  synonyms: ['车架号', 'vin', 'vin码', 'vin号', '底盘号', '车辆识别代号', '车辆识别码', '车辆识别号', '车架号码', '车架号vin', '车架',
    'chassis', 'chassis no', 'chassis number', 'vin no', 'vin number', 'vehicle identification number'],
};
const MODEL: FieldSynonyms = {
  synonyms: ['车型', '车系', '车型名称', '品牌车型', '车辆型号', '车款', '车型代码', '车系名称', '车辆车型', '购买车型', '车型车系',
    'model', 'vehicle model', 'car model', 'series'],
  exclude: ['意向', '拟购', '关注', '竞品', '已购', '他牌'],
};
const REGION: FieldSynonyms = {
  synonyms: ['地区', '所在地', '区域', '所属区域', '所在区域', '所在地区', '城市', '所在城市', '区县', '片区', '省份', '市', '县区', '归属地',
    'region', 'area', 'city', 'district', 'province'],
  exclude: ['地址', '住址', '经理'],
};
const GENDER: FieldSynonyms = { synonyms: ['性别', '客户性别', 'gender', 'sex'] };
const ADDRESS: FieldSynonyms = {
  synonyms: ['地址', '住址', '联系地址', '家庭住址', '家庭地址', '客户地址', '通讯地址', '居住地址', '单位地址', '所在地址', '详细地址',
    'address', 'home address'],
};
const CONSULTANT: FieldSynonyms = {
  synonyms: ['接待人', '销售顾问', '接待顾问', '顾问', '接待', '接待人员', '负责顾问', '所属顾问', '跟进顾问', '跟踪顾问', '跟进人', '跟踪人',
    '销售员', '销售人员', '业务员', '责任顾问', 'consultant', 'sales consultant', 'salesperson', 'sales', 'owner consultant'],
  exclude: ['服务顾问', '经过', '过程', '内容', '方式', '日期', '时间'],
};
const SOURCE: FieldSynonyms = {
  synonyms: ['信息来源', '获知渠道', '客户来源', '来源', '渠道', '线索来源', '来源渠道', '获知途径', '信息渠道', '获取渠道', '了解渠道',
    '从何得知', 'source', 'lead source', 'channel'],
};
const LEVEL: FieldSynonyms = {
  synonyms: ['追踪后级别', '跟踪后级别', '跟进后级别', '意向级别', '客户级别', '级别', '等级', '意向等级', '客户等级', '意向度', '购买意向',
    'level', 'intent level', 'intention level', 'grade', 'rating'],
};

const CUSTOMERS: Record<CustomerField, FieldSynonyms> = {
  name: NAME,
  phone: PHONE,
  plate: PLATE,
  vin: VIN,
  model: MODEL,
  purchaseDate: {
    synonyms: ['购车日期', '开票日期', '销售日期', '交车日期', '购买日期', '发票日期', '购车时间', '开票时间', '销售时间', '交车时间',
      '新车销售日期', '新车开票日期', '提车日期', '购置日期', '上牌日期', '登记日期', '出售日期', '首次登记日期',
      'purchase date', 'sale date', 'sales date', 'invoice date', 'delivery date', 'date of purchase', 'purchased', 'sold date'],
    exclude: ['进站', '进厂', '维修', '保养', '回厂', '到店', '回访', '保修', '质保', '生日', '预约', '最后', '最近', '上次', '末次'],
  },
  lastVisitDate: {
    synonyms: ['最后进站日期', '最近进厂日期', '上次维修日期', '末次进厂', '末次进厂日期', '最后维修日期', '最近一次到店', '最近一次到店日期',
      '最后回厂日期', '最近进站日期', '上次进站日期', '上次进厂日期', '最后进厂日期', '最后保养日期', '上次保养日期', '最近保养日期',
      '最近维修日期', '最后到店日期', '最近到店日期', '末次进站日期', '末次进站', '最后进站时间', '最近进站时间', '最后一次进站日期',
      '最后一次进站', '最近一次进站日期', '最近回厂日期', '上次到店日期', '最近来店日期',
      // One row per vehicle: a bare visit date there is the latest visit.
      '进站日期', '进厂日期', '维修日期', '回厂日期', '到店日期', '保养日期',
      'last service', 'last service date', 'last visit', 'last visit date', 'last repair date', 'last ro date'],
    exclude: ['首次', '首保', '下次', '预约', '购车', '开票'],
  },
  visitCount: {
    synonyms: ['进站次数', '进厂次数', '维修次数', '来店次数', '回厂次数', '保养次数', '到店次数', '累计进站次数', '累计进厂次数', '进站台次',
      '维修台次', '服务次数', 'visit count', 'visits', 'service count', 'number of visits', 'repair count'],
  },
  mileage: {
    synonyms: ['行驶里程', '里程', '当前里程', '公里数', '里程数', '最后进站里程', '进站里程', '表显里程', '里程表', '行驶公里数', '最新里程',
      '最近里程', 'mileage', 'odometer', 'km', 'kilometers', 'kilometres'],
    exclude: ['保修', '质保', '首保'],
  },
  region: REGION,
  advisor: {
    synonyms: ['服务顾问', 'sa', '服务专员', '维修顾问', '专属顾问', '售后顾问', '接车顾问', '顾问', '服务经理',
      'service advisor', 'advisor', 'adviser', 'service adviser'],
    exclude: ['销售', '回访'],
  },
  gender: GENDER,
  address: ADDRESS,
  warrantyEndDate: {
    synonyms: ['保修截止日期', '保修到期日', '保修到期日期', '质保到期日', '质保到期日期', '保修结束日期', '保修期至', '质保截止日期',
      '延保到期日', '延保到期日期', '保修截止', '保修到期', '质保到期', '保修期截止',
      'warranty end', 'warranty end date', 'warranty expiry', 'warranty expiry date', 'warranty expires'],
  },
};

const CALLS: Record<CallField, FieldSynonyms> = {
  callDate: {
    synonyms: ['回访日期', '回访时间', '致电日期', '招揽日期', '招揽时间', '呼叫日期', '通话日期', '通话时间', '跟进日期', '跟踪日期',
      '电话回访日期', '联系日期', '拨打日期', '拨打时间', '回访日', '外呼日期', '外呼时间', '日期',
      'call date', 'date', 'called on', 'call time', 'contact date'],
    exclude: ['预约', '邀约', '回站', '回厂', '到店', '进站', '进厂', '下次', '购车', '开票', '返厂', '销售', '交车', '保修'],
  },
  vin: VIN,
  plate: PLATE,
  phone: PHONE,
  name: NAME,
  result: {
    synonyms: ['回访结果', '接通情况', '通话结果', '结果', '跟踪结果', '跟进结果', '招揽结果', '是否接通', '联系结果', '回访状态', '接通状态',
      '电话结果', '呼叫结果', '外呼结果', '失败原因', '未接通原因', '跟踪失败原因', '回访失败原因', '接通结果',
      // How the call went, worded as a state or a situation by other DMS exports.
      '通话状态', '通话情况', '联系情况', '联系状态', '接听情况', '接听状态', '呼叫状态', '拨打结果', '拨打情况', '外呼状态',
      'call result', 'result', 'outcome', 'call status', 'status'],
    exclude: ['邀约', '预约'],
  },
  reason: {
    synonyms: ['流失原因', '原因', '未回厂原因', '不回厂原因', '未进站原因', '不回站原因', '流失原因说明', '客户反馈', '反馈', '客户意见',
      '未回站原因', '流失理由', '回访内容', '回访记录', '沟通内容', '客户反馈内容', 'churn reason', 'reason', 'lost reason', 'feedback'],
    exclude: ['失败', '未接通'],
  },
  destination: {
    synonyms: ['流失去向', '去向', '维修去向', '流向', '现维修地点', '在何处维修', '维修地点', '现维修单位', '去哪里维修', '流失方向',
      'destination', 'where', 'went to'],
  },
  invited: {
    synonyms: ['是否邀约成功', '是否邀约', '邀约', '邀约结果', '是否预约', '邀约成功', '邀约情况', '预约情况', '是否预约成功', '邀约状态',
      'invited', 'invitation', 'appointment made'],
    exclude: ['日期', '时间'],
  },
  appointmentDate: {
    synonyms: ['预约日期', '预约时间', '预约进站日期', '预约到店日期', '邀约日期', '邀约到店日期', '预约回厂日期', '预约进厂日期',
      '邀约到店时间', '预约到店时间', 'appointment', 'appointment date', 'booked date'],
  },
  returnDate: {
    synonyms: ['回站日期', '回厂日期', '实际回站日期', '实际到店日期', '实际进站日期', '返厂日期', '回站时间', '到店日期', '进站日期',
      '回店日期', '实际回厂日期', '回厂时间', '实际到店时间', 'return date', 'returned', 'actual return', 'actual return date', 'came back'],
    exclude: ['预约', '邀约', '最后', '最近', '上次'],
  },
  caller: {
    synonyms: ['回访人', '回访员', '回访专员', '招揽人', '招揽员', '坐席', '客服', '致电人', '跟进人', '跟踪人', '回访人员', '执行人',
      '操作员', '外呼人员', '回访人姓名', '招揽专员', '客服专员', '回访客服', 'caller', 'agent', 'operator', 'called by'],
    exclude: ['日期', '时间', '结果'],
  },
};

const REGISTER: Record<RegisterField, FieldSynonyms> = {
  date: {
    synonyms: ['日期', '来访日期', '登记日期', '来店日期', '到店日期', '来电日期', '接待日期', '到访日期', 'date', 'visit date'],
    exclude: ['拟购', '下次', '预约', '购车', '交车', '开票', '销售', '发票', '进站', '进厂', '维修', '保养', '回厂', '回站', '保修', '质保',
      '最后', '最近', '上次', '末次', '生日', '建档', '跟进', '跟踪', '回访'],
  },
  time: {
    synonyms: ['进离', '进-离', '进离时间', '进-离时间', '到店时间', '来店时间', '来电时间', '进店时间', '到访时间', '来访时间', '接待时间',
      '时间', '时间段', '进店离店时间', '到离店时间', '进店离店', '进店-离店', '来访时段', '到店时段', '来店时段', '时段', 'time', 'arrival',
      'arrival time', 'time in'],
    exclude: ['拟购', '购车时间'],
  },
  contactType: {
    synonyms: ['来电来店', '来电店', '来店来电', '来电/来店', '来电(店)', '咨询类型', '接待方式', '来访方式', '来访类型', '接待类型', '客流类型',
      '来电或来店', '类型', '到访方式', '到访类型', '到店方式', '来访形式', '客户类型', '来电到店', '到店来电', '来电来访',
      '来访来电', '来电进店', '进店来电', '来访性质', '接待形式', 'contact type', 'visit type', 'type'],
  },
  callMark: { synonyms: ['来电', '来电咨询', '电话咨询', 'call', 'phone call'] },
  visitMark: { synonyms: ['来店', '到店', '展厅', '来店客户', '到店客户', 'visit', 'walk in', 'walk-in'] },
  name: NAME,
  gender: GENDER,
  phone: PHONE,
  address: ADDRESS,
  intendedModel: {
    synonyms: ['拟购车型', '拟购车型时间', '意向车型', '关注车型', '感兴趣车型', '拟购车型及时间', '咨询车型', '车型', '意向车系',
      'intended model', 'model of interest', 'model'],
  },
  source: SOURCE,
  process: {
    synonyms: ['接待经过', '接待过程', '洽谈内容', '接待内容', '接待情况', '沟通内容', '过程', '经过', '接待记录', 'process', 'notes of visit'],
  },
  level: LEVEL,
  closure: {
    synonyms: ['结案情形', '结案情况', '结案', '结案状态', '结案结果', '处理结果', '跟踪结果', '结果', 'closure', 'outcome', 'result'],
  },
  consultant: CONSULTANT,
  remarks: { synonyms: ['备注', '说明', '其他说明', '备注说明', 'remark', 'remarks', 'note', 'notes', 'comment', 'comments'] },
  testDrive: {
    synonyms: ['试乘试驾', '试驾', '是否试驾', '试乘', '是否试乘试驾', '试驾情况', 'test drive', 'testdrive'],
  },
  quote: { synonyms: ['报价', '是否报价', '报价情况', '已报价', 'quote', 'quotation', 'quoted'], exclude: ['金额', '价格'] },
  order: {
    synonyms: ['订单', '订车', '是否订车', '下订', '成交', '是否成交', '交定金', '是否下订', '订单情况', 'order', 'ordered', 'deal'],
    exclude: ['日期', '时间', '原因'],
  },
};

const PROSPECTS: Record<ProspectField, FieldSynonyms> = {
  prospectId: {
    synonyms: ['客户编号', '意向客户编号', '编号', '档案号', '档案编号', '卡号', '客户id', '客户代码', '线索编号', '线索id', '卡片编号', '客户卡号',
      'prospect id', 'id', 'customer id', 'lead id', 'card no'],
    exclude: ['序号', '车架', '订单'],
  },
  name: NAME,
  phone: PHONE,
  level: LEVEL,
  followDate: {
    synonyms: ['跟进日期', '跟踪日期', '回访日期', '跟进时间', '跟踪时间', '回访时间', '联系日期', '最近跟进日期', '本次跟进日期', '跟进日',
      'follow date', 'follow up date', 'followup date', 'follow-up date', 'contact date'],
    exclude: ['下次', '下一次', '预约', '计划', '建档', '创建', '登记', '首次'],
  },
  followMethod: {
    synonyms: ['跟进方式', '跟踪方式', '回访方式', '沟通方式', '方式', '跟进渠道', '联系途径', 'follow method', 'method', 'contact method'],
    exclude: ['下次'],
  },
  followResult: {
    synonyms: ['跟进结果', '跟踪结果', '跟进内容', '跟踪内容', '跟进情况', '跟踪情况', '回访结果', '回访内容', '沟通内容', '洽谈内容', '结果',
      '跟进记录', '跟踪记录', '跟进描述', '沟通记录', '跟进说明', 'follow result', 'result', 'follow up result', 'notes'],
    exclude: ['下次'],
  },
  nextDate: {
    synonyms: ['下次跟进日期', '预约下次跟进', '预约下次跟进日期', '下次跟踪日期', '下次回访日期', '计划跟进日期', '下次联系日期', '下次跟进时间',
      '下次跟踪时间', '下次跟进', '下次跟踪', '下次回访', '计划回访日期', '下次联系时间', '下次联系', '计划下次跟进', 'next date', 'next follow up', 'next follow-up', 'next follow up date',
      'next contact'],
  },
  defeatReason: {
    synonyms: ['战败原因', '流失原因', '失败原因', '战败理由', '未成交原因', '战败说明', '放弃原因', 'defeat reason', 'lost reason', 'loss reason',
      'reason'],
  },
  boughtInstead: {
    synonyms: ['购买品牌', '已购车型', '流向', '流失去向', '购买车型', '战败去向', '已购品牌', '竞品', '购买竞品', '去向', '已购他牌', '战败品牌',
      '购买其他品牌', '已购车品牌', '购车品牌', '最终购买品牌', '最终购买', 'bought', 'bought instead', 'competitor', 'lost to'],
  },
  consultant: CONSULTANT,
  source: SOURCE,
  model: {
    synonyms: ['意向车型', '拟购车型', '车型', '关注车型', '感兴趣车型', '意向车系', '咨询车型', 'model', 'intended model'],
    exclude: ['已购', '购买', '战败', '竞品'],
  },
  createdDate: {
    synonyms: ['建档日期', '建卡日期', '创建日期', '登记日期', '首次接触日期', '首次到店日期', '录入日期', '留档日期', '建档时间', '创建时间',
      '首次来店日期', '建卡时间', 'created', 'created date', 'created on', 'first contact'],
  },
};

/** The dictionary, by kind. */
export const SYNONYMS: { [K in SheetKind]: Record<string, FieldSynonyms> } = {
  customers: CUSTOMERS,
  calls: CALLS,
  register: REGISTER,
  prospects: PROSPECTS,
};

/** The fields of a kind, in dictionary order. */
export function fieldsOf(kind: SheetKind): Field[] {
  return Object.keys(SYNONYMS[kind]) as Field[];
}
