# Perawatan forum (/kelola) dan grup perangkat

cmd-kelola = Perawatan forum: nama, zona waktu, { $desa }, grup
menu-kelola = 🛠️ Kelola forum
cmd-grupperangkat = Jadikan grup ini grup perangkat forum

kelola-main =
    🛠️ <b>Perawatan forum</b>
    Nama: <b>{ $forum }</b>
    Zona waktu: { $zone }
    Grup perangkat: { $group }

    Pilih yang ingin diubah.
kelola-none = belum ada
kelola-btn-forum-name = ✏️ Nama forum
kelola-btn-zone = 🕒 Zona waktu
kelola-btn-villages = 🏘️ Daftar { $desa }
kelola-btn-officials-group = 👥 Grup perangkat
kelola-btn-back = ◀️ Kembali
kelola-btn-yes = ✅ Ya, lanjutkan
kelola-btn-rename = ✏️ Ubah nama
kelola-btn-code = 🔤 Ubah kode
kelola-btn-unlink = 🔌 Lepas grup
kelola-btn-replace = 🔁 Ganti grup
kelola-btn-new-group = ➕ Hubungkan grup
kelola-btn-merge = 🔗 Gabungkan
kelola-btn-retire = 🗄️ Nonaktifkan

kelola-ask-forum-name = Tulis nama forum yang baru (3 sampai 120 huruf).
kelola-ask-village-name = Tulis nama { $desa } yang baru, tanpa kata "{ $Desa }".
kelola-ask-village-code = Tulis kode { $desa } yang baru: 2 sampai 5 huruf besar atau angka, misalnya <code>SKJ</code>. Kode ini dipakai di nomor tiket aspirasi yang baru; nomor tiket lama tidak berubah.
kelola-saved-fn = ✅ Nama forum sekarang <b>{ $name }</b>.
kelola-saved-vn = ✅ Nama { $desa } sekarang <b>{ $name }</b>. Topik, pemungutan suara, dan musyawarah yang berjalan memakai nama ini saat kartunya diperbarui.
kelola-saved-vc = ✅ Kode { $desa } sekarang <code>{ $name }</code>.
kelola-ask-zone = Pilih zona waktu forum. Waktu yang sudah terkirim tidak berubah; pesan dan pengingat berikutnya memakai zona yang baru.
kelola-zone-saved = Zona waktu: { $zone }

kelola-villages = 🏘️ { $count } { $desa } aktif. Pilih satu.
kelola-village =
    🏘️ <b>{ $name }</b>
    Kode: <code>{ $code }</code>
    Grup: { $groups }
kelola-merge-pick = 🔗 Data <b>{ $village }</b> digabung ke { $desa } mana? Pilih { $desa } yang tetap dipakai.
kelola-merge-confirm =
    Gabungkan <b>{ $from }</b> ke <b>{ $into }</b>?

    Semua anggota, grup, aspirasi, topik, musyawarah, pemungutan suara, dan data { $desa } <b>{ $from }</b> pindah ke <b>{ $into }</b>. { $Desa } <b>{ $from }</b> lalu dinonaktifkan (riwayatnya tetap tersimpan). Ini tidak dapat dibatalkan.
kelola-merged = ✅ <b>{ $from }</b> digabung ke <b>{ $into }</b>: { $memberships } peran, { $groups } grup, { $aspirations } aspirasi dipindahkan.
kelola-retire-confirm =
    Nonaktifkan <b>{ $village }</b>?

    Riwayatnya tetap tersimpan, tetapi { $desa } ini tidak lagi muncul di pilihan, tidak diundang atau dihitung di pemungutan suara dan musyawarah baru, grupnya dilepas, dan kode gabungnya yang masih terbuka dibatalkan.
kelola-retired = ✅ <b>{ $village }</b> dinonaktifkan. { $groups } grup dilepas, { $codes } kode dibatalkan.
kelola-unlink-confirm = Lepas grup Telegram <b>{ $village }</b> dari forum? Grup itu tidak lagi menerima pengumuman, topik, dan undangan musyawarah.
kelola-replace-confirm = Ganti grup <b>{ $village }</b>? Grup yang sekarang dilepas, lalu saya buatkan kode untuk grup yang baru.
kelola-unlinked = ✅ { $count } grup <b>{ $village }</b> dilepas dari forum.

kelola-officials-none =
    👥 <b>Grup perangkat</b>
    Belum ada. Tambahkan saya ke grup perangkat kecamatan, lalu seorang admin forum (yang juga admin grup itu) mengetik /grupperangkat di grup tersebut.
kelola-officials =
    👥 <b>Grup perangkat</b>: { $group }
    Kartu yang dicentang dikirim ke grup ini, bukan ke perangkat satu per satu. Aspirasi rahasia tetap hanya ke chat pribadi perangkat yang menangani.
kelola-card-aspirations = Aspirasi baru
kelola-card-quorum = Kuorum musyawarah tercapai
kelola-card-reports = Laporan pengiriman pengumuman
kelola-officials-unlink-confirm = Lepas <b>{ $group }</b> sebagai grup perangkat? Kartu kembali dikirim ke perangkat satu per satu.
kelola-officials-linked = ✅ Grup ini sekarang grup perangkat forum. Aspirasi baru (kecuali yang rahasia), kuorum musyawarah, dan laporan pengiriman pengumuman dikirim ke sini. Atur lewat /kelola di chat pribadi dengan saya.
kelola-officials-which-forum = Grup perangkat untuk forum yang mana?

error-village_retired = { $Desa } itu sudah dinonaktifkan.
error-village_name_short = Nama { $desa } terlalu pendek.
error-village_name_long = Nama { $desa } terlalu panjang. Batasnya 60 huruf.
error-village_name_bad = Nama { $desa } hanya boleh berisi huruf, angka, spasi, titik, tanda hubung, dan tanda kurung.
error-village_name_taken = Nama itu sudah dipakai { $desa } lain di forum ini.
error-village_code_bad = Kode { $desa } terdiri dari 2 sampai 5 huruf besar atau angka, misalnya SKJ.
error-village_code_taken = Kode itu sudah dipakai { $desa } lain di forum ini.
error-merge_same_village = Pilih dua { $desa } yang berbeda.
error-village_no_group = { $Desa } itu belum punya grup yang terhubung.
error-officials_group_none = Forum ini belum punya grup perangkat.
error-group_is_village_group = Grup ini sudah menjadi grup { $desa }. Lepas dahulu lewat /kelola bila ingin menjadikannya grup perangkat.
error-bad_setting = Pengaturan itu tidak dikenal.
