import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { findAccount } from '../../db/repositories/accounts';
import { findOrganisation } from '../../db/repositories/organisations';
import { listConsentRecords, listShareVersions } from '../../db/repositories/sharing';
import type { Database, OutboxEventType, Share } from '../../db/schema';
import english from '../../locales/en/statement.json';
import { unseal } from '~/domain/sealed.server';
import type { SharedSnapshot } from '~/domain/sharing/shares.server';
import type { Answer, Author } from '~/domain/statement/answers';
import { scales, statement, type Question, type Section } from '~/domain/statement/definition';
import { copyFormat, deliveredCopy, type CopyFormat } from './delivered-copy.server';
import type {
  Bundle,
  BundleEntry,
  CodeSystem,
  CodeSystemConcept,
  Coding,
  Consent,
  DocumentReference,
  Extension,
  Organization,
  Patient,
  Practitioner,
  Provenance,
  ProvenanceAgent,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseAnswer,
  QuestionnaireResponseItem,
  Reference,
  RelatedPerson,
  Resource,
} from './fhir-types';

export type { Bundle, CodeSystem, Consent, Patient, Provenance, Questionnaire, QuestionnaireResponse, Resource } from './fhir-types';

/**
 * The portal's canonical base for FHIR: the Questionnaire, the code system and the identifier
 * systems all live under it. It is stable for a deployment (PUBLIC_ORIGIN), so a receiver can
 * store the URLs and match them later (docs/decisions/0011-delivery-fhir-and-webhooks.md).
 */
export const fhirBase = `${(process.env.PUBLIC_ORIGIN ?? 'http://localhost:3000').replace(/\/+$/, '')}/fhir`;
export const questionnaireUrl = `${fhirBase}/Questionnaire/in-my-words-statement`;
export const codeSystemUrl = `${fhirBase}/CodeSystem/in-my-words-cards`;
/** The Questionnaire's business version: raised whenever an item's meaning changes. */
export const questionnaireVersion = '1';

/**
 * The UK Core profile each resource claims (UK Core STU3, https://fhir.hl7.org.uk). The tests check
 * the rules these profiles add to base R4 (docs/decisions/0011-delivery-fhir-and-webhooks.md).
 */
export const ukCoreProfiles = {
  Bundle: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Bundle',
  Patient: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient',
  Practitioner: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner',
  Organization: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization',
  Consent: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Consent',
  QuestionnaireResponse: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-QuestionnaireResponse',
  RelatedPerson: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-RelatedPerson',
  Provenance: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Provenance',
  DocumentReference: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-DocumentReference',
} as const;

const systems = {
  person: `${fhirBase}/person-id`,
  worker: `${fhirBase}/worker-id`,
  organisation: `${fhirBase}/organisation-id`,
  team: `${fhirBase}/team-id`,
  event: `${fhirBase}/event-id`,
  version: `${fhirBase}/statement-version`,
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  loinc: 'http://loinc.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  participantType: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  dataOperation: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
  snomed: 'http://snomed.info/sct',
  ukCoreRelationship: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole',
};
/**
 * DocumentReference.type is bound (extensible) to UKCore-DocumentType: SNOMED CT concepts in the
 * record composition type refset 1127551000000109. "Patient narrative" is the person's own account.
 */
const documentType: Coding = { system: systems.snomed, code: '829261000000109', display: 'Patient narrative' };
const extensions = {
  language: 'http://hl7.org/fhir/StructureDefinition/language',
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
  targetElement: 'http://hl7.org/fhir/StructureDefinition/targetElement',
};

/* ---------------------------------------------------------------- words */

const cardWords = english.cards as Record<string, Record<string, string>>;
const topicWords = english.topics as Record<string, string>;
const scaleWords = english.scale as Record<string, string>;
const sectionWords = english.sections as Record<string, { title: string }>;
const questionWords = english.questions as Record<string, { title: string; resultTitle?: string; whoLabel?: string; whyLabel?: string }>;

/** Words that belong to the exchange, not to a page: no person reads them in the portal. */
const exchangeWords = {
  purpose: 'To understand what is happening, what matters to the person and what they want, and plan with them (adult safeguarding)',
  events: {
    'share.created': 'The person shared their statement',
    'share.version-added': 'A new version, under consent that covers new versions',
    'consent.changed': 'The person changed what they share: this replaces what was sent before',
    'consent.withdrawn': 'The person withdrew their consent',
    'consent.expired': 'The consent ended on the last day the person chose',
  } satisfies Record<OutboxEventType, string>,
  authors: { advocate: 'An advocate helping the person', representative: "The person's representative" },
  mostImportant: english.mostImportant.label,
};

/* ---------------------------------------------------------------- codes */

function coding(code: string, display: string): Coding {
  return { system: codeSystemUrl, code, display };
}
const cardCode = (question: Question, card: string) => `${question.id}.${card}`;
const cardCoding = (question: Question, card: string) => coding(cardCode(question, card), cardWords[question.id]?.[card] ?? card);
const scaleCoding = (value: string) => coding(`scale.${value}`, scaleWords[value] ?? value);
const sectionCoding = (id: string) => coding(`section.${id}`, sectionWords[id]?.title ?? id);
const eventCoding = (type: OutboxEventType) => coding(`event.${type}`, exchangeWords.events[type]);

/**
 * Every code the portal sends, by stable code: cards (`<question>.<card>`, because the same card
 * can mean different things under two questions), sort topics, scale values, sections, the
 * purpose of sharing, event types and who else may write an answer.
 */
export function cardCodeSystem(): CodeSystem {
  const concept: CodeSystemConcept[] = [];
  for (const { question } of statement.flatMap((section) => section.questions.map((question) => ({ section, question })))) {
    for (const card of question.cards ?? [])
      concept.push({ code: cardCode(question, card.code), display: cardCoding(question, card.code).display! });
  }
  const topics = new Set(statement.flatMap((s) => s.questions.flatMap((q) => (q.topics ?? []).map((t) => t.code))));
  for (const topic of topics) concept.push({ code: `topic.${topic}`, display: topicWords[topic] ?? topic });
  const values = new Set(Object.values(scales).flatMap((scale) => scale.map((value) => value.code)));
  for (const value of values) concept.push({ code: `scale.${value}`, display: scaleWords[value] ?? value });
  for (const section of statement) concept.push({ code: `section.${section.id}`, display: sectionCoding(section.id).display! });
  concept.push({ code: 'purpose.safeguarding-support', display: exchangeWords.purpose });
  for (const type of Object.keys(exchangeWords.events) as OutboxEventType[])
    concept.push({ code: `event.${type}`, display: exchangeWords.events[type] });
  concept.push({ code: 'author.advocate', display: exchangeWords.authors.advocate });
  concept.push({ code: 'author.representative', display: exchangeWords.authors.representative });
  return {
    resourceType: 'CodeSystem',
    url: codeSystemUrl,
    version: questionnaireVersion,
    name: 'InMyWordsCodes',
    title: 'In My Words: picture cards, topics, scales and other codes',
    status: 'active',
    publisher: 'In My Words',
    description:
      'The codes of the In My Words statement. A code never changes meaning; the display is the English wording, and the person may have seen the card in another language.',
    caseSensitive: true,
    content: 'complete',
    count: concept.length,
    concept,
  };
}

/* ---------------------------------------------------------------- the Questionnaire */

const linkIdOf = (section: Section, question: Question) => `${section.id}.${question.id}`;

function questionItems(section: Section, question: Question): QuestionnaireItem[] {
  const linkId = linkIdOf(section, question);
  const text = questionWords[question.id]?.title ?? question.id;
  switch (question.kind) {
    case 'text':
      return [{ linkId, text, type: question.maxLength <= 100 ? 'string' : 'text', maxLength: question.maxLength }];
    case 'cards':
    case 'outcomes': {
      // open-choice: picture cards as codes, and the person's own words as free text beside them.
      const answerOption = (question.cards ?? []).map((card) => ({ valueCoding: cardCoding(question, card.code) }));
      const items: QuestionnaireItem[] = [
        { linkId, text, type: 'open-choice', repeats: true, maxLength: question.maxLength, answerOption },
      ];
      if (question.kind === 'outcomes') {
        items.push({ linkId: `${linkId}.most-important`, text: exchangeWords.mostImportant, type: 'choice', repeats: true, answerOption });
      }
      return items;
    }
    case 'sort':
      return [
        {
          linkId,
          text: questionWords[question.id]?.resultTitle ?? text,
          type: 'group',
          item: (question.topics ?? []).map((topic) => ({
            linkId: `${linkId}.${topic.code}`,
            text: topicWords[topic.code] ?? topic.code,
            type: 'choice',
            answerOption: scales[topic.scale].map((value) => ({ valueCoding: scaleCoding(value.code) })),
          })),
        },
      ];
    case 'who-and-why':
      return [
        {
          linkId,
          text,
          type: 'group',
          item: [
            { linkId: `${linkId}.who`, text: questionWords[question.id]?.whoLabel ?? 'Who', type: 'text', maxLength: question.maxLength },
            { linkId: `${linkId}.why`, text: questionWords[question.id]?.whyLabel ?? 'Why', type: 'text', maxLength: question.maxLength },
          ],
        },
      ];
  }
}

/** The statement as a FHIR Questionnaire, generated from its one definition, with the English wording. */
export function questionnaire(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    url: questionnaireUrl,
    version: questionnaireVersion,
    name: 'InMyWordsStatement',
    title: english.title,
    status: 'active',
    subjectType: ['Patient'],
    publisher: 'In My Words',
    language: 'en',
    description:
      "An adult's own statement for adult safeguarding: what matters to them, how they feel, what they want to happen and how to contact them safely. Answers to picture cards are codes; own words are kept as written, in the language they were written in.",
    item: statement.map((section) => ({
      linkId: section.id,
      text: sectionWords[section.id]?.title ?? section.id,
      type: 'group',
      item: section.questions.flatMap((question) => questionItems(section, question)),
    })),
  };
}

/* ---------------------------------------------------------------- the QuestionnaireResponse */

function words(text: string, language: string): QuestionnaireResponseAnswer {
  return { valueString: text, _valueString: { extension: [{ url: extensions.language, valueCode: language }] } };
}

/** "Skipped" and "I do not know" are answers too: said with the standard data-absent-reason codes. */
function absent(status: 'skipped' | 'unknown'): Extension[] {
  return [{ url: extensions.dataAbsentReason, valueCode: status === 'skipped' ? 'asked-declined' : 'asked-unknown' }];
}

/** The items for one answered question, each with an id so Provenance can point at it. */
function responseItems(section: Section, question: Question, answer: Answer): QuestionnaireResponseItem[] {
  const linkId = linkIdOf(section, question);
  const text = questionWords[question.id]?.title;
  if (answer.status !== 'answered') return [{ id: linkId, linkId, text, extension: absent(answer.status) }];
  switch (question.kind) {
    case 'text':
      return answer.text ? [{ id: linkId, linkId, text, answer: [words(answer.text, answer.language)] }] : [];
    case 'cards':
    case 'outcomes': {
      const answers = answer.codes.map((code) => ({ valueCoding: cardCoding(question, code) }));
      const all: QuestionnaireResponseAnswer[] = answer.text ? [...answers, words(answer.text, answer.language)] : answers;
      const items: QuestionnaireResponseItem[] = all.length ? [{ id: linkId, linkId, text, answer: all }] : [];
      if (question.kind === 'outcomes' && answer.mostImportant.length) {
        items.push({
          id: `${linkId}.most-important`,
          linkId: `${linkId}.most-important`,
          text: exchangeWords.mostImportant,
          answer: answer.mostImportant.map((code) => ({ valueCoding: cardCoding(question, code) })),
        });
      }
      return items;
    }
    case 'sort': {
      const topics: QuestionnaireResponseItem[] = [];
      for (const topic of question.topics ?? []) {
        const rating = answer.ratings[topic.code];
        const topicLinkId = `${linkId}.${topic.code}`;
        const base = { id: topicLinkId, linkId: topicLinkId, text: topicWords[topic.code] };
        if (rating === 'skipped' || rating === 'unknown') topics.push({ ...base, extension: absent(rating) });
        else if (rating && scales[topic.scale].some((value) => value.code === rating))
          topics.push({ ...base, answer: [{ valueCoding: scaleCoding(rating) }] });
      }
      return topics.length ? [{ id: linkId, linkId, text: questionWords[question.id]?.resultTitle, item: topics }] : [];
    }
    case 'who-and-why': {
      const parts: QuestionnaireResponseItem[] = [];
      if (answer.text) parts.push({ id: `${linkId}.who`, linkId: `${linkId}.who`, answer: [words(answer.text, answer.language)] });
      if (answer.reason) parts.push({ id: `${linkId}.why`, linkId: `${linkId}.why`, answer: [words(answer.reason, answer.language)] });
      return parts.length ? [{ id: linkId, linkId, text, item: parts }] : [];
    }
  }
}

/** The shared sections as response items, with who wrote each top-level item. */
function responseSections(snapshot: SharedSnapshot, sections: string[]) {
  const groups: QuestionnaireResponseItem[] = [];
  const writtenBy = new Map<string, Author>();
  for (const section of statement.filter((s) => sections.includes(s.id))) {
    const items: QuestionnaireResponseItem[] = [];
    for (const question of section.questions) {
      const answer = snapshot.answers[question.id];
      if (!answer) continue;
      for (const item of responseItems(section, question, answer)) {
        items.push(item);
        writtenBy.set(item.id!, answer.by);
      }
    }
    if (items.length) groups.push({ linkId: section.id, text: sectionWords[section.id]?.title, item: items });
  }
  return { groups, writtenBy };
}

/* ---------------------------------------------------------------- the bundle */

/** A stable urn:uuid for one resource of one event, so building the same event twice gives the same Bundle. */
function uuidFor(key: string, name: string): string {
  const hash = crypto.createHash('sha256').update(`${key}/${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const isContentEvent = (type: OutboxEventType) => type !== 'consent.withdrawn' && type !== 'consent.expired';

async function latestSnapshot(db: Kysely<Database>, shareId: string): Promise<SharedSnapshot | null> {
  const [latest] = await listShareVersions(db, shareId);
  return latest ? (JSON.parse(unseal(latest.snapshot, shareId)) as SharedSnapshot) : null;
}

export interface BundleInput {
  share: Share;
  type: OutboxEventType;
  /** The outbox event's id (the webhook-id), also the Bundle's identifier. */
  eventId: string;
  at: string;
  /** How to make the printable copy; DELIVERY_COPY when not given. */
  copy?: CopyFormat;
}

/**
 * The FHIR R4 `collection` Bundle for one event. A share or a new version carries the latest
 * shared snapshot; a withdrawal or expiry carries no statement content at all: only the
 * pseudonymous Patient, the inactive Consent and the Provenance of its ending.
 */
export async function buildBundle(db: Kysely<Database>, input: BundleInput): Promise<Bundle> {
  const { share, type, eventId, at } = input;
  // Stable for one share's event, and different for every share even when a caller reuses an event id.
  const key = `${share.id}/${eventId}`;
  const ref = (name: string): Reference => ({ reference: uuidFor(key, name) });
  const entries: BundleEntry[] = [];
  const add = (name: string, resource: Exclude<Resource, Bundle>) => {
    const profile = ukCoreProfiles[resource.resourceType as keyof typeof ukCoreProfiles];
    entries.push({
      fullUrl: uuidFor(key, name),
      resource: profile ? { ...resource, meta: { ...resource.meta, profile: [profile] } } : resource,
    });
  };
  const content = isContentEvent(type);
  const snapshot = content ? await latestSnapshot(db, share.id) : null;
  if (content && !snapshot) throw new Error('The share has no version to send.');
  const sections = share.sections.split(',').filter(Boolean);

  // The person: a pseudonym and, only when they shared it, the name they like to be called.
  const name = snapshot && sections.includes('about-me') && snapshot.answers.name?.status === 'answered' ? snapshot.answers.name.text : '';
  const patient: Patient = {
    resourceType: 'Patient',
    // The share's id: it says nothing about the person, is never their account id or username,
    // and is the reference the worker sees in the portal.
    identifier: [{ system: systems.person, value: share.id }],
    ...(name ? { name: [{ use: 'usual', text: name }] } : {}),
  };
  add('patient', patient);

  const worker = await findAccount(db, share.worker_id);
  const organisation = await findOrganisation(db, share.organisation_id);
  const practitioner: Practitioner = {
    resourceType: 'Practitioner',
    identifier: [{ system: systems.worker, value: share.worker_id }],
    ...(worker ? { name: [{ text: worker.display_name }] } : {}),
    ...(worker?.email ? { telecom: [{ system: 'email', value: worker.email }] } : {}),
  };
  add('practitioner', practitioner);
  const organization: Organization = {
    resourceType: 'Organization',
    identifier: [{ system: systems.organisation, value: share.organisation_id }],
    ...(organisation ? { name: organisation.name } : {}),
  };
  add('organization', organization);
  const readers: Reference[] = [ref('practitioner')];
  if (share.include_team === 1 && worker?.team) {
    // The person let the worker's team read it too: the team is a part of the organisation.
    const team: Organization = {
      resourceType: 'Organization',
      identifier: [{ system: systems.team, value: `${share.organisation_id}/${worker.team}` }],
      name: worker.team,
      partOf: ref('organization'),
    };
    add('team', team);
    readers.push(ref('team'));
  }

  const records = await listConsentRecords(db, share.id);
  const ended = !content;
  const endedAt = share.ended_at ?? at;
  const consent: Consent = {
    resourceType: 'Consent',
    status: ended ? 'inactive' : 'active',
    scope: { coding: [{ system: systems.consentScope, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [
      { coding: [{ system: systems.loinc, code: '59284-0', display: 'Patient Consent' }] },
      { coding: [{ system: systems.actCode, code: 'IDSCL', display: 'information disclosure' }] },
    ],
    patient: ref('patient'),
    dateTime: ended ? endedAt : (records.at(-1)?.at ?? share.created_at),
    performer: [ref('patient')],
    organization: [ref('organization')],
    policyRule: { coding: [{ system: systems.actCode, code: 'OPTIN', display: 'opt-in' }] },
    provision: {
      type: 'permit',
      period: { start: share.created_at, ...(ended ? { end: endedAt } : share.until ? { end: share.until } : {}) },
      actor: readers.map((reference) => ({
        role: { coding: [{ system: systems.participationType, code: 'IRCP', display: 'information recipient' }] },
        reference,
      })),
      purpose: [coding('purpose.safeguarding-support', exchangeWords.purpose)],
      code: sections.map((id) => ({ coding: [sectionCoding(id)] })),
      ...(content ? { data: [{ meaning: 'instance' as const, reference: ref('response') }] } : {}),
    },
  };
  add('consent', consent);

  if (!snapshot) {
    const provenance: Provenance = {
      resourceType: 'Provenance',
      target: [ref('consent')],
      recorded: endedAt,
      activity: { coding: [{ system: systems.dataOperation, code: 'UPDATE', display: 'revise' }], text: exchangeWords.events[type] },
      // Withdrawing, and choosing the day a share ends, are both the person's own decisions.
      agent: [{ type: participant('author'), who: ref('patient') }],
    };
    add('provenance', provenance);
    return bundleOf(input, entries);
  }

  if (type === 'consent.changed') {
    // Changing what is shared is the person's own decision, recorded like its ending.
    const provenance: Provenance = {
      resourceType: 'Provenance',
      target: [ref('consent')],
      recorded: records.at(-1)?.at ?? at,
      activity: { coding: [{ system: systems.dataOperation, code: 'UPDATE', display: 'revise' }], text: exchangeWords.events[type] },
      agent: [{ type: participant('author'), who: ref('patient') }],
    };
    add('provenance-consent', provenance);
  }

  const { groups, writtenBy } = responseSections(snapshot, sections);
  const authors = new Set(writtenBy.values());
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    language: snapshot.language,
    identifier: { system: systems.version, value: `${share.id}/${snapshot.number}` },
    questionnaire: questionnaireUrl,
    status: 'completed',
    subject: ref('patient'),
    authored: snapshot.confirmedAt,
    source: ref('patient'),
    ...(authors.size === 1 ? { author: authorReference([...authors][0]!, ref) } : {}),
    item: groups,
  };
  add('response', response);

  for (const author of ['advocate', 'representative'] as const) {
    if (!authors.has(author)) continue;
    const relatedPerson: RelatedPerson = {
      resourceType: 'RelatedPerson',
      patient: ref('patient'),
      // UK Core's relationship codes have "agent of patient" for a representative and nothing for an
      // advocate; our own code says which, and the text says it in words for any system.
      relationship: [
        {
          coding: [
            coding(`author.${author}`, exchangeWords.authors[author]),
            ...(author === 'representative' ? [{ system: systems.ukCoreRelationship, code: 'Agent', display: 'Agent of patient' }] : []),
          ],
          text: exchangeWords.authors[author],
        },
      ],
    };
    add(author, relatedPerson);
  }
  for (const author of ['self', 'advocate', 'representative'] as const) {
    if (!authors.has(author)) continue;
    const items = [...writtenBy].filter(([, by]) => by === author).map(([id]) => id);
    const provenance: Provenance = {
      resourceType: 'Provenance',
      // With one author the whole response is theirs; otherwise each target names the items they wrote.
      target:
        authors.size === 1
          ? [ref('response')]
          : items.map((id) => ({ ...ref('response'), extension: [{ url: extensions.targetElement, valueUri: id }] })),
      recorded: snapshot.confirmedAt,
      agent: agentsFor(author, ref),
    };
    add(`provenance-${author}`, provenance);
  }

  const format = input.copy ?? copyFormat();
  if (format !== 'none') {
    const copy = await deliveredCopy(
      snapshot,
      sections,
      worker?.language ?? 'en',
      { name: name || null, ref: share.id.slice(0, 8).toUpperCase() },
      format,
    );
    const document: DocumentReference = {
      resourceType: 'DocumentReference',
      status: 'current',
      type: { coding: [documentType], text: 'Printable copy of the statement' },
      subject: ref('patient'),
      date: at,
      // The statement is the person's own account, whoever helped them write it down.
      author: [ref('patient')],
      description: `Version ${snapshot.number} of the person's statement: the sections they shared`,
      content: [
        {
          attachment: {
            contentType: copy.contentType,
            language: copy.language,
            data: copy.data.toString('base64'),
            title: copy.title,
            creation: snapshot.confirmedAt,
            size: copy.data.length,
          },
        },
      ],
      context: { related: [ref('response')] },
    };
    add('document', document);
  }
  return bundleOf(input, entries);
}

function participant(code: 'author' | 'enterer'): { coding: Coding[] } {
  return { coding: [{ system: systems.participantType, code, display: code === 'author' ? 'Author' : 'Enterer' }] };
}

function authorReference(author: Author, ref: (name: string) => Reference): Reference {
  return author === 'representative' ? ref('representative') : ref('patient');
}

/**
 * Who wrote an answer. An advocate writes the person's own words down: the person is the author
 * and the advocate the one who entered them. A representative gives their own view, for the person.
 */
function agentsFor(author: Author, ref: (name: string) => Reference): ProvenanceAgent[] {
  if (author === 'self') return [{ type: participant('author'), who: ref('patient') }];
  if (author === 'advocate') {
    return [
      { type: participant('author'), who: ref('patient') },
      { type: participant('enterer'), who: ref('advocate'), onBehalfOf: ref('patient') },
    ];
  }
  return [{ type: participant('author'), who: ref('representative'), onBehalfOf: ref('patient') }];
}

function bundleOf(input: BundleInput, entries: BundleEntry[]): Bundle {
  return {
    resourceType: 'Bundle',
    meta: { profile: [ukCoreProfiles.Bundle], tag: [eventCoding(input.type)] },
    identifier: { system: systems.event, value: input.eventId },
    type: 'collection',
    timestamp: input.at,
    entry: entries,
  };
}

/** The event type a Bundle carries in its tag (for the receiver and the delivery log). */
export function eventTypeOf(bundle: Bundle): OutboxEventType | null {
  const code = bundle.meta?.tag?.find((tag) => tag.system === codeSystemUrl)?.code;
  return code?.startsWith('event.') ? (code.slice('event.'.length) as OutboxEventType) : null;
}
