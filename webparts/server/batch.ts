/**
 * SharePoint's `$batch` endpoint: a multipart/mixed body of requests, some inside change sets,
 * answered with one `--batchresponse_` part per request in order
 * (Microsoft Learn: "Make batch requests with the REST APIs").
 */
export interface BatchPart {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}
export interface BatchResult {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body?: unknown;
}

function boundaryOf(contentType: string): string | undefined {
  return /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
}

function splitParts(text: string, boundary: string): string[] {
  const parts = text.split(new RegExp(`--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?\\r?\\n?`));
  return parts.map((p) => p.replace(/^\r?\n/, '')).filter((p) => p.trim() !== '');
}

function splitHeaders(block: string): [Record<string, string>, string] {
  const normalised = block.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end >= 0 ? normalised.slice(0, end) : normalised;
  const rest = end >= 0 ? normalised.slice(end + 2) : '';
  const headers: Record<string, string> = {};
  for (const line of head.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return [headers, rest];
}

/** Read every request in a batch body, flattening change sets, in order. */
export function parseBatch(contentType: string, text: string): BatchPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error('The batch has no multipart boundary.');
  const out: BatchPart[] = [];
  for (const part of splitParts(text, boundary)) {
    const [partHeaders, partBody] = splitHeaders(part);
    const inner = boundaryOf(partHeaders['content-type'] ?? '');
    if (inner && /multipart\/mixed/i.test(partHeaders['content-type'] ?? '')) {
      out.push(...parseBatch(partHeaders['content-type'], partBody));
      continue;
    }
    const lines = partBody.replace(/\r\n/g, '\n').split('\n');
    const requestLine = /^(GET|POST|PUT|PATCH|MERGE|DELETE)\s+(\S+)\s+HTTP\/1\.1$/i.exec(lines[0].trim());
    if (!requestLine) throw new Error(`A batch part does not start with a request line: "${lines[0]}"`);
    const [headers, body] = splitHeaders(lines.slice(1).join('\n'));
    out.push({ method: requestLine[1].toUpperCase(), url: requestLine[2], headers, body: body.replace(/\n+$/, '') });
  }
  return out;
}

/** Write the batch response SharePoint sends back. */
export function formatBatchResponse(boundary: string, results: BatchResult[]): string {
  const chunks: string[] = [];
  for (const r of results) {
    chunks.push(`--batchresponse_${boundary}`);
    chunks.push('Content-Type: application/http');
    chunks.push('Content-Transfer-Encoding: binary');
    chunks.push('');
    chunks.push(`HTTP/1.1 ${r.status} ${r.statusText}`);
    chunks.push('CONTENT-TYPE: application/json;odata=minimalmetadata;streaming=true;charset=utf-8');
    for (const [k, v] of Object.entries(r.headers)) chunks.push(`${k}: ${v}`);
    chunks.push('');
    chunks.push(r.body === undefined ? '' : JSON.stringify(r.body));
  }
  chunks.push(`--batchresponse_${boundary}--`);
  return chunks.join('\r\n') + '\r\n';
}
