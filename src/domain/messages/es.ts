/** Concord's own words in Spanish, key for key as en.ts. */
import type { Messages } from "./en.ts";
import { menuMessages } from "./cooperation/menu.ts";
import { disputeMessages } from "./disputes.ts";
import { documentMessages } from "./documents.ts";
import { exchangeMessages } from "./exchanges.ts";
import { labelMessages } from "./labels.ts";
import { programmesMessages } from "./cooperation/programmes.ts";
import { eventsMessages } from "./cooperation/events.ts";
import { resultsMessages } from "./cooperation/results.ts";

const POSITION_NOUNS: Record<string, string> = {
  object: "Una objeción",
  amend: "Una enmienda propuesta",
  "concur-with-reservation": "Una reserva",
  concur: "Una conformidad",
  abstain: "Una abstención",
};
const PROCEDURES: Record<string, string> = {
  consensus: "consenso",
  silence: "silencio",
  majority: "mayoría",
  unilateral: "unilateral",
};
const procedure = (kind: string) => PROCEDURES[kind] ?? kind;
const STATUSES: Record<string, string> = {
  open: "abierta",
  closed: "cerrada",
  adopted: "adoptada",
  "not-adopted": "no adoptada",
  withdrawn: "retirada",
};
const status = (value: string) => STATUSES[value] ?? value;
const NEEDED = (threshold: string) => (threshold === "simple" ? "más de la mitad" : `al menos ${threshold}`);
const OF: Record<string, string> = {
  "all-members": "de todos los miembros",
  present: "de los presentes",
  "present-and-voting": "de los presentes y votantes",
};
type Count = { concur: number; object: number; abstain: number; members: number };
const counted = (p: Count) =>
  `${p.concur} a favor, ${p.object} en contra, ${p.abstain} abstenciones, de ${p.members} miembros`;

export const es: Messages = {
  "auth.sign_in_first": () => "Inicie sesión primero: esto requiere una cuenta.",
  "auth.sign_in_for": (p) => `Inicie sesión primero: ${p.what} requiere una cuenta.`,
  "auth.role_forbids": (p) => `Su función no permite ${p.what}.`,
  "auth.invalid_credentials": () => "La dirección de correo electrónico o la contraseña no son correctas.",
  "auth.too_many_sign_ins": (p) =>
    `Demasiados inicios de sesión fallidos desde su dirección. Vuelva a intentarlo dentro de ${p.minutes} minuto(s).`,
  "auth.password_change_required": () =>
    "Elija primero su propia contraseña (PUT /api/v1/account/password): la que usó para iniciar sesión la fijó un administrador, y hasta que la cambie esta sesión no puede hacer nada más.",
  "request.idempotency_key_reused": () =>
    "Esta Idempotency-Key se usó para otra solicitud: use una clave nueva para un cambio nuevo.",
  "request.too_large": (p) =>
    `El cuerpo de la solicitud supera ${p.mebibytes} MiB, el máximo que admite este punto de acceso.`,
  "request.unstorable_text": (p) =>
    `${p.path}: no debe contener U+0000 ni un sustituto aislado (texto que no se puede guardar)`,
  "request.too_deep": (p) => `${p.path}: anidado a más de ${p.depth} niveles de profundidad`,
  "request.no_endpoint": (p) => `No existe el punto de acceso ${p.method} ${p.path}; consulte /api/docs.`,
  "request.unreadable": () => "No se pudo leer la solicitud.",
  "server.internal_error": () => "Algo falló de nuestro lado; ha quedado registrado.",
  "auth.invalid_token": () => "El token de API no es válido: puede estar mal escrito, caducado o revocado.",
  "auth.csrf_failed": (p) =>
    `Este cambio necesita la cabecera ${p.header} de su sesión (de GET /api/v1/session); vuelva a cargar la página e inténtelo de nuevo.`,
  "live.sign_in_first": () => "Inicie sesión primero: las actualizaciones en directo requieren una cuenta.",
  "live.server_only": () => "Las actualizaciones en directo solo funcionan en el servidor.",

  "activity.this_change": () => "este cambio",
  "activity.changing_registry": () => "modificar el registro",
  "activity.recording_sources": () => "registrar fuentes",
  "activity.reading_audit_log": () => "consultar el registro de auditoría",
  "activity.checking_audit_log": () => "verificar el registro de auditoría",
  "activity.publishing_audit_head": () => "publicar una cabeza firmada del registro de auditoría",
  "activity.reading_registry": () => "consultar el registro",
  "activity.importing": () => "importar un conjunto de datos",
  "activity.reading_proposals": () => "consultar propuestas",
  "activity.reading_notices": () => "consultar notificaciones",
  "activity.opening_proposals_in": (p) => `abrir propuestas en ${p.body}`,
  "activity.filing_request_to": (p) => `presentar una solicitud a ${p.organization}`,
  "activity.designations_by": (p) => `designaciones de ${p.state}`,
  "activity.taking_positions_for": (p) => `adoptar posiciones en nombre de ${p.state}`,
  "activity.closing_proposals": () => "cerrar propuestas",
  "activity.withdrawing_proposal": () => "retirar esta propuesta",
  "activity.closing_proposal": () => "cerrar esta propuesta",
  "activity.acting_on_proposals": () => "actuar sobre propuestas",
  "activity.chairing_proposals_of": (p) => `presidir las propuestas de ${p.body}`,
  "activity.managing_webhooks": (p) => `gestionar los webhooks de ${p.organization}`,
  "activity.reading_notices_of": (p) => `consultar las notificaciones de ${p.organization}`,
  "activity.filing_notice_to": (p) => `presentar una notificación a ${p.organization}`,
  "activity.withdrawing_notices": () => "retirar notificaciones",
  "activity.withdrawing_notice_of": (p) => `retirar la notificación de ${p.state}`,
  "activity.acknowledging_notices": () => "acusar recibo de notificaciones",
  "activity.acknowledging_notices_to": (p) =>
    `acusar recibo de las notificaciones a ${p.organization} (lo hace su secretaría, como depositaria)`,
  "activity.managing_accounts": () => "gestionar cuentas",
  "activity.managing_own_account": () => "gestionar una cuenta (los tokens de API no pueden)",
  "activity.searching": () => "buscar",

  "registry.relation_not_found": (p) => `Ninguna relación tiene el id ${p.id}.`,
  "registry.actor_not_found": (p) => `Ningún Estado ni organización tiene el código ${p.code}.`,
  "registry.state_not_organization": (p) =>
    `${p.code} es un Estado, no una organización: consulte sus relaciones en su lugar.`,
  "registry.no_such_framework_of": (p) =>
    `${p.organization} no tiene el marco "${p.framework}" (sus marcos: ${p.frameworks || "ninguno"})`,
  "registry.no_such_framework": (p) => `${p.organization} no tiene el marco "${p.framework}"`,
  "registry.unknown_actors": (p) => `ningún Estado ni organización tiene el código ${p.codes}`,
  "registry.relation_to_itself": (p) => `${p.code} no puede estar en relación consigo mismo`,
  "registry.designation_by_state": (p) => `una designación la hace un Estado, y ${p.code} es una organización`,
  "registry.relation_towards_state": (p) =>
    `${p.code} es un Estado; una relación ${p.kind} se mantiene con una organización`,
  "registry.relation_ended": (p) => `La relación ${p.id} ya terminó (el ${p.until}); modifique sus fechas en su lugar.`,
  "registry.source_exists": (p) => `Ya existe una fuente con el id ${p.id}.`,
  "registry.unknown_sources": (p) => `ninguna fuente tiene el id ${p.ids}; créela primero (POST /api/v1/sources)`,
  "registry.until_before_since": (p) => `debe ser posterior a since (${p.since}); se recibió ${p.until}`,
  "registry.relation_overlaps": (p) =>
    `${p.subject} ya es ${p.kind} de ${p.object} durante parte de ${p.valid} (relación ${p.ids}): ` +
    "la misma relación no puede darse dos veces a la vez; modifique o termine esa otra.",
  "registry.writes_by_secretariat": (p) =>
    `Las relaciones con ${p.code} las registra la propia secretaría de ${p.code}, y sus decisiones.`,
  "registry.writes_by_own_body": (p) =>
    `Las designaciones de ${p.code} las hace su propio órgano decisorio: proponga una (POST /api/v1/designations).`,
  "registry.writes_by_curator": (p) =>
    `Las relaciones con ${p.code}, que no tiene secretaría en Concord, son datos de investigación: las registra un curador del registro.`,

  "procedure.needs_deadline": (p) => `un procedimiento de ${procedure(p.procedure)} necesita un plazo`,
  "procedure.unilateral_one_state": () => "un procedimiento unilateral lo decide exactamente un Estado",
  "procedure.no_members": () => "el órgano no tiene Estados miembros en esta fecha: nadie podría decidir",
  "procedure.fraction": (p) =>
    `${({ quorum: "el quórum", threshold: "el umbral" } as Record<string, string>)[p.name] ?? p.name} debe ser una fracción entre 0/1 y 1/1; se recibió ${p.got}`,
  "procedure.threshold_zero": (p) =>
    `el umbral debe ser mayor que 0; se recibió ${p.got}: nadie tendría que votar a favor de la propuesta`,
  "decisions.body_not_found": (p) => `Ningún órgano tiene el id ${p.id}.`,
  "decisions.no_body": (p) => `ningún órgano tiene el id ${p.id}`,
  "decisions.no_state_body": (p) => `ningún órgano de un Estado tiene el id ${p.id}`,
  "decisions.proposal_not_found": (p) => `Ninguna propuesta tiene el id ${p.id}.`,
  "decisions.positions_need_delegation": () => "solo una delegación tiene posiciones que adoptar",
  "decisions.notices_need_delegation": () =>
    "Las notificaciones van a las delegaciones: esta cuenta no pertenece a ninguna.",
  "decisions.request_by_head": (p) =>
    `Solo el jefe de la delegación de un Estado ante ${p.organization} puede presentar su solicitud.`,
  "decisions.no_request_body": (p) =>
    `${p.organization} no tiene ningún órgano que decida solicitudes: sus normas no nombran ninguno.`,
  "decisions.partnership_names_framework": () =>
    "una solicitud de asociación nombra su marco, y solo una solicitud de asociación lo hace",
  "decisions.status_held": (p) => `${p.state} ya es ${p.status} de ${p.organization}.`,
  "decisions.designation_not_held": (p) =>
    `${p.designee} no tiene hoy ninguna designación ${p.designation} de ${p.state}.`,
  "decisions.designation_held": (p) =>
    `${p.designee} ya tiene la designación ${p.designation} de ${p.state} (relación ${p.relation}).`,
  "decisions.must_be_future": (p) => `debe estar en el futuro; se recibió ${p.got}`,
  "decisions.unilateral_in_state_body": () => "una decisión unilateral se toma en el órgano propio de un Estado",
  "decisions.name_the_state": () => "indique el Estado al que corresponde esta posición",
  "decisions.not_a_member": (p) =>
    `${p.state} no era miembro de ${p.body} cuando se abrió la propuesta ${p.id}, así que no adopta posición sobre ella.`,
  "decisions.position_not_accepted": (p) =>
    `un procedimiento de ${procedure(p.procedure)} acepta ${p.allowed}; se recibió ${p.got}`,
  "decisions.statement_required": (p) => `${POSITION_NOUNS[p.position] ?? p.position} debe exponerse por escrito`,
  "decisions.positions_closed": (p) =>
    `El plazo de la propuesta ${p.id} venció el ${p.deadline}: las posiciones están cerradas; se está registrando el resultado.`,
  "decisions.no_deadline_to_extend": (p) => `La propuesta ${p.id} no tiene plazo que prorrogar.`,
  "decisions.deadline_passed_no_extension": (p) =>
    `El plazo de la propuesta ${p.id} ha vencido: ya no puede prorrogarse.`,
  "decisions.extension_after_deadline": (p) => `una prórroga debe ser posterior al plazo actual, ${p.deadline}`,
  "decisions.unilateral_no_rounds": () => "Una decisión unilateral no tiene rondas que recircular.",
  "decisions.deadline_passed_recording": (p) =>
    `El plazo de la propuesta ${p.id} ha vencido: se está registrando el resultado.`,
  "decisions.closed_already": (p) => `La propuesta ${p.id} ya está cerrada (${status(p.status)}).`,
  "decisions.closed_by_chair_only_consensus": (p) =>
    `Solo un procedimiento de consenso lo cierra su presidencia; un procedimiento de ${procedure(p.procedure)} se decide ${p.procedure === "unilateral" ? "por su Estado" : "al vencer su plazo"}.`,
  "decisions.attachment_too_large": (p) => `un adjunto puede tener como máximo ${p.mib} MiB`,
  "decisions.attachment_not_found": (p) => `La propuesta ${p.id} no tiene el adjunto ${p.attachment}.`,
  "decisions.closed": (p) =>
    `La propuesta ${p.id} está cerrada (${status(p.status)}${p.at ? ` el ${p.at}` : ""}): ya no se puede cambiar nada.`,

  "notices.not_found": (p) => `Ninguna notificación de suspensión o de retirada tiene el id ${p.id}.`,
  "notices.file_by_head": (p) =>
    `Solo el jefe de la delegación de un Estado ante ${p.organization} puede presentar su notificación.`,
  "notices.statement_required": () =>
    "una notificación se hace por escrito: indique de qué notifica el Estado, y por qué",
  "notices.not_a_member": (p) =>
    `${p.state} no es miembro de ${p.organization} hoy, así que no tiene participación que ${p.kind === "suspension" ? "suspender" : "terminar"}.`,
  "notices.membership_ends": (p) => `La membresía de ${p.state} en ${p.organization} ya termina el ${p.until}.`,
  "notices.pending": (p) =>
    `${p.state} ya tiene una notificación pendiente sobre esta membresía (notificación ${p.notice}); retírela primero para presentar otra.`,
  "notices.suspended_already": (p) =>
    `La participación de ${p.state} en ${p.organization} ya está suspendida (relación ${p.relation}).`,
  "notices.withdraw_by_head": (p) =>
    `Solo el jefe de la delegación de ${p.state} ante ${p.organization} puede retirar su notificación.`,
  "notices.withdrawn_already": (p) => `La notificación ${p.id} ya fue retirada, el ${p.on}.`,
  "notices.in_effect": (p) =>
    `La notificación ${p.id} surtió efecto el ${p.effectiveOn}: ya no se puede retirar (el camino de vuelta es una nueva solicitud).`,
  "notices.nothing_to_acknowledge": (p) =>
    `La notificación ${p.id} fue retirada por ${p.state}: no hay nada de lo que acusar recibo.`,
  "notices.past_acknowledging": (p) =>
    `La notificación ${p.id} surtió efecto el ${p.effectiveOn}: ya no cabe acusar recibo de ella.`,
  "notices.acknowledged_already": (p) => `Ya se acusó recibo de la notificación ${p.id}, el ${p.on}.`,

  "accounts.email_invalid": (p) => `${p.reason} (se recibió "${p.got}")`,
  "accounts.not_an_organization": (p) => `${p.code} no es una organización del registro (p. ej., NATO, UNASUR)`,
  "accounts.email_taken": (p) => `Ya existe una cuenta con la dirección de correo ${p.email}.`,
  "accounts.no_such_account": (p) => `ninguna cuenta tiene la dirección ${p.email}`,
  "accounts.last_administrator": (p) =>
    `${p.email} es el último administrador activo de ${p.organization}: nombre otro primero, para que nadie quede sin acceso.`,
  "accounts.last_administrator_here": (p) =>
    `Este es el último administrador activo de ${p.organization}: nombre otro primero, para que nadie quede sin acceso.`,
  "accounts.password_needed": (p) =>
    `es obligatoria: el inicio de sesión único no está configurado para ${p.organization}, así que una cuenta sin contraseña nunca podría iniciar sesión`,
  "accounts.account_not_found": (p) => `Ninguna cuenta de ${p.organization} tiene el id ${p.id}.`,
  "accounts.auditor_password": () =>
    "Un auditor del sistema consulta el registro de auditoría de todas las organizaciones: fijar su contraseña no le corresponde a ninguna organización.",
  "accounts.own_password": () => "Cambie su propia contraseña en la página de su cuenta (le pide la actual).",
  "accounts.auditor_role": () =>
    "La función system-auditor solo se concede y se retira en la línea de órdenes del servidor (concord admin auditor).",
  "accounts.role_without_delegation": (p) => `una cuenta ${p.role} no pertenece a ninguna delegación`,
  "accounts.role_needs_delegation": (p) =>
    `una cuenta ${p.role} habla en nombre de un Estado: indique su delegación (p. ej., COL)`,
  "accounts.not_a_state": (p) => `${p.code} no es un Estado del registro`,
  "accounts.state_unrelated": (p) =>
    `hoy el registro no relaciona de ningún modo a ${p.state} con ${p.organization} (miembro, socio, solicitante, observador…): registre primero esa relación y luego su delegación`,
  "accounts.too_many_wrong_passwords": (p) =>
    `Demasiadas contraseñas erróneas desde su dirección. Vuelva a intentarlo dentro de ${p.minutes} minuto(s).`,
  "accounts.not_your_password": () => "no es su contraseña",
  "accounts.not_your_current_password": () => "no es su contraseña actual",
  "accounts.same_as_temporary": () => "debe ser distinta de la contraseña temporal que le dio un administrador",
  "accounts.reauthentication_required": (p) =>
    `Confirme con su contraseña (json.password): crear un token de API la requiere, o un inicio de sesión en los últimos ${p.minutes} minutos.`,
  "accounts.token_not_found": (p) => `No tiene ningún token de API vigente con el id ${p.id}.`,
  "oidc.state_invalid": () =>
    "Este inicio de sesión no empezó en este navegador, ha caducado o ya se usó. Vuelva a iniciar sesión.",
  "oidc.email_unverified": () =>
    "Su proveedor de identidad no confirma que la dirección de correo sea suya (email_verified), así que Concord no puede iniciar su sesión con ella. Pida a los administradores del proveedor que verifiquen su dirección, o inicie sesión con una contraseña.",
  "oidc.identity_linked_elsewhere": (p) =>
    `La cuenta con la dirección de correo ${p.email} está vinculada a otra identidad de inicio de sesión único. Pida a un administrador que lo revise.`,
  "oidc.other_organization": (p) =>
    `La cuenta con la dirección de correo ${p.email} pertenece a ${p.organization}; aquí el inicio de sesión único es para ${p.expected}. Inicie sesión con su contraseña.`,
  "oidc.account_disabled": () => "Esta cuenta está desactivada. Consulte a un administrador de su organización.",
  "oidc.email_missing": () =>
    "Su proveedor de identidad no dio una dirección de correo utilizable, que una cuenta nueva de Concord necesita. Pida a sus administradores que entreguen el atributo email a Concord.",
  "oidc.delegation_not_a_state": (p) =>
    `Su proveedor de identidad indica que usted pertenece a la delegación de "${p.delegation}" (atributo ${p.claim}), que no es un Estado del registro de Concord. Pida a sus administradores que fijen ${p.claim} en el código ISO 3166 alfa-3 de un Estado, como FRA.`,
  "oidc.delegation_not_a_code": (p) =>
    `El atributo ${p.claim} de su proveedor de identidad (${p.shown}) no es el código ISO 3166 alfa-3 de un Estado, como FRA. Pida a sus administradores que lo corrijan.`,
  "oidc.role_without_delegation": (p) =>
    `Su proveedor de identidad le da la función ${p.role} (atributo ${p.claim}) pero ninguna delegación: un ${p.role} habla en nombre de un Estado. Pida a sus administradores que fijen el atributo de delegación.`,
  "oidc.role_with_delegation": (p) =>
    `Su proveedor de identidad le da la función ${p.role} (atributo ${p.claim}) y la delegación de ${p.delegation}: las funciones de secretaría no pertenecen a ninguna delegación. Pida a sus administradores que corrijan una de las dos.`,
  "oidc.denied": (p) => `Su proveedor de identidad no inició su sesión (${p.detail}).`,
  "oidc.failed": (p) =>
    `Su proveedor de identidad no aceptó este inicio de sesión (${p.detail}). Vuelva a iniciar sesión.`,
  "oidc.unverifiable": (p) =>
    `No se pudo verificar la respuesta de su proveedor de identidad (${p.reason}). Vuelva a iniciar sesión.`,

  "password.too_short": (p) => `debe tener al menos ${p.minimum} caracteres`,
  "password.too_long": (p) => `debe tener como máximo ${p.maximum} caracteres`,
  "password.spaces": () => "no debe empezar ni terminar con espacios",
  "password.common": () => "es una de las contraseñas más comunes, las que los atacantes prueban primero: elija otra",
  "webhooks.url_scheme": () => "debe ser una URL http:// o https://",
  "webhooks.url_credentials": () => "no debe llevar usuario ni contraseña (la firma autentica a Concord)",
  "webhooks.url_private": (p) =>
    `${p.host} es ${p.range}: los webhooks solo se envían a direcciones públicas (el operador puede permitir otras con CONCORD_WEBHOOK_ALLOW_PRIVATE=true)`,
  "webhooks.not_found": (p) => `Ningún webhook activo tiene el id ${p.id}.`,

  "validation.search_text": () => "debe contener algo que buscar",
  "search.limit_range": (p) => `debe ser un número entero de 1 a ${p.maximum}`,

  "validation.given_once": (p) => `${p.where}: debe indicarse una sola vez (se recibieron ${p.count} valores)`,
  "validation.got": (p) => ` (se recibió ${p.text})`,
  "validation.calendar_date": () => "debe ser una fecha real del calendario escrita AAAA-MM-DD",
  "validation.real_date": () => "debe ser una fecha real escrita AAAA-MM-DD, AAAA-MM o AAAA",
  "validation.not_empty": () => "no debe estar vacío",
  "validation.positive_whole": () => "debe ser un número entero positivo",
  "validation.limit_range": (p) => `debe ser un número entero de 1 a ${p.maximum}`,
  "validation.offset": () => "debe ser un número entero, 0 o mayor",
  "validation.required": () => "es obligatorio",
  "validation.one_of": (p) => `debe ser uno de ${p.options}`,
  "validation.control_characters": () => "no debe contener caracteres de control",
  "validation.too_long": (p) => `debe tener como máximo ${p.maximum} caracteres`,
  "validation.unknown_field": (p) => `campo(s) desconocido(s): ${p.keys}`,

  "outcome.consensus.all-concurred": (p) =>
    `Los ${p.count} miembros dieron su conformidad${p.reservations ? `, ${p.reservations} con una reserva.` : "."}`,
  "outcome.consensus.deadline-passed-without-consensus": (p) =>
    "El plazo venció sin consenso" +
    (p.objecting ? `: ${p.objecting} objetó/objetaron` : "") +
    (p.silent > 0 ? `${p.objecting ? ";" : ":"} ${p.silent} miembro(s) no adoptaron posición` : "") +
    ".",
  "outcome.silence.deadline-passed-unbroken": () => "El plazo venció y ningún miembro rompió el silencio.",
  "outcome.silence.deadline-passed-broken": (p) => `${p.breakers} rompió/rompieron el silencio antes del plazo.`,
  "outcome.unilateral.designating-state-concurred": (p) => `${p.state} decidió adoptarla.`,
  "outcome.unilateral.designating-state-declined": (p) => `${p.state} decidió no adoptarla.`,
  "outcome.majority.quorum-not-met": (p) =>
    `No hubo quórum: participaron ${p.takingPart} de ${p.members}, se necesitaba ${p.quorum} (${counted(p)}).`,
  "outcome.majority.threshold-met": (p) =>
    `Adoptada con ${NEEDED(p.threshold)} ${OF[p.base] ?? p.base} (${counted(p)}).`,
  "outcome.majority.threshold-not-met": (p) =>
    `No adoptada: se necesitaba ${NEEDED(p.threshold)} ${OF[p.base] ?? p.base} (${counted(p)}).`,

  "cli.as_of": (p) => `${p.name} (${p.code}) al ${p.at}: ${p.count} relación(es)`,
  "cli.column.code": () => "Código",
  "cli.column.name": () => "Nombre",
  "cli.column.kind": () => "Tipo",
  "cli.column.since": () => "Desde",
  "cli.column.until": () => "Hasta",
  "cli.column.certainty": () => "Certeza",
  "cli.column.sources": () => "Fuentes",
  "cli.column.id": () => "Id",
  "cli.column.subject": () => "Sujeto",
  "cli.column.relation": () => "Relación",
  "cli.column.object": () => "Objeto",
  "cli.column.of": () => "De",
  "cli.column.chair": () => "Presidencia",
  "cli.column.default_procedure": () => "Procedimiento por defecto",
  "cli.column.body": () => "Órgano",
  "cli.column.title": () => "Título",
  "cli.column.procedure": () => "Procedimiento",
  "cli.column.status": () => "Estado",
  "cli.column.deadline_or_decided": () => "Plazo / decidida",
  "cli.column.positions": () => "Posiciones",
  "cli.column.round": () => "Ronda",
  "cli.column.opened": () => "Abierta",
  "cli.column.deadline": () => "Plazo",
  "cli.column.extensions": () => "Prórrogas",
  "cli.column.state": () => "Estado miembro",
  "cli.column.position": () => "Posición",
  "cli.column.cast_at": () => "Adoptada el",
  "cli.column.recorded_by": () => "Registrada por",
  "cli.column.detail": () => "Detalle",
  "cli.search_kind.state": () => "Estado",
  "cli.search_kind.organization": () => "organización",
  "cli.search_kind.framework": () => "marco",
  "cli.search_kind.proposal": () => "propuesta",
  "cli.search_kind.source": () => "fuente",
  "cli.nothing_found": (p) => `No se encontró nada para "${p.q}".`,
  "cli.bodies": (p) => `${p.count} órgano(s) decisorio(s)`,
  "cli.proposals": (p) =>
    `${p.count} propuesta(s)${p.status ? ` ${status(p.status)}(s)` : ""}${p.body ? ` en ${p.body}` : ""}, de la más reciente a la más antigua`,
  "cli.status.open": () => "abierta",
  "cli.status.closed": () => "cerrada",
  "cli.status.adopted": () => "adoptada",
  "cli.status.not-adopted": () => "no adoptada",
  "cli.status.withdrawn": () => "retirada",
  "cli.reconstructed": () => " (reconstruida)",
  "cli.no_deadline": () => "sin plazo",
  "cli.none": () => "ninguno",
  "cli.position_recorded": (p) =>
    `Registrada la posición de ${p.name} (${p.state}) sobre la propuesta ${p.id}: ${p.position} (por la CLI, en su nombre).`,
  "cli.proposal_now": (p) => `La propuesta ${p.id} queda ${p.status} (${p.rule}): ${p.explanation}`,
  "cli.registry_relation": (p) => `Registro: relación ${p.relation}, que cita la fuente ${p.source}.`,
  "cli.proposal_stays_open": (p) =>
    `La propuesta ${p.id} sigue abierta: ${p.taken} de ${p.members} miembros han adoptado posición en la ronda ${p.round}` +
    (p.deadline ? `; plazo ${p.deadline}.` : "."),
  "cli.proposal_heading": (p) => `Propuesta ${p.id}: ${p.title}`,
  "cli.field.body": () => "Órgano",
  "cli.field.procedure": () => "Procedimiento",
  "cli.field.purpose": () => "Objeto",
  "cli.field.status": () => "Estado",
  "cli.field.opened": () => "Abierta",
  "cli.field.round": () => "Ronda",
  "cli.field.positions": () => "Posiciones",
  "cli.body_line": (p) => `${p.name} (${p.id}, ${p.actor}); presidencia: ${p.chair}`,
  "cli.purpose": (p) => `${p.purpose}${p.concerns ? `, relativa a ${p.concerns}` : ""}`,
  "cli.reconstructed_long": () => " (reconstruida a partir de las fuentes; no constan las posiciones individuales)",
  "cli.round_of": (p) => `${p.round} de ${p.rounds}`,
  "cli.round_deadline": (p) => `, plazo ${p.deadline}`,
  "cli.positions_in_round": (p) => `${p.taken} de ${p.members} miembros en la ronda ${p.round}`,
  "cli.rounds": () => "Rondas:",
  "cli.extension": (p) => `${p.from} -> ${p.to} por ${p.by}`,
  "cli.text_of_round": (p) => `Texto (ronda ${p.round}):`,
  "cli.members": (p) => `Miembros (${p.count}):`,
  "cli.positions_not_recorded": () => "(no constan sus posiciones individuales)",
  "cli.broke_silence": () => " (rompió el silencio)",
  "cli.statements": () => "Declaraciones:",
  "cli.earlier_positions": () => "Posiciones anteriores (cambiadas después, o de una ronda anterior):",
  "cli.attachments": () => "Adjuntos:",
  "cli.attachment": (p) => `${p.id}. ${p.name} (${p.mediaType}, ${p.size} bytes)`,
  "cli.outcome_pending": () => "Resultado: aún sin decidir; Concord lo registra en cuanto las normas lo hacen seguro.",
  "cli.outcome_pending_deadline": (p) =>
    `Resultado: aún sin decidir; Concord lo registra en cuanto las normas lo hacen seguro, a más tardar al vencer el plazo (${p.deadline}).`,
  "cli.outcome": (p) =>
    `Resultado:  ${status(p.status)}${p.on ? ` el ${p.on}` : ""}${p.by ? `, registrado por ${p.by}` : ""}`,
  "cli.rule": (p) => `Norma:      ${p.rule}`,
  "cli.why": (p) => `Motivo:     ${p.explanation}`,
  "cli.registry": (p) =>
    `Registro:   ${p.relation ? `relación ${p.relation}` : "ninguna relación cambiada"}${p.source ? `, fuente ${p.source}` : ""}`,
  "cli.notices": (p) => `Avisos:     ${p.count} aviso(s) de resultado enviados a las delegaciones miembro`,
  "cli.procedure.majority_short": (p) =>
    `mayoría (${NEEDED(p.threshold).replace(/^al menos /, "")} ${OF[p.base] ?? p.base})`,
  "cli.procedure.majority_long": (p) =>
    `mayoría: ${NEEDED(p.threshold).replace(/^al menos /, "")} ${OF[p.base] ?? p.base}, quórum ${p.quorum} de los miembros, abstenciones ${p.abstentions === "counted" ? "contadas" : "excluidas del cómputo"}`,
  "cli.procedure.consensus": () => "consenso",
  "cli.procedure.silence": () => "silencio",
  "cli.procedure.unilateral": () => "unilateral",
  "cli.usage.missing_argument": (p) => `Falta un argumento: ${p.what}.`,
  "cli.usage.organization_code": () => "el código de la organización, p. ej., NATO",
  "cli.usage.actor_code": () => "el código del Estado o de la organización, p. ej., COL",
  "cli.usage.csv_file": () => "el archivo CSV que importar",
  "cli.usage.proposal_id": () => "el id de la propuesta (concord proposals las lista)",
  "cli.usage.unknown_command": (p) => `Orden desconocida "${p.command}".`,
  "cli.usage.unknown_admin": (p) => `Orden admin desconocida "${p.command}": use admin create o admin auditor.`,
  "cli.usage.unknown_import": (p) =>
    `Importación desconocida "${p.name}": las disponibles son cow-states, gml-mid y menu.`,
  "cli.usage.unknown_audit": (p) => `Orden audit desconocida "${p.command}": use audit verify o audit head.`,
  "cli.usage.date": (p) =>
    `${p.option}: debe ser una fecha real del calendario escrita AAAA-MM-DD (se recibió "${p.got}").`,
  "cli.usage.one_of": (p) => `${p.option}: debe ser uno de ${p.options} (se recibió "${p.got}").`,
  "cli.usage.status": (p) => `--status: debe ser open o closed (se recibió "${p.got}").`,
  "cli.usage.state_required": () =>
    "--state es obligatorio: el Estado miembro al que corresponde esta posición (p. ej., COL).",
  "cli.usage.state_code": (p) => `--state: debe ser un código en mayúsculas como COL o NATO (se recibió "${p.got}").`,
  "cli.usage.position_required": (p) => `--position es obligatorio: uno de ${p.options}.`,
  "cli.usage.proposal_id_number": (p) =>
    `El id de la propuesta debe ser un número entero positivo (se recibió "${p.got}").`,
  "cli.usage.statement_empty": () => "--statement: no debe estar vacío.",
  "cli.usage.statement_long": () => "--statement: debe tener como máximo 20000 caracteres.",
  "cli.usage.statement_control": () => "--statement: no debe contener caracteres de control.",
  "cli.usage.see_help": () => "Ejecute concord help para ver las órdenes y sus opciones.",
  "cli.usage.search_text": () => "el texto que buscar, p. ej., colombia",
  "cli.cannot_read": (p) => `No se puede leer ${p.file}: ${p.reason}`,
  "cli.no_such_file": () => "no existe el archivo",
  "cli.importing": () => "Importando",
  "cli.import_summary": (p) =>
    `Leídas ${p.rows} filas de ${p.file}: ${p.loaded} periodos cargados, ${p.unchanged} ya presentes, ${p.refused} rechazadas.`,
  "cli.import_junk": (p) => `Valores ignorados en columnas finales sin nombre en ${p.count} línea(s): ${p.lines}.`,
  "cli.import_refused": () => "Filas rechazadas:",
  "cli.import_line": (p) => `  línea ${p.line}: ${p.reason}`,
  "cli.signal_stopping": (p) => `${p.signal} recibida: deteniendo.`,
  "cli.help": (p) =>
    `Concord — el registro de las asociaciones de una alianza.

Uso:
  concord start                                  inicia el servidor (base de datos, datos iniciales,
                                                 interfaz web)
  concord members <ORG> [--at DATE] [--kind K] [--framework F] [--lang L] [--json]
                                                 quién estaba en qué relación con una organización en
                                                 DATE
  concord relations <CODE> [--at DATE] [--lang L] [--json]
                                                 todas las relaciones de un Estado o una organización
                                                 en DATE
  concord search <TEXT> [--lang L] [--json]      Estados, organizaciones, marcos, propuestas y fuentes
                                                 cuyo código, nombre o título contiene TEXT (sin
                                                 distinguir mayúsculas ni acentos), nombrados en L
  concord bodies [--lang L] [--json]             los órganos decisorios y sus procedimientos por
                                                 defecto
  concord proposals [--status open|closed] [--body ID] [--lang L] [--json]
                                                 las propuestas, de la más reciente a la más antigua:
                                                 procedimiento, estado o resultado, plazo o fecha de
                                                 decisión, posiciones tomadas por los miembros
  concord proposal <ID> [--lang L] [--json]      una propuesta: procedimiento, rondas, la posición de
                                                 cada Estado miembro, el resultado con su regla y su
                                                 porqué
  concord position <ID> --state CODE --position P [--statement TEXT] [--json]
                                                 registra una posición que un Estado dio por escrito
                                                 (p. ej., la carta firmada de su delegación); el
                                                 registro de auditoría la guarda como registrada por la
                                                 CLI en nombre del Estado
  concord programmes [--organization ORG] [--partner CODE] [--lang L] [--json]
                                                 programas individuales de asociación: socio, tipo,
                                                 ciclo, estado, la versión en vigor
  concord programme <ID> [--lang L] [--json] [--iati]
                                                 un programa: objetivos → metas → actividades con el
                                                 avance de cada meta; --iati imprime XML IATI 2.03
  concord menu [--organization ORG] [--area A] [--lang L] [--json]
                                                 el menú de asociación de hoy
  concord menu search <WORDS> [--lang L] [--json]
                                                 actividades del menú cuyo título o descripción
                                                 contiene WORDS
  concord import menu <file.csv> [--organization ORG] [--json]
                                                 importa un menú en CSV; informa de las filas rechazadas
  concord import cow-states <file.csv>           importa la lista del sistema de Estados de Correlates
                                                 of War
  concord audit verify [--head FILE]             comprueba la cadena de hashes del registro de
                                                 auditoría, y que aún contiene una cabeza impresa por
                                                 audit head y guardada en FILE
  concord audit head                             firma la cabeza actual del registro de auditoría y la
                                                 imprime (JSON)
  concord admin create --email E --organization ORG [--name N]
                                                 crea un administrador de la secretaría; la contraseña
                                                 se lee de la entrada estándar
  concord admin auditor --email E [--revoke]     hace de una cuenta un auditor del sistema, que
                                                 consulta el registro de auditoría de todas las
                                                 organizaciones (solo aquí); --revoke la vuelve
                                                 analista de su organización
  concord help [--lang L]                        este texto, en L

DATE se escribe AAAA-MM-DD (por defecto: hoy). K es uno de ${p.kinds}.
P es uno de ${p.positions}, según lo permita el procedimiento de la propuesta;
${p.statements} y ${p.last} requieren --statement.
L es uno de ${p.languages}. La configuración viene del entorno: PORT, HOST,
CONCORD_DATA_DIR (por defecto ./data), DATABASE_URL (usar ese PostgreSQL en lugar del integrado).`,

  // ------------------------------------------------------------------ cooperation programmes
  ...menuMessages.es,
  ...disputeMessages.es,
  ...exchangeMessages.es,
  ...documentMessages.es,
  ...labelMessages.es,
  ...programmesMessages.es,
  ...eventsMessages.es,
  ...resultsMessages.es,
};
