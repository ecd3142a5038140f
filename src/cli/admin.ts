/**
 * `concord admin create --email … --organization …`: the first administrator. The password is
 * read from standard input, never from an argument, where it would sit in the shell's history
 * and in every process listing.
 */
import type { Runtime } from "../runtime.ts";

export async function adminCreate(
  runtime: Runtime,
  options: { email?: string; organization?: string; name?: string },
): Promise<number> {
  if (!options.email) throw new CliUsageError("--email is required: the administrator's e-mail address.");
  if (!options.organization)
    throw new CliUsageError("--organization is required: the organisation whose secretariat this is (e.g. NATO).");
  const password = await readPassword(process.stdin, process.stderr);
  const account = await runtime.services.accounts.createAdministrator({
    email: options.email,
    password,
    organizationCode: options.organization,
    displayName: options.name,
  });
  console.log(
    `Created ${account.email}, secretariat administrator of ${account.organizationCode} (account ${account.id}).`,
  );
  return 0;
}

/** `concord admin auditor --email E [--revoke]`: gives (or takes back) the whole audit log to read. */
export async function adminAuditor(runtime: Runtime, options: { email?: string; revoke?: boolean }): Promise<number> {
  if (!options.email) throw new CliUsageError("--email is required: the account to make a system auditor.");
  const account = await runtime.services.accounts.setSystemAuditor(options.email, !options.revoke);
  console.log(
    options.revoke
      ? `${account.email} is no longer a system auditor; it is an analyst of ${account.organizationCode}.`
      : `${account.email} is a system auditor: it reads every organisation's audit log, and nothing else.`,
  );
  return 0;
}

export class CliUsageError extends Error {}

/**
 * On a terminal: asks twice without echoing. Otherwise: reads all of standard input, without
 * its final line break (`printf '%s' "$PASSWORD" | concord admin create …` and `<<<` both work).
 */
export async function readPassword(input: NodeJS.ReadStream, prompt: NodeJS.WriteStream): Promise<string> {
  if (!input.isTTY) {
    let text = "";
    for await (const chunk of input) text += chunk;
    return text.replace(/\r?\n$/, "");
  }
  const first = await askHidden(input, prompt, "Password: ");
  const second = await askHidden(input, prompt, "Password again: ");
  if (first !== second) throw new CliUsageError("The two passwords differ.");
  return first;
}

function askHidden(input: NodeJS.ReadStream, prompt: NodeJS.WriteStream, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    prompt.write(question);
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    let typed = "";
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n") {
          finish();
          return resolve(typed);
        }
        if (character === "\u0003") {
          finish();
          return reject(new CliUsageError("Cancelled."));
        }
        if (character === "\u007f") typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      prompt.write("\n");
    };
    input.on("data", onData);
  });
}
