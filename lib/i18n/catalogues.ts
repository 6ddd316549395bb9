import { en } from './en';
import { ko } from './ko';
import type { Locale, Messages } from './messages';

export const catalogues: Record<Locale, Messages> = { en, ko };
