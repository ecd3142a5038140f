/**
 * The instance's ECDSA P-256 key for signing documents' STANAG 4778 bindings (binding.ts).
 *
 * Kept like the audit log's key, and for the same reason: in a file readable only by Concord's
 * user (mode 600), never in the database, so that whoever can rewrite the database (or restore
 * a backup) cannot sign a binding for a label they changed. Its path is CONCORD_DOCUMENT_KEY_FILE,
 * by default `<data folder>/document-binding-key.pem`; it is generated on first use, atomically
 * (the file appears whole or not at all, and of several processes starting at once one key
 * wins). The file handling is the audit key's (`loadPrivateKeyFile` in
 * src/services/audit/signing-key.ts); only the kind of key differs.
 *
 * Nothing here prints or logs the private key; messages name the file and the public key's
 * fingerprint (hex SHA-256 of its SPKI DER encoding) only.
 */
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { loadPrivateKeyFile, type PrivateKeyFileKind, type SigningKey } from "../audit/signing-key.ts";

export { NoSigningKeyError, SigningKeyError } from "../audit/signing-key.ts";

export const BINDING_KEY_FILE_NAME = "document-binding-key.pem";

/** Node's name for NIST P-256 (secp256r1), the curve ADatP-4778.2 names for ECDSA. */
export const BINDING_KEY_CURVE = "prime256v1";

/** The binding key as loaded: private and public key, fingerprint, file, whether it was just made. */
export type BindingKey = SigningKey;

/** Whether `key` (private or public) is an ECDSA key on P-256. */
export function isP256Key(key: KeyObject): boolean {
  return key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === BINDING_KEY_CURVE;
}

const DOCUMENT_BINDING_KEY: PrivateKeyFileKind = {
  name: "document binding key",
  algorithm: "ECDSA P-256",
  generate: () => generateKeyPairSync("ec", { namedCurve: BINDING_KEY_CURVE }).privateKey,
  accepts: isP256Key,
};

/**
 * Reads the binding key from `file`, generating it there first if it does not exist and
 * `create` is true (the default). Refuses a key file that other users can read or write, and
 * anything that is not an ECDSA P-256 private key.
 */
export async function loadBindingKey(file: string, options: { create?: boolean } = {}): Promise<BindingKey> {
  return loadPrivateKeyFile(file, DOCUMENT_BINDING_KEY, options);
}
