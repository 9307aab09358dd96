import fc from 'fast-check';
import { ContactResultClassifier } from '../../../src/core/aftersales/contactResult';
import { classifyDestination } from '../../../src/core/aftersales/destination';
import { CONTACT_RESULTS, DESTINATIONS } from '../../../src/core/aftersales/labels';
import { ReasonClassifier } from '../../../src/core/aftersales/reasons';
import { normaliseForMatch } from '../../../src/core/aftersales/text';
import { EXTERNAL_REASONS, INTERNAL_REASONS } from '../../../src/core/settings/settings';

const REASONS = new Set<string>([...INTERNAL_REASONS, ...EXTERNAL_REASONS, '其他']);
/** Full-width form of printable ASCII (what a Chinese IME types). */
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const text = fc.oneof(fc.string(), fc.constantFrom('空号', '已接通', '太贵', '4S店', '途虎', '无人接听', '开得少', 'ABC 123'));

describe('dictionaries on any text', () => {
  const contact = new ContactResultClassifier();
  const reasons = new ReasonClassifier();

  it('always answer one of their labels, never throw', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(CONTACT_RESULTS).toContain(contact.classify(a, b));
        expect(REASONS.has(reasons.classify(a))).toBe(true);
        expect(DESTINATIONS).toContain(classifyDestination(a, b));
      }),
    );
  });

  it('read full-width and half-width text alike', () => {
    fc.assert(
      fc.property(text, (a) => {
        const wide = toFullWidth(a);
        expect(contact.classify(wide, '')).toBe(contact.classify(a, ''));
        expect(reasons.classify(wide)).toBe(reasons.classify(a));
        expect(classifyDestination(wide, '')).toBe(classifyDestination(a, ''));
      }),
    );
  });

  it('normaliseForMatch is idempotent and drops spaces', () => {
    fc.assert(
      fc.property(fc.string(), (a) => {
        const n = normaliseForMatch(a);
        expect(normaliseForMatch(n)).toBe(n);
        expect(/[ \u3000\t]/.test(n)).toBe(false);
      }),
    );
  });

  it('noise around a keyword does not change the category', () => {
    fc.assert(
      fc.property(fc.constantFrom('价格太贵', '离家太远', '车已报废'), fc.string({ maxLength: 3 }).filter((s) => !/[\u4e00-\u9fff]/.test(s)), (core, noise) => {
        expect(reasons.classify(`${noise}${core}${noise}`)).toBe(reasons.classify(core));
      }),
    );
  });
});
