/** One answer of the Admin API, validated, with OpenAI's `x-request-id` for support cases. */
export interface ApiResponse<T> {
  data: T;
  requestId: string | undefined;
}

export type Call<T> = Promise<ApiResponse<T>>;
/** Every item of a listing, fetched page by page as it is read; a listing that makes no progress fails. */
export type Listing<T> = AsyncIterable<T>;
/** `null` names the organization, a project id the project. */
export type Scope = string | null;
