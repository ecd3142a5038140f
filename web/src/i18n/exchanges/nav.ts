/**
 * The few words of the exchanges pages the header and the window's title need before those
 * pages' own text (./en.ts …) has arrived: small, so they travel in the main chunk, in all four
 * languages.
 */
import type { Language } from "../../../../src/domain/languages.ts";

export type ExchangeNavText = {
  navExchanges: string;
  exchangesTitle: string;
  regimePageTitle: (code: string) => string;
  returnPageTitle: (state: string, year: string) => string;
};

export const EXCHANGE_NAV: Record<Language, ExchangeNavText> = {
  en: {
    navExchanges: "Exchanges",
    exchangesTitle: "Annual information exchanges",
    regimePageTitle: (code) => `Information exchange ${code}`,
    returnPageTitle: (state, year) => `Return of ${state} for ${year}`,
  },
  es: {
    navExchanges: "Intercambios",
    exchangesTitle: "Intercambios anuales de información",
    regimePageTitle: (code) => `Intercambio de información ${code}`,
    returnPageTitle: (state, year) => `Informe de ${state} para ${year}`,
  },
  pt: {
    navExchanges: "Intercâmbios",
    exchangesTitle: "Intercâmbios anuais de informações",
    regimePageTitle: (code) => `Intercâmbio de informações ${code}`,
    returnPageTitle: (state, year) => `Relatório de ${state} para ${year}`,
  },
  fr: {
    navExchanges: "Échanges",
    exchangesTitle: "Échanges annuels d'informations",
    regimePageTitle: (code) => `Échange d'informations ${code}`,
    returnPageTitle: (state, year) => `Rapport de ${state} pour ${year}`,
  },
};
