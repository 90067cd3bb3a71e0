# Musyawarah: undangan, jawaban kehadiran, pengingat, daftar hadir, kuorum, berita acara

cmd-musyawarah = Buat dan kelola undangan musyawarah
menu-musyawarah = 📅 Musyawarah
cmd-jadwal = Jadwal musyawarah yang akan datang
menu-jadwal = 🗓️ Jadwal
cmd-hadir = Isi daftar hadir musyawarah
menu-hadir = 📝 Daftar hadir

musyawarah-kind-musdes = Musyawarah { $Desa }{ $desa ->
        [desa] {" "}(Musdes)
       *[other] {""}
    }
musyawarah-kind-musrenbangdes = Musrenbang { $Desa }{ $desa ->
        [desa] {" "}(Musrenbangdes)
       *[other] {""}
    }
musyawarah-kind-mad = Musyawarah Antar { $Desa } ({ $mad })
musyawarah-kind-rakor = Rapat Koordinasi
musyawarah-kind-lainnya = Pertemuan
# The usual abbreviations where the forum says "desa"; the full words elsewhere ("Musyawarah Kampung").
musyawarah-kind-short-musdes = { $desa ->
        [desa] Musdes
       *[other] Musyawarah { $Desa }
    }
musyawarah-kind-short-musrenbangdes = { $desa ->
        [desa] Musrenbangdes
       *[other] Musrenbang { $Desa }
    }
musyawarah-kind-short-mad = { $mad }
musyawarah-kind-short-rakor = Rakor
musyawarah-kind-short-lainnya = Pertemuan

musyawarah-quorum-two_thirds = 2/3 undangan hadir
musyawarah-quorum-half_plus_one = ½ + 1 undangan hadir
musyawarah-quorum-two_thirds_villages = 2/3 { $desa } terwakili
musyawarah-quorum-all_villages = Semua { $desa } terwakili

musyawarah-dur-h = { $hours } jam
musyawarah-dur-m = { $minutes } menit
musyawarah-dur-hm = { $hours } jam { $minutes } menit
musyawarah-left-days = { $n } hari lagi
musyawarah-left-hours = { $n } jam lagi
musyawarah-left-minutes = { $n } menit lagi
musyawarah-before-days = { $n } hari sebelumnya
musyawarah-before-hours = { $n } jam sebelumnya
musyawarah-before-minutes = { $n } menit sebelumnya

# Undangan

musyawarah-inv-header = 📅 <b>Undangan { $kind }</b>
musyawarah-inv-cancelled-header = 🚫 <b>DIBATALKAN</b> — { $kind }
musyawarah-inv-when = 🗓️ { $when }
musyawarah-inv-duration = ⏱️ Sekitar { $duration }
musyawarah-inv-place = 📍 { $place }
musyawarah-inv-map = 🗺️ <a href="{ $url }">Lihat lokasi di peta</a>
musyawarah-inv-organizer = 👤 Penyelenggara: { $organizer }
musyawarah-inv-villages = 🏘️ { $Desa } yang diundang: { $villages }
musyawarah-inv-recurrence = 🔁 Diadakan { $rule }
musyawarah-inv-agenda = <b>Acara:</b>
musyawarah-inv-deadline = Mohon konfirmasi kehadiran paling lambat { $deadline }.
musyawarah-inv-ask = Mohon konfirmasi kehadiran: tekan salah satu tombol di bawah.
musyawarah-inv-rsvp-closed = Batas konfirmasi kehadiran sudah lewat.
musyawarah-inv-counts = ✅ Akan hadir: { $yes } · ❌ Berhalangan: { $no } · 👥 Diwakilkan: { $delegate }
musyawarah-inv-checkin-open = 📝 <b>Daftar hadir sudah dibuka.</b> Tekan tombol di bawah setibanya di tempat, atau ketik /hadir.
musyawarah-inv-checked-in = 📝 Sudah mengisi daftar hadir: { $count } orang
musyawarah-inv-over = Musyawarah ini sudah selesai. Terima kasih atas kehadiran Bapak/Ibu.
musyawarah-inv-cancel-reason = Alasan: { $reason }
musyawarah-inv-cancelled-note = Musyawarah ini dibatalkan. Tombol jawaban tidak berlaku lagi.
musyawarah-inv-your-answer = Jawaban Bapak/Ibu: { $answer }
musyawarah-inv-your-delegate = Diwakili oleh: { $name }
musyawarah-ics-caption = 📅 Berkas kalender untuk <b>{ $title }</b>. Buka berkas ini untuk menyimpan jadwal ke kalender HP.
musyawarah-ics-cancel-caption = 🚫 Berkas kalender pembatalan <b>{ $title }</b>. Buka untuk menghapus jadwal dari kalender HP.

musyawarah-answer-yes = ✅ Akan hadir
musyawarah-answer-no = ❌ Berhalangan
musyawarah-answer-delegate = 👥 Diwakilkan
musyawarah-answer-pending = ⏳ Belum menjawab

musyawarah-btn-yes = ✅ Akan hadir
musyawarah-btn-no = ❌ Berhalangan
musyawarah-btn-delegate = 👥 Diwakilkan
musyawarah-btn-checkin = 📝 Isi daftar hadir
musyawarah-btn-write-delegate = ✍️ Tulis nama wakil

# Jawaban kehadiran

musyawarah-rsvp-saved = Terima kasih. Jawaban Bapak/Ibu tercatat: { $answer }.
musyawarah-rsvp-same = Jawaban Bapak/Ibu sudah tercatat: { $answer }.
musyawarah-rsvp-delegate-group = Tercatat: Diwakilkan. Silakan tulis nama wakil Bapak/Ibu di chat pribadi dengan saya.
musyawarah-delegate-ask-private =
    👥 Bapak/Ibu akan <b>diwakilkan</b> pada <b>{ $title }</b>.
    Siapa yang mewakili? Tekan tombol di bawah lalu tulis namanya.
musyawarah-delegate-ask = Siapa yang mewakili Bapak/Ibu di <b>{ $title }</b>? Tulis nama dan jabatannya, misalnya: <i>Pak Ahmad, Sekretaris { $Desa }</i>
musyawarah-delegate-saved = ✅ Tercatat: Bapak/Ibu diwakili oleh <b>{ $name }</b> di { $title }.

# Pengingat

musyawarah-rem-header = ⏰ <b>Pengingat { $kind }</b>
musyawarah-rem-starts = <b>{ $title }</b> dimulai { $left }:
musyawarah-rem-in-progress = <b>{ $title }</b> sudah dimulai pukul { $start } dan masih berlangsung sampai pukul { $end }. Daftar hadir masih dibuka.
musyawarah-rem-late = ⚠️ Pengingat ini terlambat terkirim karena gangguan pada sistem kami. Mohon maaf.
musyawarah-rem-please-answer = Bapak/Ibu belum menjawab undangan. Mohon konfirmasi: tekan salah satu tombol di bawah.

# Perubahan jadwal dan pembatalan

musyawarah-resched-header = 🕑 <b>Jadwal musyawarah diubah</b>
musyawarah-resched-old = Sebelumnya: <s>{ $when }</s>
musyawarah-resched-new = Menjadi: <b>{ $when }</b>
musyawarah-resched-kept = Jawaban kehadiran yang sudah diberikan tetap berlaku.
musyawarah-resched-reset = Mohon konfirmasi ulang kehadiran Bapak/Ibu: tekan salah satu tombol di bawah.
musyawarah-cancel-header = 🚫 <b>Musyawarah dibatalkan</b>
musyawarah-cancel-was = yang dijadwalkan { $when }
musyawarah-cancel-sorry = Mohon maaf atas perubahan ini.

# Berita acara (pesan dan PDF)

musyawarah-minutes-header = 📝 <b>Berita acara { $kind }</b>
musyawarah-minutes-of = <b>{ $title }</b> — { $when }
musyawarah-minutes-decisions = <b>Keputusan:</b>

# Daftar hadir dan kuorum

musyawarah-quorum-reached = ✅ Kuorum tercapai: { $present } dari { $total } { $unit } hadir
musyawarah-quorum-not = ⏳ Kuorum belum tercapai: { $present } dari { $total } { $unit } hadir (perlu { $required })
musyawarah-unit-villages = { $desa }
musyawarah-unit-people = undangan
musyawarah-quorum-notice =
    <b>{ $title }</b>
    { $line }
    Musyawarah dapat dimulai dengan sah.
musyawarah-live-header = 📝 <b>Daftar hadir dibuka</b> — { $title }
musyawarah-live-count = Sudah mengisi daftar hadir: { $count } orang
musyawarah-live-hint = Tekan 📋 Rincian untuk melihat daftar per { $desa }.
musyawarah-ended =
    🏁 <b>{ $title }</b> sudah selesai.
    Hadir: { $count } orang
    { $line }

    Tekan 📝 Berita acara untuk menyusun dan mengirimkannya kepada para undangan.
musyawarah-checkin-done = ✅ Bapak/Ibu <b>{ $name }</b> tercatat hadir di <b>{ $title }</b>.
musyawarah-checkin-already = Bapak/Ibu sudah tercatat hadir di { $title } sejak pukul { $time }.
musyawarah-checkin-none = Tidak ada musyawarah yang daftar hadirnya sedang dibuka untuk Bapak/Ibu saat ini. Daftar hadir dibuka 30 menit sebelum acara dimulai.
musyawarah-checkin-none-group = Tidak ada musyawarah yang daftar hadirnya sedang dibuka untuk grup ini.
musyawarah-checkin-choose = Daftar hadir mana yang ingin Bapak/Ibu isi?

# Penyelenggara: daftar, rincian, tindakan

musyawarah-list-header = 📅 <b>Musyawarah yang Bapak/Ibu kelola</b> ({ $count })
musyawarah-list-empty = Bapak/Ibu belum mengelola musyawarah yang akan datang.
musyawarah-btn-new = ➕ Buat undangan baru
musyawarah-btn-refresh = 🔄 Perbarui
musyawarah-btn-details = 📋 Rincian
musyawarah-btn-mark = ✅ Tandai hadir
musyawarah-btn-reschedule = 🕑 Ubah jadwal
musyawarah-btn-cancel-meeting = 🚫 Batalkan
musyawarah-btn-open = 🔓 Buka untuk umum
musyawarah-btn-close = 🔒 Tutup untuk umum
musyawarah-btn-minutes = 📝 Berita acara
musyawarah-btn-export = 📊 Unduh daftar hadir
musyawarah-btn-qr = 🔳 QR daftar hadir
musyawarah-qr-caption =
    🔳 <b>Kode QR daftar hadir — { $title }</b>
    Tampilkan di layar atau cetak dan tempel di tempat musyawarah. Yang memindai dengan kamera HP akan membuka obrolan dengan bot dan tercatat hadir sekali — hanya orang yang diundang.
    Berlaku { $opensAt } sampai { $until }, hanya untuk musyawarah ini. Jangan dibagikan ke grup.
    Tautan: { $link }
musyawarah-btn-stop-series = ⏹️ Hentikan pengulangan
musyawarah-btn-back = ◀️ Kembali
musyawarah-status-scheduled = Terjadwal
musyawarah-status-checkin = Daftar hadir dibuka
musyawarah-status-over = Sudah selesai
musyawarah-status-cancelled = Dibatalkan
musyawarah-detail-status = Status: { $status }
musyawarah-detail-counts = ✅ Akan hadir { $yes } · ❌ Berhalangan { $no } · 👥 Diwakilkan { $delegate } · ⏳ Belum menjawab { $pending }
musyawarah-detail-checked = 📝 Sudah mengisi daftar hadir: { $count }
musyawarah-detail-village = <b>{ $village }</b> — hadir { $present } dari { $total }
musyawarah-detail-no-village = <b>Tanpa { $desa }</b>
musyawarah-detail-village-before = <b>{ $village }</b> — { $yes } dari { $total } akan hadir
musyawarah-detail-village-empty = belum ada jawaban
musyawarah-detail-no-invitees = Belum ada orang yang tercatat. Warga { $desa } yang diundang lewat grup muncul di sini setelah menjawab.
musyawarah-detail-more = … dan { $count } orang lainnya. Unduh daftar hadir (.xlsx) untuk daftar lengkap.
musyawarah-detail-open = 🔓 Daftar hadir terbuka untuk orang yang tidak diundang.
musyawarah-detail-minutes = 📝 Berita acara sudah dikirim { $when }.
musyawarah-detail-delegate = wakil: { $name }
musyawarah-mark-header = ✅ <b>Tandai hadir</b> — { $title }
    Tekan nama untuk menandai atau membatalkan tanda hadir.
musyawarah-mark-empty = Belum ada undangan yang dapat ditandai.
musyawarah-marked = ✅ { $name } ditandai hadir.
musyawarah-unmarked = Tanda hadir { $name } dibatalkan.
musyawarah-opened = 🔓 Daftar hadir kini terbuka untuk orang yang tidak diundang.
musyawarah-closed = 🔒 Daftar hadir kini hanya untuk undangan.
musyawarah-series-stopped = ⏹️ Pengulangan dihentikan. Pertemuan ini tetap berlangsung; tidak ada pertemuan baru setelahnya.
musyawarah-export-caption = 📊 Daftar hadir <b>{ $title }</b>

# Pembuatan undangan

musyawarah-ask-kind = 📅 <b>Undangan musyawarah baru</b>
    Jenis pertemuan apa?
musyawarah-ask-village = Atas nama { $desa } mana?
musyawarah-ask-title = Apa judul atau pokok bahasannya? Misalnya: <i>Penetapan RKP { $Desa } 2027</i>
musyawarah-ask-agenda =
    Tuliskan <b>acara</b>, satu baris untuk tiap acara. Contoh:
    Pembukaan
    Pembahasan usulan prioritas
    Penetapan hasil
musyawarah-ask-when =
    Kapan musyawarah dimulai? Tekan tombol harinya, atau tulis tanggal dan jamnya.
    Contoh: <i>besok 09.00</i>, <i>Senin 14:00</i>, <i>25/12/2026 19.30</i>, <i>lusa jam 8 pagi</i>
musyawarah-ask-time = Pukul berapa pada { $day }? Tekan salah satu atau tulis jamnya, misalnya <i>09.00</i> atau <i>jam 2 siang</i>.
musyawarah-btn-other-day = 📅 Hari lain
musyawarah-ask-day-typed = Tulis tanggalnya, misalnya <i>25/12/2026</i> atau <i>Senin depan</i>, boleh sekaligus dengan jamnya.
musyawarah-confirm-when = Musyawarah dimulai <b>{ $when }</b>. Sudah benar?
musyawarah-btn-right = ✅ Benar
musyawarah-btn-change = ✏️ Ubah
musyawarah-when-past = Waktu itu sudah lewat. Coba tulis lagi, misalnya: <i>besok 09.00</i>
musyawarah-when-invalid = Tanggal itu tidak ada di kalender (misalnya 31/02). Coba tulis lagi, misalnya: <i>28/02 09.00</i>
musyawarah-when-unparsed = Maaf, saya belum mengerti waktu itu. Contoh yang bisa dipakai: <i>besok 09.00</i>, <i>Senin 14:00</i>, <i>25/12/2026 19.30</i>, <i>lusa jam 8 pagi</i>
musyawarah-when-no-time = Jamnya belum ada. Tulis tanggal beserta jamnya, misalnya: <i>Senin 09.00</i>
musyawarah-when-too-far = Tanggal itu terlalu jauh (lebih dari dua tahun lagi). Periksa lagi tahunnya.
musyawarah-ask-duration = Berapa lama kira-kira? Tekan salah satu, atau tulis misalnya <i>90 menit</i>.
musyawarah-duration-bad = Tulis lamanya antara 15 menit dan 12 jam, misalnya <i>2 jam</i> atau <i>90 menit</i>.
musyawarah-ask-place = Di mana tempatnya? Tulis nama tempat (misalnya <i>Balai { $Desa } Sukajaya</i>), atau kirim titik lokasi (📎 → Lokasi).
musyawarah-ask-pin = Kirim juga titik lokasinya di peta (📎 → Lokasi) agar mudah ditemukan, atau tekan Lewati.
musyawarah-ask-place-name = Apa nama tempatnya? Misalnya <i>Balai { $Desa } Sukajaya</i>. Atau tekan Lewati.
musyawarah-btn-skip = ⏭️ Lewati
musyawarah-place-expect = Mohon tulis nama tempat atau kirim lokasi.
musyawarah-ask-audience =
    Siapa yang diundang? Tekan satu atau lebih, lalu tekan <b>Lanjut</b>.
musyawarah-aud-groups = 👥 Grup warga { $desa }
musyawarah-aud-officials = 🏛️ Perangkat { $desa }
musyawarah-aud-bpd = 🧑‍⚖️ Anggota { $bpd }
musyawarah-aud-persons = 👤 Orang tertentu
musyawarah-aud-kecamatan = 🏢 Grup kecamatan
musyawarah-btn-next = Lanjut ▶️
musyawarah-btn-all = ☑️ Semua { $desa }
musyawarah-pick-one = Pilih paling sedikit satu.
musyawarah-ask-villages = { $Desa } mana saja yang diundang? Tekan namanya, lalu tekan <b>Lanjut</b>.
musyawarah-ask-persons = Tulis nama atau @username orang yang diundang, dipisah koma atau satu per baris.
musyawarah-persons-found = Saya menemukan: { $names }
musyawarah-persons-missing = Tidak ditemukan di forum ini: { $names }
musyawarah-persons-none = Tidak ada nama yang saya temukan di forum ini. Coba tulis lagi, atau tekan Lewati.
musyawarah-btn-use = ✅ Pakai
musyawarah-btn-retype = ✏️ Tulis ulang
musyawarah-preview-header = 👁️ <b>Pratinjau</b> — begini undangan akan terlihat oleh penerima:
musyawarah-preview-settings =
    <b>Pengaturan</b>
    • Dikirim ke: { $groups } grup dan { $persons } orang
    • Batas konfirmasi: { $deadline }
    • Kuorum: { $quorum }
    • Pengingat: { $reminders }
    • Pengulangan: { $recurrence }
musyawarah-preview-no-recipients = ⚠️ Belum ada grup atau orang yang dapat menerima undangan ini (grup belum dihubungkan, atau orangnya belum pernah membuka chat dengan saya). Undangan tetap tersimpan dan tampil di /jadwal.
musyawarah-deadline-none = sampai musyawarah dimulai
musyawarah-recurrence-none = tidak diulang
musyawarah-reminders-none = tanpa pengingat
musyawarah-preview-only = Ini hanya pratinjau. Tombol akan berfungsi pada undangan yang dikirim.
musyawarah-btn-send-minutes = 📨 Kirim berita acara
musyawarah-btn-send = 📨 Kirim undangan
musyawarah-btn-settings = ⚙️ Ubah pengaturan
musyawarah-ask-setting = Pengaturan mana yang ingin diubah?
musyawarah-set-deadline = ⏳ Batas konfirmasi
musyawarah-set-quorum = ⚖️ Kuorum
musyawarah-set-reminders = ⏰ Pengingat
musyawarah-set-recurrence = 🔁 Pengulangan
musyawarah-ask-deadline = Sampai kapan undangan dapat dijawab? Tekan salah satu, atau tulis tanggal dan jamnya.
musyawarah-deadline-1d = Sehari sebelumnya
musyawarah-deadline-3h = 3 jam sebelumnya
musyawarah-deadline-start = Sampai dimulai
musyawarah-deadline-bad = Batas konfirmasi harus sebelum musyawarah dimulai dan belum lewat. Coba lagi.
musyawarah-ask-quorum = Aturan kuorum mana yang dipakai?
musyawarah-ask-reminders = Kapan pengingat dikirim? Tekan satu atau lebih, lalu tekan <b>Lanjut</b>.
musyawarah-ask-recurrence = Apakah musyawarah ini diadakan berulang?
musyawarah-btn-no-repeat = Tidak diulang
musyawarah-created =
    ✅ Undangan <b>{ $title }</b> sedang dikirim ke { $groups } grup dan { $persons } orang.
    Pengingat akan dikirim otomatis. Lihat jawaban para undangan lewat /musyawarah.

# Ubah jadwal, batal, berita acara

musyawarah-ask-new-when =
    Kapan jadwal barunya? Saat ini: <b>{ $when }</b>.
    Tulis tanggal dan jamnya, misalnya <i>Kamis 09.00</i>, atau tekan tombol harinya.
musyawarah-ask-keep-rsvp = Jawaban kehadiran yang sudah masuk: tetap dipakai, atau semua undangan diminta menjawab ulang?
musyawarah-btn-keep = ✅ Tetap dipakai
musyawarah-btn-reset = 🔄 Minta jawab ulang
musyawarah-rescheduled = ✅ Jadwal diubah menjadi <b>{ $when }</b>. Pemberitahuan dikirim ke { $groups } grup dan { $persons } orang; pengingat dihitung ulang.
musyawarah-ask-cancel-reason = Tulis alasan pembatalan singkat (akan disampaikan kepada para undangan), atau tekan Lewati.
musyawarah-ask-cancel-scope = Musyawarah ini diadakan berulang. Apa yang dibatalkan?
musyawarah-btn-cancel-one = Hanya pertemuan ini
musyawarah-btn-cancel-all = Ini dan seterusnya
musyawarah-confirm-cancel = Batalkan <b>{ $title }</b> pada { $when }? Semua undangan akan diberi tahu.
musyawarah-btn-confirm-cancel = 🚫 Ya, batalkan
musyawarah-btn-keep-meeting = Jangan dibatalkan
musyawarah-cancelled = ✅ <b>{ $title }</b> dibatalkan. Pemberitahuan dikirim ke { $groups } grup dan { $persons } orang.
musyawarah-not-cancelled = Baik, musyawarah tidak dibatalkan.
musyawarah-ask-chair = 📝 <b>Berita acara { $title }</b>
    Siapa yang memimpin musyawarah? Tekan nama Bapak/Ibu, atau tulis nama dan jabatannya, misalnya: <i>Sutrisno, Ketua { $bpd }</i>
musyawarah-ask-secretary = Siapa notulisnya? Tekan nama Bapak/Ibu, atau tulis namanya.
musyawarah-ask-minutes = Bagaimana jalannya musyawarah? Tulis catatan singkat (notulen), atau kirim pindaian berita acara yang sudah ditandatangani sebagai dokumen (PDF atau foto). Tekan Lewati bila tidak ada.
musyawarah-ask-method = Bagaimana keputusan diambil?
musyawarah-btn-mufakat = 🤝 Musyawarah mufakat
musyawarah-btn-suara = ✋ Suara terbanyak
musyawarah-ask-votes = Tulis jumlah yang <b>setuju</b>, <b>tidak setuju</b>, dan <b>abstain</b>, dipisah spasi. Misalnya: <i>9 3 1</i>. Menurut daftar hadir, { $present } orang hadir.
musyawarah-ask-decisions = Tulis <b>keputusan</b> musyawarah, satu keputusan per baris.
musyawarah-minutes-expect = Mohon tulis catatannya, kirim berkas sebagai dokumen, atau tekan Lewati.
musyawarah-minutes-preview = 👁️ <b>Pratinjau</b> — berita acara ini yang akan diterima para undangan (PDF, dengan daftar hadir terlampir):
musyawarah-minutes-file-caption = 📎 Pindaian berita acara yang ditandatangani
musyawarah-confirm-minutes = Kirim berita acara ini kepada semua undangan?
musyawarah-minutes-sent = ✅ Berita acara (PDF) dikirim ke { $groups } grup dan { $persons } orang, dan disimpan bersama musyawarah ini.

# Jadwal

musyawarah-schedule-group-header = 📅 <b>Jadwal musyawarah { $name }</b>
musyawarah-schedule-private-header = 📅 <b>Jadwal musyawarah Bapak/Ibu</b>
musyawarah-schedule-empty-group = Belum ada musyawarah terjadwal untuk { $name }.
musyawarah-schedule-empty-private = Belum ada musyawarah terjadwal untuk Bapak/Ibu.
musyawarah-schedule-kecamatan = kecamatan
musyawarah-schedule-village = { $Desa } { $name }
musyawarah-schedule-line = • { $when } — <b>{ $title }</b> ({ $kind })
musyawarah-schedule-place = { "  " }📍 { $place }
musyawarah-schedule-answer = { "  " }Jawaban Bapak/Ibu: { $answer }
musyawarah-schedule-hint = Tekan judul untuk melihat undangan dan menjawabnya.
musyawarah-group-not-linked = Grup ini belum terhubung ke { $desa } mana pun.

# Ekspor daftar hadir (.xlsx)

musyawarah-x-sheet-list = Daftar hadir
musyawarah-x-sheet-villages = Per { $desa }
musyawarah-x-sheet-summary = Ringkasan
musyawarah-x-no = No
musyawarah-x-name = Nama
musyawarah-x-village = { $Desa }
musyawarah-x-source = Diundang sebagai
musyawarah-x-answer = Jawaban
musyawarah-x-delegate = Diwakili oleh
musyawarah-x-checkin = Waktu hadir
musyawarah-x-marked = Dicatat oleh
musyawarah-x-people = Orang tercatat
musyawarah-x-yes = Akan hadir
musyawarah-x-no-answer = Berhalangan
musyawarah-x-delegates = Diwakilkan
musyawarah-x-pending = Belum menjawab
musyawarah-x-present = Hadir (daftar hadir)
musyawarah-x-field = Keterangan
musyawarah-x-value = Isi
musyawarah-x-title = Judul
musyawarah-x-kind = Jenis
musyawarah-x-when = Waktu
musyawarah-x-place = Tempat
musyawarah-x-organizer = Penyelenggara
musyawarah-x-quorum = Kuorum
musyawarah-x-source-official = Perangkat { $desa }
musyawarah-x-source-bpd = Anggota { $bpd }
musyawarah-x-source-named = Undangan pribadi
musyawarah-x-source-group = Warga (lewat grup { $desa })
musyawarah-x-source-walk_in = Hadir tanpa undangan
musyawarah-x-marked-self = Sendiri
musyawarah-x-marked-organiser = Penyelenggara

# Galat

error-meeting_not_found = Musyawarah itu tidak ditemukan.
error-meeting_not_organiser = Hanya penyelenggara, admin forum, atau perangkat { $desa } penyelenggara yang dapat melakukan ini.
error-meeting_mad_admin_only = Musyawarah Antar { $Desa } hanya dapat dibuat oleh admin forum (kecamatan/{ $bkad }).
error-meeting_other_village = Bapak/Ibu hanya dapat mengundang grup, perangkat, dan { $bpd } { $desa } Bapak/Ibu sendiri. Undangan untuk { $desa } lain dikirim oleh admin forum.
error-meeting_kecamatan_admin_only = Hanya admin forum yang dapat mengundang grup kecamatan.
error-meeting_kind_bad = Jenis pertemuan tidak dikenal.
error-meeting_title_short = Judul terlalu pendek. Tulis paling sedikit 3 huruf.
error-meeting_title_long = Judul terlalu panjang. Batasnya { $max } huruf.
error-meeting_agenda_empty = Acaranya belum ada. Tulis paling sedikit satu acara.
error-meeting_agenda_many = Terlalu banyak acara. Paling banyak { $max } baris.
error-meeting_agenda_long = Ada acara yang terlalu panjang. Tiap acara paling banyak { $max } huruf.
error-meeting_time_unparsed = Waktunya belum dapat saya baca. Coba tulis lagi, misalnya: besok 09.00
error-meeting_time_past = Waktu itu sudah lewat. Coba tulis lagi, misalnya: besok 09.00
error-meeting_time_far = Tanggal itu terlalu jauh (lebih dari dua tahun lagi).
error-meeting_duration_bad = Lamanya harus antara 15 menit dan 12 jam.
error-meeting_place_long = Nama tempat terlalu panjang. Batasnya { $max } huruf.
error-meeting_place_bad_pin = Titik lokasi itu tidak dapat dipakai.
error-meeting_deadline_bad = Batas konfirmasi harus sebelum musyawarah dimulai dan belum lewat.
error-meeting_quorum_bad = Aturan kuorum tidak dikenal.
error-meeting_reminders_bad = Pengaturan pengingat tidak dapat dipakai.
error-meeting_recurrence_bad = Aturan pengulangan tidak dikenal.
error-meeting_no_invitees = Belum ada yang diundang. Pilih grup { $desa }, perangkat { $desa }, { $bpd }, atau orang tertentu.
error-meeting_cancelled = Musyawarah ini sudah dibatalkan.
error-meeting_over = Musyawarah ini sudah selesai.
error-meeting_rsvp_bad = Jawaban tidak dikenal.
error-meeting_rsvp_closed = Batas konfirmasi kehadiran sudah lewat ({ $deadline }). Bila ada perubahan, silakan hubungi penyelenggara.
error-meeting_not_invited = Bapak/Ibu tidak termasuk undangan musyawarah ini. Silakan hubungi penyelenggara.
error-meeting_delegate_short = Nama wakil terlalu pendek.
error-meeting_delegate_long = Nama wakil terlalu panjang. Batasnya { $max } huruf.
error-meeting_checkin_not_open = Daftar hadir baru dibuka { $opensAt } (30 menit sebelum acara dimulai).
error-meeting_checkin_closed = Daftar hadir sudah ditutup karena musyawarah sudah selesai.
error-meeting_qr_unknown = Kode QR itu tidak dikenal. Pindai kode QR yang dipasang di tempat musyawarah, atau ketik /hadir.
error-meeting_qr_expired = Kode QR untuk { $title } sudah tidak berlaku karena musyawarah sudah selesai.
error-meeting_mark_closed = Daftar hadir musyawarah ini sudah tidak dapat diubah.
error-meeting_invitee_not_found = Orang itu tidak ada di daftar undangan.
error-meeting_reason_long = Alasan terlalu panjang. Batasnya { $max } huruf.
error-meeting_not_recurring = Musyawarah ini tidak diadakan berulang.
error-meeting_minutes_empty = Catatan jalannya musyawarah masih kosong.
error-meeting_minutes_long = Catatan terlalu panjang (batas { $max } huruf). Ringkas catatannya, atau kirim sebagai berkas dokumen.
error-meeting_decisions_long = Keputusan terlalu panjang. Batasnya { $max } huruf.
error-meeting_minutes_too_early = Berita acara baru dapat dikirim setelah musyawarah dimulai.
error-meeting_decisions_empty = Keputusannya belum ditulis. Tulis paling sedikit satu keputusan.
error-meeting_chair_bad = Tulis nama pemimpin musyawarah, boleh dengan jabatannya setelah koma, misalnya: <i>Sutrisno, Ketua { $bpd }</i>
error-meeting_secretary_bad = Tulis nama notulis, misalnya: <i>Sari</i>
error-meeting_method_bad = Cara pengambilan keputusan tidak dikenal. Tekan salah satu tombol.
error-meeting_votes_bad = Tulis tiga angka: setuju, tidak setuju, dan abstain. Misalnya: <i>9 3 1</i>
error-meeting_votes_over_present = Jumlah suara lebih banyak daripada yang hadir menurut daftar hadir ({ $present } orang). Periksa lagi angkanya.

# Berita acara (PDF, dalam Bahasa Indonesia dengan sebutan forum)

musyawarah-ba-title = BERITA ACARA
musyawarah-ba-number = Nomor: ......................................
musyawarah-ba-opening = Pada hari ini { $day }, tanggal { $date }, pukul { $start } sampai dengan { $end } { $zone }, bertempat di { $place }, telah dilaksanakan { $kind } dengan pokok bahasan “{ $title }”.
musyawarah-ba-place-none = tempat yang telah ditentukan
musyawarah-ba-agenda = Acara
musyawarah-ba-facts = Keterangan
musyawarah-ba-place = Tempat
musyawarah-ba-time = Waktu
musyawarah-ba-chair = Pimpinan musyawarah
musyawarah-ba-secretary = Notulis
musyawarah-ba-invited = Jumlah undangan
musyawarah-ba-invited-value = { $people } orang diundang secara pribadi; { $villages } { $desa } diundang
musyawarah-ba-present = Jumlah hadir
musyawarah-ba-present-value = { $people } orang menurut daftar hadir (terlampir)
musyawarah-ba-quorum = Kuorum
musyawarah-ba-quorum-reached = { $rule }: tercapai ({ $present } dari { $total } { $unit }, paling sedikit { $required })
musyawarah-ba-quorum-not = { $rule }: tidak tercapai ({ $present } dari { $total } { $unit }, paling sedikit { $required })
musyawarah-ba-method = Pengambilan keputusan
musyawarah-ba-method-mufakat = Musyawarah untuk mufakat.
musyawarah-ba-method-vote-passed = Suara terbanyak: setuju { $votesFor }, tidak setuju { $votesAgainst }, abstain { $votesAbstain }. Lebih dari separuh (½ + 1) dari { $base } yang hadir menyetujui (paling sedikit { $required }).
musyawarah-ba-method-vote-failed = Suara terbanyak: setuju { $votesFor }, tidak setuju { $votesAgainst }, abstain { $votesAbstain }. Yang setuju tidak mencapai lebih dari separuh (½ + 1) dari { $base } yang hadir (paling sedikit { $required }).
musyawarah-ba-proceedings = Jalannya musyawarah
musyawarah-ba-decisions = Keputusan
musyawarah-ba-closing = Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.
musyawarah-ba-signed-at = { $place }, { $date }
musyawarah-ba-sign-chair = Pimpinan Musyawarah,
musyawarah-ba-sign-secretary = Notulis,
musyawarah-ba-sign-knows = Mengetahui,
musyawarah-ba-sign-head = { $kepalaDesa } { $village }
musyawarah-ba-attendance-title = LAMPIRAN: DAFTAR HADIR
musyawarah-ba-col-position = Jabatan / keterangan
musyawarah-ba-col-signature = Tanda tangan
musyawarah-ba-page = Halaman { $page } dari { $pages }
