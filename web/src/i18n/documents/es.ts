import type { DocumentMessages } from "./en.ts";

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Texto en español de las páginas de los documentos etiquetados. */
export const es: DocumentMessages = {
  // ------------------------------------------------------------------ común
  markingCaption: "Marcado de seguridad",
  fallbackNote: (language: string) => `No se dio en su idioma: se muestra en ${language}.`,
  versionN: (n: number) => `Versión ${n}`,
  currentTag: "vigente",
  subjectKinds: {
    proposal: "propuesta",
    programme: "programa",
    "exchange-return": "informe de intercambio",
  },
  categoryTypes: {
    permissive: "Permisivas: la nación del lector debe estar dentro de uno de los valores de cada una",
    restrictive: "Restrictivas: el lector debe tener todos los valores",
    informative: "Informativas: cómo tratarlo, no quién puede leerlo",
  },
  tagNames: {
    "Releasable To": "Divulgable a",
    Only: "Solo",
    Context: "Contexto",
    "Additional Sensitivity": "Sensibilidades adicionales",
    Administrative: "Marcas administrativas",
  } as Record<string, string>,
  fixFields: "Algunos campos requieren atención: cada uno lo indica debajo.",

  // ------------------------------------------------------------------ la biblioteca
  libraryIntro:
    "Los documentos de la biblioteca de su organización que usted puede leer hoy: su habilitación de seguridad, sus autorizaciones y la situación de su nación deciden, documento por documento. Cada uno muestra el marcado de su etiqueta de confidencialidad.",
  uploadLink: "Añadir un documento",
  clearancesLink: "Habilitaciones de seguridad",
  filtersLabel: "Buscar y filtrar en la biblioteca",
  searchLabel: "Palabras de los títulos, las descripciones o el texto",
  filterByLabel: "Filtrar por etiqueta",
  policyFilter: "Política de seguridad",
  anyPolicy: "Cualquier política",
  maxRankFilter: "Clasificado como máximo",
  anyClassification: "Cualquier clasificación",
  maxRankHint: "Elija primero una política.",
  valueFilter: "Valor de la etiqueta",
  valueHint: "El código de una nación o de un grupo, como COL, NATO o NATO:partners; o una sensibilidad adicional.",
  applyFilters: "Buscar en la biblioteca",
  clearFilters: "Quitar los filtros",
  countAll: (n: number) =>
    n === 1
      ? "En total, puede leer 1 documento de la biblioteca."
      : `En total, puede leer ${n} documentos de la biblioteca.`,
  resultsHeading: "Documentos",
  resultsShown: (n: number) => `${count(n, "documento mostrado", "documentos mostrados")}`,
  sizeLabel: "Tamaño",
  updatedLabel: "Modificado",
  more: "Mostrar más documentos",
  loadingMore: "Cargando más documentos…",
  emptyHeading: "No hay documentos que mostrar",
  emptyFiltered: "Ningún documento que usted pueda leer coincide con estos filtros.",
  emptyLibrary: "No hay en la biblioteca ningún documento que usted pueda leer hoy.",
  emptyWhy: "Un documento aparece aquí solo cuando, hoy:",
  whyClearance:
    "su habilitación de seguridad en la política del documento alcanza su clasificación (el nivel no clasificado de una política no la requiere);",
  whySensitivity: "usted tiene todas las sensibilidades adicionales que lleva;",
  whyNation:
    "la nación de su delegación está dentro de cada una de sus categorías permisivas, como Divulgable a: una nación, o un grupo como NATO o NATO:partners según el registro hoy.",
  whyAsk:
    "Si espera ver aquí un documento, consulte al administrador de su organización por su habilitación, o al originador del documento por qué no puede verlo.",

  // ------------------------------------------------------------------ un documento
  libraryCrumb: "Biblioteca de documentos",
  earlierVersion: (current: number) => `Esta es una versión anterior. La vigente es la versión ${current}.`,
  seeCurrent: "Ver la versión vigente",
  factsHeading: "Sobre este documento",
  factFile: "Archivo",
  factType: "Tipo de archivo",
  factSize: "Tamaño",
  factVersion: "Versión",
  factAdded: "Añadido",
  factAddedBy: "Añadido por",
  factOriginator: "Originador",
  factSubject: "Forma parte de",
  factDigest: "SHA-384 del contenido",
  versionOfTotal: (n: number, current: number) => `${n} (la versión vigente es la ${current})`,
  otherLanguages: (n: number) => (n === 1 ? "En 1 idioma más" : `En ${n} idiomas más`),
  downloadsHeading: "Descargar",
  downloadContent: (file: string) => `El documento (${file})`,
  downloadBinding: "Su vinculación STANAG 4778 (.binding.xml)",
  downloadHint:
    "La vinculación une la etiqueta al SHA-384 del contenido y está firmada por Concord: la orden «concord documents verify» comprueba un archivo con ella.",
  labelHeading: "Etiqueta de confidencialidad",
  labelPolicy: "Política",
  labelClassification: "Clasificación",
  labelCreated: "Etiquetado",
  labelOriginator: "Originador",
  labelReview: "Fecha de revisión",
  labelNone: "Ninguna",
  labelSuccession: "Desclasificaciones",
  successionStep: (day: string, classification: string) => `Desde el ${day}: ${classification}`,
  labelDowngraded: (day: string) =>
    `Desclasificado por fecha: la etiqueta vigente desde el ${day} es la que muestra la banda.`,
  noCategories: "Sin categorías.",
  labelXmlSummary: "La etiqueta en XML STANAG 4774",
  versionsHeading: "Versiones",
  versionsIntro: "Cada versión lleva su propia etiqueta; solo se listan las versiones que usted puede leer.",
  shownTag: "mostrada",
  openVersion: (n: number) => `Abrir la versión ${n}`,

  // ------------------------------------------------------------------ por qué un lector no lo ve
  explainHeading: "¿Por qué un lector no puede verlo?",
  explainIntro:
    "Como originador, puede preguntar si una cuenta de su organización puede leer hoy la versión vigente de este documento y, si no, por qué. Al lector nunca se le dice.",
  readerLabel: "La cuenta del lector",
  readerHintList: "Elija una cuenta de su organización o pegue su identificador.",
  readerHintId: "La dirección con la que el lector inicia sesión, o el identificador de su cuenta.",
  readerRequired: "Elija o pegue una cuenta.",
  explainButton: "Preguntar",
  explaining: "Preguntando…",
  explainAllowed: (name: string, day: string) => `${name} puede leerlo el ${day}.`,
  explainRefused: (name: string, day: string) => `${name} no puede leerlo el ${day}, porque:`,
  explainReaderTerm: "Lector",
  explainNation: (nation: string) => `Delegación de ${nation}`,
  explainNoNation: "El lector no pertenece a ninguna delegación.",
  explainWithin: "Ese día, el lector está dentro de",
  explainWithinNothing: "ninguna nación ni grupo",
  reasonUnknownPolicy: (policy: string) =>
    `Concord no conoce ninguna política de seguridad ${policy}, así que nadie puede leerlo.`,
  reasonOtherOrganisation: "El documento está en la biblioteca de otra organización.",
  reasonNoSuchVersion: "No existe esa versión.",

  // ------------------------------------------------------------------ añadir un documento o una versión
  uploadIntro:
    "El documento se guarda con su etiqueta de confidencialidad, vinculada a su contenido y firmada (STANAG 4778). Solo los lectores que la etiqueta permite saben que existe, y usted debe ser uno de ellos.",
  uploadNotAllowed: "Su función no le permite añadir documentos a la biblioteca.",
  fileField: "Archivo",
  chooseFile: "Elegir el archivo",
  noFileChosen: "Aún no se ha elegido ningún archivo",
  fileHint: (mb: number) => `PDF, documentos de ofimática, texto o imágenes, hasta ${mb} MB.`,
  fileRequired: "Elija el archivo.",
  titlesHeading: "Título y descripción",
  titleIn: (language: string) => `Título en ${language}`,
  descriptionIn: (language: string) => `Descripción en ${language}`,
  titlesHint: "Un título en al menos un idioma; cada lector ve el suyo, u otro si falta el suyo.",
  otherLanguagesSummary: "Título y descripción en otros idiomas",
  titleRequired: "Indique un título en al menos un idioma.",
  labelModeLegend: "Cómo indicar la etiqueta",
  labelModeBuild: "Elegirla a partir de su política",
  labelModeXml: "Pegar una etiqueta en XML STANAG 4774",
  policyField: "Política de seguridad",
  classificationField: "Clasificación",
  classificationHint:
    "De la más baja a la más alta. Los lectores necesitan una habilitación al menos igual de alta, salvo en el nivel no clasificado de la política.",
  codesHint:
    "Códigos separados por comas: un Estado (COL), los miembros de una organización el día de la lectura (NATO), sus socios (NATO:partners), los socios de uno de sus marcos (NATO:partners-across-the-globe) o un grupo de la política.",
  addCode: (code: string) => `Añadir ${code}`,
  suggestions: "Añadir",
  restrictiveHint: "Los lectores deben tener una autorización para cada valor marcado.",
  informativeHint: "Cómo tratar el documento; no cambia quién puede leerlo.",
  permissiveListedHint: "Los lectores deben estar dentro de al menos un valor marcado.",
  reviewField: "Fecha de revisión",
  reviewHint: "El día en que la etiqueta debe revisarse.",
  successionLegend: "Desclasificación en una fecha",
  successionFrom: "A partir del día",
  successionClassification: "Clasificación inferior",
  successionNone: "Sin desclasificación",
  successionHint:
    "A partir de ese día el documento se lee con la clasificación inferior y las mismas categorías: el cambio ocurre por sí solo.",
  xmlField: "Etiqueta (XML STANAG 4774)",
  xmlHint:
    "Un originatorConfidentialityLabel en el espacio de nombres urn:nato:stanag:4774:confidentialitymetadatalabel:1:0.",
  previewHeading: "Vista previa del marcado",
  previewHint: "Tal como lo mostrará la banda, arriba y abajo de cada vista del documento.",
  previewWaiting: "Elija una política y una clasificación para ver el marcado.",
  previewWaitingXml: "Pegue la etiqueta para ver su marcado.",
  previewChecking: "Comprobando la etiqueta…",
  previewProblems: (n: number) =>
    n === 1
      ? "La política rechaza 1 cosa de esta etiqueta: se indica bajo su campo."
      : `La política rechaza ${n} cosas de esta etiqueta: cada una se indica bajo su campo.`,
  previewFailed: "No se pudo mostrar el marcado:",
  subjectLegend: "Parte de una compilación",
  subjectHint:
    "Una propuesta con sus anexos, un programa con sus documentos: la compilación lleva la etiqueta dominante de sus partes.",
  subjectKindField: "Pertenece a",
  subjectNone: "Nada",
  subjectIdField: "Su identificador",
  dominantHeading: "Etiqueta dominante de la compilación",
  dominantHint: (n: number) =>
    n === 1
      ? "Sobre este documento y la otra parte que usted puede leer: la clasificación más alta, las categorías permisivas en su intersección, las demás unidas."
      : `Sobre este documento y las otras ${n} partes que usted puede leer: la clasificación más alta, las categorías permisivas en su intersección, las demás unidas.`,
  dominantAlone: "Aún no puede leer ninguna otra parte: la etiqueta de la compilación es la de este documento.",
  dominantFailed: "No se pudo calcular la etiqueta dominante:",
  uploadButton: "Añadir el documento",
  uploading: "Añadiendo el documento…",
  addVersionHeading: "Añadir una versión",
  addVersionOpen: "Elegir el nuevo archivo y su etiqueta",
  addVersionIntro:
    "Un archivo nuevo con su propia etiqueta. Las versiones anteriores siguen siendo legibles para los lectores que sus etiquetas permiten.",
  addVersionButton: "Añadir la versión",
  addingVersion: "Añadiendo la versión…",
  versionAdded: (n: number) => `Versión ${n} añadida.`,
  optionalDetails: "Fecha de revisión y desclasificación",

  // ------------------------------------------------------------------ habilitaciones
  clearancesIntro:
    "Una habilitación de seguridad personal permite a una cuenta leer documentos hasta una clasificación de una política, hasta el último día de su validez; las sensibilidades adicionales se autorizan una a una. Un cambio rige desde la siguiente solicitud de la cuenta.",
  clearancesNotAllowed: "Solo los administradores de su organización conceden habilitaciones de seguridad.",
  clearancesListHeading: "Habilitaciones concedidas",
  colAccount: "Cuenta",
  colPolicy: "Política",
  colClassification: "Hasta",
  colAuthorisations: "Sensibilidades adicionales",
  colExpires: "Último día",
  colGranted: "Concedida por",
  colActions: "Acciones",
  noneAuthorised: "Ninguna",
  expiredTag: "Vencida",
  grantedByOn: (name: string, date: string) => `${name}, ${date}`,
  noClearances: "Ninguna cuenta de su organización tiene aún una habilitación.",
  changeButton: "Cambiar",
  changeFor: (name: string, policy: string) => `Cambiar la habilitación de ${name} en ${policy}`,
  withdraw: "Retirar",
  withdrawFor: (name: string, policy: string) => `Retirar la habilitación de ${name} en ${policy}`,
  grantHeading: "Conceder o cambiar una habilitación",
  accountField: "Cuenta",
  chooseAccount: "Elija una cuenta",
  accountRequired: "Elija la cuenta.",
  authorisationsLegend: "Sensibilidades adicionales autorizadas",
  noSensitivities: "Esta política no tiene sensibilidades adicionales.",
  expiresField: "Último día de validez",
  expiresRequired: "Indique el último día de validez.",
  grantButton: "Conceder la habilitación",
  granting: "Concediendo…",
  granted: (name: string, classification: string, policy: string) =>
    `${name} puede leer ahora documentos hasta ${classification} en ${policy}, desde su siguiente solicitud.`,
  withdrawTitle: (name: string, policy: string) => `¿Retirar la habilitación de ${name} en ${policy}?`,
  withdrawText: (name: string, unclassified: string, policy: string) =>
    `${name} dejará de leer documentos por encima de ${unclassified} en la política ${policy} desde su siguiente solicitud.`,
  withdrawConfirm: "Retirar la habilitación",
  withdrawCancel: "Mantenerla",
  withdrawn: (name: string, policy: string) => `La habilitación de ${name} en ${policy} ha sido retirada.`,
};
