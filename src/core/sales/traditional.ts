/**
 * Traditional → simplified characters for the sales parsers, so a register typed on a traditional-character IME
 * ('試駕後報價', '已訂車', '車貸被拒') reads as its simplified form. Built on the after-sales map
 * (aftersales/traditional.ts, which covers 報 價 萬 車 買 …) plus the characters only the sales keywords use
 * (試 駕 訂 簽 單 貸 級 …). No value is a key, so applying it twice changes nothing.
 */
import { pairMap, traditionalPairs } from '../aftersales/traditional';

/** Pairs: traditional, then simplified — the sales keywords' characters the after-sales map lacks. */
const SALES_PAIRS =
  '試试駕驾訂订簽签單单貸贷級级購购潛潜遲迟議议體体驗验審审額额貨货嗎吗預预態态讀读評评檔档鐘钟錄录戶户紙纸頁页熱热' +
  // Postponing, delivery, options, colours and credit checks, as the defeat reasons write them ('暫緩購車',
  // '庫存沒有紅色', '徵信沒過', '手動擋').
  '緩缓駛驶紅红綠绿藍蓝輕轻擋挡徵征詢询詳详細细庫库產产剛刚網网訊讯顯显贈赠傳传標标準准備备檢检測测輸输環环險险證证兒儿擇择選选慮虑謝谢歡欢見见勁劲';

/** The after-sales pairs plus the sales ones (the sales list wins where both name a character). */
const SALES_MAP: ReadonlyMap<string, string> = new Map([...traditionalPairs(), ...pairMap(SALES_PAIRS)]);

/**
 * The text with traditional characters replaced by simplified ones; other characters unchanged.
 * @example toSimplifiedSales('試駕後報價14.2萬') // '试驾后报价14.2万'
 */
export function toSimplifiedSales(text: string): string {
  let out = '';
  let changed = false;
  for (const ch of text) {
    const s = ch.charCodeAt(0) >= 0x3400 ? SALES_MAP.get(ch) ?? ch : ch;
    if (s !== ch) changed = true;
    out += s;
  }
  return changed ? out : text;
}
