/**
 * Confidentiality labels (STANAG 4774) and the rule of who may read what they mark: the public
 * API. Pure; the web app may import it (xml.ts brings @xmldom/xmldom with it).
 */
export * from "./model.ts";
export {
  categoryOf,
  categoryTypeMessage,
  characterCount,
  checkLabel,
  classificationAt,
  classificationRank,
  compareText,
  effectiveType,
  FRAMEWORK_SLUG,
  hasControlCharacters,
  instantOf,
  isDateTimeWithZone,
  isPermissiveValue,
  LABEL_LIMITS,
  LabelJsonError,
  labelJsonSchema,
  type LabelProblem,
  type LabelProblemKey,
  normalizeLabel,
  orderValues,
  parseLabelJson,
  parsePolicy,
  type Policies,
  type PolicyError,
  PolicyFileError,
  type PolicyParse,
  policyList,
  policyOf,
  REGISTRY_CODE,
  safeParsePolicy,
  securityPolicySchema,
  unclassifiedRank,
} from "./policies.ts";
export {
  type AccessDecision,
  type AccessReason,
  accessReasonMessage,
  decideAccess,
  labelInForce,
  type ReaderWithinInput,
  readerWithin,
} from "./access.ts";
export { type DominantOptions, type DominantResult, dominantLabel } from "./dominant.ts";
export { displayMarking, NOBODY_MARK } from "./marking.ts";
export {
  LABEL_NAMESPACE,
  LABEL_XML_MAX_BYTES,
  LabelXmlError,
  type LabelXmlErrorKey,
  labelFromXml,
  labelToXml,
  ORIGINATOR_URN_PREFIX,
} from "./xml.ts";
