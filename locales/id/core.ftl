# Umum: tombol, alur, galat

btn-cancel = ❌ Batal
btn-open-private = 💬 Buka chat pribadi
btn-save = ✅ Simpan
btn-retype = ✏️ Tulis ulang
btn-add-to-group = ➕ Tambahkan ke grup

flow-cancelled = Baik, dibatalkan. Tidak ada yang disimpan.
flow-nothing-to-cancel = Tidak ada proses yang sedang berjalan.
flow-expect-text = Mohon balas dengan teks.
flow-text-too-short = Terlalu pendek. Mohon tulis paling sedikit { $min } huruf.
flow-text-too-long = Terlalu panjang ({ $length } huruf). Batasnya { $max } huruf.
flow-old-button = Tombol ini sudah tidak berlaku.
flow-use-buttons = Silakan pilih dengan tombol di atas, atau ketik /batal untuk berhenti.

hint-use-private = Silakan lanjutkan di chat pribadi dengan saya 👉
hint-unknown-command = Perintah /{ $command } tidak saya kenal. Ketik /bantuan untuk melihat yang bisa Anda lakukan.
hint-use-in-group = Perintah /{ $command } dipakai di grup desa, bukan di chat pribadi.
hint-private-fallback = Maaf, saya belum mengerti pesan itu. Ketik /bantuan atau /start untuk melihat menu.

error-internal = Maaf, terjadi kesalahan di sistem kami. Silakan coba lagi sebentar lagi.
error-flood = Pesan Anda terlalu cepat. Mohon tunggu sebentar, lalu coba lagi.
error-old-button = Tombol ini sudah tidak berlaku.
error-not_bootstrap_admin = Hanya admin kecamatan yang terdaftar yang dapat membuat forum baru.
error-not_admin = Hanya admin forum yang dapat melakukan ini.
error-not_in_forum = Bapak/Ibu belum terdaftar di forum ini. Cara bergabung: tekan tombol atau tulis /desaku di grup Telegram desa Bapak/Ibu, atau buka kode gabung dari perangkat desa.
error-no_forum = Bapak/Ibu belum terdaftar di forum mana pun. Cara bergabung: tulis /desaku di grup Telegram desa Bapak/Ibu, atau minta kode gabung kepada perangkat desa, lalu ketik /gabung <kode>.
error-forum_name_short = Nama forum terlalu pendek. Tulis paling sedikit 3 huruf.
error-forum_name_long = Nama forum terlalu panjang. Batasnya 120 huruf.
error-bad_timezone = Zona waktu tidak dikenal. Pilih WIB, WITA, atau WIT.
error-villages_empty = Daftar desa masih kosong.
error-villages_too_many = Satu forum paling banyak { $max } desa.
error-forum_not_found = Forum tidak ditemukan.
error-village_not_found = Desa tidak ditemukan di forum ini.
error-not_official_of_village = Anda bukan perangkat desa untuk desa itu.
error-bad_role = Peran tidak dikenal.
error-village_required = Peran ini perlu desa. Pilih desanya dahulu.
error-invite_code_missing = Kode gabung belum ditulis.
error-invite_not_found = Kode gabung tidak ditemukan. Periksa lagi penulisannya.
error-invite_revoked = Kode gabung ini sudah tidak berlaku (dibatalkan, atau pemberinya tidak lagi berwenang). Minta kode baru kepada perangkat desa atau admin forum.
error-invite_already_yours = Kode ini sudah Anda pakai sebelumnya. Peran Anda tetap berlaku.
error-invite_used = Kode gabung ini sudah dipakai. Minta kode baru kepada perangkat desa atau admin forum.
error-invite_expired = Kode ini sudah kedaluwarsa. Minta kode baru kepada perangkat desa atau admin forum.
error-person_not_in_forum = Orang itu belum terdaftar di forum ini. Kirimkan kode gabung kepadanya.
error-membership_not_found = Peran itu sudah tidak ada.
error-last_admin = Ini admin terakhir forum. Tambahkan admin lain dahulu sebelum mencabut peran ini.
error-group_in_other_forum = Grup ini sudah terhubung ke forum lain.
error-group_already_linked = Grup ini sudah terhubung.
error-group_code_not_found = Kode grup tidak ditemukan. Minta kode baru lewat /tautkan di chat pribadi dengan saya.
error-group_code_used = Kode grup ini sudah dipakai. Minta kode baru lewat /tautkan.

# Peran

role-warga = Warga
role-perangkat_desa = Perangkat desa
role-moderator = Moderator
role-admin_forum = Admin forum
role-mitra = Mitra
kecamatan = kecamatan
kecamatan-group = Grup kecamatan

# Bahasa

lang-choose = Pilih bahasa / Choose a language:
lang-changed = Bahasa diganti ke Bahasa Indonesia.

# Mulai dan bantuan

start-welcome-new =
    Selamat datang, Bapak/Ibu <b>{ $name }</b>! 👋
    Saya <b>Forum Desa</b>, penghubung desa-desa dalam satu kecamatan: diskusi antardesa, pemungutan suara, undangan musyawarah, aspirasi warga, dan pengumuman.

    Bapak/Ibu belum terdaftar di forum mana pun. Jika menerima kode gabung, ketik /gabung <code>KODE</code>. Warga juga dapat bergabung dengan menulis /desaku di grup Telegram desanya.
start-welcome-bootstrap =
    Selamat datang, Bapak/Ibu <b>{ $name }</b>! 👋
    Anda terdaftar sebagai admin kecamatan. Mulailah dengan membuat forum kerja sama antardesa: /forumbaru
start-welcome-member =
    Selamat datang kembali, Bapak/Ibu <b>{ $name }</b>! 👋
    Peran Anda:
    { $roles }

    Pilih yang ingin Anda lakukan:
start-role-line = • { $role }{ $hasVillage ->
        [yes] {" "}· Desa { $village }
       *[no] {""}
    } — { $forum }
start-group =
    Halo! Saya <b>Forum Desa</b>. Di grup ini saya menyampaikan diskusi antardesa, pemungutan suara, undangan musyawarah, dan pengumuman.
    Ketik /bantuan untuk melihat perintah grup.
help-header-private = Yang dapat Anda lakukan di sini:
help-header-group = Perintah di grup ini:

# Undangan

invite-usage = Tulis kodenya setelah perintah, misalnya: /gabung <code>AB3DEF7K</code>
invite-redeemed =
    ✅ Selamat bergabung! Anda sekarang <b>{ $role }</b>{ $hasVillage ->
        [yes] {" "}Desa <b>{ $village }</b>
       *[no] {""}
    } di forum <b>{ $forum }</b>.
invite-ask-role = Kode gabung untuk peran apa?
invite-ask-village = Untuk desa mana?
invite-created =
    ✅ Kode gabung dibuat: <b>{ $role }</b>{ $hasVillage ->
        [yes] {" "}Desa <b>{ $village }</b>
       *[no] {""}
    }

    Kode: <code>{ $code }</code>
    Tautan: { $link }

    Kode ini hanya dapat dipakai satu kali oleh orang lain, berlaku sampai { $expires }. Kirimkan kepada orangnya; ia cukup membuka tautan atau mengetik /gabung { $code }. Daftar kode yang belum dipakai, dan tombol untuk membatalkannya: /kode

# Pembuatan forum

forum-ask-name = Apa nama forumnya? Misalnya: <i>Kerja Sama Antar Desa Kecamatan Bangunrejo</i>
forum-ask-timezone = Zona waktu forum ini?
forum-ask-villages =
    Tuliskan daftar desa, <b>satu desa per baris</b>. Kode Kemendagri boleh ditambahkan.
    Contoh:
    Sukajaya 18.02.13.2001
    Bangunrejo
    Sidorejo
forum-villages-none = Saya tidak menemukan nama desa. Tulis satu desa per baris.
forum-villages-preview = Saya membaca { $count } desa:
forum-villages-skipped = Baris yang dilewati:
village-parse-no_name = tidak ada nama desa
village-parse-name_long = nama terlalu panjang
village-parse-bad_chars = ada tanda yang tidak dikenal
village-parse-duplicate = sudah ada di daftar
forum-created =
    ✅ Forum <b>{ $name }</b> sudah dibuat dengan { $count } desa.

    Langkah berikutnya:
    1. Buat kode gabung untuk perangkat desa: /undang
    2. Tautkan grup Telegram tiap desa: /tautkan
forum-villages-added = ✅ { $count } desa ditambahkan.{ $skipped ->
        [0] {""}
       *[other] {" "}{ $skipped } desa dilewati karena sudah ada.
    }
forum-choose = Pilih forum:
forum-switched = Forum aktif: { $name }

# Grup desa

group-code-ask-village = Grup untuk desa mana?
group-code-created =
    Kode penautan grup{ $hasVillage ->
        [yes] {" "}Desa <b>{ $village }</b>
       *[no] {" "}<b>kecamatan</b>
    }: <code>{ $code }</code>

    Cara menautkan: tekan tombol di bawah untuk menambahkan saya ke grup, atau tambahkan saya lalu ketik di grup:
    /daftar { $code }
    Hanya admin grup yang dapat menautkan. Kode berlaku 3 hari dan sekali pakai.
group-link-not-admin = Hanya admin grup ini yang dapat menautkan grup ke forum.
group-linked = ✅ Grup ini sekarang terhubung sebagai grup { $hasVillage ->
        [yes] Desa <b>{ $village }</b>
       *[no] <b>kecamatan</b>
    }. Diskusi antardesa, undangan, dan pengumuman akan tampil di sini.
group-added-prompt =
    Terima kasih telah menambahkan saya. Grup ini belum terhubung ke forum.
    Admin grup: pilih desa grup ini di bawah, atau ketik /daftar <code>KODE</code>.
group-added-prompt-code =
    Terima kasih telah menambahkan saya. Grup ini belum terhubung ke forum.
    Perangkat desa bisa meminta kode lewat /tautkan di chat pribadi dengan saya, lalu admin grup mengetik di sini: /daftar <code>KODE</code>
group-removed-notice = ⚠️ Saya dikeluarkan dari grup <b>{ $title }</b> (Desa { $village }). Tautan grup itu dinonaktifkan. Tambahkan saya lagi dan tautkan ulang bila perlu.
group-migrated-notice = ℹ️ Grup <b>{ $title }</b> (Desa { $village }) berubah menjadi supergrup. Tautannya sudah saya pindahkan; tidak ada yang perlu dilakukan.
group-not-linked = Grup ini belum terhubung ke desa mana pun. Admin grup dapat menautkannya dengan /daftar.

# Daftar desa

village-list-header = 🏘️ <b>{ $forum }</b> — { $count } desa
village-line =
    <b>{ $name }</b> (<code>{ $code }</code>)
    Grup: { $groups }
    Perangkat: { $officials }
village-no-group = belum ada
village-no-officials = belum ada
home-ask = Bapak/Ibu warga desa mana? Bila Bapak/Ibu anggota grup Telegram desa itu, langsung tercatat; bila belum, perangkat desanya akan mengonfirmasi.
home-btn-mine = 🏠 Saya warga { $village }
home-group-prompt = Warga <b>Desa { $village }</b>? Tekan tombol di bawah agar forum mengenali desa Bapak/Ibu. Hanya anggota grup ini yang tercatat.
home-saved = Tersimpan: Bapak/Ibu warga Desa { $village }.

# Anggota dan peran

members-header = 👥 Anggota forum: { $count } orang
roles-pick-person = Pilih orang yang perannya ingin diubah:
roles-btn-add = ➕ Tambah peran
roles-person =
    <b>{ $name }</b>
    Peran saat ini:
    { $roles }

    Tekan ❌ untuk mencabut peran, atau tambah peran baru.
roles-pick-role = Peran apa yang diberikan?
roles-pick-village = Untuk desa mana?
roles-granted = Peran diberikan.
roles-btn-revoke-confirm = Ya, cabut
roles-revoke-confirm = Yakin mencabut peran ini?
roles-revoked = Peran dicabut.

# Perintah (menu Telegram) dan tombol menu

cmd-start = Menu utama
cmd-bantuan = Apa yang bisa saya lakukan
cmd-bahasa = Ganti bahasa
cmd-forumbaru = Buat forum kerja sama antardesa
cmd-forum = Pilih forum aktif
cmd-tambahdesa = Tambah desa ke forum
cmd-undang = Buat kode gabung
cmd-tautkan = Tautkan grup desa
cmd-gabung = Gabung dengan kode gabung
cmd-daftar = Tautkan grup ini ke desa
cmd-desa = Daftar desa dan grupnya
cmd-desaku = Pilih desa tempat tinggal Anda
cmd-anggota = Daftar anggota forum
cmd-peran = Beri atau cabut peran

menu-bahasa = 🌐 Bahasa
menu-forumbaru = 🏛️ Forum baru
menu-forum = 🔀 Pilih forum
menu-tambahdesa = ➕ Tambah desa
menu-undang = 🎟️ Kode gabung
menu-tautkan = 🔗 Tautkan grup
menu-gabung = 🔑 Gabung
menu-desa = 🏘️ Daftar desa
menu-desaku = 🏠 Desa saya
menu-anggota = 👥 Anggota
menu-peran = 🛡️ Peran

# Pintu keanggotaan: klaim desa, kode gabung

home-already = Bapak/Ibu sudah tercatat sebagai warga Desa { $village }.
home-not-in-group = Hanya anggota grup ini yang dapat tercatat sebagai warganya.
home-claim-pending = Terima kasih. Pilihan Desa { $village } sudah diteruskan ke perangkat desanya untuk dikonfirmasi. Bapak/Ibu akan diberi tahu hasilnya.
home-claim-nobody = Desa { $village } belum punya perangkat desa atau admin yang dapat mengonfirmasi. Cara tercepat: tulis /desaku di grup Telegram desa itu.
home-claim-card =
    🏠 <b>{ $name }</b>{ $username } menyatakan tinggal di <b>Desa { $village }</b>.
    Apakah benar warga desa ini? Bila benar, ia dapat ikut pemungutan suara warga dan menerima pengumuman desa.
home-claim-btn-yes = ✅ Benar warga
home-claim-btn-no = ❌ Bukan
home-claim-done-yes = Dikonfirmasi.
home-claim-done-no = Ditolak.
home-claim-card-yes = ✅ <b>{ $name }</b> dikonfirmasi sebagai warga Desa { $village } oleh { $by }.
home-claim-card-no = ❌ Pernyataan <b>{ $name }</b> sebagai warga Desa { $village } ditolak oleh { $by }.
home-claim-confirmed = ✅ Perangkat desa sudah mengonfirmasi: Bapak/Ibu tercatat sebagai warga <b>Desa { $village }</b>.
home-claim-rejected = Perangkat Desa { $village } belum dapat mengonfirmasi bahwa Bapak/Ibu warga desa itu. Bila ada kekeliruan, hubungi perangkat desa, atau tulis /desaku di grup Telegram desa Bapak/Ibu.
error-claim_not_found = Pernyataan desa itu tidak ditemukan.
error-claim_decided = Pernyataan ini sudah dijawab.
error-claim_own = Pernyataan Bapak/Ibu sendiri dikonfirmasi oleh perangkat desa lain atau admin forum.
error-invite_own = Kode ini Bapak/Ibu sendiri yang membuat; kode gabung dipakai oleh orang lain.
error-code_role_not_allowed = Perangkat desa dapat membuat kode gabung untuk warga dan perangkat desanya sendiri. Peran lain dibuat oleh admin forum.

codes-header = 🎟️ Kode gabung yang belum dipakai: { $count }
codes-empty = Tidak ada kode gabung yang masih terbuka.
codes-line =
    <code>{ $code }</code> — { $what }
    dibuat oleh { $by }, berlaku sampai { $expires }
codes-what-group = tautan grup { $place }
codes-btn-revoke = ❌ Batalkan { $code }
codes-revoke-confirm = Batalkan kode <code>{ $code }</code>? Kode ini tidak akan dapat dipakai lagi.
codes-btn-revoke-confirm = Ya, batalkan
codes-revoked = Kode <code>{ $code }</code> dibatalkan.
cmd-kode = Kode gabung yang masih terbuka
menu-kode = 🗝️ Kode terbuka
codes-revoked-toast = Kode dibatalkan.
