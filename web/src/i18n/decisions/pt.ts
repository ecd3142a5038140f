import type { DecisionMessages } from "./en.ts";

export const pt: DecisionMessages = {
  cancel: "Cancelar",
  sending: "Enviando…",
  required: "(obrigatório)",
  yourTimeZone: (zone: string) => `Seu fuso horário: ${zone}.`,
  signInForDecisions: "Entre para acompanhar as decisões e participar delas.",

  liveConnecting: "Conectando às atualizações ao vivo…",
  liveOn: "Ao vivo: as mudanças aparecem assim que acontecem",
  liveOff: "Atualizações ao vivo pausadas: recarregue a página para ver as mudanças",

  decisionsIntro:
    "As propostas perante os órgãos de que você participa: o que está aberto, o que aguarda a sua delegação e o que foi decidido.",
  views: "Propostas",
  viewOpen: "Abertas",
  viewNeeds: "Aguardam a nossa posição",
  viewClosed: "Encerradas",
  allBodies: "Todos os órgãos",
  filterBody: "Órgão",
  noOpen: "Nenhuma proposta está aberta.",
  noNeeds: "A sua delegação tomou posição sobre todas as propostas abertas.",
  noClosed: "Nenhuma proposta foi decidida ainda.",
  proposalsCaption: {
    open: "Propostas abertas",
    needs: "Propostas abertas que aguardam a posição da sua delegação",
    closed: "Propostas encerradas, com o seu resultado",
  },
  colProposal: "Proposta",
  colProcedure: "Procedimento",
  colDeadline: "Prazo",
  colPositions: "Posições",
  colOutcome: "Resultado",
  colDecided: "Decidida",
  noDeadline: "Sem prazo",
  positionsTaken: (taken: number, members: number) => `${taken} de ${members}`,
  needsYou: "Falta a nossa posição",
  reconstructed: "Reconstituída",
  reconstructedHint: "Uma decisão histórica registrada a partir das fontes, não tomada no Concord.",
  showOlder: "Ver propostas anteriores",
  count: (n: number) => (n === 1 ? "1 proposta" : `${n} propostas`),

  statuses: {
    open: "Aberta",
    adopted: "Adotada",
    "not-adopted": "Não adotada",
    withdrawn: "Retirada",
  },
  purposes: {
    general: "Proposta",
    request: "Pedido",
    designation: "Designação",
    revocation: "Revogação",
    programme: "Programa",
  },

  consensus: "Consenso",
  silence: "Procedimento de silêncio",
  silenceUntil: (deadline: string) => `Procedimento de silêncio até ${deadline}`,
  unilateral: "Decisão unilateral",
  majorityName: "Maioria",
  majority: (threshold: string, base: string, quorum: string) => `Maioria: ${threshold} de ${base}, quórum ${quorum}`,
  simpleMajority: (base: string, quorum: string) => `Maioria simples de ${base}, quórum ${quorum}`,
  bases: {
    "all-members": "todos os membros",
    "present-and-voting": "os presentes e votantes",
  },
  abstentionsCounted: "as abstenções contam como votos expressos",
  procedureHints: {
    consensus: "É adotada quando todos os membros concordam. Uma objeção a bloqueia.",
    silence:
      "É adotada no fim do prazo, a menos que um membro quebre o silêncio com uma objeção ou uma proposta de emenda por escrito.",
    majority: "É decidida no fim do prazo, pelos votos expressos.",
    unilateral: "É decidida por um único Estado.",
  },

  positionNames: {
    concur: "Concorda",
    "concur-with-reservation": "Concorda com reserva",
    object: "Objeta",
    amend: "Propõe uma emenda",
    abstain: "Abstém-se",
  },
  positionChoices: {
    concur: "Concordar",
    "concur-with-reservation": "Concordar com reserva",
    object: "Objetar",
    amend: "Propor uma emenda",
    abstain: "Abster-se",
  },
  positionHints: {
    concur: "Aceita o texto tal como está.",
    "concur-with-reservation": "Aceita, com uma reserva registrada por escrito.",
    object: "Bloqueia o texto, expondo os seus motivos.",
    amend: "Pede uma alteração do texto, indicando a emenda.",
    abstain: "Participa sem votar a favor nem contra.",
  },
  statementLabels: {
    concur: "Declaração",
    "concur-with-reservation": "A sua reserva",
    object: "Motivos da sua objeção",
    amend: "A emenda que propõe",
    abstain: "Declaração",
  },
  noPosition: "Ainda sem posição",
  brokeSilence: "Quebrou o silêncio",
  yourDelegation: "A sua delegação",

  proposalNotFound: (id: string) => `Não existe a proposta ${id}.`,
  backToDecisions: "Todas as decisões",
  facts: "Sobre esta proposta",
  body: "Órgão",
  procedure: "Procedimento",
  chair: "Presidência",
  opened: "Aberta",
  round: "Rodada",
  roundOf: (n: number) => `Rodada ${n}`,
  deadline: "Prazo",
  concerns: "Diz respeito a",
  members: "Membros",
  timeLeft: (duration: string) => `Faltam ${duration}`,
  deadlinePassed: "O prazo terminou. O resultado está sendo registrado.",
  text: "Texto",
  textOfRound: (n: number) => (n === 1 ? "Texto" : `Texto, tal como recirculado na rodada ${n}`),
  earlierRounds: "Rodadas anteriores",
  roundSummary: (n: number, opened: string) => `Rodada ${n}, circulada em ${opened}`,
  roundDeadline: (deadline: string) => `prazo: ${deadline}`,
  extended: (from: string, to: string, at: string) => `Prazo prorrogado de ${from} para ${to} (em ${at}).`,
  gridTitle: "Posições dos membros",
  gridCaption: (n: number, round: number) => `Posições dos ${n} membros na rodada ${round}`,
  colState: "Membro",
  colPosition: "Posição",
  colStatement: "Declaração",
  colWhen: "Quando",
  colRound: "Rodada",
  tally: (taken: number, members: number) => `${taken} de ${members} membros tomaram posição.`,
  historyTitle: "Todas as posições tomadas",
  historyIntro:
    "Da mais antiga para a mais recente, mudanças incluídas. Conta a última posição de cada membro na rodada atual.",
  historyCaption: "Todas as posições tomadas, da mais antiga para a mais recente",
  noHistory: "Ninguém tomou posição ainda.",
  noHistoryReconstructed: "As posições individuais não estão registradas para esta decisão histórica.",

  outcome: "Resultado",
  decidedOn: (date: string) => `Decidida em ${date}`,
  decidedIn: (date: string) => `Decidida em ${date}`,
  rule: "Regra",
  explanation: "Explicação",
  explanationLanguage: "Tal como registrada (em inglês):",
  rules: {
    "consensus.all-concurred": "Todos os membros concordaram",
    "consensus.deadline-passed-without-consensus": "O prazo terminou sem consenso",
    "silence.deadline-passed-unbroken": "O prazo terminou sem que o silêncio fosse quebrado",
    "silence.deadline-passed-broken": "O silêncio foi quebrado antes do prazo",
    "majority.threshold-met": "A maioria exigida foi alcançada",
    "majority.threshold-not-met": "A maioria exigida não foi alcançada",
    "majority.quorum-not-met": "O quórum não foi atingido",
    "unilateral.designating-state-concurred": "O Estado que decide resolveu adotá-la",
    "unilateral.designating-state-declined": "O Estado que decide resolveu não adotá-la",
    "chair.closed-without-consensus": "Encerrada pela presidência sem consenso",
    "withdrawn.by-requesting-state": "Retirada pelo Estado requerente",
    "withdrawn.by-chair": "Retirada pela presidência",
  },
  relationLink: "Ver a mudança no registro",
  reconstructedNote: "Reconstituída a partir das fontes: uma decisão histórica, não tomada no Concord.",
  noticesIssued: (n: number) =>
    n === 1 ? "O resultado foi notificado a 1 delegação." : `O resultado foi notificado a ${n} delegações.`,
  decisionSource: "Fonte",

  yourPosition: (state: string) => `Posição de ${state}`,
  currentPosition: (position: string, when: string) =>
    `A sua posição atual: ${position} (${when}). Pode mudá-la até a proposta ser encerrada.`,
  recordPosition: "Registrar a posição",
  changePosition: "Mudar a posição",
  choosePosition: "Escolha uma posição.",
  statementNeeded: "Escreva a declaração: esta posição deve ser dada por escrito.",
  positionRecorded: (position: string) => `Posição registrada: ${position}.`,
  statementHint: "Texto simples; linhas em branco separam parágrafos, * ou - iniciam uma lista.",
  breaksSilence: "Quebra o silêncio",

  chairTools: "Ferramentas da presidência",
  extendTitle: "Prorrogar o prazo",
  newDeadline: "Novo prazo",
  extend: "Prorrogar",
  deadlineExtended: (deadline: string) => `Prazo prorrogado até ${deadline}.`,
  chooseDeadline: "Escolha a nova data e hora.",
  recirculateTitle: "Recircular um texto emendado",
  recirculateIntro: "Abre uma nova rodada: cada membro toma posição de novo; as rodadas anteriores são mantidas.",
  amendedText: "Texto emendado",
  recirculate: "Recircular",
  recirculated: (round: number) => `A rodada ${round} está aberta com o texto emendado.`,
  enterText: "Escreva o texto.",
  deadlineOptional: "Prazo",
  closeTitle: "Encerrar a proposta",
  closeAs: "Encerrar como",
  closeNotAdopted: "Não adotada (sem consenso)",
  closeWithdrawn: "Retirada",
  reason: "Motivo",
  enterReason: "Indique o motivo.",
  closeButton: "Encerrar a proposta",
  withdrawTitle: "Retirar o seu pedido",
  withdrawButton: "Retirar o pedido",
  closed: (status: string) => `A proposta está encerrada: ${status}.`,

  startTitle: "Iniciar",
  openProposalTitle: "Abrir uma proposta",
  openProposalIntro: "Os membros são fixados a partir do registro no momento da abertura.",
  chooseBody: "Escolha um órgão",
  chooseBodyFirst: "Escolha o órgão.",
  title: "Título",
  enterTitle: "Dê um título à proposta.",
  proposalText: "Texto",
  textHint: "Markdown: linhas em branco separam parágrafos, * ou - iniciam uma lista, *itálico* e **negrito**.",
  procedureDefault: (name: string) => `O do órgão: ${name}`,
  threshold: "Maioria exigida",
  thresholdSimple: "Simples (mais da metade)",
  base: "Calculada sobre",
  quorum: "Quórum",
  abstentions: "Abstenções",
  abstentionsExcluded: "Contam apenas para o quórum",
  abstentionsCountedOption: "Também contam como votos expressos",
  deadlineRequired: "Os procedimentos de silêncio e de maioria precisam de um prazo.",
  openButton: "Abrir a proposta",

  requestTitle: "Apresentar um pedido",
  requestIntro: (state: string, organization: string) =>
    `Um pedido de ${state} a ${organization}; abre a proposta que as regras de ${organization} exigem.`,
  organizationField: "Organização",
  statusRequested: "Estatuto pedido",
  requestStatuses: {
    member: "Membro",
    partner: "Parceiro",
    observer: "Observador",
    associate: "Associado",
  },
  framework: "Quadro de parceria",
  chooseFramework: "Escolha um quadro",
  frameworkNeeded: "Um pedido de parceria indica o seu quadro.",
  requestText: "O pedido",
  fileRequest: "Apresentar o pedido",

  noticeTitle: "Notificar uma suspensão ou uma retirada",
  noticeIntro: (state: string, organization: string) =>
    `Uma notificação de ${state} a ${organization}. Produz efeito no fim do prazo de aviso prévio fixado pelas regras de ${organization}.`,
  noticeKind: "Notificação de",
  noticeKinds: { suspension: "Suspensão", withdrawal: "Retirada" },
  statementOptional: "Declaração",
  fileNotice: "Apresentar a notificação",
  noticeFiled: (kind: string, effective: string) =>
    `Notificação de ${kind.toLowerCase()} apresentada: produz efeito em ${effective}.`,

  designationTitle: "Propor uma designação",
  designationIntro: (state: string) =>
    `Uma decisão que ${state} toma sozinho, como a designação de aliado extra-OTAN, ou a sua revogação.`,
  designee: "Estado ou organização designado",
  chooseDesignee: "Escolha quem é designado",
  designeeNeeded: "Escolha quem é designado.",
  designation: "Designação",
  designationHint: "Palavras em minúsculas ligadas por hífenes, p. ex. major-non-nato-ally.",
  designationNeeded: "Indique a designação.",
  revoke: "Revogar esta designação em vez de concedê-la",
  proposeDesignation: "Propor a designação",

  // O que aconteceu a uma proposta, e confirmações antes do que não tem volta (issue 12)
  statusSilenceBroken: "Silêncio quebrado",
  silentAgrees: "Em silêncio: de acordo",
  silenceBrokenBy: (state: string, date: string) => `Silêncio quebrado por ${state} em ${date}`,
  silenceAlsoBrokenBy: (states: string) => `Também quebrado por ${states}.`,
  silenceNextOpen: (deadline: string) =>
    `O que acontece agora: a proposta não será adotada quando o prazo terminar (${deadline}), mesmo que o membro agora concorde, a menos que a presidência volte a circular um texto revisto antes disso. Um texto novamente circulado abre uma nova ronda de silêncio para todos os membros.`,
  silenceNextChair: "Como presidência, pode voltar a circular um texto revisto ou retirar a proposta abaixo.",
  silenceNextPassed:
    "O prazo terminou com o silêncio quebrado: a proposta não é adotada. O resultado está a ser registado.",
  silenceNextClosed: "O prazo terminou com o silêncio quebrado, pelo que a proposta não foi adotada.",
  statementRequiredTag: "Declaração obrigatória",
  statementRequired: "Obrigatória: esta posição só é enviada com uma declaração por escrito.",
  confirmBack: "Voltar",
  breakSilenceTitle: (id: number) => `Quebrar o silêncio sobre a proposta ${id}?`,
  breakSilenceText: (deadline: string) =>
    `A sua posição fica registada e todos os membros a veem. A partir daí a proposta não pode ser adotada nesta ronda, mesmo que concorde mais tarde: no fim do prazo (${deadline}) é registada como não adotada, a menos que a presidência volte a circular um texto revisto, o que abre uma nova ronda de silêncio para todos os membros.`,
  breakSilenceConfirm: "Quebrar o silêncio",
  adoptTitle: (id: number) => `Decidir adotar a proposta ${id}?`,
  adoptText: {
    general: "A decisão é definitiva: o procedimento termina agora e a proposta é adotada.",
    request: "A decisão é definitiva: o procedimento termina agora e o estatuto pedido é registado a partir de hoje.",
    designation:
      "A decisão é definitiva: o procedimento termina agora e a designação é registada a partir de hoje, citando esta decisão.",
    revocation:
      "A decisão é definitiva: o procedimento termina agora e a designação termina hoje no registo, citando esta decisão.",
    programme:
      "A decisão é definitiva: o procedimento termina agora e esta versão do programa entra em vigor hoje, no lugar da anterior.",
  },
  adoptConfirm: "Adotar",
  declineTitle: (id: number) => `Decidir não adotar a proposta ${id}?`,
  declineText: "A decisão é definitiva: o procedimento termina agora, a proposta não é adotada e o registo não muda.",
  declineConfirm: "Não adotar",
  closeNotAdoptedTitle: (id: number) => `Encerrar a proposta ${id} como não adotada?`,
  closeNotAdoptedText:
    "O procedimento termina agora para todos os membros: não se podem tomar mais posições, a proposta não é adotada e o registo não muda. O seu motivo fica registado com o resultado.",
  closeNotAdoptedConfirm: "Encerrar como não adotada",
  withdrawConfirmTitle: (id: number) => `Retirar a proposta ${id}?`,
  withdrawConfirmText:
    "O procedimento termina agora para todos os membros: não se podem tomar mais posições, nada é adotado e o registo não muda. O seu motivo fica registado com o resultado.",
  withdrawRequestConfirmText:
    "O seu pedido é retirado e o seu procedimento termina agora para todos os membros: nada é decidido e o registo não muda. Para pedir de novo, apresente um novo pedido.",
  withdrawConfirm: "Retirar",
  // Notificações de suspensão e de retirada: o passo de confirmação, a lista, a confirmação de recebimento e a retirada;
  // a confirmação de uma designação (issue 12)
  noticeStatementLabel: "Declaração",
  noticeStatementHint: "Obrigatória: o que o seu Estado notifica e porquê. Fica guardada com a notificação.",
  noticeStatementNeeded: "Escreva a declaração: uma notificação é feita por escrito.",
  noticeConfirmTitle: (kind, organization) =>
    kind === "withdrawal"
      ? `Notificar a retirada de ${organization}?`
      : `Notificar a suspensão da participação em ${organization}?`,
  noticeConsequence: (kind, state, organization, effective) =>
    kind === "withdrawal"
      ? `A participação de ${state} como membro de ${organization} termina em ${effective}.`
      : `A participação de ${state} em ${organization} fica suspensa a partir de ${effective}.`,
  noticePeriod: (months, organization) =>
    months === 0
      ? `As regras de ${organization} não fixam prazo de aviso prévio: produz efeito hoje.`
      : `As regras de ${organization} fixam um aviso prévio de ${months === 1 ? "1 mês" : `${months} meses`}.`,
  noticeDepositary: (organization) =>
    `A notificação vai para o secretariado de ${organization}, o depositário, que confirma o recebimento. Pode retirá-la até produzir efeito.`,
  noticeConfirm: "Notificar",
  noticeGiven: (effective) =>
    `Notificação apresentada: aguardando a confirmação de recebimento pelo secretariado. Produz efeito em ${effective}.`,
  noticesTitle: "Notificações de suspensão e de retirada",
  noticesIntroSecretariat: (organization) =>
    `Notificações apresentadas a ${organization}. Como depositário, confirme o recebimento de cada uma: cada uma produz efeito na sua data de qualquer modo.`,
  noticesIntroDelegation: "As notificações da sua delegação e em que ponto está cada uma.",
  noticesIntroOthers: (organization) => `Notificações apresentadas a ${organization} e em que ponto está cada uma.`,
  noNotices: "Nenhuma notificação foi apresentada.",
  noticeDates: (filed, effective) => `Notificação apresentada em ${filed}, produz efeito em ${effective}.`,
  noticeStages: {
    "awaiting-acknowledgement": "Notificada, aguardando confirmação de recebimento",
    acknowledged: "Recebimento confirmado",
    withdrawn: "Retirada",
    "in-effect": "Em vigor",
  },
  noticeAcknowledgedOn: (date) => `O secretariado confirmou o recebimento em ${date}.`,
  noticeWithdrawnOn: (date) => `Retirada em ${date}.`,
  noticeWithdrawalReason: "Porque foi retirada",
  acknowledgeNotice: "Confirmar recebimento",
  acknowledgeNoticeTitle: (state, kind) =>
    `Confirmar o recebimento da notificação de ${kind === "withdrawal" ? "retirada" : "suspensão"} de ${state}?`,
  acknowledgeNoticeText: (state, filed) =>
    `Regista, como depositário, que ${state} apresentou esta notificação em ${filed}. Confirmar o recebimento não muda a data em que produz efeito.`,
  acknowledgeNoticeConfirm: "Confirmar o recebimento da notificação",
  noticeAcknowledged: "Recebimento da notificação confirmado.",
  withdrawNotice: "Retirar a notificação",
  withdrawNoticeTitle: (kind, organization) =>
    `Retirar a notificação de ${kind === "withdrawal" ? "retirada" : "suspensão"} apresentada a ${organization}?`,
  withdrawNoticeText: (kind, state, organization, effective) =>
    kind === "withdrawal"
      ? `A participação de ${state} como membro de ${organization} não terminará em ${effective}: continua. A notificação fica registada como retirada.`
      : `A participação de ${state} em ${organization} não ficará suspensa em ${effective}. A notificação fica registada como retirada.`,
  withdrawNoticeStatement: "Porquê",
  noticeWithdrawnDone: "Notificação retirada.",
  designationConfirmTitle: (revoke, designation, designee) =>
    revoke
      ? `Propor revogar a designação ${designation} de ${designee}?`
      : `Propor designar ${designee}: ${designation}?`,
  designationConfirmText: (revoke, state, designation, designee) =>
    revoke
      ? `Isto abre uma decisão que ${state} toma sozinho. Se ${state} a adotar, o registo termina a designação ${designation} de ${designee} nesse dia, citando a decisão.`
      : `Isto abre uma decisão que ${state} toma sozinho. Se ${state} a adotar, o registo inscreve ${designee} como ${designation} a partir desse dia, citando a decisão.`,
  proposeRevocation: "Propor a revogação",
};
