/**
 * Every refusal validateReturn can give (RETURN_ERROR_PARAMS) is a message of every catalogue,
 * and renders each of its parameters: a key added to the domain without its words fails here.
 */
import { describe, expect, it } from "vitest";
import { RETURN_ERROR_PARAMS } from "../exchanges.ts";
import { LANGUAGES } from "../languages.ts";
import { CATALOGUES, type MessageKey, render } from "./index.ts";

describe("the words of a return's refusals", () => {
  for (const [key, params] of Object.entries(RETURN_ERROR_PARAMS))
    it(key, () => {
      const values = Object.fromEntries(params.map((name, i) => [name, `⟨${name}${i}⟩`]));
      for (const lang of LANGUAGES) {
        expect(CATALOGUES[lang], lang).toHaveProperty([key]);
        const text = render(lang, { key: key as MessageKey, params: values });
        for (const value of Object.values(values)) expect(text, `${lang}: ${text}`).toContain(value);
        expect(text).not.toContain("undefined");
      }
    });
});
