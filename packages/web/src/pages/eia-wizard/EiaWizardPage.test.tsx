// @vitest-environment jsdom
// The classification wizard in English against core's own engine standing in for the server: the
// engine asks in Chinese (its facts schema's descriptions), and the English face must ask the same
// questions, options and explanations in English — a question without its English shows Chinese.
import { classify } from '@qingshan/core/eia-classification';
import { cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../i18n.ts';
import { jsonResponse, renderInApp, stubApi, stubBrowser } from '../../test-support/app.tsx';
import EiaWizardPage from './EiaWizardPage.tsx';

configure({ asyncUtilTimeout: 10_000 });

const HAN = /[\u3400-\u9fff]/;

beforeAll(async () => {
  stubBrowser();
  await i18n.changeLanguage('en');
  stubApi(null, async (url, init) => {
    if (url.startsWith('/api/eia/classify')) return jsonResponse(classify(JSON.parse(String(init?.body))));
    return undefined;
  });
});

afterAll(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

/** Picks the class by typing `search` (its code unless given: a part of its English name finds it too). */
async function start(industryCode: string, search = industryCode) {
  renderInApp([{ path: '/eia-wizard', element: <EiaWizardPage /> }], '/eia-wizard');
  const industry = await screen.findByRole('combobox');
  fireEvent.mouseDown(industry);
  fireEvent.change(industry, { target: { value: search } });
  fireEvent.click(await screen.findByTitle(new RegExp(`^${industryCode} `)));
  fireEvent.click(screen.getByTestId('eia-start'));
}

describe('EiaWizardPage in English', () => {
  it('asks the quarry’s questions, options and explanations in English', async () => {
    await start('1011', 'limestone and GYPSUM');
    const form = (await screen.findByTestId('eia-next')).closest('form')!;
    const labels = [...form.querySelectorAll('label[title], .ant-form-item-label label')].map((l) => l.textContent);
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) expect(l).not.toMatch(HAN);
    expect(within(form).getByText(/river sand dredging/)).toBeTruthy();
    expect(within(form).getAllByText('Yes').length).toBeGreaterThan(0);
    // the deciding row's column is named in English too
    expect(screen.getByText(/^Deciding: catalogue row 11, column "(report book|report form|registration form)"$/));
  });

  it('asks the sensitive areas of the row in English, then answers with an English basis and class', async () => {
    cleanup();
    await start('1011');
    // one round a question: each answered no
    for (const key of ['riverSandDredging', 'crushingTransportOrRestorationOnly']) {
      const group = await screen.findByTestId(`eia-fact-${key}`);
      fireEvent.click(within(group).getByText('No'));
      fireEvent.click(screen.getByTestId('eia-next'));
      await waitFor(() => expect(screen.queryByTestId(`eia-fact-${key}`)).toBeNull());
    }
    const areas = await screen.findByTestId('eia-fact-sensitiveAreas');
    const options = [...areas.querySelectorAll('label')].map((l) => l.textContent ?? '');
    expect(options).toContain('Nature reserve');
    for (const o of options) expect(o).not.toMatch(HAN);
    fireEvent.click(screen.getByTestId('eia-next'));
    const result = await screen.findByTestId('eia-result', {}, { timeout: 10_000 });
    await waitFor(() => expect(screen.getByTestId('eia-category').textContent).toMatch(/^EIA report (form|book)$/));
    expect(within(result).getByText(/^EIA classification catalogue \(2021 edition\), row 11, “/)).toBeTruthy();
    for (const li of result.querySelectorAll('li')) expect(li.textContent).not.toMatch(HAN);
    // the industry in the project's English, not the standard's Chinese the server sends
    expect(within(result).getByText('1011 Quarrying of limestone and gypsum')).toBeTruthy();
  });

  it('names a row that only lists industries in English, the printed title kept on hover', async () => {
    cleanup();
    await start('0313', 'raising of PIGS');
    const title = await screen.findByTestId('eia-row-title');
    expect(title.textContent).toBe('Livestock farming 031; Poultry farming 032; Other animal husbandry 039');
    expect(title.getAttribute('title')).toBe('牲畜饲养031；家禽饲养032；其他畜牧业039');
  });
});
