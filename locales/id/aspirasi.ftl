# Aspirasi warga

cmd-aspirasi = Sampaikan aspirasi atau pengaduan
cmd-aspirasiku = Aspirasi saya dan statusnya
cmd-daftar_aspirasi = Daftar aspirasi warga { $desa }
cmd-aspirasi_masuk = Aspirasi masuk untuk ditanggapi
cmd-aspirasi_ekspor = Unduh aspirasi (Excel/CSV) untuk Musrenbang
cmd-aspirasi_qr = Kode QR poster aspirasi { $desa }
cmd-aspirasi_terlambat = Aspirasi yang melewati batas waktu
cmd-aspirasi_klaster = Aspirasi serupa antar{ $desa } (usulan { $mad })
cmd-aspirasi_atur = Atur batas waktu dan kategori aspirasi

menu-aspirasi = 📝 Aspirasi
menu-aspirasiku = 📋 Aspirasi saya
menu-daftar_aspirasi = 📜 Daftar aspirasi
menu-aspirasi_masuk = 📥 Aspirasi masuk
menu-aspirasi_ekspor = 📊 Unduh aspirasi
menu-aspirasi_qr = 🔳 QR aspirasi
menu-aspirasi_terlambat = ⏰ Terlambat
menu-aspirasi_klaster = 🧩 Aspirasi serupa
menu-aspirasi_atur = ⚙️ Atur aspirasi

## Status dan privasi

aspirasi-status-baru = Baru
aspirasi-status-diverifikasi = Diverifikasi
aspirasi-status-diproses = Diproses
aspirasi-status-selesai = Selesai
aspirasi-status-ditolak = Ditolak
aspirasi-status-diteruskan = Diteruskan

aspirasi-privacy-named = 👤 Dengan nama
aspirasi-privacy-anonim = 🙈 Anonim
aspirasi-privacy-rahasia = 🔒 Rahasia
aspirasi-privacy-named-hint = Perangkat { $desa } melihat nama Bapak/Ibu.
aspirasi-privacy-anonim-hint = Perangkat { $desa } tidak melihat siapa pengirimnya.
aspirasi-privacy-rahasia-hint = Perangkat { $desa } tidak melihat siapa pengirimnya, dan aspirasi ini tidak tampil di daftar umum.
aspirasi-privacy-word-named = Dengan nama
aspirasi-privacy-word-anonim = Anonim
aspirasi-privacy-word-rahasia = Rahasia

aspirasi-kecamatan = kecamatan
aspirasi-kecamatan-cap = Kecamatan
aspirasi-yes = Ya

## Menulis aspirasi

aspirasi-no-forum =
    Untuk menyampaikan aspirasi, buka tautan aspirasi { $desa } Bapak/Ibu (misalnya dengan scan kode QR di Balai { $Desa }), atau ketik /{ $desa }ku di grup Telegram { $desa } Bapak/Ibu, lalu ketik /lapor di sini.
aspirasi-link-unknown = Maaf, tautan aspirasi ini tidak dikenal. Mintalah tautan yang benar kepada perangkat { $desa }.
aspirasi-start = 📝 <b>Sampaikan aspirasi</b>
    Saya akan menanyakan beberapa hal satu per satu. Ketik /batal kapan saja untuk berhenti.
aspirasi-start-known = 📝 <b>Sampaikan aspirasi untuk { $Desa } { $village }</b>
    Saya akan menanyakan beberapa hal satu per satu. Ketik /batal kapan saja untuk berhenti.
aspirasi-ask-village = Aspirasi ini untuk { $desa } mana?
aspirasi-ask-category = Termasuk kategori apa?
aspirasi-ask-text =
    Ceritakan apa yang terjadi dan apa yang Bapak/Ibu harapkan.
    Tulis paling sedikit { $min } kata, paling banyak { $max } huruf. Contoh: <i>Jalan di RT 03 berlubang besar, mohon diperbaiki sebelum musim hujan.</i>
aspirasi-text-photo = Mohon tulis isinya dahulu. Foto dapat dikirim pada langkah berikutnya.
aspirasi-text-expected = Mohon tulis isi aspirasinya.
aspirasi-ask-photos = 📷 Bila ada, kirim foto (paling banyak { $max }). Setelah selesai tekan <b>Lanjut</b>, atau <b>Lewati</b> bila tidak ada foto.
aspirasi-photo-received = Foto { $n } dari { $max } diterima. Kirim foto lain, atau tekan Lanjut.
aspirasi-photo-received-last = Foto { $n } dari { $max } diterima. Itu sudah batasnya.
aspirasi-photos-full = Paling banyak { $max } foto. Foto ini tidak disimpan.
aspirasi-photo-as-document = Mohon kirim sebagai foto (bukan berkas), atau tekan Lanjut.
aspirasi-photo-late = Foto tidak ditambahkan lagi (paling banyak { $max }). Sekarang kirim lokasi, tulis keterangan tempat, atau tekan Lewati.
aspirasi-photo-expected = Kirim foto, atau tekan tombol Lanjut/Lewati di atas.
aspirasi-ask-location =
    📍 Di mana tempatnya? Kirim lokasi (📎 → Lokasi), atau tulis keterangan tempat, misalnya <i>depan balai dusun 2</i>. Tekan <b>Lewati</b> bila tidak perlu.
aspirasi-location-received = Lokasi diterima.
aspirasi-location-expected = Kirim lokasi, tulis keterangan tempat, atau tekan Lewati.
aspirasi-location-text-length = Keterangan tempat ditulis 3 sampai 300 huruf.
aspirasi-location-outside = Lokasi hanya dipakai saat menulis aspirasi. Ketik /lapor untuk mulai, lalu kirim lokasi saat ditanya.
aspirasi-ask-privacy =
    Bagaimana identitas Bapak/Ibu ditampilkan?
    👤 <b>Dengan nama</b>: perangkat { $desa } melihat nama Bapak/Ibu.
    🙈 <b>Anonim</b>: perangkat { $desa } tidak melihat siapa pengirimnya.
    🔒 <b>Rahasia</b>: anonim, dan tidak tampil di daftar aspirasi umum.
aspirasi-similar-header = 🔎 Sudah ada aspirasi serupa yang sedang ditangani. Bapak/Ibu bisa <b>mendukung</b> salah satunya agar lebih diprioritaskan, atau tetap mengirim aspirasi sendiri.
aspirasi-similar-line =
    { $n }. <code>{ $ticket }</code> · { $Desa } { $village } · { $status } · 👍 { $support }
    <i>{ $text }</i>
aspirasi-btn-support-n = 👍 Dukung { $n }
aspirasi-btn-send-mine = ➡️ Tetap kirim milik saya
aspirasi-support-instead = ✅ Terima kasih. Dukungan Bapak/Ibu untuk <code>{ $ticket }</code> tercatat (sekarang { $count } pendukung). Aspirasi baru tidak dikirim.
aspirasi-support-already = Bapak/Ibu sudah mendukung <code>{ $ticket }</code> sebelumnya. Aspirasi baru tidak dikirim.
aspirasi-summary =
    <b>Periksa kembali aspirasi Bapak/Ibu:</b>

    { $Desa }: { $village }
    Kategori: { $category }
    Foto: { $photos }
    Lokasi: { $location }
    Identitas: { $privacy } — { $privacyHint }

    <blockquote>{ $text }</blockquote>

    Kirim sekarang?
aspirasi-summary-none = tidak ada
aspirasi-summary-point = titik peta
aspirasi-btn-send = 📨 Kirim
aspirasi-btn-edit = ✏️ Ubah
aspirasi-btn-next = ➡️ Lanjut
aspirasi-btn-skip = ⏭️ Lewati
aspirasi-ask-edit = Bagian mana yang ingin diubah?
aspirasi-field-village = { $Desa }
aspirasi-field-category = Kategori
aspirasi-field-text = Isi
aspirasi-field-photos = Foto
aspirasi-field-location = Lokasi
aspirasi-field-privacy = Identitas
aspirasi-created =
    ✅ Aspirasi Bapak/Ibu sudah kami terima dengan nomor <code>{ $ticket }</code>.
    Perangkat { $desa } akan menanggapi paling lambat { $days } hari kerja ({ $date }). Setiap perubahan status akan saya kabarkan di sini.

## Kartu untuk perangkat desa

aspirasi-card-new = 📝 <b>Aspirasi baru</b>
aspirasi-card-forwarded = ↪️ <b>Aspirasi diteruskan dari { $from }</b>
aspirasi-card-current = 📝 <b>Aspirasi</b>
aspirasi-group-card-hint = <i>Perangkat yang menangani: tanggapi lewat /aspirasi_masuk di chat pribadi dengan saya.</i>
aspirasi-card-detail = 📄 <b>Detail aspirasi</b>
aspirasi-card-village = { $Desa }: { $village }
aspirasi-card-handler = Ditangani: { $handler }
aspirasi-card-category = Kategori: { $category }
aspirasi-card-status = Status: <b>{ $status }</b>
aspirasi-card-verify-due = Batas verifikasi: { $date }
aspirasi-card-resolve-due = Batas penyelesaian: { $date }
aspirasi-card-support = Dukungan warga: 👍 { $count }
aspirasi-card-photos = 📷 { $count } foto
aspirasi-card-has-point = 📍 Ada titik lokasi
aspirasi-card-place = 📍 Tempat: { $place }
aspirasi-reporter-named = Pelapor: { $name }{ $user }
aspirasi-reporter-anonim = Pelapor: 🙈 Anonim
aspirasi-reporter-rahasia = Pelapor: 🔒 Rahasia (anonim, tidak tampil di daftar umum)
aspirasi-overdue-mark = ⏰ terlambat
aspirasi-btn-verify = ✅ Verifikasi
aspirasi-btn-process = 🔧 Proses
aspirasi-btn-resolve = 🏁 Selesai
aspirasi-btn-reject = ⛔ Tolak
aspirasi-btn-forward = ↪️ Teruskan
aspirasi-btn-reply = 💬 Balas
aspirasi-btn-detail = 📄 Detail
aspirasi-btn-media = 📷 Foto & lokasi
aspirasi-timeline = Riwayat

## Tindakan perangkat desa

aspirasi-ask-note-process = Tulis catatan untuk pelapor tentang <code>{ $ticket }</code>, misalnya apa yang sedang dikerjakan. Atau tekan Lewati.
aspirasi-ask-note-resolve = Tulis apa yang sudah dikerjakan untuk <code>{ $ticket }</code>. Catatan ini dikirim ke pelapor. Atau tekan Lewati.
aspirasi-ask-note-reject = Tulis alasan penolakan <code>{ $ticket }</code> (wajib, paling sedikit 10 huruf). Alasan ini dikirim ke pelapor.
aspirasi-ask-note-forward = Tulis catatan untuk penerima (boleh dilewati).
aspirasi-ask-forward = Teruskan <code>{ $ticket }</code> ke mana?
aspirasi-act-done = ✅ Status <code>{ $ticket }</code> sekarang <b>{ $status }</b>. Pelapor sudah diberi tahu.
aspirasi-act-done-toast = Status { $ticket }: { $status }. Pelapor sudah diberi tahu.
aspirasi-forward-done = ✅ <code>{ $ticket }</code> diteruskan ke { $target }. Pelapor sudah diberi tahu.
aspirasi-ask-reply-official = Tulis pesan untuk pelapor <code>{ $ticket }</code>. Identitas pelapor tetap terlindungi.
aspirasi-reply-sent-official = ✅ Pesan terkirim ke pelapor <code>{ $ticket }</code>.
aspirasi-msg-from-reporter = 💬 Pesan dari { $who } tentang <code>{ $ticket }</code>:
aspirasi-reminder = ⏰ <b>Pengingat:</b> aspirasi <code>{ $ticket }</code> dari { $Desa } { $village } (masuk { $date }) belum diverifikasi. Mohon segera ditanggapi.
aspirasi-escalated = ⚠️ <b>Aspirasi belum selesai melewati batas waktu</b>
    <code>{ $ticket }</code> · { $Desa } { $village } · ditangani { $handler }
    Masuk: { $date }
    Status: { $status }
    Lihat semua yang terlambat per { $desa }: /aspirasi_terlambat
aspirasi-reopened-officials = 🔁 Pelapor membuka kembali aspirasi <code>{ $ticket }</code>. Yang belum beres:
aspirasi-confirmed-officials = ✅ Pelapor menyatakan aspirasi <code>{ $ticket }</code> sudah beres. Terima kasih atas tindak lanjutnya.

## Untuk pelapor

# "Sutrisno · Kepala Kampung Sukajaya": name and position (src/bot/lib/jabatan.ts).
aspirasi-actor-official = { $name } · { $role }
aspirasi-actor-admin = { $name } · { $role }
aspirasi-actor-reporter = Pelapor
aspirasi-actor-you = Bapak/Ibu
aspirasi-actor-system = Sistem
aspirasi-to-reporter-verify = ✅ Aspirasi <code>{ $ticket }</code> sudah <b>diverifikasi</b> oleh { $who }.
aspirasi-to-reporter-process = 🔧 Aspirasi <code>{ $ticket }</code> sedang <b>diproses</b> oleh { $who }.
aspirasi-to-reporter-resolve = 🏁 Aspirasi <code>{ $ticket }</code> dinyatakan <b>selesai</b> oleh { $who }.
aspirasi-to-reporter-reject = ⛔ Aspirasi <code>{ $ticket }</code> <b>ditolak</b> oleh { $who }.
aspirasi-to-reporter-forward = ↪️ Aspirasi <code>{ $ticket }</code> <b>diteruskan</b> ke { $target } oleh { $who }.
aspirasi-to-reporter-resolve-ask = Apakah sudah benar-benar beres? Tekan <b>Sudah beres</b>, atau <b>Buka kembali</b> dalam { $days } hari bila belum.
aspirasi-note-line = Catatan: <i>{ $note }</i>
aspirasi-reason-line = Alasan: <i>{ $note }</i>
aspirasi-msg-from-official = 💬 Pesan dari { $who } tentang aspirasi <code>{ $ticket }</code>:
aspirasi-btn-confirm = 👍 Sudah beres
aspirasi-btn-reopen = 🔁 Buka kembali
aspirasi-ask-reply-reporter = Tulis pesan untuk perangkat { $desa } tentang <code>{ $ticket }</code>.
aspirasi-reply-sent-reporter = ✅ Pesan Bapak/Ibu tentang <code>{ $ticket }</code> sudah diteruskan ke perangkat { $desa }.
aspirasi-ask-reopen = Apa yang belum beres pada <code>{ $ticket }</code>? Tulis singkat (paling sedikit 10 huruf).
aspirasi-reopened = 🔁 Aspirasi <code>{ $ticket }</code> dibuka kembali. Perangkat { $desa } sudah diberi tahu.
aspirasi-confirmed = ✅ Terima kasih. Aspirasi <code>{ $ticket }</code> ditutup sebagai sudah beres.
aspirasi-confirmed-toast = Terima kasih, sudah dicatat.
aspirasi-mine-empty = Bapak/Ibu belum pernah menyampaikan aspirasi. Ketik /lapor untuk mulai.
aspirasi-mine-header = 📋 <b>Aspirasi saya</b> — { $count } aspirasi
aspirasi-mine-detail =
    📄 <b>Aspirasi <code>{ $ticket }</code></b>
    { $Desa }: { $village }
    Kategori: { $category }
    Status: <b>{ $status }</b>
    Identitas: { $privacy }
    Masuk: { $date }
    Dukungan: 👍 { $support }

aspirasi-event-created = Aspirasi dikirim
aspirasi-event-verified = Diverifikasi
aspirasi-event-processing = Diproses
aspirasi-event-resolved = Selesai
aspirasi-event-rejected = Ditolak
aspirasi-event-forwarded = Diteruskan ke { $target }
aspirasi-event-message = Pesan
aspirasi-event-confirmed = Dinyatakan beres oleh pelapor
aspirasi-event-reopened = Dibuka kembali
aspirasi-event-reminder = Pengingat verifikasi dikirim
aspirasi-event-escalated = Diteruskan ke kecamatan karena terlambat

## Daftar umum dan dukungan

aspirasi-public-header-village = 📜 <b>Aspirasi warga { $Desa } { $village }</b> — { $count } aspirasi
aspirasi-public-header-all = 📜 <b>Aspirasi warga semua { $desa }</b> — { $count } aspirasi
aspirasi-public-hint = Urut menurut dukungan: ini daftar prioritas untuk Musrenbang { $Desa }. Tekan 👍 untuk mendukung.
aspirasi-public-empty = Belum ada aspirasi yang dapat ditampilkan.
aspirasi-public-unknown-village = { $Desa } "{ $name }" tidak ditemukan di forum ini. Ketik /{ $desa } untuk melihat daftar { $desa }.
aspirasi-support-toast = Terima kasih! Dukungan untuk { $ticket } tercatat ({ $count } pendukung).
aspirasi-support-already-toast = Bapak/Ibu sudah mendukung { $ticket }. Satu orang satu dukungan.

## Daftar untuk perangkat dan admin

aspirasi-filter-open = Belum selesai
aspirasi-filter-all = Semua
aspirasi-incoming-header = 📥 <b>Aspirasi masuk</b> — { $total }
    Status: { $status } · Kategori: { $category }{ $overdue ->
        [yes] {" "}· hanya yang terlambat
       *[no] {""}
    }
aspirasi-incoming-empty = Tidak ada aspirasi dengan saringan ini.
aspirasi-btn-filter-status = 🔖 Status
aspirasi-btn-filter-category = 🗂️ Kategori
aspirasi-btn-overdue-on = ⏰ Terlambat: ya
aspirasi-btn-overdue-off = ⏰ Terlambat: semua
aspirasi-overdue-header = ⏰ <b>Aspirasi terlambat per { $desa }</b>
aspirasi-overdue-none = Tidak ada aspirasi yang terlambat. 👍
aspirasi-count = { $count } aspirasi
aspirasi-since = masuk { $date }
aspirasi-more = …dan { $count } lainnya
aspirasi-clusters-header = 🧩 <b>Aspirasi serupa dari beberapa { $desa }</b>
    Calon agenda Musyawarah Antar { $Desa } ({ $mad }):
aspirasi-clusters-none = Belum ada aspirasi serupa dari { $desa } yang berbeda.
aspirasi-cluster-title = <b>{ $n }. { $category }</b> — { $villages } { $desa }, 👍 { $support }

## Ekspor

aspirasi-all-villages = Semua { $desa }
aspirasi-export-ask-village = Unduh aspirasi { $desa } mana?
aspirasi-export-ask-status = Status apa?
aspirasi-export-ask-period = Periode mana?
aspirasi-period-30d = 30 hari terakhir
aspirasi-period-month = Bulan ini
aspirasi-period-year = Tahun ini
aspirasi-period-all = Semua waktu
aspirasi-export-sheet = Aspirasi
aspirasi-export-caption = 📊 { $count } aspirasi — { $village }. Identitas pelapor anonim dan isi aspirasi rahasia tidak disertakan.
aspirasi-export-withheld = (dirahasiakan)
aspirasi-col-ticket = Nomor tiket
aspirasi-col-created = Tanggal masuk
aspirasi-col-village = { $Desa }
aspirasi-col-handler = Ditangani oleh
aspirasi-col-category = Kategori
aspirasi-col-text = Isi aspirasi
aspirasi-col-status = Status
aspirasi-col-support = Dukungan
aspirasi-col-privacy = Identitas
aspirasi-col-reporter = Pelapor
aspirasi-col-location = Lokasi
aspirasi-col-verified = Tanggal verifikasi
aspirasi-col-resolved = Tanggal selesai
aspirasi-col-note = Catatan terakhir
aspirasi-col-overdue = Terlambat

## QR dan pengaturan

aspirasi-qr-ask-village = Kode QR untuk { $desa } mana?
aspirasi-qr-caption =
    🔳 <b>Aspirasi warga { $Desa } { $village }</b>
    Cetak dan tempel di Balai { $Desa }. Warga cukup scan dengan kamera HP kode QR ini untuk menyampaikan aspirasi:
    { $link }
aspirasi-settings =
    ⚙️ <b>Pengaturan aspirasi</b>
    Batas verifikasi: { $verify } hari kerja
    Diteruskan ke kecamatan bila belum selesai: { $escalate } hari

    Kategori:
    { $list }
aspirasi-btn-settings-days = ⏱️ Batas waktu
aspirasi-btn-settings-categories = 🗂️ Kategori
aspirasi-ask-verify-days = Dalam berapa hari kerja aspirasi harus diverifikasi? (1–30)
aspirasi-ask-escalate-days = Setelah berapa hari aspirasi yang belum selesai diteruskan ke kecamatan? (1–120)
aspirasi-days-range = Tulis angka { $min } sampai { $max }.
aspirasi-ask-categories = Tulis daftar kategori, satu per baris (2 sampai 20 kategori).
aspirasi-settings-saved-days = ✅ Tersimpan: verifikasi { $verify } hari kerja, ke kecamatan setelah { $escalate } hari. Berlaku untuk aspirasi baru.
aspirasi-settings-saved-categories =
    ✅ Kategori tersimpan:
    { $list }

## Galat

error-aspirasi_not_found = Aspirasi itu tidak ditemukan.
error-aspirasi_not_official = Hanya perangkat { $desa } atau admin forum yang dapat melakukan ini.
error-aspirasi_not_your_village = Aspirasi ini ditangani { $desa } lain. Bapak/Ibu hanya dapat menanggapi aspirasi { $desa } Bapak/Ibu sendiri.
error-aspirasi_already = Aspirasi ini sudah berstatus { $status ->
        [baru] Baru
        [diverifikasi] Diverifikasi
        [diproses] Diproses
        [selesai] Selesai
        [ditolak] Ditolak
       *[other] Diteruskan
    }.
error-aspirasi_changed = Aspirasi { $ticket } sudah berubah sejak pesan ini dikirim. Buka detailnya untuk melihat keadaan terbaru.
error-aspirasi_bad_transition = Tindakan ini tidak dapat dilakukan pada aspirasi berstatus { $status ->
        [baru] Baru
        [diverifikasi] Diverifikasi
        [diproses] Diproses
        [selesai] Selesai
        [ditolak] Ditolak
       *[other] Diteruskan
    }.
error-aspirasi_daily_limit = Bapak/Ibu sudah mengirim { $max } aspirasi dalam 24 jam terakhir. Silakan kirim lagi besok.
error-aspirasi_not_resolved = Aspirasi ini belum dinyatakan selesai.
error-aspirasi_already_confirmed = Aspirasi ini sudah Bapak/Ibu nyatakan beres.
error-aspirasi_reopen_expired = Batas { $days } hari untuk membuka kembali sudah lewat. Silakan kirim aspirasi baru dengan /lapor.
error-aspirasi_support_own = Ini aspirasi Bapak/Ibu sendiri; dukungan dari warga lain yang dihitung.
error-aspirasi_support_closed = Aspirasi yang ditolak tidak dapat didukung.
error-aspirasi_bad_category = Kategori itu tidak ada. Tekan salah satu tombol.
error-aspirasi_bad_privacy = Pilihan identitas tidak dikenal.
error-aspirasi_bad_location = Lokasi itu tidak valid.
error-aspirasi_photos_many = Paling banyak { $max } foto.
error-aspirasi_text_short = Isinya terlalu singkat. Mohon ceritakan paling sedikit { $min } kata: apa yang terjadi, di mana, dan apa harapan Bapak/Ibu.
error-aspirasi_text_long = Isinya terlalu panjang ({ $length } huruf). Batasnya { $max } huruf; mohon diringkas.
error-aspirasi_reason_required = Alasan wajib ditulis, paling sedikit { $min } huruf.
error-aspirasi_note_long = Catatan terlalu panjang. Batasnya { $max } huruf.
error-aspirasi_forward_same = Aspirasi ini sudah ditangani di sana. Pilih tujuan lain.
error-aspirasi_message_empty = Pesannya masih kosong.
error-aspirasi_message_long = Pesan terlalu panjang. Batasnya { $max } huruf.
error-aspirasi_bad_days = Jumlah hari tidak valid.
error-aspirasi_categories_few = Tulis paling sedikit 2 kategori, satu per baris.
error-aspirasi_categories_many = Paling banyak { $max } kategori.
error-aspirasi_category_long = Nama kategori paling panjang { $max } huruf.
