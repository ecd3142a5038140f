/**
 * Who chairs a body's proposals, as the starter data names them (in English), in each language.
 * The stored label stays as it is; the API and the CLI show the reader's. A label a chair typed
 * that is not here is shown as typed.
 */
import type { Language, Names } from "../languages.ts";

export const CHAIR_LABELS: Record<string, Omit<Names, "en">> = {
  "Secretary General": { es: "Secretario General", pt: "Secretário-Geral", fr: "Secrétaire général" },
  "Assistant Secretary General for Political Affairs and Security Policy": {
    es: "Secretario General Adjunto de Asuntos Políticos y Política de Seguridad",
    pt: "Secretário-Geral Adjunto para Assuntos Políticos e Política de Segurança",
    fr: "Secrétaire général adjoint pour les affaires politiques et la politique de sécurité",
  },
  "Chair of the Permanent Council": {
    es: "Presidencia del Consejo Permanente",
    pt: "Presidência do Conselho Permanente",
    fr: "Présidence du Conseil permanent",
  },
  "President of the General Assembly": {
    es: "Presidencia de la Asamblea General",
    pt: "Presidência da Assembleia Geral",
    fr: "Présidence de l’Assemblée générale",
  },
  "President of the United States": {
    es: "Presidente de los Estados Unidos",
    pt: "Presidente dos Estados Unidos",
    fr: "Président des États-Unis",
  },
  "Pro tempore presidency": {
    es: "Presidencia pro tempore",
    pt: "Presidência pro tempore",
    fr: "Présidence pro tempore",
  },
};

/** The chair's label in `lang`, or as stored when the catalogue does not know it. */
export function chairLabel(label: string, lang: Language): string {
  if (lang === "en" || !Object.hasOwn(CHAIR_LABELS, label)) return label;
  return CHAIR_LABELS[label]?.[lang] ?? label;
}
