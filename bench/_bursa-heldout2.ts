// SECOND HELD-OUT part of the bursa benchmark: written after the second freeze (commit 8bba776),
// with commodities, tools and phrasings not used in the other parts, labelled by real-world
// judgment before running the matcher on them, and never tuned on.
// Same labelling rule: would a kecamatan mediator want these two to meet?
import type { BenchPair, BenchPost } from "./_bursa-table.js";

const N = (from: string, category: string, text: string, period?: string): BenchPost => ({ from, category, text, period });
const O = N;

export const HELD_OUT_2: BenchPair[] = [
  // ---------------------------------------------------------------- should meet
  { match: true, need: N("Cimarias", "bibit", "kelompok tani kakao butuh bibit kakao sambung samping 1000 batang"), offer: O("Tanjung Jaya", "bibit", "kebun entres kakao, jual bibit kakao klon unggul") },
  { match: true, need: N("Sidorejo", "alat", "hama wereng menyerang, perlu power sprayer / mesin semprot utk 20 ha"), offer: O("Bangunrejo", "alat", "drone semprot pertanian bisa disewa per hektar, operator disediakan") },
  { match: true, need: N("Sukajaya", "pemasaran", "gula aren cetak produksi 30 pengrajin susah dijual, butuh pembeli tetap"), offer: O("mitra", "pemasaran", "UD kami membeli gula aren & gula semut rutin tiap minggu") },
  { match: true, need: N("Margorejo", "pelatihan", "ibu2 ingin belajar membatik tulis & cap"), offer: O("mitra", "pelatihan", "sanggar batik menerima pelatihan membatik utk kelompok") },
  { match: true, need: N("Tempuran", "bibit", "pokdakan butuh benih udang vaname"), offer: O("Mulyo Asri", "bibit", "hatchery kecil, stok benur vaname PL 10") },
  { match: true, need: N("Tanjung Jaya", "hasil", "butuh telur bebek 500 butir/minggu utk usaha telur asin"), offer: O("Sinar Seputih", "hasil", "peternak itik petelur, produksi telur itik 100 butir per hari") },
  { match: true, need: N("Sukajaya", "jasa", "butuh jasa angkut gabah dari sawah ke gudang BUMDes"), offer: O("Cimarias", "jasa", "motor roda tiga & pick up siap angkut hasil panen, ongkos per karung") },
  { match: true, need: N("Bangunrejo", "sarana", "butuh kolam terpal bulat 3 unit buat pemula budidaya lele"), offer: O("Sidorejo", "hasil", "produksi kolam terpal bundar diameter 2-3 m, bisa kirim") },
  { match: true, need: N("Mulyo Asri", "pelatihan", "ternak kelinci sering mati, minta penyuluhan cara beternak kelinci"), offer: O("mitra", "pelatihan", "dosen peternakan siap pendampingan budidaya kelinci dan ternak kecil") },
  { match: true, need: N("Sidorejo", "modal", "koperasi wanita perlu modal bergulir utk usaha warung"), offer: O("mitra", "modal", "dana bergulir lunak utk kelompok perempuan, tanpa jaminan") },
  { match: true, need: N("Cimarias", "sarana", "mau adakan pengajian akbar, perlu terop + kursi 500"), offer: O("Sukajaya", "sarana", "persewaan tarub, kursi, dan sound utk hajatan dan pengajian") },
  { match: true, need: N("Tempuran", "hasil", "perlu pasokan cabai rawit 50 kg/minggu utk rumah makan BUMDes"), offer: O("Margorejo", "hasil", "panen cabe rawit melimpah, siap kirim ke desa lain") },
  { match: true, need: N("Sinar Seputih", "pelatihan", "pemuda karang taruna pengen bisa fotografi produk & jualan di marketplace"), offer: O("mitra", "pelatihan", "kelas konten digital: foto produk, toko online, iklan medsos") },
  { match: true, need: N("Tanjung Jaya", "alat", "perlu mesin pencacah rumput utk pakan sapi kelompok"), offer: O("Mulyo Asri", "alat", "chopper BUMDes dipinjamkan ke kelompok ternak, bahan bakar tanggung sendiri") },
  { match: true, need: N("Margorejo", "jasa", "saluran irigasi tersier jebol, butuh tukang batu 5 org utk perbaikan"), offer: O("Bangunrejo", "jasa", "tukang bangunan desa siap borongan pasang batu dan cor") },
  { match: true, need: N("Bangunrejo", "hasil", "BUMDes cari pemasok pakan ayam / jagung giling 2 ton per bulan"), offer: O("Tempuran", "hasil", "jagung pipil kering siap giling, stok 10 ton") },
  { match: true, need: N("Sukajaya", "pelatihan", "perangkat desa belum paham aplikasi siskeudes, mohon bimbingan"), offer: O("mitra", "pelatihan", "pendamping desa siap bimtek siskeudes dan penyusunan APBDes") },
  { match: true, need: N("Cimarias", "lainnya", "desa kami sering banjir, butuh perahu karet & pelatihan relawan tanggap bencana"), offer: O("mitra", "pelatihan", "BPBD: pelatihan desa tangguh bencana dan simulasi evakuasi") },
  { match: true, need: N("Sidorejo", "alat", "butuh hand traktor buat bajak sawah minggu depan", "Desember 2026"), offer: O("Sukajaya", "alat", "traktor tangan nganggur, bs dipinjam desa tetangga", "Desember 2026 - Januari 2027") },
  { match: true, need: N("Mulyo Asri", "hasil", "butuh 2 ekor sapi utk qurban idul adha"), offer: O("Tanjung Jaya", "hasil", "jual sapi bali siap potong bobot 300 kg") },
  { match: true, need: N("Tempuran", "pemasaran", "kerajinan anyaman pandan ibu2 numpuk, cari penampung / reseller"), offer: O("mitra", "pemasaran", "galeri UMKM kabupaten menerima titipan kerajinan desa") },
  { match: true, need: N("Margorejo", "sarana", "perlu tempat pelatihan kapasitas 100 org 2 hari"), offer: O("Bangunrejo", "sarana", "gedung serbaguna desa bisa dipakai acara desa lain, ada kursi & proyektor") },

  // ---------------------------------------------------------------- decoys: should not meet
  { match: false, need: N("Cimarias", "bibit", "butuh bibit kakao"), offer: O("Tanjung Jaya", "hasil", "jual biji kakao kering fermentasi") },
  { match: false, need: N("Sidorejo", "alat", "perlu mesin semprot"), offer: O("Bangunrejo", "saprodi", "jual pestisida & obat hama wereng") },
  { match: false, need: N("Sukajaya", "pemasaran", "gula aren susah dijual butuh pembeli"), offer: O("Margorejo", "hasil", "jual gula aren asli cetakan kelapa") },
  { match: false, need: N("Margorejo", "pelatihan", "ingin belajar membatik"), offer: O("Sinar Seputih", "hasil", "jual kain batik tulis motif lampung") },
  { match: false, need: N("Tempuran", "bibit", "butuh benih udang vaname"), offer: O("Mulyo Asri", "hasil", "jual udang vaname size 50 hasil panen") },
  { match: false, need: N("Tanjung Jaya", "hasil", "butuh telur bebek 500 butir/minggu"), offer: O("Sinar Seputih", "bibit", "jual DOD (anak itik) umur 3 hari") },
  { match: false, need: N("Sukajaya", "jasa", "butuh jasa angkut gabah"), offer: O("Cimarias", "jasa", "bengkel servis motor roda tiga dan pick up") },
  { match: false, need: N("Mulyo Asri", "pelatihan", "minta penyuluhan beternak kelinci"), offer: O("Sidorejo", "bibit", "jual anakan kelinci rex & new zealand") },
  { match: false, need: N("Sidorejo", "modal", "perlu modal bergulir utk warung"), offer: O("mitra", "pelatihan", "pelatihan manajemen warung dan pencatatan stok") },
  { match: false, need: N("Cimarias", "sarana", "perlu terop + kursi 500 utk pengajian", "Januari 2027"), offer: O("Sukajaya", "sarana", "sewa tarub & kursi", "Maret - April 2027") },
  { match: false, need: N("Tempuran", "hasil", "perlu pasokan cabai rawit"), offer: O("Margorejo", "pemasaran", "kami siap membeli cabai petani harga pasar") },
  { match: false, need: N("Tanjung Jaya", "alat", "perlu mesin pencacah rumput"), offer: O("Way Jepara", "alat", "chopper rumput bs disewa") },
  { match: false, need: N("Margorejo", "jasa", "butuh tukang batu perbaikan saluran irigasi"), offer: O("Sidorejo", "hasil", "jual batu kali & pasir per truk") },
  { match: false, need: N("Bangunrejo", "hasil", "cari pasokan jagung giling utk pakan ayam"), offer: O("Tempuran", "hasil", "jual jagung manis rebus utk acara") },
  { match: false, need: N("Sukajaya", "pelatihan", "mohon bimbingan aplikasi siskeudes"), offer: O("mitra", "modal", "hibah laptop & printer utk kantor desa") },
  { match: false, need: N("Cimarias", "lainnya", "butuh perahu karet utk banjir"), offer: O("Mulyo Asri", "pelatihan", "pelatihan renang anak2") },
  { match: false, need: N("Sidorejo", "alat", "butuh hand traktor minggu depan", "Desember 2026"), offer: O("Sukajaya", "alat", "traktor tangan bs dipinjam", "Mei - Juni 2027") },
  { match: false, need: N("Mulyo Asri", "hasil", "butuh sapi utk qurban"), offer: O("Tanjung Jaya", "hasil", "jual kambing etawa jantan utk aqiqah") },
  { match: false, need: N("Tempuran", "pemasaran", "anyaman pandan cari penampung"), offer: O("Sinar Seputih", "saprodi", "jual daun pandan kering bahan anyaman") },
  { match: false, need: N("Margorejo", "sarana", "perlu tempat pelatihan 100 org"), offer: O("mitra", "pelatihan", "pelatihan public speaking utk perangkat desa") },
  { match: false, need: N("Sinar Seputih", "pelatihan", "pemuda pengen belajar foto produk & marketplace"), offer: O("Bangunrejo", "jasa", "jasa foto prewedding & dokumentasi acara") },
  { match: false, need: N("Bangunrejo", "alat", "butuh mesin pemipil jagung"), offer: O("Cimarias", "alat", "mesin perontok padi bisa disewa") },
];
