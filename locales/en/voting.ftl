# Voting across villages and quick polls

cmd-voting = Votes: list, create, results
menu-voting = 🗳️ Votes

## Card in the village groups

vote-card-title = 🗳️ <b>Vote</b>
vote-card-title-closed = 🗳️ <b>Vote — closed</b>
vote-option-line = { $n }. { $option }
vote-option-count = { $n }. { $option } — <b>{ $count }</b> ({ $percent })
vote-card-ballots = Ballots cast: <b>{ $count }</b>
vote-card-closes = Voting deadline: { $date }
vote-card-closes-manual = Voting deadline: until the organiser closes it
vote-card-closed = Closed { $date }. Full results below.
vote-card-hint-single = Press one option. You can change it until the vote closes.
vote-card-hint-multi = Press one or more options; press again to remove one. You can change it until the vote closes.
vote-card-hint-secret = 🔒 Secret ballot: press <b>Vote</b>, the ballot comes in a private chat. Results are announced after closing.
vote-card-secret-village-note = A { $desa } with fewer than { $min } votes casts no { $desa } vote, so that its voters' choices stay secret.
vote-rule-terbuka = Open ballot
vote-rule-rahasia = Secret ballot
vote-rule-single = one answer
vote-rule-multi = several answers allowed
vote-rule-per_orang = counted per person
vote-rule-satu_desa = one { $desa }, one vote
vote-rule-anggota_grup = { $desa } group members
vote-rule-warga_terdaftar = registered residents
vote-rule-perangkat_desa = { $desa } officials only
vote-rule-quorum = quorum { $quorum }
vote-rule-quick = Quick poll (Telegram poll, anonymous)
vote-btn-secret = 🗳️ Vote
vote-btn-villages = 📊 Per { $desa }

## Answers to presses (seen only by the person who pressed)

vote-cast = ✅ Your vote for «{ $option }» is recorded. You can change it until the vote closes.
vote-changed = 🔄 Your choice is now «{ $option }».
vote-unchanged = You already chose «{ $option }».
vote-multi-now = ✅ Your choices now: { $options }. Press again to remove one.
vote-withdrawn = All your choices are removed; your ballot is not counted.
vote-ballot-sent-private = I have sent the ballot to your private chat 👉
vote-villages-sent-private = I have sent the breakdown per { $desa } to your private chat 👉

## Private ballot

vote-ballot-title = 🗳️ <b>Ballot</b> · { $Desa } { $village }
vote-ballot-hint-single = Choose one answer, then press ✅ Cast vote.
vote-ballot-hint-multi = Choose one or more answers, then press ✅ Cast vote.
vote-ballot-secret-note = 🔒 Secret: nobody, admins included, can find out your choice. Your vote cannot be changed once cast.
vote-ballot-current = Your current choice: { $options }. You can change it until the vote closes.
vote-btn-submit = ✅ Cast vote
vote-ballot-pick-first = Choose an answer first, then press Cast vote.
vote-ballot-done-secret = ✅ Your secret vote is recorded. Thank you.
vote-ballot-done = ✅ Your vote is recorded: { $options }. Thank you.
vote-ballot-cancelled = Ballot closed without voting. You can vote again from the { $desa } group.

## Results

vote-results-title = 🗳️ <b>Vote results</b>
vote-results-title-quick = ⚡ <b>Quick poll results</b>
vote-outcome-winner = Most votes: { $option } ({ $votes } votes)
vote-outcome-tie = Tie: { $options } ({ $votes } votes each)
vote-outcome-none = No votes were cast.
vote-outcome-withheld-open = Results are announced after closing.
vote-outcome-withheld-few = Results are not announced: only { $ballots } votes were cast. With fewer than { $min } votes, the results would reveal the voters' choices.
vote-outcome-village-none = No { $desa } produced a { $desa } vote.
vote-outcome-village-winner = Result, one { $desa } one vote: { $option }, chosen by { $votes } of { $villages }
vote-outcome-village-tie = Tie: { $options } ({ $votes } { $desa } votes each)
vote-quorum-reached = Quorum { $quorum }: ✅ reached — { $ballots } of { $base } voted (at least { $required })
vote-quorum-missed = Quorum { $quorum }: ❌ not reached — { $ballots } of { $base } voted (at least { $required })
vote-quorum-unknown = Quorum { $quorum }: the number of members is unknown, so the quorum cannot be checked.
vote-quorum-half-plus-one = ½ + 1
vote-majority-yes = More than half (½ + 1): ✅ { $option } — { $votes } of { $base } { $unit } (at least { $required })
vote-majority-no = More than half (½ + 1): ❌ no option has more than half — the most is { $votes } of { $base } { $unit } (at least { $required })
vote-majority-unit-people = voters
vote-majority-unit-villages = { $desa } groups
vote-results-bahan = ℹ️ This vote is <b>material for the meeting</b> (bahan musyawarah), not a decision. The decision is taken in the musyawarah and written in its berita acara.
vote-results-bahan-short = Material for the meeting, not a decision.
vote-results-totals = <b>Totals</b> — { $ballots } voters{ $turnout }
vote-results-turnout = , turnout { $percent }
vote-results-totals-withheld-few_ballots = Totals per option are withheld because fewer than { $min } votes were cast.
vote-results-totals-withheld-protects_small = Totals per option are withheld: from them the choices in { $desa } groups with fewer than { $min } votes could be worked out.
vote-results-villages = <b>Per { $desa }</b> (voters · votes per option)
vote-results-your-village = <b>Your { $desa }</b>
vote-results-more-villages = The other { $n }: press 📊 Per { $desa } (sent in a private chat).
vote-village-line = • <b>{ $village }</b>: { $ballots } of { $base } { $baseLabel } ({ $turnout })
vote-village-line-nobase = • <b>{ $village }</b>: { $ballots } voters
vote-village-top = → { $option }
vote-village-tie = → tie (options { $options })
vote-village-hidden = details withheld (fewer than { $min } votes)
vote-village-hidden-no-vote = details withheld and no { $desa } vote (fewer than { $min } votes)
vote-village-pooled = details withheld, so that the choices in { $desa } groups with fewer than { $min } votes cannot be worked out
vote-village-none = no votes yet
vote-base-anggota = group members
vote-base-warga = registered residents
vote-base-perangkat = { $desa } officials
vote-village-summary = One { $desa } one vote (option: count): { $summary }
vote-village-summary-tied = tied { $n }
vote-village-summary-without = no votes { $n }
vote-village-summary-too-few = fewer than { $min } votes { $n }
vote-results-closed-at = Closed { $date }.
vote-results-organiser-note = Download the results for your records or the minutes:
vote-quick-caveat = Quick polls are anonymous; someone in two groups can answer twice.
vote-chart-title = Results: { $question }
vote-chart-subtitle = { $ballots } voters · { $villages } { $desa }
vote-chart-axis = Votes
vote-chart-axis-ballots = Voters
vote-btn-csv = 📄 CSV
vote-btn-xlsx = 📊 Excel

## Breakdown per village (on request)

vote-villages-title = 📊 <b>Breakdown per { $desa }</b>
vote-villages-secret-open = choices are revealed after closing
vote-villages-live = Provisional figures; the vote is still open.
vote-villages-final = Final results.

## Reminders

vote-reminder =
    ⏰ <b>Vote reminder</b>
    <b>{ $question }</b>
    Voting deadline: { $date }. You have not voted yet.
vote-btn-open-ballot = 🗳️ Vote

## List and details

vote-list-title = 🗳️ <b>Votes</b> — { $forum }
vote-list-title-village = 🗳️ <b>Votes of { $Desa } { $village }</b>
vote-list-empty = No votes are open or closed in the last 30 days.
vote-list-open = <b>Open</b>
vote-list-closed = <b>Closed</b>
vote-list-item-open = { $n }. { $question } — { $ballots } votes · deadline { $date }
vote-list-item-open-manual = { $n }. { $question } — { $ballots } votes · closed by hand
vote-list-item-closed = { $n }. { $question } — { $ballots } votes · closed { $date }
vote-btn-new = ➕ New vote
vote-btn-quick = ⚡ Quick poll
vote-btn-open-detail = 🗳️ Open vote
vote-detail-villages = Taking part: { $villages }
vote-detail-reminders = Reminders: { $list }
vote-before-days = { $n } days before
vote-before-hours = { $n } hours before
vote-before-minutes = { $n } minutes before
vote-btn-close = ⏹ Close now
vote-btn-extend = ⏱ Extend
vote-btn-back = ◀️ Back
vote-close-confirm = Close this vote now? The results will be sent to every participating group.
vote-btn-close-yes = ✅ Yes, close
vote-closing = ⏹ The vote is being closed. Results will be sent to every group and to you shortly.
vote-extend-menu =
    Now: { $current }
    Extend by how long?
vote-btn-extend-type = ✏️ Type a date
vote-extend-ask = Extend until when? Choose, or type a date and time, e.g.: <i>Friday 17:00</i>
vote-extended = ⏱ Extended. Voting deadline now: { $date }.
vote-export-caption = Results: { $question }

## Creating a vote

vote-ask-question =
    What is the question? Keep it short and clear.
    Example: <i>Do you agree to the shared market in Sukajaya?</i>
vote-ask-options =
    Write the answer options, <b>one per line</b> (2–10 options).
    Example:
    Agree
    Disagree
vote-btn-yes-no = Agree / Disagree
vote-yes = Agree
vote-no = Disagree
vote-ask-multiple = How many answers may each person choose?
vote-btn-single = One answer
vote-btn-multi = Several
vote-ask-ballot =
    Kind of vote:
    • <b>Open</b>: totals are visible while it runs; choices can be changed until closing.
    • <b>Secret</b>: results are shown only after closing, and nobody — admins included — can find out who chose what. That is why a vote <b>cannot be changed</b> once cast.
vote-btn-terbuka = 👁 Open
vote-btn-rahasia = 🔒 Secret
vote-ask-villages = Which { $desa } groups take part? Press one to select it, then press ✅ Done.
vote-villages-no-group = Without a connected group, these cannot be chosen: { $villages }
vote-btn-all = Every { $desa }
vote-btn-done = ✅ Done
vote-pick-at-least-one = Choose at least one.
vote-ask-counting =
    How to count:
    • <b>Per person</b>: everyone has one vote, added up across all { $desa } groups.
    • <b>One { $desa }, one vote</b>: each { $desa }'s majority is its vote (material for the { $mad }). A tie inside one is recorded as a tie.
vote-ask-counting-secret-note = 🔒 Because the vote is secret: a { $desa } with fewer than 3 votes casts no { $desa } vote, so that its voters' choices are not revealed.
vote-btn-per_orang = 👤 Per person
vote-btn-satu_desa = 🏘 One { $desa }, one vote
vote-ask-eligibility = Who may vote?
vote-btn-anggota_grup = 👥 { $Desa } group members
vote-btn-warga_terdaftar = 🏠 Registered residents
vote-btn-perangkat_desa = 🏛 { $Desa } officials only
vote-ask-deadline = When does the vote close? Choose, or type a date and time, e.g.: <i>tomorrow 17:00</i> or <i>7 December 09:00</i>.
vote-ask-deadline-quick = When does the poll close? Choose, or type a date and time, e.g.: <i>tomorrow 17:00</i>.
vote-btn-1h = 1 hour
vote-btn-1d = 1 day
vote-btn-3d = 3 days
vote-btn-7d = 1 week
vote-btn-manual = Close by hand
vote-deadline-chosen = Voting deadline: { $date }
vote-deadline-unparsed = I could not read that date. Try again, e.g.: <i>tomorrow 17:00</i> or <i>Friday 09:00</i>.
vote-deadline-no-time = Please include the time, e.g.: <i>Friday 17:00</i>.
vote-deadline-past = That time has passed or is less than 5 minutes away. Try a later time.
vote-deadline-far = That is too far ahead. At most one year from now.
vote-ask-quorum = Is a quorum (minimum share who vote) needed? Press one, or type a fraction or a percentage, e.g. <i>3/4</i> or <i>60</i>
vote-btn-no-quorum = No quorum
vote-btn-two-thirds = 2/3
vote-btn-half-plus-one = ½ + 1 (more than half)
vote-quorum-bad = Type a percentage from 1 to 100 (e.g. <i>60</i>) or a fraction (e.g. <i>3/4</i>).
vote-ask-reminders = Send reminders to registered residents who have not voted? Choose when (several allowed), then ✅ Done. Nothing chosen means no reminders.
vote-preview-intro = Preview — this is how the message will look in every group:
vote-preview-confirm =
    Send to { $groups } groups ({ $villages } { $desa })?
    <i>{ $rules }</i>
vote-btn-send = ✅ Send
vote-created = ✅ The vote was sent to { $groups } groups. I will send you the results after it closes.
vote-no-villages-available = No { $desa } has a connected Telegram group yet. Connect the groups first with /hubungkan.

## Quick poll

vote-quick-intro =
    ⚡ A <b>quick poll</b> uses Telegram's own poll: anonymous and familiar to everyone. What it <b>cannot</b> promise:
    • someone in two groups can answer twice;
    • there is no list of who answered, so no reminders;
    • no one-{ $desa }-one-vote counting and no quorum.
    The poll is sent protected: it cannot be forwarded to other groups, so only answers in the participating { $desa } groups count.
    For official material for a meeting, use a formal vote.
vote-btn-quick-go = ⚡ Continue with a quick poll
vote-btn-formal-instead = 🗳️ A formal vote instead
vote-formal-instead = Fine. Press the button below to create a formal vote.
vote-quick-preview =
    Quick poll preview:
    <b>{ $question }</b>
    { $options }
    Answer by: { $date } · { $groups } groups
vote-quick-group-note = ⚡ The <b>quick poll</b> above cannot be forwarded to other groups. Only answers in this group count for { $Desa } { $village }. Answer by: { $date }; the results will be announced here.
vote-quick-created = ✅ The quick poll is being sent to { $groups } groups. Answer by: { $date }; the combined and per-{ $desa } results will be sent to every group and to you.

## Result files

vote-sheet-villages = Per { $desa }
vote-sheet-ballots = Ballots
vote-col-village = { $Desa }
vote-col-ballots = Voters
vote-col-base = Turnout base
vote-col-turnout = Turnout (%)
vote-col-village-choice = { $Desa } choice
vote-col-note = Note
vote-col-hidden-note = Withheld (fewer than { $min } votes)
vote-col-hidden-note-no-vote = Withheld — no { $desa } vote (fewer than { $min } votes)
vote-col-pooled-note = Withheld (protects { $desa } groups with fewer than { $min } votes)
vote-col-totals-withheld = Withheld (so that voters' choices cannot be worked out)
vote-col-tie = Tie
vote-col-total = Total
vote-col-not-final = Provisional (still open)
vote-col-name = Name
vote-col-username = Username
vote-col-choice = Choice
# File names of the CSV export (letters, digits and dashes only).
vote-file-villages = per-{ $desa }
vote-file-ballots = ballots
vote-col-time = Time

## Errors

error-vote_not_found = That vote was not found.
error-vote_not_here = This button is no longer valid.
error-vote_closed = This vote is closed.
error-vote_already_voted = You have already voted. A secret vote cannot be changed.
error-vote_not_member = Only members of the participating { $desa } groups can vote.
error-vote_not_resident = Only registered residents of the participating { $desa } groups can vote. Register your { $desa } with /{ $desa }ku.
error-vote_not_official = This vote is for the officials of the participating { $desa } groups only.
error-vote_bad_choice = This button is no longer valid.
error-vote_not_organiser = Only { $desa } officials or forum admins can create votes.
error-vote_not_organiser_of = Only the organiser or a forum admin can do this.
error-vote_options_few = At least { $min } options are needed, one per line.
error-vote_options_many = At most { $max } options.
error-vote_option_long = An option can be at most { $max } characters.
error-vote_option_duplicate = The option «{ $option }» is listed twice.
error-vote_question_short = The question is too short. Write at least { $min } characters.
error-vote_question_long = The question is too long. The limit is { $max } characters.
error-vote_closes_too_soon = The voting deadline must be at least 5 minutes from now.
error-vote_closes_too_late = The voting deadline can be at most one year from now.
error-vote_quorum_bad = The quorum must be a percentage from 1 to 100 or a fraction such as 2/3.
error-vote_bad_setting = Unknown setting. Please start again with /voting.
error-vote_no_villages = Choose at least one { $desa }.
error-vote_village_no_group = { $Desa } { $village } has no connected Telegram group yet.
error-vote_extend_earlier = The new time must be later than the current closing time.
error-vote_export_secret_open = The results of a secret vote can be downloaded only after it closes.
