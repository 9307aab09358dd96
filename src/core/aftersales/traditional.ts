/**
 * Traditional → simplified characters, for the call logs typed on a traditional-character IME ('空號', '關機',
 * '價錢太貴'). Only the characters the dictionaries use are listed, so the map stays a couple of kilobytes (a task
 * pane must stay small; a full converter weighs megabytes).
 *
 * How the list was made (re-run when the dictionaries gain characters): every Han character in the string and
 * regex literals of contactResult.ts, reasons.ts, destination.ts, imeSlips.ts, otherCity.ts, cities.ts and
 * englishWords.ts was collected; each traditional character that OpenCC's TSCharacters table maps to exactly one of
 * them was kept, unless it is itself a simplified character (OpenCC's STCharacters lists it: '麽') or one the
 * dictionaries use as written. So no value is a key: applying the map twice changes nothing.
 */

/** Pairs of characters: traditional, then simplified. */
const PAIRS =
  '萬万與与專专業业東东兩两麗丽喪丧個个箇个臨临義义為为爲为麼么烏乌樂乐書书買买亂乱雲云亞亚親亲們们價价眾众衆众優优會会倫伦餘余彿佛脩修剋克兌兑蘭兰關关興兴養养內内' +
  '岡冈寫写沖冲衝冲決决況况凈净淨净涼凉幾几齣出劃划則则別别彆别製制劇剧辦办務务動动勢势區区醫医韆千華华賣卖佔占衛卫廠厂厤历曆历歷历廈厦參参蔘参雙双發发髮发變变檯台' +
  '臺台颱台號号喫吃閤合衕同後后嚮向曏向呂吕聽听啓启啟启吳吴員员週周鹹咸響响迴回國国場场壞坏聲声處处復复複复夠够頭头學学寧宁寶宝實实傢家賓宾對对導导爾尔崗岗島岛巖岩' +
  '嶺岭嶽岳峽峡峯峰鉅巨佈布帶带乾干幹干榦干並并併并幷并鄉乡廣广莊庄慶庆應应廢废開开異异張张彔录錄录録录彥彦徹彻懷怀態态懟怼噁恶惡恶願愿戰战慼戚戶户揚扬摺折撫抚報报' +
  '撥拨掛挂損损換换據据數数斷断無无舊旧時时崑昆晉晋暫暂麯曲麴曲朮术術术機机來来極极鬆松構构棗枣査查樣样樑梁毀毁燬毁譭毁畢毕漢汉瀋沈溝沟沒没滄沧註注瀘泸澤泽濟济溫温' +
  '遊游谿溪滿满濱滨濰潍燈灯點点爛烂煙烟菸烟煩烦燒烧熱热愛爱狀状貓猫瑪玛現现電电癥症鹽盐盤盘眞真碼码確确禮礼視视禍祸離离祕秘簡简婁娄類类係系繫系約约綫线線线紹绍經经' +
  '結结給给絡络絕绝絶绝統统綏绥維维綿绵聯联勝胜騰腾捨舍藝艺節节蕪芜蘆芦囌苏蘇苏荊荆營营薩萨錶表觀观認认讓让記记講讲許许訪访識识訴诉話话該该語语誤误說说説说諉诿調调' +
  '談谈貝贝負负貢贡責责敗败質质貴贵費费賀贺資资贛赣車车轉转輪轮較较輛辆邊边遼辽達达遷迁過过運运還还這这進进遠远連连鄭郑鄲郸裏里裡里鈡钟鍾钟鐘钟欽钦錢钱鐵铁鈴铃銅铜' +
  '銀银舖铺鋪铺銷销鎖锁錯错錫锡錦锦鎭镇鎮镇長长門门閃闪問问闖闯閑闲閒闲間间聞闻隊队陽阳隴陇隨随難难麪面麫面麵面頂顶順顺顧顾預预領领題题飯饭饒饶饋馈馬马馳驰駐驻魯鲁' +
  '雞鸡鷄鸡鴨鸭鶴鹤鷹鹰黃黄齊齐龍龙' +
  // Round 6: the characters of round 6's words (闺蜜, 轻轨, 骑电动车, 关闭, 工程项目, 媳妇, 儿子, 仅周末, 负担不起).
  '閨闺輕轻軌轨騎骑閉闭項项婦妇兒儿僅仅擔担';

/**
 * A string of pairs (traditional, then simplified) as a map. Shared with the sales parsers' own list.
 * @example pairMap('號号').get('號') // '号'
 */
export function pairMap(pairs: string): Map<string, string> {
  const map = new Map<string, string>();
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
  return map;
}

const TO_SIMPLIFIED: ReadonlyMap<string, string> = pairMap(PAIRS);

/**
 * The simplified form of one character, or the character itself.
 * @example toSimplifiedChar('號') // '号'
 */
export function toSimplifiedChar(ch: string): string {
  return TO_SIMPLIFIED.get(ch) ?? ch;
}

/** Every pair (the tests, and the sales map built on this one). */
export function traditionalPairs(): [traditional: string, simplified: string][] {
  return [...TO_SIMPLIFIED];
}
