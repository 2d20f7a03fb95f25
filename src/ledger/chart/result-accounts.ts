import type { AccountGroup } from './chart-row.js';

// Profit-and-loss accounts (classes 3 to 8) of the default chart: NS 4102 numbers, our own
// names, næringsspesifikasjon grouping codes (see default-chart.ts), and the VAT code each
// account proposes. No default where the usual case is no VAT or a mix the user must choose
// (rent: most leases are VAT-exempt; fuel and car costs: no deduction for passenger cars;
// insurance, bank fees, postage, entertainment: exempt or not deductible).
export const RESULT_ACCOUNT_GROUPS: readonly AccountGroup[] = [
  {
    groupingCategory: 'salgsinntekt',
    rows: [
      ['3000', 'Salg av varer, høy sats', 'Sales of goods, standard rate', '3000', { vat: '3' }],
      ['3020', 'Salg av tjenester, høy sats', 'Sales of services, standard rate', '3000', { vat: '3' }],
      ['3030', 'Salg av varer, middels sats', 'Sales of goods, middle rate', '3000', { vat: '31' }],
      ['3050', 'Salg av tjenester, lav sats', 'Sales of services, low rate', '3000', { vat: '33' }],
      // 31xx is zero-rated (fritatt) turnover, which the VAT return reports (code 5, 52);
      // turnover outside the VAT act (unntatt, code 6) is 32xx.
      ['3100', 'Salg av varer, fritatt', 'Sales of goods, zero-rated', '3100', { vat: '5' }],
      ['3105', 'Eksport av varer', 'Exports of goods', '3100', { vat: '52' }],
      ['3120', 'Salg av tjenester, fritatt', 'Sales of services, zero-rated', '3100', { vat: '5' }],
      ['3125', 'Eksport av tjenester', 'Exports of services', '3100', { vat: '52' }],
      ['3200', 'Salg av varer, unntatt mva', 'Sales of goods outside the VAT act', '3200', { vat: '6' }],
      [
        '3220',
        'Salg av tjenester, unntatt mva',
        'Sales of services outside the VAT act',
        '3200',
        { vat: '6' },
      ],
    ],
  },
  {
    groupingCategory: 'annenDriftsinntekt',
    rows: [
      ['3400', 'Offentlige tilskudd', 'Government grants', '3400'],
      ['3600', 'Leieinntekter, fast eiendom', 'Rental income, real estate', '3600', { vat: '6' }],
      ['3700', 'Provisjonsinntekter, høy sats', 'Commission income, standard rate', '3700', { vat: '3' }],
      ['3880', 'Gevinst ved salg av driftsmidler', 'Gains on disposal of fixed assets', '3880'],
      ['3900', 'Øvrige driftsinntekter', 'Other operating income', '3900'],
    ],
  },
  {
    groupingCategory: 'varekostnad',
    rows: [
      ['4000', 'Innkjøp av råvarer, høy sats', 'Raw material purchases, standard rate', '4005', { vat: '1' }],
      ['4090', 'Lagerendring, råvarer', 'Change in raw material stock', '4005'],
      ['4300', 'Innkjøp av handelsvarer, høy sats', 'Goods for resale, standard rate', '4005', { vat: '1' }],
      [
        '4330',
        'Innkjøp av handelsvarer, middels sats',
        'Goods for resale, middle rate',
        '4005',
        { vat: '11' },
      ],
      ['4340', 'Innkjøp av handelsvarer fra utlandet', 'Goods for resale bought abroad', '4005'],
      ['4360', 'Frakt og toll på innkjøp', 'Freight and duties on purchases', '4005', { vat: '1' }],
      // Import VAT on goods is self-assessed (codes 81-85): the customs value is debited to a
      // basis account with the code and credited to its contra account, so the pair nets to
      // zero and only the generated VAT postings remain.
      ['4380', 'Importmva, grunnlag høy sats', 'Import VAT basis, standard rate', '4005', { vat: '81' }],
      ['4381', 'Importmva, grunnlag høy sats, motpost', 'Import VAT basis, standard rate, contra', '4005'],
      ['4382', 'Importmva, grunnlag middels sats', 'Import VAT basis, middle rate', '4005', { vat: '83' }],
      ['4383', 'Importmva, grunnlag middels sats, motpost', 'Import VAT basis, middle rate, contra', '4005'],
      ['4384', 'Import uten mva, grunnlag', 'Import basis, zero rate', '4005', { vat: '85' }],
      ['4385', 'Import uten mva, grunnlag, motpost', 'Import basis, zero rate, contra', '4005'],
      ['4390', 'Lagerendring, handelsvarer', 'Change in stock of goods for resale', '4005'],
      ['4500', 'Underleverandører', 'Subcontractors', '4500', { vat: '1' }],
    ],
  },
  {
    groupingCategory: 'loennskostnad',
    rows: [
      ['5000', 'Fastlønn og timelønn', 'Salaries and wages', '5000'],
      ['5090', 'Påløpt lønn', 'Accrued salaries', '5000'],
      ['5092', 'Feriepenger, kostnad', 'Holiday pay expense', '5000'],
      ['5200', 'Fri bil, fordel', 'Company car benefit', '5000'],
      ['5210', 'Fri telefon, fordel', 'Free phone benefit', '5000'],
      ['5280', 'Andre naturalytelser', 'Other benefits in kind', '5000'],
      ['5290', 'Motpost naturalytelser', 'Contra, benefits in kind', '5000'],
      ['5330', 'Styrehonorar', 'Board fees', '5300'],
      ['5400', 'Arbeidsgiveravgift, kostnad', "Employer's social security expense", '5400'],
      ['5405', 'Arbeidsgiveravgift, feriepenger', "Employer's social security on holiday pay", '5400'],
      // Refunded sick pay reduces the wage cost it refunds.
      ['5800', 'Sykepengerefusjon', 'Sick pay refunds', '5000'],
      ['5900', 'Personalgaver', 'Staff gifts', '5900'],
      ['5910', 'Kantine', 'Staff canteen', '5900'],
      ['5920', 'Forsikring, yrkesskade', 'Work injury insurance', '5900'],
      ['5950', 'Tjenestepensjon (OTP)', 'Occupational pension (OTP)', '5900'],
      ['5990', 'Øvrige personalkostnader', 'Other staff costs', '5900'],
    ],
  },
  {
    groupingCategory: 'annenDriftskostnad',
    rows: [
      ['6000', 'Avskrivning, bygg', 'Depreciation, buildings', '6000'],
      ['6010', 'Avskrivning, kjøretøy', 'Depreciation, vehicles', '6000'],
      ['6015', 'Avskrivning, maskiner', 'Depreciation, machinery', '6000'],
      ['6017', 'Avskrivning, inventar', 'Depreciation, furniture and fittings', '6000'],
      ['6020', 'Avskrivning, goodwill', 'Amortisation of goodwill', '6000'],
      ['6029', 'Avskrivning, andre immaterielle eiendeler', 'Amortisation of other intangibles', '6000'],
      ['6050', 'Nedskrivning av driftsmidler', 'Impairment of fixed assets', '6050'],
      ['6100', 'Frakt og transport ved salg', 'Freight on sales', '6100', { vat: '1' }],
      ['6300', 'Husleie', 'Rent of premises', '6300'],
      ['6320', 'Renovasjon og avløp', 'Waste and sewage', '6395', { vat: '1' }],
      ['6340', 'Strøm', 'Power for premises', '6340', { vat: '1' }],
      ['6360', 'Renhold og vask', 'Cleaning services', '6395', { vat: '1' }],
      ['6390', 'Øvrige lokalkostnader', 'Other premises costs', '6395', { standard: '6399', vat: '1' }],
      ['6400', 'Leie av maskiner', 'Machinery hire', '6400', { vat: '1' }],
      ['6420', 'Leie av IT-systemer', 'IT system rental', '6350', { vat: '1' }],
      ['6440', 'Leasing av biler', 'Car leasing', '6440'],
      ['6540', 'Inventar, ikke aktivert', 'Furniture, expensed', '6500', { vat: '1' }],
      ['6551', 'Datautstyr, ikke aktivert', 'Computer equipment, expensed', '6350', { vat: '1' }],
      ['6553', 'Programvare og abonnementer', 'Software and subscriptions', '6350', { vat: '1' }],
      ['6560', 'Forbruksmateriell', 'Consumables', '6500', { vat: '1' }],
      ['6600', 'Vedlikehold av lokaler', 'Maintenance of premises', '6600', { vat: '1' }],
      ['6620', 'Vedlikehold av utstyr', 'Maintenance of equipment', '6695', { vat: '1' }],
      ['6700', 'Revisjon', 'Audit', '6700', { vat: '1' }],
      ['6705', 'Regnskapsføring', 'Bookkeeping services', '6700', { vat: '1' }],
      ['6720', 'Økonomisk rådgivning', 'Financial advice', '6700', { vat: '1' }],
      ['6725', 'Juridisk bistand', 'Legal services', '6700', { vat: '1' }],
      ['6795', 'Øvrige kjøpte tjenester', 'Other purchased services', '6700', { vat: '1' }],
      ['6800', 'Kontormateriell', 'Office materials', '6995', { vat: '1' }],
      ['6840', 'Aviser og faglitteratur', 'Newspapers and professional literature', '6995'],
      ['6860', 'Møter og kurs', 'Meetings and courses', '7700', { vat: '1' }],
      ['6900', 'Telefoni', 'Telephony', '6995', { vat: '1' }],
      ['6907', 'Internett og datalinjer', 'Internet and data lines', '6995', { vat: '1' }],
      ['6940', 'Porto og forsendelse', 'Postage and mailing', '6995'],
      ['7000', 'Drivstoff, firmabil', 'Fuel, company car', '7000'],
      ['7020', 'Vedlikehold, firmabil', 'Maintenance, company car', '7020'],
      ['7040', 'Forsikring, firmabil', 'Insurance, company car', '7040'],
      ['7100', 'Kilometergodtgjørelse, oppgavepliktig', 'Mileage allowance, reportable', '7155'],
      ['7130', 'Reiser, oppgavepliktige', 'Travel, reportable', '7155'],
      // Travel is mostly passenger transport and lodging, both at the low rate (code 13).
      ['7140', 'Reiser, ikke oppgavepliktige', 'Travel, not reportable', '7165', { vat: '13' }],
      ['7150', 'Diett, oppgavepliktig', 'Per diem, reportable', '7155'],
      ['7160', 'Diett, ikke oppgavepliktig', 'Per diem, not reportable', '7165'],
      ['7300', 'Salgsfremmende kostnader', 'Sales promotion', '7330', { vat: '1' }],
      ['7320', 'Annonser og markedsføring', 'Advertising and marketing', '7330', { vat: '1' }],
      ['7350', 'Representasjon, med fradrag', 'Entertainment, deductible', '7350'],
      ['7360', 'Representasjon, uten fradrag', 'Entertainment, non-deductible', '7370'],
      ['7400', 'Kontingenter, med fradrag', 'Memberships, deductible', '7400'],
      ['7410', 'Kontingenter, uten fradrag', 'Memberships, non-deductible', '7490'],
      ['7420', 'Gaver, med fradrag', 'Business gifts, deductible', '7420'],
      ['7430', 'Gaver, uten fradrag', 'Business gifts, non-deductible', '7440'],
      ['7500', 'Forsikringer', 'Insurance', '7500'],
      ['7550', 'Garantikostnader', 'Warranty costs', '7565'],
      ['7600', 'Lisenser og royalty', 'Licences and royalties', '7600', { vat: '1' }],
      ['7710', 'Styre- og generalforsamlingsmøter', 'Board and shareholder meetings', '7700'],
      // Øreavrunding: NS 4102 and the SAF-T standard list give rounding its own account, 7740.
      ['7740', 'Avrundingsdifferanser', 'Rounding differences', '7700'],
      ['7770', 'Bankgebyrer', 'Bank fees', '7700'],
      ['7775', 'Gebyrer for kortinnløsning', 'Card acquiring fees', '7700'],
      ['7790', 'Øvrige kostnader, med fradrag', 'Sundry expenses, deductible', '7700', { standard: '7798' }],
      ['7791', 'Kassedifferanser', 'Cash register differences', '7700', { standard: '7798' }],
      ['7799', 'Øvrige kostnader, uten fradrag', 'Sundry expenses, non-deductible', '7700'],
      ['7830', 'Tap på kundefordringer', 'Losses on trade receivables', '7830'],
      ['7880', 'Tap ved salg av driftsmidler', 'Losses on disposal of fixed assets', '7880'],
    ],
  },
  {
    groupingCategory: 'finansinntekt',
    rows: [
      ['8050', 'Renteinntekter, bank', 'Interest income, bank', '8050'],
      ['8055', 'Forsinkelsesrenter fra kunder', 'Late-payment interest from customers', '8050'],
      ['8060', 'Agio, valutagevinst', 'Currency gains', '8060'],
      ['8070', 'Utbytte på aksjer', 'Share dividends received', '8090'],
      ['8079', 'Øvrige finansinntekter', 'Sundry financial income', '8079'],
    ],
  },
  {
    groupingCategory: 'finanskostnad',
    rows: [
      ['8150', 'Renter på banklån', 'Interest on bank loans', '8150'],
      ['8155', 'Forsinkelsesrenter til leverandører', 'Late-payment interest to suppliers', '8150'],
      ['8159', 'Øvrige rentekostnader', 'Sundry interest expense', '8150'],
      ['8160', 'Disagio, valutatap', 'Currency losses', '8160'],
      ['8179', 'Øvrige finanskostnader', 'Sundry financial expenses', '8179'],
    ],
  },
  {
    groupingCategory: 'skattekostnad',
    rows: [
      ['8300', 'Betalbar skatt, årets', 'Income tax payable for the year', '8300'],
      // SAF-T maps an account to one code, and the næringsspesifikasjon tells an increase of
      // deferred tax (8321) from a decrease (8322): one account each.
      ['8321', 'Økt utsatt skatt', 'Increase in deferred tax', '8321', { standard: '8320' }],
      ['8322', 'Redusert utsatt skatt', 'Decrease in deferred tax', '8322', { standard: '8320' }],
    ],
  },
  {
    // Appropriation of the year's result. Skatteetaten added grouping code 8800 for these
    // accounts (SAF-T only; they are not part of the income statement).
    groupingCategory: 'resultatDisponeringForSAF-T',
    rows: [
      ['8800', 'Årets resultat', 'Profit or loss for the year', '8800'],
      ['8920', 'Utbytte, avsatt', 'Dividends allocated', '8800'],
      ['8960', 'Overført til annen egenkapital', 'Transferred to other equity', '8800'],
      ['8990', 'Overført til udekket tap', 'Transferred to uncovered loss', '8800'],
    ],
  },
];
