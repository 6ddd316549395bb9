import { createTranslator } from 'next-intl';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import en from './messages/en.json';
import ko from './messages/ko.json';

const catalogues = { en, ko };

function leaves(messages: object, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

describe('the message catalogues', () => {
  it('have the same keys in Korean as in English', () => {
    expect(leaves(ko).map(([key]) => key)).toEqual(leaves(en).map(([key]) => key));
  });

  it.each(Object.entries(catalogues))('%s: every message is valid ICU message syntax', (locale, messages) => {
    for (const [key, message] of leaves(messages)) {
      expect(() => new IntlMessageFormat(message, locale), key).not.toThrow();
    }
  });

  it('count with plural rules', () => {
    const t = createTranslator({ locale: 'en', messages: en });
    expect(t('tags.remaining', { count: 1 })).toBe('You can add 1 more tag.');
    expect(t('tags.remaining', { count: 47 })).toBe('You can add 47 more tags.');
    expect(t('tags.remaining', { count: 0 })).toBe('You can add no more tags.');
    expect(t('clusters.count', { count: 1 })).toBe('1 cluster');
    expect(t('create.errorSummary.title', { count: 1 })).toBe('Fix 1 problem before you create the cluster');
    const tKo = createTranslator({ locale: 'ko', messages: ko });
    expect(tKo('tags.remaining', { count: 1 })).toBe('태그를 1개 더 추가할 수 있습니다.');
  });

  it('show the characters a rule forbids literally', () => {
    const t = createTranslator({ locale: 'en', messages: en });
    expect(t('namespace.constraint')).toContain('without spaces or < > " /');
    expect(t('validation.securityGroupText.characters')).toContain('; { } !');
  });

  it('call a task 작업 in Korean, as the Korean console does', () => {
    expect(JSON.stringify(ko)).not.toContain('태스크');
  });
});
