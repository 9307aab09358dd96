/**
 * English word families, for the notes typed in English or half English ('power off', 'car已sold', 'too far').
 * The text has been through normaliseForMatch, so spaces are gone and letters are lower case: 'Power Off' is
 * 'poweroff', 'can not connect' is 'cannotconnect'; the patterns are written that way. A negation written before
 * the word ('not expensive', 'never sold') is looked behind for, so it does not count as the word.
 * Never a /g regex: test() on a global regex keeps state between calls.
 */
import type { ReasonCategory } from '../settings/settings';
import type { ContactResult } from './labels';

type ResultCategory = Exclude<ContactResult, '未回访'>;

/** Apostrophe, straight or typographic. */
const A = "['’]?";
/** A denial right before the word: not, n't, never, no, un-. */
const NOT = `(?<!not|n['’]t|never|no|un)`;

/** Call results, tried in their category's place in CONTACT_RESULT_RULES. */
export const ENGLISH_RESULT_PATTERNS: Partial<Record<ResultCategory, readonly RegExp[]>> = {
  // 'number not exist', 'no such number', 'invalid number', 'number does not exist'
  空号: [/non-?exist|n(o|['’])t(exist|valid|inservice)|(invalid|empty|vacant|dead|unassigned|nosuch)(phone)?(number|no\.)|numberinvalid/],
  // 'suspended', 'out of service', 'arrears'
  停机: [/suspend|outofservice|arrears|deactivated|barred/],
  // 'wrong number', 'not the owner', 'someone else answered'
  号码有误: [/wrong(number|no\.|person|people|owner|phone|guy)|n(o|['’])tthe(owner|customer|person|carowner|driver)|someoneelse|differentperson|misdial|changedhands/],
  // 'power off', 'switched off', 'phone off'
  关机: [/(power|powered|switched|switch|turned|phone|phoneis|mobile|mobileis|cell)off/],
  // 'can not connect', "couldn't get through", 'unreachable', 'no signal'
  无法接通: [new RegExp(`n(o|${A})t(connect|getthrough|reach|bereached|dialout)|unreachable|failedtoconnect|connectionfailed|nosignal|outof(area|range|coverage)`)],
  // 'voicemail', 'forwarded', 'secretary service'
  呼转: [/voice-?mail|forward(ed|ing)?|divert(ed)?|secretary|answeringmachine/],
  // 'hung up', 'refused', 'rejected', 'declined the call'
  拒接: [/hung-?up|hang(s|ed)?-?up|refus|reject|declin|unwilling|don['’]?tcall|donotcall/],
  // 'no answer', 'nobody answered', "didn't pick up", 'unanswered'
  无人接听: [new RegExp(`no(body|one|-one)?(answer|pick|respon|reply)|n(o|${A})t(answer|pick|respond)|unanswered|keptringing|rangout`)],
  // 'out of town', 'abroad', 'on a business trip'
  人在外地: [/outof(town|thecity|province)|abroad|overseas|awayfrom|businesstrip|onatrip|travel|(another|other)(city|province)|notintown|notlocal/],
  // 'busy', 'call back later', 'in a meeting', 'driving'
  '忙/有事': [/busy|call(me)?(back|again)later|trylater|calllater|meeting|driving|inconvenient|n(o|['’])tconvenient|notagoodtime|inhospital/],
  // 'connected', 'answered', 'reached the owner', 'success'
  成功: [new RegExp(`${NOT}(connected|answered|reached|pickedup|talked|spoke)|(?<!un)success`)],
};

/** Reasons, tried in their category's place in REASON_RULES. */
export const ENGLISH_REASON_PATTERNS: Partial<Record<ReasonCategory, readonly RegExp[]>> = {
  // 'scrapped', 'totaled', 'written off', 'beyond repair'
  车辆报废: [new RegExp(`${NOT}scrap|total(l)?ed|writ(ten|e)-?off|wreck|junked|beyondrepair|can${A}n?o?tberepaired|cannotberepaired`)],
  // 'sold', 'resold', 'traded in', 'bought a new car'
  车辆转卖: [new RegExp(`${NOT}sold|resold|(sell|sold)(the|his|her|my|our)?car|tradedin|trade-?in|(bought|got|changed)(a|to)?(new|another)car|changedcar`)],
  // 'a friend's garage', 'relative', 'cousin' ('unfriendly', 'relatively' are not)
  亲友修理厂: [/(?<!un)friend(?!ly)|relative(?!ly)|cousin|brother|uncle|inlaw|acquaintance/],
  // 'out of town', 'another city', 'moved away', 'used elsewhere' ('serviced elsewhere' says nothing about where the
  // car is used)
  外地用车: [/outof(town|thecity|province)|(another|other)(city|province)|(used|driven|kept|works?|working|drives)elsewhere|movedaway|relocated|passingthrough|notlocal/],
  // 'low mileage', 'rarely driven', 'drives little'
  里程少: [/low-?mileage|low(km|miles)|few(km|miles)|(rarely|seldom|hardly|barely)(use|used|drive|driven|driving|drives)|(drive|drives|driven|drove|use|used|uses)(very)?(little|less|rarely|seldom)|notdrivenmuch|notmuchdriving|idle/],
  // 'too expensive', 'price too high', 'overpriced', 'cheaper elsewhere'
  价格: [new RegExp(`(?<!not|n${A}t|never|nottoo|notso|notvery)(expensive|pricey|overpriced|costly)|price[a-z]{0,8}high|high(price|cost|fee|charge)|(cost|costs|charge|charges|fee|fees)[a-z]{0,6}(high|much)|toomuchmoney|cheaper|rip-?off|rippedoff`)],
  // 'not fixed', 'still broken', 'poor repair', 'same problem again'
  技术: [new RegExp(`n(o|${A})t(fixed|repaired|solved|resolved)|stillbroken|still(has|have|had)?(the)?(problem|issue|fault|noise|leak)|(poor|bad|terrible|lousy)(repair|quality|workmanship|skill|technic|mechanic)|repair[a-z]{0,6}(poor|bad)|unskilled|brokeagain|same(fault|problem|issue)|warninglight`)],
  // 'waiting too long', 'queue', 'too slow', 'took forever'
  等待: [/wait|queue|tooslow|slowservice|takes?toolong|tooktoolong|tookforever|delay/],
  // 'service bad', 'rude staff', 'bad attitude', 'ignored'
  服务: [/(bad|poor|terrible|rude|awful|lousy|unfriendly|cold)(service|staff|attitude|reception|advisor)|service[a-z]{0,6}(bad|poor|terrible|awful|sucks|rude)|attitude|rude|impolite|unfriendly|ignored|pushy|hardsell|complain/],
  // 'too far', 'far away', 'distance', 'nearer one'
  距离: [/too?far|far(away|from)|veryfar|quitefar|distance|longdrive|inconvenient|nearby|closer|nearhome|closetohome|nearer/],
};
