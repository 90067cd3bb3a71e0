# Pemungutan suara antar desa (voting) dan jajak pendapat cepat

cmd-voting = Pemungutan suara: daftar, buat baru, hasil
menu-voting = 🗳️ Pemungutan suara

## Kartu di grup desa

vote-card-title = 🗳️ <b>Pemungutan suara</b>
vote-card-title-closed = 🗳️ <b>Pemungutan suara — sudah ditutup</b>
vote-option-line = { $n }. { $option }
vote-option-count = { $n }. { $option } — <b>{ $count }</b> ({ $percent })
vote-card-ballots = Suara masuk: <b>{ $count }</b>
vote-card-closes = Batas memilih: { $date }
vote-card-closes-manual = Batas memilih: sampai ditutup oleh penyelenggara
vote-card-closed = Sudah ditutup { $date }. Hasil lengkap dikirim di bawah.
vote-card-hint-single = Tekan satu pilihan. Pilihan dapat diubah sampai batas memilih.
vote-card-hint-multi = Tekan satu atau lebih pilihan; tekan lagi untuk membatalkannya. Dapat diubah sampai batas memilih.
vote-card-hint-secret = 🔒 Rahasia: tekan <b>Beri suara</b>, surat suara dikirim lewat chat pribadi. Hasil diumumkan setelah ditutup.
vote-card-secret-village-note = { $Desa } dengan kurang dari { $min } suara tidak dihitung sebagai suara { $desa }, agar pilihan pemilihnya tetap rahasia.
vote-rule-terbuka = Terbuka
vote-rule-rahasia = Rahasia
vote-rule-single = satu jawaban
vote-rule-multi = boleh lebih dari satu jawaban
vote-rule-per_orang = dihitung per orang
vote-rule-satu_desa = satu { $desa } satu suara
vote-rule-anggota_grup = anggota grup { $desa }
vote-rule-warga_terdaftar = warga terdaftar
vote-rule-perangkat_desa = perangkat { $desa } saja
vote-rule-quorum = kuorum { $quorum }
vote-rule-quick = Jajak pendapat cepat (polling Telegram, anonim)
vote-btn-secret = 🗳️ Beri suara
vote-btn-villages = 📊 Per { $desa }

## Jawaban atas tombol (hanya terlihat oleh yang menekan)

vote-cast = ✅ Suara Bapak/Ibu untuk «{ $option }» tercatat. Dapat diubah sampai batas memilih.
vote-changed = 🔄 Pilihan Bapak/Ibu diubah menjadi «{ $option }».
vote-unchanged = Bapak/Ibu sudah memilih «{ $option }».
vote-multi-now = ✅ Pilihan Bapak/Ibu sekarang: { $options }. Tekan lagi untuk membatalkan salah satunya.
vote-withdrawn = Semua pilihan Bapak/Ibu dibatalkan; suara Bapak/Ibu tidak dihitung.
vote-ballot-sent-private = Surat suara sudah saya kirim ke chat pribadi Bapak/Ibu 👉
vote-villages-sent-private = Rincian per { $desa } sudah saya kirim ke chat pribadi Bapak/Ibu 👉

## Surat suara di chat pribadi

vote-ballot-title = 🗳️ <b>Surat suara</b> · { $Desa } { $village }
vote-ballot-hint-single = Pilih satu jawaban, lalu tekan ✅ Kirim suara.
vote-ballot-hint-multi = Pilih satu atau lebih jawaban, lalu tekan ✅ Kirim suara.
vote-ballot-secret-note = 🔒 Rahasia: tidak seorang pun, termasuk admin, dapat mengetahui pilihan Bapak/Ibu. Suara tidak dapat diubah setelah dikirim.
vote-ballot-current = Pilihan Bapak/Ibu saat ini: { $options }. Pilihan dapat diubah sampai batas memilih.
vote-btn-submit = ✅ Kirim suara
vote-ballot-pick-first = Pilih jawaban dahulu, lalu tekan Kirim suara.
vote-ballot-done-secret = ✅ Suara rahasia Bapak/Ibu sudah tercatat. Terima kasih, Bapak/Ibu.
vote-ballot-done = ✅ Suara Bapak/Ibu tercatat: { $options }. Terima kasih, Bapak/Ibu.
vote-ballot-cancelled = Surat suara ditutup tanpa mengirim suara. Bapak/Ibu dapat memberi suara lagi dari grup { $desa }.

## Hasil

vote-results-title = 🗳️ <b>Hasil pemungutan suara</b>
vote-results-title-quick = ⚡ <b>Hasil jajak pendapat cepat</b>
vote-outcome-winner = Pilihan terbanyak: { $option } ({ $votes } suara)
vote-outcome-tie = Hasil seri: { $options } (masing-masing { $votes } suara)
vote-outcome-none = Tidak ada suara yang masuk.
vote-outcome-withheld-open = Hasil diumumkan setelah ditutup.
vote-outcome-withheld-few = Hasil tidak diumumkan: hanya { $ballots } suara masuk. Dengan kurang dari { $min } suara, hasil akan membuka pilihan para pemilih.
vote-outcome-village-none = Tidak ada { $desa } yang menghasilkan suara { $desa }.
vote-outcome-village-winner = Hasil satu { $desa } satu suara: { $option }, dipilih { $votes } dari { $villages } { $desa }
vote-outcome-village-tie = Seri antar{ $desa }: { $options } (masing-masing { $votes } { $desa })
vote-quorum-reached = Kuorum { $quorum }: ✅ tercapai — { $ballots } dari { $base } memberi suara (paling sedikit { $required })
vote-quorum-missed = Kuorum { $quorum }: ❌ tidak tercapai — { $ballots } dari { $base } memberi suara (paling sedikit { $required })
vote-quorum-unknown = Kuorum { $quorum }: jumlah anggota tidak diketahui, jadi kuorum tidak dapat diperiksa.
vote-quorum-half-plus-one = ½ + 1
# "Lebih dari separuh": the leading option against those who voted (per orang) or the villages that took part.
vote-majority-yes = Lebih dari separuh (½ + 1): ✅ { $option } — { $votes } dari { $base } { $unit } (paling sedikit { $required })
vote-majority-no = Lebih dari separuh (½ + 1): ❌ tidak ada pilihan yang mendapat lebih dari separuh — terbanyak { $votes } dari { $base } { $unit } (paling sedikit { $required })
vote-majority-unit-people = pemilih
vote-majority-unit-villages = { $desa }
# Votes are material for the meeting, not its decision.
vote-results-bahan = ℹ️ Hasil pemungutan suara ini adalah <b>bahan musyawarah</b>, bukan keputusan. Keputusan diambil dalam musyawarah dan dicatat dalam berita acara.
vote-results-bahan-short = Hasil ini bahan musyawarah, bukan keputusan.
vote-results-totals = <b>Jumlah suara</b> — { $ballots } pemilih{ $turnout }
vote-results-turnout = , partisipasi { $percent }
vote-results-totals-withheld-few_ballots = Jumlah per pilihan dirahasiakan karena kurang dari { $min } suara.
vote-results-totals-withheld-protects_small = Jumlah per pilihan dirahasiakan: dari jumlah itu, pilihan di { $desa } dengan kurang dari { $min } suara dapat dihitung.
vote-results-villages = <b>Per { $desa }</b> (pemilih · suara tiap pilihan)
vote-results-your-village = <b>{ $Desa } Bapak/Ibu</b>
vote-results-more-villages = Rincian { $n } { $desa } lainnya: tekan 📊 Per { $desa } (dikirim lewat chat pribadi).
vote-village-line = • <b>{ $village }</b>: { $ballots } dari { $base } { $baseLabel } ({ $turnout })
vote-village-line-nobase = • <b>{ $village }</b>: { $ballots } pemilih
vote-village-top = → { $option }
vote-village-tie = → seri (pilihan { $options })
vote-village-hidden = rincian dirahasiakan (kurang dari { $min } suara)
vote-village-hidden-no-vote = rincian dirahasiakan dan tidak dihitung sebagai suara { $desa } (kurang dari { $min } suara)
vote-village-pooled = rincian dirahasiakan, agar pilihan di { $desa } dengan kurang dari { $min } suara tidak dapat dihitung
vote-village-none = belum ada suara
vote-base-anggota = anggota grup
vote-base-warga = warga terdaftar
vote-base-perangkat = perangkat { $desa }
vote-village-summary = Satu { $desa } satu suara (pilihan: jumlah { $desa }): { $summary }
vote-village-summary-tied = seri { $n } { $desa }
vote-village-summary-without = tanpa suara { $n } { $desa }
vote-village-summary-too-few = kurang dari { $min } suara { $n } { $desa }
vote-results-closed-at = Ditutup { $date }.
vote-results-organiser-note = Unduh hasilnya untuk arsip atau berita acara:
vote-quick-caveat = Jajak pendapat cepat bersifat anonim; orang yang ada di dua grup dapat menjawab dua kali.
vote-chart-title = Hasil: { $question }
vote-chart-subtitle = { $ballots } pemilih · { $villages } { $desa }
vote-chart-axis = Jumlah suara
vote-chart-axis-ballots = Jumlah pemilih
vote-btn-csv = 📄 CSV
vote-btn-xlsx = 📊 Excel

## Rincian per desa (atas permintaan)

vote-villages-title = 📊 <b>Rincian per { $desa }</b>
vote-villages-secret-open = pilihan baru dibuka setelah pemungutan suara ditutup
vote-villages-live = Angka sementara; pemungutan suara masih berjalan.
vote-villages-final = Hasil akhir.

## Pengingat

vote-reminder =
    ⏰ <b>Pengingat pemungutan suara</b>
    <b>{ $question }</b>
    Batas memilih: { $date }. Bapak/Ibu belum memberi suara.
vote-btn-open-ballot = 🗳️ Beri suara

## Daftar dan rincian

vote-list-title = 🗳️ <b>Pemungutan suara</b> — { $forum }
vote-list-title-village = 🗳️ <b>Pemungutan suara { $Desa } { $village }</b>
vote-list-empty = Belum ada pemungutan suara yang berjalan atau selesai dalam 30 hari terakhir.
vote-list-open = <b>Sedang berjalan</b>
vote-list-closed = <b>Selesai</b>
vote-list-item-open = { $n }. { $question } — { $ballots } suara · batas memilih { $date }
vote-list-item-open-manual = { $n }. { $question } — { $ballots } suara · sampai ditutup penyelenggara
vote-list-item-closed = { $n }. { $question } — { $ballots } suara · selesai { $date }
vote-btn-new = ➕ Pemungutan suara baru
vote-btn-quick = ⚡ Jajak cepat
vote-btn-open-detail = 🗳️ Lihat rincian
vote-detail-villages = { $Desa } peserta: { $villages }
vote-detail-reminders = Pengingat: { $list }
vote-before-days = { $n } hari sebelum
vote-before-hours = { $n } jam sebelum
vote-before-minutes = { $n } menit sebelum
vote-btn-close = ⏹ Tutup sekarang
vote-btn-extend = ⏱ Perpanjang
vote-btn-back = ◀️ Kembali
vote-close-confirm = Tutup pemungutan suara ini sekarang? Hasilnya akan dikirim ke semua grup peserta.
vote-btn-close-yes = ✅ Ya, tutup
vote-closing = ⏹ Pemungutan suara sedang ditutup. Hasilnya segera dikirim ke semua grup dan kepada Bapak/Ibu.
vote-extend-menu =
    Saat ini: { $current }
    Diperpanjang berapa lama?
vote-btn-extend-type = ✏️ Tulis tanggal
vote-extend-ask = Diperpanjang sampai kapan? Tekan salah satu, atau tulis tanggal dan jamnya, misalnya: <i>Jumat 17.00</i>
vote-extended = ⏱ Diperpanjang. Batas memilih sekarang: { $date }.
vote-export-caption = Hasil: { $question }

## Membuat pemungutan suara

vote-ask-question =
    Apa pertanyaan yang akan dipilih? Tulis singkat dan jelas.
    Contoh: <i>Setujukah lokasi pasar bersama di Sukajaya?</i>
vote-ask-options =
    Tulis pilihan jawabannya, <b>satu per baris</b> (2–10 pilihan).
    Contoh:
    Setuju
    Tidak setuju
vote-btn-yes-no = Setuju / Tidak setuju
vote-yes = Setuju
vote-no = Tidak setuju
vote-ask-multiple = Berapa jawaban yang boleh dipilih setiap orang?
vote-btn-single = Satu jawaban
vote-btn-multi = Lebih dari satu
vote-ask-ballot =
    Jenis pemungutan suara:
    • <b>Terbuka</b>: jumlah suara terlihat selama berjalan; pilihan dapat diubah sampai batas memilih.
    • <b>Rahasia</b>: hasil baru terlihat setelah ditutup, dan tidak seorang pun — termasuk admin — dapat mengetahui siapa memilih apa. Karena itu suara <b>tidak dapat diubah</b> setelah dikirim.
vote-btn-terbuka = 👁 Terbuka
vote-btn-rahasia = 🔒 Rahasia
vote-ask-villages = { $Desa } mana saja yang ikut? Tekan nama { $desa } untuk memilih, lalu tekan ✅ Selesai.
vote-villages-no-group = { $Desa } yang belum punya grup terhubung tidak dapat dipilih: { $villages }
vote-btn-all = Semua { $desa }
vote-btn-done = ✅ Selesai
vote-pick-at-least-one = Pilih paling sedikit satu.
vote-ask-counting =
    Cara menghitung:
    • <b>Per orang</b>: setiap orang satu suara, dijumlahkan dari semua { $desa }.
    • <b>Satu { $desa } satu suara</b>: pilihan terbanyak di tiap { $desa } menjadi suara { $desa } itu (bahan musyawarah { $mad }). Bila di satu { $desa } seri, { $desa } itu dicatat seri.
vote-ask-counting-secret-note = 🔒 Karena rahasia: { $desa } dengan kurang dari 3 suara tidak dihitung sebagai suara { $desa }, agar pilihan pemilihnya tidak terbuka.
vote-btn-per_orang = 👤 Per orang
vote-btn-satu_desa = 🏘 Satu { $desa } satu suara
vote-ask-eligibility = Siapa yang boleh memberi suara?
vote-btn-anggota_grup = 👥 Anggota grup { $desa }
vote-btn-warga_terdaftar = 🏠 Warga terdaftar
vote-btn-perangkat_desa = 🏛 Perangkat { $desa } saja
vote-ask-deadline = Sampai kapan batas memilih? Tekan salah satu, atau tulis tanggal dan jamnya, misalnya: <i>besok 17.00</i> atau <i>7 Desember 09.00</i>.
vote-ask-deadline-quick = Sampai kapan jajak pendapat dapat dijawab? Tekan salah satu, atau tulis tanggal dan jamnya, misalnya: <i>besok 17.00</i>.
vote-btn-1h = 1 jam
vote-btn-1d = 1 hari
vote-btn-3d = 3 hari
vote-btn-7d = 1 minggu
vote-btn-manual = Saya tutup sendiri
vote-deadline-chosen = Batas memilih: { $date }
vote-deadline-unparsed = Tanggal itu tidak saya kenali. Coba tulis lagi, misalnya: <i>besok 17.00</i> atau <i>Jumat 09.00</i>.
vote-deadline-no-time = Mohon sertakan jamnya, misalnya: <i>Jumat 17.00</i>.
vote-deadline-past = Waktu itu sudah lewat atau kurang dari 5 menit lagi. Coba tulis waktu yang lebih lambat.
vote-deadline-far = Waktu itu terlalu jauh. Paling lama satu tahun dari sekarang.
vote-ask-quorum = Perlu kuorum (paling sedikit berapa bagian yang memberi suara)? Tekan salah satu, atau tulis pecahan atau persennya, misalnya: <i>3/4</i> atau <i>60</i>
vote-btn-no-quorum = Tanpa kuorum
vote-btn-two-thirds = 2/3
vote-btn-half-plus-one = ½ + 1 (lebih dari separuh)
vote-quorum-bad = Tulis persen 1 sampai 100 (misalnya <i>60</i>) atau pecahan (misalnya <i>3/4</i>).
vote-ask-reminders = Kirim pengingat kepada warga terdaftar yang belum memberi suara? Tekan waktunya (boleh lebih dari satu), lalu tekan ✅ Selesai. Tanpa pilihan berarti tanpa pengingat.
vote-preview-intro = Pratinjau — seperti inilah pesan yang akan muncul di setiap grup:
vote-preview-confirm =
    Kirim ke { $groups } grup ({ $villages } { $desa })?
    <i>{ $rules }</i>
vote-btn-send = ✅ Kirim
vote-created = ✅ Pemungutan suara sudah dikirim ke { $groups } grup. Hasilnya akan saya kirimkan kepada Bapak/Ibu setelah ditutup.
vote-no-villages-available = Belum ada { $desa } dengan grup Telegram yang terhubung. Hubungkan grup { $desa } dahulu dengan /hubungkan.

## Jajak pendapat cepat

vote-quick-intro =
    ⚡ <b>Jajak pendapat cepat</b> memakai polling bawaan Telegram: anonim dan sudah dikenal semua orang. Yang <b>tidak</b> dapat dijanjikan:
    • orang yang ada di dua grup dapat menjawab dua kali;
    • tidak ada daftar siapa yang sudah menjawab, jadi tidak ada pengingat;
    • tidak ada hitungan satu { $desa } satu suara atau kuorum.
    Jajak pendapat dikirim terkunci: tidak dapat diteruskan ke grup lain, jadi hanya jawaban di grup { $desa } peserta yang dihitung.
    Untuk bahan musyawarah yang resmi, gunakan pemungutan suara resmi.
vote-btn-quick-go = ⚡ Lanjut jajak cepat
vote-btn-formal-instead = 🗳️ Voting resmi saja
vote-formal-instead = Baik. Tekan tombol di bawah untuk membuat pemungutan suara resmi.
vote-quick-preview =
    Pratinjau jajak pendapat cepat:
    <b>{ $question }</b>
    { $options }
    Batas menjawab: { $date } · { $groups } grup
vote-quick-group-note = ⚡ <b>Jajak pendapat cepat</b> di atas tidak dapat diteruskan ke grup lain. Hanya jawaban di grup ini yang dihitung untuk { $Desa } { $village }. Batas menjawab: { $date }; hasilnya diumumkan di sini.
vote-quick-created = ✅ Jajak pendapat cepat sedang dikirim ke { $groups } grup. Batas menjawab: { $date }; hasil gabungan dan per { $desa } akan dikirim ke semua grup dan kepada Bapak/Ibu.

## Berkas hasil

vote-sheet-villages = Per { $desa }
vote-sheet-ballots = Surat suara
vote-col-village = { $Desa }
vote-col-ballots = Pemilih
vote-col-base = Basis partisipasi
vote-col-turnout = Partisipasi (%)
vote-col-village-choice = Pilihan { $desa }
vote-col-note = Catatan
vote-col-hidden-note = Dirahasiakan (kurang dari { $min } suara)
vote-col-hidden-note-no-vote = Dirahasiakan — bukan suara { $desa } (kurang dari { $min } suara)
vote-col-pooled-note = Dirahasiakan (melindungi { $desa } dengan kurang dari { $min } suara)
vote-col-totals-withheld = Dirahasiakan (agar pilihan pemilih tidak dapat dihitung)
vote-col-tie = Seri
vote-col-total = Jumlah
vote-col-not-final = Sementara (belum ditutup)
vote-col-name = Nama
vote-col-username = Username
vote-col-choice = Pilihan
# File names of the CSV export (letters, digits and dashes only).
vote-file-villages = per-{ $desa }
vote-file-ballots = surat-suara
vote-col-time = Waktu

## Galat

error-vote_not_found = Pemungutan suara itu tidak ditemukan.
error-vote_not_here = Tombol ini sudah tidak berlaku.
error-vote_closed = Pemungutan suara ini sudah ditutup.
error-vote_already_voted = Bapak/Ibu sudah memberi suara. Suara rahasia tidak dapat diubah.
error-vote_not_member = Hanya anggota grup { $desa } peserta yang dapat memberi suara.
error-vote_not_resident = Hanya warga terdaftar dari { $desa } peserta yang dapat memberi suara. Daftarkan { $desa } Bapak/Ibu dengan /{ $desa }ku.
error-vote_not_official = Pemungutan suara ini hanya untuk perangkat { $desa } dari { $desa } peserta.
error-vote_bad_choice = Tombol ini sudah tidak berlaku.
error-vote_not_organiser = Hanya perangkat { $desa } atau admin forum yang dapat membuat pemungutan suara.
error-vote_not_organiser_of = Hanya penyelenggara atau admin forum yang dapat melakukan ini.
error-vote_options_few = Perlu paling sedikit { $min } pilihan, satu per baris.
error-vote_options_many = Paling banyak { $max } pilihan.
error-vote_option_long = Satu pilihan paling panjang { $max } huruf.
error-vote_option_duplicate = Pilihan «{ $option }» tertulis dua kali.
error-vote_question_short = Pertanyaan terlalu pendek. Tulis paling sedikit { $min } huruf.
error-vote_question_long = Pertanyaan terlalu panjang. Batasnya { $max } huruf.
error-vote_closes_too_soon = Batas memilih paling cepat 5 menit dari sekarang.
error-vote_closes_too_late = Batas memilih paling lama satu tahun dari sekarang.
error-vote_quorum_bad = Kuorum harus persen 1 sampai 100 atau pecahan seperti 2/3.
error-vote_bad_setting = Pengaturan tidak dikenal. Silakan mulai lagi dengan /voting.
error-vote_no_villages = Pilih paling sedikit satu { $desa }.
error-vote_village_no_group = { $Desa } { $village } belum punya grup Telegram yang terhubung.
error-vote_extend_earlier = Batas baru harus lebih lambat dari batas memilih sekarang.
error-vote_export_secret_open = Hasil pemungutan suara rahasia baru dapat diunduh setelah ditutup.
