# Residents' aspirations

cmd-aspirasi = Send an aspiration or complaint
cmd-aspirasiku = My aspirations and their status
cmd-daftar_aspirasi = Residents' aspirations of a { $desa }
cmd-aspirasi_masuk = Incoming aspirations to answer
cmd-aspirasi_ekspor = Download aspirations (Excel/CSV) for Musrenbang
cmd-aspirasi_qr = QR code poster for a { $desa }'s aspirations
cmd-aspirasi_terlambat = Aspirations past their deadline
cmd-aspirasi_klaster = Similar aspirations across { $desa } groups ({ $mad } agenda)
cmd-aspirasi_atur = Set aspiration deadlines and categories

menu-aspirasi = 📝 Aspiration
menu-aspirasiku = 📋 My aspirations
menu-daftar_aspirasi = 📜 Aspiration list
menu-aspirasi_masuk = 📥 Incoming
menu-aspirasi_ekspor = 📊 Download
menu-aspirasi_qr = 🔳 Aspiration QR
menu-aspirasi_terlambat = ⏰ Overdue
menu-aspirasi_klaster = 🧩 Similar
menu-aspirasi_atur = ⚙️ Aspiration settings

## Status and privacy

aspirasi-status-baru = New
aspirasi-status-diverifikasi = Verified
aspirasi-status-diproses = In progress
aspirasi-status-selesai = Done
aspirasi-status-ditolak = Rejected
aspirasi-status-diteruskan = Forwarded

aspirasi-privacy-named = 👤 With my name
aspirasi-privacy-anonim = 🙈 Anonymous
aspirasi-privacy-rahasia = 🔒 Confidential
aspirasi-privacy-named-hint = { $Desa } officials see your name.
aspirasi-privacy-anonim-hint = { $Desa } officials do not see who sent it.
aspirasi-privacy-rahasia-hint = { $Desa } officials do not see who sent it, and it is not shown in any public list.
aspirasi-privacy-word-named = Named
aspirasi-privacy-word-anonim = Anonymous
aspirasi-privacy-word-rahasia = Confidential

aspirasi-kecamatan = the sub-district
aspirasi-kecamatan-cap = Sub-district
aspirasi-yes = Yes

## Writing an aspiration

aspirasi-no-forum =
    To send an aspiration, open your { $desa }'s aspiration link (for example by scanning the QR code at the Balai { $Desa } with your phone camera), or type /{ $desa }ku in your { $desa } Telegram group and then /lapor here.
aspirasi-link-unknown = Sorry, this aspiration link is not known. Ask the { $desa } officials for the right link.
aspirasi-start = 📝 <b>Send an aspiration</b>
    I will ask a few things one at a time. Type /batal at any time to stop.
aspirasi-start-known = 📝 <b>Send an aspiration for { $Desa } { $village }</b>
    I will ask a few things one at a time. Type /batal at any time to stop.
aspirasi-ask-village = Which { $desa } is this aspiration for?
aspirasi-ask-category = Which category?
aspirasi-ask-text =
    Tell us what happened and what you hope for.
    Write at least { $min } words, at most { $max } characters. Example: <i>The road in RT 03 has big holes, please repair it before the rainy season.</i>
aspirasi-text-photo = Please write the description as text first. Photos can be sent in the next step.
aspirasi-text-expected = Please write the aspiration as text.
aspirasi-ask-photos = 📷 If you have any, send photos (at most { $max }). Press <b>Next</b> when done, or <b>Skip</b> if there are none.
aspirasi-photo-received = Photo { $n } of { $max } received. Send another, or press Next.
aspirasi-photo-received-last = Photo { $n } of { $max } received. That is the limit.
aspirasi-photos-full = At most { $max } photos. This photo was not kept.
aspirasi-photo-as-document = Please send it as a photo (not as a file), or press Next.
aspirasi-photo-late = No more photos are added (at most { $max }). Now send a location, describe the place, or press Skip.
aspirasi-photo-expected = Send a photo, or press Next/Skip above.
aspirasi-ask-location =
    📍 Where is it? Send a location (📎 → Location), or describe the place, for example <i>in front of the hamlet 2 hall</i>. Press <b>Skip</b> if not needed.
aspirasi-location-received = Location received.
aspirasi-location-expected = Send a location, describe the place, or press Skip.
aspirasi-location-text-length = Describe the place in 3 to 300 characters.
aspirasi-location-outside = A location is only used while writing an aspiration. Type /aspirasi to start, then send the location when asked.
aspirasi-ask-privacy =
    How should your identity be shown?
    👤 <b>With my name</b>: { $desa } officials see your name.
    🙈 <b>Anonymous</b>: { $desa } officials do not see who sent it.
    🔒 <b>Confidential</b>: anonymous, and not shown in the public aspiration list.
aspirasi-similar-header = 🔎 Similar aspirations are already being handled. You can <b>support</b> one of them to raise its priority, or still send your own.
aspirasi-similar-line =
    { $n }. <code>{ $ticket }</code> · { $Desa } { $village } · { $status } · 👍 { $support }
    <i>{ $text }</i>
aspirasi-btn-support-n = 👍 Support { $n }
aspirasi-btn-send-mine = ➡️ Send mine anyway
aspirasi-support-instead = ✅ Thank you. Your support for <code>{ $ticket }</code> is recorded (now { $count } supporters). No new aspiration was sent.
aspirasi-support-already = You already supported <code>{ $ticket }</code>. No new aspiration was sent.
aspirasi-summary =
    <b>Please check your aspiration:</b>

    { $Desa }: { $village }
    Category: { $category }
    Photos: { $photos }
    Location: { $location }
    Identity: { $privacy } — { $privacyHint }

    <blockquote>{ $text }</blockquote>

    Send it now?
aspirasi-summary-none = none
aspirasi-summary-point = map point
aspirasi-btn-send = 📨 Send
aspirasi-btn-edit = ✏️ Change
aspirasi-btn-next = ➡️ Next
aspirasi-btn-skip = ⏭️ Skip
aspirasi-ask-edit = Which part do you want to change?
aspirasi-field-village = { $Desa }
aspirasi-field-category = Category
aspirasi-field-text = Description
aspirasi-field-photos = Photos
aspirasi-field-location = Location
aspirasi-field-privacy = Identity
aspirasi-created =
    ✅ We received your aspiration with number <code>{ $ticket }</code>.
    { $Desa } officials will respond within { $days } working days ({ $date }). I will tell you here about every change of status.

## Cards for village officials

aspirasi-card-new = 📝 <b>New aspiration</b>
aspirasi-card-forwarded = ↪️ <b>Aspiration forwarded from { $from }</b>
aspirasi-card-current = 📝 <b>Aspiration</b>
aspirasi-group-card-hint = <i>Handling officials: respond through /aspirasi_masuk in your private chat with me.</i>
aspirasi-card-detail = 📄 <b>Aspiration details</b>
aspirasi-card-village = { $Desa }: { $village }
aspirasi-card-handler = Handled by: { $handler }
aspirasi-card-category = Category: { $category }
aspirasi-card-status = Status: <b>{ $status }</b>
aspirasi-card-verify-due = Verify by: { $date }
aspirasi-card-resolve-due = Finish by: { $date }
aspirasi-card-support = Residents' support: 👍 { $count }
aspirasi-card-photos = 📷 { $count } photo(s)
aspirasi-card-has-point = 📍 Has a map point
aspirasi-card-place = 📍 Place: { $place }
aspirasi-reporter-named = Reporter: { $name }{ $user }
aspirasi-reporter-anonim = Reporter: 🙈 Anonymous
aspirasi-reporter-rahasia = Reporter: 🔒 Confidential (anonymous, not in public lists)
aspirasi-overdue-mark = ⏰ overdue
aspirasi-btn-verify = ✅ Verify
aspirasi-btn-process = 🔧 In progress
aspirasi-btn-resolve = 🏁 Done
aspirasi-btn-reject = ⛔ Reject
aspirasi-btn-forward = ↪️ Forward
aspirasi-btn-reply = 💬 Reply
aspirasi-btn-detail = 📄 Details
aspirasi-btn-media = 📷 Photos & place
aspirasi-timeline = History

## Officials' actions

aspirasi-ask-note-process = Write a note to the reporter about <code>{ $ticket }</code>, for example what is being done. Or press Skip.
aspirasi-ask-note-resolve = Write what was done for <code>{ $ticket }</code>. The note goes to the reporter. Or press Skip.
aspirasi-ask-note-reject = Write the reason for rejecting <code>{ $ticket }</code> (required, at least 10 characters). The reason goes to the reporter.
aspirasi-ask-note-forward = Write a note for the recipient (optional).
aspirasi-ask-forward = Forward <code>{ $ticket }</code> to whom?
aspirasi-act-done = ✅ <code>{ $ticket }</code> is now <b>{ $status }</b>. The reporter has been told.
aspirasi-act-done-toast = { $ticket }: { $status }. The reporter has been told.
aspirasi-forward-done = ✅ <code>{ $ticket }</code> forwarded to { $target }. The reporter has been told.
aspirasi-ask-reply-official = Write a message to the reporter of <code>{ $ticket }</code>. The reporter's identity stays protected.
aspirasi-reply-sent-official = ✅ Message sent to the reporter of <code>{ $ticket }</code>.
aspirasi-msg-from-reporter = 💬 Message from { $who } about <code>{ $ticket }</code>:
aspirasi-reminder = ⏰ <b>Reminder:</b> aspiration <code>{ $ticket }</code> from { $Desa } { $village } (received { $date }) is not verified yet. Please respond soon.
aspirasi-escalated = ⚠️ <b>Aspiration not finished past its deadline</b>
    <code>{ $ticket }</code> · { $Desa } { $village } · handled by { $handler }
    Received: { $date }
    Status: { $status }
    See all overdue ones per { $desa }: /aspirasi_terlambat
aspirasi-reopened-officials = 🔁 The reporter reopened aspiration <code>{ $ticket }</code>. What is still wrong:
aspirasi-confirmed-officials = ✅ The reporter confirmed that aspiration <code>{ $ticket }</code> is resolved. Thank you for following up.

## For the reporter

aspirasi-actor-official = { $name } · { $role }
aspirasi-actor-admin = { $name } · { $role }
aspirasi-actor-reporter = The reporter
aspirasi-actor-you = You
aspirasi-actor-system = System
aspirasi-to-reporter-verify = ✅ Aspiration <code>{ $ticket }</code> was <b>verified</b> by { $who }.
aspirasi-to-reporter-process = 🔧 Aspiration <code>{ $ticket }</code> is <b>in progress</b> with { $who }.
aspirasi-to-reporter-resolve = 🏁 Aspiration <code>{ $ticket }</code> was marked <b>done</b> by { $who }.
aspirasi-to-reporter-reject = ⛔ Aspiration <code>{ $ticket }</code> was <b>rejected</b> by { $who }.
aspirasi-to-reporter-forward = ↪️ Aspiration <code>{ $ticket }</code> was <b>forwarded</b> to { $target } by { $who }.
aspirasi-to-reporter-resolve-ask = Is it really resolved? Press <b>Resolved</b>, or <b>Reopen</b> within { $days } days if not.
aspirasi-note-line = Note: <i>{ $note }</i>
aspirasi-reason-line = Reason: <i>{ $note }</i>
aspirasi-msg-from-official = 💬 Message from { $who } about aspiration <code>{ $ticket }</code>:
aspirasi-btn-confirm = 👍 Resolved
aspirasi-btn-reopen = 🔁 Reopen
aspirasi-ask-reply-reporter = Write a message to the { $desa } officials about <code>{ $ticket }</code>.
aspirasi-reply-sent-reporter = ✅ Your message about <code>{ $ticket }</code> was passed to the { $desa } officials.
aspirasi-ask-reopen = What is still wrong with <code>{ $ticket }</code>? Write briefly (at least 10 characters).
aspirasi-reopened = 🔁 Aspiration <code>{ $ticket }</code> reopened. The { $desa } officials have been told.
aspirasi-confirmed = ✅ Thank you. Aspiration <code>{ $ticket }</code> is closed as resolved.
aspirasi-confirmed-toast = Thank you, recorded.
aspirasi-mine-empty = You have not sent any aspiration yet. Type /aspirasi to start.
aspirasi-mine-header = 📋 <b>My aspirations</b> — { $count }
aspirasi-mine-detail =
    📄 <b>Aspiration <code>{ $ticket }</code></b>
    { $Desa }: { $village }
    Category: { $category }
    Status: <b>{ $status }</b>
    Identity: { $privacy }
    Received: { $date }
    Support: 👍 { $support }

aspirasi-event-created = Aspiration sent
aspirasi-event-verified = Verified
aspirasi-event-processing = In progress
aspirasi-event-resolved = Done
aspirasi-event-rejected = Rejected
aspirasi-event-forwarded = Forwarded to { $target }
aspirasi-event-message = Message
aspirasi-event-confirmed = Confirmed resolved by the reporter
aspirasi-event-reopened = Reopened
aspirasi-event-reminder = Verification reminder sent
aspirasi-event-escalated = Escalated to the sub-district as overdue

## Public list and support

aspirasi-public-header-village = 📜 <b>Residents' aspirations, { $Desa } { $village }</b> — { $count }
aspirasi-public-header-all = 📜 <b>Residents' aspirations, every { $desa }</b> — { $count }
aspirasi-public-hint = Sorted by support: this is the priority list for the Musrenbang { $Desa }. Press 👍 to support.
aspirasi-public-empty = No aspirations to show yet.
aspirasi-public-unknown-village = { $Desa } "{ $name }" was not found in this forum. Type /{ $desa } to see the list.
aspirasi-support-toast = Thank you! Support for { $ticket } recorded ({ $count } supporters).
aspirasi-support-already-toast = You already support { $ticket }. One person, one support.

## Lists for officials and admins

aspirasi-filter-open = Not finished
aspirasi-filter-all = All
aspirasi-incoming-header = 📥 <b>Incoming aspirations</b> — { $total }
    Status: { $status } · Category: { $category }{ $overdue ->
        [yes] {" "}· overdue only
       *[no] {""}
    }
aspirasi-incoming-empty = No aspirations match this filter.
aspirasi-btn-filter-status = 🔖 Status
aspirasi-btn-filter-category = 🗂️ Category
aspirasi-btn-overdue-on = ⏰ Overdue: only
aspirasi-btn-overdue-off = ⏰ Overdue: all
aspirasi-overdue-header = ⏰ <b>Overdue aspirations per { $desa }</b>
aspirasi-overdue-none = No overdue aspirations. 👍
aspirasi-count = { $count } aspiration(s)
aspirasi-since = received { $date }
aspirasi-more = …and { $count } more
aspirasi-clusters-header = 🧩 <b>Similar aspirations from several { $desa } groups</b>
    Agenda candidates for the Musyawarah Antar { $Desa } ({ $mad }):
aspirasi-clusters-none = No similar aspirations from different { $desa } groups yet.
aspirasi-cluster-title = <b>{ $n }. { $category }</b> — { $villages } { $desa }, 👍 { $support }

## Export

aspirasi-all-villages = Every { $desa }
aspirasi-export-ask-village = Download the aspirations of which { $desa }?
aspirasi-export-ask-status = Which status?
aspirasi-export-ask-period = Which period?
aspirasi-period-30d = Last 30 days
aspirasi-period-month = This month
aspirasi-period-year = This year
aspirasi-period-all = All time
aspirasi-export-sheet = Aspirations
aspirasi-export-caption = 📊 { $count } aspirations — { $village }. Anonymous reporters' identities and confidential content are left out.
aspirasi-export-withheld = (confidential)
aspirasi-col-ticket = Ticket number
aspirasi-col-created = Received
aspirasi-col-village = { $Desa }
aspirasi-col-handler = Handled by
aspirasi-col-category = Category
aspirasi-col-text = Aspiration
aspirasi-col-status = Status
aspirasi-col-support = Support
aspirasi-col-privacy = Identity
aspirasi-col-reporter = Reporter
aspirasi-col-location = Location
aspirasi-col-verified = Verified on
aspirasi-col-resolved = Done on
aspirasi-col-note = Latest note
aspirasi-col-overdue = Overdue

## QR and settings

aspirasi-qr-ask-village = QR code for which { $desa }?
aspirasi-qr-caption =
    🔳 <b>Residents' aspirations, { $Desa } { $village }</b>
    Print it and put it up at the Balai { $Desa }. Residents scan this QR code with their phone camera to send an aspiration:
    { $link }
aspirasi-settings =
    ⚙️ <b>Aspiration settings</b>
    Verify within: { $verify } working days
    Escalate to the sub-district if not done after: { $escalate } days

    Categories:
    { $list }
aspirasi-btn-settings-days = ⏱️ Deadlines
aspirasi-btn-settings-categories = 🗂️ Categories
aspirasi-ask-verify-days = Within how many working days must an aspiration be verified? (1–30)
aspirasi-ask-escalate-days = After how many days is an unfinished aspiration escalated to the sub-district? (1–120)
aspirasi-days-range = Write a number from { $min } to { $max }.
aspirasi-ask-categories = Write the list of categories, one per line (2 to 20).
aspirasi-settings-saved-days = ✅ Saved: verify within { $verify } working days, escalate after { $escalate } days. Applies to new aspirations.
aspirasi-settings-saved-categories =
    ✅ Categories saved:
    { $list }

## Errors

error-aspirasi_not_found = That aspiration was not found.
error-aspirasi_not_official = Only { $desa } officials or forum admins can do this.
error-aspirasi_not_your_village = This aspiration is handled by another { $desa }. You can only act on your own { $desa }'s aspirations.
error-aspirasi_already = This aspiration is already { $status ->
        [baru] New
        [diverifikasi] Verified
        [diproses] In progress
        [selesai] Done
        [ditolak] Rejected
       *[other] Forwarded
    }.
error-aspirasi_changed = Aspiration { $ticket } has changed since this message was sent. Open its details to see the latest state.
error-aspirasi_bad_transition = This cannot be done to an aspiration with status { $status ->
        [baru] New
        [diverifikasi] Verified
        [diproses] In progress
        [selesai] Done
        [ditolak] Rejected
       *[other] Forwarded
    }.
error-aspirasi_daily_limit = You already sent { $max } aspirations in the last 24 hours. Please send more tomorrow.
error-aspirasi_not_resolved = This aspiration has not been marked done.
error-aspirasi_already_confirmed = You already confirmed this aspiration as resolved.
error-aspirasi_reopen_expired = The { $days }-day period for reopening has passed. Please send a new aspiration with /lapor.
error-aspirasi_support_own = This is your own aspiration; support from other residents is what counts.
error-aspirasi_support_closed = A rejected aspiration cannot be supported.
error-aspirasi_bad_category = That category does not exist. Choose with the buttons.
error-aspirasi_bad_privacy = Unknown identity choice.
error-aspirasi_bad_location = That location is not valid.
error-aspirasi_photos_many = At most { $max } photos.
error-aspirasi_text_short = That is too short. Please write at least { $min } words: what happened, where, and what you hope for.
error-aspirasi_text_long = That is too long ({ $length } characters). The limit is { $max }; please shorten it.
error-aspirasi_reason_required = A reason is required, at least { $min } characters.
error-aspirasi_note_long = The note is too long. The limit is { $max } characters.
error-aspirasi_forward_same = It is already handled there. Choose another destination.
error-aspirasi_message_empty = The message is empty.
error-aspirasi_message_long = The message is too long. The limit is { $max } characters.
error-aspirasi_bad_days = Invalid number of days.
error-aspirasi_categories_few = Write at least 2 categories, one per line.
error-aspirasi_categories_many = At most { $max } categories.
error-aspirasi_category_long = A category name can be at most { $max } characters.
