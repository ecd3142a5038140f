/**
 * Concord's words about labelled documents in the four languages: the documents service's
 * refusals and what it is doing when refused. Spread into each language's catalogue like
 * ./exchanges.ts; the labels' own words (access reasons, label problems) are ./labels.ts.
 */
type N = string | number;

const en = {
  "documents.subject_not_found": (p: { kind: string; id: string }) =>
    `Your organisation has no ${p.kind} ${p.id} for the document to belong to.`,
  "documents.label_json": (p: { problem: string }) => `The label is not a label in JSON: ${p.problem}.`,
  "documents.cli.column.marking": () => "marking",
  "documents.cli.column.version": () => "version",
  "documents.cli.verified": (p: { marking: string; fingerprint: string }) =>
    `The binding holds: content and label unchanged, signed by the key ${p.fingerprint}.\n${p.marking}`,
  "documents.cli.problem.content-changed": (p: { detail: string }) => `The content is not what was bound: ${p.detail}`,
  "documents.cli.problem.label-changed": (p: { detail: string }) => `The label is not what was signed: ${p.detail}`,
  "documents.cli.problem.signature-invalid": (p: { detail: string }) => `The signature does not hold: ${p.detail}`,
  "documents.cli.problem.untrusted-key": (p: { detail: string }) =>
    `Signed by a key that is not this Concord's: ${p.detail}`,
  "documents.cli.problem.malformed": (p: { detail: string }) => `This is not a binding Concord can read: ${p.detail}`,
  "cli.help_documents": () => `
Labelled documents:
  concord documents [--organization ORG] [--json]  a library's documents with their markings
  concord documents verify <FILE> <BINDING>        checks a file against its STANAG 4778 binding:
                                                   content, label and Concord's signature
  concord label show <LABEL.XML>                   a STANAG 4774 label's display marking`,
  "documents.reading": () => "reading labelled documents",
  "documents.uploading": () => "adding labelled documents",
  "documents.explaining": () => "asking why a reader cannot see a document (its originator only)",
  "documents.clearances": () => "administering security clearances",
  "documents.loading_policies": () => "loading security policies",
  "documents.not_found": (p: { id: N }) => `There is no document ${p.id} in your library.`,
  "documents.version_not_found": (p: { id: N; version: N }) =>
    `Document ${p.id} has no version ${p.version} you may see.`,
  "documents.reader_not_found": (p: { reader: string }) => `No account ${p.reader} reads this library.`,
  "documents.account_not_found": (p: { account: string }) => `No account ${p.account} in your organisation.`,
  "documents.clearance_not_found": (p: { policy: string }) =>
    `The account holds no clearance in the policy ${p.policy}.`,
  "documents.organization_required": () => "Name the organisation whose library this is.",
  "documents.title_required": () => "Give the document a title in at least one language.",
  "documents.text_too_long": (p: { max: N }) => `is longer than ${p.max} characters`,
  "documents.language": (p: { lang: string }) => `"${p.lang}" is not one of en, es, pt, fr.`,
  "documents.file_required": () => "Send the document as the form's file field.",
  "documents.file_empty": () => "The file is empty.",
  "documents.file_name": (p: { max: N }) => `The file needs a name of at most ${p.max} characters.`,
  "documents.file_too_large": (p: { mebibytes: N }) => `The file is larger than ${p.mebibytes} MiB.`,
  "documents.media_type": (p: { type: string }) =>
    `A library keeps PDF, office documents, text and images, not ${p.type}.`,
  "documents.label_format": () => "The label is neither STANAG 4774 XML nor a JSON object.",
  "documents.label_invalid": (p: { problems: string }) => `The label does not hold under its policy: ${p.problems}.`,
  "documents.label_excludes_you": () =>
    "Under this label you could not read the document yourself: choose a label your clearance and nation allow.",
  "documents.no_default_label": (p: { organization: string }) =>
    `${p.organization} has no security policy of its own, so there is no default label: give one.`,
  "documents.query_too_long": (p: { max: N }) => `The search is longer than ${p.max} characters.`,
  "documents.cursor": () => "This is not a page marker Concord gave.",
  "documents.subject": () =>
    "Name both what the document belongs to (proposal, programme, exchange-return) and its id.",
  "documents.multipart": () => "Send the document as multipart/form-data.",
  "documents.field_text": (p: { field: string }) => `The field ${p.field} must be text, not a file.`,
  "documents.binding_required": () => "Send the binding (the .binding.xml file) as the form's binding field.",
  "documents.compilation_size": () => "A compilation has between 1 and 100 labels.",
  "documents.compilation_policies": () => "Labels of different policies cannot be compiled into one.",
  "documents.unknown_policy": (p: { policy: string }) => `No security policy has the identifier ${p.policy}.`,
  "documents.unknown_classification": (p: { classification: string; policy: string }) =>
    `${p.classification} is not a classification of ${p.policy}.`,
  "documents.unknown_sensitivity": (p: { value: string; policy: string }) =>
    `${p.value} is not an additional sensitivity of ${p.policy}.`,
  "documents.expiry": (p: { day: string }) => `${p.day} is not a day from today on (YYYY-MM-DD).`,
};

type Catalogue = { [K in keyof typeof en]: (typeof en)[K] };

const es: Catalogue = {
  "documents.subject_not_found": (p) =>
    `Su organización no tiene ningún ${p.kind} ${p.id} al que pueda pertenecer el documento.`,
  "documents.label_json": (p) => `La etiqueta no es una etiqueta en JSON: ${p.problem}.`,
  "documents.cli.column.marking": () => "marcado",
  "documents.cli.column.version": () => "versión",
  "documents.cli.verified": (p) =>
    `La vinculación es válida: contenido y etiqueta sin cambios, firmados con la clave ${p.fingerprint}.\n${p.marking}`,
  "documents.cli.problem.content-changed": (p) => `El contenido no es el que se vinculó: ${p.detail}`,
  "documents.cli.problem.label-changed": (p) => `La etiqueta no es la que se firmó: ${p.detail}`,
  "documents.cli.problem.signature-invalid": (p) => `La firma no es válida: ${p.detail}`,
  "documents.cli.problem.untrusted-key": (p) => `Firmado con una clave que no es la de este Concord: ${p.detail}`,
  "documents.cli.problem.malformed": (p) => `No es una vinculación que Concord pueda leer: ${p.detail}`,
  "cli.help_documents": () => `
Documentos etiquetados:
  concord documents [--organization ORG] [--json]  los documentos de una biblioteca con su marcado
  concord documents verify <ARCHIVO> <VINCULACIÓN> comprueba un archivo con su vinculación STANAG 4778:
                                                   contenido, etiqueta y firma de Concord
  concord label show <ETIQUETA.XML>                el marcado de una etiqueta STANAG 4774`,
  "documents.reading": () => "consultar documentos etiquetados",
  "documents.uploading": () => "añadir documentos etiquetados",
  "documents.explaining": () => "preguntar por qué un lector no puede ver un documento (solo su originador)",
  "documents.clearances": () => "administrar habilitaciones de seguridad",
  "documents.loading_policies": () => "cargar políticas de seguridad",
  "documents.not_found": (p) => `No hay ningún documento ${p.id} en su biblioteca.`,
  "documents.version_not_found": (p) => `El documento ${p.id} no tiene una versión ${p.version} que usted pueda ver.`,
  "documents.reader_not_found": (p) => `Ninguna cuenta ${p.reader} lee esta biblioteca.`,
  "documents.account_not_found": (p) => `No hay ninguna cuenta ${p.account} en su organización.`,
  "documents.clearance_not_found": (p) => `La cuenta no tiene habilitación en la política ${p.policy}.`,
  "documents.organization_required": () => "Indique la organización a la que pertenece esta biblioteca.",
  "documents.title_required": () => "Dé al documento un título en al menos un idioma.",
  "documents.text_too_long": (p) => `tiene más de ${p.max} caracteres`,
  "documents.language": (p) => `«${p.lang}» no es en, es, pt ni fr.`,
  "documents.file_required": () => "Envíe el documento en el campo file del formulario.",
  "documents.file_empty": () => "El archivo está vacío.",
  "documents.file_name": (p) => `El archivo necesita un nombre de ${p.max} caracteres como máximo.`,
  "documents.file_too_large": (p) => `El archivo supera los ${p.mebibytes} MiB.`,
  "documents.media_type": (p) => `Una biblioteca guarda PDF, documentos de oficina, texto e imágenes, no ${p.type}.`,
  "documents.label_format": () => "La etiqueta no es XML de STANAG 4774 ni un objeto JSON.",
  "documents.label_invalid": (p) => `La etiqueta no es válida según su política: ${p.problems}.`,
  "documents.label_excludes_you": () =>
    "Con esta etiqueta usted mismo no podría leer el documento: elija una que su habilitación y su nación permitan.",
  "documents.no_default_label": (p) =>
    `${p.organization} no tiene política de seguridad propia, así que no hay etiqueta por defecto: indique una.`,
  "documents.query_too_long": (p) => `La búsqueda tiene más de ${p.max} caracteres.`,
  "documents.cursor": () => "Esta no es una marca de página dada por Concord.",
  "documents.subject": () =>
    "Indique a qué pertenece el documento (proposal, programme, exchange-return) y su identificador.",
  "documents.multipart": () => "Envíe el documento como multipart/form-data.",
  "documents.field_text": (p) => `El campo ${p.field} debe ser texto, no un archivo.`,
  "documents.binding_required": () =>
    "Envíe la vinculación (el archivo .binding.xml) en el campo binding del formulario.",
  "documents.compilation_size": () => "Una compilación tiene entre 1 y 100 etiquetas.",
  "documents.compilation_policies": () => "No se pueden compilar en una sola etiquetas de políticas distintas.",
  "documents.unknown_policy": (p) => `Ninguna política de seguridad tiene el identificador ${p.policy}.`,
  "documents.unknown_classification": (p) => `${p.classification} no es una clasificación de ${p.policy}.`,
  "documents.unknown_sensitivity": (p) => `${p.value} no es una sensibilidad adicional de ${p.policy}.`,
  "documents.expiry": (p) => `${p.day} no es un día de hoy en adelante (AAAA-MM-DD).`,
};

const pt: Catalogue = {
  "documents.subject_not_found": (p) =>
    `A sua organização não tem nenhum ${p.kind} ${p.id} a que o documento possa pertencer.`,
  "documents.label_json": (p) => `A etiqueta não é uma etiqueta em JSON: ${p.problem}.`,
  "documents.cli.column.marking": () => "marcação",
  "documents.cli.column.version": () => "versão",
  "documents.cli.verified": (p) =>
    `A vinculação é válida: conteúdo e etiqueta inalterados, assinados com a chave ${p.fingerprint}.\n${p.marking}`,
  "documents.cli.problem.content-changed": (p) => `O conteúdo não é o que foi vinculado: ${p.detail}`,
  "documents.cli.problem.label-changed": (p) => `A etiqueta não é a que foi assinada: ${p.detail}`,
  "documents.cli.problem.signature-invalid": (p) => `A assinatura não é válida: ${p.detail}`,
  "documents.cli.problem.untrusted-key": (p) => `Assinado com uma chave que não é a deste Concord: ${p.detail}`,
  "documents.cli.problem.malformed": (p) => `Não é uma vinculação que o Concord possa ler: ${p.detail}`,
  "cli.help_documents": () => `
Documentos etiquetados:
  concord documents [--organization ORG] [--json]  os documentos de uma biblioteca com a sua marcação
  concord documents verify <FICHEIRO> <VINCULAÇÃO> verifica um ficheiro com a sua vinculação STANAG 4778:
                                                   conteúdo, etiqueta e assinatura do Concord
  concord label show <ETIQUETA.XML>                a marcação de uma etiqueta STANAG 4774`,
  "documents.reading": () => "consultar documentos etiquetados",
  "documents.uploading": () => "adicionar documentos etiquetados",
  "documents.explaining": () => "perguntar por que um leitor não pode ver um documento (apenas o seu originador)",
  "documents.clearances": () => "administrar credenciações de segurança",
  "documents.loading_policies": () => "carregar políticas de segurança",
  "documents.not_found": (p) => `Não há nenhum documento ${p.id} na sua biblioteca.`,
  "documents.version_not_found": (p) => `O documento ${p.id} não tem uma versão ${p.version} que possa ver.`,
  "documents.reader_not_found": (p) => `Nenhuma conta ${p.reader} lê esta biblioteca.`,
  "documents.account_not_found": (p) => `Não há nenhuma conta ${p.account} na sua organização.`,
  "documents.clearance_not_found": (p) => `A conta não tem credenciação na política ${p.policy}.`,
  "documents.organization_required": () => "Indique a organização a que pertence esta biblioteca.",
  "documents.title_required": () => "Dê ao documento um título em pelo menos uma língua.",
  "documents.text_too_long": (p) => `tem mais de ${p.max} caracteres`,
  "documents.language": (p) => `"${p.lang}" não é en, es, pt nem fr.`,
  "documents.file_required": () => "Envie o documento no campo file do formulário.",
  "documents.file_empty": () => "O ficheiro está vazio.",
  "documents.file_name": (p) => `O ficheiro precisa de um nome com no máximo ${p.max} caracteres.`,
  "documents.file_too_large": (p) => `O ficheiro tem mais de ${p.mebibytes} MiB.`,
  "documents.media_type": (p) => `Uma biblioteca guarda PDF, documentos de escritório, texto e imagens, não ${p.type}.`,
  "documents.label_format": () => "A etiqueta não é XML do STANAG 4774 nem um objeto JSON.",
  "documents.label_invalid": (p) => `A etiqueta não é válida segundo a sua política: ${p.problems}.`,
  "documents.label_excludes_you": () =>
    "Com esta etiqueta não poderia ler o documento: escolha uma que a sua credenciação e a sua nação permitam.",
  "documents.no_default_label": (p) =>
    `${p.organization} não tem política de segurança própria, por isso não há etiqueta por omissão: indique uma.`,
  "documents.query_too_long": (p) => `A pesquisa tem mais de ${p.max} caracteres.`,
  "documents.cursor": () => "Isto não é um marcador de página dado pelo Concord.",
  "documents.subject": () =>
    "Indique a que pertence o documento (proposal, programme, exchange-return) e o seu identificador.",
  "documents.multipart": () => "Envie o documento como multipart/form-data.",
  "documents.field_text": (p) => `O campo ${p.field} deve ser texto, não um ficheiro.`,
  "documents.binding_required": () => "Envie a vinculação (o ficheiro .binding.xml) no campo binding do formulário.",
  "documents.compilation_size": () => "Uma compilação tem entre 1 e 100 etiquetas.",
  "documents.compilation_policies": () => "Não se podem compilar numa só etiquetas de políticas diferentes.",
  "documents.unknown_policy": (p) => `Nenhuma política de segurança tem o identificador ${p.policy}.`,
  "documents.unknown_classification": (p) => `${p.classification} não é uma classificação de ${p.policy}.`,
  "documents.unknown_sensitivity": (p) => `${p.value} não é uma sensibilidade adicional de ${p.policy}.`,
  "documents.expiry": (p) => `${p.day} não é um dia de hoje em diante (AAAA-MM-DD).`,
};

const fr: Catalogue = {
  "documents.subject_not_found": (p) =>
    `Votre organisation n'a pas de ${p.kind} ${p.id} auquel le document puisse appartenir.`,
  "documents.label_json": (p) => `Le marquage n'est pas un marquage en JSON : ${p.problem}.`,
  "documents.cli.column.marking": () => "marquage",
  "documents.cli.column.version": () => "version",
  "documents.cli.verified": (p) =>
    `La liaison tient : contenu et marquage inchangés, signés par la clé ${p.fingerprint}.\n${p.marking}`,
  "documents.cli.problem.content-changed": (p) => `Le contenu n'est pas celui qui a été lié : ${p.detail}`,
  "documents.cli.problem.label-changed": (p) => `Le marquage n'est pas celui qui a été signé : ${p.detail}`,
  "documents.cli.problem.signature-invalid": (p) => `La signature ne tient pas : ${p.detail}`,
  "documents.cli.problem.untrusted-key": (p) => `Signé par une clé qui n'est pas celle de ce Concord : ${p.detail}`,
  "documents.cli.problem.malformed": (p) => `Ce n'est pas une liaison que Concord sait lire : ${p.detail}`,
  "cli.help_documents": () => `
Documents marqués :
  concord documents [--organization ORG] [--json]  les documents d'une bibliothèque et leur marquage
  concord documents verify <FICHIER> <LIAISON>     vérifie un fichier par sa liaison STANAG 4778 :
                                                   contenu, marquage et signature de Concord
  concord label show <MARQUAGE.XML>                le marquage affiché d'une étiquette STANAG 4774`,
  "documents.reading": () => "consulter des documents marqués",
  "documents.uploading": () => "ajouter des documents marqués",
  "documents.explaining": () => "demander pourquoi un lecteur ne peut pas voir un document (son émetteur seulement)",
  "documents.clearances": () => "administrer les habilitations de sécurité",
  "documents.loading_policies": () => "charger des politiques de sécurité",
  "documents.not_found": (p) => `Il n'y a pas de document ${p.id} dans votre bibliothèque.`,
  "documents.version_not_found": (p) => `Le document ${p.id} n'a pas de version ${p.version} que vous puissiez voir.`,
  "documents.reader_not_found": (p) => `Aucun compte ${p.reader} ne lit cette bibliothèque.`,
  "documents.account_not_found": (p) => `Aucun compte ${p.account} dans votre organisation.`,
  "documents.clearance_not_found": (p) => `Le compte n'a pas d'habilitation dans la politique ${p.policy}.`,
  "documents.organization_required": () => "Indiquez l'organisation à qui appartient cette bibliothèque.",
  "documents.title_required": () => "Donnez au document un titre dans au moins une langue.",
  "documents.text_too_long": (p) => `dépasse ${p.max} caractères`,
  "documents.language": (p) => `« ${p.lang} » n'est ni en, ni es, ni pt, ni fr.`,
  "documents.file_required": () => "Envoyez le document dans le champ file du formulaire.",
  "documents.file_empty": () => "Le fichier est vide.",
  "documents.file_name": (p) => `Le fichier doit avoir un nom d'au plus ${p.max} caractères.`,
  "documents.file_too_large": (p) => `Le fichier dépasse ${p.mebibytes} Mio.`,
  "documents.media_type": (p) =>
    `Une bibliothèque conserve des PDF, des documents bureautiques, du texte et des images, pas ${p.type}.`,
  "documents.label_format": () => "Le marquage n'est ni du XML STANAG 4774 ni un objet JSON.",
  "documents.label_invalid": (p) => `Le marquage n'est pas valable selon sa politique : ${p.problems}.`,
  "documents.label_excludes_you": () =>
    "Avec ce marquage, vous ne pourriez pas lire le document vous-même : choisissez-en un que votre habilitation et votre nation permettent.",
  "documents.no_default_label": (p) =>
    `${p.organization} n'a pas de politique de sécurité propre, donc pas de marquage par défaut : indiquez-en un.`,
  "documents.query_too_long": (p) => `La recherche dépasse ${p.max} caractères.`,
  "documents.cursor": () => "Ce n'est pas un marque-page donné par Concord.",
  "documents.subject": () =>
    "Indiquez à quoi appartient le document (proposal, programme, exchange-return) et son identifiant.",
  "documents.multipart": () => "Envoyez le document en multipart/form-data.",
  "documents.field_text": (p) => `Le champ ${p.field} doit être du texte, pas un fichier.`,
  "documents.binding_required": () =>
    "Envoyez la liaison (le fichier .binding.xml) dans le champ binding du formulaire.",
  "documents.compilation_size": () => "Une compilation compte entre 1 et 100 marquages.",
  "documents.compilation_policies": () => "On ne peut pas compiler en un seul des marquages de politiques différentes.",
  "documents.unknown_policy": (p) => `Aucune politique de sécurité n'a l'identifiant ${p.policy}.`,
  "documents.unknown_classification": (p) => `${p.classification} n'est pas une classification de ${p.policy}.`,
  "documents.unknown_sensitivity": (p) => `${p.value} n'est pas une sensibilité supplémentaire de ${p.policy}.`,
  "documents.expiry": (p) => `${p.day} n'est pas un jour à partir d'aujourd'hui (AAAA-MM-JJ).`,
};

export const documentMessages: { en: typeof en; es: Catalogue; pt: Catalogue; fr: Catalogue } = { en, es, pt, fr };
