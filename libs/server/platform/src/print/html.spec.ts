import { amountBox, fieldTable, lineTable, officialDocument } from './document-kit';
import { html, trustedHtml } from './html';

describe('the print kit escapes what people typed', () => {
  const evil = '<script>alert(1)</script> & "quotes"';

  it('escapes every value in html`` and keeps nested html and trusted markup as they are', () => {
    expect(html`<p>${evil}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</p>',
    );
    expect(html`<div>${html`<b>${'<i>'}</b>`}${[html`<br />`, 'a<b']}</div>`.value).toBe(
      '<div><b>&lt;i&gt;</b><br />a&lt;b</div>',
    );
    expect(html`${false}${null}${undefined}${0}`.value).toBe('0');
    expect(html`${trustedHtml('<svg></svg>')}`.value).toBe('<svg></svg>');
  });

  it('escapes the bureau, title, number, fields, lines and signatures of a document', () => {
    const page = officialDocument({
      bureau: evil,
      title: evil,
      number: evil,
      issuedOn: '2026-02-03',
      body: html`${fieldTable([[evil, evil]])}${lineTable([{ title: evil }], [[evil]], [evil])}${amountBox(evil, '1.00', '壹元整')}`,
      signatures: [{ role: evil, seal: true }],
      footnote: evil,
    });
    expect(page).not.toContain('<script>');
    expect(page.match(/&lt;script&gt;/g)?.length).toBeGreaterThanOrEqual(10);
    expect(page).toContain('签发日期：2026年02月03日');
    expect(page).toContain('（签字/盖章）');
    expect(page).toContain('@page { size: A4');
  });
});
