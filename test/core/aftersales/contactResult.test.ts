import { ContactResultClassifier, CONTACT_RESULT_RULES } from '../../../src/core/aftersales/contactResult';

/** Each category with many phrasings, some with noise around them. */
const CASES: Record<string, string[]> = {
  成功: ['已接通', '接通', '通了', '客户接听', '正常', '回访成功', '已联系上客户', '电话接通,客户表示下月来保养', '本人接听'],
  空号: ['空号', '号码不存在', '此号码不存在', '提示空号', '您拨打的号码是空号', '号码已注销', '查无此号', '空号!'],
  停机: ['停机', '已停机', '欠费停机', '对方已停机', '提示停机 ', '号码欠费', '暂停服务', '手机停机了'],
  号码有误: ['号码有误', '错号', '非本人', '不是车主', '打错了', '号码错误', '接电话的不是本人', '对方说不认识车主'],
  关机: ['关机', '已关机', '对方关机', '多次关机', '客户手机关机', '一直关机', '关机状态', '(关机)'],
  无法接通: ['无法接通', '不在服务区', '暂时无法接通', '未接通', '打不通', '接不通', '您拨打的用户暂时无法接通', '信号差无法接通'],
  无人接听: ['无人接听', '未接', '没人接', '响铃无人接', '连续三次无人接听', '没接', '一直响铃', '未接听'],
  拒接: ['拒接', '挂断', '拒绝回访', '不愿接受回访', '直接挂了', '客户直接挂断', '客户拒绝', '听到是4S店就挂机'],
  呼转: ['呼叫转移', '呼转', '来电提醒', '已开通来电提醒', '转移到秘书台', '呼转中', '呼叫转移至语音信箱', '呼 转'],
  '忙/有事': ['忙', '有事', '在开会', '正在开车', '稍后再打', '客户说很忙', '客户有事稍后联系', '开车中不方便接听'],
  人在外地: ['在外地', '出差', '人在外地', '客户在外地出差', '人在外地,回来再说', '不在本地', '回老家了,在老家', '外出'],
  其他: ['嗯', 'xx', '？', '客户未表态', '123', '其它情况', '待定', 'abc'],
};

describe('ContactResultClassifier', () => {
  const c = new ContactResultClassifier();
  for (const [category, phrasings] of Object.entries(CASES)) {
    it.each(phrasings)(`%s → ${category}`, (text) => {
      expect(c.classify(text, '')).toBe(category);
    });
  }

  it('counts a blank result as 成功 when the call recorded a reason, else 其他', () => {
    expect(c.classify('', '价格太贵')).toBe('成功');
    expect(c.classify('  ', '')).toBe('其他');
  });

  it('reads full-width letters and spaces', () => {
    expect(c.classify(' 无 人 接 听 ', '')).toBe('无人接听');
  });

  it('lists every failure before 成功 (so 未接通 is not read as 接通)', () => {
    expect(CONTACT_RESULT_RULES[CONTACT_RESULT_RULES.length - 1].category).toBe('成功');
  });
});
