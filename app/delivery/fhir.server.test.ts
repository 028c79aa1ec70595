// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEventType } from '../../db/schema';
import { openDeliveryWorld, type DeliveryWorld } from '../../tests/fixtures/delivery';
import { fhirErrors, loadFhirDefinitions } from '../../tests/fixtures/fhir';
import { chromiumPath } from '~/utils/chromium';
import type {
  Bundle,
  CodeSystem,
  Consent,
  DocumentReference,
  Extension,
  Organization,
  Patient,
  Provenance,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  RelatedPerson,
  Resource,
} from './fhir-types';

let world: DeliveryWorld;

beforeAll(async () => {
  world = await openDeliveryWorld('fhir');
  loadFhirDefinitions();
}, 60_000);

afterAll(async () => {
  await world?.close();
});

/* ---------------------------------------------------------------- helpers */

// Words only the person wrote; none may appear in a withdrawal.
const words = {
  name: 'Philippa Fhir-Person',
  communication: 'میں آہستہ بات کرتی ہوں',
  trusted: 'My neighbour Ingrid',
  notToldWho: 'My nephew Barnaby',
  notToldWhy: 'He takes my pension book',
  outcomes: 'I want my cat Marmalade back',
};

function everyAnswer(world: DeliveryWorld) {
  const a = world.answer;
  return {
    name: a({ text: words.name }),
    communication: a({ codes: ['speaking', 'need-more-time'], text: words.communication, language: 'ur' }),
    information: a({ status: 'unknown' }),
    matters: a({ codes: ['pets'] }),
    feelings: a({ ratings: { home: 'happy', money: 'not-happy', family: 'skipped', friends: 'unknown', 'feeling-safe': 'not-safe' } }),
    outcomes: a({ codes: ['feel-safe', 'things-back'], mostImportant: ['feel-safe'], text: words.outcomes }),
    notWanted: a({ status: 'skipped', text: 'typed before skipping' }),
    trusted: a({ text: words.trusted, by: 'representative' }),
    notTold: a({ text: words.notToldWho, reason: words.notToldWhy, by: 'advocate' }),
    safeWays: a({ codes: ['text-message'] }),
    never: a({ codes: ['no-voicemail'] }),
  };
}

const allSections = ['about-me', 'matters', 'feelings', 'outcomes', 'not-wanted', 'people', 'contact', 'anything-else'];

async function bundleFor(
  shareRow: Awaited<ReturnType<DeliveryWorld['share']>>['share'],
  type: OutboxEventType,
  copy?: 'pdf' | 'html' | 'none',
) {
  return world.fhir.buildBundle(world.db.getDb(), {
    share: shareRow,
    type,
    eventId: `msg_test${type.replace(/\W/g, '')}`,
    at: '2026-12-02T09:00:00.000Z',
    copy,
  });
}

function resources<T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);
}

function one<T extends Resource>(bundle: Bundle, type: T['resourceType']): T {
  const found = resources<T>(bundle, type);
  expect(found, `one ${type}`).toHaveLength(1);
  return found[0]!;
}

function allItems(items: (QuestionnaireItem | QuestionnaireResponseItem)[] | undefined): (QuestionnaireItem | QuestionnaireResponseItem)[] {
  return (items ?? []).flatMap((item) => [
    item,
    ...allItems(item.item),
    ...('answer' in item ? allItems((item.answer ?? []).flatMap((a) => a.item ?? [])) : []),
  ]);
}

function findItem(response: QuestionnaireResponse, linkId: string): QuestionnaireResponseItem | undefined {
  return allItems(response.item).find((item) => item.linkId === linkId) as QuestionnaireResponseItem | undefined;
}

/** Every coding in a resource, wherever it sits. */
function codings(value: unknown): { system?: string; code?: string }[] {
  if (Array.isArray(value)) return value.flatMap(codings);
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.system === 'string' && typeof record.code === 'string' ? [{ system: record.system, code: record.code }] : [];
  return [...own, ...Object.values(record).flatMap(codings)];
}

/**
 * The validator does not check code lists: the statuses and the codes this portal sends are
 * checked here against the R4 value sets they are bound to.
 */
function expectKnownCodes(bundle: Bundle) {
  expect(bundle.type).toBe('collection');
  const codeSystem = world.fhir.cardCodeSystem();
  const ours = new Set((codeSystem.concept ?? []).map((c) => c.code));
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource!;
    expect(entry.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    if (resource.resourceType === 'Consent') expect(['active', 'inactive']).toContain(resource.status);
    if (resource.resourceType === 'QuestionnaireResponse') expect(resource.status).toBe('completed');
    if (resource.resourceType === 'DocumentReference') expect(resource.status).toBe('current');
  }
  const known: Record<string, string[]> = {
    'http://terminology.hl7.org/CodeSystem/consentscope': ['patient-privacy'],
    'http://loinc.org': ['59284-0'],
    'http://terminology.hl7.org/CodeSystem/v3-ActCode': ['IDSCL', 'OPTIN'],
    'http://terminology.hl7.org/CodeSystem/v3-ParticipationType': ['IRCP'],
    'http://terminology.hl7.org/CodeSystem/provenance-participant-type': ['author', 'enterer'],
    'http://terminology.hl7.org/CodeSystem/v3-DataOperation': ['UPDATE'],
    // UKCore-DocumentType (record composition type refset) and UKCore-PersonRelationshipType.
    'http://snomed.info/sct': ['829261000000109'],
    'https://fhir.hl7.org.uk/CodeSystem/UKCore-AdditionalPersonRelationshipRole': ['Agent'],
  };
  for (const { system, code } of codings(bundle)) {
    if (system === world.fhir.codeSystemUrl) expect(ours, `${code} is in our code system`).toContain(code);
    else if (system && known[system]) expect(known[system], `${system}|${code}`).toContain(code);
  }
  for (const extension of JSON.stringify(bundle).match(/"url":"[^"]+data-absent-reason","valueCode":"[^"]+"/g) ?? []) {
    expect(extension).toMatch(/"valueCode":"(asked-declined|asked-unknown)"$/);
  }
}

/* ---------------------------------------------------------------- tests */

describe('the published Questionnaire and code system', () => {
  it('are valid FHIR R4, with one group a section and one item a question', () => {
    const questionnaire: Questionnaire = world.fhir.questionnaire();
    const codeSystem: CodeSystem = world.fhir.cardCodeSystem();
    expect(fhirErrors(questionnaire)).toEqual([]);
    expect(fhirErrors(codeSystem)).toEqual([]);
    expect(questionnaire.status).toBe('active');
    expect(codeSystem).toMatchObject({ status: 'active', content: 'complete' });
    expect(questionnaire.url).toBe(`${world.fhir.fhirBase}/Questionnaire/in-my-words-statement`);
    expect(codeSystem.url).toBe(`${world.fhir.fhirBase}/CodeSystem/in-my-words-cards`);

    expect(questionnaire.item?.map((i) => i.linkId)).toEqual(allSections);
    const linkIds = allItems(questionnaire.item).map((i) => i.linkId);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    for (const id of [
      'about-me.name',
      'about-me.communication',
      'feelings.feelings.feeling-safe',
      'people.notTold.why',
      'outcomes.outcomes.most-important',
    ]) {
      expect(linkIds).toContain(id);
    }
    const name = allItems(questionnaire.item).find((i) => i.linkId === 'about-me.name') as QuestionnaireItem;
    expect(name).toMatchObject({ type: 'string', text: 'What name do you like people to use?' });
    const communication = allItems(questionnaire.item).find((i) => i.linkId === 'about-me.communication') as QuestionnaireItem;
    expect(communication.type).toBe('open-choice');
    expect(communication.answerOption?.[0]?.valueCoding).toEqual({
      system: world.fhir.codeSystemUrl,
      code: 'communication.speaking',
      display: 'I talk',
    });
  });

  it('offers only codes the code system defines, each once', () => {
    const codes = (world.fhir.cardCodeSystem().concept ?? []).map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    // The same card under two questions keeps two meanings.
    expect(codes).toEqual(expect.arrayContaining(['outcomes.no-police', 'notWanted.no-police', 'topic.home', 'scale.not-sure']));
    for (const { system, code } of codings(world.fhir.questionnaire())) {
      expect(system).toBe(world.fhir.codeSystemUrl);
      expect(codes).toContain(code);
    }
  });
});

describe('the Bundle of a share', () => {
  it('is valid FHIR R4 and carries the statement: coded cards, own words with their language, and who wrote what', async () => {
    const { share, adultId } = await world.share({ sections: allSections, answers: everyAnswer(world), language: 'ur' });
    const adult = await world.db.getDb().selectFrom('account').selectAll().where('id', '=', adultId).executeTakeFirstOrThrow();
    const bundle = await bundleFor(share, 'share.created');

    expect(fhirErrors(bundle)).toEqual([]);
    expectKnownCodes(bundle);
    expect(bundle.identifier).toEqual({ system: `${world.fhir.fhirBase}/event-id`, value: 'msg_testsharecreated' });
    expect(world.fhir.eventTypeOf(bundle)).toBe('share.created');

    const patient = one<Patient>(bundle, 'Patient');
    expect(patient.identifier).toEqual([{ system: `${world.fhir.fhirBase}/person-id`, value: share.id }]);
    expect(JSON.stringify(patient)).not.toContain(adultId);
    expect(JSON.stringify(bundle)).not.toContain(adult.username!);
    expect(patient.name).toEqual([{ use: 'usual', text: words.name }]);

    const response = one<QuestionnaireResponse>(bundle, 'QuestionnaireResponse');
    expect(response).toMatchObject({
      status: 'completed',
      questionnaire: world.fhir.questionnaireUrl,
      authored: '2026-12-01T10:05:00.000Z',
      language: 'ur',
    });
    const questionnaireIds = new Set(allItems(world.fhir.questionnaire().item).map((i) => i.linkId));
    for (const item of allItems(response.item)) expect(questionnaireIds, item.linkId).toContain(item.linkId);

    const communication = findItem(response, 'about-me.communication')!;
    expect(communication.answer?.slice(0, 2).map((a) => a.valueCoding?.code)).toEqual([
      'communication.speaking',
      'communication.need-more-time',
    ]);
    expect(communication.answer?.[2]).toEqual({
      valueString: words.communication,
      _valueString: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/language', valueCode: 'ur' }] },
    });
    expect(findItem(response, 'outcomes.outcomes.most-important')?.answer).toEqual([
      { valueCoding: { system: world.fhir.codeSystemUrl, code: 'outcomes.feel-safe', display: 'I want to feel safe' } },
    ]);
    expect(findItem(response, 'feelings.feelings.home')?.answer?.[0]?.valueCoding?.code).toBe('scale.happy');
    expect(findItem(response, 'feelings.feelings.feeling-safe')?.answer?.[0]?.valueCoding?.code).toBe('scale.not-safe');
    const absentReason = (linkId: string) => (findItem(response, linkId)?.extension as Extension[] | undefined)?.[0]?.valueCode;
    expect(absentReason('feelings.feelings.family')).toBe('asked-declined');
    expect(absentReason('feelings.feelings.friends')).toBe('asked-unknown');
    expect(absentReason('about-me.information')).toBe('asked-unknown');
    expect(absentReason('not-wanted.notWanted')).toBe('asked-declined');
    // A skipped answer is shown as skipped, as on the worker's page: not what was typed before skipping.
    expect(JSON.stringify(bundle)).not.toContain('typed before skipping');
    expect(findItem(response, 'people.notTold.why')?.answer?.[0]?.valueString).toBe(words.notToldWhy);
    expect(findItem(response, 'feelings.feelings.carers')).toBeUndefined();

    // Who wrote it: the person; an advocate who wrote the person's words down; a representative's own view.
    const provenances = resources<Provenance>(bundle, 'Provenance');
    expect(provenances).toHaveLength(3);
    const byTarget = (id: string) => provenances.find((p) => p.target.some((t) => t.extension?.[0]?.valueUri === id))!;
    const related = resources<RelatedPerson>(bundle, 'RelatedPerson');
    const fullUrlOf = (resource: Resource) => bundle.entry!.find((e) => e.resource === resource)!.fullUrl;
    const advocate = related.find((r) => r.relationship?.[0]?.coding?.[0]?.code === 'author.advocate')!;
    const representative = related.find((r) => r.relationship?.[0]?.coding?.[0]?.code === 'author.representative')!;
    expect(byTarget('people.notTold').agent).toEqual([
      expect.objectContaining({
        type: expect.objectContaining({ coding: [expect.objectContaining({ code: 'author' })] }),
        who: { reference: fullUrlOf(patient) },
      }),
      expect.objectContaining({ who: { reference: fullUrlOf(advocate) }, onBehalfOf: { reference: fullUrlOf(patient) } }),
    ]);
    expect(byTarget('people.trusted').agent).toEqual([
      expect.objectContaining({ who: { reference: fullUrlOf(representative) }, onBehalfOf: { reference: fullUrlOf(patient) } }),
    ]);
    expect(byTarget('about-me.name').agent).toEqual([expect.objectContaining({ who: { reference: fullUrlOf(patient) } })]);

    const consent = one<Consent>(bundle, 'Consent');
    expect(consent.status).toBe('active');
    expect(consent.scope.coding?.[0]?.code).toBe('patient-privacy');
    expect(consent.provision?.period).toEqual({ start: share.created_at });
    expect(consent.provision?.actor?.map((a) => a.reference.reference)).toEqual([
      bundle.entry!.find((e) => e.resource?.resourceType === 'Practitioner')!.fullUrl,
    ]);
    expect(consent.provision?.code?.map((c) => c.coding?.[0]?.code)).toEqual(allSections.map((s) => `section.${s}`));

    const document = one<DocumentReference>(bundle, 'DocumentReference');
    const attachment = document.content[0]!.attachment;
    expect(attachment).toMatchObject({ contentType: 'text/html', language: 'en', title: 'document-1.html' });
    const copy = Buffer.from(attachment.data!, 'base64').toString('utf8');
    expect(copy).toContain(words.notToldWhy);
    expect(copy).toContain('Statement from Philippa Fhir-Person');
  });

  it('names the person only when they shared their name, and holds only the shared sections', async () => {
    const { share } = await world.share({
      sections: ['anything-else'],
      answers: { ...everyAnswer(world), anythingElse: world.answer({ text: 'Only this' }) },
    });
    const bundle = await bundleFor(share, 'share.created');
    expect(fhirErrors(bundle)).toEqual([]);
    expect(one<Patient>(bundle, 'Patient').name).toBeUndefined();
    const response = one<QuestionnaireResponse>(bundle, 'QuestionnaireResponse');
    expect(response.item?.map((i) => i.linkId)).toEqual(['anything-else']);
    const text = JSON.stringify(bundle);
    const copy = Buffer.from(one<DocumentReference>(bundle, 'DocumentReference').content[0]!.attachment.data!, 'base64').toString('utf8');
    for (const secret of Object.values(words)) {
      expect(text).not.toContain(secret);
      expect(copy).not.toContain(secret);
    }
    expect(copy).toContain('Only this');
  });

  it('names the team as a reader when the person let the team see it, and the end day they chose', async () => {
    const { share } = await world.share({ includeTeam: true, until: '2027-03-31' });
    const bundle = await bundleFor(share, 'share.version-added', 'none');
    expect(fhirErrors(bundle)).toEqual([]);
    expectKnownCodes(bundle);
    const consent = one<Consent>(bundle, 'Consent');
    expect(consent.provision?.period).toEqual({ start: share.created_at, end: '2027-03-31' });
    expect(consent.provision?.actor).toHaveLength(2);
    const team = resources<Organization>(bundle, 'Organization').find((o) => o.partOf);
    expect(team?.name).toBe('North');
    expect(resources(bundle, 'DocumentReference')).toEqual([]);
  });

  it('carries the newest shared version when a new one is added', async () => {
    const { share } = await world.share();
    await world.addVersion(share, { name: world.answer({ text: 'Pip, version two' }) }, 2);
    const bundle = await bundleFor(share, 'share.version-added');
    expect(fhirErrors(bundle)).toEqual([]);
    expect(world.fhir.eventTypeOf(bundle)).toBe('share.version-added');
    expect(one<Patient>(bundle, 'Patient').name?.[0]?.text).toBe('Pip, version two');
    expect(one<QuestionnaireResponse>(bundle, 'QuestionnaireResponse').identifier?.value).toBe(`${share.id}/2`);
  });
});

describe('UK Core', () => {
  it('each resource claims its UK Core profile and meets the rules that profile adds to R4', async () => {
    const { share } = await world.share({ sections: allSections, includeTeam: true, answers: everyAnswer(world) });
    const bundles = [
      await bundleFor(share, 'share.created', 'html'),
      await bundleFor({ ...share, status: 'withdrawn', ended_at: '2026-12-02T08:00:00.000Z' }, 'consent.withdrawn'),
    ];
    const profile = (name: string) => `https://fhir.hl7.org.uk/StructureDefinition/UKCore-${name}`;
    for (const bundle of bundles) {
      expect(bundle.meta?.profile).toEqual([profile('Bundle')]);
      for (const { resource } of bundle.entry ?? []) {
        expect(resource!.meta?.profile, resource!.resourceType).toEqual([profile(resource!.resourceType)]);
        // UKCore-Practitioner: every identifier has a system and a value.
        if (resource!.resourceType === 'Practitioner')
          for (const id of resource!.identifier ?? []) expect(id.system && id.value).toBeTruthy();
        // UKCore-Organization: an identifier or a name (org-1).
        if (resource!.resourceType === 'Organization')
          expect((resource!.identifier?.length ?? 0) + (resource!.name ? 1 : 0)).toBeGreaterThan(0);
        // UKCore-Patient: the NHS number slice is for NHS numbers only; the pseudonym is never sent as one.
        if (resource!.resourceType === 'Patient')
          for (const id of resource!.identifier ?? []) expect(id.system).not.toBe('https://fhir.nhs.uk/Id/nhs-number');
      }
    }
    const [shared] = bundles;
    // UKCore-DocumentReference: the type from the record composition refset, and its author.
    const document = one<DocumentReference>(shared!, 'DocumentReference');
    expect(document.type?.coding).toEqual([{ system: 'http://snomed.info/sct', code: '829261000000109', display: 'Patient narrative' }]);
    expect(document.author).toEqual([{ reference: shared!.entry!.find((e) => e.resource?.resourceType === 'Patient')!.fullUrl }]);
    // UKCore-RelatedPerson: a representative is an agent of the patient; an advocate is said in words.
    const related = resources<RelatedPerson>(shared!, 'RelatedPerson');
    expect(related.map((r) => r.relationship?.[0]?.coding?.map((c) => c.code))).toEqual([
      ['author.advocate'],
      ['author.representative', 'Agent'],
    ]);
    for (const person of related) expect(person.relationship?.[0]?.text).toBeTruthy();
    for (const bundle of bundles) {
      expect(fhirErrors(bundle)).toEqual([]);
      expectKnownCodes(bundle);
    }
  });
});

describe('the Bundle of a changed share', () => {
  it('is valid FHIR R4, holds the sections now shared and says the person changed the consent', async () => {
    const { share } = await world.share({
      sections: ['anything-else'],
      answers: { ...everyAnswer(world), anythingElse: world.answer({ text: 'Only this' }) },
    });
    const bundle = await bundleFor(share, 'consent.changed', 'none');
    expect(fhirErrors(bundle)).toEqual([]);
    expectKnownCodes(bundle);
    expect(world.fhir.eventTypeOf(bundle)).toBe('consent.changed');
    const consent = one<Consent>(bundle, 'Consent');
    expect(consent.status).toBe('active');
    const consentUrl = bundle.entry!.find((e) => e.resource === consent)!.fullUrl;
    const changedBy = resources<Provenance>(bundle, 'Provenance').filter((p) => p.target.some((t) => t.reference === consentUrl));
    expect(changedBy).toHaveLength(1);
    expect(changedBy[0]!.activity?.coding?.[0]?.code).toBe('UPDATE');
    // The same version keeps the same identifier, so a receiving system replaces what it holds.
    expect(one<QuestionnaireResponse>(bundle, 'QuestionnaireResponse').identifier?.value).toBe(`${share.id}/1`);
    const text = JSON.stringify(bundle);
    for (const secret of Object.values(words)) expect(text).not.toContain(secret);
  });
});

describe('the Bundle of a withdrawal or expiry', () => {
  it.each(['consent.withdrawn', 'consent.expired'] as const)('%s carries none of the person’s words', async (type) => {
    const { share } = await world.share({ sections: allSections, answers: everyAnswer(world) });
    const ended = {
      ...share,
      status: type === 'consent.withdrawn' ? ('withdrawn' as const) : ('expired' as const),
      ended_at: '2026-12-02T08:00:00.000Z',
    };
    const bundle = await bundleFor(ended, type);

    expect(fhirErrors(bundle)).toEqual([]);
    expectKnownCodes(bundle);
    expect(world.fhir.eventTypeOf(bundle)).toBe(type);
    const text = JSON.stringify(bundle);
    for (const secret of [...Object.values(words), 'Pip']) expect(text).not.toContain(secret);
    expect(resources(bundle, 'QuestionnaireResponse')).toEqual([]);
    expect(resources(bundle, 'DocumentReference')).toEqual([]);
    expect(resources(bundle, 'RelatedPerson')).toEqual([]);
    const patient = one<Patient>(bundle, 'Patient');
    expect(patient).toEqual({
      resourceType: 'Patient',
      meta: { profile: ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient'] },
      identifier: [{ system: `${world.fhir.fhirBase}/person-id`, value: share.id }],
    });

    const consent = one<Consent>(bundle, 'Consent');
    expect(consent.status).toBe('inactive');
    expect(consent.dateTime).toBe('2026-12-02T08:00:00.000Z');
    expect(consent.provision?.period).toEqual({ start: share.created_at, end: '2026-12-02T08:00:00.000Z' });
    expect(consent.provision?.data).toBeUndefined();
    const provenance = one<Provenance>(bundle, 'Provenance');
    const consentUrl = bundle.entry!.find((e) => e.resource === consent)!.fullUrl;
    expect(provenance.target).toEqual([{ reference: consentUrl }]);
    expect(provenance.recorded).toBe('2026-12-02T08:00:00.000Z');
  });

  it('uses the event time when the share row given was read before it ended', async () => {
    const { share } = await world.share();
    const bundle = await bundleFor(share, 'consent.withdrawn');
    expect(one<Consent>(bundle, 'Consent').provision?.period?.end).toBe('2026-12-02T09:00:00.000Z');
  });
});

describe('the printable copy as a PDF', () => {
  it.skipIf(!chromiumPath())(
    'is made by Chromium from the shared sections',
    async () => {
      const { share } = await world.share({ sections: ['about-me'], answers: { name: world.answer({ text: words.name }) } });
      const bundle = await bundleFor(share, 'share.created', 'pdf');
      expect(fhirErrors(bundle)).toEqual([]);
      const attachment = one<DocumentReference>(bundle, 'DocumentReference').content[0]!.attachment;
      expect(attachment).toMatchObject({ contentType: 'application/pdf', title: 'document-1.pdf' });
      expect(Buffer.from(attachment.data!, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    60_000,
  );
});
