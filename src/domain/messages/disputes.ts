/**
 * Concord's words about disputes, court cases and the GML MID import in the four languages:
 * spread into each language's catalogue (en.ts, es.ts, pt.ts, fr.ts), so `msg("...")` knows them
 * and messages.test.ts checks them like any other. English defines the keys; the others are
 * typed by it.
 */
const en = {
  "disputes.cli.column.party": () => "party",
  "disputes.cli.column.side": () => "side",
  "disputes.cli.column.years": () => "years",
  "disputes.cli.column.hostility": () => "hostility",
  "disputes.cli.column.relations": () => "relations that day",
  "disputes.cli.column.court": () => "court",
  "disputes.cli.column.applicant": () => "applicant",
  "disputes.cli.column.respondent": () => "respondent",
  "disputes.cli.column.status": () => "status",
  "disputes.cli.column.last_stage": () => "last stage",
  "disputes.cli.column.start": () => "from",
  "disputes.cli.column.end": () => "to",
  "disputes.cli.column.name": () => "name",
  "disputes.cli.facts": (p: { hostility: string; action: string; fatality: string }) =>
    `highest hostility ${p.hostility}, highest action ${p.action}, fatalities ${p.fatality}`,
  "disputes.cli.source": (p: { source: string }) => `source: ${p.source}`,
  "disputes.reading": () => "reading disputes",
  "disputes.not_found": (p: { id: string }) => `No dispute has the id ${p.id}.`,
  "disputes.case_not_found": (p: { id: string }) => `No court case has the id ${p.id}.`,
  "disputes.party_format": (p: { got: string }) =>
    `must be a state's ISO 3166-1 alpha-3 code (such as COL) or a Correlates of War code written COW:300 (got "${p.got}")`,
  "disputes.pair_same": (p: { code: string }) => `names ${p.code} twice: a pair is two different states`,
  "disputes.day_format": (p: { got: string }) => `must be a date written YYYY-MM-DD, or "today" (got "${p.got}")`,
  "disputes.year_range": (p: { first: number; last: number }) => `must be a year from ${p.first} to ${p.last}`,
  "disputes.to_before_from": (p: { from: number }) => `must not come before the first year asked for (${p.from})`,
  "disputes.limit_range": (p: { maximum: number }) => `must be a whole number from 1 to ${p.maximum}`,
  "disputes.offset_range": () => "must be a whole number, 0 or more",
  "disputes.cli.heading": (p: { total: number; shown: number }) => `${p.total} disputes (${p.shown} shown)`,
  "disputes.cli.pair": (p: {
    pair: string;
    disputes: number;
    first: string;
    last: string;
    highest: string;
    wars: string;
  }) =>
    `${p.pair}: ${p.disputes} disputes, ${p.first}–${p.last}; highest hostility: ${p.highest}; reached war: ${p.wars}`,
  "disputes.cli.none": () => "none",
  "disputes.cli.imported": (p: {
    rows: number;
    disputes: number;
    added: number;
    updated: number;
    unchanged: number;
    seconds: string;
  }) =>
    `Read ${p.rows} lines: ${p.disputes} disputes (${p.added} added, ${p.updated} updated, ${p.unchanged} unchanged) in ${p.seconds} s.`,
  "disputes.cli.without_state": (p: { count: number }) =>
    `${p.count} parties have no state in the registry (no ISO code): kept by their COW code, such as COW:300.`,
  "disputes.cli.refused": (p: { count: number }) => `${p.count} lines refused:`,
  "disputes.cli.set_aside": (p: { count: number }) => `${p.count} values kept as missing:`,
  "disputes.cli.line": (p: { line: number; reason: string }) => `  line ${p.line}: ${p.reason}`,
  "disputes.cli.more": (p: { count: number }) => `  … and ${p.count} more`,
  "disputes.cli.no_cases": () => "No court cases.",
  "cli.help_disputes": () => `
Disputes:
  concord disputes [--state A] [--pair A B] [--at DATE] [--from YEAR] [--to YEAR] [--json]
                                                 disputes of a state, of a pair (with the pair's
                                                 summary), or active on a date, newest first
  concord dispute <ID> [--json]                  one dispute: parties, years, timeline, cases
  concord cases [--state A] [--json]             court and arbitration cases
  concord import gml-mid <file.csv>              imports the GML MID data (dyad-year form); a
                                                 re-run changes nothing; refused lines are listed`,
};

type Catalogue = { [K in keyof typeof en]: (typeof en)[K] };

const es: Catalogue = {
  "disputes.cli.column.party": () => "parte",
  "disputes.cli.column.side": () => "lado",
  "disputes.cli.column.years": () => "años",
  "disputes.cli.column.hostility": () => "hostilidad",
  "disputes.cli.column.relations": () => "relaciones ese día",
  "disputes.cli.column.court": () => "tribunal",
  "disputes.cli.column.applicant": () => "demandante",
  "disputes.cli.column.respondent": () => "demandado",
  "disputes.cli.column.status": () => "estado",
  "disputes.cli.column.last_stage": () => "última etapa",
  "disputes.cli.column.start": () => "desde",
  "disputes.cli.column.end": () => "hasta",
  "disputes.cli.column.name": () => "nombre",
  "disputes.cli.facts": (p) =>
    `hostilidad más alta ${p.hostility}, acción más alta ${p.action}, víctimas ${p.fatality}`,
  "disputes.cli.source": (p) => `fuente: ${p.source}`,
  "disputes.reading": () => "leer controversias",
  "disputes.not_found": (p) => `Ninguna controversia tiene el identificador ${p.id}.`,
  "disputes.case_not_found": (p) => `Ningún caso judicial tiene el identificador ${p.id}.`,
  "disputes.party_format": (p) =>
    `debe ser el código ISO 3166-1 alfa-3 de un Estado (como COL) o un código de Correlates of War escrito COW:300 (se recibió "${p.got}")`,
  "disputes.pair_same": (p) => `nombra ${p.code} dos veces: un par son dos Estados distintos`,
  "disputes.day_format": (p) => `debe ser una fecha escrita AAAA-MM-DD, o "today" (se recibió "${p.got}")`,
  "disputes.year_range": (p) => `debe ser un año entre ${p.first} y ${p.last}`,
  "disputes.to_before_from": (p) => `no debe ser anterior al primer año pedido (${p.from})`,
  "disputes.limit_range": (p) => `debe ser un número entero entre 1 y ${p.maximum}`,
  "disputes.offset_range": () => "debe ser un número entero, 0 o mayor",
  "disputes.cli.heading": (p) => `${p.total} controversias (${p.shown} mostradas)`,
  "disputes.cli.pair": (p) =>
    `${p.pair}: ${p.disputes} controversias, ${p.first}–${p.last}; hostilidad más alta: ${p.highest}; llegaron a la guerra: ${p.wars}`,
  "disputes.cli.none": () => "ninguna",
  "disputes.cli.imported": (p) =>
    `Leídas ${p.rows} líneas: ${p.disputes} controversias (${p.added} añadidas, ${p.updated} actualizadas, ${p.unchanged} sin cambios) en ${p.seconds} s.`,
  "disputes.cli.without_state": (p) =>
    `${p.count} partes no tienen Estado en el registro (sin código ISO): se conservan por su código COW, como COW:300.`,
  "disputes.cli.refused": (p) => `${p.count} líneas rechazadas:`,
  "disputes.cli.set_aside": (p) => `${p.count} valores conservados como faltantes:`,
  "disputes.cli.line": (p) => `  línea ${p.line}: ${p.reason}`,
  "disputes.cli.more": (p) => `  … y ${p.count} más`,
  "disputes.cli.no_cases": () => "Ningún caso judicial.",
  "cli.help_disputes": () => `
Controversias:
  concord disputes [--state A] [--pair A B] [--at FECHA] [--from AÑO] [--to AÑO] [--json]
                                                 controversias de un Estado, de un par (con el
                                                 resumen del par) o activas en una fecha, las más
                                                 recientes primero
  concord dispute <ID> [--json]                  una controversia: partes, años, cronología, casos
  concord cases [--state A] [--json]             casos judiciales y arbitrales
  concord import gml-mid <archivo.csv>           importa los datos GML MID (forma díada-año); repetir
                                                 no cambia nada; se listan las líneas rechazadas`,
};

const pt: Catalogue = {
  "disputes.cli.column.party": () => "parte",
  "disputes.cli.column.side": () => "lado",
  "disputes.cli.column.years": () => "anos",
  "disputes.cli.column.hostility": () => "hostilidade",
  "disputes.cli.column.relations": () => "relações nesse dia",
  "disputes.cli.column.court": () => "tribunal",
  "disputes.cli.column.applicant": () => "requerente",
  "disputes.cli.column.respondent": () => "requerido",
  "disputes.cli.column.status": () => "situação",
  "disputes.cli.column.last_stage": () => "última etapa",
  "disputes.cli.column.start": () => "de",
  "disputes.cli.column.end": () => "até",
  "disputes.cli.column.name": () => "nome",
  "disputes.cli.facts": (p) =>
    `hostilidade mais alta ${p.hostility}, ação mais alta ${p.action}, vítimas ${p.fatality}`,
  "disputes.cli.source": (p) => `fonte: ${p.source}`,
  "disputes.reading": () => "ler controvérsias",
  "disputes.not_found": (p) => `Nenhuma controvérsia tem o identificador ${p.id}.`,
  "disputes.case_not_found": (p) => `Nenhum caso judicial tem o identificador ${p.id}.`,
  "disputes.party_format": (p) =>
    `deve ser o código ISO 3166-1 alfa-3 de um Estado (como COL) ou um código do Correlates of War escrito COW:300 (recebido "${p.got}")`,
  "disputes.pair_same": (p) => `nomeia ${p.code} duas vezes: um par são dois Estados diferentes`,
  "disputes.day_format": (p) => `deve ser uma data escrita AAAA-MM-DD, ou "today" (recebido "${p.got}")`,
  "disputes.year_range": (p) => `deve ser um ano entre ${p.first} e ${p.last}`,
  "disputes.to_before_from": (p) => `não deve ser anterior ao primeiro ano pedido (${p.from})`,
  "disputes.limit_range": (p) => `deve ser um número inteiro entre 1 e ${p.maximum}`,
  "disputes.offset_range": () => "deve ser um número inteiro, 0 ou maior",
  "disputes.cli.heading": (p) => `${p.total} controvérsias (${p.shown} mostradas)`,
  "disputes.cli.pair": (p) =>
    `${p.pair}: ${p.disputes} controvérsias, ${p.first}–${p.last}; hostilidade mais alta: ${p.highest}; chegaram à guerra: ${p.wars}`,
  "disputes.cli.none": () => "nenhuma",
  "disputes.cli.imported": (p) =>
    `Lidas ${p.rows} linhas: ${p.disputes} controvérsias (${p.added} adicionadas, ${p.updated} atualizadas, ${p.unchanged} sem alterações) em ${p.seconds} s.`,
  "disputes.cli.without_state": (p) =>
    `${p.count} partes não têm Estado no registro (sem código ISO): mantidas pelo código COW, como COW:300.`,
  "disputes.cli.refused": (p) => `${p.count} linhas recusadas:`,
  "disputes.cli.set_aside": (p) => `${p.count} valores mantidos como ausentes:`,
  "disputes.cli.line": (p) => `  linha ${p.line}: ${p.reason}`,
  "disputes.cli.more": (p) => `  … e mais ${p.count}`,
  "disputes.cli.no_cases": () => "Nenhum caso judicial.",
  "cli.help_disputes": () => `
Controvérsias:
  concord disputes [--state A] [--pair A B] [--at DATA] [--from ANO] [--to ANO] [--json]
                                                 controvérsias de um Estado, de um par (com o
                                                 resumo do par) ou ativas numa data, as mais
                                                 recentes primeiro
  concord dispute <ID> [--json]                  uma controvérsia: partes, anos, cronologia, casos
  concord cases [--state A] [--json]             casos judiciais e arbitrais
  concord import gml-mid <arquivo.csv>           importa os dados GML MID (forma díade-ano); repetir
                                                 não muda nada; as linhas recusadas são listadas`,
};

const fr: Catalogue = {
  "disputes.cli.column.party": () => "partie",
  "disputes.cli.column.side": () => "camp",
  "disputes.cli.column.years": () => "années",
  "disputes.cli.column.hostility": () => "hostilité",
  "disputes.cli.column.relations": () => "relations ce jour-là",
  "disputes.cli.column.court": () => "juridiction",
  "disputes.cli.column.applicant": () => "demandeur",
  "disputes.cli.column.respondent": () => "défendeur",
  "disputes.cli.column.status": () => "état",
  "disputes.cli.column.last_stage": () => "dernière étape",
  "disputes.cli.column.start": () => "de",
  "disputes.cli.column.end": () => "à",
  "disputes.cli.column.name": () => "nom",
  "disputes.cli.facts": (p) =>
    `hostilité la plus haute ${p.hostility}, action la plus haute ${p.action}, victimes ${p.fatality}`,
  "disputes.cli.source": (p) => `source : ${p.source}`,
  "disputes.reading": () => "lire les différends",
  "disputes.not_found": (p) => `Aucun différend n'a l'identifiant ${p.id}.`,
  "disputes.case_not_found": (p) => `Aucune affaire judiciaire n'a l'identifiant ${p.id}.`,
  "disputes.party_format": (p) =>
    `doit être le code ISO 3166-1 alpha-3 d'un État (comme COL) ou un code Correlates of War écrit COW:300 (reçu « ${p.got} »)`,
  "disputes.pair_same": (p) => `nomme ${p.code} deux fois : une paire, ce sont deux États différents`,
  "disputes.day_format": (p) => `doit être une date écrite AAAA-MM-JJ, ou « today » (reçu « ${p.got} »)`,
  "disputes.year_range": (p) => `doit être une année de ${p.first} à ${p.last}`,
  "disputes.to_before_from": (p) => `ne doit pas précéder la première année demandée (${p.from})`,
  "disputes.limit_range": (p) => `doit être un nombre entier de 1 à ${p.maximum}`,
  "disputes.offset_range": () => "doit être un nombre entier, 0 ou plus",
  "disputes.cli.heading": (p) => `${p.total} différends (${p.shown} affichés)`,
  "disputes.cli.pair": (p) =>
    `${p.pair} : ${p.disputes} différends, ${p.first}–${p.last} ; hostilité la plus haute : ${p.highest} ; allés jusqu'à la guerre : ${p.wars}`,
  "disputes.cli.none": () => "aucun",
  "disputes.cli.imported": (p) =>
    `${p.rows} lignes lues : ${p.disputes} différends (${p.added} ajoutés, ${p.updated} mis à jour, ${p.unchanged} inchangés) en ${p.seconds} s.`,
  "disputes.cli.without_state": (p) =>
    `${p.count} parties n'ont pas d'État dans le registre (pas de code ISO) : gardées sous leur code COW, comme COW:300.`,
  "disputes.cli.refused": (p) => `${p.count} lignes refusées :`,
  "disputes.cli.set_aside": (p) => `${p.count} valeurs gardées comme manquantes :`,
  "disputes.cli.line": (p) => `  ligne ${p.line} : ${p.reason}`,
  "disputes.cli.more": (p) => `  … et ${p.count} de plus`,
  "disputes.cli.no_cases": () => "Aucune affaire judiciaire.",
  "cli.help_disputes": () => `
Différends :
  concord disputes [--state A] [--pair A B] [--at DATE] [--from ANNÉE] [--to ANNÉE] [--json]
                                                 les différends d'un État, d'une paire (avec le
                                                 résumé de la paire) ou en cours à une date, les
                                                 plus récents d'abord
  concord dispute <ID> [--json]                  un différend : parties, années, chronologie, affaires
  concord cases [--state A] [--json]             affaires judiciaires et arbitrales
  concord import gml-mid <fichier.csv>           importe les données GML MID (forme dyade-année) ;
                                                 recommencer ne change rien ; les lignes refusées
                                                 sont listées`,
};

export const disputeMessages: { en: typeof en; es: Catalogue; pt: Catalogue; fr: Catalogue } = { en, es, pt, fr };
