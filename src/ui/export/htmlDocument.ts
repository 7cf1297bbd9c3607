import type { DocBlock, PlanDocument } from './documentModel';

/** Text made safe for HTML: every character that could start markup is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function block(b: DocBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return b.text
        .split(/\n{2,}/)
        .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
        .join('\n');
    case 'bullets':
      return `<ul>\n${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;
    case 'facts':
      return `<dl>\n${b.rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('\n')}\n</dl>`;
    case 'table':
      return [
        '<table>',
        `<thead><tr>${b.headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody>`,
        '</table>'
      ].join('\n');
  }
}

/**
 * A plain, accessible web page a lead can publish as it is: one h1, real headings, tables with
 * header cells, Arial at a readable size, language en-GB. Every piece of text is escaped.
 */
export function toHtmlPage(doc: PlanDocument): string {
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    '<style>body{font-family:Arial,sans-serif;font-size:1.125rem;line-height:1.5;max-width:40em;margin:2em auto;padding:0 1em;color:#0b0c0c}',
    'table{border-collapse:collapse}th,td{border:1px solid #505a5f;padding:.25em .5em;text-align:left}dt{font-weight:bold}</style>',
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    doc.subtitle ? `<p>${escapeHtml(doc.subtitle)}</p>` : '',
    ...doc.sections.map((s) => `<h${s.level}>${escapeHtml(s.heading)}</h${s.level}>\n${s.blocks.map(block).join('\n')}`),
    '</main>',
    '</body>',
    '</html>',
    ''
  ]
    .filter((l) => l !== '')
    .join('\n');
}
