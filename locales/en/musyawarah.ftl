# Musyawarah: invitations, answers, reminders, attendance list, quorum, minutes

cmd-musyawarah = Create and manage meeting invitations
menu-musyawarah = 📅 Meetings
cmd-jadwal = Upcoming meetings
menu-jadwal = 🗓️ Schedule
cmd-hadir = Sign a meeting's attendance list
menu-hadir = 📝 Attendance

musyawarah-kind-musdes = { $desa ->
        [village] Village Meeting (Musdes)
       *[other] Musyawarah { $Desa } ({ $desa } meeting)
    }
musyawarah-kind-musrenbangdes = { $desa ->
        [village] Village Development Planning Meeting (Musrenbangdes)
       *[other] Musrenbang { $Desa } (development planning)
    }
musyawarah-kind-mad = Musyawarah Antar { $Desa } ({ $mad })
musyawarah-kind-rakor = Coordination Meeting
musyawarah-kind-lainnya = Meeting
musyawarah-kind-short-musdes = { $desa ->
        [village] Musdes
       *[other] Musyawarah { $Desa }
    }
musyawarah-kind-short-musrenbangdes = { $desa ->
        [village] Musrenbangdes
       *[other] Musrenbang { $Desa }
    }
musyawarah-kind-short-mad = { $mad }
musyawarah-kind-short-rakor = Coordination
musyawarah-kind-short-lainnya = Meeting

musyawarah-quorum-two_thirds = 2/3 of invitees present
musyawarah-quorum-half_plus_one = ½ + 1 of invitees present
musyawarah-quorum-two_thirds_villages = 2/3 of the { $desa } groups represented
musyawarah-quorum-all_villages = Every { $desa } represented

musyawarah-dur-h = { $hours } h
musyawarah-dur-m = { $minutes } min
musyawarah-dur-hm = { $hours } h { $minutes } min
musyawarah-left-days = in { $n } days
musyawarah-left-hours = in { $n } hours
musyawarah-left-minutes = in { $n } minutes
musyawarah-before-days = { $n } days before
musyawarah-before-hours = { $n } hours before
musyawarah-before-minutes = { $n } minutes before

# Invitation

musyawarah-inv-header = 📅 <b>Invitation: { $kind }</b>
musyawarah-inv-cancelled-header = 🚫 <b>CANCELLED</b> — { $kind }
musyawarah-inv-when = 🗓️ { $when }
musyawarah-inv-duration = ⏱️ About { $duration }
musyawarah-inv-place = 📍 { $place }
musyawarah-inv-map = 🗺️ <a href="{ $url }">See the location on a map</a>
musyawarah-inv-organizer = 👤 Organiser: { $organizer }
musyawarah-inv-villages = 🏘️ Invited: { $villages }
musyawarah-inv-recurrence = 🔁 Held { $rule }
musyawarah-inv-agenda = <b>Agenda:</b>
musyawarah-inv-deadline = Please confirm your attendance by { $deadline }.
musyawarah-inv-ask = Please confirm your attendance with the buttons below.
musyawarah-inv-rsvp-closed = The deadline for answers has passed.
musyawarah-inv-counts = ✅ Will attend: { $yes } · ❌ Cannot attend: { $no } · 👥 Represented: { $delegate }
musyawarah-inv-checkin-open = 📝 <b>The attendance list is open.</b> Press the button below when you arrive, or type /hadir.
musyawarah-inv-checked-in = 📝 Signed the attendance list: { $count }
musyawarah-inv-over = This meeting has ended. Thank you for attending.
musyawarah-inv-cancel-reason = Reason: { $reason }
musyawarah-inv-cancelled-note = This meeting was cancelled. The answer buttons no longer apply.
musyawarah-inv-your-answer = Your answer: { $answer }
musyawarah-inv-your-delegate = Represented by: { $name }
musyawarah-ics-caption = 📅 Calendar file for <b>{ $title }</b>. Open it to save the date in your phone's calendar.
musyawarah-ics-cancel-caption = 🚫 Calendar cancellation for <b>{ $title }</b>. Open it to remove the date from your phone's calendar.

musyawarah-answer-yes = ✅ Will attend
musyawarah-answer-no = ❌ Cannot attend
musyawarah-answer-delegate = 👥 Represented
musyawarah-answer-pending = ⏳ No answer yet

musyawarah-btn-yes = ✅ Will attend
musyawarah-btn-no = ❌ Cannot attend
musyawarah-btn-delegate = 👥 Represented
musyawarah-btn-checkin = 📝 Sign attendance
musyawarah-btn-write-delegate = ✍️ Name your delegate

# Answers

musyawarah-rsvp-saved = Thank you. Your answer is recorded: { $answer }.
musyawarah-rsvp-same = Your answer was already recorded: { $answer }.
musyawarah-rsvp-delegate-group = Recorded: represented. Please write your delegate's name in your private chat with me.
musyawarah-delegate-ask-private =
    👥 You will be <b>represented</b> at <b>{ $title }</b>.
    Who represents you? Press the button below and write their name.
musyawarah-delegate-ask = Who represents you at <b>{ $title }</b>? Write their name and position, e.g. <i>Mr Ahmad, Sekretaris { $Desa }</i>
musyawarah-delegate-saved = ✅ Recorded: you are represented by <b>{ $name }</b> at { $title }.

# Reminders

musyawarah-rem-header = ⏰ <b>Reminder: { $kind }</b>
musyawarah-rem-starts = <b>{ $title }</b> starts { $left }:
musyawarah-rem-in-progress = <b>{ $title }</b> started at { $start } and runs until { $end }. The attendance list is still open.
musyawarah-rem-late = ⚠️ This reminder is late because of a problem on our side. We apologise.
musyawarah-rem-please-answer = You have not answered the invitation yet. Please confirm with the buttons below.

# Reschedule and cancellation

musyawarah-resched-header = 🕑 <b>Meeting rescheduled</b>
musyawarah-resched-old = Before: <s>{ $when }</s>
musyawarah-resched-new = Now: <b>{ $when }</b>
musyawarah-resched-kept = Answers already given still apply.
musyawarah-resched-reset = Please confirm your attendance again with the buttons below.
musyawarah-cancel-header = 🚫 <b>Meeting cancelled</b>
musyawarah-cancel-was = scheduled for { $when }
musyawarah-cancel-sorry = We apologise for the change.

# Berita acara (message and PDF)

musyawarah-minutes-header = 📝 <b>Berita acara (minutes): { $kind }</b>
musyawarah-minutes-of = <b>{ $title }</b> — { $when }
musyawarah-minutes-decisions = <b>Decisions:</b>

# Attendance and quorum

musyawarah-quorum-reached = ✅ Quorum reached: { $present } of { $total } { $unit } present
musyawarah-quorum-not = ⏳ Quorum not reached yet: { $present } of { $total } { $unit } present ({ $required } needed)
musyawarah-unit-villages = { $desa } groups
musyawarah-unit-people = invitees
musyawarah-quorum-notice =
    <b>{ $title }</b>
    { $line }
    The meeting can validly begin.
musyawarah-live-header = 📝 <b>Attendance list open</b> — { $title }
musyawarah-live-count = Signed the attendance list: { $count }
musyawarah-live-hint = Press 📋 Details to see the list per { $desa }.
musyawarah-ended =
    🏁 <b>{ $title }</b> has ended.
    Present: { $count }
    { $line }

    Press 📝 Berita acara to write the minutes and send them to the invitees.
musyawarah-checkin-done = ✅ <b>{ $name }</b> is recorded as present at <b>{ $title }</b>.
musyawarah-checkin-already = You are already recorded as present at { $title } since { $time }.
musyawarah-checkin-none = No attendance list is open for you right now. Lists open 30 minutes before a meeting starts.
musyawarah-checkin-none-group = No attendance list is open for this group right now.
musyawarah-checkin-choose = Which attendance list do you want to sign?

# Organiser: list, details, actions

musyawarah-list-header = 📅 <b>Meetings you manage</b> ({ $count })
musyawarah-list-empty = You are not managing any upcoming meeting.
musyawarah-btn-new = ➕ New invitation
musyawarah-btn-refresh = 🔄 Refresh
musyawarah-btn-details = 📋 Details
musyawarah-btn-mark = ✅ Mark present
musyawarah-btn-reschedule = 🕑 Reschedule
musyawarah-btn-cancel-meeting = 🚫 Cancel
musyawarah-btn-open = 🔓 Open to all
musyawarah-btn-close = 🔒 Invitees only
musyawarah-btn-minutes = 📝 Berita acara
musyawarah-btn-export = 📊 Download list
musyawarah-btn-qr = 🔳 Attendance QR
musyawarah-qr-caption =
    🔳 <b>Attendance QR code — { $title }</b>
    Show it on a screen or print it and put it up at the venue. Whoever scans it with a phone camera opens a chat with the bot and is recorded present once — invitees only.
    Valid { $opensAt } until { $until }, for this meeting only. Do not share it in groups.
    Link: { $link }
musyawarah-btn-stop-series = ⏹️ Stop repeating
musyawarah-btn-back = ◀️ Back
musyawarah-status-scheduled = Scheduled
musyawarah-status-checkin = Attendance list open
musyawarah-status-over = Ended
musyawarah-status-cancelled = Cancelled
musyawarah-detail-status = Status: { $status }
musyawarah-detail-counts = ✅ Will attend { $yes } · ❌ Cannot { $no } · 👥 Represented { $delegate } · ⏳ No answer { $pending }
musyawarah-detail-checked = 📝 Signed the attendance list: { $count }
musyawarah-detail-village = <b>{ $village }</b> — { $present } of { $total } present
musyawarah-detail-no-village = <b>No { $desa }</b>
musyawarah-detail-village-before = <b>{ $village }</b> — { $yes } of { $total } said they will attend
musyawarah-detail-village-empty = no answers yet
musyawarah-detail-no-invitees = Nobody is listed yet. Residents invited through their { $desa } group appear here once they answer.
musyawarah-detail-more = … and { $count } more. Download the attendance list (.xlsx) for everyone.
musyawarah-detail-open = 🔓 The attendance list is open to people who were not invited.
musyawarah-detail-minutes = 📝 Minutes sent { $when }.
musyawarah-detail-delegate = delegate: { $name }
musyawarah-mark-header = ✅ <b>Mark present</b> — { $title }
    Press a name to mark or unmark them.
musyawarah-mark-empty = Nobody to mark yet.
musyawarah-marked = ✅ { $name } marked present.
musyawarah-unmarked = { $name } is no longer marked present.
musyawarah-opened = 🔓 The attendance list is now open to people who were not invited.
musyawarah-closed = 🔒 The attendance list is now for invitees only.
musyawarah-series-stopped = ⏹️ Repetition stopped. This meeting still takes place; no new ones follow.
musyawarah-export-caption = 📊 Attendance list of <b>{ $title }</b>

# Creating an invitation

musyawarah-ask-kind = 📅 <b>New meeting invitation</b>
    What kind of meeting?
musyawarah-ask-village = On behalf of which { $desa }?
musyawarah-ask-title = What is the title or topic? E.g. <i>Penetapan RKP { $Desa } 2027</i>
musyawarah-ask-agenda =
    Write the <b>agenda</b>, one line per item. E.g.:
    Opening
    Discussion of priority proposals
    Adoption of results
musyawarah-ask-when =
    When does the meeting start? Pick the day with a button, or write the date and time.
    E.g.: <i>besok 09.00</i>, <i>Senin 14:00</i>, <i>25/12/2026 19.30</i>, <i>tomorrow 9am</i>
musyawarah-ask-time = At what time on { $day }? Pick or write the time, e.g. <i>09.00</i> or <i>2pm</i>.
musyawarah-btn-other-day = 📅 Another day
musyawarah-ask-day-typed = Write the date, e.g. <i>25/12/2026</i> or <i>next Monday</i>, with the time if you like.
musyawarah-confirm-when = The meeting starts <b>{ $when }</b>. Is that right?
musyawarah-btn-right = ✅ Right
musyawarah-btn-change = ✏️ Change
musyawarah-when-past = That time has already passed. Try again, e.g.: <i>tomorrow 09:00</i>
musyawarah-when-invalid = That date does not exist (e.g. 31/02). Try again, e.g.: <i>28/02 09.00</i>
musyawarah-when-unparsed = Sorry, I could not read that time. Examples: <i>besok 09.00</i>, <i>Senin 14:00</i>, <i>25/12/2026 19.30</i>, <i>tomorrow 9am</i>
musyawarah-when-no-time = The time is missing. Write the date with a time, e.g.: <i>Monday 09:00</i>
musyawarah-when-too-far = That date is too far ahead (more than two years). Check the year.
musyawarah-ask-duration = About how long? Pick, or write e.g. <i>90 menit</i>.
musyawarah-duration-bad = Write a length between 15 minutes and 12 hours, e.g. <i>2 jam</i> or <i>90 menit</i>.
musyawarah-ask-place = Where? Write the place (e.g. <i>Balai { $Desa } Sukajaya</i>), or send a location pin (📎 → Location).
musyawarah-ask-pin = Also send a location pin (📎 → Location) so it is easy to find, or press Skip.
musyawarah-ask-place-name = What is the place called? E.g. <i>Balai { $Desa } Sukajaya</i>. Or press Skip.
musyawarah-btn-skip = ⏭️ Skip
musyawarah-place-expect = Please write the place or send a location.
musyawarah-ask-audience =
    Who is invited? Pick one or more, then press <b>Next</b>.
musyawarah-aud-groups = 👥 { $Desa } groups
musyawarah-aud-officials = 🏛️ { $Desa } officials
musyawarah-aud-bpd = 🧑‍⚖️ { $bpd } members
musyawarah-aud-persons = 👤 Named people
musyawarah-aud-kecamatan = 🏢 Kecamatan group
musyawarah-btn-next = Next ▶️
musyawarah-btn-all = ☑️ Every { $desa }
musyawarah-pick-one = Pick at least one.
musyawarah-ask-villages = Which { $desa } groups are invited? Press them, then press <b>Next</b>.
musyawarah-ask-persons = Write the names or @usernames of the people invited, separated by commas or one per line.
musyawarah-persons-found = I found: { $names }
musyawarah-persons-missing = Not found in this forum: { $names }
musyawarah-persons-none = I found none of those names in this forum. Try again, or press Skip.
musyawarah-btn-use = ✅ Use
musyawarah-btn-retype = ✏️ Retype
musyawarah-preview-header = 👁️ <b>Preview</b> — this is how recipients will see the invitation:
musyawarah-preview-settings =
    <b>Settings</b>
    • Sent to: { $groups } groups and { $persons } people
    • Answer deadline: { $deadline }
    • Quorum: { $quorum }
    • Reminders: { $reminders }
    • Repeats: { $recurrence }
musyawarah-preview-no-recipients = ⚠️ No group or person can receive this invitation yet (groups not linked, or people have never opened a chat with me). The invitation is still saved and shown in /jadwal.
musyawarah-deadline-none = until the meeting starts
musyawarah-recurrence-none = does not repeat
musyawarah-reminders-none = no reminders
musyawarah-preview-only = This is only a preview. The buttons work on the invitation that is sent.
musyawarah-btn-send-minutes = 📨 Send the berita acara
musyawarah-btn-send = 📨 Send invitation
musyawarah-btn-settings = ⚙️ Settings
musyawarah-ask-setting = Which setting do you want to change?
musyawarah-set-deadline = ⏳ Answer deadline
musyawarah-set-quorum = ⚖️ Quorum
musyawarah-set-reminders = ⏰ Reminders
musyawarah-set-recurrence = 🔁 Repeats
musyawarah-ask-deadline = Until when can people answer? Pick, or write a date and time.
musyawarah-deadline-1d = One day before
musyawarah-deadline-3h = 3 hours before
musyawarah-deadline-start = Until it starts
musyawarah-deadline-bad = The deadline must be before the meeting starts and not in the past. Try again.
musyawarah-ask-quorum = Which quorum rule applies?
musyawarah-ask-reminders = When are reminders sent? Pick one or more, then press <b>Next</b>.
musyawarah-ask-recurrence = Does this meeting repeat?
musyawarah-btn-no-repeat = Does not repeat
musyawarah-created =
    ✅ The invitation <b>{ $title }</b> is being sent to { $groups } groups and { $persons } people.
    Reminders go out automatically. See the answers with /musyawarah.

# Reschedule, cancel, berita acara

musyawarah-ask-new-when =
    When is the new date? Currently: <b>{ $when }</b>.
    Write the date and time, e.g. <i>Kamis 09.00</i>, or pick the day.
musyawarah-ask-keep-rsvp = Answers already received: keep them, or ask every invitee to answer again?
musyawarah-btn-keep = ✅ Keep
musyawarah-btn-reset = 🔄 Ask again
musyawarah-rescheduled = ✅ Rescheduled to <b>{ $when }</b>. Notices are going to { $groups } groups and { $persons } people; reminders were recalculated.
musyawarah-ask-cancel-reason = Write a short reason for the cancellation (it is passed on to the invitees), or press Skip.
musyawarah-ask-cancel-scope = This meeting repeats. What is cancelled?
musyawarah-btn-cancel-one = This one only
musyawarah-btn-cancel-all = This and later ones
musyawarah-confirm-cancel = Cancel <b>{ $title }</b> on { $when }? Every invitee will be told.
musyawarah-btn-confirm-cancel = 🚫 Yes, cancel
musyawarah-btn-keep-meeting = Do not cancel
musyawarah-cancelled = ✅ <b>{ $title }</b> was cancelled. Notices are going to { $groups } groups and { $persons } people.
musyawarah-not-cancelled = All right, the meeting is not cancelled.
musyawarah-ask-chair = 📝 <b>Berita acara of { $title }</b>
    Who chaired the meeting? Press your name, or write the name and position, e.g. <i>Sutrisno, Ketua { $bpd }</i>
musyawarah-ask-secretary = Who took the minutes? Press your name, or write the name.
musyawarah-ask-minutes = How did the meeting go? Write short notes, or send a scan of the signed berita acara as a document (PDF or photo). Press Skip if there is none.
musyawarah-ask-method = How were the decisions taken?
musyawarah-btn-mufakat = 🤝 By consensus (mufakat)
musyawarah-btn-suara = ✋ By majority vote
musyawarah-ask-votes = Write how many were <b>for</b>, <b>against</b> and <b>abstaining</b>, separated by spaces. E.g. <i>9 3 1</i>. By the attendance list, { $present } people were present.
musyawarah-ask-decisions = Write the meeting's <b>decisions</b>, one per line.
musyawarah-minutes-expect = Please write the notes, send a file as a document, or press Skip.
musyawarah-minutes-preview = 👁️ <b>Preview</b> — this is the berita acara the invitees will get (PDF, with the attendance list attached):
musyawarah-minutes-file-caption = 📎 Scan of the signed berita acara
musyawarah-confirm-minutes = Send this berita acara to every invitee?
musyawarah-minutes-sent = ✅ The berita acara (PDF) is going to { $groups } groups and { $persons } people, and is kept with this meeting.

# Schedule

musyawarah-schedule-group-header = 📅 <b>Meetings of { $name }</b>
musyawarah-schedule-private-header = 📅 <b>Your meetings</b>
musyawarah-schedule-empty-group = No meetings scheduled for { $name } yet.
musyawarah-schedule-empty-private = No meetings scheduled for you yet.
musyawarah-schedule-kecamatan = the kecamatan
musyawarah-schedule-village = { $Desa } { $name }
musyawarah-schedule-line = • { $when } — <b>{ $title }</b> ({ $kind })
musyawarah-schedule-place = { "  " }📍 { $place }
musyawarah-schedule-answer = { "  " }Your answer: { $answer }
musyawarah-schedule-hint = Press a title to see the invitation and answer it.
musyawarah-group-not-linked = This group is not connected to any { $desa } yet.

# Attendance export (.xlsx)

musyawarah-x-sheet-list = Attendance
musyawarah-x-sheet-villages = Per { $desa }
musyawarah-x-sheet-summary = Summary
musyawarah-x-no = No
musyawarah-x-name = Name
musyawarah-x-village = { $Desa }
musyawarah-x-source = Invited as
musyawarah-x-answer = Answer
musyawarah-x-delegate = Represented by
musyawarah-x-checkin = Signed at
musyawarah-x-marked = Recorded by
musyawarah-x-people = People listed
musyawarah-x-yes = Will attend
musyawarah-x-no-answer = Cannot attend
musyawarah-x-delegates = Represented
musyawarah-x-pending = No answer
musyawarah-x-present = Present (signed)
musyawarah-x-field = Field
musyawarah-x-value = Value
musyawarah-x-title = Title
musyawarah-x-kind = Kind
musyawarah-x-when = Time
musyawarah-x-place = Place
musyawarah-x-organizer = Organiser
musyawarah-x-quorum = Quorum
musyawarah-x-source-official = { $Desa } official
musyawarah-x-source-bpd = { $bpd } member
musyawarah-x-source-named = Invited by name
musyawarah-x-source-group = Resident (via { $desa } group)
musyawarah-x-source-walk_in = Came without invitation
musyawarah-x-marked-self = Self
musyawarah-x-marked-organiser = Organiser

# Errors

error-meeting_not_found = That meeting was not found.
error-meeting_not_organiser = Only the organiser, a forum admin, or an official of the organising { $desa } can do this.
error-meeting_mad_admin_only = A Musyawarah Antar { $Desa } ({ $mad }) can only be created by a forum admin (kecamatan/{ $bkad }).
error-meeting_other_village = You can only invite your own { $desa }'s group, officials and { $bpd }. Invitations to others are sent by a forum admin.
error-meeting_kecamatan_admin_only = Only a forum admin can invite the kecamatan group.
error-meeting_kind_bad = Unknown kind of meeting.
error-meeting_title_short = The title is too short. Write at least 3 letters.
error-meeting_title_long = The title is too long. The limit is { $max } characters.
error-meeting_agenda_empty = The agenda is empty. Write at least one item.
error-meeting_agenda_many = Too many agenda items. At most { $max } lines.
error-meeting_agenda_long = An agenda item is too long. Each item may have at most { $max } characters.
error-meeting_time_unparsed = I could not read that time. Try again, e.g.: tomorrow 09:00
error-meeting_time_past = That time has already passed. Try again, e.g.: tomorrow 09:00
error-meeting_time_far = That date is too far ahead (more than two years).
error-meeting_duration_bad = The length must be between 15 minutes and 12 hours.
error-meeting_place_long = The place name is too long. The limit is { $max } characters.
error-meeting_place_bad_pin = That location cannot be used.
error-meeting_deadline_bad = The answer deadline must be before the meeting starts and not in the past.
error-meeting_quorum_bad = Unknown quorum rule.
error-meeting_reminders_bad = Those reminder settings cannot be used.
error-meeting_recurrence_bad = Unknown repeat rule.
error-meeting_no_invitees = Nobody is invited yet. Pick { $desa } groups, officials, { $bpd } members or named people.
error-meeting_cancelled = This meeting has been cancelled.
error-meeting_over = This meeting has already ended.
error-meeting_rsvp_bad = Unknown answer.
error-meeting_rsvp_closed = The deadline for answers has passed ({ $deadline }). For changes, please contact the organiser.
error-meeting_not_invited = You are not among the invitees of this meeting. Please contact the organiser.
error-meeting_delegate_short = The delegate's name is too short.
error-meeting_delegate_long = The delegate's name is too long. The limit is { $max } characters.
error-meeting_checkin_not_open = The attendance list opens { $opensAt } (30 minutes before the start).
error-meeting_checkin_closed = The attendance list is closed because the meeting has ended.
error-meeting_qr_unknown = That QR code is not known. Scan the QR code put up at the meeting venue, or type /hadir.
error-meeting_qr_expired = The QR code for { $title } is no longer valid because the meeting has ended.
error-meeting_mark_closed = This meeting's attendance list can no longer be changed.
error-meeting_invitee_not_found = That person is not on the list of invitees.
error-meeting_reason_long = The reason is too long. The limit is { $max } characters.
error-meeting_not_recurring = This meeting does not repeat.
error-meeting_minutes_empty = The notes are empty.
error-meeting_minutes_long = The notes are too long (limit { $max } characters). Shorten them, or send them as a document.
error-meeting_decisions_long = The decisions are too long. The limit is { $max } characters.
error-meeting_minutes_too_early = The berita acara can be sent once the meeting has started.
error-meeting_decisions_empty = The decisions are missing. Write at least one.
error-meeting_chair_bad = Write the chair's name, with the position after a comma if you like, e.g. <i>Sutrisno, Ketua { $bpd }</i>
error-meeting_secretary_bad = Write the minute-taker's name, e.g. <i>Sari</i>
error-meeting_method_bad = Unknown way of deciding. Press one of the buttons.
error-meeting_votes_bad = Write three numbers: for, against and abstaining. E.g. <i>9 3 1</i>
error-meeting_votes_over_present = More votes than people present by the attendance list ({ $present }). Check the numbers.

# Berita acara (the PDF is always in Indonesian; these mirror the keys)

musyawarah-ba-title = BERITA ACARA (MINUTES)
musyawarah-ba-number = Number: ......................................
musyawarah-ba-opening = On { $day }, { $date }, from { $start } to { $end } { $zone }, at { $place }, a { $kind } was held on “{ $title }”.
musyawarah-ba-place-none = the agreed place
musyawarah-ba-agenda = Agenda
musyawarah-ba-facts = Details
musyawarah-ba-place = Place
musyawarah-ba-time = Time
musyawarah-ba-chair = Chaired by
musyawarah-ba-secretary = Minutes taken by
musyawarah-ba-invited = Invited
musyawarah-ba-invited-value = { $people } people invited by name; { $villages } { $desa } groups invited
musyawarah-ba-present = Present
musyawarah-ba-present-value = { $people } people by the attendance list (attached)
musyawarah-ba-quorum = Quorum
musyawarah-ba-quorum-reached = { $rule }: reached ({ $present } of { $total } { $unit }, at least { $required })
musyawarah-ba-quorum-not = { $rule }: not reached ({ $present } of { $total } { $unit }, at least { $required })
musyawarah-ba-method = Decided by
musyawarah-ba-method-mufakat = Consensus (musyawarah mufakat).
musyawarah-ba-method-vote-passed = Majority vote: for { $votesFor }, against { $votesAgainst }, abstaining { $votesAbstain }. More than half (½ + 1) of the { $base } present agreed (at least { $required }).
musyawarah-ba-method-vote-failed = Majority vote: for { $votesFor }, against { $votesAgainst }, abstaining { $votesAbstain }. Those for did not reach more than half (½ + 1) of the { $base } present (at least { $required }).
musyawarah-ba-proceedings = Proceedings
musyawarah-ba-decisions = Decisions
musyawarah-ba-closing = This berita acara is made truthfully, to be used as needed.
musyawarah-ba-signed-at = { $place }, { $date }
musyawarah-ba-sign-chair = Chair,
musyawarah-ba-sign-secretary = Minute-taker,
musyawarah-ba-sign-knows = Acknowledged by,
musyawarah-ba-sign-head = { $kepalaDesa } { $village }
musyawarah-ba-attendance-title = ATTACHMENT: ATTENDANCE LIST
musyawarah-ba-col-position = Position / note
musyawarah-ba-col-signature = Signature
musyawarah-ba-page = Page { $page } of { $pages }
