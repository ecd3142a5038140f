/** Concord's own words in French, key for key as en.ts. */
import type { Messages } from "./en.ts";
import { menuMessages } from "./cooperation/menu.ts";
import { disputeMessages } from "./disputes.ts";
import { documentMessages } from "./documents.ts";
import { exchangeMessages } from "./exchanges.ts";
import { labelMessages } from "./labels.ts";
import { programmesMessages } from "./cooperation/programmes.ts";
import { eventsMessages } from "./cooperation/events.ts";
import { resultsMessages } from "./cooperation/results.ts";

const POSITION_NOUNS: Record<string, string> = {
  object: "Une objection",
  amend: "Un amendement proposé",
  "concur-with-reservation": "Une réserve",
  concur: "Un accord",
  abstain: "Une abstention",
};
const PROCEDURES: Record<string, string> = {
  consensus: "consensus",
  silence: "silence",
  majority: "majorité",
  unilateral: "unilatérale",
};
const procedure = (kind: string) => PROCEDURES[kind] ?? kind;
const STATUSES: Record<string, string> = {
  open: "ouverte",
  closed: "close",
  adopted: "adoptée",
  "not-adopted": "non adoptée",
  withdrawn: "retirée",
};
const status = (value: string) => STATUSES[value] ?? value;
const NEEDED = (threshold: string) => (threshold === "simple" ? "plus de la moitié" : `au moins ${threshold}`);
const OF: Record<string, string> = {
  "all-members": "de tous les membres",
  present: "des présents",
  "present-and-voting": "des présents et votants",
};
type Count = { concur: number; object: number; abstain: number; members: number };
const counted = (p: Count) =>
  `${p.concur} pour, ${p.object} contre, ${p.abstain} abstentions, sur ${p.members} membres`;

export const fr: Messages = {
  "auth.sign_in_first": () => "Connectez-vous d’abord : il faut un compte.",
  "auth.sign_in_for": (p) => `Connectez-vous d’abord : ${p.what} demande un compte.`,
  "auth.role_forbids": (p) => `Votre rôle ne permet pas de ${p.what}.`,
  "auth.invalid_credentials": () => "L’adresse électronique ou le mot de passe est erroné.",
  "auth.too_many_sign_ins": (p) =>
    `Trop de connexions échouées depuis votre adresse. Réessayez dans ${p.minutes} minute(s).`,
  "auth.password_change_required": () =>
    "Choisissez d’abord votre propre mot de passe (PUT /api/v1/account/password) : celui avec lequel vous vous êtes connecté a été fixé par un administrateur, et tant qu’il n’est pas changé cette session ne peut rien faire d’autre.",
  "request.idempotency_key_reused": () =>
    "Cette Idempotency-Key a servi à une autre requête : utilisez une nouvelle clé pour un nouveau changement.",
  "request.too_large": (p) =>
    `Le corps de la requête dépasse ${p.mebibytes} Mio, le maximum que ce point d’accès accepte.`,
  "request.unstorable_text": (p) =>
    `${p.path} : ne doit contenir ni U+0000 ni un substitut isolé (texte impossible à enregistrer)`,
  "request.too_deep": (p) => `${p.path} : imbriqué sur plus de ${p.depth} niveaux`,
  "request.no_endpoint": (p) => `Aucun point d’accès ${p.method} ${p.path} ; voir /api/docs.`,
  "request.unreadable": () => "La requête n’a pas pu être lue.",
  "server.internal_error": () => "Une erreur s’est produite de notre côté ; elle a été journalisée.",
  "auth.invalid_token": () => "Le jeton d’API n’est pas valide : il est peut-être mal saisi, expiré ou révoqué.",
  "auth.csrf_failed": (p) =>
    `Ce changement demande l’en-tête ${p.header} de votre session (fourni par GET /api/v1/session) ; rechargez la page et réessayez.`,
  "live.sign_in_first": () => "Connectez-vous d’abord : les mises à jour en direct demandent un compte.",
  "live.server_only": () => "Les mises à jour en direct ne fonctionnent que dans le serveur.",

  "activity.this_change": () => "ce changement",
  "activity.changing_registry": () => "modifier le registre",
  "activity.recording_sources": () => "enregistrer des sources",
  "activity.reading_audit_log": () => "consulter le journal d’audit",
  "activity.checking_audit_log": () => "vérifier le journal d’audit",
  "activity.publishing_audit_head": () => "publier une tête signée du journal d’audit",
  "activity.reading_registry": () => "consulter le registre",
  "activity.importing": () => "importer un jeu de données",
  "activity.reading_proposals": () => "consulter les propositions",
  "activity.reading_notices": () => "consulter les notifications",
  "activity.opening_proposals_in": (p) => `ouvrir des propositions dans ${p.body}`,
  "activity.filing_request_to": (p) => `déposer une demande auprès de ${p.organization}`,
  "activity.designations_by": (p) => `gérer les désignations de ${p.state}`,
  "activity.taking_positions_for": (p) => `prendre position au nom de ${p.state}`,
  "activity.closing_proposals": () => "clore des propositions",
  "activity.withdrawing_proposal": () => "retirer cette proposition",
  "activity.closing_proposal": () => "clore cette proposition",
  "activity.acting_on_proposals": () => "agir sur des propositions",
  "activity.chairing_proposals_of": (p) => `présider les propositions de ${p.body}`,
  "activity.managing_webhooks": (p) => `gérer les webhooks de ${p.organization}`,
  "activity.reading_notices_of": (p) => `consulter les notifications de ${p.organization}`,
  "activity.filing_notice_to": (p) => `déposer une notification auprès de ${p.organization}`,
  "activity.withdrawing_notices": () => "retirer des notifications",
  "activity.withdrawing_notice_of": (p) => `retirer la notification de ${p.state}`,
  "activity.acknowledging_notices": () => "accuser réception de notifications",
  "activity.acknowledging_notices_to": (p) =>
    `accuser réception des notifications adressées à ${p.organization} (son secrétariat le fait, en tant que dépositaire)`,
  "activity.managing_accounts": () => "gérer des comptes",
  "activity.managing_own_account": () => "gérer un compte (les jetons d’API ne le peuvent pas)",
  "activity.searching": () => "rechercher",

  "registry.relation_not_found": (p) => `Aucune relation n’a l’identifiant ${p.id}.`,
  "registry.actor_not_found": (p) => `Aucun État ni aucune organisation n’a le code ${p.code}.`,
  "registry.state_not_organization": (p) =>
    `${p.code} est un État, pas une organisation : demandez plutôt ses relations.`,
  "registry.no_such_framework_of": (p) =>
    `${p.organization} n’a pas de cadre « ${p.framework} » (ses cadres : ${p.frameworks || "aucun"})`,
  "registry.no_such_framework": (p) => `${p.organization} n’a pas de cadre « ${p.framework} »`,
  "registry.unknown_actors": (p) => `aucun État ni aucune organisation n’a le code ${p.codes}`,
  "registry.relation_to_itself": (p) => `${p.code} ne peut pas être en relation avec lui-même`,
  "registry.designation_by_state": (p) => `une désignation est faite par un État, et ${p.code} est une organisation`,
  "registry.relation_towards_state": (p) =>
    `${p.code} est un État ; une relation ${p.kind} s’entretient avec une organisation`,
  "registry.relation_ended": (p) => `La relation ${p.id} a déjà pris fin (le ${p.until}) ; modifiez plutôt ses dates.`,
  "registry.source_exists": (p) => `Une source d’identifiant ${p.id} existe déjà.`,
  "registry.unknown_sources": (p) =>
    `aucune source n’a l’identifiant ${p.ids} ; créez-la d’abord (POST /api/v1/sources)`,
  "registry.until_before_since": (p) => `doit être postérieure à since (${p.since}) ; reçu ${p.until}`,
  "registry.relation_overlaps": (p) =>
    `${p.subject} est déjà ${p.kind} de ${p.object} pendant une partie de ${p.valid} (relation ${p.ids}) : ` +
    "la même relation ne peut pas valoir deux fois à la fois ; modifiez ou terminez plutôt celle-là.",
  "registry.writes_by_secretariat": (p) =>
    `Les relations avec ${p.code} sont enregistrées par le secrétariat de ${p.code} lui-même, et par ses décisions.`,
  "registry.writes_by_own_body": (p) =>
    `Les désignations de ${p.code} sont faites par son propre organe de décision : proposez-en une (POST /api/v1/designations).`,
  "registry.writes_by_curator": (p) =>
    `Les relations avec ${p.code}, qui n’a pas de secrétariat dans Concord, sont des données de recherche : un conservateur du registre les enregistre.`,

  "procedure.needs_deadline": (p) => `une procédure de ${procedure(p.procedure)} demande un délai`,
  "procedure.unilateral_one_state": () => "une procédure unilatérale est tranchée par un seul État",
  "procedure.no_members": () => "l’organe n’a aucun État membre à cette date : personne ne pourrait trancher",
  "procedure.fraction": (p) =>
    `${({ quorum: "le quorum", threshold: "le seuil" } as Record<string, string>)[p.name] ?? p.name} doit être une fraction entre 0/1 et 1/1 ; reçu ${p.got}`,
  "procedure.threshold_zero": (p) =>
    `le seuil doit être supérieur à 0 ; reçu ${p.got} : personne n’aurait à voter pour la proposition`,
  "decisions.body_not_found": (p) => `Aucun organe n’a l’identifiant ${p.id}.`,
  "decisions.no_body": (p) => `aucun organe n’a l’identifiant ${p.id}`,
  "decisions.no_state_body": (p) => `aucun organe d’un État n’a l’identifiant ${p.id}`,
  "decisions.proposal_not_found": (p) => `Aucune proposition n’a l’identifiant ${p.id}.`,
  "decisions.positions_need_delegation": () => "seule une délégation a des positions à prendre",
  "decisions.notices_need_delegation": () =>
    "Les notifications vont aux délégations : ce compte n’appartient à aucune.",
  "decisions.request_by_head": (p) =>
    `Seul le chef de la délégation d’un État auprès de ${p.organization} peut déposer sa demande.`,
  "decisions.no_request_body": (p) =>
    `${p.organization} n’a aucun organe qui tranche les demandes : ses règles n’en nomment aucun.`,
  "decisions.partnership_names_framework": () =>
    "une demande de partenariat nomme son cadre, et seule une demande de partenariat le fait",
  "decisions.status_held": (p) => `${p.state} est déjà ${p.status} de ${p.organization}.`,
  "decisions.designation_not_held": (p) =>
    `${p.designee} n’a aujourd’hui aucune désignation ${p.designation} par ${p.state}.`,
  "decisions.designation_held": (p) =>
    `${p.designee} a déjà la désignation ${p.designation} par ${p.state} (relation ${p.relation}).`,
  "decisions.must_be_future": (p) => `doit être dans le futur ; reçu ${p.got}`,
  "decisions.unilateral_in_state_body": () => "une décision unilatérale se prend dans l’organe propre d’un État",
  "decisions.name_the_state": () => "nommez l’État dont c’est la position",
  "decisions.not_a_member": (p) =>
    `${p.state} n’était pas membre de ${p.body} à l’ouverture de la proposition ${p.id} : il n’y prend donc pas position.`,
  "decisions.position_not_accepted": (p) =>
    `une procédure de ${procedure(p.procedure)} accepte ${p.allowed} ; reçu ${p.got}`,
  "decisions.statement_required": (p) => `${POSITION_NOUNS[p.position] ?? p.position} doit être exposé(e) par écrit`,
  "decisions.positions_closed": (p) =>
    `Le délai de la proposition ${p.id} a expiré le ${p.deadline} : les positions sont closes ; le résultat est en cours d’enregistrement.`,
  "decisions.no_deadline_to_extend": (p) => `La proposition ${p.id} n’a pas de délai à prolonger.`,
  "decisions.deadline_passed_no_extension": (p) =>
    `Le délai de la proposition ${p.id} a expiré : il ne peut plus être prolongé.`,
  "decisions.extension_after_deadline": (p) => `une prolongation doit venir après le délai actuel, ${p.deadline}`,
  "decisions.unilateral_no_rounds": () => "Une décision unilatérale n’a pas de tours à remettre en circulation.",
  "decisions.deadline_passed_recording": (p) =>
    `Le délai de la proposition ${p.id} a expiré : le résultat est en cours d’enregistrement.`,
  "decisions.closed_already": (p) => `La proposition ${p.id} est déjà close (${status(p.status)}).`,
  "decisions.closed_by_chair_only_consensus": (p) =>
    `Seule une procédure de consensus est close par sa présidence ; une procédure de ${procedure(p.procedure)} est tranchée ${p.procedure === "unilateral" ? "par son État" : "à son délai"}.`,
  "decisions.attachment_too_large": (p) => `une pièce jointe ne peut dépasser ${p.mib} Mio`,
  "decisions.attachment_not_found": (p) => `La proposition ${p.id} n’a pas de pièce jointe ${p.attachment}.`,
  "decisions.closed": (p) =>
    `La proposition ${p.id} est close (${status(p.status)}${p.at ? ` le ${p.at}` : ""}) : plus rien ne peut être modifié.`,

  "notices.not_found": (p) => `Aucune notification de suspension ou de retrait n’a l’identifiant ${p.id}.`,
  "notices.file_by_head": (p) =>
    `Seul le chef de la délégation d’un État auprès de ${p.organization} peut déposer sa notification.`,
  "notices.statement_required": () => "une notification se fait par écrit : exposez ce que l’État notifie, et pourquoi",
  "notices.not_a_member": (p) =>
    `${p.state} n’est pas membre de ${p.organization} aujourd’hui : il n’a donc pas de participation à ${p.kind === "suspension" ? "suspendre" : "faire cesser"}.`,
  "notices.membership_ends": (p) => `L’appartenance de ${p.state} à ${p.organization} prend déjà fin le ${p.until}.`,
  "notices.pending": (p) =>
    `${p.state} a déjà une notification en attente sur cette appartenance (notification ${p.notice}) ; retirez-la d’abord pour en donner une autre.`,
  "notices.suspended_already": (p) =>
    `La participation de ${p.state} à ${p.organization} est déjà suspendue (relation ${p.relation}).`,
  "notices.withdraw_by_head": (p) =>
    `Seul le chef de la délégation de ${p.state} auprès de ${p.organization} peut retirer sa notification.`,
  "notices.withdrawn_already": (p) => `La notification ${p.id} a déjà été retirée, le ${p.on}.`,
  "notices.in_effect": (p) =>
    `La notification ${p.id} a pris effet le ${p.effectiveOn} : elle ne peut plus être retirée (une nouvelle demande est le chemin du retour).`,
  "notices.nothing_to_acknowledge": (p) =>
    `La notification ${p.id} a été retirée par ${p.state} : il n’y a rien dont accuser réception.`,
  "notices.past_acknowledging": (p) =>
    `La notification ${p.id} a pris effet le ${p.effectiveOn} : il est trop tard pour en accuser réception.`,
  "notices.acknowledged_already": (p) => `La réception de la notification ${p.id} a déjà été accusée, le ${p.on}.`,

  "accounts.email_invalid": (p) => `${p.reason} (reçu « ${p.got} »)`,
  "accounts.not_an_organization": (p) => `${p.code} n’est pas une organisation du registre (p. ex. NATO, UNASUR)`,
  "accounts.email_taken": (p) => `Un compte avec l’adresse électronique ${p.email} existe déjà.`,
  "accounts.no_such_account": (p) => `aucun compte n’a l’adresse ${p.email}`,
  "accounts.last_administrator": (p) =>
    `${p.email} est le dernier administrateur actif de ${p.organization} : nommez-en un autre d’abord, pour que personne ne soit bloqué.`,
  "accounts.last_administrator_here": (p) =>
    `C’est le dernier administrateur actif de ${p.organization} : nommez-en un autre d’abord, pour que personne ne soit bloqué.`,
  "accounts.password_needed": (p) =>
    `est obligatoire : l’authentification unique n’est pas configurée pour ${p.organization}, donc un compte sans mot de passe ne pourrait jamais se connecter`,
  "accounts.account_not_found": (p) => `Aucun compte de ${p.organization} n’a l’identifiant ${p.id}.`,
  "accounts.auditor_password": () =>
    "Un auditeur système consulte le journal d’audit de toutes les organisations : fixer son mot de passe ne revient à aucune organisation en particulier.",
  "accounts.own_password": () =>
    "Changez votre propre mot de passe sur la page de votre compte (elle demande l’actuel).",
  "accounts.auditor_role": () =>
    "Le rôle system-auditor ne se donne et ne se retire que sur la ligne de commande du serveur (concord admin auditor).",
  "accounts.role_without_delegation": (p) => `un compte ${p.role} n’appartient à aucune délégation`,
  "accounts.role_needs_delegation": (p) =>
    `un compte ${p.role} parle au nom d’un État : nommez sa délégation (p. ex. COL)`,
  "accounts.not_a_state": (p) => `${p.code} n’est pas un État du registre`,
  "accounts.state_unrelated": (p) =>
    `le registre ne relie aujourd’hui ${p.state} à ${p.organization} d’aucune manière (membre, partenaire, candidat, observateur…) : enregistrez d’abord cette relation, puis sa délégation`,
  "accounts.too_many_wrong_passwords": (p) =>
    `Trop de mots de passe erronés depuis votre adresse. Réessayez dans ${p.minutes} minute(s).`,
  "accounts.not_your_password": () => "n’est pas votre mot de passe",
  "accounts.not_your_current_password": () => "n’est pas votre mot de passe actuel",
  "accounts.same_as_temporary": () => "doit différer du mot de passe temporaire qu’un administrateur vous a donné",
  "accounts.reauthentication_required": (p) =>
    `Confirmez avec votre mot de passe (json.password) : créer un jeton d’API le demande, ou une connexion dans les ${p.minutes} dernières minutes.`,
  "accounts.token_not_found": (p) => `Vous n’avez aucun jeton d’API valide d’identifiant ${p.id}.`,
  "oidc.state_invalid": () =>
    "Cette connexion n’a pas été commencée dans ce navigateur, a expiré ou a déjà servi. Recommencez la connexion.",
  "oidc.email_unverified": () =>
    "Votre fournisseur d’identité ne confirme pas que l’adresse électronique est la vôtre (email_verified) : Concord ne peut donc pas vous connecter avec elle. Demandez aux administrateurs du fournisseur de vérifier votre adresse, ou connectez-vous avec un mot de passe.",
  "oidc.identity_linked_elsewhere": (p) =>
    `Le compte d’adresse électronique ${p.email} est lié à une autre identité d’authentification unique. Demandez à un administrateur d’examiner la situation.`,
  "oidc.other_organization": (p) =>
    `Le compte d’adresse électronique ${p.email} appartient à ${p.organization} ; ici, l’authentification unique est pour ${p.expected}. Connectez-vous avec votre mot de passe.`,
  "oidc.account_disabled": () => "Ce compte est désactivé. Adressez-vous à un administrateur de votre organisation.",
  "oidc.email_missing": () =>
    "Votre fournisseur d’identité n’a pas donné d’adresse électronique utilisable, dont un nouveau compte Concord a besoin. Demandez à ses administrateurs de transmettre l’attribut email à Concord.",
  "oidc.delegation_not_a_state": (p) =>
    `Votre fournisseur d’identité indique que vous appartenez à la délégation de « ${p.delegation} » (attribut ${p.claim}), qui n’est pas un État du registre de Concord. Demandez à ses administrateurs de donner à ${p.claim} le code ISO 3166 alpha-3 d’un État, comme FRA.`,
  "oidc.delegation_not_a_code": (p) =>
    `L’attribut ${p.claim} de votre fournisseur d’identité (${p.shown}) n’est pas le code ISO 3166 alpha-3 d’un État, comme FRA. Demandez à ses administrateurs de le corriger.`,
  "oidc.role_without_delegation": (p) =>
    `Votre fournisseur d’identité vous donne le rôle ${p.role} (attribut ${p.claim}) mais aucune délégation : un ${p.role} parle au nom d’un État. Demandez à ses administrateurs de renseigner l’attribut de délégation.`,
  "oidc.role_with_delegation": (p) =>
    `Votre fournisseur d’identité vous donne le rôle ${p.role} (attribut ${p.claim}) et la délégation de ${p.delegation} : les rôles de secrétariat n’appartiennent à aucune délégation. Demandez à ses administrateurs de corriger l’un des deux.`,
  "oidc.denied": (p) => `Votre fournisseur d’identité ne vous a pas connecté (${p.detail}).`,
  "oidc.failed": (p) =>
    `Votre fournisseur d’identité n’a pas accepté cette connexion (${p.detail}). Recommencez la connexion.`,
  "oidc.unverifiable": (p) =>
    `La réponse de votre fournisseur d’identité n’a pas pu être vérifiée (${p.reason}). Recommencez la connexion.`,

  "password.too_short": (p) => `doit compter au moins ${p.minimum} caractères`,
  "password.too_long": (p) => `doit compter au plus ${p.maximum} caractères`,
  "password.spaces": () => "ne doit ni commencer ni finir par des espaces",
  "password.common": () =>
    "est l’un des mots de passe les plus courants, que les attaquants essaient d’abord : choisissez-en un autre",
  "webhooks.url_scheme": () => "doit être une URL http:// ou https://",
  "webhooks.url_credentials": () =>
    "ne doit porter ni nom d’utilisateur ni mot de passe (la signature authentifie Concord)",
  "webhooks.url_private": (p) =>
    `${p.host} est ${p.range} : les webhooks ne sont envoyés qu’à des adresses publiques (l’exploitant peut en permettre d’autres avec CONCORD_WEBHOOK_ALLOW_PRIVATE=true)`,
  "webhooks.not_found": (p) => `Aucun webhook actif n’a l’identifiant ${p.id}.`,

  "validation.search_text": () => "doit contenir quelque chose à rechercher",
  "search.limit_range": (p) => `doit être un nombre entier de 1 à ${p.maximum}`,

  "validation.given_once": (p) => `${p.where} : doit être donné une seule fois (reçu ${p.count} valeurs)`,
  "validation.got": (p) => ` (reçu ${p.text})`,
  "validation.calendar_date": () => "doit être une vraie date du calendrier écrite AAAA-MM-JJ",
  "validation.real_date": () => "doit être une vraie date écrite AAAA-MM-JJ, AAAA-MM ou AAAA",
  "validation.not_empty": () => "ne doit pas être vide",
  "validation.positive_whole": () => "doit être un entier positif",
  "validation.limit_range": (p) => `doit être un nombre entier de 1 à ${p.maximum}`,
  "validation.offset": () => "doit être un nombre entier, 0 ou plus",
  "validation.required": () => "est obligatoire",
  "validation.one_of": (p) => `doit être l’un de ${p.options}`,
  "validation.control_characters": () => "ne doit pas contenir de caractères de contrôle",
  "validation.too_long": (p) => `doit compter au plus ${p.maximum} caractères`,
  "validation.unknown_field": (p) => `champ(s) inconnu(s) : ${p.keys}`,

  "outcome.consensus.all-concurred": (p) =>
    `Les ${p.count} membres ont donné leur accord${p.reservations ? `, ${p.reservations} avec une réserve.` : "."}`,
  "outcome.consensus.deadline-passed-without-consensus": (p) =>
    "Le délai a expiré sans consensus" +
    (p.objecting ? ` : objection de ${p.objecting}` : "") +
    (p.silent > 0 ? `${p.objecting ? " ;" : " :"} ${p.silent} membre(s) n’ont pas pris position` : "") +
    ".",
  "outcome.silence.deadline-passed-unbroken": () => "Le délai a expiré et aucun membre n’a rompu le silence.",
  "outcome.silence.deadline-passed-broken": (p) => `Le silence a été rompu avant le délai par ${p.breakers}.`,
  "outcome.unilateral.designating-state-concurred": (p) => `${p.state} a décidé d’adopter.`,
  "outcome.unilateral.designating-state-declined": (p) => `${p.state} a décidé de ne pas adopter.`,
  "outcome.majority.quorum-not-met": (p) =>
    `Quorum non atteint : ${p.takingPart} sur ${p.members} ont participé, ${p.quorum} requis (${counted(p)}).`,
  "outcome.majority.threshold-met": (p) =>
    `Adoptée avec ${NEEDED(p.threshold)} ${OF[p.base] ?? p.base} (${counted(p)}).`,
  "outcome.majority.threshold-not-met": (p) =>
    `Non adoptée : il fallait ${NEEDED(p.threshold)} ${OF[p.base] ?? p.base} (${counted(p)}).`,

  "cli.as_of": (p) => `${p.name} (${p.code}) au ${p.at} : ${p.count} relation(s)`,
  "cli.column.code": () => "Code",
  "cli.column.name": () => "Nom",
  "cli.column.kind": () => "Type",
  "cli.column.since": () => "Depuis",
  "cli.column.until": () => "Jusqu’à",
  "cli.column.certainty": () => "Certitude",
  "cli.column.sources": () => "Sources",
  "cli.column.id": () => "Id",
  "cli.column.subject": () => "Sujet",
  "cli.column.relation": () => "Relation",
  "cli.column.object": () => "Objet",
  "cli.column.of": () => "De",
  "cli.column.chair": () => "Présidence",
  "cli.column.default_procedure": () => "Procédure par défaut",
  "cli.column.body": () => "Organe",
  "cli.column.title": () => "Titre",
  "cli.column.procedure": () => "Procédure",
  "cli.column.status": () => "Statut",
  "cli.column.deadline_or_decided": () => "Délai / tranchée",
  "cli.column.positions": () => "Positions",
  "cli.column.round": () => "Tour",
  "cli.column.opened": () => "Ouverte",
  "cli.column.deadline": () => "Délai",
  "cli.column.extensions": () => "Prolongations",
  "cli.column.state": () => "État",
  "cli.column.position": () => "Position",
  "cli.column.cast_at": () => "Prise le",
  "cli.column.recorded_by": () => "Enregistrée par",
  "cli.column.detail": () => "Détail",
  "cli.search_kind.state": () => "État",
  "cli.search_kind.organization": () => "organisation",
  "cli.search_kind.framework": () => "cadre",
  "cli.search_kind.proposal": () => "proposition",
  "cli.search_kind.source": () => "source",
  "cli.nothing_found": (p) => `Aucun résultat pour « ${p.q} ».`,
  "cli.bodies": (p) => `${p.count} organe(s) de décision`,
  "cli.proposals": (p) =>
    `${p.count} proposition(s)${p.status ? ` ${status(p.status)}(s)` : ""}${p.body ? ` dans ${p.body}` : ""}, des plus récentes aux plus anciennes`,
  "cli.status.open": () => "ouverte",
  "cli.status.closed": () => "close",
  "cli.status.adopted": () => "adoptée",
  "cli.status.not-adopted": () => "non adoptée",
  "cli.status.withdrawn": () => "retirée",
  "cli.reconstructed": () => " (reconstituée)",
  "cli.no_deadline": () => "sans délai",
  "cli.none": () => "aucun",
  "cli.position_recorded": (p) =>
    `Position de ${p.name} (${p.state}) sur la proposition ${p.id} enregistrée : ${p.position} (par la CLI, en son nom).`,
  "cli.proposal_now": (p) => `La proposition ${p.id} est désormais ${p.status} (${p.rule}) : ${p.explanation}`,
  "cli.registry_relation": (p) => `Registre : relation ${p.relation}, citant la source ${p.source}.`,
  "cli.proposal_stays_open": (p) =>
    `La proposition ${p.id} reste ouverte : ${p.taken} membre(s) sur ${p.members} ont pris position au tour ${p.round}` +
    (p.deadline ? ` ; délai ${p.deadline}.` : "."),
  "cli.proposal_heading": (p) => `Proposition ${p.id} : ${p.title}`,
  "cli.field.body": () => "Organe",
  "cli.field.procedure": () => "Procédure",
  "cli.field.purpose": () => "Objet",
  "cli.field.status": () => "Statut",
  "cli.field.opened": () => "Ouverte",
  "cli.field.round": () => "Tour",
  "cli.field.positions": () => "Positions",
  "cli.body_line": (p) => `${p.name} (${p.id}, ${p.actor}) ; présidence : ${p.chair}`,
  "cli.purpose": (p) => `${p.purpose}${p.concerns ? `, concernant ${p.concerns}` : ""}`,
  "cli.reconstructed_long": () =>
    " (reconstituée d’après les sources ; les positions individuelles ne sont pas connues)",
  "cli.round_of": (p) => `${p.round} sur ${p.rounds}`,
  "cli.round_deadline": (p) => `, délai ${p.deadline}`,
  "cli.positions_in_round": (p) => `${p.taken} membre(s) sur ${p.members} au tour ${p.round}`,
  "cli.rounds": () => "Tours :",
  "cli.extension": (p) => `${p.from} -> ${p.to} par ${p.by}`,
  "cli.text_of_round": (p) => `Texte (tour ${p.round}) :`,
  "cli.members": (p) => `Membres (${p.count}) :`,
  "cli.positions_not_recorded": () => "(leurs positions individuelles ne sont pas connues)",
  "cli.broke_silence": () => " (a rompu le silence)",
  "cli.statements": () => "Déclarations :",
  "cli.earlier_positions": () => "Positions antérieures (changées depuis, ou d’un tour précédent) :",
  "cli.attachments": () => "Pièces jointes :",
  "cli.attachment": (p) => `${p.id}. ${p.name} (${p.mediaType}, ${p.size} octets)`,
  "cli.outcome_pending": () =>
    "Résultat : pas encore tranché ; Concord l’enregistre dès que les règles le rendent certain.",
  "cli.outcome_pending_deadline": (p) =>
    `Résultat : pas encore tranché ; Concord l’enregistre dès que les règles le rendent certain, au plus tard au délai (${p.deadline}).`,
  "cli.outcome": (p) =>
    `Résultat :  ${status(p.status)}${p.on ? ` le ${p.on}` : ""}${p.by ? `, enregistré par ${p.by}` : ""}`,
  "cli.rule": (p) => `Règle :     ${p.rule}`,
  "cli.why": (p) => `Motif :     ${p.explanation}`,
  "cli.registry": (p) =>
    `Registre :  ${p.relation ? `relation ${p.relation}` : "aucune relation modifiée"}${p.source ? `, source ${p.source}` : ""}`,
  "cli.notices": (p) => `Avis :      ${p.count} avis de résultat envoyé(s) aux délégations membres`,
  "cli.procedure.majority_short": (p) =>
    `majorité (${NEEDED(p.threshold).replace(/^au moins /, "")} ${OF[p.base] ?? p.base})`,
  "cli.procedure.majority_long": (p) =>
    `majorité : ${NEEDED(p.threshold).replace(/^au moins /, "")} ${OF[p.base] ?? p.base}, quorum ${p.quorum} des membres, abstentions ${p.abstentions === "counted" ? "comptées" : "exclues du décompte"}`,
  "cli.procedure.consensus": () => "consensus",
  "cli.procedure.silence": () => "silence",
  "cli.procedure.unilateral": () => "unilatérale",
  "cli.usage.missing_argument": (p) => `Argument manquant : ${p.what}.`,
  "cli.usage.organization_code": () => "le code de l’organisation, p. ex. NATO",
  "cli.usage.actor_code": () => "le code de l’État ou de l’organisation, p. ex. COL",
  "cli.usage.csv_file": () => "le fichier CSV à importer",
  "cli.usage.proposal_id": () => "l’identifiant de la proposition (concord proposals les liste)",
  "cli.usage.unknown_command": (p) => `Commande inconnue « ${p.command} ».`,
  "cli.usage.unknown_admin": (p) =>
    `Commande admin inconnue « ${p.command} » : utilisez admin create ou admin auditor.`,
  "cli.usage.unknown_import": (p) =>
    `Import inconnu « ${p.name} » : les imports disponibles sont cow-states, gml-mid et menu.`,
  "cli.usage.unknown_audit": (p) => `Commande audit inconnue « ${p.command} » : utilisez audit verify ou audit head.`,
  "cli.usage.date": (p) =>
    `${p.option} : doit être une vraie date du calendrier écrite AAAA-MM-JJ (reçu « ${p.got} »).`,
  "cli.usage.one_of": (p) => `${p.option} : doit être l’un de ${p.options} (reçu « ${p.got} »).`,
  "cli.usage.status": (p) => `--status : doit être open ou closed (reçu « ${p.got} »).`,
  "cli.usage.state_required": () => "--state est obligatoire : l’État membre dont c’est la position (p. ex. COL).",
  "cli.usage.state_code": (p) => `--state : doit être un code en majuscules comme COL ou NATO (reçu « ${p.got} »).`,
  "cli.usage.position_required": (p) => `--position est obligatoire : l’un de ${p.options}.`,
  "cli.usage.proposal_id_number": (p) =>
    `L’identifiant de la proposition doit être un entier positif (reçu « ${p.got} »).`,
  "cli.usage.statement_empty": () => "--statement : ne doit pas être vide.",
  "cli.usage.statement_long": () => "--statement : doit compter au plus 20000 caractères.",
  "cli.usage.statement_control": () => "--statement : ne doit pas contenir de caractères de contrôle.",
  "cli.usage.see_help": () => "Lancez concord help pour les commandes et leurs options.",
  "cli.usage.search_text": () => "le texte à rechercher, p. ex. colombia",
  "cli.cannot_read": (p) => `Impossible de lire ${p.file} : ${p.reason}`,
  "cli.no_such_file": () => "fichier introuvable",
  "cli.importing": () => "Import",
  "cli.import_summary": (p) =>
    `${p.rows} lignes lues dans ${p.file} : ${p.loaded} périodes chargées, ${p.unchanged} déjà présentes, ${p.refused} refusées.`,
  "cli.import_junk": (p) => `Valeurs ignorées dans des colonnes finales sans nom sur ${p.count} ligne(s) : ${p.lines}.`,
  "cli.import_refused": () => "Lignes refusées :",
  "cli.import_line": (p) => `  ligne ${p.line} : ${p.reason}`,
  "cli.signal_stopping": (p) => `${p.signal} reçu : arrêt.`,
  "cli.help": (p) =>
    `Concord — le registre des partenariats d’une alliance.

Utilisation :
  concord start                                  démarre le serveur (base de données, données
                                                 initiales, interface web)
  concord members <ORG> [--at DATE] [--kind K] [--framework F] [--lang L] [--json]
                                                 qui était en quelle relation avec une organisation à
                                                 DATE
  concord relations <CODE> [--at DATE] [--lang L] [--json]
                                                 toutes les relations d’un État ou d’une organisation à
                                                 DATE
  concord search <TEXT> [--lang L] [--json]      États, organisations, cadres, propositions et sources
                                                 dont le code, le nom ou le titre contient TEXT
                                                 (majuscules et accents indifférents), nommés en L
  concord bodies [--lang L] [--json]             les organes de décision et leurs procédures par défaut
  concord proposals [--status open|closed] [--body ID] [--lang L] [--json]
                                                 les propositions, de la plus récente à la plus
                                                 ancienne : procédure, statut ou résultat, délai ou
                                                 date de décision, positions prises par les membres
  concord proposal <ID> [--lang L] [--json]      une proposition : procédure, tours, la position de
                                                 chaque État membre, le résultat avec sa règle et
                                                 pourquoi
  concord position <ID> --state CODE --position P [--statement TEXT] [--json]
                                                 enregistre une position qu’un État a donnée par écrit
                                                 (p. ex. la lettre signée de sa délégation) ; le
                                                 journal d’audit la garde comme enregistrée par la CLI
                                                 au nom de l’État
  concord programmes [--organization ORG] [--partner CODE] [--lang L] [--json]
                                                 programmes individuels de partenariat : partenaire,
                                                 type, cycle, statut, la version en vigueur
  concord programme <ID> [--lang L] [--json] [--iati]
                                                 un programme : objectifs → buts → activités avec
                                                 l'avancement de chaque but ; --iati imprime du XML IATI 2.03
  concord menu [--organization ORG] [--area A] [--lang L] [--json]
                                                 le menu de partenariat du jour
  concord menu search <WORDS> [--lang L] [--json]
                                                 activités du menu dont le titre ou la description
                                                 contient WORDS
  concord import menu <file.csv> [--organization ORG] [--json]
                                                 importe un menu en CSV ; les lignes refusées sont signalées
  concord import cow-states <file.csv>           importe la liste du système des États de Correlates of
                                                 War
  concord audit verify [--head FILE]             vérifie la chaîne de hachage du journal d’audit, et
                                                 qu’il contient toujours une tête imprimée par audit
                                                 head et conservée dans FILE
  concord audit head                             signe la tête actuelle du journal d’audit et l’imprime
                                                 (JSON)
  concord admin create --email E --organization ORG [--name N]
                                                 crée un administrateur du secrétariat ; le mot de
                                                 passe est lu sur l’entrée standard
  concord admin auditor --email E [--revoke]     fait d’un compte un auditeur système, qui consulte le
                                                 journal d’audit de toutes les organisations (seulement
                                                 ici) ; --revoke en refait un analyste de son
                                                 organisation
  concord help [--lang L]                        ce texte, en L

DATE s’écrit AAAA-MM-JJ (par défaut : aujourd’hui). K est l’un de ${p.kinds}.
P est l’un de ${p.positions}, selon ce que permet la procédure de la proposition ;
${p.statements} et ${p.last} demandent --statement.
L est l’un de ${p.languages}. La configuration vient de l’environnement : PORT, HOST,
CONCORD_DATA_DIR (par défaut ./data), DATABASE_URL (utiliser ce PostgreSQL au lieu de celui intégré).`,

  // ------------------------------------------------------------------ cooperation programmes
  ...menuMessages.fr,
  ...disputeMessages.fr,
  ...exchangeMessages.fr,
  ...documentMessages.fr,
  ...labelMessages.fr,
  ...programmesMessages.fr,
  ...eventsMessages.fr,
  ...resultsMessages.fr,
};
