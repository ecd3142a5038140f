#!/usr/bin/env node
// The `concord` command. Concord runs its TypeScript sources directly through tsx's loader,
// so there is no build step to forget between editing and running. What the process does
// (EPIPE, exit status) is src/cli/entry.ts, which the tests run bundled (test/support/concord-build.ts).
import { register } from "tsx/esm/api";

register();
await import("../src/cli/entry.ts");
