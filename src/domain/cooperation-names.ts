/**
 * The names of the areas of cooperation and of the activity types, in every language Concord
 * speaks. Pure: the web app imports it for the menu's filters and headings.
 */
import type { ActivityType, CooperationArea } from "./cooperation.ts";
import type { Language, Names } from "./languages.ts";

export const AREA_NAMES: Record<CooperationArea, Names> = {
  "building-integrity": {
    en: "Building integrity",
    es: "Fortalecimiento de la integridad",
    pt: "Fortalecimento da integridade",
    fr: "Renforcement de l'intégrité",
  },
  "civil-emergency-planning": {
    en: "Civil emergency planning",
    es: "Planificación civil de emergencias",
    pt: "Planeamento civil de emergência",
    fr: "Plans civils d'urgence",
  },
  "civil-military-relations": {
    en: "Civil-military relations",
    es: "Relaciones cívico-militares",
    pt: "Relações civis-militares",
    fr: "Relations civilo-militaires",
  },
  "consultation-command-control": {
    en: "Consultation, command and control",
    es: "Consulta, mando y control",
    pt: "Consulta, comando e controlo",
    fr: "Consultation, commandement et contrôle",
  },
  "counter-terrorism": {
    en: "Counter-terrorism",
    es: "Lucha contra el terrorismo",
    pt: "Luta contra o terrorismo",
    fr: "Lutte contre le terrorisme",
  },
  "counter-ied": {
    en: "Countering improvised explosive devices",
    es: "Lucha contra artefactos explosivos improvisados",
    pt: "Combate a engenhos explosivos improvisados",
    fr: "Lutte contre les engins explosifs improvisés",
  },
  "crisis-management": {
    en: "Crisis management",
    es: "Gestión de crisis",
    pt: "Gestão de crises",
    fr: "Gestion de crise",
  },
  "cyber-defence": {
    en: "Cyber defence",
    es: "Ciberdefensa",
    pt: "Ciberdefesa",
    fr: "Cyberdéfense",
  },
  "defence-education": {
    en: "Defence education",
    es: "Educación en defensa",
    pt: "Educação em defesa",
    fr: "Formation en matière de défense",
  },
  "defence-policy-planning": {
    en: "Defence policy and planning",
    es: "Política y planificación de defensa",
    pt: "Política e planeamento de defesa",
    fr: "Politique et planification de défense",
  },
  "democratic-control": {
    en: "Democratic control of armed forces",
    es: "Control democrático de las fuerzas armadas",
    pt: "Controlo democrático das forças armadas",
    fr: "Contrôle démocratique des forces armées",
  },
  demining: {
    en: "Humanitarian demining",
    es: "Desminado humanitario",
    pt: "Desminagem humanitária",
    fr: "Déminage humanitaire",
  },
  "emerging-security-challenges": {
    en: "Emerging security challenges",
    es: "Desafíos de seguridad emergentes",
    pt: "Desafios de segurança emergentes",
    fr: "Défis de sécurité émergents",
  },
  "energy-security": {
    en: "Energy security",
    es: "Seguridad energética",
    pt: "Segurança energética",
    fr: "Sécurité énergétique",
  },
  "gender-wps": {
    en: "Women, peace and security",
    es: "Mujeres, paz y seguridad",
    pt: "Mulheres, paz e segurança",
    fr: "Femmes, paix et sécurité",
  },
  "human-security": {
    en: "Human security",
    es: "Seguridad humana",
    pt: "Segurança humana",
    fr: "Sécurité humaine",
  },
  "intelligence-sharing": {
    en: "Intelligence sharing",
    es: "Intercambio de inteligencia",
    pt: "Partilha de informações",
    fr: "Partage du renseignement",
  },
  interoperability: {
    en: "Interoperability",
    es: "Interoperabilidad",
    pt: "Interoperabilidade",
    fr: "Interopérabilité",
  },
  "language-training": {
    en: "Language training",
    es: "Formación lingüística",
    pt: "Formação linguística",
    fr: "Formation linguistique",
  },
  "legal-advisors": {
    en: "Legal advisers",
    es: "Asesores jurídicos",
    pt: "Assessores jurídicos",
    fr: "Conseillers juridiques",
  },
  logistics: {
    en: "Logistics",
    es: "Logística",
    pt: "Logística",
    fr: "Logistique",
  },
  "maritime-security": {
    en: "Maritime security",
    es: "Seguridad marítima",
    pt: "Segurança marítima",
    fr: "Sûreté maritime",
  },
  medical: {
    en: "Military medicine",
    es: "Medicina militar",
    pt: "Medicina militar",
    fr: "Médecine militaire",
  },
  "military-education": {
    en: "Military education and training",
    es: "Educación y formación militar",
    pt: "Educação e formação militar",
    fr: "Enseignement et formation militaires",
  },
  "military-exercises": {
    en: "Military exercises",
    es: "Ejercicios militares",
    pt: "Exercícios militares",
    fr: "Exercices militaires",
  },
  "non-proliferation": {
    en: "Non-proliferation of weapons of mass destruction",
    es: "No proliferación de armas de destrucción masiva",
    pt: "Não proliferação de armas de destruição maciça",
    fr: "Non-prolifération des armes de destruction massive",
  },
  operations: {
    en: "Operations",
    es: "Operaciones",
    pt: "Operações",
    fr: "Opérations",
  },
  "organised-crime": {
    en: "Organised crime",
    es: "Crimen organizado",
    pt: "Criminalidade organizada",
    fr: "Criminalité organisée",
  },
  "public-diplomacy": {
    en: "Public diplomacy",
    es: "Diplomacia pública",
    pt: "Diplomacia pública",
    fr: "Diplomatie publique",
  },
  "science-for-peace": {
    en: "Science for peace and security",
    es: "Ciencia para la paz y la seguridad",
    pt: "Ciência para a paz e a segurança",
    fr: "Science pour la paix et la sécurité",
  },
  "security-sector-reform": {
    en: "Security sector reform",
    es: "Reforma del sector de la seguridad",
    pt: "Reforma do setor da segurança",
    fr: "Réforme du secteur de la sécurité",
  },
  "small-arms": {
    en: "Small arms and light weapons",
    es: "Armas pequeñas y ligeras",
    pt: "Armas ligeiras e de pequeno calibre",
    fr: "Armes légères et de petit calibre",
  },
  standardization: {
    en: "Standardization",
    es: "Normalización",
    pt: "Normalização",
    fr: "Normalisation",
  },
  stratcom: {
    en: "Strategic communications",
    es: "Comunicaciones estratégicas",
    pt: "Comunicação estratégica",
    fr: "Communication stratégique",
  },
};

export const ACTIVITY_TYPE_NAMES: Record<ActivityType, Names> = {
  course: { en: "Course", es: "Curso", pt: "Curso", fr: "Cours" },
  exercise: { en: "Exercise", es: "Ejercicio", pt: "Exercício", fr: "Exercice" },
  seminar: { en: "Seminar", es: "Seminario", pt: "Seminário", fr: "Séminaire" },
  conference: { en: "Conference", es: "Conferencia", pt: "Conferência", fr: "Conférence" },
  workshop: { en: "Workshop", es: "Taller", pt: "Oficina", fr: "Atelier" },
  "expert-visit": { en: "Expert visit", es: "Visita de expertos", pt: "Visita de peritos", fr: "Visite d'experts" },
  training: { en: "Training", es: "Entrenamiento", pt: "Treino", fr: "Entraînement" },
};

/** An area's name in a language. */
export function areaName(area: CooperationArea, lang: Language): string {
  return AREA_NAMES[area][lang];
}

/** An activity type's name in a language. */
export function activityTypeName(type: ActivityType, lang: Language): string {
  return ACTIVITY_TYPE_NAMES[type][lang];
}
