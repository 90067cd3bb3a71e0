# Laporan bulanan (indikator keberhasilan kerja sama) dan indikator tahunan
# The forum's words ($desa, $Desa, …) are filled into every text by src/bot/lib/terms.ts.

cmd-laporan = Laporan bulanan kerja sama antar{ $desa }: grafik dan Excel
cmd-indikator = Indikator tahunan { $desa } (IDM dan lainnya): isi, unggah, unduh templat
menu-laporan = 📊 Laporan
menu-indikator = 📈 Indikator

error-laporan_not_allowed = Laporan hanya untuk perangkat { $desa }, staf kecamatan, dan admin forum.
error-laporan_month_bad = Bulan itu tidak tersedia. Pilih salah satu bulan pada tombol.
error-indikator_not_allowed = Indikator hanya dapat diisi oleh admin forum dan perangkat { $desa } untuk { $desa }-nya sendiri.
error-indikator_new_admin_only = Hanya admin forum yang dapat menambah jenis indikator baru.
error-indikator_idm_score_bad = Skor IDM berupa angka antara 0 dan 1, misalnya 0,7123.
error-indikator_idm_status_bad = Status IDM harus salah satu dari: Sangat Tertinggal, Tertinggal, Berkembang, Maju, Mandiri.
error-indikator_value_empty = Nilainya masih kosong. Tulis angka atau teks singkat.
error-indikator_year_bad = Tahun itu tidak dapat dipakai.
error-indikator_name_bad = Nama indikator masih kosong.
error-indikator_too_many = Forum ini sudah punya { $max } indikator sendiri; tidak dapat menambah lagi.

laporan-title = 📊 <b>Laporan { $forum }</b> — { $month }
    { $scope }
laporan-scope-all = Semua { $desa } ({ $count })
laporan-trend-up = naik { $pct }
laporan-trend-down = turun { $pct }
laporan-trend-same = tetap
laporan-sum-active = 👥 Partisipasi { $trend } dibanding { $prev }: { $n } warga aktif.
laporan-sum-active-new = 👥 { $n } warga aktif (bulan sebelumnya belum ada kegiatan untuk dibandingkan).
laporan-sum-year = Dibanding { $month }: { $trend } (saat itu { $n } warga aktif).
laporan-sum-discussion = 💬 { $messages } pesan diteruskan dalam { $topics } topik.
laporan-sum-votes = 🗳️ { $votes } pemungutan suara selesai, partisipasi { $turnout }.
laporan-sum-meetings = 📅 { $meetings } musyawarah, kehadiran { $attendance }, kuorum tercapai di { $quorum } musyawarah.
laporan-sum-aspirations = 📝 Aspirasi: { $received } diterima, { $verified } diverifikasi, { $resolved } selesai.
laporan-sum-medians = ⏱️ Median { $verify } hari sampai diverifikasi, { $resolve } hari sampai selesai.
laporan-sum-overdue = ⏰ { $count } aspirasi melewati batas waktu di { $Desa } { $village }.
laporan-sum-announcements = 📢 Pengumuman: { $delivered } terkirim, { $failed } gagal.
laporan-sum-bursa = 🤝 Bursa: { $needs } kebutuhan, { $offers } penawaran, { $matches } kecocokan, { $agreements } kesepakatan.
laporan-sum-idm = 📈 Status IDM { $year }: { $list }.
laporan-sum-files = Rincian per { $desa } ada di grafik dan berkas Excel berikut. Pilih bulan lain dengan tombol di bawah.
laporan-xlsx-caption = Laporan per { $desa }: satu lembar per ukuran, dibandingkan dengan bulan sebelumnya dan bulan yang sama tahun lalu.
laporan-monthly-intro = 🗓️ Laporan bulanan otomatis untuk admin forum dan staf kecamatan.

laporan-chart-active = Warga aktif per { $desa }
laporan-chart-people = Orang
laporan-chart-aspirations = Aspirasi per { $desa }, { $month }
laporan-chart-tickets = Aspirasi
laporan-chart-received = Diterima
laporan-chart-resolved = Selesai
laporan-chart-overdue = Lewat batas waktu

laporan-col-village = { $Desa }
laporan-col-change-prev = Perubahan dari bulan lalu (%)
laporan-col-change-year = Perubahan dari tahun lalu (%)
laporan-row-forum = Seluruh forum
laporan-sheet-indicators = Indikator tahunan
laporan-m-active = Warga aktif
laporan-m-messages = Pesan diteruskan
laporan-m-topics = Topik aktif
laporan-m-votes = Pemungutan suara
laporan-m-turnout = Partisipasi suara (%)
laporan-m-meetings = Musyawarah
laporan-m-attendance = Kehadiran (%)
laporan-m-quorum = Kuorum tercapai (%)
laporan-m-asp-received = Aspirasi diterima
laporan-m-asp-verified = Aspirasi diverifikasi
laporan-m-asp-resolved = Aspirasi selesai
laporan-m-asp-overdue = Aspirasi lewat batas
laporan-m-median-verify = Median hari verifikasi
laporan-m-median-resolve = Median hari selesai
laporan-m-ann-delivered = Pengumuman terkirim
laporan-m-ann-failed = Pengumuman gagal
laporan-m-needs = Bursa kebutuhan
laporan-m-offers = Bursa penawaran
laporan-m-matches = Bursa kecocokan
laporan-m-agreements = Kesepakatan

indikator-screen = 📈 <b>Indikator tahunan { $year }</b>

    { $lines }

    Isi nilai satu per satu, atau unduh templat Excel, isi, lalu kirim kembali.
indikator-none = belum diisi
indikator-more = … dan { $count } lainnya
indikator-btn-enter = ✏️ Isi nilai
indikator-btn-template = 📄 Templat
indikator-btn-import = 📥 Unggah
indikator-btn-new = ➕ Indikator lain
indikator-idm-score = Skor IDM
indikator-idm-status = Status IDM
indikator-col-year = Tahun
indikator-status-sangat_tertinggal = Sangat Tertinggal
indikator-status-tertinggal = Tertinggal
indikator-status-berkembang = Berkembang
indikator-status-maju = Maju
indikator-status-mandiri = Mandiri
indikator-ask-village = Untuk { $desa } mana?
indikator-ask-year = Untuk tahun berapa?
indikator-ask-which = Indikator mana yang akan diisi?
indikator-ask-name = Tulis nama indikator baru (paling banyak { $max } huruf), misalnya: Persentase rumah layak huni.
indikator-ask-status = Pilih status IDM:
indikator-ask-score = Tulis skor IDM, angka antara 0 dan 1, misalnya 0,7123.
indikator-ask-value = Tulis nilai { $name } (angka atau teks singkat).
indikator-saved = ✅ { $name } { $Desa } { $village } tahun { $year } tersimpan.
indikator-score-hint = Menurut skor itu statusnya { $status }; isi juga Status IDM bila belum.
indikator-template-caption = Templat indikator: satu baris per { $desa }. Isi kolomnya, lalu kirim berkas ini lewat tombol <b>📥 Unggah</b>.
indikator-import-ask = Kirim berkas Excel (.xlsx) atau CSV dengan kolom seperti templat: <b>{ $Desa }</b>, <b>Tahun</b>, <b>Skor IDM</b>, <b>Status IDM</b>, dan indikator lain.
indikator-import-expect-file = Kirim berkasnya sebagai dokumen (.xlsx atau .csv), atau tekan ❌ Batal.
indikator-import-wrong-type = Berkas itu bukan .xlsx atau .csv.
indikator-import-too-big = Berkas itu terlalu besar (paling besar 2 MB).
indikator-import-empty = Tidak ada nilai yang dapat dibaca di berkas itu.
indikator-import-done = ✅ Indikator dari berkas tersimpan: { $villages } { $desa }, { $values } nilai ({ $changed } berubah).
indikator-import-errors = Berkas belum disimpan karena ada yang perlu diperbaiki:
indikator-import-error-line = • Baris { $row }, kolom { $column }: { $reason }
indikator-import-village-unknown = nama { $desa } tidak dikenal di forum ini
indikator-import-village-not-allowed = Bapak/Ibu tidak mengisi untuk { $desa } ini
indikator-import-idm-score-bad = skor IDM harus antara 0 dan 1
indikator-import-idm-status-bad = status IDM tidak dikenal
indikator-import-new-indicator-admin-only = indikator baru hanya dapat ditambah admin forum
indikator-import-year-bad = tahun tidak dapat dipakai
indikator-import-file-unreadable = Berkas itu tidak dapat dibaca. Simpan sebagai .xlsx atau .csv lalu kirim lagi.
indikator-import-file-too-big = Berkas itu terlalu banyak barisnya.
indikator-import-file-empty = Berkas itu kosong.
