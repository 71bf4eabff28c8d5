/**
 * @module Every text of the onboarding elements, one table per locale (the `internal/messages.ts`
 * pattern). Kept apart from the auth texts so they load with the onboarding chunk only.
 */
import { messagesFor, type FoyerMessages } from '../internal/messages.js';

/** The texts of the onboarding elements. Functions take the values they interpolate. */
export interface OnboardingMessages {
  // wizard
  progressLabel: string;
  stepStatus: Record<'done' | 'current' | 'due' | 'locked', string>;
  back: string;
  continue: string;
  saving: string;
  saved: string;
  offline: string;
  saveError: string;
  conflictMessage: string;
  useLatest: string;
  keepMine: string;
  loadFailed: string;
  retry: string;
  publishHeading: string;
  publish: string;
  unpublish: string;
  publishedAt: string;
  publishBlocked: string;
  slotPlaceholder: string;
  unknownStep: (id: string) => string;
  // meter
  meterLabel: string;
  meterValue: (score: number) => string;
  missingHeading: string;
  missingPoints: (points: number) => string;
  complete: string;
  // shared step texts
  stepErrors: string;
  required: string;
  optional: string;
  characters: (count: number, max: number) => string;
  remove: string;
  commaHint: string;
  // roles
  rolesLegend: string;
  rolesHint: string;
  // profile
  displayName: string;
  headline: string;
  headlineHint: string;
  bio: string;
  city: string;
  country: string;
  chooseCountry: string;
  languages: string;
  languagesHint: string;
  tags: string;
  tagsHint: string;
  linksLegend: string;
  link: (n: number) => string;
  addLink: string;
  removeLink: (n: number) => string;
  avatarHeading: string;
  avatarPlaceholder: string;
  // packages
  packagesFor: (role: string) => string;
  packageLegend: (role: string, n: number) => string;
  packageName: string;
  packageDescription: string;
  duration: string;
  durationHint: string;
  price: string;
  priceHint: (example: string) => string;
  priceInvalid: string;
  currency: string;
  deliverables: string;
  deliverablesHint: string;
  addOnsLegend: string;
  addOnName: (n: number) => string;
  addOnPrice: (n: number) => string;
  addAddOn: string;
  removeAddOn: (n: number) => string;
  addPackage: (role: string) => string;
  removePackage: (name: string) => string;
  noRoles: string;
  priceBandHeading: string;
  priceBandEmpty: string;
  // availability
  timeZone: string;
  weeklyHeading: string;
  weeklyHint: string;
  day: string;
  hours: string;
  weekdays: readonly string[];
  closed: string;
  start: (day: string, n: number) => string;
  end: (day: string, n: number) => string;
  addHours: (day: string) => string;
  removeHours: (day: string, n: number) => string;
  timeHint: string;
  exceptionsHeading: string;
  exceptionOff: (n: number) => string;
  exceptionExtra: (n: number) => string;
  from: string;
  to: string;
  date: string;
  startTime: string;
  endTime: string;
  addTimeOff: string;
  addExtraHours: string;
  removeException: (n: number) => string;
  bookingRulesHeading: string;
  bufferBefore: string;
  bufferAfter: string;
  minimumNotice: string;
  maximumAdvance: string;
  minutesHint: string;
  previewHeading: (days: number) => string;
  previewTotal: (hours: string) => string;
  previewEmpty: string;
  previewInvalid: string;
  // policies
  cancellationLegend: string;
  cancellation: Record<'flexible' | 'moderate' | 'strict', { label: string; description: string }>;
  rescheduleLegend: string;
  rescheduleAllowed: string;
  rescheduleNotice: string;
  rescheduleMax: string;
  // studio
  studioName: string;
  slug: string;
  slugHint: (address: string) => string;
  studioDescription: string;
  contactLegend: string;
  contactEmail: string;
  contactPhone: string;
  phoneHint: string;
  addressLegend: string;
  line1: string;
  line2: string;
  postalCode: string;
  region: string;
  privacyLegend: string;
  privacy: Record<'exact' | 'neighbourhood', string>;
  amenitiesLegend: string;
  amenities: Record<string, string>;
  capacity: string;
  rateLegend: string;
  rateMin: string;
  rateMax: string;
  minimumHours: string;
  deposit: string;
}

/** English (the default and the fallback). */
export const onboardingEn: OnboardingMessages = {
  progressLabel: 'Onboarding steps',
  stepStatus: { done: 'Done', current: 'Current step', due: 'To do', locked: 'Locked' },
  back: 'Back',
  continue: 'Continue',
  saving: 'Saving…',
  saved: 'Saved',
  offline: 'Offline — will retry',
  saveError: 'Your changes could not be saved. Check the highlighted fields.',
  conflictMessage: 'This step was changed in another tab or device',
  useLatest: 'Use the latest version',
  keepMine: 'Keep my changes',
  loadFailed: 'Your onboarding could not be loaded.',
  retry: 'Try again',
  publishHeading: 'Publish your profile',
  publish: 'Publish',
  unpublish: 'Unpublish',
  publishedAt: 'Your profile is live at',
  publishBlocked: 'Before you can publish:',
  slotPlaceholder: 'Upload comes in a later release. You can continue without it.',
  unknownStep: (id) => `No form is available for the step “${id}”.`,
  meterLabel: 'Profile completeness',
  meterValue: (score) => `${score}% complete`,
  missingHeading: 'What is missing',
  missingPoints: (points) => `+${points} points`,
  complete: 'Everything is filled in.',
  stepErrors: 'Some fields of this step need attention.',
  required: 'Fill in this field.',
  optional: '(optional)',
  characters: (count, max) => `${count} of ${max} characters`,
  remove: 'Remove',
  commaHint: 'Separate entries with commas.',
  rolesLegend: 'What do you offer?',
  rolesHint: 'Choose one or more roles.',
  displayName: 'Display name',
  headline: 'Headline',
  headlineHint: 'One line that says what you do.',
  bio: 'Bio',
  city: 'City',
  country: 'Country',
  chooseCountry: 'Choose a country',
  languages: 'Languages',
  languagesHint: 'Language codes, separated by commas, e.g. en, de, pt-BR.',
  tags: 'Tags',
  tagsHint: 'Up to 20, separated by commas.',
  linksLegend: 'Links',
  link: (n) => `Link ${n}`,
  addLink: 'Add a link',
  removeLink: (n) => `Remove link ${n}`,
  avatarHeading: 'Profile photo',
  avatarPlaceholder: 'Photo upload comes with the media step.',
  packagesFor: (role) => `Packages for ${role}`,
  packageLegend: (role, n) => `${role} package ${n}`,
  packageName: 'Package name',
  packageDescription: 'Description',
  duration: 'Duration (minutes)',
  durationHint: '15 to 1,440 minutes.',
  price: 'Price',
  priceHint: (example) => `For example ${example}.`,
  priceInvalid: 'Enter a price like 150.00.',
  currency: 'Currency',
  deliverables: 'Deliverables',
  deliverablesHint: 'What the client receives, separated by commas.',
  addOnsLegend: 'Add-ons',
  addOnName: (n) => `Add-on ${n} name`,
  addOnPrice: (n) => `Add-on ${n} price`,
  addAddOn: 'Add an add-on',
  removeAddOn: (n) => `Remove add-on ${n}`,
  addPackage: (role) => `Add a ${role} package`,
  removePackage: (name) => `Remove package ${name}`,
  noRoles: 'Choose your roles first: packages are offered per role.',
  priceBandHeading: 'Your price range',
  priceBandEmpty: 'Add a package with a price to see your price range.',
  timeZone: 'Time zone',
  weeklyHeading: 'Weekly hours',
  weeklyHint: 'Add the hours you can be booked on each day of the week.',
  day: 'Day',
  hours: 'Hours',
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  closed: 'Not available',
  start: (day, n) => `${day} hours ${n} start`,
  end: (day, n) => `${day} hours ${n} end`,
  addHours: (day) => `Add hours on ${day}`,
  removeHours: (day, n) => `Remove ${day} hours ${n}`,
  timeHint: 'Times as HH:MM on a 24-hour clock (24:00 is midnight at the end of the day).',
  exceptionsHeading: 'Exceptions',
  exceptionOff: (n) => `Time off ${n}`,
  exceptionExtra: (n) => `Extra hours ${n}`,
  from: 'From',
  to: 'To',
  date: 'Date',
  startTime: 'Start',
  endTime: 'End',
  addTimeOff: 'Add time off',
  addExtraHours: 'Add extra hours',
  removeException: (n) => `Remove exception ${n}`,
  bookingRulesHeading: 'Booking rules',
  bufferBefore: 'Buffer before a booking (minutes)',
  bufferAfter: 'Buffer after a booking (minutes)',
  minimumNotice: 'Minimum notice (hours)',
  maximumAdvance: 'Bookable up to (days ahead)',
  minutesHint: 'Whole numbers.',
  previewHeading: (days) => `Your next ${days} days`,
  previewTotal: (hours) => `${hours} bookable hours in total`,
  previewEmpty: 'No bookable time in these days.',
  previewInvalid: 'The preview appears once the hours above are valid.',
  cancellationLegend: 'Cancellation policy',
  cancellation: {
    flexible: { label: 'Flexible', description: 'Full refund up to 24 hours before the booking.' },
    moderate: { label: 'Moderate', description: 'Full refund up to 5 days before, 50% after that.' },
    strict: { label: 'Strict', description: '50% refund up to 7 days before, nothing after that.' },
  },
  rescheduleLegend: 'Rescheduling',
  rescheduleAllowed: 'Clients may reschedule',
  rescheduleNotice: 'Notice needed to reschedule (hours)',
  rescheduleMax: 'Reschedules allowed per booking',
  studioName: 'Studio name',
  slug: 'Page address',
  slugHint: (address) => `Your page: ${address}`,
  studioDescription: 'Description',
  contactLegend: 'Contact',
  contactEmail: 'Contact email',
  contactPhone: 'Contact phone',
  phoneHint: 'International form, e.g. +4930123456.',
  addressLegend: 'Address',
  line1: 'Street address',
  line2: 'Address line 2',
  postalCode: 'Postal code',
  region: 'Region or state',
  privacyLegend: 'What your public page shows',
  privacy: { exact: 'The exact address', neighbourhood: 'The neighbourhood only' },
  amenitiesLegend: 'Amenities',
  amenities: {
    natural_light: 'Natural light',
    cyclorama: 'Cyclorama (infinity wall)',
    backdrops: 'Backdrops',
    strobe_lighting: 'Strobe lighting',
    continuous_lighting: 'Continuous lighting',
    makeup_station: 'Make-up station',
    changing_room: 'Changing room',
    wifi: 'Wi-Fi',
    parking: 'Parking',
    step_free_access: 'Step-free access',
    kitchen: 'Kitchen',
    sound_insulation: 'Sound insulation',
    green_screen: 'Green screen',
    props: 'Props',
    air_conditioning: 'Air conditioning',
  },
  capacity: 'Capacity (people)',
  rateLegend: 'Hourly rate',
  rateMin: 'From',
  rateMax: 'Up to',
  minimumHours: 'Minimum booking (hours)',
  deposit: 'Deposit',
};

const tables = new Map<string, OnboardingMessages>([['en', onboardingEn]]);

/**
 * Adds or replaces the onboarding texts of a locale; missing keys fall back to English.
 *
 * @example
 * registerOnboardingMessages('de', { continue: 'Weiter', back: 'Zurück' });
 */
export function registerOnboardingMessages(locale: string, messages: Partial<OnboardingMessages>): void {
  tables.set(locale.toLowerCase(), { ...onboardingEn, ...messages });
}

/** The onboarding table of `locale` (`de-AT` → `de` → English), with the shared texts as `common`. */
export function onboardingMessagesFor(
  locale: string | null | undefined,
): OnboardingMessages & { common: FoyerMessages } {
  const key = (locale ?? 'en').toLowerCase();
  const table = tables.get(key) ?? tables.get(key.split('-')[0] ?? '') ?? onboardingEn;
  return { ...table, common: messagesFor(locale) };
}
