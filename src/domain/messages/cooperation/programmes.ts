/**
 * Concord's words about cooperation programmes in the four languages: spread into each language's
 * catalogue (en.ts, es.ts, pt.ts, fr.ts), so `msg("...")` knows them and messages.test.ts
 * checks them like any other. English defines the keys; the others are typed by it.
 */
const en = {
  "programmes.activity.reading": () => "reading programmes",
  "dashboard.activity_reading": () =>
    "reading a delegation's cooperation dashboard (it is for the delegations of partners and allies)",
  "programmes.activity.opening": (p: { organization: string }) => `opening ${p.organization}'s programmes`,
  "programmes.activity.drafting": (p: { partner: string }) => `drafting ${p.partner}'s programme`,
  "programmes.activity.proposing": (p: { organization: string }) =>
    `proposing ${p.organization}'s programmes for agreement`,
  "programmes.activity.comparing": () => "comparing a programme's versions",
  "programmes.not_found": (p: { id: number }) => `No programme ${p.id}.`,
  "programmes.version_not_found": (p: { id: number; version: number }) =>
    `Programme ${p.id} has no version ${p.version}.`,
  "programmes.organization_required": () => "name the organisation whose programmes to list",
  "programmes.organization_to_open": () => "name the organisation the programme belongs to",
  "programmes.not_a_state": (p: { code: string }) => `${p.code} is not a state in the registry`,
  "programmes.not_a_partner": (p: { state: string; organization: string; start: string }) =>
    `${p.state} is not a partner of ${p.organization} on ${p.start}, nor today`,
  "programmes.kind_invalid": (p: { maximum: number }) =>
    `must be 1 to ${p.maximum} letters, digits, spaces, dots, hyphens or underscores, starting with a letter or digit`,
  "programmes.end_before_start": (p: { start: string }) => `must not come before the start (${p.start})`,
  "programmes.overlaps": (p: { partner: string; organization: string; other: number; start: string; end: string }) =>
    `${p.partner}'s programme ${p.other} with ${p.organization} already covers part of this period (${p.start} to ${p.end}); one partner's cycles never overlap.`,
  "programmes.overlaps_another": (p: { partner: string; organization: string }) =>
    `Another programme of ${p.partner} with ${p.organization} already covers part of this period; one partner's cycles never overlap.`,
  "programmes.no_draft": (p: { id: number; version: number; status: string }) =>
    `Programme ${p.id} has no draft: its latest version (${p.version}) is ${p.status}. Start a new version to change it.`,
  "programmes.open_version": (p: { id: number; version: number; status: string }) =>
    `Programme ${p.id} already has version ${p.version} ${p.status}: it must be agreed or not before another is started.`,
  "programmes.empty_draft": (p: { id: number; version: number }) =>
    `Version ${p.version} of programme ${p.id} has no objectives yet: there is nothing to propose.`,
  "programmes.not_proposed": (p: { id: number; version: number; status: string }) =>
    `Version ${p.version} of programme ${p.id} is ${p.status}, not proposed: the decision does not change it.`,
  "programmes.duplicate_ref": (p: { ref: string; first: string }) => `the ref ${p.ref} is used already, at ${p.first}`,
  "programmes.ref_invalid": () =>
    "must be 1 to 20 letters, digits, dots, hyphens or underscores, starting with a letter or digit",
  "programmes.unknown_menu_item": (p: { code: string; organization: string }) =>
    `${p.organization}'s menu has no item ${p.code}`,
  "programmes.year_outside": (p: { year: number; first: number; last: number }) =>
    `${p.year} falls outside the programme's period (${p.first} to ${p.last})`,
  "programmes.activity_needs_title": () => "an activity names a menu item or has an English title of its own",
  "programmes.unknown_source": (p: { id: string }) => `no source has the id ${p.id}`,
  "programmes.quote_needs_source": () => "a quote needs the source it is taken from",
  "programmes.too_many": (p: { maximum: number }) => `must have at most ${p.maximum} entries`,
  "programmes.too_many_activities": (p: { maximum: number }) => `a version holds at most ${p.maximum} activities`,

  "cli.programmes": (p: { count: number }) => `${p.count} programme${p.count === 1 ? "" : "s"}`,
  "cli.programme_heading": (p: { id: number; kind: string; partner: string; organization: string }) =>
    `Programme ${p.id}: ${p.kind} of ${p.partner} with ${p.organization}`,
  "cli.programme_column.partner": () => "Partner",
  "cli.programme_column.kind": () => "Kind",
  "cli.programme_column.period": () => "Period",
  "cli.programme_column.status": () => "Latest version",
  "cli.programme_column.in_force": () => "In force",
  "cli.programme_column.version": () => "Version",
  "cli.programme_column.from": () => "From",
  "cli.programme_column.until": () => "Until",
  "cli.programme_column.decision": () => "Decision / source",
  "cli.programme_summary_only": () => "(summary only: the tree is not shown to this reader)",
  "cli.programme_reconstructed": () => " (reconstructed from the sources)",
  "cli.programme_version": (p: { number: number; status: string }) => `Version ${p.number} (${p.status}):`,
  "cli.usage.programme_id": () => "the programme's number (concord programmes lists them)",
  "cli.usage.programme_id_number": (p: { got: string }) =>
    `The programme's number must be a positive whole number (got "${p.got}").`,
  "cli.programme_progress": (p: { percent: number }) => `progress ${p.percent}%`,
  "cli.programme_no_tree": () => "(no objectives yet)",
  "cli.help_programmes": () =>
    `
Cooperation programmes:
  concord programmes [--partner CODE] [--organization ORG] [--lang L] [--json]
                                                 individual partnership programmes: partner, kind,
                                                 period, the latest version's status, the version in force
  concord programme <ID> [--lang L] [--json] [--iati]
                                                 one programme: its versions, the version in force with
                                                 its objectives, goals and activities; --iati prints it
                                                 as IATI 2.03 activity XML with its results`,
};

const es: typeof en = {
  "programmes.activity.reading": () => "leer programas",
  "dashboard.activity_reading": () =>
    "consultar el panel de cooperación de una delegación (es para las delegaciones de socios y aliados)",
  "programmes.activity.opening": (p) => `abrir programas de ${p.organization}`,
  "programmes.activity.drafting": (p) => `redactar el programa de ${p.partner}`,
  "programmes.activity.proposing": (p) => `proponer programas de ${p.organization} para su aprobación`,
  "programmes.activity.comparing": () => "comparar las versiones de un programa",
  "programmes.not_found": (p) => `No existe el programa ${p.id}.`,
  "programmes.version_not_found": (p) => `El programa ${p.id} no tiene versión ${p.version}.`,
  "programmes.organization_required": () => "indique la organización cuyos programas desea listar",
  "programmes.organization_to_open": () => "indique la organización a la que pertenece el programa",
  "programmes.not_a_state": (p) => `${p.code} no es un Estado del registro`,
  "programmes.not_a_partner": (p) => `${p.state} no es socio de ${p.organization} el ${p.start}, ni hoy`,
  "programmes.kind_invalid": (p) =>
    `debe tener de 1 a ${p.maximum} letras, cifras, espacios, puntos, guiones o guiones bajos, y empezar por una letra o cifra`,
  "programmes.end_before_start": (p) => `no puede ser anterior al inicio (${p.start})`,
  "programmes.overlaps": (p) =>
    `El programa ${p.other} de ${p.partner} con ${p.organization} ya cubre parte de este periodo (${p.start} a ${p.end}); los ciclos de un mismo socio nunca se solapan.`,
  "programmes.overlaps_another": (p) =>
    `Otro programa de ${p.partner} con ${p.organization} ya cubre parte de este periodo; los ciclos de un mismo socio nunca se solapan.`,
  "programmes.no_draft": (p) =>
    `El programa ${p.id} no tiene borrador: su última versión (${p.version}) está en estado ${p.status}. Inicie una nueva versión para modificarlo.`,
  "programmes.open_version": (p) =>
    `El programa ${p.id} ya tiene la versión ${p.version} en estado ${p.status}: debe decidirse su aprobación antes de iniciar otra.`,
  "programmes.empty_draft": (p) =>
    `La versión ${p.version} del programa ${p.id} aún no tiene objetivos: no hay nada que proponer.`,
  "programmes.not_proposed": (p) =>
    `La versión ${p.version} del programa ${p.id} está en estado ${p.status}, no propuesta: la decisión no la modifica.`,
  "programmes.duplicate_ref": (p) => `la referencia ${p.ref} ya se usa en ${p.first}`,
  "programmes.ref_invalid": () =>
    "debe tener de 1 a 20 letras, cifras, puntos, guiones o guiones bajos, y empezar por una letra o cifra",
  "programmes.unknown_menu_item": (p) => `el menú de ${p.organization} no tiene la actividad ${p.code}`,
  "programmes.year_outside": (p) => `${p.year} queda fuera del periodo del programa (${p.first} a ${p.last})`,
  "programmes.activity_needs_title": () =>
    "una actividad indica una actividad del menú o tiene un título propio en inglés",
  "programmes.unknown_source": (p) => `ninguna fuente tiene el identificador ${p.id}`,
  "programmes.quote_needs_source": () => "una cita necesita la fuente de la que procede",
  "programmes.too_many": (p) => `debe tener como máximo ${p.maximum} elementos`,
  "programmes.too_many_activities": (p) => `una versión contiene como máximo ${p.maximum} actividades`,

  "cli.programmes": (p) => `${p.count} programa${p.count === 1 ? "" : "s"}`,
  "cli.programme_heading": (p) => `Programa ${p.id}: ${p.kind} de ${p.partner} con ${p.organization}`,
  "cli.programme_column.partner": () => "Socio",
  "cli.programme_column.kind": () => "Tipo",
  "cli.programme_column.period": () => "Periodo",
  "cli.programme_column.status": () => "Última versión",
  "cli.programme_column.in_force": () => "En vigor",
  "cli.programme_column.version": () => "Versión",
  "cli.programme_column.from": () => "Desde",
  "cli.programme_column.until": () => "Hasta",
  "cli.programme_column.decision": () => "Decisión / fuente",
  "cli.programme_summary_only": () => "(solo el resumen: el árbol no se muestra a este lector)",
  "cli.programme_reconstructed": () => " (reconstruido a partir de las fuentes)",
  "cli.programme_version": (p) => `Versión ${p.number} (${p.status}):`,
  "cli.usage.programme_id": () => "el número del programa (concord programmes los lista)",
  "cli.usage.programme_id_number": (p) => `El número del programa debe ser un entero positivo (se recibió "${p.got}").`,
  "cli.programme_progress": (p) => `avance ${p.percent} %`,
  "cli.programme_no_tree": () => "(aún sin objetivos)",
  "cli.help_programmes": () =>
    `
Programas de cooperación:
  concord programmes [--partner CÓDIGO] [--organization ORG] [--lang L] [--json]
                                                 programas individuales de asociación: socio, tipo,
                                                 periodo, estado de la última versión, versión en vigor
  concord programme <ID> [--lang L] [--json] [--iati]
                                                 un programa: sus versiones, la versión en vigor con sus
                                                 objetivos, metas y actividades; --iati lo imprime como
                                                 XML de actividad IATI 2.03 con sus resultados`,
};

const pt: typeof en = {
  "programmes.activity.reading": () => "ler programas",
  "dashboard.activity_reading": () =>
    "consultar o painel de cooperação de uma delegação (destina-se às delegações de parceiros e aliados)",
  "programmes.activity.opening": (p) => `abrir programas de ${p.organization}`,
  "programmes.activity.drafting": (p) => `redigir o programa de ${p.partner}`,
  "programmes.activity.proposing": (p) => `propor programas de ${p.organization} para aprovação`,
  "programmes.activity.comparing": () => "comparar as versões de um programa",
  "programmes.not_found": (p) => `Não existe o programa ${p.id}.`,
  "programmes.version_not_found": (p) => `O programa ${p.id} não tem versão ${p.version}.`,
  "programmes.organization_required": () => "indique a organização cujos programas quer listar",
  "programmes.organization_to_open": () => "indique a organização a que o programa pertence",
  "programmes.not_a_state": (p) => `${p.code} não é um Estado do registo`,
  "programmes.not_a_partner": (p) => `${p.state} não é parceiro de ${p.organization} em ${p.start}, nem hoje`,
  "programmes.kind_invalid": (p) =>
    `deve ter de 1 a ${p.maximum} letras, algarismos, espaços, pontos, hífenes ou sublinhados, começando por uma letra ou algarismo`,
  "programmes.end_before_start": (p) => `não pode ser anterior ao início (${p.start})`,
  "programmes.overlaps": (p) =>
    `O programa ${p.other} de ${p.partner} com ${p.organization} já cobre parte deste período (${p.start} a ${p.end}); os ciclos de um mesmo parceiro nunca se sobrepõem.`,
  "programmes.overlaps_another": (p) =>
    `Outro programa de ${p.partner} com ${p.organization} já cobre parte deste período; os ciclos de um mesmo parceiro nunca se sobrepõem.`,
  "programmes.no_draft": (p) =>
    `O programa ${p.id} não tem rascunho: a sua última versão (${p.version}) está no estado ${p.status}. Inicie uma nova versão para o alterar.`,
  "programmes.open_version": (p) =>
    `O programa ${p.id} já tem a versão ${p.version} no estado ${p.status}: a sua aprovação deve ser decidida antes de iniciar outra.`,
  "programmes.empty_draft": (p) =>
    `A versão ${p.version} do programa ${p.id} ainda não tem objetivos: não há nada a propor.`,
  "programmes.not_proposed": (p) =>
    `A versão ${p.version} do programa ${p.id} está no estado ${p.status}, não proposta: a decisão não a altera.`,
  "programmes.duplicate_ref": (p) => `a referência ${p.ref} já é usada em ${p.first}`,
  "programmes.ref_invalid": () =>
    "deve ter de 1 a 20 letras, algarismos, pontos, hífenes ou sublinhados, começando por uma letra ou algarismo",
  "programmes.unknown_menu_item": (p) => `o menu de ${p.organization} não tem a atividade ${p.code}`,
  "programmes.year_outside": (p) => `${p.year} fica fora do período do programa (${p.first} a ${p.last})`,
  "programmes.activity_needs_title": () =>
    "uma atividade indica uma atividade do menu ou tem um título próprio em inglês",
  "programmes.unknown_source": (p) => `nenhuma fonte tem o identificador ${p.id}`,
  "programmes.quote_needs_source": () => "uma citação precisa da fonte de onde provém",
  "programmes.too_many": (p) => `deve ter no máximo ${p.maximum} elementos`,
  "programmes.too_many_activities": (p) => `uma versão contém no máximo ${p.maximum} atividades`,

  "cli.programmes": (p) => `${p.count} programa${p.count === 1 ? "" : "s"}`,
  "cli.programme_heading": (p) => `Programa ${p.id}: ${p.kind} de ${p.partner} com ${p.organization}`,
  "cli.programme_column.partner": () => "Parceiro",
  "cli.programme_column.kind": () => "Tipo",
  "cli.programme_column.period": () => "Período",
  "cli.programme_column.status": () => "Última versão",
  "cli.programme_column.in_force": () => "Em vigor",
  "cli.programme_column.version": () => "Versão",
  "cli.programme_column.from": () => "Desde",
  "cli.programme_column.until": () => "Até",
  "cli.programme_column.decision": () => "Decisão / fonte",
  "cli.programme_summary_only": () => "(apenas o resumo: a árvore não é mostrada a este leitor)",
  "cli.programme_reconstructed": () => " (reconstruído a partir das fontes)",
  "cli.programme_version": (p) => `Versão ${p.number} (${p.status}):`,
  "cli.usage.programme_id": () => "o número do programa (concord programmes lista-os)",
  "cli.usage.programme_id_number": (p) => `O número do programa deve ser um inteiro positivo (recebido "${p.got}").`,
  "cli.programme_progress": (p) => `progresso ${p.percent}%`,
  "cli.programme_no_tree": () => "(ainda sem objetivos)",
  "cli.help_programmes": () =>
    `
Programas de cooperação:
  concord programmes [--partner CÓDIGO] [--organization ORG] [--lang L] [--json]
                                                 programas individuais de parceria: parceiro, tipo,
                                                 período, estado da última versão, versão em vigor
  concord programme <ID> [--lang L] [--json] [--iati]
                                                 um programa: as suas versões, a versão em vigor com os
                                                 seus objetivos, metas e atividades; --iati imprime-o como
                                                 XML de atividade IATI 2.03 com os seus resultados`,
};

const fr: typeof en = {
  "programmes.activity.reading": () => "lire les programmes",
  "dashboard.activity_reading": () =>
    "consulter le tableau de bord de coopération d'une délégation (il est destiné aux délégations des partenaires et des alliés)",
  "programmes.activity.opening": (p) => `ouvrir des programmes de ${p.organization}`,
  "programmes.activity.drafting": (p) => `rédiger le programme de ${p.partner}`,
  "programmes.activity.proposing": (p) => `proposer des programmes de ${p.organization} pour accord`,
  "programmes.activity.comparing": () => "comparer les versions d'un programme",
  "programmes.not_found": (p) => `Aucun programme ${p.id}.`,
  "programmes.version_not_found": (p) => `Le programme ${p.id} n'a pas de version ${p.version}.`,
  "programmes.organization_required": () => "indiquez l'organisation dont vous voulez la liste des programmes",
  "programmes.organization_to_open": () => "indiquez l'organisation à laquelle appartient le programme",
  "programmes.not_a_state": (p) => `${p.code} n'est pas un État du registre`,
  "programmes.not_a_partner": (p) =>
    `${p.state} n'est pas partenaire de ${p.organization} le ${p.start}, ni aujourd'hui`,
  "programmes.kind_invalid": (p) =>
    `doit compter de 1 à ${p.maximum} lettres, chiffres, espaces, points, traits d'union ou tirets bas, et commencer par une lettre ou un chiffre`,
  "programmes.end_before_start": (p) => `ne peut pas précéder le début (${p.start})`,
  "programmes.overlaps": (p) =>
    `Le programme ${p.other} de ${p.partner} avec ${p.organization} couvre déjà une partie de cette période (du ${p.start} au ${p.end}) ; les cycles d'un même partenaire ne se chevauchent jamais.`,
  "programmes.overlaps_another": (p) =>
    `Un autre programme de ${p.partner} avec ${p.organization} couvre déjà une partie de cette période ; les cycles d'un même partenaire ne se chevauchent jamais.`,
  "programmes.no_draft": (p) =>
    `Le programme ${p.id} n'a pas de projet : sa dernière version (${p.version}) est à l'état ${p.status}. Commencez une nouvelle version pour le modifier.`,
  "programmes.open_version": (p) =>
    `Le programme ${p.id} a déjà une version ${p.version} à l'état ${p.status} : il faut statuer sur son accord avant d'en commencer une autre.`,
  "programmes.empty_draft": (p) =>
    `La version ${p.version} du programme ${p.id} n'a pas encore d'objectifs : il n'y a rien à proposer.`,
  "programmes.not_proposed": (p) =>
    `La version ${p.version} du programme ${p.id} est à l'état ${p.status}, non proposée : la décision ne la modifie pas.`,
  "programmes.duplicate_ref": (p) => `la référence ${p.ref} est déjà utilisée, en ${p.first}`,
  "programmes.ref_invalid": () =>
    "doit compter de 1 à 20 lettres, chiffres, points, traits d'union ou tirets bas, et commencer par une lettre ou un chiffre",
  "programmes.unknown_menu_item": (p) => `le menu de ${p.organization} n'a pas d'activité ${p.code}`,
  "programmes.year_outside": (p) => `${p.year} tombe hors de la période du programme (${p.first} à ${p.last})`,
  "programmes.activity_needs_title": () => "une activité désigne une activité du menu ou a son propre titre en anglais",
  "programmes.unknown_source": (p) => `aucune source n'a l'identifiant ${p.id}`,
  "programmes.quote_needs_source": () => "une citation a besoin de la source dont elle est tirée",
  "programmes.too_many": (p) => `doit compter au plus ${p.maximum} éléments`,
  "programmes.too_many_activities": (p) => `une version compte au plus ${p.maximum} activités`,

  "cli.programmes": (p) => `${p.count} programme${p.count === 1 ? "" : "s"} individuel${p.count === 1 ? "" : "s"}`,
  "cli.programme_heading": (p) => `Programme ${p.id} : ${p.kind} de ${p.partner} avec ${p.organization}`,
  "cli.programme_column.partner": () => "Partenaire",
  "cli.programme_column.kind": () => "Type",
  "cli.programme_column.period": () => "Période",
  "cli.programme_column.status": () => "Dernière version",
  "cli.programme_column.in_force": () => "En vigueur",
  "cli.programme_column.version": () => "N° de version",
  "cli.programme_column.from": () => "Du",
  "cli.programme_column.until": () => "Au",
  "cli.programme_column.decision": () => "Décision / source",
  "cli.programme_summary_only": () => "(résumé seulement : l'arbre n'est pas montré à ce lecteur)",
  "cli.programme_reconstructed": () => " (reconstitué à partir des sources)",
  "cli.programme_version": (p) => `Version ${p.number} (${p.status}) :`,
  "cli.usage.programme_id": () => "le numéro du programme (concord programmes les liste)",
  "cli.usage.programme_id_number": (p) => `Le numéro du programme doit être un entier positif (reçu « ${p.got} »).`,
  "cli.programme_progress": (p) => `avancement ${p.percent} %`,
  "cli.programme_no_tree": () => "(pas encore d'objectifs)",
  "cli.help_programmes": () =>
    `
Programmes de coopération :
  concord programmes [--partner CODE] [--organization ORG] [--lang L] [--json]
                                                 programmes individuels de partenariat : partenaire, type,
                                                 période, état de la dernière version, version en vigueur
  concord programme <ID> [--lang L] [--json] [--iati]
                                                 un programme : ses versions, la version en vigueur avec
                                                 ses objectifs, buts et activités ; --iati l'imprime en
                                                 XML d'activité IATI 2.03 avec ses résultats`,
};

export const programmesMessages: { en: typeof en; es: typeof en; pt: typeof en; fr: typeof en } = {
  en,
  es,
  pt,
  fr,
};
