# Forum antar desa: diskusi yang diteruskan antargrup desa

cmd-topik = Diskusi antar{ $desa }: topik yang berjalan, atau buka topik baru
cmd-tutuptopik = Tutup topik diskusi antar{ $desa }
cmd-ringkasan = Rekap percakapan topik diskusi
cmd-hapus = Balas pesan diskusi Bapak/Ibu dengan /hapus untuk menghapusnya dari semua grup
cmd-sembunyikan = Moderator: balas pesan dengan /sembunyikan untuk menghapusnya dari semua grup
cmd-bisukan = Moderator: balas pesan dengan /bisukan 2 jam agar pesan orang itu tidak diteruskan
cmd-bukabisu = Moderator: balas pesan dengan /bukabisu untuk mengakhiri pembisuan

menu-topik = 💬 Diskusi antar{ $desa }
menu-tutuptopik = 🔒 Tutup topik
menu-ringkasan = 📄 Rekap percakapan

# Yang tampil di grup desa

discussion-village = { $Desa } { $name }
discussion-kecamatan = Kecamatan
discussion-all-villages = semua { $desa }
discussion-card-head =
    💬 <b>Diskusi antar{ $desa }</b>
    <b>{ $title }</b>
discussion-card-villages = 🏘️ { $Desa } peserta: { $villages }
discussion-card-ends = ⏳ Berakhir: { $date }
discussion-card-foot = ↩️ <i>Balas pesan ini untuk ikut berdiskusi. Balasan Bapak/Ibu diteruskan ke grup { $desa } lain yang ikut, dengan nama dan { $desa } pengirim.</i>
discussion-close-head = 🔒 <b>Diskusi ditutup: { $title }</b>
discussion-close-auto = Diskusi berakhir sesuai jadwal.
discussion-close-note = Catatan penutup: { $note }
discussion-close-foot = Terima kasih atas partisipasi Bapak/Ibu: { $messages } pesan dari { $villages } { $desa }. Balasan ke topik ini tidak diteruskan lagi.
discussion-digest-heading = 📨 { $count } pesan baru di topik “{ $title }”
discussion-media-photo = [Foto]
discussion-media-video = [Video { $duration }]
discussion-media-animation = [GIF]
discussion-media-voice = [Pesan suara { $duration }]
discussion-media-audio = [Audio { $name }]
discussion-media-document = [Dokumen { $name }]
discussion-media-location = [Lokasi { $latitude }, { $longitude }]
discussion-media-sticker = [Stiker { $emoji }]
discussion-media-video_note = [Video bulat { $duration }]

# Pemberitahuan pribadi kepada pengirim

discussion-closed-notice = Topik “{ $title }” sudah ditutup, jadi balasan Bapak/Ibu tidak diteruskan ke grup lain.
discussion-muted-notice =
    Balasan Bapak/Ibu tidak diteruskan ke grup lain: Bapak/Ibu sedang dibisukan di diskusi antar{ $desa } sampai { $until }.
    Alasan: { $reason }
discussion-muted-you =
    🔇 Moderator membisukan Bapak/Ibu di diskusi antar{ $desa } forum <b>{ $forum }</b> sampai { $until }.
    Alasan: { $reason }
    Selama itu, balasan Bapak/Ibu di grup { $desa } tidak diteruskan ke { $desa } lain. Setelah waktu itu Bapak/Ibu dapat ikut berdiskusi lagi.
discussion-muted-edit-notice =
    Perubahan pesan Bapak/Ibu tidak diteruskan ke grup lain: Bapak/Ibu sedang dibisukan di diskusi antar{ $desa } sampai { $until }.
    Alasan: { $reason }
discussion-mute-default-reason = pesan yang tidak sesuai dengan tata tertib diskusi
discussion-unmuted-you = 🔊 Bapak/Ibu dapat ikut berdiskusi antar{ $desa } lagi di forum <b>{ $forum }</b>.
discussion-slow-notice = 🐢 Mode lambat aktif di topik “{ $title }”: satu pesan per { $interval } untuk setiap orang. Balasan Bapak/Ibu belum diteruskan; silakan kirim lagi { $wait } detik lagi.
discussion-slow-edit-notice = 🐢 Mode lambat aktif di topik “{ $title }”: satu perubahan per { $interval } untuk setiap orang. Perubahan pesan Bapak/Ibu akan diteruskan ke grup lain { $wait } detik lagi.
discussion-unsupported = Jenis pesan ini (misalnya kontak, jajak pendapat, atau dadu) tidak dapat diteruskan ke grup lain. Kirim tulisan, foto, video, pesan suara, dokumen, stiker, atau lokasi.
discussion-hidden-you = Pesan Bapak/Ibu di topik “{ $title }” disembunyikan moderator dari semua grup karena tidak sesuai dengan tata tertib diskusi.

# Moderasi di grup

discussion-reply-needed = Balas dahulu pesan diskusi yang dimaksud, lalu ketik /{ $command }.
discussion-removed-done = ✅ { $count } pesan di topik “{ $title }” sudah dihapus dari semua grup.
discussion-mute-ask = 🔇 Berapa lama { $name } dibisukan di seluruh forum?
discussion-mute-usage = Tulis lamanya, misalnya: /bisukan 2 jam, /bisukan 1 hari berkata kasar.
discussion-mute-done = 🔇 { $name } dibisukan di seluruh forum sampai { $until }. { $told ->
        [yes] Ia sudah diberi tahu lewat chat pribadi.
       *[no] Ia belum pernah membuka chat dengan saya, jadi belum dapat diberi tahu secara pribadi.
    }
discussion-unmute-done = 🔊 { $name } dapat ikut berdiskusi lagi.
discussion-btn-30m = 30 menit
discussion-btn-2h = 2 jam
discussion-btn-1d = 1 hari
discussion-btn-1w = 1 minggu

# Daftar topik

discussion-list-header = 💬 <b>Topik diskusi yang terbuka</b> — { $forum }
discussion-list-empty = Belum ada topik diskusi yang terbuka.
discussion-list-all = 🏘️ <b>Semua { $desa }</b>
discussion-list-village = 🏘️ <b>{ $Desa } { $name }</b>
discussion-list-line = • <b>{ $title }</b> — { $messages } pesan
discussion-list-until = sampai { $date }
discussion-list-slow = 🐢 mode lambat
discussion-list-pick = Tekan topik untuk melihat rinciannya.
discussion-group-list-header = 💬 Topik diskusi antar{ $desa } yang terbuka untuk grup ini:
discussion-group-list-empty = Belum ada topik diskusi antar{ $desa } yang terbuka untuk grup ini.
discussion-group-list-hint = Untuk ikut berdiskusi, balas kartu topiknya (pesan yang diawali 💬).
discussion-btn-new = ➕ Topik baru
discussion-btn-transcript = 📄 Rekap percakapan
discussion-btn-slow = 🐢 Mode lambat
discussion-btn-close = 🔒 Tutup topik
discussion-btn-join = ➕ Grup baru ikut ({ $count })
discussion-join-ask = Grup ini terhubung setelah topik “{ $title }” dibuka. Tekan grup yang ikut topik ini: kartu topik dikirim ke sana dan pesan di sana ikut diteruskan.
discussion-join-none = Semua grup { $desa } peserta sudah ikut topik “{ $title }”.
discussion-joined = { $group } ikut topik “{ $title }”.
discussion-btn-back = ◀️ Kembali
discussion-view =
    💬 <b>{ $title }</b>
    { $description }

    🏘️ { $Desa } peserta: { $villages }
    ✉️ Pesan: { $messages }
    🐢 Mode lambat: { $slow }
    ⏳ Berakhir: { $ends }
discussion-view-closed = 🔒 Ditutup { $date }
discussion-no-end = tanpa batas waktu
discussion-slow-off = mati
discussion-interval-seconds = { $n } detik
discussion-interval-minutes = { $n } menit
discussion-slow-ask = 🐢 Mode lambat untuk “{ $title }”: berapa jeda antarpesan dari satu orang?
discussion-slow-set = 🐢 Mode lambat topik “{ $title }”: { $interval }.

# Membuka topik

discussion-ask-title =
    💬 <b>Topik diskusi baru</b>
    Apa judul topiknya? Misalnya: <i>Perbaikan jalan penghubung Sukajaya–Sidorejo</i>
discussion-ask-description = Tulis keterangan singkat: apa yang dibicarakan, dan apa yang diharapkan dari warga.
discussion-ask-villages = { $Desa } mana saja yang ikut?
discussion-btn-all-villages = 🏘️ Semua { $desa }
discussion-btn-pick-villages = ✅ Pilih { $desa }
discussion-pick-villages = Tekan nama { $desa } untuk memilih atau membatalkan pilihan, lalu tekan “Selesai”. Terpilih: { $count } { $desa }.
discussion-btn-done = ✔️ Selesai
discussion-pick-none = Pilih paling sedikit satu { $desa }.
discussion-ask-end = Kapan diskusi ini berakhir?
discussion-btn-no-end = ♾️ Tanpa batas
discussion-btn-set-end = 📅 Tentukan waktu
discussion-ask-end-date = Tulis hari atau tanggal dan jamnya, misalnya: <i>Jumat 16.00</i> atau <i>7 Desember 09.00</i>.
discussion-end-unparsed = Waktu itu tidak saya pahami. Coba lagi, misalnya: Jumat 16.00 atau 7/12 09.00
discussion-end-need-time = Sebutkan juga jamnya, misalnya: Jumat 16.00
discussion-preview = Pratinjau kartu topik, persis seperti yang akan dilihat warga di { $groups } grup:
discussion-confirm = Kirim topik ini ke { $groups } grup { $desa }?
discussion-btn-send = ✅ Kirim
discussion-opened = ✅ Topik “{ $title }” dibuka di { $groups } grup { $desa }. Balasan warga akan diteruskan antar{ $desa }.
discussion-thread-opened = Topik ini juga mendapat utas sendiri di grup kecamatan.
discussion-thread-failed = Utas di grup kecamatan tidak dapat dibuat. Pastikan saya admin dengan hak mengelola topik di grup itu.

# Menutup topik

discussion-close-pick = Topik mana yang ditutup?
discussion-close-none = Tidak ada topik terbuka yang dapat Bapak/Ibu tutup.
discussion-close-ask-note = Tulis catatan penutup (misalnya kesimpulan atau tindak lanjut), atau tekan “Tanpa catatan”.
discussion-btn-no-note = ➖ Tanpa catatan
discussion-close-confirm = Tutup topik “{ $title }”? Penerusan pesan berhenti dan catatan penutup dikirim ke { $groups } grup.
discussion-closed-done = 🔒 Topik “{ $title }” ditutup. Catatan penutup dikirim ke { $groups } grup. Rekap percakapannya dapat diminta dengan /ringkasan.

# Rekap percakapan

discussion-transcript-pick = Rekap percakapan topik mana?
discussion-transcript-none = Belum ada topik diskusi di forum ini.
discussion-transcript-reply-hint = Balas kartu topik dengan /ringkasan untuk mendapatkan rekap percakapannya.
discussion-transcript-summary =
    📄 <b>Rekap percakapan: { $title }</b>
    { $lines }
    Jumlah: { $messages } pesan dari { $participants } peserta.
discussion-transcript-village-line = • { $village }: { $messages } pesan, { $participants } peserta
discussion-transcript-empty = Belum ada pesan yang diteruskan di topik ini.
discussion-file-title = REKAP PERCAKAPAN DISKUSI ANTAR{ $DESA }
# File name of the rekap (letters, digits and dashes only).
discussion-file-name = rekap-percakapan
discussion-file-topic = Topik: { $title }
discussion-file-forum = Forum: { $forum }
discussion-file-opened = Dibuka: { $date }{ $hasName ->
        [yes] {" "}oleh { $name }
       *[no] {""}
    }
discussion-file-closed = Ditutup: { $date }
discussion-file-running = Status: masih berlangsung (dicetak { $date })
discussion-file-villages = { $Desa } peserta: { $villages }
discussion-file-description = Keterangan: { $text }
discussion-file-conversation = PERCAKAPAN
discussion-file-reply = (membalas { $name })
discussion-file-edited = (diubah)
discussion-file-summary = JUMLAH PESAN PER { $DESA }
discussion-file-close-note = Catatan penutup: { $note }
discussion-file-empty = Belum ada pesan.
discussion-file-total = Jumlah: { $messages } pesan dari { $participants } peserta.

# Galat

error-relay_not_found = Pesan itu bukan bagian dari diskusi antar{ $desa }.
error-relay_is_topic_card = Itu kartu topik. Untuk menutup topik, gunakan /tutuptopik di chat pribadi dengan saya.
error-relay_already_removed = Pesan itu sudah dihapus.
error-relay_not_yours = Bapak/Ibu hanya dapat menghapus pesan Bapak/Ibu sendiri. Moderator dapat memakai /sembunyikan.
error-relay_is_digest = Pesan gabungan ini berisi beberapa pesan. Balas pesan satu orang saja, misalnya di grup asalnya.
error-not_moderator = Hanya moderator atau admin forum yang dapat melakukan ini.
error-mute_self = Bapak/Ibu tidak dapat membisukan diri sendiri.
error-mute_duration_bad = Lama pembisuan paling sedikit 1 menit dan paling lama { $max } hari.
error-mute_not_found = Orang itu sedang tidak dibisukan.
error-topic_not_allowed = Hanya perangkat { $desa }, moderator, dan admin forum yang dapat membuka topik diskusi.
error-topic_title_short = Judul terlalu pendek. Tulis paling sedikit { $min } huruf.
error-topic_title_long = Judul terlalu panjang. Batasnya { $max } huruf.
error-topic_description_long = Keterangan terlalu panjang. Batasnya { $max } huruf.
error-topic_end_past = Waktu berakhir harus nanti, bukan yang sudah lewat. Coba lagi, misalnya: Jumat 16.00
error-topic_no_groups = Belum ada grup { $desa } yang terhubung untuk { $desa } yang dipilih. Hubungkan grupnya dahulu dengan /hubungkan.
error-topic_not_found = Topik itu tidak ditemukan.
error-topic_not_manager = Hanya moderator, admin forum, atau pembuka topik yang dapat mengatur topik ini.
error-topic_closed = Topik “{ $title }” sudah ditutup.
error-topic_group_not_joinable = Grup itu tidak dapat ikut topik ini (sudah ikut, tidak terhubung lagi, atau { $desa }nya bukan peserta).
error-slow_mode_bad = Pilihan mode lambat tidak dikenal.
error-topic_not_here = Topik itu tidak diikuti grup ini.
