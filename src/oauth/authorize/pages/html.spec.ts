import { escapeHtml, markup } from './html.js';

describe('markup', () => {
  it('escapes interpolated text, including quotes that would end an attribute', () => {
    const name = `"><script>alert('x')</script>&`;
    expect(markup`<input value="${name}">`.value).toBe(
      '<input value="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">',
    );
  });

  it('inserts nested markup as it is and joins arrays', () => {
    const items = ['a<b', 'c'].map((item) => markup`<li>${item}</li>`);
    expect(markup`<ul>${items}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('leaves out null, undefined and false', () => {
    expect(markup`[${null}${undefined}${false}${0}]`.value).toBe('[0]');
  });

  it('escapes the five characters that matter in HTML', () => {
    expect(escapeHtml(`&<>"'æøå`)).toBe('&amp;&lt;&gt;&quot;&#39;æøå');
  });
});
