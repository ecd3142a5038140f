/**
 * Concord's words about cooperation results in the four languages: spread into each language's
 * catalogue (en.ts, es.ts, pt.ts, fr.ts), so `msg("...")` knows them and messages.test.ts
 * checks them like any other. English defines the keys; the others are typed by it.
 */
const en = {
  // What a refusal says was not allowed ("Your role does not allow …").
  "results.activity_reading": (p: { programme: number }) => `reading the results of programme ${p.programme}`,
  "results.activity_managing": (p: { programme: number }) => `managing the results of programme ${p.programme}`,
  "results.activity_reporting": (p: { indicator: number }) => `reporting on indicator ${p.indicator}`,
  "results.activity_digest": () => "reading a digest",

  "results.programme_not_found": (p: { id: number }) => `No programme has the id ${p.id}.`,
  "results.indicator_not_found": (p: { id: number }) => `No indicator has the id ${p.id}.`,
  "results.period_not_found": (p: { id: number }) => `No reporting period has the id ${p.id}.`,
  "results.update_not_found": (p: { id: number }) => `No indicator update has the id ${p.id}.`,

  "results.goal_not_found": (p: { goalRef: string }) =>
    `no partnership goal of this programme has the reference ${p.goalRef}`,
  "results.ref_taken": (p: { ref: string }) => `another indicator of this programme has the reference ${p.ref}`,
  "results.measure_has_updates": (p: { indicator: number }) =>
    `indicator ${p.indicator} has updates already: its measure can no longer change`,
  "results.not_an_account_of": (p: { account: string; organization: string }) =>
    `${p.account} is not an account of ${p.organization}`,
  "results.end_before_start": (p: { start: string }) => `must not come before the start, ${p.start}`,
  "results.before_programme": (p: { start: string }) => `must not fall before the programme's start, ${p.start}`,
  "results.after_programme": (p: { end: string }) => `must not fall after the programme's end, ${p.end}`,
  "results.period_overlaps": (p: { start: string; end: string }) =>
    `overlaps this indicator's reporting period from ${p.start} to ${p.end}`,
  "results.period_locked": (p: { period: number; start: string; end: string }) =>
    `The reporting period ${p.period} (${p.start} to ${p.end}) is locked: it takes no more updates.`,
  "results.parts_together": () => "give both the numerator and the denominator, or neither",
  "results.percentage_parts": () => "a percentage is reported as a numerator and a denominator",
  "results.denominator_positive": () => "must be greater than 0",
  "results.value_required": (p: { measure: string }) => `an update of a ${p.measure} indicator needs a value`,
  "results.narrative_required": () => "an update of a qualitative indicator needs a narrative",
  "results.author_only": (p: { update: number }) => `Only the author of update ${p.update} may submit it.`,
  "results.cannot_submit": (p: { update: number; status: string }) =>
    `Update ${p.update} is ${p.status}: only a draft or a returned update can be submitted.`,
  "results.cannot_review": (p: { update: number; status: string }) =>
    `Update ${p.update} is ${p.status}: only an update pending approval can be approved or returned.`,
  "results.comment_required": () => "say what should be revised",
  "results.ref_format": () =>
    "must be 1 to 20 letters, digits, dots, hyphens or underscores, starting with a letter or a digit",
  "results.year_range": () => "must be a year from 1900 to 2200",
  "results.number_range": (p: { largest: number }) => `must be a number from -${p.largest} to ${p.largest}`,

  // The IATI export's words (an activity's title and description, in each language).
  "results.iati_title": (p: { kind: string; partner: string; organization: string; start: string; end: string }) =>
    `${p.kind} of ${p.partner} with ${p.organization}, ${p.start} to ${p.end}`,
  "results.iati_description": (p: { kind: string; partner: string; organization: string }) =>
    `The ${p.kind} agreed between ${p.organization} and ${p.partner}: its partnership goals, and the indicators of their results with baselines, targets and approved actuals.`,
};

const es: typeof en = {
  "results.activity_reading": (p) => `leer los resultados del programa ${p.programme}`,
  "results.activity_managing": (p) => `gestionar los resultados del programa ${p.programme}`,
  "results.activity_reporting": (p) => `informar sobre el indicador ${p.indicator}`,
  "results.activity_digest": () => "leer un resumen",

  "results.programme_not_found": (p) => `Ningún programa tiene el id ${p.id}.`,
  "results.indicator_not_found": (p) => `Ningún indicador tiene el id ${p.id}.`,
  "results.period_not_found": (p) => `Ningún periodo de informe tiene el id ${p.id}.`,
  "results.update_not_found": (p) => `Ninguna actualización de indicador tiene el id ${p.id}.`,

  "results.goal_not_found": (p) => `ningún objetivo de asociación de este programa tiene la referencia ${p.goalRef}`,
  "results.ref_taken": (p) => `otro indicador de este programa tiene la referencia ${p.ref}`,
  "results.measure_has_updates": (p) =>
    `el indicador ${p.indicator} ya tiene actualizaciones: su medida ya no puede cambiar`,
  "results.not_an_account_of": (p) => `${p.account} no es una cuenta de ${p.organization}`,
  "results.end_before_start": (p) => `no debe ser anterior al inicio, ${p.start}`,
  "results.before_programme": (p) => `no debe caer antes del inicio del programa, ${p.start}`,
  "results.after_programme": (p) => `no debe caer después del fin del programa, ${p.end}`,
  "results.period_overlaps": (p) => `se solapa con el periodo de informe de este indicador del ${p.start} al ${p.end}`,
  "results.period_locked": (p) =>
    `El periodo de informe ${p.period} (del ${p.start} al ${p.end}) está cerrado: no admite más actualizaciones.`,
  "results.parts_together": () => "indique el numerador y el denominador, o ninguno de los dos",
  "results.percentage_parts": () => "un porcentaje se informa con un numerador y un denominador",
  "results.denominator_positive": () => "debe ser mayor que 0",
  "results.value_required": (p) => `una actualización de un indicador de tipo ${p.measure} necesita un valor`,
  "results.narrative_required": () => "una actualización de un indicador cualitativo necesita un texto",
  "results.author_only": (p) => `Solo el autor de la actualización ${p.update} puede enviarla.`,
  "results.cannot_submit": (p) =>
    `La actualización ${p.update} está en estado ${p.status}: solo un borrador o una actualización devuelta puede enviarse.`,
  "results.cannot_review": (p) =>
    `La actualización ${p.update} está en estado ${p.status}: solo una actualización pendiente de aprobación puede aprobarse o devolverse.`,
  "results.comment_required": () => "indique qué debe revisarse",
  "results.ref_format": () =>
    "debe tener de 1 a 20 letras, cifras, puntos, guiones o guiones bajos, y empezar por una letra o una cifra",
  "results.year_range": () => "debe ser un año entre 1900 y 2200",
  "results.number_range": (p) => `debe ser un número entre -${p.largest} y ${p.largest}`,

  "results.iati_title": (p) => `${p.kind} de ${p.partner} con ${p.organization}, del ${p.start} al ${p.end}`,
  "results.iati_description": (p) =>
    `El ${p.kind} acordado entre ${p.organization} y ${p.partner}: sus objetivos de asociación y los indicadores de sus resultados, con líneas de base, metas y valores reales aprobados.`,
};

const pt: typeof en = {
  "results.activity_reading": (p) => `ler os resultados do programa ${p.programme}`,
  "results.activity_managing": (p) => `gerir os resultados do programa ${p.programme}`,
  "results.activity_reporting": (p) => `relatar sobre o indicador ${p.indicator}`,
  "results.activity_digest": () => "ler um resumo",

  "results.programme_not_found": (p) => `Nenhum programa tem o id ${p.id}.`,
  "results.indicator_not_found": (p) => `Nenhum indicador tem o id ${p.id}.`,
  "results.period_not_found": (p) => `Nenhum período de relato tem o id ${p.id}.`,
  "results.update_not_found": (p) => `Nenhuma atualização de indicador tem o id ${p.id}.`,

  "results.goal_not_found": (p) => `nenhum objetivo de parceria deste programa tem a referência ${p.goalRef}`,
  "results.ref_taken": (p) => `outro indicador deste programa tem a referência ${p.ref}`,
  "results.measure_has_updates": (p) =>
    `o indicador ${p.indicator} já tem atualizações: a sua medida já não pode mudar`,
  "results.not_an_account_of": (p) => `${p.account} não é uma conta de ${p.organization}`,
  "results.end_before_start": (p) => `não deve ser anterior ao início, ${p.start}`,
  "results.before_programme": (p) => `não deve cair antes do início do programa, ${p.start}`,
  "results.after_programme": (p) => `não deve cair depois do fim do programa, ${p.end}`,
  "results.period_overlaps": (p) => `sobrepõe-se ao período de relato deste indicador de ${p.start} a ${p.end}`,
  "results.period_locked": (p) =>
    `O período de relato ${p.period} (de ${p.start} a ${p.end}) está fechado: não aceita mais atualizações.`,
  "results.parts_together": () => "indique o numerador e o denominador, ou nenhum dos dois",
  "results.percentage_parts": () => "uma percentagem é relatada com um numerador e um denominador",
  "results.denominator_positive": () => "deve ser maior que 0",
  "results.value_required": (p) => `uma atualização de um indicador do tipo ${p.measure} precisa de um valor`,
  "results.narrative_required": () => "uma atualização de um indicador qualitativo precisa de um texto",
  "results.author_only": (p) => `Só o autor da atualização ${p.update} a pode submeter.`,
  "results.cannot_submit": (p) =>
    `A atualização ${p.update} está no estado ${p.status}: só um rascunho ou uma atualização devolvida pode ser submetida.`,
  "results.cannot_review": (p) =>
    `A atualização ${p.update} está no estado ${p.status}: só uma atualização pendente de aprovação pode ser aprovada ou devolvida.`,
  "results.comment_required": () => "diga o que deve ser revisto",
  "results.ref_format": () =>
    "deve ter de 1 a 20 letras, algarismos, pontos, hífenes ou sublinhados, começando por uma letra ou um algarismo",
  "results.year_range": () => "deve ser um ano entre 1900 e 2200",
  "results.number_range": (p) => `deve ser um número entre -${p.largest} e ${p.largest}`,

  "results.iati_title": (p) => `${p.kind} de ${p.partner} com ${p.organization}, de ${p.start} a ${p.end}`,
  "results.iati_description": (p) =>
    `O ${p.kind} acordado entre ${p.organization} e ${p.partner}: os seus objetivos de parceria e os indicadores dos seus resultados, com linhas de base, metas e valores reais aprovados.`,
};

const fr: typeof en = {
  "results.activity_reading": (p) => `lire les résultats du programme ${p.programme}`,
  "results.activity_managing": (p) => `gérer les résultats du programme ${p.programme}`,
  "results.activity_reporting": (p) => `rendre compte de l’indicateur ${p.indicator}`,
  "results.activity_digest": () => "lire un récapitulatif",

  "results.programme_not_found": (p) => `Aucun programme n’a l’id ${p.id}.`,
  "results.indicator_not_found": (p) => `Aucun indicateur n’a l’id ${p.id}.`,
  "results.period_not_found": (p) => `Aucune période de rapport n’a l’id ${p.id}.`,
  "results.update_not_found": (p) => `Aucune mise à jour d’indicateur n’a l’id ${p.id}.`,

  "results.goal_not_found": (p) => `aucun objectif de partenariat de ce programme n’a la référence ${p.goalRef}`,
  "results.ref_taken": (p) => `un autre indicateur de ce programme a la référence ${p.ref}`,
  "results.measure_has_updates": (p) =>
    `l’indicateur ${p.indicator} a déjà des mises à jour : sa mesure ne peut plus changer`,
  "results.not_an_account_of": (p) => `${p.account} n’est pas un compte de ${p.organization}`,
  "results.end_before_start": (p) => `ne doit pas précéder le début, ${p.start}`,
  "results.before_programme": (p) => `ne doit pas tomber avant le début du programme, ${p.start}`,
  "results.after_programme": (p) => `ne doit pas tomber après la fin du programme, ${p.end}`,
  "results.period_overlaps": (p) => `chevauche la période de rapport de cet indicateur du ${p.start} au ${p.end}`,
  "results.period_locked": (p) =>
    `La période de rapport ${p.period} (du ${p.start} au ${p.end}) est close : elle n’accepte plus de mises à jour.`,
  "results.parts_together": () => "donnez le numérateur et le dénominateur, ou aucun des deux",
  "results.percentage_parts": () => "un pourcentage se déclare par un numérateur et un dénominateur",
  "results.denominator_positive": () => "doit être supérieur à 0",
  "results.value_required": (p) => `une mise à jour d’un indicateur de type ${p.measure} demande une valeur`,
  "results.narrative_required": () => "une mise à jour d’un indicateur qualitatif demande un texte",
  "results.author_only": (p) => `Seul l’auteur de la mise à jour ${p.update} peut la soumettre.`,
  "results.cannot_submit": (p) =>
    `La mise à jour ${p.update} est à l’état ${p.status} : seul un brouillon ou une mise à jour renvoyée peut être soumis.`,
  "results.cannot_review": (p) =>
    `La mise à jour ${p.update} est à l’état ${p.status} : seule une mise à jour en attente d’approbation peut être approuvée ou renvoyée.`,
  "results.comment_required": () => "indiquez ce qui doit être révisé",
  "results.ref_format": () =>
    "doit compter de 1 à 20 lettres, chiffres, points, tirets ou soulignés, et commencer par une lettre ou un chiffre",
  "results.year_range": () => "doit être une année de 1900 à 2200",
  "results.number_range": (p) => `doit être un nombre de -${p.largest} à ${p.largest}`,

  "results.iati_title": (p) => `${p.kind} de ${p.partner} avec ${p.organization}, du ${p.start} au ${p.end}`,
  "results.iati_description": (p) =>
    `Le ${p.kind} convenu entre ${p.organization} et ${p.partner} : ses objectifs de partenariat et les indicateurs de leurs résultats, avec valeurs de référence, cibles et valeurs réelles approuvées.`,
};

export const resultsMessages: { en: typeof en; es: typeof en; pt: typeof en; fr: typeof en } = {
  en,
  es,
  pt,
  fr,
};
