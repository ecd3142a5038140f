import type { DecisionMessages } from "./en.ts";

export const fr: DecisionMessages = {
  cancel: "Annuler",
  sending: "Envoi…",
  required: "(obligatoire)",
  yourTimeZone: (zone: string) => `Votre fuseau horaire : ${zone}.`,
  signInForDecisions: "Connectez-vous pour suivre les décisions et y prendre part.",

  liveConnecting: "Connexion aux mises à jour en direct…",
  liveOn: "En direct : les changements apparaissent dès qu’ils ont lieu",
  liveOff: "Mises à jour en direct interrompues : rechargez la page pour voir les changements",

  decisionsIntro:
    "Les propositions soumises aux organes auxquels vous prenez part : ce qui est ouvert, ce qui attend votre délégation et ce qui a été décidé.",
  views: "Propositions",
  viewOpen: "Ouvertes",
  viewNeeds: "En attente de notre position",
  viewClosed: "Closes",
  allBodies: "Tous les organes",
  filterBody: "Organe",
  noOpen: "Aucune proposition n’est ouverte.",
  noNeeds: "Votre délégation a pris position sur toutes les propositions ouvertes.",
  noClosed: "Aucune proposition n’a encore été décidée.",
  proposalsCaption: {
    open: "Propositions ouvertes",
    needs: "Propositions ouvertes qui attendent la position de votre délégation",
    closed: "Propositions closes, avec leur issue",
  },
  colProposal: "Proposition",
  colProcedure: "Procédure",
  colDeadline: "Échéance",
  colPositions: "Positions",
  colOutcome: "Issue",
  colDecided: "Décidée",
  noDeadline: "Sans échéance",
  positionsTaken: (taken: number, members: number) => `${taken} sur ${members}`,
  needsYou: "Notre position manque",
  reconstructed: "Reconstituée",
  reconstructedHint: "Une décision historique saisie d’après les sources, non prise dans Concord.",
  showOlder: "Voir les propositions plus anciennes",
  count: (n: number) => (n <= 1 ? `${n} proposition` : `${n} propositions`),

  statuses: {
    open: "Ouverte",
    adopted: "Adoptée",
    "not-adopted": "Non adoptée",
    withdrawn: "Retirée",
  },
  purposes: {
    general: "Proposition",
    request: "Demande",
    designation: "Désignation",
    revocation: "Révocation",
    programme: "Programme",
  },

  consensus: "Consensus",
  silence: "Procédure d’accord tacite",
  silenceUntil: (deadline: string) => `Procédure d’accord tacite jusqu’au ${deadline}`,
  unilateral: "Décision unilatérale",
  majorityName: "Majorité",
  majority: (threshold: string, base: string, quorum: string) => `Majorité : ${threshold} ${base}, quorum ${quorum}`,
  simpleMajority: (base: string, quorum: string) => `Majorité simple ${base}, quorum ${quorum}`,
  bases: {
    "all-members": "de l’ensemble des membres",
    "present-and-voting": "des membres présents et votants",
  },
  abstentionsCounted: "les abstentions comptent comme suffrages exprimés",
  procedureHints: {
    consensus: "Adoptée lorsque tous les membres donnent leur accord. Une objection la bloque.",
    silence:
      "Adoptée à l’échéance, sauf si un membre rompt le silence par une objection ou une proposition d’amendement écrite.",
    majority: "Décidée à l’échéance, selon les suffrages exprimés.",
    unilateral: "Décidée par un seul État.",
  },

  positionNames: {
    concur: "D’accord",
    "concur-with-reservation": "D’accord avec réserve",
    object: "Fait objection",
    amend: "Propose un amendement",
    abstain: "S’abstient",
  },
  positionChoices: {
    concur: "Donner son accord",
    "concur-with-reservation": "Donner son accord avec réserve",
    object: "Faire objection",
    amend: "Proposer un amendement",
    abstain: "S’abstenir",
  },
  positionHints: {
    concur: "Accepter le texte tel qu’il est.",
    "concur-with-reservation": "Accepter, avec une réserve consignée par écrit.",
    object: "Bloquer le texte, en exposant vos raisons.",
    amend: "Demander une modification du texte, en indiquant l’amendement.",
    abstain: "Prendre part sans voter pour ni contre.",
  },
  statementLabels: {
    concur: "Déclaration",
    "concur-with-reservation": "Votre réserve",
    object: "Raisons de votre objection",
    amend: "L’amendement que vous proposez",
    abstain: "Déclaration",
  },
  noPosition: "Pas encore de position",
  brokeSilence: "A rompu le silence",
  yourDelegation: "Votre délégation",

  proposalNotFound: (id: string) => `Aucune proposition ${id}.`,
  backToDecisions: "Toutes les décisions",
  facts: "À propos de cette proposition",
  body: "Organe",
  procedure: "Procédure",
  chair: "Présidence",
  opened: "Ouverte le",
  round: "Tour",
  roundOf: (n: number) => `Tour ${n}`,
  deadline: "Échéance",
  concerns: "Concerne",
  members: "Membres",
  timeLeft: (duration: string) => `Il reste ${duration}`,
  deadlinePassed: "L’échéance est passée. L’issue est en cours d’enregistrement.",
  text: "Texte",
  textOfRound: (n: number) => (n === 1 ? "Texte" : `Texte, tel que remis en circulation au tour ${n}`),
  earlierRounds: "Tours précédents",
  roundSummary: (n: number, opened: string) => `Tour ${n}, diffusé le ${opened}`,
  roundDeadline: (deadline: string) => `échéance : ${deadline}`,
  extended: (from: string, to: string, at: string) => `Échéance reportée du ${from} au ${to} (le ${at}).`,
  gridTitle: "Positions des membres",
  gridCaption: (n: number, round: number) => `Positions des ${n} membres au tour ${round}`,
  colState: "Membre",
  colPosition: "Position",
  colStatement: "Déclaration",
  colWhen: "Quand",
  colRound: "Tour",
  tally: (taken: number, members: number) => `${taken} membres sur ${members} ont pris position.`,
  historyTitle: "Toutes les positions prises",
  historyIntro:
    "De la plus ancienne à la plus récente, changements compris. Seule compte la dernière position de chaque membre au tour en cours.",
  historyCaption: "Toutes les positions prises, de la plus ancienne à la plus récente",
  noHistory: "Personne n’a encore pris position.",
  noHistoryReconstructed: "Les positions individuelles ne sont pas connues pour cette décision historique.",

  outcome: "Issue",
  decidedOn: (date: string) => `Décidée le ${date}`,
  decidedIn: (date: string) => `Décidée en ${date}`,
  rule: "Règle",
  explanation: "Explication",
  explanationLanguage: "Telle qu’enregistrée (en anglais) :",
  rules: {
    "consensus.all-concurred": "Tous les membres ont donné leur accord",
    "consensus.deadline-passed-without-consensus": "L’échéance est passée sans consensus",
    "silence.deadline-passed-unbroken": "L’échéance est passée sans que le silence soit rompu",
    "silence.deadline-passed-broken": "Le silence a été rompu avant l’échéance",
    "majority.threshold-met": "La majorité requise a été atteinte",
    "majority.threshold-not-met": "La majorité requise n’a pas été atteinte",
    "majority.quorum-not-met": "Le quorum n’a pas été atteint",
    "unilateral.designating-state-concurred": "L’État qui décide a choisi d’adopter",
    "unilateral.designating-state-declined": "L’État qui décide a choisi de ne pas adopter",
    "chair.closed-without-consensus": "Close par la présidence faute de consensus",
    "withdrawn.by-requesting-state": "Retirée par l’État demandeur",
    "withdrawn.by-chair": "Retirée par la présidence",
  },
  relationLink: "Voir le changement dans le registre",
  reconstructedNote: "Reconstituée d’après les sources : une décision historique, non prise dans Concord.",
  noticesIssued: (n: number) =>
    n === 1 ? "L’issue a été notifiée à 1 délégation." : `L’issue a été notifiée à ${n} délégations.`,
  decisionSource: "Source",

  yourPosition: (state: string) => `Position de l’État : ${state}`,
  currentPosition: (position: string, when: string) =>
    `Votre position actuelle : ${position} (${when}). Vous pouvez la changer jusqu’à la clôture.`,
  recordPosition: "Enregistrer la position",
  changePosition: "Changer de position",
  choosePosition: "Choisissez une position.",
  statementNeeded: "Rédigez la déclaration : cette position doit être donnée par écrit.",
  positionRecorded: (position: string) => `Position enregistrée : ${position}.`,
  statementHint: "Texte simple ; une ligne vide sépare les paragraphes, * ou - commence une liste.",
  breaksSilence: "Rompt le silence",

  chairTools: "Outils de la présidence",
  extendTitle: "Reporter l’échéance",
  newDeadline: "Nouvelle échéance",
  extend: "Reporter",
  deadlineExtended: (deadline: string) => `Échéance reportée au ${deadline}.`,
  chooseDeadline: "Choisissez la nouvelle date et l’heure.",
  recirculateTitle: "Remettre en circulation un texte amendé",
  recirculateIntro: "Ouvre un nouveau tour : chaque membre reprend position ; les tours précédents sont conservés.",
  amendedText: "Texte amendé",
  recirculate: "Remettre en circulation",
  recirculated: (round: number) => `Le tour ${round} est ouvert avec le texte amendé.`,
  enterText: "Rédigez le texte.",
  deadlineOptional: "Échéance",
  closeTitle: "Clore la proposition",
  closeAs: "Clore comme",
  closeNotAdopted: "Non adoptée (pas de consensus)",
  closeWithdrawn: "Retirée",
  reason: "Motif",
  enterReason: "Indiquez le motif.",
  closeButton: "Clore la proposition",
  withdrawTitle: "Retirer votre demande",
  withdrawButton: "Retirer la demande",
  closed: (status: string) => `La proposition est close : ${status}.`,

  startTitle: "Lancer",
  openProposalTitle: "Ouvrir une proposition",
  openProposalIntro: "Les membres sont fixés d’après le registre au moment de l’ouverture.",
  chooseBody: "Choisissez un organe",
  chooseBodyFirst: "Choisissez l’organe.",
  title: "Titre",
  enterTitle: "Donnez un titre à la proposition.",
  proposalText: "Texte",
  textHint: "Markdown : une ligne vide sépare les paragraphes, * ou - commence une liste, *italique* et **gras**.",
  procedureDefault: (name: string) => `Celle de l’organe : ${name}`,
  threshold: "Majorité requise",
  thresholdSimple: "Simple (plus de la moitié)",
  base: "Calculée sur",
  quorum: "Quorum",
  abstentions: "Abstentions",
  abstentionsExcluded: "Comptent pour le quorum seulement",
  abstentionsCountedOption: "Comptent aussi comme suffrages exprimés",
  deadlineRequired: "Les procédures d’accord tacite et de majorité exigent une échéance.",
  openButton: "Ouvrir la proposition",

  requestTitle: "Déposer une demande",
  requestIntro: (state: string, organization: string) =>
    `Une demande de l’État ${state} à l’organisation ${organization} ; elle ouvre la proposition qu’exigent les règles de l’organisation.`,
  organizationField: "Organisation",
  statusRequested: "Statut demandé",
  requestStatuses: {
    member: "Membre",
    partner: "Partenaire",
    observer: "Observateur",
    associate: "Associé",
  },
  framework: "Cadre de partenariat",
  chooseFramework: "Choisissez un cadre",
  frameworkNeeded: "Une demande de partenariat indique son cadre.",
  requestText: "La demande",
  fileRequest: "Déposer la demande",

  noticeTitle: "Notifier une suspension ou un retrait",
  noticeIntro: (state: string, organization: string) =>
    `Une notification de l’État ${state} à l’organisation ${organization}. Elle prend effet au terme du préavis fixé par les règles de l’organisation.`,
  noticeKind: "Notification de",
  noticeKinds: { suspension: "Suspension", withdrawal: "Retrait" },
  statementOptional: "Déclaration",
  fileNotice: "Déposer la notification",
  noticeFiled: (kind: string, effective: string) =>
    `Notification de ${kind.toLowerCase()} déposée : elle prend effet le ${effective}.`,

  designationTitle: "Proposer une désignation",
  designationIntro: (state: string) =>
    `Une décision que l’État ${state} prend seul, comme la désignation d’allié majeur hors OTAN, ou sa révocation.`,
  designee: "État ou organisation désigné",
  chooseDesignee: "Choisissez qui est désigné",
  designeeNeeded: "Choisissez qui est désigné.",
  designation: "Désignation",
  designationHint: "Des mots en minuscules reliés par des traits d’union, p. ex. major-non-nato-ally.",
  designationNeeded: "Indiquez la désignation.",
  revoke: "Révoquer cette désignation au lieu de l’accorder",
  proposeDesignation: "Proposer la désignation",

  // Ce qui est arrivé à une proposition, et confirmations avant ce qui est sans retour (issue 12)
  statusSilenceBroken: "Silence rompu",
  silentAgrees: "Silencieux : d’accord",
  silenceBrokenBy: (state: string, date: string) => `Silence rompu par ${state} le ${date}`,
  silenceAlsoBrokenBy: (states: string) => `Également rompu par ${states}.`,
  silenceNextOpen: (deadline: string) =>
    `Et ensuite : la proposition ne sera pas adoptée à l’échéance (${deadline}), même si le membre donne maintenant son accord, sauf si la présidence fait circuler un texte révisé d’ici là. Un texte recirculé ouvre un nouveau tour de silence pour tous les membres.`,
  silenceNextChair:
    "En tant que présidence, vous pouvez faire circuler un texte révisé ou retirer la proposition ci-dessous.",
  silenceNextPassed:
    "L’échéance est passée avec le silence rompu : la proposition n’est pas adoptée. Le résultat est en cours d’enregistrement.",
  silenceNextClosed: "L’échéance est passée avec le silence rompu : la proposition n’a donc pas été adoptée.",
  statementRequiredTag: "Déclaration obligatoire",
  statementRequired: "Obligatoire : cette position n’est envoyée qu’avec une déclaration écrite.",
  confirmBack: "Revenir",
  breakSilenceTitle: (id: number) => `Rompre le silence sur la proposition ${id} ?`,
  breakSilenceText: (deadline: string) =>
    `Votre position est enregistrée et tous les membres la voient. Dès lors, la proposition ne peut plus être adoptée dans ce tour, même si vous donnez votre accord plus tard : à l’échéance (${deadline}), elle est enregistrée comme non adoptée, sauf si la présidence fait circuler un texte révisé, ce qui ouvre un nouveau tour de silence pour tous les membres.`,
  breakSilenceConfirm: "Rompre le silence",
  adoptTitle: (id: number) => `Décider d’adopter la proposition ${id} ?`,
  adoptText: {
    general: "La décision est définitive : la procédure prend fin maintenant et la proposition est adoptée.",
    request:
      "La décision est définitive : la procédure prend fin maintenant et le statut demandé est inscrit au registre à partir d’aujourd’hui.",
    designation:
      "La décision est définitive : la procédure prend fin maintenant et la désignation est inscrite au registre à partir d’aujourd’hui, en citant cette décision.",
    revocation:
      "La décision est définitive : la procédure prend fin maintenant et la désignation prend fin aujourd’hui dans le registre, en citant cette décision.",
    programme:
      "La décision est définitive : la procédure prend fin maintenant et cette version du programme entre en vigueur aujourd’hui, à la place de la précédente.",
  },
  adoptConfirm: "Adopter",
  declineTitle: (id: number) => `Décider de ne pas adopter la proposition ${id} ?`,
  declineText:
    "La décision est définitive : la procédure prend fin maintenant, la proposition n’est pas adoptée et le registre ne change pas.",
  declineConfirm: "Ne pas adopter",
  closeNotAdoptedTitle: (id: number) => `Clore la proposition ${id} comme non adoptée ?`,
  closeNotAdoptedText:
    "La procédure prend fin maintenant pour tous les membres : aucune position ne peut plus être prise, la proposition n’est pas adoptée et le registre ne change pas. Votre motif est enregistré avec le résultat.",
  closeNotAdoptedConfirm: "Clore comme non adoptée",
  withdrawConfirmTitle: (id: number) => `Retirer la proposition ${id} ?`,
  withdrawConfirmText:
    "La procédure prend fin maintenant pour tous les membres : aucune position ne peut plus être prise, rien n’est adopté et le registre ne change pas. Votre motif est enregistré avec le résultat.",
  withdrawRequestConfirmText:
    "Votre demande est retirée et sa procédure prend fin maintenant pour tous les membres : rien n’est décidé et le registre ne change pas. Pour redemander, déposez une nouvelle demande.",
  withdrawConfirm: "Retirer",
  // Notifications de suspension et de retrait : l’étape de confirmation, la liste, l’accusé de réception et le retrait ;
  // la confirmation d’une désignation (issue 12)
  noticeStatementLabel: "Déclaration",
  noticeStatementHint: "Obligatoire : ce que votre État notifie, et pourquoi. Elle est conservée avec la notification.",
  noticeStatementNeeded: "Rédigez la déclaration : une notification se fait par écrit.",
  noticeConfirmTitle: (kind, organization) =>
    kind === "withdrawal"
      ? `Notifier le retrait de l’organisation ${organization} ?`
      : `Notifier la suspension de la participation à l’organisation ${organization} ?`,
  noticeConsequence: (kind, state, organization, effective) =>
    kind === "withdrawal"
      ? `L’adhésion de l’État ${state} à l’organisation ${organization} prend fin le ${effective}.`
      : `La participation de l’État ${state} à l’organisation ${organization} est suspendue à partir du ${effective}.`,
  noticePeriod: (months, organization) =>
    months === 0
      ? `Les règles de l’organisation ${organization} ne fixent aucun préavis : elle prend effet aujourd’hui.`
      : `Les règles de l’organisation ${organization} fixent un préavis de ${months} mois.`,
  noticeDepositary: (organization) =>
    `La notification est adressée au secrétariat de l’organisation ${organization}, le dépositaire, qui en accuse réception. Vous pouvez la retirer jusqu’à ce qu’elle prenne effet.`,
  noticeConfirm: "Notifier",
  noticeGiven: (effective) =>
    `Notification donnée : en attente de l’accusé de réception du secrétariat. Elle prend effet le ${effective}.`,
  noticesTitle: "Notifications de suspension et de retrait",
  noticesIntroSecretariat: (organization) =>
    `Notifications adressées à l’organisation ${organization}. En tant que dépositaire, accusez réception de chacune : chacune prend effet à sa date dans tous les cas.`,
  noticesIntroDelegation: "Les notifications de votre délégation, et où en est chacune.",
  noticesIntroOthers: (organization) =>
    `Notifications adressées à l’organisation ${organization}, et où en est chacune.`,
  noNotices: "Aucune notification n’a été donnée.",
  noticeDates: (filed, effective) => `Notification donnée le ${filed}, prend effet le ${effective}.`,
  noticeStages: {
    "awaiting-acknowledgement": "Notifiée, en attente d’accusé de réception",
    acknowledged: "Réception accusée",
    withdrawn: "Retirée",
    "in-effect": "En vigueur",
  },
  noticeAcknowledgedOn: (date) => `Le secrétariat en a accusé réception le ${date}.`,
  noticeWithdrawnOn: (date) => `Retirée le ${date}.`,
  noticeWithdrawalReason: "Motif du retrait",
  acknowledgeNotice: "Accuser réception",
  acknowledgeNoticeTitle: (state, kind) =>
    `Accuser réception de la notification de ${kind === "withdrawal" ? "retrait" : "suspension"} de l’État ${state} ?`,
  acknowledgeNoticeText: (state, filed) =>
    `Vous consignez, en tant que dépositaire, que l’État ${state} a donné cette notification le ${filed}. Accuser réception ne change pas la date à laquelle elle prend effet.`,
  acknowledgeNoticeConfirm: "Accuser réception de la notification",
  noticeAcknowledged: "Réception de la notification accusée.",
  withdrawNotice: "Retirer la notification",
  withdrawNoticeTitle: (kind, organization) =>
    `Retirer la notification de ${kind === "withdrawal" ? "retrait" : "suspension"} adressée à l’organisation ${organization} ?`,
  withdrawNoticeText: (kind, state, organization, effective) =>
    kind === "withdrawal"
      ? `L’adhésion de l’État ${state} à l’organisation ${organization} ne prendra pas fin le ${effective} : elle continue. La notification reste consignée comme retirée.`
      : `La participation de l’État ${state} à l’organisation ${organization} ne sera pas suspendue le ${effective}. La notification reste consignée comme retirée.`,
  withdrawNoticeStatement: "Pourquoi",
  noticeWithdrawnDone: "Notification retirée.",
  designationConfirmTitle: (revoke, designation, designee) =>
    revoke
      ? `Proposer de révoquer la désignation ${designation} de ${designee} ?`
      : `Proposer de désigner ${designee} : ${designation} ?`,
  designationConfirmText: (revoke, state, designation, designee) =>
    revoke
      ? `Cela ouvre une décision que ${state} prend seul. Si ${state} l’adopte, le registre met fin à la désignation ${designation} de ${designee} ce jour-là, en citant la décision.`
      : `Cela ouvre une décision que ${state} prend seul. Si ${state} l’adopte, le registre inscrit ${designee} comme ${designation} à partir de ce jour-là, en citant la décision.`,
  proposeRevocation: "Proposer la révocation",
};
