// Minimal multipart/form-data parser. Node's `Request.formData()` (undici)
// rejects grammY's compact part headers (`content-disposition:form-data;name="x";filename=y`,
// no space, unquoted filename), so we parse by hand.

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string): string | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

function param(header: string, key: string): string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i");
  const m = re.exec(header);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2]!.trim();
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delim = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delim);
  if (pos === -1) throw new Error("multipart: boundary not found");
  for (;;) {
    pos += delim.length;
    // "--" after the delimiter marks the end
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    // skip CRLF after delimiter
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd === -1) throw new Error("multipart: unterminated part headers");
    const headers = body.subarray(pos, headerEnd).toString("utf8").split("\r\n");
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delim]), headerEnd + 4);
    if (next === -1) throw new Error("multipart: unterminated part body");
    const data = body.subarray(headerEnd + 4, next);
    let name: string | undefined;
    let filename: string | undefined;
    let contentType: string | undefined;
    for (const h of headers) {
      const colon = h.indexOf(":");
      if (colon === -1) continue;
      const key = h.slice(0, colon).trim().toLowerCase();
      const value = h.slice(colon + 1).trim();
      if (key === "content-disposition") {
        name = param(value, "name");
        filename = param(value, "filename");
      } else if (key === "content-type") contentType = value;
    }
    if (name !== undefined) parts.push({ name, filename, contentType, data: Buffer.from(data) });
    pos = next + 2; // points at delimiter
  }
  return parts;
}
