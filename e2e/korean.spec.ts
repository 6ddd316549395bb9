import { describeCluster } from './support/aws';
import { expect, test } from './support/fixtures';

test.describe('in Korean (chosen from the browser’s language)', () => {
  test.use({ locale: 'ko-KR' });

  test('the whole flow reads in Korean, validation included, and creates the cluster', async ({ page }) => {
    await page.goto('/clusters');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByText('샌드박스 — 연결된 AWS 계정이 없습니다.', { exact: false })).toBeVisible();
    await page.getByRole('link', { name: '클러스터 생성' }).click();

    await expect(page.getByRole('heading', { name: '클러스터 구성' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '인프라' })).toBeVisible();
    await page.getByRole('button', { name: '생성', exact: true }).click();
    await expect(page.getByLabel('클러스터 이름')).toHaveAccessibleDescription(/^클러스터 이름을 입력하세요\./);

    await page.getByLabel('클러스터 이름').fill('한글');
    await expect(page.getByLabel('클러스터 이름')).toHaveAccessibleDescription(
      /^클러스터 이름에는 영문자, 숫자, 하이픈\(-\), 밑줄\(_\)만 쓸 수 있습니다\./,
    );
    await page.getByLabel('클러스터 이름').fill('seoul-team');
    await page.getByRole('heading', { name: /태그/ }).click();
    await page.getByRole('button', { name: '태그 추가' }).click();
    await page.getByLabel('태그 1의 키').fill('팀');
    await page.getByLabel('태그 1의 값').fill('결제 서비스');
    await page.getByRole('button', { name: '생성', exact: true }).click();

    await expect(page).toHaveURL(/\/clusters\/seoul-team\?request=[0-9a-f-]{36}$/);
    await expect(page.getByText('클러스터 seoul-team이(가) 생성되었습니다.')).toBeVisible();
    expect((await describeCluster('seoul-team'))?.tags?.[0]).toEqual({ key: '팀', value: '결제 서비스' });
  });

  test('the server’s own verdicts are worded in Korean too', async ({ page }) => {
    await page.goto('/clusters/create');
    await page.getByLabel('클러스터 이름').fill('twice');
    await page.getByRole('button', { name: '생성', exact: true }).click();
    // The page follows the worker, refreshing every 2 s: allow a loaded machine its time.
    await expect(page.getByText('클러스터 twice이(가) 생성되었습니다.')).toBeVisible({ timeout: 20_000 });
    await page.goto('/clusters/create');
    await page.getByLabel('클러스터 이름').fill('twice');
    await page.getByRole('button', { name: '생성', exact: true }).click();
    await expect(page.getByLabel('클러스터 이름')).toHaveAccessibleDescription(
      /^이 계정과 리전에 같은 이름의 활성 클러스터가 이미 있습니다\./,
    );
  });
});

test.describe('Korean type', () => {
  test.use({ locale: 'ko-KR' });

  test('bold Korean text is drawn in the bold face of a Korean font, not the regular face', async ({ page }) => {
    await page.goto('/clusters/create');
    const heading = page.getByRole('heading', { level: 1, name: '클러스터 생성' });
    await expect(heading).toHaveCSS('font-weight', '700');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    // Six Hangul glyphs in "클러스터 생성"; the space is drawn by the Latin face.
    const korean = fonts.find((font) => font.glyphCount === 6);
    expect(korean?.postScriptName, JSON.stringify(fonts)).toMatch(/Bold$/);
  });
});

test('the language can be switched on the page, and the choice is kept', async ({ page }) => {
  await page.goto('/clusters/create');
  await expect(page.getByRole('heading', { level: 1, name: 'Create cluster' })).toBeVisible();
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '클러스터 생성' })).toBeVisible();
  await expect(page.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/clusters');
  await expect(page.getByRole('heading', { level: 1, name: /클러스터/ })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Clusters/ })).toBeVisible();
});
