import { InvalidInput, NotAllowed, NotFound } from "../errors.js";
import { MAX_MUTE_MINUTES } from "./content.js";
import { resolveAnswered } from "./relay.js";
import type { Actor, DiscussionDeps } from "./types.js";
import { audit } from "../privasi/audit.js";

export const MUTE_CHOICES = [30, 120, 24 * 60, 7 * 24 * 60] as const;

/** The relayed message a moderation command answers, with its forum; a digest is ambiguous. */
async function answeredRelay(d: DiscussionDeps, chatId: number, messageId: number) {
  const answered = await resolveAnswered(d, chatId, messageId, null);
  if (!answered) throw new NotFound("relay_not_found");
  if (answered.relayId === null) throw new NotFound("relay_is_topic_card");
  if (answered.digestRelayIds && answered.digestRelayIds.length > 1) throw new InvalidInput("relay_is_digest");
  const relay = await d.prisma.relayMessage.findUnique({ where: { id: answered.relayId } });
  if (!relay) throw new NotFound("relay_not_found");
  return relay;
}

export interface MuteResult {
  muteId: number;
  forumId: number;
  personId: number;
  authorName: string;
  until: Date;
  reason: string | null;
  timezone: string;
}

/**
 * `/bisukan`: the author of the answered message is muted in the whole forum for a while — their
 * replies are no longer relayed anywhere. The bot layer tells them privately why and until when.
 */
export async function muteAuthor(
  d: DiscussionDeps,
  actor: Actor,
  req: { chatId: number; messageId: number; minutes: number; reason: string | null },
): Promise<MuteResult> {
  const relay = await answeredRelay(d, req.chatId, req.messageId);
  if (!actor.access.canModerate(relay.forumId)) throw new NotAllowed("not_moderator");
  if (relay.authorId === actor.personId) throw new InvalidInput("mute_self");
  if (!Number.isInteger(req.minutes) || req.minutes < 1 || req.minutes > MAX_MUTE_MINUTES) throw new InvalidInput("mute_duration_bad", { max: MAX_MUTE_MINUTES / (24 * 60) });
  const now = d.clock.now();
  const until = new Date(now.getTime() + req.minutes * 60_000);
  const forum = await d.prisma.forum.findUniqueOrThrow({ where: { id: relay.forumId }, select: { timezone: true } });
  const mute = await d.prisma.discussionMute.create({
    data: { forumId: relay.forumId, personId: relay.authorId, until, reason: req.reason, createdById: actor.personId, createdAt: now, lastNoticeAt: now },
  });
  // The reason a moderator typed stays on the mute (shown to the person); the audit keeps no text.
  await audit(d.prisma, { forumId: relay.forumId, actorId: actor.personId, action: "discussion.mute", target: `person:${relay.authorId}`, details: { minutes: req.minutes, relayId: relay.id }, at: now });
  return { muteId: mute.id, forumId: relay.forumId, personId: relay.authorId, authorName: relay.authorName, until, reason: req.reason, timezone: forum.timezone };
}

/** `/bukabisu`: lifts every active mute of the answered message's author. */
export async function unmuteAuthor(d: DiscussionDeps, actor: Actor, req: { chatId: number; messageId: number }) {
  const relay = await answeredRelay(d, req.chatId, req.messageId);
  if (!actor.access.canModerate(relay.forumId)) throw new NotAllowed("not_moderator");
  const now = d.clock.now();
  const r = await d.prisma.discussionMute.updateMany({
    where: { forumId: relay.forumId, personId: relay.authorId, liftedAt: null, until: { gt: now } },
    data: { liftedAt: now, liftedById: actor.personId },
  });
  if (r.count === 0) throw new NotFound("mute_not_found");
  await audit(d.prisma, { forumId: relay.forumId, actorId: actor.personId, action: "discussion.unmute", target: `person:${relay.authorId}`, details: { relayId: relay.id }, at: now });
  return { forumId: relay.forumId, personId: relay.authorId, authorName: relay.authorName };
}
