import type { ExchangeMessages } from "./en.ts";

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Texte français des pages des échanges annuels d'informations. */
export const fr: ExchangeMessages = {
  // ------------------------------------------------------------------ les échanges
  exchangesIntro:
    "Chaque année, les États s'informent mutuellement de leurs dépenses de défense, de leurs forces et des mesures de confiance qu'ils appliquent. Chaque échange a ses formulaires et son échéance ; le tableau de bord montre qui a répondu à temps, en retard ou pas du tout.",
  regimesHeading: "Les échanges",
  regimeRestricted: "États participants seulement",
  regimePublic: "Public",
  restrictedHint: "Ses rapports, et qui a répondu, ne sont montrés qu'aux États participants et au secrétariat.",
  publicHint: "Ses rapports, et qui a répondu, sont publics.",
  factParticipants: "Qui y prend part",
  factDeadline: "Échéance",
  factNextDeadline: "Prochaine échéance",
  factFirstYear: "Première année de référence",
  factForms: "Formulaires",
  factKeeper: "Tenu par",
  participantsOrganisation: (org: string) => `Les États membres de l'${org} à l'échéance de chaque année`,
  participantsAll: "Tous les États, tels que le registre les connaît à l'échéance de chaque année",
  keeperOrganisation: (org: string) => `le secrétariat de l'${org}`,
  keeperNone: "aucune organisation en particulier : tout État peut répondre",
  deadlineAssumed: "(hypothèse de l'équipe : aucune source détenue ne donne l'échéance de ce régime)",
  deadlineRule: (monthDay: string, offset: number) =>
    offset === 0
      ? `Au plus tard le ${monthDay} de l'année de référence`
      : offset === 1
        ? `Au plus tard le ${monthDay} de l'année qui suit l'année de référence`
        : offset === -1
          ? `Au plus tard le ${monthDay} de l'année qui précède l'année de référence (les informations valent à partir du 1er janvier)`
          : offset > 0
            ? `Au plus tard le ${monthDay}, ${offset} ans après l'année de référence`
            : `Au plus tard le ${monthDay}, ${-offset} ans avant l'année de référence`,
  nextDeadline: (date: string, year: number) => `${date}, pour ${year}`,
  formVersion: (name: string, version: number) => `${name} (version ${version})`,
  formYears: (from: number, until: number | null) =>
    until === null
      ? `pour les années de référence à partir de ${from}`
      : `pour les années de référence ${from} à ${until}`,
  openDashboard: "Qui a répondu",
  openDashboardOf: (name: string) => `Qui a répondu : ${name}`,
  openRegime: "Formulaires, publications et comparaisons",
  openRegimeOf: (name: string) => `Formulaires, publications et comparaisons : ${name}`,

  // ------------------------------------------------------------------ le tableau de bord
  dashboardHeading: (name: string) => `Qui a répondu : ${name}`,
  dashboardIntro:
    "Chaque État participant, année par année : à temps, en retard, manquant ou pas encore dû. Choisissez l'échange et les années de référence.",
  dashboardControls: "Choisir l'échange et les années",
  chooseRegime: "Échange",
  fromYear: "De l'année de référence",
  toYear: "À l'année de référence",
  yearsLimit: (max: number) => `Jusqu'à ${max} années à la fois.`,
  statuses: {
    "on-time": "À temps",
    late: "En retard",
    missing: "Manquant",
    "not-yet-due": "Pas encore dû",
  },
  statusMeanings: {
    "on-time": "remis avant l'échéance",
    late: "remis après l'échéance",
    missing: "rien de remis, et l'échéance est passée",
    "not-yet-due": "rien de remis pour l'instant, et l'échéance n'est pas passée",
  },
  notTakingPart: "N'y a pas pris part",
  notTakingPartMeaning: "pas participant cette année-là",
  legendHeading: "Ce que signifient les marques",
  summaryHeading: "Année par année",
  summaryCaption: (name: string) => `Combien d'États ont répondu, année par année : ${name}`,
  colYear: "Année de référence",
  colYearShort: "Année",
  colDeadline: "Échéance",
  colParticipants: "Participants",
  gridHeading: "État par État",
  gridCaption: (name: string, from: number, to: number) => `${name} : la situation de chaque État, de ${from} à ${to}`,
  colState: "État",
  dueOn: (date: string) => `échéance le ${date}`,
  submittedOn: (date: string) => `remis le ${date}`,
  cellOpenReturn: (state: string, year: number, status: string) => `${state}, ${year} : ${status}. Ouvrir le rapport`,
  cellFillIn: (state: string, year: number, status: string) => `${state}, ${year} : ${status}. Remplir le rapport`,
  fillIn: "remplir",
  yourDelegation: "votre délégation",
  ownReturnsHint: (state: string) =>
    `Vous parlez au nom de ${state} : ouvrez l'une de ses marques pour remplir, remettre ou corriger le rapport de cette année-là.`,
  showRecord: (state: string) => `Voir le bilan de ${state}`,
  noParticipants:
    "Personne ne prend part à ces années : le registre ne compte aucun membre de l'échange à leurs échéances.",
  others: (list: string) => `Ont aussi remis quelque chose sans y prendre part : ${list}.`,
  readingYears: "Lecture de qui a répondu…",

  // Un échange restreint, pour qui ne peut pas le voir
  restrictedHeading: "Partagé entre les États participants seulement",
  restrictedSignIn: (org: string) =>
    `Ses rapports, et qui a répondu, sont partagés entre les États participants et le secrétariat de l'${org}. Connectez-vous avec un compte de la délégation auprès de l'${org} d'un État participant pour les voir.`,
  restrictedForbidden: (org: string) =>
    `Ses rapports, et qui a répondu, sont partagés entre les États participants et le secrétariat de l'${org}. Votre compte ne parle au nom d'aucun d'eux pour ces années.`,
  restrictedStillPublic: "Les formulaires et les publications de l'échange restent publics :",

  // Le bilan d'un État
  recordHeading: (state: string, from: number, to: number) => `Le bilan de ${state}, de ${from} à ${to}`,
  recordNone: (state: string) => `${state} n'a pas pris part à ces années.`,
  recordCounts: "Nombre de fois",
  closeRecord: "Fermer le bilan",

  // ------------------------------------------------------------------ un échange
  dashboardLink: "Voir qui a répondu, année par année",
  yourReturn: (state: string, year: number) => `Le rapport de ${state} pour ${year}`,
  formsHeading: "Formulaires",
  formsIntro:
    "Ce que donne un rapport : les champs, tableaux et totaux de chaque formulaire. Une nouvelle version d'un formulaire vaut pour les années suivantes ; un rapport garde la version avec laquelle il a été fait.",
  nilAllowed: "Un État qui n'a rien à déclarer peut remettre un rapport néant.",
  whatFormAsks: "Ce que demande le formulaire",
  fieldKinds: {
    amount: "montant",
    number: "nombre",
    integer: "nombre entier",
    text: "texte",
    choice: "choix",
  },
  matrixSummary: (rows: number, columns: number) =>
    `un tableau de ${rows} lignes sur ${columns} colonnes, avec totaux par ligne, par colonne et général`,
  matrixRows: "Lignes",
  matrixColumns: "Colonnes",
  requiredMark: "obligatoire",
  totalsHeading: "Totaux vérifiés",
  totalIsSumOf: (total: string, parts: string) => `${total} est la somme de ${parts}`,
  units: { items: "unités", persons: "personnes" } as Record<string, string>,
  optionsOf: (options: string) => `l'un de : ${options}`,
  severalOf: (options: string) => `n'importe lesquels de : ${options}`,

  // Publications
  publicationsHeading: "Publications",
  publicationsIntro:
    "Ce qu'ont dit les publications de l'échange, chiffre par chiffre, tels que les sources les donnent.",
  publishedBy: (publisher: string, date: string) => `${publisher}, ${date}`,
  coversYears: (from: number, to: number) => `Couvre les années ${from} à ${to}.`,
  figuresHeading: "Chiffres",
  figuresCaption: (title: string) => `Les chiffres de ${title}`,
  colWhat: "Quoi",
  colYears: "Années",
  colFigure: "Chiffre",
  colSource: "Source",
  scopeRegion: "Tous les États participants",
  measureShareOfGdp: (value: string) => `${value} du PIB`,
  measurePerCapita: (value: string) => `${value} par habitant`,
  measureShareOfRegion: (value: string) => `${value} du total de la région`,
  measureShareOfTotal: (value: string) => `${value} du total`,
  average: "en moyenne",
  reconstructed: "Reconstitué",
  reconstructedHint: "agrégé sur des États ou des années par qui l'a rapporté, pas le rapport propre d'un État",
  asReported: "Tel que rapporté",
  submissionsHeading: "Rapports reçus",
  submissionsCaption: (title: string) => `Les rapports reçus pour ${title}`,
  colReceivedBy: "Reçu au plus tard",
  publicationSources: "Sources",
  sourceNote: (n: number, source: string) => `Source ${n} : ${source}`,
  publicationSource: "La source de la publication",
  scaledAmount: (amount: string, currency: string, scale: number) =>
    scale === 1_000
      ? `${amount} milliers de ${currency}`
      : scale === 1_000_000
        ? `${amount} millions de ${currency}`
        : scale === 1_000_000_000
          ? `${amount} milliards de ${currency}`
          : `${amount} ${currency}`,

  // Comparaisons
  comparisonHeading: "Comparaison entre États et années",
  comparisonIntro:
    "Le total de chaque rapport remis, par habitant et en part du PIB quand le rapport les donne. Les parts du PIB se comparent entre États telles quelles ; l'argent seulement dans une même monnaie.",
  metricLabel: "Mesure",
  metrics: { shareOfGdp: "Part du PIB", perCapita: "Par habitant", total: "Dépenses totales" },
  chartTitle: (metric: string, from: number, to: number) => `${metric}, de ${from} à ${to}`,
  chartDescription: (metric: string, items: string) => `${metric} : ${items}.`,
  barText: (state: string, year: number, value: string) => `${state} ${year} : ${value}`,
  inCurrency: (currency: string) => `En ${currency}`,
  noCurrency: "Monnaie non indiquée",
  showComparisonTable: "Les chiffres dans un tableau",
  comparisonCaption: (from: number, to: number) => `Rapports remis, de ${from} à ${to}`,
  colTotal: "Total",
  colPopulation: "Population",
  colGdp: "PIB",
  colPerCapita: "Par habitant",
  colShareOfGdp: "Part du PIB",
  noComparison: "Aucun rapport n'a été remis pour ces années.",
  comparisonWhat: (from: number, to: number) => `les rapports remis, de ${from} à ${to}`,
  notShownFor: (list: string) => `Sans barre, faute du chiffre : ${list}.`,
  noValue: "—",

  // ------------------------------------------------------------------ un rapport
  returnHeading: (state: string, year: number) => `Le rapport de ${state} pour ${year}`,
  factForm: "Formulaire",
  factDueBy: "Échéance",
  factStatus: "État du rapport",
  factTimeliness: "Ponctualité",
  notSubmitted: "Non remis",
  draftSavedOn: (when: string) => `Un brouillon enregistré le ${when}`,
  submittedWhen: (when: string) => `Remis le ${when}`,
  firstSubmittedWhen: (when: string) => `remis pour la première fois le ${when}`,
  noFormForYear: (year: number) => `Aucun formulaire de cet échange ne vaut pour ${year}.`,
  nothingSubmitted: (state: string, year: number) => `${state} n'a encore rien remis pour ${year}.`,
  readOnlyNote: "Le rapport tel qu'il a été remis. Seule la délégation de l'État lui-même le rédige.",
  formHeading: "Remplir le rapport",
  correctHeading: "Corriger le rapport",
  formIntro:
    "Remplissez ce que l'État déclare et enregistrez le brouillon : le formulaire dit sous chaque champ ce qu'il refuse. Remettez-le quand il ne refuse plus rien ; d'ici là, le brouillon n'est vu que par la délégation et le secrétariat.",
  totalsHint:
    "Un total laissé vide est calculé à partir de ses parties (en gris) et enregistré avec le brouillon ; un total saisi est vérifié par rapport à ses parties.",
  currencyHeading: "Monnaie et échelle",
  currencyLabel: "Monnaie",
  currencyHint: "Trois lettres majuscules (ISO 4217) : COP, USD, EUR.",
  scaleLabel: "Les montants sont en",
  scales: {
    1: "unités de la monnaie",
    1000: "milliers",
    1000000: "millions",
    1000000000: "milliards",
  } as Record<number, string>,
  amountsIn: (scale: number, currency: string) =>
    scale === 1_000
      ? `en milliers de ${currency}`
      : scale === 1_000_000
        ? `en millions de ${currency}`
        : scale === 1_000_000_000
          ? `en milliards de ${currency}`
          : `en ${currency}`,
  noCurrencyYet: "la monnaie indiquée plus haut",
  nilLabel: "Rapport néant : l'État n'a rien à déclarer cette année",
  nilHint: "Un rapport néant ne donne aucun chiffre.",
  unitOf: (field: string) => `Unité de ${field}`,
  chooseUnit: "Choisir l'unité",
  totalWord: "Total",
  cellLabel: (row: string, column: string) => `${row}, ${column}`,
  computedTotal: (value: string) => `Calculé à partir de ses parties : ${value}`,
  partsAddUpTo: (expected: string) => `Ses parties font ${expected}.`,
  totalWaits: "Calculé à partir de ses parties dès qu'elles concordent.",
  saveDraft: "Enregistrer le brouillon",
  saving: "Enregistrement…",
  submitReturn: "Remettre le rapport…",
  submitting: "Remise…",
  draftSaved: "Brouillon enregistré. Le formulaire ne refuse rien : le rapport peut être remis.",
  draftRefused: (n: number) =>
    `Brouillon enregistré, mais le formulaire refuse ${count(n, "chose", "choses")} : ${n === 1 ? "corrigez-la" : "corrigez-les"} avant de le remettre.`,
  notSubmittedRefused: (n: number) =>
    `Non remis : le formulaire refuse ${count(n, "chose", "choses")}. Le brouillon est enregistré ; ${n === 1 ? "corrigez-la" : "corrigez-les"} et remettez-le de nouveau.`,
  refusalsHeading: "Ce que le formulaire refuse",
  refusalLine: (field: string, message: string) => `${field} : ${message}`,
  confirmSubmitTitle: (state: string, year: number) => `Remettre le rapport de ${state} pour ${year} ?`,
  confirmSubmitText: (state: string, year: number, regime: string, restricted: boolean) =>
    `Remettre le rapport de ${state} pour ${year} à l'échange « ${regime} » : ${
      restricted ? "les autres États participants pourront le lire" : "tout le monde pourra le lire"
    }.`,
  confirmCorrection: (date: string) =>
    `Il corrige le rapport remis le ${date}, qui reste lisible comme version antérieure ; le rapport compte toujours comme remis à sa première date.`,
  confirmLate: (deadline: string) => `L'échéance était le ${deadline} : le rapport comptera comme remis en retard.`,
  confirmSubmit: "Remettre le rapport",
  cancelSubmit: "Pas maintenant",
  submittedStatus: (state: string, year: number) => `Remis : le rapport de ${state} pour ${year} est dans l'échange.`,
  seeDashboard: "Voir qui a répondu",
  versionsHeading: "Versions",
  versionsIntro:
    "Chaque version de ce rapport que vous pouvez lire, de la plus récente à la plus ancienne : une correction remplace le rapport remis, qui reste lisible.",
  versionStatuses: {
    draft: "Brouillon",
    submitted: "Remis",
    superseded: "Remplacé",
  },
  versionTitle: (id: number) => `Version ${id}`,
  savedWhen: (when: string) => `enregistrée le ${when}`,
  showVersion: "Voir cette version",
  noVersions: "Aucune version pour l'instant.",
  nilReport: "Rapport néant : rien à déclarer.",
  computedMark: "calculé",
  formOfVersion: (name: string, version: number) => `${name}, version ${version}`,
  returnOfState: (state: string) => `Le rapport de ${state}`,
};
