import type { AccountGroup } from './chart-row.js';

// Balance-sheet accounts (classes 1 and 2) of the default chart. Numbers follow NS 4102; the
// names are our own (the Regnskap Norge standard-account texts may be used for SAF-T mapping
// only, not shipped as a chart). Grouping codes come from Skatteetaten's næringsspesifikasjon
// list, which SAF-T 1.30 requires (see default-chart.ts).
export const BALANCE_ACCOUNT_GROUPS: readonly AccountGroup[] = [
  {
    groupingCategory: 'balanseverdiForAnleggsmiddel',
    rows: [
      ['1000', 'Utviklingskostnader, balanseført', 'Capitalised development costs', '1000'],
      ['1070', 'Utsatt skattefordel', 'Deferred tax asset', '1070'],
      ['1080', 'Goodwill, kjøpt', 'Purchased goodwill', '1080'],
      ['1100', 'Forretningsbygg', 'Commercial buildings', '1105'],
      ['1150', 'Tomter og grunn', 'Land and sites', '1150'],
      ['1200', 'Maskiner og utstyr', 'Machinery and equipment', '1205'],
      ['1230', 'Personbiler', 'Passenger cars', '1205'],
      ['1250', 'Inventar og møbler', 'Furniture and fittings', '1205'],
      ['1280', 'Kontormaskiner og IT-utstyr', 'Office machines and IT equipment', '1280'],
      ['1289', 'Øvrige driftsmidler', 'Other operating assets', '1290'],
      ['1300', 'Aksjer i datterselskaper', 'Shareholdings in subsidiaries', '1313'],
      ['1350', 'Aksjer og andeler, langsiktige', 'Long-term shares and holdings', '1350'],
      ['1370', 'Lån til eiere, langsiktige', 'Long-term loans to owners', '1370'],
      ['1380', 'Lån til ansatte, langsiktige', 'Long-term loans to employees', '1380'],
      ['1396', 'Depositum for leie', 'Rental deposits', '1390'],
    ],
  },
  {
    groupingCategory: 'balanseverdiForOmloepsmiddel',
    rows: [
      ['1400', 'Råvarelager', 'Raw materials in stock', '1400'],
      ['1460', 'Varelager, handelsvarer', 'Stock of goods for resale', '1400'],
      [
        '1500',
        'Kundefordringer, reskontro',
        'Trade receivables (customer ledger)',
        '1500',
        { control: 'receivable' },
      ],
      ['1530', 'Opptjent inntekt, ikke fakturert', 'Accrued income, not invoiced', '1530'],
      ['1570', 'Forskudd på reise', 'Travel advances', '1570'],
      ['1572', 'Forskudd på lønn', 'Salary advances', '1570'],
      ['1575', 'Mellomværende med aksjonærer', 'Current account with shareholders', '1565'],
      ['1579', 'Øvrige kortsiktige fordringer', 'Other current receivables', '1570'],
      // The allowance reduces trade receivables, so it maps where they do.
      ['1580', 'Avsatt tap på kundefordringer', 'Allowance for bad trade receivables', '1500'],
      ['1700', 'Forskuddsbetalt husleie', 'Prepaid rent', '1570'],
      ['1749', 'Forskuddsbetalte kostnader, øvrige', 'Other prepaid expenses', '1570'],
      ['1810', 'Noterte aksjer, kortsiktige', 'Listed shares held short term', '1810'],
      ['1900', 'Kontantkasse', 'Cash in till', '1900'],
      ['1920', 'Driftskonto i bank', 'Operating bank account', '1920'],
      ['1930', 'Sparekonto i bank', 'Savings bank account', '1920', { standard: '1920' }],
      // Clearing accounts for money on its way to the bank (card acquirer, mobile payment,
      // web-shop payment provider), settled within days: cash equivalents, hence class 19 and
      // the bank mapping. POS settlements and web-shop payouts debit them; the payout clears them.
      ['1940', 'Kortoppgjør under overføring', 'Card settlements in transit', '1920', { standard: '1920' }],
      ['1941', 'Mobilbetaling under overføring', 'Mobile payments in transit', '1920', { standard: '1920' }],
      [
        '1942',
        'Betalingsformidler, nettbutikk',
        'Payment provider clearing (web shop)',
        '1920',
        { standard: '1920' },
      ],
      ['1950', 'Skattetrekkskonto', 'Tax withholding bank account', '1950'],
    ],
  },
  {
    groupingCategory: 'egenkapital',
    rows: [
      ['2000', 'Aksjekapital', 'Share capital', '2000'],
      ['2010', 'Egne aksjer', 'Treasury shares', '2010'],
      ['2020', 'Overkursfond', 'Share premium', '2020'],
      ['2035', 'Øvrig innskutt egenkapital', 'Other paid-in equity', '2030'],
      ['2050', 'Annen opptjent egenkapital', 'Other retained earnings', '2050'],
      ['2080', 'Akkumulert udekket tap', 'Accumulated uncovered loss', '2080'],
    ],
  },
  {
    groupingCategory: 'langsiktigGjeld',
    rows: [
      ['2120', 'Utsatt skatt, forpliktelse', 'Deferred tax liability', '2120'],
      ['2220', 'Banklån, langsiktige', 'Long-term bank loans', '2220'],
      ['2255', 'Aksjonærlån, langsiktige', 'Long-term shareholder loans', '2250'],
      ['2299', 'Øvrig langsiktig gjeld', 'Other long-term debt', '2290'],
    ],
  },
  {
    groupingCategory: 'kortsiktigGjeld',
    rows: [
      ['2380', 'Kassekreditt i bank', 'Bank overdraft', '2380'],
      [
        '2400',
        'Leverandørgjeld, reskontro',
        'Trade payables (supplier ledger)',
        '2400',
        { control: 'payable' },
      ],
      ['2500', 'Skatt å betale, ikke fastsatt', 'Income tax payable, not yet assessed', '2500'],
      ['2510', 'Skatt å betale, fastsatt', 'Income tax payable, assessed', '2510'],
      ['2600', 'Skattetrekk fra ansatte', 'Tax withheld from employees', '2600'],
      ['2610', 'Utleggstrekk i lønn', 'Wage garnishments withheld', '2600'],
      ['2650', 'Fagforeningstrekk', 'Union dues withheld', '2600'],
      ['2690', 'Øvrige lønnstrekk', 'Other payroll deductions', '2600'],
      // One output and one input VAT account for every rate keeps the engine simple; the VAT
      // code on each posting still tells the rates apart for the VAT return and SAF-T.
      // Skatteetaten's own 1.30 example maps both to 2740.
      ['2700', 'Utgående mva', 'Output VAT', '2740', { vatLocked: true }],
      ['2710', 'Inngående mva', 'Input VAT', '2740', { vatLocked: true }],
      ['2740', 'Mva-oppgjør', 'VAT settlement', '2740', { vatLocked: true }],
      ['2770', 'Arbeidsgiveravgift å betale', "Employer's social security payable", '2770'],
      ['2780', 'Påløpt arbeidsgiveravgift', "Accrued employer's social security", '2770'],
      [
        '2781',
        'Påløpt arbeidsgiveravgift av feriepenger',
        "Accrued employer's social security on holiday pay",
        '2770',
      ],
      ['2790', 'Øvrige offentlige avgifter', 'Other public charges payable', '2790'],
      ['2800', 'Utbytte til utbetaling', 'Dividends payable', '2800'],
      ['2900', 'Forskuddsbetaling fra kunder', 'Customer prepayments', '2900'],
      ['2910', 'Skyldig til ansatte', 'Owed to employees', '2910'],
      ['2915', 'Skyldig til aksjonærer, kortsiktig', 'Owed to shareholders, short term', '2910'],
      ['2930', 'Lønn til utbetaling', 'Salaries payable', '2949'],
      ['2940', 'Opptjente feriepenger', 'Holiday pay earned, unpaid', '2949'],
      ['2950', 'Påløpte renter', 'Accrued interest payable', '2950'],
      ['2960', 'Påløpte kostnader', 'Accrued expenses', '2990'],
      ['2965', 'Inntekt mottatt på forskudd', 'Income received in advance', '2970'],
      ['2980', 'Avsetninger, kortsiktige', 'Short-term provisions', '2980', { standard: '2989' }],
      ['2999', 'Øvrig kortsiktig gjeld', 'Other short-term liabilities', '2990'],
    ],
  },
];
