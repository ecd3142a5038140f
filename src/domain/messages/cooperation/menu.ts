/**
 * Concord's words about cooperation menu in the four languages: spread into each language's
 * catalogue (en.ts, es.ts, pt.ts, fr.ts), so `msg("...")` knows them and messages.test.ts
 * checks them like any other. English defines the keys; the others are typed by it.
 */
const en = {
  "menu.managing": (p: { organization: string }) => `managing ${p.organization}'s partnership menu`,
  "menu.reading": () => "reading the partnership menu",
  "menu.csv_content_type": () => "must be the CSV file itself, sent as text/csv",
  "menu.csv_row_length": (p: { got: number; expected: number }) => `has ${p.got} fields; the header has ${p.expected}`,
  "menu.organization_not_found": (p: { code: string }) => `No organisation has the code ${p.code}.`,
  "menu.item_not_found": (p: { id: string }) => `The menu has no item ${p.id}.`,
  "menu.code_taken": (p: { organization: string; code: string }) =>
    `${p.organization}'s menu already has an item ${p.code}.`,
  "menu.code_format": () =>
    "must be 1 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or a digit",
  "menu.until_after_since": (p: { since: string }) => `must come after the first day on the menu (${p.since})`,
  "menu.language_codes": (p: { got: string }) =>
    `must be ISO 639-1 language codes (two lower-case letters, such as en or fr), separated by semicolons (got "${p.got}")`,
  "menu.too_many_languages": (p: { maximum: number }) => `may name at most ${p.maximum} languages`,
  "menu.duration_range": () => "must be a whole number of days from 1 to 366",
  "menu.eligibility_format": () =>
    "must be all-partners, framework:SLUG (one of the organisation's frameworks) or states:CODE;CODE (the states' codes)",
  "menu.unknown_framework": (p: { organization: string; slug: string }) =>
    `${p.organization} has no framework "${p.slug}"`,
  "menu.unknown_states": (p: { codes: string }) => `not states in the registry: ${p.codes}`,
  "menu.unknown_source": (p: { id: string }) => `no source in the registry has the id "${p.id}"`,
  "menu.boolean": () => "must be true or false",
  "menu.nothing_to_change": () => "names nothing to change",
  "menu.not_a_state": (p: { code: string }) => `no state has the code ${p.code}`,
  "menu.limit_range": (p: { maximum: number }) => `must be a whole number from 1 to ${p.maximum}`,
  "menu.offset_range": (p: { maximum: number }) => `must be a whole number from 0 to ${p.maximum}`,
  "menu.duplicate_row": (p: { row: number }) => `appears twice in the file: first on row ${p.row}`,
  "menu.csv_malformed": (p: { line: number }) =>
    `cannot be read as CSV near line ${p.line}: a quote left open, or a row with more or fewer fields than the header`,
  "menu.csv_columns": (p: { missing: string; unknown: string }) =>
    `must have exactly the menu's columns (missing: ${p.missing}; unknown: ${p.unknown})`,
  "menu.csv_empty": () => "has no header row",
  "menu.csv_too_many_rows": (p: { maximum: number }) => `may have at most ${p.maximum} rows`,
  "menu.starter_refused": (p: { row: number; code: string; field: string; message: string }) =>
    `data/starter/cooperation/menu.csv, row ${p.row} (${p.code}), ${p.field}: ${p.message}`,

  // The command line.
  "menu.cli.heading": (p: { organization: string; at: string; total: number; shown: number }) =>
    `${p.organization}'s partnership menu on ${p.at}: ${p.total} item(s)${p.shown < p.total ? `, the first ${p.shown} shown` : ""}.`,
  "menu.cli.search_heading": (p: { q: string; organization: string; total: number; shown: number }) =>
    `"${p.q}" in ${p.organization}'s partnership menu: ${p.total} item(s)${p.shown < p.total ? `, the best ${p.shown} shown` : ""}.`,
  "menu.cli.nothing_found": (p: { q: string }) => `Nothing on the menu matches "${p.q}".`,
  "menu.cli.column.area": () => "Area",
  "menu.cli.column.type": () => "Type",
  "menu.cli.column.provider": () => "Provider",
  "menu.cli.column.languages": () => "Languages",
  "menu.cli.import_summary": (p: {
    file: string;
    created: number;
    updated: number;
    unchanged: number;
    refused: number;
  }) =>
    `${p.file}: ${p.created} item(s) added, ${p.updated} changed, ${p.unchanged} unchanged, ${p.refused} row(s) refused.`,
  "menu.cli.import_refused": () => "Refused rows (nothing of them was written):",
  "menu.cli.import_line": (p: { row: number; code: string; field: string; message: string }) =>
    `  row ${p.row}${p.code ? ` (${p.code})` : ""}, ${p.field}: ${p.message}`,
  "menu.cli.search_words": () => "the words to search the menu for",
  "cli.help_menu": () => `
Cooperation menu:
  concord menu [--organization ORG] [--area A] [--lang L] [--json]
                                                 the partnership menu of ORG (default NATO) today,
                                                 by area of cooperation
  concord menu search <WORDS> [--organization ORG] [--lang L] [--json]
                                                 menu items matching WORDS in any of the four
                                                 languages (any case, any accents), best first
  concord import menu <file.csv> [--organization ORG]
                                                 add or update ORG's menu items from a CSV file (the
                                                 columns of GET /api/v1/menu?format=csv); prints the
                                                 rows refused and why; nothing of a refused row is written`,
};

const es: typeof en = {
  "menu.managing": (p) => `gestionar el menú de asociación de ${p.organization}`,
  "menu.reading": () => "consultar el menú de asociación",
  "menu.csv_content_type": () => "debe ser el propio archivo CSV, enviado como text/csv",
  "menu.csv_row_length": (p) => `tiene ${p.got} campos; la cabecera tiene ${p.expected}`,
  "menu.organization_not_found": (p) => `Ninguna organización tiene el código ${p.code}.`,
  "menu.item_not_found": (p) => `El menú no tiene la actividad ${p.id}.`,
  "menu.code_taken": (p) => `El menú de ${p.organization} ya tiene una actividad ${p.code}.`,
  "menu.code_format": () =>
    "debe tener de 1 a 40 letras, dígitos, puntos, guiones o guiones bajos, y empezar por una letra o un dígito",
  "menu.until_after_since": (p) => `debe ser posterior al primer día en el menú (${p.since})`,
  "menu.language_codes": (p) =>
    `deben ser códigos de idioma ISO 639-1 (dos letras minúsculas, como es o fr) separados por punto y coma (se recibió "${p.got}")`,
  "menu.too_many_languages": (p) => `puede indicar como máximo ${p.maximum} idiomas`,
  "menu.duration_range": () => "debe ser un número entero de días entre 1 y 366",
  "menu.eligibility_format": () =>
    "debe ser all-partners, framework:SLUG (uno de los marcos de la organización) o states:CÓDIGO;CÓDIGO (los códigos de los Estados)",
  "menu.unknown_framework": (p) => `${p.organization} no tiene ningún marco "${p.slug}"`,
  "menu.unknown_states": (p) => `no son Estados del registro: ${p.codes}`,
  "menu.unknown_source": (p) => `ninguna fuente del registro tiene el identificador "${p.id}"`,
  "menu.boolean": () => "debe ser true o false",
  "menu.nothing_to_change": () => "no indica nada que cambiar",
  "menu.not_a_state": (p) => `ningún Estado tiene el código ${p.code}`,
  "menu.limit_range": (p) => `debe ser un número entero entre 1 y ${p.maximum}`,
  "menu.offset_range": (p) => `debe ser un número entero entre 0 y ${p.maximum}`,
  "menu.duplicate_row": (p) => `aparece dos veces en el archivo: primero en la fila ${p.row}`,
  "menu.csv_malformed": (p) =>
    `no se puede leer como CSV cerca de la línea ${p.line}: unas comillas sin cerrar o una fila con más o menos campos que la cabecera`,
  "menu.csv_columns": (p) =>
    `debe tener exactamente las columnas del menú (faltan: ${p.missing}; desconocidas: ${p.unknown})`,
  "menu.csv_empty": () => "no tiene fila de cabecera",
  "menu.csv_too_many_rows": (p) => `puede tener como máximo ${p.maximum} filas`,
  "menu.starter_refused": (p) =>
    `data/starter/cooperation/menu.csv, fila ${p.row} (${p.code}), ${p.field}: ${p.message}`,

  "menu.cli.heading": (p) =>
    `Menú de asociación de ${p.organization} el ${p.at}: ${p.total} actividad(es)${p.shown < p.total ? `; se muestran las ${p.shown} primeras` : ""}.`,
  "menu.cli.search_heading": (p) =>
    `"${p.q}" en el menú de asociación de ${p.organization}: ${p.total} actividad(es)${p.shown < p.total ? `; se muestran las ${p.shown} mejores` : ""}.`,
  "menu.cli.nothing_found": (p) => `Nada del menú coincide con "${p.q}".`,
  "menu.cli.column.area": () => "Área",
  "menu.cli.column.type": () => "Tipo",
  "menu.cli.column.provider": () => "Proveedor",
  "menu.cli.column.languages": () => "Idiomas",
  "menu.cli.import_summary": (p) =>
    `${p.file}: ${p.created} actividad(es) añadida(s), ${p.updated} modificada(s), ${p.unchanged} sin cambios, ${p.refused} fila(s) rechazada(s).`,
  "menu.cli.import_refused": () => "Filas rechazadas (no se escribió nada de ellas):",
  "menu.cli.import_line": (p) => `  fila ${p.row}${p.code ? ` (${p.code})` : ""}, ${p.field}: ${p.message}`,
  "menu.cli.search_words": () => "las palabras que buscar en el menú",
  "cli.help_menu": () => `
Menú de cooperación:
  concord menu [--organization ORG] [--area A] [--lang L] [--json]
                                                 el menú de asociación de ORG (por defecto NATO) hoy,
                                                 por área de cooperación
  concord menu search <PALABRAS> [--organization ORG] [--lang L] [--json]
                                                 actividades del menú que coinciden con PALABRAS en
                                                 cualquiera de los cuatro idiomas (sin importar
                                                 mayúsculas ni acentos), las mejores primero
  concord import menu <archivo.csv> [--organization ORG]
                                                 añade o actualiza actividades del menú de ORG desde
                                                 un CSV (las columnas de GET /api/v1/menu?format=csv);
                                                 muestra las filas rechazadas y por qué; de una fila
                                                 rechazada no se escribe nada`,
};

const pt: typeof en = {
  "menu.managing": (p) => `gerir o menu de parceria de ${p.organization}`,
  "menu.reading": () => "consultar o menu de parceria",
  "menu.csv_content_type": () => "deve ser o próprio ficheiro CSV, enviado como text/csv",
  "menu.csv_row_length": (p) => `tem ${p.got} campos; o cabeçalho tem ${p.expected}`,
  "menu.organization_not_found": (p) => `Nenhuma organização tem o código ${p.code}.`,
  "menu.item_not_found": (p) => `O menu não tem a atividade ${p.id}.`,
  "menu.code_taken": (p) => `O menu de ${p.organization} já tem uma atividade ${p.code}.`,
  "menu.code_format": () =>
    "deve ter de 1 a 40 letras, algarismos, pontos, hífenes ou sublinhados, começando por uma letra ou um algarismo",
  "menu.until_after_since": (p) => `deve ser posterior ao primeiro dia no menu (${p.since})`,
  "menu.language_codes": (p) =>
    `devem ser códigos de língua ISO 639-1 (duas letras minúsculas, como pt ou fr) separados por ponto e vírgula (recebido "${p.got}")`,
  "menu.too_many_languages": (p) => `pode indicar no máximo ${p.maximum} línguas`,
  "menu.duration_range": () => "deve ser um número inteiro de dias entre 1 e 366",
  "menu.eligibility_format": () =>
    "deve ser all-partners, framework:SLUG (um dos quadros da organização) ou states:CÓDIGO;CÓDIGO (os códigos dos Estados)",
  "menu.unknown_framework": (p) => `${p.organization} não tem nenhum quadro "${p.slug}"`,
  "menu.unknown_states": (p) => `não são Estados do registo: ${p.codes}`,
  "menu.unknown_source": (p) => `nenhuma fonte do registo tem o identificador "${p.id}"`,
  "menu.boolean": () => "deve ser true ou false",
  "menu.nothing_to_change": () => "não indica nada a alterar",
  "menu.not_a_state": (p) => `nenhum Estado tem o código ${p.code}`,
  "menu.limit_range": (p) => `deve ser um número inteiro entre 1 e ${p.maximum}`,
  "menu.offset_range": (p) => `deve ser um número inteiro entre 0 e ${p.maximum}`,
  "menu.duplicate_row": (p) => `aparece duas vezes no ficheiro: primeiro na linha ${p.row}`,
  "menu.csv_malformed": (p) =>
    `não pode ser lido como CSV perto da linha ${p.line}: aspas por fechar, ou uma linha com mais ou menos campos do que o cabeçalho`,
  "menu.csv_columns": (p) =>
    `deve ter exatamente as colunas do menu (em falta: ${p.missing}; desconhecidas: ${p.unknown})`,
  "menu.csv_empty": () => "não tem linha de cabeçalho",
  "menu.csv_too_many_rows": (p) => `pode ter no máximo ${p.maximum} linhas`,
  "menu.starter_refused": (p) =>
    `data/starter/cooperation/menu.csv, linha ${p.row} (${p.code}), ${p.field}: ${p.message}`,

  "menu.cli.heading": (p) =>
    `Menu de parceria de ${p.organization} em ${p.at}: ${p.total} atividade(s)${p.shown < p.total ? `; mostram-se as ${p.shown} primeiras` : ""}.`,
  "menu.cli.search_heading": (p) =>
    `"${p.q}" no menu de parceria de ${p.organization}: ${p.total} atividade(s)${p.shown < p.total ? `; mostram-se as ${p.shown} melhores` : ""}.`,
  "menu.cli.nothing_found": (p) => `Nada no menu corresponde a "${p.q}".`,
  "menu.cli.column.area": () => "Área",
  "menu.cli.column.type": () => "Tipo",
  "menu.cli.column.provider": () => "Fornecedor",
  "menu.cli.column.languages": () => "Línguas",
  "menu.cli.import_summary": (p) =>
    `${p.file}: ${p.created} atividade(s) adicionada(s), ${p.updated} alterada(s), ${p.unchanged} sem alterações, ${p.refused} linha(s) recusada(s).`,
  "menu.cli.import_refused": () => "Linhas recusadas (nada delas foi escrito):",
  "menu.cli.import_line": (p) => `  linha ${p.row}${p.code ? ` (${p.code})` : ""}, ${p.field}: ${p.message}`,
  "menu.cli.search_words": () => "as palavras a procurar no menu",
  "cli.help_menu": () => `
Menu de cooperação:
  concord menu [--organization ORG] [--area A] [--lang L] [--json]
                                                 o menu de parceria de ORG (por omissão NATO) hoje,
                                                 por área de cooperação
  concord menu search <PALAVRAS> [--organization ORG] [--lang L] [--json]
                                                 atividades do menu que correspondem a PALAVRAS em
                                                 qualquer das quatro línguas (sem distinguir
                                                 maiúsculas nem acentos), as melhores primeiro
  concord import menu <ficheiro.csv> [--organization ORG]
                                                 adiciona ou atualiza atividades do menu de ORG a
                                                 partir de um CSV (as colunas de GET
                                                 /api/v1/menu?format=csv); mostra as linhas recusadas
                                                 e porquê; nada de uma linha recusada é escrito`,
};

const fr: typeof en = {
  "menu.managing": (p) => `gérer le menu de partenariat de ${p.organization}`,
  "menu.reading": () => "consulter le menu de partenariat",
  "menu.csv_content_type": () => "doit être le fichier CSV lui-même, envoyé en text/csv",
  "menu.csv_row_length": (p) => `compte ${p.got} champs ; l'en-tête en compte ${p.expected}`,
  "menu.organization_not_found": (p) => `Aucune organisation n'a le code ${p.code}.`,
  "menu.item_not_found": (p) => `Le menu n'a pas d'activité ${p.id}.`,
  "menu.code_taken": (p) => `Le menu de ${p.organization} a déjà une activité ${p.code}.`,
  "menu.code_format": () =>
    "doit compter de 1 à 40 lettres, chiffres, points, traits d'union ou tirets bas, et commencer par une lettre ou un chiffre",
  "menu.until_after_since": (p) => `doit être postérieur au premier jour au menu (${p.since})`,
  "menu.language_codes": (p) =>
    `doivent être des codes de langue ISO 639-1 (deux lettres minuscules, comme fr ou en) séparés par des points-virgules (reçu « ${p.got} »)`,
  "menu.too_many_languages": (p) => `peut nommer au plus ${p.maximum} langues`,
  "menu.duration_range": () => "doit être un nombre entier de jours de 1 à 366",
  "menu.eligibility_format": () =>
    "doit être all-partners, framework:SLUG (l'un des cadres de l'organisation) ou states:CODE;CODE (les codes des États)",
  "menu.unknown_framework": (p) => `${p.organization} n'a pas de cadre « ${p.slug} »`,
  "menu.unknown_states": (p) => `ne sont pas des États du registre : ${p.codes}`,
  "menu.unknown_source": (p) => `aucune source du registre n'a l'identifiant « ${p.id} »`,
  "menu.boolean": () => "doit être true ou false",
  "menu.nothing_to_change": () => "ne nomme rien à modifier",
  "menu.not_a_state": (p) => `aucun État n'a le code ${p.code}`,
  "menu.limit_range": (p) => `doit être un nombre entier de 1 à ${p.maximum}`,
  "menu.offset_range": (p) => `doit être un nombre entier de 0 à ${p.maximum}`,
  "menu.duplicate_row": (p) => `figure deux fois dans le fichier : d'abord à la ligne ${p.row}`,
  "menu.csv_malformed": (p) =>
    `ne peut être lu comme du CSV vers la ligne ${p.line} : des guillemets non refermés, ou une ligne avec plus ou moins de champs que l'en-tête`,
  "menu.csv_columns": (p) =>
    `doit avoir exactement les colonnes du menu (manquantes : ${p.missing} ; inconnues : ${p.unknown})`,
  "menu.csv_empty": () => "n'a pas de ligne d'en-tête",
  "menu.csv_too_many_rows": (p) => `peut avoir au plus ${p.maximum} lignes`,
  "menu.starter_refused": (p) =>
    `data/starter/cooperation/menu.csv, ligne ${p.row} (${p.code}), ${p.field} : ${p.message}`,

  "menu.cli.heading": (p) =>
    `Menu de partenariat de ${p.organization} au ${p.at} : ${p.total} activité(s)${p.shown < p.total ? ` ; les ${p.shown} premières sont affichées` : ""}.`,
  "menu.cli.search_heading": (p) =>
    `« ${p.q} » dans le menu de partenariat de ${p.organization} : ${p.total} activité(s)${p.shown < p.total ? ` ; les ${p.shown} meilleures sont affichées` : ""}.`,
  "menu.cli.nothing_found": (p) => `Rien au menu ne correspond à « ${p.q} ».`,
  "menu.cli.column.area": () => "Domaine",
  "menu.cli.column.type": () => "Type d'activité",
  "menu.cli.column.provider": () => "Prestataire",
  "menu.cli.column.languages": () => "Langues",
  "menu.cli.import_summary": (p) =>
    `${p.file} : ${p.created} activité(s) ajoutée(s), ${p.updated} modifiée(s), ${p.unchanged} inchangée(s), ${p.refused} ligne(s) refusée(s).`,
  "menu.cli.import_refused": () => "Lignes refusées (rien n'en a été écrit) :",
  "menu.cli.import_line": (p) => `  ligne ${p.row}${p.code ? ` (${p.code})` : ""}, ${p.field} : ${p.message}`,
  "menu.cli.search_words": () => "les mots à chercher dans le menu",
  "cli.help_menu": () => `
Menu de coopération :
  concord menu [--organization ORG] [--area A] [--lang L] [--json]
                                                 le menu de partenariat de ORG (NATO par défaut)
                                                 aujourd'hui, par domaine de coopération
  concord menu search <MOTS> [--organization ORG] [--lang L] [--json]
                                                 les activités du menu qui correspondent à MOTS dans
                                                 l'une des quatre langues (sans égard à la casse ni
                                                 aux accents), les meilleures d'abord
  concord import menu <fichier.csv> [--organization ORG]
                                                 ajoute ou met à jour les activités du menu de ORG à
                                                 partir d'un CSV (les colonnes de GET
                                                 /api/v1/menu?format=csv) ; affiche les lignes
                                                 refusées et pourquoi ; rien d'une ligne refusée
                                                 n'est écrit`,
};

export const menuMessages: { en: typeof en; es: typeof en; pt: typeof en; fr: typeof en } = { en, es, pt, fr };
