# Monthly report (cooperation indicators) and yearly indicators

cmd-laporan = Monthly report on cooperation between { $desa }: charts and Excel
cmd-indikator = Yearly { $desa } indicators (IDM and others): enter, upload, template
menu-laporan = 📊 Report
menu-indikator = 📈 Indicators

error-laporan_not_allowed = Reports are for { $desa } officials, kecamatan staff and forum admins.
error-laporan_month_bad = That month is not available. Pick one of the month buttons.
error-indikator_not_allowed = Indicators are entered by forum admins, and by { $desa } officials for their own { $desa }.
error-indikator_new_admin_only = Only forum admins can add a new kind of indicator.
error-indikator_idm_score_bad = The IDM score is a number between 0 and 1, e.g. 0.7123.
error-indikator_idm_status_bad = The IDM status must be one of: Sangat Tertinggal, Tertinggal, Berkembang, Maju, Mandiri.
error-indikator_value_empty = The value is empty. Write a number or a short text.
error-indikator_year_bad = That year cannot be used.
error-indikator_name_bad = The indicator's name is empty.
error-indikator_too_many = This forum already has { $max } indicators of its own; no more can be added.

laporan-title = 📊 <b>Report { $forum }</b> — { $month }
    { $scope }
laporan-scope-all = All { $desa } ({ $count })
laporan-trend-up = up { $pct }
laporan-trend-down = down { $pct }
laporan-trend-same = unchanged
laporan-sum-active = 👥 Participation { $trend } compared with { $prev }: { $n } active members.
laporan-sum-active-new = 👥 { $n } active members (nothing to compare with in the month before).
laporan-sum-year = Compared with { $month }: { $trend } ({ $n } active members then).
laporan-sum-discussion = 💬 { $messages } messages relayed in { $topics } topics.
laporan-sum-votes = 🗳️ { $votes } votes closed, turnout { $turnout }.
laporan-sum-meetings = 📅 { $meetings } meetings, attendance { $attendance }, quorum reached in { $quorum }.
laporan-sum-aspirations = 📝 Aspirations: { $received } received, { $verified } verified, { $resolved } resolved.
laporan-sum-medians = ⏱️ Median { $verify } days to verification, { $resolve } days to resolution.
laporan-sum-overdue = ⏰ { $count } aspirations past their deadline in { $Desa } { $village }.
laporan-sum-announcements = 📢 Announcements: { $delivered } delivered, { $failed } failed.
laporan-sum-bursa = 🤝 Bursa: { $needs } needs, { $offers } offers, { $matches } matches, { $agreements } agreements.
laporan-sum-idm = 📈 IDM status { $year }: { $list }.
laporan-sum-files = Figures per { $desa } are in the charts and the Excel file below. Pick another month with the buttons.
laporan-xlsx-caption = Report per { $desa }: one sheet per measure, compared with the month before and the same month last year.
laporan-monthly-intro = 🗓️ Automatic monthly report for forum admins and kecamatan staff.

laporan-chart-active = Active members per { $desa }
laporan-chart-people = People
laporan-chart-aspirations = Aspirations per { $desa }, { $month }
laporan-chart-tickets = Aspirations
laporan-chart-received = Received
laporan-chart-resolved = Resolved
laporan-chart-overdue = Past deadline

laporan-col-village = { $Desa }
laporan-col-change-prev = Change from last month (%)
laporan-col-change-year = Change from last year (%)
laporan-row-forum = Whole forum
laporan-sheet-indicators = Yearly indicators
laporan-m-active = Active members
laporan-m-messages = Messages relayed
laporan-m-topics = Active topics
laporan-m-votes = Votes
laporan-m-turnout = Vote turnout (%)
laporan-m-meetings = Meetings
laporan-m-attendance = Attendance (%)
laporan-m-quorum = Quorum reached (%)
laporan-m-asp-received = Aspirations received
laporan-m-asp-verified = Aspirations verified
laporan-m-asp-resolved = Aspirations resolved
laporan-m-asp-overdue = Aspirations overdue
laporan-m-median-verify = Median days to verify
laporan-m-median-resolve = Median days to resolve
laporan-m-ann-delivered = Announcements delivered
laporan-m-ann-failed = Announcements failed
laporan-m-needs = Bursa needs
laporan-m-offers = Bursa offers
laporan-m-matches = Bursa matches
laporan-m-agreements = Agreements

indikator-screen = 📈 <b>Yearly indicators { $year }</b>

    { $lines }

    Enter values one by one, or download the Excel template, fill it in and send it back.
indikator-none = not entered yet
indikator-more = … and { $count } more
indikator-btn-enter = ✏️ Enter value
indikator-btn-template = 📄 Template
indikator-btn-import = 📥 Upload
indikator-btn-new = ➕ Other indicator
indikator-idm-score = IDM score
indikator-idm-status = IDM status
indikator-col-year = Year
indikator-status-sangat_tertinggal = Sangat Tertinggal
indikator-status-tertinggal = Tertinggal
indikator-status-berkembang = Berkembang
indikator-status-maju = Maju
indikator-status-mandiri = Mandiri
indikator-ask-village = For which { $desa }?
indikator-ask-year = For which year?
indikator-ask-which = Which indicator?
indikator-ask-name = Write the new indicator's name (at most { $max } letters), e.g.: Share of decent housing.
indikator-ask-status = Pick the IDM status:
indikator-ask-score = Write the IDM score, a number between 0 and 1, e.g. 0.7123.
indikator-ask-value = Write the value of { $name } (a number or a short text).
indikator-saved = ✅ { $name } of { $Desa } { $village } for { $year } saved.
indikator-score-hint = By that score the status is { $status }; enter the IDM status too if you have not.
indikator-template-caption = Indicator template: one row per { $desa }. Fill in the columns, then send this file with <b>📥 Upload</b>.
indikator-import-ask = Send an Excel (.xlsx) or CSV file with the template's columns: <b>{ $Desa }</b>, <b>Tahun</b>, <b>Skor IDM</b>, <b>Status IDM</b>, and other indicators.
indikator-import-expect-file = Send the file as a document (.xlsx or .csv), or press ❌ Cancel.
indikator-import-wrong-type = That file is not .xlsx or .csv.
indikator-import-too-big = That file is too big (2 MB at most).
indikator-import-empty = No value could be read from that file.
indikator-import-done = ✅ Indicators from the file saved: { $villages } { $desa }, { $values } values ({ $changed } changed).
indikator-import-errors = The file was not saved; please fix:
indikator-import-error-line = • Row { $row }, column { $column }: { $reason }
indikator-import-village-unknown = unknown { $desa } name in this forum
indikator-import-village-not-allowed = you do not enter values for this { $desa }
indikator-import-idm-score-bad = the IDM score must be between 0 and 1
indikator-import-idm-status-bad = unknown IDM status
indikator-import-new-indicator-admin-only = only forum admins can add a new indicator
indikator-import-year-bad = the year cannot be used
indikator-import-file-unreadable = That file cannot be read. Save it as .xlsx or .csv and send it again.
indikator-import-file-too-big = That file has too many rows.
indikator-import-file-empty = That file is empty.
