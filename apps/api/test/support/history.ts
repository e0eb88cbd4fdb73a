/** The events of a dossier resolved at `at` (in process, then result ready), for historical-import lines. */
export const RESULT = (at: string) => [
  { statusCode: 4, at },
  { statusCode: 9, at },
];

/** Imports NDJSON history as the administrator (`POST /api/imports/dossiers`); throws unless every line is imported. */
export async function importHistory(baseUrl: string, adminToken: string, ndjson: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/imports/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/x-ndjson' },
    body: ndjson,
  });
  const report = await res.json();
  const expected = ndjson.split('\n').filter((l) => l.trim()).length;
  if (report.imported !== expected) {
    throw new Error(`import: ${JSON.stringify(report.lines?.filter((l: { result: string }) => l.result !== 'IMPORTED') ?? report)}`);
  }
}
