import type { ControlKind } from './default-chart.js';

/** What an account of the default chart carries beyond its number, names and grouping code. */
export interface AccountRowExtras {
  /** SAF-T standard account, when it is not the account's own number. */
  standard?: string;
  /** Default VAT code proposed for postings to the account. */
  vat?: string;
  control?: ControlKind;
  /** A VAT account: postings to it never carry a VAT code themselves. */
  vatLocked?: true;
}

/** [number, Norwegian name, English name, SAF-T 1.30 grouping code, extras]. */
export type AccountRow = readonly [string, string, string, string, AccountRowExtras?];

/** Accounts sharing one SAF-T 1.30 GroupingCategory (a næringsspesifikasjon category). */
export interface AccountGroup {
  groupingCategory: string;
  rows: readonly AccountRow[];
}
