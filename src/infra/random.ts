import { randomBytes, randomInt } from "node:crypto";

export interface Random {
  /** Unguessable code from an alphabet without look-alike characters (0/O, 1/I/L). */
  code(length: number): string;
  int(maxExclusive: number): number;
}

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export const cryptoRandom: Random = {
  code(length) {
    const bytes = randomBytes(length);
    let s = "";
    for (let i = 0; i < length; i++) s += ALPHABET[bytes[i]! % ALPHABET.length];
    return s;
  },
  int: (max) => randomInt(max),
};
