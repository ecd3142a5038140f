import type { DecisionMessages } from "./en.ts";

export const es: DecisionMessages = {
  cancel: "Cancelar",
  sending: "Enviando…",
  required: "(obligatorio)",
  yourTimeZone: (zone: string) => `Su huso horario: ${zone}.`,
  signInForDecisions: "Inicie sesión para seguir las decisiones y participar en ellas.",

  liveConnecting: "Conectando con las actualizaciones en directo…",
  liveOn: "En directo: los cambios aparecen al producirse",
  liveOff: "Actualizaciones en directo en pausa: recargue la página para ver los cambios",

  decisionsIntro:
    "Las propuestas ante los órganos en los que participa: lo que está abierto, lo que espera a su delegación y lo que se ha decidido.",
  views: "Propuestas",
  viewOpen: "Abiertas",
  viewNeeds: "Pendientes de nuestra posición",
  viewClosed: "Cerradas",
  allBodies: "Todos los órganos",
  filterBody: "Órgano",
  noOpen: "No hay ninguna propuesta abierta.",
  noNeeds: "Su delegación ha fijado posición sobre todas las propuestas abiertas.",
  noClosed: "Todavía no se ha decidido ninguna propuesta.",
  proposalsCaption: {
    open: "Propuestas abiertas",
    needs: "Propuestas abiertas que esperan la posición de su delegación",
    closed: "Propuestas cerradas, con su resultado",
  },
  colProposal: "Propuesta",
  colProcedure: "Procedimiento",
  colDeadline: "Plazo",
  colPositions: "Posiciones",
  colOutcome: "Resultado",
  colDecided: "Decidida",
  noDeadline: "Sin plazo",
  positionsTaken: (taken: number, members: number) => `${taken} de ${members}`,
  needsYou: "Falta nuestra posición",
  reconstructed: "Reconstruida",
  reconstructedHint: "Una decisión histórica registrada a partir de las fuentes, no tomada en Concord.",
  showOlder: "Ver propuestas anteriores",
  count: (n: number) => (n === 1 ? "1 propuesta" : `${n} propuestas`),

  statuses: {
    open: "Abierta",
    adopted: "Adoptada",
    "not-adopted": "No adoptada",
    withdrawn: "Retirada",
  },
  purposes: {
    general: "Propuesta",
    request: "Solicitud",
    designation: "Designación",
    revocation: "Revocación",
    programme: "Programa",
  },

  consensus: "Consenso",
  silence: "Procedimiento de silencio",
  silenceUntil: (deadline: string) => `Procedimiento de silencio hasta el ${deadline}`,
  unilateral: "Decisión unilateral",
  majorityName: "Mayoría",
  majority: (threshold: string, base: string, quorum: string) => `Mayoría: ${threshold} de ${base}, quórum ${quorum}`,
  simpleMajority: (base: string, quorum: string) => `Mayoría simple de ${base}, quórum ${quorum}`,
  bases: {
    "all-members": "todos los miembros",
    "present-and-voting": "los presentes y votantes",
  },
  abstentionsCounted: "las abstenciones cuentan como votos emitidos",
  procedureHints: {
    consensus: "Se adopta cuando todos los miembros dan su conformidad. Una objeción la bloquea.",
    silence:
      "Se adopta al vencer el plazo, salvo que un miembro rompa el silencio con una objeción o una propuesta de enmienda por escrito.",
    majority: "Se decide al vencer el plazo, según los votos emitidos.",
    unilateral: "La decide un solo Estado.",
  },

  positionNames: {
    concur: "Conforme",
    "concur-with-reservation": "Conforme con reserva",
    object: "Objeta",
    amend: "Propone una enmienda",
    abstain: "Se abstiene",
  },
  positionChoices: {
    concur: "Dar la conformidad",
    "concur-with-reservation": "Dar la conformidad con reserva",
    object: "Objetar",
    amend: "Proponer una enmienda",
    abstain: "Abstenerse",
  },
  positionHints: {
    concur: "Acepta el texto tal como está.",
    "concur-with-reservation": "Acepta, con una reserva que queda por escrito.",
    object: "Bloquea el texto, exponiendo sus motivos.",
    amend: "Pide un cambio en el texto, indicando la enmienda.",
    abstain: "Participa sin votar a favor ni en contra.",
  },
  statementLabels: {
    concur: "Declaración",
    "concur-with-reservation": "Su reserva",
    object: "Motivos de su objeción",
    amend: "La enmienda que propone",
    abstain: "Declaración",
  },
  noPosition: "Sin posición todavía",
  brokeSilence: "Rompió el silencio",
  yourDelegation: "Su delegación",

  proposalNotFound: (id: string) => `No existe la propuesta ${id}.`,
  backToDecisions: "Todas las decisiones",
  facts: "Sobre esta propuesta",
  body: "Órgano",
  procedure: "Procedimiento",
  chair: "Presidencia",
  opened: "Abierta",
  round: "Ronda",
  roundOf: (n: number) => `Ronda ${n}`,
  deadline: "Plazo",
  concerns: "Concierne a",
  members: "Miembros",
  timeLeft: (duration: string) => `Quedan ${duration}`,
  deadlinePassed: "El plazo ha vencido. Se está registrando el resultado.",
  text: "Texto",
  textOfRound: (n: number) => (n === 1 ? "Texto" : `Texto, tal como se volvió a circular en la ronda ${n}`),
  earlierRounds: "Rondas anteriores",
  roundSummary: (n: number, opened: string) => `Ronda ${n}, circulada el ${opened}`,
  roundDeadline: (deadline: string) => `plazo: ${deadline}`,
  extended: (from: string, to: string, at: string) => `Plazo prorrogado del ${from} al ${to} (el ${at}).`,
  gridTitle: "Posiciones de los miembros",
  gridCaption: (n: number, round: number) => `Posiciones de los ${n} miembros en la ronda ${round}`,
  colState: "Miembro",
  colPosition: "Posición",
  colStatement: "Declaración",
  colWhen: "Cuándo",
  colRound: "Ronda",
  tally: (taken: number, members: number) => `${taken} de ${members} miembros han fijado su posición.`,
  historyTitle: "Todas las posiciones fijadas",
  historyIntro:
    "De la más antigua a la más reciente, cambios incluidos. Cuenta la última posición de cada miembro en la ronda actual.",
  historyCaption: "Todas las posiciones fijadas, de la más antigua a la más reciente",
  noHistory: "Todavía nadie ha fijado su posición.",
  noHistoryReconstructed: "Las posiciones individuales no constan para esta decisión histórica.",

  outcome: "Resultado",
  decidedOn: (date: string) => `Decidida el ${date}`,
  decidedIn: (date: string) => `Decidida en ${date}`,
  rule: "Regla",
  explanation: "Explicación",
  explanationLanguage: "Tal como consta (en inglés):",
  rules: {
    "consensus.all-concurred": "Todos los miembros dieron su conformidad",
    "consensus.deadline-passed-without-consensus": "El plazo venció sin consenso",
    "silence.deadline-passed-unbroken": "El plazo venció sin que se rompiera el silencio",
    "silence.deadline-passed-broken": "Se rompió el silencio antes del plazo",
    "majority.threshold-met": "Se alcanzó la mayoría requerida",
    "majority.threshold-not-met": "No se alcanzó la mayoría requerida",
    "majority.quorum-not-met": "No se alcanzó el quórum",
    "unilateral.designating-state-concurred": "El Estado que decide resolvió adoptarla",
    "unilateral.designating-state-declined": "El Estado que decide resolvió no adoptarla",
    "chair.closed-without-consensus": "Cerrada por la presidencia sin consenso",
    "withdrawn.by-requesting-state": "Retirada por el Estado solicitante",
    "withdrawn.by-chair": "Retirada por la presidencia",
  },
  relationLink: "Ver el cambio en el registro",
  reconstructedNote: "Reconstruida a partir de las fuentes: una decisión histórica, no tomada en Concord.",
  noticesIssued: (n: number) =>
    n === 1 ? "Se notificó el resultado a 1 delegación." : `Se notificó el resultado a ${n} delegaciones.`,
  decisionSource: "Fuente",

  yourPosition: (state: string) => `Posición de ${state}`,
  currentPosition: (position: string, when: string) =>
    `Su posición actual: ${position} (${when}). Puede cambiarla hasta que se cierre la propuesta.`,
  recordPosition: "Registrar la posición",
  changePosition: "Cambiar la posición",
  choosePosition: "Elija una posición.",
  statementNeeded: "Escriba la declaración: esta posición debe darse por escrito.",
  positionRecorded: (position: string) => `Posición registrada: ${position}.`,
  statementHint: "Texto sencillo; las líneas en blanco separan párrafos, * o - inician una lista.",
  breaksSilence: "Rompe el silencio",

  chairTools: "Herramientas de la presidencia",
  extendTitle: "Prorrogar el plazo",
  newDeadline: "Nuevo plazo",
  extend: "Prorrogar",
  deadlineExtended: (deadline: string) => `Plazo prorrogado hasta el ${deadline}.`,
  chooseDeadline: "Elija la nueva fecha y hora.",
  recirculateTitle: "Volver a circular un texto enmendado",
  recirculateIntro:
    "Abre una nueva ronda: cada miembro vuelve a fijar su posición; las rondas anteriores se conservan.",
  amendedText: "Texto enmendado",
  recirculate: "Volver a circular",
  recirculated: (round: number) => `La ronda ${round} está abierta con el texto enmendado.`,
  enterText: "Escriba el texto.",
  deadlineOptional: "Plazo",
  closeTitle: "Cerrar la propuesta",
  closeAs: "Cerrar como",
  closeNotAdopted: "No adoptada (sin consenso)",
  closeWithdrawn: "Retirada",
  reason: "Motivo",
  enterReason: "Indique el motivo.",
  closeButton: "Cerrar la propuesta",
  withdrawTitle: "Retirar su solicitud",
  withdrawButton: "Retirar la solicitud",
  closed: (status: string) => `La propuesta está cerrada: ${status}.`,

  startTitle: "Iniciar",
  openProposalTitle: "Abrir una propuesta",
  openProposalIntro: "Los miembros se fijan a partir del registro en el momento de abrirla.",
  chooseBody: "Elija un órgano",
  chooseBodyFirst: "Elija el órgano.",
  title: "Título",
  enterTitle: "Dé un título a la propuesta.",
  proposalText: "Texto",
  textHint: "Markdown: las líneas en blanco separan párrafos, * o - inician una lista, *cursiva* y **negrita**.",
  procedureDefault: (name: string) => `El del órgano: ${name}`,
  threshold: "Mayoría requerida",
  thresholdSimple: "Simple (más de la mitad)",
  base: "Calculada sobre",
  quorum: "Quórum",
  abstentions: "Abstenciones",
  abstentionsExcluded: "Solo cuentan para el quórum",
  abstentionsCountedOption: "También cuentan como votos emitidos",
  deadlineRequired: "Los procedimientos de silencio y de mayoría necesitan un plazo.",
  openButton: "Abrir la propuesta",

  requestTitle: "Presentar una solicitud",
  requestIntro: (state: string, organization: string) =>
    `Una solicitud de ${state} a ${organization}; abre la propuesta que exigen las normas de ${organization}.`,
  organizationField: "Organización",
  statusRequested: "Estatuto solicitado",
  requestStatuses: {
    member: "Miembro",
    partner: "Socio",
    observer: "Observador",
    associate: "Asociado",
  },
  framework: "Marco de asociación",
  chooseFramework: "Elija un marco",
  frameworkNeeded: "Una solicitud de asociación indica su marco.",
  requestText: "La solicitud",
  fileRequest: "Presentar la solicitud",

  noticeTitle: "Notificar una suspensión o una retirada",
  noticeIntro: (state: string, organization: string) =>
    `Una notificación de ${state} a ${organization}. Surte efecto al final del plazo de preaviso que fijan las normas de ${organization}.`,
  noticeKind: "Notificación de",
  noticeKinds: { suspension: "Suspensión", withdrawal: "Retirada" },
  statementOptional: "Declaración",
  fileNotice: "Presentar la notificación",
  noticeFiled: (kind: string, effective: string) =>
    `Notificación de ${kind.toLowerCase()} presentada: surte efecto el ${effective}.`,

  designationTitle: "Proponer una designación",
  designationIntro: (state: string) =>
    `Una decisión que ${state} toma por sí solo, como la designación de aliado principal no miembro de la OTAN, o su revocación.`,
  designee: "Estado u organización designado",
  chooseDesignee: "Elija a quién se designa",
  designeeNeeded: "Elija a quién se designa.",
  designation: "Designación",
  designationHint: "Palabras en minúsculas unidas por guiones, p. ej. major-non-nato-ally.",
  designationNeeded: "Indique la designación.",
  revoke: "Revocar esta designación en lugar de concederla",
  proposeDesignation: "Proponer la designación",

  // Lo que ocurrió con una propuesta, y confirmaciones antes de lo que no tiene vuelta atrás (issue 12)
  statusSilenceBroken: "Silencio roto",
  silentAgrees: "En silencio: de acuerdo",
  silenceBrokenBy: (state: string, date: string) => `Silencio roto por ${state} el ${date}`,
  silenceAlsoBrokenBy: (states: string) => `También lo rompió: ${states}.`,
  silenceNextOpen: (deadline: string) =>
    `Qué ocurre ahora: la propuesta no se adoptará al vencer el plazo (${deadline}), aunque el miembro dé ahora su conformidad, salvo que la presidencia vuelva a circular un texto revisado antes. Un texto vuelto a circular abre una nueva ronda de silencio para todos los miembros.`,
  silenceNextChair: "Como presidencia, puede volver a circular un texto revisado o retirar la propuesta más abajo.",
  silenceNextPassed:
    "El plazo venció con el silencio roto: la propuesta no se adopta. Se está registrando el resultado.",
  silenceNextClosed: "El plazo venció con el silencio roto, por lo que la propuesta no se adoptó.",
  statementRequiredTag: "Declaración obligatoria",
  statementRequired: "Obligatoria: esta posición solo se envía con una declaración por escrito.",
  confirmBack: "Volver",
  breakSilenceTitle: (id: number) => `¿Romper el silencio sobre la propuesta ${id}?`,
  breakSilenceText: (deadline: string) =>
    `Su posición queda registrada y todos los miembros la ven. Desde ese momento la propuesta no puede adoptarse en esta ronda, aunque más tarde dé su conformidad: al vencer el plazo (${deadline}) se registra como no adoptada, salvo que la presidencia vuelva a circular un texto revisado, lo que abre una nueva ronda de silencio para todos los miembros.`,
  breakSilenceConfirm: "Romper el silencio",
  adoptTitle: (id: number) => `¿Decidir adoptar la propuesta ${id}?`,
  adoptText: {
    general: "La decisión es definitiva: el procedimiento termina ahora y la propuesta queda adoptada.",
    request: "La decisión es definitiva: el procedimiento termina ahora y el estatus solicitado se registra desde hoy.",
    designation:
      "La decisión es definitiva: el procedimiento termina ahora y la designación se registra desde hoy, citando esta decisión.",
    revocation:
      "La decisión es definitiva: el procedimiento termina ahora y la designación termina hoy en el registro, citando esta decisión.",
    programme:
      "La decisión es definitiva: el procedimiento termina ahora y esta versión del programa entra en vigor hoy, en lugar de la anterior.",
  },
  adoptConfirm: "Adoptar",
  declineTitle: (id: number) => `¿Decidir no adoptar la propuesta ${id}?`,
  declineText:
    "La decisión es definitiva: el procedimiento termina ahora, la propuesta no se adopta y el registro no cambia.",
  declineConfirm: "No adoptar",
  closeNotAdoptedTitle: (id: number) => `¿Cerrar la propuesta ${id} como no adoptada?`,
  closeNotAdoptedText:
    "El procedimiento termina ahora para todos los miembros: no se pueden tomar más posiciones, la propuesta no se adopta y el registro no cambia. Su motivo queda registrado con el resultado.",
  closeNotAdoptedConfirm: "Cerrar como no adoptada",
  withdrawConfirmTitle: (id: number) => `¿Retirar la propuesta ${id}?`,
  withdrawConfirmText:
    "El procedimiento termina ahora para todos los miembros: no se pueden tomar más posiciones, no se adopta nada y el registro no cambia. Su motivo queda registrado con el resultado.",
  withdrawRequestConfirmText:
    "Su solicitud se retira y su procedimiento termina ahora para todos los miembros: no se decide nada y el registro no cambia. Para pedirlo de nuevo, presente una nueva solicitud.",
  withdrawConfirm: "Retirar",
  // Notificaciones de suspensión y de retirada: el paso de confirmación, la lista, el acuse de recibo y el retiro;
  // la confirmación de una designación (issue 12)
  noticeStatementLabel: "Declaración",
  noticeStatementHint: "Obligatoria: qué notifica su Estado y por qué. Se guarda con la notificación.",
  noticeStatementNeeded: "Escriba la declaración: una notificación se hace por escrito.",
  noticeConfirmTitle: (kind, organization) =>
    kind === "withdrawal"
      ? `¿Notificar la retirada de ${organization}?`
      : `¿Notificar la suspensión de la participación en ${organization}?`,
  noticeConsequence: (kind, state, organization, effective) =>
    kind === "withdrawal"
      ? `La membresía de ${state} en ${organization} termina el ${effective}.`
      : `La participación de ${state} en ${organization} queda suspendida a partir del ${effective}.`,
  noticePeriod: (months, organization) =>
    months === 0
      ? `Las normas de ${organization} no fijan plazo de preaviso: surte efecto hoy.`
      : `Las normas de ${organization} fijan un preaviso de ${months === 1 ? "1 mes" : `${months} meses`}.`,
  noticeDepositary: (organization) =>
    `La notificación va a la secretaría de ${organization}, el depositario, que acusa recibo. Puede retirarla hasta que surta efecto.`,
  noticeConfirm: "Notificar",
  noticeGiven: (effective) =>
    `Notificación presentada: a la espera del acuse de recibo de la secretaría. Surte efecto el ${effective}.`,
  noticesTitle: "Notificaciones de suspensión y de retirada",
  noticesIntroSecretariat: (organization) =>
    `Notificaciones presentadas a ${organization}. Como depositario, acuse recibo de cada una: cada una surte efecto en su fecha de todos modos.`,
  noticesIntroDelegation: "Las notificaciones de su delegación y en qué punto está cada una.",
  noticesIntroOthers: (organization) => `Notificaciones presentadas a ${organization} y en qué punto está cada una.`,
  noNotices: "No se ha presentado ninguna notificación.",
  noticeDates: (filed, effective) => `Notificación presentada el ${filed}, surte efecto el ${effective}.`,
  noticeStages: {
    "awaiting-acknowledgement": "Notificada, a la espera del acuse de recibo",
    acknowledged: "Recibo acusado",
    withdrawn: "Retirada",
    "in-effect": "En vigor",
  },
  noticeAcknowledgedOn: (date) => `La secretaría acusó recibo el ${date}.`,
  noticeWithdrawnOn: (date) => `Retirada el ${date}.`,
  noticeWithdrawalReason: "Por qué se retiró",
  acknowledgeNotice: "Acusar recibo",
  acknowledgeNoticeTitle: (state, kind) =>
    `¿Acusar recibo de la notificación de ${kind === "withdrawal" ? "retirada" : "suspensión"} de ${state}?`,
  acknowledgeNoticeText: (state, filed) =>
    `Usted deja constancia, como depositario, de que ${state} presentó esta notificación el ${filed}. Acusar recibo no cambia la fecha en que surte efecto.`,
  acknowledgeNoticeConfirm: "Acusar recibo de la notificación",
  noticeAcknowledged: "Recibo de la notificación acusado.",
  withdrawNotice: "Retirar la notificación",
  withdrawNoticeTitle: (kind, organization) =>
    `¿Retirar la notificación de ${kind === "withdrawal" ? "retirada" : "suspensión"} presentada a ${organization}?`,
  withdrawNoticeText: (kind, state, organization, effective) =>
    kind === "withdrawal"
      ? `La membresía de ${state} en ${organization} no terminará el ${effective}: continúa. La notificación queda registrada como retirada.`
      : `La participación de ${state} en ${organization} no quedará suspendida el ${effective}. La notificación queda registrada como retirada.`,
  withdrawNoticeStatement: "Por qué",
  noticeWithdrawnDone: "Notificación retirada.",
  designationConfirmTitle: (revoke, designation, designee) =>
    revoke
      ? `¿Proponer revocar la designación ${designation} de ${designee}?`
      : `¿Proponer designar a ${designee}: ${designation}?`,
  designationConfirmText: (revoke, state, designation, designee) =>
    revoke
      ? `Esto abre una decisión que ${state} toma por sí solo. Si ${state} la adopta, el registro pone fin a la designación ${designation} de ${designee} ese día, citando la decisión.`
      : `Esto abre una decisión que ${state} toma por sí solo. Si ${state} la adopta, el registro inscribe a ${designee} como ${designation} desde ese día, citando la decisión.`,
  proposeRevocation: "Proponer la revocación",
};
