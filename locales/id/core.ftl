# Umum: tombol, alur, galat
#
# Sebutan setempat: setiap teks menyebut desa, BPD, dan jabatan lewat placeable yang diisi per forum
# (src/bot/lib/terms.ts): { $desa } / { $Desa } (kampung/Kampung), { $kepalaDesa } (Kepala Kampung),
# { $bpd } (BPK), { $bpdPanjang } (Badan Permusyawaratan Kampung), { $mad } (MAK), { $bkad } (BKAK).
# Jangan menulis "desa" atau "BPD" langsung, kecuali nama diri (Forum Desa, Dana Desa, Pendamping Desa).

## Sebutan setempat: nilai placeable di atas, dari pilihan forum ($village, $council)

term-desa = { $village ->
        [kampung] kampung
        [kelurahan] kelurahan
        [nagari] nagari
        [gampong] gampong
        [pekon] pekon
        [tiyuh] tiyuh
       *[desa] desa
    }
term-desa-cap = { $village ->
        [kampung] Kampung
        [kelurahan] Kelurahan
        [nagari] Nagari
        [gampong] Gampong
        [pekon] Pekon
        [tiyuh] Tiyuh
       *[desa] Desa
    }
term-kepala = { $village ->
        [kampung] Kepala Kampung
        [kelurahan] Lurah
        [nagari] Wali Nagari
        [gampong] Keuchik
        [pekon] Kepala Pekon
        [tiyuh] Kepala Tiyuh
       *[desa] Kepala Desa
    }
term-bpd-long = { $council ->
        [BPD] Badan Permusyawaratan Desa
        [BPK] Badan Permusyawaratan Kampung
       *[other] { $council }
    }
term-mad = { $village ->
        [kampung] MAK
        [kelurahan] MAK
        [nagari] MAN
        [gampong] MAG
        [pekon] MAP
        [tiyuh] MAT
       *[desa] MAD
    }
term-bkad = { $village ->
        [kampung] BKAK
        [kelurahan] BKAK
        [nagari] BKAN
        [gampong] BKAG
        [pekon] BKAP
        [tiyuh] BKAT
       *[desa] BKAD
    }

btn-cancel = ❌ Batal
btn-open-private = 💬 Buka chat pribadi
btn-save = ✅ Simpan
btn-retype = ✏️ Tulis ulang
btn-add-to-group = ➕ Tambahkan ke grup
btn-other = ✏️ Lainnya (tulis)

flow-cancelled = Baik, dibatalkan. Tidak ada yang disimpan.
flow-nothing-to-cancel = Tidak ada langkah yang sedang berjalan.
flow-expect-text = Mohon balas dengan tulisan.
flow-text-too-short = Terlalu pendek. Mohon tulis paling sedikit { $min } huruf.
flow-text-too-long = Terlalu panjang ({ $length } huruf). Batasnya { $max } huruf.
flow-old-button = Tombol ini sudah tidak berlaku.
flow-use-buttons = Silakan tekan salah satu tombol di atas, atau ketik /batal untuk berhenti.

hint-use-private = Silakan lanjutkan di chat pribadi dengan saya 👉
hint-unknown-command = Perintah /{ $command } tidak saya kenal. Ketik /bantuan untuk melihat petunjuk, atau /menu untuk menu.
hint-use-in-group = Perintah /{ $command } dipakai di grup { $desa }, bukan di chat pribadi.
hint-private-fallback = Maaf, saya belum mengerti pesan itu. Ketik /menu untuk melihat menu, atau /bantuan untuk petunjuk.
hint-daftar-private = { $official ->
        [yes] Untuk menghubungkan grup Telegram { $desa } ke forum, ketik /hubungkan di sini. Saya akan membuat kode dan tombol untuk menambahkan saya ke grup itu.
       *[no] Untuk terdaftar sebagai warga, ketik /{ $desa }ku di grup Telegram { $desa } Bapak/Ibu. Bila menerima kode gabung dari perangkat { $desa }, ketik /gabung <code>KODE</code> di sini. Untuk menyampaikan aspirasi atau pengaduan, ketik /lapor.
    }
hint-hubungkan-not-official = Grup { $desa } dihubungkan oleh perangkat { $desa } atau admin forum. Bila Bapak/Ibu admin grup itu, mintalah kode kepada perangkat { $desa }, lalu ketik di grup: /hubungkan <code>KODE</code>.

error-internal = Maaf, terjadi kesalahan di sistem kami. Silakan coba lagi sebentar lagi.
error-flood = Pesan Bapak/Ibu terlalu cepat. Mohon tunggu sebentar, lalu coba lagi.
error-old-button = Tombol ini sudah tidak berlaku.
error-not_bootstrap_admin = Hanya admin kecamatan yang terdaftar yang dapat membuat forum baru.
error-not_admin = Hanya admin forum yang dapat melakukan ini.
error-not_in_forum = Bapak/Ibu belum terdaftar di forum ini. Cara bergabung: ketik /{ $desa }ku di grup Telegram { $desa } Bapak/Ibu, atau buka kode gabung dari perangkat { $desa }.
error-no_forum = Bapak/Ibu belum terdaftar di forum mana pun. Cara bergabung: ketik /{ $desa }ku di grup Telegram { $desa } Bapak/Ibu, atau minta kode gabung kepada perangkat { $desa }, lalu ketik /gabung <code>KODE</code>.
error-forum_name_short = Nama forum terlalu pendek. Tulis paling sedikit 3 huruf.
error-forum_name_long = Nama forum terlalu panjang. Batasnya 120 huruf.
error-bad_timezone = Zona waktu tidak dikenal. Pilih WIB, WITA, atau WIT.
error-villages_empty = Daftar { $desa } masih kosong.
error-villages_too_many = Satu forum paling banyak { $max } { $desa }.
error-forum_not_found = Forum tidak ditemukan.
error-village_not_found = { $Desa } itu tidak ditemukan di forum ini.
error-not_official_of_village = Bapak/Ibu bukan perangkat { $desa } itu.
error-bad_role = Peran tidak dikenal.
error-village_required = Peran ini perlu { $desa }. Pilih { $desa }nya dahulu.
error-invite_code_missing = Kode gabung belum ditulis.
error-invite_not_found = Kode gabung tidak ditemukan. Periksa lagi penulisannya.
error-invite_revoked = Kode gabung ini sudah tidak berlaku (dibatalkan, atau pemberinya tidak lagi berwenang). Mintalah kode baru kepada perangkat { $desa } atau admin forum.
error-invite_already_yours = Kode ini sudah Bapak/Ibu pakai sebelumnya. Peran Bapak/Ibu tetap berlaku.
error-invite_used = Kode gabung ini sudah dipakai. Mintalah kode baru kepada perangkat { $desa } atau admin forum.
error-invite_expired = Kode gabung ini sudah kedaluwarsa. Mintalah kode baru kepada perangkat { $desa } atau admin forum.
error-person_not_in_forum = Orang itu belum terdaftar di forum ini. Kirimkan kode gabung kepadanya.
error-membership_not_found = Peran itu sudah tidak ada.
error-last_admin = Ini admin terakhir forum. Tambahkan admin lain dahulu sebelum mencabut peran ini.
error-group_in_other_forum = Grup ini sudah terhubung ke forum lain.
error-group_already_linked = Grup ini sudah terhubung.
error-group_code_not_found = Kode grup tidak ditemukan. Mintalah kode baru lewat /hubungkan di chat pribadi dengan saya.
error-group_code_used = Kode grup ini sudah dipakai. Mintalah kode baru lewat /hubungkan di chat pribadi dengan saya.
error-bad_village_term = Sebutan itu tidak dikenal. Tekan salah satu tombol.
error-council_term_bad = Tulis sebutannya 2 sampai 30 huruf, misalnya <i>Bamus</i> atau <i>Tuha Peuet</i>.
error-jabatan_bad = Tulis jabatannya 2 sampai 60 huruf, misalnya <i>Bendahara</i> atau <i>Operator SID</i>.

# Peran

role-warga = Warga
role-perangkat_desa = Perangkat { $desa }
role-moderator = Moderator
role-admin_forum = Admin forum
role-mitra = Mitra
kecamatan = kecamatan
kecamatan-group = Grup kecamatan

# Jabatan (disimpan sebagai kunci; ditampilkan dengan sebutan forum)

jabatan-kepala = { $kepalaDesa }
jabatan-sekretaris = Sekretaris { $Desa }
jabatan-kaur_keuangan = Kaur Keuangan
jabatan-kaur_perencanaan = Kaur Perencanaan
jabatan-kaur_umum = Kaur Tata Usaha dan Umum
jabatan-kasi_pemerintahan = Kasi Pemerintahan
jabatan-kasi_kesejahteraan = Kasi Kesejahteraan
jabatan-kasi_pelayanan = Kasi Pelayanan
jabatan-kepala_dusun = Kepala Dusun
jabatan-ketua_bpd = Ketua { $bpd }
jabatan-anggota_bpd = Anggota { $bpd }
jabatan-camat = Camat
jabatan-sekretaris_kecamatan = Sekretaris Kecamatan
jabatan-staf_kecamatan = Staf Kecamatan
jabatan-pendamping_desa = Pendamping Desa
jabatan-pengurus_bkad = Pengurus { $bkad }
# "Kepala Kampung Sukajaya", "Kaur Keuangan Kampung Sukajaya": a position at one village.
jabatan-at = { $key ->
        [kepala] { $kepalaDesa } { $village }
        [sekretaris] Sekretaris { $Desa } { $village }
       *[other] { $jabatan } { $Desa } { $village }
    }
jabatan-at-bare = { $jabatan } { $village }
# The village word alone, to tell whether a typed position already names it.
jabatan-word = { $desa }
jabatan-official-none = Perangkat { $Desa } { $village }
jabatan-ask =
    Apa jabatan { $who }?
    Tekan salah satu, atau <b>Lainnya</b> untuk menuliskannya.
jabatan-ask-self = Apa jabatan Bapak/Ibu di { $where }? Tekan salah satu, atau <b>Lainnya</b> untuk menuliskannya.
jabatan-ask-typed = Tulis jabatannya, misalnya <i>Bendahara</i> atau <i>Operator SID</i>.
jabatan-btn-later = 🙋 Ditanyakan kepada penerima
jabatan-btn-skip = ⏭️ Lewati
jabatan-saved = ✅ Jabatan tersimpan: <b>{ $jabatan }</b>.

# Bahasa

lang-choose = Pilih bahasa / Choose a language:
lang-changed = Bahasa diganti ke Bahasa Indonesia.

# Mulai, menu, dan bantuan

start-welcome-new =
    Selamat datang, Bapak/Ibu <b>{ $name }</b>! 👋
    Saya <b>Forum Desa</b>, penghubung { $desa }-{ $desa } dalam satu kecamatan: diskusi antar{ $desa }, pemungutan suara, undangan musyawarah, aspirasi warga, dan pengumuman.

    Bapak/Ibu belum terdaftar di forum mana pun. Bila menerima kode gabung, ketik /gabung <code>KODE</code>. Warga juga dapat bergabung dengan mengetik /{ $desa }ku di grup Telegram { $desa }nya.
start-welcome-bootstrap =
    Selamat datang, Bapak/Ibu <b>{ $name }</b>! 👋
    Bapak/Ibu terdaftar sebagai admin kecamatan. Mulailah dengan membuat forum kerja sama antar{ $desa }: /forumbaru
start-welcome-member =
    Selamat datang kembali, Bapak/Ibu <b>{ $name }</b>! 👋
    Peran Bapak/Ibu:
    { $roles }

    Silakan pilih yang ingin dilakukan:
start-role-line = • { $role }{ $hasVillage ->
        [yes] {" "}· { $Desa } { $village }
       *[no] {""}
    }{ $hasJabatan ->
        [yes] {" "}({ $jabatan })
       *[no] {""}
    } — { $forum }
start-group =
    Halo! Saya <b>Forum Desa</b>. Di grup ini saya menyampaikan diskusi antar{ $desa }, pemungutan suara, undangan musyawarah, dan pengumuman.
    Ketik /bantuan untuk melihat petunjuk.

help-intro = 📖 <b>Petunjuk singkat</b>
help-warga =
    <b>Sebagai warga</b>
    • Menyampaikan aspirasi atau pengaduan: ketik /lapor, lalu jawab pertanyaannya satu per satu. Nomor tiketnya saya kirim, dan setiap tanggapan perangkat { $desa } saya kabarkan.
    • Melihat aspirasi Bapak/Ibu dan statusnya: /aspirasiku
    • Undangan musyawarah: tekan <b>Akan hadir</b>, <b>Berhalangan</b>, atau <b>Diwakilkan</b>. Saat acara, isi daftar hadir dengan /hadir.
    • Diskusi antar{ $desa }: balas kartu topik 💬 di grup { $desa }; balasan Bapak/Ibu diteruskan ke grup { $desa } lain.
    • Pemungutan suara: tekan pilihan pada kartu 🗳️ di grup { $desa }.
    • Belum tercatat sebagai warga? Ketik /{ $desa }ku di grup Telegram { $desa } Bapak/Ibu.
help-perangkat =
    <b>Sebagai perangkat { $desa }</b>
    • Aspirasi masuk: /aspirasi_masuk, lalu tekan ✅ Verifikasi, 🔧 Proses, atau 🏁 Selesai. Pelapor diberi tahu otomatis.
    • Pengumuman ke warga { $desa }: /pengumuman — tulis isinya, pilih penerima, periksa pratinjau, lalu tekan Kirim.
    • Musyawarah: /musyawarah — buat undangan, lihat siapa yang akan hadir, buka daftar hadir, lalu kirim berita acara.
    • Kode gabung untuk perangkat dan warga { $desa }: /kodegabung. Menghubungkan grup { $desa }: /hubungkan
help-admin =
    <b>Sebagai admin forum</b>
    • Pengumuman ke semua { $desa }: /pengumuman
    • { $mad } dan rapat koordinasi: /musyawarah
    • Pemungutan suara antar{ $desa }: /voting
    • Kode gabung untuk semua peran: /kodegabung; anggota dan jabatannya: /anggota; peran: /peran
    • Sebutan { $desa } dan { $bpd } forum ini: /istilah
    • Nama forum, zona waktu, ganti nama/gabung/nonaktifkan { $desa }, grup perangkat: /kelola
help-moderator =
    <b>Sebagai moderator</b>
    • Diskusi antar{ $desa }: /topik untuk membuka, /tutuptopik untuk menutup.
    • Di grup: balas pesan dengan /sembunyikan untuk menghapusnya dari semua grup, atau /bisukan 2 jam.
help-mitra =
    <b>Sebagai mitra</b>
    • Bursa kerja sama: /bursa — lihat kebutuhan { $desa } dan pasang penawaran.
help-new =
    <b>Belum terdaftar</b>
    • Warga: ketik /{ $desa }ku di grup Telegram { $desa } Bapak/Ibu.
    • Menerima kode gabung: ketik /gabung <code>KODE</code>.
    • Menyampaikan aspirasi tanpa mendaftar: ketik /lapor.
help-footer = Menu: /menu · Ganti bahasa: /bahasa · Berhenti dari langkah yang sedang berjalan: /batal
help-group =
    📖 <b>Di grup ini</b>
    • Diskusi antar{ $desa }: balas kartu topik 💬; balasan Bapak/Ibu diteruskan ke grup { $desa } lain dengan nama dan { $desa } pengirim.
    • Pemungutan suara: tekan pilihan pada kartu 🗳️.
    • Undangan musyawarah: tekan Akan hadir, Berhalangan, atau Diwakilkan. Jadwal: /jadwal · Daftar hadir saat acara: /hadir
    • Tercatat sebagai warga { $desa } ini: /{ $desa }ku
    • Aspirasi dan hal pribadi lainnya: buka chat pribadi dengan saya.
help-group-admin = Admin grup: hubungkan grup ini ke forum dengan /hubungkan.
help-group-moderator = Moderator: balas pesan dengan /sembunyikan, /bisukan 2 jam, atau /bukabisu.

# Kode gabung

invite-usage = Tulis kodenya setelah perintah, misalnya: /gabung <code>AB3DEF7K</code>
invite-redeemed =
    ✅ Selamat bergabung! Bapak/Ibu sekarang <b>{ $role }</b>{ $hasVillage ->
        [yes] {" "}{ $Desa } <b>{ $village }</b>
       *[no] {""}
    }{ $hasJabatan ->
        [yes] {" "}sebagai <b>{ $jabatan }</b>
       *[no] {""}
    } di forum <b>{ $forum }</b>.
invite-ask-role = Kode gabung untuk peran apa?
invite-ask-village = Untuk { $desa } mana?
invite-created =
    ✅ Kode gabung dibuat: <b>{ $role }</b>{ $hasVillage ->
        [yes] {" "}{ $Desa } <b>{ $village }</b>
       *[no] {""}
    }{ $hasJabatan ->
        [yes] {" "}— { $jabatan }
       *[no] {""}
    }

    Kode: <code>{ $code }</code>
    Tautan: { $link }

    Kode ini hanya dapat dipakai satu kali, berlaku sampai { $expires }. Kirimkan kepada orangnya; ia cukup membuka tautan atau mengetik /gabung { $code }. Kode yang belum dipakai, dan tombol untuk membatalkannya: /kode

# Pembuatan forum dan sebutan setempat

forum-ask-name = Apa nama forumnya? Misalnya: <i>Kerja Sama Antar { $Desa } Kecamatan Bangunrejo</i>
forum-ask-timezone = Zona waktu forum ini?
forum-ask-village-term =
    Apa sebutan wilayah di bawah kecamatan di forum ini? Sebutan ini dipakai di semua pesan, tombol, dan berkas.
    Misalnya di Lampung Tengah: <b>Kampung</b>.
forum-ask-council-term = Apa sebutan badan permusyawaratannya? Yang biasa dipakai: <b>{ $bpd }</b> ({ $bpdPanjang }).
forum-ask-council-typed = Tulis singkatan atau nama badan itu, misalnya <i>Bamus</i> atau <i>Tuha Peuet</i>.
forum-ask-villages =
    Tuliskan daftar { $desa }, <b>satu { $desa } per baris</b>. Kode Kemendagri boleh ditambahkan.
    Contoh:
    Sukajaya 18.02.13.2001
    Bangunrejo
    Sidorejo
forum-villages-none = Saya tidak menemukan nama { $desa }. Tulis satu { $desa } per baris.
forum-villages-preview = Saya membaca { $count } { $desa }:
forum-villages-skipped = Baris yang dilewati:
village-parse-no_name = tidak ada nama { $desa }
village-parse-name_long = nama terlalu panjang
village-parse-bad_chars = ada tanda yang tidak dikenal
village-parse-duplicate = sudah ada di daftar
forum-created =
    ✅ Forum <b>{ $name }</b> sudah dibuat dengan { $count } { $desa }. Sebutan: { $Desa }, { $kepalaDesa }, { $bpd }.

    Langkah berikutnya:
    1. Buat kode gabung untuk perangkat { $desa }: /kodegabung
    2. Hubungkan grup Telegram tiap { $desa }: /hubungkan
forum-villages-added = ✅ { $count } { $desa } ditambahkan.{ $skipped ->
        [0] {""}
       *[other] {" "}{ $skipped } { $desa } dilewati karena sudah ada.
    }
forum-choose = Pilih forum:
forum-switched = Forum aktif: { $name }

terms-current =
    🏷️ <b>Sebutan di forum { $forum }</b>
    Wilayah: <b>{ $Desa }</b> — misalnya { $kepalaDesa }, perangkat { $desa }, Musyawarah { $Desa }, Balai { $Desa }
    Badan permusyawaratan: <b>{ $bpd }</b> ({ $bpdPanjang })

    Sebutan ini dipakai di semua pesan, tombol, dan berkas forum ini. Tekan tombol untuk mengubahnya.
terms-btn-village = 🏘️ Ubah sebutan { $Desa }
terms-btn-council = 🏛️ Ubah sebutan { $bpd }
terms-saved =
    ✅ Tersimpan. Mulai sekarang forum ini memakai: <b>{ $Desa }</b>, { $kepalaDesa }, <b>{ $bpd }</b> ({ $bpdPanjang }).

# Grup desa

group-code-ask-village = Grup untuk { $desa } mana?
group-code-created =
    Kode untuk menghubungkan grup{ $hasVillage ->
        [yes] {" "}{ $Desa } <b>{ $village }</b>
       *[no] {" "}<b>kecamatan</b>
    }: <code>{ $code }</code>

    Caranya: tekan tombol di bawah untuk menambahkan saya ke grup itu. Atau tambahkan saya, lalu ketik di grup:
    /hubungkan { $code }
    Hanya admin grup yang dapat menghubungkan. Kode berlaku 3 hari dan hanya sekali pakai.
group-link-not-admin = Hanya admin grup ini yang dapat menghubungkan grup ke forum.
group-linked = ✅ Grup ini sekarang terhubung sebagai grup { $hasVillage ->
        [yes] { $Desa } <b>{ $village }</b>
       *[no] <b>kecamatan</b>
    }. Diskusi antar{ $desa }, undangan musyawarah, dan pengumuman akan tampil di sini.
group-added-prompt =
    Terima kasih telah menambahkan saya. Grup ini belum terhubung ke forum.
    Admin grup: tekan nama { $desa } grup ini di bawah, atau ketik /hubungkan <code>KODE</code>.
group-added-prompt-code =
    Terima kasih telah menambahkan saya. Grup ini belum terhubung ke forum.
    Perangkat { $desa } dapat meminta kode lewat /hubungkan di chat pribadi dengan saya, lalu admin grup mengetik di sini: /hubungkan <code>KODE</code>
group-removed-notice = ⚠️ Saya dikeluarkan dari grup <b>{ $title }</b> ({ $Desa } { $village }). Hubungan grup itu dinonaktifkan. Tambahkan saya lagi dan hubungkan ulang bila perlu.
group-migrated-notice = ℹ️ Grup <b>{ $title }</b> ({ $Desa } { $village }) berubah menjadi supergrup. Hubungannya sudah saya pindahkan; tidak ada yang perlu dilakukan.
group-not-linked = Grup ini belum terhubung ke { $desa } mana pun. Admin grup dapat menghubungkannya dengan /hubungkan.

# Daftar desa

# "Kampung Sukajaya": a village named with the forum's word.
village-name = { $Desa } { $name }
village-list-header = 🏘️ <b>{ $forum }</b> — { $count } { $desa }
village-line =
    <b>{ $name }</b> (<code>{ $code }</code>)
    Grup: { $groups }
    Perangkat: { $officials }
village-no-group = belum ada
village-no-officials = belum ada
home-ask = Bapak/Ibu warga { $desa } mana? Bila Bapak/Ibu anggota grup Telegram { $desa } itu, langsung tercatat; bila belum, perangkat { $desa }nya akan mengonfirmasi.
home-btn-mine = 🏠 Saya warga { $village }
home-group-prompt = Warga <b>{ $Desa } { $village }</b>? Tekan tombol di bawah agar forum mengenali { $desa } Bapak/Ibu. Hanya anggota grup ini yang tercatat.
home-saved = Tersimpan: Bapak/Ibu warga { $Desa } { $village }.

# Anggota dan peran

members-header = 👥 Anggota forum: { $count } orang
members-line = • { $name }{ $username } — { $roles }
roles-pick-person = Pilih orang yang perannya ingin diubah:
roles-btn-add = ➕ Tambah peran
roles-btn-jabatan = 🏷️ Jabatan: { $role }
roles-person =
    <b>{ $name }</b>
    Peran saat ini:
    { $roles }

    Tekan ❌ untuk mencabut peran, 🏷️ untuk mengubah jabatan, atau tambah peran baru.
roles-pick-role = Peran apa yang diberikan?
roles-pick-village = Untuk { $desa } mana?
roles-granted = Peran diberikan.
roles-btn-revoke-confirm = Ya, cabut
roles-revoke-confirm = Yakin mencabut peran ini?
roles-revoked = Peran dicabut.

# Perintah (menu Telegram) dan tombol menu

cmd-start = Menu utama
cmd-menu = Menu utama
cmd-bantuan = Petunjuk singkat
cmd-batal = Hentikan langkah yang sedang berjalan
cmd-bahasa = Ganti bahasa
cmd-forumbaru = Buat forum kerja sama antar{ $desa }
cmd-forum = Pilih forum aktif
cmd-istilah = Sebutan { $desa } dan { $bpd } di forum ini
cmd-tambahdesa = Tambah { $desa } ke forum
cmd-kodegabung = Buat kode gabung
cmd-undang = Buat kode gabung
cmd-hubungkan = Hubungkan grup Telegram { $desa } ke forum
cmd-tautkan = Hubungkan grup Telegram { $desa } ke forum
cmd-daftar = Hubungkan grup ini ke forum
cmd-gabung = Bergabung dengan kode gabung
cmd-desa = Daftar { $desa } dan grupnya
cmd-desaku = Pilih { $desa } tempat tinggal Bapak/Ibu
cmd-anggota = Anggota forum dan jabatannya
cmd-peran = Beri atau cabut peran dan jabatan

menu-bahasa = 🌐 Bahasa
menu-forumbaru = 🏛️ Forum baru
menu-forum = 🔀 Pilih forum
menu-istilah = 🏷️ Sebutan
menu-tambahdesa = ➕ Tambah { $desa }
menu-kodegabung = 🎟️ Kode gabung
menu-hubungkan = 🔗 Hubungkan grup
menu-gabung = 🔑 Gabung
menu-desa = 🏘️ Daftar { $desa }
menu-desaku = 🏠 { $Desa } saya
menu-anggota = 👥 Anggota
menu-peran = 🛡️ Peran

# Pintu keanggotaan: klaim tempat tinggal, kode gabung

home-already = Bapak/Ibu sudah tercatat sebagai warga { $Desa } { $village }.
home-not-in-group = Hanya anggota grup ini yang dapat tercatat sebagai warganya.
home-claim-pending = Terima kasih. Pilihan { $Desa } { $village } sudah diteruskan ke perangkat { $desa }nya untuk dikonfirmasi. Bapak/Ibu akan diberi tahu hasilnya.
home-claim-nobody = { $Desa } { $village } belum punya perangkat { $desa } atau admin yang dapat mengonfirmasi. Cara tercepat: ketik /{ $desa }ku di grup Telegram { $desa } itu.
home-claim-card =
    🏠 <b>{ $name }</b>{ $username } menyatakan tinggal di <b>{ $Desa } { $village }</b>.
    Benarkah ia warga { $desa } ini? Bila benar, ia dapat ikut pemungutan suara warga dan menerima pengumuman { $desa }.
home-claim-btn-yes = ✅ Benar warga
home-claim-btn-no = ❌ Bukan
home-claim-done-yes = Dikonfirmasi.
home-claim-done-no = Ditolak.
home-claim-card-yes = ✅ <b>{ $name }</b> dikonfirmasi sebagai warga { $Desa } { $village } oleh { $by }.
home-claim-card-no = ❌ Pernyataan <b>{ $name }</b> sebagai warga { $Desa } { $village } ditolak oleh { $by }.
home-claim-confirmed = ✅ Perangkat { $desa } sudah mengonfirmasi: Bapak/Ibu tercatat sebagai warga <b>{ $Desa } { $village }</b>.
home-claim-rejected = Perangkat { $Desa } { $village } belum dapat mengonfirmasi bahwa Bapak/Ibu warga { $desa } itu. Bila ada kekeliruan, hubungi perangkat { $desa }, atau ketik /{ $desa }ku di grup Telegram { $desa } Bapak/Ibu.
error-claim_not_found = Pernyataan tempat tinggal itu tidak ditemukan.
error-claim_decided = Pernyataan ini sudah dijawab.
error-claim_own = Pernyataan Bapak/Ibu sendiri dikonfirmasi oleh perangkat { $desa } lain atau admin forum.
error-invite_own = Kode ini Bapak/Ibu sendiri yang membuat; kode gabung dipakai oleh orang lain.
error-code_role_not_allowed = Perangkat { $desa } dapat membuat kode gabung untuk warga dan perangkat { $desa }nya sendiri. Peran lain dibuat oleh admin forum.

codes-header = 🎟️ Kode gabung yang belum dipakai: { $count }
codes-empty = Tidak ada kode gabung yang masih terbuka.
codes-line =
    <code>{ $code }</code> — { $what }
    dibuat oleh { $by }, berlaku sampai { $expires }
codes-what-group = penghubung grup { $place }
codes-btn-new = ➕ Kode gabung baru
codes-btn-revoke = ❌ Batalkan { $code }
codes-revoke-confirm = Batalkan kode <code>{ $code }</code>? Kode ini tidak akan dapat dipakai lagi.
codes-btn-revoke-confirm = Ya, batalkan
codes-revoked = Kode <code>{ $code }</code> dibatalkan.
cmd-kode = Kode gabung yang masih terbuka
menu-kode = 🗝️ Kode terbuka
codes-revoked-toast = Kode dibatalkan.
