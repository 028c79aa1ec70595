// @vitest-environment happy-dom
import { virtual } from '@guidepup/virtual-screen-reader';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n, testI18n } from '../../../tests/fixtures/i18n';
import { parseConsent } from '~/domain/sharing/consent';
import { emptyAnswer, type Answer } from '~/domain/statement/answers';
import { statement } from '~/domain/statement/definition';
import { ConsentFields, WorkerCard, type ConsentValues } from './ConsentFields';
import { ContactRules, SharedStatement } from './SharedStatement';

afterEach(async () => {
  await virtual.stop();
  cleanup();
});

/** Moves through the whole page with the virtual screen reader and returns everything it said. */
async function readWholePage(limit = 400) {
  await virtual.start({ container: document.body });
  for (let i = 0; i < limit && (await virtual.lastSpokenPhrase()) !== 'end of document'; i++) await virtual.next();
  const spoken = await virtual.spokenPhraseLog();
  expect(spoken.at(-1)).toBe('end of document');
  return spoken;
}

const t = testI18n('en').t;
const errorPrefix = t('common:errorPrefix');
const nothingChosen: ConsentValues = { sections: [], audience: '', period: '', until: '', newVersions: '' };
const allErrors = {
  sections: 'sharing:errors.sections',
  audience: 'sharing:errors.audience',
  period: 'sharing:errors.period',
  until: 'sharing:errors.untilPast',
  newVersions: 'sharing:errors.newVersions',
};
const worker = 'Sam Jones';
const team = 'Adult Safeguarding North';

/** The four questions of the consent form, in the words of one language. */
function legends(lng: 'en' | 'ur' = 'en') {
  const tr = testI18n(lng).t;
  return {
    sections: tr('sharing:consent.sectionsLegend'),
    audience: tr('sharing:consent.audienceLegend'),
    period: tr('sharing:consent.periodLegend'),
    newVersions: tr('sharing:consent.newVersionsLegend'),
  };
}

const isChoice = (phrase: string) => phrase.startsWith('checkbox, ') || phrase.startsWith('radio, ');

describe('the consent form', () => {
  const legend = legends();
  const sectionsHint = t('sharing:consent.sectionsHint');
  const contactHint = t('sharing:consent.contactHint');
  const newVersionsHint = t('sharing:consent.newVersionsHint');
  const contactTitle = t('statement:sections.contact.title');

  it('is read as four groups with their legends, each section a checkbox named by its title, nothing chosen', async () => {
    renderWithI18n(<ConsentFields values={nothingChosen} errors={{}} workerName={worker} team={team} />);
    const spoken = await readWholePage();

    // Each question is a group, announced with its legend (and hint), in the order of the form.
    const starts = [
      `group, ${legend.sections}, ${sectionsHint}`,
      `group, ${legend.audience}`,
      `group, ${legend.period}`,
      `group, ${legend.newVersions}, ${newVersionsHint}`,
    ].map((phrase) => spoken.indexOf(phrase));
    expect(
      starts.every((at) => at > -1),
      spoken.join('\n'),
    ).toBe(true);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(spoken).toContain(`end of group, ${legend.sections}, ${sectionsHint}`);
    expect(spoken).toContain(`end of group, ${legend.newVersions}, ${newVersionsHint}`);
    expect(spoken.filter((phrase) => phrase.startsWith('group, '))).toHaveLength(4);

    // Every section is a checkbox named by its title, in the statement's order; the contact
    // section says why it helps. None is chosen for the person.
    const boxes = spoken.filter((phrase) => phrase.startsWith('checkbox, '));
    expect(boxes).toEqual(
      statement.map((s) =>
        s.id === 'contact'
          ? `checkbox, ${contactTitle}, ${contactHint}, not checked`
          : `checkbox, ${t(`statement:sections.${s.id}.title`)}, not checked`,
      ),
    );
    // The checkboxes are inside the sections group.
    expect(spoken.indexOf(boxes[0]!)).toBeGreaterThan(starts[0]!);
    expect(spoken.indexOf(boxes.at(-1)!)).toBeLessThan(spoken.indexOf(`end of group, ${legend.sections}, ${sectionsHint}`));

    // Who, how long and new versions: radios with the worker's and team's names filled in.
    expect(spoken).toContain(`radio, ${t('sharing:consent.audienceWorker', { name: worker })}, not checked, position 1, set size 2`);
    expect(spoken).toContain(
      `radio, ${worker} and their team: ${team}, The team can help when ${worker} is away., not checked, position 2, set size 2`,
    );
    expect(spoken).toContain(`radio, ${t('sharing:consent.periodStopped')}, not checked, position 1, set size 2`);
    expect(spoken).toContain(`radio, ${t('sharing:consent.periodDate')}, not checked, position 2, set size 2`);
    expect(spoken).toContain(`radio, ${t('sharing:consent.newVersionsYes')}, not checked, position 1, set size 2`);
    expect(spoken).toContain(`radio, ${t('sharing:consent.newVersionsNo')}, not checked, position 2, set size 2`);
    expect(spoken.filter(isChoice).some((phrase) => phrase.includes(', checked'))).toBe(false);

    // The last day is a field named by its label, with its hint, and not in error.
    expect(spoken).toContain(`${t('sharing:consent.untilLabel')}, ${t('sharing:consent.untilHint')}`);
    expect(spoken.join('\n')).not.toContain(errorPrefix);
    // No placeholder is ever read out instead of a name.
    expect(spoken.join('\n')).not.toMatch(/\{\{|\}\}/);
  });

  it('gives the accessibility tree the same groups, names and empty choices', () => {
    renderWithI18n(<ConsentFields values={nothingChosen} errors={{}} workerName={worker} team={team} />);
    const sectionsGroup = screen.getByRole('group', { name: legend.sections });
    expect(sectionsGroup.tagName).toBe('FIELDSET');
    const boxes = within(sectionsGroup).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes).toHaveLength(statement.length);
    for (const section of statement) {
      const box = within(sectionsGroup).getByRole('checkbox', { name: t(`statement:sections.${section.id}.title`) }) as HTMLInputElement;
      expect(box.value).toBe(section.id);
      expect(box.checked).toBe(false);
    }
    expect(within(screen.getByRole('group', { name: legend.audience })).getAllByRole('radio')).toHaveLength(2);
    expect(within(screen.getByRole('group', { name: legend.period })).getAllByRole('radio')).toHaveLength(2);
    expect(within(screen.getByRole('group', { name: legend.newVersions })).getAllByRole('radio')).toHaveLength(2);
    expect(screen.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
    expect(document.querySelector('[aria-invalid]')).toBeNull();
  });

  it('joins the contact section’s hint to its checkbox, and no hint to the others', () => {
    renderWithI18n(<ConsentFields values={nothingChosen} errors={{}} workerName={worker} team={team} />);
    const contact = screen.getByRole('checkbox', { name: contactTitle });
    const describedBy = contact.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(document.getElementById(describedBy!)?.textContent).toBe(contactHint);
    const others = screen.getAllByRole('checkbox').filter((box) => box !== contact);
    expect(others.some((box) => box.hasAttribute('aria-describedby'))).toBe(false);
    // The group is described by its own hint.
    const group = screen.getByRole('group', { name: legend.sections });
    expect(document.getElementById(group.getAttribute('aria-describedby')!)?.textContent).toBe(sectionsHint);
    // The team option's hint names the worker.
    const teamRadio = screen.getByRole('radio', { name: `${worker} and their team: ${team}` });
    expect(document.getElementById(teamRadio.getAttribute('aria-describedby')!)?.textContent).toBe(
      t('sharing:consent.audienceTeamHint', { name: worker }),
    );
  });

  it('asks who can see it only when the worker has a team; otherwise the form sends "only the worker"', async () => {
    renderWithI18n(
      <form aria-label="Share">
        <ConsentFields values={nothingChosen} errors={{}} workerName={worker} team="" />
      </form>,
    );
    expect(screen.queryByRole('group', { name: legend.audience })).toBeNull();
    expect(screen.queryByRole('radio', { name: t('sharing:consent.audienceWorker', { name: worker }) })).toBeNull();
    const hidden = document.querySelector<HTMLInputElement>('input[name="audience"]');
    expect(hidden?.type).toBe('hidden');

    // The person can still choose everything else with the keyboard, and the share is only with the worker.
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: contactTitle }));
    await user.click(screen.getByRole('radio', { name: t('sharing:consent.periodStopped') }));
    await user.click(screen.getByRole('radio', { name: t('sharing:consent.newVersionsNo') }));
    const sent = new FormData(screen.getByRole('form') as HTMLFormElement);
    expect(sent.get('audience')).toBe('worker');
    expect(parseConsent(sent, '2026-12-01', false)).toEqual({
      ok: true,
      terms: { sections: ['contact'], includeTeam: false, includeNewVersions: false, until: null },
    });

    // Nothing about an audience is read out: three groups, not four.
    const spoken = await readWholePage();
    expect(spoken.filter((phrase) => phrase.startsWith('group, '))).toHaveLength(3);
    expect(spoken.join('\n')).not.toContain(legend.audience);
    expect(spoken.join('\n')).not.toContain(worker);
  });

  it('lets the person choose with the keyboard: Space ticks a section, arrow keys move a choice', async () => {
    renderWithI18n(
      <form aria-label="Share">
        <ConsentFields values={nothingChosen} errors={{}} workerName={worker} team={team} />
      </form>,
    );
    const user = userEvent.setup();
    const first = screen.getByRole('checkbox', { name: t('statement:sections.about-me.title') }) as HTMLInputElement;
    await user.tab();
    expect(document.activeElement).toBe(first);
    await user.keyboard(' ');
    expect(first.checked).toBe(true);

    const onlyWorker = screen.getByRole('radio', { name: t('sharing:consent.audienceWorker', { name: worker }) });
    const withTeam = screen.getByRole('radio', { name: `${worker} and their team: ${team}` }) as HTMLInputElement;
    await user.click(onlyWorker);
    await user.keyboard('{ArrowDown}');
    expect(withTeam.checked).toBe(true);
    expect(document.activeElement).toBe(withTeam);

    const sent = new FormData(screen.getByRole('form') as HTMLFormElement);
    expect(sent.getAll('sections')).toEqual(['about-me']);
    expect(sent.get('audience')).toBe('team');
  });

  it('reads each error as part of its group’s description, and marks the date field invalid', async () => {
    renderWithI18n(<ConsentFields values={nothingChosen} errors={allErrors} workerName={worker} team={team} />);
    const message = (key: string) => `${errorPrefix} ${t(key)}`;
    const spoken = await readWholePage();

    expect(spoken).toContain(`group, ${legend.sections}, ${sectionsHint} ${message(allErrors.sections)}`);
    expect(spoken).toContain(`group, ${legend.audience}, ${message(allErrors.audience)}`);
    expect(spoken).toContain(`group, ${legend.period}, ${message(allErrors.period)}`);
    expect(spoken).toContain(`group, ${legend.newVersions}, ${newVersionsHint} ${message(allErrors.newVersions)}`);
    expect(spoken).toContain(`${t('sharing:consent.untilLabel')}, ${t('sharing:consent.untilHint')} ${message(allErrors.until)}`);

    // The same in the accessibility tree: each group points at its error, which says "Error:".
    for (const [field, name] of [
      ['sections', legend.sections],
      ['audience', legend.audience],
      ['period', legend.period],
      ['newVersions', legend.newVersions],
    ] as const) {
      const group = screen.getByRole('group', { name });
      const ids = group.getAttribute('aria-describedby')!.split(' ');
      expect(ids).toContain(`${field}-error`);
      expect(ids.every((id) => document.getElementById(id) !== null)).toBe(true);
      expect(document.getElementById(`${field}-error`)?.textContent).toBe(message(allErrors[field]));
    }
    const until = screen.getByLabelText(t('sharing:consent.untilLabel'));
    expect(until.getAttribute('aria-invalid')).toBe('true');
    expect(until.getAttribute('aria-describedby')).toBe('until-hint until-error');
  });

  it('reads an error only on the question that has one', async () => {
    renderWithI18n(
      <ConsentFields values={nothingChosen} errors={{ sections: 'sharing:errors.sections' }} workerName={worker} team={team} />,
    );
    const spoken = await readWholePage();
    expect(spoken).toContain(`group, ${legend.sections}, ${sectionsHint} ${errorPrefix} ${t('sharing:errors.sections')}`);
    expect(spoken).toContain(`group, ${legend.audience}`);
    expect(spoken).toContain(`group, ${legend.period}`);
    expect(spoken).toContain(`group, ${legend.newVersions}, ${newVersionsHint}`);
    expect(spoken.filter((phrase) => phrase.includes(errorPrefix) && phrase.startsWith('group, '))).toHaveLength(1);
    expect(document.querySelector('[aria-invalid]')).toBeNull();
  });

  it('shows the choices of the share being changed as checked', async () => {
    renderWithI18n(
      <ConsentFields
        values={{ sections: ['people', 'contact'], audience: 'team', period: 'date', until: '2027-03-31', newVersions: 'no' }}
        errors={{}}
        workerName={worker}
        team={team}
      />,
    );
    const spoken = await readWholePage();
    expect(spoken).toContain(`checkbox, ${t('statement:sections.people.title')}, checked`);
    expect(spoken).toContain(`checkbox, ${contactTitle}, ${contactHint}, checked`);
    expect(spoken).toContain(`checkbox, ${t('statement:sections.about-me.title')}, not checked`);
    expect(spoken.filter((phrase) => phrase.startsWith('checkbox, ') && phrase.endsWith(', checked'))).toHaveLength(2);
    expect(spoken).toContain(`radio, ${t('sharing:consent.audienceWorker', { name: worker })}, not checked, position 1, set size 2`);
    expect(spoken).toContain(
      `radio, ${worker} and their team: ${team}, The team can help when ${worker} is away., checked, position 2, set size 2`,
    );
    expect(spoken).toContain(`radio, ${t('sharing:consent.periodDate')}, checked, position 2, set size 2`);
    expect(spoken).toContain(`radio, ${t('sharing:consent.newVersionsNo')}, checked, position 2, set size 2`);
    expect(spoken).toContain(`radio, ${t('sharing:consent.newVersionsYes')}, not checked, position 1, set size 2`);

    expect((screen.getByLabelText(t('sharing:consent.untilLabel')) as HTMLInputElement).value).toBe('2027-03-31');
    const checked = screen.getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).checked);
    expect(checked.map((radio) => (radio as HTMLInputElement).value)).toEqual(['team', 'date', 'no']);
  });

  it('speaks Urdu on an Urdu page, with the names filled in and the errors in Urdu', async () => {
    const ur = testI18n('ur').t;
    const urLegend = legends('ur');
    expect(urLegend.sections).not.toBe(legend.sections);
    renderWithI18n(
      <ConsentFields values={nothingChosen} errors={{ sections: 'sharing:errors.sections' }} workerName={worker} team={team} />,
      'ur',
    );
    const spoken = await readWholePage();

    expect(spoken).toContain(
      `group, ${urLegend.sections}, ${ur('sharing:consent.sectionsHint')} ${ur('common:errorPrefix')} ${ur('sharing:errors.sections')}`,
    );
    expect(spoken).toContain(`group, ${urLegend.audience}`);
    expect(spoken).toContain(`group, ${urLegend.period}`);
    expect(spoken).toContain(`group, ${urLegend.newVersions}, ${ur('sharing:consent.newVersionsHint')}`);
    for (const section of statement) {
      const title = ur(`statement:sections.${section.id}.title`);
      expect(title).not.toBe(t(`statement:sections.${section.id}.title`));
      expect(spoken).toContain(
        section.id === 'contact'
          ? `checkbox, ${title}, ${ur('sharing:consent.contactHint')}, not checked`
          : `checkbox, ${title}, not checked`,
      );
    }
    expect(spoken).toContain(`radio, ${ur('sharing:consent.audienceWorker', { name: worker })}, not checked, position 1, set size 2`);
    expect(spoken).toContain(
      `radio, ${ur('sharing:consent.audienceTeam', { name: worker, team })}, ${ur('sharing:consent.audienceTeamHint', { name: worker })}, not checked, position 2, set size 2`,
    );
    expect(screen.getByRole('checkbox', { name: ur('statement:sections.contact.title') })).toBeTruthy();

    const all = spoken.join('\n');
    expect(all).not.toMatch(/\{\{|\}\}/);
    for (const english of [legend.sections, legend.audience, legend.period, legend.newVersions, contactTitle, errorPrefix]) {
      expect(all).not.toContain(english);
    }
  });
});

describe('the worker card', () => {
  /** Each term with the value that follows it, and that the value is the term's own `dd`. */
  const pairs = (list: HTMLElement) =>
    within(list)
      .getAllByRole('term')
      .map((term) => [term.textContent, term.nextElementSibling?.textContent, term.nextElementSibling?.tagName]);

  it('is a description list of name, job, team and who they work for, in that order', () => {
    const { container } = renderWithI18n(
      <WorkerCard name={worker} jobTitle="Social worker" team={team} organisation="Leeds City Council" />,
    );
    const list = container.querySelector('dl')!;
    expect(list).not.toBeNull();
    expect(
      within(list)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual([t('sharing:worker.name'), t('sharing:worker.jobTitle'), t('sharing:worker.team'), t('sharing:worker.organisation')]);
    expect(
      within(list)
        .getAllByRole('definition')
        .map((value) => value.textContent),
    ).toEqual([worker, 'Social worker', team, 'Leeds City Council']);
    // Each term is followed by its own value.
    expect(pairs(list)).toEqual([
      ['Name', worker, 'DD'],
      ['Job', 'Social worker', 'DD'],
      ['Team', team, 'DD'],
      ['Works for', 'Leeds City Council', 'DD'],
    ]);
  });

  it('leaves out the job and team rows when there is nothing to say', () => {
    const { container } = renderWithI18n(<WorkerCard name={worker} jobTitle="" team="" organisation="Leeds City Council" />);
    const list = container.querySelector('dl')!;
    expect(pairs(list)).toEqual([
      ['Name', worker, 'DD'],
      ['Works for', 'Leeds City Council', 'DD'],
    ]);
    expect(within(list).queryByText(t('sharing:worker.jobTitle'))).toBeNull();
    expect(within(list).queryByText(t('sharing:worker.team'))).toBeNull();
  });

  it('keeps the team row when only the job title is missing', () => {
    const { container } = renderWithI18n(<WorkerCard name={worker} jobTitle="" team={team} organisation="Leeds City Council" />);
    expect(pairs(container.querySelector('dl')!)).toEqual([
      ['Name', worker, 'DD'],
      ['Team', team, 'DD'],
      ['Works for', 'Leeds City Council', 'DD'],
    ]);
  });
});

/** An answer the person gave, in their own words or cards. */
const answer = (overrides: Partial<Answer>): Answer =>
  emptyAnswer({ language: 'en', by: 'self', now: '2026-12-01T10:00:00.000Z' }, overrides);

const safeWays = answer({ codes: ['phone-call', 'text-message'], text: 'Ffoniwch fi ar ôl 6 yr hwyr', language: 'cy' });
const never = answer({ codes: ['no-voicemail', 'no-visits-home'] });
const contactHeading = t('casework:statement.contactHeading');

/** The shared statement page's body, in the order the worker's page puts it. */
function StatementPage({ shared, sections }: { shared: boolean; sections: string[] }) {
  return (
    <>
      <h1>Statement from person AB12</h1>
      <ContactRules safeWays={shared ? safeWays : null} never={shared ? never : null} shared={shared} />
      <SharedStatement
        answers={{ safeWays, never, trusted: answer({ text: 'Fy chwaer, Mair', language: 'cy' }) }}
        sections={sections.filter((s) => s !== 'contact')}
      />
    </>
  );
}

describe('the contact rules', () => {
  it('are a region named "Keeping in touch safely", read before the rest of the statement', async () => {
    renderWithI18n(<StatementPage shared sections={['people', 'contact', 'about-me']} />);
    const spoken = await readWholePage();

    const regions = spoken.filter((phrase) => phrase.startsWith('region, '));
    expect(regions).toEqual([
      `region, ${contactHeading}`,
      `region, ${t('statement:sections.about-me.title')}`,
      `region, ${t('statement:sections.people.title')}`,
    ]);
    const start = spoken.indexOf(`region, ${contactHeading}`);
    const end = spoken.indexOf(`end of region, ${contactHeading}`);
    expect(start).toBeGreaterThan(spoken.indexOf('heading, Statement from person AB12, level 1'));
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThan(spoken.indexOf(`region, ${t('statement:sections.about-me.title')}`));

    // Inside: the heading, then each rule's question and the cards chosen, in the worker's language.
    const rules = spoken.slice(start, end);
    expect(rules[1]).toBe(`heading, ${contactHeading}, level 2`);
    const safe = rules.indexOf(`heading, ${t('statement:questions.safeWays.title')}, level 3`);
    const must = rules.indexOf(`heading, ${t('statement:questions.never.title')}, level 3`);
    expect(safe).toBeGreaterThan(1);
    expect(must).toBeGreaterThan(safe);
    expect(rules).toContain('listitem, level 1, position 1, set size 2');
    expect(rules.indexOf(t('statement:cards.safeWays.phone-call'))).toBeGreaterThan(safe);
    expect(rules.indexOf(t('statement:cards.safeWays.text-message'))).toBeLessThan(must);
    expect(rules.indexOf(t('statement:cards.never.no-voicemail'))).toBeGreaterThan(must);
    expect(rules).toContain(t('statement:cards.never.no-visits-home'));

    // The person's own words are read as a quotation, exactly as written.
    const quote = rules.indexOf('blockquote');
    expect(quote).toBeGreaterThan(safe);
    expect(quote).toBeLessThan(must);
    expect(rules[quote + 1]).toBe(safeWays.text);
    expect(rules[quote + 2]).toBe('end of blockquote');
  });

  it('mark the own words with the language they were written in', () => {
    renderWithI18n(<ContactRules safeWays={safeWays} never={never} shared />);
    const region = screen.getByRole('region', { name: contactHeading });
    const quote = within(region).getByRole('blockquote');
    expect(quote.getAttribute('lang')).toBe('cy');
    expect(quote.textContent).toBe(safeWays.text);
    // The cards are in the reader's language, so they carry no other language.
    expect(within(region).getAllByRole('listitem')[0]!.closest('[lang]')).toBeNull();
  });

  it('say so when the person did not share how to keep in touch safely', async () => {
    renderWithI18n(<StatementPage shared={false} sections={['people']} />);
    const region = screen.getByRole('region', { name: contactHeading });
    expect(within(region).getByText(t('casework:statement.contactNotShared'))).toBeTruthy();
    expect(within(region).queryByRole('heading', { level: 3 })).toBeNull();
    expect(within(region).queryByRole('list')).toBeNull();

    const spoken = await readWholePage();
    const start = spoken.indexOf(`region, ${contactHeading}`);
    expect(spoken.slice(start, start + 6)).toEqual([
      `region, ${contactHeading}`,
      `heading, ${contactHeading}, level 2`,
      'paragraph',
      t('casework:statement.contactNotShared'),
      'end of paragraph',
      `end of region, ${contactHeading}`,
    ]);
    // None of the person's contact answers leak out when they were not shared.
    const all = spoken.join('\n');
    expect(all).not.toContain(safeWays.text);
    expect(all).not.toContain(t('statement:cards.never.no-voicemail'));
  });

  it('say when a rule was shared but not answered', () => {
    renderWithI18n(<ContactRules safeWays={safeWays} never={null} shared />);
    const region = screen.getByRole('region', { name: contactHeading });
    expect(
      within(region)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([t('statement:questions.safeWays.title'), t('statement:questions.never.title')]);
    expect(within(region).getByText(t('casework:statement.status.notAnswered'))).toBeTruthy();
  });
});

describe('the shared statement', () => {
  it('shows only the sections the person shared, each a region named by its title, in the statement’s order', () => {
    renderWithI18n(
      <SharedStatement answers={{ trusted: answer({ text: 'Fy chwaer, Mair', language: 'cy' }) }} sections={['people', 'about-me']} />,
    );
    const regions = screen.getAllByRole('region');
    expect(regions.map((region) => region.getAttribute('aria-labelledby'))).toEqual(['section-about-me', 'section-people']);
    expect(screen.getByRole('region', { name: t('statement:sections.about-me.title') })).toBeTruthy();
    const people = screen.getByRole('region', { name: t('statement:sections.people.title') });
    expect(within(people).getByRole('heading', { level: 2 }).textContent).toBe(t('statement:sections.people.title'));
    expect(
      within(people)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual([t('statement:questions.trusted.title'), t('statement:questions.notTold.title')]);
    for (const section of statement.filter((s) => s.id !== 'people' && s.id !== 'about-me')) {
      expect(screen.queryByRole('region', { name: t(`statement:sections.${section.id}.title`) })).toBeNull();
    }
  });

  it('shows nothing when no section was shared', () => {
    const { container } = renderWithI18n(<SharedStatement answers={{ trusted: answer({ text: 'Mair' }) }} sections={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('quotes own words in their language, followed by who wrote them and in which language', () => {
    renderWithI18n(
      <SharedStatement
        answers={{
          trusted: answer({ text: 'Fy chwaer, Mair', language: 'cy' }),
          notTold: answer({ text: 'Dad', reason: 'He shouts at me', by: 'advocate' }),
        }}
        sections={['people']}
      />,
    );
    const people = screen.getByRole('region', { name: t('statement:sections.people.title') });
    const [welsh, who, why] = within(people).getAllByRole('blockquote');
    expect(welsh!.getAttribute('lang')).toBe('cy');
    expect(welsh!.textContent).toBe('Fy chwaer, Mair');

    const authorship = within(people).getByText('Written by the person, in Welsh.');
    expect(authorship).toBeTruthy();
    // The authorship line comes after the words it is about, and before the next question.
    expect(welsh!.compareDocumentPosition(authorship) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const nextQuestion = within(people).getByRole('heading', { name: t('statement:questions.notTold.title') });
    expect(authorship.compareDocumentPosition(nextQuestion) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    // Who and why are both quoted, in English, and an advocate is named as the writer.
    expect(who!.getAttribute('lang')).toBe('en');
    expect(who!.textContent).toBe(`${t('statement:questions.notTold.whoLabel')} Dad`);
    expect(why!.textContent).toBe(`${t('statement:questions.notTold.whyLabel')} He shouts at me`);
    expect(within(people).getByText('Written by an advocate helping the person, in English.')).toBeTruthy();
  });

  it('gives no authorship line for a question that was skipped or has no words', () => {
    renderWithI18n(
      <SharedStatement
        answers={{ trusted: answer({ status: 'skipped', text: 'kept from before', language: 'cy' }), notTold: answer({}) }}
        sections={['people']}
      />,
    );
    const people = screen.getByRole('region', { name: t('statement:sections.people.title') });
    expect(within(people).queryByText(/^Written by/)).toBeNull();
    expect(within(people).queryByRole('blockquote')).toBeNull();
    expect(within(people).getByText(t('casework:statement.status.skipped'))).toBeTruthy();
  });
});
