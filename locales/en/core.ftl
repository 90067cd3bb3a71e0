# General: buttons, flows, errors
#
# Local words: every text names the village, its council and titles through placeables filled per
# forum (src/bot/lib/terms.ts): { $desa } / { $Desa }, { $kepalaDesa }, { $bpd }, { $bpdPanjang },
# { $mad }, { $bkad }. Indonesian names (kampung, nagari, …) are kept as they are in English.

## Local words: values of the placeables above, from the forum's choice ($village, $council)

term-desa = { $village ->
        [kampung] kampung
        [kelurahan] kelurahan
        [nagari] nagari
        [gampong] gampong
        [pekon] pekon
        [tiyuh] tiyuh
       *[desa] village
    }
term-desa-cap = { $village ->
        [kampung] Kampung
        [kelurahan] Kelurahan
        [nagari] Nagari
        [gampong] Gampong
        [pekon] Pekon
        [tiyuh] Tiyuh
       *[desa] Village
    }
term-kepala = { $village ->
        [kampung] Kepala Kampung
        [kelurahan] Lurah
        [nagari] Wali Nagari
        [gampong] Keuchik
        [pekon] Kepala Pekon
        [tiyuh] Kepala Tiyuh
       *[desa] village head
    }
term-bpd-long = { $council ->
        [BPD] Village Consultative Body
        [BPK] Badan Permusyawaratan Kampung
       *[other] { $council }
    }
term-mad = { $village ->
        [kampung] MAK
        [kelurahan] MAK
        [nagari] MAN
        [gampong] MAG
        [pekon] MAP
        [tiyuh] MAT
       *[desa] MAD
    }
term-bkad = { $village ->
        [kampung] BKAK
        [kelurahan] BKAK
        [nagari] BKAN
        [gampong] BKAG
        [pekon] BKAP
        [tiyuh] BKAT
       *[desa] BKAD
    }

btn-cancel = ❌ Cancel
btn-open-private = 💬 Open private chat
btn-save = ✅ Save
btn-retype = ✏️ Type again
btn-add-to-group = ➕ Add to group
btn-other = ✏️ Other (type it)

flow-cancelled = Okay, cancelled. Nothing was saved.
flow-nothing-to-cancel = Nothing is in progress.
flow-expect-text = Please reply with text.
flow-text-too-short = Too short. Please write at least { $min } characters.
flow-text-too-long = Too long ({ $length } characters). The limit is { $max }.
flow-old-button = This button is no longer valid.
flow-use-buttons = Please press one of the buttons above, or type /batal to stop.

hint-use-private = Please continue in a private chat with me 👉
hint-unknown-command = I don't know the command /{ $command }. Type /bantuan for a short guide, or /menu for the menu.
hint-use-in-group = The command /{ $command } is used in a { $desa } group, not in a private chat.
hint-private-fallback = Sorry, I didn't understand that. Type /menu for the menu, or /bantuan for a short guide.
hint-daftar-private = { $official ->
        [yes] To connect a { $desa } Telegram group to the forum, type /hubungkan here. I will make a code and a button that adds me to that group.
       *[no] To be registered as a resident, type /{ $desa }ku in your { $desa } Telegram group. If an official gave you a joining code, type /gabung <code>CODE</code> here. To send an aspiration or complaint, type /lapor.
    }
hint-hubungkan-not-official = { $Desa } groups are connected by { $desa } officials or forum admins. If you are an admin of that group, ask a { $desa } official for a code, then type in the group: /hubungkan <code>CODE</code>.

error-internal = Sorry, something went wrong on our side. Please try again in a moment.
error-flood = You are sending messages too quickly. Please wait a moment and try again.
error-old-button = This button is no longer valid.
error-not_bootstrap_admin = Only registered sub-district admins can create a new forum.
error-not_admin = Only forum admins can do this.
error-not_in_forum = You are not registered in this forum. To join: type /{ $desa }ku in your { $desa } Telegram group, or open a joining code from a { $desa } official.
error-no_forum = You are not registered in any forum yet. To join: type /{ $desa }ku in your { $desa } Telegram group, or ask a { $desa } official for a joining code, then type /gabung <code>CODE</code>.
error-forum_name_short = The forum name is too short. Write at least 3 characters.
error-forum_name_long = The forum name is too long. The limit is 120 characters.
error-bad_timezone = Unknown time zone. Choose WIB, WITA or WIT.
error-villages_empty = The { $desa } list is empty.
error-villages_too_many = A forum can have at most { $max } { $desa } entries.
error-forum_not_found = Forum not found.
error-village_not_found = That { $desa } was not found in this forum.
error-not_official_of_village = You are not an official of that { $desa }.
error-bad_role = Unknown role.
error-village_required = This role needs a { $desa }. Choose it first.
error-invite_code_missing = The joining code is missing.
error-invite_not_found = Joining code not found. Please check the spelling.
error-invite_revoked = This joining code is no longer valid (cancelled, or its issuer no longer has the right). Ask a { $desa } official or the forum admin for a new one.
error-invite_already_yours = You already used this code. Your role is still active.
error-invite_used = This joining code has already been used. Ask a { $desa } official or the forum admin for a new one.
error-invite_expired = This joining code has expired. Ask a { $desa } official or the forum admin for a new one.
error-person_not_in_forum = That person is not registered in this forum yet. Send them a joining code.
error-membership_not_found = That role no longer exists.
error-last_admin = This is the forum's last admin. Add another admin before revoking this role.
error-group_in_other_forum = This group is already connected to another forum.
error-group_already_linked = This group is already connected.
error-group_code_not_found = Group code not found. Ask for a new one with /hubungkan in a private chat with me.
error-group_code_used = This group code has already been used. Ask for a new one with /hubungkan in a private chat with me.
error-bad_village_term = Unknown word. Press one of the buttons.
error-council_term_bad = Write the name in 2 to 30 letters, for example <i>Bamus</i> or <i>Tuha Peuet</i>.
error-jabatan_bad = Write the position in 2 to 60 characters, for example <i>Treasurer</i> or <i>SID operator</i>.

# Roles

role-warga = Resident
role-perangkat_desa = { $Desa } official
role-moderator = Moderator
role-admin_forum = Forum admin
role-mitra = Partner
kecamatan = sub-district
kecamatan-group = Sub-district group

# Positions (stored as keys; shown with the forum's words)

jabatan-kepala = { $kepalaDesa }
jabatan-sekretaris = { $Desa } secretary
jabatan-kaur_keuangan = Head of finance
jabatan-kaur_perencanaan = Head of planning
jabatan-kaur_umum = Head of administration
jabatan-kasi_pemerintahan = Head of governance
jabatan-kasi_kesejahteraan = Head of welfare
jabatan-kasi_pelayanan = Head of services
jabatan-kepala_dusun = Hamlet head
jabatan-ketua_bpd = { $bpd } chair
jabatan-anggota_bpd = { $bpd } member
jabatan-camat = Camat (sub-district head)
jabatan-sekretaris_kecamatan = Sub-district secretary
jabatan-staf_kecamatan = Sub-district staff
jabatan-pendamping_desa = Pendamping Desa (village facilitator)
jabatan-pengurus_bkad = { $bkad } board member
jabatan-at = { $key ->
        [kepala] { $kepalaDesa }, { $village }
        [sekretaris] { $Desa } secretary, { $village }
       *[other] { $jabatan }, { $Desa } { $village }
    }
jabatan-at-bare = { $jabatan }, { $village }
# The village word alone, to tell whether a typed position already names it.
jabatan-word = { $desa }
jabatan-official-none = Official, { $Desa } { $village }
jabatan-ask =
    What is { $who }'s position?
    Press one, or <b>Other</b> to type it.
jabatan-ask-self = What is your position in { $where }? Press one, or <b>Other</b> to type it.
jabatan-ask-typed = Type the position, for example <i>Treasurer</i> or <i>SID operator</i>.
jabatan-btn-later = 🙋 Ask the recipient
jabatan-btn-skip = ⏭️ Skip
jabatan-saved = ✅ Position saved: <b>{ $jabatan }</b>.

# Language

lang-choose = Pilih bahasa / Choose a language:
lang-changed = Language changed to English.

# Start, menu and help

start-welcome-new =
    Welcome, <b>{ $name }</b>! 👋
    I am <b>Forum Desa</b>, connecting the { $desa } communities of one sub-district: discussions across { $desa } groups, votes, meeting invitations, residents' aspirations and announcements.

    You are not registered in any forum yet. If you received a joining code, type /gabung <code>CODE</code>. Residents can also join by typing /{ $desa }ku in their { $desa } Telegram group.
start-welcome-bootstrap =
    Welcome, <b>{ $name }</b>! 👋
    You are registered as a sub-district admin. Start by creating a cooperation forum: /forumbaru
start-welcome-member =
    Welcome back, <b>{ $name }</b>! 👋
    Your roles:
    { $roles }

    Choose what you want to do:
start-role-line = • { $role }{ $hasVillage ->
        [yes] {" "}· { $Desa } { $village }
       *[no] {""}
    }{ $hasJabatan ->
        [yes] {" "}({ $jabatan })
       *[no] {""}
    } — { $forum }
start-group =
    Hello! I am <b>Forum Desa</b>. In this group I relay discussions across { $desa } groups, votes, meeting invitations and announcements.
    Type /bantuan for a short guide.

help-intro = 📖 <b>Short guide</b>
help-warga =
    <b>As a resident</b>
    • Send an aspiration or complaint: type /lapor and answer the questions one by one. I send you a ticket number and pass on every answer of the { $desa } officials.
    • Your aspirations and their status: /aspirasiku
    • Meeting invitations: press <b>Will attend</b>, <b>Cannot attend</b> or <b>Represented</b>. At the meeting, sign the attendance list with /hadir.
    • Discussions across { $desa } groups: reply to a topic card 💬 in your { $desa } group; your reply is passed on to the other groups.
    • Votes: press a choice on the 🗳️ card in your { $desa } group.
    • Not registered as a resident yet? Type /{ $desa }ku in your { $desa } Telegram group.
help-perangkat =
    <b>As a { $desa } official</b>
    • Incoming aspirations: /aspirasi_masuk, then press ✅ Verify, 🔧 Process or 🏁 Done. The reporter is told automatically.
    • Announcements to your { $desa }: /pengumuman — write it, choose recipients, check the preview, then press Send.
    • Meetings: /musyawarah — send invitations, see who will attend, open the attendance list, then send the minutes (berita acara).
    • Joining codes for your officials and residents: /kodegabung. Connect your { $desa } group: /hubungkan
help-admin =
    <b>As a forum admin</b>
    • Announcements to every { $desa }: /pengumuman
    • { $mad } and coordination meetings: /musyawarah
    • Votes across { $desa } groups: /voting
    • Joining codes for any role: /kodegabung; members and positions: /anggota; roles: /peran
    • This forum's words for { $desa } and { $bpd }: /istilah
    • Forum name, time zone, rename/merge/retire { $desa } records, officials' group: /kelola
help-moderator =
    <b>As a moderator</b>
    • Discussions: /topik to open, /tutuptopik to close.
    • In a group: reply to a message with /sembunyikan to remove it from every group, or /bisukan 2 jam.
help-mitra =
    <b>As a partner</b>
    • Cooperation exchange: /bursa — see what each { $desa } needs and post offers.
help-new =
    <b>Not registered yet</b>
    • Residents: type /{ $desa }ku in your { $desa } Telegram group.
    • With a joining code: type /gabung <code>CODE</code>.
    • Send an aspiration without registering: type /lapor.
help-footer = Menu: /menu · Language: /bahasa · Stop what is in progress: /batal
help-group =
    📖 <b>In this group</b>
    • Discussions across { $desa } groups: reply to a topic card 💬; your reply is passed on to the other groups with your name and { $desa }.
    • Votes: press a choice on the 🗳️ card.
    • Meeting invitations: press Will attend, Cannot attend or Represented. Schedule: /jadwal · Attendance list at the meeting: /hadir
    • Register as a resident of this { $desa }: /{ $desa }ku
    • Aspirations and anything personal: open a private chat with me.
help-group-admin = Group admins: connect this group to the forum with /hubungkan.
help-group-moderator = Moderators: reply to a message with /sembunyikan, /bisukan 2 jam or /bukabisu.

# Joining codes

invite-usage = Write the code after the command, for example: /gabung <code>AB3DEF7K</code>
invite-redeemed =
    ✅ Welcome aboard! You are now <b>{ $role }</b>{ $hasVillage ->
        [yes] {" "}of { $Desa } <b>{ $village }</b>
       *[no] {""}
    }{ $hasJabatan ->
        [yes] {" "}as <b>{ $jabatan }</b>
       *[no] {""}
    } in the forum <b>{ $forum }</b>.
invite-ask-role = Joining code for which role?
invite-ask-village = For which { $desa }?
invite-created =
    ✅ Joining code created: <b>{ $role }</b>{ $hasVillage ->
        [yes] {" "}of { $Desa } <b>{ $village }</b>
       *[no] {""}
    }{ $hasJabatan ->
        [yes] {" "}— { $jabatan }
       *[no] {""}
    }

    Code: <code>{ $code }</code>
    Link: { $link }

    This code can be used once, until { $expires }. Send it to the person; they just open the link or type /gabung { $code }. Unused codes, with a button to cancel each: /kode

# Forum creation and local words

forum-ask-name = What is the forum's name? For example: <i>Kerja Sama Antar { $Desa } Kecamatan Bangunrejo</i>
forum-ask-timezone = This forum's time zone?
forum-ask-village-term =
    What are the communities below the sub-district called in this forum? The word is used in every message, button and file.
    In Lampung Tengah, for example: <b>Kampung</b>.
forum-ask-council-term = What is the consultative body called? The usual name: <b>{ $bpd }</b> ({ $bpdPanjang }).
forum-ask-council-typed = Type its short name, for example <i>Bamus</i> or <i>Tuha Peuet</i>.
forum-ask-villages =
    Type the list of { $desa } names, <b>one per line</b>. A Kemendagri code may be added.
    Example:
    Sukajaya 18.02.13.2001
    Bangunrejo
    Sidorejo
forum-villages-none = I found no { $desa } names. Write one per line.
forum-villages-preview = I read { $count } { $desa } names:
forum-villages-skipped = Skipped lines:
village-parse-no_name = no { $desa } name
village-parse-name_long = name too long
village-parse-bad_chars = contains unknown characters
village-parse-duplicate = already in the list
forum-created =
    ✅ The forum <b>{ $name }</b> was created with { $count } { $desa } entries. Words: { $Desa }, { $kepalaDesa }, { $bpd }.

    Next steps:
    1. Make joining codes for the { $desa } officials: /kodegabung
    2. Connect each { $desa }'s Telegram group: /hubungkan
forum-villages-added = ✅ { $count } added.{ $skipped ->
        [0] {""}
       *[other] {" "}{ $skipped } skipped because they already exist.
    }
forum-choose = Choose a forum:
forum-switched = Active forum: { $name }

terms-current =
    🏷️ <b>Words used in the forum { $forum }</b>
    Community: <b>{ $Desa }</b> — e.g. { $kepalaDesa }, { $desa } officials, Musyawarah { $Desa }, Balai { $Desa }
    Consultative body: <b>{ $bpd }</b> ({ $bpdPanjang })

    These words are used in every message, button and file of this forum. Press a button to change them.
terms-btn-village = 🏘️ Change "{ $Desa }"
terms-btn-council = 🏛️ Change "{ $bpd }"
terms-saved =
    ✅ Saved. From now on this forum uses: <b>{ $Desa }</b>, { $kepalaDesa }, <b>{ $bpd }</b> ({ $bpdPanjang }).

# Village groups

group-code-ask-village = The group of which { $desa }?
group-code-created =
    Code to connect the group of { $hasVillage ->
        [yes] { $Desa } <b>{ $village }</b>
       *[no] the <b>sub-district</b>
    }: <code>{ $code }</code>

    How: press the button below to add me to that group. Or add me, then type in the group:
    /hubungkan { $code }
    Only a group admin can connect it. The code is valid for 3 days and can be used once.
group-link-not-admin = Only an admin of this group can connect it to the forum.
group-linked = ✅ This group is now connected as the group of { $hasVillage ->
        [yes] { $Desa } <b>{ $village }</b>
       *[no] the <b>sub-district</b>
    }. Discussions across { $desa } groups, meeting invitations and announcements will appear here.
group-added-prompt =
    Thank you for adding me. This group is not connected to a forum yet.
    Group admin: press this group's { $desa } below, or type /hubungkan <code>CODE</code>.
group-added-prompt-code =
    Thank you for adding me. This group is not connected to a forum yet.
    A { $desa } official can get a code with /hubungkan in a private chat with me; then a group admin types here: /hubungkan <code>CODE</code>
group-removed-notice = ⚠️ I was removed from the group <b>{ $title }</b> ({ $Desa } { $village }). Its connection was turned off. Add me again and reconnect it if needed.
group-migrated-notice = ℹ️ The group <b>{ $title }</b> ({ $Desa } { $village }) became a supergroup. I moved its connection; nothing needs to be done.
group-not-linked = This group is not connected to any { $desa } yet. A group admin can connect it with /hubungkan.

# Village list

# "Kampung Sukajaya": a village named with the forum's word.
village-name = { $Desa } { $name }
village-list-header = 🏘️ <b>{ $forum }</b> — { $count } { $desa } entries
village-line =
    <b>{ $name }</b> (<code>{ $code }</code>)
    Groups: { $groups }
    Officials: { $officials }
village-no-group = none yet
village-no-officials = none yet
home-ask = Which { $desa } do you live in? If you are in its Telegram group it is saved at once; otherwise its officials will confirm.
home-btn-mine = 🏠 I live in { $village }
home-group-prompt = Living in <b>{ $Desa } { $village }</b>? Press the button below so the forum knows your { $desa }. Only members of this group are registered.
home-saved = Saved: you live in { $Desa } { $village }.

# Members and roles

members-header = 👥 Forum members: { $count }
members-line = • { $name }{ $username } — { $roles }
roles-pick-person = Choose the person whose roles you want to change:
roles-btn-add = ➕ Add role
roles-btn-jabatan = 🏷️ Position: { $role }
roles-person =
    <b>{ $name }</b>
    Current roles:
    { $roles }

    Press ❌ to revoke a role, 🏷️ to change a position, or add a new role.
roles-pick-role = Which role to give?
roles-pick-village = For which { $desa }?
roles-granted = Role granted.
roles-btn-revoke-confirm = Yes, revoke
roles-revoke-confirm = Revoke this role?
roles-revoked = Role revoked.

# Commands (Telegram menu) and menu buttons

cmd-start = Main menu
cmd-menu = Main menu
cmd-bantuan = Short guide
cmd-batal = Stop what is in progress
cmd-bahasa = Change language
cmd-forumbaru = Create a cooperation forum
cmd-forum = Choose the active forum
cmd-istilah = This forum's words for { $desa } and { $bpd }
cmd-tambahdesa = Add { $desa } entries to the forum
cmd-kodegabung = Create a joining code
cmd-undang = Create a joining code
cmd-hubungkan = Connect a { $desa } Telegram group to the forum
cmd-tautkan = Connect a { $desa } Telegram group to the forum
cmd-daftar = Connect this group to the forum
cmd-gabung = Join with a joining code
cmd-desa = { $Desa } list and their groups
cmd-desaku = Choose the { $desa } you live in
cmd-anggota = Forum members and their positions
cmd-peran = Grant or revoke roles and positions

menu-bahasa = 🌐 Language
menu-forumbaru = 🏛️ New forum
menu-forum = 🔀 Choose forum
menu-istilah = 🏷️ Words
menu-tambahdesa = ➕ Add { $desa }
menu-kodegabung = 🎟️ Joining code
menu-hubungkan = 🔗 Connect group
menu-gabung = 🔑 Join
menu-desa = 🏘️ { $Desa } list
menu-desaku = 🏠 My { $desa }
menu-anggota = 👥 Members
menu-peran = 🛡️ Roles

# Membership doors: home claims, joining codes

home-already = You are already registered as a resident of { $Desa } { $village }.
home-not-in-group = Only members of this group can be registered as its residents.
home-claim-pending = Thank you. Your choice of { $Desa } { $village } was passed to its officials for confirmation. You will be told the result.
home-claim-nobody = { $Desa } { $village } has no official or admin who can confirm yet. Quickest way: type /{ $desa }ku in its Telegram group.
home-claim-card =
    🏠 <b>{ $name }</b>{ $username } says they live in <b>{ $Desa } { $village }</b>.
    Is this a resident? If so, they can take part in residents' votes and receive { $desa } announcements.
home-claim-btn-yes = ✅ Resident
home-claim-btn-no = ❌ Not a resident
home-claim-done-yes = Confirmed.
home-claim-done-no = Rejected.
home-claim-card-yes = ✅ <b>{ $name }</b> confirmed as a resident of { $Desa } { $village } by { $by }.
home-claim-card-no = ❌ <b>{ $name }</b>'s claim to live in { $Desa } { $village } was rejected by { $by }.
home-claim-confirmed = ✅ The { $desa } officials confirmed it: you are registered as a resident of <b>{ $Desa } { $village }</b>.
home-claim-rejected = The officials of { $Desa } { $village } could not confirm that you live there. If this is a mistake, contact them, or type /{ $desa }ku in your { $desa } Telegram group.
error-claim_not_found = That home claim was not found.
error-claim_decided = This claim has already been answered.
error-claim_own = Your own claim is confirmed by another { $desa } official or a forum admin.
error-invite_own = You made this code yourself; joining codes are for other people.
error-code_role_not_allowed = { $Desa } officials can make joining codes for residents and officials of their own { $desa }. Other roles are made by a forum admin.

codes-header = 🎟️ Unused joining codes: { $count }
codes-empty = No joining codes are open.
codes-line =
    <code>{ $code }</code> — { $what }
    made by { $by }, valid until { $expires }
codes-what-group = group connection for { $place }
codes-btn-new = ➕ New joining code
codes-btn-revoke = ❌ Cancel { $code }
codes-revoke-confirm = Cancel code <code>{ $code }</code>? It can no longer be used.
codes-btn-revoke-confirm = Yes, cancel it
codes-revoked = Code <code>{ $code }</code> cancelled.
cmd-kode = Joining codes still open
menu-kode = 🗝️ Open codes
codes-revoked-toast = Code cancelled.
