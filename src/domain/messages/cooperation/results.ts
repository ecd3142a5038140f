/**
 * Concord's words about cooperation results in the four languages: spread into each language's
 * catalogue (en.ts, es.ts, pt.ts, fr.ts), so `msg("...")` knows them and messages.test.ts
 * checks them like any other. English defines the keys; the others are typed by it.
 */
const en = {};

export const resultsMessages: { en: typeof en; es: typeof en; pt: typeof en; fr: typeof en } = {
  en,
  es: {},
  pt: {},
  fr: {},
};
