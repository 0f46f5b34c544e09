import {
  type CategoryOverage,
  chargeComputation,
  formatFen,
  sameLines,
  type SimCharge,
  statementDrafts,
  totalFen,
} from './index';

describe('formatFen', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [12345, '123.45'],
    [-190, '-1.90'],
    [900719925474099, '9007199254740.99'],
  ])('%i fen is %s yuan', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('refuses fractions of a fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError);
  });
});

const overage = (category: CategoryOverage['category'], amountFen: number, payer: 'officer' | 'bureau') => ({
  category,
  used: 1600,
  allowance: 1500,
  excess: 100,
  chargedUnits: 100,
  amountFen,
  payer,
});
const since = (day: number) => new Date(Date.UTC(2026, 0, day));

describe('statementDrafts (who pays, §3.5)', () => {
  const cases: { name: string; charges: SimCharge[]; want: [number | null, number][] }[] = [
    {
      name: 'a bureau-paid charge goes whole to the bureau',
      charges: [{ simId: 1, overage: overage('apn', 300, 'bureau'), basisKind: 'usage', bases: [] }],
      want: [[null, 300]],
    },
    {
      name: 'an officer-paid charge split by usage, remainder to the largest share',
      charges: [
        {
          simId: 1,
          overage: overage('voice', 100, 'officer'),
          basisKind: 'usage',
          bases: [
            { holder: 7, weight: 1, since: since(1) },
            { holder: 8, weight: 2, since: since(10) },
          ],
        },
      ],
      want: [
        [7, 33],
        [8, 67],
      ],
    },
    {
      name: 'unheld days are the bureau’s',
      charges: [
        {
          simId: 1,
          overage: overage('sms', 310, 'officer'),
          basisKind: 'days',
          bases: [
            { holder: 7, weight: 21, since: since(1) },
            { holder: null, weight: 10, since: since(22) },
          ],
        },
      ],
      want: [
        [7, 210],
        [null, 100],
      ],
    },
    {
      name: 'no basis at all: the bureau pays',
      charges: [{ simId: 1, overage: overage('voice', 57, 'officer'), basisKind: 'usage', bases: [] }],
      want: [[null, 57]],
    },
    {
      name: 'a zero charge issues no line',
      charges: [{ simId: 1, overage: overage('voice', 0, 'officer'), basisKind: 'usage', bases: [] }],
      want: [],
    },
  ];
  it.each(cases)('$name', ({ charges, want }) => {
    const drafts = statementDrafts(charges);
    expect([...drafts.entries()].map(([holder, lines]) => [holder, totalFen(lines)])).toEqual(want);
  });
});

describe('sameLines', () => {
  const line = {
    simId: 1,
    category: 'voice' as const,
    used: 2,
    allowance: 1,
    excess: 1,
    amountFen: 19,
    payer: 'officer' as const,
  };
  it.each([
    [[line], [line], true],
    [[line, { ...line, simId: 2 }], [{ ...line, simId: 2 }, line], true],
    [[line], [{ ...line, amountFen: 20 }], false],
    [[line], [], false],
  ])('case %#', (a, b, same) => {
    expect(sameLines(a, b)).toBe(same);
  });
});

describe('chargeComputation', () => {
  const GB = 1024 * 1024;

  it('reads a data line back as started GB × price, and the holder’s share by usage', () => {
    expect(
      chargeComputation({
        category: 'national',
        excess: 1.5 * GB,
        amountFen: 360,
        basis: { kind: 'usage', weight: 3 * GB, totalWeight: 5 * GB, simAmountFen: 600 },
      }),
    ).toEqual({
      category: 'national',
      chargedUnits: 2,
      unitPriceFen: 300,
      simAmountFen: 600,
      share: { kind: 'usage', weight: 3 * GB, totalWeight: 5 * GB },
    });
  });

  it('charges 1 KB over as a whole GB, and a line carrying the whole charge has no share', () => {
    const line = { category: 'apn', excess: 1, amountFen: 300, basis: { kind: 'whole', simAmountFen: 300 } };
    expect(chargeComputation(line)).toMatchObject({ chargedUnits: 1, unitPriceFen: 300, share: null });
  });

  it('prices voice per minute and SMS per message; a repair line has no computation', () => {
    expect(
      chargeComputation({
        category: 'sms',
        excess: 41,
        amountFen: 410,
        basis: { kind: 'days', simAmountFen: 410 },
      }),
    ).toMatchObject({ chargedUnits: 41, unitPriceFen: 10, share: null });
    expect(
      chargeComputation({
        category: 'voice',
        excess: 100,
        amountFen: 633,
        basis: { kind: 'days', weight: 10, totalWeight: 30, simAmountFen: 1900 },
      }),
    ).toMatchObject({ unitPriceFen: 19, share: { kind: 'days', weight: 10, totalWeight: 30 } });
    expect(chargeComputation({ category: 'repair', excess: 0, amountFen: 45_000, basis: {} })).toBeNull();
  });
});
