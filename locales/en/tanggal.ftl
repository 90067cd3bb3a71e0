# Dates as villagers write them: the shared date step of every flow, and /kalender (forum admins).

cmd-kalender = Set the forum's prayer times and holidays
menu-kalender = 📅 Calendar

## Reading a typed date (every flow that asks for one)
tanggal-unparsed = Sorry, I did not understand that time. Write the date and time, e.g. <code>besok 09.00</code>, <code>Senin 14.00</code> or <code>7/12 08.30</code>.
tanggal-unparsed-words = Sorry, I did not understand the word <b>{ $words }</b> in that time. Write only the date and time, e.g. <code>besok 09.00</code>, <code>Senin 14.00</code> or <code>malam Jumat ba'da Isya</code>.
tanggal-invalid = That date or time is not on the calendar. Please check it, e.g. <code>28/02 09.00</code>.
tanggal-no-time = Please include the time too, e.g. <code>{ $example }</code>.
tanggal-ambiguous = 🕑 Do you mean <b>{ $am }</b> or <b>{ $pm }</b>?
tanggal-btn-night = 🌙 { $time }
tanggal-btn-day = ☀️ { $time }
tanggal-ambiguous-took = { $dropped } cannot be used, so I read it as <b>{ $taken }</b>.
tanggal-confirm = 📅 <b>{ $when }</b> — correct?
tanggal-confirm-anchor = ({ $prayer } = { $time }, as set for this forum)
tanggal-btn-right = ✅ Correct
tanggal-btn-change = ✏️ Change
tanggal-retype = Please write the date and time again.

tanggal-prayer-subuh = after Subuh
tanggal-prayer-dzuhur = after Dzuhur
tanggal-prayer-ashar = after Ashar
tanggal-prayer-maghrib = after Maghrib
tanggal-prayer-isya = after Isya
tanggal-prayer-jumatan = after Friday prayer

## /kalender
tanggal-screen =
    📅 <b>Calendar of { $forum }</b>

    🕌 <b>Prayer times</b> (used when people write "ba'da Isya" and the like):
    { $prayers }

    🗓️ <b>Coming holidays</b> (not counted as working days):
    { $holidays }

    Source of national holidays and cuti bersama:
    { $sources }
tanggal-holiday-local = forum holiday
tanggal-holiday-cuti = cuti bersama
tanggal-source-partial = partial; add the others as forum holidays
tanggal-source-missing = no data yet; add them as forum holidays
tanggal-holidays-none = None yet.
tanggal-btn-prayer = 🕌 Change prayer times
tanggal-btn-holiday-add = ➕ Add a holiday
tanggal-btn-holiday-remove = ➖ Remove a holiday
tanggal-ask-prayer = Which prayer time?
tanggal-ask-prayer-time = What time does <b>{ $prayer }</b> mean? Write the time, e.g. <code>19.30</code>.
tanggal-prayer-time-bad = Write the time like 19.30 (00.00–23.59).
tanggal-prayer-saved = ✅ Saved: { $prayer } = { $time }.
tanggal-ask-holiday-date = Which date is the holiday? E.g. <code>17/12</code> or <code>tanggal lima belas</code>.
tanggal-ask-holiday-name = What is this holiday called? E.g. <i>HUT Kampung Sukajaya</i>.
tanggal-holiday-added = ✅ { $date } — <b>{ $name }</b> is now a forum holiday. Aspiration deadlines do not count this day.
tanggal-ask-holiday-remove = Which forum holiday should be removed?
tanggal-holiday-removed = ✅ That holiday has been removed.

error-tanggal_bad_prayer = That prayer time is not known.
error-tanggal_bad_time = Write the time like 19.30 (00.00–23.59).
error-tanggal_holiday_name = A holiday's name has 3 to { $max } characters.
error-tanggal_bad_date = That date is not on the calendar.
error-tanggal_holiday_past = That date has passed. Write today's date or a later one.
error-tanggal_holiday_exists = That date is already a forum holiday.
error-tanggal_holiday_national = That date is already a national holiday or cuti bersama: { $name }.
error-tanggal_holidays_full = A forum can have at most { $max } holidays. Remove some first.
error-tanggal_holiday_not_found = That holiday no longer exists.
