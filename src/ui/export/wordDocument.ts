import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { DocBlock, PlanDocument } from './documentModel';

const FONT = 'Arial';
const cell = (text: string, bold = false): TableCell =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT })] })] });
const table = (headers: string[], rows: string[][]): Table =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) }))
    ]
  });

function blocks(block: DocBlock): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: block.text, font: FONT })] })];
    case 'bullets':
      return block.items.map((t) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: t, font: FONT })] }));
    case 'facts':
      return [
        table(
          ['', ''],
          block.rows.map(([k, v]) => [k, v])
        )
      ];
    case 'table':
      return [table(block.headers, block.rows)];
  }
}

/** A Word document (Arial, real headings and table header rows, so it reads well with a screen reader). */
export async function toWordBlob(doc: PlanDocument): Promise<Blob> {
  const document = new Document({
    creator: 'Involvement Planner',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: doc.title, font: FONT })] }),
          new Paragraph({ children: [new TextRun({ text: doc.subtitle, font: FONT })] }),
          ...doc.sections.flatMap((s) => [
            new Paragraph({
              heading: s.level === 2 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
              children: [new TextRun({ text: s.heading, font: FONT })]
            }),
            ...s.blocks.flatMap(blocks)
          ])
        ]
      }
    ]
  });
  return Packer.toBlob(document);
}

/** A safe file name from a plan title. */
export function fileName(title: string, suffix: string): string {
  const base =
    title
      .replace(/[^A-Za-z0-9 -]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60) || 'plan';
  return `${base}-${suffix}.docx`;
}
