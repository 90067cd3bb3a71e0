// Reading the project's own TypeScript as text: the i18n and terms tests check every call site.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Every .ts file below `dir` (the generated Prisma client excluded). */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === "generated" ? [] : tsFiles(p);
    return name.endsWith(".ts") ? [p] : [];
  });
}

/** The argument list of the call whose "(" is at `open`, split at top-level commas. */
export function callArgs(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let cur = "";
  let quote: string | null = null;
  for (let i = open + 1; i < src.length; i++) {
    const ch = src[i]!;
    if (quote) {
      cur += ch;
      if (ch === "\\") cur += src[++i] ?? "";
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") {
      quote = ch;
      cur += ch;
    } else if ("([{".includes(ch)) {
      depth++;
      cur += ch;
    } else if (")]}".includes(ch)) {
      if (depth === 0) {
        if (cur.trim()) args.push(cur.trim());
        return args;
      }
      depth--;
      cur += ch;
    } else if (ch === "," && depth === 0) {
      args.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  return args;
}
