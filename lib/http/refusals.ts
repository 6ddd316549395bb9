import type { Locale } from '@/lib/i18n/locales';
import { FORM_BODY_LIMIT } from './form-post';

const limit = `${FORM_BODY_LIMIT / 1024} KiB`;

/**
 * The answers the app gives a request it refuses before any page or action runs. They are plain
 * text in both languages, written here rather than in the next-intl messages: the proxy answers
 * before next-intl's request configuration exists, and each is one sentence.
 */
export const REFUSALS = {
  crossSite: {
    status: 403,
    en: 'Refused: this form was sent from another site. Open the Create cluster page on this site and send it from there.',
    ko: '거부됨: 이 양식은 다른 사이트에서 전송되었습니다. 이 사이트의 클러스터 생성 페이지를 열고 거기에서 전송하세요.',
  },
  tooLarge: {
    status: 413,
    en: `Refused: the form is larger than ${limit}, more than any form of this app can hold. Reload the page and send it again.`,
    ko: `거부됨: 양식이 ${limit}보다 커서 이 앱의 어떤 양식보다도 큽니다. 페이지를 새로 고친 후 다시 전송하세요.`,
  },
  contentType: {
    status: 415,
    en: 'Refused: forms of this app are sent as multipart/form-data. Send the form from its page.',
    ko: '거부됨: 이 앱의 양식은 multipart/form-data로 전송됩니다. 양식의 페이지에서 전송하세요.',
  },
  malformedBody: {
    status: 400,
    en: 'Refused: the form’s data could not be read (malformed multipart or JSON). Send the form from its page.',
    ko: '거부됨: 양식의 데이터를 읽을 수 없습니다(잘못된 multipart 또는 JSON). 양식의 페이지에서 전송하세요.',
  },
  notAForm: {
    status: 400,
    en: 'Refused: this is not a form of this app. Its forms send text fields and a reference to their action, nothing else.',
    ko: '거부됨: 이 앱의 양식이 아닙니다. 이 앱의 양식은 텍스트 필드와 작업 참조만 전송합니다.',
  },
  malformedAddress: {
    status: 400,
    en: 'Refused: the address has a malformed percent-encoding. Check the link and try again.',
    ko: '거부됨: 주소의 퍼센트 인코딩이 잘못되었습니다. 링크를 확인하고 다시 시도하세요.',
  },
  malformedRouterState: {
    status: 400,
    en: 'Refused: the page state the request names could not be read. Reload the page.',
    ko: '거부됨: 요청이 가리키는 페이지 상태를 읽을 수 없습니다. 페이지를 새로 고치세요.',
  },
  method: {
    status: 405,
    en: 'Refused: pages of this app answer GET, and POST from their own forms.',
    ko: '거부됨: 이 앱의 페이지는 GET 요청과 자체 양식의 POST 요청에만 응답합니다.',
  },
} as const satisfies Record<string, { status: number } & Record<Locale, string>>;

export type Refusal = keyof typeof REFUSALS;

export function refusalResponse(refusal: Refusal, locale: Locale): Response {
  const { status, [locale]: message } = REFUSALS[refusal];
  return new Response(message, {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      ...(refusal === 'method' ? { allow: 'GET, HEAD, POST' } : {}),
    },
  });
}
