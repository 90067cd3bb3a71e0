# General: buttons, flows, errors

btn-cancel = ❌ Cancel
btn-open-private = 💬 Open private chat
btn-save = ✅ Save
btn-retype = ✏️ Type again
btn-add-to-group = ➕ Add to group

flow-cancelled = Okay, cancelled. Nothing was saved.
flow-nothing-to-cancel = Nothing is in progress.
flow-expect-text = Please reply with text.
flow-text-too-short = Too short. Please write at least { $min } characters.
flow-text-too-long = Too long ({ $length } characters). The limit is { $max }.
flow-old-button = This button is no longer valid.
flow-use-buttons = Please choose with the buttons above, or type /batal to stop.

hint-use-private = Please continue in a private chat with me 👉
hint-unknown-command = I don't know the command /{ $command }. Type /bantuan to see what you can do.
hint-use-in-group = The command /{ $command } is used in a village group, not in a private chat.
hint-private-fallback = Sorry, I didn't understand that. Type /bantuan or /start to see the menu.

error-internal = Sorry, something went wrong on our side. Please try again in a moment.
error-flood = You are sending messages too quickly. Please wait a moment and try again.
error-old-button = This button is no longer valid.
error-not_bootstrap_admin = Only registered sub-district admins can create a new forum.
error-not_admin = Only forum admins can do this.
error-not_in_forum = You are not registered in this forum. To join: press the button or type /desaku in your village's Telegram group, or open a joining code from a village official.
error-no_forum = You are not registered in any forum yet. To join: type /desaku in your village's Telegram group, or ask a village official for a joining code, then type /gabung <code>.
error-forum_name_short = The forum name is too short. Write at least 3 characters.
error-forum_name_long = The forum name is too long. The limit is 120 characters.
error-bad_timezone = Unknown time zone. Choose WIB, WITA or WIT.
error-villages_empty = The village list is empty.
error-villages_too_many = A forum can have at most { $max } villages.
error-forum_not_found = Forum not found.
error-village_not_found = Village not found in this forum.
error-not_official_of_village = You are not a village official of that village.
error-bad_role = Unknown role.
error-village_required = This role needs a village. Choose the village first.
error-invite_code_missing = The joining code is missing.
error-invite_not_found = Joining code not found. Please check the spelling.
error-invite_revoked = This joining code is no longer valid (cancelled, or its issuer no longer has the right). Ask a village official or the forum admin for a new one.
error-invite_already_yours = You already used this code. Your role is still active.
error-invite_used = This joining code has already been used. Ask a village official or the forum admin for a new one.
error-invite_expired = This code has expired. Ask a village official or the forum admin for a new one.
error-person_not_in_forum = That person is not registered in this forum yet. Send them a joining code.
error-membership_not_found = That role no longer exists.
error-last_admin = This is the forum's last admin. Add another admin before revoking this role.
error-group_in_other_forum = This group is already linked to another forum.
error-group_already_linked = This group is already linked.
error-group_code_not_found = Group code not found. Ask for a new one with /tautkan in a private chat with me.
error-group_code_used = This group code has already been used. Ask for a new one with /tautkan.

# Roles

role-warga = Resident
role-perangkat_desa = Village official
role-moderator = Moderator
role-admin_forum = Forum admin
role-mitra = Partner
kecamatan = sub-district
kecamatan-group = Sub-district group

# Language

lang-choose = Pilih bahasa / Choose a language:
lang-changed = Language changed to English.

# Start and help

start-welcome-new =
    Welcome, <b>{ $name }</b>! 👋
    I am <b>Forum Desa</b>, connecting the villages of one sub-district: inter-village discussions, votes, meeting invitations, residents' aspirations and announcements.

    You are not registered in any forum yet. If you received an invitation code, type /gabung <code>CODE</code>. Residents can also join by typing /desaku in their village group.
start-welcome-bootstrap =
    Welcome, <b>{ $name }</b>! 👋
    You are registered as a sub-district admin. Start by creating an inter-village cooperation forum: /forumbaru
start-welcome-member =
    Welcome back, <b>{ $name }</b>! 👋
    Your roles:
    { $roles }

    Choose what you want to do:
start-role-line = • { $role }{ $hasVillage ->
        [yes] {" "}· { $village }
       *[no] {""}
    } — { $forum }
start-group =
    Hello! I am <b>Forum Desa</b>. In this group I relay inter-village discussions, votes, meeting invitations and announcements.
    Type /bantuan to see the group commands.
help-header-private = What you can do here:
help-header-group = Commands in this group:

# Invitations

invite-usage = Write the code after the command, for example: /gabung <code>AB3DEF7K</code>
invite-redeemed =
    ✅ Welcome aboard! You are now <b>{ $role }</b>{ $hasVillage ->
        [yes] {" "}of <b>{ $village }</b>
       *[no] {""}
    } in the forum <b>{ $forum }</b>.
invite-ask-role = Joining code for which role?
invite-ask-village = For which village?
invite-created =
    ✅ Invitation created: <b>{ $role }</b>{ $hasVillage ->
        [yes] {" "}of <b>{ $village }</b>
       *[no] {""}
    }

    Code: <code>{ $code }</code>
    Link: { $link }

    This code can be used once, until { $expires }. Send it to the invited person; they just open the link or type /gabung { $code }.

# Forum creation

forum-ask-name = What is the forum's name? For example: <i>Kerja Sama Antar Desa Kecamatan Bangunrejo</i>
forum-ask-timezone = This forum's time zone?
forum-ask-villages =
    Type the list of villages, <b>one village per line</b>. A Kemendagri code may be added.
    Example:
    Sukajaya 18.02.13.2001
    Bangunrejo
    Sidorejo
forum-villages-none = I found no village names. Write one village per line.
forum-villages-preview = I read { $count } villages:
forum-villages-skipped = Skipped lines:
village-parse-no_name = no village name
village-parse-name_long = name too long
village-parse-bad_chars = contains unknown characters
village-parse-duplicate = already in the list
forum-created =
    ✅ The forum <b>{ $name }</b> was created with { $count } villages.

    Next steps:
    1. Create invitations for village officials: /undang
    2. Link each village's Telegram group: /tautkan
forum-villages-added = ✅ { $count } villages added.{ $skipped ->
        [0] {""}
       *[other] {" "}{ $skipped } skipped because they already exist.
    }
forum-choose = Choose a forum:
forum-switched = Active forum: { $name }

# Village groups

group-code-ask-village = The group of which village?
group-code-created =
    Group linking code for { $hasVillage ->
        [yes] <b>{ $village }</b>
       *[no] the <b>sub-district</b>
    }: <code>{ $code }</code>

    How to link: press the button below to add me to the group, or add me and type in the group:
    /daftar { $code }
    Only a group admin can link it. The code is valid for 3 days and can be used once.
group-link-not-admin = Only an admin of this group can link it to the forum.
group-linked = ✅ This group is now linked as the group of { $hasVillage ->
        [yes] <b>{ $village }</b>
       *[no] the <b>sub-district</b>
    }. Inter-village discussions, invitations and announcements will appear here.
group-added-prompt =
    Thank you for adding me. This group is not linked to a forum yet.
    Group admin: choose this group's village below, or type /daftar <code>CODE</code>.
group-added-prompt-code =
    Thank you for adding me. This group is not linked to a forum yet.
    A village official can get a code with /tautkan in a private chat with me; then a group admin types here: /daftar <code>CODE</code>
group-removed-notice = ⚠️ I was removed from the group <b>{ $title }</b> ({ $village }). Its link was deactivated. Add me again and re-link it if needed.
group-migrated-notice = ℹ️ The group <b>{ $title }</b> ({ $village }) became a supergroup. I moved its link; nothing needs to be done.
group-not-linked = This group is not linked to any village yet. A group admin can link it with /daftar.

# Village list

village-list-header = 🏘️ <b>{ $forum }</b> — { $count } villages
village-line =
    <b>{ $name }</b> (<code>{ $code }</code>)
    Groups: { $groups }
    Officials: { $officials }
village-no-group = none yet
village-no-officials = none yet
home-ask = Which village do you live in? If you are in that village's Telegram group it is saved at once; otherwise its village officials will confirm.
home-btn-mine = 🏠 I live in { $village }
home-group-prompt = Living in <b>{ $village }</b>? Press the button below so the forum knows your village. Only members of this group are registered.
home-saved = Saved: you live in { $village }.

# Members and roles

members-header = 👥 Forum members: { $count }
roles-pick-person = Choose the person whose roles you want to change:
roles-btn-add = ➕ Add role
roles-person =
    <b>{ $name }</b>
    Current roles:
    { $roles }

    Press ❌ to revoke a role, or add a new one.
roles-pick-role = Which role to give?
roles-pick-village = For which village?
roles-granted = Role granted.
roles-btn-revoke-confirm = Yes, revoke
roles-revoke-confirm = Revoke this role?
roles-revoked = Role revoked.

# Commands (Telegram menu) and menu buttons

cmd-start = Main menu
cmd-bantuan = What I can do
cmd-bahasa = Change language
cmd-forumbaru = Create an inter-village forum
cmd-forum = Choose the active forum
cmd-tambahdesa = Add villages to the forum
cmd-undang = Create a joining code
cmd-tautkan = Link a village group
cmd-gabung = Join with a joining code
cmd-daftar = Link this group to a village
cmd-desa = Villages and their groups
cmd-desaku = Choose your home village
cmd-anggota = Forum members
cmd-peran = Grant or revoke roles

menu-bahasa = 🌐 Language
menu-forumbaru = 🏛️ New forum
menu-forum = 🔀 Choose forum
menu-tambahdesa = ➕ Add villages
menu-undang = 🎟️ Joining code
menu-tautkan = 🔗 Link group
menu-gabung = 🔑 Join
menu-desa = 🏘️ Villages
menu-desaku = 🏠 My village
menu-anggota = 👥 Members
menu-peran = 🛡️ Roles

# Membership doors: village claims, joining codes

home-already = You are already registered as a resident of { $village }.
home-not-in-group = Only members of this group can be registered as its residents.
home-claim-pending = Thank you. Your choice of { $village } was passed to its village officials for confirmation. You will be told the result.
home-claim-nobody = { $village } has no village official or admin who can confirm yet. Quickest way: type /desaku in that village's Telegram group.
home-claim-card =
    🏠 <b>{ $name }</b>{ $username } says they live in <b>{ $village }</b>.
    Is this a resident of the village? If so, they can take part in residents' votes and receive village announcements.
home-claim-btn-yes = ✅ Resident
home-claim-btn-no = ❌ Not a resident
home-claim-done-yes = Confirmed.
home-claim-done-no = Rejected.
home-claim-card-yes = ✅ <b>{ $name }</b> confirmed as a resident of { $village } by { $by }.
home-claim-card-no = ❌ <b>{ $name }</b>'s claim to live in { $village } was rejected by { $by }.
home-claim-confirmed = ✅ The village officials confirmed it: you are registered as a resident of <b>{ $village }</b>.
home-claim-rejected = The officials of { $village } could not confirm that you live there. If this is a mistake, contact them, or type /desaku in your village's Telegram group.
error-claim_not_found = That village claim was not found.
error-claim_decided = This claim has already been answered.
error-claim_own = Your own claim is confirmed by another village official or a forum admin.
error-invite_own = You made this code yourself; joining codes are for other people.
error-code_role_not_allowed = Village officials can make joining codes for residents and officials of their own village. Other roles are made by a forum admin.

codes-header = 🎟️ Unused joining codes: { $count }
codes-empty = No joining codes are open.
codes-line =
    <code>{ $code }</code> — { $what }
    made by { $by }, valid until { $expires }
codes-what-group = group link for { $place }
codes-btn-revoke = ❌ Cancel { $code }
codes-revoke-confirm = Cancel code <code>{ $code }</code>? It can no longer be used.
codes-btn-revoke-confirm = Yes, cancel it
codes-revoked = Code <code>{ $code }</code> cancelled.
cmd-kode = Joining codes still open
menu-kode = 🗝️ Open codes
codes-revoked-toast = Code cancelled.
