import type en from './messages/en.json';

/**
 * The message catalogues (messages/<locale>.json, ICU message syntax) are read by next-intl;
 * English is the one every other language must match key for key.
 */
export type Messages = typeof en;

/** Every message's key, as `section.name` paths. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;
export type ValidationMessageKey = Extract<MessageKey, `validation.${string}`>;

/** A message chosen on the server and worded in the person's language. */
export interface MessageRef {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Translates a key; the same shape on the server and in the browser. */
export type Translate = (key: MessageKey, params?: MessageRef['params']) => string;
