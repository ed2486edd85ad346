import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EIA_COLUMNS, ML2021_ROWS, PW2019_ITEMS } from './eia-catalogue.ts';
import {
  type ConstructionType,
  catalogueRowEn,
  classificationBasisEn,
  classificationNoteIn,
  classify,
  EIA_CLASSIFICATION_NOTES,
  EIA_ROW_RULES,
  type EiaCategory,
  type EiaFacts,
  eiaFactsSchema,
  permitBasisEn,
  questionFor,
  questionIn,
  rowsForIndustry,
  SENSITIVE_AREA_KINDS,
  type SensitiveAreaKind,
  UnknownIndustryError,
} from './eia-classification.ts';
import { industryByCode } from './industries.ts';

const cat = (industryCode: string, facts: EiaFacts, constructionType: ConstructionType = 'new') =>
  classify({ industryCode, constructionType, facts });
const category = (code: string, facts: EiaFacts, t: ConstructionType = 'new'): EiaCategory | null =>
  cat(code, facts, t).category;

const IB = { industrialBuilding: true } as const;

describe('shipped catalogue data', () => {
  it('has a rule for every printed column and none for a "/" column', () => {
    for (const r of ML2021_ROWS) {
      const rule = EIA_ROW_RULES[r.row];
      expect(rule, `row ${r.row}`).toBeDefined();
      for (const c of EIA_COLUMNS) expect(Boolean(rule?.[c]), `row ${r.row} ${c}`).toBe(r.columns[c] !== '/');
    }
  });

  it('maps every row and permit item to GB/T 4754 codes that exist', () => {
    for (const r of ML2021_ROWS) for (const c of r.codes) expect(industryByCode(c), `row ${r.row} ${c}`).toBeDefined();
    for (const i of PW2019_ITEMS)
      for (const c of i.codes) expect(industryByCode(c), `item ${i.item} ${c}`).toBeDefined();
  });

  it('puts a GB/T class into two rows only where the works tell the rows apart', () => {
    // 7724 holds rows 101/102 (told apart by wasteKind), 7820 rows 105–107 (sanitationWorks);
    // a car-repair class 8111 is asked about row 120 (hazardous-goods vehicle wash) as well as 121
    const shared = new Set<string>();
    const seen = new Map<string, number>();
    for (const r of ML2021_ROWS)
      for (const c of r.codes) {
        for (const [other] of seen) if (c.startsWith(other) || other.startsWith(c)) shared.add(c);
        seen.set(c, r.row);
      }
    expect([...shared].sort()).toEqual(['7724', '7820', '8111']);
    for (const n of [101, 102, 105, 106, 107]) expect(EIA_ROW_RULES[n]?.applies, `row ${n}`).toBeDefined();
  });

  it('keeps the row texts verbatim: the "*" mark, fireworks in row 44, no sensitive areas for 44 and 149', () => {
    const row = (n: number) => ML2021_ROWS.find((r) => r.row === n)!;
    expect(row(44).columns['report-book']).toBe('全部（含研发中试；不含单纯物理分离、物理提纯、混合、分装的）');
    expect(row(44).sensitiveAreas).toBe('—');
    expect(row(149).sensitiveAreas).toBe('—');
    expect(row(59).industrialBuildingOnly).toBe(true);
    expect(row(59).title).toBe('陶瓷制品制造307*');
    expect(rowsForIndustry('2672').map((r) => r.row)).toEqual([44]);
    expect(rowsForIndustry('C2672').map((r) => r.row)).toEqual([44]);
  });
});

describe('asking only what decides', () => {
  it('names the missing facts instead of guessing, one column at a time', () => {
    const a = cat('2672', {});
    expect(a.category).toBeNull();
    expect(a.missingFacts).toEqual(['chemicalReaction']);
    expect(a.row).toBe(44);
    expect(a.column).toBe('report-book');
    const b = cat('2672', { chemicalReaction: false });
    expect(b.category).toBeNull();
    expect(b.missingFacts.sort()).toEqual(['productionWastewater', 'vocEmissions']);
  });

  it('never asks about sensitive areas for rows without a sensitive-area column (fireworks, warehouses)', () => {
    for (const facts of [{}, { chemicalReaction: false }, { chemicalReaction: false, productionWastewater: false }])
      expect(cat('2672', facts).missingFacts).not.toContain('sensitiveAreas');
    expect(cat('5949', {}).missingFacts).toEqual(['storageType']);
  });

  it('offers only the places the row itself counts', () => {
    const quarry = cat('1011', { riverSandDredging: false, crushingTransportOrRestorationOnly: false });
    const q = quarry.questions.find((x) => x.key === 'sensitiveAreas')!;
    const offered = q.options!.map((o) => o.value);
    expect(offered).toContain('nature-reserve');
    expect(offered).toContain('basic-grassland');
    expect(offered).not.toContain('permanent-farmland');
    expect(offered).not.toContain('residential');
    const farm = cat('0313', { scaleFarm: true, pigEquivalentSoldPerYear: 100 });
    const fo = farm.questions.find((x) => x.key === 'sensitiveAreas')!.options!.map((o) => o.value);
    expect(fo).toContain('residential');
    expect(fo).not.toContain('permanent-farmland');
  });

  it('rejects codes that are not GB/T 4754 classes', () => {
    expect(() => cat('267', {})).toThrow();
    expect(() => cat('9999', {})).toThrow(UnknownIndustryError);
    expect(() => cat('2672', { otherIndustryCodes: ['0000'] })).toThrow(UnknownIndustryError);
  });
});

// Every shipped row: each threshold at, below and above, each flag both ways.
describe('every shipped row', () => {
  it('44 chemicals and fireworks: reaction → 报告书; physical with wastewater or VOCs → 报告表; otherwise outside', () => {
    expect(category('2672', { chemicalReaction: true })).toBe('report-book');
    expect(category('2672', { chemicalReaction: false, productionWastewater: true, vocEmissions: false })).toBe(
      'report-form',
    );
    expect(category('2672', { chemicalReaction: false, productionWastewater: false, vocEmissions: true })).toBe(
      'report-form',
    );
    const none = cat('2672', { chemicalReaction: false, productionWastewater: false, vocEmissions: false });
    expect(none.category).toBe('none');
    expect(none.row).toBe(44);
    // a village next door does not raise a fireworks plant: row 44 has no sensitive-area column
    expect(
      category('2672', { chemicalReaction: false, productionWastewater: true, sensitiveAreas: ['residential'] }),
    ).toBe('report-form');
  });

  it('149 hazardous storage: oil depot at, below and above 200,000 m³; underground; fireworks store → 报告表', () => {
    expect(category('5949', { storageType: 'other' })).toBe('report-form');
    expect(category('5941', { storageType: 'oil-depot', oilDepotCapacityM3: 199_999 })).toBe('report-form');
    expect(category('5941', { storageType: 'oil-depot', oilDepotCapacityM3: 200_000 })).toBe('report-book');
    expect(category('5941', { storageType: 'oil-depot', oilDepotCapacityM3: 200_001 })).toBe('report-book');
    expect(category('5941', { storageType: 'underground-oil-depot' })).toBe('report-book');
    expect(category('5942', { storageType: 'underground-gas-depot' })).toBe('report-book');
    expect(cat('5941', { storageType: 'oil-depot' }).missingFacts).toEqual(['oilDepotCapacityM3']);
  });

  it('91 heat supply: coal/oil 65 t/h is 报告表, above is 报告书; gas 1 t/h is outside, above is 报告表', () => {
    const f = { gasBoilerTonnesPerHour: 0, otherHighPollutionFuel: false };
    expect(category('4430', { ...f, coalOilBoilerTonnesPerHour: 64.9 })).toBe('report-form');
    expect(category('4430', { ...f, coalOilBoilerTonnesPerHour: 65 })).toBe('report-form');
    expect(category('4430', { ...f, coalOilBoilerTonnesPerHour: 65.1 })).toBe('report-book');
    const g = { coalOilBoilerTonnesPerHour: 0, otherHighPollutionFuel: false };
    expect(category('4430', { ...g, gasBoilerTonnesPerHour: 0.9 })).toBe('none');
    expect(category('4430', { ...g, gasBoilerTonnesPerHour: 1 })).toBe('none');
    expect(category('4430', { ...g, gasBoilerTonnesPerHour: 1.1 })).toBe('report-form');
    expect(category('4430', { ...g, gasBoilerTonnesPerHour: 0, otherHighPollutionFuel: true })).toBe('report-form');
  });

  it('100 air-pollution control works: 登记表', () => {
    expect(category('7722', {})).toBe('registration-form');
  });

  it('54 cement, lime, gypsum', () => {
    expect(category('3011', { cementGrindingOnly: false })).toBe('report-book');
    expect(category('3011', { cementGrindingOnly: true })).toBe('report-form');
    expect(category('3012', {})).toBe('report-form');
  });

  it('55 cement products: listed classes 报告表, unlisted ones outside', () => {
    expect(category('3021', {})).toBe('report-form');
    expect(category('3022', {})).toBe('report-form');
    expect(category('3023', {})).toBe('none');
  });

  it('56 bricks and stone: 报告表 unless only cutting stone slabs', () => {
    expect(category('3031', { stoneSlabProcessingOnly: false })).toBe('report-form');
    expect(category('3032', { stoneSlabProcessingOnly: true })).toBe('none');
  });

  it('57 glass', () => {
    expect(category('3041', {})).toBe('report-book');
    expect(category('3042', {})).toBe('report-form');
    expect(category('3051', { electricHeating: false, cutGrindShapeOnly: false })).toBe('report-form');
    expect(category('3051', { electricHeating: true })).toBe('none');
    expect(category('3051', { electricHeating: false, cutGrindShapeOnly: true })).toBe('none');
  });

  it('60 refractories and graphite', () => {
    expect(category('3081', {})).toBe('report-book');
    expect(category('3091', { roasting: true })).toBe('report-book');
    expect(category('3091', { roasting: false })).toBe('report-form');
    expect(category('3089', {})).toBe('report-form');
  });

  it('59 ceramics: high-pollution fuel → 报告书; pieces at, below and above 1.5 M and 2.5 M; 特种陶瓷 outside', () => {
    const clean = { ...IB, highPollutionFuel: false };
    expect(category('3073', { ...IB, highPollutionFuel: true })).toBe('report-book');
    expect(category('3071', clean)).toBe('report-form');
    expect(category('3073', clean)).toBe('none');
    expect(category('3072', { ...clean, annualOutputPieces: 1_499_999 })).toBe('none');
    expect(category('3072', { ...clean, annualOutputPieces: 1_500_000 })).toBe('report-form');
    expect(category('3072', { ...clean, annualOutputPieces: 1_500_001 })).toBe('report-form');
    expect(category('3074', { ...clean, annualOutputPieces: 2_499_999 })).toBe('none');
    expect(category('3074', { ...clean, annualOutputPieces: 2_500_000 })).toBe('report-form');
    expect(category('3074', { ...clean, annualOutputPieces: 2_500_001 })).toBe('report-form');
    // "*": outside an industrial building the row does not apply at all
    expect(category('3071', { industrialBuilding: false, highPollutionFuel: true })).toBe('none');
  });

  it('6 coal', () => {
    expect(category('0610', { coalWorks: 'mining' })).toBe('report-book');
    for (const w of ['washing-blending', 'storage-transport', 'ventilation-gas-drainage', 'restoration'] as const)
      expect(category('0610', { coalWorks: w })).toBe('report-form');
    expect(category('0610', { coalWorks: 'other' })).toBe('none');
  });

  it("11 quarries: only the row's own sensitive areas raise to 报告书; river sand is not in the row", () => {
    const q = { riverSandDredging: false, crushingTransportOrRestorationOnly: false };
    expect(category('1011', { ...q, sensitiveAreas: [] })).toBe('report-form');
    expect(category('1011', { ...q, sensitiveAreas: ['nature-reserve'] })).toBe('report-book');
    expect(category('1011', { ...q, sensitiveAreas: ['basic-grassland'] })).toBe('report-book');
    expect(category('1011', { ...q, sensitiveAreas: ['permanent-farmland', 'forest-park', 'residential'] })).toBe(
      'report-form',
    );
    expect(category('1011', { riverSandDredging: false, crushingTransportOrRestorationOnly: true })).toBe(
      'report-form',
    );
    expect(category('1019', { riverSandDredging: true })).toBe('none');
  });

  it('12 chemical and other non-metal mining', () => {
    expect(category('1020', { crushingTransportOrRestorationOnly: false })).toBe('report-book');
    expect(category('1091', { crushingTransportOrRestorationOnly: true })).toBe('report-form');
  });

  it('14 other mining: class (一) areas only', () => {
    expect(category('1200', { sensitiveAreas: ['drinking-water-source'] })).toBe('report-form');
    expect(category('1200', { sensitiveAreas: ['residential'] })).toBe('registration-form');
  });

  it('3 livestock: 5,000 sold and 2,500 in stock, at, below and above; sensitive (一)(三); below scale outside', () => {
    const s = { scaleFarm: true, sensitiveAreas: [] as SensitiveAreaKind[] };
    expect(category('0313', { ...s, pigEquivalentSoldPerYear: 4999 })).toBe('registration-form');
    expect(category('0313', { ...s, pigEquivalentSoldPerYear: 5000 })).toBe('report-book');
    expect(category('0313', { ...s, pigEquivalentSoldPerYear: 5001 })).toBe('report-book');
    expect(category('0321', { ...s, pigEquivalentSoldPerYear: 0, pigEquivalentInStock: 2499 })).toBe(
      'registration-form',
    );
    expect(category('0321', { ...s, pigEquivalentSoldPerYear: 0, pigEquivalentInStock: 2500 })).toBe('report-book');
    expect(category('0321', { ...s, pigEquivalentSoldPerYear: 0, pigEquivalentInStock: 2501 })).toBe('report-book');
    // stock counts only for farms without sales
    expect(category('0313', { ...s, pigEquivalentSoldPerYear: 100, pigEquivalentInStock: 9999 })).toBe(
      'registration-form',
    );
    expect(category('0313', { scaleFarm: true, pigEquivalentSoldPerYear: 100, sensitiveAreas: ['residential'] })).toBe(
      'report-book',
    );
    expect(
      category('0313', { scaleFarm: true, pigEquivalentSoldPerYear: 100, sensitiveAreas: ['permanent-farmland'] }),
    ).toBe('registration-form');
    expect(category('0313', { scaleFarm: false })).toBe('none');
  });

  it('18 slaughter: each species at, below and above; meat processing 20,000 t', () => {
    const none = { pigsSlaughteredPerYear: 0, cattleSlaughteredPerYear: 0, sheepSlaughteredPerYear: 0 };
    for (const [key, limit] of [
      ['pigsSlaughteredPerYear', 100_000],
      ['cattleSlaughteredPerYear', 10_000],
      ['sheepSlaughteredPerYear', 150_000],
    ] as const) {
      expect(category('1351', { ...IB, ...none, [key]: limit - 1 })).toBe('report-form');
      expect(category('1351', { ...IB, ...none, [key]: limit })).toBe('report-book');
      expect(category('1351', { ...IB, ...none, [key]: limit + 1 })).toBe('report-book');
    }
    expect(category('1352', { ...IB, poultrySlaughteredPerYear: 9_999_999 })).toBe('report-form');
    expect(category('1352', { ...IB, poultrySlaughteredPerYear: 10_000_000 })).toBe('report-book');
    expect(category('1352', { ...IB, poultrySlaughteredPerYear: 10_000_001 })).toBe('report-book');
    // poultry works that also slaughter sheep: row 17 is asked under both codes (found by the compound property)
    const both = { ...IB, ...none, poultrySlaughteredPerYear: 0, sheepSlaughteredPerYear: 150_000 };
    expect(category('1352', { ...both, otherIndustryCodes: ['1351'] })).toBe('report-book');
    expect(category('1353', { ...IB, meatProcessedTonnesPerYear: 19_999 })).toBe('registration-form');
    expect(category('1353', { ...IB, meatProcessedTonnesPerYear: 20_000 })).toBe('report-form');
    expect(category('1353', { ...IB, meatProcessedTonnesPerYear: 20_001 })).toBe('report-form');
    expect(category('1353', { industrialBuilding: false })).toBe('none');
  });

  it('15 grain milling and feed: fermentation, or 10,000 t at, below and above', () => {
    expect(category('1311', { ...IB, fermentation: false, annualProcessingTonnes: 9_999 })).toBe('none');
    expect(category('1311', { ...IB, fermentation: false, annualProcessingTonnes: 10_000 })).toBe('report-form');
    expect(category('1321', { ...IB, fermentation: false, annualProcessingTonnes: 10_001 })).toBe('report-form');
    expect(category('1321', { ...IB, fermentation: true })).toBe('report-form');
  });

  it('16 vegetable oil', () => {
    expect(category('1331', { ...IB, simpleMixingOrPackaging: false })).toBe('report-form');
    expect(category('1331', { ...IB, simpleMixingOrPackaging: true })).toBe('none');
  });

  it('20 starch and bean products', () => {
    expect(category('1391', { ...IB, starchOrStarchSugar: true, fermentation: true })).toBe('report-book');
    expect(category('1391', { ...IB, starchOrStarchSugar: true, fermentation: false, packagingOnly: false })).toBe(
      'report-form',
    );
    expect(category('1392', { ...IB, packagingOnly: false })).toBe('report-form');
    expect(category('1392', { ...IB, packagingOnly: true })).toBe('none');
    expect(category('1393', IB)).toBe('none');
  });

  it('23 condiments: soy sauce and vinegar 20,000 t at, below and above', () => {
    const f = { ...IB, fermentation: true, simpleMixingOrPackaging: false };
    expect(category('1462', { ...f, annualOutputTonnes: 19_999 })).toBe('report-form');
    expect(category('1462', { ...f, annualOutputTonnes: 20_000 })).toBe('report-book');
    expect(category('1462', { ...f, annualOutputTonnes: 20_001 })).toBe('report-book');
    expect(category('1461', f)).toBe('report-book');
    expect(category('1469', { ...f, citricLysineYeast: true })).toBe('report-book');
    expect(category('1469', { ...f, citricLysineYeast: false })).toBe('report-form');
    expect(category('1462', { ...IB, fermentation: false, simpleMixingOrPackaging: true })).toBe('none');
  });

  it('25 liquor: 1,000 kL at, below and above', () => {
    const f = { ...IB, fermentation: true, blendingOnly: false };
    expect(category('1512', { ...f, capacityKilolitres: 999 })).toBe('report-form');
    expect(category('1512', { ...f, capacityKilolitres: 1000 })).toBe('report-book');
    expect(category('1512', { ...f, capacityKilolitres: 1001 })).toBe('report-book');
    expect(category('1512', { ...IB, fermentation: false, blendingOnly: true })).toBe('none');
  });

  it('45 fertiliser', () => {
    expect(category('2621', { chemicalReaction: true })).toBe('report-book');
    expect(category('2621', { chemicalReaction: false })).toBe('report-form');
    expect(category('2625', {})).toBe('report-form');
  });

  it('66, 69, 70 metal products and machinery: plating, 10 t solvent coating at/below/above, mechanical only', () => {
    for (const code of ['3311', '3431', '3572']) {
      const base = { electroplating: false, lowVocCoatingTonnesPerYear: 0, onlyCutWeldAssemble: true };
      expect(category(code, { ...base, electroplating: true })).toBe('report-book');
      expect(category(code, { ...base, solventCoatingTonnesPerYear: 9.9 })).toBe('report-form');
      expect(category(code, { ...base, solventCoatingTonnesPerYear: 10 })).toBe('report-book');
      expect(category(code, { ...base, solventCoatingTonnesPerYear: 10.1 })).toBe('report-book');
      expect(category(code, { ...base, solventCoatingTonnesPerYear: 0 })).toBe('none');
      expect(category(code, { ...base, solventCoatingTonnesPerYear: 0, lowVocCoatingTonnesPerYear: 9.9 })).toBe('none');
      expect(category(code, { ...base, solventCoatingTonnesPerYear: 0, lowVocCoatingTonnesPerYear: 10 })).toBe(
        'report-form',
      );
      expect(category(code, { ...base, solventCoatingTonnesPerYear: 0, onlyCutWeldAssemble: false })).toBe(
        'report-form',
      );
    }
  });

  it('67 surface treatment', () => {
    const b = { electroplating: false, hotDipGalvanizingWithPassivation: false };
    expect(category('3360', { ...b, electroplating: true })).toBe('report-book');
    expect(category('3360', { ...b, hotDipGalvanizingWithPassivation: true })).toBe('report-book');
    expect(category('3360', { ...b, solventCoatingTonnesPerYear: 10 })).toBe('report-book');
    expect(category('3360', { ...b, solventCoatingTonnesPerYear: 9.9 })).toBe('report-form');
    const c = { ...b, solventCoatingTonnesPerYear: 0, coatingOnly: true };
    expect(category('3360', { ...c, lowVocCoatingTonnesPerYear: 9.9 })).toBe('none');
    expect(category('3360', { ...c, lowVocCoatingTonnesPerYear: 10 })).toBe('report-form');
    expect(category('3360', { ...c, coatingOnly: false })).toBe('report-form');
  });

  it('68 casting: 100,000 t at, below and above', () => {
    expect(category('3391', { castingTonnesPerYear: 99_999, onlyCutWeldAssemble: false })).toBe('report-form');
    expect(category('3391', { castingTonnesPerYear: 100_000 })).toBe('report-book');
    expect(category('3392', { castingTonnesPerYear: 100_001 })).toBe('report-book');
    expect(category('3399', { onlyCutWeldAssemble: true })).toBe('none');
  });

  it('38 paper products, 39 printing (10 t inks at, below and above)', () => {
    expect(category('2231', { ...IB, coatingImpregnationPrintingGluing: true })).toBe('report-form');
    expect(category('2231', { ...IB, coatingImpregnationPrintingGluing: false })).toBe('none');
    const p = { ...IB, laserPrintingOnly: false, lowVocInkTonnesPerYear: 0 };
    expect(category('2319', { ...p, solventInkTonnesPerYear: 9.9 })).toBe('report-form');
    expect(category('2319', { ...p, solventInkTonnesPerYear: 10 })).toBe('report-book');
    expect(category('2319', { ...p, solventInkTonnesPerYear: 10.1 })).toBe('report-book');
    expect(category('2319', { ...p, solventInkTonnesPerYear: 0, lowVocInkTonnesPerYear: 9.9 })).toBe('none');
    expect(category('2319', { ...p, solventInkTonnesPerYear: 0, lowVocInkTonnesPerYear: 10 })).toBe('report-form');
    expect(category('2319', { ...p, solventInkTonnesPerYear: 0, laserPrintingOnly: true })).toBe('none');
  });

  it('53 plastics: recycled feed, adhesives and coatings 10 t at, below and above', () => {
    const b = { recycledPlastic: false, electroplating: false, solventCoatingTonnesPerYear: 0, coatingOnly: false };
    expect(category('2921', { ...b, recycledPlastic: true })).toBe('report-book');
    expect(category('2921', { ...b, solventAdhesiveTonnesPerYear: 9.9 })).toBe('report-form');
    expect(category('2921', { ...b, solventAdhesiveTonnesPerYear: 10 })).toBe('report-book');
    expect(category('2921', { ...b, solventAdhesiveTonnesPerYear: 10.1 })).toBe('report-book');
    expect(category('2921', { ...b, solventAdhesiveTonnesPerYear: 0, solventCoatingTonnesPerYear: 10 })).toBe(
      'report-book',
    );
    expect(
      category('2921', { ...b, solventAdhesiveTonnesPerYear: 0, coatingOnly: true, lowVocCoatingTonnesPerYear: 9 }),
    ).toBe('none');
  });

  it('108 hospitals: 20 and 500 beds at, below and above; 500+ only 报告书 when new or expanded', () => {
    expect(category('8411', { inpatientBeds: 19 })).toBe('registration-form');
    expect(category('8411', { inpatientBeds: 20 })).toBe('report-form');
    expect(category('8411', { inpatientBeds: 21 })).toBe('report-form');
    expect(category('8411', { inpatientBeds: 499 })).toBe('report-form');
    expect(category('8411', { inpatientBeds: 500 })).toBe('report-book');
    expect(category('8423', { inpatientBeds: 501 }, 'expansion')).toBe('report-book');
    expect(category('8411', { inpatientBeds: 600 }, 'alteration')).toBe('report-form');
  });

  it('109 disease control centre', () => {
    expect(category('8431', {}, 'new')).toBe('report-book');
    expect(category('8431', {}, 'alteration')).toBe('report-form');
  });

  it('110 schools: 5,000 m² at, below and above', () => {
    const f = { chemBioLab: true };
    expect(category('8321', { ...f, floorAreaM2: 4999 })).toBe('none');
    expect(category('8321', { ...f, floorAreaM2: 5000 })).toBe('report-form');
    expect(category('8321', { ...f, floorAreaM2: 5001 })).toBe('report-form');
    expect(category('8331', { floorAreaM2: 8000, sensitiveAreas: ['forest-park'] })).toBe('report-form');
    expect(
      category('8331', { floorAreaM2: 8000, sensitiveAreas: ['forest-park'], chemBioLab: false }, 'expansion'),
    ).toBe('none');
    expect(category('8331', { floorAreaM2: 8000, sensitiveAreas: ['residential'], chemBioLab: false })).toBe('none');
  });

  it('119 petrol stations', () => {
    expect(category('5265', { urbanBuiltUpArea: true })).toBe('report-form');
    expect(category('5265', { urbanBuiltUpArea: false, sensitiveAreas: [] })).toBe('none');
    expect(category('5266', { sensitiveAreas: ['drinking-water-source'] })).toBe('report-form');
    expect(category('5266', { sensitiveAreas: ['permanent-farmland'] })).toBe('none');
  });

  it('121 car repair: 5,000 m² at, below and above', () => {
    const f = { solventCoatingTonnesPerYear: 1, hazmatVehicleWash: false };
    expect(category('8111', { ...f, businessAreaM2: 4999 })).toBe('none');
    expect(category('8111', { ...f, businessAreaM2: 5000 })).toBe('report-form');
    expect(category('8111', { ...f, businessAreaM2: 5001 })).toBe('report-form');
    expect(
      category('8111', { ...f, businessAreaM2: 6000, solventCoatingTonnesPerYear: 0, lowVocCoatingTonnesPerYear: 9.9 }),
    ).toBe('none');
  });

  it('97 real estate: only 文物保护单位 from (三), plus residential etc. for 标准厂房', () => {
    expect(category('7010', { standardFactory: false, sensitiveAreas: ['cultural-relic'] })).toBe('report-form');
    expect(category('7010', { standardFactory: false, sensitiveAreas: ['residential'] })).toBe('none');
    expect(category('7010', { standardFactory: true, sensitiveAreas: ['residential'] })).toBe('report-form');
  });
});

describe('the rows shipped last (9 … 131)', () => {
  it('9, 10 metal ore mining: 报告书 unless only crushing/transport or restoration', () => {
    for (const code of ['0810', '0820', '0890', '0911', '0921', '0932']) {
      expect(category(code, { crushingTransportOrRestorationOnly: false })).toBe('report-book');
      expect(category(code, { crushingTransportOrRestorationOnly: true })).toBe('report-form');
      expect(cat(code, {}).missingFacts).toEqual(['crushingTransportOrRestorationOnly']);
    }
    expect(cat('0810', { crushingTransportOrRestorationOnly: false }).row).toBe(9);
    expect(cat('0931', { crushingTransportOrRestorationOnly: false }).row).toBe(10);
  });

  it('19 aquatic products: fish oil; 100,000 t at, below and above; sensitive (一)(二) only', () => {
    const f = { sensitiveAreas: [] as SensitiveAreaKind[] };
    expect(category('1363', { ...f, annualProcessingTonnes: 1 })).toBe('report-form');
    expect(category('1361', { ...f, annualProcessingTonnes: 99_999 })).toBe('none');
    expect(category('1361', { ...f, annualProcessingTonnes: 100_000 })).toBe('report-form');
    expect(category('1361', { ...f, annualProcessingTonnes: 100_001 })).toBe('report-form');
    expect(category('1369', { annualProcessingTonnes: 10, sensitiveAreas: ['permanent-farmland'] })).toBe(
      'report-form',
    );
    expect(category('1369', { annualProcessingTonnes: 10, sensitiveAreas: ['residential'] })).toBe('none');
    const q = cat('1361', { annualProcessingTonnes: 10 }).questions.find((x) => x.key === 'sensitiveAreas')!;
    expect(q.options!.map((o) => o.value)).not.toContain('residential');
  });

  it('21, 22, 24, 26 food and drink: "*" rows, packaging and mixing, fermentation, raw juice', () => {
    expect(category('1421', { industrialBuilding: false })).toBe('none');
    expect(category('1431', { ...IB, packagingOnly: false })).toBe('report-form');
    expect(category('1451', { ...IB, packagingOnly: true })).toBe('none');
    expect(category('1441', { ...IB, simpleMixingOrPackaging: false })).toBe('report-form');
    expect(category('1442', { ...IB, simpleMixingOrPackaging: true })).toBe('none');
    expect(category('1495', { ...IB, fermentation: true })).toBe('report-book');
    expect(category('1495', { ...IB, fermentation: false, simpleMixingOrPackaging: false })).toBe('report-form');
    expect(category('1494', { ...IB, simpleMixingOrPackaging: false })).toBe('report-form');
    expect(category('1494', { ...IB, simpleMixingOrPackaging: true })).toBe('none');
    expect(cat('1494', IB).missingFacts).toEqual(['simpleMixingOrPackaging']);
    expect(category('1523', { ...IB, fermentation: false, rawJuiceProduction: true })).toBe('report-form');
    expect(category('1529', { ...IB, fermentation: true })).toBe('report-form');
    expect(category('1522', { ...IB, fermentation: false, rawJuiceProduction: false })).toBe('none');
  });

  it('37 pulp and paper: all but hand-made and converted paper is 报告书', () => {
    expect(category('2211', IB)).toBe('report-book');
    expect(category('2221', IB)).toBe('report-book');
    expect(category('2222', IB)).toBe('report-form');
    expect(category('2223', { ...IB, coatingImpregnationPrintingGluing: true })).toBe('report-form');
    expect(category('2223', { ...IB, coatingImpregnationPrintingGluing: false })).toBe('none');
    expect(category('2221', { industrialBuilding: false })).toBe('none');
  });

  it('86 machinery repair: plating; solvent coating 10 t at, below and above; low-VOC 10 t', () => {
    const base = { electroplating: false, lowVocCoatingTonnesPerYear: 0 };
    expect(category('4320', { ...base, electroplating: true })).toBe('report-book');
    expect(category('4320', { ...base, solventCoatingTonnesPerYear: 10 })).toBe('report-book');
    expect(category('4320', { ...base, solventCoatingTonnesPerYear: 10.1 })).toBe('report-book');
    expect(category('4320', { ...base, solventCoatingTonnesPerYear: 9.9 })).toBe('report-form');
    expect(category('4390', { ...base, solventCoatingTonnesPerYear: 0, lowVocCoatingTonnesPerYear: 10 })).toBe(
      'report-form',
    );
    expect(category('4390', { ...base, solventCoatingTonnesPerYear: 0, lowVocCoatingTonnesPerYear: 9.9 })).toBe('none');
  });

  it('89 biomass power: waste and sludge 报告书, co-firing not; farm and forest biomass, biogas 报告表', () => {
    expect(category('4417', { biomassPowerFuel: 'household-waste' })).toBe('report-book');
    expect(category('4417', { biomassPowerFuel: 'sludge' })).toBe('report-book');
    expect(category('4417', { biomassPowerFuel: 'co-firing' })).toBe('none');
    for (const f of ['agri-forestry', 'biogas', 'landfill-gas'] as const)
      expect(category('4417', { biomassPowerFuel: f })).toBe('report-form');
    const q = cat('4417', {}).questions[0]!;
    expect(q.kind).toBe('enum');
    expect(q.options!.map((o) => o.label)).toContain('农林生物质发电');
  });

  it('95 sewage: 100,000 t/d and 500 t/d at, below and above; industrial; exclusions', () => {
    const urban = { sewageWorks: 'urban', upgradeOnly: false } as const;
    expect(category('4620', { ...urban, sewageTonnesPerDay: 100_000 })).toBe('report-book');
    expect(category('4620', { ...urban, sewageTonnesPerDay: 100_001 })).toBe('report-book');
    expect(category('4620', { ...urban, sewageTonnesPerDay: 99_999 })).toBe('report-form');
    expect(category('4620', { ...urban, sewageTonnesPerDay: 500 })).toBe('report-form');
    expect(category('4620', { ...urban, sewageTonnesPerDay: 499 })).toBe('registration-form');
    expect(category('4620', { ...urban, sewageTonnesPerDay: 200_000 }, 'alteration')).toBe('registration-form');
    expect(category('4620', { ...urban, upgradeOnly: true }, 'alteration')).toBe('none');
    expect(category('4620', { sewageWorks: 'industrial-central' })).toBe('report-book');
    expect(category('4620', { sewageWorks: 'industrial-other', indirectDischargeNoHeavyMetals: false })).toBe(
      'report-form',
    );
    expect(
      category('4620', { sewageWorks: 'industrial-other', indirectDischargeNoHeavyMetals: true, upgradeOnly: false }),
    ).toBe('registration-form');
    expect(category('4620', { sewageWorks: 'domestic-own', upgradeOnly: false })).toBe('registration-form');
    expect(category('4620', { sewageWorks: 'septic' })).toBe('none');
    expect(category('4620', { sewageWorks: 'sedimentation-only' })).toBe('none');
  });

  it('98 laboratories: P3/P4 and transgenic 报告书; others only with lab waste', () => {
    expect(category('7340', { labKind: 'biosafety-p3-p4' })).toBe('report-book');
    expect(category('7310', { labKind: 'transgenic' })).toBe('report-book');
    expect(category('7320', { labKind: 'other', labWaste: true })).toBe('report-form');
    expect(category('7330', { labKind: 'other', labWaste: false })).toBe('none');
  });

  it('101, 102, 103 wastes: hazardous, medical and animal, general industrial', () => {
    const hw = { wasteKind: 'hazardous' } as const;
    expect(category('7724', { ...hw, inHouseRecycling: false, collectionStorageOnly: false })).toBe('report-book');
    expect(cat('7724', { ...hw, inHouseRecycling: false, collectionStorageOnly: false }).row).toBe(101);
    expect(category('7724', { ...hw, inHouseRecycling: true })).toBe('report-form');
    expect(category('7724', { ...hw, inHouseRecycling: false, collectionStorageOnly: true })).toBe('report-form');
    expect(category('7724', { wasteKind: 'medical', collectionStorageOnly: false })).toBe('report-book');
    expect(cat('7724', { wasteKind: 'medical', collectionStorageOnly: false }).row).toBe(102);
    expect(category('7724', { wasteKind: 'medical', collectionStorageOnly: true })).toBe('report-form');
    expect(category('7724', { wasteKind: 'dead-animals' })).toBe('report-form');
    expect(cat('7724', {}).missingFacts).toEqual(['wasteKind']);
    expect(category('7723', { solidWasteWorks: 'industrial-landfill-incineration' })).toBe('report-book');
    expect(category('7723', { solidWasteWorks: 'cement-kiln-retrofit' })).toBe('report-form');
    expect(category('7723', { solidWasteWorks: 'other' })).toBe('report-form');
  });

  it('105, 106, 107 sanitation: 150 t/d, 50/10/1 t/d and 50 t/d at, below and above', () => {
    const ts = { sanitationWorks: 'transfer-station' } as const;
    expect(category('7820', { ...ts, transferTonnesPerDay: 150 })).toBe('report-form');
    expect(category('7820', { ...ts, transferTonnesPerDay: 151 })).toBe('report-form');
    expect(category('7820', { ...ts, transferTonnesPerDay: 149 })).toBe('none');
    const d = { sanitationWorks: 'disposal', disposalMethod: 'other' } as const;
    expect(category('7820', { sanitationWorks: 'disposal', disposalMethod: 'landfill' })).toBe('report-book');
    expect(category('7820', { ...d, disposalTonnesPerDay: 50 })).toBe('report-book');
    expect(category('7820', { ...d, disposalTonnesPerDay: 49 })).toBe('report-form');
    expect(category('7820', { ...d, disposalTonnesPerDay: 10 })).toBe('report-form');
    expect(category('7820', { ...d, disposalTonnesPerDay: 9.9 })).toBe('registration-form');
    expect(category('7820', { ...d, disposalTonnesPerDay: 1 })).toBe('registration-form');
    expect(category('7820', { ...d, disposalTonnesPerDay: 0.5 })).toBe('none');
    expect(cat('7820', { ...d, disposalTonnesPerDay: 60 }).row).toBe(106);
    const f = { sanitationWorks: 'faeces' } as const;
    expect(category('7820', { ...f, faecesTonnesPerDay: 50 })).toBe('report-form');
    expect(category('7820', { ...f, faecesTonnesPerDay: 51 })).toBe('report-form');
    expect(category('7820', { ...f, faecesTonnesPerDay: 49 })).toBe('none');
    expect(category('7820', { sanitationWorks: 'other' })).toBe('none');
  });

  it('111 markets: 5,000 m² at, below and above, only in a counted sensitive area', () => {
    const s = { sensitiveAreas: ['permanent-farmland'] as SensitiveAreaKind[] };
    expect(category('7223', { ...s, floorAreaM2: 5000 })).toBe('report-form');
    expect(category('7223', { ...s, floorAreaM2: 5001 })).toBe('report-form');
    expect(category('7223', { ...s, floorAreaM2: 4999 })).toBe('none');
    expect(category('7223', { floorAreaM2: 8000, sensitiveAreas: ['residential'] })).toBe('none');
  });

  it('120 car wash: only a hazardous-goods vehicle wash; a repair shop answers both rows', () => {
    expect(category('8111', { hazmatVehicleWash: true, businessAreaM2: 100 })).toBe('report-form');
    expect(cat('8111', { hazmatVehicleWash: true, businessAreaM2: 100 }).row).toBe(120);
    expect(category('8111', { hazmatVehicleWash: false, businessAreaM2: 100 })).toBe('none');
  });

  it('130 graded roads: 30 km (不含) at, below and above; sensitive areas; grades 3–4; exclusions', () => {
    const r = { roadWorks: 'road', roadGrade: 'class-2', sensitiveAreas: [] as SensitiveAreaKind[] } as const;
    expect(category('4812', { ...r, roadLengthKm: 30 })).toBe('report-form');
    expect(category('4812', { ...r, roadLengthKm: 30.1 })).toBe('report-book');
    expect(category('4812', { ...r, roadLengthKm: 29 })).toBe('report-form');
    expect(category('4812', { ...r, roadLengthKm: 5, sensitiveAreas: ['residential'] })).toBe('report-book');
    expect(category('4812', { ...r, roadLengthKm: 50 }, 'expansion')).toBe('report-form');
    expect(category('4812', { ...r, roadGrade: 'class-3' })).toBe('registration-form');
    expect(category('4812', { ...r, roadGrade: 'class-4', sensitiveAreas: ['permanent-farmland'] })).toBe(
      'report-form',
    );
    expect(category('4812', { ...r, roadGrade: 'class-4' }, 'expansion')).toBe('none');
    expect(category('4812', { roadWorks: 'ancillary', roadGrade: 'class-1' })).toBe('registration-form');
    expect(category('4812', { roadWorks: 'maintenance' })).toBe('none');
    expect(category('4812', { roadWorks: 'emergency' })).toBe('none');
  });

  it('131 urban roads: new arterials and bridges 报告表; other roads 登记表; branch roads outside', () => {
    expect(category('4813', { urbanRoadWorks: 'expressway-arterial' })).toBe('report-form');
    expect(category('4813', { urbanRoadWorks: 'expressway-arterial' }, 'expansion')).toBe('registration-form');
    expect(category('4813', { urbanRoadWorks: 'bridge-tunnel' }, 'alteration')).toBe('report-form');
    expect(category('4813', { urbanRoadWorks: 'secondary' })).toBe('registration-form');
    for (const w of ['branch', 'pedestrian', 'maintenance'] as const)
      expect(category('4813', { urbanRoadWorks: w })).toBe('none');
  });
});

describe('compound projects and projects outside the catalogue', () => {
  it('takes the highest class over all rows (第四条)', () => {
    const plant = { chemicalReaction: false, productionWastewater: false, vocEmissions: false };
    const a = cat('2672', { ...plant, ancillaryWorks: ['hazardous-storage'], storageType: 'other' });
    expect(a.category).toBe('report-form');
    expect(a.row).toBe(149);
    expect(a.basis).not.toContain('第四条'); // row 44 gave nothing, so it is not a compound answer
    const b = cat('2672', {
      ...plant,
      vocEmissions: true,
      ancillaryWorks: ['boiler'],
      coalOilBoilerTonnesPerHour: 70,
    });
    expect(b.category).toBe('report-book');
    expect(b.row).toBe(91);
    expect(b.basis).toContain('第四条');
  });

  it('does not ask about a row that cannot rise above what is already decided', () => {
    // the plant is 报告书 already; the warehouse row could only give 报告书 too, which changes nothing
    const a = cat('2672', { chemicalReaction: true, ancillaryWorks: ['hazardous-storage', 'air-pollution-control'] });
    expect(a.category).toBe('report-book');
    expect(a.missingFacts).toEqual([]);
  });

  it('answers 不纳入环评管理 citing 第五条 for an industry in no row', () => {
    for (const code of ['6210', '5920', '1530', '1411', '0141']) {
      const a = cat(code, {});
      expect(a.category).toBe('none');
      expect(a.categoryLabel).toBe('不纳入环评管理');
      expect(a.row).toBeNull();
      expect(a.basis).toContain('第五条');
      expect(a.quote).toBe('本名录未作规定的建设项目，不纳入建设项目环境影响评价管理。');
    }
  });

  it('cites row, column, the whole cell and the clause, with the catalogue version', () => {
    const a = cat('3074', { industrialBuilding: true, highPollutionFuel: false, annualOutputPieces: 3_000_000 });
    expect(a).toMatchObject({
      catalogueVersion: 'ML2021',
      category: 'report-form',
      categoryLabel: '报告表',
      row: 59,
      column: 'report-form',
      columnLabel: '报告表',
      clause: '不使用高污染燃料的年产250万件及以上的日用陶瓷制品制造',
    });
    expect(a.quote).toContain('不使用高污染燃料的建筑陶瓷制品制造');
    // EIA and permit can disagree: 报告表, yet PW2019 item 68 重点管理
    expect(a.permitClass).toBe('key');
    expect(a.permit?.item).toBe(68);
  });
});

describe('discharge-permit class (PW2019)', () => {
  it('reads it where the facts decide it and leaves it out otherwise', () => {
    expect(cat('5949', { storageType: 'other' }).permitClass).toBe('registration');
    expect(cat('3021', {}).permitClass).toBe('registration');
    expect(cat('3011', { cementGrindingOnly: false }).permitClass).toBe('key');
    const farm = { scaleFarm: true, pigEquivalentSoldPerYear: 6000 };
    expect(cat('0313', { ...farm, wastewaterOutlet: true }).permitClass).toBe('key');
    expect(cat('0313', { ...farm, wastewaterOutlet: false }).permitClass).toBe('registration');
    expect(cat('0313', farm).permitClass).toBeUndefined();
    // fireworks depend on general processes the wizard does not ask: no guess
    expect(cat('2672', { chemicalReaction: true }).permitClass).toBeUndefined();
    // whole-unit thresholds are not read from the added scale of an expansion
    expect(
      cat('3074', { industrialBuilding: true, highPollutionFuel: false, annualOutputPieces: 3_000_000 }, 'expansion')
        .permitClass,
    ).toBeUndefined();
    expect(
      cat('3072', { industrialBuilding: true, highPollutionFuel: false, annualOutputPieces: 1_499_999 }).permitClass,
    ).toBe('registration');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random projects

const THRESHOLDS = [
  0, 0.5, 1, 1.1, 9.9, 10, 10.1, 19, 20, 21, 29, 30, 30.1, 49, 50, 65, 65.1, 149, 150, 499, 500, 2499, 2500, 4999, 5000,
  9_999, 10_000, 19_999, 20_000, 99_999, 100_000, 150_000, 200_000, 1_500_000, 2_500_000, 10_000_000,
];
const arbNumber = fc.oneof(fc.constantFrom(...THRESHOLDS), fc.integer({ min: 0, max: 20_000_000 }));
const shape = eiaFactsSchema.shape;
const KINDS = Object.keys(SENSITIVE_AREA_KINDS) as SensitiveAreaKind[];
const arbFull = fc.record({
  ...(Object.fromEntries(
    (Object.keys(shape) as (keyof typeof shape)[])
      .filter((k) => !['sensitiveAreas', 'ancillaryWorks', 'otherIndustryCodes'].includes(k))
      .map((k) => {
        const inner = shape[k].unwrap();
        if (inner instanceof z.ZodEnum) return [k, fc.constantFrom(...(inner.options as string[]))];
        return [k, inner.def.type === 'boolean' ? fc.boolean() : arbNumber];
      }),
  ) as Record<string, fc.Arbitrary<unknown>>),
  sensitiveAreas: fc.uniqueArray(fc.constantFrom(...KINDS), { maxLength: 4 }),
  ancillaryWorks: fc.uniqueArray(fc.constantFrom('boiler', 'hazardous-storage', 'air-pollution-control'), {
    maxLength: 3,
  }),
}) as fc.Arbitrary<EiaFacts>;
// classes under the shipped rows, and classes under no row
const SAMPLE_CODES = [
  '2672',
  '5949',
  '5941',
  '3011',
  '3021',
  '3031',
  '3051',
  '3071',
  '3072',
  '3073',
  '3074',
  '3089',
  '0610',
  '1011',
  '1091',
  '1200',
  '0313',
  '0321',
  '1351',
  '1352',
  '1353',
  '1311',
  '1331',
  '1391',
  '1392',
  '1461',
  '1462',
  '1469',
  '1512',
  '2621',
  '3311',
  '3360',
  '3391',
  '3431',
  '3572',
  '2231',
  '2319',
  '2921',
  '8411',
  '8431',
  '8321',
  '5265',
  '5266',
  '8111',
  '7010',
  '4430',
  '7722',
  '0810',
  '0921',
  '1361',
  '1363',
  '1421',
  '1441',
  '1495',
  '1523',
  '2211',
  '2222',
  '2223',
  '4320',
  '4417',
  '4620',
  '7310',
  '7724',
  '7723',
  '7820',
  '7223',
  '4812',
  '4813',
];
const arbCode = fc.oneof(
  fc.constantFrom(...SAMPLE_CODES),
  fc.constantFrom('6210', '5920', '1530', '1411', '0141', '8710'),
);
const arbType = fc.constantFrom<ConstructionType>('new', 'expansion', 'alteration', 'relocation');
const RANK: Record<EiaCategory, number> = { none: 0, 'registration-form': 1, 'report-form': 2, 'report-book': 3 };

describe('properties', () => {
  it('with every fact given, the answer is always decided and cites a row column or 第五条', () => {
    fc.assert(
      fc.property(arbCode, arbType, arbFull, (code, t, facts) => {
        const a = cat(code, facts, t);
        expect(a.missingFacts).toEqual([]);
        expect(a.category).not.toBeNull();
        if (a.category === 'none') expect(a.quote).toContain('不纳入建设项目环境影响评价管理');
        else expect(a.quote).toBe(ML2021_ROWS.find((r) => r.row === a.row)!.columns[a.column!]);
      }),
      { numRuns: 400 },
    );
  });

  it('never guesses: an answer given on part of the facts is the answer on all of them', () => {
    fc.assert(
      fc.property(arbCode, arbType, arbFull, fc.func(fc.boolean()), (code, t, full, keep) => {
        // ancillary works define what the project is, so the wizard takes them first; the rest may be missing
        const partial = {
          ...Object.fromEntries(Object.entries(full).filter(([k]) => keep(k))),
          ancillaryWorks: full.ancillaryWorks,
        } as EiaFacts;
        const a = cat(code, partial, t);
        if (a.category !== null) expect(cat(code, full, t).category).toBe(a.category);
        else expect(a.missingFacts.length).toBeGreaterThan(0);
        // only facts not yet given are asked
        for (const k of a.missingFacts) expect(partial[k]).toBeUndefined();
      }),
      { numRuns: 600 },
    );
  });

  it('answering the questions one round at a time always ends in a decision', () => {
    fc.assert(
      fc.property(arbCode, arbType, arbFull, (code, t, full) => {
        let facts: EiaFacts = {};
        for (let round = 0; round < 20; round++) {
          const a = cat(code, facts, t);
          if (a.category !== null) return;
          facts = { ...facts, ...Object.fromEntries(a.missingFacts.map((k) => [k, full[k]])) };
        }
        throw new Error('no decision after 20 rounds');
      }),
      { numRuns: 300 },
    );
  });

  it('a compound project is the highest of its parts (第四条)', () => {
    fc.assert(
      fc.property(arbCode, arbCode, arbFull, (a, b, facts) => {
        const f = { ...facts, ancillaryWorks: [] };
        const alone = [category(a, f), category(b, f)].map((c) => RANK[c!]);
        const both = category(a, { ...f, otherIndustryCodes: [b] });
        expect(RANK[both!]).toBe(Math.max(...alone));
      }),
      { numRuns: 300 },
    );
  });

  it("sensitive areas outside a row's own list never change that row's answer", () => {
    fc.assert(
      fc.property(arbCode, arbType, arbFull, (code, t, full) => {
        const base = { ...full, sensitiveAreas: [], ancillaryWorks: [], otherIndustryCodes: [] };
        const a = cat(code, base, t);
        // permanent farmland is counted only by rows 19, 97, 110, 111 and 130; other rows ignore it
        const b = cat(code, { ...base, sensitiveAreas: ['permanent-farmland'] }, t);
        const counting = [19, 97, 110, 111, 130];
        if (![...counting, 119].includes(a.row ?? 0) && !rowsForIndustry(code).some((r) => counting.includes(r.row)))
          expect(b.category).toBe(a.category);
      }),
      { numRuns: 300 },
    );
  });

  it('draws codes from every shipped row', () => {
    const drawn = new Set(SAMPLE_CODES.flatMap((c) => rowsForIndustry(c).map((r) => r.row)));
    for (const r of ML2021_ROWS) expect(drawn.has(r.row), `row ${r.row}`).toBe(true);
  });
});

describe('docs/eia-classification.md', () => {
  it('lists every fact key and every shipped row', async () => {
    const fs = await import('node:fs');
    const text = fs.readFileSync(new URL('../../../docs/eia-classification.md', import.meta.url), 'utf8');
    for (const key of Object.keys(eiaFactsSchema.shape)) expect(text.includes(`\`${key}\``), key).toBe(true);
    // the formatter pads table cells, so the row is found as "| 44 … | 基础化学原料制造261；…"
    const flat = text.replace(/ +/g, ' ');
    for (const r of ML2021_ROWS) expect(flat.includes(`| ${r.row} | ${r.title}`), `row ${r.row}`).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The wizard's English face

const HAN = /[\u3400-\u9fff\uff08\uff09\u3001\uff1b\uff1a\u201c\u201d]/;

describe('the questions in English', () => {
  const everyKind = Object.keys(SENSITIVE_AREA_KINDS) as SensitiveAreaKind[];

  it('has an English text for every fact and every option, in no Chinese', () => {
    for (const key of Object.keys(eiaFactsSchema.shape) as (keyof typeof eiaFactsSchema.shape)[]) {
      const zh = questionFor(key, everyKind);
      const en = questionIn(zh, 'en');
      expect(en.label, key).not.toBe(zh.label);
      expect(en.label, key).not.toMatch(HAN);
      expect(en.options?.length, key).toBe(zh.options?.length);
      for (const o of en.options ?? []) {
        expect(o.label, `${key}: ${o.value}`).not.toMatch(HAN);
        expect(o.label, `${key}: ${o.value}`).toMatch(/^[A-Z0-9]/);
      }
      // every value the schema takes is offered, so none can go without its English
      const inner = eiaFactsSchema.shape[key].unwrap();
      if (inner instanceof z.ZodEnum && key !== 'sensitiveAreas')
        expect(zh.options?.map((o) => o.value).sort(), key).toEqual([...(inner.options as string[])].sort());
    }
  });

  it('keeps the Chinese as sent, and a fact it does not know as sent', () => {
    const zh = questionFor('electroplating');
    expect(questionIn(zh, 'zh')).toBe(zh);
    expect(questionIn({ key: 'newFact', kind: 'boolean', label: '新的事实' }, 'en').label).toBe('新的事实');
  });

  it('asks a real round in English: the quarry asks the areas its row counts', () => {
    const r = cat('1011', { riverSandDredging: false, crushingTransportOrRestorationOnly: false });
    expect(r.questions.some((q) => q.key === 'sensitiveAreas')).toBe(true);
    expect(r.questions.length).toBeGreaterThan(0);
    for (const q of r.questions.map((x) => questionIn(x, 'en'))) {
      expect(q.label).not.toMatch(HAN);
      for (const o of q.options ?? []) expect(o.label).not.toMatch(HAN);
    }
  });

  it('gives every note and the basis in English', () => {
    for (const t of ['new', 'expansion', 'alteration', 'relocation'] as const)
      for (const n of cat('2672', { ...IB }, t).notes) expect(classificationNoteIn(n, 'en')).not.toMatch(HAN);
    expect(classificationNoteIn(EIA_CLASSIFICATION_NOTES.scale.zh, 'zh')).toBe(EIA_CLASSIFICATION_NOTES.scale.zh);
    const decided = cat('2672', { chemicalReaction: true });
    expect(decided.category).not.toBeNull();
    expect(classificationBasisEn(decided)).toMatch(
      new RegExp(`^EIA classification catalogue \\(2021 edition\\), row ${decided.row}, “[a-z ]+” column`),
    );
    expect(classificationBasisEn({ category: 'none', row: null, column: null, matchedRows: [] })).toContain('art. 5');
    expect(permitBasisEn(102, 'registration')).toContain('item 102, “registration” column');
    // evidence kept on a case has the Chinese basis, not the rows: a compound answer still says so
    const compound = cat('2672', { chemicalReaction: true, ancillaryWorks: ['boiler'], coalOilBoilerTonnesPerHour: 1 });
    expect(classificationBasisEn(compound)).toContain('takes the highest (art. 4)');
    expect(classificationBasisEn({ ...compound, matchedRows: undefined })).toBe(classificationBasisEn(compound));
    expect(catalogueRowEn({ row: 44, rowTitle: '焰火', column: 'report-form', quote: '全部' })).toBe(
      'Row 44 焰火 · report form column: “全部”',
    );
  });
});
