/**
 * The few words of the labelled documents' pages the header and the window's title need before
 * those pages' own text (./en.ts …) has arrived: small, so they travel in the main chunk, in all
 * four languages.
 */
import type { Language } from "../../../../src/domain/languages.ts";

export type DocumentNavText = {
  navDocuments: string;
  libraryTitle: string;
  documentPageTitle: (id: string) => string;
  uploadTitle: string;
  clearancesTitle: string;
};

export const DOCUMENT_NAV: Record<Language, DocumentNavText> = {
  en: {
    navDocuments: "Documents",
    libraryTitle: "Document library",
    documentPageTitle: (id) => `Document ${id}`,
    uploadTitle: "Add a document",
    clearancesTitle: "Security clearances",
  },
  es: {
    navDocuments: "Documentos",
    libraryTitle: "Biblioteca de documentos",
    documentPageTitle: (id) => `Documento ${id}`,
    uploadTitle: "Añadir un documento",
    clearancesTitle: "Habilitaciones de seguridad",
  },
  pt: {
    navDocuments: "Documentos",
    libraryTitle: "Biblioteca de documentos",
    documentPageTitle: (id) => `Documento ${id}`,
    uploadTitle: "Adicionar um documento",
    clearancesTitle: "Credenciações de segurança",
  },
  fr: {
    navDocuments: "Documents",
    libraryTitle: "Bibliothèque de documents",
    documentPageTitle: (id) => `Document ${id}`,
    uploadTitle: "Ajouter un document",
    clearancesTitle: "Habilitations de sécurité",
  },
};
