import type { ExchangeMessages } from "./en.ts";

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Texto en español de las páginas de los intercambios anuales de información. */
export const es: ExchangeMessages = {
  // ------------------------------------------------------------------ los intercambios
  exchangesIntro:
    "Cada año los Estados se informan mutuamente sobre su gasto de defensa, sus fuerzas y las medidas de fomento de la confianza que aplican. Cada intercambio tiene sus formularios y su plazo; el panel muestra quién informó a tiempo, con retraso o no informó.",
  regimesHeading: "Los intercambios",
  regimeRestricted: "Solo Estados participantes",
  regimePublic: "Público",
  restrictedHint: "Sus informes, y quién informó, se muestran solo a los Estados participantes y a la secretaría.",
  publicHint: "Sus informes, y quién informó, son públicos.",
  factParticipants: "Quién participa",
  factDeadline: "Plazo",
  factNextDeadline: "Próximo plazo",
  factFirstYear: "Primer año de referencia",
  factForms: "Formularios",
  factKeeper: "A cargo de",
  participantsOrganisation: (org: string) => `Los Estados miembros de ${org} en la fecha límite de cada año`,
  participantsAll: "Todos los Estados, tal como los conoce el registro en la fecha límite de cada año",
  keeperOrganisation: (org: string) => `la secretaría de ${org}`,
  keeperNone: "ninguna organización en particular: cualquier Estado puede informar",
  deadlineAssumed: "(supuesto del equipo: ninguna fuente disponible da el plazo de este régimen)",
  deadlineRule: (monthDay: string, offset: number) =>
    offset === 0
      ? `Hasta el ${monthDay} del año de referencia`
      : offset === 1
        ? `Hasta el ${monthDay} del año siguiente al año de referencia`
        : offset === -1
          ? `Hasta el ${monthDay} del año anterior al año de referencia (la información rige desde el 1 de enero)`
          : offset > 0
            ? `Hasta el ${monthDay}, ${offset} años después del año de referencia`
            : `Hasta el ${monthDay}, ${-offset} años antes del año de referencia`,
  nextDeadline: (date: string, year: number) => `${date}, para ${year}`,
  formVersion: (name: string, version: number) => `${name} (versión ${version})`,
  formYears: (from: number, until: number | null) =>
    until === null ? `para los años de referencia desde ${from}` : `para los años de referencia ${from} a ${until}`,
  openDashboard: "Quién informó",
  openDashboardOf: (name: string) => `Quién informó: ${name}`,
  openRegime: "Formularios, publicaciones y comparaciones",
  openRegimeOf: (name: string) => `Formularios, publicaciones y comparaciones: ${name}`,

  // ------------------------------------------------------------------ el panel
  dashboardHeading: (name: string) => `Quién informó: ${name}`,
  dashboardIntro:
    "Cada Estado participante, año por año: a tiempo, con retraso, pendiente o aún no vencido. Elija el intercambio y los años de referencia.",
  dashboardControls: "Elegir el intercambio y los años",
  chooseRegime: "Intercambio",
  fromYear: "Desde el año de referencia",
  toYear: "Hasta el año de referencia",
  yearsLimit: (max: number) => `Hasta ${max} años a la vez.`,
  statuses: {
    "on-time": "A tiempo",
    late: "Con retraso",
    missing: "Pendiente",
    "not-yet-due": "Aún no vence",
  },
  statusMeanings: {
    "on-time": "presentado dentro del plazo",
    late: "presentado después del plazo",
    missing: "nada presentado, y el plazo ya venció",
    "not-yet-due": "nada presentado todavía, y el plazo aún no vence",
  },
  notTakingPart: "No participó",
  notTakingPartMeaning: "no era participante ese año",
  legendHeading: "Qué significan las marcas",
  summaryHeading: "Año por año",
  summaryCaption: (name: string) => `Cuántos Estados informaron, año por año: ${name}`,
  colYear: "Año de referencia",
  colYearShort: "Año",
  colDeadline: "Plazo",
  colParticipants: "Participantes",
  gridHeading: "Estado por Estado",
  gridCaption: (name: string, from: number, to: number) => `${name}: la situación de cada Estado, de ${from} a ${to}`,
  colState: "Estado",
  dueOn: (date: string) => `vence el ${date}`,
  submittedOn: (date: string) => `presentado el ${date}`,
  cellOpenReturn: (state: string, year: number, status: string) => `${state}, ${year}: ${status}. Abrir el informe`,
  cellFillIn: (state: string, year: number, status: string) => `${state}, ${year}: ${status}. Completar el informe`,
  fillIn: "completar",
  yourDelegation: "su delegación",
  ownReturnsHint: (state: string) =>
    `Usted habla por ${state}: abra una de sus marcas para completar, presentar o corregir el informe de ese año.`,
  showRecord: (state: string) => `Ver el historial de ${state}`,
  noParticipants: "Nadie participa en estos años: el registro no tiene miembros del intercambio en sus fechas límite.",
  others: (list: string) => `También presentaron algo sin participar: ${list}.`,
  readingYears: "Leyendo quién informó…",

  // Un intercambio restringido, para quien no puede verlo
  restrictedHeading: "Compartido solo entre los Estados participantes",
  restrictedSignIn: (org: string) =>
    `Sus informes, y quién informó, se comparten entre los Estados participantes y la secretaría de ${org}. Inicie sesión con una cuenta de la delegación ante ${org} de un Estado participante para verlos.`,
  restrictedForbidden: (org: string) =>
    `Sus informes, y quién informó, se comparten entre los Estados participantes y la secretaría de ${org}. Su cuenta no habla por ninguno de ellos en estos años.`,
  restrictedStillPublic: "Los formularios y las publicaciones del intercambio siguen siendo públicos:",

  // El historial de un Estado
  recordHeading: (state: string, from: number, to: number) => `El historial de ${state}, de ${from} a ${to}`,
  recordNone: (state: string) => `${state} no participó en estos años.`,
  recordCounts: "Veces de cada una",
  closeRecord: "Cerrar el historial",

  // ------------------------------------------------------------------ un intercambio
  dashboardLink: "Ver quién informó, año por año",
  yourReturn: (state: string, year: number) => `El informe de ${state} para ${year}`,
  formsHeading: "Formularios",
  formsIntro:
    "Lo que da un informe: los campos, cuadros y totales de cada formulario. Una nueva versión de un formulario rige para los años siguientes; un informe conserva la versión con la que se hizo.",
  nilAllowed: "Un Estado que no tiene nada que informar puede presentar un informe nulo.",
  whatFormAsks: "Lo que pide el formulario",
  fieldKinds: {
    amount: "importe",
    number: "número",
    integer: "número entero",
    text: "texto",
    choice: "opción",
  },
  matrixSummary: (rows: number, columns: number) =>
    `un cuadro de ${rows} filas por ${columns} columnas, con totales por fila, por columna y general`,
  matrixRows: "Filas",
  matrixColumns: "Columnas",
  requiredMark: "obligatorio",
  totalsHeading: "Totales verificados",
  totalIsSumOf: (total: string, parts: string) => `${total} es la suma de ${parts}`,
  units: { items: "unidades", persons: "personas" } as Record<string, string>,
  optionsOf: (options: string) => `una de: ${options}`,
  severalOf: (options: string) => `cualquiera de: ${options}`,

  // Publicaciones
  publicationsHeading: "Publicaciones",
  publicationsIntro: "Lo que dijeron las publicaciones del intercambio, cifra por cifra, tal como las dan las fuentes.",
  publishedBy: (publisher: string, date: string) => `${publisher}, ${date}`,
  coversYears: (from: number, to: number) => `Abarca los años ${from} a ${to}.`,
  figuresHeading: "Cifras",
  figuresCaption: (title: string) => `Las cifras de ${title}`,
  colWhat: "Qué",
  colYears: "Años",
  colFigure: "Cifra",
  colSource: "Fuente",
  scopeRegion: "Todos los Estados participantes",
  measureShareOfGdp: (value: string) => `${value} del PIB`,
  measurePerCapita: (value: string) => `${value} por habitante`,
  measureShareOfRegion: (value: string) => `${value} del total de la región`,
  measureShareOfTotal: (value: string) => `${value} del total`,
  average: "en promedio",
  reconstructed: "Reconstruida",
  reconstructedHint: "agregada sobre Estados o años por quien la informó, no el informe propio de un Estado",
  asReported: "Tal como se informó",
  submissionsHeading: "Informes recibidos",
  submissionsCaption: (title: string) => `Los informes recibidos para ${title}`,
  colReceivedBy: "Recibido hasta",
  publicationSources: "Fuentes",
  sourceNote: (n: number, source: string) => `Fuente ${n}: ${source}`,
  publicationSource: "La fuente de la publicación",
  scaledAmount: (amount: string, currency: string, scale: number) =>
    scale === 1_000
      ? `${amount} mil ${currency}`
      : scale === 1_000_000
        ? `${amount} millones de ${currency}`
        : scale === 1_000_000_000
          ? `${amount} mil millones de ${currency}`
          : `${amount} ${currency}`,

  // Comparaciones
  comparisonHeading: "Comparación entre Estados y años",
  comparisonIntro:
    "El total de cada informe presentado, por habitante y como porcentaje del PIB cuando el informe los da. Los porcentajes del PIB se comparan entre Estados tal cual; el dinero solo dentro de una misma moneda.",
  metricLabel: "Medida",
  metrics: { shareOfGdp: "Porcentaje del PIB", perCapita: "Por habitante", total: "Gasto total" },
  chartTitle: (metric: string, from: number, to: number) => `${metric}, de ${from} a ${to}`,
  chartDescription: (metric: string, items: string) => `${metric}: ${items}.`,
  barText: (state: string, year: number, value: string) => `${state} ${year}: ${value}`,
  inCurrency: (currency: string) => `En ${currency}`,
  noCurrency: "Moneda no indicada",
  showComparisonTable: "Las cifras en un cuadro",
  comparisonCaption: (from: number, to: number) => `Informes presentados, de ${from} a ${to}`,
  colTotal: "Total",
  colPopulation: "Población",
  colGdp: "PIB",
  colPerCapita: "Por habitante",
  colShareOfGdp: "Porcentaje del PIB",
  noComparison: "No se presentó ningún informe para estos años.",
  comparisonWhat: (from: number, to: number) => `los informes presentados, de ${from} a ${to}`,
  notShownFor: (list: string) => `Sin barra, a falta de la cifra: ${list}.`,
  noValue: "—",

  // ------------------------------------------------------------------ un informe
  returnHeading: (state: string, year: number) => `El informe de ${state} para ${year}`,
  factForm: "Formulario",
  factDueBy: "Plazo",
  factStatus: "Estado del informe",
  factTimeliness: "Puntualidad",
  notSubmitted: "No presentado",
  draftSavedOn: (when: string) => `Un borrador guardado el ${when}`,
  submittedWhen: (when: string) => `Presentado el ${when}`,
  firstSubmittedWhen: (when: string) => `presentado por primera vez el ${when}`,
  noFormForYear: (year: number) => `Ningún formulario de este intercambio rige para ${year}.`,
  nothingSubmitted: (state: string, year: number) => `${state} aún no ha presentado nada para ${year}.`,
  readOnlyNote: "El informe tal como se presentó. Solo la delegación del propio Estado lo redacta.",
  formHeading: "Completar el informe",
  correctHeading: "Corregir el informe",
  formIntro:
    "Complete lo que informa el Estado y guarde el borrador: el formulario indica bajo cada campo lo que rechaza. Preséntelo cuando no rechace nada; hasta entonces, el borrador solo lo ven la delegación y la secretaría.",
  totalsHint:
    "Un total que se deja vacío se calcula a partir de sus partes (en gris) y se guarda con el borrador; un total escrito se verifica con sus partes.",
  currencyHeading: "Moneda y escala",
  currencyLabel: "Moneda",
  currencyHint: "Tres letras mayúsculas (ISO 4217): COP, USD, EUR.",
  scaleLabel: "Los importes están en",
  scales: {
    1: "unidades de la moneda",
    1000: "miles",
    1000000: "millones",
    1000000000: "miles de millones",
  } as Record<number, string>,
  amountsIn: (scale: number, currency: string) =>
    scale === 1_000
      ? `en miles de ${currency}`
      : scale === 1_000_000
        ? `en millones de ${currency}`
        : scale === 1_000_000_000
          ? `en miles de millones de ${currency}`
          : `en ${currency}`,
  noCurrencyYet: "la moneda indicada arriba",
  nilLabel: "Informe nulo: el Estado no tiene nada que informar este año",
  nilHint: "Un informe nulo no da cifras.",
  unitOf: (field: string) => `Unidad de ${field}`,
  chooseUnit: "Elegir la unidad",
  totalWord: "Total",
  cellLabel: (row: string, column: string) => `${row}, ${column}`,
  computedTotal: (value: string) => `Calculado a partir de sus partes: ${value}`,
  partsAddUpTo: (expected: string) => `Sus partes suman ${expected}.`,
  totalWaits: "Se calcula a partir de sus partes cuando concuerden.",
  saveDraft: "Guardar el borrador",
  saving: "Guardando…",
  submitReturn: "Presentar el informe…",
  submitting: "Presentando…",
  draftSaved: "Borrador guardado. El formulario no rechaza nada: el informe puede presentarse.",
  draftRefused: (n: number) =>
    `Borrador guardado, pero el formulario rechaza ${count(n, "cosa", "cosas")}: ${n === 1 ? "corríjala" : "corríjalas"} antes de presentarlo.`,
  notSubmittedRefused: (n: number) =>
    `No presentado: el formulario rechaza ${count(n, "cosa", "cosas")}. El borrador está guardado; ${n === 1 ? "corríjala" : "corríjalas"} y vuelva a presentarlo.`,
  refusalsHeading: "Lo que rechaza el formulario",
  refusalLine: (field: string, message: string) => `${field}: ${message}`,
  confirmSubmitTitle: (state: string, year: number) => `¿Presentar el informe de ${state} para ${year}?`,
  confirmSubmitText: (state: string, year: number, regime: string, restricted: boolean) =>
    `Presentar el informe de ${state} para ${year} al intercambio «${regime}»: ${
      restricted ? "los demás Estados participantes podrán leerlo" : "cualquiera podrá leerlo"
    }.`,
  confirmCorrection: (date: string) =>
    `Corrige el informe presentado el ${date}, que sigue siendo legible como versión anterior; el informe sigue contando como presentado en su primera fecha.`,
  confirmLate: (deadline: string) => `El plazo venció el ${deadline}: el informe contará como presentado con retraso.`,
  confirmSubmit: "Presentar el informe",
  cancelSubmit: "Ahora no",
  submittedStatus: (state: string, year: number) =>
    `Presentado: el informe de ${state} para ${year} está en el intercambio.`,
  seeDashboard: "Ver quién informó",
  versionsHeading: "Versiones",
  versionsIntro:
    "Cada versión de este informe que usted puede leer, de la más reciente a la más antigua: una corrección sustituye al informe presentado, que sigue siendo legible.",
  versionStatuses: {
    draft: "Borrador",
    submitted: "Presentado",
    superseded: "Sustituido",
  },
  versionTitle: (id: number) => `Versión ${id}`,
  savedWhen: (when: string) => `guardada el ${when}`,
  showVersion: "Ver esta versión",
  noVersions: "Todavía no hay ninguna versión.",
  nilReport: "Informe nulo: nada que informar.",
  computedMark: "calculado",
  formOfVersion: (name: string, version: number) => `${name}, versión ${version}`,
  returnOfState: (state: string) => `El informe de ${state}`,
};
