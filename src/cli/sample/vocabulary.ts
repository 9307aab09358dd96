/**
 * The words a Chinese dealer's sheets are made of: names, models, regions, and the many ways staff phrase a call
 * result, a churn reason, a lost prospect's reason. Each phrasing group is keyed by the category the product
 * should recognise, so the sample's truth is known.
 */

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '建国', '志强', '海燕', '晓东', '丹', '鹏', '辉', '玲', '俊杰', '文', '斌'];
export const MODELS = ['瑞虎8', '瑞虎7', '瑞虎5x', '瑞虎3x', '艾瑞泽5', '艾瑞泽8', '瑞虎8 PRO', '探索06', 'QQ冰淇淋', '瑞虎9'];
/** Local districts (the first 10) then out-of-town places. */
export const LOCAL_REGIONS = ['江岸区', '江汉区', '硚口区', '汉阳区', '武昌区', '洪山区', '青山区', '东西湖区', '黄陂区', '新洲区'];
export const OTHER_REGIONS = ['孝感市', '鄂州市', '黄石市', '咸宁市', '河南信阳', '湖南岳阳'];
export const PLATE_PREFIX = ['鄂A', '鄂A', '鄂A', '鄂A', '鄂K', '鄂G', '鄂B', '豫S'];
export const ADVISORS = ['刘强', '陈静', '王磊', '张敏', 'SA-赵杰'];
export const CALLERS = ['李娜', '周丽', '吴艳', '郑海燕', '孙娟', '客服-小何'];
export const CONSULTANTS = ['黄伟', '林涛', '罗鹏', '梁超', '谢丹', '宋辉'];

/** Call results by category (DOMAIN.md 最近回访结果). */
export const CALL_RESULTS: Record<string, readonly string[]> = {
  成功: ['接通', '已接通', '成功', '客户接听', '接通,已沟通'],
  空号: ['空号', '号码是空号', '此号码不存在'],
  停机: ['停机', '已停机', '欠费停机'],
  号码有误: ['号码错误', '非本人', '号码有误,不是车主', '打错了'],
  关机: ['关机', '一直关机'],
  无法接通: ['无法接通', '暂时无法接通'],
  无人接听: ['无人接听', '响铃无人接', '没人接'],
  拒接: ['拒接', '挂断', '客户直接挂断', '不愿接听'],
  呼转: ['呼叫转移', '呼转'],
  '忙/有事': ['客户说在忙', '在开会,稍后再联系', '有事,改天再说'],
  人在外地: ['人在外地', '出差在外'],
};
export const CALL_RESULT_WEIGHTS: [string, number][] = [
  ['成功', 55], ['空号', 4], ['停机', 3], ['号码有误', 4], ['关机', 5], ['无法接通', 6], ['无人接听', 12], ['拒接', 5], ['呼转', 1], ['忙/有事', 3], ['人在外地', 2],
];

/** Churn reasons by category (DOMAIN.md 流失原因 / 原因类别), as callers write them. */
export const CHURN_REASONS: Record<string, readonly string[]> = {
  价格: ['保养太贵', '配件价格高', '工时费贵', '费用高', '4S店收费太高'],
  技术: ['上次没修好', '维修质量差', '反复修不好'],
  等待: ['排队时间太长', '车多要等', '等太久了'],
  服务: ['服务态度不好', '接待冷淡', '服务顾问态度差'],
  距离: ['离家太远', '地理位置远', '搬家了离得远'],
  亲友修理厂: ['朋友开修理厂', '亲戚开修理厂', '在熟人那修'],
  车辆转卖: ['车已卖', '车卖了', '已过户'],
  里程少: ['开得少', '很少开', '里程少还不用保养'],
  外地用车: ['车在外地', '过路车', '在外地工作'],
  车辆报废: ['车已报废', '出事故报废了'],
  其他: ['没说原因', '不方便透露', '考虑一下再说'],
};
export const CHURN_REASON_WEIGHTS: [string, number][] = [
  ['价格', 22], ['技术', 5], ['等待', 8], ['服务', 6], ['距离', 18], ['亲友修理厂', 8], ['车辆转卖', 8], ['里程少', 7], ['外地用车', 9], ['车辆报废', 2], ['其他', 7],
];
export const DESTINATIONS = ['路边修理厂', '附近修理厂', '其他4S店', '别的服务站', '途虎养车', '快修店', '天猫养车', '不清楚', ''];

/** Showroom register vocabulary. */
export const SOURCES = ['抖音', '汽车之家', '懂车帝', '易车', '朋友介绍', '亲友推荐', '路过进店', '电视广告', '报纸', '广播', '车展', '网络', '老客户转介绍', '其他'];
export const PROCESS_TEXTS = ['看车,了解配置', '试乘试驾后报价', '介绍车型,留电话', '询问优惠', '报价后考虑', '试驾,比较竞品', '已交定金', '看了一圈就走了', '电话询价', '问现车颜色'];
export const CLOSURES = ['成交', '订车', '交定金', '继续跟进', '战败', '未留资料', '待回访', ''];

/** Intent levels as written, by normalised level (DOMAIN.md 意向级别). */
export const LEVEL_WORDS: Record<string, readonly string[]> = {
  H: ['H', 'h级', 'H级', '7天内', '一周内'],
  A: ['A', 'A类', 'a级', '半个月内'],
  B: ['B', 'B级客户', 'B级', '一个月内'],
  C: ['C', 'C级', '三个月内'],
  N: ['N', '新客户'],
  O: ['O', '已订车', '交定金'],
  F: ['F', '战败', '已购他牌'],
};
export const FOLLOW_METHODS = ['电话', '微信', '到店', '短信', '上门'];
export const FOLLOW_RESULTS = ['客户还在比较', '约周末到店', '对价格有异议', '等家人商量', '要求再优惠', '已到店试驾', '暂无回复', '关注其他品牌'];
export const DEFEAT_REASONS: Record<string, readonly string[]> = {
  价格: ['价格比别家贵', '优惠不够', '别家便宜五千'],
  竞品: ['买了哈弗H6', '选了长安CS75', '买了比亚迪宋', '订了吉利星越L'],
  '车型/配置': ['颜色没现车', '配置不满意', '没有想要的版本'],
  交车时间: ['交车要等两个月', '提车太慢'],
  服务: ['销售回复慢', '接待态度一般'],
  '贷款/资金': ['首付不够', '贷款没批'],
  暂缓购买: ['暂时不买了', '明年再说'],
  其他: ['家里意见不统一', '没说原因'],
};
export const COMPETITORS = ['哈弗', '长安', '吉利', '比亚迪', '大众', '丰田', '本田', '日产', '奇瑞4S店(邻市)'];

/** Header synonyms, so each seed's sheets are worded like a different dealer's DMS. */
export const CUSTOMER_HEADERS: Record<string, readonly string[]> = {
  name: ['客户姓名', '车主', '姓名'],
  gender: ['性别'],
  phone: ['联系电话', '手机', '手机号码'],
  plate: ['车牌号', '车牌'],
  vin: ['车架号', 'VIN码', '底盘号'],
  model: ['车型', '车系'],
  purchaseDate: ['购车日期', '开票日期', '销售日期'],
  lastVisitDate: ['最后进站日期', '最近进厂日期', '上次维修日期'],
  visitCount: ['进站次数'],
  mileage: ['行驶里程', '里程', '当前里程(km)'],
  region: ['地区', '所在地', '区域'],
  advisor: ['服务顾问', 'SA'],
  address: ['地址', '联系地址'],
};
export const CALL_HEADERS: Record<string, readonly string[]> = {
  callDate: ['回访日期', '招揽日期', '致电日期'],
  vin: ['车架号', 'VIN码'],
  plate: ['车牌号', '车牌'],
  name: ['客户姓名', '车主'],
  phone: ['联系电话', '手机'],
  result: ['回访结果', '接通情况', '通话结果'],
  reason: ['流失原因', '未回厂原因'],
  destination: ['流失去向', '去向'],
  invited: ['是否邀约成功', '邀约成功'],
  appointmentDate: ['预约日期', '预约进站日期'],
  returnDate: ['回站日期', '实际回厂日期'],
  caller: ['回访人', '回访专员', '招揽人'],
};
