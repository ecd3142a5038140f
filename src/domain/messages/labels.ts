/**
 * Concord's words about confidentiality labels (src/domain/labels) in the four languages: what
 * is wrong with a label against its policy (`checkLabel`), why a compilation has no dominant
 * label, why a reader may not see a document (`decideAccess`), and why a label in the STANAG 4774
 * XML syntax was refused. Spread into each language's catalogue like ./exchanges.ts.
 */
type N = string | number;

const en = {
  "labels.type.permissive": () => "a permissive category",
  "labels.type.restrictive": () => "a restrictive category",
  "labels.type.informative": () => "an informative category",

  "labels.problem.unknown_policy": (p: { policy: N }) => `No security policy has the identifier ${p.policy}.`,
  "labels.problem.unknown_classification": (p: { classification: N; policy: N }) =>
    `${p.classification} is not a classification of the ${p.policy} policy.`,
  "labels.problem.unknown_category": (p: { tagName: N; policy: N }) =>
    `${p.tagName} is not a category of the ${p.policy} policy.`,
  "labels.problem.category_type": (p: { tagName: N; type: string; expected: string }) =>
    `${p.tagName} is ${p.expected} in its policy, not ${p.type}.`,
  "labels.problem.value_not_in_category": (p: { tagName: N; value: N }) =>
    `"${p.value}" is not one of the values of ${p.tagName}.`,
  "labels.problem.value_not_a_code": (p: { tagName: N; value: N }) =>
    `"${p.value}" cannot be given in ${p.tagName}: give a registry code (COL), an organisation (NATO), its partners (NATO:partners), the partners of one of its frameworks (NATO:pfp) or a group of the policy.`,
  "labels.problem.empty_values": (p: { tagName: N }) => `${p.tagName} has no value: a category needs at least one.`,
  "labels.problem.duplicate_category": (p: { tagName: N }) =>
    `${p.tagName} is given twice: give each category once, with all its values.`,
  "labels.problem.duplicate_value": (p: { tagName: N; value: N }) => `"${p.value}" is given twice in ${p.tagName}.`,
  "labels.problem.too_many_categories": (p: { max: N }) => `A label has at most ${p.max} categories.`,
  "labels.problem.too_many_values": (p: { tagName: N; max: N }) => `${p.tagName} has more than ${p.max} values.`,
  "labels.problem.text_blank": () => "must not be empty",
  "labels.problem.text_padded": () => "must not begin or end with spaces",
  "labels.problem.text_characters": () => "must not contain control characters",
  "labels.problem.text_too_long": (p: { max: N }) => `must be at most ${p.max} characters`,
  "labels.problem.creation_time": (p: { value: N }) =>
    `"${p.value}" is not a date and time with its time zone (ISO 8601, such as 2026-03-01T09:30:00Z).`,
  "labels.problem.day": (p: { value: N }) => `"${p.value}" is not a real day written YYYY-MM-DD.`,
  "labels.problem.originator": (p: { value: N }) => `"${p.value}" is not a registry code (COL, NATO).`,
  "labels.problem.succession_order": (p: { from: N; previous: N }) =>
    `The downgrade of ${p.from} must come after the one of ${p.previous}: downgrades are listed in day order, one a day.`,
  "labels.problem.succession_not_lower": (p: { from: N; classification: N; previous: N }) =>
    `A downgrade lowers the classification: ${p.classification}, in force from ${p.from}, is not lower than ${p.previous}.`,
  "labels.problem.succession_policy": (p: { from: N }) =>
    `The label in force from ${p.from} must follow the same policy as the label it replaces.`,
  "labels.problem.succession_nested": (p: { from: N }) =>
    `The label in force from ${p.from} cannot carry its own review date or downgrades: list every downgrade in the first label.`,
  "labels.problem.too_many_successions": (p: { max: N }) => `A label has at most ${p.max} downgrades.`,

  "labels.dominant.no_parts": () => "A compilation needs at least one labelled part to have a dominant label.",
  "labels.dominant.mixed_policies": (p: { policies: N }) =>
    `Labels of different policies (${p.policies}) cannot be compiled into one label.`,
  "labels.dominant.category_conflict": (p: { tagName: N }) =>
    `The parts disagree on what kind of category ${p.tagName} is, and its policy does not say.`,

  "labels.access.wrong_policy": (p: { labelPolicy: N; policy: N }) =>
    `The label follows the policy ${p.labelPolicy}, not ${p.policy}.`,
  "labels.access.unknown_classification": (p: { classification: N }) =>
    `${p.classification} is not a classification of the label's policy, so nobody may read it.`,
  "labels.access.clearance_missing": (p: { needed: N }) =>
    `Reading it needs a security clearance of ${p.needed} or higher, and the reader holds none in this policy.`,
  "labels.access.clearance_too_low": (p: { held: N; needed: N }) =>
    `Reading it needs a security clearance of ${p.needed} or higher; the reader's is ${p.held}.`,
  "labels.access.sensitivity_missing": (p: { tagName: N; values: string }) =>
    `Reading it needs an authorisation the reader does not hold (${p.tagName}: ${p.values}).`,
  "labels.access.outside_category": (p: { tagName: N; values: string }) =>
    `On the day of reading, the reader's nation and memberships are not within ${p.tagName}: ${p.values}.`,
  "labels.access.no_values": () => "no value",

  "labels.xml.too_large": (p: { max: N }) => `A label in XML may be at most ${p.max} bytes long.`,
  "labels.xml.doctype": () => "A label in XML may not declare a DOCTYPE or entities.",
  "labels.xml.malformed": (p: { line: N; column: N }) =>
    `The label is not well-formed XML (line ${p.line}, column ${p.column}).`,
  "labels.xml.wrong_root": (p: { element: N }) =>
    `The document's root is ${p.element}; a label is an originatorConfidentialityLabel (or ConfidentialityLabel) of STANAG 4774.`,
  "labels.xml.wrong_namespace": (p: { element: N; namespace: N }) =>
    `${p.element} is in the namespace ${p.namespace}, not in that of STANAG 4774 (urn:nato:stanag:4774:confidentialitymetadatalabel:1:0).`,
  "labels.xml.no_namespace": (p: { element: N }) =>
    `${p.element} is in no namespace: a label's elements are in that of STANAG 4774 (urn:nato:stanag:4774:confidentialitymetadatalabel:1:0).`,
  "labels.xml.missing": (p: { element: N; parent: N }) => `${p.parent} lacks its ${p.element}.`,
  "labels.xml.unexpected": (p: { element: N; parent: N }) => `${p.element} is not expected inside ${p.parent}.`,
  "labels.xml.repeated": (p: { element: N; parent: N }) => `${p.element} appears more than once inside ${p.parent}.`,
  "labels.xml.text_unexpected": (p: { parent: N }) => `${p.parent} holds text where only elements belong.`,
  "labels.xml.bad_value": (p: { element: N; value: N }) => `"${p.value}" is not a valid value of ${p.element}.`,
  "labels.xml.unknown_policy_name": (p: { name: N }) =>
    `No security policy is named ${p.name}: give the PolicyIdentifier the policy's URI.`,
  "labels.xml.unwritable_text": (p: { field: N }) =>
    `The label cannot be written in XML: ${p.field} is empty, begins or ends with spaces, or holds characters XML cannot carry.`,
  "labels.xml.unwritable_value": (p: { field: N; value: N }) =>
    `The label cannot be written in XML: "${p.value}" is not a valid ${p.field}.`,
  "labels.xml.unwritable_policy": (p: { policy: N; expected: N }) =>
    `The label follows the policy ${p.policy}, not ${p.expected}, which was given to write it.`,
  "labels.xml.unwritable_succession": (p: { from: N }) =>
    `The label in force from ${p.from} cannot be written: it must follow the same policy and carry no review date or downgrades of its own.`,
};

type Catalogue = { [K in keyof typeof en]: (typeof en)[K] };

const es: Catalogue = {
  "labels.type.permissive": () => "una categoría permisiva",
  "labels.type.restrictive": () => "una categoría restrictiva",
  "labels.type.informative": () => "una categoría informativa",

  "labels.problem.unknown_policy": (p) => `Ninguna política de seguridad tiene el identificador ${p.policy}.`,
  "labels.problem.unknown_classification": (p) =>
    `${p.classification} no es una clasificación de la política ${p.policy}.`,
  "labels.problem.unknown_category": (p) => `${p.tagName} no es una categoría de la política ${p.policy}.`,
  "labels.problem.category_type": (p) => `${p.tagName} es ${p.expected} en su política, no ${p.type}.`,
  "labels.problem.value_not_in_category": (p) => `"${p.value}" no es uno de los valores de ${p.tagName}.`,
  "labels.problem.value_not_a_code": (p) =>
    `"${p.value}" no puede figurar en ${p.tagName}: indique un código del registro (COL), una organización (NATO), sus socios (NATO:partners), los socios de uno de sus marcos (NATO:pfp) o un grupo de la política.`,
  "labels.problem.empty_values": (p) => `${p.tagName} no tiene ningún valor: una categoría necesita al menos uno.`,
  "labels.problem.duplicate_category": (p) =>
    `${p.tagName} figura dos veces: indique cada categoría una sola vez, con todos sus valores.`,
  "labels.problem.duplicate_value": (p) => `"${p.value}" figura dos veces en ${p.tagName}.`,
  "labels.problem.too_many_categories": (p) => `Una etiqueta tiene como máximo ${p.max} categorías.`,
  "labels.problem.too_many_values": (p) => `${p.tagName} tiene más de ${p.max} valores.`,
  "labels.problem.text_blank": () => "no puede estar vacío",
  "labels.problem.text_padded": () => "no puede empezar ni terminar con espacios",
  "labels.problem.text_characters": () => "no puede contener caracteres de control",
  "labels.problem.text_too_long": (p) => `debe tener como máximo ${p.max} caracteres`,
  "labels.problem.creation_time": (p) =>
    `"${p.value}" no es una fecha y hora con su zona horaria (ISO 8601, como 2026-03-01T09:30:00Z).`,
  "labels.problem.day": (p) => `"${p.value}" no es un día real escrito AAAA-MM-DD.`,
  "labels.problem.originator": (p) => `"${p.value}" no es un código del registro (COL, NATO).`,
  "labels.problem.succession_order": (p) =>
    `La desclasificación del ${p.from} debe venir después de la del ${p.previous}: las desclasificaciones se indican por orden de fecha, una por día.`,
  "labels.problem.succession_not_lower": (p) =>
    `Una desclasificación rebaja la clasificación: ${p.classification}, vigente desde el ${p.from}, no es inferior a ${p.previous}.`,
  "labels.problem.succession_policy": (p) =>
    `La etiqueta vigente desde el ${p.from} debe seguir la misma política que la etiqueta a la que sustituye.`,
  "labels.problem.succession_nested": (p) =>
    `La etiqueta vigente desde el ${p.from} no puede llevar su propia fecha de revisión ni sus propias desclasificaciones: indique todas las desclasificaciones en la primera etiqueta.`,
  "labels.problem.too_many_successions": (p) => `Una etiqueta tiene como máximo ${p.max} desclasificaciones.`,

  "labels.dominant.no_parts": () =>
    "Una compilación necesita al menos una parte etiquetada para tener una etiqueta dominante.",
  "labels.dominant.mixed_policies": (p) =>
    `Las etiquetas de políticas distintas (${p.policies}) no pueden reunirse en una sola etiqueta.`,
  "labels.dominant.category_conflict": (p) =>
    `Las partes no coinciden en qué tipo de categoría es ${p.tagName}, y su política no lo dice.`,

  "labels.access.wrong_policy": (p) => `La etiqueta sigue la política ${p.labelPolicy}, no ${p.policy}.`,
  "labels.access.unknown_classification": (p) =>
    `${p.classification} no es una clasificación de la política de la etiqueta, así que nadie puede leerlo.`,
  "labels.access.clearance_missing": (p) =>
    `Para leerlo se necesita una habilitación de seguridad de ${p.needed} o superior, y el lector no tiene ninguna en esta política.`,
  "labels.access.clearance_too_low": (p) =>
    `Para leerlo se necesita una habilitación de seguridad de ${p.needed} o superior; la del lector es ${p.held}.`,
  "labels.access.sensitivity_missing": (p) =>
    `Para leerlo se necesita una autorización que el lector no tiene (${p.tagName}: ${p.values}).`,
  "labels.access.outside_category": (p) =>
    `El día de la lectura, la nación y las pertenencias del lector no están dentro de ${p.tagName}: ${p.values}.`,
  "labels.access.no_values": () => "ningún valor",

  "labels.xml.too_large": (p) => `Una etiqueta en XML puede tener como máximo ${p.max} bytes.`,
  "labels.xml.doctype": () => "Una etiqueta en XML no puede declarar un DOCTYPE ni entidades.",
  "labels.xml.malformed": (p) => `La etiqueta no es XML bien formado (línea ${p.line}, columna ${p.column}).`,
  "labels.xml.wrong_root": (p) =>
    `La raíz del documento es ${p.element}; una etiqueta es un originatorConfidentialityLabel (o ConfidentialityLabel) del STANAG 4774.`,
  "labels.xml.wrong_namespace": (p) =>
    `${p.element} está en el espacio de nombres ${p.namespace}, no en el del STANAG 4774 (urn:nato:stanag:4774:confidentialitymetadatalabel:1:0).`,
  "labels.xml.no_namespace": (p) =>
    `${p.element} no está en ningún espacio de nombres: los elementos de una etiqueta están en el del STANAG 4774 (urn:nato:stanag:4774:confidentialitymetadatalabel:1:0).`,
  "labels.xml.missing": (p) => `A ${p.parent} le falta su ${p.element}.`,
  "labels.xml.unexpected": (p) => `${p.element} no se espera dentro de ${p.parent}.`,
  "labels.xml.repeated": (p) => `${p.element} aparece más de una vez dentro de ${p.parent}.`,
  "labels.xml.text_unexpected": (p) => `${p.parent} contiene texto donde solo caben elementos.`,
  "labels.xml.bad_value": (p) => `"${p.value}" no es un valor válido de ${p.element}.`,
  "labels.xml.unknown_policy_name": (p) =>
    `Ninguna política de seguridad se llama ${p.name}: indique en PolicyIdentifier el URI de la política.`,
  "labels.xml.unwritable_text": (p) =>
    `La etiqueta no puede escribirse en XML: ${p.field} está vacío, empieza o termina con espacios, o contiene caracteres que XML no admite.`,
  "labels.xml.unwritable_value": (p) =>
    `La etiqueta no puede escribirse en XML: "${p.value}" no es un valor válido de ${p.field}.`,
  "labels.xml.unwritable_policy": (p) =>
    `La etiqueta sigue la política ${p.policy}, no ${p.expected}, que es la indicada para escribirla.`,
  "labels.xml.unwritable_succession": (p) =>
    `La etiqueta vigente desde el ${p.from} no puede escribirse: debe seguir la misma política y no llevar fecha de revisión ni desclasificaciones propias.`,
};

const pt: Catalogue = {
  "labels.type.permissive": () => "uma categoria permissiva",
  "labels.type.restrictive": () => "uma categoria restritiva",
  "labels.type.informative": () => "uma categoria informativa",

  "labels.problem.unknown_policy": (p) => `Nenhuma política de segurança tem o identificador ${p.policy}.`,
  "labels.problem.unknown_classification": (p) =>
    `${p.classification} não é uma classificação da política ${p.policy}.`,
  "labels.problem.unknown_category": (p) => `${p.tagName} não é uma categoria da política ${p.policy}.`,
  "labels.problem.category_type": (p) => `${p.tagName} é ${p.expected} na sua política, não ${p.type}.`,
  "labels.problem.value_not_in_category": (p) => `"${p.value}" não é um dos valores de ${p.tagName}.`,
  "labels.problem.value_not_a_code": (p) =>
    `"${p.value}" não pode constar de ${p.tagName}: indique um código do registo (COL), uma organização (NATO), os seus parceiros (NATO:partners), os parceiros de um dos seus quadros (NATO:pfp) ou um grupo da política.`,
  "labels.problem.empty_values": (p) => `${p.tagName} não tem nenhum valor: uma categoria precisa de pelo menos um.`,
  "labels.problem.duplicate_category": (p) =>
    `${p.tagName} consta duas vezes: indique cada categoria uma só vez, com todos os seus valores.`,
  "labels.problem.duplicate_value": (p) => `"${p.value}" consta duas vezes em ${p.tagName}.`,
  "labels.problem.too_many_categories": (p) => `Uma etiqueta tem no máximo ${p.max} categorias.`,
  "labels.problem.too_many_values": (p) => `${p.tagName} tem mais de ${p.max} valores.`,
  "labels.problem.text_blank": () => "não pode estar vazio",
  "labels.problem.text_padded": () => "não pode começar nem terminar com espaços",
  "labels.problem.text_characters": () => "não pode conter caracteres de controlo",
  "labels.problem.text_too_long": (p) => `deve ter no máximo ${p.max} caracteres`,
  "labels.problem.creation_time": (p) =>
    `"${p.value}" não é uma data e hora com o seu fuso horário (ISO 8601, como 2026-03-01T09:30:00Z).`,
  "labels.problem.day": (p) => `"${p.value}" não é um dia real escrito AAAA-MM-DD.`,
  "labels.problem.originator": (p) => `"${p.value}" não é um código do registo (COL, NATO).`,
  "labels.problem.succession_order": (p) =>
    `A desclassificação de ${p.from} deve vir depois da de ${p.previous}: as desclassificações indicam-se por ordem de data, uma por dia.`,
  "labels.problem.succession_not_lower": (p) =>
    `Uma desclassificação baixa a classificação: ${p.classification}, em vigor desde ${p.from}, não é inferior a ${p.previous}.`,
  "labels.problem.succession_policy": (p) =>
    `A etiqueta em vigor desde ${p.from} deve seguir a mesma política que a etiqueta que substitui.`,
  "labels.problem.succession_nested": (p) =>
    `A etiqueta em vigor desde ${p.from} não pode ter a sua própria data de revisão nem as suas próprias desclassificações: indique todas as desclassificações na primeira etiqueta.`,
  "labels.problem.too_many_successions": (p) => `Uma etiqueta tem no máximo ${p.max} desclassificações.`,

  "labels.dominant.no_parts": () =>
    "Uma compilação precisa de pelo menos uma parte etiquetada para ter uma etiqueta dominante.",
  "labels.dominant.mixed_policies": (p) =>
    `Etiquetas de políticas diferentes (${p.policies}) não podem ser reunidas numa só etiqueta.`,
  "labels.dominant.category_conflict": (p) =>
    `As partes não concordam sobre o tipo de categoria que ${p.tagName} é, e a sua política não o diz.`,

  "labels.access.wrong_policy": (p) => `A etiqueta segue a política ${p.labelPolicy}, não ${p.policy}.`,
  "labels.access.unknown_classification": (p) =>
    `${p.classification} não é uma classificação da política da etiqueta, por isso ninguém o pode ler.`,
  "labels.access.clearance_missing": (p) =>
    `Para o ler é precisa uma credenciação de segurança de ${p.needed} ou superior, e o leitor não tem nenhuma nesta política.`,
  "labels.access.clearance_too_low": (p) =>
    `Para o ler é precisa uma credenciação de segurança de ${p.needed} ou superior; a do leitor é ${p.held}.`,
  "labels.access.sensitivity_missing": (p) =>
    `Para o ler é precisa uma autorização que o leitor não tem (${p.tagName}: ${p.values}).`,
  "labels.access.outside_category": (p) =>
    `No dia da leitura, a nação e as pertenças do leitor não estão dentro de ${p.tagName}: ${p.values}.`,
  "labels.access.no_values": () => "nenhum valor",

  "labels.xml.too_large": (p) => `Uma etiqueta em XML pode ter no máximo ${p.max} bytes.`,
  "labels.xml.doctype": () => "Uma etiqueta em XML não pode declarar um DOCTYPE nem entidades.",
  "labels.xml.malformed": (p) => `A etiqueta não é XML bem formado (linha ${p.line}, coluna ${p.column}).`,
  "labels.xml.wrong_root": (p) =>
    `A raiz do documento é ${p.element}; uma etiqueta é um originatorConfidentialityLabel (ou ConfidentialityLabel) do STANAG 4774.`,
  "labels.xml.wrong_namespace": (p) =>
    `${p.element} está no espaço de nomes ${p.namespace}, não no do STANAG 4774 (urn:nato:stanag:4774:confidentialitymetadatalabel:1:0).`,
  "labels.xml.no_namespace": (p) =>
    `${p.element} não está em nenhum espaço de nomes: os elementos de uma etiqueta estão no do STANAG 4774 (urn:nato:stanag:4774:confidentialitymetadatalabel:1:0).`,
  "labels.xml.missing": (p) => `Falta a ${p.parent} o seu ${p.element}.`,
  "labels.xml.unexpected": (p) => `${p.element} não é esperado dentro de ${p.parent}.`,
  "labels.xml.repeated": (p) => `${p.element} aparece mais de uma vez dentro de ${p.parent}.`,
  "labels.xml.text_unexpected": (p) => `${p.parent} contém texto onde só cabem elementos.`,
  "labels.xml.bad_value": (p) => `"${p.value}" não é um valor válido de ${p.element}.`,
  "labels.xml.unknown_policy_name": (p) =>
    `Nenhuma política de segurança se chama ${p.name}: indique em PolicyIdentifier o URI da política.`,
  "labels.xml.unwritable_text": (p) =>
    `A etiqueta não pode ser escrita em XML: ${p.field} está vazio, começa ou termina com espaços, ou contém caracteres que o XML não admite.`,
  "labels.xml.unwritable_value": (p) =>
    `A etiqueta não pode ser escrita em XML: "${p.value}" não é um valor válido de ${p.field}.`,
  "labels.xml.unwritable_policy": (p) =>
    `A etiqueta segue a política ${p.policy}, não ${p.expected}, que é a indicada para a escrever.`,
  "labels.xml.unwritable_succession": (p) =>
    `A etiqueta em vigor desde ${p.from} não pode ser escrita: deve seguir a mesma política e não ter data de revisão nem desclassificações próprias.`,
};

const fr: Catalogue = {
  "labels.type.permissive": () => "une catégorie permissive",
  "labels.type.restrictive": () => "une catégorie restrictive",
  "labels.type.informative": () => "une catégorie informative",

  "labels.problem.unknown_policy": (p) => `Aucune politique de sécurité n'a l'identifiant ${p.policy}.`,
  "labels.problem.unknown_classification": (p) =>
    `${p.classification} n'est pas une classification de la politique ${p.policy}.`,
  "labels.problem.unknown_category": (p) => `${p.tagName} n'est pas une catégorie de la politique ${p.policy}.`,
  "labels.problem.category_type": (p) => `${p.tagName} est ${p.expected} dans sa politique, pas ${p.type}.`,
  "labels.problem.value_not_in_category": (p) => `« ${p.value} » n'est pas l'une des valeurs de ${p.tagName}.`,
  "labels.problem.value_not_a_code": (p) =>
    `« ${p.value} » ne peut pas figurer dans ${p.tagName} : indiquez un code du registre (COL), une organisation (NATO), ses partenaires (NATO:partners), les partenaires de l'un de ses cadres (NATO:pfp) ou un groupe de la politique.`,
  "labels.problem.empty_values": (p) => `${p.tagName} n'a aucune valeur : une catégorie en demande au moins une.`,
  "labels.problem.duplicate_category": (p) =>
    `${p.tagName} figure deux fois : indiquez chaque catégorie une seule fois, avec toutes ses valeurs.`,
  "labels.problem.duplicate_value": (p) => `« ${p.value} » figure deux fois dans ${p.tagName}.`,
  "labels.problem.too_many_categories": (p) => `Une étiquette a au plus ${p.max} catégories.`,
  "labels.problem.too_many_values": (p) => `${p.tagName} a plus de ${p.max} valeurs.`,
  "labels.problem.text_blank": () => "ne doit pas être vide",
  "labels.problem.text_padded": () => "ne doit ni commencer ni finir par des espaces",
  "labels.problem.text_characters": () => "ne doit pas contenir de caractères de contrôle",
  "labels.problem.text_too_long": (p) => `doit compter au plus ${p.max} caractères`,
  "labels.problem.creation_time": (p) =>
    `« ${p.value} » n'est pas une date et heure avec son fuseau horaire (ISO 8601, comme 2026-03-01T09:30:00Z).`,
  "labels.problem.day": (p) => `« ${p.value} » n'est pas un jour réel écrit AAAA-MM-JJ.`,
  "labels.problem.originator": (p) => `« ${p.value} » n'est pas un code du registre (COL, NATO).`,
  "labels.problem.succession_order": (p) =>
    `Le déclassement du ${p.from} doit venir après celui du ${p.previous} : les déclassements sont indiqués par ordre de date, un par jour.`,
  "labels.problem.succession_not_lower": (p) =>
    `Un déclassement abaisse la classification : ${p.classification}, en vigueur à partir du ${p.from}, n'est pas inférieure à ${p.previous}.`,
  "labels.problem.succession_policy": (p) =>
    `L'étiquette en vigueur à partir du ${p.from} doit suivre la même politique que l'étiquette qu'elle remplace.`,
  "labels.problem.succession_nested": (p) =>
    `L'étiquette en vigueur à partir du ${p.from} ne peut porter ni sa propre date de révision ni ses propres déclassements : indiquez tous les déclassements dans la première étiquette.`,
  "labels.problem.too_many_successions": (p) => `Une étiquette a au plus ${p.max} déclassements.`,

  "labels.dominant.no_parts": () =>
    "Une compilation doit avoir au moins une partie étiquetée pour avoir une étiquette dominante.",
  "labels.dominant.mixed_policies": (p) =>
    `Des étiquettes de politiques différentes (${p.policies}) ne peuvent pas être réunies en une seule étiquette.`,
  "labels.dominant.category_conflict": (p) =>
    `Les parties ne s'accordent pas sur la nature de la catégorie ${p.tagName}, et sa politique ne la précise pas.`,

  "labels.access.wrong_policy": (p) => `L'étiquette suit la politique ${p.labelPolicy}, pas ${p.policy}.`,
  "labels.access.unknown_classification": (p) =>
    `${p.classification} n'est pas une classification de la politique de l'étiquette : personne ne peut donc le lire.`,
  "labels.access.clearance_missing": (p) =>
    `Pour le lire, il faut une habilitation de sécurité de niveau ${p.needed} ou supérieur, et le lecteur n'en a aucune dans cette politique.`,
  "labels.access.clearance_too_low": (p) =>
    `Pour le lire, il faut une habilitation de sécurité de niveau ${p.needed} ou supérieur ; celle du lecteur est ${p.held}.`,
  "labels.access.sensitivity_missing": (p) =>
    `Pour le lire, il faut une autorisation que le lecteur n'a pas (${p.tagName} : ${p.values}).`,
  "labels.access.outside_category": (p) =>
    `Le jour de la lecture, la nation et les appartenances du lecteur ne sont pas comprises dans ${p.tagName} : ${p.values}.`,
  "labels.access.no_values": () => "aucune valeur",

  "labels.xml.too_large": (p) => `Une étiquette en XML compte au plus ${p.max} octets.`,
  "labels.xml.doctype": () => "Une étiquette en XML ne peut déclarer ni DOCTYPE ni entités.",
  "labels.xml.malformed": (p) => `L'étiquette n'est pas du XML bien formé (ligne ${p.line}, colonne ${p.column}).`,
  "labels.xml.wrong_root": (p) =>
    `La racine du document est ${p.element} ; une étiquette est un originatorConfidentialityLabel (ou ConfidentialityLabel) du STANAG 4774.`,
  "labels.xml.wrong_namespace": (p) =>
    `${p.element} est dans l'espace de noms ${p.namespace}, pas dans celui du STANAG 4774 (urn:nato:stanag:4774:confidentialitymetadatalabel:1:0).`,
  "labels.xml.no_namespace": (p) =>
    `${p.element} n'est dans aucun espace de noms : les éléments d'une étiquette sont dans celui du STANAG 4774 (urn:nato:stanag:4774:confidentialitymetadatalabel:1:0).`,
  "labels.xml.missing": (p) => `Il manque à ${p.parent} son ${p.element}.`,
  "labels.xml.unexpected": (p) => `${p.element} n'est pas attendu dans ${p.parent}.`,
  "labels.xml.repeated": (p) => `${p.element} apparaît plus d'une fois dans ${p.parent}.`,
  "labels.xml.text_unexpected": (p) => `${p.parent} contient du texte là où seuls des éléments sont admis.`,
  "labels.xml.bad_value": (p) => `« ${p.value} » n'est pas une valeur valide de ${p.element}.`,
  "labels.xml.unknown_policy_name": (p) =>
    `Aucune politique de sécurité ne s'appelle ${p.name} : indiquez dans PolicyIdentifier l'URI de la politique.`,
  "labels.xml.unwritable_text": (p) =>
    `L'étiquette ne peut pas être écrite en XML : ${p.field} est vide, commence ou finit par des espaces, ou contient des caractères que XML n'admet pas.`,
  "labels.xml.unwritable_value": (p) =>
    `L'étiquette ne peut pas être écrite en XML : « ${p.value} » n'est pas une valeur valide de ${p.field}.`,
  "labels.xml.unwritable_policy": (p) =>
    `L'étiquette suit la politique ${p.policy}, pas ${p.expected}, celle qui a été indiquée pour l'écrire.`,
  "labels.xml.unwritable_succession": (p) =>
    `L'étiquette en vigueur à partir du ${p.from} ne peut pas être écrite : elle doit suivre la même politique et ne porter ni date de révision ni déclassements propres.`,
};

export const labelMessages: { en: typeof en; es: Catalogue; pt: Catalogue; fr: Catalogue } = { en, es, pt, fr };
