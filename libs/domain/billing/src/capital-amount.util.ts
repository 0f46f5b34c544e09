/**
 * An amount written in capital Chinese numerals (大写金额), as on a receipt or a bill: figures can be
 * altered with a stroke, these cannot. The rules follow the People's Bank's 《支付结算办法》 附一:
 * - 零壹贰叁肆伍陆柒捌玖, with 拾佰仟 inside a group of four digits and 万, 亿 between groups; a leading
 *   拾 keeps its 壹 (壹拾万元, not 拾万元);
 * - one 零 stands for any run of zeros between two figures (壹仟零伍元, 壹万零伍拾元, 壹亿零壹元), none
 *   for the zeros at the end of the yuan (壹拾万元);
 * - 元 closes the yuan; 整 follows an amount that ends at 元 or at 角 (肆佰伍拾元整, 伍角整); fen with no
 *   角 take a 零 after the yuan (壹佰元零伍分); an amount under a yuan has no 零元 (伍角叁分);
 * - zero is 零元整, and a negative amount (a difference) starts with 负.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/** A group of up to four digits (1 to 9999), its inner zeros as one 零 and its trailing zeros silent. */
function group(value: number): string {
  let text = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.trunc(value / 10 ** place) % 10;
    if (digit === 0) {
      zero = text !== '';
      continue;
    }
    text += `${zero ? '零' : ''}${DIGITS[digit]}${PLACES[place]}`;
    zero = false;
  }
  return text;
}

/** Whole yuan (at least 1) in capitals, without 元. */
function yuanText(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.trunc(rest / 10_000)) groups.push(rest % 10_000);
  let text = '';
  let zero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const value = groups[i];
    if (value === 0) {
      zero = text !== '';
      continue;
    }
    // A group under 1000 after a higher one has zeros before it: 壹万零伍拾.
    if (text !== '' && (zero || value < 1000)) text += '零';
    text += group(value) + GROUPS[i];
    zero = false;
  }
  return text;
}

/** Fen (integer) in capital Chinese numerals: 45000 → 肆佰伍拾元整, 100005 → 壹仟元零伍分. */
export function capitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a whole number: ${fen}`);
  if (Math.abs(fen) >= 10 ** 18) throw new RangeError(`amount too large for capitals: ${fen}`);
  if (fen === 0) return '零元整';
  const sign = fen < 0 ? '负' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const jiao = Math.trunc(abs / 10) % 10;
  const cents = abs % 10;
  const head = yuan > 0 ? `${yuanText(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${sign}${head}整`;
  const jiaoText = jiao > 0 ? `${DIGITS[jiao]}角` : head ? '零' : '';
  const fenText = cents > 0 ? `${DIGITS[cents]}分` : '整';
  return `${sign}${head}${jiaoText}${fenText}`;
}
