/** A small real PDF: the demo's materials are files the pre-check and downloads really read. */
export function demoPdf(title: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${encodeURIComponent(title)}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}
