/**
 * A small hand-written list in the shape of real entries (names modelled on published
 * Entity List / SDN / DPL records), for matching regression tests that need no shared data.
 */
import type { ListEntry } from '../../src/core/screening/types.ts';

const entry = (e: Partial<ListEntry> & Pick<ListEntry, 'list' | 'sourceId' | 'name'>): ListEntry => ({
  aliases: [],
  type: 'entity',
  countries: [],
  addresses: [],
  programs: [],
  ...e,
});

export const FIXTURE_LIST: readonly ListEntry[] = [
  entry({ list: 'bis-entity', sourceId: 'EL-1', name: 'Huawei Technologies Co., Ltd.', aliases: ['Huawei', 'Huawei Technology Company Limited'], countries: ['CN'], licenseRequirement: 'For all items subject to the EAR', licensePolicy: 'Presumption of denial' }),
  entry({ list: 'ofac-sdn', sourceId: '15268', name: 'GAZPROMBANK JOINT STOCK COMPANY', aliases: ['GAZPROMBANK OAO', 'GAZPROMBANK JSC'], countries: ['RU'] }),
  entry({ list: 'bis-entity', sourceId: 'EL-2', name: 'Almaz-Antey', aliases: ['Almaz-Antey Air and Space Defense Corporation, JSC'], countries: ['RU'] }),
  entry({ list: 'ofac-sdn', sourceId: '11420', name: '11420 CORP.', countries: ['PA'] }),
  entry({ list: 'ofac-sdn', sourceId: '20001', name: 'EMMA LLC', countries: ['RU'] }),
  entry({ list: 'ofac-sdn', sourceId: '20002', name: 'AL-BARAKAT INTERNATIONAL', aliases: ['THE GROUP'], countries: ['SO'] }),
  entry({ list: 'ofac-sdn', sourceId: '20003', name: 'JSC ARGUMENT', countries: ['RU'] }),
  entry({ list: 'ofac-sdn', sourceId: '20004', name: 'KIM, Jong Un', type: 'individual', countries: ['KP'] }),
  entry({ list: 'ofac-sdn', sourceId: '20005', name: 'KIM, Yong Ju', type: 'individual', countries: ['KP'] }),
  entry({ list: 'ofac-sdn', sourceId: '20006', name: 'BUSH, George Walker', type: 'individual', countries: ['US'] }),
  entry({ list: 'ofac-sdn', sourceId: '20007', name: 'ABDALLAH, Qazi', type: 'individual', countries: ['PK'] }),
  entry({ list: 'bis-denied', sourceId: 'DPL-1', name: 'Nordic Sensor Trading AB', countries: ['SE'] }),
  entry({ list: 'bis-entity', sourceId: 'EL-3', name: 'Shenzhen Hongda Electronics Co., Ltd.', aliases: ['Hongda Electronics (HK) Limited'], countries: ['CN', 'HK'] }),
  entry({ list: 'bis-meu', sourceId: 'MEU-1', name: 'Joint Stock Company Scientific Research Institute Vector', aliases: ['AO NII Vektor'], countries: ['RU'] }),
];
