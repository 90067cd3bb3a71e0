# Inter-village forum: discussions relayed across village groups

cmd-topik = Discussion across { $desa } groups: running topics, or open a new one
cmd-tutuptopik = Close a discussion topic
cmd-ringkasan = Conversation record of a discussion topic
cmd-hapus = Reply to your own discussion message with /hapus to remove it from every group
cmd-sembunyikan = Moderators: reply to a message with /sembunyikan to remove it from every group
cmd-bisukan = Moderators: reply to a message with /bisukan 2 jam to stop relaying that person
cmd-bukabisu = Moderators: reply to a message with /bukabisu to end a mute

menu-topik = 💬 Discussions
menu-tutuptopik = 🔒 Close topic
menu-ringkasan = 📄 Conversation record

# Shown in village groups

discussion-village = { $Desa } { $name }
discussion-kecamatan = Kecamatan
discussion-all-villages = every { $desa }
discussion-card-head =
    💬 <b>Discussion across { $desa } groups</b>
    <b>{ $title }</b>
discussion-card-villages = 🏘️ Taking part: { $villages }
discussion-card-ends = ⏳ Ends: { $date }
discussion-card-foot = ↩️ <i>Reply to this message to join the discussion. Your reply is passed on to the other { $desa } groups, with your name and { $desa }.</i>
discussion-close-head = 🔒 <b>Discussion closed: { $title }</b>
discussion-close-auto = The discussion ended as scheduled.
discussion-close-note = Closing note: { $note }
discussion-close-foot = Thank you for taking part: { $messages } messages from { $villages } { $desa } groups. Replies to this topic are no longer passed on.
discussion-digest-heading = 📨 { $count } new messages in “{ $title }”
discussion-media-photo = [Photo]
discussion-media-video = [Video { $duration }]
discussion-media-animation = [GIF]
discussion-media-voice = [Voice message { $duration }]
discussion-media-audio = [Audio { $name }]
discussion-media-document = [Document { $name }]
discussion-media-location = [Location { $latitude }, { $longitude }]
discussion-media-sticker = [Sticker { $emoji }]
discussion-media-video_note = [Video message { $duration }]

# Private notices to the sender

discussion-closed-notice = The topic “{ $title }” is closed, so your reply was not passed on to the other groups.
discussion-muted-notice =
    Your reply was not passed on: you are muted in the discussion across { $desa } groups until { $until }.
    Reason: { $reason }
discussion-muted-you =
    🔇 A moderator muted you in the discussion across { $desa } groups of <b>{ $forum }</b> until { $until }.
    Reason: { $reason }
    Until then your replies in your { $desa } group are not passed on to other groups. After that you can take part again.
discussion-muted-edit-notice =
    Your edit was not passed on: you are muted in the discussion across { $desa } groups until { $until }.
    Reason: { $reason }
discussion-mute-default-reason = messages that do not follow the discussion rules
discussion-unmuted-you = 🔊 You can take part in the discussion across { $desa } groups of <b>{ $forum }</b> again.
discussion-slow-notice = 🐢 Slow mode is on in “{ $title }”: one message per { $interval } for each person. Your reply was not passed on yet; please send it again in { $wait } seconds.
discussion-slow-edit-notice = 🐢 Slow mode is on in “{ $title }”: one change per { $interval } for each person. Your edit will reach the other groups in { $wait } seconds.
discussion-unsupported = This kind of message (a contact, poll or dice, for example) cannot be passed on to other groups. Send text, a photo, video, voice message, document, sticker or location.
discussion-hidden-you = A moderator removed your message in “{ $title }” from every group because it did not follow the discussion rules.

# Moderation in groups

discussion-reply-needed = First reply to the discussion message you mean, then type /{ $command }.
discussion-removed-done = ✅ { $count } message(s) in “{ $title }” removed from every group.
discussion-mute-ask = 🔇 For how long should { $name } be muted in the whole forum?
discussion-mute-usage = Write the duration, for example: /bisukan 2 jam, /bisukan 1 hari rude language.
discussion-mute-done = 🔇 { $name } is muted in the whole forum until { $until }. { $told ->
        [yes] They were told in a private chat.
       *[no] They have never opened a chat with me, so they could not be told privately.
    }
discussion-unmute-done = 🔊 { $name } can take part in discussions again.
discussion-btn-30m = 30 minutes
discussion-btn-2h = 2 hours
discussion-btn-1d = 1 day
discussion-btn-1w = 1 week

# Topic lists

discussion-list-header = 💬 <b>Open discussion topics</b> — { $forum }
discussion-list-empty = There are no open discussion topics.
discussion-list-all = 🏘️ <b>Every { $desa }</b>
discussion-list-village = 🏘️ <b>{ $Desa } { $name }</b>
discussion-list-line = • <b>{ $title }</b> — { $messages } messages
discussion-list-until = until { $date }
discussion-list-slow = 🐢 slow mode
discussion-list-pick = Choose a topic to see its details.
discussion-group-list-header = 💬 Discussion topics open for this group:
discussion-group-list-empty = There are no open discussion topics for this group.
discussion-group-list-hint = To take part, reply to the topic's card (the message starting with 💬).
discussion-btn-new = ➕ New topic
discussion-btn-transcript = 📄 Conversation record
discussion-btn-slow = 🐢 Slow mode
discussion-btn-close = 🔒 Close topic
discussion-btn-join = ➕ New groups join ({ $count })
discussion-join-ask = These groups were linked after the topic “{ $title }” opened. Press a group to let it join: the topic card is posted there and its messages are relayed.
discussion-join-none = Every { $desa } group taking part has joined the topic “{ $title }”.
discussion-joined = { $group } joined the topic “{ $title }”.
discussion-btn-back = ◀️ Back
discussion-view =
    💬 <b>{ $title }</b>
    { $description }

    🏘️ { $Desa }: { $villages }
    ✉️ Messages: { $messages }
    🐢 Slow mode: { $slow }
    ⏳ Ends: { $ends }
discussion-view-closed = 🔒 Closed { $date }
discussion-no-end = no end date
discussion-slow-off = off
discussion-interval-seconds = { $n } seconds
discussion-interval-minutes = { $n } minutes
discussion-slow-ask = 🐢 Slow mode for “{ $title }”: how long between two messages from one person?
discussion-slow-set = 🐢 Slow mode of “{ $title }”: { $interval }.

# Opening a topic

discussion-ask-title =
    💬 <b>New discussion topic</b>
    What is the topic's title? For example: <i>Repairing the Sukajaya–Sidorejo road</i>
discussion-ask-description = Write a short description: what is to be discussed and what you hope to hear from residents.
discussion-ask-villages = Which { $desa } groups take part?
discussion-btn-all-villages = 🏘️ Every { $desa }
discussion-btn-pick-villages = ✅ Choose
discussion-pick-villages = Press a { $desa } to choose or unchoose it, then press “Done”. Chosen: { $count }.
discussion-btn-done = ✔️ Done
discussion-pick-none = Choose at least one { $desa }.
discussion-ask-end = When does this discussion end?
discussion-btn-no-end = ♾️ No end
discussion-btn-set-end = 📅 Set a time
discussion-ask-end-date = Write the day or date and time, for example: <i>Friday 16:00</i> or <i>7 December 09:00</i>.
discussion-end-unparsed = I did not understand that time. Try again, for example: Friday 16:00 or 7/12 09:00
discussion-end-need-time = Please add the time too, for example: Friday 16:00
discussion-preview = Preview of the topic card, exactly as residents will see it in { $groups } groups:
discussion-confirm = Send this topic to { $groups } { $desa } groups?
discussion-btn-send = ✅ Send
discussion-opened = ✅ The topic “{ $title }” is open in { $groups } { $desa } groups. Residents' replies will be passed between them.
discussion-thread-opened = This topic also has its own thread in the kecamatan group.
discussion-thread-failed = The thread in the kecamatan group could not be created. Make sure I am an admin allowed to manage topics there.

# Closing a topic

discussion-close-pick = Which topic do you want to close?
discussion-close-none = There is no open topic you can close.
discussion-close-ask-note = Write a closing note (a conclusion or next steps, for example), or press “No note”.
discussion-btn-no-note = ➖ No note
discussion-close-confirm = Close “{ $title }”? Relaying stops and a closing note goes to { $groups } groups.
discussion-closed-done = 🔒 “{ $title }” is closed. The closing note went to { $groups } groups. Ask for its conversation record with /ringkasan.

# Conversation record

discussion-transcript-pick = Conversation record of which topic?
discussion-transcript-none = There are no discussion topics in this forum yet.
discussion-transcript-reply-hint = Reply to a topic card with /ringkasan to get its conversation record.
discussion-transcript-summary =
    📄 <b>Conversation record: { $title }</b>
    { $lines }
    Total: { $messages } messages from { $participants } participants.
discussion-transcript-village-line = • { $village }: { $messages } messages, { $participants } participants
discussion-transcript-empty = No messages have been passed on in this topic yet.
discussion-file-title = CONVERSATION RECORD OF A DISCUSSION ACROSS { $DESA } GROUPS
# File name of the record (letters, digits and dashes only).
discussion-file-name = conversation-record
discussion-file-topic = Topic: { $title }
discussion-file-forum = Forum: { $forum }
discussion-file-opened = Opened: { $date }{ $hasName ->
        [yes] {" "}by { $name }
       *[no] {""}
    }
discussion-file-closed = Closed: { $date }
discussion-file-running = Status: still running (printed { $date })
discussion-file-villages = Taking part: { $villages }
discussion-file-description = Description: { $text }
discussion-file-conversation = CONVERSATION
discussion-file-reply = (replying to { $name })
discussion-file-edited = (edited)
discussion-file-summary = MESSAGES PER { $DESA }
discussion-file-close-note = Closing note: { $note }
discussion-file-empty = No messages yet.
discussion-file-total = Total: { $messages } messages from { $participants } participants.

# Errors

error-relay_not_found = That message is not part of a discussion across { $desa } groups.
error-relay_is_topic_card = That is the topic card. To close the topic, use /tutuptopik in a private chat with me.
error-relay_already_removed = That message was already removed.
error-relay_not_yours = You can only remove your own messages. Moderators can use /sembunyikan.
error-relay_is_digest = This combined message holds several messages. Reply to one person's message, for example in their own group.
error-not_moderator = Only moderators or forum admins can do this.
error-mute_self = You cannot mute yourself.
error-mute_duration_bad = A mute lasts at least 1 minute and at most { $max } days.
error-mute_not_found = That person is not muted.
error-topic_not_allowed = Only { $desa } officials, moderators and forum admins can open discussion topics.
error-topic_title_short = The title is too short. Write at least { $min } characters.
error-topic_title_long = The title is too long. The limit is { $max } characters.
error-topic_description_long = The description is too long. The limit is { $max } characters.
error-topic_end_past = The end must be in the future. Try again, for example: Friday 16:00
error-topic_no_groups = No { $desa } group is connected for the chosen ones yet. Connect the groups first with /hubungkan.
error-topic_not_found = That topic was not found.
error-topic_not_manager = Only moderators, forum admins or whoever opened the topic can manage it.
error-topic_closed = The topic “{ $title }” is already closed.
error-topic_group_not_joinable = That group cannot join this topic (it already has, is no longer linked, or its { $desa } does not take part).
error-slow_mode_bad = Unknown slow mode choice.
error-topic_not_here = This group does not take part in that topic.
