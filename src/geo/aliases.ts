/**
 * Names the news uses that the packaged GeoNames data lacks, each with where it comes from.
 * Kept small on purpose: the gazetteer is GeoNames; this only patches gaps found while developing.
 */

export type AliasTarget =
  { kind: 'country'; country: string } | { kind: 'admin1'; country: string; name: string } | { kind: 'city'; geonameId: number };

export interface Alias {
  alias: string;
  target: AliasTarget;
  source: string;
}

const AP = 'AP Stylebook state abbreviations (the forms US wire copy uses)';
const CA_POST = 'Canada Post / Canadian Press province abbreviations';
const AU_POST = 'Australia Post state abbreviations';

/** US states by AP abbreviation (postal codes are matched only with their dots or a comma before them). */
const US_AP: [string, string][] = [
  ['Ala.', 'Alabama'],
  ['Ariz.', 'Arizona'],
  ['Ark.', 'Arkansas'],
  ['Calif.', 'California'],
  ['Colo.', 'Colorado'],
  ['Conn.', 'Connecticut'],
  ['Del.', 'Delaware'],
  ['Fla.', 'Florida'],
  ['Ga.', 'Georgia'],
  ['Ill.', 'Illinois'],
  ['Ind.', 'Indiana'],
  ['Kan.', 'Kansas'],
  ['Ky.', 'Kentucky'],
  ['La.', 'Louisiana'],
  ['Md.', 'Maryland'],
  ['Mass.', 'Massachusetts'],
  ['Mich.', 'Michigan'],
  ['Minn.', 'Minnesota'],
  ['Miss.', 'Mississippi'],
  ['Mo.', 'Missouri'],
  ['Mont.', 'Montana'],
  ['Neb.', 'Nebraska'],
  ['Nev.', 'Nevada'],
  ['N.H.', 'New Hampshire'],
  ['N.J.', 'New Jersey'],
  ['N.M.', 'New Mexico'],
  ['N.Y.', 'New York'],
  ['N.C.', 'North Carolina'],
  ['N.D.', 'North Dakota'],
  ['Okla.', 'Oklahoma'],
  ['Ore.', 'Oregon'],
  ['Pa.', 'Pennsylvania'],
  ['R.I.', 'Rhode Island'],
  ['S.C.', 'South Carolina'],
  ['S.D.', 'South Dakota'],
  ['Tenn.', 'Tennessee'],
  ['Vt.', 'Vermont'],
  ['Va.', 'Virginia'],
  ['Wash.', 'Washington'],
  ['W.Va.', 'West Virginia'],
  ['Wis.', 'Wisconsin'],
  ['Wyo.', 'Wyoming'],
];

const CA_ABBR: [string, string][] = [
  ['B.C.', 'British Columbia'],
  ['Alta.', 'Alberta'],
  ['Sask.', 'Saskatchewan'],
  ['Man.', 'Manitoba'],
  ['Ont.', 'Ontario'],
  ['Que.', 'Quebec'],
  ['N.S.', 'Nova Scotia'],
  ['N.B.', 'New Brunswick'],
  ['P.E.I.', 'Prince Edward Island'],
  ['Nfld.', 'Newfoundland and Labrador'],
];

const AU_ABBR: [string, string][] = [
  ['NSW', 'New South Wales'],
  ['Qld', 'Queensland'],
  ['Vic.', 'Victoria'],
  ['Tas.', 'Tasmania'],
];

/**
 * Two-letter postal codes of US states (USPS) and Canadian provinces (Canada Post), as datelines and
 * press releases write them after a town (`LOUISVILLE, KY`, `London, ON`). Too short to be names on
 * their own (`IN`, `ON`, `OR` are words): recognition reads them only after a town and a comma.
 */
export const POSTAL_CODES: ReadonlyMap<string, { country: string; name: string }> = new Map([
  ...(
    [
      ['AL', 'Alabama'],
      ['AK', 'Alaska'],
      ['AZ', 'Arizona'],
      ['AR', 'Arkansas'],
      ['CA', 'California'],
      ['CO', 'Colorado'],
      ['CT', 'Connecticut'],
      ['DE', 'Delaware'],
      ['DC', 'District of Columbia'],
      ['FL', 'Florida'],
      ['GA', 'Georgia'],
      ['HI', 'Hawaii'],
      ['ID', 'Idaho'],
      ['IL', 'Illinois'],
      ['IN', 'Indiana'],
      ['IA', 'Iowa'],
      ['KS', 'Kansas'],
      ['KY', 'Kentucky'],
      ['LA', 'Louisiana'],
      ['ME', 'Maine'],
      ['MD', 'Maryland'],
      ['MA', 'Massachusetts'],
      ['MI', 'Michigan'],
      ['MN', 'Minnesota'],
      ['MS', 'Mississippi'],
      ['MO', 'Missouri'],
      ['MT', 'Montana'],
      ['NE', 'Nebraska'],
      ['NV', 'Nevada'],
      ['NH', 'New Hampshire'],
      ['NJ', 'New Jersey'],
      ['NM', 'New Mexico'],
      ['NY', 'New York'],
      ['NC', 'North Carolina'],
      ['ND', 'North Dakota'],
      ['OH', 'Ohio'],
      ['OK', 'Oklahoma'],
      ['OR', 'Oregon'],
      ['PA', 'Pennsylvania'],
      ['RI', 'Rhode Island'],
      ['SC', 'South Carolina'],
      ['SD', 'South Dakota'],
      ['TN', 'Tennessee'],
      ['TX', 'Texas'],
      ['UT', 'Utah'],
      ['VT', 'Vermont'],
      ['VA', 'Virginia'],
      ['WA', 'Washington'],
      ['WV', 'West Virginia'],
      ['WI', 'Wisconsin'],
      ['WY', 'Wyoming'],
    ] as const
  ).map(([code, name]): [string, { country: string; name: string }] => [code, { country: 'US', name }]),
  ...(
    [
      ['AB', 'Alberta'],
      ['BC', 'British Columbia'],
      ['MB', 'Manitoba'],
      ['NB', 'New Brunswick'],
      ['NL', 'Newfoundland and Labrador'],
      ['NS', 'Nova Scotia'],
      ['NT', 'Northwest Territories'],
      ['NU', 'Nunavut'],
      ['ON', 'Ontario'],
      ['PE', 'Prince Edward Island'],
      ['QC', 'Quebec'],
      ['SK', 'Saskatchewan'],
      ['YT', 'Yukon'],
    ] as const
  ).map(([code, name]): [string, { country: string; name: string }] => [code, { country: 'CA', name }]),
]);

export const ALIASES: readonly Alias[] = [
  ...US_AP.map(([alias, name]): Alias => ({ alias, target: { kind: 'admin1', country: 'US', name }, source: AP })),
  ...CA_ABBR.map(([alias, name]): Alias => ({ alias, target: { kind: 'admin1', country: 'CA', name }, source: CA_POST })),
  ...AU_ABBR.map(([alias, name]): Alias => ({ alias, target: { kind: 'admin1', country: 'AU', name }, source: AU_POST })),
  { alias: 'Britain', target: { kind: 'country', country: 'GB' }, source: 'common English name of the United Kingdom' },
  { alias: 'Great Britain', target: { kind: 'country', country: 'GB' }, source: 'common English name of the United Kingdom' },
  {
    alias: 'British',
    target: { kind: 'country', country: 'GB' },
    source: 'demonym (world-countries lists "British" only as a form of "UK")',
  },
  { alias: 'U.K.', target: { kind: 'country', country: 'GB' }, source: 'wire abbreviation' },
  { alias: 'America', target: { kind: 'country', country: 'US' }, source: 'common English name of the United States' },
  // Former names of countries, still read in older wire copy and in history.
  ...(
    [
      ['Zaire', 'CD'],
      ['Zaïre', 'CD'],
      ['Ceylon', 'LK'],
      ['Rhodesia', 'ZW'],
      ['Siam', 'TH'],
      ['Dahomey', 'BJ'],
      ['Upper Volta', 'BF'],
    ] as const
  ).map(([alias, country]): Alias => ({ alias, target: { kind: 'country', country }, source: 'former name of the country' })),
  // Former names of states whose successor holds their seat and capital (the news of their time, and
  // history, names them): the place a reader looks for on a map.
  ...(
    [
      ['Soviet Union', 'RU'],
      ['USSR', 'RU'],
      ['U.S.S.R.', 'RU'],
      ['Kampuchea', 'KH'],
      ['Byelorussia', 'BY'],
      ['Belorussia', 'BY'],
      ['Kirghizia', 'KG'],
      ['Surinam', 'SR'],
    ] as const
  ).map(([alias, country]): Alias => ({
    alias,
    target: { kind: 'country', country },
    source: 'former English name of the country (or of the state it succeeds)',
  })),
  // Short names the news uses that world-countries and i18n-iso-countries lack.
  { alias: 'Bosnia', target: { kind: 'country', country: 'BA' }, source: 'common short name of Bosnia and Herzegovina' },
  {
    alias: 'Korea',
    target: { kind: 'country', country: 'KR' },
    source: 'common short name of the Republic of Korea (ISO: "Korea, Republic of")',
  },
  {
    alias: 'Holy See',
    target: { kind: 'country', country: 'VA' },
    source: 'the sovereign entity of Vatican City, as diplomatic news names it',
  },
  { alias: 'Holland', target: { kind: 'country', country: 'NL' }, source: 'common English name of the Netherlands' },
  { alias: 'Burma', target: { kind: 'country', country: 'MM' }, source: 'former English name of Myanmar, still in news use' },
  { alias: 'Ivory Coast', target: { kind: 'country', country: 'CI' }, source: "English name of Côte d'Ivoire" },
  { alias: 'Czech Republic', target: { kind: 'country', country: 'CZ' }, source: 'former short name of Czechia' },
  { alias: 'Republic of Congo', target: { kind: 'country', country: 'CG' }, source: 'common English name of the Republic of the Congo' },
  { alias: 'ACT', target: { kind: 'admin1', country: 'AU', name: 'Australian Capital Territory' }, source: AU_POST },
  {
    alias: 'Newfoundland',
    target: { kind: 'admin1', country: 'CA', name: 'Newfoundland and Labrador' },
    source: 'the island gives the province its common short name',
  },
  {
    alias: 'Kobani',
    target: { kind: 'city', geonameId: 172256 },
    source: 'Kurdish name of ‘Ayn al ‘Arab (GeoNames 172256) used by news since 2014',
  },
  {
    alias: 'Kobane',
    target: { kind: 'city', geonameId: 172256 },
    source: 'Kurdish name of ‘Ayn al ‘Arab (GeoNames 172256) used by news since 2014',
  },
  {
    alias: 'Hassakeh',
    target: { kind: 'city', geonameId: 173811 },
    source: 'spelling of Al Ḩasakah (GeoNames 173811) in Syrian state media',
  },
  {
    alias: 'Deir Ezzor',
    target: { kind: 'city', geonameId: 170794 },
    source: 'spelling of Deir ez-Zor (GeoNames 170794) in Syrian state media',
  },
];

/** A news region with a reference point: continents carry their GeoNames ids, the rest synthetic ids. */
export interface Region {
  id: number;
  name: string;
  names: string[];
  kind: 'continent' | 'region';
  lat: number;
  lon: number;
  /** Countries it covers (for context and for the "inside" test); empty for oceans/areas. */
  countries: string[];
  source: string;
}

const GN_CONT = 'GeoNames continent feature (CONT), point as GeoNames gives it';
const WIKI = 'conventional centre point (Wikipedia article coordinates, rounded)';

export const REGIONS: readonly Region[] = [
  {
    id: 6255146,
    name: 'Africa',
    names: ['Africa', 'African'],
    kind: 'continent',
    lat: 7.1881,
    lon: 21.0938,
    countries: [],
    source: GN_CONT,
  },
  { id: 6255147, name: 'Asia', names: ['Asia', 'Asian'], kind: 'continent', lat: 29.8406, lon: 89.2969, countries: [], source: GN_CONT },
  {
    id: 6255148,
    name: 'Europe',
    names: ['Europe', 'European'],
    kind: 'continent',
    lat: 48.691,
    lon: 9.1406,
    countries: [],
    source: GN_CONT,
  },
  {
    id: 6255149,
    name: 'North America',
    names: ['North America'],
    kind: 'continent',
    lat: 46.0732,
    lon: -100.5469,
    countries: [],
    source: GN_CONT,
  },
  {
    id: 6255150,
    name: 'South America',
    names: ['South America'],
    kind: 'continent',
    lat: -14.6048,
    lon: -57.6563,
    countries: [],
    source: GN_CONT,
  },
  { id: 6255151, name: 'Oceania', names: ['Oceania'], kind: 'continent', lat: -18.3128, lon: 138.5156, countries: [], source: GN_CONT },
  {
    id: 6255152,
    name: 'Antarctica',
    names: ['Antarctica'],
    kind: 'continent',
    lat: -78.1586,
    lon: 16.4063,
    countries: [],
    source: GN_CONT,
  },
  {
    id: -3000001,
    name: 'Middle East',
    names: ['Middle East', 'Mideast', 'Middle Eastern'],
    kind: 'region',
    lat: 29.3,
    lon: 42.5,
    countries: ['SY', 'IQ', 'LB', 'JO', 'IL', 'PS', 'SA', 'YE', 'OM', 'AE', 'QA', 'BH', 'KW', 'IR', 'TR', 'EG', 'CY'],
    source: WIKI,
  },
  {
    id: -3000002,
    name: 'Persian Gulf',
    names: ['Gulf', 'Persian Gulf', 'Arabian Gulf', 'Gulf region'],
    kind: 'region',
    lat: 26.5,
    lon: 52.0,
    countries: ['SA', 'AE', 'QA', 'BH', 'KW', 'OM', 'IR', 'IQ'],
    source: WIKI,
  },
  { id: -3000003, name: 'Darfur', names: ['Darfur'], kind: 'region', lat: 13.5, lon: 24.0, countries: ['SD'], source: WIKI },
  {
    id: -3000004,
    name: 'Pacific Ocean',
    names: ['Pacific', 'Pacific Ocean'],
    kind: 'region',
    lat: 0,
    lon: -160,
    countries: [],
    source: WIKI,
  },
  {
    id: -3000005,
    name: 'Atlantic Ocean',
    names: ['Atlantic', 'Atlantic Ocean'],
    kind: 'region',
    lat: 0,
    lon: -25,
    countries: [],
    source: WIKI,
  },
  {
    id: -3000006,
    name: 'Mediterranean Sea',
    names: ['Mediterranean', 'Mediterranean Sea'],
    kind: 'region',
    lat: 35,
    lon: 18,
    countries: [],
    source: WIKI,
  },
  { id: -3000007, name: 'Caribbean', names: ['Caribbean'], kind: 'region', lat: 15, lon: -73, countries: [], source: WIKI },
  {
    id: -3000008,
    name: 'Southeast Asia',
    names: ['Southeast Asia', 'South East Asia'],
    kind: 'region',
    lat: 2.5,
    lon: 112.5,
    countries: [],
    source: WIKI,
  },
  { id: -3000009, name: 'Latin America', names: ['Latin America'], kind: 'region', lat: -14.6, lon: -57.7, countries: [], source: WIKI },
  { id: -3000010, name: 'West Africa', names: ['West Africa'], kind: 'region', lat: 13.5, lon: -2.5, countries: [], source: WIKI },
  { id: -3000011, name: 'East Africa', names: ['East Africa'], kind: 'region', lat: 1.0, lon: 38.0, countries: [], source: WIKI },
  { id: -3000012, name: 'Balkans', names: ['Balkans'], kind: 'region', lat: 42.0, lon: 21.0, countries: [], source: WIKI },
  { id: -3000013, name: 'Scandinavia', names: ['Scandinavia'], kind: 'region', lat: 62.0, lon: 15.0, countries: [], source: WIKI },
  { id: -3000014, name: 'Central America', names: ['Central America'], kind: 'region', lat: 12.8, lon: -85.0, countries: [], source: WIKI },
  { id: -3000015, name: 'Indian Ocean', names: ['Indian Ocean'], kind: 'region', lat: -20, lon: 80, countries: [], source: WIKI },
  {
    id: -3000017,
    name: 'Americas',
    names: ['Americas', 'the Americas'],
    kind: 'region',
    // 19 N 96 W, as the article gives it (90 W was a slip: the Gulf of Honduras, 630 km east).
    lat: 19.0,
    lon: -96.0,
    countries: [],
    source: WIKI,
  },
  { id: -3000018, name: 'Sumatra', names: ['Sumatra'], kind: 'region', lat: -0.59, lon: 101.34, countries: ['ID'], source: WIKI },
  { id: -3000019, name: 'Mindanao', names: ['Mindanao'], kind: 'region', lat: 7.5, lon: 125.0, countries: ['PH'], source: WIKI },
  { id: -3000020, name: 'Anatolia', names: ['Anatolia'], kind: 'region', lat: 39.0, lon: 35.0, countries: ['TR'], source: WIKI },
  {
    id: -3000021,
    name: 'Southern California',
    names: ['Southern California'],
    kind: 'region',
    lat: 34.0,
    lon: -117.9,
    countries: ['US'],
    source: WIKI,
  },
  { id: -3000022, name: 'Central Africa', names: ['Central Africa'], kind: 'region', lat: 2.0, lon: 20.0, countries: [], source: WIKI },
  { id: -3000023, name: 'Northern Europe', names: ['Northern Europe'], kind: 'region', lat: 60.0, lon: 15.0, countries: [], source: WIKI },
  {
    id: -3000024,
    name: 'Eastern Mediterranean',
    names: ['Eastern Mediterranean'],
    kind: 'region',
    lat: 34.0,
    lon: 31.0,
    countries: [],
    source: WIKI,
  },
  { id: -3000025, name: 'South Pacific', names: ['South Pacific'], kind: 'region', lat: -20.0, lon: -160.0, countries: [], source: WIKI },
  { id: -3000016, name: 'Kurdistan', names: ['Kurdistan'], kind: 'region', lat: 36.5, lon: 44.0, countries: [], source: WIKI },
  // The most populous islands that are neither a country nor a first-level division (GeoNames
  // cities500 has no islands): the news names them like regions.
  { id: -3000026, name: 'Java', names: ['Java'], kind: 'region', lat: -7.49, lon: 110.0, countries: ['ID'], source: WIKI },
  { id: -3000027, name: 'Honshu', names: ['Honshu', 'Honshū'], kind: 'region', lat: 36.0, lon: 138.0, countries: ['JP'], source: WIKI },
  { id: -3000028, name: 'Kyushu', names: ['Kyushu', 'Kyūshū'], kind: 'region', lat: 33.0, lon: 131.0, countries: ['JP'], source: WIKI },
  { id: -3000029, name: 'Luzon', names: ['Luzon'], kind: 'region', lat: 16.0, lon: 121.0, countries: ['PH'], source: WIKI },
  { id: -3000030, name: 'Visayas', names: ['Visayas'], kind: 'region', lat: 11.0, lon: 123.5, countries: ['PH'], source: WIKI },
  { id: -3000031, name: 'Borneo', names: ['Borneo'], kind: 'region', lat: 0.5, lon: 114.0, countries: ['ID', 'MY', 'BN'], source: WIKI },
  {
    id: -3000032,
    name: 'Sulawesi',
    names: ['Sulawesi', 'Celebes'],
    kind: 'region',
    lat: -2.0,
    lon: 121.0,
    countries: ['ID'],
    source: WIKI,
  },
  { id: -3000033, name: 'New Guinea', names: ['New Guinea'], kind: 'region', lat: -5.5, lon: 141.0, countries: ['ID', 'PG'], source: WIKI },
  { id: -3000034, name: 'Hispaniola', names: ['Hispaniola'], kind: 'region', lat: 19.0, lon: -71.0, countries: ['HT', 'DO'], source: WIKI },
  { id: -3000035, name: 'Long Island', names: ['Long Island'], kind: 'region', lat: 40.8, lon: -73.3, countries: ['US'], source: WIKI },
  {
    id: -3000036,
    name: 'Vancouver Island',
    names: ['Vancouver Island'],
    kind: 'region',
    lat: 49.6,
    lon: -125.6,
    countries: ['CA'],
    source: WIKI,
  }, // Seas, gulfs and straits the news names (the North Sea's oil, tankers in the Gulf of Mexico):
  // GeoNames cities500 has none, and without them `North Sea` was a hamlet on Long Island and
  // `Gulf of Mexico` the Persian Gulf. `Gulf Coast` is the United States' coast of the Gulf of Mexico.
  { id: -3000037, name: 'North Sea', names: ['North Sea'], kind: 'region', lat: 56.0, lon: 3.0, countries: [], source: WIKI },
  { id: -3000038, name: 'Gulf of Mexico', names: ['Gulf of Mexico'], kind: 'region', lat: 25.0, lon: -90.0, countries: [], source: WIKI },
  { id: -3000039, name: 'Red Sea', names: ['Red Sea'], kind: 'region', lat: 22.0, lon: 38.0, countries: [], source: WIKI },
  { id: -3000040, name: 'Black Sea', names: ['Black Sea'], kind: 'region', lat: 44.0, lon: 35.0, countries: [], source: WIKI },
  { id: -3000041, name: 'Baltic Sea', names: ['Baltic Sea'], kind: 'region', lat: 58.0, lon: 20.0, countries: [], source: WIKI },
  {
    id: -3000042,
    name: 'Caspian Sea',
    names: ['Caspian Sea', 'Caspian'],
    kind: 'region',
    lat: 42.0,
    lon: 51.0,
    countries: [],
    source: WIKI,
  },
  { id: -3000043, name: 'Aegean Sea', names: ['Aegean Sea', 'Aegean'], kind: 'region', lat: 39.0, lon: 25.0, countries: [], source: WIKI },
  {
    id: -3000044,
    name: 'Adriatic Sea',
    names: ['Adriatic Sea', 'Adriatic'],
    kind: 'region',
    lat: 43.0,
    lon: 15.0,
    countries: [],
    source: WIKI,
  },
  { id: -3000045, name: 'Arabian Sea', names: ['Arabian Sea'], kind: 'region', lat: 14.0, lon: 65.0, countries: [], source: WIKI },
  { id: -3000046, name: 'South China Sea', names: ['South China Sea'], kind: 'region', lat: 12.0, lon: 113.0, countries: [], source: WIKI },
  { id: -3000047, name: 'East China Sea', names: ['East China Sea'], kind: 'region', lat: 30.0, lon: 125.0, countries: [], source: WIKI },
  { id: -3000048, name: 'Yellow Sea', names: ['Yellow Sea'], kind: 'region', lat: 35.0, lon: 123.0, countries: [], source: WIKI },
  { id: -3000049, name: 'Sea of Japan', names: ['Sea of Japan'], kind: 'region', lat: 40.0, lon: 135.0, countries: [], source: WIKI },
  { id: -3000050, name: 'Bering Sea', names: ['Bering Sea'], kind: 'region', lat: 58.0, lon: -178.0, countries: [], source: WIKI },
  { id: -3000051, name: 'Beaufort Sea', names: ['Beaufort Sea'], kind: 'region', lat: 72.0, lon: -143.0, countries: [], source: WIKI },
  { id: -3000052, name: 'Irish Sea', names: ['Irish Sea'], kind: 'region', lat: 53.5, lon: -5.0, countries: [], source: WIKI },
  { id: -3000053, name: 'English Channel', names: ['English Channel'], kind: 'region', lat: 50.2, lon: -1.5, countries: [], source: WIKI },
  { id: -3000054, name: 'Gulf of Aden', names: ['Gulf of Aden'], kind: 'region', lat: 12.0, lon: 48.0, countries: [], source: WIKI },
  { id: -3000055, name: 'Gulf of Oman', names: ['Gulf of Oman'], kind: 'region', lat: 24.5, lon: 58.5, countries: [], source: WIKI },
  { id: -3000056, name: 'Gulf of Suez', names: ['Gulf of Suez'], kind: 'region', lat: 28.8, lon: 33.0, countries: [], source: WIKI },
  {
    id: -3000057,
    name: 'Gulf of Thailand',
    names: ['Gulf of Thailand'],
    kind: 'region',
    lat: 9.5,
    lon: 102.0,
    countries: [],
    source: WIKI,
  },
  { id: -3000058, name: 'Gulf of Guinea', names: ['Gulf of Guinea'], kind: 'region', lat: 1.0, lon: 4.0, countries: [], source: WIKI },
  { id: -3000059, name: 'Gulf of Bothnia', names: ['Gulf of Bothnia'], kind: 'region', lat: 63.0, lon: 20.0, countries: [], source: WIKI },
  { id: -3000060, name: 'Gulf of Finland', names: ['Gulf of Finland'], kind: 'region', lat: 59.8, lon: 26.0, countries: [], source: WIKI },
  {
    id: -3000061,
    name: 'Strait of Hormuz',
    names: ['Strait of Hormuz', 'Straits of Hormuz', 'Hormuz Strait'],
    kind: 'region',
    lat: 26.6,
    lon: 56.3,
    countries: [],
    source: WIKI,
  },
  {
    id: -3000062,
    name: 'Strait of Malacca',
    names: ['Strait of Malacca', 'Straits of Malacca', 'Malacca Strait'],
    kind: 'region',
    lat: 4.0,
    lon: 100.0,
    countries: [],
    source: WIKI,
  },
  { id: -3000063, name: 'Bay of Bengal', names: ['Bay of Bengal'], kind: 'region', lat: 15.0, lon: 88.0, countries: [], source: WIKI },
  {
    id: -3000065,
    name: 'Baltic states',
    names: ['Baltic states', 'Baltics'],
    kind: 'region',
    lat: 57.0,
    lon: 24.0,
    countries: ['EE', 'LV', 'LT'],
    source: WIKI,
  },
  { id: -3000066, name: 'New England', names: ['New England'], kind: 'region', lat: 44.0, lon: -71.5, countries: [], source: WIKI },
  {
    id: -3000067,
    name: 'Pacific Northwest',
    names: ['Pacific Northwest'],
    kind: 'region',
    lat: 47.0,
    lon: -121.0,
    countries: [],
    source: WIKI,
  },
  { id: -3000068, name: 'Great Lakes', names: ['Great Lakes'], kind: 'region', lat: 45.5, lon: -84.0, countries: [], source: WIKI },
  { id: -3000064, name: 'Gulf Coast', names: ['Gulf Coast'], kind: 'region', lat: 30.0, lon: -90.0, countries: [], source: WIKI },
];
