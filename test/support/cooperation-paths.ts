/**
 * The API paths of cooperation programmes (menu, programmes, events and nominations, results,
 * calendar feeds): src/api/matrix-cooperation.test.ts checks their authorization, and
 * src/api/matrix.test.ts leaves them to it.
 */
export const COOPERATION_PATHS =
  /^[A-Z]+ \/api\/v1\/(menu|programmes|events|nominations|indicators|periods|updates|calendar|calendar-feed|cooperation)\b/;
