export interface PageForm {
  action: string;
  origin: string;
  fields: [string, string][];
}
export function readForm(
  baseUrl: string,
  path: string,
  options: { cookie?: string; field: string },
): Promise<PageForm>;
export function postForm(
  form: PageForm,
  values: Record<string, string>,
  options?: { cookie?: string; headers?: Record<string, string> },
): Promise<{ status: number; location: string; body: string }>;
export function readCommentForm(baseUrl: string, path: string, cookie: string): Promise<PageForm>;
export function postCommentForm(
  form: PageForm,
  cookie: string,
  body: string,
  requestKey?: string,
): Promise<{ status: number; id: string | null }>;
