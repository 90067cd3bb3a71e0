# Announcements: from village officials and forum admins to village groups or private chats

cmd-pengumuman = Send an announcement to { $desa } groups
cmd-riwayat_pengumuman = Announcement history and cancelling
menu-pengumuman = 📢 Announce
menu-riwayat_pengumuman = 🗂️ Announcements

## Writing

pengumuman-ask-content =
    📢 <b>New announcement</b>
    Write the announcement. You may also send a <b>photo</b>, <b>video</b>, <b>document</b> (e.g. a PDF), <b>voice note</b>, <b>audio</b> or an <b>album</b> (several photos/videos at once) with the text as its caption.
pengumuman-ask-caption = File received. Now write the announcement text (it becomes the file's caption).
pengumuman-unsupported-media = That kind of message cannot be sent as an announcement yet. Send text, a photo, video, document, voice note, audio or an album.
pengumuman-album-collecting = 🖼️ Album received. When every photo/video has arrived, press <b>✅ Done</b>. The album's caption becomes the announcement text.
pengumuman-album-press-done = Press ✅ Done when the album is complete, or ❌ Cancel.
pengumuman-btn-album-done = ✅ Done
pengumuman-empty = The announcement is empty or too short. Write its text, at least 3 letters.
pengumuman-appended = I added the continued text to the announcement (now { $length } characters). Please choose the recipients with the buttons above.

## Recipients

pengumuman-ask-audience = Who should receive it?
pengumuman-aud-all-groups = 🏘️ All { $desa } groups
pengumuman-aud-groups = 📍 Chosen { $desa } groups
pengumuman-aud-own-groups = 🏘️ { $Desa } group
pengumuman-aud-officials = 👔 { $Desa } officials
pengumuman-aud-residents = 👥 Registered residents
pengumuman-ask-villages = Press the { $desa } names (one or more), then press <b>Next</b>.
pengumuman-btn-all-villages = ☑️ Every { $desa }
pengumuman-btn-next = ➡️ Next
pengumuman-pick-one = Choose at least one { $desa }.
pengumuman-villages-chosen = Chosen: { $villages }
pengumuman-no-recipients = Nobody can receive this choice yet: { $why } Please choose other recipients.
pengumuman-no-recipients-groups = no { $desa } group is connected yet.
pengumuman-no-recipients-people = nobody is registered and has opened a chat with me yet.

## Sending options

pengumuman-options = <b>Sending options</b>
    Press a button to change it, then choose when to send.
pengumuman-opt-pin = 📌 Pin: { $on ->
        [yes] Yes
       *[no] No
    }
pengumuman-opt-silent = 🔕 Silent: { $on ->
        [yes] Yes
       *[no] No
    }
pengumuman-opt-now = 📤 Send now
pengumuman-opt-later = 🗓️ Schedule
pengumuman-ask-time = When should it be sent? Write the date and time ({ $zone }), e.g. <code>besok 09.00</code>, <code>Friday 14:00</code> or <code>7/12 08.30</code>.
pengumuman-time-unparsed = I did not understand that time. Please try again, e.g. tomorrow 09:00
pengumuman-time-no-time = Please include the time of day too, e.g. { $example }
pengumuman-time-invalid = That date or time does not exist. Please check it, e.g. 7/12 08.30
pengumuman-time-set = 🗓️ Scheduled: { $when }

## Too long

pengumuman-too-long =
    This announcement has { $length } characters, more than Telegram's limit of { $max } per message.
    I can send it as { $parts } messages in a row, or you can write a shorter one.
pengumuman-too-long-caption =
    A { $kind ->
        [photo] photo
        [video] video
        [voice] voice note
        [audio] audio
        [album] album
       *[document] document
    } caption holds at most { $max } characters; this announcement has { $length }.
    I can send the file first and the text in { $parts } messages after it, or you can write a shorter one.
pengumuman-btn-split = ✂️ Send as { $parts } messages
pengumuman-btn-rewrite = ✏️ Rewrite

## Preview and confirmation

pengumuman-preview-intro = 👇 <b>Preview</b> — this is how recipients will see the announcement:
pengumuman-summary =
    <b>Check before sending</b>
    Recipients: { $audience }
    { $Desa }: { $villages }
    Time: { $when }
    Pinned in groups: { $pin ->
        [yes] yes
       *[no] no
    }
    Silent: { $silent ->
        [yes] yes
       *[no] no
    }
pengumuman-summary-unreachable = ℹ️ { $n } people have not opened a chat with me yet, so they cannot receive it.
pengumuman-summary-groups = { $n ->
        [one] one { $desa } group
       *[other] { $n } { $desa } groups
    }
pengumuman-summary-people = { $n ->
        [one] one person by private chat
       *[other] { $n } people by private chat
    }
pengumuman-summary-all = every { $desa }
pengumuman-summary-now = now
pengumuman-btn-send = ✅ Send
pengumuman-btn-schedule = ✅ Schedule
pengumuman-sending = ✅ The announcement is being sent to { $n } recipients. I will report the progress here.
pengumuman-scheduled =
    ✅ The announcement is scheduled for <b>{ $when }</b>.
    To cancel it, open /riwayat_pengumuman.

## The announcement itself (seen by recipients)

pengumuman-header-village = 📢 Announcement · { $Desa } { $village }
pengumuman-header-forum = 📢 Announcement · { $forum }
pengumuman-footer = — { $name }, { $role }
pengumuman-footer-admin-role = admin of { $forum }

## Progress and report (for the sender)

pengumuman-progress = ⏳ Announcement #{ $id } is being sent…
    Delivered { $sent } of { $total } · failed { $failed }
pengumuman-progress-done = ✅ Announcement #{ $id } has been sent.
    Delivered { $sent } of { $total } · failed { $failed }
pengumuman-progress-cancelled = 🛑 Announcement #{ $id } was cancelled.
    Delivered { $sent } of { $total } · failed { $failed } · not sent { $cancelled }
pengumuman-report-header = 📊 <b>Delivery report for announcement #{ $id }</b>
    «{ $excerpt }»
    Delivered to { $sent } of { $total } recipients{ $failed ->
        [0] {""}
       *[other] {" "}· failed { $failed }
    }{ $cancelled ->
        [0] {""}
       *[other] {" "}· cancelled { $cancelled }
    }
pengumuman-report-kecamatan = Kecamatan group
pengumuman-report-village = <b>{ $name }</b>
pengumuman-report-line = • { $place }: { $parts }
pengumuman-report-groups = groups: { $sent } delivered{ $failed ->
        [0] {""}
       *[other] , { $failed } failed
    }{ $cancelled ->
        [0] {""}
       *[other] , { $cancelled } cancelled
    }{ $pending ->
        [0] {""}
       *[other] , { $pending } waiting
    }
pengumuman-report-people = people: { $sent } delivered{ $failed ->
        [0] {""}
       *[other] , { $failed } failed
    }{ $cancelled ->
        [0] {""}
       *[other] , { $cancelled } cancelled
    }{ $pending ->
        [0] {""}
       *[other] , { $pending } waiting
    }
pengumuman-report-reason = { "  " }↳ { $count } { $reason }
pengumuman-report-not-pinned = { "  " }↳ { $count } groups received it, but it could not be pinned (I am not a group admin)
pengumuman-not-started = ⚠️ Announcement #{ $id } («{ $excerpt }») was not sent: { $reason }
pengumuman-not-started-author_not_allowed = you are no longer allowed to send announcements to the chosen { $desa }.
pengumuman-not-started-no_recipients = at that time nobody could receive it (no linked group or nobody registered).

## Why copies failed, in plain words

pengumuman-reason-kicked = I was removed from the group
pengumuman-reason-blocked = blocked me or deleted their account
pengumuman-reason-not_started = never opened a chat with me
pengumuman-reason-chat_not_found = group or chat not found
pengumuman-reason-not_enough_rights = I may not write in the group
pengumuman-reason-too_many_attempts = Telegram could not be reached after several tries
pengumuman-reason-interrupted = may not have arrived (the system stopped while sending)
pengumuman-reason-other = refused by Telegram
pengumuman-reason-too_old = the message is older than 48 hours (Telegram does not let bots delete it)
pengumuman-reason-message_gone = the message is no longer in that chat

## History and cancelling

pengumuman-history-header = 🗂️ <b>Announcement history</b> ({ $total })
pengumuman-history-empty = No announcements yet. Send the first one with /pengumuman.
pengumuman-history-item =
    <b>#{ $id }</b> · { $when } · { $state }
    «{ $excerpt }»
    { $audience }{ $counts }
pengumuman-history-counts = {" "}· delivered { $sent } of { $total }{ $failed ->
        [0] {""}
       *[other] , failed { $failed }
    }
pengumuman-btn-detail = 🔎 #{ $id }
pengumuman-state-scheduled = 🗓️ Scheduled
pengumuman-state-sending = ⏳ Sending
pengumuman-state-done = ✅ Delivered
pengumuman-state-cancelled = 🛑 Cancelled
pengumuman-state-failed = ⚠️ Not sent
pengumuman-aud-label-groups = { $Desa } groups
pengumuman-aud-label-officials = { $Desa } officials
pengumuman-aud-label-residents = Registered residents
pengumuman-aud-label-villages = { $audience } · { $all ->
        [yes] every { $desa }
       *[no] { $count } { $desa }
    }
pengumuman-detail =
    <b>Announcement #{ $id }</b> · { $state }
    «{ $excerpt }»
    By: { $author }
    Recipients: { $audience }
    { $when }
pengumuman-detail-scheduled-for = Scheduled: { $when }
pengumuman-detail-created = Created: { $when }
pengumuman-btn-cancel-broadcast = 🛑 Cancel
pengumuman-btn-back = ◀️ Back
pengumuman-cancel-confirm-scheduled = Cancel announcement #{ $id } scheduled for { $when }? Nothing will be sent.
pengumuman-cancel-confirm-sending = Stop announcement #{ $id } while it is being sent? What has not gone out is cancelled; what was delivered stays.
pengumuman-btn-cancel-yes = Yes, cancel
pengumuman-btn-cancel-no = No
pengumuman-btn-edit = ✏️ Edit text
pengumuman-btn-delete = 🗑️ Delete everywhere
pengumuman-btn-edit-yes = ✅ Yes, edit
pengumuman-btn-delete-yes = 🗑️ Yes, delete
pengumuman-detail-edited = ✏️ Edited after it was sent.
pengumuman-detail-deleted = 🗑️ Deleted from every chat.
pengumuman-edit-ask =
    ✏️ <b>Edit announcement #{ $id }</b>
    Write the new text. The heading and signature stay the same; the message in { $chats } chats (groups and private) will be replaced.
pengumuman-edit-preview = This is how it will look:
pengumuman-edit-confirm = Replace announcement #{ $id } in { $chats } chats with the text above?
pengumuman-edit-started = ✏️ Editing announcement #{ $id } in { $chats } chats. The report follows.
pengumuman-delete-confirm =
    🗑️ <b>Delete announcement #{ $id }?</b>
    «{ $excerpt }»
    It will be deleted from { $chats } chats (groups and private). This cannot be undone.
    Telegram does not let bots delete messages older than 48 hours: such copies stay and are named in the report.
pengumuman-delete-started = 🗑️ Deleting announcement #{ $id } from { $chats } chats. The report follows.
pengumuman-change-report =
    { $action ->
        [delete] 🗑️ <b>Announcement #{ $id } deleted</b>
       *[other] ✏️ <b>Announcement #{ $id } edited</b>
    }
    «{ $excerpt }»
    { $changed } of { $total } chats done, { $failed } failed.
pengumuman-cancelled-scheduled = 🛑 Announcement #{ $id } was cancelled. Nothing was sent.
pengumuman-cancelled-sending = 🛑 Announcement #{ $id } was stopped. Delivered to { $sent } recipients; { $cancelled } will not receive it. The full report follows.

## Errors

error-pengumuman_not_allowed = Only { $desa } officials and forum admins can send announcements.
error-pengumuman_bad_audience = Unknown choice of recipients. Please use the buttons.
error-pengumuman_all_admin_only = Only forum admins can send to every { $desa }. { $Desa } officials send to their own.
error-pengumuman_no_villages = Choose at least one { $desa }.
error-pengumuman_other_village = You are an official of your own { $desa }, so you cannot send announcements to { $Desa } { $village }.
error-pengumuman_time_past = That time has passed or is too close. Choose a time at least one minute from now, or choose Send now.
error-pengumuman_time_far = That time is too far away. Announcements can be scheduled at most one year ahead.
error-pengumuman_empty = The announcement is still empty. Write its text first.
error-pengumuman_too_long = The announcement is too long ({ $length } characters; the limit is { $max }).
error-pengumuman_no_recipients = Nobody can receive this choice yet. The announcement was not sent.
error-pengumuman_not_found = That announcement was not found.
error-pengumuman_not_cancellable = This announcement has already finished or been cancelled, so it cannot be cancelled.
error-pengumuman_deleted = This announcement has been deleted.
error-pengumuman_not_sent = This announcement has not reached any chat yet. A scheduled one can be cancelled.
error-pengumuman_edit_long = This announcement went out in several messages, so it cannot be edited. Delete it, then send the right one again.
error-pengumuman_edit_same = The text is the same as what was sent. Write the new text.
error-pengumuman_album_size = An album must hold { $min } to { $max } photos/videos. Send the album again.
error-pengumuman_album_mix = Documents and audio can only be grouped in an album with their own kind (photos may mix with videos). Send the album again.
