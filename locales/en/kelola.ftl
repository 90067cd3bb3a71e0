# Forum upkeep (/kelola) and the officials' group

cmd-kelola = Forum upkeep: name, time zone, { $desa } records, groups
menu-kelola = 🛠️ Manage forum
cmd-grupperangkat = Make this group the forum's officials' group

kelola-main =
    🛠️ <b>Forum upkeep</b>
    Name: <b>{ $forum }</b>
    Time zone: { $zone }
    Officials' group: { $group }

    Choose what to change.
kelola-none = none yet
kelola-btn-forum-name = ✏️ Forum name
kelola-btn-zone = 🕒 Time zone
kelola-btn-villages = 🏘️ { $Desa } list
kelola-btn-officials-group = 👥 Officials' group
kelola-btn-back = ◀️ Back
kelola-btn-yes = ✅ Yes, go ahead
kelola-btn-rename = ✏️ Rename
kelola-btn-code = 🔤 Change code
kelola-btn-unlink = 🔌 Unlink group
kelola-btn-replace = 🔁 Replace group
kelola-btn-new-group = ➕ Connect a group
kelola-btn-merge = 🔗 Merge
kelola-btn-retire = 🗄️ Retire

kelola-ask-forum-name = Write the forum's new name (3 to 120 characters).
kelola-ask-village-name = Write the new name, without the word "{ $Desa }".
kelola-ask-village-code = Write the new code: 2 to 5 capital letters or digits, e.g. <code>SKJ</code>. New aspiration ticket numbers use it; old ticket numbers stay.
kelola-saved-fn = ✅ The forum is now called <b>{ $name }</b>.
kelola-saved-vn = ✅ Now called <b>{ $name }</b>. Running topics, votes and meetings show this name when their cards are next updated.
kelola-saved-vc = ✅ The code is now <code>{ $name }</code>.
kelola-ask-zone = Choose the forum's time zone. Times already sent stay as they were; later messages and reminders use the new zone.
kelola-zone-saved = Time zone: { $zone }

kelola-villages = 🏘️ { $count } active { $desa } records. Choose one.
kelola-village =
    🏘️ <b>{ $name }</b>
    Code: <code>{ $code }</code>
    Group: { $groups }
kelola-merge-pick = 🔗 Merge <b>{ $village }</b> into which { $desa }? Choose the one that stays.
kelola-merge-confirm =
    Merge <b>{ $from }</b> into <b>{ $into }</b>?

    All members, groups, aspirations, topics, meetings, votes and data of <b>{ $from }</b> move to <b>{ $into }</b>. <b>{ $from }</b> is then retired (its history is kept). This cannot be undone.
kelola-merged = ✅ <b>{ $from }</b> merged into <b>{ $into }</b>: { $memberships } roles, { $groups } groups, { $aspirations } aspirations moved.
kelola-retire-confirm =
    Retire <b>{ $village }</b>?

    Its history is kept, but it is no longer offered in choices, not invited or counted in new votes and meetings, its group is unlinked, and its open join codes are cancelled.
kelola-retired = ✅ <b>{ $village }</b> retired. { $groups } groups unlinked, { $codes } codes cancelled.
kelola-unlink-confirm = Unlink the Telegram group of <b>{ $village }</b> from the forum? It will no longer receive announcements, topics and invitations.
kelola-replace-confirm = Replace the group of <b>{ $village }</b>? The current group is unlinked, then I make a code for the new one.
kelola-unlinked = ✅ { $count } group(s) of <b>{ $village }</b> unlinked from the forum.

kelola-officials-none =
    👥 <b>Officials' group</b>
    None yet. Add me to the kecamatan officials' group, then a forum admin (who also administers that group) types /grupperangkat there.
kelola-officials =
    👥 <b>Officials' group</b>: { $group }
    Ticked cards go to this group instead of to officials one by one. Secret (rahasia) aspirations still go only to the handling officials' private chats.
kelola-card-aspirations = New aspirations
kelola-card-quorum = Meeting quorum reached
kelola-card-reports = Announcement delivery reports
kelola-officials-unlink-confirm = Unlink <b>{ $group }</b> as the officials' group? Cards go back to officials one by one.
kelola-officials-linked = ✅ This group is now the forum's officials' group. New aspirations (except secret ones), meeting quorum notices and announcement delivery reports come here. Set it up with /kelola in your private chat with me.
kelola-officials-which-forum = The officials' group of which forum?

error-village_retired = That { $desa } has been retired.
error-village_name_short = The name is too short.
error-village_name_long = The name is too long. The limit is 60 characters.
error-village_name_bad = The name may only contain letters, digits, spaces, dots, hyphens and brackets.
error-village_name_taken = Another { $desa } in this forum already has that name.
error-village_code_bad = A code is 2 to 5 capital letters or digits, e.g. SKJ.
error-village_code_taken = Another { $desa } in this forum already has that code.
error-merge_same_village = Choose two different { $desa } records.
error-village_no_group = That { $desa } has no connected group yet.
error-officials_group_none = This forum has no officials' group yet.
error-group_is_village_group = This group is already a { $desa } group. Unlink it through /kelola first to make it the officials' group.
error-bad_setting = Unknown setting.
