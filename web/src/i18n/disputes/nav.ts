/**
 * The few words of the disputes pages the header and the window's title need before those pages'
 * own text (./en.ts …) has arrived: small, so they travel in the main chunk, in all four languages.
 */
import type { Language } from "../../../../src/domain/languages.ts";

export type DisputeNavText = {
  navDisputes: string;
  disputesTitle: string;
  disputePageTitle: (id: string) => string;
  casesTitle: string;
  casePageTitle: (id: string) => string;
};

export const DISPUTE_NAV: Record<Language, DisputeNavText> = {
  en: {
    navDisputes: "Disputes",
    disputesTitle: "Interstate disputes",
    disputePageTitle: (id) => `Dispute ${id}`,
    casesTitle: "Court and arbitration cases",
    casePageTitle: (id) => `Court case ${id}`,
  },
  es: {
    navDisputes: "Controversias",
    disputesTitle: "Controversias interestatales",
    disputePageTitle: (id) => `Controversia ${id}`,
    casesTitle: "Casos judiciales y arbitrales",
    casePageTitle: (id) => `Caso judicial ${id}`,
  },
  pt: {
    navDisputes: "Controvérsias",
    disputesTitle: "Controvérsias interestatais",
    disputePageTitle: (id) => `Controvérsia ${id}`,
    casesTitle: "Casos judiciais e arbitrais",
    casePageTitle: (id) => `Caso judicial ${id}`,
  },
  fr: {
    navDisputes: "Différends",
    disputesTitle: "Différends interétatiques",
    disputePageTitle: (id) => `Différend ${id}`,
    casesTitle: "Affaires judiciaires et arbitrales",
    casePageTitle: (id) => `Affaire ${id}`,
  },
};
