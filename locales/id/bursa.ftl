# Pusat data desa dan bursa kerja sama
# The forum's words ($desa, $Desa, $mad, …) are filled into every text by src/bot/lib/terms.ts.

cmd-profil = Profil { $desa }: penduduk, komoditas, fasilitas, BUMDes
cmd-potensi = Cari { $desa } yang punya komoditas atau potensi tertentu
cmd-bursa = Bursa kerja sama: kebutuhan dan penawaran antar{ $desa }
cmd-mediasi = Mediasi kecamatan: kebutuhan dan pasangan yang perlu dibantu
cmd-kerjasama = Kesepakatan kerja sama { $desa }
cmd-kerjasama_ekspor = Unduh daftar kesepakatan kerja sama (Excel/CSV)

menu-profil = 🏘️ Profil
menu-potensi = 🌾 Potensi
menu-bursa = 🤝 Bursa
menu-mediasi = 🧭 Mediasi
menu-kerjasama = 📑 Kerja sama
menu-kerjasama_ekspor = 📊 Unduh kerja sama

bursa-village-label = { $Desa } { $name }
bursa-mitra-label = Mitra · { $name }
bursa-no-villages = Forum ini belum punya { $desa }.
bursa-btn-back = ◀️ Kembali
bursa-btn-done = ✅ Selesai
bursa-btn-continue = ✅ Lanjut
bursa-btn-repick = ✏️ Pilih ulang
bursa-saved = ✅ Tersimpan.
bursa-unchanged = Tidak ada yang berubah.

## Profil

bursa-profile-head = 🏘️ <b>Profil { $Desa } { $name }</b>
bursa-profile-population = { $n } jiwa
bursa-profile-households = { $n } KK
bursa-profile-area = { $n } ha
bursa-profile-dusun = { $n } dusun
bursa-profile-empty = Profil ini belum diisi.
bursa-profile-updated = Diperbarui { $date }
bursa-profile-pick = Profil { $desa } mana yang ingin Bapak/Ibu lihat?
bursa-profile-which = Ada beberapa { $desa } dengan nama itu. Tekan salah satu:
bursa-profile-not-found = { $Desa } “{ $name }” tidak ditemukan di forum ini.
bursa-profile-usage = Tulis nama { $desa }, misalnya: <code>/profil Sukajaya</code>
bursa-enterprise-units = unit: { $list }
bursa-enterprise-products = produk/layanan: { $list }

bursa-field-people = Penduduk
bursa-field-land = Wilayah
bursa-field-commodities = Komoditas dan potensi
bursa-field-facilities = Fasilitas
bursa-field-enterprises = BUMDes dan koperasi
bursa-field-challenges = Tantangan utama
bursa-field-contact = Kontak
bursa-field-point = Titik lokasi
bursa-field-population = Jumlah penduduk
bursa-field-households = Jumlah KK
bursa-field-areaHa = Luas (ha)
bursa-field-dusun = Dusun
bursa-field-dusunCount = Jumlah dusun
bursa-field-contactName = Nama kontak
bursa-field-contactPhone = Telepon kontak
bursa-field-latitude = Lintang
bursa-field-longitude = Bujur
bursa-field-category = Kategori
bursa-field-quantity = Jumlah
bursa-field-period = Waktu
bursa-field-place = Tempat
bursa-field-terms = Syarat

bursa-kind-bumdes = BUMDes
bursa-kind-bumdesma = BUMDesMa
bursa-kind-koperasi = Koperasi

bursa-btn-edit = ✏️ Ubah
bursa-btn-upload = 📤 Unggah berkas
bursa-btn-template = 📄 Templat
bursa-btn-history = 🕘 Riwayat

bursa-section-people = 👥 Penduduk
bursa-section-land = 📐 Luas & dusun
bursa-section-commodities = 🌾 Komoditas
bursa-section-facilities = 🏫 Fasilitas
bursa-section-enterprises = 🏢 BUMDes/koperasi
bursa-section-challenges = ⚠️ Tantangan
bursa-section-contact = 📞 Kontak
bursa-section-point = 📍 Titik lokasi

bursa-ask-section = Bagian mana dari profil { $Desa } <b>{ $name }</b> yang ingin diubah?
bursa-ask-current = Sekarang: { $value }. Ketik <code>-</code> untuk mengosongkan.
bursa-ask-current-none = Sekarang: belum diisi.
bursa-ask-population = Berapa jumlah penduduk (jiwa)? Contoh: 2.345
bursa-ask-households = Berapa jumlah kepala keluarga (KK)? Contoh: 712
bursa-ask-area = Berapa luas wilayah dalam hektare? Contoh: 1.250 atau 980,5
bursa-ask-dusun = Tulis nama-nama dusun dipisah koma, atau jumlahnya saja. Contoh: Krajan, Sumberejo, Mulyosari
bursa-ask-commodities = Tulis komoditas dan potensi utama, dipisah koma. Contoh: padi, jagung, kopi, ternak sapi, wisata air terjun
bursa-ask-facilities = Tulis fasilitas yang ada, dipisah koma. Contoh: SD, polindes, pasar { $desa }, balai { $desa }
bursa-ask-challenges = Apa tantangan utama { $desa }? Tulis singkat.
bursa-ask-contact-name = Siapa nama kontak kantor { $desa }? (Hanya perangkat { $desa } dan admin yang dapat melihatnya.)
bursa-ask-contact-phone = Berapa nomor telepon/WhatsApp kontak itu? Contoh: 0812 3456 7890
bursa-ask-point = Kirim titik lokasi kantor { $desa } (📎 → Lokasi), atau tulis koordinatnya, misalnya: <code>-4.93, 105.02</code>. Titik ini dipakai untuk menghitung jarak antar{ $desa } di bursa.
bursa-ask-enterprise-action = Belum ada BUMDes, BUMDesMa, atau koperasi yang tercatat.
bursa-ask-enterprise-action-list =
    Yang tercatat:
    { $list }
bursa-btn-enterprise-add = ➕ Tambah
bursa-btn-enterprise-remove = 🗑️ Hapus { $name }
bursa-ask-enterprise-kind = Jenis lembaganya?
bursa-ask-enterprise-name = Apa namanya? Contoh: BUMDes Maju Bersama
bursa-ask-enterprise-units = Unit usahanya apa saja? Dipisah koma, atau <code>-</code> jika belum ada. Contoh: simpan pinjam, sewa alsintan, toko { $desa }
bursa-ask-enterprise-products = Produk dan layanannya apa saja? Dipisah koma, atau <code>-</code>. Contoh: beras, pupuk organik, jasa traktor
bursa-enterprise-name-needed = Nama lembaga perlu diisi. Tidak ada yang disimpan.
bursa-edit-done = ✅ Profil { $Desa } <b>{ $name }</b> sudah diperbarui. Ketik /profil untuk melihatnya.

bursa-value-not_number = Itu bukan angka. Tulis angka saja, misalnya 1.250.
bursa-value-negative = Angkanya tidak boleh negatif.
bursa-value-too_big = Angkanya terlalu besar. Mohon periksa lagi.
bursa-value-not_whole = Mohon tulis bilangan bulat, tanpa koma.
bursa-value-bad_phone = Nomor telepon tidak dikenali. Tulis seperti 0812 3456 7890 atau +62 812 3456 7890.
bursa-value-bad_coordinates = Koordinat tidak dikenali. Tulis lintang dan bujur, misalnya: -4.93, 105.02
bursa-value-outside_indonesia = Titik itu berada di luar Indonesia. Mungkin lintang dan bujur tertukar?
bursa-value-too_long = Terlalu panjang. Mohon dipersingkat.
bursa-value-too_many = Terlalu banyak isian. Paling banyak 30.

bursa-history-head = 🕘 <b>Riwayat profil { $Desa } { $name }</b>
bursa-history-empty = Profil { $Desa } { $name } belum pernah diubah.
bursa-history-more = …dan { $n } perubahan lain
bursa-source-chat = lewat percakapan
bursa-source-upload = lewat unggah berkas

## Templat dan unggah

bursa-sheet-profil = Profil
bursa-sheet-usaha = Usaha
bursa-template-file = templat-profil-{ $desa }
bursa-template-caption = 📄 Templat profil { $desa }. Lembar <b>Profil</b>: satu baris per { $desa }. Lembar <b>Usaha</b>: satu baris per BUMDes, BUMDesMa, atau koperasi. Isian sudah terisi data sekarang; sel kosong berarti dikosongkan. Setelah diisi, tekan 📤 Unggah berkas. Berkas .csv dengan judul kolom yang sama juga diterima.
bursa-col-village = { $Desa }
bursa-col-population = Jumlah Penduduk
bursa-col-households = Jumlah KK
bursa-col-areaHa = Luas (ha)
bursa-col-dusun = Dusun (nama atau jumlah)
bursa-col-commodities = Komoditas dan Potensi
bursa-col-facilities = Fasilitas
bursa-col-challenges = Tantangan Utama
bursa-col-contactName = Nama Kontak
bursa-col-contactPhone = Telepon Kontak
bursa-col-latitude = Lintang
bursa-col-longitude = Bujur
bursa-col-e-village = { $Desa }
bursa-col-e-kind = Jenis
bursa-col-e-name = Nama
bursa-col-e-units = Unit Usaha
bursa-col-e-products = Produk dan Layanan

bursa-upload-ask = 📤 Kirim berkas templat yang sudah diisi (.xlsx atau .csv) sebagai dokumen. Semua baris diperiksa dulu; jika ada yang salah, tidak ada yang disimpan.
bursa-upload-expect-file = Mohon kirim berkas .xlsx atau .csv sebagai dokumen (📎 → Berkas).
bursa-upload-wrong-type = Berkas itu bukan .xlsx atau .csv. Simpan templat sebagai Excel (.xlsx) atau CSV, lalu kirim lagi.
bursa-upload-too-big = Berkas terlalu besar (paling besar 2 MB).
bursa-upload-unreadable = Berkas tidak dapat dibaca. Pastikan itu berkas Excel (.xlsx) atau CSV yang utuh.
bursa-upload-too_big = Berkas terlalu banyak barisnya (paling banyak 2.000).
bursa-upload-empty = Berkas itu kosong.
bursa-upload-preview = Semua baris benar. { $count } { $desa } akan diperbarui: { $names }. Usaha yang tercatat: { $enterprises }. Simpan?
bursa-upload-done = ✅ Tersimpan. { $villages } { $desa } diperiksa, { $changed } berubah. Perubahan tercatat di 🕘 Riwayat.

bursa-import-rejected = ❌ Ada { $count } kesalahan di berkas. Tidak ada yang disimpan.
bursa-import-more = …dan { $n } kesalahan lain.
bursa-import-fix = Perbaiki berkasnya, lalu kirim lagi di sini. Ketik /batal untuk berhenti.
bursa-import-where-sheet = Lembar { $sheet }
bursa-import-where-row = Lembar { $sheet }, baris { $row }
bursa-import-where-cell = Lembar { $sheet }, baris { $row }, kolom “{ $column }”
bursa-import-no_sheet = tidak ada lembar Profil atau Usaha.
bursa-import-no_rows = belum ada baris yang diisi.
bursa-import-too_many_rows = terlalu banyak baris (paling banyak 500).
bursa-import-no_village_column = tidak ada kolom { $Desa }.
bursa-import-unknown_column = judul kolom tidak dikenal. Gunakan judul dari templat.
bursa-import-duplicate_column = kolom ini muncul dua kali.
bursa-import-village_missing = nama { $desa } kosong.
bursa-import-village_unknown = { $desa } ini tidak ada di forum.
bursa-import-village_duplicate = { $desa } ini sudah ada di baris lain.
bursa-import-village_not_yours = Bapak/Ibu hanya dapat mengubah profil { $desa } Bapak/Ibu sendiri.
bursa-import-kind_unknown = jenis harus BUMDes, BUMDesMa, atau Koperasi.
bursa-import-name_missing = nama lembaga kosong.
bursa-import-coordinates_half = lintang dan bujur harus diisi keduanya, atau dikosongkan keduanya.
bursa-import-not_number = bukan angka.
bursa-import-negative = angka tidak boleh negatif.
bursa-import-too_big = angkanya terlalu besar.
bursa-import-not_whole = harus bilangan bulat.
bursa-import-bad_phone = nomor telepon tidak dikenali.
bursa-import-bad_coordinates = koordinat tidak dikenali.
bursa-import-outside_indonesia = titik berada di luar Indonesia (lintang dan bujur tertukar?).
bursa-import-too_long = isian terlalu panjang.
bursa-import-too_many = terlalu banyak isian (paling banyak 30).

## Potensi

bursa-potensi-usage = Tulis komoditas atau potensi yang dicari, misalnya: <code>/potensi kopi</code>
bursa-potensi-none = Belum ada { $desa } yang mencatat “{ $query }”.
bursa-potensi-head = 🌾 { $count } { $desa } punya “{ $query }”:

## Bursa

bursa-menu =
    🤝 <b>Bursa kerja sama</b>
    Kebutuhan terbuka: { $needs } · Penawaran terbuka: { $offers }

    Catat kebutuhan atau penawaran { $desa } Bapak/Ibu. Saya mencocokkannya dengan { $desa } lain dan memberi tahu kedua pihak.
bursa-menu-mitra =
    🤝 <b>Bursa kerja sama</b>
    Kebutuhan { $desa } yang terbuka: { $needs }

    Sebagai mitra, Bapak/Ibu dapat melihat kebutuhan { $desa } dan memasang penawaran.
bursa-btn-list-needs = 📥 Kebutuhan
bursa-btn-list-offers = 📤 Penawaran
bursa-btn-new-need = ➕ Kebutuhan
bursa-btn-new-offer = ➕ Penawaran
bursa-btn-mine = 🗂️ Milik saya
bursa-btn-view-post = 👁️ Lihat
bursa-btn-send = 📨 Kirim
bursa-btn-post-done = ✅ Terpenuhi
bursa-btn-post-withdraw = 🗑️ Tarik
bursa-btn-interest = 🤝 Saya berminat
bursa-list-head-n = 📥 <b>Kebutuhan terbuka</b> ({ $count })
bursa-list-head-o = 📤 <b>Penawaran terbuka</b> ({ $count })
bursa-list-head-mine = 🗂️ <b>Kebutuhan dan penawaran Bapak/Ibu</b> ({ $count })
bursa-list-empty-n = Belum ada kebutuhan yang terbuka.
bursa-list-empty-o = Belum ada penawaran yang terbuka.
bursa-list-empty-mine = Bapak/Ibu belum memasang kebutuhan atau penawaran.

bursa-post-head-need = 📥 <b>Kebutuhan</b> · { $who }
bursa-post-head-offer = 📤 <b>Penawaran</b> · { $who }
bursa-post-matches = 🤝 { $count } kecocokan. Tekan untuk melihat:
bursa-post-no-matches = Belum ada yang cocok. Saya akan memberi tahu bila ada yang cocok.
bursa-post-closed-done = Ditandai terpenuhi.
bursa-post-closed-withdrawn = Ditarik dari bursa.
bursa-status-terbuka = Terbuka
bursa-status-selesai = Sudah terpenuhi
bursa-status-ditutup = Sudah ditarik

bursa-cat-alat = 🚜 Alat & mesin
bursa-cat-bibit = 🌱 Bibit & benih
bursa-cat-saprodi = 🧪 Pupuk & pakan
bursa-cat-hasil = 🌾 Hasil bumi & produk
bursa-cat-pelatihan = 🎓 Pelatihan
bursa-cat-jasa = 🛠️ Tenaga & jasa
bursa-cat-pemasaran = 🛒 Pemasaran
bursa-cat-modal = 💰 Modal
bursa-cat-sarana = 🏛️ Sarana & tempat
bursa-cat-lainnya = 📦 Lainnya

bursa-ask-village = Untuk { $desa } mana?
bursa-ask-partner = Atas nama lembaga apa penawaran ini? Contoh: Universitas Lampung, Bank BRI Unit Bangunrejo
bursa-partner-bad = Nama lembaga 2–100 huruf.
bursa-ask-category = Termasuk kategori apa?
bursa-ask-title-need = Apa yang dibutuhkan? Tulis singkat dan jelas. Contoh: <i>butuh mesin pengering gabah untuk panen Juli</i>
bursa-ask-title-offer = Apa yang ditawarkan? Tulis singkat dan jelas. Contoh: <i>traktor roda dua bisa disewa harian</i>
bursa-ask-details = Ada keterangan tambahan? (kondisi, ukuran, untuk apa)
bursa-ask-quantity = Berapa jumlahnya? Contoh: 2 unit, 20.000 ekor, 5 ton
bursa-ask-period = Kapan? Contoh: <i>Juli–Agustus</i>, <i>1–15 Maret 2027</i>, <i>mulai Oktober</i>
bursa-ask-place = Di mana? (dusun, lokasi, atau diantar)
bursa-ask-terms = Ada syarat? Contoh: biaya sewa, bahan bakar ditanggung penyewa
bursa-preview-head = Pratinjau, seperti yang akan dilihat { $desa } lain:
bursa-confirm-post = Kirim ke bursa?
bursa-posted-matches = ✅ Terkirim. Ada { $count } yang cocok; kedua pihak sudah kami beri tahu.
bursa-posted-none = ✅ Terkirim. Belum ada yang cocok; kami akan memberi tahu bila ada.

bursa-match-head-need = 🤝 <b>Ada yang cocok</b> dengan kebutuhan Bapak/Ibu “{ $title }”:
bursa-match-head-offer = 🤝 <b>Ada yang membutuhkan</b> penawaran Bapak/Ibu “{ $title }”:
bursa-match-why = Cocok karena: { $why }
bursa-match-distance = jarak ± { $km } km
bursa-match-overlap = waktunya bersamaan
bursa-match-foot = Tekan “Saya berminat” bila ingin dihubungkan. Pihak lain akan diberi tahu.
bursa-interest-from-need = 👋 { $who } berminat pada penawaran Bapak/Ibu “{ $title }” untuk kebutuhan “{ $other }”. Tekan “Saya berminat” bila Bapak/Ibu juga ingin dihubungkan.
bursa-interest-from-offer = 👋 { $who } berminat memenuhi kebutuhan Bapak/Ibu “{ $title }” dengan penawaran “{ $other }”. Tekan “Saya berminat” bila Bapak/Ibu juga ingin dihubungkan.
bursa-interest-noted = Minat Bapak/Ibu sudah dicatat. Pihak lain sudah kami beri tahu.
bursa-interest-both = Kedua pihak berminat. Kontak sudah dikirim ke kedua pihak.
bursa-interest-already = Minat Bapak/Ibu sudah tercatat sebelumnya.
bursa-both-head = ✅ <b>Kedua pihak berminat</b>
bursa-both-contacts = Silakan hubungi { $who }:
bursa-both-no-contact = Kecamatan akan membantu mempertemukan kedua pihak.
bursa-both-foot = Bila sudah sepakat, catat kesepakatannya lewat /kerjasama.

## Mediasi

bursa-mediator-head = 🧭 <b>Mediasi bursa kerja sama</b>
bursa-mediator-needs = 📥 <b>Kebutuhan tanpa penawaran</b> ({ $count })
bursa-mediator-pairs = 🤝 <b>Pasangan cocok yang belum ditindaklanjuti</b> ({ $count })
bursa-mediator-none = —
bursa-mediator-asked = sudah ditanyakan
bursa-mediator-foot = 📣 menanyakan kebutuhan ke semua { $desa } lewat forum diskusi. 🔎 membuka pasangan: diskusi, undangan { $mad }, atau kesepakatan.
bursa-pair-head = 🔎 <b>Pasangan cocok</b>
bursa-pair-interest = Minat: pihak yang butuh { $need } · pihak yang menawarkan { $offer }
bursa-btn-discuss = 💬 Diskusi
bursa-btn-mad = 📅 Undang { $mad }
bursa-btn-agreement = 📑 Kesepakatan
bursa-btn-open-topic = 💬 Buka diskusi
bursa-topic-title = Kerja sama: { $title }
bursa-topic-description =
    📥 Kebutuhan { $needWho }: { $need }
    📤 Penawaran { $offerWho }: { $offer }

    Kecamatan membuka diskusi ini agar kedua pihak dapat membicarakan kerja samanya.
bursa-ask-all-title = Siapa bisa membantu: { $title }
bursa-ask-all-description =
    { $who } membutuhkan: { $title }
    { $details }
    Waktu: { $period }

    { $Desa } yang dapat membantu, silakan balas di sini.
bursa-topic-preview = Topik diskusi ini akan dikirim ke grup { $count } { $desa }:
bursa-topic-preview-all = Topik diskusi ini akan dikirim ke grup semua { $desa }:
bursa-topic-confirm = Buka diskusinya?
bursa-topic-opened = ✅ Diskusi dibuka di { $groups } grup.
bursa-mad-ask-when = 📅 Kapan Musyawarah Antar { $Desa } ini diadakan?
bursa-mad-ask-duration = Berapa lama?
bursa-mad-title = { $mad } kerja sama: { $title }
bursa-mad-agenda-1 = Kebutuhan { $needWho } ({ $need }) dan penawaran { $offerWho } ({ $offer })
bursa-mad-agenda-2 = Bentuk kerja sama, nilai, dan jangka waktu
bursa-mad-agenda-3 = Penyusunan kesepakatan kerja sama
bursa-mad-confirm =
    📅 <b>{ $title }</b>
    { $date }
    📍 { $place }
    { $agenda }

    Undangan dikirim ke grup dan perangkat { $desa } kedua pihak. Kirim?
bursa-btn-send-invite = 📨 Kirim undangan
bursa-mad-sent = ✅ Undangan { $mad } terkirim ke { $groups } grup dan { $persons } orang.

## Kesepakatan kerja sama

bursa-btn-ks-new = ➕ Catat kesepakatan
bursa-btn-ks-export = 📊 Unduh
bursa-btn-ks-status = 🔖 Ubah status
bursa-btn-ks-document = 📎 Lampirkan dokumen
bursa-btn-ks-evaluation = 🗓️ Tambah evaluasi
bursa-btn-ks-file = 📄 Lihat dokumen
bursa-btn-ks-open = 👁️ Lihat
bursa-ks-list-head = 📑 <b>Kesepakatan kerja sama</b> ({ $count })
bursa-ks-list-empty = Belum ada kesepakatan kerja sama yang tercatat.
bursa-ks-head = 📑 <b>Kesepakatan <code>{ $number }</code></b>
bursa-ks-object = Objek
bursa-ks-parties = Pihak
bursa-ks-value = Nilai
bursa-ks-period = Masa berlaku
bursa-ks-status = Status
bursa-ks-document = Dokumen
bursa-ks-document-attached = terlampir
bursa-ks-document-none = belum dilampirkan
bursa-ks-evaluations = Evaluasi
bursa-ks-status-draf = Draf
bursa-ks-status-ditandatangani = Ditandatangani
bursa-ks-status-berjalan = Berjalan
bursa-ks-status-selesai = Selesai
bursa-ks-status-batal = Batal
bursa-ks-ask-status = Status <code>{ $number }</code> sekarang: { $status }. Ubah menjadi:
bursa-ks-status-changed = Status diubah: { $status }.
bursa-ks-ask-parties-match = Pihak dalam kesepakatan: { $parties }.
bursa-ks-ask-villages = { $Desa } mana saja yang menjadi pihak?
bursa-ks-ask-others = Ada pihak lain (mitra, lembaga)? Tulis namanya dipisah koma.
bursa-ks-ask-object = Apa objek kerja samanya? Contoh: sewa traktor untuk olah lahan 25 ha
bursa-ks-ask-value = Berapa nilainya? Contoh: Rp 15.000.000 atau 15 juta
bursa-ks-ask-period = Masa berlakunya? Contoh: <i>1 Januari 2027 – 30 Juni 2027</i> atau <i>Januari–Juni 2027</i>
bursa-ks-ask-evaluations = Tanggal evaluasi? Pisahkan dengan titik koma. Contoh: <i>1 Maret 2027; 1 Juni 2027</i>. Para pihak diingatkan sehari sebelumnya pukul 08.00.
bursa-ks-evaluation-bad = Tanggal “{ $text }” tidak dikenali. Tulis seperti 1 Maret 2027 atau 01/03/2027.
bursa-ks-preview = Pratinjau kesepakatan:
bursa-ks-number-pending = (nomor diberikan saat disimpan)
bursa-ks-confirm = Simpan sebagai draf?
bursa-ks-saved = ✅ Kesepakatan <code>{ $number }</code> tersimpan sebagai draf. Lampirkan dokumen yang sudah ditandatangani bila ada.
bursa-ks-ask-document = 📎 Kirim dokumen kesepakatan yang sudah ditandatangani (PDF atau foto).
bursa-ks-document-expect = Mohon kirim dokumen atau foto.
bursa-ks-document-saved = ✅ Dokumen terlampir pada <code>{ $number }</code>.
bursa-ks-ask-evaluation = Tanggal evaluasi berikutnya? Contoh: 1 Maret 2027
bursa-ks-evaluation-saved = ✅ Evaluasi dijadwalkan { $date }. Para pihak akan diingatkan sehari sebelumnya.
bursa-ks-export-file = kesepakatan-kerja-sama
bursa-ks-export-sheet = Kesepakatan
bursa-ks-export-caption = 📊 { $count } kesepakatan kerja sama. { $counts }
bursa-ks-col-number = Nomor
bursa-ks-col-object = Objek
bursa-ks-col-parties = Pihak
bursa-ks-col-value = Nilai (Rp)
bursa-ks-col-start = Mulai
bursa-ks-col-end = Berakhir
bursa-ks-col-status = Status
bursa-ks-col-document = Dokumen
bursa-ks-col-evaluations = Evaluasi
bursa-ks-yes = Ada
bursa-ks-no = Belum
bursa-eval-reminder = 🗓️ <b>Pengingat evaluasi kerja sama</b> <code>{ $number }</code>: evaluasi dijadwalkan { $date }.
bursa-eval-late = (Pengingat ini terlambat terkirim.)
bursa-eval-foot = Mohon para pihak menyiapkan laporan pelaksanaan. Ubah status atau jadwal lewat /kerjasama.

## Galat

error-bursa_not_member = Bapak/Ibu belum terdaftar di forum ini.
error-bursa_post_not_allowed = Hanya perangkat { $desa } (untuk { $desa }nya), admin forum, atau mitra (untuk penawaran) yang dapat memasang di bursa.
error-bursa_mitra_offers_only = Mitra dapat memasang penawaran dan melihat kebutuhan { $desa }.
error-bursa_bad_category = Kategori tidak dikenal.
error-bursa_title_short = Terlalu singkat. Tulis paling sedikit { $min } huruf.
error-bursa_title_long = Terlalu panjang. Batasnya { $max } huruf.
error-bursa_details_long = Keterangan terlalu panjang. Batasnya { $max } huruf.
error-bursa_field_long = Isian terlalu panjang. Batasnya { $max } huruf.
error-bursa_partner_missing = Nama lembaga mitra perlu diisi.
error-bursa_period_unparsed = Waktunya tidak saya pahami. Tulis seperti <i>Juli–Agustus</i>, <i>1–15 Maret 2027</i>, atau <i>mulai Oktober</i>.
error-bursa_period_past = Waktu itu sudah lewat.
error-bursa_post_not_found = Kebutuhan atau penawaran itu tidak ditemukan.
error-bursa_post_closed = Kebutuhan atau penawaran ini sudah ditutup.
error-bursa_not_your_post = Hanya { $desa } atau mitra yang memasangnya yang dapat menutupnya.
error-bursa_match_not_found = Kecocokan itu tidak ditemukan.
error-bursa_not_your_side = Tombol ini untuk pihak yang bersangkutan.
error-bursa_not_mediator = Hanya admin forum dan moderator kecamatan yang dapat memediasi.
error-bursa_already_discussed = Diskusi untuk ini sudah dibuka.
error-bursa_already_invited = Undangan { $mad } untuk pasangan ini sudah dikirim.
error-bursa_no_villages = Tidak ada { $desa } yang terlibat.
error-profile_not_yours = Bapak/Ibu hanya dapat mengubah profil { $desa } Bapak/Ibu sendiri.
error-profile_history_not_allowed = Riwayat profil hanya dapat dilihat perangkat { $desa } itu dan admin forum.
error-profile_bad_field = Bagian profil tidak dikenal.
error-profile_changed = Profil baru saja diubah orang lain. Silakan coba lagi.
error-potensi_query_short = Tulis paling sedikit 2 huruf.
error-enterprise_bad_kind = Jenis harus BUMDes, BUMDesMa, atau Koperasi.
error-enterprise_bad_name = Nama lembaga 2–{ $max } huruf.
error-enterprise_not_found = Lembaga itu sudah tidak ada.
error-enterprise_too_many = Paling banyak { $max } lembaga per { $desa }.
error-import_rejected = Berkas berisi { $count } kesalahan. Tidak ada yang disimpan.
error-agreement_not_found = Kesepakatan itu tidak ditemukan.
error-agreement_not_manager = Hanya perangkat { $desa } pihak kesepakatan dan admin forum yang dapat mengubahnya.
error-agreement_not_party = Bapak/Ibu hanya dapat mencatat kesepakatan yang melibatkan { $desa } Bapak/Ibu.
error-agreement_object_short = Objek kerja sama terlalu singkat.
error-agreement_object_long = Objek kerja sama terlalu panjang. Batasnya { $max } huruf.
error-agreement_parties_few = Kesepakatan perlu paling sedikit dua pihak.
error-agreement_parties_many = Paling banyak { $max } pihak.
error-agreement_party_twice = Satu { $desa } tercantum dua kali.
error-agreement_party_name_bad = Nama pihak 2–{ $max } huruf.
error-agreement_value_bad = Nilai tidak dikenali. Tulis seperti Rp 15.000.000 atau 15 juta.
error-agreement_period_bad = Tanggal berakhir sebelum tanggal mulai.
error-agreement_evaluations_many = Paling banyak { $max } tanggal evaluasi.
error-agreement_evaluation_past = Tanggal evaluasi sudah lewat.
error-agreement_evaluation_twice = Tanggal evaluasi itu sudah ada.
error-agreement_status_bad = Status itu tidak dapat dipilih dari status sekarang.
error-agreement_changed = Kesepakatan baru saja diubah orang lain. Silakan lihat lagi.
error-agreement_closed = Kesepakatan ini sudah selesai atau batal.
error-agreement_document_bad = Dokumen tidak dikenali. Kirim ulang sebagai berkas atau foto.
