/**
 * Traditional → simplified characters for header texts, so that a DMS built in Taiwan or Hong Kong (聯繫電話)
 * is read by the same concepts as the simplified headers (联系电话).
 * Headers are compared as keys (normaliseHeader.ts), and the fold runs inside that key, so every header rule sees it.
 *
 * Only characters whose simplified form occurs in the header vocabulary (the string and regex literals of
 * src/core/sheets/*.ts) are listed, so the map stays about half a kilobyte in the task pane. How the list was made
 * (re-run when the vocabulary gains characters): from OpenCC's TSCharacters table (data/dictionary/TSCharacters.txt),
 * each traditional character whose first simplified form is one of the vocabulary's characters was kept, unless the
 * vocabulary uses it as written or OpenCC's STCharacters lists it as a simplified character. So no value is a key:
 * folding twice changes nothing. Values (call results, reasons) have their own list: ../aftersales/traditional.ts.
 */
import { pairMap } from '../aftersales/traditional';

/** Pairs of characters: traditional, then simplified. */
const PAIRS = '丟丢來来侷局係系個个備备傢家價价儀仪內内兩两冊册別别創创劃划動动務务匯汇區区員员問问單单噹当嚮向圍围團团執执報报場场實实審审專专對对導导屬属幾几廠厂廳厅強强彆别彔录彙汇後后徑径從从復复態态懷怀戰战戶户撥拨據据擬拟攬揽敗败數数旂旗時时曏向査查條条棄弃業业標标機机檔档檢检檯台歸归況况準准溝沟滙汇滿满潛潜為为無无熱热營营爲为狀状獲获現现產产産产當当發发盤盘眞真確确碼码種种稱称穫获競竞筆笔箇个範范簽签籤签糰团約约級级細细終终結结統统經经綫线維维網网線线緣缘編编緻致縣县總总繫系纍累聯联聽听脩修臺台興兴艦舰萬万蓆席蓋盖處处號号裏里裡里製制複复覈核見见親亲覽览觸触訂订計计訊讯訖讫記记訪访註注証证詢询試试話话詳详認认說说説说談谈請请諮咨證证識识讀读負负財财責责買买賣卖質质賬账購购蹤踪車车輛辆輪轮輸输辦办迴回逕径週周進进過过銷销錄录録录錶表長长門门開开間间閤合關关際际險险離离電电韆千頁页項项預预頭头頻频額额類类顧顾顯显颱台養养饋馈駕驾駛驶髮发麼么點点齣出';

const TO_SIMPLIFIED: ReadonlyMap<string, string> = pairMap(PAIRS);
const HAN = /[\u3400-\u9fff]/u;
const HAN_ALL = /[\u3400-\u9fff]/gu;

/**
 * A header text with its traditional characters written simplified (only those of the header vocabulary).
 * @example foldTraditionalHeader('聯繫電話') // '联系电话'
 */
export function foldTraditionalHeader(s: string): string {
  if (!HAN.test(s)) return s;
  return s.replace(HAN_ALL, (ch) => TO_SIMPLIFIED.get(ch) ?? ch);
}

/** Every pair (the tests; rowKinds.ts adds the traditional first characters of its labels). */
export function traditionalHeaderPairs(): [traditional: string, simplified: string][] {
  return [...TO_SIMPLIFIED];
}
