import type { PictureName } from '~/components/picture/catalog';

/**
 * The statement ("My views and wishes"), defined once. The pages, the validation, the
 * differences between versions and the printable copy all read this. Ids and codes are stable
 * and the same in every language; words are i18n keys in the `statement` namespace:
 * `sections.<section>.title`, `questions.<question>.title|hint`, `cards.<code>`.
 */

export type QuestionKind =
  /** Own words only. */
  | 'text'
  /** Picture cards (coded, so the meaning does not depend on the language) and own words. */
  | 'cards'
  /** Picture cards and own words, and the person marks which matter most. */
  | 'outcomes'
  /** One picture card at a time on a 3-point scale. */
  | 'sort'
  /** Two lots of own words: who, and why. */
  | 'who-and-why';

export interface Card {
  code: string;
  picture: PictureName;
}

export interface Question {
  id: string;
  kind: QuestionKind;
  picture: PictureName;
  /** The most characters the own-words answer may have. */
  maxLength: number;
  cards?: Card[];
  /** For a sort: the topics, each with its scale. */
  topics?: { code: string; picture: PictureName; scale: Scale }[];
}

export type Scale = 'feeling' | 'safety';
export const scales: Record<Scale, { code: string; picture: PictureName }[]> = {
  feeling: [
    { code: 'happy', picture: 'happy' },
    { code: 'not-sure', picture: 'notSure' },
    { code: 'not-happy', picture: 'sad' },
  ],
  safety: [
    { code: 'safe', picture: 'lock' },
    { code: 'not-sure', picture: 'notSure' },
    { code: 'not-safe', picture: 'warning' },
  ],
};

export interface Section {
  id: string;
  picture: PictureName;
  questions: Question[];
}

const long = 2000;
const short = 100;

/** The desired outcomes: at least 15 cards, mixed feelings allowed (see product.md). */
export const outcomeCards: Card[] = [
  { code: 'feel-safe', picture: 'lock' },
  { code: 'hurting-stops', picture: 'stop' },
  { code: 'keep-seeing-someone', picture: 'people' },
  { code: 'stay-in-my-home', picture: 'home' },
  { code: 'money-back', picture: 'money' },
  { code: 'apology', picture: 'speak' },
  { code: 'be-in-charge', picture: 'person' },
  { code: 'no-police', picture: 'cancel' },
  { code: 'police-involved', picture: 'police' },
  { code: 'move-somewhere-safe', picture: 'location' },
  { code: 'person-stops-contacting-me', picture: 'no' },
  { code: 'help-with-money', picture: 'coins' },
  { code: 'more-support', picture: 'carer' },
  { code: 'change-carer', picture: 'carer' },
  { code: 'see-family-and-friends', picture: 'friends' },
  { code: 'someone-to-talk-to', picture: 'talk' },
  { code: 'learn-to-stay-safe', picture: 'book' },
  { code: 'things-back', picture: 'yes' },
];

export const statement: Section[] = [
  {
    id: 'about-me',
    picture: 'person',
    questions: [
      { id: 'name', kind: 'text', picture: 'person', maxLength: short },
      {
        id: 'communication',
        kind: 'cards',
        picture: 'speak',
        maxLength: long,
        cards: [
          { code: 'speaking', picture: 'speak' },
          { code: 'sign-language', picture: 'talk' },
          { code: 'pictures', picture: 'happy' },
          { code: 'writing', picture: 'note' },
          { code: 'someone-helps-me', picture: 'people' },
          { code: 'need-more-time', picture: 'calendar' },
        ],
      },
      {
        id: 'information',
        kind: 'cards',
        picture: 'book',
        maxLength: long,
        cards: [
          { code: 'easy-read', picture: 'book' },
          { code: 'large-print', picture: 'textSize' },
          { code: 'my-language', picture: 'globe' },
          { code: 'bsl', picture: 'talk' },
          { code: 'audio', picture: 'megaphone' },
          { code: 'someone-explains', picture: 'forum' },
        ],
      },
    ],
  },
  {
    id: 'matters',
    picture: 'heart',
    questions: [
      {
        id: 'matters',
        kind: 'cards',
        picture: 'heart',
        maxLength: long,
        cards: [
          { code: 'people', picture: 'people' },
          { code: 'home', picture: 'home' },
          { code: 'pets', picture: 'pet' },
          { code: 'routines', picture: 'calendar' },
          { code: 'faith', picture: 'faith' },
          { code: 'going-out', picture: 'goingOut' },
          { code: 'work', picture: 'work' },
          { code: 'outdoors', picture: 'outdoors' },
        ],
      },
    ],
  },
  {
    id: 'feelings',
    picture: 'happy',
    questions: [
      {
        id: 'feelings',
        kind: 'sort',
        picture: 'happy',
        maxLength: long,
        topics: [
          { code: 'home', picture: 'home', scale: 'feeling' },
          { code: 'money', picture: 'money', scale: 'feeling' },
          { code: 'family', picture: 'family', scale: 'feeling' },
          { code: 'friends', picture: 'friends', scale: 'feeling' },
          { code: 'carers', picture: 'carer', scale: 'feeling' },
          { code: 'health', picture: 'doctor', scale: 'feeling' },
          { code: 'going-out', picture: 'goingOut', scale: 'feeling' },
          { code: 'feeling-safe', picture: 'lock', scale: 'safety' },
        ],
      },
    ],
  },
  {
    id: 'outcomes',
    picture: 'yes',
    questions: [{ id: 'outcomes', kind: 'outcomes', picture: 'yes', maxLength: long, cards: outcomeCards }],
  },
  {
    id: 'not-wanted',
    picture: 'no',
    questions: [
      {
        id: 'notWanted',
        kind: 'cards',
        picture: 'no',
        maxLength: long,
        cards: [
          { code: 'no-police', picture: 'police' },
          { code: 'not-move-home', picture: 'home' },
          { code: 'not-tell-family', picture: 'family' },
          { code: 'not-stop-seeing-someone', picture: 'people' },
          { code: 'nothing-without-me', picture: 'person' },
          { code: 'not-lose-my-carer', picture: 'carer' },
        ],
      },
    ],
  },
  {
    id: 'people',
    picture: 'people',
    questions: [
      { id: 'trusted', kind: 'text', picture: 'people', maxLength: long },
      { id: 'notTold', kind: 'who-and-why', picture: 'secureMessage', maxLength: long },
    ],
  },
  {
    id: 'contact',
    picture: 'phone',
    questions: [
      {
        id: 'safeWays',
        kind: 'cards',
        picture: 'phone',
        maxLength: long,
        cards: [
          { code: 'phone-call', picture: 'phone' },
          { code: 'text-message', picture: 'secureMessage' },
          { code: 'email', picture: 'laptop' },
          { code: 'letter', picture: 'note' },
          { code: 'visit-home', picture: 'home' },
          { code: 'meet-somewhere-else', picture: 'location' },
          { code: 'through-someone-i-trust', picture: 'people' },
        ],
      },
      {
        id: 'never',
        kind: 'cards',
        picture: 'stop',
        maxLength: long,
        cards: [
          { code: 'no-letters-home', picture: 'note' },
          { code: 'no-voicemail', picture: 'phone' },
          { code: 'no-visits-home', picture: 'home' },
          { code: 'not-when-others-there', picture: 'people' },
          { code: 'no-contact-with-family', picture: 'family' },
        ],
      },
    ],
  },
  {
    id: 'anything-else',
    picture: 'note',
    questions: [{ id: 'anythingElse', kind: 'text', picture: 'note', maxLength: long }],
  },
];

/** Every question in order, with its section. */
export const questionOrder = statement.flatMap((section) => section.questions.map((question) => ({ section, question })));

/** Finds a question by section and question id; undefined when either does not exist. */
export function findQuestion(sectionId: string, questionId: string) {
  return questionOrder.find((q) => q.section.id === sectionId && q.question.id === questionId);
}

/** The page after this question: the next question, or the check-your-answers page. */
export function nextPath(sectionId: string, questionId: string): string {
  const index = questionOrder.findIndex((q) => q.section.id === sectionId && q.question.id === questionId);
  const next = questionOrder[index + 1];
  return next ? questionPath(next.section.id, next.question.id) : '/statement/check';
}

/** The address of a question's page (the picture sort starts at its first card). */
export function questionPath(sectionId: string, questionId: string): string {
  const q = findQuestion(sectionId, questionId);
  if (q?.question.kind === 'sort') return `/statement/${sectionId}/${questionId}/${q.question.topics?.[0]?.code ?? ''}`;
  return `/statement/${sectionId}/${questionId}`;
}
