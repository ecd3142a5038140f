import { render } from "preact";
import { App } from "./app.tsx";
import { initialLang, loadText } from "./i18n/index.ts";
import "./styles.css";

const root = document.getElementById("app");
// The reader's language at once (<html lang>, and the API's Accept-Language: lib/api.ts), then
// their text (a small chunk of its own; English is already here) before the first render, so that
// it is in their language. Should the text not arrive, the app starts in English.
const lang = initialLang();
document.documentElement.lang = lang;
loadText("main", lang)
  .catch(() => {
    document.documentElement.lang = "en";
  })
  .finally(() => {
    if (root) render(<App />, root);
  });
