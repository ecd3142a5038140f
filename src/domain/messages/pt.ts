/** Concord's own words in Portuguese, key for key as en.ts. */
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
  object: "Uma objeção",
  amend: "Uma emenda proposta",
  "concur-with-reservation": "Uma reserva",
  concur: "Uma concordância",
  abstain: "Uma abstenção",
};
const PROCEDURES: Record<string, string> = {
  consensus: "consenso",
  silence: "silêncio",
  majority: "maioria",
  unilateral: "unilateral",
};
const procedure = (kind: string) => PROCEDURES[kind] ?? kind;
const STATUSES: Record<string, string> = {
  open: "aberta",
  closed: "encerrada",
  adopted: "adotada",
  "not-adopted": "não adotada",
  withdrawn: "retirada",
};
const status = (value: string) => STATUSES[value] ?? value;
const NEEDED = (threshold: string) => (threshold === "simple" ? "mais da metade" : `pelo menos ${threshold}`);
const OF: Record<string, string> = {
  "all-members": "de todos os membros",
  present: "dos presentes",
  "present-and-voting": "dos presentes e votantes",
};
type Count = { concur: number; object: number; abstain: number; members: number };
const counted = (p: Count) =>
  `${p.concur} a favor, ${p.object} contra, ${p.abstain} abstenções, de ${p.members} membros`;

export const pt: Messages = {
  "auth.sign_in_first": () => "Entre primeiro: isto requer uma conta.",
  "auth.sign_in_for": (p) => `Entre primeiro: ${p.what} requer uma conta.`,
  "auth.role_forbids": (p) => `Sua função não permite ${p.what}.`,
  "auth.invalid_credentials": () => "O endereço de e-mail ou a senha está errado.",
  "auth.too_many_sign_ins": (p) =>
    `Tentativas de entrada falhadas demais a partir do seu endereço. Tente novamente em ${p.minutes} minuto(s).`,
  "auth.password_change_required": () =>
    "Escolha primeiro sua própria senha (PUT /api/v1/account/password): a que você usou para entrar foi definida por um administrador, e até que seja alterada esta sessão não pode fazer mais nada.",
  "request.idempotency_key_reused": () =>
    "Esta Idempotency-Key foi usada para outro pedido: use uma chave nova para uma mudança nova.",
  "request.too_large": (p) => `O corpo do pedido excede ${p.mebibytes} MiB, o máximo que este ponto de acesso aceita.`,
  "request.unstorable_text": (p) =>
    `${p.path}: não deve conter U+0000 nem um substituto isolado (texto que não pode ser guardado)`,
  "request.too_deep": (p) => `${p.path}: aninhado a mais de ${p.depth} níveis de profundidade`,
  "request.no_endpoint": (p) => `Não existe o ponto de acesso ${p.method} ${p.path}; consulte /api/docs.`,
  "request.unreadable": () => "Não foi possível ler o pedido.",
  "server.internal_error": () => "Algo deu errado do nosso lado; foi registrado.",
  "auth.invalid_token": () => "O token de API não é válido: pode estar digitado errado, expirado ou revogado.",
  "auth.csrf_failed": (p) =>
    `Esta alteração precisa do cabeçalho ${p.header} da sua sessão (de GET /api/v1/session); recarregue a página e tente novamente.`,
  "live.sign_in_first": () => "Entre primeiro: as atualizações ao vivo requerem uma conta.",
  "live.server_only": () => "As atualizações ao vivo só funcionam no servidor.",

  "activity.this_change": () => "esta alteração",
  "activity.changing_registry": () => "alterar o registro",
  "activity.recording_sources": () => "registrar fontes",
  "activity.reading_audit_log": () => "consultar o registro de auditoria",
  "activity.checking_audit_log": () => "verificar o registro de auditoria",
  "activity.publishing_audit_head": () => "publicar uma cabeça assinada do registro de auditoria",
  "activity.reading_registry": () => "consultar o registro",
  "activity.importing": () => "importar um conjunto de dados",
  "activity.reading_proposals": () => "consultar propostas",
  "activity.reading_notices": () => "consultar notificações",
  "activity.opening_proposals_in": (p) => `abrir propostas em ${p.body}`,
  "activity.filing_request_to": (p) => `apresentar um pedido a ${p.organization}`,
  "activity.designations_by": (p) => `designações de ${p.state}`,
  "activity.taking_positions_for": (p) => `tomar posições em nome de ${p.state}`,
  "activity.closing_proposals": () => "encerrar propostas",
  "activity.withdrawing_proposal": () => "retirar esta proposta",
  "activity.closing_proposal": () => "encerrar esta proposta",
  "activity.acting_on_proposals": () => "agir sobre propostas",
  "activity.chairing_proposals_of": (p) => `presidir as propostas de ${p.body}`,
  "activity.managing_webhooks": (p) => `gerir os webhooks de ${p.organization}`,
  "activity.reading_notices_of": (p) => `consultar as notificações de ${p.organization}`,
  "activity.filing_notice_to": (p) => `apresentar uma notificação a ${p.organization}`,
  "activity.withdrawing_notices": () => "retirar notificações",
  "activity.withdrawing_notice_of": (p) => `retirar a notificação de ${p.state}`,
  "activity.acknowledging_notices": () => "confirmar o recebimento de notificações",
  "activity.acknowledging_notices_to": (p) =>
    `confirmar o recebimento das notificações a ${p.organization} (quem o faz é seu secretariado, como depositário)`,
  "activity.managing_accounts": () => "gerir contas",
  "activity.managing_own_account": () => "gerir uma conta (os tokens de API não podem)",
  "activity.searching": () => "pesquisar",

  "registry.relation_not_found": (p) => `Nenhuma relação tem o id ${p.id}.`,
  "registry.actor_not_found": (p) => `Nenhum Estado ou organização tem o código ${p.code}.`,
  "registry.state_not_organization": (p) =>
    `${p.code} é um Estado, não uma organização: consulte as relações dele em vez disso.`,
  "registry.no_such_framework_of": (p) =>
    `${p.organization} não tem o quadro "${p.framework}" (seus quadros: ${p.frameworks || "nenhum"})`,
  "registry.no_such_framework": (p) => `${p.organization} não tem o quadro "${p.framework}"`,
  "registry.unknown_actors": (p) => `nenhum Estado ou organização tem o código ${p.codes}`,
  "registry.relation_to_itself": (p) => `${p.code} não pode estar em relação consigo mesmo`,
  "registry.designation_by_state": (p) => `uma designação é feita por um Estado, e ${p.code} é uma organização`,
  "registry.relation_towards_state": (p) =>
    `${p.code} é um Estado; uma relação ${p.kind} é mantida com uma organização`,
  "registry.relation_ended": (p) => `A relação ${p.id} já terminou (em ${p.until}); altere as datas dela em vez disso.`,
  "registry.source_exists": (p) => `Já existe uma fonte com o id ${p.id}.`,
  "registry.unknown_sources": (p) => `nenhuma fonte tem o id ${p.ids}; crie-a primeiro (POST /api/v1/sources)`,
  "registry.until_before_since": (p) => `deve ser posterior a since (${p.since}); recebido ${p.until}`,
  "registry.relation_overlaps": (p) =>
    `${p.subject} já é ${p.kind} de ${p.object} durante parte de ${p.valid} (relação ${p.ids}): ` +
    "a mesma relação não pode valer duas vezes ao mesmo tempo; altere ou encerre aquela.",
  "registry.writes_by_secretariat": (p) =>
    `As relações com ${p.code} são registradas pelo próprio secretariado de ${p.code}, e por suas decisões.`,
  "registry.writes_by_own_body": (p) =>
    `As designações de ${p.code} são feitas pelo seu próprio órgão decisório: proponha uma (POST /api/v1/designations).`,
  "registry.writes_by_curator": (p) =>
    `As relações com ${p.code}, que não tem secretariado no Concord, são dados de pesquisa: um curador do registro as registra.`,

  "procedure.needs_deadline": (p) => `um procedimento de ${procedure(p.procedure)} precisa de um prazo`,
  "procedure.unilateral_one_state": () => "um procedimento unilateral é decidido por exatamente um Estado",
  "procedure.no_members": () => "o órgão não tem Estados membros nesta data: ninguém poderia decidir",
  "procedure.fraction": (p) =>
    `${({ quorum: "o quórum", threshold: "o limiar" } as Record<string, string>)[p.name] ?? p.name} deve ser uma fração entre 0/1 e 1/1; recebido ${p.got}`,
  "procedure.threshold_zero": (p) =>
    `o limiar deve ser maior que 0; recebido ${p.got}: ninguém precisaria votar a favor da proposta`,
  "decisions.body_not_found": (p) => `Nenhum órgão tem o id ${p.id}.`,
  "decisions.no_body": (p) => `nenhum órgão tem o id ${p.id}`,
  "decisions.no_state_body": (p) => `nenhum órgão de um Estado tem o id ${p.id}`,
  "decisions.proposal_not_found": (p) => `Nenhuma proposta tem o id ${p.id}.`,
  "decisions.positions_need_delegation": () => "só uma delegação tem posições a tomar",
  "decisions.notices_need_delegation": () =>
    "As notificações vão para as delegações: esta conta não pertence a nenhuma.",
  "decisions.request_by_head": (p) =>
    `Só o chefe da delegação de um Estado junto a ${p.organization} pode apresentar o pedido dele.`,
  "decisions.no_request_body": (p) =>
    `${p.organization} não tem órgão que decida pedidos: suas regras não nomeiam nenhum.`,
  "decisions.partnership_names_framework": () =>
    "um pedido de parceria nomeia seu quadro, e só um pedido de parceria o faz",
  "decisions.status_held": (p) => `${p.state} já é ${p.status} de ${p.organization}.`,
  "decisions.designation_not_held": (p) =>
    `${p.designee} não tem hoje nenhuma designação ${p.designation} de ${p.state}.`,
  "decisions.designation_held": (p) =>
    `${p.designee} já tem a designação ${p.designation} de ${p.state} (relação ${p.relation}).`,
  "decisions.must_be_future": (p) => `deve estar no futuro; recebido ${p.got}`,
  "decisions.unilateral_in_state_body": () => "uma decisão unilateral é tomada no órgão próprio de um Estado",
  "decisions.name_the_state": () => "indique o Estado a que corresponde esta posição",
  "decisions.not_a_member": (p) =>
    `${p.state} não era membro de ${p.body} quando a proposta ${p.id} foi aberta, então não toma posição sobre ela.`,
  "decisions.position_not_accepted": (p) =>
    `um procedimento de ${procedure(p.procedure)} aceita ${p.allowed}; recebido ${p.got}`,
  "decisions.statement_required": (p) => `${POSITION_NOUNS[p.position] ?? p.position} deve ser declarada por escrito`,
  "decisions.positions_closed": (p) =>
    `O prazo da proposta ${p.id} venceu em ${p.deadline}: as posições estão encerradas; o resultado está sendo registrado.`,
  "decisions.no_deadline_to_extend": (p) => `A proposta ${p.id} não tem prazo a prorrogar.`,
  "decisions.deadline_passed_no_extension": (p) => `O prazo da proposta ${p.id} venceu: não pode mais ser prorrogado.`,
  "decisions.extension_after_deadline": (p) => `uma prorrogação deve ser posterior ao prazo atual, ${p.deadline}`,
  "decisions.unilateral_no_rounds": () => "Uma decisão unilateral não tem rodadas a recircular.",
  "decisions.deadline_passed_recording": (p) =>
    `O prazo da proposta ${p.id} venceu: o resultado está sendo registrado.`,
  "decisions.closed_already": (p) => `A proposta ${p.id} já está encerrada (${status(p.status)}).`,
  "decisions.closed_by_chair_only_consensus": (p) =>
    `Só um procedimento de consenso é encerrado pela presidência; um procedimento de ${procedure(p.procedure)} é decidido ${p.procedure === "unilateral" ? "pelo seu Estado" : "no seu prazo"}.`,
  "decisions.attachment_too_large": (p) => `um anexo pode ter no máximo ${p.mib} MiB`,
  "decisions.attachment_not_found": (p) => `A proposta ${p.id} não tem o anexo ${p.attachment}.`,
  "decisions.closed": (p) =>
    `A proposta ${p.id} está encerrada (${status(p.status)}${p.at ? ` em ${p.at}` : ""}): nada mais pode ser alterado.`,

  "notices.not_found": (p) => `Nenhuma notificação de suspensão ou de retirada tem o id ${p.id}.`,
  "notices.file_by_head": (p) =>
    `Só o chefe da delegação de um Estado junto a ${p.organization} pode apresentar a notificação dele.`,
  "notices.statement_required": () =>
    "uma notificação é feita por escrito: declare do que o Estado notifica, e por quê",
  "notices.not_a_member": (p) =>
    `${p.state} não é membro de ${p.organization} hoje, portanto não tem participação a ${p.kind === "suspension" ? "suspender" : "encerrar"}.`,
  "notices.membership_ends": (p) => `A condição de membro de ${p.state} em ${p.organization} já termina em ${p.until}.`,
  "notices.pending": (p) =>
    `${p.state} já tem uma notificação pendente sobre esta condição de membro (notificação ${p.notice}); retire-a primeiro para apresentar outra.`,
  "notices.suspended_already": (p) =>
    `A participação de ${p.state} em ${p.organization} já está suspensa (relação ${p.relation}).`,
  "notices.withdraw_by_head": (p) =>
    `Só o chefe da delegação de ${p.state} junto a ${p.organization} pode retirar a notificação dele.`,
  "notices.withdrawn_already": (p) => `A notificação ${p.id} já foi retirada, em ${p.on}.`,
  "notices.in_effect": (p) =>
    `A notificação ${p.id} produziu efeito em ${p.effectiveOn}: já não pode ser retirada (o caminho de volta é um novo pedido).`,
  "notices.nothing_to_acknowledge": (p) =>
    `A notificação ${p.id} foi retirada por ${p.state}: não há recebimento a confirmar.`,
  "notices.past_acknowledging": (p) =>
    `A notificação ${p.id} produziu efeito em ${p.effectiveOn}: já não cabe confirmar o recebimento.`,
  "notices.acknowledged_already": (p) => `O recebimento da notificação ${p.id} já foi confirmado, em ${p.on}.`,

  "accounts.email_invalid": (p) => `${p.reason} (recebido "${p.got}")`,
  "accounts.not_an_organization": (p) => `${p.code} não é uma organização do registro (p. ex., NATO, UNASUR)`,
  "accounts.email_taken": (p) => `Já existe uma conta com o endereço de e-mail ${p.email}.`,
  "accounts.no_such_account": (p) => `nenhuma conta tem o endereço ${p.email}`,
  "accounts.last_administrator": (p) =>
    `${p.email} é o último administrador ativo de ${p.organization}: nomeie outro primeiro, para que ninguém fique sem acesso.`,
  "accounts.last_administrator_here": (p) =>
    `Este é o último administrador ativo de ${p.organization}: nomeie outro primeiro, para que ninguém fique sem acesso.`,
  "accounts.password_needed": (p) =>
    `é obrigatória: o login único não está configurado para ${p.organization}, então uma conta sem senha nunca poderia entrar`,
  "accounts.account_not_found": (p) => `Nenhuma conta de ${p.organization} tem o id ${p.id}.`,
  "accounts.auditor_password": () =>
    "Um auditor do sistema consulta o registro de auditoria de todas as organizações: definir a senha dele não cabe a nenhuma organização.",
  "accounts.own_password": () => "Altere sua própria senha na página da sua conta (ela pede a atual).",
  "accounts.auditor_role": () =>
    "A função system-auditor só é concedida e retirada na linha de comando do servidor (concord admin auditor).",
  "accounts.role_without_delegation": (p) => `uma conta ${p.role} não pertence a nenhuma delegação`,
  "accounts.role_needs_delegation": (p) =>
    `uma conta ${p.role} fala em nome de um Estado: indique a delegação dela (p. ex., COL)`,
  "accounts.not_a_state": (p) => `${p.code} não é um Estado do registro`,
  "accounts.state_unrelated": (p) =>
    `hoje o registro não relaciona ${p.state} a ${p.organization} de forma alguma (membro, parceiro, candidato, observador…): registre primeiro essa relação, depois a delegação`,
  "accounts.too_many_wrong_passwords": (p) =>
    `Senhas erradas demais a partir do seu endereço. Tente novamente em ${p.minutes} minuto(s).`,
  "accounts.not_your_password": () => "não é a sua senha",
  "accounts.not_your_current_password": () => "não é a sua senha atual",
  "accounts.same_as_temporary": () => "deve ser diferente da senha temporária que um administrador lhe deu",
  "accounts.reauthentication_required": (p) =>
    `Confirme com a sua senha (json.password): criar um token de API a exige, ou uma entrada nos últimos ${p.minutes} minutos.`,
  "accounts.token_not_found": (p) => `Você não tem nenhum token de API ativo com o id ${p.id}.`,
  "oidc.state_invalid": () =>
    "Esta entrada não começou neste navegador, expirou ou já foi usada. Comece a entrada de novo.",
  "oidc.email_unverified": () =>
    "Seu provedor de identidade não confirma que o endereço de e-mail é seu (email_verified), então o Concord não pode fazer sua entrada com ele. Peça aos administradores do provedor que verifiquem seu endereço, ou entre com uma senha.",
  "oidc.identity_linked_elsewhere": (p) =>
    `A conta com o endereço de e-mail ${p.email} está vinculada a outra identidade de login único. Peça a um administrador que verifique.`,
  "oidc.other_organization": (p) =>
    `A conta com o endereço de e-mail ${p.email} pertence a ${p.organization}; aqui o login único é para ${p.expected}. Entre com sua senha.`,
  "oidc.account_disabled": () => "Esta conta está desativada. Fale com um administrador da sua organização.",
  "oidc.email_missing": () =>
    "Seu provedor de identidade não forneceu um endereço de e-mail utilizável, necessário para uma conta nova do Concord. Peça aos administradores dele que liberem o atributo email para o Concord.",
  "oidc.delegation_not_a_state": (p) =>
    `Seu provedor de identidade diz que você pertence à delegação de "${p.delegation}" (atributo ${p.claim}), que não é um Estado do registro do Concord. Peça aos administradores dele que definam ${p.claim} como o código ISO 3166 alfa-3 de um Estado, como FRA.`,
  "oidc.delegation_not_a_code": (p) =>
    `O atributo ${p.claim} do seu provedor de identidade (${p.shown}) não é o código ISO 3166 alfa-3 de um Estado, como FRA. Peça aos administradores dele que o corrijam.`,
  "oidc.role_without_delegation": (p) =>
    `Seu provedor de identidade lhe dá a função ${p.role} (atributo ${p.claim}) mas nenhuma delegação: um ${p.role} fala por um Estado. Peça aos administradores dele que definam o atributo de delegação.`,
  "oidc.role_with_delegation": (p) =>
    `Seu provedor de identidade lhe dá a função ${p.role} (atributo ${p.claim}) e a delegação de ${p.delegation}: funções de secretariado não pertencem a nenhuma delegação. Peça aos administradores dele que corrijam uma delas.`,
  "oidc.denied": (p) => `Seu provedor de identidade não fez sua entrada (${p.detail}).`,
  "oidc.failed": (p) => `Seu provedor de identidade não aceitou esta entrada (${p.detail}). Comece a entrada de novo.`,
  "oidc.unverifiable": (p) =>
    `Não foi possível verificar a resposta do seu provedor de identidade (${p.reason}). Comece a entrada de novo.`,

  "password.too_short": (p) => `deve ter pelo menos ${p.minimum} caracteres`,
  "password.too_long": (p) => `deve ter no máximo ${p.maximum} caracteres`,
  "password.spaces": () => "não deve começar nem terminar com espaços",
  "password.common": () => "é uma das senhas mais comuns, que os atacantes tentam primeiro: escolha outra",
  "webhooks.url_scheme": () => "deve ser uma URL http:// ou https://",
  "webhooks.url_credentials": () => "não deve levar nome de usuário nem senha (a assinatura autentica o Concord)",
  "webhooks.url_private": (p) =>
    `${p.host} é ${p.range}: os webhooks são enviados só para endereços públicos (o operador pode permitir outros com CONCORD_WEBHOOK_ALLOW_PRIVATE=true)`,
  "webhooks.not_found": (p) => `Nenhum webhook ativo tem o id ${p.id}.`,

  "validation.search_text": () => "deve conter algo a pesquisar",
  "search.limit_range": (p) => `deve ser um número inteiro de 1 a ${p.maximum}`,

  "validation.given_once": (p) => `${p.where}: deve ser informado uma só vez (recebidos ${p.count} valores)`,
  "validation.got": (p) => ` (recebido ${p.text})`,
  "validation.calendar_date": () => "deve ser uma data real do calendário escrita AAAA-MM-DD",
  "validation.real_date": () => "deve ser uma data real escrita AAAA-MM-DD, AAAA-MM ou AAAA",
  "validation.not_empty": () => "não deve estar vazio",
  "validation.positive_whole": () => "deve ser um número inteiro positivo",
  "validation.limit_range": (p) => `deve ser um número inteiro de 1 a ${p.maximum}`,
  "validation.offset": () => "deve ser um número inteiro, 0 ou maior",
  "validation.required": () => "é obrigatório",
  "validation.one_of": (p) => `deve ser um de ${p.options}`,
  "validation.control_characters": () => "não deve conter caracteres de controle",
  "validation.too_long": (p) => `deve ter no máximo ${p.maximum} caracteres`,
  "validation.unknown_field": (p) => `campo(s) desconhecido(s): ${p.keys}`,

  "outcome.consensus.all-concurred": (p) =>
    `Todos os ${p.count} membros concordaram${p.reservations ? `, ${p.reservations} com uma reserva.` : "."}`,
  "outcome.consensus.deadline-passed-without-consensus": (p) =>
    "O prazo venceu sem consenso" +
    (p.objecting ? `: ${p.objecting} objetou/objetaram` : "") +
    (p.silent > 0 ? `${p.objecting ? ";" : ":"} ${p.silent} membro(s) não tomaram posição` : "") +
    ".",
  "outcome.silence.deadline-passed-unbroken": () => "O prazo venceu e nenhum membro rompeu o silêncio.",
  "outcome.silence.deadline-passed-broken": (p) => `${p.breakers} rompeu/romperam o silêncio antes do prazo.`,
  "outcome.unilateral.designating-state-concurred": (p) => `${p.state} decidiu adotar.`,
  "outcome.unilateral.designating-state-declined": (p) => `${p.state} decidiu não adotar.`,
  "outcome.majority.quorum-not-met": (p) =>
    `Quórum não atingido: participaram ${p.takingPart} de ${p.members}, eram necessários ${p.quorum} (${counted(p)}).`,
  "outcome.majority.threshold-met": (p) =>
    `Adotada com ${NEEDED(p.threshold)} ${OF[p.base] ?? p.base} (${counted(p)}).`,
  "outcome.majority.threshold-not-met": (p) =>
    `Não adotada: eram necessários ${NEEDED(p.threshold)} ${OF[p.base] ?? p.base} (${counted(p)}).`,

  "cli.as_of": (p) => `${p.name} (${p.code}) em ${p.at}: ${p.count} relação(ões)`,
  "cli.column.code": () => "Código",
  "cli.column.name": () => "Nome",
  "cli.column.kind": () => "Tipo",
  "cli.column.since": () => "Desde",
  "cli.column.until": () => "Até",
  "cli.column.certainty": () => "Certeza",
  "cli.column.sources": () => "Fontes",
  "cli.column.id": () => "Id",
  "cli.column.subject": () => "Sujeito",
  "cli.column.relation": () => "Relação",
  "cli.column.object": () => "Objeto",
  "cli.column.of": () => "De",
  "cli.column.chair": () => "Presidência",
  "cli.column.default_procedure": () => "Procedimento padrão",
  "cli.column.body": () => "Órgão",
  "cli.column.title": () => "Título",
  "cli.column.procedure": () => "Procedimento",
  "cli.column.status": () => "Situação",
  "cli.column.deadline_or_decided": () => "Prazo / decidida",
  "cli.column.positions": () => "Posições",
  "cli.column.round": () => "Rodada",
  "cli.column.opened": () => "Aberta",
  "cli.column.deadline": () => "Prazo",
  "cli.column.extensions": () => "Prorrogações",
  "cli.column.state": () => "Estado",
  "cli.column.position": () => "Posição",
  "cli.column.cast_at": () => "Tomada em",
  "cli.column.recorded_by": () => "Registrada por",
  "cli.column.detail": () => "Detalhe",
  "cli.search_kind.state": () => "Estado",
  "cli.search_kind.organization": () => "organização",
  "cli.search_kind.framework": () => "quadro",
  "cli.search_kind.proposal": () => "proposta",
  "cli.search_kind.source": () => "fonte",
  "cli.nothing_found": (p) => `Nada encontrado para "${p.q}".`,
  "cli.bodies": (p) => `${p.count} órgão(s) decisório(s)`,
  "cli.proposals": (p) =>
    `${p.count} proposta(s)${p.status ? ` ${status(p.status)}(s)` : ""}${p.body ? ` em ${p.body}` : ""}, da mais recente à mais antiga`,
  "cli.status.open": () => "aberta",
  "cli.status.closed": () => "encerrada",
  "cli.status.adopted": () => "adotada",
  "cli.status.not-adopted": () => "não adotada",
  "cli.status.withdrawn": () => "retirada",
  "cli.reconstructed": () => " (reconstituída)",
  "cli.no_deadline": () => "sem prazo",
  "cli.none": () => "nenhum",
  "cli.position_recorded": (p) =>
    `Registrada a posição de ${p.name} (${p.state}) sobre a proposta ${p.id}: ${p.position} (pela CLI, em seu nome).`,
  "cli.proposal_now": (p) => `A proposta ${p.id} está agora ${p.status} (${p.rule}): ${p.explanation}`,
  "cli.registry_relation": (p) => `Registro: relação ${p.relation}, citando a fonte ${p.source}.`,
  "cli.proposal_stays_open": (p) =>
    `A proposta ${p.id} continua aberta: ${p.taken} de ${p.members} membros tomaram posição na rodada ${p.round}` +
    (p.deadline ? `; prazo ${p.deadline}.` : "."),
  "cli.proposal_heading": (p) => `Proposta ${p.id}: ${p.title}`,
  "cli.field.body": () => "Órgão",
  "cli.field.procedure": () => "Procedimento",
  "cli.field.purpose": () => "Finalidade",
  "cli.field.status": () => "Situação",
  "cli.field.opened": () => "Aberta",
  "cli.field.round": () => "Rodada",
  "cli.field.positions": () => "Posições",
  "cli.body_line": (p) => `${p.name} (${p.id}, ${p.actor}); presidência: ${p.chair}`,
  "cli.purpose": (p) => `${p.purpose}${p.concerns ? `, relativa a ${p.concerns}` : ""}`,
  "cli.reconstructed_long": () => " (reconstituída a partir das fontes; as posições individuais não constam)",
  "cli.round_of": (p) => `${p.round} de ${p.rounds}`,
  "cli.round_deadline": (p) => `, prazo ${p.deadline}`,
  "cli.positions_in_round": (p) => `${p.taken} de ${p.members} membros na rodada ${p.round}`,
  "cli.rounds": () => "Rodadas:",
  "cli.extension": (p) => `${p.from} -> ${p.to} por ${p.by}`,
  "cli.text_of_round": (p) => `Texto (rodada ${p.round}):`,
  "cli.members": (p) => `Membros (${p.count}):`,
  "cli.positions_not_recorded": () => "(as posições individuais não constam)",
  "cli.broke_silence": () => " (rompeu o silêncio)",
  "cli.statements": () => "Declarações:",
  "cli.earlier_positions": () => "Posições anteriores (alteradas depois, ou de uma rodada anterior):",
  "cli.attachments": () => "Anexos:",
  "cli.attachment": (p) => `${p.id}. ${p.name} (${p.mediaType}, ${p.size} bytes)`,
  "cli.outcome_pending": () =>
    "Resultado: ainda não decidido; o Concord o registra assim que as regras o tornam certo.",
  "cli.outcome_pending_deadline": (p) =>
    `Resultado: ainda não decidido; o Concord o registra assim que as regras o tornam certo, o mais tardar no prazo (${p.deadline}).`,
  "cli.outcome": (p) =>
    `Resultado:  ${status(p.status)}${p.on ? ` em ${p.on}` : ""}${p.by ? `, registrado por ${p.by}` : ""}`,
  "cli.rule": (p) => `Regra:      ${p.rule}`,
  "cli.why": (p) => `Motivo:     ${p.explanation}`,
  "cli.registry": (p) =>
    `Registro:   ${p.relation ? `relação ${p.relation}` : "nenhuma relação alterada"}${p.source ? `, fonte ${p.source}` : ""}`,
  "cli.notices": (p) => `Avisos:     ${p.count} aviso(s) de resultado enviados às delegações membros`,
  "cli.procedure.majority_short": (p) =>
    `maioria (${NEEDED(p.threshold).replace(/^pelo menos /, "")} ${OF[p.base] ?? p.base})`,
  "cli.procedure.majority_long": (p) =>
    `maioria: ${NEEDED(p.threshold).replace(/^pelo menos /, "")} ${OF[p.base] ?? p.base}, quórum ${p.quorum} dos membros, abstenções ${p.abstentions === "counted" ? "contadas" : "excluídas da contagem"}`,
  "cli.procedure.consensus": () => "consenso",
  "cli.procedure.silence": () => "silêncio",
  "cli.procedure.unilateral": () => "unilateral",
  "cli.usage.missing_argument": (p) => `Falta um argumento: ${p.what}.`,
  "cli.usage.organization_code": () => "o código da organização, p. ex., NATO",
  "cli.usage.actor_code": () => "o código do Estado ou da organização, p. ex., COL",
  "cli.usage.csv_file": () => "o arquivo CSV a importar",
  "cli.usage.proposal_id": () => "o id da proposta (concord proposals as lista)",
  "cli.usage.unknown_command": (p) => `Comando desconhecido "${p.command}".`,
  "cli.usage.unknown_admin": (p) => `Comando admin desconhecido "${p.command}": use admin create ou admin auditor.`,
  "cli.usage.unknown_import": (p) =>
    `Importação desconhecida "${p.name}": as disponíveis são cow-states, gml-mid e menu.`,
  "cli.usage.unknown_audit": (p) => `Comando audit desconhecido "${p.command}": use audit verify ou audit head.`,
  "cli.usage.date": (p) =>
    `${p.option}: deve ser uma data real do calendário escrita AAAA-MM-DD (recebido "${p.got}").`,
  "cli.usage.one_of": (p) => `${p.option}: deve ser um de ${p.options} (recebido "${p.got}").`,
  "cli.usage.status": (p) => `--status: deve ser open ou closed (recebido "${p.got}").`,
  "cli.usage.state_required": () =>
    "--state é obrigatório: o Estado membro a que corresponde esta posição (p. ex., COL).",
  "cli.usage.state_code": (p) => `--state: deve ser um código em maiúsculas como COL ou NATO (recebido "${p.got}").`,
  "cli.usage.position_required": (p) => `--position é obrigatório: um de ${p.options}.`,
  "cli.usage.proposal_id_number": (p) => `O id da proposta deve ser um número inteiro positivo (recebido "${p.got}").`,
  "cli.usage.statement_empty": () => "--statement: não deve estar vazio.",
  "cli.usage.statement_long": () => "--statement: deve ter no máximo 20000 caracteres.",
  "cli.usage.statement_control": () => "--statement: não deve conter caracteres de controle.",
  "cli.usage.see_help": () => "Execute concord help para ver os comandos e suas opções.",
  "cli.usage.search_text": () => "o texto a pesquisar, p. ex., colombia",
  "cli.cannot_read": (p) => `Não é possível ler ${p.file}: ${p.reason}`,
  "cli.no_such_file": () => "arquivo inexistente",
  "cli.importing": () => "Importando",
  "cli.import_summary": (p) =>
    `Lidas ${p.rows} linhas de ${p.file}: ${p.loaded} períodos carregados, ${p.unchanged} já presentes, ${p.refused} recusadas.`,
  "cli.import_junk": (p) => `Valores ignorados em colunas finais sem nome em ${p.count} linha(s): ${p.lines}.`,
  "cli.import_refused": () => "Linhas recusadas:",
  "cli.import_line": (p) => `  linha ${p.line}: ${p.reason}`,
  "cli.signal_stopping": (p) => `${p.signal} recebido: parando.`,
  "cli.help": (p) =>
    `Concord — o registro das parcerias de uma aliança.

Uso:
  concord start                                  inicia o servidor (banco de dados, dados iniciais,
                                                 interface web)
  concord members <ORG> [--at DATE] [--kind K] [--framework F] [--lang L] [--json]
                                                 quem estava em que relação com uma organização em DATE
  concord relations <CODE> [--at DATE] [--lang L] [--json]
                                                 todas as relações de um Estado ou organização em DATE
  concord search <TEXT> [--lang L] [--json]      Estados, organizações, quadros, propostas e fontes
                                                 cujo código, nome ou título contém TEXT (sem
                                                 distinguir maiúsculas nem acentos), nomeados em L
  concord bodies [--lang L] [--json]             os órgãos decisórios e seus procedimentos padrão
  concord proposals [--status open|closed] [--body ID] [--lang L] [--json]
                                                 as propostas, da mais recente à mais antiga:
                                                 procedimento, situação ou resultado, prazo ou data da
                                                 decisão, posições tomadas pelos membros
  concord proposal <ID> [--lang L] [--json]      uma proposta: procedimento, rodadas, a posição de cada
                                                 Estado membro, o resultado com sua regra e o porquê
  concord position <ID> --state CODE --position P [--statement TEXT] [--json]
                                                 registra uma posição que um Estado deu por escrito (p.
                                                 ex., a carta assinada de sua delegação); o registro de
                                                 auditoria a guarda como registrada pela CLI em nome do
                                                 Estado
  concord programmes [--organization ORG] [--partner CODE] [--lang L] [--json]
                                                 programas individuais de parceria: parceiro, tipo,
                                                 ciclo, estado, a versão em vigor
  concord programme <ID> [--lang L] [--json] [--iati]
                                                 um programa: objetivos → metas → atividades com o
                                                 progresso de cada meta; --iati imprime XML IATI 2.03
  concord menu [--organization ORG] [--area A] [--lang L] [--json]
                                                 o menu de parceria de hoje
  concord menu search <WORDS> [--lang L] [--json]
                                                 atividades do menu cujo título ou descrição contém
                                                 WORDS
  concord import menu <file.csv> [--organization ORG] [--json]
                                                 importa um menu em CSV; relata as linhas recusadas
  concord import cow-states <file.csv>           importa a lista do sistema de Estados do Correlates of
                                                 War
  concord audit verify [--head FILE]             verifica a cadeia de hashes do registro de auditoria,
                                                 e que ele ainda contém uma cabeça impressa por audit
                                                 head e guardada em FILE
  concord audit head                             assina a cabeça atual do registro de auditoria e a
                                                 imprime (JSON)
  concord admin create --email E --organization ORG [--name N]
                                                 cria um administrador do secretariado; a senha é lida
                                                 da entrada padrão
  concord admin auditor --email E [--revoke]     torna uma conta auditor do sistema, que consulta o
                                                 registro de auditoria de todas as organizações (só
                                                 aqui); --revoke a torna de novo analista de sua
                                                 organização
  concord help [--lang L]                        este texto, em L

DATE se escreve AAAA-MM-DD (padrão: hoje). K é um de ${p.kinds}.
P é um de ${p.positions}, conforme o procedimento da proposta permita;
${p.statements} e ${p.last} requerem --statement.
L é um de ${p.languages}. A configuração vem do ambiente: PORT, HOST,
CONCORD_DATA_DIR (padrão ./data), DATABASE_URL (usar esse PostgreSQL em vez do embutido).`,

  // ------------------------------------------------------------------ cooperation programmes
  ...menuMessages.pt,
  ...disputeMessages.pt,
  ...exchangeMessages.pt,
  ...documentMessages.pt,
  ...labelMessages.pt,
  ...programmesMessages.pt,
  ...eventsMessages.pt,
  ...resultsMessages.pt,
};
