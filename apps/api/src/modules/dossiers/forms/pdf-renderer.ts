import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * pdfmake with the Roboto faces it ships (they cover Vietnamese), embedded in every PDF so the
 * text renders the same on any reader. One printer per process: loading the fonts is the slow part.
 */
let printer: PdfPrinter | undefined;

function fonts() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- pdfmake ships its fonts as a CommonJS vfs module
  const vfsModule = require('pdfmake/build/vfs_fonts.js') as { pdfMake?: { vfs: Record<string, string> } } & Record<string, string>;
  const vfs = vfsModule.pdfMake?.vfs ?? vfsModule;
  const font = (name: string) => Buffer.from(vfs[name], 'base64');
  return {
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  };
}

export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  printer ??= new PdfPrinter(fonts());
  const document = printer.createPdfKitDocument({
    ...definition,
    defaultStyle: { font: 'Roboto', fontSize: 11, ...definition.defaultStyle },
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}
