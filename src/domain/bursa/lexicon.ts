/**
 * What villages trade, lend and teach each other, as a small taxonomy of concepts with the words
 * people use for them (Indonesian, regional and borrowed). A concept's parents make "benih ikan"
 * cover "bibit lele" and "alsintan" cover "traktor"; siblings ("bibit nila" / "bibit lele") are
 * related but not the same thing.
 *
 * Written from the vocabulary of village agriculture, BUMDes and extension services, not from the
 * benchmark table: add words here when real posts use them.
 */

export interface ConceptDef {
  id: string;
  parents?: string[];
  terms: string[];
}

// Roots of the taxonomy: broad fields. Matching only on a root is weak evidence.
const ROOTS: ConceptDef[] = [
  { id: "tanaman", terms: ["tanaman", "pertanian", "tani", "bertani", "hasil bumi", "hasil tani", "hasil pertanian", "palawija", "komoditas"] },
  { id: "ternak", terms: ["ternak", "peternakan", "hewan ternak", "beternak", "peternak"] },
  { id: "perikanan", terms: ["perikanan", "budidaya ikan", "pembudidaya ikan", "tambak", "empang", "nelayan"] },
  { id: "alsintan", terms: ["alsintan", "alat mesin pertanian", "alat pertanian", "mesin pertanian", "alat tani", "alat dan mesin pertanian"] },
  { id: "saprodi", terms: ["saprodi", "sarana produksi", "sarana produksi pertanian"] },
  { id: "olahan", terms: ["olahan", "produk olahan", "makanan olahan", "olahan pangan", "pangan olahan", "umkm", "oleh oleh", "camilan", "makanan ringan", "snack"] },
  { id: "keterampilan", terms: ["keterampilan", "keahlian", "ilmu", "pengetahuan", "teknik"] },
  { id: "sarana", terms: ["sarana", "prasarana", "fasilitas", "peralatan", "perlengkapan"] },
  { id: "lingkungan", terms: ["lingkungan", "lingkungan hidup"] },
  { id: "sosial", terms: ["sosial", "kemasyarakatan"] },
];

const CONCEPTS: ConceptDef[] = [
  // ------------------------------------------------------------ tanaman pangan dan perkebunan
  { id: "padi", parents: ["tanaman"], terms: ["padi", "padi sawah", "sawah", "pari"] },
  { id: "gabah", parents: ["padi"], terms: ["gabah", "gkp", "gkg", "gabah kering", "gabah basah", "gabah kering panen", "gabah kering giling"] },
  { id: "beras", parents: ["padi"], terms: ["beras", "beras premium", "beras medium", "beras organik"] },
  { id: "jagung", parents: ["tanaman"], terms: ["jagung", "jagung hibrida", "tongkol jagung"] },
  { id: "jagung-pipil", parents: ["jagung"], terms: ["jagung pipil", "jagung pipilan", "jagung kering", "jagung pakan", "jagung kering pipil"] },
  { id: "jagung-manis", parents: ["jagung"], terms: ["jagung manis", "jagung muda", "jagung rebus", "baby corn", "jagung bakar"] },
  { id: "singkong", parents: ["tanaman"], terms: ["singkong", "ubi kayu", "ketela pohon", "ketela", "kasava", "cassava", "telo"] },
  { id: "ubi-jalar", parents: ["tanaman"], terms: ["ubi jalar", "ketela rambat", "ubi ungu"] },
  { id: "kedelai", parents: ["tanaman"], terms: ["kedelai", "kacang kedelai", "kedele"] },
  { id: "kacang-tanah", parents: ["tanaman"], terms: ["kacang tanah"] },
  { id: "kacang-hijau", parents: ["tanaman"], terms: ["kacang hijau"] },
  { id: "kopi", parents: ["tanaman"], terms: ["kopi", "robusta", "arabika", "kopi bubuk", "biji kopi", "kopi robusta", "kopi arabika", "green bean", "ceri kopi"] },
  { id: "kakao", parents: ["tanaman"], terms: ["kakao", "coklat", "cokelat", "biji kakao"] },
  { id: "sawit", parents: ["tanaman"], terms: ["sawit", "kelapa sawit", "tbs", "tandan buah segar", "brondolan"] },
  { id: "karet", parents: ["tanaman"], terms: ["karet", "getah karet", "lateks", "slab", "ojol"] },
  { id: "kelapa", parents: ["tanaman"], terms: ["kelapa", "kopra", "kelapa dalam", "kelapa muda", "sabut kelapa", "batok kelapa", "tempurung"] },
  { id: "lada", parents: ["tanaman"], terms: ["lada", "merica", "sahang"] },
  { id: "cengkeh", parents: ["tanaman"], terms: ["cengkeh", "cengkih"] },
  { id: "pala", parents: ["tanaman"], terms: ["pala", "biji pala"] },
  { id: "tebu", parents: ["tanaman"], terms: ["tebu"] },
  { id: "tembakau", parents: ["tanaman"], terms: ["tembakau", "mbako"] },
  { id: "aren", parents: ["tanaman"], terms: ["aren", "gula aren", "nira", "gula merah", "gula semut", "kolang kaling"] },
  { id: "porang", parents: ["tanaman"], terms: ["porang", "iles iles", "umbi porang"] },
  { id: "jamu", parents: ["tanaman"], terms: ["empon empon", "rimpang", "jahe", "kunyit", "temulawak", "kencur", "lengkuas", "toga", "tanaman obat", "tanaman obat keluarga", "herbal", "jamu"] },
  { id: "hortikultura", parents: ["tanaman"], terms: ["hortikultura", "holtikultura"] },
  { id: "sayur", parents: ["hortikultura"], terms: ["sayur", "sayuran", "sayur mayur", "kangkung", "bayam", "sawi", "terong", "terung", "kacang panjang", "buncis", "kol", "kubis", "timun", "mentimun", "selada", "pakcoy"] },
  { id: "cabai", parents: ["sayur"], terms: ["cabai", "cabe", "lombok", "cabai rawit", "cabe rawit", "cabai merah", "cabe merah", "rawit"] },
  { id: "bawang", parents: ["sayur"], terms: ["bawang", "bawang merah", "bawang putih", "bawang daun"] },
  { id: "tomat", parents: ["sayur"], terms: ["tomat"] },
  { id: "buah", parents: ["hortikultura"], terms: ["buah", "buahan", "buah buahan", "alpukat", "mangga", "jeruk", "durian", "rambutan", "nanas", "pepaya", "melon", "semangka", "jambu", "salak", "manggis", "duku", "kelengkeng", "sirsak", "buah naga"] },
  { id: "pisang", parents: ["buah"], terms: ["pisang", "pisang kepok", "pisang raja", "pisang ambon", "jantung pisang"] },
  { id: "kayu", parents: ["tanaman", "pohon"], terms: ["kayu", "sengon", "albasia", "jati", "mahoni", "balok", "papan", "kayu bakar"] },
  { id: "bambu", parents: ["tanaman"], terms: ["bambu", "bambu petung", "pring"] },
  { id: "jamur", parents: ["tanaman"], terms: ["jamur", "jamur tiram", "jamur kuping", "baglog"] },
  { id: "tanaman-hias", parents: ["tanaman"], terms: ["tanaman hias", "bunga", "anggrek", "bonsai"] },
  { id: "pohon", parents: ["tanaman", "lingkungan"], terms: ["pohon", "penghijauan", "reboisasi", "tanam pohon", "mangrove", "bakau"] },

  // ------------------------------------------------------------ ternak
  { id: "sapi", parents: ["ternak"], terms: ["sapi", "lembu", "sapi potong", "sapi perah", "sapi bali", "sapi limosin", "sapi simental", "pedet", "anak sapi"] },
  { id: "kerbau", parents: ["ternak"], terms: ["kerbau"] },
  { id: "kambing", parents: ["ternak"], terms: ["kambing", "etawa", "kambing etawa", "kambing pe", "kambing jawa", "cempe"] },
  { id: "domba", parents: ["ternak"], terms: ["domba", "biri biri", "wedus gembel", "garut"] },
  { id: "unggas", parents: ["ternak"], terms: ["unggas"] },
  { id: "ayam", parents: ["unggas"], terms: ["ayam", "ayam kampung", "ayam petelur", "ayam pedaging", "broiler", "layer", "ayam joper", "ayam kub", "ayam buras", "jago"] },
  { id: "bebek", parents: ["unggas"], terms: ["bebek", "itik", "entok", "mentok", "itik petelur"] },
  { id: "puyuh", parents: ["unggas"], terms: ["puyuh", "burung puyuh", "gemak"] },
  { id: "telur", parents: ["unggas"], terms: ["telur", "telor", "telur ayam", "telur bebek", "telur asin"] },
  { id: "kelinci", parents: ["ternak"], terms: ["kelinci"] },
  { id: "lebah", parents: ["ternak"], terms: ["lebah", "madu", "lebah madu", "kelulut", "trigona", "klanceng", "madu hutan"] },
  { id: "daging", parents: ["ternak"], terms: ["daging", "daging sapi", "daging kambing", "daging ayam"] },
  { id: "susu", parents: ["ternak"], terms: ["susu", "susu sapi", "susu kambing", "susu perah"] },
  { id: "inseminasi", parents: ["ternak"], terms: ["inseminasi", "inseminasi buatan", "kawin suntik", "ib sapi", "inseminator"] },
  { id: "kesehatan-hewan", parents: ["ternak"], terms: ["kesehatan hewan", "keswan", "dokter hewan", "mantri hewan", "puskeswan", "obat ternak", "obat hewan", "vaksin ternak", "vaksinasi ternak", "obat cacing", "vitamin ternak", "penyakit mulut dan kuku", "pmk", "lumpy skin", "lsd"] },
  { id: "kandang", parents: ["ternak", "sarana"], terms: ["kandang", "kandang sapi", "kandang kambing", "kandang ayam", "kandang koloni", "kandang komunal"] },

  // ------------------------------------------------------------ perikanan
  { id: "ikan", parents: ["perikanan"], terms: ["ikan", "ikan tawar", "ikan air tawar", "ikan konsumsi"] },
  { id: "lele", parents: ["ikan"], terms: ["lele", "ikan lele", "lele sangkuriang", "lele dumbo", "lele mutiara"] },
  { id: "nila", parents: ["ikan"], terms: ["nila", "ikan nila", "tilapia", "nila merah", "nila gift", "mujair", "mujaer"] },
  { id: "gurame", parents: ["ikan"], terms: ["gurame", "gurami", "ikan gurame", "gurameh"] },
  { id: "ikan-mas", parents: ["ikan"], terms: ["ikan mas", "ikan emas", "karper", "ikan kumpay"] },
  { id: "patin", parents: ["ikan"], terms: ["patin", "ikan patin", "jambal"] },
  { id: "bawal", parents: ["ikan"], terms: ["bawal", "ikan bawal"] },
  { id: "bandeng", parents: ["ikan"], terms: ["bandeng", "ikan bandeng"] },
  { id: "ikan-laut", parents: ["ikan"], terms: ["ikan laut", "tongkol", "tuna", "cakalang", "kembung", "teri", "ikan asin"] },
  { id: "udang", parents: ["perikanan"], terms: ["udang", "vaname", "vannamei", "windu", "udang galah", "benur"] },
  { id: "kepiting", parents: ["perikanan"], terms: ["kepiting", "rajungan"] },
  { id: "rumput-laut", parents: ["perikanan"], terms: ["rumput laut", "agar agar"] },
  { id: "kolam", parents: ["perikanan", "sarana"], terms: ["kolam", "kolam ikan", "kolam terpal", "terpal kolam", "kolam bundar", "kolam bioflok", "bioflok", "keramba", "karamba", "jaring apung", "kja"] },

  // ------------------------------------------------------------ alat dan mesin pertanian
  { id: "olah-tanah", parents: ["alsintan"], terms: ["traktor", "traktor tangan", "hand traktor", "hand tractor", "traktor roda dua", "traktor roda empat", "traktor besar", "traktor mini", "jetor", "bajak", "luku", "rotavator", "rotary", "cultivator", "kultivator", "olah tanah", "olah lahan", "pengolahan tanah", "pengolahan lahan", "garu", "singkal"] },
  { id: "mesin-tanam", parents: ["alsintan"], terms: ["rice transplanter", "transplanter", "mesin tanam", "alat tanam", "jarwo transplanter", "atabela", "seeder", "alat tanam benih"] },
  { id: "mesin-panen", parents: ["alsintan"], terms: ["combine harvester", "combine", "harvester", "mesin panen", "alat panen", "pemanen", "reaper", "mesin potong padi"] },
  { id: "perontok", parents: ["alsintan"], terms: ["perontok", "perontok padi", "thresher", "power thresher", "mesin perontok", "mesin rontok", "dos padi", "gebotan"] },
  { id: "pengering", parents: ["alsintan"], terms: ["pengering", "pengering gabah", "mesin pengering", "dryer", "box dryer", "bed dryer", "flat bed dryer", "oven pengering", "vertical dryer", "lantai jemur", "alat pengering", "mesin pengering gabah"] },
  { id: "penggilingan", parents: ["alsintan"], terms: ["penggilingan", "penggilingan padi", "penggiling", "penggiling padi", "gilingan", "gilingan padi", "mesin giling", "rmu", "rice milling", "rice milling unit", "huller", "heler", "selep", "slep", "gilingan keliling", "penyosoh"] },
  { id: "pompa", parents: ["alsintan"], terms: ["pompa", "pompa air", "mesin pompa", "alkon", "pompanisasi", "pompa irigasi", "pompa sawah", "pompa celup", "sanyo"] },
  { id: "sprayer", parents: ["alsintan"], terms: ["sprayer", "hand sprayer", "power sprayer", "alat semprot", "tangki semprot", "mesin semprot", "drone semprot", "drone pertanian", "semprotan"] },
  { id: "pencacah", parents: ["alsintan"], terms: ["pencacah", "chopper", "mesin pencacah", "pencacah rumput", "mesin cacah", "pencacah pakan", "mesin chopper"] },
  { id: "pemipil", parents: ["alsintan"], terms: ["pemipil", "pemipil jagung", "corn sheller", "mesin pemipil", "mesin pipil"] },
  { id: "mesin-kopi", parents: ["alsintan"], terms: ["pulper", "pulper kopi", "pengupas kopi", "huller kopi", "mesin sangrai", "roaster", "mesin roasting", "mesin giling kopi", "grinder kopi", "penggiling kopi", "gilingan kopi", "mesin penggiling kopi", "giling kopi", "penggilingan kopi"] },
  { id: "penepung", parents: ["alsintan"], terms: ["penepung", "mesin tepung", "disk mill", "mesin penepung", "hammer mill", "penggiling jagung", "gilingan jagung", "giling jagung", "penggiling tepung"] },
  { id: "mesin-olahan", parents: ["alsintan", "olahan"], terms: ["vacuum frying", "mesin pres", "mesin press", "sealer", "mesin kemas", "mesin pengemas", "continuous sealer", "spinner", "mesin peniris", "pengiris", "mesin perajang", "perajang", "oven", "penggiling daging", "gilingan daging", "giling daging"] },
  { id: "mesin-pakan", parents: ["alsintan"], terms: ["mesin pelet", "mesin pellet", "pencetak pelet", "mixer pakan"] },
  { id: "chainsaw", parents: ["alsintan"], terms: ["chainsaw", "gergaji mesin", "sinso", "senso"] },
  { id: "mesin-rumput", parents: ["alsintan"], terms: ["mesin rumput", "pemotong rumput", "brush cutter", "mesin babat", "potong rumput"] },

  // ------------------------------------------------------------ saprodi
  { id: "pupuk", parents: ["saprodi"], terms: ["pupuk", "pemupukan"] },
  { id: "pupuk-organik", parents: ["pupuk"], terms: ["pupuk organik", "pupuk hijau", "pupuk hayati", "mol", "mikroorganisme lokal", "em4", "dekomposer"] },
  { id: "kompos", parents: ["pupuk-organik"], terms: ["kompos", "pengomposan", "bokashi", "pupuk kompos", "komposter", "kascing", "vermikompos"] },
  { id: "pupuk-kandang", parents: ["pupuk-organik"], terms: ["pupuk kandang", "kohe", "kotoran sapi", "kotoran kambing", "kotoran ayam", "kotoran ternak", "letong", "pupuk kotoran"] },
  { id: "poc", parents: ["pupuk-organik"], terms: ["poc", "pupuk organik cair", "pupuk cair", "biourine", "urin sapi", "urine kelinci"] },
  { id: "pupuk-kimia", parents: ["pupuk"], terms: ["pupuk kimia", "pupuk anorganik", "pupuk subsidi", "urea", "npk", "phonska", "ponska", "za", "tsp", "sp36", "sp 36", "kcl", "dolomit", "kapur pertanian"] },
  { id: "pakan", parents: ["saprodi"], terms: ["pakan", "makanan ternak", "pakan alternatif", "pakan tambahan"] },
  { id: "pakan-ternak", parents: ["pakan", "ternak"], terms: ["pakan ternak", "hijauan", "hijauan pakan", "rumput gajah", "rumput odot", "odot", "pakchong", "silase", "konsentrat", "jerami", "jerami padi", "fermentasi pakan", "complete feed", "indigofera", "tebon", "ampas tahu", "gamal", "daun gamal"] },
  { id: "pakan-ikan", parents: ["pakan", "perikanan"], terms: ["pakan ikan", "pelet", "pellet", "pelet ikan", "pakan apung", "maggot", "magot", "bsf", "black soldier fly", "cacing sutra"] },
  { id: "pakan-unggas", parents: ["pakan", "unggas"], terms: ["pakan ayam", "pakan unggas", "voer", "jagung giling"] },
  { id: "dedak", parents: ["pakan"], terms: ["dedak", "bekatul", "katul", "sekam", "sekam padi"] },
  { id: "pestisida", parents: ["saprodi"], terms: ["pestisida", "obat hama", "racun hama", "insektisida", "herbisida", "fungisida", "racun rumput", "pestisida nabati", "obat pertanian", "pengendalian hama", "hama", "hama tikus", "wereng", "agens hayati", "trichoderma"] },
  { id: "mulsa", parents: ["saprodi"], terms: ["mulsa", "plastik mulsa", "mulsa plastik"] },
  { id: "polybag", parents: ["saprodi"], terms: ["polybag", "polibag", "tray semai", "media tanam", "cocopeat", "arang sekam"] },

  // ------------------------------------------------------------ olahan dan kerajinan
  { id: "keripik", parents: ["olahan"], terms: ["keripik", "kripik", "keripik singkong", "keripik pisang", "keripik tempe", "rengginang", "kerupuk", "krupuk", "opak", "emping", "rempeyek", "peyek"] },
  { id: "tepung", parents: ["olahan"], terms: ["tepung", "mocaf", "tepung singkong", "tapioka", "tepung tapioka", "tepung jagung", "tepung beras", "tepung mocaf", "gaplek", "tiwul", "aci"] },
  { id: "tahu-tempe", parents: ["olahan"], terms: ["tahu", "tempe"] },
  { id: "minyak", parents: ["olahan"], terms: ["minyak", "minyak kelapa", "minyak goreng", "vco", "minyak atsiri", "minyak nilam", "nilam", "serai wangi", "minyak serai"] },
  { id: "kue", parents: ["olahan"], terms: ["kue", "kue kering", "roti", "jajanan", "jajan pasar", "dodol", "wajik", "bolu"] },
  { id: "minuman", parents: ["olahan"], terms: ["minuman", "sirup", "sari buah", "jus", "wedang", "jamu gendong", "minuman herbal"] },
  { id: "kemasan", parents: ["olahan"], terms: ["kemasan", "label", "label kemasan", "desain kemasan", "standing pouch", "pouch", "plastik kemasan", "botol", "packaging", "pengemasan"] },
  { id: "kerajinan", parents: ["olahan"], terms: ["kerajinan", "kerajinan tangan", "handicraft", "souvenir", "cinderamata", "suvenir", "ukiran", "gerabah", "tembikar", "kerajinan bambu", "kerajinan rotan", "rotan", "kerajinan kayu"] },
  { id: "mebel", parents: ["kerajinan"], terms: ["mebel", "meubel", "furnitur", "furniture", "lemari", "kursi kayu", "meja kayu", "kursi jati", "meja jati", "kursi rotan", "kursi tamu", "dipan", "ranjang", "bufet", "pintu kayu", "jendela kayu"] },
  { id: "anyaman", parents: ["kerajinan"], terms: ["anyaman", "anyam", "tikar", "bakul", "tampah", "pandan", "purun", "mendong"] },
  { id: "tekstil", parents: ["kerajinan"], terms: ["batik", "tenun", "songket", "kain", "tapis", "sulam", "bordir", "jahit", "menjahit", "konveksi", "penjahit", "seragam"] },

  // ------------------------------------------------------------ keterampilan (what training is about)
  { id: "manajemen", parents: ["keterampilan"], terms: ["manajemen", "tata kelola", "pengelolaan", "administrasi", "kelembagaan", "perencanaan usaha", "rencana usaha", "business plan", "studi kelayakan", "tata usaha"] },
  { id: "pembukuan", parents: ["manajemen"], terms: ["pembukuan", "akuntansi", "laporan keuangan", "administrasi keuangan", "pencatatan keuangan", "catat keuangan", "neraca", "kas", "buku kas", "keuangan bumdes", "spj", "pertanggungjawaban"] },
  { id: "siskeudes", parents: ["manajemen"], terms: ["siskeudes", "keuangan desa", "apbdes", "aplikasi keuangan desa", "sistem keuangan desa"] },
  { id: "digital", parents: ["keterampilan"], terms: ["digital", "online", "daring", "internet", "media sosial", "medsos", "facebook", "instagram", "tiktok", "marketplace", "shopee", "tokopedia", "toko online", "jualan online", "e commerce", "ecommerce", "website", "situs", "aplikasi", "komputer", "laptop", "microsoft office", "excel", "desain grafis", "canva", "fotografi produk", "foto produk", "konten"] },
  { id: "pemasaran-digital", parents: ["digital"], terms: ["pemasaran digital", "digital marketing", "pemasaran online", "promosi online", "jualan online", "penjualan online", "marketing online"] },
  { id: "sid", parents: ["digital"], terms: ["sistem informasi desa", "sid", "opensid", "website desa", "situs desa", "operator desa"] },
  { id: "legalitas", parents: ["keterampilan"], terms: ["legalitas", "perizinan", "izin", "izin usaha", "nib", "oss", "pirt", "p irt", "halal", "sertifikat halal", "sertifikasi halal", "bpom", "haki", "merek", "badan hukum", "akta", "notaris", "sertifikasi", "perdes", "peraturan desa", "regulasi", "hukum", "bantuan hukum", "paralegal", "perjanjian kerja sama", "mou"] },
  { id: "budidaya", parents: ["keterampilan"], terms: ["budidaya", "teknik budidaya", "cara budidaya", "sekolah lapang", "slpht", "demplot", "pembibitan", "persemaian", "penyemaian", "okulasi", "sambung pucuk", "stek", "cangkok"] },
  { id: "hidroponik", parents: ["budidaya"], terms: ["hidroponik", "hydroponik", "aquaponik", "akuaponik", "vertikultur", "nft", "wick"] },
  { id: "pertanian-organik", parents: ["budidaya"], terms: ["pertanian organik", "tani organik", "organik"] },
  { id: "kewirausahaan", parents: ["keterampilan"], terms: ["kewirausahaan", "wirausaha", "enterpreneur", "entrepreneur", "bisnis", "usaha mikro"] },
  { id: "pengolahan-hasil", parents: ["keterampilan", "olahan"], terms: ["pengolahan hasil", "pengolahan pangan", "olah pangan", "diversifikasi pangan", "pasca panen", "pascapanen", "hilirisasi"] },
  { id: "kesehatan", parents: ["sosial"], terms: ["kesehatan", "kesehatan masyarakat", "pemeriksaan kesehatan", "cek kesehatan", "pengobatan", "pengobatan gratis", "bidan", "perawat", "dokter", "tenaga kesehatan", "tenaga medis", "medis", "nakes", "puskesmas", "pustu", "polindes", "poskesdes"] },
  { id: "posyandu", parents: ["kesehatan"], terms: ["posyandu", "kader posyandu", "timbangan bayi", "balita", "ibu hamil", "kia", "posbindu", "lansia"] },
  { id: "stunting", parents: ["kesehatan"], terms: ["stunting", "gizi", "gizi buruk", "pmt", "makanan tambahan", "pemberian makanan tambahan", "kurang gizi"] },
  { id: "sanitasi", parents: ["kesehatan", "lingkungan"], terms: ["sanitasi", "jamban", "wc", "mck", "septic tank", "septictank", "stbm", "jamban sehat"] },
  { id: "pendidikan", parents: ["sosial"], terms: ["pendidikan", "guru", "les", "bimbel", "bimbingan belajar", "paud", "tk", "sekolah", "beasiswa", "literasi", "taman baca", "perpustakaan", "mengajar", "pengajar", "tenaga pengajar", "tenaga pendidik", "pendidik", "kkn", "mahasiswa kkn", "magang"] },
  { id: "wisata", parents: ["sosial"], terms: ["wisata", "pariwisata", "desa wisata", "homestay", "pemandu wisata", "guide", "objek wisata", "destinasi", "ekowisata", "agrowisata", "wisata edukasi", "outbound", "kemah", "camping", "air terjun", "pantai", "telaga"] },
  { id: "seni-budaya", parents: ["sosial"], terms: ["seni", "budaya", "kesenian", "gamelan", "kuda lumping", "jaranan", "tari", "tarian", "sanggar", "rebana", "hadroh", "marawis", "kostum tari", "reog", "wayang", "campursari", "orgen tunggal", "organ tunggal"] },
  { id: "olahraga", parents: ["sosial"], terms: ["olahraga", "sepak bola", "voli", "bola voli", "bulu tangkis", "badminton", "lapangan", "turnamen", "gawang", "net voli"] },
  { id: "kebencanaan", parents: ["sosial"], terms: ["bencana", "tanggap darurat", "banjir", "longsor", "kebakaran", "pemadam", "evakuasi", "destana", "mitigasi", "tagana", "relawan bencana", "pengungsi", "logistik bencana"] },
  { id: "keamanan", parents: ["sosial"], terms: ["keamanan", "ronda", "siskamling", "linmas", "hansip", "pos ronda", "cctv", "satpam"] },

  // ------------------------------------------------------------ lingkungan dan infrastruktur
  { id: "sampah", parents: ["lingkungan"], terms: ["sampah", "bank sampah", "pengelolaan sampah", "daur ulang", "plastik bekas", "tps", "tps3r", "tempat sampah", "gerobak sampah", "pemilahan sampah", "sampah plastik", "sampah organik"] },
  { id: "air-bersih", parents: ["lingkungan", "sarana"], terms: ["air bersih", "sumur bor", "sumur", "pamsimas", "spam", "pipa air", "air minum", "tandon", "toren", "tangki air", "penampung air", "mata air", "hidran", "depot air"] },
  { id: "irigasi", parents: ["lingkungan", "sarana"], terms: ["irigasi", "saluran irigasi", "saluran air", "embung", "bendungan", "dam", "parit", "drainase", "siring", "talud", "jaringan irigasi", "sumur dangkal"] },
  { id: "energi", parents: ["lingkungan", "sarana"], terms: ["energi", "listrik", "energi terbarukan", "panel surya", "plts", "solar panel", "solar cell", "tenaga surya", "lampu tenaga surya", "pju", "penerangan jalan", "lampu jalan", "biogas", "mikrohidro", "pltmh", "kincir"] },
  { id: "konstruksi", parents: ["sarana"], terms: ["konstruksi", "pembangunan", "bangunan", "renovasi", "rehab", "jalan", "jalan desa", "jalan usaha tani", "jut", "jembatan", "gorong gorong", "rabat beton", "cor", "aspal", "pengaspalan", "perkerasan"] },
  { id: "material", parents: ["konstruksi"], terms: ["material", "bahan bangunan", "material bangunan", "semen", "pasir", "batu", "batu kali", "split", "koral", "kerikil", "sirtu", "bata", "batu bata", "bata merah", "batako", "paving", "paving block", "conblock", "genteng", "besi", "besi beton", "kayu bangunan", "tanah urug"] },
  { id: "alat-berat", parents: ["konstruksi"], terms: ["alat berat", "excavator", "ekskavator", "beko", "bego", "backhoe", "bulldozer", "buldoser", "grader", "vibro", "vibro roller", "stoom", "stamper", "molen", "mesin molen", "mollen", "pengaduk semen", "concrete mixer", "mixer beton", "dump truck", "dump truk", "mesin cetak paving", "cetakan paving"] },
  { id: "angkutan", parents: ["sarana"], terms: ["angkutan", "kendaraan", "truk", "truck", "pick up", "pickup", "mobil bak", "mobil pick up", "colt", "colt diesel", "l300", "armada", "mobil angkut", "gerobak", "motor roda tiga", "viar", "tossa", "kaisar", "bentor", "pengangkutan", "transportasi", "ekspedisi", "pengiriman", "distribusi"] },
  { id: "ambulans", parents: ["kesehatan", "sarana"], terms: ["ambulans", "ambulance", "mobil siaga", "mobil siaga desa", "mobil jenazah", "keranda"] },
  { id: "gedung", parents: ["sarana"], terms: ["gedung", "aula", "balai", "balai desa", "balai pertemuan", "gedung serbaguna", "gsg", "tempat pertemuan", "ruang pertemuan", "ruang rapat", "pendopo", "ruangan", "gedung pertemuan"] },
  { id: "perlengkapan-acara", parents: ["sarana"], terms: ["perlengkapan acara", "peralatan pesta", "tenda", "terop", "tarub", "kursi", "kursi plastik", "meja", "dekorasi", "panggung", "alat pesta", "prasmanan", "piring", "gelas", "alat masak", "dandang", "wajan besar"] },
  { id: "sound", parents: ["perlengkapan-acara"], terms: ["sound system", "soundsystem", "sound", "pengeras suara", "speaker", "toa", "mic", "mikrofon", "salon", "audio"] },
  { id: "genset", parents: ["sarana", "energi"], terms: ["genset", "generator", "generator set", "diesel listrik"] },
  { id: "proyektor", parents: ["sarana"], terms: ["proyektor", "projector", "lcd", "infocus", "layar proyektor"] },
  { id: "gudang", parents: ["sarana"], terms: ["gudang", "lumbung", "lumbung pangan", "tempat penyimpanan", "penyimpanan", "cold storage", "ruang pendingin", "freezer", "kulkas", "lemari pendingin", "resi gudang"] },
  { id: "lahan", parents: ["sarana"], terms: ["lahan", "tanah", "tanah kas desa", "tanah bengkok", "bengkok", "lahan tidur", "lahan kosong", "kebun", "ladang", "tegalan", "hektare", "hektar"] },
  { id: "pasar-desa", parents: ["sarana"], terms: ["pasar desa", "los pasar", "kios", "lapak", "ruko", "toko", "warung", "etalase", "rest area", "galeri produk", "outlet"] },

  // ------------------------------------------------------------ tenaga dan jasa
  { id: "tenaga-kerja", parents: ["sosial"], terms: ["tenaga kerja", "pekerja", "buruh", "karyawan", "tenaga", "sdm", "sumber daya manusia", "relawan", "lowongan", "loker"] },
  { id: "tukang", parents: ["tenaga-kerja", "konstruksi"], terms: ["tukang", "tukang batu", "tukang kayu", "tukang bangunan", "kuli bangunan", "mandor", "tukang cor", "kusen"] },
  { id: "las", parents: ["tenaga-kerja"], terms: ["las", "tukang las", "bengkel las", "pengelasan", "las listrik", "teralis", "kanopi", "pagar besi", "rangka baja", "baja ringan"] },
  { id: "montir", parents: ["tenaga-kerja"], terms: ["montir", "mekanik", "teknisi", "bengkel", "bengkel motor", "bengkel alsintan", "servis", "service", "reparasi", "perbaikan mesin", "turun mesin", "onderdil", "suku cadang", "sparepart", "spare part"] },
  { id: "buruh-tani", parents: ["tenaga-kerja", "tanaman"], terms: ["buruh tani", "tenaga panen", "tenaga tanam", "regu tanam", "kelompok tanam", "tenaga tanam padi", "buruh panen", "tandur", "derep", "ngarit"] },
  { id: "penyuluh", parents: ["tenaga-kerja", "keterampilan"], terms: ["penyuluh", "ppl", "penyuluh pertanian", "penyuluh lapangan", "pendamping desa", "tenaga ahli", "narasumber", "fasilitator", "konsultan", "instruktur", "mentor", "ahli"] },
  { id: "katering", parents: ["olahan"], terms: ["katering", "catering", "konsumsi", "nasi kotak", "snack box", "kue kotak", "makan siang", "prasmanan"] },
];

export const ALL_CONCEPTS: readonly ConceptDef[] = [...ROOTS, ...CONCEPTS];

/**
 * What a post offers or asks for, beyond the thing itself: seeds (not produce), the use of a tool,
 * teaching, a buyer, money, a repair. Words are read from the poster's side: "pembeli" in a need
 * means "we look for a buyer"; "beli" in an offer means "we buy".
 */
export type Mode = "bibit" | "produk" | "pasar" | "alat" | "pelatihan" | "jasa" | "modal" | "perbaikan";
export const MODES: readonly Mode[] = ["bibit", "produk", "pasar", "alat", "pelatihan", "jasa", "modal", "perbaikan"];

const SHARED_CUES: Partial<Record<Mode, string[]>> = {
  bibit: ["bibit", "benih", "anakan", "indukan", "doc", "day old chick", "bakalan", "bibit unggul", "benih unggul", "burayak", "bibit ikan", "benih ikan", "bibitnya", "pembibitan", "persemaian", "stek", "bibit siap tanam", "entres", "benur", "telur tetas"],
  pelatihan: ["pelatihan", "latih", "pelatih", "dilatih", "melatih", "ajari", "diajari", "mengajari", "ajar", "mengajar", "belajar", "pembelajaran", "pendampingan", "pendamping", "mendampingi", "dampingi", "penyuluhan", "penyuluh", "sosialisasi", "bimtek", "bimbingan teknis", "bimbingan", "workshop", "lokakarya", "kursus", "kelas", "sekolah lapang", "studi banding", "narasumber", "instruktur", "mentor", "mentoring", "coaching", "edukasi", "magang", "praktik", "praktek", "transfer ilmu", "berbagi ilmu", "konsultasi", "konsultan", "tutorial", "materi", "seminar", "webinar", "fasilitator", "fasilitasi", "penguatan kapasitas", "peningkatan kapasitas"],
  perbaikan: ["perbaikan", "servis", "service", "reparasi", "diperbaiki", "memperbaiki", "renovasi", "rehab", "rehabilitasi", "bedah rumah", "montir", "mekanik", "bengkel", "turun mesin", "onderdil", "suku cadang", "sparepart", "spare part"],
  modal: ["modal", "modal usaha", "pinjaman modal", "pinjaman dana", "pinjaman uang", "pinjaman usaha", "pinjaman lunak", "dana pinjaman", "kredit", "kur", "kredit usaha rakyat", "pembiayaan", "dana bergulir", "hibah", "bantuan modal", "investasi", "investor", "penyertaan modal", "csr", "dana", "permodalan", "koperasi simpan pinjam", "simpan pinjam", "cicilan", "angsuran", "bunga ringan", "tanpa agunan", "agunan", "plafon", "bank"],
  alat: ["sewa", "disewa", "disewakan", "menyewakan", "penyewaan", "rental", "dirental", "pinjam", "pinjaman", "dipinjam", "dipinjamkan", "meminjamkan", "peminjaman", "pakai bersama", "dipakai bersama", "bergilir", "per jam", "per hari", "per hektar", "per ha", "per petak"],
  jasa: ["jasa", "layanan", "melayani", "dilayani", "borongan", "upah", "ongkos", "tenaga", "operator", "kru", "tim", "regu", "siap bantu", "membantu", "angkut", "mengangkut", "antar jemput", "kirim"],
};

/** Poster's-side words: a need that looks for a buyer; an offer that buys. */
const NEED_CUES: Partial<Record<Mode, string[]>> = {
  ...SHARED_CUES,
  pasar: ["pembeli", "penampung", "penampungan", "pasar", "pemasaran", "memasarkan", "dipasarkan", "jual", "dijual", "menjual", "penjualan", "offtaker", "off taker", "pengepul", "tengkulak", "serap", "penyerapan", "terserap", "menyerap", "tidak laku", "belum laku", "kurang laku", "harga anjlok", "harga jatuh", "harga murah", "menumpuk", "melimpah", "surplus", "kelebihan", "over produksi", "mitra pemasaran", "distributor", "reseller", "agen", "kontrak pembelian", "siap panen"],
  produk: ["beli", "membeli", "pembelian", "pasokan", "memasok", "dipasok", "stok", "persediaan", "kekurangan", "langka", "habis", "ton", "kwintal", "kuintal", "karung", "sak", "kg", "liter", "pesan", "memesan", "pemasok", "supplier"],
};
const OFFER_CUES: Partial<Record<Mode, string[]>> = {
  ...SHARED_CUES,
  pasar: ["beli", "membeli", "dibeli", "pembeli", "pembelian", "menampung", "tampung", "ditampung", "penampung", "penampungan", "serap", "menyerap", "diserap", "penyerapan", "offtaker", "off taker", "pengepul", "siap beli", "borong", "memborong", "kontrak pembelian", "mitra pemasaran", "pasarkan", "memasarkan", "dipasarkan", "pemasaran", "jualkan", "menjualkan", "agen", "reseller", "titip jual", "titipan", "konsinyasi", "gerai", "galeri", "etalase", "outlet", "toko oleh oleh", "pusat oleh oleh"],
  produk: ["jual", "dijual", "menjual", "penjualan", "tersedia", "ready", "ready stok", "ready stock", "stok", "persediaan", "pasok", "memasok", "pasokan", "siap kirim", "siap antar", "panen", "hasil panen", "produksi", "memproduksi", "diproduksi", "harga", "ton", "kwintal", "kuintal", "karung", "sak", "kg", "liter", "grosir", "eceran", "order", "pesan", "pesanan", "pre order"],
};

/** When a side names several modes, these say what the post is really about. */
export const DOMINANT_MODES: readonly Mode[] = ["bibit", "pelatihan", "perbaikan", "modal", "pasar"];

export function cueTable(side: "need" | "offer"): Partial<Record<Mode, string[]>> {
  return side === "need" ? NEED_CUES : OFFER_CUES;
}

/**
 * How well an offer of one mode answers a need of another (need → offer). Rows a poster could
 * easily mean either way (a tool to rent or to buy) are close to 1; opposite directions (both
 * sides selling) are 0.
 */
export const MODE_FIT: Record<Mode, Record<Mode, number>> = {
  bibit: { bibit: 1, produk: 0.35, pasar: 0, alat: 0.1, pelatihan: 0.2, jasa: 0.2, modal: 0, perbaikan: 0 },
  produk: { bibit: 0.55, produk: 1, pasar: 0, alat: 0.6, pelatihan: 0.1, jasa: 0.4, modal: 0, perbaikan: 0 },
  pasar: { bibit: 0, produk: 0, pasar: 1, alat: 0, pelatihan: 0.1, jasa: 0.3, modal: 0, perbaikan: 0 },
  alat: { bibit: 0, produk: 0.75, pasar: 0, alat: 1, pelatihan: 0.15, jasa: 0.85, modal: 0.1, perbaikan: 0.3 },
  pelatihan: { bibit: 0.1, produk: 0.1, pasar: 0.1, alat: 0.1, pelatihan: 1, jasa: 0.45, modal: 0.05, perbaikan: 0.4 },
  jasa: { bibit: 0, produk: 0.35, pasar: 0.2, alat: 0.85, pelatihan: 0.6, jasa: 1, modal: 0, perbaikan: 0.7 },
  modal: { bibit: 0, produk: 0, pasar: 0, alat: 0, pelatihan: 0.15, jasa: 0.1, modal: 1, perbaikan: 0 },
  perbaikan: { bibit: 0, produk: 0.2, pasar: 0, alat: 0.3, pelatihan: 0.4, jasa: 0.8, modal: 0, perbaikan: 1 },
};

/** Categories a poster picks with buttons; each suggests a mode when the text names none. */
export const CATEGORIES = ["alat", "bibit", "saprodi", "hasil", "pelatihan", "jasa", "pemasaran", "modal", "sarana", "lainnya"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_MODE: Record<Category, Mode | null> = {
  alat: "alat",
  bibit: "bibit",
  saprodi: "produk",
  hasil: "produk",
  pelatihan: "pelatihan",
  jasa: "jasa",
  pemasaran: "pasar",
  modal: "modal",
  sarana: "alat",
  lainnya: null,
};

/** Categories people confuse with each other (a tractor is "alat" to one and "sarana" to another). */
export const RELATED_CATEGORIES: ReadonlyArray<readonly [Category, Category]> = [
  ["alat", "sarana"],
  ["alat", "jasa"],
  ["sarana", "jasa"],
  ["pelatihan", "jasa"],
  ["bibit", "saprodi"],
  ["bibit", "hasil"],
  ["saprodi", "hasil"],
  ["hasil", "pemasaran"],
  ["modal", "jasa"],
];

/**
 * Names of groups ("kelompok tani", "KWT") say who posts, not what is needed: read and dropped
 * before concepts, so "KWT" does not make a post about farming.
 */
export const GROUP_NAMES = [
  "kelompok tani", "kelompok wanita tani", "gabungan kelompok tani", "kelompok ternak", "kelompok peternak", "kelompok pembudidaya ikan",
  "kelompok pembudidaya", "kelompok nelayan", "kelompok usaha bersama", "kelompok sadar wisata", "karang taruna", "pkk", "tim penggerak pkk",
];

/** Count words that are also things ("300 buah" kursi, "1 truk" kotoran, "500 tongkol" jagung): after a number, a unit. */
export const MEASURE_WORDS = new Set(["buah", "truk", "tongkol", "batang", "pohon", "karung", "ekor", "kolam", "kandang", "petak", "rumpun", "sak", "bal", "ikat", "tandan"]);

/** Words that carry no meaning for matching: function words, units, filler of posts. */
export const STOPWORDS = new Set(
  (
    "butuh membutuhkan dibutuhkan kebutuhan perlu perlukan memerlukan diperlukan cari mencari dicari ada adakah yang untuk bagi buat dan atau dengan di ke dari pada " +
    "kami kita saya kamu anda mereka desa kampung dusun rt rw warga masyarakat kelompok gabungan tani wanita sadar pembudidaya bumdes bumdesa bumdesma bumkades koperasi kop mohon tolong " +
    "bisa dapat akan sudah telah belum juga lagi masih ini itu tersebut sekitar kurang lebih banyak sedikit beberapa semua setiap tiap unit buah ekor biji " +
    "orang hari minggu bulan tahun musim januari februari maret april mei juni juli agustus september oktober november desember jan feb mar apr jun jul agu agt ags sep sept okt nov des " +
    "tanggal tgl mulai sampai hingga s d sd harga murah terjangkau nego gratis cuma info informasi hubungi whatsapp telepon pak bu bapak ibu kades sekdes kaur kasi perangkat " +
    "baik bagus kualitas unggul super ha hektar lokasi wilayah kecamatan kabupaten kota provinsi sekitarnya antar sekali rutin terus kegiatan program acara " +
    "baru bekas second kondisi layak siap tersedia punya memiliki milik kondisi mau ingin akan bersedia menawarkan tawarkan ditawarkan tawaran penawaran " +
    "sangat segera cepat secepatnya karena agar supaya sebab jika kalau apabila bila saat waktu ketika selama setelah sebelum sejak nanti sekarang " +
    "per para sebagai seperti yaitu yakni adalah merupakan pun lah kah nya tentang terkait mengenai oleh kepada sama jadi tapi namun tetapi serta maupun " +
    "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh ratus ribu juta puluh belas pertama kedua besar kecil jumlah banyaknya cukup " +
    "dong ya yah nih deh sih kak mas mbak bang mohon terima kasih makasih salam assalamualaikum permisi halo info lengkap japri dm inbox pm " +
    "umum khusus lain lainnya dll dsb sebagainya hal bentuk jenis macam bermacam berbagai aneka sejenis apa saja mana siapa bagaimana kapan dimana " +
    "bantuan bantu membantu dibantu tidak bukan jangan tanpa hanya saja cuma pula bahkan tak kali rp rupiah harian mingguan bulanan tahunan " +
    "mikro menerima terima diterima produk produksi hasil " +
    "kerja sama kerjasama bekerja bekerjasama mitra kemitraan pihak lembaga instansi dinas universitas kampus ngo lsm yayasan perusahaan pt cv ud"
  ).split(/\s+/),
);
