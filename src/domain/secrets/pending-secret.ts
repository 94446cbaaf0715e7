/** A newly created key value, encrypted by the caller, waiting to be shown once to its owner. */
export interface PendingSecret {
  id: string;
  owner_user_id: string;
  ciphertext: string;
  created_at: number;
  expires_at: number;
}
