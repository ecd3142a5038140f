/**
 * Concord's words about the annual information exchanges in the four languages: the refusals of
 * a return (`RETURN_ERROR_PARAMS` in src/domain/exchanges.ts, one key each) and the service's.
 * Spread into each language's catalogue like ./disputes.ts.
 */
type N = string | number;

const en = {
  "exchanges.cli.column.state": () => "state",
  "exchanges.cli.column.status": () => "status",
  "exchanges.cli.column.submitted": () => "first submitted",
  "exchanges.cli.column.regime": () => "regime",
  "exchanges.cli.column.forms": () => "forms",
  "exchanges.cli.column.year": () => "latest year",
  "exchanges.cli.column.due": () => "due",
  "exchanges.status.on-time": () => "on time",
  "exchanges.status.late": () => "late",
  "exchanges.status.missing": () => "missing",
  "exchanges.status.not-yet-due": () => "not yet due",
  "exchanges.status.participants": () => "participants",
  "exchanges.reading": () => "reading the information exchanges",
  "exchanges.reading_returns": (p: { regime: string }) => `reading the returns of ${p.regime}`,
  "exchanges.writing_return": (p: { state: string }) => `filling in ${p.state}'s return`,
  "exchanges.regime_not_found": (p: { code: string }) => `No exchange regime has the code ${p.code}.`,
  "exchanges.return_not_found": (p: { id: string }) => `No return has the id ${p.id}.`,
  "exchanges.no_draft": (p: { state: string; year: number }) =>
    `${p.state} has no draft return for ${p.year} to submit: save one first.`,
  "exchanges.no_form_for_year": (p: { regime: string; year: number }) =>
    `${p.regime} has no form in force for the reporting year ${p.year}.`,
  "exchanges.not_a_participant": (p: { state: string; regime: string; year: number }) =>
    `${p.state} does not take part in ${p.regime} for ${p.year} (the registry, on the reporting day).`,
  "exchanges.values_shape": () => "must be an object with the form's fields under `fields`",
  "exchanges.form_not_in_force": (p: { form: string; regime: string; year: number }) =>
    `${p.form} is not a form of ${p.regime} in force for ${p.year}`,
  "exchanges.years_span": (p: { maximum: number }) => `may span at most ${p.maximum} years`,
  "exchanges.values_too_large": (p: { maximum: number }) =>
    `is too long: a return holds at most ${p.maximum} characters of JSON`,
  "exchanges.return.required": () => "is required by the form",
  "exchanges.return.unknown_field": () => "is not a field of this form",
  "exchanges.return.not_a_number": () => "must be a number",
  "exchanges.return.not_an_integer": () => "must be a whole number",
  "exchanges.return.negative": () => "must not be negative",
  "exchanges.return.too_many_decimals": (p: { decimals: N }) => `must have at most ${p.decimals} decimal places`,
  "exchanges.return.too_large": (p: { max: N }) => `is too large (at most ${p.max})`,
  "exchanges.return.below_min": (p: { min: N }) => `must be at least ${p.min}`,
  "exchanges.return.above_max": (p: { max: N }) => `must be at most ${p.max}`,
  "exchanges.return.not_text": () => "must be text",
  "exchanges.return.text_too_long": (p: { max: N }) => `must be at most ${p.max} characters`,
  "exchanges.return.not_a_choice": (p: { value: N }) => `"${p.value}" is not one of the field's options`,
  "exchanges.return.choice_repeated": (p: { value: N }) => `"${p.value}" is given twice`,
  "exchanges.return.currency_missing": () => "amounts need their currency (an ISO 4217 code such as COP)",
  "exchanges.return.currency_invalid": (p: { currency: N }) =>
    `"${p.currency}" is not a currency code (three capital letters, ISO 4217)`,
  "exchanges.return.scale_invalid": (p: { scale: N }) => `${p.scale} is not 1, 1000, 1000000 or 1000000000`,
  "exchanges.return.unit_missing": () => "needs its unit",
  "exchanges.return.unit_not_allowed": (p: { unit: N; allowed: N }) =>
    `"${p.unit}" is not one of the units allowed (${p.allowed})`,
  "exchanges.return.unit_unexpected": () => "takes no unit from the return: the form fixes it",
  "exchanges.return.not_for_this_form": () => "does not apply to this form (it has no amounts)",
  "exchanges.return.nil_not_allowed": () => "this form takes no nil reports",
  "exchanges.return.nil_with_values": () => "a nil report gives no values",
  "exchanges.return.total_mismatch": (p: { expected: N; given: N; difference: N; tolerance: N }) =>
    `is ${p.given}, but its parts add up to ${p.expected} (${p.difference} apart; the form allows ${p.tolerance})`,
  "exchanges.return.year_invalid": (p: { year: N }) => `${p.year} is not a reporting year`,
  "exchanges.return.year_before_regime": (p: { year: N; first: N }) =>
    `${p.year} is before the regime's first reporting year (${p.first})`,
  "exchanges.return.year_in_future": (p: { year: N; latest: N }) =>
    `${p.year} cannot be reported yet: the latest reporting year is ${p.latest}`,
  "exchanges.return.form_not_yet_in_force": (p: { year: N; version: N; from: N }) =>
    `version ${p.version} of the form applies from ${p.from}, not to ${p.year}`,
  "exchanges.return.form_no_longer_in_force": (p: { year: N; version: N; until: N }) =>
    `version ${p.version} of the form applies until ${p.until}, not to ${p.year}`,
  "cli.help_exchanges": () => `
Information exchanges:
  concord exchanges [--json]                     the regimes, their forms and next deadlines
  concord exchanges compliance <REGIME> <YEAR> [--at DATE] [--json]
                                                 who submitted on time, late, or not at all
  concord return show <REGIME> <STATE> <YEAR> [--json]
                                                 a state's return and its earlier versions
  concord return submit <REGIME> <STATE> <YEAR> --file values.json
                                                 records a return a state gave in writing; every
                                                 field the form refuses is named`,
};

type Catalogue = { [K in keyof typeof en]: (typeof en)[K] };

const es: Catalogue = {
  "exchanges.cli.column.state": () => "Estado",
  "exchanges.cli.column.status": () => "situación",
  "exchanges.cli.column.submitted": () => "primer envío",
  "exchanges.cli.column.regime": () => "régimen",
  "exchanges.cli.column.forms": () => "formularios",
  "exchanges.cli.column.year": () => "último año",
  "exchanges.cli.column.due": () => "plazo",
  "exchanges.status.on-time": () => "a tiempo",
  "exchanges.status.late": () => "tarde",
  "exchanges.status.missing": () => "falta",
  "exchanges.status.not-yet-due": () => "aún no vence",
  "exchanges.status.participants": () => "participantes",
  "exchanges.reading": () => "leer los intercambios de información",
  "exchanges.reading_returns": (p) => `leer los informes de ${p.regime}`,
  "exchanges.writing_return": (p) => `rellenar el informe de ${p.state}`,
  "exchanges.regime_not_found": (p) => `Ningún régimen de intercambio tiene el código ${p.code}.`,
  "exchanges.return_not_found": (p) => `Ningún informe tiene el identificador ${p.id}.`,
  "exchanges.no_draft": (p) =>
    `${p.state} no tiene un borrador de informe de ${p.year} que enviar: guarde uno primero.`,
  "exchanges.no_form_for_year": (p) => `${p.regime} no tiene formulario vigente para el año ${p.year}.`,
  "exchanges.not_a_participant": (p) =>
    `${p.state} no participa en ${p.regime} para ${p.year} (según el registro, el día de referencia).`,
  "exchanges.values_shape": () => "debe ser un objeto con los campos del formulario en `fields`",
  "exchanges.form_not_in_force": (p) => `${p.form} no es un formulario de ${p.regime} vigente para ${p.year}`,
  "exchanges.years_span": (p) => `puede abarcar como máximo ${p.maximum} años`,
  "exchanges.values_too_large": (p) =>
    `es demasiado largo: un informe tiene como máximo ${p.maximum} caracteres de JSON`,
  "exchanges.return.required": () => "es obligatorio en el formulario",
  "exchanges.return.unknown_field": () => "no es un campo de este formulario",
  "exchanges.return.not_a_number": () => "debe ser un número",
  "exchanges.return.not_an_integer": () => "debe ser un número entero",
  "exchanges.return.negative": () => "no debe ser negativo",
  "exchanges.return.too_many_decimals": (p) => `debe tener como máximo ${p.decimals} decimales`,
  "exchanges.return.too_large": (p) => `es demasiado grande (como máximo ${p.max})`,
  "exchanges.return.below_min": (p) => `debe ser al menos ${p.min}`,
  "exchanges.return.above_max": (p) => `debe ser como máximo ${p.max}`,
  "exchanges.return.not_text": () => "debe ser texto",
  "exchanges.return.text_too_long": (p) => `debe tener como máximo ${p.max} caracteres`,
  "exchanges.return.not_a_choice": (p) => `"${p.value}" no es una de las opciones del campo`,
  "exchanges.return.choice_repeated": (p) => `"${p.value}" aparece dos veces`,
  "exchanges.return.currency_missing": () => "los importes necesitan su moneda (un código ISO 4217 como COP)",
  "exchanges.return.currency_invalid": (p) => `"${p.currency}" no es un código de moneda (tres mayúsculas, ISO 4217)`,
  "exchanges.return.scale_invalid": (p) => `${p.scale} no es 1, 1000, 1000000 ni 1000000000`,
  "exchanges.return.unit_missing": () => "necesita su unidad",
  "exchanges.return.unit_not_allowed": (p) => `"${p.unit}" no es una de las unidades admitidas (${p.allowed})`,
  "exchanges.return.unit_unexpected": () => "no admite unidad en el informe: el formulario la fija",
  "exchanges.return.not_for_this_form": () => "no se aplica a este formulario (no tiene importes)",
  "exchanges.return.nil_not_allowed": () => "este formulario no admite informes en cero",
  "exchanges.return.nil_with_values": () => "un informe en cero no da valores",
  "exchanges.return.total_mismatch": (p) =>
    `es ${p.given}, pero sus partes suman ${p.expected} (${p.difference} de diferencia; el formulario admite ${p.tolerance})`,
  "exchanges.return.year_invalid": (p) => `${p.year} no es un año de informe`,
  "exchanges.return.year_before_regime": (p) => `${p.year} es anterior al primer año del régimen (${p.first})`,
  "exchanges.return.year_in_future": (p) =>
    `${p.year} aún no puede informarse: el último año de informe es ${p.latest}`,
  "exchanges.return.form_not_yet_in_force": (p) =>
    `la versión ${p.version} del formulario se aplica desde ${p.from}, no a ${p.year}`,
  "exchanges.return.form_no_longer_in_force": (p) =>
    `la versión ${p.version} del formulario se aplica hasta ${p.until}, no a ${p.year}`,
  "cli.help_exchanges": () => `
Intercambios de información:
  concord exchanges [--json]                     los regímenes, sus formularios y próximos plazos
  concord exchanges compliance <RÉGIMEN> <AÑO> [--at FECHA] [--json]
                                                 quién informó a tiempo, tarde o no informó
  concord return show <RÉGIMEN> <ESTADO> <AÑO> [--json]
                                                 el informe de un Estado y sus versiones anteriores
  concord return submit <RÉGIMEN> <ESTADO> <AÑO> --file valores.json
                                                 registra un informe entregado por escrito; se
                                                 nombra cada campo que el formulario rechaza`,
};

const pt: Catalogue = {
  "exchanges.cli.column.state": () => "Estado",
  "exchanges.cli.column.status": () => "situação",
  "exchanges.cli.column.submitted": () => "primeiro envio",
  "exchanges.cli.column.regime": () => "regime",
  "exchanges.cli.column.forms": () => "formulários",
  "exchanges.cli.column.year": () => "último ano",
  "exchanges.cli.column.due": () => "prazo",
  "exchanges.status.on-time": () => "a tempo",
  "exchanges.status.late": () => "com atraso",
  "exchanges.status.missing": () => "em falta",
  "exchanges.status.not-yet-due": () => "ainda não vence",
  "exchanges.status.participants": () => "participantes",
  "exchanges.reading": () => "ler os intercâmbios de informação",
  "exchanges.reading_returns": (p) => `ler os relatórios de ${p.regime}`,
  "exchanges.writing_return": (p) => `preencher o relatório de ${p.state}`,
  "exchanges.regime_not_found": (p) => `Nenhum regime de intercâmbio tem o código ${p.code}.`,
  "exchanges.return_not_found": (p) => `Nenhum relatório tem o identificador ${p.id}.`,
  "exchanges.no_draft": (p) => `${p.state} não tem rascunho de relatório de ${p.year} para enviar: salve um primeiro.`,
  "exchanges.no_form_for_year": (p) => `${p.regime} não tem formulário em vigor para o ano ${p.year}.`,
  "exchanges.not_a_participant": (p) =>
    `${p.state} não participa em ${p.regime} para ${p.year} (segundo o registro, no dia de referência).`,
  "exchanges.values_shape": () => "deve ser um objeto com os campos do formulário em `fields`",
  "exchanges.form_not_in_force": (p) => `${p.form} não é um formulário de ${p.regime} em vigor para ${p.year}`,
  "exchanges.years_span": (p) => `pode abranger no máximo ${p.maximum} anos`,
  "exchanges.values_too_large": (p) => `é longo demais: um relatório tem no máximo ${p.maximum} caracteres de JSON`,
  "exchanges.return.required": () => "é obrigatório no formulário",
  "exchanges.return.unknown_field": () => "não é um campo deste formulário",
  "exchanges.return.not_a_number": () => "deve ser um número",
  "exchanges.return.not_an_integer": () => "deve ser um número inteiro",
  "exchanges.return.negative": () => "não deve ser negativo",
  "exchanges.return.too_many_decimals": (p) => `deve ter no máximo ${p.decimals} casas decimais`,
  "exchanges.return.too_large": (p) => `é grande demais (no máximo ${p.max})`,
  "exchanges.return.below_min": (p) => `deve ser pelo menos ${p.min}`,
  "exchanges.return.above_max": (p) => `deve ser no máximo ${p.max}`,
  "exchanges.return.not_text": () => "deve ser texto",
  "exchanges.return.text_too_long": (p) => `deve ter no máximo ${p.max} caracteres`,
  "exchanges.return.not_a_choice": (p) => `"${p.value}" não é uma das opções do campo`,
  "exchanges.return.choice_repeated": (p) => `"${p.value}" aparece duas vezes`,
  "exchanges.return.currency_missing": () => "os valores precisam da sua moeda (um código ISO 4217 como COP)",
  "exchanges.return.currency_invalid": (p) => `"${p.currency}" não é um código de moeda (três maiúsculas, ISO 4217)`,
  "exchanges.return.scale_invalid": (p) => `${p.scale} não é 1, 1000, 1000000 nem 1000000000`,
  "exchanges.return.unit_missing": () => "precisa da sua unidade",
  "exchanges.return.unit_not_allowed": (p) => `"${p.unit}" não é uma das unidades admitidas (${p.allowed})`,
  "exchanges.return.unit_unexpected": () => "não recebe unidade do relatório: o formulário a fixa",
  "exchanges.return.not_for_this_form": () => "não se aplica a este formulário (não tem valores monetários)",
  "exchanges.return.nil_not_allowed": () => "este formulário não aceita relatórios nulos",
  "exchanges.return.nil_with_values": () => "um relatório nulo não dá valores",
  "exchanges.return.total_mismatch": (p) =>
    `é ${p.given}, mas as suas partes somam ${p.expected} (${p.difference} de diferença; o formulário admite ${p.tolerance})`,
  "exchanges.return.year_invalid": (p) => `${p.year} não é um ano de relatório`,
  "exchanges.return.year_before_regime": (p) => `${p.year} é anterior ao primeiro ano do regime (${p.first})`,
  "exchanges.return.year_in_future": (p) => `${p.year} ainda não pode ser relatado: o último ano é ${p.latest}`,
  "exchanges.return.form_not_yet_in_force": (p) =>
    `a versão ${p.version} do formulário aplica-se a partir de ${p.from}, não a ${p.year}`,
  "exchanges.return.form_no_longer_in_force": (p) =>
    `a versão ${p.version} do formulário aplica-se até ${p.until}, não a ${p.year}`,
  "cli.help_exchanges": () => `
Intercâmbios de informação:
  concord exchanges [--json]                     os regimes, os seus formulários e próximos prazos
  concord exchanges compliance <REGIME> <ANO> [--at DATA] [--json]
                                                 quem enviou a tempo, com atraso ou não enviou
  concord return show <REGIME> <ESTADO> <ANO> [--json]
                                                 o relatório de um Estado e as suas versões anteriores
  concord return submit <REGIME> <ESTADO> <ANO> --file valores.json
                                                 registra um relatório entregue por escrito; cada
                                                 campo que o formulário recusa é nomeado`,
};

const fr: Catalogue = {
  "exchanges.cli.column.state": () => "État",
  "exchanges.cli.column.status": () => "situation",
  "exchanges.cli.column.submitted": () => "première remise",
  "exchanges.cli.column.regime": () => "régime",
  "exchanges.cli.column.forms": () => "formulaires",
  "exchanges.cli.column.year": () => "dernière année",
  "exchanges.cli.column.due": () => "échéance",
  "exchanges.status.on-time": () => "à temps",
  "exchanges.status.late": () => "en retard",
  "exchanges.status.missing": () => "manquant",
  "exchanges.status.not-yet-due": () => "pas encore dû",
  "exchanges.status.participants": () => "participants",
  "exchanges.reading": () => "lire les échanges d'informations",
  "exchanges.reading_returns": (p) => `lire les rapports de ${p.regime}`,
  "exchanges.writing_return": (p) => `remplir le rapport de ${p.state}`,
  "exchanges.regime_not_found": (p) => `Aucun régime d'échange n'a le code ${p.code}.`,
  "exchanges.return_not_found": (p) => `Aucun rapport n'a l'identifiant ${p.id}.`,
  "exchanges.no_draft": (p) =>
    `${p.state} n'a pas de brouillon de rapport pour ${p.year} à soumettre : enregistrez-en un d'abord.`,
  "exchanges.no_form_for_year": (p) => `${p.regime} n'a pas de formulaire en vigueur pour l'année ${p.year}.`,
  "exchanges.not_a_participant": (p) =>
    `${p.state} ne participe pas à ${p.regime} pour ${p.year} (selon le registre, au jour de référence).`,
  "exchanges.values_shape": () => "doit être un objet portant les champs du formulaire sous `fields`",
  "exchanges.form_not_in_force": (p) => `${p.form} n'est pas un formulaire de ${p.regime} en vigueur pour ${p.year}`,
  "exchanges.years_span": (p) => `peut couvrir au plus ${p.maximum} ans`,
  "exchanges.values_too_large": (p) => `est trop long : un rapport compte au plus ${p.maximum} caractères de JSON`,
  "exchanges.return.required": () => "est exigé par le formulaire",
  "exchanges.return.unknown_field": () => "n'est pas un champ de ce formulaire",
  "exchanges.return.not_a_number": () => "doit être un nombre",
  "exchanges.return.not_an_integer": () => "doit être un nombre entier",
  "exchanges.return.negative": () => "ne doit pas être négatif",
  "exchanges.return.too_many_decimals": (p) => `doit avoir au plus ${p.decimals} décimales`,
  "exchanges.return.too_large": (p) => `est trop grand (au plus ${p.max})`,
  "exchanges.return.below_min": (p) => `doit valoir au moins ${p.min}`,
  "exchanges.return.above_max": (p) => `doit valoir au plus ${p.max}`,
  "exchanges.return.not_text": () => "doit être du texte",
  "exchanges.return.text_too_long": (p) => `doit compter au plus ${p.max} caractères`,
  "exchanges.return.not_a_choice": (p) => `« ${p.value} » n'est pas une des options du champ`,
  "exchanges.return.choice_repeated": (p) => `« ${p.value} » figure deux fois`,
  "exchanges.return.currency_missing": () => "les montants demandent leur monnaie (un code ISO 4217 comme COP)",
  "exchanges.return.currency_invalid": (p) =>
    `« ${p.currency} » n'est pas un code de monnaie (trois majuscules, ISO 4217)`,
  "exchanges.return.scale_invalid": (p) => `${p.scale} n'est ni 1, ni 1000, ni 1000000, ni 1000000000`,
  "exchanges.return.unit_missing": () => "demande son unité",
  "exchanges.return.unit_not_allowed": (p) => `« ${p.unit} » n'est pas une des unités admises (${p.allowed})`,
  "exchanges.return.unit_unexpected": () => "ne prend pas d'unité du rapport : le formulaire la fixe",
  "exchanges.return.not_for_this_form": () => "ne s'applique pas à ce formulaire (il n'a pas de montants)",
  "exchanges.return.nil_not_allowed": () => "ce formulaire n'accepte pas de rapport néant",
  "exchanges.return.nil_with_values": () => "un rapport néant ne donne pas de valeurs",
  "exchanges.return.total_mismatch": (p) =>
    `vaut ${p.given}, mais ses parties font ${p.expected} (${p.difference} d'écart ; le formulaire admet ${p.tolerance})`,
  "exchanges.return.year_invalid": (p) => `${p.year} n'est pas une année de rapport`,
  "exchanges.return.year_before_regime": (p) => `${p.year} précède la première année du régime (${p.first})`,
  "exchanges.return.year_in_future": (p) =>
    `${p.year} ne peut pas encore faire l'objet d'un rapport : la dernière année est ${p.latest}`,
  "exchanges.return.form_not_yet_in_force": (p) =>
    `la version ${p.version} du formulaire s'applique à partir de ${p.from}, pas à ${p.year}`,
  "exchanges.return.form_no_longer_in_force": (p) =>
    `la version ${p.version} du formulaire s'applique jusqu'en ${p.until}, pas à ${p.year}`,
  "cli.help_exchanges": () => `
Échanges d'informations :
  concord exchanges [--json]                     les régimes, leurs formulaires et prochaines échéances
  concord exchanges compliance <RÉGIME> <ANNÉE> [--at DATE] [--json]
                                                 qui a remis à temps, en retard ou pas du tout
  concord return show <RÉGIME> <ÉTAT> <ANNÉE> [--json]
                                                 le rapport d'un État et ses versions antérieures
  concord return submit <RÉGIME> <ÉTAT> <ANNÉE> --file valeurs.json
                                                 enregistre un rapport remis par écrit ; chaque
                                                 champ que le formulaire refuse est nommé`,
};

export const exchangeMessages: { en: typeof en; es: Catalogue; pt: Catalogue; fr: Catalogue } = { en, es, pt, fr };
