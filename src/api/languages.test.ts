/**
 * The API in the reader's language: refusals, validation messages and organisations' short
 * names follow `lang`, then Accept-Language, then English; the ids clients match on do not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConcord, type TestConcord } from "../../test/support/concord.ts";

let concord: TestConcord;
beforeAll(async () => {
  concord = await startConcord();
});
afterAll(async () => {
  await concord?.stop();
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(concord.baseUrl + path, { headers });
  return { status: response.status, body: (await response.json()) as any };
}

describe("a refusal", () => {
  it("answers in Spanish to Accept-Language: es, keeping its id and giving its catalogue code", async () => {
    const { status, body } = await get("/api/v1/actors/ZZZ", { "Accept-Language": "es-ES,es;q=0.9,en;q=0.5" });
    expect(status).toBe(404);
    expect(body.error).toEqual({
      id: "not_found",
      code: "registry.actor_not_found",
      message: "Ningún Estado ni organización tiene el código ZZZ.",
    });
  });

  it("answers in English without a language, word for word as before", async () => {
    const { body } = await get("/api/v1/actors/ZZZ");
    expect(body.error.message).toBe("No state or organisation has the code ZZZ.");
  });

  it("follows ?lang before Accept-Language, and names the field as the request carried it", async () => {
    const { status, body } = await get("/api/v1/organizations/NATO/members?framework=nope&lang=pt", {
      "Accept-Language": "fr",
    });
    expect(status).toBe(400);
    expect(body.error.id).toBe("invalid_request");
    expect(body.error.code).toBe("registry.no_such_framework_of");
    expect(body.error.message).toMatch(/^query\.framework: NATO não tem o quadro "nope"/);
  });

  it("says what is wrong with a parameter in the reader's language", async () => {
    const { status, body } = await get("/api/v1/organizations/NATO/members?at=2023-02-30", {
      "Accept-Language": "fr-CA,fr;q=0.9",
    });
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'query.at: doit être une vraie date du calendrier écrite AAAA-MM-JJ (reçu "2023-02-30")',
    );
  });
});

describe("a refusal before any service is asked", () => {
  it("names an unknown endpoint in French", async () => {
    const missing = await get("/api/v1/nowhere", { "Accept-Language": "fr" });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({
      id: "not_found",
      code: "request.no_endpoint",
      message: "Aucun point d’accès GET /api/v1/nowhere ; voir /api/docs.",
    });
  });

  it("says in Spanish that an API token opens nothing, and in Portuguese that live updates need an account", async () => {
    const token = await get("/api/v1/session", { Authorization: "Bearer concord_nope", "Accept-Language": "es" });
    expect(token.status).toBe(401);
    expect(token.body.error).toEqual({
      id: "invalid_token",
      code: "auth.invalid_token",
      message: "El token de API no es válido: puede estar mal escrito, caducado o revocado.",
    });
    const events = await fetch(`${concord.baseUrl}/api/v1/events?lang=pt`);
    expect(events.status).toBe(401);
    expect(((await events.json()) as any).error).toEqual({
      id: "unauthenticated",
      code: "live.sign_in_first",
      message: "Entre primeiro: as atualizações ao vivo requerem uma conta.",
    });
  });

  it("says what is wrong with a search in French, from the query's schema as from the service", async () => {
    const empty = await get("/api/v1/search?q=&lang=fr");
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/^query\.q: doit contenir quelque chose à rechercher/);
    const blank = await get("/api/v1/search?q=%20%20&lang=fr");
    expect(blank.status).toBe(400);
    expect(blank.body.error).toEqual({
      id: "invalid_request",
      code: "validation.search_text",
      message: "query.q: doit contenir quelque chose à rechercher",
    });
  });
});

describe("an organisation's short name", () => {
  it("is the reader's (NATO is OTAN in es, pt, fr; the OAS is the OEA), its code staying the id", async () => {
    const short = async (lang: string) => {
      const { body } = await get(`/api/v1/organizations?lang=${lang}`);
      return Object.fromEntries(
        (body.organizations as Array<{ code: string; abbreviation: string }>).map((org) => [
          org.code,
          org.abbreviation,
        ]),
      );
    };
    expect(await short("en")).toMatchObject({ NATO: "NATO", OAS: "OAS", EU: "EU", UNASUR: "UNASUR" });
    expect(await short("es")).toMatchObject({ NATO: "OTAN", OAS: "OEA", EU: "UE", UNASUR: "UNASUR" });
    expect(await short("pt")).toMatchObject({
      NATO: "OTAN",
      OAS: "OEA",
      EU: "UE",
      UNASUR: "UNASUL",
      MERCOSUR: "MERCOSUL",
    });
    expect(await short("fr")).toMatchObject({ NATO: "OTAN", OAS: "OEA", EU: "UE" });
    const { body } = await get("/api/v1/actors/NATO?lang=fr");
    expect(body.actor).toMatchObject({ code: "NATO", abbreviation: "OTAN" });
    const state = await get("/api/v1/actors/COL?lang=fr");
    expect(state.body.actor.abbreviation).toBeNull();
  });
});
