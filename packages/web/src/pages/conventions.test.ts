// Conventions every page keeps, checked on the source so that a new feature cannot miss them
// unnoticed: API calls only through the feature's api.ts, permissions only through access.ts.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const pages = Object.entries(sources).filter(([path]) => !path.endsWith('/api.ts'));

describe('page conventions', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(Object.keys(sources)).toContain('./enterprises/api.ts');
  });

  it('call the API only through a feature api.ts', () => {
    const offenders = pages
      .filter(([, text]) => /\bhttp\.(get|post|put|patch|delete)\b|\brequest\s*[<(]|\bfetch\(|\bdownload\(/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('ask access.ts for permissions instead of comparing role names', () => {
    const offenders = pages
      // `v.roles` (a form's values) and `chosenRoles` are data being edited, not the signed-in user.
      .filter(([, text]) => /(?<![\w.])roles\??\.(includes|some|every|indexOf)\(|holdsAny\(/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('keep a list page’s query in the URL through the list-page kit', () => {
    // A page that reads page/pageSize from useSearchParams by hand re-implements the kit.
    const offenders = pages.filter(([, text]) => /params\.get\('page(Size)?'\)/.test(text)).map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('use antd 6’s names, not the props it deprecates (it warns in development, silently in the build)', () => {
    const deprecated: [RegExp, string][] = [
      [/<Alert\b[^>]*?\bmessage=/s, 'Alert message → title'],
      [/<Space\b[^>]*?\bdirection=/s, 'Space direction → orientation'],
      [/\bvalueStyle=/, 'Statistic valueStyle → styles.content'],
    ];
    const offenders = pages.flatMap(([path, text]) =>
      deprecated.filter(([pattern]) => pattern.test(text)).map(([, fix]) => `${path}: ${fix}`),
    );
    expect(offenders).toEqual([]);
  });

  it('list with ListLines or plain markup, not the List antd 6.6 deprecates', () => {
    // antd removes List in its next major version; until then it only warns, in development
    const offenders = pages
      .filter(([, text]) => /import\s*\{[^}]*\bList\b[^}]*\}\s*from\s*'antd'|from\s*'antd\/(es|lib)\/list'/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('draw a list of records as a list a screen reader announces, not with Listy', () => {
    // Listy draws plain divs and passes no role, so "list, n items" is lost; ListLines is a ul
    const offenders = pages.filter(([, text]) => /\bListy\b/.test(text)).map(([path]) => path);
    expect(offenders).toEqual([]);
  });

  it('let a wide Descriptions item fill its line instead of a fixed span', () => {
    // A fixed span counts columns the screen may not have (one on a phone, three on antd's first
    // render before it knows the width): antd then warns "Sum of column span" and lays it out wrong.
    const offenders = pages
      .filter(([, text]) => text.includes('Descriptions'))
      .filter(([, text]) => /<Descriptions\.Item\b[^>]*?\bspan=\{\d+\}/s.test(text) || /\bspan:\s*\d+\b/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});
