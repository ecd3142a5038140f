import type { ExchangeMessages } from "./en.ts";

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Texto em português das páginas dos intercâmbios anuais de informações. */
export const pt: ExchangeMessages = {
  // ------------------------------------------------------------------ os intercâmbios
  exchangesIntro:
    "Todos os anos os Estados informam-se mutuamente sobre os seus gastos de defesa, as suas forças e as medidas de fortalecimento da confiança que aplicam. Cada intercâmbio tem os seus formulários e o seu prazo; o painel mostra quem informou dentro do prazo, com atraso ou não informou.",
  regimesHeading: "Os intercâmbios",
  regimeRestricted: "Só Estados participantes",
  regimePublic: "Público",
  restrictedHint:
    "Os seus relatórios, e quem informou, são mostrados apenas aos Estados participantes e ao secretariado.",
  publicHint: "Os seus relatórios, e quem informou, são públicos.",
  factParticipants: "Quem participa",
  factDeadline: "Prazo",
  factNextDeadline: "Próximo prazo",
  factFirstYear: "Primeiro ano de referência",
  factForms: "Formulários",
  factKeeper: "A cargo de",
  participantsOrganisation: (org: string) => `Os Estados membros da ${org} na data-limite de cada ano`,
  participantsAll: "Todos os Estados, tal como o registro os conhece na data-limite de cada ano",
  keeperOrganisation: (org: string) => `o secretariado da ${org}`,
  keeperNone: "nenhuma organização em particular: qualquer Estado pode informar",
  deadlineAssumed: "(suposição da equipe: nenhuma fonte disponível dá o prazo deste regime)",
  deadlineRule: (monthDay: string, offset: number) =>
    offset === 0
      ? `Até ${monthDay} do ano de referência`
      : offset === 1
        ? `Até ${monthDay} do ano seguinte ao ano de referência`
        : offset === -1
          ? `Até ${monthDay} do ano anterior ao ano de referência (a informação vale a partir de 1 de janeiro)`
          : offset > 0
            ? `Até ${monthDay}, ${offset} anos depois do ano de referência`
            : `Até ${monthDay}, ${-offset} anos antes do ano de referência`,
  nextDeadline: (date: string, year: number) => `${date}, para ${year}`,
  formVersion: (name: string, version: number) => `${name} (versão ${version})`,
  formYears: (from: number, until: number | null) =>
    until === null
      ? `para os anos de referência a partir de ${from}`
      : `para os anos de referência de ${from} a ${until}`,
  openDashboard: "Quem informou",
  openDashboardOf: (name: string) => `Quem informou: ${name}`,
  openRegime: "Formulários, publicações e comparações",
  openRegimeOf: (name: string) => `Formulários, publicações e comparações: ${name}`,

  // ------------------------------------------------------------------ o painel
  dashboardHeading: (name: string) => `Quem informou: ${name}`,
  dashboardIntro:
    "Cada Estado participante, ano a ano: dentro do prazo, com atraso, em falta ou ainda não devido. Escolha o intercâmbio e os anos de referência.",
  dashboardControls: "Escolher o intercâmbio e os anos",
  chooseRegime: "Intercâmbio",
  fromYear: "Do ano de referência",
  toYear: "Ao ano de referência",
  yearsLimit: (max: number) => `Até ${max} anos de cada vez.`,
  statuses: {
    "on-time": "Dentro do prazo",
    late: "Com atraso",
    missing: "Em falta",
    "not-yet-due": "Ainda não devido",
  },
  statusMeanings: {
    "on-time": "apresentado dentro do prazo",
    late: "apresentado depois do prazo",
    missing: "nada apresentado, e o prazo já passou",
    "not-yet-due": "nada apresentado ainda, e o prazo ainda não passou",
  },
  notTakingPart: "Não participou",
  notTakingPartMeaning: "não era participante nesse ano",
  legendHeading: "O que significam as marcas",
  summaryHeading: "Ano a ano",
  summaryCaption: (name: string) => `Quantos Estados informaram, ano a ano: ${name}`,
  colYear: "Ano de referência",
  colYearShort: "Ano",
  colDeadline: "Prazo",
  colParticipants: "Participantes",
  gridHeading: "Estado a Estado",
  gridCaption: (name: string, from: number, to: number) => `${name}: a situação de cada Estado, de ${from} a ${to}`,
  colState: "Estado",
  dueOn: (date: string) => `prazo: ${date}`,
  submittedOn: (date: string) => `apresentado em ${date}`,
  cellOpenReturn: (state: string, year: number, status: string) => `${state}, ${year}: ${status}. Abrir o relatório`,
  cellFillIn: (state: string, year: number, status: string) => `${state}, ${year}: ${status}. Preencher o relatório`,
  fillIn: "preencher",
  yourDelegation: "a sua delegação",
  ownReturnsHint: (state: string) =>
    `Fala em nome de ${state}: abra uma das suas marcas para preencher, apresentar ou corrigir o relatório desse ano.`,
  showRecord: (state: string) => `Ver o histórico de ${state}`,
  noParticipants: "Ninguém participa nestes anos: o registro não tem membros do intercâmbio nas suas datas-limite.",
  others: (list: string) => `Também apresentaram algo sem participar: ${list}.`,
  readingYears: "Lendo quem informou…",

  // Um intercâmbio restrito, para quem não o pode ver
  restrictedHeading: "Partilhado apenas entre os Estados participantes",
  restrictedSignIn: (org: string) =>
    `Os seus relatórios, e quem informou, são partilhados entre os Estados participantes e o secretariado da ${org}. Entre com uma conta da delegação junto da ${org} de um Estado participante para os ver.`,
  restrictedForbidden: (org: string) =>
    `Os seus relatórios, e quem informou, são partilhados entre os Estados participantes e o secretariado da ${org}. A sua conta não fala em nome de nenhum deles nestes anos.`,
  restrictedStillPublic: "Os formulários e as publicações do intercâmbio continuam públicos:",

  // O histórico de um Estado
  recordHeading: (state: string, from: number, to: number) => `O histórico de ${state}, de ${from} a ${to}`,
  recordNone: (state: string) => `${state} não participou nestes anos.`,
  recordCounts: "Vezes de cada",
  closeRecord: "Fechar o histórico",

  // ------------------------------------------------------------------ um intercâmbio
  dashboardLink: "Ver quem informou, ano a ano",
  yourReturn: (state: string, year: number) => `O relatório de ${state} para ${year}`,
  formsHeading: "Formulários",
  formsIntro:
    "O que um relatório dá: os campos, quadros e totais de cada formulário. Uma nova versão de um formulário vale para os anos seguintes; um relatório conserva a versão com que foi feito.",
  nilAllowed: "Um Estado sem nada a informar pode apresentar um relatório nulo.",
  whatFormAsks: "O que o formulário pede",
  fieldKinds: {
    amount: "montante",
    number: "número",
    integer: "número inteiro",
    text: "texto",
    choice: "opção",
  },
  matrixSummary: (rows: number, columns: number) =>
    `um quadro de ${rows} linhas por ${columns} colunas, com totais por linha, por coluna e geral`,
  matrixRows: "Linhas",
  matrixColumns: "Colunas",
  requiredMark: "obrigatório",
  totalsHeading: "Totais verificados",
  totalIsSumOf: (total: string, parts: string) => `${total} é a soma de ${parts}`,
  units: { items: "unidades", persons: "pessoas" } as Record<string, string>,
  optionsOf: (options: string) => `uma de: ${options}`,
  severalOf: (options: string) => `qualquer de: ${options}`,

  // Publicações
  publicationsHeading: "Publicações",
  publicationsIntro: "O que disseram as publicações do intercâmbio, número a número, tal como as fontes os dão.",
  publishedBy: (publisher: string, date: string) => `${publisher}, ${date}`,
  coversYears: (from: number, to: number) => `Abrange os anos de ${from} a ${to}.`,
  figuresHeading: "Números",
  figuresCaption: (title: string) => `Os números de ${title}`,
  colWhat: "O quê",
  colYears: "Anos",
  colFigure: "Número",
  colSource: "Fonte",
  scopeRegion: "Todos os Estados participantes",
  measureShareOfGdp: (value: string) => `${value} do PIB`,
  measurePerCapita: (value: string) => `${value} por habitante`,
  measureShareOfRegion: (value: string) => `${value} do total da região`,
  measureShareOfTotal: (value: string) => `${value} do total`,
  average: "em média",
  reconstructed: "Reconstruído",
  reconstructedHint: "agregado sobre Estados ou anos por quem o informou, não o relatório próprio de um Estado",
  asReported: "Como informado",
  submissionsHeading: "Relatórios recebidos",
  submissionsCaption: (title: string) => `Os relatórios recebidos para ${title}`,
  colReceivedBy: "Recebido até",
  publicationSources: "Fontes",
  sourceNote: (n: number, source: string) => `Fonte ${n}: ${source}`,
  publicationSource: "A fonte da publicação",
  scaledAmount: (amount: string, currency: string, scale: number) =>
    scale === 1_000
      ? `${amount} mil ${currency}`
      : scale === 1_000_000
        ? `${amount} milhões de ${currency}`
        : scale === 1_000_000_000
          ? `${amount} bilhões de ${currency}`
          : `${amount} ${currency}`,

  // Comparações
  comparisonHeading: "Comparação entre Estados e anos",
  comparisonIntro:
    "O total de cada relatório apresentado, por habitante e em percentagem do PIB quando o relatório os dá. As percentagens do PIB comparam-se entre Estados tal como estão; o dinheiro só dentro da mesma moeda.",
  metricLabel: "Medida",
  metrics: { shareOfGdp: "Percentagem do PIB", perCapita: "Por habitante", total: "Gasto total" },
  chartTitle: (metric: string, from: number, to: number) => `${metric}, de ${from} a ${to}`,
  chartDescription: (metric: string, items: string) => `${metric}: ${items}.`,
  barText: (state: string, year: number, value: string) => `${state} ${year}: ${value}`,
  inCurrency: (currency: string) => `Em ${currency}`,
  noCurrency: "Moeda não indicada",
  showComparisonTable: "Os números num quadro",
  comparisonCaption: (from: number, to: number) => `Relatórios apresentados, de ${from} a ${to}`,
  colTotal: "Total",
  colPopulation: "População",
  colGdp: "PIB",
  colPerCapita: "Por habitante",
  colShareOfGdp: "Percentagem do PIB",
  noComparison: "Nenhum relatório foi apresentado para estes anos.",
  comparisonWhat: (from: number, to: number) => `os relatórios apresentados, de ${from} a ${to}`,
  notShownFor: (list: string) => `Sem barra, por falta do número: ${list}.`,
  noValue: "—",

  // ------------------------------------------------------------------ um relatório
  returnHeading: (state: string, year: number) => `O relatório de ${state} para ${year}`,
  factForm: "Formulário",
  factDueBy: "Prazo",
  factStatus: "Situação",
  factTimeliness: "Pontualidade",
  notSubmitted: "Não apresentado",
  draftSavedOn: (when: string) => `Um rascunho guardado em ${when}`,
  submittedWhen: (when: string) => `Apresentado em ${when}`,
  firstSubmittedWhen: (when: string) => `apresentado pela primeira vez em ${when}`,
  noFormForYear: (year: number) => `Nenhum formulário deste intercâmbio vale para ${year}.`,
  nothingSubmitted: (state: string, year: number) => `${state} ainda não apresentou nada para ${year}.`,
  readOnlyNote: "O relatório tal como foi apresentado. Só a delegação do próprio Estado o redige.",
  formHeading: "Preencher o relatório",
  correctHeading: "Corrigir o relatório",
  formIntro:
    "Preencha o que o Estado informa e guarde o rascunho: o formulário diz debaixo de cada campo o que recusa. Apresente-o quando não recusar nada; até lá, o rascunho só é visto pela delegação e pelo secretariado.",
  totalsHint:
    "Um total deixado vazio é calculado a partir das suas partes (a cinzento) e guardado com o rascunho; um total escrito é verificado com as suas partes.",
  currencyHeading: "Moeda e escala",
  currencyLabel: "Moeda",
  currencyHint: "Três letras maiúsculas (ISO 4217): COP, USD, EUR.",
  scaleLabel: "Os montantes estão em",
  scales: {
    1: "unidades da moeda",
    1000: "milhares",
    1000000: "milhões",
    1000000000: "bilhões",
  } as Record<number, string>,
  amountsIn: (scale: number, currency: string) =>
    scale === 1_000
      ? `em milhares de ${currency}`
      : scale === 1_000_000
        ? `em milhões de ${currency}`
        : scale === 1_000_000_000
          ? `em bilhões de ${currency}`
          : `em ${currency}`,
  noCurrencyYet: "a moeda indicada acima",
  nilLabel: "Relatório nulo: o Estado não tem nada a informar este ano",
  nilHint: "Um relatório nulo não dá números.",
  unitOf: (field: string) => `Unidade de ${field}`,
  chooseUnit: "Escolher a unidade",
  totalWord: "Total",
  cellLabel: (row: string, column: string) => `${row}, ${column}`,
  computedTotal: (value: string) => `Calculado a partir das suas partes: ${value}`,
  partsAddUpTo: (expected: string) => `As suas partes somam ${expected}.`,
  totalWaits: "É calculado a partir das suas partes quando estas concordarem.",
  saveDraft: "Guardar o rascunho",
  saving: "Guardando…",
  submitReturn: "Apresentar o relatório…",
  submitting: "Apresentando…",
  draftSaved: "Rascunho guardado. O formulário não recusa nada: o relatório pode ser apresentado.",
  draftRefused: (n: number) =>
    `Rascunho guardado, mas o formulário recusa ${count(n, "coisa", "coisas")}: ${n === 1 ? "corrija-a" : "corrija-as"} antes de o apresentar.`,
  notSubmittedRefused: (n: number) =>
    `Não apresentado: o formulário recusa ${count(n, "coisa", "coisas")}. O rascunho está guardado; ${n === 1 ? "corrija-a" : "corrija-as"} e apresente-o de novo.`,
  refusalsHeading: "O que o formulário recusa",
  refusalLine: (field: string, message: string) => `${field}: ${message}`,
  confirmSubmitTitle: (state: string, year: number) => `Apresentar o relatório de ${state} para ${year}?`,
  confirmSubmitText: (state: string, year: number, regime: string, restricted: boolean) =>
    `Apresentar o relatório de ${state} para ${year} ao intercâmbio «${regime}»: ${
      restricted ? "os outros Estados participantes poderão lê-lo" : "qualquer pessoa poderá lê-lo"
    }.`,
  confirmCorrection: (date: string) =>
    `Corrige o relatório apresentado em ${date}, que continua legível como versão anterior; o relatório continua a contar como apresentado na sua primeira data.`,
  confirmLate: (deadline: string) =>
    `O prazo terminou em ${deadline}: o relatório contará como apresentado com atraso.`,
  confirmSubmit: "Apresentar o relatório",
  cancelSubmit: "Agora não",
  submittedStatus: (state: string, year: number) =>
    `Apresentado: o relatório de ${state} para ${year} está no intercâmbio.`,
  seeDashboard: "Ver quem informou",
  versionsHeading: "Versões",
  versionsIntro:
    "Cada versão deste relatório que pode ler, da mais recente à mais antiga: uma correção substitui o relatório apresentado, que continua legível.",
  versionStatuses: {
    draft: "Rascunho",
    submitted: "Apresentado",
    superseded: "Substituído",
  },
  versionTitle: (id: number) => `Versão ${id}`,
  savedWhen: (when: string) => `guardada em ${when}`,
  showVersion: "Ver esta versão",
  noVersions: "Ainda não há nenhuma versão.",
  nilReport: "Relatório nulo: nada a informar.",
  computedMark: "calculado",
  formOfVersion: (name: string, version: number) => `${name}, versão ${version}`,
  returnOfState: (state: string) => `O relatório de ${state}`,
};
