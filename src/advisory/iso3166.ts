/**
 * ISO 3166-1 alpha-2: the 249 officially assigned codes. A fixed list rather
 * than Intl data, because ICU also knows reserved and user-assigned codes
 * (XK, EU, UN, ...) and differs between Node versions.
 */
export const ISO_3166_1_ALPHA_2: readonly string[] = `
  AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE
  BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD
  CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
  DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF
  GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
  ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
  KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME
  MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
  NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
  PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
  SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK
  TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
  VN VU WF WS YE YT ZA ZM ZW`
  .trim()
  .split(/\s+/);

const CODES = new Set(ISO_3166_1_ALPHA_2);

export function isCountryCode(code: string): boolean {
  return CODES.has(code);
}

/** Common mix-ups worth naming in the message. */
export const CODE_HINTS: Readonly<Record<string, string>> = {
  UK: 'GB is the ISO code of the United Kingdom',
  EL: 'GR is the ISO code of Greece',
  XK: 'XK (Kosovo) is user-assigned, not ISO 3166-1',
};
