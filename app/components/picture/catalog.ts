/**
 * The pictures the portal uses, and where each came from. `npm run pictures` copies exactly these
 * files into `public/pictures/`, so the whole set is never shipped. Health Icons are MIT licensed
 * (see public/pictures/LICENSE-healthicons.txt and the About the pictures page).
 */
export const pictures = {
  speak: { file: 'speak.svg', source: 'healthicons', path: 'outline/symbols/communication.svg' },
  person: { file: 'person.svg', source: 'healthicons', path: 'outline/people/person.svg' },
  people: { file: 'people.svg', source: 'healthicons', path: 'outline/people/people.svg' },
  lock: { file: 'lock.svg', source: 'healthicons', path: 'outline/symbols/ui_secure.svg' },
  phone: { file: 'phone.svg', source: 'healthicons', path: 'outline/objects/phone.svg' },
  laptop: { file: 'laptop.svg', source: 'healthicons', path: 'outline/objects/laptop.svg' },
  warning: { file: 'warning.svg', source: 'healthicons', path: 'outline/symbols/alert_triangle.svg' },
  home: { file: 'home.svg', source: 'healthicons', path: 'outline/places/home.svg' },
  happy: { file: 'happy.svg', source: 'healthicons', path: 'outline/emotions/happy.svg' },
  notSure: { file: 'not-sure.svg', source: 'healthicons', path: 'outline/emotions/neutral.svg' },
  sad: { file: 'sad.svg', source: 'healthicons', path: 'outline/emotions/sad.svg' },
  settings: { file: 'settings.svg', source: 'healthicons', path: 'outline/symbols/ui_settings.svg' },
  textSize: { file: 'text-size.svg', source: 'healthicons', path: 'outline/symbols/ui_zoom_in.svg' },
  book: { file: 'book.svg', source: 'healthicons', path: 'outline/objects/book.svg' },
  globe: { file: 'globe.svg', source: 'healthicons', path: 'outline/symbols/globe.svg' },
  help: { file: 'help.svg', source: 'healthicons', path: 'outline/symbols/contact_support.svg' },
  yes: { file: 'yes.svg', source: 'healthicons', path: 'outline/symbols/yes.svg' },
  no: { file: 'no.svg', source: 'healthicons', path: 'outline/symbols/no.svg' },
} as const;

export type PictureName = keyof typeof pictures;
