import type { DocumentMessages } from "./en.ts";

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

/** Texte français des pages des documents marqués. */
export const fr: DocumentMessages = {
  // ------------------------------------------------------------------ commun
  markingCaption: "Marquage de sécurité",
  fallbackNote: (language: string) => `Non donné dans votre langue : affiché en ${language}.`,
  versionN: (n: number) => `Version ${n}`,
  currentTag: "en vigueur",
  subjectKinds: {
    proposal: "proposition",
    programme: "programme",
    "exchange-return": "rapport d'échange",
  },
  categoryTypes: {
    permissive: "Permissives : la nation du lecteur doit être comprise dans l'une des valeurs de chacune",
    restrictive: "Restrictives : le lecteur doit détenir chaque valeur",
    informative: "Informatives : comment le traiter, non qui peut le lire",
  },
  tagNames: {
    "Releasable To": "Communicable à",
    Only: "Seulement",
    Context: "Contexte",
    "Additional Sensitivity": "Sensibilités supplémentaires",
    Administrative: "Mentions administratives",
  } as Record<string, string>,
  fixFields: "Certains champs demandent votre attention : chacun le dit en dessous.",

  // ------------------------------------------------------------------ la bibliothèque
  libraryIntro:
    "Les documents de la bibliothèque de votre organisation que vous pouvez lire aujourd'hui : votre habilitation de sécurité, vos autorisations et la situation de votre nation en décident, document par document. Chacun affiche le marquage de son étiquette de confidentialité.",
  uploadLink: "Ajouter un document",
  clearancesLink: "Habilitations de sécurité",
  filtersLabel: "Rechercher et filtrer dans la bibliothèque",
  searchLabel: "Mots des titres, des descriptions ou du texte",
  filterByLabel: "Filtrer par étiquette",
  policyFilter: "Politique de sécurité",
  anyPolicy: "Toute politique",
  maxRankFilter: "Classifié au plus",
  anyClassification: "Toute classification",
  maxRankHint: "Choisissez d'abord une politique.",
  valueFilter: "Valeur de l'étiquette",
  valueHint:
    "Le code d'une nation ou d'un groupe, comme COL, NATO ou NATO:partners ; ou une sensibilité supplémentaire.",
  applyFilters: "Rechercher dans la bibliothèque",
  clearFilters: "Effacer les filtres",
  countAll: (n: number) =>
    n <= 1
      ? `Au total, vous pouvez lire ${n} document de la bibliothèque.`
      : `Au total, vous pouvez lire ${n} documents de la bibliothèque.`,
  resultsHeading: "Documents",
  resultsShown: (n: number) => `${count(n, "document affiché", "documents affichés")}`,
  sizeLabel: "Taille",
  updatedLabel: "Modifié",
  more: "Afficher plus de documents",
  loadingMore: "Chargement d'autres documents…",
  emptyHeading: "Aucun document à afficher",
  emptyFiltered: "Aucun document que vous pouvez lire ne correspond à ces filtres.",
  emptyLibrary: "La bibliothèque ne contient aucun document que vous pouvez lire aujourd'hui.",
  emptyWhy: "Un document n'apparaît ici que lorsque, aujourd'hui :",
  whyClearance:
    "votre habilitation de sécurité dans sa politique atteint sa classification (le niveau non classifié d'une politique n'en demande aucune) ;",
  whySensitivity: "vous détenez chaque sensibilité supplémentaire qu'il porte ;",
  whyNation:
    "la nation de votre délégation est comprise dans chacune de ses catégories permissives, comme Communicable à : une nation, ou un groupe comme NATO ou NATO:partners selon le registre du jour.",
  whyAsk:
    "Si vous attendez un document ici, demandez à l'administrateur de votre organisation ce qu'il en est de votre habilitation, ou à l'émetteur du document pourquoi vous ne pouvez pas le voir.",

  // ------------------------------------------------------------------ un document
  libraryCrumb: "Bibliothèque de documents",
  earlierVersion: (current: number) => `Ceci est une version antérieure. La version en vigueur est la ${current}.`,
  seeCurrent: "Voir la version en vigueur",
  factsHeading: "À propos de ce document",
  factFile: "Fichier",
  factType: "Type de fichier",
  factSize: "Taille",
  factVersion: "Version",
  factAdded: "Ajouté",
  factAddedBy: "Ajouté par",
  factOriginator: "Émetteur",
  factSubject: "Fait partie de",
  factDigest: "SHA-384 du contenu",
  versionOfTotal: (n: number, current: number) => `${n} (la version en vigueur est la ${current})`,
  otherLanguages: (n: number) => (n === 1 ? "Dans 1 autre langue" : `Dans ${n} autres langues`),
  downloadsHeading: "Télécharger",
  downloadContent: (file: string) => `Le document (${file})`,
  downloadBinding: "Sa liaison STANAG 4778 (.binding.xml)",
  downloadHint:
    "La liaison lie l'étiquette au SHA-384 du contenu et est signée par Concord : la commande « concord documents verify » vérifie un fichier avec elle.",
  labelHeading: "Étiquette de confidentialité",
  labelPolicy: "Politique",
  labelClassification: "Classification",
  labelCreated: "Marqué le",
  labelOriginator: "Émetteur",
  labelReview: "Date de révision",
  labelNone: "Aucune",
  labelSuccession: "Déclassements",
  successionStep: (day: string, classification: string) => `À partir du ${day} : ${classification}`,
  labelDowngraded: (day: string) =>
    `Déclassé par date : l'étiquette en vigueur depuis le ${day} est celle qu'affiche le bandeau.`,
  noCategories: "Aucune catégorie.",
  labelXmlSummary: "L'étiquette en XML STANAG 4774",
  versionsHeading: "Versions",
  versionsIntro: "Chaque version porte sa propre étiquette ; seules les versions que vous pouvez lire sont listées.",
  shownTag: "affichée",
  openVersion: (n: number) => `Ouvrir la version ${n}`,

  // ------------------------------------------------------------------ pourquoi un lecteur ne le voit pas
  explainHeading: "Pourquoi un lecteur ne peut-il pas le voir ?",
  explainIntro:
    "En tant qu'émetteur, vous pouvez demander si un compte de votre organisation peut lire aujourd'hui la version en vigueur de ce document et, sinon, pourquoi. Le lecteur n'en est jamais informé.",
  readerLabel: "Le compte du lecteur",
  readerHintList: "Choisissez un compte de votre organisation, ou collez son identifiant.",
  readerHintId: "L'adresse avec laquelle le lecteur se connecte, ou l'identifiant de son compte.",
  readerRequired: "Choisissez ou collez un compte.",
  explainButton: "Demander",
  explaining: "Demande en cours…",
  explainAllowed: (name: string, day: string) => `${name} peut le lire le ${day}.`,
  explainRefused: (name: string, day: string) => `${name} ne peut pas le lire le ${day}, car :`,
  explainReaderTerm: "Lecteur",
  explainNation: (nation: string) => `Délégation de ${nation}`,
  explainNoNation: "Le lecteur n'appartient à aucune délégation.",
  explainWithin: "Ce jour-là, le lecteur est compris dans",
  explainWithinNothing: "aucune nation ni aucun groupe",
  reasonUnknownPolicy: (policy: string) =>
    `Concord ne connaît aucune politique de sécurité ${policy} : personne ne peut donc le lire.`,
  reasonOtherOrganisation: "Le document se trouve dans la bibliothèque d'une autre organisation.",
  reasonNoSuchVersion: "Cette version n'existe pas.",

  // ------------------------------------------------------------------ ajouter un document ou une version
  uploadIntro:
    "Le document est conservé avec son étiquette de confidentialité, liée à son contenu et signée (STANAG 4778). Seuls les lecteurs que l'étiquette autorise apprennent qu'il existe, et vous devez en faire partie.",
  uploadNotAllowed: "Votre rôle ne permet pas d'ajouter des documents à la bibliothèque.",
  fileField: "Fichier",
  chooseFile: "Choisir le fichier",
  noFileChosen: "Aucun fichier choisi pour l'instant",
  fileHint: (mb: number) => `PDF, documents bureautiques, texte ou images, jusqu'à ${mb} Mo.`,
  fileRequired: "Choisissez le fichier.",
  titlesHeading: "Titre et description",
  titleIn: (language: string) => `Titre en ${language}`,
  descriptionIn: (language: string) => `Description en ${language}`,
  titlesHint: "Un titre dans au moins une langue ; chaque lecteur voit le sien, ou un autre si le sien manque.",
  otherLanguagesSummary: "Titre et description dans d'autres langues",
  titleRequired: "Donnez un titre dans au moins une langue.",
  labelModeLegend: "Comment donner l'étiquette",
  labelModeBuild: "La choisir à partir de sa politique",
  labelModeXml: "Coller une étiquette en XML STANAG 4774",
  policyField: "Politique de sécurité",
  classificationField: "Classification",
  classificationHint:
    "De la plus basse à la plus haute. Les lecteurs doivent avoir une habilitation au moins aussi haute, sauf au niveau non classifié de la politique.",
  codesHint:
    "Codes séparés par des virgules : un État (COL), les membres d'une organisation le jour de la lecture (NATO), ses partenaires (NATO:partners), les partenaires de l'un de ses cadres (NATO:partners-across-the-globe) ou un groupe de la politique.",
  addCode: (code: string) => `Ajouter ${code}`,
  suggestions: "Ajouter",
  restrictiveHint: "Les lecteurs doivent détenir une autorisation pour chaque valeur cochée.",
  informativeHint: "Comment traiter le document ; sans effet sur qui peut le lire.",
  permissiveListedHint: "Les lecteurs doivent être compris dans au moins une valeur cochée.",
  reviewField: "Date de révision",
  reviewHint: "Le jour où l'étiquette doit être réexaminée.",
  successionLegend: "Déclassement à une date",
  successionFrom: "À partir du jour",
  successionClassification: "Classification inférieure",
  successionNone: "Aucun déclassement",
  successionHint:
    "À partir de ce jour, le document est lu à la classification inférieure, avec les mêmes catégories : le changement se fait de lui-même.",
  xmlField: "Étiquette (XML STANAG 4774)",
  xmlHint:
    "Un originatorConfidentialityLabel dans l'espace de noms urn:nato:stanag:4774:confidentialitymetadatalabel:1:0.",
  previewHeading: "Aperçu du marquage",
  previewHint: "Tel que le bandeau l'affichera, en haut et en bas de chaque vue du document.",
  previewWaiting: "Choisissez une politique et une classification pour voir le marquage.",
  previewWaitingXml: "Collez l'étiquette pour voir son marquage.",
  previewChecking: "Vérification de l'étiquette…",
  previewProblems: (n: number) =>
    n === 1
      ? "La politique refuse 1 élément de cette étiquette : il est indiqué sous son champ."
      : `La politique refuse ${n} éléments de cette étiquette : chacun est indiqué sous son champ.`,
  previewFailed: "Le marquage n'a pas pu être affiché :",
  subjectLegend: "Partie d'une compilation",
  subjectHint:
    "Une proposition avec ses pièces jointes, un programme avec ses documents : la compilation porte l'étiquette dominante de ses parties.",
  subjectKindField: "Appartient à",
  subjectNone: "Rien",
  subjectIdField: "Son identifiant",
  dominantHeading: "Étiquette dominante de la compilation",
  dominantHint: (n: number) =>
    n === 1
      ? "Sur ce document et l'autre partie que vous pouvez lire : la classification la plus haute, les catégories permissives en intersection, les autres réunies."
      : `Sur ce document et les ${n} autres parties que vous pouvez lire : la classification la plus haute, les catégories permissives en intersection, les autres réunies.`,
  dominantAlone:
    "Vous ne pouvez encore lire aucune autre partie : l'étiquette de la compilation est celle de ce document.",
  dominantFailed: "L'étiquette dominante n'a pas pu être calculée :",
  uploadButton: "Ajouter le document",
  uploading: "Ajout du document…",
  addVersionHeading: "Ajouter une version",
  addVersionOpen: "Choisir le nouveau fichier et son étiquette",
  addVersionIntro:
    "Un nouveau fichier avec sa propre étiquette. Les versions antérieures restent lisibles par les lecteurs que leurs étiquettes autorisent.",
  addVersionButton: "Ajouter la version",
  addingVersion: "Ajout de la version…",
  versionAdded: (n: number) => `Version ${n} ajoutée.`,
  optionalDetails: "Date de révision et déclassement",

  // ------------------------------------------------------------------ habilitations
  clearancesIntro:
    "Une habilitation de sécurité individuelle permet à un compte de lire des documents jusqu'à une classification d'une politique, jusqu'à son dernier jour de validité ; les sensibilités supplémentaires sont autorisées une à une. Un changement vaut dès la requête suivante du compte.",
  clearancesNotAllowed: "Seuls les administrateurs de votre organisation accordent des habilitations de sécurité.",
  clearancesListHeading: "Habilitations accordées",
  colAccount: "Compte",
  colPolicy: "Politique",
  colClassification: "Jusqu'à",
  colAuthorisations: "Sensibilités supplémentaires",
  colExpires: "Dernier jour",
  colGranted: "Accordée par",
  colActions: "Actions",
  noneAuthorised: "Aucune",
  expiredTag: "Expirée",
  grantedByOn: (name: string, date: string) => `${name}, ${date}`,
  noClearances: "Aucun compte de votre organisation n'a encore d'habilitation.",
  changeButton: "Modifier",
  changeFor: (name: string, policy: string) => `Modifier l'habilitation de ${name} dans ${policy}`,
  withdraw: "Retirer",
  withdrawFor: (name: string, policy: string) => `Retirer l'habilitation de ${name} dans ${policy}`,
  grantHeading: "Accorder ou modifier une habilitation",
  accountField: "Compte",
  chooseAccount: "Choisissez un compte",
  accountRequired: "Choisissez le compte.",
  authorisationsLegend: "Sensibilités supplémentaires autorisées",
  noSensitivities: "Cette politique n'a pas de sensibilités supplémentaires.",
  expiresField: "Dernier jour de validité",
  expiresRequired: "Indiquez le dernier jour de validité.",
  grantButton: "Accorder l'habilitation",
  granting: "Attribution…",
  granted: (name: string, classification: string, policy: string) =>
    `${name} peut désormais lire des documents jusqu'à ${classification} dans ${policy}, dès sa requête suivante.`,
  withdrawTitle: (name: string, policy: string) => `Retirer l'habilitation de ${name} dans ${policy} ?`,
  withdrawText: (name: string, unclassified: string, policy: string) =>
    `${name} ne pourra plus lire de documents au-dessus de ${unclassified} dans la politique ${policy} dès sa requête suivante.`,
  withdrawConfirm: "Retirer l'habilitation",
  withdrawCancel: "La conserver",
  withdrawn: (name: string, policy: string) => `L'habilitation de ${name} dans ${policy} est retirée.`,
};
