// The sandbox's cast: the 17 kampung of Kecamatan Bangunrejo (Kabupaten Lampung Tengah, Lampung),
// their Telegram groups, and the people who play in them. Names of places are real; people are
// invented. Fixed Telegram ids, so a saved world and the database always agree.
import type { FakeTelegram } from "../emulator/index.js";

export const FORUM_NAME = "Forum Kerja Sama Antar Kampung Kecamatan Bangunrejo";

/** The 17 kampung of Kecamatan Bangunrejo. */
export const KAMPUNG = [
  "Bangunrejo", "Cimarias", "Mekar Jaya", "Purwodadi", "Sidodadi", "Sidoluhur", "Sidomulyo", "Sidorejo", "Sinar Luas",
  "Sinar Seputih", "Sri Pendowo", "Suka Negeri", "Sukanegara", "Sukawaringin", "Tanjung Jaya", "Tanjung Pandan", "Timbulrejo",
] as const;
export type Kampung = (typeof KAMPUNG)[number];

export type PersonaRole = "admin_forum" | "perangkat_desa" | "warga";

export interface Person {
  /** Telegram user id. */
  id: number;
  firstName: string;
  lastName?: string;
  /** What the trainer reads in the persona switcher. */
  label?: string;
  role: PersonaRole;
  kampung?: Kampung;
  /** The office held: a position key of src/domain/forum/jabatan.ts ("sekretaris") or free text. */
  title?: string;
  persona?: boolean;
}

/** Kepala kampung of every kampung: background officials, creators of their village groups. */
const KEPALA: Record<Kampung, string> = {
  Bangunrejo: "Suparman", Cimarias: "Asep", "Mekar Jaya": "Wayan", Purwodadi: "Slamet", Sidodadi: "Sugeng", Sidoluhur: "Paijo",
  Sidomulyo: "Sutrisno", Sidorejo: "Mulyadi", "Sinar Luas": "Hasan", "Sinar Seputih": "Ketut", "Sri Pendowo": "Warsito",
  "Suka Negeri": "Rusli", Sukanegara: "Darmawan", Sukawaringin: "Yusuf", "Tanjung Jaya": "Marzuki", "Tanjung Pandan": "Ahmad",
  Timbulrejo: "Sukirman",
};

export const CAMAT: Person = {
  id: 5_100_001, firstName: "Hendra", lastName: "Saputra", label: "Pak Camat (admin forum)", role: "admin_forum", title: "camat", persona: true,
};
export const SEKDES: Person = {
  id: 5_100_002, firstName: "Sri", lastName: "Wahyuni", label: "Bu Sekdes Kampung Sukanegara", role: "perangkat_desa", kampung: "Sukanegara", title: "sekretaris", persona: true,
};
export const KADUS: Person = {
  id: 5_100_003, firstName: "Bambang", lastName: "Riyadi", label: "Pak Kadus Sidomulyo", role: "perangkat_desa", kampung: "Sidomulyo", title: "Kepala Dusun II", persona: true,
};
export const WARGA_BUDI: Person = { id: 5_100_011, firstName: "Budi", lastName: "Santoso", label: "Warga Sukanegara (Budi)", role: "warga", kampung: "Sukanegara", persona: true };
export const WARGA_SITI: Person = { id: 5_100_012, firstName: "Siti", lastName: "Aminah", label: "Warga Sidomulyo (Siti)", role: "warga", kampung: "Sidomulyo", persona: true };
export const WARGA_JOKO: Person = { id: 5_100_013, firstName: "Joko", lastName: "Susilo", label: "Warga Bangunrejo (Joko)", role: "warga", kampung: "Bangunrejo", persona: true };
export const WARGA_DEWI: Person = { id: 5_100_014, firstName: "Dewi", lastName: "Lestari", label: "Warga Tanjung Pandan (Dewi)", role: "warga", kampung: "Tanjung Pandan", persona: true };
export const WARGA_MADE: Person = { id: 5_100_015, firstName: "Made", lastName: "Sudarsana", label: "Warga Mekar Jaya (Made)", role: "warga", kampung: "Mekar Jaya", persona: true };

/** Residents who only take part in the demo's history. */
const EXTRAS: Person[] = [
  { id: 5_100_021, firstName: "Rahmat", role: "warga", kampung: "Sidodadi" },
  { id: 5_100_022, firstName: "Yuliani", role: "warga", kampung: "Purwodadi" },
  { id: 5_100_023, firstName: "Agus", role: "warga", kampung: "Sukawaringin" },
  { id: 5_100_024, firstName: "Nyoman", role: "warga", kampung: "Sinar Seputih" },
  { id: 5_100_025, firstName: "Wati", role: "warga", kampung: "Sukanegara" },
];

export const PERSONAS: Person[] = [CAMAT, SEKDES, KADUS, WARGA_BUDI, WARGA_SITI, WARGA_JOKO, WARGA_DEWI, WARGA_MADE];

export const KEPALA_KAMPUNG: Person[] = KAMPUNG.map((k, i) => ({
  id: 5_100_100 + i,
  firstName: KEPALA[k],
  role: "perangkat_desa" as const,
  kampung: k,
  title: "kepala",
}));

export const PEOPLE: Person[] = [...PERSONAS, ...KEPALA_KAMPUNG, ...EXTRAS];

/** Telegram chat id of each kampung's group, and of the kecamatan group. */
export function groupIdOf(k: Kampung): number {
  return -1002_000_000_000 - (KAMPUNG.indexOf(k) + 1);
}
export const KECAMATAN_GROUP_ID = -1002_000_000_100;
export const KECAMATAN_GROUP_TITLE = "Koordinasi Kecamatan Bangunrejo";
export const groupTitle = (k: Kampung) => `Warga Kampung ${k}`;

export function personById(id: number): Person | undefined {
  return PEOPLE.find((p) => p.id === id);
}

/**
 * Creates the Telegram side of the world in the emulator: every person, every kampung's group
 * (its kepala kampung is the owner, its officials administrators, Pak Camat a member) and the
 * kecamatan group. `botInGroups`: the bot is already an administrator everywhere (the demo);
 * otherwise someone has to add it (practice from nothing).
 */
export function buildTelegramWorld(fake: FakeTelegram, opts: { botInGroups: boolean }) {
  for (const p of PEOPLE) fake.addUser({ id: p.id, first_name: p.firstName, last_name: p.lastName, language_code: "id" });
  for (const k of KAMPUNG) {
    const here = PEOPLE.filter((p) => p.kampung === k);
    const kepala = KEPALA_KAMPUNG.find((p) => p.kampung === k)!;
    fake.addGroup({
      id: groupIdOf(k),
      title: groupTitle(k),
      type: "supergroup",
      creator: kepala.id,
      admins: here.filter((p) => p.role === "perangkat_desa" && p.id !== kepala.id).map((p) => p.id),
      members: [CAMAT.id, ...here.filter((p) => p.role === "warga").map((p) => p.id)],
      botIsMember: opts.botInGroups,
      botIsAdmin: opts.botInGroups,
    });
  }
  fake.addGroup({
    id: KECAMATAN_GROUP_ID,
    title: KECAMATAN_GROUP_TITLE,
    type: "supergroup",
    creator: CAMAT.id,
    admins: [SEKDES.id],
    members: [...KEPALA_KAMPUNG.map((p) => p.id), KADUS.id],
    botIsMember: opts.botInGroups,
    botIsAdmin: opts.botInGroups,
  });
}
