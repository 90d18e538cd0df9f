export interface CommentForm {
  action: string;
  origin: string;
  fields: [string, string][];
}
export function readCommentForm(
  baseUrl: string,
  path: string,
  cookie: string,
): Promise<CommentForm>;
export function postCommentForm(
  form: CommentForm,
  cookie: string,
  body: string,
  requestKey?: string,
): Promise<{ status: number; id: string | null }>;
