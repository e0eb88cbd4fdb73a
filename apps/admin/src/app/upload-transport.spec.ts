import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressFetch } from './upload-transport';

/** Just enough of XMLHttpRequest to play an upload: progress events, then the answer. */
class FakeXhr {
  static last: FakeXhr | undefined;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  sent: Blob | null = null;
  status = 0;
  statusText = '';
  responseType = '';
  response: ArrayBuffer | null = null;
  responseHeaders = '';
  upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Blob | null) {
    this.sent = body;
  }
  abort() {
    this.onabort?.();
  }
  getAllResponseHeaders() {
    return this.responseHeaders;
  }
  answer(status: number, body: unknown, contentType: string) {
    this.status = status;
    this.response = new TextEncoder().encode(JSON.stringify(body)).buffer as ArrayBuffer;
    this.responseHeaders = `content-type: ${contentType}\r\nx-request-id: req-1\r\n`;
    this.onload?.();
  }
}

describe('upload transport', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeXhr.last = undefined;
  });

  it('sends the request through XMLHttpRequest, reports the share uploaded, and answers a Response', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const progress: number[] = [];
    const request = new Request('http://localhost/api/procedures/import?mode=all', {
      method: 'POST',
      headers: { Authorization: 'Bearer token-1', 'Content-Type': 'text/csv' },
      body: 'Mã thủ tục,Tên thủ tục',
    });
    const pending = progressFetch((fraction) => progress.push(fraction))(request);
    await vi.waitFor(() => expect(FakeXhr.last?.sent).toBeTruthy());
    const xhr = FakeXhr.last as FakeXhr;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('http://localhost/api/procedures/import?mode=all');
    expect(xhr.headers['authorization']).toBe('Bearer token-1');
    expect(await (xhr.sent as Blob).text()).toBe('Mã thủ tục,Tên thủ tục');

    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
    xhr.upload.onload?.();
    xhr.answer(422, { code: 'IMPORT_ROWS_INVALID', rejected: [] }, 'application/problem+json');
    const response = await pending;

    expect(progress).toEqual([0.25, 1]);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toEqual({ code: 'IMPORT_ROWS_INVALID', rejected: [] });
  });

  it('fails like fetch when the network fails, so the central policy says the server cannot be reached', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const pending = progressFetch(() => undefined)(new Request('http://localhost/api/procedures/import', { method: 'POST', body: 'x' }));
    await vi.waitFor(() => expect(FakeXhr.last?.sent).toBeTruthy());
    (FakeXhr.last as FakeXhr).onerror?.();
    await expect(pending).rejects.toBeInstanceOf(TypeError);
  });
});
