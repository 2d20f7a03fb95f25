import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Readers for the official code lists in /work/shared/reference (see its README), so tests
 * check our data against files nobody on the team wrote. The files are kept exactly as
 * published, encodings included: the 4-character standard accounts and the RF-1167/RF-1175
 * lists are Windows-1252 with CRLF, the 2-character accounts and næringsspesifikasjon are
 * UTF-8 with a BOM, Standard_Tax_Codes.csv is UTF-8 without one. All CSVs use `;`.
 */

export const REFERENCE_DIR_VARIABLE = 'HOVEDBOK_REFERENCE_DIR';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

// Where the shared folder sits on our machines: beside the checkout, or at /work/shared when
// the checkout is elsewhere (a clean clone in a temporary folder, as CI may make).
const CANDIDATES = [path.resolve(REPO_ROOT, '../shared/reference'), '/work/shared/reference'];

/**
 * The reference folder: $HOVEDBOK_REFERENCE_DIR, else ../shared/reference beside the checkout,
 * else /work/shared/reference. Fails with where it looked, rather than skip a check.
 */
export function referenceDir(): string {
  const configured = process.env[REFERENCE_DIR_VARIABLE];
  if (configured) return configured;
  const found = CANDIDATES.find((candidate) => existsSync(path.join(candidate, 'README.md')));
  if (!found) {
    throw new Error(
      `The reference files are not in ${CANDIDATES.join(' or ')}; set ${REFERENCE_DIR_VARIABLE}.`,
    );
  }
  return found;
}

type Encoding = 'utf-8' | 'windows-1252';

// Windows-1252 bytes 0x80-0x9F (WHATWG Encoding Standard, index-windows-1252); the rest equal
// Latin-1. Node's TextDecoder('windows-1252') decodes these as Latin-1 C1 controls since
// 20.18.3 (nodejs/node#60888), so 0x92 would turn into U+0092 instead of ’.
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_C1[byte - 0x80] : byte);
  }
  return text;
}

export function readReferenceText(relativePath: string, encoding: Encoding): string {
  const bytes = readFileSync(path.join(referenceDir(), relativePath));
  // TextDecoder drops a UTF-8 BOM by itself.
  return encoding === 'utf-8' ? new TextDecoder('utf-8').decode(bytes) : decodeWindows1252(bytes);
}

/** Splits `;`-separated text with "quoted" fields ("" inside quotes is one quote). */
export function parseSemicolonCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ';') {
      endField();
    } else if (!quoted && (char === '\n' || char === '\r')) {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/** The CSV as objects keyed by its header row. */
export function readReferenceCsv(relativePath: string, encoding: Encoding): Record<string, string>[] {
  const [header, ...rows] = parseSemicolonCsv(readReferenceText(relativePath, encoding));
  if (!header) throw new Error(`${relativePath} is empty`);
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name.trim(), cells[i] ?? ''])));
}

export interface StandardAccount {
  accountId: string;
  descriptionNor: string;
  descriptionEng: string;
}

/** SAF-T General Ledger Standard Accounts, 4 characters (Regnskap Norge; SAF-T mapping use only). */
export function readStandardAccounts(): StandardAccount[] {
  return readReferenceCsv(
    'chart-of-accounts-ns4102/General_Ledger_Standard_Accounts_4_character.csv',
    'windows-1252',
  ).map((row) => ({
    accountId: row.AccountID,
    descriptionNor: row.DescriptionNOR,
    descriptionEng: row.DescriptionENG,
  }));
}

/** The same list at 2 characters: the account groups (10 = intangible assets, ...). */
export function readStandardAccountGroups(): StandardAccount[] {
  return readReferenceCsv(
    'chart-of-accounts-ns4102/General_Ledger_Standard_Accounts_2_character.csv',
    'utf-8',
  ).map((row) => ({
    accountId: row.AccountID,
    descriptionNor: row.DescriptionNOB,
    descriptionEng: row.DescriptionENG,
  }));
}

export interface GroupingCode {
  category: string;
  code: string;
  descriptionNob: string;
  descriptionEng: string;
}

const GROUPING_FILES: Record<string, [string, Encoding]> = {
  'RF-1167': ['saft-financial/grouping-category-code/RF-1167_Grouping_Category_Code.csv', 'windows-1252'],
  'RF-1175': ['saft-financial/grouping-category-code/RF-1175_Grouping_Category_Code.csv', 'windows-1252'],
};
const NAERINGSSPESIFIKASJON: [string, Encoding] = [
  'saft-financial/grouping-category-code/naeringsspesifikasjon.csv',
  'utf-8',
];

/**
 * The official GroupingCode list of a SAF-T GroupingCategory: `RF-1167`/`RF-1175` (the old
 * næringsoppgaver, SAF-T 1.20) or a næringsspesifikasjon category such as
 * `balanseverdiForOmloepsmiddel` (SAF-T 1.30). Empty for an unknown category.
 */
export function readGroupingCodes(category: string): GroupingCode[] {
  const [file, encoding] = GROUPING_FILES[category] ?? NAERINGSSPESIFIKASJON;
  return readReferenceCsv(file, encoding)
    .filter((row) => row.GroupingCategory === category)
    .map((row) => ({
      category: row.GroupingCategory,
      code: row.GroupingCode,
      descriptionNob: row.CodeDescriptionNOB,
      descriptionEng: row.CodeDescriptionENG,
    }));
}

/** Every GroupingCategory of the næringsspesifikasjon list (SAF-T 1.30). */
export function readNaeringsspesifikasjonCategories(): string[] {
  const [file, encoding] = NAERINGSSPESIFIKASJON;
  return [...new Set(readReferenceCsv(file, encoding).map((row) => row.GroupingCategory))];
}

export interface StandardTaxCode {
  code: string;
  descriptionNob: string;
  descriptionEng: string;
  /** 'Regular rate', 'Reduced rate, middle', 'Reduced rate, raw fish', 'Reduced rate, low', 'Zero rate' or ''. */
  taxRate: string;
  compensation: boolean;
}

/** SAF-T standard tax (MVA) codes. */
export function readStandardTaxCodes(): StandardTaxCode[] {
  return readReferenceCsv('saft-financial/standard-tax-codes/Standard_Tax_Codes.csv', 'utf-8').map((row) => ({
    code: row.Code,
    descriptionNob: row.DescriptionNOB,
    descriptionEng: row.DescriptionENG,
    taxRate: row.TaxRate,
    compensation: row.Compensation === 'TRUE',
  }));
}

/** One `<kode>` of a Skatteetaten kodeliste (mva-melding/kodelister/*.xml). */
export interface KodelisteEntry {
  code: string;
  /** The first (Norwegian) description. */
  description: string;
  validFrom: string | null;
  validTo: string | null;
  /** The `<kodetillegg>` children, by element name. */
  extra: Record<string, string>;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '');
}

function firstElement(xml: string, name: string): string | null {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match ? xmlText(match[1].trim()) : null;
}

/**
 * Reads a kodeliste file. Its layout is fixed and flat (no attributes, no CDATA), so a small
 * reader is enough and spares a dependency.
 */
export function readKodeliste(fileName: string): KodelisteEntry[] {
  const xml = readReferenceText(`mva-melding/kodelister/${fileName}`, 'utf-8');
  return [...xml.matchAll(/<kode>([\s\S]*?)<\/kode>/g)].map(([, body]) => {
    const validity = firstElement(body, 'gyldigForBehandling') ?? '';
    const extras = firstElement(body, 'kodetillegg') ?? '';
    return {
      code: firstElement(body, 'tekniskNavn') ?? '',
      description: firstElement(body, 'tekst') ?? '',
      validFrom: firstElement(validity, 'fradato'),
      validTo: firstElement(validity, 'tildato'),
      extra: Object.fromEntries(
        [...extras.matchAll(/<([^\s/>]+)>([^<]*)<\/\1>/g)].map(([, name, value]) => [name, xmlText(value)]),
      ),
    };
  });
}

export interface OfficialVatRate {
  /** Percent as published, with a decimal comma: '25', '11,11'. */
  rate: string;
  /** 'alminnelig sats', 'redusert sats, næringsmiddel', 'redusert sats', 'redusert sats, råfisk', 'nullsats'. */
  rateType: string;
  validFrom: string | null;
  validTo: string | null;
}

/** The VAT rates and their validity (mva-melding kodeliste `sats`). */
export function readVatRates(): OfficialVatRate[] {
  return readKodeliste('sats.xml').map((entry) => ({
    rate: entry.code,
    rateType: entry.extra.satstype ?? '',
    validFrom: entry.validFrom,
    validTo: entry.validTo,
  }));
}

/** The SAF-T VAT codes used in the VAT return (mva-melding kodeliste `mvaKodeSAFT`). */
export function readVatReturnCodes(): KodelisteEntry[] {
  return readKodeliste('mvaKodeSAFT.xml');
}
