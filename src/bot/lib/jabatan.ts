import type { Role } from "../../generated/prisma/enums.js";
import { isJabatanKey, validateJabatan } from "../../domain/forum/jabatan.js";
import { jabatanChoices } from "../../domain/forum/service.js";
import { DomainError } from "../../domain/errors.js";
import type { Flow, FlowContext } from "../context.js";
import { askChoice, askText } from "./flow.js";
import { escapeHtml } from "./replies.js";
import type { T } from "./terms.js";

/** "Kepala Kampung", "Ketua BPK", or the typed position (escaped for HTML). */
export function jabatanLabel(t: T, title: string | null | undefined): string {
  if (!title) return "";
  return isJabatanKey(title) ? t(`jabatan-${title}`) : escapeHtml(title);
}

/**
 * A position at one village, for signatures and lists: "Kepala Kampung Sukajaya", "Kaur Keuangan
 * Kampung Sukajaya"; without a position, "Perangkat Kampung Sukajaya". `village` is escaped HTML.
 * A typed position that already names the place ("Kepala Kampung Sukajaya") is kept as it is.
 */
export function jabatanAt(t: T, title: string | null | undefined, village: string): string {
  if (!title) return t("jabatan-official-none", { village });
  if (isJabatanKey(title)) return t("jabatan-at", { key: title, jabatan: t(`jabatan-${title}`), village });
  const label = escapeHtml(title);
  const word = t("jabatan-word").toLowerCase();
  const lower = title.toLowerCase();
  if (lower.includes(village.toLowerCase())) return label;
  if (lower.split(/\s+/).includes(word)) return t("jabatan-at-bare", { jabatan: label, village });
  return t("jabatan-at", { key: "other", jabatan: label, village });
}

/**
 * Asks for a position with buttons (the forum's words) or typed text. `extra` adds buttons such as
 * "ask the recipient" or "skip"; their values come back as they are.
 */
export async function askJabatan(
  conversation: Flow,
  ctx: FlowContext,
  role: Role,
  prompt: string,
  extra: Array<{ label: string; value: string }> = [],
): Promise<string> {
  const keys = jabatanChoices(role);
  const choices = [...keys.map((k) => ({ label: ctx.t(`jabatan-${k}`), value: k })), { label: ctx.t("btn-other"), value: "_other" }, ...extra];
  const picked = await askChoice(conversation, ctx, prompt, choices, { columns: 2 });
  if (picked !== "_other") return picked;
  return askText(conversation, ctx, ctx.t("jabatan-ask-typed"), {
    min: 2,
    max: 60,
    validate: (text) => {
      try {
        validateJabatan(text);
        return null;
      } catch (err) {
        if (err instanceof DomainError) return { key: `error-${err.reason}` };
        throw err;
      }
    },
  });
}
