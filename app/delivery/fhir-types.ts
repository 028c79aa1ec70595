/**
 * The parts of FHIR R4 the portal writes, typed here because `@medplum/fhirtypes` is not
 * installed (it is only a development dependency of `@medplum/core`). Field names and
 * cardinalities follow the R4 specification; the validator in the tests checks every payload
 * against the full definitions, so a mistake here fails a test rather than reaching a receiver.
 */

export interface Coding {
  system?: string;
  version?: string;
  code?: string;
  display?: string;
  extension?: Extension[];
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Extension {
  url: string;
  valueCode?: string;
  valueUri?: string;
  valueString?: string;
  valueCoding?: Coding;
}

/** The element next to a primitive (`_valueString`) that carries its extensions. */
export interface PrimitiveElement {
  extension?: Extension[];
}

export interface Identifier {
  system?: string;
  value?: string;
}

export interface Reference {
  reference?: string;
  type?: string;
  display?: string;
  extension?: Extension[];
}

export interface Period {
  start?: string;
  end?: string;
}

export interface HumanName {
  use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden';
  text?: string;
}

export interface ContactPoint {
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  value?: string;
}

export interface Attachment {
  contentType?: string;
  language?: string;
  data?: string;
  title?: string;
  creation?: string;
  size?: number;
}

export interface Meta {
  profile?: string[];
  tag?: Coding[];
  lastUpdated?: string;
}

interface ResourceBase {
  id?: string;
  meta?: Meta;
  language?: string;
  extension?: Extension[];
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier?: Identifier[];
  name?: HumanName[];
}

export interface Practitioner extends ResourceBase {
  resourceType: 'Practitioner';
  identifier?: Identifier[];
  name?: HumanName[];
  telecom?: ContactPoint[];
}

export interface Organization extends ResourceBase {
  resourceType: 'Organization';
  identifier?: Identifier[];
  name?: string;
  partOf?: Reference;
}

export interface RelatedPerson extends ResourceBase {
  resourceType: 'RelatedPerson';
  patient: Reference;
  relationship?: CodeableConcept[];
}

export interface QuestionnaireAnswerOption {
  valueCoding?: Coding;
  valueString?: string;
}

export type QuestionnaireItemType = 'group' | 'display' | 'string' | 'text' | 'choice' | 'open-choice';

export interface QuestionnaireItem {
  linkId: string;
  text?: string;
  type: QuestionnaireItemType;
  required?: boolean;
  repeats?: boolean;
  maxLength?: number;
  answerOption?: QuestionnaireAnswerOption[];
  item?: QuestionnaireItem[];
  extension?: Extension[];
}

export interface Questionnaire extends ResourceBase {
  resourceType: 'Questionnaire';
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  subjectType?: string[];
  date?: string;
  publisher?: string;
  description?: string;
  item?: QuestionnaireItem[];
}

export interface CodeSystemConcept {
  code: string;
  display?: string;
  definition?: string;
  concept?: CodeSystemConcept[];
}

export interface CodeSystem extends ResourceBase {
  resourceType: 'CodeSystem';
  url?: string;
  version?: string;
  name?: string;
  title?: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  date?: string;
  publisher?: string;
  description?: string;
  caseSensitive?: boolean;
  hierarchyMeaning?: 'grouped-by' | 'is-a' | 'part-of' | 'classified-with';
  content: 'not-present' | 'example' | 'fragment' | 'complete' | 'supplement';
  count?: number;
  concept?: CodeSystemConcept[];
}

export interface QuestionnaireResponseAnswer {
  valueString?: string;
  _valueString?: PrimitiveElement;
  valueCoding?: Coding;
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponseItem {
  id?: string;
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
  extension?: Extension[];
}

export interface QuestionnaireResponse extends ResourceBase {
  resourceType: 'QuestionnaireResponse';
  identifier?: Identifier;
  questionnaire?: string;
  status: 'in-progress' | 'completed' | 'amended' | 'entered-in-error' | 'stopped';
  subject?: Reference;
  authored?: string;
  author?: Reference;
  source?: Reference;
  item?: QuestionnaireResponseItem[];
}

export interface ConsentProvisionActor {
  role: CodeableConcept;
  reference: Reference;
}

export interface ConsentProvision {
  type?: 'deny' | 'permit';
  period?: Period;
  actor?: ConsentProvisionActor[];
  purpose?: Coding[];
  code?: CodeableConcept[];
  data?: { meaning: 'instance' | 'related' | 'dependents' | 'authoredby'; reference: Reference }[];
}

export interface Consent extends ResourceBase {
  resourceType: 'Consent';
  status: 'draft' | 'proposed' | 'active' | 'rejected' | 'inactive' | 'entered-in-error';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient?: Reference;
  dateTime?: string;
  performer?: Reference[];
  organization?: Reference[];
  policy?: { authority?: string; uri?: string }[];
  policyRule?: CodeableConcept;
  provision?: ConsentProvision;
}

export interface ProvenanceAgent {
  type?: CodeableConcept;
  role?: CodeableConcept[];
  who: Reference;
  onBehalfOf?: Reference;
}

export interface Provenance extends ResourceBase {
  resourceType: 'Provenance';
  target: Reference[];
  occurredDateTime?: string;
  recorded: string;
  activity?: CodeableConcept;
  agent: ProvenanceAgent[];
}

export interface DocumentReference extends ResourceBase {
  resourceType: 'DocumentReference';
  status: 'current' | 'superseded' | 'entered-in-error';
  type?: CodeableConcept;
  subject?: Reference;
  date?: string;
  author?: Reference[];
  description?: string;
  content: { attachment: Attachment }[];
  context?: { related?: Reference[] };
}

export type Resource =
  | Patient
  | Practitioner
  | Organization
  | RelatedPerson
  | Questionnaire
  | CodeSystem
  | QuestionnaireResponse
  | Consent
  | Provenance
  | DocumentReference
  | Bundle;

export interface BundleEntry {
  fullUrl?: string;
  resource?: Resource;
}

export interface Bundle extends ResourceBase {
  resourceType: 'Bundle';
  identifier?: Identifier;
  type:
    'document' | 'message' | 'transaction' | 'transaction-response' | 'batch' | 'batch-response' | 'history' | 'searchset' | 'collection';
  timestamp?: string;
  entry?: BundleEntry[];
}
