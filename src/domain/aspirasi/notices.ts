import type { ForumTerms } from "../forum/terms.js";
import type { Payload } from "../../delivery/types.js";
import type { ZoneName } from "../../lib/time.js";
import type { AspirationPrivacy, AspirationStatus } from "./model.js";

export interface VillageRef {
  id: number;
  name: string;
  shortCode: string;
}

/**
 * An aspiration as it may be shown to officials and admins. The reporter's identity is present
 * only when they chose to be named: anonymity is a property of this type, not of each message.
 */
export interface CaseView {
  id: number;
  forumId: number;
  ticketNo: string;
  category: string;
  text: string;
  photos: string[];
  latitude: number | null;
  longitude: number | null;
  locationText: string | null;
  privacy: AspirationPrivacy;
  status: AspirationStatus;
  version: number;
  supportCount: number;
  originVillage: VillageRef;
  /** Null: the kecamatan (forum admins) handles it. */
  handlerVillage: VillageRef | null;
  createdAt: Date;
  verifyDueAt: Date;
  resolveDueAt: Date;
  resolvedAt: Date | null;
  confirmedAt: Date | null;
  reopenCount: number;
  zone: ZoneName;
  /** The forum's words (Kampung, BPK) for the texts about this case. */
  terms: ForumTerms;
  /** Only for named aspirations; always null for anonim and rahasia. */
  reporter: { firstName: string; username: string | null } | null;
}

/** Who acted, as the reporter may see it: officials are public roles. */
export interface ActorLabel {
  name: string;
  /** Village of the official; null for a forum admin (kecamatan). */
  village: string | null;
  /** Their position (jabatan key or typed), when known. */
  title: string | null;
}

export type Notice =
  /** A new ticket for the officials who handle it (card with action buttons). */
  | { kind: "new"; case: CaseView }
  /** Handed over from another village or to the kecamatan. */
  | { kind: "forwarded"; case: CaseView; from: VillageRef | null; note: string | null }
  | { kind: "reminder"; case: CaseView }
  | { kind: "escalated"; case: CaseView }
  | { kind: "reopened"; case: CaseView; note: string }
  | { kind: "confirmed"; case: CaseView }
  /** A message from the reporter to the officials. */
  | { kind: "reporter-message"; case: CaseView; text: string }
  /** A status change, told to the reporter with the official's note. */
  | { kind: "status"; case: CaseView; action: string; note: string | null; actor: ActorLabel; target: string | null }
  /** A message from an official to the reporter. */
  | { kind: "official-message"; case: CaseView; text: string; actor: ActorLabel };

/** Recipient.villageKey of the copy sent to the forum's officials' group (no action buttons there). */
export const GROUP_KEY = "g";

export interface Recipient {
  personId: number;
  chatId: bigint;
  language: string;
  /** For officials/admins: the village this copy is for (null = kecamatan); absent for the reporter. */
  villageKey?: string;
}

export interface RenderedItem {
  payload: Payload;
  /** The card whose text and buttons follow the ticket's status (edited on every change). */
  card?: boolean;
}

/** Implemented by the bot layer (text lives in locales); the domain decides who gets what. */
export interface NoticeRenderer {
  render(notice: Notice, to: Recipient): RenderedItem[];
  /** The refreshed card for one sent copy, identified by its recipient key; null leaves it. */
  cardEdit(c: CaseView, recipientKey: string): { method: string; params: Record<string, unknown> } | null;
}
