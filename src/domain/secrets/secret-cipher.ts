import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const INFO = Buffer.from('openai-bot/pending-secret/v1');

const b64 = (bytes: Buffer) => bytes.toString('base64url');
const unb64 = (text: string) => Buffer.from(text, 'base64url');

/**
 * AES-256-GCM with a key derived by HKDF-SHA256 from the configured admin key and a random salt per secret,
 * so every replica can decrypt without a new setting, and no two secrets share a key. `context` (the secret's
 * id and owner) is authenticated, so a ciphertext copied to another row or owner does not decrypt.
 */
export class SecretCipher {
  readonly #masterKey: Buffer;

  constructor(masterKey: string) {
    if (masterKey.length < 16) throw new Error('The key that protects pending secrets is too short.');
    this.#masterKey = Buffer.from(masterKey, 'utf8');
  }

  /** Encrypts `plaintext` as `v1.<salt>.<iv>.<tag>.<ciphertext>` (base64url parts). */
  seal(plaintext: string, context: string): string {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key(salt), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, b64(salt), b64(iv), b64(cipher.getAuthTag()), b64(body)].join('.');
  }

  /** Decrypts what `seal` produced with the same context; throws when it was tampered with or the key differs. */
  open(sealed: string, context: string): string {
    const [version, salt, iv, tag, body, ...rest] = sealed.split('.');
    if (version !== VERSION || !salt || !iv || !tag || body === undefined || rest.length > 0) {
      throw new Error('Unrecognised secret envelope.');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.#key(unb64(salt)), unb64(iv));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(unb64(tag));
    return Buffer.concat([decipher.update(unb64(body)), decipher.final()]).toString('utf8');
  }

  #key(salt: Buffer): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#masterKey, salt, INFO, 32));
  }
}
