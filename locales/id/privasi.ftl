# Privasi warga (UU PDP No. 27/2022): pemberitahuan dan persetujuan, data saya, hapus data,
# masa simpan, catatan audit.

cmd-privasi = Pemberitahuan privasi dan persetujuan
cmd-dataku = Unduh semua data saya
cmd-hapusdata = Hapus data saya
cmd-audit = Catatan audit forum (admin)
menu-privasi = 🔒 Privasi
menu-dataku = 📦 Data saya
menu-hapusdata = 🗑️ Hapus data
menu-audit = 📜 Audit

# ---------------------------------------------------------------- pemberitahuan

privasi-notice-title = 🔒 <b>Pemberitahuan Privasi Forum Desa</b>
privasi-notice-changed = ℹ️ <b>Pemberitahuan privasi telah berubah.</b> Mohon dibaca dan dijawab lagi.
privasi-notice-what =
    <b>Yang kami simpan</b>
    • ID Telegram Bapak/Ibu dan bahasa tampilan.
    • Jika Bapak/Ibu setuju: nama dan username Telegram; peran dan { $desa } di forum; aspirasi (isi, foto, lokasi) dan balasannya; jawaban undangan musyawarah dan daftar hadirnya; pesan yang Bapak/Ibu kirim di topik diskusi antar{ $desa }; pilihan pada pemungutan suara terbuka.
    • Pemungutan suara rahasia: hanya tercatat bahwa Bapak/Ibu sudah memilih, bukan pilihannya.
privasi-notice-why =
    <b>Untuk apa</b>
    Menjalankan forum: meneruskan aspirasi ke perangkat { $desa } dan mengabarkan tanggapannya, mengirim undangan musyawarah dan pengingat, menghitung suara dan kehadiran, meneruskan diskusi antar{ $desa }.
privasi-notice-who =
    <b>Siapa yang melihat</b>
    • Perangkat { $desa } Bapak/Ibu dan admin forum: nama, { $desa }, peran, aspirasi bernama, jawaban undangan musyawarah.
    • Aspirasi anonim atau rahasia: nama pelapor tidak pernah ditampilkan kepada siapa pun.
    • Warga { $desa } lain: nama Bapak/Ibu pada pesan diskusi yang Bapak/Ibu kirim sendiri di grup.
privasi-notice-how-long =
    <b>Berapa lama</b>
    { $lines }
privasi-notice-controller =
    <b>Pengendali data</b>
    { $lines }
privasi-controller-line = • { $forum }: { $controller }
privasi-controller-unset = belum ditetapkan; sementara admin forum { $forum }
privasi-controller-none = • Admin forum (kecamatan/{ $bkad }) tempat Bapak/Ibu bergabung. Namanya tampil di /privasi setelah Bapak/Ibu bergabung.
privasi-notice-rights =
    <b>Hak Bapak/Ibu</b>
    /privasi membaca ini lagi atau menarik persetujuan · /dataku mengunduh semua data Bapak/Ibu · /hapusdata menghapus data Bapak/Ibu.
privasi-notice-decline = Jika tidak setuju, Bapak/Ibu tetap bisa membaca pengumuman, jadwal musyawarah, dan daftar aspirasi publik, tetapi tidak bisa mengirim aspirasi, bergabung dengan kode, atau menjawab undangan musyawarah di chat ini.
privasi-notice-ask = Apakah Bapak/Ibu setuju?

privasi-retention-relayText = • Isi pesan diskusi antar{ $desa }: { $period }
privasi-retention-reporterLink = • Nama pelapor pada aspirasi yang sudah selesai: { $period } setelah selesai
privasi-retention-attendance = • Daftar hadir dan jawaban undangan musyawarah: { $period } setelah musyawarah
privasi-retention-logs = • Catatan audit: { $period }
privasi-retention-outbox = • Salinan pesan yang sudah terkirim: { $period }
privasi-retention-until-erased = • Nama, peran, dan aspirasi yang masih berjalan: selama Bapak/Ibu menjadi anggota, atau sampai Bapak/Ibu menghapusnya dengan /hapusdata
privasi-retention-forum = <i>{ $forum }</i>

privasi-period-days = { $n } hari
privasi-period-months = { $n } bulan
privasi-period-years = { $n } tahun

privasi-btn-agree = ✅ Saya setuju
privasi-btn-decline = ❌ Tidak setuju
privasi-btn-read = 📄 Baca pemberitahuan privasi
privasi-btn-continue = ▶️ Lanjutkan
privasi-btn-menu = 🏠 Menu

privasi-agreed = ✅ Terima kasih. Persetujuan Bapak/Ibu tercatat pada { $date }. Bapak/Ibu dapat menariknya kapan saja lewat /privasi.
privasi-agreed-continue = Tekan “Lanjutkan” untuk meneruskan yang tadi Bapak/Ibu buka.
privasi-declined =
    Baik, jawaban Bapak/Ibu tercatat: tidak setuju. Kami hanya menyimpan ID Telegram Bapak/Ibu, tanpa nama.

    Bapak/Ibu tetap bisa membaca pengumuman, jadwal musyawarah, dan daftar aspirasi publik. Data yang sudah tersimpan sebelumnya tetap ada sampai Bapak/Ibu menghapusnya dengan /hapusdata. Untuk mengubah jawaban: /privasi.

privasi-needs-consent =
    🔒 { $why }

    Bapak/Ibu belum menyetujui pemberitahuan privasi, jadi fitur ini belum dapat dipakai. Tekan tombol di bawah untuk membacanya.
privasi-needs-consent-toast = Fitur ini perlu persetujuan privasi. Ketik /privasi di chat pribadi dengan saya.
privasi-why-generic = Fitur ini menyimpan data Bapak/Ibu (nama dan isian Bapak/Ibu) agar dapat ditindaklanjuti.
privasi-why-aspirasi = Aspirasi disimpan bersama nama Bapak/Ibu agar perangkat { $desa } dapat menanggapi dan kami dapat mengabarkan hasilnya kepada Bapak/Ibu.
privasi-why-gabung = Bergabung dengan kode mencatat nama, peran, dan { $desa } Bapak/Ibu di forum.
privasi-why-musyawarah = Jawaban undangan musyawarah dan daftar hadir disimpan bersama nama Bapak/Ibu.
privasi-why-voting = Suara Bapak/Ibu dicatat agar setiap orang hanya memilih satu kali.
privasi-why-official = Pekerjaan perangkat { $desa } dan admin tercatat atas nama Bapak/Ibu.

# ---------------------------------------------------------------- /privasi

privasi-status-given = ✅ Bapak/Ibu setuju pada { $date }.
privasi-status-declined = ❌ Bapak/Ibu tidak setuju ({ $date }). Kami hanya menyimpan ID Telegram Bapak/Ibu.
privasi-status-ask = Bapak/Ibu belum menjawab.
privasi-btn-withdraw = ↩️ Tarik persetujuan
privasi-btn-dataku = 📦 Data saya
privasi-btn-hapus = 🗑️ Hapus data saya
privasi-btn-settings = ⚙️ Atur privasi forum
privasi-btn-audit = 📜 Catatan audit

# ---------------------------------------------------------------- pengaturan forum (admin)

privasi-settings =
    ⚙️ <b>Privasi { $forum }</b>

    <b>Pengendali data:</b> { $controller }

    <b>Masa simpan</b>
    { $lines }

    Setiap perubahan mengubah pemberitahuan privasi: anggota forum akan diminta membacanya lagi.
privasi-settings-unset = <i>belum ditetapkan</i>
privasi-btn-controller = ✏️ Pengendali data
privasi-btn-kind-relayText = 💬 Pesan diskusi
privasi-btn-kind-reporterLink = 📝 Nama pelapor
privasi-btn-kind-attendance = 📋 Daftar hadir
privasi-btn-kind-logs = 📜 Catatan audit
privasi-btn-kind-outbox = 📤 Salinan terkirim
privasi-btn-back = ◀️ Kembali
privasi-kind-relayText = isi pesan diskusi antar{ $desa }
privasi-kind-reporterLink = nama pelapor pada aspirasi yang sudah selesai
privasi-kind-attendance = daftar hadir dan jawaban undangan musyawarah
privasi-kind-logs = catatan audit
privasi-kind-outbox = salinan pesan yang sudah terkirim
privasi-ask-controller = Tulis nama dan kontak pengendali data forum ini (lembaga yang bertanggung jawab atas data warga), misalnya: <i>Kantor Camat Bangunrejo, Jl. Raya Bangunrejo No. 1, telp. 0725-123456</i>
privasi-controller-saved = ✅ Pengendali data disimpan: { $controller }
privasi-choose-retention = Berapa lama { $what } disimpan?
privasi-retention-saved = ✅ Masa simpan { $what } sekarang { $period }.

# ---------------------------------------------------------------- /dataku

privasi-dataku-title = 📦 <b>Data Bapak/Ibu di Forum Desa</b>
privasi-dataku-profile =
    Nama: { $name }{ $username }
    ID Telegram: <code>{ $id }</code>
privasi-dataku-consent-given = Persetujuan privasi: setuju, { $date }
privasi-dataku-consent-declined = Persetujuan privasi: tidak setuju, { $date }
privasi-dataku-consent-none = Persetujuan privasi: belum dijawab
privasi-dataku-memberships = <b>Keanggotaan</b> ({ $count })
privasi-dataku-membership-line = • { $role } · { $village } ({ $forum })
privasi-dataku-aspirations = <b>Aspirasi</b>: { $count } laporan, { $messages } pesan
privasi-dataku-aspiration-line = • <code>{ $ticket }</code> — { $status }
privasi-dataku-supports = Dukungan aspirasi: { $count }
privasi-dataku-meetings = <b>Musyawarah</b>: { $invited } undangan musyawarah, { $attended } kali tercatat hadir, { $organised } diselenggarakan
privasi-dataku-discussions = <b>Diskusi antar{ $desa }</b>: { $messages } pesan, { $opened } topik dibuka
privasi-dataku-votes-open = <b>Pemungutan suara terbuka</b>: { $count } (pilihan Bapak/Ibu ada di berkas)
privasi-dataku-votes-secret = <b>Pemungutan suara rahasia</b>: { $count }. Yang tercatat hanya bahwa Bapak/Ibu sudah memilih. Pilihan Bapak/Ibu dihitung terpisah tanpa tautan ke diri Bapak/Ibu, sehingga tidak dapat ditampilkan oleh siapa pun, termasuk kami.
privasi-dataku-other = Lainnya: { $claims } pengakuan { $desa }, { $codes } kode gabung, { $broadcasts } pengumuman, { $posts } kebutuhan/tawaran bursa, { $audit } catatan audit tentang Bapak/Ibu.
privasi-dataku-outbox = { $count } pesan dari saya ke chat ini tercatat di antrean kirim (isinya dikosongkan paling lama { $period } setelah terkirim).
privasi-dataku-file = Rincian lengkapnya ada di berkas JSON terlampir. Untuk menghapus semuanya: /hapusdata.
privasi-dataku-caption = Data Bapak/Ibu di Forum Desa, { $date }

# ---------------------------------------------------------------- /hapusdata

privasi-hapus-confirm =
    🗑️ <b>Hapus data saya</b>

    Jika Bapak/Ibu menekan “Ya, hapus”, kami akan:
    • menghapus nama, username, dan ID Telegram Bapak/Ibu;
    • mengakhiri keanggotaan dan peran Bapak/Ibu di semua forum;
    • melepaskan nama Bapak/Ibu dari aspirasi (aspirasinya tetap tercatat di { $desa } sebagai urusan bersama);
    • menulis “Warga (dihapus)” sebagai pengirim pesan diskusi Bapak/Ibu;
    • tetap menghitung jawaban undangan musyawarah, kehadiran, dan suara Bapak/Ibu, tetapi tanpa nama.

    <b>Yang tidak dapat kami hapus</b>
    • Salinan pesan yang sudah ada di grup Telegram (termasuk nama Bapak/Ibu di atasnya). Hapus sendiri di grup, atau minta admin grup.
    • Isi yang Bapak/Ibu tulis sendiri di aspirasi: tetap tercatat di { $desa } tanpa nama Bapak/Ibu.
    • Pengumuman, musyawarah, dan pemungutan suara yang Bapak/Ibu buat sebagai perangkat: tetap menjadi catatan forum atas nama “Warga (dihapus)”.

    Tindakan ini tidak dapat dibatalkan.
privasi-btn-hapus-yes = 🗑️ Ya, hapus data saya
privasi-hapus-done =
    ✅ Data Bapak/Ibu sudah dihapus.

    Yang tersisa di catatan audit hanya bahwa sebuah penghapusan terjadi, dengan kode acak (bukan ID Telegram Bapak/Ibu). Salinan pesan di grup Telegram tidak dapat kami hapus.

    Jika Bapak/Ibu menulis lagi kepada saya, Bapak/Ibu akan dianggap pengguna baru.
privasi-hapus-cancelled = Baik, tidak ada yang dihapus.
privasi-hapus-expired = Konfirmasi ini sudah kedaluwarsa. Ketik /hapusdata lagi bila masih ingin menghapus.

# ---------------------------------------------------------------- /audit

privasi-audit-title = 📜 <b>Catatan audit { $forum }</b> — { $filter } ({ $total })
privasi-audit-empty = Belum ada catatan.
privasi-audit-line = <code>{ $when }</code> · { $actor } · { $action }{ $target }
privasi-audit-system = sistem
privasi-audit-erased = (data dihapus)
privasi-audit-filter-all = Semua
privasi-audit-filter-members = Peran & anggota
privasi-audit-filter-broadcast = Pengumuman
privasi-audit-filter-aspiration = Aspirasi
privasi-audit-filter-export = Unduhan data
privasi-audit-filter-privacy = Data pribadi
privasi-audit-filter-other = Lainnya
privasi-audit-btn-export = 📥 Unduh Excel
privasi-audit-export-caption = Catatan audit { $forum } ({ $filter }), { $count } baris. Unduhan ini juga tercatat di catatan audit.
privasi-audit-sheet = Audit
privasi-audit-col-when = Waktu
privasi-audit-col-actor = Pelaku
privasi-audit-col-action = Tindakan
privasi-audit-col-target = Sasaran
privasi-audit-col-details = Rincian

audit-action-forum-create = Forum dibuat
audit-action-village-add = { $Desa } ditambahkan
audit-action-group-link = Grup ditautkan
audit-action-group-unlink = Grup tidak aktif lagi
audit-action-group-migrate = Grup pindah ke supergrup
audit-action-invite-create = Kode gabung dibuat
audit-action-invite-redeem = Kode gabung dipakai
audit-action-invite-revoke = Kode gabung dicabut
audit-action-role-grant = Peran diberikan
audit-action-role-title = Jabatan diubah
audit-action-forum-terms = Sebutan setempat diubah
audit-action-forum-rename = Nama forum diubah
audit-action-forum-timezone = Zona waktu forum diubah
audit-action-forum-officials_routing = Kiriman ke grup perangkat diatur
audit-action-village-rename = Nama { $desa } diubah
audit-action-village-code = Kode { $desa } diubah
audit-action-village-merge = Dua { $desa } digabung
audit-action-village-retire = { $Desa } dinonaktifkan
audit-action-role-revoke = Peran dicabut
audit-action-member-join = Bergabung lewat grup { $desa }
audit-action-member-leave = Keluar dari grup { $desa }
audit-action-member-move = Pindah { $desa } (dikonfirmasi grup)
audit-action-claim-confirm = Pengakuan { $desa } dikonfirmasi
audit-action-claim-reject = Pengakuan { $desa } ditolak
audit-action-broadcast-create = Pengumuman dikirim/dijadwalkan
audit-action-broadcast-cancel = Pengumuman dibatalkan
audit-action-broadcast-edit = Pengumuman yang sudah terkirim diubah
audit-action-broadcast-delete = Pengumuman yang sudah terkirim dihapus
audit-action-aspiration-status = Status aspirasi diubah
audit-action-aspiration-settings = Pengaturan aspirasi diubah
audit-action-aspiration-export = Aspirasi diunduh
audit-action-discussion-open = Topik diskusi dibuka
audit-action-discussion-join = Grup ikut topik diskusi
audit-action-discussion-close = Topik diskusi ditutup
audit-action-discussion-hide = Pesan diskusi disembunyikan
audit-action-discussion-delete = Pesan diskusi dihapus
audit-action-discussion-mute = Warga dibisukan
audit-action-discussion-unmute = Bisu dicabut
audit-action-discussion-export = Notulen diskusi diunduh
audit-action-meeting-create = Musyawarah dibuat
audit-action-meeting-checkin_open = Daftar hadir dibuka untuk umum
audit-action-meeting-checkin_close = Daftar hadir ditutup untuk umum
audit-action-meeting-checkin_qr = Kode QR daftar hadir dibuat
audit-action-meeting-reschedule = Musyawarah dijadwal ulang
audit-action-meeting-cancel = Musyawarah dibatalkan
audit-action-meeting-stop_series = Musyawarah berulang dihentikan
audit-action-meeting-minutes = Notulen musyawarah disimpan
audit-action-meeting-export = Daftar hadir diunduh
audit-action-vote-create = Pemungutan suara dibuat
audit-action-vote-close = Pemungutan suara ditutup
audit-action-vote-extend = Pemungutan suara diperpanjang
audit-action-vote-export = Hasil pemungutan suara diunduh
audit-action-profile-import = Profil { $desa } diunggah
audit-action-indicator-set = Indikator tahunan diisi
audit-action-indicator-import = Indikator tahunan diimpor dari berkas
audit-action-bursa-post = Kebutuhan/tawaran bursa dipasang
audit-action-bursa-interest = Minat pada kecocokan bursa
audit-action-bursa-close = Kebutuhan/tawaran bursa ditutup
audit-action-bursa-mediate = Mediasi bursa
audit-action-agreement-export = Kesepakatan kerja sama diunduh
audit-action-privacy-settings = Pengaturan privasi diubah
audit-action-privacy-export_self = Warga mengunduh datanya sendiri
audit-action-privacy-erase = Data seorang warga dihapus
audit-action-privacy-retention = Data kedaluwarsa dibersihkan
audit-action-audit-export = Catatan audit diunduh

# ---------------------------------------------------------------- galat

error-privasi_sole_admin = Bapak/Ibu satu-satunya admin forum { $forum }. Tunjuk admin lain dahulu (/peran), lalu ulangi /hapusdata.
error-privasi_nothing_to_erase = Tidak ada data Bapak/Ibu yang tersimpan.
error-privasi_controller_short = Terlalu pendek. Tulis nama lembaga dan kontaknya.
error-privasi_controller_long = Terlalu panjang. Batasnya { $max } huruf.
error-privasi_bad_retention = Pilihan masa simpan itu tidak tersedia.
