# Residents' privacy (Indonesia's PDP law No. 27/2022): notice and consent, my data, erase my data,
# retention, audit log.

cmd-privasi = Privacy notice and consent
cmd-dataku = Download all my data
cmd-hapusdata = Erase my data
cmd-audit = Forum audit log (admins)
menu-privasi = 🔒 Privacy
menu-dataku = 📦 My data
menu-hapusdata = 🗑️ Erase data
menu-audit = 📜 Audit

# ---------------------------------------------------------------- notice

privasi-notice-title = 🔒 <b>Forum Desa privacy notice</b>
privasi-notice-changed = ℹ️ <b>The privacy notice has changed.</b> Please read it and answer again.
privasi-notice-what =
    <b>What we keep</b>
    • Your Telegram id and display language.
    • If you agree: your Telegram name and username; your role and village in the forum; aspirations (text, photos, location) and their replies; your answers to invitations and meeting attendance; the messages you post in inter-village discussion topics; your choices in open votes.
    • Secret votes: only that you voted, never your choice.
privasi-notice-why =
    <b>What for</b>
    Running the forum: passing aspirations to village officials and telling you their answer, sending invitations and reminders, counting votes and attendance, relaying discussions between villages.
privasi-notice-who =
    <b>Who sees it</b>
    • Your village officials and the forum admins: name, village, role, named aspirations, invitation answers.
    • Anonymous or confidential aspirations: the reporter's name is never shown to anyone.
    • Residents of other villages: your name on the discussion messages you post yourself in a group.
privasi-notice-how-long =
    <b>How long</b>
    { $lines }
privasi-notice-controller =
    <b>Data controller</b>
    { $lines }
privasi-controller-line = • { $forum }: { $controller }
privasi-controller-unset = not set yet; meanwhile the admins of { $forum }
privasi-controller-none = • The admins of the forum (sub-district/{ $bkad }) you join. Its name shows in /privasi once you have joined.
privasi-notice-rights =
    <b>Your rights</b>
    /privasi reads this again or withdraws consent · /dataku downloads all your data · /hapusdata erases your data.
privasi-notice-decline = If you do not agree, you can still read announcements, meeting schedules and the public list of aspirations, but you cannot send aspirations, join with a code, or answer invitations in this chat.
privasi-notice-ask = Do you agree?

privasi-retention-relayText = • Text of inter-village discussion messages: { $period }
privasi-retention-reporterLink = • Reporter's name on closed aspirations: { $period } after closing
privasi-retention-attendance = • Attendance lists and invitation answers: { $period } after the meeting
privasi-retention-logs = • Audit log: { $period }
privasi-retention-outbox = • Copies of messages already delivered: { $period }
privasi-retention-until-erased = • Name, role and open aspirations: while you are a member, or until you erase them with /hapusdata
privasi-retention-forum = <i>{ $forum }</i>

privasi-period-days = { $n } days
privasi-period-months = { $n } months
privasi-period-years =
    { $n ->
        [one] 1 year
       *[other] { $n } years
    }

privasi-btn-agree = ✅ I agree
privasi-btn-decline = ❌ I do not agree
privasi-btn-read = 📄 Read the privacy notice
privasi-btn-continue = ▶️ Continue
privasi-btn-menu = 🏠 Menu

privasi-agreed = ✅ Thank you. Your consent was recorded on { $date }. You can withdraw it at any time with /privasi.
privasi-agreed-continue = Press “Continue” to carry on with what you opened.
privasi-declined =
    Understood, your answer is recorded: you do not agree. We keep only your Telegram id, without a name.

    You can still read announcements, meeting schedules and the public list of aspirations. Data stored before stays until you erase it with /hapusdata. To change your answer: /privasi.

privasi-needs-consent =
    🔒 { $why }

    You have not agreed to the privacy notice, so this cannot be used yet. Press the button below to read it.
privasi-needs-consent-toast = This needs your consent to the privacy notice. Type /privasi in your private chat with me.
privasi-why-generic = This stores your data (your name and what you enter) so it can be followed up.
privasi-why-aspirasi = An aspiration is stored with your name so village officials can answer and we can tell you the outcome.
privasi-why-gabung = Joining with a code records your name, role and village in the forum.
privasi-why-musyawarah = Invitation answers and attendance are stored with your name.
privasi-why-voting = Your vote is recorded so everyone votes only once.
privasi-why-official = Officials' and admins' work is recorded under their name.

# ---------------------------------------------------------------- /privasi

privasi-status-given = ✅ You agreed on { $date }.
privasi-status-declined = ❌ You did not agree ({ $date }). We keep only your Telegram id.
privasi-status-ask = You have not answered yet.
privasi-btn-withdraw = ↩️ Withdraw consent
privasi-btn-dataku = 📦 My data
privasi-btn-hapus = 🗑️ Erase my data
privasi-btn-settings = ⚙️ Forum privacy settings
privasi-btn-audit = 📜 Audit log

# ---------------------------------------------------------------- forum settings (admins)

privasi-settings =
    ⚙️ <b>Privacy of { $forum }</b>

    <b>Data controller:</b> { $controller }

    <b>Retention</b>
    { $lines }

    Every change changes the privacy notice: forum members will be asked to read it again.
privasi-settings-unset = <i>not set</i>
privasi-btn-controller = ✏️ Data controller
privasi-btn-kind-relayText = 💬 Discussion text
privasi-btn-kind-reporterLink = 📝 Reporter names
privasi-btn-kind-attendance = 📋 Attendance
privasi-btn-kind-logs = 📜 Audit log
privasi-btn-kind-outbox = 📤 Sent copies
privasi-btn-back = ◀️ Back
privasi-kind-relayText = the text of discussion messages
privasi-kind-reporterLink = reporters' names on closed aspirations
privasi-kind-attendance = attendance lists and invitation answers
privasi-kind-logs = the audit log
privasi-kind-outbox = copies of delivered messages
privasi-ask-controller = Write the name and contact of this forum's data controller (the institution responsible for residents' data), for example: <i>Kantor Camat Bangunrejo, Jl. Raya Bangunrejo No. 1, tel. 0725-123456</i>
privasi-controller-saved = ✅ Data controller saved: { $controller }
privasi-choose-retention = How long should { $what } be kept?
privasi-retention-saved = ✅ { $what } are now kept for { $period }.

# ---------------------------------------------------------------- /dataku

privasi-dataku-title = 📦 <b>Your data in Forum Desa</b>
privasi-dataku-profile =
    Name: { $name }{ $username }
    Telegram id: <code>{ $id }</code>
privasi-dataku-consent-given = Privacy consent: agreed, { $date }
privasi-dataku-consent-declined = Privacy consent: did not agree, { $date }
privasi-dataku-consent-none = Privacy consent: not answered
privasi-dataku-memberships = <b>Memberships</b> ({ $count })
privasi-dataku-membership-line = • { $role } · { $village } ({ $forum })
privasi-dataku-aspirations = <b>Aspirations</b>: { $count } reports, { $messages } messages
privasi-dataku-aspiration-line = • <code>{ $ticket }</code> — { $status }
privasi-dataku-supports = Aspirations supported: { $count }
privasi-dataku-meetings = <b>Meetings</b>: { $invited } invitations, present { $attended } times, { $organised } organised
privasi-dataku-discussions = <b>Inter-village discussions</b>: { $messages } messages, { $opened } topics opened
privasi-dataku-votes-open = <b>Open votes</b>: { $count } (your choices are in the file)
privasi-dataku-votes-secret = <b>Secret votes</b>: { $count }. Only that you voted is recorded. Your choice is counted apart with no link to you, so nobody can show it, not even us.
privasi-dataku-other = Other: { $claims } village claims, { $codes } join codes, { $broadcasts } announcements, { $posts } bursa needs/offers, { $audit } audit entries about you.
privasi-dataku-outbox = { $count } messages from me to this chat are recorded in the send queue (their content is emptied at most { $period } after delivery).
privasi-dataku-file = The full detail is in the attached JSON file. To erase all of it: /hapusdata.
privasi-dataku-caption = Your data in Forum Desa, { $date }

# ---------------------------------------------------------------- /hapusdata

privasi-hapus-confirm =
    🗑️ <b>Erase my data</b>

    If you press “Yes, erase”, we will:
    • erase your name, username and Telegram id;
    • end your memberships and roles in every forum;
    • remove your name from your aspirations (they stay with the village as a public matter);
    • show “Warga (dihapus)” as the sender of your discussion messages;
    • keep counting your invitation answers, attendance and votes, without your name.

    <b>What we cannot erase</b>
    • Copies of messages already in Telegram groups (with your name above them). Delete them yourself in the group, or ask the group admin.
    • What you wrote yourself in aspirations: it stays with the village without your name.
    • Announcements, meetings and votes you created as an official: they stay the forum's records under “Warga (dihapus)”.

    This cannot be undone.
privasi-btn-hapus-yes = 🗑️ Yes, erase my data
privasi-hapus-done =
    ✅ Your data has been erased.

    The audit log keeps only that an erasure happened, with a random code (not your Telegram id). Copies of messages in Telegram groups cannot be erased by us.

    If you write to me again, you will be treated as a new user.
privasi-hapus-cancelled = Understood, nothing was erased.
privasi-hapus-expired = This confirmation has expired. Type /hapusdata again if you still want to erase.

# ---------------------------------------------------------------- /audit

privasi-audit-title = 📜 <b>Audit log of { $forum }</b> — { $filter } ({ $total })
privasi-audit-empty = Nothing recorded yet.
privasi-audit-line = <code>{ $when }</code> · { $actor } · { $action }{ $target }
privasi-audit-system = system
privasi-audit-erased = (data erased)
privasi-audit-filter-all = All
privasi-audit-filter-members = Roles & members
privasi-audit-filter-broadcast = Announcements
privasi-audit-filter-aspiration = Aspirations
privasi-audit-filter-export = Data downloads
privasi-audit-filter-privacy = Personal data
privasi-audit-filter-other = Other
privasi-audit-btn-export = 📥 Download Excel
privasi-audit-export-caption = Audit log of { $forum } ({ $filter }), { $count } rows. This download is recorded in the audit log too.
privasi-audit-sheet = Audit
privasi-audit-col-when = Time
privasi-audit-col-actor = Actor
privasi-audit-col-action = Action
privasi-audit-col-target = Target
privasi-audit-col-details = Details

audit-action-forum-create = Forum created
audit-action-village-add = Villages added
audit-action-group-link = Group linked
audit-action-group-unlink = Group no longer active
audit-action-group-migrate = Group moved to a supergroup
audit-action-invite-create = Join code created
audit-action-invite-redeem = Join code used
audit-action-invite-revoke = Join code revoked
audit-action-role-grant = Role granted
audit-action-role-title = Position changed
audit-action-forum-terms = Local words changed
audit-action-forum-rename = Forum renamed
audit-action-forum-timezone = Forum time zone changed
audit-action-forum-officials_routing = Officials' group deliveries set
audit-action-village-rename = { $Desa } renamed
audit-action-village-code = { $Desa } code changed
audit-action-village-merge = Two { $desa } records merged
audit-action-village-retire = { $Desa } retired
audit-action-role-revoke = Role revoked
audit-action-member-join = Joined through the village group
audit-action-member-leave = Left the village group
audit-action-member-move = Moved village (confirmed by the group)
audit-action-claim-confirm = Village claim confirmed
audit-action-claim-reject = Village claim rejected
audit-action-broadcast-create = Announcement sent/scheduled
audit-action-broadcast-cancel = Announcement cancelled
audit-action-broadcast-edit = Sent announcement edited
audit-action-broadcast-delete = Sent announcement deleted
audit-action-aspiration-status = Aspiration status changed
audit-action-aspiration-settings = Aspiration settings changed
audit-action-aspiration-export = Aspirations downloaded
audit-action-discussion-open = Discussion topic opened
audit-action-discussion-join = Group joined a discussion topic
audit-action-discussion-close = Discussion topic closed
audit-action-discussion-hide = Discussion message hidden
audit-action-discussion-delete = Discussion message deleted
audit-action-discussion-mute = Resident muted
audit-action-discussion-unmute = Mute lifted
audit-action-discussion-export = Discussion minutes downloaded
audit-action-meeting-create = Meeting created
audit-action-meeting-checkin_open = Attendance opened to everyone
audit-action-meeting-checkin_close = Attendance closed to everyone
audit-action-meeting-checkin_qr = Attendance QR code created
audit-action-meeting-reschedule = Meeting rescheduled
audit-action-meeting-cancel = Meeting cancelled
audit-action-meeting-stop_series = Recurring meeting stopped
audit-action-meeting-minutes = Meeting minutes saved
audit-action-meeting-export = Attendance list downloaded
audit-action-vote-create = Vote created
audit-action-vote-close = Vote closed
audit-action-vote-extend = Vote extended
audit-action-vote-export = Vote results downloaded
audit-action-profile-import = Village profiles uploaded
audit-action-indicator-set = Yearly indicators entered
audit-action-indicator-import = Yearly indicators imported from a file
audit-action-bursa-post = Bursa need/offer posted
audit-action-bursa-interest = Interest in a bursa match
audit-action-bursa-close = Bursa need/offer closed
audit-action-bursa-mediate = Bursa mediation
audit-action-agreement-export = Cooperation agreements downloaded
audit-action-privacy-settings = Privacy settings changed
audit-action-privacy-export_self = A resident downloaded their own data
audit-action-privacy-erase = A resident's data was erased
audit-action-privacy-retention = Expired data purged
audit-action-audit-export = Audit log downloaded

# ---------------------------------------------------------------- errors

error-privasi_sole_admin = You are the only admin of { $forum }. Appoint another admin first (/peran), then run /hapusdata again.
error-privasi_nothing_to_erase = No data of yours is stored.
error-privasi_controller_short = Too short. Write the institution's name and contact.
error-privasi_controller_long = Too long. The limit is { $max } characters.
error-privasi_bad_retention = That retention period is not available.
