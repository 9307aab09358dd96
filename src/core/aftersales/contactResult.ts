/**
 * 最近回访结果: maps the free-text result of a follow-up call to one of DOMAIN.md's categories.
 * The table is ordered specific before general: '无法接通' and '未接通' contain '接通', so every failure is tried
 * before 成功; '已停机' before '关机'-like words; a number that does not exist before everything else.
 */
import type { ContactResult } from './labels';
import { ENGLISH_RESULT_PATTERNS } from './englishWords';
import { repairImeSlips } from './imeSlips';
import { otherCityIn } from './otherCity';
import { readPinyin } from './pinyinWords';
import { joinSplitWords, splittableWords } from './splitWords';
import { firstMatch, normaliseForMatch, type KeywordRule } from './text';

type Category = Exclude<ContactResult, '未回访'>;

/** The English family of a category ('power off', 'no answer'), tried after its Chinese words. */
const en = (c: Category): readonly RegExp[] => ENGLISH_RESULT_PATTERNS[c] ?? [];

/** Keywords are normalised (half-width, lower case, no spaces). Order matters: first match wins. */
export const CONTACT_RESULT_RULES: readonly KeywordRule<Category>[] = [
  // The number itself is dead: update the record, never call again.
  { category: '空号', keywords: ['空号', '号码不存在', '此号码不存在', '号码已注销', '无此号码', '查无此号', '不存在', '销号', '无效号', '号码无效', '作废', '注销', '失效', '销户'],
    // '该号为空', '号码为空', '号已空': the number "is empty" without the word 空号.
    // '此号码未启用', '该号尚未开通', '号码没有激活': a number never given out does not exist either.
    patterns: [/号码?(已|为|是|已经)空/, /号码?[^,.;!?。、]{0,3}(未|没有?|尚未|还没有?)(启用|开通|激活|分配|放号)/, ...en('空号')] },
  { category: '停机', keywords: ['停机', '欠费', '暂停服务', '已暂停', '停用', '停止服务', '停号', '机停了', '号停了', '暂停'], patterns: en('停机') },
  { category: '号码有误', keywords: ['号码有误', '号码错误', '错号', '号码不对', '非本人', '不是本人', '不是车主', '非车主', '打错了', '打错', '不认识', '号码错', '非机主', '不是机主', '不是这个人', '是别人', '别人的', '没买过', '不是他的', '不是她的', '登记错', '有误', '有错', '不正确', '错误', '没有这辆车', '没这辆车'],
    // The number "is wrong" in any wording ('号码是错的', '号是错的', '号码都错了'), and a record someone got wrong
    // ('记错', '填错', '留错'); '没错' / '不错' say the opposite and are left alone.
    // The number now belongs to someone else ('号码已换人使用', '号码给别人用了', '二次放号', '号码是新办的') or does
    // not match the record ('号码不符', '电话对不上').
    patterns: [
      /号码?[^,.;!?。、]{0,3}(?<![不没])错/, /(记|搞|弄|写|留|填|存|录)错/,
      /(号码?|电话|手机)[^,.;!?。、]{0,4}(换人|换主|易主|给别人|别人在用|他人在用|别人使用|他人使用|新办|不符|不匹配|对不上)/,
      /(二次|重新)放号/,
      // The number as recorded is malformed: '号码少一位', '手机号多了一位', '位数不对', '号码不全'.
      /(号码?|电话|手机)[^,.;!?。、]{0,3}(少|多|缺)了?[一二两三1-9几]?位|位数[^,.;!?。、]{0,2}(不对|不够|不全|错|有误)|号码?(不全|不完整|残缺)/,
      // Whoever holds the number is no customer of ours: '机主不是我们客户', '接电话的人说不是我店车主' (the
      // holder named: a reached customer saying "I am no customer of yours any more" is no wrong number).
      /(机主|号主|用户|对方|接电话的人?|接听人|接听者)[^,.;!?。、]{0,3}(不是|并非|非)[^,.;!?。、]{0,4}(客户|车主|顾客)/,
      ...en('号码有误'),
    ] },
  { category: '关机', keywords: ['关机', '机关了'],
    // The phone "is off": '手机是关着的', '电话一直关著', '手机处于关闭状态'.
    patterns: [/(手机|电话|机子)[^,.;!?。、]{0,3}(关着|关著|关闭|关的|关掉了|关上了)/, ...en('关机')] },
  // A forwarding service named outright ('来电提醒服务,无法接通', '转到秘书台,接不通'): the network reached the
  // forwarding, so the "cannot connect" that follows is its symptom, not the result. The looser forwarding words
  // ('转移', '留言') stay in the later 呼转 rule.
  { category: '呼转', keywords: ['呼叫转移', '呼转', '来电提醒', '秘书台', '小秘书', '语音信箱'], patterns: en('呼转') },
  // '未接通' means the network did not connect; '未接' alone (below) means nobody answered.
  // Denied reach ('没联系上', '未能接通') holds the 成功 words '联系上' / '接通': it must be caught here first.
  { category: '无法接通', keywords: ['无法接通', '未接通', '接不通', '打不通', '不在服务区', '无信号', '无法连接', '没联系上', '未联系上', '联系不上', '无法联系', '没有接通', '未能接通', '没能接通', '打不进', '拨不通', '呼叫失败', '没信号', '没声音', '断线', '不通', '没联系到', '未联系到', '联系不到', '无法', '不能接', '接通不了', '拨不出', '呼不通',
      // Out of the network's reach, said the other way round: '对方在服务区外', '超出服务区'.
      '服务区外', '服务区之外', '超出服务区', '不在服务范围'],
    // Denied reach with the customer named in between ('未和车主联系上', '没有联系上客户'): the 成功 words
    // '联系上' / '沟通' are inside, so it is caught here first.
    patterns: [
      /(未|没有?|无法)(和|跟|与|同)(车主|客户|本人|机主)[^,.;!?。、]{0,2}(联系|联络|沟通|通话|通上)/,
      /(未|没有?|无法)(联系|联络)(上|到)?(车主|客户|本人|机主)/,
      ...en('无法接通'),
    ] },
  { category: '呼转', keywords: ['呼叫转移', '呼转', '来电提醒', '转移', '秘书', '语音信箱', '转接', '留言', '转走'] },
  { category: '拒接', keywords: ['拒接', '挂断', '拒绝回访', '不愿接受回访', '不接受回访', '直接挂', '挂了', '挂机', '拒绝', '不愿意', '不需要回访', '别再打', '就挂', '拒听', '按掉', '不让再打', '别打了', '不想接受', '挂电话', '反感', '不要再打', '不要打', '挂掉', '不配合'],
    // Unwilling to take the call, in any verb of wanting ('客户不愿回访', '不想接听', '不肯沟通', '拒绝配合回访'):
    // the object is the call itself, so '不愿回厂' (a reached customer's answer) stays out.
    // '不接受任何回访', '不接受我们的回访', '不需要这类电话': a word between the verb and the call is allowed.
    // The call refused, said in the passive: '来电被拒', '电话被挂', '回访被拒' ('邀约被拒' is a reached customer
    // turning down the invitation).
    patterns: [
      /(不愿意?|不想|不肯|不乐意|拒绝|不接受|不需要|不要)(接受|参加|配合)?(任何|我们的?|你们的?|咱们的?|店里的?|这种|这类|此类|这样的)?(回访|接听|沟通|交流|接电话|通话|调查|访问|电话)/,
      /(来电|电话|呼叫|通话|回访)[^,.;!?。、]{0,2}被(对方|客户|车主|机主)?(拒|挂|按掉)/,
      ...en('拒接'),
    ] },
  { category: '无人接听', keywords: ['无人接听', '无人接', '没人接', '未接', '没接', '响铃', '无应答', '无人应答', '没有接', '没人听', '无人听', '没有人接', '没有人听', '无人回答', '没人回答',
      // Nobody responded: '一直无人应', '没人应', '无人回应' (回应 alone is 成功: someone did respond).
      '无人应', '没人应', '没有人应', '无人回应', '没人回应'],
    // '不接' is not picking up, '不接受' is not accepting (a reached customer's answer: '不接受价格').
    patterns: [/不接(?!受)/, ...en('无人接听')] },
  { category: '人在外地', keywords: ['人在外地', '在外地', '出差', '不在本地', '外出', '在老家', '不在本市', '外省', '国外', '老家', '旅游', '长期在外', '外地', '不在这边', '不在这里', '出国', '省外', '境外'],
    // Away for long or for work without naming a place: '客户常年在外', '一直在外打工', '在外做生意'.
    patterns: [/(常年|长年|长期|一直|经常|常|多年|平时)在外(?!面修|边修)/, /在外(打工|工作|上班|务工|做生意|跑车|跑业务|闯)/, ...en('人在外地')] },
  { category: '忙/有事', keywords: ['忙', '占线', '通话中', '有事', '开会', '正在开车', '开车中', '在开车', '稍后再打', '稍后联系', '晚点再打', '回头再说', '不方便接听', '再联系', '没空', '不方便', '没时间', '晚点', '等会', '改天', '上班', '吃饭', '办事', '稍后', '医院', '住院', '生病', '看病', '带孩子', '接孩子', '丧事', '喝喜酒'],
    // Cannot talk now: '不便多说', '不便接听', '不便通话' ('不便回厂' is a reached customer's answer); with family
    // to look after: '陪家人', '陪老人看病'.
    patterns: [/不便(接|通话|多说|多聊|说话|讲话|聊|沟通|交流|回复|$)/, /陪(家人|老人|孩子|小孩|父母|老婆|爱人|客户|领导)/, ...en('忙/有事')] },
  { category: '成功', keywords: ['已接通', '接通', '通了', '客户接听', '已接听', '接听', '正常', '成功', '已联系', '已回访', '联系上', '本人接', '沟通', '接的电话', '接了', '联系到', '聊', '有人接', '说了情况', '本人', '回复', '完成', '回应', '电访', '通上话', '接起', '回答', '答复', 'ok'],
    // Reached the customer, said with the customer as the object ('已和车主联系', '跟客户沟通过', '联系到车主');
    // a denial before it ('未和车主联系', '没有联系上客户') is not a reached call.
    patterns: [
      /(?<!未|没|不|没有|无法)(和|跟|与|同)(车主|客户|本人|机主)[^,.;!?。、]{0,2}(联系|联络|沟通|通话|通上|聊|谈)/,
      /(?<!未|没|不|没有|无法)(联系|联络)(到|上)?了?(车主|客户|本人|机主)/,
      ...en('成功'),
    ] },
];

/** Two-character keywords a 了 may split ('停了机', '关了机', '销了号'). */
const SPLITTABLE = splittableWords(CONTACT_RESULT_RULES.map((r) => r.keywords));

/** Categories a named other city overrides (those listed after 人在外地 in the table, and no match). */
const AFTER_AWAY = new Set<Category>(['忙/有事', '成功', '其他']);

/**
 * '不成功' / '未成功' deny 成功: removed before matching, so such a text is 其他 unless it names a failure. Not after
 * 邀约: a failed invitation ('邀约不成功') was still a reached call.
 */
const DENIED_SUCCESS = /(?<!邀约)(不|未|没)成功/g;

/**
 * A failure word that is denied ('不是空号', '没有拒接', '并未停机', '非关机') says what the call was NOT: removed
 * before matching, so the rest of the text decides ('不是空号,无人接听' is 无人接听).
 */
const DENIED_FAILURE = /(不是|并不是|并非|并没有|并未|没有|没|未|非)(空号|停机|欠费|关机|拒接|挂断|挂机|呼转|呼叫转移|占线)/g;

/**
 * The line hung up by itself after ringing out ('响到自动挂断', '响铃后挂断', '超时挂机'): nobody answered, the
 * customer did not refuse. Replaced by a no-answer word before matching, so 挂断 does not read as 拒接.
 */
const AUTO_HANGUP = /(自动|系统|超时|响铃后?|响到|响完)(挂断|挂机|挂掉|挂了)/g;

/**
 * Classifies call results; remembers each distinct text so a million rows cost one lookup each.
 * A call with a blank or unrecognised result counts as 成功 when it recorded a churn reason (the reason could only
 * come from the customer), otherwise 其他.
 */
export class ContactResultClassifier {
  private readonly cache = new Map<string, Category>();

  /**
   * @param localRegions settings.localRegions: a text placing the customer in another city ('人在北京') is 人在外地
   * unless that city is local (with an empty list every named city is another one: a note names a city only
   * when it is not the dealer's own).
   */
  constructor(private readonly localRegions: readonly string[] = []) {}

  /** @example new ContactResultClassifier().classify('  已停机 ', '') // '停机' */
  classify(resultText: string, reasonText: string): Category {
    const trimmed = resultText.trim();
    if (!trimmed) return reasonText.trim() ? '成功' : '其他';
    let hit = this.cache.get(trimmed);
    if (hit === undefined) {
      // Pinyin and IME slips are read first, so a denied slip ('不是控号') is denied like the word it stands for;
      // then a split word ('停了机') is joined.
      const normalised = joinSplitWords(repairImeSlips(readPinyin(normaliseForMatch(trimmed))), SPLITTABLE)
        .replace(DENIED_SUCCESS, '|')
        .replace(DENIED_FAILURE, '|')
        .replace(AUTO_HANGUP, '|无人接|');
      hit = firstMatch(normalised, CONTACT_RESULT_RULES) ?? '其他';
      // Another city ranks where 人在外地 does: after the failures, before 忙/有事 and 成功.
      if (AFTER_AWAY.has(hit) && otherCityIn(trimmed, this.localRegions) !== null) hit = '人在外地';
      if (this.cache.size < 100000) this.cache.set(trimmed, hit);
    }
    // An unrecognised wording on a call that recorded a churn reason: only a reached customer gives a reason.
    return hit === '其他' && reasonText.trim() ? '成功' : hit;
  }
}
