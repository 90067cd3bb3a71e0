# Dates as villagers write them: the shared date step of every flow, and /kalender (forum admins).

cmd-kalender = Atur waktu sholat dan hari libur forum
menu-kalender = 📅 Kalender

## Reading a typed date (every flow that asks for one)
tanggal-unparsed = Maaf, saya belum mengerti waktu itu. Tulis tanggal dan jamnya, misalnya: <code>besok 09.00</code>, <code>Senin 14.00</code> atau <code>7/12 08.30</code>.
tanggal-unparsed-words = Maaf, saya belum mengerti kata <b>{ $words }</b> dalam waktu itu. Tulis tanggal dan jamnya saja, misalnya: <code>besok 09.00</code>, <code>Senin 14.00</code> atau <code>malam Jumat ba'da Isya</code>.
tanggal-invalid = Tanggal atau jam itu tidak ada di kalender. Periksa lagi, misalnya: <code>28/02 09.00</code>.
tanggal-no-time = Mohon sertakan jamnya juga, misalnya: <code>{ $example }</code>.
tanggal-ambiguous = 🕑 Maksud Bapak/Ibu pukul <b>{ $am }</b> atau pukul <b>{ $pm }</b>?
tanggal-btn-night = 🌙 { $time }
tanggal-btn-day = ☀️ { $time }
tanggal-ambiguous-took = Pukul { $dropped } tidak bisa dipakai, jadi saya baca pukul <b>{ $taken }</b>.
tanggal-confirm = 📅 <b>{ $when }</b> — benar?
tanggal-confirm-anchor = ({ $prayer } = pukul { $time }, sesuai pengaturan forum)
tanggal-btn-right = ✅ Benar
tanggal-btn-change = ✏️ Ubah
tanggal-retype = Silakan tulis lagi tanggal dan jamnya.

tanggal-prayer-subuh = ba'da Subuh
tanggal-prayer-dzuhur = ba'da Dzuhur
tanggal-prayer-ashar = ba'da Ashar
tanggal-prayer-maghrib = ba'da Maghrib
tanggal-prayer-isya = ba'da Isya
tanggal-prayer-jumatan = habis Jumatan

## /kalender
tanggal-screen =
    📅 <b>Kalender { $forum }</b>

    🕌 <b>Waktu sholat</b> (dipakai saat warga menulis "ba'da Isya" dan sejenisnya):
    { $prayers }

    🗓️ <b>Hari libur mendatang</b> (tidak dihitung sebagai hari kerja):
    { $holidays }

    Sumber hari libur nasional dan cuti bersama:
    { $sources }
tanggal-holiday-local = libur forum
tanggal-holiday-cuti = cuti bersama
tanggal-source-partial = baru sebagian; tambahkan yang lain sebagai libur forum
tanggal-source-missing = belum ada data; tambahkan sebagai libur forum
tanggal-holidays-none = Belum ada.
tanggal-btn-prayer = 🕌 Ubah waktu sholat
tanggal-btn-holiday-add = ➕ Tambah hari libur
tanggal-btn-holiday-remove = ➖ Hapus hari libur
tanggal-ask-prayer = Waktu sholat mana yang diubah?
tanggal-ask-prayer-time = Pukul berapa yang dimaksud dengan <b>{ $prayer }</b>? Tulis jamnya, misalnya <code>19.30</code>.
tanggal-prayer-time-bad = Tulis jamnya seperti 19.30 (00.00–23.59).
tanggal-prayer-saved = ✅ Tersimpan: { $prayer } = pukul { $time }.
tanggal-ask-holiday-date = Tanggal berapa hari liburnya? Misalnya <code>17/12</code> atau <code>tanggal lima belas</code>.
tanggal-ask-holiday-name = Apa nama hari libur ini? Misalnya <i>HUT Kampung Sukajaya</i>.
tanggal-holiday-added = ✅ { $date } — <b>{ $name }</b> dicatat sebagai hari libur forum. Batas waktu aspirasi tidak menghitung hari ini.
tanggal-ask-holiday-remove = Hari libur forum mana yang dihapus?
tanggal-holiday-removed = ✅ Hari libur itu sudah dihapus.

error-tanggal_bad_prayer = Waktu sholat itu tidak dikenal.
error-tanggal_bad_time = Tulis jamnya seperti 19.30 (00.00–23.59).
error-tanggal_holiday_name = Nama hari libur 3 sampai { $max } huruf.
error-tanggal_bad_date = Tanggal itu tidak ada di kalender.
error-tanggal_holiday_past = Tanggal itu sudah lewat. Tulis tanggal hari ini atau sesudahnya.
error-tanggal_holiday_exists = Tanggal itu sudah tercatat sebagai hari libur forum.
error-tanggal_holiday_national = Tanggal itu sudah libur nasional atau cuti bersama: { $name }.
error-tanggal_holidays_full = Hari libur forum paling banyak { $max }. Hapus yang tidak perlu dulu.
error-tanggal_holiday_not_found = Hari libur itu sudah tidak ada.
