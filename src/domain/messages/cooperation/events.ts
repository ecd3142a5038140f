/**
 * Concord's words about cooperation events in the four languages: spread into each language's
 * catalogue (en.ts, es.ts, pt.ts, fr.ts), so `msg("...")` knows them and messages.test.ts
 * checks them like any other. English defines the keys; the others are typed by it.
 */
const en = {
  // What a refusal says the reader was doing ("Your role does not allow …").
  "events.activity_reading": (p: { organization: string }) => `reading ${p.organization}'s events`,
  "events.activity_own_nominations": () => "reading your delegation's nominations",
  "events.activity_running": (p: { organization: string }) => `running ${p.organization}'s events`,
  "events.activity_proposing": (p: { organization: string }) => `proposing events to ${p.organization}`,
  "events.activity_nominating": (p: { organization: string }) =>
    `nominating participants to ${p.organization}'s events`,
  "events.activity_changing_nomination": (p: { state: string }) => `changing ${p.state}'s nomination`,
  "events.activity_calendar": () => "keeping a calendar feed of events",
  "events.activity_notices": (p: { organization: string }) => `reading ${p.organization}'s cooperation notices`,

  "events.not_found": (p: { id: number }) => `No event has the id ${p.id}.`,
  "events.organization_required": () => "name the organisation (nobody is signed in)",
  "events.nomination_not_found": (p: { id: number }) => `No nomination has the id ${p.id}.`,
  "events.calendar_not_found": () => "No calendar feed has this address: it may have been revoked.",
  "events.ics_name": (p: { organization: string }) => `${p.organization} cooperation events`,
  "events.ics_online": () => "Online",
  "events.ics_details": (p: { provider: string; deadline: string; status: string }) =>
    `Provider: ${p.provider}. Status: ${p.status}. Nominations close at ${p.deadline} (UTC).`,
  "events.window_reversed": (p: { from: string }) => `must be on or after from (${p.from})`,

  // Scheduling an event (field named by the caller).
  "events.menu_item_unknown": (p: { id: number; organization: string }) =>
    `no item of ${p.organization}'s menu has the id ${p.id}`,
  "events.menu_item_not_on_menu": (p: { code: string; day: string }) => `${p.code} is not on the menu on ${p.day}`,
  "events.title_required": () => "an event without a menu item needs a title",
  "events.provider_required": () => "an event without a menu item needs a provider",
  "events.place_required": () => "give a place, or mark the event online",
  "events.ends_before_start": (p: { startsOn: string }) => `must be on or after startsOn (${p.startsOn})`,
  "events.deadline_past": (p: { now: string }) => `must be in the future (the server's clock says ${p.now})`,
  "events.deadline_after_start": (p: { startsOn: string }) =>
    `must fall on or before the event's first day (${p.startsOn})`,
  "events.proposer_not_eligible": (p: { state: string; day: string }) =>
    `${p.state} may not take part in this activity on ${p.day}, so it cannot propose it`,

  // The workflow.
  "events.illegal_transition": (p: { id: number; from: string; to: string; allowed: string }) =>
    `status: event ${p.id} is ${p.from}, so it cannot become ${p.to} (from ${p.from}: ${p.allowed})`,
  "events.no_transition": () => "nothing",
  "events.report_not_held": (p: { id: number; status: string }) =>
    `status: event ${p.id} is ${p.status}; its report is recorded once it has been held`,
  "events.report_required": () => "must not be empty",

  // Nominations.
  "events.nominations_not_open": (p: { id: number; status: string }) =>
    `status: event ${p.id} is ${p.status}; nominations are taken for approved or confirmed events only`,
  "events.deadline_passed": (p: { deadline: string }) => `nominationDeadline: nominations closed at ${p.deadline}`,
  "events.capacity_full": (p: { capacity: number }) => `capacity: all ${p.capacity} places are taken`,
  "events.state_not_partner": (p: { state: string; organization: string; day: string }) =>
    `${p.state} is not a partner of ${p.organization} on ${p.day}, the event's first day, so it cannot be nominated`,
  "events.state_not_eligible": (p: { state: string; day: string }) =>
    `${p.state} may not take part in this activity on ${p.day}, the event's first day`,
  "events.nation_unknown": (p: { code: string }) => `no state has the code ${p.code}`,
  "events.state_not_eligible_for": (p: { state: string; id: number }) =>
    `${p.state} may not take part in event ${p.id} on its first day, so it cannot be nominated`,
  "events.nomination_change_required": () => "give a status or attended",
  "events.nomination_illegal_transition": (p: { id: number; from: string; to: string }) =>
    `status: nomination ${p.id} is ${p.from}, so it cannot become ${p.to}`,
  "events.nomination_event_closed": (p: { id: number; status: string }) =>
    `status: event ${p.id} is ${p.status}; its nominations no longer change`,
  "events.attended_not_held": (p: { id: number; status: string }) =>
    `attended: event ${p.id} is ${p.status}; attendance is recorded once it has been held`,
  "events.attended_not_taking_part": (p: { id: number; status: string }) =>
    `attended: nomination ${p.id} is ${p.status}`,
};

const es: typeof en = {
  "events.activity_reading": (p) => `consultar los eventos de ${p.organization}`,
  "events.activity_own_nominations": () => "consultar las candidaturas de su delegación",
  "events.activity_running": (p) => `gestionar los eventos de ${p.organization}`,
  "events.activity_proposing": (p) => `proponer eventos a ${p.organization}`,
  "events.activity_nominating": (p) => `designar participantes en los eventos de ${p.organization}`,
  "events.activity_changing_nomination": (p) => `modificar la designación de ${p.state}`,
  "events.activity_calendar": () => "mantener un calendario suscrito de eventos",
  "events.activity_notices": (p) => `consultar los avisos de cooperación de ${p.organization}`,

  "events.not_found": (p) => `Ningún evento tiene el identificador ${p.id}.`,
  "events.organization_required": () => "indique la organización (no hay nadie conectado)",
  "events.nomination_not_found": (p) => `Ninguna designación tiene el identificador ${p.id}.`,
  "events.calendar_not_found": () => "Ningún calendario tiene esta dirección: puede haber sido revocada.",
  "events.ics_name": (p) => `Eventos de cooperación de ${p.organization}`,
  "events.ics_online": () => "En línea",
  "events.ics_details": (p) =>
    `Proveedor: ${p.provider}. Estado: ${p.status}. El plazo de designación vence el ${p.deadline} (UTC).`,
  "events.window_reversed": (p) => `debe ser igual o posterior a from (${p.from})`,

  "events.menu_item_unknown": (p) => `ninguna actividad del menú de ${p.organization} tiene el identificador ${p.id}`,
  "events.menu_item_not_on_menu": (p) => `${p.code} no figura en el menú el ${p.day}`,
  "events.title_required": () => "un evento sin actividad del menú necesita un título",
  "events.provider_required": () => "un evento sin actividad del menú necesita un proveedor",
  "events.place_required": () => "indique un lugar, o marque el evento como en línea",
  "events.ends_before_start": (p) => `debe ser igual o posterior a startsOn (${p.startsOn})`,
  "events.deadline_past": (p) => `debe estar en el futuro (el reloj del servidor indica ${p.now})`,
  "events.deadline_after_start": (p) => `debe caer el primer día del evento (${p.startsOn}) o antes`,
  "events.proposer_not_eligible": (p) =>
    `${p.state} no puede participar en esta actividad el ${p.day}, así que no puede proponerla`,

  "events.illegal_transition": (p) =>
    `status: el evento ${p.id} está en estado ${p.from} y no puede pasar a ${p.to} (desde ${p.from}: ${p.allowed})`,
  "events.no_transition": () => "ninguno",
  "events.report_not_held": (p) =>
    `status: el evento ${p.id} está en estado ${p.status}; su informe se registra una vez celebrado`,
  "events.report_required": () => "no debe estar vacío",

  "events.nominations_not_open": (p) =>
    `status: el evento ${p.id} está en estado ${p.status}; solo se admiten designaciones para eventos aprobados o confirmados`,
  "events.deadline_passed": (p) => `nominationDeadline: el plazo de designación venció el ${p.deadline}`,
  "events.capacity_full": (p) => `capacity: las ${p.capacity} plazas están ocupadas`,
  "events.state_not_partner": (p) =>
    `${p.state} no es socio de ${p.organization} el ${p.day}, primer día del evento, así que no puede ser designado`,
  "events.state_not_eligible": (p) =>
    `${p.state} no puede participar en esta actividad el ${p.day}, primer día del evento`,
  "events.nation_unknown": (p) => `ningún Estado tiene el código ${p.code}`,
  "events.state_not_eligible_for": (p) =>
    `${p.state} no puede participar en el evento ${p.id} en su primer día, así que no puede ser designado`,
  "events.nomination_change_required": () => "indique status o attended",
  "events.nomination_illegal_transition": (p) =>
    `status: la designación ${p.id} está en estado ${p.from} y no puede pasar a ${p.to}`,
  "events.nomination_event_closed": (p) =>
    `status: el evento ${p.id} está en estado ${p.status}; sus designaciones ya no cambian`,
  "events.attended_not_held": (p) =>
    `attended: el evento ${p.id} está en estado ${p.status}; la asistencia se registra una vez celebrado`,
  "events.attended_not_taking_part": (p) => `attended: la designación ${p.id} está en estado ${p.status}`,
};

const pt: typeof en = {
  "events.activity_reading": (p) => `consultar os eventos de ${p.organization}`,
  "events.activity_own_nominations": () => "consultar as nomeações da sua delegação",
  "events.activity_running": (p) => `gerir os eventos de ${p.organization}`,
  "events.activity_proposing": (p) => `propor eventos a ${p.organization}`,
  "events.activity_nominating": (p) => `indicar participantes nos eventos de ${p.organization}`,
  "events.activity_changing_nomination": (p) => `alterar a indicação de ${p.state}`,
  "events.activity_calendar": () => "manter um calendário subscrito de eventos",
  "events.activity_notices": (p) => `consultar os avisos de cooperação de ${p.organization}`,

  "events.not_found": (p) => `Nenhum evento tem o identificador ${p.id}.`,
  "events.organization_required": () => "indique a organização (ninguém tem sessão iniciada)",
  "events.nomination_not_found": (p) => `Nenhuma indicação tem o identificador ${p.id}.`,
  "events.calendar_not_found": () => "Nenhum calendário tem este endereço: pode ter sido revogado.",
  "events.ics_name": (p) => `Eventos de cooperação de ${p.organization}`,
  "events.ics_online": () => "Em linha",
  "events.ics_details": (p) =>
    `Fornecedor: ${p.provider}. Estado: ${p.status}. O prazo de indicação termina em ${p.deadline} (UTC).`,
  "events.window_reversed": (p) => `deve ser igual ou posterior a from (${p.from})`,

  "events.menu_item_unknown": (p) => `nenhuma atividade do menu de ${p.organization} tem o identificador ${p.id}`,
  "events.menu_item_not_on_menu": (p) => `${p.code} não consta do menu em ${p.day}`,
  "events.title_required": () => "um evento sem atividade do menu precisa de um título",
  "events.provider_required": () => "um evento sem atividade do menu precisa de um fornecedor",
  "events.place_required": () => "indique um local, ou marque o evento como online",
  "events.ends_before_start": (p) => `deve ser igual ou posterior a startsOn (${p.startsOn})`,
  "events.deadline_past": (p) => `deve estar no futuro (o relógio do servidor indica ${p.now})`,
  "events.deadline_after_start": (p) => `deve cair no primeiro dia do evento (${p.startsOn}) ou antes`,
  "events.proposer_not_eligible": (p) =>
    `${p.state} não pode participar nesta atividade em ${p.day}, por isso não pode propô-la`,

  "events.illegal_transition": (p) =>
    `status: o evento ${p.id} está no estado ${p.from} e não pode passar a ${p.to} (a partir de ${p.from}: ${p.allowed})`,
  "events.no_transition": () => "nenhum",
  "events.report_not_held": (p) =>
    `status: o evento ${p.id} está no estado ${p.status}; o relatório regista-se depois de realizado`,
  "events.report_required": () => "não pode estar vazio",

  "events.nominations_not_open": (p) =>
    `status: o evento ${p.id} está no estado ${p.status}; só se aceitam indicações para eventos aprovados ou confirmados`,
  "events.deadline_passed": (p) => `nominationDeadline: o prazo de indicação terminou em ${p.deadline}`,
  "events.capacity_full": (p) => `capacity: as ${p.capacity} vagas estão preenchidas`,
  "events.state_not_partner": (p) =>
    `${p.state} não é parceiro de ${p.organization} em ${p.day}, primeiro dia do evento, por isso não pode ser indicado`,
  "events.state_not_eligible": (p) =>
    `${p.state} não pode participar nesta atividade em ${p.day}, primeiro dia do evento`,
  "events.nation_unknown": (p) => `nenhum Estado tem o código ${p.code}`,
  "events.state_not_eligible_for": (p) =>
    `${p.state} não pode participar no evento ${p.id} no seu primeiro dia, por isso não pode ser indicado`,
  "events.nomination_change_required": () => "indique status ou attended",
  "events.nomination_illegal_transition": (p) =>
    `status: a indicação ${p.id} está no estado ${p.from} e não pode passar a ${p.to}`,
  "events.nomination_event_closed": (p) =>
    `status: o evento ${p.id} está no estado ${p.status}; as suas indicações já não mudam`,
  "events.attended_not_held": (p) =>
    `attended: o evento ${p.id} está no estado ${p.status}; a presença regista-se depois de realizado`,
  "events.attended_not_taking_part": (p) => `attended: a indicação ${p.id} está no estado ${p.status}`,
};

const fr: typeof en = {
  "events.activity_reading": (p) => `consulter les événements de ${p.organization}`,
  "events.activity_own_nominations": () => "consulter les candidatures de votre délégation",
  "events.activity_running": (p) => `gérer les événements de ${p.organization}`,
  "events.activity_proposing": (p) => `proposer des événements à ${p.organization}`,
  "events.activity_nominating": (p) => `désigner des participants aux événements de ${p.organization}`,
  "events.activity_changing_nomination": (p) => `modifier la désignation de ${p.state}`,
  "events.activity_calendar": () => "tenir un calendrier abonné des événements",
  "events.activity_notices": (p) => `consulter les avis de coopération de ${p.organization}`,

  "events.not_found": (p) => `Aucun événement n’a l’identifiant ${p.id}.`,
  "events.organization_required": () => "indiquez l’organisation (personne n’est connecté)",
  "events.nomination_not_found": (p) => `Aucune désignation n’a l’identifiant ${p.id}.`,
  "events.calendar_not_found": () => "Aucun calendrier n’a cette adresse : elle a peut-être été révoquée.",
  "events.ics_name": (p) => `Événements de coopération de ${p.organization}`,
  "events.ics_online": () => "En ligne",
  "events.ics_details": (p) =>
    `Prestataire : ${p.provider}. Statut : ${p.status}. Les désignations sont closes le ${p.deadline} (UTC).`,
  "events.window_reversed": (p) => `doit être égal ou postérieur à from (${p.from})`,

  "events.menu_item_unknown": (p) => `aucune activité du menu de ${p.organization} n’a l’identifiant ${p.id}`,
  "events.menu_item_not_on_menu": (p) => `${p.code} ne figure pas au menu le ${p.day}`,
  "events.title_required": () => "un événement sans activité du menu doit avoir un titre",
  "events.provider_required": () => "un événement sans activité du menu doit avoir un prestataire",
  "events.place_required": () => "indiquez un lieu, ou marquez l’événement en ligne",
  "events.ends_before_start": (p) => `doit être égal ou postérieur à startsOn (${p.startsOn})`,
  "events.deadline_past": (p) => `doit être dans le futur (l’horloge du serveur indique ${p.now})`,
  "events.deadline_after_start": (p) => `doit tomber au plus tard le premier jour de l’événement (${p.startsOn})`,
  "events.proposer_not_eligible": (p) =>
    `${p.state} ne peut pas participer à cette activité le ${p.day} ; il ne peut donc pas la proposer`,

  "events.illegal_transition": (p) =>
    `status : l’événement ${p.id} est à l’état ${p.from} et ne peut pas passer à ${p.to} (depuis ${p.from} : ${p.allowed})`,
  "events.no_transition": () => "aucun",
  "events.report_not_held": (p) =>
    `status : l’événement ${p.id} est à l’état ${p.status} ; son rapport s’enregistre une fois l’événement tenu`,
  "events.report_required": () => "ne doit pas être vide",

  "events.nominations_not_open": (p) =>
    `status : l’événement ${p.id} est à l’état ${p.status} ; les désignations ne sont reçues que pour les événements approuvés ou confirmés`,
  "events.deadline_passed": (p) => `nominationDeadline : les désignations ont été closes le ${p.deadline}`,
  "events.capacity_full": (p) => `capacity : les ${p.capacity} places sont prises`,
  "events.state_not_partner": (p) =>
    `${p.state} n’est pas partenaire de ${p.organization} le ${p.day}, premier jour de l’événement ; il ne peut donc pas être désigné`,
  "events.state_not_eligible": (p) =>
    `${p.state} ne peut pas participer à cette activité le ${p.day}, premier jour de l’événement`,
  "events.nation_unknown": (p) => `aucun État n’a le code ${p.code}`,
  "events.state_not_eligible_for": (p) =>
    `${p.state} ne peut pas participer à l’événement ${p.id} à son premier jour ; il ne peut donc pas être désigné`,
  "events.nomination_change_required": () => "indiquez status ou attended",
  "events.nomination_illegal_transition": (p) =>
    `status : la désignation ${p.id} est à l’état ${p.from} et ne peut pas passer à ${p.to}`,
  "events.nomination_event_closed": (p) =>
    `status : l’événement ${p.id} est à l’état ${p.status} ; ses désignations ne changent plus`,
  "events.attended_not_held": (p) =>
    `attended : l’événement ${p.id} est à l’état ${p.status} ; la présence s’enregistre une fois l’événement tenu`,
  "events.attended_not_taking_part": (p) => `attended : la désignation ${p.id} est à l’état ${p.status}`,
};

export const eventsMessages: { en: typeof en; es: typeof en; pt: typeof en; fr: typeof en } = { en, es, pt, fr };
