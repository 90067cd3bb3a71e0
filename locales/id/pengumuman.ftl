# Pengumuman: dari perangkat desa dan admin forum ke grup desa atau chat pribadi

cmd-pengumuman = Kirim pengumuman ke { $desa }
cmd-riwayat_pengumuman = Riwayat pengumuman dan pembatalan
menu-pengumuman = 📢 Pengumuman
menu-riwayat_pengumuman = 🗂️ Riwayat pengumuman

## Menulis

pengumuman-ask-content =
    📢 <b>Pengumuman baru</b>
    Tulis isi pengumuman. Bapak/Ibu juga dapat mengirim <b>foto</b>, <b>video</b>, <b>dokumen</b> (misalnya PDF), <b>pesan suara</b>, <b>audio</b>, atau <b>album</b> (beberapa foto/video sekaligus) dengan keterangan sebagai isinya.
pengumuman-ask-caption = Berkas diterima. Sekarang tulis isi pengumumannya (akan menjadi keterangan berkas itu).
pengumuman-unsupported-media = Jenis pesan itu belum dapat dikirim sebagai pengumuman. Kirim teks, foto, video, dokumen, pesan suara, audio, atau album.
pengumuman-album-collecting = 🖼️ Album diterima. Bila semua foto/video sudah terkirim, tekan <b>✅ Selesai</b>. Keterangan album menjadi isi pengumuman.
pengumuman-album-press-done = Tekan ✅ Selesai bila album sudah lengkap, atau ❌ Batal.
pengumuman-btn-album-done = ✅ Selesai
pengumuman-empty = Isi pengumuman masih kosong atau terlalu pendek. Tulis isi pengumumannya, paling sedikit 3 huruf.
pengumuman-appended = Lanjutan teks saya gabungkan ke pengumuman (sekarang { $length } huruf). Silakan tekan tombol penerima di atas.

## Penerima

pengumuman-ask-audience = Kirim kepada siapa?
pengumuman-aud-all-groups = 🏘️ Semua grup { $desa }
pengumuman-aud-groups = 📍 Grup { $desa } pilihan
pengumuman-aud-own-groups = 🏘️ Grup { $desa }
pengumuman-aud-officials = 👔 Perangkat { $desa }
pengumuman-aud-residents = 👥 Warga terdaftar
pengumuman-ask-villages = Tekan nama { $desa } tujuan (boleh lebih dari satu), lalu tekan <b>Lanjut</b>.
pengumuman-btn-all-villages = ☑️ Semua { $desa }
pengumuman-btn-next = ➡️ Lanjut
pengumuman-pick-one = Pilih paling sedikit satu { $desa }.
pengumuman-villages-chosen = { $Desa } yang dipilih: { $villages }
pengumuman-no-recipients = Belum ada penerima untuk pilihan ini: { $why } Silakan pilih penerima lain.
pengumuman-no-recipients-groups = belum ada grup { $desa } yang terhubung.
pengumuman-no-recipients-people = belum ada orang yang terdaftar dan sudah membuka chat dengan saya.

## Pilihan pengiriman

pengumuman-options = <b>Pilihan pengiriman</b>
    Tekan tombol untuk mengubah, lalu tekan kapan dikirim.
pengumuman-opt-pin = 📌 Sematkan: { $on ->
        [yes] Ya
       *[no] Tidak
    }
pengumuman-opt-silent = 🔕 Tanpa bunyi: { $on ->
        [yes] Ya
       *[no] Tidak
    }
pengumuman-opt-now = 📤 Kirim sekarang
pengumuman-opt-later = 🗓️ Jadwalkan
pengumuman-ask-time = Kapan pengumuman dikirim? Tulis tanggal dan jamnya ({ $zone }), misalnya: <code>besok 09.00</code>, <code>Jumat 14.00</code>, atau <code>7/12 08.30</code>.
pengumuman-time-unparsed = Saya belum mengerti waktunya. Coba tulis lagi, misalnya: besok 09.00
pengumuman-time-no-time = Mohon sertakan jamnya juga, misalnya: { $example }
pengumuman-time-invalid = Tanggal atau jam itu tidak ada di kalender. Coba periksa lagi, misalnya: 7/12 08.30
pengumuman-time-set = 🗓️ Dijadwalkan: { $when }

## Terlalu panjang

pengumuman-too-long =
    Pengumuman ini { $length } huruf, lebih dari batas Telegram { $max } huruf per pesan.
    Saya dapat mengirimnya dalam { $parts } pesan berurutan, atau Bapak/Ibu dapat menulis ulang yang lebih pendek.
pengumuman-too-long-caption =
    Keterangan { $kind ->
        [photo] foto
        [video] video
        [voice] pesan suara
        [audio] audio
        [album] album
       *[document] dokumen
    } paling banyak { $max } huruf, sedangkan pengumuman ini { $length } huruf.
    Saya dapat mengirim berkasnya dahulu, lalu tulisannya dalam { $parts } pesan berikutnya, atau Bapak/Ibu dapat menulis ulang yang lebih pendek.
pengumuman-btn-split = ✂️ Kirim dalam { $parts } pesan
pengumuman-btn-rewrite = ✏️ Tulis ulang

## Pratinjau dan konfirmasi

pengumuman-preview-intro = 👇 <b>Pratinjau</b> — beginilah pengumuman akan terlihat oleh penerima:
pengumuman-summary =
    <b>Periksa sebelum mengirim</b>
    Penerima: { $audience }
    { $Desa }: { $villages }
    Waktu: { $when }
    Disematkan di grup: { $pin ->
        [yes] ya
       *[no] tidak
    }
    Tanpa bunyi: { $silent ->
        [yes] ya
       *[no] tidak
    }
pengumuman-summary-unreachable = ℹ️ { $n } orang belum membuka chat dengan saya, jadi tidak dapat menerimanya.
pengumuman-summary-groups = { $n } grup { $desa }
pengumuman-summary-people = { $n } orang lewat chat pribadi
pengumuman-summary-all = semua { $desa }
pengumuman-summary-now = sekarang
pengumuman-btn-send = ✅ Kirim
pengumuman-btn-schedule = ✅ Jadwalkan
pengumuman-sending = ✅ Pengumuman sedang dikirim ke { $n } penerima. Saya akan melaporkan kemajuannya di sini.
pengumuman-scheduled =
    ✅ Pengumuman dijadwalkan untuk <b>{ $when }</b>.
    Untuk membatalkannya, buka /riwayat_pengumuman.

## Isi pengumuman (dilihat penerima)

pengumuman-header-village = 📢 Pengumuman · { $Desa } { $village }
pengumuman-header-forum = 📢 Pengumuman · { $forum }
# "— Sutrisno, Kepala Kampung Sukajaya": the author and their position (src/bot/lib/jabatan.ts).
pengumuman-footer = — { $name }, { $role }
pengumuman-footer-admin-role = admin { $forum }

## Kemajuan dan laporan (untuk pengirim)

pengumuman-progress = ⏳ Pengumuman #{ $id } sedang dikirim…
    Terkirim { $sent } dari { $total } · gagal { $failed }
pengumuman-progress-done = ✅ Pengumuman #{ $id } selesai dikirim.
    Terkirim { $sent } dari { $total } · gagal { $failed }
pengumuman-progress-cancelled = 🛑 Pengumuman #{ $id } dibatalkan.
    Terkirim { $sent } dari { $total } · gagal { $failed } · tidak jadi dikirim { $cancelled }
pengumuman-report-header = 📊 <b>Laporan pengiriman pengumuman #{ $id }</b>
    «{ $excerpt }»
    Terkirim { $sent } dari { $total } penerima{ $failed ->
        [0] {""}
       *[other] {" "}· gagal { $failed }
    }{ $cancelled ->
        [0] {""}
       *[other] {" "}· dibatalkan { $cancelled }
    }
pengumuman-report-kecamatan = Grup kecamatan
pengumuman-report-village = <b>{ $name }</b>
pengumuman-report-line = • { $place }: { $parts }
pengumuman-report-groups = grup: { $sent } terkirim{ $failed ->
        [0] {""}
       *[other] , { $failed } gagal
    }{ $cancelled ->
        [0] {""}
       *[other] , { $cancelled } dibatalkan
    }{ $pending ->
        [0] {""}
       *[other] , { $pending } menunggu
    }
pengumuman-report-people = orang: { $sent } terkirim{ $failed ->
        [0] {""}
       *[other] , { $failed } gagal
    }{ $cancelled ->
        [0] {""}
       *[other] , { $cancelled } dibatalkan
    }{ $pending ->
        [0] {""}
       *[other] , { $pending } menunggu
    }
pengumuman-report-reason = { "  " }↳ { $count } { $reason }
pengumuman-report-not-pinned = { "  " }↳ { $count } grup menerima, tetapi pesan tidak dapat disematkan (saya bukan admin grup itu)
pengumuman-not-started = ⚠️ Pengumuman #{ $id } («{ $excerpt }») tidak jadi dikirim: { $reason }
pengumuman-not-started-author_not_allowed = Bapak/Ibu tidak lagi berwenang mengirim pengumuman ke { $desa } yang dipilih.
pengumuman-not-started-no_recipients = pada waktunya tidak ada penerima (grup belum terhubung, atau belum ada yang terdaftar).

## Alasan gagal, dalam bahasa sehari-hari

pengumuman-reason-kicked = saya sudah dikeluarkan dari grup
pengumuman-reason-blocked = memblokir saya atau akunnya sudah dihapus
pengumuman-reason-not_started = belum pernah membuka chat dengan saya
pengumuman-reason-chat_not_found = grup atau chat tidak ditemukan
pengumuman-reason-not_enough_rights = saya tidak diizinkan menulis di grup
pengumuman-reason-too_many_attempts = Telegram tidak dapat dihubungi setelah beberapa kali mencoba
pengumuman-reason-interrupted = tidak pasti sampai (sistem sempat berhenti saat mengirim)
pengumuman-reason-other = ditolak oleh Telegram
pengumuman-reason-too_old = pesannya sudah lebih dari 48 jam (Telegram tidak mengizinkan bot menghapusnya)
pengumuman-reason-message_gone = pesannya sudah tidak ada di chat itu

## Riwayat dan pembatalan

pengumuman-history-header = 🗂️ <b>Riwayat pengumuman</b> ({ $total })
pengumuman-history-empty = Belum ada pengumuman. Kirim yang pertama dengan /pengumuman.
pengumuman-history-item =
    <b>#{ $id }</b> · { $when } · { $state }
    «{ $excerpt }»
    { $audience }{ $counts }
pengumuman-history-counts = {" "}· terkirim { $sent } dari { $total }{ $failed ->
        [0] {""}
       *[other] , gagal { $failed }
    }
pengumuman-btn-detail = 🔎 #{ $id }
pengumuman-state-scheduled = 🗓️ Terjadwal
pengumuman-state-sending = ⏳ Sedang dikirim
pengumuman-state-done = ✅ Terkirim
pengumuman-state-cancelled = 🛑 Dibatalkan
pengumuman-state-failed = ⚠️ Tidak terkirim
pengumuman-aud-label-groups = Grup { $desa }
pengumuman-aud-label-officials = Perangkat { $desa }
pengumuman-aud-label-residents = Warga terdaftar
pengumuman-aud-label-villages = { $audience } · { $all ->
        [yes] semua { $desa }
       *[no] { $count } { $desa }
    }
pengumuman-detail =
    <b>Pengumuman #{ $id }</b> · { $state }
    «{ $excerpt }»
    Oleh: { $author }
    Penerima: { $audience }
    { $when }
pengumuman-detail-scheduled-for = Dijadwalkan: { $when }
pengumuman-detail-created = Dibuat: { $when }
pengumuman-btn-cancel-broadcast = 🛑 Batalkan
pengumuman-btn-back = ◀️ Kembali
pengumuman-cancel-confirm-scheduled = Batalkan pengumuman #{ $id } yang dijadwalkan { $when }? Tidak ada yang akan dikirim.
pengumuman-cancel-confirm-sending = Hentikan pengumuman #{ $id } yang sedang dikirim? Yang belum terkirim dibatalkan; yang sudah terkirim tetap ada.
pengumuman-btn-cancel-yes = Ya, batalkan
pengumuman-btn-cancel-no = Tidak
pengumuman-btn-edit = ✏️ Ubah isi
pengumuman-btn-delete = 🗑️ Hapus di semua chat
pengumuman-btn-edit-yes = ✅ Ya, ubah
pengumuman-btn-delete-yes = 🗑️ Ya, hapus
pengumuman-detail-edited = ✏️ Isinya sudah diubah setelah dikirim.
pengumuman-detail-deleted = 🗑️ Sudah dihapus dari semua chat.
pengumuman-edit-ask =
    ✏️ <b>Ubah pengumuman #{ $id }</b>
    Tulis isi yang baru. Kepala dan tanda tangan tetap sama; pesan di { $chats } chat (grup dan pribadi) akan diganti.
pengumuman-edit-preview = Begini pesannya nanti:
pengumuman-edit-confirm = Ganti pesan pengumuman #{ $id } di { $chats } chat dengan isi di atas?
pengumuman-edit-started = ✏️ Sedang mengubah pengumuman #{ $id } di { $chats } chat. Laporannya menyusul.
pengumuman-delete-confirm =
    🗑️ <b>Hapus pengumuman #{ $id }?</b>
    «{ $excerpt }»
    Pesannya akan dihapus dari { $chats } chat (grup dan pribadi). Ini tidak dapat dibatalkan.
    Telegram tidak mengizinkan bot menghapus pesan yang sudah lebih dari 48 jam: salinan seperti itu tetap ada dan disebut di laporan.
pengumuman-delete-started = 🗑️ Sedang menghapus pengumuman #{ $id } dari { $chats } chat. Laporannya menyusul.
pengumuman-change-report =
    { $action ->
        [delete] 🗑️ <b>Pengumuman #{ $id } dihapus</b>
       *[other] ✏️ <b>Pengumuman #{ $id } diubah</b>
    }
    «{ $excerpt }»
    { $changed } dari { $total } chat berhasil, { $failed } gagal.
pengumuman-cancelled-scheduled = 🛑 Pengumuman #{ $id } dibatalkan. Tidak ada yang dikirim.
pengumuman-cancelled-sending = 🛑 Pengumuman #{ $id } dihentikan. Sudah terkirim ke { $sent } penerima; { $cancelled } penerima tidak jadi menerimanya. Laporan lengkap menyusul.

## Galat

error-pengumuman_not_allowed = Hanya perangkat { $desa } dan admin forum yang dapat mengirim pengumuman.
error-pengumuman_bad_audience = Pilihan penerima tidak dikenal. Silakan tekan salah satu tombol.
error-pengumuman_all_admin_only = Hanya admin forum yang dapat mengirim ke semua { $desa }. Perangkat { $desa } mengirim ke { $desa }nya sendiri.
error-pengumuman_no_villages = Pilih paling sedikit satu { $desa }.
error-pengumuman_other_village = Bapak/Ibu perangkat { $desa } untuk { $desa } Bapak/Ibu sendiri, jadi tidak dapat mengirim pengumuman ke { $Desa } { $village }.
error-pengumuman_time_past = Waktu itu sudah lewat atau terlalu dekat. Pilih waktu paling cepat satu menit dari sekarang, atau tekan Kirim sekarang.
error-pengumuman_time_far = Waktu itu terlalu jauh. Pengumuman dapat dijadwalkan paling lama satu tahun ke depan.
error-pengumuman_empty = Isi pengumuman masih kosong. Tulis isi pengumumannya dahulu.
error-pengumuman_too_long = Pengumuman terlalu panjang ({ $length } huruf; batasnya { $max }).
error-pengumuman_no_recipients = Belum ada penerima untuk pilihan ini. Pengumuman tidak dikirim.
error-pengumuman_not_found = Pengumuman itu tidak ditemukan.
error-pengumuman_not_cancellable = Pengumuman ini sudah selesai atau sudah dibatalkan, jadi tidak dapat dibatalkan lagi.
error-pengumuman_deleted = Pengumuman ini sudah dihapus.
error-pengumuman_not_sent = Pengumuman ini belum terkirim ke mana pun. Yang masih terjadwal dapat dibatalkan.
error-pengumuman_edit_long = Pengumuman ini terkirim dalam beberapa pesan, jadi tidak dapat diubah. Hapus, lalu kirim ulang yang benar.
error-pengumuman_edit_same = Isinya sama dengan yang sudah terkirim. Tulis isi yang baru.
error-pengumuman_album_size = Album harus berisi { $min } sampai { $max } foto/video. Kirim ulang albumnya.
error-pengumuman_album_mix = Dokumen dan audio hanya dapat dijadikan album dengan jenis yang sama (foto boleh dicampur dengan video). Kirim ulang albumnya.
