# Village data centre and cooperation exchange (bursa kerja sama)
# The forum's words ($desa, $Desa, $mad, …) are filled into every text by src/bot/lib/terms.ts.

cmd-profil = { $Desa } profile: population, commodities, facilities, BUMDes
cmd-potensi = Find { $desa } communities with a given commodity or potential
cmd-bursa = Cooperation exchange: needs and offers between { $desa } communities
cmd-mediasi = Kecamatan mediation: needs and pairs that need help
cmd-kerjasama = Cooperation agreements
cmd-kerjasama_ekspor = Download the list of cooperation agreements (Excel/CSV)

menu-profil = 🏘️ Profile
menu-potensi = 🌾 Potentials
menu-bursa = 🤝 Exchange
menu-mediasi = 🧭 Mediation
menu-kerjasama = 📑 Cooperation
menu-kerjasama_ekspor = 📊 Download agreements

bursa-village-label = { $Desa } { $name }
bursa-mitra-label = Partner · { $name }
bursa-no-villages = This forum has no { $desa } yet.
bursa-btn-back = ◀️ Back
bursa-btn-done = ✅ Done
bursa-btn-continue = ✅ Continue
bursa-btn-repick = ✏️ Choose again
bursa-saved = ✅ Saved.
bursa-unchanged = Nothing changed.

## Profile

bursa-profile-head = 🏘️ <b>Profile of { $Desa } { $name }</b>
bursa-profile-population = { $n } people
bursa-profile-households = { $n } households
bursa-profile-area = { $n } ha
bursa-profile-dusun = { $n } dusun
bursa-profile-empty = This profile has not been filled in yet.
bursa-profile-updated = Updated { $date }
bursa-profile-pick = Which { $desa } profile would you like to see?
bursa-profile-which = Several { $desa } match that name. Choose one:
bursa-profile-not-found = { $Desa } “{ $name }” was not found in this forum.
bursa-profile-usage = Write the { $desa } name, for example: <code>/profil Sukajaya</code>
bursa-enterprise-units = units: { $list }
bursa-enterprise-products = products/services: { $list }

bursa-field-people = Population
bursa-field-land = Territory
bursa-field-commodities = Commodities and potentials
bursa-field-facilities = Facilities
bursa-field-enterprises = BUMDes and cooperatives
bursa-field-challenges = Main challenges
bursa-field-contact = Contact
bursa-field-point = Location point
bursa-field-population = Population
bursa-field-households = Households
bursa-field-areaHa = Area (ha)
bursa-field-dusun = Dusun
bursa-field-dusunCount = Number of dusun
bursa-field-contactName = Contact name
bursa-field-contactPhone = Contact phone
bursa-field-latitude = Latitude
bursa-field-longitude = Longitude
bursa-field-category = Category
bursa-field-quantity = Quantity
bursa-field-period = When
bursa-field-place = Where
bursa-field-terms = Terms

bursa-kind-bumdes = BUMDes
bursa-kind-bumdesma = BUMDesMa
bursa-kind-koperasi = Cooperative

bursa-btn-edit = ✏️ Edit
bursa-btn-upload = 📤 Upload file
bursa-btn-template = 📄 Template
bursa-btn-history = 🕘 History

bursa-section-people = 👥 Population
bursa-section-land = 📐 Area & dusun
bursa-section-commodities = 🌾 Commodities
bursa-section-facilities = 🏫 Facilities
bursa-section-enterprises = 🏢 BUMDes/coops
bursa-section-challenges = ⚠️ Challenges
bursa-section-contact = 📞 Contact
bursa-section-point = 📍 Location

bursa-ask-section = Which part of the profile of { $Desa } <b>{ $name }</b> would you like to change?
bursa-ask-current = Now: { $value }. Type <code>-</code> to clear it.
bursa-ask-current-none = Now: not filled in.
bursa-ask-population = How many people live there? Example: 2,345
bursa-ask-households = How many households? Example: 712
bursa-ask-area = What is the area in hectares? Example: 1250 or 980.5
bursa-ask-dusun = Write the names of the dusun separated by commas, or just their number. Example: Krajan, Sumberejo, Mulyosari
bursa-ask-commodities = Write the main commodities and potentials, separated by commas. Example: rice, maize, coffee, cattle, waterfall tourism
bursa-ask-facilities = Write the facilities there are, separated by commas. Example: primary school, polindes, village market, village hall
bursa-ask-challenges = What are the { $desa }'s main challenges? Keep it short.
bursa-ask-contact-name = Who is the contact at the { $desa } office? (Only village officials and admins can see it.)
bursa-ask-contact-phone = What is that contact's phone/WhatsApp number? Example: 0812 3456 7890
bursa-ask-point = Send the location of the { $desa } office (📎 → Location), or type its coordinates, for example: <code>-4.93, 105.02</code>. It is used for distances between { $desa } in the exchange.
bursa-ask-enterprise-action = No BUMDes, BUMDesMa or cooperative is recorded yet.
bursa-ask-enterprise-action-list =
    Recorded:
    { $list }
bursa-btn-enterprise-add = ➕ Add
bursa-btn-enterprise-remove = 🗑️ Remove { $name }
bursa-ask-enterprise-kind = What kind of body is it?
bursa-ask-enterprise-name = What is its name? Example: BUMDes Maju Bersama
bursa-ask-enterprise-units = Which business units does it run? Separated by commas, or <code>-</code> if none. Example: savings and loans, machinery rental, village shop
bursa-ask-enterprise-products = Which products and services? Separated by commas, or <code>-</code>. Example: rice, organic fertiliser, tractor service
bursa-enterprise-name-needed = The name is required. Nothing was saved.
bursa-edit-done = ✅ The profile of { $Desa } <b>{ $name }</b> is up to date. Type /profil to see it.

bursa-value-not_number = That is not a number. Write digits only, for example 1250.
bursa-value-negative = The number cannot be negative.
bursa-value-too_big = The number is too large. Please check it.
bursa-value-not_whole = Please write a whole number.
bursa-value-bad_phone = Phone number not recognised. Write it like 0812 3456 7890 or +62 812 3456 7890.
bursa-value-bad_coordinates = Coordinates not recognised. Write latitude and longitude, for example: -4.93, 105.02
bursa-value-outside_indonesia = That point is outside Indonesia. Are latitude and longitude swapped?
bursa-value-too_long = Too long. Please shorten it.
bursa-value-too_many = Too many items. At most 30.

bursa-history-head = 🕘 <b>Profile history of { $Desa } { $name }</b>
bursa-history-empty = The profile of { $Desa } { $name } has never been changed.
bursa-history-more = …and { $n } more changes
bursa-source-chat = in a conversation
bursa-source-upload = by file upload

## Template and upload

bursa-sheet-profil = Profile
bursa-sheet-usaha = Enterprises
bursa-template-file = village-profile-template
bursa-template-caption = 📄 The { $desa } profile template. Sheet <b>Profile</b>: one row per { $desa }. Sheet <b>Enterprises</b>: one row per BUMDes, BUMDesMa or cooperative. It is filled with today's data; an empty cell means cleared. When done, press 📤 Upload file. A .csv with the same column headers is accepted too.
bursa-col-village = { $Desa }
bursa-col-population = Population
bursa-col-households = Households
bursa-col-areaHa = Area (ha)
bursa-col-dusun = Dusun (names or number)
bursa-col-commodities = Commodities and potentials
bursa-col-facilities = Facilities
bursa-col-challenges = Main challenges
bursa-col-contactName = Contact name
bursa-col-contactPhone = Contact phone
bursa-col-latitude = Latitude
bursa-col-longitude = Longitude
bursa-col-e-village = { $Desa }
bursa-col-e-kind = Kind
bursa-col-e-name = Name
bursa-col-e-units = Business units
bursa-col-e-products = Products and services

bursa-upload-ask = 📤 Send the filled-in template (.xlsx or .csv) as a document. Every row is checked first; if anything is wrong, nothing is saved.
bursa-upload-expect-file = Please send an .xlsx or .csv file as a document (📎 → File).
bursa-upload-wrong-type = That file is not .xlsx or .csv. Save the template as Excel (.xlsx) or CSV and send it again.
bursa-upload-too-big = The file is too large (at most 2 MB).
bursa-upload-unreadable = The file cannot be read. Make sure it is a complete Excel (.xlsx) or CSV file.
bursa-upload-too_big = The file has too many rows (at most 2,000).
bursa-upload-empty = That file is empty.
bursa-upload-preview = All rows are correct. { $count } { $desa } will be updated: { $names }. Enterprises listed: { $enterprises }. Save?
bursa-upload-done = ✅ Saved. { $villages } { $desa } checked, { $changed } changed. The changes are in 🕘 History.

bursa-import-rejected = ❌ The file has { $count } errors. Nothing was saved.
bursa-import-more = …and { $n } more errors.
bursa-import-fix = Fix the file and send it here again. Type /batal to stop.
bursa-import-where-sheet = Sheet { $sheet }
bursa-import-where-row = Sheet { $sheet }, row { $row }
bursa-import-where-cell = Sheet { $sheet }, row { $row }, column “{ $column }”
bursa-import-no_sheet = there is no Profile or Enterprises sheet.
bursa-import-no_rows = no row is filled in.
bursa-import-too_many_rows = too many rows (at most 500).
bursa-import-no_village_column = there is no { $Desa } column.
bursa-import-unknown_column = unknown column header. Use the headers of the template.
bursa-import-duplicate_column = this column appears twice.
bursa-import-village_missing = the { $desa } name is empty.
bursa-import-village_unknown = this { $desa } is not in the forum.
bursa-import-village_duplicate = this { $desa } is already in another row.
bursa-import-village_not_yours = you may change only your own { $desa }'s profile.
bursa-import-kind_unknown = the kind must be BUMDes, BUMDesMa or Cooperative.
bursa-import-name_missing = the name is empty.
bursa-import-coordinates_half = fill in both latitude and longitude, or neither.
bursa-import-not_number = not a number.
bursa-import-negative = the number cannot be negative.
bursa-import-too_big = the number is too large.
bursa-import-not_whole = must be a whole number.
bursa-import-bad_phone = phone number not recognised.
bursa-import-bad_coordinates = coordinates not recognised.
bursa-import-outside_indonesia = the point is outside Indonesia (latitude and longitude swapped?).
bursa-import-too_long = the entry is too long.
bursa-import-too_many = too many items (at most 30).

## Potentials

bursa-potensi-usage = Write the commodity or potential you are looking for, for example: <code>/potensi kopi</code>
bursa-potensi-none = No { $desa } has recorded “{ $query }” yet.
bursa-potensi-head = 🌾 { $count } { $desa } have “{ $query }”:

## Exchange

bursa-menu =
    🤝 <b>Cooperation exchange</b>
    Open needs: { $needs } · Open offers: { $offers }

    Post your { $desa }'s needs or offers. The bot matches them with other { $desa } and tells both sides.
bursa-menu-mitra =
    🤝 <b>Cooperation exchange</b>
    Open { $desa } needs: { $needs }

    As a partner you can see the { $desa }' needs and post offers.
bursa-btn-list-needs = 📥 Needs
bursa-btn-list-offers = 📤 Offers
bursa-btn-new-need = ➕ Need
bursa-btn-new-offer = ➕ Offer
bursa-btn-mine = 🗂️ Mine
bursa-btn-view-post = 👁️ View
bursa-btn-send = 📨 Send
bursa-btn-post-done = ✅ Fulfilled
bursa-btn-post-withdraw = 🗑️ Withdraw
bursa-btn-interest = 🤝 I'm interested
bursa-list-head-n = 📥 <b>Open needs</b> ({ $count })
bursa-list-head-o = 📤 <b>Open offers</b> ({ $count })
bursa-list-head-mine = 🗂️ <b>Your needs and offers</b> ({ $count })
bursa-list-empty-n = There are no open needs yet.
bursa-list-empty-o = There are no open offers yet.
bursa-list-empty-mine = You have not posted any need or offer.

bursa-post-head-need = 📥 <b>Need</b> · { $who }
bursa-post-head-offer = 📤 <b>Offer</b> · { $who }
bursa-post-matches = 🤝 { $count } matches. Press to see:
bursa-post-no-matches = No match yet. The bot will tell you when there is one.
bursa-post-closed-done = Marked as fulfilled.
bursa-post-closed-withdrawn = Withdrawn from the exchange.
bursa-status-terbuka = Open
bursa-status-selesai = Fulfilled
bursa-status-ditutup = Withdrawn

bursa-cat-alat = 🚜 Tools & machines
bursa-cat-bibit = 🌱 Seeds & seedlings
bursa-cat-saprodi = 🧪 Fertiliser & feed
bursa-cat-hasil = 🌾 Produce & products
bursa-cat-pelatihan = 🎓 Training
bursa-cat-jasa = 🛠️ Labour & services
bursa-cat-pemasaran = 🛒 Marketing
bursa-cat-modal = 💰 Capital
bursa-cat-sarana = 🏛️ Facilities & venues
bursa-cat-lainnya = 📦 Other

bursa-ask-village = For which { $desa }?
bursa-ask-partner = On behalf of which organisation? Example: Universitas Lampung, Bank BRI Bangunrejo
bursa-partner-bad = The organisation name must be 2–100 characters.
bursa-ask-category = Which category?
bursa-ask-title-need = What is needed? Short and clear. Example: <i>need a grain dryer for the July harvest</i>
bursa-ask-title-offer = What is offered? Short and clear. Example: <i>two-wheel tractor for daily rent</i>
bursa-ask-details = Any further details? (condition, size, what for)
bursa-ask-quantity = How much? Example: 2 units, 20,000 fish, 5 tonnes
bursa-ask-period = When? Example: <i>Juli–Agustus</i>, <i>1–15 Maret 2027</i>, <i>mulai Oktober</i>
bursa-ask-place = Where? (dusun, place, or delivered)
bursa-ask-terms = Any terms? Example: rental fee, fuel paid by the renter
bursa-preview-head = Preview, as other { $desa } will see it:
bursa-confirm-post = Send to the exchange?
bursa-posted-matches = ✅ Sent. There are { $count } matches; both sides have been told.
bursa-posted-none = ✅ Sent. No match yet; we will tell you when there is one.

bursa-match-head-need = 🤝 <b>A match</b> for your need “{ $title }”:
bursa-match-head-offer = 🤝 <b>Someone needs</b> your offer “{ $title }”:
bursa-match-why = A match because: { $why }
bursa-match-distance = about { $km } km away
bursa-match-overlap = the dates overlap
bursa-match-foot = Press “I'm interested” to be put in touch. The other side will be told.
bursa-interest-from-need = 👋 { $who } is interested in your offer “{ $title }” for their need “{ $other }”. Press “I'm interested” if you want to be put in touch too.
bursa-interest-from-offer = 👋 { $who } is interested in meeting your need “{ $title }” with their offer “{ $other }”. Press “I'm interested” if you want to be put in touch too.
bursa-interest-noted = Your interest is recorded. The other side has been told.
bursa-interest-both = Both sides are interested. Contacts were sent to both.
bursa-interest-already = Your interest was already recorded.
bursa-both-head = ✅ <b>Both sides are interested</b>
bursa-both-contacts = Please contact { $who }:
bursa-both-no-contact = The kecamatan will help bring both sides together.
bursa-both-foot = Once you agree, record the agreement with /kerjasama.

## Mediation

bursa-mediator-head = 🧭 <b>Exchange mediation</b>
bursa-mediator-needs = 📥 <b>Needs without an offer</b> ({ $count })
bursa-mediator-pairs = 🤝 <b>Matched pairs without follow-up</b> ({ $count })
bursa-mediator-none = —
bursa-mediator-asked = already asked
bursa-mediator-foot = 📣 asks every { $desa } about a need in a discussion topic. 🔎 opens a pair: discussion, { $mad } invitation or agreement.
bursa-pair-head = 🔎 <b>Matched pair</b>
bursa-pair-interest = Interest: the side in need { $need } · the side offering { $offer }
bursa-btn-discuss = 💬 Discussion
bursa-btn-mad = 📅 Invite to { $mad }
bursa-btn-agreement = 📑 Agreement
bursa-btn-open-topic = 💬 Open discussion
bursa-topic-title = Cooperation: { $title }
bursa-topic-description =
    📥 Need of { $needWho }: { $need }
    📤 Offer of { $offerWho }: { $offer }

    The kecamatan opened this discussion so both sides can talk about working together.
bursa-ask-all-title = Who can help: { $title }
bursa-ask-all-description =
    { $who } needs: { $title }
    { $details }
    When: { $period }

    { $Desa } that can help, please reply here.
bursa-topic-preview = This discussion topic will be sent to the groups of { $count } { $desa }:
bursa-topic-preview-all = This discussion topic will be sent to the groups of every { $desa }:
bursa-topic-confirm = Open the discussion?
bursa-topic-opened = ✅ Discussion opened in { $groups } groups.
bursa-mad-ask-when = 📅 When will this Musyawarah Antar { $Desa } take place?
bursa-mad-ask-duration = How long?
bursa-mad-title = Cooperation { $mad }: { $title }
bursa-mad-agenda-1 = Need of { $needWho } ({ $need }) and offer of { $offerWho } ({ $offer })
bursa-mad-agenda-2 = Form of cooperation, value and duration
bursa-mad-agenda-3 = Drafting the cooperation agreement
bursa-mad-confirm =
    📅 <b>{ $title }</b>
    { $date }
    📍 { $place }
    { $agenda }

    The invitation goes to the groups and the { $desa } officials of both sides. Send it?
bursa-btn-send-invite = 📨 Send invitation
bursa-mad-sent = ✅ { $mad } invitation sent to { $groups } groups and { $persons } people.

## Cooperation agreements

bursa-btn-ks-new = ➕ Record agreement
bursa-btn-ks-export = 📊 Download
bursa-btn-ks-status = 🔖 Change status
bursa-btn-ks-document = 📎 Attach document
bursa-btn-ks-evaluation = 🗓️ Add evaluation
bursa-btn-ks-file = 📄 See document
bursa-btn-ks-open = 👁️ View
bursa-ks-list-head = 📑 <b>Cooperation agreements</b> ({ $count })
bursa-ks-list-empty = No cooperation agreement is recorded yet.
bursa-ks-head = 📑 <b>Agreement <code>{ $number }</code></b>
bursa-ks-object = Object
bursa-ks-parties = Parties
bursa-ks-value = Value
bursa-ks-period = Valid
bursa-ks-status = Status
bursa-ks-document = Document
bursa-ks-document-attached = attached
bursa-ks-document-none = not attached yet
bursa-ks-evaluations = Evaluations
bursa-ks-status-draf = Draft
bursa-ks-status-ditandatangani = Signed
bursa-ks-status-berjalan = In progress
bursa-ks-status-selesai = Completed
bursa-ks-status-batal = Cancelled
bursa-ks-ask-status = Status of <code>{ $number }</code> now: { $status }. Change it to:
bursa-ks-status-changed = Status changed: { $status }.
bursa-ks-ask-parties-match = Parties to the agreement: { $parties }.
bursa-ks-ask-villages = Which { $desa } are parties?
bursa-ks-ask-others = Other parties (partners, organisations)? Write their names separated by commas.
bursa-ks-ask-object = What is the object of the cooperation? Example: tractor rental for 25 ha of land preparation
bursa-ks-ask-value = What is its value? Example: Rp 15.000.000 or 15 juta
bursa-ks-ask-period = Valid when? Example: <i>1 Januari 2027 – 30 Juni 2027</i> or <i>Januari–Juni 2027</i>
bursa-ks-ask-evaluations = Evaluation dates? Separate them with semicolons. Example: <i>1 Maret 2027; 1 Juni 2027</i>. The parties are reminded the day before at 08:00.
bursa-ks-evaluation-bad = Date “{ $text }” not recognised. Write it like 1 Maret 2027 or 01/03/2027.
bursa-ks-preview = Agreement preview:
bursa-ks-number-pending = (numbered when saved)
bursa-ks-confirm = Save as a draft?
bursa-ks-saved = ✅ Agreement <code>{ $number }</code> saved as a draft. Attach the signed document when you have it.
bursa-ks-ask-document = 📎 Send the signed agreement (PDF or photo).
bursa-ks-document-expect = Please send a document or a photo.
bursa-ks-document-saved = ✅ Document attached to <code>{ $number }</code>.
bursa-ks-ask-evaluation = Next evaluation date? Example: 1 Maret 2027
bursa-ks-evaluation-saved = ✅ Evaluation scheduled for { $date }. The parties will be reminded the day before.
bursa-ks-export-file = cooperation-agreements
bursa-ks-export-sheet = Agreements
bursa-ks-export-caption = 📊 { $count } cooperation agreements. { $counts }
bursa-ks-col-number = Number
bursa-ks-col-object = Object
bursa-ks-col-parties = Parties
bursa-ks-col-value = Value (Rp)
bursa-ks-col-start = Start
bursa-ks-col-end = End
bursa-ks-col-status = Status
bursa-ks-col-document = Document
bursa-ks-col-evaluations = Evaluations
bursa-ks-yes = Yes
bursa-ks-no = Not yet
bursa-eval-reminder = 🗓️ <b>Cooperation evaluation reminder</b> <code>{ $number }</code>: the evaluation is scheduled for { $date }.
bursa-eval-late = (This reminder was sent late.)
bursa-eval-foot = Please prepare a report on how it went. Change the status or dates with /kerjasama.

## Errors

error-bursa_not_member = You are not registered in this forum.
error-bursa_post_not_allowed = Only { $desa } officials (for their { $desa }), forum admins, or partners (for offers) can post in the exchange.
error-bursa_mitra_offers_only = Partners can post offers and see { $desa } needs.
error-bursa_bad_category = Unknown category.
error-bursa_title_short = Too short. Write at least { $min } characters.
error-bursa_title_long = Too long. The limit is { $max } characters.
error-bursa_details_long = The details are too long. The limit is { $max } characters.
error-bursa_field_long = Too long. The limit is { $max } characters.
error-bursa_partner_missing = The partner organisation's name is required.
error-bursa_period_unparsed = I did not understand when. Write it like <i>Juli–Agustus</i>, <i>1–15 Maret 2027</i> or <i>mulai Oktober</i>.
error-bursa_period_past = That time has passed.
error-bursa_post_not_found = That need or offer was not found.
error-bursa_post_closed = This need or offer is closed.
error-bursa_not_your_post = Only the { $desa } or partner who posted it can close it.
error-bursa_match_not_found = That match was not found.
error-bursa_not_your_side = This button is for the side concerned.
error-bursa_not_mediator = Only forum admins and kecamatan moderators can mediate.
error-bursa_already_discussed = A discussion has already been opened for this.
error-bursa_already_invited = A { $mad } invitation for this pair has already been sent.
error-bursa_no_villages = No { $desa } is involved.
error-profile_not_yours = You may change only your own { $desa }'s profile.
error-profile_history_not_allowed = A profile's history can be seen by that { $desa }'s officials and forum admins only.
error-profile_bad_field = Unknown profile field.
error-profile_changed = Someone else just changed this profile. Please try again.
error-potensi_query_short = Write at least 2 characters.
error-enterprise_bad_kind = The kind must be BUMDes, BUMDesMa or Cooperative.
error-enterprise_bad_name = The name must be 2–{ $max } characters.
error-enterprise_not_found = That body no longer exists.
error-enterprise_too_many = At most { $max } bodies per { $desa }.
error-import_rejected = The file has { $count } errors. Nothing was saved.
error-agreement_not_found = That agreement was not found.
error-agreement_not_manager = Only officials of a party { $desa } and forum admins can change it.
error-agreement_not_party = You can record only agreements your { $desa } is party to.
error-agreement_object_short = The object is too short.
error-agreement_object_long = The object is too long. The limit is { $max } characters.
error-agreement_parties_few = An agreement needs at least two parties.
error-agreement_parties_many = At most { $max } parties.
error-agreement_party_twice = One { $desa } is listed twice.
error-agreement_party_name_bad = A party's name must be 2–{ $max } characters.
error-agreement_value_bad = Value not recognised. Write it like Rp 15.000.000 or 15 juta.
error-agreement_period_bad = The end date is before the start date.
error-agreement_evaluations_many = At most { $max } evaluation dates.
error-agreement_evaluation_past = That evaluation date has passed.
error-agreement_evaluation_twice = That evaluation date already exists.
error-agreement_status_bad = That status cannot follow the current one.
error-agreement_changed = Someone else just changed this agreement. Please look again.
error-agreement_closed = This agreement is completed or cancelled.
error-agreement_document_bad = Document not recognised. Send it again as a file or a photo.
