// The bursa benchmark's fixed table: need/offer pairs written the way village officials and
// mitra type them (abbreviations, no punctuation, regional words), each labelled by hand: would a
// kecamatan mediator want these two to meet? Decoys share words but are not a match (fish for
// eating vs seed fish, two sellers, periods that do not meet, a tool 90 km away, a sibling tool).
//
// TUNED: the matcher's lexicon and weights were adjusted while looking at these rows.
// HELD-OUT (bench/_bursa-heldout.ts): written after the matcher was frozen; never tuned on.

export interface BenchPlace {
  latitude: number;
  longitude: number;
}

/** Villages of a kecamatan like Bangunrejo (Lampung Tengah), two far ones, and one without a point. */
export const PLACES: Record<string, BenchPlace | null> = {
  Sukajaya: { latitude: -4.93, longitude: 105.02 },
  Sidorejo: { latitude: -4.955, longitude: 105.045 },
  Bangunrejo: { latitude: -4.94, longitude: 105.0 },
  "Tanjung Jaya": { latitude: -4.91, longitude: 105.06 },
  "Mulyo Asri": { latitude: -4.97, longitude: 105.01 },
  "Sinar Seputih": { latitude: -4.9, longitude: 104.99 },
  Cimarias: { latitude: -4.985, longitude: 105.055 },
  Tempuran: { latitude: -4.92, longitude: 105.08 },
  Margorejo: null,
  "Way Jepara": { latitude: -5.28, longitude: 105.72 },
  Krui: { latitude: -5.19, longitude: 103.93 },
  mitra: null,
};

export interface BenchPost {
  /** A key of PLACES; "mitra" for a university, bank, NGO or dinas. */
  from: string;
  category: string;
  text: string;
  period?: string;
}

export interface BenchPair {
  need: BenchPost;
  offer: BenchPost;
  match: boolean;
}

const N = (from: string, category: string, text: string, period?: string): BenchPost => ({ from, category, text, period });
const O = N;

export const TUNED: BenchPair[] = [
  // ---------------------------------------------------------------- should meet
  { match: true, need: N("Sukajaya", "alat", "butuh mesin pengering gabah utk panen raya bln juli agustus, gabah petani sering busuk krn hujan", "Juli–Agustus"), offer: O("Sidorejo", "alat", "BUMDes punya box dryer kapasitas 10 ton bisa disewa per hari", "Juni - September") },
  { match: true, need: N("Bangunrejo", "alat", "perlu alsintan buat olah lahan sawah 25 ha sebelum musim tanam", "Oktober"), offer: O("Tanjung Jaya", "alat", "traktor roda 2 ada 3 unit siap disewakan, operator dr kami", "sepanjang tahun") },
  { match: true, need: N("Mulyo Asri", "bibit", "kelompok pembudidaya butuh bibit lele 20.000 ekor ukuran 5-7 cm"), offer: O("Cimarias", "bibit", "tersedia benih ikan lele sangkuriang dan nila, siap antar") },
  { match: true, need: N("Sinar Seputih", "pelatihan", "butuh pelatih kompos utk kwt, bahan jerami banyak tp blm bisa ngolah"), offer: O("mitra", "pelatihan", "pelatihan pembuatan pupuk organik dr limbah pertanian, gratis utk kelompok tani") },
  { match: true, need: N("Tempuran", "pelatihan", "pengurus bumdes blm paham pembukuan, minta pendampingan bikin laporan keuangan"), offer: O("mitra", "pelatihan", "pelatihan pembukuan BUMDes dan UMKM, materi laporan keuangan sederhana") },
  { match: true, need: N("Sukajaya", "pemasaran", "gabah kami melimpah harga anjlok butuh pembeli yg bisa ambil 50 ton"), offer: O("Bangunrejo", "pemasaran", "BUMDes siap menampung gabah petani harga sesuai HPP") },
  { match: true, need: N("Sidorejo", "saprodi", "stok pupuk kandang kurang, perlu 10 ton utk kebun cabai"), offer: O("Mulyo Asri", "saprodi", "jual kotoran sapi kering sdh difermentasi, 1 truk 6 ton") },
  { match: true, need: N("Cimarias", "jasa", "butuh tenaga tanam padi 15 org minggu kedua november", "November"), offer: O("Sinar Seputih", "jasa", "regu tandur ibu2 siap menerima borongan tanam padi", "Oktober - Desember") },
  { match: true, need: N("Tanjung Jaya", "modal", "kelompok ternak kambing butuh modal usaha utk tambah indukan"), offer: O("mitra", "modal", "KUR mikro bunga ringan tanpa agunan utk peternak dan petani") },
  { match: true, need: N("Bangunrejo", "sarana", "butuh tenda dan kursi 300 buah utk acara MTQ tingkat kecamatan"), offer: O("Tempuran", "sarana", "BUMDes menyewakan terop, kursi plastik, sound system utk hajatan") },
  { match: true, need: N("Mulyo Asri", "alat", "pompa air kami rusak padahal sawah kekeringan, butuh alkon pinjaman 2 minggu"), offer: O("Sukajaya", "alat", "mesin pompa air 3 inch ada 2 bisa dipinjam kelompok tani desa tetangga") },
  { match: true, need: N("Sinar Seputih", "hasil", "perlu jagung pipil kering 5 ton utk pakan ayam petelur BUMDes"), offer: O("Sidorejo", "hasil", "jagung pipil kadar air 15% ready 8 ton") },
  { match: true, need: N("Sukajaya", "pelatihan", "warga pengen belajar budidaya jamur tiram, ada yg bisa ngajarin?"), offer: O("Cimarias", "pelatihan", "kelompok kami bisa berbagi ilmu budidaya jamur tiram dan buat baglog") },
  { match: true, need: N("Tempuran", "pemasaran", "kopi robusta petani numpuk blm laku, cari pembeli / roastery"), offer: O("mitra", "pemasaran", "koperasi siap membeli kopi robusta petik merah harga premium") },
  { match: true, need: N("Cimarias", "alat", "butuh combine harvester buat panen 40 ha bulan maret", "Maret 2027"), offer: O("Bangunrejo", "alat", "jasa panen pakai combine, borongan per hektar", "Februari - April 2027") },
  { match: true, need: N("Sidorejo", "sarana", "mobil siaga desa sedang rusak, butuh ambulans utk rujukan warga sementara"), offer: O("Tanjung Jaya", "jasa", "ambulance desa bisa dipinjam utk desa tetangga, sopir dr kami") },
  { match: true, need: N("Bangunrejo", "pelatihan", "anak muda desa mau diajari jualan online di shopee tiktok"), offer: O("mitra", "pelatihan", "mahasiswa KKN siap bimtek pemasaran digital utk UMKM desa") },
  { match: true, need: N("Sukajaya", "bibit", "mau tanam alpukat di lahan tidur, cari bibit alpukat 500 batang"), offer: O("Mulyo Asri", "bibit", "jual bibit buah sambung pucuk alpukat, durian, jeruk") },
  { match: true, need: N("Mulyo Asri", "jasa", "butuh tukang las utk bikin pagar kantor desa"), offer: O("Cimarias", "jasa", "bengkel las BUMDes menerima pesanan pagar, teralis, kanopi") },
  { match: true, need: N("Tanjung Jaya", "saprodi", "ternak sapi kekurangan hijauan musim kemarau, perlu rumput / silase"), offer: O("Sinar Seputih", "saprodi", "produksi silase jagung, bisa kirim per karung 50 kg") },
  { match: true, need: N("Tempuran", "pelatihan", "kader posyandu butuh pelatihan cara ukur stunting"), offer: O("mitra", "pelatihan", "penyuluhan gizi dan pencegahan stunting utk kader") },
  { match: true, need: N("Sidorejo", "alat", "butuh perontok padi utk kelompok tani"), offer: O("Bangunrejo", "alat", "power thresher bisa dipakai bergilir antar desa") },
  { match: true, need: N("Cimarias", "hasil", "BUMDes butuh pasokan beras 2 ton utk program bansos desa"), offer: O("Sukajaya", "hasil", "beras premium hasil penggilingan BUMDes, stok 10 ton") },
  { match: true, need: N("Sinar Seputih", "jasa", "butuh truk utk angkut hasil panen singkong ke pabrik tapioka"), offer: O("Tempuran", "jasa", "armada pick up & colt diesel BUMDes melayani angkutan hasil bumi") },
  { match: true, need: N("Mulyo Asri", "bibit", "gapoktan butuh benih padi unggul utk musim tanam Okt-Mar", "Oktober - Maret"), offer: O("Tanjung Jaya", "bibit", "penangkar benih padi inpari 32 bersertifikat, stok 3 ton", "September - Desember") },
  { match: true, need: N("Bangunrejo", "jasa", "hand traktor mogok, butuh montir yg ngerti mesin diesel"), offer: O("Sidorejo", "jasa", "bengkel alsintan, servis traktor, pompa, mesin giling") },
  { match: true, need: N("Sukajaya", "pelatihan", "pokdarwis air terjun kami butuh pelatihan pemandu wisata & pengelolaan homestay"), offer: O("mitra", "pelatihan", "bimtek pengelolaan desa wisata dan homestay") },
  { match: true, need: N("Tanjung Jaya", "sarana", "butuh gedung pertemuan utk rapat koordinasi 200 org"), offer: O("Bangunrejo", "sarana", "aula BUMDes kapasitas 250 org bisa disewa") },
  { match: true, need: N("Tempuran", "saprodi", "kelompok lele butuh pakan ikan / pelet murah, pakan pabrikan mahal"), offer: O("Sinar Seputih", "saprodi", "produksi maggot BSF utk pakan ikan dan ayam, siap kirim") },
  { match: true, need: N("Cimarias", "pemasaran", "keripik singkong produksi ibu2 KWT butuh tempat pemasaran"), offer: O("mitra", "pemasaran", "gerai oleh-oleh koperasi menerima titip jual produk UMKM desa") },

  // ---------------------------------------------------------------- decoys: should not meet
  { match: false, need: N("Mulyo Asri", "bibit", "butuh bibit lele 10rb ekor"), offer: O("Tempuran", "hasil", "jual lele konsumsi 1 kwintal per minggu") },
  { match: false, need: N("Sukajaya", "bibit", "butuh bibit ikan lele 5000 ekor"), offer: O("Cimarias", "bibit", "jual benih ikan nila merah ukuran 3-5 cm") },
  { match: false, need: N("Sinar Seputih", "pelatihan", "butuh pelatih kompos utk kwt"), offer: O("Sidorejo", "saprodi", "jual pupuk kompos karungan 40 kg") },
  { match: false, need: N("Sukajaya", "alat", "butuh mesin pengering gabah bulan juli agustus", "Juli-Agustus"), offer: O("Sidorejo", "alat", "box dryer bisa disewa", "Januari - Maret") },
  { match: false, need: N("Bangunrejo", "alat", "butuh traktor utk olah sawah"), offer: O("Way Jepara", "alat", "traktor roda 4 bisa disewa") },
  { match: false, need: N("Sukajaya", "pemasaran", "gabah melimpah butuh pembeli"), offer: O("Sidorejo", "hasil", "jual gabah kering giling 20 ton") },
  { match: false, need: N("Cimarias", "hasil", "butuh beras 2 ton"), offer: O("mitra", "pemasaran", "koperasi siap membeli beras petani") },
  { match: false, need: N("Tanjung Jaya", "modal", "butuh modal ternak kambing"), offer: O("Mulyo Asri", "bibit", "jual kambing etawa indukan") },
  { match: false, need: N("Mulyo Asri", "alat", "butuh alkon pinjaman utk sawah"), offer: O("Sukajaya", "jasa", "servis pompa air & mesin diesel") },
  { match: false, need: N("Bangunrejo", "sarana", "butuh tenda dan kursi utk acara"), offer: O("Tempuran", "hasil", "jual kursi kayu jati ukir") },
  { match: false, need: N("Sukajaya", "bibit", "cari bibit alpukat 500 batang"), offer: O("Mulyo Asri", "hasil", "jual buah alpukat mentega 2 kwintal") },
  { match: false, need: N("Tempuran", "pelatihan", "kader posyandu butuh pelatihan stunting"), offer: O("mitra", "pelatihan", "pelatihan pembukuan BUMDes") },
  { match: false, need: N("Cimarias", "alat", "butuh combine harvester"), offer: O("Sinar Seputih", "alat", "traktor roda 2 disewakan") },
  { match: false, need: N("Sidorejo", "alat", "butuh perontok padi"), offer: O("Bangunrejo", "alat", "pemipil jagung bisa disewa") },
  { match: false, need: N("Sinar Seputih", "hasil", "perlu jagung pipil 5 ton utk pakan"), offer: O("Sidorejo", "hasil", "jual jagung manis utk sayur, 500 tongkol") },
  { match: false, need: N("Tanjung Jaya", "sarana", "butuh gedung pertemuan"), offer: O("Bangunrejo", "jasa", "jasa renovasi gedung dan bangunan") },
  { match: false, need: N("Sukajaya", "pelatihan", "belajar budidaya jamur tiram"), offer: O("Cimarias", "hasil", "jual jamur tiram segar 20 kg/hari") },
  { match: false, need: N("Mulyo Asri", "jasa", "butuh tukang las"), offer: O("Tempuran", "jasa", "servis motor dan alsintan") },
  { match: false, need: N("Tempuran", "saprodi", "butuh pakan ikan pelet"), offer: O("Sinar Seputih", "saprodi", "jual konsentrat pakan sapi") },
  { match: false, need: N("Cimarias", "pemasaran", "keripik butuh pemasaran"), offer: O("Sukajaya", "hasil", "jual keripik pisang aneka rasa") },
  { match: false, need: N("Bangunrejo", "pelatihan", "diajari jualan online"), offer: O("mitra", "modal", "pinjaman modal UMKM") },
  { match: false, need: N("Sidorejo", "sarana", "butuh ambulans"), offer: O("Tanjung Jaya", "hasil", "jual mobil pick up bekas") },
  { match: false, need: N("Tanjung Jaya", "saprodi", "ternak sapi kekurangan hijauan perlu rumput / silase"), offer: O("Mulyo Asri", "bibit", "jual bibit rumput odot / pakchong stek") },
  { match: false, need: N("Mulyo Asri", "bibit", "benih padi unggul musim tanam", "Okt-Mar"), offer: O("Tanjung Jaya", "hasil", "jual gabah kering panen 10 ton") },
  { match: false, need: N("Tempuran", "pelatihan", "pokdarwis butuh pelatihan pemandu wisata"), offer: O("Sidorejo", "jasa", "jasa pemandu wisata dan paket outbound") },
  { match: false, need: N("Sinar Seputih", "jasa", "butuh truk angkut singkong"), offer: O("Sukajaya", "bibit", "jual bibit singkong stek") },
  { match: false, need: N("Bangunrejo", "jasa", "hand traktor mogok butuh montir"), offer: O("Tanjung Jaya", "alat", "traktor disewakan") },
  { match: false, need: N("Tanjung Jaya", "modal", "butuh modal"), offer: O("mitra", "pelatihan", "pelatihan penyusunan proposal hibah dan akses KUR") },
  { match: false, need: N("Tempuran", "pemasaran", "kopi robusta numpuk cari pembeli"), offer: O("mitra", "pelatihan", "pelatihan pengolahan kopi & sangrai") },
];
