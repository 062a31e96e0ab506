import { describe, expect, it } from 'vitest';
import { countryCode, isCountryCode } from './countries.ts';
import { listCodeForCslSource, listCodeForOfacConsolidated } from './list-codes.ts';

describe('CSL source names', () => {
  it.each([
    ['Entity List (EL) - Bureau of Industry and Security', 'bis-entity'],
    ['Denied Persons List (DPL) - Bureau of Industry and Security', 'bis-denied'],
    ['Unverified List (UVL) - Bureau of Industry and Security', 'bis-unverified'],
    ['Military End User (MEU) List - Bureau of Industry and Security', 'bis-meu'],
    ['Specially Designated Nationals (SDN) - Treasury Department', 'ofac-sdn'],
    ['Sectoral Sanctions Identifications List (SSI) - Treasury Department', 'ofac-ssi'],
    ['Foreign Sanctions Evaders (FSE) - Treasury Department', 'ofac-fse'],
    ['Palestinian Legislative Council List (PLC) - Treasury Department', 'ofac-plc'],
    ['Capta List (CAP) - Treasury Department', 'ofac-cap'],
    ['Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department', 'ofac-nsmbs'],
    ['Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department', 'ofac-cmic'],
    ['Nonproliferation Sanctions (ISN) - State Department', 'state-isn'],
    ['ITAR Debarred (DTC) - State Department', 'state-dtc'],
    ['Entity List', 'bis-entity'],
  ])('%s → %s', (source, code) => {
    expect(listCodeForCslSource(source)).toBe(code);
  });
  it('does not guess an unknown list', () => {
    expect(listCodeForCslSource('Some New List (SNL) - Elsewhere')).toBeUndefined();
  });
});

describe('OFAC consolidated program tags', () => {
  it.each([
    [['NS-PLC'], 'ofac-plc'],
    [['SDGT', 'NS-PLC'], 'ofac-plc'],
    [['CMIC-EO13959'], 'ofac-cmic'],
    [['561-Related'], 'ofac-cap'],
    [['UKRAINE-EO13662', 'RUSSIA-EO14024'], 'ofac-ssi'],
    [['RUSSIA-EO14024'], 'ofac-nsmbs'],
    [['HKAA'], 'ofac-nsmbs'],
    [['FSE-SY'], 'ofac-fse'],
    [['SOMETHING-NEW'], 'ofac-nonsdn'],
  ] as const)('%j → %s', (programs, code) => {
    expect(listCodeForOfacConsolidated(programs)).toBe(code);
  });
});

describe('country names', () => {
  it.each([
    ['Korea, North', 'KP'],
    ['Burma', 'MM'],
    ['Region: Crimea', 'UA'],
    ['Congo, Democratic Republic of the', 'CD'],
    ['Cote d Ivoire', 'CI'],
    ['United Arab Emirates', 'AE'],
    ['Hong Kong', 'HK'],
    ['Türkiye', 'TR'],
    ['CN', 'CN'],
  ])('%s → %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });
  it('leaves unknown names and nulls alone', () => {
    expect(countryCode('-0-')).toBeUndefined();
    expect(countryCode('undetermined')).toBeUndefined();
    expect(isCountryCode('ZZ')).toBe(false);
    expect(isCountryCode('XK')).toBe(true);
  });
});
